/* cmd/config.h: curl's config file syntax (-K, ~/.hgetrc) into option words */
#ifndef HG_CONFIG_H
#define HG_CONFIG_H

#include <stddef.h>
#include <stdio.h>

/* Caps: a config file is read whole and kept while the options live. */
#define CONFIG_MAX_FILE		(4 * 1024 * 1024)
#define CONFIG_MAX_DEPTH	16	/* -K inside -K inside ... */

/*
 * One option line, as curl 7.88's parseconfig() splits it: the option
 * as written ("silent", "--silent", "-s", "url"), and its value with
 * the quotes and escapes undone, or NULL when the line has none.
 */
struct config_item {
	char		*opt;
	char		*param;
	size_t		 line;		/* 1-based */
};

/* A parsed file: the items point into text, which config_parse cut up. */
struct config {
	char			*text;
	struct config_item	*items;
	size_t			 nitems;
};

enum config_rc {
	CONFIG_OK,
	CONFIG_OPEN,		/* cannot open or read: see errno */
	CONFIG_BAD,		/* a malformed line: line and why */
	CONFIG_BIG,		/* over CONFIG_MAX_FILE */
	CONFIG_NOMEM
};

struct config_err {
	size_t		 line;
	char		 why[128];
};

/*
 * Split text (len bytes, NUL-terminated at len, changed in place) into
 * items.  curl's syntax: blank lines and lines whose first non-blank is
 * '#', '/' or '*' are skipped; the option ends at white space, or for
 * an option without a leading '-' also at '=' or ':'; blanks (and then
 * '=' and ':') separate it from the value; a value in double quotes
 * knows \t \n \r \v and a backslash before any other byte stands for
 * that byte; an unquoted value ends at white space.  Where curl only
 * warns, hget refuses the line (CONFIG_BAD): an unclosed quote, text
 * after a closing quote, a second word after an unquoted value, a NUL
 * byte.  c->text is set to text; config_free() frees it.
 */
enum config_rc	 config_parse(char *text, size_t len, struct config *c,
		    struct config_err *e);

/* The whole of fp (a file, or stdin for "-K -") through config_parse. */
enum config_rc	 config_read(FILE *fp, struct config *c,
		    struct config_err *e);

/*
 * The default file, curl's way of finding .curlrc: the first that can
 * be opened of $XDG_CONFIG_HOME/hget/hgetrc and $HOME/.hgetrc (an
 * empty variable counts as unset).  NULL when neither exists (or out
 * of memory); the caller frees the path.
 */
char		*config_default(void);

/* Release items and text (c->text may have been taken: set it NULL). */
void		 config_free(struct config *c);

#endif
