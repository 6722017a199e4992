/*
 * tests/unit/t_xform.c: the content transforms, byte for byte, from
 * memory ending at a guard page, from a file read with read(2) and with
 * pread(2), and into memory too small to hold the result.  The expected
 * bytes are the ones curl 7.88.1 sent (see tests/unit/t_body.c, whose
 * rows run the same transforms through body_build()).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "spool.h"
#include "tap.h"
#include "xform.h"

#define B(s)	s, sizeof(s) - 1

enum xf { STRIP, URLENC, URLENC_LOWER, BASE64, QP };

static const char *const xf_names[] = {
	"strip", "urlencode", "urlencode lower", "base64", "qp"
};

struct row {
	enum xf		 xf;
	const char	*in;
	size_t		 inlen;
	const char	*out;
	size_t		 outlen;
};

static const struct row rows[] = {
	/* -d @file: a piece ends at its first CR, LF or NUL */
	{ STRIP, B(""), B("") },
	{ STRIP, B("l1\r\nl2\nl3\r"), B("l1l2l3") },
	{ STRIP, B("a\rb\nc\r\nd\re\r\rf"), B("acd") },
	{ STRIP, B("a\0b\nc"), B("ac") },
	{ STRIP, B("\n\n\nx"), B("x") },
	/* --data-urlencode: upper-case hex, '+' for a space */
	{ URLENC, B(""), B("") },
	{ URLENC, B("x y&z=1\n"), B("x+y%26z%3D1%0A") },
	{ URLENC, B("AZaz09-._~"), B("AZaz09-._~") },
	{ URLENC, B("\200\377\303\251"), B("%80%FF%C3%A9") },
	{ URLENC, B("\0+"), B("%00%2B") },
	/* --url-query: lower-case hex */
	{ URLENC_LOWER, B("\377 /"), B("%ff+%2f") },
	/* RFC 2045 §6.8: 76 a line, CRLF between lines, none at the end */
	{ BASE64, B(""), B("") },
	{ BASE64, B("a"), B("YQ==") },
	{ BASE64, B("ab"), B("YWI=") },
	{ BASE64, B("abc"), B("YWJj") },
	{ BASE64, B("\0\0\0\377\377\377"), B("AAAA////") },
	{ BASE64, B("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	    "b"),
	    B("YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJi"
	    "YmJiYmJiYmJiYmJiYmJi") },
	{ BASE64, B("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	    "bb"),
	    B("YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJi"
	    "YmJiYmJiYmJiYmJiYmJi\r\nYg==") },
	/* RFC 2045 §6.7, with curl 7.88's line lengths */
	{ QP, B(""), B("") },
	{ QP, B("a b \r\nc\t\r\nd\r\n"), B("a b=20\r\nc=09\r\nd\r\n") },
	{ QP, B("h\351="), B("h=E9=3D") },
	{ QP, B("a\nb\rc\r\n\0\177\377~ "), B("a=0Ab=0Dc\r\n=00=7F=FF~=20") },
	{ QP, B(" "), B("=20") },
	{ QP, B("\r"), B("=0D") },
	{ QP, B("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxx\r\n"),
	    B("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxx=\r\nxxxxx\r\n") },
	/* 76 characters may stand when they end the line */
	{ QP, B("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
	    "yyyyyyyyyyyyyyyy\r\n"),
	    B("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
	    "yyyyyyyyyyyyyyyy\r\n") },
	{ QP, B("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
	    "yyyyyyyyyyyyyyyyy"),
	    B("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
	    "yyyyyyyyyyyyyyy=\r\nyy") },
	/* an escape is not split by a soft break */
	{ QP, B("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
	    "zzzzzzzzzzzzzz=\r\n"),
	    B("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
	    "zzzzzzzzzzzzzz=\r\n=3D\r\n") },
};

static int
run(enum xf xf, struct spool_src *s, struct spool_dst *d)
{
	switch (xf) {
	case STRIP:
		return xform_strip(s, d);
	case URLENC:
		return xform_urlencode(s, d, 0);
	case URLENC_LOWER:
		return xform_urlencode(s, d, 1);
	case BASE64:
		return xform_base64(s, d);
	case QP:
		break;
	}
	return xform_qp(s, d);
}

/* A file holding p, its offset left at the end (pread ignores it). */
static int
file_of(const void *p, size_t n)
{
	char	 path[] = "/tmp/t_xform.XXXXXX";
	int	 fd;

	if ((fd = mkstemp(path)) == -1 || unlink(path) == -1 ||
	    write(fd, p, n) != (ssize_t)n) {
		perror("t_xform");
		exit(2);
	}
	return fd;
}

/* xf over s into a buffer capped at cap: 0 and the bytes, or -1. */
static int
run_into(enum xf xf, struct spool_src *s, size_t cap, struct buf *out)
{
	struct spool_dst d;
	struct hg_err	 e;
	int		 failed;

	buf_init(out, cap);
	spool_dst_mem(&d, out);
	failed = run(xf, s, &d) == -1;
	return spool_end(s, &d, failed, "t", &e) == HERR_OK ? 0 : -1;
}

static int
same(const struct buf *b, const char *p, size_t n)
{
	return b->len == n && (n == 0 || memcmp(b->data, p, n) == 0);
}

/* From memory that ends at an inaccessible page: no look-ahead past it. */
static void
test_guarded(const struct row *r, const char *name)
{
	struct tap_guard g;
	struct spool_src s;
	struct buf	 out;

	spool_src_mem(&s, tap_guard(&g, r->in, r->inlen), r->inlen);
	TAP_OK(run_into(r->xf, &s, 1 << 20, &out) == 0 &&
	    same(&out, r->out, r->outlen), "%s: from memory: \"%.*s\"", name,
	    (int)out.len, out.data != NULL ? out.data : "");
	buf_free(&out);
	tap_guard_free(&g);
}

/* From a file, read on from its offset (lseek'd to 0) and with pread. */
static void
test_file(const struct row *r, const char *name)
{
	struct spool_src s;
	struct buf	 out;
	int		 fd, positional;

	fd = file_of(r->in, r->inlen);
	for (positional = 0; positional <= 1; positional++) {
		if (!positional && lseek(fd, 0, SEEK_SET) == -1)
			exit(2);
		spool_src_fd(&s, fd, positional);
		TAP_OK(run_into(r->xf, &s, 1 << 20, &out) == 0 &&
		    same(&out, r->out, r->outlen), "%s: from a file (%s)",
		    name, positional ? "pread" : "read");
		buf_free(&out);
	}
	(void)close(fd);
}

/* Every cap short of the output fails, and says the memory is full. */
static void
test_caps(const struct row *r, const char *name)
{
	struct spool_src s;
	struct spool_dst d;
	struct buf	 out;
	size_t		 cap;
	int		 ok = 1;

	for (cap = 0; cap < r->outlen; cap++) {
		buf_init(&out, cap);
		spool_dst_mem(&d, &out);
		spool_src_mem(&s, r->in, r->inlen);
		ok &= run(r->xf, &s, &d) == -1 && d.full && d.err == EFBIG;
		buf_free(&out);
	}
	TAP_OK(ok, "%s: caps below %zu bytes fail", name, r->outlen);
}

static void
test_rows(void)
{
	char	 name[64];
	size_t	 i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		(void)snprintf(name, sizeof(name), "%s row %zu",
		    xf_names[rows[i].xf], i);
		test_guarded(&rows[i], name);
		test_file(&rows[i], name);
		test_caps(&rows[i], name);
	}
}

/*
 * Several read-ahead buffers' worth, with line breaks and spaces on
 * every side of each buffer boundary: a file gives what memory gives.
 */
static void
test_boundaries(void)
{
	static const char unit[] = "ab \r\n\t\r\r\n=\351 \n";
	struct spool_src s;
	struct buf	 in, a, b;
	enum xf		 xf;
	int		 fd;

	buf_init(&in, 4 * SPOOL_IOBUF);
	while (in.len + sizeof(unit) - 1 <= in.cap)
		(void)buf_add(&in, unit, sizeof(unit) - 1);
	fd = file_of(in.data, in.len);
	for (xf = STRIP; xf <= QP; xf++) {
		spool_src_mem(&s, in.data, in.len);
		(void)run_into(xf, &s, 16 * SPOOL_IOBUF, &a);
		spool_src_fd(&s, fd, 1);
		TAP_OK(run_into(xf, &s, 16 * SPOOL_IOBUF, &b) == 0 &&
		    a.len > 0 && same(&b, a.data, a.len),
		    "%s: %zu bytes from a file as from memory", xf_names[xf],
		    in.len);
		buf_free(&a);
		buf_free(&b);
	}
	(void)close(fd);
	buf_free(&in);
}

int
main(void)
{
	test_rows();
	test_boundaries();
	return tap_done();
}
