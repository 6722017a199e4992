/* src/conn.h: the byte stream to a server (TCP or TLS) and its input buffer */
#ifndef HG_CONN_H
#define HG_CONN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "buf.h"
#include "limits.h"

enum conn_rc {
	CONN_OK = 0,
	CONN_EOF,		/* the server closed its side */
	CONN_TIMEOUT,		/* the deadline passed */
	CONN_ERR		/* err (and for TLS why) says why */
};

struct tls;			/* libtls's; only conn.c and tlsc.c use it */

struct conn {
	int		 fd;		/* -1: not connected */
	int		 id;		/* curl's "#N" in -v */
	char		 host[HG_MAX_HOST];
	char		 scheme[8];
	unsigned	 port;
	int		 family;	/* -4/-6 it was opened with */
	int		 requests;	/* responses read on it so far */
	char		*in;		/* HG_IOBUF bytes, allocated on open */
	size_t		 start, end;	/* unread bytes are in[start..end) */
	uint64_t	 nread;		/* bytes received, all reads */
	int		 err;		/* errno of the last CONN_ERR */
	/*
	 * TLS (tlsc_start sets it up): all I/O goes through tls, whose
	 * callbacks never block (MSG_DONTWAIT); waits are poll(2) under the
	 * deadline.
	 */
	struct tls	*tls;		/* NULL: plain TCP */
	int		 tcp_eof;	/* recv under TLS saw the peer's FIN */
	int		 tls_done;	/* TLS stream over: no more reads */
	char		 why[160];	/* libtls's words for a CONN_ERR */
};

void		 conn_init(struct conn *);
/* Adopt a connected fd; -1 when the input buffer cannot be allocated. */
int		 conn_attach(struct conn *, int fd);
void		 conn_close(struct conn *);
/* Has the server closed or sent something unasked?  Then no reuse. */
int		 conn_stale(struct conn *);
/* The reason for the last CONN_ERR: libtls's text, else strerror(err). */
const char	*conn_strerror(const struct conn *);
/*
 * Wait until the fd is ready for events (POLLIN, POLLOUT) or the deadline
 * passes (0: wait as long as it takes).  For TLS_WANT_POLL* retries.
 */
enum conn_rc	 conn_poll(struct conn *, short events, int64_t deadline);
/*
 * libtls's I/O callbacks (tls_connect_cbs, arg = the struct conn): one
 * non-blocking recv/send, TLS_WANT_POLLIN/POLLOUT when it would block.
 */
ssize_t		 conn_tls_recv(struct tls *, void *, size_t, void *arg);
ssize_t		 conn_tls_send(struct tls *, const void *, size_t, void *arg);
/* Bytes buffered and not yet taken. */
static inline size_t
conn_pending(const struct conn *c)
{
	return c->end - c->start;
}

/* Wait until a byte can be read (or is buffered), or the deadline. */
enum conn_rc	 conn_readable(struct conn *, int64_t deadline);
enum conn_rc	 conn_write_all(struct conn *, const void *, size_t,
		    int64_t deadline);
/* Append one line (through its LF) to line; CONN_EOF before a LF leaves
 * the partial line in line.  A line longer than cap: CONN_ERR, E2BIG;
 * line's buffer at its own cap: CONN_ERR, ENOBUFS. */
enum conn_rc	 conn_getline(struct conn *, struct buf *line, size_t cap,
		    int64_t deadline);
/* Point *p at up to n buffered bytes, reading when none are buffered;
 * the bytes count as taken.  CONN_EOF when nothing more will come. */
enum conn_rc	 conn_read_upto(struct conn *, size_t n, int64_t deadline,
		    const char **p, size_t *len);
/* Make at least one byte pending (reading when none is) and point *p at
 * all pending bytes without taking them; conn_take() takes them. */
enum conn_rc	 conn_data(struct conn *, int64_t deadline, const char **p,
		    size_t *len);
void		 conn_take(struct conn *, size_t n);
/* Read whatever arrives next into the buffer (after what is pending). */
enum conn_rc	 conn_more(struct conn *, int64_t deadline);

#endif
