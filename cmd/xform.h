/*
 * cmd/xform.h: what curl 7.88 does to body content on the way out:
 * -d @file's line cutting, form-urlencoding, and the -F encoders
 * base64 and quoted-printable (RFC 2045 §6.7, §6.8)
 */
#ifndef HG_XFORM_H
#define HG_XFORM_H

#include "spool.h"

/* Each reads s to its end and returns 0, or -1 when d failed. */
int		 xform_strip(struct spool_src *s, struct spool_dst *d);
int		 xform_urlencode(struct spool_src *s, struct spool_dst *d,
		    int lower);
int		 xform_base64(struct spool_src *s, struct spool_dst *d);
int		 xform_qp(struct spool_src *s, struct spool_dst *d);

#endif
