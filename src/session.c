/* src/session.c: kept-alive connections, one per origin, curl's five at most */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
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

/* Does c go where this hop goes, with the same -4/-6? */
static int
session_same_origin(const struct xfer *x, const struct conn *c)
{
	return c->fd != -1 && strcmp(c->scheme, x->url.scheme) == 0 &&
	    strcmp(c->host, x->url.host) == 0 && c->port == x->url.port &&
	    c->family == x->rq->ipresolve;
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
		if (!session_same_origin(x, &p->conn))
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
session_open(struct xfer *x, struct conn *c, struct hg_err *e)
{
	struct net_target	 t;
	struct net_peer		 p;
	enum herr		 rc;

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
	session_peer(x);
	trace_info(&x->tr, "Connected to %s (%s) port %u (#%d)", x->url.host,
	    p.ip, p.port, c->id);
	return HERR_OK;
}

enum herr
xfer_connect(struct xfer *x, struct hg_err *e)
{
	int	 reuse;

	reuse = session_pick(x);
	x->slot->used = ++x->s->tick;
	x->c = &x->slot->conn;
	if (!reuse)
		return session_open(x, x->c, e);
	x->reused = 1;
	trace_info(&x->tr, "Re-using existing connection #%d with host %s",
	    x->c->id, x->c->host);
	x->r->time_namelookup = x->r->time_connect = xfer_secs(x, clock_us());
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
