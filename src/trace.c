/* src/trace.c: the trace sink; the only place src/ writes to stderr */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
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
	/* curl shows data-size lines only when the body is not on a tty */
	t->data = !isatty(STDOUT_FILENO);
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

void
trace_out(struct trace *t, const char *line, size_t len)
{
	if (t == NULL || t->fp == NULL)
		return;
	trace_stamp(t);
	fputs("> ", t->fp);
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
	if ((v = malloc(body * 4 + 1)) != NULL) {
		(void)strvisx(v, line, body, VIS_OCTAL | VIS_NL | VIS_NOSLASH);
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
