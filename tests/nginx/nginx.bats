#!/usr/bin/env bats
# hget against a real nginx: real-world framing, keep-alive and big bodies.

load nginx

setup_file() {
	nginx_start
	printf 'hello from nginx\n' >"$NGX/www/hello.txt"
	head -c 100000000 /dev/urandom >"$NGX/www/big.bin"
	export NGX NGINX_PORT NGINX_URL
}

teardown_file() {
	nginx_stop
}

@test "nginx: a static file, byte for byte, exit 0" {
	run "$HGET" -sS "$NGINX_URL/hello.txt"
	assert_success
	assert_output "hello from nginx"
}

@test "nginx: a 404 exits 0 without -f and 22 with it" {
	run "$HGET" -sS -o /dev/null -w '%{http_code}' "$NGINX_URL/nope"
	assert_success
	assert_output "404"
	run "$HGET" -sS -f "$NGINX_URL/nope"
	assert_failure 22
	assert_output "hget: (22) The requested URL returned error: 404"
}

@test "nginx: HEAD shows the head and no body" {
	run "$HGET" -sS -I "$NGINX_URL/hello.txt"
	assert_success
	assert_line --index 0 --regexp '^HTTP/1\.1 200 OK'
	assert_line --regexp '^Content-Length: 17'
	refute_line --partial "hello from nginx"
}

@test "nginx: 100 MB to a file is identical (cmp)" {
	run "$HGET" -sS -o "$BATS_TEST_TMPDIR/big" "$NGINX_URL/big.bin"
	assert_success
	cmp "$NGX/www/big.bin" "$BATS_TEST_TMPDIR/big"
}

@test "nginx: 100 MB through a pipe is identical" {
	"$HGET" -sS "$NGINX_URL/big.bin" | cmp - "$NGX/www/big.bin"
}

@test "nginx: several URLs reuse one connection (access log)" {
	: >"$NGX/logs/conn.log"
	run "$HGET" -sS "$NGINX_URL/hello.txt" "$NGINX_URL/hello.txt" \
	    -o /dev/null "$NGINX_URL/hello.txt"
	assert_success
	# nginx logs after the response; give the last line a moment
	for _ in $(seq 20); do
		[ "$(wc -l <"$NGX/logs/conn.log")" -ge 3 ] && break
		sleep 0.1
	done
	run awk '{print $1}' "$NGX/logs/conn.log"
	assert_equal "${#lines[@]}" 3
	assert_equal "${lines[0]}" "${lines[1]}"
	assert_equal "${lines[1]}" "${lines[2]}"
	run awk '{print $2}' "$NGX/logs/conn.log"
	assert_equal "${lines[*]}" "1 2 3"
}
