/* src/route.c: how a hop connects: proxy or not, --connect-to, --resolve */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "override.h"
#include "proxy.h"
#include "xfer.h"

/*
 * Proxy-Authorization: Basic from the credentials proxy_pick() settled on
 * (the proxy URL's, else -U's; both percent-decoded).
 */
static enum herr
route_proxy_auth(struct xfer *x, const struct proxy *px, struct hg_err *e)
{
	struct buf	 cred, out;
	int		 rc;

	if (!px->has_user)
		return HERR_OK;
	buf_init(&cred, HG_MAX_CRED * 2);
	buf_init(&out, HG_MAX_CRED * 2 - 1);
	rc = buf_printf(&cred, "%s:%s", px->user, px->password) == -1 ||
	    buf_addstr(&out, "Basic ") == -1 ||
	    auth_base64(&out, (const unsigned char *)cred.data, cred.len) ==
	    -1 || (x->route.proxy_auth = strdup(out.data)) == NULL ? -1 : 0;
	if (cred.data != NULL)
		explicit_bzero(cred.data, cred.size);
	if (out.data != NULL)
		explicit_bzero(out.data, out.size);
	buf_free(&cred);
	buf_free(&out);
	return rc == 0 ? HERR_OK : hg_fail(e, HERR_TOO_LARGE,
	    "proxy credentials too long");
}

void
route_free(struct route *rt)
{
	if (rt->proxy_auth == NULL)
		return;
	explicit_bzero(rt->proxy_auth, strlen(rt->proxy_auth));
	free(rt->proxy_auth);
	rt->proxy_auth = NULL;
}

/* The TCP endpoint without a proxy: the origin, or --connect-to's. */
static enum herr
route_direct(struct xfer *x, struct hg_err *e)
{
	struct route	*rt = &x->route;
	int		 rc;

	rc = override_connect_to(x->rq->connect_to, x->rq->nconnect_to,
	    x->url.host, x->url.port, rt->host, sizeof(rt->host), &rt->port);
	if (rc == -1)
		return hg_fail(e, HERR_FAILED_INIT, "Bad --connect-to rule");
	if (rc == 0) {
		(void)strlcpy(rt->host, x->url.host, sizeof(rt->host));
		rt->port = x->url.port;
	}
	return HERR_OK;
}

enum herr
xfer_route(struct xfer *x, struct hg_err *e)
{
	struct route	*rt = &x->route;
	struct proxy	 px;
	enum herr	 rc;
	int		 use;

	route_free(rt);
	memset(rt, 0, sizeof(*rt));
	rt->tls = strcmp(x->url.scheme, "https") == 0;
	if ((use = proxy_pick(x->rq, &x->url, &px, e)) == -1)
		return e->code;
	if (use) {
		rt->proxy = 1;
		rt->tunnel = px.tunnel;
		(void)strlcpy(rt->host, px.host, sizeof(rt->host));
		rt->port = px.port;
		if ((rc = route_proxy_auth(x, &px, e)) != HERR_OK)
			return rc;
	} else if ((rc = route_direct(x, e)) != HERR_OK)
		return rc;
	if (override_resolve(x->rq->resolve, x->rq->nresolve, rt->host,
	    rt->port, rt->addrs, sizeof(rt->addrs)) == -1)
		return hg_fail(e, HERR_FAILED_INIT, "Bad --resolve rule");
	/*
	 * A plain proxy connection serves any http origin; a tunnel or a
	 * direct one serves its own origin only.
	 */
	if (rt->proxy && !rt->tunnel)
		(void)snprintf(rt->key, sizeof(rt->key), "proxy %s:%u",
		    rt->host, rt->port);
	else
		(void)snprintf(rt->key, sizeof(rt->key), "%s://%s:%u via %s:%u%s",
		    x->url.scheme, x->url.host, x->url.port, rt->host, rt->port,
		    rt->tunnel ? " tunnel" : "");
	return HERR_OK;
}
