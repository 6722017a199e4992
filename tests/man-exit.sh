#!/bin/sh
# tests/man-exit.sh: every exit code in src/herr.h has its row in the man
# page's EXIT STATUS, and the man page lists no code herr.h lacks (2, the
# usage error, comes from cmd/).
#
#   sh tests/man-exit.sh src/herr.h man/hget.1
set -eu
codes=$(sed -n 's/^[[:space:]]*X([A-Z_]*,[[:space:]]*\([0-9]*\),.*/\1/p' "$1" |
    sort -n | uniq)
rows=$(sed -n '/^\.Sh EXIT STATUS/,/^\.Sh /s/^\.It \([0-9][0-9]*\)$/\1/p' "$2" |
    sort -n | uniq)
want=$(printf '%s\n2\n' "$codes" | sort -n | uniq)
if [ "$want" != "$rows" ]; then
	echo "man-exit: EXIT STATUS rows differ from src/herr.h (+ 2):" >&2
	printf '%s\n' "$want" >"${TMPDIR:-/tmp}/man-exit.want.$$"
	printf '%s\n' "$rows" | diff "${TMPDIR:-/tmp}/man-exit.want.$$" - >&2 || :
	rm -f "${TMPDIR:-/tmp}/man-exit.want.$$"
	exit 1
fi
