#!/usr/bin/env bats
# tests/cli/naming.bats: the names output files get: -O -J and the
# Content-Disposition field (filename, filename*, directory parts, leading
# dots, control bytes, a 10 KB name, an existing file), -J without -O,
# --no-clobber (name.1, name.2, ...), --remove-on-error after a failed
# resumed transfer, --output-dir with -J.
#
# Every case was run by hand with curl 7.88 (`curl -sS ...`, the same
# hgserve steps, a fresh directory); where hget differs on purpose the test
# says so.  hget takes filename* (RFC 6266 §4.3: it wins over filename)
# and refuses names that are hidden, too long or hold a control byte,
# falling back to the URL's name; curl 7.88 reads filename= only and
# creates what is left after the last '/' or '\'.
# Requests are compared with what curl sent: naming-get.req is `curl -OJ
# $URL/dir/url-name.txt` (-O and -J change nothing in the request),
# naming-name.req `curl -O $URL/dir/name`, naming-resume.req `curl -C -
# -o f $URL/r` with a 20-byte f.

load helper

URLNAME=dir/url-name.txt	# the path every -J case asks for
GET=tests/data/naming-get.req
NAME=tests/data/naming-name.req
RESUME=tests/data/naming-resume.req
RANGE=$DATA/retry-206.http	# 206, bytes 20-39/40, the second 20 bytes

# hget runs in $W/sub: the listings of $W and $W/sub show every file hget
# made, also one a ../ name would have put next to sub (the helpers keep
# out, err and rec in $T).
setup() {
	hg_setup
	W=$T/w
	mkdir -p "$W/sub"
	cd "$W/sub" || return 1
}

# assert_ls DIR NAME...: DIR holds exactly these names, dot files included.
assert_ls() {
	local dir=$1

	shift
	assert_equal "$(find "$dir" -mindepth 1 -maxdepth 1 -printf '%f\n' |
	    LC_ALL=C sort | tr '\n' ' ')" \
	    "$(for n in "$@"; do printf '%s ' "$n"; done)"
}

# assert_file FILE TEXT: FILE holds exactly TEXT.
assert_file() {
	[[ -f $1 ]] || fail "$1 does not exist"
	printf '%s' "$2" >"$T/want.file"
	hg_cmp "$1" "$T/want.file" "$1"
}

# oj FIXTURE: serve naming-FIXTURE.http once, run hget -sS -O -J on it.
oj() {
	serve -n 1 "$DATA/naming-$1.http"
	hget_run -sS -O -J "$URL/$URLNAME"
}

# saved NAME: the -J case succeeded, silently, into $W/sub/NAME alone,
# with the one request curl makes.
saved() {
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/sub/$1" $'body\n'
	assert_ls "$W/sub" "$1"
	assert_ls "$W" sub
	assert_request 1 "$GET"
	refute_request 2
}

# --- -O -J -----------------------------------------------------------------

@test "-O -J: filename=report.txt names the file" {
	oj plain
	saved report.txt
}

@test "-O -J: a quoted name with spaces" {
	oj quoted	# filename="my report.txt"
	saved 'my report.txt'
}

@test "-O -J: filename*=UTF-8''%E2%82%AC%20rates.txt is decoded" {
	oj ext
	# Differs on purpose: curl 7.88 ignores filename* and saves
	# url-name.txt.
	saved '€ rates.txt'
}

@test "-O -J: filename* wins over filename" {
	oj both	# filename="fallback.txt"; filename*=UTF-8''%E2%82%AC.txt
	# Differs on purpose (RFC 6266 §4.3): curl 7.88 saves fallback.txt.
	saved '€.txt'
}

@test "-O -J: ../x.txt loses its directory part, nothing lands above" {
	oj dotdot
	saved x.txt
}

@test "-O -J: /etc/x.txt loses its directory part" {
	oj abs
	saved x.txt
	[[ ! -e /etc/x.txt ]] || fail "/etc/x.txt exists"
}

@test "-O -J: \"a\\\\b.txt\" (a quoted backslash) keeps what follows it" {
	oj backslash	# filename="a\\b.txt": the name is a\b.txt
	saved b.txt
}

@test "-O -J: a\\b.txt as a token keeps what follows the backslash" {
	oj bstoken
	saved b.txt
}

@test "-O -J: leading dots are dropped: no hidden file" {
	oj dots	# filename="...hidden.txt"
	# Differs on purpose: curl 7.88 creates ...hidden.txt.
	saved hidden.txt
}

@test "-O -J: a control byte in the name: the URL's name instead" {
	oj ctl	# filename="bad\033name.txt"
	# Differs on purpose: curl 7.88 creates "bad\033name.txt", an
	# escape sequence for whoever lists the directory.
	saved url-name.txt
}

@test "-O -J: a 10 KB name: the URL's name instead" {
	oj long
	# Differs on purpose: curl 7.88 tries to create it and fails,
	# "curl: (23) Failed writing header", no file.
	saved url-name.txt
}

@test "-O -J: no Content-Disposition: the URL's name" {
	oj none
	saved url-name.txt
}

@test "-O -J: an existing file of that name is never replaced: exit 23" {
	printf 'old\n' >report.txt
	oj plain
	# curl 7.88 refuses too, exit 23, in other words: "Warning: Failed
	# to open the file report.txt: File exists" then "curl: (23) Failed
	# writing header".
	assert_status 23
	assert_stdout ''
	assert_stderr $'hget: (23) Refusing to overwrite report.txt: File exists\n'
	assert_file report.txt $'old\n'
	assert_ls "$W/sub" report.txt
	assert_request 1 "$GET"
	refute_request 2
}

@test "-O -J -s: the existing file is kept, silently" {
	printf 'old\n' >report.txt
	serve -n 1 "$DATA/naming-plain.http"
	hget_run -s -O -J "$URL/$URLNAME"
	assert_status 23
	assert_stdout ''
	assert_stderr ''
	assert_file report.txt $'old\n'
	assert_ls "$W/sub" report.txt
	assert_request 1 "$GET"
}

@test "-J without -O is ignored: the body goes to stdout, as curl" {
	serve -n 1 "$DATA/naming-plain.http"
	hget_run -sS -J "$URL/$URLNAME"
	assert_status 0
	assert_stdout $'body\n'
	assert_stderr ''
	assert_ls "$W/sub"
	assert_request 1 "$GET"
}

@test "-J with -o is ignored: -o's name, as curl" {
	serve -n 1 "$DATA/naming-plain.http"
	hget_run -sS -J -o got "$URL/$URLNAME"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file got $'body\n'
	assert_ls "$W/sub" got
	assert_request 1 "$GET"
}

@test "--output-dir with -O -J: the name goes into the directory" {
	mkdir od
	serve -n 1 "$DATA/naming-plain.http"
	hget_run -sS --output-dir od -O -J "$URL/$URLNAME"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file od/report.txt $'body\n'
	assert_ls "$W/sub/od" report.txt
	assert_ls "$W/sub" od
	assert_request 1 "$GET"
}

@test "--output-dir with -O -J: an existing file there is kept, exit 23" {
	mkdir od
	printf 'old\n' >od/report.txt
	serve -n 1 "$DATA/naming-plain.http"
	hget_run -sS --output-dir od -O -J "$URL/$URLNAME"
	# curl: exit 23 too, "curl: (23) Failed writing header"
	assert_status 23
	assert_stdout ''
	assert_stderr $'hget: (23) Refusing to overwrite od/report.txt: File exists\n'
	assert_file od/report.txt $'old\n'
	assert_ls "$W/sub/od" report.txt
	assert_request 1 "$GET"
}

# --- --no-clobber ----------------------------------------------------------

@test "--no-clobber -o name: name and name.1 exist: name.2, as curl" {
	printf 'old\n' >name
	printf 'old1\n' >name.1
	serve -n 1 "$DATA/naming-none.http"
	hget_run -sS --no-clobber -o name "$URL/dir/name"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file name $'old\n'
	assert_file name.1 $'old1\n'
	assert_file name.2 $'body\n'
	assert_ls "$W/sub" name name.1 name.2
	assert_request 1 "$NAME"
}

@test "--no-clobber -O: name exists: name.1, as curl" {
	printf 'old\n' >name
	serve -n 1 "$DATA/naming-none.http"
	hget_run -sS --no-clobber -O "$URL/dir/name"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file name $'old\n'
	assert_file name.1 $'body\n'
	assert_ls "$W/sub" name name.1
	assert_request 1 "$NAME"
}

@test "--no-clobber -O: the name is free: it is used as it is" {
	serve -n 1 "$DATA/naming-none.http"
	hget_run -sS --no-clobber -O "$URL/dir/name"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file name $'body\n'
	assert_ls "$W/sub" name
	assert_request 1 "$NAME"
}

@test "--no-clobber -O -J: the server's name exists: report.txt.1, as curl" {
	printf 'old\n' >report.txt
	serve -n 1 "$DATA/naming-plain.http"
	hget_run -sS --no-clobber -O -J "$URL/$URLNAME"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file report.txt $'old\n'
	assert_file report.txt.1 $'body\n'
	assert_ls "$W/sub" report.txt report.txt.1
	assert_request 1 "$GET"
}

# --- --remove-on-error -----------------------------------------------------

# f holds the first 20 bytes; the server's 206 is cut 10 bytes in.
@test "--remove-on-error: a resumed transfer that fails removes the file, as curl" {
	printf 'first half 20 bytes\n' >f
	serve -n 1 "$RANGE,truncate=131"
	hget_run -sS --remove-on-error -C - -o f "$URL/r"
	assert_status 18
	assert_stdout ''
	assert_stderr $'hget: (18) transfer closed with 10 bytes remaining to read\n'
	assert_ls "$W/sub"
	assert_request 1 "$RESUME"
	refute_request 2
}

@test "without --remove-on-error: the failed resume leaves what it appended, as curl" {
	printf 'first half 20 bytes\n' >f
	serve -n 1 "$RANGE,truncate=131"
	hget_run -sS -C - -o f "$URL/r"
	assert_status 18
	assert_stdout ''
	assert_stderr $'hget: (18) transfer closed with 10 bytes remaining to read\n'
	assert_file f $'first half 20 bytes\nsecnd half'
	assert_ls "$W/sub" f
	assert_request 1 "$RESUME"
}

@test "--remove-on-error: a resumed transfer that succeeds keeps the file" {
	printf 'first half 20 bytes\n' >f
	serve -n 1 "$RANGE"
	hget_run -sS --remove-on-error -C - -o f "$URL/r"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file f $'first half 20 bytes\nsecnd half 20 bytes\n'
	assert_ls "$W/sub" f
	assert_request 1 "$RESUME"
}
