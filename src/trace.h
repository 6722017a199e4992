/* src/trace.h: -v lines on stderr, in curl's format: "* ", "> ", "< " */
#ifndef HG_TRACE_H
#define HG_TRACE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct trace {
	FILE	*fp;		/* NULL: tracing off */
	int	 time;		/* --trace-time: "HH:MM:SS.uuuuuu " prefix */
	int	 data;		/* "{ [N bytes data]" lines: stdout is no tty */
	int	 redact;	/* credentials in "> " lines become [redacted] */
};

void	trace_init(struct trace *, int verbose, int trace_time);
/* "* " + a message of ours (untrusted parts already through trace_vis). */
void	trace_info(struct trace *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* "> " + a request line of ours, sent as is (CRLF included); with
 * redact, an Authorization value shows its scheme and "[redacted]". */
void	trace_out(struct trace *, const char *line, size_t len);
/* "< " + a head line from the server: made safe for a terminal. */
void	trace_in(struct trace *, const char *line, size_t len);
/* "{ [N bytes data]" / "} [N bytes data]" */
void	trace_data(struct trace *, int in, size_t n);

/*
 * Copy untrusted bytes into dst (size dstlen, always NUL-terminated) with
 * every control or non-ASCII byte made visible (vis(3) octal), so a server
 * cannot send escape sequences to the user's terminal.  Long input is cut.
 */
void	trace_vis(char *dst, size_t dstlen, const char *src, size_t len);
/* The same, whole, in a malloc'd string; NULL when malloc fails. */
char	*trace_visdup(const char *src, size_t len);

#endif
