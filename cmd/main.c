/* cmd/main.c: argv -> options -> plan -> one transfer per URL -> exit code */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "breakdown.h"
#include "buf.h"
#include "clock.h"
#include "config.h"
#include "cookie.h"
#include "glob.h"
#include "help.h"
#include "manual.h"
#include "hget.h"
#include "limits.h"
#include "opts.h"
#include "plan.h"
#include "progress.h"
#include "writeout.h"

/* Print "hget: (N) detail" unless -s without -S silences it. */
static void
main_report(const struct opts *o, const struct hg_err *e)
{
	if (o->silent && !o->show_error)
		return;
	fprintf(stderr, "hget: (%d) %s\n", herr_exitcode(e->code), e->msg);
}

/* What curl says while it parses (warnings), in order. */
static void
main_notes(const struct opts *o)
{
	size_t	 i;

	for (i = 0; i < o->nnotes; i++)
		fprintf(stderr, "%s\n", o->notes[i]);
}

static int
main_usage(const struct opts_err *oe)
{
	int	 code = oe->exitcode != 0 ? oe->exitcode : 2;

	/* curl's method conflicts: the warnings (notes) say it all */
	if (oe->quiet)
		return code;
	if (oe->msg[0] != '\0')
		fprintf(stderr, "hget: %s\n", oe->msg);
	/* a config file's "FILE:LINE: why" is the whole story */
	if (!oe->notry)
		fprintf(stderr, "hget: %s\n", OPTS_TRY_HELP);
	return code;
}

static void
main_warn(const char *msg)
{
	fprintf(stderr, "%s\n", msg);
}

/*
 * A warning from the core (a retry, a cookie file line), as curl prints
 * its own: "Warning: " on every line, folded at 79 columns.  plan.c
 * gives the core none under -s.
 */
static void
main_core_warn(void *arg, const char *msg)
{
	size_t	 len, cut;
	char	*text;

	(void)arg;
	if ((text = buf_fmt("%s\n", msg)) == NULL)
		return;
	for (len = strlen(text), msg = text; len > 0; msg += cut, len -= cut) {
		cut = opts_warn_cut(msg, len);
		fprintf(stderr, "%s%.*s%s", OPTS_WARN_PREFIX, (int)cut, msg,
		    cut == len ? "" : "\n");
	}
	free(text);
}

/* An attempt that --retry repeats is reported as curl reports it. */
static void
main_attempt_failed(void *arg, const struct hg_err *e)
{
	const struct opts	*o = arg;

	main_report(o, e);
}

/*
 * --etag-save, after a transfer that got a response: its ETag and a
 * newline, or nothing when it had none (curl 7.88 empties the file then
 * too).  A transfer that got no response leaves the file as it was,
 * where curl has emptied it before connecting.  "-" is stdout, after
 * the body (curl writes it as the head arrives, before the body).
 */
static enum herr
main_etag_save(const char *path, const struct hg_result *r,
    struct hg_err *e)
{
	char	 v[HG_MAX_ETAG + 2];
	size_t	 n = 0;

	if (r->http_code == 0)
		return HERR_OK;
	if (hg_result_header(r, "ETag", v, sizeof(v)) == 0 &&
	    (n = strlen(v)) > 0) {
		/* a cut ETag would never match: leave the file alone */
		if (n > HG_MAX_ETAG)
			return hg_fail(e, HERR_TOO_LARGE, "The ETag is longer "
			    "than %d bytes: not saved in %s", HG_MAX_ETAG,
			    path);
		v[n++] = '\n';
	}
	if (strcmp(path, "-") == 0) {
		(void)fwrite(v, 1, n, stdout);
		return HERR_OK;
	}
	return hg_save_file(path, v, n, e);
}

/*
 * The meter (or -#'s bar) and SIGUSR1's line for one transfer: the core
 * calls back as the body arrives, and every tick while it does not.
 */
static void
main_progress(const struct opts *o, struct hg_request *rq,
    struct progress *pg)
{
	enum progress_mode	 m;
	int			 to_file;

	if (o->silent) {		/* no meter, no SIGUSR1 line */
		progress_begin(pg, PROGRESS_NONE, 0, rq->url);
		return;
	}
	/* curl's rule: the meter when the body is not on the terminal */
	to_file = rq->remote_name || (rq->output != NULL &&
	    strcmp(rq->output, "-") != 0) || !isatty(STDOUT_FILENO);
	m = progress_choose(o->silent, o->progress_meter, o->progress_bar,
	    to_file, rq->trace == HG_TRACE_PLAIN);
	progress_begin(pg, m, 1, rq->url);
	rq->progress = progress_update;
	rq->progress_arg = pg;
	rq->progress_tick_ms = m == PROGRESS_NONE ? 1000 : PROGRESS_REDRAW_MS;
}

/* Run one URL; returns its exit code. */
static int
main_transfer(const struct opts *o, const struct plan *p,
    struct hg_session *s, size_t i)
{
	struct hg_request	 req = p->reqs[i];
	const struct hg_request	*rq = &req;
	struct hg_result	 r;
	struct hg_err		 e;
	struct wo_xfer		 wo;
	struct progress		 pg;
	enum herr		 rc;
	int			 code;

	memset(&e, 0, sizeof(e));
	hg_result_init(&r);
	main_progress(o, &req, &pg);
	rc = hg_run(s, rq, &r, &e);
	progress_end(&pg);
	if (rc != HERR_OK)
		main_report(o, &e);
	code = herr_exitcode(rc);
	if (o->timing)
		(void)breakdown_print(stderr, &r);
	if (o->etag_save != NULL &&
	    (rc = main_etag_save(o->etag_save, &r, &e)) != HERR_OK) {
		main_report(o, &e);
		code = herr_exitcode(rc);
	}
	if (p->write_out != NULL) {
		memset(&wo, 0, sizeof(wo));
		wo.r = &r;
		wo.exitcode = code;
		wo.errormsg = rc != HERR_OK ? e.msg : NULL;
		wo.url = rq->url;
		wo.filename = rq->output != NULL && strcmp(rq->output, "-") != 0 ?
		    rq->output : NULL;
		wo.method = rq->method != NULL ? rq->method :
		    rq->nobody ? "HEAD" : "GET";
		wo.referer = rq->referer;
		wo.urlnum = (long)i;
		if (writeout_xfer(p->write_out, &wo, stdout, stderr,
		    main_warn) == -1 && code == 0)
			code = herr_exitcode(HERR_WRITE_ERROR);
	}
	hg_result_free(&r);
	return code;
}

/*
 * -c: the jar, in the format curl writes, once all the transfers are
 * done, failed ones included (curl writes it whatever happened; an
 * empty jar is its three comment lines).  "-" is stdout.  The cap is
 * the one -b reads with, so that the jar can be read back; a jar that
 * cannot be written is a failure (curl says nothing and exits 0).
 */
static int
main_save_jar(const struct opts *o, const struct plan *p)
{
	struct buf	 b;
	struct hg_err	 e;
	enum herr	 rc = HERR_OK;

	if (o->cookie_jar == NULL || p->jar == NULL)
		return 0;
	buf_init(&b, HG_MAX_COOKIE_FILE);
	if (cookie_save(p->jar, (int64_t)time(NULL), &b) == -1)
		rc = hg_fail(&e, HERR_WRITE_ERROR, "The cookie jar is larger "
		    "than %d bytes (or out of memory): not saved in %s",
		    HG_MAX_COOKIE_FILE, o->cookie_jar);
	else if (strcmp(o->cookie_jar, "-") == 0)
		(void)fwrite(b.data, 1, b.len, stdout);
	else
		rc = hg_save_file(o->cookie_jar, b.data, b.len, &e);
	buf_free(&b);
	if (rc == HERR_OK)
		return 0;
	main_report(o, &e);
	return herr_exitcode(rc);
}

/* A full disk or a closed pipe is a failure, not a success (exit 23). */
static int
main_check_stdout(const struct opts *o, int code)
{
	struct hg_err	 e;

	if (fflush(stdout) == EOF || ferror(stdout)) {
		hg_fail(&e, HERR_WRITE_ERROR, "Failure writing output to "
		    "destination: %s", strerror(errno));
		main_report(o, &e);
		return herr_exitcode(HERR_WRITE_ERROR);
	}
	return code;
}

/* The dump of --trace and its kin: one file and one clock for the run. */
struct main_trace {
	FILE	*fp;		/* NULL: no dump */
	int64_t	 t0;		/* clock_us() at the start: JSON's t_us */
};

/*
 * The file of --trace, --trace-ascii or --trace-json ("-" is stdout),
 * once for the whole run.  curl writes the trace to stderr when the file
 * cannot be opened, and says nothing; hget does the same with a warning.
 */
static FILE *
main_trace_open(const struct opts *o)
{
	FILE	*fp;

	if (o->trace_type == HG_TRACE_NONE || o->trace_type == HG_TRACE_PLAIN)
		return NULL;
	if (strcmp(o->trace_file, "-") == 0)
		return stdout;
	if ((fp = fopen(o->trace_file, "w")) != NULL)
		return fp;
	if (!o->silent)
		fprintf(stderr, "%sFailed to open the trace file %s: %s; "
		    "tracing to stderr\n", OPTS_WARN_PREFIX, o->trace_file,
		    strerror(errno));
	return stderr;
}

static void
main_trace_close(FILE *fp)
{
	if (fp != NULL && fp != stdout && fp != stderr)
		(void)fclose(fp);
}

/* One operation (the URLs up to a --next): its plan, its transfers. */
static int
main_op(struct opts *o, struct hg_session *s, const struct main_trace *tr)
{
	struct plan		 p;
	struct plan_report	 rep;
	struct hg_err		 e;
	size_t			 i;
	int			 code = 0, c;

	memset(&e, 0, sizeof(e));
	/* {a,b} and [1-9] into their URLs, where curl globs: per operation */
	if (!o->globoff && glob_opts(o, &e) != HERR_OK) {
		main_report(o, &e);
		return herr_exitcode(e.code);
	}
	rep.warn = main_core_warn;
	rep.attempt_failed = main_attempt_failed;
	/* main_report() takes the options; nothing writes through arg */
	rep.arg = (void *)(uintptr_t)o;
	rep.trace_fp = tr->fp;
	rep.trace_t0 = tr->t0;
	switch (plan_build(o, &rep, &p, &e)) {
	case PLAN_OK:
		break;
	case PLAN_USAGE:
		fprintf(stderr, "hget: %s\nhget: %s\n", e.msg, OPTS_TRY_HELP);
		plan_free(&p);
		return 2;
	case PLAN_FAIL:
		main_report(o, &e);
		plan_free(&p);
		return herr_exitcode(e.code);
	}
	for (i = 0; i < p.nnotes; i++)
		fprintf(stderr, "%s\n", p.notes[i]);
	/*
	 * Every URL runs, and the exit code is the last failure's: curl 7.88
	 * returns the last URL's, so a failed download followed by a good
	 * one exits 0 there.  A script must not miss a failure (man page).
	 */
	for (i = 0; i < p.nreqs; i++)
		if ((c = main_transfer(o, &p, s, i)) != 0)
			code = c;
	if (o->nslots > o->nurls && !o->silent)
		fprintf(stderr, "Warning: Got more output options than URLs\n");
	if ((c = main_save_jar(o, &p)) != 0)
		code = c;
	plan_free(&p);
	return code;
}

/*
 * The operations in order, on one session: a connection made for one
 * is reused by the next, as curl does across --next.  The exit code is
 * the last failure's; a usage error in an operation (exit 2) stops the
 * run there.
 */
static int
main_run(struct opts *head, const struct main_trace *tr)
{
	struct hg_session	*s;
	struct hg_err		 e;
	struct opts		*o;
	int			 code = 0, c;

	if ((s = hg_session_new()) == NULL) {
		hg_fail(&e, HERR_OUT_OF_MEMORY, "Out of memory");
		main_report(head, &e);
		return herr_exitcode(HERR_OUT_OF_MEMORY);
	}
	for (o = head; o != NULL; o = o->next) {
		if ((c = main_op(o, s, tr)) != 0)
			code = c;
		if (c == 2)
			break;
	}
	hg_session_free(s);
	return main_check_stdout(head, code);
}

/*
 * Interrupted: no temporary file is left behind, then the signal does
 * what it would have done (the exit status still says which one).
 */
static void
main_on_signal(int sig)
{
	hg_signal_cleanup();
	progress_signal_cleanup();
	(void)signal(sig, SIG_DFL);
	(void)raise(sig);
}

/*
 * With fd 0, 1 or 2 closed, the next file opened would take its number
 * and be read as stdin or written as stdout: hold them on /dev/null.
 */
static void
main_std_fds(void)
{
	int	 fd;

	do
		fd = open("/dev/null", O_RDWR);
	while (fd >= 0 && fd <= 2);
	if (fd > 2)
		(void)close(fd);
}

static void
main_signals(void)
{
	static const int	 sigs[] = { SIGHUP, SIGINT, SIGTERM };
	struct sigaction	 sa;
	size_t			 i;

	/* a closed pipe is a write error (exit 23), not a silent death */
	(void)signal(SIGPIPE, SIG_IGN);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = main_on_signal;
	(void)sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		(void)sigaction(sigs[i], &sa, NULL);
	progress_signals();
}

int
main(int argc, char *argv[])
{
	struct opts	 o;
	struct opts_err	 oe;
	struct main_trace tr;
	enum opts_rc	 rc;
	char		*rc_file;
	int		 code;

	main_std_fds();
	main_signals();
	memset(&oe, 0, sizeof(oe));
	/* ~/.hgetrc or $XDG_CONFIG_HOME/hget/hgetrc, as curl's .curlrc */
	rc_file = config_default();
	rc = opts_parse_rc(&o, argc, argv, rc_file, &oe);
	free(rc_file);
	main_notes(&o);
	switch (rc) {
	case OPTS_OK:
		tr.t0 = clock_us();
		tr.fp = main_trace_open(&o);
		code = main_run(&o, &tr);
		main_trace_close(tr.fp);
		break;
	case OPTS_HELP:
		help_usage(stdout, o.help_category);
		code = main_check_stdout(&o, 0);
		break;
	case OPTS_VERSION:
		help_version(stdout);
		code = main_check_stdout(&o, 0);
		break;
	case OPTS_MANUAL:
		(void)fwrite(hget_manual, 1, hget_manual_len, stdout);
		code = main_check_stdout(&o, 0);
		break;
	case OPTS_USAGE:
		code = main_usage(&oe);
		break;
	case OPTS_NOMEM:
	default:
		fprintf(stderr, "hget: (27) Out of memory\n");
		code = 27;
		break;
	}
	opts_free(&o);
	return code;
}
