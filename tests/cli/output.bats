#!/usr/bin/env bats
# tests/cli/output.bats: where the body goes (stdout, -o, -O,
# --remote-name-all, --output-dir, --create-dirs), what -f, --fail-with-body,
# -s and -S do to it, write failures, binary bodies on a terminal, and the
# never-lose-data rule: a file target is written to a temporary sibling and
# renamed into place only once the whole body arrived and passed -f.
#
# Every expectation was checked by hand against curl 7.88 with the same
# command and the same hgserve steps; where hget differs on purpose the test
# says so (see also /work/notes/differences.md).  Requests are compared with
# what curl sent (tests/data/out-*.req, made by tests/record-curl.sh); the
# output options do not change the request, which was checked by recording
# curl with each of them: out-get.req holds the request for $URL/out.

load helper

BODY=$DATA/out-body.http	# 200, Content-Length: 9, "new body\n"
SHORT=$DATA/out-short.http	# 200, Content-Length: 20, 8 bytes sent
NOTFOUND=$DATA/out-404.http	# 404, Content-Length: 10, "not found\n"
EMPTY=$DATA/out-empty.http	# 200, Content-Length: 0
BINARY=$DATA/out-binary.http	# 200, Content-Length: 8, "ab\0cd\0\377\n"
FIRST=$DATA/out-first.http	# 200, "first\n"
SECOND=$DATA/out-second.http	# 200, "second\n"
# out-body.http is 73 bytes, its head 64: truncate=68 sends "new ".
PART=68

# hget runs in $W, a directory of its own inside $T: listing it shows every
# file hget made (the helpers keep out, err and rec in $T).
setup() {
	hg_setup
	W=$T/w
	mkdir "$W"
	cd "$W" || return 1
}

# hgserve removes its pid file when it gets SIGTERM: wait for that rather
# than for the process, which may linger as a zombie where nothing reaps
# orphans (helper.bash's kill -0 loop then waits a whole second a server).
teardown() {
	local p pid i

	for p in "${HG_PIDFILES[@]}"; do
		[[ -s $p ]] || continue
		pid=$(<"$p") || continue
		kill "$pid" 2>/dev/null || continue
		for ((i = 0; i < 50; i++)); do
			[[ -e $p ]] || break
			sleep 0.02
		done
	done
	hg_teardown
}

# The file a failed transfer must leave alone, in a directory of its own
# so that the listing shows any temporary file left behind.
old_file() {
	mkdir -p "$W/d"
	printf 'old content\n' >"$W/d/f.txt"
}

# assert_file FILE TEXT: FILE holds exactly TEXT.
assert_file() {
	[[ -f $1 ]] || fail "$1 does not exist"
	printf '%s' "$2" >"$T/want.file"
	hg_cmp "$1" "$T/want.file" "$1"
}

# assert_ls DIR NAME...: DIR holds exactly these names, dot files included.
assert_ls() {
	local dir=$1

	shift
	assert_equal "$(find "$dir" -mindepth 1 -maxdepth 1 -printf '%f\n' |
	    LC_ALL=C sort | tr '\n' ' ')" \
	    "$(for n in "$@"; do printf '%s ' "$n"; done)"
}

# The old file is byte for byte what it was and nothing else appeared.
assert_old_kept() {
	assert_file "$W/d/f.txt" $'old content\n'
	assert_ls "$W/d" f.txt
}

# assert_stderr_re REGEX: stderr is exactly one line matching REGEX.
assert_stderr_re() {
	[[ $(wc -l <"$T/err") == 1 ]] ||
	    fail "stderr is not one line: $(cat "$T/err")"
	[[ $stderr =~ $1 ]] || fail "stderr '$stderr' does not match '$1'"
}

assert_mode() {
	assert_equal "$(stat -c %a "$1")" "$2"
}

# ---------------------------------------------------------------------
# stdout and -o

@test "output: the body goes to stdout" {
	serve "$BODY"
	hget_run "$URL/out"
	assert_status 0
	assert_stdout $'new body\n'
	assert_stderr ''
	assert_request 1 tests/data/out-get.req
	assert_ls "$W"
}

@test "output: -o FILE gets the body, stdout nothing" {
	serve "$BODY"
	hget_run -o f.txt "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/f.txt" $'new body\n'
	assert_request 1 tests/data/out-get.req
	assert_ls "$W" f.txt
}

@test "output: one -o per URL, in order; -o - is stdout" {
	serve "$FIRST" "$SECOND" "$BODY"
	hget_run -o one "$URL/a" -o - "$URL/b" -o three "$URL/c"
	assert_status 0
	assert_stdout $'second\n'
	assert_stderr ''
	assert_file "$W/one" $'first\n'
	assert_file "$W/three" $'new body\n'
	assert_request 1 tests/data/out-three.req
	assert_request 2 tests/data/out-three.req.2
	assert_request 3 tests/data/out-three.req.3
	assert_conns 1
	assert_ls "$W" one three
}

@test "output: -o pairs with URLs by position, wherever it is written" {
	serve "$FIRST" "$SECOND"
	# the first -o comes after its URL: only the order counts
	hget_run "$URL/a" -o - -o two "$URL/b"
	assert_status 0
	assert_stdout $'first\n'
	assert_stderr ''
	assert_file "$W/two" $'second\n'
	assert_request 1 tests/data/out-two.req
	assert_request 2 tests/data/out-two.req.2
}

@test "output: a URL without an -o of its own goes to stdout" {
	serve "$FIRST" "$SECOND"
	hget_run -o one "$URL/a" "$URL/b"
	assert_status 0
	assert_stdout $'second\n'
	assert_stderr ''
	assert_file "$W/one" $'first\n'
	assert_request 1 tests/data/out-two.req
	assert_request 2 tests/data/out-two.req.2
	assert_ls "$W" one
}

@test "output: more -o than URLs warns once, after the transfer; -s silences it" {
	serve "$BODY" "$BODY"
	hget_run -o one -o two "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr $'Warning: Got more output options than URLs\n'
	assert_file "$W/one" $'new body\n'
	[[ ! -e $W/two ]]
	assert_request 1 tests/data/out-get.req
	refute_request 2

	hget_run -s -o one -o two -o three "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/one" $'new body\n'
	[[ ! -e $W/two && ! -e $W/three ]]
	assert_request 2 tests/data/out-get.req
}

@test "output: the exit status is the last failure's (curl: the last URL's)" {
	serve "$NOTFOUND" "$SECOND"
	old_file
	hget_run -f -o d/f.txt -o two "$URL/a" "$URL/b"
	# Differs from curl on purpose: curl 7.88 says "the last URL's
	# success will determine the error code" and exits 0 here, hiding
	# the failed download; hget exits with the failure.
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_old_kept
	assert_file "$W/two" $'second\n'
	assert_request 1 tests/data/out-two.req
	assert_request 2 tests/data/out-two.req.2
}

# ---------------------------------------------------------------------
# -O, --remote-name-all

@test "output: -O names the file after the last path segment, query dropped" {
	serve "$BODY"
	hget_run -O "$URL/dir/file.txt?q=1&x=/y"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/file.txt" $'new body\n'
	assert_request 1 tests/data/out-remote.req
	assert_ls "$W" file.txt
}

@test "output: -O drops the fragment, even one with a slash" {
	serve "$BODY"
	hget_run -O "$URL/dir/f.txt#x/y"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/f.txt" $'new body\n'
	assert_request 1 tests/data/out-frag.req
	assert_ls "$W" f.txt
}

@test "output: --remote-name-all names every URL's file; an -o of its own wins" {
	serve "$FIRST" "$SECOND"
	hget_run --remote-name-all "$URL/d/a.txt" "$URL/e/b.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/a.txt" $'first\n'
	assert_file "$W/b.txt" $'second\n'
	assert_conns 1
	assert_ls "$W" a.txt b.txt

	serve "$FIRST" "$SECOND"
	rm "$W/a.txt" "$W/b.txt"
	# the -o takes the first slot, whatever its place
	hget_run --remote-name-all "$URL/d/a.txt" -o own "$URL/e/b.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/own" $'first\n'
	assert_file "$W/b.txt" $'second\n'
	assert_request 1 tests/data/out-rna.req
	assert_request 2 tests/data/out-rna.req.2
	assert_ls "$W" b.txt own
}

@test "output: --no-remote-name sends its slot's URL back to stdout" {
	serve "$FIRST" "$SECOND"
	hget_run --remote-name-all "$URL/d/a.txt" "$URL/e/b.txt" --no-remote-name
	assert_status 0
	assert_stdout $'first\n'
	assert_stderr ''
	assert_file "$W/b.txt" $'second\n'
	assert_request 1 tests/data/out-rna.req
	assert_request 2 tests/data/out-rna.req.2
	assert_ls "$W" b.txt
}

@test "output: -O refuses an empty name, . and .. (exit 23), before any request" {
	local u

	serve "$BODY"
	mkdir "$W/d"
	cd "$W/d"
	# dot segments are removed from the path first (RFC 3986 §5.2.4),
	# so /a/. and /a/.. end in an empty segment, as with curl
	for u in "$URL" "$URL/" "$URL/dir/" "$URL/a/." "$URL/a/.." \
	    "$URL/?x=a/b" "$URL/dir/?name=f.txt"; do
		hget_run -O "$u"
		assert_status 23
		assert_stdout ''
		# curl: "curl: Remote file name has no length!" and then
		# "curl: (23) Failed writing received data to disk/application"
		assert_stderr $'hget: (23) Remote file name has no length\n'
		assert_ls "$W/d"
	done
	hget_run --remote-name-all "$URL/"
	assert_status 23
	assert_stdout ''
	assert_stderr $'hget: (23) Remote file name has no length\n'
	assert_ls "$W/d"
	refute_request 1
	assert_conns 0
}

@test "output: -O keeps a percent-encoded dot segment as a literal name" {
	serve "$FIRST" "$SECOND"
	mkdir "$W/d"
	cd "$W/d"
	hget_run -O "$URL/a/%2e%2e" -O "$URL/a/%2E"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/d/%2e%2e" $'first\n'
	assert_file "$W/d/%2E" $'second\n'
	assert_ls "$W/d" %2E %2e%2e
	assert_request 1 tests/data/out-pct.req
	assert_request 2 tests/data/out-pct.req.2
}

# ---------------------------------------------------------------------
# --output-dir, --create-dirs

@test "output: --output-dir holds the -O and -o files" {
	serve "$FIRST" "$SECOND"
	mkdir "$W/od"
	hget_run --output-dir od -O "$URL/x/f.txt" -o g.txt "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/od/f.txt" $'first\n'
	assert_file "$W/od/g.txt" $'second\n'
	assert_ls "$W/od" f.txt g.txt
	assert_request 1 tests/data/out-odir.req
	assert_request 2 tests/data/out-get.req
}

@test "output: --output-dir does not apply to -o -" {
	serve "$BODY"
	mkdir "$W/od"
	hget_run --output-dir od -o - "$URL/out"
	assert_status 0
	assert_stdout $'new body\n'
	assert_stderr ''
	assert_ls "$W/od"
	assert_request 1 tests/data/out-get.req
}

@test "output: an empty --output-dir is ignored, not the root directory" {
	local name=hget-out-test-$$-$RANDOM

	serve "$BODY"
	hget_run --output-dir '' -o "$name" "$URL/out"
	# curl 7.88 ignores an empty --output-dir: the file lands in "."
	if [[ -e /$name ]]; then
		rm -f "/$name"
		fail "--output-dir '' wrote /$name"
	fi
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/$name" $'new body\n'
	assert_request 1 tests/data/out-get.req
}

@test "output: a missing directory fails cleanly without --create-dirs" {
	serve "$BODY" "$BODY"
	hget_run -o nodir/f.txt "$URL/out"
	assert_status 23
	assert_stdout ''
	# curl: "Warning: Failed to open the file nodir/f.txt: No such file
	# or directory", then "curl: (23) Failure writing output to
	# destination"; hget says it in one line
	assert_stderr $'hget: (23) Failed to open the file nodir/f.txt: No such file or directory\n'
	[[ ! -e $W/nodir ]]
	# hget finds out before it sends anything (curl after the response)
	refute_request 1

	hget_run --output-dir od -o f.txt "$URL/out"
	assert_status 23
	assert_stdout ''
	assert_stderr $'hget: (23) Failed to open the file od/f.txt: No such file or directory\n'
	[[ ! -e $W/od ]]
	refute_request 1
	assert_ls "$W"
}

@test "output: --create-dirs makes the missing directories (0750 less umask)" {
	umask 022
	serve "$BODY" "$FIRST"
	hget_run --create-dirs -o a/b/c/f.txt "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/a/b/c/f.txt" $'new body\n'
	assert_mode "$W/a" 750
	assert_mode "$W/a/b/c" 750
	assert_ls "$W/a/b/c" f.txt
	assert_request 1 tests/data/out-get.req

	hget_run --create-dirs --output-dir od/x -O "$URL/x/f.txt"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/od/x/f.txt" $'first\n'
	assert_mode "$W/od/x" 750
	assert_request 2 tests/data/out-odir.req
}

@test "output: --create-dirs blocked by a file fails with 23, before any request" {
	serve "$BODY"
	printf 'x\n' >"$W/afile"
	hget_run --create-dirs -o afile/sub/f.txt "$URL/out"
	assert_status 23
	assert_stdout ''
	# curl: "Error creating directory afile/sub." and "curl: (23) Failed
	# writing received data to disk/application"
	assert_stderr $'hget: (23) Failed to create the directories for afile/sub/f.txt: Not a directory\n'
	assert_file "$W/afile" $'x\n'
	# curl makes the directories before it connects: nothing is asked
	# of the server when the answer could not be kept
	refute_request 1
}

@test "output: -o naming a directory fails with 23 and a clear message" {
	serve "$BODY"
	mkdir "$W/d"
	hget_run -o d "$URL/out"
	assert_status 23
	assert_stdout ''
	# curl: "Warning: Failed to open the file d: Is a directory" and
	# "curl: (23) Failure writing output to destination".  The message
	# must name the user's path, not a temporary file.
	assert_stderr_re '^hget: \(23\) [^.]*[^/.]d: Is a directory$'
	assert_ls "$W" d
	assert_ls "$W/d"
	# hget finds out before it sends anything (curl after the response)
	refute_request 1
}

# ---------------------------------------------------------------------
# never lose data: an existing file survives every failed transfer

@test "output: a short body (18) leaves the existing file as it was" {
	serve "$SHORT,close"
	old_file
	hget_run -o d/f.txt "$URL/out"
	assert_status 18
	assert_stdout ''
	assert_stderr $'hget: (18) transfer closed with 12 bytes remaining to read\n'
	# differs on purpose: curl leaves "partial\n" in d/f.txt
	assert_old_kept
	assert_request 1 tests/data/out-get.req
}

@test "output: a reset connection (56) leaves the existing file as it was" {
	serve "$BODY,truncate=$PART,reset"
	old_file
	hget_run -o d/f.txt "$URL/out"
	assert_status 56
	assert_stdout ''
	assert_stderr $'hget: (56) Recv failure: Connection reset by peer\n'
	# differs on purpose: curl leaves "new " in d/f.txt
	assert_old_kept
	assert_request 1 tests/data/out-get.req
}

@test "output: -f on a 404 (22) leaves the existing file as it was" {
	serve "$NOTFOUND"
	old_file
	hget_run -f -o d/f.txt "$URL/out"
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_old_kept
	assert_request 1 tests/data/out-get.req
}

@test "output: a timeout (28) with part of the body leaves the existing file" {
	HGSERVE_SECS=4 serve "$BODY,truncate=$PART,hang"
	old_file
	t0=$SECONDS
	hget_run -m 1 -o d/f.txt "$URL/out"
	assert_status 28
	assert_stdout ''
	assert_stderr_re '^hget: \(28\) Operation timed out after [0-9]+ milliseconds with 4 out of 9 bytes received$'
	# differs on purpose: curl leaves "new " in d/f.txt
	assert_old_kept
	assert_request 1 tests/data/out-get.req
	(( SECONDS - t0 <= 3 )) || fail "-m 1 took $((SECONDS - t0)) s"
}

@test "output: an empty reply (52) leaves the existing file as it was" {
	serve "$BODY,empty"
	old_file
	hget_run -o d/f.txt "$URL/out"
	assert_status 52
	assert_stdout ''
	assert_stderr $'hget: (52) Empty reply from server\n'
	assert_old_kept
	assert_request 1 tests/data/out-get.req
}

@test "output: -f -i -o on a 404 leaves the existing file, head and all" {
	serve "$NOTFOUND"
	old_file
	hget_run -f -i -o d/f.txt "$URL/out"
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	# differs on purpose: curl writes the 404's head into d/f.txt
	assert_old_kept
	assert_request 1 tests/data/out-get.req
}

@test "output: -O and --output-dir keep an existing file on failure too" {
	serve "$SHORT,close"
	old_file
	hget_run --output-dir d -O "$URL/x/f.txt"
	assert_status 18
	assert_stdout ''
	assert_stderr $'hget: (18) transfer closed with 12 bytes remaining to read\n'
	assert_old_kept
	assert_request 1 tests/data/out-odir.req
}

# Signals end hget the way they end curl (128 + N), but the temporary file
# must not stay behind and the old file must survive.
@test "output: SIGTERM or SIGINT in the middle leaves no temporary file" {
	local sig code

	old_file
	for sig in TERM INT; do
		HGSERVE_SECS=4 serve "$BODY,truncate=$PART,hang"
		code=0
		# in the foreground: a background job would ignore SIGINT
		timeout --preserve-status -k 5 -s "$sig" 0.5 \
		    "$HGET" -o d/f.txt "$URL/out" >"$T/out" 2>"$T/err" ||
		    code=$?
		assert_equal "$code" "$((128 + $(kill -l "$sig")))"
		assert_stdout ''
		assert_stderr ''
		assert_old_kept
		assert_request 1 tests/data/out-get.req
	done
}

# ---------------------------------------------------------------------
# a successful transfer replaces the file

@test "output: a successful transfer replaces the existing file" {
	serve "$BODY"
	old_file
	hget_run -o d/f.txt "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/d/f.txt" $'new body\n'
	assert_ls "$W/d" f.txt
	assert_request 1 tests/data/out-get.req
}

@test "output: an empty 200 body creates an empty file, or empties one" {
	serve "$EMPTY" "$EMPTY"
	mkdir "$W/d"
	hget_run -o d/new.txt "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/d/new.txt" ''
	assert_request 1 tests/data/out-get.req

	printf 'old content\n' >"$W/d/f.txt"
	hget_run -o d/f.txt "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/d/f.txt" ''
	assert_ls "$W/d" f.txt new.txt
	assert_request 2 tests/data/out-get.req
}

@test "output: a new file is 0666 less the umask" {
	serve "$BODY" "$BODY" "$BODY"
	mkdir "$W/d"
	umask 027
	hget_run -o d/a "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/d/a" $'new body\n'
	assert_mode "$W/d/a" 640
	umask 0
	hget_run -o d/b "$URL/out"
	assert_status 0
	assert_file "$W/d/b" $'new body\n'
	assert_mode "$W/d/b" 666
	umask 077
	hget_run -O "$URL/d/c"
	assert_status 0
	assert_file "$W/c" $'new body\n'
	assert_mode "$W/c" 600
	assert_ls "$W/d" a b
	assert_request 1 tests/data/out-get.req
	assert_request 2 tests/data/out-get.req
}

@test "output: a replaced file keeps its permissions (a 0600 file stays 0600)" {
	serve "$BODY"
	old_file
	chmod 600 "$W/d/f.txt"
	umask 022
	hget_run -o d/f.txt "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$W/d/f.txt" $'new body\n'
	# curl writes into the existing file: its mode stays.  A private file
	# must not become readable by everyone because it was downloaded again.
	assert_mode "$W/d/f.txt" 600
	assert_ls "$W/d" f.txt
	assert_request 1 tests/data/out-get.req
}

@test "output: a read-only existing file is not replaced (exit 23)" {
	local d

	serve "$BODY"
	old_file
	chmod 444 "$W/d/f.txt"
	chmod 777 "$W/d"
	if ((EUID == 0)); then
		# root writes anything: run hget as nobody, who may write in
		# d but not into f.txt
		command -v setpriv >/dev/null || skip "root without setpriv"
		chmod o+x "$W"
		d=$T
		while [[ $d == "$BATS_RUN_TMPDIR"/* ]]; do
			chmod o+x "$d"
			d=${d%/*}
		done
		chmod o+x "$BATS_RUN_TMPDIR"
		chown 65534 "$W/d/f.txt"
		hget_run() {
			status=0
			timeout 10 setpriv --reuid=65534 --regid=65534 \
			    --clear-groups "$HGET" "$@" >"$T/out" 2>"$T/err" ||
			    status=$?
			stderr=$(<"$T/err")
		}
	fi
	hget_run -o d/f.txt "$URL/out"
	assert_status 23
	assert_stdout ''
	# curl: "Warning: Failed to open the file d/f.txt: Permission denied"
	# and "curl: (23) Failure writing output to destination"
	assert_stderr_re '^hget: \(23\) .*d/f.txt: Permission denied$'
	assert_old_kept
	assert_mode "$W/d/f.txt" 444
	# hget finds out before it sends anything (curl after the response)
	refute_request 1
}

# ---------------------------------------------------------------------
# devices and FIFOs are written directly

@test "output: -o /dev/null is written directly" {
	serve "$BODY"
	hget_run -o /dev/null "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	[[ -c /dev/null ]]
	compgen -G '/dev/.null.hget-*' >/dev/null &&
	    fail "a temporary file was left in /dev"
	assert_request 1 tests/data/out-get.req
}

@test "output: a FIFO is written directly, to its reader" {
	local reader

	serve "$BODY"
	mkdir "$W/d"
	mkfifo "$W/d/ff"
	timeout 10 cat "$W/d/ff" >"$T/got" &
	reader=$!
	hget_run -o d/ff "$URL/out"
	wait "$reader"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	assert_file "$T/got" $'new body\n'
	[[ -p $W/d/ff ]]
	assert_ls "$W/d" ff
	assert_request 1 tests/data/out-get.req
}

# ---------------------------------------------------------------------
# write failures: exit 23

@test "output: -o /dev/full fails with 23" {
	serve "$BODY"
	hget_run -o /dev/full "$URL/out"
	assert_status 23
	assert_stdout ''
	# curl: "curl: (23) Failed writing body"
	assert_stderr $'hget: (23) Failure writing output to destination: No space left on device\n'
	[[ -c /dev/full ]]
	assert_request 1 tests/data/out-get.req
}

@test "output: stdout on /dev/full fails with 23" {
	serve "$BODY"
	status=0
	timeout 10 "$HGET" "$URL/out" >/dev/full 2>"$T/err" || status=$?
	stderr=$(<"$T/err")
	assert_status 23
	# curl: "curl: (23) Failed writing body"
	assert_stderr $'hget: (23) Failure writing output to destination: No space left on device\n'
	assert_request 1 tests/data/out-get.req
}

@test "output: a closed pipe fails with 23, with a message on stderr" {
	# 4 MiB: far more than a pipe holds, so hget is still writing when
	# head exits
	{
		printf 'HTTP/1.1 200 OK\r\nContent-Length: 4194304\r\n\r\n'
		head -c 4194304 /dev/zero | tr '\0' x
	} >"$T/big.http"
	serve "$T/big.http"
	timeout 20 "$HGET" "$URL/out" 2>"$T/err" | head -c1 >"$T/out"
	st=("${PIPESTATUS[@]}")
	stderr=$(<"$T/err")
	assert_equal "${st[*]}" '23 0'
	assert_stdout 'x'
	# curl: "curl: (23) Failure writing output to destination"
	assert_stderr $'hget: (23) Failure writing output to destination: Broken pipe\n'
	assert_request 1 tests/data/out-get.req
}

# ---------------------------------------------------------------------
# -f, --fail-with-body, -s, -S

@test "output: -f on a 404 exits 22 and writes no body" {
	serve "$NOTFOUND"
	hget_run -f "$URL/out"
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 1 tests/data/out-get.req
}

@test "output: -f -i on a 404 writes the head to stdout, as curl" {
	serve "$NOTFOUND"
	hget_run -f -i "$URL/out"
	assert_status 22
	assert_stdout $'HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\nContent-Type: text/plain\r\n\r\n'
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 1 tests/data/out-get.req
}

@test "output: --fail-with-body writes the body and exits 22" {
	serve "$NOTFOUND" "$NOTFOUND"
	hget_run --fail-with-body "$URL/out"
	assert_status 22
	assert_stdout $'not found\n'
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 1 tests/data/out-get.req

	old_file
	hget_run --fail-with-body -o d/f.txt "$URL/out"
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_file "$W/d/f.txt" $'not found\n'
	assert_ls "$W/d" f.txt
	assert_request 2 tests/data/out-get.req
}

@test "output: -s hides the error line, -sS shows it" {
	serve "$NOTFOUND" "$NOTFOUND"
	hget_run -s -f "$URL/out"
	assert_status 22
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/out-get.req

	hget_run -sS -f "$URL/out"
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 2 tests/data/out-get.req
}

@test "output: -S after the URL, or before -s, still shows the error line" {
	serve "$NOTFOUND" "$NOTFOUND"
	hget_run -s -f "$URL/out" -S
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 1 tests/data/out-get.req

	hget_run -S -s -f "$URL/out"
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 2 tests/data/out-get.req
}

@test "output: -s: a failed transfer keeps the file and says nothing" {
	serve "$SHORT,close"
	old_file
	hget_run -s -o d/f.txt "$URL/out"
	assert_status 18
	assert_stdout ''
	assert_stderr ''
	assert_old_kept
	assert_request 1 tests/data/out-get.req
}

# ---------------------------------------------------------------------
# binary bodies and terminals

# on_tty ARGS...: run hget with stdout on a terminal (script(1)), stderr
# to $W/err; the terminal's bytes land in $W/tty (LF shown as CRLF).
on_tty() {
	local cmd

	command -v script >/dev/null || skip "no script(1)"
	cmd=$(printf '%q ' "$HGET" "$@")
	status=0
	SHELL=$BASH timeout 20 script -qec "$cmd 2>$(printf '%q' "$T/err")" /dev/null \
	    </dev/null >"$T/tty" || status=$?
	stderr=$(<"$T/err")
}

@test "output: a binary body is refused on a terminal (exit 23, one line)" {
	serve "$BINARY"
	on_tty "$URL/out"
	assert_status 23
	assert_stderr 'hget: (23) Binary output can mess up your terminal. Use "--output -" to tell hget to output it to your terminal anyway, or consider "--output <FILE>" to save to a file.'$'\n'
	hg_cmp tty /dev/null "$T/tty"
	assert_request 1 tests/data/out-get.req
}

@test "output: -s silences the binary refusal, the exit status stays 23" {
	serve "$BINARY"
	on_tty -s "$URL/out"
	assert_status 23
	assert_stderr ''
	hg_cmp tty /dev/null "$T/tty"
	assert_request 1 tests/data/out-get.req
}

@test "output: -o - and --output - write a binary body to the terminal" {
	serve "$BINARY" "$BINARY"
	printf 'ab\0cd\0\377\r\n' >"$T/want.tty"
	on_tty -o - "$URL/out"
	assert_status 0
	assert_stderr ''
	hg_cmp tty "$T/want.tty" "$T/tty"
	assert_request 1 tests/data/out-get.req

	on_tty --output - "$URL/out"
	assert_status 0
	assert_stderr ''
	hg_cmp tty "$T/want.tty" "$T/tty"
	assert_request 2 tests/data/out-get.req
}

@test "output: a text body goes to the terminal" {
	serve "$BODY"
	on_tty "$URL/out"
	assert_status 0
	assert_stderr ''
	printf 'new body\r\n' >"$T/want.tty"
	hg_cmp tty "$T/want.tty" "$T/tty"
	assert_request 1 tests/data/out-get.req
}

@test "output: a binary body goes to a pipe or a file as it is" {
	serve "$BINARY" "$BINARY"
	hget_run "$URL/out"
	assert_status 0
	assert_stderr ''
	printf 'ab\0cd\0\377\n' >"$T/want.bin"
	hg_cmp stdout "$T/want.bin" "$T/out"
	assert_request 1 tests/data/out-get.req

	hget_run -o bin "$URL/out"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	hg_cmp bin "$T/want.bin" "$W/bin"
	assert_request 2 tests/data/out-get.req
}
