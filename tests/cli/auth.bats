#!/usr/bin/env bats
# Credentials in the URL: sent as Basic auth the way curl sends them.

load helper

@test "auth: user:password in the URL is sent as Basic, percent-decoded" {
	serve -n 1 tests/data/ok.http
	hget_run -sS "http://us%40er:p%3Ass@127.0.0.1:$PORT/x"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-url.req.1
}

@test "auth: a -H Authorization wins over the URL's user" {
	serve -n 1 tests/data/ok.http
	hget_run -sS -H 'Authorization: Bearer t' "http://u@127.0.0.1:$PORT/y"
	assert_status 0
	assert_stdout_file tests/data/ok.body
	assert_stderr ''
	assert_request 1 tests/data/auth-url.req.2
}
