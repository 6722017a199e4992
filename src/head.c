/*
 * src/head.c: PURE parsers for a response head (RFC 9112 §4, §5) and the
 * framing of the body that follows it (RFC 9112 §6.3).
 *
 * Everything here works on (pointer, length), keeps no state between calls,
 * allocates nothing and reads nothing past len.  head_parse() starts over on
 * every call, so the answer for a given prefix never depends on how the
 * bytes arrived.
 */
#include <stdint.h>
#include <string.h>

#include "head.h"
#include "limits.h"

/*
 * Status-line refusals.  curl 7.88 reports these with exit 1
 * (CURLE_UNSUPPORTED_PROTOCOL); head_parse() leaves h->status at 0 for
 * them so the caller can tell them from the field-line refusals below.
 */
static const char WHY_HTTP09[] = "Received HTTP/0.9 when not allowed";
static const char WHY_VERSION[] = "Unsupported HTTP version in response";
static const char WHY_CODE[] = "Unsupported response code in HTTP response";

/* Field-line refusals: curl's exit 8 (CURLE_WEIRD_SERVER_REPLY). */
static const char WHY_NUL[] = "Nul byte in header";
static const char WHY_COLON[] = "Header without colon";
static const char WHY_CR[] = "Bare CR in header";
static const char WHY_WSNAME[] = "Whitespace in header name";
static const char WHY_NONAME[] = "Empty header name";
static const char WHY_LEADWS[] = "Whitespace before the first header";

/* Caps (HEAD_BIG). */
static const char WHY_LINE[] = "Header line too long";
static const char WHY_HEAD[] = "Too large response headers";
static const char WHY_FIELDS[] = "Too many header fields";

/* framing_decide() */
static const char WHY_CLEN[] = "Invalid Content-Length: value";
static const char WHY_CLOVER[] = "Overflow Content-Length: value";
static const char WHY_CLCONF[] = "conflicting Content-Length";

/*
 * curl names the version it refuses: "Unsupported HTTP version (1.2) in
 * response".  why must be static, so every one-digit major.minor has its
 * own string.
 */
#define V1(M, m)	"Unsupported HTTP version (" #M "." #m ") in response"
#define VROW(M)	{ V1(M, 0), V1(M, 1), V1(M, 2), V1(M, 3), V1(M, 4), \
		  V1(M, 5), V1(M, 6), V1(M, 7), V1(M, 8), V1(M, 9) }
static const char *const why_vers[10][10] = {
	VROW(0), VROW(1), VROW(2), VROW(3), VROW(4),
	VROW(5), VROW(6), VROW(7), VROW(8), VROW(9)
};
#undef VROW
#undef V1

static enum head_rc
head_fail(struct head *h, const char *why, enum head_rc rc)
{
	h->why = why;
	return rc;
}

/* One physical line: content [start, end), the next line at next. */
struct hline {
	size_t		 start;
	size_t		 end;
	size_t		 next;
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

int
head_is_http(const char *buf, size_t len)
{
	static const char	 pfx[] = "HTTP/";
	size_t			 i;

	/* curl compares the prefix case-insensitively (checkhttpprefix). */
	for (i = 0; i < len && i < sizeof(pfx) - 1; i++)
		if (span_lower((unsigned char)buf[i]) !=
		    span_lower((unsigned char)pfx[i]))
			return 0;
	return i == sizeof(pfx) - 1 ? 1 : -1;
}

/*
 * Find the LF that ends the physical line starting at from.  lstart is
 * where its logical line began: earlier than from when the line is an
 * obs-fold continuation, whose bytes count toward the same cap.
 *
 * Caps, both curl's: a line with its terminator must stay below
 * HG_MAX_LINE (curl's header buffer keeps room for a NUL), and the head
 * must end within HG_MAX_HEAD bytes.  Only the window both caps allow is
 * searched, so the verdict never depends on how much input came after it.
 */
static enum head_rc
line_find(const char *buf, size_t len, size_t from, size_t lstart,
    struct hline *l, const char **why)
{
	size_t		 linecap = lstart + HG_MAX_LINE - 1;
	size_t		 stop, lim;
	const char	*lf = NULL;

	stop = linecap < HG_MAX_HEAD ? linecap : HG_MAX_HEAD;
	lim = len < stop ? len : stop;
	if (from < lim)
		lf = memchr(buf + from, '\n', lim - from);
	if (lf == NULL) {
		if (len < stop)
			return HEAD_MORE;
		*why = stop == HG_MAX_HEAD ? WHY_HEAD : WHY_LINE;
		return HEAD_BIG;
	}
	l->start = from;
	l->end = (size_t)(lf - buf);
	l->next = l->end + 1;
	/* RFC 9112 §2.2: a bare LF ends a line as CRLF does. */
	if (l->end > from && buf[l->end - 1] == '\r')
		l->end--;
	return HEAD_OK;
}

/*
 * NUL never belongs in a head (curl refuses it too).  A CR not followed
 * by LF may be refused (RFC 9112 §2.2); curl keeps it, hget refuses it
 * because a value span cannot be rewritten to SP in place.
 */
static const char *
line_clean(const char *buf, const struct hline *l)
{
	size_t	 n = l->end - l->start;

	if (memchr(buf + l->start, '\0', n) != NULL)
		return WHY_NUL;
	if (memchr(buf + l->start, '\r', n) != NULL)
		return WHY_CR;
	return NULL;
}

/*
 * The status code as curl 7.88 reads it (the pattern "%3d%c"): exactly three
 * digits, not followed by a fourth, at least 100.  A sign is always a bad
 * code.  Returns 1 with the code, 0 when no number starts here (curl then
 * blames the version), -1 for a bad code.
 */
static int
status_code(const char *p, size_t n, size_t *i, int *code)
{
	size_t	 j = *i, k;
	int	 v = 0;

	if (j < n && (p[j] == '+' || p[j] == '-'))
		return j + 1 < n && is_digit((unsigned char)p[j + 1]) ? -1 : 0;
	for (k = 0; k < 3 && j + k < n && is_digit((unsigned char)p[j + k]);
	    k++)
		v = v * 10 + (p[j + k] - '0');
	if (k == 0)
		return 0;
	if (k < 3 || v < 100 ||
	    (j + 3 < n && is_digit((unsigned char)p[j + 3])))
		return -1;
	*i = j + 3;
	*code = v;
	return 1;
}

static size_t
skip_ows(const char *p, size_t n, size_t i)
{
	while (i < n && span_is_ows((unsigned char)p[i]))
		i++;
	return i;
}

/* The version after "HTTP/": 1 on success, else *why is set. */
static int
status_version(const char *p, size_t n, size_t *i, int *major, int *minor,
    const char **why)
{
	size_t	 j = *i;

	*why = WHY_VERSION;
	if (j >= n || !is_digit((unsigned char)p[j]))
		return 0;
	*major = p[j++] - '0';
	*minor = -1;
	if (j < n && p[j] == '.') {
		if (++j >= n || !is_digit((unsigned char)p[j]))
			return 0;
		*minor = p[j++] - '0';
	} else if (j < n && is_digit((unsigned char)p[j]))
		return 0;		/* "HTTP/11" */
	*i = j;
	*why = NULL;
	return 1;
}

/*
 * curl 7.88 scans the line with the pattern " HTTP/%1d..."; when not even the
 * major digit matches (a lowercase "http/", "HTTP/x") it falls back to
 * NCSA-era rules and takes the line as "HTTP/1.0 200".  White space or the
 * line's end right after "HTTP/" gets "Unsupported HTTP version" instead,
 * since %1d skips white space before failing.
 */
static int
status_fallback(const char *p, size_t n)
{
	int	 c;

	if (memcmp(p, "HTTP/", 5) != 0)
		return 1;
	if (n == 5)
		return 0;
	c = (unsigned char)p[5];
	return !is_digit(c) && !span_is_ows(c) && c != '\v' && c != '\f' &&
	    c != '\r';
}

/*
 * RFC 9112 §4: status-line = HTTP-version SP status-code SP [reason].
 * Accepted and refused as curl 7.88 does, with the same messages:
 *   "HTTP/1.1 200 OK", "HTTP/1.1 200", "HTTP/1.1   200   OK", "HTTP/1.1 200OK"
 *   "HTTP/2 200" and "HTTP/2.0 200" (version 20)
 *   exactly one SP right after "x.y"; runs of SP/HTAB after that
 *   a three-digit code >= 100 not followed by a digit
 *   only 1.0, 1.1 and 2 (curl built without HTTP/3)
 * curl's quirk kept for compatibility: a line that starts "HTTP/" in
 * another case, or "HTTP/" and then something that is neither a digit nor
 * white space, is taken as "HTTP/1.0 200".  Stricter than curl on
 * purpose: "HTTP/2" codes are held to three digits too (curl reads any
 * number there), and only SP/HTAB count as white space.
 */
static enum head_rc
status_line(struct head *h, const char *p, size_t n)
{
	size_t		 i = 5;
	int		 major, minor, code = 0, r;
	char		 sep;

	if (status_fallback(p, n)) {
		h->version = 10;
		h->status = 200;
		h->reason = span_make(p + n, 0);
		return HEAD_OK;
	}
	if (!status_version(p, n, &i, &major, &minor, &h->why))
		return HEAD_BAD;
	if (minor < 0) {
		/* curl scans it with the pattern " HTTP/%1[23] %d" */
		if ((major != 2 && major != 3) || i >= n ||
		    !span_is_ows((unsigned char)p[i]))
			return head_fail(h, WHY_VERSION, HEAD_BAD);
		i = skip_ows(p, n, i);
		if ((r = status_code(p, n, &i, &code)) <= 0)
			return head_fail(h, r < 0 ? WHY_CODE : WHY_VERSION,
			    HEAD_BAD);
		minor = 0;
	} else {
		/* curl: " HTTP/%1d.%1d%c%3d%c", and the code is judged first */
		sep = i < n ? p[i++] : '\0';
		if (sep != '\0')
			i = skip_ows(p, n, i);
		if ((r = status_code(p, n, &i, &code)) < 0)
			return head_fail(h, WHY_CODE, HEAD_BAD);
		if (sep != ' ' || r == 0)
			return head_fail(h, WHY_VERSION, HEAD_BAD);
	}
	if (!((major == 1 && minor <= 1) || (major == 2 && minor == 0)))
		return head_fail(h, why_vers[major][minor], HEAD_BAD);
	h->version = major * 10 + minor;
	h->status = code;
	i = skip_ows(p, n, i);
	h->reason = span_trim(span_make(p + i, n - i));
	return HEAD_OK;
}

/*
 * RFC 9112 §5.1: field-line = field-name ":" OWS field-value OWS, with no
 * white space before the colon (a MUST-reject there; curl accepts it, and
 * an empty name).  Stores the name and where the value starts.
 */
static const char *
field_name(const char *buf, const struct hline *l, struct hfield *f)
{
	const char	*p = buf + l->start;
	const char	*colon;
	size_t		 i;

	colon = memchr(p, ':', l->end - l->start);
	if (colon == NULL)
		return WHY_COLON;
	if (colon == p)
		return WHY_NONAME;
	for (i = 0; p + i < colon; i++)
		if (span_is_ows((unsigned char)p[i]))
			return WHY_WSNAME;
	f->name = span_make(p, (size_t)(colon - p));
	f->value = span_make(colon + 1, 0);
	return NULL;
}

static int
is_fold_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The value runs to end; strip OWS and any obs-fold at either edge. */
static void
field_value(const char *buf, size_t end, struct hfield *f)
{
	const char	*p = f->value.p;
	const char	*q = buf + end;

	while (p < q && is_fold_ws((unsigned char)*p))
		p++;
	while (q > p && is_fold_ws((unsigned char)q[-1]))
		q--;
	f->value = span_make(p, (size_t)(q - p));
}

static void
head_reset(struct head *h)
{
	h->version = 0;
	h->status = 0;
	h->reason = span_make(NULL, 0);
	h->nfields = 0;
	h->len = 0;
	h->why = NULL;
}

enum head_rc
head_parse(struct head *h, const char *buf, size_t len)
{
	struct hline	 l;
	struct hfield	 f = { { NULL, 0 }, { NULL, 0 } };
	size_t		 pos, fstart = 0, fend = 0;
	int		 pending = 0;
	enum head_rc	 rc;

	head_reset(h);
	switch (head_is_http(buf, len)) {
	case -1:
		return HEAD_MORE;
	case 0:
		return head_fail(h, WHY_HTTP09, HEAD_BAD);
	}
	if ((rc = line_find(buf, len, 0, 0, &l, &h->why)) != HEAD_OK)
		return rc;
	if ((rc = status_line(h, buf, l.end)) != HEAD_OK)
		return rc;
	if ((h->why = line_clean(buf, &l)) != NULL)
		return HEAD_BAD;

	/*
	 * A field stays pending until the first byte of the next line says
	 * it is not folded; errors are reported as soon as the line that
	 * has them is complete, so a prefix answers MORE or the final word.
	 */
	for (pos = l.next;; pos = l.next) {
		if (pos >= len)		/* MORE, or BIG at the head cap */
			return line_find(buf, len, pos, pos, &l, &h->why);
		if (span_is_ows((unsigned char)buf[pos])) {
			/* RFC 9112 §5.2: obs-fold continues the last field */
			if (!pending)
				return head_fail(h, WHY_LEADWS, HEAD_BAD);
			if ((rc = line_find(buf, len, pos, fstart, &l,
			    &h->why)) != HEAD_OK)
				return rc;
			if ((h->why = line_clean(buf, &l)) != NULL)
				return HEAD_BAD;
			fend = l.end;
			continue;
		}
		if (pending) {
			field_value(buf, fend, &f);
			h->fields[h->nfields++] = f;
			pending = 0;
		}
		if ((rc = line_find(buf, len, pos, pos, &l, &h->why)) !=
		    HEAD_OK)
			return rc;
		if (l.end == l.start) {
			h->len = l.next;
			return HEAD_OK;
		}
		if ((h->why = line_clean(buf, &l)) != NULL ||
		    (h->why = field_name(buf, &l, &f)) != NULL)
			return HEAD_BAD;
		if (h->nfields >= h->maxfields ||
		    h->nfields >= HG_MAX_FIELDS)
			return head_fail(h, WHY_FIELDS, HEAD_BIG);
		pending = 1;
		fstart = l.start;
		fend = l.end;
	}
}

const struct hfield *
head_find(const struct head *h, const char *name)
{
	size_t	 i;

	for (i = 0; i < h->nfields; i++)
		if (span_eqi(h->fields[i].name, name))
			return &h->fields[i];
	return NULL;
}

size_t
head_value_copy(const struct hfield *f, char *dst, size_t dstlen)
{
	const char	*p = f->value.p;
	size_t		 n = f->value.n, i = 0, j, out = 0;
	char		 c;

	while (i < n) {
		c = p[i];
		if (is_fold_ws((unsigned char)c)) {
			/* obs-fold = OWS CRLF RWS: the whole run is one SP */
			for (j = i; j < n && span_is_ows((unsigned char)p[j]);)
				j++;
			if (j == n || (p[j] != '\r' && p[j] != '\n')) {
				j = i + 1;	/* OWS inside the value */
			} else {
				while (j < n && is_fold_ws((unsigned char)p[j]))
					j++;
				c = ' ';
			}
			i = j;
		} else
			i++;
		if (out + 1 < dstlen)
			dst[out] = c;
		out++;
	}
	if (dstlen > 0)
		dst[out < dstlen ? out : dstlen - 1] = '\0';
	return out;
}

/*
 * Framing.
 */

/*
 * RFC 9110 §5.6.1: the next element of a comma list, OWS trimmed, empty
 * elements skipped.  Commas inside a quoted-string do not split.  A value
 * may hold an obs-fold; its CR/LF count as white space here.
 */
static int
list_next(struct span *rest, struct span *elem)
{
	const char	*p = rest->p, *end = rest->p + rest->n;
	const char	*s;
	int		 quoted = 0;

	for (;;) {
		while (p < end && (is_fold_ws((unsigned char)*p) || *p == ','))
			p++;
		if (p == end) {
			*rest = span_make(end, 0);
			return 0;
		}
		for (s = p; p < end && (quoted || *p != ','); p++) {
			if (*p == '"')
				quoted = !quoted;
			else if (quoted && *p == '\\' && p + 1 < end)
				p++;
		}
		*elem = span_make(s, (size_t)(p - s));
		while (elem->n > 0 &&
		    is_fold_ws((unsigned char)elem->p[elem->n - 1]))
			elem->n--;
		*rest = span_make(p, (size_t)(end - p));
		return 1;
	}
}

/* RFC 9110 §8.6: Content-Length = 1*DIGIT, within a signed 64-bit off_t. */
static const char *
clen_parse(struct span s, uint64_t *v)
{
	size_t		 i;
	uint64_t	 n = 0;
	int		 d;

	if (s.n == 0)
		return WHY_CLEN;
	for (i = 0; i < s.n; i++) {
		d = (unsigned char)s.p[i] - '0';
		if (d < 0 || d > 9)
			return WHY_CLEN;
		if (n > ((uint64_t)INT64_MAX - (uint64_t)d) / 10)
			return WHY_CLOVER;
		n = n * 10 + (uint64_t)d;
	}
	*v = n;
	return NULL;
}

/* What the fields say about framing and persistence. */
struct hfacts {
	int		 te;		/* Transfer-Encoding has a coding */
	int		 chunked;	/* ... and the last is chunked */
	int		 cl;		/* a Content-Length was seen */
	uint64_t	 length;
	int		 close;		/* Connection: close */
	int		 keepalive;	/* Connection: keep-alive */
};

/*
 * RFC 9110 §8.6: several Content-Length values (fields or a list) are
 * fine when they are all the same number; otherwise the message is bad.
 */
static const char *
facts_clen(struct hfacts *x, struct span v)
{
	struct span	 e;
	uint64_t	 n = 0;
	const char	*why;
	int		 any = 0;

	while (list_next(&v, &e)) {
		if ((why = clen_parse(e, &n)) != NULL)
			return why;
		if (x->cl && n != x->length)
			return WHY_CLCONF;
		x->cl = 1;
		x->length = n;
		any = 1;
	}
	return any ? NULL : WHY_CLEN;
}

/* RFC 9112 §6.1: the codings in order; only whether the last is chunked. */
static void
facts_te(struct hfacts *x, struct span v)
{
	struct span	 e;
	size_t		 n;

	while (list_next(&v, &e)) {
		/* transfer-coding = token *( OWS ";" OWS parameter ) */
		for (n = 0; n < e.n && e.p[n] != ';' &&
		    !is_fold_ws((unsigned char)e.p[n]); n++)
			;
		x->te = 1;
		x->chunked = span_eqi(span_make(e.p, n), "chunked");
	}
}

/* RFC 9110 §7.6.1: Connection is a list of case-insensitive options. */
static void
facts_conn(struct hfacts *x, struct span v)
{
	struct span	 e;

	while (list_next(&v, &e)) {
		if (span_eqi(e, "close"))
			x->close = 1;
		else if (span_eqi(e, "keep-alive"))
			x->keepalive = 1;
	}
}

static const char *
facts_gather(const struct head *h, struct hfacts *x)
{
	const struct hfield	*f;
	const char		*why;
	size_t			 i;

	memset(x, 0, sizeof(*x));
	for (i = 0; i < h->nfields; i++) {
		f = &h->fields[i];
		if (span_eqi(f->name, "Content-Length")) {
			if ((why = facts_clen(x, f->value)) != NULL)
				return why;
		} else if (span_eqi(f->name, "Transfer-Encoding"))
			facts_te(x, f->value);
		else if (span_eqi(f->name, "Connection"))
			facts_conn(x, f->value);
	}
	return NULL;
}

/*
 * RFC 9112 §9.3: HTTP/1.1 and later persist unless "close"; HTTP/1.0
 * only with "keep-alive".  A request sent as HTTP/1.0 lets the server
 * close unless it answers "keep-alive", whatever version it answers with
 * (curl 7.88 -0 reuses after a plain HTTP/1.1 answer; hget does not).
 */
static int
persistent(const struct head *h, int http10_request, const struct hfacts *x)
{
	if (x->close)
		return 0;
	if (http10_request || h->version < 11)
		return x->keepalive;
	return 1;
}

enum head_rc
framing_decide(const struct head *h, int head_request, int http10_request,
    struct framing *fr)
{
	struct hfacts	 x;

	fr->kind = FRAMING_CLOSE;
	fr->length = 0;
	fr->reusable = 0;
	if ((fr->why = facts_gather(h, &x)) != NULL)
		return HEAD_BAD;

	/* RFC 9112 §6.3, in its order. */
	if (head_request || (h->status >= 100 && h->status < 200) ||
	    h->status == 204 || h->status == 304)
		fr->kind = FRAMING_NONE;
	else if (x.te)
		fr->kind = x.chunked ? FRAMING_CHUNKED : FRAMING_CLOSE;
	else if (x.cl) {
		fr->kind = FRAMING_LENGTH;
		fr->length = x.length;
	}

	fr->reusable = persistent(h, http10_request, &x);
	/*
	 * RFC 9112 §6.1: Transfer-Encoding with Content-Length, or in an
	 * HTTP/1.0 message, is faulty framing: close after this response.
	 * RFC 9110 §15.2.2: after 101 the connection speaks something else.
	 */
	if (fr->kind == FRAMING_CLOSE || (x.te && x.cl) ||
	    (x.te && h->version < 11) || h->status == 101)
		fr->reusable = 0;
	return HEAD_OK;
}
