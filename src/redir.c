/* src/redir.c: each hop's method, body, credentials and Referer; -L */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "auth.h"
#include "clock.h"
#include "xfer.h"

/* Are the user's credentials for this hop's origin? */
static int
redir_trusted(const struct xfer *x)
{
	int	 same;

	same = strcmp(x->url.scheme, x->origin_scheme) == 0 &&
	    strcasecmp(x->url.host, x->origin_host) == 0 &&
	    x->url.port == x->origin_port;
	/* never from https down to http, whatever --location-trusted says */
	if (strcmp(x->origin_scheme, "https") == 0 &&
	    strcmp(x->url.scheme, "http") == 0)
		return 0;
	return same || x->rq->location_trusted;
}

/* The hop's Authorization value, from whatever credentials go there. */
static enum herr
redir_auth(struct xfer *x, struct hg_err *e)
{
	enum herr	 rc;
	int		 found, trusted = redir_trusted(x);

	if (x->auth.data != NULL)
		explicit_bzero(x->auth.data, x->auth.size);
	buf_reset(&x->auth);
	x->hop.creds = trusted;
	x->hop.auth = NULL;
	rc = auth_value(x->rq, &x->url, &x->first, trusted, &x->auth, &found,
	    e);
	if (rc == HERR_OK && found)
		x->hop.auth = x->auth.data;
	return rc;
}

/* Size of the request body, -1 when a stream makes it unknown. */
static int64_t
redir_body_size(const struct hg_request *rq)
{
	int64_t	 n = 0;
	size_t	 i;

	for (i = 0; i < rq->nbody; i++) {
		if (rq->body[i].fd != -1 && rq->body[i].size < 0)
			return -1;
		n += rq->body[i].fd == -1 ? (int64_t)rq->body[i].len :
		    rq->body[i].size;
	}
	return n;
}

enum herr
xfer_hop_init(struct xfer *x, struct hg_err *e)
{
	const char	*ref = x->rq->referer, *cut;
	enum herr	 rc;

	if ((rc = url_parse(&x->first, x->rq->url, e)) != HERR_OK)
		return rc;
	(void)strlcpy(x->origin_scheme, x->url.scheme, sizeof(x->origin_scheme));
	(void)strlcpy(x->origin_host, x->url.host, sizeof(x->origin_host));
	x->origin_port = x->url.port;
	(void)strlcpy(x->method, req_method(x->rq), sizeof(x->method));
	x->hop.url = &x->url;
	x->hop.method = x->method;
	x->hop.has_body = x->rq->has_body;
	x->hop.body_size = redir_body_size(x->rq);
	x->hop.chunked = x->hop.body_size < 0 || req_custom_chunked(x->rq);
	buf_init(&x->auth, HG_MAX_CRED * 2 + 64);
	buf_init(&x->referer, HG_MAX_URL);
	/* -e "URL;auto": URL now, and the previous URL on every redirect */
	if (ref != NULL) {
		cut = strstr(ref, ";auto");
		x->referer_auto = cut != NULL;
		if (buf_add(&x->referer, ref, cut != NULL ? (size_t)(cut - ref) :
		    strlen(ref)) == -1)
			return hg_fail(e, HERR_TOO_LARGE, "Referer too long");
		x->hop.referer = x->referer.data;
	}
	return redir_auth(x, e);
}

/*
 * A 3xx with a Location: the next URL, resolved against this one (RFC
 * 3986 §5.2), with this URL's fragment when it has none (RFC 9110
 * §10.2.2).  Empty next: no redirect.
 */
enum herr
xfer_location(struct xfer *x, struct buf *next, struct hg_err *e)
{
	const struct hfield	*f;
	struct buf		 base;
	char			*loc;
	int			 rc;

	buf_reset(next);
	if (x->h.status < 300 || x->h.status > 399 || x->h.status == 304 ||
	    (f = head_find(&x->h, "Location")) == NULL || f->value.n == 0)
		return HERR_OK;
	if ((loc = malloc(f->value.n + 1)) == NULL)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	(void)head_value_copy(f, loc, f->value.n + 1);
	buf_init(&base, HG_MAX_URL);
	rc = url_string(&x->url, &base) == -1 ? -1 :
	    url_resolve(base.data, loc, next);
	if (rc == 0 && strchr(loc, '#') == NULL && x->url.fragment != NULL &&
	    (buf_addc(next, '#') == -1 || buf_addstr(next, x->url.fragment) ==
	    -1))
		rc = -1;
	free(loc);
	buf_free(&base);
	if (rc == -1)
		return hg_fail(e, HERR_URL_MALFORMAT, "The redirect target URL "
		    "could not be parsed");
	return HERR_OK;
}

/*
 * curl's method rules: 301 and 302 turn a POST into a GET without its
 * body (unless --post301/--post302), 303 turns every method but HEAD
 * into GET (unless --post303 for a POST), 307 and 308 keep both.  A verb
 * given with -X stays on the request line whatever happens to the body,
 * as curl does.
 */
static void
redir_method(struct xfer *x, int status)
{
	const struct hg_request	*rq = x->rq;
	int			 post = x->hop.has_body && !rq->upload;
	int			 change = 0;

	if (status == 301)
		change = post && !rq->post301;
	else if (status == 302)
		change = post && !rq->post302;
	else if (status == 303)
		change = strcmp(x->method, "HEAD") != 0 &&
		    !(post && rq->post303);
	if (!change)
		return;
	if (x->hop.has_body && rq->method == NULL)
		trace_info(&x->tr, "Switch from %s to GET", x->method);
	x->hop.has_body = 0;
	if (rq->method == NULL)
		(void)strlcpy(x->method, "GET", sizeof(x->method));
}

/* The Referer of the next hop, with -e ";auto": this URL, no secrets. */
static enum herr
redir_referer(struct xfer *x, struct hg_err *e)
{
	if (!x->referer_auto)
		return HERR_OK;
	buf_reset(&x->referer);
	if (buf_addstr(&x->referer, x->url.scheme) == -1 ||
	    buf_addstr(&x->referer, "://") == -1 ||
	    url_hostport(&x->url, &x->referer) == -1 ||
	    url_target(&x->url, &x->referer) == -1)
		return hg_fail(e, HERR_TOO_LARGE, "Referer too long");
	x->hop.referer = x->referer.data;
	return HERR_OK;
}

/*
 * A resolved Location is an absolute URI: its scheme is whatever stands
 * before the first ':' (RFC 3986 §3.1), never guessed as on the command
 * line, so "mailto:u@h:1/x" is mailto, not http://mailto:u@h:1/x.
 */
static enum herr
redir_parse(struct url *u, const char *next, struct hg_err *e)
{
	size_t		 n = strspn(next, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
	enum herr	 rc;

	if (n == 0 || next[n] != ':' || ((n != 4 ||
	    strncasecmp(next, "http", 4) != 0) && (n != 5 ||
	    strncasecmp(next, "https", 5) != 0) && strncmp(next + n + 1, "//",
	    2) != 0))
		return hg_fail(e, HERR_UNSUPPORTED_PROTOCOL, "The redirect "
		    "target URL could not be parsed: Unsupported URL scheme");
	if ((rc = url_parse(u, next, e)) == HERR_URL_MALFORMAT) {
		char	 why[sizeof(e->msg)];

		(void)strlcpy(why, e->msg, sizeof(why));
		return hg_fail(e, rc, "The redirect target URL could not be "
		    "parsed: %s", why);
	}
	return rc;
}

enum herr
xfer_next_hop(struct xfer *x, const char *next, struct hg_err *e)
{
	const struct hg_request	*rq = x->rq;
	struct url		 u;
	char			 v[512];
	enum herr		 rc;

	if (rq->max_redirs >= 0 && x->r->num_redirects >= rq->max_redirs) {
		/* %{redirect_url}: where it would have gone, as curl */
		(void)buf_addstr(&x->r->redirect_url, next);
		return hg_fail(e, HERR_TOO_MANY_REDIRECTS,
		    "Maximum (%ld) redirects followed", rq->max_redirs);
	}
	trace_vis(v, sizeof(v), next, strlen(next));
	trace_info(&x->tr, "Issue another request to this URL: '%s'", v);
	if ((rc = redir_parse(&u, next, e)) != HERR_OK)
		return rc;
	redir_method(x, x->h.status);
	if (x->hop.has_body && x->stream_used && x->stream_start == -1) {
		url_free(&u);
		return hg_fail(e, HERR_SEND_FAIL_REWIND, "The request body "
		    "came from a stream that cannot be read again to follow "
		    "the %d redirect", x->h.status);
	}
	if ((rc = redir_referer(x, e)) != HERR_OK) {
		url_free(&u);
		return rc;
	}
	url_free(&x->url);
	x->url = u;
	x->hop.url = &x->url;
	x->r->num_redirects++;
	x->r->time_redirect = xfer_secs(x, clock_us());
	buf_reset(&x->r->url_effective);
	if (url_string(&x->url, &x->r->url_effective) == -1)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	return redir_auth(x, e);
}
