/* src/cdisp.h: the file name a Content-Disposition field offers (-J) */
#ifndef HG_CDISP_H
#define HG_CDISP_H

#include <stddef.h>

/*
 * The file name in a Content-Disposition field value (RFC 6266 §4.3:
 * filename* (RFC 8187, UTF-8 or ISO-8859-1, percent-encoded) wins over
 * filename; filename as a token or a quoted-string), made safe to create
 * in the current directory: everything up to the last '/' or '\' dropped,
 * leading dots dropped (no hidden files), and refused when what is left is
 * empty, longer than dstlen - 1 or NAME_MAX bytes, or holds a control byte
 * (C0, DEL, C1 in UTF-8).  Returns 0 with the NUL-terminated name in dst,
 * -1 when the field offers no usable name.  Pure.
 */
int		 cdisp_filename(const char *value, size_t len, char *dst,
		    size_t dstlen);

#endif
