/* cmd/config.c: curl's config file syntax (-K, ~/.hgetrc) into option words */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"

/* curl's ISSPACE: the C locale's white space */
static int
cfg_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* '=' and ':' separate only an option written without a dash */
static int
cfg_sep(char c, int dashed)
{
	return !dashed && (c == '=' || c == ':');
}

static enum config_rc
cfg_bad(struct config_err *e, size_t line, const char *why)
{
	e->line = line;
	(void)strlcpy(e->why, why, sizeof(e->why));
	return CONFIG_BAD;
}

/*
 * A quoted value, p just past the opening quote: undo the escapes in
 * place (the result is never longer) and return what follows the
 * closing quote, or NULL when there is none on the line.
 */
static char *
cfg_unquote(char *p)
{
	char	*out = p;

	for (; *p != '\0' && *p != '"'; p++) {
		if (*p == '\\') {
			if (*++p == '\0')
				return NULL;
			switch (*p) {
			case 't':
				*out++ = '\t';
				continue;
			case 'n':
				*out++ = '\n';
				continue;
			case 'r':
				*out++ = '\r';
				continue;
			case 'v':
				*out++ = '\v';
				continue;
			}
		}
		*out++ = *p;
	}
	if (*p != '"')
		return NULL;
	*out = '\0';
	return p + 1;
}

/* The rest of a line after its value: only blanks or a comment. */
static int
cfg_rest_empty(const char *p)
{
	while (cfg_space(*p))
		p++;
	return *p == '\0' || *p == '#';
}

/*
 * One line (NUL-terminated, no line end): 0 and *it filled, 1 for a
 * line with no option, -1 with e filled.
 */
static int
cfg_line(char *p, size_t lineno, struct config_item *it,
    struct config_err *e)
{
	char	*rest;
	int	 dashed;

	while (cfg_space(*p))
		p++;
	switch (*p) {
	case '#':
	case '/':
	case '*':
	case '\0':
		return 1;
	}
	it->opt = p;
	it->param = NULL;
	it->line = lineno;
	dashed = *p == '-';
	while (*p != '\0' && !cfg_space(*p) && !cfg_sep(*p, dashed))
		p++;
	if (*p != '\0')
		*p++ = '\0';
	while (cfg_space(*p) || cfg_sep(*p, dashed))
		p++;
	if (*p == '"') {
		it->param = p + 1;
		if ((rest = cfg_unquote(p + 1)) == NULL) {
			(void)cfg_bad(e, lineno, "unterminated quoted value");
			return -1;
		}
		if (!cfg_rest_empty(rest)) {
			(void)cfg_bad(e, lineno,
			    "text after the closing quote");
			return -1;
		}
		return 0;
	}
	it->param = p;
	while (*p != '\0' && !cfg_space(*p))
		p++;
	if (*p != '\0') {
		*p++ = '\0';
		/* curl warns and drops the rest; a quoted value is meant */
		if (!cfg_rest_empty(p)) {
			(void)cfg_bad(e, lineno, "white space in an unquoted "
			    "value (put the value in double quotes)");
			return -1;
		}
	}
	if (*it->param == '\0')
		it->param = NULL;
	return 0;
}

enum config_rc
config_parse(char *text, size_t len, struct config *c, struct config_err *e)
{
	struct config_item	*n;
	char			*line, *end;
	size_t			 lineno = 0, cap = 0;
	int			 r;

	memset(c, 0, sizeof(*c));
	c->text = text;
	e->line = 0;
	e->why[0] = '\0';
	for (line = text; line < text + len; line = end + 1) {
		lineno++;
		if ((end = memchr(line, '\n', (size_t)(text + len - line))) ==
		    NULL)
			end = text + len;
		*end = '\0';
		if (strlen(line) != (size_t)(end - line))
			return cfg_bad(e, lineno, "a NUL byte in the line");
		if (c->nitems == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			if ((n = reallocarray(c->items, cap,
			    sizeof(*n))) == NULL)
				return CONFIG_NOMEM;
			c->items = n;
		}
		if ((r = cfg_line(line, lineno, &c->items[c->nitems], e)) ==
		    -1)
			return CONFIG_BAD;
		if (r == 0)
			c->nitems++;
	}
	return CONFIG_OK;
}

enum config_rc
config_read(FILE *fp, struct config *c, struct config_err *e)
{
	struct buf	 b;
	char		 chunk[8192];
	size_t		 n;

	memset(c, 0, sizeof(*c));
	buf_init(&b, CONFIG_MAX_FILE + 1);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (n > CONFIG_MAX_FILE - b.len) {
			buf_free(&b);
			return CONFIG_BIG;
		}
		if (buf_add(&b, chunk, n) == -1) {
			buf_free(&b);
			return CONFIG_NOMEM;
		}
	}
	if (ferror(fp)) {
		buf_free(&b);
		return CONFIG_OPEN;
	}
	if (buf_addc(&b, '\0') == -1) {
		buf_free(&b);
		return CONFIG_NOMEM;
	}
	return config_parse(b.data, b.len - 1, c, e);
}

/* dir/name when it can be opened for reading (curl's checkhome()). */
static char *
cfg_try(const char *dir, const char *name)
{
	char	*path;
	int	 fd;

	if (dir == NULL || *dir == '\0')
		return NULL;
	if ((path = buf_fmt("%s/%s", dir, name)) == NULL)
		return NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		free(path);
		return NULL;
	}
	(void)close(fd);
	return path;
}

char *
config_default(void)
{
	char	*path;

	if ((path = cfg_try(getenv("XDG_CONFIG_HOME"), "hget/hgetrc")) !=
	    NULL)
		return path;
	return cfg_try(getenv("HOME"), ".hgetrc");
}

void
config_free(struct config *c)
{
	free(c->items);
	free(c->text);
	memset(c, 0, sizeof(*c));
}
