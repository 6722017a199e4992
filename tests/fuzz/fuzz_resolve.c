/*
 * tests/fuzz/fuzz_resolve.c: url_resolve (RFC 3986 §5.2) of a Location
 * value against a URL, the way src/redir.c calls it: the base is a parsed
 * URL's url_string.  Input: the base line, then the reference (up to a
 * NUL).  Resolving depends on nothing but the two strings.  A relative
 * reference without control bytes (url_add_encoded leaves those for
 * url_parse to refuse, as curl 7.88 does) resolves to a URL that parses,
 * with the scheme, host and port of the base as printed (not as first
 * parsed: "%33" is host "3" that prints as "3", which is 0.0.0.3, as in
 * curl 7.88; see fuzz_url.c).
 */
#include "fuzz.h"

#include "buf.h"
#include "herr.h"
#include "limits.h"
#include "url.h"

/* No scheme (RFC 3986 §3.1), no authority, no control byte. */
static int
plain_relative(const char *ref)
{
	const char	*p;

	for (p = ref; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	if (ref[0] == '/' && ref[1] == '/')
		return 0;
	p = ref;
	if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' ||
		    *p == '.')
			p++;
	return p == ref || *p != ':';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct url	 b, pb, r;
	struct hg_err	 e;
	struct buf	 base, out, again;
	char		*bs, *ref;
	int		 rc;

	bs = fuzz_field(&in);
	ref = fuzz_field(&in);
	if (strchr(ref, '\r') != NULL)
		goto done;
	if (url_parse(&b, bs, &e) != HERR_OK)
		goto done;
	buf_init(&base, HG_MAX_URL);
	buf_init(&out, HG_MAX_URL);
	buf_init(&again, HG_MAX_URL);
	FUZZ_CHECK(url_string(&b, &base) == 0);
	FUZZ_CHECK(url_parse(&pb, base.data, &e) == HERR_OK);
	rc = url_resolve(base.data, ref, &out);
	FUZZ_CHECK(rc == url_resolve(base.data, ref, &again));
	if (rc == 0) {
		FUZZ_CHECK(out.len == again.len &&
		    memcmp(out.data, again.data, out.len) == 0);
		if (url_parse(&r, out.data, &e) == HERR_OK) {
			if (plain_relative(ref))
				FUZZ_CHECK(strcmp(r.scheme, pb.scheme) == 0 &&
				    strcmp(r.host, pb.host) == 0 &&
				    r.port == pb.port);
			url_free(&r);
		} else
			FUZZ_CHECK(!plain_relative(ref));
	}
	buf_free(&base);
	buf_free(&out);
	buf_free(&again);
	url_free(&pb);
	url_free(&b);
done:
	free(bs);
	free(ref);
	return 0;
}
