/* tests/unit/t_framing.c: framing_decide (RFC 9112 §6.3, §9.3) */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "head.h"
#include "tap.h"

#define RAW(s)		s, sizeof(s) - 1
#define H11		"HTTP/1.1 200 OK\r\n"
#define H10		"HTTP/1.0 200 OK\r\n"
#define MAXF		16

#define WCL	"Invalid Content-Length: value"
#define WOVER	"Overflow Content-Length: value"
#define WCONF	"conflicting Content-Length"

enum { GET = 0, HEAD = 1 };
enum { V11 = 0, V10 = 1 };

struct frow {
	const char		*raw;	/* a whole head */
	size_t			 rawlen;
	int			 head_request;
	int			 http10_request;
	enum head_rc		 rc;
	enum framing_kind	 kind;
	uint64_t		 length;
	int			 reusable;
	const char		*why;
};

static const struct frow rows[] = {
	/* Content-Length */
	{ RAW(H11 "Content-Length: 2\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_LENGTH, 2, 1, NULL },
	{ RAW(H11 "content-LENGTH: 0\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_LENGTH, 0, 1, NULL },
	{ RAW(H11 "Content-Length: 00002\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_LENGTH, 2, 1, NULL },
	{ RAW(H11 "Content-Length: 42, 42\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_LENGTH, 42, 1, NULL },
	{ RAW(H11 "Content-Length: 42\r\nX: y\r\nContent-Length: 42\r\n\r\n"),
	    GET, V11, HEAD_OK, FRAMING_LENGTH, 42, 1, NULL },
	{ RAW(H11 "Content-Length: 7,\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_LENGTH, 7, 1, NULL },
	{ RAW(H11 "Content-Length:\r\n 7\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_LENGTH, 7, 1, NULL },
	{ RAW(H11 "Content-Length: 9223372036854775807\r\n\r\n"), GET, V11,
	    HEAD_OK, FRAMING_LENGTH, INT64_MAX, 1, NULL },
	/* curl takes the last of differing values; RFC 9110 §8.6 says bad */
	{ RAW(H11 "Content-Length: 42\r\nContent-Length: 43\r\n\r\n"), GET,
	    V11, HEAD_BAD, FRAMING_CLOSE, 0, 0, WCONF },
	{ RAW(H11 "Content-Length: 42, 43\r\n\r\n"), GET, V11, HEAD_BAD,
	    FRAMING_CLOSE, 0, 0, WCONF },
	/* curl refuses these too, with the same words */
	{ RAW(H11 "Content-Length: -1\r\n\r\n"), GET, V11, HEAD_BAD,
	    FRAMING_CLOSE, 0, 0, WCL },
	{ RAW(H11 "Content-Length: \r\n\r\n"), GET, V11, HEAD_BAD,
	    FRAMING_CLOSE, 0, 0, WCL },
	{ RAW(H11 "Content-Length: abc\r\n\r\n"), GET, V11, HEAD_BAD,
	    FRAMING_CLOSE, 0, 0, WCL },
	/* curl reads a number prefix here; hget wants digits only */
	{ RAW(H11 "Content-Length: 2abc\r\n\r\n"), GET, V11, HEAD_BAD,
	    FRAMING_CLOSE, 0, 0, WCL },
	{ RAW(H11 "Content-Length: +2\r\n\r\n"), GET, V11, HEAD_BAD,
	    FRAMING_CLOSE, 0, 0, WCL },
	{ RAW(H11 "Content-Length: 0x2\r\n\r\n"), GET, V11, HEAD_BAD,
	    FRAMING_CLOSE, 0, 0, WCL },
	{ RAW(H11 "Content-Length: 2 2\r\n\r\n"), GET, V11, HEAD_BAD,
	    FRAMING_CLOSE, 0, 0, WCL },
	{ RAW(H11 "Content-Length: 1\r\n 2\r\n\r\n"), GET, V11, HEAD_BAD,
	    FRAMING_CLOSE, 0, 0, WCL },
	{ RAW(H11 "Content-Length: ,\r\n\r\n"), GET, V11, HEAD_BAD,
	    FRAMING_CLOSE, 0, 0, WCL },
	/* curl ignores an overflowing length and reads to the close */
	{ RAW(H11 "Content-Length: 9223372036854775808\r\n\r\n"), GET, V11,
	    HEAD_BAD, FRAMING_CLOSE, 0, 0, WOVER },
	{ RAW(H11 "Content-Length: 99999999999999999999999\r\n\r\n"), GET,
	    V11, HEAD_BAD, FRAMING_CLOSE, 0, 0, WOVER },
	{ RAW(H11 "Content-Length: 18446744073709551616\r\n\r\n"), GET, V11,
	    HEAD_BAD, FRAMING_CLOSE, 0, 0, WOVER },
	/* a bad length is bad even where no body follows */
	{ RAW("HTTP/1.1 204 No Content\r\nContent-Length: x\r\n\r\n"), GET,
	    V11, HEAD_BAD, FRAMING_CLOSE, 0, 0, WCL },

	/* Transfer-Encoding: the final coding decides */
	{ RAW(H11 "Transfer-Encoding: chunked\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_CHUNKED, 0, 1, NULL },
	{ RAW(H11 "transfer-encoding: CHUNKED\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_CHUNKED, 0, 1, NULL },
	{ RAW(H11 "Transfer-Encoding: gzip, chunked\r\n\r\n"), GET, V11,
	    HEAD_OK, FRAMING_CHUNKED, 0, 1, NULL },
	{ RAW(H11 "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"
	    "\r\n"), GET, V11, HEAD_OK, FRAMING_CHUNKED, 0, 1, NULL },
	{ RAW(H11 "Transfer-Encoding: chunked , \r\n\r\n"), GET, V11,
	    HEAD_OK, FRAMING_CHUNKED, 0, 1, NULL },
	{ RAW(H11 "Transfer-Encoding: chunked;x=1\r\n\r\n"), GET, V11,
	    HEAD_OK, FRAMING_CHUNKED, 0, 1, NULL },
	{ RAW(H11 "Transfer-Encoding: chunked, chunked\r\n\r\n"), GET, V11,
	    HEAD_OK, FRAMING_CHUNKED, 0, 1, NULL },
	{ RAW(H11 "Transfer-Encoding: chunked, gzip\r\n\r\n"), GET, V11,
	    HEAD_OK, FRAMING_CLOSE, 0, 0, NULL },
	{ RAW(H11 "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n"
	    "\r\n"), GET, V11, HEAD_OK, FRAMING_CLOSE, 0, 0, NULL },
	{ RAW(H11 "Transfer-Encoding: foo;p=\"a,chunked\"\r\n\r\n"), GET, V11,
	    HEAD_OK, FRAMING_CLOSE, 0, 0, NULL },
	{ RAW(H11 "Transfer-Encoding: chunkedx\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_CLOSE, 0, 0, NULL },
	{ RAW(H11 "Transfer-Encoding: chunked\r\nTE: gzip\r\n\r\n"), GET, V11,
	    HEAD_OK, FRAMING_CHUNKED, 0, 1, NULL },
	/* RFC 9112 §6.1: with Content-Length, TE wins and we close after */
	{ RAW(H11 "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"),
	    GET, V11, HEAD_OK, FRAMING_CHUNKED, 0, 0, NULL },
	{ RAW(H11 "Content-Length: 5\r\nTransfer-Encoding: gzip\r\n\r\n"),
	    GET, V11, HEAD_OK, FRAMING_CLOSE, 0, 0, NULL },
	/* ... and TE in an HTTP/1.0 message is faulty framing */
	{ RAW(H10 "Connection: keep-alive\r\nTransfer-Encoding: chunked\r\n"
	    "\r\n"), GET, V11, HEAD_OK, FRAMING_CHUNKED, 0, 0, NULL },
	/* a TE field with no coding in it is ignored, as curl does */
	{ RAW(H11 "Transfer-Encoding: \r\nContent-Length: 2\r\n\r\n"), GET,
	    V11, HEAD_OK, FRAMING_LENGTH, 2, 1, NULL },

	/* no length at all: read to the close */
	{ RAW(H11 "\r\n"), GET, V11, HEAD_OK, FRAMING_CLOSE, 0, 0, NULL },
	{ RAW(H10 "Connection: keep-alive\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_CLOSE, 0, 0, NULL },

	/* no body: HEAD, 1xx, 204, 304 */
	{ RAW(H11 "Content-Length: 100\r\n\r\n"), HEAD, V11, HEAD_OK,
	    FRAMING_NONE, 0, 1, NULL },
	{ RAW(H11 "Transfer-Encoding: chunked\r\n\r\n"), HEAD, V11, HEAD_OK,
	    FRAMING_NONE, 0, 1, NULL },
	{ RAW(H11 "\r\n"), HEAD, V11, HEAD_OK, FRAMING_NONE, 0, 1, NULL },
	{ RAW(H10 "\r\n"), HEAD, V11, HEAD_OK, FRAMING_NONE, 0, 0, NULL },
	{ RAW(H11 "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"),
	    HEAD, V11, HEAD_OK, FRAMING_NONE, 0, 0, NULL },
	{ RAW("HTTP/1.1 204 No Content\r\nContent-Length: 2\r\n\r\n"), GET,
	    V11, HEAD_OK, FRAMING_NONE, 0, 1, NULL },
	{ RAW("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n"
	    "\r\n"), GET, V11, HEAD_OK, FRAMING_NONE, 0, 1, NULL },
	{ RAW("HTTP/1.1 100 Continue\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_NONE, 0, 1, NULL },
	{ RAW("HTTP/1.1 199 Whatever\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_NONE, 0, 1, NULL },
	{ RAW("HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n"), GET,
	    V11, HEAD_OK, FRAMING_NONE, 0, 0, NULL },
	{ RAW("HTTP/1.1 200 OK\r\n\r\n"), GET, V11, HEAD_OK, FRAMING_CLOSE,
	    0, 0, NULL },

	/* RFC 9112 §9.3: persistence */
	{ RAW(H11 "Connection: close\r\nContent-Length: 2\r\n\r\n"), GET, V11,
	    HEAD_OK, FRAMING_LENGTH, 2, 0, NULL },
	{ RAW(H11 "Connection: foo, CLOSE\r\nContent-Length: 2\r\n\r\n"), GET,
	    V11, HEAD_OK, FRAMING_LENGTH, 2, 0, NULL },
	{ RAW(H11 "Connection: foo\r\nConnection: close\r\nContent-Length: "
	    "2\r\n\r\n"), GET, V11, HEAD_OK, FRAMING_LENGTH, 2, 0, NULL },
	{ RAW(H11 "Connection: closed\r\nContent-Length: 2\r\n\r\n"), GET,
	    V11, HEAD_OK, FRAMING_LENGTH, 2, 1, NULL },
	{ RAW(H11 "Connection: keep-alive\r\nContent-Length: 2\r\n\r\n"), GET,
	    V11, HEAD_OK, FRAMING_LENGTH, 2, 1, NULL },
	{ RAW(H11 "Connection: keep-alive, close\r\nContent-Length: 2\r\n\r\n"),
	    GET, V11, HEAD_OK, FRAMING_LENGTH, 2, 0, NULL },
	{ RAW(H10 "Content-Length: 2\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_LENGTH, 2, 0, NULL },
	{ RAW(H10 "Connection: keep-alive\r\nContent-Length: 2\r\n\r\n"), GET,
	    V11, HEAD_OK, FRAMING_LENGTH, 2, 1, NULL },
	{ RAW(H10 "Connection: Keep-Alive\r\nContent-Length: 2\r\n\r\n"), GET,
	    V11, HEAD_OK, FRAMING_LENGTH, 2, 1, NULL },
	{ RAW(H10 "Connection: Keep-Alive\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_CLOSE, 0, 0, NULL },
	{ RAW("HTTP/2 200\r\nContent-Length: 2\r\n\r\n"), GET, V11, HEAD_OK,
	    FRAMING_LENGTH, 2, 1, NULL },
	/* curl's fallback status line counts as HTTP/1.0 */
	{ RAW("http/1.1 404 x\r\nContent-Length: 2\r\n\r\n"), GET, V11,
	    HEAD_OK, FRAMING_LENGTH, 2, 0, NULL },
	/* a request sent as HTTP/1.0: only keep-alive keeps it open */
	{ RAW(H11 "Content-Length: 2\r\n\r\n"), GET, V10, HEAD_OK,
	    FRAMING_LENGTH, 2, 0, NULL },
	{ RAW(H11 "Connection: keep-alive\r\nContent-Length: 2\r\n\r\n"), GET,
	    V10, HEAD_OK, FRAMING_LENGTH, 2, 1, NULL },
	{ RAW(H10 "Connection: keep-alive\r\nContent-Length: 2\r\n\r\n"), GET,
	    V10, HEAD_OK, FRAMING_LENGTH, 2, 1, NULL },
	{ RAW(H11 "Connection: keep-alive\r\nConnection: close\r\n"
	    "Content-Length: 2\r\n\r\n"), GET, V10, HEAD_OK, FRAMING_LENGTH, 2,
	    0, NULL },
	{ RAW(H11 "Connection: keep-alive\r\n\r\n"), HEAD, V10, HEAD_OK,
	    FRAMING_NONE, 0, 1, NULL },
};

static int
same(const struct framing *f, const struct framing *g)
{
	return f->kind == g->kind && f->length == g->length &&
	    f->reusable == g->reusable && f->why == g->why;
}

/* Parse the head a byte at a time: MORE until the last byte, then OK. */
static int
parse_bytewise(const struct frow *r, struct head *h, struct tap_guard *g)
{
	char		*end = tap_guard(g, r->raw, r->rawlen) + r->rawlen;
	size_t		 k;

	for (k = 0; k < r->rawlen; k++) {
		memcpy(end - k, r->raw, k);
		if (head_parse(h, end - k, k) != HEAD_MORE)
			return 0;
	}
	memcpy(end - r->rawlen, r->raw, r->rawlen);
	return head_parse(h, end - r->rawlen, r->rawlen) == HEAD_OK;
}

static void
check_row(const struct frow *r, size_t idx)
{
	struct tap_guard	 g, g2;
	struct hfield		 fa[MAXF], fb[MAXF];
	struct head		 h, h2;
	struct framing		 f, f2;
	const char		*p;
	enum head_rc		 rc;

	memset(&h, 0, sizeof(h));
	h.fields = fa;
	h.maxfields = MAXF;
	p = tap_guard(&g, r->raw, r->rawlen);
	rc = head_parse(&h, p, r->rawlen);
	TAP_OK(rc == HEAD_OK && h.len == r->rawlen, "row %zu: head rc %d",
	    idx, rc);
	if (rc != HEAD_OK) {
		tap_guard_free(&g);
		return;
	}
	memset(&f, 0x55, sizeof(f));
	rc = framing_decide(&h, r->head_request, r->http10_request, &f);
	TAP_OK(rc == r->rc, "row %zu: rc %d, want %d (%s)", idx, rc, r->rc,
	    f.why ? f.why : "-");
	if (rc == HEAD_OK) {
		TAP_OK(f.kind == r->kind && f.length == r->length,
		    "row %zu: kind %d length %llu, want %d %llu", idx, f.kind,
		    (unsigned long long)f.length, r->kind,
		    (unsigned long long)r->length);
		TAP_OK(f.reusable == r->reusable, "row %zu: reusable %d",
		    idx, f.reusable);
		TAP_OK(f.why == NULL, "row %zu: why set on OK", idx);
	} else
		TAP_OK(f.why != NULL && r->why != NULL &&
		    strcmp(f.why, r->why) == 0, "row %zu: why \"%s\"", idx,
		    f.why ? f.why : "(null)");

	/* the same head, arrived a byte at a time, decides the same */
	memset(&h2, 0, sizeof(h2));
	h2.fields = fb;
	h2.maxfields = MAXF;
	TAP_OK(parse_bytewise(r, &h2, &g2), "row %zu: bytewise parse", idx);
	TAP_OK(framing_decide(&h2, r->head_request, r->http10_request, &f2) ==
	    rc && same(&f, &f2), "row %zu: bytewise decision differs", idx);
	tap_guard_free(&g2);
	tap_guard_free(&g);
}

int
main(void)
{
	size_t	 i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		check_row(&rows[i], i);
	return tap_done();
}
