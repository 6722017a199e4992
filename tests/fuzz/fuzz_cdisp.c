/*
 * tests/fuzz/fuzz_cdisp.c: cdisp_filename on any field value.  Input: one
 * byte for dstlen (bit 7: 4096, else 0..381 in steps of 3), then the
 * value.  The value and dst are exact-size heap copies, so ASan sees a
 * read past len or a write past dstlen.  A name given out is NUL-terminated,
 * non-empty, shorter than dstlen and at most NAME_MAX bytes, holds no '/',
 * '\' or control byte (C0, DEL, C1 as UTF-8), and does not start with '.'.
 * The same call twice gives the same answer, and the name given out comes
 * back unchanged when offered again as filename* and as a quoted filename.
 */
#include "fuzz.h"

#include "cdisp.h"

/* <limits.h> is src/limits.h under -Isrc; Linux's NAME_MAX is 255. */
#define F_NAME_MAX	255

static int
call(const char *v, size_t len, char **dst, size_t dstlen)
{
	if ((*dst = malloc(dstlen > 0 ? dstlen : 1)) == NULL)
		abort();
	memset(*dst, 'D', dstlen > 0 ? dstlen : 1);
	return cdisp_filename(v, len, *dst, dstlen);
}

static void
check_name(const char *s, size_t dstlen)
{
	size_t		 n, i;
	unsigned char	 c;

	n = strnlen(s, dstlen);
	FUZZ_CHECK(n < dstlen);
	FUZZ_CHECK(n > 0 && n <= F_NAME_MAX);
	FUZZ_CHECK(s[0] != '.');
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		FUZZ_CHECK(c != '/' && c != '\\');
		FUZZ_CHECK(c >= 0x20 && c != 0x7f);
		FUZZ_CHECK(!(c == 0xc2 && i + 1 < n &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f));
	}
}

/* The name offered back, as RFC 8187 or as a quoted-string: same name. */
static void
check_again(const char *name, size_t dstlen)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 n = strlen(name), i, o;
	char			*v, *d;
	unsigned char		 c;

	if ((v = malloc(32 + 3 * n)) == NULL)
		abort();
	o = (size_t)snprintf(v, 32, "attachment; filename*=UTF-8''");
	for (i = 0; i < n; i++) {
		c = (unsigned char)name[i];
		v[o++] = '%';
		v[o++] = hex[c >> 4];
		v[o++] = hex[c & 15];
	}
	FUZZ_CHECK(call(v, o, &d, dstlen) == 0 && strcmp(d, name) == 0);
	free(d);
	o = (size_t)snprintf(v, 32, "inline; filename=\"");
	for (i = 0; i < n; i++) {
		if (name[i] == '"' || name[i] == '\\')
			v[o++] = '\\';
		v[o++] = name[i];
	}
	v[o++] = '"';
	FUZZ_CHECK(call(v, o, &d, dstlen) == 0 && strcmp(d, name) == 0);
	free(d);
	free(v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	unsigned	 b;
	size_t		 dstlen, len;
	char		*v, *a, *c;
	int		 ra, rc;

	b = fuzz_byte(&in);
	dstlen = b & 0x80 ? 4096 : (b & 0x7f) * 3;
	v = fuzz_rest(&in, &len);
	ra = call(v, len, &a, dstlen);
	rc = call(v, len, &c, dstlen);
	FUZZ_CHECK(ra == 0 || ra == -1);
	FUZZ_CHECK(ra == rc);
	if (dstlen == 0)
		FUZZ_CHECK(ra == -1 && a[0] == 'D');
	if (ra == 0) {
		check_name(a, dstlen);
		FUZZ_CHECK(strcmp(a, c) == 0);
		check_again(a, dstlen);
	}
	free(a);
	free(c);
	free(v);
	return 0;
}
