/*
 * tests/bench/launch.c: run commands interleaved (A B A B ...) and report,
 * for each, wall time, CPU time and peak RSS as wait4(2) gives them.
 *
 * usage: launch [-mp] [-c cpu] [-j file] [-l label] [-n rounds] [-o file]
 *            [-r file] [-s size] [-t secs] [-w warmups]
 *            name prog [arg ...] [:: name prog [arg ...] ...]
 *
 * Each command is a name (for the report) and an argv vector; "::"
 * separates commands, so a literal "::" cannot be an argument.  Every
 * round runs each command once in the order given, after -w warm-up rounds
 * whose numbers are dropped.
 *
 *   -c cpu    pin each child to that CPU (sched_setaffinity), the pipe's
 *             cat too; without -c the children run where the kernel likes
 *   -j file   append one JSON object per command to file (every run's wall
 *             time in it too)
 *   -l label  the case's name, first field of every result line
 *   -m        machine output on stdout instead of the human one, one line
 *             per command: label name runs wall_med wall_min wall_p90
 *             cpu_med user_med sys_med rss_max pipe_med (times in ns, RSS
 *             in KiB, pipe_med 0 without -p)
 *   -n rounds measured rounds (default 10)
 *   -o file   each child's stdout goes to file, truncated (default
 *             /dev/null)
 *   -p        each child's stdout goes into a pipe read by `cat
 *             >/dev/null`; the numbers are the client's, pipe_med is the
 *             pipeline's wall time (until cat has read everything)
 *   -r file   remove file before every run (an output the command writes:
 *             each run then starts with no page cache for it), then
 *             sync(2), so that no run waits for the last one's writeback
 *   -s size   after every run, the file of -r must hold size bytes
 *   -t secs   a run that takes longer is killed and fails (default 600)
 *   -w n      warm-up rounds (default 1)
 *
 * Wall time is CLOCK_MONOTONIC from just before fork(2) until wait4(2)
 * returns; CPU is the child's ru_utime + ru_stime; RSS is its ru_maxrss.
 * The children come from fork(2), not vfork(2) or posix_spawn(3): the
 * kernel folds the pre-exec memory's high-water mark into ru_maxrss, and a
 * forked copy holds only this program's few dirty anonymous pages, where
 * a vfork child would count all of ours.
 *
 * stdin of every child is /dev/null, stderr is ours.  A child that exits
 * non-zero, dies of a signal or leaves a file of the wrong size stops
 * everything with exit status 1: the time of a failing command means
 * nothing.  Usage errors exit 2.
 */
#define _GNU_SOURCE		/* sched_setaffinity(2), CPU_SET */
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/*
 * libbsd's overlay <unistd.h> renames getopt to bsd_getopt, a libbsd
 * function, and this program links no libraries: glibc's getopt it is.
 */
#undef getopt

struct run {
	int64_t	 wall;		/* ns */
	int64_t	 user;		/* ns */
	int64_t	 sys;		/* ns */
	int64_t	 pipe;		/* ns, the pipeline's wall time with -p */
	long	 rss;		/* KiB */
};

struct cmd {
	const char	 *name;
	char		**argv;
	struct run	 *runs;
};

struct opts {
	int		 cpu;		/* -1: no pinning */
	const char	*json;
	const char	*label;
	int		 machine;
	long		 rounds;
	const char	*out;
	int		 pipe;
	const char	*rm;
	long long	 size;		/* -1: not checked */
	long		 timeout;
	long		 warmups;
};

/* the child being timed, for the SIGALRM handler */
static volatile sig_atomic_t	launch_child;
static volatile sig_atomic_t	launch_timedout;

static void
usage(void)
{
	fprintf(stderr, "usage: launch [-mp] [-c cpu] [-j file] [-l label] "
	    "[-n rounds] [-o file]\n"
	    "              [-r file] [-s size] [-t secs] [-w warmups]\n"
	    "              name prog [arg ...] [:: name prog [arg ...] ...]\n");
	exit(2);
}

/* A decimal number in [lo, hi] from argv, or a usage error. */
static long long
number(const char *s, long long lo, long long hi, const char *what)
{
	char		*end;
	long long	 v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (s[0] == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi) {
		fprintf(stderr, "launch: %s: bad %s\n", s, what);
		usage();
	}
	return v;
}

static int64_t
now_ns(void)
{
	struct timespec	 ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		err(1, "clock_gettime");
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t
tv_ns(const struct timeval *tv)
{
	return (int64_t)tv->tv_sec * 1000000000 + (int64_t)tv->tv_usec * 1000;
}

static void
on_alarm(int sig)
{
	(void)sig;
	if (launch_child > 0) {
		launch_timedout = 1;
		kill((pid_t)launch_child, SIGKILL);
	}
}

/* In the child: fd becomes descriptor to, or the child ends. */
static void
child_redirect(int fd, int to)
{
	if (fd != to && dup2(fd, to) == -1)
		_exit(126);
}

static void
child_pin(int cpu)
{
	cpu_set_t	 set;

	if (cpu < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) == -1) {
		fprintf(stderr, "launch: sched_setaffinity %d: %s\n", cpu,
		    strerror(errno));
		_exit(126);
	}
}

/*
 * fork and exec argv with stdin from /dev/null and stdout to outfd; any
 * other descriptor given (the pipe's far end) is closed in the child.
 */
static pid_t
spawn(char **argv, int cpu, int outfd, int infd, int closefd)
{
	pid_t	 pid;
	int	 null;

	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid > 0)
		return pid;
	child_pin(cpu);
	if (infd == -1) {
		if ((null = open("/dev/null", O_RDONLY | O_CLOEXEC)) == -1)
			_exit(126);
		child_redirect(null, 0);
	} else
		child_redirect(infd, 0);
	child_redirect(outfd, 1);
	if (closefd != -1)
		close(closefd);
	/* the launcher's own descriptors above 2 are close-on-exec */
	execvp(argv[0], argv);
	fprintf(stderr, "launch: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* wait4 for pid, retrying after the timeout's signal; 0 or -1. */
static int
reap(pid_t pid, int *status, struct rusage *ru)
{
	while (wait4(pid, status, 0, ru) == -1) {
		if (errno != EINTR)
			return -1;
	}
	return 0;
}

/* Say why a run failed and stop; round < 0 is a warm-up. */
static void
fail(const struct opts *o, const struct cmd *c, long round, const char *why)
{
	errx(1, "%s%s%s: %s %ld: %s", o->label ? o->label : "",
	    o->label ? " " : "", c->name, round < 0 ? "warm-up" : "run",
	    round < 0 ? round + o->warmups + 1 : round + 1, why);
}

/* A child's wait status as words, or NULL for a clean exit. */
static const char *
status_text(int status, char *buf, size_t len)
{
	if (launch_timedout)
		return "killed by the timeout (-t)";
	if (WIFSIGNALED(status))
		snprintf(buf, len, "killed by signal %d", WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0)
		snprintf(buf, len, "exit status %d", WEXITSTATUS(status));
	else
		return NULL;
	return buf;
}

static int
open_out(const struct opts *o)
{
	int	 fd;

	fd = open(o->out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd == -1)
		err(1, "%s", o->out);
	return fd;
}

/* Start a `cat >/dev/null` reading the pipe's read end. */
static pid_t
spawn_cat(const struct opts *o, int p[2])
{
	static char	*cat[] = { "cat", NULL };
	pid_t		 pid;
	int		 null;

	if ((null = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1)
		err(1, "/dev/null");
	pid = spawn(cat, o->cpu, null, p[0], p[1]);
	close(null);
	return pid;
}

/* One run of c: fills r, or reports the failure and exits. */
static void
run_once(const struct opts *o, const struct cmd *c, long round,
    struct run *r)
{
	struct rusage	 ru, cru;
	struct stat	 st;
	const char	*why;
	char		 msg[64];
	int64_t		 t0;
	pid_t		 pid, cat = -1;
	int		 status, cstatus, out, p[2] = { -1, -1 };

	if (o->rm != NULL && unlink(o->rm) == -1 && errno != ENOENT)
		err(1, "%s", o->rm);
	/*
	 * The last run's gigabyte may still be on its way to the disk: let
	 * it land first, or this run pays for the last one's writeback.
	 */
	if (o->rm != NULL)
		sync();
	if (o->pipe) {
		if (pipe2(p, O_CLOEXEC) == -1)
			err(1, "pipe");
		cat = spawn_cat(o, p);
		close(p[0]);
		out = p[1];
	} else
		out = open_out(o);
	launch_timedout = 0;
	alarm((unsigned)o->timeout);
	t0 = now_ns();
	pid = spawn(c->argv, o->cpu, out, -1, -1);
	launch_child = pid;
	close(out);
	if (reap(pid, &status, &ru) == -1)
		err(1, "wait4");
	r->wall = now_ns() - t0;
	r->pipe = 0;
	if (cat != -1) {
		if (reap(cat, &cstatus, &cru) == -1)
			err(1, "wait4 cat");
		r->pipe = now_ns() - t0;
	}
	alarm(0);
	launch_child = 0;
	if ((why = status_text(status, msg, sizeof(msg))) != NULL)
		fail(o, c, round, why);
	if (cat != -1 && status_text(cstatus, msg, sizeof(msg)) != NULL)
		fail(o, c, round, "the pipe's cat failed");
	if (o->size >= 0 && (stat(o->rm, &st) == -1 || st.st_size != o->size))
		fail(o, c, round, "the output file has the wrong size");
	r->user = tv_ns(&ru.ru_utime);
	r->sys = tv_ns(&ru.ru_stime);
	r->rss = ru.ru_maxrss;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t	 x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

struct stats {
	int64_t	 wall_med, wall_min, wall_p90;
	int64_t	 cpu_med, user_med, sys_med, pipe_med;
	long	 rss_max;
};

/* Median of n values in v, which it sorts. */
static int64_t
median(int64_t *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_i64);
	if (n % 2 == 1)
		return v[n / 2];
	return (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The statistics of the n runs of c; tmp holds n values. */
static void
summarise(const struct cmd *c, size_t n, int64_t *tmp, struct stats *s)
{
	size_t	 i;

	s->rss_max = 0;
	for (i = 0; i < n; i++) {
		tmp[i] = c->runs[i].wall;
		if (c->runs[i].rss > s->rss_max)
			s->rss_max = c->runs[i].rss;
	}
	s->wall_med = median(tmp, n);
	s->wall_min = tmp[0];
	/* nearest rank: the smallest value with 90% of the runs at or below */
	s->wall_p90 = tmp[(n * 9 + 9) / 10 - 1];
	for (i = 0; i < n; i++)
		tmp[i] = c->runs[i].user + c->runs[i].sys;
	s->cpu_med = median(tmp, n);
	for (i = 0; i < n; i++)
		tmp[i] = c->runs[i].user;
	s->user_med = median(tmp, n);
	for (i = 0; i < n; i++)
		tmp[i] = c->runs[i].sys;
	s->sys_med = median(tmp, n);
	for (i = 0; i < n; i++)
		tmp[i] = c->runs[i].pipe;
	s->pipe_med = median(tmp, n);
}

static void
print_human(const struct opts *o, const struct cmd *c, size_t n,
    const struct stats *s)
{
	printf("%s%s%-8s %4zu runs  wall %10.3f ms (min %.3f, p90 %.3f)  "
	    "cpu %9.3f ms (user %.3f, sys %.3f)  rss %6ld KiB",
	    o->label ? o->label : "", o->label ? " " : "", c->name, n,
	    s->wall_med / 1e6, s->wall_min / 1e6, s->wall_p90 / 1e6,
	    s->cpu_med / 1e6, s->user_med / 1e6, s->sys_med / 1e6,
	    s->rss_max);
	if (o->pipe)
		printf("  pipeline %.3f ms", s->pipe_med / 1e6);
	putchar('\n');
}

static void
print_machine(const struct opts *o, const struct cmd *c, size_t n,
    const struct stats *s)
{
	printf("%s %s %zu %lld %lld %lld %lld %lld %lld %ld %lld\n",
	    o->label ? o->label : "-", c->name, n,
	    (long long)s->wall_med, (long long)s->wall_min,
	    (long long)s->wall_p90, (long long)s->cpu_med,
	    (long long)s->user_med, (long long)s->sys_med, s->rss_max,
	    (long long)s->pipe_med);
}

/* s as a JSON string: quotes, backslashes and controls escaped. */
static void
json_str(FILE *fp, const char *s)
{
	const unsigned char	*p;

	putc('"', fp);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(fp, "\\u%04x", *p);
		else
			putc(*p, fp);
	}
	putc('"', fp);
}

static void
print_json(FILE *fp, const struct opts *o, const struct cmd *c, size_t n,
    const struct stats *s)
{
	size_t	 i;

	fputs("{\"case\":", fp);
	json_str(fp, o->label ? o->label : "");
	fputs(",\"name\":", fp);
	json_str(fp, c->name);
	fprintf(fp, ",\"runs\":%zu,\"cpu_pin\":%d,\"pipe\":%s,"
	    "\"wall_med_ns\":%lld,\"wall_min_ns\":%lld,\"wall_p90_ns\":%lld,"
	    "\"cpu_med_ns\":%lld,\"user_med_ns\":%lld,\"sys_med_ns\":%lld,"
	    "\"rss_max_kib\":%ld", n, o->cpu, o->pipe ? "true" : "false",
	    (long long)s->wall_med, (long long)s->wall_min,
	    (long long)s->wall_p90, (long long)s->cpu_med,
	    (long long)s->user_med, (long long)s->sys_med, s->rss_max);
	if (o->pipe)
		fprintf(fp, ",\"pipeline_med_ns\":%lld",
		    (long long)s->pipe_med);
	fputs(",\"wall_ns\":[", fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "%s%lld", i ? "," : "", (long long)c->runs[i].wall);
	fputs("]}\n", fp);
}

static void
report(const struct opts *o, struct cmd *cmds, size_t ncmd)
{
	struct stats	 s;
	int64_t		*tmp;
	FILE		*fp = NULL;
	size_t		 i, n = (size_t)o->rounds;

	if ((tmp = calloc(n, sizeof(*tmp))) == NULL)
		err(1, NULL);
	if (o->json != NULL && (fp = fopen(o->json, "ae")) == NULL)
		err(1, "%s", o->json);
	for (i = 0; i < ncmd; i++) {
		summarise(&cmds[i], n, tmp, &s);
		if (o->machine)
			print_machine(o, &cmds[i], n, &s);
		else
			print_human(o, &cmds[i], n, &s);
		if (fp != NULL)
			print_json(fp, o, &cmds[i], n, &s);
	}
	if (fp != NULL && fclose(fp) == EOF)
		err(1, "%s", o->json);
	free(tmp);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(1, "stdout");
}

/*
 * Split argv (name prog args [:: name prog args ...]) into commands; the
 * "::" entries become the NULLs that end each argv vector.
 */
static struct cmd *
split(int argc, char **argv, size_t *ncmd)
{
	struct cmd	*cmds;
	size_t		 n = 0;
	int		 i, start = 0;

	if ((cmds = calloc((size_t)argc, sizeof(*cmds))) == NULL)
		err(1, NULL);
	for (i = 0; i <= argc; i++) {
		if (i < argc && strcmp(argv[i], "::") != 0)
			continue;
		if (i - start < 2) {
			fprintf(stderr, "launch: a command needs a name and "
			    "a program\n");
			usage();
		}
		cmds[n].name = argv[start];
		cmds[n].argv = argv + start + 1;
		if (i < argc)
			argv[i] = NULL;
		n++;
		start = i + 1;
	}
	*ncmd = n;
	return cmds;
}

static void
parse_opts(int argc, char **argv, struct opts *o, int *next)
{
	int	 ch;

	memset(o, 0, sizeof(*o));
	o->cpu = -1;
	o->rounds = 10;
	o->out = "/dev/null";
	o->size = -1;
	o->timeout = 600;
	o->warmups = 1;
	/* "+": options end at the first name, not somewhere in an argv */
	while ((ch = getopt(argc, argv, "+c:j:l:mn:o:pr:s:t:w:")) != -1) {
		switch (ch) {
		case 'c':
			o->cpu = (int)number(optarg, 0, CPU_SETSIZE - 1, "CPU");
			break;
		case 'j':
			o->json = optarg;
			break;
		case 'l':
			o->label = optarg;
			break;
		case 'm':
			o->machine = 1;
			break;
		case 'n':
			o->rounds = (long)number(optarg, 1, 1000000, "rounds");
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'p':
			o->pipe = 1;
			break;
		case 'r':
			o->rm = optarg;
			break;
		case 's':
			o->size = number(optarg, 0, LLONG_MAX, "size");
			break;
		case 't':
			o->timeout = (long)number(optarg, 1, 86400, "timeout");
			break;
		case 'w':
			o->warmups = (long)number(optarg, 0, 1000000, "warm-ups");
			break;
		default:
			usage();
		}
	}
	if (o->size >= 0 && o->rm == NULL) {
		fprintf(stderr, "launch: -s needs -r\n");
		usage();
	}
	*next = optind;
}

int
main(int argc, char *argv[])
{
	struct sigaction sa;
	struct opts	 o;
	struct cmd	*cmds;
	struct run	 scratch;
	size_t		 ncmd, i;
	long		 round;
	int		 first;

	parse_opts(argc, argv, &o, &first);
	if (first >= argc)
		usage();
	cmds = split(argc - first, argv + first, &ncmd);
	for (i = 0; i < ncmd; i++) {
		cmds[i].runs = calloc((size_t)o.rounds, sizeof(struct run));
		if (cmds[i].runs == NULL)
			err(1, NULL);
	}
	/* no SA_RESTART: the alarm must interrupt wait4 */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGALRM, &sa, NULL) == -1)
		err(1, "sigaction");
	for (round = -o.warmups; round < o.rounds; round++) {
		for (i = 0; i < ncmd; i++)
			run_once(&o, &cmds[i], round,
			    round < 0 ? &scratch : &cmds[i].runs[round]);
	}
	report(&o, cmds, ncmd);
	return 0;
}
