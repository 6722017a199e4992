/* src/req.h: the request head as curl would send it */
#ifndef HG_REQ_H
#define HG_REQ_H

#include "buf.h"
#include "herr.h"
#include "hget.h"
#include "url.h"

/* What changes from one redirect hop to the next. */
struct req_hop {
	const struct url *url;
	const char	*method;	/* the verb for this hop */
	const char	*auth;		/* Authorization value; NULL = none */
	int		 creds;		/* -H Authorization/Cookie may go here */
	const char	*referer;	/* NULL = none */
	int		 has_body;	/* the request body goes with this hop */
	int64_t		 body_size;	/* its length; -1 = unknown */
	int		 chunked;	/* framed chunked (unknown size, or -H) */
	int		 expect;	/* send Expect: 100-continue */
	int		 no_expect;	/* a 417 said not to (RFC 9110 §10.1.1) */
	int		 absolute;	/* through a proxy: absolute-form target */
	const char	*proxy_auth;	/* Proxy-Authorization value; NULL = none */
	const char	*range;		/* Range value ("bytes=N-"); NULL = none */
	const char	*if_range;	/* If-Range (a retry resuming); NULL = none */
	const char	*cookie;	/* Cookie value; NULL = none */
};

/* The first verb: -X if given, else HEAD (-I), PUT (-T), POST (a body)
 * or GET. */
const char	*req_method(const struct hg_request *);

/* Does a -H line ask for chunked framing (Transfer-Encoding: chunked)? */
int		 req_custom_chunked(const struct hg_request *);

/* Would curl send Expect: 100-continue with this hop's body? */
int		 req_wants_expect(const struct hg_request *,
		    const struct req_hop *);

/*
 * Serialise the request line and header fields, CRLF-terminated, into out:
 * Host, Authorization, Range, User-Agent, Accept, TE, Accept-Encoding,
 * Referer, Cookie and If-Modified-Since defaults in curl's order, then the -H lines in theirs ("Name: v" replaces a default,
 * "Name:" removes it, "Name;" sends it empty), then the body's fields.
 * HERR_TOO_LARGE past HG_MAX_REQUEST.
 */
enum herr	 req_build(const struct hg_request *, const struct req_hop *,
		    struct buf *out, struct hg_err *);

/*
 * A CONNECT request for a tunnel to host:port (RFC 9110 §9.3.6), as curl
 * writes it: Host, Proxy-Authorization, User-Agent, Proxy-Connection.
 */
enum herr	 req_connect(const struct hg_request *, const struct url *,
		    const char *proxy_auth, struct buf *out, struct hg_err *);

#endif
