/*
 * cmd/mime.c: a multipart body (RFC 2046 §5.1, RFC 7578) as a tree of
 * parts, and the bytes curl 7.88 sends for it: boundaries, each part's
 * head in curl's order, Content-Type guesses, contents through their
 * encoders.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mime.h"
#include "urlenc.h"
#include "xform.h"

/* a boundary starts with this many dashes; random hex digits follow */
#define MIME_BOUNDARY_DASHES	24
/* draws of a boundary before the random source is deemed stuck */
#define MIME_BOUNDARY_TRIES	1000

/* ";encoder=" names, any case; the header gets them as written here */
static const char *const mime_enc_names[] = {
	NULL, "binary", "8bit", "7bit", "base64", "quoted-printable"
};

static void	(*mime_random)(void *, size_t) = arc4random_buf;

void
mime_set_random(void (*fn)(void *buf, size_t len))
{
	mime_random = fn != NULL ? fn : arc4random_buf;
}

int
mime_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
	    c == '\f' || c == '\r';
}

int
mime_encoder(const char *name, enum mime_enc *enc)
{
	size_t	 i;

	for (i = 1; i < sizeof(mime_enc_names) / sizeof(mime_enc_names[0]);
	    i++)
		if (strcasecmp(name, mime_enc_names[i]) == 0) {
			*enc = (enum mime_enc)i;
			return 0;
		}
	return -1;
}

/* ---- the tree ---- */

struct mime_part *
mime_new(void)
{
	struct mime_part *p;

	if ((p = calloc(1, sizeof(*p))) != NULL)
		p->fd = -1;
	return p;
}

int
mime_add(struct mime_part *m, struct mime_part *kid)
{
	struct mime_part **n;

	if ((n = reallocarray(m->kids, m->nkids + 1, sizeof(*n))) == NULL)
		return -1;
	m->kids = n;
	m->kids[m->nkids++] = kid;
	kid->parent = m;
	return 0;
}

int
mime_add_header(struct mime_part *p, char *line)
{
	char	**n;

	if ((n = reallocarray(p->hdrs, p->nhdrs + 1, sizeof(*n))) == NULL)
		return -1;
	p->hdrs = n;
	p->hdrs[p->nhdrs++] = line;
	return 0;
}

void
mime_free(struct mime_part *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nkids; i++)
		mime_free(p->kids[i]);
	free(p->kids);
	free(p->hdrs);
	free(p);
}

/* ---- boundaries ---- */

static int
mime_memmem(const char *h, size_t hlen, const char *n, size_t nlen)
{
	size_t	 i;

	for (i = 0; nlen <= hlen && i <= hlen - nlen; i++)
		if (h[i] == n[0] && memcmp(h + i, n, nlen) == 0)
			return 1;
	return 0;
}

static int
mime_strstr(const char *h, const char *n)
{
	return h != NULL && mime_memmem(h, strlen(h), n, strlen(n));
}

/*
 * Whether b is in use below m: another multipart's boundary, or bytes of
 * a name, filename, type, header or in-memory value.  RFC 2046 §5.1.1:
 * the delimiter must not occur inside the encapsulated parts.  File
 * contents are not searched: a boundary carries 64 random bits, so an
 * n-byte file holds a given one with a chance under n / 2^64 (2^-24 for
 * a terabyte), and nobody can aim a file at a boundary not yet drawn.
 */
static int
mime_taken(const struct mime_part *m, const struct mime_part *self,
    const char *b)
{
	const struct mime_part *k;
	size_t		 i, j;

	for (i = 0; i < m->nkids; i++) {
		k = m->kids[i];
		if (mime_strstr(k->name, b) || mime_strstr(k->filename, b) ||
		    mime_strstr(k->type, b) ||
		    (k->mem != NULL && mime_memmem(k->mem, k->len, b,
		    strlen(b))))
			return 1;
		for (j = 0; j < k->nhdrs; j++)
			if (mime_strstr(k->hdrs[j], b))
				return 1;
		if (k->multi && ((k != self && strcmp(k->boundary, b) == 0) ||
		    mime_taken(k, self, b)))
			return 1;
	}
	return 0;
}

/* Whether m's boundary is root's or in use anywhere in the tree. */
static int
mime_in_use(const struct mime_part *root, const struct mime_part *m)
{
	if (m == root)
		return mime_taken(m, m, m->boundary);
	return strcmp(root->boundary, m->boundary) == 0 ||
	    mime_taken(root, m, m->boundary);
}

/* curl's shape: 24 dashes and 16 lower-case hex digits */
static void
mime_draw(char *out)
{
	unsigned char	 r[(MIME_BOUNDARY_LEN - MIME_BOUNDARY_DASHES) / 2];
	size_t		 i;

	mime_random(r, sizeof(r));
	memset(out, '-', MIME_BOUNDARY_DASHES);
	for (i = 0; i < sizeof(r); i++)
		urlenc_hex(out + MIME_BOUNDARY_DASHES + 2 * i, r[i], 1);
	out[MIME_BOUNDARY_LEN] = '\0';
}

/* A boundary for m and every multipart below it, none in use. */
static enum herr
mime_draw_all(struct mime_part *root, struct mime_part *m, struct hg_err *e)
{
	enum herr	 rc;
	size_t		 i, tries = 0;

	do {
		if (tries++ == MIME_BOUNDARY_TRIES)
			return hg_fail(e, HERR_FAILED_INIT, "Cannot draw a "
			    "multipart boundary: the random source repeats");
		mime_draw(m->boundary);
	} while (mime_in_use(root, m));
	for (i = 0; i < m->nkids; i++)
		if (m->kids[i]->multi &&
		    (rc = mime_draw_all(root, m->kids[i], e)) != HERR_OK)
			return rc;
	return HERR_OK;
}

enum herr
mime_boundaries(struct mime_part *root, struct hg_err *e)
{
	return mime_draw_all(root, root, e);
}

/* ---- Content-Type ---- */

/* The value of p's own header field name (";headers="), or NULL. */
static const char *
mime_field(const struct mime_part *p, const char *name)
{
	const char	*v;
	size_t		 i, n = strlen(name);

	for (i = 0; i < p->nhdrs; i++)
		if (strncasecmp(p->hdrs[i], name, n) == 0 &&
		    p->hdrs[i][n] == ':') {
			for (v = p->hdrs[i] + n + 1;
			    mime_blank((unsigned char)*v); v++)
				continue;
			return v;
		}
	return NULL;
}

/* curl 7.88's table, matched on the end of the name, any case */
static const char *
mime_guess(const char *name)
{
	static const struct {
		const char	*ext, *type;
	} types[] = {
		{ ".gif", "image/gif" },
		{ ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" },
		{ ".png", "image/png" },
		{ ".svg", "image/svg+xml" },
		{ ".txt", "text/plain" },
		{ ".htm", "text/html" },
		{ ".html", "text/html" },
		{ ".pdf", "application/pdf" },
		{ ".xml", "application/xml" },
	};
	size_t	 i, n, e;

	if (name == NULL)
		return NULL;
	n = strlen(name);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		e = strlen(types[i].ext);
		if (n >= e && strcasecmp(name + n - e, types[i].ext) == 0)
			return types[i].type;
	}
	return NULL;
}

/*
 * A part's Content-Type, as curl 7.88 picks it: ";type=", else its own
 * Content-Type header, else a guess from the filename, then (a file)
 * from the path, then (a file with a filename) application/octet-stream.
 * A guessed text/plain without a filename is left out: RFC 7578 §4.4
 * makes it the default of a form field.
 */
static const char *
mime_ctype(const struct mime_part *p)
{
	const char	*ct;

	if (p->type != NULL)
		return p->type;
	if ((ct = mime_field(p, "Content-Type")) != NULL)
		return ct;
	if (p->multi)
		return "multipart/mixed";
	if ((ct = mime_guess(p->filename)) == NULL && p->path != NULL &&
	    (ct = mime_guess(p->path)) == NULL && p->filename != NULL)
		ct = "application/octet-stream";
	if (ct != NULL && p->filename == NULL && strcmp(ct, "text/plain") == 0)
		return NULL;
	return ct;
}

/* ---- a part's head ---- */

/*
 * A name or filename between double quotes: curl 7.88 writes '"', CR and
 * LF as %22, %0D and %0A (the HTML form encoding), the rest as is.
 */
static enum herr
mime_quoted(struct seglist *sl, const char *param, const char *s)
{
	enum herr	 rc;
	const char	*q;
	size_t		 n;

	if ((rc = seglist_strs(sl, param, (char *)NULL)) != HERR_OK)
		return rc;
	for (; *s != '\0'; s += n) {
		n = strcspn(s, "\"\r\n");
		if ((rc = seglist_mem(sl, s, n)) != HERR_OK)
			return rc;
		if (s[n] == '\0')
			break;
		q = s[n] == '"' ? "%22" : s[n] == '\r' ? "%0D" : "%0A";
		if ((rc = seglist_mem(sl, q, 3)) != HERR_OK)
			return rc;
		n++;
	}
	return seglist_strs(sl, "\"", (char *)NULL);
}

/*
 * Content-Disposition: form-data for the body's own parts, attachment
 * inside a nested multipart or under a -H Content-Type other than
 * multipart/form-data, where a part without name or filename has none.
 * A ";headers=" Content-Disposition replaces it.
 */
static enum herr
mime_disposition(struct seglist *sl, const struct mime_part *p,
    int formdata)
{
	enum herr	 rc;

	if (mime_field(p, "Content-Disposition") != NULL ||
	    (!formdata && p->name == NULL && p->filename == NULL))
		return HERR_OK;
	rc = seglist_strs(sl, formdata ? "Content-Disposition: form-data" :
	    "Content-Disposition: attachment", (char *)NULL);
	if (rc == HERR_OK && p->name != NULL)
		rc = mime_quoted(sl, "; name=\"", p->name);
	if (rc == HERR_OK && p->filename != NULL)
		rc = mime_quoted(sl, "; filename=\"", p->filename);
	if (rc == HERR_OK)
		rc = seglist_strs(sl, "\r\n", (char *)NULL);
	return rc;
}

/*
 * The header lines of one part, in curl 7.88's order: Content-
 * Disposition, Content-Type, Content-Transfer-Encoding (unless a
 * ";headers=" line gives one), then the ";headers=" lines less any
 * Content-Type (already used).
 */
static enum herr
mime_head(struct seglist *sl, const struct mime_part *p, int formdata)
{
	enum herr	 rc;
	const char	*ct;
	size_t		 i;

	if ((rc = mime_disposition(sl, p, formdata)) != HERR_OK)
		return rc;
	if ((ct = mime_ctype(p)) != NULL && (rc = seglist_strs(sl,
	    "Content-Type: ", ct, p->multi ? "; boundary=" : "",
	    p->multi ? p->boundary : "", "\r\n", (char *)NULL)) != HERR_OK)
		return rc;
	if (p->enc != MIME_ENC_NONE && !p->multi &&
	    mime_field(p, "Content-Transfer-Encoding") == NULL &&
	    (rc = seglist_strs(sl, "Content-Transfer-Encoding: ",
	    mime_enc_names[p->enc], "\r\n", (char *)NULL)) != HERR_OK)
		return rc;
	for (i = 0; i < p->nhdrs; i++)
		if (strncasecmp(p->hdrs[i], "Content-Type:", 13) != 0 &&
		    (rc = seglist_strs(sl, p->hdrs[i], "\r\n", (char *)NULL)) !=
		    HERR_OK)
			return rc;
	return HERR_OK;
}

/* ---- a part's content ---- */

/* A leaf part's content as a source: its value, or its file from 0. */
static void
mime_src(struct spool_src *s, const struct mime_part *p)
{
	if (p->fd == -1)
		spool_src_mem(s, p->mem, p->len);
	else
		spool_src_fd(s, p->fd, 1);
}

/* What messages call a part's file: its path, or "-" for stdin */
static const char *
mime_path(const struct mime_part *p)
{
	return p->path != NULL ? p->path : "-";
}

/*
 * encoder=7bit: curl 7.88 fails on a byte >= 128 while sending ("read
 * function returned funny value", 26); this finds it before.
 */
static enum herr
mime_7bit(struct hg_err *e, const struct mime_part *p)
{
	struct spool_src s;
	enum herr	 rc;
	int		 c;

	mime_src(&s, p);
	while ((c = spool_peek(&s, 0)) != -1 && c < 128)
		spool_skip(&s, 1);
	if ((rc = spool_src_end(&s, mime_path(p), e)) != HERR_OK || c == -1)
		return rc;
	return hg_fail(e, HERR_READ_ERROR, "The -F part \"%s\" holds 8-bit "
	    "data: not for encoder=7bit", p->name != NULL ? p->name : "");
}

/*
 * A leaf part's content, through its encoder: a value encodes into
 * memory, a file into a temporary file.
 */
static enum herr
mime_content(struct seglist *sl, const struct mime_part *p)
{
	struct spool_src s;
	struct spool_dst d;
	enum herr	 rc;
	spool_xf	 xf;

	if (p->enc == MIME_ENC_7BIT && (rc = mime_7bit(sl->e, p)) != HERR_OK)
		return rc;
	if (p->enc != MIME_ENC_BASE64 && p->enc != MIME_ENC_QP)
		return p->fd == -1 ? seglist_mem(sl, p->mem, p->len) :
		    seglist_fd(sl, p->fd, p->size);
	xf = p->enc == MIME_ENC_BASE64 ? xform_base64 : xform_qp;
	if (p->fd == -1) {
		spool_dst_mem(&d, &sl->cur);
		mime_src(&s, p);
		return spool_end(&s, &d, xf(&s, &d) == -1, "-F", sl->e);
	}
	if ((rc = seglist_tmp(sl, &d)) != HERR_OK)
		return rc;
	mime_src(&s, p);
	if ((rc = spool_end(&s, &d, xf(&s, &d) == -1, mime_path(p),
	    sl->e)) != HERR_OK)
		return rc;
	return seglist_fd(sl, d.fd, d.total);
}

/* m's parts between its boundaries (RFC 2046 §5.1.1). */
enum herr
mime_write(struct seglist *sl, const struct mime_part *m, int formdata)
{
	const struct mime_part *p;
	enum herr	 rc = HERR_OK;
	size_t		 i;

	for (i = 0; rc == HERR_OK && i < m->nkids; i++) {
		p = m->kids[i];
		if ((rc = seglist_strs(sl, "--", m->boundary, "\r\n",
		    (char *)NULL)) != HERR_OK ||
		    (rc = mime_head(sl, p, formdata)) != HERR_OK ||
		    (rc = seglist_strs(sl, "\r\n", (char *)NULL)) != HERR_OK)
			break;
		rc = p->multi ? mime_write(sl, p, 0) : mime_content(sl, p);
		if (rc == HERR_OK)
			rc = seglist_strs(sl, "\r\n", (char *)NULL);
	}
	if (rc == HERR_OK)
		rc = seglist_strs(sl, "--", m->boundary, "--\r\n",
		    (char *)NULL);
	return rc;
}
