/* cmd/plan.c: the only file that knows both the options and the core */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "limits.h"
#include "plan.h"

/* Keep a string read from a file; plan_free releases it. */
static int
plan_own(struct plan *p, char *s)
{
	char	**n;

	if ((n = reallocarray(p->owned, p->nowned + 1, sizeof(*n))) == NULL)
		return -1;
	p->owned = n;
	p->owned[p->nowned++] = s;
	return 0;
}

static int
plan_add_header(struct plan *p, const char *h)
{
	const char	**n;

	n = reallocarray(p->headers, p->nheaders + 1, sizeof(*n));
	if (n == NULL)
		return -1;
	p->headers = n;
	p->headers[p->nheaders++] = h;
	return 0;
}

/* A whole file (or stdin for "-") into a NUL-terminated string. */
static char *
plan_slurp(const char *path, size_t cap, struct hg_err *e)
{
	FILE	*fp;
	char	*s;
	size_t	 n;

	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (fp == NULL) {
		hg_fail(e, HERR_READ_ERROR, "Failed to open %s: %s", path,
		    strerror(errno));
		return NULL;
	}
	if ((s = malloc(cap + 1)) == NULL) {
		hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
		goto out;
	}
	n = fread(s, 1, cap + 1, fp);
	if (ferror(fp) || n > cap) {
		hg_fail(e, HERR_READ_ERROR, ferror(fp) ? "Failed to read %s" :
		    "%s is larger than %d bytes", path, HG_MAX_HEADER_FILE);
		free(s);
		s = NULL;
		goto out;
	}
	s[n] = '\0';
out:
	if (fp != stdin)
		(void)fclose(fp);
	return s;
}

/*
 * "-H @file": one header per line.  Every CR and every LF ends a line, as
 * curl reads it, so no line can carry a line break onto the wire; empty
 * lines are skipped.
 */
static enum plan_rc
plan_header_file(struct plan *p, const char *path, struct hg_err *e)
{
	char	*s, *line;
	size_t	 n;

	if ((s = plan_slurp(path, HG_MAX_HEADER_FILE, e)) == NULL)
		return PLAN_FAIL;
	if (plan_own(p, s) == -1) {
		free(s);
		goto nomem;
	}
	for (line = s; *line != '\0'; line += n) {
		n = strcspn(line, "\r\n");
		if (line[n] != '\0')
			line[n++] = '\0';
		if (*line != '\0' && plan_add_header(p, line) == -1)
			goto nomem;
	}
	return PLAN_OK;
nomem:
	hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	return PLAN_FAIL;
}

/* A CR or LF in a value would end the line on the wire: refuse it. */
static enum plan_rc
plan_check_line(const char *opt, const char *v, struct hg_err *e)
{
	if (v == NULL || strpbrk(v, "\r\n") == NULL)
		return PLAN_OK;
	hg_fail(e, HERR_FAILED_INIT, "option %s: the value holds a CR or LF, "
	    "which would split the request", opt);
	return PLAN_USAGE;
}

/*
 * "-w @file" as curl reads it: each line ends at its first CR or LF and
 * the lines are joined; a newline in the output comes from "\n".
 */
static void
plan_join_lines(char *s)
{
	char	*out = s;
	size_t	 n;

	while (*s != '\0') {
		n = strcspn(s, "\r\n");
		memmove(out, s, n);
		out += n;
		s += n;
		s += strcspn(s, "\n");		/* the rest of a line after CR */
		if (*s == '\n')
			s++;
	}
	*out = '\0';
}

static enum plan_rc
plan_headers(const struct opts *o, struct plan *p, struct hg_err *e)
{
	enum plan_rc	 rc;
	size_t		 i;

	for (i = 0; i < o->nheaders; i++) {
		if (o->headers[i][0] == '@') {
			if ((rc = plan_header_file(p, o->headers[i] + 1, e)) !=
			    PLAN_OK)
				return rc;
			continue;
		}
		if ((rc = plan_check_line("-H", o->headers[i], e)) != PLAN_OK)
			return rc;
		if (plan_add_header(p, o->headers[i]) == -1) {
			hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
			return PLAN_FAIL;
		}
	}
	return PLAN_OK;
}

static void
plan_one(const struct opts *o, const struct plan *p, size_t i,
    struct hg_request *r)
{
	const struct opts_url	*u = &o->urls[i];

	memset(r, 0, sizeof(*r));
	r->url = u->url;
	r->method = o->request;
	r->nobody = o->head;
	r->http10 = o->http == OPTS_HTTP_1_0;
	r->http09 = o->http09;
	r->user_agent = o->user_agent;
	r->referer = o->referer;
	r->headers = p->headers;
	r->nheaders = p->nheaders;
	r->ipresolve = o->ipresolve;
	r->connect_timeout_ms = o->connect_timeout_ms;
	r->max_time_ms = o->max_time_ms;
	r->remote_name = u->out == OPTS_OUT_REMOTE;
	r->output = u->out == OPTS_OUT_FILE ? u->outfile : NULL;
	r->terminal_ok = r->output != NULL && strcmp(r->output, "-") == 0;
	r->output_dir = o->output_dir;
	r->create_dirs = o->create_dirs;
	r->include = o->include;
	r->dump_header = o->dump_header;
	r->dump_append = i > 0;
	r->fail = o->fail_with_body ? HG_FAIL_WITH_BODY :
	    o->fail ? HG_FAIL : HG_FAIL_NONE;
	r->verbose = o->verbose;
	r->trace_time = o->trace_time;
}

enum plan_rc
plan_build(const struct opts *o, struct plan *p, struct hg_err *e)
{
	enum plan_rc	 rc;
	size_t		 i;

	memset(p, 0, sizeof(*p));
	if ((rc = plan_check_line("-X", o->request, e)) != PLAN_OK ||
	    (rc = plan_check_line("-A", o->user_agent, e)) != PLAN_OK ||
	    (rc = plan_check_line("-e", o->referer, e)) != PLAN_OK ||
	    (rc = plan_headers(o, p, e)) != PLAN_OK)
		return rc;
	if (o->write_out != NULL && o->write_out[0] == '@') {
		p->write_out = plan_slurp(o->write_out + 1, HG_MAX_HEADER_FILE,
		    e);
		if (p->write_out == NULL)
			return PLAN_FAIL;
		plan_join_lines(p->write_out);
	} else if (o->write_out != NULL &&
	    (p->write_out = strdup(o->write_out)) == NULL)
		goto nomem;
	if (o->nurls > 0 &&
	    (p->reqs = calloc(o->nurls, sizeof(*p->reqs))) == NULL)
		goto nomem;
	for (i = 0; i < o->nurls; i++)
		plan_one(o, p, i, &p->reqs[i]);
	p->nreqs = o->nurls;
	return PLAN_OK;
nomem:
	hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	return PLAN_FAIL;
}

void
plan_free(struct plan *p)
{
	size_t	 i;

	for (i = 0; i < p->nowned; i++)
		free(p->owned[i]);
	free(p->owned);
	free(p->headers);
	free(p->reqs);
	free(p->write_out);
	memset(p, 0, sizeof(*p));
}
