/* cmd/writeout.c: -w/--write-out, byte for byte as curl 7.88 prints it */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/*
 * head.h is the core's pure parser: -w needs to walk the last head's
 * fields (%{num_headers}, %{header_json}) and hget.h offers only a lookup
 * by name.  Nothing here does I/O through the core.
 */
#include "breakdown.h"
#include "head.h"
#include "hget.h"
#include "trace.h"
#include "limits.h"
#include "writeout.h"

/*
 * Every variable curl 7.88 knows, in its (alphabetical) order: %{json}
 * prints the value ones in exactly this order.  The others come last and
 * are never in %{json}, which stays curl 7.88's.
 */
enum wo_var {
	WO_CERTS, WO_CONTENT_TYPE, WO_ERRORMSG, WO_EXITCODE, WO_FILENAME,
	WO_FTP_ENTRY_PATH, WO_HEADER_JSON, WO_HTTP_CODE, WO_HTTP_CONNECT,
	WO_HTTP_VERSION, WO_JSON, WO_LOCAL_IP, WO_LOCAL_PORT, WO_METHOD,
	WO_NUM_CERTS, WO_NUM_CONNECTS, WO_NUM_HEADERS, WO_NUM_REDIRECTS,
	WO_ONERROR, WO_PROXY_SSL_VERIFY, WO_REDIRECT_URL, WO_REFERER,
	WO_REMOTE_IP, WO_REMOTE_PORT, WO_RESPONSE_CODE, WO_SCHEME,
	WO_SIZE_DOWNLOAD, WO_SIZE_HEADER, WO_SIZE_REQUEST, WO_SIZE_UPLOAD,
	WO_SPEED_DOWNLOAD, WO_SPEED_UPLOAD, WO_SSL_VERIFY, WO_STDERR,
	WO_STDOUT, WO_TIME_APPCONNECT, WO_TIME_CONNECT, WO_TIME_NAMELOOKUP,
	WO_TIME_PRETRANSFER, WO_TIME_REDIRECT, WO_TIME_STARTTRANSFER,
	WO_TIME_TOTAL, WO_URL, WO_URL_EFFECTIVE, WO_URLNUM,
	WO__OWN,		/* from here on: none of curl 7.88's */
	WO_TIMING = WO__OWN,	/* hget's own: --timing's breakdown */
	WO_TIME_POSTTRANSFER,	/* curl 8.10's: the request and its body sent */
	WO_TIME_QUEUE,		/* curl 8.6's: always 0, nothing waits */
	WO__COUNT
};

static const char *const wo_names[WO__COUNT] = {
	[WO_CERTS] = "certs",
	[WO_CONTENT_TYPE] = "content_type",
	[WO_ERRORMSG] = "errormsg",
	[WO_EXITCODE] = "exitcode",
	[WO_FILENAME] = "filename_effective",
	[WO_FTP_ENTRY_PATH] = "ftp_entry_path",
	[WO_HEADER_JSON] = "header_json",
	[WO_HTTP_CODE] = "http_code",
	[WO_HTTP_CONNECT] = "http_connect",
	[WO_HTTP_VERSION] = "http_version",
	[WO_JSON] = "json",
	[WO_LOCAL_IP] = "local_ip",
	[WO_LOCAL_PORT] = "local_port",
	[WO_METHOD] = "method",
	[WO_NUM_CERTS] = "num_certs",
	[WO_NUM_CONNECTS] = "num_connects",
	[WO_NUM_HEADERS] = "num_headers",
	[WO_NUM_REDIRECTS] = "num_redirects",
	[WO_ONERROR] = "onerror",
	[WO_PROXY_SSL_VERIFY] = "proxy_ssl_verify_result",
	[WO_REDIRECT_URL] = "redirect_url",
	[WO_REFERER] = "referer",
	[WO_REMOTE_IP] = "remote_ip",
	[WO_REMOTE_PORT] = "remote_port",
	[WO_RESPONSE_CODE] = "response_code",
	[WO_SCHEME] = "scheme",
	[WO_SIZE_DOWNLOAD] = "size_download",
	[WO_SIZE_HEADER] = "size_header",
	[WO_SIZE_REQUEST] = "size_request",
	[WO_SIZE_UPLOAD] = "size_upload",
	[WO_SPEED_DOWNLOAD] = "speed_download",
	[WO_SPEED_UPLOAD] = "speed_upload",
	[WO_SSL_VERIFY] = "ssl_verify_result",
	[WO_STDERR] = "stderr",
	[WO_STDOUT] = "stdout",
	[WO_TIME_APPCONNECT] = "time_appconnect",
	[WO_TIME_CONNECT] = "time_connect",
	[WO_TIME_NAMELOOKUP] = "time_namelookup",
	[WO_TIME_PRETRANSFER] = "time_pretransfer",
	[WO_TIME_REDIRECT] = "time_redirect",
	[WO_TIME_STARTTRANSFER] = "time_starttransfer",
	[WO_TIME_TOTAL] = "time_total",
	[WO_URL] = "url",
	[WO_URL_EFFECTIVE] = "url_effective",
	[WO_URLNUM] = "urlnum",
	[WO_TIMING] = "timing",
	[WO_TIME_POSTTRANSFER] = "time_posttransfer",
	[WO_TIME_QUEUE] = "time_queue",
};

/* How a value prints; curl's writeString/writeLong/writeOffset/writeTime. */
enum wo_kind {
	WK_ACTION,		/* not a value: json, stdout, onerror, ... */
	WK_NULL,		/* unknown: nothing, "null" in JSON */
	WK_STR,
	WK_NUM,
	WK_CODE,		/* "%03d", but plain "%d" in JSON */
	WK_TIME			/* microseconds, printed as s.uuuuuu */
};

struct wo_val {
	enum wo_kind	 kind;
	const char	*s;
	int64_t		 n;
};

struct wo_ctx {
	const struct wo_xfer *x;
	FILE		*fp;		/* where output goes now */
	FILE		*out;
	FILE		*err;
	void		(*warn_fn)(const char *);
	int		 done;		/* %{onerror} after a success */
	int		 fail;		/* a write failed or malloc did */
	struct head	 head;		/* the last head, parsed on demand */
	int		 head_parsed;
	char		 scheme[16];
};

static void
wo_putn(struct wo_ctx *c, const char *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, c->fp) != n)
		c->fail = 1;
}

static void
wo_puts(struct wo_ctx *c, const char *s)
{
	wo_putn(c, s, strlen(s));
}

/*
 * A value the server chose (Content-Type, Location, a header): on a
 * terminal through vis(3), as every server byte hget shows a person.
 */
static void
wo_put_untrusted(struct wo_ctx *c, const char *s)
{
	size_t	 n = strlen(s);
	char	*v;

	if (!isatty(fileno(c->fp))) {
		wo_putn(c, s, n);
		return;
	}
	if ((v = trace_visdup(s, n)) == NULL) {
		c->fail = 1;
		return;
	}
	wo_puts(c, v);
	free(v);
}

static void
wo_putc(struct wo_ctx *c, char ch)
{
	if (fputc((unsigned char)ch, c->fp) == EOF)
		c->fail = 1;
}

static void wo_printf(struct wo_ctx *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static void
wo_printf(struct wo_ctx *c, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	if (vfprintf(c->fp, fmt, ap) < 0)
		c->fail = 1;
	va_end(ap);
}

/*
 * A JSON string (RFC 8259 §7).  curl 7.88 writes control bytes as "u%04x"
 * without the backslash and bytes >= 0x80 as "uffffffXX"; both make
 * invalid JSON, so hget writes "\u00XX" and passes UTF-8 through.
 */
static void
wo_json_strn(struct wo_ctx *c, const char *p, size_t n, int lower)
{
	unsigned char	 ch;
	size_t		 i;

	wo_putc(c, '"');
	for (i = 0; i < n; i++) {
		ch = (unsigned char)p[i];
		switch (ch) {
		case '\\':
			wo_puts(c, "\\\\");
			break;
		case '"':
			wo_puts(c, "\\\"");
			break;
		case '\b':
			wo_puts(c, "\\b");
			break;
		case '\f':
			wo_puts(c, "\\f");
			break;
		case '\n':
			wo_puts(c, "\\n");
			break;
		case '\r':
			wo_puts(c, "\\r");
			break;
		case '\t':
			wo_puts(c, "\\t");
			break;
		default:
			if (ch < 0x20)
				wo_printf(c, "\\u%04x", ch);
			else
				wo_putc(c, lower ? span_lower(ch) : ch);
			break;
		}
	}
	wo_putc(c, '"');
}

/* The last final head, parsed once; NULL when memory ran out. */
static const struct head *
wo_head(struct wo_ctx *c)
{
	const struct buf	*h = &c->x->r->head;

	if (c->head_parsed)
		return &c->head;
	c->head_parsed = 1;
	if (h->len == 0)
		return &c->head;
	c->head.maxfields = HG_MAX_FIELDS;
	c->head.fields = calloc(c->head.maxfields, sizeof(*c->head.fields));
	if (c->head.fields == NULL) {
		c->fail = 1;
		return NULL;
	}
	/* The core stored a head it parsed; anything else counts as none. */
	if (head_parse(&c->head, h->data, h->len) != HEAD_OK)
		c->head.nfields = 0;
	return &c->head;
}

/* Seconds to whole microseconds, the unit curl measures and prints. */
static int64_t
wo_usec(double t)
{
	if (!(t > 0))
		return 0;
	if (t >= (double)(INT64_MAX / 1000000))
		return INT64_MAX / 1000000 * 1000000;
	return (int64_t)(t * 1e6 + 0.5);
}

static int64_t
wo_off(uint64_t n)
{
	return n > INT64_MAX ? INT64_MAX : (int64_t)n;
}

/* curl's trspeed(): bytes per second over the whole transfer, truncated. */
static int64_t
wo_speed(int64_t size, int64_t us)
{
	if (us < 1)
		return size < INT64_MAX / 1000000 ? size * 1000000 : INT64_MAX;
	if (size < INT64_MAX / 1000000)
		return size * 1000000 / us;
	if (us >= 1000000)
		return size / (us / 1000000);
	return INT64_MAX;
}

/* curl: 1.0 prints "1"; 0.9 and "no response" print "0". */
static const char *
wo_http_version(int v)
{
	switch (v) {
	case 10:
		return "1";
	case 11:
		return "1.1";
	case 20:
		return "2";
	case 30:
		return "3";
	default:
		return "0";
	}
}

/*
 * curl reports the scheme, upper case, once a connection was made (it is
 * null when the name did not resolve or the connect failed).
 */
static const char *
wo_scheme(struct wo_ctx *c)
{
	const struct hg_result	*r = c->x->r;
	const char		*u = r->url_effective.data;
	size_t			 i;

	if (r->remote_ip[0] == '\0' || r->url_effective.len == 0)
		return NULL;
	for (i = 0; u[i] != ':' && u[i] != '\0'; i++) {
		if (i + 1 >= sizeof(c->scheme))
			return NULL;
		c->scheme[i] = (u[i] >= 'a' && u[i] <= 'z') ?
		    u[i] - ('a' - 'A') : u[i];
	}
	if (u[i] != ':' || i == 0)
		return NULL;
	c->scheme[i] = '\0';
	return c->scheme;
}

/* curl prints the error buffer, or the code's generic text when empty. */
static const char *
wo_errormsg(const struct wo_xfer *x)
{
	int	 i;

	if (x->exitcode == 0)
		return NULL;
	if (x->errormsg != NULL && x->errormsg[0] != '\0')
		return x->errormsg;
	for (i = 0; i < HERR__COUNT; i++)
		if (herr_exitcode(i) == x->exitcode)
			return herr_text(i);
	return "Unknown error";
}

static void
wo_str(struct wo_val *v, const char *s)
{
	v->kind = s == NULL ? WK_NULL : WK_STR;
	v->s = s;
}

static void
wo_num(struct wo_val *v, enum wo_kind kind, int64_t n)
{
	v->kind = kind;
	v->n = n;
}

/* Values that come straight from the core's measurements. */
static int
wo_value_result(struct wo_ctx *c, enum wo_var id, struct wo_val *v)
{
	const struct hg_result	*r = c->x->r;

	switch (id) {
	case WO_CONTENT_TYPE:
		wo_str(v, r->content_type[0] != '\0' ? r->content_type : NULL);
		break;
	case WO_HTTP_CODE:
	case WO_RESPONSE_CODE:
		wo_num(v, WK_CODE, r->http_code);
		break;
	case WO_HTTP_VERSION:
		wo_str(v, wo_http_version(r->http_version));
		break;
	case WO_LOCAL_IP:
		wo_str(v, r->local_ip);
		break;
	case WO_LOCAL_PORT:
		wo_num(v, WK_NUM, r->local_port);
		break;
	case WO_NUM_CONNECTS:
		wo_num(v, WK_NUM, r->num_connects);
		break;
	case WO_NUM_REDIRECTS:
		wo_num(v, WK_NUM, r->num_redirects);
		break;
	case WO_REMOTE_IP:
		wo_str(v, r->remote_ip);
		break;
	case WO_REMOTE_PORT:
		wo_num(v, WK_NUM, r->remote_port);
		break;
	case WO_SIZE_DOWNLOAD:
		wo_num(v, WK_NUM, wo_off(r->size_download));
		break;
	case WO_SIZE_HEADER:
		wo_num(v, WK_NUM, wo_off(r->size_header));
		break;
	case WO_SIZE_REQUEST:
		wo_num(v, WK_NUM, wo_off(r->size_request));
		break;
	case WO_SPEED_DOWNLOAD:
		wo_num(v, WK_NUM, wo_speed(wo_off(r->size_download),
		    wo_usec(r->time_total)));
		break;
	case WO_TIME_CONNECT:
		wo_num(v, WK_TIME, wo_usec(r->time_connect));
		break;
	case WO_TIME_NAMELOOKUP:
		wo_num(v, WK_TIME, wo_usec(r->time_namelookup));
		break;
	case WO_TIME_PRETRANSFER:
		wo_num(v, WK_TIME, wo_usec(r->time_pretransfer));
		break;
	case WO_TIME_STARTTRANSFER:
		wo_num(v, WK_TIME, wo_usec(r->time_starttransfer));
		break;
	case WO_TIME_TOTAL:
		wo_num(v, WK_TIME, wo_usec(r->time_total));
		break;
	case WO_TIME_REDIRECT:
		wo_num(v, WK_TIME, wo_usec(r->time_redirect));
		break;
	case WO_TIME_POSTTRANSFER:
		wo_num(v, WK_TIME, wo_usec(r->time_posttransfer));
		break;
	case WO_TIME_QUEUE:
		wo_num(v, WK_TIME, 0);
		break;
	case WO_URL_EFFECTIVE:
		wo_str(v, r->url_effective.len > 0 ?
		    r->url_effective.data : "");
		break;
	case WO_REDIRECT_URL:
		wo_str(v, r->redirect_url.len > 0 ? r->redirect_url.data :
		    NULL);
		break;
	case WO_SIZE_UPLOAD:
		wo_num(v, WK_NUM, wo_off(r->size_upload));
		break;
	case WO_SPEED_UPLOAD:
		wo_num(v, WK_NUM, wo_speed(wo_off(r->size_upload),
		    wo_usec(r->time_total)));
		break;
	case WO_METHOD:
		if (r->method[0] == '\0')
			return -1;	/* nothing sent: cmd/'s guess */
		wo_str(v, r->method);
		break;
	default:
		return -1;
	}
	return 0;
}

/*
 * Everything else: what cmd/ knows, what is derived, and what hget has no
 * use for (FTP, TLS certificates, uploads, proxies) printed as curl prints
 * it for a plain HTTP transfer.
 */
static void
wo_value(struct wo_ctx *c, enum wo_var id, struct wo_val *v)
{
	const struct wo_xfer	*x = c->x;
	const struct head	*h;

	if (wo_value_result(c, id, v) == 0)
		return;
	switch (id) {
	case WO_CERTS:
		wo_str(v, "");
		break;
	case WO_ERRORMSG:
		wo_str(v, wo_errormsg(x));
		break;
	case WO_EXITCODE:
		wo_num(v, WK_NUM, x->exitcode);
		break;
	case WO_FILENAME:
		wo_str(v, x->filename);
		break;
	case WO_HTTP_CONNECT:
		wo_num(v, WK_CODE, c->x->r->http_connect);
		break;
	case WO_METHOD:
		wo_str(v, x->method);
		break;
	case WO_NUM_HEADERS:
		h = wo_head(c);
		wo_num(v, WK_NUM, h != NULL ? (int64_t)h->nfields : 0);
		break;
	case WO_REFERER:
		wo_str(v, x->referer);
		break;
	case WO_SCHEME:
		wo_str(v, wo_scheme(c));
		break;
	case WO_URL:
		if (x->url != NULL)
			wo_str(v, x->url);
		else
			wo_value(c, WO_URL_EFFECTIVE, v);
		break;
	case WO_URLNUM:
		wo_num(v, WK_NUM, x->urlnum);
		break;
	case WO_FTP_ENTRY_PATH:
		wo_str(v, NULL);
		break;
	case WO_SSL_VERIFY:
		wo_num(v, WK_NUM, c->x->r->ssl_verify_result);
		break;
	case WO_NUM_CERTS:
	case WO_PROXY_SSL_VERIFY:
		wo_num(v, WK_NUM, 0);
		break;
	case WO_TIME_APPCONNECT:
		wo_num(v, WK_TIME, wo_usec(c->x->r->time_appconnect));
		break;
	default:
		v->kind = WK_ACTION;
		break;
	}
}

static void
wo_emit(struct wo_ctx *c, const struct wo_val *v, int json)
{
	switch (v->kind) {
	case WK_NULL:
		if (json)
			wo_puts(c, "null");
		break;
	case WK_STR:
		if (json)
			wo_json_strn(c, v->s, strlen(v->s), 0);
		else
			wo_put_untrusted(c, v->s);
		break;
	case WK_NUM:
		wo_printf(c, "%" PRId64, v->n);
		break;
	case WK_CODE:
		/* curl's writeLong pads to three digits only outside JSON */
		if (json)
			wo_printf(c, "%" PRId64, v->n);
		else
			wo_printf(c, "%03" PRId64, v->n);
		break;
	case WK_TIME:
		wo_printf(c, "%" PRId64 ".%06" PRId64, v->n / 1000000,
		    v->n % 1000000);
		break;
	case WK_ACTION:
		break;
	}
}

/* %{json}: every value variable, then curl's extra "curl_version". */
static void
wo_json(struct wo_ctx *c)
{
	struct wo_val	 v;
	int		 i;

	wo_putc(c, '{');
	for (i = 0; i < WO__OWN; i++) {
		wo_value(c, i, &v);
		if (v.kind == WK_ACTION)
			continue;
		wo_printf(c, "\"%s\":", wo_names[i]);
		wo_emit(c, &v, 1);
		wo_putc(c, ',');
	}
	wo_puts(c, "\"curl_version\":");
	wo_json_strn(c, "hget/" HGET_VERSION, strlen("hget/" HGET_VERSION), 0);
	wo_putc(c, '}');
}

/* Print one field's value, unfolded, as a JSON string. */
static void
wo_json_field(struct wo_ctx *c, const struct hfield *f)
{
	char	*v;
	size_t	 n;

	/* Unfolding only shortens: the raw length is enough room. */
	if ((v = malloc(f->value.n + 1)) == NULL) {
		c->fail = 1;
		return;
	}
	n = head_value_copy(f, v, f->value.n + 1);
	wo_json_strn(c, v, n, 0);
	free(v);
}

static int
wo_same_name(const struct hfield *f, struct span name)
{
	return f->name.n == name.n &&
	    strncasecmp(f->name.p, name.p, name.n) == 0;
}

/*
 * %{header_json}: the last head's fields in order of first appearance,
 * names lower-cased, every value of a repeated name in one array, entries
 * separated by ",\n" and the object closed by "\n}" (curl 7.88's layout).
 */
static void
wo_header_json(struct wo_ctx *c)
{
	const struct head	*h;
	size_t			 i, j, k;
	int			 first = 1;

	if ((h = wo_head(c)) == NULL)
		return;
	wo_putc(c, '{');
	for (i = 0; i < h->nfields && !c->fail; i++) {
		struct span	 name = h->fields[i].name;

		for (j = 0; j < i; j++)
			if (wo_same_name(&h->fields[j], name))
				break;
		if (j < i)
			continue;	/* already printed with its first */
		if (!first)
			wo_puts(c, ",\n");
		first = 0;
		wo_json_strn(c, name.p, name.n, 1);
		wo_puts(c, ":[");
		for (k = i; k < h->nfields; k++) {
			if (!wo_same_name(&h->fields[k], name))
				continue;
			if (k > i)
				wo_putc(c, ',');
			wo_json_field(c, &h->fields[k]);
		}
		wo_putc(c, ']');
	}
	wo_puts(c, "\n}");
}

static void
wo_action(struct wo_ctx *c, enum wo_var id)
{
	struct wo_val	 v;

	switch (id) {
	case WO_ONERROR:
		/* the rest of the format is for failed transfers only */
		if (c->x->exitcode == 0)
			c->done = 1;
		break;
	case WO_STDOUT:
		c->fp = c->out;
		break;
	case WO_STDERR:
		c->fp = c->err;
		break;
	case WO_JSON:
		wo_json(c);
		break;
	case WO_HEADER_JSON:
		wo_header_json(c);
		break;
	case WO_TIMING:
		if (breakdown_print(c->fp, c->x->r) == -1)
			c->fail = 1;
		break;
	default:
		wo_value(c, id, &v);
		wo_emit(c, &v, 0);
		break;
	}
}

/* curl matches variable names case-insensitively. */
static int
wo_lookup(const char *name, size_t n)
{
	int	 i;

	for (i = 0; i < WO__COUNT; i++)
		if (span_eqi(span_make(name, n), wo_names[i]))
			return i;
	return -1;
}

/* curl says this on its error stream, whatever -s says. */
static void
wo_unknown(struct wo_ctx *c, const char *name, size_t n)
{
	static const char	 pre[] =
	    "hget: unknown --write-out variable: '";
	char			*msg;
	size_t			 len = sizeof(pre) - 1;

	if ((msg = malloc(len + n + 2)) == NULL) {
		c->fail = 1;
		return;
	}
	memcpy(msg, pre, len);
	memcpy(msg + len, name, n);
	msg[len + n] = '\'';
	msg[len + n + 1] = '\0';
	if (c->warn_fn != NULL)
		c->warn_fn(msg);
	else if (fprintf(c->err, "%s\n", msg) < 0)
		c->fail = 1;
	free(msg);
}

/* p points past "%{"; returns where to go on. */
static const char *
wo_variable(struct wo_ctx *c, const char *p)
{
	const char	*end;
	int		 id;

	/* curl: no closing brace anywhere, the two bytes print as they are */
	if ((end = strchr(p, '}')) == NULL) {
		wo_puts(c, "%{");
		return p;
	}
	if ((id = wo_lookup(p, (size_t)(end - p))) == -1)
		wo_unknown(c, p, (size_t)(end - p));
	else
		wo_action(c, id);
	return end + 1;
}

/*
 * p points past "%header{".  The value of the last head's first field of
 * that name; nothing when absent.  curl looks up names shorter than 256
 * bytes only.
 */
static const char *
wo_header(struct wo_ctx *c, const char *p)
{
	const struct hg_result	*r = c->x->r;
	const char		*end;
	char			 name[256], *v;
	size_t			 n;

	if ((end = strchr(p, '}')) == NULL) {
		wo_puts(c, "%header{");
		return p;
	}
	n = (size_t)(end - p);
	if (n >= sizeof(name) || r->head.len == 0)
		return end + 1;
	memcpy(name, p, n);
	name[n] = '\0';
	/* a value is never longer than the head that holds it */
	if ((v = malloc(r->head.len + 1)) == NULL) {
		c->fail = 1;
		return end + 1;
	}
	if (hg_result_header(r, name, v, r->head.len + 1) == 0)
		wo_put_untrusted(c, v);
	free(v);
	return end + 1;
}

/*
 * p points at '%' with a byte after it.  "%%" is a percent sign; "%{" and
 * "%header{" start a variable; anything else prints both bytes as written.
 */
static const char *
wo_percent(struct wo_ctx *c, const char *p)
{
	if (p[1] == '%') {
		wo_putc(c, '%');
		return p + 2;
	}
	if (p[1] == '{')
		return wo_variable(c, p + 2);
	if (strncmp(p + 1, "header{", 7) == 0)
		return wo_header(c, p + 8);
	wo_putn(c, p, 2);
	return p + 2;
}

/*
 * p points at '\' with a byte after it.  curl knows \n, \r and \t only;
 * any other pair, "\\" included, prints as written.
 */
static const char *
wo_escape(struct wo_ctx *c, const char *p)
{
	switch (p[1]) {
	case 'n':
		wo_putc(c, '\n');
		break;
	case 'r':
		wo_putc(c, '\r');
		break;
	case 't':
		wo_putc(c, '\t');
		break;
	default:
		wo_putn(c, p, 2);
		break;
	}
	return p + 2;
}

int
writeout_xfer(const char *fmt, const struct wo_xfer *x, FILE *out,
    FILE *errstream, void (*warn_fn)(const char *msg))
{
	struct wo_ctx	 c;
	const char	*p = fmt;

	memset(&c, 0, sizeof(c));
	c.x = x;
	c.fp = c.out = out;
	c.err = errstream;
	c.warn_fn = warn_fn;
	while (*p != '\0' && !c.done && !c.fail) {
		if (p[0] == '%' && p[1] != '\0')
			p = wo_percent(&c, p);
		else if (p[0] == '\\' && p[1] != '\0')
			p = wo_escape(&c, p);
		else
			wo_putc(&c, *p++);
	}
	free(c.head.fields);
	if (fflush(out) == EOF || ferror(out))
		c.fail = 1;
	if (fflush(errstream) == EOF || ferror(errstream))
		c.fail = 1;
	return c.fail ? -1 : 0;
}

int
writeout(const char *fmt, const struct hg_result *r, int exitcode,
    const char *errormsg, FILE *out, FILE *errstream,
    void (*warn_fn)(const char *msg))
{
	struct wo_xfer	 x;

	memset(&x, 0, sizeof(x));
	x.r = r;
	x.exitcode = exitcode;
	x.errormsg = errormsg;
	return writeout_xfer(fmt, &x, out, errstream, warn_fn);
}
