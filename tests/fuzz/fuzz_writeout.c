/*
 * tests/fuzz/fuzz_writeout.c: -w formats, which come from the command
 * line or a file.  Input: the format (up to a NUL).  It is expanded for a
 * fixed transfer into memory streams, once through writeout and once
 * through writeout_xfer; the output is bounded by the format's length
 * (every variable prints at most a fixed amount for this transfer) and
 * the same both times.
 */
#include "fuzz.h"

#include "buf.h"
#include "hget.h"
#include "writeout.h"

/* The most one format byte can expand to: %{json} of this transfer. */
#define PER_BYTE	8192

static const char head[] =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: text/html; charset=\"utf-8\"\r\n"
    "Set-Cookie: a=b\r\n"
    "Set-Cookie: c=\"d\\e\"\r\n"
    "X-Fold: one\r\n two\r\n"
    "Location: /next\r\n"
    "\r\n";

static struct hg_result	 r;
static size_t		 nwarn;

static void
warn(const char *msg)
{
	FUZZ_CHECK(msg != NULL && strlen(msg) < 64 * 1024);
	nwarn++;
}

static void
setup(void)
{
	hg_result_init(&r);
	r.http_code = 200;
	r.http_version = 11;
	r.size_download = 12345;
	r.size_header = sizeof(head) - 1;
	r.size_request = 78;
	r.time_namelookup = 0.001;
	r.time_connect = 0.002;
	r.time_pretransfer = 0.003;
	r.time_starttransfer = 0.004;
	r.time_total = 0.005;
	r.num_connects = 1;
	r.num_redirects = 2;
	if (buf_addstr(&r.redirect_url, "http://example.com/next") == -1 ||
	    buf_addstr(&r.url_effective, "http://example.com/a%20b?q#f") ==
	    -1 || buf_add(&r.head, head, sizeof(head) - 1) == -1)
		abort();
	strlcpy(r.method, "GET", sizeof(r.method));
	strlcpy(r.remote_ip, "127.0.0.1", sizeof(r.remote_ip));
	r.remote_port = 8080;
	strlcpy(r.local_ip, "::1", sizeof(r.local_ip));
	r.local_port = 40000;
	strlcpy(r.content_type, "text/html; charset=\"utf-8\"",
	    sizeof(r.content_type));
}

/* Expand fmt into two memory streams; returns what went to out. */
static char *
render(const char *fmt, int xfer, size_t *len, size_t *errlen)
{
	struct wo_xfer	 x;
	FILE		*out, *err;
	char		*o, *eb;
	int		 rc;

	if ((out = open_memstream(&o, len)) == NULL ||
	    (err = open_memstream(&eb, errlen)) == NULL)
		abort();
	if (xfer) {
		memset(&x, 0, sizeof(x));
		x.r = &r;
		x.exitcode = 22;
		x.errormsg = "The requested URL returned error: 404";
		x.url = "http://example.com/a b";
		x.filename = "out \"file\".html";
		x.method = "POST";
		x.referer = "http://ref/\x01";
		x.urlnum = 3;
		rc = writeout_xfer(fmt, &x, out, err, warn);
	} else
		rc = writeout(fmt, &r, 22, NULL, out, err, NULL);
	FUZZ_CHECK(rc == 0);
	fclose(out);
	fclose(err);
	free(eb);
	return o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	 ready;
	char		*fmt, *a, *b, *c;
	size_t		 alen, blen, clen, elen, bound;

	if (!ready) {
		setup();
		ready = 1;
	}
	fmt = fuzz_cstr(data, size);
	bound = (strlen(fmt) + 1) * PER_BYTE;
	nwarn = 0;
	a = render(fmt, 1, &alen, &elen);
	FUZZ_CHECK(alen <= bound && elen <= bound);
	b = render(fmt, 1, &blen, &elen);
	FUZZ_CHECK(alen == blen && memcmp(a, b, alen) == 0);
	c = render(fmt, 0, &clen, &elen);
	FUZZ_CHECK(clen <= bound && elen <= bound);
	free(a);
	free(b);
	free(c);
	free(fmt);
	return 0;
}
