/*
 * tests/fuzz/fuzz_netrc.c: netrc_lookup on any file text.  Input: a flag
 * byte (bit 0: a login is named), two size bytes for the login and
 * password buffers, the host line, the login line, then the file.  The
 * text and both buffers are exact-size heap copies, so ASan sees a read
 * past len or a write past a buffer.  The same lookup twice gives the same
 * answer; a FOUND answer holds NUL-terminated values that fit.
 */
#include "fuzz.h"

#include "netrc.h"

struct answer {
	enum netrc_rc	 rc;
	char		*login;
	char		*pass;
	const char	*why;
};

static void
lookup(struct answer *a, const char *text, size_t len, const char *host,
    const char *login, size_t loginlen, size_t passlen)
{
	if ((a->login = malloc(loginlen)) == NULL ||
	    (a->pass = malloc(passlen)) == NULL)
		abort();
	memset(a->login, 'L', loginlen);
	memset(a->pass, 'P', passlen);
	a->why = NULL;
	a->rc = netrc_lookup(text, len, host, login, a->login, loginlen,
	    a->pass, passlen, &a->why);
	FUZZ_CHECK(a->rc >= NETRC_BAD && a->rc <= NETRC_FOUND);
	if (a->rc == NETRC_BAD)
		FUZZ_CHECK(a->why != NULL);
	if (a->rc == NETRC_FOUND) {
		FUZZ_CHECK(memchr(a->login, '\0', loginlen) != NULL);
		FUZZ_CHECK(memchr(a->pass, '\0', passlen) != NULL);
		if (login != NULL)
			FUZZ_CHECK(strcmp(a->login, login) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct answer	 a, b;
	unsigned	 flags;
	size_t		 loginlen, passlen, len;
	char		*host, *login, *text;

	flags = fuzz_byte(&in);
	loginlen = fuzz_byte(&in) * 16 + 1;
	passlen = fuzz_byte(&in) * 16 + 1;
	if (flags & 2)
		loginlen = passlen = NETRC_MAX_LINE;
	host = fuzz_field(&in);
	login = fuzz_field(&in);
	text = fuzz_rest(&in, &len);
	lookup(&a, text, len, host, flags & 1 ? login : NULL, loginlen,
	    passlen);
	lookup(&b, text, len, host, flags & 1 ? login : NULL, loginlen,
	    passlen);
	FUZZ_CHECK(a.rc == b.rc && fuzz_streq(a.why, b.why));
	if (a.rc == NETRC_FOUND)
		FUZZ_CHECK(strcmp(a.login, b.login) == 0 &&
		    strcmp(a.pass, b.pass) == 0);
	free(a.login);
	free(a.pass);
	free(b.login);
	free(b.pass);
	free(host);
	free(login);
	free(text);
	return 0;
}
