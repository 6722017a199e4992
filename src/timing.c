/* src/timing.c: each hop's phases as they end, and curl's time_* from them */
#include <string.h>

#include "timing.h"

static struct hg_hop *
timing_cur(struct hg_result *r)
{
	return r->nhops > 0 ? &r->hops[r->nhops - 1] : NULL;
}

/*
 * curl 7.88 (progress.c) keeps each time_* as a sum: every hop adds how
 * long after its own start the event came, at least 1 us.  With a
 * redirect, time_starttransfer is the hops' waits added up, not a stamp
 * on the whole transfer's clock.
 */
static void
timing_add(double *sum, int64_t at, int64_t start)
{
	int64_t	 us = at - start;

	if (at == 0)
		return;
	*sum += (double)(us < 1 ? 1 : us) / 1e6;
}

/* The current hop is over at now: its share of curl's sums. */
static void
timing_close(struct hg_result *r, int64_t now)
{
	struct hg_hop	*h = timing_cur(r);

	if (h == NULL || h->t[HG_T_END] != 0)
		return;
	h->t[HG_T_END] = now;
	timing_add(&r->time_namelookup, h->t[HG_T_DNS], r->hop_start);
	timing_add(&r->time_connect, h->t[HG_T_TCP], r->hop_start);
	if (h->tls)
		timing_add(&r->time_appconnect, h->t[HG_T_READY],
		    r->hop_start);
	timing_add(&r->time_pretransfer, h->t[HG_T_PRE], r->hop_start);
	timing_add(&r->time_posttransfer, h->t[HG_T_SENT], r->hop_start);
	timing_add(&r->time_starttransfer, h->t[HG_T_FIRST], r->hop_start);
}

void
timing_hop(struct hg_result *r, int64_t start, const char *url)
{
	struct hg_hop	*h;
	size_t		 off = r->hop_urls.len;

	timing_close(r, start);
	r->hop_start = start;
	if (r->nhops < HG_MAX_HOPS) {
		h = &r->hops[r->nhops++];
		memset(h, 0, sizeof(*h));
		h->t[HG_T_START] = start;
	} else {
		/* the last entry covers every hop from here: its START stays */
		h = &r->hops[r->nhops - 1];
		start = h->t[HG_T_START];
		memset(h, 0, sizeof(*h));
		h->t[HG_T_START] = start;
		r->hops_merged++;
	}
	/* a URL that does not fit is shown as none; the times still are */
	h->url = buf_add(&r->hop_urls, url, strlen(url) + 1) == 0 ? off :
	    SIZE_MAX;
}

void
timing_again(struct hg_result *r)
{
	struct hg_hop	*h = timing_cur(r);
	int64_t		 start;

	if (h == NULL)
		return;
	start = h->t[HG_T_START];
	memset(h->t, 0, sizeof(h->t));
	h->t[HG_T_START] = start;
	h->reused = 0;
}

void
timing_conn(struct hg_result *r, int reused, int tls, int64_t now)
{
	struct hg_hop	*h = timing_cur(r);

	if (h == NULL)
		return;
	h->reused = reused;
	h->tls = tls;
	if (reused)
		h->t[HG_T_DNS] = h->t[HG_T_TCP] = h->t[HG_T_READY] = now;
}

void
timing_mark(struct hg_result *r, enum hg_stamp k, int64_t now)
{
	struct hg_hop	*h = timing_cur(r);

	if (h == NULL || h->t[k] != 0)
		return;
	/* a 100 Continue or a proxy's answer is not the reply */
	if (k == HG_T_REPLY && h->t[HG_T_SENT] == 0)
		return;
	h->t[k] = now;
}

void
timing_status(struct hg_result *r, int status)
{
	struct hg_hop	*h = timing_cur(r);

	if (h != NULL)
		h->status = status;
}

void
timing_early(struct hg_result *r)
{
	struct hg_hop	*h = timing_cur(r);

	if (h == NULL || h->t[HG_T_FIRST] == 0)
		return;
	if (h->t[HG_T_SENT] == 0)
		h->t[HG_T_SENT] = h->t[HG_T_FIRST];
	if (h->t[HG_T_REPLY] == 0)
		h->t[HG_T_REPLY] = h->t[HG_T_FIRST];
}

void
timing_end(struct hg_result *r, int64_t now, int failed)
{
	struct hg_hop	*h = timing_cur(r);

	if (h == NULL)
		return;
	h->failed = failed;
	timing_close(r, now);
}
