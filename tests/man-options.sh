#!/bin/sh
# tests/man-options.sh: every long option in cmd/opts.c's option table must
# be documented in the man page as "Fl -name" or, in the option list
# where the long name is written out whole, "Cm --name" (mdoc), or the
# check fails and names the missing ones.
#
#	sh tests/man-options.sh cmd/opts.c man/hget.1
#
# The names are read from the rows of "static const struct opt
# opt_table[]": one row per line, the name first ({ "name", ...).  In the
# page, "Fl" must be followed by "-name" as a whole word, on any macro
# line: ".Fl -silent", ".It Fl s , Fl -silent", ".Op Fl -url Ar url".

if [ $# -ne 2 ]; then
	echo "usage: sh $0 cmd/opts.c man/hget.1" >&2
	exit 2
fi
src=$1
page=$2
for f in "$src" "$page"; do
	if [ ! -r "$f" ]; then
		echo "$0: cannot read $f" >&2
		exit 2
	fi
done

# One awk pass over both files: names from the table, "Fl -x" from the page.
exec awk -v src="$src" -v page="$page" '
FILENAME == src && /^static const struct opt opt_table\[\] = \{/ {
	intable = 1
	next
}
FILENAME == src && intable && /^};/ {
	intable = 0
	next
}
FILENAME == src && intable && /^[ \t]*\{[ \t]*"/ {
	split($0, q, "\"")
	names[++n] = q[2]
	next
}
FILENAME == page && /^\./ {
	for (i = 1; i < NF; i++) {
		w = $(i + 1)
		gsub(/\\/, "", w)		# "\-name" reads as "-name"
		if (($i == "Fl" || $i == ".Fl") && w ~ /^-/)
			documented[substr(w, 2)] = 1
		else if (($i == "Cm" || $i == ".Cm") && w ~ /^--/)
			documented[substr(w, 3)] = 1
	}
}
END {
	if (n == 0) {
		printf "%s: no option table (opt_table[]) found in %s\n", \
		    "man-options", src > "/dev/stderr"
		exit 2
	}
	missing = ""
	for (i = 1; i <= n; i++)
		if (!(names[i] in documented))
			missing = missing " --" names[i]
	if (missing != "") {
		printf "%s: not documented as .Fl -name:%s\n", page, \
		    missing > "/dev/stderr"
		exit 1
	}
}
' "$src" "$page"
