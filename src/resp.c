/* src/resp.c: what a response means beyond its framing: cookies it sets,
 * whether it fits -C/-r/-z, where -J names it, how its body is decoded */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cdisp.h"
#include "date.h"
#include "decode.h"
#include "xfer.h"

/* Seconds since the epoch, for cookie expiry: wall time, unlike deadlines. */
static int64_t
resp_now(void)
{
	return (int64_t)time(NULL);
}

/* The cookie origin of this hop: host lower-cased, path without query. */
static void
resp_origin(const struct xfer *x, char *host, size_t hostlen,
    struct cookie_origin *o)
{
	size_t	 i;

	(void)strlcpy(host, x->url.host, hostlen);
	for (i = 0; host[i] != '\0'; i++)
		host[i] = (char)span_lower((unsigned char)host[i]);
	o->host = host;
	o->path = x->url.path;
	o->secure = strcmp(x->url.scheme, "https") == 0;
}

/* Every Set-Cookie of a head goes to the jar (redirects' too, as curl). */
void
xfer_take_cookies(struct xfer *x)
{
	struct cookie_origin	 o;
	char			 host[HG_MAX_HOST];
	size_t			 i, n = 0;

	if (x->rq->cookies == NULL)
		return;
	resp_origin(x, host, sizeof(host), &o);
	for (i = 0; i < x->h.nfields; i++)
		if (span_eqi(x->h.fields[i].name, "Set-Cookie") &&
		    n++ < HG_MAX_SET_COOKIES)
			(void)cookie_set(x->rq->cookies, &o,
			    x->h.fields[i].value.p, x->h.fields[i].value.n,
			    resp_now());
}

/*
 * The Cookie field of this hop: the jar's cookies for its URL, then -b's
 * literal ones, which (unlike curl) stay with the origin they were given
 * for, as -u does.
 */
enum herr
xfer_cookie_hop(struct xfer *x, struct hg_err *e)
{
	struct cookie_origin	 o;
	char			 host[HG_MAX_HOST];
	int			 n = 0;

	buf_reset(&x->cookie);
	x->hop.cookie = NULL;
	if (x->rq->cookies != NULL) {
		resp_origin(x, host, sizeof(host), &o);
		if ((n = cookie_header(x->rq->cookies, &o, resp_now(),
		    &x->cookie)) == -1)
			return hg_fail(e, HERR_TOO_LARGE, "Cookie field too large");
	}
	if (x->rq->cookie_literal != NULL && *x->rq->cookie_literal != '\0' &&
	    x->hop.creds && ((n > 0 && buf_addstr(&x->cookie, "; ") == -1) ||
	    buf_addstr(&x->cookie, x->rq->cookie_literal) == -1))
		return hg_fail(e, HERR_TOO_LARGE, "Cookie field too large");
	if (x->cookie.len > 0)
		x->hop.cookie = x->cookie.data;
	return HERR_OK;
}

/* The Range value of every hop: a resume (-C, a retry) or -r. */
enum herr
xfer_range(struct xfer *x, struct hg_err *e)
{
	buf_reset(&x->range);
	x->hop.range = NULL;
	if (x->offset > 0) {
		if (buf_printf(&x->range, "bytes=%lld-",
		    (long long)x->offset) == -1)
			return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	} else if (x->rq->range != NULL) {
		if (buf_printf(&x->range, "bytes=%s", x->rq->range) == -1)
			return hg_fail(e, HERR_TOO_LARGE, "Range too long");
	} else
		return HERR_OK;
	x->hop.range = x->range.data;
	return HERR_OK;
}

/* A strict decimal number of at most 18 digits; the end in *end. */
static int
resp_number(const char *p, const char *end, int64_t *v, const char **next)
{
	int	 n = 0;

	*v = 0;
	while (p < end && *p >= '0' && *p <= '9' && n < 18) {
		*v = *v * 10 + (*p++ - '0');
		n++;
	}
	*next = p;
	return n == 0 ? -1 : 0;
}

/* RFC 9110 §14.4: "bytes first-last/complete"; the first byte's offset. */
static int
resp_content_range(const struct head *h, int64_t *first)
{
	const struct hfield	*f;
	const char		*p, *end;
	int64_t			 last;

	if ((f = head_find(h, "Content-Range")) == NULL)
		return -1;
	p = f->value.p;
	end = p + f->value.n;
	if ((size_t)(end - p) < 6 || strncasecmp(p, "bytes", 5) != 0)
		return -1;
	for (p += 5; p < end && (*p == ' ' || *p == '='); p++)
		continue;
	if (resp_number(p, end, first, &p) == -1 || p == end || *p++ != '-' ||
	    resp_number(p, end, &last, &p) == -1 || last < *first)
		return -1;
	return 0;
}

/*
 * A resumed download (-C, or a retry going on from where it broke) gets
 * 206 from the offset asked for, or 416 when the file is complete (as
 * curl: success, nothing written), or, from a server without ranges, a
 * 200 exactly as long as the offset (curl: "already downloaded").
 * Anything else fails with curl's words and never reaches the file.
 */
static enum herr
resp_resume(struct xfer *x, struct hg_err *e)
{
	int64_t	 first;

	if (x->h.status == 416) {
		x->ignore_body = 1;
		trace_info(&x->tr, "The file is complete: the server has "
		    "nothing after byte %lld", (long long)x->offset);
		return HERR_OK;
	}
	if (x->h.status == 206 && resp_content_range(&x->h, &first) == 0 &&
	    first == x->offset)
		return HERR_OK;
	/* RFC 9110 §13.1.5: a 200 to If-Range is the whole representation */
	if (x->retry_resume && x->h.status == 200)
		return retry_cannot_resume(x->run, x, e);
	if (x->h.status >= 400 && x->rq->fail != HG_FAIL_NONE)
		return HERR_OK;		/* -f's verdict comes after */
	x->keep = 0;
	if (head_find(&x->h, "Content-Range") == NULL &&
	    x->fr.kind == FRAMING_LENGTH && x->fr.length == (uint64_t)x->offset) {
		x->ignore_body = 1;
		trace_info(&x->tr, "The entire document is already downloaded");
		return HERR_OK;
	}
	return hg_fail(e, HERR_RANGE_ERROR, "HTTP server doesn't seem to "
	    "support byte ranges. Cannot resume.");
}

/*
 * -z: a 304 (or 412) leaves every output alone; a 200 whose Last-Modified
 * shows the condition unmet is dropped too, as curl does for servers that
 * ignore the condition.
 */
static void
resp_timecond(struct xfer *x)
{
	const struct hfield	*f;
	int64_t			 lm;

	if (x->h.status == 304) {
		x->not_modified = 1;
		return;
	}
	if (x->rq->timecond == 0 || x->h.status != 200 ||
	    (f = head_find(&x->h, "Last-Modified")) == NULL ||
	    date_parse(f->value.p, f->value.n, &lm) == -1)
		return;
	if (x->rq->timecond > 0 ? lm <= x->rq->timecond_time :
	    lm > x->rq->timecond_time) {
		trace_info(&x->tr, x->rq->timecond > 0 ? "The requested "
		    "document is not new enough" : "The requested document "
		    "is not old enough");
		x->not_modified = x->ignore_body = 1;
	}
}

/* -J: the server's name for the file, if it offers a safe one. */
static enum herr
resp_disposition(struct xfer *x, struct hg_err *e)
{
	const struct hfield	*f;
	char			 name[256];

	if (!x->rq->remote_header_name || x->body.kind != SINK_ATOMIC ||
	    (f = head_find(&x->h, "Content-Disposition")) == NULL)
		return HERR_OK;
	if (cdisp_filename(f->value.p, f->value.n, name, sizeof(name)) == -1) {
		trace_info(&x->tr, "Content-Disposition offers no safe file "
		    "name: using the URL's");
		return HERR_OK;
	}
	x->body.replace = x->rq->no_clobber ? SINK_NOCLOBBER : SINK_NOREPLACE;
	return sink_rename(&x->body, name, e);
}

/* Field lines named name, joined with ", " (RFC 9110 §5.3). */
static int
resp_join(const struct head *h, const char *name, struct buf *out)
{
	size_t	 i;

	for (i = 0; i < h->nfields; i++) {
		if (!span_eqi(h->fields[i].name, name))
			continue;
		if ((out->len > 0 && buf_addstr(out, ", ") == -1) ||
		    buf_add(out, h->fields[i].value.p, h->fields[i].value.n) ==
		    -1)
			return -1;
	}
	return 0;
}

/* Transfer-Encoding without its final "chunked": the codings to undo. */
static void
resp_drop_chunked(struct buf *te)
{
	size_t	 n = te->len;

	if (n == 0)
		return;
	while (n > 0 && (te->data[n - 1] == ' ' || te->data[n - 1] == '\t'))
		n--;
	if (n >= 7 && strncasecmp(te->data + n - 7, "chunked", 7) == 0)
		n -= 7;
	while (n > 0 && (te->data[n - 1] == ' ' || te->data[n - 1] == '\t' ||
	    te->data[n - 1] == ','))
		n--;
	te->len = n;
	te->data[n] = '\0';
}

/* curl goes on with an unknown coding, the body as it came. */
static void
resp_warn_coding(const struct xfer *x, const char *name)
{
	char	 msg[256];

	if (x->rq->warning == NULL)
		return;
	(void)snprintf(msg, sizeof(msg), "Unrecognized content encoding type "
	    "%s: the body is written as it came", name);
	x->rq->warning(x->rq->report_arg, msg);
}

/*
 * The codings to undo: Content-Encoding with --compressed, transfer
 * codings other than chunked always, applied in that order
 * (the transfer coding was applied last).  An unknown one leaves the body
 * as it came, with curl's warning.
 */
static enum herr
resp_decoders(struct xfer *x, struct hg_err *e)
{
	struct buf	 list;
	char		 unknown[64];
	enum herr	 rc = HERR_OK;

	buf_init(&list, HG_MAX_LINE);
	if (x->rq->compressed && resp_join(&x->h, "Content-Encoding", &list) ==
	    -1)
		rc = hg_fail(e, HERR_TOO_LARGE, "Content-Encoding too long");
	/* transfer codings are the message's, not the content's (RFC 9112
	 * §6.1): undone whether or not --tr-encoding asked, as curl */
	if (rc == HERR_OK) {
		size_t	 before = list.len;
		struct buf te;

		buf_init(&te, HG_MAX_LINE);
		if (resp_join(&x->h, "Transfer-Encoding", &te) == 0) {
			resp_drop_chunked(&te);
			if (te.len > 0 && ((before > 0 &&
			    buf_addstr(&list, ", ") == -1) ||
			    buf_add(&list, te.data, te.len) == -1))
				rc = hg_fail(e, HERR_TOO_LARGE,
				    "Transfer-Encoding too long");
		}
		buf_free(&te);
	}
	if (rc == HERR_OK && list.len > 0) {
		unknown[0] = '\0';
		rc = decode_new(&x->dec, list.data, list.len,
		    x->rq->max_decoded, unknown, sizeof(unknown), e);
		if (rc == HERR_OK && unknown[0] != '\0')
			resp_warn_coding(x, unknown);
	}
	buf_free(&list);
	return rc;
}

enum herr
xfer_accept_final(struct xfer *x, struct hg_err *e)
{
	const struct hfield	*f;
	enum herr		 rc;
	int64_t			 lm;
	int			 get = strcmp(x->method, "GET") == 0;

	if (x->offset > 0 && get && (rc = resp_resume(x, e)) != HERR_OK)
		return rc;
	if (x->rq->timecond != 0 || x->rq->etag_match != NULL)
		resp_timecond(x);
	if (x->ignore_body || x->fr.kind == FRAMING_NONE)
		return HERR_OK;
	if (x->rq->max_filesize > 0 && x->fr.kind == FRAMING_LENGTH &&
	    x->fr.length > x->rq->max_filesize &&
	    !(x->h.status >= 400 && x->rq->fail == HG_FAIL)) {
		x->keep = 0;
		return hg_fail(e, HERR_FILESIZE_EXCEEDED,
		    "Maximum file size exceeded");
	}
	if (x->h.status >= 200 && x->h.status < 300 &&
	    (rc = resp_disposition(x, e)) != HERR_OK)
		return rc;
	if (x->rq->remote_time && (f = head_find(&x->h, "Last-Modified")) !=
	    NULL && date_parse(f->value.p, f->value.n, &lm) == 0)
		x->body.mtime = lm;
	return resp_decoders(x, e);
}
