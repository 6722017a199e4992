/* cmd/opts.c: curl 7.88's option table and argv walker */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "config.h"
#include "date.h"
#include "hget.h"
#include "limits.h"
#include "opts.h"

enum opt_kind {
	OPT_BOOL,	/* no argument; --no-NAME turns it off (ARG_BOOL) */
	OPT_FLAG,	/* no argument; --no-NAME is refused (ARG_NONE) */
	OPT_STRING,	/* one argument, kept as written */
	OPT_FILE,	/* OPT_STRING naming a file: "-x" draws a warning */
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

/*
 * curl's one HTTP request method per command line (its HttpReq), in
 * curl's order, with the names its conflict warning gives them.
 */
enum method {
	METHOD_UNSPEC,
	METHOD_GET,		/* --no-head; -G with data */
	METHOD_HEAD,		/* -I; -I -G with data */
	METHOD_MIMEPOST,	/* -F, --form-string */
	METHOD_POST,		/* data (-d & co) without -G */
	METHOD_PUT		/* -T */
};

static const char *const method_names[] = {
	"",
	"GET (-G, --get)",
	"HEAD (-I, --head)",
	"multipart formpost (-F, --form)",
	"POST (-d, --data)",
	"PUT (-T, --upload-file)"
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
	size_t		  nuploads;	/* slots a -T has taken */
	size_t		  slotcap;	/* room in o->urls */
	size_t		  hdrcap;	/* room in o->headers */
	size_t		  datacap;	/* room in o->data */
	size_t		  formcap;	/* room in o->forms */
	size_t		  querycap;	/* room in o->url_queries */
	size_t		  resolvecap;	/* room in o->resolve */
	size_t		  connectcap;	/* room in o->connect_to */
	size_t		  notecap;	/* room in o->notes */
	enum method	  method;	/* as curl has stored it so far */
	size_t		  parts;	/* -F "name=(" multiparts still open */
	size_t		  cookiecap;	/* room in o->cookie_files */
	/* curl's show_headers: set and cleared by -i and -I, for -J */
	int		  show_headers;

	/*
	 * Kept across --next (walk_next() resets everything else): the
	 * first operation, which holds the notes and the owned strings.
	 */
	struct opts	 *head;
	/*
	 * Inside a config file: the option is w->word, its value cfg_param
	 * (NULL: the line has none), taken once (cfg_used) instead of the
	 * next argv word; cfg_file and cfg_line for the error's place.
	 */
	int		  cfg;
	const char	 *cfg_param;
	int		  cfg_used;
	const char	 *cfg_file;
	size_t		  cfg_line;
	int		  depth;	/* config files open (-K in -K) */
	int		  located;	/* e->msg already says FILE:LINE: */
};

static opt_fn	opt_cert, opt_config, opt_connect_to, opt_continue_at, opt_cookie,
		opt_data, opt_data_binary, opt_data_raw, opt_data_urlencode,
		opt_fail, opt_fail_body, opt_form, opt_form_string, opt_head,
		opt_header, opt_help, opt_http10, opt_http11, opt_ignore,
		opt_include, opt_ipv4, opt_ipv6, opt_json, opt_limit_rate,
		opt_location_trusted, opt_manual, opt_max_decoded, opt_max_filesize,
		opt_max_redirs, opt_next, opt_oauth2_bearer, opt_output, opt_proxy_user,
		opt_range, opt_remote_name, opt_resolve, opt_retry,
		opt_retry_delay, opt_retry_max_time, opt_time_cond, opt_tls_max,
		opt_tlsv10, opt_tlsv11, opt_tlsv12, opt_tlsv13, opt_upload,
		opt_url, opt_url_query, opt_user, opt_version;

/* -v, the traces and --color */
static opt_fn	opt_color, opt_trace, opt_trace_ascii, opt_trace_json,
		opt_verbose;

#define F(field)	offsetof(struct opts, field)

/*
 * Sorted by name (bytewise; every name is lower case), for bsearch().
 * tests/man-options.sh reads the names from this table: keep one row
 * per line, name first.
 */
static const struct opt opt_table[] = {
	{ "basic",           0,   OPT_BOOL,    F(basic), NULL },
	{ "cacert",          0,   OPT_FILE,    F(cacert), NULL },
	{ "capath",          0,   OPT_FILE,    F(capath), NULL },
	{ "cert",            'E', OPT_STRING,  0, opt_cert },
	{ "cert-type",       0,   OPT_STRING,  F(cert_type), NULL },
	{ "ciphers",         0,   OPT_STRING,  F(ciphers), NULL },
	/* on by default: --no-clobber is the one curl documents */
	{ "clobber",         0,   OPT_BOOL,    F(clobber), NULL },
	/* hget's own, no curl option: -v and -i in colour */
	{ "color",           0,   OPT_STRING,  0, opt_color },
	{ "compressed",      0,   OPT_BOOL,    F(compressed), NULL },
	{ "config",          'K', OPT_STRING,  0, opt_config },
	{ "connect-timeout", 0,   OPT_SECONDS, F(connect_timeout_ms), NULL },
	{ "connect-to",      0,   OPT_STRING,  0, opt_connect_to },
	{ "continue-at",     'C', OPT_STRING,  0, opt_continue_at },
	{ "cookie",          'b', OPT_STRING,  0, opt_cookie },
	{ "cookie-jar",      'c', OPT_STRING,  F(cookie_jar), NULL },
	{ "create-dirs",     0,   OPT_BOOL,    F(create_dirs), NULL },
	{ "data",            'd', OPT_STRING,  0, opt_data },
	{ "data-ascii",      0,   OPT_STRING,  0, opt_data },
	{ "data-binary",     0,   OPT_STRING,  0, opt_data_binary },
	{ "data-raw",        0,   OPT_STRING,  0, opt_data_raw },
	{ "data-urlencode",  0,   OPT_STRING,  0, opt_data_urlencode },
	{ "disable",         'q', OPT_BOOL,    0, opt_ignore },
	{ "dump-header",     'D', OPT_FILE,    F(dump_header), NULL },
	{ "etag-compare",    0,   OPT_FILE,    F(etag_compare), NULL },
	{ "etag-save",       0,   OPT_FILE,    F(etag_save), NULL },
	{ "expect100-timeout", 0, OPT_SECONDS, F(expect100_timeout_ms), NULL },
	{ "fail",            'f', OPT_BOOL,    0, opt_fail },
	{ "fail-with-body",  0,   OPT_BOOL,    0, opt_fail_body },
	{ "form",            'F', OPT_STRING,  0, opt_form },
	{ "form-string",     0,   OPT_STRING,  0, opt_form_string },
	{ "get",             'G', OPT_BOOL,    F(get), NULL },
	{ "globoff",         'g', OPT_BOOL,    F(globoff), NULL },
	{ "head",            'I', OPT_BOOL,    0, opt_head },
	{ "header",          'H', OPT_STRING,  0, opt_header },
	{ "help",            'h', OPT_BOOL,    0, opt_help },
	{ "http0.9",         0,   OPT_BOOL,    F(http09), NULL },
	{ "http1.0",         '0', OPT_FLAG,    0, opt_http10 },
	{ "http1.1",         0,   OPT_FLAG,    0, opt_http11 },
	{ "include",         'i', OPT_BOOL,    0, opt_include },
	{ "insecure",        'k', OPT_BOOL,    F(insecure), NULL },
	{ "ipv4",            '4', OPT_FLAG,    0, opt_ipv4 },
	{ "ipv6",            '6', OPT_FLAG,    0, opt_ipv6 },
	{ "json",            0,   OPT_STRING,  0, opt_json },
	{ "junk-session-cookies", 'j', OPT_BOOL, F(junk_session), NULL },
	{ "key",             0,   OPT_FILE,    F(key), NULL },
	{ "limit-rate",      0,   OPT_STRING,  0, opt_limit_rate },
	{ "location",        'L', OPT_BOOL,    F(location), NULL },
	{ "location-trusted", 0,  OPT_BOOL,    0, opt_location_trusted },
	/* hget's own, no curl option: the cap on a decoded body */
	{ "manual",          'M', OPT_BOOL,    0, opt_manual },
	{ "max-decoded-size", 0,  OPT_STRING,  0, opt_max_decoded },
	{ "max-filesize",    0,   OPT_STRING,  0, opt_max_filesize },
	{ "max-redirs",      0,   OPT_STRING,  0, opt_max_redirs },
	{ "max-time",        'm', OPT_SECONDS, F(max_time_ms), NULL },
	{ "netrc",           'n', OPT_BOOL,    F(netrc), NULL },
	{ "netrc-file",      0,   OPT_FILE,    F(netrc_file), NULL },
	{ "netrc-optional",  0,   OPT_BOOL,    F(netrc_optional), NULL },
	{ "next",            ':', OPT_FLAG,    0, opt_next },
	{ "noproxy",         0,   OPT_STRING,  F(noproxy), NULL },
	{ "oauth2-bearer",   0,   OPT_STRING,  0, opt_oauth2_bearer },
	{ "output",          'o', OPT_STRING,  0, opt_output },
	{ "output-dir",      0,   OPT_STRING,  F(output_dir), NULL },
	{ "pinnedpubkey",    0,   OPT_STRING,  F(pinnedpubkey), NULL },
	{ "post301",         0,   OPT_BOOL,    F(post301), NULL },
	{ "post302",         0,   OPT_BOOL,    F(post302), NULL },
	{ "post303",         0,   OPT_BOOL,    F(post303), NULL },
	{ "progress-bar",    '#', OPT_BOOL,    F(progress_bar), NULL },
	/* on by default: --no-progress-meter is the one curl documents */
	{ "progress-meter",  0,   OPT_BOOL,    F(progress_meter), NULL },
	{ "proxy",           'x', OPT_STRING,  F(proxy), NULL },
	{ "proxy-basic",     0,   OPT_BOOL,    F(proxy_basic), NULL },
	{ "proxy-user",      'U', OPT_STRING,  0, opt_proxy_user },
	{ "proxytunnel",     'p', OPT_BOOL,    F(proxytunnel), NULL },
	{ "range",           'r', OPT_STRING,  0, opt_range },
	{ "referer",         'e', OPT_STRING,  F(referer), NULL },
	{ "remote-header-name", 'J', OPT_BOOL, F(remote_header_name), NULL },
	{ "remote-name",     'O', OPT_BOOL,    0, opt_remote_name },
	{ "remote-name-all", 0,   OPT_BOOL,    F(remote_name_all), NULL },
	{ "remote-time",     'R', OPT_BOOL,    F(remote_time), NULL },
	{ "remove-on-error", 0,   OPT_BOOL,    F(remove_on_error), NULL },
	{ "request",         'X', OPT_STRING,  F(request), NULL },
	{ "resolve",         0,   OPT_STRING,  0, opt_resolve },
	{ "retry",           0,   OPT_STRING,  0, opt_retry },
	{ "retry-all-errors", 0,  OPT_BOOL,    F(retry_all_errors), NULL },
	{ "retry-connrefused", 0, OPT_BOOL,    F(retry_connrefused), NULL },
	{ "retry-delay",     0,   OPT_STRING,  0, opt_retry_delay },
	{ "retry-max-time",  0,   OPT_STRING,  0, opt_retry_max_time },
	{ "show-error",      'S', OPT_BOOL,    F(show_error), NULL },
	{ "silent",          's', OPT_BOOL,    F(silent), NULL },
	{ "time-cond",       'z', OPT_STRING,  0, opt_time_cond },
	/* hget's own, no curl option: the phases of each transfer */
	{ "timing",          0,   OPT_BOOL,    F(timing), NULL },
	{ "tls-max",         0,   OPT_STRING,  0, opt_tls_max },
	{ "tlsv1",           '1', OPT_FLAG,    0, opt_tlsv10 },
	{ "tlsv1.0",         0,   OPT_FLAG,    0, opt_tlsv10 },
	{ "tlsv1.1",         0,   OPT_FLAG,    0, opt_tlsv11 },
	{ "tlsv1.2",         0,   OPT_FLAG,    0, opt_tlsv12 },
	{ "tlsv1.3",         0,   OPT_FLAG,    0, opt_tlsv13 },
	{ "tr-encoding",     0,   OPT_BOOL,    F(tr_encoding), NULL },
	{ "trace",           0,   OPT_FILE,    0, opt_trace },
	{ "trace-ascii",     0,   OPT_FILE,    0, opt_trace_ascii },
	/* hget's own, no curl option: one JSON object per trace event */
	{ "trace-json",      0,   OPT_FILE,    0, opt_trace_json },
	/* hget's own, no curl option: -v shows credentials unredacted */
	{ "trace-secrets",   0,   OPT_BOOL,    F(trace_secrets), NULL },
	{ "trace-time",      0,   OPT_BOOL,    F(trace_time), NULL },
	{ "upload-file",     'T', OPT_STRING,  0, opt_upload },
	{ "url",             0,   OPT_STRING,  0, opt_url },
	{ "url-query",       0,   OPT_STRING,  0, opt_url_query },
	{ "user",            'u', OPT_STRING,  0, opt_user },
	{ "user-agent",      'A', OPT_STRING,  F(user_agent), NULL },
	{ "verbose",         'v', OPT_BOOL,    0, opt_verbose },
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
	"aws-sigv4", "buffer", "cert-status", "compressed-ssh",
	"create-file-mode", "crlf", "crlfile", "curves", "delegation",
	"digest", "disable-eprt", "disable-epsv", "disallow-username-in-url",
	"dns-interface", "dns-ipv4-addr", "dns-ipv6-addr", "dns-servers",
	"doh-cert-status", "doh-insecure", "doh-url", "egd-file", "engine",
	"eprt", "epsv", "fail-early", "false-start", "form-escape",
	"ftp-account", "ftp-alternative-to-user", "ftp-create-dirs",
	"ftp-method", "ftp-pasv", "ftp-port", "ftp-pret", "ftp-skip-pasv-ip",
	"ftp-ssl", "ftp-ssl-ccc", "ftp-ssl-ccc-mode", "ftp-ssl-control",
	"ftp-ssl-reqd", "happy-eyeballs-timeout-ms",
	"haproxy-protocol", "hostpubmd5", "hostpubsha256", "hsts", "http2",
	"http2-prior-knowledge", "http3", "http3-only",
	"ignore-content-length", "interface", "keepalive", "keepalive-time",
	"key-type", "krb", "krb4", "libcurl", "list-only", "local-port",
	"login-options", "mail-auth", "mail-from", "mail-rcpt",
	"mail-rcpt-allowfails", "metalink", "negotiate",
	"npn", "ntlm", "ntlm-wb", "parallel", "parallel-immediate",
	"parallel-max", "pass", "path-as-is", "preproxy", "proto",
	"proto-default", "proto-redir",
	"proxy-anyauth", "proxy-cacert", "proxy-capath", "proxy-cert",
	"proxy-cert-type", "proxy-ciphers", "proxy-crlfile", "proxy-digest",
	"proxy-header", "proxy-insecure", "proxy-key", "proxy-key-type",
	"proxy-negotiate", "proxy-ntlm", "proxy-pass", "proxy-pinnedpubkey",
	"proxy-service-name", "proxy-ssl-allow-beast",
	"proxy-ssl-auto-client-cert", "proxy-tls13-ciphers",
	"proxy-tlsauthtype", "proxy-tlspassword", "proxy-tlsuser",
	"proxy-tlsv1", "proxy1.0", "pubkey", "quote", "random-file", "rate",
	"raw", "request-target", "sasl-authzid", "sasl-ir", "service-name",
	"sessionid", "socks4", "socks4a", "socks5", "socks5-basic",
	"socks5-gssapi", "socks5-gssapi-nec", "socks5-gssapi-service",
	"socks5-hostname", "speed-limit", "speed-time", "ssl",
	"ssl-allow-beast", "ssl-auto-client-cert", "ssl-no-revoke", "ssl-reqd",
	"ssl-revoke-best-effort", "sslv2", "sslv3", "stderr", "styled-output",
	"suppress-connect-headers", "tcp-fastopen", "tcp-nodelay",
	"telnet-option", "test-event", "tftp-blksize", "tftp-no-options",
	"tls13-ciphers", "tlsauthtype", "tlspassword", "tlsuser",
	"unix-socket", "use-ascii", "xattr",
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
 * prefix and then len bytes of text.
 */
static enum opts_rc
walk_note(struct walk *w, const char *prefix, const char *text, size_t len)
{
	struct opts	 *o = w->head;	/* every operation's notes */
	size_t		  plen = strlen(prefix);
	char		**n, *line;

	if (w->o->silent)
		return OPTS_OK;
	if (o->nnotes == w->notecap) {
		if ((n = grow(o->notes, &w->notecap, sizeof(*n))) == NULL)
			return walk_nomem(w);
		o->notes = n;
	}
	/* text is argv-sized at most: no overflow in the sum */
	if ((line = malloc(plen + len + 1)) == NULL)
		return walk_nomem(w);
	memcpy(line, prefix, plen);
	memcpy(line + plen, text, len);
	line[plen + len] = '\0';
	o->notes[o->nnotes++] = line;
	return OPTS_OK;
}

/* curl's ISSPACE: the bytes its warnings may be broken at */
static int
warn_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/*
 * "Warning: " and the formatted text, folded as curl 7.88's warnf() folds it
 * (measured: "curl -o -aaa...a URL"): the text, its newline included,
 * goes out in pieces of at most 79 - strlen("Warning: ") = 70 bytes, each
 * ending after the last blank among its first 70 bytes (the blank stays
 * at the end of the line), or cut at 70 when there is none; every piece
 * gets its own "Warning: ".
 */
#define WARN_WIDTH	(79 - (sizeof(OPTS_WARN_PREFIX) - 1))

static enum opts_rc	walk_warn(struct walk *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));

static enum opts_rc
walk_warn(struct walk *w, const char *fmt, ...)
{
	enum opts_rc	 rc = OPTS_OK;
	va_list		 ap;
	char		*msg;
	const char	*p;
	size_t		 len, cut;
	int		 n;

	if (w->o->silent)
		return OPTS_OK;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (msg = malloc((size_t)n + 2)) == NULL)
		return walk_nomem(w);
	va_start(ap, fmt);
	(void)vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	msg[n] = '\n';			/* curl's text ends in one */
	msg[n + 1] = '\0';
	p = msg;
	len = (size_t)n + 1;
	while (len > 0 && rc == OPTS_OK) {
		cut = opts_warn_cut(p, len);
		/* a note has no newline: main prints one after each */
		rc = walk_note(w, OPTS_WARN_PREFIX, p,
		    cut == len ? cut - 1 : cut);
		p += cut;
		len -= cut;
	}
	free(msg);
	return rc;
}

size_t
opts_warn_cut(const char *p, size_t len)
{
	size_t	 cut;

	if (len <= WARN_WIDTH)
		return len;
	cut = WARN_WIDTH - 1;
	while (cut > 0 && !warn_space(p[cut]))
		cut--;
	if (cut == 0)
		cut = WARN_WIDTH - 1;
	return cut + 1;
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
	s->upload = NULL;
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

/* -T counts its own slots: "-o a -T f U" puts both on U (measured). */
static struct opts_url *
slot_upload(struct walk *w)
{
	struct opts_url	*s;

	if ((s = slot_at(w, w->nuploads)) != NULL)
		w->nuploads++;
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

/*
 * A file name argument (-o, -D, -T, --netrc-file, --cacert, --capath,
 * -E, --key) that starts with "-" but is not "-" was likely meant as an
 * option: curl warns and goes on.
 */
static enum opts_rc
file_arg(struct walk *w, const char *arg)
{
	if (arg[0] != '-' || arg[1] == '\0')
		return OPTS_OK;
	return walk_warn(w, "The file name argument '%s' looks like a flag.",
	    arg);
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
	case OPT_FILE:
		*(const char **)(void *)field = arg;
		return file_arg(w, arg);
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
	static const char	 both[] = "You must select either --fail or "
	    "--fail-with-body, not both.";
	enum opts_rc		 rc;

	/* curl's errorf(): "curl: " and no folding this short */
	rc = walk_note(w, "hget: ", both, sizeof(both) - 1);
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

/* The options that keep every occurrence, in order: -H, --resolve... */
static enum opts_rc
list_add(struct walk *w, const char ***list, size_t *n, size_t *cap,
    const char *arg)
{
	const char	**l;

	if (*n == *cap) {
		if ((l = grow(*list, cap, sizeof(*l))) == NULL)
			return walk_nomem(w);
		*list = l;
	}
	(*list)[(*n)++] = arg;
	return OPTS_OK;
}

static enum opts_rc
opt_header(struct walk *w, const char *arg, int on)
{
	(void)on;
	return list_add(w, &w->o->headers, &w->o->nheaders, &w->hdrcap, arg);
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
	if (w->cfg) {
		w->o->help_category = w->cfg_param;
		w->cfg_used = 1;
	} else
		w->o->help_category = w->i + 1 < w->argc ?
		    w->argv[w->i + 1] : NULL;
	return OPTS_HELP;
}

static enum opts_rc
opt_manual(struct walk *w, const char *arg, int on)
{
	(void)w;
	(void)arg;
	return on ? OPTS_MANUAL : OPTS_OK;
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
	return walk_warn(w, "Overrides previous HTTP version option");
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

/* curl warns, then refuses, an empty -o (it would name no file). */
static enum opts_rc
opt_output(struct walk *w, const char *arg, int on)
{
	struct opts_url	*s;
	enum opts_rc	 rc;

	(void)on;
	if (*arg == '\0') {
		rc = walk_warn(w, "output file name has no length");
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

/*
 * curl's SetHTTPrequest(): the first method asked for is kept; asking
 * for another one is refused with its warning, in curl's words (the new
 * one first).  While parsing (-I, -F) that is a usage error on the
 * word; after the walk (data, -T: curl decides those as it sets up the
 * transfers) curl only warns and exits 2.
 */
static enum opts_rc
walk_method(struct walk *w, enum method m, int parsing)
{
	enum opts_rc	 rc;

	if (w->method == METHOD_UNSPEC || w->method == m) {
		w->method = m;
		return OPTS_OK;
	}
	rc = walk_warn(w, "You can only select one HTTP request method! "
	    "You asked for both %s and %s.", method_names[m],
	    method_names[w->method]);
	if (rc != OPTS_OK)
		return rc;
	if (parsing)
		return walk_fail(w, "is badly used here");
	w->e->quiet = 1;
	return OPTS_USAGE;
}

/*
 * The data options, in command-line order with their kind: plan.c joins
 * the -d family with '&' and runs --json on, as curl does, and reads
 * the "@file"s.  Whether they make a POST, a GET (-G) or a conflict is
 * decided after the walk (walk_conflicts), as curl decides it.
 */
static enum opts_rc
data_add(struct walk *w, enum opts_data_kind kind, const char *arg)
{
	struct opts		*o = w->o;
	struct opts_data	*d;

	if (o->ndata == w->datacap) {
		if ((d = grow(o->data, &w->datacap, sizeof(*d))) == NULL)
			return walk_nomem(w);
		o->data = d;
	}
	o->data[o->ndata].kind = kind;
	o->data[o->ndata].arg = arg;
	o->ndata++;
	return OPTS_OK;
}

/* -d/--data and --data-ascii: the same option to curl */
static enum opts_rc
opt_data(struct walk *w, const char *arg, int on)
{
	(void)on;
	return data_add(w, OPTS_DATA, arg);
}

static enum opts_rc
opt_data_binary(struct walk *w, const char *arg, int on)
{
	(void)on;
	return data_add(w, OPTS_DATA_BINARY, arg);
}

static enum opts_rc
opt_data_raw(struct walk *w, const char *arg, int on)
{
	(void)on;
	return data_add(w, OPTS_DATA_RAW, arg);
}

static enum opts_rc
opt_data_urlencode(struct walk *w, const char *arg, int on)
{
	(void)on;
	return data_add(w, OPTS_DATA_URLENCODE, arg);
}

static enum opts_rc
opt_json(struct walk *w, const char *arg, int on)
{
	(void)on;
	return data_add(w, OPTS_DATA_JSON, arg);
}

static enum opts_rc
opt_url_query(struct walk *w, const char *arg, int on)
{
	(void)on;
	return list_add(w, &w->o->url_queries, &w->o->nurl_queries,
	    &w->querycap, arg);
}

/*
 * What curl 7.88's formparse() refuses without reading a file or the
 * rest of the grammar (measured): no '=' at all, and "=)" (no name)
 * closing a "name=(" multipart that is not open.  --form-string knows
 * neither "(" nor ")".  The rest (";type=", ";headers=", quoting) is
 * body.c's to check when it builds the body.
 */
static enum opts_rc
form_check(struct walk *w, const char *arg, int literal)
{
	const char	*value = strchr(arg, '=');
	enum opts_rc	 rc;

	if (value == NULL) {
		rc = walk_warn(w, "Illegally formatted input field!");
		return rc != OPTS_OK ? rc : walk_fail(w, "is badly used here");
	}
	value++;
	if (literal)
		return OPTS_OK;
	if (*value == '(')
		w->parts++;
	else if (value == arg + 1 && strcmp(value, ")") == 0) {
		if (w->parts == 0) {
			rc = walk_warn(w, "no multipart to terminate!");
			return rc != OPTS_OK ? rc :
			    walk_fail(w, "is badly used here");
		}
		w->parts--;
	}
	return OPTS_OK;
}

/* -F and --form-string: checked, kept in order, and curl's MIMEPOST */
static enum opts_rc
form_add(struct walk *w, const char *arg, int literal)
{
	struct opts		*o = w->o;
	struct opts_form	*f;
	enum opts_rc		 rc;

	if ((rc = form_check(w, arg, literal)) != OPTS_OK)
		return rc;
	if (o->nforms == w->formcap) {
		if ((f = grow(o->forms, &w->formcap, sizeof(*f))) == NULL)
			return walk_nomem(w);
		o->forms = f;
	}
	o->forms[o->nforms].arg = arg;
	o->forms[o->nforms].literal = literal;
	o->nforms++;
	return walk_method(w, METHOD_MIMEPOST, 1);
}

static enum opts_rc
opt_form(struct walk *w, const char *arg, int on)
{
	(void)on;
	return form_add(w, arg, 0);
}

static enum opts_rc
opt_form_string(struct walk *w, const char *arg, int on)
{
	(void)on;
	return form_add(w, arg, 1);
}

/*
 * -I asks for HEAD, and --no-head for GET: "-I --no-head" conflicts.
 * Like -i, it sets (or clears) curl's show_headers, which -J refuses.
 */
static enum opts_rc
opt_head(struct walk *w, const char *arg, int on)
{
	(void)arg;
	w->o->head = on;
	w->show_headers = on;
	return walk_method(w, on ? METHOD_HEAD : METHOD_GET, 1);
}

static enum opts_rc
opt_include(struct walk *w, const char *arg, int on)
{
	(void)arg;
	w->o->include = on;
	w->show_headers = on;
	return OPTS_OK;
}

/* -T FILE: the next upload slot; the method is decided after the walk */
static enum opts_rc
opt_upload(struct walk *w, const char *arg, int on)
{
	struct opts_url	*s;
	enum opts_rc	 rc;

	(void)on;
	if ((rc = file_arg(w, arg)) != OPTS_OK)
		return rc;
	if ((s = slot_upload(w)) == NULL)
		return walk_nomem(w);
	s->upload = arg;
	return OPTS_OK;
}

/* curl: --location-trusted is -L plus auth to other hosts, both ways */
static enum opts_rc
opt_location_trusted(struct walk *w, const char *arg, int on)
{
	(void)arg;
	w->o->location = on;
	w->o->location_trusted = on;
	return OPTS_OK;
}

/*
 * curl 7.88's str2num(): strtol() base 10, so leading blanks and a sign
 * pass, "0x10", "1.5" and trailing blanks do not; out of long's range
 * is "too large" (either sign), checked before any junk is.
 */
static enum opts_rc
parse_long(struct walk *w, const char *arg, long *v)
{
	char	*end;

	errno = 0;
	*v = strtol(arg, &end, 10);
	if (errno == ERANGE)
		return walk_fail(w, "too large number");
	if (end == arg || *end != '\0')
		return walk_fail(w, "expected a proper numerical parameter");
	return OPTS_OK;
}

/* --max-redirs: below -1 (unlimited) is "a proper numerical parameter" */
static enum opts_rc
opt_max_redirs(struct walk *w, const char *arg, int on)
{
	enum opts_rc	 rc;
	long		 v;

	(void)on;
	if ((rc = parse_long(w, arg, &v)) != OPTS_OK)
		return rc;
	if (v < -1)
		return walk_fail(w, "expected a proper numerical parameter");
	w->o->max_redirs = v;
	return OPTS_OK;
}

/* curl's str2unum(): str2num(), and then no sign (measured: "-0" passes) */
static enum opts_rc
parse_unsigned(struct walk *w, const char *arg, long *v)
{
	enum opts_rc	 rc;

	if ((rc = parse_long(w, arg, v)) != OPTS_OK)
		return rc;
	if (*v < 0)
		return walk_fail(w, "expected a positive numerical parameter");
	return OPTS_OK;
}

static enum opts_rc
opt_retry(struct walk *w, const char *arg, int on)
{
	(void)on;
	return parse_unsigned(w, arg, &w->o->retry);
}

/*
 * --retry-delay and --retry-max-time: whole seconds (curl's
 * str2unummax()), at most LONG_MAX / 1000 so that the milliseconds fit.
 */
static enum opts_rc
parse_whole_seconds(struct walk *w, const char *arg, int64_t *ms)
{
	enum opts_rc	 rc;
	long		 v;

	if ((rc = parse_unsigned(w, arg, &v)) != OPTS_OK)
		return rc;
	if (v > INT64_MAX / 1000)
		return walk_fail(w, "too large number");
	*ms = (int64_t)v * 1000;
	return OPTS_OK;
}

static enum opts_rc
opt_retry_delay(struct walk *w, const char *arg, int on)
{
	(void)on;
	return parse_whole_seconds(w, arg, &w->o->retry_delay_ms);
}

static enum opts_rc
opt_retry_max_time(struct walk *w, const char *arg, int on)
{
	(void)on;
	return parse_whole_seconds(w, arg, &w->o->retry_max_time_ms);
}

/*
 * A size with curl 7.88's optional unit (its GetSizeParameter(),
 * measured): blanks, an optional '+' and decimal digits, then nothing
 * (bytes) or one of G, M, K, B in either case, powers of 1024.  A sign
 * or other white space, no digits or out of range: "invalid number"; a
 * longer or other unit ("1.5M", "1kb", "5 "): "unsupported unit"; both
 * warn and are bad use.  Only a unit pushing past 2^63 - 1 is "too
 * large", without a warning.
 */
static enum opts_rc
parse_size(struct walk *w, const char *arg, const char *which, uint64_t *out)
{
	const char	*p = arg;
	char		*unit;
	long long	 v;
	enum opts_rc	 rc;
	int		 shift;

	while (*p == ' ' || *p == '\t')
		p++;
	errno = 0;
	v = strtoll(p, &unit, 10);
	if (*p == '-' || isspace((unsigned char)*p) || errno == ERANGE ||
	    unit == p) {
		rc = walk_warn(w, "invalid number specified for %s", which);
		return rc != OPTS_OK ? rc : walk_fail(w, "is badly used here");
	}
	/* one letter at most: "1kb" is no unit */
	switch (unit[0] != '\0' && unit[1] != '\0' ? '?' : unit[0]) {
	case 'G':
	case 'g':
		shift = 30;
		break;
	case 'M':
	case 'm':
		shift = 20;
		break;
	case 'K':
	case 'k':
		shift = 10;
		break;
	case 'B':
	case 'b':
	case '\0':
		shift = 0;
		break;
	default:
		rc = walk_warn(w, "unsupported %s unit. Use G, M, K or B!",
		    which);
		return rc != OPTS_OK ? rc : walk_fail(w, "is badly used here");
	}
	if (v > INT64_MAX >> shift)
		return walk_fail(w, "too large number");
	*out = (uint64_t)v << shift;
	return OPTS_OK;
}

static enum opts_rc
opt_max_filesize(struct walk *w, const char *arg, int on)
{
	(void)on;
	return parse_size(w, arg, "max-filesize", &w->o->max_filesize);
}

/* curl's word for --limit-rate in its warnings is "rate" */
static enum opts_rc
opt_limit_rate(struct walk *w, const char *arg, int on)
{
	(void)on;
	return parse_size(w, arg, "rate", &w->o->limit_rate);
}

static enum opts_rc
opt_max_decoded(struct walk *w, const char *arg, int on)
{
	(void)on;
	return parse_size(w, arg, "max-decoded-size", &w->o->max_decoded);
}

/*
 * -C: "-" resumes from the output file's size; anything else starting
 * with '-' is negative; the rest goes through strtoll() base 0, as
 * curl 7.88's str2offset() reads it on a 64-bit long ("0x10" is 16,
 * "010" is 8, "08" is junk).  strtoll() skips blanks first, so " -5"
 * gets through as -5, which curl then ignores: no Range.
 */
static enum opts_rc
opt_continue_at(struct walk *w, const char *arg, int on)
{
	char		*end;
	long long	 v;

	(void)on;
	if (strcmp(arg, "-") == 0) {
		w->o->resume_auto = 1;
		w->o->resume_from = 0;
		return OPTS_OK;
	}
	if (arg[0] == '-')
		return walk_fail(w, "expected a positive numerical parameter");
	errno = 0;
	v = strtoll(arg, &end, 0);
	if (errno == ERANGE)
		return walk_fail(w, "too large number");
	if (end == arg || *end != '\0')
		return walk_fail(w, "expected a proper numerical parameter");
	w->o->resume_auto = 0;
	w->o->resume_from = v < 0 ? 0 : v;
	return OPTS_OK;
}

/*
 * -r, checked as curl 7.88 checks it (measured): a bare number (a
 * leading digit, no '-') gets a '-' appended with a warning, or is bad
 * use past 2^63 - 1; anything else is kept as written, with a warning
 * when it holds a byte other than digits, '-' and ','.
 */
static enum opts_rc
opt_range(struct walk *w, const char *arg, int on)
{
	enum opts_rc	 rc;
	const char	*p;
	char		*s;
	long long	 v;

	(void)on;
	if (isdigit((unsigned char)arg[0]) && strchr(arg, '-') == NULL) {
		errno = 0;
		v = strtoll(arg, NULL, 10);
		if (errno == ERANGE) {
			rc = walk_warn(w, "unsupported range point");
			return rc != OPTS_OK ? rc :
			    walk_fail(w, "is badly used here");
		}
		if ((rc = walk_warn(w, "A specified range MUST include at "
		    "least one dash (-). Appending one for you!")) != OPTS_OK)
			return rc;
		s = buf_fmt("%lld-", v);
	} else {
		for (p = arg; *p != '\0'; p++)
			if (!isdigit((unsigned char)*p) && *p != '-' &&
			    *p != ',')
				break;
		if (*p != '\0' && (rc = walk_warn(w, "Invalid character is "
		    "found in given range. A specified range MUST have only "
		    "digits in 'start'-'stop'. The server's response to this "
		    "request is uncertain.")) != OPTS_OK)
			return rc;
		s = strdup(arg);
	}
	if (s == NULL)
		return walk_nomem(w);
	free(w->o->range);
	w->o->range = s;
	return OPTS_OK;
}

/*
 * -z: a date as curl_getdate() reads one, else the time of the file so
 * named (stat(2) now, as curl does while it parses), else curl's
 * warning and no condition at all.
 */
static enum opts_rc
opt_time_cond(struct walk *w, const char *arg, int on)
{
	struct opts		*o = w->o;
	struct stat		 st;
	enum opts_timecond	 tc = OPTS_TC_MODSINCE;
	int64_t			 t;

	(void)on;
	switch (*arg) {
	case '-':
		tc = OPTS_TC_UNMODSINCE;
		arg++;
		break;
	case '=':
		tc = OPTS_TC_LASTMOD;
		arg++;
		break;
	case '+':
		arg++;
		break;
	}
	if (date_parse(arg, strlen(arg), &t) == -1) {
		if (stat(arg, &st) == -1) {
			o->timecond = OPTS_TC_NONE;
			o->timecond_time = 0;
			return walk_warn(w, "Illegal date format for -z, "
			    "--time-cond (and not a file name). Disabling time "
			    "condition. See curl_getdate(3) for valid date "
			    "syntax.");
		}
		t = (int64_t)st.st_mtime;
	}
	o->timecond = tc;
	o->timecond_time = t;
	return OPTS_OK;
}

/*
 * -b: with '=' it is cookies to send as they are: curl 7.88 joins all
 * such -b with ';' (no blank, measured); without, a file to load.
 */
static enum opts_rc
opt_cookie(struct walk *w, const char *arg, int on)
{
	struct opts	*o = w->o;
	char		*s;

	(void)on;
	if (strchr(arg, '=') == NULL)
		return list_add(w, &o->cookie_files, &o->ncookie_files,
		    &w->cookiecap, arg);
	if (o->cookie_literal == NULL)
		s = strdup(arg);
	else
		s = buf_fmt("%s;%s", o->cookie_literal, arg);
	if (s == NULL)
		return walk_nomem(w);
	free(o->cookie_literal);
	o->cookie_literal = s;
	return OPTS_OK;
}

/*
 * Overwrite a secret's argv bytes with spaces so that ps(1) shows "-u"
 * and blanks, as curl's cleanarg() does for -u, -U and -E (measured in
 * /proc/PID/cmdline).  curl blanks only a separate word ("-u user:pw");
 * hget also blanks an attached one ("-uuser:pw" becomes "-u" and
 * blanks), which hides more.
 */
static void
secret_blank(const char *arg)
{
	/* argv's bytes are the caller's to change (char *const argv[]) */
	memset((char *)(uintptr_t)arg, ' ', strlen(arg));
}

/* A field opts_parse() allocated: free the old value, keep the new. */
static void
secret_replace(const char **field, char *copy)
{
	free((char *)(uintptr_t)*field);
	*field = copy;
}

/* A secret: keep a copy, blank argv.  The last one given wins. */
static enum opts_rc
secret_set(struct walk *w, const char **field, const char *arg)
{
	char	*copy;

	if ((copy = strdup(arg)) == NULL)
		return walk_nomem(w);
	secret_blank(arg);
	secret_replace(field, copy);
	return OPTS_OK;
}

static enum opts_rc
opt_user(struct walk *w, const char *arg, int on)
{
	(void)on;
	return secret_set(w, &w->o->user, arg);
}

static enum opts_rc
opt_oauth2_bearer(struct walk *w, const char *arg, int on)
{
	(void)on;
	return secret_set(w, &w->o->oauth2_bearer, arg);
}

static enum opts_rc
opt_proxy_user(struct walk *w, const char *arg, int on)
{
	(void)on;
	return secret_set(w, &w->o->proxy_user, arg);
}

/*
 * -E CERT[:PASSWORD] into two copies, as curl 7.88's
 * parse_cert_parameter() splits it (measured with --libcurl): up to the
 * first ':' not escaped is the file name, where "\:" stands for ':' and
 * "\\" for '\' and any other '\' is kept; after it, if anything, the
 * password, verbatim.  "pkcs11:" URIs (RFC 7512) are names, colons and
 * all.  *pass stays NULL without a password.  -1: out of memory.
 */
static int
cert_split(const char *arg, char **file, char **pass)
{
	const char	*p;
	char		*f;
	size_t		 n = 0;

	*pass = NULL;
	if ((*file = f = strdup(arg)) == NULL)
		return -1;
	if (strncasecmp(arg, "pkcs11:", 7) == 0)
		return 0;
	for (p = arg; *p != '\0' && *p != ':'; p++) {
		if (*p == '\\' && (p[1] == '\\' || p[1] == ':'))
			p++;
		f[n++] = *p;
	}
	f[n] = '\0';
	if (*p == ':' && p[1] != '\0' && (*pass = strdup(p + 1)) == NULL) {
		free(f);
		*file = NULL;
		return -1;
	}
	return 0;
}

/*
 * -E: curl warns about a name that looks like an option, splits the
 * word, blanks it (the password), and keeps an earlier password when
 * this -E has none; -E "" drops the certificate.
 */
static enum opts_rc
opt_cert(struct walk *w, const char *arg, int on)
{
	char		*file = NULL, *pass = NULL;
	enum opts_rc	 rc;
	int		 split = 0;

	(void)on;
	if ((rc = file_arg(w, arg)) != OPTS_OK)
		return rc;
	if (*arg != '\0')
		split = cert_split(arg, &file, &pass);
	secret_blank(arg);
	if (split == -1)
		return walk_nomem(w);
	secret_replace(&w->o->cert, file);
	if (pass != NULL)
		secret_replace(&w->o->cert_password, pass);
	return OPTS_OK;
}

/* --tlsv1 and --tlsv1.0 .. --tlsv1.3: the lowest version; last wins */
static enum opts_rc
opt_tlsv10(struct walk *w, const char *arg, int on)
{
	(void)arg;
	(void)on;
	w->o->tls_min = 10;
	return OPTS_OK;
}

static enum opts_rc
opt_tlsv11(struct walk *w, const char *arg, int on)
{
	(void)arg;
	(void)on;
	w->o->tls_min = 11;
	return OPTS_OK;
}

static enum opts_rc
opt_tlsv12(struct walk *w, const char *arg, int on)
{
	(void)arg;
	(void)on;
	w->o->tls_min = 12;
	return OPTS_OK;
}

static enum opts_rc
opt_tlsv13(struct walk *w, const char *arg, int on)
{
	(void)arg;
	(void)on;
	w->o->tls_min = 13;
	return OPTS_OK;
}

/*
 * --tls-max: curl 7.88's str2tls_max() takes exactly these words (case
 * and blanks matter, measured) and calls anything else bad use.
 */
static enum opts_rc
opt_tls_max(struct walk *w, const char *arg, int on)
{
	/* curl's words; "default" is 0, "1.N" is 10 + N */
	static const char *const versions[] = {
		"default", "1.0", "1.1", "1.2", "1.3"
	};
	size_t	 i;

	(void)on;
	for (i = 0; i < NELEM(versions); i++)
		if (strcmp(arg, versions[i]) == 0) {
			w->o->tls_max = i == 0 ? 0 : 9 + (int)i;
			return OPTS_OK;
		}
	return walk_fail(w, "is badly used here");
}

/*
 * -v, --trace, --trace-ascii, --trace-json: the last one wins, and curl
 * 7.88 warns when it replaces one of another kind.
 */
static enum opts_rc
trace_kind(struct walk *w, int type, const char *name, const char *file)
{
	struct opts	*o = w->o;
	enum opts_rc	 rc;

	if (file != NULL) {
		if ((rc = file_arg(w, file)) != OPTS_OK)
			return rc;
		o->trace_file = file;
	}
	if (o->trace_type != HG_TRACE_NONE && o->trace_type != type &&
	    (rc = walk_warn(w, "%s overrides an earlier trace/verbose option",
	    name)) != OPTS_OK)
		return rc;
	o->trace_type = type;
	o->verbose = type == HG_TRACE_PLAIN;
	return OPTS_OK;
}

static enum opts_rc
opt_trace(struct walk *w, const char *arg, int on)
{
	(void)on;
	return trace_kind(w, HG_TRACE_HEX, "--trace", arg);
}

static enum opts_rc
opt_trace_ascii(struct walk *w, const char *arg, int on)
{
	(void)on;
	return trace_kind(w, HG_TRACE_ASCII, "--trace-ascii", arg);
}

static enum opts_rc
opt_trace_json(struct walk *w, const char *arg, int on)
{
	(void)on;
	return trace_kind(w, HG_TRACE_JSON, "--trace-json", arg);
}

/* --no-verbose turns every trace off, --trace* included (curl's) */
static enum opts_rc
opt_verbose(struct walk *w, const char *arg, int on)
{
	(void)arg;
	if (on)
		return trace_kind(w, HG_TRACE_PLAIN, "-v, --verbose", NULL);
	w->o->trace_type = HG_TRACE_NONE;
	w->o->verbose = 0;
	return OPTS_OK;
}

/* --color WHEN, hget's own */
static enum opts_rc
opt_color(struct walk *w, const char *arg, int on)
{
	static const char *const whens[] = {
		[OPTS_COLOR_AUTO] = "auto",
		[OPTS_COLOR_ALWAYS] = "always",
		[OPTS_COLOR_NEVER] = "never"
	};
	size_t	 i;

	(void)on;
	for (i = 0; i < NELEM(whens); i++)
		if (strcmp(arg, whens[i]) == 0) {
			w->o->color = (enum opts_color)i;
			return OPTS_OK;
		}
	return walk_fail(w, "expects auto, always or never");
}

/* curl checks these only as it sets up the transfer (libcurl's lists) */
static enum opts_rc
opt_resolve(struct walk *w, const char *arg, int on)
{
	(void)on;
	return list_add(w, &w->o->resolve, &w->o->nresolve, &w->resolvecap,
	    arg);
}

static enum opts_rc
opt_connect_to(struct walk *w, const char *arg, int on)
{
	(void)on;
	return list_add(w, &w->o->connect_to, &w->o->nconnect_to,
	    &w->connectcap, arg);
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
	r->at = 0;
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
/* The long options curl does not have, sorted. */
static const char *const own_names[] = {
	"color", "max-decoded-size", "timing", "trace-json", "trace-secrets"
};

static int
is_own(const char *name)
{
	size_t	 i;

	for (i = 0; i < NELEM(own_names); i++)
		if (strcmp(name, own_names[i]) == 0)
			return 1;
	return 0;
}

static enum found
find_long(const char *name, int prefix, const struct opt **hit)
{
	struct range	 ours, theirs;
	size_t		 i, own = 0, curls = 0;

	range_find(name, opt_table, NELEM(opt_table), sizeof(opt_table[0]),
	    &ours);
	range_find(name, curl_only, NELEM(curl_only), sizeof(curl_only[0]),
	    &theirs);
	if (ours.exact) {
		*hit = &opt_table[ours.at];
		return FOUND;
	}
	if (!prefix || theirs.exact)
		return UNKNOWN;
	/*
	 * hget's own names take no prefix from curl's: "--tim" is
	 * --time-cond, as in curl, though --timing begins with it too.
	 */
	for (i = ours.at; i < ours.at + ours.n; i++) {
		if (is_own(opt_table[i].name)) {
			own = i;
			continue;
		}
		curls++;
		*hit = &opt_table[i];
	}
	if (curls + theirs.n == 0 && ours.n == 1) {
		*hit = &opt_table[own];
		return FOUND;
	}
	if (curls + theirs.n == 0)
		return ours.n == 0 ? UNKNOWN : AMBIGUOUS;
	if (curls == 1 && theirs.n == 0)
		return FOUND;
	/* one name curl has and hget lacks: as if no prefix matched */
	return curls + theirs.n == 1 ? UNKNOWN : AMBIGUOUS;
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
	return d->kind == OPT_STRING || d->kind == OPT_FILE ||
	    d->kind == OPT_SECONDS;
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
		else if (w->cfg) {
			/* a config line's value, never the next line */
			if (w->cfg_param == NULL || w->cfg_used)
				return walk_fail(w, "requires parameter");
			arg = w->cfg_param;
			w->cfg_used = 1;
		} else if (w->i + 1 < w->argc)
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
walk_long(struct walk *w, const char *name)
{
	const struct opt	*d = NULL;
	int			 on = 1;

	/* hget's own --color also has the GNU form, "--color=WHEN" */
	if (strncasecmp(name, "color=", 6) == 0)
		return opt_color(w, name + 6, 1);
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

/*
 * The methods curl 7.88 settles only as it sets up the transfers, after
 * the whole line was read (so "no URL specified!" and any later usage
 * error come first): the data make a POST, or with -G a GET (HEAD with
 * -I); then a URL with a -T of its own asks for PUT.  curl meets a
 * conflicting -T only at that URL's turn, after the URLs before it were
 * transferred; hget refuses the line before any transfer.
 */
static enum opts_rc
walk_conflicts(struct walk *w)
{
	struct opts	*o = w->o;
	enum opts_rc	 rc;
	enum method	 m;
	size_t		 i;

	if (o->ndata > 0) {
		m = !o->get ? METHOD_POST : o->head ? METHOD_HEAD : METHOD_GET;
		if ((rc = walk_method(w, m, 0)) != OPTS_OK)
			return rc;
	}
	for (i = 0; i < o->nurls; i++)
		if (o->urls[i].upload != NULL && *o->urls[i].upload != '\0')
			return walk_method(w, METHOD_PUT, 0);
	return OPTS_OK;
}

/*
 * -J, once the line is read (curl 7.88's checks after its walk, before
 * "no URL specified!"): the name comes from the head, which -i or -I
 * would put in the file, and -C - needs the name before the head.
 */
static enum opts_rc
walk_contdisp(struct walk *w)
{
	const char	*why;

	if (!w->o->remote_header_name)
		return OPTS_OK;
	if (w->show_headers)
		why = "showing headers and --remote-header-name cannot be "
		    "combined";
	else if (w->o->resume_auto)
		why = "--continue-at and --remote-header-name cannot be "
		    "combined";
	else
		return OPTS_OK;
	(void)strlcpy(w->e->msg, why, sizeof(w->e->msg));
	return OPTS_USAGE;
}

/* The values every operation starts from (--next starts a fresh one). */
static void
opts_defaults(struct opts *o)
{
	memset(o, 0, sizeof(*o));
	o->max_redirs = HG_MAX_REDIRS;	/* curl's default, 50 */
	o->clobber = 1;
	o->progress_meter = 1;
	o->max_decoded = HG_MAX_DECODED_DEFAULT;
}

void
opts_globals(struct opts *to, const struct opts *from)
{
	to->silent = from->silent;
	to->show_error = from->show_error;
	to->verbose = from->verbose;
	to->trace_type = from->trace_type;
	to->trace_file = from->trace_file;
	to->trace_time = from->trace_time;
	to->trace_secrets = from->trace_secrets;
	to->color = from->color;
	to->progress_bar = from->progress_bar;		/* curl's too */
	to->progress_meter = from->progress_meter;
	to->timing = from->timing;
	to->disable = from->disable;
}

int
opts_own(struct opts *o, char *s)
{
	char	**n;

	if ((n = reallocarray(o->owned, o->nowned + 1, sizeof(*n))) == NULL) {
		free(s);
		return -1;
	}
	o->owned = n;
	o->owned[o->nowned++] = s;
	return 0;
}

/*
 * What curl 7.88 checks once an operation's options are all read: -J's
 * conflicts, a URL, then the request method.
 */
static enum opts_rc
walk_finish(struct walk *w)
{
	enum opts_rc	 rc;

	if ((rc = walk_contdisp(w)) != OPTS_OK)
		return rc;
	if (w->o->nurls == 0) {
		/* a bare "curl" gets only the "try" line */
		if (w->argc > 1)
			(void)strlcpy(w->e->msg, "no URL specified!",
			    sizeof(w->e->msg));
		return OPTS_USAGE;
	}
	return walk_conflicts(w);
}

/*
 * -:/--next: the options after it make a new operation, which starts
 * from the defaults and the global options (opts_globals()).  Like
 * curl, an operation without a URL yet goes on ("--next URL" is one
 * operation); a trailing --next leaves one without a URL, which
 * walk_finish() refuses.
 */
static enum opts_rc
opt_next(struct walk *w, const char *arg, int on)
{
	struct walk	 keep = *w;
	struct opts	*n;
	enum opts_rc	 rc;

	(void)arg;
	(void)on;
	if (w->o->nurls == 0)
		return OPTS_OK;
	if ((rc = walk_finish(w)) != OPTS_OK)
		return rc;
	if ((n = malloc(sizeof(*n))) == NULL)
		return walk_nomem(w);
	opts_defaults(n);
	opts_globals(n, w->o);
	w->o->next = n;
	/* every per-operation counter and room starts at zero again */
	memset(w, 0, sizeof(*w));
	w->o = n;
	w->e = keep.e;
	w->argc = keep.argc;
	w->argv = keep.argv;
	w->i = keep.i;
	w->word = keep.word;
	w->notecap = keep.notecap;
	w->head = keep.head;
	w->cfg = keep.cfg;
	w->cfg_param = keep.cfg_param;
	w->cfg_used = keep.cfg_used;
	w->cfg_file = keep.cfg_file;
	w->cfg_line = keep.cfg_line;
	w->depth = keep.depth;
	return OPTS_OK;
}

/* "FILE:LINE: " before the message, once, for the innermost file. */
static void
walk_locate(struct walk *w, const char *file, size_t line)
{
	char	*msg;

	if (w->located)
		return;
	w->located = 1;
	w->e->notry = 1;
	/* out of memory: the message without its place */
	if ((msg = buf_fmt("%s:%zu: %s", file, line, w->e->msg)) == NULL)
		return;
	(void)strlcpy(w->e->msg, msg, sizeof(w->e->msg));
	free(msg);
}

/*
 * One config line, as curl's parseconfig() hands it to getparameter():
 * an option without a dash is a long one ("silent", "url"), one with
 * dashes is read as on the command line; the line's value is its
 * argument.  A value the option does not take is refused.
 */
static enum opts_rc
walk_item(struct walk *w, const struct config_item *it)
{
	enum opts_rc	 rc;

	w->word = it->opt;
	w->cfg = 1;
	w->cfg_param = it->param;
	w->cfg_used = 0;
	if (it->opt[0] != '-')
		rc = walk_long(w, it->opt);
	else if (it->opt[1] == '-')
		rc = walk_long(w, it->opt + 2);
	else
		rc = walk_short(w);
	if (rc == OPTS_OK && it->param != NULL && !w->cfg_used)
		rc = walk_fail(w, "had unsupported trailing garbage");
	return rc;
}

/*
 * Read a config file ("-": stdin) and walk its lines where it stands.
 * must: from -K, where a file that cannot be read is curl's error
 * (exit 26); the default file is simply skipped then.
 */
static enum opts_rc
walk_config(struct walk *w, const char *path, int must)
{
	struct walk		 keep = *w;
	struct config		 c;
	struct config_err	 ce;
	enum config_rc		 crc;
	enum opts_rc		 rc = OPTS_OK;
	const char		*name;
	FILE			*fp;
	size_t			 i;

	name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if (w->depth >= CONFIG_MAX_DEPTH)
		return walk_fail(w, "config files nested too deep");
	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (fp == NULL) {
		if (!must)
			return OPTS_OK;
		goto unreadable;
	}
	crc = config_read(fp, &c, &ce);
	if (fp != stdin)
		(void)fclose(fp);
	switch (crc) {
	case CONFIG_OK:
		break;
	case CONFIG_BAD:
		config_free(&c);
		(void)strlcpy(w->e->msg, ce.why, sizeof(w->e->msg));
		walk_locate(w, name, ce.line);
		return OPTS_USAGE;
	case CONFIG_BIG:
		config_free(&c);
		(void)snprintf(w->e->msg, sizeof(w->e->msg), "%s: larger "
		    "than %d bytes", name, CONFIG_MAX_FILE);
		w->located = 1;
		w->e->notry = 1;
		return OPTS_USAGE;
	case CONFIG_NOMEM:
		config_free(&c);
		return walk_nomem(w);
	case CONFIG_OPEN:
		config_free(&c);
		if (!must)
			return OPTS_OK;
		goto unreadable;
	}
	/* the options point into the text: it lives as long as they do */
	if (opts_own(w->head, c.text) == -1) {
		c.text = NULL;
		config_free(&c);
		return walk_nomem(w);
	}
	c.text = NULL;
	w->depth++;
	for (i = 0; i < c.nitems && rc == OPTS_OK; i++) {
		w->cfg_file = name;
		w->cfg_line = c.items[i].line;
		if ((rc = walk_item(w, &c.items[i])) == OPTS_USAGE)
			walk_locate(w, name, c.items[i].line);
	}
	config_free(&c);
	/* back to where -K stood (--next may have changed the operation) */
	w->depth = keep.depth;
	w->word = keep.word;
	w->cfg = keep.cfg;
	w->cfg_param = keep.cfg_param;
	w->cfg_used = keep.cfg_used;
	w->cfg_file = keep.cfg_file;
	w->cfg_line = keep.cfg_line;
	return rc;
unreadable:
	/* curl 7.88's two lines and its exit code, 26 */
	{
		char	*t;

		if ((t = buf_fmt("cannot read config from '%s'", path)) ==
		    NULL)
			return walk_nomem(w);
		rc = walk_note(w, "hget: ", t, strlen(t));
		free(t);
	}
	if (rc != OPTS_OK)
		return rc;
	w->e->exitcode = 26;
	return walk_fail(w, "error encountered when reading a file");
}

static enum opts_rc
opt_config(struct walk *w, const char *arg, int on)
{
	(void)on;
	return walk_config(w, arg, 1);
}

enum opts_rc
opts_parse(struct opts *o, int argc, char *const argv[], struct opts_err *e)
{
	return opts_parse_rc(o, argc, argv, NULL, e);
}

enum opts_rc
opts_parse_rc(struct opts *o, int argc, char *const argv[],
    const char *rcfile, struct opts_err *e)
{
	struct walk	 w;
	struct opts	*op;
	enum opts_rc	 rc = OPTS_OK;
	int		 options = 1;

	opts_defaults(o);
	memset(&w, 0, sizeof(w));
	memset(e, 0, sizeof(*e));
	w.o = o;
	w.head = o;
	w.e = e;
	w.argc = argc;
	w.argv = argv;
	/* curl skips ~/.curlrc when argv[1] starts with "-q" (even "-qs") */
	o->disable = argc > 1 && (strncmp(argv[1], "-q", 2) == 0 ||
	    strcmp(argv[1], "--disable") == 0);
	if (rcfile != NULL && !o->disable)
		rc = walk_config(&w, rcfile, 0);
	for (w.i = 1; w.i < argc && rc == OPTS_OK; w.i++) {
		w.word = argv[w.i];
		if (options && strcmp(w.word, "--") == 0)
			options = 0;		/* the rest are URLs */
		else if (options && w.word[0] == '-')
			rc = w.word[1] == '-' ? walk_long(&w, w.word + 2) :
			    walk_short(&w);
		else
			rc = slot_url(&w, w.word);
	}
	if (rc == OPTS_OK)
		rc = walk_finish(&w);
	/* the globals are one variable in curl: the last values hold */
	for (op = o; op != w.o; op = op->next)
		opts_globals(op, w.o);
	return rc;
}

void
opts_free(struct opts *o)
{
	struct opts	*op, *next;
	size_t		 i;

	for (op = o; op != NULL; op = next) {
		next = op->next;
		for (i = 0; i < op->nnotes; i++)
			free(op->notes[i]);
		free(op->notes);
		free(op->urls);
		free(op->headers);
		free(op->data);
		free(op->forms);
		free(op->url_queries);
		free(op->resolve);
		free(op->connect_to);
		free(op->range);
		free(op->cookie_literal);
		free(op->cookie_files);
		/* the secrets are opts_parse()'s copies */
		free((char *)(uintptr_t)op->user);
		free((char *)(uintptr_t)op->oauth2_bearer);
		free((char *)(uintptr_t)op->proxy_user);
		free((char *)(uintptr_t)op->cert);
		free((char *)(uintptr_t)op->cert_password);
		for (i = 0; i < op->nowned; i++)
			free(op->owned[i]);
		free(op->owned);
		if (op != o)
			free(op);
	}
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

int
opts_argument(size_t i)
{
	if (i >= NELEM(opt_table))
		return -1;
	switch (opt_table[i].kind) {
	case OPT_BOOL:
		return OPTS_ARG_BOOL;
	case OPT_FLAG:
		return OPTS_ARG_NONE;
	case OPT_FILE:
		return OPTS_ARG_FILE;
	case OPT_STRING:
	case OPT_SECONDS:
		break;
	}
	return OPTS_ARG_VALUE;
}

const char *
opts_curl_only(size_t i)
{
	return i < NELEM(curl_only) ? curl_only[i] : NULL;
}
