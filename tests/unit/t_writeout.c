/* tests/unit/t_writeout.c: -w output, byte for byte against curl 7.88's */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hget.h"
#include "tap.h"
#include "writeout.h"

/*
 * The values of a real curl 7.88 run against a loopback server replying
 * with OK_HEAD and "hello"; its %{json} is OK_JSON below.
 */
#define OK_URL	"http://127.0.0.1:48393/r200"
#define OK_TYPE	"text/html; charset=UTF-8"
#define OK_HEAD	"HTTP/1.1 200 OK\r\n" \
		"Content-Type: " OK_TYPE "\r\n" \
		"Content-Length: 5\r\n" \
		"X-Foo:  bar baz  \r\n" \
		"Connection: close\r\n\r\n"

static const char ok_json[] = "{\"certs\":\"\","
    "\"content_type\":\"text/html; charset=UTF-8\",\"errormsg\":null,"
    "\"exitcode\":0,\"filename_effective\":\"/dev/null\","
    "\"ftp_entry_path\":null,\"http_code\":200,\"http_connect\":0,"
    "\"http_version\":\"1.1\",\"local_ip\":\"127.0.0.1\","
    "\"local_port\":42836,\"method\":\"GET\",\"num_certs\":0,"
    "\"num_connects\":1,\"num_headers\":4,\"num_redirects\":0,"
    "\"proxy_ssl_verify_result\":0,\"redirect_url\":null,\"referer\":null,"
    "\"remote_ip\":\"127.0.0.1\",\"remote_port\":48393,"
    "\"response_code\":200,\"scheme\":\"HTTP\",\"size_download\":5,"
    "\"size_header\":116,\"size_request\":83,\"size_upload\":0,"
    "\"speed_download\":8156,\"speed_upload\":0,\"ssl_verify_result\":0,"
    "\"time_appconnect\":0.000000,\"time_connect\":0.000114,"
    "\"time_namelookup\":0.000018,\"time_pretransfer\":0.000146,"
    "\"time_redirect\":0.000000,\"time_starttransfer\":0.000581,"
    "\"time_total\":0.000613,\"url\":\"" OK_URL "\","
    "\"url_effective\":\"" OK_URL "\",\"urlnum\":0,"
    "\"curl_version\":\"hget/" HGET_VERSION "\"}";

/* curl 7.88 against a closed port: exit 7, nothing measured. */
#define NONE_URL "http://127.0.0.1:1/x"
#define NONE_MSG "Failed to connect to 127.0.0.1 port 1 after 0 ms: " \
		 "Couldn't connect to server"

static const char none_json[] = "{\"certs\":\"\",\"content_type\":null,"
    "\"errormsg\":\"" NONE_MSG "\",\"exitcode\":7,"
    "\"filename_effective\":\"/dev/null\",\"ftp_entry_path\":null,"
    "\"http_code\":0,\"http_connect\":0,\"http_version\":\"0\","
    "\"local_ip\":\"\",\"local_port\":0,\"method\":\"GET\",\"num_certs\":0,"
    "\"num_connects\":0,\"num_headers\":0,\"num_redirects\":0,"
    "\"proxy_ssl_verify_result\":0,\"redirect_url\":null,\"referer\":null,"
    "\"remote_ip\":\"\",\"remote_port\":0,\"response_code\":0,"
    "\"scheme\":null,\"size_download\":0,\"size_header\":0,"
    "\"size_request\":0,\"size_upload\":0,\"speed_download\":0,"
    "\"speed_upload\":0,\"ssl_verify_result\":0,"
    "\"time_appconnect\":0.000000,\"time_connect\":0.000000,"
    "\"time_namelookup\":0.000018,\"time_pretransfer\":0.000000,"
    "\"time_redirect\":0.000000,\"time_starttransfer\":0.000000,"
    "\"time_total\":0.000127,\"url\":\"" NONE_URL "\","
    "\"url_effective\":\"" NONE_URL "\",\"urlnum\":0,"
    "\"curl_version\":\"hget/" HGET_VERSION "\"}";

/* Repeated names, a fold, an empty value, a control byte, UTF-8. */
#define DUP_HEAD "HTTP/1.0 404 Not Found\r\n" \
		"Content-Length: 2\r\n" \
		"X-Dup: one\r\n" \
		"x-dup: two\r\n" \
		"X-Fold: first\r\n   second\r\n" \
		"X-Empty:\r\n" \
		"X-Q: a\"b\\c\001d\303\251e\ttab\r\n" \
		"X-DUP: three\r\n\r\n"

enum fixture { FX_OK, FX_NONE, FX_DUP };

struct row {
	const char	*fmt;
	enum fixture	 fix;
	const char	*out;
	const char	*err;		/* NULL: nothing */
};

#define UNK(n)	"hget: unknown --write-out variable: '" n "'\n"

static const struct row rows[] = {
	/* escapes and stray percent signs, as curl 7.88 prints them */
	{ "plain", FX_OK, "plain", NULL },
	{ "\\n|\\r|\\t|\\\\|\\x|\\", FX_OK, "\n|\r|\t|\\\\|\\x|\\", NULL },
	{ "a\\", FX_OK, "a\\", NULL },
	{ "\\\\n", FX_OK, "\\\\n", NULL },
	{ "%", FX_OK, "%", NULL },
	{ "a%", FX_OK, "a%", NULL },
	{ "%q", FX_OK, "%q", NULL },
	{ "%%", FX_OK, "%", NULL },
	{ "%%{http_code}", FX_OK, "%{http_code}", NULL },
	{ "%{foo", FX_OK, "%{foo", NULL },
	{ "x%{", FX_OK, "x%{", NULL },
	{ "%{a\\nb", FX_OK, "%{a\nb", NULL },
	{ "%{http_code", FX_OK, "%{http_code", NULL },
	{ "%headerx", FX_OK, "%headerx", NULL },
	{ "%h", FX_OK, "%h", NULL },
	{ "%HEADER{x-foo}", FX_OK, "%HEADER{x-foo}", NULL },
	{ "%header{x-foo", FX_OK, "%header{x-foo", NULL },

	/* unknown variables: nothing printed, one line on the error stream */
	{ "%{foo}", FX_OK, "", UNK("foo") },
	{ "a%{foo}b", FX_OK, "ab", UNK("foo") },
	{ "%{}", FX_OK, "", UNK("") },
	{ "%{http_code }", FX_OK, "", UNK("http_code ") },
	{ "%{ http_code}", FX_OK, "", UNK(" http_code") },
	{ "%{foo%{http_code}", FX_OK, "", UNK("foo%{http_code") },
	{ "%{url.host}", FX_OK, "", UNK("url.host") },
	{ "%{x}%{y}", FX_OK, "", UNK("x") UNK("y") },

	/* names are matched case-insensitively */
	{ "%{HTTP_CODE}|%{http_Code}%{URL_effective}", FX_OK,
	    "200|200" OK_URL, NULL },

	/* each value on its own, from the successful run */
	{ "%{http_code}|%{response_code}|%{http_version}", FX_OK,
	    "200|200|1.1", NULL },
	{ "%{size_download}|%{size_header}|%{size_request}|%{size_upload}",
	    FX_OK, "5|116|83|0", NULL },
	{ "%{time_namelookup}|%{time_connect}|%{time_appconnect}|"
	    "%{time_pretransfer}|%{time_redirect}|%{time_starttransfer}|"
	    "%{time_total}", FX_OK, "0.000018|0.000114|0.000000|0.000146|"
	    "0.000000|0.000581|0.000613", NULL },
	{ "%{speed_download}|%{speed_upload}", FX_OK, "8156|0", NULL },
	{ "%{url_effective}|%{url}", FX_OK, OK_URL "|" OK_URL, NULL },
	{ "%{num_connects}|%{num_redirects}|%{num_headers}", FX_OK, "1|0|4",
	    NULL },
	{ "%{remote_ip}:%{remote_port} %{local_ip}:%{local_port}", FX_OK,
	    "127.0.0.1:48393 127.0.0.1:42836", NULL },
	{ "[%{content_type}]", FX_OK, "[text/html; charset=UTF-8]", NULL },
	{ "[%{exitcode}][%{errormsg}]", FX_OK, "[0][]", NULL },
	{ "%{scheme}|%{method}|%{filename_effective}|%{urlnum}", FX_OK,
	    "HTTP|GET|/dev/null|0", NULL },
	{ "[%{redirect_url}][%{referer}][%{ftp_entry_path}][%{certs}]", FX_OK,
	    "[][][][]", NULL },
	{ "%{http_connect}|%{num_certs}|%{ssl_verify_result}|"
	    "%{proxy_ssl_verify_result}", FX_OK, "000|0|0|0", NULL },

	/* %header{}: trimmed value of the first field of that name */
	{ "[%header{x-foo}]", FX_OK, "[bar baz]", NULL },
	{ "%header{X-FOO}|%header{nope}|", FX_OK, "bar baz||", NULL },
	{ "%header{ x-foo}|%header{x-foo }|%header{}|%header{content-type}",
	    FX_OK, "|||text/html; charset=UTF-8", NULL },
	{ "%header{x-dup}|%header{x-fold}|[%header{x-empty}]", FX_DUP,
	    "one|first second|[]", NULL },
	{ "%header{x-foo}", FX_NONE, "", NULL },

	/* the stream switches, and %{onerror} */
	{ "%{stderr}E%{stdout}O", FX_OK, "O", "E" },
	{ "%{stderr}%{foo}x", FX_OK, "", UNK("foo") "x" },
	{ "a%{onerror}after", FX_OK, "a", NULL },
	{ "A%{onerror}X%{onerror}Y", FX_NONE, "AXY", NULL },
	{ "%{onerror}%{foo}", FX_OK, "", NULL },

	/* nothing arrived */
	{ "[%{http_code}][%{response_code}][%{http_version}][%{remote_ip}]"
	    "[%{remote_port}][%{local_ip}][%{local_port}][%{content_type}]"
	    "[%{errormsg}][%{exitcode}][%{scheme}][%{size_header}]"
	    "[%{time_total}][%{speed_download}][%{url_effective}]"
	    "[%{header_json}][%header{x}][%{num_headers}]", FX_NONE,
	    "[000][000][0][][0][][0][][" NONE_MSG "][7][][0][0.000127][0]["
	    NONE_URL "][{\n}][][0]", NULL },

	/* HTTP/1.0 is "1" */
	{ "%{http_version}|%{http_code}|%{num_headers}", FX_DUP, "1|404|7",
	    NULL },

	/* the JSON objects */
	{ "%{json}", FX_OK, ok_json, NULL },
	{ "%{json}", FX_NONE, none_json, NULL },
	{ "%{header_json}", FX_OK, "{\"content-type\":[\"text/html; "
	    "charset=UTF-8\"],\n\"content-length\":[\"5\"],\n"
	    "\"x-foo\":[\"bar baz\"],\n\"connection\":[\"close\"]\n}", NULL },
	{ "%{header_json}", FX_DUP, "{\"content-length\":[\"2\"],\n"
	    "\"x-dup\":[\"one\",\"two\",\"three\"],\n"
	    "\"x-fold\":[\"first second\"],\n"
	    "\"x-empty\":[\"\"],\n"
	    "\"x-q\":[\"a\\\"b\\\\c\\u0001d\303\251e\\ttab\"]\n}", NULL },
};

static void
fill(struct hg_result *r, enum fixture fix)
{
	const char	*head;

	hg_result_init(r);
	switch (fix) {
	case FX_OK:
	case FX_DUP:
		r->http_code = fix == FX_OK ? 200 : 404;
		r->http_version = fix == FX_OK ? 11 : 10;
		r->size_download = 5;
		r->size_header = 116;
		r->size_request = 83;
		r->time_namelookup = 0.000018;
		r->time_connect = 0.000114;
		r->time_pretransfer = 0.000146;
		r->time_starttransfer = 0.000581;
		r->time_total = 0.000613;
		r->num_connects = 1;
		(void)strlcpy(r->remote_ip, "127.0.0.1", sizeof(r->remote_ip));
		r->remote_port = 48393;
		(void)strlcpy(r->local_ip, "127.0.0.1", sizeof(r->local_ip));
		r->local_port = 42836;
		head = fix == FX_OK ? OK_HEAD : DUP_HEAD;
		if (buf_addstr(&r->url_effective, OK_URL) == -1 ||
		    buf_addstr(&r->head, head) == -1)
			abort();
		if (fix == FX_OK)
			(void)strlcpy(r->content_type, OK_TYPE,
			    sizeof(r->content_type));
		break;
	case FX_NONE:
		r->time_namelookup = 0.000018;
		r->time_total = 0.000127;
		if (buf_addstr(&r->url_effective, NONE_URL) == -1)
			abort();
		break;
	}
}

static void
fill_xfer(struct wo_xfer *x, const struct hg_result *r, enum fixture fix)
{
	memset(x, 0, sizeof(*x));
	x->r = r;
	x->url = fix == FX_NONE ? NONE_URL : OK_URL;
	x->filename = "/dev/null";
	x->method = "GET";
	if (fix == FX_NONE) {
		x->exitcode = 7;
		x->errormsg = NONE_MSG;
	}
}

/* Render fmt into memory; *out and *err are malloc'd, NUL-terminated. */
static int
render(const char *fmt, const struct wo_xfer *x,
    void (*warn_fn)(const char *), char **out, char **err)
{
	size_t	 outlen, errlen;
	FILE	*o, *e;
	int	 rc;

	o = open_memstream(out, &outlen);
	e = open_memstream(err, &errlen);
	if (o == NULL || e == NULL)
		abort();
	rc = writeout_xfer(fmt, x, o, e, warn_fn);
	fclose(o);
	fclose(e);
	return rc;
}

static void
test_rows(void)
{
	struct hg_result r;
	struct wo_xfer	 x;
	char		*out, *err;
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		fill(&r, rows[i].fix);
		fill_xfer(&x, &r, rows[i].fix);
		rc = render(rows[i].fmt, &x, NULL, &out, &err);
		TAP_OK(rc == 0, "row %zu: rc %d", i, rc);
		TAP_OK(strcmp(out, rows[i].out) == 0,
		    "row %zu %s: out\n got  [%s]\n want [%s]", i, rows[i].fmt,
		    out, rows[i].out);
		TAP_OK(strcmp(err, rows[i].err ? rows[i].err : "") == 0,
		    "row %zu %s: err\n got  [%s]\n want [%s]", i, rows[i].fmt,
		    err, rows[i].err ? rows[i].err : "");
		free(out);
		free(err);
		hg_result_free(&r);
	}
}

static char	 warned[256];
static int	 nwarned;

static void
warn_cb(const char *msg)
{
	(void)strlcpy(warned, msg, sizeof(warned));
	nwarned++;
}

/* warn_fn gets the line without a newline, and errstream stays empty. */
static void
test_warn_fn(void)
{
	struct hg_result r;
	struct wo_xfer	 x;
	char		*out, *err;

	fill(&r, FX_OK);
	fill_xfer(&x, &r, FX_OK);
	TAP_OK(render("a%{nope}b", &x, warn_cb, &out, &err) == 0, "warn rc");
	TAP_OK(strcmp(out, "ab") == 0, "warn out [%s]", out);
	TAP_OK(*err == '\0', "warn err [%s]", err);
	TAP_OK(nwarned == 1 && strcmp(warned,
	    "hget: unknown --write-out variable: 'nope'") == 0,
	    "warn msg %d [%s]", nwarned, warned);
	free(out);
	free(err);
	hg_result_free(&r);
}

/* The short API: what only cmd/ knows is unknown, and says so. */
static void
test_short_api(void)
{
	struct hg_result r;
	char		*out, *err;
	size_t		 outlen, errlen;
	FILE		*o, *e;
	int		 rc;

	fill(&r, FX_NONE);
	o = open_memstream(&out, &outlen);
	e = open_memstream(&err, &errlen);
	if (o == NULL || e == NULL)
		abort();
	rc = writeout("[%{url}][%{method}][%{filename_effective}][%{referer}]"
	    "[%{errormsg}][%{urlnum}]", &r, 28, "", o, e, NULL);
	fclose(o);
	fclose(e);
	TAP_OK(rc == 0, "short rc %d", rc);
	TAP_OK(strcmp(out, "[" NONE_URL "][][][][Timeout was reached][0]") ==
	    0, "short out [%s]", out);
	free(out);
	free(err);
	hg_result_free(&r);
}

/* A full disk is a failure the caller must hear about. */
static void
test_write_error(void)
{
	struct hg_result r;
	struct wo_xfer	 x;
	FILE		*full, *e;
	char		*err;
	size_t		 errlen;

	if ((full = fopen("/dev/full", "w")) == NULL) {
		TAP_OK(1, "no /dev/full");
		return;
	}
	if ((e = open_memstream(&err, &errlen)) == NULL)
		abort();
	fill(&r, FX_OK);
	fill_xfer(&x, &r, FX_OK);
	TAP_OK(writeout_xfer("%{json}", &x, full, e, NULL) == -1,
	    "write error to stdout");
	TAP_OK(writeout_xfer("%{stderr}x", &x, e, full, NULL) == -1,
	    "write error to stderr");
	fclose(full);
	fclose(e);
	free(err);
	hg_result_free(&r);
}

/* Speed is bytes per second over the whole transfer, truncated. */
static void
test_speed(void)
{
	static const struct {
		uint64_t	 size;
		double		 total;
		const char	*want;
	} t[] = {
		{ 5, 0.001045, "4784" },
		{ 5, 0.0, "5000000" },
		{ 1000000, 2.0, "500000" },
		{ 0, 1.0, "0" },
	};
	struct hg_result r;
	struct wo_xfer	 x;
	char		*out, *err;
	size_t		 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		fill(&r, FX_OK);
		r.size_download = t[i].size;
		r.time_total = t[i].total;
		fill_xfer(&x, &r, FX_OK);
		(void)render("%{speed_download}", &x, NULL, &out, &err);
		TAP_OK(strcmp(out, t[i].want) == 0, "speed %zu: [%s] want [%s]",
		    i, out, t[i].want);
		free(out);
		free(err);
		hg_result_free(&r);
	}
}

int
main(void)
{
	test_rows();
	test_warn_fn();
	test_short_api();
	test_write_error();
	test_speed();
	return tap_done();
}
