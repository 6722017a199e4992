/* src/pace.h: --limit-rate: hold a transfer to an average byte rate */
#ifndef HG_PACE_H
#define HG_PACE_H

#include <stddef.h>
#include <stdint.h>

struct pace {
	uint64_t	 rate;		/* bytes per second; 0 = no limit */
	int64_t		 start;		/* clock_us() of the first byte */
	uint64_t	 bytes;		/* since start */
};

void		 pace_init(struct pace *, uint64_t rate);
/*
 * How many bytes the next read or write may move: a twentieth of a
 * second's worth, so the rate holds over short transfers too (curl moves
 * a whole buffer, then sleeps: bursts on a short transfer).
 */
size_t		 pace_chunk(const struct pace *, size_t want);
/*
 * n bytes went by: sleep until the average is back down to the rate, but
 * never past deadline (microseconds, 0 = none).
 */
void		 pace_account(struct pace *, size_t n, int64_t deadline);

#endif
