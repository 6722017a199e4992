/*
 * tests/fuzz/fuzz_override.c: --connect-to and --resolve rules.  Input:
 * two port bytes, an output size byte, the host line, then one rule per
 * line.  Every string and the output buffer are exact-size heap copies.
 * Same answer twice; a match leaves a NUL-terminated host or address list
 * in out and a port in range.
 */
#include "fuzz.h"

#include "override.h"

#define MAXRULES	16

static void
check(const char *const *rules, size_t n, const char *host, unsigned port,
    size_t outlen)
{
	char		*o1, *o2;
	unsigned	 p1 = 0, p2 = 0;
	int		 rc;

	if ((o1 = malloc(outlen)) == NULL || (o2 = malloc(outlen)) == NULL)
		abort();
	rc = override_connect_to(rules, n, host, port, o1, outlen, &p1);
	FUZZ_CHECK(rc >= -1 && rc <= 1);
	FUZZ_CHECK(rc == override_connect_to(rules, n, host, port, o2, outlen,
	    &p2));
	if (rc == 1) {
		FUZZ_CHECK(memchr(o1, '\0', outlen) != NULL);
		FUZZ_CHECK(strcmp(o1, o2) == 0 && p1 == p2);
		FUZZ_CHECK(p1 <= 65535);
	}
	rc = override_resolve(rules, n, host, port, o1, outlen);
	FUZZ_CHECK(rc >= -1 && rc <= 1);
	FUZZ_CHECK(rc == override_resolve(rules, n, host, port, o2, outlen));
	if (rc == 1) {
		FUZZ_CHECK(memchr(o1, '\0', outlen) != NULL);
		FUZZ_CHECK(strcmp(o1, o2) == 0);
	}
	free(o1);
	free(o2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	char		*rules[MAXRULES], *host;
	unsigned	 port;
	size_t		 n = 0, outlen, i;

	port = fuzz_byte(&in) << 8;
	port |= fuzz_byte(&in);
	outlen = fuzz_byte(&in) + 1;
	host = fuzz_field(&in);
	while (in.n > 0 && n < MAXRULES)
		rules[n++] = fuzz_field(&in);
	check((const char *const *)rules, n, host, port, outlen);
	check((const char *const *)rules, n, host, port, 256);
	for (i = 0; i < n; i++)
		free(rules[i]);
	free(host);
	return 0;
}
