# tests/cli/helper.bash: shared setup for the command-line tests.
#
# Every .bats file starts with `load helper`.  What it gives a test:
#
#   $HGET, $HGSERVE   the binaries (defaults: ./hget, build/tests/hgserve)
#   $ROOT, $DATA      the repository and tests/data, absolute
#   $T                a fresh temporary directory, also the working
#                     directory, so -o/-O never write into the repository
#
#   serve STEP...     start tests/server/hgserve in the background (steps
#                     and options as in its usage, e.g. `serve -n 1
#                     tests/data/ok.http,close`); sets $PORT,
#                     $URL (http://127.0.0.1:$PORT) and $REC, the directory
#                     holding req.N, conns, log and pid.  Serving again
#                     starts another server (records in $T/rec.2, ...).
#                     teardown kills every server still running.
#   serve_wait [S]    wait up to S seconds (5) for the last server to exit
#
#   hget_run ARG...   run $HGET with stdout to $T/out and stderr to $T/err;
#                     sets $status, $output (stdout text) and $stderr
#                     (text); bats' `run` would strip trailing newlines
#   assert_status N
#   assert_stdout TEXT / assert_stdout_file FILE     byte for byte
#   assert_stderr TEXT / assert_stderr_file FILE     byte for byte:
#                     a one-line message is $'hget: (7) ...\n'
#   assert_request N FILE [REC]   recorded request N equals FILE
#   refute_request N [REC]        no request N was recorded
#   assert_conns N [REC]          the server accepted N connections
#
# Expected files are compared byte for byte after replacing every @PORT@
# with the port of the server concerned ($PORT for stdout and stderr) and
# every @UA@ with hget's User-Agent (hget/VERSION), so that requests
# recorded from curl by tests/record-curl.sh serve as they are.
# A relative fixture path that does not exist under $T is taken from
# $ROOT, so `assert_request 1 tests/data/get.req` works from anywhere.
# A test that defines its own setup or teardown calls hg_setup or
# hg_teardown from it.

# Variables set here are read by the tests, not by this file.
# shellcheck disable=SC2034

load /usr/lib/bats/bats-support/load
load /usr/lib/bats/bats-assert/load

ROOT=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
DATA=$ROOT/tests/data
HGET=${HGET:-$ROOT/hget}
HGSERVE=${HGSERVE:-$ROOT/build/tests/hgserve}
# hget is killed after this many seconds: a hung test must fail, not hang.
HGET_TIMEOUT=${HGET_TIMEOUT:-30}

hg_setup() {
	T=$BATS_TEST_TMPDIR
	HG_PIDFILES=()
	HG_NSERVERS=0
	PORT='' URL='' REC=''
	cd "$T" || return 1
}

# Kills what is still running; prints the logs, which bats shows only
# when the test failed.
hg_teardown() {
	local p pid i

	for p in "${HG_PIDFILES[@]}"; do
		[[ -s $p ]] || continue
		pid=$(<"$p") || continue
		kill "$pid" 2>/dev/null || continue
		# hgserve removes its pidfile as it exits; a zombie nobody
		# reaps would keep answering kill -0
		for ((i = 0; i < 50; i++)); do
			[[ -e $p ]] || break
			sleep 0.02
		done
	done
	for p in "${HG_PIDFILES[@]}"; do
		[[ -f ${p%/pid}/log ]] || continue
		echo "--- ${p%/pid}/log"
		cat "${p%/pid}/log"
	done
	if [[ -f $T/err ]]; then
		echo "--- hget stderr"
		cat "$T/err"
	fi
	return 0
}

setup() {
	hg_setup
}

teardown() {
	hg_teardown
}

# A fixture path: absolute, or relative to the working directory, or
# else relative to $ROOT.
hg_path() {
	if [[ $1 == /* || -e $1 || ! -e $ROOT/$1 ]]; then
		printf '%s\n' "$1"
	else
		printf '%s\n' "$ROOT/$1"
	fi
}

serve() {
	local a f args=()

	[[ -x $HGSERVE ]] ||
	    fail "hgserve not built: $HGSERVE (make build/tests/hgserve)"
	for a in "$@"; do
		f=${a%%,*}
		if [[ $f != -* && $f != /* && ! -e $f && -e $ROOT/$f ]]; then
			a=$ROOT/$a
		fi
		args+=("$a")
	done
	HG_NSERVERS=$((HG_NSERVERS + 1))
	if ((HG_NSERVERS == 1)); then
		REC=$T/rec
	else
		REC=$T/rec.$HG_NSERVERS
	fi
	mkdir -p "$REC"
	HG_PIDFILES+=("$REC/pid")
	PORT=$("$HGSERVE" -b -d "$REC" -P "$REC/pid" -l "$REC/log" \
	    -t "${HGSERVE_SECS:-10}" "${args[@]}") ||
	    fail "hgserve did not start: $*"
	printf '%s\n' "$PORT" >"$REC/port"
	URL=http://127.0.0.1:$PORT
}

serve_wait() {
	local i

	for ((i = 0; i < ${1:-5} * 50; i++)); do
		[[ -e $REC/pid ]] || return 0
		sleep 0.02
	done
	fail "hgserve still running after ${1:-5}s"
}

hget_run() {
	[[ -x $HGET ]] || fail "hget not built: $HGET"
	status=0
	timeout -k 5 "$HGET_TIMEOUT" "$HGET" "$@" >"$T/out" 2>"$T/err" ||
	    status=$?
	# Like bats' run: trailing newlines stripped (and NUL bytes, which
	# a shell variable cannot hold).  Byte checks use the files.
	output=$(tr -d '\0' <"$T/out")
	stderr=$(tr -d '\0' <"$T/err")
	lines=()
	IFS=$'\n' read -d '' -r -a lines <<<"$output" || true
}

assert_status() {
	[[ $status == "$1" ]] && return 0
	fail "$(printf 'exit status %s, expected %s\nstderr: %s' \
	    "$status" "$1" "$(cat "$T/err" 2>/dev/null)")"
}

# Prints the name of the expected file: FILE itself, or a copy in $T with
# @PORT@ replaced by port $2 (also when FILE is a pipe, as in <(printf)).
hg_expected() {
	local f out

	f=$(hg_path "$1")
	[[ -e $f ]] || fail "no such fixture: $1"
	if [[ -f $f ]] && ! grep -q '@PORT@\|@UA@' "$f"; then
		printf '%s\n' "$f"
		return
	fi
	HG_NEXPECTED=$((${HG_NEXPECTED:-0} + 1))
	out=$T/expected.$HG_NEXPECTED
	LC_ALL=C sed -e "s/@PORT@/${2:-@PORT@}/g" -e "s|@UA@|$(hg_ua)|g" \
	    "$f" >"$out"
	printf '%s\n' "$out"
}

# The User-Agent hget sends, for fixtures recorded from curl (@UA@).
hg_ua() {
	if [[ -z ${HG_UA:-} ]]; then
		HG_UA=$("$HGET" --version | awk 'NR == 1 { print $1 "/" $2 }')
	fi
	printf '%s\n' "$HG_UA"
}

# Byte-for-byte comparison; on a difference, shows both sides with
# sed's `l` (\r visible, $ at each line end).
hg_cmp() {
	local what=$1 want=$2 got=$3

	[[ -f $got ]] || fail "$what: $got does not exist"
	cmp -s "$want" "$got" && return 0
	fail "$(printf '%s differs (- expected %s, + got %s):\n%s' \
	    "$what" "$want" "$got" \
	    "$(diff <(sed -n 'l 0' "$want") <(sed -n 'l 0' "$got"))")"
}

assert_stdout_file() {
	hg_cmp stdout "$(hg_expected "$1" "$PORT")" "$T/out"
}

assert_stderr_file() {
	hg_cmp stderr "$(hg_expected "$1" "$PORT")" "$T/err"
}

assert_stdout() {
	printf '%s' "$1" >"$T/want.out"
	hg_cmp stdout "$T/want.out" "$T/out"
}

assert_stderr() {
	printf '%s' "$1" >"$T/want.err"
	hg_cmp stderr "$T/want.err" "$T/err"
}

assert_request() {
	local rec=${3:-$REC}

	[[ -n $rec ]] || fail "assert_request: no server"
	hg_cmp "request $1" "$(hg_expected "$2" "$(cat "$rec/port")")" \
	    "$rec/req.$1"
}

refute_request() {
	local rec=${2:-$REC}

	[[ ! -e $rec/req.$1 ]] && return 0
	fail "$(printf 'unexpected request %s:\n%s' "$1" \
	    "$(sed -n 'l 0' "$rec/req.$1")")"
}

assert_conns() {
	local rec=${2:-$REC} n

	n=$(cat "$rec/conns" 2>/dev/null)
	[[ $n == "$1" ]] && return 0
	fail "server accepted ${n:-?} connections, expected $1"
}
