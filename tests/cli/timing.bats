#!/usr/bin/env bats
# tests/cli/timing.bats: -w's time_* as curl 7.88 computes them, and
# --timing / %{timing}, the per-phase breakdown (man page, Timing).
# Server delays give lower bounds only; no test asserts a speed.

load helper

# Nothing listens on port 1 of the loopback: connect(2) is refused.
REFUSED=http://127.0.0.1:1

setup() {
	hg_setup
	printf 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello' >ok.http
	printf 'HTTP/1.1 302 Found\r\nLocation: /two\r\nContent-Length: 10\r\n\r\n0123456789' >r302.http
	printf 'HTTP/1.1 100 Continue\r\n\r\n' >cont.http
}

TIMES='%{time_namelookup} %{time_connect} %{time_appconnect} %{time_pretransfer} %{time_starttransfer} %{time_redirect} %{time_total}\n'

# times: read $output's seven -w times into microseconds: NL CO AP PR ST
# RE TO.
times() {
	local f v

	[[ $output =~ ^([0-9]+\.[0-9]{6}\ ){6}[0-9]+\.[0-9]{6}$ ]] ||
	    fail "not seven times: '$output'"
	set -- $output
	for f in NL CO AP PR ST RE TO; do
		v=${1/./}
		printf -v "$f" '%d' "$((10#$v))"
		shift
	done
}

# check_breakdown FILE [HOPS]: FILE is a --timing breakdown of HOPS hops
# (1): every line in the documented shape, and the phases add up to the
# total to the microsecond.  Sets TOTAL_US.
check_breakdown() {
	local file=$1 hops=${2:-1} line sum=0 n=0 v re

	re='^  (DNS|TCP connect|TLS|request sent|time to first byte|download) +(([0-9]+)\.([0-9]{3}) ms( \(failed\))?|-)$'
	while IFS= read -r line; do
		if [[ $line =~ ^hop\ [0-9]+:\ http://127\.0\.0\.1:[0-9]+/[^\ ]*\ \(([0-9]{3}|no\ response)(,\ reused\ connection)?\)$ ]]; then
			n=$((n + 1))
		elif [[ $line =~ $re ]]; then
			[[ ${BASH_REMATCH[2]} == - ]] && continue
			v=$((10#${BASH_REMATCH[3]} * 1000 + 10#${BASH_REMATCH[4]}))
			sum=$((sum + v))
		elif [[ $line =~ ^total\ +([0-9]+)\.([0-9]{3})\ ms$ ]]; then
			TOTAL_US=$((10#${BASH_REMATCH[1]} * 1000 + 10#${BASH_REMATCH[2]}))
		else
			fail "unexpected line: '$line'"
		fi
	done <"$file"
	[[ $n -eq $hops ]] || fail "$n hops, want $hops: $(cat "$file")"
	[[ $(grep -c '^  ' "$file") -eq $((6 * hops)) ]] ||
	    fail "not six phases a hop: $(cat "$file")"
	[[ $(tail -n 1 "$file") == total* ]] || fail "total is not last"
	[[ $sum -eq $TOTAL_US ]] ||
	    fail "phases add up to $sum us, total $TOTAL_US: $(cat "$file")"
}

@test "timing: every time_* in order, appconnect 0 without TLS" {
	serve ok.http,delay=200
	hget_run -s -w "$TIMES" "$URL/"
	assert_status 0
	output=${output#hello}
	times
	((NL <= CO && CO <= PR && PR <= ST && ST <= TO)) ||
	    fail "out of order: $output"
	((AP == 0 && RE == 0)) || fail "appconnect/redirect not 0: $output"
	((ST >= 200000)) || fail "first byte before the 200 ms delay: $output"
}

@test "timing: after a redirect each time is a sum of the hops' (curl's)" {
	# hop 1 answers after 200 ms, in 3 writes 250 ms apart (68 bytes);
	# hop 2 answers after 100 ms on the same connection
	serve r302.http,delay=200,split=25,gap=250 ok.http,delay=100
	hget_run -sL -o /dev/null -w "$TIMES" "$URL/"
	assert_status 0
	times
	# time_starttransfer: 200 + 100 ms of waiting, not a stamp after
	# the redirect (which comes after 700 ms)
	((RE >= 650000)) || fail "time_redirect: $output"
	((ST >= 300000 && ST < RE)) || fail "time_starttransfer: $output"
	((TO >= RE + 100000)) || fail "time_total: $output"
	((NL <= CO && CO <= PR && PR <= ST)) || fail "out of order: $output"
}

@test "timing: with Expect: 100-continue, the 100 is the first byte" {
	head -c 1100000 /dev/zero >big
	serve cont.http,continue,delay=200 ok.http,delay=300
	hget_run -s --data-binary @big -o /dev/null -w "$TIMES" "$URL/"
	assert_status 0
	times
	((ST >= 200000 && ST + 250000 <= TO)) ||
	    fail "time_starttransfer is not the 100's: $output"
}

@test "timing: --timing writes one block and the phases add up" {
	serve ok.http,delay=100
	hget_run --timing -o out.txt "$URL/x"
	assert_status 0
	assert_stdout ''
	cp "$T/err" breakdown
	check_breakdown breakdown
	grep -qx "hop 1: $URL/x (200)" breakdown || fail "$(cat breakdown)"
	grep -qx '  TLS  *-' breakdown || fail "TLS is not -: $(cat breakdown)"
	# the wait for the server is where the 100 ms went
	[[ $(grep '^  time to first byte' breakdown) =~ \ ([0-9]+)\.[0-9]{3}\ ms$ ]]
	((10#${BASH_REMATCH[1]} >= 100)) || fail "$(cat breakdown)"
}

@test "timing: --timing shows each hop, the reused connection, even with -s" {
	serve r302.http,delay=50 ok.http,delay=50
	hget_run -sL --timing -o out.txt "$URL/"
	assert_status 0
	cp "$T/err" breakdown
	check_breakdown breakdown 2
	grep -qx "hop 1: $URL/ (302)" breakdown || fail "$(cat breakdown)"
	grep -qx "hop 2: $URL/two (200, reused connection)" breakdown ||
	    fail "$(cat breakdown)"
	# the reused connection did no lookup, connect or handshake
	[[ $(sed -n '/^hop 2/,$p' breakdown | grep -c '^  [A-Z][A-Za-z ]*  *-$') -eq 3 ]] ||
	    fail "$(cat breakdown)"
}

@test "timing: %{timing} goes to the -w stream, the total is time_total" {
	serve ok.http
	hget_run -s -o out.txt -w '%{timing}%{time_total}\n' "$URL/"
	assert_status 0
	assert_stderr ''
	head -n -1 "$T/out" >breakdown
	check_breakdown breakdown
	# the same clock reading ends both
	v=$(tail -n 1 "$T/out")
	[[ $((10#${v/./})) -eq $TOTAL_US ]] ||
	    fail "time_total $v, breakdown total $TOTAL_US us"
	hget_run -s -o out.txt -w '%{stderr}%{timing}' "$URL/"
	cp "$T/err" breakdown
	check_breakdown breakdown
}

@test "timing: time_posttransfer comes after the upload, time_queue is 0" {
	head -c 300000 /dev/zero >body.bin
	serve ok.http ok.http
	hget_run -s -o out.txt --data-binary @body.bin \
	    -w '%{time_pretransfer} %{time_posttransfer} %{time_starttransfer} %{time_queue}' \
	    "$URL/"
	assert_status 0
	[[ $output =~ ^([0-9]+)\.([0-9]{6})\ ([0-9]+)\.([0-9]{6})\ ([0-9]+)\.([0-9]{6})\ 0\.000000$ ]] ||
	    fail "$output"
	local pr=$((10#${BASH_REMATCH[1]}${BASH_REMATCH[2]}))
	local po=$((10#${BASH_REMATCH[3]}${BASH_REMATCH[4]}))
	local st=$((10#${BASH_REMATCH[5]}${BASH_REMATCH[6]}))
	((pr <= po && po <= st)) || fail "out of order: $output"
	hget_run -s -o out.txt -w '%{json}' "$URL/"
	assert_status 0
	[[ $output == '{"certs":'* ]] || fail "$output"
	[[ $output != *time_posttransfer* && $output != *time_queue* ]] ||
	    fail "in %{json}: $output"
}

@test "timing: %{json} has no timing, curl's variables only" {
	serve ok.http
	hget_run -s -o out.txt -w '%{json}' "$URL/"
	assert_status 0
	[[ $output == '{"certs":'* && $output != *timing* ]] ||
	    fail "$output"
}

@test "timing: a refused connection stops in TCP connect, marked failed" {
	hget_run -s --timing "$REFUSED/x"
	assert_status 7
	cp "$T/err" breakdown
	check_breakdown breakdown
	grep -qx 'hop 1: http://127.0.0.1:1/x (no response)' breakdown ||
	    fail "$(cat breakdown)"
	grep -q '^  TCP connect .* ms (failed)$' breakdown ||
	    fail "$(cat breakdown)"
	[[ $(sed -n '/TCP connect/,$p' breakdown | grep -c ' -$') -eq 4 ]] ||
	    fail "the phases after are not -: $(cat breakdown)"
}

@test "timing: a body cut short fails in the download" {
	printf 'HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort' >cut.http
	serve cut.http,close
	hget_run --timing -o out.txt "$URL/"
	assert_status 18
	grep -v '^hget: (18)' "$T/err" >breakdown
	check_breakdown breakdown
	grep -q '^  download .* ms (failed)$' breakdown || fail "$(cat breakdown)"
}

@test "timing: --timing is in --help and the man page" {
	hget_run --help verbose
	assert_status 0
	[[ $output == *'     --timing             Show the phases of each transfer (hget only)'* ]] ||
	    fail "$output"
	grep -qx '\.It Cm --timing' "$ROOT/man/hget.1"
}
