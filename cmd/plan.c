/* cmd/plan.c: the only file that knows both the options and the core */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <readpassphrase.h>

#include "buf.h"
#include "cookie.h"
#include "date.h"
#include "limits.h"
#include "plan.h"

/* Keep a string read from a file; plan_free releases it. */
static int
plan_own(struct plan *p, char *s)
{
	char	**n;

	if ((n = reallocarray(p->owned, p->nowned + 1, sizeof(*n))) == NULL)
		return -1;
	p->owned = n;
	p->owned[p->nowned++] = s;
	return 0;
}

static int
plan_add_header(struct plan *p, const char *h)
{
	const char	**n;

	n = reallocarray(p->headers, p->nheaders + 1, sizeof(*n));
	if (n == NULL)
		return -1;
	p->headers = n;
	p->headers[p->nheaders++] = h;
	return 0;
}

/*
 * The rest of an open file into a NUL-terminated string of *len bytes
 * (it may hold NULs of its own), at most cap of them; fp is closed
 * unless it is stdin.
 */
static char *
plan_read(FILE *fp, const char *path, size_t cap, size_t *len,
    struct hg_err *e)
{
	struct buf	 b;
	char		 chunk[8192];
	size_t		 n;

	buf_init(&b, cap + 1);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (n > cap - b.len) {
			hg_fail(e, HERR_READ_ERROR,
			    "%s is larger than %zu bytes", path, cap);
			goto fail;
		}
		if (buf_add(&b, chunk, n) == -1)
			goto nomem;
	}
	if (ferror(fp)) {
		hg_fail(e, HERR_READ_ERROR, "Failed to read %s: %s", path,
		    strerror(errno));
		goto fail;
	}
	if (buf_addc(&b, '\0') == -1)
		goto nomem;
	*len = b.len - 1;
	if (fp != stdin)
		(void)fclose(fp);
	return b.data;
nomem:
	hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
fail:
	buf_free(&b);
	if (fp != stdin)
		(void)fclose(fp);
	return NULL;
}

/* A whole file (or stdin for "-") into a NUL-terminated string. */
static char *
plan_slurp(const char *path, size_t cap, struct hg_err *e)
{
	FILE	*fp;
	size_t	 len;

	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (fp == NULL) {
		hg_fail(e, HERR_READ_ERROR, "Failed to open %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	return plan_read(fp, path, cap, &len, e);
}

/*
 * "-H @file": one header per line.  Every CR and every LF ends a line, as
 * curl reads it, so no line can carry a line break onto the wire; empty
 * lines are skipped.
 */
static enum plan_rc
plan_header_file(struct plan *p, const char *path, struct hg_err *e)
{
	char	*s, *line;
	size_t	 n;

	if ((s = plan_slurp(path, HG_MAX_HEADER_FILE, e)) == NULL)
		return PLAN_FAIL;
	if (plan_own(p, s) == -1) {
		free(s);
		goto nomem;
	}
	for (line = s; *line != '\0'; line += n) {
		n = strcspn(line, "\r\n");
		if (line[n] != '\0')
			line[n++] = '\0';
		if (*line != '\0' && plan_add_header(p, line) == -1)
			goto nomem;
	}
	return PLAN_OK;
nomem:
	hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	return PLAN_FAIL;
}

/* A CR or LF in a value would end the line on the wire: refuse it. */
static enum plan_rc
plan_check_line(const char *opt, const char *v, struct hg_err *e)
{
	if (v == NULL || strpbrk(v, "\r\n") == NULL)
		return PLAN_OK;
	hg_fail(e, HERR_FAILED_INIT, "option %s: the value holds a CR or LF, "
	    "which would split the request", opt);
	return PLAN_USAGE;
}

/*
 * "-w @file" as curl reads it: each line ends at its first CR or LF and
 * the lines are joined; a newline in the output comes from "\n".
 */
static void
plan_join_lines(char *s)
{
	char	*out = s;
	size_t	 n;

	while (*s != '\0') {
		n = strcspn(s, "\r\n");
		memmove(out, s, n);
		out += n;
		s += n;
		s += strcspn(s, "\n");		/* the rest of a line after CR */
		if (*s == '\n')
			s++;
	}
	*out = '\0';
}

static enum plan_rc
plan_headers(const struct opts *o, struct plan *p, struct hg_err *e)
{
	enum plan_rc	 rc;
	size_t		 i;

	for (i = 0; i < o->nheaders; i++) {
		if (o->headers[i][0] == '@') {
			if ((rc = plan_header_file(p, o->headers[i] + 1, e)) !=
			    PLAN_OK)
				return rc;
			continue;
		}
		if ((rc = plan_check_line("-H", o->headers[i], e)) != PLAN_OK)
			return rc;
		if (plan_add_header(p, o->headers[i]) == -1) {
			hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
			return PLAN_FAIL;
		}
	}
	return PLAN_OK;
}

/*
 * "user" without a password (-u, -U): ask for it on the terminal, echo
 * off, with curl's prompt (readpassphrase falls back to stdin without a
 * tty).  *out gets "user:password", owned by the plan.
 */
static enum plan_rc
plan_password(struct plan *p, const char *user, const char *what,
    const char **out, struct hg_err *e)
{
	char	 pass[HG_MAX_CRED], prompt[256];
	char	*s;
	int	 tty;

	*out = user;
	if (user == NULL || strchr(user, ':') != NULL)
		return PLAN_OK;
	(void)snprintf(prompt, sizeof(prompt),
	    "Enter %s password for user '%s':", what, user);
	if (readpassphrase(prompt, pass, sizeof(pass), RPP_ECHO_OFF) == NULL)
		pass[0] = '\0';
	/* without a terminal the prompt went to stderr, with no line end */
	if ((tty = open("/dev/tty", O_RDWR | O_CLOEXEC)) == -1)
		fputc('\n', stderr);
	else
		(void)close(tty);
	s = buf_fmt("%s:%s", user, pass);
	explicit_bzero(pass, sizeof(pass));
	if (s == NULL || plan_own(p, s) == -1) {
		free(s);
		hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
		return PLAN_FAIL;
	}
	*out = s;
	return PLAN_OK;
}

static enum plan_rc
plan_user(const struct opts *o, struct plan *p, struct hg_err *e)
{
	enum plan_rc	 rc;

	/* RFC 7617 §2: no control characters in a user-id or password */
	if (o->user != NULL && strpbrk(o->user, "\r\n") != NULL) {
		hg_fail(e, HERR_FAILED_INIT, "option -u: the credentials hold a "
		    "CR or LF, which RFC 7617 does not allow");
		return PLAN_USAGE;
	}
	if ((rc = plan_password(p, o->user, "host", &p->user, e)) != PLAN_OK)
		return rc;
	return plan_password(p, o->proxy_user, "proxy", &p->proxy_user, e);
}

/* --netrc-file FILE, or -n/--netrc-optional: ~/.netrc as curl finds it. */
static enum plan_rc
plan_netrc(const struct opts *o, struct plan *p, struct hg_err *e)
{
	const char	*home;
	char		*s;

	if (o->netrc_file != NULL) {
		p->netrc_file = o->netrc_file;
		return PLAN_OK;
	}
	if (!o->netrc && !o->netrc_optional)
		return PLAN_OK;
	if ((home = getenv("HOME")) == NULL || *home == '\0')
		return PLAN_OK;
	if ((s = buf_fmt("%s/.netrc", home)) == NULL || plan_own(p, s) == -1) {
		free(s);
		hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
		return PLAN_FAIL;
	}
	p->netrc_file = s;
	return PLAN_OK;
}

static void
plan_note(struct plan *p, char *line)
{
	char	**n;

	if (line == NULL)
		return;
	if ((n = reallocarray(p->notes, p->nnotes + 1, sizeof(*n))) == NULL) {
		free(line);
		return;
	}
	p->notes = n;
	p->notes[p->nnotes++] = line;
}

/* The verb curl infers for a request, to tell whether -X was needed. */
static const char *
req_verb(const struct hg_request *r)
{
	if (r->nobody)
		return "HEAD";
	if (r->upload)
		return "PUT";
	return r->has_body ? "POST" : "GET";
}

/*
 * What curl says about -X (and what it does not): -X HEAD waits for a
 * body that never comes in curl; -X is kept on every redirect, even where
 * the method would change.
 */
static void
plan_notes(const struct opts *o, struct plan *p, const char *inferred)
{
	if (o->request == NULL || o->silent)
		return;
	if (o->verbose && strcmp(o->request, inferred) == 0)
		plan_note(p, buf_fmt("Note: Unnecessary use of -X or "
		    "--request, %s is already inferred.", inferred));
	if (strcmp(o->request, "HEAD") == 0)
		plan_note(p, buf_fmt("Warning: Setting custom HTTP method to "
		    "HEAD with -X/--request may not work the way you want. "
		    "Consider using -I/--head instead."));
	if (o->location || o->location_trusted)
		plan_note(p, buf_fmt("Note: -X/--request sends %s on every "
		    "redirect too, also after a 301, 302 or 303, where a POST "
		    "would become a GET (the body is dropped there all the "
		    "same): leave -X out to let the method follow the "
		    "redirect", o->request));
}

static enum plan_rc
plan_own_url(struct plan *p, struct hg_request *r, char *url,
    struct hg_err *e)
{
	if (url == NULL || plan_own(p, url) == -1) {
		free(url);
		hg_fail(e, HERR_TOO_LARGE, "URL too long (or out of memory)");
		return PLAN_FAIL;
	}
	r->url = url;
	return PLAN_OK;
}

/*
 * The body of URL i: its -T file (PUT, the file's name appended to a URL
 * ending in '/'), or the -d/-F/--json body every URL shares; -G and
 * --url-query data in the query.
 */
static enum plan_rc
plan_body(const struct opts *o, struct plan *p, size_t i,
    struct hg_request *r, struct hg_err *e)
{
	const char	*up = o->urls[i].upload;

	if (p->body.query != NULL && plan_own_url(p, r,
	    body_add_query(r->url, p->body.query), e) != PLAN_OK)
		return PLAN_FAIL;
	if (up == NULL) {
		/* -G moves the data into the query: no body then */
		r->has_body = (o->ndata > 0 || o->nforms > 0) && !o->get;
		r->body = p->body.segs;
		r->nbody = p->body.nsegs;
		r->content_type = p->body.content_type;
		r->json = p->body.json;
		return PLAN_OK;
	}
	if (body_upload(up, &p->uploads[i], e) != HERR_OK)
		return PLAN_FAIL;
	r->has_body = 1;
	r->body = &p->uploads[i];
	r->nbody = 1;
	r->upload = 1;
	return plan_own_url(p, r, body_upload_url(r->url, up), e);
}

/* The -H lines as sent: -F's Content-Type folded in, --json's added. */
static enum plan_rc
plan_body_headers(struct plan *p, struct hg_err *e)
{
	size_t	 i, n = 0;

	if (p->body.drop_content_type) {
		for (i = 0; i < p->nheaders; i++)
			if (!body_header_dropped(&p->body, p->headers[i]))
				p->headers[n++] = p->headers[i];
		p->nheaders = n;
	}
	for (i = 0; i < p->body.nextra_headers; i++)
		if (plan_add_header(p, p->body.extra_headers[i]) == -1) {
			hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
			return PLAN_FAIL;
		}
	return PLAN_OK;
}

/* curl's notes and the body's, and the uploads' room. */
static enum plan_rc
plan_bodies(const struct opts *o, struct plan *p, struct hg_err *e)
{
	size_t	 i;

	switch (body_build(o, p->headers, p->nheaders, &p->body, e)) {
	case BODY_OK:
		break;
	case BODY_USAGE:
		return PLAN_USAGE;
	case BODY_FAIL:
		return PLAN_FAIL;
	}
	for (i = 0; i < p->body.nnotes && !o->silent; i++)
		plan_note(p, strdup(p->body.notes[i]));
	if (o->nurls > 0 && (p->uploads = calloc(o->nurls,
	    sizeof(*p->uploads))) == NULL) {
		hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
		return PLAN_FAIL;
	}
	for (i = 0; i < o->nurls; i++)
		p->uploads[i].fd = -1;
	return plan_body_headers(p, e);
}

/* The first of the environment variables that is set and not empty. */
static const char *
plan_env(const char *a, const char *b)
{
	const char	*v;

	if ((v = getenv(a)) != NULL && *v != '\0')
		return v;
	if (b != NULL && (v = getenv(b)) != NULL && *v != '\0')
		return v;
	return NULL;
}

/* TLS options; the CA from the environment as curl reads it. */
static void
plan_tls(const struct opts *o, struct hg_request *r)
{
	r->insecure = o->insecure;
	r->cacert = o->cacert;
	r->capath = o->capath;
	/* no --cacert/--capath: the first of the variables curl reads */
	if (r->cacert == NULL && r->capath == NULL &&
	    (r->cacert = plan_env("CURL_CA_BUNDLE", NULL)) == NULL &&
	    (r->capath = plan_env("SSL_CERT_DIR", NULL)) == NULL)
		r->cacert = plan_env("SSL_CERT_FILE", NULL);
	r->cert = o->cert != NULL && *o->cert != '\0' ? o->cert : NULL;
	r->cert_password = o->cert_password;
	r->key = o->key;
	r->tls_min = o->tls_min;
	r->tls_max = o->tls_max;
	r->ciphers = o->ciphers;
	r->pinned = o->pinnedpubkey;
}

/*
 * Proxies: -x wins over the environment; http_proxy in lower case only
 * (HTTP_PROXY can be set by a CGI request's Proxy: header), https_proxy
 * and all_proxy in either case; --noproxy over no_proxy over NO_PROXY.
 */
static void
plan_proxy(const struct opts *o, const struct plan *p, struct hg_request *r)
{
	r->proxy = o->proxy;
	r->proxy_user = p->proxy_user;
	r->proxytunnel = o->proxytunnel;
	r->noproxy = o->noproxy != NULL ? o->noproxy :
	    plan_env("no_proxy", "NO_PROXY");
	r->env_http_proxy = plan_env("http_proxy", NULL);
	r->env_https_proxy = plan_env("https_proxy", "HTTPS_PROXY");
	r->env_all_proxy = plan_env("all_proxy", "ALL_PROXY");
}

/*
 * -z "=DATE": curl 7.88 sends "Last-Modified: DATE" in the request, in
 * the place of its other time conditions, which is before the -H lines:
 * it goes first among them.
 */
static enum plan_rc
plan_lastmod(const struct opts *o, struct plan *p, struct hg_err *e)
{
	char	 d[DATE_LEN];
	char	*s;

	if (o->timecond != OPTS_TC_LASTMOD)
		return PLAN_OK;
	date_format(o->timecond_time, d);
	if ((s = buf_fmt("Last-Modified: %s", d)) == NULL ||
	    plan_own(p, s) == -1) {
		free(s);
		goto nomem;
	}
	if (plan_add_header(p, s) == -1)
		goto nomem;
	return PLAN_OK;
nomem:
	hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	return PLAN_FAIL;
}

/*
 * --etag-compare FILE, as curl 7.88 reads it (measured): the lines
 * joined without their line ends; an empty file, or a missing one when
 * --etag-save is given too (the first run of the usual pair), sends
 * 'If-None-Match: ""'; a value that is all line ends sends none, as
 * curl's empty custom field does.  Missing without --etag-save: exit 26.
 */
static enum plan_rc
plan_etag(const struct opts *o, struct plan *p, struct hg_err *e)
{
	const char	*path = o->etag_compare;
	FILE		*fp;
	char		*s;
	size_t		 len;

	if (path == NULL)
		return PLAN_OK;
	if ((fp = fopen(path, "r")) == NULL) {
		if (o->etag_save == NULL) {
			hg_fail(e, HERR_READ_ERROR, "Failed to open %s: %s",
			    path, strerror(errno));
			return PLAN_FAIL;
		}
		p->etag_match = "\"\"";
		return PLAN_OK;
	}
	if ((s = plan_read(fp, path, HG_MAX_HEADER_FILE, &len, e)) == NULL)
		return PLAN_FAIL;
	if (plan_own(p, s) == -1) {
		free(s);
		hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
		return PLAN_FAIL;
	}
	if (len == 0) {
		p->etag_match = "\"\"";
		return PLAN_OK;
	}
	plan_join_lines(s);
	if (strlen(s) > HG_MAX_ETAG) {
		hg_fail(e, HERR_READ_ERROR, "The ETag in %s is longer than %d "
		    "bytes", path, HG_MAX_ETAG);
		return PLAN_FAIL;
	}
	p->etag_match = *s != '\0' ? s : NULL;
	return PLAN_OK;
}

/*
 * One -b FILE into the jar.  curl reads what it can and says nothing
 * about a file it cannot open ("-b nofile" is the usual way to turn
 * the engine on); a file over the cap is an error, not a silent
 * half-load that -c would then write back as the whole jar.
 */
static enum plan_rc
plan_cookie_file(const struct opts *o, struct plan *p, const char *path,
    const struct plan_report *rep, struct hg_err *e)
{
	FILE		*fp;
	char		*s;
	size_t		 len;
	enum herr	 rc;

	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (fp == NULL)
		return PLAN_OK;
	if ((s = plan_read(fp, path, HG_MAX_COOKIE_FILE, &len, e)) == NULL)
		return PLAN_FAIL;
	rc = cookie_load(p->jar, s, len, (int64_t)time(NULL), o->junk_session,
	    o->silent ? NULL : rep->warn, rep->arg, e);
	free(s);
	return rc == HERR_OK ? PLAN_OK : PLAN_FAIL;
}

/* The run's one jar: -b FILE or -c turn the cookie engine on. */
static enum plan_rc
plan_cookies(const struct opts *o, struct plan *p,
    const struct plan_report *rep, struct hg_err *e)
{
	size_t	 i;

	if (o->ncookie_files == 0 && o->cookie_jar == NULL)
		return PLAN_OK;
	if ((p->jar = cookie_jar_new()) == NULL) {
		hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
		return PLAN_FAIL;
	}
	for (i = 0; i < o->ncookie_files; i++)
		if (plan_cookie_file(o, p, o->cookie_files[i], rep, e) !=
		    PLAN_OK)
			return PLAN_FAIL;
	return PLAN_OK;
}

/* -z: curl's "=DATE" went into the headers (plan_lastmod) */
static void
plan_timecond(const struct opts *o, struct hg_request *r)
{
	switch (o->timecond) {
	case OPTS_TC_MODSINCE:
		r->timecond = 1;
		break;
	case OPTS_TC_UNMODSINCE:
		r->timecond = -1;
		break;
	case OPTS_TC_NONE:
	case OPTS_TC_LASTMOD:
		r->timecond = 0;
		break;
	}
	r->timecond_time = r->timecond != 0 ? o->timecond_time : 0;
}

/* Output files, codings, resume and ranges, conditions, cookies, pace. */
static void
plan_download(const struct opts *o, const struct plan *p,
    const struct plan_report *rep, struct hg_request *r)
{
	/* curl: -J only names an -O file; -o and stdout ignore it */
	r->remote_header_name = o->remote_header_name && r->remote_name;
	r->no_clobber = !o->clobber;
	r->remove_on_error = o->remove_on_error;
	r->compressed = o->compressed;
	r->tr_encoding = o->tr_encoding;
	r->max_decoded = o->max_decoded;
	r->max_filesize = o->max_filesize;
	r->resume_from = o->resume_from;
	r->resume_auto = o->resume_auto;
	r->range = o->range;
	plan_timecond(o, r);
	r->remote_time = o->remote_time;
	r->etag_match = p->etag_match;
	r->cookies = p->jar;
	r->cookie_literal = o->cookie_literal;
	r->retries = o->retry;
	r->retry_delay_ms = o->retry_delay_ms;
	r->retry_max_time_ms = o->retry_max_time_ms;
	r->retry_connrefused = o->retry_connrefused;
	r->retry_all_errors = o->retry_all_errors;
	r->limit_rate = o->limit_rate;
	r->warning = o->silent ? NULL : rep->warn;
	r->attempt_failed = rep->attempt_failed;
	r->report_arg = rep->arg;
}

/* --color: auto is on for a terminal, unless NO_COLOR is set (not empty) */
static int
plan_color(const struct opts *o, int fd)
{
	const char	*no = getenv("NO_COLOR");

	if (o->color != OPTS_COLOR_AUTO)
		return o->color == OPTS_COLOR_ALWAYS;
	return (no == NULL || *no == '\0') && isatty(fd);
}

static enum plan_rc
plan_one(const struct opts *o, struct plan *p, size_t i,
    const struct plan_report *rep, struct hg_request *r, struct hg_err *e)
{
	const struct opts_url	*u = &o->urls[i];

	memset(r, 0, sizeof(*r));
	r->url = u->url;
	if (plan_body(o, p, i, r, e) != PLAN_OK)
		return PLAN_FAIL;
	r->method = o->request;
	r->nobody = o->head;
	r->http10 = o->http == OPTS_HTTP_1_0;
	r->http09 = o->http09;
	r->user_agent = o->user_agent;
	r->referer = o->referer;
	r->headers = p->headers;
	r->nheaders = p->nheaders;
	r->ipresolve = o->ipresolve;
	r->connect_timeout_ms = o->connect_timeout_ms;
	r->max_time_ms = o->max_time_ms;
	r->remote_name = u->out == OPTS_OUT_REMOTE;
	r->output = u->out == OPTS_OUT_FILE ? u->outfile : NULL;
	r->terminal_ok = r->output != NULL && strcmp(r->output, "-") == 0;
	r->output_dir = o->output_dir;
	r->create_dirs = o->create_dirs;
	r->include = o->include;
	r->dump_header = o->dump_header;
	r->dump_append = i > 0;
	r->fail = o->fail_with_body ? HG_FAIL_WITH_BODY :
	    o->fail ? HG_FAIL : HG_FAIL_NONE;
	r->trace_time = o->trace_time;
	r->trace = o->trace_type;
	r->trace_fp = rep->trace_fp;
	r->trace_t0 = rep->trace_t0;
	r->color = p->color_err;
	r->color_out = p->color_out;
	r->follow = o->location || o->location_trusted;
	r->location_trusted = o->location_trusted;
	r->max_redirs = o->max_redirs;
	r->post301 = o->post301;
	r->post302 = o->post302;
	r->post303 = o->post303;
	r->user = p->user;
	r->bearer = o->oauth2_bearer;
	r->netrc_file = p->netrc_file;
	r->netrc_required = o->netrc_file != NULL;
	r->netrc_optional = o->netrc_optional && !o->netrc &&
	    o->netrc_file == NULL;
	r->trace_secrets = o->trace_secrets;
	r->expect100_ms = o->expect100_timeout_ms;
	plan_tls(o, r);
	plan_proxy(o, p, r);
	r->resolve = o->resolve;
	r->nresolve = o->nresolve;
	r->connect_to = o->connect_to;
	r->nconnect_to = o->nconnect_to;
	plan_download(o, p, rep, r);
	return PLAN_OK;
}

enum plan_rc
plan_build(const struct opts *o, const struct plan_report *rep,
    struct plan *p, struct hg_err *e)
{
	enum plan_rc	 rc;
	size_t		 i;

	memset(p, 0, sizeof(*p));
	if ((rc = plan_check_line("-X", o->request, e)) != PLAN_OK ||
	    (rc = plan_check_line("-A", o->user_agent, e)) != PLAN_OK ||
	    (rc = plan_check_line("-e", o->referer, e)) != PLAN_OK ||
	    (rc = plan_check_line("--oauth2-bearer", o->oauth2_bearer, e)) !=
	    PLAN_OK || (rc = plan_check_line("-b", o->cookie_literal, e)) !=
	    PLAN_OK || (rc = plan_check_line("-r", o->range, e)) != PLAN_OK ||
	    (rc = plan_lastmod(o, p, e)) != PLAN_OK ||
	    (rc = plan_headers(o, p, e)) != PLAN_OK ||
	    (rc = plan_netrc(o, p, e)) != PLAN_OK ||
	    (rc = plan_user(o, p, e)) != PLAN_OK ||
	    (rc = plan_etag(o, p, e)) != PLAN_OK ||
	    (rc = plan_cookies(o, p, rep, e)) != PLAN_OK)
		return rc;
	if (o->write_out != NULL && o->write_out[0] == '@') {
		p->write_out = plan_slurp(o->write_out + 1, HG_MAX_HEADER_FILE,
		    e);
		if (p->write_out == NULL)
			return PLAN_FAIL;
		plan_join_lines(p->write_out);
	} else if (o->write_out != NULL &&
	    (p->write_out = strdup(o->write_out)) == NULL)
		goto nomem;
	/* libtls reads PEM only */
	if (o->cert_type != NULL && strcasecmp(o->cert_type, "PEM") != 0) {
		hg_fail(e, HERR_SSL_CERTPROBLEM, "could not load %s client "
		    "certificate: only PEM is supported", o->cert_type);
		return PLAN_FAIL;
	}
	if ((rc = plan_bodies(o, p, e)) != PLAN_OK)
		return rc;
	/* once, not per URL: a thousand URLs are not two thousand ioctls */
	p->color_err = plan_color(o, STDERR_FILENO);
	p->color_out = plan_color(o, STDOUT_FILENO);
	if (o->nurls > 0 &&
	    (p->reqs = calloc(o->nurls, sizeof(*p->reqs))) == NULL)
		goto nomem;
	for (i = 0; i < o->nurls; i++, p->nreqs++)
		if (plan_one(o, p, i, rep, &p->reqs[i], e) != PLAN_OK)
			return PLAN_FAIL;
	if (p->nreqs > 0)
		plan_notes(o, p, req_verb(&p->reqs[0]));
	return PLAN_OK;
nomem:
	hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	return PLAN_FAIL;
}

void
plan_free(struct plan *p)
{
	size_t	 i;

	/* a prompted password is among them: wipe before freeing */
	for (i = 0; i < p->nnotes; i++)
		free(p->notes[i]);
	for (i = 0; i < p->nowned; i++) {
		explicit_bzero(p->owned[i], strlen(p->owned[i]));
		free(p->owned[i]);
	}
	free(p->owned);
	free(p->notes);
	body_free(&p->body);
	for (i = 0; p->uploads != NULL && i < p->nreqs; i++)
		if (p->uploads[i].fd > 0)
			(void)close(p->uploads[i].fd);
	free(p->uploads);
	free(p->headers);
	free(p->reqs);
	free(p->write_out);
	cookie_jar_free(p->jar);
	memset(p, 0, sizeof(*p));
}
