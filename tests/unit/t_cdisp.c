/*
 * tests/unit/t_cdisp.c: the file name a Content-Disposition value offers.
 * Rows follow src/cdisp.h: RFC 6266 parsing, filename* (RFC 8187) over
 * filename, then the safety rules.  Where curl 7.88.1 differs (measured
 * with `curl -sOJ http://127.0.0.1:PORT/N` against a canned-response
 * python3 server, in a temporary directory), the row says what curl did.
 * Every row ends right before a guard page, and again followed by junk
 * that must not change the answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdisp.h"
#include "tap.h"

/* <limits.h> is src/limits.h under -Isrc; Linux's NAME_MAX is 255. */
#define T_NAME_MAX	255
#define DSTLEN		(T_NAME_MAX + 1)

#define RAW(s)	s, sizeof(s) - 1
#define NO	-1, NULL

struct crow {
	const char	*raw;
	size_t		 rawlen;
	int		 rc;
	const char	*want;		/* rc 0: the name */
};

static const struct crow rows[] = {
	/* plain names, token or quoted-string */
	{ RAW("attachment; filename=plain.txt"), 0, "plain.txt" },
	{ RAW("attachment; filename=\"plain.txt\""), 0, "plain.txt" },
	{ RAW("inline; filename=plain.txt"), 0, "plain.txt" },
	{ RAW("x-whatever; filename=plain.txt"), 0, "plain.txt" },
	{ RAW("attachment; filename=\"with space.txt\""), 0,
	    "with space.txt" },
	{ RAW("attachment;filename=nospace.txt"), 0, "nospace.txt" },
	{ RAW("attachment ; filename = \"ows.txt\" "), 0, "ows.txt" },
	{ RAW("  attachment; filename=lead.txt"), 0, "lead.txt" },
	{ RAW("attachment; filename=a.txt;"), 0, "a.txt" },
	{ RAW("attachment;; filename=a.txt;;"), 0, "a.txt" },
	{ RAW("attachment; size=3; filename=a.txt; x=\"y;z\""), 0, "a.txt" },
	{ RAW("attachment; filename=a.txt; creation-date=\"Wed, 12 Feb "
	    "1997 16:29:51 -0500\""), 0, "a.txt" },
	/* parameter names are case-insensitive (curl 7.88: not, URL name) */
	{ RAW("attachment; FILENAME=upper.txt"), 0, "upper.txt" },
	{ RAW("ATTACHMENT; FileName=\"mixed.txt\""), 0, "mixed.txt" },
	{ RAW("attachment; xfilename=wrong.txt"), NO },
	{ RAW("attachment; filenamex=wrong.txt"), NO },
	{ RAW("attachment; name=wrong.txt"), NO },
	{ RAW("attachment"), NO },
	{ RAW("inline"), NO },
	/* bare values: taken up to ';', less OWS (curl keeps leading SP) */
	{ RAW("attachment; filename=un quoted.txt"), 0, "un quoted.txt" },
	{ RAW("attachment; filename=  spaced.txt  ; x=1"), 0, "spaced.txt" },
	{ RAW("attachment; filename=a=b.txt"), 0, "a=b.txt" },
	{ RAW("attachment; filename=%41.txt"), 0, "%41.txt" },
	{ RAW("attachment; filename=\xc3\xa9t\xc3\xa9.txt"), 0,
	    "\xc3\xa9t\xc3\xa9.txt" },
	/* quoted-string escapes (curl: name cut at the '\"', URL name) */
	{ RAW("attachment; filename=\"q\\\"uote.txt\""), 0, "q\"uote.txt" },
	{ RAW("attachment; filename=\"\\a\\b.txt\""), 0, "ab.txt" },
	{ RAW("attachment; filename=\"semi;colon.txt\""), 0,
	    "semi;colon.txt" },
	{ RAW("attachment; filename=\"%41.txt\""), 0, "%41.txt" },
	/* directories are dropped: the part after the last '/' or '\' */
	{ RAW("attachment; filename=\"dir/sub/name.txt\""), 0, "name.txt" },
	{ RAW("attachment; filename=dir/sub/name.txt"), 0, "name.txt" },
	{ RAW("attachment; filename=\"dir\\\\sub\\\\bs.txt\""), 0, "bs.txt" },
	{ RAW("attachment; filename=dir\\sub\\bs.txt"), 0, "bs.txt" },
	{ RAW("attachment; filename=\"a/b\\\\c/d.txt\""), 0, "d.txt" },
	{ RAW("attachment; filename=\"../../x\""), 0, "x" },
	{ RAW("attachment; filename=\"/etc/x\""), 0, "x" },
	{ RAW("attachment; filename=\"C:\\\\Windows\\\\x.exe\""), 0,
	    "x.exe" },
	{ RAW("attachment; filename=\"dir/\""), NO },
	{ RAW("attachment; filename=\"/\""), NO },
	/* filename= is not percent-decoded (RFC 6266 §4.3) */
	{ RAW("attachment; filename=\"..%2F..%2Fpct.txt\""), 0,
	    "%2F..%2Fpct.txt" },
	/* leading dots dropped: no hidden files, no "." or ".." (curl: 23) */
	{ RAW("attachment; filename=\".hidden\""), 0, "hidden" },
	{ RAW("attachment; filename=\"...x\""), 0, "x" },
	{ RAW("attachment; filename=\"a/.b\""), 0, "b" },
	{ RAW("attachment; filename=\"x.\""), 0, "x." },
	{ RAW("attachment; filename=\"a..b\""), 0, "a..b" },
	{ RAW("attachment; filename=\". x\""), 0, " x" },
	{ RAW("attachment; filename=\".\""), NO },
	{ RAW("attachment; filename=\"..\""), NO },
	{ RAW("attachment; filename=\"...\""), NO },
	{ RAW("attachment; filename=\"x/..\""), NO },
	/* empty names */
	{ RAW("attachment; filename=\"\""), NO },
	{ RAW("attachment; filename="), NO },
	{ RAW("attachment; filename=  ; x=1"), NO },
	/* control bytes: refused (curl: writes them into the name) */
	{ RAW("attachment; filename=\"esc\x1b[31m.txt\""), NO },
	{ RAW("attachment; filename=esc\x1b[31m.txt"), NO },
	{ RAW("attachment; filename=\"tab\there.txt\""), NO },
	{ RAW("attachment; filename=tab\there.txt"), NO },
	{ RAW("attachment; filename=\"del\x7f.txt\""), NO },
	{ RAW("attachment; filename=\"CR\rx.txt\""), NO },
	{ RAW("attachment; filename=\"nul\0x.txt\""), NO },
	{ RAW("attachment; filename=nul\0x.txt"), NO },
	{ RAW("attachment; filename=\"c1\xc2\x9b.txt\""), NO },
	{ RAW("attachment; filename=\"c1\xc2\x80.txt\""), NO },
	{ RAW("attachment; filename=\"nbsp\xc2\xa0.txt\""), 0,
	    "nbsp\xc2\xa0.txt" },
	{ RAW("attachment; filename=\"\x1b/ok.txt\""), NO },
	/* raw bytes must be UTF-8 (curl: writes them as they come) */
	{ RAW("attachment; filename=\"lat\xe9.txt\""), NO },
	{ RAW("attachment; filename=\"\xc0\xaf.txt\""), NO },
	{ RAW("attachment; filename=\"\xe2\x82\""), NO },
	{ RAW("attachment; filename=\"\xe2\x82\xac.txt\""), 0,
	    "\xe2\x82\xac.txt" },
	{ RAW("attachment; filename=\"\xf0\x9f\x98\x80\""), 0,
	    "\xf0\x9f\x98\x80" },
	/* filename* (RFC 8187), which curl 7.88 ignores (URL name) */
	{ RAW("attachment; filename*=UTF-8''%E2%82%AC.txt"), 0,
	    "\xe2\x82\xac.txt" },
	{ RAW("attachment; filename*=utf-8''%e2%82%ac.txt"), 0,
	    "\xe2\x82\xac.txt" },
	{ RAW("attachment; filename*=UTF-8'en'plain.txt"), 0, "plain.txt" },
	{ RAW("attachment; filename*=UTF-8'en-GB'a%20b.txt"), 0, "a b.txt" },
	{ RAW("attachment; FILENAME*=UTF-8''up.txt"), 0, "up.txt" },
	{ RAW("attachment; filename*=ISO-8859-1''%E9t%E9.txt"), 0,
	    "\xc3\xa9t\xc3\xa9.txt" },
	{ RAW("attachment; filename*=iso-8859-1''%FF"), 0, "\xc3\xbf" },
	{ RAW("attachment; filename*=ISO-8859-1''%9B.txt"), NO },
	{ RAW("attachment; filename*=ISO-8859-1''%A0.txt"), 0,
	    "\xc2\xa0.txt" },
	/* filename* wins over filename, in either order */
	{ RAW("attachment; filename=\"fallback.txt\"; "
	    "filename*=UTF-8''%E2%82%AC-star.txt"), 0,
	    "\xe2\x82\xac-star.txt" },
	{ RAW("attachment; filename*=UTF-8''star.txt; "
	    "filename=\"fallback.txt\""), 0, "star.txt" },
	/* a filename* we cannot read is ignored: filename, else nothing */
	{ RAW("attachment; filename*=KOI8-R''%C1.txt; filename=fb.txt"), 0,
	    "fb.txt" },
	{ RAW("attachment; filename*=KOI8-R''%C1.txt"), NO },
	{ RAW("attachment; filename*=''x.txt; filename=fb.txt"), 0,
	    "fb.txt" },
	{ RAW("attachment; filename*=UTF-8'x.txt; filename=fb.txt"), 0,
	    "fb.txt" },
	{ RAW("attachment; filename*=UTF-8x.txt; filename=fb.txt"), 0,
	    "fb.txt" },
	{ RAW("attachment; filename*=\"UTF-8''q.txt\"; filename=fb.txt"), 0,
	    "fb.txt" },
	{ RAW("attachment; filename*=UTF-8''a%2; filename=fb.txt"), 0,
	    "fb.txt" },
	{ RAW("attachment; filename*=UTF-8''a%G1; filename=fb.txt"), 0,
	    "fb.txt" },
	{ RAW("attachment; filename*=UTF-8''a%; filename=fb.txt"), 0,
	    "fb.txt" },
	{ RAW("attachment; filename*=UTF-8''a b.txt; filename=fb.txt"), 0,
	    "fb.txt" },
	{ RAW("attachment; filename*=UTF-8''a'b.txt; filename=fb.txt"), 0,
	    "fb.txt" },
	{ RAW("attachment; filename*=UTF-8''\xc3\xa9.txt; filename=fb.txt"),
	    0, "fb.txt" },
	{ RAW("attachment; filename*=UTF-8'e n'x.txt; filename=fb.txt"), 0,
	    "fb.txt" },
	/* a readable filename* decides, even when the result is refused */
	{ RAW("attachment; filename*=UTF-8''%FF.txt; filename=fb.txt"), NO },
	{ RAW("attachment; filename*=UTF-8''%C3; filename=fb.txt"), NO },
	{ RAW("attachment; filename*=UTF-8''%ED%A0%80"), NO },
	{ RAW("attachment; filename*=UTF-8''%F4%90%80%80"), NO },
	{ RAW("attachment; filename*=UTF-8''%E0%80%AF"), NO },
	{ RAW("attachment; filename*=UTF-8''a%00b.txt; filename=fb.txt"),
	    NO },
	{ RAW("attachment; filename*=UTF-8''%1B%5B31m.txt"), NO },
	{ RAW("attachment; filename*=UTF-8''; filename=fb.txt"), NO },
	{ RAW("attachment; filename*=UTF-8''.hidden"), 0, "hidden" },
	/* percent-decoded separators: only the last part is kept */
	{ RAW("attachment; filename*=UTF-8''..%2F..%2Fetc%2Fx"), 0, "x" },
	{ RAW("attachment; filename*=UTF-8''%2Fetc%2Fpasswd"), 0, "passwd" },
	{ RAW("attachment; filename*=UTF-8''a%5Cb.txt"), 0, "b.txt" },
	{ RAW("attachment; filename*=UTF-8''dir%2F"), NO },
	{ RAW("attachment; filename*=UTF-8''%C3%2F.txt"), NO },
	/* the grammar: a broken field offers nothing */
	{ RAW(""), NO },
	{ RAW("   "), NO },
	{ RAW("filename=notype.txt"), NO },
	{ RAW("; filename=notype.txt"), NO },
	{ RAW("attachment filename=x.txt"), NO },
	{ RAW("attach/ment; filename=x.txt"), NO },
	{ RAW("attachment; filename=\"unterminated.txt"), NO },
	{ RAW("attachment; filename=\"esc\\"), NO },
	{ RAW("attachment; filename=\"junk.txt\"junk"), NO },
	{ RAW("attachment; filename=a\"b.txt"), NO },
	{ RAW("attachment; filename x.txt"), NO },
	{ RAW("attachment; filename"), NO },
	{ RAW("attachment; =x.txt"), NO },
	{ RAW("attachment; filename=x.txt; foo"), NO },
	{ RAW("attachment; \"filename\"=x.txt"), NO },
	{ RAW("attachment; filename=\"x.txt\"; bar=\"open"), NO },
	/* RFC 6266 §4.1: a parameter twice makes the field invalid */
	{ RAW("attachment; filename=a.txt; filename=b.txt"), NO },
	{ RAW("attachment; filename=a.txt; FILENAME=a.txt"), NO },
	{ RAW("attachment; filename*=UTF-8''a; filename*=UTF-8''b"), NO },
	{ RAW("attachment; size=1; size=2; filename=a.txt"), 0, "a.txt" },
	/* only len bytes are read */
	{ "attachment; filename=cut.txtEXTRA", 28, 0, "cut.txt" },
	{ "attachment; filename=\"cut.txt\"; x", 30, 0, "cut.txt" },
	{ "attachment; filename=\"cut.txt\"", 29, NO },
};

/* The answer for raw[0..rawlen) wherever it sits. */
static int
run(const char *raw, size_t rawlen, char *dst, size_t dstlen)
{
	return cdisp_filename(raw, rawlen, dst, dstlen);
}

static void
check(const char *name, const char *raw, size_t rawlen, int rc,
    const char *want)
{
	static const char	 junk[] = "\"; filename*=UTF-8''evil";
	struct tap_guard	 g;
	char			 dst[DSTLEN + 8], *buf;
	const char		*in;
	int			 got;

	in = tap_guard(&g, raw, rawlen);
	memset(dst, 'D', sizeof(dst));
	got = run(in, rawlen, dst, DSTLEN);
	TAP_OK(got == rc, "%s: rc %d, want %d", name, got, rc);
	if (got == 0 && rc == 0)
		TAP_OK(strcmp(dst, want) == 0, "%s: \"%s\", want \"%s\"",
		    name, dst, want);
	if (got == -1)
		TAP_OK(dst[0] == '\0', "%s: dst not emptied", name);
	TAP_OK(memcmp(dst + DSTLEN, "DDDDDDDD", 8) == 0, "%s: wrote past dst",
	    name);
	tap_guard_free(&g);

	/* what follows len changes nothing */
	if ((buf = malloc(rawlen + sizeof(junk))) == NULL)
		abort();
	memcpy(buf, raw, rawlen);
	memcpy(buf + rawlen, junk, sizeof(junk));
	TAP_OK(run(buf, rawlen, dst, DSTLEN) == rc, "%s: junk after len",
	    name);
	if (rc == 0)
		TAP_OK(strcmp(dst, want) == 0, "%s: junk: \"%s\"", name, dst);
	free(buf);
}

static void
test_rows(void)
{
	char	 name[32];
	size_t	 i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		snprintf(name, sizeof(name), "row %zu", i);
		check(name, rows[i].raw, rows[i].rawlen, rows[i].rc,
		    rows[i].want);
	}
	TAP_OK(i >= 60, "only %zu rows", i);
}

/* attachment; filename="<pre><n x c><post>" */
static size_t
build(char *dst, const char *pre, size_t n, int c, const char *post)
{
	size_t	 o;

	o = (size_t)snprintf(dst, 64, "attachment; filename=\"%s", pre);
	memset(dst + o, c, n);
	o += n;
	o += (size_t)snprintf(dst + o, 64, "%s\"", post);
	return o;
}

/* NAME_MAX and dstlen - 1 bound what is left, not what was dropped. */
static void
test_long(void)
{
	static char	 raw[12 * 1024], want[T_NAME_MAX + 2];
	char		 name[48];
	size_t		 n, len;

	for (n = T_NAME_MAX - 1; n <= T_NAME_MAX + 1; n++) {
		len = build(raw, "", n, 'A', "");
		memset(want, 'A', n);
		want[n] = '\0';
		snprintf(name, sizeof(name), "%zu-byte name", n);
		check(name, raw, len, n <= T_NAME_MAX ? 0 : -1, want);
	}
	/* curl: exit 23, "Failed writing header" */
	len = build(raw, "", 10 * 1024, 'A', "");
	check("10 KB name", raw, len, -1, NULL);
	len = build(raw, "", 10 * 1024, 'A', "/short.txt");
	check("10 KB directory", raw, len, 0, "short.txt");
	len = build(raw, "", 10 * 1024, '.', "x");
	check("10 KB of dots", raw, len, 0, "x");
	len = build(raw, "x/", 300, 'A', "");
	check("300 bytes after a directory", raw, len, -1, NULL);
	/* 128 two-byte characters pass NAME_MAX; 127 fit */
	len = build(raw, "", 0, 'A', "") - 1;
	for (n = 0; n < 128; n++) {
		memcpy(raw + len, "\xc3\xa9", 2);
		memcpy(want + 2 * n, "\xc3\xa9", 2);
		len += 2;
	}
	raw[len++] = '"';
	check("256 bytes of UTF-8", raw, len, -1, NULL);
	raw[len - 3] = '"';
	want[2 * 127] = '\0';
	check("254 bytes of UTF-8", raw, len - 2, 0, want);
}

/* dstlen caps the name below NAME_MAX; dstlen 0 gets nothing written. */
static void
test_dstlen(void)
{
	static const char	 v[] = "attachment; filename=abcdef";
	char			 dst[16];
	size_t			 n;
	int			 rc;

	for (n = 0; n <= 8; n++) {
		memset(dst, 'D', sizeof(dst));
		rc = cdisp_filename(v, sizeof(v) - 1, dst, n);
		TAP_OK(rc == (n >= 7 ? 0 : -1), "dstlen %zu: rc %d", n, rc);
		if (rc == 0)
			TAP_OK(strcmp(dst, "abcdef") == 0, "dstlen %zu: %s", n,
			    dst);
		TAP_OK(dst[n] == 'D', "dstlen %zu: wrote past", n);
		if (n > 0 && rc == -1)
			TAP_OK(dst[0] == '\0', "dstlen %zu: not emptied", n);
	}
	/* the separator is not counted against the cap */
	rc = cdisp_filename(RAW("attachment; filename=\"../abc\""), dst, 4);
	TAP_OK(rc == 0 && strcmp(dst, "abc") == 0, "../abc in 4: %d", rc);
}

int
main(void)
{
	test_rows();
	test_long();
	test_dstlen();
	return tap_done();
}
