/*
 * tests/fuzz/fuzz_chunked.c: the chunked decoder (RFC 9112 §7.1) must give
 * the same decoded bytes, the same answer and the same end of body however
 * the network splits its input: whole, byte by byte, or at split points
 * the fuzzer picks (the first 8 input bytes seed them).  Each piece is an
 * exact-size copy so ASan sees a read past it; total counts what came out.
 */
#include "fuzz.h"

#include "head.h"

struct run {
	enum chunked_rc	 rc;		/* the last answer: MORE, DONE or BAD */
	size_t		 end;		/* input bytes used when it came */
	char		*out;		/* decoded bytes */
	size_t		 outlen;
	uint64_t	 total;
	const char	*why;
};

/* Feed one piece until it is used up, the body ends, or it is bad. */
static int
feed(struct chunked *c, struct run *r, const char *piece, size_t n)
{
	struct span	 out;
	size_t		 used, off = 0;
	enum chunked_rc	 rc;
	int		 spins = 0;

	for (;;) {
		rc = chunked_feed(c, piece + off, n - off, &used, &out);
		FUZZ_CHECK(used <= n - off);
		if (rc == CHUNKED_OUT) {
			FUZZ_CHECK(out.p >= piece + off && out.p + out.n <=
			    piece + off + used);
			FUZZ_CHECK(out.n > 0 || used > 0);
			memcpy(r->out + r->outlen, out.p, out.n);
			r->outlen += out.n;
		}
		off += used;
		r->end += used;
		if (rc == CHUNKED_MORE)
			FUZZ_CHECK(off == n);
		if (rc != CHUNKED_OUT) {
			r->rc = rc;
			r->why = c->why;
			return rc == CHUNKED_MORE;
		}
		FUZZ_CHECK(++spins <= 1000000);
	}
}

/* Decode data cut at the sizes step() gives. */
static void
decode(struct run *r, const uint8_t *data, size_t size,
    size_t (*step)(uint64_t *), uint64_t seed)
{
	struct chunked	 c;
	size_t		 off = 0, n;
	char		*piece;

	memset(r, 0, sizeof(*r));
	if ((r->out = malloc(size > 0 ? size : 1)) == NULL)
		abort();
	chunked_init(&c);
	r->rc = CHUNKED_MORE;
	while (off < size) {
		n = step(&seed);
		if (n > size - off)
			n = size - off;
		if ((piece = malloc(n)) == NULL)
			abort();
		memcpy(piece, data + off, n);
		off += n;
		if (!feed(&c, r, piece, n)) {
			free(piece);
			break;
		}
		free(piece);
	}
	r->total = c.total;
	FUZZ_CHECK(r->total == r->outlen);
}

static size_t
step_whole(uint64_t *s)
{
	(void)s;
	return SIZE_MAX;
}

static size_t
step_byte(uint64_t *s)
{
	(void)s;
	return 1;
}

/* xorshift64: any pieces of 1..64 bytes, repeatable from the seed. */
static size_t
step_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (size_t)(*s % 64) + 1;
}

static void
same(const struct run *a, const struct run *b)
{
	FUZZ_CHECK(a->rc == b->rc);
	FUZZ_CHECK(fuzz_streq(a->why, b->why));
	FUZZ_CHECK(a->outlen == b->outlen &&
	    memcmp(a->out, b->out, a->outlen) == 0);
	if (a->rc == CHUNKED_DONE)
		FUZZ_CHECK(a->end == b->end);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run	 whole, bytes, cut;
	uint64_t	 seed = 0x9e3779b97f4a7c15ULL;
	size_t		 i;

	for (i = 0; i < 8 && i < size; i++)
		seed = seed * 131 + data[i];
	if (size >= 8) {
		data += 8;
		size -= 8;
	}
	decode(&whole, data, size, step_whole, 0);
	decode(&bytes, data, size, step_byte, 0);
	decode(&cut, data, size, step_random, seed | 1);
	same(&whole, &bytes);
	same(&whole, &cut);
	free(whole.out);
	free(bytes.out);
	free(cut.out);
	return 0;
}
