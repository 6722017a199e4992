/* src/hget.h: the client core's interface, the one header cmd/ includes */
#ifndef HGET_H
#define HGET_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "cookie.h"
#include "herr.h"
#include "limits.h"

#ifndef HGET_VERSION
#define HGET_VERSION "0.0.0"
#endif

/*
 * What a transfer says about itself: the last of -v, --trace,
 * --trace-ascii and --trace-json on the command line wins (curl's rule).
 */
enum hg_trace {
	HG_TRACE_NONE,
	HG_TRACE_PLAIN,		/* -v: "* ", "> ", "< " lines on stderr */
	HG_TRACE_HEX,		/* --trace: hex and ASCII rows */
	HG_TRACE_ASCII,		/* --trace-ascii: the rows without hex */
	HG_TRACE_JSON		/* --trace-json: one object per event */
};

enum hg_fail_mode {
	HG_FAIL_NONE,		/* an HTTP error status is still a success */
	HG_FAIL,		/* -f: >= 400 exits 22, body not written */
	HG_FAIL_WITH_BODY	/* --fail-with-body: exits 22, body written */
};

/*
 * One piece of a request body.  cmd/ opens every file before anything is
 * sent (a local error never follows a request) and hands the core
 * descriptors: regular files and spooled stdin have a known size and are
 * read with pread(2), so a body can be sent again after a 307; a stream
 * (-T - from a pipe) has size -1, is sent chunked and only once.
 */
struct hg_seg {
	const char	*mem;		/* bytes in memory, when fd == -1 */
	size_t		 len;
	int		 fd;		/* -1: mem; else read from here */
	int64_t		 size;		/* bytes to read from fd; -1: to EOF */
};

/* One transfer, as cmd/plan.c builds it from the options. */
struct hg_request {
	const char	 *url;		/* as the user wrote it */

	/* what is sent */
	const char	 *method;	/* -X: replaces the verb only; NULL = default */
	int		  nobody;	/* -I: HEAD, no body read */
	int		  http10;	/* --http1.0 */
	int		  http09;	/* --http0.9: accept a reply without a status line */
	const char	 *user_agent;	/* -A; NULL = "hget/VERSION", "" = none */
	const char	 *referer;	/* -e; NULL = none */
	const char *const *headers;	/* -H lines, @file already expanded */
	size_t		  nheaders;

	/* the body, in pieces; has_body with no pieces is an empty body
	 * (-d '' still makes a POST with Content-Length: 0) */
	int		  has_body;
	const struct hg_seg *body;
	size_t		  nbody;
	/* a default Content-Type for the body (-H can replace or remove it):
	 * form-urlencoded for -d, application/json for --json, multipart
	 * with its boundary for -F; NULL = none (-T) */
	const char	 *content_type;
	int		  json;		/* --json: also Accept: application/json */
	int		  upload;	/* -T: PUT, Expect as curl does for uploads */
	int64_t		  expect100_ms;	/* wait for 100 Continue; 0 = 1000 */

	/* redirects */
	int		  follow;	/* -L */
	long		  max_redirs;	/* -1 unlimited */
	int		  post301, post302, post303;
	int		  location_trusted; /* credentials follow to other hosts */

	/* credentials, for the URL's origin only */
	const char	 *user;		/* -u "user:password" (prompted already) */
	const char	 *bearer;	/* --oauth2-bearer */
	const char	 *netrc_file;	/* NULL = no netrc lookup */
	int		  netrc_required; /* --netrc-file: a missing file fails */
	int		  netrc_optional; /* --netrc-optional: the URL's password
					   wins over netrc's */
	int		  trace_secrets; /* -v shows Authorization values */

	/* TLS (https:// and CONNECT tunnels to them) */
	int		  insecure;	/* -k: no chain or name verification */
	const char	 *cacert;	/* --cacert (or CURL_CA_BUNDLE, SSL_CERT_FILE);
					   NULL = the system bundle */
	const char	 *capath;	/* --capath (or SSL_CERT_DIR) */
	const char	 *cert;		/* -E client certificate file */
	const char	 *cert_password; /* -E FILE:password */
	const char	 *key;		/* --key; NULL = in the -E file */
	int		  tls_min;	/* 12 or 13 (--tlsv1.2, --tlsv1.3); 0 = 1.2 */
	int		  tls_max;	/* --tls-max: 12 or 13; 0 = none */
	const char	 *ciphers;	/* --ciphers, OpenSSL's list syntax */
	const char	 *pinned;	/* --pinnedpubkey "sha256//B64[;...]" */

	/* proxies: -x wins over the environment, --noproxy over no_proxy */
	const char	 *proxy;	/* -x URL; "" = none, whatever the env says */
	const char	 *proxy_user;	/* -U "user:password" (Basic) */
	int		  proxytunnel;	/* -p: CONNECT also for http:// */
	const char	 *noproxy;	/* --noproxy, else no_proxy / NO_PROXY */
	const char	 *env_http_proxy;  /* http_proxy (never HTTP_PROXY) */
	const char	 *env_https_proxy; /* https_proxy, HTTPS_PROXY */
	const char	 *env_all_proxy;   /* all_proxy, ALL_PROXY */

	/* where names go: --resolve HOST:PORT:ADDR, --connect-to
	 * HOST:PORT:HOST2:PORT2 (curl's syntax, empty parts = any) */
	const char *const *resolve;
	size_t		  nresolve;
	const char *const *connect_to;
	size_t		  nconnect_to;

	/* how to connect */
	int		  ipresolve;	/* 0 any, 4 or 6 */
	int64_t		  connect_timeout_ms; /* 0 = curl's default, 300 s */
	int64_t		  max_time_ms;	/* 0 = no limit; one deadline per transfer */

	/* where the response goes */
	const char	 *output;	/* -o FILE; NULL or "-" = stdout */
	int		  remote_name;	/* -O: name from the URL's last segment */
	const char	 *output_dir;	/* --output-dir */
	int		  create_dirs;	/* --create-dirs */
	int		  terminal_ok;	/* -o -: binary to a terminal is wanted */
	int		  include;	/* -i: head written before the body */
	const char	 *dump_header;	/* -D FILE or "-" */
	int		  dump_append;	/* an earlier URL of this run wrote it */
	enum hg_fail_mode fail;

	int		  remote_header_name; /* -J: -O's name from
					   Content-Disposition, never replacing
					   a file */
	int		  no_clobber;	/* --no-clobber: name.1, name.2, ... */
	int		  remove_on_error; /* --remove-on-error (a resumed file) */

	/* content codings */
	int		  compressed;	/* --compressed: Accept-Encoding, decode */
	int		  tr_encoding;	/* --tr-encoding: TE: gzip, decode */
	uint64_t	  max_decoded;	/* --max-decoded-size; 0 = no cap */
	uint64_t	  max_filesize;	/* --max-filesize; 0 = no cap */

	/* ranges and resume */
	int64_t		  resume_from;	/* -C N: Range: bytes=N-; 0 = none */
	int		  resume_auto;	/* -C -: N is the output file's size */
	const char	 *range;	/* -r, as given ("0-499", "-500", ...) */

	/* conditions and metadata */
	int		  timecond;	/* -z: 1 If-Modified-Since,
					   -1 If-Unmodified-Since, 0 none */
	int64_t		  timecond_time; /* seconds since the epoch */
	int		  remote_time;	/* -R: mtime from Last-Modified */
	const char	 *etag_match;	/* --etag-compare's ETag; NULL = none */

	/* cookies: the engine is on when jar is set (-b FILE, -c) */
	struct cookie_jar *cookies;	/* owned by cmd/, shared by all URLs */
	const char	 *cookie_literal; /* -b "n=v; n2=v2", sent as is */

	/* retries (curl's --retry family) */
	long		  retries;	/* --retry N; 0 = none */
	int64_t		  retry_delay_ms; /* --retry-delay; 0 = backoff */
	int64_t		  retry_max_time_ms; /* --retry-max-time; 0 = none */
	int		  retry_connrefused;
	int		  retry_all_errors;

	/* pace: --limit-rate, bytes per second each way; 0 = none */
	uint64_t	  limit_rate;

	/* tracing: -v is HG_TRACE_PLAIN (on stderr) */
	int		  trace_time;	/* --trace-time */
	enum hg_trace	  trace;
	FILE		 *trace_fp;	/* the dump's file; cmd/ opened it */
	int64_t		  trace_t0;	/* clock_us() at start: JSON t_us */
	int		  color;	/* -v in colour (stderr a terminal) */
	int		  color_out;	/* -i/-I head names bold on a tty */

	/*
	 * Warnings the core has for the user (a retry, an unknown coding, a
	 * cookie file line): cmd/ prints them as curl does ("Warning: ...").
	 * NULL = none shown.
	 */
	void		(*warning)(void *arg, const char *msg);
	void		 *report_arg;
	/* an attempt failed and --retry will make another: cmd/ reports it
	 * as it reports a failure, before the warning (curl's order) */
	void		(*attempt_failed)(void *arg, const struct hg_err *);
	/*
	 * The final response's body as it arrives (cmd/'s meter): called
	 * after every read or splice with the bytes so far and the total
	 * (-1 unknown), both counted from a resumed file's start, and every
	 * progress_tick_ms while no byte comes (0: only as bytes come).  It
	 * runs on the body path: it must be cheap.  NULL = none.
	 */
	void		(*progress)(void *arg, uint64_t got, int64_t total);
	void		 *progress_arg;
	int64_t		  progress_tick_ms;
};

/*
 * When each phase of one hop ended: clock_us() stamps, 0 = not reached.
 * A hop is one request and its response: the transfer's first, each
 * redirect followed, a request repeated without Expect.  Phases run in
 * this order; a reused connection has DNS and TCP (and TLS, when it
 * carries TLS) stamped as it is picked.
 */
enum hg_stamp {
	HG_T_START,		/* the hop began */
	HG_T_DNS,		/* the name resolved */
	HG_T_TCP,		/* TCP connected */
	HG_T_READY,		/* ready for the request: a proxy's CONNECT and
				   the TLS handshake (curl's appconnect) done */
	HG_T_PRE,		/* the request about to go (curl's pretransfer) */
	HG_T_SENT,		/* the request and its body sent */
	HG_T_FIRST,		/* the first response byte (a 100's too) */
	HG_T_REPLY,		/* the first response byte after SENT */
	HG_T_END,		/* the hop over: its body read, or failed */
	HG_T__COUNT
};

struct hg_hop {
	int64_t		 t[HG_T__COUNT];
	int		 status;	/* its final status; 0 = none */
	int		 reused;	/* a kept-alive connection */
	int		 failed;	/* the transfer failed in this hop */
	int		 tls;		/* TLS to the origin */
	size_t		 url;		/* offset in hg_result.hop_urls */
};

/* What a transfer measured, for -w and the exit code. */
struct hg_result {
	int		 http_code;	/* last final status, 0 = none arrived */
	int		 http_connect;	/* a proxy's answer to CONNECT; 0 = none */
	int		 http_version;	/* 10, 11; 0 = none */
	uint64_t	 size_download;	/* body bytes delivered */
	uint64_t	 size_header;	/* head bytes received, all responses */
	uint64_t	 size_request;	/* request bytes sent */
	uint64_t	 size_upload;	/* request body bytes sent */
	double		 time_namelookup;	/* seconds since the start */
	double		 time_connect;
	double		 time_pretransfer;
	double		 time_posttransfer; /* the request's body sent too */
	double		 time_starttransfer;
	double		 time_total;
	double		 time_redirect;	/* spent on hops before the last */
	double		 time_appconnect; /* TLS handshake done; 0 = none */
	long		 ssl_verify_result; /* 0 = verified (or no TLS) */
	int		 num_connects;	/* new connections this transfer made */
	int		 num_redirects;
	struct buf	 redirect_url;	/* Location not followed; "" = none */
	char		 method[32];	/* the last request's verb */
	char		 remote_ip[64];	/* "" when never connected */
	unsigned	 remote_port;
	char		 local_ip[64];
	unsigned	 local_port;
	struct buf	 url_effective;	/* NUL-terminated */
	struct buf	 head;		/* raw bytes of the last final head */
	char		 content_type[256]; /* unfolded; "" when absent */
	/*
	 * Every hop's phases (--timing, %{timing}); past HG_MAX_HOPS the
	 * last entry takes the rest in (hops_merged counts them).  The
	 * time_* fields above are computed from them as curl does.
	 */
	struct hg_hop	 hops[HG_MAX_HOPS];
	int		 nhops;
	int		 hops_merged;
	int64_t		 hop_start;	/* the current hop's, for time_* */
	struct buf	 hop_urls;	/* each hop's URL, NUL-terminated */
};

void		 hg_result_init(struct hg_result *);
void		 hg_result_free(struct hg_result *);

/*
 * The raw value of the last head's field name (first occurrence, obs-fold
 * unfolded) copied into dst; 0 when found, -1 when absent.
 */
int		 hg_result_header(const struct hg_result *, const char *name,
		    char *dst, size_t dstlen);

/* Connections kept alive from one transfer to the next. */
struct hg_session;

struct hg_session *hg_session_new(void);

/*
 * Write a whole file atomically (a temp sibling, renamed into place), as
 * -c's cookie jar and --etag-save are written.  The old file stays when
 * anything fails.
 */
enum herr	 hg_save_file(const char *path, const void *, size_t,
		    struct hg_err *);
void		 hg_session_free(struct hg_session *);

/*
 * Run one transfer.  Returns HERR_OK or the failure, with its one-line
 * detail in e; r is filled in either case (it is what -w reports).
 */
enum herr	 hg_run(struct hg_session *, const struct hg_request *,
		    struct hg_result *, struct hg_err *);

/*
 * For a signal handler that is about to end the process: remove the
 * temporary file of the transfer in progress.  Async-signal-safe.
 */
void		 hg_signal_cleanup(void);

#endif
