/* tests/unit/t_trace.c: curl's dump rows, --trace-json's escapes, redaction */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "trace.h"

#define RAW(s)		s, sizeof(s) - 1

/* Everything one trace wrote, NUL-terminated, in buf (size n). */
static void
slurp(FILE *fp, char *buf, size_t n)
{
	size_t	 got;

	rewind(fp);
	got = fread(buf, 1, n - 1, fp);
	buf[got] = '\0';
}

static void
dump_case(enum hg_trace mode, const char *in, size_t inlen, const char *want,
    int line)
{
	struct trace	 t;
	struct iovec	 iov;
	FILE		*fp;
	char		 got[4096];

	if ((fp = tmpfile()) == NULL) {
		TAP_OK(0, "tmpfile");
		return;
	}
	trace_init(&t, mode, fp, 0, 0);
	iov.iov_base = (void *)(uintptr_t)in;
	iov.iov_len = inlen;
	trace_dumpv(&t, 0, &iov, 1);
	slurp(fp, got, sizeof(got));
	TAP_OK(strcmp(got, want) == 0, "line %d: got\n%s\nwant\n%s", line, got,
	    want);
	fclose(fp);
}

/* curl 7.88's rows: where a CRLF ends an ASCII row, hex padding */
static void
test_rows(void)
{
	char	 a64[80], want[400];

	dump_case(HG_TRACE_ASCII, RAW("\r\n"),
	    "=> Send data, 2 bytes (0x2)\n0000: \n", __LINE__);
	dump_case(HG_TRACE_ASCII, RAW("a\r\nb\n\x01\x7f\x80"),
	    "=> Send data, 8 bytes (0x8)\n0000: a\n0003: b....\n", __LINE__);
	/* 64 bytes, then a CRLF: the row is full, the CRLF is skipped */
	memset(a64, 'a', 64);
	memcpy(a64 + 64, "\r\nb", 3);
	snprintf(want, sizeof(want), "=> Send data, 67 bytes (0x43)\n"
	    "0000: %.64s\n0042: b\n", a64);
	dump_case(HG_TRACE_ASCII, a64, 67, want, __LINE__);
	/* 63 bytes, then a CRLF across the row's end */
	memcpy(a64 + 63, "\r\nb", 3);
	snprintf(want, sizeof(want), "=> Send data, 66 bytes (0x42)\n"
	    "0000: %.63s\n0041: b\n", a64);
	dump_case(HG_TRACE_ASCII, a64, 66, want, __LINE__);
	/* a lone CR is a byte like another */
	dump_case(HG_TRACE_ASCII, RAW("a\rb"),
	    "=> Send data, 3 bytes (0x3)\n0000: a.b\n", __LINE__);
	dump_case(HG_TRACE_HEX, RAW("0123456789abcdef\r\n"),
	    "=> Send data, 18 bytes (0x12)\n"
	    "0000: 30 31 32 33 34 35 36 37 38 39 61 62 63 64 65 66 "
	    "0123456789abcdef\n"
	    "0010: 0d 0a                                           ..\n",
	    __LINE__);
	dump_case(HG_TRACE_HEX, "", 0, "=> Send data, 0 bytes (0x0)\n",
	    __LINE__);
}

/* A JSON string's contents back to bytes; -1 on anything unexpected. */
static int
json_unescape(const char *s, char *out, size_t *outlen)
{
	size_t		 n = 0;
	unsigned	 v;
	int		 i;

	for (; *s != '\0' && *s != '"'; s++) {
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			return -1;
		if (*s != '\\') {
			out[n++] = *s;
			continue;
		}
		switch (*++s) {
		case '"':
		case '\\':
			out[n++] = *s;
			break;
		case 'n':
			out[n++] = '\n';
			break;
		case 'r':
			out[n++] = '\r';
			break;
		case 't':
			out[n++] = '\t';
			break;
		case 'u':
			for (v = 0, i = 1; i <= 4; i++) {
				if (s[i] >= '0' && s[i] <= '9')
					v = v * 16 + (unsigned)(s[i] - '0');
				else if (s[i] >= 'a' && s[i] <= 'f')
					v = v * 16 + (unsigned)(s[i] - 'a' + 10);
				else
					return -1;
			}
			if (v > 0xff)
				return -1;
			out[n++] = (char)v;
			s += 4;
			break;
		default:
			return -1;
		}
	}
	*outlen = n;
	return *s == '"' ? 0 : -1;
}

/* Every byte value survives --trace-json's escaping. */
static void
test_json(void)
{
	struct trace	 t;
	struct iovec	 iov;
	FILE		*fp;
	char		 in[256], got[4096], back[256];
	const char	*p;
	size_t		 i, n = 0;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (char)i;
	if ((fp = tmpfile()) == NULL) {
		TAP_OK(0, "tmpfile");
		return;
	}
	trace_init(&t, HG_TRACE_JSON, fp, 1, 0);
	iov.iov_base = in;
	iov.iov_len = sizeof(in);
	trace_dumpv(&t, 1, &iov, 1);
	slurp(fp, got, sizeof(got));
	fclose(fp);
	TAP_OK(strncmp(got, "{\"t_us\":", 8) == 0, "start: %s", got);
	p = strstr(got, ",\"dir\":\"in\",\"kind\":\"data\",\"len\":256,"
	    "\"data\":\"");
	TAP_OK(p != NULL, "keys: %s", got);
	if (p == NULL)
		return;
	p = strstr(p, "\"data\":\"") + 8;
	TAP_OK(json_unescape(p, back, &n) == 0, "unescape: %s", p);
	TAP_OK(n == sizeof(in) && memcmp(back, in, n) == 0, "bytes back: %zu",
	    n);
	TAP_OK(strcmp(got + strlen(got) - 3, "\"}\n") == 0, "end: %s", got);
}

static const struct redact_case {
	const char	*line;
	int		 secret;
	size_t		 keep;
} redact_cases[] = {
	{ "Authorization: Basic dTpw\r\n", 1, 21 },
	{ "authorization:Bearer t\r\n", 1, 21 },
	{ "Authorization: token\r\n", 1, 15 },
	{ "Proxy-Authorization: Basic x\r\n", 1, 27 },
	{ "Cookie: a=b; c=d\r\n", 1, 8 },
	{ "cookie:a=b\r\n", 1, 7 },
	{ "Set-Cookie:  sid=1; path=/\r\n", 1, 13 },
	{ "X-Cookie: a\r\n", 0, 0 },
	{ "Cookies: a\r\n", 0, 0 },
	{ "Cookie\r\n", 0, 0 },
	{ "GET / HTTP/1.1\r\n", 0, 0 },
};

static void
test_redact(void)
{
	const struct redact_case	*c;
	struct trace			 t;
	FILE				*fp;
	char				 got[1024];
	size_t				 i, keep;
	int				 r;

	for (i = 0; i < sizeof(redact_cases) / sizeof(redact_cases[0]); i++) {
		c = &redact_cases[i];
		keep = 0;
		r = trace_redact(c->line, strlen(c->line), &keep);
		TAP_OK(r == c->secret && (!r || keep == c->keep),
		    "%s: %d keep %zu", c->line, r, keep);
	}
	/* a request head in a dump: the values replaced before dumping */
	if ((fp = tmpfile()) == NULL) {
		TAP_OK(0, "tmpfile");
		return;
	}
	trace_init(&t, HG_TRACE_ASCII, fp, 0, 0);
	trace_head_out(&t, RAW("GET / HTTP/1.1\r\nCookie: a=b\r\n"
	    "Authorization: Basic dTpw\r\n\r\n"));
	trace_in(&t, RAW("Set-Cookie: s=1\r\n"));
	t.redact = 0;
	trace_in(&t, RAW("Set-Cookie: s=2\r\n"));
	slurp(fp, got, sizeof(got));
	fclose(fp);
	TAP_OK(strcmp(got, "=> Send header, 71 bytes (0x47)\n"
	    "0000: GET / HTTP/1.1\n"
	    "0010: Cookie: [redacted]\n"
	    "0024: Authorization: Basic [redacted]\n"
	    "0045: \n"
	    "<= Recv header, 24 bytes (0x18)\n"
	    "0000: Set-Cookie: [redacted]\n"
	    "<= Recv header, 17 bytes (0x11)\n"
	    "0000: Set-Cookie: s=2\n") == 0, "redacted dump:\n%s", got);
}

/* -i on a terminal: bold names, never a status line */
static void
test_tty(void)
{
	char	*v;

	v = trace_ttydup(RAW("Content-Type: a\033b"), 1);
	TAP_OK(v != NULL && strcmp(v, "\033[1mContent-Type\033[0m: a\\033b") ==
	    0, "bold: %s", v);
	free(v);
	v = trace_ttydup(RAW("HTTP/1.1 200 OK: yes"), 1);
	TAP_OK(v != NULL && strcmp(v, "HTTP/1.1 200 OK: yes") == 0,
	    "status: %s", v);
	free(v);
	v = trace_ttydup(RAW("Content-Type: a"), 0);
	TAP_OK(v != NULL && strcmp(v, "Content-Type: a") == 0, "plain: %s", v);
	free(v);
}

int
main(void)
{
	test_rows();
	test_json();
	test_redact();
	test_tty();
	return tap_done();
}
