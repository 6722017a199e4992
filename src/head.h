/* src/head.h: PURE parsers for a response head and its message framing */
#ifndef HG_HEAD_H
#define HG_HEAD_H

#include <stddef.h>
#include <stdint.h>

#include "span.h"

enum head_rc {
	HEAD_BIG = -3,		/* a cap in limits.h was passed */
	HEAD_MORE = -2,		/* need more bytes */
	HEAD_BAD = -1,		/* malformed; why says how */
	HEAD_OK = 0
};

struct hfield {
	struct span	 name;
	/*
	 * OWS trimmed at both ends.  An obs-fold (RFC 9112 §5.2) stays inside
	 * the span as CR? LF 1*(SP / HTAB); head_value_copy() unfolds it.
	 */
	struct span	 value;
};

struct head {
	int		 version;	/* 9 HTTP/0.9, 10 HTTP/1.0, 11 HTTP/1.1, 20 ... */
	int		 status;	/* three digits, 100..999 */
	struct span	 reason;	/* may be empty */
	struct hfield	*fields;	/* caller's array of maxfields */
	size_t		 maxfields;
	size_t		 nfields;
	size_t		 len;		/* bytes of the head, empty line included */
	const char	*why;		/* HEAD_BAD/HEAD_BIG: static text */
};

/*
 * Does buf start like an HTTP/1.x status line ("HTTP/")?  1 yes, 0 no
 * (an HTTP/0.9 reply), -1 not enough bytes to tell.
 */
int		 head_is_http(const char *buf, size_t len);

/*
 * Parse a status line and header fields from the start of buf through the
 * empty line that ends them.  Tolerant where curl is (LF without CR, runs
 * of SP/HTAB, obs-fold), strict where safety needs it (HG_MAX_LINE per
 * line, HG_MAX_HEAD in all, at most maxfields fields, no NUL, no field
 * without a colon, no whitespace before the colon).  Never reads past len.
 * On HEAD_OK, h->len is the head's length; spans point into buf.
 */
enum head_rc	 head_parse(struct head *h, const char *buf, size_t len);

/* The first field named name (case-insensitive), or NULL. */
const struct hfield *head_find(const struct head *, const char *name);

/*
 * Copy a field value to dst (size dstlen, always NUL-terminated),
 * replacing each obs-fold with one SP.  Returns the unfolded length; when
 * that is >= dstlen the copy was truncated.
 */
size_t		 head_value_copy(const struct hfield *, char *dst, size_t dstlen);

/* RFC 9112 §6.3: how the message body that follows a head is delimited. */
enum framing_kind {
	FRAMING_NONE,		/* no body: HEAD, 1xx, 204, 304 */
	FRAMING_LENGTH,		/* Content-Length bytes */
	FRAMING_CHUNKED,	/* chunked transfer coding */
	FRAMING_CLOSE		/* until the server closes */
};

struct framing {
	enum framing_kind kind;
	uint64_t	 length;	/* FRAMING_LENGTH */
	int		 reusable;	/* the connection may carry another request */
	const char	*why;		/* HEAD_BAD: static text */
};

/*
 * Decide framing and reuse from a parsed head.  head_request: the request
 * was HEAD.  http10_request: the request was sent as HTTP/1.0.  HEAD_BAD
 * for an invalid or conflicting Content-Length.
 */
enum head_rc	 framing_decide(const struct head *, int head_request,
		    int http10_request, struct framing *);

/* RFC 9112 §7.1: incremental chunked decoder, any byte split. */
enum chunked_state {
	CHUNKED_SIZE, CHUNKED_EXT, CHUNKED_SIZE_LF, CHUNKED_DATA,
	CHUNKED_DATA_CR, CHUNKED_DATA_LF, CHUNKED_TRAILER,
	CHUNKED_TRAILER_LINE, CHUNKED_TRAILER_LF, CHUNKED_END
};

struct chunked {
	enum chunked_state state;
	uint64_t	 remain;	/* data bytes left in this chunk */
	unsigned	 ndigits;	/* hex digits seen in this size */
	size_t		 extlen;	/* bytes of extensions, all chunks */
	size_t		 trailerlen;	/* bytes of trailer section */
	uint64_t	 total;		/* decoded bytes so far */
	const char	*why;		/* CHUNKED_BAD: static text */
};

enum chunked_rc {
	CHUNKED_BAD = -1,	/* malformed or over a cap; why says which */
	CHUNKED_MORE = 0,	/* all input used, the body goes on */
	CHUNKED_OUT = 1,	/* out holds decoded bytes (pointing into in) */
	CHUNKED_DONE = 2	/* last chunk and trailers read */
};

void		 chunked_init(struct chunked *);
/*
 * Feed input; *used says how many bytes of in were consumed.  Call again
 * with the rest after CHUNKED_OUT.  After CHUNKED_DONE the bytes past
 * *used belong to the next response.  Trailer fields are read and dropped.
 */
enum chunked_rc	 chunked_feed(struct chunked *, const char *in, size_t inlen,
		    size_t *used, struct span *out);

#endif
