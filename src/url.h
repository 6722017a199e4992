/* src/url.h: RFC 3986 URLs as curl takes them from a command line */
#ifndef HG_URL_H
#define HG_URL_H

#include "buf.h"
#include "herr.h"

/*
 * A parsed, normalised URL.  Every string points into one allocation owned
 * by the struct (url_free releases it).  Components are stored the way they
 * go on the wire: percent-encoded where curl encodes (spaces, bytes >= 0x80,
 * controls), dot segments removed from the path, scheme and host lowercased.
 */
struct url {
	char		*mem;		/* owns every string below */
	const char	*scheme;	/* "http", "https" */
	const char	*user;		/* NULL when absent; as written */
	const char	*password;	/* NULL when absent; as written */
	const char	*host;		/* IPv6 literals without brackets */
	int		 ipv6;		/* host is an IPv6 literal */
	unsigned	 port;		/* effective port (default filled in) */
	int		 port_given;	/* the URL named a port */
	const char	*path;		/* never empty: at least "/" */
	const char	*query;		/* without '?'; NULL when absent */
	const char	*fragment;	/* without '#'; NULL when absent */
};

/*
 * Parse a URL from the command line or a Location header.  A URL without
 * "scheme://" means http://.  Returns HERR_OK, HERR_URL_MALFORMAT or
 * HERR_UNSUPPORTED_PROTOCOL ("Protocol \"x\" not supported") with curl's
 * wording in e.  On failure u needs no url_free.
 */
enum herr	 url_parse(struct url *u, const char *in, struct hg_err *e);
void		 url_free(struct url *u);

/* Default port for a supported scheme, 0 for anything else. */
unsigned	 url_default_port(const char *scheme);

/* Append the origin-form request target: path, then "?query" if any. */
int		 url_target(const struct url *, struct buf *);
/* Append the Host header value: host (IPv6 in brackets), ":port" only
 * when it differs from the scheme's default. */
int		 url_hostport(const struct url *, struct buf *);
/* Append the whole URL as curl shows it in %{url_effective}. */
int		 url_string(const struct url *, struct buf *);

/*
 * RFC 3986 §5.2: resolve the reference ref against the absolute URL base,
 * appending the result to out.  Pure string work (§5.2.2 with §5.2.4
 * remove_dot_segments); the result still goes through url_parse before use.
 * Returns 0, or -1 when base is not absolute or out's cap is reached.
 */
int		 url_resolve(const char *base, const char *ref, struct buf *out);

#endif
