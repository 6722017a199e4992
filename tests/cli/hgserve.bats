#!/usr/bin/env bats
# tests/cli/hgserve.bats: the scripted test server itself, driven by a
# small client written with bash's /dev/tcp (fd 5 is the connection).

load helper

OK=$DATA/ok.http	# 70 bytes, Content-Length: 6
CONT=$DATA/continue.http	# 25 bytes, HTTP/1.1 100 Continue

conn() {
	exec 5<>"/dev/tcp/127.0.0.1/$PORT"
}

hangup() {
	exec 5>&-
}

# send FORMAT [ARG...]: printf to the connection.
send() {
	# shellcheck disable=SC2059
	printf "$@" >&5
}

# get N FILE: read exactly N bytes of response into FILE.
get() {
	timeout 5 head -c "$1" <&5 >"$2"
}

# get_all FILE [SECS]: read until the server closes; $rc is cat's status
# (1 after a reset, 124 when the server kept the connection open).
get_all() {
	rc=0
	timeout "${2:-5}" cat <&5 >"$1" 2>"$T/client.err" || rc=$?
}

now_ms() {
	date +%s%3N
}

same() {
	cmp "$1" "$2" || fail "$(diff <(sed -n 'l 0' "$1") <(sed -n 'l 0' "$2"))"
}

# wait_for FILE: wait up to 5 s for the server to write FILE.
wait_for() {
	local i

	for ((i = 0; i < 250; i++)); do
		[[ -e $1 ]] && return 0
		sleep 0.02
	done
	fail "$1 never appeared"
}

# assert_body N FILE: req.N.len and req.N.sum describe FILE's bytes, as
# stat and cksum print them.
assert_body() {
	wait_for "$REC/req.$1.len"
	stat -c %s "$2" | cmp - "$REC/req.$1.len" ||
	    fail "req.$1.len: $(<"$REC/req.$1.len"), want $(stat -c %s "$2")"
	cksum <"$2" | cmp - "$REC/req.$1.sum" ||
	    fail "req.$1.sum: $(<"$REC/req.$1.sum"), want $(cksum <"$2")"
}

# chunked FILE SIZE: FILE as a chunked body (RFC 9112 §7.1) in chunks of
# SIZE bytes, hex sizes with an extension, then the last chunk and a
# trailer.
chunked() {
	local part

	mkdir -p "$T/parts"
	split -b "$2" -a 4 "$1" "$T/parts/p."
	for part in "$T"/parts/p.*; do
		printf '%x;n=1\r\n' "$(stat -c %s "$part")"
		cat "$part"
		printf '\r\n'
	done
	printf '0\r\nX-Trailer: y\r\n\r\n'
}

@test "hgserve: prints its port, writes its pid, keeps no stray descriptor" {
	serve "$OK"
	assert_regex "$PORT" '^[0-9]+$'
	pid=$(<"$REC/pid")
	kill -0 "$pid"
	assert_equal "$(tr '\0' ' ' <"/proc/$pid/cmdline")" \
	    "$HGSERVE -b -d $REC -P $REC/pid -l $REC/log -t 10 $OK "
	# bats waits for fd 3: the server holds only /dev/null, the log and
	# its listener.
	assert_equal "$(ls "/proc/$pid/fd" | sort | tr '\n' ' ')" "0 1 2 3 "
	assert_equal "$(readlink "/proc/$pid/fd/2")" "$REC/log"
	assert_conns 0
}

@test "hgserve: answers with the file's bytes and records the request" {
	serve "$OK"
	conn
	sed "s/@PORT@/$PORT/" "$DATA/hgserve-get.req" >&5
	get 70 "$T/resp"
	hangup
	same "$OK" "$T/resp"
	assert_request 1 tests/data/hgserve-get.req
	refute_request 2
	assert_conns 1
}

@test "hgserve: finds the end of Content-Length, chunked and bodiless requests" {
	serve "$OK" "$OK" "$OK" "$OK"
	printf 'POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nab\r\nc' >"$T/1"
	# chunked wins over Content-Length; extensions and trailers skipped
	{
		printf 'POST /b HTTP/1.1\r\ntransfer-encoding: gzip, Chunked\r\n'
		printf 'Content-Length: 99\r\n\r\n3;ext=1\r\nabc\r\n'
		printf 'A\r\n0123456789\r\n0\r\nX-Trailer: y\r\n\r\n'
	} >"$T/2"
	# an empty line before the request line (RFC 9112 §2.2), bare LFs
	printf '\r\nGET /c HTTP/1.1\r\nHost: h\r\n\r\n' >"$T/3"
	printf 'HEAD /d HTTP/1.1\nHost: h\n\n' >"$T/4"
	conn
	# back to back, no waiting: the server must find each end itself
	cat "$T/1" "$T/2" "$T/3" "$T/4" >&5
	get 280 "$T/resp"
	hangup
	cat "$OK" "$OK" "$OK" "$OK" >"$T/want"
	same "$T/want" "$T/resp"
	for i in 1 2 3 4; do
		assert_request "$i" "$T/$i"
	done
	refute_request 5
	assert_conns 1
	# .len and .sum: the decoded body, framing and trailer left out
	printf 'ab\r\nc' >"$T/b1"
	printf 'abc0123456789' >"$T/b2"
	: >"$T/b0"
	assert_body 1 "$T/b1"
	assert_body 2 "$T/b2"
	assert_body 3 "$T/b0"
	assert_body 4 "$T/b0"
	assert_equal "$(<"$REC/req.4.sum")" '4294967295 0'
}

@test "hgserve: serves steps in order over kept-alive and new connections" {
	printf 'HTTP/1.1 204 No Content\r\n\r\n' >"$T/204.http"
	serve "$OK" "$T/204.http" "$OK"
	conn
	send 'GET /1 HTTP/1.1\r\n\r\n'
	get 70 "$T/r1"
	send 'GET /2 HTTP/1.1\r\n\r\n'
	get 27 "$T/r2"
	hangup
	conn
	send 'GET /3 HTTP/1.1\r\n\r\n'
	get 70 "$T/r3"
	hangup
	same "$OK" "$T/r1"
	same "$T/204.http" "$T/r2"
	same "$OK" "$T/r3"
	assert_conns 2
	grep -q 'GET /3 ' "$REC/req.3"
}

@test "hgserve: a request after the last step is recorded and gets no answer" {
	serve "$OK"
	conn
	send 'GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\n'
	get_all "$T/resp"
	hangup
	assert_equal "$rc" 0
	same "$OK" "$T/resp"
	grep -q 'GET /2 ' "$REC/req.2"
	grep -q 'no step left' "$REC/log"
}

@test "hgserve: close shuts the connection after the response" {
	serve "$OK,close" "$OK"
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get_all "$T/resp"
	hangup
	assert_equal "$rc" 0
	same "$OK" "$T/resp"
	assert_conns 1
}

@test "hgserve: reset sends the bytes, then RST" {
	serve "$OK,reset"
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get_all "$T/resp"
	hangup
	assert_equal "$rc" 1
	grep -q 'reset by peer' "$T/client.err"
	same "$OK" "$T/resp"
}

@test "hgserve: reset-now reads the request and sends only RST" {
	serve -,reset-now
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get_all "$T/resp"
	hangup
	assert_equal "$rc" 1
	grep -q 'reset by peer' "$T/client.err"
	[[ ! -s $T/resp ]]
	assert_request 1 <(printf 'GET / HTTP/1.1\r\n\r\n')
}

@test "hgserve: empty closes without a byte, whatever the file" {
	serve "$OK,empty"
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get_all "$T/resp"
	hangup
	assert_equal "$rc" 0
	[[ ! -s $T/resp ]]
	[[ -s $REC/req.1 ]]
}

@test "hgserve: truncate=N sends N bytes then closes, or resets with reset" {
	serve "$OK,truncate=40" "$OK,truncate=66,reset"
	head -c 40 "$OK" >"$T/want1"
	head -c 66 "$OK" >"$T/want2"
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get_all "$T/r1"
	hangup
	assert_equal "$rc" 0
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get_all "$T/r2"
	hangup
	assert_equal "$rc" 1
	same "$T/want1" "$T/r1"
	same "$T/want2" "$T/r2"
}

@test "hgserve: delay=MS waits before answering" {
	serve "$OK,delay=400"
	conn
	t0=$(now_ms)
	send 'GET / HTTP/1.1\r\n\r\n'
	get 70 "$T/resp"
	t1=$(now_ms)
	hangup
	same "$OK" "$T/resp"
	(( t1 - t0 >= 400 )) || fail "answered after $((t1 - t0)) ms"
}

@test "hgserve: split=N writes N-byte pieces with a gap between them" {
	serve "$OK,split=10,gap=50"
	conn
	t0=$(now_ms)
	send 'GET / HTTP/1.1\r\n\r\n'
	get 70 "$T/resp"
	t1=$(now_ms)
	hangup
	same "$OK" "$T/resp"
	grep -q 'sent 70 of 70 bytes in 7 writes' "$REC/log"
	(( t1 - t0 >= 300 )) || fail "answered after $((t1 - t0)) ms"
}

@test "hgserve: trickle=MS sends one byte at a time" {
	serve "$OK,trickle=5"
	conn
	t0=$(now_ms)
	send 'GET / HTTP/1.1\r\n\r\n'
	get 70 "$T/resp"
	t1=$(now_ms)
	hangup
	same "$OK" "$T/resp"
	grep -q 'sent 70 of 70 bytes in 70 writes' "$REC/log"
	(( t1 - t0 >= 345 )) || fail "answered after $((t1 - t0)) ms"
}

@test "hgserve: hang keeps the connection silent until the time limit" {
	serve -t 2 -,hang
	conn
	t0=$(now_ms)
	send 'GET / HTTP/1.1\r\n\r\n'
	get_all "$T/resp"
	t1=$(now_ms)
	hangup
	# the server's exit closed the connection: EOF, not our timeout
	assert_equal "$rc" 0
	[[ ! -s $T/resp ]]
	(( t1 - t0 >= 1500 )) || fail "closed after $((t1 - t0)) ms"
	[[ -s $REC/req.1 ]]
	serve_wait
}

@test "hgserve: hang after sending bytes leaves the response unfinished" {
	serve "$OK,truncate=60,hang"
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get_all "$T/resp" 1
	hangup
	assert_equal "$rc" 124
	head -c 60 "$OK" >"$T/want"
	same "$T/want" "$T/resp"
}

@test "hgserve: noread answers before the request, which is then not answered again" {
	printf 'HTTP/1.1 204 No Content\r\n\r\n' >"$T/204.http"
	serve "$OK,noread" "$T/204.http"
	conn
	get 70 "$T/r1"
	send 'GET /1 HTTP/1.1\r\n\r\n'
	send 'GET /2 HTTP/1.1\r\n\r\n'
	get_all "$T/r2" 1
	hangup
	same "$OK" "$T/r1"
	# only the 204: request 1 was paid for in advance
	same "$T/204.http" "$T/r2"
	assert_request 1 <(printf 'GET /1 HTTP/1.1\r\n\r\n')
	assert_request 2 <(printf 'GET /2 HTTP/1.1\r\n\r\n')
}

@test "hgserve: noread with close talks first and hangs up" {
	serve "$OK,noread,close"
	conn
	get_all "$T/resp"
	hangup
	assert_equal "$rc" 0
	same "$OK" "$T/resp"
	refute_request 1
}

@test "hgserve: head answers 100 Continue before the body, then the request" {
	serve tests/data/continue.http,head "$OK"
	conn
	send 'PUT / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n'
	get 25 "$T/r1"
	send 'body'
	get 70 "$T/r2"
	hangup
	same "$DATA/continue.http" "$T/r1"
	same "$OK" "$T/r2"
	assert_request 1 <(printf 'PUT / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nbody')
	refute_request 2
}

@test "hgserve: -B N records the head and N bytes of a Content-Length body" {
	serve -B 1000 "$OK" "$OK"
	head -c 3000007 /dev/urandom >"$T/body"
	printf 'PUT /up HTTP/1.1\r\nContent-Length: 3000007\r\n\r\n' \
	    >"$T/head"
	conn
	cat "$T/head" "$T/body" >&5
	get 70 "$T/r1"
	# the next request on the connection is recorded whole again
	send 'GET /next HTTP/1.1\r\n\r\n'
	get 70 "$T/r2"
	hangup
	same "$OK" "$T/r1"
	same "$OK" "$T/r2"
	# all written before the answer went out
	[[ -e $REC/req.1.len ]]
	{ cat "$T/head"; head -c 1000 "$T/body"; } >"$T/want"
	assert_request 1 "$T/want"
	assert_body 1 "$T/body"
	assert_request 2 <(printf 'GET /next HTTP/1.1\r\n\r\n')
	assert_equal "$(<"$REC/req.2.len")" 0
}

@test "hgserve: -B N, chunked: N bytes of framing; .len and .sum decoded" {
	serve -B 5000 "$OK"
	head -c 3000007 /dev/urandom >"$T/body"
	chunked "$T/body" 100000 >"$T/framed"
	printf 'POST /up HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n' \
	    >"$T/head"
	conn
	cat "$T/head" "$T/framed" >&5
	get 70 "$T/resp"
	hangup
	same "$OK" "$T/resp"
	{ cat "$T/head"; head -c 5000 "$T/framed"; } >"$T/want"
	assert_request 1 "$T/want"
	assert_body 1 "$T/body"
	grep -q 'request 1 complete, body 3000007 bytes' "$REC/log"
}

@test "hgserve: without -B a body is recorded whole; -B 0 keeps heads only" {
	head -c 1048576 /dev/urandom >"$T/body"
	chunked "$T/body" 65536 >"$T/framed"
	printf 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n' \
	    >"$T/head"
	cat "$T/head" "$T/framed" >"$T/whole"
	for b in all 0; do
		if [[ $b == all ]]; then serve "$OK"; else serve -B 0 "$OK"; fi
		conn
		cat "$T/whole" >&5
		get 70 "$T/resp"
		hangup
		same "$OK" "$T/resp"
		assert_body 1 "$T/body"
	done
	assert_request 1 "$T/whole" "$T/rec"
	assert_request 1 "$T/head" "$T/rec.2"
}

@test "hgserve: continue answers only a head with Expect: 100-continue" {
	serve "$CONT,continue" "$OK" "$CONT,continue" "$OK" "$CONT,continue" \
	    "$OK"
	printf 'PUT /1 HTTP/1.1\r\nExpect: 100-Continue\r\n' >"$T/head"
	printf 'Content-Length: 4\r\n\r\n' >>"$T/head"
	printf body >"$T/b"
	conn
	cat "$T/head" >&5
	# sent as soon as the head is in, before any of the body
	get 25 "$T/r1"
	cat "$T/b" >&5
	get 70 "$T/r2"
	# no Expect: skipped, the body is answered by the next step
	send 'PUT /2 HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody'
	get 70 "$T/r3"
	# Expect but no body: nothing to continue
	send 'GET /3 HTTP/1.1\r\nExpect: 100-continue\r\n\r\n'
	get 70 "$T/r4"
	hangup
	same "$CONT" "$T/r1"
	same "$OK" "$T/r2"
	same "$OK" "$T/r3"
	same "$OK" "$T/r4"
	assert_request 1 <(cat "$T/head" "$T/b")
	assert_body 1 "$T/b"
	assert_body 2 "$T/b"
	grep -q 'step 3: .*,continue skipped: no Expect: 100-continue' \
	    "$REC/log"
	grep -q 'step 5: .*,continue skipped: request complete' "$REC/log"
}

@test "hgserve: a plain step leaves Expect unanswered until the body is in" {
	serve "$OK"
	printf 'PUT / HTTP/1.1\r\nExpect: 100-continue\r\n' >"$T/head"
	printf 'Content-Length: 4\r\n\r\n' >>"$T/head"
	printf body >"$T/b"
	conn
	cat "$T/head" >&5
	# the client's expect wait (1 s in curl) runs out in silence
	rc=0
	timeout 1 head -c 1 <&5 >"$T/r0" || rc=$?
	assert_equal "$rc" 124
	[[ ! -s $T/r0 ]]
	cat "$T/b" >&5
	get 70 "$T/resp"
	hangup
	same "$OK" "$T/resp"
	assert_request 1 <(cat "$T/head" "$T/b")
	assert_body 1 "$T/b"
}

@test "hgserve: early answers the head, closes, records what still arrives" {
	serve "$DATA/hgserve-417.http,early" "$OK"
	printf 'PUT / HTTP/1.1\r\nExpect: 100-continue\r\n' >"$T/head"
	printf 'Content-Length: 1000\r\n\r\n' >>"$T/head"
	printf 'part of it' >"$T/part"
	conn
	cat "$T/head" >&5
	get_all "$T/r1"
	assert_equal "$rc" 0
	# after its FIN the server still reads, and records
	cat "$T/part" >&5
	hangup
	same "$DATA/hgserve-417.http" "$T/r1"
	wait_for "$REC/req.1.len"
	assert_request 1 <(cat "$T/head" "$T/part")
	assert_body 1 "$T/part"
	grep -q 'conn 1: closed (FIN), still reading request 1' "$REC/log"
	grep -q 'conn 1: request 1 cut short' "$REC/log"
	# the next step is left for the next request
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get 70 "$T/r2"
	hangup
	same "$OK" "$T/r2"
}

@test "hgserve: early answers once, however much of the body follows" {
	serve "$DATA/hgserve-401.http,early" "$OK"
	head -c 200000 /dev/urandom >"$T/body"
	printf 'POST / HTTP/1.1\r\nContent-Length: 200000\r\n\r\n' >"$T/head"
	conn
	cat "$T/head" "$T/body" >&5
	get_all "$T/r1"
	hangup
	assert_equal "$rc" 0
	same "$DATA/hgserve-401.http" "$T/r1"
	assert_body 1 "$T/body"
	cat "$T/head" "$T/body" >"$T/want"
	assert_request 1 "$T/want"
	grep -q 'request 1 complete, body 200000 bytes' "$REC/log"
	! grep -q 'step 2:' "$REC/log" || fail "answered twice"
}

@test "hgserve: @PORT@ in a response file becomes the port" {
	serve tests/data/redirect.http,close
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get_all "$T/resp"
	hangup
	sed "s/@PORT@/$PORT/" "$DATA/redirect.http" >"$T/want"
	same "$T/want" "$T/resp"
	grep -q "^Location: http://127.0.0.1:$PORT/ok"$'\r'\$ "$T/resp"
}

@test "hgserve: -n stops accepting after N connections and exits when they close" {
	serve -n 2 "$OK" "$OK" "$OK"
	for i in 1 2; do
		conn
		send 'GET / HTTP/1.1\r\n\r\n'
		get 70 "$T/r$i"
		hangup
	done
	serve_wait
	rc=0
	(exec 5<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || rc=$?
	assert_equal "$rc" 1
	assert_conns 2
	grep -q 'exiting: connection limit' "$REC/log"
}

@test "hgserve: -t stops the server by itself" {
	t0=$(now_ms)
	serve -t 1 "$OK"
	serve_wait 5
	t1=$(now_ms)
	(( t1 - t0 >= 900 )) || fail "exited after $((t1 - t0)) ms"
	grep -q 'exiting: time limit' "$REC/log"
}

@test "hgserve: -f reads steps from a script, in order with operands" {
	printf 'HTTP/1.1 204 No Content\r\n\r\n' >"$T/204.http"
	printf '# a comment\n\n%s\r\n%s,close  \n' "$OK" "$T/204.http" \
	    >"$T/script"
	serve -f "$T/script" "$OK"
	conn
	send 'GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n'
	get_all "$T/resp"
	hangup
	cat "$OK" "$T/204.http" >"$T/want"
	same "$T/want" "$T/resp"
	grep -q '2 of 3 steps\|3 steps' "$REC/log"
}

@test "hgserve: -p takes a given port, and fails when it is taken" {
	serve "$OK"
	p=$PORT
	run "$HGSERVE" -p "$p" "$OK"
	assert_failure 1
	assert_output --partial "bind 127.0.0.1:$p: Address already in use"
	kill "$(<"$REC/pid")"
	serve_wait
	serve -p "$p" "$OK"
	assert_equal "$PORT" "$p"
}

@test "hgserve: survives a client that leaves in the middle of a response" {
	serve "$OK,trickle=20" "$OK"
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get 2 "$T/r1"
	hangup
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get 70 "$T/r2"
	hangup
	same "$OK" "$T/r2"
	grep -q 'conn 1: send: ' "$REC/log"
	kill -0 "$(<"$REC/pid")"
}

@test "hgserve: caps a request head and goes on serving" {
	serve "$OK" "$OK"
	conn
	head -c 1100000 /dev/zero | tr '\0' a >&5
	get_all "$T/r1"
	hangup
	assert_equal "$rc" 0
	[[ ! -s $T/r1 ]]
	grep -q 'request 1 unreadable or too big' "$REC/log"
	conn
	send 'GET / HTTP/1.1\r\n\r\n'
	get 70 "$T/r2"
	hangup
	same "$OK" "$T/r2"
}

@test "hgserve: bad usage exits 2 with a message" {
	run "$HGSERVE"
	assert_failure 2
	assert_line --index 0 'hgserve: no steps'
	assert_line --index 1 --partial '[-B bytes]'
	assert_line --partial 'trickle=MS'
	assert_line --partial 'continue'
	assert_line --partial 'early'
	run "$HGSERVE" -B -1 "$OK"
	assert_failure 2
	assert_output 'hgserve: -B -1: too small'
	run "$HGSERVE" -B "$OK"
	assert_failure 2
	assert_output --partial 'hgserve: -B '
	run "$HGSERVE" "$OK,bogus"
	assert_failure 2
	assert_output "hgserve: $OK,bogus: unknown directive \"bogus\""
	run "$HGSERVE" "$OK,split"
	assert_failure 2
	assert_output "hgserve: $OK,split: directive \"split\" needs =N"
	run "$HGSERVE" "$OK,delay=-1"
	assert_failure 2
	assert_output "hgserve: $OK,delay=-1: delay=-1 is too small"
	run "$HGSERVE" "$T/missing.http"
	assert_failure 2
	assert_output "hgserve: $T/missing.http: No such file or directory"
	run "$HGSERVE" -n 0 "$OK"
	assert_failure 2
	assert_output 'hgserve: -n 0: too small'
	run "$HGSERVE" -x "$OK"
	assert_failure 2
	assert_line --index 0 'hgserve: unknown option -x'
	run "$HGSERVE" "$OK" -t
	assert_failure 2
	assert_output 'hgserve: option -t needs a value'
}

@test "helper: hget_run keeps stdout and stderr byte for byte" {
	HGET=$T/fake-hget
	printf '#!/bin/sh\nprintf "hello\\n"; echo "fake: $1" >&2; exit 3\n' \
	    >"$HGET"
	chmod +x "$HGET"
	hget_run arg
	assert_status 3
	assert_stdout_file tests/data/ok.body
	assert_stdout $'hello\n'
	assert_output hello
	assert_stderr $'fake: arg\n'
	assert_equal "$stderr" 'fake: arg'
	run assert_stdout 'hello'
	assert_failure
}

@test "helper: assert_request notices one differing byte" {
	serve "$OK"
	conn
	sed "s/@PORT@/$PORT/" "$DATA/hgserve-get.req" >&5
	get 70 "$T/resp"
	hangup
	assert_request 1 tests/data/hgserve-get.req
	sed 's/x=1/x=2/' "$DATA/hgserve-get.req" >"$T/other.req"
	run assert_request 1 "$T/other.req"
	assert_failure
	assert_output --partial 'request 1 differs'
}
