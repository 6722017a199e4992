/* cmd/body.h: the request body of -d, --json, -F, -G, --url-query, -T */
#ifndef HG_BODY_H
#define HG_BODY_H

#include <stddef.h>

#include "hget.h"
#include "opts.h"

/*
 * What the body options of one command line make.  Every file is opened
 * (and stat'ed) by body_build(), before anything is sent.  Bodies never
 * sit in memory whole: a regular file is a {fd, size} segment; what curl
 * transforms (-d @file loses its CR and LF, --data-urlencode @file is
 * encoded, -F encoder=) and what it reads whole first (stdin, pipes) is
 * written to an anonymous temporary file that becomes the segment.  Every
 * segment has a known size and is read with pread(2) from offset 0, so
 * the body can be sent once per URL and again after a 307/308.
 */
struct body {
	struct hg_seg	*segs;		/* the body, in order; NULL/0 = none */
	size_t		 nsegs;
	/*
	 * The default Content-Type: "application/x-www-form-urlencoded"
	 * for the -d family, "multipart/form-data; boundary=..." for -F;
	 * NULL when --json was given (its header is an extra line below),
	 * for -G and when there is no body.
	 */
	char		*content_type;
	int		 json;		/* --json was given (also with -G) */
	/*
	 * Lines plan.c appends AFTER the -H lines: --json's
	 * "Content-Type: application/json" and "Accept: application/json",
	 * each unless a -H line names that field (followed by ':' or ';',
	 * any case), as curl 7.88 does.
	 */
	const char	*extra_headers[2];
	size_t		 nextra_headers;
	/*
	 * -F with a -H Content-Type: curl sends that value with
	 * "; boundary=..." appended, in the default Content-Type's place,
	 * and none of the -H Content-Type lines.  content_type then holds
	 * the combined value and plan.c drops every -H line for which
	 * body_header_dropped() says so.
	 */
	int		 drop_content_type;
	/*
	 * To append to every URL's query with body_add_query(): the
	 * --url-query items, then the -G data, joined with '&'.  NULL =
	 * nothing to append; "" still adds a '&' after a non-empty query.
	 */
	char		*query;
	/*
	 * Warnings curl prints while it reads the options, whole lines
	 * without the newline ("Warning: skip unknown form field: x"), for
	 * main to print unless -s.
	 */
	char		**notes;
	size_t		 nnotes;

	/* owned: freed and closed by body_free() */
	char		**mem;
	size_t		 nmem;
	int		*fds;
	size_t		 nfds;
};

enum body_rc {
	BODY_OK,
	BODY_USAGE,		/* exit 2; e->msg is the text after "hget: " */
	BODY_FAIL		/* exit with e->code: 26 for a file, 27, 100 */
};

/*
 * Build the body of o's -d/--data*, --json, -F/--form-string, -G and
 * --url-query options.  headers are the -H lines as plan.c will send
 * them ("@file" already expanded): --json and -F look at their
 * Content-Type and Accept lines.  A file that cannot be opened or read
 * is BODY_FAIL with HERR_READ_ERROR naming it (curl 7.88 only warns for
 * -d @file and sends an empty body); a malformed -F is BODY_USAGE with
 * the spec quoted.  b must be released with body_free() in every case.
 */
enum body_rc	 body_build(const struct opts *o, const char *const *headers,
		    size_t nheaders, struct body *b, struct hg_err *e);
void		 body_free(struct body *b);

/* Whether plan.c must leave out this -H line (see drop_content_type). */
int		 body_header_dropped(const struct body *b, const char *line);

/*
 * -T FILE: seg = {fd, size} for a regular file, size -1 for anything
 * else (sent chunked).  "-" and "." are stdin (fd 0), always with size
 * -1: curl 7.88 sends stdin chunked even when it is a regular file.  The
 * caller closes seg->fd unless it is 0 (it is -1 after a failure).
 * Returns HERR_OK or HERR_READ_ERROR ("Can't open 'FILE': reason",
 * after curl's "Can't open 'FILE'!").
 */
enum herr	 body_upload(const char *path, struct hg_seg *seg,
		    struct hg_err *e);

/*
 * -T FILE's URL: when the URL's path is empty or ends in '/', curl adds
 * the file's last path segment, percent-encoded, before any query.
 * Returns a new string (a copy when nothing changes), NULL when out of
 * memory or longer than HG_MAX_URL.
 */
char		*body_upload_url(const char *url, const char *path);

/*
 * Append query to url's query as curl's URL API does: "&query" after a
 * non-empty query, "?query" otherwise, before any "#fragment"; an empty
 * query after an empty one drops the lone '?'.  Returns a new string,
 * NULL when out of memory or longer than HG_MAX_URL.
 */
char		*body_add_query(const char *url, const char *query);

/*
 * For the unit tests only: take the random bytes of multipart boundaries
 * from fn instead of arc4random_buf(3); NULL restores arc4random_buf.
 */
void		 body_set_random(void (*fn)(void *buf, size_t len));

#endif
