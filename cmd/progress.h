/* cmd/progress.h: the progress meter, curl's bar and the status line */
#ifndef HG_PROGRESS_H
#define HG_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

enum progress_mode {
	PROGRESS_NONE,		/* nothing drawn (SIGUSR1 may still speak) */
	PROGRESS_METER,		/* hget's one line */
	PROGRESS_BAR		/* -#: curl's "####   12.3%" */
};

/* What one line shows: the pure formatters' input. */
struct progress_view {
	uint64_t	 got;		/* body bytes so far */
	int64_t		 total;		/* -1: unknown */
	uint64_t	 rate;		/* bytes per second */
	int64_t		 elapsed_ms;
	int		 stalled;	/* no byte for PROGRESS_STALL_MS */
	int		 done;		/* the final line: average rate, time */
};

#define PROGRESS_STALL_MS	5000
#define PROGRESS_REDRAW_MS	200	/* 5 redraws a second at most */
#define PROGRESS_SAMPLES	5	/* the rate is over the last 5 s */
#define PROGRESS_MAXWIDTH	256

/* The state of the transfer being watched; main keeps one. */
struct progress {
	enum progress_mode mode;
	int		 status;	/* SIGUSR1 lines wanted (not -s) */
	int		 fd;		/* the terminal: stderr */
	const char	*url;		/* for the status line */
	int		 width;		/* terminal columns */
	int		 active;	/* a callback came: a line is due */
	size_t		 shown;		/* columns of the line on screen */
	int		 bounce, dir;	/* -# without a total: the marker */
	int64_t		 start;		/* ms, CLOCK_MONOTONIC_COARSE */
	int64_t		 next_draw;
	int64_t		 last_change;	/* when got last grew */
	uint64_t	 got;
	int64_t		 total;
	struct {
		int64_t	 at;
		uint64_t got;
	}		 samples[PROGRESS_SAMPLES];
	int		 nsamples;
};

/*
 * SIGWINCH, SIGUSR1 and SIGINFO (where it exists) set flags read at the
 * next callback; nothing else happens in the handlers.
 */
void	 progress_signals(void);

/*
 * Watch one transfer.  mode is what the options and the terminal allow
 * (progress_choose); status: SIGUSR1 prints a line.  url is kept.
 */
void	 progress_begin(struct progress *, enum progress_mode, int status,
	    const char *url);
/*
 * The core's callback (hg_request.progress): arg is the struct progress.
 * Between redraws it reads the coarse clock and two flags, nothing else.
 */
void	 progress_update(void *arg, uint64_t got, int64_t total);
/* The transfer is over: the last line, then a newline. */
void	 progress_end(struct progress *);
/* For a handler about to end the process: the line ends.  Signal-safe. */
void	 progress_signal_cleanup(void);

/*
 * Which display: the meter (or -#'s bar) only when stderr is a terminal,
 * the body goes to a file (not stdout), and neither -s, nor
 * --no-progress-meter, nor -v (whose lines share the terminal) is given.
 */
enum progress_mode progress_choose(int silent, int meter, int bar,
	    int to_file, int verbose);

/*
 * The pure part: one line for v, at most width - 1 columns (the meter;
 * less room drops the total, then the ETA, then the rate), or exactly
 * width columns (curl's bar, whose marker for an unknown size sits at
 * column *bounce).  NUL-terminated; returns its length.
 */
size_t	 progress_meter_line(char *, size_t, const struct progress_view *,
	    int width);
size_t	 progress_bar_line(char *, size_t, const struct progress_view *,
	    int width, int bounce);
/* SIGUSR1's line (no newline); url is shown as given. */
size_t	 progress_status_line(char *, size_t, const struct progress_view *,
	    const char *url);
/* "512 B", "1.50 KiB", "12.3 MiB", "999 GiB" */
void	 progress_size(char *, size_t, uint64_t);

#endif
