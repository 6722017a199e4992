/*
 * tests/fuzz/fuzz_head.c: head_parse on any bytes.  A head arrives in
 * pieces, so the answer for a prefix must be HEAD_MORE until the prefix
 * holds enough to decide, and from then on the same answer (same fields,
 * same length) as for the whole buffer.  Each prefix is parsed from an
 * exact-size copy so ASan sees a read past its end.
 */
#include "fuzz.h"

#include "head.h"

#define MAXF	64

struct parsed {
	enum head_rc	 rc;
	struct head	 h;
	struct hfield	 f[MAXF];
	int		 ishttp;
};

static void
parse(struct parsed *p, const char *buf, size_t len)
{
	memset(p, 0, sizeof(*p));
	p->h.fields = p->f;
	p->h.maxfields = MAXF;
	p->rc = head_parse(&p->h, buf, len);
	p->ishttp = head_is_http(buf, len);
}

/* Same answer: spans compared by offset from their buffer, and content. */
static void
same(const struct parsed *a, const char *abuf, const struct parsed *b,
    const char *bbuf)
{
	size_t	 i;

	FUZZ_CHECK(a->rc == b->rc);
	if (a->rc != HEAD_OK) {
		FUZZ_CHECK(fuzz_streq(a->h.why, b->h.why));
		return;
	}
	FUZZ_CHECK(a->h.version == b->h.version);
	FUZZ_CHECK(a->h.status == b->h.status);
	FUZZ_CHECK(a->h.len == b->h.len);
	FUZZ_CHECK(a->h.nfields == b->h.nfields);
	FUZZ_CHECK(a->h.reason.n == b->h.reason.n &&
	    a->h.reason.p - abuf == b->h.reason.p - bbuf);
	for (i = 0; i < a->h.nfields; i++) {
		FUZZ_CHECK(a->f[i].name.p - abuf == b->f[i].name.p - bbuf);
		FUZZ_CHECK(a->f[i].name.n == b->f[i].name.n);
		FUZZ_CHECK(a->f[i].value.p - abuf == b->f[i].value.p - bbuf);
		FUZZ_CHECK(a->f[i].value.n == b->f[i].value.n);
	}
}

/* What a caller does with an OK head: every span inside it, copies work. */
static void
use(const struct parsed *p, const char *buf)
{
	char	 small[8], big[256];
	size_t	 i, n;

	if (p->rc != HEAD_OK)
		return;
	FUZZ_CHECK(p->h.len > 0);
	FUZZ_CHECK(p->h.status >= 100 && p->h.status <= 999);
	for (i = 0; i < p->h.nfields; i++) {
		FUZZ_CHECK(p->f[i].name.p >= buf && p->f[i].name.p +
		    p->f[i].name.n <= buf + p->h.len);
		FUZZ_CHECK(p->f[i].value.p >= buf && p->f[i].value.p +
		    p->f[i].value.n <= buf + p->h.len);
		n = head_value_copy(&p->f[i], small, sizeof(small));
		FUZZ_CHECK(strlen(small) == (n < sizeof(small) ? n :
		    sizeof(small) - 1));
		FUZZ_CHECK(n <= p->f[i].value.n);
		FUZZ_CHECK(head_value_copy(&p->f[i], big, sizeof(big)) == n);
	}
	FUZZ_CHECK(head_find(&p->h, "content-length") == NULL ||
	    p->h.nfields > 0);
}

/* Prefixes to try: every one for short inputs, a spread for long ones. */
static size_t
next_prefix(size_t k, size_t size)
{
	if (k < 512 || k + 2 >= size)
		return k + 1;
	k += size / 256 + 1;
	return k >= size ? size - 1 : k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct parsed	 whole, part;
	const char		*buf = (const char *)data;
	char			*cp;
	size_t			 k;
	int			 decided = 0;

	parse(&whole, buf, size);
	use(&whole, buf);
	for (k = 0; k < size; k = next_prefix(k, size)) {
		if ((cp = malloc(k > 0 ? k : 1)) == NULL)
			abort();
		memcpy(cp, data, k);
		parse(&part, cp, k);
		if (whole.rc == HEAD_OK && k >= whole.h.len)
			FUZZ_CHECK(part.rc == HEAD_OK);
		if (part.rc == HEAD_MORE) {
			FUZZ_CHECK(!decided);
		} else {
			decided = 1;
			same(&whole, buf, &part, cp);
		}
		if (whole.ishttp != -1)
			FUZZ_CHECK(part.ishttp == -1 ||
			    part.ishttp == whole.ishttp);
		free(cp);
	}
	return 0;
}
