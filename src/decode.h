/* src/decode.h: content codings as streaming stages between the framing
 * decoder and the sinks (RFC 9110 §8.4: gzip, deflate; RFC 7932: br;
 * RFC 8878: zstd) */
#ifndef HG_DECODE_H
#define HG_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "herr.h"

/* curl's MAX_ENCODE_STACK: codings one response may stack */
#define DECODE_MAX_STAGES	5

struct decoder;

/* Where decoded bytes go: the sink, or the next stage in a test. */
typedef enum herr (*decode_out_fn)(void *arg, const char *p, size_t n,
		    struct hg_err *);

/*
 * A chain for a Content-Encoding (or Transfer-Encoding, minus "chunked")
 * field value, codings listed in the order they were applied: the chain
 * undoes them last to first.  Several field lines are one list joined with
 * ",".  "identity" is skipped, "x-gzip" is gzip.  max_out caps the decoded
 * bytes (0: none), the answer to decompression bombs.
 *
 * Returns HERR_OK with *dp set (NULL when nothing needs decoding), or
 * HERR_BAD_CONTENT_ENCODING for more than DECODE_MAX_STAGES codings.  An
 * unknown coding sets *dp to NULL and copies its name to unknown[] (at most
 * unknownlen bytes with the NUL): the caller passes the body through raw
 * and warns, as curl does.
 */
enum herr	 decode_new(struct decoder **dp, const char *value, size_t len,
		    uint64_t max_out, char *unknown, size_t unknownlen,
		    struct hg_err *);
/*
 * Feed n encoded bytes; decoded bytes are handed to out (in pieces of at
 * most the stage buffer, 64 KiB).  Any split of the input gives the same
 * output.  A corrupt stream fails with HERR_BAD_CONTENT_ENCODING, output
 * past max_out with HERR_BAD_CONTENT_ENCODING ("Decoded body exceeds
 * --max-decoded-size of N bytes"), out's own failure is returned as is.
 */
enum herr	 decode_feed(struct decoder *, const char *p, size_t n,
		    decode_out_fn out, void *arg, struct hg_err *);
/* The body ended: a stream that did not reach its end is truncated (61). */
enum herr	 decode_finish(struct decoder *, decode_out_fn out, void *arg,
		    struct hg_err *);
/* Decoded bytes handed out so far. */
uint64_t	 decode_total(const struct decoder *);
void		 decode_free(struct decoder *);

/* The Accept-Encoding value --compressed sends: "deflate, gzip, br, zstd". */
extern const char decode_accept[];

#endif
