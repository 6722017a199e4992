/* src/span.h: {pointer, length} views into buffers we do not copy */
#ifndef HG_SPAN_H
#define HG_SPAN_H

#include <stddef.h>
#include <string.h>

struct span {
	const char	*p;
	size_t		 n;
};

static inline struct span
span_make(const char *p, size_t n)
{
	struct span	 s = { p, n };

	return s;
}

static inline int
span_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* The value of a hex digit (RFC 3986 §2.1 pct-encoding), or -1. */
static inline int
span_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = span_lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* ASCII case-insensitive compare with a C string (header names, tokens). */
static inline int
span_eqi(struct span s, const char *t)
{
	size_t	 i;

	for (i = 0; i < s.n; i++)
		if (t[i] == '\0' || span_lower((unsigned char)s.p[i]) !=
		    span_lower((unsigned char)t[i]))
			return 0;
	return t[i] == '\0';
}

static inline int
span_is_ows(int c)
{
	return c == ' ' || c == '\t';
}

/* RFC 9110 §5.6.3: OWS = *( SP / HTAB ), trimmed from both ends. */
static inline struct span
span_trim(struct span s)
{
	while (s.n > 0 && span_is_ows((unsigned char)s.p[0])) {
		s.p++;
		s.n--;
	}
	while (s.n > 0 && span_is_ows((unsigned char)s.p[s.n - 1]))
		s.n--;
	return s;
}

#endif
