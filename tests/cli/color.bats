#!/usr/bin/env bats
# --color and NO_COLOR: -v and -i in colour on a terminal, never elsewhere.
# Terminal cases run hget on a pseudo-terminal with script(1); what the
# terminal got (stdout and stderr together) is then in $T/tty.

load helper

ESC=$'\033'

# tty_run ARG...: hget on a pty; NO_COLOR as the caller's environment has it
tty_run() {
	local cmd

	cmd=$(printf '%q ' "$HGET" "$@")
	status=0
	SHELL=$BASH timeout -k 5 "$HGET_TIMEOUT" script -qec "$cmd" /dev/null \
	    </dev/null >"$T/tty" 2>"$T/err" || status=$?
}

refute_esc() {
	if LC_ALL=C grep -qa "$ESC" "$1"; then
		fail "colour in $1: $(od -c "$1" | head -20)"
	fi
}

# assert_has FILE TEXT: the bytes TEXT are in FILE
assert_has() {
	grep -qaF -- "$2" "$1" || fail "no $(printf %q "$2") in $1: $(od -c "$1" | head -40)"
}

@test "color: -v on a terminal is in colour" {
	serve tests/data/ok.http
	unset NO_COLOR
	tty_run -v "$URL/"
	assert_status 0
	assert_has "$T/tty" "${ESC}[2m*   Trying 127.0.0.1:$PORT...${ESC}[0m"
	assert_has "$T/tty" "${ESC}[1;34m>${ESC}[0m GET / HTTP/1.1"
	assert_has "$T/tty" "${ESC}[1;34m>${ESC}[0m ${ESC}[1mHost${ESC}[0m: 127.0.0.1:$PORT"
	assert_has "$T/tty" "${ESC}[1;35m<${ESC}[0m HTTP/1.1 ${ESC}[32m200${ESC}[0m OK"
	assert_has "$T/tty" "${ESC}[1;35m<${ESC}[0m ${ESC}[1mContent-Type${ESC}[0m: text/plain"
	# the body itself is the server's bytes
	assert_has "$T/tty" $'\nhello\r\n'
}

@test "color: the status code is coloured by its class" {
	local f

	for f in 404:33 301:36 500:31; do
		printf 'HTTP/1.1 %s X\r\nContent-Length: 0\r\n\r\n' "${f%%:*}" \
		    >"$T/r.http"
		serve "$T/r.http"
		tty_run -v "$URL/"
		assert_status 0
		assert_has "$T/tty" "HTTP/1.1 ${ESC}[${f#*:}m${f%%:*}${ESC}[0m X"
	done
}

@test "color: NO_COLOR turns it off" {
	serve tests/data/ok.http
	NO_COLOR=1 tty_run -v -i "$URL/"
	assert_status 0
	assert_has "$T/tty" '< HTTP/1.1 200 OK'
	assert_has "$T/tty" 'Content-Type: text/plain'
	refute_esc "$T/tty"
}

@test "color: an empty NO_COLOR does not" {
	serve tests/data/ok.http
	NO_COLOR= tty_run -v "$URL/"
	assert_status 0
	assert_has "$T/tty" "${ESC}[1;35m<${ESC}[0m HTTP/1.1"
}

@test "color: --color=never and --color never turn it off" {
	serve -n 2 tests/data/ok.http tests/data/ok.http
	unset NO_COLOR
	tty_run --color=never -v -i "$URL/"
	assert_status 0
	assert_has "$T/tty" '< HTTP/1.1 200 OK'
	refute_esc "$T/tty"
	tty_run -v -i --color never "$URL/"
	assert_status 0
	assert_has "$T/tty" '< HTTP/1.1 200 OK'
	refute_esc "$T/tty"
}

@test "color: none off a terminal" {
	serve tests/data/ok.http
	unset NO_COLOR
	hget_run -v -i "$URL/"
	assert_status 0
	assert_stdout $'HTTP/1.1 200 OK\r\nContent-Length: 6\r\nContent-Type: text/plain\r\n\r\nhello\n'
	grep -qaF '< HTTP/1.1 200 OK' "$T/err" || fail "$stderr"
	refute_esc "$T/err"
	refute_esc "$T/out"
}

@test "color: --color=always colours -v off a terminal, never the output" {
	serve tests/data/ok.http
	NO_COLOR=1 hget_run --color=always -v -i "$URL/"
	assert_status 0
	assert_has "$T/err" "${ESC}[1;35m<${ESC}[0m HTTP/1.1 ${ESC}[32m200${ESC}[0m OK"
	# what goes to a pipe or a file is curl's bytes
	assert_stdout $'HTTP/1.1 200 OK\r\nContent-Length: 6\r\nContent-Type: text/plain\r\n\r\nhello\n'
}

@test "color: -i on a terminal shows field names in bold" {
	serve tests/data/ok.http
	unset NO_COLOR
	tty_run -i "$URL/"
	assert_status 0
	assert_has "$T/tty" $'HTTP/1.1 200 OK\r\r\n'"${ESC}[1mContent-Length${ESC}[0m: 6"
	assert_has "$T/tty" "${ESC}[1mContent-Type${ESC}[0m: text/plain"
}

@test "color: a server's escapes stay visible in colour" {
	serve tests/data/hostile-term.http
	unset NO_COLOR
	tty_run -v "$URL/"
	assert_status 0
	# every ESC left is one of ours: an SGR colour sequence
	LC_ALL=C sed -e "s/${ESC}\[[0-9;]*m//g" "$T/tty" >"$T/plain"
	refute_esc "$T/plain"
	LC_ALL=C grep -qaP '[\x07\x9b]' "$T/plain" && fail "raw control bytes"
	assert_has "$T/plain" '< X-Evil: a\033]0;title\007b\302\233c\033[2J'
}

@test "color: --color takes only auto, always or never" {
	hget_run --color=blue "http://127.0.0.1:1/"
	assert_status 2
	assert_stderr $'hget: option --color=blue: expects auto, always or never\nhget: try \'hget --help\' or \'hget --manual\' for more information\n'
	hget_run --color sometimes "http://127.0.0.1:1/"
	assert_status 2
	assert_stderr $'hget: option --color: expects auto, always or never\nhget: try \'hget --help\' or \'hget --manual\' for more information\n'
}
