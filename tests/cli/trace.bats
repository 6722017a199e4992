#!/usr/bin/env bats
# --trace, --trace-ascii, --trace-json, --trace-time and the redaction of
# secrets in every trace.
#
# The goldens in tests/data/trace/ were written by hget and compared with
# curl 7.88.1's trace of the same exchange (same -A, --trace-secrets on
# hget's side): identical but for the "== Info:" lines, whose wording is
# hget's.  The request names Host h.test so that the port appears in the
# Info lines only (@PORT@).

load helper

# The exchange of every golden: a POST with credentials and a cookie.
trace_post() {
	serve tests/data/trace/resp.http
	hget_run -s -A UA -H 'Host: h.test' -b k=v -u u:p -d hi "$@" \
	    "$URL/x" -o "$T/body"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 <(printf 'POST /x HTTP/1.1\r\nHost: h.test\r\nAuthorization: Basic dTpw\r\nUser-Agent: UA\r\nAccept: */*\r\nCookie: k=v\r\nContent-Length: 2\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nhi')
}

# --trace-json with what varies made fixed: the times, and the length of
# an info line (it holds the port)
json_norm() {
	sed -e 's/"t_us":[0-9]*/"t_us":0/' \
	    -e 's/"kind":"info","len":[0-9]*/"kind":"info","len":0/' "$1"
}

@test "trace: --trace writes curl's hex dump, secrets redacted" {
	trace_post --trace "$T/trace"
	hg_cmp trace "$(hg_expected tests/data/trace/post.trace "$PORT")" \
	    "$T/trace"
}

@test "trace: --trace-ascii writes curl's text dump, secrets redacted" {
	trace_post --trace-ascii "$T/trace"
	hg_cmp trace "$(hg_expected tests/data/trace/post.ascii "$PORT")" \
	    "$T/trace"
}

@test "trace: --trace-json writes one object per event, secrets redacted" {
	trace_post --trace-json "$T/trace"
	json_norm "$T/trace" >"$T/trace.norm"
	hg_cmp trace "$(hg_expected tests/data/trace/post.json "$PORT")" \
	    "$T/trace.norm"
	# t_us never goes back
	awk -F'[:,]' '$2 < last { exit 1 } { last = $2 }' "$T/trace" ||
	    fail "t_us goes back: $(cat "$T/trace")"
}

@test "trace: --trace-secrets keeps the credentials in a trace" {
	trace_post --trace-secrets --trace-ascii "$T/trace"
	grep -qxF '0020: Authorization: Basic dTpw' "$T/trace" ||
	    fail "$(cat "$T/trace")"
	grep -qxF '0058: Cookie: k=v' "$T/trace" || fail "$(cat "$T/trace")"
	grep -qxF '0000: Set-Cookie: sid=s3cr3t; path=/' "$T/trace" ||
	    fail "$(cat "$T/trace")"
	! grep -q redacted "$T/trace" || fail "$(cat "$T/trace")"
}

@test "trace: the hex dump redacts before dumping: no secret byte left" {
	trace_post --trace "$T/trace"
	# "dTpw" and "s3cr3t" as hex, on one row or across two
	tr -d '\n ' <"$T/trace" >"$T/flat"
	! grep -q '64547077\|733363723374\|6b3d76' "$T/flat" ||
	    fail "$(cat "$T/trace")"
	! grep -q 'dTpw\|s3cr3t\|k=v' "$T/trace" || fail "$(cat "$T/trace")"
}

@test "trace: -v redacts Cookie and Set-Cookie values too" {
	serve tests/data/trace/resp.http
	hget_run -v -A UA -H 'Host: h.test' -b k=v "$URL/x" -o "$T/body"
	assert_status 0
	grep -qxF $'> Cookie: [redacted]\r' "$T/err" || fail "$(cat "$T/err")"
	grep -qxF $'< Set-Cookie: [redacted]\r' "$T/err" ||
	    fail "$(cat "$T/err")"
	! grep -q 'k=v\|s3cr3t' "$T/err" || fail "$(cat "$T/err")"
}

@test "trace: --trace-ascii - writes the trace to stdout" {
	serve tests/data/trace/resp.http
	hget_run -s -A UA -H 'Host: h.test' --trace-ascii - "$URL/x" \
	    -o "$T/body"
	assert_status 0
	assert_stderr ''
	grep -qx '=> Send header, 62 bytes (0x3e)' "$T/out" ||
	    fail "$(cat "$T/out")"
	grep -qx '<= Recv data, 111 bytes (0x6f)' "$T/out" ||
	    fail "$(cat "$T/out")"
	cmp -s "$T/body" <(tail -c 111 "$DATA/trace/resp.http") ||
	    fail "body: $(od -c "$T/body")"
}

@test "trace: --trace-time starts each event with the time" {
	serve tests/data/trace/resp.http
	hget_run -s --trace-time --trace-ascii "$T/trace" "$URL/x" \
	    -o "$T/body"
	assert_status 0
	# every line that is not a dump row has the stamp
	run grep -vcE '^([0-9]{2}:){2}[0-9]{2}\.[0-9]{6} (== Info: |=> |<= )|^[0-9a-f]{4}: ' "$T/trace"
	[[ $output == 0 ]] || fail "$(cat "$T/trace")"
	grep -qE '^[0-9:.]{15} <= Recv data, 111 bytes \(0x6f\)$' \
	    "$T/trace" || fail "$(cat "$T/trace")"
}

@test "trace: the last of -v and the traces wins, with curl's warnings" {
	serve -n 2 tests/data/trace/resp.http tests/data/trace/resp.http
	hget_run -v --trace-ascii "$T/trace" "$URL/x" -o "$T/body"
	assert_status 0
	assert_stderr $'Warning: --trace-ascii overrides an earlier trace/verbose option\n'
	grep -q '^<= Recv data' "$T/trace" || fail "$(cat "$T/trace")"
	hget_run --trace "$T/trace2" --trace-json "$T/trace3" -v "$URL/x" \
	    -o "$T/body"
	assert_status 0
	[[ ${stderr%%$'\n'*} == 'Warning: --trace-json overrides an earlier trace/verbose option' ]] ||
	    fail "$stderr"
	grep -qx 'Warning: -v, --verbose overrides an earlier trace/verbose option' \
	    "$T/err" || fail "$stderr"
	grep -q '^< HTTP/1.1 200 OK' "$T/err" || fail "$stderr"
	[[ ! -e $T/trace2 && ! -e $T/trace3 ]] || fail "a trace file was made"
}

@test "trace: --no-verbose turns a trace off; the same kind twice is quiet" {
	serve -n 2 tests/data/trace/resp.http tests/data/trace/resp.http
	hget_run --trace "$T/t1" --no-verbose "$URL/x" -o "$T/body"
	assert_status 0
	assert_stderr ''
	[[ ! -e $T/t1 ]] || fail "$T/t1 was made"
	hget_run --trace "$T/t1" --trace "$T/t2" "$URL/x" -o "$T/body"
	assert_status 0
	assert_stderr ''
	[[ ! -e $T/t1 && -s $T/t2 ]] || fail "$(ls "$T")"
}

@test "trace: a trace file that cannot be opened: a warning, the trace on stderr" {
	serve tests/data/trace/resp.http
	hget_run --trace-ascii "$T/no/such/dir" "$URL/x" -o "$T/body"
	assert_status 0
	[[ ${stderr%%$'\n'*} == "Warning: Failed to open the trace file $T/no/such/dir: No such file or directory; tracing to stderr" ]] ||
	    fail "$stderr"
	grep -q '^<= Recv data, 111 bytes' "$T/err" || fail "$stderr"
}

@test "trace: a large body is dumped whole (no splice past the trace)" {
	{
		printf 'HTTP/1.1 200 OK\r\nContent-Length: 600000\r\n\r\n'
		head -c 600000 /dev/zero
	} >"$T/big.http"
	serve "$T/big.http"
	hget_run -s --trace "$T/trace" "$URL/x" -o "$T/body"
	assert_status 0
	[[ $(stat -c %s "$T/body") == 600000 ]] || fail "body size"
	run awk '/^<= Recv data, / { n += $4 } END { print n }' "$T/trace"
	[[ $output == 600000 ]] || fail "dumped $output bytes"
}

@test "trace: a chunked upload is dumped chunk by chunk, framing and all" {
	serve tests/data/trace/resp.http
	printf 'hello\n' >"$T/in"
	hget_run -s -T - -H Expect: --trace-ascii "$T/trace" "$URL/x" \
	    -o "$T/body" <"$T/in"
	assert_status 0
	# curl 7.88.1: the chunk with its size line, then the last chunk
	sed -n '/^=> Send data/,/^<= /{/^== Info/d;p}' "$T/trace" >"$T/sent"
	printf '%s\n' '=> Send data, 11 bytes (0xb)' '0000: 6' '0003: hello.' \
	    '=> Send data, 5 bytes (0x5)' '0000: 0' '0003: ' \
	    '<= Recv header, 17 bytes (0x11)' >"$T/want"
	hg_cmp trace "$T/want" "$T/sent"
}

@test "trace: --trace-json escapes every byte so that each line is JSON" {
	{
		printf 'HTTP/1.1 200 OK\r\nContent-Length: 256\r\n\r\n'
		for ((i = 0; i < 256; i++)); do
			printf "\\$(printf %03o "$i")"
		done
	} >"$T/bytes.http"
	serve "$T/bytes.http"
	hget_run -s --trace-json "$T/trace" "$URL/x" -o "$T/body"
	assert_status 0
	run grep -c '"kind":"data","len":256,"data":"\\u0000\\u0001' "$T/trace"
	[[ $output == 1 ]] || fail "$(cat "$T/trace")"
	grep -qF '\u001f !\"#' "$T/trace" || fail "$(cat "$T/trace")"
	grep -qF '[\\]^' "$T/trace" || fail "$(cat "$T/trace")"
	grep -qF '|}~\u007f\u0080' "$T/trace" || fail "$(cat "$T/trace")"
	grep -qF '\u00fe\u00ff"}' "$T/trace" || fail "$(cat "$T/trace")"
	# nothing raw: every line is printable ASCII
	! LC_ALL=C grep -qaP '[^\x20-\x7e]' "$T/trace" ||
	    fail "raw bytes: $(od -c "$T/trace" | head)"
	# each line is one object with the schema's keys in order
	run grep -vcE '^\{"t_us":[0-9]+,"dir":"(in|out|none)","kind":"(info|header|data|tls)","len":[0-9]+,"data":"([^"\\]|\\["\\nrt]|\\u00[0-9a-f]{2})*"\}$' "$T/trace"
	[[ $output == 0 ]] || fail "$(cat "$T/trace")"
}
