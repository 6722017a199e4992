/* cmd/glob.h: curl's URL globbing, {a,b} [1-10] [a-z:2], and #N in -o */
#ifndef HG_GLOB_H
#define HG_GLOB_H

#include <stddef.h>
#include <stdint.h>

#include "hget.h"
#include "opts.h"

/* curl's limit on the parts of one URL (literal runs and globs) */
#define GLOB_MAX_PARTS	100
/*
 * hget expands a command line's globs before its first transfer, where
 * curl walks them one by one: a cap keeps "[1-999999999]" from filling
 * memory.
 */
#define GLOB_MAX_URLS	100000
/* one expanded URL, at most (glob_next() says NULL past it) */
#define GLOB_MAX_URL	(1024 * 1024)
/* curl's cap on a -o name after #N substitution */
#define GLOB_MAX_NAME	(10 * 1024)

enum glob_kind {
	GLOB_FIXED,		/* a literal run: one value */
	GLOB_SET,		/* {a,b,c} */
	GLOB_CHARS,		/* [a-z] or [a-z:2] */
	GLOB_NUMS		/* [1-10], [01-10], [1-10:2] */
};

struct glob_part {
	enum glob_kind	 kind;
	int		 index;		/* #N is index N - 1; -1 for FIXED */
	char		**elems;	/* FIXED and SET */
	size_t		 nelems;
	unsigned long	 min, max, step;	/* CHARS (as bytes) and NUMS */
	int		 pad;		/* NUMS: width of a leading-zero min */
	uint64_t	 n;		/* how many values */
	uint64_t	 cur;		/* the one in the URL now */
};

struct glob {
	struct glob_part *parts;
	size_t		 nparts;
	uint64_t	 count;		/* URLs in all */
	int		 started;
};

/*
 * Why glob_compile() failed, curl 7.88's words and position: the
 * message is "WHAT in URL position POS:", the URL, and a caret under
 * POS (1-based), or WHAT alone when pos is 0.  nomem: out of memory.
 */
struct glob_err {
	const char	*what;
	size_t		 pos;
	int		 nomem;
};

/* Parse url's globs; 0, or -1 with ge filled (g needs glob_free()). */
int		 glob_compile(struct glob *g, const char *url,
		    struct glob_err *ge);
/* The next URL (allocated), first to last; NULL at the end or no memory. */
char		*glob_next(struct glob *g);
/*
 * The -o name tmpl with each "#N" replaced by the value glob N has in
 * the URL glob_next() returned last, as curl does; a #N with no such
 * glob stays as written.  Allocated; NULL without memory or when the
 * name would pass GLOB_MAX_NAME.
 */
char		*glob_name(const struct glob *g, const char *tmpl);
void		 glob_free(struct glob *g);

/*
 * Expand every URL of one operation in place (its -o names too, -O
 * takes each URL's own name), unless -g.  The strings are kept with
 * opts_own().  A bad glob: HERR_URL_MALFORMAT with curl's message.
 */
enum herr	 glob_opts(struct opts *o, struct hg_err *e);

#endif
