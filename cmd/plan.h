/* cmd/plan.h: struct opts -> one struct hg_request per URL */
#ifndef HG_PLAN_H
#define HG_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hget.h"
#include "body.h"
#include "opts.h"

struct plan {
	struct hg_request *reqs;	/* one per URL, in order */
	size_t		 nreqs;
	const char	**headers;	/* -H lines, @file ones read in */
	size_t		 nheaders;
	char		**owned;	/* strings read from files */
	size_t		 nowned;
	char		*write_out;	/* -w, @file read in; NULL = none */
	const char	*user;		/* -u "user:password", prompted if need be */
	const char	*proxy_user;	/* -U, the same way */
	char		**notes;	/* lines for main to print first */
	size_t		 nnotes;
	const char	*netrc_file;	/* the netrc to read; NULL = none */
	struct body	 body;		/* -d, --json, -F, -G, --url-query */
	struct hg_seg	*uploads;	/* -T: one segment per URL */
	/*
	 * The one cookie jar of the run, shared by every request: made
	 * when -b names a file (read in here) or -c is given, else NULL.
	 * main writes it out for -c at the end.
	 */
	struct cookie_jar *jar;
	const char	*etag_match;	/* --etag-compare's ETag; NULL = none */
	/* --color for stderr (-v) and stdout (-i), decided once */
	int		 color_err;
	int		 color_out;
};

/*
 * How the core's warnings and the failures of attempts that --retry
 * repeats reach the user: main's functions, given to every request.
 * warn also prints cookie_load()'s warnings; neither is given a
 * warning under -s.
 */
struct plan_report {
	void		(*warn)(void *arg, const char *msg);
	void		(*attempt_failed)(void *arg, const struct hg_err *);
	void		 *arg;
	FILE		 *trace_fp;	/* --trace* FILE, main opened it */
	int64_t		  trace_t0;	/* clock_us() then */
};

enum plan_rc {
	PLAN_OK,
	PLAN_USAGE,		/* exit 2: msg is "option -H: ..." */
	PLAN_FAIL		/* exit with err's code */
};

/*
 * Build the transfers.  Reads "-H @file" and "-w @file" ("-" is stdin),
 * the -b cookie files ("-" is stdin; one that cannot be opened is
 * skipped, as curl skips it) and --etag-compare's file; refuses a CR or
 * LF inside a -H, -X, -A, -e, -b or -r value (curl would send it:
 * protocol smuggling).  On PLAN_USAGE, e->msg holds the text after
 * "hget: ".
 */
enum plan_rc	 plan_build(const struct opts *, const struct plan_report *,
		    struct plan *, struct hg_err *e);
void		 plan_free(struct plan *);

#endif
