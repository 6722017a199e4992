/* tests/unit/t_glob.c: curl 7.88's URL globs, expansions and errors */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "glob.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Each row: a URL, and either its expansions joined with ' ' or
 * "ERR POS: what" (curl 7.88.1's position and words, measured with
 * "curl -sS URL"); tmpl, when set, is an -o name and name what it
 * becomes for the last expansion.
 */
struct row {
	const char	*url;
	const char	*want;
	const char	*tmpl;
	const char	*name;
};

static const struct row rows[] = {
	{ "u", "u", NULL, NULL },
	{ "", "", NULL, NULL },
	{ "{a,b}", "a b", NULL, NULL },
	{ "x{a,b}y", "xay xby", NULL, NULL },
	{ "{a,}", "a ", NULL, NULL },
	{ "{a\\,b,c}", "a,b c", NULL, NULL },
	{ "[1-3]", "1 2 3", NULL, NULL },
	{ "[01-03]", "01 02 03", NULL, NULL },
	{ "[8-10]", "8 9 10", NULL, NULL },
	{ "[08-10]", "08 09 10", NULL, NULL },
	{ "[1-10:4]", "1 5 9", NULL, NULL },
	{ "[5-5]", "5", NULL, NULL },
	{ "[a-c]", "a b c", NULL, NULL },
	{ "[a-e:2]", "a c e", NULL, NULL },
	{ "[A-C]", "A B C", NULL, NULL },
	{ "[1-2]{x,y}", "1x 1y 2x 2y", NULL, NULL },
	{ "h/{a,b}/[1-2]", "h/a/1 h/a/2 h/b/1 h/b/2", "f#1_#2", "fb_2" },
	{ "h/[1-2]", "h/1 h/2", "#1#2#0#", "2#2#0#" },
	{ "{a,b}", "a b", "#1", "#1" },	/* curl's count: parts, not globs */
	{ "h/\\[x\\]", "h/[x]", NULL, NULL },
	{ "h/\\a", "h/\\a", NULL, NULL },
	{ "http://[::1]:8/[1-2]", "http://[::1]:8/1 http://[::1]:8/2",
	    NULL, NULL },
	{ "http://h/[]", "http://h/[]", NULL, NULL },
	/* errors */
	{ "http://127.0.0.1:1/[1-", "ERR 23: bad range", NULL, NULL },
	{ "http://127.0.0.1:1/{a,b", "ERR 20: unmatched brace", NULL, NULL },
	{ "http://127.0.0.1:1/[3-1]", "ERR 25: bad range", NULL, NULL },
	{ "http://127.0.0.1:1/[a-5]", "ERR 25: bad range", NULL, NULL },
	{ "http://127.0.0.1:1/[1-5:0]", "ERR 27: bad range", NULL, NULL },
	{ "h/[1-5:9]", "ERR 10: bad range", NULL, NULL },
	{ "h/[5-5:2]", "ERR 10: bad range", NULL, NULL },
	{ "h/[a-z:0]", "ERR 10: bad range", NULL, NULL },
	{ "h/[a-b", "ERR 4: bad range", NULL, NULL },
	{ "h/[1x2]", "ERR 4: bad range", NULL, NULL },
	{ "h/[1-x]", "ERR 6: bad range", NULL, NULL },
	{ "h/[*]", "ERR 4: bad range specification", NULL, NULL },
	{ "h/a}", "ERR 4: unmatched close brace/bracket", NULL, NULL },
	{ "h/]", "ERR 3: unmatched close brace/bracket", NULL, NULL },
	{ "h/{}", "ERR 4: empty string within braces", NULL, NULL },
	{ "h/{a[1-2]}", "ERR 5: nested brace", NULL, NULL },
	{ "h/{a{b}}", "ERR 5: nested brace", NULL, NULL },
	{ "h/{a]}", "ERR 5: unexpected close bracket", NULL, NULL },
	{ "h/[1-99999999999999999999]", "ERR 6: bad range", NULL, NULL },
};

static void
test_rows(void)
{
	struct glob	 g;
	struct glob_err	 ge;
	char		 got[1024], *u, *name = NULL;
	size_t		 i, n;

	for (i = 0; i < NELEM(rows); i++) {
		got[0] = '\0';
		if (glob_compile(&g, rows[i].url, &ge) == -1)
			(void)snprintf(got, sizeof(got), "ERR %zu: %s",
			    ge.pos, ge.what);
		else
			for (n = 0; (u = glob_next(&g)) != NULL; n++) {
				if (n > 0)
					(void)strlcat(got, " ", sizeof(got));
				(void)strlcat(got, u, sizeof(got));
				free(u);
				if (rows[i].tmpl != NULL) {
					free(name);
					name = glob_name(&g, rows[i].tmpl);
				}
			}
		TAP_OK(strcmp(got, rows[i].want) == 0,
		    "row %zu %s: got \"%s\", want \"%s\"", i, rows[i].url,
		    got, rows[i].want);
		if (rows[i].tmpl != NULL)
			TAP_OK(name != NULL && strcmp(name, rows[i].name) == 0,
			    "row %zu: name \"%s\", want \"%s\"", i,
			    name != NULL ? name : "(null)", rows[i].name);
		free(name);
		name = NULL;
		glob_free(&g);
	}
}

/* Counts multiply; overflow and the part cap are errors. */
static void
test_limits(void)
{
	struct glob	 g;
	struct glob_err	 ge;
	char		 url[1024];
	size_t		 i;

	TAP_OK(glob_compile(&g, "[1-1000][1-1000][1-1000]", &ge) == 0 &&
	    g.count == 1000000000ULL, "count %llu",
	    (unsigned long long)g.count);
	glob_free(&g);
	TAP_OK(glob_compile(&g, "[0-4294967295][0-4294967295]"
	    "[0-4294967295]", &ge) == -1 &&
	    strcmp(ge.what, "range overflow") == 0, "overflow: %s",
	    ge.what != NULL ? ge.what : "");
	glob_free(&g);
	url[0] = '\0';
	for (i = 0; i < 60; i++)
		(void)strlcat(url, "x{a}", sizeof(url));
	TAP_OK(glob_compile(&g, url, &ge) == -1 &&
	    strcmp(ge.what, "too many globs") == 0, "too many: %s",
	    ge.what != NULL ? ge.what : "");
	glob_free(&g);
}

int
main(void)
{
	test_rows();
	test_limits();
	return tap_done();
}
