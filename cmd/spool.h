/*
 * cmd/spool.h: body bytes streamed from files, stdin and memory into
 * memory or anonymous temporary files, through a transform
 */
#ifndef HG_SPOOL_H
#define HG_SPOOL_H

#include <sys/stat.h>

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "herr.h"

/* transformed and spooled bytes move through buffers this big */
#define SPOOL_IOBUF	(64 * 1024)

/* A byte source: memory, or a descriptor read ahead. */
struct spool_src {
	const unsigned char *mem;	/* when fd == -1 */
	size_t		 len;
	int		 fd;
	int		 positional;	/* pread(2) at off, or read(2) */
	int64_t		 off;
	unsigned char	*buf;
	size_t		 pos, n;
	int		 eof;
	int		 err;		/* errno of a failed read */
	int		 nomem;		/* buf could not be allocated */
};

/* A byte sink: memory (a struct buf), or a temporary file. */
struct spool_dst {
	struct buf	*mem;		/* when not NULL */
	int		 fd;
	char		*buf;
	size_t		 n;
	int64_t		 total;		/* bytes written to fd */
	int		 err;		/* errno of a failed write */
	int		 full;		/* mem reached its cap */
};

/* A transform from src to dst: 0, or -1 when dst failed. */
typedef int	(*spool_xf)(struct spool_src *, struct spool_dst *);

void		 spool_src_mem(struct spool_src *, const void *, size_t);
/*
 * Read fd from where it is (read(2)), or from offset 0 whatever the
 * offset (positional, pread(2): a body segment read again).  When the
 * read-ahead buffer cannot be allocated the source is empty and
 * spool_end() says "Out of memory".
 */
void		 spool_src_fd(struct spool_src *, int fd, int positional);
/* The byte i places ahead (i < 3), or -1 at the end (or an error). */
int		 spool_peek(struct spool_src *, size_t i);
void		 spool_skip(struct spool_src *, size_t k);

void		 spool_dst_mem(struct spool_dst *, struct buf *);
/* A new anonymous temporary file: d->fd, the caller's to close. */
enum herr	 spool_dst_tmp(struct spool_dst *, struct hg_err *);
int		 spool_put(struct spool_dst *, const void *, size_t);
int		 spool_putc(struct spool_dst *, int);

/* The identity transform. */
int		 spool_copy(struct spool_src *, struct spool_dst *);

/*
 * The end of reading s: "Out of memory" or a read failure naming path,
 * if there was one.  Frees the read-ahead buffer.
 */
enum herr	 spool_src_end(struct spool_src *s, const char *path,
		    struct hg_err *e);
/*
 * The end of a transform from s into d (failed: it returned -1): report
 * a read or write failure naming path, flush a temporary file (d->fd
 * then holds d->total bytes), free both buffers.
 */
enum herr	 spool_end(struct spool_src *s, struct spool_dst *d,
		    int failed, const char *path, struct hg_err *e);

/*
 * fstat(2) fd: 0, or the errno, EISDIR for a directory: read(2) would
 * fail on it later, after the request went out.
 */
int		 spool_stat(int fd, struct stat *st);
/* Open path read-only and spool_stat() it: 0, or the errno. */
int		 spool_open_file(const char *path, int *fd, struct stat *st);
/*
 * Open path for reading ("-" is stdin) and stat it.  Directories are
 * refused here: read(2) would fail later, after the request went out.
 */
enum herr	 spool_open(const char *path, int *fd, struct stat *st,
		    struct hg_err *e);
/* Close fd unless it is stdin. */
void		 spool_close(int fd);

enum herr	 spool_read_fail(struct hg_err *e, const char *path, int err);
enum herr	 spool_nomem(struct hg_err *e);

#endif
