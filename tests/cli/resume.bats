#!/usr/bin/env bats
# tests/cli/resume.bats: resuming (-C N, -C -), ranges (-r), time
# conditions (-z DATE, -z FILE, -z -DATE), the server's time on the file
# (-R) and the ETag pair (--etag-save, --etag-compare).
#
# Every expectation was checked by hand against curl 7.88 with the same
# command and the same hgserve steps; where hget differs on purpose the test
# says so (see also /work/notes/differences.md).  Requests are compared with
# what curl sent for the same command (tests/data/resume-*.req, made by
# tests/record-curl.sh).  The whole document is "hello world\n" (12 bytes);
# a half-done download of it is "hello " (6 bytes).

load helper

P206=$DATA/resume-206.http	# 206, Content-Range: bytes 6-11/12, "world\n"
P206AT0=$DATA/resume-206-at0.http # 206, Content-Range: bytes 0-11/12, all of it
FULL=$DATA/resume-200.http	# 200, Content-Length: 12, no Last-Modified
P416=$DATA/resume-416.http	# 416, Content-Range: bytes */12, an HTML body
P404=$DATA/resume-404.http	# 404, "not found\n"
P412=$DATA/resume-412.http	# 412, "precondition\n"
RANGE=$DATA/resume-range.http	# 206, Content-Range: bytes 0-4/12, "hello"
MULTI=$DATA/resume-multi.http	# 206 multipart/byteranges (bytes 0 and 11)
P304=$DATA/resume-304.http	# 304, ETag "v1-abc", no body
LMOLD=$DATA/resume-lm-old.http	# 200, Last-Modified: 06 Nov 1994 08:49:37
LM=$DATA/resume-lm.http		# 200, Last-Modified: 21 Oct 2015 07:28:00,
				# ETag: "v1-abc"

ZDATE='Sun, 06 Nov 1994 08:49:37 GMT'
ZDATE_T=784111777		# $ZDATE in seconds since the epoch
LM_T=1445412480			# Wed, 21 Oct 2015 07:28:00 GMT
OLD_T=1000000000		# the mtime a file that must stay alone gets

# hget writes its files in $W, a directory of its own inside $T: listing
# it shows every file hget made (the helpers keep out, err, rec in $T).
setup() {
	hg_setup
	W=$T/w
	mkdir "$W"
	cd "$W" || return 1
}

# have FILE TEXT: FILE holds TEXT and an old mtime.
have() {
	printf '%s' "$2" >"$1"
	touch -d "@$OLD_T" "$1"
}

# assert_file FILE TEXT: FILE holds exactly TEXT.
assert_file() {
	printf '%s' "$2" >"$T/want.file"
	hg_cmp "$1" "$T/want.file" "$1"
}

# assert_alone FILE TEXT: FILE still holds TEXT, and its old mtime.
assert_alone() {
	assert_file "$1" "$2"
	[[ $(stat -c %Y "$1") == "$OLD_T" ]] ||
	    fail "$1: mtime $(stat -c %Y "$1"), expected $OLD_T (untouched)"
}

# assert_listing NAME...: $W holds exactly these files (no temp left).
assert_listing() {
	local want got

	want=$(printf '%s\n' "$@" | sort)
	got=$(ls -A "$W" | sort)
	[[ $got == "$want" ]] ||
	    fail "$(printf 'files in w: %s\nexpected:   %s' "$got" "$want")"
}

# ---------------------------------------------------------------- -C

@test "-C N: Range bytes=N- as curl's, the 206 part appended" {
	have f 'hello '
	serve -n 1 "$P206"
	hget_run -sS -C 6 -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-c6.req
	assert_file f $'hello world\n'
	assert_listing f
}

@test "-C -: the offset is the file's size; the 206 part appended" {
	have f 'hello '
	serve -n 1 "$P206"
	hget_run -sS -C - -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-cdash.req
	assert_file f $'hello world\n'
	assert_listing f
}

@test "-C - answered 200: exit 33 with curl's text, the file as it was" {
	have f 'hello '
	serve -n 1 "$FULL"
	hget_run -sS -C - -o f "$URL/f.txt"
	assert_status 33
	assert_stdout ''
	assert_stderr $'hget: (33) HTTP server doesn\'t seem to support byte ranges. Cannot resume.\n'
	assert_request 1 tests/data/resume-cdash.req
	assert_alone f 'hello '
	assert_listing f
}

@test "-C N to stdout answered 200: exit 33, nothing on stdout" {
	serve -n 1 "$FULL"
	hget_run -sS -C 6 "$URL/f.txt"
	assert_status 33
	assert_stdout ''
	assert_stderr $'hget: (33) HTTP server doesn\'t seem to support byte ranges. Cannot resume.\n'
	assert_request 1 tests/data/resume-c6-stdout.req
	assert_listing
}

@test "-C - on a complete file answered 416: exit 0, file untouched" {
	have f $'hello world\n'
	serve -n 1 "$P416"
	hget_run -sS -C - -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-cdash-full.req
	# the 416's HTML body is not appended (curl ignores it too)
	assert_alone f $'hello world\n'
	assert_listing f
}

@test "-C N to stdout answered 416: exit 0, no body" {
	serve -n 1 "$P416"
	hget_run -sS -C 12 "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-c12-stdout.req
	assert_listing
}

# curl 7.88: when a server ignores the Range and its 200 has a
# Content-Length equal to the offset, "The entire document is already
# downloaded" (-v): exit 0, the file left as it is.
@test "-C - on a complete file answered 200 of the same length: exit 0 as curl" {
	have f $'hello world\n'
	serve -n 1 "$FULL"
	hget_run -sS -C - -o f "$URL/f.txt"
	assert_stderr ''
	assert_status 0
	assert_stdout ''
	assert_request 1 tests/data/resume-cdash-full.req
	assert_alone f $'hello world\n'
	assert_listing f
}

# exit 33 with curl's words, as curl
@test "-C -: a 206 starting at another byte is exit 33, file untouched" {
	have f 'hello '
	serve -n 1 "$P206AT0"
	hget_run -sS -C - -o f "$URL/f.txt"
	assert_status 33
	assert_stdout ''
	assert_stderr $'hget: (33) HTTP server doesn\'t seem to support byte ranges. Cannot resume.\n'
	assert_request 1 tests/data/resume-cdash.req
	assert_alone f 'hello '
	assert_listing f
}

# exit 33 with curl's words, as curl (a 404 has no Content-Range either)
@test "-C - answered 404: exit 33, the error body never reaches the file" {
	have f 'hello '
	serve -n 1 "$P404"
	hget_run -sS -C - -o f "$URL/f.txt"
	assert_status 33
	assert_stdout ''
	assert_stderr $'hget: (33) HTTP server doesn\'t seem to support byte ranges. Cannot resume.\n'
	assert_request 1 tests/data/resume-cdash.req
	assert_alone f 'hello '
	assert_listing f
}

@test "-C - -f answered 404: exit 22 as curl, file untouched" {
	have f 'hello '
	serve -n 1 "$P404"
	hget_run -sS -f -C - -o f "$URL/f.txt"
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 1 tests/data/resume-cdash.req
	assert_alone f 'hello '
	assert_listing f
}

# Deliberate: curl sends Range: bytes=6- and appends "world\n" to the
# 3-byte file ("helworld\n"); hget refuses before connecting.
@test "-C N with a file of another size: exit 36, no request (deliberate)" {
	have f 'hel'
	serve -n 1 "$P206"
	hget_run -sS -C 6 -o f "$URL/f.txt"
	assert_status 36
	assert_stdout ''
	assert_stderr $'hget: (36) Cannot resume: f has 3 bytes, not 6\n'
	refute_request 1
	assert_alone f 'hel'
	assert_listing f
}

@test "-C N to stdout: Range sent, the 206 part on stdout" {
	serve -n 1 "$P206"
	hget_run -sS -C 6 "$URL/f.txt"
	assert_status 0
	assert_stdout $'world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-c6-stdout.req
	assert_listing
}

@test "-C - with no file yet: no Range, the whole body written" {
	serve -n 1 "$FULL"
	hget_run -sS -C - -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-cdash-nofile.req
	assert_file f $'hello world\n'
	assert_listing f
}

@test "-C - with an empty file: no Range, the whole body written" {
	have f ''
	serve -n 1 "$FULL"
	hget_run -sS -C - -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-cdash-nofile.req
	assert_file f $'hello world\n'
	assert_listing f
}

@test "-C N with no file yet: Range sent, the 206 part is the new file" {
	serve -n 1 "$P206"
	hget_run -sS -C 6 -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-c6.req
	assert_file f $'world\n'
	assert_listing f
}

# ---------------------------------------------------------------- -r

@test "-r 0-499: Range bytes=0-499 as curl's, the 206 body on stdout" {
	serve -n 1 "$RANGE"
	hget_run -sS -r 0-499 "$URL/f.txt"
	assert_status 0
	assert_stdout 'hello'
	assert_stderr ''
	assert_request 1 tests/data/resume-r-first.req
}

@test "-r 500-: Range bytes=500- as curl's" {
	serve -n 1 "$RANGE"
	hget_run -sS -r 500- "$URL/f.txt"
	assert_status 0
	assert_stdout 'hello'
	assert_stderr ''
	assert_request 1 tests/data/resume-r-from.req
}

@test "-r -500: Range bytes=-500 (a suffix) as curl's" {
	serve -n 1 "$RANGE"
	hget_run -sS -r -500 "$URL/f.txt"
	assert_status 0
	assert_stdout 'hello'
	assert_stderr ''
	assert_request 1 tests/data/resume-r-suffix.req
}

@test "-r 0-0,-1: sent raw; the multipart 206 body written as it came" {
	serve -n 1 "$MULTI"
	hget_run -sS -r 0-0,-1 -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-r-multi.req
	# the body is the last 145 bytes of the fixture (its Content-Length)
	tail -c 145 "$MULTI" >"$T/multi.body"
	hg_cmp f "$T/multi.body" f
	assert_listing f
}

@test "-r 500: curl's warning, then bytes=500-" {
	serve -n 1 "$RANGE"
	hget_run -r 500 "$URL/f.txt"
	assert_status 0
	assert_stdout 'hello'
	assert_stderr $'Warning: A specified range MUST include at least one dash (-). Appending one \nWarning: for you!\n'
	assert_request 1 tests/data/resume-r-bare.req
}

@test "-r a-b: curl's warning, sent as written" {
	serve -n 1 "$RANGE"
	hget_run -r a-b "$URL/f.txt"
	assert_status 0
	assert_stdout 'hello'
	assert_stderr $'Warning: Invalid character is found in given range. A specified range MUST \nWarning: have only digits in \'start\'-\'stop\'. The server\'s response to this \nWarning: request is uncertain.\n'
	assert_request 1 tests/data/resume-r-junk.req
}

@test "-r answered 200: the whole body written, as curl" {
	serve -n 1 "$FULL"
	hget_run -sS -r 0-499 "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-r-first.req
}

# ---------------------------------------------------------------- -z

@test "-z RFC 1123 date: If-Modified-Since as curl's" {
	serve -n 1 "$FULL"
	hget_run -sS -z "$ZDATE" "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-z-1123.req
}

@test "-z RFC 850 date: If-Modified-Since as curl's" {
	serve -n 1 "$FULL"
	hget_run -sS -z 'Sunday, 06-Nov-94 08:49:37 GMT' "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-z-850.req
}

@test "-z asctime date: If-Modified-Since as curl's" {
	serve -n 1 "$FULL"
	hget_run -sS -z 'Sun Nov  6 08:49:37 1994' "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-z-asctime.req
}

@test "-z FILE: If-Modified-Since is the file's mtime" {
	have ref x
	touch -d "@$ZDATE_T" ref
	serve -n 1 "$FULL"
	hget_run -sS -z ref "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-z-file.req
}

@test "-z -DATE: If-Unmodified-Since as curl's" {
	serve -n 1 "$FULL"
	hget_run -sS -z "-$ZDATE" "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-z-unmod.req
}

@test "-z =DATE: a Last-Modified request field, as curl 7.88 sends" {
	serve -n 1 "$FULL"
	hget_run -sS -z "=$ZDATE" "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-z-lastmod.req
}

@test "-z with neither a date nor a file: curl's warning, no condition" {
	serve -n 1 "$FULL"
	hget_run -z notadate "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr $'Warning: Illegal date format for -z, --time-cond (and not a file name). \nWarning: Disabling time condition. See curl_getdate(3) for valid date syntax.\n'
	assert_request 1 tests/data/resume-z-bad.req
}

@test "-z answered 304: exit 0, nothing on stdout" {
	serve -n 1 "$P304"
	hget_run -sS -z "$ZDATE" "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-z-1123.req
}

@test "-z answered 304: an existing -o file untouched (content and mtime)" {
	have f $'old\n'
	serve -n 1 "$P304"
	hget_run -sS -z "$ZDATE" -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-z-1123.req
	assert_alone f $'old\n'
	assert_listing f
}

@test "-z answered 304 with no -o file yet: none made (as curl)" {
	serve -n 1 "$P304"
	hget_run -sS -z "$ZDATE" -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-z-1123.req
	assert_listing
}

@test "-z: a 200 with an older Last-Modified is dropped, as curl" {
	serve -n 1 "$LMOLD"
	hget_run -sS -z 'Mon, 07 Nov 1994 08:49:37 GMT' "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-z-later.req
}

@test "-z: a 200 with the same Last-Modified is dropped; -o file untouched" {
	have f $'old\n'
	serve -n 1 "$LMOLD"
	hget_run -sS -z "$ZDATE" -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-z-1123.req
	assert_alone f $'old\n'
	assert_listing f
}

@test "-z: a 200 with a newer Last-Modified is written" {
	serve -n 1 "$LM"
	hget_run -sS -z "$ZDATE" "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-z-1123.req
}

@test "-z -DATE: a 200 with a newer Last-Modified is dropped, as curl" {
	serve -n 1 "$LM"
	hget_run -sS -z "-$ZDATE" "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-z-unmod.req
}

@test "-z -DATE: a 200 with an older Last-Modified is written" {
	serve -n 1 "$LMOLD"
	hget_run -sS -z '-Wed, 21 Oct 2015 07:28:00 GMT' "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-z-unmod-2015.req
}

@test "-z -DATE answered 412: its body written, exit 0, as curl" {
	have f $'old\n'
	serve -n 1 "$P412"
	hget_run -sS -z '-Wed, 21 Oct 2015 07:28:00 GMT' -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-z-unmod-2015.req
	assert_file f $'precondition\n'
	assert_listing f
}

# ---------------------------------------------------------------- -R

@test "-R: the file's mtime is the Last-Modified" {
	serve -n 1 "$LM"
	hget_run -sS -R -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-R.req
	assert_file f $'hello world\n'
	[[ $(stat -c %Y f) == "$LM_T" ]] ||
	    fail "mtime $(stat -c %Y f), expected $LM_T"
	assert_listing f
}

@test "-R without Last-Modified: the file keeps the time it was written" {
	local start

	start=$(date +%s)
	serve -n 1 "$FULL"
	hget_run -sS -R -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-R.req
	assert_file f $'hello world\n'
	(($(stat -c %Y f) >= start - 1)) ||
	    fail "mtime $(stat -c %Y f), expected the time of the run ($start)"
	assert_listing f
}

@test "-R to stdout: the body as usual" {
	serve -n 1 "$LM"
	hget_run -sS -R "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-plain.req
	assert_listing
}

# ---------------------------------------------------------------- ETag

@test "--etag-save: the ETag and a newline, as curl writes it" {
	serve -n 1 "$LM"
	hget_run -sS --etag-save fe "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-etag-save.req
	assert_file fe $'"v1-abc"\n'
	assert_listing fe
}

@test "--etag-save of a response without ETag: the file emptied, as curl" {
	have fe $'"old"\n'
	serve -n 1 "$FULL"
	hget_run -sS --etag-save fe "$URL/f.txt"
	assert_status 0
	assert_stdout $'hello world\n'
	assert_stderr ''
	assert_request 1 tests/data/resume-etag-save.req
	assert_file fe ''
	assert_listing fe
}

@test "--etag-compare: If-None-Match as curl's; 304 -> exit 0, no body" {
	have fe $'"v1-abc"\n'
	serve -n 1 "$P304"
	hget_run -sS --etag-compare fe "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-etag-cmp.req
	assert_alone fe $'"v1-abc"\n'
	assert_listing fe
}

# curl 7.88 exits 26 too, printing nothing under -sS ("curl: Failed to
# open fe" without -s); hget reports it as any failure.
@test "--etag-compare with a missing file and no --etag-save: exit 26" {
	serve -n 1 "$FULL"
	hget_run -sS --etag-compare fe "$URL/f.txt"
	assert_status 26
	assert_stdout ''
	assert_stderr $'hget: (26) Failed to open fe: No such file or directory\n'
	refute_request 1
	assert_listing
}

@test "--etag-compare + --etag-save round trip: If-None-Match \"\", then the ETag, then 304" {
	serve -n 2 "$LM" "$P304"
	hget_run -sS --etag-compare fe --etag-save fe -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/resume-etag-first.req
	assert_file f $'hello world\n'
	assert_file fe $'"v1-abc"\n'
	touch -d "@$OLD_T" f

	hget_run -sS --etag-compare fe --etag-save fe -o f "$URL/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_request 2 tests/data/resume-etag-cmp.req
	assert_alone f $'hello world\n'
	assert_file fe $'"v1-abc"\n'
	assert_listing f fe
}
