/* tests/unit/t_opts.c: argv -> struct opts, checked against curl 7.88.1 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#include "tap.h"
#include "hget.h"
#include "help.h"
#include "limits.h"
#include "opts.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define MAXARGS		16

/*
 * Every row: the words after "hget", what opts_parse() returns, and then
 * either the struct as dump() spells it (OPTS_OK, _HELP, _VERSION) or
 * the error text after "hget: " (QUIET: e.quiet, no text, as curl's
 * method conflicts); last, o->notes.  Texts are curl 7.88.1's with
 * "curl" replaced by "hget".
 */
#define QUIET		"(quiet)"
struct row {
	const char	*argv[MAXARGS];
	enum opts_rc	 rc;
	const char	*want;
	const char	*note;
};

static const struct row rows[] = {
	/* URLs anywhere, "--", --url */
	{ { "u" }, OPTS_OK, "<u>", "" },
	{ { "u1", "u2" }, OPTS_OK, "<u1>|<u2>", "" },
	{ { "-s", "u", "-v" }, OPTS_OK, "<u>|s|v", "" },
	{ { "--", "-o" }, OPTS_OK, "<-o>", "" },
	{ { "u", "--", "-s", "--" }, OPTS_OK, "<u>|<-s>|<-->", "" },
	{ { "--url", "-s" }, OPTS_OK, "<-s>", "" },
	{ { "--url", "u1", "u2" }, OPTS_OK, "<u1>|<u2>", "" },
	{ { "" }, OPTS_OK, "<>", "" },
	{ { "-o", "a", "--url", "", "--" }, OPTS_OK, "<> o:a", "" },

	/* bundles, attached arguments, an argument-taker ending a bundle */
	{ { "-sSf", "u" }, OPTS_OK, "<u>|f|s|S", "" },
	{ { "-oFILE", "u" }, OPTS_OK, "<u> o:FILE", "" },
	{ { "-HX: y", "u" }, OPTS_OK, "<u>|H:X: y", "" },
	{ { "-so", "F", "u" }, OPTS_OK, "<u> o:F|s", "" },
	{ { "-sof", "u" }, OPTS_OK, "<u> o:f|s", "" },
	{ { "-os", "u" }, OPTS_OK, "<u> o:s", "" },
	{ { "-o", "-s", "u" }, OPTS_OK, "<u> o:-s",
	    "Warning: The file name argument '-s' looks like a flag." },
	{ { "-o", "--", "u" }, OPTS_OK, "<u> o:--",
	    "Warning: The file name argument '--' looks like a flag." },
	{ { "-vm5", "u" }, OPTS_OK, "<u>|m:5000|v", "" },
	{ { "-sIiv", "u" }, OPTS_OK, "<u>|I|i|s|v", "" },
	{ { "-", "u" }, OPTS_USAGE, "option -: is unknown", "" },
	{ { "-9" }, OPTS_USAGE, "option -9: is unknown", "" },
	{ { "-s9", "u" }, OPTS_USAGE, "option -s9: is unknown", "" },
	{ { "-sZ", "u" }, OPTS_USAGE, "option -sZ: is unknown", "" },
	{ { "-s ", "u" }, OPTS_USAGE, "option -s : is unknown", "" },
	/* -K FILE that cannot be read (exit 26); -s mutes the note only */
	{ { "-K", "u" }, OPTS_USAGE,
	    "option -K: error encountered when reading a file",
	    "hget: cannot read config from 'u'" },
	{ { "-sLK", "u" }, OPTS_USAGE,
	    "option -sLK: error encountered when reading a file", "" },

	/* long names: prefixes, case, "--no-", no "--name=value" */
	{ { "--verb", "u" }, OPTS_OK, "<u>|v", "" },
	{ { "--VERBOSE", "u" }, OPTS_OK, "<u>|v", "" },
	{ { "--Verb", "u" }, OPTS_OK, "<u>|v", "" },
	{ { "--Http1.0", "u" }, OPTS_OK, "<u>|http1.0", "" },
	{ { "--user-a", "UA", "u" }, OPTS_OK, "<u>|A:UA", "" },
	{ { "--fail", "u" }, OPTS_OK, "<u>|f", "" },
	{ { "--head", "u" }, OPTS_OK, "<u>|I", "" },
	{ { "--http1", "u" }, OPTS_USAGE, "option --http1: is ambiguous", "" },
	{ { "--req", "X", "u" }, OPTS_USAGE, "option --req: is ambiguous", "" },
	{ { "--outp", "x" }, OPTS_USAGE, "option --outp: is ambiguous", "" },
	{ { "--us", "x" }, OPTS_USAGE, "option --us: is ambiguous", "" },
	{ { "--disab", "u" }, OPTS_USAGE, "option --disab: is ambiguous", "" },
	{ { "--config", "c", "u" }, OPTS_USAGE,
	    "option --config: error encountered when reading a file",
	    "hget: cannot read config from 'c'" },
	{ { "--proxy-header", "a:b", "u" }, OPTS_USAGE,
	    "option --proxy-header: is unknown", "" },
	{ { "--bogus" }, OPTS_USAGE, "option --bogus: is unknown", "" },
	{ { "--s", "--bogus" }, OPTS_USAGE, "option --s: is ambiguous", "" },
	{ { "---", "u" }, OPTS_USAGE, "option ---: is unknown", "" },
	{ { "--long=value", "u" }, OPTS_USAGE,
	    "option --long=value: is unknown", "" },
	{ { "--max-time=3", "u" }, OPTS_USAGE,
	    "option --max-time=3: is unknown", "" },
	{ { "--output=a", "u" }, OPTS_USAGE, "option --output=a: is unknown",
	    "" },
	{ { "-v", "--no-verbose", "u" }, OPTS_OK, "<u>", "" },
	{ { "-v", "--no-Verbose", "u" }, OPTS_OK, "<u>", "" },
	{ { "--no-verb", "u" }, OPTS_USAGE, "option --no-verb: is unknown",
	    "" },
	{ { "--NO-verbose", "u" }, OPTS_USAGE,
	    "option --NO-verbose: is unknown", "" },
	{ { "--no-", "u" }, OPTS_USAGE, "option --no-: is unknown", "" },
	{ { "--no-config", "u" }, OPTS_USAGE, "option --no-config: used "
	    "'--no-' for option that isn't a boolean", "" },
	{ { "--no-user", "u" }, OPTS_USAGE, "option --no-user: used "
	    "'--no-' for option that isn't a boolean", "" },
	{ { "--no-output", "u" }, OPTS_USAGE, "option --no-output: used "
	    "'--no-' for option that isn't a boolean", "" },
	{ { "--no-http1.0", "u" }, OPTS_USAGE, "option --no-http1.0: used "
	    "'--no-' for option that isn't a boolean", "" },
	{ { "--no-silent", "--bogus" }, OPTS_USAGE,
	    "option --bogus: is unknown", "" },

	/* missing arguments: curl names the whole word */
	{ { "-o" }, OPTS_USAGE, "option -o: requires parameter", "" },
	{ { "u", "-so" }, OPTS_USAGE, "option -so: requires parameter", "" },
	{ { "--url" }, OPTS_USAGE, "option --url: requires parameter", "" },
	{ { "u", "-H" }, OPTS_USAGE, "option -H: requires parameter", "" },
	{ { "--max-t" }, OPTS_USAGE, "option --max-t: requires parameter",
	    "" },
	{ { "--ref" }, OPTS_USAGE, "option --ref: requires parameter", "" },

	/* seconds */
	{ { "-m", "0.5", "u" }, OPTS_OK, "<u>|m:500", "" },
	{ { "--max-time", "1.5", "u" }, OPTS_OK, "<u>|m:1500", "" },
	{ { "--connect-timeout", "2", "u" }, OPTS_OK, "<u>|ct:2000", "" },
	{ { "-m", " 5", "u" }, OPTS_OK, "<u>|m:5000", "" },
	{ { "-m", "+3", "u" }, OPTS_OK, "<u>|m:3000", "" },
	{ { "-m", "0x10", "u" }, OPTS_OK, "<u>|m:16000", "" },
	{ { "-m", "1e3", "u" }, OPTS_OK, "<u>|m:1000000", "" },
	{ { "-m", ".5", "u" }, OPTS_OK, "<u>|m:500", "" },
	{ { "-m", "1.", "u" }, OPTS_OK, "<u>|m:1000", "" },
	{ { "-m", "00012", "u" }, OPTS_OK, "<u>|m:12000", "" },
	{ { "-m", "0.0015", "u" }, OPTS_OK, "<u>|m:1", "" },
	{ { "-m", "5", "-m", "0.0005", "u" }, OPTS_OK, "<u>", "" },
	{ { "-m", "5", "-m", "nan", "u" }, OPTS_OK, "<u>", "" },
	{ { "-m", "-0", "u" }, OPTS_OK, "<u>", "" },
	/* curl's (long)(seconds * 1000), double rounding and all */
	{ { "-m", "99999999999999", "u" }, OPTS_OK,
	    "<u>|m:99999999999999008", "" },
	{ { "-m", "9223372036854776", "u" }, OPTS_OK,
	    "<u>|m:9223372036854775807", "" },
	{ { "-m", "9223372036854778", "u" }, OPTS_USAGE,
	    "option -m: too large number", "" },
	{ { "--max-time", "abc", "u" }, OPTS_USAGE,
	    "option --max-time: expected a proper numerical parameter", "" },
	{ { "-m", "", "u" }, OPTS_USAGE,
	    "option -m: expected a proper numerical parameter", "" },
	{ { "-m", " ", "u" }, OPTS_USAGE,
	    "option -m: expected a proper numerical parameter", "" },
	{ { "-m", "5 ", "u" }, OPTS_USAGE,
	    "option -m: expected a proper numerical parameter", "" },
	{ { "-m", "1,5", "u" }, OPTS_USAGE,
	    "option -m: expected a proper numerical parameter", "" },
	{ { "-m", "1e", "u" }, OPTS_USAGE,
	    "option -m: expected a proper numerical parameter", "" },
	{ { "-m", "-1x", "u" }, OPTS_USAGE,
	    "option -m: expected a proper numerical parameter", "" },
	{ { "-m", "-inf5", "u" }, OPTS_USAGE,
	    "option -m: expected a proper numerical parameter", "" },
	{ { "-m", "-1", "u" }, OPTS_USAGE,
	    "option -m: expected a positive numerical parameter", "" },
	{ { "-m", "-inf", "u" }, OPTS_USAGE,
	    "option -m: expected a positive numerical parameter", "" },
	{ { "--connect-timeout", "-1", "u" }, OPTS_USAGE, "option "
	    "--connect-timeout: expected a positive numerical parameter", "" },
	{ { "-m", "inf", "u" }, OPTS_USAGE, "option -m: too large number",
	    "" },
	{ { "-m", "1e16", "u" }, OPTS_USAGE, "option -m: too large number",
	    "" },
	{ { "-m", "1e400x", "u" }, OPTS_USAGE, "option -m: too large number",
	    "" },
	{ { "-m", "1e-400", "u" }, OPTS_USAGE, "option -m: too large number",
	    "" },
	{ { "-m", "-1e400", "u" }, OPTS_USAGE, "option -m: too large number",
	    "" },
	{ { "--connect-timeout", "1e16", "u" }, OPTS_USAGE,
	    "option --connect-timeout: too large number", "" },
	{ { "-sm", "abc" }, OPTS_USAGE,
	    "option -sm: expected a proper numerical parameter", "" },
	{ { "-m5x", "u" }, OPTS_USAGE,
	    "option -m5x: expected a proper numerical parameter", "" },
	{ { "-m=5", "u" }, OPTS_USAGE,
	    "option -m=5: expected a proper numerical parameter", "" },
	{ { "--max-t", "5s", "u" }, OPTS_USAGE,
	    "option --max-t: expected a proper numerical parameter", "" },

	/* the Nth -o/-O goes with the Nth URL */
	{ { "-o", "a", "-o", "b", "u1", "u2" }, OPTS_OK,
	    "<u1> o:a|<u2> o:b", "" },
	{ { "u1", "u2", "-o", "a" }, OPTS_OK, "<u1> o:a|<u2>", "" },
	{ { "u1", "-o", "a", "u2", "-o", "b" }, OPTS_OK,
	    "<u1> o:a|<u2> o:b", "" },
	{ { "-o", "a", "-o", "b", "u1" }, OPTS_OK, "<u1> o:a|(none) o:b",
	    "" },
	{ { "-o", "a", "-o", "b", "-O", "--url", "u1" }, OPTS_OK,
	    "<u1> o:a|(none) o:b|(none) O", "" },
	{ { "-O", "u1", "u2" }, OPTS_OK, "<u1> O|<u2>", "" },
	{ { "u1", "-O", "u2" }, OPTS_OK, "<u1> O|<u2>", "" },
	{ { "-o", "a", "-O", "u1", "u2" }, OPTS_OK, "<u1> o:a|<u2> O", "" },
	{ { "-o", "-", "u" }, OPTS_OK, "<u> o:-", "" },
	{ { "-o", "a", "--url", "u1", "--url", "u2", "-o", "b" }, OPTS_OK,
	    "<u1> o:a|<u2> o:b", "" },
	{ { "-O", "--no-remote-name", "u1", "u2" }, OPTS_OK, "<u1> O|<u2>",
	    "" },
	{ { "--remote-name-all", "u1", "-o", "x", "u2", "u3" }, OPTS_OK,
	    "<u1> o:x|<u2> O|<u3> O|rna", "" },
	{ { "u1", "--remote-name-all", "u2" }, OPTS_OK, "<u1>|<u2> O|rna",
	    "" },
	{ { "--remote-name-all", "--no-remote-name", "u1", "u2" }, OPTS_OK,
	    "<u1>|<u2> O|rna", "" },
	{ { "--remote-name-all", "-O", "u1", "u2" }, OPTS_OK,
	    "<u1> O|<u2> O|rna", "" },
	{ { "--remote-name-all", "u1", "--no-remote-name-all", "u2" },
	    OPTS_OK, "<u1> O|<u2>", "" },
	{ { "-o", "", "u" }, OPTS_USAGE, "option -o: is badly used here",
	    "Warning: output file name has no length" },
	{ { "--output", "", "u" }, OPTS_USAGE,
	    "option --output: is badly used here",
	    "Warning: output file name has no length" },
	/* -s came first: the warning is muted */
	{ { "-so", "", "u" }, OPTS_USAGE, "option -so: is badly used here",
	    "" },

	/* a file name that looks like an option: curl warns unless -s */
	{ { "-o", "-x", "u" }, OPTS_OK, "<u> o:-x",
	    "Warning: The file name argument '-x' looks like a flag." },
	{ { "-o-x", "u" }, OPTS_OK, "<u> o:-x",
	    "Warning: The file name argument '-x' looks like a flag." },
	{ { "-o", "-x", "-s", "u" }, OPTS_OK, "<u> o:-x|s",
	    "Warning: The file name argument '-x' looks like a flag." },
	{ { "-D", "--", "u" }, OPTS_OK, "<u>|D:--",
	    "Warning: The file name argument '--' looks like a flag." },
	{ { "-o", "-x", "-o", "-y", "u1", "u2" }, OPTS_OK,
	    "<u1> o:-x|<u2> o:-y",
	    "Warning: The file name argument '-x' looks like a flag.\n"
	    "Warning: The file name argument '-y' looks like a flag." },
	{ { "-o", "-x", "--bogus" }, OPTS_USAGE, "option --bogus: is unknown",
	    "Warning: The file name argument '-x' looks like a flag." },
	{ { "-s", "-o", "-x", "u" }, OPTS_OK, "<u> o:-x|s", "" },
	{ { "-ox-x", "u" }, OPTS_OK, "<u> o:x-x", "" },
	{ { "-D", "-", "u" }, OPTS_OK, "<u>|D:-", "" },
	{ { "--output-dir", "-x", "u" }, OPTS_OK, "<u>|dir:-x", "" },
	{ { "-w", "-x", "u" }, OPTS_OK, "<u>|w:-x", "" },
	{ { "-s", "-o", "", "u" }, OPTS_USAGE, "option -o: is badly used here",
	    "" },
	{ { "-s", "-f", "--fail-with-body", "u" }, OPTS_USAGE,
	    "option --fail-with-body: is badly used here", "" },

	/* no URL */
	{ { NULL }, OPTS_USAGE, "", "" },
	{ { "-s" }, OPTS_USAGE, "no URL specified!", "" },
	{ { "-o", "a" }, OPTS_USAGE, "no URL specified!", "" },
	{ { "-O" }, OPTS_USAGE, "no URL specified!", "" },
	{ { "-q" }, OPTS_USAGE, "no URL specified!", "" },
	{ { "--no-help" }, OPTS_USAGE, "no URL specified!", "" },

	/* -f and --fail-with-body exclude each other where they stand */
	{ { "-f", "--fail-with-body", "u" }, OPTS_USAGE,
	    "option --fail-with-body: is badly used here",
	    "hget: You must select either --fail or --fail-with-body, "
	    "not both." },
	{ { "--fail-with-body", "-f", "u" }, OPTS_USAGE,
	    "option -f: is badly used here",
	    "hget: You must select either --fail or --fail-with-body, "
	    "not both." },
	{ { "--fail-with-body", "-sf", "u" }, OPTS_USAGE,
	    "option -sf: is badly used here", "" },
	{ { "-f", "--no-fail", "--fail-with-body", "u" }, OPTS_OK,
	    "<u>|fwb", "" },
	{ { "-f", "--no-fail-with-body", "u" }, OPTS_OK, "<u>|f", "" },
	{ { "--fail-with-body", "--no-fail-with-body", "-f", "u" }, OPTS_OK,
	    "<u>|f", "" },
	{ { "-f", "-f", "--fail", "u" }, OPTS_OK, "<u>|f", "" },

	/* -q: only argv[1] counts, curl-style ("-q..." or "--disable") */
	{ { "-q", "u" }, OPTS_OK, "<u>|q", "" },
	{ { "-qs", "u" }, OPTS_OK, "<u>|s|q", "" },
	{ { "--disable", "u" }, OPTS_OK, "<u>|q", "" },
	{ { "u", "-q" }, OPTS_OK, "<u>", "" },
	{ { "-sq", "u" }, OPTS_OK, "<u>|s", "" },
	{ { "--no-disable", "u" }, OPTS_OK, "<u>", "" },

	/* -h and -V stop the walk; -h takes the next word as category */
	{ { "-h" }, OPTS_HELP, "", "" },
	{ { "-sh" }, OPTS_HELP, "s", "" },
	{ { "-sh", "http" }, OPTS_HELP, "s|cat:http", "" },
	{ { "-hs", "http" }, OPTS_HELP, "cat:http", "" },
	{ { "-h", "--bogus" }, OPTS_HELP, "cat:--bogus", "" },
	{ { "--help", "-s" }, OPTS_HELP, "cat:-s", "" },
	{ { "-h", "" }, OPTS_HELP, "cat:", "" },
	{ { "-h", "--" }, OPTS_HELP, "cat:--", "" },
	{ { "u", "-h" }, OPTS_HELP, "<u>", "" },
	{ { "--hel", "all" }, OPTS_HELP, "cat:all", "" },
	{ { "--bogus", "--help" }, OPTS_USAGE, "option --bogus: is unknown",
	    "" },
	{ { "-o", "-h", "u" }, OPTS_OK, "<u> o:-h",
	    "Warning: The file name argument '-h' looks like a flag." },
	{ { "-V", "--bogus" }, OPTS_VERSION, "", "" },
	{ { "-sV" }, OPTS_VERSION, "s", "" },
	{ { "-Vs" }, OPTS_VERSION, "", "" },
	{ { "--version", "u" }, OPTS_VERSION, "", "" },
	{ { "--bogus", "-V" }, OPTS_USAGE, "option --bogus: is unknown", "" },
	{ { "--no-version", "u" }, OPTS_OK, "<u>", "" },

	/* repeats: -H keeps all in order, -w/-X/-D/... the last */
	{ { "-H", "A: 1", "-H", "B: 2", "-H", "@file", "u" }, OPTS_OK,
	    "<u>|H:A: 1|H:B: 2|H:@file", "" },
	{ { "-H", "", "u" }, OPTS_OK, "<u>|H:", "" },
	{ { "-w", "one", "-w", "@two", "u" }, OPTS_OK, "<u>|w:@two", "" },
	{ { "-X", "PUT", "-X", "DELETE", "u" }, OPTS_OK, "<u>|X:DELETE", "" },
	{ { "-D", "a", "-D", "-", "u" }, OPTS_OK, "<u>|D:-", "" },
	{ { "--output-dir", "a", "--output-dir", "b", "u" }, OPTS_OK,
	    "<u>|dir:b", "" },

	/* the rest of the options */
	{ { "-e", ";auto", "u" }, OPTS_OK, "<u>|e:;auto", "" },
	{ { "--referer", "http://r/;auto", "u" }, OPTS_OK,
	    "<u>|e:http://r/;auto", "" },
	{ { "-A", "", "u" }, OPTS_OK, "<u>|A:", "" },
	{ { "--user-agent", "x/1", "u" }, OPTS_OK, "<u>|A:x/1", "" },
	{ { "-I", "--include", "--dump-header", "h", "u" }, OPTS_OK,
	    "<u>|I|i|D:h", "" },
	{ { "--no-head", "u" }, OPTS_OK, "<u>", "" },
	{ { "-0", "u" }, OPTS_OK, "<u>|http1.0", "" },
	{ { "--http1.0", "--http1.1", "u" }, OPTS_OK, "<u>|http1.1",
	    "Warning: Overrides previous HTTP version option" },
	{ { "--http1.1", "-0", "u" }, OPTS_OK, "<u>|http1.0",
	    "Warning: Overrides previous HTTP version option" },
	{ { "-0", "--http1.1", "-0", "u" }, OPTS_OK, "<u>|http1.0",
	    "Warning: Overrides previous HTTP version option\n"
	    "Warning: Overrides previous HTTP version option" },
	{ { "-0", "-s", "--http1.1", "u" }, OPTS_OK, "<u>|http1.1|s", "" },
	{ { "-0", "-0", "--http0.9", "u" }, OPTS_OK, "<u>|http1.0|http0.9",
	    "" },
	{ { "--http1.1", "--http1.1", "u" }, OPTS_OK, "<u>|http1.1", "" },
	{ { "--http0.9", "u" }, OPTS_OK, "<u>|http0.9", "" },
	{ { "--http0.9", "--no-http0.9", "u" }, OPTS_OK, "<u>", "" },
	{ { "-4", "u" }, OPTS_OK, "<u>|-4", "" },
	{ { "-4", "-6", "u" }, OPTS_OK, "<u>|-6", "" },
	{ { "--ipv6", "--ipv4", "u" }, OPTS_OK, "<u>|-4", "" },
	{ { "--output-dir", "d", "--create-dirs", "u" }, OPTS_OK,
	    "<u>|dir:d|create-dirs", "" },
	{ { "--trace-time", "-v", "u" }, OPTS_OK, "<u>|v|trace-time", "" },
	{ { "--silent", "--show-error", "--fail", "u" }, OPTS_OK,
	    "<u>|f|s|S", "" },
	{ { "--fail-with-body", "u" }, OPTS_OK, "<u>|fwb", "" },
	{ { "--request", "HEAD", "--head", "u" }, OPTS_OK, "<u>|X:HEAD|I",
	    "" },
	{ { "--write-out", "%{http_code}", "u" }, OPTS_OK,
	    "<u>|w:%{http_code}", "" },
	/* the -d family: one list, command-line order, each with its kind */
	{ { "-d", "a=1", "--data-ascii", "b", "--data-binary", "@f",
	    "--data-raw", "@r", "--data-urlencode", "n=v v", "--json", "{}",
	    "u" }, OPTS_OK,
	    "<u>|d:a=1|d:b|db:@f|dr:@r|de:n=v v|json:{}", "" },
	{ { "--json", "[1]", "-d", "x", "--json", "[2]", "u" }, OPTS_OK,
	    "<u>|json:[1]|d:x|json:[2]", "" },
	{ { "-d", "", "u" }, OPTS_OK, "<u>|d:", "" },
	{ { "-dx=1", "u" }, OPTS_OK, "<u>|d:x=1", "" },
	{ { "-sd", "@-", "u" }, OPTS_OK, "<u>|s|d:@-", "" },
	{ { "u", "-d", "-s" }, OPTS_OK, "<u>|d:-s", "" },
	{ { "--data-urlencode", "@f", "--data-urlencode", "n@f", "u" },
	    OPTS_OK, "<u>|de:@f|de:n@f", "" },
	{ { "--data-b", "x", "u" }, OPTS_OK, "<u>|db:x", "" },
	{ { "--data-", "x", "u" }, OPTS_USAGE,
	    "option --data-: is ambiguous", "" },
	{ { "u", "-d" }, OPTS_USAGE, "option -d: requires parameter", "" },
	{ { "u", "--json" }, OPTS_USAGE, "option --json: requires parameter",
	    "" },
	{ { "--url-query", "a=b", "--url-query", "+c&d", "--url-query", "@f",
	    "u" }, OPTS_OK, "<u>|q:a=b|q:+c&d|q:@f", "" },
	{ { "-G", "-d", "a", "u" }, OPTS_OK, "<u>|d:a|G", "" },
	{ { "-G", "--no-get", "-d", "a", "u" }, OPTS_OK, "<u>|d:a", "" },

	/* -F and --form-string: in order; the checks formparse() makes */
	{ { "-F", "a=b", "--form-string", "c=@d", "-Fe=<f", "u" }, OPTS_OK,
	    "<u>|F:a=b|Fs:c=@d|F:e=<f", "" },
	{ { "-F", "=b", "-F", "a=", "u" }, OPTS_OK, "<u>|F:=b|F:a=", "" },
	{ { "-F", "a=(", "-F", "b=c", "-F", "=)", "u" }, OPTS_OK,
	    "<u>|F:a=(|F:b=c|F:=)", "" },
	{ { "-F", "=(", "-F", "=)", "u" }, OPTS_OK, "<u>|F:=(|F:=)", "" },
	{ { "-F", "a=)", "--form-string", "=)", "u" }, OPTS_OK,
	    "<u>|F:a=)|Fs:=)", "" },
	{ { "-F", "a", "u" }, OPTS_USAGE, "option -F: is badly used here",
	    "Warning: Illegally formatted input field!" },
	{ { "-F", "", "u" }, OPTS_USAGE, "option -F: is badly used here",
	    "Warning: Illegally formatted input field!" },
	{ { "--form-string", "a", "u" }, OPTS_USAGE,
	    "option --form-string: is badly used here",
	    "Warning: Illegally formatted input field!" },
	{ { "-sF", "a", "u" }, OPTS_USAGE, "option -sF: is badly used here",
	    "" },
	{ { "-F", "=)", "u" }, OPTS_USAGE, "option -F: is badly used here",
	    "Warning: no multipart to terminate!" },
	{ { "-F", "a=(", "-F", "=)", "-F", "=)", "u" }, OPTS_USAGE,
	    "option -F: is badly used here",
	    "Warning: no multipart to terminate!" },
	{ { "--form-string", "a=(", "-F", "=)", "u" }, OPTS_USAGE,
	    "option -F: is badly used here",
	    "Warning: no multipart to terminate!" },

	/* one method: -I and -F clash while parsing, curl's two lines */
	{ { "-F", "a=b", "-I", "u" }, OPTS_USAGE,
	    "option -I: is badly used here",
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both HEAD \nWarning: (-I, --head) and multipart formpost "
	    "(-F, --form)." },
	{ { "-I", "-F", "a=b", "u" }, OPTS_USAGE,
	    "option -F: is badly used here",
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both \nWarning: multipart formpost (-F, --form) and HEAD "
	    "(-I, --head)." },
	{ { "-I", "--no-head", "u" }, OPTS_USAGE,
	    "option --no-head: is badly used here",
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both GET \nWarning: (-G, --get) and HEAD (-I, --head)." },
	{ { "--no-head", "-F", "a=b", "u" }, OPTS_USAGE,
	    "option -F: is badly used here",
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both \nWarning: multipart formpost (-F, --form) and GET "
	    "(-G, --get)." },
	{ { "-s", "-F", "a=b", "-I", "u" }, OPTS_USAGE,
	    "option -I: is badly used here", "" },
	{ { "-F", "a=b", "--form-string", "c=d", "-I", "-I" }, OPTS_USAGE,
	    "option -I: is badly used here",
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both HEAD \nWarning: (-I, --head) and multipart formpost "
	    "(-F, --form)." },

	/* ... data and -T only once the line is read: warnings, exit 2 */
	{ { "-I", "-d", "x", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both POST \nWarning: (-d, --data) and HEAD (-I, --head)." },
	{ { "-d", "x", "-I", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both POST \nWarning: (-d, --data) and HEAD (-I, --head)." },
	{ { "--json", "{}", "-I", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both POST \nWarning: (-d, --data) and HEAD (-I, --head)." },
	{ { "-s", "-I", "-d", "x", "u" }, OPTS_USAGE, QUIET, "" },
	/* curl warns as it sets up the transfer: a late -s mutes it too */
	{ { "-I", "-d", "x", "u", "-s" }, OPTS_USAGE, QUIET, "" },
	{ { "-d", "x", "-F", "a=b", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both POST \nWarning: (-d, --data) and multipart formpost "
	    "(-F, --form)." },
	{ { "-F", "a=b", "--data-raw", "x", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both POST \nWarning: (-d, --data) and multipart formpost "
	    "(-F, --form)." },
	{ { "-T", "f", "-d", "x", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both PUT \nWarning: (-T, --upload-file) and POST "
	    "(-d, --data)." },
	{ { "-d", "x", "-T", "f", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both PUT \nWarning: (-T, --upload-file) and POST "
	    "(-d, --data)." },
	{ { "-I", "-T", "f", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both PUT \nWarning: (-T, --upload-file) and HEAD "
	    "(-I, --head)." },
	{ { "-T", "f", "-F", "a=b", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both PUT \nWarning: (-T, --upload-file) and multipart "
	    "formpost (-F, --form)." },
	{ { "-G", "-d", "x", "-T", "f", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both PUT \nWarning: (-T, --upload-file) and GET "
	    "(-G, --get)." },
	{ { "-G", "-d", "x", "-F", "a=b", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both GET \nWarning: (-G, --get) and multipart formpost "
	    "(-F, --form)." },
	{ { "-F", "a=b", "-G", "-d", "x", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both GET \nWarning: (-G, --get) and multipart formpost "
	    "(-F, --form)." },
	{ { "--no-head", "-d", "x", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both POST \nWarning: (-d, --data) and GET (-G, --get)." },
	{ { "--no-head", "-T", "f", "u" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both PUT \nWarning: (-T, --upload-file) and GET "
	    "(-G, --get)." },
	/* curl: after U1's POST, at U2's turn; hget: before any transfer */
	{ { "-d", "x", "u1", "u2", "-T", "", "-T", "f" }, OPTS_USAGE, QUIET,
	    "Warning: You can only select one HTTP request method! You asked "
	    "for both PUT \nWarning: (-T, --upload-file) and POST "
	    "(-d, --data)." },
	/* a -T that found no URL asks for nothing */
	{ { "-d", "x", "-T", "", "-T", "f", "u" }, OPTS_OK,
	    "<u> T:|(none) T:f|d:x", "" },
	{ { "-d", "x", "-T", "", "u" }, OPTS_OK, "<u> T:|d:x", "" },
	/* no clash */
	{ { "-G", "-F", "a=b", "u" }, OPTS_OK, "<u>|F:a=b|G", "" },
	{ { "-F", "a=b", "-G", "u" }, OPTS_OK, "<u>|F:a=b|G", "" },
	{ { "-G", "-T", "f", "u" }, OPTS_OK, "<u> T:f|G", "" },
	{ { "-G", "-I", "u" }, OPTS_OK, "<u>|I|G", "" },
	{ { "-I", "-G", "-d", "x", "u" }, OPTS_OK, "<u>|I|d:x|G", "" },
	{ { "-G", "-d", "x", "-I", "u" }, OPTS_OK, "<u>|I|d:x|G", "" },
	{ { "--no-head", "-G", "-d", "x", "u" }, OPTS_OK, "<u>|d:x|G", "" },
	{ { "-I", "-I", "--head", "u" }, OPTS_OK, "<u>|I", "" },
	{ { "-X", "PUT", "-d", "x", "-F", "a=b" }, OPTS_USAGE,
	    "no URL specified!", "" },
	{ { "-I", "-d", "x", "u", "--bogus" }, OPTS_USAGE,
	    "option --bogus: is unknown", "" },

	/* the Nth -T goes with the Nth URL, counted apart from -o */
	{ { "-T", "a", "-T", "b", "u1", "u2" }, OPTS_OK,
	    "<u1> T:a|<u2> T:b", "" },
	{ { "u1", "-T", "a", "u2", "-T", "b" }, OPTS_OK,
	    "<u1> T:a|<u2> T:b", "" },
	{ { "-T", "a", "u1", "u2" }, OPTS_OK, "<u1> T:a|<u2>", "" },
	{ { "-T", "a", "-T", "b", "-T", "c", "u1" }, OPTS_OK,
	    "<u1> T:a|(none) T:b|(none) T:c", "" },
	{ { "-o", "x", "-T", "a", "-T", "b", "u1" }, OPTS_OK,
	    "<u1> o:x T:a|(none) T:b", "" },
	{ { "-T", "a", "-o", "x", "-o", "y", "u1", "u2" }, OPTS_OK,
	    "<u1> o:x T:a|<u2> o:y", "" },
	{ { "-T", "", "-T", "f", "u1", "u2" }, OPTS_OK, "<u1> T:|<u2> T:f",
	    "" },
	{ { "--remote-name-all", "-T", "f", "u" }, OPTS_OK, "<u> O T:f|rna",
	    "" },
	{ { "-T", "-", "u" }, OPTS_OK, "<u> T:-", "" },
	{ { "-Tf", "--upload-file", "g", "u1", "u2" }, OPTS_OK,
	    "<u1> T:f|<u2> T:g", "" },
	{ { "-T", "-x", "u" }, OPTS_OK, "<u> T:-x",
	    "Warning: The file name argument '-x' looks like a flag." },
	{ { "-s", "-T", "-x", "u" }, OPTS_OK, "<u> T:-x|s", "" },
	{ { "u", "-T" }, OPTS_USAGE, "option -T: requires parameter", "" },

	/* curl's warnf() folds at 79 columns, after a blank if it can */
	{ { "-o", "-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "u" }, OPTS_OK,
	    "<u> o:-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    "Warning: The file name argument \n"
	    "Warning: '-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaa\n"
	    "Warning: aaaaaaaaaaaaaaaaaaaaa' looks like a flag." },
	{ { "-T", "-a b c d e f g h i j k l m n o p q r s t u v w x y z a b "
	    "c d e f g h i j k l m n o p q", "u" }, OPTS_OK,
	    "<u> T:-a b c d e f g h i j k l m n o p q r s t u v w x y z a b "
	    "c d e f g h i j k l m n o p q",
	    "Warning: The file name argument '-a b c d e f g h i j k l m n o "
	    "p q r s t u v \n"
	    "Warning: w x y z a b c d e f g h i j k l m n o p q' looks like a "
	    "flag." },
	{ { "--netrc-file", "-xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb "
	    "ccccccccccccccccccccccc", "u" }, OPTS_OK,
	    "<u>|nf:-xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb "
	    "ccccccccccccccccccccccc",
	    "Warning: The file name argument "
	    "'-xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb \n"
	    "Warning: ccccccccccccccccccccccc' looks like a flag." },

	/* redirects */
	{ { "-L", "u" }, OPTS_OK, "<u>|L", "" },
	{ { "-sL", "u" }, OPTS_OK, "<u>|s|L", "" },
	{ { "-L", "--no-location", "u" }, OPTS_OK, "<u>", "" },
	{ { "--location-trusted", "u" }, OPTS_OK, "<u>|L|Lt", "" },
	{ { "--location-trusted", "--no-location", "u" }, OPTS_OK, "<u>|Lt",
	    "" },
	{ { "-L", "--no-location-trusted", "u" }, OPTS_OK, "<u>", "" },
	{ { "--no-location-trusted", "-L", "u" }, OPTS_OK, "<u>|L", "" },
	{ { "--location-t", "u" }, OPTS_OK, "<u>|L|Lt", "" },
	{ { "--max-redirs", "5", "u" }, OPTS_OK, "<u>|mr:5", "" },
	{ { "--max-redirs", "-1", "u" }, OPTS_OK, "<u>|mr:-1", "" },
	{ { "--max-redirs", "0", "u" }, OPTS_OK, "<u>|mr:0", "" },
	{ { "--max-redirs", "7", "--max-redirs", "50", "u" }, OPTS_OK, "<u>",
	    "" },
	{ { "--max-redirs", " 5", "u" }, OPTS_OK, "<u>|mr:5", "" },
	{ { "--max-redirs", " -1", "u" }, OPTS_OK, "<u>|mr:-1", "" },
	{ { "--max-redirs", "+5", "u" }, OPTS_OK, "<u>|mr:5", "" },
	{ { "--max-redirs", "010", "u" }, OPTS_OK, "<u>|mr:10", "" },
	{ { "--max-redirs", "-0", "u" }, OPTS_OK, "<u>|mr:0", "" },
	{ { "--max-redirs", "9223372036854775807", "u" }, OPTS_OK,
	    "<u>|mr:9223372036854775807", "" },
	{ { "--max-redirs", "abc", "u" }, OPTS_USAGE,
	    "option --max-redirs: expected a proper numerical parameter", "" },
	{ { "--max-redirs", "", "u" }, OPTS_USAGE,
	    "option --max-redirs: expected a proper numerical parameter", "" },
	{ { "--max-redirs", "-2", "u" }, OPTS_USAGE,
	    "option --max-redirs: expected a proper numerical parameter", "" },
	{ { "--max-redirs", "5 ", "u" }, OPTS_USAGE,
	    "option --max-redirs: expected a proper numerical parameter", "" },
	{ { "--max-redirs", "0x10", "u" }, OPTS_USAGE,
	    "option --max-redirs: expected a proper numerical parameter", "" },
	{ { "--max-redirs", "1.5", "u" }, OPTS_USAGE,
	    "option --max-redirs: expected a proper numerical parameter", "" },
	{ { "--max-redirs", "1e3", "u" }, OPTS_USAGE,
	    "option --max-redirs: expected a proper numerical parameter", "" },
	{ { "--max-redirs", "--1", "u" }, OPTS_USAGE,
	    "option --max-redirs: expected a proper numerical parameter", "" },
	{ { "--max-redirs", "-9223372036854775808", "u" }, OPTS_USAGE,
	    "option --max-redirs: expected a proper numerical parameter", "" },
	{ { "--max-redirs", "9223372036854775808", "u" }, OPTS_USAGE,
	    "option --max-redirs: too large number", "" },
	{ { "--max-redirs", "99999999999999999999", "u" }, OPTS_USAGE,
	    "option --max-redirs: too large number", "" },
	{ { "--max-redirs", "-99999999999999999999", "u" }, OPTS_USAGE,
	    "option --max-redirs: too large number", "" },
	{ { "--max-r", "x" }, OPTS_USAGE,
	    "option --max-r: expected a proper numerical parameter", "" },
	{ { "u", "--max-redirs" }, OPTS_USAGE,
	    "option --max-redirs: requires parameter", "" },
	{ { "--post301", "--post302", "--post303", "u" }, OPTS_OK,
	    "<u>|p301|p302|p303", "" },
	{ { "--post301", "--post302", "--no-post302", "u" }, OPTS_OK,
	    "<u>|p301", "" },

	/* authentication */
	{ { "-u", "a:b", "u" }, OPTS_OK, "<u>|u:a:b", "" },
	{ { "-ua:b", "u" }, OPTS_OK, "<u>|u:a:b", "" },
	{ { "--user", "a", "--user", "c:d", "u" }, OPTS_OK, "<u>|u:c:d", "" },
	{ { "-u", "", "u" }, OPTS_OK, "<u>|u:", "" },
	{ { "-u", "-s", "u" }, OPTS_OK, "<u>|u:-s", "" },
	{ { "--basic", "u" }, OPTS_OK, "<u>|basic", "" },
	{ { "--basic", "--no-basic", "u" }, OPTS_OK, "<u>", "" },
	{ { "--oauth2-bearer", "tok", "u" }, OPTS_OK, "<u>|bearer:tok", "" },
	{ { "--oauth2-bearer", "a", "--oauth2-bearer", "b", "u" }, OPTS_OK,
	    "<u>|bearer:b", "" },
	{ { "-n", "u" }, OPTS_OK, "<u>|n", "" },
	{ { "--netrc", "--no-netrc", "u" }, OPTS_OK, "<u>", "" },
	{ { "-n", "--netrc-optional", "u" }, OPTS_OK, "<u>|n|netrc-opt", "" },
	{ { "--netrc-file", "f", "--netrc-file", "g", "u" }, OPTS_OK,
	    "<u>|nf:g", "" },
	{ { "--netrc-file", "", "u" }, OPTS_OK, "<u>|nf:", "" },
	{ { "--netrc-file", "-x", "u" }, OPTS_OK, "<u>|nf:-x",
	    "Warning: The file name argument '-x' looks like a flag." },
	{ { "--trace-secrets", "-v", "u" }, OPTS_OK, "<u>|v|ts", "" },
	{ { "--trace-s", "--no-trace-secrets", "u" }, OPTS_OK, "<u>", "" },
	{ { "u", "-u" }, OPTS_USAGE, "option -u: requires parameter", "" },
	{ { "u", "--oauth2-bearer" }, OPTS_USAGE,
	    "option --oauth2-bearer: requires parameter", "" },

	/* --expect100-timeout: seconds as -m */
	{ { "--expect100-timeout", "0.5", "u" }, OPTS_OK, "<u>|e100:500", "" },
	{ { "--expect100-timeout", "2", "u" }, OPTS_OK, "<u>|e100:2000", "" },
	{ { "--expect100-timeout", "1.0005", "u" }, OPTS_OK, "<u>|e100:1000",
	    "" },
	{ { "--expect100-timeout", "0", "u" }, OPTS_OK, "<u>", "" },
	{ { "--expect100-timeout", "nan", "u" }, OPTS_OK, "<u>", "" },
	{ { "--expect100-timeout", "-1", "u" }, OPTS_USAGE, "option "
	    "--expect100-timeout: expected a positive numerical parameter",
	    "" },
	{ { "--expect100-timeout", "abc", "u" }, OPTS_USAGE, "option "
	    "--expect100-timeout: expected a proper numerical parameter", "" },
	{ { "--expect100-timeout", "1e16", "u" }, OPTS_USAGE,
	    "option --expect100-timeout: too large number", "" },
	{ { "--expect100-timeout", "inf", "u" }, OPTS_USAGE,
	    "option --expect100-timeout: too large number", "" },

	/* TLS: -k a boolean, the file names warn like -o's */
	{ { "-k", "u" }, OPTS_OK, "<u>|k", "" },
	{ { "--insecure", "--no-insecure", "u" }, OPTS_OK, "<u>", "" },
	{ { "-kv", "u" }, OPTS_OK, "<u>|v|k", "" },
	{ { "--ins", "u" }, OPTS_OK, "<u>|k", "" },
	{ { "--cacert", "a.pem", "--cacert", "b.pem", "u" }, OPTS_OK,
	    "<u>|cacert:b.pem", "" },
	{ { "--cacert", "", "u" }, OPTS_OK, "<u>|cacert:", "" },
	{ { "--cace", "-", "u" }, OPTS_OK, "<u>|cacert:-", "" },
	{ { "--cacert", "-x", "u" }, OPTS_OK, "<u>|cacert:-x",
	    "Warning: The file name argument '-x' looks like a flag." },
	{ { "-s", "--cacert", "-x", "u" }, OPTS_OK, "<u>|s|cacert:-x", "" },
	{ { "--capath", "/etc/ssl/certs", "u" }, OPTS_OK,
	    "<u>|capath:/etc/ssl/certs", "" },
	{ { "--capath", "-d", "u" }, OPTS_OK, "<u>|capath:-d",
	    "Warning: The file name argument '-d' looks like a flag." },
	{ { "--ca", "x", "u" }, OPTS_USAGE, "option --ca: is ambiguous", "" },
	{ { "u", "--cacert" }, OPTS_USAGE,
	    "option --cacert: requires parameter", "" },
	{ { "--key", "k", "--key", "k2", "u" }, OPTS_OK, "<u>|key:k2", "" },
	{ { "--key", "", "u" }, OPTS_OK, "<u>|key:", "" },
	{ { "--key", "-k", "u" }, OPTS_OK, "<u>|key:-k",
	    "Warning: The file name argument '-k' looks like a flag." },
	{ { "--ke", "k", "u" }, OPTS_USAGE, "option --ke: is ambiguous", "" },
	{ { "--cert-type", "DER", "--cert-type", "p12", "u" }, OPTS_OK,
	    "<u>|certtype:p12", "" },
	{ { "--cert-type", "-x", "u" }, OPTS_OK, "<u>|certtype:-x", "" },
	{ { "--ciphers", "A:B", "--ciphers", "C", "u" }, OPTS_OK,
	    "<u>|ciphers:C", "" },
	{ { "--ciphers", "", "u" }, OPTS_OK, "<u>|ciphers:", "" },
	{ { "--pinnedpubkey", "sha256//x;sha256//y", "u" }, OPTS_OK,
	    "<u>|pin:sha256//x;sha256//y", "" },
	{ { "--pinnedpubkey", "-x", "u" }, OPTS_OK, "<u>|pin:-x", "" },

	/* -E: curl's split of CERT[:PASSWORD], measured with --libcurl */
	{ { "-E", "c.pem", "u" }, OPTS_OK, "<u>|E:c.pem", "" },
	{ { "-E", "c.pem:pw", "u" }, OPTS_OK, "<u>|E:c.pem|Epw:pw", "" },
	{ { "-Ec.pem:pw", "u" }, OPTS_OK, "<u>|E:c.pem|Epw:pw", "" },
	{ { "-kE", "c", "u" }, OPTS_OK, "<u>|k|E:c", "" },
	{ { "--cert", "a\\:b\\\\c\\d:pw:x", "u" }, OPTS_OK,
	    "<u>|E:a:b\\c\\d|Epw:pw:x", "" },
	{ { "-E", "a:pw", "-E", "b", "u" }, OPTS_OK, "<u>|E:b|Epw:pw", "" },
	{ { "-E", "a:pw", "-E", "b:", "u" }, OPTS_OK, "<u>|E:b|Epw:pw", "" },
	{ { "-E", "a:pw", "-E", "b:pw2", "u" }, OPTS_OK, "<u>|E:b|Epw:pw2",
	    "" },
	{ { "-E", "a:pw", "-E", "", "u" }, OPTS_OK, "<u>|Epw:pw", "" },
	{ { "-E", "a:", "u" }, OPTS_OK, "<u>|E:a", "" },
	{ { "-E", ":pw", "u" }, OPTS_OK, "<u>|E:|Epw:pw", "" },
	{ { "-E", "a::", "u" }, OPTS_OK, "<u>|E:a|Epw::", "" },
	{ { "-E", "a\\", "u" }, OPTS_OK, "<u>|E:a\\", "" },
	{ { "-E", "\\", "u" }, OPTS_OK, "<u>|E:\\", "" },
	{ { "-E", "a\\\\:pw", "u" }, OPTS_OK, "<u>|E:a\\|Epw:pw", "" },
	{ { "-E", "a\\\\\\:pw", "u" }, OPTS_OK, "<u>|E:a\\:pw", "" },
	{ { "-E", "a:b\\:c", "u" }, OPTS_OK, "<u>|E:a|Epw:b\\:c", "" },
	{ { "-E", "\\x\\\\y", "u" }, OPTS_OK, "<u>|E:\\x\\y", "" },
	{ { "-E", "pkcs11:token=a;x=b:c", "u" }, OPTS_OK,
	    "<u>|E:pkcs11:token=a;x=b:c", "" },
	{ { "-E", "PKCS11:a:b", "u" }, OPTS_OK, "<u>|E:PKCS11:a:b", "" },
	{ { "-E", "pkcs1:a:b", "u" }, OPTS_OK, "<u>|E:pkcs1|Epw:a:b", "" },
	{ { "-E", "-x:pw", "u" }, OPTS_OK, "<u>|E:-x|Epw:pw",
	    "Warning: The file name argument '-x:pw' looks like a flag." },
	{ { "-E-x", "u" }, OPTS_OK, "<u>|E:-x",
	    "Warning: The file name argument '-x' looks like a flag." },
	{ { "-s", "-E", "-x", "u" }, OPTS_OK, "<u>|s|E:-x", "" },
	{ { "-E", "-", "u" }, OPTS_OK, "<u>|E:-", "" },
	{ { "u", "-E" }, OPTS_USAGE, "option -E: requires parameter", "" },

	/* TLS versions: the lowest (last wins), --tls-max's exact words */
	{ { "--tlsv1.2", "u" }, OPTS_OK, "<u>|tlsmin:12", "" },
	{ { "--tlsv1.3", "u" }, OPTS_OK, "<u>|tlsmin:13", "" },
	{ { "--tlsv1.0", "u" }, OPTS_OK, "<u>|tlsmin:10", "" },
	{ { "--tlsv1.1", "u" }, OPTS_OK, "<u>|tlsmin:11", "" },
	{ { "--tlsv1", "u" }, OPTS_OK, "<u>|tlsmin:10", "" },
	{ { "-1", "u" }, OPTS_OK, "<u>|tlsmin:10", "" },
	{ { "--tlsv1.3", "--tlsv1.2", "u" }, OPTS_OK, "<u>|tlsmin:12", "" },
	{ { "-1", "--tlsv1.3", "-1", "u" }, OPTS_OK, "<u>|tlsmin:10", "" },
	{ { "--TLSv1.3", "u" }, OPTS_OK, "<u>|tlsmin:13", "" },
	{ { "--tlsv1.", "u" }, OPTS_USAGE, "option --tlsv1.: is ambiguous",
	    "" },
	{ { "--tlsv", "u" }, OPTS_USAGE, "option --tlsv: is ambiguous", "" },
	{ { "--tls-max", "1.2", "u" }, OPTS_OK, "<u>|tlsmax:12", "" },
	{ { "--tls-max", "1.0", "u" }, OPTS_OK, "<u>|tlsmax:10", "" },
	{ { "--tls-max", "1.1", "u" }, OPTS_OK, "<u>|tlsmax:11", "" },
	{ { "--tls-max", "1.3", "u" }, OPTS_OK, "<u>|tlsmax:13", "" },
	{ { "--tls-max", "default", "u" }, OPTS_OK, "<u>", "" },
	{ { "--tls-max", "1.2", "--tls-max", "default", "u" }, OPTS_OK, "<u>",
	    "" },
	{ { "--tls-m", "1.3", "u" }, OPTS_OK, "<u>|tlsmax:13", "" },
	/* no check of min against max while parsing, as curl */
	{ { "--tlsv1.3", "--tls-max", "1.2", "u" }, OPTS_OK,
	    "<u>|tlsmin:13|tlsmax:12", "" },
	{ { "--tls-max", "1.4", "u" }, OPTS_USAGE,
	    "option --tls-max: is badly used here", "" },
	{ { "--tls-max", " 1.2", "u" }, OPTS_USAGE,
	    "option --tls-max: is badly used here", "" },
	{ { "--tls-max", "1.2 ", "u" }, OPTS_USAGE,
	    "option --tls-max: is badly used here", "" },
	{ { "--tls-max", "DEFAULT", "u" }, OPTS_USAGE,
	    "option --tls-max: is badly used here", "" },
	{ { "--tls-max", "", "u" }, OPTS_USAGE,
	    "option --tls-max: is badly used here", "" },
	{ { "--tls-m", "12", "u" }, OPTS_USAGE,
	    "option --tls-m: is badly used here", "" },
	{ { "u", "--tls-max" }, OPTS_USAGE,
	    "option --tls-max: requires parameter", "" },

	/* proxies */
	{ { "-x", "http://p:3128", "u" }, OPTS_OK, "<u>|x:http://p:3128", "" },
	{ { "-x", "", "u" }, OPTS_OK, "<u>|x:", "" },
	{ { "-xp:1", "u" }, OPTS_OK, "<u>|x:p:1", "" },
	{ { "--proxy", "socks5://h:1", "-x", "h2", "u" }, OPTS_OK, "<u>|x:h2",
	    "" },
	{ { "-x", "-s", "u" }, OPTS_OK, "<u>|x:-s", "" },
	{ { "-x", "http://a:b@p", "u" }, OPTS_OK, "<u>|x:http://a:b@p", "" },
	{ { "--prox", "x", "u" }, OPTS_USAGE, "option --prox: is ambiguous",
	    "" },
	{ { "--proxy-", "x", "u" }, OPTS_USAGE,
	    "option --proxy-: is ambiguous", "" },
	{ { "u", "-x" }, OPTS_USAGE, "option -x: requires parameter", "" },
	{ { "-U", "a:b", "u" }, OPTS_OK, "<u>|U:a:b", "" },
	{ { "-Ua:b", "u" }, OPTS_OK, "<u>|U:a:b", "" },
	{ { "-U", "a", "--proxy-user", "c:d", "u" }, OPTS_OK, "<u>|U:c:d", "" },
	{ { "-U", "", "u" }, OPTS_OK, "<u>|U:", "" },
	{ { "--proxy-u", "a:b", "u" }, OPTS_OK, "<u>|U:a:b", "" },
	{ { "u", "-U" }, OPTS_USAGE, "option -U: requires parameter", "" },
	{ { "--proxy-basic", "u" }, OPTS_OK, "<u>|proxy-basic", "" },
	{ { "--proxy-basic", "--no-proxy-basic", "u" }, OPTS_OK, "<u>", "" },
	{ { "--noproxy", "a,b", "--noproxy", "c", "u" }, OPTS_OK,
	    "<u>|noproxy:c", "" },
	{ { "--noproxy", "", "u" }, OPTS_OK, "<u>|noproxy:", "" },
	{ { "--noproxy", "*", "u" }, OPTS_OK, "<u>|noproxy:*", "" },
	/* "--no" is no "--no-": a prefix of --noproxy alone */
	{ { "--no", "x", "u" }, OPTS_OK, "<u>|noproxy:x", "" },
	{ { "--no-proxy", "x", "u" }, OPTS_USAGE, "option --no-proxy: used "
	    "'--no-' for option that isn't a boolean", "" },
	{ { "-p", "u" }, OPTS_OK, "<u>|p", "" },
	{ { "-pk", "u" }, OPTS_OK, "<u>|k|p", "" },
	{ { "-p", "--no-proxytunnel", "u" }, OPTS_OK, "<u>", "" },
	{ { "--proxyt", "u" }, OPTS_OK, "<u>|p", "" },

	/* --resolve and --connect-to: all of them, in order, unchecked */
	{ { "--resolve", "a:1:1.2.3.4", "--resolve", "b:2:[::1],1.1.1.1",
	    "--resolve", "", "u" }, OPTS_OK, "<u>|resolve:a:1:1.2.3.4|"
	    "resolve:b:2:[::1],1.1.1.1|resolve:", "" },
	{ { "--resolve", "garbage", "--res", "-x:1:2", "u" }, OPTS_OK,
	    "<u>|resolve:garbage|resolve:-x:1:2", "" },
	{ { "--connect-to", "a:1:b:2", "--connect-to", "::c:", "u" }, OPTS_OK,
	    "<u>|connect-to:a:1:b:2|connect-to:::c:", "" },
	{ { "--resolve", "+h:443:127.0.0.1", "--connect-to", "h:443:x:8443",
	    "--resolve", "-h:443", "u" }, OPTS_OK, "<u>|resolve:+h:443:"
	    "127.0.0.1|resolve:-h:443|connect-to:h:443:x:8443", "" },
	{ { "u", "--resolve" }, OPTS_USAGE,
	    "option --resolve: requires parameter", "" },
	{ { "u", "--connect-to" }, OPTS_USAGE,
	    "option --connect-to: requires parameter", "" },
	/* --compressed, --tr-encoding: booleans */
	{ { "--compressed", "--tr-encoding", "u" }, OPTS_OK,
	    "<u>|compressed|tr", "" },
	{ { "--compressed", "--no-compressed", "--tr-encoding",
	    "--no-tr-encoding", "u" }, OPTS_OK, "<u>", "" },
	{ { "--compr", "u" }, OPTS_USAGE, "option --compr: is ambiguous", "" },
	{ { "--tr-", "u" }, OPTS_OK, "<u>|tr", "" },

	/* sizes: curl's GetSizeParameter(), its warnings (measured) */
	{ { "--max-filesize", "100", "u" }, OPTS_OK, "<u>|mfs:100", "" },
	{ { "--max-filesize", "10k", "u" }, OPTS_OK, "<u>|mfs:10240", "" },
	{ { "--max-filesize", "10K", "u" }, OPTS_OK, "<u>|mfs:10240", "" },
	{ { "--max-filesize", "1M", "u" }, OPTS_OK, "<u>|mfs:1048576", "" },
	{ { "--max-filesize", "1m", "u" }, OPTS_OK, "<u>|mfs:1048576", "" },
	{ { "--max-filesize", "1G", "u" }, OPTS_OK, "<u>|mfs:1073741824", "" },
	{ { "--max-filesize", "1g", "u" }, OPTS_OK, "<u>|mfs:1073741824", "" },
	{ { "--max-filesize", "7b", "u" }, OPTS_OK, "<u>|mfs:7", "" },
	{ { "--max-filesize", "7B", "u" }, OPTS_OK, "<u>|mfs:7", "" },
	{ { "--max-filesize", " 5", "u" }, OPTS_OK, "<u>|mfs:5", "" },
	{ { "--max-filesize", " \t5", "u" }, OPTS_OK, "<u>|mfs:5", "" },
	{ { "--max-filesize", " +5", "u" }, OPTS_OK, "<u>|mfs:5", "" },
	{ { "--max-filesize", "010", "u" }, OPTS_OK, "<u>|mfs:10", "" },
	{ { "--max-filesize", "0", "u" }, OPTS_OK, "<u>", "" },
	{ { "--max-filesize", "0k", "u" }, OPTS_OK, "<u>", "" },
	{ { "--max-filesize", "5", "--max-filesize", "0", "u" }, OPTS_OK,
	    "<u>", "" },
	{ { "--max-filesize", "9223372036854775807", "u" }, OPTS_OK,
	    "<u>|mfs:9223372036854775807", "" },
	{ { "--max-filesize", "8589934591G", "u" }, OPTS_OK,
	    "<u>|mfs:9223372035781033984", "" },
	{ { "--max-filesize", "9007199254740991k", "u" }, OPTS_OK,
	    "<u>|mfs:9223372036854774784", "" },
	{ { "--max-filesize", "8796093022207M", "u" }, OPTS_OK,
	    "<u>|mfs:9223372036853727232", "" },
	{ { "--max-filesize", "8589934592G", "u" }, OPTS_USAGE,
	    "option --max-filesize: too large number", "" },
	{ { "--max-filesize", "9007199254740992k", "u" }, OPTS_USAGE,
	    "option --max-filesize: too large number", "" },
	{ { "--max-filesize", "8796093022208M", "u" }, OPTS_USAGE,
	    "option --max-filesize: too large number", "" },
	{ { "--max-filesize", "1.5M", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: unsupported max-filesize unit. Use G, M, K or B!" },
	{ { "--max-filesize", "1X", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: unsupported max-filesize unit. Use G, M, K or B!" },
	{ { "--max-filesize", "1kb", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: unsupported max-filesize unit. Use G, M, K or B!" },
	{ { "--max-filesize", "5 ", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: unsupported max-filesize unit. Use G, M, K or B!" },
	{ { "--max-filesize", "1e3", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: unsupported max-filesize unit. Use G, M, K or B!" },
	{ { "--max-filesize", "0x10", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: unsupported max-filesize unit. Use G, M, K or B!" },
	{ { "--max-filesize", "1T", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: unsupported max-filesize unit. Use G, M, K or B!" },
	{ { "--max-filesize", "abc", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: invalid number specified for max-filesize" },
	{ { "--max-filesize", "-1", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: invalid number specified for max-filesize" },
	{ { "--max-filesize", "-0", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: invalid number specified for max-filesize" },
	{ { "--max-filesize", " -1", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: invalid number specified for max-filesize" },
	{ { "--max-filesize", "", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: invalid number specified for max-filesize" },
	{ { "--max-filesize", "k", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: invalid number specified for max-filesize" },
	{ { "--max-filesize", "++5", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: invalid number specified for max-filesize" },
	{ { "--max-filesize", "\n5", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: invalid number specified for max-filesize" },
	{ { "--max-filesize", "9223372036854775808", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: invalid number specified for max-filesize" },
	{ { "--max-filesize", "99999999999999999999", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here",
	    "Warning: invalid number specified for max-filesize" },
	{ { "-s", "--max-filesize", "abc", "u" }, OPTS_USAGE,
	    "option --max-filesize: is badly used here", "" },
	{ { "u", "--max-filesize" }, OPTS_USAGE,
	    "option --max-filesize: requires parameter", "" },
	{ { "--limit-rate", "10k", "u" }, OPTS_OK, "<u>|lr:10240", "" },
	{ { "--limit-rate", "1M", "--limit-rate", "2m", "u" }, OPTS_OK,
	    "<u>|lr:2097152", "" },
	{ { "--limit-rate", "100", "u" }, OPTS_OK, "<u>|lr:100", "" },
	{ { "--limit-rate", "0", "u" }, OPTS_OK, "<u>", "" },
	{ { "--limit-rate", "1.5M", "u" }, OPTS_USAGE,
	    "option --limit-rate: is badly used here",
	    "Warning: unsupported rate unit. Use G, M, K or B!" },
	{ { "--limit-rate", "abc", "u" }, OPTS_USAGE,
	    "option --limit-rate: is badly used here",
	    "Warning: invalid number specified for rate" },
	{ { "--limit-rate", "8796093022208M", "u" }, OPTS_USAGE,
	    "option --limit-rate: too large number", "" },
	/* hget's own: the default is HG_MAX_DECODED_DEFAULT, 0 lifts it */
	{ { "--max-decoded-size", "0", "u" }, OPTS_OK, "<u>|mds:0", "" },
	{ { "--max-decoded-size", "1M", "u" }, OPTS_OK, "<u>|mds:1048576",
	    "" },
	{ { "--max-decoded-size", "100G", "u" }, OPTS_OK, "<u>", "" },
	{ { "--max-d", "5k", "u" }, OPTS_OK, "<u>|mds:5120", "" },
	{ { "--max-decoded-size", "abc", "u" }, OPTS_USAGE,
	    "option --max-decoded-size: is badly used here",
	    "Warning: invalid number specified for max-decoded-size" },
	{ { "--max-decoded-size", "1.5G", "u" }, OPTS_USAGE,
	    "option --max-decoded-size: is badly used here",
	    "Warning: unsupported max-decoded-size unit. Use G, M, K or B!" },

	/* -C: curl's str2offset(), strtol() base 0 (measured) */
	{ { "-C", "100", "u" }, OPTS_OK, "<u>|C:100", "" },
	{ { "-C100", "u" }, OPTS_OK, "<u>|C:100", "" },
	{ { "--continue-at", "5", "u" }, OPTS_OK, "<u>|C:5", "" },
	{ { "-C", "0", "u" }, OPTS_OK, "<u>", "" },
	{ { "-C", "-", "u" }, OPTS_OK, "<u>|C:-", "" },
	{ { "-C", "0x10", "u" }, OPTS_OK, "<u>|C:16", "" },
	{ { "-C", "0X1f", "u" }, OPTS_OK, "<u>|C:31", "" },
	{ { "-C", "010", "u" }, OPTS_OK, "<u>|C:8", "" },
	{ { "-C", " 5", "u" }, OPTS_OK, "<u>|C:5", "" },
	{ { "-C", "\t7", "u" }, OPTS_OK, "<u>|C:7", "" },
	{ { "-C", " +5", "u" }, OPTS_OK, "<u>|C:5", "" },
	/* curl lets a negative behind a blank through, then sends no Range */
	{ { "-C", " -5", "u" }, OPTS_OK, "<u>", "" },
	{ { "-C", "9223372036854775807", "u" }, OPTS_OK,
	    "<u>|C:9223372036854775807", "" },
	{ { "-C", "0x7fffffffffffffff", "u" }, OPTS_OK,
	    "<u>|C:9223372036854775807", "" },
	{ { "-C", "0777777777777777777777", "u" }, OPTS_OK,
	    "<u>|C:9223372036854775807", "" },
	{ { "-C", "-", "-C", "5", "u" }, OPTS_OK, "<u>|C:5", "" },
	{ { "-C", "5", "-C", "-", "u" }, OPTS_OK, "<u>|C:-", "" },
	{ { "-C", "-5", "u" }, OPTS_USAGE,
	    "option -C: expected a positive numerical parameter", "" },
	{ { "-C", "-0", "u" }, OPTS_USAGE,
	    "option -C: expected a positive numerical parameter", "" },
	{ { "-C", "--", "u" }, OPTS_USAGE,
	    "option -C: expected a positive numerical parameter", "" },
	{ { "-C", "-x", "u" }, OPTS_USAGE,
	    "option -C: expected a positive numerical parameter", "" },
	{ { "-C", "-+5", "u" }, OPTS_USAGE,
	    "option -C: expected a positive numerical parameter", "" },
	{ { "-C", "abc", "u" }, OPTS_USAGE,
	    "option -C: expected a proper numerical parameter", "" },
	{ { "-C", "", "u" }, OPTS_USAGE,
	    "option -C: expected a proper numerical parameter", "" },
	{ { "-C", "1k", "u" }, OPTS_USAGE,
	    "option -C: expected a proper numerical parameter", "" },
	{ { "-C", "5 ", "u" }, OPTS_USAGE,
	    "option -C: expected a proper numerical parameter", "" },
	{ { "-C", "1.5", "u" }, OPTS_USAGE,
	    "option -C: expected a proper numerical parameter", "" },
	{ { "-C", "08", "u" }, OPTS_USAGE,
	    "option -C: expected a proper numerical parameter", "" },
	{ { "-C", "0x", "u" }, OPTS_USAGE,
	    "option -C: expected a proper numerical parameter", "" },
	{ { "-C", "+-5", "u" }, OPTS_USAGE,
	    "option -C: expected a proper numerical parameter", "" },
	{ { "-C", "9223372036854775808", "u" }, OPTS_USAGE,
	    "option -C: too large number", "" },
	{ { "-C", "0x8000000000000000", "u" }, OPTS_USAGE,
	    "option -C: too large number", "" },
	{ { "-C", "01000000000000000000000", "u" }, OPTS_USAGE,
	    "option -C: too large number", "" },
	{ { "-C", " -99999999999999999999", "u" }, OPTS_USAGE,
	    "option -C: too large number", "" },
	{ { "u", "-C" }, OPTS_USAGE, "option -C: requires parameter", "" },

	/* -r: as sent after "bytes=", with curl's warnings (measured) */
	{ { "-r", "0-499", "u" }, OPTS_OK, "<u>|r:0-499", "" },
	{ { "-r", "-500", "u" }, OPTS_OK, "<u>|r:-500", "" },
	{ { "-r", "500-", "u" }, OPTS_OK, "<u>|r:500-", "" },
	{ { "--range", "0-0,2-3", "u" }, OPTS_OK, "<u>|r:0-0,2-3", "" },
	{ { "-r", "", "u" }, OPTS_OK, "<u>|r:", "" },
	{ { "-r1-2", "-r", "3-4", "u" }, OPTS_OK, "<u>|r:3-4", "" },
	{ { "-r", "500", "u" }, OPTS_OK, "<u>|r:500-",
	    "Warning: A specified range MUST include at least one dash (-). "
	    "Appending one \nWarning: for you!" },
	{ { "-r", "007", "u" }, OPTS_OK, "<u>|r:7-",
	    "Warning: A specified range MUST include at least one dash (-). "
	    "Appending one \nWarning: for you!" },
	{ { "-r", "5x", "u" }, OPTS_OK, "<u>|r:5-",
	    "Warning: A specified range MUST include at least one dash (-). "
	    "Appending one \nWarning: for you!" },
	{ { "-r", "5,6", "u" }, OPTS_OK, "<u>|r:5-",
	    "Warning: A specified range MUST include at least one dash (-). "
	    "Appending one \nWarning: for you!" },
	{ { "-r", "9223372036854775807", "u" }, OPTS_OK,
	    "<u>|r:9223372036854775807-",
	    "Warning: A specified range MUST include at least one dash (-). "
	    "Appending one \nWarning: for you!" },
	{ { "-r", "abc", "u" }, OPTS_OK, "<u>|r:abc",
	    "Warning: Invalid character is found in given range. A specified "
	    "range MUST \nWarning: have only digits in 'start'-'stop'. The "
	    "server's response to this \nWarning: request is uncertain." },
	{ { "-r", " 5-6", "u" }, OPTS_OK, "<u>|r: 5-6",
	    "Warning: Invalid character is found in given range. A specified "
	    "range MUST \nWarning: have only digits in 'start'-'stop'. The "
	    "server's response to this \nWarning: request is uncertain." },
	{ { "-r", "+5", "u" }, OPTS_OK, "<u>|r:+5",
	    "Warning: Invalid character is found in given range. A specified "
	    "range MUST \nWarning: have only digits in 'start'-'stop'. The "
	    "server's response to this \nWarning: request is uncertain." },
	{ { "-r", "1-2x", "u" }, OPTS_OK, "<u>|r:1-2x",
	    "Warning: Invalid character is found in given range. A specified "
	    "range MUST \nWarning: have only digits in 'start'-'stop'. The "
	    "server's response to this \nWarning: request is uncertain." },
	{ { "-s", "-r", "a-b", "u" }, OPTS_OK, "<u>|s|r:a-b", "" },
	{ { "-r", "99999999999999999999", "u" }, OPTS_USAGE,
	    "option -r: is badly used here",
	    "Warning: unsupported range point" },
	{ { "-r", "9223372036854775808", "u" }, OPTS_USAGE,
	    "option -r: is badly used here",
	    "Warning: unsupported range point" },
	{ { "u", "-r" }, OPTS_USAGE, "option -r: requires parameter", "" },

	/* -z: a date (curl_getdate's forms) or a file; '-', '+', '=' */
	{ { "-z", "Sun, 06 Nov 1994 08:49:37 GMT", "u" }, OPTS_OK,
	    "<u>|z:784111777", "" },
	{ { "-z", "+Sun, 06 Nov 1994 08:49:37 GMT", "u" }, OPTS_OK,
	    "<u>|z:784111777", "" },
	{ { "-z", "-Sun, 06 Nov 1994 08:49:37 GMT", "u" }, OPTS_OK,
	    "<u>|z-:784111777", "" },
	{ { "--time-cond", "=Sun, 06 Nov 1994 08:49:37 GMT", "u" }, OPTS_OK,
	    "<u>|z=:784111777", "" },
	{ { "-z", "20231231", "u" }, OPTS_OK, "<u>|z:1703980800", "" },
	{ { "-z", "bogus", "u" }, OPTS_OK, "<u>",
	    "Warning: Illegal date format for -z, --time-cond (and not a file "
	    "name). \nWarning: Disabling time condition. See curl_getdate(3) "
	    "for valid date syntax." },
	{ { "-z", "-bogus", "u" }, OPTS_OK, "<u>",
	    "Warning: Illegal date format for -z, --time-cond (and not a file "
	    "name). \nWarning: Disabling time condition. See curl_getdate(3) "
	    "for valid date syntax." },
	{ { "-z", "", "u" }, OPTS_OK, "<u>",
	    "Warning: Illegal date format for -z, --time-cond (and not a file "
	    "name). \nWarning: Disabling time condition. See curl_getdate(3) "
	    "for valid date syntax." },
	{ { "-z", "/nonexistent/hget-t-opts", "u" }, OPTS_OK, "<u>",
	    "Warning: Illegal date format for -z, --time-cond (and not a file "
	    "name). \nWarning: Disabling time condition. See curl_getdate(3) "
	    "for valid date syntax." },
	/* a bad -z drops an earlier good one */
	{ { "-z", "20231231", "-z", "bogus", "u" }, OPTS_OK, "<u>",
	    "Warning: Illegal date format for -z, --time-cond (and not a file "
	    "name). \nWarning: Disabling time condition. See curl_getdate(3) "
	    "for valid date syntax." },
	{ { "-s", "-z", "bogus", "u" }, OPTS_OK, "<u>|s", "" },
	{ { "u", "-z" }, OPTS_USAGE, "option -z: requires parameter", "" },
	{ { "-R", "u" }, OPTS_OK, "<u>|R", "" },
	{ { "--remote-time", "--no-remote-time", "u" }, OPTS_OK, "<u>", "" },

	/* --etag-save, --etag-compare: files, read later (plan.c, main.c) */
	{ { "--etag-save", "f", "--etag-compare", "g", "u" }, OPTS_OK,
	    "<u>|es:f|ec:g", "" },
	{ { "--etag-save", "f", "--etag-save", "", "u" }, OPTS_OK, "<u>|es:",
	    "" },
	{ { "--etag-s", "-x", "u" }, OPTS_OK, "<u>|es:-x",
	    "Warning: The file name argument '-x' looks like a flag." },
	{ { "--etag-c", "-", "u" }, OPTS_OK, "<u>|ec:-", "" },
	{ { "--etag-compare", "-x", "u" }, OPTS_OK, "<u>|ec:-x",
	    "Warning: The file name argument '-x' looks like a flag." },
	{ { "--etag", "x", "u" }, OPTS_USAGE, "option --etag: is ambiguous",
	    "" },
	{ { "u", "--etag-save" }, OPTS_USAGE,
	    "option --etag-save: requires parameter", "" },

	/* -b: cookies with '=' (joined with ';'), else files; -c, -j */
	{ { "-b", "a=b", "u" }, OPTS_OK, "<u>|b:a=b", "" },
	{ { "-b", "a=b", "-b", "c=d", "-b", "e=f", "u" }, OPTS_OK,
	    "<u>|b:a=b;c=d;e=f", "" },
	{ { "-b", "a=b; ", "--cookie", "c=d", "u" }, OPTS_OK,
	    "<u>|b:a=b; ;c=d", "" },
	{ { "-b", "=", "u" }, OPTS_OK, "<u>|b:=", "" },
	{ { "-b", "f", "u" }, OPTS_OK, "<u>|bf:f", "" },
	{ { "-bf", "-b", "x=y", "-b", "g", "u" }, OPTS_OK,
	    "<u>|b:x=y|bf:f|bf:g", "" },
	{ { "-b", "-", "u" }, OPTS_OK, "<u>|bf:-", "" },
	{ { "-b", "", "u" }, OPTS_OK, "<u>|bf:", "" },
	{ { "-b", "-x", "u" }, OPTS_OK, "<u>|bf:-x", "" },
	{ { "-c", "jar", "u" }, OPTS_OK, "<u>|c:jar", "" },
	{ { "-c", "a", "--cookie-jar", "-", "u" }, OPTS_OK, "<u>|c:-", "" },
	{ { "-c", "-x", "u" }, OPTS_OK, "<u>|c:-x", "" },
	{ { "--cookie-", "j", "--cookie", "f", "u" }, OPTS_OK,
	    "<u>|bf:f|c:j", "" },
	{ { "-sjb", "f", "u" }, OPTS_OK, "<u>|s|bf:f|j", "" },
	{ { "-j", "--no-junk-session-cookies", "u" }, OPTS_OK, "<u>", "" },
	{ { "--cook", "x", "u" }, OPTS_USAGE, "option --cook: is ambiguous",
	    "" },
	{ { "u", "-b" }, OPTS_USAGE, "option -b: requires parameter", "" },
	{ { "u", "-c" }, OPTS_USAGE, "option -c: requires parameter", "" },

	/* --retry: str2unum(); the delays whole seconds, kept in ms */
	{ { "--retry", "3", "u" }, OPTS_OK, "<u>|retry:3", "" },
	{ { "--retry", "0", "u" }, OPTS_OK, "<u>", "" },
	{ { "--retry", " 5", "u" }, OPTS_OK, "<u>|retry:5", "" },
	{ { "--retry", "+5", "u" }, OPTS_OK, "<u>|retry:5", "" },
	{ { "--retry", "-0", "u" }, OPTS_OK, "<u>", "" },
	{ { "--retry", "9223372036854775807", "u" }, OPTS_OK,
	    "<u>|retry:9223372036854775807", "" },
	{ { "--retry", "-1", "u" }, OPTS_USAGE,
	    "option --retry: expected a positive numerical parameter", "" },
	{ { "--retry", "-9223372036854776", "u" }, OPTS_USAGE,
	    "option --retry: expected a positive numerical parameter", "" },
	{ { "--retry", "abc", "u" }, OPTS_USAGE,
	    "option --retry: expected a proper numerical parameter", "" },
	{ { "--retry", "1.5", "u" }, OPTS_USAGE,
	    "option --retry: expected a proper numerical parameter", "" },
	{ { "--retry", "5 ", "u" }, OPTS_USAGE,
	    "option --retry: expected a proper numerical parameter", "" },
	{ { "--retry", "0x10", "u" }, OPTS_USAGE,
	    "option --retry: expected a proper numerical parameter", "" },
	{ { "--retry", "", "u" }, OPTS_USAGE,
	    "option --retry: expected a proper numerical parameter", "" },
	{ { "--retry", "-1x", "u" }, OPTS_USAGE,
	    "option --retry: expected a proper numerical parameter", "" },
	{ { "--retry", "9223372036854775808", "u" }, OPTS_USAGE,
	    "option --retry: too large number", "" },
	{ { "--retry", "-99999999999999999999", "u" }, OPTS_USAGE,
	    "option --retry: too large number", "" },
	{ { "--retry-delay", "3", "u" }, OPTS_OK, "<u>|rd:3000", "" },
	{ { "--retry-d", "0", "u" }, OPTS_OK, "<u>", "" },
	{ { "--retry-delay", "9223372036854775", "u" }, OPTS_OK,
	    "<u>|rd:9223372036854775000", "" },
	{ { "--retry-delay", "9223372036854776", "u" }, OPTS_USAGE,
	    "option --retry-delay: too large number", "" },
	{ { "--retry-delay", "9223372036854775808", "u" }, OPTS_USAGE,
	    "option --retry-delay: too large number", "" },
	{ { "--retry-delay", "-1", "u" }, OPTS_USAGE,
	    "option --retry-delay: expected a positive numerical parameter",
	    "" },
	{ { "--retry-delay", "1.5", "u" }, OPTS_USAGE,
	    "option --retry-delay: expected a proper numerical parameter", "" },
	{ { "--retry-max-time", "60", "u" }, OPTS_OK, "<u>|rmt:60000", "" },
	{ { "--retry-max-time", "-1", "u" }, OPTS_USAGE, "option "
	    "--retry-max-time: expected a positive numerical parameter", "" },
	{ { "--retry-max-time", "x", "u" }, OPTS_USAGE, "option "
	    "--retry-max-time: expected a proper numerical parameter", "" },
	{ { "--retry-max-time", "9223372036854776", "u" }, OPTS_USAGE,
	    "option --retry-max-time: too large number", "" },
	{ { "--retry-connrefused", "--retry-all-errors", "u" }, OPTS_OK,
	    "<u>|rcr|rae", "" },
	{ { "--retry-connrefused", "--retry-all-errors",
	    "--no-retry-connrefused", "--no-retry-all-errors", "u" }, OPTS_OK,
	    "<u>", "" },
	{ { "--retry-", "1", "u" }, OPTS_USAGE,
	    "option --retry-: is ambiguous", "" },
	{ { "u", "--retry" }, OPTS_USAGE, "option --retry: requires parameter",
	    "" },

	/* -J, --no-clobber, --remove-on-error */
	{ { "-J", "-O", "u" }, OPTS_OK, "<u> O|J", "" },
	{ { "-OJR", "u" }, OPTS_OK, "<u> O|J|R", "" },
	/* without -O curl ignores it */
	{ { "-J", "u" }, OPTS_OK, "<u>|J", "" },
	{ { "-J", "-o", "f", "u" }, OPTS_OK, "<u> o:f|J", "" },
	{ { "-J", "-D", "-", "-O", "u" }, OPTS_OK, "<u> O|D:-|J", "" },
	{ { "-J", "--no-remote-header-name", "-i", "u" }, OPTS_OK, "<u>|i",
	    "" },
	/* after the walk, before "no URL": -i/-I as they ended, then -C - */
	{ { "-J", "-i", "-O", "u" }, OPTS_USAGE,
	    "showing headers and --remote-header-name cannot be combined", "" },
	{ { "-i", "-J", "-O", "u" }, OPTS_USAGE,
	    "showing headers and --remote-header-name cannot be combined", "" },
	{ { "-J", "-I", "-O", "u" }, OPTS_USAGE,
	    "showing headers and --remote-header-name cannot be combined", "" },
	{ { "-J", "-i" }, OPTS_USAGE,
	    "showing headers and --remote-header-name cannot be combined", "" },
	{ { "-s", "-J", "-i", "u" }, OPTS_USAGE,
	    "showing headers and --remote-header-name cannot be combined", "" },
	{ { "-J", "--no-include", "-i", "u" }, OPTS_USAGE,
	    "showing headers and --remote-header-name cannot be combined", "" },
	{ { "-J", "-I", "--no-include", "-O", "u" }, OPTS_OK, "<u> O|I|J",
	    "" },
	{ { "-J", "-i", "--no-include", "u" }, OPTS_OK, "<u>|J", "" },
	{ { "-J", "-i", "-I", "-d", "x", "u" }, OPTS_USAGE,
	    "showing headers and --remote-header-name cannot be combined", "" },
	{ { "-J", "-i", "--bogus" }, OPTS_USAGE, "option --bogus: is unknown",
	    "" },
	{ { "-J", "-C", "-", "-O", "u" }, OPTS_USAGE,
	    "--continue-at and --remote-header-name cannot be combined", "" },
	{ { "-C", "-", "-J", "u" }, OPTS_USAGE,
	    "--continue-at and --remote-header-name cannot be combined", "" },
	{ { "-C", "5", "-C", "-", "-J", "u" }, OPTS_USAGE,
	    "--continue-at and --remote-header-name cannot be combined", "" },
	{ { "-J", "-C", "-", "-i", "u" }, OPTS_USAGE,
	    "showing headers and --remote-header-name cannot be combined", "" },
	{ { "-C", "-", "-C", "5", "-J", "u" }, OPTS_OK, "<u>|J|C:5", "" },
	{ { "--no-clobber", "u" }, OPTS_OK, "<u>|no-clobber", "" },
	{ { "--no-clobber", "--clobber", "u" }, OPTS_OK, "<u>", "" },
	{ { "--clob", "u" }, OPTS_OK, "<u>", "" },
	{ { "--no-clob", "u" }, OPTS_USAGE, "option --no-clob: is unknown",
	    "" },
	{ { "--remove-on-error", "u" }, OPTS_OK, "<u>|roe", "" },
	{ { "--remove-on-error", "--no-remove-on-error", "u" }, OPTS_OK,
	    "<u>", "" },
};

static void
add(char *d, size_t dlen, const char *tok)
{
	if (*d != '\0')
		strlcat(d, "|", dlen);
	strlcat(d, tok, dlen);
}

/* "name" then the value, as one token */
static void
addkv(char *d, size_t dlen, const char *name, const char *v)
{
	char	 t[256];

	strlcpy(t, name, sizeof(t));
	strlcat(t, v, sizeof(t));
	add(d, dlen, t);
}

static void
addms(char *d, size_t dlen, const char *name, int64_t ms)
{
	char	 t[64];

	if (ms == 0)
		return;
	snprintf(t, sizeof(t), "%s:%" PRId64, name, ms);
	add(d, dlen, t);
}

static void
dump_slots(const struct opts *o, char *d, size_t dlen)
{
	char	 t[256];
	size_t	 i;

	for (i = 0; i < o->nslots; i++) {
		const struct opts_url	*s = &o->urls[i];

		if (s->url != NULL)
			snprintf(t, sizeof(t), "<%s>", s->url);
		else
			snprintf(t, sizeof(t), "(none)");
		if (s->out == OPTS_OUT_FILE) {
			strlcat(t, " o:", sizeof(t));
			strlcat(t, s->outfile, sizeof(t));
		} else if (s->out == OPTS_OUT_REMOTE)
			strlcat(t, " O", sizeof(t));
		if (s->upload != NULL) {
			strlcat(t, " T:", sizeof(t));
			strlcat(t, s->upload, sizeof(t));
		}
		add(d, dlen, t);
	}
}

static const char *const data_tokens[] = {
	[OPTS_DATA] = "d:",
	[OPTS_DATA_BINARY] = "db:",
	[OPTS_DATA_RAW] = "dr:",
	[OPTS_DATA_URLENCODE] = "de:",
	[OPTS_DATA_JSON] = "json:",
};

/* the request body and the redirects */
static void
dump_body(const struct opts *o, char *d, size_t dlen)
{
	char	 t[64];
	size_t	 i;

	for (i = 0; i < o->ndata; i++)
		addkv(d, dlen, data_tokens[o->data[i].kind], o->data[i].arg);
	for (i = 0; i < o->nforms; i++)
		addkv(d, dlen, o->forms[i].literal ? "Fs:" : "F:",
		    o->forms[i].arg);
	for (i = 0; i < o->nurl_queries; i++)
		addkv(d, dlen, "q:", o->url_queries[i]);
	if (o->get)
		add(d, dlen, "G");
	if (o->location)
		add(d, dlen, "L");
	if (o->location_trusted)
		add(d, dlen, "Lt");
	if (o->max_redirs != 50) {
		snprintf(t, sizeof(t), "mr:%ld", o->max_redirs);
		add(d, dlen, t);
	}
	if (o->post301)
		add(d, dlen, "p301");
	if (o->post302)
		add(d, dlen, "p302");
	if (o->post303)
		add(d, dlen, "p303");
	addms(d, dlen, "e100", o->expect100_timeout_ms);
}

static void
dump_auth(const struct opts *o, char *d, size_t dlen)
{
	if (o->user)
		addkv(d, dlen, "u:", o->user);
	if (o->basic)
		add(d, dlen, "basic");
	if (o->oauth2_bearer)
		addkv(d, dlen, "bearer:", o->oauth2_bearer);
	if (o->netrc)
		add(d, dlen, "n");
	if (o->netrc_optional)
		add(d, dlen, "netrc-opt");
	if (o->netrc_file)
		addkv(d, dlen, "nf:", o->netrc_file);
	if (o->trace_secrets)
		add(d, dlen, "ts");
}

static void
dump_tls(const struct opts *o, char *d, size_t dlen)
{
	char	 t[64];

	if (o->insecure)
		add(d, dlen, "k");
	if (o->cacert)
		addkv(d, dlen, "cacert:", o->cacert);
	if (o->capath)
		addkv(d, dlen, "capath:", o->capath);
	if (o->cert)
		addkv(d, dlen, "E:", o->cert);
	if (o->cert_password)
		addkv(d, dlen, "Epw:", o->cert_password);
	if (o->cert_type)
		addkv(d, dlen, "certtype:", o->cert_type);
	if (o->key)
		addkv(d, dlen, "key:", o->key);
	if (o->tls_min) {
		snprintf(t, sizeof(t), "tlsmin:%d", o->tls_min);
		add(d, dlen, t);
	}
	if (o->tls_max) {
		snprintf(t, sizeof(t), "tlsmax:%d", o->tls_max);
		add(d, dlen, t);
	}
	if (o->ciphers)
		addkv(d, dlen, "ciphers:", o->ciphers);
	if (o->pinnedpubkey)
		addkv(d, dlen, "pin:", o->pinnedpubkey);
}

static void
dump_proxy(const struct opts *o, char *d, size_t dlen)
{
	size_t	 i;

	if (o->proxy)
		addkv(d, dlen, "x:", o->proxy);
	if (o->proxy_user)
		addkv(d, dlen, "U:", o->proxy_user);
	if (o->proxy_basic)
		add(d, dlen, "proxy-basic");
	if (o->noproxy)
		addkv(d, dlen, "noproxy:", o->noproxy);
	if (o->proxytunnel)
		add(d, dlen, "p");
	for (i = 0; i < o->nresolve; i++)
		addkv(d, dlen, "resolve:", o->resolve[i]);
	for (i = 0; i < o->nconnect_to; i++)
		addkv(d, dlen, "connect-to:", o->connect_to[i]);
}

static void
addnum(char *d, size_t dlen, const char *name, uint64_t v)
{
	char	 t[64];

	snprintf(t, sizeof(t), "%s:%" PRIu64, name, v);
	add(d, dlen, t);
}

/* output files, codings, resume, conditions, cookies, retries, pace */
static void
dump_download(const struct opts *o, char *d, size_t dlen)
{
	static const char *const tc[] = { "", "z", "z-", "z=" };
	size_t	 i;

	if (o->remote_header_name)
		add(d, dlen, "J");
	if (!o->clobber)
		add(d, dlen, "no-clobber");
	if (o->remove_on_error)
		add(d, dlen, "roe");
	if (o->remote_time)
		add(d, dlen, "R");
	if (o->compressed)
		add(d, dlen, "compressed");
	if (o->tr_encoding)
		add(d, dlen, "tr");
	if (o->max_filesize)
		addnum(d, dlen, "mfs", o->max_filesize);
	if (o->max_decoded != HG_MAX_DECODED_DEFAULT)
		addnum(d, dlen, "mds", o->max_decoded);
	if (o->limit_rate)
		addnum(d, dlen, "lr", o->limit_rate);
	if (o->resume_auto)
		add(d, dlen, "C:-");
	if (o->resume_from)
		addnum(d, dlen, "C", (uint64_t)o->resume_from);
	if (o->range)
		addkv(d, dlen, "r:", o->range);
	if (o->timecond != OPTS_TC_NONE)
		addnum(d, dlen, tc[o->timecond], (uint64_t)o->timecond_time);
	if (o->etag_save)
		addkv(d, dlen, "es:", o->etag_save);
	if (o->etag_compare)
		addkv(d, dlen, "ec:", o->etag_compare);
	if (o->cookie_literal)
		addkv(d, dlen, "b:", o->cookie_literal);
	for (i = 0; i < o->ncookie_files; i++)
		addkv(d, dlen, "bf:", o->cookie_files[i]);
	if (o->cookie_jar)
		addkv(d, dlen, "c:", o->cookie_jar);
	if (o->junk_session)
		add(d, dlen, "j");
	if (o->retry)
		addnum(d, dlen, "retry", (uint64_t)o->retry);
	addms(d, dlen, "rd", o->retry_delay_ms);
	addms(d, dlen, "rmt", o->retry_max_time_ms);
	if (o->retry_connrefused)
		add(d, dlen, "rcr");
	if (o->retry_all_errors)
		add(d, dlen, "rae");
}

/* struct opts as one line: the fields that differ from their zero value */
static void
dump(const struct opts *o, char *d, size_t dlen)
{
	size_t	 i;

	*d = '\0';
	dump_slots(o, d, dlen);
	if (o->request)
		addkv(d, dlen, "X:", o->request);
	for (i = 0; i < o->nheaders; i++)
		addkv(d, dlen, "H:", o->headers[i]);
	if (o->user_agent)
		addkv(d, dlen, "A:", o->user_agent);
	if (o->referer)
		addkv(d, dlen, "e:", o->referer);
	if (o->head)
		add(d, dlen, "I");
	if (o->http != OPTS_HTTP_DEFAULT)
		add(d, dlen, o->http == OPTS_HTTP_1_0 ? "http1.0" : "http1.1");
	if (o->http09)
		add(d, dlen, "http0.9");
	if (o->ipresolve)
		add(d, dlen, o->ipresolve == 4 ? "-4" : "-6");
	addms(d, dlen, "ct", o->connect_timeout_ms);
	addms(d, dlen, "m", o->max_time_ms);
	if (o->output_dir)
		addkv(d, dlen, "dir:", o->output_dir);
	if (o->create_dirs)
		add(d, dlen, "create-dirs");
	if (o->remote_name_all)
		add(d, dlen, "rna");
	if (o->include)
		add(d, dlen, "i");
	if (o->dump_header)
		addkv(d, dlen, "D:", o->dump_header);
	if (o->fail)
		add(d, dlen, "f");
	if (o->fail_with_body)
		add(d, dlen, "fwb");
	if (o->silent)
		add(d, dlen, "s");
	if (o->show_error)
		add(d, dlen, "S");
	if (o->verbose)
		add(d, dlen, "v");
	if (o->trace_time)
		add(d, dlen, "trace-time");
	if (o->write_out)
		addkv(d, dlen, "w:", o->write_out);
	if (o->disable)
		add(d, dlen, "q");
	if (o->help_category)
		addkv(d, dlen, "cat:", o->help_category);
	dump_body(o, d, dlen);
	dump_auth(o, d, dlen);
	dump_tls(o, d, dlen);
	dump_proxy(o, d, dlen);
	dump_download(o, d, dlen);
}

/* o->notes, one per line */
static void
notes(const struct opts *o, char *d, size_t dlen)
{
	size_t	 i;

	*d = '\0';
	for (i = 0; i < o->nnotes; i++) {
		if (i > 0)
			strlcat(d, "\n", dlen);
		strlcat(d, o->notes[i], dlen);
	}
}

/*
 * argv as main sees it: "hget", the words, NULL; writable copies, as a
 * real argv is (opts_parse() blanks -u's argument).
 */
static int
mkargv(char **av, const char *const *words)
{
	static char	 store[MAXARGS + 1][256];
	int		 n = 0;

	av[n++] = "hget";
	while (n < MAXARGS && words[n - 1] != NULL) {
		if (strlcpy(store[n], words[n - 1], sizeof(store[n])) >=
		    sizeof(store[n])) {
			fprintf(stderr, "mkargv: word too long\n");
			exit(2);
		}
		av[n] = store[n];
		n++;
	}
	av[n] = NULL;
	return n;
}

static void
show(char *d, size_t dlen, const char *const *words)
{
	*d = '\0';
	for (; *words != NULL; words++) {
		strlcat(d, " '", dlen);
		strlcat(d, *words, dlen);
		strlcat(d, "'", dlen);
	}
}

static void
test_rows(void)
{
	char		*av[MAXARGS + 2];
	char		 got[1024], args[512];
	struct opts	 o;
	struct opts_err	 e;
	enum opts_rc	 rc;
	size_t		 i;
	int		 ac;

	for (i = 0; i < NELEM(rows); i++) {
		const struct row	*r = &rows[i];

		ac = mkargv(av, r->argv);
		show(args, sizeof(args), r->argv);
		rc = opts_parse(&o, ac, av, &e);
		TAP_OK(rc == r->rc, "hget%s: rc %d, want %d (%s)", args,
		    rc, r->rc, e.msg);
		if (r->rc == OPTS_USAGE && strcmp(r->want, QUIET) == 0)
			TAP_OK(e.quiet && e.msg[0] == '\0',
			    "hget%s: quiet %d, msg \"%s\"", args, e.quiet,
			    e.msg);
		else if (r->rc == OPTS_USAGE)
			TAP_OK(!e.quiet && strcmp(e.msg, r->want) == 0,
			    "hget%s: msg \"%s\" (quiet %d), want \"%s\"", args,
			    e.msg, e.quiet, r->want);
		else {
			dump(&o, got, sizeof(got));
			TAP_OK(strcmp(got, r->want) == 0,
			    "hget%s: got \"%s\", want \"%s\"", args, got,
			    r->want);
			TAP_OK(e.msg[0] == '\0', "hget%s: stray error \"%s\"",
			    args, e.msg);
		}
		notes(&o, got, sizeof(got));
		TAP_OK(strcmp(got, r->note) == 0,
		    "hget%s: notes \"%s\", want \"%s\"", args, got, r->note);
		opts_free(&o);
	}
}

/* parse one word plus "u"; the result's message (or "") */
static enum opts_rc
parse1(const char *w1, const char *w2, struct opts_err *e)
{
	const char	*words[] = { w1, w2, NULL };
	char		*av[MAXARGS + 2];
	struct opts	 o;
	enum opts_rc	 rc;

	rc = opts_parse(&o, mkargv(av, words), av, e);
	opts_free(&o);
	return rc;
}

/*
 * curl 7.88.1's verdict on every prefix of every hget long name that is
 * curl's, from "curl -q --PREFIX x -V": A "is ambiguous", U "is
 * unknown", K accepted.
 */
static const struct {
	const char	*prefix;
	char		 verdict;
} prefixes[] = {
	{ "b", 'A' }, { "ba", 'K' }, { "bas", 'K' }, { "basi", 'K' },
	{ "basic", 'K' }, { "c", 'A' }, { "co", 'A' }, { "con", 'A' },
	{ "conn", 'A' }, { "conne", 'A' }, { "connec", 'A' },
	{ "connect", 'A' }, { "connect-", 'A' }, { "connect-t", 'A' },
	{ "connect-ti", 'K' }, { "connect-tim", 'K' }, { "connect-time", 'K' },
	{ "connect-timeo", 'K' }, { "connect-timeou", 'K' },
	{ "connect-timeout", 'K' }, { "cr", 'A' }, { "cre", 'A' },
	{ "crea", 'A' }, { "creat", 'A' }, { "create", 'A' },
	{ "create-", 'A' }, { "create-d", 'K' }, { "create-di", 'K' },
	{ "create-dir", 'K' }, { "create-dirs", 'K' }, { "d", 'A' },
	{ "da", 'A' }, { "dat", 'A' }, { "data", 'K' }, { "data-", 'A' },
	{ "data-a", 'K' }, { "data-as", 'K' }, { "data-asc", 'K' },
	{ "data-asci", 'K' }, { "data-ascii", 'K' }, { "data-b", 'K' },
	{ "data-bi", 'K' }, { "data-bin", 'K' }, { "data-bina", 'K' },
	{ "data-binar", 'K' }, { "data-binary", 'K' }, { "data-r", 'K' },
	{ "data-ra", 'K' }, { "data-raw", 'K' }, { "data-u", 'K' },
	{ "data-ur", 'K' }, { "data-url", 'K' }, { "data-urle", 'K' },
	{ "data-urlen", 'K' }, { "data-urlenc", 'K' }, { "data-urlenco", 'K' },
	{ "data-urlencod", 'K' }, { "data-urlencode", 'K' }, { "di", 'A' },
	{ "dis", 'A' }, { "disa", 'A' }, { "disab", 'A' }, { "disabl", 'A' },
	{ "disable", 'K' }, { "du", 'K' }, { "dum", 'K' }, { "dump", 'K' },
	{ "dump-", 'K' }, { "dump-h", 'K' }, { "dump-he", 'K' },
	{ "dump-hea", 'K' }, { "dump-head", 'K' }, { "dump-heade", 'K' },
	{ "dump-header", 'K' }, { "e", 'A' }, { "ex", 'K' }, { "exp", 'K' },
	{ "expe", 'K' }, { "expec", 'K' }, { "expect", 'K' },
	{ "expect1", 'K' }, { "expect10", 'K' }, { "expect100", 'K' },
	{ "expect100-", 'K' }, { "expect100-t", 'K' }, { "expect100-ti", 'K' },
	{ "expect100-tim", 'K' }, { "expect100-time", 'K' },
	{ "expect100-timeo", 'K' }, { "expect100-timeou", 'K' },
	{ "expect100-timeout", 'K' }, { "f", 'A' }, { "fa", 'A' },
	{ "fai", 'A' }, { "fail", 'K' }, { "fail-", 'A' }, { "fail-w", 'K' },
	{ "fail-wi", 'K' }, { "fail-wit", 'K' }, { "fail-with", 'K' },
	{ "fail-with-", 'K' }, { "fail-with-b", 'K' }, { "fail-with-bo", 'K' },
	{ "fail-with-bod", 'K' }, { "fail-with-body", 'K' }, { "fo", 'A' },
	{ "for", 'A' }, { "form", 'K' }, { "form-", 'A' }, { "form-s", 'K' },
	{ "form-st", 'K' }, { "form-str", 'K' }, { "form-stri", 'K' },
	{ "form-strin", 'K' }, { "form-string", 'K' }, { "g", 'A' },
	{ "ge", 'K' }, { "get", 'K' }, { "h", 'A' }, { "he", 'A' },
	{ "hea", 'A' }, { "head", 'K' }, { "heade", 'K' }, { "header", 'K' },
	{ "hel", 'K' }, { "help", 'K' }, { "ht", 'A' }, { "htt", 'A' },
	{ "http", 'A' }, { "http0", 'K' }, { "http0.", 'K' },
	{ "http0.9", 'K' }, { "http1", 'A' }, { "http1.", 'A' },
	{ "http1.0", 'K' }, { "http1.1", 'K' }, { "i", 'A' }, { "in", 'A' },
	{ "inc", 'K' }, { "incl", 'K' }, { "inclu", 'K' }, { "includ", 'K' },
	{ "include", 'K' }, { "ip", 'A' }, { "ipv", 'A' }, { "ipv4", 'K' },
	{ "ipv6", 'K' }, { "j", 'A' }, { "js", 'K' }, { "jso", 'K' },
	{ "json", 'K' }, { "l", 'A' }, { "lo", 'A' }, { "loc", 'A' },
	{ "loca", 'A' }, { "locat", 'A' }, { "locati", 'A' },
	{ "locatio", 'A' }, { "location", 'K' }, { "location-", 'K' },
	{ "location-t", 'K' }, { "location-tr", 'K' }, { "location-tru", 'K' },
	{ "location-trus", 'K' }, { "location-trust", 'K' },
	{ "location-truste", 'K' }, { "location-trusted", 'K' }, { "m", 'A' },
	{ "ma", 'A' }, { "max", 'A' }, { "max-", 'A' }, { "max-r", 'K' },
	{ "max-re", 'K' }, { "max-red", 'K' }, { "max-redi", 'K' },
	{ "max-redir", 'K' }, { "max-redirs", 'K' }, { "max-t", 'K' },
	{ "max-ti", 'K' }, { "max-tim", 'K' }, { "max-time", 'K' },
	{ "n", 'A' }, { "ne", 'A' }, { "net", 'A' }, { "netr", 'A' },
	{ "netrc", 'K' }, { "netrc-", 'A' }, { "netrc-f", 'K' },
	{ "netrc-fi", 'K' }, { "netrc-fil", 'K' }, { "netrc-file", 'K' },
	{ "netrc-o", 'K' }, { "netrc-op", 'K' }, { "netrc-opt", 'K' },
	{ "netrc-opti", 'K' }, { "netrc-optio", 'K' }, { "netrc-option", 'K' },
	{ "netrc-optiona", 'K' }, { "netrc-optional", 'K' }, { "o", 'A' },
	{ "oa", 'K' }, { "oau", 'K' }, { "oaut", 'K' }, { "oauth", 'K' },
	{ "oauth2", 'K' }, { "oauth2-", 'K' }, { "oauth2-b", 'K' },
	{ "oauth2-be", 'K' }, { "oauth2-bea", 'K' }, { "oauth2-bear", 'K' },
	{ "oauth2-beare", 'K' }, { "oauth2-bearer", 'K' }, { "ou", 'A' },
	{ "out", 'A' }, { "outp", 'A' }, { "outpu", 'A' }, { "output", 'K' },
	{ "output-", 'K' }, { "output-d", 'K' }, { "output-di", 'K' },
	{ "output-dir", 'K' }, { "p", 'A' }, { "po", 'A' }, { "pos", 'A' },
	{ "post", 'A' }, { "post3", 'A' }, { "post30", 'A' },
	{ "post301", 'K' }, { "post302", 'K' }, { "post303", 'K' },
	{ "r", 'A' }, { "re", 'A' }, { "ref", 'K' }, { "refe", 'K' },
	{ "refer", 'K' }, { "refere", 'K' }, { "referer", 'K' }, { "rem", 'A' },
	{ "remo", 'A' }, { "remot", 'A' }, { "remote", 'A' },
	{ "remote-", 'A' }, { "remote-n", 'A' }, { "remote-na", 'A' },
	{ "remote-nam", 'A' }, { "remote-name", 'K' }, { "remote-name-", 'K' },
	{ "remote-name-a", 'K' }, { "remote-name-al", 'K' },
	{ "remote-name-all", 'K' }, { "req", 'A' }, { "requ", 'A' },
	{ "reque", 'A' }, { "reques", 'A' }, { "request", 'K' }, { "s", 'A' },
	{ "sh", 'K' }, { "sho", 'K' }, { "show", 'K' }, { "show-", 'K' },
	{ "show-e", 'K' }, { "show-er", 'K' }, { "show-err", 'K' },
	{ "show-erro", 'K' }, { "show-error", 'K' }, { "si", 'K' },
	{ "sil", 'K' }, { "sile", 'K' }, { "silen", 'K' }, { "silent", 'K' },
	{ "t", 'A' }, { "tr", 'A' }, { "tra", 'A' }, { "trac", 'A' },
	{ "trace", 'K' }, { "trace-", 'A' }, { "trace-t", 'K' },
	{ "trace-ti", 'K' }, { "trace-tim", 'K' }, { "trace-time", 'K' },
	{ "u", 'A' }, { "up", 'K' }, { "upl", 'K' }, { "uplo", 'K' },
	{ "uploa", 'K' }, { "upload", 'K' }, { "upload-", 'K' },
	{ "upload-f", 'K' }, { "upload-fi", 'K' }, { "upload-fil", 'K' },
	{ "upload-file", 'K' }, { "ur", 'A' }, { "url", 'K' }, { "url-", 'K' },
	{ "url-q", 'K' }, { "url-qu", 'K' }, { "url-que", 'K' },
	{ "url-quer", 'K' }, { "url-query", 'K' }, { "us", 'A' },
	{ "use", 'A' }, { "user", 'K' }, { "user-", 'K' }, { "user-a", 'K' },
	{ "user-ag", 'K' }, { "user-age", 'K' }, { "user-agen", 'K' },
	{ "user-agent", 'K' }, { "v", 'A' }, { "ve", 'A' }, { "ver", 'A' },
	{ "verb", 'K' }, { "verbo", 'K' }, { "verbos", 'K' },
	{ "verbose", 'K' }, { "vers", 'K' }, { "versi", 'K' },
	{ "versio", 'K' }, { "version", 'K' }, { "w", 'K' }, { "wr", 'K' },
	{ "wri", 'K' }, { "writ", 'K' }, { "write", 'K' }, { "write-", 'K' },
	{ "write-o", 'K' }, { "write-ou", 'K' }, { "write-out", 'K' },
	/* the TLS, proxy and name options */
	{ "ca", 'A' }, { "cac", 'K' }, { "cace", 'K' }, { "cacer", 'K' },
	{ "cacert", 'K' }, { "cap", 'K' }, { "capa", 'K' }, { "capat", 'K' },
	{ "capath", 'K' }, { "ce", 'A' }, { "cer", 'A' }, { "cert", 'K' },
	{ "cert-", 'A' }, { "cert-t", 'K' }, { "cert-ty", 'K' },
	{ "cert-typ", 'K' }, { "cert-type", 'K' }, { "ci", 'K' },
	{ "cip", 'K' }, { "ciph", 'K' }, { "ciphe", 'K' }, { "cipher", 'K' },
	{ "ciphers", 'K' }, { "connect-to", 'K' }, { "ins", 'K' },
	{ "inse", 'K' }, { "insec", 'K' }, { "insecu", 'K' },
	{ "insecur", 'K' }, { "insecure", 'K' }, { "k", 'A' }, { "ke", 'A' },
	{ "key", 'K' }, { "no", 'K' }, { "nop", 'K' }, { "nopr", 'K' },
	{ "nopro", 'K' }, { "noprox", 'K' }, { "noproxy", 'K' },
	{ "pi", 'K' }, { "pin", 'K' }, { "pinn", 'K' }, { "pinne", 'K' },
	{ "pinned", 'K' }, { "pinnedp", 'K' }, { "pinnedpu", 'K' },
	{ "pinnedpub", 'K' }, { "pinnedpubk", 'K' }, { "pinnedpubke", 'K' },
	{ "pinnedpubkey", 'K' }, { "pr", 'A' }, { "pro", 'A' },
	{ "prox", 'A' }, { "proxy", 'K' }, { "proxy-", 'A' },
	{ "proxy-b", 'K' }, { "proxy-ba", 'K' }, { "proxy-bas", 'K' },
	{ "proxy-basi", 'K' }, { "proxy-basic", 'K' }, { "proxy-u", 'K' },
	{ "proxy-us", 'K' }, { "proxy-use", 'K' }, { "proxy-user", 'K' },
	{ "proxyt", 'K' }, { "proxytu", 'K' }, { "proxytun", 'K' },
	{ "proxytunn", 'K' }, { "proxytunne", 'K' }, { "proxytunnel", 'K' },
	{ "res", 'K' }, { "reso", 'K' }, { "resol", 'K' }, { "resolv", 'K' },
	{ "resolve", 'K' }, { "tl", 'A' }, { "tls", 'A' }, { "tls-", 'K' },
	{ "tls-m", 'K' }, { "tls-ma", 'K' }, { "tls-max", 'K' },
	{ "tlsv", 'A' }, { "tlsv1", 'K' }, { "tlsv1.", 'A' },
	{ "tlsv1.0", 'K' }, { "tlsv1.1", 'K' }, { "tlsv1.2", 'K' },
	{ "tlsv1.3", 'K' },
	/* output files, codings, resume, conditions, cookies, retries, pace */
	{ "cl", 'K' }, { "clo", 'K' }, { "clob", 'K' }, { "clobb", 'K' },
	{ "clobbe", 'K' }, { "clobber", 'K' }, { "com", 'A' }, { "comp", 'A' },
	{ "compr", 'A' }, { "compre", 'A' }, { "compres", 'A' },
	{ "compress", 'A' }, { "compresse", 'A' }, { "compressed", 'K' },
	{ "cont", 'K' }, { "conti", 'K' }, { "contin", 'K' },
	{ "continu", 'K' }, { "continue", 'K' }, { "continue-", 'K' },
	{ "continue-a", 'K' }, { "continue-at", 'K' }, { "coo", 'A' },
	{ "cook", 'A' }, { "cooki", 'A' }, { "cookie", 'K' },
	{ "cookie-", 'K' }, { "cookie-j", 'K' }, { "cookie-ja", 'K' },
	{ "cookie-jar", 'K' }, { "et", 'A' }, { "eta", 'A' }, { "etag", 'A' },
	{ "etag-", 'A' }, { "etag-c", 'K' }, { "etag-co", 'K' },
	{ "etag-com", 'K' }, { "etag-comp", 'K' }, { "etag-compa", 'K' },
	{ "etag-compar", 'K' }, { "etag-compare", 'K' }, { "etag-s", 'K' },
	{ "etag-sa", 'K' }, { "etag-sav", 'K' }, { "etag-save", 'K' },
	{ "ju", 'K' }, { "jun", 'K' }, { "junk", 'K' }, { "junk-", 'K' },
	{ "junk-s", 'K' }, { "junk-se", 'K' }, { "junk-ses", 'K' },
	{ "junk-sess", 'K' }, { "junk-sessi", 'K' }, { "junk-sessio", 'K' },
	{ "junk-session", 'K' }, { "junk-session-", 'K' },
	{ "junk-session-c", 'K' }, { "junk-session-co", 'K' },
	{ "junk-session-coo", 'K' }, { "junk-session-cook", 'K' },
	{ "junk-session-cooki", 'K' }, { "junk-session-cookie", 'K' },
	{ "junk-session-cookies", 'K' }, { "li", 'A' }, { "lim", 'K' },
	{ "limi", 'K' }, { "limit", 'K' }, { "limit-", 'K' },
	{ "limit-r", 'K' }, { "limit-ra", 'K' }, { "limit-rat", 'K' },
	{ "limit-rate", 'K' }, { "max-f", 'K' }, { "max-fi", 'K' },
	{ "max-fil", 'K' }, { "max-file", 'K' }, { "max-files", 'K' },
	{ "max-filesi", 'K' }, { "max-filesiz", 'K' }, { "max-filesize", 'K' },
	{ "ra", 'A' }, { "ran", 'A' }, { "rang", 'K' }, { "range", 'K' },
	{ "remote-h", 'K' }, { "remote-he", 'K' }, { "remote-hea", 'K' },
	{ "remote-head", 'K' }, { "remote-heade", 'K' },
	{ "remote-header", 'K' }, { "remote-header-", 'K' },
	{ "remote-header-n", 'K' }, { "remote-header-na", 'K' },
	{ "remote-header-nam", 'K' }, { "remote-header-name", 'K' },
	{ "remote-t", 'K' }, { "remote-ti", 'K' }, { "remote-tim", 'K' },
	{ "remote-time", 'K' }, { "remov", 'K' }, { "remove", 'K' },
	{ "remove-", 'K' }, { "remove-o", 'K' }, { "remove-on", 'K' },
	{ "remove-on-", 'K' }, { "remove-on-e", 'K' }, { "remove-on-er", 'K' },
	{ "remove-on-err", 'K' }, { "remove-on-erro", 'K' },
	{ "remove-on-error", 'K' }, { "ret", 'A' }, { "retr", 'A' },
	{ "retry", 'K' }, { "retry-", 'A' }, { "retry-a", 'K' },
	{ "retry-al", 'K' }, { "retry-all", 'K' }, { "retry-all-", 'K' },
	{ "retry-all-e", 'K' }, { "retry-all-er", 'K' },
	{ "retry-all-err", 'K' }, { "retry-all-erro", 'K' },
	{ "retry-all-error", 'K' }, { "retry-all-errors", 'K' },
	{ "retry-c", 'K' }, { "retry-co", 'K' }, { "retry-con", 'K' },
	{ "retry-conn", 'K' }, { "retry-connr", 'K' }, { "retry-connre", 'K' },
	{ "retry-connref", 'K' }, { "retry-connrefu", 'K' },
	{ "retry-connrefus", 'K' }, { "retry-connrefuse", 'K' },
	{ "retry-connrefused", 'K' }, { "retry-d", 'K' }, { "retry-de", 'K' },
	{ "retry-del", 'K' }, { "retry-dela", 'K' }, { "retry-delay", 'K' },
	{ "retry-m", 'K' }, { "retry-ma", 'K' }, { "retry-max", 'K' },
	{ "retry-max-", 'K' }, { "retry-max-t", 'K' }, { "retry-max-ti", 'K' },
	{ "retry-max-tim", 'K' }, { "retry-max-time", 'K' }, { "ti", 'K' },
	{ "tim", 'K' }, { "time", 'K' }, { "time-", 'K' }, { "time-c", 'K' },
	{ "time-co", 'K' }, { "time-con", 'K' }, { "time-cond", 'K' },
	{ "tr-", 'K' }, { "tr-e", 'K' }, { "tr-en", 'K' }, { "tr-enc", 'K' },
	{ "tr-enco", 'K' }, { "tr-encod", 'K' }, { "tr-encodi", 'K' },
	{ "tr-encodin", 'K' }, { "tr-encoding", 'K' },
};

/*
 * hget's own --trace-secrets, --max-decoded-size, --timing, --color and
 * --trace-json: curl knows none of these (unknown), hget takes them all,
 * as it takes any prefix only one name begins with.  A prefix curl also
 * takes ("--tim", "--ti": --time-cond) stays curl's (prefixes[]).
 */
static const char *const own_prefixes[] = {
	"trace-s", "trace-se", "trace-sec", "trace-secr", "trace-secre",
	"trace-secret", "trace-secrets", "max-d", "max-de", "max-dec",
	"max-deco", "max-decod", "max-decode", "max-decoded", "max-decoded-",
	"max-decoded-s", "max-decoded-si", "max-decoded-siz",
	"max-decoded-size", "timi", "timin", "timing", "col", "colo",
	"color", "trace-j", "trace-js", "trace-jso", "trace-json",
};

static int
curl_only(const char *name)
{
	size_t	 i;

	for (i = 0; opts_curl_only(i) != NULL; i++)
		if (strcmp(opts_curl_only(i), name) == 0)
			return 1;
	return 0;
}

/* opts_parse()'s verdict on "--PREFIX x": A, U or K as above */
static char
verdict(const char *prefix, char *msg, size_t msglen)
{
	struct opts_err	 e;
	char		 word[64];

	snprintf(word, sizeof(word), "--%s", prefix);
	/* "x" is the argument or the URL; a bad value is still K */
	(void)parse1(word, "x", &e);
	strlcpy(msg, e.msg, msglen);
	if (strstr(e.msg, ": is ambiguous") != NULL)
		return 'A';
	if (strstr(e.msg, ": is unknown") != NULL)
		return 'U';
	return 'K';
}

static void
test_prefixes(void)
{
	char		 msg[1024];
	char		 v, want;
	size_t		 i;

	for (i = 0; i < NELEM(prefixes); i++) {
		v = verdict(prefixes[i].prefix, msg, sizeof(msg));
		/* a whole name of curl's ("--cookie") is unknown to hget */
		want = prefixes[i].verdict;
		if (want == 'K' && curl_only(prefixes[i].prefix))
			want = 'U';
		TAP_OK(v == want, "--%s: %c, want %c (%s)", prefixes[i].prefix,
		    v, want, msg);
	}
	for (i = 0; i < NELEM(own_prefixes); i++) {
		v = verdict(own_prefixes[i], msg, sizeof(msg));
		TAP_OK(v == 'K', "--%s: %c, want K (%s)", own_prefixes[i], v,
		    msg);
	}
}

/* both tables sorted, disjoint; every name of ours works, curl's don't */
static void
test_tables(void)
{
	const char	*name, *prev = "";
	struct opts_err	 e;
	char		 word[64], msg[128];
	size_t		 i;
	int		 letter, n = 0;

	for (i = 0; (name = opts_name(i, &letter)) != NULL; i++, n++) {
		TAP_OK(strcmp(prev, name) < 0, "table: %s after %s", name,
		    prev);
		prev = name;
		snprintf(word, sizeof(word), "--%s", name);
		(void)parse1(word, "x", &e);
		TAP_OK(strstr(e.msg, "is unknown") == NULL &&
		    strstr(e.msg, "ambiguous") == NULL, "%s: %s", word, e.msg);
		TAP_OK(!curl_only(name), "%s in both tables", name);
	}
	/*
	 * 98, then --progress-bar, --progress-meter, --timing, --config,
	 * --globoff, --manual, --next, --color, --trace, --trace-ascii and
	 * --trace-json
	 */
	TAP_OK(n == 109, "%d options, want 109", n);
	prev = "";
	for (i = 0; (name = opts_curl_only(i)) != NULL; i++) {
		TAP_OK(strcmp(prev, name) < 0, "curl_only: %s after %s", name,
		    prev);
		prev = name;
		snprintf(word, sizeof(word), "--%s", name);
		snprintf(msg, sizeof(msg), "option %s: is unknown", word);
		(void)parse1(word, "x", &e);
		TAP_OK(strcmp(e.msg, msg) == 0, "%s: %s", word, e.msg);
	}
	/*
	 * 256 long names in curl 7.88.1, hidden ones included, and hget's
	 * own --trace-secrets, --max-decoded-size, --timing, --color and
	 * --trace-json
	 */
	TAP_OK(n + i == 261, "%zu names in all, want 261", n + i);
}

/* curl 7.88.1: which take "--no-" and which refuse it */
static void
test_no(void)
{
	static const char *const bools[] = {
		"basic", "clobber", "compressed", "create-dirs", "disable",
		"fail", "fail-with-body", "get", "head", "help", "http0.9",
		"include", "insecure", "junk-session-cookies", "location",
		"location-trusted", "netrc", "netrc-optional", "post301",
		"post302", "post303", "progress-bar", "progress-meter",
		"proxy-basic", "proxytunnel",
		"remote-header-name", "remote-name", "remote-name-all",
		"remote-time", "remove-on-error", "retry-all-errors",
		"retry-connrefused", "show-error", "silent", "timing",
		"tr-encoding", "trace-secrets", "trace-time", "verbose",
		"version",
	};
	static const char *const others[] = {
		"cacert", "capath", "cert", "cert-type", "ciphers",
		"connect-timeout", "connect-to", "continue-at", "cookie",
		"cookie-jar", "data", "data-ascii", "data-binary", "data-raw",
		"data-urlencode", "dump-header", "etag-compare", "etag-save",
		"expect100-timeout", "form", "form-string", "header", "http1.0",
		"http1.1", "ipv4", "ipv6", "json", "key", "limit-rate",
		"max-decoded-size", "max-filesize", "max-redirs", "max-time",
		"netrc-file", "noproxy", "oauth2-bearer", "output",
		"output-dir", "pinnedpubkey", "proxy", "proxy-user", "range",
		"referer", "request", "resolve", "retry", "retry-delay",
		"retry-max-time", "time-cond", "tls-max", "tlsv1", "tlsv1.0",
		"tlsv1.1", "tlsv1.2", "tlsv1.3", "upload-file", "url",
		"url-query", "user", "user-agent", "write-out",
	};
	struct opts_err	 e;
	enum opts_rc	 rc;
	char		 word[64], msg[160];
	size_t		 i;

	for (i = 0; i < NELEM(bools); i++) {
		snprintf(word, sizeof(word), "--no-%s", bools[i]);
		rc = parse1(word, "u", &e);
		TAP_OK(rc == OPTS_OK, "%s: %s", word, e.msg);
	}
	for (i = 0; i < NELEM(others); i++) {
		snprintf(word, sizeof(word), "--no-%s", others[i]);
		snprintf(msg, sizeof(msg), "option %s: used '--no-' for "
		    "option that isn't a boolean", word);
		rc = parse1(word, "u", &e);
		TAP_OK(rc == OPTS_USAGE && strcmp(e.msg, msg) == 0, "%s: %s",
		    word, e.msg);
	}
}

/* arrays that grow, and what o holds when an error stops the walk */
static void
test_growth(void)
{
	char		*av[1000];
	struct opts	 o;
	struct opts_err	 e;
	enum opts_rc	 rc;
	int		 i, ac = 0;

	av[ac++] = "hget";
	for (i = 0; i < 300; i++) {
		av[ac++] = i % 3 == 0 ? "-H" : "-o";
		av[ac++] = i % 3 == 0 ? "H: v" : "file";
		av[ac++] = "http://u/";
	}
	av[ac] = NULL;
	rc = opts_parse(&o, ac, av, &e);
	TAP_OK(rc == OPTS_OK && o.nurls == 300 && o.nslots == 300 &&
	    o.nheaders == 100, "growth: rc %d, %zu urls, %zu slots, "
	    "%zu headers", rc, o.nurls, o.nslots, o.nheaders);
	TAP_OK(o.urls[199].out == OPTS_OUT_FILE &&
	    o.urls[200].out == OPTS_OUT_STDOUT, "growth: outputs paired");
	opts_free(&o);

	/* the body lists, and -T slots past the URLs */
	ac = 1;
	for (i = 0; i < 100; i++) {
		av[ac++] = i % 2 == 0 ? "--data-raw" : "--url-query";
		av[ac++] = "x";
		av[ac++] = "-F";
		av[ac++] = "a=b";
		av[ac++] = "-T";
		av[ac++] = "f";
	}
	av[ac++] = "http://u/";
	av[ac] = NULL;
	rc = opts_parse(&o, ac, av, &e);
	TAP_OK(rc == OPTS_USAGE && e.quiet && o.ndata == 50 &&
	    o.nurl_queries == 50 && o.nforms == 100 && o.nurls == 1 &&
	    o.nslots == 100, "growth: rc %d quiet %d, %zu data, %zu queries, "
	    "%zu forms, %zu slots", rc, e.quiet, o.ndata, o.nurl_queries,
	    o.nforms, o.nslots);
	TAP_OK(o.data[49].kind == OPTS_DATA_RAW && o.urls[99].upload != NULL &&
	    o.urls[99].url == NULL, "growth: last data, last upload slot");
	opts_free(&o);

	/* --resolve and --connect-to keep every one, in order */
	ac = 1;
	for (i = 0; i < 40; i++) {
		av[ac++] = i % 4 == 0 ? "--connect-to" : "--resolve";
		av[ac++] = i % 4 == 0 ? "a:1:b:2" : i == 39 ? "last" : "h:1:::1";
	}
	av[ac++] = "http://u/";
	av[ac] = NULL;
	rc = opts_parse(&o, ac, av, &e);
	TAP_OK(rc == OPTS_OK && o.nresolve == 30 && o.nconnect_to == 10 &&
	    strcmp(o.resolve[29], "last") == 0, "growth: rc %d, %zu resolve, "
	    "%zu connect-to", rc, o.nresolve, o.nconnect_to);
	opts_free(&o);

	av[1] = "-s";
	av[2] = "-f";
	av[3] = "--fail-with-body";
	av[4] = NULL;
	rc = opts_parse(&o, 4, av, &e);
	TAP_OK(rc == OPTS_USAGE && o.silent && o.fail && o.nnotes == 0,
	    "partial: what came before the error is kept");
	opts_free(&o);

	rc = opts_parse(&o, 0, av, &e);
	TAP_OK(rc == OPTS_USAGE && e.msg[0] == '\0', "argc 0");
	opts_free(&o);
}

/*
 * -u and --oauth2-bearer: o keeps a copy, argv's bytes become blanks
 * (curl's cleanarg(), for ps); an attached value too (curl leaves that).
 * Other words stay as they were.
 */
static void
test_secrets(void)
{
	char		 w[6][32] = { "-u", "al:pw", "--oauth2-bearer", "tok",
			    "-uBob:x", "u" };
	char		*av[8] = { "hget" };
	struct opts	 o;
	struct opts_err	 e;
	enum opts_rc	 rc;
	int		 i;

	for (i = 0; i < 6; i++)
		av[i + 1] = w[i];
	av[7] = NULL;
	rc = opts_parse(&o, 7, av, &e);
	TAP_OK(rc == OPTS_OK && o.user != NULL &&
	    strcmp(o.user, "Bob:x") == 0 && o.oauth2_bearer != NULL &&
	    strcmp(o.oauth2_bearer, "tok") == 0, "secrets: kept (rc %d)", rc);
	TAP_OK(strcmp(w[1], "     ") == 0 && strcmp(w[3], "   ") == 0 &&
	    strcmp(w[4], "-u     ") == 0, "secrets: blanked: '%s' '%s' '%s'",
	    w[1], w[3], w[4]);
	TAP_OK(strcmp(w[0], "-u") == 0 && strcmp(w[2], "--oauth2-bearer") ==
	    0 && strcmp(w[5], "u") == 0, "secrets: the rest untouched");
	opts_free(&o);

	/* blanked even when a later word is an error */
	strlcpy(w[0], "--user", sizeof(w[0]));
	strlcpy(w[1], "a:b", sizeof(w[1]));
	strlcpy(w[2], "--bogus", sizeof(w[2]));
	av[1] = w[0];
	av[2] = w[1];
	av[3] = w[2];
	av[4] = NULL;
	rc = opts_parse(&o, 4, av, &e);
	TAP_OK(rc == OPTS_USAGE && strcmp(w[1], "   ") == 0 &&
	    o.user != NULL && strcmp(o.user, "a:b") == 0,
	    "secrets: blanked before the error (rc %d, '%s')", rc, w[1]);
	opts_free(&o);
}

/*
 * -U and -E are blanked too (curl's cleanarg(), measured in
 * /proc/PID/cmdline); -E's copies are the split name and password.
 * The options that only name things (-x, --key) are left alone.
 */
static void
test_secrets_proxy_tls(void)
{
	char		 w[8][32] = { "-U", "pu:pw", "--cert", "c.pem:kpw",
			    "-Ud:e", "-x", "http://a:b@p", "u" };
	char		*av[10] = { "hget" };
	struct opts	 o;
	struct opts_err	 e;
	enum opts_rc	 rc;
	int		 i;

	for (i = 0; i < 8; i++)
		av[i + 1] = w[i];
	av[9] = NULL;
	rc = opts_parse(&o, 9, av, &e);
	TAP_OK(rc == OPTS_OK && o.proxy_user != NULL &&
	    strcmp(o.proxy_user, "d:e") == 0 && o.cert != NULL &&
	    strcmp(o.cert, "c.pem") == 0 && o.cert_password != NULL &&
	    strcmp(o.cert_password, "kpw") == 0,
	    "-U, -E: kept (rc %d)", rc);
	TAP_OK(strcmp(w[1], "     ") == 0 && strcmp(w[3], "         ") == 0 &&
	    strcmp(w[4], "-U   ") == 0, "-U, -E: blanked: '%s' '%s' '%s'",
	    w[1], w[3], w[4]);
	TAP_OK(strcmp(w[0], "-U") == 0 && strcmp(w[2], "--cert") == 0 &&
	    strcmp(w[6], "http://a:b@p") == 0 && o.proxy == av[7],
	    "-U, -E: the rest untouched, -x points into argv");
	opts_free(&o);

	/* -E "" drops the name, blanks nothing, keeps the password */
	strlcpy(w[0], "-E", sizeof(w[0]));
	strlcpy(w[1], "a\\:b:pw", sizeof(w[1]));
	strlcpy(w[2], "-E", sizeof(w[2]));
	strlcpy(w[3], "", sizeof(w[3]));
	strlcpy(w[4], "u", sizeof(w[4]));
	av[6] = NULL;
	rc = opts_parse(&o, 6, av, &e);
	TAP_OK(rc == OPTS_OK && o.cert == NULL && o.cert_password != NULL &&
	    strcmp(o.cert_password, "pw") == 0 &&
	    strcmp(w[1], "       ") == 0, "-E '': rc %d, '%s'", rc, w[1]);
	opts_free(&o);
}

/* help_usage()/help_version() into a string */
static char *
capture(const char *category, int version)
{
	char	*p = NULL;
	size_t	 n = 0;
	FILE	*fp;

	if ((fp = open_memstream(&p, &n)) == NULL) {
		perror("open_memstream");
		exit(2);
	}
	if (version)
		help_version(fp);
	else
		help_usage(fp, category);
	fclose(fp);
	return p;
}

/*
 * "curl --help all", the lines of the options hget has (--clobber is
 * shown as curl shows it, --no-clobber), and hget's own --trace-secrets
 * and --max-decoded-size in the same style
 */
static const char curl_all[] =
	"Usage: hget [options...] <url>\n"
	"     --basic              Use HTTP Basic Authentication\n"
	"     --cacert <file>      CA certificate to verify peer against\n"
	"     --capath <dir>       CA directory to verify peer against\n"
	" -E, --cert <certificate[:password]> Client certificate file and "
	"password\n"
	"     --cert-type <type>   Certificate type (DER/PEM/ENG/P12)\n"
	"     --ciphers <list of ciphers> SSL ciphers to use\n"
	"     --color <when>       Colour -v and headers: auto, always, "
	"never (hget only)\n"
	"     --compressed         Request compressed response\n"
	" -K, --config <file>      Read config from a file\n"
	"     --connect-timeout <fractional seconds> Maximum time allowed "
	"for connection\n"
	"     --connect-to <HOST1:PORT1:HOST2:PORT2> Connect to host\n"
	" -C, --continue-at <offset> Resumed transfer offset\n"
	" -b, --cookie <data|filename> Send cookies from string/file\n"
	" -c, --cookie-jar <filename> Write cookies to <filename> after "
	"operation\n"
	"     --create-dirs        Create necessary local directory hierarchy\n"
	" -d, --data <data>        HTTP POST data\n"
	"     --data-ascii <data>  HTTP POST ASCII data\n"
	"     --data-binary <data> HTTP POST binary data\n"
	"     --data-raw <data>    HTTP POST data, '@' allowed\n"
	"     --data-urlencode <data> HTTP POST data URL encoded\n"
	" -q, --disable            Disable .hgetrc\n"
	" -D, --dump-header <filename> Write the received headers to "
	"<filename>\n"
	"     --etag-compare <file> Pass an ETag from a file as a custom "
	"header\n"
	"     --etag-save <file>   Parse ETag from a request and save it "
	"to a file\n"
	"     --expect100-timeout <seconds> How long to wait for 100-continue\n"
	" -f, --fail               Fail fast with no output on HTTP errors\n"
	"     --fail-with-body     Fail on HTTP errors but save the body\n"
	" -F, --form <name=content> Specify multipart MIME data\n"
	"     --form-string <name=string> Specify multipart MIME data\n"
	" -G, --get                Put the post data in the URL and use GET\n"
	" -g, --globoff            Disable URL sequences and ranges using "
	"{} and []\n"
	" -I, --head               Show document info only\n"
	" -H, --header <header/@file> Pass custom header(s) to server\n"
	" -h, --help <category>    Get help for commands\n"
	"     --http0.9            Allow HTTP 0.9 responses\n"
	" -0, --http1.0            Use HTTP 1.0\n"
	"     --http1.1            Use HTTP 1.1\n"
	" -i, --include            Include protocol response headers in "
	"the output\n"
	" -k, --insecure           Allow insecure server connections\n"
	" -4, --ipv4               Resolve names to IPv4 addresses\n"
	" -6, --ipv6               Resolve names to IPv6 addresses\n"
	"     --json <data>        HTTP POST JSON\n"
	" -j, --junk-session-cookies Ignore session cookies read from file\n"
	"     --key <key>          Private key file name\n"
	"     --limit-rate <speed> Limit transfer speed to RATE\n"
	" -L, --location           Follow redirects\n"
	"     --location-trusted   Like --location, and send auth to other "
	"hosts\n"
	" -M, --manual             Display the full manual\n"
	"     --max-decoded-size <bytes> Maximum size of a decoded body "
	"(hget only)\n"
	"     --max-filesize <bytes> Maximum file size to download\n"
	"     --max-redirs <num>   Maximum number of redirects allowed\n"
	" -m, --max-time <fractional seconds> Maximum time allowed for "
	"transfer\n"
	" -n, --netrc              Must read .netrc for user name and "
	"password\n"
	"     --netrc-file <filename> Specify FILE for netrc\n"
	"     --netrc-optional     Use either .netrc or URL\n"
	" -:, --next               Make next URL use its separate set of "
	"options\n"
	"     --no-clobber         Do not overwrite files that already exist\n"
	"     --no-progress-meter  Do not show the progress meter\n"
	"     --noproxy <no-proxy-list> List of hosts which do not use proxy\n"
	"     --oauth2-bearer <token> OAuth 2 Bearer Token\n"
	" -o, --output <file>      Write to file instead of stdout\n"
	"     --output-dir <dir>   Directory to save files in\n"
	"     --pinnedpubkey <hashes> FILE/HASHES Public key to verify "
	"peer against\n"
	"     --post301            Do not switch to GET after following a 301\n"
	"     --post302            Do not switch to GET after following a 302\n"
	"     --post303            Do not switch to GET after following a 303\n"
	" -#, --progress-bar       Display transfer progress as a bar\n"
	" -x, --proxy [protocol://]host[:port] Use this proxy\n"
	"     --proxy-basic        Use Basic authentication on the proxy\n"
	" -U, --proxy-user <user:password> Proxy user and password\n"
	" -p, --proxytunnel        Operate through an HTTP proxy tunnel "
	"(using CONNECT)\n"
	" -r, --range <range>      Retrieve only the bytes within RANGE\n"
	" -e, --referer <URL>      Referrer URL\n"
	" -J, --remote-header-name Use the header-provided filename\n"
	" -O, --remote-name        Write output to a file named as the "
	"remote file\n"
	"     --remote-name-all    Use the remote file name for all URLs\n"
	" -R, --remote-time        Set the remote file's time on the local "
	"output\n"
	"     --remove-on-error    Remove output file on errors\n"
	" -X, --request <method>   Specify request method to use\n"
	"     --resolve <[+]host:port:addr[,addr]...> Resolve the "
	"host+port to this address\n"
	"     --retry <num>        Retry request if transient problems occur\n"
	"     --retry-all-errors   Retry all errors (use with --retry)\n"
	"     --retry-connrefused  Retry on connection refused (use with "
	"--retry)\n"
	"     --retry-delay <seconds> Wait time between retries\n"
	"     --retry-max-time <seconds> Retry only within this period\n"
	" -S, --show-error         Show error even when -s is used\n"
	" -s, --silent             Silent mode\n"
	" -z, --time-cond <time>   Transfer based on a time condition\n"
	"     --timing             Show the phases of each transfer (hget "
	"only)\n"
	"     --tls-max <VERSION>  Set maximum allowed TLS version\n"
	" -1, --tlsv1              Use TLSv1.0 or greater\n"
	"     --tlsv1.0            Use TLSv1.0 or greater\n"
	"     --tlsv1.1            Use TLSv1.1 or greater\n"
	"     --tlsv1.2            Use TLSv1.2 or greater\n"
	"     --tlsv1.3            Use TLSv1.3 or greater\n"
	"     --tr-encoding        Request compressed transfer encoding\n"
	"     --trace <file>       Write a debug trace to FILE\n"
	"     --trace-ascii <file> Like --trace, but without hex output\n"
	"     --trace-json <file>  Write a debug trace as JSON lines (hget "
	"only)\n"
	"     --trace-secrets      Show credentials in verbose output "
	"(hget only)\n"
	"     --trace-time         Add time stamps to trace/verbose output\n"
	" -T, --upload-file <file> Transfer local FILE to destination\n"
	"     --url <url>          URL to work with\n"
	"     --url-query <data>   Add a URL query part\n"
	" -u, --user <user:password> Server user and password\n"
	" -A, --user-agent <name>  Send User-Agent <name> to server\n"
	" -v, --verbose            Make the operation more talkative\n"
	" -V, --version            Show version number and quit\n"
	" -w, --write-out <format> Use output FORMAT after completion\n"
	;

/*
 * "curl --help CATEGORY": the same lines with the option column curl
 * gives that category, filtered to hget's options (and --trace-secrets)
 */
static const char help_auth[] =
	"Usage: hget [options...] <url>\n"
	"auth: Different types of authentication methods\n"
	"     --basic               Use HTTP Basic Authentication\n"
	"     --location-trusted    Like --location, and send auth to "
	"other hosts\n"
	"     --oauth2-bearer <token> OAuth 2 Bearer Token\n"
	"     --proxy-basic         Use Basic authentication on the proxy\n"
	" -U, --proxy-user <user:password> Proxy user and password\n"
	"     --trace-secrets       Show credentials in verbose output "
	"(hget only)\n"
	" -u, --user <user:password> Server user and password\n"
	;

static const char help_connection[] =
	"Usage: hget [options...] <url>\n"
	"connection: Low level networking operations\n"
	"     --connect-timeout <fractional seconds> Maximum time allowed "
	"for connection\n"
	"     --connect-to <HOST1:PORT1:HOST2:PORT2> Connect to host\n"
	" -C, --continue-at <offset>         Resumed transfer offset\n"
	" -4, --ipv4                         Resolve names to IPv4 addresses\n"
	" -6, --ipv6                         Resolve names to IPv6 addresses\n"
	"     --limit-rate <speed>           Limit transfer speed to RATE\n"
	"     --max-decoded-size <bytes>     Maximum size of a decoded "
	"body (hget only)\n"
	"     --max-filesize <bytes>         Maximum file size to download\n"
	" -m, --max-time <fractional seconds> Maximum time allowed for "
	"transfer\n"
	" -X, --request <method>             Specify request method to use\n"
	"     --resolve <[+]host:port:addr[,addr]...> Resolve the "
	"host+port to this address\n"
	;

static const char help_curl[] =
	"Usage: hget [options...] <url>\n"
	"curl: The command line tool itself\n"
	" -K, --config <file>            Read config from a file\n"
	"     --create-dirs              Create necessary local directory "
	"hierarchy\n"
	" -q, --disable                  Disable .hgetrc\n"
	" -g, --globoff                  Disable URL sequences and ranges "
	"using {} and []\n"
	" -h, --help <category>          Get help for commands\n"
	" -M, --manual                   Display the full manual\n"
	" -n, --netrc                    Must read .netrc for user name "
	"and password\n"
	"     --netrc-file <filename>    Specify FILE for netrc\n"
	"     --netrc-optional           Use either .netrc or URL\n"
	" -:, --next                     Make next URL use its separate "
	"set of options\n"
	"     --no-clobber               Do not overwrite files that "
	"already exist\n"
	" -o, --output <file>            Write to file instead of stdout\n"
	"     --output-dir <dir>         Directory to save files in\n"
	"     --remove-on-error          Remove output file on errors\n"
	"     --retry <num>              Retry request if transient "
	"problems occur\n"
	"     --retry-all-errors         Retry all errors (use with --retry)\n"
	"     --retry-connrefused        Retry on connection refused (use "
	"with --retry)\n"
	"     --retry-delay <seconds>    Wait time between retries\n"
	"     --retry-max-time <seconds> Retry only within this period\n"
	" -S, --show-error               Show error even when -s is used\n"
	"     --url <url>                URL to work with\n"
	" -V, --version                  Show version number and quit\n"
	;

static const char help_dns[] =
	"Usage: hget [options...] <url>\n"
	"dns: General DNS options\n"
	" -4, --ipv4               Resolve names to IPv4 addresses\n"
	" -6, --ipv6               Resolve names to IPv6 addresses\n"
	"     --resolve <[+]host:port:addr[,addr]...> Resolve the "
	"host+port to this address\n"
	;

static const char help_http[] =
	"Usage: hget [options...] <url>\n"
	"http: HTTP and HTTPS protocol options\n"
	"     --compressed           Request compressed response\n"
	" -b, --cookie <data|filename> Send cookies from string/file\n"
	" -c, --cookie-jar <filename> Write cookies to <filename> after "
	"operation\n"
	" -d, --data <data>          HTTP POST data\n"
	"     --data-ascii <data>    HTTP POST ASCII data\n"
	"     --data-binary <data>   HTTP POST binary data\n"
	"     --data-raw <data>      HTTP POST data, '@' allowed\n"
	"     --data-urlencode <data> HTTP POST data URL encoded\n"
	" -D, --dump-header <filename> Write the received headers to "
	"<filename>\n"
	"     --etag-compare <file>  Pass an ETag from a file as a custom "
	"header\n"
	"     --etag-save <file>     Parse ETag from a request and save it "
	"to a file\n"
	"     --expect100-timeout <seconds> How long to wait for 100-continue\n"
	" -f, --fail                 Fail fast with no output on HTTP errors\n"
	"     --fail-with-body       Fail on HTTP errors but save the body\n"
	" -F, --form <name=content>  Specify multipart MIME data\n"
	"     --form-string <name=string> Specify multipart MIME data\n"
	" -G, --get                  Put the post data in the URL and use GET\n"
	" -I, --head                 Show document info only\n"
	" -H, --header <header/@file> Pass custom header(s) to server\n"
	"     --http0.9              Allow HTTP 0.9 responses\n"
	" -0, --http1.0              Use HTTP 1.0\n"
	"     --http1.1              Use HTTP 1.1\n"
	"     --json <data>          HTTP POST JSON\n"
	" -j, --junk-session-cookies Ignore session cookies read from file\n"
	" -L, --location             Follow redirects\n"
	"     --location-trusted     Like --location, and send auth to "
	"other hosts\n"
	"     --max-redirs <num>     Maximum number of redirects allowed\n"
	"     --post301              Do not switch to GET after following "
	"a 301\n"
	"     --post302              Do not switch to GET after following "
	"a 302\n"
	"     --post303              Do not switch to GET after following "
	"a 303\n"
	" -r, --range <range>        Retrieve only the bytes within RANGE\n"
	" -e, --referer <URL>        Referrer URL\n"
	" -z, --time-cond <time>     Transfer based on a time condition\n"
	"     --tr-encoding          Request compressed transfer encoding\n"
	"     --url-query <data>     Add a URL query part\n"
	" -A, --user-agent <name>    Send User-Agent <name> to server\n"
	;

static const char help_output[] =
	"Usage: hget [options...] <url>\n"
	"output: Filesystem output\n"
	"     --fail-with-body     Fail on HTTP errors but save the body\n"
	"     --no-clobber         Do not overwrite files that already exist\n"
	" -J, --remote-header-name Use the header-provided filename\n"
	" -O, --remote-name        Write output to a file named as the "
	"remote file\n"
	"     --remote-name-all    Use the remote file name for all URLs\n"
	" -R, --remote-time        Set the remote file's time on the local "
	"output\n"
	;

static const char help_post[] =
	"Usage: hget [options...] <url>\n"
	"post: HTTP Post specific options\n"
	" -d, --data <data>           HTTP POST data\n"
	"     --data-ascii <data>     HTTP POST ASCII data\n"
	"     --data-binary <data>    HTTP POST binary data\n"
	"     --data-raw <data>       HTTP POST data, '@' allowed\n"
	"     --data-urlencode <data> HTTP POST data URL encoded\n"
	"     --json <data>           HTTP POST JSON\n"
	"     --post301               Do not switch to GET after following "
	"a 301\n"
	"     --post302               Do not switch to GET after following "
	"a 302\n"
	"     --post303               Do not switch to GET after following "
	"a 303\n"
	"     --url-query <data>      Add a URL query part\n"
	;

static const char help_proxy[] =
	"Usage: hget [options...] <url>\n"
	"proxy: All options related to proxies\n"
	"     --noproxy <no-proxy-list> List of hosts which do not use proxy\n"
	" -x, --proxy [protocol://]host[:port] Use this proxy\n"
	"     --proxy-basic         Use Basic authentication on the proxy\n"
	" -U, --proxy-user <user:password> Proxy user and password\n"
	" -p, --proxytunnel         Operate through an HTTP proxy tunnel "
	"(using CONNECT)\n"
	;

static const char help_tls[] =
	"Usage: hget [options...] <url>\n"
	"tls: All TLS/SSL related options\n"
	"     --cacert <file>      CA certificate to verify peer against\n"
	"     --capath <dir>       CA directory to verify peer against\n"
	" -E, --cert <certificate[:password]> Client certificate file and "
	"password\n"
	"     --cert-type <type>   Certificate type (DER/PEM/ENG/P12)\n"
	"     --ciphers <list of ciphers> SSL ciphers to use\n"
	" -k, --insecure           Allow insecure server connections\n"
	"     --key <key>          Private key file name\n"
	"     --pinnedpubkey <hashes> FILE/HASHES Public key to verify "
	"peer against\n"
	"     --tls-max <VERSION>  Set maximum allowed TLS version\n"
	" -1, --tlsv1              Use TLSv1.0 or greater\n"
	"     --tlsv1.0            Use TLSv1.0 or greater\n"
	"     --tlsv1.1            Use TLSv1.1 or greater\n"
	"     --tlsv1.2            Use TLSv1.2 or greater\n"
	"     --tlsv1.3            Use TLSv1.3 or greater\n"
	;

static const char help_upload[] =
	"Usage: hget [options...] <url>\n"
	"upload: All options for uploads\n"
	" -d, --data <data>          HTTP POST data\n"
	"     --data-ascii <data>    HTTP POST ASCII data\n"
	"     --data-binary <data>   HTTP POST binary data\n"
	"     --data-raw <data>      HTTP POST data, '@' allowed\n"
	"     --data-urlencode <data> HTTP POST data URL encoded\n"
	" -F, --form <name=content>  Specify multipart MIME data\n"
	"     --form-string <name=string> Specify multipart MIME data\n"
	" -G, --get                  Put the post data in the URL and use GET\n"
	"     --json <data>          HTTP POST JSON\n"
	" -T, --upload-file <file>   Transfer local FILE to destination\n"
	"     --url-query <data>     Add a URL query part\n"
	;

static const char help_verbose[] =
	"Usage: hget [options...] <url>\n"
	"verbose: Options related to any kind of command line output of hget\n"
	"     --color <when>       Colour -v and headers: auto, always, "
	"never (hget only)\n"
	" -i, --include            Include protocol response headers in "
	"the output\n"
	"     --no-progress-meter  Do not show the progress meter\n"
	" -#, --progress-bar       Display transfer progress as a bar\n"
	" -s, --silent             Silent mode\n"
	"     --timing             Show the phases of each transfer (hget "
	"only)\n"
	"     --trace <file>       Write a debug trace to FILE\n"
	"     --trace-ascii <file> Like --trace, but without hex output\n"
	"     --trace-json <file>  Write a debug trace as JSON lines (hget "
	"only)\n"
	"     --trace-secrets      Show credentials in verbose output "
	"(hget only)\n"
	"     --trace-time         Add time stamps to trace/verbose output\n"
	" -v, --verbose            Make the operation more talkative\n"
	" -w, --write-out <format> Use output FORMAT after completion\n"
	;

static const char cats[] =
	" auth        Different types of authentication methods\n"
	" connection  Low level networking operations\n"
	" curl        The command line tool itself\n"
	" dns         General DNS options\n"
	" http        HTTP and HTTPS protocol options\n"
	" output      Filesystem output\n"
	" post        HTTP Post specific options\n"
	" proxy       All options related to proxies\n"
	" tls         All TLS/SSL related options\n"
	" upload      All options for uploads\n"
	" verbose     Options related to any kind of command line output of "
	"hget\n";

static const struct {
	const char	*name;
	const char	*want;
} help_cats[] = {
	{ "auth", help_auth },
	{ "CONNECTION", help_connection },
	{ "curl", help_curl },
	{ "dns", help_dns },
	{ "http", help_http },
	{ "Output", help_output },
	{ "post", help_post },
	{ "Proxy", help_proxy },
	{ "tls", help_tls },
	{ "Upload", help_upload },
	{ "verbose", help_verbose },
};

static void
test_help(void)
{
	char	*s, want[4096];
	size_t	 i;

	s = capture(NULL, 0);
	TAP_OK(strcmp(s, curl_all) == 0, "--help:\n%s", s);
	free(s);
	s = capture("ALL", 0);
	TAP_OK(strcmp(s, curl_all) == 0, "--help ALL:\n%s", s);
	free(s);

	for (i = 0; i < NELEM(help_cats); i++) {
		s = capture(help_cats[i].name, 0);
		TAP_OK(strcmp(s, help_cats[i].want) == 0, "--help %s:\n%s",
		    help_cats[i].name, s);
		free(s);
	}

	snprintf(want, sizeof(want), "Usage: hget [options...] <url>\n%s",
	    cats);
	s = capture("category", 0);
	TAP_OK(strcmp(s, want) == 0, "--help category:\n%s", s);
	free(s);
	snprintf(want, sizeof(want), "Usage: hget [options...] <url>\n"
	    "Invalid category provided, here is a list of all categories:\n"
	    "\n%s", cats);
	s = capture("ftp", 0);
	TAP_OK(strcmp(s, want) == 0, "--help ftp:\n%s", s);
	free(s);
	s = capture("", 0);
	TAP_OK(strcmp(s, want) == 0, "--help '':\n%s", s);
	free(s);
}

static void
test_version(void)
{
	char	*s, *nl, *second;
	char	 want[128];

	s = capture(NULL, 1);
	snprintf(want, sizeof(want), "hget %s (", HGET_VERSION);
	TAP_OK(strncmp(s, want, strlen(want)) == 0, "version: %s", s);
	nl = strchr(s, '\n');
	TAP_OK(nl != NULL, "version: one line at least");
	if (nl == NULL)
		return;
	*nl = '\0';
	TAP_OK(strstr(s, "-linux-") != NULL && strstr(s, ") libbsd") != NULL &&
	    strstr(s, " libtls/") != NULL && strstr(s, " brotli/") != NULL,
	    "version line: %s", s);
	snprintf(want, sizeof(want), " zlib/%s ", ZLIB_VERSION);
	TAP_OK(strstr(s, want) != NULL, "version line has %s: %s", want, s);
	snprintf(want, sizeof(want), " zstd/%s", ZSTD_VERSION_STRING);
	TAP_OK(strstr(s, want) != NULL, "version line has %s: %s", want, s);
	second = nl + 1;
	TAP_OK(strcmp(second, "Protocols: http https\n"
	    "Features: brotli IPv6 Largefile libz SSL zstd\n") == 0,
	    "version tail:\n%s", second);
	free(s);
}

/* -z FILE: the file's mtime, taken while parsing (curl's getfiletime()) */
static void
test_timecond_file(void)
{
	char		 path[] = "/tmp/t_opts.XXXXXX";
	char		 minus[64];
	struct timeval	 tv[2] = { { 784111777, 0 }, { 784111777, 0 } };
	const char	*words[] = { "-z", path, "-z", minus, "u", NULL };
	char		*av[MAXARGS + 2];
	struct opts	 o;
	struct opts_err	 e;
	enum opts_rc	 rc;
	int		 fd;

	if ((fd = mkstemp(path)) == -1 || utimes(path, tv) == -1) {
		TAP_OK(0, "-z FILE: cannot make %s", path);
		return;
	}
	(void)close(fd);
	snprintf(minus, sizeof(minus), "-%s", path);
	words[3] = path;
	rc = opts_parse(&o, mkargv(av, words), av, &e);
	TAP_OK(rc == OPTS_OK && o.timecond == OPTS_TC_MODSINCE &&
	    o.timecond_time == 784111777 && o.nnotes == 0,
	    "-z FILE: rc %d, tc %d, t %" PRId64, rc, o.timecond,
	    o.timecond_time);
	opts_free(&o);
	words[3] = minus;
	rc = opts_parse(&o, mkargv(av, words), av, &e);
	TAP_OK(rc == OPTS_OK && o.timecond == OPTS_TC_UNMODSINCE &&
	    o.timecond_time == 784111777 && o.nnotes == 0,
	    "-z -FILE: rc %d, tc %d, t %" PRId64, rc, o.timecond,
	    o.timecond_time);
	opts_free(&o);
	/* gone: both -z words warn (two lines each), no condition */
	(void)unlink(path);
	rc = opts_parse(&o, mkargv(av, words), av, &e);
	TAP_OK(rc == OPTS_OK && o.timecond == OPTS_TC_NONE && o.nnotes == 4,
	    "-z FILE, removed: rc %d, tc %d, %zu notes", rc, o.timecond,
	    o.nnotes);
	opts_free(&o);
}

/*
 * every option in the table has its --help line (--no-clobber for clobber,
 * --no-progress-meter for progress-meter)
 */
static void
test_help_rows(void)
{
	const char	*name;
	char		*all, want[80];
	size_t		 i;
	int		 letter;

	all = capture("all", 0);
	for (i = 0; (name = opts_name(i, &letter)) != NULL; i++) {
		snprintf(want, sizeof(want), strcmp(name, "clobber") == 0 ||
		    strcmp(name, "progress-meter") == 0 ? "--no-%s " : "--%s ",
		    name);
		TAP_OK(strstr(all, want) != NULL, "--help all has %s", want);
	}
	free(all);
}

int
main(void)
{
	test_rows();
	test_prefixes();
	test_tables();
	test_no();
	test_growth();
	test_secrets();
	test_secrets_proxy_tls();
	test_timecond_file();
	test_help();
	test_help_rows();
	test_version();
	return tap_done();
}
