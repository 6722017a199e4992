/*
 * src/decode.c: content codings as a chain of streaming stages.
 *
 * Content-Encoding lists codings in the order they were applied (RFC 9110
 * §8.4), so stage 0 undoes the last one listed and the last stage hands
 * the body to the caller.  Each stage owns one HG_DECODE_BUF output buffer
 * and one library state, both made in decode_new: nothing grows with the
 * body.  A stage consumes all of its input before it returns, pushing each
 * full buffer into the next stage, so one buffer per stage is enough.
 *
 * However the input is split, the answer is the same, and so are the
 * bytes out when the body is good.  In a corrupt one, how much of the
 * good part comes out before the failure may vary: brotli and zstd hold
 * decoded bytes back until they flush, which depends on the pieces fed.
 *
 * What curl 7.88 does, and hget with it, unless said otherwise:
 * - gzip is zlib's automatic gzip/zlib header detection; deflate is the
 *   zlib format (RFC 1950), or raw deflate (RFC 1951) from servers that
 *   leave the wrapper out, with up to 4 stray bytes after it tolerated.
 * - A byte after the end of a gzip, deflate or br stream (a second gzip
 *   member, say) is a write error (23); zstd reads it as the next frame.
 * - Unlike curl, a stream that stops before its end is an error (61).
 */
#define ZLIB_CONST

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <brotli/decode.h>
#include <zlib.h>
#include <zstd.h>

#include "decode.h"
#include "lazylib.h"
#include "limits.h"
#include "span.h"

const char decode_accept[] = "deflate, gzip, br, zstd";

enum coding {
	CODING_IDENTITY,
	CODING_GZIP,
	CODING_DEFLATE,
	CODING_BR,
	CODING_ZSTD,
	CODING_UNKNOWN
};

/* curl's 4 bytes of tolerated trailer after a raw deflate stream */
#define RAW_TRAILER	4
/* RFC 1950 §2.2: the two header bytes that tell zlib from raw deflate */
#define ZLIB_HEAD	2
/* RFC 8878 §3.1.1: a frame's magic number */
#define ZSTD_MAGIC	4
/* zlib counts input in uInt: feed it in slices no larger than this */
#define ZLIB_SLICE	(1U << 30)

struct stage {
	enum coding		 coding;
	char			*buf;		/* HG_DECODE_BUF bytes */
	uint64_t		 in;		/* encoded bytes fed so far */
	int			 ended;		/* the stream reached its end */
	int			 stray;		/* bytes came after the end */
	z_stream		 z;
	int			 zinit;		/* z needs inflateEnd */
	int			 zpicked;	/* deflate: zlib or raw known */
	unsigned char		 head[ZSTD_MAGIC];	/* the first bytes */
	size_t			 nhead;
	size_t			 trailer;	/* stray bytes still allowed */
	BrotliDecoderState	*br;
	ZSTD_DCtx		*zs;
};

struct decoder {
	struct stage		 st[DECODE_MAX_STAGES];
	size_t			 n;
	uint64_t		 max_out;
	uint64_t		 total;
	decode_out_fn		 out;		/* for this feed or finish */
	void			*arg;
	enum herr		 failed;	/* a failure sticks */
	struct hg_err		 why;
};

static enum herr	stage_push(struct decoder *, size_t, const char *,
			    size_t, struct hg_err *);

static const struct {
	const char	*name;
	enum coding	 coding;
} coding_names[] = {
	{ "identity",	CODING_IDENTITY },
	{ "gzip",	CODING_GZIP },
	{ "x-gzip",	CODING_GZIP },
	{ "deflate",	CODING_DEFLATE },
	{ "br",		CODING_BR },
	{ "zstd",	CODING_ZSTD },
};

static enum coding
coding_lookup(struct span name)
{
	size_t	 i;

	for (i = 0; i < sizeof(coding_names) / sizeof(coding_names[0]); i++)
		if (span_eqi(name, coding_names[i].name))
			return coding_names[i].coding;
	return CODING_UNKNOWN;
}

/*
 * Split the field value into its list items (RFC 9110 §5.6.1: OWS around
 * each, empty items ignored).  Keeps the first max in items; returns how
 * many there are in all.
 */
static size_t
list_items(const char *value, size_t len, struct span *items, size_t max)
{
	size_t		 i, start = 0, n = 0;
	struct span	 s;

	for (i = 0; i <= len; i++) {
		if (i < len && value[i] != ',')
			continue;
		s = span_trim(span_make(value + start, i - start));
		start = i + 1;
		if (s.n == 0)
			continue;
		if (n < max)
			items[n] = s;
		n++;
	}
	return n;
}

static void
copy_name(char *dst, size_t dstlen, struct span name)
{
	size_t	 n = name.n;

	if (dst == NULL || dstlen == 0)
		return;
	if (n > dstlen - 1)
		n = dstlen - 1;
	memcpy(dst, name.p, n);
	dst[n] = '\0';
}

/* Open the library behind coding c, which is only now known to be needed. */
static enum herr
coding_need(enum coding c, struct hg_err *e)
{
	switch (c) {
	case CODING_GZIP:
	case CODING_DEFLATE:
		return lazylib_need(LAZY_Z, HERR_BAD_CONTENT_ENCODING, e);
	case CODING_BR:
		return lazylib_need(LAZY_BROTLI, HERR_BAD_CONTENT_ENCODING, e);
	case CODING_ZSTD:
		return lazylib_need(LAZY_ZSTD, HERR_BAD_CONTENT_ENCODING, e);
	default:
		return HERR_OK;
	}
}

static enum herr
stage_init(struct stage *s, enum coding c)
{
	s->coding = c;
	if ((s->buf = malloc(HG_DECODE_BUF)) == NULL)
		return HERR_OUT_OF_MEMORY;
	switch (c) {
	case CODING_GZIP:
		/* curl's choice: 32 detects a gzip or a zlib header */
		if (inflateInit2(&s->z, 32 + MAX_WBITS) != Z_OK)
			return HERR_OUT_OF_MEMORY;
		s->zinit = 1;
		break;
	case CODING_DEFLATE:
		if (inflateInit(&s->z) != Z_OK)
			return HERR_OUT_OF_MEMORY;
		s->zinit = 1;
		break;
	case CODING_BR:
		if ((s->br = BrotliDecoderCreateInstance(NULL, NULL,
		    NULL)) == NULL)
			return HERR_OUT_OF_MEMORY;
		break;
	case CODING_ZSTD:
		/* RFC 8878 §3.1.1.1.2: a frame may not make us hold more */
		if ((s->zs = ZSTD_createDCtx()) == NULL ||
		    ZSTD_isError(ZSTD_DCtx_setParameter(s->zs,
		    ZSTD_d_windowLogMax, HG_ZSTD_WINDOW_LOG)))
			return HERR_OUT_OF_MEMORY;
		break;
	default:
		break;
	}
	return HERR_OK;
}

static void
stage_free(struct stage *s)
{
	if (s->zinit)
		(void)inflateEnd(&s->z);
	if (s->br != NULL)
		BrotliDecoderDestroyInstance(s->br);
	if (s->zs != NULL)	/* zstd takes NULL, but would be opened */
		ZSTD_freeDCtx(s->zs);
	free(s->buf);
	memset(s, 0, sizeof(*s));
}

enum herr
decode_new(struct decoder **dp, const char *value, size_t len,
    uint64_t max_out, char *unknown, size_t unknownlen, struct hg_err *e)
{
	struct span	 items[DECODE_MAX_STAGES];
	enum coding	 c[DECODE_MAX_STAGES];
	struct decoder	*d;
	size_t		 n, i, k;
	enum herr	 rc;

	*dp = NULL;
	if (unknown != NULL && unknownlen > 0)
		unknown[0] = '\0';
	/* curl counts every item, identity and unknown ones too */
	if ((n = list_items(value, len, items, DECODE_MAX_STAGES)) >
	    DECODE_MAX_STAGES)
		return hg_fail(e, HERR_BAD_CONTENT_ENCODING,
		    "Reject response due to more than %d content encodings",
		    DECODE_MAX_STAGES);
	for (i = 0, k = 0; i < n; i++) {
		if ((c[k] = coding_lookup(items[i])) == CODING_UNKNOWN) {
			copy_name(unknown, unknownlen, items[i]);
			return HERR_OK;
		}
		if (c[k] != CODING_IDENTITY)
			k++;
	}
	if (k == 0)
		return HERR_OK;
	for (i = 0; i < k; i++)
		if ((rc = coding_need(c[i], e)) != HERR_OK)
			return rc;
	if ((d = calloc(1, sizeof(*d))) == NULL)
		return hg_fail(e, HERR_OUT_OF_MEMORY, NULL);
	d->max_out = max_out;
	/* the last coding applied is the first undone */
	for (i = 0; i < k; i++) {
		d->n = i + 1;		/* decode_free undoes a half init too */
		if ((rc = stage_init(&d->st[i], c[k - 1 - i])) != HERR_OK) {
			decode_free(d);
			return hg_fail(e, rc, NULL);
		}
	}
	*dp = d;
	return HERR_OK;
}

static enum herr
over_cap(const struct decoder *d, struct hg_err *e)
{
	return hg_fail(e, HERR_BAD_CONTENT_ENCODING,
	    "Decoded body exceeds --max-decoded-size of %llu bytes",
	    (unsigned long long)d->max_out);
}

/* The last stage's bytes: to the caller, never one past max_out. */
static enum herr
deliver(struct decoder *d, const char *p, size_t n, struct hg_err *e)
{
	uint64_t	 room = d->max_out - d->total;
	size_t		 give = n;
	enum herr	 rc;

	if (d->max_out != 0 && n > room)
		give = (size_t)room;
	if (give > 0) {
		if ((rc = d->out(d->arg, p, give, e)) != HERR_OK)
			return rc;
		d->total += give;
	}
	if (give < n)
		return over_cap(d, e);
	return HERR_OK;
}

/* Stage k made n bytes: into the next stage, or out of the chain. */
static enum herr
emit(struct decoder *d, size_t k, const char *p, size_t n, struct hg_err *e)
{
	if (n == 0)
		return HERR_OK;
	if (k + 1 == d->n)
		return deliver(d, p, n, e);
	/*
	 * An inner stage's output has a cap too: empty deflate blocks decode
	 * to nothing, so a stack could otherwise keep the CPU busy on
	 * gigabytes that never reach the output.  Compressed data is at most
	 * a little larger than what it holds: an eighth and a buffer of
	 * slack let every honest stack through.
	 */
	if (d->max_out != 0 && d->st[k + 1].in + n > d->max_out +
	    d->max_out / 8 + HG_DECODE_BUF)
		return over_cap(d, e);
	return stage_push(d, k + 1, p, n, e);
}

/*
 * A byte past the end of the stream: curl 7.88 calls it a write error
 * (23, "Failed writing received data to disk/application"), and so do we.
 * Past the end of an inner stream of a stack it is noted and told at the
 * finish: when it comes out of the outer decoder depends on how that one
 * buffers, and a fault further on in the outer stream must win whatever
 * the split.
 */
static enum herr
after_end(struct stage *s, size_t k, struct hg_err *e)
{
	if (k > 0) {
		s->stray = 1;
		return HERR_OK;
	}
	return hg_fail(e, HERR_WRITE_ERROR, NULL);
}

static enum herr
fail_lib(struct hg_err *e, const char *what)
{
	return hg_fail(e, HERR_BAD_CONTENT_ENCODING,
	    "Error while processing content unencoding: %s", what);
}

static enum herr
zlib_error(struct stage *s, int zrc, struct hg_err *e)
{
	if (zrc == Z_MEM_ERROR)
		return hg_fail(e, HERR_OUT_OF_MEMORY, NULL);
	/* curl's text when zlib gives none (Z_NEED_DICT) */
	return fail_lib(e, s->z.msg != NULL ? s->z.msg :
	    "Unknown failure within decompression software.");
}

/* After the stream's end: raw deflate may carry a few stray bytes. */
static enum herr
zlib_trailer(struct decoder *d, size_t k, size_t n, struct hg_err *e)
{
	struct stage	*s = &d->st[k];

	if (n > s->trailer)
		return after_end(s, k, e);
	s->trailer -= n;
	return HERR_OK;
}

/* Inflate p[0..n) (n <= ZLIB_SLICE) through stage k. */
static enum herr
zlib_run(struct decoder *d, size_t k, const char *p, size_t n,
    struct hg_err *e)
{
	struct stage	*s = &d->st[k];
	size_t		 made;
	enum herr	 rc;
	int		 zrc;

	s->z.next_in = (const Bytef *)p;
	s->z.avail_in = (uInt)n;
	while (!s->ended) {
		s->z.next_out = (Bytef *)s->buf;
		s->z.avail_out = HG_DECODE_BUF;
		zrc = inflate(&s->z, Z_NO_FLUSH);
		/* what came before a bad byte is good: pass it on first */
		made = HG_DECODE_BUF - s->z.avail_out;
		if ((rc = emit(d, k, s->buf, made, e)) != HERR_OK)
			return rc;
		if (zrc == Z_STREAM_END)
			s->ended = 1;
		else if (zrc != Z_OK && zrc != Z_BUF_ERROR)
			return zlib_error(s, zrc, e);
		else if (s->z.avail_in == 0 && s->z.avail_out > 0)
			return HERR_OK;		/* all in, all out */
	}
	return zlib_trailer(d, k, s->z.avail_in, e);
}

/* RFC 1950 §2.2: CM 8, CINFO <= 7, FCHECK; what inflate checks first. */
static int
zlib_header_ok(const unsigned char *h)
{
	return (h[0] & 0x0f) == Z_DEFLATED && (h[0] >> 4) <= 7 &&
	    ((unsigned)h[0] << 8 | h[1]) % 31 == 0;
}

/*
 * Deflate comes in the zlib wrapper or, from some servers, without it.
 * curl restarts as raw when inflate rejects the start; the two header
 * bytes decide the same thing here, whatever way they arrive.
 */
static enum herr
deflate_pick(struct decoder *d, size_t k, const char **p, size_t *n,
    struct hg_err *e)
{
	struct stage	*s = &d->st[k];

	while (s->nhead < ZLIB_HEAD && *n > 0) {
		s->head[s->nhead++] = (unsigned char)**p;
		(*p)++;
		(*n)--;
	}
	if (s->nhead < ZLIB_HEAD)
		return HERR_OK;
	s->zpicked = 1;
	if (!zlib_header_ok(s->head)) {
		if (inflateReset2(&s->z, -MAX_WBITS) != Z_OK)
			return hg_fail(e, HERR_OUT_OF_MEMORY, NULL);
		s->trailer = RAW_TRAILER;
	}
	return zlib_run(d, k, (const char *)s->head, ZLIB_HEAD, e);
}

static enum herr
zlib_push(struct decoder *d, size_t k, const char *p, size_t n,
    struct hg_err *e)
{
	struct stage	*s = &d->st[k];
	size_t		 slice;
	enum herr	 rc;

	if (s->coding == CODING_DEFLATE && !s->zpicked &&
	    (rc = deflate_pick(d, k, &p, &n, e)) != HERR_OK)
		return rc;
	while (n > 0) {
		if (s->ended)
			return zlib_trailer(d, k, n, e);
		slice = n < ZLIB_SLICE ? n : ZLIB_SLICE;
		if ((rc = zlib_run(d, k, p, slice, e)) != HERR_OK)
			return rc;
		p += slice;
		n -= slice;
	}
	return HERR_OK;
}

/*
 * Not the decoder's own error name: it differs with the way the input
 * was split (its fast and its careful paths name the same fault apart).
 */
static enum herr
br_error(struct stage *s, struct hg_err *e)
{
	switch (BrotliDecoderGetErrorCode(s->br)) {
	case BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES:
	case BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS:
	case BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP:
	case BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1:
	case BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2:
	case BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES:
		return hg_fail(e, HERR_OUT_OF_MEMORY, NULL);
	default:
		return fail_lib(e, "invalid brotli stream");
	}
}

static enum herr
br_push(struct decoder *d, size_t k, const char *p, size_t n,
    struct hg_err *e)
{
	struct stage		*s = &d->st[k];
	const uint8_t		*in = (const uint8_t *)p;
	uint8_t			*outp;
	size_t			 avail;
	BrotliDecoderResult	 r;
	enum herr		 rc;

	if (s->ended)
		return after_end(s, k, e);
	for (;;) {
		outp = (uint8_t *)s->buf;
		avail = HG_DECODE_BUF;
		r = BrotliDecoderDecompressStream(s->br, &n, &in, &avail,
		    &outp, NULL);
		if ((rc = emit(d, k, s->buf, HG_DECODE_BUF - avail, e)) !=
		    HERR_OK)
			return rc;
		if (r == BROTLI_DECODER_RESULT_ERROR)
			return br_error(s, e);
		if (r == BROTLI_DECODER_RESULT_SUCCESS) {
			s->ended = 1;
			return n > 0 ? after_end(s, k, e) : HERR_OK;
		}
		/*
		 * It took all of in, but says so even with decoded bytes
		 * still held when out was full: drain those first.
		 */
		if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT && avail > 0)
			return HERR_OK;
	}
}

/* RFC 8878 §3.1.1 and §3.1.2: a zstd frame or a skippable one. */
static int
zstd_magic_ok(const unsigned char *h)
{
	if (h[0] == 0x28 && h[1] == 0xb5 && h[2] == 0x2f && h[3] == 0xfd)
		return 1;
	return (h[0] & 0xf0) == 0x50 && h[1] == 0x2a && h[2] == 0x4d &&
	    h[3] == 0x18;
}

/*
 * Decode from p until it is used up or a frame ends (the library stops
 * there); *used says how far it got.
 */
static enum herr
zstd_run(struct decoder *d, size_t k, const char *p, size_t n, size_t *used,
    struct hg_err *e)
{
	struct stage	*s = &d->st[k];
	ZSTD_inBuffer	 in = { p, n, 0 };
	ZSTD_outBuffer	 out;
	size_t		 zrc;
	enum herr	 rc;

	for (;;) {
		out.dst = s->buf;
		out.size = HG_DECODE_BUF;
		out.pos = 0;
		zrc = ZSTD_decompressStream(s->zs, &out, &in);
		*used = in.pos;
		if (ZSTD_isError(zrc))
			return fail_lib(e, ZSTD_getErrorName(zrc));
		if ((rc = emit(d, k, s->buf, out.pos, e)) != HERR_OK)
			return rc;
		if (zrc == 0) {
			s->ended = 1;	/* all of the frame is out */
			return HERR_OK;
		}
		if (in.pos == in.size && out.pos < out.size)
			return HERR_OK;
	}
}

/*
 * zstd: a body may hold several frames (RFC 8878 §3.1), and a stray byte
 * after one starts a bad next frame, as it does in curl.  Each frame's
 * magic number passes here first: the library also takes the legacy
 * formats of zstd 0.5 to 0.7, which no HTTP peer sends, by a path that
 * sees them only when the first 4 bytes come in one piece.
 */
static enum herr
zstd_push(struct decoder *d, size_t k, const char *p, size_t n,
    struct hg_err *e)
{
	struct stage	*s = &d->st[k];
	size_t		 used;
	enum herr	 rc;

	while (n > 0) {
		if (s->nhead < ZSTD_MAGIC) {
			s->ended = 0;
			s->head[s->nhead++] = (unsigned char)*p++;
			n--;
			if (s->nhead < ZSTD_MAGIC)
				continue;
			if (!zstd_magic_ok(s->head))
				return fail_lib(e, "Unknown frame descriptor");
			if ((rc = zstd_run(d, k, (const char *)s->head,
			    ZSTD_MAGIC, &used, e)) != HERR_OK)
				return rc;
			/* no empty calls: it counts them as a stall */
			if (n == 0)
				break;
		}
		if ((rc = zstd_run(d, k, p, n, &used, e)) != HERR_OK)
			return rc;
		p += used;
		n -= used;
		if (s->ended)
			s->nhead = 0;	/* the next byte starts a frame */
	}
	return HERR_OK;
}

static enum herr
stage_push(struct decoder *d, size_t k, const char *p, size_t n,
    struct hg_err *e)
{
	struct stage	*s = &d->st[k];

	s->in += n;
	switch (s->coding) {
	case CODING_GZIP:
	case CODING_DEFLATE:
		return zlib_push(d, k, p, n, e);
	case CODING_BR:
		return br_push(d, k, p, n, e);
	case CODING_ZSTD:
		return zstd_push(d, k, p, n, e);
	default:
		return emit(d, k, p, n, e);
	}
}

/* A failure sticks: later calls give the same code and text. */
static enum herr
remember(struct decoder *d, enum herr rc, const struct hg_err *e)
{
	if (rc != HERR_OK) {
		d->failed = rc;
		if (e != NULL)
			d->why = *e;
		else
			(void)hg_fail(&d->why, rc, NULL);
	}
	return rc;
}

static enum herr
replay(const struct decoder *d, struct hg_err *e)
{
	if (e != NULL)
		*e = d->why;
	return d->failed;
}

enum herr
decode_feed(struct decoder *d, const char *p, size_t n, decode_out_fn out,
    void *arg, struct hg_err *e)
{
	if (d->failed != HERR_OK)
		return replay(d, e);
	if (n == 0)
		return HERR_OK;
	d->out = out;
	d->arg = arg;
	return remember(d, stage_push(d, 0, p, n, e), e);
}

/* The first name in the table is the coding's own (gzip, not x-gzip). */
static const char *
coding_name(enum coding c)
{
	size_t	 i;

	for (i = 0; i < sizeof(coding_names) / sizeof(coding_names[0]); i++)
		if (coding_names[i].coding == c)
			return coding_names[i].name;
	return "?";
}

/*
 * Every stage decodes as it goes, so nothing is left to flush: the body
 * is whole when each stage that was given bytes reached its end.  A
 * stage given none (an empty body) has nothing to end, as curl sees it.
 */
enum herr
decode_finish(struct decoder *d, decode_out_fn out, void *arg,
    struct hg_err *e)
{
	size_t	 k;

	(void)out;
	(void)arg;
	if (d->failed != HERR_OK)
		return replay(d, e);
	for (k = 0; k < d->n; k++) {
		if (d->st[k].stray)
			return remember(d, hg_fail(e, HERR_WRITE_ERROR, NULL),
			    e);
		if (d->st[k].in > 0 && !d->st[k].ended)
			return remember(d, hg_fail(e,
			    HERR_BAD_CONTENT_ENCODING,
			    "Error while processing content unencoding: "
			    "unexpected end of %s stream",
			    coding_name(d->st[k].coding)), e);
	}
	return HERR_OK;
}

uint64_t
decode_total(const struct decoder *d)
{
	return d != NULL ? d->total : 0;
}

void
decode_free(struct decoder *d)
{
	size_t	 k;

	if (d == NULL)
		return;
	for (k = 0; k < d->n; k++)
		stage_free(&d->st[k]);
	free(d);
}
