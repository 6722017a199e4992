#!/bin/sh
# tests/bench/limit-rate.sh: how closely --limit-rate holds its rate, hget
# against curl.  Serves a 20 MiB body with hgserve on 127.0.0.1 and times
# one download with each client at --limit-rate 5M (5 MiB/s, as curl reads
# the suffix), printing the wall-clock duration and the achieved rate.
# Not part of `make check`: it takes about ten seconds and measures time.
#
#   sh tests/bench/limit-rate.sh          (RATE=2M, MIB=10 to change them)
#
# Environment: HGET, HGSERVE (defaults ./hget, build/tests/hgserve), CURL
# (default curl), RATE (default 5M: a number with an optional K/M/G
# suffix, powers of 1024), MIB (body size in MiB, default 20).
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
hget=${HGET:-$root/hget}
hgserve=${HGSERVE:-$root/build/tests/hgserve}
curl=${CURL:-curl}
rate=${RATE:-5M}
mib=${MIB:-20}
size=$((mib * 1024 * 1024))

for b in "$hget" "$hgserve"; do
	[ -x "$b" ] || { echo "limit-rate.sh: $b not built" >&2; exit 1; }
done
command -v "$curl" >/dev/null || { echo "limit-rate.sh: no $curl" >&2; exit 1; }

# the rate in bytes per second, as curl and hget read "5M"
case $rate in
*[kK]) bps=$((${rate%?} * 1024)) ;;
*[mM]) bps=$((${rate%?} * 1024 * 1024)) ;;
*[gG]) bps=$((${rate%?} * 1024 * 1024 * 1024)) ;;
*) bps=$rate ;;
esac

tmp=$(mktemp -d)
cleanup() {
	if [ -s "$tmp/pid" ]; then
		kill "$(cat "$tmp/pid")" 2>/dev/null || :
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
	printf 'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n' "$size"
	printf 'Content-Type: application/octet-stream\r\n\r\n'
	head -c "$size" /dev/zero
} >"$tmp/big.http"

now_ns() {
	date +%s%N
}

# run NAME CLIENT: one download through a fresh server; prints a line.
run() {
	name=$1
	client=$2
	rm -f "$tmp/out" "$tmp/pid"
	port=$("$hgserve" -b -n 1 -t 120 -P "$tmp/pid" -l "$tmp/log" \
	    "$tmp/big.http")
	t0=$(now_ns)
	"$client" -sS --limit-rate "$rate" -o "$tmp/out" \
	    "http://127.0.0.1:$port/big" || {
		echo "limit-rate.sh: $name failed ($?)" >&2
		exit 1
	}
	t1=$(now_ns)
	got=$(wc -c <"$tmp/out")
	[ "$got" -eq "$size" ] || {
		echo "limit-rate.sh: $name got $got bytes, not $size" >&2
		exit 1
	}
	awk -v n="$name" -v ns=$((t1 - t0)) -v b="$size" -v lim="$bps" 'BEGIN {
		s = ns / 1e9
		printf "%-5s %7.3f s  %6.3f MiB/s  (%5.1f%% of the limit; " \
		    "ideal %.3f s)\n", n, s, b / s / 1048576,
		    100 * b / s / lim, b / lim
	}'
	# let the server see the close and exit before the next one
	i=0
	while [ -e "$tmp/pid" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
}

printf '%d MiB at --limit-rate %s (%d bytes/s) over loopback\n' \
    "$mib" "$rate" "$bps"
run hget "$hget"
run curl "$curl"
