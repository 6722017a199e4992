/* src/net.c: getaddrinfo and a non-blocking connect bounded by deadlines */
#include <sys/socket.h>
#include <sys/types.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "net.h"

/*
 * The numeric address and port of sa.  inet_ntop, not getnameinfo: the
 * answer is numeric either way, and getnameinfo drags in the resolver.
 */
static void
net_name(const struct sockaddr *sa, socklen_t len, char *ip, size_t iplen,
    unsigned *port)
{
	const struct sockaddr_in	*sin = (const void *)sa;
	const struct sockaddr_in6	*sin6 = (const void *)sa;
	const void			*a = NULL;

	*port = 0;
	if (sa->sa_family == AF_INET && len >= sizeof(*sin)) {
		a = &sin->sin_addr;
		*port = ntohs(sin->sin_port);
	} else if (sa->sa_family == AF_INET6 && len >= sizeof(*sin6)) {
		a = &sin6->sin6_addr;
		*port = ntohs(sin6->sin6_port);
	}
	if (a == NULL || inet_ntop(sa->sa_family, a, ip, (socklen_t)iplen) ==
	    NULL) {
		(void)strlcpy(ip, "?", iplen);
		*port = 0;
	}
}

/*
 * Connect one address.  Returns 0 with a blocking fd, or -1 with errno
 * (ETIMEDOUT when a deadline passed).
 */
static int
net_try(const struct addrinfo *ai, int64_t deadline, int *fdp)
{
	struct pollfd	 pfd;
	socklen_t	 len = sizeof(int);
	int		 fd, rc, soerr = 0, one = 1;

	fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC |
	    SOCK_NONBLOCK, ai->ai_protocol);
	if (fd == -1)
		return -1;
	if (connect(fd, ai->ai_addr, ai->ai_addrlen) == -1) {
		if (errno != EINPROGRESS)
			goto fail;
		pfd.fd = fd;
		pfd.events = POLLOUT;
		do
			rc = poll(&pfd, 1, clock_poll_ms(deadline));
		while (rc == -1 && errno == EINTR);
		if (rc == 0)
			errno = ETIMEDOUT;
		if (rc <= 0)
			goto fail;
		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) == -1)
			goto fail;
		if (soerr != 0) {
			errno = soerr;
			goto fail;
		}
	}
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) == -1)
		goto fail;
	/* requests go out in one write; never wait for Nagle */
	(void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	*fdp = fd;
	return 0;
fail:
	soerr = errno;
	close(fd);
	errno = soerr;
	return -1;
}

static void
net_fmt_addr(const struct addrinfo *ai, char *dst, size_t len)
{
	char		 ip[64];
	unsigned	 port;

	net_name(ai->ai_addr, ai->ai_addrlen, ip, sizeof(ip), &port);
	if (ai->ai_family == AF_INET6)
		(void)snprintf(dst, len, "[%s]:%u", ip, port);
	else
		(void)snprintf(dst, len, "%s:%u", ip, port);
}

/* Is host an address literal of the family -4/-6 excludes? */
static int
net_wrong_family(const char *host, int family)
{
	unsigned char	 a[sizeof(struct in6_addr)];

	if (family == 4)
		return inet_pton(AF_INET6, host, a) == 1;
	if (family == 6)
		return inet_pton(AF_INET, host, a) == 1;
	return 0;
}

/*
 * A literal host as the one address getaddrinfo would return for it,
 * without getaddrinfo: a numeric lookup still initialises the resolver,
 * a third of hget's start-up memory (measured: 988 KB -> 1360 KB of
 * peak RSS in a program that does nothing else).  0 when host is not a
 * literal (names, and IPv6 with a zone, go to getaddrinfo).
 */
struct net_literal {
	struct addrinfo		 ai;
	struct sockaddr_storage	 ss;
};

static int
net_literal(const struct net_target *t, struct net_literal *l)
{
	struct sockaddr_in	*sin = (void *)&l->ss;
	struct sockaddr_in6	*sin6 = (void *)&l->ss;

	memset(l, 0, sizeof(*l));
	if (t->addrs != NULL)
		return 0;
	if (t->family != 6 && inet_pton(AF_INET, t->host, &sin->sin_addr) ==
	    1) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)t->port);
		l->ai.ai_addrlen = sizeof(*sin);
	} else if (t->family != 4 && inet_pton(AF_INET6, t->host,
	    &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)t->port);
		l->ai.ai_addrlen = sizeof(*sin6);
	} else
		return 0;
	l->ai.ai_family = l->ss.ss_family;
	l->ai.ai_socktype = SOCK_STREAM;
	l->ai.ai_protocol = IPPROTO_TCP;
	l->ai.ai_addr = (struct sockaddr *)&l->ss;
	return 1;
}

/*
 * --resolve: its addresses for t->host, numeric, in the order given;
 * the lists are chained into one so the caller tries each in turn.
 */
static enum herr
net_resolve_given(const struct net_target *t, const struct addrinfo *hints,
    const char *port, struct addrinfo **res, struct hg_err *e)
{
	struct addrinfo	 h = *hints, *one, **tail = res;
	char		 addr[INET6_ADDRSTRLEN + 8];
	const char	*p;
	size_t		 n;

	*res = NULL;
	h.ai_flags |= AI_NUMERICHOST;
	h.ai_flags &= ~AI_ADDRCONFIG;
	for (p = t->addrs; *p != '\0'; p += *p == ',') {
		n = strcspn(p, ",");
		if (n < sizeof(addr)) {
			memcpy(addr, p, n);
			addr[n] = '\0';
			if (getaddrinfo(addr, port, &h, &one) == 0) {
				*tail = one;
				while (*tail != NULL)
					tail = &(*tail)->ai_next;
			}
		}
		p += n;
	}
	if (*res == NULL)
		return hg_fail(e, HERR_COULDNT_RESOLVE_HOST,
		    "Could not resolve host: %s", t->host);
	return HERR_OK;
}

static enum herr
net_resolve(const struct net_target *t, struct addrinfo **res,
    struct hg_err *e)
{
	struct addrinfo	 hints;
	char		 port[8];
	int		 rc;

	/* -6 with an IPv4 literal (or -4 with IPv6) cannot connect: curl 7 */
	if (net_wrong_family(t->host, t->family))
		return hg_fail(e, HERR_COULDNT_CONNECT,
		    "Couldn't connect to server");
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = t->family == 4 ? AF_INET :
	    t->family == 6 ? AF_INET6 : AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_ADDRCONFIG | AI_NUMERICSERV;
	(void)snprintf(port, sizeof(port), "%u", t->port);
	if (t->addrs != NULL)
		return net_resolve_given(t, &hints, port, res, e);
	/* getaddrinfo cannot be interrupted; -m bounds what follows it */
	if ((rc = getaddrinfo(t->host, port, &hints, res)) != 0) {
		hints.ai_flags &= ~AI_ADDRCONFIG;	/* loopback-only hosts */
		rc = getaddrinfo(t->host, port, &hints, res);
	}
	if (rc != 0)
		return hg_fail(e, HERR_COULDNT_RESOLVE_HOST,
		    "Could not resolve host: %s", t->host);
	return HERR_OK;
}

/* No address connected: curl's words depend on which limit ran out. */
static enum herr
net_fail(const struct net_target *t, int64_t start, int64_t deadline,
    int timedout, struct hg_err *e)
{
	long long	 ms = (long long)((clock_us() - start) / 1000);

	if (timedout && deadline == t->deadline)
		return hg_fail(e, HERR_OPERATION_TIMEDOUT,
		    "Connection timed out after %lld milliseconds", ms);
	if (timedout)
		return hg_fail(e, HERR_OPERATION_TIMEDOUT,
		    "Failed to connect to %s port %u after %lld ms: "
		    "Timeout was reached", t->host, t->port, ms);
	return hg_fail(e, HERR_COULDNT_CONNECT,
	    "Failed to connect to %s port %u after %lld ms: "
	    "Couldn't connect to server", t->host, t->port, ms);
}

enum herr
net_connect(const struct net_target *t, struct trace *tr, int64_t start,
    struct net_peer *p, struct hg_err *e)
{
	struct net_literal lit;
	struct addrinfo	*res, *ai;
	struct sockaddr_storage ss;
	socklen_t	 sslen = sizeof(ss);
	char		 where[128];
	int64_t		 deadline;
	enum herr	 rc;
	int		 err = 0, timedout = 0;

	if (net_literal(t, &lit))
		res = &lit.ai;
	else if ((rc = net_resolve(t, &res, e)) != HERR_OK)
		return rc;
	p->resolved_at = clock_us();
	deadline = clock_min(t->connect_deadline, t->deadline);
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		net_fmt_addr(ai, where, sizeof(where));
		trace_info(tr, "  Trying %s...", where);
		if (net_try(ai, deadline, &p->fd) == 0)
			break;
		err = errno;
		if (err == ETIMEDOUT && deadline != 0 &&
		    clock_poll_ms(deadline) == 0) {
			timedout = 1;
			break;
		}
		net_name(ai->ai_addr, ai->ai_addrlen, p->ip, sizeof(p->ip),
		    &p->port);
		trace_info(tr, "connect to %s port %u failed: %s", p->ip,
		    p->port, strerror(err));
	}
	if (ai == NULL || timedout) {
		if (res != &lit.ai)
			freeaddrinfo(res);
		rc = net_fail(t, start, deadline, timedout, e);
		e->oserr = err;
		return rc;
	}
	net_name(ai->ai_addr, ai->ai_addrlen, p->ip, sizeof(p->ip), &p->port);
	if (getsockname(p->fd, (struct sockaddr *)&ss, &sslen) == 0)
		net_name((struct sockaddr *)&ss, sslen, p->local_ip,
		    sizeof(p->local_ip), &p->local_port);
	if (res != &lit.ai)
		freeaddrinfo(res);
	p->connected_at = clock_us();
	return HERR_OK;
}
