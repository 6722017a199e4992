/* cmd/breakdown.c: --timing and %{timing}, a transfer's phases one by one */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "breakdown.h"
#include "trace.h"

static const char *const phase_names[BREAKDOWN_PHASES] = {
	"DNS", "TCP connect", "TLS", "request sent", "time to first byte",
	"download"
};

/* The stamp each phase ends at, in order. */
static const enum hg_stamp phase_ends[BREAKDOWN_PHASES] = {
	HG_T_DNS, HG_T_TCP, HG_T_READY, HG_T_SENT, HG_T_REPLY, HG_T_END
};

/*
 * A phase that does not apply takes no time: a reused connection did no
 * lookup, connect or handshake, and a hop without TLS no handshake (a
 * proxy's CONNECT then counts in "request sent"; over TLS, in "TLS").
 */
static int
phase_applies(const struct hg_hop *h, int i)
{
	if (h->reused && i <= 2)
		return 0;
	return i != 2 || h->tls;
}

void
breakdown_hop(const struct hg_hop *h, int64_t us[BREAKDOWN_PHASES],
    int *stopped)
{
	int64_t	 last = h->t[HG_T_START], at;
	int	 i, j, later;

	*stopped = -1;
	for (i = 0; i < BREAKDOWN_PHASES; i++) {
		us[i] = -1;
		if (*stopped != -1 || !phase_applies(h, i))
			continue;
		at = h->t[phase_ends[i]];
		if (at == 0) {
			/* skipped, when a later phase was reached */
			for (later = 0, j = i + 1; j < BREAKDOWN_PHASES - 1;
			    j++)
				if (phase_applies(h, j) &&
				    h->t[phase_ends[j]] != 0)
					later = 1;
			if (later)
				continue;
			/* the hop ended here: the rest of its time */
			at = h->t[HG_T_END];
			if (h->failed)
				*stopped = i;
			else
				continue;
		}
		/* stamps out of order (a reply before the body went) */
		if (at < last)
			at = last;
		us[i] = at - last;
		last = at;
	}
	/* a body cut short: the download is where it failed */
	if (h->failed && *stopped == -1)
		for (i = BREAKDOWN_PHASES - 1; i >= 0 && *stopped == -1; i--)
			if (us[i] != -1)
				*stopped = i;
}

static int
put_ms(FILE *fp, const char *label, int indent, int64_t us,
    const char *note)
{
	if (us < 0)
		return fprintf(fp, "%*s%-*s %12s\n", indent, "", 20 - indent,
		    label, "-");
	return fprintf(fp, "%*s%-*s %8" PRId64 ".%03" PRId64 " ms%s\n",
	    indent, "", 20 - indent, label, us / 1000, us % 1000, note);
}

/* "hop N: URL (302)", "hops N-M: URL (200, reused connection)" */
static int
put_hop(FILE *fp, const struct hg_result *r, int n)
{
	const struct hg_hop	*h = &r->hops[n];
	const char		*url = "";
	char			*v, status[16];
	int			 rc, last = n == r->nhops - 1;

	if (h->url != SIZE_MAX && h->url < r->hop_urls.len)
		url = r->hop_urls.data + h->url;
	if ((v = trace_visdup(url, strlen(url))) == NULL)
		return -1;
	if (h->status == 0)
		(void)strlcpy(status, "no response", sizeof(status));
	else
		(void)snprintf(status, sizeof(status), "%d", h->status);
	if (last && r->hops_merged > 0)
		rc = fprintf(fp, "hops %d-%d: %s (%s%s)\n", n + 1,
		    n + 1 + r->hops_merged, v, status,
		    h->reused ? ", reused connection" : "");
	else
		rc = fprintf(fp, "hop %d: %s (%s%s)\n", n + 1, v, status,
		    h->reused ? ", reused connection" : "");
	free(v);
	return rc;
}

int
breakdown_print(FILE *fp, const struct hg_result *r)
{
	int64_t	 us[BREAKDOWN_PHASES], total = 0;
	int	 n, i, stopped;

	for (n = 0; n < r->nhops; n++) {
		const struct hg_hop	*h = &r->hops[n];

		if (put_hop(fp, r, n) < 0)
			return -1;
		breakdown_hop(h, us, &stopped);
		for (i = 0; i < BREAKDOWN_PHASES; i++)
			if (put_ms(fp, phase_names[i], 2, us[i],
			    i == stopped ? " (failed)" : "") < 0)
				return -1;
		total += h->t[HG_T_END] - h->t[HG_T_START];
	}
	if (put_ms(fp, "total", 0, total, "") < 0)
		return -1;
	return 0;
}
