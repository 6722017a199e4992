#!/usr/bin/env bats
# tests/nginx/proxy.bats: hget through a real proxy, tinyproxy, to a real
# nginx: plain requests sent whole, CONNECT tunnels (to nginx's TLS server
# from tests/nginx/tls.bash), Basic proxy authentication, and the proxy's
# own refusals.  Two tinyproxy instances run on 127.0.0.1 from configs
# written here: TP lets CONNECT reach the TLS port only, TPA asks for a
# user name and password.  Every command was also run by hand with curl
# 7.88 against the same servers; curl's results are those asserted.

load nginx
# tls.bash makes the certificates and starts a TLS nginx
if [[ -f $BATS_TEST_DIRNAME/tls.bash ]]; then
	load tls
fi

TPA_USER=puser
TPA_PASS=ppass

# tp_listening PORT: a socket listens on 127.0.0.1:PORT.
tp_listening() {
	local hex

	hex=$(printf '0100007F:%04X' "$1")
	awk -v a="$hex" '$2 == a && $4 == "0A" { f = 1 } END { exit !f }' \
	    /proc/net/tcp
}

# tp_start NAME CONF-LINE: a tinyproxy on 127.0.0.1 and a free port, with
# its config, log and pid file in $BATS_FILE_TMPDIR/NAME; sets NAME_PORT.
# Run in the foreground mode (-d) in the background, fd 3 closed, so that
# bats does not wait for it; a port already taken means another try.
tp_start() {
	local name=$1 dir=$BATS_FILE_TMPDIR/$1 port pid i

	mkdir -p "$dir"
	for _ in 1 2 3 4 5 6 7 8; do
		port=$((20000 + RANDOM % 30000))
		tp_listening "$port" && continue
		cat >"$dir/tinyproxy.conf" <<CONF
Port $port
Listen 127.0.0.1
Allow 127.0.0.1
Timeout 10
MaxClients 16
LogLevel Info
LogFile "$dir/tinyproxy.log"
PidFile "$dir/tinyproxy.pid"
$2
CONF
		: >"$dir/tinyproxy.log"
		tinyproxy -d -c "$dir/tinyproxy.conf" >>"$dir/start.log" 2>&1 \
		    </dev/null 3>&- &
		pid=$!
		echo "$pid" >"$dir/pid"
		for ((i = 0; i < 250; i++)); do
			if grep -q 'Starting main loop' "$dir/tinyproxy.log"; then
				printf -v "${name}_PORT" '%s' "$port"
				return 0
			fi
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.02
		done
		kill "$pid" 2>/dev/null
	done
	echo "tinyproxy $name would not start: $(cat "$dir/start.log" \
	    "$dir/tinyproxy.log")" >&2
	return 1
}

tp_stop() {
	local pidf=$BATS_FILE_TMPDIR/$1/pid

	[[ -s $pidf ]] && kill "$(<"$pidf")" 2>/dev/null
	return 0
}

# The TLS origin: tls.bash's nginx (its GOOD server is the one used),
# under a prefix of its own: tls_nginx_start, like nginx_start, uses
# $BATS_FILE_TMPDIR/nginx.
tls_origin_start() {
	PKI=$BATS_FILE_TMPDIR/pki
	TLS=$BATS_FILE_TMPDIR/tls
	mkdir -p "$TLS"
	tls_pki "$PKI" || return 1
	(
		BATS_FILE_TMPDIR=$TLS
		tls_nginx_start || exit 1
		printf '%s\n' "$TLS_PORT_GOOD" >"$TLS/port"
	) >"$TLS/start.log" 2>&1 3>&- || {
		cat "$TLS/start.log" >&2
		return 1
	}
	TLS_PORT=$(<"$TLS/port")
	cp "$NGX/www/hello.txt" "$NGX/www/rand.bin" "$TLS/nginx/www/"
}

setup_file() {
	nginx_start || return 1
	printf 'hello from nginx\n' >"$NGX/www/hello.txt"
	head -c 1000000 /dev/urandom >"$NGX/www/rand.bin"
	TLS_PORT='' TLS='' PKI=''
	if declare -F tls_nginx_start >/dev/null; then
		tls_origin_start || return 1
	fi
	# no ConnectPort line would allow every port
	tp_start TP "ConnectPort ${TLS_PORT:-443}" || return 1
	tp_start TPA "BasicAuth $TPA_USER $TPA_PASS" || return 1
	export NGX NGINX_PORT NGINX_URL TLS TLS_PORT PKI TP_PORT TPA_PORT
}

teardown_file() {
	nginx_stop
	[[ -s $TLS/nginx/nginx.pid ]] && kill "$(<"$TLS/nginx/nginx.pid")"
	tp_stop TP
	tp_stop TPA
	return 0
}

setup() {
	hg_setup
	unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy \
	    ALL_PROXY no_proxy NO_PROXY CURL_CA_BUNDLE SSL_CERT_FILE SSL_CERT_DIR
	HELLO=$'hello from nginx\n'
	TP=127.0.0.1:$TP_PORT
	TPA=127.0.0.1:$TPA_PORT
	TPLOG=$BATS_FILE_TMPDIR/TP/tinyproxy.log
	TPALOG=$BATS_FILE_TMPDIR/TPA/tinyproxy.log
}

teardown() {
	echo "--- tinyproxy TP log (tail)"
	tail -n 20 "$TPLOG"
	echo "--- tinyproxy TPA log (tail)"
	tail -n 20 "$TPALOG"
	hg_teardown
}

need_tls() {
	[[ -n $TLS_PORT ]] || skip "tests/nginx/tls.bash is not there"
}

# tp_saw LOG LINE-ERE: tinyproxy logged a request line matching the ERE
# (its log has "Request (file descriptor N): LINE").
tp_saw() {
	grep -Eq "Request \\(file descriptor [0-9]+\\): $2\$" "$1" ||
	    fail "tinyproxy did not log a request matching: $2"
}

tp_count() {
	grep -Ec "Request \\(file descriptor [0-9]+\\): $2\$" "$1" || true
}

assert_hello() {
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tinyproxy: http:// through the proxy, a text file and 1 MB exact" {
	hget_run -sS -x "$TP" "$NGINX_URL/hello.txt"
	assert_hello
	tp_saw "$TPLOG" "GET $NGINX_URL/hello.txt HTTP/1.1"

	hget_run -sS -x "http://$TP" -o "$T/rand" "$NGINX_URL/rand.bin"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp "$NGX/www/rand.bin" "$T/rand"
}

@test "tinyproxy: two URLs on one command line, the proxy closing between" {
	# -o goes with the first URL, wherever it stands, as in curl
	hget_run -sS -x "$TP" "$NGINX_URL/rand.bin" -o "$T/rand" \
	    "$NGINX_URL/hello.txt"
	assert_hello
	cmp "$NGX/www/rand.bin" "$T/rand"
}

@test "tinyproxy: http_proxy from the environment; no_proxy goes around it" {
	local before

	before=$(tp_count "$TPLOG" "GET $NGINX_URL/hello.txt\\?env HTTP/1.1")
	http_proxy=$TP hget_run -sS "$NGINX_URL/hello.txt?env"
	assert_hello
	[[ $(tp_count "$TPLOG" "GET $NGINX_URL/hello.txt\\?env HTTP/1.1") -eq \
	    $((before + 1)) ]] || fail "the request did not go through tinyproxy"

	http_proxy=$TP no_proxy=127.0.0.1 hget_run -sS "$NGINX_URL/hello.txt?env"
	assert_hello
	[[ $(tp_count "$TPLOG" "GET $NGINX_URL/hello.txt\\?env HTTP/1.1") -eq \
	    $((before + 1)) ]] || fail "the request went through tinyproxy"
}

@test "tinyproxy: https:// through a CONNECT tunnel to nginx's TLS server" {
	need_tls
	hget_run -sS -x "$TP" --cacert "$PKI/ca.pem" \
	    "https://127.0.0.1:$TLS_PORT/hello.txt"
	assert_hello
	tp_saw "$TPLOG" "CONNECT 127.0.0.1:$TLS_PORT HTTP/1.1"

	https_proxy=$TP hget_run -sS --cacert "$PKI/ca.pem" -o "$T/rand" \
	    "https://localhost:$TLS_PORT/rand.bin"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp "$NGX/www/rand.bin" "$T/rand"
	tp_saw "$TPLOG" "CONNECT localhost:$TLS_PORT HTTP/1.1"
}

@test "tinyproxy: the origin's certificate is verified through the tunnel" {
	need_tls
	# no --cacert: the system's CAs do not know the test CA; curl 7.88
	# prints the same line, then three more (tls.bats)
	hget_run -sS -x "$TP" "https://127.0.0.1:$TLS_PORT/hello.txt"
	assert_status 60
	assert_stdout ''
	assert_stderr "hget: (60) SSL certificate problem: unable to get local\
 issuer certificate"$'\n'
}

@test "tinyproxy: CONNECT to a port ConnectPort does not allow: 403, exit 56" {
	hget_run -sS -p -x "$TP" "$NGINX_URL/hello.txt"
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) CONNECT tunnel failed, response 403\n'
	tp_saw "$TPLOG" "CONNECT 127.0.0.1:$NGINX_PORT HTTP/1.1"
}

@test "tinyproxy BasicAuth: without credentials a plain request gets its 407" {
	hget_run -sS -x "$TPA" -o /dev/null -w '%{http_code}' \
	    "$NGINX_URL/hello.txt"
	assert_status 0
	assert_stdout '407'
	assert_stderr ''

	hget_run -sS -f -x "$TPA" "$NGINX_URL/hello.txt"
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 407\n'
}

@test "tinyproxy BasicAuth: -U, user:pass@ in -x and in http_proxy" {
	hget_run -sS -x "$TPA" -U "$TPA_USER:$TPA_PASS" "$NGINX_URL/hello.txt"
	assert_hello

	hget_run -sS -x "http://$TPA_USER:$TPA_PASS@$TPA" "$NGINX_URL/hello.txt"
	assert_hello

	http_proxy=$TPA_USER:$TPA_PASS@$TPA hget_run -sS "$NGINX_URL/hello.txt"
	assert_hello
}

@test "tinyproxy BasicAuth: a wrong password gets the 401 page" {
	hget_run -sS -x "$TPA" -U "$TPA_USER:wrong" -o /dev/null \
	    -w '%{http_code}' "$NGINX_URL/hello.txt"
	assert_status 0
	# tinyproxy answers a wrong password with 401, a missing one with 407
	assert_stdout '401'
	assert_stderr ''
}

@test "tinyproxy BasicAuth: CONNECT without or with wrong credentials: 56" {
	hget_run -sS -p -x "$TPA" "$NGINX_URL/hello.txt"
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) CONNECT tunnel failed, response 407\n'

	hget_run -sS -p -x "$TPA" -U "$TPA_USER:wrong" "$NGINX_URL/hello.txt"
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) CONNECT tunnel failed, response 401\n'
}

@test "tinyproxy BasicAuth: -p -U tunnels http:// to nginx" {
	hget_run -sS -p -x "$TPA" -U "$TPA_USER:$TPA_PASS" -o "$T/rand" \
	    "$NGINX_URL/rand.bin"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp "$NGX/www/rand.bin" "$T/rand"
	tp_saw "$TPALOG" "CONNECT 127.0.0.1:$NGINX_PORT HTTP/1.1"
}

@test "tinyproxy BasicAuth: https:// with -U through the tunnel" {
	need_tls
	hget_run -sS -x "$TPA" -U "$TPA_USER:$TPA_PASS" --cacert "$PKI/ca.pem" \
	    "https://127.0.0.1:$TLS_PORT/hello.txt"
	assert_hello
	tp_saw "$TPALOG" "CONNECT 127.0.0.1:$TLS_PORT HTTP/1.1"
}
