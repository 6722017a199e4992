#!/usr/bin/env bats
# tests/cli/response.bats: how hget reads a response, against curl 7.88.
#
# Body framing (Content-Length, chunked, until close), interim 1xx, the
# responses that never have a body, tolerant parsing, the errors and
# their exit codes, -i / -D / -v output, and what a hostile header can do
# to a terminal.  Every expectation was taken from curl 7.88.1 run by
# hand against the same hgserve fixture; where hget differs on purpose
# the test says so.  Requests are compared with curl's recordings
# (tests/record-curl.sh): resp-get.req is `curl URL/r`, resp-get2.req*
# `curl URL/a URL/b`, resp-head2.req* `curl -I URL/a URL/b`.  The .trace
# fixtures are curl's -v stderr filtered to its "> " and "< " lines.

load helper

# assert_trace FILE: the "> " and "< " lines of hget's -v output equal
# FILE (curl's, @PORT@ and @UA@ replaced), and every other line of stderr
# is a "* " line or a "{ [N bytes data]" line.  The "* " lines are not
# compared: their wording is hget's own (curl says more, e.g. "* no chunk,
# no close, no size. Assume close to signal end" or "* Empty reply from
# server" before closing; hget does not).
assert_trace() {
	LC_ALL=C grep -a '^[<>] ' "$T/err" >"$T/trace" || true
	hg_cmp trace "$(hg_expected "$1" "$PORT")" "$T/trace"
	if LC_ALL=C grep -av -e '^[<>] ' -e '^\* ' \
	    -e '^{ \[[0-9]* bytes data\]$' "$T/err" >"$T/other"; then
		fail "$(printf 'unexpected stderr lines:\n%s' \
		    "$(sed -n 'l 0' "$T/other")")"
	fi
}

# data_bytes: the sum of N over the "{ [N bytes data]" lines of stderr.
data_bytes() {
	LC_ALL=C awk '/^\{ \[[0-9]+ bytes data\]$/ { n += substr($2, 2) }
	    END { print n + 0 }' "$T/err"
}

# tty_run [-e FILE] ARG...: run $HGET under a pseudo-terminal (script(1))
# with output post-processing off (stty -onlcr), so $T/tty holds exactly
# the bytes hget wrote to its terminal: stdout, and stderr unless -e sends
# it to FILE.  Sets $status.
tty_run() {
	local errfile=''

	command -v script >/dev/null ||
	    skip "no script(1) to give hget a terminal"
	if [[ $1 == -e ]]; then
		errfile=$2
		shift 2
	fi
	status=0
	# shellcheck disable=SC2016
	SHELL=$BASH timeout -k 5 20 script -qec "$(printf '%q ' sh -c \
	    'e=$1; shift; stty -onlcr || exit 125
	    if [ -n "$e" ]; then exec "$@" 2>"$e"; fi; exec "$@"' \
	    sh "$errfile" "$HGET" "$@")" /dev/null \
	    </dev/null >"$T/tty" 2>&1 || status=$?
}

# no_controls FILE: no control byte in FILE but CR, LF (and TAB).
no_controls() {
	if LC_ALL=C grep -q $'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' "$1"; then
		fail "$(printf 'raw control bytes in %s:\n%s' "$1" \
		    "$(sed -n 'l 0' "$1")")"
	fi
}

# -------------------------------------------------------------- framing

@test "response: a Content-Length body is read to its length" {
	serve tests/data/resp-len.http
	hget_run -sS "$URL/r"
	assert_status 0
	assert_stdout 'hello world'
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req
}

@test "response: bytes past Content-Length are dropped and the connection not reused" {
	# resp-extra.http: Content-Length 5, then 5 bytes more ("EXTRA")
	serve tests/data/resp-extra.http tests/data/resp-len.http
	hget_run -sS "$URL/a" "$URL/b"
	assert_status 0
	assert_stdout 'hellohello world'
	assert_stderr ''
	assert_request 1 tests/data/resp-get2.req
	assert_request 2 tests/data/resp-get2.req.2
	assert_conns 2
}

@test "response: chunked with extensions, uppercase hex and trailers, then reuse" {
	# chunks 5;name=val, A; foo="bar" ; x, 1a, 1F, and two trailer
	# fields: all of it must be consumed for the next response to parse
	serve tests/data/resp-chunked.http tests/data/resp-len.http
	hget_run -sS "$URL/a" "$URL/b"
	assert_status 0
	assert_stdout 'hello0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234hello world'
	assert_stderr ''
	assert_request 1 tests/data/resp-get2.req
	assert_request 2 tests/data/resp-get2.req.2
	assert_conns 1
}

@test "response: chunked decoding does not depend on how the bytes arrive" {
	serve tests/data/resp-chunked.http,trickle=1
	hget_run -sS "$URL/r"
	assert_status 0
	assert_stdout 'hello0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234'
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req
	grep -q 'sent 222 of 222 bytes in 222 writes' "$REC/log"
}

@test "response: -i with chunked drops the trailers (curl shows them: deliberate)" {
	# curl 7.88 appends "X-Trailer: t\r\nX-Other: u\r\n" after the body;
	# hget reads trailers and drops them (notes/differences.md).
	serve tests/data/resp-chunked.http
	hget_run -sS -i "$URL/r"
	assert_status 0
	assert_stdout $'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\nhello0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234'
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req
}

@test "response: without length or chunked the body runs until the server closes" {
	serve tests/data/resp-close.http,close
	hget_run -sS -i "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/resp-close.http
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req
}

# ------------------------------------------------------------ interim 1xx

@test "response: interim 100, 102 and 103 heads are skipped" {
	serve tests/data/resp-interim.http
	hget_run -sS "$URL/r"
	assert_status 0
	assert_stdout 'abc'
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req
}

@test "response: -i shows the interim heads before the final one, as curl" {
	serve tests/data/resp-interim.http,trickle=1
	hget_run -sS -i "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/resp-interim.http
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req
}

@test "response: -D FILE and -D - hold every head, interim ones too" {
	serve tests/data/resp-interim.http tests/data/resp-interim.http
	head -c 158 "$DATA/resp-interim.http" >"$T/heads"
	printf 'abc' >"$T/body"

	hget_run -sS -D "$T/h.txt" "$URL/a"
	assert_status 0
	assert_stdout 'abc'
	assert_stderr ''
	hg_cmp "-D file" "$T/heads" "$T/h.txt"
	assert_request 1 tests/data/resp-get2.req

	hget_run -sS -D - "$URL/b"
	assert_status 0
	assert_stdout_file tests/data/resp-interim.http
	assert_stderr ''
	assert_request 2 tests/data/resp-get2.req.2
	assert_conns 2
}

@test "response: -i with -D: head in both, and -D - doubles each line as curl" {
	serve tests/data/resp-interim.http tests/data/resp-interim.http
	hget_run -sS -i -D "$T/h.txt" "$URL/a"
	assert_status 0
	assert_stdout_file tests/data/resp-interim.http
	assert_stderr ''
	head -c 158 "$DATA/resp-interim.http" >"$T/heads"
	hg_cmp "-D file" "$T/heads" "$T/h.txt"
	assert_request 1 tests/data/resp-get2.req

	# curl writes each head line to stdout twice, line by line
	hget_run -sS -i -D - "$URL/b"
	assert_status 0
	assert_stdout $'HTTP/1.1 100 Continue\r\nHTTP/1.1 100 Continue\r\n\r\n\r\nHTTP/1.1 102 Processing\r\nHTTP/1.1 102 Processing\r\nX-Step: 1\r\nX-Step: 1\r\n\r\n\r\nHTTP/1.1 103 Early Hints\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\nLink: </s.css>; rel=preload\r\n\r\n\r\nHTTP/1.1 200 OK\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n\r\nabc'
	assert_stderr ''
	assert_request 2 tests/data/resp-get2.req.2
}

# ------------------------------------------------------------- no body

@test "response: -I reads no body after Content-Length or chunked, and reuses" {
	# -m 5: waiting for a body that never comes would end in exit 28
	serve tests/data/resp-head.http tests/data/resp-head-chunked.http
	hget_run -sS -m 5 -I "$URL/a" "$URL/b"
	assert_status 0
	cat "$DATA/resp-head.http" "$DATA/resp-head-chunked.http" >"$T/want"
	assert_stdout_file "$T/want"
	assert_stderr ''
	assert_request 1 tests/data/resp-head2.req
	assert_request 2 tests/data/resp-head2.req.2
	assert_conns 1
}

@test "response: 204 with a Content-Length has no body; the connection is reused" {
	serve tests/data/resp-204.http tests/data/resp-len.http
	hget_run -sS -m 5 -i "$URL/a" "$URL/b"
	assert_status 0
	cat "$DATA/resp-204.http" "$DATA/resp-len.http" >"$T/want"
	assert_stdout_file "$T/want"
	assert_stderr ''
	assert_request 1 tests/data/resp-get2.req
	assert_request 2 tests/data/resp-get2.req.2
	assert_conns 1
}

@test "response: 304 with a Content-Length has no body; the connection is reused" {
	serve tests/data/resp-304.http tests/data/resp-len.http
	hget_run -sS -m 5 -i "$URL/a" "$URL/b"
	assert_status 0
	cat "$DATA/resp-304.http" "$DATA/resp-len.http" >"$T/want"
	assert_stdout_file "$T/want"
	assert_stderr ''
	assert_request 1 tests/data/resp-get2.req
	assert_request 2 tests/data/resp-get2.req.2
	assert_conns 1
}

# ----------------------------------------------------- tolerant parsing

@test "response: LF-only line ends are accepted and shown as received" {
	serve tests/data/resp-lf.http
	hget_run -sS -i "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/resp-lf.http
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req
}

@test "response: runs of spaces and tabs in the status line" {
	# "HTTP/1.1 \t 200 \t  Fine  \t"
	serve tests/data/resp-spaces.http
	hget_run -sS -i -w '|%{http_code}' "$URL/r"
	assert_status 0
	cp "$DATA/resp-spaces.http" "$T/want"
	printf '|200' >>"$T/want"
	assert_stdout_file "$T/want"
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req
}

@test "response: obs-fold continuation lines belong to the field above" {
	serve tests/data/resp-fold.http tests/data/resp-fold.http
	hget_run -sS -i "$URL/a"
	assert_status 0
	assert_stdout_file tests/data/resp-fold.http
	assert_stderr ''
	assert_request 1 tests/data/resp-get2.req

	# Differs on purpose: each obs-fold becomes one SP (RFC 9112 §5.2);
	# curl 7.88 keeps the continuation's first blank, giving
	# "first second\tthird".
	hget_run -sS -w '[%header{x-folded}]' "$URL/b"
	assert_status 0
	assert_stdout 'ok[first second third]'
	assert_stderr ''
	assert_request 2 tests/data/resp-get2.req.2
	assert_conns 2
}

@test "response: an empty reason phrase, with and without the space" {
	serve tests/data/resp-reason-sp.http tests/data/resp-reason-none.http
	hget_run -sS -i -w '|%{http_code}' "$URL/a" "$URL/b"
	assert_status 0
	assert_stdout $'HTTP/1.1 200 \r\nContent-Length: 2\r\n\r\nok|200HTTP/1.1 200\r\nContent-Length: 3\r\n\r\nabc|200'
	assert_stderr ''
	assert_request 1 tests/data/resp-get2.req
	assert_request 2 tests/data/resp-get2.req.2
	assert_conns 1
}

# ----------------------------------------------------------------- errors

@test "response: a body shorter than Content-Length is exit 18" {
	serve tests/data/resp-short.http,close
	hget_run -sS "$URL/r"
	assert_status 18
	assert_stdout 'short'
	assert_stderr $'hget: (18) transfer closed with 5 bytes remaining to read\n'
	assert_request 1 tests/data/resp-get.req
}

@test "response: a chunked body cut short is exit 18" {
	# 115 bytes: the head, "hello", and 5 of the 10 bytes of chunk "A"
	serve tests/data/resp-chunked.http,truncate=115
	hget_run -sS "$URL/r"
	assert_status 18
	assert_stdout 'hello01234'
	assert_stderr $'hget: (18) transfer closed with outstanding read data remaining\n'
	assert_request 1 tests/data/resp-get.req
}

@test "response: no byte before the close is exit 52" {
	serve tests/data/resp-len.http,empty
	hget_run -sS "$URL/r"
	assert_status 52
	assert_stdout ''
	assert_stderr $'hget: (52) Empty reply from server\n'
	assert_request 1 tests/data/resp-get.req
}

@test "response: a few bytes but no status line before the close is exit 52" {
	serve tests/data/resp-ht.http,close
	hget_run -sS "$URL/r"
	assert_status 52
	assert_stdout ''
	assert_stderr $'hget: (52) Empty reply from server\n'
	assert_request 1 tests/data/resp-get.req
}

@test "response: a head cut off by the close is exit 8 (curl exits 0: deliberate)" {
	# curl 7.88 exits 0 with nothing on stdout (notes/differences.md)
	serve tests/data/resp-len.http,truncate=30
	hget_run -sS "$URL/r"
	assert_status 8
	assert_stdout ''
	assert_stderr $'hget: (8) Connection closed in the middle of the response head\n'
	assert_request 1 tests/data/resp-get.req
}

@test "response: a reset before the reply or inside the body is exit 56" {
	serve -,reset-now tests/data/resp-short.http,reset
	hget_run -sS "$URL/a"
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) Recv failure: Connection reset by peer\n'
	assert_request 1 tests/data/resp-get2.req

	hget_run -sS "$URL/b"
	assert_status 56
	assert_stdout 'short'
	assert_stderr $'hget: (56) Recv failure: Connection reset by peer\n'
	assert_request 2 tests/data/resp-get2.req.2
}

@test "response: a chunk size that is not hex is exit 56" {
	# 3\r\nabc\r\nzz\r\n...
	serve tests/data/resp-badchunk.http
	hget_run -sS "$URL/r"
	assert_status 56
	assert_stdout 'abc'
	assert_stderr $'hget: (56) Illegal or missing hexadecimal sequence in chunked-encoding\n'
	assert_request 1 tests/data/resp-get.req
}

@test "response: a header line without a colon is exit 8" {
	serve tests/data/resp-nocolon.http
	hget_run -sS "$URL/r"
	assert_status 8
	assert_stdout ''
	assert_stderr $'hget: (8) Header without colon\n'
	assert_request 1 tests/data/resp-get.req
}

@test "response: a NUL byte in a header is exit 8" {
	serve tests/data/resp-nul.http
	hget_run -sS "$URL/r"
	assert_status 8
	assert_stdout ''
	assert_stderr $'hget: (8) Nul byte in header\n'
	assert_request 1 tests/data/resp-get.req
}

@test "response: conflicting Content-Length values are exit 8 (curl takes the last: deliberate)" {
	# Content-Length: 2 then 4, body "okok": curl 7.88 prints "okok",
	# exit 0 (notes/differences.md: a smuggling vector, so refused).
	serve tests/data/resp-clconflict.http
	hget_run -sS "$URL/r"
	assert_status 8
	assert_stdout ''
	assert_stderr $'hget: (8) conflicting Content-Length\n'
	assert_request 1 tests/data/resp-get.req
}

@test "response: bad status lines are exit 1 with curl's words" {
	local f i=0
	local -a files=(v12 v30 code4 code099 alpha nocode) steps=()
	local -a msgs=(
		'Unsupported HTTP version (1.2) in response'
		'Unsupported HTTP version (3.0) in response'
		'Unsupported response code in HTTP response'
		'Unsupported response code in HTTP response'
		'Unsupported HTTP version in response'
		'Unsupported HTTP version in response'
	)

	# each failure closes the connection; the next step answers the
	# next one
	for f in "${files[@]}"; do
		steps+=("tests/data/resp-status-$f.http")
	done
	serve "${steps[@]}"
	for f in "${files[@]}"; do
		hget_run -sS "$URL/r"
		assert_status 1
		assert_stdout ''
		assert_stderr "hget: (1) ${msgs[i]}"$'\n'
		i=$((i + 1))
		assert_request "$i" tests/data/resp-get.req
	done
	assert_conns 6
}

@test "response: an HTTP/0.9 reply is exit 1 unless --http0.9, which takes it as the body" {
	serve tests/data/resp-http09.http,close tests/data/resp-http09.http,close
	hget_run -sS "$URL/a"
	assert_status 1
	assert_stdout ''
	assert_stderr $'hget: (1) Received HTTP/0.9 when not allowed\n'
	assert_request 1 tests/data/resp-get2.req

	hget_run -sS --http0.9 "$URL/b"
	assert_status 0
	assert_stdout_file tests/data/resp-http09.http
	assert_stderr ''
	assert_request 2 tests/data/resp-get2.req.2
}

# ------------------------------------------------------------------- caps

# cap_line FILE LEN: a response whose X-Big line is LEN bytes with CRLF.
cap_line() {
	{
		printf 'HTTP/1.1 200 OK\r\nX-Big: '
		head -c "$(($2 - 9))" /dev/zero | tr '\0' a
		printf '\r\nContent-Length: 2\r\n\r\nok'
	} >"$1"
}

# cap_head FILE LEN: a response whose head (empty line included) is LEN
# bytes: 36 bytes of status line and Content-Length, 300 fields of 1000
# bytes, and X-Fill to make up the rest (LEN > 300048).
cap_head() {
	local b i

	b=$(head -c 990 /dev/zero | tr '\0' b)
	{
		printf 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n'
		for ((i = 0; i < 300; i++)); do
			printf 'X-H%03d: %s\r\n' "$i" "$b"
		done
		printf 'X-Fill: '
		head -c "$(($2 - 300048))" /dev/zero | tr '\0' c
		printf '\r\n\r\nok'
	} >"$1"
}

@test "response: a header line of 100 KiB or more is exit 100 (curl: 27)" {
	# curl 7.88 takes a line of 102399 bytes with its CRLF and says
	# "(27) Out of memory" for longer ones; hget's caps exit 100
	# (notes/differences.md).
	cap_line "$T/ok.http" 102399
	cap_line "$T/edge.http" 102400
	cap_line "$T/long.http" 150000
	serve "$T/ok.http" "$T/edge.http" "$T/long.http"
	hget_run -sS "$URL/r"
	assert_status 0
	assert_stdout 'ok'
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req

	hget_run -sS "$URL/r"
	assert_status 100
	assert_stdout ''
	assert_request 2 tests/data/resp-get.req
	cp "$T/err" "$T/err.edge"
	# one cap, one message, wherever the line ends
	hget_run -sS "$URL/r"
	assert_status 100
	assert_stdout ''
	assert_request 3 tests/data/resp-get.req
	assert_stderr_file "$T/err.edge"
	assert_regex "$(<"$T/err")" '^hget: \(100\) (Header line too long|Too large response headers)$'
}

@test "response: a head over 300 KiB is exit 100 (curl: 56)" {
	# curl 7.88: "(56) Too large response headers: 307201 > 307200"
	cap_head "$T/ok.http" 307200
	cap_head "$T/big.http" 307201
	assert_equal "$(wc -c <"$T/ok.http")" 307202
	serve "$T/ok.http" "$T/big.http"
	hget_run -sS "$URL/r"
	assert_status 0
	assert_stdout 'ok'
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req

	hget_run -sS "$URL/r"
	assert_status 100
	assert_stdout ''
	assert_stderr $'hget: (100) Too large response headers\n'
	assert_request 2 tests/data/resp-get.req
}

@test "response: more than 5000 header fields is exit 100 (curl has no cap)" {
	# curl 7.88 takes 5001 fields and prints "ok", exit 0: hget's cap
	# is deliberate (notes/differences.md).
	{
		printf 'HTTP/1.1 200 OK\r\n'
		printf 'X-%d: v\r\n' $(seq 4999)
		printf 'Content-Length: 2\r\n\r\nok'
	} >"$T/ok.http"
	{
		printf 'HTTP/1.1 200 OK\r\n'
		printf 'X-%d: v\r\n' $(seq 5000)
		printf 'Content-Length: 2\r\n\r\nok'
	} >"$T/many.http"
	serve "$T/ok.http" "$T/many.http"
	hget_run -sS "$URL/r"
	assert_status 0
	assert_stdout 'ok'
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req

	hget_run -sS "$URL/r"
	assert_status 100
	assert_stdout ''
	assert_stderr $'hget: (100) Too many header fields\n'
	assert_request 2 tests/data/resp-get.req
}

# ------------------------------------------------------------ -i and -D

@test "response: -i writes the head then the body, byte for byte" {
	serve tests/data/resp-len.http
	hget_run -sS -i "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/resp-len.http
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req
}

@test "response: -D FILE gets the head only, the body goes to stdout" {
	serve tests/data/resp-len.http
	hget_run -sS -D "$T/h.txt" "$URL/r"
	assert_status 0
	assert_stdout 'hello world'
	assert_stderr ''
	printf 'HTTP/1.1 200 OK\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\n' >"$T/want"
	hg_cmp "-D file" "$T/want" "$T/h.txt"
	assert_request 1 tests/data/resp-get.req
}

@test "response: -D - puts the head before the body on stdout" {
	serve tests/data/resp-len.http
	hget_run -sS -D - "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/resp-len.http
	assert_stderr ''
	assert_request 1 tests/data/resp-get.req
}

# -------------------------------------------------------------------- -v

@test "response: -v request and response lines are curl's" {
	serve tests/data/resp-len.http
	hget_run -sv "$URL/r"
	assert_status 0
	assert_stdout 'hello world'
	assert_trace tests/data/resp-len.trace
	assert_request 1 tests/data/resp-get.req
}

@test "response: -v shows LF-only and folded heads as received" {
	serve tests/data/resp-lf.http tests/data/resp-fold.http
	hget_run -sv "$URL/r"
	assert_status 0
	assert_stdout $'abc\n'
	assert_trace tests/data/resp-lf.trace
	assert_request 1 tests/data/resp-get.req

	hget_run -sv "$URL/r"
	assert_status 0
	assert_stdout 'ok'
	assert_trace tests/data/resp-fold.trace
	assert_request 2 tests/data/resp-get.req
}

@test "response: -v does not show chunked trailers, as curl" {
	serve tests/data/resp-chunked.http
	hget_run -sv "$URL/r"
	assert_status 0
	assert_stdout 'hello0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234'
	assert_trace tests/data/resp-chunked.trace
	assert_request 1 tests/data/resp-get.req
	# the wire bytes of the body, chunk lines and trailers included
	assert_equal "$(data_bytes)" 149
}

@test "response: -v shows interim heads without their empty line, as curl" {
	# curl 7.88 prints "< HTTP/1.1 100 Continue\r" and goes on with the
	# next head: the "< \r" line only ends the final head.
	serve tests/data/resp-interim.http
	hget_run -sv "$URL/r"
	assert_status 0
	assert_stdout 'abc'
	assert_trace tests/data/resp-interim.trace
	assert_request 1 tests/data/resp-get.req
}

@test "response: -v data lines when stdout is a file, none on a terminal" {
	serve tests/data/resp-len.http tests/data/resp-len.http
	hget_run -sv "$URL/r"
	assert_status 0
	assert_stdout 'hello world'
	assert_trace tests/data/resp-len.trace
	assert_equal "$(data_bytes)" 11
	assert_request 1 tests/data/resp-get.req

	# stderr to a file, stdout on the terminal: curl writes no "{ [" line
	tty_run -e "$T/err" -sv "$URL/r"
	assert_status 0
	printf 'hello world' >"$T/want"
	hg_cmp terminal "$T/want" "$T/tty"
	assert_trace tests/data/resp-len.trace
	assert_equal "$(data_bytes)" 0
	assert_request 2 tests/data/resp-get.req
}

@test "response: --trace-time puts HH:MM:SS.uuuuuu before every -v line" {
	serve tests/data/resp-len.http
	hget_run -sv --trace-time "$URL/r"
	assert_status 0
	assert_stdout 'hello world'
	assert_request 1 tests/data/resp-get.req
	if LC_ALL=C grep -Eav '^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{6} ([*<>] |\{ \[)' \
	    "$T/err" >"$T/other"; then
		fail "$(printf 'lines without a time stamp:\n%s' \
		    "$(sed -n 'l 0' "$T/other")")"
	fi
	# without the stamps, the same lines as without --trace-time
	cut -c 17- "$T/err" >"$T/err.bare"
	mv "$T/err.bare" "$T/err"
	assert_trace tests/data/resp-len.trace
	assert_equal "$(data_bytes)" 11
}

# ---------------------------------------------------------------- safety

@test "response: -v makes control and non-ASCII header bytes visible (curl: raw)" {
	# X-Evil: ESC[2J ESC]0;pwned BEL, X-High: caf\303\251.  curl 7.88
	# copies them raw to stderr; hget shows them with vis(3) octal
	# escapes on purpose (notes/differences.md).  -i to a file keeps
	# the raw bytes, curl's format.
	serve tests/data/resp-esc.http
	hget_run -sv -i "$URL/r"
	assert_status 0
	assert_stdout_file tests/data/resp-esc.http
	assert_trace tests/data/resp-esc.trace
	no_controls "$T/err"
	assert_request 1 tests/data/resp-get.req
}

@test "response: -i to a pipe and -D FILE keep the raw header bytes, as curl" {
	serve tests/data/resp-esc.http tests/data/resp-esc.http

	{
		rc=0
		timeout -k 5 20 "$HGET" -sS -i "$URL/a" 2>"$T/err" || rc=$?
		echo "$rc" >"$T/rc"
	} | cat >"$T/pipe.out"
	assert_equal "$(<"$T/rc")" 0
	hg_cmp "-i to a pipe" "$DATA/resp-esc.http" "$T/pipe.out"
	assert_stderr ''
	assert_request 1 tests/data/resp-get2.req

	hget_run -sS -D "$T/h.txt" "$URL/b"
	assert_status 0
	assert_stdout 'ok'
	assert_stderr ''
	head -c 77 "$DATA/resp-esc.http" >"$T/want"
	hg_cmp "-D file" "$T/want" "$T/h.txt"
	assert_request 2 tests/data/resp-get2.req.2
}

@test "response: -i and -D - on a terminal make header bytes visible (curl: raw)" {
	# curl 7.88 writes ESC and BEL raw to the terminal (and bolds the
	# field names with escape sequences of its own); hget shows the
	# head through vis(3) on purpose.  The body is not touched.
	serve tests/data/resp-esc.http tests/data/resp-esc.http
	local want=$'HTTP/1.1 200 OK\r\nX-Evil: \\033[2J\\033]0;pwned\\007\r\nX-High: caf\\303\\251\r\nContent-Length: 2\r\n\r\nok'

	# no colour: every ESC on the terminal would be the server's
	tty_run -sS --color never -i "$URL/a"
	assert_status 0
	printf '%s' "$want" >"$T/want"
	hg_cmp terminal "$T/want" "$T/tty"
	no_controls "$T/tty"
	assert_request 1 tests/data/resp-get2.req

	tty_run -sS -D - "$URL/b"
	assert_status 0
	hg_cmp terminal "$T/want" "$T/tty"
	no_controls "$T/tty"
	assert_request 2 tests/data/resp-get2.req.2
}
