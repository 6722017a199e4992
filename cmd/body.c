/*
 * cmd/body.c: the request body as curl 7.88 builds it from -d, --json,
 * --data-urlencode, -G, --url-query and -T, byte for byte, without ever
 * holding a file's contents in memory; form.c does -F.
 *
 * The rules below were measured with curl 7.88.1 against a loopback
 * listener that records the request; tests/unit/t_body.c has them as a
 * table.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "body.h"
#include "buf.h"
#include "form.h"
#include "limits.h"
#include "mime.h"
#include "seglist.h"
#include "spool.h"
#include "urlenc.h"
#include "xform.h"

#define BODY_FORM_URLENCODED	"application/x-www-form-urlencoded"
#define BODY_JSON_CT		"Content-Type: application/json"
#define BODY_JSON_ACCEPT	"Accept: application/json"

void
body_set_random(void (*fn)(void *buf, size_t len))
{
	mime_set_random(fn);
}

/*
 * If line names the header field name (any case) followed by ':' or ';'
 * (curl's "-H 'Name;'" sends it empty), the byte after the name; else
 * NULL.  This is how curl 7.88 decides --json's headers were given.
 */
static const char *
body_field(const char *line, const char *name)
{
	size_t	 n = strlen(name);

	if (strncasecmp(line, name, n) != 0 ||
	    (line[n] != ':' && line[n] != ';'))
		return NULL;
	return line + n;
}

/* body_field() of the first of the n lines that names name, or NULL */
static const char *
body_header(const char *const *lines, size_t n, const char *name)
{
	const char	*v;
	size_t		 i;

	for (i = 0; i < n; i++)
		if ((v = body_field(lines[i], name)) != NULL)
			return v;
	return NULL;
}

int
body_header_dropped(const struct body *b, const char *line)
{
	return b->drop_content_type &&
	    body_field(line, "Content-Type") != NULL;
}

void
body_free(struct body *b)
{
	size_t	 i;

	for (i = 0; i < b->nmem; i++)
		free(b->mem[i]);
	for (i = 0; i < b->nfds; i++)
		(void)close(b->fds[i]);
	for (i = 0; i < b->nnotes; i++)
		free(b->notes[i]);
	free(b->mem);
	free(b->fds);
	free(b->notes);
	free(b->segs);
	free(b->content_type);
	free(b->query);
	memset(b, 0, sizeof(*b));
}

/* ---- -d, --data-binary, --data-raw, --data-urlencode, --json ---- */

/* -d @file (xf xform_strip), --data-binary @file, --json @file (NULL) */
static enum herr
body_data_file(struct seglist *sl, const char *path, spool_xf xf)
{
	struct stat	 st;
	enum herr	 rc;
	int64_t		 size;
	int		 fd;

	if (xf == NULL)
		rc = seglist_content(sl, path, &fd, &size);
	else if ((rc = spool_open(path, &fd, &st, sl->e)) == HERR_OK)
		rc = seglist_spool(sl, path, fd, xf, &fd, &size);
	return rc == HERR_OK ? seglist_fd(sl, fd, size) : rc;
}

/* "name=" (when nlen > 0) and s's bytes, form-urlencoded */
static int
body_urlencode_pair(struct spool_src *s, struct spool_dst *d,
    const char *name, size_t nlen, int lower)
{
	if (nlen > 0 && (spool_put(d, name, nlen) == -1 ||
	    spool_putc(d, '=') == -1))
		return -1;
	return xform_urlencode(s, d, lower);
}

/* A word of the command line: into q, or the body's pending bytes. */
static enum herr
body_urlencode_word(struct seglist *sl, const char *name, size_t nlen,
    const char *content, int lower, struct buf *q)
{
	struct spool_src s;
	struct spool_dst d;

	spool_dst_mem(&d, q != NULL ? q : &sl->cur);
	spool_src_mem(&s, content, strlen(content));
	return spool_end(&s, &d, body_urlencode_pair(&s, &d, name, nlen,
	    lower) == -1, "(argument)", sl->e);
}

/*
 * A file: read whole into q (it goes into the URL), else encoded into a
 * temporary file.  curl 7.88 sends nothing at all, not even "name=",
 * for an empty file.
 */
static enum herr
body_urlencode_file(struct seglist *sl, const char *name, size_t nlen,
    const char *path, int lower, struct buf *q)
{
	struct stat	 st;
	struct spool_src s;
	struct spool_dst d;
	enum herr	 rc;
	int		 fd;

	if ((rc = spool_open(path, &fd, &st, sl->e)) != HERR_OK)
		return rc;
	if (q != NULL)
		spool_dst_mem(&d, q);
	else if ((rc = seglist_tmp(sl, &d)) != HERR_OK) {
		spool_close(fd);
		return rc;
	}
	spool_src_fd(&s, fd, 0);
	if (spool_peek(&s, 0) == -1)
		nlen = 0;
	rc = spool_end(&s, &d, body_urlencode_pair(&s, &d, name, nlen,
	    lower) == -1, path, sl->e);
	spool_close(fd);
	if (rc != HERR_OK || q != NULL)
		return rc;
	return seglist_fd(sl, d.fd, d.total);
}

/*
 * The five forms of --data-urlencode (and --url-query): "content",
 * "=content", "name=content", "@file", "name@file".  The first '=' wins;
 * only without one does a '@' name a file.  The name goes out as
 * written.  Output goes to q when q is not NULL (--url-query), else
 * into the body.
 */
static enum herr
body_urlencode(struct seglist *sl, const char *arg, int lower,
    struct buf *q)
{
	const char	*p, *content = arg;
	size_t		 nlen = 0;

	if ((p = strchr(arg, '=')) == NULL)
		p = strchr(arg, '@');
	if (p != NULL) {
		nlen = (size_t)(p - arg);
		content = p + 1;
	}
	if (p != NULL && *p == '@')
		return body_urlencode_file(sl, arg, nlen, content, lower, q);
	return body_urlencode_word(sl, arg, nlen, content, lower, q);
}

static enum herr
body_data_one(struct seglist *sl, const struct opts_data *d)
{
	const char	*a = d->arg;

	switch (d->kind) {
	case OPTS_DATA_RAW:
		return seglist_strs(sl, a, (char *)NULL);
	case OPTS_DATA_URLENCODE:
		return body_urlencode(sl, a, 0, NULL);
	case OPTS_DATA:
		return a[0] == '@' ? body_data_file(sl, a + 1, xform_strip) :
		    seglist_strs(sl, a, (char *)NULL);
	case OPTS_DATA_BINARY:
	case OPTS_DATA_JSON:
		break;
	}
	return a[0] == '@' ? body_data_file(sl, a + 1, NULL) :
	    seglist_strs(sl, a, (char *)NULL);
}

/*
 * curl 7.88 joins the -d family with '&' in command-line order, but
 * puts none before a --json: "-d a --json b" sends "ab", "--json b -d a"
 * sends "b&a", "--json a --json b" sends "ab".
 */
static enum herr
body_data(struct seglist *sl, const struct opts *o)
{
	enum herr	 rc;
	size_t		 i;

	for (i = 0; i < o->ndata; i++) {
		if (i > 0 && o->data[i].kind != OPTS_DATA_JSON &&
		    (rc = seglist_mem(sl, "&", 1)) != HERR_OK)
			return rc;
		if ((rc = body_data_one(sl, &o->data[i])) != HERR_OK)
			return rc;
	}
	return seglist_flush(sl);
}

/* ---- the query: --url-query and -G ---- */

/*
 * curl appends -G data through its URL parser, which writes every "%XX"
 * with lower-case hex ("%2B" goes out as "%2b").
 */
static void
body_lower_escapes(struct buf *q)
{
	size_t	 i;

	for (i = 0; i + 2 < q->len; i++) {
		if (q->data[i] != '%' || !isxdigit((unsigned char)q->data[i +
		    1]) || !isxdigit((unsigned char)q->data[i + 2]))
			continue;
		q->data[i + 1] = (char)tolower((unsigned char)q->data[i + 1]);
		q->data[i + 2] = (char)tolower((unsigned char)q->data[i + 2]);
		i += 2;
	}
}

/*
 * -G: the body built so far becomes the query string.  curl holds it as
 * a C string, so it ends at the first NUL ("--data-binary @f -G" with a
 * NUL in f sends only what comes before it).
 */
static enum herr
body_segs_string(struct seglist *sl, struct buf *out)
{
	const struct hg_seg *sg;
	struct spool_src s;
	struct spool_dst d;
	enum herr	 rc;
	const char	*nul;
	size_t		 i;

	spool_dst_mem(&d, out);
	for (i = 0; i < sl->b->nsegs; i++) {
		sg = &sl->b->segs[i];
		if (sg->fd == -1)
			spool_src_mem(&s, sg->mem, sg->len);
		else
			spool_src_fd(&s, sg->fd, 1);
		if ((rc = spool_end(&s, &d, spool_copy(&s, &d) == -1,
		    "(-G data)", sl->e)) != HERR_OK)
			return rc;
	}
	if (out->len > 0 &&
	    (nul = memchr(out->data, '\0', out->len)) != NULL)
		out->len = (size_t)(nul - out->data);
	body_lower_escapes(out);
	return HERR_OK;
}

static enum herr
body_query_fail(struct hg_err *e, const struct buf *q, size_t more)
{
	if (q->len + more <= q->cap)
		return spool_nomem(e);
	return hg_fail(e, HERR_TOO_LARGE, "The query would be longer than "
	    "%zu bytes", q->cap);
}

/*
 * --url-query: the same five forms as --data-urlencode (lower-case hex)
 * and "+content", sent as is; joined with '&'.  A file is read whole
 * into memory: it goes into the URL.
 */
static enum herr
body_url_query(struct seglist *sl, const struct opts *o, struct buf *q)
{
	const char	*a;
	enum herr	 rc;
	size_t		 i;

	for (i = 0; i < o->nurl_queries; i++) {
		a = o->url_queries[i];
		if (i > 0 && buf_addc(q, '&') == -1)
			return body_query_fail(sl->e, q, 1);
		if (a[0] == '+') {
			if (buf_addstr(q, a + 1) == -1)
				return body_query_fail(sl->e, q,
				    strlen(a + 1));
		} else if ((rc = body_urlencode(sl, a, 1, q)) != HERR_OK)
			return rc;
	}
	return HERR_OK;
}

/*
 * What goes after the URL's query: the --url-query items, then the -G
 * data.  (curl 7.88 drops the --url-query items when -G has data, a bug
 * fixed in later versions; hget sends both.)
 */
static enum herr
body_query(struct body *b, const struct opts *o, const struct buf *uq,
    const struct buf *gq, struct hg_err *e)
{
	int	 u = o->nurl_queries > 0, g = o->get && o->ndata > 0;

	if (!u && !g)
		return HERR_OK;
	b->query = buf_fmt("%.*s%s%.*s", u ? (int)uq->len : 0,
	    u && uq->len > 0 ? uq->data : "", u && g ? "&" : "",
	    g ? (int)gq->len : 0, g && gq->len > 0 ? gq->data : "");
	return b->query == NULL ? spool_nomem(e) : HERR_OK;
}

/* ---- putting it together ---- */

/*
 * --json: curl 7.88 adds "Content-Type: application/json" and "Accept:
 * application/json" after the -H lines, each unless a -H line names
 * that field (also to remove it: "-H 'Accept:'").
 */
static void
body_json(struct body *b, const struct opts *o, const char *const *hdrs,
    size_t nhdrs)
{
	size_t	 i;

	for (i = 0; i < o->ndata; i++)
		if (o->data[i].kind == OPTS_DATA_JSON)
			b->json = 1;
	if (!b->json)
		return;
	if (body_header(hdrs, nhdrs, "Content-Type") == NULL)
		b->extra_headers[b->nextra_headers++] = BODY_JSON_CT;
	if (body_header(hdrs, nhdrs, "Accept") == NULL)
		b->extra_headers[b->nextra_headers++] = BODY_JSON_ACCEPT;
}

/* The -d family: the body, or with -G the query's second half, gq. */
static enum herr
body_build_data(struct seglist *sl, const struct opts *o, struct buf *gq)
{
	struct body	*b = sl->b;
	enum herr	 rc;

	if (o->ndata == 0)
		return HERR_OK;
	if ((rc = body_data(sl, o)) != HERR_OK)
		return rc;
	if (o->get) {
		rc = body_segs_string(sl, gq);
		b->nsegs = 0;		/* files stay open until body_free */
		return rc;
	}
	if (!b->json && (b->content_type = strdup(BODY_FORM_URLENCODED)) ==
	    NULL)
		return spool_nomem(sl->e);
	return HERR_OK;
}

/*
 * -F: with a -H Content-Type, curl 7.88 sends that value (and the
 * boundary) in the default Content-Type's place, and no -H line for it.
 */
static enum body_rc
body_form(struct seglist *sl, const struct opts *o, const char *const *hdrs,
    size_t nhdrs)
{
	const char	*ct = body_header(hdrs, nhdrs, "Content-Type");

	if (ct != NULL)
		sl->b->drop_content_type = 1;
	return form_build(sl, o->forms, o->nforms, ct);
}

/* The --url-query items, the -d family or -G's query, -F, the query. */
static enum body_rc
body_make(struct seglist *sl, const struct opts *o, const char *const *hdrs,
    size_t nhdrs, struct buf *uq, struct buf *gq)
{
	enum body_rc	 rc;

	if (o->nurl_queries > 0 && body_url_query(sl, o, uq) != HERR_OK)
		return BODY_FAIL;
	if (body_build_data(sl, o, gq) != HERR_OK)
		return BODY_FAIL;
	if (o->nforms > 0 && (rc = body_form(sl, o, hdrs, nhdrs)) != BODY_OK)
		return rc;
	if (body_query(sl->b, o, uq, gq, sl->e) != HERR_OK)
		return BODY_FAIL;
	return BODY_OK;
}

enum body_rc
body_build(const struct opts *o, const char *const *headers,
    size_t nheaders, struct body *b, struct hg_err *e)
{
	struct seglist	 sl;
	struct buf	 uq, gq;
	enum body_rc	 rc;

	memset(b, 0, sizeof(*b));
	if (o->ndata > 0 && o->nforms > 0) {
		hg_fail(e, HERR_FAILED_INIT, "You can only select one HTTP "
		    "request method! You asked for both POST (-d, --data) "
		    "and multipart formpost (-F, --form).");
		return BODY_USAGE;
	}
	seglist_init(&sl, b, e);
	buf_init(&uq, HG_MAX_URL);
	buf_init(&gq, HG_MAX_URL);
	body_json(b, o, headers, nheaders);
	rc = body_make(&sl, o, headers, nheaders, &uq, &gq);
	seglist_done(&sl);
	buf_free(&uq);
	buf_free(&gq);
	if (b->nsegs == 0) {
		free(b->segs);
		b->segs = NULL;
	}
	return rc;
}

/* ---- -T, and the URL edits ---- */

enum herr
body_upload(const char *path, struct hg_seg *seg, struct hg_err *e)
{
	struct stat	 st;
	int		 fd, err;

	memset(seg, 0, sizeof(*seg));
	seg->fd = -1;
	seg->size = -1;
	/* "." is stdin too, read without blocking in curl: same bytes */
	if (strcmp(path, "-") == 0 || strcmp(path, ".") == 0) {
		seg->fd = STDIN_FILENO;
		return HERR_OK;
	}
	if ((err = spool_open_file(path, &fd, &st)) != 0)
		return hg_fail(e, HERR_READ_ERROR, "Can't open '%s': %s", path,
		    strerror(err));
	seg->fd = fd;
	if (S_ISREG(st.st_mode))
		seg->size = st.st_size;
	return HERR_OK;
}

/* The URL with its path and the rest split: [url, ps) [ps, pe) [pe, ...) */
static void
body_url_split(const char *url, const char **ps, const char **pe)
{
	const char	*start = strstr(url, "://");

	/* a '?' or '#' before "://" means the "://" is not the scheme's */
	if (start == NULL || (size_t)(start - url) > strcspn(url, "?#/"))
		start = url;
	else
		start += 3;
	*ps = start + strcspn(start, "/?#");
	*pe = *ps + strcspn(*ps, "?#");
}

/* out's bytes as a string the caller frees, or NULL (and out freed). */
static char *
body_buf_string(struct buf *out, int ok)
{
	char	*s;

	if (!ok || buf_addc(out, '\0') == -1) {
		buf_free(out);
		return NULL;
	}
	s = out->data;
	out->data = NULL;
	return s;
}

char *
body_upload_url(const char *url, const char *path)
{
	const char	*ps, *pe, *name;
	struct buf	 out;
	int		 ok;

	name = strrchr(path, '/');
	name = name != NULL ? name + 1 : path;
	body_url_split(url, &ps, &pe);
	if (strcmp(path, "-") == 0 || strcmp(path, ".") == 0 ||
	    *name == '\0' || (pe > ps && pe[-1] != '/'))
		return strlen(url) <= HG_MAX_URL ? strdup(url) : NULL;
	buf_init(&out, HG_MAX_URL);
	ok = buf_add(&out, url, (size_t)(pe - url)) == 0 &&
	    (pe > ps || buf_addc(&out, '/') == 0) &&
	    urlenc_escape(&out, name) == 0 && buf_addstr(&out, pe) == 0;
	return body_buf_string(&out, ok);
}

char *
body_add_query(const char *url, const char *query)
{
	const char	*ps, *pe, *qm, *end;
	struct buf	 out;
	int		 ok;

	body_url_split(url, &ps, &pe);
	qm = *pe == '?' ? pe : NULL;
	end = pe + strcspn(pe, "#");
	buf_init(&out, HG_MAX_URL);
	if (qm != NULL && end > qm + 1)		/* a query: add to it */
		ok = buf_add(&out, url, (size_t)(end - url)) == 0 &&
		    buf_addc(&out, '&') == 0;
	else if (*query != '\0')		/* none, or empty: start one */
		ok = buf_add(&out, url, (size_t)(pe - url)) == 0 &&
		    buf_addc(&out, '?') == 0;
	else				/* nothing to add: drop a lone '?' */
		ok = buf_add(&out, url, (size_t)(pe - url)) == 0;
	ok = ok && buf_addstr(&out, query) == 0 && buf_addstr(&out, end) == 0;
	return body_buf_string(&out, ok);
}
