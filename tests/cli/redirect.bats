#!/usr/bin/env bats
# tests/cli/redirect.bats: -L/--location.  Location references resolved
# by RFC 3986 §5.2, the method and body of every hop for each 3xx (curl's
# rules, --post301/302/303, -X), --max-redirs, what -i, -v and -w show of
# the hops, connections across hosts and ports, Locations that must not
# be followed, -e ";auto", and redirect bodies of every framing.
#
# curl 7.88 is the reference: every case was run by hand with curl
# against the same hgserve steps.  The expected requests were recorded
# from curl with tests/record-curl.sh, which answers every request with
# the same response: only the first hops are kept, and identical
# recordings share one file (redir-get-a.req is curl's request for
# "GET /a" in every case that starts with it, redir-get-final.req the one
# that follows a "Location: /final", and so on).  The few cases that need
# two servers or different responses per hop (redir-lh.req.*,
# redir-v.trace) were recorded the same way by hand: hgserve, curl, the
# port replaced by @PORT@ and curl's User-Agent by @UA@.
#
# hget prints no progress meter (a deliberate difference): where curl's
# stderr holds only its meter, hget's is empty.

load helper

OK=tests/data/redir-ok.http		# 200, Content-Length: 6, "final\n"
OKHEAD=tests/data/redir-ok-head.http	# the same head, no body bytes
# answers a head that carries "Expect: 100-continue" with 100 Continue
CONT=tests/data/continue.http,continue

# curl's "Note" about -X with -L is hget's own wording (curl 7.88 says
# nothing without -v): hget tells the user that the verb stays.
note_x() {
	printf 'Note: -X/--request sends %s on every redirect too, also after a 301, 302 or 303, where a POST would become a GET (the body is dropped there all the same): leave -X out to let the method follow the redirect\n' "$1"
}

# serve_n N STEP: hgserve with STEP N times (N bounded by the caller).
serve_n() {
	local i steps=()

	for ((i = 0; i < $1; i++)); do
		steps+=("$2")
	done
	shift 2
	serve "${steps[@]}" "$@"
}

# hop STATUS WANT2 ARGS...: one redirect, tests/data/redir-STATUS.http
# ("Location: /final"), then the 200; hget -L ARGS $URL/a.  Checks exit
# 0, stdout $WANT_OUT (default "final\n"), stderr $WANT_ERR (default
# empty), request 1 against $WANT1, request 2 against WANT2, nothing
# more, one connection.  $HEAD set: the head-only fixtures (-I).
# $EXPECT set: a 100 Continue step before each answer (-T).
hop() {
	local s=$1 want2=$2 resp=tests/data/redir-$1.http ok=$OK steps
	local final=$'final\n'

	shift 2
	if [[ -n ${HEAD:-} ]]; then
		resp=tests/data/redir-head-$s.http
		ok=$OKHEAD
	fi
	if [[ -n ${EXPECT:-} ]]; then
		steps=("$CONT" "$resp" "$CONT" "$ok")
	else
		steps=("$resp" "$ok")
	fi
	serve "${steps[@]}"
	hget_run -L "$@" "$URL/a"
	assert_status 0
	assert_stdout "${WANT_OUT-$final}"
	assert_stderr "${WANT_ERR:-}"
	assert_request 1 "$WANT1"
	assert_request 2 "$want2"
	refute_request 3
	assert_conns 1
}

# loc NAME PATH WANT2 EFFECTIVE: the Location of redir-loc-NAME.http,
# followed from $URL/PATH; request 2 is WANT2 and %{url_effective} is
# $URL followed by EFFECTIVE.
loc() {
	serve "tests/data/redir-loc-$1.http" "$OK"
	hget_run -L -w '%{url_effective}\n' "$URL$2"
	assert_status 0
	assert_stdout "final
$URL$4
"
	assert_stderr ''
	assert_request 1 tests/data/redir-abc.req
	assert_request 2 "$3"
	refute_request 3
	assert_conns 1
}

# --- Location references (RFC 3986 §5.2) ------------------------------

@test "redirect: a relative reference 'next' replaces the last segment" {
	loc next '/a/b/c?q' tests/data/redir-loc-next.req.2 /a/b/next
}

@test "redirect: '../x' climbs one directory" {
	loc dotdot '/a/b/c?q' tests/data/redir-loc-dotdot.req.2 /a/x
}

@test "redirect: '../../../../x' stops at the root (RFC 3986 §5.2.4)" {
	loc above '/a/b/c?q' tests/data/redir-get-x.req /x
}

@test "redirect: './x/./y/../z' loses its dot segments" {
	loc dots '/a/b/c?q' tests/data/redir-loc-dots.req.2 /a/b/x/z
}

@test "redirect: an absolute path '/x?y' keeps the authority only" {
	loc abspath '/a/b/c?q' tests/data/redir-loc-abspath.req.2 '/x?y'
}

@test "redirect: a query-only reference '?q2' keeps the path" {
	loc query '/a/b/c?q' tests/data/redir-loc-query.req.2 '/a/b/c?q2'
}

@test "redirect: a network-path reference '//127.0.0.1:PORT/x' keeps the scheme" {
	loc netpath '/a/b/c?q' tests/data/redir-get-x.req /x
}

@test "redirect: an absolute URL 'http://127.0.0.1:PORT/x'" {
	loc abs '/a/b/c?q' tests/data/redir-get-x.req /x
}

@test "redirect: spaces in a Location are encoded as curl does (%20 in the path, + in the query)" {
	# Location: x y?p q#r s
	loc space '/a/b/c?q' tests/data/redir-loc-space.req.2 '/a/b/x%20y?p+q#r+s'
}

@test "redirect: the URL's fragment is carried over when the Location has none" {
	# hget differs on purpose: RFC 9110 §10.2.2 says the fragment is
	# inherited; curl 7.88 drops it (%{url_effective} ends in /a/b/next).
	# The fragment is never sent: the request is curl's.
	loc next '/a/b/c?q#frag' tests/data/redir-loc-next.req.2 '/a/b/next#frag'
}

@test "redirect: a Location with a fragment replaces the URL's" {
	# Location: next#new
	loc frag '/a/b/c?q#frag' tests/data/redir-loc-next.req.2 '/a/b/next#new'
}

@test "redirect: a fragment-only Location '#f2' names the same resource" {
	# hget differs on purpose: RFC 3986 §5.2.2 keeps the base path and
	# query for a reference with an empty path; curl 7.88 goes to
	# GET /a/b/ instead.  Request 2 is curl's request 1 again.
	loc fragonly '/a/b/c?q#frag' tests/data/redir-abc.req '/a/b/c?q#f2'
}

@test "redirect: an empty Location is not followed" {
	serve tests/data/redir-loc-empty.http "$OK"
	hget_run -L -w '%{num_redirects} %{http_code}\n' "$URL/a"
	assert_status 0
	assert_stdout $'0 302\n'
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	refute_request 2
}

# --- which statuses are followed --------------------------------------

@test "redirect: a 3xx without a Location is the final response" {
	serve tests/data/redir-noloc.http "$OK"
	hget_run -L -w '%{num_redirects} %{http_code}\n' "$URL/a"
	assert_status 0
	assert_stdout $'moved\n0 302\n'
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	refute_request 2
}

@test "redirect: a 304 with a Location is not followed" {
	# hget differs on purpose: 304 Not Modified answers a conditional
	# request and redirects nowhere (RFC 9110 §15.4.5); curl 7.88
	# follows its Location like a 302 (then prints "final", 1 200).
	serve tests/data/redir-304.http "$OK"
	hget_run -L -w '%{num_redirects} %{http_code}\n' "$URL/a"
	assert_status 0
	assert_stdout $'0 304\n'
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	refute_request 2
	assert_conns 1
}

# --- the method and body of the next hop ------------------------------

@test "redirect: GET stays GET after 300, 301, 302, 303, 307, 308" {
	WANT1=tests/data/redir-get-a.req
	for s in 300 301 302 303 307 308; do
		hop "$s" tests/data/redir-get-final.req
	done
}

@test "redirect: POST (-d) becomes GET without a body after 301, 302, 303" {
	WANT1=tests/data/redir-post-a.req
	for s in 301 302 303; do
		hop "$s" tests/data/redir-get-final.req -d hello
	done
}

@test "redirect: POST (-d) is sent again with its body after 300, 307, 308" {
	WANT1=tests/data/redir-post-a.req
	for s in 300 307 308; do
		hop "$s" tests/data/redir-post-final.req -d hello
	done
}

@test "redirect: PUT (-T file) is sent again with its body, except after 303 (GET)" {
	printf 'upload\n' >up.txt
	WANT1=tests/data/redir-put-a.req
	EXPECT=1
	for s in 300 301 302 307 308; do
		hop "$s" tests/data/redir-put-final.req -T up.txt
	done
	hop 303 tests/data/redir-get-final.req -T up.txt
}

@test "redirect: HEAD (-I) stays HEAD after every 3xx, every head shown" {
	WANT1=tests/data/redir-head-a.req
	HEAD=1
	for s in 300 301 302 303 307 308; do
		WANT_OUT=$(sed -n 1p "$DATA/redir-head-$s.http")$'\n'
		WANT_OUT+=$'Location: /final\r\nContent-Length: 6\r\n\r\n'
		WANT_OUT+=$'HTTP/1.1 200 OK\r\nContent-Length: 6\r\n'
		WANT_OUT+=$'Content-Type: text/plain\r\n\r\n'
		hop "$s" tests/data/redir-head-final.req -I
	done
}

@test "redirect: -X POST keeps POST on every hop, with a Note" {
	WANT1=tests/data/redir-xpost-a.req
	WANT_ERR=$(note_x POST)$'\n'
	for s in 300 301 302 303 307 308; do
		hop "$s" tests/data/redir-xpost-final.req -X POST
	done
}

@test "redirect: -X PUT keeps PUT on every hop, with a Note" {
	WANT1=tests/data/redir-xput-a.req
	WANT_ERR=$(note_x PUT)$'\n'
	for s in 300 301 302 303 307 308; do
		hop "$s" tests/data/redir-xput-final.req -X PUT
	done
}

@test "redirect: -X POST -d keeps POST, the body only after 300, 307, 308" {
	WANT1=tests/data/redir-post-a.req
	WANT_ERR=$(note_x POST)$'\n'
	for s in 301 302 303; do
		hop "$s" tests/data/redir-xpost-final.req -X POST -d hello
	done
	for s in 300 307 308; do
		hop "$s" tests/data/redir-post-final.req -X POST -d hello
	done
}

@test "redirect: -X PUT -d keeps PUT, the body only after 300, 307, 308" {
	WANT1=tests/data/redir-xputd-a.req
	WANT_ERR=$(note_x PUT)$'\n'
	for s in 301 302 303; do
		hop "$s" tests/data/redir-xput-final.req -X PUT -d hello
	done
	for s in 300 307 308; do
		hop "$s" tests/data/redir-xputd-final.req -X PUT -d hello
	done
}

@test "redirect: -s mutes the -X Note, the POST stays" {
	WANT1=tests/data/redir-xpost-a.req
	hop 302 tests/data/redir-xpost-final.req -s -X POST
}

@test "redirect: --post301 keeps POST and its body after 301 only" {
	WANT1=tests/data/redir-post-a.req
	hop 301 tests/data/redir-post-final.req -d hello --post301
	hop 302 tests/data/redir-get-final.req -d hello --post301
	hop 303 tests/data/redir-get-final.req -d hello --post301
}

@test "redirect: --post302 keeps POST and its body after 302 only" {
	WANT1=tests/data/redir-post-a.req
	hop 301 tests/data/redir-get-final.req -d hello --post302
	hop 302 tests/data/redir-post-final.req -d hello --post302
	hop 303 tests/data/redir-get-final.req -d hello --post302
}

@test "redirect: --post303 keeps POST and its body after 303 only" {
	WANT1=tests/data/redir-post-a.req
	hop 301 tests/data/redir-get-final.req -d hello --post303
	hop 302 tests/data/redir-get-final.req -d hello --post303
	hop 303 tests/data/redir-post-final.req -d hello --post303
}

# --- bodies read from stdin -------------------------------------------

@test "redirect: a 307 after -T - from a pipe exits 65, nothing sent again" {
	# curl exits 65 too, with "seek callback returned error 2"; hget
	# says why
	serve "$CONT" tests/data/redir-307.http "$CONT" "$OK"
	status=0
	printf 'piped\n' | timeout -k 5 "$HGET_TIMEOUT" "$HGET" -L -T - \
	    "$URL/a" >"$T/out" 2>"$T/err" || status=$?
	assert_status 65
	assert_stdout ''
	assert_stderr $'hget: (65) The request body came from a stream that cannot be read again to follow the 307 redirect\n'
	assert_request 1 tests/data/redir-pipe.req
	refute_request 2
	assert_conns 1
}

@test "redirect: a 303 after -T - from a pipe is a GET: nothing to send again" {
	serve "$CONT" tests/data/redir-303.http "$CONT" "$OK"
	status=0
	printf 'piped\n' | timeout -k 5 "$HGET_TIMEOUT" "$HGET" -L -T - \
	    "$URL/a" >"$T/out" 2>"$T/err" || status=$?
	assert_status 0
	assert_stdout $'final\n'
	assert_stderr ''
	assert_request 1 tests/data/redir-pipe.req
	assert_request 2 tests/data/redir-get-final.req
	refute_request 3
}

@test "redirect: a 307 after -T - from a regular file sends the body again" {
	# stdin that is a regular file can be rewound: curl seeks back and
	# sends the same chunked body to the new URL
	printf 'upload\n' >up.txt
	serve "$CONT" tests/data/redir-307.http "$CONT" "$OK"
	status=0
	timeout -k 5 "$HGET_TIMEOUT" "$HGET" -L -T - "$URL/a" <up.txt \
	    >"$T/out" 2>"$T/err" || status=$?
	assert_status 0
	assert_stdout $'final\n'
	assert_stderr ''
	assert_request 1 tests/data/redir-stdin307.req
	assert_request 2 tests/data/redir-stdin307.req.2
	refute_request 3
}

# --- --max-redirs -------------------------------------------------------

@test "redirect: --max-redirs 0 refuses the first redirect (47)" {
	serve_n 2 tests/data/redir-loop.http
	hget_run -L --max-redirs 0 "$URL/a"
	assert_status 47
	assert_stdout ''
	assert_stderr $'hget: (47) Maximum (0) redirects followed\n'
	assert_request 1 tests/data/redir-get-a.req
	refute_request 2
	assert_conns 1
}

@test "redirect: --max-redirs 1 and 2 follow that many, then 47" {
	for n in 1 2; do
		serve_n 4 tests/data/redir-loop.http
		hget_run -L --max-redirs "$n" -w '%{num_redirects}\n' "$URL/a"
		assert_status 47
		assert_stdout "$n
"
		assert_stderr "hget: (47) Maximum ($n) redirects followed
"
		assert_request 1 tests/data/redir-get-a.req
		for ((i = 2; i <= n + 1; i++)); do
			assert_request "$i" tests/data/redir-loop.req.2
		done
		refute_request $((n + 2))
		assert_conns 1
	done
}

@test "redirect: a loop stops after the default 50 redirects (47)" {
	serve_n 52 tests/data/redir-loop.http
	hget_run -L -w '%{num_redirects} %{url_effective}\n' "$URL/a"
	assert_status 47
	assert_stdout "50 $URL/loop
"
	assert_stderr $'hget: (47) Maximum (50) redirects followed\n'
	assert_request 1 tests/data/redir-get-a.req
	assert_request 2 tests/data/redir-loop.req.2
	assert_request 51 tests/data/redir-loop.req.2
	refute_request 52
	assert_conns 1
}

@test "redirect: --max-redirs -1 has no limit" {
	serve_n 60 tests/data/redir-loop.http "$OK"
	hget_run -L --max-redirs -1 -w '%{num_redirects}\n' "$URL/a"
	assert_status 0
	assert_stdout $'final\n60\n'
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	assert_request 61 tests/data/redir-loop.req.2
	refute_request 62
	assert_conns 1
}

@test "redirect: at the limit %{redirect_url} names the URL not followed" {
	# curl 7.88 sets it to the Location it refused to follow
	serve_n 2 tests/data/redir-loop.http
	hget_run -L --max-redirs 1 -w '%{num_redirects} [%{redirect_url}]\n' \
	    "$URL/a"
	assert_status 47
	assert_stdout "1 [$URL/loop]
"
	assert_stderr $'hget: (47) Maximum (1) redirects followed\n'
	assert_request 1 tests/data/redir-get-a.req
	assert_request 2 tests/data/redir-loop.req.2
	refute_request 3
}

# --- what -i, -v and -w show ------------------------------------------

@test "redirect: -i shows every hop's head, not the redirect bodies" {
	serve tests/data/redir-301.http tests/data/redir-302.http "$OK"
	hget_run -L -i "$URL/a"
	assert_status 0
	assert_stdout $'HTTP/1.1 301 Moved Permanently\r\nLocation: /final\r\nContent-Length: 6\r\n\r\nHTTP/1.1 302 Found\r\nLocation: /final\r\nContent-Length: 6\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 6\r\nContent-Type: text/plain\r\n\r\nfinal\n'
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	assert_request 2 tests/data/redir-get-final.req
	assert_request 3 tests/data/redir-get-final.req
	refute_request 4
}

@test "redirect: -v shows every hop's request and response lines as curl" {
	serve tests/data/redir-301.http tests/data/redir-307.http "$OK"
	hget_run -L -v -d hello "$URL/a"
	assert_status 0
	assert_stdout $'final\n'
	grep -a '^[<>] ' "$T/err" >"$T/trace"
	hg_cmp '-v lines' "$(hg_expected tests/data/redir-v.trace "$PORT")" \
	    "$T/trace"
	# the POST became a GET on the 301, as curl says
	grep -qFx '* Switch from POST to GET' "$T/err" ||
	    fail "no Switch line: $stderr"
	n=$(grep -cFx "* Issue another request to this URL: '$URL/final'" \
	    "$T/err") || true
	[[ $n -eq 2 ]] || fail "$n Issue lines, expected 2: $stderr"
	assert_request 1 tests/data/redir-post-a.req
	assert_request 2 tests/data/redir-get-final.req
	assert_request 3 tests/data/redir-get-final.req
	refute_request 4
}

@test "redirect: without -L, -w shows %{redirect_url} and the 3xx is the answer" {
	serve tests/data/redir-302.http "$OK"
	hget_run -w '%{num_redirects} [%{redirect_url}] %{url_effective} %{http_code}\n' "$URL/a"
	assert_status 0
	assert_stdout "moved
0 [$URL/final] $URL/a 302
"
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	refute_request 2
}

@test "redirect: with -L, %{redirect_url} is empty, %{num_redirects} counts the hops" {
	serve tests/data/redir-301.http tests/data/redir-302.http "$OK"
	hget_run -L -w '%{num_redirects} [%{redirect_url}] %{url_effective} %{http_code}\n' "$URL/a"
	assert_status 0
	assert_stdout "final
2 [] $URL/final 200
"
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	assert_request 2 tests/data/redir-get-final.req
	assert_request 3 tests/data/redir-get-final.req
	refute_request 4
}

# --- connections ------------------------------------------------------

@test "redirect: to another port opens a connection to the other server" {
	serve "$OK"
	RECB=$REC PORTB=$PORT
	sed "s/@PORTB@/$PORTB/" "$DATA/redir-loc-port.http" >port.http
	serve "$T/port.http"
	hget_run -L -w '%{num_connects} %{url_effective}\n' "$URL/a"
	assert_status 0
	assert_stdout "final
2 http://127.0.0.1:$PORTB/x
"
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	refute_request 2
	assert_conns 1
	assert_request 1 tests/data/redir-get-x.req "$RECB"
	refute_request 2 "$RECB"
	assert_conns 1 "$RECB"
}

@test "redirect: localhost is another host than 127.0.0.1, and the first connection is reused after" {
	# /a -> http://localhost:PORT/x -> http://127.0.0.1:PORT/y
	serve tests/data/redir-loc-lh.http tests/data/redir-loc-ip.http "$OK"
	hget_run -L -w '%{num_connects} %{num_redirects} %{url_effective}\n' \
	    "$URL/a"
	assert_status 0
	assert_stdout "final
2 2 $URL/y
"
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	assert_request 2 tests/data/redir-lh.req.2
	assert_request 3 tests/data/redir-lh.req.3
	refute_request 4
	assert_conns 2
}

@test "redirect: a chunked redirect body is skipped, the connection kept" {
	serve tests/data/redir-chunked.http "$OK"
	hget_run -L -w '%{num_connects} %{size_download}\n' "$URL/a"
	assert_status 0
	assert_stdout $'final\n1 6\n'
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	assert_request 2 tests/data/redir-get-final.req
	refute_request 3
	assert_conns 1
}

@test "redirect: a close-delimited redirect body is skipped, a new connection follows" {
	serve tests/data/redir-close.http,close "$OK"
	hget_run -L -w '%{num_connects} %{size_download}\n' "$URL/a"
	assert_status 0
	assert_stdout $'final\n2 6\n'
	assert_stderr ''
	assert_request 1 tests/data/redir-get-a.req
	assert_request 2 tests/data/redir-get-final.req
	refute_request 3
	assert_conns 2
}

# --- Locations not to follow ------------------------------------------

@test "redirect: to ftp:// exits 1 and connects nowhere" {
	# the curl 7.88 installed here has FTP: it connects and speaks FTP
	# (then fails, 56); a curl without FTP exits 1 with 'Protocol "ftp"
	# not supported or disabled in libcurl', hget with the same words
	# minus the library's name
	serve tests/data/redir-loc-ftp.http "$OK"
	hget_run -L "$URL/a"
	assert_status 1
	assert_stdout ''
	assert_stderr $'hget: (1) Protocol "ftp" not supported\n'
	assert_request 1 tests/data/redir-get-a.req
	refute_request 2
	assert_conns 1
}

@test "redirect: to mailto: exits 1 and connects nowhere" {
	# Location: mailto:u@127.0.0.1:PORT/x is an absolute URI with the
	# scheme "mailto"; it is not "http://mailto:u@127.0.0.1:PORT/x"
	serve tests/data/redir-loc-mailto.http "$OK"
	hget_run -L "$URL/a"
	assert_status 1
	assert_stdout ''
	assert_stderr $'hget: (1) The redirect target URL could not be parsed: Unsupported URL scheme\n'
	assert_request 1 tests/data/redir-get-a.req
	refute_request 2
	assert_conns 1
}

@test "redirect: to https:// is never sent in clear" {
	# a plain server on the https port: the TLS handshake fails (35, as
	# curl) and the request never goes out as plain HTTP
	serve tests/data/redir-loc-https.http "$OK"
	hget_run -L "$URL/a"
	assert_status 35
	assert_stdout ''
	[[ $stderr == "hget: (35) "* ]]
	assert_request 1 tests/data/redir-get-a.req
	if [[ -e $REC/req.2 ]]; then
		! grep -aq 'GET ' "$REC/req.2"
	fi
}

@test "redirect: a malformed Location exits 3" {
	# Location: http://127.0.0.1:99999/x
	serve tests/data/redir-loc-badport.http "$OK"
	hget_run -L "$URL/a"
	assert_status 3
	assert_stdout ''
	# curl names the reason ("Port number was not a decimal number
	# between 0 and 65535"); hget's URL parser has one reason for all
	assert_stderr $'hget: (3) The redirect target URL could not be parsed: URL using bad/illegal format or missing URL\n'
	assert_request 1 tests/data/redir-get-a.req
	refute_request 2
	assert_conns 1
}

# --- -e ";auto" ---------------------------------------------------------

@test "redirect: -e 'URL;auto' sends the previous URL as Referer on every hop" {
	# Location: c?q=1, twice; the fragment never goes into a Referer
	serve tests/data/redir-loc-ref.http tests/data/redir-loc-ref.http "$OK"
	hget_run -L -e 'http://ref/;auto' "$URL/a/b#frag"
	assert_status 0
	assert_stdout $'final\n'
	assert_stderr ''
	assert_request 1 tests/data/redir-ref.req
	assert_request 2 tests/data/redir-ref.req.2
	assert_request 3 tests/data/redir-ref.req.3
	refute_request 4
	assert_conns 1
}
