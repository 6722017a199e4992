/*
 * cmd/seglist.h: a request body under construction, built front to
 * back into struct body's segment list, which owns its memory and
 * descriptors (body.c, form.c and mime.c build it)
 */
#ifndef HG_SEGLIST_H
#define HG_SEGLIST_H

#include <stddef.h>
#include <stdint.h>

#include "body.h"
#include "buf.h"
#include "herr.h"
#include "spool.h"

struct seglist {
	struct body	*b;
	/*
	 * Bytes not yet a segment, capped at HG_MAX_BODY_MEM; a transform
	 * may write here directly with spool_dst_mem().
	 */
	struct buf	 cur;
	struct hg_err	*e;		/* where every failure is described */
};

void		 seglist_init(struct seglist *, struct body *, struct hg_err *);
/* Free what is still pending; the segments stay with the body. */
void		 seglist_done(struct seglist *);

/* Bytes copied in; adjacent ones become one memory segment. */
enum herr	 seglist_mem(struct seglist *, const void *, size_t);
/*
 * The strings up to a NULL, one after the other.  Callers end the list
 * with (char *)NULL: a bare NULL may be an int 0, which a variadic call
 * does not convert to a pointer (cppcheck varFuncNullUB).
 */
enum herr	 seglist_strs(struct seglist *, ...)
		    __attribute__((sentinel));
/* A file segment {fd, size}; fd must already be the body's. */
enum herr	 seglist_fd(struct seglist *, int fd, int64_t size);
/* Make the pending bytes a segment. */
enum herr	 seglist_flush(struct seglist *);

/* A sink into a new temporary file the body owns. */
enum herr	 seglist_tmp(struct seglist *, struct spool_dst *);
/*
 * fd's bytes (path names it in messages) through xf into a temporary
 * file the body owns: *ofd, *osize.  For what curl transforms, and for
 * stdin and pipes, which curl reads whole before it sends anything.  fd
 * is closed (unless it is stdin).
 */
enum herr	 seglist_spool(struct seglist *, const char *path, int fd,
		    spool_xf xf, int *ofd, int64_t *osize);
/*
 * A file's contents as a descriptor the body owns: a regular file is
 * read from where it is; stdin and anything else is spooled first, so
 * that its size is known (curl sends a Content-Length) and it can be
 * sent again.
 */
enum herr	 seglist_content(struct seglist *, const char *path, int *ofd,
		    int64_t *osize);

#endif
