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
	SINK_DIRECT,		/* /dev/null, a FIFO, a terminal: opened as is */
	SINK_APPEND		/* -D for a later URL of the same run */
};

struct sink {
	enum sink_kind	 kind;
	int		 fd;		/* -1 until the first write */
	char		*path;		/* final name; NULL for stdout */
	char		*tmp;		/* SINK_ATOMIC: the temp sibling */
	int		 create_dirs;	/* --create-dirs */
	int		 tty;		/* fd is a terminal */
	int		 binary_ok;	/* -o -: binary to a terminal wanted */
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
/* Write body bytes; opens the target on first use. */
enum herr	 sink_write(struct sink *, const void *, size_t, struct hg_err *);
/* Write head lines: shown to a terminal through vis(3), raw otherwise. */
enum herr	 sink_write_head(struct sink *, const char *, size_t,
		    struct hg_err *);
/* The transfer succeeded: create an empty target if nothing was written,
 * rename the temp file into place. */
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
