#!/usr/bin/env bats
# tests/cli/glob.bats: URL globbing as curl 7.88 does it: {a,b}, [1-3],
# [01-10], [a-c], steps, several globs multiplied (the rightmost turns
# fastest), #N in -o, -O per URL, -g/--globoff, and curl's errors
# (exit 3, "WHAT in URL position N:", the URL, a caret), measured with
# curl 7.88.1.  hget finds a bad glob before the first transfer; curl
# transfers the URLs before it first.

load helper

OK=tests/data/ok.http		# 200, Content-Length: 6, body "hello\n"

# The request lines the server saw, one a line.
request_lines() {
	local f
	for f in "$REC"/req.[0-9]*; do
		[[ $f == *.len || $f == *.sum ]] && continue
		head -n 1 "$f" | tr -d '\r'
	done | sort
}

@test "{a,b} and [1-2] multiply; #1 and #2 name the files; one connection" {
	serve -n 1 "$OK" "$OK" "$OK" "$OK"
	hget_run -s "$URL/{a,b}/[1-2]" -o 'f_#1_#2'
	assert_status 0
	assert_stdout ''
	for f in f_a_1 f_a_2 f_b_1 f_b_2; do
		[[ $(cat "$f") == hello ]]
	done
	[[ $(request_lines) == $'GET /a/1 HTTP/1.1\nGET /a/2 HTTP/1.1\nGET /b/1 HTTP/1.1\nGET /b/2 HTTP/1.1' ]]
	assert_conns 1
}

@test "the order: the rightmost glob turns fastest" {
	serve -n 1 "$OK" "$OK" "$OK" "$OK"
	hget_run -s -w '%{url}\n' -o /dev/null "$URL/[1-2]{x,y}"
	assert_status 0
	assert_stdout "$URL/1x"$'\n'"$URL/1y"$'\n'"$URL/2x"$'\n'"$URL/2y"$'\n'
}

@test "[01-10:3] zero-padded with a step; [a-e:2] letters" {
	serve -n 1 "$OK" "$OK" "$OK" "$OK" "$OK" "$OK" "$OK"
	hget_run -s -w '%{url}\n' -o /dev/null "$URL/n[01-10:3]" -o /dev/null "$URL/[a-e:2]"
	assert_status 0
	assert_stdout "$URL/n01"$'\n'"$URL/n04"$'\n'"$URL/n07"$'\n'"$URL/n10"$'\n'"$URL/a"$'\n'"$URL/c"$'\n'"$URL/e"$'\n'
}

@test "-O names each file from its own URL" {
	serve -n 1 "$OK" "$OK"
	hget_run -s -O "$URL/file{1,2}.txt"
	assert_status 0
	[[ $(cat file1.txt) == hello && $(cat file2.txt) == hello ]]
}

@test "#N past the globs stays as written; \\[ escapes a bracket" {
	serve -n 1 "$OK"
	hget_run -s -o 'x#1#7' "$URL/p\\[1\\]"
	assert_status 0
	[[ -f 'x#1#7' ]]
	[[ $(request_lines) == 'GET /p[1] HTTP/1.1' ]]
}

@test "-g/--globoff sends the brackets and braces as they are" {
	serve -n 1 "$OK"
	hget_run -s -g -o /dev/null "$URL/{a}[1]"
	assert_status 0
	[[ $(request_lines) == 'GET /{a}[1] HTTP/1.1' ]]
}

@test "curl's glob errors: exit 3, the position and a caret" {
	hget_run 'http://127.0.0.1:9/[1-'
	assert_status 3
	assert_stderr $'hget: (3) bad range in URL position 23:\nhttp://127.0.0.1:9/[1-\n                      ^\n'
	hget_run 'http://127.0.0.1:9/{a,b'
	assert_status 3
	assert_stderr $'hget: (3) unmatched brace in URL position 20:\nhttp://127.0.0.1:9/{a,b\n                   ^\n'
	hget_run 'http://127.0.0.1:9/[3-1]'
	assert_status 3
	assert_stderr $'hget: (3) bad range in URL position 25:\nhttp://127.0.0.1:9/[3-1]\n                        ^\n'
	hget_run 'http://127.0.0.1:9/[1-5:0]'
	assert_status 3
	assert_stderr $'hget: (3) bad range in URL position 27:\nhttp://127.0.0.1:9/[1-5:0]\n                          ^\n'
	hget_run 'http://127.0.0.1:9/a}'
	assert_status 3
	assert_stderr $'hget: (3) unmatched close brace/bracket in URL position 21:\nhttp://127.0.0.1:9/a}\n                    ^\n'
	hget_run 'http://127.0.0.1:9/{}'
	assert_status 3
	assert_stderr $'hget: (3) empty string within braces in URL position 21:\nhttp://127.0.0.1:9/{}\n                    ^\n'
	hget_run 'http://127.0.0.1:9/{a[1-2]}'
	assert_status 3
	assert_stderr $'hget: (3) nested brace in URL position 22:\nhttp://127.0.0.1:9/{a[1-2]}\n                     ^\n'
	hget_run 'http://127.0.0.1:9/[*]'
	assert_status 3
	assert_stderr $'hget: (3) bad range specification in URL position 21:\nhttp://127.0.0.1:9/[*]\n                    ^\n'
	hget_run -s 'http://127.0.0.1:9/[1-'
	assert_status 3
	assert_stderr ''
}

@test "an IPv6 literal and [] are no globs" {
	hget_run -s -o /dev/null 'http://[::1]:9/[]'
	# a refused connection, not a glob error
	assert_status 7
}
