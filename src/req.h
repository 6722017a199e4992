/* src/req.h: the request head as curl would send it */
#ifndef HG_REQ_H
#define HG_REQ_H

#include "buf.h"
#include "herr.h"
#include "hget.h"
#include "url.h"

/* The verb: -X if given, else HEAD for -I, else GET. */
const char	*req_method(const struct hg_request *);

/*
 * Serialise the request line and header fields, CRLF-terminated, into out:
 * Host, User-Agent, Accept and Referer defaults in curl's order, then the
 * -H lines in theirs ("Name: v" replaces a default, "Name:" removes it,
 * "Name;" sends it empty).  HERR_TOO_LARGE past HG_MAX_REQUEST.
 */
enum herr	 req_build(const struct hg_request *, const struct url *,
		    struct buf *out, struct hg_err *);

#endif
