/* cmd/writeout.h: -w/--write-out, curl 7.88's format for one transfer */
#ifndef HG_WRITEOUT_H
#define HG_WRITEOUT_H

#include <stdio.h>

#include "hget.h"

/*
 * What -w reports about one transfer: the core's measurements plus what
 * only cmd/ knows.  r must be set.  A NULL string prints as nothing, and
 * as null in %{json}, unless its comment says otherwise.
 */
struct wo_xfer {
	const struct hg_result *r;
	int		 exitcode;	/* curl's number, 0 = success */
	const char	*errormsg;	/* hg_err.msg; NULL/"": generic */
	const char	*url;		/* as given; NULL: url_effective */
	const char	*filename;	/* -o/-O file; NULL: stdout */
	const char	*method;	/* last request's verb; NULL: unknown */
	const char	*referer;	/* -e; NULL: none */
	long		 urlnum;	/* 0-based index of this URL */
};

/*
 * Expand fmt (already read from @file by the caller) for one transfer.
 * Output starts on out; %{stdout} switches back to out and %{stderr} to
 * errstream.  An unknown variable prints nothing; warn_fn gets the line
 * "hget: unknown --write-out variable: 'NAME'" (no newline), or, when
 * warn_fn is NULL, that line goes to errstream.  Both streams (neither may
 * be NULL) are flushed.  Returns 0, or -1 when writing to either failed
 * (or had failed before) or memory ran out.
 */
int	 writeout_xfer(const char *fmt, const struct wo_xfer *x, FILE *out,
	    FILE *errstream, void (*warn_fn)(const char *msg));

/* The same with only the core's result: no %{url}, method, file, referer. */
int	 writeout(const char *fmt, const struct hg_result *r, int exitcode,
	    const char *errormsg, FILE *out, FILE *errstream,
	    void (*warn_fn)(const char *msg));

#endif
