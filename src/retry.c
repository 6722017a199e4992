/* src/retry.c: --retry: which failures are transient, how long to wait,
 * and how the next attempt goes on with the output the last one began */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "date.h"
#include "xfer.h"

/* curl's classes of transient failure, with the words its warning uses. */
enum retry_kind {
	RETRY_NO,
	RETRY_ALL,
	RETRY_TIMEOUT,
	RETRY_CONNREFUSED,
	RETRY_HTTP
};

static const char *const retry_words[] = {
	[RETRY_NO] = "",
	[RETRY_ALL] = "(retrying all errors)",
	[RETRY_TIMEOUT] = ": timeout",
	[RETRY_CONNREFUSED] = ": connection refused",
	[RETRY_HTTP] = ": HTTP error"
};

void
retry_init(struct run *run, const struct hg_request *rq)
{
	run->started = clock_us();
	run->retries_left = rq->retries;
	run->backoff_ms = 1000;
	run->held_ms = -1;
}

/* RFC 9110 §15.5.9, §15.6: the statuses curl retries. */
static int
retry_http_status(int status)
{
	return status == 408 || status == 429 || status == 500 ||
	    status == 502 || status == 503 || status == 504;
}

static enum retry_kind
retry_kind(const struct xfer *x, enum herr rc, const struct hg_err *e)
{
	if (rc == HERR_OPERATION_TIMEDOUT || rc == HERR_COULDNT_RESOLVE_HOST ||
	    rc == HERR_COULDNT_RESOLVE_PROXY)
		return RETRY_TIMEOUT;
	if (rc == HERR_COULDNT_CONNECT && x->rq->retry_connrefused &&
	    e->oserr == ECONNREFUSED)
		return RETRY_CONNREFUSED;
	if ((rc == HERR_OK || rc == HERR_HTTP_RETURNED_ERROR) &&
	    retry_http_status(x->r->http_code))
		return RETRY_HTTP;
	if (rc != HERR_OK && x->rq->retry_all_errors)
		return RETRY_ALL;
	return RETRY_NO;
}

/* Retry-After (RFC 9110 §10.2.3): seconds or a date; -1 when absent. */
static int64_t
retry_after_ms(const struct xfer *x)
{
	const struct hfield	*f;
	const char		*p, *end;
	int64_t			 v = 0, t;

	if ((f = head_find(&x->h, "Retry-After")) == NULL)
		return -1;
	p = f->value.p;
	end = p + f->value.n;
	if (p < end && *p >= '0' && *p <= '9') {
		for (; p < end && *p >= '0' && *p <= '9'; p++)
			if ((v = v * 10 + (*p - '0')) > HG_RETRY_MAX_DELAY_MS)
				break;
		v *= 1000;
	} else if (date_parse(f->value.p, f->value.n, &t) == 0)
		v = (t - (int64_t)time(NULL)) * 1000;
	else
		return -1;
	/* a server cannot park us for longer than the backoff ever would */
	return v < 0 ? 0 : v > HG_RETRY_MAX_DELAY_MS ? HG_RETRY_MAX_DELAY_MS : v;
}

static void
retry_warn(const struct xfer *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
retry_warn(const struct xfer *x, const char *fmt, ...)
{
	char	 msg[256];
	va_list	 ap;

	if (x->rq->warning == NULL)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	x->rq->warning(x->rq->report_arg, msg);
}

/*
 * The next attempt continues the output with a Range when the body went
 * out as the server sent it (no decoding, no -i head in between, no -r),
 * else starts over in our own temp file; bytes already on stdout or a
 * device cannot be taken back, so then there is no retry at all.
 */
static int
retry_outputs(struct run *run, const struct xfer *x, enum retry_kind kind)
{
	uint64_t	 body = run->kept + x->delivered;

	if (x->body.written == 0)
		return 0;
	if (kind != RETRY_HTTP && x->dec == NULL && !x->rq->include &&
	    x->rq->range == NULL && !x->ignore_body &&
	    strcmp(x->method, "GET") == 0 && x->body.written == body) {
		run->kept = body;
		run->resumable = 1;
		return 0;
	}
	if (sink_restart(&run->body) == 0) {
		run->kept = 0;
		run->resumable = 0;
		return 0;
	}
	if (body == 0)
		return 0;	/* only -i heads went out: each attempt's, as curl */
	retry_warn(x, "Not retrying: %llu bytes already went to the output "
	    "and cannot be taken back.", (unsigned long long)x->body.written);
	return -1;
}

/* The strong validator of the response to resume: If-Range's value. */
static void
retry_validator(struct run *run, const struct xfer *x)
{
	const struct hfield	*f;

	run->validator[0] = '\0';
	if ((f = head_find(&x->h, "ETag")) != NULL && f->value.n > 2 &&
	    strncmp(f->value.p, "W/", 2) != 0)
		(void)head_value_copy(f, run->validator, sizeof(run->validator));
	else if ((f = head_find(&x->h, "Last-Modified")) != NULL)
		(void)head_value_copy(f, run->validator, sizeof(run->validator));
}

static void
retry_sleep(int64_t ms)
{
	struct timespec	 ts;

	ts.tv_sec = (time_t)(ms / 1000);
	ts.tv_nsec = (long)(ms % 1000) * 1000000;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		continue;
}

/*
 * The wait before the next attempt, in milliseconds, or -1 when none is
 * due: curl's rules (--retry-max-time only stops a retry once it has
 * passed, or when a Retry-After would take the run past it, which is
 * said unless quiet).
 */
static int64_t
retry_wait(const struct run *run, const struct xfer *x, enum retry_kind kind,
    int quiet)
{
	const struct hg_request	*rq = x->rq;
	int64_t			 ms, after, spent;

	/* a -C - that found no offset failed before any request */
	if (run->retries_left <= 0 || run->offset < 0 || kind == RETRY_NO)
		return -1;
	spent = (clock_us() - run->started) / 1000;
	if (rq->retry_max_time_ms > 0 && spent >= rq->retry_max_time_ms)
		return -1;
	ms = rq->retry_delay_ms > 0 ? rq->retry_delay_ms : run->backoff_ms;
	if (kind == RETRY_HTTP && (after = retry_after_ms(x)) > 0) {
		if (rq->retry_max_time_ms > 0 && spent / 1000 + after / 1000 >
		    rq->retry_max_time_ms / 1000) {
			if (!quiet)
				retry_warn(x, "The Retry-After: time would make "
				    "this command line exceed the maximum "
				    "allowed time for retries.");
			return -1;
		}
		ms = after;
	}
	return ms;
}

int
retry_coming(struct run *run, const struct xfer *x)
{
	/* decided now, kept for retry_next: the body is dropped on it */
	run->held_ms = retry_http_status(x->h.status) ?
	    retry_wait(run, x, RETRY_HTTP, 1) : -1;
	return run->held_ms >= 0;
}

int
retry_next(struct run *run, const struct xfer *x, enum herr rc,
    const struct hg_err *e)
{
	const struct hg_request	*rq = x->rq;
	enum retry_kind		 kind = retry_kind(x, rc, e);
	int64_t			 ms = run->held_ms;

	run->held_ms = -1;
	if (ms < 0 || kind != RETRY_HTTP)
		ms = retry_wait(run, x, kind, 0);
	if (ms < 0 || retry_outputs(run, x, kind) == -1)
		return 0;
	if (rc != HERR_OK && rq->attempt_failed != NULL)
		rq->attempt_failed(rq->report_arg, e);
	retry_warn(x, "Problem %s. Will retry in %lld seconds. %ld retries "
	    "left.", retry_words[kind], (long long)(ms / 1000),
	    run->retries_left--);
	run->last = *e;
	run->last.code = rc;
	if (run->resumable)
		retry_validator(run, x);
	retry_sleep(ms);
	if (rq->retry_delay_ms == 0 && (run->backoff_ms *= 2) >
	    HG_RETRY_MAX_DELAY_MS)
		run->backoff_ms = HG_RETRY_MAX_DELAY_MS;
	return 1;
}

enum herr
retry_cannot_resume(struct run *run, struct xfer *x, struct hg_err *e)
{
	if (run->offset == 0 && sink_restart(&x->body) == 0) {
		run->kept = 0;
		run->resumable = 0;
		x->offset = 0;
		return HERR_OK;		/* the whole body again, from the top */
	}
	retry_warn(x, "Not retrying: %llu bytes already went to the output "
	    "and cannot be taken back.", (unsigned long long)x->body.written);
	x->keep = 0;
	run->retries_left = 0;
	return hg_fail(e, run->last.code, "%s", run->last.msg);
}
