/* cmd/glob.c: curl's URL globbing, {a,b} [1-10] [a-z:2], and #N in -o */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "glob.h"

/*
 * The positions in the error messages are curl 7.88's, measured and
 * kept: 1-based, counted as curl's parser advances, which is not
 * always the byte the trouble is at ("[1-" points past the '-').
 */
struct gparse {
	struct glob	*g;
	const char	*p;		/* the next byte */
	size_t		 pos;
	int		 nglobs;	/* {..} and [..] so far */
	struct buf	 lit;		/* the element being read */
	struct glob_err	*ge;
};

static int
gfail(struct gparse *gp, const char *what, size_t pos)
{
	gp->ge->what = what;
	gp->ge->pos = pos;
	return -1;
}

static int
gnomem(struct gparse *gp)
{
	gp->ge->nomem = 1;
	return gfail(gp, "out of memory", 0);
}

/* count *= n, or -1 when it no longer fits */
static int
gmultiply(struct glob *g, uint64_t n)
{
	if (n != 0 && g->count > UINT64_MAX / n)
		return -1;
	g->count *= n;
	return 0;
}

static struct glob_part *
gpart_new(struct gparse *gp, enum glob_kind kind)
{
	struct glob		*g = gp->g;
	struct glob_part	*n;

	n = reallocarray(g->parts, g->nparts + 1, sizeof(*n));
	if (n == NULL)
		return NULL;
	g->parts = n;
	n = &g->parts[g->nparts++];
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->index = kind == GLOB_FIXED ? -1 : gp->nglobs;
	return n;
}

/* The element read so far (gp->lit) as the part's next value. */
static int
gpart_elem(struct gparse *gp, struct glob_part *pt)
{
	char	**n, *s;

	if ((s = strndup(gp->lit.data != NULL ? gp->lit.data : "",
	    gp->lit.len)) == NULL)
		return -1;
	if ((n = reallocarray(pt->elems, pt->nelems + 1, sizeof(*n))) ==
	    NULL) {
		free(s);
		return -1;
	}
	pt->elems = n;
	pt->elems[pt->nelems++] = s;
	pt->n = pt->nelems;
	buf_reset(&gp->lit);
	return 0;
}

/* {a,b,c}: gp->p just past the '{' */
static int
gset(struct gparse *gp)
{
	struct glob_part	*pt;
	const char		*start = gp->p;
	size_t			 open = gp->pos - 1;

	if ((pt = gpart_new(gp, GLOB_SET)) == NULL)
		return gnomem(gp);
	buf_reset(&gp->lit);
	for (;;) {
		switch (*gp->p) {
		case '\0':
			return gfail(gp, "unmatched brace", open);
		case '{':
		case '[':
			return gfail(gp, "nested brace", gp->pos);
		case ']':
			return gfail(gp, "unexpected close bracket", gp->pos);
		case '}':
			/* "{}" only: "{a,}" has an empty element, as in curl */
			if (gp->p == start)
				return gfail(gp, "empty string within braces",
				    gp->pos);
			if (gpart_elem(gp, pt) == -1)
				return gnomem(gp);
			if (gmultiply(gp->g, pt->n) == -1)
				return gfail(gp, "range overflow", 0);
			gp->p++;
			return 0;
		case ',':
			if (gpart_elem(gp, pt) == -1)
				return gnomem(gp);
			gp->p++;
			gp->pos++;
			continue;
		case '\\':
			if (gp->p[1] != '\0') {
				gp->p++;
				gp->pos++;
			}
			break;
		}
		if (buf_addc(&gp->lit, *gp->p) == -1)
			return gnomem(gp);
		gp->p++;
		gp->pos++;
	}
}

/* A range's values: lo, lo + step, ... up to hi (checked before). */
static void
gpart_span(struct glob_part *pt, unsigned long lo, unsigned long hi,
    unsigned long step)
{
	pt->min = lo;
	pt->max = hi;
	pt->step = step;
	pt->n = (hi - lo) / step + 1;
}

/* [a-z] and [a-z:N]: gp->p on the first letter */
static int
gchars(struct gparse *gp, struct glob_part *pt)
{
	const char	*p = gp->p, *end = p;
	unsigned long	 step = 1;
	unsigned char	 lo, hi;
	char		*e;
	int		 ok;

	ok = p[1] == '-' && p[2] != '\0' && p[3] != '\0';
	if (ok && p[3] == ':') {
		errno = 0;
		step = strtoul(p + 4, &e, 10);
		if (errno != 0 || e == p + 4 || *e != ']')
			step = 0;
		else
			end = e + 1;
	} else if (ok && p[3] == ']')
		end = p + 4;
	else
		ok = 0;
	gp->pos += (size_t)(end - p);
	lo = (unsigned char)p[0];
	hi = ok ? (unsigned char)p[2] : 0;
	if (!ok || step == 0 || step > INT32_MAX || (lo == hi && step != 1) ||
	    (lo != hi && (lo > hi || step > (unsigned long)(hi - lo) ||
	    hi - lo > 'z' - 'a')))
		return gfail(gp, "bad range", gp->pos);
	gp->p = end;
	pt->kind = GLOB_CHARS;
	gpart_span(pt, lo, hi, step);
	return 0;
}

/* [1-10], [01-10], [1-10:2]: gp->p on the first digit */
static int
gnums(struct gparse *gp, struct glob_part *pt)
{
	const char	*p = gp->p, *q;
	unsigned long	 lo, hi = 0, step = 0;
	char		*e = NULL;
	int		 ok = 0;

	pt->kind = GLOB_NUMS;
	if (*p == '0')
		for (q = p; isdigit((unsigned char)*q); q++)
			pt->pad++;
	errno = 0;
	lo = strtoul(p, &e, 10);
	if (errno == 0 && e != p && *e == '-') {
		p = e + 1;
		while (*p == ' ' || *p == '\t')
			p++;
		if (isdigit((unsigned char)*p)) {
			errno = 0;
			hi = strtoul(p, &e, 10);
			ok = errno == 0;
			step = 1;
			if (ok && *e == ':') {
				p = e + 1;
				errno = 0;
				step = strtoul(p, &e, 10);
				ok = errno == 0;
			}
			if (ok && *e == ']')
				p = e + 1;
			else
				ok = 0;
		}
	}
	gp->pos += (size_t)(p - gp->p);
	if (!ok || step == 0 || (lo == hi && step != 1) ||
	    (lo != hi && (lo > hi || step > hi - lo)))
		return gfail(gp, "bad range", gp->pos);
	gp->p = p;
	gpart_span(pt, lo, hi, step);
	return 0;
}

/* [..]: gp->p just past the '[' */
static int
grange(struct gparse *gp)
{
	struct glob_part	*pt;
	int			 rc;

	if ((pt = gpart_new(gp, GLOB_NUMS)) == NULL)
		return gnomem(gp);
	if (isalpha((unsigned char)*gp->p))
		rc = gchars(gp, pt);
	else if (isdigit((unsigned char)*gp->p))
		rc = gnums(gp, pt);
	else
		return gfail(gp, "bad range specification", gp->pos);
	if (rc == 0 && gmultiply(gp->g, pt->n) == -1)
		return gfail(gp, "range overflow", gp->pos);
	return rc;
}

/*
 * "[" that starts an IPv6 address literal ("[::1]", "[fe80::1%25eth0]")
 * is no range: hex digits, dots and at least two colons up to the ']'
 * (curl asks its URL parser; a range has a '-' and at most one ':').
 * Returns the bytes to take as they are, or 0.
 */
static size_t
gipv6(const char *p)
{
	const char	*q;
	size_t		 colons = 0;

	for (q = p + 1; *q != ']'; q++) {
		if (*q == '\0')
			return 0;
		if (*q == ':')
			colons++;
		else if (*q == '%') {
			while (q[1] != '\0' && q[1] != ']')
				q++;
		} else if (!isxdigit((unsigned char)*q) && *q != '.')
			return 0;
	}
	return colons >= 2 ? (size_t)(q - p) + 1 : 0;
}

/* A literal run up to the next glob; 0, or -1 failed. */
static int
gliteral(struct gparse *gp)
{
	struct glob_part	*pt;
	size_t			 skip;

	buf_reset(&gp->lit);
	while (*gp->p != '\0' && *gp->p != '{') {
		if (*gp->p == '[') {
			/* "[]" and IPv6 literals are kept (curl does not
			 * count their bytes in the position) */
			if ((skip = gipv6(gp->p)) == 0 && gp->p[1] == ']')
				skip = 2;
			if (skip == 0)
				break;
			if (buf_add(&gp->lit, gp->p, skip) == -1)
				return gnomem(gp);
			gp->p += skip;
			continue;
		}
		if (*gp->p == '}' || *gp->p == ']')
			return gfail(gp, "unmatched close brace/bracket",
			    gp->pos);
		/* a backslash escapes only the four glob bytes */
		if (*gp->p == '\\' && gp->p[1] != '\0' &&
		    strchr("{[]}", gp->p[1]) != NULL) {
			gp->p++;
			gp->pos++;
		}
		if (buf_addc(&gp->lit, *gp->p) == -1)
			return gnomem(gp);
		gp->p++;
		gp->pos++;
	}
	if (gp->lit.len == 0)
		return 0;
	if ((pt = gpart_new(gp, GLOB_FIXED)) == NULL ||
	    gpart_elem(gp, pt) == -1)
		return gnomem(gp);
	return 0;
}

int
glob_compile(struct glob *g, const char *url, struct glob_err *ge)
{
	struct gparse	 gp;
	int		 rc = 0;

	memset(g, 0, sizeof(*g));
	memset(ge, 0, sizeof(*ge));
	memset(&gp, 0, sizeof(gp));
	g->count = 1;
	gp.g = g;
	gp.p = url;
	gp.pos = 1;
	gp.ge = ge;
	buf_init(&gp.lit, strlen(url) + 1);
	while (*gp.p != '\0' && rc == 0) {
		if ((rc = gliteral(&gp)) != 0 || *gp.p == '\0')
			break;
		/* gliteral() stopped at a glob's '{' or '[' */
		gp.p++;
		gp.pos++;
		rc = gp.p[-1] == '{' ? gset(&gp) : grange(&gp);
		gp.nglobs++;
		if (rc == 0 && g->nparts >= GLOB_MAX_PARTS)
			rc = gfail(&gp, "too many globs", gp.pos);
	}
	buf_free(&gp.lit);
	return rc;
}

/* Part pt's current value into b. */
static int
gvalue(const struct glob_part *pt, struct buf *b)
{
	char	 c;

	switch (pt->kind) {
	case GLOB_FIXED:
	case GLOB_SET:
		return buf_addstr(b, pt->elems[pt->cur]);
	case GLOB_CHARS:
		c = (char)(pt->min + pt->cur * pt->step);
		return buf_addc(b, c);
	case GLOB_NUMS:
		return buf_printf(b, "%0*lu", pt->pad,
		    pt->min + (unsigned long)pt->cur * pt->step);
	}
	return -1;
}

char *
glob_next(struct glob *g)
{
	struct buf	 b;
	size_t		 i;

	if (g->started) {
		/* an odometer: the rightmost glob turns fastest */
		for (i = g->nparts; i > 0; i--) {
			if (++g->parts[i - 1].cur < g->parts[i - 1].n)
				break;
			g->parts[i - 1].cur = 0;
		}
		if (i == 0)
			return NULL;
	}
	g->started = 1;
	buf_init(&b, GLOB_MAX_URL);
	for (i = 0; i < g->nparts; i++)
		if (gvalue(&g->parts[i], &b) == -1) {
			buf_free(&b);
			return NULL;
		}
	if (buf_addc(&b, '\0') == -1) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

char *
glob_name(const struct glob *g, const char *tmpl)
{
	const struct glob_part	*pt;
	struct buf		 b;
	unsigned long		 num;
	const char		*p;
	char			*e;
	size_t			 i;
	int			 rc;

	buf_init(&b, GLOB_MAX_NAME);
	for (p = tmpl; *p != '\0'; p++) {
		pt = NULL;
		if (*p == '#' && isdigit((unsigned char)p[1])) {
			num = strtoul(p + 1, &e, 10);
			/* curl compares with its count of all the parts */
			for (i = 0; num > 0 && num < g->nparts &&
			    i < g->nparts; i++)
				if (g->parts[i].index == (int)(num - 1))
					pt = &g->parts[i];
			if (pt != NULL) {
				rc = gvalue(pt, &b);
				p = e - 1;
				if (rc == -1)
					goto fail;
				continue;
			}
		}
		if (buf_addc(&b, *p) == -1)
			goto fail;
	}
	if (buf_addc(&b, '\0') == -1)
		goto fail;
	return b.data;
fail:
	buf_free(&b);
	return NULL;
}

void
glob_free(struct glob *g)
{
	size_t	 i, j;

	for (i = 0; i < g->nparts; i++) {
		for (j = 0; j < g->parts[i].nelems; j++)
			free(g->parts[i].elems[j]);
		free(g->parts[i].elems);
	}
	free(g->parts);
	memset(g, 0, sizeof(*g));
}

/* curl's message: "WHAT in URL position N:", the URL, a caret under N */
static enum herr
glob_fail(const char *url, const struct glob_err *ge, struct hg_err *e)
{
	int	 width;

	if (ge->nomem)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	if (ge->pos == 0)
		return hg_fail(e, HERR_URL_MALFORMAT, "%s", ge->what);
	width = ge->pos - 1 > 4096 ? 4096 : (int)(ge->pos - 1);
	return hg_fail(e, HERR_URL_MALFORMAT, "%s in URL position %zu:\n%s\n"
	    "%*s^", ge->what, ge->pos, url, width, " ");
}

/* One URL slot into its expansions, appended to *out. */
static enum herr
glob_slot(struct opts *o, const struct opts_url *u, struct opts_url **out,
    size_t *n, size_t *total, struct hg_err *e)
{
	struct opts_url	*nu;
	struct glob	 g;
	struct glob_err	 ge;
	uint64_t	 made = 0;
	char		*s;

	if (glob_compile(&g, u->url, &ge) == -1) {
		glob_free(&g);
		return glob_fail(u->url, &ge, e);
	}
	if (g.count > GLOB_MAX_URLS - *total) {
		glob_free(&g);
		return hg_fail(e, HERR_URL_MALFORMAT, "too many URLs from "
		    "globbing (more than %d): %s", GLOB_MAX_URLS, u->url);
	}
	*total += (size_t)g.count;
	if ((nu = reallocarray(*out, *n + (size_t)g.count, sizeof(*nu))) ==
	    NULL) {
		glob_free(&g);
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	}
	*out = nu;
	while ((s = glob_next(&g)) != NULL) {
		made++;
		nu = &(*out)[(*n)++];
		*nu = *u;
		nu->url = s;
		if (opts_own(o, s) == -1)
			goto nomem;
		if (u->out == OPTS_OUT_FILE && u->outfile != NULL) {
			if ((s = glob_name(&g, u->outfile)) == NULL ||
			    opts_own(o, s) == -1)
				goto nomem;
			nu->outfile = s;
		}
	}
	/* glob_next() also says NULL when memory runs out */
	if (made != g.count)
		goto nomem;
	glob_free(&g);
	return HERR_OK;
nomem:
	glob_free(&g);
	return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
}

enum herr
glob_opts(struct opts *o, struct hg_err *e)
{
	struct opts_url	*out = NULL;
	size_t		 i, n = 0, total = 0;
	enum herr	 rc;

	for (i = 0; i < o->nurls; i++)
		if (strpbrk(o->urls[i].url, "{}[]\\") != NULL)
			break;
	if (i == o->nurls)
		return HERR_OK;		/* nothing to expand or unescape */
	for (i = 0; i < o->nurls; i++)
		if ((rc = glob_slot(o, &o->urls[i], &out, &n, &total, e)) !=
		    HERR_OK) {
			free(out);
			return rc;
		}
	/* the outputs that found no URL stay after the URLs */
	if (o->nslots > o->nurls) {
		struct opts_url	*nu;

		if ((nu = reallocarray(out, n + o->nslots - o->nurls,
		    sizeof(*nu))) == NULL) {
			free(out);
			return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
		}
		out = nu;
		memcpy(out + n, o->urls + o->nurls,
		    (o->nslots - o->nurls) * sizeof(*out));
	}
	free(o->urls);
	o->nslots = n + (o->nslots - o->nurls);
	o->nurls = n;
	o->urls = out;
	return HERR_OK;
}
