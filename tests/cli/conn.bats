#!/usr/bin/env bats
# tests/cli/conn.bats: connecting (refused, unresolvable, timeouts, -4/-6)
# and connection reuse across the URLs of one command line.  curl 7.88 is
# the reference: every case was run by hand with curl against the same
# hgserve steps, and its requests recorded with tests/record-curl.sh.

load helper

# Nothing listens on port 1 of the loopback (a privileged port no test
# server can take): connect(2) is refused at once.
REFUSED=http://127.0.0.1:1

teardown() {
	if [[ -n ${FILLER:-} ]]; then
		kill "$FILLER" 2>/dev/null
		wait "$FILLER" 2>/dev/null
	fi
	exec 5>&-
	hg_teardown
}

now_ms() {
	date +%s%3N
}

# assert_stderr_re ERE: stderr is exactly one line, and the whole line
# (without its newline) matches ERE.
assert_stderr_re() {
	local nl

	nl=$(tr -cd '\n' <"$T/err" | wc -c)
	[[ $nl -eq 1 && -z $(tail -c 1 "$T/err") ]] ||
	    fail "stderr is not one line: $(sed -n 'l 0' "$T/err")"
	[[ $stderr =~ ^$1$ ]] ||
	    fail "$(printf 'stderr %s\ndoes not match %s' "$stderr" "$1")"
}

# assert_trace_line N LINE: stderr (a -v trace) holds LINE exactly N times.
assert_trace_line() {
	local n

	n=$(grep -cFx -- "$2" "$T/err") || true
	[[ $n -eq $1 ]] ||
	    fail "$(printf '%s times, expected %s: %s' "$n" "$1" "$2")"
}

# The length of the listener's accept queue (rx_queue of its LISTEN line
# in /proc/net/tcp).
listen_queue() {
	local want loc st q rest

	want=$(printf '0100007F:%04X' "$PORT")
	while read -r _ loc _ st q rest; do
		if [[ $loc == "$want" && $st == 0A ]]; then
			echo $((16#${q#*:}))
			return
		fi
	done </proc/net/tcp
	echo 0
}

# stall_listener: a server whose listener completes no more handshakes,
# the only way to make connect(2) time out on the loopback.  hgserve
# sleeps inside a delay= step without calling accept(2); the kernel keeps
# completing handshakes until the accept queue is full (hgserve listens
# with a backlog of 16, Linux queues backlog + 1), and from then on drops
# SYNs: a new connect hangs.  A background filler opens connections until
# one blocks; FILLER is killed by teardown.
stall_listener() {
	local i

	serve -t 6 tests/data/ok.http,delay=5000
	exec 5<>"/dev/tcp/127.0.0.1/$PORT"
	printf 'GET /stall HTTP/1.1\r\n\r\n' >&5
	for ((i = 0; i < 250; i++)); do
		grep -q 'step 1:' "$REC/log" && break
		sleep 0.02
	done
	grep -q 'step 1:' "$REC/log" || fail "hgserve did not start the delay"
	(
		for ((i = 0; i < 60; i++)); do
			exec {fd}<>"/dev/tcp/127.0.0.1/$PORT" || exit 1
		done
		exec sleep 10
	) 3>&- </dev/null >/dev/null 2>&1 &
	FILLER=$!
	for ((i = 0; i < 250; i++)); do
		(($(listen_queue) > 16)) && return 0
		sleep 0.02
	done
	fail "accept queue never filled: $(listen_queue)"
}

# --- connecting --------------------------------------------------------

@test "conn: a refused port exits 7 with curl's message" {
	hget_run "$REFUSED/x"
	assert_status 7
	assert_stdout ''
	assert_stderr_re "hget: \(7\) Failed to connect to 127\.0\.0\.1 port 1 after [0-9]+ ms: Couldn't connect to server"
}

@test "conn: a refused port with -s says nothing, with -sS says it" {
	hget_run -s "$REFUSED/x"
	assert_status 7
	assert_stdout ''
	assert_stderr ''
	hget_run -sS "$REFUSED/x"
	assert_status 7
	assert_stdout ''
	assert_stderr_re "hget: \(7\) Failed to connect to 127\.0\.0\.1 port 1 after [0-9]+ ms: Couldn't connect to server"
}

@test "conn: a name that does not resolve exits 6 at once" {
	t0=$(now_ms)
	hget_run http://no-such-host.invalid/x
	t1=$(now_ms)
	assert_status 6
	assert_stdout ''
	assert_stderr $'hget: (6) Could not resolve host: no-such-host.invalid\n'
	# .invalid never resolves (RFC 6761): no network wait is involved
	(( t1 - t0 < 5000 )) || fail "took $((t1 - t0)) ms"
}

# --- -m/--max-time ----------------------------------------------------

@test "conn: -m against a server that never answers exits 28, 0 bytes" {
	serve -,hang
	t0=$(now_ms)
	hget_run -m 0.5 "$URL/"
	t1=$(now_ms)
	assert_status 28
	assert_stdout ''
	assert_stderr_re 'hget: \(28\) Operation timed out after ([0-9]+) milliseconds with 0 bytes received'
	# the limit is never reported as reached before it is
	(( BASH_REMATCH[1] >= 500 )) || fail "reported ${BASH_REMATCH[1]} ms"
	(( t1 - t0 < 5000 )) || fail "took $((t1 - t0)) ms"
	assert_request 1 tests/data/conn-root.req
	assert_conns 1
}

@test "conn: -m against a head trickling in byte by byte exits 28, 0 bytes" {
	serve tests/data/ok.http,trickle=300
	hget_run --max-time 0.5 "$URL/"
	assert_status 28
	assert_stdout ''
	assert_stderr_re 'hget: \(28\) Operation timed out after [0-9]+ milliseconds with 0 bytes received'
	assert_request 1 tests/data/conn-root.req
}

@test "conn: -m in a stalled Content-Length body says M out of L bytes" {
	# 39 bytes of head and 6 of body, then nothing for 3 s
	serve tests/data/conn-twenty.http,split=45,gap=3000
	hget_run -m 0.5 "$URL/"
	assert_status 28
	assert_stdout '012345'
	assert_stderr_re 'hget: \(28\) Operation timed out after [0-9]+ milliseconds with 6 out of 20 bytes received'
	assert_request 1 tests/data/conn-root.req
}

@test "conn: -m in a stalled close-delimited body says M bytes" {
	# 19 bytes of head and 3 of body, then nothing for 3 s
	serve tests/data/conn-eof.http,split=22,gap=3000
	hget_run -m 0.5 "$URL/"
	assert_status 28
	assert_stdout 'abc'
	assert_stderr_re 'hget: \(28\) Operation timed out after [0-9]+ milliseconds with 3 bytes received'
	assert_request 1 tests/data/conn-root.req
}

@test "conn: -m in a stalled chunked body counts the decoded bytes" {
	# the first chunk and half of the second chunk's size line
	serve tests/data/conn-chunked-hw.http,truncate=60,hang
	hget_run -m 0.5 "$URL/"
	assert_status 28
	assert_stdout 'hello'
	assert_stderr_re 'hget: \(28\) Operation timed out after [0-9]+ milliseconds with 5 bytes received'
	assert_request 1 tests/data/conn-root.req
}

# --- --connect-timeout --------------------------------------------------

@test "conn: --connect-timeout ends a connect that hangs: exit 28" {
	stall_listener
	t0=$(now_ms)
	hget_run --connect-timeout 0.5 "$URL/"
	t1=$(now_ms)
	assert_status 28
	assert_stdout ''
	assert_stderr_re "hget: \(28\) Failed to connect to 127\.0\.0\.1 port $PORT after [0-9]+ ms: Timeout was reached"
	(( t1 - t0 < 4000 )) || fail "took $((t1 - t0)) ms"
	# only the request that put the server to sleep
	refute_request 2
}

@test "conn: -m reached while connecting says 'Connection timed out'" {
	# curl 7.88: when -m (not --connect-timeout) ends the connect, the
	# message is "Connection timed out after N milliseconds"
	stall_listener
	hget_run -m 0.5 "$URL/"
	assert_status 28
	assert_stdout ''
	assert_stderr_re 'hget: \(28\) Connection timed out after [0-9]+ milliseconds'
	refute_request 2
}

@test "conn: --connect-timeout does not limit the wait for the response" {
	serve tests/data/ok.http,delay=700
	hget_run --connect-timeout 0.3 "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/conn-root.req
}

# --- -4 / -6 ------------------------------------------------------------

@test "conn: -4 connects to an IPv4 address" {
	serve tests/data/conn-one.http
	hget_run -4 "$URL/"
	assert_status 0
	assert_stdout $'one\n'
	assert_stderr ''
	assert_request 1 tests/data/conn-root.req
	assert_conns 1
}

@test "conn: -6 with an IPv4 address cannot connect: exit 7" {
	serve tests/data/conn-one.http
	hget_run -6 "$URL/"
	# curl 7.88: "curl: (7) Couldn't connect to server" (no resolve error)
	assert_status 7
	assert_stdout ''
	assert_stderr $'hget: (7) Couldn\'t connect to server\n'
	assert_conns 0
}

@test "conn: -4 with an IPv6 address cannot connect: exit 7" {
	hget_run -4 'http://[::1]:1/'
	# curl 7.88: "curl: (7) Couldn't connect to server"
	assert_status 7
	assert_stdout ''
	assert_stderr $'hget: (7) Couldn\'t connect to server\n'
}

@test "conn: -6 to a refused IPv6 address exits 7 with curl's message" {
	grep -q ' lo$' /proc/net/if_inet6 2>/dev/null || skip "no IPv6 loopback"
	hget_run -6 'http://[::1]:1/'
	assert_status 7
	assert_stdout ''
	assert_stderr_re "hget: \(7\) Failed to connect to ::1 port 1 after [0-9]+ ms: Couldn't connect to server"
}

# --- reuse --------------------------------------------------------------

@test "conn: three URLs go in order over one kept-alive connection" {
	serve tests/data/conn-one.http tests/data/conn-two.http \
	    tests/data/conn-three.http
	hget_run "$URL/1" "$URL/2" "$URL/3"
	assert_status 0
	assert_stdout $'one\ntwo\nthree\n'
	assert_stderr ''
	assert_conns 1
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-get.req.2
	assert_request 3 tests/data/conn-get.req.3
	refute_request 4
}

@test "conn: -v says 'Re-using existing connection' for each reuse" {
	serve tests/data/conn-one.http tests/data/conn-two.http \
	    tests/data/conn-three.http
	hget_run -v "$URL/1" "$URL/2" "$URL/3"
	assert_status 0
	assert_stdout $'one\ntwo\nthree\n'
	# curl 7.88's words for these lines
	assert_trace_line 1 "* Connected to 127.0.0.1 (127.0.0.1) port $PORT (#0)"
	assert_trace_line 2 '* Re-using existing connection #0 with host 127.0.0.1'
	assert_trace_line 3 '* Connection #0 to host 127.0.0.1 left intact'
	[[ $(grep -c '^\* Connected to' "$T/err") -eq 1 ]] ||
	    fail "connected more than once"
	assert_conns 1
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-get.req.2
	assert_request 3 tests/data/conn-get.req.3
}

@test "conn: after 'Connection: close' the next URL opens a new connection" {
	# the server itself keeps the connection open: only the field decides
	serve tests/data/conn-one-close.http tests/data/conn-two.http
	hget_run -v "$URL/1" "$URL/2"
	assert_status 0
	assert_stdout $'one\ntwo\n'
	assert_trace_line 1 '* Closing connection 0'
	assert_trace_line 1 "* Connected to 127.0.0.1 (127.0.0.1) port $PORT (#1)"
	assert_trace_line 0 '* Re-using existing connection #0 with host 127.0.0.1'
	assert_conns 2
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-get.req.2
}

@test "conn: after an HTTP/1.0 response without keep-alive, a new connection" {
	serve tests/data/conn-one-10.http tests/data/conn-two.http
	hget_run "$URL/1" "$URL/2"
	assert_status 0
	assert_stdout $'one\ntwo\n'
	assert_stderr ''
	assert_conns 2
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-get.req.2
}

@test "conn: an HTTP/1.0 response with Connection: keep-alive is reused" {
	serve tests/data/conn-one-10ka.http tests/data/conn-two.http
	hget_run "$URL/1" "$URL/2"
	assert_status 0
	assert_stdout $'one\ntwo\n'
	assert_stderr ''
	assert_conns 1
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-get.req.2
}

@test "conn: bytes after a Content-Length body are never the next response" {
	# one write: "one\n" and then a whole bogus response
	serve tests/data/conn-extra.http tests/data/conn-two.http
	hget_run "$URL/1" "$URL/2"
	assert_status 0
	assert_stdout $'one\ntwo\n'
	assert_stderr ''
	assert_conns 2
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-get.req.2
}

@test "conn: another port means another connection" {
	serve tests/data/conn-one.http tests/data/conn-two.http
	url1=$URL rec1=$REC
	serve tests/data/conn-three.http
	hget_run "$url1/1" "$URL/3"
	assert_status 0
	assert_stdout $'one\nthree\n'
	assert_stderr ''
	assert_conns 1 "$rec1"
	assert_conns 1
	assert_request 1 tests/data/conn-get.req "$rec1"
	assert_request 1 tests/data/conn-get.req.3
}

@test "conn: another host name (same address and port) means another connection" {
	serve tests/data/conn-one.http tests/data/conn-two.http
	hget_run "$URL/1" "http://localhost:$PORT/2"
	assert_status 0
	assert_stdout $'one\ntwo\n'
	assert_stderr ''
	assert_conns 2
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-localhost.req
}

@test "conn: back to a first host after a second, its connection is reused" {
	# curl 7.88 keeps a pool of connections (5 by default): A, B, A
	# makes one connection to A, not two
	serve tests/data/conn-one.http tests/data/conn-two.http
	url1=$URL rec1=$REC
	serve tests/data/conn-three.http
	hget_run "$url1/1" "$URL/3" "$url1/2"
	assert_status 0
	assert_stdout $'one\nthree\ntwo\n'
	assert_stderr ''
	assert_conns 1 "$rec1"
	assert_conns 1
	assert_request 1 tests/data/conn-get.req "$rec1"
	assert_request 2 tests/data/conn-get.req.2 "$rec1"
	assert_request 1 tests/data/conn-get.req.3
}

@test "conn: a kept-alive connection the server closed is replaced silently" {
	serve tests/data/conn-one.http,close tests/data/conn-two.http
	hget_run "$URL/1" "$URL/2"
	assert_status 0
	assert_stdout $'one\ntwo\n'
	assert_stderr ''
	assert_conns 2
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-get.req.2
	refute_request 3
}

@test "conn: a request the kept-alive connection drops unanswered is retried" {
	# the request goes out on the old connection, which closes without
	# a byte: sent again on a new one
	serve tests/data/conn-one.http -,empty tests/data/conn-two.http
	hget_run -v "$URL/1" "$URL/2"
	assert_status 0
	assert_stdout $'one\ntwo\n'
	# curl 7.88 adds " (retry count: 1)" to this line
	[[ $(grep -c '^\* Connection died, retrying a fresh connect' \
	    "$T/err") -eq 1 ]] || fail "no retry line"
	assert_conns 2
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-get.req.2
	assert_request 3 tests/data/conn-get.req.2
	refute_request 4
}

@test "conn: a request the kept-alive connection resets is retried" {
	serve tests/data/conn-one.http -,reset-now tests/data/conn-two.http
	hget_run "$URL/1" "$URL/2"
	assert_status 0
	assert_stdout $'one\ntwo\n'
	assert_stderr ''
	assert_conns 2
	assert_request 2 tests/data/conn-get.req.2
	assert_request 3 tests/data/conn-get.req.2
}

@test "conn: the retry is made once: a fresh connection's empty reply is 52" {
	serve tests/data/conn-one.http -,empty -,empty tests/data/conn-two.http
	hget_run "$URL/1" "$URL/2"
	assert_status 52
	assert_stdout $'one\n'
	assert_stderr $'hget: (52) Empty reply from server\n'
	assert_conns 2
	assert_request 2 tests/data/conn-get.req.2
	assert_request 3 tests/data/conn-get.req.2
	refute_request 4
}

@test "conn: a response that started on a kept-alive connection is not retried" {
	serve tests/data/conn-one.http tests/data/conn-two.http,truncate=40 \
	    tests/data/conn-three.http
	hget_run "$URL/1" "$URL/2"
	assert_status 18
	assert_stdout $'one\ntw'
	assert_stderr $'hget: (18) transfer closed with 2 bytes remaining to read\n'
	assert_conns 1
	assert_request 2 tests/data/conn-get.req.2
	refute_request 3
}

@test "conn: framing stays exact: chunked, Content-Length, 204, chunked on one connection" {
	# split writes put the boundaries inside size lines and fields
	serve tests/data/conn-chunked-a.http,split=7 tests/data/conn-two.http \
	    tests/data/conn-204.http,split=5 tests/data/conn-chunked-b.http,split=3
	hget_run "$URL/1" "$URL/2" "$URL/3" "$URL/4"
	assert_status 0
	assert_stdout $'one\ntwo\nthree\n'
	assert_stderr ''
	assert_conns 1
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-get.req.2
	assert_request 3 tests/data/conn-get.req.3
	assert_request 4 tests/data/conn-get4.req
	refute_request 5
}

# --- the exit code of several URLs ---------------------------------------

@test "conn: several failures: the exit code is the last one's (7 then 6)" {
	hget_run "$REFUSED/x" http://no-such-host.invalid/y
	assert_status 6
	assert_stdout ''
	assert_equal "$(sed -n 2p "$T/err")" \
	    'hget: (6) Could not resolve host: no-such-host.invalid'
	[[ $(sed -n 1p "$T/err") =~ ^hget:\ \(7\)\ Failed\ to\ connect\ to\ 127\.0\.0\.1\ port\ 1\ after\ [0-9]+\ ms:\ Couldn\'t\ connect\ to\ server$ ]] ||
	    fail "first line: $(sed -n 1p "$T/err")"
	[[ $(wc -l <"$T/err") -eq 2 ]]
}

@test "conn: several failures: the exit code is the last one's (6 then 7)" {
	hget_run http://no-such-host.invalid/y "$REFUSED/x"
	assert_status 7
	assert_stdout ''
	assert_equal "$(sed -n 1p "$T/err")" \
	    'hget: (6) Could not resolve host: no-such-host.invalid'
	[[ $(sed -n 2p "$T/err") =~ ^hget:\ \(7\)\ Failed\ to\ connect ]] ||
	    fail "second line: $(sed -n 2p "$T/err")"
	[[ $(wc -l <"$T/err") -eq 2 ]]
}

@test "conn: a later success does not reset the exit code of a failure" {
	# differs from curl on purpose: curl 7.88 exits 0 here (the last
	# transfer's result); hget does not let a later success hide an
	# earlier failure.
	serve tests/data/conn-one.http
	hget_run "$REFUSED/x" "$URL/1"
	assert_status 7
	assert_stdout $'one\n'
	assert_stderr_re "hget: \(7\) Failed to connect to 127\.0\.0\.1 port 1 after [0-9]+ ms: Couldn't connect to server"
	assert_request 1 tests/data/conn-get.req
	assert_conns 1
}

@test "conn: -f failure closes the connection; a later success keeps exit 22" {
	# the 404's body is not read, so the connection cannot be reused
	# (curl does the same); exit 22 stays (curl 7.88 exits 0, see above)
	serve tests/data/conn-404.http tests/data/conn-two.http
	hget_run -f "$URL/1" "$URL/2"
	assert_status 22
	assert_stdout $'two\n'
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_conns 2
	assert_request 1 tests/data/conn-get.req
	assert_request 2 tests/data/conn-get.req.2
}
