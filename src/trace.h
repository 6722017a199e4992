/*
 * src/trace.h: what a transfer says about itself.  -v writes curl's
 * "* ", "> ", "< " lines to stderr; --trace and --trace-ascii write
 * curl's dumps ("== Info:", "=> Send header, N bytes (0xN)" and the rows);
 * --trace-json writes one JSON object per event per line.
 */
#ifndef HG_TRACE_H
#define HG_TRACE_H

#include <sys/uio.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hget.h"

struct trace {
	FILE		*fp;		/* NULL: tracing off */
	enum hg_trace	 mode;
	int		 time;		/* --trace-time: "HH:MM:SS.uuuuuu " */
	int		 data;		/* -v: "{ [N bytes data]" lines */
	int		 redact;	/* credentials become [redacted] */
	int		 color;		/* -v: SGR colours (a terminal) */
	int64_t		 t0;		/* --trace-json's t_us counts from */
};

/*
 * mode HG_TRACE_PLAIN writes to stderr; the others to fp (cmd/ opened
 * it); t0 is a clock_us() time.
 */
void	trace_init(struct trace *, enum hg_trace mode, FILE *fp,
	    int trace_time, int64_t t0);
/* The body's bytes are wanted (a dump): they cannot bypass us by splice. */
int	trace_wants_bytes(const struct trace *);
/* "* " + a message of ours (untrusted parts already through trace_vis). */
void	trace_info(struct trace *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * A request head of ours, sent as is, every line CRLF-ended: "> " lines
 * for -v, one "Send header" event for a dump.  With redact, secret
 * values (trace_redact) are replaced.
 */
void	trace_head_out(struct trace *, const char *head, size_t len);
/* "< " + a head line from the server (made safe for a terminal). */
void	trace_in(struct trace *, const char *line, size_t len);
/* -v only: "{ [N bytes data]" / "} [N bytes data]" */
void	trace_data(struct trace *, int in, size_t n);
/* Dumps only: body bytes sent or received, iovcnt pieces as one event. */
void	trace_dumpv(struct trace *, int in, const struct iovec *, int iovcnt);
/* Body bytes received: trace_data and trace_dumpv both. */
void	trace_body_in(struct trace *, const char *p, size_t n);

/*
 * Is line (one head line) a field whose value is a secret:
 * Authorization, Proxy-Authorization, Cookie, Set-Cookie?  Then *keep is
 * how much of it to show: the name, and the scheme of an Authorization
 * ("Basic "), never the credentials.
 */
int	trace_redact(const char *line, size_t len, size_t *keep);

/*
 * Copy untrusted bytes into dst (size dstlen, always NUL-terminated) with
 * every control or non-ASCII byte made visible (vis(3) octal), so a server
 * cannot send escape sequences to the user's terminal.  Long input is cut.
 */
void	trace_vis(char *dst, size_t dstlen, const char *src, size_t len);
/* The same, whole, in a malloc'd string; NULL when malloc fails. */
char	*trace_visdup(const char *src, size_t len);
/*
 * A head line (without its line end) for a terminal: trace_visdup, and
 * with color the field name in bold.  NULL when malloc fails.
 */
char	*trace_ttydup(const char *src, size_t len, int color);

#endif
