/* tests/fuzz/fuzz.h: what every libFuzzer target shares */
#ifndef HG_FUZZ_H
#define HG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A broken invariant is a finding: say which and let libFuzzer save it. */
#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant broken: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/* Reads the input as fields: each ends at a NUL or LF, or at the end. */
struct fuzz_in {
	const uint8_t	*p;
	size_t		 n;
};

/*
 * The next field as a malloc'd string of exactly its length plus the NUL,
 * so ASan sees any read past it.  Never NULL unless malloc fails.
 */
static inline char *
fuzz_field(struct fuzz_in *in)
{
	size_t	 k = 0;
	char	*s;

	while (k < in->n && in->p[k] != '\0' && in->p[k] != '\n')
		k++;
	if ((s = malloc(k + 1)) == NULL)
		abort();
	memcpy(s, in->p, k);
	s[k] = '\0';
	if (k < in->n)
		k++;
	in->p += k;
	in->n -= k;
	return s;
}

/* The whole input up to its first NUL, as an exact-size malloc'd string. */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	size_t	 k = strnlen((const char *)data, size);
	char	*s;

	if ((s = malloc(k + 1)) == NULL)
		abort();
	memcpy(s, data, k);
	s[k] = '\0';
	return s;
}

/* One byte of the input, 0 when it is used up. */
static inline unsigned
fuzz_byte(struct fuzz_in *in)
{
	unsigned	 c;

	if (in->n == 0)
		return 0;
	c = in->p[0];
	in->p++;
	in->n--;
	return c;
}

/* The rest of the input as an exact-size malloc'd copy (len 0: 1 byte). */
static inline char *
fuzz_rest(struct fuzz_in *in, size_t *len)
{
	char	*s;

	if ((s = malloc(in->n > 0 ? in->n : 1)) == NULL)
		abort();
	if (in->n > 0)
		memcpy(s, in->p, in->n);
	*len = in->n;
	in->p += in->n;
	in->n = 0;
	return s;
}

/* Both NULL, or both strings and equal. */
static inline int
fuzz_streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

#endif
