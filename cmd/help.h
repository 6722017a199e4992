/* cmd/help.h: --help and --version, laid out as curl 7.88 does */
#ifndef HG_HELP_H
#define HG_HELP_H

#include <stdio.h>

/*
 * "Usage: hget [options...] <url>" and one line per option, curl 7.88's
 * line for it byte for byte.  category is what followed -h (struct
 * opts' help_category): NULL or "all" lists every option, a category
 * name ("auth", "http", "post", "upload", ...) its options in the column
 * width curl gives that category, "category" the categories; anything
 * else is answered as curl does, with the list of categories.  Case does
 * not matter.
 */
void	 help_usage(FILE *fp, const char *category);

/* The --help text of an option (long name, no dashes), or NULL. */
const char	*help_describe(const char *name);

/* "hget VERSION (host) libraries...", then Protocols: and Features:. */
void	 help_version(FILE *fp);

#endif
