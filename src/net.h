/* src/net.h: resolve a host and connect to it under a deadline */
#ifndef HG_NET_H
#define HG_NET_H

#include <stdint.h>

#include "herr.h"
#include "trace.h"

struct net_target {
	const char	*host;		/* name or literal, IPv6 without brackets */
	const char	*addrs;		/* --resolve: "a,b" used for host; or NULL */
	unsigned	 port;
	int		 family;	/* 0 any, 4 or 6 (-4/-6) */
	int64_t		 connect_deadline; /* clock_us(); 0 = none */
	int64_t		 deadline;	/* the whole transfer's; 0 = none */
};

struct net_peer {
	int		 fd;		/* blocking, TCP_NODELAY */
	char		 ip[64];
	unsigned	 port;
	char		 local_ip[64];
	unsigned	 local_port;
	int64_t		 resolved_at;	/* clock_us() */
	int64_t		 connected_at;
};

/*
 * Resolve t->host and try each address in turn until one connects.
 * HERR_COULDNT_RESOLVE_HOST, HERR_COULDNT_CONNECT or
 * HERR_OPERATION_TIMEDOUT with curl's wording in e.
 */
enum herr	 net_connect(const struct net_target *t, struct trace *,
		    int64_t start, struct net_peer *p, struct hg_err *e);

#endif
