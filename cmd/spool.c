/*
 * cmd/spool.c: body bytes streamed from files, stdin and memory into
 * memory or anonymous temporary files.  Nothing here holds a whole file:
 * bytes move through one SPOOL_IOBUF buffer each way.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spool.h"

/* glibc names O_TMPFILE only under _GNU_SOURCE; the kernel flag is there */
#if !defined(O_TMPFILE) && defined(__O_TMPFILE)
#define O_TMPFILE	__O_TMPFILE
#endif

enum herr
spool_nomem(struct hg_err *e)
{
	return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
}

enum herr
spool_read_fail(struct hg_err *e, const char *path, int err)
{
	return hg_fail(e, HERR_READ_ERROR, "Couldn't read data from file "
	    "\"%s\": %s", path, strerror(err));
}

/* ---- sources ---- */

void
spool_src_mem(struct spool_src *s, const void *p, size_t len)
{
	memset(s, 0, sizeof(*s));
	s->mem = p;
	s->len = len;
	s->fd = -1;
}

void
spool_src_fd(struct spool_src *s, int fd, int positional)
{
	memset(s, 0, sizeof(*s));
	s->fd = fd;
	s->positional = positional;
	if ((s->buf = malloc(SPOOL_IOBUF)) == NULL) {
		s->nomem = 1;
		s->err = ENOMEM;	/* reads nothing */
	}
}

/* Have at least want bytes ahead, unless the input ends first. */
static void
spool_fill(struct spool_src *s, size_t want)
{
	ssize_t	 r;

	if (s->pos > 0) {
		memmove(s->buf, s->buf + s->pos, s->n - s->pos);
		s->n -= s->pos;
		s->pos = 0;
	}
	while (s->n < want && !s->eof && s->err == 0) {
		r = s->positional ?
		    pread(s->fd, s->buf + s->n, SPOOL_IOBUF - s->n, s->off) :
		    read(s->fd, s->buf + s->n, SPOOL_IOBUF - s->n);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			s->err = errno;
		else if (r == 0)
			s->eof = 1;
		else {
			s->n += (size_t)r;
			s->off += r;
		}
	}
}

int
spool_peek(struct spool_src *s, size_t i)
{
	if (s->fd == -1)
		return s->pos + i < s->len ? s->mem[s->pos + i] : -1;
	if (s->pos + i >= s->n)
		spool_fill(s, i + 1);
	return s->pos + i < s->n ? s->buf[s->pos + i] : -1;
}

void
spool_skip(struct spool_src *s, size_t k)
{
	s->pos += k;
}

/* ---- sinks ---- */

void
spool_dst_mem(struct spool_dst *d, struct buf *b)
{
	memset(d, 0, sizeof(*d));
	d->mem = b;
	d->fd = -1;
}

/*
 * An anonymous temporary file in $TMPDIR (or /tmp): O_TMPFILE where the
 * file system has it, else mkstemp(3) and unlink(2) at once.  Either way
 * nothing is left behind, whatever happens to the process.
 */
static enum herr
spool_tmpfd(struct hg_err *e, int *fd)
{
	const char	*dir = getenv("TMPDIR");
	char		*path;
	int		 saved;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
#ifdef O_TMPFILE
	if ((*fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600)) != -1)
		return HERR_OK;
#endif
	if ((path = buf_fmt("%s/hget-body.XXXXXX", dir)) == NULL)
		return spool_nomem(e);
	if ((*fd = mkstemp(path)) == -1) {
		saved = errno;
		free(path);
		return hg_fail(e, HERR_READ_ERROR, "Cannot create a temporary "
		    "file in %s: %s", dir, strerror(saved));
	}
	(void)unlink(path);
	free(path);
	(void)fcntl(*fd, F_SETFD, FD_CLOEXEC);
	return HERR_OK;
}

enum herr
spool_dst_tmp(struct spool_dst *d, struct hg_err *e)
{
	enum herr	 rc;

	memset(d, 0, sizeof(*d));
	if ((rc = spool_tmpfd(e, &d->fd)) != HERR_OK)
		return rc;
	if ((d->buf = malloc(SPOOL_IOBUF)) == NULL) {
		(void)close(d->fd);
		d->fd = -1;
		return spool_nomem(e);
	}
	return HERR_OK;
}

static int
spool_flush(struct spool_dst *d)
{
	size_t	 off = 0;
	ssize_t	 w;

	while (off < d->n) {
		if ((w = write(d->fd, d->buf + off, d->n - off)) == -1) {
			if (errno == EINTR)
				continue;
			d->err = errno;
			return -1;
		}
		off += (size_t)w;
	}
	d->total += (int64_t)d->n;
	d->n = 0;
	return 0;
}

int
spool_put(struct spool_dst *d, const void *p, size_t len)
{
	size_t	 c;

	if (d->mem != NULL) {
		if (buf_add(d->mem, p, len) == -1) {
			d->full = d->mem->len + len > d->mem->cap;
			d->err = d->full ? EFBIG : ENOMEM;
			return -1;
		}
		return 0;
	}
	while (len > 0) {
		if (d->n == SPOOL_IOBUF && spool_flush(d) == -1)
			return -1;
		c = SPOOL_IOBUF - d->n < len ? SPOOL_IOBUF - d->n : len;
		memcpy(d->buf + d->n, p, c);
		d->n += c;
		p = (const char *)p + c;
		len -= c;
	}
	return 0;
}

int
spool_putc(struct spool_dst *d, int c)
{
	char	 ch = (char)c;

	return spool_put(d, &ch, 1);
}

/* ---- the identity transform, and the end of any ---- */

int
spool_copy(struct spool_src *s, struct spool_dst *d)
{
	size_t	 n;

	if (s->fd == -1) {
		spool_skip(s, s->len);
		return spool_put(d, s->mem, s->len);
	}
	for (;;) {
		spool_fill(s, SPOOL_IOBUF);
		if ((n = s->n - s->pos) == 0)
			return 0;
		if (spool_put(d, s->buf + s->pos, n) == -1)
			return -1;
		spool_skip(s, n);
	}
}

enum herr
spool_src_end(struct spool_src *s, const char *path, struct hg_err *e)
{
	enum herr	 rc = HERR_OK;

	if (s->nomem)
		rc = spool_nomem(e);
	else if (s->err != 0)
		rc = spool_read_fail(e, path, s->err);
	free(s->buf);
	s->buf = NULL;
	return rc;
}

/* Why d failed, if it did; else flush a temporary file. */
static enum herr
spool_dst_end(struct spool_dst *d, int failed, const char *path,
    struct hg_err *e)
{
	if (failed && d->full)
		return hg_fail(e, HERR_TOO_LARGE, "More than %zu bytes of "
		    "data to hold in memory", d->mem->cap);
	if (failed && d->err == ENOMEM)
		return spool_nomem(e);
	if (failed || (d->mem == NULL && spool_flush(d) == -1))
		return hg_fail(e, HERR_READ_ERROR, "Cannot write \"%s\" to a "
		    "temporary file: %s", path, strerror(d->err));
	return HERR_OK;
}

enum herr
spool_end(struct spool_src *s, struct spool_dst *d, int failed,
    const char *path, struct hg_err *e)
{
	enum herr	 rc;

	if ((rc = spool_src_end(s, path, e)) == HERR_OK)
		rc = spool_dst_end(d, failed, path, e);
	free(d->buf);
	d->buf = NULL;
	return rc;
}

/* ---- files ---- */

int
spool_stat(int fd, struct stat *st)
{
	if (fstat(fd, st) == -1)
		return errno;
	return S_ISDIR(st->st_mode) ? EISDIR : 0;
}

int
spool_open_file(const char *path, int *fd, struct stat *st)
{
	int	 err;

	if ((*fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return errno;
	if ((err = spool_stat(*fd, st)) != 0) {
		(void)close(*fd);
		*fd = -1;
	}
	return err;
}

enum herr
spool_open(const char *path, int *fd, struct stat *st, struct hg_err *e)
{
	int	 err;

	if (strcmp(path, "-") == 0) {
		*fd = STDIN_FILENO;
		err = spool_stat(*fd, st);
	} else
		err = spool_open_file(path, fd, st);
	return err == 0 ? HERR_OK : spool_read_fail(e, path, err);
}

void
spool_close(int fd)
{
	if (fd != STDIN_FILENO)
		(void)close(fd);
}
