/* src/x509.c: PEM blocks, a DER walker for X.509 v3, subjectAltName, key pins */
/*
 * Bare section numbers are RFC 5280's.  The walk has a fixed depth
 * (Certificate, tbsCertificate, [3], Extensions, Extension, extnValue,
 * GeneralNames, GeneralName) and no recursion; every element is checked
 * to lie inside its parent, and every parent is read to its last byte.
 */
#include <arpa/inet.h>
#include <sys/socket.h>

#include <stddef.h>
#include <string.h>

#include "sha256.h"
#include "x509.h"

/* X.690 §8.1.2: identifier octets of the types on our path */
#define DER_BOOLEAN	0x01
#define DER_INTEGER	0x02
#define DER_BITSTRING	0x03
#define DER_OCTETSTRING	0x04
#define DER_OID		0x06
#define DER_SEQUENCE	0x30
#define DER_CTX(n)	(0x80 | (n))	/* [n] IMPLICIT, primitive */
#define DER_CTX_CONS(n)	(0xa0 | (n))	/* [n], constructed */

/*
 * Length octets beyond the first.  Four cover any certificate (4 GiB) and
 * keep the value inside a 32-bit size_t; anything longer is refused.
 */
#define DER_LEN_OCTETS	4

/* §4.1.2.1: Version ::= INTEGER { v1(0), v2(1), v3(2) } */
#define X509_V3		2

/* the bytes from which "sha256//" pins are compared (no NUL) */
#define PIN_PREFIX	"sha256//"
#define PIN_PREFIXLEN	(sizeof(PIN_PREFIX) - 1)
#define PIN_B64LEN	44		/* 32 bytes in base64, one '=' */
#define PIN_ITEMLEN	(PIN_PREFIXLEN + PIN_B64LEN)

/* a span of DER still to be read */
struct der {
	const unsigned char	*p;
	size_t			 n;
};

/* one element: identifier, and where it starts, its value, its end */
struct tlv {
	unsigned		 tag;
	const unsigned char	*start;		/* identifier octet */
	size_t			 len;		/* whole element */
	struct der		 val;		/* contents octets */
};

/* what the walk of tbsCertificate keeps */
struct cert {
	struct tlv		 spki;
	struct der		 exts;	/* in SEQUENCE OF Extension */
	int			 hasexts;
};

/* RFC 5280 §4.2.1.6: id-ce-subjectAltName, 2.5.29.17, as DER contents */
static const unsigned char oid_san[] = { 0x55, 0x1d, 0x11 };

static const char pem_begin[] = "-----BEGIN CERTIFICATE-----";
static const char pem_end[] = "-----END CERTIFICATE-----";

static const char b64_alpha[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/*
 * Reads one element off d: X.690 §8.1 with DER's rules (§10.1): a
 * definite length in the fewest octets.  High tag numbers (§8.1.2.4) never
 * occur on our path and are refused.  The element always lies inside d.
 */
static int
der_next(struct der *d, struct tlv *t)
{
	size_t	 hdr = 2, vlen, nlen, i;

	if (d->n < 2 || (d->p[0] & 0x1f) == 0x1f)
		return -1;
	t->tag = d->p[0];
	vlen = d->p[1];
	if (vlen & 0x80) {
		nlen = vlen & 0x7f;
		/* 0 is the indefinite form, which DER forbids */
		if (nlen == 0 || nlen > DER_LEN_OCTETS || nlen > d->n - 2)
			return -1;
		if (d->p[2] == 0)
			return -1;		/* a leading zero octet */
		for (vlen = 0, i = 0; i < nlen; i++)
			vlen = vlen << 8 | d->p[2 + i];
		if (vlen < 0x80)
			return -1;		/* the short form was due */
		hdr += nlen;
	}
	if (vlen > d->n - hdr)
		return -1;
	t->start = d->p;
	t->len = hdr + vlen;
	t->val.p = d->p + hdr;
	t->val.n = vlen;
	d->p += t->len;
	d->n -= t->len;
	return 0;
}

static int
der_expect(struct der *d, unsigned tag, struct tlv *t)
{
	if (der_next(d, t) == -1 || t->tag != tag)
		return -1;
	return 0;
}

/* The identifier octet of the next element, or -1 at the end. */
static int
der_peek(const struct der *d)
{
	return d->n > 0 ? d->p[0] : -1;
}

/* The single element that fills d exactly, as for EXPLICIT tags. */
static int
der_only(struct der d, unsigned tag, struct tlv *t)
{
	if (der_expect(&d, tag, t) == -1 || d.n != 0)
		return -1;
	return 0;
}

/*
 * §4.1.1.2, §4.1.2.7: SubjectPublicKeyInfo ::= SEQUENCE { algorithm
 * AlgorithmIdentifier, subjectPublicKey BIT STRING }.
 */
static int
x509_spki_ok(struct der d)
{
	struct tlv	 t;

	if (der_expect(&d, DER_SEQUENCE, &t) == -1 ||
	    der_expect(&d, DER_BITSTRING, &t) == -1 || d.n != 0)
		return -1;
	return 0;
}

/* §4.1.2.1: [0] EXPLICIT Version DEFAULT v1; v1 when absent. */
static int
x509_version(struct der *tbs, int *version)
{
	struct tlv	 t, v;

	*version = 0;
	if (der_peek(tbs) != DER_CTX_CONS(0))
		return 0;
	if (der_next(tbs, &t) == -1 ||
	    der_only(t.val, DER_INTEGER, &v) == -1 || v.val.n != 1 ||
	    v.val.p[0] > X509_V3)
		return -1;
	*version = v.val.p[0];
	return 0;
}

/*
 * §4.1: TBSCertificate ::= SEQUENCE { version, serialNumber, signature,
 * issuer, validity, subject, subjectPublicKeyInfo, [1] issuerUniqueID,
 * [2] subjectUniqueID, [3] extensions }, in that order and nothing after.
 */
static int
x509_tbs(struct der tbs, struct cert *c)
{
	/* serialNumber, signature, issuer, validity, subject */
	static const unsigned	 fields[] = { DER_INTEGER, DER_SEQUENCE,
	    DER_SEQUENCE, DER_SEQUENCE, DER_SEQUENCE };
	struct tlv		 t, x;
	size_t			 i;
	int			 version;

	if (x509_version(&tbs, &version) == -1)
		return -1;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (der_expect(&tbs, fields[i], &t) == -1)
			return -1;
	if (der_expect(&tbs, DER_SEQUENCE, &c->spki) == -1 ||
	    x509_spki_ok(c->spki.val) == -1)
		return -1;
	/* §4.1.2.8: unique identifiers, IMPLICIT BIT STRINGs */
	if (der_peek(&tbs) == DER_CTX(1) && der_next(&tbs, &t) == -1)
		return -1;
	if (der_peek(&tbs) == DER_CTX(2) && der_next(&tbs, &t) == -1)
		return -1;
	c->hasexts = 0;
	if (der_peek(&tbs) == DER_CTX_CONS(3)) {
		/* §4.1.2.9: extensions only in v3 */
		if (version != X509_V3 || der_next(&tbs, &t) == -1 ||
		    der_only(t.val, DER_SEQUENCE, &x) == -1)
			return -1;
		c->exts = x.val;
		c->hasexts = 1;
	}
	return tbs.n == 0 ? 0 : -1;
}

/*
 * §4.1: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm,
 * signatureValue BIT STRING }, filling der exactly.
 */
static int
x509_parse(const unsigned char *der, size_t len, struct cert *c)
{
	struct der	 top = { der, len }, body;
	struct tlv	 t, tbs;

	if (der == NULL || der_only(top, DER_SEQUENCE, &t) == -1)
		return -1;
	body = t.val;
	if (der_expect(&body, DER_SEQUENCE, &tbs) == -1 ||
	    der_expect(&body, DER_SEQUENCE, &t) == -1 ||
	    der_expect(&body, DER_BITSTRING, &t) == -1 || body.n != 0)
		return -1;
	return x509_tbs(tbs.val, c);
}

/*
 * §4.1: Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical
 * BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }.  Checks every
 * extension; *val is the extnValue contents of the one named by oid.
 * Returns 1 found, 0 absent, -1 malformed or (§4.2) present twice.
 */
static int
x509_ext(const struct cert *c, const unsigned char *oid, size_t oidlen,
    struct der *val)
{
	struct der	 exts = c->exts, e;
	struct tlv	 t, id, v;
	int		 found = 0;

	if (!c->hasexts)
		return 0;
	while (exts.n > 0) {
		if (der_expect(&exts, DER_SEQUENCE, &t) == -1)
			return -1;
		e = t.val;
		if (der_expect(&e, DER_OID, &id) == -1)
			return -1;
		if (der_peek(&e) == DER_BOOLEAN &&
		    (der_next(&e, &v) == -1 || v.val.n != 1))
			return -1;
		if (der_expect(&e, DER_OCTETSTRING, &v) == -1 || e.n != 0)
			return -1;
		if (id.val.n != oidlen || memcmp(id.val.p, oid, oidlen) != 0)
			continue;
		if (found++)
			return -1;
		*val = v.val;
	}
	return found;
}

/*
 * §4.2.1.6, Appendix A.2 (IMPLICIT TAGS): the GeneralName tags, with the
 * constructed bit their underlying types give them.
 */
static int
x509_gn_tag_ok(unsigned tag)
{
	switch (tag) {
	case DER_CTX_CONS(0):	/* otherName */
	case DER_CTX(1):	/* rfc822Name */
	case DER_CTX(2):	/* dNSName */
	case DER_CTX_CONS(3):	/* x400Address */
	case DER_CTX_CONS(4):	/* directoryName, EXPLICIT (a CHOICE) */
	case DER_CTX_CONS(5):	/* ediPartyName */
	case DER_CTX(6):	/* uniformResourceIdentifier */
	case DER_CTX(7):	/* iPAddress */
	case DER_CTX(8):	/* registeredID */
		return 1;
	default:
		return 0;
	}
}

/* One dNSName or iPAddress as a C string in buf; -1 when it cannot be. */
static int
x509_gn_string(const struct tlv *t, char *buf, size_t bufsz)
{
	const struct der	*v = &t->val;
	int			 af;

	if (t->tag == DER_CTX(2)) {
		/* a NUL would cut the name short: the NUL-prefix attack */
		if (v->n > X509_NAME_MAX || v->n >= bufsz ||
		    memchr(v->p, '\0', v->n) != NULL)
			return -1;
		memcpy(buf, v->p, v->n);
		buf[v->n] = '\0';
		return 0;
	}
	/* iPAddress: 4 or 16 octets in network order, never a mask here */
	if (v->n == 4)
		af = AF_INET;
	else if (v->n == 16)
		af = AF_INET6;
	else
		return -1;
	/* bufsz is X509_NAME_MAX + 1: socklen_t holds it */
	return inet_ntop(af, v->p, buf, (socklen_t)bufsz) == NULL ? -1 : 0;
}

/*
 * GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName, the whole
 * extnValue.  With fn NULL it only checks.  Returns the number of dNSName
 * and iPAddress entries, or -1.
 */
static int
x509_san_walk(struct der val,
    void (*fn)(void *arg, int type, const char *name), void *arg)
{
	char		 buf[X509_NAME_MAX + 1];
	struct der	 names;
	struct tlv	 t;
	int		 count = 0;

	if (der_only(val, DER_SEQUENCE, &t) == -1)
		return -1;
	names = t.val;
	while (names.n > 0) {
		if (der_next(&names, &t) == -1 || !x509_gn_tag_ok(t.tag))
			return -1;
		if (t.tag != DER_CTX(2) && t.tag != DER_CTX(7))
			continue;
		if (x509_gn_string(&t, buf, sizeof(buf)) == -1)
			return -1;
		if (fn != NULL)
			fn(arg, t.tag == DER_CTX(2) ? X509_SAN_DNS :
			    X509_SAN_IP, buf);
		count++;
	}
	return count;
}

int
x509_spki(const unsigned char *der, size_t len,
    const unsigned char **spki, size_t *spkilen)
{
	struct cert	 c;

	if (x509_parse(der, len, &c) == -1)
		return -1;
	*spki = c.spki.start;
	*spkilen = c.spki.len;
	return 0;
}

int
x509_sans(const unsigned char *der, size_t len,
    void (*fn)(void *arg, int type, const char *name), void *arg)
{
	struct cert	 c;
	struct der	 val;
	int		 rc;

	if (x509_parse(der, len, &c) == -1)
		return -1;
	if ((rc = x509_ext(&c, oid_san, sizeof(oid_san), &val)) <= 0)
		return rc;
	/* check first, so that fn sees all of the names or none */
	if (x509_san_walk(val, NULL, NULL) == -1)
		return -1;
	return x509_san_walk(val, fn, arg);
}

/* RFC 4648 §4, with padding; out has 4 * ((n + 2) / 3) + 1 bytes. */
static void
b64_encode(const unsigned char *in, size_t n, char *out)
{
	unsigned long	 v;
	size_t		 i;

	for (i = 0; i + 3 <= n; i += 3, out += 4) {
		v = (unsigned long)in[i] << 16 | in[i + 1] << 8 | in[i + 2];
		out[0] = b64_alpha[v >> 18 & 63];
		out[1] = b64_alpha[v >> 12 & 63];
		out[2] = b64_alpha[v >> 6 & 63];
		out[3] = b64_alpha[v & 63];
	}
	if (i < n) {
		v = (unsigned long)in[i] << 16;
		if (i + 1 < n)
			v |= in[i + 1] << 8;
		out[0] = b64_alpha[v >> 18 & 63];
		out[1] = b64_alpha[v >> 12 & 63];
		out[2] = i + 1 < n ? b64_alpha[v >> 6 & 63] : '=';
		out[3] = '=';
		out += 4;
	}
	*out = '\0';
}

/* The 6-bit value of a base64 character, or -1. */
static int
b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

int
x509_pin_hash(const unsigned char *der, size_t len, char out[X509_PIN_LEN])
{
	unsigned char	 md[SHA256_DIGEST_LEN];
	const unsigned char *spki;
	size_t		 spkilen;

	if (x509_spki(der, len, &spki, &spkilen) == -1)
		return -1;
	sha256_digest(spki, spkilen, md);
	memcpy(out, PIN_PREFIX, PIN_PREFIXLEN);
	b64_encode(md, sizeof(md), out + PIN_PREFIXLEN);
	return 0;
}

/*
 * One "sha256//" item: 43 base64 characters and '='.  The 43rd carries
 * the digest's last 4 bits and two zero bits (RFC 4648 §3.5); with any
 * other it is not the encoding of a digest and could never match.
 */
static int
pin_item_ok(const char *p)
{
	size_t	 i;
	int	 v = 0;

	if (strncmp(p, PIN_PREFIX, PIN_PREFIXLEN) != 0)
		return 0;
	p += PIN_PREFIXLEN;
	for (i = 0; i < PIN_B64LEN - 1; i++)
		if ((v = b64_value((unsigned char)p[i])) == -1)
			return 0;
	return (v & 3) == 0 && p[PIN_B64LEN - 1] == '=';
}

/* pins = item *( ";" item ), nothing else: no spaces, no empty items. */
static int
pin_syntax(const char *pins)
{
	const char	*p = pins;

	if (p == NULL)
		return -1;
	for (;;) {
		if (!pin_item_ok(p))
			return -1;
		p += PIN_ITEMLEN;
		if (*p == '\0')
			return 0;
		if (*p++ != ';')
			return -1;
	}
}

int
x509_pin_check(const char *pins, const unsigned char *der, size_t derlen)
{
	char		 mine[X509_PIN_LEN];
	const char	*p;

	if (pin_syntax(pins) == -1)
		return -1;
	if (x509_pin_hash(der, derlen, mine) == -1)
		return 0;
	for (p = pins;; p += PIN_ITEMLEN + 1) {
		if (memcmp(p, mine, PIN_ITEMLEN) == 0)
			return 1;
		if (p[PIN_ITEMLEN] == '\0')
			return 0;
	}
}

/* [p, e) is blank: SP, HTAB, CR (RFC 7468 §3 allows trailing whitespace). */
static int
pem_blank(const char *p, const char *e)
{
	for (; p < e; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r')
			return 0;
	return 1;
}

/* The line [p, e) is exactly the marker m, then blanks. */
static int
pem_marker(const char *p, const char *e, const char *m)
{
	size_t	 mlen = strlen(m);

	return (size_t)(e - p) >= mlen && memcmp(p, m, mlen) == 0 &&
	    pem_blank(p + mlen, e);
}

/* The end of the line starting at p: its LF, or e. */
static const char *
pem_eol(const char *p, const char *e)
{
	const char	*nl = memchr(p, '\n', (size_t)(e - p));

	return nl != NULL ? nl : e;
}

/* base64 decoding state across the lines of one block */
struct b64 {
	int		 q[4];		/* one quantum; 64 is '=' */
	int		 nq;
	int		 done;		/* a padded quantum came */
	unsigned char	*out;
	size_t		 cap, len;
};

/* RFC 4648 §4: one complete quantum; '=' only as its last one or two. */
static int
b64_quantum(struct b64 *b)
{
	unsigned long	 v;
	int		 nout, i;

	if (b->q[0] == 64 || b->q[1] == 64 || (b->q[2] == 64 && b->q[3] != 64))
		return -1;
	nout = b->q[2] == 64 ? 1 : b->q[3] == 64 ? 2 : 3;
	if ((size_t)nout > b->cap - b->len)
		return -1;
	for (v = 0, i = 0; i < 4; i++)
		v = v << 6 | (unsigned long)(b->q[i] & 63);
	for (i = 0; i < nout; i++)
		b->out[b->len++] = (unsigned char)(v >> (16 - 8 * i));
	b->nq = 0;
	b->done = nout < 3;
	return 0;
}

/* The base64 characters of one line [p, e), blanks anywhere. */
static int
b64_line(struct b64 *b, const char *p, const char *e)
{
	int	 v;

	for (; p < e; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\r')
			continue;
		if (*p == '=')
			v = 64;
		else if ((v = b64_value((unsigned char)*p)) == -1)
			return -1;
		if (b->done)
			return -1;		/* data after the padding */
		b->q[b->nq++] = v;
		if (b->nq == 4 && b64_quantum(b) == -1)
			return -1;
	}
	return 0;
}

int
x509_pem_next(const char *pem, size_t len, size_t *off, unsigned char *der,
    size_t dercap, size_t *derlen)
{
	const char	*e, *p, *eol;
	struct b64	 b;

	if (*off >= len) {
		if (*off > len)
			return -1;
		return 0;		/* and pem may be NULL */
	}
	e = pem + len;
	for (p = pem + *off;; p = eol + 1) {
		eol = pem_eol(p, e);
		if (pem_marker(p, eol, pem_begin))
			break;
		if (eol == e) {
			*off = len;
			return 0;
		}
	}
	if (eol == e)
		return -1;		/* BEGIN ends the input */
	memset(&b, 0, sizeof(b));
	b.out = der;
	b.cap = dercap;
	for (p = eol + 1; p < e; p = eol + 1) {
		eol = pem_eol(p, e);
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		if (p < eol && *p == '-') {
			if (!pem_marker(p, eol, pem_end) || b.nq != 0 ||
			    b.len == 0)
				return -1;
			*derlen = b.len;
			*off = eol < e ? (size_t)(eol + 1 - pem) : len;
			return 1;
		}
		if (b64_line(&b, p, eol) == -1)
			return -1;
		if (eol == e)
			break;
	}
	return -1;
}
