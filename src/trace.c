/* src/trace.c: the trace sink; the only place src/ writes to stderr */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <vis.h>

#include "trace.h"

void
trace_init(struct trace *t, int verbose, int trace_time)
{
	t->fp = verbose ? stderr : NULL;
	t->time = trace_time;
	t->redact = 1;
	/* curl shows data-size lines only when the body is not on a tty */
	t->data = verbose && !isatty(STDOUT_FILENO);
}

static void
trace_stamp(struct trace *t)
{
	struct timeval	 tv;
	struct tm	 tm;

	if (!t->time)
		return;
	(void)gettimeofday(&tv, NULL);
	(void)localtime_r(&tv.tv_sec, &tm);
	fprintf(t->fp, "%02d:%02d:%02d.%06ld ", tm.tm_hour, tm.tm_min,
	    tm.tm_sec, (long)tv.tv_usec);
}

void
trace_info(struct trace *t, const char *fmt, ...)
{
	va_list	 ap;

	if (t == NULL || t->fp == NULL)
		return;
	trace_stamp(t);
	fputs("* ", t->fp);
	va_start(ap, fmt);
	vfprintf(t->fp, fmt, ap);
	va_end(ap);
	fputc('\n', t->fp);
}

/*
 * Is line an Authorization or Proxy-Authorization field?  Then *keep is
 * how much of it to show: the name and the scheme ("Basic "), not the
 * credentials.
 */
static int
trace_secret(const char *line, size_t len, size_t *keep)
{
	static const char	*names[] = { "authorization:",
	    "proxy-authorization:" };
	const char		*sp;
	size_t			 i, n;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		n = strlen(names[i]);
		if (len >= n && strncasecmp(line, names[i], n) == 0)
			break;
	}
	if (i == sizeof(names) / sizeof(names[0]))
		return 0;
	while (n < len && line[n] == ' ')
		n++;
	sp = memchr(line + n, ' ', len - n);
	*keep = sp != NULL ? (size_t)(sp - line) + 1 : n;
	return 1;
}

void
trace_out(struct trace *t, const char *line, size_t len)
{
	size_t	 keep;

	if (t == NULL || t->fp == NULL)
		return;
	trace_stamp(t);
	fputs("> ", t->fp);
	if (t->redact && trace_secret(line, len, &keep)) {
		fwrite(line, 1, keep, t->fp);
		fputs("[redacted]\r\n", t->fp);
		return;
	}
	fwrite(line, 1, len, t->fp);
}

void
trace_vis(char *dst, size_t dstlen, const char *src, size_t len)
{
	size_t	 n;

	if (dstlen == 0)
		return;
	/* strvisx may need four bytes out for each byte in */
	n = (dstlen - 1) / 4;
	if (len > n)
		len = n;
	(void)strvisx(dst, src, len, VIS_OCTAL | VIS_NL | VIS_NOSLASH);
}

char *
trace_visdup(const char *src, size_t len)
{
	char	*v;

	/* strvisx writes at most four bytes for each byte in */
	if ((v = malloc(len * 4 + 1)) != NULL)
		trace_vis(v, len * 4 + 1, src, len);
	return v;
}

void
trace_in(struct trace *t, const char *line, size_t len)
{
	size_t	 body = len;
	char	*v;

	if (t == NULL || t->fp == NULL)
		return;
	/* the line end is shown as received; what is before it is made safe */
	if (body > 0 && line[body - 1] == '\n')
		body--;
	if (body > 0 && line[body - 1] == '\r')
		body--;
	trace_stamp(t);
	fputs("< ", t->fp);
	if ((v = trace_visdup(line, body)) != NULL) {
		fputs(v, t->fp);
		free(v);
	}
	fwrite(line + body, 1, len - body, t->fp);
}

void
trace_data(struct trace *t, int in, size_t n)
{
	if (t == NULL || t->fp == NULL || !t->data)
		return;
	trace_stamp(t);
	fprintf(t->fp, "%c [%zu bytes data]\n", in ? '{' : '}', n);
}
