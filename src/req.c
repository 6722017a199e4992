/* src/req.c: serialise the request line and header fields */
#include <string.h>
#include <strings.h>

#include "date.h"
#include "decode.h"
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
	if (r->nobody)
		return "HEAD";
	if (r->upload)
		return "PUT";
	return r->has_body ? "POST" : "GET";
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
req_line(struct buf *out, const char *name, const char *v)
{
	return buf_addstr(out, name) == -1 || buf_addstr(out, ": ") == -1 ||
	    buf_addstr(out, v) == -1 || buf_addstr(out, "\r\n") == -1 ? -1 : 0;
}

/* "Name: value" unless a -H line names the field (it replaces or removes). */
static int
req_default(const struct hg_request *r, struct buf *out, const char *name,
    const char *v)
{
	struct custom	 c;

	if (v == NULL || req_find(r, name, &c) != NULL)
		return 0;
	return req_line(out, name, v);
}

/*
 * Range for a download; for a body (curl's quirk with -r and -d/-T) a
 * Content-Range over the body's length instead.
 */
static int
req_range(const struct hg_request *r, const struct req_hop *hop,
    struct buf *out)
{
	struct custom	 c;

	if (hop->range == NULL)
		return 0;
	if (!hop->has_body)
		return req_default(r, out, "Range", hop->range);
	if (hop->body_size < 0 || r->range == NULL ||
	    req_find(r, "Content-Range", &c) != NULL)
		return 0;
	return buf_printf(out, "Content-Range: bytes %s/%lld\r\n", r->range,
	    (long long)hop->body_size);
}

/*
 * --tr-encoding: "TE: gzip" must be named in Connection (RFC 9110 §10.1.4),
 * so a -H Connection value is merged into curl's "Connection: v, TE".
 */
static int
req_te(const struct hg_request *r, struct buf *out)
{
	struct custom	 c;
	const char	*line, *v = "";

	if (!r->tr_encoding || req_find(r, "TE", &c) != NULL)
		return 0;
	if ((line = req_find(r, "Connection", &c)) != NULL &&
	    c.kind == CUSTOM_SEND)
		for (v = line + c.name.n + 1; span_is_ows((unsigned char)*v);
		    v++)
			continue;
	return buf_printf(out, "Connection: %s%sTE\r\nTE: gzip\r\n", v,
	    *v != '\0' ? ", " : "");
}

/* -z: If-Modified-Since, or with "-DATE" If-Unmodified-Since. */
static int
req_timecond(const struct hg_request *r, struct buf *out)
{
	char	 d[DATE_LEN];

	if (r->timecond == 0)
		return 0;
	date_format(r->timecond_time, d);
	return req_default(r, out, r->timecond > 0 ? "If-Modified-Since" :
	    "If-Unmodified-Since", d);
}

/*
 * curl's defaults, in its order: Proxy-Authorization, Authorization,
 * Range, User-Agent, Accept, TE, Accept-Encoding, Referer,
 * Proxy-Connection, Cookie, If-Modified-Since.
 */
static int
req_defaults(const struct hg_request *r, const struct req_hop *hop,
    struct buf *out)
{
	const char	*ua = r->user_agent;

	if (ua == NULL)
		ua = "hget/" HGET_VERSION;
	return req_default(r, out, "Proxy-Authorization", hop->proxy_auth) ||
	    req_default(r, out, "Authorization", hop->auth) ||
	    req_range(r, hop, out) ||
	    req_default(r, out, "User-Agent", *ua != '\0' ? ua : NULL) ||
	    req_default(r, out, "Accept", "*/*") ||
	    req_te(r, out) ||
	    req_default(r, out, "Accept-Encoding", r->compressed ?
	    decode_accept : NULL) ||
	    req_default(r, out, "Referer", hop->referer != NULL &&
	    *hop->referer != '\0' ? hop->referer : NULL) ||
	    /* curl's (non-standard) keep-alive hint to HTTP/1.0 proxies */
	    req_default(r, out, "Proxy-Connection", hop->absolute ?
	    "Keep-Alive" : NULL) ||
	    req_default(r, out, "Cookie", hop->cookie) ||
	    req_timecond(r, out) ? -1 : 0;
}

/* After the -H lines, as curl adds them to its list: If-None-Match, If-Range. */
static int
req_validators(const struct hg_request *r, const struct req_hop *hop,
    struct buf *out)
{
	return req_default(r, out, "If-None-Match", r->etag_match) ||
	    req_default(r, out, "If-Range", hop->if_range) ? -1 : 0;
}

/* RFC 9112 §3.2.2: through a proxy the target is the whole URL. */
static int
req_target(const struct req_hop *hop, struct buf *out)
{
	if (hop->absolute && (buf_addstr(out, hop->url->scheme) == -1 ||
	    buf_addstr(out, "://") == -1 || url_hostport(hop->url, out) == -1))
		return -1;
	return url_target(hop->url, out);
}

/* "host:port" for CONNECT and its Host field, IPv6 in brackets. */
static int
req_authority(const struct url *u, struct buf *out)
{
	return buf_printf(out, u->ipv6 ? "[%s]:%u" : "%s:%u", u->host,
	    u->port);
}

enum herr
req_connect(const struct hg_request *r, const struct url *u,
    const char *proxy_auth, struct buf *out, struct hg_err *e)
{
	const char	*ua = r->user_agent != NULL ? r->user_agent :
			    "hget/" HGET_VERSION;

	if (buf_addstr(out, "CONNECT ") == -1 || req_authority(u, out) == -1 ||
	    buf_addstr(out, " HTTP/1.1\r\nHost: ") == -1 ||
	    req_authority(u, out) == -1 || buf_addstr(out, "\r\n") == -1 ||
	    (proxy_auth != NULL &&
	    req_line(out, "Proxy-Authorization", proxy_auth) == -1) ||
	    (*ua != '\0' && req_line(out, "User-Agent", ua) == -1) ||
	    req_line(out, "Proxy-Connection", "Keep-Alive") == -1 ||
	    buf_addstr(out, "\r\n") == -1)
		return hg_fail(e, HERR_TOO_LARGE, "CONNECT request too large");
	return HERR_OK;
}

/*
 * RFC 9110 §11.6.2, §15.4: the user's own Authorization and Cookie fields
 * belong to the origin they were given for, not to where a redirect goes.
 */
static int
req_private(struct custom c)
{
	return span_eqi(c.name, "Authorization") || span_eqi(c.name, "Cookie");
}

/* A -H Proxy-Authorization is for a proxy: never sent to an origin. */
static int
req_proxy_only(struct custom c)
{
	return span_eqi(c.name, "Proxy-Authorization");
}

static int
req_customs(const struct hg_request *r, const struct req_hop *hop,
    struct buf *out)
{
	struct custom	 c, te;
	size_t		 i;

	for (i = 0; i < r->nheaders; i++) {
		c = req_custom(r->headers[i]);
		if (c.kind == CUSTOM_IGNORE || c.kind == CUSTOM_REMOVE ||
		    span_eqi(c.name, "Host") || (!hop->creds && req_private(c)) ||
		    (r->tr_encoding && span_eqi(c.name, "Connection") &&
		    req_find(r, "TE", &te) == NULL) ||
		    (!hop->absolute && req_proxy_only(c)))
			continue;
		if (req_add_custom(out, r->headers[i], c) == -1)
			return -1;
	}
	return 0;
}

/*
 * After the -H fields, as curl: the body's length (or chunked), its
 * default type, and Expect: 100-continue for uploads and for bodies over
 * 1 MiB or of unknown size (curl's EXPECT_100_THRESHOLD), in HTTP/1.1.
 */
static int
req_body_fields(const struct hg_request *r, const struct req_hop *hop,
    struct buf *out)
{
	struct custom	 c;

	if (!hop->has_body)
		return 0;
	/* a -H Transfer-Encoding: chunked is on the wire already */
	if (hop->chunked ? req_find(r, "Transfer-Encoding", &c) == NULL &&
	    buf_addstr(out, "Transfer-Encoding: chunked\r\n") == -1 :
	    buf_printf(out, "Content-Length: %lld\r\n",
	    (long long)hop->body_size) == -1)
		return -1;
	if (r->content_type != NULL && req_find(r, "Content-Type", &c) == NULL &&
	    req_line(out, "Content-Type", r->content_type) == -1)
		return -1;
	if (hop->expect && req_line(out, "Expect", "100-continue") == -1)
		return -1;
	return 0;
}

int
req_wants_expect(const struct hg_request *r, const struct req_hop *hop)
{
	struct custom	 c;

	if (!hop->has_body || hop->no_expect || hop->body_size == 0 ||
	    r->http10 || req_find(r, "Expect", &c) != NULL)
		return 0;
	return r->upload || hop->body_size < 0 ||
	    hop->body_size > HG_EXPECT_THRESHOLD;
}

int
req_custom_chunked(const struct hg_request *r)
{
	struct custom	 c;
	const char	*line, *p;

	if ((line = req_find(r, "Transfer-Encoding", &c)) == NULL ||
	    c.kind != CUSTOM_SEND)
		return 0;
	for (p = line + c.name.n + 1; *p != '\0'; p++)
		if (strncasecmp(p, "chunked", 7) == 0)
			return 1;
	return 0;
}

enum herr
req_build(const struct hg_request *r, const struct req_hop *hop,
    struct buf *out, struct hg_err *e)
{
	if (buf_printf(out, "%s ", hop->method) == -1 ||
	    req_target(hop, out) == -1 ||
	    buf_addstr(out, r->http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n") ==
	    -1 || req_host(r, hop->url, out) == -1 ||
	    req_defaults(r, hop, out) == -1 || req_customs(r, hop, out) == -1 ||
	    req_validators(r, hop, out) == -1 || req_body_fields(r, hop, out) == -1 || buf_addstr(out, "\r\n") == -1)
		return hg_fail(e, HERR_TOO_LARGE,
		    "request head larger than %d bytes", HG_MAX_REQUEST);
	return HERR_OK;
}
