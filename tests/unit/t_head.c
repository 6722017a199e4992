/* tests/unit/t_head.c: head_is_http, head_parse, head_find, head_value_copy */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "head.h"
#include "limits.h"
#include "tap.h"

#define RAW(s)		s, sizeof(s) - 1
#define MAXF		8

/* curl 7.88's words (status line: curl exit 1; the rest: exit 8) */
#define W09	"Received HTTP/0.9 when not allowed"
#define WVER	"Unsupported HTTP version in response"
#define WCODE	"Unsupported response code in HTTP response"
#define WNUL	"Nul byte in header"
#define WCOLON	"Header without colon"
/* hget's own */
#define WCR	"Bare CR in header"
#define WWS	"Whitespace in header name"
#define WNONAME	"Empty header name"
#define WLEAD	"Whitespace before the first header"
#define WLINE	"Header line too long"
#define WHEAD	"Too large response headers"
#define WFIELDS	"Too many header fields"

struct hrow {
	const char	*raw;
	size_t		 rawlen;
	enum head_rc	 rc;
	const char	*why;		/* BAD/BIG */
	int		 version;	/* checked for every rc but MORE */
	int		 status;
	const char	*reason;	/* OK */
	size_t		 tail;		/* OK: bytes past the head */
	size_t		 maxf;		/* 0 means MAXF */
	const char	*f[2 * MAXF];	/* name, raw value (with folds) */
};

static const struct hrow rows[] = {
	/* status lines curl 7.88 accepts */
	{ RAW("HTTP/1.1 200 OK\r\n\r\n"), HEAD_OK, NULL, 11, 200, "OK", 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.0 404 Not Found\r\nContent-Length: 2\r\n\r\nhi"),
	    HEAD_OK, NULL, 10, 404, "Not Found", 2, 0,
	    { "Content-Length", "2" } },
	{ RAW("HTTP/1.1 200\r\n\r\n"), HEAD_OK, NULL, 11, 200, "", 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 200 \r\n\r\n"), HEAD_OK, NULL, 11, 200, "", 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1   200   OK\r\n\r\n"), HEAD_OK, NULL, 11, 200, "OK",
	    0, 0, { NULL } },
	{ RAW("HTTP/1.1 \t 204 \t No  Content \t\r\n\r\n"), HEAD_OK, NULL,
	    11, 204, "No  Content", 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200OK\r\n\r\n"), HEAD_OK, NULL, 11, 200, "OK", 0, 0,
	    { NULL } },
	{ RAW("HTTP/2 200\r\n\r\n"), HEAD_OK, NULL, 20, 200, "", 0, 0,
	    { NULL } },
	{ RAW("HTTP/2.0 404 Nope\r\n\r\n"), HEAD_OK, NULL, 20, 404, "Nope",
	    0, 0, { NULL } },
	{ RAW("HTTP/2\t\t301 Moved\r\n\r\n"), HEAD_OK, NULL, 20, 301,
	    "Moved", 0, 0, { NULL } },
	{ RAW("HTTP/1.1 999 X\r\n\r\n"), HEAD_OK, NULL, 11, 999, "X", 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 100 Continue\r\n\r\n"), HEAD_OK, NULL, 11, 100,
	    "Continue", 0, 0, { NULL } },
	{ RAW("HTTP/1.1 404 \x80\xff\x01\r\n\r\n"), HEAD_OK, NULL, 11, 404,
	    "\x80\xff\x01", 0, 0, { NULL } },
	/* curl's fallback: any other "HTTP/" is taken as HTTP/1.0 200 */
	{ RAW("http/1.1 404 Not Found\r\n\r\n"), HEAD_OK, NULL, 10, 200, "",
	    0, 0, { NULL } },
	{ RAW("HTTP/a.1 404 OK\r\n\r\n"), HEAD_OK, NULL, 10, 200, "", 0, 0,
	    { NULL } },
	{ RAW("HtTp/1.1 301 x\r\nA: b\r\n\r\n"), HEAD_OK, NULL, 10, 200, "",
	    0, 0, { "A", "b" } },

	/* status lines curl 7.88 refuses, with its words */
	{ RAW("HTTP/1.1\t200\tOK\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 20 OK\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 2000 OK\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 1234\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 abc OK\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.2 200 OK\r\n\r\n"), HEAD_BAD,
	    "Unsupported HTTP version (1.2) in response", 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.9 200 OK\r\n\r\n"), HEAD_BAD,
	    "Unsupported HTTP version (1.9) in response", 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/3 200 OK\r\n\r\n"), HEAD_BAD,
	    "Unsupported HTTP version (3.0) in response", 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/0.9 200 OK\r\n\r\n"), HEAD_BAD,
	    "Unsupported HTTP version (0.9) in response", 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/2.1 200 OK\r\n\r\n"), HEAD_BAD,
	    "Unsupported HTTP version (2.1) in response", 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/9.9 200 OK\r\n\r\n"), HEAD_BAD,
	    "Unsupported HTTP version (9.9) in response", 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1 200 OK\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/11 200 OK\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 099 OK\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 000 OK\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1200 OK\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 -200 OK\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 +20 OK\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 +x\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 2a0 OK\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1\t20 OK\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1x200 OK\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/ 404 OK\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 \r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.a 200 OK\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/2 abc\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/2\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0, { NULL } },
	{ RAW("HTTP/4 200\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	/* stricter than curl on purpose: curl takes any number after HTTP/2 */
	{ RAW("HTTP/2 40\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/2 4040\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 \v200 OK\r\n\r\n"), HEAD_BAD, WVER, 0, 0, NULL, 0, 0,
	    { NULL } },
	/* not HTTP/1.x at all: HTTP/0.9, the caller's business */
	{ RAW(" HTTP/1.1 200 OK\r\n\r\n"), HEAD_BAD, W09, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTX/1.1 200 OK\r\n\r\n"), HEAD_BAD, W09, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("hello world\r\n\r\n"), HEAD_BAD, W09, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP\r\n\r\n"), HEAD_BAD, W09, 0, 0, NULL, 0, 0, { NULL } },
	/* NUL: curl judges the status line first, then the NUL */
	{ RAW("HTTP/1.1 200 O\0K\r\n\r\n"), HEAD_BAD, WNUL, 11, 200, NULL, 0,
	    0, { NULL } },
	{ RAW("HTTP/1.1 2\0" "00 OK\r\n\r\n"), HEAD_BAD, WCODE, 0, 0, NULL,
	    0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\rX\r\n\r\n"), HEAD_BAD, WCR, 11, 200, NULL, 0,
	    0, { NULL } },

	/* field lines */
	{ RAW("HTTP/1.1 200 OK\nA: b\nC:d\n\nbody"), HEAD_OK, NULL, 11, 200,
	    "OK", 4, 0, { "A", "b", "C", "d" } },
	{ RAW("HTTP/1.1 200 OK\r\nA: b\n\r\n"), HEAD_OK, NULL, 11, 200, "OK",
	    0, 0, { "A", "b" } },
	{ RAW("HTTP/1.1 200 OK\nA: b\r\n\n"), HEAD_OK, NULL, 11, 200, "OK",
	    0, 0, { "A", "b" } },
	{ RAW("HTTP/1.1 200 OK\r\nA:   b c  \t\r\nB:\r\nC:\t \r\n\r\n"),
	    HEAD_OK, NULL, 11, 200, "OK", 0, 0,
	    { "A", "b c", "B", "", "C", "" } },
	{ RAW("HTTP/1.1 200 OK\r\nLocation: http://h:80/a?b=c:d\r\n\r\n"),
	    HEAD_OK, NULL, 11, 200, "OK", 0, 0,
	    { "Location", "http://h:80/a?b=c:d" } },
	{ RAW("HTTP/1.1 200 OK\r\nX: \x01\x7f\x80\xff\r\n\r\n"), HEAD_OK,
	    NULL, 11, 200, "OK", 0, 0, { "X", "\x01\x7f\x80\xff" } },
	{ RAW("HTTP/1.1 200 OK\r\nA: 1\r\nA: 2\r\n\r\n\r\nHTTP/1.1"),
	    HEAD_OK, NULL, 11, 200, "OK", 10, 0, { "A", "1", "A", "2" } },
	/* RFC 9112 §5.2 obs-fold: kept inside the span */
	{ RAW("HTTP/1.1 200 OK\r\nA: one\r\n two \r\n\tthree\r\nB: x\r\n\r\n"),
	    HEAD_OK, NULL, 11, 200, "OK", 0, 0,
	    { "A", "one\r\n two \r\n\tthree", "B", "x" } },
	{ RAW("HTTP/1.1 200 OK\r\nA:\r\n two\r\n\r\n"), HEAD_OK, NULL, 11,
	    200, "OK", 0, 0, { "A", "two" } },
	{ RAW("HTTP/1.1 200 OK\r\nA: x\r\n \r\n\r\n"), HEAD_OK, NULL, 11,
	    200, "OK", 0, 0, { "A", "x" } },
	{ RAW("HTTP/1.1 200 OK\nA: one\n two\n\n"), HEAD_OK, NULL, 11, 200,
	    "OK", 0, 0, { "A", "one\n two" } },
	/* refused field lines: curl's words where curl refuses too */
	{ RAW("HTTP/1.1 200 OK\r\nFoo bar\r\n\r\n"), HEAD_BAD, WCOLON, 11, 200,
	    NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nFoo bar\r\nX: y\r\n\r\n"), HEAD_BAD, WCOLON,
	    11, 200, NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nFoo: b\0ar\r\n\r\n"), HEAD_BAD, WNUL, 11,
	    200, NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nFo\0o bar\r\n\r\n"), HEAD_BAD, WNUL, 11,
	    200, NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nA: b\r\n \0x\r\n\r\n"), HEAD_BAD, WNUL, 11,
	    200, NULL, 0, 0, { NULL } },
	/* stricter than curl on purpose (curl accepts these) */
	{ RAW("HTTP/1.1 200 OK\r\nFoo : bar\r\n\r\n"), HEAD_BAD, WWS, 11, 200,
	    NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nFoo\t: bar\r\n\r\n"), HEAD_BAD, WWS, 11,
	    200, NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nA b: c\r\n\r\n"), HEAD_BAD, WWS, 11, 200,
	    NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\n: bar\r\n\r\n"), HEAD_BAD, WNONAME, 11, 200,
	    NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nFoo: b\rar\r\n\r\n"), HEAD_BAD, WCR, 11, 200,
	    NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nFoo: bar\r\r\n\r\n"), HEAD_BAD, WCR, 11, 200,
	    NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nA: b\r\n\r\r\n"), HEAD_BAD, WCR, 11, 200,
	    NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nA: b\r\n\rX\r\n\r\n"), HEAD_BAD, WCR, 11,
	    200, NULL, 0, 0, { NULL } },
	/* curl fails these with exit 43 */
	{ RAW("HTTP/1.1 200 OK\r\n  Foo: bar\r\n\r\n"), HEAD_BAD, WLEAD, 11,
	    200, NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\n\tFoo: bar\r\n\r\n"), HEAD_BAD, WLEAD, 11,
	    200, NULL, 0, 0, { NULL } },
	/* the caller's array is full */
	{ RAW("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"), HEAD_OK,
	    NULL, 11, 200, "OK", 0, 3, { "A", "1", "B", "2", "C", "3" } },
	{ RAW("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"), HEAD_BIG,
	    WFIELDS, 11, 200, NULL, 0, 2, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nA: 1\r\n\r\n"), HEAD_BIG, WFIELDS, 11, 200,
	    NULL, 0, SIZE_MAX, { NULL } },

	/* the empty line has not arrived */
	{ RAW(""), HEAD_MORE, NULL, 0, 0, NULL, 0, 0, { NULL } },
	{ RAW("HTT"), HEAD_MORE, NULL, 0, 0, NULL, 0, 0, { NULL } },
	{ RAW("HTTP/1.1 200 OK"), HEAD_MORE, NULL, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\n"), HEAD_MORE, NULL, 0, 0, NULL, 0, 0,
	    { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nA: b\r\n"), HEAD_MORE, NULL, 0, 0, NULL, 0,
	    0, { NULL } },
	{ RAW("HTTP/1.1 200 OK\r\nA: b\r\n\r"), HEAD_MORE, NULL, 0, 0, NULL,
	    0, 0, { NULL } },
};

static size_t
row_nfields(const struct hrow *r)
{
	size_t	 n = 0;

	while (n < MAXF && r->f[2 * n] != NULL)
		n++;
	return n;
}

static int
span_is(struct span s, const char *t)
{
	return s.n == strlen(t) && memcmp(s.p, t, s.n) == 0;
}

static int
why_is(const char *got, const char *want)
{
	return got != NULL && (want == NULL || strcmp(got, want) == 0);
}

/* The field array a row asks for: MAXF, maxf of them, or none at all. */
static void
head_setup(struct head *h, const struct hrow *r, struct hfield *fa,
    size_t nfa)
{
	memset(h, 0, sizeof(*h));
	h->fields = fa;
	h->maxfields = r->maxf == 0 ? MAXF : r->maxf;
	if (h->maxfields > nfa)
		h->maxfields = nfa;
	if (r->maxf == SIZE_MAX) {
		h->fields = NULL;
		h->maxfields = 0;
	}
}

static void
check_fields(const struct hrow *r, const struct head *h, const char *p,
    const char *tag)
{
	size_t	 i, nf = row_nfields(r);

	TAP_OK(h->nfields == nf, "%s: nfields %zu, want %zu", tag,
	    h->nfields, nf);
	for (i = 0; i < nf && i < h->nfields; i++) {
		TAP_OK(span_is(h->fields[i].name, r->f[2 * i]) &&
		    span_is(h->fields[i].value, r->f[2 * i + 1]),
		    "%s: field %zu \"%.*s\" \"%.*s\"", tag, i,
		    (int)h->fields[i].name.n, h->fields[i].name.p,
		    (int)h->fields[i].value.n, h->fields[i].value.p);
		TAP_OK(h->fields[i].value.p >= p &&
		    h->fields[i].value.p + h->fields[i].value.n <= p + h->len,
		    "%s: field %zu outside the buffer", tag, i);
	}
}

/* The whole row at once, ending at a guard page. */
static void
check_whole(const struct hrow *r, struct hfield *fa, size_t nfa,
    int cmpfields, const char *tag)
{
	struct tap_guard	 g;
	struct head		 h;
	const char		*p;
	size_t			 hlen = r->rawlen - r->tail;
	enum head_rc		 rc;

	p = tap_guard(&g, r->raw, r->rawlen);
	head_setup(&h, r, fa, nfa);
	rc = head_parse(&h, p, r->rawlen);
	TAP_OK(rc == r->rc, "%s: rc %d, want %d (why %s)", tag, rc, r->rc,
	    h.why ? h.why : "-");
	if (rc == r->rc && (rc == HEAD_BAD || rc == HEAD_BIG))
		TAP_OK(why_is(h.why, r->why), "%s: why \"%s\", want \"%s\"",
		    tag, h.why ? h.why : "(null)", r->why);
	if (rc == r->rc && rc != HEAD_MORE)
		TAP_OK(h.version == r->version && h.status == r->status,
		    "%s: version %d status %d, want %d %d", tag, h.version,
		    h.status, r->version, r->status);
	if (rc == r->rc && rc == HEAD_OK) {
		TAP_OK(h.len == hlen, "%s: len %zu, want %zu", tag, h.len,
		    hlen);
		TAP_OK(r->reason == NULL || span_is(h.reason, r->reason),
		    "%s: reason \"%.*s\"", tag, (int)h.reason.n, h.reason.p);
		TAP_OK(h.why == NULL, "%s: why set on OK", tag);
		if (cmpfields)
			check_fields(r, &h, p, tag);
	}
	tap_guard_free(&g);
}

/* Every length near either end; every step bytes in between. */
static size_t
next_k(size_t k, size_t n, size_t step)
{
	if (k < 300 || n < 600 || k + 300 >= n)
		return k + 1;
	return k + step < n - 300 ? k + step : n - 300;
}

/*
 * Growing prefixes, each ending at a guard page: MORE until the answer is
 * known, then always the same answer.  An OK row turns OK exactly at its
 * head length.  Long rows are sampled every step bytes, except near the
 * ends.
 */
static void
check_prefixes(const struct hrow *r, struct hfield *fa, size_t nfa,
    size_t step, const char *tag)
{
	struct tap_guard	 g;
	struct head		 h;
	char			*end;
	size_t			 k, hlen = r->rawlen - r->tail;
	size_t			 bad = SIZE_MAX, decided = SIZE_MAX;
	enum head_rc		 rc = HEAD_MORE;

	end = tap_guard(&g, r->raw, r->rawlen) + r->rawlen;
	for (k = 0; k <= r->rawlen && bad == SIZE_MAX; k = next_k(k, r->rawlen,
	    step)) {
		memcpy(end - k, r->raw, k);
		head_setup(&h, r, fa, nfa);
		rc = head_parse(&h, end - k, k);
		if (rc == HEAD_MORE) {
			if (decided != SIZE_MAX ||
			    (r->rc == HEAD_OK && k >= hlen))
				bad = k;
			continue;
		}
		if (decided == SIZE_MAX)
			decided = k;
		if (rc != r->rc || (rc == HEAD_OK &&
		    (k < hlen || h.len != hlen)) ||
		    (rc != HEAD_OK && !why_is(h.why, r->why)))
			bad = k;
	}
	TAP_OK(bad == SIZE_MAX, "%s: prefix of %zu bytes: rc %d, want %d",
	    tag, bad, rc, r->rc);
	TAP_OK(r->rc == HEAD_MORE ? decided == SIZE_MAX : decided != SIZE_MAX,
	    "%s: prefixes never decided", tag);
	tap_guard_free(&g);
}

static void
check_row(const struct hrow *r, const char *tag)
{
	struct hfield	 fa[MAXF];

	check_whole(r, fa, MAXF, 1, tag);
	check_prefixes(r, fa, MAXF, 1, tag);
}

/*
 * Rows too big for the table, checked with a field array of
 * HG_MAX_FIELDS and without comparing fields.
 */
static void
check_big(const char *raw, size_t n, enum head_rc rc, const char *why,
    size_t tail, const char *tag)
{
	struct hrow	 r;
	struct hfield	*fa;

	memset(&r, 0, sizeof(r));
	r.raw = raw;
	r.rawlen = n;
	r.rc = rc;
	r.why = why;
	r.tail = tail;
	r.maxf = HG_MAX_FIELDS;
	if (rc != HEAD_MORE && !(rc == HEAD_BIG && strcmp(why, WLINE) == 0 &&
	    strncmp(raw, "HTTP/1.1 200 OK\r\n", 17) != 0)) {
		r.version = 11;
		r.status = 200;
	}
	if ((fa = calloc(HG_MAX_FIELDS, sizeof(*fa))) == NULL)
		abort();
	check_whole(&r, fa, HG_MAX_FIELDS, 0, tag);
	check_prefixes(&r, fa, HG_MAX_FIELDS, 997, tag);
	free(fa);
}

/* "HTTP/1.1 200 OK\r\n", then fill, then the empty line. */
static char *
mkhead(size_t n, char **fill)
{
	char	*p;

	if ((p = malloc(n)) == NULL)
		abort();
	memcpy(p, "HTTP/1.1 200 OK\r\n", 17);
	memcpy(p + n - 2, "\r\n", 2);
	*fill = p + 17;
	return p;
}

/* A field line "X: aaa...", eol included, of exactly len bytes at p. */
static void
mkline(char *p, size_t len, const char *eol)
{
	size_t	 el = strlen(eol);

	memset(p, 'a', len);
	memcpy(p, "X: ", 3);
	memcpy(p + len - el, eol, el);
}

/* A field of len bytes: "X: a" + eol, then continuation lines of 1000. */
static void
mkfolded(char *p, size_t len)
{
	size_t	 i, m;

	mkline(p, 6, "\r\n");
	for (i = 6; i < len; i += m) {
		m = len - i > 1000 ? 1000 : len - i;
		if (len - i - m > 0 && len - i - m < 8)
			m -= 8;
		mkline(p + i, m, "\r\n");
		p[i] = ' ';
	}
}

static void
big_rows(void)
{
	char		*p, *fill;
	size_t		 n, len, i;

	/* curl 7.88: a line with its CRLF must stay below 102400 bytes */
	for (len = HG_MAX_LINE - 1; len <= HG_MAX_LINE; len++) {
		n = 17 + len + 2;
		p = mkhead(n, &fill);
		mkline(fill, len, "\r\n");
		check_big(p, n, len < HG_MAX_LINE ? HEAD_OK : HEAD_BIG,
		    len < HG_MAX_LINE ? NULL : WLINE, 0, "line cap, CRLF");
		mkline(fill, len, "\n");
		check_big(p, n, len < HG_MAX_LINE ? HEAD_OK : HEAD_BIG,
		    len < HG_MAX_LINE ? NULL : WLINE, 0, "line cap, LF");
		/* obs-fold continuations count toward their field's line */
		mkfolded(fill, len);
		check_big(p, n, len < HG_MAX_LINE ? HEAD_OK : HEAD_BIG,
		    len < HG_MAX_LINE ? NULL : WLINE, 0, "line cap, folded");
		free(p);
	}

	/* a line that never ends: a field, then the status line itself */
	n = HG_MAX_LINE + 100;
	p = mkhead(n, &fill);
	memset(fill, 'a', n - 17);
	memcpy(fill, "X: ", 3);
	check_big(p, n, HEAD_BIG, WLINE, 0, "endless field line");
	memset(p + 13, 'a', n - 13);
	check_big(p, n, HEAD_BIG, WLINE, 0, "endless status line");
	free(p);

	/* curl 7.88: the head may be 307200 bytes, not one more */
	for (len = HG_MAX_HEAD; len <= HG_MAX_HEAD + 1; len++) {
		n = len + 4;
		p = mkhead(len, &fill);
		p = realloc(p, n);
		if (p == NULL)
			abort();
		memcpy(p + len, "body", 4);
		for (i = 17; i < len - 2; i += 1000)
			mkline(p + i, len - 2 - i >= 1020 ? 1000 :
			    len - 2 - i > 1000 ? 500 : len - 2 - i, "\r\n");
		check_big(p, n, len == HG_MAX_HEAD ? HEAD_OK : HEAD_BIG,
		    len == HG_MAX_HEAD ? NULL : WHEAD, 4, "head cap");
		free(p);
	}

	/* a head that never ends: short fields, no empty line */
	n = HG_MAX_HEAD + 5000;
	p = mkhead(n, &fill);
	for (i = 17; i + 100 <= n; i += 100)
		mkline(p + i, 100, "\r\n");
	memset(p + i, 'e', n - i);
	check_big(p, n, HEAD_BIG, WHEAD, 0, "endless head");
	free(p);

	/* more fields than HG_MAX_FIELDS, however big the array */
	for (len = HG_MAX_FIELDS; len <= HG_MAX_FIELDS + 1; len++) {
		n = 17 + 6 * len + 2;
		p = mkhead(n, &fill);
		for (i = 0; i < len; i++)
			memcpy(fill + 6 * i, "F: 1\r\n", 6);
		check_big(p, n, len == HG_MAX_FIELDS ? HEAD_OK : HEAD_BIG,
		    len == HG_MAX_FIELDS ? NULL : WFIELDS, 0, "field cap");
		free(p);
	}
}

static void
test_is_http(void)
{
	static const struct {
		const char	*in;
		size_t		 n;
		int		 want;
	} t[] = {
		{ RAW(""), -1 }, { RAW("H"), -1 }, { RAW("HTTP"), -1 },
		{ RAW("HTTP/"), 1 }, { RAW("HTTP/1.1 200 OK\r\n"), 1 },
		{ RAW("http/1.1"), 1 }, { RAW("hTtP/"), 1 },
		{ RAW("HTTX"), 0 }, { RAW(" HTTP/1.1"), 0 }, { RAW("X"), 0 },
		{ RAW("HTTP 200"), 0 }, { RAW("\r\nHTTP/1.1"), 0 },
		{ RAW("HT\0P/"), 0 },
	};
	struct tap_guard	 g;
	const char		*p;
	size_t			 i;
	int			 v;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		p = tap_guard(&g, t[i].in, t[i].n);
		v = head_is_http(p, t[i].n);
		TAP_OK(v == t[i].want, "head_is_http(\"%s\") = %d, want %d",
		    t[i].in, v, t[i].want);
		tap_guard_free(&g);
	}
}

static void
test_find(void)
{
	static const char	 raw[] = "HTTP/1.1 200 OK\r\n"
	    "Content-Type: text/html\r\nX-A: 1\r\nx-a: 2\r\n\r\n";
	struct hfield		 fields[MAXF];
	struct head		 h;
	const struct hfield	*f;

	memset(&h, 0, sizeof(h));
	h.fields = fields;
	h.maxfields = MAXF;
	TAP_OK(head_parse(&h, raw, sizeof(raw) - 1) == HEAD_OK, "find: parse");
	f = head_find(&h, "content-type");
	TAP_OK(f != NULL && span_is(f->value, "text/html"), "find: any case");
	f = head_find(&h, "X-A");
	TAP_OK(f == &fields[1], "find: the first of two");
	TAP_OK(head_find(&h, "Content") == NULL, "find: no prefix match");
	TAP_OK(head_find(&h, "Content-Type-X") == NULL, "find: no longer");
	TAP_OK(head_find(&h, "") == NULL, "find: empty name");
}

static void
test_value_copy(void)
{
	static const struct {
		const char	*v;
		size_t		 dstlen;
		const char	*want;
		size_t		 ret;
	} t[] = {
		{ "plain", 64, "plain", 5 },
		{ "a  b\t c", 64, "a  b\t c", 7 },
		{ "one\r\n two", 64, "one two", 7 },
		{ "one  \r\n \t two", 64, "one two", 7 },
		{ "one\n\ttwo\r\n three", 64, "one two three", 13 },
		{ "a\r\n \r\n b", 64, "a b", 3 },
		{ "one\r\n two", 4, "one", 7 },
		{ "one\r\n two", 5, "one ", 7 },
		{ "abc", 1, "", 3 },
		{ "abc", 3, "ab", 3 },
		{ "abc", 4, "abc", 3 },
		{ "", 8, "", 0 },
	};
	struct hfield	 f;
	char		 dst[80];
	size_t		 i, r;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		f.name = span_make("X", 1);
		f.value = span_make(t[i].v, strlen(t[i].v));
		memset(dst, 'Z', sizeof(dst));
		r = head_value_copy(&f, dst, t[i].dstlen);
		TAP_OK(r == t[i].ret && strcmp(dst, t[i].want) == 0 &&
		    dst[t[i].dstlen] == 'Z' ,
		    "value_copy %zu: got %zu \"%s\"", i, r, dst);
	}
	/* dstlen 0 writes nothing */
	f.value = span_make("abc", 3);
	dst[0] = 'Z';
	TAP_OK(head_value_copy(&f, dst, 0) == 3 && dst[0] == 'Z',
	    "value_copy: dstlen 0");
	/* parsed, then unfolded */
	{
		static const char	 raw[] = "HTTP/1.1 200 OK\r\n"
		    "A: x\r\n  y \r\n\tz\r\n\r\n";
		struct hfield		 fields[MAXF];
		struct head		 h;

		memset(&h, 0, sizeof(h));
		h.fields = fields;
		h.maxfields = MAXF;
		TAP_OK(head_parse(&h, raw, sizeof(raw) - 1) == HEAD_OK &&
		    head_value_copy(&fields[0], dst, sizeof(dst)) == 5 &&
		    strcmp(dst, "x y z") == 0, "value_copy: parsed fold \"%s\"",
		    dst);
	}
}

int
main(void)
{
	char	 tag[64];
	size_t	 i;

	test_is_http();
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		snprintf(tag, sizeof(tag), "row %zu", i);
		check_row(&rows[i], tag);
	}
	big_rows();
	test_find();
	test_value_copy();
	return tap_done();
}
