/* src/conn.c: deadline-bounded reads and writes on a blocking socket */
#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
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
	return 0;
}

void
conn_close(struct conn *c)
{
	if (c->fd != -1)
		close(c->fd);
	free(c->in);
	c->in = NULL;
	c->fd = -1;
	c->start = c->end = 0;
}

int
conn_stale(struct conn *c)
{
	struct pollfd	 pfd;

	if (c->fd == -1 || conn_pending(c) > 0)
		return 1;
	pfd.fd = c->fd;
	pfd.events = POLLIN;
	/* readable while idle means EOF, a reset or bytes nobody asked for */
	return poll(&pfd, 1, 0) != 0;
}

/* Wait until fd is ready for events or the deadline passes. */
static enum conn_rc
conn_wait(struct conn *c, short events, int64_t deadline)
{
	struct pollfd	 pfd;
	int		 rc;

	if (deadline == 0)
		return CONN_OK;		/* the blocking call will wait */
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

enum conn_rc
conn_readable(struct conn *c, int64_t deadline)
{
	if (conn_pending(c) > 0)
		return CONN_OK;
	if (deadline == 0)
		return CONN_OK;
	return conn_wait(c, POLLIN, deadline);
}

enum conn_rc
conn_write_all(struct conn *c, const void *p, size_t n, int64_t deadline)
{
	const char	*s = p;
	enum conn_rc	 rc;
	ssize_t		 w;

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
