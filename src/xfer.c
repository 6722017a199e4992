/* src/xfer.c: the driver: one transfer, its redirects, its response */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "timing.h"
#include "xfer.h"
#include "zcopy.h"

void
hg_signal_cleanup(void)
{
	sink_signal_cleanup();
}

double
xfer_secs(const struct xfer *x, int64_t at)
{
	return at <= x->start ? 0.0 : (double)(at - x->start) / 1e6;
}

/* A read or write failed: curl's words for each way it can. */
enum herr
xfer_conn_fail(struct xfer *x, enum conn_rc rc, int sending, struct hg_err *e)
{
	uint64_t	 got = x->r->size_download;

	if (rc == CONN_TIMEOUT) {
		if (x->fr.kind == FRAMING_LENGTH)
			return hg_fail(e, HERR_OPERATION_TIMEDOUT,
			    "Operation timed out after %lld milliseconds with "
			    "%llu out of %llu bytes received",
			    (long long)((clock_us() - x->start) / 1000),
			    (unsigned long long)got,
			    (unsigned long long)x->fr.length);
		return hg_fail(e, HERR_OPERATION_TIMEDOUT,
		    "Operation timed out after %lld milliseconds with %llu "
		    "bytes received",
		    (long long)((clock_us() - x->start) / 1000),
		    (unsigned long long)got);
	}
	if (sending)
		return hg_fail(e, HERR_SEND_ERROR, "Send failure: %s",
		    conn_strerror(x->c));
	if (rc == CONN_ERR)
		return hg_fail(e, HERR_RECV_ERROR, "Recv failure: %s",
		    conn_strerror(x->c));
	return hg_fail(e, HERR_RECV_ERROR, "Connection closed unexpectedly");
}

/* Where the body goes: -o, -O (the URL's last segment), --output-dir. */
static enum herr
xfer_sinks(struct xfer *x, struct hg_err *e)
{
	const struct hg_request	*rq = x->rq;
	const char		*name = rq->output;
	char			*remote = NULL, *joined = NULL;

	if (rq->remote_name) {
		if ((remote = sink_remote_name(x->url.path)) == NULL)
			return hg_fail(e, HERR_WRITE_ERROR,
			    "Remote file name has no length");
		name = remote;
	}
	/* as curl, an empty --output-dir is no directory at all */
	if (name != NULL && strcmp(name, "-") != 0 && rq->output_dir != NULL &&
	    rq->output_dir[0] != '\0') {
		if ((joined = buf_fmt("%s/%s", rq->output_dir, name)) == NULL) {
			free(remote);
			return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
		}
		name = joined;
	}
	sink_init(&x->body, name, rq->create_dirs, rq->terminal_ok);
	x->body.color = rq->color_out;
	free(remote);
	free(joined);
	if (x->body.kind != SINK_STDOUT && x->body.path == NULL)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	if (rq->dump_header != NULL) {
		sink_init_dump(&x->dump, rq->dump_header, rq->dump_append);
		x->dumping = 1;
	}
	return HERR_OK;
}

/*
 * Read one head, line by line, into r->head: each line traced as it
 * arrives, the whole parsed once the empty line is in.
 */
enum herr
xfer_read_head(struct xfer *x, struct hg_err *e)
{
	struct buf	*head = &x->r->head;
	size_t		 before = 0, n;
	enum conn_rc	 crc;
	enum head_rc	 hrc;

	buf_reset(head);
	for (;;) {
		before = head->len;
		crc = conn_getline(x->c, head, HG_MAX_LINE, x->deadline);
		if (crc == CONN_EOF)
			return hg_fail(e, HERR_WEIRD_SERVER_REPLY, "Connection "
			    "closed in the middle of the response head");
		if (crc == CONN_ERR && (x->c->err == E2BIG ||
		    x->c->err == ENOBUFS))
			return hg_fail(e, HERR_TOO_LARGE, "%s",
			    x->c->err == E2BIG ? "Header line too long" :
			    "Too large response headers");
		if (crc != CONN_OK)
			return xfer_conn_fail(x, crc, 0, e);
		if (before == 0)	/* after a 100 Continue */
			timing_mark(x->r, HG_T_REPLY, clock_us());
		n = head->len - before;
		if (n <= 2 && (head->data[before] == '\n' ||
		    (head->data[before] == '\r' && n == 2)))
			break;
		trace_in(&x->tr, head->data + before, n);
	}
	x->r->size_header += head->len;
	x->h.nfields = 0;
	hrc = head_parse(&x->h, head->data, head->len);
	/* as curl, -v shows the empty line only after a final head */
	if (hrc != HEAD_OK || x->h.status >= 200)
		trace_in(&x->tr, head->data + before, head->len - before);
	if (hrc == HEAD_OK)
		return HERR_OK;
	if (hrc == HEAD_BIG)
		return hg_fail(e, HERR_TOO_LARGE, "%s", x->h.why);
	/* curl: a refused status line is exit 1, a bad field line exit 8 */
	return hg_fail(e, x->h.status == 0 ? HERR_UNSUPPORTED_PROTOCOL :
	    HERR_WEIRD_SERVER_REPLY, "%s",
	    x->h.why != NULL ? x->h.why : "Weird server reply");
}

/* Head lines to -i/-I (with the body) and -D, in the server's bytes. */
enum herr
xfer_show_head(struct xfer *x, struct hg_err *e)
{
	const struct buf	*head = &x->r->head;
	const char		*p, *lf, *end = head->data + head->len;
	enum herr		 rc;
	int			 include = x->rq->include || x->rq->nobody;

	/* a resumed file takes only the head of the 206 that continues it */
	if (x->body.kind == SINK_RESUME && x->h.status != 206)
		include = 0;
	for (p = head->data; p < end; p = lf + 1) {
		if ((lf = memchr(p, '\n', (size_t)(end - p))) == NULL)
			lf = end - 1;
		if (include && (rc = sink_write_head(&x->body, p,
		    (size_t)(lf - p) + 1, e)) != HERR_OK)
			return rc;
		if (x->dumping && (rc = sink_write_head(&x->dump, p,
		    (size_t)(lf - p) + 1, e)) != HERR_OK)
			return rc;
	}
	return HERR_OK;
}

/*
 * Is the reply HTTP/1.x at all?  Up to five bytes decide; a reply that is
 * not is HTTP/0.9, refused unless --http0.9 (curl's rule).
 */
static enum herr
xfer_check_09(struct xfer *x, int *is09, struct hg_err *e)
{
	const char	*p;
	size_t		 n;
	enum conn_rc	 crc;
	int64_t		 now;
	int		 v = 0;

	*is09 = 0;
	crc = conn_data(x->c, x->deadline, &p, &n);
	while (crc == CONN_OK && (v = head_is_http(p, n)) == -1) {
		if ((crc = conn_more(x->c, x->deadline)) == CONN_OK)
			crc = conn_data(x->c, x->deadline, &p, &n);
	}
	/* curl says the same when a few bytes came but no status line */
	if (crc == CONN_EOF)
		return hg_fail(e, HERR_GOT_NOTHING, "Empty reply from server");
	if (crc != CONN_OK)
		return xfer_conn_fail(x, crc, 0, e);
	x->got_bytes = 1;
	now = clock_us();
	timing_mark(x->r, HG_T_FIRST, now);
	timing_mark(x->r, HG_T_REPLY, now);
	if (v == 1)
		return HERR_OK;
	if (!x->rq->http09)
		return hg_fail(e, HERR_UNSUPPORTED_PROTOCOL,
		    "Received HTTP/0.9 when not allowed");
	*is09 = 1;
	return HERR_OK;
}

/* Decoded body bytes to the body sink, under --max-filesize. */
static enum herr
xfer_out(void *arg, const char *p, size_t n, struct hg_err *e)
{
	struct xfer	*x = arg;

	x->delivered += n;
	if (x->rq->max_filesize > 0 && (uint64_t)x->offset + x->delivered >
	    x->rq->max_filesize)
		return hg_fail(e, HERR_FILESIZE_EXCEEDED,
		    "Maximum file size exceeded");
	return sink_write(&x->body, p, n, e);
}

/*
 * The final body's progress to cmd/ (the meter): the bytes so far and
 * the total, from a resumed file's start.
 */
static void
xfer_progress(struct xfer *x)
{
	int64_t	 base = x->h.status == 206 ? x->offset : 0;

	if (x->rq->progress == NULL || x->discard)
		return;
	x->rq->progress(x->rq->progress_arg, (uint64_t)base +
	    x->r->size_download, x->fr.kind == FRAMING_LENGTH ?
	    base + (int64_t)x->fr.length : -1);
}

/* Does cmd/ want a call now and then even while no byte comes? */
static int
xfer_ticks(const struct xfer *x)
{
	return x->rq->progress != NULL && x->rq->progress_tick_ms > 0 &&
	    !x->discard;
}

/*
 * How long a body read may wait: the deadline, or sooner when the meter
 * wants its tick (a stalled transfer still shows, SIGUSR1 still speaks).
 */
static int64_t
xfer_wait(const struct xfer *x)
{
	if (!xfer_ticks(x))
		return x->deadline;
	return clock_min(x->deadline, clock_us() +
	    x->rq->progress_tick_ms * 1000);
}

/* A body read timed out: 1 when it was only the meter's tick. */
static int
xfer_tick(struct xfer *x)
{
	if (!xfer_ticks(x) || (x->deadline != 0 &&
	    clock_us() >= x->deadline))
		return 0;
	xfer_progress(x);
	return 1;
}

/* Body bytes, unframed, through the decoders to the body sink. */
static enum herr
xfer_deliver(struct xfer *x, const char *p, size_t n, struct hg_err *e)
{
	pace_account(&x->pace, n, x->deadline);
	if (x->discard)
		return HERR_OK;		/* a redirect's body: read, not kept */
	x->r->size_download += n;
	xfer_progress(x);
	if (x->ignore_body)
		return HERR_OK;
	if (x->dec != NULL)
		return decode_feed(x->dec, p, n, xfer_out, x, e);
	return xfer_out(x, p, n, e);
}

/*
 * Can the rest of the body go by splice(2)?  Plain TCP, nothing left in
 * our buffer, nothing to decode or drop, and no --max-filesize to stop at
 * mid-stream (a Content-Length over it was refused before).  Then *fd is
 * the sink's, if splice can write it.
 */
static enum herr
xfer_zcopy_fd(struct xfer *x, int *fd, struct hg_err *e)
{
	*fd = -1;
	/* a trace that dumps the body needs its bytes */
	if (x->c->tls != NULL || conn_pending(x->c) > 0 || x->dec != NULL ||
	    trace_wants_bytes(&x->tr) ||
	    x->discard || x->ignore_body || (x->rq->max_filesize > 0 &&
	    x->fr.kind != FRAMING_LENGTH))
		return HERR_OK;
	return sink_splice_fd(&x->body, fd, e);
}

/* n body bytes went from the socket to the sink: count them as read. */
static void
xfer_zcopied(struct xfer *x, size_t n)
{
	x->c->nread += n;
	trace_data(&x->tr, 1, n);
	pace_account(&x->pace, n, x->deadline);
	x->r->size_download += n;
	x->delivered += n;
	sink_spliced(&x->body, n);
	xfer_progress(x);
}

/*
 * The rest of the body, want bytes (to_eof: until the server closes),
 * by splice(2) into out.
 */
static enum herr
xfer_body_zcopy(struct xfer *x, struct zcopy *z, uint64_t want, int to_eof,
    struct hg_err *e)
{
	enum zcopy_rc	 zrc = ZCOPY_OK;
	size_t		 n;

	while (to_eof || want > 0) {
		n = to_eof || want > HG_ZCOPY_PIPE ? HG_ZCOPY_PIPE :
		    (size_t)want;
		zrc = zcopy_move(z, x->c->fd, pace_chunk(&x->pace, n),
		    xfer_wait(x), &n);
		if (zrc == ZCOPY_TIMEOUT && xfer_tick(x))
			continue;
		if (zrc != ZCOPY_OK)
			break;
		xfer_zcopied(x, n);
		want -= to_eof ? 0 : n;
	}
	switch (zrc) {
	case ZCOPY_OK:
		return HERR_OK;
	case ZCOPY_EOF:
		if (to_eof)
			return HERR_OK;
		return hg_fail(e, HERR_PARTIAL_FILE, "transfer closed with "
		    "%llu bytes remaining to read", (unsigned long long)want);
	case ZCOPY_TIMEOUT:
		return xfer_conn_fail(x, CONN_TIMEOUT, 0, e);
	case ZCOPY_RECV_ERR:
		x->c->err = errno;
		return xfer_conn_fail(x, CONN_ERR, 0, e);
	case ZCOPY_SEND_ERR:
		break;
	}
	return hg_fail(e, HERR_WRITE_ERROR,
	    "Failure writing output to destination: %s", strerror(errno));
}

/*
 * What is buffered goes the usual way; the rest by splice(2) when it
 * can.  *rc is its outcome when it went by splice (1 is returned).
 */
static int
xfer_try_zcopy(struct xfer *x, uint64_t want, int to_eof, enum herr *rc,
    struct hg_err *e)
{
	struct zcopy	 z;
	int		 fd;

	if ((*rc = xfer_zcopy_fd(x, &fd, e)) != HERR_OK)
		return 1;
	if (fd == -1 || zcopy_start(&z, fd) == -1)
		return 0;
	*rc = xfer_body_zcopy(x, &z, want, to_eof, e);
	zcopy_end(&z);
	return 1;
}

static enum herr
xfer_body_length(struct xfer *x, uint64_t want, struct hg_err *e)
{
	const char	*p;
	size_t		 n;
	enum conn_rc	 crc;
	enum herr	 rc;

	if (!x->discard && !x->ignore_body && x->dec == NULL &&
	    (rc = sink_reserve(&x->body, want, e)) != HERR_OK)
		return rc;
	while (want > 0) {
		if (want >= HG_ZCOPY_MIN && conn_pending(x->c) == 0 &&
		    xfer_try_zcopy(x, want, 0, &rc, e))
			return rc;
		crc = conn_read_upto(x->c, pace_chunk(&x->pace,
		    want > HG_IOBUF ? HG_IOBUF : (size_t)want), xfer_wait(x),
		    &p, &n);
		if (crc == CONN_TIMEOUT && xfer_tick(x))
			continue;
		if (crc == CONN_EOF)
			return hg_fail(e, HERR_PARTIAL_FILE, "transfer closed "
			    "with %llu bytes remaining to read",
			    (unsigned long long)want);
		if (crc != CONN_OK)
			return xfer_conn_fail(x, crc, 0, e);
		trace_body_in(&x->tr, p, n);
		if ((rc = xfer_deliver(x, p, n, e)) != HERR_OK)
			return rc;
		want -= n;
	}
	return HERR_OK;
}

static enum herr
xfer_body_close(struct xfer *x, struct hg_err *e)
{
	const char	*p;
	size_t		 n, got = 0;
	enum conn_rc	 crc;
	enum herr	 rc;

	for (;;) {
		if (got >= HG_ZCOPY_MIN && conn_pending(x->c) == 0 &&
		    xfer_try_zcopy(x, 0, 1, &rc, e))
			return rc;
		crc = conn_read_upto(x->c, pace_chunk(&x->pace, HG_IOBUF),
		    xfer_wait(x), &p, &n);
		if (crc == CONN_TIMEOUT && xfer_tick(x))
			continue;
		if (crc == CONN_EOF)
			return HERR_OK;
		if (crc != CONN_OK)
			return xfer_conn_fail(x, crc, 0, e);
		trace_body_in(&x->tr, p, n);
		if ((rc = xfer_deliver(x, p, n, e)) != HERR_OK)
			return rc;
		got += n;
	}
}

static enum herr
xfer_body_chunked(struct xfer *x, struct hg_err *e)
{
	struct chunked	 ch;
	struct span	 out;
	const char	*p;
	size_t		 n, used, off;
	enum conn_rc	 crc;
	enum chunked_rc	 chrc;
	enum herr	 rc;

	chunked_init(&ch);
	for (;;) {
		crc = conn_data(x->c, xfer_wait(x), &p, &n);
		if (crc == CONN_TIMEOUT && xfer_tick(x))
			continue;
		if (crc == CONN_EOF)
			return hg_fail(e, HERR_PARTIAL_FILE, "transfer closed "
			    "with outstanding read data remaining");
		if (crc != CONN_OK)
			return xfer_conn_fail(x, crc, 0, e);
		trace_body_in(&x->tr, p, n);
		for (off = 0; off < n; off += used) {
			chrc = chunked_feed(&ch, p + off, n - off, &used, &out);
			if (chrc == CHUNKED_BAD)
				return hg_fail(e, HERR_RECV_ERROR, "%s", ch.why);
			if (chrc == CHUNKED_OUT &&
			    (rc = xfer_deliver(x, out.p, out.n, e)) != HERR_OK)
				return rc;
			if (chrc == CHUNKED_DONE) {
				conn_take(x->c, off + used);
				return HERR_OK;
			}
		}
		conn_take(x->c, n);
	}
}

static enum herr
xfer_body_framed(struct xfer *x, struct hg_err *e)
{
	switch (x->fr.kind) {
	case FRAMING_NONE:
		return HERR_OK;
	case FRAMING_LENGTH:
		return xfer_body_length(x, x->fr.length, e);
	case FRAMING_CHUNKED:
		return xfer_body_chunked(x, e);
	case FRAMING_CLOSE:
		return xfer_body_close(x, e);
	}
	return HERR_OK;
}

/* The whole body; a coded stream must also have come to its end. */
static enum herr
xfer_body(struct xfer *x, struct hg_err *e)
{
	enum herr	 rc;

	if ((rc = xfer_body_framed(x, e)) != HERR_OK || x->dec == NULL ||
	    x->discard || x->ignore_body)
		return rc;
	return decode_finish(x->dec, xfer_out, x, e);
}

/* Interim 1xx heads are shown (-i, -v) and skipped; the final one stays. */
static enum herr
xfer_response_head(struct xfer *x, struct hg_err *e)
{
	enum herr	 rc;
	int		 interim;

	if (x->have_final)
		return HERR_OK;		/* it answered Expect: 100-continue */
	for (interim = 0; interim <= HG_MAX_INTERIM; interim++) {
		if ((rc = xfer_read_head(x, e)) != HERR_OK)
			return rc;
		if ((rc = xfer_show_head(x, e)) != HERR_OK)
			return rc;
		/* 101 would switch protocols: hget never asks, so it is final */
		if (x->h.status >= 200 || x->h.status == 101)
			return HERR_OK;
	}
	return hg_fail(e, HERR_TOO_LARGE, "More than %d interim responses",
	    HG_MAX_INTERIM);
}

/*
 * The final head of this hop (after the HTTP/0.9 check), its framing and
 * what -w reports of it.
 */
static enum herr
xfer_response(struct xfer *x, int *is09, struct hg_err *e)
{
	const struct hfield	*f;
	enum herr		 rc;

	*is09 = 0;
	if (!x->have_final && !x->got_bytes &&
	    (rc = xfer_check_09(x, is09, e)) != HERR_OK)
		return rc;
	if (*is09) {
		x->fr.kind = FRAMING_CLOSE;
		x->r->http_code = 200;
		x->r->http_version = 9;
		timing_status(x->r, 200);
		x->keep = 0;
		return HERR_OK;
	}
	if ((rc = xfer_response_head(x, e)) != HERR_OK)
		return rc;
	xfer_take_cookies(x);
	x->r->http_code = x->h.status;
	x->r->http_version = x->h.version;
	timing_status(x->r, x->h.status);
	x->r->content_type[0] = '\0';
	if ((f = head_find(&x->h, "Content-Type")) != NULL)
		(void)head_value_copy(f, x->r->content_type,
		    sizeof(x->r->content_type));
	if (framing_decide(&x->h, strcmp(x->method, "HEAD") == 0 ||
	    x->rq->nobody, x->rq->http10, &x->fr) != HEAD_OK)
		return hg_fail(e, HERR_WEIRD_SERVER_REPLY, "%s", x->fr.why);
	/* a body announced and not sent leaves the stream out of step */
	x->keep = x->fr.reusable && !x->have_final;
	return HERR_OK;
}

/*
 * Connect (or reuse), send, read the final head.  A kept-alive connection
 * the server closed meanwhile fails before any response byte: then, as
 * curl, retry once on a fresh connection, unless a stream body was read.
 */
static enum herr
xfer_exchange(struct xfer *x, int *is09, struct hg_err *e)
{
	enum herr	 rc;
	int		 attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		if (attempt == 0)
			timing_hop(x->r, x->r->nhops == 0 ? x->start :
			    clock_us(), x->r->url_effective.len > 0 ?
			    x->r->url_effective.data : "");
		else
			timing_again(x->r);
		x->reused = x->got_bytes = x->have_final = 0;
		if ((rc = xfer_cookie_hop(x, e)) != HERR_OK ||
		    (rc = xfer_range(x, e)) != HERR_OK ||
		    (rc = xfer_connect(x, e)) != HERR_OK)
			return rc;
		rc = xfer_send(x, e);
		if (rc == HERR_OK)
			rc = xfer_response(x, is09, e);
		if (rc == HERR_OK || !x->reused || x->got_bytes ||
		    (x->stream_used && x->stream_start == -1) ||
		    rc == HERR_OPERATION_TIMEDOUT ||
		    rc == HERR_WRITE_ERROR || rc == HERR_READ_ERROR)
			return rc;
		trace_info(&x->tr, "Connection died, retrying a fresh connect");
		conn_close(x->c);
	}
	return rc;
}

/* The body of the final response, -f's verdict on it. */
static enum herr
xfer_final(struct xfer *x, struct hg_err *e)
{
	enum herr	 rc;

	if ((rc = xfer_accept_final(x, e)) != HERR_OK)
		return rc;
	if (retry_coming(x->run, x))
		x->ignore_body = 1;
	/* a 416 answering -C says the file is complete: not a failure */
	if (x->h.status >= 400 && x->rq->fail == HG_FAIL && !x->ignore_body) {
		x->keep = 0;	/* the body is not read: the stream is lost */
		return hg_fail(e, HERR_HTTP_RETURNED_ERROR,
		    "The requested URL returned error: %d", x->h.status);
	}
	if ((rc = xfer_body(x, e)) != HERR_OK)
		return rc;
	if (x->h.status >= 400 && x->rq->fail == HG_FAIL_WITH_BODY &&
	    !x->ignore_body)
		return hg_fail(e, HERR_HTTP_RETURNED_ERROR,
		    "The requested URL returned error: %d", x->h.status);
	return HERR_OK;
}

/*
 * A 417 instead of 100 Continue, on a connection that stays open: curl
 * sends the request again without Expect (once).
 */
static int
xfer_expect_refused(const struct xfer *x)
{
	return x->have_final && x->h.status == 417 && x->hop.expect &&
	    !x->hop.no_expect && x->fr.reusable;
}

/* Every hop of the transfer: follow 3xx with -L, deliver the last. */
static enum herr
xfer_hops(struct xfer *x, struct hg_err *e)
{
	struct buf	 next;
	enum herr	 rc;
	int		 is09;

	buf_init(&next, HG_MAX_URL);
	for (;;) {
		if ((rc = xfer_exchange(x, &is09, e)) != HERR_OK)
			break;
		if (xfer_expect_refused(x)) {
			/* RFC 9110 §10.1.1: repeat it without the expectation */
			trace_info(&x->tr, "Got 417 while waiting for a 100");
			x->hop.no_expect = 1;
			x->discard = 1;
			rc = xfer_body(x, e);
			x->discard = 0;
			xfer_finish_conn(x, HERR_SEND_ERROR);
			if (rc != HERR_OK)
				break;
			continue;
		}
		if (!is09 && (rc = xfer_location(x, &next, e)) != HERR_OK)
			break;
		if (next.len == 0 || !x->rq->follow) {
			if (next.len > 0 && buf_addstr(&x->r->redirect_url,
			    next.data) == -1)
				rc = hg_fail(e, HERR_OUT_OF_MEMORY,
				    "Out of memory");
			else
				rc = xfer_final(x, e);
			break;
		}
		trace_info(&x->tr, "Ignoring the response-body");
		x->discard = 1;
		rc = xfer_body(x, e);
		x->discard = 0;
		xfer_finish_conn(x, rc);
		if (rc != HERR_OK || (rc = xfer_next_hop(x, next.data, e)) !=
		    HERR_OK)
			break;
	}
	buf_free(&next);
	return rc;
}

static void
xfer_free(struct xfer *x)
{
	if (x->auth.data != NULL)
		explicit_bzero(x->auth.data, x->auth.size);
	buf_free(&x->auth);
	buf_free(&x->referer);
	buf_free(&x->range);
	buf_free(&x->cookie);
	decode_free(x->dec);
	free(x->iobuf);
	free(x->h.fields);
	url_free(&x->url);
	url_free(&x->first);
	route_free(&x->route);
}

/* --remove-on-error: a resumed file that failed goes (as curl). */
static void
xfer_remove_partial(struct run *run, const struct hg_request *rq)
{
	if (rq->remove_on_error && run->body.kind == SINK_RESUME &&
	    run->body.path != NULL)
		(void)unlink(run->body.path);
}

/*
 * Commit the outputs of a transfer that succeeded, drop the others.  A
 * 304, or a response -z or -C had no use for, leaves the file alone.
 */
static enum herr
xfer_outputs(struct run *run, const struct hg_request *rq, int untouched,
    enum herr rc, struct hg_err *e)
{
	enum herr	 crc;

	/* -f's failure and --fail-with-body's body still get written */
	if ((rc == HERR_OK && !untouched) || (rc == HERR_HTTP_RETURNED_ERROR &&
	    rq->fail == HG_FAIL_WITH_BODY)) {
		if ((crc = sink_commit(&run->body, e)) != HERR_OK)
			rc = crc;
	} else {
		if (rc != HERR_OK)
			xfer_remove_partial(run, rq);
		sink_abort(&run->body);
	}
	if (run->dumping && run->dump.fd == -1)
		sink_abort(&run->dump);	/* nothing arrived: create nothing */
	else if (run->dumping && (crc = sink_commit(&run->dump, e)) !=
	    HERR_OK && rc == HERR_OK)
		rc = crc;
	return rc;
}

/* Where the body goes, once per transfer: -o, -O, -C's file. */
static enum herr
xfer_setup_outputs(struct xfer *x, struct hg_err *e)
{
	struct run	*run = x->run;
	enum herr	 rc;

	if (run->ready)
		return HERR_OK;
	run->ready = 1;
	if ((rc = xfer_sinks(x, e)) != HERR_OK)
		return rc;
	if (x->rq->no_clobber)
		x->body.replace = SINK_NOCLOBBER;
	run->offset = x->rq->resume_auto ? -1 : x->rq->resume_from;
	if (run->offset != 0)
		return sink_prepare_resume(&x->body, &run->offset, e);
	return sink_prepare(&x->body, e);
}

static enum herr
xfer_setup(struct xfer *x, struct hg_err *e)
{
	enum herr	 rc;

	if ((rc = url_parse(&x->url, x->rq->url, e)) != HERR_OK)
		return rc;
	x->h.maxfields = HG_MAX_FIELDS;
	/* not calloc: head_parse() writes each field before it counts it,
	 * and zeroing 5000 of them was most of a kept-alive request's cost */
	if (url_string(&x->url, &x->r->url_effective) == -1 ||
	    (x->h.fields = reallocarray(NULL, HG_MAX_FIELDS,
	    sizeof(*x->h.fields))) == NULL)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	if ((rc = xfer_hop_init(x, e)) != HERR_OK)
		return rc;
	return xfer_setup_outputs(x, e);
}

/*
 * One attempt: every hop, the final body.  The outputs come from run and
 * go back to it, whatever happened, for the next attempt or the commit.
 */
static enum herr
xfer_attempt(struct xfer *x, struct run *run, struct hg_err *e)
{
	enum herr	 rc;

	x->start = clock_us();
	x->deadline = x->rq->max_time_ms > 0 ? x->start +
	    x->rq->max_time_ms * 1000 : 0;
	x->body = run->body;
	x->dump = run->dump;
	x->dumping = run->dumping;
	buf_init(&x->auth, 0);
	buf_init(&x->referer, 0);
	buf_init(&x->range, HG_MAX_LINE);
	buf_init(&x->cookie, HG_MAX_COOKIE_HEADER + HG_MAX_LINE);
	pace_init(&x->pace, x->rq->limit_rate);
	if ((rc = xfer_setup(x, e)) == HERR_OK) {
		x->offset = run->offset + (int64_t)run->kept;
		x->retry_resume = run->kept > 0;
		x->hop.if_range = run->kept > 0 && run->validator[0] != '\0' ?
		    run->validator : NULL;
		rc = xfer_hops(x, e);
	}
	xfer_finish_conn(x, rc);
	run->body = x->body;
	run->dump = x->dump;
	run->dumping = x->dumping;
	return rc;
}

enum herr
hg_run(struct hg_session *s, const struct hg_request *rq,
    struct hg_result *r, struct hg_err *e)
{
	struct xfer	 x;
	struct run	 run;
	enum herr	 rc;
	int64_t		 now;
	int		 again, untouched;

	memset(&run, 0, sizeof(run));
	sink_init(&run.body, NULL, 0, 0);
	retry_init(&run, rq);
	do {
		memset(&x, 0, sizeof(x));
		x.rq = rq;
		x.r = r;
		x.s = s;
		x.run = &run;
		trace_init(&x.tr, rq->trace, rq->trace_fp, rq->trace_time,
		    rq->trace_t0);
		x.tr.redact = !rq->trace_secrets;
		x.tr.color = rq->color;
		hg_result_free(r);
		hg_result_init(r);
		rc = xfer_attempt(&x, &run, e);
		untouched = x.not_modified || x.ignore_body;
		(void)strlcpy(r->method, x.method, sizeof(r->method));
		now = clock_us();
		timing_end(r, now, rc != HERR_OK);
		r->time_total = xfer_secs(&x, now);
		if (r->time_starttransfer == 0.0 && x.got_bytes)
			r->time_starttransfer = r->time_total;
		again = run.ready && retry_next(&run, &x, rc, e);
		xfer_free(&x);
	} while (again);
	return xfer_outputs(&run, rq, untouched, rc, e);
}
