/* src/xfer.c: one transfer: connect, send, read the head, pump the body */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "conn.h"
#include "head.h"
#include "hget.h"
#include "limits.h"
#include "net.h"
#include "req.h"
#include "sink.h"
#include "trace.h"
#include "url.h"

/* A connection kept for reuse, and where it goes (for -w). */
struct pooled {
	struct conn	 conn;
	struct net_peer	 peer;
	uint64_t	 used;		/* session tick of its last use */
};

struct hg_session {
	struct pooled	 pool[HG_MAX_CONNS];
	uint64_t	 tick;
	int		 nconns;	/* connections opened: the next "#N" */
};

struct xfer {
	const struct hg_request	*rq;
	struct hg_result	*r;
	struct hg_session	*s;
	struct pooled		*slot;		/* the pool entry in use */
	struct conn		*c;		/* &slot->conn */
	struct url		 url;
	struct trace		 tr;
	struct sink		 body;
	struct sink		 dump;
	int			 dumping;	/* -D given */
	struct head		 h;
	struct framing		 fr;
	int64_t			 start;
	int64_t			 deadline;	/* -m; 0 = none */
	int			 reused;	/* the connection was kept alive */
	int			 keep;		/* may stay open afterwards */
	int			 got_bytes;	/* any response byte arrived */
};

struct hg_session *
hg_session_new(void)
{
	struct hg_session	*s;
	size_t			 i;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	for (i = 0; i < HG_MAX_CONNS; i++)
		conn_init(&s->pool[i].conn);
	return s;
}

void
hg_session_free(struct hg_session *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < HG_MAX_CONNS; i++)
		conn_close(&s->pool[i].conn);
	free(s);
}

void
hg_signal_cleanup(void)
{
	sink_signal_cleanup();
}

static double
xfer_secs(const struct xfer *x, int64_t at)
{
	return at <= x->start ? 0.0 : (double)(at - x->start) / 1e6;
}

/* A read or write failed: curl's words for each way it can. */
static enum herr
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
		    strerror(x->c->err));
	if (rc == CONN_ERR)
		return hg_fail(e, HERR_RECV_ERROR, "Recv failure: %s",
		    strerror(x->c->err));
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

static void
xfer_peer(struct xfer *x)
{
	const struct net_peer	*p = &x->slot->peer;

	(void)strlcpy(x->r->remote_ip, p->ip, sizeof(x->r->remote_ip));
	x->r->remote_port = p->port;
	(void)strlcpy(x->r->local_ip, p->local_ip, sizeof(x->r->local_ip));
	x->r->local_port = p->local_port;
}

/* Does c go where this URL goes, with the same -4/-6? */
static int
xfer_same_origin(const struct xfer *x, const struct conn *c)
{
	return c->fd != -1 && strcmp(c->scheme, x->url.scheme) == 0 &&
	    strcmp(c->host, x->url.host) == 0 && c->port == x->url.port &&
	    c->family == x->rq->ipresolve;
}

/*
 * Pick the pool entry for this URL: a live kept-alive connection to the
 * same origin (1), else a free entry or the least recently used one (0).
 */
static int
xfer_pick(struct xfer *x)
{
	struct hg_session	*s = x->s;
	struct pooled		*p, *lru = &s->pool[0];
	size_t			 i;

	for (i = 0; i < HG_MAX_CONNS; i++) {
		p = &s->pool[i];
		if (!xfer_same_origin(x, &p->conn))
			continue;
		x->slot = p;
		if (!conn_stale(&p->conn))
			return 1;
		trace_info(&x->tr, "Connection %d seems to be dead",
		    p->conn.id);
		conn_close(&p->conn);
		return 0;
	}
	for (i = 0; i < HG_MAX_CONNS; i++) {
		p = &s->pool[i];
		if (p->conn.fd == -1) {
			x->slot = p;
			return 0;
		}
		if (p->used < lru->used)
			lru = p;
	}
	trace_info(&x->tr, "Closing connection %d", lru->conn.id);
	conn_close(&lru->conn);
	x->slot = lru;
	return 0;
}

static enum herr
xfer_connect(struct xfer *x, struct hg_err *e)
{
	struct conn		*c;
	struct net_target	 t;
	struct net_peer		 p;
	enum herr		 rc;
	int			 reuse;

	reuse = xfer_pick(x);
	x->slot->used = ++x->s->tick;
	x->c = c = &x->slot->conn;
	if (reuse) {
		x->reused = 1;
		trace_info(&x->tr, "Re-using existing connection #%d with host "
		    "%s", c->id, c->host);
		x->r->time_namelookup = x->r->time_connect =
		    xfer_secs(x, clock_us());
		xfer_peer(x);
		return HERR_OK;
	}
	memset(&t, 0, sizeof(t));
	memset(&p, 0, sizeof(p));
	t.host = x->url.host;
	t.port = x->url.port;
	t.family = x->rq->ipresolve;
	t.deadline = x->deadline;
	t.connect_deadline = x->start + (x->rq->connect_timeout_ms > 0 ?
	    x->rq->connect_timeout_ms : 300000) * 1000;
	if ((rc = net_connect(&t, &x->tr, x->start, &p, e)) != HERR_OK) {
		trace_info(&x->tr, "%s", e->msg);
		return rc;
	}
	x->r->time_namelookup = xfer_secs(x, p.resolved_at);
	x->r->time_connect = xfer_secs(x, p.connected_at);
	if (conn_attach(c, p.fd) == -1) {
		(void)close(p.fd);
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	}
	c->id = x->s->nconns++;
	c->port = x->url.port;
	c->family = x->rq->ipresolve;
	(void)strlcpy(c->host, x->url.host, sizeof(c->host));
	(void)strlcpy(c->scheme, x->url.scheme, sizeof(c->scheme));
	x->r->num_connects++;
	x->slot->peer = p;
	xfer_peer(x);
	trace_info(&x->tr, "Connected to %s (%s) port %u (#%d)", x->url.host,
	    p.ip, p.port, c->id);
	return HERR_OK;
}

static enum herr
xfer_send(struct xfer *x, struct hg_err *e)
{
	struct buf	 req;
	const char	*p, *lf;
	enum conn_rc	 crc;
	enum herr	 rc;

	buf_init(&req, HG_MAX_REQUEST);
	if ((rc = req_build(x->rq, &x->url, &req, e)) != HERR_OK)
		goto out;
	for (p = req.data; (lf = strchr(p, '\n')) != NULL; p = lf + 1)
		trace_out(&x->tr, p, (size_t)(lf - p) + 1);
	x->r->time_pretransfer = xfer_secs(x, clock_us());
	crc = conn_write_all(x->c, req.data, req.len, x->deadline);
	if (crc != CONN_OK)
		rc = xfer_conn_fail(x, crc, 1, e);
	else
		x->r->size_request += req.len;
out:
	buf_free(&req);
	return rc;
}

/*
 * Read one head, line by line, into r->head: each line traced as it
 * arrives, the whole parsed once the empty line is in.
 */
static enum herr
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
static enum herr
xfer_show_head(struct xfer *x, struct hg_err *e)
{
	const struct buf	*head = &x->r->head;
	const char		*p, *lf, *end = head->data + head->len;
	enum herr		 rc;
	int			 include = x->rq->include || x->rq->nobody;

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
	x->r->time_starttransfer = xfer_secs(x, clock_us());
	if (v == 1)
		return HERR_OK;
	if (!x->rq->http09)
		return hg_fail(e, HERR_UNSUPPORTED_PROTOCOL,
		    "Received HTTP/0.9 when not allowed");
	*is09 = 1;
	return HERR_OK;
}

/* Body bytes, decoded from the wire's framing, to the body sink. */
static enum herr
xfer_deliver(struct xfer *x, const char *p, size_t n, struct hg_err *e)
{
	x->r->size_download += n;
	return sink_write(&x->body, p, n, e);
}

static enum herr
xfer_body_length(struct xfer *x, uint64_t want, struct hg_err *e)
{
	const char	*p;
	size_t		 n;
	enum conn_rc	 crc;
	enum herr	 rc;

	while (want > 0) {
		crc = conn_read_upto(x->c, want > HG_IOBUF ? HG_IOBUF :
		    (size_t)want, x->deadline, &p, &n);
		if (crc == CONN_EOF)
			return hg_fail(e, HERR_PARTIAL_FILE, "transfer closed "
			    "with %llu bytes remaining to read",
			    (unsigned long long)want);
		if (crc != CONN_OK)
			return xfer_conn_fail(x, crc, 0, e);
		trace_data(&x->tr, 1, n);
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
	size_t		 n;
	enum conn_rc	 crc;
	enum herr	 rc;

	for (;;) {
		crc = conn_read_upto(x->c, HG_IOBUF, x->deadline, &p, &n);
		if (crc == CONN_EOF)
			return HERR_OK;
		if (crc != CONN_OK)
			return xfer_conn_fail(x, crc, 0, e);
		trace_data(&x->tr, 1, n);
		if ((rc = xfer_deliver(x, p, n, e)) != HERR_OK)
			return rc;
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
		crc = conn_data(x->c, x->deadline, &p, &n);
		if (crc == CONN_EOF)
			return hg_fail(e, HERR_PARTIAL_FILE, "transfer closed "
			    "with outstanding read data remaining");
		if (crc != CONN_OK)
			return xfer_conn_fail(x, crc, 0, e);
		trace_data(&x->tr, 1, n);
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
xfer_body(struct xfer *x, struct hg_err *e)
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

/* Interim 1xx heads are shown (-i, -v) and skipped; the final one stays. */
static enum herr
xfer_response_head(struct xfer *x, struct hg_err *e)
{
	enum herr	 rc;
	int		 interim;

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

static enum herr
xfer_response(struct xfer *x, struct hg_err *e)
{
	const struct hfield	*f;
	enum herr		 rc;
	int			 is09;

	if ((rc = xfer_check_09(x, &is09, e)) != HERR_OK)
		return rc;
	if (is09) {
		x->fr.kind = FRAMING_CLOSE;
		x->r->http_code = 200;
		x->r->http_version = 9;
		x->keep = 0;
		return xfer_body(x, e);
	}
	if ((rc = xfer_response_head(x, e)) != HERR_OK)
		return rc;
	x->r->http_code = x->h.status;
	x->r->http_version = x->h.version;
	if ((f = head_find(&x->h, "Content-Type")) != NULL)
		(void)head_value_copy(f, x->r->content_type,
		    sizeof(x->r->content_type));
	if (framing_decide(&x->h, x->rq->nobody, x->rq->http10, &x->fr) !=
	    HEAD_OK)
		return hg_fail(e, HERR_WEIRD_SERVER_REPLY, "%s", x->fr.why);
	x->keep = x->fr.reusable;
	if (x->h.status >= 400 && x->rq->fail == HG_FAIL) {
		x->keep = 0;	/* the body is not read: the stream is lost */
		return hg_fail(e, HERR_HTTP_RETURNED_ERROR,
		    "The requested URL returned error: %d", x->h.status);
	}
	if ((rc = xfer_body(x, e)) != HERR_OK)
		return rc;
	if (x->h.status >= 400 && x->rq->fail == HG_FAIL_WITH_BODY)
		return hg_fail(e, HERR_HTTP_RETURNED_ERROR,
		    "The requested URL returned error: %d", x->h.status);
	return HERR_OK;
}

/*
 * Connect (or reuse), send, read the response.  A kept-alive connection
 * the server closed meanwhile fails before any response byte: then, as
 * curl, retry once on a fresh connection.
 */
static enum herr
xfer_exchange(struct xfer *x, struct hg_err *e)
{
	enum herr	 rc;
	int		 attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		x->reused = 0;
		x->got_bytes = 0;
		if ((rc = xfer_connect(x, e)) != HERR_OK)
			return rc;
		rc = xfer_send(x, e);
		if (rc == HERR_OK)
			rc = xfer_response(x, e);
		if (rc == HERR_OK || !x->reused || x->got_bytes ||
		    rc == HERR_OPERATION_TIMEDOUT || rc == HERR_WRITE_ERROR)
			return rc;
		trace_info(&x->tr, "Connection died, retrying a fresh connect");
		conn_close(x->c);
		x->r->size_request = 0;
	}
	return rc;
}

static void
xfer_finish_conn(struct xfer *x, enum herr rc)
{
	struct conn	*c = x->c;

	if (c == NULL || c->fd == -1)
		return;
	/* bytes past the end of the response: never read as the next one */
	if (rc != HERR_OK || !x->keep || conn_pending(c) > 0) {
		trace_info(&x->tr, "Closing connection %d", c->id);
		conn_close(c);
		return;
	}
	c->requests++;
	trace_info(&x->tr, "Connection #%d to host %s left intact", c->id,
	    c->host);
}

enum herr
hg_run(struct hg_session *s, const struct hg_request *rq,
    struct hg_result *r, struct hg_err *e)
{
	struct xfer	 x;
	struct hfield	*fields;
	enum herr	 rc, crc;

	memset(&x, 0, sizeof(x));
	x.rq = rq;
	x.r = r;
	x.s = s;
	x.start = clock_us();
	x.deadline = rq->max_time_ms > 0 ? x.start + rq->max_time_ms * 1000 : 0;
	trace_init(&x.tr, rq->verbose, rq->trace_time);
	sink_init(&x.body, NULL, 0, 0);
	if ((rc = url_parse(&x.url, rq->url, e)) != HERR_OK)
		return rc;
	/* TLS is not built in yet: never send an https request in clear */
	if (strcmp(x.url.scheme, "https") == 0) {
		url_free(&x.url);
		return hg_fail(e, HERR_UNSUPPORTED_PROTOCOL,
		    "Protocol \"https\" not supported by this build of hget");
	}
	if (url_string(&x.url, &r->url_effective) == -1 ||
	    (fields = calloc(HG_MAX_FIELDS, sizeof(*fields))) == NULL) {
		url_free(&x.url);
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	}
	x.h.fields = fields;
	x.h.maxfields = HG_MAX_FIELDS;
	if ((rc = xfer_sinks(&x, e)) == HERR_OK &&
	    (rc = sink_prepare(&x.body, e)) == HERR_OK)
		rc = xfer_exchange(&x, e);
	xfer_finish_conn(&x, rc);
	/* -f's failure and --fail-with-body's body still get written */
	if (rc == HERR_OK || (rc == HERR_HTTP_RETURNED_ERROR &&
	    rq->fail == HG_FAIL_WITH_BODY)) {
		if ((crc = sink_commit(&x.body, e)) != HERR_OK)
			rc = crc;
	} else
		sink_abort(&x.body);
	if (x.dumping && x.dump.fd == -1)
		sink_abort(&x.dump);	/* nothing arrived: create nothing */
	else if (x.dumping && (crc = sink_commit(&x.dump, e)) != HERR_OK &&
	    rc == HERR_OK)
		rc = crc;
	r->time_total = xfer_secs(&x, clock_us());
	if (r->time_starttransfer == 0.0 && x.got_bytes)
		r->time_starttransfer = r->time_total;
	free(fields);
	url_free(&x.url);
	return rc;
}
