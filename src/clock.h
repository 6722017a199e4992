/* src/clock.h: monotonic time and the one deadline a transfer runs under */
#ifndef HG_CLOCK_H
#define HG_CLOCK_H

#include <stdint.h>
#include <time.h>

/* Microseconds on the monotonic clock. */
static inline int64_t
clock_us(void)
{
	struct timespec	 ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/*
 * Milliseconds left before the deadline (microseconds, 0 = none) for
 * poll(2): -1 means wait forever, 0 means it has passed.
 */
static inline int
clock_poll_ms(int64_t deadline_us)
{
	int64_t	 left;

	if (deadline_us == 0)
		return -1;
	left = deadline_us - clock_us();
	if (left <= 0)
		return 0;
	left = (left + 999) / 1000;
	return left > INT32_MAX ? INT32_MAX : (int)left;
}

/* The earlier of two deadlines, where 0 means none. */
static inline int64_t
clock_min(int64_t a, int64_t b)
{
	if (a == 0)
		return b;
	if (b == 0)
		return a;
	return a < b ? a : b;
}

#endif
