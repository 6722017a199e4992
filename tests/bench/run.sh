#!/bin/sh
# tests/bench/run.sh: hget against curl (and the minimal reader, minread)
# on a private nginx on 127.0.0.1; `make bench` runs it.  What each case
# measures and how to read the table: tests/bench/README.
#
#   make bench                 the full run, about 3 minutes
#   QUICK=1 make bench         small rounds and 100 MiB for 1 GiB
#   BENCH_CASES="latency keepalive" make bench     some cases only
#
# Environment: HGET (default ./hget), BENCH_BIN (where launch and minread
# are, default build/tests/bench), CURL (default curl), NGINX (default
# /usr/sbin/nginx), BENCH_DATA (data files, made once, default
# build/bench-data), BENCH_JSON (default build/bench.json), QUICK,
# BENCH_CASES (any of: latency version keepalive null file pipe chunked
# https rss callgrind; default all).
#
# Nothing here talks to anything but 127.0.0.1.  A case whose client fails
# is reported and skipped; the exit status is then 1.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
hget=${HGET:-$root/hget}
bin=${BENCH_BIN:-$root/build/tests/bench}
curl=${CURL:-curl}
nginx=${NGINX:-/usr/sbin/nginx}
data=${BENCH_DATA:-$root/build/bench-data}
json=${BENCH_JSON:-$root/build/bench.json}
quick=${QUICK:-0}
cases=${BENCH_CASES:-all}
launch=$bin/launch
minread=$bin/minread
tlsmin=$bin/tlsmin	# the https case's "minread" row

say() {
	echo "bench: $*" >&2
}

die() {
	say "$*"
	exit 1
}

# The tools come from `make deps`; a missing one is no reason to guess.
for t in "$nginx" "$curl" valgrind taskset openssl awk od; do
	command -v "$t" >/dev/null 2>&1 ||
	    die "$t is missing: run \`make deps\` (as root) first"
done
for t in "$hget" "$launch" "$minread" "$tlsmin"; do
	[ -x "$t" ] || die "$t is not built: run \`make bench\`"
done

if [ "$quick" = 1 ]; then
	lat_n=30		# latency rounds (each: one process per client)
	ka_n=1000		# requests per keep-alive process
	ka_rounds=3
	bulk_rounds=2
	big=100m		# the "1 GiB" cases' file
else
	lat_n=200
	ka_n=1000
	ka_rounds=20
	bulk_rounds=7
	big=1g
fi
cg_ka=100			# requests in the callgrind keep-alive case

# Server on CPU 0, clients on CPU 1; a one-core machine has only CPU 0.
srv_cpu=0
cli_cpu=1
[ "$(nproc)" -ge 2 ] || cli_cpu=0

want() {
	case " $cases " in
	*" all "* | *" $1 "*) return 0 ;;
	esac
	return 1
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hget-bench.XXXXXX")
ngx=$tmp/nginx

cleanup() {
	if [ -s "$ngx/nginx.pid" ]; then
		pid=$(cat "$ngx/nginx.pid")
		kill "$pid" 2>/dev/null || :
		# the master removes its pid file when the workers are gone
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1
			i=$((i + 1))
		done
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# --- data files, made once ------------------------------------------------

size_of() {
	case $1 in
	200b) echo 200 ;;
	20k) echo 20480 ;;
	1m) echo 1048576 ;;
	100m) echo 104857600 ;;
	1g) echo 1073741824 ;;
	esac
}

# Random bytes, so that no layer can compress them; a file of the wrong
# size (an interrupted run) is made again.
mkdata() {
	f=$data/$1.bin
	n=$(size_of "$1")
	if [ -f "$f" ] && [ "$(wc -c <"$f")" -eq "$n" ]; then
		return 0
	fi
	say "making $f ($n bytes)"
	head -c "$n" /dev/urandom >"$f.tmp"
	mv "$f.tmp" "$f"
}

mkdir -p "$data"
for s in 200b 20k 1m $big; do
	mkdata "$s"
done

# --- nginx ----------------------------------------------------------------

# A self-signed certificate for the https case, made fresh every run.
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 1 \
    -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>"$tmp/openssl.log" ||
    die "openssl req failed: $(cat "$tmp/openssl.log")"

nginx_conf() {
	# as root the workers would run as nobody, who may not read $data
	[ "$(id -u)" = 0 ] && echo "user root;"
	cat <<CONF
daemon on;
worker_processes 1;
pid $ngx/nginx.pid;
error_log $ngx/error.log warn;
events { worker_connections 256; }
http {
	access_log off;
	client_body_temp_path $ngx/tmp;
	proxy_temp_path $ngx/tmp;
	fastcgi_temp_path $ngx/tmp;
	uwsgi_temp_path $ngx/tmp;
	scgi_temp_path $ngx/tmp;
	default_type application/octet-stream;
	sendfile on;
	keepalive_requests 100000;
	server {
		listen 127.0.0.1:$port;
		listen 127.0.0.1:$tls_port ssl;
		ssl_certificate $tmp/cert.pem;
		ssl_certificate_key $tmp/key.pem;
		ssl_protocols TLSv1.2 TLSv1.3;
		root $data;
		location = /status { stub_status; }
		# SSI takes the length away: the same bytes, chunked
		location /chunked/ {
			alias $data/;
			ssi on;
			ssi_types *;
		}
	}
}
CONF
}

# A random port pair; one already taken means another try.
mkdir -p "$ngx/tmp"
started=0
for _ in 1 2 3 4 5 6 7 8; do
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	port=$((20000 + r % 30000))
	tls_port=$((port + 1))
	nginx_conf >"$ngx/nginx.conf"
	# the workers inherit the master's affinity
	if taskset -c "$srv_cpu" "$nginx" -p "$ngx" -c "$ngx/nginx.conf" \
	    -e "$ngx/error.log" 2>>"$ngx/start.log"; then
		started=1
		break
	fi
done
[ $started = 1 ] || die "nginx would not start: $(cat "$ngx/start.log")"
base=http://127.0.0.1:$port
tbase=https://127.0.0.1:$tls_port

# Up, chunked where it must be, and every file in the page cache.
i=0
until "$curl" -qsf -o /dev/null "$base/status"; do
	i=$((i + 1))
	[ $i -lt 50 ] || die "nginx does not answer on $base"
	sleep 0.1
done
"$curl" -qsS -D "$tmp/chunked.head" -o /dev/null "$base/chunked/20k.bin"
grep -qi '^transfer-encoding: chunked' "$tmp/chunked.head" ||
    die "$base/chunked/ is not chunked: $(cat "$tmp/chunked.head")"
for s in 200b 20k 1m $big; do
	got=$("$curl" -qsS -o /dev/null -w '%{size_download}' \
	    "$base/chunked/$s.bin")
	# SSI would act on a "<!--#" in the random bytes: very unlikely
	[ "$got" -eq "$(size_of "$s")" ] ||
	    die "chunked $s.bin is $got bytes: remove $data and run again"
done

# --- measuring ------------------------------------------------------------

results=$tmp/results		# launch -m lines
meta=$tmp/meta			# label kind amount: for the rate column
failed=
: >"$results"
: >"$meta"
: >"$json"

printf '{"case":"meta","date":"%s","quick":%s,"nproc":%s,"server_cpu":%s,' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$([ "$quick" = 1 ] && echo true ||
    echo false)" "$(nproc)" "$srv_cpu" >>"$json"
printf '"client_cpu":%s,"hget":"%s","curl":"%s"}\n' "$cli_cpu" \
    "$("$hget" --version | head -n 1)" "$("$curl" --version | head -n 1)" \
    >>"$json"

# measure LABEL KIND AMOUNT LAUNCH-ARGS...: one launch, its lines kept for
# the table.  KIND is req (AMOUNT requests per run: the rate is time per
# request), bytes (AMOUNT bytes per run: MB/s) or - (no rate).
measure() {
	m_label=$1
	m_kind=$2
	m_amount=$3
	shift 3
	say "$m_label"
	if "$launch" -m -l "$m_label" -j "$json" "$@" >"$tmp/launch.out"; then
		cat "$tmp/launch.out" >>"$results"
		echo "$m_label $m_kind $m_amount" >>"$meta"
	else
		say "$m_label FAILED (skipped)"
		failed="$failed $m_label"
	fi
}

# repeat N URL: N times " -o /dev/null URL", the keep-alive argv.  It is
# split on blanks where it is used (set -f: no globbing), which is safe
# for these URLs and cheaper than a set -- per word.
repeat() {
	i=0
	while [ $i -lt "$1" ]; do
		printf ' -o /dev/null %s' "$2"
		i=$((i + 1))
	done
}

# status: nginx's accepted connections and requests so far.
status() {
	"$curl" -qsS "$base/status" | awk 'NR == 3 { print $1, $3 }'
}

# conns NAME PROG ARGS...: one run between two stub_status reads; keeps
# the connections and requests it made (the second read's own connection
# and request are taken off).
conns() {
	c_name=$1
	shift
	c_before=$(status)
	"$@" >/dev/null
	c_after=$(status)
	echo "$c_name $c_before $c_after" | awk '{
		printf "%s %d %d\n", $1, $4 - $2 - 1, $5 - $3 - 1 }' \
	    >>"$tmp/conns"
}

passes="split"
[ "$cli_cpu" = "$srv_cpu" ] || passes="split onecore"

# The label's suffix and the clients' CPU in pass $1.
suffix() {
	[ "$1" = split ] || echo "@1core"
}
cpu_of() {
	if [ "$1" = split ]; then echo "$cli_cpu"; else echo "$srv_cpu"; fi
}

if want latency; then
	for p in $passes; do
		measure "latency$(suffix "$p")" - 0 -c "$(cpu_of "$p")" \
		    -n "$lat_n" -w 5 \
		    hget "$hget" -q -s -o /dev/null "$base/200b.bin" :: \
		    curl "$curl" -q -s -o /dev/null "$base/200b.bin" :: \
		    minread "$minread" get 127.0.0.1 "$port" /200b.bin /dev/null
	done
fi

if want version; then
	measure version - 0 -c "$cli_cpu" -n "$lat_n" -w 5 \
	    hget "$hget" --version :: curl "$curl" --version
fi

ka_url=$base/20k.bin
# shellcheck disable=SC2086 # $ka is split on purpose (see repeat)
if want keepalive; then
	ka=$(repeat "$ka_n" "$ka_url")
	set -f
	say "keepalive: nginx stub_status around one run of each"
	: >"$tmp/conns"
	conns hget "$hget" -q -s $ka
	conns curl "$curl" -q -s $ka
	conns minread "$minread" keepalive 127.0.0.1 "$port" /20k.bin "$ka_n"
	if awk '$2 != 1 { bad = 1 } END { exit !bad }' "$tmp/conns"; then
		failed="$failed keepalive-conns"
	fi
	awk '{ printf "{\"case\":\"keepalive-conns\",\"name\":\"%s\",", $1
		printf "\"connections\":%d,\"requests\":%d}\n", $2, $3 }' \
	    "$tmp/conns" >>"$json"
	for p in $passes; do
		measure "keepalive$(suffix "$p")" req "$ka_n" \
		    -c "$(cpu_of "$p")" -n "$ka_rounds" \
		    hget "$hget" -q -s $ka :: \
		    curl "$curl" -q -s $ka :: \
		    minread "$minread" keepalive 127.0.0.1 "$port" /20k.bin \
		    "$ka_n"
	done
	set +f
fi

bsize=$(size_of $big)
burl=$base/$big.bin
out=$tmp/out.bin

if want null; then
	measure "null-$big" bytes "$bsize" -c "$cli_cpu" -n "$bulk_rounds" \
	    hget "$hget" -q -s -o /dev/null "$burl" :: \
	    curl "$curl" -q -s -o /dev/null "$burl" :: \
	    minread "$minread" get 127.0.0.1 "$port" "/$big.bin" /dev/null
fi

if want file; then
	# -r: every run starts without the file (and its page cache)
	measure "file-$big" bytes "$bsize" -c "$cli_cpu" -n "$bulk_rounds" \
	    -r "$out" -s "$bsize" \
	    hget "$hget" -q -s -o "$out" "$burl" :: \
	    curl "$curl" -q -s -o "$out" "$burl" :: \
	    minread "$minread" get 127.0.0.1 "$port" "/$big.bin" "$out"
	rm -f "$out"
fi

if want pipe; then
	measure "pipe-$big" pipe "$bsize" -c "$cli_cpu" -n "$bulk_rounds" -p \
	    hget "$hget" -q -s "$burl" :: \
	    curl "$curl" -q -s "$burl" :: \
	    minread "$minread" get 127.0.0.1 "$port" "/$big.bin" -
fi

if want chunked; then
	for p in $passes; do
		measure "chunked-$big$(suffix "$p")" bytes "$bsize" \
		    -c "$(cpu_of "$p")" -n "$bulk_rounds" \
		    hget "$hget" -q -s -o /dev/null "$base/chunked/$big.bin" :: \
		    curl "$curl" -q -s -o /dev/null "$base/chunked/$big.bin"
	done
fi

if want https; then
	if "$hget" -q -sS -k -o /dev/null "$tbase/200b.bin" \
	    2>"$tmp/tls.err"; then
		measure "https-$big" bytes "$bsize" -c "$cli_cpu" \
		    -n "$bulk_rounds" \
		    hget "$hget" -q -s -k -o /dev/null "$tbase/$big.bin" :: \
		    curl "$curl" -q -s -k -o /dev/null "$tbase/$big.bin" :: \
		    minread "$tlsmin" 127.0.0.1 "$tls_port" "/$big.bin"
	else
		say "https-$big skipped: hget -k fails: $(cat "$tmp/tls.err")"
		failed="$failed https-$big"
	fi
fi

if want rss; then
	measure rss-1m bytes 1048576 -c "$cli_cpu" -n $((lat_n / 10)) \
	    hget "$hget" -q -s -o /dev/null "$base/1m.bin" :: \
	    curl "$curl" -q -s -o /dev/null "$base/1m.bin"
fi

# cg PROG ARGS...: the instructions callgrind counts in the client (its
# dynamic linking included), or - when it fails.
cg() {
	if valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
	    "$@" >/dev/null 2>"$tmp/cg.err"; then
		awk '/Collected :/ { print $NF }' "$tmp/cg.err"
	else
		echo -
	fi
}

# cgcase LABEL ARGS...: hget and curl, each with ARGS, under callgrind.
cgcase() {
	g_label=$1
	shift
	g_h=$(cg "$hget" "$@")
	g_c=$(cg "$curl" "$@")
	echo "$g_label $g_h $g_c" >>"$tmp/cg"
	for g in hget:$g_h curl:$g_c; do
		case ${g#*:} in
		- ) failed="$failed callgrind-$g_label-${g%%:*}" ;;
		* ) printf '{"case":"callgrind-%s","name":"%s",' "$g_label" \
			"${g%%:*}" >>"$json"
		    printf '"instructions":%s}\n' "${g#*:}" >>"$json" ;;
		esac
	done
}

: >"$tmp/cg"
if want callgrind; then
	say "callgrind"
	cgcase version --version
	cgcase latency -q -s -o /dev/null "$base/200b.bin"
	set -f
	# shellcheck disable=SC2046 # split on purpose, as $ka
	cgcase "keepalive-$cg_ka" -q -s $(repeat "$cg_ka" "$ka_url")
	set +f
fi

# --- the report -----------------------------------------------------------

# One row per client and case: medians of wall and CPU time, the largest
# peak RSS, the rate; on hget's row hget's ratios to curl (wall, CPU, RSS)
# and to minread (wall).  A pipe case's wall time is the pipeline's.
table() {
	awk '
	function ratio(a, b) {
		if (b > 0)
			printf " %7.2f", a / b
		else
			printf " %7s", "-"
	}
	FNR == NR { kind[$1] = $2; amount[$1] = $3; order[++n] = $1; next }
	{
		k = $1 SUBSEP $2
		wall[k] = kind[$1] == "pipe" ? $11 : $4
		cpu[k] = $7
		rss[k] = $10
		names[$1] = names[$1] " " $2
	}
	END {
		printf "%-20s %-8s %10s %9s %8s %13s %7s %7s %7s %7s\n",
		    "case", "client", "wall ms", "cpu ms", "RSS MiB",
		    "rate", "wall/c", "cpu/c", "rss/c", "wall/m"
		for (i = 1; i <= n; i++) {
			l = order[i]
			m = split(names[l], nm, " ")
			for (j = 1; j <= m; j++) {
				c = nm[j]
				k = l SUBSEP c
				printf "%-20s %-8s %10.3f %9.3f %8.2f", l, c,
				    wall[k] / 1e6, cpu[k] / 1e6, rss[k] / 1024
				if (kind[l] == "req")
					printf " %6.1f us/req",
					    wall[k] / amount[l] / 1e3
				else if (kind[l] == "bytes" || kind[l] == "pipe")
					printf " %8.0f MB/s",
					    amount[l] / (wall[k] / 1e9) / 1e6
				else
					printf " %13s", ""
				if (c == "hget") {
					h = l SUBSEP "curl"
					ratio(wall[k], wall[h])
					ratio(cpu[k], cpu[h])
					ratio(rss[k], rss[h])
					h = l SUBSEP "minread"
					if (h in wall)
						ratio(wall[k], wall[h])
				}
				printf "\n"
			}
		}
	}' "$meta" "$results"
	if [ -s "$tmp/cg" ]; then
		echo
		awk 'BEGIN { printf "%-20s %14s %14s %7s\n", "callgrind",
			"hget instr", "curl instr", "h/c" }
		{
			printf "%-20s %14s %14s", $1, $2, $3
			if ($2 != "-" && $3 != "-" && $3 > 0)
				printf " %7.3f", $2 / $3
			printf "\n"
		}' "$tmp/cg"
	fi
	if [ -s "$tmp/conns" ]; then
		echo
		echo "keep-alive, nginx stub_status around one run of $ka_n" \
		    "requests:"
		awk '{ printf "  %-8s %d connection%s, %d requests%s\n", $1,
			$2, $2 == 1 ? "" : "s", $3,
			$2 == 1 ? "" : "   <-- not one connection" }' \
		    "$tmp/conns"
	fi
}

echo
printf 'hget vs curl on 127.0.0.1, nginx on CPU %s, clients on CPU %s' \
    "$srv_cpu" "$cli_cpu"
printf ' (@1core: both on CPU %s)' "$srv_cpu"
if [ "$quick" = 1 ]; then echo ', QUICK=1'; else echo; fi
table | sed "s/ *\$//" | tee "${json%.json}.txt"
echo
echo "JSON lines: $json"
echo "table: ${json%.json}.txt"
if [ -n "$failed" ]; then
	say "failed:$failed"
	exit 1
fi
