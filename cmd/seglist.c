/*
 * cmd/seglist.c: a request body under construction.  Words of the
 * command line and -F part heads collect in memory (up to
 * HG_MAX_BODY_MEM); a file becomes a {fd, size} segment of its own, so
 * that no file's contents are ever held in memory.
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "limits.h"
#include "seglist.h"

void
seglist_init(struct seglist *sl, struct body *b, struct hg_err *e)
{
	sl->b = b;
	sl->e = e;
	buf_init(&sl->cur, HG_MAX_BODY_MEM);
}

void
seglist_done(struct seglist *sl)
{
	buf_free(&sl->cur);
}

/* ---- what the body owns ---- */

static int
seglist_own_mem(struct body *b, char *p)
{
	char	**n;

	if ((n = reallocarray(b->mem, b->nmem + 1, sizeof(*n))) == NULL) {
		free(p);
		return -1;
	}
	b->mem = n;
	b->mem[b->nmem++] = p;
	return 0;
}

/* On failure fd is closed. */
static int
seglist_own_fd(struct body *b, int fd)
{
	int	*n;

	if ((n = reallocarray(b->fds, b->nfds + 1, sizeof(*n))) == NULL) {
		(void)close(fd);
		return -1;
	}
	b->fds = n;
	b->fds[b->nfds++] = fd;
	return 0;
}

/* ---- the segments ---- */

static int
seglist_seg(struct body *b, const char *mem, size_t len, int fd,
    int64_t size)
{
	struct hg_seg	*n;

	if ((n = reallocarray(b->segs, b->nsegs + 1, sizeof(*n))) == NULL)
		return -1;
	b->segs = n;
	n[b->nsegs].mem = mem;
	n[b->nsegs].len = len;
	n[b->nsegs].fd = fd;
	n[b->nsegs].size = size;
	b->nsegs++;
	return 0;
}

enum herr
seglist_flush(struct seglist *sl)
{
	char	*p = sl->cur.data;
	size_t	 len = sl->cur.len;

	if (len == 0)
		return HERR_OK;
	buf_init(&sl->cur, HG_MAX_BODY_MEM);
	if (seglist_own_mem(sl->b, p) == -1 ||
	    seglist_seg(sl->b, p, len, -1, 0) == -1)
		return spool_nomem(sl->e);
	return HERR_OK;
}

enum herr
seglist_mem(struct seglist *sl, const void *p, size_t n)
{
	if (buf_add(&sl->cur, p, n) == 0)
		return HERR_OK;
	if (sl->cur.len + n <= HG_MAX_BODY_MEM)
		return spool_nomem(sl->e);
	return hg_fail(sl->e, HERR_TOO_LARGE, "The request body would hold "
	    "more than %d bytes in memory", HG_MAX_BODY_MEM);
}

enum herr
seglist_strs(struct seglist *sl, ...)
{
	va_list		 ap;
	const char	*s;
	enum herr	 rc = HERR_OK;

	va_start(ap, sl);
	while (rc == HERR_OK && (s = va_arg(ap, const char *)) != NULL)
		rc = seglist_mem(sl, s, strlen(s));
	va_end(ap);
	return rc;
}

enum herr
seglist_fd(struct seglist *sl, int fd, int64_t size)
{
	if (size == 0)
		return HERR_OK;
	if (seglist_flush(sl) != HERR_OK ||
	    seglist_seg(sl->b, NULL, 0, fd, size) == -1)
		return spool_nomem(sl->e);
	return HERR_OK;
}

/* ---- files and temporary files ---- */

enum herr
seglist_tmp(struct seglist *sl, struct spool_dst *d)
{
	enum herr	 rc;

	if ((rc = spool_dst_tmp(d, sl->e)) != HERR_OK)
		return rc;
	if (seglist_own_fd(sl->b, d->fd) == -1) {
		free(d->buf);
		d->buf = NULL;
		return spool_nomem(sl->e);
	}
	return HERR_OK;
}

enum herr
seglist_spool(struct seglist *sl, const char *path, int fd, spool_xf xf,
    int *ofd, int64_t *osize)
{
	struct spool_src s;
	struct spool_dst d;
	enum herr	 rc;

	if ((rc = seglist_tmp(sl, &d)) != HERR_OK) {
		spool_close(fd);
		return rc;
	}
	spool_src_fd(&s, fd, 0);
	rc = spool_end(&s, &d, xf(&s, &d) == -1, path, sl->e);
	spool_close(fd);
	*ofd = d.fd;
	*osize = d.total;
	return rc;
}

enum herr
seglist_content(struct seglist *sl, const char *path, int *ofd,
    int64_t *osize)
{
	struct stat	 st;
	enum herr	 rc;
	int		 fd;

	if ((rc = spool_open(path, &fd, &st, sl->e)) != HERR_OK)
		return rc;
	if (fd == STDIN_FILENO || !S_ISREG(st.st_mode))
		return seglist_spool(sl, path, fd, spool_copy, ofd, osize);
	if (seglist_own_fd(sl->b, fd) == -1)
		return spool_nomem(sl->e);
	*ofd = fd;
	*osize = st.st_size;
	return HERR_OK;
}
