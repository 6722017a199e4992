/* src/auth.c: credentials from -u, --oauth2-bearer, the URL and netrc */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "limits.h"
#include "netrc.h"
#include "span.h"

int
auth_base64(struct buf *out, const unsigned char *in, size_t n)
{
	static const char	 b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	uint32_t		 v;
	size_t			 i;
	char			 q[4];

	for (i = 0; i < n; i += 3) {
		v = (uint32_t)in[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)in[i + 1] << 8;
		if (i + 2 < n)
			v |= in[i + 2];
		q[0] = b64[v >> 18 & 63];
		q[1] = b64[v >> 12 & 63];
		q[2] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? b64[v & 63] : '=';
		if (buf_add(out, q, 4) == -1)
			return -1;
	}
	return 0;
}

/* RFC 3986 §2.1: userinfo is percent-encoded in the URL, not on the wire. */
static int
auth_add_decoded(struct buf *out, const char *s)
{
	int	 hi, lo;

	for (; *s != '\0'; s++) {
		if (s[0] == '%' && (hi = span_hexval((unsigned char)s[1])) != -1 &&
		    (lo = span_hexval((unsigned char)s[2])) != -1) {
			if (buf_addc(out, (char)(hi << 4 | lo)) == -1)
				return -1;
			s += 2;
		} else if (buf_addc(out, *s) == -1)
			return -1;
	}
	return 0;
}

/* "Basic " + base64(cred); the plain credentials are wiped after. */
static int
auth_basic(struct buf *out, struct buf *cred)
{
	int	 rc;

	rc = buf_addstr(out, "Basic ") == -1 ||
	    auth_base64(out, (const unsigned char *)cred->data, cred->len) ==
	    -1 ? -1 : 0;
	if (cred->data != NULL)
		explicit_bzero(cred->data, cred->size);
	buf_free(cred);
	return rc;
}

/* A netrc file into memory; NULL with errno when it cannot be read. */
static char *
auth_read_netrc(const char *path, size_t *len)
{
	FILE	*fp;
	char	*s;
	size_t	 n;
	int	 bad;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	if ((s = malloc(HG_MAX_NETRC + 1)) == NULL) {
		(void)fclose(fp);
		return NULL;
	}
	n = fread(s, 1, HG_MAX_NETRC + 1, fp);
	bad = ferror(fp) ? EIO : n > HG_MAX_NETRC ? EFBIG : 0;
	(void)fclose(fp);
	if (bad != 0) {
		free(s);
		errno = bad;
		return NULL;
	}
	s[n] = '\0';
	*len = n;
	return s;
}

/* netrc's entry for host (and the login u names, if it names one). */
static enum herr
auth_netrc(const struct hg_request *rq, const struct url *host,
    const struct url *u, struct buf *cred, int *found, struct hg_err *e)
{
	char		 login[HG_MAX_CRED], pass[HG_MAX_CRED];
	struct buf	 user;
	const char	*why = NULL;
	char		*text;
	size_t		 len = 0;
	enum netrc_rc	 rc;

	if ((text = auth_read_netrc(rq->netrc_file, &len)) == NULL) {
		if (!rq->netrc_required)
			return HERR_OK;
		return hg_fail(e, HERR_READ_ERROR, "Couldn't read the netrc "
		    "file %s: %s", rq->netrc_file, strerror(errno));
	}
	buf_init(&user, HG_MAX_CRED);
	if (u->user != NULL && auth_add_decoded(&user, u->user) == -1) {
		free(text);
		buf_free(&user);
		return hg_fail(e, HERR_TOO_LARGE, "user name too long");
	}
	/* netrc names users as they are, the URL percent-encoded */
	rc = netrc_lookup(text, len, host->host, u->user == NULL ? NULL :
	    user.data != NULL ? user.data : "",
	    login, sizeof(login), pass, sizeof(pass), &why);
	explicit_bzero(text, len);
	free(text);
	buf_free(&user);
	if (rc == NETRC_BAD)
		return hg_fail(e, HERR_READ_ERROR, ".netrc parser error: %s "
		    "(%s)", why != NULL ? why : "syntax error", rq->netrc_file);
	if (rc == NETRC_FOUND) {
		*found = buf_addstr(cred, login) == 0 &&
		    buf_addc(cred, ':') == 0 && buf_addstr(cred, pass) == 0;
		if (!*found)
			buf_reset(cred);
	}
	explicit_bzero(pass, sizeof(pass));
	return HERR_OK;
}

/* The "user:password" to send as Basic, in curl's order of precedence. */
static enum herr
auth_credentials(const struct hg_request *rq, const struct url *host,
    const struct url *first, struct buf *cred, int *found, struct hg_err *e)
{
	/* a Location's own userinfo, else the first URL's */
	const struct url	*u = host->user != NULL ? host : first;

	*found = 0;
	if (rq->user != NULL) {
		*found = buf_addstr(cred, rq->user) == 0;
		return HERR_OK;
	}
	/* -n and --netrc-file: netrc's password beats the URL's */
	if (rq->netrc_file != NULL && !rq->netrc_optional) {
		if (auth_netrc(rq, host, u, cred, found, e) != HERR_OK)
			return e->code;
		if (*found)
			return HERR_OK;
	}
	if (u->user != NULL && u->password != NULL) {
		*found = auth_add_decoded(cred, u->user) == 0 &&
		    buf_addc(cred, ':') == 0 &&
		    auth_add_decoded(cred, u->password) == 0;
		return HERR_OK;
	}
	/* --netrc-optional: netrc fills in what the URL leaves out */
	if (rq->netrc_file != NULL && rq->netrc_optional) {
		if (auth_netrc(rq, host, u, cred, found, e) != HERR_OK)
			return e->code;
		if (*found)
			return HERR_OK;
	}
	/* a user without a password: curl sends "user:" */
	if (u->user != NULL)
		*found = auth_add_decoded(cred, u->user) == 0 &&
		    buf_addc(cred, ':') == 0;
	return HERR_OK;
}

enum herr
auth_value(const struct hg_request *rq, const struct url *u,
    const struct url *first, int trusted, struct buf *out, int *found,
    struct hg_err *e)
{
	struct buf	 cred;
	enum herr	 rc;

	*found = 0;
	if (!trusted)
		return HERR_OK;
	if (rq->bearer != NULL) {
		*found = 1;
		if (buf_addstr(out, "Bearer ") == -1 ||
		    buf_addstr(out, rq->bearer) == -1)
			return hg_fail(e, HERR_TOO_LARGE, "credentials too long");
		return HERR_OK;
	}
	buf_init(&cred, HG_MAX_CRED * 2 + 1);
	if ((rc = auth_credentials(rq, u, first, &cred, found, e)) !=
	    HERR_OK) {
		buf_free(&cred);
		return rc;
	}
	if (!*found) {
		buf_free(&cred);
		return HERR_OK;
	}
	if (auth_basic(out, &cred) == -1)
		return hg_fail(e, HERR_TOO_LARGE, "credentials too long");
	return HERR_OK;
}
