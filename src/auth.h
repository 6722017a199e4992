/* src/auth.h: the Authorization value a request carries, and to where */
#ifndef HG_AUTH_H
#define HG_AUTH_H

#include "buf.h"
#include "herr.h"
#include "hget.h"
#include "url.h"

/*
 * Append the Authorization value for a request to u: "Bearer TOKEN"
 * (--oauth2-bearer), else "Basic ..." (RFC 7617) from -u, else from the
 * first URL's userinfo (percent-decoded), else from the netrc entry for
 * u's host.  curl's order of precedence.  Nothing unless trusted: the
 * user's credentials go to the first URL's origin only (or everywhere,
 * with --location-trusted); userinfo in a Location is not used, as curl.
 * Sets *found.  HERR_READ_ERROR when a required netrc file cannot be read.
 */
enum herr	 auth_value(const struct hg_request *, const struct url *u,
		    const struct url *first, int trusted, struct buf *out,
		    int *found, struct hg_err *);

/* RFC 4648 §4 base64 of in, appended to out; -1 past out's cap. */
int		 auth_base64(struct buf *out, const unsigned char *in, size_t n);

#endif
