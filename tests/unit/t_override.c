/* tests/unit/t_override.c: --connect-to and --resolve rules */
#include <string.h>

#include "override.h"
#include "tap.h"

static void
test_connect_to(void)
{
	static const struct {
		const char	*rule, *host;
		unsigned	 port;
		int		 rc;
		const char	*out;
		unsigned	 outport;
	} rows[] = {
		{ "a:80:b:81", "a", 80, 1, "b", 81 },
		{ "a:80:b:81", "A", 80, 1, "b", 81 },
		{ "a:80:b:81", "a", 81, 0, NULL, 0 },
		{ "a:80:b:81", "c", 80, 0, NULL, 0 },
		{ "::b:", "x", 443, 1, "b", 443 },
		{ ":443::8443", "x", 443, 1, "x", 8443 },
		{ "[::1]:80:[fe80::1]:81", "::1", 80, 1, "fe80::1", 81 },
		{ "a:80:b", "a", 80, 1, "b", 80 },
		{ "a:80:b:", "a", 80, 1, "b", 80 },
		{ "a:80:b:x", "a", 80, -1, NULL, 0 },
		{ "a:99999:b:1", "a", 80, -1, NULL, 0 },
		{ "[::1:80:b:1", "a", 80, -1, NULL, 0 },
	};
	const char	*r[1];
	char		 out[64];
	unsigned	 port, i;
	int		 rc;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		r[0] = rows[i].rule;
		port = 0;
		rc = override_connect_to(r, 1, rows[i].host, rows[i].port, out,
		    sizeof(out), &port);
		TAP_OK(rc == rows[i].rc, "connect-to %s: rc %d", rows[i].rule,
		    rc);
		if (rc == 1)
			TAP_OK(strcmp(out, rows[i].out) == 0 &&
			    port == rows[i].outport, "connect-to %s: %s:%u",
			    rows[i].rule, out, port);
	}
}

static void
test_resolve(void)
{
	static const struct {
		const char	*rule, *host;
		unsigned	 port;
		int		 rc;
		const char	*out;
	} rows[] = {
		{ "a:80:127.0.0.1", "a", 80, 1, "127.0.0.1" },
		{ "a:80:127.0.0.1", "a", 443, 0, NULL },
		{ "A:80:1.2.3.4,[::1]", "a", 80, 1, "1.2.3.4,::1" },
		{ "+a:80:1.2.3.4", "a", 80, 1, "1.2.3.4" },
		{ "a:80:", "a", 80, -1, NULL },
		{ "a::1.2.3.4", "a", 80, 0, NULL },
	};
	const char	*r[1], *two[2] = { "a:80:1.1.1.1", "a:80:2.2.2.2" };
	char		 out[64];
	unsigned	 i;
	int		 rc;

	TAP_OK(override_resolve(two, 2, "a", 80, out, sizeof(out)) == 1 &&
	    strcmp(out, "2.2.2.2") == 0, "resolve: the last rule wins");
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		r[0] = rows[i].rule;
		rc = override_resolve(r, 1, rows[i].host, rows[i].port, out,
		    sizeof(out));
		TAP_OK(rc == rows[i].rc, "resolve %s: rc %d", rows[i].rule, rc);
		if (rc == 1)
			TAP_OK(strcmp(out, rows[i].out) == 0, "resolve %s: %s",
			    rows[i].rule, out);
	}
}

int
main(void)
{
	test_connect_to();
	test_resolve();
	return tap_done();
}
