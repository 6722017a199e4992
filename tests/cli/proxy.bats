#!/usr/bin/env bats
# tests/cli/proxy.bats: HTTP proxies with hgserve as the proxy (and as the
# origin behind a CONNECT tunnel), the proxy environment variables and
# no_proxy, --resolve and --connect-to.  curl 7.88 is the reference: every
# command was run by hand with curl against the same hgserve steps, and
# the requests it sent were recorded (tests/record-curl.sh, or hgserve -d
# with the same @PORT@ and @UA@ substitutions) as tests/data/proxy-*.req.
#
# Names under .invalid never resolve (RFC 6761), so a request that goes
# direct to example.invalid fails at once with exit 6, and one that goes
# through the proxy reaches hgserve whatever the name: which of the two
# happened tells whether the proxy was used.  Port 1 of the loopback
# refuses connections (no test server can take it).

load helper

PROXY_VARS=(http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy
    ALL_PROXY no_proxy NO_PROXY)
NOHOST=$'hget: (6) Could not resolve host: example.invalid\n'

setup() {
	hg_setup
	# the caller's proxy settings must not leak into a test
	unset "${PROXY_VARS[@]}"
}

# assert_stderr_re ERE: stderr is one line, and the whole line (without
# its newline) matches ERE.
assert_stderr_re() {
	local nl

	nl=$(tr -cd '\n' <"$T/err" | wc -c)
	[[ $nl -eq 1 && -z $(tail -c 1 "$T/err") ]] ||
	    fail "stderr is not one line: $(sed -n 'l 0' "$T/err")"
	[[ $stderr =~ ^$1$ ]] ||
	    fail "$(printf 'stderr %s\ndoes not match %s' "$stderr" "$1")"
}

# The line for a refused connection to 127.0.0.1 port $1 (curl's words).
refused_re() {
	printf '%s' "hget: \\(7\\) Failed to connect to ${2:-127\\.0\\.0\\.1}" \
	    " port $1 after [0-9]+ ms: Couldn't connect to server"
}

# listening PORT: something listens on PORT (IPv4 or IPv6, any address).
listening() {
	local hex

	hex=$(printf ':%04X' "$1")
	awk -v p="$hex" '$4 == "0A" && substr($2, length($2) - 4) == p \
	    { found = 1 } END { exit !found }' /proc/net/tcp /proc/net/tcp6 \
	    2>/dev/null
}

# assert_ok: exit 0, ok.http's body on stdout, nothing on stderr.
assert_ok() {
	assert_status 0
	assert_stdout $'hello\n'
	assert_stderr ''
}

# A request that went through proxy $PORT as curl sends it (GET /e).
assert_proxied() {
	assert_ok
	assert_request 1 tests/data/proxy-get.req
	assert_conns 1
}

# A request for example.invalid that went direct: the proxy saw nothing.
assert_direct_invalid() {
	assert_status 6
	assert_stdout ''
	assert_stderr "$NOHOST"
	assert_conns 0
}

# --- -x / --proxy ---------------------------------------------------------

@test "proxy: -x host:port sends the whole URL, Host and Proxy-Connection" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -x "127.0.0.1:$PORT" http://example.invalid:8080/path
	assert_ok
	assert_request 1 tests/data/proxy-abs.req
	assert_conns 1
}

@test "proxy: -x http://host:port; the query is part of the target" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -x "http://127.0.0.1:$PORT" 'http://example.invalid/path?q=1'
	assert_ok
	assert_request 1 tests/data/proxy-query.req
}

@test "proxy: a path, query and fragment in the proxy string are ignored" {
	local px

	for px in "127.0.0.1:@P@/some/path?q#f" "HTTP://127.0.0.1:@P@/" \
	    "http://127.0.0.1:@P@#x"; do
		echo "# -x $px"
		serve -n 1 tests/data/ok.http
		hget_run -sS -x "${px//@P@/$PORT}" http://example.invalid/e
		assert_proxied
	done
}

@test "proxy: -x without a port connects to port 1080" {
	if listening 1080; then
		skip "something listens on port 1080 here"
	fi
	hget_run -sS -x 127.0.0.1 http://example.invalid/e
	assert_status 7
	assert_stdout ''
	assert_stderr_re "$(refused_re 1080)"
}

@test "proxy: -x to a refused port is exit 7 naming the proxy" {
	hget_run -sS -x 127.0.0.1:1 http://example.invalid/e
	assert_status 7
	assert_stdout ''
	assert_stderr_re "$(refused_re 1)"
}

@test "proxy: -x '' sends requests direct, whatever the environment says" {
	serve -n 1 tests/data/ok.http
	export http_proxy=127.0.0.1:1 all_proxy=127.0.0.1:1
	hget_run -sS -x '' "$URL/direct"
	assert_ok
	assert_request 1 tests/data/proxy-direct.req
}

@test "proxy: -x wins over http_proxy and all_proxy" {
	serve -n 1 tests/data/ok.http
	export http_proxy=127.0.0.1:1 all_proxy=127.0.0.1:1
	hget_run -sS -x "127.0.0.1:$PORT" http://example.invalid/e
	assert_proxied
}

@test "proxy: -H Proxy-Connection replaces or removes the default" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -x "127.0.0.1:$PORT" -H 'Proxy-Connection: close' \
	    http://example.invalid/e
	assert_ok
	assert_request 1 tests/data/proxy-pc-close.req

	serve -n 1 tests/data/ok.http
	hget_run -sS -x "127.0.0.1:$PORT" -H 'Proxy-Connection:' \
	    http://example.invalid/e
	assert_ok
	assert_request 1 tests/data/proxy-pc-remove.req
}

# --- proxy credentials -------------------------------------------------------

@test "proxy: -U user:pass sends Proxy-Authorization: Basic to the proxy" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -x "127.0.0.1:$PORT" -U user:pass http://example.invalid/
	assert_ok
	assert_request 1 tests/data/proxy-U.req
}

@test "proxy: -U halves are percent-decoded after the split at ':'" {
	serve -n 1 tests/data/ok.http
	# "a%41:b%3a" is sent as "aA:b:"
	hget_run -sS -x "127.0.0.1:$PORT" -U 'a%41:b%3a' http://example.invalid/
	assert_ok
	assert_request 1 tests/data/proxy-U-pct.req
}

@test "proxy: -U with %00 is exit 3" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -x "127.0.0.1:$PORT" -U 'a%00:b' http://example.invalid/
	assert_status 3
	assert_stdout ''
	assert_stderr $'hget: (3) URL using bad/illegal format or missing URL\n'
	assert_conns 0
}

@test "proxy: user:pass@ in the proxy URL, percent-decoded, wins over -U" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -x "http://us%41er:p%40ss@127.0.0.1:$PORT" -U c:d \
	    http://example.invalid/
	assert_ok
	assert_request 1 tests/data/proxy-url-creds.req
}

@test "proxy: user:pass@ without a scheme; user@ alone has password ''" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -x "u:p@127.0.0.1:$PORT" http://example.invalid/e
	assert_ok
	assert_request 1 tests/data/proxy-userinfo.req

	serve -n 1 tests/data/ok.http
	hget_run -sS -x "http://u@127.0.0.1:$PORT" http://example.invalid/e
	assert_ok
	assert_request 1 tests/data/proxy-user-only.req
}

@test "proxy: -U without a proxy sends no Proxy-Authorization to the origin" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -U pu:pp "$URL/d"
	assert_ok
	assert_request 1 tests/data/proxy-nopa.req
}

@test "proxy: -H Proxy-Authorization never reaches an origin directly" {
	serve -n 1 tests/data/ok.http
	# Differs from curl on purpose (man page, "Proxy-Authorization goes
	# only to a proxy"): curl 7.88 sends the -H line to the origin.
	hget_run -sS -U pu:pp -H 'Proxy-Authorization: x' "$URL/d"
	assert_ok
	assert_request 1 tests/data/proxy-nopa.req
}

@test "proxy: -H Proxy-Authorization replaces -U's field to a plain proxy" {
	serve -n 1 tests/data/ok.http
	# Differs from curl on purpose: curl 7.88 sends both fields, the -U
	# one after Host and the -H one after Proxy-Connection.
	hget_run -sS -x "127.0.0.1:$PORT" -U u:p \
	    -H 'Proxy-Authorization: Bearer t' http://a.invalid/1
	assert_ok
	assert_request 1 tests/data/proxy-hdr-pa.req
}

@test "proxy: -H Proxy-Authorization is not sent inside a tunnel" {
	serve -n 1 tests/data/proxy-connect-200.http tests/data/ok.http
	# Differs from curl on purpose: curl 7.88 sends the -H line to the
	# origin inside the tunnel (the CONNECT itself is the same).
	hget_run -sS -p -x "127.0.0.1:$PORT" -U u:p \
	    -H 'Proxy-Authorization: Bearer t' http://a.invalid/1
	assert_ok
	assert_request 1 tests/data/proxy-hdr-pa-tunnel.req
	assert_request 2 tests/data/proxy-hdr-pa-tunnel.req.2
}

# --- CONNECT tunnels ---------------------------------------------------------

@test "tunnel: -p: Proxy-Authorization in CONNECT only, -u's inside only" {
	serve -n 1 tests/data/proxy-connect-200.http tests/data/ok.http
	hget_run -sS -p -x "127.0.0.1:$PORT" -U pu:pp -u ou:op \
	    http://example.invalid:8080/t
	assert_ok
	assert_request 1 tests/data/proxy-tunnel.req
	assert_request 2 tests/data/proxy-tunnel.req.2
	refute_request 3
	assert_conns 1
}

@test "tunnel: a 407 answer to CONNECT is exit 56, its body not shown" {
	serve -n 1 tests/data/proxy-connect-407.http
	hget_run -sS -p -x "127.0.0.1:$PORT" -U pu:pp http://example.invalid:8080/t
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) CONNECT tunnel failed, response 407\n'
	assert_request 1 tests/data/proxy-connect.req
	refute_request 2
}

@test "tunnel: a 403 answer to CONNECT is exit 56" {
	serve -n 1 tests/data/proxy-connect-403.http
	hget_run -sS -p -x "127.0.0.1:$PORT" http://example.invalid:8080/t
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) CONNECT tunnel failed, response 403\n'
	assert_request 1 tests/data/proxy-connect-noauth.req
	refute_request 2
}

@test "tunnel: -i shows the CONNECT response head before the origin's" {
	serve -n 1 tests/data/proxy-connect-200.http tests/data/ok.http
	hget_run -sS -i -p -x "127.0.0.1:$PORT" http://example.invalid:8080/t
	assert_status 0
	cat "$DATA/proxy-connect-200.http" "$DATA/ok.http" >"$T/want"
	assert_stdout_file "$T/want"
	assert_stderr ''
	assert_request 1 tests/data/proxy-connect-noauth.req
}

@test "tunnel: -w %{http_connect} is the CONNECT status" {
	serve -n 1 tests/data/proxy-connect-200.http tests/data/ok.http
	# curl 7.88 prints "[200 200]" and, for a 407 CONNECT, "[407 000]"
	hget_run -sS -p -x "127.0.0.1:$PORT" -w '[%{http_connect} %{http_code}]' \
	    http://example.invalid:8080/t
	assert_status 0
	assert_stdout $'hello\n[200 200]'
	assert_stderr ''
	assert_request 1 tests/data/proxy-connect-noauth.req

	serve -n 1 tests/data/proxy-connect-407.http
	hget_run -sS -p -x "127.0.0.1:$PORT" -w '[%{http_connect} %{http_code}]' \
	    http://example.invalid:8080/t
	assert_status 56
	assert_stdout '[407 000]'
	assert_stderr $'hget: (56) CONNECT tunnel failed, response 407\n'
}

@test "tunnel: two URLs of one origin share the tunnel, another opens one" {
	serve -n 1 tests/data/proxy-connect-200.http tests/data/ok.http \
	    tests/data/ok.http
	hget_run -sS -p -x "127.0.0.1:$PORT" http://a.invalid/1 http://a.invalid/2
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/proxy-tunnel-same.req
	assert_request 2 tests/data/proxy-tunnel-same.req.2
	assert_request 3 tests/data/proxy-tunnel-same.req.3
	assert_conns 1

	serve -n 2 tests/data/proxy-connect-200.http tests/data/ok.http \
	    tests/data/proxy-connect-200.http tests/data/ok.http
	hget_run -sS -p -x "127.0.0.1:$PORT" http://a.invalid/1 http://b.invalid/2
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/proxy-tunnel-other.req
	assert_request 2 tests/data/proxy-tunnel-other.req.2
	assert_request 3 tests/data/proxy-tunnel-other.req.3
	assert_request 4 tests/data/proxy-tunnel-other.req.4
	assert_conns 2
}

# --- keep-alive and redirects through a proxy ---------------------------------

@test "proxy: two origins through one proxy reuse one proxy connection" {
	serve tests/data/ok.http tests/data/ok.http
	hget_run -sS -x "127.0.0.1:$PORT" -U u:p http://a.invalid/1 \
	    http://b.invalid:8080/2
	assert_status 0
	assert_stdout $'hello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/proxy-two.req
	assert_request 2 tests/data/proxy-two.req.2
	assert_conns 1
}

@test "proxy: -L to another host: same proxy connection, -U kept, -u not" {
	serve tests/data/proxy-302.http tests/data/ok.http
	hget_run -sS -L -x "127.0.0.1:$PORT" -U pu:pp -u ou:op \
	    http://a.invalid/first
	assert_ok
	assert_request 1 tests/data/proxy-redirect.req
	assert_request 2 tests/data/proxy-redirect.req.2
	assert_conns 1
}

# --- the environment ----------------------------------------------------------

@test "env: http_proxy is used for http://" {
	serve -n 1 tests/data/ok.http
	http_proxy=127.0.0.1:$PORT hget_run -sS http://example.invalid/e
	assert_proxied
}

@test "env: HTTP_PROXY (upper case) is ignored for http://" {
	serve -n 1 tests/data/ok.http
	HTTP_PROXY=127.0.0.1:1 hget_run -sS "$URL/direct"
	assert_ok
	assert_request 1 tests/data/proxy-direct.req
}

@test "env: http_proxy is not used for https://" {
	serve -n 1 tests/data/ok.http
	http_proxy=127.0.0.1:$PORT hget_run -sS https://127.0.0.1:1/n
	assert_status 7
	assert_stdout ''
	assert_stderr_re "$(refused_re 1)"
	assert_conns 0
}

@test "env: https_proxy for https://: CONNECT host:443" {
	serve -n 1 tests/data/proxy-connect-403.http
	https_proxy=127.0.0.1:$PORT hget_run -sS https://example.invalid/s
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) CONNECT tunnel failed, response 403\n'
	assert_request 1 tests/data/proxy-connect-443.req
}

@test "env: HTTPS_PROXY (upper case) is read too; https_proxy wins" {
	serve -n 1 tests/data/proxy-connect-403.http
	HTTPS_PROXY=127.0.0.1:$PORT hget_run -sS https://example.invalid/s
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) CONNECT tunnel failed, response 403\n'
	assert_request 1 tests/data/proxy-connect-443.req

	serve -n 1 tests/data/proxy-connect-403.http
	https_proxy=127.0.0.1:$PORT HTTPS_PROXY=127.0.0.1:1 \
	    hget_run -sS https://example.invalid/s
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) CONNECT tunnel failed, response 403\n'
	assert_request 1 tests/data/proxy-connect-443.req
}

@test "env: https through a tunnel the proxy then closes: exit 35" {
	serve -n 1 tests/data/proxy-connect-200.http,close
	# curl 7.88 prints the same line with one blank at its end
	HTTPS_PROXY=127.0.0.1:$PORT http_proxy=127.0.0.1:1 \
	    hget_run -sS https://example.invalid/s
	assert_status 35
	assert_stdout ''
	assert_stderr "hget: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in\
 connection to example.invalid:443"$'\n'
	assert_request 1 tests/data/proxy-connect-443.req
}

@test "env: all_proxy and ALL_PROXY when the scheme's variable is unset" {
	serve -n 1 tests/data/ok.http
	all_proxy=127.0.0.1:$PORT hget_run -sS http://example.invalid/e
	assert_proxied

	serve -n 1 tests/data/proxy-connect-403.http
	ALL_PROXY=127.0.0.1:$PORT hget_run -sS https://example.invalid/s
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) CONNECT tunnel failed, response 403\n'
	assert_request 1 tests/data/proxy-connect-443.req
}

@test "env: http_proxy wins over all_proxy; an empty one counts as unset" {
	serve -n 1 tests/data/ok.http
	all_proxy=127.0.0.1:1 http_proxy=127.0.0.1:$PORT \
	    hget_run -sS http://example.invalid/e
	assert_proxied

	serve -n 1 tests/data/ok.http
	http_proxy='' all_proxy=127.0.0.1:$PORT \
	    hget_run -sS http://example.invalid/e
	assert_proxied
}

@test "env: HTTP_PROXY does not stop the fall back on all_proxy" {
	serve -n 1 tests/data/ok.http
	HTTP_PROXY=127.0.0.1:1 all_proxy=127.0.0.1:$PORT \
	    hget_run -sS http://example.invalid/e
	assert_proxied
}

@test "env: https_proxy is not used for http://" {
	serve -n 1 tests/data/ok.http
	https_proxy=127.0.0.1:1 HTTPS_PROXY=127.0.0.1:1 hget_run -sS "$URL/direct"
	assert_ok
	assert_request 1 tests/data/proxy-direct.req
}

# --- no_proxy and --noproxy ---------------------------------------------------

@test "no_proxy: entries that send example.invalid direct" {
	local np

	for np in example.invalid .invalid invalid EXAMPLE.INVALID. \
	    'a.example, example.invalid' $' foo ,,\texample.invalid ' '*'; do
		echo "# no_proxy='$np'"
		serve tests/data/ok.http
		no_proxy=$np hget_run -sS -x "127.0.0.1:$PORT" \
		    http://example.invalid/e
		assert_direct_invalid
	done
}

@test "no_proxy: entries that do not match example.invalid" {
	local np

	# no partial labels, a port matches nothing, no globs: '*' only
	# counts as the whole list
	for np in ample.invalid example.invalid:80 'example.*' '*.invalid' \
	    'foo,*' '' ' , '; do
		echo "# no_proxy='$np'"
		serve tests/data/ok.http
		no_proxy=$np hget_run -sS -x "127.0.0.1:$PORT" \
		    http://example.invalid/e
		assert_proxied
	done
}

@test "no_proxy: also for the environment's proxies" {
	serve tests/data/ok.http
	http_proxy=127.0.0.1:$PORT no_proxy=example.invalid \
	    hget_run -sS http://example.invalid/e
	assert_direct_invalid
}

@test "no_proxy: NO_PROXY is read too; no_proxy wins over it" {
	serve tests/data/ok.http
	NO_PROXY=example.invalid hget_run -sS -x "127.0.0.1:$PORT" \
	    http://example.invalid/e
	assert_direct_invalid

	serve tests/data/ok.http
	NO_PROXY=example.invalid no_proxy=other.invalid \
	    hget_run -sS -x "127.0.0.1:$PORT" http://example.invalid/e
	assert_proxied
}

@test "no_proxy: IPv4 addresses and prefixes that match 127.0.0.1" {
	local np

	for np in 127.0.0.1 127.0.0.0/8 127.0.0.0/24 127.0.0.1/32 \
	    127.0.0.1/0 'foo, 127.0.0.1'; do
		echo "# no_proxy='$np'"
		serve -n 1 tests/data/ok.http
		no_proxy=$np hget_run -sS -x 127.0.0.1:1 "$URL/ip"
		assert_ok
		assert_request 1 tests/data/proxy-ip.req
	done
}

@test "no_proxy: IPv4 entries that do not match 127.0.0.1" {
	local np

	# another address, another network, too many bits, a partial
	# address, and a name (never resolved for this)
	for np in 127.0.0.2 127.0.0.2/32 10.0.0.0/8 127.0.0.1/33 127.0.0 \
	    localhost; do
		echo "# no_proxy='$np'"
		serve tests/data/ok.http
		no_proxy=$np hget_run -sS -x 127.0.0.1:1 "$URL/ip"
		assert_status 7
		assert_stdout ''
		assert_stderr_re "$(refused_re 1)"
		assert_conns 0
	done
}

@test "no_proxy: an IPv6 host matches its address written without brackets" {
	local np

	serve tests/data/ok.http
	no_proxy=::1 hget_run -sS -x "127.0.0.1:$PORT" 'http://[::1]:1/v6'
	assert_status 7
	assert_stdout ''
	assert_stderr_re "hget: \\(7\\) Failed to connect to ::1 port 1 after\
 [0-9]+ ms: .*"
	assert_conns 0

	for np in '[::1]' ::2; do
		echo "# no_proxy='$np'"
		serve tests/data/ok.http
		no_proxy=$np hget_run -sS -x "127.0.0.1:$PORT" 'http://[::1]:1/v6'
		assert_ok
		assert_request 1 tests/data/proxy-v6.req
	done
}

@test "no_proxy: IPv6 entries are compared as addresses, with prefixes" {
	local np

	# Differs from curl on purpose (man page, "IPv6 addresses in
	# no_proxy"): curl 7.88 compares these only as text, so it sends
	# the request through the proxy.
	for np in 0::1 ::/64 ::1/128; do
		echo "# no_proxy='$np'"
		serve tests/data/ok.http
		no_proxy=$np hget_run -sS -x "127.0.0.1:$PORT" 'http://[::1]:1/v6'
		assert_status 7
		assert_stdout ''
		assert_stderr_re "hget: \\(7\\) Failed to connect to ::1 port 1\
 after [0-9]+ ms: .*"
		assert_conns 0
	done
}

@test "--noproxy: names, suffixes, '*' and prefixes, no_proxy unset" {
	local np

	for np in example.invalid .invalid '*'; do
		echo "# --noproxy '$np'"
		serve tests/data/ok.http
		hget_run -sS -x "127.0.0.1:$PORT" --noproxy "$np" \
		    http://example.invalid/e
		assert_direct_invalid
	done

	serve -n 1 tests/data/ok.http
	hget_run -sS -x 127.0.0.1:1 --noproxy 127.0.0.0/8 "$URL/ip"
	assert_ok
	assert_request 1 tests/data/proxy-ip.req
}

@test "--noproxy: takes the place of no_proxy; '' excludes nothing" {
	local np

	for np in other.invalid ''; do
		echo "# --noproxy '$np'"
		serve tests/data/ok.http
		no_proxy=example.invalid NO_PROXY=example.invalid \
		    hget_run -sS -x "127.0.0.1:$PORT" --noproxy "$np" \
		    http://example.invalid/e
		assert_proxied
	done
}

# --- proxy strings that cannot be used ----------------------------------------

@test "proxy: an unparsable proxy string is exit 5, Unsupported proxy syntax" {
	local px

	for px in 'http://[::1' 'http://a b:80' 'http://127.0.0.1:99999' \
	    'http://127.0.0.1:port' 'http://' '127.0.0.1:80x'; do
		echo "# -x '$px'"
		hget_run -sS -x "$px" http://example.invalid/p
		assert_status 5
		assert_stdout ''
		assert_stderr "hget: (5) Unsupported proxy syntax in '$px'"$'\n'
	done

	http_proxy=127.0.0.1:99999 hget_run -sS http://example.invalid/p
	assert_status 5
	assert_stdout ''
	assert_stderr $'hget: (5) Unsupported proxy syntax in \'127.0.0.1:99999\'\n'
}

@test "proxy: an unparsable proxy is no error for a no_proxy host" {
	no_proxy=example.invalid hget_run -sS -x 'http://[::1' \
	    http://example.invalid/p
	assert_status 6
	assert_stdout ''
	assert_stderr "$NOHOST"
}

@test "proxy: a proxy name that does not resolve is exit 5" {
	local px

	for px in proxy.invalid http://proxy.invalid:3128; do
		echo "# -x '$px'"
		hget_run -sS -x "$px" http://example.invalid/p
		assert_status 5
		assert_stdout ''
		assert_stderr $'hget: (5) Could not resolve proxy: proxy.invalid\n'
	done
}

@test "proxy: schemes other than http:// are exit 7, Unsupported proxy scheme" {
	local px

	# "ftp.example.invalid:3128" is guessed to be an FTP proxy, as curl
	# guesses a scheme from a host name
	for px in ftp://127.0.0.1:1 ftp.example.invalid:3128 gopher://x:1; do
		echo "# -x '$px'"
		hget_run -sS -x "$px" http://example.invalid/p
		assert_status 7
		assert_stdout ''
		assert_stderr "hget: (7) Unsupported proxy scheme for '$px'"$'\n'
	done
}

@test "proxy: SOCKS and HTTPS proxies are refused with exit 7" {
	local px

	# Differs from curl on purpose (man page, "Only HTTP proxies"):
	# curl 7.88 speaks SOCKS (socks5:// to hgserve: exit 97 "connection
	# to proxy closed") and TLS to an https:// proxy (exit 35).
	serve tests/data/ok.http
	for px in "socks5://127.0.0.1:$PORT" socks5h://127.0.0.1:1 \
	    socks4://127.0.0.1:1 socks4a://127.0.0.1:1 \
	    "https://127.0.0.1:$PORT"; do
		echo "# -x '$px'"
		hget_run -sS -x "$px" http://example.invalid/p
		assert_status 7
		assert_stdout ''
		assert_stderr "hget: (7) Unsupported proxy scheme for '$px':\
 hget speaks only http:// to a proxy"$'\n'
	done
	assert_conns 0
}

@test "proxy: a control byte in the proxy's credentials is exit 5" {
	serve tests/data/ok.http
	# Differs from curl on purpose (man page, "Control bytes in proxy
	# credentials are refused"): curl 7.88 drops the proxy and goes
	# direct (here: exit 6, Could not resolve host: example.invalid).
	hget_run -sS -x "http://u:p%01@127.0.0.1:$PORT" http://example.invalid/p
	assert_status 5
	assert_stdout ''
	assert_stderr "hget: (5) Unsupported proxy syntax in\
 'http://u:p%01@127.0.0.1:$PORT'"$'\n'
	assert_conns 0
}

# --- --resolve and --connect-to -----------------------------------------------

@test "--resolve NAME:PORT:127.0.0.1: Host keeps NAME" {
	local r

	# a '+' means nothing, the name is matched without regard to case,
	# and the addresses are tried in order (nothing listens on ::1)
	for r in "example.invalid:@P@:127.0.0.1" "+example.invalid:@P@:127.0.0.1" \
	    "EXAMPLE.invalid:@P@:127.0.0.1" "example.invalid:@P@:[::1],127.0.0.1"
	do
		echo "# --resolve '$r'"
		serve -n 1 tests/data/ok.http
		hget_run -sS --resolve "${r//@P@/$PORT}" \
		    "http://example.invalid:$PORT/r"
		assert_ok
		assert_request 1 tests/data/proxy-resolve.req
	done
}

@test "--resolve: a rule for another port does not apply" {
	serve tests/data/ok.http
	hget_run -sS --resolve example.invalid:81:127.0.0.1 \
	    "http://example.invalid:$PORT/r"
	assert_status 6
	assert_stdout ''
	assert_stderr "$NOHOST"
	assert_conns 0
}

@test "--resolve: a refused connection names the host, as curl" {
	hget_run -sS --resolve example.invalid:1:127.0.0.1 http://example.invalid:1/
	assert_status 7
	assert_stdout ''
	assert_stderr_re "$(refused_re 1 example\\.invalid)"
}

@test "--resolve: of two rules for one host and port, the last wins" {
	serve -n 1 tests/data/ok.http
	# curl 7.88 adds each rule to its DNS cache in turn, so a later one
	# replaces an earlier one: this connects to 127.0.0.1
	hget_run -sS --resolve "example.invalid:$PORT:127.0.0.2" \
	    --resolve "example.invalid:$PORT:127.0.0.1" \
	    "http://example.invalid:$PORT/r"
	assert_ok
	assert_request 1 tests/data/proxy-resolve.req
}

@test "--resolve: a malformed rule is exit 2; no address is exit 6" {
	local r

	# Differs from curl: curl 7.88 checks every rule before it starts
	# and exits 49 "Couldn't parse CURLOPT_RESOLVE entry 'foo'", for a
	# rule without an address too; hget's man page gives 2 and 6.
	serve tests/data/ok.http
	for r in foo example.invalid:x:127.0.0.1 "example.invalid:$PORT:"; do
		echo "# --resolve '$r'"
		hget_run -sS --resolve "$r" "http://example.invalid:$PORT/r"
		assert_status 2
		assert_stdout ''
		assert_stderr $'hget: (2) Bad --resolve rule\n'
	done
	hget_run -sS --resolve "example.invalid:$PORT:bad.addr" \
	    "http://example.invalid:$PORT/r"
	assert_status 6
	assert_stdout ''
	assert_stderr "$NOHOST"
	assert_conns 0
}

@test "--resolve: the proxy's name too" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -x "proxy.invalid:$PORT" \
	    --resolve "proxy.invalid:$PORT:127.0.0.1" http://example.invalid/c
	assert_ok
	assert_request 1 tests/data/proxy-resolve-proxy.req
}

@test "--connect-to NAME:80:127.0.0.1:PORT: Host keeps NAME" {
	serve -n 1 tests/data/ok.http
	hget_run -sS --connect-to "example.invalid:80:127.0.0.1:$PORT" \
	    http://example.invalid/c
	assert_ok
	assert_request 1 tests/data/proxy-connect-to.req
}

@test "--connect-to: an empty host or port matches any" {
	local r

	for r in "::127.0.0.1:@P@" "example.invalid::127.0.0.1:@P@" \
	    ":9:127.0.0.1:@P@"; do
		echo "# --connect-to '$r'"
		serve -n 1 tests/data/ok.http
		hget_run -sS --connect-to "${r//@P@/$PORT}" \
		    http://example.invalid:9/c
		assert_ok
		assert_request 1 tests/data/proxy-connect-to-any.req
	done
}

@test "--connect-to: an empty target host keeps the URL's, --resolve gives it" {
	local r

	for r in "example.invalid:80::@P@" "example.invalid:80:target.invalid:@P@"
	do
		echo "# --connect-to '$r'"
		serve -n 1 tests/data/ok.http
		hget_run -sS --connect-to "${r//@P@/$PORT}" \
		    --resolve "example.invalid:$PORT:127.0.0.1" \
		    --resolve "target.invalid:$PORT:127.0.0.1" \
		    http://example.invalid/c
		assert_ok
		assert_request 1 tests/data/proxy-connect-to.req
	done
}

@test "--connect-to: a rule for another host does not apply" {
	serve tests/data/ok.http
	hget_run -sS --connect-to "other.invalid:80:127.0.0.1:$PORT" \
	    http://example.invalid/c
	assert_direct_invalid
}

@test "--connect-to: the first matching rule wins; refusal names the target" {
	serve tests/data/ok.http
	hget_run -sS --connect-to example.invalid:80:127.0.0.1:1 \
	    --connect-to "example.invalid:80:127.0.0.1:$PORT" \
	    http://example.invalid/c
	assert_status 7
	assert_stdout ''
	assert_stderr_re "$(refused_re 1)"
	assert_conns 0
}

@test "--connect-to: a rule without the target port keeps the URL's" {
	serve -n 1 tests/data/ok.http
	# curl 7.88 reads "HOST1:PORT1:HOST2" as an empty PORT2: exit 0,
	# this request (hget refuses the rule: exit 2, Bad --connect-to rule)
	hget_run -sS --connect-to "example.invalid:$PORT:127.0.0.1" \
	    "http://example.invalid:$PORT/c"
	assert_ok
	assert_request 1 tests/data/proxy-connect-to-noport.req
}

@test "--connect-to: a rule that is no rule at all is exit 2" {
	serve tests/data/ok.http
	# Differs from curl: curl 7.88 ignores "foo" and connects to the
	# URL's host; hget tells the user the rule is wrong.
	hget_run -sS --connect-to foo "$URL/c"
	assert_status 2
	assert_stdout ''
	assert_stderr $'hget: (2) Bad --connect-to rule\n'
	assert_conns 0
}

@test "--connect-to: not used for a request through a proxy" {
	serve -n 1 tests/data/ok.http
	# Differs from curl (hget's man page, --connect-to): curl 7.88 then
	# tunnels to the rule's target, "CONNECT 127.0.0.1:1 HTTP/1.1".
	hget_run -sS -x "127.0.0.1:$PORT" \
	    --connect-to example.invalid:80:127.0.0.1:1 http://example.invalid/c
	assert_ok
	assert_request 1 tests/data/proxy-connect-to-proxy.req
	refute_request 2
}
