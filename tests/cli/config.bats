#!/usr/bin/env bats
# tests/cli/config.bats: -K/--config FILE|-, ~/.hgetrc and
# $XDG_CONFIG_HOME/hget/hgetrc, -q, and malformed lines (exit 2 with
# "hget: FILE:LINE: why").  HOME and XDG_CONFIG_HOME point into $T in
# every test: the user's own files are never read.

load helper

OK=tests/data/ok.http		# 200, Content-Length: 6, body "hello\n"

setup() {
	hg_setup
	export HOME=$T/home
	mkdir -p "$HOME"
	unset XDG_CONFIG_HOME
}

@test "-K FILE: options without dashes, = : and blank separators, url =" {
	serve -n 1 "$OK"
	cat >k.conf <<-EOF
	# a comment
	  silent
	header = "X-A: one two"
	-H "X-B: \"q\"\\tt"
	output: out.txt
	url = "$URL/a"
	EOF
	hget_run -K k.conf
	assert_status 0
	assert_stdout ''
	[[ $(cat out.txt) == hello ]]
	grep -q '^GET /a HTTP/1.1' "$REC/req.1"
	grep -q $'^X-A: one two\r$' "$REC/req.1"
	grep -q $'^X-B: "q"\tt\r$' "$REC/req.1"
}

@test "-K -: the options come from stdin (secrets stay out of ps)" {
	serve -n 1 "$OK"
	printf 'user = "me:secret"\nurl = %s/\n' "$URL" >in.conf
	status=0
	"$HGET" -s -K - <in.conf >"$T/out" 2>"$T/err" || status=$?
	assert_status 0
	grep -q $'^Authorization: Basic bWU6c2VjcmV0\r$' "$REC/req.1"
}

@test "-K: where it stands: a later option wins, an earlier one loses" {
	serve -n 2 "$OK" "$OK"
	printf 'user-agent = conf\n' >k.conf
	hget_run -s -K k.conf -A cli "$URL/"
	assert_status 0
	grep -q $'^User-Agent: cli\r$' "$REC/req.1"
	hget_run -s -A cli -K k.conf "$URL/"
	assert_status 0
	grep -q $'^User-Agent: conf\r$' "$REC/req.2"
}

@test "-K: a malformed line is one error with file and line, exit 2" {
	printf 'silent\n\nheader "X: y\n' >bad.conf
	hget_run -K bad.conf http://127.0.0.1:9/
	assert_status 2
	assert_stdout ''
	assert_stderr $'hget: bad.conf:3: unterminated quoted value\n'
}

@test "-K: an unknown option, a bad value, a missing value: FILE:LINE" {
	printf 'bogus\n' >a.conf
	hget_run -K a.conf http://127.0.0.1:9/
	assert_status 2
	assert_stderr $'hget: a.conf:1: option bogus: is unknown\n'
	printf 'silent\nmax-time abc\n' >b.conf
	hget_run -K b.conf http://127.0.0.1:9/
	assert_status 2
	assert_stderr $'hget: b.conf:2: option max-time: expected a proper numerical parameter\n'
	printf 'output\nsilent\n' >c.conf
	hget_run -K c.conf http://127.0.0.1:9/
	assert_status 2
	assert_stderr $'hget: c.conf:1: option output: requires parameter\n'
	printf 'verbose yes\n' >d.conf
	hget_run -K d.conf http://127.0.0.1:9/
	assert_status 2
	assert_stderr $'hget: d.conf:1: option verbose: had unsupported trailing garbage\n'
	printf 'header X: y\n' >e.conf
	hget_run -K e.conf http://127.0.0.1:9/
	assert_status 2
	assert_stderr $'hget: e.conf:1: white space in an unquoted value (put the value in double quotes)\n'
}

@test "-K: a missing file is curl's error, exit 26" {
	hget_run -K nothere.conf http://127.0.0.1:9/
	assert_status 26
	assert_stdout ''
	assert_stderr "hget: cannot read config from 'nothere.conf'"$'\n'"hget: option -K: error encountered when reading a file"$'\n'"hget: try 'hget --help' or 'hget --manual' for more information"$'\n'
}

@test "-K inside a config file; the inner file's line is named" {
	printf 'silent\n-m x\n' >inner.conf
	printf 'verbose\nconfig = inner.conf\n' >outer.conf
	hget_run -K outer.conf http://127.0.0.1:9/
	assert_status 2
	assert_stderr $'hget: inner.conf:2: option -m: expected a proper numerical parameter\n'
}

@test "~/.hgetrc is read before the command line; -q skips it" {
	serve -n 2 "$OK" "$OK"
	printf 'header = "X-Rc: yes"\n' >"$HOME/.hgetrc"
	hget_run -s "$URL/"
	assert_status 0
	assert_stdout $'hello\n'
	grep -q $'^X-Rc: yes\r$' "$REC/req.1"
	hget_run -q -s "$URL/"
	assert_status 0
	! grep -q '^X-Rc' "$REC/req.2"
}

@test "\$XDG_CONFIG_HOME/hget/hgetrc wins over ~/.hgetrc" {
	serve -n 1 "$OK"
	printf 'header = "X-Rc: home"\n' >"$HOME/.hgetrc"
	mkdir -p "$T/xdg/hget"
	printf 'header = "X-Rc: xdg"\n' >"$T/xdg/hget/hgetrc"
	XDG_CONFIG_HOME=$T/xdg hget_run -s "$URL/"
	assert_status 0
	grep -q $'^X-Rc: xdg\r$' "$REC/req.1"
	! grep -q $'^X-Rc: home' "$REC/req.1"
}

@test "a malformed ~/.hgetrc stops hget with its path and line" {
	printf '\n\n-H "x\n' >"$HOME/.hgetrc"
	hget_run http://127.0.0.1:9/
	assert_status 2
	assert_stderr "hget: $HOME/.hgetrc:3: unterminated quoted value"$'\n'
}
