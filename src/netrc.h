/* src/netrc.h: PURE netrc lookup, as curl 7.88.1 (Debian 12) reads one */
#ifndef HG_NETRC_H
#define HG_NETRC_H

#include <stddef.h>

/*
 * curl reads the file with a 4096-byte fgets buffer: a line with more than
 * NETRC_MAX_LINE - 2 (4094) bytes before its LF is skipped whole, and the
 * lines after it are still read.  So no login or password is longer than
 * 4094 bytes, and buffers of NETRC_MAX_LINE (or HG_MAX_CRED) always do.
 */
#define NETRC_MAX_LINE	4096

enum netrc_rc {
	NETRC_BAD = -1,		/* syntax error: curl's ".netrc parser error" */
	NETRC_NONE = 0,		/* no entry for this host */
	NETRC_FOUND = 1		/* login and password copied */
};

/*
 * Look up credentials for host in the netrc text (ptr, len).  host is
 * compared ASCII case-insensitively, as curl names it: IDN hosts in
 * punycode, IPv6 literals without brackets, a trailing dot kept.
 *
 * login is NULL, or the user the URL names (percent-decoded; "" for
 * "http://:pw@host/" counts as named): then an entry's login must equal
 * it exactly (case-sensitive), and loginbuf gets login itself.
 *
 * NETRC_FOUND: loginbuf and passbuf hold NUL-terminated copies, either
 * possibly empty (curl then sends "user:" or ":password"; both empty is
 * ":").  NETRC_NONE: nothing to send from netrc.  NETRC_BAD: a quoted
 * token lacks its closing quote before the end of its line, or a value
 * does not fit its buffer; *why (if why is not NULL) is static text.
 * Never reads past len, does no I/O and no allocation.
 *
 * What curl 7.88 does, measured (see tests/unit/t_netrc.c):
 *  - Tokens are split by SP, HTAB, LF, VT, FF and CR; other bytes (controls,
 *    DEL, UTF-8) belong to the token.  Keywords (machine, default, login,
 *    password, macdef) are case-insensitive; anything else, "account"
 *    included, is skipped as one token (its value is read as a token too).
 *    Outside an entry for host, values are not skipped either: "machine b
 *    password default" starts a default entry.
 *  - "..." quotes a token, with \n \r \t and \x for any other x; the byte
 *    after the closing quote is skipped unread.  A quote left open at the
 *    end of its line is NETRC_BAD, unless the lookup ended before it.
 *  - '#' at the start of a token comments out the rest of the line.
 *  - Each line ends in LF (one is added at the end of the file).  The LF
 *    that follows a blank or a quoted token's skipped byte, or an empty
 *    line, is itself an empty token: "machine \nhost" names host "", and
 *    "login\r\nname" sets an empty login.
 *  - macdef NAME skips the lines after it up to one starting with LF or
 *    CR; an empty token on the macdef line itself ends it at once.  Only
 *    outside a matching entry: inside one, macdef is an unknown word.
 *  - A line holding a NUL is skipped with the line after it; a line
 *    starting with NUL ends the file.
 *  - An entry (machine HOST or default, default anywhere) ends the lookup
 *    once it has both a login and a password; login then counts only if
 *    it matches.  Otherwise reading goes on: a later "machine" or
 *    "default" drops the password (and a login not named by the caller),
 *    a later matching machine may complete it, and at the end of the file
 *    the last matching entry's password is used even if its login did not
 *    match the one named.  A matched entry with neither login nor password
 *    is NETRC_NONE.
 *
 * Left to the caller, as curl 7.88 does it: netrc is not read at all when
 * -u is given, with or without a password (curl prompts for a missing one,
 * empty without a terminal).  With -n or --netrc-file a found entry's
 * password replaces the URL's; with --netrc-optional a URL password wins.
 * Without a match the URL's credentials are used as they are.
 */
enum netrc_rc	netrc_lookup(const char *text, size_t len, const char *host,
		    const char *login, char *loginbuf, size_t loginlen,
		    char *passbuf, size_t passlen, const char **why);

#endif
