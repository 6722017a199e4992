/*
 * tests/bench/minread.c: the "minimal reader", the floor hget is measured
 * against.  Plain blocking sockets and no parsing beyond what is needed:
 * it trusts the server (the benchmark's own nginx) and is no HTTP client.
 *
 * usage: minread keepalive HOST PORT PATH N
 *        minread get HOST PORT PATH OUTFILE
 *
 * keepalive: one connection, N sequential requests for PATH, one write(2)
 *   per request; reads the head up to CRLFCRLF, takes Content-Length from it
 *   and reads exactly that many body bytes, which it drops.
 * get: one GET with "Connection: close"; the body goes to OUTFILE ("-" is
 *   stdout) with read(2)/write(2) through one 256 KiB buffer, until the
 *   server closes; with a Content-Length the count must match it.
 *
 * HOST is a numeric IPv4 or IPv6 address (no resolver: its cost is not
 * the floor's).  Both modes want status 200 and exit 0, or print one line
 * and exit 1; usage errors exit 2.
 */
#include <sys/socket.h>
#include <sys/types.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define MR_BLOCK	(256 * 1024)	/* the read()/write() block, as asked */
#define MR_REQMAX	2048

static char	mr_buf[MR_BLOCK];

static void
usage(void)
{
	fprintf(stderr, "usage: minread keepalive HOST PORT PATH N\n"
	    "       minread get HOST PORT PATH OUTFILE\n");
	exit(2);
}

static void
die(const char *what)
{
	fprintf(stderr, "minread: %s: %s\n", what,
	    errno != 0 ? strerror(errno) : "failed");
	exit(1);
}

static void
bad(const char *what)
{
	fprintf(stderr, "minread: %s\n", what);
	exit(1);
}

/* A decimal in [lo, hi] from argv, or a usage error. */
static long long
number(const char *s, long long lo, long long hi)
{
	char		*end;
	long long	 v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (s[0] == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi)
		usage();
	return v;
}

static int
dial(const char *host, const char *port)
{
	struct sockaddr_in6	 s6;
	struct sockaddr_in	 s4;
	struct sockaddr		*sa;
	socklen_t		 len;
	int			 fd, one = 1;
	uint16_t		 p = (uint16_t)number(port, 1, 65535);

	memset(&s4, 0, sizeof(s4));
	memset(&s6, 0, sizeof(s6));
	if (inet_pton(AF_INET, host, &s4.sin_addr) == 1) {
		s4.sin_family = AF_INET;
		s4.sin_port = htons(p);
		sa = (struct sockaddr *)&s4;
		len = sizeof(s4);
	} else if (inet_pton(AF_INET6, host, &s6.sin6_addr) == 1) {
		s6.sin6_family = AF_INET6;
		s6.sin6_port = htons(p);
		sa = (struct sockaddr *)&s6;
		len = sizeof(s6);
	} else
		usage();
	if ((fd = socket(sa->sa_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		die("socket");
	/* what curl does too: a request is never held back by Nagle */
	if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) == -1)
		die("TCP_NODELAY");
	if (connect(fd, sa, len) == -1)
		die("connect");
	return fd;
}

static void
write_all(int fd, const char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			die("write");
		}
		p += w;
		n -= (size_t)w;
	}
}

static size_t
read_some(int fd, char *p, size_t n)
{
	ssize_t	 r;

	while ((r = read(fd, p, n)) == -1) {
		if (errno != EINTR)
			die("read");
	}
	return (size_t)r;
}

static size_t
request(char *req, const char *host, const char *port, const char *path,
    int closing)
{
	int	 n;

	n = snprintf(req, MR_REQMAX, "GET %s HTTP/1.1\r\nHost: %s:%s\r\n%s\r\n",
	    path, host, port, closing ? "Connection: close\r\n" : "");
	if (n < 0 || n >= MR_REQMAX)
		bad("request too long");
	return (size_t)n;
}

/* Offset just past the head's CRLFCRLF in p[0..n), or 0 if not there. */
static size_t
head_end(const char *p, size_t n)
{
	size_t	 i;

	for (i = 3; i < n; i++) {
		if (p[i] == '\n' && p[i - 1] == '\r' && p[i - 2] == '\n' &&
		    p[i - 3] == '\r')
			return i + 1;
	}
	return 0;
}

/*
 * Checks the status is 200 and returns Content-Length, or -1 without one;
 * h is the whole head, CRLFCRLF included.
 */
static long long
head_length(const char *h, size_t n)
{
	static const char	 cl[] = "\r\ncontent-length:";
	const char		*p, *end = h + n;
	long long		 v = -1;

	if (n < 12 || memcmp(h, "HTTP/1.", 7) != 0 || memcmp(h + 8, " 200", 4))
		bad("status is not 200");
	for (p = h; p + sizeof(cl) - 1 < end; p++) {
		if (strncasecmp(p, cl, sizeof(cl) - 1) != 0)
			continue;
		for (p += sizeof(cl) - 1; *p == ' ' || *p == '\t'; p++)
			;
		for (v = 0; *p >= '0' && *p <= '9'; p++) {
			if (v > (LLONG_MAX - (*p - '0')) / 10)
				bad("Content-Length too big");
			v = v * 10 + (*p - '0');
		}
		break;
	}
	return v;
}

/*
 * Reads a head into mr_buf, which held have bytes; returns the head's
 * length, and in *have all the bytes read so far.
 */
static size_t
read_head(int fd, size_t *have)
{
	size_t	 end, n;

	while ((end = head_end(mr_buf, *have)) == 0) {
		if (*have == sizeof(mr_buf))
			bad("head too big");
		if ((n = read_some(fd, mr_buf + *have, sizeof(mr_buf) - *have))
		    == 0)
			bad("connection closed in the head");
		*have += n;
	}
	return end;
}

static int
keepalive(const char *host, const char *port, const char *path, long n)
{
	char		 req[MR_REQMAX];
	size_t		 reqlen, have = 0, head, got;
	long long	 left;
	long		 i;
	int		 fd;

	reqlen = request(req, host, port, path, 0);
	fd = dial(host, port);
	for (i = 0; i < n; i++) {
		write_all(fd, req, reqlen);
		head = read_head(fd, &have);
		if ((left = head_length(mr_buf, head)) < 0)
			bad("no Content-Length");
		/* no pipelining: nothing past this body is on the wire */
		if ((long long)(have - head) > left)
			bad("more bytes than Content-Length");
		left -= (long long)(have - head);
		have = 0;
		while (left > 0) {
			got = read_some(fd, mr_buf, left < (long long)sizeof(mr_buf)
			    ? (size_t)left : sizeof(mr_buf));
			if (got == 0)
				bad("connection closed in the body");
			left -= (long long)got;
		}
	}
	close(fd);
	return 0;
}

static int
get(const char *host, const char *port, const char *path, const char *file)
{
	char		 req[MR_REQMAX];
	size_t		 have = 0, head, n;
	long long	 want, total;
	int		 fd, out;

	if (strcmp(file, "-") == 0)
		out = STDOUT_FILENO;
	else if ((out = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1)
		die(file);
	fd = dial(host, port);
	write_all(fd, req, request(req, host, port, path, 1));
	head = read_head(fd, &have);
	want = head_length(mr_buf, head);
	total = (long long)(have - head);
	write_all(out, mr_buf + head, have - head);
	while ((n = read_some(fd, mr_buf, sizeof(mr_buf))) > 0) {
		write_all(out, mr_buf, n);
		total += (long long)n;
	}
	if (want >= 0 && total != want)
		bad("body length is not Content-Length");
	if (out != STDOUT_FILENO && close(out) == -1)
		die(file);
	close(fd);
	return 0;
}

int
main(int argc, char *argv[])
{
	if (argc != 6)
		usage();
	if (strcmp(argv[1], "keepalive") == 0)
		return keepalive(argv[2], argv[3], argv[4],
		    (long)number(argv[5], 1, 100000000));
	if (strcmp(argv[1], "get") == 0)
		return get(argv[2], argv[3], argv[4], argv[5]);
	usage();
	return 2;
}
