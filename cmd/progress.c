/* cmd/progress.c: the progress meter, curl's bar and the status line */
#include <sys/ioctl.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "trace.h"

/* Set by the handlers, read (and cleared) at the next callback. */
static volatile sig_atomic_t	 progress_winch = 1;
static volatile sig_atomic_t	 progress_usr1;
/* a line is on the terminal without its newline */
static volatile sig_atomic_t	 progress_onscreen;

static void
progress_on_winch(int sig)
{
	(void)sig;
	progress_winch = 1;
}

static void
progress_on_usr1(int sig)
{
	(void)sig;
	progress_usr1 = 1;
}

void
progress_signals(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	(void)sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sa.sa_handler = progress_on_winch;
	(void)sigaction(SIGWINCH, &sa, NULL);
	sa.sa_handler = progress_on_usr1;
	(void)sigaction(SIGUSR1, &sa, NULL);
#ifdef SIGINFO
	(void)sigaction(SIGINFO, &sa, NULL);
#endif
}

enum progress_mode
progress_choose(int silent, int meter, int bar, int to_file, int verbose)
{
	if (silent || !meter || !to_file || verbose || !isatty(STDERR_FILENO))
		return PROGRESS_NONE;
	return bar ? PROGRESS_BAR : PROGRESS_METER;
}

/*
 * Milliseconds.  The coarse clock is read without a system call (vDSO)
 * and ticks every few ms: enough for 5 redraws a second.
 */
static int64_t
progress_now(void)
{
	struct timespec	 ts;

#ifdef CLOCK_MONOTONIC_COARSE
	(void)clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
#else
	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
#endif
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The terminal's columns; COLUMNS when it will not say, else 80. */
static int
progress_width(int fd)
{
	struct winsize	 ws;
	const char	*s, *errstr;
	long long	 n = 0;

	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		n = ws.ws_col;
	else if ((s = getenv("COLUMNS")) != NULL) {
		n = strtonum(s, 1, 9999, &errstr);
		if (errstr != NULL)
			n = 0;
	}
	if (n == 0)
		n = 80;
	return n > PROGRESS_MAXWIDTH ? PROGRESS_MAXWIDTH : (int)n;
}

void
progress_size(char *dst, size_t len, uint64_t n)
{
	static const char *const units[] = {
		"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"
	};
	double		 v = (double)n;
	int		 u = -1;

	if (n < 1024) {
		(void)snprintf(dst, len, "%llu B", (unsigned long long)n);
		return;
	}
	/* three digits at most: 1.50, 12.3, 999; 1023.5 KiB reads 1.00 MiB */
	while (u < 5 && (u < 0 || v >= 999.5)) {
		v /= 1024;
		u++;
	}
	if (v < 9.995)
		(void)snprintf(dst, len, "%.2f %s", v, units[u]);
	else if (v < 99.95)
		(void)snprintf(dst, len, "%.1f %s", v, units[u]);
	else
		(void)snprintf(dst, len, "%.0f %s", v, units[u]);
}

/* "0:05", "1:02:03"; "--:--" past 99 hours */
static void
progress_clock(char *dst, size_t len, int64_t secs)
{
	if (secs < 0 || secs >= 100 * 3600)
		(void)snprintf(dst, len, "--:--");
	else if (secs >= 3600)
		(void)snprintf(dst, len, "%d:%02d:%02d", (int)(secs / 3600),
		    (int)(secs / 60 % 60), (int)(secs % 60));
	else
		(void)snprintf(dst, len, "%d:%02d", (int)(secs / 60),
		    (int)(secs % 60));
}

/* Tenths of a percent, never 100.0 before the last byte. */
static int
progress_permille(const struct progress_view *v)
{
	double	 f;

	if (v->total <= 0 || v->got >= (uint64_t)v->total)
		return 1000;
	f = 1000.0 * (double)v->got / (double)v->total;
	return f >= 999 ? 999 : (int)f;
}

size_t
progress_meter_line(char *dst, size_t len, const struct progress_view *v,
    int width)
{
	char	 pct[32] = "", got[32], total[48] = "", rate[48], eta[48] = "";
	char	 t[32];
	int	 n = 0, level, pm;

	if (len == 0)
		return 0;
	if (v->total >= 0) {
		pm = progress_permille(v);
		(void)snprintf(pct, sizeof(pct), "%3d.%d%%  ", pm / 10,
		    pm % 10);
		progress_size(t, sizeof(t), (uint64_t)v->total);
		(void)snprintf(total, sizeof(total), " of %s", t);
	}
	progress_size(got, sizeof(got), v->got);
	if (v->stalled && !v->done)
		(void)strlcpy(rate, "  stalled", sizeof(rate));
	else {
		progress_size(t, sizeof(t), v->rate);
		(void)snprintf(rate, sizeof(rate), "  %s/s", t);
	}
	if (v->done) {
		progress_clock(t, sizeof(t), v->elapsed_ms / 1000);
		(void)snprintf(eta, sizeof(eta), "  in %s", t);
	} else if (v->total >= 0) {
		progress_clock(t, sizeof(t), v->stalled || v->rate == 0 ? -1 :
		    (int64_t)(((uint64_t)v->total - (v->got < (uint64_t)
		    v->total ? v->got : (uint64_t)v->total) + v->rate - 1) /
		    v->rate));
		(void)snprintf(eta, sizeof(eta), "  ETA %s", t);
	}
	/* what gives way on a narrow terminal: the total, the ETA, the rate */
	for (level = 0; level < 4; level++) {
		n = snprintf(dst, len, "%s%s%s%s%s", pct, got,
		    level < 1 ? total : "", level < 3 ? rate : "",
		    level < 2 ? eta : "");
		if (n < 0) {
			dst[0] = '\0';
			return 0;
		}
		if (n < width)
			break;
	}
	if ((size_t)n >= len)
		n = (int)len - 1;
	if (width >= 1 && n > width - 1)
		n = width - 1;
	if (n < 0)
		n = 0;
	dst[n] = '\0';
	return (size_t)n;
}

size_t
progress_bar_line(char *dst, size_t len, const struct progress_view *v,
    int width, int bounce)
{
	double	 frac;
	int	 bar, hashes, i;

	if (width > PROGRESS_MAXWIDTH)
		width = PROGRESS_MAXWIDTH;
	if (width < 8 || len <= (size_t)width)
		return dst[0] = '\0', 0;
	if (v->total < 0) {
		/* no size to measure against: a marker going to and fro */
		memset(dst, ' ', (size_t)width - 1);
		if (bounce < 0 || bounce > width - 6)
			bounce = 0;
		memcpy(dst + bounce, "-=O=-", 5);
		dst[width - 1] = '\0';
		return (size_t)width - 1;
	}
	/* curl's layout: a "#" column per share, a blank, "%5.1f%%" */
	frac = v->total == 0 ? 1.0 : (double)v->got / (double)v->total;
	if (frac > 1.0)
		frac = 1.0;
	bar = width - 7;
	hashes = (int)(frac * bar);
	for (i = 0; i < bar; i++)
		dst[i] = i < hashes ? '#' : ' ';
	(void)snprintf(dst + bar, len - (size_t)bar, " %5.1f%%", frac * 100);
	return strlen(dst);
}

size_t
progress_status_line(char *dst, size_t len, const struct progress_view *v,
    const char *url)
{
	char	 rate[32];
	char	*vis;
	int	 pm, n;

	progress_size(rate, sizeof(rate), v->rate);
	if ((vis = trace_visdup(url, strlen(url))) == NULL)
		return dst[0] = '\0', 0;
	if (v->total >= 0) {
		pm = progress_permille(v);
		n = snprintf(dst, len, "hget: %llu of %lld bytes (%d.%d%%), "
		    "%s/s, %lld.%d s elapsed: %s", (unsigned long long)v->got,
		    (long long)v->total, pm / 10, pm % 10, rate,
		    (long long)(v->elapsed_ms / 1000),
		    (int)(v->elapsed_ms % 1000 / 100), vis);
	} else
		n = snprintf(dst, len, "hget: %llu bytes, %s/s, %lld.%d s "
		    "elapsed: %s", (unsigned long long)v->got, rate,
		    (long long)(v->elapsed_ms / 1000),
		    (int)(v->elapsed_ms % 1000 / 100), vis);
	free(vis);
	if (n < 0)
		return dst[0] = '\0', 0;
	return (size_t)n >= len ? len - 1 : (size_t)n;
}

void
progress_begin(struct progress *p, enum progress_mode mode, int status,
    const char *url)
{
	memset(p, 0, sizeof(*p));
	p->mode = mode;
	p->status = status;
	p->fd = STDERR_FILENO;
	p->url = url;
	p->dir = 1;
	p->total = -1;
	p->start = p->last_change = progress_now();
	p->samples[0].at = p->start;
	p->nsamples = 1;
	if (mode != PROGRESS_NONE) {
		progress_winch = 0;
		p->width = progress_width(p->fd);
	}
}

/* One write of the whole line: the terminal never shows half of it. */
static void
progress_write(struct progress *p, const char *s, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		w = write(p->fd, s, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return;		/* stderr gone: nothing to show */
		s += w;
		n -= (size_t)w;
	}
}

/* A sample a second; the rate is over the oldest kept (5 s). */
static uint64_t
progress_rate(struct progress *p, int64_t now)
{
	int64_t	 dt;
	int	 i;

	if (now - p->samples[p->nsamples - 1].at >= 1000) {
		if (p->nsamples == PROGRESS_SAMPLES) {
			for (i = 1; i < PROGRESS_SAMPLES; i++)
				p->samples[i - 1] = p->samples[i];
			p->nsamples--;
		}
		p->samples[p->nsamples].at = now;
		p->samples[p->nsamples].got = p->got;
		p->nsamples++;
	}
	dt = now - p->samples[0].at;
	if (dt <= 0 || p->got < p->samples[0].got)
		return 0;
	return (p->got - p->samples[0].got) * 1000 / (uint64_t)dt;
}

static void
progress_view(struct progress *p, int64_t now, int done,
    struct progress_view *v)
{
	memset(v, 0, sizeof(*v));
	v->got = p->got;
	v->total = p->total;
	v->elapsed_ms = now - p->start;
	v->done = done;
	v->stalled = now - p->last_change >= PROGRESS_STALL_MS;
	if (done)
		v->rate = v->elapsed_ms > 0 ? p->got * 1000 /
		    (uint64_t)v->elapsed_ms : p->got;
	else
		v->rate = progress_rate(p, now);
}

/* "\r", the line, blanks over what is left of a longer one. */
static void
progress_draw(struct progress *p, int64_t now, int done)
{
	struct progress_view	 v;
	char			 line[PROGRESS_MAXWIDTH * 2 + 2];
	size_t			 n, pad;

	if (progress_winch) {
		progress_winch = 0;
		p->width = progress_width(p->fd);
		/* blanks past the new width would wrap onto a second line */
		if (p->shown > (size_t)p->width - 1)
			p->shown = (size_t)p->width - 1;
	}
	progress_view(p, now, done, &v);
	line[0] = '\r';
	if (p->mode == PROGRESS_BAR) {
		n = progress_bar_line(line + 1, sizeof(line) - 1, &v,
		    p->width, p->bounce);
		if (p->total < 0 && !done) {
			if (p->bounce + p->dir < 0 ||
			    p->bounce + p->dir > p->width - 6)
				p->dir = -p->dir;
			p->bounce += p->dir;
		}
	} else
		n = progress_meter_line(line + 1, sizeof(line) - 1, &v,
		    p->width);
	n++;
	for (pad = n - 1; pad < p->shown && n < sizeof(line); pad++)
		line[n++] = ' ';
	p->shown = pad;
	progress_onscreen = 1;
	progress_write(p, line, n);
}

static void
progress_say_status(struct progress *p, int64_t now)
{
	struct progress_view	 v;
	char			 line[1024];
	size_t			 n;

	progress_view(p, now, 0, &v);
	/* over the meter, which is drawn again below it */
	n = 0;
	if (p->shown > 0)
		line[n++] = '\r';
	n += progress_status_line(line + n, sizeof(line) - 2, &v, p->url);
	while (p->shown > 0 && n - 1 < p->shown && n < sizeof(line) - 1)
		line[n++] = ' ';
	line[n++] = '\n';
	p->shown = 0;
	progress_onscreen = 0;
	progress_write(p, line, n);
}

void
progress_update(void *arg, uint64_t got, int64_t total)
{
	struct progress	*p = arg;
	int64_t		 now = progress_now();

	if (got != p->got) {
		p->got = got;
		p->last_change = now;
	}
	p->total = total;
	if (!p->active) {
		p->active = 1;
		p->next_draw = now;	/* the first line at once */
	}
	if (now < p->next_draw && !progress_usr1 &&
	    !(progress_winch && p->mode != PROGRESS_NONE))
		return;
	p->next_draw = now + PROGRESS_REDRAW_MS;
	if (progress_usr1) {
		progress_usr1 = 0;
		if (p->status)
			progress_say_status(p, now);
	}
	if (p->mode != PROGRESS_NONE)
		progress_draw(p, now, 0);
}

void
progress_end(struct progress *p)
{
	int64_t	 now = progress_now();

	if (p->active && p->mode != PROGRESS_NONE) {
		progress_draw(p, now, 1);
		progress_write(p, "\n", 1);
		p->shown = 0;
		progress_onscreen = 0;
	}
	if (progress_usr1) {
		progress_usr1 = 0;
		if (p->status)
			progress_say_status(p, now);
	}
	p->active = 0;
}

void
progress_signal_cleanup(void)
{
	if (progress_onscreen) {
		progress_onscreen = 0;
		(void)write(STDERR_FILENO, "\n", 1);
	}
}
