/*
 * tests/fuzz/fuzz_cookie.c: the cookie jar on any Set-Cookie fields and
 * any cookie file.  Input: a flag byte (bit 0: https, bit 1: -j, the rest
 * moves the clock), the origin's host line and path line, then Set-Cookie
 * fields one per line up to a NUL byte, then the cookie file.  Every
 * field and the file are exact-size heap copies.
 *
 * Invariants: no crash; a Cookie field never holds CR, LF or NUL and
 * stays within HG_MAX_COOKIE_HEADER; loading a saved jar never warns.
 * As curl, a file's lines are cookies created one after the other and a
 * jar is saved newest first, so a round trip (save, load, save) writes
 * the cookie lines of the first save in the opposite order, and a second
 * one writes the first save again byte for byte.  After one round trip a
 * jar sends the same SET of cookies (ties in curl's order, which are
 * the same lengths of path, domain and name, come out the other way),
 * unless the field was cut at HG_MAX_COOKIES_HOST or
 * HG_MAX_COOKIE_HEADER, where which cookies make it depends on that
 * order; after two it sends the same fields exactly.
 */
#include <arpa/inet.h>

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

/* Where the head of a saved jar ends: after its blank line. */
static size_t
head_end(const struct buf *b)
{
	size_t	 i;

	for (i = 1; i < b->len; i++)
		if (b->data[i - 1] == '\n' && b->data[i] == '\n')
			return i + 1;
	FUZZ_CHECK(0);
	return 0;
}

/* b is a with the same head and its cookie lines in the opposite order. */
static int
reversed(const struct buf *a, const struct buf *b)
{
	size_t	 off, n, k, at;

	if (a->len != b->len)
		return 0;
	off = head_end(a);
	if (memcmp(a->data, b->data, off) != 0)
		return 0;
	FUZZ_CHECK(a->len == off || a->data[a->len - 1] == '\n');
	for (n = a->len, at = off; n > off; n = k) {
		for (k = n - 1; k > off && a->data[k - 1] != '\n'; k--)
			;
		if (memcmp(a->data + k, b->data + at, n - k) != 0)
			return 0;
		at += n - k;
	}
	return 1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The "; "-separated pairs of a Cookie field, sorted: its set. */
static char *
pair_set(const char *field)
{
	char	*copy = strdup(field), **v, *p, *out;
	size_t	 n = 1, i, k, at = 0;

	if (copy == NULL || (out = malloc(strlen(field) + 1)) == NULL)
		abort();
	for (p = copy; (p = strstr(p, "; ")) != NULL; p += 2)
		n++;
	if ((v = calloc(n, sizeof(*v))) == NULL)
		abort();
	for (i = 0, p = copy; i < n; i++) {
		v[i] = p;
		if ((p = strstr(p, "; ")) != NULL) {
			*p = '\0';
			p += 2;
		}
	}
	qsort(v, n, sizeof(*v), cmp_str);
	for (i = 0; i < n; i++) {
		if (i > 0) {
			memcpy(out + at, "; ", 2);
			at += 2;
		}
		k = strlen(v[i]);
		memcpy(out + at, v[i], k);
		at += k;
	}
	out[at] = '\0';
	free(v);
	free(copy);
	return out;
}

/*
 * A field that no cap cut: under HG_MAX_COOKIES_HOST cookies, and room
 * left for any cookie (name + value <= HG_MAX_COOKIE_NV, "=" and "; ").
 */
static int
uncut(const char *h)
{
	size_t	 n = 1;
	const char	*p;

	if (h[0] == '\0')
		return 1;
	for (p = h; (p = strstr(p, "; ")) != NULL; p += 2)
		n++;
	return n < HG_MAX_COOKIES_HOST &&
	    strlen(h) + HG_MAX_COOKIE_NV + 3 <= HG_MAX_COOKIE_HEADER;
}

/* h1 and h2 hold the same cookies (when no cap cut h1). */
static void
check_same_set(const char *h1, const char *h2)
{
	char	*s1, *s2;

	FUZZ_CHECK(strlen(h1) == strlen(h2) || !uncut(h1));
	if (!uncut(h1))
		return;
	s1 = pair_set(h1);
	s2 = pair_set(h2);
	FUZZ_CHECK(strcmp(s1, s2) == 0);
	free(s1);
	free(s2);
}

static int
is_ip(const char *host)
{
	unsigned char	 a[16];

	return inet_pton(AF_INET, host, a) == 1 ||
	    inet_pton(AF_INET6, host, a) == 1;
}

/*
 * Two round trips from b1, the jar's save: the second save is b1's lines
 * reversed, the third is b1.  The reloaded jars are returned.
 */
static void
round_trips(const struct buf *b1, int64_t now, struct cookie_jar **back,
    struct cookie_jar **back2)
{
	struct buf	 b2, b3;

	*back = reload(b1, now);
	save(*back, now, &b2);
	FUZZ_CHECK(reversed(b1, &b2));
	*back2 = reload(&b2, now);
	save(*back2, now, &b3);
	FUZZ_CHECK(same(b1, &b3));
	buf_free(&b2);
	buf_free(&b3);
}

/*
 * Set-Cookie fields only (every cookie is saved): one round trip keeps
 * the set of cookies of every Cookie field, two keep the fields.
 */
static void
check_set_round_trip(const struct input *in)
{
	struct cookie_jar	*jar = jar_new(), *back, *back2;
	struct cookie_origin	 o[3];
	struct buf		 b1;
	char			*h1, *h2, *h3;
	size_t			 i;

	for (i = 0; i < in->nlines; i++)
		(void)cookie_set(jar, &in->o, in->lines[i], in->lens[i],
		    in->now);
	save(jar, in->now, &b1);
	round_trips(&b1, in->now, &back, &back2);
	o[0] = in->o;
	o[1] = in->o;
	o[1].secure = !in->o.secure;
	o[2] = in->o;
	o[2].path = "/";
	for (i = 0; i < 3; i++) {
		h1 = header(jar, &o[i], in->now);
		h2 = header(back, &o[i], in->now);
		h3 = header(back2, &o[i], in->now);
		check_same_set(h1, h2);
		FUZZ_CHECK(strcmp(h1, h3) == 0);
		free(h1);
		free(h2);
		free(h3);
	}
	buf_free(&b1);
	cookie_jar_free(jar);
	cookie_jar_free(back);
	cookie_jar_free(back2);
}

/* The file: its save comes back reversed, then as it was. */
static void
check_file_round_trip(const struct input *in)
{
	struct cookie_jar	*jar = jar_new(), *back, *back2;
	struct hg_err		 e;
	struct buf		 b1;
	int			 warned = 0;

	FUZZ_CHECK(cookie_load(jar, in->file, in->filelen, in->now, in->junk,
	    count_warn, &warned, &e) == HERR_OK);
	save(jar, in->now, &b1);
	round_trips(&b1, in->now, &back, &back2);
	buf_free(&b1);
	cookie_jar_free(jar);
	cookie_jar_free(back);
	cookie_jar_free(back2);
}

/*
 * Both together, as a run with -b and responses: the field stays clean,
 * and the round trips hold.  A file's "Set-Cookie:" line without Domain
 * is not saved and goes to IP-address hosts only: other hosts get the
 * same set of cookies after one round trip, the same field after two.
 */
static void
check_mixed(const struct input *in)
{
	struct cookie_jar	*jar = jar_new(), *back, *back2;
	struct hg_err		 e;
	struct buf		 b;
	size_t			 i;
	char			*h, *h2;

	FUZZ_CHECK(cookie_load(jar, in->file, in->filelen, in->now, in->junk,
	    NULL, NULL, &e) == HERR_OK);
	for (i = 0; i < in->nlines; i++)
		FUZZ_CHECK(cookie_set(jar, &in->o, in->lines[i], in->lens[i],
		    in->now) <= 1);
	h = header(jar, &in->o, in->now + 86400 * 365);
	free(h);
	save(jar, in->now, &b);
	round_trips(&b, in->now, &back, &back2);
	h = header(jar, &in->o, in->now);
	h2 = header(back, &in->o, in->now);
	if (!is_ip(in->o.host))
		check_same_set(h, h2);
	free(h2);
	h2 = header(back2, &in->o, in->now);
	if (!is_ip(in->o.host))
		FUZZ_CHECK(strcmp(h, h2) == 0);
	free(h);
	free(h2);
	buf_free(&b);
	cookie_jar_free(jar);
	cookie_jar_free(back);
	cookie_jar_free(back2);
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
