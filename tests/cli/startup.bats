#!/usr/bin/env bats
# tests/cli/startup.bats: what a transfer pays for at start.  hget links
# only libc dynamically and opens libtls, zlib, brotli and zstd with
# dlopen(3) when a response first needs one (src/lazylib.c); ld.so's
# LD_DEBUG=libs log names every library it initialises.  (The https case
# is in tests/nginx/tls.bats.)

load helper

# The libraries ld.so initialised for the last ld_run, one file name per
# line, sorted.
ld_run() {
	rm -f "$T"/ld.*
	LD_DEBUG=libs LD_DEBUG_OUTPUT=$T/ld "$@"
}

ld_inits() {
	sed -n 's|.*calling init: .*/||p' "$T"/ld.* | sort -u
}

@test "startup: a plain http fetch initialises none of the optional libraries" {
	printf 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok' >"$T/r.http"
	serve "$T/r.http"
	ld_run "$HGET" -sS -o "$T/got" "$URL/" 2>"$T/err"
	[ "$(cat "$T/got")" = ok ]
	ld_inits | grep -q '^libc\.so' || fail "no libc in the log"
	# (a SANITIZE=1 build adds the sanitizers' own runtime libraries)
	! ld_inits | grep -Eq 'lib(tls|ssl|crypto|z|brotli|zstd|bsd|md)' ||
	    fail "initialised: $(ld_inits | tr '\n' ' ')"
}

@test "startup: --compressed asks, but only a gzip body loads zlib" {
	printf 'hello, gzip\n' | gzip -n -c >"$T/body.gz"
	{ printf 'HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n'
	  printf 'Content-Length: %d\r\n\r\n' "$(wc -c <"$T/body.gz")"
	  cat "$T/body.gz"; } >"$T/gz.http"
	printf 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nplain' >"$T/id.http"
	serve "$T/id.http" "$T/gz.http"
	ld_run "$HGET" -sS --compressed -o "$T/id" "$URL/"
	[ "$(cat "$T/id")" = plain ]
	! ld_inits | grep -q 'libz\.so' || fail "zlib loaded for identity"
	ld_run "$HGET" -sS --compressed -o "$T/gz" "$URL/"
	[ "$(cat "$T/gz")" = "hello, gzip" ]
	ld_inits | grep -q '^libz\.so' || fail "zlib not loaded for gzip"
	! ld_inits | grep -Eq 'libtls|libbrotli|libzstd' ||
	    fail "more than zlib: $(ld_inits | tr '\n' ' ')"
}
