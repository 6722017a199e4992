/* src/trace.c: the trace sink; the only place src/ writes to stderr */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <vis.h>

#include "clock.h"
#include "trace.h"

/* SGR sequences for -v in colour (ECMA-48) */
#define SGR_RESET	"\033[0m"
#define SGR_BOLD	"\033[1m"
#define SGR_DIM		"\033[2m"
#define SGR_OUT		"\033[1;34m"	/* ">" */
#define SGR_IN		"\033[1;35m"	/* "<" */

static const char	 redacted[] = "[redacted]";

void
trace_init(struct trace *t, enum hg_trace mode, FILE *fp, int trace_time,
    int64_t t0)
{
	memset(t, 0, sizeof(*t));
	t->mode = mode;
	if (mode == HG_TRACE_PLAIN)
		t->fp = stderr;
	else if (mode != HG_TRACE_NONE)
		t->fp = fp;
	if (t->fp == NULL)
		t->mode = HG_TRACE_NONE;
	t->time = trace_time;
	t->redact = 1;
	t->t0 = t0;
	/* curl shows data-size lines only when the body is not on a tty */
	t->data = t->mode == HG_TRACE_PLAIN && !isatty(STDOUT_FILENO);
}

int
trace_wants_bytes(const struct trace *t)
{
	return t != NULL && t->fp != NULL && t->mode != HG_TRACE_PLAIN;
}

/* --trace-time's "HH:MM:SS.uuuuuu ", local time, as curl writes it */
static void
trace_stamp(struct trace *t)
{
	struct timeval	 tv;
	struct tm	 tm;

	if (!t->time || t->mode == HG_TRACE_JSON)
		return;
	(void)gettimeofday(&tv, NULL);
	(void)localtime_r(&tv.tv_sec, &tm);
	fprintf(t->fp, "%02d:%02d:%02d.%06ld ", tm.tm_hour, tm.tm_min,
	    tm.tm_sec, (long)tv.tv_usec);
}

/*
 * curl's dump rows: an offset, 16 bytes in hex and as text (--trace), or
 * up to 64 bytes of text (--trace-ascii), where a CRLF ends the row and
 * is not shown.  Bytes outside 0x20-0x7e show as '.'.
 */
static void
trace_rows(FILE *fp, const unsigned char *p, size_t n, int hex)
{
	size_t	 width = hex ? 16 : 64, at = 0, c;

#define CRLF_AT(i)	((i) + 1 < n && p[i] == '\r' && p[(i) + 1] == '\n')
	while (at < n) {
		fprintf(fp, "%04zx: ", at);
		for (c = 0; hex && c < width; c++) {
			if (at + c < n)
				fprintf(fp, "%02x ", p[at + c]);
			else
				fputs("   ", fp);
		}
		for (c = 0; c < width && at + c < n; c++) {
			if (!hex && CRLF_AT(at + c)) {
				c += 2;
				break;
			}
			fputc(p[at + c] >= 0x20 && p[at + c] < 0x7f ?
			    p[at + c] : '.', fp);
			/* a CRLF right after the row's last byte ends it too */
			if (!hex && CRLF_AT(at + c + 1)) {
				c += 3;
				break;
			}
		}
		fputc('\n', fp);
		at += c;
	}
#undef CRLF_AT
}

/* A JSON string's contents: every byte >= 0x80 as \u00XX (Latin-1). */
static void
trace_json_str(FILE *fp, const unsigned char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		switch (p[i]) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (p[i] < 0x20 || p[i] >= 0x7f)
				fprintf(fp, "\\u%04x", p[i]);
			else
				fputc(p[i], fp);
		}
	}
}

enum trace_kind { KIND_INFO, KIND_HEADER, KIND_DATA };

/*
 * One event of a dump or of --trace-json: dir is '<' (in), '>' (out) or
 * 0 (neither, an info line).
 */
static void
trace_event(struct trace *t, int dir, enum trace_kind kind,
    const char *p, size_t n)
{
	static const char	*kinds[] = { "info", "header", "data" };
	const char		*what;

	if (t->mode == HG_TRACE_JSON) {
		fprintf(t->fp, "{\"t_us\":%lld,\"dir\":\"%s\",\"kind\":\"%s\","
		    "\"len\":%zu,\"data\":\"", (long long)(clock_us() - t->t0),
		    dir == '<' ? "in" : dir == '>' ? "out" : "none",
		    kinds[kind], n);
		trace_json_str(t->fp, (const unsigned char *)p, n);
		fputs("\"}\n", t->fp);
		(void)fflush(t->fp);
		return;
	}
	trace_stamp(t);
	if (kind == KIND_INFO) {
		fputs("== Info: ", t->fp);
		fwrite(p, 1, n, t->fp);
		fputc('\n', t->fp);
		(void)fflush(t->fp);
		return;
	}
	if (kind == KIND_HEADER)
		what = dir == '<' ? "<= Recv header" : "=> Send header";
	else
		what = dir == '<' ? "<= Recv data" : "=> Send data";
	fprintf(t->fp, "%s, %zu bytes (0x%zx)\n", what, n, n);
	trace_rows(t->fp, (const unsigned char *)p, n,
	    t->mode == HG_TRACE_HEX);
	/* curl flushes after every event: a trace survives a crash */
	(void)fflush(t->fp);
}

void
trace_info(struct trace *t, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;
	int	 n;

	if (t == NULL || t->fp == NULL)
		return;
	if (t->mode == HG_TRACE_PLAIN) {
		trace_stamp(t);
		fputs(t->color ? SGR_DIM "* " : "* ", t->fp);
		va_start(ap, fmt);
		vfprintf(t->fp, fmt, ap);
		va_end(ap);
		fputs(t->color ? SGR_RESET "\n" : "\n", t->fp);
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (msg = malloc((size_t)n + 1)) == NULL)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	trace_event(t, 0, KIND_INFO, msg, (size_t)n);
	free(msg);
}

int
trace_redact(const char *line, size_t len, size_t *keep)
{
	static const struct {
		const char	*name;
		int		 scheme;	/* the first word is kept */
	} secrets[] = {
		{ "authorization:", 1 },
		{ "cookie:", 0 },
		{ "proxy-authorization:", 1 },
		{ "set-cookie:", 0 },
	};
	const char	*sp;
	size_t		 i, n = 0;

	for (i = 0; i < sizeof(secrets) / sizeof(secrets[0]); i++) {
		n = strlen(secrets[i].name);
		if (len >= n && strncasecmp(line, secrets[i].name, n) == 0)
			break;
	}
	if (i == sizeof(secrets) / sizeof(secrets[0]))
		return 0;
	while (n < len && (line[n] == ' ' || line[n] == '\t'))
		n++;
	*keep = n;
	if (secrets[i].scheme && (sp = memchr(line + n, ' ', len - n)) != NULL)
		*keep = (size_t)(sp - line) + 1;
	return 1;
}

/*
 * The length of line without its CRLF (or LF), and how long that end is.
 */
static size_t
trace_chomp(const char *line, size_t len, size_t *eol)
{
	size_t	 body = len;

	if (body > 0 && line[body - 1] == '\n')
		body--;
	if (body > 0 && line[body - 1] == '\r')
		body--;
	*eol = len - body;
	return body;
}

/*
 * head (len bytes, whole lines) with every secret value replaced, in a
 * malloc'd copy (*outlen bytes); NULL when nothing needs replacing or
 * malloc fails (then head is dumped as it is: nothing secret, or nothing
 * at all, see trace_head_out).
 */
static char *
trace_redact_copy(const char *head, size_t len, size_t *outlen, int *failed)
{
	const char	*p, *lf, *end = head + len;
	char		*out = NULL, *o;
	size_t		 keep, body, eol, n;

	*failed = 0;
	for (p = head; p < end; p = lf + 1) {
		if ((lf = memchr(p, '\n', (size_t)(end - p))) == NULL)
			lf = end - 1;
		if (trace_redact(p, (size_t)(lf - p) + 1, &keep))
			break;
	}
	if (p >= end)
		return NULL;
	/* a value is replaced by something at most this long */
	if ((out = malloc(len + (len / 2 + 1) * sizeof(redacted))) == NULL) {
		*failed = 1;
		return NULL;
	}
	o = out;
	for (p = head; p < end; p = lf + 1) {
		if ((lf = memchr(p, '\n', (size_t)(end - p))) == NULL)
			lf = end - 1;
		n = (size_t)(lf - p) + 1;
		if (!trace_redact(p, n, &keep)) {
			memcpy(o, p, n);
			o += n;
			continue;
		}
		body = trace_chomp(p, n, &eol);
		if (keep > body)
			keep = body;
		memcpy(o, p, keep);
		o += keep;
		memcpy(o, redacted, sizeof(redacted) - 1);
		o += sizeof(redacted) - 1;
		memcpy(o, p + body, eol);
		o += eol;
	}
	*outlen = (size_t)(o - out);
	return out;
}

/* "> " or "< ", coloured */
static void
trace_prefix(struct trace *t, int dir)
{
	if (!t->color)
		fprintf(t->fp, "%c ", dir);
	else
		fprintf(t->fp, "%s%c%s ", dir == '>' ? SGR_OUT : SGR_IN, dir,
		    SGR_RESET);
}

/* SGR for a status code: 2xx green, 3xx cyan, 4xx yellow, 5xx red */
static const char *
trace_status_sgr(char c)
{
	switch (c) {
	case '2':
		return "\033[32m";
	case '3':
		return "\033[36m";
	case '4':
		return "\033[33m";
	case '5':
		return "\033[31m";
	}
	return NULL;
}

/*
 * A head line's text (no line end, already safe) with colour: a field
 * name in bold, the code of a status line by its class.
 */
static void
trace_color_text(FILE *fp, const char *s, size_t n)
{
	const char	*colon, *sp, *sgr;

	if (n > 5 && strncmp(s, "HTTP/", 5) == 0 &&
	    (sp = memchr(s, ' ', n)) != NULL && (size_t)(sp - s) + 4 <= n &&
	    (sgr = trace_status_sgr(sp[1])) != NULL) {
		fwrite(s, 1, (size_t)(sp - s) + 1, fp);
		fprintf(fp, "%s%.3s%s", sgr, sp + 1, SGR_RESET);
		fwrite(sp + 4, 1, n - (size_t)(sp - s) - 4, fp);
		return;
	}
	if ((colon = memchr(s, ':', n)) != NULL && colon > s &&
	    memchr(s, ' ', (size_t)(colon - s)) == NULL) {
		fprintf(fp, "%s%.*s%s", SGR_BOLD, (int)(colon - s), s,
		    SGR_RESET);
		fwrite(colon, 1, n - (size_t)(colon - s), fp);
		return;
	}
	fwrite(s, 1, n, fp);
}

/* One "> " line of ours for -v. */
static void
trace_out_line(struct trace *t, const char *line, size_t len)
{
	size_t	 keep, body, eol;
	int	 secret;

	body = trace_chomp(line, len, &eol);
	secret = t->redact && trace_redact(line, len, &keep);
	if (secret && keep > body)
		keep = body;
	trace_stamp(t);
	trace_prefix(t, '>');
	if (t->color && !secret)
		trace_color_text(t->fp, line, body);
	else if (t->color) {
		trace_color_text(t->fp, line, keep);
		fputs(redacted, t->fp);
	} else if (secret) {
		fwrite(line, 1, keep, t->fp);
		fputs(redacted, t->fp);
	} else
		fwrite(line, 1, body, t->fp);
	fwrite(line + body, 1, eol, t->fp);
}

void
trace_head_out(struct trace *t, const char *head, size_t len)
{
	const char	*p, *lf, *end = head + len;
	char		*copy = NULL;
	size_t		 n = len;
	int		 failed;

	if (t == NULL || t->fp == NULL || len == 0)
		return;
	if (t->mode == HG_TRACE_PLAIN) {
		for (p = head; p < end; p = lf + 1) {
			if ((lf = memchr(p, '\n', (size_t)(end - p))) == NULL)
				lf = end - 1;
			trace_out_line(t, p, (size_t)(lf - p) + 1);
		}
		return;
	}
	if (t->redact) {
		copy = trace_redact_copy(head, len, &n, &failed);
		if (failed)
			return;		/* never dump the secret instead */
	}
	trace_event(t, '>', KIND_HEADER, copy != NULL ? copy : head, n);
	free(copy);
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

char *
trace_ttydup(const char *src, size_t len, int color)
{
	const char	*colon;
	char		*v, *out;
	size_t		 name;

	if ((v = trace_visdup(src, len)) == NULL || !color)
		return v;
	/* a field name: no blank before its colon (not a status line) */
	if ((colon = strchr(v, ':')) == NULL || colon == v ||
	    memchr(v, ' ', (size_t)(colon - v)) != NULL)
		return v;
	name = (size_t)(colon - v);
	if ((out = malloc(strlen(v) + sizeof(SGR_BOLD SGR_RESET))) != NULL)
		(void)snprintf(out, strlen(v) + sizeof(SGR_BOLD SGR_RESET),
		    "%s%.*s%s%s", SGR_BOLD, (int)name, v, SGR_RESET, colon);
	free(v);
	return out;
}

void
trace_in(struct trace *t, const char *line, size_t len)
{
	size_t	 body, eol, keep;
	char	*v;
	int	 secret;

	if (t == NULL || t->fp == NULL)
		return;
	body = trace_chomp(line, len, &eol);
	secret = t->redact && trace_redact(line, len, &keep);
	if (secret && keep > body)
		keep = body;
	if (t->mode != HG_TRACE_PLAIN) {
		if (!secret) {
			trace_event(t, '<', KIND_HEADER, line, len);
			return;
		}
		if ((v = malloc(keep + sizeof(redacted) + eol)) == NULL)
			return;
		memcpy(v, line, keep);
		memcpy(v + keep, redacted, sizeof(redacted) - 1);
		memcpy(v + keep + sizeof(redacted) - 1, line + body, eol);
		trace_event(t, '<', KIND_HEADER, v,
		    keep + sizeof(redacted) - 1 + eol);
		free(v);
		return;
	}
	/* the line end is shown as received; what is before it is made safe */
	trace_stamp(t);
	trace_prefix(t, '<');
	if ((v = trace_visdup(line, secret ? keep : body)) != NULL) {
		if (t->color)
			trace_color_text(t->fp, v, strlen(v));
		else
			fputs(v, t->fp);
		free(v);
	}
	if (secret)
		fputs(redacted, t->fp);
	fwrite(line + body, 1, eol, t->fp);
}

void
trace_data(struct trace *t, int in, size_t n)
{
	if (t == NULL || t->fp == NULL || !t->data)
		return;
	trace_stamp(t);
	fprintf(t->fp, "%c [%zu bytes data]\n", in ? '{' : '}', n);
}

void
trace_dumpv(struct trace *t, int in, const struct iovec *iov, int iovcnt)
{
	char	*p;
	size_t	 n = 0;
	int	 i;

	if (!trace_wants_bytes(t) || iovcnt <= 0)
		return;
	if (iovcnt == 1) {
		trace_event(t, in ? '<' : '>', KIND_DATA, iov[0].iov_base,
		    iov[0].iov_len);
		return;
	}
	/* curl dumps what one send carries: the pieces as one event */
	for (i = 0; i < iovcnt; i++)
		n += iov[i].iov_len;
	if ((p = malloc(n > 0 ? n : 1)) == NULL)
		return;
	for (n = 0, i = 0; i < iovcnt; i++) {
		memcpy(p + n, iov[i].iov_base, iov[i].iov_len);
		n += iov[i].iov_len;
	}
	trace_event(t, in ? '<' : '>', KIND_DATA, p, n);
	free(p);
}

void
trace_body_in(struct trace *t, const char *p, size_t n)
{
	struct iovec	 iov;

	trace_data(t, 1, n);
	iov.iov_base = (void *)(uintptr_t)p;
	iov.iov_len = n;
	trace_dumpv(t, 1, &iov, 1);
}
