/* cmd/opts.h: curl's command line, parsed into struct opts */
#ifndef HG_OPTS_H
#define HG_OPTS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Every string below points into the argv given to opts_parse(): argv
 * must outlive the struct.  The exceptions are the secrets, user,
 * oauth2_bearer, proxy_user, cert and cert_password: opts_parse() copies
 * them and blanks their argv words with spaces, as curl does, so that
 * ps(1) does not show them.  Nothing is read from files here: "-H
 * @file", "-w @file", "-d @file", "-F a=@file", "-T file", --cacert,
 * -b FILE, --etag-compare arrive as written, and plan.c/body.c open them.
 * The one exception is -z FILE: its time is taken with stat(2) while
 * parsing, where curl takes it (a bad -z warns in argv order).
 */

/* --color WHEN (hget's own) */
enum opts_color {
	OPTS_COLOR_AUTO,	/* on a terminal, unless NO_COLOR is set */
	OPTS_COLOR_ALWAYS,
	OPTS_COLOR_NEVER
};

/* Where one URL's body goes. */
enum opts_out {
	OPTS_OUT_STDOUT,	/* no -o/-O of its own (or --no-remote-name) */
	OPTS_OUT_FILE,		/* -o FILE: outfile; "-" still means stdout */
	OPTS_OUT_REMOTE		/* -O or --remote-name-all: last URL segment */
};

/*
 * curl pairs outputs and URLs by position: the Nth URL (bare or --url)
 * and the Nth -o/-O/--no-remote-name meet in slot N, whatever order they
 * were written in; so do the Nth -T and the Nth URL, counted apart from
 * the outputs.  --remote-name-all presets OPTS_OUT_REMOTE in the slots
 * created after it; an -o of the slot's own still wins.
 */
struct opts_url {
	const char	*url;		/* NULL: an output that got no URL */
	enum opts_out	 out;
	const char	*outfile;	/* -o FILE; NULL unless OPTS_OUT_FILE */
	/*
	 * -T FILE|-: paired with URLs by position, as -o is (curl's rule).
	 * NULL: no -T reached this URL.  "": curl's -T "", which takes the
	 * slot but uploads nothing (a plain transfer, no PUT).
	 */
	const char	*upload;
};

/*
 * One request-body option, kept in command-line order: curl joins the
 * -d family with '&' and concatenates --json, in the order given.
 */
enum opts_data_kind {
	OPTS_DATA,		/* -d, --data-ascii: "@file" strips CR LF */
	OPTS_DATA_BINARY,	/* --data-binary: "@file" kept as is */
	OPTS_DATA_RAW,		/* --data-raw: no '@' meaning */
	OPTS_DATA_URLENCODE,	/* --data-urlencode, its five forms */
	OPTS_DATA_JSON		/* --json: like --data-binary, JSON headers */
};

struct opts_data {
	enum opts_data_kind kind;
	const char	*arg;		/* as written */
};

/* One -F/--form (or --form-string: no '@'/'<'/';type=' meaning). */
struct opts_form {
	const char	*arg;		/* as written: "name=value..." */
	int		 literal;	/* --form-string */
};

/* -z's condition, by its first character (curl's CURL_TIMECOND_*). */
enum opts_timecond {
	OPTS_TC_NONE,
	OPTS_TC_MODSINCE,	/* "DATE" or "+DATE": If-Modified-Since */
	OPTS_TC_UNMODSINCE,	/* "-DATE": If-Unmodified-Since */
	OPTS_TC_LASTMOD		/* "=DATE": curl sends "Last-Modified: DATE" */
};

/* --http1.0 (-0) and --http1.1: the last one given wins. */
enum opts_http {
	OPTS_HTTP_DEFAULT,
	OPTS_HTTP_1_0,
	OPTS_HTTP_1_1
};

struct opts {
	/*
	 * The transfers, in command-line order: urls[0 .. nurls - 1] have a
	 * URL.  Slots after them (nslots - nurls of them) hold outputs that
	 * found no URL; curl then says "Warning: Got more output options
	 * than URLs" once, after the transfers, unless -s.
	 */
	struct opts_url	*urls;
	size_t		 nurls;
	size_t		 nslots;

	/* what is sent */
	const char	*request;	/* -X: last wins; NULL = default */
	const char	**headers;	/* -H, in order, "@file" unexpanded */
	size_t		 nheaders;
	const char	*user_agent;	/* -A: NULL = not given, "" = none */
	/*
	 * -e, as written.  curl's ";auto" suffix is left in: "URL;auto"
	 * sends URL and also sets Referer on redirects (-L), ";auto" alone
	 * sends none at first.  plan.c splits it.
	 */
	const char	*referer;
	int		 head;		/* -I/--head */

	/* the request body (curl's -d, -F, -T families) */
	struct opts_data *data;		/* -d & co, in order */
	size_t		 ndata;
	struct opts_form *forms;	/* -F, --form-string, in order */
	size_t		 nforms;
	const char	**url_queries;	/* --url-query, in order */
	size_t		 nurl_queries;
	int		 get;		/* -G/--get: data into the query */

	/* redirects */
	int		 location;	/* -L/--location */
	/*
	 * --location-trusted sets (--no-: clears) both, as curl does; -L
	 * and --no-location touch location only.
	 */
	int		 location_trusted;
	long		 max_redirs;	/* --max-redirs: -1 = no limit; or 50 */
	int		 post301;	/* --post301 */
	int		 post302;	/* --post302 */
	int		 post303;	/* --post303 */

	/* authentication */
	/* -u/--user "user[:password]": an allocated copy (see the top) */
	const char	*user;
	int		 basic;		/* --basic */
	const char	*oauth2_bearer;	/* --oauth2-bearer TOKEN: a copy too */
	int		 netrc;		/* -n/--netrc */
	int		 netrc_optional; /* --netrc-optional */
	const char	*netrc_file;	/* --netrc-file FILE */
	/* --trace-secrets, hget's own (not curl's): no [redacted] in -v */
	int		 trace_secrets;
	/* --expect100-timeout, in ms as -m; 0 means curl's 1000 */
	int64_t		 expect100_timeout_ms;
	enum opts_http	 http;		/* -0/--http1.0, --http1.1 */
	int		 http09;	/* --http0.9 */

	/*
	 * TLS.  Each string option keeps its last value, as written ("" is
	 * kept as "": curl hands it to libcurl so); nothing is opened or
	 * checked here.
	 */
	int		 insecure;	/* -k/--insecure: no verification */
	const char	*cacert;	/* --cacert FILE (a PEM bundle) */
	const char	*capath;	/* --capath DIR (hashed CA certs) */
	/*
	 * -E/--cert CERT[:PASSWORD], split as curl 7.88 splits it: the
	 * first ':' not escaped ends the file name; in the name "\:" is a
	 * ':' and "\\" one '\', any other '\' stays as it is; the
	 * password is the rest, verbatim.  A name starting "pkcs11:" (any
	 * case, an RFC 7512 URI) is all file name.  Both are copies (see
	 * the top).  cert: NULL after -E "" (curl's reset), "" after
	 * -E ":pw".  cert_password: NULL unless some -E had a non-empty
	 * one; a later -E without one keeps it, as curl does.
	 */
	const char	*cert;
	const char	*cert_password;
	const char	*cert_type;	/* --cert-type: curl's PEM, DER, ENG, P12 */
	const char	*key;		/* --key FILE: NULL = in the -E file */
	/*
	 * The lowest TLS version allowed, as 10 + minor: --tlsv1 and
	 * --tlsv1.0 give 10, --tlsv1.1 11, --tlsv1.2 12, --tlsv1.3 13; the
	 * last one given wins; 0: none given (the library's default).
	 */
	int		 tls_min;
	/* --tls-max 1.0 .. 1.3 as 10 .. 13; 0: "default" or none given */
	int		 tls_max;
	const char	*ciphers;	/* --ciphers LIST (OpenSSL's syntax) */
	/* --pinnedpubkey: "sha256//BASE64[;sha256//...]" or a key file */
	const char	*pinnedpubkey;

	/* proxies */
	/*
	 * -x/--proxy [scheme://][user:pw@]host[:port], as written; "" is
	 * kept: it disables proxies, the environment's included (curl).
	 */
	const char	*proxy;
	/* -U/--proxy-user "user[:password]": a copy (see the top) */
	const char	*proxy_user;
	int		 proxy_basic;	/* --proxy-basic */
	/* --noproxy "host[,host...]" or "*", as written; "" = no list */
	const char	*noproxy;
	int		 proxytunnel;	/* -p/--proxytunnel: CONNECT always */

	/*
	 * Where names go: every --resolve "[+-]HOST:PORT:ADDR[,ADDR...]"
	 * and every --connect-to "HOST1:PORT1:HOST2:PORT2", as written and
	 * in command-line order.  curl checks their syntax only when it
	 * sets up the transfer (libcurl's CURLOPT_RESOLVE, CONNECT_TO).
	 */
	const char	**resolve;
	size_t		 nresolve;
	const char	**connect_to;
	size_t		 nconnect_to;

	/* how to connect */
	int		 ipresolve;	/* 0 any, 4 (-4), 6 (-6); last wins */
	/*
	 * --connect-timeout and -m/--max-time, given in (fractional)
	 * seconds, kept in milliseconds truncated as curl does: 0.0005
	 * becomes 0, which means "no limit" for -m and curl's default
	 * (300 s) for --connect-timeout, exactly as in curl 7.88.
	 */
	int64_t		 connect_timeout_ms;
	int64_t		 max_time_ms;

	/* where the response goes */
	const char	*output_dir;	/* --output-dir: last wins */
	int		 create_dirs;	/* --create-dirs */
	int		 remote_name_all; /* as it ended; applied to urls[] */
	int		 include;	/* -i */
	const char	*dump_header;	/* -D FILE or "-"; last wins */
	/* -f and --fail-with-body: opts_parse never lets both be set */
	int		 fail;
	int		 fail_with_body;
	/*
	 * -J: the file name from Content-Disposition.  curl refuses it,
	 * after the walk, with -i or -I (as they stand at the end) and
	 * with -C -; without -O it has no effect.
	 */
	int		 remote_header_name;
	/* --clobber, on unless --no-clobber: replace an existing file */
	int		 clobber;
	int		 remove_on_error; /* --remove-on-error */
	int		 remote_time;	/* -R/--remote-time */

	/* content codings and sizes (curl's k/M/G/B suffixes, in bytes) */
	int		 compressed;	/* --compressed */
	int		 tr_encoding;	/* --tr-encoding */
	uint64_t	 max_filesize;	/* --max-filesize; 0 = no cap */
	/* --max-decoded-size, hget's own; HG_MAX_DECODED_DEFAULT unless
	 * given, 0 = no cap */
	uint64_t	 max_decoded;
	uint64_t	 limit_rate;	/* --limit-rate, bytes/s; 0 = none */

	/*
	 * -C N (curl reads N with strtol base 0: "0x10" is 16); 0 sends no
	 * Range, as in curl, and so does a negative N behind a blank
	 * (" -5"), which curl's parser lets through.  -C - sets resume_auto
	 * (from the output file's size) and clears resume_from; a later
	 * -C N clears resume_auto.
	 */
	int64_t		 resume_from;
	int		 resume_auto;
	/*
	 * -r, as it will be sent after "bytes=": an allocated copy, as
	 * written, except that a bare number ("500") has curl's "-"
	 * appended ("500-").
	 */
	char		*range;

	/*
	 * -z: a date (curl_getdate's forms) or a file's mtime.  A leading
	 * '-' asks for If-Unmodified-Since, '=' for curl's request field
	 * "Last-Modified: DATE", '+' (or none) for If-Modified-Since.
	 * Neither a date nor an existing file: curl's warning, and no
	 * condition (also none from an earlier -z).
	 */
	enum opts_timecond timecond;
	int64_t		 timecond_time;	/* seconds since the epoch */
	const char	*etag_save;	/* --etag-save FILE */
	const char	*etag_compare;	/* --etag-compare FILE */

	/*
	 * -b: an argument with '=' is cookies to send as they are
	 * (cookie_literal: every such -b, in order, joined with ';' as curl
	 * 7.88 joins them; allocated); any other is a cookie file to load
	 * (cookie_files, in order; "-" is the standard input), which also
	 * turns the cookie engine on.
	 */
	char		*cookie_literal;
	const char	**cookie_files;
	size_t		 ncookie_files;
	const char	*cookie_jar;	/* -c FILE ("-": stdout); engine on */
	int		 junk_session;	/* -j/--junk-session-cookies */

	/* --retry and its family; the delays in ms (given in seconds) */
	long		 retry;
	int64_t		 retry_delay_ms;
	int64_t		 retry_max_time_ms;
	int		 retry_connrefused;
	int		 retry_all_errors;

	/* what is said (stderr) */
	int		 silent;	/* -s */
	int		 show_error;	/* -S */
	int		 verbose;	/* -v */
	int		 trace_time;	/* --trace-time */
	int		 progress_bar;	/* -#: curl's bar, not hget's meter */
	int		 progress_meter; /* 1; 0: --no-progress-meter */
	int		 timing;	/* --timing: the phases to stderr */
	/*
	 * The last of -v, --trace, --trace-ascii and --trace-json wins, as
	 * in curl (--no-verbose turns them all off): an enum hg_trace.
	 */
	int		 trace_type;
	const char	*trace_file;	/* their FILE; "-" is stdout */
	enum opts_color	 color;		/* --color, hget's own */
	const char	*write_out;	/* -w: last wins, "@file" unexpanded */

	/* the command line itself */
	/*
	 * argv[1] began with "-q" or was "--disable": curl would skip its
	 * config file.  hget reads none, so this is only recorded; -q
	 * anywhere else is accepted and ignored, as in curl.
	 */
	int		 disable;
	/* with OPTS_HELP: the argument after -h/--help, or NULL */
	const char	*help_category;
	int		 globoff;	/* -g/--globoff: no {a,b} [1-9] */

	/*
	 * Strings the options point into that argv does not hold: config
	 * file texts (-K, ~/.hgetrc) and glob expansions.  Kept on the
	 * first operation only; opts_free() frees them.
	 */
	char		**owned;
	size_t		  nowned;
	/*
	 * -:/--next: the next operation, with options of its own, or NULL.
	 * Only the first struct opts is the caller's; the rest are
	 * allocated, and opts_free() frees the chain.  Global options
	 * (opts_globals()) hold the same values in every operation.
	 */
	struct opts	 *next;

	/*
	 * Lines curl writes to stderr while it parses, whole and without
	 * the newline ("Warning: The file name argument '-x' looks like a
	 * flag.", "hget: You must select either --fail or ..."), in order.
	 * The ones curl would have muted (-s in force at that point) are
	 * already left out.  main prints them first, whatever opts_parse()
	 * returned.  Allocated; opts_free() frees them.
	 */
	char		**notes;
	size_t		  nnotes;
};

enum opts_rc {
	OPTS_OK,		/* run the transfers */
	OPTS_HELP,		/* -h/--help was seen: help, exit 0 */
	OPTS_VERSION,		/* -V/--version was seen: version, exit 0 */
	OPTS_MANUAL,		/* -M/--manual was seen: the manual, exit 0 */
	OPTS_USAGE,		/* usage error, exit 2 */
	OPTS_NOMEM		/* out of memory, exit 27 */
};

/* The second line of every usage error, after "hget: ". */
#define OPTS_TRY_HELP	"try 'hget --help' or 'hget --manual' for more information"

/*
 * What went wrong (OPTS_USAGE, OPTS_NOMEM), for main to print to stderr
 * after o->notes:
 *
 *	"hget: " msg		unless msg is "" (only for a bare "hget"
 *				with no arguments, as curl does)
 *	"hget: " OPTS_TRY_HELP
 *
 * unless quiet is set: then only o->notes, and exit 2.
 */
struct opts_err {
	char		 msg[1024];	/* an overlong argv word is cut short */
	/*
	 * Exit 2 after o->notes with nothing more: neither msg nor the try
	 * line.  Set for the request-method conflicts curl 7.88 finds only
	 * when it sets up the transfers ("-d x -I", "-T f -d x"): it prints
	 * its "Warning: You can only select one HTTP request method! ..."
	 * lines (muted by -s) and exits 2 with no usage hint.
	 */
	int		 quiet;
	/* Exit with this code instead of 2 (-K FILE unreadable: 26). */
	int		 exitcode;
	/* Print msg without the try line (a config file's FILE:LINE:). */
	int		 notry;
};

/*
 * Parse argv[1 .. argc - 1] into o, curl 7.88's way.  Never prints,
 * never exits, opens nothing; writes to argv only to blank the secrets
 * (-u, --oauth2-bearer, -U, -E).  -h and -V stop the walk where they stand
 * (what follows is not looked at); so does the first error, and o then
 * holds what came before it.  o must be released with opts_free()
 * whatever the result.
 */
enum opts_rc	 opts_parse(struct opts *o, int argc, char *const argv[],
		    struct opts_err *e);
/*
 * The same, first reading the config file rcfile (NULL: none) unless
 * argv[1] is -q or --disable, as curl reads ~/.curlrc.  An rcfile that
 * cannot be read is skipped; a malformed line in it is a usage error
 * "FILE:LINE: why" (e->notry).
 */
enum opts_rc	 opts_parse_rc(struct opts *o, int argc, char *const argv[],
		    const char *rcfile, struct opts_err *e);
/*
 * curl's global options, the ones --next does not reset: -s, -S, -v,
 * the traces, --trace-time, --trace-secrets, --color.  A new operation
 * starts with them, and after the walk every operation gets the last
 * one's values (in curl they are one variable).  Add a global field
 * here.
 */
void		 opts_globals(struct opts *to, const struct opts *from);
/* Keep s (allocated) until opts_free(o); -1 (s freed) without memory. */
int		 opts_own(struct opts *o, char *s);
void		 opts_free(struct opts *o);

/*
 * The option table, for help.c and the tests: the i-th long option
 * hget knows (sorted), its short letter in *letter (0 if none); NULL
 * past the end.
 */
const char	*opts_name(size_t i, int *letter);
/*
 * What the i-th option takes, for the shell completions: -1 past the
 * end.  OPTS_ARG_FILE is a file name; a value may be one too (-o, -T).
 */
enum {
	OPTS_ARG_NONE,		/* a flag */
	OPTS_ARG_BOOL,		/* a flag with a --no- form */
	OPTS_ARG_VALUE,
	OPTS_ARG_FILE
};
int		 opts_argument(size_t i);
/* The i-th long option curl 7.88 has that hget lacks (sorted), or NULL. */
const char	*opts_curl_only(size_t i);

/*
 * curl 7.88's warnf() folds its text at 79 columns, "Warning: " on
 * every line: given the rest of a warning (len bytes, its final newline
 * included), how many bytes go on the next line (with the blank it was
 * cut after, or the newline).  Also for the core's warnings (main.c).
 */
#define OPTS_WARN_PREFIX "Warning: "
size_t		 opts_warn_cut(const char *text, size_t len);

#endif
