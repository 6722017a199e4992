#!/bin/sh
# tests/completions.sh: every option of cmd/opts.c's table, long and short,
# appears in the generated bash and zsh completions (cmd/gen/hggen.c), and
# the bash one completes: "--conf" -> --config, and nothing is offered
# after an option that takes an argument (bash falls back to file names).
#
#	sh tests/completions.sh cmd/opts.c build/hget.bash build/_hget
#
# The names are read from the table rows as tests/man-options.sh reads
# them ({ "name", 'l', ...: one row per line), not from the generator.

if [ $# -ne 3 ]; then
	echo "usage: sh $0 cmd/opts.c hget.bash _hget" >&2
	exit 2
fi
src=$1
bashc=$2
zshc=$3
for f in "$src" "$bashc" "$zshc"; do
	if [ ! -r "$f" ]; then
		echo "$0: cannot read $f" >&2
		exit 2
	fi
done

opts=$(awk '
/^static const struct opt opt_table\[\] = \{/ { intable = 1; next }
intable && /^};/ { intable = 0; next }
intable && /^[ \t]*\{[ \t]*"/ {
	split($0, q, "\"")
	print "--" q[2]
	if (split($0, l, "\047") >= 3)
		print "-" l[2]
}' "$src")
if [ -z "$opts" ]; then
	echo "$0: no option table (opt_table[]) found in $src" >&2
	exit 2
fi

fail=0
n=0
for o in $opts; do
	n=$((n + 1))
	# bash: a word of the compgen list; zsh: an _arguments spec '-o[' ...
	if ! grep -qF -- " $o " "$bashc"; then
		echo "$bashc: $o missing" >&2
		fail=1
	fi
	z=$(printf '%s' "$o" | sed 's/:/\\:/')
	if ! grep -qF -- "'$z[" "$zshc" && ! grep -qF -- "'$z+[" "$zshc"; then
		echo "$zshc: $o missing" >&2
		fail=1
	fi
done

# The bash completion loads and completes.
out=$(bash -c '
	. "$1"
	COMP_WORDS=(hget --conf); COMP_CWORD=1; _hget
	printf "%s\n" "${COMPREPLY[@]}"
	COMP_WORDS=(hget -o ""); COMP_CWORD=2; COMPREPLY=(); _hget
	echo "after -o: ${#COMPREPLY[@]}"
' sh "$bashc" 2>&1)
case $out in
*--config*"after -o: 0"*) ;;
*)
	echo "$bashc: does not complete as expected:" >&2
	echo "$out" >&2
	fail=1
	;;
esac
if [ $fail -eq 0 ]; then
	echo "completions: $n option words in both"
fi
exit $fail
