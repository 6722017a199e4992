/* cmd/help.c: --help and --version, laid out as curl 7.88 does */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include <brotli/decode.h>
#include <tls.h>
#include <zlib.h>
#include <zstd.h>

#include "hget.h"
#include "help.h"
#include "opts.h"

/* curl --help's categories, the ones that hold hget options */
enum {
	HC_AUTH		= 1 << 0,
	HC_CONNECTION	= 1 << 1,
	HC_CURL		= 1 << 2,
	HC_DNS		= 1 << 3,
	HC_HTTP		= 1 << 4,
	HC_OUTPUT	= 1 << 5,
	HC_POST		= 1 << 6,
	HC_PROXY	= 1 << 7,
	HC_TLS		= 1 << 8,
	HC_UPLOAD	= 1 << 9,
	HC_VERBOSE	= 1 << 10
};

/* the -d family's categories in curl's --help */
#define HC_DATA		(HC_HTTP | HC_POST | HC_UPLOAD)

/*
 * width: the option column of "curl --help NAME".  curl sizes it for
 * each category from the longest option and description in it, its
 * options hget lacks included (so measured, not computed here); a
 * longer option pushes its description one blank further.
 */
static const struct {
	const char	*name;
	const char	*desc;
	unsigned	 bit;
	int		 width;
} help_cats[] = {
	{ "auth", "Different types of authentication methods", HC_AUTH, 25 },
	{ "connection", "Low level networking operations", HC_CONNECTION,
	    34 },
	{ "curl", "The command line tool itself", HC_CURL, 30 },
	{ "dns", "General DNS options", HC_DNS, 24 },
	{ "http", "HTTP and HTTPS protocol options", HC_HTTP, 26 },
	{ "output", "Filesystem output", HC_OUTPUT, 24 },
	{ "post", "HTTP Post specific options", HC_POST, 27 },
	{ "proxy", "All options related to proxies", HC_PROXY, 25 },
	{ "tls", "All TLS/SSL related options", HC_TLS, 24 },
	{ "upload", "All options for uploads", HC_UPLOAD, 26 },
	{ "verbose", "Options related to any kind of command line output "
	    "of hget", HC_VERBOSE, 24 },
};

/*
 * One row per option in cmd/opts.c's table (the letter comes from
 * there), sorted by the name shown: curl shows --clobber as
 * --no-clobber, and sorts it so.  Texts and categories are curl
 * 7.88.1's, from "curl --help all" and "curl --help CATEGORY";
 * --trace-secrets and --max-decoded-size are hget's own and say so.
 */
static const struct help_row {
	const char	*name;
	const char	*arg;
	const char	*desc;
	unsigned	 cats;
} help_rows[] = {
	{ "basic", "", "Use HTTP Basic Authentication", HC_AUTH },
	{ "cacert", "<file>", "CA certificate to verify peer against",
	    HC_TLS },
	{ "capath", "<dir>", "CA directory to verify peer against", HC_TLS },
	{ "cert", "<certificate[:password]>",
	    "Client certificate file and password", HC_TLS },
	{ "cert-type", "<type>", "Certificate type (DER/PEM/ENG/P12)",
	    HC_TLS },
	{ "ciphers", "<list of ciphers>", "SSL ciphers to use", HC_TLS },
	{ "color", "<when>",
	    "Colour -v and headers: auto, always, never (hget only)",
	    HC_VERBOSE },
	{ "compressed", "", "Request compressed response", HC_HTTP },
	{ "config", "<file>", "Read config from a file", HC_CURL },
	{ "connect-timeout", "<fractional seconds>",
	    "Maximum time allowed for connection", HC_CONNECTION },
	{ "connect-to", "<HOST1:PORT1:HOST2:PORT2>", "Connect to host",
	    HC_CONNECTION },
	{ "continue-at", "<offset>", "Resumed transfer offset",
	    HC_CONNECTION },
	{ "cookie", "<data|filename>", "Send cookies from string/file",
	    HC_HTTP },
	{ "cookie-jar", "<filename>",
	    "Write cookies to <filename> after operation", HC_HTTP },
	{ "create-dirs", "", "Create necessary local directory hierarchy",
	    HC_CURL },
	{ "data", "<data>", "HTTP POST data", HC_DATA },
	{ "data-ascii", "<data>", "HTTP POST ASCII data", HC_DATA },
	{ "data-binary", "<data>", "HTTP POST binary data", HC_DATA },
	{ "data-raw", "<data>", "HTTP POST data, '@' allowed", HC_DATA },
	{ "data-urlencode", "<data>", "HTTP POST data URL encoded", HC_DATA },
	{ "disable", "", "Disable .hgetrc", HC_CURL },
	{ "dump-header", "<filename>",
	    "Write the received headers to <filename>", HC_HTTP },
	{ "etag-compare", "<file>",
	    "Pass an ETag from a file as a custom header", HC_HTTP },
	{ "etag-save", "<file>",
	    "Parse ETag from a request and save it to a file", HC_HTTP },
	{ "expect100-timeout", "<seconds>",
	    "How long to wait for 100-continue", HC_HTTP },
	{ "fail", "", "Fail fast with no output on HTTP errors", HC_HTTP },
	{ "fail-with-body", "", "Fail on HTTP errors but save the body",
	    HC_HTTP | HC_OUTPUT },
	{ "form", "<name=content>", "Specify multipart MIME data",
	    HC_HTTP | HC_UPLOAD },
	{ "form-string", "<name=string>", "Specify multipart MIME data",
	    HC_HTTP | HC_UPLOAD },
	{ "get", "", "Put the post data in the URL and use GET",
	    HC_HTTP | HC_UPLOAD },
	{ "globoff", "", "Disable URL sequences and ranges using {} and []",
	    HC_CURL },
	{ "head", "", "Show document info only", HC_HTTP },
	{ "header", "<header/@file>", "Pass custom header(s) to server",
	    HC_HTTP },
	{ "help", "<category>", "Get help for commands", HC_CURL },
	{ "http0.9", "", "Allow HTTP 0.9 responses", HC_HTTP },
	{ "http1.0", "", "Use HTTP 1.0", HC_HTTP },
	{ "http1.1", "", "Use HTTP 1.1", HC_HTTP },
	{ "include", "", "Include protocol response headers in the output",
	    HC_VERBOSE },
	{ "insecure", "", "Allow insecure server connections", HC_TLS },
	{ "ipv4", "", "Resolve names to IPv4 addresses",
	    HC_CONNECTION | HC_DNS },
	{ "ipv6", "", "Resolve names to IPv6 addresses",
	    HC_CONNECTION | HC_DNS },
	{ "json", "<data>", "HTTP POST JSON", HC_DATA },
	{ "junk-session-cookies", "",
	    "Ignore session cookies read from file", HC_HTTP },
	{ "key", "<key>", "Private key file name", HC_TLS },
	{ "limit-rate", "<speed>", "Limit transfer speed to RATE",
	    HC_CONNECTION },
	{ "location", "", "Follow redirects", HC_HTTP },
	{ "location-trusted", "",
	    "Like --location, and send auth to other hosts",
	    HC_AUTH | HC_HTTP },
	{ "manual", "", "Display the full manual", HC_CURL },
	{ "max-decoded-size", "<bytes>",
	    "Maximum size of a decoded body (hget only)", HC_CONNECTION },
	{ "max-filesize", "<bytes>", "Maximum file size to download",
	    HC_CONNECTION },
	{ "max-redirs", "<num>", "Maximum number of redirects allowed",
	    HC_HTTP },
	{ "max-time", "<fractional seconds>",
	    "Maximum time allowed for transfer", HC_CONNECTION },
	{ "netrc", "", "Must read .netrc for user name and password",
	    HC_CURL },
	{ "netrc-file", "<filename>", "Specify FILE for netrc", HC_CURL },
	{ "netrc-optional", "", "Use either .netrc or URL", HC_CURL },
	{ "next", "", "Make next URL use its separate set of options",
	    HC_CURL },
	{ "no-clobber", "", "Do not overwrite files that already exist",
	    HC_CURL | HC_OUTPUT },
	{ "no-progress-meter", "", "Do not show the progress meter",
	    HC_VERBOSE },
	{ "noproxy", "<no-proxy-list>", "List of hosts which do not use proxy",
	    HC_PROXY },
	{ "oauth2-bearer", "<token>", "OAuth 2 Bearer Token", HC_AUTH },
	{ "output", "<file>", "Write to file instead of stdout", HC_CURL },
	{ "output-dir", "<dir>", "Directory to save files in", HC_CURL },
	{ "pinnedpubkey", "<hashes>",
	    "FILE/HASHES Public key to verify peer against", HC_TLS },
	{ "post301", "", "Do not switch to GET after following a 301",
	    HC_HTTP | HC_POST },
	{ "post302", "", "Do not switch to GET after following a 302",
	    HC_HTTP | HC_POST },
	{ "post303", "", "Do not switch to GET after following a 303",
	    HC_HTTP | HC_POST },
	{ "progress-bar", "", "Display transfer progress as a bar",
	    HC_VERBOSE },
	/* curl writes -x's argument without the angle brackets */
	{ "proxy", "[protocol://]host[:port]", "Use this proxy", HC_PROXY },
	{ "proxy-basic", "", "Use Basic authentication on the proxy",
	    HC_AUTH | HC_PROXY },
	{ "proxy-user", "<user:password>", "Proxy user and password",
	    HC_AUTH | HC_PROXY },
	{ "proxytunnel", "",
	    "Operate through an HTTP proxy tunnel (using CONNECT)", HC_PROXY },
	{ "range", "<range>", "Retrieve only the bytes within RANGE",
	    HC_HTTP },
	{ "referer", "<URL>", "Referrer URL", HC_HTTP },
	{ "remote-header-name", "", "Use the header-provided filename",
	    HC_OUTPUT },
	{ "remote-name", "", "Write output to a file named as the remote file",
	    HC_OUTPUT },
	{ "remote-name-all", "", "Use the remote file name for all URLs",
	    HC_OUTPUT },
	{ "remote-time", "", "Set the remote file's time on the local output",
	    HC_OUTPUT },
	{ "remove-on-error", "", "Remove output file on errors", HC_CURL },
	{ "request", "<method>", "Specify request method to use",
	    HC_CONNECTION },
	{ "resolve", "<[+]host:port:addr[,addr]...>",
	    "Resolve the host+port to this address", HC_CONNECTION | HC_DNS },
	{ "retry", "<num>", "Retry request if transient problems occur",
	    HC_CURL },
	{ "retry-all-errors", "", "Retry all errors (use with --retry)",
	    HC_CURL },
	{ "retry-connrefused", "",
	    "Retry on connection refused (use with --retry)", HC_CURL },
	{ "retry-delay", "<seconds>", "Wait time between retries", HC_CURL },
	{ "retry-max-time", "<seconds>", "Retry only within this period",
	    HC_CURL },
	{ "show-error", "", "Show error even when -s is used", HC_CURL },
	{ "silent", "", "Silent mode", HC_VERBOSE },
	{ "time-cond", "<time>", "Transfer based on a time condition",
	    HC_HTTP },
	{ "timing", "", "Show the phases of each transfer (hget only)",
	    HC_VERBOSE },
	{ "tls-max", "<VERSION>", "Set maximum allowed TLS version", HC_TLS },
	{ "tlsv1", "", "Use TLSv1.0 or greater", HC_TLS },
	{ "tlsv1.0", "", "Use TLSv1.0 or greater", HC_TLS },
	{ "tlsv1.1", "", "Use TLSv1.1 or greater", HC_TLS },
	{ "tlsv1.2", "", "Use TLSv1.2 or greater", HC_TLS },
	{ "tlsv1.3", "", "Use TLSv1.3 or greater", HC_TLS },
	{ "tr-encoding", "", "Request compressed transfer encoding",
	    HC_HTTP },
	{ "trace", "<file>", "Write a debug trace to FILE", HC_VERBOSE },
	{ "trace-ascii", "<file>", "Like --trace, but without hex output",
	    HC_VERBOSE },
	{ "trace-json", "<file>",
	    "Write a debug trace as JSON lines (hget only)", HC_VERBOSE },
	{ "trace-secrets", "",
	    "Show credentials in verbose output (hget only)",
	    HC_AUTH | HC_VERBOSE },
	{ "trace-time", "", "Add time stamps to trace/verbose output",
	    HC_VERBOSE },
	{ "upload-file", "<file>", "Transfer local FILE to destination",
	    HC_UPLOAD },
	{ "url", "<url>", "URL to work with", HC_CURL },
	{ "url-query", "<data>", "Add a URL query part", HC_DATA },
	{ "user", "<user:password>", "Server user and password", HC_AUTH },
	{ "user-agent", "<name>", "Send User-Agent <name> to server", HC_HTTP },
	{ "verbose", "", "Make the operation more talkative", HC_VERBOSE },
	{ "version", "", "Show version number and quit", HC_CURL },
	{ "write-out", "<format>", "Use output FORMAT after completion",
	    HC_VERBOSE },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* "curl --help all" pads the option column to 24; longer ones push. */
#define HELP_WIDTH	24

/*
 * The short letter of the option a row shows: its own name's in the
 * option table, or for "no-NAME" (shown so by curl) NAME's.  -1 when
 * hget has neither.
 */
static int
help_letter(const char *shown)
{
	const char	*name;
	size_t		 i;
	int		 letter;

	for (i = 0; (name = opts_name(i, &letter)) != NULL; i++)
		if (strcmp(name, shown) == 0 ||
		    (strncmp(shown, "no-", 3) == 0 &&
		    strcmp(name, shown + 3) == 0))
			return letter;
	return -1;
}

/* Every option whose categories meet mask, in the order shown. */
static void
help_options(FILE *fp, unsigned mask, int width)
{
	const struct help_row	*r;
	const char		*name;
	char			 opt[80];
	size_t			 i;
	int			 letter;

	for (i = 0; i < NELEM(help_rows); i++) {
		r = &help_rows[i];
		name = r->name;
		if ((r->cats & mask) == 0 || (letter = help_letter(name)) == -1)
			continue;
		if (letter != 0)
			(void)snprintf(opt, sizeof(opt), "-%c, --%s%s%s",
			    letter, name, *r->arg ? " " : "", r->arg);
		else
			(void)snprintf(opt, sizeof(opt), "    --%s%s%s",
			    name, *r->arg ? " " : "", r->arg);
		fprintf(fp, " %-*s %s\n", width, opt, r->desc);
	}
}

static void
help_categories(FILE *fp)
{
	size_t	 i;

	for (i = 0; i < NELEM(help_cats); i++)
		fprintf(fp, " %-11s %s\n", help_cats[i].name,
		    help_cats[i].desc);
}

const char *
help_describe(const char *name)
{
	size_t	 i;

	for (i = 0; i < NELEM(help_rows); i++)
		if (strcmp(help_rows[i].name, name) == 0 ||
		    (strncmp(help_rows[i].name, "no-", 3) == 0 &&
		    strcmp(help_rows[i].name + 3, name) == 0))
			return help_rows[i].desc;
	return NULL;
}

void
help_usage(FILE *fp, const char *category)
{
	size_t	 i;

	fputs("Usage: hget [options...] <url>\n", fp);
	/* curl's bare --help shows a short list; hget's whole list is short */
	if (category == NULL || strcasecmp(category, "all") == 0) {
		help_options(fp, ~0U, HELP_WIDTH);
		return;
	}
	if (strcasecmp(category, "category") == 0) {
		help_categories(fp);
		return;
	}
	for (i = 0; i < NELEM(help_cats); i++)
		if (strcasecmp(category, help_cats[i].name) == 0) {
			fprintf(fp, "%s: %s\n", help_cats[i].name,
			    help_cats[i].desc);
			help_options(fp, help_cats[i].bit,
			    help_cats[i].width);
			return;
		}
	fputs("Invalid category provided, here is a list of all "
	    "categories:\n\n", fp);
	help_categories(fp);
}

/* The GNU triplet curl prints, from what the compiler targets. */
#if defined(__x86_64__)
#define HELP_CPU	"x86_64-pc"
#elif defined(__i386__)
#define HELP_CPU	"i686-pc"
#elif defined(__aarch64__)
#define HELP_CPU	"aarch64-unknown"
#elif defined(__arm__)
#define HELP_CPU	"arm-unknown"
#else
#define HELP_CPU	"unknown-unknown"
#endif

#if defined(__linux__) && defined(__GLIBC__)
#define HELP_OS		"linux-gnu"
#elif defined(__linux__)
#define HELP_OS		"linux-musl"
#else
#define HELP_OS		"unknown"
#endif

#define HELP_STR(x)	HELP_STR2(x)
#define HELP_STR2(x)	#x

/*
 * libbsd and libtls have no version macro (libtls has its API date):
 * the Makefile may pass the pkg-config versions in.
 */
#ifdef HGET_LIBBSD_VERSION
#define HELP_LIBBSD	"libbsd/" HGET_LIBBSD_VERSION
#else
#define HELP_LIBBSD	"libbsd"
#endif
#ifdef HGET_LIBTLS_VERSION
#define HELP_LIBTLS	"libtls/" HGET_LIBTLS_VERSION
#else
#define HELP_LIBTLS	"libtls/api-" HELP_STR(TLS_API)
#endif

void
help_version(FILE *fp)
{
	uint32_t	 br = BrotliDecoderVersion();

	/* the versions of the libraries running, as curl reports them */
	fprintf(fp, "hget %s (%s-%s) %s %s zlib/%s brotli/%u.%u.%u zstd/%s\n",
	    HGET_VERSION, HELP_CPU, HELP_OS, HELP_LIBBSD, HELP_LIBTLS,
	    zlibVersion(), (unsigned)(br >> 24), (unsigned)(br >> 12 & 0xfff),
	    (unsigned)(br & 0xfff), ZSTD_versionString());
	fputs("Protocols: http https\n", fp);
	/* curl's names for what hget has, in curl's (case-blind
	 * alphabetical) order */
	fprintf(fp, "Features: brotli IPv6%s libz SSL zstd\n",
	    sizeof(off_t) >= 8 ? " Largefile" : "");
}
