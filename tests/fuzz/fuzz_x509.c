/*
 * tests/fuzz/fuzz_x509.c: certificates as a server or a --cacert file
 * hands them over.  Input: a flag byte, a pin line (--pinnedpubkey), then
 * the rest, read as PEM and also as one DER certificate.  Every PEM block
 * found decodes into an exact-size buffer and its DER goes through
 * x509_spki, x509_sans and the pin functions, as does the raw rest.
 * Invariants: a block's offset only moves forward and a failed block
 * leaves it alone; spki and pin_hash agree; a certificate's own pin
 * matches it; SAN names are NUL-free, short and of a reported type.
 */
#include "fuzz.h"

#include "x509.h"

struct sans {
	int	 n;
};

static void
san(void *arg, int type, const char *name)
{
	struct sans	*s = arg;

	FUZZ_CHECK(type == X509_SAN_DNS || type == X509_SAN_IP);
	FUZZ_CHECK(strlen(name) <= X509_NAME_MAX);
	s->n++;
}

static void
cert(const unsigned char *der, size_t len, const char *pins)
{
	const unsigned char	*spki;
	size_t			 spkilen;
	char			 pin[X509_PIN_LEN];
	struct sans		 s = { 0 };
	int			 rc, has;

	has = x509_spki(der, len, &spki, &spkilen) == 0;
	if (has)
		FUZZ_CHECK(spki >= der && spki + spkilen <= der + len);
	rc = x509_pin_hash(der, len, pin);
	FUZZ_CHECK(rc == (has ? 0 : -1));
	if (rc == 0) {
		FUZZ_CHECK(strlen(pin) == X509_PIN_LEN - 1);
		FUZZ_CHECK(x509_pin_check(pin, der, len) == 1);
	}
	rc = x509_sans(der, len, san, &s);
	FUZZ_CHECK(rc == -1 ? s.n == 0 : rc == s.n);
	rc = x509_pin_check(pins, der, len);
	FUZZ_CHECK(rc >= -1 && rc <= 1);
	FUZZ_CHECK(rc == x509_pin_check(pins, der, len));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	unsigned char	*der;
	char		*pins, *pem;
	size_t		 len, off = 0, prev, cap, derlen;
	unsigned	 flags;
	int		 rc, blocks = 0;

	flags = fuzz_byte(&in);
	pins = fuzz_field(&in);
	pem = fuzz_rest(&in, &len);
	cert((const unsigned char *)pem, len, pins);
	while (off < len && blocks++ < 64) {
		prev = off;
		/* the documented sufficient size, or a tight one */
		cap = (len - off) / 4 * 3;
		if (flags & 1)
			cap = cap > 0 ? cap / 2 : 0;
		if ((der = malloc(cap > 0 ? cap : 1)) == NULL)
			abort();
		rc = x509_pem_next(pem, len, &off, der, cap, &derlen);
		FUZZ_CHECK(rc >= -1 && rc <= 1);
		if (rc == 1) {
			FUZZ_CHECK(off > prev && off <= len);
			FUZZ_CHECK(derlen <= cap);
			cert(der, derlen, pins);
		} else if (rc == 0)
			FUZZ_CHECK(off == len);
		else
			FUZZ_CHECK(off == prev);
		free(der);
		if (rc != 1)
			break;
	}
	free(pins);
	free(pem);
	return 0;
}
