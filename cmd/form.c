/*
 * cmd/form.c: -F and --form-string, read the way curl 7.88 reads them,
 * into a tree of parts (mime.c writes its bytes).  The spec syntax:
 *
 *	name=content[;modifier=value]...	a value
 *	name=<file[;...]			a file's contents as a value
 *	name=@file[;...][,file[;...]]...	files (several: a group)
 *	name=(;type=multipart/x ... =)		a nested multipart
 *
 * modifiers: type=, filename=, headers= (inline, @file or <file),
 * encoder=.  Words may be "double-quoted".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "form.h"
#include "limits.h"
#include "mime.h"
#include "spool.h"

struct form {
	struct seglist	*sl;
	const char	*spec;		/* the -F argument, as written */
	struct mime_part *root;		/* the body: a multipart */
	struct mime_part *cur;		/* where parts go: root or a "(" */
	char		**strs;		/* what the parts point into */
	size_t		 nstrs;
	int		 usage;		/* a spec was malformed */
};

static enum herr
form_nomem(struct form *f)
{
	return spool_nomem(f->sl->e);
}

/* A malformed spec: a usage error quoting it, as curl's exit 2. */
static enum herr
form_bad(struct form *f, const char *why)
{
	f->usage = 1;
	return hg_fail(f->sl->e, HERR_FAILED_INIT, "option -F: is badly used "
	    "here: %s in \"%s\"", why, f->spec);
}

/* Append s (malloc'd, or NULL) to the n strings of *v; -1 frees it. */
static int
form_push(char ***v, size_t *n, char *s)
{
	char	**nv;

	if (s == NULL)
		return -1;
	if ((nv = reallocarray(*v, *n + 1, sizeof(*nv))) == NULL) {
		free(s);
		return -1;
	}
	*v = nv;
	nv[(*n)++] = s;
	return 0;
}

/* One of curl's warnings, text then arg, for main to print unless -s. */
static int
form_warn(struct form *f, const char *text, const char *arg)
{
	struct body	*b = f->sl->b;

	return form_push(&b->notes, &b->nnotes, buf_fmt("%s%s", text, arg));
}

/* Keep s (malloc'd) until the form is written; NULL when out of memory. */
static char *
form_keep(struct form *f, char *s)
{
	return form_push(&f->strs, &f->nstrs, s) == 0 ? s : NULL;
}

static void
form_free(struct form *f)
{
	size_t	 i;

	mime_free(f->root);
	for (i = 0; i < f->nstrs; i++)
		free(f->strs[i]);
	free(f->strs);
}

/* ---- words ---- */

static char *
form_skip_blanks(char *p)
{
	while (mime_blank((unsigned char)*p))
		p++;
	return p;
}

/*
 * The closing quote of a quoted -F word whose text starts at p, or NULL
 * when there is none (then the word is not a quoted one after all).
 */
static char *
form_quote_end(char *p)
{
	while (*p != '\0') {
		if (*p == '\\' && (p[1] == '\\' || p[1] == '"'))
			p += 2;
		else if (*p == '"')
			return p;
		else
			p++;
	}
	return NULL;
}

/*
 * The quoted word at *pp, end its closing quote: \" and \\ are its only
 * escapes; what follows up to the separator is dropped, with a warning.
 */
static int
form_quoted_word(struct form *f, char **pp, char *end, int endc,
    char **word)
{
	char	*p = *pp, *in, *out;
	int	 trailing = 0;

	for (in = p + 1, out = p; in < end; in++) {
		if (*in == '\\' && (in[1] == '\\' || in[1] == '"'))
			in++;
		*out++ = *in;
	}
	for (in = end + 1; *in != '\0' && *in != ';' && *in != endc; in++)
		trailing |= !mime_blank((unsigned char)*in);
	if (trailing && form_warn(f, "Warning: Trailing data after quoted "
	    "form parameter", "") == -1)
		return -1;
	*out = '\0';
	*pp = in;
	*word = p;
	return *in;
}

/*
 * One word of a -F spec at *pp, the way curl 7.88 reads them: either
 * "double-quoted", or the bytes up to ';', endc or the end, with
 * trailing blanks dropped.  The word is NUL-terminated in place and *pp
 * left on the separator, whose value is returned (-1: out of memory).
 */
static int
form_word(struct form *f, char **pp, int endc, char **word)
{
	char	*p = *pp, *end;
	int	 sep;

	if (*p == '"' && (end = form_quote_end(p + 1)) != NULL)
		return form_quoted_word(f, pp, end, endc, word);
	for (end = p; *end != '\0' && *end != ';' && *end != endc; end++)
		continue;
	*pp = end;
	sep = *end;
	while (end > p && mime_blank((unsigned char)end[-1]))
		end--;
	*end = '\0';
	*word = p;
	return sep;
}

/* ---- modifiers ---- */

/* More of an open type: up to the next separator; its end so far. */
static char *
form_type_more(char **pp, int endc)
{
	char	*p = *pp, *endct = p;

	for (; *p != '\0' && *p != ';' && *p != endc; p++)
		if (!mime_blank((unsigned char)*p))
			endct = p + 1;
	*pp = p;
	return endct;
}

/*
 * ";type=major/minor...": curl 7.88 checks "major/minor" (neither part
 * empty, no blank in major) and then keeps everything up to the next
 * ';' as the type; words after it that are not one of its keywords are
 * part of the type too ("type=a/b;foo=1" is "a/b;foo=1").  Returns the
 * end of the type so far (the last byte that is not blank, plus one),
 * NULL when it is malformed.
 */
static char *
form_type(char **pp, int endc)
{
	char	*p = *pp;
	size_t	 major, minor;

	major = strcspn(p, "/ ");
	if (major == 0 || p[major] != '/')
		return NULL;
	minor = strcspn(p + major + 1, ";, \n");
	if (minor == 0)
		return NULL;
	*pp = p + major + 1 + minor;
	return form_type_more(pp, endc);
}

/* A header line from a file is complete: keep it unless it is empty */
static int
form_header_line(struct form *f, struct mime_part *pt, struct buf *h)
{
	char	*line;

	while (h->len > 0 && mime_blank((unsigned char)h->data[h->len - 1]))
		h->len--;
	if (h->len == 0 || h->data[0] == '#') {
		h->len = 0;
		return 0;
	}
	line = form_keep(f, strndup(h->data, h->len));
	h->len = 0;
	return line == NULL ? -1 : mime_add_header(pt, line);
}

/*
 * The header lines of a file read whole into in, as curl 7.88 reads
 * them: CR bytes vanish, a line starting with a blank continues the one
 * before (the blanks kept), trailing blanks go, and lines starting with
 * '#' are comments.
 */
static enum herr
form_header_lines(struct form *f, struct mime_part *pt, const struct buf *in)
{
	struct buf	 h;
	enum herr	 rc = HERR_OK;
	size_t		 i;
	int		 c, bol = 1;

	buf_init(&h, HG_MAX_HEADER_FILE);
	for (i = 0; rc == HERR_OK && i <= in->len; i++) {
		c = i < in->len ? (unsigned char)in->data[i] : -1;
		if (c == '\r')
			continue;
		if ((c == -1 || (bol && !mime_blank(c))) &&
		    form_header_line(f, pt, &h) == -1)
			rc = form_nomem(f);
		bol = c == '\n';
		if (c != -1 && c != '\n' && buf_addc(&h, (char)c) == -1)
			rc = form_nomem(f);
	}
	buf_free(&h);
	return rc;
}

/*
 * ";headers=@file": one header a line.  (curl skips a file it cannot
 * open, with a warning; that is an error here, as for -H @file.)
 */
static enum herr
form_headers_file(struct form *f, struct mime_part *pt, const char *path)
{
	struct spool_src s;
	struct spool_dst d;
	struct buf	 in;
	enum herr	 rc;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return spool_read_fail(f->sl->e, path, errno);
	buf_init(&in, HG_MAX_HEADER_FILE);
	spool_dst_mem(&d, &in);
	spool_src_fd(&s, fd, 0);
	rc = spool_end(&s, &d, spool_copy(&s, &d) == -1, path, f->sl->e);
	(void)close(fd);
	if (rc == HERR_OK)
		rc = form_header_lines(f, pt, &in);
	buf_free(&in);
	return rc;
}

/* ";headers=" with the header inline, or "@file" / "<file": one a line */
static enum herr
form_header(struct form *f, struct mime_part *pt, char **pp, int endc,
    int *sep)
{
	char	*p = *pp, *w;
	int	 file = *p == '@' || *p == '<';

	*pp = file ? p + 1 : form_skip_blanks(p);
	if ((*sep = form_word(f, pp, endc, &w)) == -1)
		return form_nomem(f);
	if (file)
		return form_headers_file(f, pt, w);
	return mime_add_header(pt, w) == -1 ? form_nomem(f) : HERR_OK;
}

/* The modifiers that end an open ";type=" */
static int
form_keyword(const char *p)
{
	return strncasecmp(p, "filename=", 9) == 0 ||
	    strncasecmp(p, "headers=", 8) == 0 ||
	    strncasecmp(p, "encoder=", 8) == 0;
}

/* ";filename=", ";headers=", ";encoder=", or a word curl skips, warning */
static enum herr
form_keyword_modifier(struct form *f, struct mime_part *pt, char **pp,
    int endc, int *sep)
{
	char		*p = *pp, *w;
	enum herr	 rc = HERR_OK;

	if (strncasecmp(p, "filename=", 9) == 0) {
		p = form_skip_blanks(p + 9);
		*sep = form_word(f, &p, endc, &pt->filename);
	} else if (strncasecmp(p, "headers=", 8) == 0) {
		p += 8;
		rc = form_header(f, pt, &p, endc, sep);
	} else if (strncasecmp(p, "encoder=", 8) == 0) {
		p = form_skip_blanks(p + 8);
		if ((*sep = form_word(f, &p, endc, &w)) != -1 &&
		    mime_encoder(w, &pt->enc) == -1)
			rc = form_bad(f, "unknown encoder");
	} else if ((*sep = form_word(f, &p, endc, &w)) != -1 && *w != '\0' &&
	    form_warn(f, "Warning: skip unknown form field: ", w) == -1)
		*sep = -1;
	*pp = p;
	return *sep == -1 ? form_nomem(f) : rc;
}

/*
 * One ";modifier", *pp on its ';'.  *endct is the end of an open
 * ";type=" value, which runs on until a keyword (form_type()).
 */
static enum herr
form_modifier(struct form *f, struct mime_part *pt, char **pp, int endc,
    char **endct, int *sep)
{
	char		*p = form_skip_blanks(*pp + 1);
	enum herr	 rc = HERR_OK;

	if (*endct == NULL && strncasecmp(p, "type=", 5) == 0) {
		pt->type = p = form_skip_blanks(p + 5);
		if ((*endct = form_type(&p, endc)) == NULL)
			return form_bad(f, "illegally formatted content-type "
			    "field");
		*sep = *p;
	} else if (*endct != NULL && !form_keyword(p)) {
		*endct = form_type_more(&p, endc);
		*sep = *p;
	} else {
		if (*endct != NULL) {
			**endct = '\0';
			*endct = NULL;
		}
		rc = form_keyword_modifier(f, pt, &p, endc, sep);
	}
	*pp = p;
	return rc;
}

/*
 * The "content;modifier=...;..." of one -F value (or of one file in a
 * "@a,b" list, endc ','): the content word in *data, the modifiers into
 * pt.  *pp ends on the separator that stopped it ('\0' or endc),
 * returned in *sepp.
 */
static enum herr
form_params(struct form *f, struct mime_part *pt, char **pp, int endc,
    char **data, int *sepp)
{
	char		*p = form_skip_blanks(*pp), *endct = NULL;
	enum herr	 rc = HERR_OK;
	int		 sep;

	if ((sep = form_word(f, &p, endc, data)) == -1)
		return form_nomem(f);
	while (sep == ';' && rc == HERR_OK)
		rc = form_modifier(f, pt, &p, endc, &endct, &sep);
	if (endct != NULL)
		*endct = '\0';
	*pp = p;
	*sepp = sep;
	return rc;
}

/* ---- parts ---- */

/* A new part in the current multipart; NULL when out of memory. */
static struct mime_part *
form_part(struct form *f, char *name)
{
	struct mime_part *p;

	if ((p = mime_new()) == NULL)
		return NULL;
	if (mime_add(f->cur, p) == -1) {
		free(p);
		return NULL;
	}
	p->name = name;
	return p;
}

/* A new multipart part, where parts go from now on; NULL: no memory. */
static struct mime_part *
form_enter(struct form *f, char *name)
{
	struct mime_part *m;

	if ((m = form_part(f, name)) != NULL) {
		m->multi = 1;
		f->cur = m;
	}
	return m;
}

/* The last path segment: curl's default ";filename=" for "@path" */
static char *
form_basename(char *path)
{
	char	*slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* A group of one file is that file: it takes the group's place, name. */
static void
form_ungroup(struct mime_part *outer, struct mime_part *group)
{
	struct mime_part *pt = group->kids[0];

	group->kids[0] = NULL;
	group->nkids = 0;
	outer->kids[outer->nkids - 1] = pt;
	pt->parent = outer;
	pt->name = group->name;
	mime_free(group);
}

/*
 * "name=@file[;mods][,file[;mods]]...": each file a part with its own
 * modifiers.  One file is a part named name with filename= its last
 * path segment; several make a multipart/mixed part named name, whose
 * parts have only filenames.  "@-" is stdin, spooled, with filename "-"
 * and, as not a file, no type guessed from a path.
 */
static enum herr
form_files(struct form *f, char *name, char *p)
{
	struct mime_part *group, *pt, *outer = f->cur;
	enum herr	 rc;
	char		*data;
	int		 sep;

	if ((group = form_enter(f, name)) == NULL)
		return form_nomem(f);
	do {
		if ((pt = form_part(f, NULL)) == NULL) {
			rc = form_nomem(f);
			break;
		}
		p++;			/* the '@', then each ',' */
		if ((rc = form_params(f, pt, &p, ',', &data, &sep)) != HERR_OK)
			break;
		if (strcmp(data, "-") != 0)
			pt->path = data;
		if (pt->filename == NULL)
			pt->filename = form_basename(data);
		rc = seglist_content(f->sl, data, &pt->fd, &pt->size);
	} while (rc == HERR_OK && sep == ',');
	f->cur = outer;
	if (rc == HERR_OK && group->nkids == 1)
		form_ungroup(outer, group);
	return rc;
}

/*
 * "name=content[;mods]", "name=<file[;mods]" (a file's contents as a
 * plain value: no filename, even with ";filename=", but a type may
 * still be guessed from the path), "name=<-" (stdin).  Like '@', the
 * '<' counts only right after the '='.
 */
static enum herr
form_value(struct form *f, char *name, char *p)
{
	struct mime_part *pt;
	enum herr	 rc;
	char		*data;
	int		 sep, file = *p == '<';

	if ((pt = form_part(f, name)) == NULL)
		return form_nomem(f);
	p += file;
	if ((rc = form_params(f, pt, &p, '\0', &data, &sep)) != HERR_OK)
		return rc;
	if (!file) {
		pt->mem = data;
		pt->len = strlen(data);
		return HERR_OK;
	}
	pt->filename = NULL;
	if (strcmp(data, "-") != 0)
		pt->path = data;
	return seglist_content(f->sl, data, &pt->fd, &pt->size);
}

/*
 * "name=(;type=multipart/x" opens a multipart part and "=)" closes it,
 * as in curl 7.88 (it is meant for mail; over HTTP it still nests).
 * What follows the '(' other than modifiers is ignored, as curl does.
 */
static enum herr
form_open(struct form *f, char *name, char *p)
{
	struct mime_part *pt;
	char		*data;
	int		 sep;

	if ((pt = form_enter(f, name)) == NULL)
		return form_nomem(f);
	return form_params(f, pt, &p, '\0', &data, &sep);
}

/* "=)": back to the enclosing multipart */
static enum herr
form_close(struct form *f)
{
	/* curl: "Warning: no multipart to terminate!" */
	if (f->cur == f->root)
		return form_bad(f, "no multipart to terminate");
	f->cur = f->cur->parent;
	return HERR_OK;
}

/* One -F or --form-string argument. */
static enum herr
form_spec(struct form *f, const struct opts_form *of)
{
	struct mime_part *pt;
	char		*s, *eq, *name;

	f->spec = of->arg;
	if ((s = form_keep(f, strdup(of->arg))) == NULL)
		return form_nomem(f);
	/* curl: "Warning: Illegally formatted input field!" */
	if ((eq = strchr(s, '=')) == NULL)
		return form_bad(f, "illegally formatted input field (no '=')");
	*eq++ = '\0';
	name = *s != '\0' ? s : NULL;
	if (of->literal) {
		if ((pt = form_part(f, name)) == NULL)
			return form_nomem(f);
		pt->mem = eq;
		pt->len = strlen(eq);
		return HERR_OK;
	}
	if (*eq == '(')
		return form_open(f, name, eq + 1);
	if (name == NULL && strcmp(eq, ")") == 0)
		return form_close(f);
	if (*eq == '@')
		return form_files(f, name, eq);
	return form_value(f, name, eq);
}

/* ---- the body ---- */

/*
 * The multipart type: a -H Content-Type's value ("Content-Type;" is
 * empty) takes multipart/form-data's place, as in curl 7.88.
 */
static const char *
form_multipart_type(const char *user_ct)
{
	if (user_ct == NULL)
		return "multipart/form-data";
	if (*user_ct == ';')
		return "";
	for (user_ct++; mime_blank((unsigned char)*user_ct); user_ct++)
		continue;
	return user_ct;
}

/*
 * Unless the type starts with multipart/form-data, curl 7.88 makes the
 * parts "attachment"s; either way it appends the boundary to the type.
 */
enum body_rc
form_build(struct seglist *sl, const struct opts_form *forms, size_t n,
    const char *user_ct)
{
	struct form	 f;
	enum herr	 rc = HERR_OK;
	const char	*ct = form_multipart_type(user_ct);
	size_t		 i;

	memset(&f, 0, sizeof(f));
	f.sl = sl;
	if ((f.root = mime_new()) == NULL) {
		(void)form_nomem(&f);
		return BODY_FAIL;
	}
	f.root->multi = 1;
	f.cur = f.root;
	for (i = 0; rc == HERR_OK && i < n; i++)
		rc = form_spec(&f, &forms[i]);
	if (rc == HERR_OK)
		rc = mime_boundaries(f.root, sl->e);
	if (rc == HERR_OK && (sl->b->content_type = buf_fmt("%s; boundary=%s",
	    ct, f.root->boundary)) == NULL)
		rc = form_nomem(&f);
	if (rc == HERR_OK)
		rc = mime_write(sl, f.root,
		    strncasecmp(ct, "multipart/form-data", 19) == 0);
	if (rc == HERR_OK)
		rc = seglist_flush(sl);
	form_free(&f);
	if (rc == HERR_OK)
		return BODY_OK;
	return f.usage ? BODY_USAGE : BODY_FAIL;
}
