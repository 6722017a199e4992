/* src/timing.h: each hop's phases as they end, and curl's time_* from them */
#ifndef HG_TIMING_H
#define HG_TIMING_H

#include <stdint.h>

#include "hget.h"

/*
 * A hop begins at start (the transfer's own start for the first): the
 * one before it ends there.  url is the hop's, for --timing.
 */
void		 timing_hop(struct hg_result *, int64_t start, const char *url);
/* The hop starts over on a fresh connection: its stamps but START go. */
void		 timing_again(struct hg_result *);
/*
 * The hop's connection is picked: a kept-alive one (reused) has its
 * name, TCP and TLS stamped at once, as curl stamps them.
 */
void		 timing_conn(struct hg_result *, int reused, int tls,
		    int64_t now);
/* A phase ended (the first time counts; REPLY only after SENT). */
void		 timing_mark(struct hg_result *, enum hg_stamp, int64_t now);
void		 timing_status(struct hg_result *, int status);
/* A final answer came before the body went: it is the reply. */
void		 timing_early(struct hg_result *);
/*
 * The transfer is over: the last hop ends at now, and time_namelookup,
 * time_connect, time_appconnect, time_pretransfer and time_starttransfer
 * hold what curl reports (each hop's stamp from the hop's start, summed
 * over the hops).
 */
void		 timing_end(struct hg_result *, int64_t now, int failed);

#endif
