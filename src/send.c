/* src/send.c: the request: head, the wait for 100 Continue, the body */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "timing.h"
#include "xfer.h"

static enum herr
send_bytes(struct xfer *x, const void *p, size_t n, struct hg_err *e)
{
	enum conn_rc	 crc;

	if (n == 0)
		return HERR_OK;
	if ((crc = conn_write_all(x->c, p, n, x->deadline)) != CONN_OK)
		return xfer_conn_fail(x, crc, 1, e);
	x->r->size_request += n;
	return HERR_OK;
}

/* Body bytes, framed as one chunk when the length is not known. */
static enum herr
send_piece(struct xfer *x, const char *p, size_t n, struct hg_err *e)
{
	char		 size[24];
	struct iovec	 iov[3];
	enum herr	 rc;

	if (n == 0)
		return HERR_OK;		/* an empty chunk would end the body */
	x->body_sent = 1;
	x->r->size_upload += n;
	iov[1].iov_base = (void *)(uintptr_t)p;
	iov[1].iov_len = n;
	if (!x->hop.chunked) {
		trace_dumpv(&x->tr, 0, &iov[1], 1);
		return send_bytes(x, p, n, e);
	}
	(void)snprintf(size, sizeof(size), "%zx\r\n", n);
	/* a trace shows the chunk as it goes, framing and all (curl's) */
	iov[0].iov_base = size;
	iov[0].iov_len = strlen(size);
	iov[2].iov_base = (void *)(uintptr_t)"\r\n";
	iov[2].iov_len = 2;
	trace_dumpv(&x->tr, 0, iov, 3);
	if ((rc = send_bytes(x, size, strlen(size), e)) != HERR_OK ||
	    (rc = send_bytes(x, p, n, e)) != HERR_OK)
		return rc;
	return send_bytes(x, "\r\n", 2, e);
}

/* A file of known size, read with pread so it can be sent again. */
static enum herr
send_file(struct xfer *x, const struct hg_seg *g, struct hg_err *e)
{
	int64_t		 off = 0;
	ssize_t		 n;
	size_t		 want;
	enum herr	 rc;

	while (off < g->size) {
		want = g->size - off > HG_IOBUF ? HG_IOBUF :
		    (size_t)(g->size - off);
		if ((n = pread(g->fd, x->iobuf, want, off)) == -1 &&
		    errno == EINTR)
			continue;
		if (n <= 0)
			return hg_fail(e, HERR_READ_ERROR, "Failed to read the "
			    "request body: %s", n == 0 ? "the file shrank" :
			    strerror(errno));
		if ((rc = send_piece(x, x->iobuf, (size_t)n, e)) != HERR_OK)
			return rc;
		off += n;
	}
	return HERR_OK;
}

/* A stream (stdin from a pipe): read to EOF, once. */
static enum herr
send_stream(struct xfer *x, const struct hg_seg *g, struct hg_err *e)
{
	ssize_t		 n;
	enum herr	 rc;

	/* stdin that is a file can be sent again: remember where it began */
	if (!x->stream_used)
		x->stream_start = lseek(g->fd, 0, SEEK_CUR);
	else if (x->stream_start == -1 ||
	    lseek(g->fd, x->stream_start, SEEK_SET) == -1)
		return hg_fail(e, HERR_SEND_FAIL_REWIND, "The request body "
		    "came from a stream that cannot be read again");
	x->stream_used = 1;
	for (;;) {
		if ((n = read(g->fd, x->iobuf, HG_IOBUF)) == -1 &&
		    errno == EINTR)
			continue;
		if (n == 0)
			return HERR_OK;
		if (n == -1)
			return hg_fail(e, HERR_READ_ERROR, "Failed to read the "
			    "request body: %s", strerror(errno));
		if ((rc = send_piece(x, x->iobuf, (size_t)n, e)) != HERR_OK)
			return rc;
	}
}

static enum herr
send_body(struct xfer *x, struct hg_err *e)
{
	const struct hg_seg	*g;
	struct iovec		 iov;
	size_t			 i;
	enum herr		 rc = HERR_OK;

	if (x->iobuf == NULL && (x->iobuf = malloc(HG_IOBUF)) == NULL)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	x->r->size_upload = 0;		/* curl counts the last hop's */
	for (i = 0; i < x->rq->nbody && rc == HERR_OK; i++) {
		g = &x->rq->body[i];
		if (g->fd == -1)
			rc = send_piece(x, g->mem, g->len, e);
		else if (g->size >= 0)
			rc = send_file(x, g, e);
		else
			rc = send_stream(x, g, e);
	}
	if (rc == HERR_OK && x->hop.chunked) {
		iov.iov_base = (void *)(uintptr_t)"0\r\n\r\n";
		iov.iov_len = 5;
		trace_dumpv(&x->tr, 0, &iov, 1);
		rc = send_bytes(x, iov.iov_base, iov.iov_len, e);
	}
	if (rc != HERR_OK)
		return rc;
	trace_data(&x->tr, 0, (size_t)x->r->size_upload);
	/* curl says this for what it reads as it sends: -T and -F */
	if (x->rq->upload || (x->rq->content_type != NULL &&
	    strncmp(x->rq->content_type, "multipart/", 10) == 0))
		trace_info(&x->tr, "We are completely uploaded and fine");
	return rc;
}

/*
 * Expect: 100-continue (RFC 9110 §10.1.1): wait for the interim answer,
 * a bounded time (curl's 1 s, --expect100-timeout), then send anyway.  A
 * final answer instead means the body is not wanted: it is not sent, and
 * the connection cannot carry another request.
 */
static enum herr
send_expect(struct xfer *x, int *go, struct hg_err *e)
{
	int64_t		 ms = x->rq->expect100_ms > 0 ? x->rq->expect100_ms :
			    1000;
	enum conn_rc	 crc;
	enum herr	 rc;

	*go = 1;
	crc = conn_readable(x->c, clock_min(clock_us() + ms * 1000,
	    x->deadline));
	if (crc == CONN_TIMEOUT && (x->deadline == 0 ||
	    clock_poll_ms(x->deadline) > 0)) {
		trace_info(&x->tr, "Done waiting for 100-continue");
		return HERR_OK;
	}
	if (crc != CONN_OK)
		return xfer_conn_fail(x, crc, 0, e);
	/* curl's time_starttransfer: the 100 is the first byte */
	timing_mark(x->r, HG_T_FIRST, clock_us());
	if ((rc = xfer_read_head(x, e)) != HERR_OK ||
	    (rc = xfer_show_head(x, e)) != HERR_OK)
		return rc;
	x->got_bytes = 1;
	if (x->h.status < 200)
		return HERR_OK;
	timing_early(x->r);
	*go = 0;
	x->have_final = 1;
	x->keep = 0;
	return HERR_OK;
}

enum herr
xfer_send(struct xfer *x, struct hg_err *e)
{
	struct buf	 req;
	enum herr	 rc;
	int		 go = 1;

	/* RFC 9112 §7: no chunked framing in HTTP/1.0; curl's words */
	if (x->hop.has_body && x->hop.chunked && x->rq->http10)
		return hg_fail(e, HERR_UPLOAD_FAILED,
		    "Chunky upload is not supported by HTTP 1.0");
	buf_init(&req, HG_MAX_REQUEST);
	x->hop.expect = req_wants_expect(x->rq, &x->hop);
	if ((rc = req_build(x->rq, &x->hop, &req, e)) != HERR_OK)
		goto out;
	trace_head_out(&x->tr, req.data, req.len);
	timing_mark(x->r, HG_T_PRE, clock_us());
	if ((rc = send_bytes(x, req.data, req.len, e)) != HERR_OK ||
	    !x->hop.has_body)
		goto out;
	if (x->hop.expect && (rc = send_expect(x, &go, e)) != HERR_OK)
		goto out;
	if (go)
		rc = send_body(x, e);
out:
	if (rc == HERR_OK)
		timing_mark(x->r, HG_T_SENT, clock_us());
	explicit_bzero(req.data, req.size);
	buf_free(&req);
	return rc;
}
