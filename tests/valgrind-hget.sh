#!/bin/sh
# tests/valgrind-hget.sh: hget under valgrind, for `make valgrind`, which
# points the CLI tests' $HGET here.  Runs $HGET_REAL (default build/hget).
#
# A memory error or a definitely lost block makes hget exit 99: not 1,
# which is one of hget's own exit codes (curl's "unsupported protocol")
# and so could pass a test that expects it.  The report goes to the file
# $HGET_VGLOG.PID (default in $TMPDIR), not to stderr, so that the tests'
# byte-for-byte stderr checks still hold; -q leaves it empty when clean.
root=$(cd "$(dirname "$0")/.." && pwd)
log=${HGET_VGLOG:-${TMPDIR:-/tmp}/hget-valgrind}
exec valgrind -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --log-file="$log.%p" \
    "${HGET_REAL:-$root/build/hget}" "$@"
