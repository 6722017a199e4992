/* src/sink.h: where response bytes go: stdout, a file written atomically,
 * or a device written directly */
#ifndef HG_SINK_H
#define HG_SINK_H

#include <stddef.h>
#include <stdint.h>

#include "herr.h"

enum sink_kind {
	SINK_STDOUT,		/* fd 1 */
	SINK_ATOMIC,		/* temp sibling, renamed into place on commit */
	SINK_DIRECT,		/* a FIFO, a terminal, a device: opened as is */
	SINK_NULL,		/* the null device: counted, never opened
				 * (-o /dev/null on every URL of a loop then
				 * costs no open, write or close) */
	SINK_APPEND,		/* -D for a later URL of the same run */
	SINK_RESUME		/* -C: an existing file, appended in place */
};

/* What may happen to a file already at the final name. */
enum sink_replace {
	SINK_REPLACE,		/* replaced whole (-o, -O: curl's rule) */
	SINK_NOREPLACE,		/* -J: never replaced, the transfer fails */
	SINK_NOCLOBBER		/* --no-clobber: name.1, name.2, ... instead */
};

struct sink {
	enum sink_kind	 kind;
	int		 fd;		/* -1 until the first write */
	char		*path;		/* final name; NULL for stdout */
	char		*tmp;		/* SINK_ATOMIC: the temp sibling */
	int		 create_dirs;	/* --create-dirs */
	int		 tty;		/* fd is a terminal */
	int		 color;		/* head field names bold on a tty */
	int		 binary_ok;	/* -o -: binary to a terminal wanted */
	enum sink_replace replace;
	int		 created;	/* SINK_RESUME made the file */
	int64_t		 mtime;		/* -R: set at commit; -1 = leave */
	uint64_t	 written;
};

/* Body target: path NULL or "-" is stdout. */
void		 sink_init(struct sink *, const char *path, int create_dirs,
		    int binary_ok);
/* -D target: truncated for the first URL, appended for later ones. */
void		 sink_init_dump(struct sink *, const char *path, int append);
/*
 * Before connecting: create the directories (--create-dirs) and the temp
 * file for an atomic target, so a target that cannot be written fails
 * before a request is sent.  Other kinds open on first write.
 */
enum herr	 sink_prepare(struct sink *, struct hg_err *);
/*
 * -C: the body continues a file, appended in place.  With *offset = -1
 * (-C -) the offset is the file's size; else a file of exactly *offset
 * bytes is appended and a file of any other size is refused (curl would
 * append regardless).  A missing file is created (for -C - the offset is
 * then 0): an interrupted transfer leaves what it got for the next -C -.
 * Call instead of sink_prepare().
 */
enum herr	 sink_prepare_resume(struct sink *, int64_t *offset,
		    struct hg_err *);
/*
 * A retry that must start the body over: possible only while the bytes
 * went to our own temp file, which is emptied.  -1 when they went where
 * they cannot be taken back (stdout, a device, a resumed file).
 */
int		 sink_restart(struct sink *);
/* -J: the final name becomes name, in the same directory. */
enum herr	 sink_rename(struct sink *, const char *name, struct hg_err *);
/* Write body bytes; opens the target on first use. */
enum herr	 sink_write(struct sink *, const void *, size_t, struct hg_err *);
/*
 * The body is about to go by splice(2): open the target, and *fd = its
 * fd, or -1 when bytes must come through sink_write (a terminal, which
 * is checked for binary bytes, or a target splice cannot write), or
 * ZCOPY_DISCARD for the null device.
 */
enum herr	 sink_splice_fd(struct sink *, int *fd, struct hg_err *);
/* n bytes went into the fd sink_splice_fd gave. */
void		 sink_spliced(struct sink *, size_t n);
/*
 * n more bytes are coming: a regular file gets the disk space now, so a
 * full disk fails the transfer at once (exit 23), before the bytes are
 * read.  The file's size does not change.
 */
enum herr	 sink_reserve(struct sink *, uint64_t n, struct hg_err *);
/* Write head lines: shown to a terminal through vis(3), raw otherwise. */
enum herr	 sink_write_head(struct sink *, const char *, size_t,
		    struct hg_err *);
/* The transfer succeeded: create an empty target if nothing was written,
 * rename the temp file into place (as s->replace says), set -R's mtime. */
enum herr	 sink_commit(struct sink *, struct hg_err *);
/* The transfer failed: remove the temp file, leave the target alone. */
void		 sink_abort(struct sink *);

/* From a signal handler: remove the temp file being written, if any. */
void		 sink_signal_cleanup(void);

/*
 * The file name -O takes from a URL path: the last segment, never empty,
 * "." or "..".  Returns a malloc'd name or NULL.
 */
char		*sink_remote_name(const char *path);

#endif
