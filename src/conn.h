/* src/conn.h: the byte stream to a server and its one input buffer */
#ifndef HG_CONN_H
#define HG_CONN_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "limits.h"

enum conn_rc {
	CONN_OK = 0,
	CONN_EOF,		/* the server closed its side */
	CONN_TIMEOUT,		/* the deadline passed */
	CONN_ERR		/* errno says why */
};

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
};

void		 conn_init(struct conn *);
/* Adopt a connected fd; -1 when the input buffer cannot be allocated. */
int		 conn_attach(struct conn *, int fd);
void		 conn_close(struct conn *);
/* Has the server closed or sent something unasked?  Then no reuse. */
int		 conn_stale(struct conn *);
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
