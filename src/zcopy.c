/* src/zcopy.c: body bytes from a socket to a file or pipe with splice(2) */
#define _GNU_SOURCE		/* splice(2), F_SETPIPE_SZ: Linux calls */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "clock.h"
#include "limits.h"
#include "zcopy.h"

int
zcopy_start(struct zcopy *z, int out)
{
	struct stat	 st;
	int		 fl;

	z->out = out;
	z->direct = 0;
	z->pipe[0] = z->pipe[1] = -1;
	z->sock = -1;
	z->lowat = 0;
	if (out == ZCOPY_DISCARD)
		return 0;
	if (fstat(out, &st) == -1 || (fl = fcntl(out, F_GETFL)) == -1)
		return -1;
	if (S_ISFIFO(st.st_mode)) {
		z->direct = 1;
		return 0;
	}
	/* splice(2): EINVAL for an output file opened with O_APPEND */
	if (S_ISREG(st.st_mode) && !(fl & O_APPEND))
		return 0;
	if (S_ISCHR(st.st_mode) && st.st_rdev == makedev(1, 3))
		return 0;		/* /dev/null */
	return -1;
}

void
zcopy_end(struct zcopy *z)
{
	int	 one = 1;

	if (z->lowat > 1)
		(void)setsockopt(z->sock, SOL_SOCKET, SO_RCVLOWAT, &one,
		    sizeof(one));
	z->lowat = 0;
	if (z->pipe[0] != -1) {
		close(z->pipe[0]);
		close(z->pipe[1]);
	}
	z->pipe[0] = z->pipe[1] = -1;
}

/* Our pipe, made on first use, as large as the kernel lets us have. */
static int
zcopy_pipe(struct zcopy *z)
{
	if (z->pipe[0] != -1)
		return 0;
	if (pipe2(z->pipe, O_CLOEXEC) == -1)
		return -1;
	/* fewer, larger moves; the default (64 KiB) still works */
	(void)fcntl(z->pipe[1], F_SETPIPE_SZ, HG_ZCOPY_PIPE);
	return 0;
}

/*
 * Wake when max bytes (at most HG_ZCOPY_LOWAT) are there, or the server
 * closed: poll(2) and recv(2) go by SO_RCVLOWAT.  max is never more than
 * the body still owes, so the threshold cannot wait for bytes that will
 * not come.  Only for dropped bytes: a splice into a pipe or a file was
 * slower with it (1 GiB through a pipe: 0.49 s -> 0.76 s), as the pipe's
 * room, not the socket, sets the pace there.
 */
static void
zcopy_lowat(struct zcopy *z, int sock, size_t max)
{
	int	 want = max < HG_ZCOPY_LOWAT ? (int)max : HG_ZCOPY_LOWAT;

	if (want < 1)
		want = 1;
	if (want == z->lowat)
		return;
	if (setsockopt(sock, SOL_SOCKET, SO_RCVLOWAT, &want,
	    sizeof(want)) == 0) {
		z->sock = sock;
		z->lowat = want;
	}
}

static enum zcopy_rc
zcopy_wait(int sock, int64_t deadline)
{
	struct pollfd	 pfd;
	int		 rc;

	if (deadline == 0)
		return ZCOPY_OK;	/* the blocking call waits */
	pfd.fd = sock;
	pfd.events = POLLIN;
	do
		rc = poll(&pfd, 1, clock_poll_ms(deadline));
	while (rc == -1 && errno == EINTR);
	if (rc == 0)
		return ZCOPY_TIMEOUT;
	return rc == -1 ? ZCOPY_RECV_ERR : ZCOPY_OK;
}

/* The n bytes in our pipe, into the sink. */
static enum zcopy_rc
zcopy_drain(struct zcopy *z, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		w = splice(z->pipe[0], NULL, z->out, NULL, n, SPLICE_F_MOVE);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return ZCOPY_SEND_ERR;
		n -= (size_t)w;
	}
	return ZCOPY_OK;
}

/*
 * tcp(7): MSG_TRUNC drops up to max received bytes, copying none.  The
 * wait is in poll(2), never in recv(2): a recv that has dropped part of
 * its target and sleeps for the rest is woken only by SO_RCVLOWAT more
 * bytes, which the end of a kept-alive body never brings (seen: 3 runs
 * in 12 hung until killed).
 */
static enum zcopy_rc
zcopy_discard(struct zcopy *z, int sock, size_t max, int64_t deadline,
    size_t *moved)
{
	struct pollfd	 pfd;
	ssize_t		 r;
	int		 rc;

	zcopy_lowat(z, sock, max);
	pfd.fd = sock;
	pfd.events = POLLIN;
	for (;;) {
		rc = poll(&pfd, 1, deadline == 0 ? -1 :
		    clock_poll_ms(deadline));
		if (rc == 0)
			return ZCOPY_TIMEOUT;
		if (rc == -1 && errno != EINTR)
			return ZCOPY_RECV_ERR;
		if (rc == -1)
			continue;
		/* no buffer: MSG_TRUNC on TCP writes none */
		/* cppcheck-suppress nullPointer */
		r = recv(sock, NULL, max, MSG_TRUNC | MSG_DONTWAIT);
		if (r == -1 && (errno == EINTR || errno == EAGAIN ||
		    errno == EWOULDBLOCK))
			continue;
		break;
	}
	if (r == 0)
		return ZCOPY_EOF;
	if (r == -1)
		return ZCOPY_RECV_ERR;
	*moved = (size_t)r;
	return ZCOPY_OK;
}

enum zcopy_rc
zcopy_move(struct zcopy *z, int sock, size_t max, int64_t deadline,
    size_t *moved)
{
	enum zcopy_rc	 rc;
	ssize_t		 r;
	int		 to;

	*moved = 0;
	if (z->out == ZCOPY_DISCARD)
		return zcopy_discard(z, sock, max, deadline, moved);
	if (!z->direct && zcopy_pipe(z) == -1)
		return ZCOPY_SEND_ERR;
	to = z->direct ? z->out : z->pipe[1];
	do {
		if ((rc = zcopy_wait(sock, deadline)) != ZCOPY_OK)
			return rc;
		r = splice(sock, NULL, to, NULL, max, SPLICE_F_MOVE |
		    SPLICE_F_MORE);
	} while (r == -1 && errno == EINTR);
	if (r == 0)
		return ZCOPY_EOF;
	if (r == -1)
		/* into the sink's own pipe, a closed reader is the sink's */
		return errno == EPIPE ? ZCOPY_SEND_ERR : ZCOPY_RECV_ERR;
	*moved = (size_t)r;
	return z->direct ? ZCOPY_OK : zcopy_drain(z, (size_t)r);
}
