#!/usr/bin/env bats
# tests/cli/progress.bats: the progress meter, -#'s bar and SIGUSR1's
# status line (man page, Progress).  What depends on a terminal runs on a
# pseudo-terminal made by script(1); slow bodies come from hgserve's
# split/gap directives.

load helper

setup() {
	hg_setup
	# 100000 bytes in 10 writes 100 ms apart: about a second
	{
		printf 'HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n'
		head -c 100000 /dev/zero
	} >slow.http
	{
		printf 'HTTP/1.1 200 OK\r\n\r\n'
		head -c 100000 /dev/zero
	} >noclen.http
	{
		printf 'HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n'
		head -c 30000 /dev/zero
	} >part.http
}

SLOW=slow.http,split=10000,gap=100

# tty_run [-c COLS] ARG...: hget ARG... on a pseudo-terminal of COLS
# columns (80); what the terminal got (stdout and stderr, CR LF line ends)
# is in $T/tty, its lines split at CR and LF (blank ones dropped) in
# $T/lines.
tty_run() {
	local cols=80 cmd

	if [[ $1 == -c ]]; then
		cols=$2
		shift 2
	fi
	cmd="stty cols $cols rows 24; $(printf '%q ' "$HGET" "$@")"
	status=0
	SHELL=$BASH timeout -k 5 "$HGET_TIMEOUT" script -qec "$cmd" /dev/null \
	    </dev/null >"$T/tty" 2>"$T/err" || status=$?
	tr '\r' '\n' <"$T/tty" | grep -v '^$' >"$T/lines" || true
}

# The meter's line, with and without a size (man page).
SIZE='[0-9.]+ (B|KiB|MiB)'
METER="^ {0,2}[0-9]{1,3}\.[0-9]%  $SIZE of $SIZE  ($SIZE/s|stalled)  ETA ([0-9]+:[0-9]{2}|--:--) *\$"
FINAL="^100\.0%  97\.7 KiB of 97\.7 KiB  $SIZE/s  in 0:0[0-9] *\$"

# assert_lines_match ERE: every line of $T/lines matches ERE.
assert_lines_match() {
	local line

	while IFS= read -r line; do
		[[ $line =~ $1 ]] || fail "line '$line' does not match $1"
	done <"$T/lines"
}

@test "progress: the meter on a terminal, redrawn, finished with a newline" {
	serve $SLOW
	tty_run -o out.bin "$URL/f"
	assert_status 0
	cmp -s out.bin <(head -c 100000 /dev/zero) || fail "body differs"
	# at least a few redraws, each in the documented shape
	[[ $(grep -c . "$T/lines") -ge 3 ]] || fail "$(cat -A "$T/tty")"
	head -n -1 "$T/lines" >"$T/lines.1"
	mv "$T/lines.1" "$T/lines"
	assert_lines_match "$METER"
	# the last line: average rate, time taken, and a newline after it
	tr '\r' '\n' <"$T/tty" | grep -v '^$' | tail -n 1 | grep -Eq "$FINAL" ||
	    fail "final: $(cat -A "$T/tty")"
	[[ $(tail -c 2 "$T/tty" | od -An -c | tr -d ' ') == '\r\n' ]] ||
	    fail "no newline at the end: $(cat -A "$T/tty")"
	# each redraw starts at the line's beginning
	[[ $(head -c 1 "$T/tty") == $'\r' ]] || fail "$(cat -A "$T/tty")"
}

@test "progress: at most 5 redraws a second" {
	serve $SLOW
	tty_run -o out.bin "$URL/f"
	assert_status 0
	# about a second of body: 5 redraws, the first, a few spare, the last
	n=$(tr -cd '\r' <"$T/tty" | wc -c)
	((n <= 12)) || fail "$n redraws: $(cat -A "$T/tty")"
}

@test "progress: no meter off a terminal" {
	serve $SLOW
	hget_run -o out.bin "$URL/f"
	assert_status 0
	assert_stderr ''
	cmp -s out.bin <(head -c 100000 /dev/zero) || fail "body differs"
}

@test "progress: no meter with -s, --no-progress-meter or -v" {
	serve -n 4 $SLOW $SLOW $SLOW $SLOW
	tty_run -s -o out.bin "$URL/f"
	assert_status 0
	[[ ! -s $T/tty ]] || fail "-s: $(cat -A "$T/tty")"
	tty_run --no-progress-meter -o out.bin "$URL/f"
	assert_status 0
	[[ ! -s $T/tty ]] || fail "--no-progress-meter: $(cat -A "$T/tty")"
	tty_run -# --no-progress-meter -o out.bin "$URL/f"
	assert_status 0
	[[ ! -s $T/tty ]] || fail "-# --no-progress-meter: $(cat -A "$T/tty")"
	# the body to the terminal is refused (binary); nothing else shows
	tty_run -v -o out.bin "$URL/f"
	assert_status 0
	! grep -Eq "$METER" "$T/lines" || fail "-v: $(cat -A "$T/tty")"
}

@test "progress: no meter when the body goes to the terminal" {
	printf 'HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n' >text.http
	serve text.http,split=3,gap=300
	tty_run "$URL/t"
	assert_status 0
	[[ $(cat "$T/tty") == $'hello\r' ]] || fail "$(cat -A "$T/tty")"
}

@test "progress: the meter when the standard output is a pipe (curl's rule)" {
	serve $SLOW
	status=0
	SHELL=$BASH timeout -k 5 "$HGET_TIMEOUT" script -qec \
	    "stty cols 80 rows 24; $(printf '%q ' "$HGET" "$URL/f") | cat >$T/piped" \
	    /dev/null </dev/null >"$T/tty" 2>"$T/err" || status=$?
	assert_status 0
	assert_equal "$(wc -c <"$T/piped")" 100000
	tr '\r' '\n' <"$T/tty" | grep -v '^$' | tail -n 1 | grep -Eq "$FINAL" ||
	    fail "no final meter line: $(cat -A "$T/tty")"
}

@test "progress: an unknown size shows bytes and rate" {
	serve noclen.http,split=20000,gap=100,close
	tty_run -o out.bin "$URL/f"
	assert_status 0
	head -n -1 "$T/lines" >"$T/lines.1"
	mv "$T/lines.1" "$T/lines"
	[[ -s $T/lines ]] || fail "no line: $(cat -A "$T/tty")"
	assert_lines_match "^$SIZE  ($SIZE/s|stalled) *\$"
	tr '\r' '\n' <"$T/tty" | grep -v '^$' | tail -n 1 |
	    grep -Eq "^97\.7 KiB  $SIZE/s  in 0:0[0-9] *\$" ||
	    fail "final: $(cat -A "$T/tty")"
}

@test "progress: the meter fits a 40-column terminal" {
	serve $SLOW
	tty_run -c 40 -o out.bin "$URL/f"
	assert_status 0
	[[ -s $T/lines ]] || fail "no line"
	while IFS= read -r line; do
		((${#line} < 40)) || fail "${#line} columns: '$line'"
	done <"$T/lines"
	# the size gave way first; the share, bytes, rate and ETA stayed
	grep -Eq "^ {0,2}[0-9]{1,3}\.[0-9]%  $SIZE  $SIZE/s  ETA " "$T/lines" ||
	    fail "$(cat "$T/lines")"
}

@test "progress: SIGWINCH: the next lines fit the new width" {
	serve $SLOW
	cmd="stty cols 80 rows 24; $(printf '%q ' "$HGET" -o out.bin "$URL/f") &
	    sleep 0.4; stty cols 30; kill -WINCH \$!; wait \$!"
	SHELL=$BASH timeout -k 5 "$HGET_TIMEOUT" script -qec "$cmd" /dev/null \
	    </dev/null >"$T/tty" 2>"$T/err"
	tr '\r' '\n' <"$T/tty" | grep -v '^$' >"$T/lines"
	grep -q ' of ' "$T/lines" || fail "no wide line first: $(cat "$T/lines")"
	tail -n 1 "$T/lines" >"$T/last"
	line=$(<"$T/last")
	((${#line} < 30)) || fail "after the resize: '$line'"
}

@test "progress: -# draws curl's bar across the width" {
	serve $SLOW
	tty_run -c 60 -# -o out.bin "$URL/f"
	assert_status 0
	# curl 7.88's layout: 53 columns of marks and blanks, " %5.1f%%"
	assert_lines_match '^#{0,53} *( [ 0-9]{2}[0-9]\.[0-9]%)$'
	while IFS= read -r line; do
		((${#line} == 60)) || fail "${#line} columns: '$line'"
	done <"$T/lines"
	tail -n 1 "$T/lines" | grep -Eqx '#{53} 100\.0%' ||
	    fail "$(cat "$T/lines")"
	[[ $(tail -c 2 "$T/tty" | od -An -c | tr -d ' ') == '\r\n' ]] ||
	    fail "no newline at the end"
}

@test "progress: -# with an unknown size moves a marker" {
	serve noclen.http,split=20000,gap=100,close
	tty_run -c 40 -# -o out.bin "$URL/f"
	assert_status 0
	assert_lines_match '^ *-=O=- *$'
	[[ $(sort -u "$T/lines" | wc -l) -ge 2 ]] || fail "$(cat -A "$T/tty")"
}

@test "progress: a stalled body says so, a failure ends the line cleanly" {
	serve part.http,hang
	tty_run -m 6 -o out.bin "$URL/f"
	assert_status 28
	grep -Eq "^ 30\.0%  29\.3 KiB of 97\.7 KiB  stalled  ETA --:-- *\$" \
	    "$T/lines" || fail "$(cat "$T/lines")"
	# the last meter line, its newline, then the error on its own line
	grep -Eq $'in 0:06 *\r\nhget: \\(28\\) Operation timed out' "$T/tty" ||
	    fail "$(cat -A "$T/tty")"
}

@test "progress: SIGUSR1 prints a status line, also off a terminal" {
	serve part.http,hang
	# not under timeout(1): the signal is for hget; -m bounds it
	"$HGET" -m 3 -o out.bin "$URL/f" 2>"$T/err" &
	pid=$!
	sleep 1
	kill -USR1 "$pid"
	status=0
	wait "$pid" || status=$?
	assert_status 28
	# stalled: the line still comes, within a second of the signal
	grep -Eqx "hget: 30000 of 100000 bytes \(30\.0%\), $SIZE/s, [0-9]+\.[0-9] s elapsed: $URL/f" \
	    "$T/err" || fail "$(cat -A "$T/err")"
	[[ $(wc -l <"$T/err") -eq 2 ]] || fail "$(cat -A "$T/err")"
}

@test "progress: SIGUSR1 with -s prints nothing and does not stop hget" {
	serve $SLOW
	"$HGET" -s -m 20 -o out.bin "$URL/f" 2>"$T/err" &
	pid=$!
	sleep 0.3
	kill -USR1 "$pid"
	status=0
	wait "$pid" || status=$?
	assert_status 0
	[[ ! -s $T/err ]] || fail "$(cat -A "$T/err")"
	cmp -s out.bin <(head -c 100000 /dev/zero) || fail "body differs"
}

@test "progress: SIGUSR1 over the meter: the line, then the meter again" {
	serve $SLOW
	cmd="$(printf '%q ' "$HGET" -o out.bin "$URL/f") & sleep 0.5;
	    kill -USR1 \$!; wait \$!"
	SHELL=$BASH timeout -k 5 "$HGET_TIMEOUT" script -qec "$cmd" /dev/null \
	    </dev/null >"$T/tty" 2>"$T/err"
	tr '\r' '\n' <"$T/tty" | grep -v '^$' >"$T/lines"
	grep -Eq "^hget: [0-9]+ of 100000 bytes \([0-9.]+%\), $SIZE/s, [0-9.]+ s elapsed: $URL/f *\$" \
	    "$T/lines" || fail "$(cat -A "$T/tty")"
	# a meter line follows the status line
	sed -n '/^hget: /,$p' "$T/lines" | tail -n +2 | grep -Eq "$METER|$FINAL" ||
	    fail "$(cat -A "$T/tty")"
}

@test "progress: -# and --no-progress-meter are in --help and the man page" {
	hget_run --help verbose
	assert_status 0
	[[ $output == *'     --no-progress-meter  Do not show the progress meter'* &&
	    $output == *' -#, --progress-bar       Display transfer progress as a bar'* ]] ||
	    fail "$output"
	grep -qx '\.It Fl # , Cm --progress-bar' "$ROOT/man/hget.1"
	grep -qx '\.It Cm --no-progress-meter' "$ROOT/man/hget.1"
}
