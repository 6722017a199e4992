/* src/proxy.h: which proxy one request goes through, by curl 7.88's rules */
#ifndef HG_PROXY_H
#define HG_PROXY_H

#include "herr.h"
#include "hget.h"
#include "limits.h"
#include "url.h"

/* curl exits 5 (CURLE_COULDNT_RESOLVE_PROXY) for a proxy string it
 * cannot parse */
#define PROXY_ERR_SYNTAX	HERR_COULDNT_RESOLVE_PROXY
/* curl 7.88: "Unsupported proxy scheme for '...'" is exit 7 */
#define PROXY_ERR_SCHEME	HERR_COULDNT_CONNECT

/* An HTTP proxy to send the request to. */
struct proxy {
	char		 host[HG_MAX_HOST];	/* IPv6 without brackets, as
						   "addr%zone" when zoned */
	unsigned	 port;			/* 1080 unless the string
						   names one (curl's) */
	int		 ipv6;			/* host is an IPv6 literal */
	int		 tunnel;		/* CONNECT: https:// or -p */
	int		 has_user;		/* send Proxy-Authorization */
	char		 user[HG_MAX_CRED];	/* percent-decoded */
	char		 password[HG_MAX_CRED];	/* percent-decoded */
};

/*
 * Decide for one request URL (again on every redirect hop): 1 and *p
 * filled in when the request goes through a proxy, 0 when it goes direct,
 * -1 with e filled in when the proxy string or -U cannot be used.  Pure:
 * the environment was read by cmd/ into rq.
 */
int		 proxy_pick(const struct hg_request *rq, const struct url *u,
		    struct proxy *p, struct hg_err *e);

/*
 * curl's no_proxy test: does the comma- or blank-separated list exclude
 * host (as in struct url: IPv6 without brackets)?  1 yes, 0 no.
 */
int		 proxy_noproxy_match(const char *list, const char *host);

#endif
