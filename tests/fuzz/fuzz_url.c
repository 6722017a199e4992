/*
 * tests/fuzz/fuzz_url.c: url_parse on any string.  A URL that parses
 * prints (url_string) as a URL that parses to the same components, and
 * prints the same again: what %{url_effective} and redirects rely on.
 *
 * One exception, curl 7.88's own: a percent-encoded host is decoded after
 * the IPv4 number check, so "http://%33/" has host "3" and prints as
 * "http://3/", which is 0.0.0.3 (curl -w '%{url_effective}' shows the same
 * two).  So when the input holds a '%' the host may change once; from the
 * printed form on, the round trip must be exact.
 */
#include "fuzz.h"

#include "buf.h"
#include "herr.h"
#include "limits.h"
#include "url.h"

/* url_string drops an empty query or fragment, as curl's url_effective
 * does: "" and absent are the same URL. */
static const char *
nonempty(const char *s)
{
	return s != NULL && *s == '\0' ? NULL : s;
}

static void
same_url(const struct url *a, const struct url *b, int hostcheck)
{
	FUZZ_CHECK(fuzz_streq(a->scheme, b->scheme));
	FUZZ_CHECK(fuzz_streq(a->user, b->user));
	FUZZ_CHECK(fuzz_streq(a->password, b->password));
	if (hostcheck) {
		FUZZ_CHECK(fuzz_streq(a->host, b->host));
		FUZZ_CHECK(a->ipv6 == b->ipv6);
	}
	FUZZ_CHECK(a->port == b->port);
	FUZZ_CHECK(a->port_given == b->port_given);
	FUZZ_CHECK(fuzz_streq(a->path, b->path));
	FUZZ_CHECK(fuzz_streq(nonempty(a->query), nonempty(b->query)));
	FUZZ_CHECK(fuzz_streq(nonempty(a->fragment),
	    nonempty(b->fragment)));
}

/* Print u, parse the print into v (which must succeed). */
static void
round_trip(const struct url *u, struct url *v, struct buf *s)
{
	struct hg_err	 e;

	buf_init(s, HG_MAX_URL);
	FUZZ_CHECK(url_string(u, s) == 0);
	FUZZ_CHECK(url_parse(v, s->data, &e) == HERR_OK);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct url	 u, v, w;
	struct hg_err	 e;
	struct buf	 s1, s2, t;
	char		*str;

	/* the whole input up to a NUL: a URL may hold LF (and is refused) */
	str = fuzz_cstr(data, size);
	if (url_parse(&u, str, &e) != HERR_OK) {
		free(str);
		return 0;
	}
	FUZZ_CHECK(u.path != NULL && u.path[0] != '\0');
	FUZZ_CHECK(u.port <= 65535);
	buf_init(&t, HG_MAX_URL);
	FUZZ_CHECK(url_target(&u, &t) == 0 && url_hostport(&u, &t) == 0);
	round_trip(&u, &v, &s1);
	same_url(&u, &v, strchr(str, '%') == NULL);
	round_trip(&v, &w, &s2);
	same_url(&v, &w, 1);
	if (strchr(str, '%') == NULL)
		FUZZ_CHECK(s1.len == s2.len &&
		    memcmp(s1.data, s2.data, s1.len) == 0);
	url_free(&w);
	url_free(&v);
	url_free(&u);
	buf_free(&s1);
	buf_free(&s2);
	buf_free(&t);
	free(str);
	return 0;
}
