/* src/sink.c: output targets; a file is never left half-written */
#define _GNU_SOURCE	/* renameat2(2), fallocate(2): Linux calls */
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "hget.h"
#include "limits.h"
#include "sink.h"
#include "trace.h"
#include "zcopy.h"

/*
 * The temp file being written, for sink_signal_cleanup(): the one piece
 * of global state here, because a signal handler can reach nothing else.
 */
static const char *volatile sink_pending;

void
sink_signal_cleanup(void)
{
	const char	*p = sink_pending;

	if (p != NULL)
		(void)unlink(p);	/* async-signal-safe */
}

void
sink_init(struct sink *s, const char *path, int create_dirs, int binary_ok)
{
	memset(s, 0, sizeof(*s));
	s->fd = -1;
	s->mtime = -1;
	s->binary_ok = binary_ok;
	s->create_dirs = create_dirs;
	if (path == NULL || strcmp(path, "-") == 0) {
		s->kind = SINK_STDOUT;
		/* "-o -" says a binary body may go to the terminal */
		if (path != NULL)
			s->binary_ok = 1;
		return;
	}
	s->kind = SINK_ATOMIC;
	s->path = strdup(path);
}

void
sink_init_dump(struct sink *s, const char *path, int append)
{
	sink_init(s, path, 0, 1);
	if (s->kind != SINK_STDOUT)
		s->kind = append ? SINK_APPEND : SINK_DIRECT;
}

/* --create-dirs: make every missing directory above path (mode 0750). */
static int
sink_mkdirs(const char *path)
{
	char	*p, *q;
	int	 rc = 0;

	if ((p = strdup(path)) == NULL)
		return -1;
	for (q = p + 1; rc == 0 && (q = strchr(q, '/')) != NULL; q++) {
		*q = '\0';
		if (mkdir(p, 0750) == -1 && errno != EEXIST)
			rc = -1;
		*q = '/';
	}
	free(p);
	return rc;
}

/*
 * Linux's null device (character device 1:3, whatever its name): what is
 * written to it is gone without a trace, so nothing needs writing.
 */
static int
sink_is_null(const struct stat *st)
{
	return S_ISCHR(st->st_mode) && major(st->st_rdev) == 1 &&
	    minor(st->st_rdev) == 3;
}

/*
 * stat(2) of what s->path names, following a symbolic link as curl
 * writes through one: the temp file then goes next to what the link
 * names, and the link survives.  -1 with ENOENT when nothing is there (a
 * dangling link is then replaced).  One lstat when there is no link.
 */
static int
sink_stat_target(struct sink *s, struct stat *st)
{
	char	*real;

	if (lstat(s->path, st) == -1)
		return -1;
	if (!S_ISLNK(st->st_mode))
		return 0;
	if ((real = realpath(s->path, NULL)) == NULL)
		return -1;
	free(s->path);
	s->path = real;
	return stat(s->path, st);
}

/*
 * Create the temp sibling of s->path.  It gets what the file it replaces
 * had (mode, and owner when we may set it), else 0666 less the umask, as
 * a plain create would.
 */
static int
sink_open_tmp(struct sink *s, const struct stat *old)
{
	char	*dir, *base, *d = NULL, *b = NULL;
	mode_t	 mask;
	int	 fd = -1;

	if ((d = strdup(s->path)) == NULL || (b = strdup(s->path)) == NULL)
		goto out;
	dir = dirname(d);
	base = basename(b);
	if ((s->tmp = buf_fmt("%s/.%s.hget-XXXXXX", dir, base)) == NULL)
		goto out;
	if ((fd = mkstemp(s->tmp)) == -1) {
		free(s->tmp);
		s->tmp = NULL;
		goto out;
	}
	sink_pending = s->tmp;
	if (old != NULL) {
		if (geteuid() == 0)
			(void)fchown(fd, old->st_uid, old->st_gid);
		(void)fchmod(fd, old->st_mode & 07777);
	} else {
		mask = umask(0);
		(void)umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
out:
	free(d);
	free(b);
	return fd;
}

static enum herr
sink_open_fail(struct sink *s, int err, struct hg_err *e)
{
	return hg_fail(e, HERR_WRITE_ERROR, "Failed to open the file %s: %s",
	    s->path, strerror(err));
}

enum herr
sink_prepare(struct sink *s, struct hg_err *e)
{
	struct stat	 st;
	int		 exists;

	if (s->kind != SINK_ATOMIC || s->fd != -1)
		return HERR_OK;
	if (s->create_dirs && sink_mkdirs(s->path) == -1)
		return hg_fail(e, HERR_WRITE_ERROR,
		    "Failed to create the directories for %s: %s", s->path,
		    strerror(errno));
	exists = sink_stat_target(s, &st) == 0;
	if (!exists && errno != ENOENT)
		return sink_open_fail(s, errno, e);
	if (exists && S_ISDIR(st.st_mode))
		return sink_open_fail(s, EISDIR, e);
	/* devices, FIFOs and terminals cannot be replaced: write them */
	if (exists && !S_ISREG(st.st_mode)) {
		s->kind = sink_is_null(&st) ? SINK_NULL : SINK_DIRECT;
		return HERR_OK;
	}
	/* a file curl could not open for writing is not ours to replace */
	if (exists && s->replace == SINK_REPLACE && access(s->path, W_OK) == -1)
		return sink_open_fail(s, errno, e);
	if ((s->fd = sink_open_tmp(s, exists ? &st : NULL)) == -1)
		return sink_open_fail(s, errno, e);
	s->tty = 0;
	return HERR_OK;
}

enum herr
sink_prepare_resume(struct sink *s, int64_t *offset, struct hg_err *e)
{
	struct stat	 st;
	int		 missing = 0;

	if (s->kind != SINK_ATOMIC) {
		if (*offset == -1)
			*offset = 0;	/* stdout has no size to go on */
		return HERR_OK;
	}
	if (sink_stat_target(s, &st) == -1) {
		if (errno != ENOENT)
			return sink_open_fail(s, errno, e);
		missing = 1;
	}
	if (!missing && !S_ISREG(st.st_mode)) {
		if (*offset == -1)
			*offset = 0;
		return sink_prepare(s, e);	/* a device: written as is */
	}
	if (*offset == -1)
		*offset = missing ? 0 : st.st_size;
	else if (!missing && st.st_size != *offset)
		return hg_fail(e, HERR_BAD_DOWNLOAD_RESUME, "Cannot resume: "
		    "%s has %lld bytes, not %lld", s->path,
		    (long long)st.st_size, (long long)*offset);
	if (s->create_dirs && missing && sink_mkdirs(s->path) == -1)
		return hg_fail(e, HERR_WRITE_ERROR,
		    "Failed to create the directories for %s: %s", s->path,
		    strerror(errno));
	/*
	 * -C asks for a file that can be resumed: written in place, created
	 * if need be, so an interrupted transfer leaves its part for the
	 * next -C - to go on from (curl's way; no temporary copy).
	 */
	if ((s->fd = open(s->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
	    0666)) == -1)
		return sink_open_fail(s, errno, e);
	s->created = missing;
	s->kind = SINK_RESUME;
	return HERR_OK;
}

int
sink_restart(struct sink *s)
{
	struct stat	 st;

	if (s->written == 0)
		return 0;
	/* /dev/null and its kind take the bytes again without harm */
	if (s->kind == SINK_NULL || (s->kind == SINK_DIRECT && s->fd != -1 &&
	    !s->tty && fstat(s->fd, &st) == 0 && S_ISCHR(st.st_mode))) {
		s->written = 0;
		return 0;
	}
	if (s->kind != SINK_ATOMIC || s->tmp == NULL || s->fd == -1 ||
	    ftruncate(s->fd, 0) == -1 || lseek(s->fd, 0, SEEK_SET) == -1)
		return -1;
	s->written = 0;
	return 0;
}

enum herr
sink_rename(struct sink *s, const char *name, struct hg_err *e)
{
	const char	*slash;
	char		*path;

	if (s->kind != SINK_ATOMIC || s->path == NULL)
		return HERR_OK;
	slash = strrchr(s->path, '/');
	path = slash == NULL ? strdup(name) : buf_fmt("%.*s/%s",
	    (int)(slash - s->path), s->path, name);
	if (path == NULL)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	free(s->path);
	s->path = path;
	return HERR_OK;
}

static enum herr
sink_open(struct sink *s, struct hg_err *e)
{
	enum herr	 rc;
	int		 flags = O_WRONLY | O_CREAT | O_CLOEXEC;

	if (s->fd != -1)
		return HERR_OK;
	if (s->kind == SINK_STDOUT) {
		s->fd = STDOUT_FILENO;
		s->tty = isatty(s->fd);
		return HERR_OK;
	}
	if ((rc = sink_prepare(s, e)) != HERR_OK || s->fd != -1)
		return rc;
	s->fd = open(s->path, flags | (s->kind == SINK_APPEND ? O_APPEND :
	    O_TRUNC), 0666);
	if (s->fd == -1)
		return sink_open_fail(s, errno, e);
	s->tty = isatty(s->fd);
	return HERR_OK;
}

static enum herr
sink_put(struct sink *s, const char *p, size_t n, struct hg_err *e)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(s->fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return hg_fail(e, HERR_WRITE_ERROR,
			    "Failure writing output to destination: %s",
			    strerror(errno));
		}
		p += w;
		n -= (size_t)w;
		s->written += (uint64_t)w;
	}
	return HERR_OK;
}

/* The null device takes bytes without being opened or written. */
static enum herr
sink_count(struct sink *s, size_t n)
{
	s->written += n;
	return HERR_OK;
}

enum herr
sink_write(struct sink *s, const void *p, size_t n, struct hg_err *e)
{
	enum herr	 rc;

	if (s->kind == SINK_NULL)
		return sink_count(s, n);
	if ((rc = sink_open(s, e)) != HERR_OK)
		return rc;
	/* curl refuses a body with a NUL in it on a terminal, and so do we */
	if (s->tty && !s->binary_ok && memchr(p, '\0', n) != NULL)
		return hg_fail(e, HERR_WRITE_ERROR, "Binary output can mess "
		    "up your terminal. Use \"--output -\" to tell hget to "
		    "output it to your terminal anyway, or consider "
		    "\"--output <FILE>\" to save to a file.");
	return sink_put(s, p, n, e);
}

enum herr
sink_splice_fd(struct sink *s, int *fd, struct hg_err *e)
{
	enum herr	 rc;

	*fd = -1;
	if (s->kind == SINK_NULL) {
		*fd = ZCOPY_DISCARD;	/* never opened, never written */
		return HERR_OK;
	}
	if ((rc = sink_open(s, e)) != HERR_OK)
		return rc;
	if (!s->tty)
		*fd = s->fd;
	return HERR_OK;
}

void
sink_spliced(struct sink *s, size_t n)
{
	s->written += n;
}

enum herr
sink_reserve(struct sink *s, uint64_t n, struct hg_err *e)
{
	struct stat	 st;
	off_t		 at;
	enum herr	 rc;

	if (n < HG_PREALLOC_MIN || n > INT64_MAX / 2 || s->kind == SINK_NULL)
		return HERR_OK;
	if ((rc = sink_open(s, e)) != HERR_OK)
		return rc;
	if (fstat(s->fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (at = lseek(s->fd, 0, SEEK_CUR)) == -1)
		return HERR_OK;
	/* KEEP_SIZE: a transfer cut short leaves no zeros past its bytes */
	if (fallocate(s->fd, FALLOC_FL_KEEP_SIZE, at, (off_t)n) == 0 ||
	    (errno != ENOSPC && errno != EFBIG && errno != EDQUOT))
		return HERR_OK;		/* no support for it is no failure */
	return hg_fail(e, HERR_WRITE_ERROR,
	    "Failure writing output to destination: %s", strerror(errno));
}

enum herr
sink_write_head(struct sink *s, const char *p, size_t n, struct hg_err *e)
{
	enum herr	 rc;
	size_t		 body = n;
	char		*v;

	if (s->kind == SINK_NULL)
		return sink_count(s, n);
	if ((rc = sink_open(s, e)) != HERR_OK)
		return rc;
	if (!s->tty)
		return sink_put(s, p, n, e);
	/* a person reads this: the server's bytes cannot reach the tty raw */
	if (body > 0 && p[body - 1] == '\n')
		body--;
	if (body > 0 && p[body - 1] == '\r')
		body--;
	if ((v = trace_ttydup(p, body, s->color)) == NULL)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	rc = sink_put(s, v, strlen(v), e);
	free(v);
	if (rc == HERR_OK)
		rc = sink_put(s, p + body, n - body, e);
	return rc;
}

/* -R: the file gets the server's Last-Modified (as curl, after writing). */
static void
sink_set_mtime(struct sink *s)
{
	struct timespec	 ts[2];

	if (s->mtime < 0 || (s->kind != SINK_ATOMIC && s->kind != SINK_RESUME))
		return;
	ts[0].tv_sec = ts[1].tv_sec = (time_t)s->mtime;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	(void)futimens(s->fd, ts);
}

/* Move the temp file to name unless something is there already. */
static int
sink_place_new(const char *tmp, const char *name)
{
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, name, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* a file system without RENAME_NOREPLACE: link(2) fails on EEXIST */
	if (link(tmp, name) == -1)
		return -1;
	(void)unlink(tmp);
	return 0;
}

/*
 * The temp file to its final name: replacing what is there (-o, -O), or
 * never (-J), or under the first free "name.N" (--no-clobber, as curl).
 */
static enum herr
sink_place(struct sink *s, struct hg_err *e)
{
	char	*alt;
	int	 i, rc;

	if (s->replace == SINK_REPLACE) {
		if (rename(s->tmp, s->path) == 0)
			return HERR_OK;
		return hg_fail(e, HERR_WRITE_ERROR, "Failed to rename %s to "
		    "%s: %s", s->tmp, s->path, strerror(errno));
	}
	if (sink_place_new(s->tmp, s->path) == 0)
		return HERR_OK;
	for (i = 1; errno == EEXIST && s->replace == SINK_NOCLOBBER &&
	    i <= HG_MAX_CLOBBER_SUFFIX; i++) {
		if ((alt = buf_fmt("%s.%d", s->path, i)) == NULL)
			return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
		rc = sink_place_new(s->tmp, alt);
		free(alt);
		if (rc == 0)
			return HERR_OK;
	}
	return hg_fail(e, HERR_WRITE_ERROR, "Refusing to overwrite %s: %s",
	    s->path, strerror(errno));
}

enum herr
sink_commit(struct sink *s, struct hg_err *e)
{
	enum herr	 rc = HERR_OK;

	if (s->kind == SINK_NULL && s->fd == -1)
		goto out;
	if (s->fd == -1 && (rc = sink_open(s, e)) != HERR_OK)
		goto out;
	if (s->kind == SINK_STDOUT)
		return HERR_OK;
	sink_set_mtime(s);
	if (close(s->fd) == -1)
		rc = hg_fail(e, HERR_WRITE_ERROR, "Failure writing output to "
		    "destination: %s", strerror(errno));
	s->fd = -1;
	if (rc == HERR_OK && s->tmp != NULL)
		rc = sink_place(s, e);
	if (rc != HERR_OK && s->tmp != NULL)
		(void)unlink(s->tmp);
out:
	sink_pending = NULL;
	free(s->tmp);
	s->tmp = NULL;
	free(s->path);
	s->path = NULL;
	return rc;
}

void
sink_abort(struct sink *s)
{
	if (s->kind != SINK_STDOUT && s->fd != -1)
		(void)close(s->fd);
	s->fd = -1;
	/* a -C file this run created and never wrote: as if never tried */
	if (s->kind == SINK_RESUME && s->created && s->written == 0 &&
	    s->path != NULL)
		(void)unlink(s->path);
	if (s->tmp != NULL)
		(void)unlink(s->tmp);
	sink_pending = NULL;
	free(s->tmp);
	s->tmp = NULL;
	free(s->path);
	s->path = NULL;
}

char *
sink_remote_name(const char *path)
{
	const char	*slash = strrchr(path, '/');
	const char	*name = slash != NULL ? slash + 1 : path;

	if (*name == '\0' || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return NULL;
	return strdup(name);
}

enum herr
hg_save_file(const char *path, const void *p, size_t n, struct hg_err *e)
{
	struct sink	 s;
	enum herr	 rc;

	sink_init(&s, path, 0, 1);
	if (s.kind != SINK_STDOUT && s.path == NULL)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	if ((rc = sink_prepare(&s, e)) == HERR_OK &&
	    (rc = sink_write(&s, p, n, e)) == HERR_OK)
		return sink_commit(&s, e);
	sink_abort(&s);
	return rc;
}
