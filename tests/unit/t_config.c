/* tests/unit/t_config.c: curl's config file syntax, and -K through opts_parse */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "config.h"
#include "opts.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Each row: a file's text, then what config_parse() made of it: the
 * items as "opt=param" ("opt" alone without a value, "opt=<>" for an
 * empty quoted one), joined with '|', and each item's line; or for a
 * malformed file "BAD LINE: why".
 */
struct row {
	const char	*text;
	const char	*want;
};

static const struct row rows[] = {
	/* separators: blanks, '=' and ':' after a bare option */
	{ "silent\n", "silent@1" },
	{ "url = http://a/\n", "url=http://a/@1" },
	{ "url=http://a/\n", "url=http://a/@1" },
	{ "url: http://a:8/x\n", "url=http://a:8/x@1" },
	{ "url == :http://a/\n", "url=http://a/@1" },
	{ "output\tf.txt\n", "output=f.txt@1" },
	/* a dashed option ends at a blank only: '=' is part of it */
	{ "--output=x\n", "--output=x@1" },
	{ "-o x\n", "-o=x@1" },
	{ "-sS\n", "-sS@1" },
	/* comments and blank lines; lines counted all the same */
	{ "# c\n\n  # c\n/ c\n* c\nverbose\n", "verbose@6" },
	{ "   \t\n", "" },
	{ "", "" },
	/* curl reads "#" as the value here, and warns: no comment */
	{ "silent # a comment\n",
	    "BAD 1: white space in an unquoted value (put the value in "
	    "double quotes)" },
	{ "output x # a comment\n", "output=x@1" },
	/* quoted values and their escapes */
	{ "header = \"X: a b\"\n", "header=X: a b@1" },
	{ "data \"a\\tb\\nc\\rd\\ve\"\n", "data=a\tb\nc\rd\ve@1" },
	{ "data \"q\\\"q\\\\b\\x\"\n", "data=q\"q\\bx@1" },
	{ "data \"\"\n", "data=@1" },
	{ "data \"a\" # c\n", "data=a@1" },
	{ "data \"#\"\n", "data=#@1" },
	/* CR LF line ends */
	{ "silent\r\nurl = \"u\"\r\n", "silent@1|url=u@2" },
	{ "url u\r\n", "url=u@1" },
	/* no newline at the end */
	{ "silent\nverbose", "silent@1|verbose@2" },
	/* several lines */
	{ "-s\nurl = a\nurl = b\n", "-s@1|url=a@2|url=b@3" },
	/* malformed */
	{ "data \"abc\n", "BAD 1: unterminated quoted value" },
	{ "silent\ndata \"abc\\\"\n", "BAD 2: unterminated quoted value" },
	{ "data \"abc\\", "BAD 1: unterminated quoted value" },
	{ "data \"a\" b\n", "BAD 1: text after the closing quote" },
	{ "header X: y\n",
	    "BAD 1: white space in an unquoted value (put the value in "
	    "double quotes)" },
	{ "silent\n\n\nurl a b\n",
	    "BAD 4: white space in an unquoted value (put the value in "
	    "double quotes)" },
};

static void
dump(const struct config *c, char *out, size_t len)
{
	size_t	 i;
	char	 one[512];

	out[0] = '\0';
	for (i = 0; i < c->nitems; i++) {
		if (c->items[i].param == NULL)
			(void)snprintf(one, sizeof(one), "%s%s@%zu",
			    i > 0 ? "|" : "", c->items[i].opt,
			    c->items[i].line);
		else
			(void)snprintf(one, sizeof(one), "%s%s=%s@%zu",
			    i > 0 ? "|" : "", c->items[i].opt,
			    c->items[i].param, c->items[i].line);
		(void)strlcat(out, one, len);
	}
}

static void
test_rows(void)
{
	struct config		 c;
	struct config_err	 e;
	enum config_rc		 rc;
	char			 got[2048], *text;
	size_t			 i, len;

	for (i = 0; i < NELEM(rows); i++) {
		len = strlen(rows[i].text);
		if ((text = malloc(len + 1)) == NULL)
			exit(2);
		memcpy(text, rows[i].text, len + 1);
		rc = config_parse(text, len, &c, &e);
		if (rc == CONFIG_BAD)
			(void)snprintf(got, sizeof(got), "BAD %zu: %s",
			    e.line, e.why);
		else if (rc == CONFIG_OK)
			dump(&c, got, sizeof(got));
		else
			(void)snprintf(got, sizeof(got), "rc %d", (int)rc);
		TAP_OK(strcmp(got, rows[i].want) == 0,
		    "row %zu: got \"%s\", want \"%s\"", i, got, rows[i].want);
		config_free(&c);
	}
}

/* A NUL byte in a line is refused, not read as the end of the line. */
static void
test_nul(void)
{
	struct config		 c;
	struct config_err	 e;
	char			*text;

	if ((text = malloc(16)) == NULL)
		exit(2);
	memcpy(text, "silent\nurl a\0b\n", 16);
	TAP_OK(config_parse(text, 15, &c, &e) == CONFIG_BAD && e.line == 2,
	    "NUL: line %zu", e.line);
	config_free(&c);
}

/* A temporary file holding text; its path in path. */
static void
tmpfile_with(char *path, size_t len, const char *text)
{
	FILE	*fp;
	int	 fd;

	(void)snprintf(path, len, "/tmp/t_config.XXXXXX");
	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL)
		exit(2);
	fputs(text, fp);
	if (fclose(fp) != 0)
		exit(2);
}

/*
 * -K through the walker: where the file stands, its values as
 * arguments, its URL, its errors with FILE:LINE.
 */
static void
test_walk(void)
{
	struct opts	 o;
	struct opts_err	 e;
	enum opts_rc	 rc;
	char		 p[64], q[64], want[256];
	char		*argv[8];

	tmpfile_with(p, sizeof(p), "# hgetrc\nsilent\nmax-time = 2.5\n"
	    "header \"X-A: 1 2\"\n-H \"X-B: 3\"\nurl = \"http://x/\"\n"
	    "--location\nno-clobber\n");
	argv[0] = "hget";
	argv[1] = "-K";
	argv[2] = p;
	argv[3] = "-v";
	rc = opts_parse(&o, 4, argv, &e);
	TAP_OK(rc == OPTS_OK, "-K: rc %d (%s)", (int)rc, e.msg);
	TAP_OK(o.silent && o.verbose && o.location && !o.clobber,
	    "-K: the flags");
	TAP_OK(o.max_time_ms == 2500, "-K: max-time %lld",
	    (long long)o.max_time_ms);
	TAP_OK(o.nheaders == 2 && strcmp(o.headers[0], "X-A: 1 2") == 0 &&
	    strcmp(o.headers[1], "X-B: 3") == 0, "-K: headers");
	TAP_OK(o.nurls == 1 && strcmp(o.urls[0].url, "http://x/") == 0,
	    "-K: url");
	opts_free(&o);

	/* a command-line option after -K wins; one before loses */
	argv[1] = "-m";
	argv[2] = "9";
	argv[3] = "-K";
	argv[4] = p;
	argv[5] = "-m";
	argv[6] = "1";
	rc = opts_parse(&o, 7, argv, &e);
	TAP_OK(rc == OPTS_OK && o.max_time_ms == 1000, "-K: order");
	opts_free(&o);
	argv[5] = NULL;
	rc = opts_parse(&o, 5, argv, &e);
	TAP_OK(rc == OPTS_OK && o.max_time_ms == 2500, "-K: order 2");
	opts_free(&o);
	(void)unlink(p);

	/* errors: FILE:LINE: and no try line */
	tmpfile_with(p, sizeof(p), "silent\n\nmax-time abc\n");
	argv[1] = "-K";
	argv[2] = p;
	argv[3] = "u";
	rc = opts_parse(&o, 4, argv, &e);
	(void)snprintf(want, sizeof(want), "%s:3: option max-time: expected "
	    "a proper numerical parameter", p);
	TAP_OK(rc == OPTS_USAGE && e.notry && strcmp(e.msg, want) == 0,
	    "bad value: %s", e.msg);
	opts_free(&o);
	(void)unlink(p);

	tmpfile_with(p, sizeof(p), "bogus\n");
	rc = opts_parse(&o, 4, argv, &e);
	(void)snprintf(want, sizeof(want), "%s:1: option bogus: is unknown",
	    p);
	TAP_OK(rc == OPTS_USAGE && strcmp(e.msg, want) == 0, "unknown: %s",
	    e.msg);
	opts_free(&o);
	(void)unlink(p);

	tmpfile_with(p, sizeof(p), "verbose yes\n");
	rc = opts_parse(&o, 4, argv, &e);
	(void)snprintf(want, sizeof(want), "%s:1: option verbose: had "
	    "unsupported trailing garbage", p);
	TAP_OK(rc == OPTS_USAGE && strcmp(e.msg, want) == 0, "garbage: %s",
	    e.msg);
	opts_free(&o);
	(void)unlink(p);

	/* a missing value never takes the next line */
	tmpfile_with(p, sizeof(p), "output\nsilent\n");
	rc = opts_parse(&o, 4, argv, &e);
	(void)snprintf(want, sizeof(want), "%s:1: option output: requires "
	    "parameter", p);
	TAP_OK(rc == OPTS_USAGE && strcmp(e.msg, want) == 0, "no value: %s",
	    e.msg);
	opts_free(&o);
	(void)unlink(p);

	tmpfile_with(p, sizeof(p), "silent\ndata \"x\n");
	rc = opts_parse(&o, 4, argv, &e);
	(void)snprintf(want, sizeof(want), "%s:2: unterminated quoted value",
	    p);
	TAP_OK(rc == OPTS_USAGE && strcmp(e.msg, want) == 0, "syntax: %s",
	    e.msg);
	opts_free(&o);
	(void)unlink(p);

	/* nested: the inner file's place is named */
	tmpfile_with(q, sizeof(q), "silent\n-m x\n");
	(void)snprintf(want, sizeof(want), "verbose\nconfig = %s\n", q);
	tmpfile_with(p, sizeof(p), want);
	rc = opts_parse(&o, 4, argv, &e);
	(void)snprintf(want, sizeof(want), "%s:2: option -m: expected a "
	    "proper numerical parameter", q);
	TAP_OK(rc == OPTS_USAGE && strcmp(e.msg, want) == 0, "nested: %s",
	    e.msg);
	opts_free(&o);
	(void)unlink(p);

	/* a file that includes itself stops at the depth cap */
	(void)unlink(q);
	tmpfile_with(q, sizeof(q), "");
	{
		FILE	*fp = fopen(q, "w");

		if (fp == NULL)
			exit(2);
		fprintf(fp, "-K %s\n", q);
		(void)fclose(fp);
	}
	argv[2] = q;
	rc = opts_parse(&o, 4, argv, &e);
	TAP_OK(rc == OPTS_USAGE && strstr(e.msg, "nested too deep") != NULL,
	    "loop: %s", e.msg);
	opts_free(&o);
	(void)unlink(q);

	/* missing -K file: curl's note, its error, exit 26 */
	argv[2] = "/nonexistent/hgetrc";
	rc = opts_parse(&o, 4, argv, &e);
	TAP_OK(rc == OPTS_USAGE && e.exitcode == 26 && !e.notry &&
	    strcmp(e.msg, "option -K: error encountered when reading a "
	    "file") == 0 && o.nnotes == 1 && strcmp(o.notes[0], "hget: "
	    "cannot read config from '/nonexistent/hgetrc'") == 0,
	    "missing -K: %s", e.msg);
	opts_free(&o);
}

/* The default file: read first, skipped after -q, absent is fine. */
static void
test_rc(void)
{
	struct opts	 o;
	struct opts_err	 e;
	enum opts_rc	 rc;
	char		 p[64];
	char		*argv[4];

	tmpfile_with(p, sizeof(p), "max-time 3\nurl = \"http://rc/\"\n");
	argv[0] = "hget";
	argv[1] = "-m";
	argv[2] = "4";
	rc = opts_parse_rc(&o, 3, argv, p, &e);
	TAP_OK(rc == OPTS_OK && o.max_time_ms == 4000 && o.nurls == 1,
	    "rc first: %d", (int)rc);
	opts_free(&o);
	argv[1] = "-q";
	argv[2] = "u";
	rc = opts_parse_rc(&o, 3, argv, p, &e);
	TAP_OK(rc == OPTS_OK && o.max_time_ms == 0 && o.nurls == 1 &&
	    strcmp(o.urls[0].url, "u") == 0, "-q skips it");
	opts_free(&o);
	argv[1] = "u";
	rc = opts_parse_rc(&o, 2, argv, "/nonexistent/x", &e);
	TAP_OK(rc == OPTS_OK && o.nnotes == 0, "absent rc");
	opts_free(&o);
	(void)unlink(p);
}

/* --next: per-operation options, globals shared, the chain. */
static void
test_next(void)
{
	struct opts	 o;
	struct opts_err	 e;
	enum opts_rc	 rc;
	char		*argv[12];
	int		 n = 0;

	argv[n++] = "hget";
	argv[n++] = "-H";
	argv[n++] = "A: 1";
	argv[n++] = "u1";
	argv[n++] = "--next";
	argv[n++] = "-s";
	argv[n++] = "-o";
	argv[n++] = "f";
	argv[n++] = "u2";
	argv[n++] = "u3";
	rc = opts_parse(&o, n, argv, &e);
	TAP_OK(rc == OPTS_OK && o.next != NULL && o.next->next == NULL,
	    "next: two operations");
	if (rc != OPTS_OK || o.next == NULL) {
		opts_free(&o);
		return;
	}
	TAP_OK(o.nurls == 1 && o.nheaders == 1 && o.next->nurls == 2 &&
	    o.next->nheaders == 0, "next: options reset");
	TAP_OK(o.silent && o.next->silent, "next: -s is global");
	TAP_OK(o.urls[0].out == OPTS_OUT_STDOUT &&
	    o.next->urls[0].out == OPTS_OUT_FILE, "next: outputs per op");
	opts_free(&o);

	/* a leading --next is no operation; a trailing one is refused */
	argv[1] = "-:";
	argv[2] = "u";
	rc = opts_parse(&o, 3, argv, &e);
	TAP_OK(rc == OPTS_OK && o.next == NULL && o.nurls == 1, "-: first");
	opts_free(&o);
	argv[1] = "u";
	argv[2] = "-:";
	rc = opts_parse(&o, 3, argv, &e);
	TAP_OK(rc == OPTS_USAGE && strcmp(e.msg, "no URL specified!") == 0,
	    "-: last");
	opts_free(&o);
	/* each operation's conflicts are its own */
	argv[1] = "-I";
	argv[2] = "u";
	argv[3] = "-:";
	argv[4] = "-d";
	argv[5] = "x";
	argv[6] = "u";
	rc = opts_parse(&o, 7, argv, &e);
	TAP_OK(rc == OPTS_OK && o.head && !o.next->head &&
	    o.next->ndata == 1, "-: -I then -d");
	opts_free(&o);
}

int
main(void)
{
	test_rows();
	test_nul();
	test_walk();
	test_rc();
	test_next();
	return tap_done();
}
