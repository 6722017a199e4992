/* src/override.h: --connect-to and --resolve, curl's name overrides */
#ifndef HG_OVERRIDE_H
#define HG_OVERRIDE_H

#include <stddef.h>

/*
 * --connect-to HOST1:PORT1:HOST2:PORT2: a request for (host, port)
 * connects to HOST2:PORT2 instead; an empty HOST1 or PORT1 matches any,
 * an empty (or missing) HOST2 or PORT2 keeps the original.  IPv6 hosts in brackets.
 * The first rule that matches wins: returns 1 and fills out/outport (out
 * without brackets), 0 when none matches, -1 for a malformed rule.
 */
int	 override_connect_to(const char *const *rules, size_t n,
	    const char *host, unsigned port, char *out, size_t outlen,
	    unsigned *outport);

/*
 * --resolve HOST:PORT:ADDR[,ADDR...]: the addresses to use for (host,
 * port) instead of asking the resolver; the last rule for them wins.  Returns 1 and copies the
 * comma-separated list (brackets removed) to out, 0 when no rule matches,
 * -1 for a malformed rule.
 */
int	 override_resolve(const char *const *rules, size_t n,
	    const char *host, unsigned port, char *out, size_t outlen);

#endif
