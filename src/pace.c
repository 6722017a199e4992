/* src/pace.c: --limit-rate as an average held from the first byte on */
#include <errno.h>
#include <time.h>

#include "clock.h"
#include "pace.h"

/* pieces per second: small enough to be smooth, big enough to be cheap */
#define PACE_SLICES	20

void
pace_init(struct pace *p, uint64_t rate)
{
	p->rate = rate;
	p->start = 0;
	p->bytes = 0;
}

size_t
pace_chunk(const struct pace *p, size_t want)
{
	uint64_t	 slice;

	if (p->rate == 0)
		return want;
	slice = p->rate / PACE_SLICES;
	if (slice == 0)
		slice = 1;
	return slice < want ? (size_t)slice : want;
}

void
pace_account(struct pace *p, size_t n, int64_t deadline)
{
	struct timespec	 ts;
	int64_t		 now, due;

	if (p->rate == 0 || n == 0)
		return;
	now = clock_us();
	if (p->start == 0)
		p->start = now;
	p->bytes += n;
	/* when the bytes so far are due at the rate, in microseconds */
	due = p->start + (int64_t)((double)p->bytes * 1e6 / (double)p->rate);
	if (deadline != 0 && due > deadline)
		due = deadline;
	if (due <= now)
		return;
	ts.tv_sec = (time_t)((due - now) / 1000000);
	ts.tv_nsec = (long)((due - now) % 1000000) * 1000;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		continue;
}
