/* cmd/breakdown.h: --timing and %{timing}, a transfer's phases one by one */
#ifndef HG_BREAKDOWN_H
#define HG_BREAKDOWN_H

#include <stdio.h>

#include "hget.h"

/*
 * Write r's phases, one block per hop and a total, as the man page shows
 * (section --timing).  Durations are whole microseconds printed in ms,
 * so the numbers add up to the total exactly.  -1 when writing failed.
 */
int	 breakdown_print(FILE *, const struct hg_result *);

/*
 * One hop's six phases (DNS, TCP connect, TLS, request sent, time to
 * first byte, download) in microseconds; -1 for a phase that does not
 * apply or was never reached.  *stopped is the phase the hop failed in,
 * or -1.  The durations that are not -1 add up to END - START.
 */
#define BREAKDOWN_PHASES	6
void	 breakdown_hop(const struct hg_hop *, int64_t us[BREAKDOWN_PHASES],
	    int *stopped);

#endif
