#!/bin/sh
# tests/record-curl.sh: record the request curl 7.88 sends for a command,
# as a fixture the CLI tests compare hget's request with.  Run by hand when
# a test is written, never by the suite (which must not need curl).
#
#   sh tests/record-curl.sh NAME [RESPONSE] -- CURL-ARGS...
#
# Starts hgserve answering with RESPONSE (default tests/data/ok.http), runs
# curl with CURL-ARGS where every "@URL@" becomes http://127.0.0.1:PORT,
# and writes every request curl made to tests/data/NAME.req (.req.2, ...
# for later ones) with the port replaced by @PORT@ and curl's User-Agent by
# @UA@, so the fixture holds what hget must send.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
name=$1
shift
resp=$root/tests/data/ok.http
if [ "$1" != "--" ]; then
	resp=$1
	shift
fi
[ "$1" = "--" ] && shift
tmp=$(mktemp -d)
trap 'kill "$(cat "$tmp/pid" 2>/dev/null)" 2>/dev/null; rm -rf "$tmp"' EXIT
port=$("$root/build/tests/hgserve" -b -d "$tmp" -P "$tmp/pid" -t 10 \
    "$resp" "$resp" "$resp" "$resp")
url=http://127.0.0.1:$port
n=0
for a in "$@"; do
	[ $n -eq 0 ] && set --
	n=1
	set -- "$@" "$(printf '%s' "$a" | sed "s|@URL@|$url|g")"
done
curl "$@" >/dev/null 2>&1 || true
i=1
while [ -f "$tmp/req.$i" ]; do
	out=$root/tests/data/$name.req
	[ $i -gt 1 ] && out=$out.$i
	LC_ALL=C sed -e "s/$port/@PORT@/g" \
	    -e 's|^User-Agent: curl/[0-9.]*\r$|User-Agent: @UA@\r|' \
	    "$tmp/req.$i" >"$out"
	echo "wrote $out"
	i=$((i + 1))
done
