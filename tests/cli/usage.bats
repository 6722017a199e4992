#!/usr/bin/env bats
# tests/cli/usage.bats: the command line itself, against curl 7.88.1.
#
# Usage errors, option/URL order, bundled and attached short options,
# --no-<bool>, "--", --url, -q, -h/--help and -V/--version.  Every
# expectation below was measured by running curl 7.88.1 with the same
# arguments (against the same hgserve fixture where a request is made)
# and writing "hget" for "curl".  Where hget differs on purpose, a
# comment says so.  One difference is not repeated at each test: curl
# shows its progress meter on stderr whenever the body is not on a
# terminal, hget only when stderr is one (and bats' is not).

load helper

OK=tests/data/ok.http		# 200, Content-Length: 6, body "hello\n"
NF=tests/data/usage-404.http	# 404, Content-Length: 10, body "not found\n"
GET=tests/data/usage-get.req	# curl -s @URL@/

# A URL no test connects to: every command naming it fails before any
# transfer (or stops at -h/-V), so nothing ever listens there.
NOWHERE=http://127.0.0.1:9/

TRY="hget: try 'hget --help' or 'hget --manual' for more information"

# usage_error MSG: the last hget_run was a usage error: exit 2, nothing
# on stdout, "hget: MSG" and the hint on stderr.  An empty MSG is the
# bare "hget" case, where curl prints only the hint.
usage_error() {
	assert_status 2
	assert_stdout ''
	if [[ -n $1 ]]; then
		assert_stderr "hget: $1"$'\n'"$TRY"$'\n'
	else
		assert_stderr "$TRY"$'\n'
	fi
}

# The options hget --help lists, one "LETTER NAME ARG" a line (LETTER
# "-" when there is none, ARG "-" when the option takes none), parsed
# from lines such as " -o, --output <file>      Write to file...",
# "     --create-dirs        Create..." and curl's one argument without
# angle brackets, " -x, --proxy [protocol://]host[:port] Use this proxy".
help_table() {
	local re='^ (-(.), |    )--([^ ]+)( <[^>]+>| \[[^ ]+)?( |$)' l

	"$HGET" --help | tail -n +2 | while IFS= read -r l; do
		[[ $l =~ $re ]] || { echo "unparsed help line: $l" >&2; return 1; }
		printf '%s %s %s\n' "${BASH_REMATCH[2]:--}" \
		    "${BASH_REMATCH[3]}" "${BASH_REMATCH[4]:+arg}"
	done | sed 's/ $/ -/'
}

# table_name NAME: the name cmd/opts.c's table has for the option
# --help shows as NAME.  curl's option is the boolean "clobber", on by
# default, and curl's --help shows it as --no-clobber (sorted so); hget
# does the same, and so with progress-meter.
table_name() {
	case $1 in
	no-clobber)	echo clobber ;;
	no-progress-meter) echo progress-meter ;;
	*)		echo "$1" ;;
	esac
}

# Which of hget's options curl 7.88.1 takes in a --no- form (curl's
# ARG_BOOL), and which it refuses with "used '--no-' for option that
# isn't a boolean": measured by running "curl --no-NAME -V" for each
# (names as in the table: "clobber", whose --no- form is --no-clobber).
# trace-secrets and timing are hget's own (curl has no such option):
# booleans.
# max-decoded-size is hget's own too (curl says "is unknown" for
# --no-max-decoded-size): it takes a size, so a non-boolean.
CURL_BOOLS=" basic clobber compressed create-dirs disable fail
    fail-with-body get globoff head help http0.9 include insecure
    junk-session-cookies location location-trusted manual netrc
    netrc-optional
    post301 post302 post303 progress-bar progress-meter proxy-basic
    proxytunnel remote-header-name
    remote-name remote-name-all remote-time remove-on-error
    retry-all-errors retry-connrefused show-error silent timing
    tr-encoding trace-secrets trace-time verbose version "
CURL_NONBOOLS=" cacert capath cert cert-type ciphers color config
    connect-timeout connect-to continue-at cookie cookie-jar data data-ascii data-binary
    data-raw data-urlencode dump-header etag-compare etag-save
    expect100-timeout form form-string header http1.0 http1.1 ipv4 ipv6
    json key limit-rate max-decoded-size max-filesize max-redirs max-time
    netrc-file next noproxy oauth2-bearer output output-dir pinnedpubkey proxy
    proxy-user range referer request resolve retry retry-delay
    retry-max-time time-cond tls-max tlsv1 tlsv1.0 tlsv1.1 tlsv1.2
    tlsv1.3 trace trace-ascii trace-json upload-file url url-query user
    user-agent write-out "

# ---------------------------------------------------------------- usage errors

@test "usage: an unknown long option exits 2 with curl's two lines" {
	hget_run --bogus "$NOWHERE"
	usage_error 'option --bogus: is unknown'

	hget_run ---x "$NOWHERE"
	usage_error 'option ---x: is unknown'
}

@test "usage: an unknown short letter names the whole word, bundle included" {
	# -7 is no option of curl's either
	hget_run -7 "$NOWHERE"
	usage_error 'option -7: is unknown'

	hget_run -sS7 "$NOWHERE"
	usage_error 'option -sS7: is unknown'

	# a lone "-" is not stdin or a URL to curl: an unknown option
	hget_run - "$NOWHERE"
	usage_error 'option -: is unknown'
}

@test "usage: --long=value is refused as unknown, as curl 7.88 does" {
	hget_run --output=x "$NOWHERE"
	usage_error 'option --output=x: is unknown'

	hget_run --max-time=5 "$NOWHERE"
	usage_error 'option --max-time=5: is unknown'

	hget_run --silent= "$NOWHERE"
	usage_error 'option --silent=: is unknown'
}

@test "usage: a missing argument is 'requires parameter'" {
	hget_run "$NOWHERE" -o
	usage_error 'option -o: requires parameter'

	hget_run "$NOWHERE" --output
	usage_error 'option --output: requires parameter'

	# the word as written: bundle, prefix
	hget_run "$NOWHERE" -sSo
	usage_error 'option -sSo: requires parameter'

	hget_run "$NOWHERE" --max-t
	usage_error 'option --max-t: requires parameter'

	hget_run --url
	usage_error 'option --url: requires parameter'

	hget_run "$NOWHERE" -H
	usage_error 'option -H: requires parameter'
}

@test "usage: bad numbers for -m and --connect-timeout, curl's wording" {
	local words

	# "ARGS...|MESSAGE", measured with curl 7.88.1
	while IFS='|' read -r args msg; do
		read -r -a words <<<"$args"
		hget_run "${words[@]}" "$NOWHERE"
		usage_error "$msg"
	done <<'EOF'
-m abc|option -m: expected a proper numerical parameter
-m 1x|option -m: expected a proper numerical parameter
-m 1,5|option -m: expected a proper numerical parameter
-m5x|option -m5x: expected a proper numerical parameter
-sm5x|option -sm5x: expected a proper numerical parameter
-m -1|option -m: expected a positive numerical parameter
--max-time -0.5|option --max-time: expected a positive numerical parameter
-m 1e400|option -m: too large number
-m 99999999999999999|option -m: too large number
--connect-timeout abc|option --connect-timeout: expected a proper numerical parameter
--connect-timeout -1|option --connect-timeout: expected a positive numerical parameter
--connect-timeout 1e400|option --connect-timeout: too large number
--connect-timeout 9223372036854780|option --connect-timeout: too large number
EOF
	# an empty word is not a number either
	hget_run -m '' "$NOWHERE"
	usage_error 'option -m: expected a proper numerical parameter'
}

@test "usage: no URL at all is 'no URL specified!', even with -s" {
	hget_run -v
	usage_error 'no URL specified!'

	# curl prints usage errors whatever -s says
	hget_run -s
	usage_error 'no URL specified!'

	hget_run -s --
	usage_error 'no URL specified!'

	hget_run -o never
	usage_error 'no URL specified!'
	[[ ! -e never ]]
}

@test "usage: a bare hget prints only the hint" {
	hget_run
	usage_error ''
}

@test "usage: an ambiguous prefix is 'is ambiguous' (curl's whole option list counts)" {
	# --request and curl's --request-target, --referer, --remote-name...
	hget_run --re "$NOWHERE"
	usage_error 'option --re: is ambiguous'

	hget_run --req "$NOWHERE"
	usage_error 'option --req: is ambiguous'
}

@test "usage: TLS and proxy options: curl's errors and warnings" {
	# --tls-max takes "default" and 1.0 .. 1.3, exactly as written
	hget_run --tls-max 1.4 "$NOWHERE"
	usage_error 'option --tls-max: is badly used here'

	hget_run --tls-m DEFAULT "$NOWHERE"
	usage_error 'option --tls-m: is badly used here'

	# the URL is --tls-max's argument here, and not a version
	hget_run --tls-max "$NOWHERE"
	usage_error 'option --tls-max: is badly used here'

	hget_run "$NOWHERE" -E
	usage_error 'option -E: requires parameter'

	hget_run --prox x "$NOWHERE"
	usage_error 'option --prox: is ambiguous'

	hget_run --tlsv1. "$NOWHERE"
	usage_error 'option --tlsv1.: is ambiguous'

	hget_run --ca x "$NOWHERE"
	usage_error 'option --ca: is ambiguous'

	hget_run --no-proxy x "$NOWHERE"
	usage_error "option --no-proxy: used '--no-' for option that isn't a boolean"

	# file names that look like options draw curl's warning (-E: the
	# whole word, password and all), then the walk goes on
	hget_run -E -x:pw --cacert -c --capath -d --key -k --bogus
	assert_status 2
	assert_stdout ''
	assert_stderr "Warning: The file name argument '-x:pw' looks like a flag.
Warning: The file name argument '-c' looks like a flag.
Warning: The file name argument '-d' looks like a flag.
Warning: The file name argument '-k' looks like a flag.
hget: option --bogus: is unknown
$TRY
"
	# not for the options that name no file
	hget_run -x -x -U -y --resolve -z --cert-type -a --bogus
	usage_error 'option --bogus: is unknown'
}

@test "usage: --no- forms curl refuses" {
	# only a whole name after --no- (no prefixes), lower-case "no-"
	hget_run --no-verb "$NOWHERE"
	usage_error 'option --no-verb: is unknown'

	hget_run --No-silent "$NOWHERE"
	usage_error 'option --No-silent: is unknown'

	hget_run --no- "$NOWHERE"
	usage_error 'option --no-: is unknown'

	hget_run --no-no-silent "$NOWHERE"
	usage_error 'option --no-no-silent: is unknown'

	hget_run --no-http1.0 "$NOWHERE"
	usage_error "option --no-http1.0: used '--no-' for option that isn't a boolean"
}

@test "usage: -f with --fail-with-body, the note first (not with -s)" {
	hget_run -f --fail-with-body "$NOWHERE"
	assert_status 2
	assert_stdout ''
	assert_stderr "hget: You must select either --fail or --fail-with-body, not both.
hget: option --fail-with-body: is badly used here
$TRY
"
	hget_run -s --fail-with-body -f "$NOWHERE"
	usage_error 'option -f: is badly used here'
}

@test "usage: an empty -o is badly used, after a warning (not with -s)" {
	hget_run -o '' "$NOWHERE"
	assert_status 2
	assert_stdout ''
	assert_stderr "Warning: output file name has no length
hget: option -o: is badly used here
$TRY
"
	hget_run -s -o '' "$NOWHERE"
	usage_error 'option -o: is badly used here'
}

@test "usage: the whole line is read before any transfer; the first error wins" {
	serve "$OK" "$OK"
	hget_run "$URL/" --bogus --worse "$URL/"
	usage_error 'option --bogus: is unknown'
	assert_conns 0
	refute_request 1
}

# ------------------------------------------------------- order, bundles, attached

@test "order: options after URLs still apply; -o pairs with URLs by position" {
	serve -n 1 "$OK" "$OK"
	hget_run "$URL/a" -s -o out1 "$URL/b" -o out2
	serve_wait
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp out1 "$DATA/ok.body"
	cmp out2 "$DATA/ok.body"
	assert_request 1 tests/data/usage-order.req
	assert_request 2 tests/data/usage-order.req.2
	refute_request 3
	assert_conns 1
}

@test "order: -i after the URL shows the head" {
	serve -n 1 "$OK"
	hget_run "$URL/" -i
	serve_wait
	assert_status 0
	assert_stdout_file "$OK"
	assert_stderr ''
	assert_request 1 "$GET"
}

@test "bundle: -sSf on a 404 exits 22 with the error line" {
	serve -n 1 "$NF"
	hget_run -sSf "$URL/nf"
	serve_wait
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 1 tests/data/usage-sSf.req
}

@test "bundle: -sf on a 404 exits 22 and says nothing" {
	serve -n 1 "$NF"
	hget_run -sf "$URL/nf"
	serve_wait
	assert_status 22
	assert_stdout ''
	assert_stderr ''
	assert_request 1 tests/data/usage-sSf.req
}

@test "bundle: -sSo FILE URL and -sSoFILE URL write the file" {
	serve -n 2 "$OK" "$OK"
	hget_run -sSo f1 "$URL/"
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp f1 "$DATA/ok.body"

	hget_run -sSof2 "$URL/"
	serve_wait
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp f2 "$DATA/ok.body"
	assert_request 1 "$GET"
	assert_request 2 "$GET"
}

@test "attached: -oFILE -H'X: y' -AUA -eREF -XPUT -m5 as separate words would" {
	serve -n 1 "$OK"
	hget_run -sS -oatt.out -H'X-Test: y' -Ahget-ua -eref -XPUT -m5 "$URL/att"
	serve_wait
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp att.out "$DATA/ok.body"
	assert_request 1 tests/data/usage-attached.req
}

@test "attached: -o and -D take the next word whatever it looks like; curl warns" {
	serve -n 2 "$OK" "$OK"
	# curl 7.88.1 warns, unless -s is already in effect, when the file
	# name of -o or -D starts with "-" (but is not "-" alone)
	hget_run -o -s "$URL/"
	assert_status 0
	assert_stdout ''
	assert_stderr $'Warning: The file name argument \'-s\' looks like a flag.\n'
	cmp ./-s "$DATA/ok.body"

	hget_run -D -h "$URL/"
	serve_wait
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr $'Warning: The file name argument \'-h\' looks like a flag.\n'
	cmp ./-h "$DATA/usage-ok.head"
	assert_request 1 "$GET"
	assert_request 2 "$GET"
}

@test "attached: -so -x writes to '-x' without a warning (-s came first)" {
	serve -n 1 "$OK"
	hget_run -so -x "$URL/"
	serve_wait
	assert_status 0
	assert_stdout ''
	assert_stderr ''
	cmp ./-x "$DATA/ok.body"
	assert_request 1 "$GET"
}

@test "long: unambiguous prefixes and any case are accepted" {
	serve -n 2 "$OK" "$OK"
	hget_run --sil --inc "$URL/"
	assert_status 0
	assert_stdout_file "$OK"
	assert_stderr ''

	hget_run --SILENT --Include "$URL/"
	serve_wait
	assert_status 0
	assert_stdout_file "$OK"
	assert_stderr ''
	assert_request 1 "$GET"
	assert_request 2 "$GET"
}

# ------------------------------------------------------------------ --no- forms

@test "no-: -i --no-include prints the body only" {
	serve -n 1 "$OK"
	hget_run -i --no-include "$URL/"
	serve_wait
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 "$GET"
}

@test "no-: -v --no-verbose prints no trace" {
	serve -n 1 "$OK"
	hget_run -v --no-verbose "$URL/"
	serve_wait
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 "$GET"
}

@test "no-: -s --no-silent shows the error again" {
	serve -n 1 "$NF"
	hget_run -s --no-silent -f "$URL/nf"
	serve_wait
	assert_status 22
	assert_stdout ''
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 1 tests/data/usage-sSf.req
}

@test "no-: every option is classified as curl classifies it" {
	local letter name arg n=0

	while read -r letter name arg; do
		n=$((n + 1))
		name=$(table_name "$name")
		[[ $CURL_BOOLS == *" $name"[$' \n']* ||
		    $CURL_NONBOOLS == *" $name"[$' \n']* ]] ||
		    fail "--$name: not in CURL_BOOLS or CURL_NONBOOLS; measure curl"
	done < <(help_table)
	((n == 109)) || fail "help lists $n options, the lists here hold 109"
}

@test "no-: every boolean's --no- form is accepted and the transfer runs" {
	local letter name arg i=0 steps=()

	for ((i = 0; i < 42; i++)); do
		steps+=("$OK")
	done
	serve -n 42 "${steps[@]}"
	i=0
	while read -r letter name arg; do
		# --no-clobber, not --no-no-clobber
		name=$(table_name "$name")
		[[ $CURL_BOOLS == *" $name"[$' \n']* ]] || continue
		i=$((i + 1))
		hget_run "--no-$name" "$URL/"
		assert_status 0
		assert_stdout_file tests/data/ok.body
		assert_stderr ''
		assert_request "$i" "$GET"
	done < <(help_table)
	((i == 42)) || fail "$i booleans, expected 42"
	assert_conns 42
}

@test "no-: every other option's --no- form is refused" {
	local letter name arg i=0

	while read -r letter name arg; do
		[[ $CURL_NONBOOLS == *" $name"[$' \n']* ]] || continue
		i=$((i + 1))
		hget_run "--no-$name" x "$NOWHERE"
		usage_error "option --no-$name: used '--no-' for option that isn't a boolean"
	done < <(help_table)
	((i == 67)) || fail "$i non-booleans, expected 67"
}

# ------------------------------------------------------------------------- "--"

@test "--: words after it are URLs, even '-o'; the URL before still runs" {
	serve -n 1 "$OK"
	# "-o" is a host name that cannot be (it starts with "-"): glibc
	# refuses it without asking a name server
	hget_run -sS "$URL/" -- -o
	serve_wait
	assert_status 6
	assert_stdout_file tests/data/ok.body
	assert_stderr $'hget: (6) Could not resolve host: -o\n'
	assert_request 1 "$GET"
	refute_request 2
}

@test "--: '--bogus' after it is a URL, not an unknown option" {
	hget_run -- --bogus
	assert_status 6
	assert_stdout ''
	assert_stderr $'hget: (6) Could not resolve host: --bogus\n'

	# and an empty word is an empty URL
	hget_run -- ''
	assert_status 3
	assert_stdout ''
	assert_stderr $'hget: (3) URL using bad/illegal format or missing URL\n'
}

# ------------------------------------------------------------------------ --url

@test "--url: several, mixed with bare URLs, run in command-line order" {
	serve -n 1 "$OK" "$OK" "$OK"
	hget_run -s "$URL/a" --url "$URL/b" "$URL/c"
	serve_wait
	assert_status 0
	assert_stdout $'hello\nhello\nhello\n'
	assert_stderr ''
	assert_request 1 tests/data/usage-url.req
	assert_request 2 tests/data/usage-url.req.2
	assert_request 3 tests/data/usage-url.req.3
	assert_conns 1
}

@test "--url: takes the next word whatever it looks like" {
	hget_run --url -s
	assert_status 6
	assert_stdout ''
	assert_stderr $'hget: (6) Could not resolve host: -s\n'
}

@test "several URLs: the exit code is the last failure's (curl: the last URL's)" {
	serve "$NF" "$OK"
	# Differs from curl on purpose: curl 7.88.1 exits with the result of
	# the last URL (0 here, after the 404 of the first one with -f), so a
	# script cannot see that a download failed; hget keeps the failure.
	hget_run -sS -f "$URL/nf" "$URL/"
	assert_stdout_file tests/data/ok.body
	assert_stderr $'hget: (22) The requested URL returned error: 404\n'
	assert_request 1 tests/data/usage-sSf.req
	assert_request 2 "$GET"
	assert_status 22
}

# --------------------------------------------------------------------------- -q

@test "-q: accepted first (also as -qs and --disable) and anywhere else" {
	serve -n 4 "$OK" "$OK" "$OK" "$OK"
	hget_run -q "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''

	hget_run -qs "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''

	hget_run --disable "$URL/"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''

	hget_run "$URL/" -q
	serve_wait
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	for i in 1 2 3 4; do
		assert_request "$i" "$GET"
	done
}

# ------------------------------------------------------------------ -h, --help

@test "help: -h, --help and --help all list every option, curl's lines" {
	local a

	# usage-help.txt: the Usage line, then for each option of
	# cmd/opts.c's table the line "curl --help all" prints for it, in
	# curl's order (the table's "clobber" as curl's --no-clobber line);
	# the options curl lacks (--color, --max-decoded-size, --timing,
	# --trace-json, --trace-secrets) have hget's own lines, and -q says
	# .hgetrc
	for a in -h --help '--help all' '-h ALL'; do
		# shellcheck disable=SC2086
		hget_run $a
		assert_status 0
		assert_stdout_file tests/data/usage-help.txt
		assert_stderr ''
	done
	assert_equal "$(head -n 1 "$T/out")" 'Usage: hget [options...] <url>'
}

@test "help: lists exactly the names of cmd/opts.c's option table" {
	local table shown

	# The table's rows are one a line, name first (cmd/opts.c says so).
	table=$(awk '/^static const struct opt opt_table\[\] = \{/ { f = 1; next }
	    f && /^};/ { f = 0 }
	    f && match($0, /"[^"]+"/) { print substr($0, RSTART + 1, RLENGTH - 2) }' \
	    "$ROOT/cmd/opts.c")
	[[ -n $table ]] || fail "no option table found in cmd/opts.c"
	# --help shows the table's "clobber" row as --no-clobber, where curl
	# sorts that name (table_name), and "progress-meter" likewise; every
	# other row as it is, in the table's order.
	shown=$(help_table | awk '{ print $2 }')
	assert_equal "$(grep -c -x no-clobber <<<"$shown")" 1
	assert_equal "$(grep -c -x clobber <<<"$table")" 1
	assert_equal "$(grep -c -x no-progress-meter <<<"$shown")" 1
	assert_equal "$(grep -c -x progress-meter <<<"$table")" 1
	assert_equal "$(grep -v -x -e no-clobber -e no-progress-meter <<<"$shown")" \
	    "$(grep -v -x -e clobber -e progress-meter <<<"$table")"
}

@test "help: -h CATEGORY, and an unknown category lists the categories" {
	local cats=' auth        Different types of authentication methods
 connection  Low level networking operations
 curl        The command line tool itself
 dns         General DNS options
 http        HTTP and HTTPS protocol options
 output      Filesystem output
 post        HTTP Post specific options
 proxy       All options related to proxies
 tls         All TLS/SSL related options
 upload      All options for uploads
 verbose     Options related to any kind of command line output of hget
'
	hget_run -h category
	assert_status 0
	assert_stdout "Usage: hget [options...] <url>
$cats"
	assert_stderr ''

	# curl's lines for the output category, the options hget has
	hget_run --help output
	assert_status 0
	assert_stdout "Usage: hget [options...] <url>
output: Filesystem output
     --fail-with-body     Fail on HTTP errors but save the body
     --no-clobber         Do not overwrite files that already exist
 -J, --remote-header-name Use the header-provided filename
 -O, --remote-name        Write output to a file named as the remote file
     --remote-name-all    Use the remote file name for all URLs
 -R, --remote-time        Set the remote file's time on the local output
"
	assert_stderr ''

	# the word after -h is the category whatever it looks like
	hget_run -h --bogus
	assert_status 0
	assert_stdout "Usage: hget [options...] <url>
Invalid category provided, here is a list of all categories:

$cats"
	assert_stderr ''
}

@test "help: -h stops the command line: no transfer, later errors unseen" {
	serve "$OK"
	hget_run "$URL/" -h
	assert_status 0
	assert_stdout_file tests/data/usage-help.txt
	assert_stderr ''

	hget_run -sh
	assert_status 0
	assert_stdout_file tests/data/usage-help.txt
	assert_stderr ''
	assert_conns 0

	# an error before it still counts
	hget_run --bogus -h
	usage_error 'option --bogus: is unknown'
}

# --------------------------------------------------------------- -V, --version

@test "version: -V and --version, exit 0, hget 0.1.0, libraries, protocols" {
	local a re

	re='^hget 0\.1\.0 \([^ ()]+\) libbsd(/[0-9.]+)? libtls/[^ ]+ zlib/[0-9.]+ brotli/[0-9]+\.[0-9]+\.[0-9]+ zstd/[0-9.]+$'
	for a in -V --version --vers; do
		hget_run "$a"
		assert_status 0
		assert_stderr ''
		assert_equal "${#lines[@]}" 3
		assert_regex "${lines[0]}" "$re"
		assert_equal "${lines[1]}" 'Protocols: http https'
		# curl's names for the features hget has, in curl's order
		assert_regex "${lines[2]}" '^Features: brotli IPv6( Largefile)? libz SSL zstd$'
		# the whole output ends in a newline
		assert_equal "$(tail -c 1 "$T/out" | od -An -c | tr -d ' ')" '\n'
	done
}

@test "version: -V stops the command line: no transfer, later errors unseen" {
	serve "$OK"
	"$HGET" -V >"$T/want.version"
	hget_run "$URL/" -V --bogus
	assert_status 0
	assert_stdout_file "$T/want.version"
	assert_stderr ''

	hget_run -sV "$URL/"
	assert_status 0
	assert_stdout_file "$T/want.version"
	assert_stderr ''
	assert_conns 0

	hget_run --bogus -V
	usage_error 'option --bogus: is unknown'
}

@test "version: every option of the table is accepted, long and short" {
	local letter name arg a n=0

	"$HGET" -V >"$T/want.version"
	# -V ends the walk where it stands, after the options before it
	# were parsed and checked; curl 7.88.1 prints its version for every
	# one of these command lines too, but for the options curl lacks
	# (--max-decoded-size, --trace-secrets: "is unknown" to curl).
	while read -r letter name arg; do
		case $name in
		# they stop the walk themselves (curl -M -V prints the manual)
		help|version|manual)	continue ;;
		esac
		a=()
		# arguments curl takes without a word of warning (-z x, for
		# one, draws curl's "Illegal date format" warning)
		case $name in
		max-time|connect-timeout|expect100-timeout)	a=(1.5) ;;
		max-redirs|retry|retry-delay|retry-max-time)	a=(3) ;;
		max-filesize|max-decoded-size|limit-rate)	a=(1000) ;;
		continue-at)	a=(5) ;;
		range)		a=(0-1) ;;
		time-cond)	a=(20231231) ;;
		etag-save|etag-compare)	a=("$T/usage.etag") ;;
		cookie-jar)	a=("$T/usage.jar") ;;
		tls-max)	a=(1.2) ;;
		color)		a=(never) ;;
		config)		a=(/dev/null) ;;
		form|form-string|cookie)	a=(a=b) ;;
		*)	[[ $arg == - ]] || a=(x) ;;
		esac
		# --no-clobber as --help shows it (the table's "clobber")
		n=$((n + 1))
		hget_run "--$name" "${a[@]}" -V
		assert_status 0
		assert_stdout_file "$T/want.version"
		assert_stderr ''
		[[ $letter == - ]] && continue
		hget_run "-$letter" "${a[@]}" -V
		assert_status 0
		assert_stdout_file "$T/want.version"
		assert_stderr ''
	done < <(help_table)
	((n == 106)) || fail "$n options tried, expected 106"
}

# ------------------------------------------------------------------- /dev/full

@test "output: --help and --version to a full stdout exit 23" {
	# Differs on purpose: curl 7.88.1 exits 0 and says nothing when its
	# --help or --version output cannot be written; hget checks stdout
	# as it does after a transfer.
	local a st

	for a in --help -V; do
		st=0
		timeout 10 "$HGET" "$a" >/dev/full 2>"$T/err" || st=$?
		assert_equal "$st" 23
		assert_equal "$(cat "$T/err")" \
		    'hget: (23) Failure writing output to destination: No space left on device'
		assert_equal "$(wc -l <"$T/err")" 1
	done

	# -s silences the message, not the exit code
	st=0
	timeout 10 "$HGET" -s --help >/dev/full 2>"$T/err" || st=$?
	assert_equal "$st" 23
	[[ ! -s $T/err ]] || fail "stderr: $(cat "$T/err")"
}
