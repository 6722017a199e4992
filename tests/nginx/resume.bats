#!/usr/bin/env bats
# tests/nginx/resume.bats: resuming, ranges and conditions against a real
# nginx, which does ranges (206, multipart, 416), Last-Modified with
# If-Modified-Since / If-Unmodified-Since, and ETag with If-None-Match
# natively.  Every result was checked by hand against curl 7.88 with the
# same commands and the same nginx.

load nginx

HALF=10485760			# 10 MiB: the first half of big.bin

setup_file() {
	nginx_start
	head -c 20971520 /dev/urandom >"$NGX/www/big.bin"
	head -c "$HALF" "$NGX/www/big.bin" >"$BATS_FILE_TMPDIR/half.bin"
	export NGX NGINX_PORT NGINX_URL
}

teardown_file() {
	nginx_stop
}

# hget writes its files in $W, so a listing shows any temporary left.
setup() {
	hg_setup
	W=$T/w
	mkdir "$W"
	cd "$W" || return 1
}

# big.bin's Last-Modified, as nginx sends it (from the file's mtime).
big_lastmod() {
	LC_ALL=C date -u -d "@$(stat -c %Y "$NGX/www/big.bin")" \
	    '+%a, %d %b %Y %H:%M:%S GMT'
}

# assert_same FILE: FILE is big.bin byte for byte.
assert_same() {
	cmp "$NGX/www/big.bin" "$1" || fail "$1 differs from big.bin"
}

# assert_listing NAME...: $W holds exactly these files.
assert_listing() {
	local want got

	want=$(printf '%s\n' "$@" | sort)
	got=$(ls -A "$W" | sort)
	[[ $got == "$want" ]] ||
	    fail "$(printf 'files in w: %s\nexpected:   %s' "$got" "$want")"
}

@test "nginx: first half with -r, the rest with -C -: identical (cmp)" {
	hget_run -sS -r 0-$((HALF - 1)) -o f -w '%{http_code}' \
	    "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout 206
	assert_stderr ''
	cmp "$BATS_FILE_TMPDIR/half.bin" f || fail "f is not the first half"

	hget_run -sS -C - -o f -w '%{http_code} %{size_download}' \
	    "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout "206 $HALF"
	assert_stderr ''
	assert_same f
	assert_listing f
}

@test "nginx: -C - killed halfway, then -C - again: identical (cmp)" {
	# -C writes in place, so an interrupted transfer keeps its part (a
	# plain -o would leave nothing: its temporary file goes on a signal)
	timeout -s INT 2 "$HGET" -sS --limit-rate 4M -C - -o f \
	    "$NGINX_URL/big.bin" 2>"$T/err1" && fail "not interrupted"
	[[ -s f ]] || fail "nothing kept from the first attempt"
	local part
	part=$(stat -c %s f)
	((part > 0 && part < 20971520)) || fail "first attempt kept $part bytes"
	cmp -n "$part" "$NGX/www/big.bin" f || fail "the part is not big.bin's"
	assert_listing f

	hget_run -sS -C - -o f -w '%{http_code} %{size_download}' \
	    "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout "206 $((20971520 - part))"
	assert_stderr ''
	assert_same f
	assert_listing f
}

@test "nginx: -C - on a complete file: 416, exit 0, file untouched" {
	cp "$NGX/www/big.bin" f
	touch -d @1000000000 f
	hget_run -sS -C - -o f -w '%{http_code}' "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout 416
	assert_stderr ''
	assert_same f
	[[ $(stat -c %Y f) == 1000000000 ]] || fail "f's mtime changed"
	assert_listing f
}

# Deliberate: curl -m 1 leaves the part it got in f (exit 28 too); hget's
# temporary file goes, so nothing remains and -C - starts from byte 0.
@test "nginx: a download cut by -m leaves nothing; -C - then gets it all" {
	hget_run -sS -m 1 --limit-rate 2M -o f "$NGINX_URL/big.bin"
	assert_status 28
	assert_stdout ''
	# shellcheck disable=SC2154 # set by hget_run
	[[ $stderr =~ ^'hget: (28) Operation timed out after '[0-9]+' milliseconds with '[0-9]+' out of 20971520 bytes received'$ ]] ||
	    fail "stderr: $stderr"
	assert_listing

	hget_run -sS -C - -o f -w '%{http_code}' "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout 200
	assert_stderr ''
	assert_same f
	assert_listing f
}

@test "nginx: -r 0-0,-1: the multipart/byteranges body written as it came" {
	local b

	hget_run -sS -r 0-0,-1 -o f -w '%{http_code} %{content_type}' \
	    "$NGINX_URL/big.bin"
	assert_status 0
	assert_stderr ''
	[[ $output =~ ^'206 multipart/byteranges; boundary='([0-9]+)$ ]] ||
	    fail "stdout: $output"
	b=${BASH_REMATCH[1]}
	{
		printf '\r\n--%s\r\nContent-Type: application/octet-stream\r\n' "$b"
		printf 'Content-Range: bytes 0-0/20971520\r\n\r\n'
		head -c 1 "$NGX/www/big.bin"
		printf '\r\n--%s\r\nContent-Type: application/octet-stream\r\n' "$b"
		printf 'Content-Range: bytes 20971519-20971519/20971520\r\n\r\n'
		tail -c 1 "$NGX/www/big.bin"
		printf '\r\n--%s--\r\n' "$b"
	} >"$T/multi"
	hg_cmp f "$T/multi" f
	assert_listing f
}

@test "nginx: -z with nginx's Last-Modified: 304, exit 0, -o file untouched" {
	printf 'old\n' >f
	touch -d @1000000000 f
	hget_run -sS -z "$(big_lastmod)" -o f -w '%{http_code}' \
	    "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout 304
	assert_stderr ''
	[[ $(cat f) == old && $(stat -c %Y f) == 1000000000 ]] ||
	    fail "f was touched"
	assert_listing f
}

@test "nginx: -z a day before Last-Modified: 200, the whole file" {
	local t

	t=$(($(stat -c %Y "$NGX/www/big.bin") - 86400))
	hget_run -sS -z "$(LC_ALL=C date -u -d "@$t" '+%a, %d %b %Y %H:%M:%S GMT')" \
	    -o f -w '%{http_code}' "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout 200
	assert_stderr ''
	assert_same f
	assert_listing f
}

@test "nginx: -z FILE with the same mtime: 304, no body on stdout" {
	touch -r "$NGX/www/big.bin" "$T/ref"
	hget_run -sS -z "$T/ref" -w '%{http_code}' "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout 304
	assert_stderr ''
	assert_listing
}

@test "nginx: -z -DATE before Last-Modified: 412, its page written as curl" {
	hget_run -sS -z '-Sun, 06 Nov 1994 08:49:37 GMT' -o f \
	    -w '%{http_code}' "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout 412
	assert_stderr ''
	grep -q '<title>412 Precondition Failed</title>' f ||
	    fail "f: $(cat f)"
	assert_listing f
}

@test "nginx: --etag-save then --etag-compare: 304, exit 0" {
	hget_run -sS --etag-save e -o f "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_same f
	# nginx's ETag: "mtime-size" in hex
	printf '"%x-%x"\n' "$(stat -c %Y "$NGX/www/big.bin")" 20971520 \
	    >"$T/etag"
	hg_cmp e "$T/etag" e

	touch -d @1000000000 f
	hget_run -sS --etag-compare e -o f -w '%{http_code}' \
	    "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout 304
	assert_stderr ''
	assert_same f
	[[ $(stat -c %Y f) == 1000000000 ]] || fail "f's mtime changed"
	assert_listing e f
}

@test "nginx: -R: the file's mtime is nginx's Last-Modified" {
	hget_run -sS -R -o f "$NGINX_URL/big.bin"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_same f
	[[ $(stat -c %Y f) == $(stat -c %Y "$NGX/www/big.bin") ]] ||
	    fail "mtime $(stat -c %Y f), expected $(stat -c %Y "$NGX/www/big.bin")"
	assert_listing f
}
