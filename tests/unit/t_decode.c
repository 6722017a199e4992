/*
 * tests/unit/t_decode.c: content-coding stages (src/decode.c).
 *
 * gzip, deflate and zstd streams are made here with zlib and libzstd; br
 * streams come from tests/data/enc-*.br, made once with libbrotlienc's
 * BrotliEncoderCompress (quality 11, lgwin 22; enc-gzip-br.br quality 5,
 * lgwin 16, over python3's gzip.compress(text(), mtime=0)), since the
 * build links only the brotli decoder.  text() below is their plain text;
 * enc-bad-*.br are inputs the fuzzer found (test_fuzz_finds).
 * Every case runs fed whole (ending at a guard page), byte by byte and in
 * random pieces, and must give the same code, message and bytes each way
 * (from a corrupt stream, some prefix of its good part: expect_bad).
 */
#define ZLIB_CONST

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zlib.h>
#include <zstd.h>

#include "decode.h"
#include "limits.h"
#include "tap.h"

#define DATA		"tests/data/"
#define TEXT_LINES	10000

#define WTRUNC		"Error while processing content unencoding: " \
			"unexpected end of "
#define WCAP		"Decoded body exceeds --max-decoded-size of "
#define WAFTER		"Failed writing received data to disk/application"

struct bytes {
	unsigned char	*p;
	size_t		 n;
};

/* What one run of the decoder gave. */
struct result {
	enum herr	 rc;
	char		 msg[512];
	struct bytes	 out;
	size_t		 cap;
	uint64_t	 total;
	size_t		 calls;		/* out calls */
	size_t		 biggest;	/* largest piece handed out */
	size_t		 fail_after;	/* out fails on this call (0: never) */
};

enum split { SPLIT_WHOLE, SPLIT_BYTES, SPLIT_RANDOM };

static const char *split_names[] = { "whole", "bytes", "random" };

static void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n > 0 ? n : 1)) == NULL) {
		perror("malloc");
		exit(2);
	}
	return p;
}

static void
bytes_add(struct bytes *b, size_t *cap, const void *p, size_t n)
{
	unsigned char	*q;

	if (n == 0)
		return;
	if (n > *cap - b->n) {
		*cap = (b->n + n) * 2;
		if ((q = realloc(b->p, *cap)) == NULL) {
			perror("realloc");
			exit(2);
		}
		b->p = q;
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static struct bytes
bytes_cat(struct bytes a, struct bytes b)
{
	struct bytes	 c = { NULL, 0 };
	size_t		 cap = 0;

	bytes_add(&c, &cap, a.p, a.n);
	bytes_add(&c, &cap, b.p, b.n);
	return c;
}

static struct bytes
bytes_of(const char *s)
{
	struct bytes	 b = { NULL, 0 };
	size_t		 cap = 0;

	bytes_add(&b, &cap, s, strlen(s));
	return b;
}

static struct bytes
bytes_cut(struct bytes a, size_t n)
{
	struct bytes	 b = { NULL, 0 };
	size_t		 cap = 0;

	bytes_add(&b, &cap, a.p, n < a.n ? n : a.n);
	return b;
}

/* The plain text of enc-text.br: 560,000 bytes, many 64 KiB buffers. */
static struct bytes
text(void)
{
	struct bytes	 b = { NULL, 0 };
	size_t		 cap = 0;
	char		 line[80];
	int		 i, n;

	for (i = 0; i < TEXT_LINES; i++) {
		n = snprintf(line, sizeof(line),
		    "line %05d: the quick brown fox jumps over the lazy dog\n",
		    i);
		bytes_add(&b, &cap, line, (size_t)n);
	}
	return b;
}

/* Bytes deflate cannot shrink: stored blocks, and runs past a window. */
static struct bytes
noise(size_t n)
{
	struct bytes	 b = { xmalloc(n), n };
	uint64_t	 s = 88172645463325252ULL;
	size_t		 i;

	for (i = 0; i < n; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		b.p[i] = (unsigned char)s;
	}
	return b;
}

static struct bytes
slurp(const char *name)
{
	struct bytes	 b = { NULL, 0 };
	size_t		 cap = 0, n;
	char		 path[256], chunk[4096];
	FILE		*fp;

	snprintf(path, sizeof(path), DATA "%s", name);
	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		exit(2);
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		bytes_add(&b, &cap, chunk, n);
	fclose(fp);
	return b;
}

/* windowbits: 16+15 gzip, 15 zlib, -15 raw deflate. */
static struct bytes
zcompress(struct bytes in, int windowbits)
{
	struct bytes	 b;
	z_stream	 z;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, windowbits, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		exit(2);
	b.n = deflateBound(&z, in.n) + 32;
	b.p = xmalloc(b.n);
	z.next_in = in.p;
	z.avail_in = (uInt)in.n;
	z.next_out = b.p;
	z.avail_out = (uInt)b.n;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		exit(2);
	b.n = z.total_out;
	deflateEnd(&z);
	return b;
}

static struct bytes
gz(struct bytes in)
{
	return zcompress(in, 16 + MAX_WBITS);
}

static struct bytes
zl(struct bytes in)
{
	return zcompress(in, MAX_WBITS);
}

static struct bytes
raw(struct bytes in)
{
	return zcompress(in, -MAX_WBITS);
}

/* With a checksum, so a flipped byte is always caught. */
static struct bytes
zst(struct bytes in)
{
	struct bytes	 b;
	ZSTD_CCtx	*c = ZSTD_createCCtx();

	b.n = ZSTD_compressBound(in.n);
	b.p = xmalloc(b.n);
	ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);
	b.n = ZSTD_compress2(c, b.p, b.n, in.p, in.n);
	if (ZSTD_isError(b.n))
		exit(2);
	ZSTD_freeCCtx(c);
	return b;
}

/* A zstd frame with no content whose header asks for a 2^log window. */
static struct bytes
zst_window(int log)
{
	unsigned char	 f[] = { 0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00,
			    0x01, 0x00, 0x00 };
	struct bytes	 b = { NULL, 0 };
	size_t		 cap = 0;

	/* RFC 8878 §3.1.1.1.2: Exponent in the top 5 bits, minus 10 */
	f[5] = (unsigned char)((log - 10) << 3);
	bytes_add(&b, &cap, f, sizeof(f));
	return b;
}

static enum herr
collect(void *arg, const char *p, size_t n, struct hg_err *e)
{
	struct result	*r = arg;

	r->calls++;
	if (n > r->biggest)
		r->biggest = n;
	if (n == 0)
		return hg_fail(e, HERR_WRITE_ERROR, "empty piece");
	if (r->fail_after != 0 && r->calls >= r->fail_after)
		return hg_fail(e, HERR_WRITE_ERROR, "sink says no");
	bytes_add(&r->out, &r->cap, p, n);
	return HERR_OK;
}

static size_t
piece(enum split how, uint64_t *seed)
{
	if (how == SPLIT_WHOLE)
		return SIZE_MAX;
	if (how == SPLIT_BYTES)
		return 1;
	*seed ^= *seed << 13;
	*seed ^= *seed >> 7;
	*seed ^= *seed << 17;
	return (size_t)(*seed % 700) + 1;
}

/*
 * Whole: the input ends at a guard page.  Pieces: each an exact-size
 * heap copy, which the sanitizer build guards.
 */
static enum herr
feed_all(struct decoder *d, struct bytes in, enum split how,
    struct result *r, struct hg_err *e)
{
	struct tap_guard g;
	uint64_t	 seed = 0x2545f4914f6cdd1dULL;
	size_t		 off = 0, n;
	char		*p;
	enum herr	 rc = HERR_OK;

	if (how == SPLIT_WHOLE) {
		p = tap_guard(&g, in.n > 0 ? (const void *)in.p : "", in.n);
		rc = decode_feed(d, p, in.n, collect, r, e);
		tap_guard_free(&g);
		return rc;
	}
	while (off < in.n && rc == HERR_OK) {
		n = piece(how, &seed);
		if (n > in.n - off)
			n = in.n - off;
		p = xmalloc(n);
		memcpy(p, in.p + off, n);
		rc = decode_feed(d, p, n, collect, r, e);
		free(p);
		off += n;
	}
	return rc;
}

static void
run(const char *ce, struct bytes in, uint64_t max_out, enum split how,
    struct result *r)
{
	struct decoder	*d;
	struct hg_err	 e;
	char		 unknown[32];
	enum herr	 rc;

	memset(&e, 0, sizeof(e));
	rc = decode_new(&d, ce, strlen(ce), max_out, unknown, sizeof(unknown),
	    &e);
	if (rc == HERR_OK && d == NULL)
		rc = hg_fail(&e, HERR__COUNT, "no decoder");
	if (rc == HERR_OK)
		rc = feed_all(d, in, how, r, &e);
	if (rc == HERR_OK)
		rc = decode_finish(d, collect, r, &e);
	r->rc = rc;
	strlcpy(r->msg, rc == HERR_OK ? "" : e.msg, sizeof(r->msg));
	r->total = decode_total(d);
	decode_free(d);
}

static void
result_free(struct result *r)
{
	free(r->out.p);
	memset(r, 0, sizeof(*r));
}

/*
 * Decode in every split; each must give rc, a message starting with msg
 * (NULL: none), and exactly the bytes want, or when not exact, a prefix
 * of them: after a corrupt byte, how much of the good part came out first
 * may depend on the split (brotli and zstd hold decoded bytes back).
 */
static void
expect_run(const char *what, const char *ce, struct bytes in,
    uint64_t max_out, enum herr rc, const char *msg, struct bytes want,
    int exact)
{
	struct result	 r;
	int		 how;

	for (how = SPLIT_WHOLE; how <= SPLIT_RANDOM; how++) {
		memset(&r, 0, sizeof(r));
		run(ce, in, max_out, how, &r);
		TAP_OK(r.rc == rc, "%s [%s] %s: rc %d, want %d (%s)", what, ce,
		    split_names[how], r.rc, rc, r.msg);
		TAP_OK(msg == NULL ? r.msg[0] == '\0' :
		    strncmp(r.msg, msg, strlen(msg)) == 0,
		    "%s [%s] %s: message \"%s\", want \"%s\"", what, ce,
		    split_names[how], r.msg, msg != NULL ? msg : "");
		TAP_OK((exact ? r.out.n == want.n : r.out.n <= want.n) &&
		    (r.out.n == 0 || memcmp(r.out.p, want.p, r.out.n) == 0),
		    "%s [%s] %s: %zu bytes out, want %zu", what, ce,
		    split_names[how], r.out.n, want.n);
		TAP_OK(r.total == r.out.n, "%s: decode_total %llu, out %zu",
		    what, (unsigned long long)r.total, r.out.n);
		TAP_OK(r.biggest <= HG_DECODE_BUF, "%s: a piece of %zu bytes",
		    what, r.biggest);
		result_free(&r);
	}
}

static void
expect(const char *what, const char *ce, struct bytes in, uint64_t max_out,
    enum herr rc, const char *msg, struct bytes want)
{
	expect_run(what, ce, in, max_out, rc, msg, want, 1);
}

/* A corrupt stream: the bytes out are some prefix of want. */
static void
expect_bad(const char *what, const char *ce, struct bytes in,
    const char *msg, struct bytes want)
{
	expect_run(what, ce, in, 0, HERR_BAD_CONTENT_ENCODING, msg, want, 0);
}

static void
expect_ok(const char *what, const char *ce, struct bytes in, struct bytes want)
{
	expect(what, ce, in, 0, HERR_OK, NULL, want);
}

static void
test_parse(void)
{
	static const struct {
		const char	*value;
		enum herr	 rc;
		int		 decoder;
		const char	*unknown;
	} rows[] = {
		{ "", HERR_OK, 0, "" },
		{ " \t ", HERR_OK, 0, "" },
		{ ",, ,", HERR_OK, 0, "" },
		{ "identity", HERR_OK, 0, "" },
		{ " IDENTITY ,identity", HERR_OK, 0, "" },
		{ "gzip", HERR_OK, 1, "" },
		{ "x-gzip", HERR_OK, 1, "" },
		{ "GZip", HERR_OK, 1, "" },
		{ "\tgzip ", HERR_OK, 1, "" },
		{ ", gzip ,,", HERR_OK, 1, "" },
		{ "Deflate", HERR_OK, 1, "" },
		{ "BR", HERR_OK, 1, "" },
		{ "zStd", HERR_OK, 1, "" },
		{ "identity, gzip, identity", HERR_OK, 1, "" },
		{ "foo", HERR_OK, 0, "foo" },
		{ "gzip, foo", HERR_OK, 0, "foo" },
		{ "foo, bar", HERR_OK, 0, "foo" },
		{ "compress", HERR_OK, 0, "compress" },
		{ "gzip;q=1", HERR_OK, 0, "gzip;q=1" },
		{ "gzi", HERR_OK, 0, "gzi" },
		{ "gzipp", HERR_OK, 0, "gzipp" },
		{ "g zip", HERR_OK, 0, "g zip" },
		{ "chunked", HERR_OK, 0, "chunked" },
		{ "a-very-long-coding-name-that-does-not-fit", HERR_OK, 0,
		    "a-very-l" },
		{ "gzip, gzip, gzip, gzip, gzip", HERR_OK, 1, "" },
		{ "gzip,,gzip, ,gzip,gzip,gzip,", HERR_OK, 1, "" },
		/* curl counts identity and unknown names too */
		{ "gzip, gzip, gzip, gzip, gzip, gzip",
		    HERR_BAD_CONTENT_ENCODING, 0, "" },
		{ "identity,identity,identity,identity,identity,identity",
		    HERR_BAD_CONTENT_ENCODING, 0, "" },
		{ "gzip, gzip, gzip, gzip, gzip, foo",
		    HERR_BAD_CONTENT_ENCODING, 0, "" },
	};
	struct decoder	*d;
	struct hg_err	 e;
	char		 unknown[9];
	enum herr	 rc;
	size_t		 i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		memset(&e, 0, sizeof(e));
		memset(unknown, 'X', sizeof(unknown));
		d = (struct decoder *)&e;	/* must be overwritten */
		rc = decode_new(&d, rows[i].value, strlen(rows[i].value), 0,
		    unknown, sizeof(unknown), &e);
		TAP_OK(rc == rows[i].rc, "parse \"%s\": rc %d", rows[i].value,
		    rc);
		TAP_OK((d != NULL) == rows[i].decoder, "parse \"%s\": decoder",
		    rows[i].value);
		TAP_OK(strcmp(unknown, rows[i].unknown) == 0,
		    "parse \"%s\": unknown \"%.9s\"", rows[i].value, unknown);
		if (rc != HERR_OK)
			TAP_OK(strcmp(e.msg, "Reject response due to more "
			    "than 5 content encodings") == 0,
			    "parse \"%s\": \"%s\"", rows[i].value, e.msg);
		decode_free(d);
	}
	/* the value is (p, len): nothing past len is read */
	rc = decode_new(&d, "gzip, foo", 4, 0, unknown, sizeof(unknown), &e);
	TAP_OK(rc == HERR_OK && d != NULL, "value ends at len");
	decode_free(d);
	rc = decode_new(&d, "foo", 3, 0, NULL, 0, &e);
	TAP_OK(rc == HERR_OK && d == NULL, "unknown without a buffer");
	decode_free(NULL);
	TAP_OK(decode_total(NULL) == 0, "decode_total(NULL)");
	TAP_OK(strcmp(decode_accept, "deflate, gzip, br, zstd") == 0,
	    "decode_accept is curl's");
}

static void
test_codings(void)
{
	struct bytes	 hello = bytes_of("hello, brotli\n"), t = text();
	struct bytes	 empty = { NULL, 0 }, nz = noise(300 * 1024);
	struct bytes	 s[6];
	size_t		 i;

	expect_ok("gzip", "gzip", s[0] = gz(t), t);
	expect_ok("x-gzip", "x-gzip", s[1] = gz(nz), nz);
	/* curl's gzip takes a zlib stream too (zlib's header detection) */
	expect_ok("gzip of zlib", "gzip", s[2] = zl(hello), hello);
	expect_ok("deflate zlib", "deflate", s[3] = zl(t), t);
	expect_ok("deflate raw", "deflate", s[4] = raw(t), t);
	expect_ok("zstd", "zstd", s[5] = zst(t), t);
	for (i = 0; i < 6; i++)
		free(s[i].p);
	expect_ok("deflate raw noise", "deflate", s[0] = raw(nz), nz);
	expect_ok("zstd noise", "zstd", s[1] = zst(nz), nz);
	expect_ok("gzip empty", "gzip", s[2] = gz(empty), empty);
	expect_ok("deflate empty", "deflate", s[3] = zl(empty), empty);
	expect_ok("raw empty", "deflate", s[4] = raw(empty), empty);
	expect_ok("zstd empty", "zstd", s[5] = zst(empty), empty);
	for (i = 0; i < 6; i++)
		free(s[i].p);
	expect_ok("br", "br", s[0] = slurp("enc-hello.br"), hello);
	expect_ok("br text", "br", s[1] = slurp("enc-text.br"), t);
	expect_ok("br empty", "br", s[2] = slurp("enc-empty.br"), empty);
	for (i = 0; i < 3; i++)
		free(s[i].p);
	/* an empty body has no stream to end, as curl sees it */
	expect_ok("no body", "gzip", empty, empty);
	expect_ok("no body stacked", "gzip, br, zstd", empty, empty);
	free(hello.p);
	free(t.p);
	free(nz.p);
}

typedef struct bytes (*encode_fn)(struct bytes);

static void
test_stacked(void)
{
	static const struct {
		const char	*name;
		encode_fn	 fn;
	} enc[] = {
		{ "gzip", gz }, { "deflate", zl }, { "zstd", zst },
	};
	struct bytes	 t = text(), one, two, br, s;
	char		 ce[64];
	size_t		 i, j;

	for (i = 0; i < 3; i++)
		for (j = 0; j < 3; j++) {
			one = enc[i].fn(t);
			two = enc[j].fn(one);
			snprintf(ce, sizeof(ce), "%s, %s", enc[i].name,
			    enc[j].name);
			expect_ok("stacked", ce, two, t);
			free(one.p);
			free(two.p);
		}
	expect_ok("gzip then br", "gzip, br", s = slurp("enc-gzip-br.br"), t);
	free(s.p);
	br = slurp("enc-text.br");
	for (i = 0; i < 3; i++) {
		s = enc[i].fn(br);
		snprintf(ce, sizeof(ce), "br,%s", enc[i].name);
		expect_ok("br then", ce, s, t);
		free(s.p);
	}
	/* five deep, identity ignored, raw deflate in the middle */
	one = gz(t);
	two = raw(one);
	free(one.p);
	one = zst(two);
	free(two.p);
	two = gz(one);
	free(one.p);
	one = zl(two);
	free(two.p);
	expect_ok("five deep", "gzip, Deflate ,zstd,x-gzip,deflate",
	    one, t);
	free(one.p);
	free(br.p);
	free(t.p);
}

/* Cut each stream short: finish must say so, and name the coding. */
static void
test_truncated(void)
{
	struct bytes	 t = text(), hello;
	struct bytes	 s[5], cut, want;
	static const char *ce[] = { "gzip", "deflate", "deflate", "zstd",
			    "br" };
	static const char *msg[] = { WTRUNC "gzip stream",
			    WTRUNC "deflate stream", WTRUNC "deflate stream",
			    WTRUNC "zstd stream", WTRUNC "br stream" };
	size_t		 i, k, at[4];
	struct result	 r;

	s[0] = gz(t);
	s[1] = zl(t);
	s[2] = raw(t);
	s[3] = zst(t);
	s[4] = slurp("enc-text.br");
	for (i = 0; i < 5; i++) {
		at[0] = 1;
		at[1] = s[i].n / 2;
		at[2] = s[i].n - 1;
		at[3] = 2;
		for (k = 0; k < 4; k++) {
			cut = bytes_cut(s[i], at[k]);
			/* the bytes out are whatever the cut piece holds */
			memset(&r, 0, sizeof(r));
			run(ce[i], cut, 0, SPLIT_WHOLE, &r);
			want = r.out;
			expect("truncated", ce[i], cut, 0,
			    HERR_BAD_CONTENT_ENCODING, msg[i], want);
			TAP_OK(want.n <= t.n && (want.n == 0 ||
			    memcmp(want.p, t.p, want.n) == 0),
			    "truncated %s at %zu: a prefix", ce[i], at[k]);
			result_free(&r);
			free(cut.p);
		}
		free(s[i].p);
	}
	/* the outer stream whole, the inner one cut */
	hello = bytes_of("hello, world\n");
	cut = gz(hello);
	cut.n -= 3;
	s[0] = zst(cut);
	expect("inner truncated", "gzip, zstd", s[0], 0,
	    HERR_BAD_CONTENT_ENCODING, WTRUNC "gzip stream", hello);
	free(s[0].p);
	free(cut.p);
	free(hello.p);
	free(t.p);
}

static void
test_corrupt(void)
{
	struct bytes	 hello = bytes_of("hello first\n"), empty = { NULL, 0 };
	struct bytes	 s;

	/* curl 7.88: "(61) Error while processing content unencoding: ..." */
	s = gz(hello);
	s.p[s.n - 6] ^= 0xff;		/* the CRC-32 */
	expect_bad("gzip crc", "gzip", s,
	    "Error while processing content unencoding: incorrect data check",
	    hello);
	free(s.p);
	s = bytes_of("\x1f\x8cxxxxxxxxxxxxxxxxxx");
	expect_bad("gzip header", "gzip", s,
	    "Error while processing content unencoding: incorrect header check",
	    empty);
	free(s.p);
	s = zl(hello);
	s.p[s.n - 1] ^= 0x01;		/* the Adler-32 */
	expect_bad("deflate adler", "deflate", s,
	    "Error while processing content unencoding: incorrect data check",
	    hello);
	free(s.p);
	/* a zlib header asking for a preset dictionary: curl's words */
	s = bytes_of("\x78\xbb\x01\x02\x03\x04");
	expect_bad("deflate dictionary", "deflate", s,
	    "Error while processing content unencoding: Unknown failure "
	    "within decompression software.", empty);
	free(s.p);
	/* not zlib, so raw deflate, and a reserved block type (RFC 1951) */
	s = bytes_of("\x07xgarbage");
	expect_bad("deflate garbage", "deflate", s,
	    "Error while processing content unencoding: invalid block type",
	    empty);
	free(s.p);
	s = bytes_of("\xff\x06\x80hello, brotli\n\x03");
	expect_bad("br corrupt", "br", s,
	    "Error while processing content unencoding: invalid brotli stream",
	    hello);
	free(s.p);
	s = zst(hello);
	s.p[s.n - 1] ^= 0x01;		/* the checksum */
	expect_bad("zstd checksum", "zstd", s,
	    "Error while processing content unencoding: ", hello);
	free(s.p);
	s = bytes_of("\x28\xb5\x2f\xfe nonsense");
	expect_bad("zstd magic", "zstd", s,
	    "Error while processing content unencoding: Unknown frame "
	    "descriptor", hello);
	free(s.p);
	free(hello.p);
}

/* After the end of a stream: curl 7.88's answers, measured. */
static void
test_trailing(void)
{
	struct bytes	 a = bytes_of("hello first\n");
	struct bytes	 b = bytes_of("second\n");
	struct bytes	 junk = bytes_of("GARBAGE"), four = bytes_of("1234");
	struct bytes	 five = bytes_of("12345"), one = bytes_of("X");
	struct bytes	 ga = gz(a), gb = gz(b), s, ab, x;

	/* two gzip members: the first decoded, then 23 */
	s = bytes_cat(ga, gb);
	expect("gzip members", "gzip", s, 0, HERR_WRITE_ERROR, WAFTER, a);
	free(s.p);
	s = bytes_cat(ga, junk);
	expect("gzip garbage", "gzip", s, 0, HERR_WRITE_ERROR, WAFTER, a);
	free(s.p);
	x = zl(a);
	s = bytes_cat(x, one);
	expect("zlib + 1", "deflate", s, 0, HERR_WRITE_ERROR, WAFTER, a);
	free(s.p);
	free(x.p);
	/* raw deflate: curl lets 4 stray bytes pass, not 5 */
	x = raw(a);
	s = bytes_cat(x, four);
	expect_ok("raw + 4", "deflate", s, a);
	free(s.p);
	s = bytes_cat(x, five);
	expect("raw + 5", "deflate", s, 0, HERR_WRITE_ERROR, WAFTER, a);
	free(s.p);
	free(x.p);
	x = slurp("enc-hello.br");
	s = bytes_cat(x, one);
	free(a.p);
	a = bytes_of("hello, brotli\n");
	expect("br + 1", "br", s, 0, HERR_WRITE_ERROR, WAFTER, a);
	free(s.p);
	free(x.p);
	/* zstd: several frames are one body; a stray byte a bad frame */
	free(ga.p);
	free(gb.p);
	ga = zst(a);
	gb = zst(b);
	s = bytes_cat(ga, gb);
	ab = bytes_cat(a, b);
	expect_ok("zstd frames", "zstd", s, ab);
	free(s.p);
	s = bytes_cat(ga, junk);
	expect("zstd garbage", "zstd", s, 0, HERR_BAD_CONTENT_ENCODING,
	    "Error while processing content unencoding: Unknown frame "
	    "descriptor", a);
	free(s.p);
	s = bytes_cat(ga, one);
	expect("zstd + 1", "zstd", s, 0, HERR_BAD_CONTENT_ENCODING,
	    WTRUNC "zstd stream", a);
	free(s.p);
	/* RFC 8878 §3.1.2: skippable frames carry nothing out */
	x = bytes_of("\x5a\x2a\x4d\x18\x03\x01\x01\x01");
	x.n = 8;
	memset(x.p + 5, 0, 3);		/* Frame_Size 3, little-endian */
	s = bytes_cat(x, junk);
	s.n = 11;			/* 3 bytes of user data */
	expect_ok("zstd skippable", "zstd", s, (struct bytes){ NULL, 0 });
	free(x.p);
	x = bytes_cat(s, ga);
	expect_ok("zstd skippable + frame", "zstd", x, a);
	free(x.p);
	x = bytes_cat(ga, s);
	expect_ok("zstd frame + skippable", "zstd", x, a);
	free(x.p);
	free(s.p);
	free(ab.p);
	free(ga.p);
	free(gb.p);
	free(a.p);
	free(b.p);
	free(junk.p);
	free(four.p);
	free(five.p);
	free(one.p);
}

/* max_out hands out exactly up to the cap, then fails. */
static void
test_cap(void)
{
	struct bytes	 t = text(), s, want;
	char		 msg[128];
	uint64_t	 caps[] = { 1, 100, HG_DECODE_BUF - 1, HG_DECODE_BUF,
			    HG_DECODE_BUF + 1, 3 * HG_DECODE_BUF };
	static const char *ce[] = { "gzip", "zstd", "br", "gzip, zstd" };
	size_t		 i, k;

	for (k = 0; k < 4; k++) {
		if (k == 2)
			s = slurp("enc-text.br");
		else if (k == 3) {
			want = gz(t);
			s = zst(want);
			free(want.p);
		} else
			s = k == 0 ? gz(t) : zst(t);
		expect_ok("cap = size", ce[k], s, t);
		expect("cap = size", ce[k], s, t.n, HERR_OK, NULL, t);
		expect("cap = size + 1", ce[k], s, t.n + 1, HERR_OK, NULL, t);
		for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
			want = bytes_cut(t, caps[i]);
			snprintf(msg, sizeof(msg), WCAP "%llu bytes",
			    (unsigned long long)caps[i]);
			expect("cap", ce[k], s, caps[i],
			    HERR_BAD_CONTENT_ENCODING, msg, want);
			free(want.p);
		}
		want = bytes_cut(t, t.n - 1);
		snprintf(msg, sizeof(msg), WCAP "%zu bytes", t.n - 1);
		expect("cap = size - 1", ce[k], s, t.n - 1,
		    HERR_BAD_CONTENT_ENCODING, msg, want);
		free(want.p);
		free(s.p);
	}
	free(t.p);
}

/*
 * Raw deflate of mib MiB of zeros without compressing them all: after a
 * full flush deflate forgets its history, so one flushed 1 MiB segment,
 * repeated, is a valid stream of any length (RFC 1951 §3.2.3: no block
 * in it is the last), then an empty last block ends it.
 */
static struct bytes
zeros_deflated(size_t mib)
{
	struct bytes	 zeros = { calloc(1 << 20, 1), 1 << 20 };
	struct bytes	 b = { NULL, 0 };
	unsigned char	 seg[8192], fin[64];
	size_t		 cap = 0, i, nseg;
	z_stream	 z;

	memset(&z, 0, sizeof(z));
	if (zeros.p == NULL || deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		exit(2);
	z.next_in = zeros.p;
	z.avail_in = (uInt)zeros.n;
	z.next_out = seg;
	z.avail_out = sizeof(seg);
	if (deflate(&z, Z_FULL_FLUSH) != Z_OK || z.avail_in != 0)
		exit(2);
	nseg = sizeof(seg) - z.avail_out;
	z.next_out = fin;
	z.avail_out = sizeof(fin);
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		exit(2);
	for (i = 0; i < mib; i++)
		bytes_add(&b, &cap, seg, nseg);
	bytes_add(&b, &cap, fin, sizeof(fin) - z.avail_out);
	deflateEnd(&z);
	free(zeros.p);
	return b;
}

static double
timed_run(const char *ce, struct bytes in, uint64_t max_out, struct result *r)
{
	clock_t		 t0 = clock();

	memset(r, 0, sizeof(*r));
	run(ce, in, max_out, SPLIT_WHOLE, r);
	return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

/*
 * Bombs: a body of some KiB that decodes to 64 MiB, or through two
 * codings to 10 GiB.  With a 1 MiB cap each must stop right at the cap,
 * in time for 1 MiB, not for all of it.
 */
static void
test_bomb(void)
{
	struct bytes	 zeros = { calloc(64 << 20, 1), 64 << 20 };
	struct bytes	 bomb, bomb2, big, want;
	struct result	 r;
	double		 all, capped;

	if (zeros.p == NULL)
		exit(2);
	bomb = gz(zeros);
	bomb2 = zst(bomb);
	want = bytes_cut(zeros, 1 << 20);
	TAP_OK(bomb.n < 128 * 1024, "bomb is %zu bytes", bomb.n);
	/* with no cap the whole 64 MiB come out, in 64 KiB pieces */
	all = timed_run("gzip", bomb, 0, &r);
	TAP_OK(r.rc == HERR_OK && r.out.n == zeros.n &&
	    memcmp(r.out.p, zeros.p, zeros.n) == 0, "uncapped bomb");
	TAP_OK(r.biggest == HG_DECODE_BUF, "pieces of %zu", r.biggest);
	result_free(&r);
	capped = timed_run("gzip", bomb, 1 << 20, &r);
	TAP_OK(r.rc == HERR_BAD_CONTENT_ENCODING &&
	    strcmp(r.msg, WCAP "1048576 bytes") == 0, "bomb: %s", r.msg);
	TAP_OK(r.out.n == 1 << 20 && r.total == 1 << 20, "bomb: %zu out",
	    r.out.n);
	TAP_OK(r.calls <= (1 << 20) / HG_DECODE_BUF + 1, "bomb: %zu calls",
	    r.calls);
	/* 1/64 of the work, so far less than 1/8 of the time */
	TAP_OK(capped * 8 < all, "bomb took %.4f s, 64 MiB %.4f s", capped,
	    all);
	result_free(&r);
	expect("stacked bomb", "gzip, zstd", bomb2, 1 << 20,
	    HERR_BAD_CONTENT_ENCODING, WCAP "1048576 bytes", want);
	/* 10 GiB of zeros: raw deflate, then gzip over it */
	big = zeros_deflated(10 * 1024);
	free(bomb.p);
	bomb = gz(big);
	TAP_OK(bomb.n < 64 * 1024, "10 GiB bomb is %zu bytes", bomb.n);
	capped = timed_run("deflate, gzip", bomb, 1 << 20, &r);
	TAP_OK(r.rc == HERR_BAD_CONTENT_ENCODING && r.out.n == 1 << 20 &&
	    r.calls <= (1 << 20) / HG_DECODE_BUF + 1, "10 GiB bomb: %s",
	    r.msg);
	TAP_OK(capped * 8 < all, "10 GiB bomb took %.4f s", capped);
	result_free(&r);
	expect("10 GiB bomb", "deflate, gzip", bomb, 1 << 20,
	    HERR_BAD_CONTENT_ENCODING, WCAP "1048576 bytes", want);
	/* the segments make a good stream: 3 MiB of it, uncapped */
	free(big.p);
	big = zeros_deflated(3);
	zeros.n = 3 << 20;
	expect_ok("3 MiB of segments", "deflate", big, zeros);
	free(zeros.p);
	free(bomb.p);
	free(bomb2.p);
	free(big.p);
	free(want.p);
}

/*
 * A stack whose inner stage makes gigabytes that decode to nothing: raw
 * deflate of empty stored blocks (5 bytes each, no output), gzipped.
 * The inner output counts against the cap too (plus slack), so this
 * stops after a few MiB of inner work instead of running on.
 */
static void
test_empty_blocks(void)
{
	static const unsigned char block[5] = { 0x00, 0x00, 0x00, 0xff, 0xff };
	static const unsigned char last[2] = { 0x03, 0x00 };
	struct bytes	 blocks, bomb, none = { NULL, 0 };
	size_t		 i, n = (size_t)8 << 20;

	blocks.p = xmalloc(n + sizeof(last));
	for (i = 0; i + sizeof(block) <= n; i += sizeof(block))
		memcpy(blocks.p + i, block, sizeof(block));
	memcpy(blocks.p + i, last, sizeof(last));
	blocks.n = i + sizeof(last);
	bomb = gz(blocks);
	/* uncapped it is a valid, empty body */
	expect_ok("empty blocks", "deflate, gzip", bomb, none);
	expect("empty blocks, 1 MiB cap", "deflate, gzip", bomb, 1 << 20,
	    HERR_BAD_CONTENT_ENCODING, WCAP "1048576 bytes", none);
	free(blocks.p);
	free(bomb.p);
}

static void
test_zstd_window(void)
{
	struct bytes	 s, empty = { NULL, 0 };

	s = zst_window(HG_ZSTD_WINDOW_LOG);
	expect_ok("zstd window at the cap", "zstd", s, empty);
	free(s.p);
	s = zst_window(HG_ZSTD_WINDOW_LOG + 1);
	expect("zstd window too large", "zstd", s, 0,
	    HERR_BAD_CONTENT_ENCODING, "Error while processing content "
	    "unencoding: Frame requires too much memory for decoding", empty);
	free(s.p);
	s = zst_window(31);
	expect("zstd window 2 GiB", "zstd", s, 0, HERR_BAD_CONTENT_ENCODING,
	    "Error while processing content unencoding: Frame requires too "
	    "much memory for decoding", empty);
	free(s.p);
}

/* out's own failure comes back as it is, and sticks. */
static void
test_sink_failure(void)
{
	struct bytes	 t = text(), s = gz(t);
	struct decoder	*d;
	struct result	 r;
	struct hg_err	 e;
	enum herr	 rc;

	memset(&r, 0, sizeof(r));
	r.fail_after = 2;
	rc = decode_new(&d, "gzip", 4, 0, NULL, 0, &e);
	TAP_OK(rc == HERR_OK && d != NULL, "sink: new");
	rc = decode_feed(d, (const char *)s.p, s.n, collect, &r, &e);
	TAP_OK(rc == HERR_WRITE_ERROR && strcmp(e.msg, "sink says no") == 0,
	    "sink failure: %d %s", rc, e.msg);
	TAP_OK(decode_total(d) == HG_DECODE_BUF, "sink: total %llu",
	    (unsigned long long)decode_total(d));
	memset(&e, 0, sizeof(e));
	rc = decode_feed(d, (const char *)s.p, 1, collect, &r, &e);
	TAP_OK(rc == HERR_WRITE_ERROR && strcmp(e.msg, "sink says no") == 0,
	    "sink failure sticks: %d %s", rc, e.msg);
	rc = decode_finish(d, collect, &r, &e);
	TAP_OK(rc == HERR_WRITE_ERROR, "sink failure sticks at finish");
	TAP_OK(r.calls == 2, "no call after the failure: %zu", r.calls);
	decode_free(d);
	/* a decoder error sticks too */
	rc = decode_new(&d, "gzip", 4, 0, NULL, 0, &e);
	rc = decode_feed(d, "\x1f\x8cxxxxxxxxxxxxxxxxxx", 20, collect, &r, &e);
	TAP_OK(rc == HERR_BAD_CONTENT_ENCODING, "bad header");
	memset(&e, 0, sizeof(e));
	rc = decode_feed(d, (const char *)s.p, s.n, collect, &r, &e);
	TAP_OK(rc == HERR_BAD_CONTENT_ENCODING &&
	    strstr(e.msg, "incorrect header check") != NULL,
	    "decoder failure sticks: %s", e.msg);
	decode_free(d);
	result_free(&r);
	free(s.p);
	free(t.p);
}

/*
 * Inputs that once broke fuzz_decode's invariants (their bodies are in
 * tests/data and tests/fuzz/corpus/fuzz_decode).  What they decode to is
 * noise: the bytes of every split must be a prefix of those fed one byte
 * at a time, which lets the most out.
 */
static void
expect_fuzzed(const char *what, const char *ce, struct bytes in,
    const char *msg)
{
	struct result	 r;

	memset(&r, 0, sizeof(r));
	run(ce, in, 0, SPLIT_BYTES, &r);
	expect_bad(what, ce, in, msg, r.out);
	result_free(&r);
}

static void
test_fuzz_finds(void)
{
	struct bytes	 s;

	/*
	 * A bad br block: the decoder's own error name for it differed with
	 * the split, so the message does not carry it.
	 */
	s = slurp("enc-bad-block.br");
	expect_fuzzed("br error name", "gzip, br", s,
	    "Error while processing content unencoding: invalid brotli stream");
	free(s.p);
	/*
	 * A bad br stream over a gzip stream with bad bytes in it: which
	 * stage finds its fault first depends on the split, never the code.
	 */
	s = slurp("enc-bad-stack.br");
	expect_fuzzed("stack order", "gzip, br", s,
	    "Error while processing content unencoding: ");
	free(s.p);
	/* zstd 0.7's magic: libzstd took it only when it came in one piece */
	s = bytes_of("\x27\xb5\x2f\xfd\x04\x58\x01\x25\x01\x01\x01"
	    "\x6b\x9a\x9c\xa2\x01\x01\x22");
	expect_fuzzed("zstd legacy", "zstd", s,
	    "Error while processing content unencoding: Unknown frame "
	    "descriptor");
	free(s.p);
}

int
main(void)
{
	test_parse();
	test_codings();
	test_stacked();
	test_truncated();
	test_corrupt();
	test_trailing();
	test_cap();
	test_bomb();
	test_empty_blocks();
	test_zstd_window();
	test_sink_failure();
	test_fuzz_finds();
	return tap_done();
}
