/* src/cookie.h: the cookie engine (RFC 6265): a jar that takes Set-Cookie
 * fields and cookie files, and gives the Cookie field for a request */
#ifndef HG_COOKIE_H
#define HG_COOKIE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "herr.h"

struct cookie_jar;

/* Where a request goes (or the response that set a cookie came from). */
struct cookie_origin {
	const char	*host;		/* lower case; an IPv6 literal without [] */
	const char	*path;		/* the request path, no query; "" = "/" */
	int		 secure;	/* https */
};

/* A line-level problem in a cookie file, for the caller to show. */
typedef void	(*cookie_warn_fn)(void *arg, const char *msg);

struct cookie_jar *cookie_jar_new(void);
void		 cookie_jar_free(struct cookie_jar *);

/*
 * Cookie file contents, as curl reads -b FILE: Netscape/Mozilla lines
 * (7 TAB-separated fields; "#HttpOnly_" before the domain; other "#"
 * lines and blank lines are comments), or "Set-Cookie: ..." header lines
 * (a cookie without Domain there goes to IP-address hosts only, as curl).
 * Each line is created after the one before it.  A line that
 * cannot be parsed is skipped with a warning through notify (may be NULL);
 * it is never fatal.  junk_session (-j) drops cookies without an expiry.
 * Fails only for lack of memory.
 */
enum herr	 cookie_load(struct cookie_jar *, const char *text, size_t len,
		    int64_t now, int junk_session, cookie_warn_fn notify,
		    void *arg, struct hg_err *);

/*
 * One Set-Cookie field value received from origin at time now.  Returns 1
 * when stored (or an existing one replaced or deleted), 0 when refused
 * (bad syntax, a Domain that does not domain-match the host or is a public
 * suffix, Secure from http, over the caps).
 */
int		 cookie_set(struct cookie_jar *, const struct cookie_origin *,
		    const char *value, size_t len, int64_t now);

/*
 * Append the Cookie field value for a request to origin: "a=b; c=d" in
 * curl 7.88's order (the longest path as the jar holds it, then domain,
 * then name, then the newest), expired ones left out, the first
 * HG_MAX_COOKIES_HOST matches, at most HG_MAX_COOKIE_HEADER bytes.  Returns how many
 * cookies were added (0: send no Cookie field), -1 when out grew past its cap.
 */
int		 cookie_header(struct cookie_jar *, const struct cookie_origin *,
		    int64_t now, struct buf *out);

/*
 * The jar in the Netscape format curl writes for -c: its three comment
 * lines and a blank line, then one line per unexpired cookie (session
 * cookies with expiry 0, "#HttpOnly_" where it applies).  -1: out's cap.
 */
int		 cookie_save(const struct cookie_jar *, int64_t now,
		    struct buf *out);

#endif
