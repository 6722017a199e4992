#!/usr/bin/env bats
# tests/cli/content.bats: content and transfer codings (--compressed,
# --tr-encoding), the decoded-size cap (--max-decoded-size) and
# --max-filesize.
#
# Small responses are fixtures (tests/data/content-*.http, made with
# printf around bodies from gzip -n, zstd, python3's zlib.compress and a
# raw deflate compressobj(wbits=-15), over "hello, decoded world\n").  The
# brotli responses are built by setup_file around the unit tests' streams
# (tests/data/enc-*.br: no brotli encoder is installed), and so are the
# decompression bombs, written by printf from a few repeated bytes (see
# gen_gzip_bomb, gen_zstd_rle): no 200 MiB file is ever made.
#
# curl 7.88 was run by hand against the same responses; where hget differs
# on purpose, the test says so.

load helper

# Peak RSS allowed while a bomb is defused, in KiB (GNU time's %M): as
# tests/cli/hostile.bats, with room for ASan (about 13 MiB here).
MAX_RSS=32768
# "hello, decoded world\n", the plain text of the small fixtures
HELLO=$'hello, decoded world\n'

# mkresp OUT FIELDS BODY: a 200 response with FIELDS (CRLF-terminated
# lines, printf %b escapes) and BODY's bytes, with their Content-Length.
mkresp() {
	{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n'
	  printf '%b' "$2"
	  printf 'Content-Length: %d\r\n\r\n' "$(wc -c <"$3")"
	  cat "$3"; } >"$1"
}

# A deflate stream made by hand (RFC 1951 §3.2.6, fixed Huffman codes):
# BFINAL 1, BTYPE 01 and the literal 0 (bytes 0x63 and the first bits of
# the next), then copies of <length 258, distance 1> (13 bits each, 8 of
# them in 13 bytes: the repeated pattern), then end-of-block and padding.
# 102,400 patterns make 1 + 258 * 8 * 102400 = 211,353,601 zero bytes
# from 1.3 MB.  The gzip trailer is the CRC-32 of that many zeros,
# 0x86c54a28, and the length, 0x0c990001 (computed once with zlib's crc32,
# and the stream checked with gzip -t).
gen_gzip_bomb() {
	local p='\030\005\243\140\024\214\202\121\060\012\106\301\050' i

	printf '\037\213\010\000\000\000\000\000\000\003\143'
	# shellcheck disable=SC2059 # the pattern is the format
	printf "$p%.0s" $(seq 1024) >"$1.blk"
	for ((i = 0; i < 100; i++)); do
		cat "$1.blk"
	done
	rm -f "$1.blk"
	printf '\000\000\050\112\305\206\001\000\231\014'
}

# A zstd frame (RFC 8878) of N RLE blocks of 128 KiB zeros: magic, frame
# header descriptor 0 (a window descriptor, no content size, no checksum),
# window 2^17, then 3-byte block headers (RLE, 131072 bytes; the last one
# marked last) each followed by the byte to repeat.  1600 blocks: 200 MiB
# from 6,406 bytes.
gen_zstd_rle() {
	printf '\050\265\057\375\000\070'
	if (($1 > 1)); then
		printf '\002\000\020\000%.0s' $(seq $(($1 - 1)))
	fi
	printf '\003\000\020\000'
}

setup_file() {
	local g=$BATS_FILE_TMPDIR/gen

	mkdir -p "$g"
	# the plain text of enc-text.br and enc-gzip-br.br (t_decode.c)
	awk 'BEGIN { for (i = 0; i < 10000; i++)
	    printf "line %05d: the quick brown fox jumps over the lazy dog\n",
	    i }' >"$g/text"
	mkresp "$g/br.http" 'Content-Encoding: br\r\n' "$DATA/enc-hello.br"
	mkresp "$g/text-br.http" 'Content-Encoding: br\r\n' \
	    "$DATA/enc-text.br"
	mkresp "$g/gzip-br.http" 'Content-Encoding: gzip, br\r\n' \
	    "$DATA/enc-gzip-br.br"
	mkresp "$g/gzip-br-lines.http" \
	    'Content-Encoding: gzip\r\nContent-Encoding: br\r\n' \
	    "$DATA/enc-gzip-br.br"
	mkresp "$g/br-gzip.http" 'Content-Encoding: br, gzip\r\n' \
	    "$DATA/enc-gzip-br.br"
	# bombs: 200 MiB of zstd in 6 KB; 201 MiB of gzip in 1.3 MB, and
	# that gzipped again (2.7 KB, "gzip, gzip")
	gen_zstd_rle 1600 >"$g/bomb.zst"
	mkresp "$g/bomb-zstd.http" 'Content-Encoding: zstd\r\n' \
	    "$g/bomb.zst"
	gen_gzip_bomb "$g/bomb" >"$g/bomb.gz"
	mkresp "$g/bomb-gzip.http" 'Content-Encoding: gzip\r\n' "$g/bomb.gz"
	gzip -9 -n -c "$g/bomb.gz" >"$g/bomb.gz.gz"
	mkresp "$g/bomb-gzip2.http" 'Content-Encoding: gzip, gzip\r\n' \
	    "$g/bomb.gz.gz"
	rm -f "$g/bomb.gz"
	# brotli: 16 KB -> 10 GiB of zeros, made once with libbrotlienc
	# (quality 9, lgwin 22): no brotli encoder is needed at test time
	mkresp "$g/bomb-br.http" 'Content-Encoding: br\r\n' \
	    "$DATA/content-bomb-10g.br"
	# a moderate body: 5 MiB of zeros in 166 bytes of zstd
	gen_zstd_rle 40 >"$g/5m.zst"
	mkresp "$g/5m-zstd.http" 'Content-Encoding: zstd\r\n' "$g/5m.zst"
	head -c 5242880 /dev/zero >"$g/5m"
}

gen() {
	printf '%s\n' "$BATS_FILE_TMPDIR/gen/$1"
}

# The body of a fixture: what follows the empty line after its head.
body_of() {
	local f

	f=$(hg_path "$1")
	LC_ALL=C awk 'BEGIN { RS = "\r\n\r\n" } NR == 1 {
	    print length($0) + 4; exit }' "$f" | {
		read -r skip
		tail -c +$((skip + 1)) "$f"
	}
}

# assert_no_files: $T holds no file besides the test's own (out, err,
# rssf, rec*, expected.*, want.*): no output, partial or temporary, left
# behind.
assert_no_files() {
	local f names=()

	shopt -s nullglob dotglob
	for f in "$T"/*; do
		f=${f##*/}
		case $f in
		out | err | rssf | rec | rec.[0-9]* | expected.[0-9]* | \
		    want.out | want.err | want.body)
			continue ;;
		esac
		names+=("$f")
	done
	shopt -u nullglob dotglob
	((${#names[@]} == 0)) || fail "files left in \$T: ${names[*]}"
}

# brun SECS ARG...: hget_run under GNU time; fails unless hget took less
# than SECS seconds and peaked under MAX_RSS.
brun() {
	local secs=$1 t0 t1 rss

	shift
	status=0
	t0=$(date +%s%N)
	timeout -k 5 "$HGET_TIMEOUT" /usr/bin/time -f %M -o "$T/rssf" \
	    "$HGET" "$@" >"$T/out" 2>"$T/err" || status=$?
	t1=$(date +%s%N)
	# as hget_run: for the tests to read
	# shellcheck disable=SC2034
	output=$(tr -d '\0' <"$T/out")
	# shellcheck disable=SC2034
	stderr=$(tr -d '\0' <"$T/err")
	(((t1 - t0) / 1000000 < secs * 1000)) ||
	    fail "hget took $(((t1 - t0) / 1000000)) ms, limit $secs s"
	# time adds "Command exited with non-zero status N" before %M
	rss=$(tail -n 1 "$T/rssf")
	[[ $rss =~ ^[0-9]+$ ]] || fail "no RSS measured: $(cat "$T/rssf")"
	((rss < MAX_RSS)) || fail "hget peaked at $rss KiB, limit $MAX_RSS"
}

# --- each coding, decoded with --compressed --------------------------

@test "content: --compressed gzip is decoded; Accept-Encoding as curl's" {
	serve tests/data/content-gzip.http
	hget_run -sS --compressed "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

@test "content: x-gzip is gzip" {
	serve tests/data/content-xgzip.http
	hget_run -sS --compressed "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

@test "content: deflate in the zlib wrapper (RFC 1950)" {
	serve tests/data/content-deflate.http
	hget_run -sS --compressed "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

@test "content: deflate without the wrapper (raw RFC 1951), as curl" {
	serve tests/data/content-deflate-raw.http
	hget_run -sS --compressed "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

@test "content: br" {
	serve "$(gen br.http)"
	hget_run -sS --compressed "$URL/c"
	assert_status 0
	assert_stdout $'hello, brotli\n'
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

@test "content: br, 560,000 bytes from 11 KB sent in 997-byte pieces" {
	serve "$(gen text-br.http),split=997,gap=1"
	hget_run -sS --compressed -o page "$URL/c"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp "$(gen text)" page
	assert_request 1 tests/data/content-compressed.req
}

@test "content: zstd" {
	serve tests/data/content-zstd.http
	hget_run -sS --compressed "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

@test "content: identity is no coding" {
	serve tests/data/content-identity.http
	hget_run -sS --compressed "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

@test "content: coding names in any case (GZip), over chunked framing" {
	serve tests/data/content-gzip-chunked.http
	hget_run -sS --compressed "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

@test "content: an empty body labelled gzip is an empty body, exit 0" {
	serve tests/data/content-empty-gzip.http
	hget_run -sS --compressed -o f "$URL/c"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	[[ -f f && ! -s f ]] || fail "f should exist and be empty"
	assert_request 1 tests/data/content-compressed.req
}

@test "content: the decoded body goes to -o; -w size_download counts what came" {
	serve tests/data/content-gzip.http
	hget_run -sS --compressed -o f -w '%{size_download}\n' "$URL/c"
	assert_status 0
	# as curl: the bytes received (41), not the 21 decoded
	assert_stdout $'41\n'
	assert_stderr ''
	printf '%s' "$HELLO" >want.body
	cmp want.body f
	assert_request 1 tests/data/content-compressed.req
}

@test "content: -i --compressed shows the head as received, the body decoded" {
	serve tests/data/content-gzip.http
	hget_run -sS -i --compressed "$URL/c"
	assert_status 0
	assert_stdout $'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Length: 41\r\n\r\n'"$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

# --- stacked codings -------------------------------------------------

@test "content: stacked \"gzip, br\" is undone br first, then gzip" {
	serve "$(gen gzip-br.http)"
	hget_run -sS --compressed -o page "$URL/c"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp "$(gen text)" page
	assert_request 1 tests/data/content-compressed.req
}

@test "content: the same list over two Content-Encoding lines" {
	serve "$(gen gzip-br-lines.http)"
	hget_run -sS --compressed -o page "$URL/c"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp "$(gen text)" page
	assert_request 1 tests/data/content-compressed.req
}

@test "content: the list in the wrong order fails 61 as curl, no file" {
	serve "$(gen br-gzip.http)"
	hget_run -sS --compressed -o page "$URL/c"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Error while processing content unencoding: incorrect header check\n'
	assert_no_files
	assert_request 1 tests/data/content-compressed.req
}

@test "content: five stacked gzip codings are decoded" {
	serve tests/data/content-five.http
	hget_run -sS --compressed "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

@test "content: six stacked codings are refused, exit 61, nothing written" {
	serve tests/data/content-six.http
	hget_run -sS --compressed -o f "$URL/c"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Reject response due to more than 5 content encodings\n'
	assert_no_files
	assert_request 1 tests/data/content-compressed.req
}

@test "content: six codings over two Content-Encoding lines, exit 61" {
	serve tests/data/content-six-lines.http
	hget_run -sS --compressed "$URL/c"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Reject response due to more than 5 content encodings\n'
	assert_request 1 tests/data/content-compressed.req
}

# --- Accept-Encoding and no decoding ---------------------------------

@test "content: without --compressed no Accept-Encoding, the body as received" {
	serve tests/data/content-gzip.http
	hget_run -sS "$URL/c"
	assert_status 0
	body_of tests/data/content-gzip.http >want.body
	assert_stdout_file want.body
	assert_stderr ''
	assert_request 1 tests/data/content-plain.req
}

@test "content: -H Accept-Encoding alone sends it and decodes nothing" {
	serve tests/data/content-gzip.http
	hget_run -sS -H 'Accept-Encoding: gzip' "$URL/c"
	assert_status 0
	body_of tests/data/content-gzip.http >want.body
	assert_stdout_file want.body
	assert_stderr ''
	assert_request 1 tests/data/content-ae-custom.req
}

@test "content: --compressed with -H Accept-Encoding sends the user's, decodes" {
	serve tests/data/content-gzip.http
	hget_run -sS --compressed -H 'Accept-Encoding: gzip' "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-ae-custom.req
}

@test "content: --compressed with -H 'Accept-Encoding:' sends none, decodes" {
	serve tests/data/content-gzip.http
	hget_run -sS --compressed -H 'Accept-Encoding:' "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-ae-removed.req
}

# --- unknown, corrupt and truncated streams --------------------------

# Differs on purpose: curl 7.88 exits 61 "Unrecognized content encoding
# type. libcurl understands deflate, gzip, br, zstd content encodings."
# and writes nothing; hget warns and writes the body as it came.
@test "content: an unknown coding: a warning, the body raw, exit 0 (curl: 61)" {
	serve tests/data/content-unknown.http
	hget_run --compressed -o f "$URL/c"
	assert_status 0
	assert_stdout ''
	assert_stderr $'Warning: Unrecognized content encoding type snappy: the body is written as it \nWarning: came\n'
	body_of tests/data/content-unknown.http >want.body
	cmp want.body f
	assert_request 1 tests/data/content-compressed.req
}

@test "content: an unknown coding with -s: no warning, the body raw" {
	serve tests/data/content-unknown.http
	hget_run -s --compressed "$URL/c"
	assert_status 0
	body_of tests/data/content-unknown.http >want.body
	assert_stdout_file want.body
	assert_stderr ''
	assert_request 1 tests/data/content-compressed.req
}

@test "content: a corrupt gzip stream: exit 61 with curl's message" {
	serve tests/data/content-bad-gzip.http
	hget_run -sS --compressed "$URL/c"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Error while processing content unencoding: invalid block type\n'
	assert_request 1 tests/data/content-compressed.req
}

@test "content: a corrupt gzip stream with -o leaves no file" {
	serve tests/data/content-bad-gzip.http
	hget_run -sS --compressed -o f "$URL/c"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Error while processing content unencoding: invalid block type\n'
	assert_no_files
	assert_request 1 tests/data/content-compressed.req
}

# Differs on purpose: curl 7.88 takes a gzip stream cut short as complete
# (exit 0, and -o leaves the 19 bytes in the file).
@test "content: a truncated gzip stream: exit 61 after what decoded (curl: 0)" {
	serve tests/data/content-short-gzip.http
	hget_run -sS --compressed "$URL/c"
	assert_status 61
	assert_stdout 'hello, decoded worl'
	assert_stderr $'hget: (61) Error while processing content unencoding: unexpected end of gzip stream\n'
	assert_request 1 tests/data/content-compressed.req
}

@test "content: a truncated gzip stream with -o leaves no file (curl: 0)" {
	serve tests/data/content-short-gzip.http
	hget_run -sS --compressed -o f "$URL/c"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Error while processing content unencoding: unexpected end of gzip stream\n'
	assert_no_files
	assert_request 1 tests/data/content-compressed.req
}

# curl 7.88 also exits 23 with the decoded text on stdout; with -o it
# leaves that text in the file, hget leaves no file (its -o rule).
@test "content: bytes after the end of a gzip stream: exit 23 as curl" {
	serve tests/data/content-gzip-trail.http
	hget_run -sS --compressed "$URL/c"
	assert_status 23
	assert_stdout "$HELLO"
	assert_stderr $'hget: (23) Failed writing received data to disk/application\n'
	assert_request 1 tests/data/content-compressed.req
}

# --- decompression bombs and --max-decoded-size (hget's own option) --
# curl 7.88 has no such cap: it writes all 200 MiB of each bomb.

@test "content: a zstd bomb (6 KB -> 200 MiB) stops at --max-decoded-size 1M" {
	serve "$(gen bomb-zstd.http)"
	brun 10 -sS --compressed --max-decoded-size 1M -o f "$URL/c"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Decoded body exceeds --max-decoded-size of 1048576 bytes\n'
	assert_no_files
	assert_request 1 tests/data/content-compressed.req
}

@test "content: a nested gzip bomb (\"gzip, gzip\", 3 KB -> 201 MiB) stops at 1M" {
	serve "$(gen bomb-gzip2.http)"
	brun 10 -sS --compressed --max-decoded-size 1M -o f "$URL/c"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Decoded body exceeds --max-decoded-size of 1048576 bytes\n'
	assert_no_files
	assert_request 1 tests/data/content-compressed.req
}

@test "content: a brotli bomb (16 KB -> 10 GiB) stops at --max-decoded-size 1M" {
	serve "$(gen bomb-br.http)"
	brun 10 -sS --compressed --max-decoded-size 1M -o f "$URL/c"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Decoded body exceeds --max-decoded-size of 1048576 bytes\n'
	assert_no_files
	assert_request 1 tests/data/content-compressed.req
}

@test "content: a gzip bomb to stdout: exactly the cap goes out, then 61" {
	serve "$(gen bomb-gzip.http)"
	brun 10 -sS --compressed --max-decoded-size 1M "$URL/c"
	assert_status 61
	head -c 1048576 /dev/zero >want.body
	assert_stdout_file want.body
	assert_stderr $'hget: (61) Decoded body exceeds --max-decoded-size of 1048576 bytes\n'
	assert_request 1 tests/data/content-compressed.req
}

@test "content: --max-decoded-size 0 lifts the cap on a 5 MiB body" {
	serve "$(gen 5m-zstd.http)"
	hget_run -sS --compressed --max-decoded-size 0 -o f "$URL/c"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp "$(gen 5m)" f
	assert_request 1 tests/data/content-compressed.req
}

@test "content: --max-decoded-size exactly the body's size passes" {
	serve "$(gen 5m-zstd.http)"
	hget_run -sS --compressed --max-decoded-size 5M -o f "$URL/c"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp "$(gen 5m)" f
	assert_request 1 tests/data/content-compressed.req
}

@test "content: --max-decoded-size one byte short fails 61, no file" {
	serve "$(gen 5m-zstd.http)"
	hget_run -sS --compressed --max-decoded-size 5242879 -o f "$URL/c"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Decoded body exceeds --max-decoded-size of 5242879 bytes\n'
	assert_no_files
	assert_request 1 tests/data/content-compressed.req
}

# --- transfer codings ------------------------------------------------

@test "content: --tr-encoding sends TE: gzip and Connection: TE; decodes" {
	serve tests/data/content-te-gzip.http
	hget_run -sS --tr-encoding "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-te.req
}

@test "content: --tr-encoding adds TE to a -H Connection value" {
	serve tests/data/content-te-gzip.http
	hget_run -sS --tr-encoding -H 'Connection: keep-alive' "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-te-conn.req
}

@test "content: --tr-encoding with --compressed: both fields, as curl" {
	serve tests/data/content-te-gzip.http
	hget_run -sS --tr-encoding --compressed "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-te-compressed.req
}

# curl 7.88 undoes transfer codings whether or not it asked for them
# (CURLOPT_HTTP_TRANSFER_DECODING is on by default; --tr-encoding only
# adds TE to the request): a transfer coding is not part of the content
# (RFC 9112 §6.1), so writing it out raw would be writing the wrong bytes.
# (hget, as this is written, undoes them only under --tr-encoding: reported.)
@test "content: Transfer-Encoding: gzip, chunked is undone even unasked, as curl" {
	serve tests/data/content-te-gzip.http
	hget_run -sS "$URL/c"
	assert_status 0
	assert_stdout "$HELLO"
	assert_stderr ''
	assert_request 1 tests/data/content-plain.req
}

# --- --max-filesize --------------------------------------------------

@test "content: --max-filesize under Content-Length: exit 63, no file" {
	serve tests/data/content-len100.http
	hget_run -sS --max-filesize 50 -o f "$URL/c"
	assert_status 63
	assert_stdout ''
	assert_stderr $'hget: (63) Maximum file size exceeded\n'
	assert_no_files
	assert_request 1 tests/data/content-plain.req
}

@test "content: --max-filesize under Content-Length to stdout: nothing written" {
	serve tests/data/content-len100.http
	hget_run -sS --max-filesize 99 "$URL/c"
	assert_status 63
	assert_stdout ''
	assert_stderr $'hget: (63) Maximum file size exceeded\n'
	assert_request 1 tests/data/content-plain.req
}

@test "content: --max-filesize equal to Content-Length passes" {
	serve tests/data/content-len100.http
	hget_run -sS --max-filesize 100 -o f "$URL/c"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	body_of tests/data/content-len100.http >want.body
	cmp want.body f
	assert_request 1 tests/data/content-plain.req
}

# Differs on purpose: curl 7.88 checks --max-filesize against
# Content-Length only, and writes a chunked body of any size (exit 0).
@test "content: a chunked body passing --max-filesize: exit 63, no file (curl: 0)" {
	serve tests/data/content-chunk100.http
	hget_run -sS --max-filesize 50 -o f "$URL/c"
	assert_status 63
	assert_stdout ''
	assert_stderr $'hget: (63) Maximum file size exceeded\n'
	assert_no_files
	assert_request 1 tests/data/content-plain.req
}

@test "content: a chunked body of exactly --max-filesize passes" {
	serve tests/data/content-chunk100.http
	hget_run -sS --max-filesize 100 -o f "$URL/c"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	for i in 1 2 3 4 5 6 7 8 9 10; do
		printf 'line %03d.\n' "$i"
	done >want.body
	cmp want.body f
	assert_request 1 tests/data/content-plain.req
}

# Differs on purpose: the cap applies to the bytes written, decoded; curl
# 7.88 compares only Content-Length (11369 here) and writes 560,000 bytes.
@test "content: --compressed body decoding past --max-filesize: 63 (curl: 0)" {
	serve "$(gen text-br.http)"
	hget_run -sS --compressed --max-filesize 20000 -o f "$URL/c"
	assert_status 63
	assert_stdout ''
	assert_stderr $'hget: (63) Maximum file size exceeded\n'
	assert_no_files
	assert_request 1 tests/data/content-compressed.req
}
