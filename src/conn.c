/* src/conn.c: deadline-bounded reads and writes on a socket, TLS or not */
#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <tls.h>
#include <unistd.h>

#include "clock.h"
#include "conn.h"

void
conn_init(struct conn *c)
{
	memset(c, 0, sizeof(*c));
	c->fd = -1;
}

int
conn_attach(struct conn *c, int fd)
{
	if (c->in == NULL && (c->in = malloc(HG_IOBUF)) == NULL)
		return -1;
	c->fd = fd;
	c->start = c->end = 0;
	c->requests = 0;
	c->tcp_eof = c->tls_done = 0;
	c->why[0] = '\0';
	return 0;
}

void
conn_close(struct conn *c)
{
	if (c->tls != NULL) {
		/*
		 * RFC 8446 §6.1: say close_notify, once; a peer that is gone
		 * or slow to take it does not hold us (sends never block).
		 */
		if (!c->tls_done)
			(void)tls_close(c->tls);
		tls_free(c->tls);
		c->tls = NULL;
	}
	if (c->fd != -1)
		close(c->fd);
	free(c->in);
	c->in = NULL;
	c->fd = -1;
	c->start = c->end = 0;
}

const char *
conn_strerror(const struct conn *c)
{
	return c->why[0] != '\0' ? c->why : strerror(c->err);
}

static enum conn_rc	 conn_tls_fill(struct conn *, int64_t);

int
conn_stale(struct conn *c)
{
	struct pollfd	 pfd;

	if (c->fd == -1 || conn_pending(c) > 0 || c->tls_done)
		return 1;
	pfd.fd = c->fd;
	pfd.events = POLLIN;
	/* readable while idle means EOF, a reset or bytes nobody asked for */
	if (poll(&pfd, 1, 0) == 0)
		return 0;
	if (c->tls == NULL)
		return 1;
	/*
	 * Under TLS, readable may only be a record that carries no data
	 * (RFC 8446 §4.6.1: a NewSessionTicket after the handshake).  One
	 * read that cannot block tells: still waiting means still usable.
	 */
	c->start = c->end = 0;
	return conn_tls_fill(c, clock_us()) != CONN_TIMEOUT ||
	    conn_pending(c) > 0;
}

enum conn_rc
conn_poll(struct conn *c, short events, int64_t deadline)
{
	struct pollfd	 pfd;
	int		 rc;

	pfd.fd = c->fd;
	pfd.events = events;
	do
		rc = poll(&pfd, 1, clock_poll_ms(deadline));
	while (rc == -1 && errno == EINTR);
	if (rc == 0)
		return CONN_TIMEOUT;
	if (rc == -1) {
		c->err = errno;
		return CONN_ERR;
	}
	return CONN_OK;
}

/* Wait for a blocking call: with no deadline, the call itself waits. */
static enum conn_rc
conn_wait(struct conn *c, short events, int64_t deadline)
{
	if (deadline == 0)
		return CONN_OK;
	return conn_poll(c, events, deadline);
}

ssize_t
conn_tls_recv(struct tls *ctx, void *p, size_t n, void *arg)
{
	struct conn	*c = arg;
	ssize_t		 r;

	(void)ctx;
	do
		r = recv(c->fd, p, n, MSG_DONTWAIT);
	while (r == -1 && errno == EINTR);
	if (r == 0)
		c->tcp_eof = 1;
	if (r == -1 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return TLS_WANT_POLLIN;
	if (r == -1 && c->err == 0)	/* the first says why */
		c->err = errno;
	return r;
}

ssize_t
conn_tls_send(struct tls *ctx, const void *p, size_t n, void *arg)
{
	struct conn	*c = arg;
	ssize_t		 w;

	(void)ctx;
	do
		w = send(c->fd, p, n, MSG_DONTWAIT | MSG_NOSIGNAL);
	while (w == -1 && errno == EINTR);
	if (w == -1 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return TLS_WANT_POLLOUT;
	if (w == -1 && c->err == 0)
		c->err = errno;
	return w;
}

/* A TLS call failed: keep libtls's words, unless the socket said why. */
static enum conn_rc
conn_tls_fail(struct conn *c)
{
	const char	*why = tls_error(c->tls);

	c->tls_done = 1;
	if (c->err != 0) {
		c->why[0] = '\0';
		return CONN_ERR;
	}
	c->err = EPROTO;
	(void)strlcpy(c->why, why != NULL ? why : "TLS failure",
	    sizeof(c->why));
	return CONN_ERR;
}

/* Wait for what a TLS_WANT_* return asks for. */
static enum conn_rc
conn_tls_want(struct conn *c, ssize_t want, int64_t deadline)
{
	return conn_poll(c, want == TLS_WANT_POLLOUT ? POLLOUT : POLLIN,
	    deadline);
}

static enum conn_rc
conn_tls_write(struct conn *c, const char *s, size_t n, int64_t deadline)
{
	enum conn_rc	 rc;
	ssize_t		 w;

	c->err = 0;
	while (n > 0) {
		w = tls_write(c->tls, s, n);
		if (w == TLS_WANT_POLLIN || w == TLS_WANT_POLLOUT) {
			/* a retry must offer the same bytes again */
			if ((rc = conn_tls_want(c, w, deadline)) != CONN_OK)
				return rc;
			continue;
		}
		if (w < 0)
			return conn_tls_fail(c);
		s += w;
		n -= (size_t)w;
	}
	return CONN_OK;
}

/*
 * One TLS read into the buffer's free space.  A TCP close without
 * close_notify is CONN_EOF, as a plain close is: the framing decides
 * whether the body was whole (curl 7.88 does the same, and exits 18 on a
 * short Content-Length body).  RFC 8446 §6.1 would call it truncation;
 * the framing is what can tell.
 */
static enum conn_rc
conn_tls_fill(struct conn *c, int64_t deadline)
{
	enum conn_rc	 rc;
	ssize_t		 r;

	if (c->tls_done)
		return CONN_EOF;
	c->err = 0;
	for (;;) {
		r = tls_read(c->tls, c->in + c->end, HG_IOBUF - c->end);
		if (r > 0) {
			c->end += (size_t)r;
			c->nread += (uint64_t)r;
			return CONN_OK;
		}
		if (r == TLS_WANT_POLLIN || r == TLS_WANT_POLLOUT) {
			if ((rc = conn_tls_want(c, r, deadline)) != CONN_OK)
				return rc;
			continue;
		}
		if (r == 0 || c->tcp_eof) {
			c->tls_done = 1;
			return CONN_EOF;
		}
		return conn_tls_fail(c);
	}
}

enum conn_rc
conn_readable(struct conn *c, int64_t deadline)
{
	enum conn_rc	 rc;

	if (conn_pending(c) > 0)
		return CONN_OK;
	if (deadline == 0)
		return CONN_OK;
	if (c->tls == NULL)
		return conn_wait(c, POLLIN, deadline);
	/*
	 * The socket being readable says nothing under TLS (a record may be
	 * half in libtls's buffer, or carry no data): read, and keep it.
	 * An end is for the read that follows to report, as without TLS.
	 */
	c->start = c->end = 0;
	rc = conn_tls_fill(c, deadline);
	return rc == CONN_EOF ? CONN_OK : rc;
}

enum conn_rc
conn_write_all(struct conn *c, const void *p, size_t n, int64_t deadline)
{
	const char	*s = p;
	enum conn_rc	 rc;
	ssize_t		 w;

	if (c->tls != NULL)
		return conn_tls_write(c, s, n, deadline);
	while (n > 0) {
		if ((rc = conn_wait(c, POLLOUT, deadline)) != CONN_OK)
			return rc;
		w = send(c->fd, s, n, MSG_NOSIGNAL |
		    (deadline != 0 ? MSG_DONTWAIT : 0));
		if (w == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			c->err = errno;
			return CONN_ERR;
		}
		s += w;
		n -= (size_t)w;
	}
	return CONN_OK;
}

/* Read more into the buffer (compacting it first); CONN_EOF on a close. */
static enum conn_rc
conn_fill(struct conn *c, int64_t deadline)
{
	enum conn_rc	 rc;
	ssize_t		 r;

	if (c->start == c->end)
		c->start = c->end = 0;
	else if (c->end == HG_IOBUF) {
		memmove(c->in, c->in + c->start, c->end - c->start);
		c->end -= c->start;
		c->start = 0;
	}
	if (c->end == HG_IOBUF) {
		c->err = E2BIG;		/* a caller asked for more than fits */
		return CONN_ERR;
	}
	if (c->tls != NULL)
		return conn_tls_fill(c, deadline);
	for (;;) {
		if ((rc = conn_wait(c, POLLIN, deadline)) != CONN_OK)
			return rc;
		r = recv(c->fd, c->in + c->end, HG_IOBUF - c->end,
		    deadline != 0 ? MSG_DONTWAIT : 0);
		if (r > 0) {
			c->end += (size_t)r;
			c->nread += (uint64_t)r;
			return CONN_OK;
		}
		if (r == 0)
			return CONN_EOF;
		if (errno != EINTR && errno != EAGAIN) {
			c->err = errno;
			return CONN_ERR;
		}
	}
}

enum conn_rc
conn_getline(struct conn *c, struct buf *line, size_t cap, int64_t deadline)
{
	const char	*lf;
	size_t		 n, have = 0;
	enum conn_rc	 rc;

	for (;;) {
		n = conn_pending(c);
		lf = memchr(c->in + c->start, '\n', n);
		if (lf != NULL)
			n = (size_t)(lf - (c->in + c->start)) + 1;
		if (have + n > cap) {
			c->err = E2BIG;
			return CONN_ERR;
		}
		if (buf_add(line, c->in + c->start, n) == -1) {
			c->err = ENOBUFS;	/* line's own cap: the head's */
			return CONN_ERR;
		}
		c->start += n;
		have += n;
		if (lf != NULL)
			return CONN_OK;
		if ((rc = conn_fill(c, deadline)) != CONN_OK)
			return rc;
	}
}

enum conn_rc
conn_read_upto(struct conn *c, size_t n, int64_t deadline, const char **p,
    size_t *len)
{
	enum conn_rc	 rc;
	size_t		 have;

	if (conn_pending(c) == 0 && (rc = conn_fill(c, deadline)) != CONN_OK) {
		*len = 0;
		return rc;
	}
	have = conn_pending(c);
	*len = have < n ? have : n;
	*p = c->in + c->start;
	c->start += *len;
	return CONN_OK;
}

enum conn_rc
conn_data(struct conn *c, int64_t deadline, const char **p, size_t *len)
{
	enum conn_rc	 rc;

	if (conn_pending(c) == 0 && (rc = conn_fill(c, deadline)) != CONN_OK) {
		*len = 0;
		return rc;
	}
	*p = c->in + c->start;
	*len = conn_pending(c);
	return CONN_OK;
}

enum conn_rc
conn_more(struct conn *c, int64_t deadline)
{
	return conn_fill(c, deadline);
}

void
conn_take(struct conn *c, size_t n)
{
	c->start += n < conn_pending(c) ? n : conn_pending(c);
}
