/*
 * cmd/mime.h: a multipart body (RFC 2046 §5.1, RFC 7578) as a tree of
 * parts, and the bytes curl 7.88 sends for it
 */
#ifndef HG_MIME_H
#define HG_MIME_H

#include <stddef.h>
#include <stdint.h>

#include "herr.h"
#include "seglist.h"

/* ";encoder=" values (a Content-Transfer-Encoding) */
enum mime_enc {
	MIME_ENC_NONE, MIME_ENC_BINARY, MIME_ENC_8BIT, MIME_ENC_7BIT,
	MIME_ENC_BASE64, MIME_ENC_QP
};

/* curl's boundary: 24 dashes and 16 hex digits (64 random bits) */
#define MIME_BOUNDARY_LEN	40

struct mime_part {
	struct mime_part *parent;
	struct mime_part **kids;	/* a multipart: its parts */
	size_t		 nkids;
	int		 multi;
	char		*name;		/* NULL: none */
	char		*filename;	/* NULL: none */
	char		*type;		/* ";type="; NULL: none */
	const char	*path;		/* a file: a type may come from it */
	char		**hdrs;		/* ";headers=", in order */
	size_t		 nhdrs;
	enum mime_enc	 enc;
	const char	*mem;		/* the content, when fd == -1 */
	size_t		 len;
	int		 fd;		/* owned by the body */
	int64_t		 size;
	char		 boundary[MIME_BOUNDARY_LEN + 1];
};

/*
 * The tree: parts point into strings they do not own; mime_free()
 * frees the parts, their kids and header arrays only.
 */
struct mime_part *mime_new(void);
int		 mime_add(struct mime_part *m, struct mime_part *kid);
int		 mime_add_header(struct mime_part *, char *line);
void		 mime_free(struct mime_part *);

/* An ";encoder=" name, any case; -1 when there is no such encoder. */
int		 mime_encoder(const char *name, enum mime_enc *enc);
/* curl's ISSPACE: what it skips around -F words and header values */
int		 mime_blank(int c);

/*
 * Draw a boundary for root and every multipart below it, none found in
 * the parts' names, headers or values.  Gives up (HERR_FAILED_INIT)
 * when the random source keeps repeating itself.
 */
enum herr	 mime_boundaries(struct mime_part *root, struct hg_err *e);
/*
 * For the unit tests: take the random bytes of boundaries from fn
 * instead of arc4random_buf(3); NULL restores arc4random_buf.
 */
void		 mime_set_random(void (*fn)(void *buf, size_t len));

/*
 * Append the multipart m to sl: its parts between its boundaries, each
 * with its head and its content (through its encoder).  formdata: m's
 * own parts are "form-data", not "attachment"s (curl's for the body's
 * top level under multipart/form-data).
 */
enum herr	 mime_write(struct seglist *sl, const struct mime_part *m,
		    int formdata);

#endif
