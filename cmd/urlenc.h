/* cmd/urlenc.h: percent-encoding (RFC 3986 §2.1) for bodies and URLs */
#ifndef HG_URLENC_H
#define HG_URLENC_H

#include <stddef.h>

#include "buf.h"

/*
 * The two hex digits of c, lower or upper case: for "%XX" here, and for
 * quoted-printable's "=XX" and multipart boundaries elsewhere.
 */
void		 urlenc_hex(char out[2], unsigned char c, int lower);

/*
 * c as it goes into a URL: itself when RFC 3986 §2.3 unreserved, else
 * "%XX", the hex in lower case when lower is set.  Returns the length
 * written to out (1 or 3).
 */
size_t		 urlenc_byte(char out[3], unsigned char c, int lower);

/*
 * Append s to out with every byte but the unreserved ones as "%xx", hex
 * in lower case as curl writes a -T file name into a URL.  Returns -1
 * when out reaches its cap or malloc fails.
 */
int		 urlenc_escape(struct buf *out, const char *s);

#endif
