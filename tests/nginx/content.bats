#!/usr/bin/env bats
# tests/nginx/content.bats: --compressed against a real nginx that gzips
# everything (gzip on; gzip_types *; gzip_min_length 0).

load nginx

# nginx.bash's configuration, with gzip turned on for every type and size
eval "base_$(declare -f nginx_conf)"
nginx_conf() {
	base_nginx_conf | sed 's/^http {$/http {\n\tgzip on;\n\tgzip_types *;\n\tgzip_min_length 0;/'
}

setup_file() {
	nginx_start
	# 1 MiB of text, which gzip shrinks a lot
	awk 'BEGIN { for (i = 0; i < 20000; i++)
	    printf "line %05d: the quick brown fox jumps over the lazy dog\n",
	    i }' | head -c 1048576 >"$NGX/www/text.txt"
	export NGX NGINX_PORT NGINX_URL
}

teardown_file() {
	nginx_stop
}

@test "nginx content: 1 MiB of text, gzipped by nginx, decoded identical" {
	hget_run -sS --compressed -D hdrs -o text -w '%{size_download}' \
	    "$NGINX_URL/text.txt"
	assert_status 0
	assert_stderr ''
	cmp "$NGX/www/text.txt" text
	# it did come gzipped, and smaller
	grep -qx $'Content-Encoding: gzip\r' hdrs ||
	    fail "no Content-Encoding: gzip in $(cat hdrs)"
	[[ $output =~ ^[0-9]+$ ]] && ((output > 0 && output < 200000)) ||
	    fail "size_download $output: not gzipped?"
}

@test "nginx content: --compressed through a pipe is identical" {
	"$HGET" -sS --compressed "$NGINX_URL/text.txt" 2>err |
	    cmp - "$NGX/www/text.txt"
	[[ ! -s err ]] || fail "stderr: $(cat err)"
}

@test "nginx content: without --compressed nginx sends the text as it is" {
	hget_run -sS -D hdrs -o text -w '%{size_download}' \
	    "$NGINX_URL/text.txt"
	assert_status 0
	assert_stdout 1048576
	assert_stderr ''
	cmp "$NGX/www/text.txt" text
	! grep -qi '^Content-Encoding' hdrs ||
	    fail "unasked Content-Encoding in $(cat hdrs)"
}

@test "nginx content: --max-decoded-size 512K stops it: 61, no file" {
	hget_run -sS --compressed --max-decoded-size 512K -o text \
	    "$NGINX_URL/text.txt"
	assert_status 61
	assert_stdout ''
	assert_stderr $'hget: (61) Decoded body exceeds --max-decoded-size of 524288 bytes\n'
	# no file and no temporary file left behind
	shopt -s nullglob dotglob
	left=("$T"/*)
	shopt -u nullglob dotglob
	[[ ${left[*]} == "$T/err $T/out $T/want.err $T/want.out" ]] ||
	    fail "files in \$T: ${left[*]}"
}
