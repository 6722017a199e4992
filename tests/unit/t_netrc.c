/*
 * tests/unit/t_netrc.c: netrc lookup, one row per behaviour measured on
 * curl 7.88.1 (Debian 7.88.1-10+deb12u14) with
 *	curl --netrc-file FILE --resolve HOST:PORT:127.0.0.1 http://HOST:PORT/
 * against tests/server/hgserve, reading the Authorization it sent.  A row
 * with a login is a URL naming that user (http://bob@a:PORT/).  FOUND
 * "u","p" is "Basic u:p" on the wire, NONE is no Authorization, BAD is
 * exit 26 ".netrc parser error".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netrc.h"
#include "tap.h"

#define RAW(s)	s, sizeof(s) - 1
#define F	NETRC_FOUND
#define N	NETRC_NONE, NULL, NULL
#define B	NETRC_BAD, NULL, NULL

struct nrow {
	const char	*raw;
	size_t		 rawlen;
	const char	*host;
	const char	*login;		/* user named in the URL, or NULL */
	enum netrc_rc	 rc;
	const char	*user;		/* F: expected login and password */
	const char	*pass;
};

static const struct nrow rows[] = {
	/* entries: host case-insensitive, the first complete one wins */
	{ RAW("machine a.test login u password p\n"), "a.test", NULL, F,
	    "u", "p" },
	{ RAW("machine a.test login u password p\n"), "b.test", NULL, N },
	{ RAW("machine a.test login u password p\n"), "A.TEST", NULL, F,
	    "u", "p" },
	{ RAW("machine A login u password p"), "a", NULL, F, "u", "p" },
	{ RAW("machine a login u password p\nmachine a login v password q\n"),
	    "a", NULL, F, "u", "p" },
	{ RAW("machine a login u\nmachine a login v password q\n"), "a", NULL,
	    F, "v", "q" },
	{ RAW("machine b login u password p\nmachine a login v password q\n"),
	    "a", NULL, F, "v", "q" },
	/* half entries */
	{ RAW("machine a password p\n"), "a", NULL, F, "", "p" },
	{ RAW("machine a login u\n"), "a", NULL, F, "u", "" },
	{ RAW("machine a\n"), "a", NULL, N },
	{ RAW("machine a login \"\"\n"), "a", NULL, F, "", "" },
	{ RAW("machine a login \"\" password \"\"\n"), "a", NULL, F, "", "" },
	{ RAW("machine a login u password \"\"\n"), "a", NULL, F, "u", "" },
	{ RAW("machine a login u password"), "a", NULL, F, "u", "" },
	{ RAW("machine"), "a", NULL, N },
	{ RAW(""), "a", NULL, N },
	{ RAW("machine a login u\nmachine a\n"), "a", NULL, F, "", "" },
	{ RAW("machine a login u\nmachine b\nmachine a\n"), "a", NULL, N },
	{ RAW("machine a login u\nmachine b\n"), "a", NULL, F, "", "" },
	{ RAW("machine a login u\nmachine b\ndefault\n"), "a", NULL, F,
	    "", "" },
	/* default: anywhere in the file, a complete one ends the lookup */
	{ RAW("default login d password dp\n"), "a", NULL, F, "d", "dp" },
	{ RAW("default login d password dp\nmachine a login u password p\n"),
	    "a", NULL, F, "d", "dp" },
	{ RAW("machine a login u password p\ndefault login d password dp\n"),
	    "a", NULL, F, "u", "p" },
	{ RAW("machine a login u\ndefault login d password dp\n"), "a", NULL,
	    F, "d", "dp" },
	{ RAW("machine a login u password \"\"\ndefault login d password dp\n"),
	    "a", NULL, F, "u", "" },
	{ RAW("machine b login u password p\ndefault login d password dp\n"
	    "machine a login v password q\n"), "a", NULL, F, "d", "dp" },
	{ RAW("default login d password dp\ndefault login e password ep\n"),
	    "a", NULL, F, "d", "dp" },
	{ RAW("default login d\nmachine a login u password p\n"), "a", NULL,
	    F, "u", "p" },
	{ RAW("default login d\nmachine b login u password p\n"), "a", NULL,
	    F, "", "" },
	{ RAW("default\n"), "a", NULL, N },
	{ RAW("machine a login alice password x\ndefault login bob "
	    "password d\n"), "a", NULL, F, "alice", "x" },
	/* default keeps the entry's found bits: a login alone completes it */
	{ RAW("machine a password x\ndefault login bob password d\n"), "a",
	    NULL, F, "bob", "" },
	{ RAW("machine a login alice\ndefault login bob password d\n"), "a",
	    NULL, F, "bob", "d" },
	/* keywords: case-insensitive, quoted too; other words are skipped */
	{ RAW("MACHINE a LOGIN u PASSWORD p\n"), "a", NULL, F, "u", "p" },
	{ RAW("\"machine\" a \"LOGIN\" u \"password\" p\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine \"a\" login \"u\" password \"p\"\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a login u account password password p\n"), "a", NULL,
	    F, "u", "password" },
	{ RAW("machine a account x login u password p\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a login machine password p\n"), "a", NULL, F,
	    "machine", "p" },
	/* outside our entry, values are not skipped: keywords act */
	{ RAW("machine b login default password p\n"), "a", NULL, F,
	    "", "p" },
	{ RAW("machine b password machine a login u password p\n"), "a", NULL,
	    F, "u", "p" },
	{ RAW("machine b login u password macdef\nmachine a login v "
	    "password q\n\nmachine a login w password r\n"), "a", NULL, F,
	    "w", "r" },
	/* host names as curl passes them */
	{ RAW("machine a login u password p\n"), "a.", NULL, N },
	{ RAW("machine a. login u password p\n"), "a.", NULL, F, "u", "p" },
	{ RAW("machine ::1 login u password p\n"), "::1", NULL, F, "u", "p" },
	{ RAW("machine [::1] login u password p\n"), "::1", NULL, N },
	{ RAW("machine xn--bcher-kva.test login u password p\n"),
	    "xn--bcher-kva.test", NULL, F, "u", "p" },
	{ RAW("machine 127.0.0.1 login u password p\n"), "127.0.0.1", NULL,
	    F, "u", "p" },

	/* a login named in the URL: exact match, else the last password */
	{ RAW("machine a password p\n"), "a", "bob", F, "bob", "p" },
	{ RAW("machine a login alice password x\n"), "a", "bob", F,
	    "bob", "x" },
	{ RAW("machine a login alice password x\nmachine a login bob "
	    "password y\n"), "a", "bob", F, "bob", "y" },
	{ RAW("machine a login bob password y\n"), "a", "bob", F, "bob", "y" },
	{ RAW("machine a login Bob password y\n"), "a", "bob", F, "bob", "y" },
	{ RAW("machine a login bob password y\nmachine a login Bob "
	    "password z\n"), "a", "Bob", F, "Bob", "z" },
	{ RAW("machine a login bob\n"), "a", "bob", F, "bob", "" },
	{ RAW("machine a login alice password x\ndefault password d\n"), "a",
	    "bob", F, "bob", "d" },
	{ RAW("machine a login alice password x\ndefault login bob "
	    "password d\n"), "a", "bob", F, "bob", "" },
	{ RAW("default login bob password d\n"), "a", "bob", F, "bob", "d" },
	{ RAW("default login alice password d\n"), "a", "bob", F, "bob", "d" },
	{ RAW("default password d\n"), "a", "bob", F, "bob", "d" },
	{ RAW("default\n"), "a", "bob", F, "bob", "" },
	{ RAW("machine a login alice\ndefault login bob password d\n"), "a",
	    "bob", F, "bob", "d" },
	{ RAW("machine a login alice password x\nmachine b login bob "
	    "password d\n"), "a", "bob", F, "bob", "" },
	{ RAW("machine a login alice password x\nmachine a login bob\n"), "a",
	    "bob", F, "bob", "" },
	{ RAW("machine a login alice password x\nmachine a login carol "
	    "password z\n"), "a", "bob", F, "bob", "z" },
	{ RAW("machine a login alice password x\nmachine a password z\n"), "a",
	    "bob", F, "bob", "z" },
	{ RAW("machine b login bob password p\n"), "a", "bob", N },
	{ RAW("machine a login bob password p login alice password q\n"), "a",
	    "bob", F, "bob", "p" },
	/* http://:pw@a/ names the empty user */
	{ RAW("machine a login u password q\nmachine a login \"\" "
	    "password p\n"), "a", "", F, "", "p" },
	{ RAW("machine a login u password q\nmachine a login \"\" "
	    "password p\n"), "a", NULL, F, "u", "q" },

	/* quoted tokens: \n \r \t, \x is x; the byte after is skipped */
	{ RAW("machine a login u password \"p\n"), "a", NULL, B },
	{ RAW("machine a login u password \"p\\\"\n"), "a", NULL, B },
	{ RAW("machine a login u password \"p"), "a", NULL, B },
	{ RAW("machine a login u password \"p\\"), "a", NULL, B },
	{ RAW("machine a login u password \"p\\\\\"\n"), "a", NULL, F,
	    "u", "p\\" },
	{ RAW("machine a login u password \"a\\\"b\\\\c\\nd\\re\\tf\\xg\"\n"),
	    "a", NULL, F, "u", "a\"b\\c\nd\re\tfxg" },
	{ RAW("machine a login u password \"a b\"\n"), "a", NULL, F,
	    "u", "a b" },
	{ RAW("machine a login u password \"a\"b\n"), "a", NULL, F, "u", "a" },
	{ RAW("machine a login u password ab\"c\"\n"), "a", NULL, F,
	    "u", "ab\"c\"" },
	{ RAW("machine a login \"u v\" password \"x#y\"\n"), "a", NULL, F,
	    "u v", "x#y" },
	{ RAW("machine a login \"u\"Xpassword p\n"), "a", NULL, F, "u", "p" },
	{ RAW("machine a login \"u\"  password p\n"), "a", NULL, F, "u", "p" },
	{ RAW("machine a login \"u\"\"v\" password p\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a login u\\v password \"p\\\"q\"\n"), "a", NULL, F,
	    "u\\v", "p\"q" },
	{ RAW("machine a login \"u\tv\" password \"\"\n"), "a", NULL, F,
	    "u\tv", "" },
	{ RAW("machine a login \"u\" \npassword p\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a login \"u\"\npassword p\n"), "a", NULL, F, "u", "p" },
	{ RAW("machine a login u password \"p\""), "a", NULL, F, "u", "p" },
	/* a bad quote counts only if read before the lookup ends */
	{ RAW("machine a login u password p \"unterminated\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a login u password p\n\"unterminated\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a login u password p extra \"unterminated\n"), "a",
	    NULL, F, "u", "p" },
	{ RAW("machine b password \"x\nmachine a login u password p\n"), "a",
	    NULL, B },
	{ RAW("machine a login u password p\nmachine a login v password "
	    "\"bad\n"), "a", NULL, F, "u", "p" },
	{ RAW("machine a login u\nmachine a login v password \"bad\n"), "a",
	    NULL, B },

	/* '#' starting a token comments out the rest of the line */
	{ RAW("# comment\nmachine a login u password p\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a login u # comment\npassword p\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a login u password #p\n"), "a", NULL, F, "u", "" },
	{ RAW("machine a login u password p#q\n"), "a", NULL, F, "u", "p#q" },
	{ RAW("#machine a login u password p\n"), "a", NULL, N },
	{ RAW("machine a # login u\n password p\n"), "a", NULL, F, "", "p" },
	{ RAW("machine a login u password #p q\n"), "a", NULL, F, "u", "" },
	{ RAW("machine a login u password\n#p\nq\n"), "a", NULL, F, "u", "q" },
	{ RAW("machine # a\n a login u password p\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a login u password \"#p\"\n"), "a", NULL, F,
	    "u", "#p" },
	{ RAW("   # x\nmachine a login u password p\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("\t#x\nmachine a login u password p\n"), "a", NULL, F,
	    "u", "p" },

	/* separators; an LF after a blank or an empty line is a token "" */
	{ RAW("machine a login u password p\r\n"), "a", NULL, F, "u", "p" },
	{ RAW("machine a\r\nlogin u\r\npassword p\r\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a \nlogin u \npassword p \n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a\tlogin\tu\tpassword\tp"), "a", NULL, F, "u", "p" },
	{ RAW("machine a login u password p"), "a", NULL, F, "u", "p" },
	{ RAW("machine a\rlogin u\rpassword p\r"), "a", NULL, F, "u", "p" },
	{ RAW("machine \na login u password p\n"), "a", NULL, N },
	{ RAW("machine\n\na login u password p\n"), "a", NULL, N },
	{ RAW("machine\r\na login u password p\n"), "a", NULL, N },
	{ RAW("machine a login\r\nu password p\n"), "a", NULL, F, "", "p" },
	{ RAW("machine a login u password\r\np\n"), "a", NULL, F, "u", "" },
	{ RAW("machine a\n   \nlogin u password p\n"), "a", NULL, F,
	    "u", "p" },
	{ RAW("machine a login\n\nu password p\n"), "a", NULL, F, "", "p" },
	{ RAW("machine a login \nu password p\n"), "a", NULL, F, "", "p" },
	{ RAW("machine a login u password "), "a", NULL, F, "u", "" },
	{ RAW("machine a login "), "a", NULL, F, "", "" },
	{ RAW("machine a login \n"), "a", NULL, F, "", "" },
	{ RAW("machine a login"), "a", NULL, N },
	{ RAW("machine a login u\001v password p\n"), "a", NULL, F,
	    "u\001v", "p" },
	{ RAW("machine a login u\vv password p\n"), "a", NULL, F, "u", "p" },
	{ RAW("machine a login u\fv password p\n"), "a", NULL, F, "u", "p" },
	{ RAW("machine a login u\303\251v password p\n"), "a", NULL, F,
	    "u\303\251v", "p" },
	{ RAW("machine a login u\177v password p\n"), "a", NULL, F,
	    "u\177v", "p" },

	/* macdef: skip lines up to one starting with LF or CR */
	{ RAW("macdef init\ncd /\nmachine a login x password y\n\n"
	    "machine a login u password p\n"), "a", NULL, F, "u", "p" },
	{ RAW("macdef init\nmachine a login x password y\n   \n"
	    "machine a login u password p\n"), "a", NULL, N },
	{ RAW("macdef init\nmachine a login x password y\n\r\n"
	    "machine a login u password p\n"), "a", NULL, F, "u", "p" },
	{ RAW("macdef init\nmachine a login x password y\n\t\n"
	    "machine a login u password p\n"), "a", NULL, N },
	{ RAW("macdef init \nmachine a login x password y\n\n"
	    "machine a login u password p\n"), "a", NULL, F, "x", "y" },
	{ RAW("macdef\nmachine a login x password y\n\n"
	    "machine a login u password p\n"), "a", NULL, F, "u", "p" },
	{ RAW("macdef init machine a login x password y\n\n"
	    "machine a login u password p\n"), "a", NULL, F, "u", "p" },
	{ RAW("macdef init\nfoo \"bar\n\nmachine a login u password p\n"), "a",
	    NULL, F, "u", "p" },
	{ RAW("macdef init\n# x\nmachine a login x password y\n\n"
	    "machine a login u password p\n"), "a", NULL, F, "u", "p" },
	{ RAW("machine a macdef init\nlogin x password y\n\n"
	    "login u password p\n"), "a", NULL, F, "x", "y" },
	{ RAW("machine b login u password p macdef init\n"
	    "machine a login x password y\n\nmachine a login u password p\n"),
	    "a", NULL, F, "u", "p" },
	{ RAW("MACDEF init\nmachine a login x password y\n\n"
	    "machine a login u password p\n"), "a", NULL, F, "u", "p" },
	{ RAW("macdef init\nmachine a login x password y\n"), "a", NULL, N },
	{ RAW("macdef x\nbody\n\rmachine a login u password p\n"), "a", NULL,
	    F, "u", "p" },
	{ RAW("macdef x\nbody\n\r\nmachine a login u password p\n"), "a", NULL,
	    F, "u", "p" },

	/* NUL: that line and the next are skipped; NUL first ends the file */
	{ RAW("machine a login u password p\0x\nmachine a login v password q\n"
	    "machine a login w password r\n"), "a", NULL, F, "w", "r" },
	{ RAW("machine a login u\0x\npassword q\npassword r\n"), "a", NULL, N },
	{ RAW("machine a login u\n\0x\npassword q\npassword r\n"), "a", NULL,
	    F, "u", "" },
	{ RAW("machine a login u\n\0\npassword q\npassword r\n"), "a", NULL,
	    F, "u", "" },
	{ RAW("machine a login u\npassword q\0"), "a", NULL, F, "u", "q" },
	{ RAW("machine a login u\npassword\nq\0"), "a", NULL, F, "u", "q" },
	{ RAW("machine a login u\npassword q\0junk"), "a", NULL, F,
	    "u", "q" },
};

static void
check(const char *name, const char *raw, size_t rawlen, const char *host,
    const char *login, enum netrc_rc rc, const char *user, const char *pass)
{
	static char		 lbuf[NETRC_MAX_LINE], pbuf[NETRC_MAX_LINE];
	struct tap_guard	 g;
	const char		*in, *why = "unset";
	enum netrc_rc		 got;

	in = tap_guard(&g, raw, rawlen);
	memset(lbuf, 'L', sizeof(lbuf));
	memset(pbuf, 'P', sizeof(pbuf));
	got = netrc_lookup(in, rawlen, host, login, lbuf, sizeof(lbuf), pbuf,
	    sizeof(pbuf), &why);
	TAP_OK(got == rc, "%s: rc %d, want %d", name, got, rc);
	if (got == NETRC_FOUND && rc == NETRC_FOUND) {
		TAP_OK(strcmp(lbuf, user) == 0, "%s: login \"%s\", want \"%s\"",
		    name, lbuf, user);
		TAP_OK(strcmp(pbuf, pass) == 0, "%s: password \"%.40s\", "
		    "want \"%.40s\"", name, pbuf, pass);
	}
	if (rc == NETRC_BAD)
		TAP_OK(why != NULL && *why != '\0', "%s: no why", name);
	else
		TAP_OK(why == NULL, "%s: why \"%s\" without BAD", name, why);
	tap_guard_free(&g);
}

static void
test_rows(void)
{
	char	 name[32];
	size_t	 i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		snprintf(name, sizeof(name), "row %zu", i);
		check(name, rows[i].raw, rows[i].rawlen, rows[i].host,
		    rows[i].login, rows[i].rc, rows[i].user, rows[i].pass);
	}
}

/* "machine a login u password" + sep + n P's + tail: one long token. */
static size_t
build(char *dst, const char *sep, size_t n, const char *tail, size_t taillen)
{
	size_t	 o;

	o = (size_t)snprintf(dst, 64, "machine a login u password%s", sep);
	memset(dst + o, 'P', n);
	o += n;
	memcpy(dst + o, tail, taillen);
	return o + taillen;
}

/*
 * curl's 4096-byte fgets buffer: 4094 bytes before the LF fit, 4095 do
 * not and the line is skipped (here the password then comes from "q").
 */
static void
test_long(void)
{
	static char	 raw[16384], want[8192];
	size_t		 len;

	memset(want, 'P', 4094);
	want[4094] = '\0';
	len = build(raw, "\n", 4094, RAW("\nq\n"));
	check("own line 4094", raw, len, "a", NULL, F, "u", want);
	len = build(raw, "\n", 4095, RAW("\nq\n"));
	check("own line 4095", raw, len, "a", NULL, F, "u", "q");
	len = build(raw, "\n", 4094, RAW(""));
	check("eof 4094", raw, len, "a", NULL, F, "u", want);
	len = build(raw, "\n", 4095, RAW(""));
	check("eof 4095", raw, len, "a", NULL, F, "u", "");
	len = build(raw, "\n", 5000, RAW(""));
	check("eof 5000", raw, len, "a", NULL, F, "u", "");
	len = build(raw, "\n", 9000, RAW("\nq"));
	check("9000 then q", raw, len, "a", NULL, F, "u", "q");
	len = build(raw, "\n", 8190, RAW("\nq"));
	check("8190 then q", raw, len, "a", NULL, F, "u", "q");
	len = build(raw, "\n", 4094, RAW("\0\nq\n"));
	check("4094 and NUL", raw, len, "a", NULL, F, "u", "q");
	want[4093] = '\0';
	len = build(raw, "\n", 4093, RAW("\r\nq\n"));
	check("crlf 4093", raw, len, "a", NULL, F, "u", want);
	len = build(raw, "\n", 4094, RAW("\r\nq\n"));
	check("crlf 4094", raw, len, "a", NULL, F, "u", "q");
	/* "machine a login u password " is 27 bytes */
	want[4067] = '\0';
	len = build(raw, " ", 4067, RAW("\nq\n"));
	check("same line 4067", raw, len, "a", NULL, F, "u", want);
	len = build(raw, " ", 4068, RAW("\nq\n"));
	check("same line 4068", raw, len, "a", NULL, NETRC_NONE, NULL,
	    NULL);
	/* a quoted token as long as a line can be */
	memset(want, 'P', 4092);
	want[4092] = '\0';
	len = build(raw, "\n\"", 4092, RAW("\"\nq\n"));
	check("quoted 4092", raw, len, "a", NULL, F, "u", want);
	len = build(raw, "\n\"", 4093, RAW("\"\nq\n"));
	check("quoted 4093", raw, len, "a", NULL, F, "u", "q");
}

/* Values that do not fit the caller's buffers are errors, never cut. */
static void
test_buffers(void)
{
	static const char	 raw[] = "machine a login uv password pq\n";
	struct tap_guard	 g;
	const char		*in, *why;
	char			 l[8], p[8];

	in = tap_guard(&g, raw, sizeof(raw) - 1);
	TAP_OK(netrc_lookup(in, sizeof(raw) - 1, "a", NULL, l, 3, p, 3,
	    &why) == NETRC_FOUND && strcmp(l, "uv") == 0 &&
	    strcmp(p, "pq") == 0, "exact fit");
	TAP_OK(netrc_lookup(in, sizeof(raw) - 1, "a", NULL, l, 2, p, 3,
	    &why) == NETRC_BAD && why != NULL, "login too long");
	TAP_OK(netrc_lookup(in, sizeof(raw) - 1, "a", NULL, l, 3, p, 2,
	    &why) == NETRC_BAD && why != NULL, "password too long");
	TAP_OK(netrc_lookup(in, sizeof(raw) - 1, "a", NULL, l, 3, p, 0,
	    &why) == NETRC_BAD, "no password room");
	TAP_OK(netrc_lookup(in, sizeof(raw) - 1, "a", "bob", l, 3, p, 3,
	    &why) == NETRC_BAD, "named login too long");
	TAP_OK(netrc_lookup(in, sizeof(raw) - 1, "a", NULL, l, 3, p, 3,
	    NULL) == NETRC_FOUND, "why may be NULL");
	TAP_OK(netrc_lookup(NULL, 0, "a", NULL, l, 3, p, 3, NULL) ==
	    NETRC_NONE, "empty text");
	tap_guard_free(&g);
}

/* Only the first len bytes count: a prefix of the file is a file. */
static void
test_prefix(void)
{
	static const char	 raw[] =
	    "machine a login u password secret machine a login v password q\n";
	char			 l[16], p[16];

	TAP_OK(netrc_lookup(raw, 28, "a", NULL, l, sizeof(l), p, sizeof(p),
	    NULL) == NETRC_FOUND && strcmp(p, "s") == 0, "prefix cut");
	TAP_OK(netrc_lookup(raw, 27, "a", NULL, l, sizeof(l), p, sizeof(p),
	    NULL) == NETRC_FOUND && strcmp(p, "") == 0, "prefix blank");
}

int
main(void)
{
	test_rows();
	test_long();
	test_buffers();
	test_prefix();
	return tap_done();
}
