/* src/url.c: RFC 3986 URLs the way curl 7.88 takes them from a command line */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "herr.h"
#include "limits.h"
#include "span.h"
#include "url.h"

/* curl's MAX_SCHEME_LEN: a longer "scheme" is read as a host name */
#define URL_MAX_SCHEME	40
/* curl 7.88 keeps at most 15 bytes of an IPv6 zone id */
#define URL_MAX_ZONE	15
/* u->mem: the input's bytes, seven NULs, and room for "0" -> "0.0.0.0" */
#define URL_MEM_CAP	(HG_MAX_URL + 64)

/* curl 7.88 prints this one text for every URL it cannot parse */
static const char url_bad[] = "URL using bad/illegal format or missing URL";

/*
 * curl 7.88's hostname_check refuses these in a host name; hget adds '%'
 * (a '%' that is not an escape), which curl 8 refuses too.
 */
static const char url_host_bad[] = " \r\n\t/:#?!@{}[]\\$'\"^`*<>=;,+&()%";

static const char url_hex[] = "0123456789abcdef";

/* The pieces of a URL as written, before anything is normalised. */
struct url_raw {
	struct span	 scheme;		/* n == 0: none written */
	struct span	 user, password;	/* p == NULL: absent */
	struct span	 host;			/* IPv6: inside the brackets */
	struct span	 port;			/* p == NULL: no ':' */
	struct span	 path;
	struct span	 query, fragment;	/* p == NULL: absent */
	int		 ipv6;
	unsigned	 portnum;
	int		 port_given;
};

enum url_field {
	UF_SCHEME, UF_USER, UF_PASSWORD, UF_HOST, UF_PATH, UF_QUERY,
	UF_FRAGMENT, UF__COUNT
};

/* The normalised strings, NUL-separated in one buffer that becomes u->mem. */
struct url_out {
	struct buf	 m;
	size_t		 off[UF__COUNT];	/* SIZE_MAX: absent */
};

/* A reference split by RFC 3986 §3 for url_resolve; p == NULL: undefined. */
struct url_ref {
	struct span	 scheme, auth, path, query, frag;
};

static int
url_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static int
url_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* RFC 3986 §3.1: the characters after a scheme's first letter. */
static int
url_isscheme(int c)
{
	return url_isalpha(c) || url_isdigit(c) || c == '+' || c == '-' ||
	    c == '.';
}

/* Length of the prefix of (p, n) holding no byte of stop. */
static size_t
url_cspn(const char *p, size_t n, const char *stop)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (p[i] != '\0' && strchr(stop, p[i]) != NULL)
			break;
	return i;
}

/* Length of the prefix of (p, n) holding only bytes of keep. */
static size_t
url_spn(const char *p, size_t n, const char *keep)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (p[i] == '\0' || strchr(keep, p[i]) == NULL)
			break;
	return i;
}

static int
url_is(const char *p, size_t n, const char *s)
{
	return n == strlen(s) && memcmp(p, s, n) == 0;
}

static int
url_prefix(const char *p, size_t n, const char *s)
{
	size_t	 sn = strlen(s);

	return n >= sn && memcmp(p, s, sn) == 0;
}

static enum herr
url_malformed(struct hg_err *e)
{
	return hg_fail(e, HERR_URL_MALFORMAT, "%s", url_bad);
}

static enum herr
url_oom(struct hg_err *e)
{
	return hg_fail(e, HERR_OUT_OF_MEMORY, "%s",
	    herr_text(HERR_OUT_OF_MEMORY));
}

/*
 * curl refuses control bytes and DEL anywhere in a URL, and a space unless
 * it came from a Location (url_resolve encodes those before we see them).
 * A CR or LF in a URL would split the request head: never sent.
 */
static int
url_has_junk(const char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] <= 0x20 || p[i] == 0x7f)
			return 1;
	return 0;
}

/*
 * curl 7.88 guesses: "x:/" starts a scheme, "x:80" is a host and a port.
 * Up to 40 of [A-Za-z0-9+.-] (a leading digit too), then ":/".
 */
static size_t
url_scheme_len(const char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n && i < URL_MAX_SCHEME; i++)
		if (!url_isscheme((unsigned char)p[i]))
			break;
	if (i > 0 && n - i >= 2 && p[i] == ':' && p[i + 1] == '/')
		return i;
	return 0;
}

/* host, "[v6]", then ":port" (which may be empty). */
static int
url_split_hostport(struct url_raw *r, struct span hp)
{
	const char	*end = hp.p + hp.n, *c;

	if (hp.n > 0 && hp.p[0] == '[') {
		if ((c = memchr(hp.p, ']', hp.n)) == NULL)
			return -1;
		r->ipv6 = 1;
		r->host = span_make(hp.p + 1, (size_t)(c - hp.p - 1));
		if (++c == end)
			return 0;
		if (*c != ':')
			return -1;
	} else {
		if ((c = memchr(hp.p, ':', hp.n)) == NULL) {
			r->host = hp;
			return 0;
		}
		r->host = span_make(hp.p, (size_t)(c - hp.p));
	}
	r->port = span_make(c + 1, (size_t)(end - c - 1));
	return 0;
}

/* Does s hold "%00"? curl refuses it in the credentials (exit 3). */
static int
url_has_nul_escape(struct span s)
{
	size_t	 i;

	for (i = 0; i + 2 < s.n; i++)
		if (s.p[i] == '%' && s.p[i + 1] == '0' && s.p[i + 2] == '0')
			return 1;
	return 0;
}

/*
 * userinfo ends at the first '@' and splits at its first ':' (so
 * "u:p:q@h" is user "u", password "p:q"); a second '@' lands in the host
 * and is refused there, as curl does.
 */
static int
url_split_authority(struct url_raw *r, struct span a)
{
	const char	*at, *colon;
	struct span	 ui;

	if ((at = memchr(a.p, '@', a.n)) == NULL)
		return url_split_hostport(r, a);
	ui = span_make(a.p, (size_t)(at - a.p));
	/* a NUL in the credentials would end them early in C servers */
	if (url_has_nul_escape(ui))
		return -1;
	if ((colon = memchr(ui.p, ':', ui.n)) != NULL) {
		r->user = span_make(ui.p, (size_t)(colon - ui.p));
		r->password = span_make(colon + 1,
		    (size_t)(ui.p + ui.n - colon - 1));
	} else
		r->user = ui;
	return url_split_hostport(r, span_make(at + 1,
	    (size_t)(a.p + a.n - at - 1)));
}

/*
 * RFC 3986 §3.2.3 port = *DIGIT, capped at 65535; leading zeros are fine
 * ("080" is 80).  An empty port means the default, as in browsers, but
 * only after a scheme: curl refuses "h:/" so that it cannot pass for one.
 */
static int
url_split_port(struct url_raw *r)
{
	unsigned long	 v = 0;
	size_t		 i;
	int		 c;

	if (r->port.p == NULL)
		return 0;
	if (r->port.n == 0)
		return r->scheme.n > 0 ? 0 : -1;
	for (i = 0; i < r->port.n; i++) {
		c = (unsigned char)r->port.p[i];
		if (!url_isdigit(c))
			return -1;
		v = v * 10 + (unsigned long)(c - '0');
		if (v > 65535)
			return -1;
	}
	r->portnum = (unsigned)v;
	r->port_given = 1;
	return 0;
}

/* path ["?" query] ["#" fragment]: the part after the authority. */
static void
url_split_tail(const char *p, size_t n, struct span *path, struct span *query,
    struct span *frag)
{
	size_t	 i, k;

	i = url_cspn(p, n, "?#");
	*path = span_make(p, i);
	if (i < n && p[i] == '?') {
		i++;
		k = url_cspn(p + i, n - i, "#");
		*query = span_make(p + i, k);
		i += k;
	}
	if (i < n && p[i] == '#')
		*frag = span_make(p + i + 1, n - i - 1);
}

/* scheme "://" authority path ["?" query] ["#" fragment], curl's way. */
static int
url_split(struct url_raw *r, const char *p, size_t n)
{
	size_t	 i = 0, k;

	memset(r, 0, sizeof(*r));
	if ((k = url_scheme_len(p, n)) > 0) {
		r->scheme = span_make(p, k);
		/* curl takes one to three slashes: "http:/h", "http:///h" */
		for (i = k + 1, k = 0; i < n && p[i] == '/' && k < 4; i++)
			k++;
		if (k < 1 || k > 3)
			return -1;
	}
	k = url_cspn(p + i, n - i, "/?#");
	if (url_split_authority(r, span_make(p + i, k)) == -1 ||
	    url_split_port(r) == -1)
		return -1;
	i += k;
	url_split_tail(p + i, n - i, &r->path, &r->query, &r->fragment);
	return 0;
}

/* One IPv4 part as C's strtoul(3) base 0 reads it: 0x hex, 0 octal. */
static int
url_ipv4_part(struct span h, size_t *ip, uint64_t *v)
{
	size_t	 i = *ip;
	int	 base = 10, d;

	if (h.p[i] == '0' && i + 2 < h.n &&
	    (h.p[i + 1] == 'x' || h.p[i + 1] == 'X') &&
	    span_hexval((unsigned char)h.p[i + 2]) >= 0) {
		base = 16;
		i += 2;
	} else if (h.p[i] == '0')
		base = 8;
	for (*v = 0; i < h.n; i++) {
		d = span_hexval((unsigned char)h.p[i]);
		if (d < 0 || d >= base)
			break;
		*v = *v * (uint64_t)base + (uint64_t)d;
		if (*v > UINT32_MAX)
			return -1;
	}
	*ip = i;
	return 0;
}

/*
 * curl normalises numeric IPv4 hosts the way inet_aton(3) reads them:
 * "127.1", "0x7f.1", "0177.0.0.1" and "2130706433" all mean 127.0.0.1.
 * Anything else that looks almost like one ("1.2.3.4.", "256.0.0.1",
 * "08") stays a host name.  Returns 1 and the address, or 0.
 */
static int
url_ipv4(struct span h, uint32_t *a)
{
	static const uint64_t	 last[4] = {
		UINT32_MAX, 0xffffff, 0xffff, 0xff
	};
	uint64_t		 part[4];
	size_t			 i = 0, n = 0, k;

	for (;;) {
		if (i >= h.n || !url_isdigit((unsigned char)h.p[i]) ||
		    url_ipv4_part(h, &i, &part[n]) == -1)
			return 0;
		if (i == h.n)
			break;
		if (h.p[i] != '.' || n == 3)
			return 0;
		n++;
		i++;
	}
	/* the leading parts are one byte each, the last one fills the rest */
	for (k = 0; k < n; k++)
		if (part[k] > 0xff)
			return 0;
	if (part[n] > last[n])
		return 0;
	*a = (uint32_t)part[n];
	for (k = 0; k < n; k++)
		*a |= (uint32_t)part[k] << (24 - 8 * k);
	return 1;
}

/*
 * RFC 3986 §3.2.2 IP-literal, as curl 7.88 takes it: an IPv6 address,
 * then maybe a zone id after "%25" (RFC 6874) or a bare "%".  The address
 * is rewritten by inet_ntop(3) only when that makes it shorter (curl keeps
 * "[::A]" but makes "[0::A]" "[::a]").  Stored as "addr%zone", which is
 * what getaddrinfo(3) takes.
 */
static enum herr
url_put_ipv6(struct buf *m, struct span s, struct hg_err *e)
{
	char		 addr[INET6_ADDRSTRLEN], norm[INET6_ADDRSTRLEN];
	unsigned char	 bin[16];
	const char	*zone = NULL, *use = addr;
	size_t		 alen, zlen = 0;

	alen = url_spn(s.p, s.n, "0123456789abcdefABCDEF:.");
	if (alen < s.n) {
		if (s.p[alen] != '%')
			return url_malformed(e);
		zone = s.p + alen + 1;
		zlen = s.n - alen - 1;
		if (zlen > 2 && zone[0] == '2' && zone[1] == '5') {
			zone += 2;
			zlen -= 2;
		}
		if (zlen == 0 || zlen > URL_MAX_ZONE)
			return url_malformed(e);
	}
	if (alen < 2 || alen >= sizeof(addr))
		return url_malformed(e);
	memcpy(addr, s.p, alen);
	addr[alen] = '\0';
	if (inet_pton(AF_INET6, addr, bin) != 1)
		return url_malformed(e);
	if (inet_ntop(AF_INET6, bin, norm, sizeof(norm)) != NULL &&
	    strlen(norm) < alen)
		use = norm;
	if (buf_addstr(m, use) == -1 ||
	    (zone != NULL && (buf_addc(m, '%') == -1 ||
	    buf_add(m, zone, zlen) == -1)))
		return url_oom(e);
	return HERR_OK;
}

/*
 * A registered name: %XX escapes decoded (curl does; "h%41" is "hA"),
 * then checked.  hget has no IDN library, so a name that is not ASCII is
 * refused where curl would convert it to punycode.
 */
static enum herr
url_put_name(struct buf *m, struct span h, struct hg_err *e)
{
	size_t	 i;
	int	 c, hi, lo, idn = 0;

	for (i = 0; i < h.n; i++) {
		c = (unsigned char)h.p[i];
		if (c == '%' && i + 2 < h.n &&
		    (hi = span_hexval((unsigned char)h.p[i + 1])) >= 0 &&
		    (lo = span_hexval((unsigned char)h.p[i + 2])) >= 0) {
			c = hi << 4 | lo;
			i += 2;
		}
		if (c < 0x20 || c == 0x7f || strchr(url_host_bad, c) != NULL)
			return url_malformed(e);
		if (c >= 0x80)
			idn = 1;
		if (buf_addc(m, (char)c) == -1)
			return url_oom(e);
	}
	if (idn)
		return hg_fail(e, HERR_URL_MALFORMAT,
		    "%s: non-ASCII (IDN) host names are not supported",
		    url_bad);
	return HERR_OK;
}

static enum herr
url_put_host(struct url_out *o, const struct url_raw *r, struct hg_err *e)
{
	uint32_t	 a;
	enum herr	 rc;

	o->off[UF_HOST] = o->m.len;
	if (r->host.n == 0)
		return url_malformed(e);
	if (r->ipv6)
		rc = url_put_ipv6(&o->m, r->host, e);
	else if (url_ipv4(r->host, &a))
		rc = buf_printf(&o->m, "%u.%u.%u.%u", a >> 24, a >> 16 & 0xff,
		    a >> 8 & 0xff, a & 0xff) == -1 ? url_oom(e) : HERR_OK;
	else
		rc = url_put_name(&o->m, r->host, e);
	if (rc != HERR_OK)
		return rc;
	if (o->m.len - o->off[UF_HOST] >= HG_MAX_HOST)
		return url_malformed(e);
	return buf_addc(&o->m, '\0') == -1 ? url_oom(e) : HERR_OK;
}

/*
 * Without "scheme://" curl guesses from the host name as it always has:
 * "ftp.example.com" is FTP (which hget then refuses), anything else HTTP.
 */
static const char *
url_guess_scheme(const char *host)
{
	static const char *const guess[] = {
		"ftp", "dict", "ldap", "imap", "smtp", "pop3"
	};
	size_t			 i, n;

	for (i = 0; i < sizeof(guess) / sizeof(guess[0]); i++) {
		n = strlen(guess[i]);
		if (strncasecmp(host, guess[i], n) == 0 && host[n] == '.')
			return guess[i];
	}
	return "http";
}

/* Remove the last segment and the '/' before it, never below start. */
static void
url_pop_segment(struct buf *b, size_t start)
{
	size_t	 k = b->len;

	while (k > start && b->data[k - 1] != '/')
		k--;
	b->len = k > start ? k - 1 : start;
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

/*
 * RFC 3986 §5.2.4 remove_dot_segments, appending the output to b.  Only
 * whole "." and ".." segments go: "%2e" and "..a" stay, as in curl.
 */
static int
url_dedot(struct buf *b, const char *p, size_t n)
{
	size_t	 start = b->len, i = 0, k;

	while (i < n) {
		if (url_prefix(p + i, n - i, "../"))		/* A */
			i += 3;
		else if (url_prefix(p + i, n - i, "./"))
			i += 2;
		else if (url_prefix(p + i, n - i, "/./"))	/* B */
			i += 2;
		else if (url_is(p + i, n - i, "/."))
			return buf_addc(b, '/');
		else if (url_prefix(p + i, n - i, "/../")) {	/* C */
			i += 3;
			url_pop_segment(b, start);
		} else if (url_is(p + i, n - i, "/..")) {
			url_pop_segment(b, start);
			return buf_addc(b, '/');
		} else if (url_is(p + i, n - i, ".") ||		/* D */
		    url_is(p + i, n - i, ".."))
			return 0;
		else {						/* E */
			k = i + 1;
			while (k < n && p[k] != '/')
				k++;
			if (buf_add(b, p + i, k - i) == -1)
				return -1;
			i = k;
		}
	}
	return 0;
}

/* Append a NUL-terminated copy of s as field f. */
static int
url_put(struct url_out *o, enum url_field f, struct span s)
{
	if (s.p == NULL)
		return 0;
	o->off[f] = o->m.len;
	if (buf_add(&o->m, s.p, s.n) == -1 || buf_addc(&o->m, '\0') == -1)
		return -1;
	return 0;
}

/* Scheme lowercased (or guessed), path never empty and without dots. */
static int
url_put_scheme_path(struct url_out *o, const struct url_raw *r)
{
	size_t	 i;

	o->off[UF_SCHEME] = o->m.len;
	if (r->scheme.n == 0 && buf_addstr(&o->m,
	    url_guess_scheme(o->m.data + o->off[UF_HOST])) == -1)
		return -1;
	for (i = 0; i < r->scheme.n; i++)
		if (buf_addc(&o->m, (char)span_lower(
		    (unsigned char)r->scheme.p[i])) == -1)
			return -1;
	if (buf_addc(&o->m, '\0') == -1)
		return -1;
	o->off[UF_PATH] = o->m.len;
	if (url_dedot(&o->m, r->path.p, r->path.n) == -1)
		return -1;
	if (o->m.len == o->off[UF_PATH] && buf_addc(&o->m, '/') == -1)
		return -1;
	return buf_addc(&o->m, '\0');
}

static enum herr
url_build(struct url_out *o, const struct url_raw *r, struct hg_err *e)
{
	enum herr	 rc;

	if ((rc = url_put_host(o, r, e)) != HERR_OK)
		return rc;
	if (url_put_scheme_path(o, r) == -1 ||
	    url_put(o, UF_USER, r->user) == -1 ||
	    url_put(o, UF_PASSWORD, r->password) == -1 ||
	    url_put(o, UF_QUERY, r->query) == -1 ||
	    url_put(o, UF_FRAGMENT, r->fragment) == -1)
		return url_oom(e);
	return HERR_OK;
}

static const char *
url_field_at(const struct url_out *o, enum url_field f)
{
	return o->off[f] == SIZE_MAX ? NULL : o->m.data + o->off[f];
}

/*
 * The order of checks is curl's: every syntax error (exit 3) first, and
 * only a URL that parses can be refused for its scheme (exit 1).
 */
enum herr
url_parse(struct url *u, const char *in, struct hg_err *e)
{
	struct url_raw	 r;
	struct url_out	 o;
	size_t		 n, i;
	enum herr	 rc;

	memset(u, 0, sizeof(*u));
	n = strnlen(in, HG_MAX_URL + 1);
	if (n == 0 || n > HG_MAX_URL || url_has_junk(in, n) ||
	    url_split(&r, in, n) == -1)
		return url_malformed(e);
	buf_init(&o.m, URL_MEM_CAP);
	for (i = 0; i < UF__COUNT; i++)
		o.off[i] = SIZE_MAX;
	if ((rc = url_build(&o, &r, e)) == HERR_OK &&
	    url_default_port(url_field_at(&o, UF_SCHEME)) == 0)
		rc = hg_fail(e, HERR_UNSUPPORTED_PROTOCOL,
		    "Protocol \"%s\" not supported",
		    url_field_at(&o, UF_SCHEME));
	if (rc != HERR_OK) {
		buf_free(&o.m);
		return rc;
	}
	u->mem = o.m.data;
	u->scheme = url_field_at(&o, UF_SCHEME);
	u->user = url_field_at(&o, UF_USER);
	u->password = url_field_at(&o, UF_PASSWORD);
	u->host = url_field_at(&o, UF_HOST);
	u->ipv6 = r.ipv6;
	u->port_given = r.port_given;
	u->port = r.port_given ? r.portnum : url_default_port(u->scheme);
	u->path = url_field_at(&o, UF_PATH);
	u->query = url_field_at(&o, UF_QUERY);
	u->fragment = url_field_at(&o, UF_FRAGMENT);
	return HERR_OK;
}

void
url_free(struct url *u)
{
	free(u->mem);
	memset(u, 0, sizeof(*u));
}

unsigned
url_default_port(const char *scheme)
{
	if (scheme == NULL)
		return 0;
	if (strcasecmp(scheme, "http") == 0)
		return 80;
	if (strcasecmp(scheme, "https") == 0)
		return 443;
	return 0;
}

/*
 * curl 7.88 sends the path with bytes >= 0x80 as lowercase %xx but the
 * query as written; u->path keeps them raw, as %{url_effective} shows.
 */
int
url_target(const struct url *u, struct buf *b)
{
	const unsigned char	*p;
	char			 esc[3] = { '%' };

	for (p = (const unsigned char *)u->path; *p != '\0'; p++) {
		if (*p < 0x80) {
			if (buf_addc(b, (char)*p) == -1)
				return -1;
			continue;
		}
		esc[1] = url_hex[*p >> 4];
		esc[2] = url_hex[*p & 0xf];
		if (buf_add(b, esc, sizeof(esc)) == -1)
			return -1;
	}
	if (u->query != NULL && (buf_addc(b, '?') == -1 ||
	    buf_addstr(b, u->query) == -1))
		return -1;
	return 0;
}

/* The address without its zone id: a zone means nothing to the server. */
static int
url_add_v6(const struct url *u, struct buf *b, const char *zonesep)
{
	size_t	 alen = strcspn(u->host, "%");

	if (buf_addc(b, '[') == -1 || buf_add(b, u->host, alen) == -1)
		return -1;
	if (zonesep != NULL && u->host[alen] == '%' &&
	    (buf_addstr(b, zonesep) == -1 ||
	    buf_addstr(b, u->host + alen + 1) == -1))
		return -1;
	return buf_addc(b, ']');
}

int
url_hostport(const struct url *u, struct buf *b)
{
	if (u->ipv6 ? url_add_v6(u, b, NULL) == -1 :
	    buf_addstr(b, u->host) == -1)
		return -1;
	if (u->port != url_default_port(u->scheme) &&
	    buf_printf(b, ":%u", u->port) == -1)
		return -1;
	return 0;
}

/*
 * As curl prints %{url_effective}: a port only when the URL named one
 * (":80" stays), the zone id as "%25zone", and an empty query or fragment
 * left out even though "?" still goes on the wire.
 */
int
url_string(const struct url *u, struct buf *b)
{
	if (buf_addstr(b, u->scheme) == -1 || buf_addstr(b, "://") == -1)
		return -1;
	if (u->user != NULL && (buf_addstr(b, u->user) == -1 ||
	    (u->password != NULL && (buf_addc(b, ':') == -1 ||
	    buf_addstr(b, u->password) == -1)) || buf_addc(b, '@') == -1))
		return -1;
	if (u->ipv6 ? url_add_v6(u, b, "%25") == -1 :
	    buf_addstr(b, u->host) == -1)
		return -1;
	if (u->port_given && buf_printf(b, ":%u", u->port) == -1)
		return -1;
	if (buf_addstr(b, u->path) == -1)
		return -1;
	if (u->query != NULL && *u->query != '\0' &&
	    (buf_addc(b, '?') == -1 || buf_addstr(b, u->query) == -1))
		return -1;
	if (u->fragment != NULL && *u->fragment != '\0' &&
	    (buf_addc(b, '#') == -1 || buf_addstr(b, u->fragment) == -1))
		return -1;
	return 0;
}

/* RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) */
static size_t
url_rfc_scheme_len(const char *p, size_t n)
{
	size_t	 i;

	if (n == 0 || !url_isalpha((unsigned char)p[0]))
		return 0;
	for (i = 1; i < n && url_isscheme((unsigned char)p[i]); i++)
		;
	return i < n && p[i] == ':' ? i : 0;
}

/* RFC 3986 §3 (Appendix B's split, with §3.1's stricter scheme). */
static int
url_ref_split(struct url_ref *r, const char *p)
{
	size_t	 n = strnlen(p, HG_MAX_URL + 1), i = 0, k;

	memset(r, 0, sizeof(*r));
	if (n > HG_MAX_URL)
		return -1;
	if ((k = url_rfc_scheme_len(p, n)) > 0) {
		r->scheme = span_make(p, k);
		i = k + 1;
	}
	if (n - i >= 2 && p[i] == '/' && p[i + 1] == '/') {
		i += 2;
		k = url_cspn(p + i, n - i, "/?#");
		r->auth = span_make(p + i, k);
		i += k;
	}
	url_split_tail(p + i, n - i, &r->path, &r->query, &r->frag);
	return 0;
}

/* RFC 3986 §5.2.3 merge, then §5.2.4 on the result. */
static int
url_merge(struct buf *path, const struct url_ref *b, struct span rel)
{
	struct buf	 m;
	size_t		 keep;
	int		 rc;

	buf_init(&m, HG_MAX_URL);
	if (b->auth.p != NULL && b->path.n == 0)
		rc = buf_addc(&m, '/');
	else {
		for (keep = b->path.n; keep > 0; keep--)
			if (b->path.p[keep - 1] == '/')
				break;
		rc = buf_add(&m, b->path.p, keep);
	}
	if (rc == 0)
		rc = buf_add(&m, rel.p, rel.n);
	if (rc == 0)
		rc = url_dedot(path, m.data, m.len);
	buf_free(&m);
	return rc;
}

/* RFC 3986 §5.2.2, strict: a reference's own scheme always wins. */
static int
url_target_ref(struct url_ref *t, struct buf *path, const struct url_ref *b,
    const struct url_ref *r)
{
	t->frag = r->frag;
	t->query = r->query;
	if (r->scheme.p != NULL) {
		t->scheme = r->scheme;
		t->auth = r->auth;
		return url_dedot(path, r->path.p, r->path.n);
	}
	t->scheme = b->scheme;
	if (r->auth.p != NULL) {
		t->auth = r->auth;
		return url_dedot(path, r->path.p, r->path.n);
	}
	t->auth = b->auth;
	if (r->path.n == 0) {
		if (r->query.p == NULL)
			t->query = b->query;
		return buf_add(path, b->path.p, b->path.n);
	}
	if (r->path.p[0] == '/')
		return url_dedot(path, r->path.p, r->path.n);
	return url_merge(path, b, r->path);
}

/*
 * How curl 7.88 encodes a followed Location: a space is "%20" before the
 * first '?' and "+" after it, bytes >= 0x80 become lowercase %xx, and
 * everything else (controls included; url_parse refuses them) stays.
 */
static int
url_add_encoded(struct buf *out, const char *p, size_t n, int *inquery)
{
	const unsigned char	*s = (const unsigned char *)p;
	char			 esc[3] = { '%' };
	size_t			 i;
	int			 rc;

	for (i = 0; i < n; i++) {
		if (s[i] == '?')
			*inquery = 1;
		if (s[i] == ' ')
			rc = *inquery ? buf_addc(out, '+') :
			    buf_add(out, "%20", 3);
		else if (s[i] >= 0x80) {
			esc[1] = url_hex[s[i] >> 4];
			esc[2] = url_hex[s[i] & 0xf];
			rc = buf_add(out, esc, sizeof(esc));
		} else
			rc = buf_addc(out, (char)s[i]);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* RFC 3986 §5.3 recomposition, encoding everything after the authority. */
static int
url_recompose(struct buf *out, const struct url_ref *t, const struct buf *path)
{
	int	 inquery = 0;

	if (buf_add(out, t->scheme.p, t->scheme.n) == -1 ||
	    buf_addc(out, ':') == -1)
		return -1;
	if (t->auth.p != NULL && (buf_add(out, "//", 2) == -1 ||
	    buf_add(out, t->auth.p, t->auth.n) == -1))
		return -1;
	if (url_add_encoded(out, path->data, path->len, &inquery) == -1)
		return -1;
	if (t->query.p != NULL && (url_add_encoded(out, "?", 1,
	    &inquery) == -1 || url_add_encoded(out, t->query.p, t->query.n,
	    &inquery) == -1))
		return -1;
	if (t->frag.p != NULL && (url_add_encoded(out, "#", 1,
	    &inquery) == -1 || url_add_encoded(out, t->frag.p, t->frag.n,
	    &inquery) == -1))
		return -1;
	return 0;
}

int
url_resolve(const char *base, const char *ref, struct buf *out)
{
	struct url_ref	 b, r, t;
	struct buf	 path;
	size_t		 start = out->len;
	int		 rc = -1;

	if (url_ref_split(&b, base) == -1 || url_ref_split(&r, ref) == -1 ||
	    b.scheme.p == NULL)
		return -1;
	buf_init(&path, HG_MAX_URL);
	if (url_target_ref(&t, &path, &b, &r) == 0 &&
	    url_recompose(out, &t, &path) == 0)
		rc = 0;
	buf_free(&path);
	if (rc == -1) {
		out->len = start;
		if (out->data != NULL)
			out->data[start] = '\0';
	}
	return rc;
}
