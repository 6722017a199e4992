#!/usr/bin/env bats
# tests/cli/cookies.bats: -b/--cookie (literal cookies and cookie files in
# both formats), -c/--cookie-jar, -j/--junk-session-cookies, and the cookie
# engine seen from the command line: Set-Cookie on redirects and across the
# URLs of one command line, deletion, domain, path and Secure rules, the
# order of the Cookie field, the caps, and which cookies a redirect to
# another origin carries.
#
# curl 7.88.1 is the reference: every case was run by hand with curl
# against the same hgserve steps (exit status, stdout, stderr and the jar
# compared), and the expected requests are curl's, recorded as
# tests/record-curl.sh records them (the port as @PORT@, the User-Agent as
# @UA@); the cases with several different steps or two servers were
# recorded the same way by hand.  Identical recordings are kept once:
# cookies-get.req is curl's "GET /" to 127.0.0.1 without a Cookie field.
# The expected jars (cookies-*.jar) are the files curl wrote for the same
# responses.  Other host names reach 127.0.0.1 through --resolve or
# --connect-to.
#
# Where hget differs from curl on purpose the test says so.  Where it
# differs without such a reason, the test asserts curl's behaviour.

load helper

GET=tests/data/cookies-get.req		# GET / to 127.0.0.1, no cookies
OK=tests/data/ok.http			# 200, "hello\n"

# assert_jar EXPECTED FILE: a cookie jar, byte for byte.
assert_jar() {
	[[ -f $2 ]] || fail "no cookie jar written at $2"
	hg_cmp "cookie jar $2" "$(hg_expected "$1")" "$2"
}

# jar_norm FILE BEFORE AFTER N...: FILE with every expiry written for a
# Max-Age of N seconds received between the times BEFORE and AFTER
# replaced by "@+N@", as in the expected jars; prints the new file's name.
jar_norm() {
	local f=$1 before=$2 after=$3

	shift 3
	awk -F '\t' -v OFS='\t' -v b="$before" -v a="$after" -v ns="$*" '
	    BEGIN { n = split(ns, age, " ") }
	    NF == 7 && $5 != 0 {
		for (i = 1; i <= n; i++)
			if ($5 >= b + age[i] && $5 <= a + age[i]) {
				$5 = "@+" age[i] "@"
				break
			}
	    }
	    { print }' "$f" >"$f.norm"
	printf '%s\n' "$f.norm"
}

# serve_b: server B, answering one request with ok.http; its port and
# records in $PB and $RB.
serve_b() {
	serve -n 1 "$OK"
	PB=$PORT
	RB=$REC
}

# serve_a_to_b: server A, whose one answer is a 302 to B's /ok that also
# sets the cookie jar=1 (written here: the Location names B's port).
# $URL and $REC are A's.
serve_a_to_b() {
	printf 'HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:%s/ok\r\nSet-Cookie: jar=1\r\nContent-Length: 0\r\n\r\n' \
	    "$PB" >"$T/302.http"
	serve -n 1 "$T/302.http"
}

# --- -b NAME=VALUE: literal cookies ------------------------------------------

@test "cookies: -b 'n=v; n2=v2' is sent as it is" {
	serve -n 1 "$OK"
	hget_run -sS -b 'n=v; n2=v2' "$URL/x"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-literal.req
}

@test "cookies: several -b literals are joined as curl joins them" {
	serve -n 1 "$OK"
	hget_run -sS -b 'a=1' -b 'b=2;c=3' -b ' d=4' "$URL/x"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-join.req
}

@test "cookies: -H 'Cookie: ...' wins over -b literals" {
	serve -n 1 "$OK"
	hget_run -sS -H 'Cookie: hdr=1' -b lit=1 "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-hdr.req
}

@test "cookies: -H 'Cookie:' removes the field, -b literals too" {
	serve -n 1 "$OK"
	hget_run -sS -H 'Cookie:' -b lit=1 "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 "$GET"
}

@test "cookies: -H Cookie and the engine's cookies make one Cookie field" {
	# differs on purpose: curl 7.88 sends its engine's "Cookie: sid=abc"
	# and the user's "Cookie: hdr=1" as two fields, which RFC 6265 §5.4
	# forbids; hget sends the user's field alone, in both requests
	serve -n 1 tests/data/cookies-set.http "$OK"
	hget_run -sS -H 'Cookie: hdr=1' -b lit=1 -b nofile "$URL/" "$URL/"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/cookies-hdr.req
	assert_request 2 tests/data/cookies-hdr.req
}

# --- -b FILE ------------------------------------------------------------------
#
# cookies-netscape.txt: two comment lines, blank lines, a session cookie,
# a "#HttpOnly_" line, an expired cookie, a malformed line (line 8), a
# deeper path, another path, a domain cookie ".127.0.0.1 TRUE", another
# host.

@test "cookies: -b FILE reads a Netscape file; a malformed line is skipped with a warning" {
	# curl skips the line and says nothing (and shows its progress
	# meter, which hget does not have); the warning is hget's own
	serve -n 1 "$OK"
	hget_run -b "$DATA/cookies-netscape.txt" "$URL/x/y"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr $'Warning: skipping malformed cookie file line 8\n'
	assert_request 1 tests/data/cookies-netscape.req
}

@test "cookies: -s silences the warning about a malformed line" {
	serve -n 1 "$OK"
	hget_run -sS -b "$DATA/cookies-netscape.txt" "$URL/x/y"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-netscape.req
}

@test "cookies: -b FILE with CRLF line ends: no CR in the values" {
	serve -n 1 "$OK"
	hget_run -sS -b "$DATA/cookies-crlf.txt" "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-crlf.req
}

@test "cookies: -b naming a directory is exit 26" {
	# differs on purpose, as for -H @file: curl 7.88 says nothing and
	# sends no cookies (exit 0); a -b FILE that exists but cannot be
	# read is a mistake to report, only a missing one is the "-b nofile"
	# idiom that turns the engine on
	serve -n 1 "$OK"
	mkdir "$T/dir"
	hget_run -sS -b "$T/dir" "$URL/"
	assert_status 26
	assert_stdout ''
	assert_stderr "hget: (26) Failed to read $T/dir: Is a directory"$'\n'
	refute_request 1
}

@test "cookies: -b - reads the cookie file from stdin" {
	serve -n 1 "$OK"
	status=0
	timeout -k 5 "$HGET_TIMEOUT" "$HGET" -sS -b - "$URL/x/y" \
	    <"$DATA/cookies-netscape.txt" >"$T/out" 2>"$T/err" || status=$?
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-netscape.req
}

@test "cookies: -b FILE of Set-Cookie: lines" {
	# s1 (no Domain) and s2 (Path=/x) go to 127.0.0.1; s3 has
	# Domain=a.test; s4's path does not match; s5 and s6 are expired.
	# curl 7.88 sends the Domain-less ones to IP-address hosts only
	# (they land in the hash bucket of IP hosts), so a.test gets s3
	# alone.
	serve -n 2 "$OK" "$OK"
	hget_run -sS -b "$DATA/cookies-setcookie.txt" \
	    --resolve "a.test:$PORT:127.0.0.1" "$URL/x/y" "http://a.test:$PORT/x/y"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/cookies-setcookie.req
	assert_request 2 tests/data/cookies-setcookie.req.2
}

@test "cookies: -b FILE of Set-Cookie: lines: an IP Domain is written host-only to the jar" {
	# "Set-Cookie: s7=seven; Domain=127.0.0.1": curl 7.88 writes
	# "127.0.0.1 FALSE" (an IP address has no subdomains); the
	# Domain-less s1 is not written at all (it has no domain to write)
	serve -n 1 "$OK"
	hget_run -sS -b "$DATA/cookies-setcookie-jar.txt" -c "$T/jar" "$URL/x/y"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-setcookie-jar.req
	assert_jar tests/data/cookies-setcookie.jar "$T/jar"
}

@test "cookies: -b with a missing file is silent and turns the engine on" {
	serve -n 1 tests/data/cookies-set.http "$OK"
	hget_run -sS -b "$T/no-such-file" "$URL/" "$URL/x"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 "$GET"
	assert_request 2 tests/data/cookies-two.req.2
}

@test "cookies: without -b FILE or -c, Set-Cookie is not kept" {
	serve -n 1 tests/data/cookies-set.http "$OK"
	hget_run -sS "$URL/" "$URL/x"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 "$GET"
	assert_request 2 tests/data/cookies-off.req.2
}

@test "cookies: -j drops the file's session cookies, not the server's" {
	serve -n 1 tests/data/cookies-set.http
	hget_run -sS -j -b "$DATA/cookies-netscape.txt" -c "$T/jar" "$URL/x/y"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-j.req
	assert_jar tests/data/cookies-j.jar "$T/jar"
}

# --- -c FILE ------------------------------------------------------------------

@test "cookies: -c writes the jar as curl does (expiry, Max-Age, Domain, Path, Secure, HttpOnly)" {
	# from www.example.co.uk over http: a session cookie; Max-Age=3600;
	# Expires in 2100; Max-Age winning over Expires; Domain=example.co.uk
	# with and without a dot; Path=/p/q; the default path /a/; Secure,
	# refused over http; HttpOnly; every attribute at once; an expired
	# Expires and Max-Age=0, not kept
	local before after

	serve -n 1 tests/data/cookies-jar.http
	before=$(date +%s)
	hget_run -sS --resolve "www.example.co.uk:$PORT:127.0.0.1" \
	    -c "$T/jar" "http://www.example.co.uk:$PORT/a/b"
	after=$(date +%s)
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-jar.req
	assert_jar tests/data/cookies-jar.jar \
	    "$(jar_norm "$T/jar" "$before" "$after" 3600 60)"
}

@test "cookies: -c - writes the jar to stdout after the body" {
	serve -n 1 tests/data/cookies-set.http
	hget_run -sS -c - "$URL/"
	assert_status 0
	assert_stdout_file tests/data/cookies-stdout.out
	assert_stderr ''
	assert_request 1 "$GET"
}

@test "cookies: -c - with two URLs writes the jar once, after the last" {
	# differs from curl 7.88, which flushes its jar after every URL:
	# "-c -" prints it after each body (with -c FILE the last write is
	# the same file as hget's); hget writes it once, when all is done
	serve -n 1 tests/data/cookies-set.http "$OK"
	hget_run -sS -c - "$URL/" "$URL/x"
	assert_status 0
	{ printf 'hello\n'; cat "$DATA/cookies-stdout.out"; } >"$T/want"
	assert_stdout_file "$T/want"
	assert_stderr ''
	assert_request 1 "$GET"
	assert_request 2 tests/data/cookies-two.req.2
}

@test "cookies: Secure over plain http to 127.0.0.1 is kept and sent, as curl" {
	# curl counts http to localhost, 127.0.0.1 and ::1 as secure
	serve -n 1 tests/data/cookies-secure.http "$OK"
	hget_run -sS -c "$T/jar" "$URL/" "$URL/"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 "$GET"
	assert_request 2 tests/data/cookies-secure.req.2
	assert_jar tests/data/cookies-secure.jar "$T/jar"
}

@test "cookies: -c is written after a transfer cut short (18)" {
	serve -n 1 tests/data/cookies-short.http,close
	hget_run -sS -c "$T/jar" "$URL/"
	assert_status 18
	assert_stdout_file tests/data/ok.body
	assert_stderr $'hget: (18) transfer closed with 94 bytes remaining to read\n'
	assert_request 1 "$GET"
	assert_jar tests/data/cookies-fail-short.jar "$T/jar"
}

@test "cookies: -c is written after -f fails on a 404 (22)" {
	serve -n 1 tests/data/cookies-404.http
	hget_run -sSf -c "$T/jar" "$URL/"
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 1 "$GET"
	assert_jar tests/data/cookies-fail-404.jar "$T/jar"
}

@test "cookies: -c is written, empty, after an empty reply (52)" {
	serve -n 1 -,empty
	hget_run -sS -c "$T/jar" "$URL/"
	assert_status 52
	assert_stdout ''
	assert_stderr $'hget: (52) Empty reply from server\n'
	assert_request 1 "$GET"
	assert_jar tests/data/cookies-empty.jar "$T/jar"
}

@test "cookies: a -c jar that cannot be written is exit 23" {
	# differs on purpose: curl 7.88 says nothing and exits 0, and the
	# user believes the cookies were saved
	serve -n 1 tests/data/cookies-set.http
	hget_run -sS -c "$T/no/such/dir/jar" "$URL/"
	assert_status 23
	assert_stdout_file tests/data/ok.body
	assert_stderr "hget: (23) Failed to open the file $T/no/such/dir/jar: No such file or directory"$'\n'
	assert_request 1 "$GET"
}

@test "cookies: -b FILE -c: the jar holds the file's cookies in curl's order" {
	# curl writes its jar newest first, and a file's lines are created
	# in file order: the cookies come out in the reverse of the file's
	# order (the expired and malformed lines gone)
	serve -n 1 "$OK"
	hget_run -sS -b "$DATA/cookies-netscape.txt" -c "$T/jar" "$URL/x/y"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-netscape.req
	assert_jar tests/data/cookies-roundtrip.jar "$T/jar"
}

# --- cookies across requests ---------------------------------------------------

@test "cookies: a 302's Set-Cookie is sent on the redirected request" {
	# rd=1 has Path=/; rp=2 gets the default path /start, which /next
	# does not match
	serve -n 1 tests/data/cookies-302.http "$OK"
	hget_run -sSL -b nofile "$URL/start/here"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-redir.req
	assert_request 2 tests/data/cookies-redir.req.2
}

@test "cookies: without the engine a 302's Set-Cookie is not sent on" {
	serve -n 1 tests/data/cookies-302.http "$OK"
	hget_run -sSL "$URL/start/here"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-redir.req
	assert_request 2 tests/data/cookies-redir-off.req.2
}

@test "cookies: Max-Age=0 and a past Expires delete cookies set earlier" {
	serve -n 1 tests/data/cookies-set2.http tests/data/cookies-delete.http "$OK"
	hget_run -sS -b nofile -c "$T/jar" "$URL/" "$URL/" "$URL/"
	assert_status 0
	assert_stdout $'hello\nhello\nhello\n'
	assert_stderr ''
	assert_request 1 "$GET"
	assert_request 2 tests/data/cookies-delete.req.2
	assert_request 3 tests/data/cookies-delete.req.3
	assert_jar tests/data/cookies-delete.jar "$T/jar"
}

@test "cookies: a -b FILE cookie deleted by the server stays deleted in the -c jar" {
	# the redirect deletes both of the file's cookies: the second
	# request carries new=2 alone, as curl.  Differs on purpose in the
	# jar: curl 7.88 reads the -b files again just before it writes
	# the jar, so the deleted sess=kept and old=kept come back into it;
	# hget writes the cookies as the transfer left them
	serve -n 1 tests/data/cookies-del302.http "$OK"
	hget_run -sSL -b "$DATA/cookies-delete.txt" -c "$T/jar" "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-delfile.req
	assert_request 2 tests/data/cookies-delfile.req.2
	assert_jar tests/data/cookies-delete.jar "$T/jar"
}

@test "cookies: -b FILE is read once for all the URLs" {
	# differs on purpose: curl 7.88 reads the -b files again before
	# every URL, so the second request carries again the sess and old
	# that the first response deleted ("sess=kept; old=kept; new=2")
	serve -n 1 tests/data/cookies-delete.http "$OK"
	hget_run -sS -b "$DATA/cookies-delete.txt" "$URL/" "$URL/"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/cookies-delfile.req
	assert_request 2 tests/data/cookies-delete.req.3
}

# --- domains ------------------------------------------------------------------

@test "cookies: Domain rules under co.uk (public suffixes, other hosts, subdomains)" {
	# www.example.co.uk sets host=1 (host-only), dom=2 for
	# example.co.uk, and tries co.uk, .uk, other.co.uk and
	# x.www.example.co.uk, all refused.  Then sub.example.co.uk and
	# example.co.uk get dom=2, other.co.uk nothing, www both
	local h

	serve -n 5 tests/data/cookies-couk.http "$OK" "$OK" "$OK" "$OK"
	h=.example.co.uk:$PORT
	hget_run -sS -c "$T/jar" --resolve "www$h:127.0.0.1" \
	    --resolve "sub$h:127.0.0.1" --resolve "${h#.}:127.0.0.1" \
	    --resolve "other.co.uk:$PORT:127.0.0.1" \
	    "http://www$h/" "http://sub$h/" "http://${h#.}/" \
	    "http://other.co.uk:$PORT/" "http://www$h/"
	assert_status 0
	assert_stdout $'hello\nhello\nhello\nhello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/cookies-couk.req
	assert_request 2 tests/data/cookies-couk.req.2
	assert_request 3 tests/data/cookies-couk.req.3
	assert_request 4 tests/data/cookies-couk.req.4
	assert_request 5 tests/data/cookies-couk.req.5
	assert_jar tests/data/cookies-couk.jar "$T/jar"
}

@test "cookies: Domain=com, Domain=.com and an IP Domain for a name are refused" {
	# www.shop.com: tld=1 (com) and dtld=2 (.com) refused, ip=4
	# (127.0.0.1) refused, reg=3 (shop.com) kept: other.com gets
	# nothing, www.shop.com reg=3
	serve -n 3 tests/data/cookies-com.http "$OK" "$OK"
	hget_run -sS -c "$T/jar" --resolve "www.shop.com:$PORT:127.0.0.1" \
	    --resolve "other.com:$PORT:127.0.0.1" "http://www.shop.com:$PORT/" \
	    "http://other.com:$PORT/" "http://www.shop.com:$PORT/"
	assert_status 0
	assert_stdout $'hello\nhello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/cookies-shop.req
	assert_request 2 tests/data/cookies-com.req.2
	assert_request 3 tests/data/cookies-com.req.3
	assert_jar tests/data/cookies-com.jar "$T/jar"
}

@test "cookies: a host-only cookie stays with its host, a domain cookie does not (--connect-to)" {
	# a.foo.test sets hostonly=1 and dom=2 (Domain=foo.test):
	# b.foo.test and foo.test get dom=2, a.foo.test both
	serve -n 4 tests/data/cookies-hostonly.http "$OK" "$OK" "$OK"
	hget_run -sS -b nofile --connect-to "::127.0.0.1:$PORT" \
	    http://a.foo.test/ http://b.foo.test/ http://foo.test/ \
	    http://a.foo.test/x
	assert_status 0
	assert_stdout $'hello\nhello\nhello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/cookies-hostonly.req
	assert_request 2 tests/data/cookies-hostonly.req.2
	assert_request 3 tests/data/cookies-hostonly.req.3
	assert_request 4 tests/data/cookies-hostonly.req.4
}

@test "cookies: the Domain attribute is written to the jar in lower case" {
	# Differs on purpose: "Domain=WWW.Shop.COM" is lower-cased (RFC 6265
	# §5.2.3); curl 7.88 keeps the case in the jar (.WWW.Shop.COM).
	# Matching ignores case either way.
	serve -n 2 tests/data/cookies-case.http "$OK"
	hget_run -sS -c "$T/jar" --resolve "www.shop.com:$PORT:127.0.0.1" \
	    "http://www.shop.com:$PORT/" "http://www.shop.com:$PORT/"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/cookies-shop.req
	assert_request 2 tests/data/cookies-case.req.2
	assert_jar tests/data/cookies-case-lower.jar "$T/jar"
}

# --- paths and order -------------------------------------------------------------

@test "cookies: path rules: /a/b is not sent to /c or /a/bc; the longer path first" {
	# /a/b/x sets p1 (/a/b), p2 (/a), p3 (/), p4 (/c/d), p5 (/a/b/x/y);
	# then /a/b/x/y/z gets p5 p1 p2 p3, /c/d/e p4 p3, /a/bc p2 p3, /c
	# and /A/B p3 alone (paths are case-sensitive)
	serve -n 6 tests/data/cookies-path.http "$OK" "$OK" "$OK" "$OK" "$OK"
	hget_run -sS -b nofile "$URL/a/b/x" "$URL/a/b/x/y/z" "$URL/c/d/e" \
	    "$URL/a/bc" "$URL/c" "$URL/A/B"
	assert_status 0
	assert_stdout $'hello\nhello\nhello\nhello\nhello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/cookies-path.req
	assert_request 2 tests/data/cookies-path.req.2
	assert_request 3 tests/data/cookies-path.req.3
	assert_request 4 tests/data/cookies-path.req.4
	assert_request 5 tests/data/cookies-path.req.5
	assert_request 6 tests/data/cookies-path.req.6
}

@test "cookies: the order of the Cookie field is curl's" {
	# /p/x sets a, bbb, cc, dd (default path "/p/") and e (Path=/p).
	# curl 7.88 sorts by the length of the path as stored ("/p/" before
	# "/p"), then of the domain, then of the name, then the newest
	# first: "bbb=2; dd=4; cc=3; a=1; e=5"
	serve -n 1 tests/data/cookies-order.http "$OK"
	hget_run -sS -b nofile "$URL/p/x" "$URL/p/y"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/cookies-order.req
	assert_request 2 tests/data/cookies-order.req.2
}

# --- caps -----------------------------------------------------------------------

@test "cookies: a 6000-byte Set-Cookie is ignored" {
	serve -n 1 tests/data/cookies-big.http "$OK"
	hget_run -sS -b nofile "$URL/" "$URL/"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 "$GET"
	assert_request 2 tests/data/cookies-big.req.2
}

@test "cookies: name and value lengths at curl's limits" {
	# ab= and f= with 4094-byte values are kept; cd= and e= with
	# 4095-byte values are refused (curl 7.88: a value of 4095 bytes or
	# more, or a name and value over 4096)
	serve -n 1 tests/data/cookies-nv.http
	hget_run -sS -c "$T/jar" "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 "$GET"
	assert_jar tests/data/cookies-nv.jar "$T/jar"
}

@test "cookies: at most 150 cookies in a request, the ones curl picks" {
	# 160 cookies c100..c259 for "/": curl takes the first 150 of the
	# file (c100..c249) and sends them newest first; so does hget
	serve -n 1 "$OK"
	hget_run -sS -b "$DATA/cookies-many.txt" "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-many.req
}

@test "cookies: the Cookie field stops before 8190 bytes" {
	# three cookies of 3000 bytes: two fit
	serve -n 1 "$OK"
	hget_run -sS -b "$DATA/cookies-hdrcap.txt" "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-hdrcap.req
}

# --- which cookies a redirect carries ----------------------------------------
#
# Server A (127.0.0.1, one port) answers 302 to server B (127.0.0.1,
# another port), setting jar=1 in the engine.

@test "cookies: -b literals are not sent to another port" {
	# differs on purpose: curl 7.88 sends "Cookie: lit=1" to B as well;
	# hget keeps -b's literal cookies with the origin they were given
	# for, as it keeps -u
	serve_b
	serve_a_to_b
	hget_run -sSL -b lit=1 "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-x-lit.req
	assert_request 1 tests/data/cookies-x-ok.req.b "$RB"
}

@test "cookies: the engine's cookies reach another port, -b literals do not" {
	# cookies ignore ports (RFC 6265 §8.5): jar=1 goes to B, as with
	# curl; curl also sends lit=1 ("jar=1; lit=1"), hget on purpose not
	serve_b
	serve_a_to_b
	hget_run -sSL -b lit=1 -b nofile "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-x-lit.req
	assert_request 1 tests/data/cookies-x-jar.req.b "$RB"
}

@test "cookies: --location-trusted sends -b literals to another port" {
	serve_b
	serve_a_to_b
	hget_run -sS --location-trusted -b lit=1 -b nofile "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-x-lit.req
	assert_request 1 tests/data/cookies-x-trusted.req.b "$RB"
}

@test "cookies: -H Cookie is not sent to another port, as curl" {
	serve_b
	serve_a_to_b
	hget_run -sSL -H 'Cookie: hdr=1' "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-x-hdr.req
	assert_request 1 tests/data/cookies-x-ok.req.b "$RB"
}

@test "cookies: --location-trusted sends -H Cookie to another port" {
	serve_b
	serve_a_to_b
	hget_run -sS --location-trusted -H 'Cookie: hdr=1' "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-x-hdr.req
	assert_request 1 tests/data/cookies-x-hdr-trusted.req.b "$RB"
}

@test "cookies: a same-origin redirect keeps -b literals" {
	serve -n 1 tests/data/cookies-302.http "$OK"
	hget_run -sSL -b lit=1 "$URL/start/here"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/cookies-samelit.req
	assert_request 2 tests/data/cookies-samelit.req.2
}
