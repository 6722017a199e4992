/*
 * tests/server/hgserve.c: scripted loopback HTTP server for the bats tests.
 *
 * usage: hgserve [-b] [-B bytes] [-d dir] [-f script] [-l log] [-n conns]
 *	    [-P pidfile] [-p port] [-t secs] [step ...]
 *
 * hgserve listens on 127.0.0.1 (an ephemeral port unless -p), prints the
 * port on stdout and replays raw response files, one "step" per request,
 * in the order given.  It knows just enough HTTP/1.1 to find where a
 * request ends (the head up to the empty line, then a Content-Length or
 * chunked body, RFC 9112 §6.3) and never interprets anything else: the
 * point is to send exactly the bytes a test wants, and to record exactly
 * the bytes the client sent.
 *
 *   -b		background: the parent prints the port and exits once the
 *		listener is ready (connections queue from then on); the child
 *		serves with stdin/stdout on /dev/null, stderr on the log and
 *		every other descriptor closed (bats waits for fd 3).
 *   -B bytes	record at most this many bytes of each request body (as
 *		sent: chunked framing included) in dir/req.N; the head is
 *		always recorded whole.  -B 0 records heads only.
 *   -d dir	record request N byte for byte in dir/req.N (numbered from 1
 *		in the order requests start, over all connections), and keep
 *		the number of accepted connections in dir/conns.  When the
 *		request ends (complete, cut short, or at exit) also write
 *		dir/req.N.sum, what `cksum <body` prints for the decoded
 *		body ("CRC LENGTH", POSIX cksum), then dir/req.N.len, its
 *		decoded length in decimal (chunked: the sum of the chunk
 *		sizes), each with a newline.  .len comes last: once it
 *		exists the request is over and every record of it is
 *		complete.
 *   -f script	read steps from a file, one a line, in place of the option;
 *		empty lines and lines starting with '#' are skipped.
 *   -l log	append the event log (stderr) to this file.
 *   -n conns	accept at most this many connections, then exit once they
 *		are all closed.
 *   -P pidfile	write the serving process id here; removed at exit, also
 *		when killed by SIGTERM, SIGINT or SIGHUP.
 *   -p port	listen on this port instead of an ephemeral one.
 *   -t secs	exit after this many seconds whatever happens (default 10).
 *
 * Options and steps may come in any order ("--" ends options); an option
 * is "-" and one letter, its value attached or next.
 *
 * A step is FILE[,directive...].  FILE holds the raw response bytes (status
 * line, fields, body, all of it, CRLF as in the file); "-" means no bytes.
 * Every "@PORT@" in FILE is replaced by the listening port so a Location
 * can name this server (mind Content-Length if it is in a body).
 *
 * When a request is complete, the next step answers it: its bytes are sent
 * and the connection stays open for the next request (keep-alive), unless
 * a directive says otherwise.  A request arriving when no step is left is
 * recorded and the connection is closed without an answer.  The connection
 * is closed when the client closes it.  Directives:
 *
 *   close	shut the connection (FIN) after sending
 *   reset	send the bytes, wait until they are acknowledged, then abort
 *		the connection with RST (SO_LINGER 0)
 *   empty	send nothing and close: an empty reply
 *   reset-now	send nothing and RST
 *   hang	send the bytes (normally FILE is "-"), then ignore the
 *		connection and keep it open until the time limit
 *   noread	when a connection is accepted and this is the next step, send
 *		it at once, before any request; the connection's first request
 *		is then recorded but answered by nothing
 *   head	answer as soon as the head of a request with a body has
 *		arrived, Expect or not; the rest of the request is still read
 *		and recorded, and answered by the next step.  "FILE,head -"
 *		is an early answer that keeps the connection open
 *   continue	like head, but only for a head with "Expect: 100-continue"
 *		(FILE is then an interim response such as continue.http);
 *		for a head without it, or a request that is already complete
 *		(no body), the step is skipped and the next one answers.  To
 *		leave an Expect unanswered, so the client's wait runs out,
 *		use a plain step: it answers once the body is in
 *   early	answer as soon as the head of a request with a body has
 *		arrived, as that request's final response (417, 401, 413),
 *		then close (FIN); what the client still sends of the body
 *		is read and recorded (req.N, .len, .sum) until it ends or
 *		the client closes, and is not answered again.  A request
 *		without a body is answered by it as by any step, then closed
 *   delay=MS	wait MS milliseconds before sending
 *   split=N	send in writes of N bytes, with a pause between them
 *   gap=MS	the pause between split writes (default 10)
 *   trickle=MS	send one byte every MS milliseconds (split=1,gap=MS)
 *   truncate=N	send only the first N bytes, then close (or RST with reset,
 *		or hang with hang)
 *
 * The log (stderr, or -l) has one line per event, stamped in milliseconds
 * since start: "conn 1: accepted", "conn 1: step 2: FILE,split=10",
 * "conn 1: sent 70 of 70 bytes in 7 writes", "conn 1: closed (FIN)",
 * "exiting: time limit; ...".  Tests may grep it to see how a response
 * went out; the bytes themselves are checked with the records.
 *
 * After close, the server half-closes and reads (and drops) what the
 * client still sends until it closes, so unread input never turns the FIN
 * into an RST; a hung connection is read and dropped the same way.  Only
 * a request answered at its head (head,close or early) goes on being
 * parsed and recorded after the FIN.
 *
 * Uploads up to a few GiB keep up with the loopback: input is read in
 * 256 KiB blocks, a body costs its checksum (slicing-by-8 CRC) and, up to
 * -B, a write to its record, and memory stays flat whatever its size.
 *
 * Everything is bounded: the time limit stops every wait and every write,
 * reads go through one fixed buffer, a request head is capped, a body is
 * counted (4 GiB at most, decoded), and a client that goes away costs a
 * log line (SIGPIPE ignored).
 * Bad usage exits 2 with a message; a socket that cannot be set up, 1.
 */

#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define SRV_MAX_STEPS	1024
#define SRV_MAX_FILE	(64 * 1024 * 1024)	/* one response file */
#define SRV_MAX_TOTAL	(256 * 1024 * 1024)	/* all of them */
#define SRV_MAX_CONNS	64			/* open at once */
#define SRV_MAX_HEAD	(1024 * 1024)		/* a request head */
#define SRV_MAX_LINES	(64 * 1024)		/* chunk-size lines, trailers */
#define SRV_MAX_BODY	((uint64_t)1 << 32)	/* a request body, decoded */
#define SRV_MAX_HEX	16			/* digits in a chunk size */
#define SRV_MAX_SECS	3600
#define SRV_MAX_MS	600000
#define SRV_FIELD	256		/* bytes of a field line kept to parse */
#define SRV_IOBUF	(256 * 1024)	/* one read(2) of request bytes */
#define SRV_GAP_MS	10
#define SRV_ACK_MS	1000		/* longest wait for an ACK before RST */
#define SRV_SECS	10
#define SRV_SCRIPT_LINE	4096

enum {
	ST_CLOSE = 1 << 0,
	ST_RESET = 1 << 1,
	ST_SILENT = 1 << 2,
	ST_HANG = 1 << 3,
	ST_NOREAD = 1 << 4,
	ST_HEAD = 1 << 5,
	ST_CONTINUE = 1 << 6,
	ST_EARLY = 1 << 7
};

struct step {
	char		*spec;		/* as given, for the log */
	char		*bytes;
	size_t		 len;
	size_t		 piece;		/* bytes per write; 0: all at once */
	long long	 gap_ms;
	long long	 delay_ms;
	size_t		 truncate;	/* SIZE_MAX: send the whole file */
	int		 flags;
};

enum directive_id {
	D_CLOSE, D_CONTINUE, D_DELAY, D_EARLY, D_EMPTY, D_GAP, D_HANG, D_HEAD,
	D_NOREAD, D_RESET, D_RESET_NOW, D_SPLIT, D_TRICKLE, D_TRUNCATE
};

static const struct directive {
	enum directive_id id;
	const char	*name;
	const char	*arg;		/* takes =arg; NULL: no value */
	long long	 min, max;
	const char	*help;
} directives[] = {
	{ D_CLOSE, "close", NULL, 0, 0, "shut the connection after sending" },
	{ D_CONTINUE, "continue", NULL, 0, 0,
	    "send on a head with Expect: 100-continue; else skip" },
	{ D_DELAY, "delay", "MS", 0, SRV_MAX_MS, "wait MS ms before sending" },
	{ D_EARLY, "early", NULL, 0, 0,
	    "final answer on a head with a body, then close" },
	{ D_EMPTY, "empty", NULL, 0, 0, "send nothing and close" },
	{ D_GAP, "gap", "MS", 0, SRV_MAX_MS,
	    "pause MS ms between split writes (default 10)" },
	{ D_HANG, "hang", NULL, 0, 0,
	    "after sending, keep the connection open and idle" },
	{ D_HEAD, "head", NULL, 0, 0,
	    "answer as soon as a request's head is in" },
	{ D_NOREAD, "noread", NULL, 0, 0,
	    "send on accept, before any request" },
	{ D_RESET, "reset", NULL, 0, 0, "send, then abort with RST" },
	{ D_RESET_NOW, "reset-now", NULL, 0, 0, "send nothing and RST" },
	{ D_SPLIT, "split", "N", 1, SRV_MAX_FILE, "send in N-byte writes" },
	{ D_TRICKLE, "trickle", "MS", 1, SRV_MAX_MS,
	    "send one byte every MS ms" },
	{ D_TRUNCATE, "truncate", "N", 0, SRV_MAX_FILE,
	    "send only the first N bytes, then close" },
};

/* Where the request parser is; RFC 9112 §2.1, §6.3, §7.1. */
enum rq_state {
	RQ_HEAD, RQ_BODY, RQ_CHUNK_SIZE, RQ_CHUNK_EXT, RQ_CHUNK_DATA,
	RQ_CHUNK_END, RQ_TRAILER
};

/* What the parser stopped for. */
enum rq_event { EV_MORE, EV_HEAD, EV_DONE, EV_BAD };

struct req {
	int		 active;	/* a request has started */
	int		 fd;		/* dir/req.N, or -1 */
	unsigned	 num;
	enum rq_state	 st;
	size_t		 count;		/* bytes in head, or in size lines */
	char		 line[SRV_FIELD];
	size_t		 linelen;	/* whole line, even past line[] */
	int		 started;	/* a non-empty line was seen */
	int		 chunked;
	int		 bad_length;
	int		 expect;	/* Expect: 100-continue */
	uint64_t	 clen;
	uint64_t	 left;		/* of the body or the chunk */
	uint64_t	 body;		/* body bytes so far, decoded */
	uint32_t	 crc;		/* cksum of those, so far */
	uint64_t	 recorded;	/* raw body bytes written to fd */
	int		 hex;		/* digits in the chunk size */
};

enum conn_state { CS_FREE, CS_READ, CS_HANG, CS_DRAIN };

struct conn {
	enum conn_state	 st;
	int		 fd;
	unsigned	 id;
	unsigned	 prepaid;	/* requests answered before they came */
	uint64_t	 ignored;	/* bytes read and thrown away */
	struct req	 rq;
};

struct srv {
	struct step	*steps;
	size_t		 nsteps;
	size_t		 next;		/* the step that answers next */
	size_t		 total;		/* bytes of all step files */
	const char	*dir;
	long long	 maxrec;	/* -B: body bytes to record; -1: all */
	const char	*pidfile;
	const char	*logfile;
	int		 lfd;
	unsigned	 port;
	int		 bg;		/* -b */
	unsigned	 maxconns;	/* 0: no limit */
	unsigned	 naccepted;
	unsigned	 nreqs;
	long long	 secs;
	int64_t		 start;
	int64_t		 deadline;
	struct conn	 conns[SRV_MAX_CONNS];
};

enum close_how { CLOSE_FIN, CLOSE_NOW, CLOSE_RST };

static void	usage(void) __attribute__((noreturn));
static void	die(int, const char *, ...)
		    __attribute__((noreturn, format(printf, 2, 3)));
static void	slog(const struct srv *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static void	rq_end(const struct srv *, struct req *);

static const char *progname = "hgserve";
static const char *pidfile_path;	/* for the signal handler */

static void
usage(void)
{
	const struct directive	*d;
	size_t			 i;
	int			 n;

	fprintf(stderr, "usage: %s [-b] [-B bytes] [-d dir] [-f script] "
	    "[-l log] [-n conns]\n"
	    "\t[-P pidfile] [-p port] [-t secs] [step ...]\n"
	    "step: FILE[,directive...]; FILE \"-\" is no bytes\n"
	    "directives:\n", progname);
	for (i = 0; i < sizeof(directives) / sizeof(directives[0]); i++) {
		d = &directives[i];
		n = fprintf(stderr, "  %s%s%s", d->name, d->arg ? "=" : "",
		    d->arg ? d->arg : "");
		fprintf(stderr, "%*s%s\n", n < 16 ? 16 - n : 1, "", d->help);
	}
	exit(2);
}

static void
die(int code, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

static int64_t
now_ms(void)
{
	struct timespec	 ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		die(1, "clock_gettime: %s", strerror(errno));
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One line per event, stamped with milliseconds since start. */
static void
slog(const struct srv *s, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "hgserve %6lld ", (long long)(now_ms() - s->start));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

/* Sleeps ms milliseconds, but never past the time limit. */
static void
pause_ms(const struct srv *s, long long ms)
{
	int64_t		 until, t;
	struct timespec	 ts;

	until = now_ms() + ms;
	if (until > s->deadline)
		until = s->deadline;
	while ((t = now_ms()) < until) {
		ts.tv_sec = (until - t) / 1000;
		ts.tv_nsec = (long)((until - t) % 1000) * 1000000;
		if (nanosleep(&ts, NULL) == -1 && errno != EINTR)
			return;
	}
}

/* Step files */

static char *
xstrdup(const char *p)
{
	char	*q;

	if ((q = strdup(p)) == NULL)
		die(1, "out of memory");
	return q;
}

static void
step_load(struct srv *s, struct step *st, const char *path)
{
	struct stat	 sb;
	ssize_t		 n;
	int		 fd;

	if (strcmp(path, "-") == 0)
		return;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		die(2, "%s: %s", path, strerror(errno));
	if (fstat(fd, &sb) == -1)
		die(2, "%s: %s", path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		die(2, "%s: not a regular file", path);
	if (sb.st_size > SRV_MAX_FILE ||
	    (size_t)sb.st_size > SRV_MAX_TOTAL - s->total)
		die(2, "%s: file too big", path);
	st->len = (size_t)sb.st_size;
	s->total += st->len;
	if ((st->bytes = malloc(st->len + 1)) == NULL)
		die(1, "out of memory");
	for (n = 0; (size_t)n < st->len; ) {
		ssize_t	 r = read(fd, st->bytes + n, st->len - n);

		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			die(2, "%s: %s", path, r == 0 ? "file shrank" :
			    strerror(errno));
		n += r;
	}
	close(fd);
}

static const struct directive *
directive_find(const char *name, size_t len)
{
	size_t	 i;

	for (i = 0; i < sizeof(directives) / sizeof(directives[0]); i++)
		if (strlen(directives[i].name) == len &&
		    strncmp(directives[i].name, name, len) == 0)
			return &directives[i];
	return NULL;
}

static void
step_apply(struct step *st, enum directive_id id, long long v)
{
	switch (id) {
	case D_CLOSE:
		st->flags |= ST_CLOSE;
		break;
	case D_CONTINUE:
		st->flags |= ST_CONTINUE;
		break;
	case D_DELAY:
		st->delay_ms = v;
		break;
	case D_EARLY:
		st->flags |= ST_EARLY | ST_CLOSE;
		break;
	case D_EMPTY:
		st->flags |= ST_SILENT | ST_CLOSE;
		break;
	case D_GAP:
		st->gap_ms = v;
		break;
	case D_HANG:
		st->flags |= ST_HANG;
		break;
	case D_HEAD:
		st->flags |= ST_HEAD;
		break;
	case D_NOREAD:
		st->flags |= ST_NOREAD;
		break;
	case D_RESET:
		st->flags |= ST_RESET;
		break;
	case D_RESET_NOW:
		st->flags |= ST_SILENT | ST_RESET;
		break;
	case D_SPLIT:
		st->piece = (size_t)v;
		break;
	case D_TRICKLE:
		st->piece = 1;
		st->gap_ms = v;
		break;
	case D_TRUNCATE:
		st->truncate = (size_t)v;
		st->flags |= ST_CLOSE;
		break;
	}
}

/* Parses one directive, "name" or "name=N", into st. */
static void
step_directive(struct step *st, const char *d)
{
	const struct directive	*dp;
	const char		*eq, *errstr;
	long long		 v = 0;

	eq = strchr(d, '=');
	dp = directive_find(d, eq != NULL ? (size_t)(eq - d) : strlen(d));
	if (dp == NULL)
		die(2, "%s: unknown directive \"%s\"", st->spec, d);
	if ((dp->arg != NULL) != (eq != NULL))
		die(2, "%s: directive \"%s\" %s%s", st->spec, dp->name,
		    dp->arg != NULL ? "needs =" : "takes no value",
		    dp->arg != NULL ? dp->arg : "");
	if (eq != NULL) {
		v = strtonum(eq + 1, dp->min, dp->max, &errstr);
		if (errstr != NULL)
			die(2, "%s: %s=%s is %s", st->spec, dp->name, eq + 1,
			    errstr);
	}
	step_apply(st, dp->id, v);
}

static void
step_add(struct srv *s, const char *spec)
{
	struct step	*st;
	char		*copy, *rest, *d;

	if (s->nsteps == SRV_MAX_STEPS)
		die(2, "more than %d steps", SRV_MAX_STEPS);
	st = &s->steps[s->nsteps++];
	memset(st, 0, sizeof(*st));
	st->spec = xstrdup(spec);
	st->truncate = SIZE_MAX;
	st->gap_ms = SRV_GAP_MS;
	rest = copy = xstrdup(spec);
	d = strsep(&rest, ",");
	if (*d == '\0')
		die(2, "%s: no file", spec);
	while (rest != NULL) {
		char	*dir = strsep(&rest, ",");

		if (*dir == '\0')
			die(2, "%s: empty directive", spec);
		step_directive(st, dir);
	}
	step_load(s, st, d);
	free(copy);
}

/* A script file: one step a line; blank lines and # comments skipped. */
static void
script_load(struct srv *s, const char *path)
{
	char	 line[SRV_SCRIPT_LINE];
	FILE	*fp;
	size_t	 n;
	int	 lineno = 0;

	if ((fp = fopen(path, "r")) == NULL)
		die(2, "%s: %s", path, strerror(errno));
	while (fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		n = strlen(line);
		if (n == sizeof(line) - 1 && line[n - 1] != '\n')
			die(2, "%s:%d: line too long", path, lineno);
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
		    line[n - 1] == ' ' || line[n - 1] == '\t'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		step_add(s, line);
	}
	if (ferror(fp))
		die(2, "%s: read error", path);
	fclose(fp);
}

/*
 * Replaces "@PORT@" by the port in every step, in place: the port has at
 * most five digits, so the bytes only ever move left.
 */
static void
steps_port(struct srv *s)
{
	static const char	 mark[] = "@PORT@";
	const size_t		 mlen = sizeof(mark) - 1;
	char			 port[8];
	size_t			 i, r, w, plen;
	struct step		*st;

	plen = (size_t)snprintf(port, sizeof(port), "%u", s->port);
	for (i = 0; i < s->nsteps; i++) {
		st = &s->steps[i];
		for (r = w = 0; r < st->len; ) {
			if (st->len - r >= mlen &&
			    memcmp(st->bytes + r, mark, mlen) == 0) {
				memcpy(st->bytes + w, port, plen);
				w += plen;
				r += mlen;
			} else
				st->bytes[w++] = st->bytes[r++];
		}
		st->len = w;
	}
}

/* Records */

static int
path_in_dir(char *buf, size_t size, const char *dir, const char *name,
    unsigned n)
{
	int	 len;

	if (n > 0)
		len = snprintf(buf, size, "%s/%s.%u", dir, name, n);
	else
		len = snprintf(buf, size, "%s/%s", dir, name);
	return len < 0 || (size_t)len >= size ? -1 : 0;
}

static int
write_all_fd(int fd, const char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Writes a short text to path through a temporary: never seen half. */
static void
write_text(const struct srv *s, const char *path, const char *text)
{
	char	 tmp[PATH_MAX];
	int	 fd, len, ok;

	len = snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (len < 0 || (size_t)len >= sizeof(tmp))
		return;
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1) {
		slog(s, "%s: %s", tmp, strerror(errno));
		return;
	}
	ok = write_all_fd(fd, text, strlen(text)) == 0;
	if (close(fd) == -1 || !ok || rename(tmp, path) == -1)
		slog(s, "%s: %s", path, strerror(errno));
}

static void
record_conns(const struct srv *s)
{
	char	 path[PATH_MAX], num[16];

	if (s->dir == NULL || path_in_dir(path, sizeof(path), s->dir,
	    "conns", 0) == -1)
		return;
	snprintf(num, sizeof(num), "%u\n", s->naccepted);
	write_text(s, path, num);
}

/*
 * The checksum of POSIX cksum(1), so a test compares a body with `cksum
 * <file`: CRC-32 with generator 0x04C11DB7, most significant bit first,
 * over the data and then its length (least significant byte first, no
 * more bytes than it needs), complemented.  Eight table lookups per eight
 * bytes (slicing-by-8) keep up with a loopback upload; crc_tab[k][b] is
 * the CRC of byte b followed by k zero bytes.
 */
static uint32_t	crc_tab[8][256];

static void
crc_init(void)
{
	uint32_t	 c;
	int		 i, j, k;

	for (i = 0; i < 256; i++) {
		c = (uint32_t)i << 24;
		for (j = 0; j < 8; j++)
			c = (c & 0x80000000U) ? (c << 1) ^ 0x04C11DB7U :
			    c << 1;
		crc_tab[0][i] = c;
	}
	for (k = 1; k < 8; k++)
		for (i = 0; i < 256; i++)
			crc_tab[k][i] = (crc_tab[k - 1][i] << 8) ^
			    crc_tab[0][crc_tab[k - 1][i] >> 24];
}

static uint32_t
crc_update(uint32_t crc, const unsigned char *p, size_t n)
{
	uint32_t	 w;

	for (; n >= 8; p += 8, n -= 8) {
		w = crc ^ ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		    (uint32_t)p[2] << 8 | (uint32_t)p[3]);
		crc = crc_tab[7][w >> 24] ^ crc_tab[6][(w >> 16) & 0xff] ^
		    crc_tab[5][(w >> 8) & 0xff] ^ crc_tab[4][w & 0xff] ^
		    crc_tab[3][p[4]] ^ crc_tab[2][p[5]] ^
		    crc_tab[1][p[6]] ^ crc_tab[0][p[7]];
	}
	for (; n > 0; p++, n--)
		crc = (crc << 8) ^ crc_tab[0][(crc >> 24) ^ *p];
	return crc;
}

static uint32_t
crc_final(uint32_t crc, uint64_t len)
{
	unsigned char	 b;

	for (; len != 0; len >>= 8) {
		b = (unsigned char)(len & 0xff);
		crc = crc_update(crc, &b, 1);
	}
	return ~crc;
}

static void
rq_start(struct srv *s, struct conn *c)
{
	struct req	*r = &c->rq;
	char		 path[PATH_MAX];

	memset(r, 0, sizeof(*r));
	r->active = 1;
	r->fd = -1;
	r->num = ++s->nreqs;
	r->st = RQ_HEAD;
	slog(s, "conn %u: request %u starts", c->id, r->num);
	if (s->dir == NULL)
		return;
	if (path_in_dir(path, sizeof(path), s->dir, "req", r->num) == -1) {
		slog(s, "record path too long");
		return;
	}
	r->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (r->fd == -1)
		slog(s, "%s: %s", path, strerror(errno));
}

/* Records n bytes of the request; of a body, only up to -B bytes. */
static void
rq_record(const struct srv *s, struct req *r, const char *p, size_t n,
    int body)
{
	uint64_t	 room;

	if (r->fd == -1 || n == 0)
		return;
	if (body && s->maxrec >= 0) {
		room = (uint64_t)s->maxrec > r->recorded ?
		    (uint64_t)s->maxrec - r->recorded : 0;
		if (n > room)
			n = (size_t)room;
		r->recorded += n;
		if (n == 0)
			return;
	}
	if (write_all_fd(r->fd, p, n) == -1) {
		slog(s, "request %u: write: %s", r->num, strerror(errno));
		close(r->fd);
		r->fd = -1;
	}
}

/* Writes dir/req.N.SUFFIX. */
static void
rq_write(const struct srv *s, const struct req *r, const char *suffix,
    const char *text)
{
	char	 path[PATH_MAX];
	int	 len;

	len = snprintf(path, sizeof(path), "%s/req.%u.%s", s->dir, r->num,
	    suffix);
	if (len < 0 || (size_t)len >= sizeof(path)) {
		slog(s, "record path too long");
		return;
	}
	write_text(s, path, text);
}

/*
 * Ends the request record, complete or not, and writes what the body
 * came to: req.N.sum as cksum(1) prints it ("CRC LENGTH"), then req.N.len
 * (the length): once .len exists, the request is over and all is written.
 */
static void
rq_end(const struct srv *s, struct req *r)
{
	char	 text[64];

	if (!r->active)
		return;
	if (r->fd != -1)
		close(r->fd);
	r->fd = -1;
	r->active = 0;
	if (s->dir == NULL)
		return;
	snprintf(text, sizeof(text), "%lu %llu\n",
	    (unsigned long)crc_final(r->crc, r->body),
	    (unsigned long long)r->body);
	rq_write(s, r, "sum", text);
	snprintf(text, sizeof(text), "%llu\n", (unsigned long long)r->body);
	rq_write(s, r, "len", text);
}

/* Request parser: just enough to know where a request ends */

static int
hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* RFC 9110 §8.6: Content-Length = 1*DIGIT; anything else is refused. */
static int
parse_length(const char *v, uint64_t *out)
{
	uint64_t	 n = 0;

	if (*v == '\0')
		return -1;
	for (; *v != '\0'; v++) {
		if (*v < '0' || *v > '9' || n > (UINT64_MAX - 9) / 10)
			return -1;
		n = n * 10 + (uint64_t)(*v - '0');
	}
	*out = n;
	return 0;
}

/*
 * RFC 9112 §6.1: the body is chunked when chunked is the final transfer
 * coding; the list is comma separated with optional whitespace.
 */
static int
last_is_chunked(const char *v)
{
	const char	*last = strrchr(v, ',');

	last = last != NULL ? last + 1 : v;
	while (*last == ' ' || *last == '\t')
		last++;
	return strcasecmp(last, "chunked") == 0;
}

/* One field line of the head, CR and LF stripped, possibly cut short. */
static void
rq_field(struct req *r, char *line)
{
	char	*colon, *v, *e;

	if ((colon = strchr(line, ':')) == NULL)
		return;
	*colon = '\0';
	for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
		;
	for (e = v + strlen(v); e > v && (e[-1] == ' ' || e[-1] == '\t'); )
		*--e = '\0';
	if (strcasecmp(line, "content-length") == 0) {
		if (parse_length(v, &r->clen) == -1)
			r->bad_length = 1;
	} else if (strcasecmp(line, "transfer-encoding") == 0)
		r->chunked = last_is_chunked(v);
	else if (strcasecmp(line, "expect") == 0)
		/* RFC 9110 §10.1.1: the one expectation, case-insensitive */
		r->expect = strcasecmp(v, "100-continue") == 0;
}

/* The empty line: RFC 9112 §6.3, chunked wins over Content-Length. */
static enum rq_event
rq_head_done(struct req *r)
{
	if (r->chunked) {
		r->st = RQ_CHUNK_SIZE;
		r->count = 0;
		return EV_HEAD;
	}
	if (r->bad_length || r->clen > SRV_MAX_BODY)
		return EV_BAD;
	if (r->clen > 0) {
		r->st = RQ_BODY;
		r->left = r->clen;
		return EV_HEAD;
	}
	return EV_DONE;
}

/* Ends the line in r->line; returns whether it was empty. */
static int
rq_line_end(struct req *r)
{
	size_t	 n = r->linelen < sizeof(r->line) ? r->linelen :
		    sizeof(r->line) - 1;

	if (n > 0 && n == r->linelen && r->line[n - 1] == '\r')
		n--;
	r->line[n] = '\0';
	return r->linelen == 0 || (r->linelen == 1 && n == 0);
}

static void
rq_line_add(struct req *r, char ch)
{
	if (r->linelen < sizeof(r->line))
		r->line[r->linelen] = ch;
	r->linelen++;
}

static enum rq_event
rq_head_byte(struct req *r, char ch)
{
	int	 empty;

	if (++r->count > SRV_MAX_HEAD)
		return EV_BAD;
	if (ch != '\n') {
		rq_line_add(r, ch);
		return EV_MORE;
	}
	empty = rq_line_end(r);
	r->linelen = 0;
	if (empty)
		/* RFC 9112 §2.2: empty lines before the request line. */
		return r->started ? rq_head_done(r) : EV_MORE;
	if (r->started)
		rq_field(r, r->line);
	r->started = 1;
	return EV_MORE;
}

/* Chunk-size lines, the CRLF after data, and trailers (RFC 9112 §7.1). */
static enum rq_event
rq_chunk_byte(struct req *r, char ch)
{
	int	 v;

	if (++r->count > SRV_MAX_LINES)
		return EV_BAD;
	switch (r->st) {
	case RQ_CHUNK_SIZE:
		if ((v = hexval((unsigned char)ch)) >= 0) {
			if (++r->hex > SRV_MAX_HEX)
				return EV_BAD;
			r->left = r->left * 16 + (uint64_t)v;
			return EV_MORE;
		}
		if (r->hex == 0)
			return EV_BAD;
		r->st = RQ_CHUNK_EXT;
		/* FALLTHROUGH */
	case RQ_CHUNK_EXT:
		if (ch != '\n')
			return EV_MORE;
		if (r->left == 0) {
			r->st = RQ_TRAILER;
			r->linelen = 0;
		} else if (r->left > SRV_MAX_BODY - r->body)
			return EV_BAD;
		else
			r->st = RQ_CHUNK_DATA;
		return EV_MORE;
	case RQ_CHUNK_END:
		if (ch == '\n') {
			r->st = RQ_CHUNK_SIZE;
			r->hex = 0;
			r->left = 0;
		}
		return EV_MORE;
	case RQ_TRAILER:
		if (ch != '\n') {
			rq_line_add(r, ch);
			return EV_MORE;
		}
		if (rq_line_end(r))
			return EV_DONE;
		r->linelen = 0;
		return EV_MORE;
	default:
		return EV_BAD;
	}
}

/*
 * Consumes bytes of the current request from p[0..n) and stops after an
 * event, so the caller can answer; *used says how far it got.
 */
static enum rq_event
rq_feed(struct req *r, const char *p, size_t n, size_t *used)
{
	enum rq_event	 ev = EV_MORE;
	size_t		 i = 0, k;

	while (i < n && ev == EV_MORE) {
		switch (r->st) {
		case RQ_HEAD:
			ev = rq_head_byte(r, p[i++]);
			break;
		case RQ_BODY:
		case RQ_CHUNK_DATA:
			k = n - i < r->left ? n - i : (size_t)r->left;
			r->crc = crc_update(r->crc,
			    (const unsigned char *)p + i, k);
			i += k;
			r->left -= k;
			r->body += k;
			if (r->left > 0)
				break;
			if (r->st == RQ_BODY)
				ev = EV_DONE;
			else {
				r->st = RQ_CHUNK_END;
				r->count = 0;
			}
			break;
		default:
			ev = rq_chunk_byte(r, p[i++]);
			break;
		}
	}
	*used = i;
	return ev;
}

/* Connections */

static int
set_nonblock(int fd)
{
	int	 fl;

	if ((fl = fcntl(fd, F_GETFL)) == -1)
		return -1;
	return fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static unsigned
conns_open(const struct srv *s)
{
	unsigned	 i, n = 0;

	for (i = 0; i < SRV_MAX_CONNS; i++)
		if (s->conns[i].st != CS_FREE)
			n++;
	return n;
}

static void
conn_close(const struct srv *s, struct conn *c, enum close_how how)
{
	struct linger	 lg = { 1, 0 };

	if (how == CLOSE_FIN && c->st != CS_DRAIN) {
		/*
		 * Half-close and keep reading: closing a socket with
		 * unread input makes the kernel send RST, which could
		 * destroy the response before the client reads it.  A
		 * request answered at its head (head, early) goes on
		 * being recorded: the test wants to see what of the
		 * body the client still sent.
		 */
		shutdown(c->fd, SHUT_WR);
		c->st = CS_DRAIN;
		if (c->rq.active)
			slog(s, "conn %u: closed (FIN), still reading "
			    "request %u", c->id, c->rq.num);
		else
			slog(s, "conn %u: closed (FIN)", c->id);
		return;
	}
	rq_end(s, &c->rq);
	if (how == CLOSE_RST &&
	    setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) == -1)
		slog(s, "conn %u: SO_LINGER: %s", c->id, strerror(errno));
	if (c->ignored > 0)
		slog(s, "conn %u: %llu bytes ignored", c->id,
		    (unsigned long long)c->ignored);
	slog(s, "conn %u: %s", c->id, how == CLOSE_RST ? "reset (RST)" :
	    "released");
	close(c->fd);
	c->fd = -1;
	c->st = CS_FREE;
}

/* Sends all of p, waiting for room until the time limit. */
static int
send_all(const struct srv *s, int fd, const char *p, size_t n)
{
	struct pollfd	 pfd;
	int64_t		 left;
	ssize_t		 w;

	while (n > 0) {
		w = send(fd, p, n, MSG_NOSIGNAL);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
			continue;
		}
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1 && errno != EAGAIN && errno != EWOULDBLOCK)
			return -1;
		if ((left = s->deadline - now_ms()) <= 0) {
			errno = ETIMEDOUT;
			return -1;
		}
		pfd.fd = fd;
		pfd.events = POLLOUT;
		if (poll(&pfd, 1, (int)left) == -1 && errno != EINTR)
			return -1;
	}
	return 0;
}

/*
 * Before an RST, wait until the peer has acknowledged everything sent
 * (SIOCOUTQ counts unacknowledged bytes): the test wants the bytes and
 * then the reset, not a reset that overtakes them.
 */
static void
wait_acked(const struct srv *s, int fd)
{
	int64_t	 until = now_ms() + SRV_ACK_MS;
	int	 q;

	while (now_ms() < until && now_ms() < s->deadline) {
		if (ioctl(fd, TIOCOUTQ, &q) == -1 || q == 0)
			return;
		pause_ms(s, 1);
	}
}

static void
step_send(struct srv *s, struct conn *c, const struct step *st)
{
	size_t	 len, off, m, piece, writes = 0;

	len = (st->flags & ST_SILENT) ? 0 : st->len;
	if (st->truncate < len)
		len = st->truncate;
	piece = st->piece > 0 ? st->piece : len;
	if (st->delay_ms > 0)
		pause_ms(s, st->delay_ms);
	for (off = 0; off < len && now_ms() < s->deadline; off += m) {
		if (writes > 0 && st->gap_ms > 0)
			pause_ms(s, st->gap_ms);
		m = len - off < piece ? len - off : piece;
		if (send_all(s, c->fd, st->bytes + off, m) == -1) {
			slog(s, "conn %u: send: %s", c->id, strerror(errno));
			conn_close(s, c, CLOSE_NOW);
			return;
		}
		writes++;
	}
	slog(s, "conn %u: sent %zu of %zu bytes in %zu writes", c->id, off,
	    len, writes);
	if (st->flags & ST_RESET) {
		wait_acked(s, c->fd);
		conn_close(s, c, CLOSE_RST);
	} else if (st->flags & ST_HANG) {
		slog(s, "conn %u: hangs", c->id);
		c->st = CS_HANG;
	} else if (st->flags & ST_CLOSE)
		conn_close(s, c, CLOSE_FIN);
}

/* The next step answers a request on c; no step left: close. */
static void
conn_answer(struct srv *s, struct conn *c)
{
	const struct step	*st;

	if (s->next >= s->nsteps) {
		slog(s, "conn %u: no step left", c->id);
		conn_close(s, c, CLOSE_FIN);
		return;
	}
	st = &s->steps[s->next++];
	slog(s, "conn %u: step %zu: %s", c->id, s->next, st->spec);
	step_send(s, c, st);
}

/*
 * Passes over continue steps that have nothing to answer: a head without
 * "Expect: 100-continue", or a request already complete (an interim
 * response never answers a whole request).
 */
static void
steps_skip_continue(struct srv *s, const struct conn *c, const char *why)
{
	while (s->next < s->nsteps &&
	    (s->steps[s->next].flags & ST_CONTINUE)) {
		s->next++;
		slog(s, "conn %u: step %zu: %s skipped: %s", c->id, s->next,
		    s->steps[s->next - 1].spec, why);
	}
}

/*
 * The head of a request with a body is in: head and continue steps send
 * an interim answer, the next step answers the whole request; an early
 * step is the request's answer, so its completion is not answered again.
 */
static void
conn_head(struct srv *s, struct conn *c)
{
	int	 fl;

	if (c->prepaid > 0)
		return;
	if (!c->rq.expect)
		steps_skip_continue(s, c, "no Expect: 100-continue");
	if (s->next >= s->nsteps)
		return;
	fl = s->steps[s->next].flags;
	if ((fl & (ST_HEAD | ST_CONTINUE | ST_EARLY)) == 0)
		return;
	if (fl & ST_EARLY)
		c->prepaid++;
	conn_answer(s, c);
}

static void
conn_event(struct srv *s, struct conn *c, enum rq_event ev)
{
	const struct req	*r = &c->rq;
	unsigned		 num = r->num;

	switch (ev) {
	case EV_MORE:
		break;
	case EV_HEAD:
		slog(s, "conn %u: request %u head%s", c->id, num,
		    r->expect ? ", expects 100-continue" : "");
		conn_head(s, c);
		break;
	case EV_DONE:
		slog(s, "conn %u: request %u complete, body %llu bytes",
		    c->id, num, (unsigned long long)r->body);
		rq_end(s, &c->rq);
		if (c->st != CS_READ)
			break;		/* answered at its head, and closed */
		if (c->prepaid > 0) {
			c->prepaid--;
			slog(s, "conn %u: request %u was answered before",
			    c->id, num);
			break;
		}
		steps_skip_continue(s, c, "request complete");
		conn_answer(s, c);
		break;
	case EV_BAD:
		slog(s, "conn %u: request %u unreadable or too big", c->id,
		    num);
		rq_end(s, &c->rq);
		if (c->st == CS_READ)
			conn_close(s, c, CLOSE_FIN);
		break;
	}
}

/* Feeds what the client sent through the parser, answering as it goes. */
static void
conn_feed(struct srv *s, struct conn *c, const char *p, size_t n)
{
	enum rq_event	 ev;
	size_t		 used;
	int		 body;

	/* After a close, only the request answered at its head goes on. */
	while (n > 0 && (c->st == CS_READ ||
	    (c->st == CS_DRAIN && c->rq.active))) {
		if (!c->rq.active)
			rq_start(s, c);
		/* rq_feed stops at the head's end: all head, or all body */
		body = c->rq.st != RQ_HEAD;
		ev = rq_feed(&c->rq, p, n, &used);
		rq_record(s, &c->rq, p, used, body);
		p += used;
		n -= used;
		conn_event(s, c, ev);
	}
	if (c->st != CS_FREE)
		c->ignored += n;
}

/* One large read per wakeup: an upload costs a syscall per 256 KiB. */
static void
conn_input(struct srv *s, struct conn *c)
{
	static char	 buf[SRV_IOBUF];
	ssize_t		 n;

	n = read(c->fd, buf, sizeof(buf));
	if (n == -1 && (errno == EINTR || errno == EAGAIN ||
	    errno == EWOULDBLOCK))
		return;
	if (n <= 0) {
		if (c->rq.active)
			slog(s, "conn %u: request %u cut short", c->id,
			    c->rq.num);
		slog(s, "conn %u: %s", c->id, n == 0 ? "client closed" :
		    strerror(errno));
		conn_close(s, c, CLOSE_NOW);
		return;
	}
	conn_feed(s, c, buf, (size_t)n);
}

static void
srv_accept(struct srv *s)
{
	struct conn	*c = NULL;
	int		 fd, one = 1;
	unsigned	 i;

	if ((fd = accept(s->lfd, NULL, NULL)) == -1)
		return;
	s->naccepted++;
	record_conns(s);
	if (s->maxconns > 0 && s->naccepted >= s->maxconns) {
		close(s->lfd);
		s->lfd = -1;
		slog(s, "connection limit reached, listener closed");
	}
	for (i = 0; i < SRV_MAX_CONNS && c == NULL; i++)
		if (s->conns[i].st == CS_FREE)
			c = &s->conns[i];
	if (c == NULL || set_nonblock(fd) == -1) {
		slog(s, "conn %u: refused, too many open", s->naccepted);
		close(fd);
		return;
	}
	/* Split writes must leave as separate segments. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	memset(c, 0, sizeof(*c));
	c->fd = fd;
	c->rq.fd = -1;
	c->id = s->naccepted;
	c->st = CS_READ;
	slog(s, "conn %u: accepted", c->id);
	if (s->next < s->nsteps && (s->steps[s->next].flags & ST_NOREAD)) {
		c->prepaid++;
		conn_answer(s, c);
	}
}

/* Bounded by the time limit: every wait below ends at s->deadline. */
static const char *
srv_loop(struct srv *s)
{
	struct pollfd	 pfd[1 + SRV_MAX_CONNS];
	struct conn	*c;
	int64_t		 left;
	unsigned	 i;

	for (;;) {
		if ((left = s->deadline - now_ms()) <= 0)
			return "time limit";
		if (s->lfd == -1 && conns_open(s) == 0)
			return "connection limit";
		pfd[0].fd = s->lfd;
		pfd[0].events = POLLIN;
		for (i = 0; i < SRV_MAX_CONNS; i++) {
			pfd[1 + i].fd = s->conns[i].st == CS_FREE ? -1 :
			    s->conns[i].fd;
			pfd[1 + i].events = POLLIN;
			pfd[1 + i].revents = 0;
		}
		if (poll(pfd, 1 + SRV_MAX_CONNS, (int)left) == -1) {
			if (errno == EINTR)
				continue;
			die(1, "poll: %s", strerror(errno));
		}
		for (i = 0; i < SRV_MAX_CONNS; i++) {
			c = &s->conns[i];
			if (c->st != CS_FREE && pfd[1 + i].fd == c->fd &&
			    (pfd[1 + i].revents & (POLLIN | POLLHUP |
			    POLLERR)) != 0)
				conn_input(s, c);
		}
		if (s->lfd != -1 && (pfd[0].revents & POLLIN))
			srv_accept(s);
	}
}

/* Setup */

static void
srv_listen(struct srv *s, unsigned port)
{
	struct sockaddr_in	 sin;
	socklen_t		 len = sizeof(sin);
	int			 one = 1;

	if ((s->lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		die(1, "socket: %s", strerror(errno));
	if (setsockopt(s->lfd, SOL_SOCKET, SO_REUSEADDR, &one,
	    sizeof(one)) == -1)
		die(1, "SO_REUSEADDR: %s", strerror(errno));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s->lfd, (struct sockaddr *)&sin, sizeof(sin)) == -1)
		die(1, "bind 127.0.0.1:%u: %s", port, strerror(errno));
	if (listen(s->lfd, 16) == -1)
		die(1, "listen: %s", strerror(errno));
	if (getsockname(s->lfd, (struct sockaddr *)&sin, &len) == -1)
		die(1, "getsockname: %s", strerror(errno));
	if (set_nonblock(s->lfd) == -1)
		die(1, "fcntl: %s", strerror(errno));
	s->port = ntohs(sin.sin_port);
}

static int
write_pidfile(const char *path, pid_t pid)
{
	char	 buf[32];
	int	 fd, len, ok;

	len = snprintf(buf, sizeof(buf), "%ld\n", (long)pid);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1)
		return -1;
	ok = write_all_fd(fd, buf, (size_t)len) == 0;
	if (close(fd) == -1 || !ok)
		return -1;
	return 0;
}

/* Points fd at path (or /dev/null), for the standard descriptors. */
static void
redirect(int fd, const char *path, int flags)
{
	int	 nfd;

	if ((nfd = open(path != NULL ? path : "/dev/null", flags, 0644)) ==
	    -1)
		die(1, "%s: %s", path != NULL ? path : "/dev/null",
		    strerror(errno));
	if (nfd != fd) {
		if (dup2(nfd, fd) == -1)
			die(1, "dup2: %s", strerror(errno));
		close(nfd);
	}
}

/* Makes sure 0, 1 and 2 are open so no socket or file takes their place. */
static void
on_signal(int sig)
{
	(void)sig;
	if (pidfile_path != NULL)
		unlink(pidfile_path);
	_exit(0);
}

static void
std_fds(void)
{
	int	 fd;

	while ((fd = open("/dev/null", O_RDWR)) != -1 && fd < 3)
		;
	if (fd > 2)
		close(fd);
}

/*
 * The parent of -b: records the child, prints the port, and lets the
 * child go on by closing the pipe it waits on.  The pidfile exists before
 * anyone can read the port, so a test's teardown always finds it.
 */
static void
parent_report(const struct srv *s, pid_t child, int go)
{
	const char	*what = NULL;

	if (s->pidfile != NULL && write_pidfile(s->pidfile, child) == -1)
		what = s->pidfile;
	else if (printf("%u\n", s->port) < 0 || fflush(stdout) == EOF)
		what = "stdout";
	if (what != NULL) {
		kill(child, SIGKILL);
		if (s->pidfile != NULL)
			unlink(s->pidfile);
		die(1, "%s: %s", what, strerror(errno));
	}
	close(go);
	_exit(0);
}

/*
 * The child of -b: stdin and stdout on /dev/null, stderr on the log, the
 * listener on fd 3 and nothing else open, so the test harness is not kept
 * waiting on a pipe we inherited.
 */
static void
child_detach(struct srv *s, int wait_fd)
{
	char	 c;

	while (read(wait_fd, &c, 1) == -1 && errno == EINTR)
		;
	redirect(0, NULL, O_RDONLY);
	redirect(1, NULL, O_WRONLY);
	redirect(2, s->logfile, O_WRONLY | O_CREAT | O_APPEND);
	if (s->lfd != 3) {
		if (dup2(s->lfd, 3) == -1)
			die(1, "dup2: %s", strerror(errno));
		close(s->lfd);
		s->lfd = 3;
	}
	closefrom(4);
}

static void
srv_daemon(struct srv *s)
{
	int	 go[2];
	pid_t	 pid;

	if (pipe(go) == -1)
		die(1, "pipe: %s", strerror(errno));
	fflush(NULL);
	if ((pid = fork()) == -1)
		die(1, "fork: %s", strerror(errno));
	if (pid > 0) {
		close(go[0]);
		parent_report(s, pid, go[1]);
	}
	close(go[1]);
	child_detach(s, go[0]);
}

static void
srv_foreground(struct srv *s)
{
	if (s->pidfile != NULL && write_pidfile(s->pidfile, getpid()) == -1)
		die(1, "%s: %s", s->pidfile, strerror(errno));
	if (printf("%u\n", s->port) < 0 || fflush(stdout) == EOF)
		die(1, "stdout: %s", strerror(errno));
	if (s->logfile != NULL)
		redirect(2, s->logfile, O_WRONLY | O_CREAT | O_APPEND);
}

static long long
number_arg(int opt, const char *arg, long long min, long long max)
{
	const char	*errstr;
	long long	 v;

	v = strtonum(arg, min, max, &errstr);
	if (errstr != NULL)
		die(2, "-%c %s: %s", opt, arg, errstr);
	return v;
}

static void
opt_value(struct srv *s, int opt, const char *v)
{
	switch (opt) {
	case 'B':
		s->maxrec = number_arg(opt, v, 0, LLONG_MAX);
		break;
	case 'd':
		s->dir = v;
		break;
	case 'f':
		script_load(s, v);
		break;
	case 'l':
		s->logfile = v;
		break;
	case 'n':
		s->maxconns = (unsigned)number_arg(opt, v, 1, 1000000);
		break;
	case 'P':
		s->pidfile = v;
		break;
	case 'p':
		s->port = (unsigned)number_arg(opt, v, 1, 65535);
		break;
	case 't':
		s->secs = number_arg(opt, v, 1, SRV_MAX_SECS);
		break;
	}
}

/*
 * A step may begin with "-" ("-,empty"), so getopt(3) cannot tell steps
 * from options: an option is "-" and one letter, its value attached or
 * next; "--" ends options.  Options and steps may come in any order.
 */
static void
args_parse(struct srv *s, int argc, char *argv[])
{
	const char	*a, *v;
	int		 i, steps_only = 0;

	for (i = 1; i < argc; i++) {
		a = argv[i];
		if (steps_only || a[0] != '-' || a[1] == '\0' || a[1] == ',') {
			step_add(s, a);
			continue;
		}
		if (strcmp(a, "--") == 0) {
			steps_only = 1;
			continue;
		}
		if (strchr("BdflnPpt", a[1]) == NULL) {
			if (a[1] != 'b' || a[2] != '\0') {
				if (a[1] != 'h')
					fprintf(stderr, "%s: unknown option "
					    "%s\n", progname, a);
				usage();
			}
			s->bg = 1;
			continue;
		}
		if (a[2] != '\0')
			v = a + 2;
		else if (++i < argc)
			v = argv[i];
		else
			die(2, "option -%c needs a value", a[1]);
		opt_value(s, a[1], v);
	}
	if (s->nsteps == 0) {
		fprintf(stderr, "%s: no steps\n", progname);
		usage();
	}
}

int
main(int argc, char *argv[])
{
	static struct srv	 s;
	const char		*why;
	int			 i;

	std_fds();
	signal(SIGPIPE, SIG_IGN);
	s.lfd = -1;
	s.secs = SRV_SECS;
	s.maxrec = -1;
	crc_init();
	if ((s.steps = calloc(SRV_MAX_STEPS, sizeof(*s.steps))) == NULL)
		die(1, "out of memory");
	args_parse(&s, argc, argv);
	if (s.dir != NULL) {
		struct stat	 sb;

		if (stat(s.dir, &sb) == -1 || !S_ISDIR(sb.st_mode))
			die(2, "%s: not a directory", s.dir);
	}
	srv_listen(&s, s.port);
	steps_port(&s);
	record_conns(&s);
	if (s.bg)
		srv_daemon(&s);
	else
		srv_foreground(&s);
	/* Killed by a test's teardown: leave no pidfile behind. */
	pidfile_path = s.pidfile;
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGHUP, on_signal);
	s.start = now_ms();
	s.deadline = s.start + s.secs * 1000;
	slog(&s, "listening on 127.0.0.1:%u, %zu steps, pid %ld", s.port,
	    s.nsteps, (long)getpid());
	why = srv_loop(&s);
	slog(&s, "exiting: %s; %u connections, %u requests, %zu of %zu "
	    "steps used", why, s.naccepted, s.nreqs, s.next, s.nsteps);
	for (i = 0; i < SRV_MAX_CONNS; i++)
		if (s.conns[i].st != CS_FREE)
			conn_close(&s, &s.conns[i], CLOSE_NOW);
	if (s.lfd != -1)
		close(s.lfd);
	if (s.pidfile != NULL)
		unlink(s.pidfile);
	return 0;
}
