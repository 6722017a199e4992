/* tests/unit/t_timing.c: hop stamps -> curl's time_* and --timing's phases */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "breakdown.h"
#include "hget.h"
#include "tap.h"
#include "timing.h"

/* Seconds as whole microseconds, as -w prints them. */
static int64_t
us(double s)
{
	return (int64_t)(s * 1e6 + 0.5);
}

/*
 * A fresh connection (hop 1: 302 after 100 + 900 us of body), then the
 * same connection again (hop 2: 200).  Stamps in microseconds.
 */
static void
two_hops(struct hg_result *r, int fail)
{
	hg_result_init(r);
	timing_hop(r, 1000, "http://h/a");
	timing_conn(r, 0, 0, 1000);
	timing_mark(r, HG_T_DNS, 1010);
	timing_mark(r, HG_T_TCP, 1030);
	timing_mark(r, HG_T_READY, 1031);
	timing_mark(r, HG_T_PRE, 1040);
	timing_mark(r, HG_T_SENT, 1050);
	timing_mark(r, HG_T_FIRST, 1100);
	timing_mark(r, HG_T_REPLY, 1100);
	timing_mark(r, HG_T_FIRST, 1200);	/* only the first counts */
	timing_status(r, 302);
	timing_hop(r, 2000, "http://h/b");
	timing_conn(r, 1, 0, 2005);
	timing_mark(r, HG_T_PRE, 2010);
	timing_mark(r, HG_T_SENT, 2020);
	if (!fail) {
		timing_mark(r, HG_T_FIRST, 2500);
		timing_mark(r, HG_T_REPLY, 2500);
		timing_status(r, 200);
	}
	timing_end(r, 3000, fail);
}

static void
test_curl_sums(void)
{
	struct hg_result	 r;

	two_hops(&r, 0);
	TAP_OK(r.nhops == 2, "two hops: %d", r.nhops);
	/* each hop adds its own offset: 10 + 5, 30 + 5, 40 + 10, 100 + 500 */
	TAP_OK(us(r.time_namelookup) == 15, "namelookup %f", r.time_namelookup);
	TAP_OK(us(r.time_connect) == 35, "connect %f", r.time_connect);
	TAP_OK(us(r.time_pretransfer) == 50, "pretransfer %f",
	    r.time_pretransfer);
	TAP_OK(us(r.time_starttransfer) == 600, "starttransfer %f",
	    r.time_starttransfer);
	TAP_OK(r.time_appconnect == 0, "no TLS: appconnect 0");
	TAP_OK(r.hops[0].t[HG_T_END] == 2000 && r.hops[1].t[HG_T_END] ==
	    3000, "hops end where the next begins");
	hg_result_free(&r);
}

static void
test_tls_and_min(void)
{
	struct hg_result	 r;

	hg_result_init(&r);
	timing_hop(&r, 500, "https://h/");
	timing_conn(&r, 0, 1, 500);
	/* curl counts at least 1 us for an event */
	timing_mark(&r, HG_T_DNS, 500);
	timing_mark(&r, HG_T_TCP, 520);
	timing_mark(&r, HG_T_READY, 700);
	timing_end(&r, 900, 1);
	TAP_OK(us(r.time_namelookup) == 1, "1 us at least: %f",
	    r.time_namelookup);
	TAP_OK(us(r.time_appconnect) == 200, "appconnect %f",
	    r.time_appconnect);
	TAP_OK(r.time_starttransfer == 0, "no byte: starttransfer 0");
	hg_result_free(&r);
}

/* The phases of every hop add up to the whole. */
static int64_t
phase_sum(const struct hg_result *r)
{
	int64_t	 v[BREAKDOWN_PHASES], sum = 0;
	int	 n, i, stopped;

	for (n = 0; n < r->nhops; n++) {
		breakdown_hop(&r->hops[n], v, &stopped);
		for (i = 0; i < BREAKDOWN_PHASES; i++)
			if (v[i] > 0)
				sum += v[i];
	}
	return sum;
}

static void
test_phases(void)
{
	struct hg_result	 r;
	int64_t			 v[BREAKDOWN_PHASES];
	int			 stopped;

	two_hops(&r, 0);
	breakdown_hop(&r.hops[0], v, &stopped);
	TAP_OK(v[0] == 10 && v[1] == 20 && v[2] == -1 && v[3] == 20 &&
	    v[4] == 50 && v[5] == 900 && stopped == -1,
	    "hop 1: %lld %lld %lld %lld %lld %lld", (long long)v[0],
	    (long long)v[1], (long long)v[2], (long long)v[3],
	    (long long)v[4], (long long)v[5]);
	breakdown_hop(&r.hops[1], v, &stopped);
	TAP_OK(v[0] == -1 && v[1] == -1 && v[2] == -1 && v[3] == 20 &&
	    v[4] == 480 && v[5] == 500 && stopped == -1,
	    "hop 2 (reused): %lld %lld %lld", (long long)v[3],
	    (long long)v[4], (long long)v[5]);
	TAP_OK(phase_sum(&r) == 2000, "sum %lld", (long long)phase_sum(&r));
	hg_result_free(&r);

	/* failed waiting for the reply: that phase takes the rest */
	two_hops(&r, 1);
	breakdown_hop(&r.hops[1], v, &stopped);
	TAP_OK(stopped == 4 && v[4] == 980 && v[5] == -1,
	    "stopped in time to first byte: %d %lld", stopped,
	    (long long)v[4]);
	TAP_OK(phase_sum(&r) == 2000, "failed sum %lld",
	    (long long)phase_sum(&r));
	hg_result_free(&r);

	/* failed in the middle of the body */
	hg_result_init(&r);
	timing_hop(&r, 0 + 1, "http://h/");
	timing_conn(&r, 0, 1, 1);
	timing_mark(&r, HG_T_DNS, 2);
	timing_mark(&r, HG_T_TCP, 3);
	timing_mark(&r, HG_T_READY, 10);
	timing_mark(&r, HG_T_SENT, 11);
	timing_mark(&r, HG_T_REPLY, 20);
	timing_end(&r, 100, 1);
	breakdown_hop(&r.hops[0], v, &stopped);
	TAP_OK(stopped == 5 && v[2] == 7 && v[5] == 80,
	    "failed in the download: %d", stopped);
	hg_result_free(&r);

	/* a 100 Continue came before the body went: not the reply */
	hg_result_init(&r);
	timing_hop(&r, 1, "http://h/");
	timing_conn(&r, 0, 0, 1);
	timing_mark(&r, HG_T_DNS, 2);
	timing_mark(&r, HG_T_TCP, 3);
	timing_mark(&r, HG_T_READY, 3);
	timing_mark(&r, HG_T_FIRST, 50);
	timing_mark(&r, HG_T_REPLY, 50);
	timing_mark(&r, HG_T_SENT, 60);
	timing_mark(&r, HG_T_REPLY, 90);
	timing_end(&r, 100, 0);
	breakdown_hop(&r.hops[0], v, &stopped);
	TAP_OK(v[3] == 57 && v[4] == 30 && v[5] == 10,
	    "100 Continue: %lld %lld %lld", (long long)v[3],
	    (long long)v[4], (long long)v[5]);
	TAP_OK(us(r.time_starttransfer) == 49, "starttransfer at the 100");
	hg_result_free(&r);
}

static void
test_merged(void)
{
	struct hg_result	 r;
	int			 i;

	hg_result_init(&r);
	for (i = 0; i < HG_MAX_HOPS + 5; i++) {
		timing_hop(&r, 100 * (i + 1), "http://h/");
		timing_conn(&r, 1, 0, 100 * (i + 1));
		timing_mark(&r, HG_T_FIRST, 100 * (i + 1) + 10);
	}
	timing_end(&r, 100 * (HG_MAX_HOPS + 6), 0);
	TAP_OK(r.nhops == HG_MAX_HOPS && r.hops_merged == 5,
	    "merged: %d %d", r.nhops, r.hops_merged);
	TAP_OK(phase_sum(&r) == 100 * (HG_MAX_HOPS + 5), "merged sum %lld",
	    (long long)phase_sum(&r));
	TAP_OK(us(r.time_starttransfer) == 10 * (HG_MAX_HOPS + 5),
	    "every hop summed: %f", r.time_starttransfer);
	hg_result_free(&r);
}

static void
test_print(void)
{
	struct hg_result	 r;
	char			*text = NULL;
	size_t			 len = 0;
	FILE			*fp;
	int			 rc;

	two_hops(&r, 0);
	if ((fp = open_memstream(&text, &len)) == NULL) {
		perror("open_memstream");
		exit(2);
	}
	rc = breakdown_print(fp, &r);
	(void)fclose(fp);
	TAP_OK(rc == 0 && strcmp(text,
	    "hop 1: http://h/a (302)\n"
	    "  DNS                       0.010 ms\n"
	    "  TCP connect               0.020 ms\n"
	    "  TLS                           -\n"
	    "  request sent              0.020 ms\n"
	    "  time to first byte        0.050 ms\n"
	    "  download                  0.900 ms\n"
	    "hop 2: http://h/b (200, reused connection)\n"
	    "  DNS                           -\n"
	    "  TCP connect                   -\n"
	    "  TLS                           -\n"
	    "  request sent              0.020 ms\n"
	    "  time to first byte        0.480 ms\n"
	    "  download                  0.500 ms\n"
	    "total                       2.000 ms\n") == 0, "print:\n%s",
	    text);
	free(text);
	hg_result_free(&r);

	text = NULL;
	two_hops(&r, 1);
	if ((fp = open_memstream(&text, &len)) == NULL) {
		perror("open_memstream");
		exit(2);
	}
	rc = breakdown_print(fp, &r);
	(void)fclose(fp);
	TAP_OK(rc == 0 && strstr(text, "hop 2: http://h/b (no response, "
	    "reused connection)\n") != NULL && strstr(text,
	    "  time to first byte        0.980 ms (failed)\n"
	    "  download                      -\n") != NULL, "failed:\n%s",
	    text);
	free(text);
	hg_result_free(&r);
}

int
main(void)
{
	test_curl_sums();
	test_tls_and_min();
	test_phases();
	test_merged();
	test_print();
	return tap_done();
}
