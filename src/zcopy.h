/* src/zcopy.h: body bytes from a socket to a file or pipe with splice(2),
 * or dropped in the kernel */
#ifndef HG_ZCOPY_H
#define HG_ZCOPY_H

#include <stddef.h>
#include <stdint.h>

/*
 * A body that needs no decoding goes from the socket to its sink without
 * passing through hget's memory: straight into the sink when it is a
 * pipe, else through a pipe of our own (splice needs a pipe at one end).
 * The kernel moves the socket's pages into the pipe by reference; a file
 * gets one copy into its page cache instead of two copies through us.
 */
struct zcopy {
	int	 out;		/* the sink's fd, or ZCOPY_DISCARD */
	int	 direct;	/* out is a pipe: no pipe of our own */
	int	 pipe[2];	/* ours, for a file; -1 until needed */
	int	 sock;		/* the socket SO_RCVLOWAT was raised on */
	int	 lowat;		/* its value now; 0 = never touched */
};

/*
 * The sink is the null device: the bytes are dropped in the kernel
 * (recv(2) with MSG_TRUNC, TCP's discard), neither copied nor spliced.
 */
#define ZCOPY_DISCARD	(-2)

enum zcopy_rc {
	ZCOPY_OK,		/* *moved > 0 bytes are in the sink */
	ZCOPY_EOF,		/* the server closed; nothing moved */
	ZCOPY_TIMEOUT,		/* the deadline passed first */
	ZCOPY_RECV_ERR,		/* errno says why (the socket) */
	ZCOPY_SEND_ERR		/* errno says why (the sink) */
};

/*
 * Bytes for out from now on: 0, or -1 when out cannot take spliced bytes
 * (only a pipe, a regular file opened without O_APPEND, /dev/null and
 * ZCOPY_DISCARD can; not a terminal, a socket or another device).
 */
int		 zcopy_start(struct zcopy *, int out);
/* Close the pipe of our own, if one was made; the socket's wake-up
 * threshold back to 1 byte, for the next response on it. */
void		 zcopy_end(struct zcopy *);
/*
 * Move what the socket has, at least one byte and at most max, into the
 * sink (waiting for it until deadline, clock_us(); 0 = as long as it
 * takes).  All of it is in the sink when this returns ZCOPY_OK.
 */
enum zcopy_rc	 zcopy_move(struct zcopy *, int sock, size_t max,
		    int64_t deadline, size_t *moved);

#endif
