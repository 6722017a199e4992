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
 * URL's userinfo (percent-decoded), else from the netrc file.  curl's
 * order of precedence.  trusted: the user's own credentials (-u, bearer,
 * netrc) may go to u's origin; the URL's userinfo always may.  Sets
 * *found.  HERR_READ_ERROR when a required netrc file cannot be read.
 */
enum herr	 auth_value(const struct hg_request *, const struct url *u,
		    int trusted, struct buf *out, int *found, struct hg_err *);

/* RFC 4648 §4 base64 of in, appended to out; -1 past out's cap. */
int		 auth_base64(struct buf *out, const unsigned char *in, size_t n);

#endif
