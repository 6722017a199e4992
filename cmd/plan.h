/* cmd/plan.h: struct opts -> one struct hg_request per URL */
#ifndef HG_PLAN_H
#define HG_PLAN_H

#include <stddef.h>

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
};

enum plan_rc {
	PLAN_OK,
	PLAN_USAGE,		/* exit 2: msg is "option -H: ..." */
	PLAN_FAIL		/* exit with err's code */
};

/*
 * Build the transfers.  Reads "-H @file" and "-w @file" ("-" is stdin);
 * refuses a CR or LF inside a -H, -X, -A or -e value (curl would send it:
 * protocol smuggling).  On PLAN_USAGE, e->msg holds the text after "hget: ".
 */
enum plan_rc	 plan_build(const struct opts *, struct plan *, struct hg_err *e);
void		 plan_free(struct plan *);

#endif
