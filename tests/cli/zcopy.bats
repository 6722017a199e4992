#!/usr/bin/env bats
# tests/cli/zcopy.bats: bodies that go from the socket to the sink by
# splice(2) (src/zcopy.c): a file, a pipe, /dev/null; Content-Length and
# close framing; cut short, slow, resumed; and the targets splice cannot
# write, which get the same bytes through read and write.  Bodies are
# 3 MiB, more than one read, so most of each goes by splice.

load helper

# big.http: a 3 MiB body of varied bytes with Content-Length (framing
# "len") or closed by the server ("close"); $T/body is the body.
big_response() {
	head -c 1048576 /dev/urandom >"$T/mib"
	cat "$T/mib" "$T/mib" "$T/mib" >"$T/body"
	if [ "$1" = len ]; then
		printf 'HTTP/1.1 200 OK\r\nContent-Length: 3145728\r\n\r\n'
	else
		printf 'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n'
	fi >"$T/big.http"
	cat "$T/body" >>"$T/big.http"
}

@test "zcopy: Content-Length body to a file, byte for byte" {
	big_response len
	serve "$T/big.http"
	hget_run -s -o got "$URL/"
	assert_status 0
	cmp "$T/body" "$T/got"
}

@test "zcopy: a close-framed body to a file, byte for byte" {
	big_response close
	serve "$T/big.http,close"
	hget_run -s -o got "$URL/"
	assert_status 0
	cmp "$T/body" "$T/got"
}

@test "zcopy: to stdout that is a pipe, byte for byte" {
	big_response len
	serve "$T/big.http"
	timeout 20 "$HGET" -s "$URL/" 2>"$T/err" | cat >"$T/got"
	cmp "$T/body" "$T/got"
	[ ! -s "$T/err" ]
}

@test "zcopy: -o /dev/null takes the body and exits 0" {
	big_response len
	serve "$T/big.http"
	hget_run -s -o /dev/null -w '%{size_download}' "$URL/"
	assert_status 0
	assert_stdout 3145728
}

@test "zcopy: size_download counts spliced bytes, close framing too" {
	big_response close
	serve "$T/big.http,close"
	hget_run -s -o got -w '%{size_download}' "$URL/"
	assert_status 0
	assert_stdout 3145728
}

@test "zcopy: a body cut short is exit 18 and leaves no file" {
	big_response len
	serve "$T/big.http,truncate=2000000"
	hget_run -sS -o got "$URL/"
	# the head is 44 bytes of the 2,000,000 sent
	assert_status 18
	assert_stderr $'hget: (18) transfer closed with 1145772 bytes remaining to read\n'
	[ ! -e "$T/got" ]
	[ -z "$(ls -A "$T" | grep hget-)" ]
}

@test "zcopy: a body cut short keeps an existing file whole" {
	big_response len
	printf 'keep me\n' >"$T/got"
	serve "$T/big.http,truncate=3000000"
	hget_run -s -o got "$URL/"
	assert_status 18
	[ "$(cat "$T/got")" = "keep me" ]
}

@test "zcopy: -m stops a body that stalls mid-way: 28, no file" {
	big_response len
	serve "$T/big.http,split=1500000,gap=3000"
	hget_run -sS -m 1 -o got "$URL/"
	assert_status 28
	[[ $stderr == "hget: (28) Operation timed out after "*" out of 3145728 bytes received"* ]]
	[ ! -e "$T/got" ]
}

@test "zcopy: a slow body arrives whole (many small splices)" {
	big_response len
	serve "$T/big.http,split=300000,gap=20"
	hget_run -s -o got "$URL/"
	assert_status 0
	cmp "$T/body" "$T/got"
}

@test "zcopy: -C - resumes in place, the rest spliced onto the end" {
	big_response len
	head -c 1000000 "$T/body" >"$T/got"
	{
		printf 'HTTP/1.1 206 Partial Content\r\n'
		printf 'Content-Range: bytes 1000000-3145727/3145728\r\n'
		printf 'Content-Length: 2145728\r\n\r\n'
		tail -c +1000001 "$T/body"
	} >"$T/part.http"
	serve "$T/part.http"
	hget_run -s -C - -o got "$URL/"
	assert_status 0
	cmp "$T/body" "$T/got"
}

@test "zcopy: --limit-rate still holds a spliced body to its rate" {
	big_response len
	serve "$T/big.http"
	start=$(date +%s%N)
	hget_run -s --limit-rate 2M -o got "$URL/"
	end=$(date +%s%N)
	assert_status 0
	cmp "$T/body" "$T/got"
	# 3 MiB at 2 MiB/s: about 1.5 s; well under 1 s would mean no pacing
	[ $(( (end - start) / 1000000 )) -ge 1200 ]
}

@test "zcopy: -i puts the head, then the spliced body, in order" {
	big_response len
	serve "$T/big.http"
	hget_run -s -i -o got "$URL/"
	assert_status 0
	cmp "$T/big.http" "$T/got"
}

@test "zcopy: a closed pipe reader is a write failure (23)" {
	big_response len
	serve "$T/big.http"
	set +o pipefail
	timeout 20 "$HGET" -sS "$URL/" 2>"$T/err" | head -c 10 >/dev/null
	run cat "$T/err"
	[[ $output == "hget: (23) Failure writing output to destination"* ]]
}

@test "zcopy: /dev/full, which splice cannot write, fails with 23" {
	big_response len
	serve "$T/big.http"
	hget_run -sS -o /dev/full "$URL/"
	assert_status 23
	[[ $stderr == "hget: (23) Failure writing output to destination"* ]]
}

@test "zcopy: --compressed bodies are decoded, not spliced" {
	head -c 3000000 /dev/urandom | base64 >"$T/body"
	gzip -c "$T/body" >"$T/body.gz"
	{
		printf 'HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n'
		printf 'Content-Length: %d\r\n\r\n' "$(stat -c %s "$T/body.gz")"
		cat "$T/body.gz"
	} >"$T/gz.http"
	serve "$T/gz.http"
	hget_run -s --compressed -o got "$URL/"
	assert_status 0
	cmp "$T/body" "$T/got"
}

# The null device is not opened for a small body (src/sink.c SINK_NULL):
# the bytes are still counted, the head still goes nowhere, and a symlink
# to /dev/null is the same device.
@test "zcopy: -o /dev/null on a small body counts it, head and all" {
	printf 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello' >"$T/s.http"
	serve "$T/s.http" "$T/s.http"
	ln -s /dev/null "$T/nul"
	hget_run -s -i -o /dev/null -o "$T/nul" \
	    -w '%{size_download} %{size_header},' "$URL/" "$URL/"
	assert_status 0
	assert_stdout "5 38,5 38,"
	[ -c /dev/null ] && [ -L "$T/nul" ]
}

# Bodies for /dev/null are dropped in the kernel (recv MSG_TRUNC, woken
# by SO_RCVLOWAT); the threshold must go back to 1 byte before the next
# response on the same connection, or a small one would never wake us.
@test "zcopy: /dev/null drops two big bodies, then a small one, on one connection" {
	big_response len
	printf 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello' >"$T/s.http"
	serve "$T/big.http" "$T/big.http,split=1000000,gap=50" "$T/s.http"
	hget_run -sS -o /dev/null -o /dev/null -o /dev/null \
	    -w '%{size_download} %{num_connects},' "$URL/a" "$URL/b" "$URL/c"
	assert_status 0
	assert_stdout "3145728 1,3145728 0,5 0,"
	assert_stderr ''
}

@test "zcopy: /dev/null: a body cut short is 18, a stalled one 28 with -m" {
	big_response len
	serve "$T/big.http,truncate=2000000"
	hget_run -sS -o /dev/null "$URL/"
	assert_status 18
	assert_stderr $'hget: (18) transfer closed with 1145772 bytes remaining to read\n'
	serve "$T/big.http,split=1500000,gap=3000"
	hget_run -sS -m 1 -o /dev/null "$URL/"
	assert_status 28
	[[ $stderr == "hget: (28) Operation timed out after "*" out of 3145728 bytes received"* ]]
}
