/* src/xfer.h: the state of one transfer, shared by the driver's parts */
#ifndef HG_XFER_H
#define HG_XFER_H

#include <sys/types.h>

#include <stdint.h>

#include "buf.h"
#include "conn.h"
#include "decode.h"
#include "head.h"
#include "hget.h"
#include "limits.h"
#include "net.h"
#include "pace.h"
#include "req.h"
#include "sink.h"
#include "trace.h"
#include "url.h"

/*
 * Where a hop's connection goes: the TCP endpoint (the origin, or what
 * --connect-to names, or the proxy), the addresses --resolve gives for
 * it, and what runs over it.  key says which kept connections can serve.
 */
struct route {
	char		 host[HG_MAX_HOST];	/* TCP endpoint */
	unsigned	 port;
	char		 addrs[512];	/* --resolve's, "" = ask the resolver */
	int		 proxy;		/* an HTTP proxy is in the way */
	int		 tunnel;	/* CONNECT through it */
	int		 tls;		/* TLS to the origin (https) */
	char		*proxy_auth;	/* "Basic ...", malloc'd; NULL = none */
	char		 key[HG_MAX_HOST * 2 + 64];
};

/* A connection kept for reuse, and where it goes (for -w). */
struct pooled {
	struct conn	 conn;
	struct net_peer	 peer;
	char		 key[HG_MAX_HOST * 2 + 64];	/* its route's */
	uint64_t	 used;		/* session tick of its last use */
};

struct hg_session {
	struct pooled	 pool[HG_MAX_CONNS];
	uint64_t	 tick;
	int		 nconns;	/* connections opened: the next "#N" */
};

/*
 * What outlives one attempt of a transfer (--retry): the outputs, and how
 * much of the body they hold already.
 */
struct run {
	struct sink	 body;
	struct sink	 dump;
	int		 dumping;	/* -D given */
	int		 ready;		/* the sinks are set up */
	int64_t		 offset;	/* -C's: where the output begins */
	uint64_t	 kept;		/* body bytes earlier attempts wrote */
	int		 resumable;	/* a Range can go on from there */
	char		 validator[HG_MAX_ETAG]; /* If-Range for that */
	int64_t		 started;	/* clock_us(): --retry-max-time */
	long		 retries_left;
	struct hg_err	 last;		/* the failure a retry answered */
	int64_t		 backoff_ms;	/* the next sleep without --retry-delay */
	int64_t		 held_ms;	/* retry_coming's wait; -1 = none */
};

/*
 * One transfer, all its redirect hops.  session.c picks its connection,
 * send.c sends each request, redir.c decides where the next hop goes,
 * xfer.c reads the responses and drives the whole.
 */
struct xfer {
	const struct hg_request	*rq;
	struct hg_result	*r;
	struct hg_session	*s;
	struct run		*run;		/* what outlives this attempt */
	struct pooled		*slot;		/* the pool entry in use */
	struct conn		*c;		/* &slot->conn */
	struct url		 url;		/* this hop's */
	struct url		 first;		/* the URL as given: credentials */
	struct req_hop		 hop;		/* what this hop sends */
	struct route		 route;		/* how this hop connects */
	struct buf		 auth;		/* hop.auth's storage */
	struct buf		 referer;	/* hop.referer's storage */
	int			 referer_auto;	/* -e "...;auto" */
	char			 method[32];	/* hop.method's storage */
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
	int			 have_final;	/* the final head came early
						   (instead of 100 Continue) */
	int			 body_sent;	/* some of the body went out */
	int			 stream_used;	/* a stdin stream was read */
	off_t			 stream_start;	/* where it began; -1: a pipe */
	int			 discard;	/* this body is a redirect's */
	char			*iobuf;		/* HG_IOBUF, for sending files */
	/* the final response's body, beyond its framing */
	struct decoder		*dec;		/* codings to undo; NULL = none */
	int64_t			 offset;	/* Range start this attempt asks */
	int			 retry_resume;	/* that start is a retry's */
	struct buf		 range;		/* hop.range's storage */
	struct buf		 cookie;	/* hop.cookie's storage */
	int			 ignore_body;	/* read and dropped: 416 on -C,
						   a condition unmet */
	int			 not_modified;	/* 304: outputs left alone */
	uint64_t		 delivered;	/* decoded body bytes to the sink */
	struct pace		 pace;		/* --limit-rate */
	/* where the user's credentials belong (the first URL's origin) */
	char			 origin_scheme[8];
	char			 origin_host[HG_MAX_HOST];
	unsigned		 origin_port;
};

/* session.c */
enum herr	 xfer_connect(struct xfer *, struct hg_err *);
void		 xfer_finish_conn(struct xfer *, enum herr);

/* route.c */
enum herr	 xfer_route(struct xfer *, struct hg_err *);
/* The route's Proxy-Authorization, wiped and freed. */
void		 route_free(struct route *);

/* send.c */
enum herr	 xfer_send(struct xfer *, struct hg_err *);

/* redir.c */
enum herr	 xfer_hop_init(struct xfer *, struct hg_err *);
enum herr	 xfer_location(struct xfer *, struct buf *next, struct hg_err *);
enum herr	 xfer_next_hop(struct xfer *, const char *next, struct hg_err *);

/* resp.c */
void		 xfer_take_cookies(struct xfer *);
enum herr	 xfer_cookie_hop(struct xfer *, struct hg_err *);
enum herr	 xfer_range(struct xfer *, struct hg_err *);
enum herr	 xfer_accept_final(struct xfer *, struct hg_err *);

/* retry.c */
void		 retry_init(struct run *, const struct hg_request *);
/*
 * Should the attempt that ended with rc be made again?  If so: the warning
 * said, the sleep slept, the outputs made ready to go on.  0: no retry.
 */
int		 retry_next(struct run *, const struct xfer *, enum herr rc,
		    const struct hg_err *);
/* The final head is a transient status and a retry will follow: its
 * body is read and dropped, not written (curl writes it). */
int		 retry_coming(struct run *, const struct xfer *);
/*
 * A retry asked for the rest with If-Range and got the whole body (200):
 * start over where the output can be, else the retry fails with the
 * failure it answered.
 */
enum herr	 retry_cannot_resume(struct run *, struct xfer *,
		    struct hg_err *);

/* xfer.c */
double		 xfer_secs(const struct xfer *, int64_t at);
enum herr	 xfer_conn_fail(struct xfer *, enum conn_rc, int sending,
		    struct hg_err *);
enum herr	 xfer_read_head(struct xfer *, struct hg_err *);
enum herr	 xfer_show_head(struct xfer *, struct hg_err *);

#endif
