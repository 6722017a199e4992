#!/usr/bin/env bats
# tests/cli/next.bats: -:/--next.  Each operation has its own options and
# outputs; -s, -S, -v, --timing and the like are global (the last value
# holds for every operation, as in curl 7.88.1, measured); all share one
# connection; a trailing --next with no URL after it is "no URL
# specified!" (curl transfers the operations before it first).

load helper

OK=tests/data/ok.http		# 200, Content-Length: 6, body "hello\n"
NF=tests/data/usage-404.http	# 404, Content-Length: 10, body "not found\n"

@test "--next: options of their own per operation, one connection" {
	serve -n 1 "$OK" "$OK"
	hget_run -H 'X-One: 1' -o one.txt "$URL/1" --next -A two "$URL/2"
	assert_status 0
	assert_stdout $'hello\n'
	[[ $(cat one.txt) == hello ]]
	grep -q $'^X-One: 1\r$' "$REC/req.1"
	! grep -q '^User-Agent: two' "$REC/req.1"
	! grep -q '^X-One' "$REC/req.2"
	grep -q $'^User-Agent: two\r$' "$REC/req.2"
	assert_conns 1
}

@test "-: with -d in one operation and -I in the other: no conflict" {
	serve -n 1 "$OK" "$OK"
	hget_run -s -d x=1 -o /dev/null "$URL/p" -: -I "$URL/h"
	assert_status 0
	head -n 1 "$REC/req.1" | grep -q '^POST /p '
	head -n 1 "$REC/req.2" | grep -q '^HEAD /h '
}

@test "-s after --next silences the operation before it too (global)" {
	hget_run http://127.0.0.1:9/a --next -s http://127.0.0.1:9/b
	assert_status 7
	assert_stderr ''
	hget_run -s http://127.0.0.1:9/a --next -S http://127.0.0.1:9/b
	assert_status 7
	[[ $(grep -c '^hget: (7) ' "$T/err") == 2 ]]
}

@test "--timing before --next times the operations after it too (global)" {
	serve -n 1 "$OK" "$OK"
	hget_run -s --timing -o /dev/null "$URL/a" --next -o /dev/null "$URL/b"
	assert_status 0
	[[ $(grep -c '^total' "$T/err") == 2 ]] || fail "$(cat "$T/err")"
}

@test "the exit code is the last failure's across operations" {
	serve -n 2 "$NF" "$OK"
	hget_run -s -f -o /dev/null "$URL/a" --next -o /dev/null "$URL/b"
	assert_status 22
}

@test "a leading --next is no operation; a trailing one is refused" {
	serve -n 1 "$OK"
	hget_run -s --next "$URL/"
	assert_status 0
	assert_stdout $'hello\n'
	hget_run http://127.0.0.1:9/ --next
	assert_status 2
	assert_stderr $'hget: no URL specified!\nhget: try \'hget --help\' or \'hget --manual\' for more information\n'
}

@test "--next inside a config file starts an operation there" {
	serve -n 1 "$OK" "$OK"
	printf 'url = %s/1\nheader = "X-A: 1"\nnext\nurl = %s/2\n' "$URL" "$URL" >k.conf
	HOME=$T hget_run -s -K k.conf
	assert_status 0
	grep -q $'^X-A: 1\r$' "$REC/req.1"
	! grep -q '^X-A' "$REC/req.2"
}
