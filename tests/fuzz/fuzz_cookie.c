/*
 * tests/fuzz/fuzz_cookie.c: the cookie jar on any Set-Cookie fields and
 * any cookie file.  Input: a flag byte (bit 0: https, bit 1: -j, the rest
 * moves the clock), the origin's host line and path line, then Set-Cookie
 * fields one per line up to a NUL byte, then the cookie file.  Every
 * field and the file are exact-size heap copies.
 *
 * Invariants: no crash; a Cookie field never holds CR, LF or NUL and
 * stays within HG_MAX_COOKIE_HEADER; a jar saved and loaded again sends
 * the same Cookie fields and saves the same bytes; loading a saved jar
 * never warns; a file loaded, saved, loaded and saved gives its first
 * save again.
 */
#include "fuzz.h"

#include "buf.h"
#include "cookie.h"
#include "limits.h"

#define NOW	1700000000LL

struct input {
	struct cookie_origin	 o;
	int64_t			 now;
	int			 junk;
	char			*host, *path;
	char			**lines;
	size_t			*lens;
	size_t			 nlines;
	char			*file;
	size_t			 filelen;
};

static void
count_warn(void *arg, const char *msg)
{
	(void)msg;
	(*(int *)arg)++;
}

static struct cookie_jar *
jar_new(void)
{
	struct cookie_jar	*jar = cookie_jar_new();

	if (jar == NULL)
		abort();
	return jar;
}

/* The Cookie field, checked; a malloc'd string. */
static char *
header(struct cookie_jar *jar, const struct cookie_origin *o, int64_t now)
{
	struct buf	 b;
	char		*s;
	int		 n;

	buf_init(&b, HG_MAX_COOKIE_HEADER);
	n = cookie_header(jar, o, now, &b);
	FUZZ_CHECK(n >= 0 && n <= HG_MAX_COOKIES_HOST);
	FUZZ_CHECK((n == 0) == (b.len == 0));
	FUZZ_CHECK(b.len <= HG_MAX_COOKIE_HEADER);
	if (b.len > 0) {
		FUZZ_CHECK(memchr(b.data, '\0', b.len) == NULL);
		FUZZ_CHECK(memchr(b.data, '\r', b.len) == NULL);
		FUZZ_CHECK(memchr(b.data, '\n', b.len) == NULL);
	}
	s = strdup(b.len > 0 ? b.data : "");
	if (s == NULL)
		abort();
	buf_free(&b);
	return s;
}

static void
save(const struct cookie_jar *jar, int64_t now, struct buf *b)
{
	buf_init(b, HG_MAX_COOKIE_FILE);
	FUZZ_CHECK(cookie_save(jar, now, b) == 0);
}

/* Load a jar's own save: never a warning, never a failure. */
static struct cookie_jar *
reload(const struct buf *b, int64_t now)
{
	struct cookie_jar	*jar = jar_new();
	struct hg_err		 e;
	int			 warned = 0;
	char			*copy = malloc(b->len);

	if (copy == NULL)
		abort();
	memcpy(copy, b->data, b->len);
	FUZZ_CHECK(cookie_load(jar, copy, b->len, now, 0, count_warn, &warned,
	    &e) == HERR_OK);
	FUZZ_CHECK(warned == 0);
	free(copy);
	return jar;
}

static int
same(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

/* Set-Cookie fields only: the round trip keeps every Cookie field. */
static void
check_set_round_trip(const struct input *in)
{
	struct cookie_jar	*jar = jar_new(), *back;
	struct cookie_origin	 o[3];
	struct buf		 b1, b2;
	char			*h1, *h2;
	size_t			 i;

	for (i = 0; i < in->nlines; i++)
		(void)cookie_set(jar, &in->o, in->lines[i], in->lens[i],
		    in->now);
	save(jar, in->now, &b1);
	back = reload(&b1, in->now);
	save(back, in->now, &b2);
	FUZZ_CHECK(same(&b1, &b2));
	o[0] = in->o;
	o[1] = in->o;
	o[1].secure = !in->o.secure;
	o[2] = in->o;
	o[2].path = "/";
	for (i = 0; i < 3; i++) {
		h1 = header(jar, &o[i], in->now);
		h2 = header(back, &o[i], in->now);
		FUZZ_CHECK(strcmp(h1, h2) == 0);
		free(h1);
		free(h2);
	}
	buf_free(&b1);
	buf_free(&b2);
	cookie_jar_free(jar);
	cookie_jar_free(back);
}

/* The file: load, save, load, save gives the first save again. */
static void
check_file_round_trip(const struct input *in)
{
	struct cookie_jar	*jar = jar_new(), *back;
	struct hg_err		 e;
	struct buf		 b1, b2;
	int			 warned = 0;

	FUZZ_CHECK(cookie_load(jar, in->file, in->filelen, in->now, in->junk,
	    count_warn, &warned, &e) == HERR_OK);
	save(jar, in->now, &b1);
	back = reload(&b1, in->now);
	save(back, in->now, &b2);
	FUZZ_CHECK(same(&b1, &b2));
	buf_free(&b1);
	buf_free(&b2);
	cookie_jar_free(jar);
	cookie_jar_free(back);
}

/* Both together, as a run with -b and responses: the field stays clean. */
static void
check_mixed(const struct input *in)
{
	struct cookie_jar	*jar = jar_new();
	struct hg_err		 e;
	struct buf		 b;
	size_t			 i;
	char			*h;

	FUZZ_CHECK(cookie_load(jar, in->file, in->filelen, in->now, in->junk,
	    NULL, NULL, &e) == HERR_OK);
	for (i = 0; i < in->nlines; i++)
		FUZZ_CHECK(cookie_set(jar, &in->o, in->lines[i], in->lens[i],
		    in->now) <= 1);
	h = header(jar, &in->o, in->now);
	free(h);
	h = header(jar, &in->o, in->now + 86400 * 365);
	free(h);
	save(jar, in->now, &b);
	buf_free(&b);
	cookie_jar_free(jar);
}

/* Set-Cookie fields: the lines before the first NUL. */
static void
split_fields(struct input *in, const uint8_t *p, size_t n)
{
	size_t	 i, k;

	in->lines = calloc(n + 1, sizeof(*in->lines));
	in->lens = calloc(n + 1, sizeof(*in->lens));
	if (in->lines == NULL || in->lens == NULL)
		abort();
	in->nlines = 0;
	for (i = 0; i < n; i = k + 1) {
		for (k = i; k < n && p[k] != '\n'; k++)
			;
		if ((in->lines[in->nlines] = malloc(k - i + 1)) == NULL)
			abort();
		memcpy(in->lines[in->nlines], p + i, k - i);
		in->lens[in->nlines++] = k - i;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 f = { data, size };
	struct input	 in;
	unsigned	 flags;
	const uint8_t	*nul;
	size_t		 i, n;

	memset(&in, 0, sizeof(in));
	flags = fuzz_byte(&f);
	in.host = fuzz_field(&f);
	in.path = fuzz_field(&f);
	in.o.host = in.host;
	in.o.path = in.path;
	in.o.secure = flags & 1;
	in.junk = (flags & 2) != 0;
	in.now = NOW + (int64_t)(flags >> 2) * 37;
	nul = memchr(f.p, '\0', f.n);
	n = nul != NULL ? (size_t)(nul - f.p) : f.n;
	split_fields(&in, f.p, n);
	f.p += nul != NULL ? n + 1 : n;
	f.n -= nul != NULL ? n + 1 : n;
	in.file = fuzz_rest(&f, &in.filelen);
	check_set_round_trip(&in);
	check_file_round_trip(&in);
	check_mixed(&in);
	for (i = 0; i < in.nlines; i++)
		free(in.lines[i]);
	free(in.lines);
	free(in.lens);
	free(in.host);
	free(in.path);
	free(in.file);
	return 0;
}
