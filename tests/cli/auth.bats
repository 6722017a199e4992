#!/usr/bin/env bats
# tests/cli/auth.bats: credentials.  -u (Basic, RFC 7617), the password
# prompt, --oauth2-bearer, the URL's userinfo, netrc, their precedence,
# which of them a redirect carries (-L, --location-trusted), -v redaction
# and the blanking of secrets in /proc/PID/cmdline.

load helper

@test "auth: user:password in the URL is sent as Basic, percent-decoded" {
	serve -n 1 tests/data/ok.http
	hget_run -sS "http://us%40er:p%3Ass@127.0.0.1:$PORT/x"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-url.req.1
}

@test "auth: a -H Authorization wins over the URL's user" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -H 'Authorization: Bearer t' "http://u@127.0.0.1:$PORT/y"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-url.req.2
}

# --- helpers for the tests below ---------------------------------------
#
# Every case was also run by hand with curl 7.88.1 against the same
# hgserve steps; the requests in tests/data/auth-*.req are curl's, recorded
# with tests/record-curl.sh (or, where the URL carries userinfo or two
# servers are involved, the same way by hand: hgserve records, the port
# becomes @PORT@ and curl's User-Agent @UA@).  Identical recordings are
# kept once and shared.  Where hget differs from curl on purpose, the test
# says so.

teardown() {
	exec 7>&-
	if [[ -n ${BGPID:-} ]]; then
		kill "$BGPID" 2>/dev/null
		wait "$BGPID" 2>/dev/null
	fi
	hg_teardown
}

# wait_for FILE [TEXT]: wait up to 5 s for FILE to exist (and hold TEXT).
wait_for() {
	local i

	for ((i = 0; i < 250; i++)); do
		if [[ -e $1 ]] && { [[ -z ${2:-} ]] || grep -qF -- "$2" "$1"; }
		then
			return 0
		fi
		sleep 0.02
	done
	fail "$1 never appeared${2:+ holding $2}"
}

# assert_trace_line N LINE: stderr (a -v trace) holds LINE exactly N times.
assert_trace_line() {
	local n

	n=$(grep -cFx -- "$2" "$T/err") || true
	[[ $n -eq $1 ]] ||
	    fail "$(printf '%s times, expected %s: %s\n%s' "$n" "$1" "$2" \
	    "$(sed -n 'l 0' "$T/err")")"
}

# refute_stderr_has TEXT: TEXT appears nowhere in stderr.
refute_stderr_has() {
	! grep -qF -- "$1" "$T/err" ||
	    fail "stderr shows $1: $(sed -n 'l 0' "$T/err")"
}

# notty_hget: from here on $HGET runs without a controlling terminal
# (setsid), so that a password prompt reads stdin even when bats itself
# runs on a terminal (it would otherwise wait for the keyboard).
notty_hget() {
	printf '#!/bin/sh\nexec setsid -w %s "$@"\n' "$HGET" >"$T/hget-notty"
	chmod +x "$T/hget-notty"
	HGET=$T/hget-notty
}

# home_with_netrc [TEXT]: $HOME becomes an empty directory of the test's,
# holding a .netrc made of TEXT (printf format) if one is given.
home_with_netrc() {
	mkdir -p "$T/home"
	# shellcheck disable=SC2059
	[[ $# -eq 0 ]] || printf "$1" >"$T/home/.netrc"
	export HOME=$T/home
}

# serve_b: server B, answering one request with ok.http; its port and
# records in $PB and $RB.
serve_b() {
	serve -n 1 tests/data/ok.http
	PB=$PORT
	RB=$REC
}

# serve_a_to_b: server A, whose one answer is a 302 to B's /ok (written
# here: the Location names B's port).  $URL and $REC are A's.
serve_a_to_b() {
	printf 'HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:%s/ok\r\nContent-Length: 0\r\n\r\n' \
	    "$PB" >"$T/302.http"
	serve -n 1 "$T/302.http"
}

# --- -u user:password: Basic (RFC 7617) ----------------------------------

@test "auth: -u splits at the first ':', the rest of the colons are the password's" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -u 'user:pa:ss:wd' "$URL/colon"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-colon.req
}

@test "auth: -u ':' sends an empty user and password (Basic Og==)" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -u : "$URL/empty"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-empty.req
}

@test "auth: -u 'user:' sends an empty password and asks for none" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -u user: "$URL/nopass" </dev/null
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-nopass.req
}

@test "auth: -u with UTF-8 bytes: base64 of the bytes as given" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -u $'us\xc3\xa9r:p\xc3\xa4ss\xe2\x9c\x93' "$URL/utf8"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-utf8.req
}

@test "auth: --basic -u sends Basic as without it" {
	serve -n 1 tests/data/ok.http
	hget_run -sS --basic -u a:b "$URL/basic"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-basic.req
}

@test "auth: -u with CR or LF is refused (2), nothing sent" {
	# curl sends it base64-encoded; hget refuses control bytes in
	# credentials: RFC 7617 §2 forbids them
	serve -n 1 tests/data/ok.http
	hget_run -sS -u $'a\r\nb:c' "$URL/p"
	assert_status 2
	assert_stdout ''
	assert_stderr $'hget: option -u: the credentials hold a CR or LF, which RFC 7617 does not allow\nhget: try \'hget --help\' or \'hget --manual\' for more information\n'
	refute_request 1
}

# --- -u user: the password prompt ---------------------------------------

@test "auth: -u user without a terminal reads the password from stdin" {
	serve -n 1 tests/data/ok.http
	notty_hget
	printf 'sec:ret\n' >"$T/pw"
	hget_run -sS -u user "$URL/prompt" <"$T/pw"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	# curl ends the prompt line once the password is read
	assert_stderr $'Enter host password for user \'user\':\n'
	assert_request 1 tests/data/auth-prompt.req
}

@test "auth: -u user: a stdin password without a newline is taken whole" {
	# curl 7.88 drops the last byte (it takes it for the newline) and
	# sends "user:sec:re"; hget sends what was typed
	serve -n 1 tests/data/ok.http
	notty_hget
	printf 'sec:ret' >"$T/pw"
	hget_run -sS -u user "$URL/prompt" <"$T/pw"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr $'Enter host password for user \'user\':\n'
	assert_request 1 tests/data/auth-prompt.req
}

@test "auth: -u user with an empty stdin sends an empty password" {
	serve -n 1 tests/data/ok.http
	notty_hget
	hget_run -sS -u user "$URL/prompt" </dev/null
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr $'Enter host password for user \'user\':\n'
	assert_request 1 tests/data/auth-prompt-empty.req
}

@test "auth: -u user on a terminal prompts there and does not echo" {
	command -v script >/dev/null || skip "script(1) is not installed"
	serve -n 1 tests/data/ok.http
	mkfifo "$T/keys"
	printf -v cmd '%q ' "$HGET" -sS -u user "$URL/prompt" -o "$T/body"
	# script(1) gives hget a pty as its terminal; the keys go in only
	# once the prompt is out, i.e. after echo was turned off
	SHELL=$BASH timeout 20 script -qec "$cmd" /dev/null <"$T/keys" >"$T/tty" 2>&1 3>&- &
	BGPID=$!
	exec 7>"$T/keys"
	wait_for "$T/tty" "Enter host password"
	printf 'sec:ret\n' >&7
	exec 7>&-
	status=0
	wait "$BGPID" || status=$?
	BGPID=
	assert_status 0
	hg_cmp body "$DATA/ok.body" "$T/body"
	# the terminal shows the prompt and the newline, not the password
	# (curl the same; curl writes the prompt to stderr, hget to the tty)
	printf 'Enter host password for user '\''user'\'':\r\n' >"$T/want.tty"
	hg_cmp terminal "$T/want.tty" "$T/tty"
	assert_request 1 tests/data/auth-prompt.req
}

# --- --oauth2-bearer -----------------------------------------------------

@test "auth: --oauth2-bearer sends Authorization: Bearer TOKEN" {
	serve -n 1 tests/data/ok.http
	hget_run -sS --oauth2-bearer tok.en-1 "$URL/bearer"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-bearer.req
}

@test "auth: --oauth2-bearer with CR LF is refused (2): no header injection" {
	# curl sends "Authorization: Bearer a" and a second line "X-Evil: 1"
	serve -n 1 tests/data/ok.http
	hget_run -sS --oauth2-bearer $'a\r\nX-Evil: 1' "$URL/p"
	assert_status 2
	assert_stdout ''
	assert_stderr $'hget: option --oauth2-bearer: the value holds a CR or LF, which would split the request\nhget: try \'hget --help\' or \'hget --manual\' for more information\n'
	refute_request 1
}

# --- credentials in the URL -------------------------------------------

@test "auth: URL userinfo is percent-decoded, UTF-8 and reserved bytes included" {
	serve -n 1 tests/data/ok.http
	hget_run -sS "http://%C3%A9t%C3%A9:p%20w%2F%25%3A@127.0.0.1:$PORT/pct"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-url-pct.req
}

@test "auth: URL 'u@' sends 'u:', URL ':pw@' sends ':pw'" {
	serve -n 1 tests/data/ok.http tests/data/ok.http
	hget_run -sS "http://u@127.0.0.1:$PORT/user" "http://:pw@127.0.0.1:$PORT/pw" </dev/null
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/auth-url-partial.req
	assert_request 2 tests/data/auth-url-partial.req.2
}

@test "auth: a %00 in the URL password is refused (3), nothing sent" {
	# "u:p\0x" would reach a C server as "u:p"; curl refuses it
	serve -n 1 tests/data/ok.http
	hget_run -sS "http://u:p%00x@127.0.0.1:$PORT/nul"
	assert_status 3
	assert_stdout ''
	assert_stderr $'hget: (3) URL using bad/illegal format or missing URL\n'
	refute_request 1
}

# --- precedence: bearer > -u > URL; -H Authorization over all ----------

@test "auth: --oauth2-bearer wins over -u and the URL's credentials" {
	serve -n 1 tests/data/ok.http
	hget_run -sS --oauth2-bearer T -u a:b "http://c:d@127.0.0.1:$PORT/p"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-bearer-wins.req
}

@test "auth: -u wins over the URL's credentials" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -u a:b "http://c:d@127.0.0.1:$PORT/p"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-u-wins.req
}

@test "auth: -H Authorization replaces the field -u would add" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -u a:b -H 'Authorization: Bearer X' "$URL/p"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-hdr-wins.req
}

# --- netrc ---------------------------------------------------------------

@test "auth: -n reads \$HOME/.netrc" {
	home_with_netrc 'machine 127.0.0.1 login nu password np\n'
	serve -n 1 tests/data/ok.http
	hget_run -sS -n "$URL/netrc"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-netrc.req
}

@test "auth: --netrc is -n" {
	home_with_netrc 'machine 127.0.0.1 login nu password np\n'
	serve -n 1 tests/data/ok.http
	hget_run -sS --netrc "$URL/netrc"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-netrc.req
}

@test "auth: -n without a ~/.netrc is no error and sends no credentials" {
	home_with_netrc
	serve -n 1 tests/data/ok.http
	hget_run -sS -n "$URL/n"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-none.req
}

@test "auth: -n: netrc's password replaces the URL's" {
	home_with_netrc 'machine 127.0.0.1 login nu password np\n'
	serve -n 1 tests/data/ok.http
	hget_run -sS -n "http://nu:urlpw@127.0.0.1:$PORT/netrc"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-netrc-beats-url.req
}

@test "auth: --netrc-optional: the URL's password wins, netrc fills in without one" {
	home_with_netrc 'machine 127.0.0.1 login nu password np\n'
	serve -n 1 tests/data/ok.http tests/data/ok.http
	hget_run -sS --netrc-optional "http://nu:urlpw@127.0.0.1:$PORT/url" "$URL/none"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/auth-netrc-optional.req
	assert_request 2 tests/data/auth-netrc-optional.req.2
}

@test "auth: -u wins over netrc, --oauth2-bearer over both" {
	home_with_netrc 'machine 127.0.0.1 login nu password np\n'
	serve tests/data/ok.http tests/data/ok.http
	hget_run -sS -n -u a:b "$URL/p"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-u-wins.req
	hget_run -sS -n -u a:b --oauth2-bearer T "$URL/p"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 2 tests/data/auth-bearer-wins.req
}

@test "auth: --netrc-file FILE is read in place of ~/.netrc" {
	home_with_netrc 'machine 127.0.0.1 login nu password np\n'
	printf 'machine 127.0.0.1 login alice password apw\n' >"$T/rc"
	serve -n 1 tests/data/ok.http
	hget_run -sS --netrc-file "$T/rc" "$URL/first"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-netrc-login.req.2
}

@test "auth: --netrc-file naming a missing file exits 26 with a message" {
	# curl 7.88 goes on silently without credentials (exit 0); hget
	# will not send a request the user meant to authenticate
	serve -n 1 tests/data/ok.http
	hget_run -sS --netrc-file "$T/nope" "$URL/n"
	assert_status 26
	assert_stdout ''
	assert_stderr "hget: (26) Couldn't read the netrc file $T/nope: No such file or directory"$'\n'
	refute_request 1
}

@test "auth: netrc 'default' applies to a host with no machine entry" {
	printf 'machine other.example login o password op\ndefault login du password dp\n' >"$T/rc"
	serve -n 1 tests/data/ok.http
	hget_run -sS --netrc-file "$T/rc" "$URL/default"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-netrc-default.req
}

@test "auth: netrc with only another host's entry sends nothing" {
	printf 'machine other.example login o password op\n' >"$T/rc"
	serve -n 1 tests/data/ok.http
	hget_run -sS --netrc-file "$T/rc" "$URL/n"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-none.req
}

@test "auth: netrc quoted tokens: blanks, \\\" \\\\ and \\t escapes" {
	printf 'machine 127.0.0.1 login "u s\\"r" password "p w\\\\x\\ty"\n' >"$T/rc"
	serve -n 1 tests/data/ok.http
	hget_run -sS --netrc-file "$T/rc" "$URL/quoted"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	# u s"r : p w\x<TAB>y
	assert_request 1 tests/data/auth-netrc-quoted.req
}

@test "auth: the URL's user picks the netrc entry; without one, the first" {
	printf 'machine 127.0.0.1 login alice password apw\nmachine 127.0.0.1 login bob password bpw\n' >"$T/rc"
	serve -n 1 tests/data/ok.http tests/data/ok.http
	hget_run -sS --netrc-file "$T/rc" "http://bob@127.0.0.1:$PORT/bob" "$URL/first"
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/auth-netrc-login.req
	assert_request 2 tests/data/auth-netrc-login.req.2
}

@test "auth: a netrc syntax error exits 26, nothing sent" {
	# curl says only "curl: (26) .netrc parser error"
	printf 'machine 127.0.0.1 login "unterminated password x\n' >"$T/rc"
	serve -n 1 tests/data/ok.http
	hget_run -sS --netrc-file "$T/rc" "$URL/n"
	assert_status 26
	assert_stdout ''
	assert_stderr "hget: (26) .netrc parser error: unterminated quoted string ($T/rc)"$'\n'
	refute_request 1
}

# --- credential scope on redirects ---------------------------------------
#
# Another port: servers A and B on two ports of 127.0.0.1.  Another host:
# one server, reached as 127.0.0.1 and then as localhost.  curl 7.88.1
# (Debian's, with the CVE-2022-27776 fix) also drops -u, the bearer, the
# URL's credentials and -H Authorization / -H Cookie on a host change AND
# on a port change; it differs from hget only for netrc (see those tests).

@test "auth: redirect to another port drops -u" {
	serve_b
	serve_a_to_b
	hget_run -sSL -u a:b "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-u.req
	assert_request 1 tests/data/auth-ok.req "$RB"
}

@test "auth: redirect to another port drops --oauth2-bearer" {
	serve_b
	serve_a_to_b
	hget_run -sSL --oauth2-bearer T "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-bearer.req
	assert_request 1 tests/data/auth-ok.req "$RB"
}

@test "auth: redirect to another port drops -H Authorization and -H Cookie" {
	serve_b
	serve_a_to_b
	hget_run -sSL -H 'Authorization: Bearer X' -H 'Cookie: c=1' "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-hdr.req
	assert_request 1 tests/data/auth-ok.req "$RB"
}

@test "auth: redirect to another port drops the URL's credentials" {
	serve_b
	serve_a_to_b
	hget_run -sSL "http://u:p@127.0.0.1:$PORT/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-url.req
	assert_request 1 tests/data/auth-ok.req "$RB"
}

@test "auth: redirect to another port drops netrc credentials" {
	# curl 7.88 sends them (netrc names a host, not a port); hget keeps
	# every credential to the origin it was meant for
	printf 'machine 127.0.0.1 login nu password np\n' >"$T/rc"
	serve_b
	serve_a_to_b
	hget_run -sSL --netrc-file "$T/rc" "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-netrc.req
	assert_request 1 tests/data/auth-ok.req "$RB"
}

@test "auth: redirect from 127.0.0.1 to localhost drops -u" {
	serve tests/data/auth-302-localhost.http tests/data/ok.http
	hget_run -sSL -u a:b "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-u.req
	assert_request 2 tests/data/auth-ok-localhost.req
}

@test "auth: redirect from 127.0.0.1 to localhost drops --oauth2-bearer" {
	serve tests/data/auth-302-localhost.http tests/data/ok.http
	hget_run -sSL --oauth2-bearer T "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-bearer.req
	assert_request 2 tests/data/auth-ok-localhost.req
}

@test "auth: redirect from 127.0.0.1 to localhost drops -H Authorization and -H Cookie" {
	serve tests/data/auth-302-localhost.http tests/data/ok.http
	hget_run -sSL -H 'Authorization: Bearer X' -H 'Cookie: c=1' "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-hdr.req
	assert_request 2 tests/data/auth-ok-localhost.req
}

@test "auth: redirect from 127.0.0.1 to localhost drops the URL's credentials" {
	serve tests/data/auth-302-localhost.http tests/data/ok.http
	hget_run -sSL "http://u:p@127.0.0.1:$PORT/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-url.req
	assert_request 2 tests/data/auth-ok-localhost.req
}

@test "auth: redirect to localhost sends no netrc credentials, not even localhost's own" {
	# curl 7.88 looks netrc up again for the new host and sends
	# localhost's entry (lu:lp); hget sends the user's credentials only
	# to the origin the user named, so a server cannot choose which of
	# them a redirect spends
	printf 'machine 127.0.0.1 login nu password np\nmachine localhost login lu password lp\n' >"$T/rc"
	serve tests/data/auth-302-localhost.http tests/data/ok.http
	hget_run -sSL --netrc-file "$T/rc" "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-netrc.req
	assert_request 2 tests/data/auth-ok-localhost.req
}

@test "auth: redirect to localhost does not send netrc's default entry" {
	# curl 7.88 sends "default" (du:dp) to the new host as well
	printf 'default login du password dp\n' >"$T/rc"
	serve tests/data/auth-302-localhost.http tests/data/ok.http
	hget_run -sSL --netrc-file "$T/rc" "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-default.req
	assert_request 2 tests/data/auth-ok-localhost.req
}

@test "auth: redirect from http to https sends nothing in clear" {
	# the Location is https on the same host and port, where a plain
	# server listens: the handshake fails (35, as curl), and nothing of
	# the request, credentials least of all, crosses in clear.
	serve tests/data/auth-302-https.http tests/data/ok.http
	hget_run -sSL -u a:b "$URL/r"
	assert_status 35
	assert_stdout ''
	[[ $stderr == "hget: (35) "* ]]
	assert_request 1 tests/data/auth-r-u.req
	if [[ -e $REC/req.2 ]]; then
		! grep -aq 'Authorization\|GET /ok' "$REC/req.2"
	fi
}

@test "auth: a same-origin redirect (relative Location) keeps -u and -H Cookie" {
	serve tests/data/auth-302-rel.http tests/data/ok.http
	hget_run -sSL -u a:b -H 'Cookie: c=1' "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-u-cookie.req
	assert_request 2 tests/data/auth-ok-u-cookie.req
}

@test "auth: a same-origin redirect keeps -H Authorization" {
	serve tests/data/auth-302-rel.http tests/data/ok.http
	hget_run -sSL -H 'Authorization: Bearer X' "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-authz.req
	assert_request 2 tests/data/auth-ok-authz.req
}

@test "auth: a same-origin redirect keeps --oauth2-bearer" {
	serve tests/data/auth-302-rel.http tests/data/ok.http
	hget_run -sSL --oauth2-bearer T "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-bearer.req
	assert_request 2 tests/data/auth-ok-bearer.req
}

@test "auth: a same-origin redirect keeps netrc credentials" {
	printf 'machine 127.0.0.1 login nu password np\n' >"$T/rc"
	serve tests/data/auth-302-rel.http tests/data/ok.http
	hget_run -sSL --netrc-file "$T/rc" "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-netrc.req
	assert_request 2 tests/data/auth-ok-netrc.req
}

@test "auth: a relative redirect keeps the URL's credentials" {
	serve tests/data/auth-302-rel.http tests/data/ok.http
	hget_run -sSL -w '%{url_effective}\n' "http://u:p@127.0.0.1:$PORT/r"
	assert_status 0
	assert_stdout "hello"$'\n'"http://u:p@127.0.0.1:$PORT/ok"$'\n'
	assert_stderr ''
	assert_request 1 tests/data/auth-r-url.req
	assert_request 2 tests/data/auth-ok-url.req
}

@test "auth: an absolute same-origin redirect keeps the URL's credentials" {
	# Location: http://127.0.0.1:PORT/ok names no user; the origin is the
	# same, so curl goes on sending u:p (and %{url_effective} has none)
	serve tests/data/auth-302-abs.http tests/data/ok.http
	hget_run -sSL -w '%{url_effective}\n' "http://u:p@127.0.0.1:$PORT/r"
	assert_status 0
	assert_stdout "hello"$'\n'"http://127.0.0.1:$PORT/ok"$'\n'
	assert_stderr ''
	assert_request 1 tests/data/auth-r-url.req
	assert_request 2 tests/data/auth-ok-url.req
}

@test "auth: an absolute same-origin redirect keeps -u" {
	serve tests/data/auth-302-abs.http tests/data/ok.http
	hget_run -sSL -u a:b "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-u.req
	assert_request 2 tests/data/auth-ok-u.req
}

# --- --location-trusted ----------------------------------------------------

@test "auth: --location-trusted sends -u and -H Cookie to another port" {
	serve_b
	serve_a_to_b
	hget_run -sS --location-trusted -u a:b -H 'Cookie: c=1' "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-u-cookie.req
	assert_request 1 tests/data/auth-ok-u-cookie.req "$RB"
}

@test "auth: --location-trusted sends -H Authorization and Cookie to another port" {
	serve_b
	serve_a_to_b
	hget_run -sS --location-trusted -H 'Authorization: Bearer X' -H 'Cookie: c=1' "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-hdr.req
	assert_request 1 tests/data/auth-ok-hdr.req "$RB"
}

@test "auth: --location-trusted sends --oauth2-bearer to another port" {
	serve_b
	serve_a_to_b
	hget_run -sS --location-trusted --oauth2-bearer T "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-bearer.req
	assert_request 1 tests/data/auth-ok-bearer.req "$RB"
}

@test "auth: --location-trusted sends the URL's credentials to another port" {
	serve_b
	serve_a_to_b
	hget_run -sS --location-trusted "http://u:p@127.0.0.1:$PORT/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-url.req
	assert_request 1 tests/data/auth-ok-url.req "$RB"
}

@test "auth: --location-trusted sends netrc credentials to another port of the host" {
	printf 'machine 127.0.0.1 login nu password np\n' >"$T/rc"
	serve_b
	serve_a_to_b
	hget_run -sS --location-trusted --netrc-file "$T/rc" "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-netrc.req
	assert_request 1 tests/data/auth-ok-netrc.req "$RB"
}

@test "auth: --location-trusted sends -u and -H Cookie to another host" {
	serve tests/data/auth-302-localhost.http tests/data/ok.http
	hget_run -sS --location-trusted -u a:b -H 'Cookie: c=1' "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-u-cookie.req
	assert_request 2 tests/data/auth-ok-localhost-u-cookie.req
}

@test "auth: --location-trusted uses the new host's own netrc entry" {
	printf 'machine 127.0.0.1 login nu password np\nmachine localhost login lu password lp\n' >"$T/rc"
	serve tests/data/auth-302-localhost.http tests/data/ok.http
	hget_run -sS --location-trusted --netrc-file "$T/rc" "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-netrc.req
	assert_request 2 tests/data/auth-ok-localhost-netrc.req
}

@test "auth: --location-trusted never sends one host's netrc entry to another" {
	# curl 7.88 sends 127.0.0.1's nu:np to localhost here; hget looks
	# netrc up for each host, and localhost has no entry
	printf 'machine 127.0.0.1 login nu password np\n' >"$T/rc"
	serve tests/data/auth-302-localhost.http tests/data/ok.http
	hget_run -sS --location-trusted --netrc-file "$T/rc" "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-r-netrc.req
	assert_request 2 tests/data/auth-ok-localhost.req
}

# --- -v: secrets redacted --------------------------------------------------

@test "auth: -v shows 'Authorization: Basic [redacted]', never the password" {
	# curl -v shows the base64 credentials; hget redacts them on purpose
	serve -n 1 tests/data/ok.http
	hget_run -sS -v -u user:s3cr3t "$URL/secret"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_trace_line 1 $'> Authorization: Basic [redacted]\r'
	assert_trace_line 1 $'> GET /secret HTTP/1.1\r'
	refute_stderr_has s3cr3t
	refute_stderr_has dXNlcjpzM2NyM3Q
	assert_request 1 tests/data/auth-secret.req
}

@test "auth: -v shows 'Authorization: Bearer [redacted]'" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -v --oauth2-bearer s3cr3t-tok "$URL/secret"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_trace_line 1 $'> Authorization: Bearer [redacted]\r'
	refute_stderr_has s3cr3t
	assert_request 1 tests/data/auth-secret-bearer.req
}

@test "auth: -v redacts a -H Authorization too" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -v -u a:b -H 'Authorization: Bearer X' "$URL/p"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_trace_line 1 $'> Authorization: Bearer [redacted]\r'
	refute_stderr_has 'Bearer X'
	assert_request 1 tests/data/auth-hdr-wins.req
}

@test "auth: --trace-secrets shows the credentials in -v" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -v --trace-secrets -u user:s3cr3t "$URL/secret"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_trace_line 1 $'> Authorization: Basic dXNlcjpzM2NyM3Q=\r'
	refute_stderr_has '[redacted]'
	assert_request 1 tests/data/auth-secret.req
}

@test "auth: -v with a prompted password: it appears nowhere on stderr" {
	serve -n 1 tests/data/ok.http
	notty_hget
	printf 's3cr3t\n' >"$T/pw"
	hget_run -sS -v -u user "$URL/secret" <"$T/pw"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_trace_line 1 $'> Authorization: Basic [redacted]\r'
	refute_stderr_has s3cr3t
	refute_stderr_has dXNlcjpzM2NyM3Q
	assert_request 1 tests/data/auth-secret.req
}

@test "auth: -v on a redirect to another port: no Authorization on the second hop" {
	serve_b
	serve_a_to_b
	hget_run -sSL -v -u a:b "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_trace_line 1 $'> Authorization: Basic [redacted]\r'
	assert_trace_line 1 "> Host: 127.0.0.1:$PB"$'\r'
	assert_request 1 tests/data/auth-r-u.req
	assert_request 1 tests/data/auth-ok.req "$RB"
}

# --- the command line: secrets blanked in /proc/PID/cmdline -----------

# cmdline_while_running ARG...: run hget with ARG... against a server that
# answers after 1 s, copy /proc/PID/cmdline once the request is in, and
# collect the exit status, stdout and stderr as hget_run does.
cmdline_while_running() {
	serve -n 1 tests/data/ok.http,delay=1000
	"$HGET" "$@" "$URL/secret" >"$T/out" 2>"$T/err" 3>&- &
	BGPID=$!
	# the request is out, so the options were parsed long ago
	wait_for "$REC/req.1"
	cp "/proc/$BGPID/cmdline" "$T/cmdline"
	status=0
	wait "$BGPID" || status=$?
	BGPID=
}

@test "auth: -u's argument is blanked in /proc/PID/cmdline while hget runs" {
	cmdline_while_running -sS -u user:s3cr3t
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	printf '%s\0' "$HGET" -sS -u '           ' "$URL/secret" >"$T/want.cmdline"
	hg_cmp cmdline "$T/want.cmdline" "$T/cmdline"
	assert_request 1 tests/data/auth-secret.req
}

@test "auth: --oauth2-bearer's argument is blanked in /proc/PID/cmdline" {
	cmdline_while_running -sS --oauth2-bearer s3cr3t-tok
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	printf '%s\0' "$HGET" -sS --oauth2-bearer '          ' "$URL/secret" >"$T/want.cmdline"
	hg_cmp cmdline "$T/want.cmdline" "$T/cmdline"
	assert_request 1 tests/data/auth-secret-bearer.req
}

@test "auth: an attached -uUSER:PASS is blanked too (curl leaves it)" {
	# curl blanks only a separate argument; "-uuser:s3cr3t" stays
	# readable in its /proc/PID/cmdline
	cmdline_while_running -sS -uuser:s3cr3t
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	printf '%s\0' "$HGET" -sS '-u           ' "$URL/secret" >"$T/want.cmdline"
	hg_cmp cmdline "$T/want.cmdline" "$T/cmdline"
	assert_request 1 tests/data/auth-secret.req
}
