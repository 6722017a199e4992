#!/usr/bin/env bats
# tests/cli/hostile.bats: hostile and broken servers.  Every case runs
# hget through hrun, which also bounds its peak RSS (32 MiB) and its wall
# time, and then checks that hget wrote no file it should not have
# (assert_files lists $T).  Small responses are fixtures in tests/data
# (hostile-*.http); the big ones (megabytes of chunk extensions, trailers,
# header fields) are built once per run in $BATS_FILE_TMPDIR by setup_file.
#
# curl 7.88 was run by hand against the same fixtures; where hget differs
# on purpose (it is stricter or bounded where curl is not) the test says so.

load helper

# Peak RSS allowed, in KiB (GNU time's %M).
MAX_RSS=32768

setup_file() {
	local g=$BATS_FILE_TMPDIR/gen i

	mkdir -p "$g"
	# 4 MB of chunk extension on the first chunk-size line
	{ printf 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6;'
	  head -c 4000000 /dev/zero | tr '\0' a
	  printf '\r\nhello\n\r\n0\r\n\r\n'; } >"$g/ext.http"
	# 100,000 trailer fields (4 MB) after the last chunk
	{ printf 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
	  printf '6\r\nhello\n\r\n0\r\n'
	  yes 'X-Trailer: aaaaaaaaaaaaaaaaaaaaaaaaaaaaa' | head -n 100000 |
	      sed 's/$/\r/'
	  printf '\r\n'; } >"$g/trailers.http"
	# a Content-Length of 100000 and half of it
	{ printf 'HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n'
	  head -c 50000 /dev/zero | tr '\0' x; } >"$g/big-body.http"
	# one header line of 1 MiB
	{ printf 'HTTP/1.1 200 OK\r\nX-Big: '
	  head -c 1048576 /dev/zero | tr '\0' a
	  printf '\r\nContent-Length: 6\r\n\r\nhello\n'; } >"$g/bigline.http"
	# 100,000 header fields (800 KB)
	{ printf 'HTTP/1.1 200 OK\r\n'
	  yes 'X-F: a' | head -n 100000 | sed 's/$/\r/'
	  printf 'Content-Length: 6\r\n\r\nhello\n'; } >"$g/fields.http"
	# 6,000 short header fields (36 KB): over the field cap, under the
	# head cap
	{ printf 'HTTP/1.1 200 OK\r\n'
	  yes 'X: a' | head -n 6000 | sed 's/$/\r/'
	  printf 'Content-Length: 6\r\n\r\nhello\n'; } >"$g/fields6k.http"
	# one field folded (obs-fold) over 2,000 lines: 200 KB
	{ printf 'HTTP/1.1 200 OK\r\nX-Fold: a\r\n'
	  yes " $(printf '%0100d' 0)" | head -n 2000 | sed 's/$/\r/'
	  printf 'Content-Length: 6\r\n\r\nhello\n'; } >"$g/fold.http"
	# a head that never ends: 1 MB of 1 KB fields, no empty line
	{ printf 'HTTP/1.1 200 OK\r\n'
	  for ((i = 1; i <= 1000; i++)); do
		printf 'X-Pad-%04d: %0990d\r\n' "$i" 0
	  done; } >"$g/endless.http"
	# 1,000 interim responses before the final one
	{ for ((i = 0; i < 1000; i++)); do
		printf 'HTTP/1.1 102 Processing\r\n\r\n'
	  done
	  printf 'HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n'; } \
	    >"$g/interim.http"
	# a redirect loop: 60 answers, each a 302 to itself
	for ((i = 0; i < 60; i++)); do
		printf '%s\n' "$DATA/hostile-loop.http"
	done >"$g/loop.steps"
}

gen() {
	printf '%s\n' "$BATS_FILE_TMPDIR/gen/$1"
}

# hrun SECS ARG...: run hget ARG... like hget_run, under GNU time, and
# fail unless it took less than SECS seconds and peaked under MAX_RSS.
# With HR_TTY=1 hget runs on a pseudo-terminal (script(1)); what the
# terminal got, stdout and stderr together, is then in $T/tty.
hrun() {
	local secs=$1 t0 t1 rss cmd
	local rssf=$BATS_FILE_TMPDIR/rss.$BATS_TEST_NUMBER

	shift
	[[ -x $HGET ]] || fail "hget not built: $HGET"
	rm -f "$rssf"
	status=0
	t0=$(date +%s%N)
	if [[ ${HR_TTY:-0} == 1 ]]; then
		cmd=$(printf '%q ' /usr/bin/time -f %M -o "$rssf" "$HGET" "$@")
		SHELL=$BASH timeout -k 5 "$HGET_TIMEOUT" script -qec "$cmd" /dev/null \
		    </dev/null >"$T/tty" 2>"$T/err" || status=$?
		: >"$T/out"
	else
		timeout -k 5 "$HGET_TIMEOUT" /usr/bin/time -f %M -o "$rssf" \
		    "$HGET" "$@" >"$T/out" 2>"$T/err" || status=$?
	fi
	t1=$(date +%s%N)
	output=$(tr -d '\0' <"$T/out")
	stderr=$(tr -d '\0' <"$T/err")
	HR_MS=$(((t1 - t0) / 1000000))
	((HR_MS < secs * 1000)) ||
	    fail "hget took ${HR_MS} ms, limit ${secs} s"
	# time adds "Command exited with non-zero status N" before %M
	rss=$(tail -n 1 "$rssf" 2>/dev/null)
	[[ $rss =~ ^[0-9]+$ ]] || fail "no RSS measured: $(cat "$rssf")"
	((rss < MAX_RSS)) || fail "hget peaked at ${rss} KiB, limit $MAX_RSS"
}

# assert_files NAME...: $T holds exactly these files besides the test's
# own (out, err, tty, rec*, expected.*, want.*).
assert_files() {
	local f got want names=()

	shopt -s nullglob dotglob
	for f in "$T"/*; do
		f=${f##*/}
		case $f in
		out | err | tty | rec | rec.[0-9]* | expected.[0-9]* | \
		    want.out | want.err)
			continue ;;
		esac
		names+=("$f")
	done
	shopt -u nullglob dotglob
	got=$(for f in "${names[@]}"; do printf '%s\n' "$f"; done |
	    LC_ALL=C sort | tr '\n' ' ')
	want=$(for f in "$@"; do printf '%s\n' "$f"; done | LC_ALL=C sort |
	    tr '\n' ' ')
	[[ $got == "$want" ]] || fail "files in \$T: '$got', expected '$want'"
}

# assert_timeout SECS: stderr is the one line of a -m SECS timeout with
# nothing received (the milliseconds vary).
assert_timeout() {
	local re="^hget: \\(28\\) Operation timed out after $1[0-9]{3} milliseconds with 0 bytes received\$"

	[[ $(wc -l <"$T/err") == 1 && $stderr =~ $re ]] ||
	    fail "stderr: $(cat "$T/err")"
}

# one STEP STATUS MESSAGE [STDOUT]: a plain GET answered by STEP; hget
# exits STATUS with the line "hget: (STATUS) MESSAGE" (nothing when
# MESSAGE is empty), prints STDOUT, writes nothing, and sent curl's GET.
one() {
	serve "$1"
	hrun 5 "$URL/"
	assert_status "$2"
	if [[ -n $3 ]]; then
		assert_stderr "hget: ($2) $3"$'\n'
	else
		assert_stderr ''
	fi
	assert_stdout "${4-}"
	assert_request 1 tests/data/hostile-get.req
	assert_files
}

# --- framing ---------------------------------------------------------

@test "hostile: negative Content-Length is exit 8" {
	one tests/data/hostile-cl-neg.http 8 'Invalid Content-Length: value'
}

@test "hostile: Content-Length above 2^63 is exit 8 (curl: reads to close)" {
	# differs on purpose: curl 7.88 exits 0 with "hello"
	one tests/data/hostile-cl-huge.http 8 'Overflow Content-Length: value'
}

@test "hostile: non-numeric Content-Length is exit 8 (curl: takes 6)" {
	# differs on purpose: curl 7.88 reads "6x" as 6 and exits 0
	one tests/data/hostile-cl-alpha.http 8 'Invalid Content-Length: value'
}

@test "hostile: duplicated equal Content-Length is fine" {
	one tests/data/hostile-cl-dup-eq.http 0 '' $'hello\n'
}

@test "hostile: conflicting Content-Length is exit 8 (curl: 18)" {
	# differs on purpose: curl takes the last value (7) and exits 18
	one tests/data/hostile-cl-dup-conflict.http 8 \
	    'conflicting Content-Length'
}

@test "hostile: Transfer-Encoding wins over Content-Length" {
	# RFC 9112 §6.3: chunked framing overrides Content-Length: 100
	one tests/data/hostile-te-cl.http 0 '' $'hello\n'
}

@test "hostile: a chunk size of 17 hex digits is exit 56" {
	one tests/data/hostile-chunk-17hex.http 56 \
	    'Too long hexadecimal number in chunked-encoding'
}

@test "hostile: a chunk size overflowing 63 bits is exit 56" {
	# curl says "Illegal or missing hexadecimal sequence in chunked-encoding"
	one tests/data/hostile-chunk-overflow.http 56 \
	    'Chunk size too large in chunked-encoding'
}

@test "hostile: a negative chunk size is exit 56" {
	one tests/data/hostile-chunk-neg.http 56 \
	    'Illegal or missing hexadecimal sequence in chunked-encoding'
}

@test "hostile: chunk data without its CRLF is exit 56" {
	one tests/data/hostile-chunk-nocrlf.http 56 \
	    'Malformed encoding found in chunked-encoding' $'hello\n'
}

@test "hostile: 4 MB of chunk extensions is exit 56 (curl: skips them)" {
	# differs on purpose: hget skips 100 KiB of extensions at most
	one "$(gen ext.http)" 56 'Too long chunk extensions in chunked-encoding'
}

@test "hostile: 4 MB of trailers is exit 56 (curl: reads them)" {
	# differs on purpose: hget skips 300 KiB of trailers at most; the
	# body was already out
	one "$(gen trailers.http)" 56 'Too large trailers in chunked-encoding' \
	    $'hello\n'
}

@test "hostile: body longer than Content-Length: the next URL gets its own response" {
	# The surplus is a complete response ("smuggle"): it must not be
	# taken as the answer to /b.
	serve -n 2 tests/data/hostile-long-body.http tests/data/hostile-second.http
	hrun 5 "$URL/a" "$URL/b"
	assert_status 0
	assert_stderr ''
	assert_stdout $'hello\nsecond\n'
	assert_request 1 tests/data/hostile-get-ab.req
	assert_request 2 tests/data/hostile-get-ab.req.2
	assert_conns 2
	assert_files
}

# --- head --------------------------------------------------------------

@test "hostile: a garbage status line is exit 1 (HTTP/0.9)" {
	one tests/data/hostile-status-garbage.http 1 \
	    'Received HTTP/0.9 when not allowed'
}

@test "hostile: status code 099 is exit 1" {
	one tests/data/hostile-status-099.http 1 \
	    'Unsupported response code in HTTP response'
}

@test "hostile: status code 600 is taken" {
	one tests/data/hostile-status-600.http 0 '' $'hello\n'
}

@test "hostile: status code 1000 is exit 1" {
	one tests/data/hostile-status-1000.http 1 \
	    'Unsupported response code in HTTP response'
}

@test "hostile: a status line without reason phrase is fine" {
	one tests/data/hostile-no-reason.http 0 '' $'hello\n'
}

@test "hostile: a 1 MiB header line is exit 100 (curl: 27)" {
	# curl 7.88: "(27) Out of memory"
	one "$(gen bigline.http)" 100 'Header line too long'
}

@test "hostile: 100,000 header fields is exit 100 (curl: 56)" {
	# the 300 KiB head cap is hit first; curl: "(56) Too large
	# response headers: 307201 > 307200"
	one "$(gen fields.http)" 100 'Too large response headers'
}

@test "hostile: 6,000 short header fields is exit 100 (curl: takes them)" {
	# differs on purpose: 5000 fields at most
	one "$(gen fields6k.http)" 100 'Too many header fields'
}

@test "hostile: NUL in a header field is exit 8" {
	one tests/data/hostile-field-nul.http 8 'Nul byte in header'
}

@test "hostile: bare CR in a header field is exit 8 (curl: takes it)" {
	# differs on purpose (differences.md)
	one tests/data/hostile-field-cr.http 8 'Bare CR in header'
}

@test "hostile: a 200 KB obs-fold is exit 100 (curl: takes it)" {
	# differs on purpose: a folded field counts as one line (100 KiB)
	one "$(gen fold.http)" 100 'Header line too long'
}

@test "hostile: a head trickled one byte at a time: -m 2 is exit 28" {
	serve tests/data/hostile-trickle-head.http,trickle=10
	hrun 5 -m 2 "$URL/"
	assert_status 28
	assert_timeout 2
	assert_stdout ''
	assert_request 1 tests/data/hostile-get.req
	assert_files
}

@test "hostile: a fast endless head hits the head cap: exit 100" {
	one "$(gen endless.http)" 100 'Too large response headers'
}

# --- flow ------------------------------------------------------------

@test "hostile: 1,000 interim responses is exit 100 (curl: reads them)" {
	# differs on purpose: 100 interim responses at most
	one "$(gen interim.http)" 100 'More than 100 interim responses'
}

@test "hostile: a server that never answers: -m 1 is exit 28" {
	serve -,hang
	hrun 4 -m 1 "$URL/"
	assert_status 28
	assert_timeout 1
	assert_stdout ''
	assert_request 1 tests/data/hostile-get.req
	assert_files
}

@test "hostile: reset in the middle of the body is exit 56" {
	serve "$(gen big-body.http)",truncate=20000,reset
	hrun 5 "$URL/"
	assert_status 56
	assert_stderr $'hget: (56) Recv failure: Connection reset by peer\n'
	# what arrived before the reset went out (as curl)
	[[ $(wc -c <"$T/out") -le 19960 ]] || fail "stdout: too many bytes"
	[[ -z $(tr -d x <"$T/out") ]] || fail "stdout: not the body"
	assert_request 1 tests/data/hostile-get.req
	assert_files
}

@test "hostile: close before any byte is exit 52" {
	one -,empty 52 'Empty reply from server'
}

@test "hostile: a body sent to HEAD: no hang, connection not reused" {
	serve -n 2 tests/data/hostile-head-body.http tests/data/hostile-head-ok.http
	hrun 5 -I "$URL/a" "$URL/b"
	assert_status 0
	assert_stderr ''
	assert_stdout $'HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n'
	assert_request 1 tests/data/hostile-head-ab.req
	assert_request 2 tests/data/hostile-head-ab.req.2
	# curl 7.88 reuses the connection here (1)
	assert_conns 2
	assert_files
}

@test "hostile: 304 with a body: no body out, connection not reused" {
	serve -n 2 tests/data/hostile-304-body.http tests/data/hostile-second.http
	hrun 5 "$URL/a" "$URL/b"
	assert_status 0
	assert_stderr ''
	assert_stdout $'second\n'
	assert_request 1 tests/data/hostile-get-ab.req
	assert_request 2 tests/data/hostile-get-ab.req.2
	# curl 7.88 reuses the connection here (1)
	assert_conns 2
	assert_files
}

# --- output ----------------------------------------------------------

# remote_name_empty PATH: -O for $URL/PATH has no name: exit 23, no file.
remote_name_empty() {
	serve tests/data/ok.http
	hrun 5 -O "$URL$1"
	assert_status 23
	assert_stderr $'hget: (23) Remote file name has no length\n'
	assert_stdout ''
	assert_files
}

@test "hostile: -O with an empty last segment is exit 23" {
	# curl: "(23) Failed writing received data to disk/application"
	remote_name_empty /
	refute_request 1
}

@test "hostile: -O with a last segment of '.' is exit 23" {
	remote_name_empty /.
	refute_request 1
}

@test "hostile: -O with a last segment of '..' is exit 23" {
	remote_name_empty /a/..
	refute_request 1
}

@test "hostile: -O with %2F..%2F keeps the name literal" {
	serve tests/data/ok.http
	hrun 5 -O "$URL/%2F..%2F"
	assert_status 0
	assert_stderr ''
	assert_stdout ''
	assert_request 1 tests/data/hostile-pct-name.req
	assert_files '%2F..%2F'
	[[ $(cat "$T/%2F..%2F") == hello ]] || fail "file: $(cat "$T/%2F..%2F")"
	[[ ! -e $T/../hello && ! -e $T/../%2F..%2F ]] || fail "written outside"
}

@test "hostile: -O onto a symlink to a file outside \$T replaces the target" {
	# man hget: a symbolic link is followed, the link stays and its
	# target is replaced (as curl, which writes through it)
	local out=$BATS_FILE_TMPDIR/outside.$BATS_TEST_NUMBER

	mkdir -p "$out"
	printf 'old\n' >"$out/f"
	ln -s "$out/f" "$T/name"
	serve tests/data/ok.http
	hrun 5 -O "$URL/name"
	assert_status 0
	assert_stderr ''
	assert_stdout ''
	assert_request 1 tests/data/hostile-name.req
	assert_files name
	[[ -L $T/name && $(readlink "$T/name") == "$out/f" ]] ||
	    fail "the link was not kept"
	[[ $(cat "$out/f") == hello ]] || fail "target: $(cat "$out/f")"
	[[ $(ls -A "$out") == f ]] || fail "outside: $(ls -A "$out")"
}

@test "hostile: -O onto a dangling symlink writes nothing outside \$T" {
	# differs on purpose: curl creates the link's missing target
	# outside $T; hget replaces the link itself with the file
	local out=$BATS_FILE_TMPDIR/outside.$BATS_TEST_NUMBER

	mkdir -p "$out"
	ln -s "$out/missing" "$T/name"
	serve tests/data/ok.http
	hrun 5 -O "$URL/name"
	assert_status 0
	assert_stderr ''
	assert_stdout ''
	assert_request 1 tests/data/hostile-name.req
	assert_files name
	[[ -f $T/name && ! -L $T/name ]] || fail "name is not a regular file"
	[[ $(cat "$T/name") == hello ]] || fail "name: $(cat "$T/name")"
	[[ -z $(ls -A "$out") ]] || fail "outside: $(ls -A "$out")"
}

# --- terminal --------------------------------------------------------

# refute_raw_escapes: no ESC, BEL or C1 CSI byte reached the terminal.
refute_raw_escapes() {
	if LC_ALL=C grep -qaP '[\x1b\x07\x9b]' "$T/tty"; then
		fail "raw control bytes on the terminal: $(od -c "$T/tty")"
	fi
}

@test "hostile: escapes in status, field and Location are made visible by -v on a tty" {
	serve tests/data/hostile-term.http
	# no colour: every ESC on the terminal would be the server's
	HR_TTY=1 hrun 5 --color never -v "$URL/"
	assert_status 0
	assert_stderr ''
	assert_stdout ''
	assert_request 1 tests/data/hostile-get.req
	refute_raw_escapes
	# vis(3) octal escapes instead (curl 7.88 prints the raw bytes)
	grep -qaF '< HTTP/1.1 301 Mov\033[31med\033]0;title\007\302\233X' \
	    "$T/tty" || fail "status line: $(od -c "$T/tty")"
	grep -qaF '< X-Evil: a\033]0;title\007b\302\233c\033[2J' "$T/tty" ||
	    fail "field: $(od -c "$T/tty")"
	grep -qaF '< Location: /x\033]0;title\007y\302\233z' "$T/tty" ||
	    fail "Location: $(od -c "$T/tty")"
	assert_files
}

@test "hostile: escapes in status, field and Location are made visible by -i on a tty" {
	serve tests/data/hostile-term.http
	# no colour: every ESC on the terminal would be the server's
	HR_TTY=1 hrun 5 --color never -i "$URL/"
	assert_status 0
	assert_stderr ''
	assert_request 1 tests/data/hostile-get.req
	refute_raw_escapes
	# the pty turns each \n into \r\n
	printf '%s\r\r\n' \
	    'HTTP/1.1 301 Mov\033[31med\033]0;title\007\302\233X' \
	    'X-Evil: a\033]0;title\007b\302\233c\033[2J' \
	    'Location: /x\033]0;title\007y\302\233z' \
	    'Content-Length: 6' '' >"$T/want.out"
	printf 'hello\r\n' >>"$T/want.out"
	hg_cmp terminal "$T/want.out" "$T/tty"
	assert_files
}

@test "hostile: -w values from the server are made visible on a tty, raw to a pipe" {
	serve tests/data/hostile-term.http tests/data/hostile-term.http
	HR_TTY=1 hrun 5 -s -o /dev/null -w '%{redirect_url}|%header{x-evil}\n' \
	    "$URL/"
	assert_status 0
	assert_request 1 tests/data/hostile-get.req
	refute_raw_escapes
	# vis(3) on the terminal (curl 7.88 writes the raw bytes there too);
	# %{redirect_url} is the resolved URL, its non-ASCII percent-encoded
	printf '%s\r\n' 'http://127.0.0.1:'"$PORT"'/x\033]0;title\007y%c2%9bz|a\033]0;title\007b\302\233c\033[2J' \
	    >"$T/want.out"
	hg_cmp terminal "$T/want.out" "$T/tty"
	# to a pipe the bytes stay as they came, as curl writes them
	hrun 5 -s -o /dev/null -w '%header{x-evil}' "$URL/"
	assert_status 0
	assert_stdout $'a\e]0;title\ab\302\233c\e[2J'
	assert_request 2 tests/data/hostile-get.req
	assert_files
}

# --- injection -------------------------------------------------------
# A NUL cannot be passed in argv; %00 in URLs is tested instead.

# refused OPTION VALUE: exit 2 with the usage hint, nothing on the wire.
refused() {
	serve tests/data/ok.http
	hrun 5 "$1" "$2" "$URL/"
	assert_status 2
	assert_stderr "hget: option $1: ${3:-the value holds a CR or LF, which would split the request}"$'\n'"hget: try 'hget --help' or 'hget --manual' for more information"$'\n'
	assert_stdout ''
	refute_request 1
	assert_conns 0
	assert_files
}

@test "hostile: CR LF in -H is refused (curl: sends it)" {
	refused -H $'X-A: a\r\nX-B: b'
}

@test "hostile: bare CR in -H is refused" {
	refused -H $'X-A: a\rb'
}

@test "hostile: CR LF in -X is refused (curl: sends it)" {
	refused -X $'GET / HTTP/1.1\r\nX-B: b\r\n\r\nGET'
}

@test "hostile: LF in -A is refused (curl: sends it)" {
	refused -A $'ua\nX-B: b'
}

@test "hostile: CR LF in -e is refused (curl: sends it)" {
	refused -e $'http://r/\r\nX-B: b'
}

@test "hostile: CR LF in -u is refused" {
	refused -u $'us\r\ner:pw' \
	    'the credentials hold a CR or LF, which RFC 7617 does not allow'
}

@test "hostile: CR LF in a URL is exit 3, nothing sent" {
	serve tests/data/ok.http
	hrun 5 "$URL/a"$'\r\n'"X-B: b"
	assert_status 3
	assert_stderr $'hget: (3) URL using bad/illegal format or missing URL\n'
	assert_stdout ''
	refute_request 1
	assert_files
}

@test "hostile: %0d%0a in a URL path stays encoded on the wire" {
	serve tests/data/ok.http
	hrun 5 "$URL/a%0d%0aX-B:%20b"
	assert_status 0
	assert_stderr ''
	assert_stdout $'hello\n'
	assert_request 1 tests/data/hostile-url-crlf.req
	assert_files
}

@test "hostile: %00 in a URL path stays encoded on the wire" {
	serve tests/data/ok.http
	hrun 5 "$URL/a%00b"
	assert_status 0
	assert_stderr ''
	assert_stdout $'hello\n'
	assert_request 1 tests/data/hostile-url-nul.req
	assert_files
}

@test "hostile: %00 in a URL host is exit 3" {
	serve tests/data/ok.http
	hrun 5 "http://127.0.0.1%00.example:$PORT/"
	assert_status 3
	assert_stderr $'hget: (3) URL using bad/illegal format or missing URL\n'
	assert_stdout ''
	refute_request 1
	assert_files
}

@test "hostile: %00 in URL user info is exit 3" {
	serve tests/data/ok.http
	hrun 5 "http://a%00b:c@127.0.0.1:$PORT/"
	assert_status 3
	assert_stderr $'hget: (3) URL using bad/illegal format or missing URL\n'
	assert_stdout ''
	refute_request 1
	assert_files
}

@test "hostile: %0d%0a in URL user info only reaches the wire in base64" {
	# as curl; unlike -u, which refuses CR/LF (RFC 7617), the URL's
	# decoded user name "a\r\nb" is sent, encoded, so nothing is split
	serve tests/data/ok.http
	hrun 5 "http://a%0d%0ab:c@127.0.0.1:$PORT/"
	assert_status 0
	assert_stderr ''
	assert_stdout $'hello\n'
	assert_request 1 tests/data/hostile-userinfo-crlf.req
	assert_files
}

@test "hostile: a bare CR in Location is exit 8, no redirect (curl: follows)" {
	# differs on purpose: curl follows to /a
	serve tests/data/hostile-loc-cr.http tests/data/ok.http
	hrun 5 -L "$URL/"
	assert_status 8
	assert_stderr $'hget: (8) Bare CR in header\n'
	assert_stdout ''
	assert_request 1 tests/data/hostile-get.req
	refute_request 2
	assert_files
}

@test "hostile: NUL in Location is exit 8, no redirect" {
	serve tests/data/hostile-loc-nul.http tests/data/ok.http
	hrun 5 -L "$URL/"
	assert_status 8
	assert_stderr $'hget: (8) Nul byte in header\n'
	assert_stdout ''
	assert_request 1 tests/data/hostile-get.req
	refute_request 2
	assert_files
}

@test "hostile: %0d%0a and %00 in Location stay encoded in the request line" {
	serve tests/data/hostile-loc-pct.http tests/data/ok.http
	hrun 5 -L "$URL/"
	assert_status 0
	assert_stderr ''
	assert_stdout $'hello\n'
	assert_request 1 tests/data/hostile-loc-pct.req
	assert_request 2 tests/data/hostile-loc-pct.req.2
	assert_files
}

# --- redirects -------------------------------------------------------

@test "hostile: a redirect loop stops after 50 redirects: exit 47" {
	serve -f "$(gen loop.steps)"
	hrun 5 -L "$URL/loop"
	assert_status 47
	assert_stderr $'hget: (47) Maximum (50) redirects followed\n'
	assert_stdout ''
	assert_request 1 tests/data/hostile-loop.req
	assert_request 51 tests/data/hostile-loop.req.2
	refute_request 52
	assert_files
}

# refused_scheme FIXTURE SCHEME: -L to a Location of another scheme is
# exit 1 and opens nothing: no second connection.
refused_scheme() {
	serve -n 2 "$1" tests/data/ok.http
	hrun 5 -L "$URL/"
	assert_status 1
	assert_stderr "hget: (1) Protocol \"$2\" not supported"$'\n'
	assert_stdout ''
	assert_request 1 tests/data/hostile-get.req
	refute_request 2
	assert_conns 1
	assert_files
}

@test "hostile: Location file:///etc/passwd is exit 1" {
	# curl: 'Protocol "file" not supported or disabled in libcurl'
	refused_scheme tests/data/hostile-loc-file.http file
}

@test "hostile: Location ftp:// is exit 1, nothing opened" {
	# differs on purpose: curl connects to the FTP URL (here hgserve's
	# port: a second connection, exit 56)
	refused_scheme tests/data/hostile-loc-ftp.http ftp
}

@test "hostile: Location gopher:// is exit 1" {
	refused_scheme tests/data/hostile-loc-gopher.http gopher
}

@test "hostile: a 10 KB Location is followed" {
	serve tests/data/hostile-loc-10k.http tests/data/ok.http
	hrun 5 -L "$URL/"
	assert_status 0
	assert_stderr ''
	assert_stdout $'hello\n'
	assert_request 1 tests/data/hostile-loc-10k.req
	assert_request 2 tests/data/hostile-loc-10k.req.2
	assert_files
}
