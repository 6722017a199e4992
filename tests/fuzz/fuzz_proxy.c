/*
 * tests/fuzz/fuzz_proxy.c: the proxy strings a user or the environment
 * gives.  Input: a flag byte, then lines: no_proxy list, host, -x proxy,
 * -U, http_proxy, https_proxy, all_proxy, request URL.  Every string is an
 * exact-size heap copy.  proxy_noproxy_match answers 0 or 1, the same
 * twice; proxy_pick answers the same twice, with a NUL-terminated host, a
 * port in range and an error message when it fails.
 */
#include "fuzz.h"

#include "herr.h"
#include "hget.h"
#include "proxy.h"
#include "url.h"

#define NSTR	8

static void
same_proxy(const struct proxy *a, const struct proxy *b)
{
	FUZZ_CHECK(memchr(a->host, '\0', sizeof(a->host)) != NULL);
	FUZZ_CHECK(memchr(a->user, '\0', sizeof(a->user)) != NULL);
	FUZZ_CHECK(memchr(a->password, '\0', sizeof(a->password)) != NULL);
	FUZZ_CHECK(strcmp(a->host, b->host) == 0 && a->port == b->port);
	FUZZ_CHECK(a->port <= 65535);
	FUZZ_CHECK(a->ipv6 == b->ipv6 && a->tunnel == b->tunnel);
	FUZZ_CHECK(a->has_user == b->has_user);
	FUZZ_CHECK(strcmp(a->user, b->user) == 0 &&
	    strcmp(a->password, b->password) == 0);
}

static void
pick(const struct hg_request *rq, const struct url *u)
{
	static struct proxy	 p1, p2;
	struct hg_err		 e1, e2;
	int			 rc;

	memset(&e1, 0, sizeof(e1));
	memset(&e2, 0, sizeof(e2));
	rc = proxy_pick(rq, u, &p1, &e1);
	FUZZ_CHECK(rc >= -1 && rc <= 1);
	FUZZ_CHECK(rc == proxy_pick(rq, u, &p2, &e2));
	if (rc == 1)
		same_proxy(&p1, &p2);
	if (rc == -1) {
		FUZZ_CHECK(e1.code != HERR_OK && e1.code == e2.code);
		FUZZ_CHECK(memchr(e1.msg, '\0', sizeof(e1.msg)) != NULL);
		FUZZ_CHECK(strcmp(e1.msg, e2.msg) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in		 in = { data, size };
	struct hg_request	 rq;
	struct url		 u;
	struct hg_err		 e;
	char			*s[NSTR];
	unsigned		 flags;
	size_t			 i;
	int			 m;

	flags = fuzz_byte(&in);
	for (i = 0; i < NSTR; i++)
		s[i] = fuzz_field(&in);
	m = proxy_noproxy_match(s[0], s[1]);
	FUZZ_CHECK(m == 0 || m == 1);
	FUZZ_CHECK(m == proxy_noproxy_match(s[0], s[1]));

	memset(&rq, 0, sizeof(rq));
	rq.url = s[7];
	rq.noproxy = flags & 1 ? s[0] : NULL;
	rq.proxy = flags & 2 ? s[2] : NULL;
	rq.proxy_user = flags & 4 ? s[3] : NULL;
	rq.env_http_proxy = flags & 8 ? s[4] : NULL;
	rq.env_https_proxy = flags & 16 ? s[5] : NULL;
	rq.env_all_proxy = flags & 32 ? s[6] : NULL;
	rq.proxytunnel = (flags >> 6) & 1;
	if (url_parse(&u, s[7], &e) == HERR_OK) {
		pick(&rq, &u);
		url_free(&u);
	}
	for (i = 0; i < NSTR; i++)
		free(s[i]);
	return 0;
}
