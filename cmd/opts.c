/* cmd/opts.c: curl 7.88's option table and argv walker */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "opts.h"

enum opt_kind {
	OPT_BOOL,	/* no argument; --no-NAME turns it off (ARG_BOOL) */
	OPT_FLAG,	/* no argument; --no-NAME is refused (ARG_NONE) */
	OPT_STRING,	/* one argument, kept as written */
	OPT_SECONDS	/* one argument: fractional seconds, kept in ms */
};

struct walk;
typedef enum opts_rc opt_fn(struct walk *, const char *arg, int on);

/*
 * One row per long option.  name comes first: bsearch() and the prefix
 * scan read the rows and curl_only[] alike as "pointer to a name".
 * A row without fn sets the field at off by its kind.
 */
struct opt {
	const char	*name;
	char		 letter;
	enum opt_kind	 kind;
	size_t		 off;
	opt_fn		*fn;
};

/* The state of one opts_parse() call. */
struct walk {
	struct opts	 *o;
	struct opts_err	 *e;
	int		  argc;
	char *const	 *argv;
	int		  i;		/* argv index of the current word */
	const char	 *word;		/* that word, for messages */
	size_t		  nouts;	/* slots an -o/-O has taken */
	size_t		  slotcap;	/* room in o->urls */
	size_t		  hdrcap;	/* room in o->headers */
	size_t		  notecap;	/* room in o->notes */
};

static opt_fn	opt_dump_header, opt_fail, opt_fail_body, opt_header, opt_help,
		opt_http10, opt_http11, opt_ignore, opt_ipv4, opt_ipv6,
		opt_output, opt_remote_name, opt_url, opt_version;

#define F(field)	offsetof(struct opts, field)

/*
 * Sorted by name (bytewise; every name is lower case), for bsearch().
 * tests/man-options.sh reads the names from this table: keep one row
 * per line, name first.
 */
static const struct opt opt_table[] = {
	{ "connect-timeout", 0,   OPT_SECONDS, F(connect_timeout_ms), NULL },
	{ "create-dirs",     0,   OPT_BOOL,    F(create_dirs), NULL },
	{ "disable",         'q', OPT_BOOL,    0, opt_ignore },
	{ "dump-header",     'D', OPT_STRING,  0, opt_dump_header },
	{ "fail",            'f', OPT_BOOL,    0, opt_fail },
	{ "fail-with-body",  0,   OPT_BOOL,    0, opt_fail_body },
	{ "head",            'I', OPT_BOOL,    F(head), NULL },
	{ "header",          'H', OPT_STRING,  0, opt_header },
	{ "help",            'h', OPT_BOOL,    0, opt_help },
	{ "http0.9",         0,   OPT_BOOL,    F(http09), NULL },
	{ "http1.0",         '0', OPT_FLAG,    0, opt_http10 },
	{ "http1.1",         0,   OPT_FLAG,    0, opt_http11 },
	{ "include",         'i', OPT_BOOL,    F(include), NULL },
	{ "ipv4",            '4', OPT_FLAG,    0, opt_ipv4 },
	{ "ipv6",            '6', OPT_FLAG,    0, opt_ipv6 },
	{ "max-time",        'm', OPT_SECONDS, F(max_time_ms), NULL },
	{ "output",          'o', OPT_STRING,  0, opt_output },
	{ "output-dir",      0,   OPT_STRING,  F(output_dir), NULL },
	{ "referer",         'e', OPT_STRING,  F(referer), NULL },
	{ "remote-name",     'O', OPT_BOOL,    0, opt_remote_name },
	{ "remote-name-all", 0,   OPT_BOOL,    F(remote_name_all), NULL },
	{ "request",         'X', OPT_STRING,  F(request), NULL },
	{ "show-error",      'S', OPT_BOOL,    F(show_error), NULL },
	{ "silent",          's', OPT_BOOL,    F(silent), NULL },
	{ "trace-time",      0,   OPT_BOOL,    F(trace_time), NULL },
	{ "url",             0,   OPT_STRING,  0, opt_url },
	{ "user-agent",      'A', OPT_STRING,  F(user_agent), NULL },
	{ "verbose",         'v', OPT_BOOL,    F(verbose), NULL },
	{ "version",         'V', OPT_BOOL,    0, opt_version },
	{ "write-out",       'w', OPT_STRING,  F(write_out), NULL },
};

/*
 * Every other long option curl 7.88 knows (sorted), the hidden ones
 * included.  curl accepts any unambiguous prefix of a long option, so
 * whether "--req" is ambiguous depends on curl's whole list, not on
 * hget's part of it ("--request" and "--request-target").  A name found
 * here is "unknown" to hget.  Measured by asking curl 7.88.1 about every
 * prefix (curl -q --PREFIX: "is ambiguous", "is unknown" or accepted).
 */
static const char *const curl_only[] = {
	"abstract-unix-socket", "alpn", "alt-svc", "anyauth", "append",
	"aws-sigv4", "basic", "buffer", "cacert", "capath", "cert",
	"cert-status", "cert-type", "ciphers", "clobber", "compressed",
	"compressed-ssh", "config", "connect-to", "continue-at", "cookie",
	"cookie-jar", "create-file-mode", "crlf", "crlfile", "curves", "data",
	"data-ascii", "data-binary", "data-raw", "data-urlencode",
	"delegation", "digest", "disable-eprt", "disable-epsv",
	"disallow-username-in-url", "dns-interface", "dns-ipv4-addr",
	"dns-ipv6-addr", "dns-servers", "doh-cert-status", "doh-insecure",
	"doh-url", "egd-file", "engine", "eprt", "epsv", "etag-compare",
	"etag-save", "expect100-timeout", "fail-early", "false-start", "form",
	"form-escape", "form-string", "ftp-account",
	"ftp-alternative-to-user", "ftp-create-dirs", "ftp-method",
	"ftp-pasv", "ftp-port", "ftp-pret", "ftp-skip-pasv-ip", "ftp-ssl",
	"ftp-ssl-ccc", "ftp-ssl-ccc-mode", "ftp-ssl-control", "ftp-ssl-reqd",
	"get", "globoff", "happy-eyeballs-timeout-ms", "haproxy-protocol",
	"hostpubmd5", "hostpubsha256", "hsts", "http2",
	"http2-prior-knowledge", "http3", "http3-only",
	"ignore-content-length", "insecure", "interface", "json",
	"junk-session-cookies", "keepalive", "keepalive-time", "key",
	"key-type", "krb", "krb4", "libcurl", "limit-rate", "list-only",
	"local-port", "location", "location-trusted", "login-options",
	"mail-auth", "mail-from", "mail-rcpt", "mail-rcpt-allowfails",
	"manual", "max-filesize", "max-redirs", "metalink", "negotiate",
	"netrc", "netrc-file", "netrc-optional", "next", "noproxy", "npn",
	"ntlm", "ntlm-wb", "oauth2-bearer", "parallel", "parallel-immediate",
	"parallel-max", "pass", "path-as-is", "pinnedpubkey", "post301",
	"post302", "post303", "preproxy", "progress-bar", "progress-meter",
	"proto", "proto-default", "proto-redir", "proxy", "proxy-anyauth",
	"proxy-basic", "proxy-cacert", "proxy-capath", "proxy-cert",
	"proxy-cert-type", "proxy-ciphers", "proxy-crlfile", "proxy-digest",
	"proxy-header", "proxy-insecure", "proxy-key", "proxy-key-type",
	"proxy-negotiate", "proxy-ntlm", "proxy-pass", "proxy-pinnedpubkey",
	"proxy-service-name", "proxy-ssl-allow-beast",
	"proxy-ssl-auto-client-cert", "proxy-tls13-ciphers",
	"proxy-tlsauthtype", "proxy-tlspassword", "proxy-tlsuser",
	"proxy-tlsv1", "proxy-user", "proxy1.0", "proxytunnel", "pubkey",
	"quote", "random-file", "range", "rate", "raw", "remote-header-name",
	"remote-time", "remove-on-error", "request-target", "resolve",
	"retry", "retry-all-errors", "retry-connrefused", "retry-delay",
	"retry-max-time", "sasl-authzid", "sasl-ir", "service-name",
	"sessionid", "socks4", "socks4a", "socks5", "socks5-basic",
	"socks5-gssapi", "socks5-gssapi-nec", "socks5-gssapi-service",
	"socks5-hostname", "speed-limit", "speed-time", "ssl",
	"ssl-allow-beast", "ssl-auto-client-cert", "ssl-no-revoke",
	"ssl-reqd", "ssl-revoke-best-effort", "sslv2", "sslv3", "stderr",
	"styled-output", "suppress-connect-headers", "tcp-fastopen",
	"tcp-nodelay", "telnet-option", "test-event", "tftp-blksize",
	"tftp-no-options", "time-cond", "tls-max", "tls13-ciphers",
	"tlsauthtype", "tlspassword", "tlsuser", "tlsv1", "tlsv1.0",
	"tlsv1.1", "tlsv1.2", "tlsv1.3", "tr-encoding", "trace",
	"trace-ascii", "unix-socket", "upload-file", "url-query", "use-ascii",
	"user", "xattr",
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* "option WORD: REASON": curl names the whole argv word, "-sm" or "--max-t". */
static enum opts_rc
walk_fail(struct walk *w, const char *reason)
{
	(void)snprintf(w->e->msg, sizeof(w->e->msg), "option %s: %s",
	    w->word, reason);
	return OPTS_USAGE;
}

static enum opts_rc
walk_nomem(struct walk *w)
{
	(void)walk_fail(w, "out of memory");
	return OPTS_NOMEM;
}

/* Double an array's room; NULL (p untouched) when memory runs out. */
static void *
grow(void *p, size_t *cap, size_t size)
{
	size_t	 ncap = *cap == 0 ? 8 : *cap * 2;

	if ((p = reallocarray(p, ncap, size)) != NULL)
		*cap = ncap;
	return p;
}

/*
 * A line curl writes to stderr as it parses (struct opts' notes), unless
 * -s is in force at this point: "-o -x -s" still warns.  The line is
 * head, arg, tail.
 */
static enum opts_rc
walk_note(struct walk *w, const char *head, const char *arg,
    const char *tail)
{
	struct opts	 *o = w->o;
	char		**n;

	if (o->silent)
		return OPTS_OK;
	if (o->nnotes == w->notecap) {
		if ((n = grow(o->notes, &w->notecap, sizeof(*n))) == NULL)
			return walk_nomem(w);
		o->notes = n;
	}
	if ((o->notes[o->nnotes] = buf_fmt("%s%s%s", head, arg, tail)) == NULL)
		return walk_nomem(w);
	o->nnotes++;
	return OPTS_OK;
}

/*
 * Slot i of the URL/output pairing, appended when i is one past the end.
 * A new slot takes --remote-name-all as it stands now: curl applies it
 * to slots made after it, so "U1 --remote-name-all U2" saves U2 only.
 */
static struct opts_url *
slot_at(struct walk *w, size_t i)
{
	struct opts	*o = w->o;
	struct opts_url	*s;

	if (i < o->nslots)
		return &o->urls[i];
	if (o->nslots == w->slotcap) {
		if ((s = grow(o->urls, &w->slotcap, sizeof(*s))) == NULL)
			return NULL;
		o->urls = s;
	}
	s = &o->urls[o->nslots++];
	s->url = NULL;
	s->outfile = NULL;
	s->out = o->remote_name_all ? OPTS_OUT_REMOTE : OPTS_OUT_STDOUT;
	return s;
}

/*
 * URLs fill slots from the front, and so do outputs, each in the order
 * given: the Nth URL meets the Nth -o/-O however the two interleave.
 */
static enum opts_rc
slot_url(struct walk *w, const char *url)
{
	struct opts_url	*s;

	if ((s = slot_at(w, w->o->nurls)) == NULL)
		return walk_nomem(w);
	s->url = url;
	w->o->nurls++;
	return OPTS_OK;
}

static struct opts_url *
slot_out(struct walk *w)
{
	struct opts_url	*s;

	if ((s = slot_at(w, w->nouts)) != NULL)
		w->nouts++;
	return s;
}

/*
 * Fractional seconds, checked in curl 7.88's order (measured): a number
 * out of double's range ("1e400x", "1e-400") is "too large" before any
 * trailing junk is noticed; then junk; then the sign; then the cap,
 * LONG_MAX / 1000 seconds, so that milliseconds fit in a long.  curl
 * truncates to whole milliseconds, and lets NaN through as "no limit".
 */
static enum opts_rc
parse_seconds(struct walk *w, const char *arg, int64_t *ms)
{
	const double	 max = (double)INT64_MAX / 1000;
	char		*end;
	double		 v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno == ERANGE)
		return walk_fail(w, "too large number");
	if (end == arg || *end != '\0')
		return walk_fail(w, "expected a proper numerical parameter");
	if (v < 0)
		return walk_fail(w, "expected a positive numerical parameter");
	if (v > max)
		return walk_fail(w, "too large number");
	if (isnan(v))
		*ms = 0;
	else if (v * 1000 >= 0x1p63)	/* max * 1000 rounds up to 2^63 */
		*ms = INT64_MAX;
	else
		*ms = (int64_t)(v * 1000);
	return OPTS_OK;
}

/* A row without a handler: set the field at off by the row's kind. */
static enum opts_rc
opt_set(struct walk *w, const struct opt *d, const char *arg, int on)
{
	char	*field = (char *)w->o + d->off;

	switch (d->kind) {
	case OPT_BOOL:
		*(int *)(void *)field = on;
		break;
	case OPT_STRING:
		*(const char **)(void *)field = arg;
		break;
	case OPT_SECONDS:
		return parse_seconds(w, arg, (int64_t *)(void *)field);
	case OPT_FLAG:
		break;
	}
	return OPTS_OK;
}

/* -q/--disable: only argv[1] matters (see opts_parse); elsewhere a no-op */
static enum opts_rc
opt_ignore(struct walk *w, const char *arg, int on)
{
	(void)w;
	(void)arg;
	(void)on;
	return OPTS_OK;
}

/* curl refuses the second of -f and --fail-with-body where it stands. */
static enum opts_rc
opt_fail_both(struct walk *w)
{
	enum opts_rc	 rc;

	rc = walk_note(w, "hget: You must select either --fail or "
	    "--fail-with-body, not both.", "", "");
	return rc != OPTS_OK ? rc : walk_fail(w, "is badly used here");
}

static enum opts_rc
opt_fail(struct walk *w, const char *arg, int on)
{
	(void)arg;
	if (on && w->o->fail_with_body)
		return opt_fail_both(w);
	w->o->fail = on;
	return OPTS_OK;
}

static enum opts_rc
opt_fail_body(struct walk *w, const char *arg, int on)
{
	(void)arg;
	if (on && w->o->fail)
		return opt_fail_both(w);
	w->o->fail_with_body = on;
	return OPTS_OK;
}

static enum opts_rc
opt_header(struct walk *w, const char *arg, int on)
{
	struct opts	 *o = w->o;
	const char	**h;

	(void)on;
	if (o->nheaders == w->hdrcap) {
		if ((h = grow(o->headers, &w->hdrcap, sizeof(*h))) == NULL)
			return walk_nomem(w);
		o->headers = h;
	}
	o->headers[o->nheaders++] = arg;
	return OPTS_OK;
}

/*
 * -h stops the walk; curl takes the next argv word, whatever it looks
 * like ("--", "-s", ""), as the help category, even after "-sh".
 */
static enum opts_rc
opt_help(struct walk *w, const char *arg, int on)
{
	(void)arg;
	if (!on)
		return OPTS_OK;
	w->o->help_category = w->i + 1 < w->argc ? w->argv[w->i + 1] : NULL;
	return OPTS_HELP;
}

static enum opts_rc
opt_version(struct walk *w, const char *arg, int on)
{
	(void)w;
	(void)arg;
	return on ? OPTS_VERSION : OPTS_OK;
}

/* curl warns when a second, different HTTP version replaces the first. */
static enum opts_rc
opt_http(struct walk *w, enum opts_http v)
{
	enum opts_http	 was = w->o->http;

	w->o->http = v;
	if (was == OPTS_HTTP_DEFAULT || was == v)
		return OPTS_OK;
	return walk_note(w, "Warning: Overrides previous HTTP version option",
	    "", "");
}

static enum opts_rc
opt_http10(struct walk *w, const char *arg, int on)
{
	(void)arg;
	(void)on;
	return opt_http(w, OPTS_HTTP_1_0);
}

static enum opts_rc
opt_http11(struct walk *w, const char *arg, int on)
{
	(void)arg;
	(void)on;
	return opt_http(w, OPTS_HTTP_1_1);
}

static enum opts_rc
opt_ipv4(struct walk *w, const char *arg, int on)
{
	(void)arg;
	(void)on;
	w->o->ipresolve = 4;
	return OPTS_OK;
}

static enum opts_rc
opt_ipv6(struct walk *w, const char *arg, int on)
{
	(void)arg;
	(void)on;
	w->o->ipresolve = 6;
	return OPTS_OK;
}

/*
 * A file name argument (-o, -D) that starts with "-" but is not "-" was
 * likely meant as an option: curl warns and goes on.
 */
static enum opts_rc
file_arg(struct walk *w, const char *arg)
{
	if (arg[0] != '-' || arg[1] == '\0')
		return OPTS_OK;
	return walk_note(w, "Warning: The file name argument '", arg,
	    "' looks like a flag.");
}

/* curl warns, then refuses, an empty -o (it would name no file). */
static enum opts_rc
opt_output(struct walk *w, const char *arg, int on)
{
	struct opts_url	*s;
	enum opts_rc	 rc;

	(void)on;
	if (*arg == '\0') {
		rc = walk_note(w, "Warning: output file name has no length",
		    "", "");
		return rc != OPTS_OK ? rc : walk_fail(w, "is badly used here");
	}
	if ((rc = file_arg(w, arg)) != OPTS_OK)
		return rc;
	if ((s = slot_out(w)) == NULL)
		return walk_nomem(w);
	s->out = OPTS_OUT_FILE;
	s->outfile = arg;
	return OPTS_OK;
}

static enum opts_rc
opt_dump_header(struct walk *w, const char *arg, int on)
{
	(void)on;
	w->o->dump_header = arg;
	return file_arg(w, arg);
}

/* --no-remote-name still takes a slot: that URL goes to stdout. */
static enum opts_rc
opt_remote_name(struct walk *w, const char *arg, int on)
{
	struct opts_url	*s;

	(void)arg;
	if ((s = slot_out(w)) == NULL)
		return walk_nomem(w);
	s->out = on ? OPTS_OUT_REMOTE : OPTS_OUT_STDOUT;
	s->outfile = NULL;
	return OPTS_OK;
}

static enum opts_rc
opt_url(struct walk *w, const char *arg, int on)
{
	(void)on;
	return slot_url(w, arg);
}

/* bsearch() key: the first len bytes of s, compared without case. */
struct key {
	const char	*s;
	size_t		 len;
};

static int
key_cmp(const void *k, const void *row)
{
	const struct key	*key = k;

	return strncasecmp(key->s, *(const char *const *)row, key->len);
}

/* The names in a sorted table that begin with a key. */
struct range {
	size_t		 n;
	size_t		 at;		/* one of them; the exact one if any */
	int		 exact;		/* the key is a whole name */
};

static const char *
row_name(const void *base, size_t i, size_t size)
{
	return *(const char *const *)(const void *)((const char *)base +
	    i * size);
}

/*
 * Names sharing a prefix sit next to each other in a sorted table:
 * bsearch() lands on one of them, the neighbours give the rest.
 */
static void
range_find(const char *s, const void *base, size_t nmemb, size_t size,
    struct range *r)
{
	struct key	 k = { s, strlen(s) };
	const char	*hit;
	size_t		 lo, hi, i;

	r->n = 0;
	r->exact = 0;
	if ((hit = bsearch(&k, base, nmemb, size, key_cmp)) == NULL)
		return;
	lo = hi = (size_t)(hit - (const char *)base) / size;
	while (lo > 0 && key_cmp(&k, (const char *)base + (lo - 1) * size) == 0)
		lo--;
	while (hi + 1 < nmemb &&
	    key_cmp(&k, (const char *)base + (hi + 1) * size) == 0)
		hi++;
	r->n = hi - lo + 1;
	r->at = lo;
	for (i = lo; i <= hi; i++)
		if (strcasecmp(s, row_name(base, i, size)) == 0) {
			r->at = i;
			r->exact = 1;
		}
}

enum found {
	FOUND,
	UNKNOWN,
	AMBIGUOUS
};

/*
 * curl 7.88 looks long names up without case, and takes a prefix when
 * exactly one of all its names begins with it; a whole name wins over
 * longer ones ("--fail", not "--fail-with-body").  After "--no-" only a
 * whole name will do ("--no-verb" is unknown).
 */
static enum found
find_long(const char *name, int prefix, const struct opt **hit)
{
	struct range	 ours, theirs;

	range_find(name, opt_table, NELEM(opt_table), sizeof(opt_table[0]),
	    &ours);
	range_find(name, curl_only, NELEM(curl_only), sizeof(curl_only[0]),
	    &theirs);
	if (ours.exact || (prefix && ours.n == 1 && theirs.n == 0)) {
		*hit = &opt_table[ours.at];
		return FOUND;
	}
	if (!prefix || theirs.exact || ours.n + theirs.n <= 1)
		return UNKNOWN;
	return AMBIGUOUS;
}

static const struct opt *
find_short(char c)
{
	size_t	 i;

	for (i = 0; i < NELEM(opt_table); i++)
		if (opt_table[i].letter == c)
			return &opt_table[i];
	return NULL;
}

static int
takes_arg(const struct opt *d)
{
	return d->kind == OPT_STRING || d->kind == OPT_SECONDS;
}

/*
 * Run one option.  Its argument is what followed its letter in the same
 * word ("-oFILE", "-H'X: y'"), else the next argv word, taken whatever it
 * looks like ("-o -s" writes to "-s").
 */
static enum opts_rc
walk_apply(struct walk *w, const struct opt *d, const char *attached, int on)
{
	const char	*arg = NULL;

	if (takes_arg(d)) {
		if (attached != NULL && *attached != '\0')
			arg = attached;
		else if (w->i + 1 < w->argc)
			arg = w->argv[++w->i];
		else
			return walk_fail(w, "requires parameter");
	}
	if (d->fn != NULL)
		return d->fn(w, arg, on);
	return opt_set(w, d, arg, on);
}

/*
 * "--name", an unambiguous prefix of it, or "--no-name" for a boolean.
 * curl 7.88 has no "--name=value": that whole word is looked up and is
 * unknown.
 */
static enum opts_rc
walk_long(struct walk *w)
{
	const char		*name = w->word + 2;
	const struct opt	*d = NULL;
	int			 on = 1;

	if (strncmp(name, "no-", 3) == 0) {	/* case matters here */
		name += 3;
		on = 0;
	}
	switch (find_long(name, on, &d)) {
	case AMBIGUOUS:
		return walk_fail(w, "is ambiguous");
	case UNKNOWN:
		return walk_fail(w, "is unknown");
	case FOUND:
		break;
	}
	if (!on && d->kind != OPT_BOOL)
		return walk_fail(w,
		    "used '--no-' for option that isn't a boolean");
	return walk_apply(w, d, NULL, on);
}

/*
 * "-sSfL": letters run left to right; the first one that takes an
 * argument ends the word ("-so FILE", "-sofile").  -h and -V stop
 * everything where they stand.
 */
static enum opts_rc
walk_short(struct walk *w)
{
	const struct opt	*d;
	const char		*p;
	enum opts_rc		 rc;

	if (w->word[1] == '\0')			/* "-" alone */
		return walk_fail(w, "is unknown");
	for (p = w->word + 1; *p != '\0'; p++) {
		if ((d = find_short(*p)) == NULL)
			return walk_fail(w, "is unknown");
		if (takes_arg(d))
			return walk_apply(w, d, p + 1, 1);
		if ((rc = walk_apply(w, d, NULL, 1)) != OPTS_OK)
			return rc;
	}
	return OPTS_OK;
}

enum opts_rc
opts_parse(struct opts *o, int argc, char *const argv[], struct opts_err *e)
{
	struct walk	 w;
	enum opts_rc	 rc = OPTS_OK;
	int		 options = 1;

	memset(o, 0, sizeof(*o));
	memset(&w, 0, sizeof(w));
	e->msg[0] = '\0';
	w.o = o;
	w.e = e;
	w.argc = argc;
	w.argv = argv;
	/* curl skips ~/.curlrc when argv[1] starts with "-q" (even "-qs") */
	o->disable = argc > 1 && (strncmp(argv[1], "-q", 2) == 0 ||
	    strcmp(argv[1], "--disable") == 0);
	for (w.i = 1; w.i < argc && rc == OPTS_OK; w.i++) {
		w.word = argv[w.i];
		if (options && strcmp(w.word, "--") == 0)
			options = 0;		/* the rest are URLs */
		else if (options && w.word[0] == '-')
			rc = w.word[1] == '-' ? walk_long(&w) : walk_short(&w);
		else
			rc = slot_url(&w, w.word);
	}
	if (rc == OPTS_OK && o->nurls == 0) {
		/* a bare "curl" gets only the "try" line */
		if (argc > 1)
			(void)strlcpy(e->msg, "no URL specified!",
			    sizeof(e->msg));
		rc = OPTS_USAGE;
	}
	return rc;
}

void
opts_free(struct opts *o)
{
	size_t	 i;

	for (i = 0; i < o->nnotes; i++)
		free(o->notes[i]);
	free(o->notes);
	free(o->urls);
	free(o->headers);
	memset(o, 0, sizeof(*o));
}

const char *
opts_name(size_t i, int *letter)
{
	if (i >= NELEM(opt_table))
		return NULL;
	*letter = opt_table[i].letter;
	return opt_table[i].name;
}

const char *
opts_curl_only(size_t i)
{
	return i < NELEM(curl_only) ? curl_only[i] : NULL;
}
