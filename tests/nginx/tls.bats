#!/usr/bin/env bats
# hget's HTTPS against a real nginx: chain and name verification, CA
# sources, -k, client certificates, protocol versions, pinned keys, -v,
# keep-alive, a big body and a handshake that never ends.
#
# Every certificate is made by openssl in setup_file (tls.bash), none is
# kept in the repository.  Where curl 7.88 is quoted it was run by hand
# against the same servers.  On a refused certificate curl prints three
# more lines after its message ("More details here:
# https://curl.se/docs/sslcerts.html", a blank line, and "curl failed to
# verify the legitimacy of the server ..."); hget prints the one line.

load tls

setup_file() {
	PKI=$BATS_FILE_TMPDIR/pki
	tls_pki "$PKI"
	tls_nginx_start
	printf 'hello over tls\n' >"$NGX/www/hello.txt"
	head -c $((64 * 1024 * 1024)) /dev/urandom >"$NGX/www/big.bin"
	export NGX PKI
}

teardown_file() {
	nginx_stop
}

setup() {
	hg_setup
	# the CA comes from the options of each test, never from the caller
	unset CURL_CA_BUNDLE SSL_CERT_FILE SSL_CERT_DIR
	unset https_proxy HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
	HELLO=$'hello over tls\n'
}

# https://HOST:PORT-of-server-NAME/PATH
tls_url() {
	local port=TLS_PORT_$1

	printf 'https://%s:%s/%s\n' "${3:-localhost}" "${!port}" "${2:-hello.txt}"
}

# The lines of nginx's conn.log once it has N (nginx logs after the
# response has gone out).
conn_log_lines() {
	local i

	for ((i = 0; i < 50; i++)); do
		(($(wc -l <"$NGX/logs/conn.log") >= $1)) && break
		sleep 0.1
	done
	cat "$NGX/logs/conn.log"
}

# --- a trusted chain -------------------------------------------------

@test "tls: --cacert, trusted chain: exit 0, body, -w verify result and times" {
	hget_run -sS --cacert "$PKI/ca.pem" \
	    -w '%{ssl_verify_result} %{time_connect} %{time_appconnect}' \
	    "$(tls_url GOOD)"
	assert_status 0
	assert_stderr ''
	[[ $(head -n 1 "$T/out") == "hello over tls" ]] ||
	    fail "body: $(cat "$T/out")"
	local w c a
	w=$(tail -n 1 "$T/out")
	[[ $w =~ ^0\ ([0-9]+\.[0-9]{6})\ ([0-9]+\.[0-9]{6})$ ]] ||
	    fail "-w: '$w'"
	(($(wc -l <"$T/out") == 1)) || fail "stdout: $(cat "$T/out")"
	c=${BASH_REMATCH[1]} a=${BASH_REMATCH[2]}
	# the handshake ends after the TCP connect, well inside 30 s
	awk -v c="$c" -v a="$a" 'BEGIN { exit !(a > 0 && a >= c && a < 30) }' ||
	    fail "time_connect $c, time_appconnect $a"
	# curl 7.88 prints the same shape: "0 0.002866" for the appconnect
}

@test "tls: CURL_CA_BUNDLE names the CA file" {
	CURL_CA_BUNDLE=$PKI/ca.pem hget_run -sS "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: SSL_CERT_FILE names the CA file" {
	SSL_CERT_FILE=$PKI/ca.pem hget_run -sS "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: SSL_CERT_DIR names a rehashed CA directory" {
	SSL_CERT_DIR=$PKI/hashdir hget_run -sS "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: --capath names a rehashed CA directory" {
	hget_run -sS --capath "$PKI/hashdir" "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: CURL_CA_BUNDLE comes before SSL_CERT_FILE, --cacert before both" {
	# curl 7.88: the same two refusals
	CURL_CA_BUNDLE=$PKI/self.pem SSL_CERT_FILE=$PKI/ca.pem \
	    hget_run -sS "$(tls_url GOOD)"
	assert_status 60
	assert_stdout ''
	assert_stderr $'hget: (60) SSL certificate problem: unable to get local issuer certificate\n'
	CURL_CA_BUNDLE=$PKI/ca.pem SSL_CERT_FILE=$PKI/ca.pem \
	    hget_run -sS --cacert "$PKI/self.pem" "$(tls_url GOOD)"
	assert_status 60
	assert_stdout ''
	assert_stderr $'hget: (60) SSL certificate problem: unable to get local issuer certificate\n'
}

@test "tls: an empty CURL_CA_BUNDLE is not set: SSL_CERT_FILE is used" {
	CURL_CA_BUNDLE='' SSL_CERT_FILE=$PKI/ca.pem hget_run -sS "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: the IP address SAN verifies https://127.0.0.1:PORT/" {
	hget_run -sS --cacert "$PKI/ca.pem" -w '%{ssl_verify_result}' \
	    "$(tls_url GOOD hello.txt 127.0.0.1)"
	assert_status 0
	assert_stdout "${HELLO}0"
	assert_stderr ''
}

@test "tls: --resolve reaches other.test, which its certificate names" {
	hget_run -sS --cacert "$PKI/ca.pem" \
	    --resolve "other.test:$TLS_PORT_OTHER:127.0.0.1" \
	    "$(tls_url OTHER hello.txt other.test)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: host names match the certificate in any case" {
	hget_run -sS --cacert "$PKI/ca.pem" "$(tls_url GOOD hello.txt LOCALHOST)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

# --- refused certificates --------------------------------------------

@test "tls: no CA option: the system bundle does not know the test CA (60)" {
	hget_run -sS -w '%{ssl_verify_result}' "$(tls_url GOOD)"
	assert_status 60
	# curl 7.88: exit 60, the same line, -w "20"
	assert_stdout '20'
	assert_stderr $'hget: (60) SSL certificate problem: unable to get local issuer certificate\n'
}

@test "tls: a self-signed certificate (60, verify result 18)" {
	hget_run -sS --cacert "$PKI/ca.pem" -w '%{ssl_verify_result}' \
	    "$(tls_url SELF)"
	assert_status 60
	assert_stdout '18'
	assert_stderr $'hget: (60) SSL certificate problem: self-signed certificate\n'
}

@test "tls: an expired certificate (60, verify result 10)" {
	hget_run -sS --cacert "$PKI/ca.pem" -w '%{ssl_verify_result}' \
	    "$(tls_url EXPIRED)"
	assert_status 60
	assert_stdout '10'
	assert_stderr $'hget: (60) SSL certificate problem: certificate has expired\n'
}

@test "tls: a certificate for other.test reached as localhost (60)" {
	hget_run -sS --cacert "$PKI/ca.pem" -w '%{ssl_verify_result}' \
	    "$(tls_url OTHER)"
	assert_status 60
	assert_stdout '1'
	assert_stderr $'hget: (60) SSL: no alternative certificate subject name matches target host name \'localhost\'\n'
}

@test "tls: --resolve wrong.test to the localhost server: the name is checked (60)" {
	hget_run -sS --cacert "$PKI/ca.pem" -w '%{ssl_verify_result}' \
	    --resolve "wrong.test:$TLS_PORT_GOOD:127.0.0.1" \
	    "$(tls_url GOOD hello.txt wrong.test)"
	assert_status 60
	assert_stdout '1'
	assert_stderr $'hget: (60) SSL: no alternative certificate subject name matches target host name \'wrong.test\'\n'
}

@test "tls: the refused server never sees a request" {
	: >"$NGX/logs/conn.log"
	hget_run -sS --cacert "$PKI/ca.pem" "$(tls_url SELF)" "$(tls_url GOOD)"
	# differs on purpose (man page, "Exit status with several URLs"):
	# curl 7.88 exits with the last URL's code, 0 here
	assert_status 60
	assert_stdout "$HELLO"
	assert_stderr $'hget: (60) SSL certificate problem: self-signed certificate\n'
	run conn_log_lines 1
	assert_output --regexp '^[0-9]+ 1 TLSv1\.3 GET /hello\.txt HTTP/1\.1$'
}

# --- -k ----------------------------------------------------------------

@test "tls: -k accepts the self-signed, expired, misnamed and unknown-CA certificates" {
	local n

	# curl 7.88 -k also exits 0 for each; its -w %{ssl_verify_result}
	# says what its check found without a CA file (18, 20, 20, 20),
	# hget's stays 0 (tlsc.h: libtls does not run the skipped check)
	for n in SELF EXPIRED OTHER GOOD; do
		hget_run -sS -k "$(tls_url "$n")"
		assert_status 0
		assert_stdout "$HELLO"
		assert_stderr ''
	done
}

@test "tls: -k reads no --cacert at all (a missing one is fine)" {
	hget_run -sS -k --cacert "$T/missing.pem" "$(tls_url SELF)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: -k -v says the certificate was not checked" {
	hget_run -sS -k -v "$(tls_url SELF)"
	assert_status 0
	assert_stdout "$HELLO"
	# differs on purpose: curl 7.88 says "SSL certificate verify result:
	# self-signed certificate (18), continuing anyway." from a check
	# libtls does not run under -k
	grep -qxF '*  SSL certificate verify result: not checked (--insecure), continuing anyway.' "$T/err" ||
	    fail "no verify line: $(cat "$T/err")"
	! grep -q 'verify ok' "$T/err" || fail "-k said verify ok"
}

# --- CA files that cannot be used (77) -----------------------------------

@test "tls: --cacert naming no file: 77 before connecting" {
	: >"$NGX/logs/conn.log"
	hget_run -sS --cacert "$T/missing.pem" "$(tls_url GOOD)"
	assert_status 77
	assert_stdout ''
	assert_stderr "hget: (77) error setting certificate file: $T/missing.pem"$'\n'
}

@test "tls: --cacert naming a directory, a key, an empty file: 77" {
	local f

	: >"$T/empty.pem"
	for f in "$PKI/hashdir" "$PKI/good.key" "$T/empty.pem" /dev/null; do
		hget_run -sS --cacert "$f" "$(tls_url GOOD)"
		assert_status 77
		assert_stdout ''
		assert_stderr "hget: (77) error setting certificate file: $f"$'\n'
	done
}

@test "tls: CURL_CA_BUNDLE naming no file: 77" {
	CURL_CA_BUNDLE=$T/missing.pem hget_run -sS "$(tls_url GOOD)"
	assert_status 77
	assert_stdout ''
	assert_stderr "hget: (77) error setting certificate file: $T/missing.pem"$'\n'
}

@test "tls: --cacert without read permission: 77" {
	[[ $(id -u) != 0 ]] || skip "root reads a mode 000 file"
	cp "$PKI/ca.pem" "$T/locked.pem"
	chmod 000 "$T/locked.pem"
	hget_run -sS --cacert "$T/locked.pem" "$(tls_url GOOD)"
	assert_status 77
	assert_stdout ''
	assert_stderr "hget: (77) error setting certificate file: $T/locked.pem"$'\n'
}

# --- client certificates -----------------------------------------------

@test "tls: client certificate required, none sent: nginx's 400 (exit 0; -f 22)" {
	# curl 7.88: the handshake completes and nginx answers 400 "No
	# required SSL certificate was sent": exit 0, then 22 with -f
	hget_run -sS --cacert "$PKI/ca.pem" -o /dev/null -w '%{http_code}' \
	    "$(tls_url CLIENT)"
	assert_status 0
	assert_stdout '400'
	assert_stderr ''
	hget_run -sS -f --cacert "$PKI/ca.pem" "$(tls_url CLIENT)"
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 400\n'
}

@test "tls: client certificate from a CA nginx does not trust: 400" {
	hget_run -sS --cacert "$PKI/ca.pem" -E "$PKI/self.pem" \
	    --key "$PKI/self.key" -o /dev/null -w '%{http_code}' \
	    "$(tls_url CLIENT)"
	assert_status 0
	assert_stdout '400'
	assert_stderr ''
}

@test "tls: -E CERT --key KEY: accepted" {
	hget_run -sS --cacert "$PKI/ca.pem" -E "$PKI/client.pem" \
	    --key "$PKI/client.key" "$(tls_url CLIENT)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: -E with certificate and key in one file: accepted" {
	hget_run -sS --cacert "$PKI/ca.pem" -E "$PKI/client-both.pem" \
	    "$(tls_url CLIENT)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: an encrypted key with -E FILE:PASSWORD (a ':' in the password)" {
	hget_run -sS --cacert "$PKI/ca.pem" -E "$PKI/client.pem:$TLS_KEYPASS" \
	    --key "$PKI/client-enc.key" "$(tls_url CLIENT)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	hget_run -sS --cacert "$PKI/ca.pem" \
	    -E "$PKI/client-both-enc.pem:$TLS_KEYPASS" "$(tls_url CLIENT)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: an encrypted key with a wrong password or none: 58" {
	hget_run -sS --cacert "$PKI/ca.pem" -E "$PKI/client.pem:wrong" \
	    --key "$PKI/client-enc.key" "$(tls_url CLIENT)"
	assert_status 58
	assert_stdout ''
	assert_stderr "hget: (58) unable to set private key file: '$PKI/client-enc.key' type PEM"$'\n'
	# curl 7.88 first asks twice for a pass phrase ("Enter PEM pass
	# phrase:"), then prints the same line; hget never prompts
	hget_run -sS --cacert "$PKI/ca.pem" -E "$PKI/client.pem" \
	    --key "$PKI/client-enc.key" "$(tls_url CLIENT)" </dev/null
	assert_status 58
	assert_stdout ''
	assert_stderr "hget: (58) unable to set private key file: '$PKI/client-enc.key' type PEM"$'\n'
}

@test "tls: -E with a key that is not the certificate's: 58" {
	hget_run -sS --cacert "$PKI/ca.pem" -E "$PKI/client.pem" \
	    --key "$PKI/good.key" "$(tls_url CLIENT)"
	assert_status 58
	assert_stdout ''
	assert_stderr "hget: (58) unable to set private key file: '$PKI/good.key' type PEM"$'\n'
}

@test "tls: -E naming no file: 58" {
	hget_run -sS --cacert "$PKI/ca.pem" -E "$T/missing.pem" \
	    "$(tls_url CLIENT)"
	assert_status 58
	assert_stdout ''
	# curl 7.88 words it with OpenSSL's error queue: "could not load PEM
	# client certificate from FILE, OpenSSL error error:80000002:system
	# library::No such file or directory, (no key found, wrong pass
	# phrase, or wrong file format?)"
	assert_stderr "hget: (58) could not load PEM client certificate from $T/missing.pem: No such file or directory"$'\n'
}

# --- protocol versions ---------------------------------------------------

@test "tls: --tls-max 1.2 against a TLS 1.3-only server: 35" {
	hget_run -sS --cacert "$PKI/ca.pem" --tls-max 1.2 "$(tls_url TLS13)"
	assert_status 35
	assert_stdout ''
	# curl 7.88: "curl: (35) OpenSSL/3.0.22: error:0A00042E:SSL
	# routines::tlsv1 alert protocol version" (its prefix names the TLS
	# library; hget's says what failed)
	assert_stderr $'hget: (35) TLS handshake failed: error:0A00042E:SSL routines::tlsv1 alert protocol version\n'
}

@test "tls: --tlsv1.3 against a TLS 1.2-only server: 35" {
	hget_run -sS --cacert "$PKI/ca.pem" --tlsv1.3 "$(tls_url TLS12)"
	assert_status 35
	assert_stdout ''
	# curl 7.88: "curl: (35) OpenSSL/3.0.22: error:0A00042E:SSL
	# routines::tlsv1 alert protocol version"
	assert_stderr $'hget: (35) TLS handshake failed: error:0A00042E:SSL routines::tlsv1 alert protocol version\n'
}

@test "tls: a failed handshake: -w %{ssl_verify_result} is 1 as curl's" {
	# curl 7.88 -w '%{ssl_verify_result}|%{http_code}': "1|000" once a
	# handshake has started and no chain was checked (protocol version
	# refused here; also a handshake timeout or a plain-HTTP server)
	hget_run -sS --cacert "$PKI/ca.pem" --tls-max 1.2 \
	    -w '%{ssl_verify_result}|%{http_code}' "$(tls_url TLS13)"
	assert_status 35
	assert_stderr $'hget: (35) TLS handshake failed: error:0A00042E:SSL routines::tlsv1 alert protocol version\n'
	assert_stdout '1|000'
}

@test "tls: --tlsv1.3 against TLS 1.3, --tls-max 1.2 against TLS 1.2: 0" {
	hget_run -sS -v --cacert "$PKI/ca.pem" --tlsv1.3 "$(tls_url TLS13)"
	assert_status 0
	assert_stdout "$HELLO"
	grep -qE '^\* SSL connection using TLSv1\.3 / ' "$T/err" ||
	    fail "not TLS 1.3: $(cat "$T/err")"
	hget_run -sS -v --cacert "$PKI/ca.pem" --tls-max 1.2 "$(tls_url TLS12)"
	assert_status 0
	assert_stdout "$HELLO"
	grep -qE '^\* SSL connection using TLSv1\.2 / ' "$T/err" ||
	    fail "not TLS 1.2: $(cat "$T/err")"
}

@test "tls: --tls-max 1.2 against a server that has both: TLS 1.2 is used" {
	: >"$NGX/logs/conn.log"
	hget_run -sS --cacert "$PKI/ca.pem" --tls-max 1.2 "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	run conn_log_lines 1
	assert_output --regexp '^[0-9]+ 1 TLSv1\.2 GET /hello\.txt HTTP/1\.1$'
}

@test "tls: --tlsv1.3 with --tls-max 1.2: 35 before connecting" {
	hget_run -sS --cacert "$PKI/ca.pem" --tlsv1.3 --tls-max 1.2 \
	    "$(tls_url GOOD)"
	assert_status 35
	assert_stdout ''
	assert_stderr $'hget: (35) CURL_SSLVERSION_MAX incompatible with CURL_SSLVERSION\n'
}

@test "tls: --ciphers that OpenSSL does not know: 59" {
	hget_run -sS --cacert "$PKI/ca.pem" --ciphers NOPE "$(tls_url GOOD)"
	assert_status 59
	assert_stdout ''
	assert_stderr $'hget: (59) failed setting cipher list: NOPE\n'
}

# --- pinned public keys --------------------------------------------------

@test "tls: --pinnedpubkey with the server's key hash: 0" {
	hget_run -sS --cacert "$PKI/ca.pem" --pinnedpubkey "$(cat "$PKI/good.pin")" \
	    "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: --pinnedpubkey: one of several hashes matching is enough" {
	hget_run -sS --cacert "$PKI/ca.pem" \
	    --pinnedpubkey "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;$(cat "$PKI/good.pin")" \
	    "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
}

@test "tls: --pinnedpubkey with another hash: 90, no body" {
	hget_run -sS --cacert "$PKI/ca.pem" -w '%{http_code}' \
	    --pinnedpubkey 'sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' \
	    "$(tls_url GOOD)"
	assert_status 90
	assert_stdout '000'
	assert_stderr $'hget: (90) SSL: public key does not match pinned public key\n'
}

@test "tls: --pinnedpubkey is checked under -k too" {
	hget_run -sS -k --pinnedpubkey "$(cat "$PKI/good.pin")" \
	    "$(tls_url SELF)"
	assert_status 90
	assert_stdout ''
	assert_stderr $'hget: (90) SSL: public key does not match pinned public key\n'
}

@test "tls: --pinnedpubkey naming a key file: 90 (hashes only)" {
	# differs on purpose (man page, "Pinned keys are hashes"): curl 7.88
	# reads the file and exits 0 here
	hget_run -sS --cacert "$PKI/ca.pem" --pinnedpubkey "$PKI/good.pub" \
	    "$(tls_url GOOD)"
	assert_status 90
	assert_stdout ''
	assert_stderr $'hget: (90) SSL: public key does not match pinned public key\n'
}

@test "tls: -v --pinnedpubkey shows the server's key hash" {
	hget_run -sS -v --cacert "$PKI/ca.pem" \
	    --pinnedpubkey "$(cat "$PKI/good.pin")" "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO"
	grep -qxF "*  public key hash: $(cat "$PKI/good.pin")" "$T/err" ||
	    fail "no hash line: $(cat "$T/err")"
}

# --- -v ------------------------------------------------------------------

@test "tls: -v shows version, cipher, ALPN, subject, dates, SAN, issuer, verify ok" {
	local start end

	start=$(openssl x509 -in "$PKI/good.pem" -noout -startdate)
	end=$(openssl x509 -in "$PKI/good.pem" -noout -enddate)
	hget_run -sS -v --cacert "$PKI/ca.pem" "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO"
	# the lines curl 7.88 -v shows for the same server, in its order
	run grep -E '^\* (SSL|ALPN|Server cert| [^ ])' "$T/err"
	assert_line --index 0 '* ALPN: offers http/1.1'	# curl: h2,http/1.1
	assert_line --index 1 "*  CAfile: $PKI/ca.pem"
	# (curl: "*  CApath: /etc/ssl/certs", its compiled-in default)
	assert_line --index 2 '*  CApath: none'
	assert_line --index 3 --regexp '^\* SSL connection using TLSv1\.3 / TLS_[A-Z0-9_]+$'
	assert_line --index 4 '* ALPN: server accepted http/1.1'
	assert_line --index 5 '* Server certificate:'
	assert_line --index 6 '*  subject: O=hget tests; CN=localhost'
	assert_line --index 7 "*  start date: ${start#notBefore=}"
	assert_line --index 8 "*  expire date: ${end#notAfter=}"
	assert_line --index 9 '*  subjectAltName: host "localhost" matched cert'\''s "localhost"'
	assert_line --index 10 '*  issuer: O=hget tests; CN=hget test CA'
	assert_line --index 11 '*  SSL certificate verify ok.'
	assert_equal "${#lines[@]}" 12
}

@test "tls: -v to an address: the IP SAN line" {
	hget_run -sS -v --cacert "$PKI/ca.pem" \
	    "$(tls_url GOOD hello.txt 127.0.0.1)"
	assert_status 0
	assert_stdout "$HELLO"
	grep -qxF '*  subjectAltName: host "127.0.0.1" matched cert'\''s IP address!' "$T/err" ||
	    fail "no IP SAN line: $(cat "$T/err")"
	grep -qxF '*  SSL certificate verify ok.' "$T/err" ||
	    fail "no verify line: $(cat "$T/err")"
}

@test "tls: -v on a refused certificate: the reason, then the one error line" {
	hget_run -sS -v --cacert "$PKI/ca.pem" "$(tls_url SELF)"
	assert_status 60
	assert_stdout ''
	run grep -vE '^\*   Trying |^\* Connected to ' "$T/err"
	assert_output "* ALPN: offers http/1.1
*  CAfile: $PKI/ca.pem
*  CApath: none
* SSL certificate problem: self-signed certificate
* Closing connection 0
hget: (60) SSL certificate problem: self-signed certificate"
}

# --- connections ---------------------------------------------------------

@test "tls: two https URLs to one host share one TLS connection" {
	: >"$NGX/logs/conn.log"
	hget_run -sS --cacert "$PKI/ca.pem" "$(tls_url GOOD)" "$(tls_url GOOD)"
	assert_status 0
	assert_stdout "$HELLO$HELLO"
	assert_stderr ''
	run conn_log_lines 2
	assert_equal "${#lines[@]}" 2
	assert_equal "${lines[0]% 1 TLSv1.3 GET /hello.txt HTTP/1.1}" \
	    "${lines[1]% 2 TLSv1.3 GET /hello.txt HTTP/1.1}"
	[[ ${lines[0]} =~ ^[0-9]+\ 1\  ]] || fail "first: ${lines[0]}"
}

@test "tls: localhost and 127.0.0.1 are two connections (name checked for each)" {
	: >"$NGX/logs/conn.log"
	hget_run -sS --cacert "$PKI/ca.pem" "$(tls_url GOOD)" \
	    "$(tls_url GOOD hello.txt 127.0.0.1)"
	assert_status 0
	assert_stdout "$HELLO$HELLO"
	assert_stderr ''
	run conn_log_lines 2
	assert_equal "${#lines[@]}" 2
	assert_line --index 0 --regexp '^[0-9]+ 1 TLSv1\.3 GET /hello\.txt HTTP/1\.1$'
	assert_line --index 1 --regexp '^[0-9]+ 1 TLSv1\.3 GET /hello\.txt HTTP/1\.1$'
}

@test "tls: 64 MiB over TLS to a file is identical (cmp)" {
	hget_run -sS --cacert "$PKI/ca.pem" -o "$T/big" \
	    -w '%{size_download}' "$(tls_url GOOD big.bin)"
	assert_status 0
	assert_stdout $((64 * 1024 * 1024))
	assert_stderr ''
	cmp "$NGX/www/big.bin" "$T/big"
}

@test "tls: 64 MiB over TLS through a pipe is identical" {
	"$HGET" -sS --cacert "$PKI/ca.pem" "$(tls_url GOOD big.bin)" |
	    cmp - "$NGX/www/big.bin"
}

# --- handshakes that fail or never end (hgserve speaks no TLS) ------------

@test "tls: a server that answers in plain HTTP: 35" {
	serve tests/data/conn-204.http,noread,close
	hget_run -sS "https://127.0.0.1:$PORT/"
	assert_status 35
	assert_stdout ''
	# curl 7.88: "curl: (35) OpenSSL/3.0.22: error:0A00010B:SSL
	# routines::wrong version number"
	assert_stderr $'hget: (35) TLS handshake failed: error:0A00010B:SSL routines::wrong version number\n'
}

@test "tls: a server that closes at once: 35 SSL_ERROR_SYSCALL" {
	serve -- -,noread,close
	hget_run -sS "https://127.0.0.1:$PORT/"
	assert_status 35
	assert_stdout ''
	# curl 7.88 prints the same line with a trailing space
	assert_stderr "hget: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to 127.0.0.1:$PORT"$'\n'
}

# Milliseconds since the epoch.
now_ms() {
	local t=${EPOCHREALTIME/./}

	echo $((t / 1000))
}

@test "tls: -m 1 during a handshake the server never answers: 28 within the limit" {
	local t0 ms

	HGSERVE_SECS=5 serve -- -,hang
	t0=$(now_ms)
	hget_run -sS -m 1 -w '%{http_code}' "https://127.0.0.1:$PORT/"
	ms=$(($(now_ms) - t0))
	assert_status 28
	assert_stdout '000'
	((ms < 3000)) || fail "took ${ms} ms"
	# curl 7.88: "curl: (28) Connection timed out after 1001
	# milliseconds" (-m counts the handshake as connecting); hget says
	# "SSL connection timeout", curl's words for --connect-timeout
	[[ $stderr =~ ^hget:\ \(28\)\ Connection\ timed\ out\ after\ 1[0-9]{3}\ milliseconds$ ]] ||
	    fail "stderr: $stderr"
}

@test "tls: --connect-timeout 1 bounds the handshake too: 28 within the limit" {
	local t0 ms

	# the server gives up after 3 s: a handshake left unbounded ends then
	HGSERVE_SECS=3 serve -- -,hang
	t0=$(now_ms)
	hget_run -sS --connect-timeout 1 -w '%{http_code}' \
	    "https://127.0.0.1:$PORT/"
	ms=$(($(now_ms) - t0))
	# curl 7.88: exit 28 after 1 s, "curl: (28) SSL connection timeout"
	assert_status 28
	assert_stdout '000'
	assert_stderr $'hget: (28) SSL connection timeout\n'
	((ms < 2500)) || fail "took ${ms} ms"
}

@test "tls: --connect-timeout 1 with -m 3: the connect limit ends the handshake" {
	local t0 ms

	HGSERVE_SECS=5 serve -- -,hang
	t0=$(now_ms)
	hget_run -sS -m 3 --connect-timeout 1 "https://127.0.0.1:$PORT/"
	ms=$(($(now_ms) - t0))
	# curl 7.88: exit 28 after 1 s, "curl: (28) SSL connection timeout"
	assert_status 28
	assert_stdout ''
	assert_stderr $'hget: (28) SSL connection timeout\n'
	((ms < 2500)) || fail "took ${ms} ms"
}

# libtls (and the libcrypto and libssl it pulls in) is opened with
# dlopen(3) by the first https transfer (src/lazylib.c): ld.so's
# LD_DEBUG=libs log says which libraries were initialised.
@test "tls: libtls is loaded by an https transfer, not by --version" {
	LD_DEBUG=libs LD_DEBUG_OUTPUT=$T/ld "$HGET" -sS --cacert "$PKI/ca.pem" \
	    -o "$T/got" "$(tls_url GOOD)" 2>"$T/err"
	cmp "$T/got" <(printf '%s' "$HELLO")
	grep -q 'calling init: .*/libtls\.so' "$T"/ld.*
	# --version names libtls's version from build time, without it
	rm -f "$T"/ld.*
	LD_DEBUG=libs LD_DEBUG_OUTPUT=$T/ld "$HGET" --version >/dev/null
	! grep -q 'calling init: .*/libtls\.so' "$T"/ld.*
}
