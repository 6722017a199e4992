/*
 * src/chunked.c: incremental decoder for the chunked transfer coding
 * (RFC 9112 §7.1).  PURE: bytes in, spans of body data out, no I/O.
 *
 *   chunked-body = *chunk last-chunk trailer-section CRLF
 *   chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 *   chunk-size   = 1*HEXDIG
 *   chunk-ext    = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )
 *
 * The state says where we are in that grammar, so input may be split at
 * any byte.  Framing bytes go through one small step function; chunk data
 * is handed back as a span into the caller's buffer, never copied.
 */
#include <stdint.h>
#include <string.h>

#include "head.h"
#include "limits.h"

/* curl 7.88's words where it has a failure of the same kind. */
static const char WHY_HEX[] =
    "Illegal or missing hexadecimal sequence in chunked-encoding";
static const char WHY_HEXLEN[] =
    "Too long hexadecimal number in chunked-encoding";
static const char WHY_RANGE[] = "Chunk size too large in chunked-encoding";
static const char WHY_CRLF[] = "Malformed encoding found in chunked-encoding";
static const char WHY_EXT[] = "Too long chunk extensions in chunked-encoding";
static const char WHY_TRAILER[] = "Too large trailers in chunked-encoding";

void
chunked_init(struct chunked *c)
{
	memset(c, 0, sizeof(*c));
	c->state = CHUNKED_SIZE;
	c->why = NULL;
}

static int
hex_value(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = span_lower(ch);
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

static int
chunked_fail(struct chunked *c, const char *why)
{
	c->why = why;
	return -1;
}

/* The size line is over: data follows, or the trailer section. */
static void
size_done(struct chunked *c)
{
	c->ndigits = 0;
	c->state = c->remain == 0 ? CHUNKED_TRAILER : CHUNKED_DATA;
}

/*
 * One more hex digit.  HG_MAX_CHUNK_HEX digits (16) fill 64 bits; the
 * size must also fit a signed off_t, as in curl, which refuses
 * "8000000000000000" and up.
 */
static int
size_digit(struct chunked *c, int d)
{
	if (c->ndigits >= HG_MAX_CHUNK_HEX)
		return chunked_fail(c, WHY_HEXLEN);
	if (c->remain > ((uint64_t)INT64_MAX - (uint64_t)d) / 16)
		return chunked_fail(c, WHY_RANGE);
	c->remain = c->remain * 16 + (uint64_t)d;
	c->ndigits++;
	return 0;
}

/*
 * After the digits: CRLF, a bare LF (curl takes it), or the extension
 * area, which starts at ";" or at BWS.  Like curl, the rest of the line
 * after that is skipped unread; unlike curl, anything else right after
 * the digits ("2x") is refused.
 */
static int
step_size(struct chunked *c, int ch)
{
	int	 d;

	if ((d = hex_value(ch)) >= 0)
		return size_digit(c, d);
	if (c->ndigits == 0)
		return chunked_fail(c, WHY_HEX);
	switch (ch) {
	case ';':
	case ' ':
	case '\t':
		c->state = CHUNKED_EXT;
		c->extlen++;
		break;
	case '\r':
		c->state = CHUNKED_SIZE_LF;
		break;
	case '\n':
		size_done(c);
		break;
	default:
		return chunked_fail(c, WHY_HEX);
	}
	return 0;
}

/* Extensions are skipped, but their bytes over all chunks are capped. */
static int
step_ext(struct chunked *c, int ch)
{
	if (ch == '\r')
		c->state = CHUNKED_SIZE_LF;
	else if (ch == '\n')
		size_done(c);
	else if (++c->extlen > HG_MAX_CHUNK_EXT)
		return chunked_fail(c, WHY_EXT);
	return 0;
}

/*
 * The trailer section: field lines, read and dropped, up to the empty
 * line.  A CR inside a trailer line is dropped with it; a CR that starts
 * a line must be the empty line's.
 */
static int
step_trailer(struct chunked *c, int ch)
{
	if (++c->trailerlen > HG_MAX_TRAILERS)
		return chunked_fail(c, WHY_TRAILER);
	switch (c->state) {
	case CHUNKED_TRAILER:
		if (ch == '\r')
			c->state = CHUNKED_TRAILER_LF;
		else if (ch == '\n')
			c->state = CHUNKED_END;
		else
			c->state = CHUNKED_TRAILER_LINE;
		break;
	case CHUNKED_TRAILER_LINE:
		if (ch == '\n')
			c->state = CHUNKED_TRAILER;
		break;
	default:	/* CHUNKED_TRAILER_LF */
		if (ch != '\n')
			return chunked_fail(c, WHY_CRLF);
		c->state = CHUNKED_END;
		break;
	}
	return 0;
}

/* One framing byte.  -1 on a bad one (c->why says why). */
static int
chunked_step(struct chunked *c, int ch)
{
	switch (c->state) {
	case CHUNKED_SIZE:
		return step_size(c, ch);
	case CHUNKED_EXT:
		return step_ext(c, ch);
	case CHUNKED_SIZE_LF:
		if (ch != '\n')
			return chunked_fail(c, WHY_CRLF);
		size_done(c);
		return 0;
	case CHUNKED_DATA_CR:
		/* CRLF after the data; a bare LF is taken, as curl does */
		if (ch == '\r')
			c->state = CHUNKED_DATA_LF;
		else if (ch == '\n')
			c->state = CHUNKED_SIZE;
		else
			return chunked_fail(c, WHY_CRLF);
		return 0;
	case CHUNKED_DATA_LF:
		if (ch != '\n')
			return chunked_fail(c, WHY_CRLF);
		c->state = CHUNKED_SIZE;
		return 0;
	case CHUNKED_TRAILER:
	case CHUNKED_TRAILER_LINE:
	case CHUNKED_TRAILER_LF:
		return step_trailer(c, ch);
	case CHUNKED_DATA:
	case CHUNKED_END:
		break;
	}
	return 0;	/* not reached: chunked_feed handles DATA and END */
}

enum chunked_rc
chunked_feed(struct chunked *c, const char *in, size_t inlen, size_t *used,
    struct span *out)
{
	size_t	 i = 0, n;

	*out = span_make(in, 0);
	*used = 0;
	if (c->why != NULL)
		return CHUNKED_BAD;
	while (i < inlen && c->state != CHUNKED_END) {
		if (c->state == CHUNKED_DATA) {
			n = inlen - i;
			if (n > c->remain)
				n = (size_t)c->remain;
			*out = span_make(in + i, n);
			*used = i + n;
			c->remain -= n;
			c->total += n;
			if (c->remain == 0)
				c->state = CHUNKED_DATA_CR;
			return CHUNKED_OUT;
		}
		if (chunked_step(c, (unsigned char)in[i]) == -1) {
			*used = i;
			return CHUNKED_BAD;
		}
		i++;
	}
	*used = i;
	return c->state == CHUNKED_END ? CHUNKED_DONE : CHUNKED_MORE;
}
