/*
 * tests/fuzz/fuzz_decode.c: the content-coding chain (src/decode.c) must
 * give the same answer however the network splits a body: whole, byte by
 * byte, or in pieces the fuzzer picks.
 *
 * Input: byte 0 picks the chain (bits 0-1 the coding undone last, bits 2-4
 * one undone before it or none, bits 5-7 max_out), bytes 1-8 seed the
 * pieces, the rest is the encoded body.  Invariants: the same code every
 * way; on success the same bytes, on failure bytes that are prefixes of
 * each other (brotli and zstd may hold a corrupt stream's good part back)
 * and, with one coding, the same message unless one run hit max_out
 * first; never a byte past max_out, never an empty piece or one over
 * HG_DECODE_BUF, and decode_total always counts what came out.  Each
 * piece is an exact-size copy so ASan sees a read past it.
 */
#include "fuzz.h"

#include "decode.h"
#include "limits.h"

#define CAP_PREFIX	"Decoded body exceeds"

static const char *codings[] = { "gzip", "deflate", "br", "zstd" };

/* Never 0: without a cap a 100-byte bomb is a gigabyte. */
static const uint64_t caps[] = { 1 << 20, 1, 17, 4096, HG_DECODE_BUF - 1,
    HG_DECODE_BUF, HG_DECODE_BUF + 1, 300000 };

struct run {
	enum herr	 rc;
	char		 msg[512];
	char		*out;		/* max_out bytes */
	size_t		 outlen;
	uint64_t	 max_out;
};

static enum herr
collect(void *arg, const char *p, size_t n, struct hg_err *e)
{
	struct run	*r = arg;

	(void)e;
	FUZZ_CHECK(n > 0 && n <= HG_DECODE_BUF);
	FUZZ_CHECK(n <= r->max_out - r->outlen);
	memcpy(r->out + r->outlen, p, n);
	r->outlen += n;
	return HERR_OK;
}

static size_t
step(int how, uint64_t *s)
{
	if (how == 0)
		return SIZE_MAX;
	if (how == 1)
		return 1;
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (size_t)(*s % 256) + 1;
}

static void
decode(struct run *r, const char *ce, uint64_t max_out, const uint8_t *data,
    size_t size, int how, uint64_t seed)
{
	struct decoder	*d;
	struct hg_err	 e;
	size_t		 off = 0, n;
	char		*piece;
	enum herr	 rc;

	memset(r, 0, sizeof(*r));
	memset(&e, 0, sizeof(e));
	r->max_out = max_out;
	if ((r->out = malloc(max_out)) == NULL)
		abort();
	rc = decode_new(&d, ce, strlen(ce), max_out, NULL, 0, &e);
	FUZZ_CHECK(rc == HERR_OK && d != NULL);
	while (rc == HERR_OK && off < size) {
		n = step(how, &seed);
		if (n > size - off)
			n = size - off;
		if ((piece = malloc(n)) == NULL)
			abort();
		memcpy(piece, data + off, n);
		rc = decode_feed(d, piece, n, collect, r, &e);
		free(piece);
		off += n;
		FUZZ_CHECK(decode_total(d) == r->outlen);
	}
	if (rc == HERR_OK)
		rc = decode_finish(d, collect, r, &e);
	FUZZ_CHECK(decode_total(d) == r->outlen);
	FUZZ_CHECK(rc == HERR_OK || rc == HERR_BAD_CONTENT_ENCODING ||
	    rc == HERR_WRITE_ERROR || rc == HERR_OUT_OF_MEMORY);
	r->rc = rc;
	if (rc != HERR_OK)
		memcpy(r->msg, e.msg, sizeof(r->msg));
	decode_free(d);
}

static int
is_cap(const struct run *r)
{
	return strncmp(r->msg, CAP_PREFIX, strlen(CAP_PREFIX)) == 0;
}

/*
 * In a stack, which stage finds its fault first depends on when the outer
 * one lets its bytes go, so only the code is the same there.
 */
static void
same(const struct run *a, const struct run *b, int stacked)
{
	size_t	 n = a->outlen < b->outlen ? a->outlen : b->outlen;

	FUZZ_CHECK(a->rc == b->rc);
	if (a->rc == HERR_OK)
		FUZZ_CHECK(a->outlen == b->outlen);
	FUZZ_CHECK(n == 0 || memcmp(a->out, b->out, n) == 0);
	if (!stacked && !is_cap(a) && !is_cap(b))
		FUZZ_CHECK(strcmp(a->msg, b->msg) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run	 whole, bytes, cut;
	char		 ce[32];
	uint64_t	 seed = 0x9e3779b97f4a7c15ULL, max_out;
	unsigned	 pick;
	size_t		 i;
	int		 stacked;

	if (size < 1)
		return 0;
	pick = data[0];
	if ((stacked = ((pick >> 2) & 7) < 4))
		snprintf(ce, sizeof(ce), "%s, %s", codings[pick & 3],
		    codings[(pick >> 2) & 3]);
	else
		snprintf(ce, sizeof(ce), "%s", codings[pick & 3]);
	max_out = caps[(pick >> 5) & 7];
	data++;
	size--;
	for (i = 0; i < 8 && i < size; i++)
		seed = seed * 131 + data[i];
	if (size >= 8) {
		data += 8;
		size -= 8;
	}
	decode(&whole, ce, max_out, data, size, 0, 0);
	decode(&bytes, ce, max_out, data, size, 1, 0);
	decode(&cut, ce, max_out, data, size, 2, seed | 1);
	same(&whole, &bytes, stacked);
	same(&whole, &cut, stacked);
	free(whole.out);
	free(bytes.out);
	free(cut.out);
	return 0;
}
