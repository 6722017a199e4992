/*
 * src/cdisp.c: the file name a Content-Disposition field offers (-J).
 *
 * Two steps.  The field value is parsed per RFC 6266 §4.1 into the spans
 * of its filename and filename* parameters; the one that wins (§4.3) is
 * then decoded byte by byte into dst through an emitter that keeps only
 * the part after the last '/' or '\', drops leading dots, validates UTF-8
 * and stops at the size cap.  A field that breaks the grammar, names a
 * parameter twice, or yields no safe name gives -1: nothing in it may be
 * used, and the caller carries on as if it had not been sent.
 */
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "cdisp.h"
#include "span.h"

#ifndef NAME_MAX
#define NAME_MAX	255
#endif

/* A parameter value: the bytes between the quotes, or the bare bytes. */
struct pval {
	struct span	 s;
	int		 quoted;
	int		 seen;
};

struct params {
	struct pval	 fn;		/* filename= */
	struct pval	 ext;		/* filename*= */
};

/* Strict UTF-8 (RFC 3629 §4), one byte at a time. */
struct utf8 {
	int		 need;		/* continuation bytes still due */
	unsigned char	 lo, hi;	/* range of the next one */
};

/* Where the decoded name goes. */
struct out {
	char		*dst;
	size_t		 cap;		/* most bytes the name may take */
	size_t		 len;
	int		 lead;		/* at a component's start: drop dots */
	int		 over;		/* this component did not fit */
	int		 bad;		/* NUL or broken UTF-8 anywhere */
	struct utf8	 u;
};

/* ASCII only: the C library's would follow the locale. */
static int
is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* RFC 9110 §5.6.2: tchar. */
static int
is_tchar(int c)
{
	return is_alnum(c) ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* RFC 8187 §3.2.1: attr-char, what may stand unencoded in value-chars. */
static int
is_attr_char(int c)
{
	return is_alnum(c) ||
	    (c != '\0' && strchr("!#$&+-.^_`|~", c) != NULL);
}

/* RFC 9110 §5.6.4: qdtext, and what may follow a backslash (quoted-pair). */
static int
is_qdtext(int c)
{
	return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 &&
	    c <= 0x5b) || (c >= 0x5d && c <= 0x7e) || c >= 0x80;
}

static int
is_qpair(int c)
{
	return c == '\t' || (c >= 0x20 && c != 0x7f);
}

static size_t
skip_ows(const char *p, size_t i, size_t len)
{
	while (i < len && span_is_ows((unsigned char)p[i]))
		i++;
	return i;
}

static size_t
skip_token(const char *p, size_t i, size_t len)
{
	while (i < len && is_tchar((unsigned char)p[i]))
		i++;
	return i;
}

/*
 * quoted-string at p[*i] (the opening quote): the span between the
 * quotes, escapes still in it.  -1 when it does not close or holds a
 * control byte.
 */
static int
parse_quoted(const char *p, size_t *i, size_t len, struct span *v)
{
	size_t	 j = *i + 1;

	while (j < len && p[j] != '"') {
		if (p[j] == '\\') {
			if (++j == len || !is_qpair((unsigned char)p[j]))
				return -1;
		} else if (!is_qdtext((unsigned char)p[j]))
			return -1;
		j++;
	}
	if (j == len)
		return -1;
	*v = span_make(p + *i + 1, j - *i - 1);
	*i = j + 1;
	return 0;
}

/*
 * A bare value.  RFC 6266 asks for a token, but servers send names with
 * spaces or slashes unquoted (curl and browsers take them), so take all
 * up to the next ';' less the OWS around it; a quote or a control byte
 * other than HTAB is still an error.
 */
static int
parse_bare(const char *p, size_t *i, size_t len, struct span *v)
{
	size_t	 j = *i;
	int	 c;

	while (j < len && p[j] != ';') {
		c = (unsigned char)p[j];
		if (c == '"' || c == 0x7f || (c < 0x20 && c != '\t'))
			return -1;
		j++;
	}
	*v = span_trim(span_make(p + *i, j - *i));
	*i = j;
	return 0;
}

/* Keep v in slot, unless the name came before (RFC 6266 §4.1: invalid). */
static int
keep(struct pval *slot, struct span v, int quoted)
{
	if (slot->seen)
		return -1;
	slot->s = v;
	slot->quoted = quoted;
	slot->seen = 1;
	return 0;
}

/* One disposition-parm at p[*i]: name OWS "=" OWS value. */
static int
parse_param(const char *p, size_t *i, size_t len, struct params *pr)
{
	struct span	 name, v;
	size_t		 j = *i;
	int		 quoted;

	j = skip_token(p, j, len);
	if (j == *i)
		return -1;
	name = span_make(p + *i, j - *i);
	j = skip_ows(p, j, len);
	if (j == len || p[j] != '=')
		return -1;
	j = skip_ows(p, j + 1, len);
	quoted = j < len && p[j] == '"';
	if ((quoted ? parse_quoted(p, &j, len, &v) :
	    parse_bare(p, &j, len, &v)) == -1)
		return -1;
	*i = j;
	if (span_eqi(name, "filename"))
		return keep(&pr->fn, v, quoted);
	if (span_eqi(name, "filename*"))
		return keep(&pr->ext, v, quoted);
	return 0;
}

/*
 * RFC 6266 §4.1: disposition-type *( OWS ";" OWS disposition-parm ).
 * Empty parameters (";;", a trailing ';') are let through: harmless and
 * common.
 */
static int
parse_field(const char *p, size_t len, struct params *pr)
{
	size_t	 start, i;

	memset(pr, 0, sizeof(*pr));
	start = skip_ows(p, 0, len);
	if ((i = skip_token(p, start, len)) == start)
		return -1;
	for (;;) {
		i = skip_ows(p, i, len);
		if (i == len)
			return 0;
		if (p[i] != ';')
			return -1;
		i = skip_ows(p, i + 1, len);
		if (i == len || p[i] == ';')
			continue;
		if (parse_param(p, &i, len, pr) == -1)
			return -1;
	}
}

/* Feed one byte to the validator; 0 while the text is still UTF-8. */
static int
utf8_feed(struct utf8 *u, unsigned c)
{
	if (u->need > 0) {
		if (c < u->lo || c > u->hi)
			return -1;
		u->lo = 0x80;
		u->hi = 0xbf;
		u->need--;
		return 0;
	}
	u->lo = 0x80;
	u->hi = 0xbf;
	if (c < 0x80)
		return 0;
	if (c >= 0xc2 && c <= 0xdf)
		u->need = 1;
	else if (c >= 0xe0 && c <= 0xef) {
		u->need = 2;
		if (c == 0xe0)			/* no overlong forms */
			u->lo = 0xa0;
		else if (c == 0xed)		/* no UTF-16 surrogates */
			u->hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		u->need = 3;
		if (c == 0xf0)
			u->lo = 0x90;
		else if (c == 0xf4)		/* nothing past U+10FFFF */
			u->hi = 0x8f;
	} else
		return -1;
	return 0;
}

/*
 * One decoded byte of the name.  A '/' or '\' starts the name afresh:
 * only what follows the last one is kept, so nothing climbs out of the
 * current directory.
 */
static void
emit(struct out *o, unsigned c)
{
	if (c == '\0' || utf8_feed(&o->u, c) == -1)
		o->bad = 1;
	if (c == '/' || c == '\\') {
		o->len = 0;
		o->lead = 1;
		o->over = 0;
		return;
	}
	if (o->lead && c == '.')
		return;
	o->lead = 0;
	if (o->len == o->cap)
		o->over = 1;
	else
		o->dst[o->len++] = (char)c;
}

/* RFC 8187 §3.2.1 with charset ISO-8859-1: each byte is U+0000..U+00FF. */
static void
emit_latin1(struct out *o, unsigned c)
{
	if (c < 0x80)
		emit(o, c);
	else {
		emit(o, 0xc0 | c >> 6);
		emit(o, 0x80 | (c & 0x3f));
	}
}

/* filename=: a quoted-string loses its backslashes, a bare value is kept. */
static void
decode_plain(struct out *o, const struct pval *v)
{
	size_t	 i;

	for (i = 0; i < v->s.n; i++) {
		/* parse_quoted made sure a byte follows each backslash */
		if (v->quoted && v->s.p[i] == '\\')
			i++;
		emit(o, (unsigned char)v->s.p[i]);
	}
}

/*
 * RFC 8187 §3.2.1: ext-value = charset "'" [ language ] "'" value-chars.
 * On success *latin1 says which charset and *pct is value-chars.  -1
 * for a broken value, or a charset other than UTF-8 (the one RFC 8187
 * lets producers use) or ISO-8859-1 (RFC 5987, its predecessor, had
 * recipients read both): filename* is then ignored.  An ext-value has no
 * quoted form, so a quoted one is broken too.
 */
static int
ext_split(const struct pval *v, int *latin1, struct span *pct)
{
	const char	*p = v->s.p, *q1, *q2;
	size_t		 n = v->s.n, i;
	struct span	 cs;

	if (v->quoted || (q1 = memchr(p, '\'', n)) == NULL ||
	    (q2 = memchr(q1 + 1, '\'', n - (size_t)(q1 + 1 - p))) == NULL)
		return -1;
	cs = span_make(p, (size_t)(q1 - p));
	if (span_eqi(cs, "UTF-8"))
		*latin1 = 0;
	else if (span_eqi(cs, "ISO-8859-1"))
		*latin1 = 1;
	else
		return -1;
	/* language: an RFC 5646 tag, ignored, made of these bytes only */
	for (i = 1; q1 + i < q2; i++)
		if (q1[i] != '-' && !is_alnum((unsigned char)q1[i]))
			return -1;
	*pct = span_make(q2 + 1, n - (size_t)(q2 + 1 - p));
	for (i = 0; i < pct->n; i++) {
		if (pct->p[i] != '%') {
			if (!is_attr_char((unsigned char)pct->p[i]))
				return -1;
			continue;
		}
		if (pct->n - i < 3 || span_hexval((unsigned char)pct->p[i + 1]) ==
		    -1 || span_hexval((unsigned char)pct->p[i + 2]) == -1)
			return -1;
		i += 2;
	}
	return 0;
}

static void
decode_ext(struct out *o, struct span pct, int latin1)
{
	size_t		 i;
	unsigned	 c;

	for (i = 0; i < pct.n; i++) {
		c = (unsigned char)pct.p[i];
		if (c == '%') {
			c = (unsigned)(span_hexval((unsigned char)pct.p[i + 1]) *
			    16 + span_hexval((unsigned char)pct.p[i + 2]));
			i += 2;
		}
		if (latin1)
			emit_latin1(o, c);
		else
			emit(o, c);
	}
}

/* C0, DEL, or C1 (U+0080..U+009F, "\xc2\x80".."\xc2\x9f" in UTF-8). */
static int
has_control(const char *s, size_t n)
{
	size_t		 i;
	unsigned char	 c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return 1;
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f)
			return 1;
	}
	return 0;
}

int
cdisp_filename(const char *value, size_t len, char *dst, size_t dstlen)
{
	struct params	 pr;
	struct out	 o;
	struct span	 pct;
	int		 latin1;

	if (dstlen == 0)
		return -1;
	dst[0] = '\0';
	if (len == 0 || parse_field(value, len, &pr) == -1)
		return -1;
	memset(&o, 0, sizeof(o));
	o.dst = dst;
	o.cap = dstlen - 1 < NAME_MAX ? dstlen - 1 : NAME_MAX;
	o.lead = 1;
	/* RFC 6266 §4.3: filename* first when the recipient can read it */
	if (pr.ext.seen && ext_split(&pr.ext, &latin1, &pct) == 0)
		decode_ext(&o, pct, latin1);
	else if (pr.fn.seen)
		decode_plain(&o, &pr.fn);
	else
		return -1;
	if (o.bad || o.u.need > 0 || o.over || o.len == 0 ||
	    has_control(dst, o.len)) {
		dst[0] = '\0';
		return -1;
	}
	dst[o.len] = '\0';
	return 0;
}
