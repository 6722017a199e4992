/* src/session.c: kept-alive connections, one per origin, curl's five at most */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "timing.h"
#include "tlsc.h"
#include "xfer.h"

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

static void
session_peer(struct xfer *x)
{
	const struct net_peer	*p = &x->slot->peer;

	(void)strlcpy(x->r->remote_ip, p->ip, sizeof(x->r->remote_ip));
	x->r->remote_port = p->port;
	(void)strlcpy(x->r->local_ip, p->local_ip, sizeof(x->r->local_ip));
	x->r->local_port = p->local_port;
}

/* Does p go where this hop goes (same route), with the same -4/-6? */
static int
session_same_route(const struct xfer *x, const struct pooled *p)
{
	return p->conn.fd != -1 && strcmp(p->key, x->route.key) == 0 &&
	    p->conn.family == x->rq->ipresolve;
}

/*
 * Pick the pool entry for this hop: a live kept-alive connection to the
 * same origin (1), else a free entry or the least recently used one (0).
 */
static int
session_pick(struct xfer *x)
{
	struct hg_session	*s = x->s;
	struct pooled		*p, *lru = &s->pool[0];
	size_t			 i;

	for (i = 0; i < HG_MAX_CONNS; i++) {
		p = &s->pool[i];
		if (!session_same_route(x, p))
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

/*
 * RFC 9110 §9.3.6: a CONNECT tunnel through the proxy to the origin.  The
 * proxy's credentials go here only; the origin's go inside the tunnel.
 */
static enum herr
session_tunnel(struct xfer *x, struct hg_err *e)
{
	struct buf	 req;
	enum conn_rc	 crc;
	enum herr	 rc;

	buf_init(&req, HG_MAX_REQUEST);
	rc = req_connect(x->rq, &x->url, x->route.proxy_auth, &req, e);
	if (rc == HERR_OK) {
		trace_info(&x->tr, "Establish HTTP proxy tunnel to %s:%u",
		    x->url.host, x->url.port);
		trace_head_out(&x->tr, req.data, req.len);
		if ((crc = conn_write_all(x->c, req.data, req.len,
		    x->deadline)) != CONN_OK)
			rc = xfer_conn_fail(x, crc, 1, e);
	}
	explicit_bzero(req.data, req.size);
	buf_free(&req);
	if (rc != HERR_OK || (rc = xfer_read_head(x, e)) != HERR_OK ||
	    (rc = xfer_show_head(x, e)) != HERR_OK)
		return rc;
	x->r->http_connect = x->h.status;
	if (x->h.status / 100 != 2)
		return hg_fail(e, HERR_RECV_ERROR,
		    "CONNECT tunnel failed, response %d", x->h.status);
	trace_info(&x->tr, "CONNECT phase completed");
	return HERR_OK;
}

/*
 * The TLS handshake belongs to connecting: --connect-timeout bounds it as
 * well as -m, and curl's words say which ran out.
 */
static enum herr
session_tls(struct xfer *x, struct conn *c, int64_t connect_deadline,
    struct hg_err *e)
{
	int64_t		 until = clock_min(connect_deadline, x->deadline);
	enum herr	 rc;

	rc = tlsc_start(c, x->rq, x->url.host, until, &x->tr,
	    &x->r->ssl_verify_result, e);
	if (rc == HERR_OK)
		return HERR_OK;
	/* curl reports 1 for any handshake that did not verify */
	if (x->r->ssl_verify_result == 0)
		x->r->ssl_verify_result = 1;
	if (rc == HERR_OPERATION_TIMEDOUT && until == x->deadline)
		rc = hg_fail(e, rc, "Connection timed out after %lld "
		    "milliseconds", (long long)((clock_us() - x->start) / 1000));
	return rc;
}

/* TCP to the route's endpoint, then the tunnel and TLS it needs. */
static enum herr
session_open(struct xfer *x, struct conn *c, struct hg_err *e)
{
	struct net_target	 t;
	struct net_peer		 p;
	enum herr		 rc;

	memset(&t, 0, sizeof(t));
	memset(&p, 0, sizeof(p));
	t.host = x->route.host;
	t.port = x->route.port;
	t.addrs = x->route.addrs[0] != '\0' ? x->route.addrs : NULL;
	t.family = x->rq->ipresolve;
	t.deadline = x->deadline;
	t.connect_deadline = x->start + (x->rq->connect_timeout_ms > 0 ?
	    x->rq->connect_timeout_ms : 300000) * 1000;
	rc = net_connect(&t, &x->tr, x->start, &p, e);
	timing_mark(x->r, HG_T_DNS, p.resolved_at);
	timing_mark(x->r, HG_T_TCP, p.connected_at);
	if (rc != HERR_OK) {
		/* curl tells a proxy it cannot find from a host (5, not 6) */
		if (rc == HERR_COULDNT_RESOLVE_HOST && x->route.proxy)
			rc = hg_fail(e, HERR_COULDNT_RESOLVE_PROXY,
			    "Could not resolve proxy: %s", t.host);
		trace_info(&x->tr, "%s", e->msg);
		return rc;
	}
	if (conn_attach(c, p.fd) == -1) {
		(void)close(p.fd);
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	}
	c->id = x->s->nconns++;
	c->port = x->url.port;
	c->family = x->rq->ipresolve;
	(void)strlcpy(c->host, x->route.proxy && !x->route.tunnel ?
	    x->route.host : x->url.host, sizeof(c->host));
	(void)strlcpy(c->scheme, x->url.scheme, sizeof(c->scheme));
	(void)strlcpy(x->slot->key, x->route.key, sizeof(x->slot->key));
	x->r->num_connects++;
	x->slot->peer = p;
	session_peer(x);
	trace_info(&x->tr, "Connected to %s (%s) port %u (#%d)", t.host, p.ip,
	    p.port, c->id);
	if (x->route.tunnel && (rc = session_tunnel(x, e)) != HERR_OK)
		return rc;
	if (x->route.tls && (rc = session_tls(x, c, t.connect_deadline, e)) !=
	    HERR_OK)
		return rc;
	timing_mark(x->r, HG_T_READY, clock_us());
	return HERR_OK;
}

enum herr
xfer_connect(struct xfer *x, struct hg_err *e)
{
	enum herr	 rc;
	int		 reuse;

	if ((rc = xfer_route(x, e)) != HERR_OK)
		return rc;
	x->hop.absolute = x->route.proxy && !x->route.tunnel;
	x->hop.proxy_auth = x->hop.absolute ? x->route.proxy_auth : NULL;
	reuse = session_pick(x);
	x->slot->used = ++x->s->tick;
	x->c = &x->slot->conn;
	timing_conn(x->r, reuse, x->route.tls, clock_us());
	if (!reuse)
		return session_open(x, x->c, e);
	x->reused = 1;
	trace_info(&x->tr, "Re-using existing connection #%d with host %s",
	    x->c->id, x->c->host);
	session_peer(x);
	return HERR_OK;
}

void
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
