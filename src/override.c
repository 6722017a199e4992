/* src/override.c: curl's --connect-to and --resolve rules, PURE */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "override.h"
#include "span.h"

/* One "host" part: "[v6]" or up to the next ':'; *end after it. */
static int
override_host(const char *s, struct span *h, const char **end)
{
	const char	*close;

	if (*s == '[') {
		if ((close = strchr(s, ']')) == NULL)
			return -1;
		*h = span_make(s + 1, (size_t)(close - s - 1));
		*end = close + 1;
		return **end == ':' || **end == '\0' ? 0 : -1;
	}
	*h = span_make(s, strcspn(s, ":"));
	*end = s + h->n;
	return 0;
}

/* One "port" part: digits up to the next ':' or the end; 0 when empty. */
static int
override_port(const char *s, unsigned *port, const char **end)
{
	unsigned long	 v = 0;
	const char	*p;

	for (p = s; *p >= '0' && *p <= '9'; p++)
		if ((v = v * 10 + (unsigned long)(*p - '0')) > 65535)
			return -1;
	if (*p != ':' && *p != '\0')
		return -1;
	*port = (unsigned)v;
	*end = p;
	return 0;
}

static int
override_same_host(struct span rule, const char *host)
{
	return rule.n == strlen(host) && strncasecmp(rule.p, host, rule.n) == 0;
}

static int
override_copy(struct span s, char *out, size_t outlen)
{
	if (s.n >= outlen)
		return -1;
	memcpy(out, s.p, s.n);
	out[s.n] = '\0';
	return 0;
}

int
override_connect_to(const char *const *rules, size_t n, const char *host,
    unsigned port, char *out, size_t outlen, unsigned *outport)
{
	struct span	 h1, h2;
	unsigned	 p1, p2;
	const char	*s;
	size_t		 i;

	for (i = 0; i < n; i++) {
		s = rules[i];
		/* "HOST2" alone, without ":PORT2", keeps the port too */
		p2 = 0;
		if (override_host(s, &h1, &s) == -1 || *s++ != ':' ||
		    override_port(s, &p1, &s) == -1 || *s++ != ':' ||
		    override_host(s, &h2, &s) == -1 || (*s != '\0' &&
		    (*s++ != ':' || override_port(s, &p2, &s) == -1 ||
		    *s != '\0')))
			return -1;
		if ((h1.n > 0 && !override_same_host(h1, host)) ||
		    (p1 != 0 && p1 != port))
			continue;
		if (h2.n == 0)
			h2 = span_make(host, strlen(host));
		if (override_copy(h2, out, outlen) == -1)
			return -1;
		*outport = p2 != 0 ? p2 : port;
		return 1;
	}
	return 0;
}

int
override_resolve(const char *const *rules, size_t n, const char *host,
    unsigned port, char *out, size_t outlen)
{
	struct span	 h, a;
	unsigned	 p;
	const char	*s;
	size_t		 i, o;

	/* a later rule for the same host and port replaces an earlier one */
	for (i = n; i-- > 0;) {
		s = rules[i];
		if (*s == '+')
			s++;		/* curl's "add, time out later": same */
		if (override_host(s, &h, &s) == -1 || *s++ != ':' ||
		    override_port(s, &p, &s) == -1 || *s++ != ':' || *s == '\0')
			return -1;
		if (!override_same_host(h, host) || p != port)
			continue;
		for (o = 0; *s != '\0'; s += *s == ',') {
			a = span_make(s, strcspn(s, ","));
			s += a.n;
			if (a.n >= 2 && a.p[0] == '[' && a.p[a.n - 1] == ']')
				a = span_make(a.p + 1, a.n - 2);
			if (o + a.n + 2 > outlen)
				return -1;
			if (o > 0)
				out[o++] = ',';
			memcpy(out + o, a.p, a.n);
			o += a.n;
		}
		out[o] = '\0';
		return 1;
	}
	return 0;
}
