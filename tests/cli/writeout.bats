#!/usr/bin/env bats
# tests/cli/writeout.bats: -w/--write-out end to end.  curl 7.88 is the
# reference: every case was run by hand with curl against the same
# hgserve steps (same output but for the User-Agent's length in
# %{size_request}, the times and the ports), and its requests recorded
# with tests/record-curl.sh.

load helper

# Nothing listens on port 1 of the loopback: connect(2) is refused.
REFUSED=http://127.0.0.1:1

# wo-ok.http: 122 bytes of head, "hello\n" (6 bytes) of body
OK=tests/data/wo-ok.http

# The size of recorded request N: what %{size_request} must say.
req_size() {
	wc -c <"$REC/req.$1" | tr -d ' '
}

# --- codes and versions ----------------------------------------------------

@test "writeout: http_code, response_code, http_version of an HTTP/1.1 200" {
	serve "$OK"
	hget_run -w '%{http_code}|%{response_code}|%{http_version}\n' "$URL/a"
	assert_status 0
	assert_stdout $'hello\n200|200|1.1\n'
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
}

@test "writeout: an HTTP/1.0 404 is 404 and version '1' (curl 7.88's word)" {
	serve tests/data/wo-404-10.http
	hget_run -w '%{http_code}|%{response_code}|%{http_version}|%{exitcode}\n' \
	    "$URL/a"
	assert_status 0
	assert_stdout $'no\n404|404|1|0\n'
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
}

@test "writeout: http_code is 000 when nothing arrived (refused)" {
	hget_run -s -w '%{http_code}|%{response_code}|%{http_version}|%{num_connects}|%{remote_ip}|%{remote_port}|%{size_request}|%{size_header}\n' \
	    "$REFUSED/x"
	assert_status 7
	assert_stdout $'000|000|0|0||0|0|0\n'
	assert_stderr ''
}

@test "writeout: http_code is 000 after an empty reply, on a connection made" {
	serve -,empty
	hget_run -s -w '%{http_code}|%{num_connects}|%{remote_ip}|%{remote_port}|%{exitcode}|%{errormsg}|%{size_header}\n' \
	    "$URL/a"
	assert_status 52
	assert_stdout "000|1|127.0.0.1|$PORT|52|Empty reply from server|0"$'\n'
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
}

# --- sizes, type, fields -----------------------------------------------------

@test "writeout: size_download, size_header, size_request" {
	serve "$OK"
	hget_run -w '%{size_download} %{size_header} %{size_request}\n' \
	    "$URL/a"
	assert_status 0
	assert_request 1 tests/data/wo-get.req
	assert_stdout "hello"$'\n'"6 122 $(req_size 1)"$'\n'
	assert_stderr ''
}

@test "writeout: size_header counts a 100 Continue head too" {
	cat "$DATA/continue.http" "$DATA/ok.http" >"$T/both.http"
	serve "$T/both.http"
	hget_run -o /dev/null -w '%{http_code} %{size_header} %{size_download}\n' \
	    "$URL/a"
	assert_status 0
	assert_stdout $'200 89 6\n'
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
}

@test "writeout: content_type and %header{name}: first one, any case, absent empty" {
	serve "$OK"
	hget_run -o /dev/null -w '[%{content_type}][%header{x-thing}][%header{X-THING}][%header{content-length}][%header{x-none}]\n' \
	    "$URL/a"
	assert_status 0
	assert_stdout $'[text/plain; charset=utf-8][spaced  value][spaced  value][6][]\n'
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
}

# --- times and speed ---------------------------------------------------------

@test "writeout: every time_* has 6 decimals, in order; speed is an integer" {
	serve "$OK"
	hget_run -o /dev/null -w '%{time_namelookup} %{time_connect} %{time_appconnect} %{time_pretransfer} %{time_redirect} %{time_starttransfer} %{time_total} %{speed_download}\n' \
	    "$URL/a"
	assert_status 0
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
	[[ -z $(tail -c 1 "$T/out") ]] || fail "no newline at the end"
	t='[0-9]+\.[0-9]{6}'
	[[ $output =~ ^($t)\ ($t)\ 0\.000000\ ($t)\ 0\.000000\ ($t)\ ($t)\ ([0-9]+)$ ]] ||
	    fail "bad format: $output"
	# cumulative from the start, as curl defines them
	awk -v a="${BASH_REMATCH[1]}" -v b="${BASH_REMATCH[2]}" \
	    -v c="${BASH_REMATCH[3]}" -v d="${BASH_REMATCH[4]}" \
	    -v e="${BASH_REMATCH[5]}" \
	    'BEGIN { exit !(a <= b && b <= c && c <= d && d <= e && e > 0) }' ||
	    fail "times out of order: $output"
}

@test "writeout: times of a transfer that timed out" {
	serve -,hang
	hget_run -s -m 0.3 -w '%{time_starttransfer} %{time_total} %{speed_download} %{http_code}\n' \
	    "$URL/a"
	assert_status 28
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
	[[ $output =~ ^0\.000000\ ([0-9]+\.[0-9]{6})\ 0\ 000$ ]] ||
	    fail "bad output: $output"
	awk -v t="${BASH_REMATCH[1]}" 'BEGIN { exit !(t >= 0.3) }' ||
	    fail "time_total ${BASH_REMATCH[1]} before -m 0.3"
}

# --- URLs, connections, peers --------------------------------------------------

@test "writeout: url_effective is normalised, url is as given" {
	serve "$OK"
	hget_run -o /dev/null -w '%{url_effective}|%{url}\n' "$URL/a/../b?q=1#frag"
	assert_status 0
	assert_stdout "$URL/b?q=1#frag|$URL/a/../b?q=1#frag"$'\n'
	assert_stderr ''
	assert_request 1 tests/data/wo-dotdot.req
}

@test "writeout: url_effective of a bare host gets its slash" {
	serve "$OK"
	hget_run -o /dev/null -w '%{url_effective}|%{url}\n' "$URL"
	assert_status 0
	assert_stdout "$URL/|$URL"$'\n'
	assert_stderr ''
	assert_request 1 tests/data/conn-root.req
}

@test "writeout: num_connects is 1, then 0 on the reused connection" {
	serve "$OK" "$OK"
	hget_run -w '%{num_connects} %{urlnum} %{remote_ip} %{remote_port} %{local_ip}\n' \
	    "$URL/a" "$URL/b"
	assert_status 0
	assert_stdout "hello
1 0 127.0.0.1 $PORT 127.0.0.1
hello
0 1 127.0.0.1 $PORT 127.0.0.1
"
	assert_stderr ''
	assert_conns 1
	assert_request 1 tests/data/wo-get.req
	assert_request 2 tests/data/wo-get-b.req
}

# --- exitcode and errormsg ---------------------------------------------------

@test "writeout: exitcode 0 and an empty errormsg on success" {
	serve "$OK"
	hget_run -o /dev/null -w '[%{exitcode}][%{errormsg}]\n' "$URL/a"
	assert_status 0
	assert_stdout $'[0][]\n'
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
}

@test "writeout: exitcode and errormsg of a timeout, message on stderr too" {
	serve -,hang
	hget_run -m 0.3 -w '[%{exitcode}][%{errormsg}]\n' "$URL/a"
	assert_status 28
	[[ $output =~ ^\[28\]\[Operation\ timed\ out\ after\ [0-9]+\ milliseconds\ with\ 0\ bytes\ received\]$ ]] ||
	    fail "bad output: $output"
	# the same text as the diagnostic
	assert_equal "$stderr" "hget: (28) ${output:5:${#output}-6}"
	assert_request 1 tests/data/wo-get.req
}

@test "writeout: exitcode and errormsg of -f" {
	serve tests/data/wo-404-10.http
	hget_run -sf -w '[%{exitcode}][%{errormsg}][%{http_code}][%{size_download}]\n' \
	    "$URL/a"
	assert_status 22
	assert_stdout $'[22][The requested URL returned error: 404][404][0]\n'
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
}

# --- %{json} -------------------------------------------------------------------

@test "writeout: %{json} is valid JSON with curl's keys in curl's order" {
	serve "$OK"
	hget_run -o /dev/null -w '%{json}' "$URL/a"
	assert_status 0
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
	if command -v python3 >/dev/null; then
		python3 -m json.tool <"$T/out" >/dev/null ||
		    fail "not JSON: $output"
	fi
	ver=$("$HGET" --version | sed -n '1s/^hget \([^ ]*\).*/\1/p')
	[[ $output == *"\"curl_version\":\"hget/$ver\"}" ]] ||
	    fail "curl_version: $output"
	# the values that vary from run to run, masked
	got=$(sed -E \
	    -e 's/"local_port":[0-9]+/"local_port":LP/' \
	    -e 's/"speed_download":[0-9]+/"speed_download":S/' \
	    -e 's/"(time_(namelookup|connect|pretransfer|starttransfer|total))":[0-9]+\.[0-9]{6}/"\1":T/g' \
	    -e 's/"curl_version":"[^"]*"/"curl_version":V/' "$T/out")
	want='{"certs":"","content_type":"text/plain; charset=utf-8","errormsg":null,"exitcode":0,"filename_effective":"/dev/null","ftp_entry_path":null,"http_code":200,"http_connect":0,"http_version":"1.1","local_ip":"127.0.0.1","local_port":LP,"method":"GET","num_certs":0,"num_connects":1,"num_headers":4,"num_redirects":0,"proxy_ssl_verify_result":0,"redirect_url":null,"referer":null,"remote_ip":"127.0.0.1","remote_port":@PORT@,"response_code":200,"scheme":"HTTP","size_download":6,"size_header":122,"size_request":@REQ@,"size_upload":0,"speed_download":S,"speed_upload":0,"ssl_verify_result":0,"time_appconnect":0.000000,"time_connect":T,"time_namelookup":T,"time_pretransfer":T,"time_redirect":0.000000,"time_starttransfer":T,"time_total":T,"url":"http://127.0.0.1:@PORT@/a","url_effective":"http://127.0.0.1:@PORT@/a","urlnum":0,"curl_version":V}'
	want=${want//@PORT@/$PORT}
	want=${want//@REQ@/$(req_size 1)}
	assert_equal "$got" "$want"
}

@test "writeout: %{json} of a failure is valid JSON with exitcode and errormsg" {
	hget_run -s -w '%{json}' "$REFUSED/x"
	assert_status 7
	assert_stderr ''
	if command -v python3 >/dev/null; then
		python3 -m json.tool <"$T/out" >/dev/null ||
		    fail "not JSON: $output"
	fi
	[[ $output == '{"certs":"","content_type":null,"errormsg":"Failed to connect to 127.0.0.1 port 1 after '[0-9]*' ms: Couldn'\''t connect to server","exitcode":7,"filename_effective":null,'* ]] ||
	    fail "head: $output"
	[[ $output == *',"http_code":0,'*',"num_connects":0,'*',"remote_ip":"",'*',"scheme":null,'*',"url_effective":"http://127.0.0.1:1/x","urlnum":0,'* ]] ||
	    fail "fields: $output"
}

@test "writeout: %{json} escapes quotes, backslashes and tabs" {
	serve tests/data/wo-quote.http
	hget_run -w '%{json}' "$URL/a"
	assert_status 0
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
	[[ $output == *'"content_type":"text/x; n=\"a\\\\b\tc\"",'* ]] ||
	    fail "content_type: $output"
	if command -v python3 >/dev/null; then
		got=$(python3 -c 'import json, sys
sys.stdout.write(json.load(sys.stdin)["content_type"])' <"$T/out") ||
		    fail "not JSON: $output"
		assert_equal "$got" $'text/x; n="a\\\\b\tc"'
	fi
}

# --- where and how it is written ---------------------------------------------

@test "writeout: %{stderr} and %{stdout} switch where the rest goes" {
	serve "$OK"
	hget_run -w 'a%{stderr}b %{http_code}\n%{stdout}c\n' "$URL/a"
	assert_status 0
	assert_stdout $'hello\nac\n'
	assert_stderr $'b 200\n'
	assert_request 1 tests/data/wo-get.req
}

@test "writeout: \\n \\r \\t and %% escapes; others are kept as written" {
	serve "$OK"
	hget_run -o /dev/null -w 'tab\there\r\n100%%|\x|%z|%{http_code' "$URL/a"
	assert_status 0
	assert_stdout $'tab\there\r\n100%|\\x|%z|%{http_code'
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
}

@test "writeout: -w @file reads the format, dropping the file's line ends" {
	# curl 7.88 reads the file line by line and drops every CR and LF
	# (only the \n escape makes a newline)
	printf 'code=%%{http_code}\\n\nsize=%%{size_download}\r\n' >"$T/fmt"
	serve "$OK"
	hget_run -o /dev/null -w @"$T/fmt" "$URL/a"
	assert_status 0
	assert_stdout $'code=200\nsize=6'
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
}

@test "writeout: -w @- reads the format from stdin" {
	printf '%%{http_code}:%%{size_download}\\n\n' >"$T/fmt"
	serve "$OK"
	hget_run -o /dev/null -w @- "$URL/a" <"$T/fmt"
	assert_status 0
	assert_stdout $'200:6\n'
	assert_stderr ''
	assert_request 1 tests/data/wo-get.req
}

@test "writeout: -w @file that cannot be read is exit 26, before any request" {
	# differs from curl on purpose (notes/differences.md): curl 7.88
	# warns "Failed to read FILE" and runs without -w
	serve "$OK"
	hget_run -w @"$T/missing" "$URL/a"
	assert_status 26
	assert_stdout ''
	assert_stderr "hget: (26) Failed to open $T/missing: No such file or directory"$'\n'
	refute_request 1
	assert_conns 0
}

@test "writeout: an unknown variable is warned about and prints nothing" {
	serve "$OK"
	hget_run -s -o /dev/null -w 'x%{bogus}y %{http_code}\n' "$URL/a"
	assert_status 0
	assert_stdout $'xy 200\n'
	assert_stderr $'hget: unknown --write-out variable: \'bogus\'\n'
	assert_request 1 tests/data/wo-get.req
}

@test "writeout: several URLs, one output each, a failure included" {
	serve "$OK" "$OK"
	hget_run -w '%{http_code} %{exitcode} %{num_connects} %{url_effective}\n' \
	    "$URL/a" "$URL/b" "$REFUSED/c"
	assert_status 7
	assert_stdout "hello
200 0 1 $URL/a
hello
200 0 0 $URL/b
000 7 0 $REFUSED/c
"
	[[ $stderr =~ ^hget:\ \(7\)\ Failed\ to\ connect\ to\ 127\.0\.0\.1\ port\ 1\ after\ [0-9]+\ ms:\ Couldn\'t\ connect\ to\ server$ ]] ||
	    fail "stderr: $stderr"
	assert_conns 1
	assert_request 1 tests/data/wo-get.req
	assert_request 2 tests/data/wo-get-b.req
}
