/*
 * src/netrc.c: netrc lookup over (ptr, len), read the way curl 7.88.1 as
 * Debian 12 ships it (7.88.1-10+deb12u14, security fixes included) does.
 * The behaviour is measured, not designed: see netrc.h for the list and
 * tests/unit/t_netrc.c for the cases.  Nothing is copied while parsing:
 * tokens are spans into the text, decoded only to compare or hand out.
 */
#include <string.h>

#include "netrc.h"
#include "span.h"

#define FOUND_LOGIN	1
#define FOUND_PASSWORD	2

/* One token; a quoted one spans its inside, escapes still in place. */
struct ntok {
	const char	*p;
	size_t		 n;
	int		 quoted;
};

enum nstate {
	N_NOTHING,		/* between entries */
	N_HOSTFOUND,		/* after "machine": the next token is a host */
	N_HOSTVALID,		/* inside an entry for our host, or default */
	N_MACDEF		/* inside a macro definition */
};

enum nkey {
	K_NONE,
	K_LOGIN,		/* the next token is a login */
	K_PASSWORD		/* the next token is a password */
};

struct netrc {
	const char	*host;
	const char	*login;		/* named by the caller, or NULL */
	enum nstate	 state;
	enum nkey	 key;
	int		 found;		/* FOUND_* seen in this entry */
	int		 our_login;	/* the entry's login is usable */
	int		 matched;	/* host's entry, or default, seen */
	int		 done;
	int		 has_login;
	int		 has_pass;
	struct ntok	 tlogin;
	struct ntok	 tpass;
};

/*
 * The next line, as curl's Curl_get_line() takes lines from
 * fgets(buf, NETRC_MAX_LINE): *line gets it without its LF, and 0 means
 * the file ends.  A line too long for the buffer is skipped up to its LF;
 * a line with a NUL looks too long to it as well, so it goes with the
 * line after it; a read starting with NUL ends the file; a last line
 * without LF counts unless it is a tail of a skipped one.
 */
static int
netrc_line(const char *text, size_t len, size_t *pos, struct span *line)
{
	const char	*c, *nl, *nul;
	size_t		 room, n, rlen;
	int		 partial = 0, eof;

	for (;;) {
		if ((room = len - *pos) == 0)
			return 0;
		c = text + *pos;
		n = room < NETRC_MAX_LINE - 1 ? room : NETRC_MAX_LINE - 1;
		if ((nl = memchr(c, '\n', n)) != NULL)
			n = (size_t)(nl - c) + 1;
		/* fgets() stopped at the end of the file, not a full buffer */
		eof = nl == NULL && room < NETRC_MAX_LINE - 1;
		*pos += n;
		nul = memchr(c, '\0', n);
		rlen = nul != NULL ? (size_t)(nul - c) : n;
		if (rlen == 0)
			return 0;
		if (c[rlen - 1] == '\n') {
			if (!partial) {
				*line = span_make(c, rlen - 1);
				return 1;
			}
			partial = 0;
		} else if (eof) {
			if (partial)
				return 0;
			*line = span_make(c, rlen);
			return 1;
		} else
			partial = 1;
	}
}

/* Byte i of a line as curl's buffer holds it: the text, LF, then NUL. */
static int
netrc_at(struct span l, size_t i)
{
	if (i < l.n)
		return (unsigned char)l.p[i];
	return i == l.n ? '\n' : '\0';
}

/* curl's ISSPACE(): what ends an unquoted token. */
static int
netrc_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

/*
 * The token at or after *i on line l: 1 and *t, 0 when the line (or a
 * '#' comment) ends, -1 for a quote still open at the end of the line.
 * Like curl, *i then moves one byte past where the token ended: past the
 * blank after an unquoted token, past the byte after a closing quote.
 */
static int
netrc_token(struct span l, size_t *i, struct ntok *t)
{
	size_t	 j = *i, start;
	int	 c;

	while ((c = netrc_at(l, j)) == ' ' || c == '\t')
		j++;
	if (c == '\0' || c == '#')
		return 0;
	if (c != '"') {
		start = j;
		while (!netrc_space(netrc_at(l, j)))
			j++;
		t->p = l.p + start;
		t->n = j - start;
		t->quoted = 0;
		*i = j + 1;
		return 1;
	}
	start = ++j;
	while ((c = netrc_at(l, j)) != '"') {
		if (c == '\0')
			return -1;
		j += c == '\\' ? 2 : 1;
	}
	t->p = l.p + start;
	t->n = j - start;
	t->quoted = 1;
	*i = j + 2;
	return 1;
}

/* The next decoded byte of t from *k, or -1 at its end. */
static int
netrc_next(const struct ntok *t, size_t *k)
{
	int	 c;

	if (*k >= t->n)
		return -1;
	c = (unsigned char)t->p[(*k)++];
	/* a backslash inside a closed quote always has a byte after it */
	if (!t->quoted || c != '\\')
		return c;
	switch (c = (unsigned char)t->p[(*k)++]) {
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	default:
		return c;
	}
}

/* Does t decode to s?  fold: ASCII case-insensitively. */
static int
netrc_eq(const struct ntok *t, const char *s, int fold)
{
	size_t	 k = 0;
	int	 a, b;

	while ((a = netrc_next(t, &k)) != -1) {
		if ((b = (unsigned char)*s++) == '\0')
			return 0;
		if (fold) {
			a = span_lower(a);
			b = span_lower(b);
		}
		if (a != b)
			return 0;
	}
	return *s == '\0';
}

/* Decode t into dst, NUL-terminated; -1 if it does not fit. */
static int
netrc_copy(const struct ntok *t, char *dst, size_t dstlen)
{
	size_t	 k = 0, o = 0;
	int	 c;

	while ((c = netrc_next(t, &k)) != -1) {
		if (o + 1 >= dstlen)
			return -1;
		dst[o++] = (char)c;
	}
	if (dstlen == 0)
		return -1;
	dst[o] = '\0';
	return 0;
}

/* A new entry starts: what the last one gave is dropped, as in curl. */
static void
netrc_drop(struct netrc *r)
{
	r->has_pass = 0;
	if (r->login == NULL)
		r->has_login = 0;
}

/* A token inside an entry for our host (or default). */
static void
netrc_entry(struct netrc *r, const struct ntok *t)
{
	if (r->key == K_LOGIN) {
		if (r->login != NULL)
			r->our_login = netrc_eq(t, r->login, 0);
		else {
			r->our_login = 1;
			r->tlogin = *t;
			r->has_login = 1;
		}
		r->found |= FOUND_LOGIN;
		r->key = K_NONE;
	} else if (r->key == K_PASSWORD) {
		/* kept even when the login does not match: curl 7.88 does */
		r->tpass = *t;
		r->has_pass = 1;
		r->found |= FOUND_PASSWORD;
		r->key = K_NONE;
	} else if (netrc_eq(t, "login", 1))
		r->key = K_LOGIN;
	else if (netrc_eq(t, "password", 1))
		r->key = K_PASSWORD;
	else if (netrc_eq(t, "machine", 1)) {
		/* our_login survives this one: curl resets it only outside */
		r->state = N_HOSTFOUND;
		r->found = 0;
		netrc_drop(r);
	} else if (netrc_eq(t, "default", 1)) {
		/* curl keeps found here, so half an entry may end the lookup */
		r->matched = 1;
		netrc_drop(r);
	}
	if (r->found == (FOUND_LOGIN | FOUND_PASSWORD) && r->our_login)
		r->done = 1;
}

static void
netrc_feed(struct netrc *r, const struct ntok *t)
{
	switch (r->state) {
	case N_NOTHING:
		if (netrc_eq(t, "macdef", 1))
			r->state = N_MACDEF;
		else if (netrc_eq(t, "machine", 1)) {
			r->state = N_HOSTFOUND;
			r->found = 0;
			r->our_login = 0;
			netrc_drop(r);
		} else if (netrc_eq(t, "default", 1)) {
			r->state = N_HOSTVALID;
			r->matched = 1;
		}
		break;
	case N_MACDEF:
		/* the macro's lines start on the next line; "" ends it here */
		if (t->n == 0)
			r->state = N_NOTHING;
		break;
	case N_HOSTFOUND:
		if (netrc_eq(t, r->host, 1)) {
			r->state = N_HOSTVALID;
			r->matched = 1;
		} else
			r->state = N_NOTHING;
		break;
	case N_HOSTVALID:
		netrc_entry(r, t);
		break;
	}
}

static enum netrc_rc
netrc_bad(const char **why, const char *s)
{
	if (why != NULL)
		*why = s;
	return NETRC_BAD;
}

/* What the lookup gave, copied out with curl's rules for missing parts. */
static enum netrc_rc
netrc_result(const struct netrc *r, char *loginbuf, size_t loginlen,
    char *passbuf, size_t passlen, const char **why)
{
	static const struct ntok	 empty = { "", 0, 0 };

	if (!r->matched)
		return NETRC_NONE;
	/* a login whose entry has no password gets an empty one */
	if (!r->has_pass && !r->our_login && r->login == NULL &&
	    !r->has_login)
		return NETRC_NONE;
	if (r->login != NULL) {
		if (strlcpy(loginbuf, r->login, loginlen) >= loginlen)
			return netrc_bad(why, "netrc login too long");
	} else if (netrc_copy(r->has_login ? &r->tlogin : &empty, loginbuf,
	    loginlen) == -1)
		return netrc_bad(why, "netrc login too long");
	if (netrc_copy(r->has_pass ? &r->tpass : &empty, passbuf,
	    passlen) == -1)
		return netrc_bad(why, "netrc password too long");
	return NETRC_FOUND;
}

enum netrc_rc
netrc_lookup(const char *text, size_t len, const char *host,
    const char *login, char *loginbuf, size_t loginlen, char *passbuf,
    size_t passlen, const char **why)
{
	struct netrc	 r;
	struct span	 line;
	struct ntok	 t;
	size_t		 pos = 0, i;
	int		 c, rc;

	memset(&r, 0, sizeof(r));
	r.host = host;
	r.login = login;
	r.state = N_NOTHING;
	r.key = K_NONE;
	if (why != NULL)
		*why = NULL;
	while (!r.done && netrc_line(text, len, &pos, &line)) {
		if (r.state == N_MACDEF) {
			/* only a line starting with LF or CR ends a macro */
			if ((c = netrc_at(line, 0)) != '\n' && c != '\r')
				continue;
			r.state = N_NOTHING;
		}
		i = 0;
		rc = 0;
		while (!r.done && (rc = netrc_token(line, &i, &t)) == 1)
			netrc_feed(&r, &t);
		if (rc == -1)
			return netrc_bad(why, "unterminated quoted string");
	}
	return netrc_result(&r, loginbuf, loginlen, passbuf, passlen, why);
}
