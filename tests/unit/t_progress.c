/* tests/unit/t_progress.c: the meter's, the bar's and SIGUSR1's lines */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "progress.h"
#include "tap.h"

static const struct {
	uint64_t	 n;
	const char	*want;
} sizes[] = {
	{ 0, "0 B" },
	{ 1023, "1023 B" },
	{ 1024, "1.00 KiB" },
	{ 1536, "1.50 KiB" },
	{ 10 * 1024 - 1, "10.0 KiB" },
	{ 12345678, "11.8 MiB" },
	{ 999 * 1024, "999 KiB" },
	/* 1023.5 KiB would print as four digits: the next unit instead */
	{ 1048064, "1.00 MiB" },
	{ 1ULL << 40, "1.00 TiB" },
	{ UINT64_MAX, "16.0 EiB" },
};

static void
test_sizes(void)
{
	char	 b[32];
	size_t	 i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		progress_size(b, sizeof(b), sizes[i].n);
		TAP_OK(strcmp(b, sizes[i].want) == 0, "size %llu: '%s', "
		    "want '%s'", (unsigned long long)sizes[i].n, b,
		    sizes[i].want);
	}
}

/* A view: got of total (-1 unknown) at rate, elapsed ms, flags. */
static struct progress_view
view(uint64_t got, int64_t total, uint64_t rate, int64_t ms, int stalled,
    int done)
{
	struct progress_view	 v;

	memset(&v, 0, sizeof(v));
	v.got = got;
	v.total = total;
	v.rate = rate;
	v.elapsed_ms = ms;
	v.stalled = stalled;
	v.done = done;
	return v;
}

static const struct {
	struct progress_view	 v;
	int			 width;
	const char		*want;
} meters[] = {
	{ { 4435968, 10485760, 1268777, 3000, 0, 0 }, 80,
	    " 42.3%  4.23 MiB of 10.0 MiB  1.21 MiB/s  ETA 0:05" },
	/* 50 columns leave 49: one short, the size goes */
	{ { 4435968, 10485760, 1268777, 3000, 0, 0 }, 50,
	    " 42.3%  4.23 MiB  1.21 MiB/s  ETA 0:05" },
	{ { 4435968, 10485760, 1268777, 3000, 0, 0 }, 30,
	    " 42.3%  4.23 MiB  1.21 MiB/s" },
	{ { 4435968, 10485760, 1268777, 3000, 0, 0 }, 20,
	    " 42.3%  4.23 MiB" },
	/* narrower still: cut, never wrapped */
	{ { 4435968, 10485760, 1268777, 3000, 0, 0 }, 10, " 42.3%  4" },
	{ { 4435968, 10485760, 1268777, 3000, 1, 0 }, 80,
	    " 42.3%  4.23 MiB of 10.0 MiB  stalled  ETA --:--" },
	{ { 4435968, 10485760, 0, 3000, 0, 0 }, 80,
	    " 42.3%  4.23 MiB of 10.0 MiB  0 B/s  ETA --:--" },
	/* never 100.0% before the last byte */
	{ { 10485759, 10485760, 1000, 3000, 0, 0 }, 80,
	    " 99.9%  10.0 MiB of 10.0 MiB  1000 B/s  ETA 0:01" },
	{ { 10485760, 10485760, 1310720, 8000, 0, 1 }, 80,
	    "100.0%  10.0 MiB of 10.0 MiB  1.25 MiB/s  in 0:08" },
	/* the final line says the time even after a stall */
	{ { 100, 1000, 10, 3723000, 1, 1 }, 80,
	    " 10.0%  100 B of 1000 B  10 B/s  in 1:02:03" },
	{ { 0, 0, 0, 0, 0, 0 }, 80, "100.0%  0 B of 0 B  0 B/s  ETA --:--" },
	{ { 4435968, -1, 1268777, 3000, 0, 0 }, 80, "4.23 MiB  1.21 MiB/s" },
	{ { 4435968, -1, 1268777, 3000, 1, 0 }, 80, "4.23 MiB  stalled" },
	{ { 4435968, -1, 1268777, 3000, 0, 1 }, 80,
	    "4.23 MiB  1.21 MiB/s  in 0:03" },
	/* an hour and more to go; past 99 hours, unknown */
	{ { 0, 1000000000, 100000, 0, 0, 0 }, 80,
	    "  0.0%  0 B of 954 MiB  97.7 KiB/s  ETA 2:46:40" },
	{ { 0, 1000000000, 1, 0, 0, 0 }, 80,
	    "  0.0%  0 B of 954 MiB  1 B/s  ETA --:--" },
};

static void
test_meter(void)
{
	char	 b[512];
	size_t	 i, n;

	for (i = 0; i < sizeof(meters) / sizeof(meters[0]); i++) {
		n = progress_meter_line(b, sizeof(b), &meters[i].v,
		    meters[i].width);
		TAP_OK(strcmp(b, meters[i].want) == 0 && n == strlen(b),
		    "meter %zu: '%s', want '%s'", i, b, meters[i].want);
		TAP_OK((int)n < meters[i].width, "meter %zu fits %d: %zu", i,
		    meters[i].width, n);
	}
	/* a small buffer is never overrun and stays a string */
	n = progress_meter_line(b, 8, &meters[0].v, 80);
	TAP_OK(n == 7 && strcmp(b, " 42.3% ") == 0, "small buffer: '%s'",
	    b);
}

static void
test_bar(void)
{
	struct progress_view	 v;
	char			 b[512], want[512];
	size_t			 n;

	/* curl 7.88 at 60 columns, 30%: 15 of 53 marks, then " %5.1f%%" */
	v = view(30, 100, 0, 0, 0, 0);
	n = progress_bar_line(b, sizeof(b), &v, 60, 0);
	(void)snprintf(want, sizeof(want), "%-53s  30.0%%",
	    "###############");
	TAP_OK(n == 60 && strcmp(b, want) == 0, "bar 30%%: '%s'", b);
	v = view(100, 100, 0, 0, 0, 1);
	n = progress_bar_line(b, sizeof(b), &v, 40, 0);
	(void)snprintf(want, sizeof(want), "%s 100.0%%",
	    "#################################");
	TAP_OK(n == 40 && strcmp(b, want) == 0, "bar 100%%: '%s'", b);
	v = view(0, 100, 0, 0, 0, 0);
	n = progress_bar_line(b, sizeof(b), &v, 40, 0);
	(void)snprintf(want, sizeof(want), "%33s   0.0%%", "");
	TAP_OK(n == 40 && strcmp(b, want) == 0, "bar 0%%: '%s'", b);
	/* unknown size: the marker where it was put, one column spare */
	v = view(5, -1, 0, 0, 0, 0);
	n = progress_bar_line(b, sizeof(b), &v, 20, 3);
	TAP_OK(n == 19 && strcmp(b, "   -=O=-           ") == 0,
	    "bar unknown: '%s'", b);
	n = progress_bar_line(b, sizeof(b), &v, 20, 99);
	TAP_OK(n == 19 && strncmp(b, "-=O=-", 5) == 0, "bar clamped: '%s'",
	    b);
	/* too small a buffer for the width: nothing, not an overrun */
	n = progress_bar_line(b, 10, &v, 20, 0);
	TAP_OK(n == 0 && b[0] == '\0', "bar small buffer");
}

static void
test_status(void)
{
	struct progress_view	 v;
	char			 b[512];
	size_t			 n;

	v = view(4435968, 10485760, 1268777, 3250, 0, 0);
	n = progress_status_line(b, sizeof(b), &v, "http://h/f");
	TAP_OK(strcmp(b, "hget: 4435968 of 10485760 bytes (42.3%), "
	    "1.21 MiB/s, 3.2 s elapsed: http://h/f") == 0 && n == strlen(b),
	    "status: '%s'", b);
	v = view(12, -1, 0, 61000, 1, 0);
	n = progress_status_line(b, sizeof(b), &v, "http://h/\x1b[2J");
	TAP_OK(strcmp(b, "hget: 12 bytes, 0 B/s, 61.0 s elapsed: "
	    "http://h/\\033[2J") == 0 && n == strlen(b), "status vis: '%s'",
	    b);
	n = progress_status_line(b, 10, &v, "http://h/");
	TAP_OK(n == 9 && strlen(b) == 9, "status cut: '%s'", b);
}

static void
test_choose(void)
{
	/* off a terminal (the test's stderr may be one: only the "no"s) */
	TAP_OK(progress_choose(1, 1, 0, 1, 0) == PROGRESS_NONE, "-s");
	TAP_OK(progress_choose(0, 0, 0, 1, 0) == PROGRESS_NONE,
	    "--no-progress-meter");
	TAP_OK(progress_choose(0, 0, 1, 1, 0) == PROGRESS_NONE,
	    "--no-progress-meter -#");
	TAP_OK(progress_choose(0, 1, 0, 0, 0) == PROGRESS_NONE, "stdout");
	TAP_OK(progress_choose(0, 1, 0, 1, 1) == PROGRESS_NONE, "-v");
	if (isatty(STDERR_FILENO)) {
		TAP_OK(progress_choose(0, 1, 0, 1, 0) == PROGRESS_METER,
		    "meter");
		TAP_OK(progress_choose(0, 1, 1, 1, 0) == PROGRESS_BAR, "-#");
	} else
		TAP_OK(progress_choose(0, 1, 1, 1, 0) == PROGRESS_NONE,
		    "not a terminal");
}

int
main(void)
{
	test_sizes();
	test_meter();
	test_bar();
	test_status();
	test_choose();
	return tap_done();
}
