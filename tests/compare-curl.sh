#!/bin/bash
# tests/compare-curl.sh: run the same commands with curl and hget against
# the same scripted server and compare request bytes, stdout, the files
# left in the working directory, and the exit code.
# A developer's tool (it needs curl); the suite never runs it.
#
#   bash tests/compare-curl.sh            # the built-in list below
#
# Each case: a response fixture (tests/data/...), then the arguments, with
# @URL@ standing for the server.  The User-Agent is the one field that must
# differ; it is masked before comparing.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
hget=${HGET:-$root/hget}
hgserve=${HGSERVE:-$root/build/tests/hgserve}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# what every run starts with in its own working directory
prepare() {
	rm -rf "$1" && mkdir -p "$1"
	printf 'line one\r\nline two\n' >"$1/crlf.txt"
	printf 'hello ' >"$1/part.txt"
	printf '"v1"\n' >"$1/etag.txt"
}

cases=(
	"ok.http|-s @URL@/"
	"ok.http|-s -i @URL@/a?b=c#frag"
	"ok.http|-s -I @URL@/head"
	"ok.http|-s -X PUT -H X-A:1 -H Accept: -H X-Empty; @URL@/x"
	"ok.http|-s -A agent -e http://ref/;auto --http1.0 @URL@/p"
	"ok.http|-s -H Host:example.test @URL@/h"
	"ok.http|-s -o out.txt -w %{http_code}:%{size_download}:%{content_type} @URL@/w"
	"ok.http|-s -D - -o /dev/null @URL@/d"
	"cmp-404.http|-s -f @URL@/missing"
	"cmp-404.http|-s --fail-with-body @URL@/missing"
	"cmp-short.http|-s @URL@/short"
	"cmp-chunked.http|-s @URL@/chunked"
	"-,empty|-s @URL@/empty"
	"cmp-http09.http|-s @URL@/09"
	"cmp-http09.http|-s --http0.9 @URL@/09"
	"ok.http|-s @URL@/a/./b/../c?x#y"
	"ok.http|-s -w %{http_version}|%{num_connects}\n @URL@/1 @URL@/2"
	# request bodies, uploads, redirects, credentials
	"ok.http|-s -d a=1 -d b=2 @URL@/post"
	"ok.http|-s -d @crlf.txt --data-urlencode name=a&b=c%é @URL@/post"
	"ok.http|-s --data-binary @crlf.txt @URL@/bin"
	"ok.http|-s --json {\"a\":1} --json [2] @URL@/json"
	"ok.http|-s -G -d q=1 --data-urlencode s=x+y/z @URL@/search?p=0"
	"ok.http|-s -F name=value -F file=@crlf.txt;type=text/x @URL@/form"
	"ok.http|-s -T crlf.txt @URL@/up/"
	"ok.http|-s -u user:pa:ss @URL@/auth"
	"ok.http|-s --oauth2-bearer tok @URL@/auth"
	"redir-301.http+ok.http|-s -L -d a=1 @URL@/r301"
	"redir-303.http+ok.http|-s -L -X PUT -d a=1 @URL@/r303"
	"redir-307.http+ok.http|-s -L -d a=1 -u u:p @URL@/r307"
	"redir-302.http+ok.http|-s -i -L -e http://ref/;auto @URL@/r302"
	"redir-302.http|-s -w %{redirect_url}:%{num_redirects} @URL@/nofollow"
	"redir-302.http+redir-302.http|-s -L --max-redirs 1 @URL@/loop"
	# proxies: the scripted server plays the proxy (@PROXY@)
	"ok.http|-s -x @PROXY@ http://example.invalid:8080/p?q"
	"ok.http|-s -x http://pu:pp@@PROXY@ -u ou:op http://example.invalid/a"
	"ok.http|-s -x @PROXY@ -U pu:pp -H X-A:1 -d x=1 http://example.invalid/d"
	"cmp-connect-403.http|-s -p -x @PROXY@ -U pu:pp http://example.invalid/t"
	"ok.http|-s --noproxy example.invalid -x @PROXY@ --resolve example.invalid:80:127.0.0.1 --connect-to ::127.0.0.1:@PORT@ http://example.invalid/n"
	# content and state: codings, resume, ranges, conditions, cookies,
	# names, retries, pace
	"content-gzip.http|-s --compressed @URL@/gz"
	"content-zstd.http|-s --compressed -o z.txt @URL@/zs"
	"content-gzip.http|-s @URL@/raw"
	"content-te-gzip.http|-s --tr-encoding @URL@/te"
	"content-len100.http|-s --max-filesize 10 -o big.txt @URL@/big"
	"resume-206.http|-s -C - -o part.txt @URL@/r"
	"resume-200.http|-s -C - -o part.txt @URL@/r"
	"resume-416.http|-s -C 6 -o part.txt @URL@/r"
	"ok.http|-s -r 0-499 @URL@/range"
	"resume-304.http|-s -z 19941106 -o part.txt @URL@/z"
	"ok.http|-s --etag-compare etag.txt --etag-save new.txt @URL@/e"
	"cookies-302.http+ok.http|-s -L -b a=1 -c jar.txt @URL@/c"
	"naming-plain.http|-s -O -J @URL@/dl/x"
	"retry-503-empty.http+ok.http|-s --retry 1 @URL@/retry"
	"ok.http|-s --limit-rate 100k -R @URL@/pace"
)

run_one() {	# label command fixture args -> $tmp/label.{out,err,rc,req}
	local label=$1 cmd=$2 fixture=$3 args=$4 port rec=$tmp/$1.rec
	local steps=() argv=()

	rm -rf "$rec" && mkdir -p "$rec"
	if [[ $fixture == -* ]]; then
		steps=("$fixture" "$fixture")
	else
		IFS=+ read -r -a steps <<<"$fixture"
		steps=("${steps[@]/#/$root/tests/data/}")
		[[ ${#steps[@]} -eq 1 ]] && steps+=("${steps[0]}")
	fi
	port=$("$hgserve" -b -d "$rec" -P "$rec/pid" -t 5 "${steps[@]}")
	# words split at spaces; "\ " would be needed for a space in one
	args=${args//@URL@/http://127.0.0.1:$port}
	args=${args//@PROXY@/127.0.0.1:$port}
	read -r -a argv <<<"${args//@PORT@/$port}"
	prepare "$tmp/$label.wd"
	(cd "$tmp/$label.wd" && "$cmd" "${argv[@]}" >"$tmp/$label.out" \
	    2>"$tmp/$label.err")
	echo $? >"$tmp/$label.rc"
	(cd "$tmp/$label.wd" && find . -type f ! -name crlf.txt \
	    -exec cksum {} + | sort -k3 >"$tmp/$label.files")
	kill "$(cat "$rec/pid" 2>/dev/null)" 2>/dev/null
	cat "$rec"/req.? 2>/dev/null | LC_ALL=C sed -e "s/$port/PORT/g" \
	    -e 's|^User-Agent: [^\r]*|User-Agent: UA|' \
	    -e 's/-\{24\}[0-9a-f]\{16\}/BOUNDARY/g' >"$tmp/$label.req"
	LC_ALL=C sed -i "s/$port/PORT/g" "$tmp/$label.out"
}

printf '%-60s %-4s %-4s %-7s %-6s %s\n' "command" "curl" "hget" "request" \
    "stdout" "files"
same=0 n=0
for c in "${cases[@]}"; do
	fixture=${c%%|*} args=${c#*|}
	[[ $fixture == -* || -f $root/tests/data/${fixture%%+*} ]] || continue
	n=$((n + 1))
	run_one curl curl "$fixture" "$args"
	run_one hget "$hget" "$fixture" "$args"
	rq=same; cmp -s "$tmp/curl.req" "$tmp/hget.req" || rq=DIFF
	so=same; cmp -s "$tmp/curl.out" "$tmp/hget.out" || so=DIFF
	fi=same; cmp -s "$tmp/curl.files" "$tmp/hget.files" || fi=DIFF
	cr=$(cat "$tmp/curl.rc") hr=$(cat "$tmp/hget.rc")
	[[ $rq == same && $so == same && $fi == same && $cr == "$hr" ]] &&
	    same=$((same + 1))
	printf '%-60s %-4s %-4s %-7s %-6s %s\n' "${args:0:60}" "$cr" "$hr" \
	    "$rq" "$so" "$fi"
done
echo "$same of $n identical in request bytes, stdout, files and exit code"
