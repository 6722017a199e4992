/* tests/unit/t_chunked.c: the chunked decoder (RFC 9112 §7.1), any split */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "head.h"
#include "limits.h"
#include "tap.h"

#define RAW(s)		s, sizeof(s) - 1
#define ALL		SIZE_MAX	/* used: the whole input */

#define WHEX	\
    "Illegal or missing hexadecimal sequence in chunked-encoding"
#define WHEXLEN	"Too long hexadecimal number in chunked-encoding"
#define WCRLF	"Malformed encoding found in chunked-encoding"
#define WRANGE	"Chunk size too large in chunked-encoding"
#define WEXT	"Too long chunk extensions in chunked-encoding"
#define WTRAIL	"Too large trailers in chunked-encoding"

struct crow {
	const char		*raw;
	size_t			 rawlen;
	enum chunked_rc		 rc;	/* DONE, MORE (input ends), BAD */
	const char		*out;	/* decoded bytes */
	size_t			 outlen;
	size_t			 used;	/* DONE: body end; BAD: bad byte */
	const char		*why;
};

static const struct crow rows[] = {
	{ RAW("2\r\nhi\r\n0\r\n\r\n"), CHUNKED_DONE, RAW("hi"), ALL, NULL },
	{ RAW("0\r\n\r\n"), CHUNKED_DONE, RAW(""), ALL, NULL },
	{ RAW("3\r\nabc\r\n4\r\ndefg\r\n1\r\nh\r\n0\r\n\r\n"), CHUNKED_DONE,
	    RAW("abcdefgh"), ALL, NULL },
	{ RAW("A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n"), CHUNKED_DONE,
	    RAW("0123456789abcdefghij"), ALL, NULL },
	{ RAW("1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n"), CHUNKED_DONE,
	    RAW("abcdefghijklmnopqrstuvwxyz"), ALL, NULL },
	{ RAW("0000000000000002\r\nhi\r\n0\r\n\r\n"), CHUNKED_DONE, RAW("hi"),
	    ALL, NULL },
	{ RAW("00\r\n\r\n"), CHUNKED_DONE, RAW(""), ALL, NULL },
	/* the data is opaque, framing look-alikes included */
	{ RAW("7\r\n0\r\n\r\nab\r\n0\r\n\r\n"), CHUNKED_DONE,
	    RAW("0\r\n\r\nab"), ALL, NULL },
	{ RAW("3\r\n\0\r\n\r\n0\r\n\r\n"), CHUNKED_DONE, RAW("\0\r\n"), ALL,
	    NULL },
	/* bare LF anywhere in the framing: curl 7.88 takes it */
	{ RAW("2\nhi\n0\n\n"), CHUNKED_DONE, RAW("hi"), ALL, NULL },
	{ RAW("2\r\nhi\n0\r\n\r\n"), CHUNKED_DONE, RAW("hi"), ALL, NULL },
	{ RAW("2\nhi\r\n0\r\n\r\n"), CHUNKED_DONE, RAW("hi"), ALL, NULL },
	{ RAW("2\r\nhi\r\n0\r\n\n"), CHUNKED_DONE, RAW("hi"), ALL, NULL },
	{ RAW("2\r\nhi\r\n0\n\r\n"), CHUNKED_DONE, RAW("hi"), ALL, NULL },
	/* extensions, with BWS */
	{ RAW("2;foo=bar\r\nhi\r\n0;last\r\n\r\n"), CHUNKED_DONE, RAW("hi"),
	    ALL, NULL },
	{ RAW("2 ;foo=bar\r\nhi\r\n0\r\n\r\n"), CHUNKED_DONE, RAW("hi"), ALL,
	    NULL },
	{ RAW("2\t; foo = \"b;a\\\"r\"\r\nhi\r\n0\r\n\r\n"), CHUNKED_DONE,
	    RAW("hi"), ALL, NULL },
	{ RAW("2 \r\nhi\r\n0\t\r\n\r\n"), CHUNKED_DONE, RAW("hi"), ALL, NULL },
	/* trailers are read and dropped */
	{ RAW("2\r\nhi\r\n0\r\nFoo: bar\r\nBaz: q\r\n\r\n"), CHUNKED_DONE,
	    RAW("hi"), ALL, NULL },
	{ RAW("2\r\nhi\r\n0\r\nFoo: bar\nBaz: q\n\n"), CHUNKED_DONE,
	    RAW("hi"), ALL, NULL },
	/* curl refuses these two; hget drops trailer lines unread */
	{ RAW("2\r\nhi\r\n0\r\nFoo bar\r\n\r\n"), CHUNKED_DONE, RAW("hi"), ALL,
	    NULL },
	{ RAW("2\r\nhi\r\n0\r\nFoo: b\rar\r\n\r\n"), CHUNKED_DONE, RAW("hi"),
	    ALL, NULL },
	/* a second message follows: used stops exactly at the end */
	{ RAW("2\r\nhi\r\n0\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"), CHUNKED_DONE,
	    RAW("hi"), 12, NULL },
	{ RAW("2\r\nhi\r\n0\r\nA: b\r\n\r\n2\r\nhi\r\n0\r\n\r\n"), CHUNKED_DONE,
	    RAW("hi"), 18, NULL },
	{ RAW("2\nhi\n0\n\n\n"), CHUNKED_DONE, RAW("hi"), 8, NULL },
	/* a size one too big eats the CR; the bare LF then ends the data */
	{ RAW("3\r\nhi\r\n0\r\n\r\n"), CHUNKED_DONE, RAW("hi\r"), ALL,
	    NULL },
	{ RAW("0\r\n\r\n\r\n"), CHUNKED_DONE, RAW(""), 5, NULL },

	/* the body goes on: all input used */
	{ RAW(""), CHUNKED_MORE, RAW(""), ALL, NULL },
	{ RAW("2"), CHUNKED_MORE, RAW(""), ALL, NULL },
	{ RAW("2\r\nh"), CHUNKED_MORE, RAW("h"), ALL, NULL },
	{ RAW("2\r\nhi\r\n"), CHUNKED_MORE, RAW("hi"), ALL, NULL },
	{ RAW("2\r\nhi\r\n0\r\n"), CHUNKED_MORE, RAW("hi"), ALL, NULL },
	{ RAW("2\r\nhi\r\n0\r\nFoo: bar\r\n"), CHUNKED_MORE, RAW("hi"), ALL,
	    NULL },
	{ RAW("2\r\nhi\r\n0\r\n\r"), CHUNKED_MORE, RAW("hi"), ALL, NULL },
	{ RAW("7fffffffffffffff\r\nhi"), CHUNKED_MORE, RAW("hi"), ALL, NULL },

	/* sizes curl refuses, with its words */
	{ RAW(" 2\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 0, WHEX },
	{ RAW("\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 0, WHEX },
	{ RAW(";ext\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 0, WHEX },
	{ RAW("-1\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 0, WHEX },
	{ RAW("2\r\nhi\r\nz\r\n\r\n"), CHUNKED_BAD, RAW("hi"), 7, WHEX },
	{ RAW("00000000000000002\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""),
	    16, WHEXLEN },
	{ RAW("10000000000000000\r\n"), CHUNKED_BAD, RAW(""), 16, WHEXLEN },
	{ RAW("ffffffffffffffff\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 15,
	    WRANGE },
	{ RAW("ffffffffffffffff0000\r\n"), CHUNKED_BAD, RAW(""), 15, WRANGE },
	{ RAW("8000000000000000\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 15,
	    WRANGE },
	/* stricter than curl, which skips anything after the digits */
	{ RAW("2x\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 1, WHEX },
	{ RAW("0x2\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 1, WHEX },
	{ RAW("2\r\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 2, WCRLF },
	{ RAW("2\rX\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 2, WCRLF },
	{ RAW("2;a\rb\r\nhi\r\n0\r\n\r\n"), CHUNKED_BAD, RAW(""), 4, WCRLF },
	/* no CRLF after the data: curl refuses too */
	{ RAW("2\r\nhiX\r\n0\r\n\r\n"), CHUNKED_BAD, RAW("hi"), 5, WCRLF },
	{ RAW("2\r\nhi0\r\n\r\n"), CHUNKED_BAD, RAW("hi"), 5, WCRLF },
	{ RAW("2\r\nhi\rX0\r\n\r\n"), CHUNKED_BAD, RAW("hi"), 6, WCRLF },
	{ RAW("2\r\nhi\r\n0\r\n\rX"), CHUNKED_BAD, RAW("hi"), 11, WCRLF },
};

/* A small fixed-seed generator: the same splits on every run. */
static uint32_t
rnd(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

struct result {
	enum chunked_rc	 rc;
	size_t		 consumed;	/* sum of *used */
	char		*out;
	size_t		 outlen;
	uint64_t	 total;
	const char	*why;
	int		 sane;		/* used, spans within bounds */
};

enum { WHOLE, BYTES, RANDOM };

static size_t
piece_len(int mode, size_t left, uint32_t *seed)
{
	size_t	 n;

	if (mode == WHOLE)
		return left;
	if (mode == BYTES)
		return left < 1 ? left : 1;
	n = 1 + rnd(seed) % ((rnd(seed) & 1) ? 7 : 300);
	return n < left ? n : left;
}

/*
 * Feed raw in pieces, each copied to end at a guard page, calling again
 * after every CHUNKED_OUT.  Stops at DONE or BAD, or when the input is
 * used up (MORE).
 */
static void
run(const char *raw, size_t n, int mode, uint32_t seed, struct result *res)
{
	struct tap_guard	 g;
	struct chunked		 c;
	struct span		 out;
	char			*end;
	const char		*q;
	size_t			 len, pos, used;
	enum chunked_rc		 rc = CHUNKED_MORE;

	memset(res, 0, sizeof(*res));
	res->sane = 1;
	if ((res->out = malloc(n + 1)) == NULL)
		abort();
	end = tap_guard(&g, raw, n) + n;
	chunked_init(&c);
	do {
		len = piece_len(mode, n - res->consumed, &seed);
		memcpy(end - len, raw + res->consumed, len);
		q = end - len;
		pos = 0;
		for (;;) {
			rc = chunked_feed(&c, q + pos, len - pos, &used, &out);
			if (used > len - pos)
				res->sane = 0;
			if (rc != CHUNKED_OUT)
				break;
			if (used == 0 || out.n == 0 || out.p < q + pos ||
			    out.p + out.n != q + pos + used)
				res->sane = 0;
			memcpy(res->out + res->outlen, out.p, out.n);
			res->outlen += out.n;
			pos += used;
		}
		pos += used;
		res->consumed += pos;
		if (rc == CHUNKED_MORE && pos != len)
			res->sane = 0;
	} while (rc == CHUNKED_MORE && res->consumed < n);
	res->rc = rc;
	res->total = c.total;
	res->why = c.why;
	/* finished is finished: DONE and BAD stay put and take nothing */
	if (rc == CHUNKED_DONE || rc == CHUNKED_BAD) {
		len = n - res->consumed;
		memcpy(end - len, raw + res->consumed, len);
		if (chunked_feed(&c, end - len, len, &used, &out) != rc ||
		    used != 0 || out.n != 0)
			res->sane = 0;
	}
	tap_guard_free(&g);
}

static const char *const mode_name[] = { "whole", "bytes", "random" };

static void
check(const struct crow *r, const char *tag)
{
	struct result	 res;
	size_t		 want_used = r->used == ALL ? r->rawlen : r->used;
	int		 mode, trial, ntrials;

	for (mode = WHOLE; mode <= RANDOM; mode++) {
		ntrials = mode == RANDOM ? 20 : 1;
		for (trial = 0; trial < ntrials; trial++) {
			run(r->raw, r->rawlen, mode, 42u + (uint32_t)trial,
			    &res);
			TAP_OK(res.rc == r->rc && res.consumed == want_used &&
			    res.outlen == r->outlen && res.sane &&
			    memcmp(res.out, r->out, r->outlen) == 0 &&
			    res.total == r->outlen,
			    "%s %s#%d: rc %d used %zu out %zu total %llu "
			    "sane %d, want rc %d used %zu out %zu", tag,
			    mode_name[mode], trial, res.rc, res.consumed,
			    res.outlen, (unsigned long long)res.total,
			    res.sane, r->rc, want_used, r->outlen);
			if (r->rc == CHUNKED_BAD)
				TAP_OK(res.why != NULL && r->why != NULL &&
				    strcmp(res.why, r->why) == 0,
				    "%s %s#%d: why %s", tag, mode_name[mode],
				    trial, res.why ? res.why : "(null)");
			else
				TAP_OK(res.why == NULL, "%s: why set", tag);
			free(res.out);
		}
	}
}

/* Rows built at run time: big data, endless extensions and trailers. */
static void
big_rows(void)
{
	struct crow	 r;
	char		*p, *o;
	size_t		 n, i, at;

	/* 64 KiB of data in one chunk, then a second message */
	n = 7 + 65536 + 2 + 5 + 4;
	p = malloc(n);
	o = malloc(65536);
	if (p == NULL || o == NULL)
		abort();
	for (i = 0; i < 65536; i++)
		o[i] = (char)(i * 7 + (i >> 8));
	memcpy(p, "10000\r\n", 7);
	memcpy(p + 7, o, 65536);
	memcpy(p + 7 + 65536, "\r\n0\r\n\r\nNEXT", 11);
	r = (struct crow){ p, n, CHUNKED_DONE, o, 65536, n - 4, NULL };
	check(&r, "64 KiB chunk");
	free(o);
	free(p);

	/* one endless extension: HG_MAX_CHUNK_EXT bytes pass, one more not */
	n = HG_MAX_CHUNK_EXT + 100;
	if ((p = malloc(n)) == NULL)
		abort();
	memset(p, 'e', n);
	memcpy(p, "2;", 2);
	r = (struct crow){ p, n, CHUNKED_BAD, "", 0, HG_MAX_CHUNK_EXT + 1,
	    WEXT };
	check(&r, "endless extension");
	memcpy(p + HG_MAX_CHUNK_EXT + 1, "\r\nhi\r\n0\r\n\r\n", 11);
	r = (struct crow){ p, HG_MAX_CHUNK_EXT + 12, CHUNKED_DONE, "hi", 2,
	    ALL, NULL };
	check(&r, "extension at the cap");
	free(p);

	/* extensions count over all chunks */
	n = 0;
	if ((p = malloc(HG_MAX_CHUNK_EXT * 2)) == NULL)
		abort();
	at = 0;
	while (n < HG_MAX_CHUNK_EXT + 2000) {
		memcpy(p + n, "1;", 2);
		memset(p + n + 2, 'x', 997);
		memcpy(p + n + 999, "\r\nZ\r\n", 5);
		if (at == 0 && (n / 1004 + 1) * 998 > HG_MAX_CHUNK_EXT)
			at = n + 1 + (HG_MAX_CHUNK_EXT - (n / 1004) * 998);
		n += 1004;
	}
	if ((o = malloc(n / 1004)) == NULL)
		abort();
	memset(o, 'Z', n / 1004);
	r = (struct crow){ p, n, CHUNKED_BAD, o, (at / 1004), at, WEXT };
	check(&r, "extensions over many chunks");
	free(o);
	free(p);

	/* endless trailers */
	n = 3 + HG_MAX_TRAILERS + 100;
	if ((p = malloc(n)) == NULL)
		abort();
	memcpy(p, "0\r\n", 3);
	for (i = 3; i + 10 <= n; i += 10)
		memcpy(p + i, "X: yyyy\r\n", 10);
	memset(p + i, 'y', n - i);
	r = (struct crow){ p, n, CHUNKED_BAD, "", 0, 3 + HG_MAX_TRAILERS,
	    WTRAIL };
	check(&r, "endless trailers");
	/* a trailer section of exactly the cap, its empty line included */
	memset(p + 3, 'y', HG_MAX_TRAILERS);
	memcpy(p + 3, "X: ", 3);
	memcpy(p + 3 + HG_MAX_TRAILERS - 4, "\r\n\r\n", 4);
	r = (struct crow){ p, 3 + HG_MAX_TRAILERS, CHUNKED_DONE, "", 0, ALL,
	    NULL };
	check(&r, "trailers at the cap");
	free(p);
}

int
main(void)
{
	char	 tag[32];
	size_t	 i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		snprintf(tag, sizeof(tag), "row %zu", i);
		check(&rows[i], tag);
	}
	big_rows();
	return tap_done();
}
