/* src/proxy.c: which proxy one request goes through, by curl 7.88's rules */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "herr.h"
#include "hget.h"
#include "limits.h"
#include "proxy.h"
#include "span.h"
#include "url.h"

/* curl's CURL_DEFAULT_PROXY_PORT, for a proxy string without a port */
#define PROXY_DEFAULT_PORT	1080
/* curl's MAX_SCHEME_LEN: a longer "scheme" is read as a host name */
#define PROXY_MAX_SCHEME	40
/* bytes of a proxy string quoted in a message */
#define PROXY_SHOW		100
/* curl copies a no_proxy entry into 128 bytes before reading an address */
#define PROXY_MAX_ADDR		128
/* a CIDR prefix length is read digits as far as they go, as curl does, but stops growing here */
#define PROXY_MAX_BITS		1000

enum proxy_hosttype { PH_NAME, PH_V4, PH_V6 };

/* The request's host, read once for every no_proxy entry. */
struct proxy_host {
	enum proxy_hosttype	 type;
	char			 name[HG_MAX_HOST];
	size_t			 len;
	unsigned char		 addr[16];	/* network order */
};

static const char proxy_bad[] = "URL using bad/illegal format or missing URL";

/*
 * Schemes curl speaks to a proxy and hget does not; a proxy string naming
 * one is refused like an unknown scheme, with a word on why.
 */
static const char *const proxy_elsewhere[] = {
	"https", "socks", "socks4", "socks4a", "socks5", "socks5h"
};

static int
proxy_blank(int c)
{
	return c == ' ' || c == '\t';
}

static int
proxy_isscheme(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

/*
 * Quote at most PROXY_SHOW bytes of s for a message: the string may come
 * from the environment, so control and non-ASCII bytes become \ooo and
 * cannot reach the terminal.
 */
static const char *
proxy_show(char *v, size_t vlen, const char *s)
{
	static const char	 oct[] = "01234567";
	size_t			 i, o = 0;
	unsigned char		 c;

	for (i = 0; s[i] != '\0' && o + 5 < vlen; i++) {
		c = (unsigned char)s[i];
		if (i == PROXY_SHOW) {
			memcpy(v + o, "...", 3);
			o += 3;
			break;
		}
		if (c >= 0x20 && c < 0x7f) {
			v[o++] = (char)c;
			continue;
		}
		v[o++] = '\\';
		v[o++] = oct[c >> 6];
		v[o++] = oct[c >> 3 & 7];
		v[o++] = oct[c & 7];
	}
	v[o] = '\0';
	return v;
}

/* curl 7.88: "Unsupported proxy syntax in 'X'", exit 5. */
static int
proxy_syntax(const char *s, struct hg_err *e)
{
	char	 v[PROXY_SHOW * 4 + 8];

	hg_fail(e, PROXY_ERR_SYNTAX, "Unsupported proxy syntax in '%s'",
	    proxy_show(v, sizeof(v), s));
	return -1;
}

/* curl 7.88: "Unsupported proxy scheme for 'X'", exit 7. */
static int
proxy_scheme(const char *s, size_t k, struct hg_err *e)
{
	char	 v[PROXY_SHOW * 4 + 8];
	size_t	 i;

	for (i = 0; i < sizeof(proxy_elsewhere) / sizeof(proxy_elsewhere[0]);
	    i++)
		if (strlen(proxy_elsewhere[i]) == k &&
		    strncasecmp(s, proxy_elsewhere[i], k) == 0) {
			hg_fail(e, PROXY_ERR_SCHEME, "Unsupported proxy scheme "
			    "for '%s': hget speaks only http:// to a proxy",
			    proxy_show(v, sizeof(v), s));
			return -1;
		}
	hg_fail(e, PROXY_ERR_SCHEME, "Unsupported proxy scheme for '%s'",
	    proxy_show(v, sizeof(v), s));
	return -1;
}

/*
 * Percent-decode n bytes of s into dst, NUL-terminated.  An escape that
 * is not '%' and two hex digits stays as written (curl leaves it).
 * Returns 0, -1 when a decoded byte is below min, -2 when dst is full.
 */
static int
proxy_decode(char *dst, size_t dstlen, const char *s, size_t n, int min)
{
	size_t	 i, o = 0;
	int	 c, hi, lo;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n &&
		    (hi = span_hexval((unsigned char)s[i + 1])) >= 0 &&
		    (lo = span_hexval((unsigned char)s[i + 2])) >= 0) {
			c = hi << 4 | lo;
			i += 2;
		}
		if (c < min)
			return -1;
		if (o + 1 >= dstlen)
			return -2;
		dst[o++] = (char)c;
	}
	dst[o] = '\0';
	return 0;
}

static int
proxy_creds(struct proxy *p, const char *user, size_t ulen,
    const char *pass, size_t plen, int min)
{
	int	 rc;

	if ((rc = proxy_decode(p->user, sizeof(p->user), user, ulen,
	    min)) != 0 ||
	    (rc = proxy_decode(p->password, sizeof(p->password), pass, plen,
	    min)) != 0)
		return rc;
	p->has_user = 1;
	return 0;
}

static int
proxy_too_long(struct hg_err *e)
{
	hg_fail(e, HERR_TOO_LARGE,
	    "Proxy user name or password longer than %d bytes",
	    HG_MAX_CRED - 1);
	return -1;
}

/*
 * -U "user:password" splits at the first ':' and each half is then
 * percent-decoded: curl 7.88 sends -U 'a%41:b' as "aA:b", and refuses a
 * %00 with exit 3 whether or not a proxy is used.
 */
static int
proxy_opt_user(struct proxy *p, const char *up, struct hg_err *e)
{
	const char	*colon, *pass = "";
	size_t		 ulen;
	int		 rc;

	if ((colon = strchr(up, ':')) != NULL) {
		ulen = (size_t)(colon - up);
		pass = colon + 1;
	} else
		ulen = strlen(up);
	rc = proxy_creds(p, up, ulen, pass, strlen(pass), 1);
	if (rc == -1) {
		hg_fail(e, HERR_URL_MALFORMAT, "%s", proxy_bad);
		return -1;
	}
	return rc == -2 ? proxy_too_long(e) : 0;
}

/*
 * Credentials in the proxy URL replace -U's (curl 7.88 sends "a:b" for
 * -x http://a:b@h -U c:d), percent-decoded; "u@" alone means password "".
 * A control byte there makes curl 7.88 drop the proxy without a word and
 * connect directly; hget refuses the string instead.
 */
static int
proxy_url_creds(struct proxy *p, const struct url *pu, const char *s,
    struct hg_err *e)
{
	const char	*user = pu->user != NULL ? pu->user : "";
	const char	*pass = pu->password != NULL ? pu->password : "";
	int		 rc;

	if (pu->user == NULL && pu->password == NULL)
		return 0;
	rc = proxy_creds(p, user, strlen(user), pass, strlen(pass), 0x20);
	if (rc == -1)
		return proxy_syntax(s, e);
	return rc == -2 ? proxy_too_long(e) : 0;
}

/* curl's rule: up to 40 of [A-Za-z0-9+.-], then ":/". 0: none. */
static size_t
proxy_scheme_len(const char *s)
{
	size_t	 i;

	for (i = 0; i < PROXY_MAX_SCHEME; i++)
		if (!proxy_isscheme((unsigned char)s[i]))
			break;
	if (i > 0 && s[i] == ':' && s[i + 1] == '/')
		return i;
	return 0;
}

/*
 * A scheme other than http: curl parses the string first (a syntax error
 * is exit 5 whatever the scheme), then refuses the scheme (exit 7).  The
 * syntax test is url_parse on the same string with "http" in front.
 */
static int
proxy_other_scheme(const char *s, size_t k, struct hg_err *e)
{
	struct buf	 b;
	struct url	 pu;
	struct hg_err	 pe;
	enum herr	 rc;

	if (strnlen(s, HG_MAX_URL + 1) > HG_MAX_URL)
		return proxy_syntax(s, e);
	buf_init(&b, HG_MAX_URL + 8);
	if (buf_addstr(&b, "http") == -1 || buf_addstr(&b, s + k) == -1 ||
	    buf_addc(&b, '\0') == -1) {
		buf_free(&b);
		hg_fail(e, HERR_OUT_OF_MEMORY, "%s",
		    herr_text(HERR_OUT_OF_MEMORY));
		return -1;
	}
	rc = url_parse(&pu, b.data, &pe);
	buf_free(&b);
	if (rc == HERR_OK)
		url_free(&pu);
	else if (rc == HERR_URL_MALFORMAT)
		return proxy_syntax(s, e);
	else {
		*e = pe;
		return -1;
	}
	return proxy_scheme(s, k, e);
}

/*
 * "host", "host:port", "[v6]:port", "http://user:pass@host:port/": curl
 * 7.88 reads a proxy string as a URL and ignores its path, query and
 * fragment.  Without "scheme://" the scheme is guessed from the host as
 * for any URL, so "ftp.example.com:3128" is an FTP proxy (exit 7).
 */
static int
proxy_parse(struct proxy *p, const char *s, struct hg_err *e)
{
	struct url	 pu;
	struct hg_err	 pe;
	size_t		 k;
	enum herr	 rc;
	int		 ret;

	k = proxy_scheme_len(s);
	if (k > 0 && !(k == 4 && strncasecmp(s, "http", 4) == 0))
		return proxy_other_scheme(s, k, e);
	if ((rc = url_parse(&pu, s, &pe)) != HERR_OK) {
		if (rc == HERR_URL_MALFORMAT)
			return proxy_syntax(s, e);
		if (rc == HERR_UNSUPPORTED_PROTOCOL)
			return proxy_scheme(s, 0, e);
		*e = pe;
		return -1;
	}
	ret = 0;
	if (strlcpy(p->host, pu.host, sizeof(p->host)) >= sizeof(p->host))
		ret = proxy_syntax(s, e);
	p->ipv6 = pu.ipv6;
	p->port = pu.port_given ? pu.port : PROXY_DEFAULT_PORT;
	if (ret == 0)
		ret = proxy_url_creds(p, &pu, s, e);
	url_free(&pu);
	return ret;
}

/*
 * The environment, as curl 7.88 reads it for the URL's scheme: http://
 * takes http_proxy only (never HTTP_PROXY, which a CGI script's caller
 * could set through a "Proxy:" request header), https:// takes
 * https_proxy or HTTPS_PROXY; both fall back on all_proxy / ALL_PROXY.
 * An empty variable counts as unset.
 */
static const char *
proxy_env(const struct hg_request *rq, const struct url *u)
{
	const char	*s;

	if (strcmp(u->scheme, "https") == 0)
		s = rq->env_https_proxy;
	else
		s = rq->env_http_proxy;
	if (s == NULL || *s == '\0')
		s = rq->env_all_proxy;
	return s;
}

static int
proxy_clear(struct proxy *p, int rc)
{
	/*
	 * No credentials left behind in a struct that is not used; a struct
	 * that never held any is already clean (proxy_pick zeroed it), and
	 * 8 KB less to wipe is felt on every kept-alive request.
	 */
	if (p->user[0] != '\0' || p->password[0] != '\0' || p->has_user)
		explicit_bzero(p, sizeof(*p));
	return rc;
}

/*
 * curl 7.88's order: -U is decoded first, -x (even "", which turns every
 * proxy off) wins over the environment, the no_proxy list is consulted
 * before the proxy string is parsed (a broken string for an excluded host
 * is no error), and only then is the string read.
 */
int
proxy_pick(const struct hg_request *rq, const struct url *u, struct proxy *p,
    struct hg_err *e)
{
	const char	*s;

	/* field by field: the 8 KB of credential room stays untouched */
	p->host[0] = p->user[0] = p->password[0] = '\0';
	p->port = 0;
	p->ipv6 = p->tunnel = p->has_user = 0;
	if (rq->proxy_user != NULL &&
	    proxy_opt_user(p, rq->proxy_user, e) == -1)
		return proxy_clear(p, -1);
	s = rq->proxy != NULL ? rq->proxy : proxy_env(rq, u);
	if (s == NULL || *s == '\0' ||
	    proxy_noproxy_match(rq->noproxy, u->host))
		return proxy_clear(p, 0);
	if (proxy_parse(p, s, e) == -1)
		return proxy_clear(p, -1);
	/* RFC 9110 §9.3.6: a TLS origin is reached through a CONNECT tunnel */
	p->tunnel = rq->proxytunnel || strcmp(u->scheme, "https") == 0;
	return 1;
}

/*
 * The host as curl 7.88 compares it: an IPv4 address, an IPv6 literal
 * (brackets and zone id dropped; 7.88 matches it as a name) or a name
 * without one trailing dot.  -1: nothing can match it.
 */
static int
proxy_host_init(struct proxy_host *h, const char *host)
{
	size_t	 n = strlen(host);
	char	*pct;

	if (n > 1 && host[0] == '[' && host[n - 1] == ']') {
		host++;
		n -= 2;
	}
	if (n == 0 || n >= sizeof(h->name))
		return -1;
	memcpy(h->name, host, n);
	h->name[n] = '\0';
	h->type = PH_NAME;
	if (memchr(h->name, ':', n) != NULL) {
		if ((pct = strchr(h->name, '%')) != NULL)
			*pct = '\0';
		if (inet_pton(AF_INET6, h->name, h->addr) == 1)
			h->type = PH_V6;
	} else if (inet_pton(AF_INET, h->name, h->addr) == 1)
		h->type = PH_V4;
	h->len = strlen(h->name);
	if (h->type != PH_V4 && h->len > 0 && h->name[h->len - 1] == '.')
		h->name[--h->len] = '\0';
	return 0;
}

/*
 * A name entry, dots at either end ignored: "example.com" and
 * ".example.com" both match example.com and www.example.com, never
 * badexample.com.  Case does not matter.
 */
static int
proxy_match_name(const struct proxy_host *h, const char *t, size_t n)
{
	if (n > 0 && t[n - 1] == '.')
		n--;
	if (n > 0 && t[0] == '.') {
		t++;
		n--;
	}
	if (n == 0 || n > h->len)
		return 0;
	if (n < h->len && h->name[h->len - n - 1] != '.')
		return 0;
	return strncasecmp(h->name + h->len - n, t, n) == 0;
}

/* "/N" read digits as far as they go (curl's way); a negative N is past any maximum. */
static unsigned
proxy_bits(const char *s)
{
	unsigned	 v = 0;
	int		 neg = 0;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++)
		if ((v = v * 10 + (unsigned)(*s - '0')) > PROXY_MAX_BITS)
			return PROXY_MAX_BITS + 1;
	return neg && v > 0 ? PROXY_MAX_BITS + 1 : v;
}

static int
proxy_prefix_eq(const unsigned char *a, const unsigned char *b,
    unsigned bits)
{
	unsigned	 whole = bits / 8, rest = bits % 8;

	if (memcmp(a, b, whole) != 0)
		return 0;
	return rest == 0 ||
	    ((a[whole] ^ b[whole]) & (0xff00 >> rest) & 0xff) == 0;
}

/*
 * An address entry, maybe with "/bits" (curl 7.86's CIDR): "/0", no
 * slash and "/32" all mean the whole address, more bits than the address
 * has match nothing.  The entry must be the same family as the host.
 */
static int
proxy_match_addr(const struct proxy_host *h, int af, const char *t,
    size_t n)
{
	char		 net[PROXY_MAX_ADDR];
	unsigned char	 a[16];
	char		*slash;
	unsigned	 bits = 0, max = af == AF_INET ? 32 : 128;

	if (n >= sizeof(net))
		return 0;
	memcpy(net, t, n);
	net[n] = '\0';
	if ((slash = strchr(net, '/')) != NULL) {
		bits = proxy_bits(slash + 1);
		*slash = '\0';
	}
	if (bits == 0)
		bits = max;
	if (bits > max || inet_pton(af, net, a) != 1)
		return 0;
	return proxy_prefix_eq(h->addr, a, bits);
}

/*
 * curl 7.88 tests an IPv6 host only as a name ("::1" matches [::1], but
 * "0::1" and "::/64" do not); curl documents CIDR for IPv6 too, so hget
 * also compares the address.
 */
static int
proxy_match_token(const struct proxy_host *h, const char *t, size_t n)
{
	switch (h->type) {
	case PH_V4:
		return proxy_match_addr(h, AF_INET, t, n);
	case PH_V6:
		return proxy_match_name(h, t, n) ||
		    proxy_match_addr(h, AF_INET6, t, n);
	default:
		return proxy_match_name(h, t, n);
	}
}

/*
 * Entries are separated by commas and blanks (space, tab) in any number;
 * "*" excludes every host, but only as the whole list.  An entry with a
 * port ("h:8080") matches nothing, as in curl 7.88.
 */
int
proxy_noproxy_match(const char *list, const char *host)
{
	struct proxy_host	 h;
	const char		*t;
	size_t			 n;

	if (list == NULL || host == NULL || *list == '\0' || *host == '\0')
		return 0;
	if (strcmp(list, "*") == 0)
		return 1;
	if (proxy_host_init(&h, host) == -1)
		return 0;
	for (t = list; *t != '\0'; t += n) {
		while (*t == ',' || proxy_blank((unsigned char)*t))
			t++;
		n = strcspn(t, ", \t");
		if (n > 0 && proxy_match_token(&h, t, n))
			return 1;
	}
	return 0;
}
