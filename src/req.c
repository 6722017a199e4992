/* src/req.c: serialise the request line and header fields */
#include <stdint.h>
#include <string.h>

#include "limits.h"
#include "req.h"
#include "span.h"

/* One -H line taken apart the way curl reads it. */
struct custom {
	struct span	 name;
	enum { CUSTOM_SEND, CUSTOM_EMPTY, CUSTOM_REMOVE, CUSTOM_IGNORE } kind;
};

static struct custom
req_custom(const char *line)
{
	struct custom	 c;
	const char	*colon = strchr(line, ':');
	const char	*semi = strchr(line, ';');
	const char	*p;

	c.kind = CUSTOM_IGNORE;
	c.name = span_make(line, 0);
	/* curl looks for the colon first, anywhere in the line */
	if (colon != NULL) {
		c.name.n = (size_t)(colon - line);
		for (p = colon + 1; span_is_ows((unsigned char)*p); p++)
			continue;
		/* "Name:" with nothing after it removes the default */
		c.kind = *p == '\0' ? CUSTOM_REMOVE : CUSTOM_SEND;
	} else if (semi != NULL && semi[1] == '\0') {
		/* "Name;" and nothing after: send the field empty */
		c.name.n = (size_t)(semi - line);
		c.kind = CUSTOM_EMPTY;
	}
	if (c.name.n == 0)
		c.kind = CUSTOM_IGNORE;		/* a field needs a name */
	return c;
}

/* The first -H line naming name, or NULL. */
static const char *
req_find(const struct hg_request *r, const char *name, struct custom *out)
{
	size_t		 i;
	struct custom	 c;

	for (i = 0; i < r->nheaders; i++) {
		c = req_custom(r->headers[i]);
		if (c.kind != CUSTOM_IGNORE && span_eqi(c.name, name)) {
			*out = c;
			return r->headers[i];
		}
	}
	return NULL;
}

const char *
req_method(const struct hg_request *r)
{
	if (r->method != NULL)
		return r->method;
	return r->nobody ? "HEAD" : "GET";
}

/* A custom field line as sent: "Name: value" as given, "Name;" as "Name:". */
static int
req_add_custom(struct buf *out, const char *line, struct custom c)
{
	if (c.kind == CUSTOM_EMPTY)
		return buf_add(out, c.name.p, c.name.n) == -1 ||
		    buf_addstr(out, ":\r\n") == -1 ? -1 : 0;
	return buf_addstr(out, line) == -1 ||
	    buf_addstr(out, "\r\n") == -1 ? -1 : 0;
}

static int
req_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = span_lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* RFC 3986 §2.1: userinfo is percent-encoded in the URL, not on the wire. */
static int
req_add_decoded(struct buf *out, const char *s)
{
	int	 hi, lo;

	for (; *s != '\0'; s++) {
		if (s[0] == '%' && (hi = req_hexval((unsigned char)s[1])) != -1 &&
		    (lo = req_hexval((unsigned char)s[2])) != -1) {
			if (buf_addc(out, (char)(hi << 4 | lo)) == -1)
				return -1;
			s += 2;
		} else if (buf_addc(out, *s) == -1)
			return -1;
	}
	return 0;
}

/* RFC 4648 §4 base64 of in, appended to out. */
static int
req_add_base64(struct buf *out, const unsigned char *in, size_t n)
{
	static const char	 b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	uint32_t		 v;
	size_t			 i;
	char			 q[4];

	for (i = 0; i < n; i += 3) {
		v = (uint32_t)in[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)in[i + 1] << 8;
		if (i + 2 < n)
			v |= in[i + 2];
		q[0] = b64[v >> 18 & 63];
		q[1] = b64[v >> 12 & 63];
		q[2] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? b64[v & 63] : '=';
		if (buf_add(out, q, 4) == -1)
			return -1;
	}
	return 0;
}

/*
 * RFC 7617: credentials in the URL go out as Basic auth, as curl sends
 * them ("user:" when the URL has no password), unless -H gives its own.
 */
static int
req_auth(const struct hg_request *r, const struct url *u, struct buf *out)
{
	struct custom	 c;
	struct buf	 cred;
	int		 rc;

	if (u->user == NULL || req_find(r, "Authorization", &c) != NULL)
		return 0;
	buf_init(&cred, HG_MAX_REQUEST);
	rc = req_add_decoded(&cred, u->user) == -1 ||
	    buf_addc(&cred, ':') == -1 ||
	    (u->password != NULL && req_add_decoded(&cred, u->password) == -1) ||
	    buf_addstr(out, "Authorization: Basic ") == -1 ||
	    req_add_base64(out, (const unsigned char *)cred.data, cred.len) ==
	    -1 || buf_addstr(out, "\r\n") == -1 ? -1 : 0;
	explicit_bzero(cred.data, cred.len);
	buf_free(&cred);
	return rc;
}

/* Host first, as curl: a -H Host takes the default's place. */
static int
req_host(const struct hg_request *r, const struct url *u, struct buf *out)
{
	struct custom	 c;
	const char	*line;

	if ((line = req_find(r, "Host", &c)) == NULL)
		return buf_addstr(out, "Host: ") == -1 ||
		    url_hostport(u, out) == -1 ||
		    buf_addstr(out, "\r\n") == -1 ? -1 : 0;
	if (c.kind == CUSTOM_REMOVE)
		return 0;
	/* curl writes the name as "Host" whatever case -H gave it */
	return buf_addstr(out, "Host:") == -1 ||
	    (c.kind == CUSTOM_SEND && buf_addstr(out, line + c.name.n + 1) ==
	    -1) || buf_addstr(out, "\r\n") == -1 ? -1 : 0;
}

static int
req_defaults(const struct hg_request *r, struct buf *out)
{
	struct custom	 c;
	const char	*ua = r->user_agent, *ref = r->referer, *auto_at;
	size_t		 reflen;

	if (ua == NULL)
		ua = "hget/" HGET_VERSION;
	if (*ua != '\0' && req_find(r, "User-Agent", &c) == NULL &&
	    buf_printf(out, "User-Agent: %s\r\n", ua) == -1)
		return -1;
	if (req_find(r, "Accept", &c) == NULL &&
	    buf_addstr(out, "Accept: */*\r\n") == -1)
		return -1;
	if (ref == NULL || req_find(r, "Referer", &c) != NULL)
		return 0;
	/* -e "URL;auto": the ";auto" is for redirects, never sent; curl
	 * cuts at the first ";auto" wherever it stands */
	auto_at = strstr(ref, ";auto");
	reflen = auto_at != NULL ? (size_t)(auto_at - ref) : strlen(ref);
	if (reflen == 0)
		return 0;
	return buf_addstr(out, "Referer: ") == -1 ||
	    buf_add(out, ref, reflen) == -1 ||
	    buf_addstr(out, "\r\n") == -1 ? -1 : 0;
}

enum herr
req_build(const struct hg_request *r, const struct url *u, struct buf *out,
    struct hg_err *e)
{
	struct custom	 c;
	size_t		 i;

	if (buf_printf(out, "%s ", req_method(r)) == -1 ||
	    url_target(u, out) == -1 ||
	    buf_addstr(out, r->http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n") ==
	    -1 || req_host(r, u, out) == -1 || req_auth(r, u, out) == -1 ||
	    req_defaults(r, out) == -1)
		goto big;
	for (i = 0; i < r->nheaders; i++) {
		c = req_custom(r->headers[i]);
		if (c.kind == CUSTOM_IGNORE || c.kind == CUSTOM_REMOVE ||
		    span_eqi(c.name, "Host"))
			continue;
		if (req_add_custom(out, r->headers[i], c) == -1)
			goto big;
	}
	if (buf_addstr(out, "\r\n") == -1)
		goto big;
	return HERR_OK;
big:
	return hg_fail(e, HERR_TOO_LARGE, "request head larger than %d bytes",
	    HG_MAX_REQUEST);
}
