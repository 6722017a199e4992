/* src/tlsc.c: HTTPS over libtls: trust, client keys, handshake, -v lines */
#include <arpa/inet.h>
#include <netinet/in.h>

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <tls.h>

#include "lazylib.h"
#include "tlsc.h"
#include "x509.h"

/*
 * The system bundle, where Debian's curl 7.88 looks too; libtls's own
 * default (tls_default_ca_cert_file()) is OpenSSL's cert.pem, which
 * Debian does not ship.
 */
#define TLSC_CA_BUNDLE	"/etc/ssl/certs/ca-certificates.crt"
/* RFC 7301 §6: the only protocol hget speaks */
#define TLSC_ALPN	"http/1.1"
/* curl's ssl_verify_result for a certificate naming another host */
#define TLSC_NAME_MISMATCH 1

/*
 * OpenSSL's X509_V_ERR_* numbers, which curl reports as
 * %{ssl_verify_result}, for the reasons libtls passes on as text
 * (X509_verify_cert_error_string); OpenSSL 3 writes "self-signed",
 * older versions "self signed".
 */
static const struct {
	long		 code;
	const char	*text;
} tlsc_verify_codes[] = {
	{ 2, "unable to get issuer certificate" },
	{ 4, "unable to decrypt certificate's signature" },
	{ 6, "unable to decode issuer public key" },
	{ 7, "certificate signature failure" },
	{ 9, "certificate is not yet valid" },
	{ 10, "certificate has expired" },
	{ 13, "format error in certificate's notBefore field" },
	{ 14, "format error in certificate's notAfter field" },
	{ 18, "self-signed certificate" },
	{ 18, "self signed certificate" },
	{ 19, "self-signed certificate in certificate chain" },
	{ 19, "self signed certificate in certificate chain" },
	{ 20, "unable to get local issuer certificate" },
	{ 21, "unable to verify the first certificate" },
	{ 22, "certificate chain too long" },
	{ 23, "certificate revoked" },
	{ 24, "invalid CA certificate" },
	{ 25, "path length constraint exceeded" },
	{ 26, "unsupported certificate purpose" },
	{ 27, "certificate not trusted" },
	{ 28, "certificate rejected" },
};

/* What libtls says before the reason, in the errors we take apart. */
static const char tlsc_verify_failed[] = "certificate verification failed: ";
static const char tlsc_handshake_failed[] = "handshake failed: ";
static const char tlsc_no_name[] = "not present in server certificate";

/* The name checked against the certificate and sent as SNI. */
struct tlsc_name {
	char		 name[HG_MAX_HOST];
	int		 ip;		/* an address literal: no SNI */
};

/* Which subjectAltName entry a verified host name matched, for -v. */
struct tlsc_match {
	const char	*host;
	int		 found;
	char		 san[X509_NAME_MAX + 1];
};

/* libtls's strings may be NULL (no error recorded, out of memory). */
static const char *
tlsc_str(const char *s, const char *otherwise)
{
	return s != NULL ? s : otherwise;
}

static long
tlsc_verify_code(const char *reason)
{
	size_t	 i;

	for (i = 0; i < sizeof(tlsc_verify_codes) /
	    sizeof(tlsc_verify_codes[0]); i++)
		if (strcmp(reason, tlsc_verify_codes[i].text) == 0)
			return tlsc_verify_codes[i].code;
	return 1;	/* X509_V_ERR_UNSPECIFIED */
}

/* Does mem hold s (a PEM marker)?  memmem is a GNU extension. */
static int
tlsc_has(const uint8_t *mem, size_t len, const char *s)
{
	size_t		 n = strlen(s);
	const uint8_t	*p = mem, *end = mem + len;

	while (n > 0 && (size_t)(end - p) >= n &&
	    (p = memchr(p, s[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p, s, n) == 0)
			return 1;
		p++;
	}
	return 0;
}

/*
 * The server's name as libtls checks it: an IPv6 zone ("%eth0") is local
 * to this host, never in a certificate; a final dot is dropped (libtls
 * drops it too).  RFC 6066 §3: no SNI for an address literal.
 */
static void
tlsc_name(const char *host, struct tlsc_name *n)
{
	unsigned char	 a[sizeof(struct in6_addr)];
	size_t		 len;

	(void)strlcpy(n->name, host, sizeof(n->name));
	n->name[strcspn(n->name, "%")] = '\0';
	len = strlen(n->name);
	if (len > 1 && n->name[len - 1] == '.')
		n->name[len - 1] = '\0';
	n->ip = inet_pton(AF_INET, n->name, a) == 1 ||
	    inet_pton(AF_INET6, n->name, a) == 1;
}

/* --tlsv1.2/--tlsv1.3 (the least) and --tls-max (the most). */
static enum herr
tlsc_protocols(struct tls_config *cfg, const struct hg_request *rq,
    struct hg_err *e)
{
	int		 min = rq->tls_min != 0 ? rq->tls_min : 12;
	int		 max = rq->tls_max != 0 ? rq->tls_max : 13;
	uint32_t	 p = 0;

	if (min > max)
		return hg_fail(e, HERR_SSL_CONNECT_ERROR,
		    "CURL_SSLVERSION_MAX incompatible with CURL_SSLVERSION");
	if (min <= 12 && max >= 12)
		p |= TLS_PROTOCOL_TLSv1_2;
	if (max >= 13)
		p |= TLS_PROTOCOL_TLSv1_3;
	if (tls_config_set_protocols(cfg, p) == -1)
		return hg_fail(e, HERR_SSL_CONNECT_ERROR, "%s",
		    tls_config_error(cfg));
	return HERR_OK;
}

/*
 * The CA file is read here rather than by libtls, so that a file that
 * cannot be read or holds no certificate is curl's 77 before anything
 * is sent, not a verification failure after the handshake.
 */
static enum herr
tlsc_cafile(struct tls_config *cfg, const char *file, struct hg_err *e)
{
	uint8_t		*mem;
	size_t		 len;
	int		 rc;

	if ((mem = tls_load_file(file, &len, NULL)) == NULL)
		return hg_fail(e, HERR_SSL_CACERT_BADFILE,
		    "error setting certificate file: %s", file);
	if (!tlsc_has(mem, len, "CERTIFICATE-----")) {
		tls_unload_file(mem, len);
		return hg_fail(e, HERR_SSL_CACERT_BADFILE,
		    "error setting certificate file: %s", file);
	}
	rc = tls_config_set_ca_mem(cfg, mem, len);
	tls_unload_file(mem, len);
	if (rc == -1)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	return HERR_OK;
}

/*
 * What the chain is checked against.  libtls takes a CA file or a CA
 * directory, not both: --capath alone uses the directory alone (curl
 * also reads its default file), --cacert with --capath the file.
 */
static enum herr
tlsc_trust(struct tls_config *cfg, const struct hg_request *rq,
    struct trace *tr, struct hg_err *e)
{
	const char	*file = rq->cacert;
	enum herr	 rc;

	if (rq->insecure) {
		/* curl -k reads no CA file at all: a bad --cacert is fine */
		tls_config_insecure_noverifycert(cfg);
		tls_config_insecure_noverifyname(cfg);
		return HERR_OK;
	}
	if (file == NULL && rq->capath == NULL)
		file = TLSC_CA_BUNDLE;
	if (file != NULL && (rc = tlsc_cafile(cfg, file, e)) != HERR_OK)
		return rc;
	if (file == NULL && tls_config_set_ca_path(cfg, rq->capath) == -1)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	trace_info(tr, " CAfile: %s", file != NULL ? file : "none");
	trace_info(tr, " CApath: %s", file == NULL ? rq->capath : "none");
	return HERR_OK;
}

/* The key of -E/--key, decrypted with -E's password when it has one. */
static enum herr
tlsc_key(const struct hg_request *rq, uint8_t **key, size_t *len,
    struct hg_err *e)
{
	const char	*file = rq->key != NULL ? rq->key : rq->cert;
	char		*pw = NULL;

	if (rq->cert_password != NULL &&
	    (pw = strdup(rq->cert_password)) == NULL)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	*key = tls_load_file(file, len, pw);
	if (pw != NULL) {
		explicit_bzero(pw, strlen(pw));
		free(pw);
	}
	if (*key != NULL && !tlsc_has(*key, *len, "PRIVATE KEY-----")) {
		tls_unload_file(*key, *len);
		*key = NULL;
	}
	if (*key == NULL)
		return hg_fail(e, HERR_SSL_CERTPROBLEM,
		    "unable to set private key file: '%s' type PEM", file);
	return HERR_OK;
}

/* -E FILE[:password] and --key FILE: a client certificate. */
static enum herr
tlsc_keypair(struct tls_config *cfg, const struct hg_request *rq,
    struct hg_err *e)
{
	uint8_t		*cert, *key = NULL;
	size_t		 clen, klen = 0;
	enum herr	 rc;

	if (rq->cert == NULL)
		return HERR_OK;
	if ((cert = tls_load_file(rq->cert, &clen, NULL)) == NULL)
		return hg_fail(e, HERR_SSL_CERTPROBLEM,
		    "could not load PEM client certificate from %s: %s",
		    rq->cert, strerror(errno));
	if (!tlsc_has(cert, clen, "CERTIFICATE-----")) {
		tls_unload_file(cert, clen);
		return hg_fail(e, HERR_SSL_CERTPROBLEM,
		    "could not load PEM client certificate from %s: "
		    "no certificate in it", rq->cert);
	}
	if ((rc = tlsc_key(rq, &key, &klen, e)) == HERR_OK &&
	    tls_config_set_keypair_mem(cfg, cert, clen, key, klen) == -1)
		rc = hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	tls_unload_file(cert, clen);
	if (key != NULL)
		tls_unload_file(key, klen);	/* zeroes it */
	return rc;
}

/* Everything a handshake is configured with; one per connection. */
static enum herr
tlsc_config(const struct hg_request *rq, struct trace *tr,
    struct tls_config **cfgp, struct hg_err *e)
{
	struct tls_config	*cfg = NULL;
	enum herr		 rc;

	if ((rc = lazylib_need(LAZY_TLS, HERR_FAILED_INIT, e)) != HERR_OK)
		return rc;
	if (tls_init() == -1 || (cfg = tls_config_new()) == NULL)
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	if ((rc = tlsc_protocols(cfg, rq, e)) != HERR_OK)
		goto fail;
	if (rq->ciphers != NULL &&
	    tls_config_set_ciphers(cfg, rq->ciphers) == -1) {
		rc = hg_fail(e, HERR_SSL_CIPHER,
		    "failed setting cipher list: %s", rq->ciphers);
		goto fail;
	}
	if (tls_config_set_alpn(cfg, TLSC_ALPN) == -1) {
		rc = hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
		goto fail;
	}
	if ((rc = tlsc_keypair(cfg, rq, e)) != HERR_OK)
		goto fail;
	trace_info(tr, "ALPN: offers %s", TLSC_ALPN);
	if ((rc = tlsc_trust(cfg, rq, tr, e)) != HERR_OK)
		goto fail;
	*cfgp = cfg;
	return HERR_OK;
fail:
	tls_config_free(cfg);
	return rc;
}

/*
 * The handshake failed: curl's code and words where libtls's text says
 * which check refused the server, libtls's text (kept whole) otherwise.
 */
static enum herr
tlsc_refused(struct conn *c, struct tls *ctx, const struct tlsc_name *n,
    long *vr, struct hg_err *e)
{
	const char	*why = tlsc_str(tls_error(ctx), "unknown error"), *p;

	if ((p = strstr(why, tlsc_verify_failed)) != NULL) {
		p += sizeof(tlsc_verify_failed) - 1;
		*vr = tlsc_verify_code(p);
		return hg_fail(e, HERR_PEER_FAILED_VERIFICATION,
		    "SSL certificate problem: %s", p);
	}
	if (strstr(why, tlsc_no_name) != NULL) {
		*vr = TLSC_NAME_MISMATCH;
		return hg_fail(e, HERR_PEER_FAILED_VERIFICATION,
		    "SSL: no alternative certificate subject name matches "
		    "target host name '%s'", n->name);
	}
	/* the server hung up first (what fails after that matters less) */
	if (c->tcp_eof)
		return hg_fail(e, HERR_SSL_CONNECT_ERROR,
		    "OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to "
		    "%s:%u", n->name, c->port);
	if (c->err != 0)
		return hg_fail(e, HERR_SSL_CONNECT_ERROR, "%s failure: %s",
		    c->err == EPIPE ? "Send" : "Recv", strerror(c->err));
	if (strncmp(why, tlsc_handshake_failed,
	    sizeof(tlsc_handshake_failed) - 1) == 0)
		why += sizeof(tlsc_handshake_failed) - 1;
	return hg_fail(e, HERR_SSL_CONNECT_ERROR, "TLS handshake failed: %s",
	    why);
}

/*
 * tls_connect_cbs() failed before a byte went out: libtls loads the
 * client certificate and key there ("failed to load certificate",
 * "failed to load private key", "private/public key mismatch").
 */
static enum herr
tlsc_unready(struct tls *ctx, const struct hg_request *rq, struct hg_err *e)
{
	const char	*why = tlsc_str(tls_error(ctx), "unknown error");

	if (rq->cert == NULL)
		return hg_fail(e, HERR_SSL_CONNECT_ERROR, "%s", why);
	if (strstr(why, "key") != NULL)
		return hg_fail(e, HERR_SSL_CERTPROBLEM,
		    "unable to set private key file: '%s' type PEM",
		    rq->key != NULL ? rq->key : rq->cert);
	return hg_fail(e, HERR_SSL_CERTPROBLEM,
	    "could not load PEM client certificate from %s: %s", rq->cert,
	    why);
}

static enum herr
tlsc_handshake(struct conn *c, struct tls *ctx, const struct tlsc_name *n,
    int64_t deadline, long *vr, struct hg_err *e)
{
	enum conn_rc	 crc;
	int		 rc;

	for (;;) {
		c->err = 0;
		if ((rc = tls_handshake(ctx)) == 0)
			return HERR_OK;
		if (rc != TLS_WANT_POLLIN && rc != TLS_WANT_POLLOUT)
			return tlsc_refused(c, ctx, n, vr, e);
		crc = conn_poll(c, rc == TLS_WANT_POLLIN ? POLLIN : POLLOUT,
		    deadline);
		if (crc == CONN_TIMEOUT)
			return hg_fail(e, HERR_OPERATION_TIMEDOUT,
			    "SSL connection timeout");
		if (crc != CONN_OK)
			return hg_fail(e, HERR_SSL_CONNECT_ERROR,
			    "SSL connect error: %s", strerror(c->err));
	}
}

/* The peer's own certificate (the chain's first) as DER, or NULL. */
static unsigned char *
tlsc_leaf(struct tls *ctx, size_t *derlen)
{
	const uint8_t	*pem;
	unsigned char	*der;
	size_t		 len, off = 0, cap;

	if ((pem = tls_peer_cert_chain_pem(ctx, &len)) == NULL)
		return NULL;
	cap = len / 4 * 3 + 3;
	if ((der = malloc(cap)) == NULL)
		return NULL;
	if (x509_pem_next((const char *)pem, len, &off, der, cap,
	    derlen) != 1) {
		free(der);
		return NULL;
	}
	return der;
}

/* Is p (just past a '/') the start of an attribute: "CN=", "2.5.4.3="? */
static int
tlsc_dn_type(const char *p)
{
	const char	*q = p;

	while (isalnum((unsigned char)*q) || *q == '.')
		q++;
	return q > p && *q == '=';
}

/*
 * libtls gives names in OpenSSL's one-line form, "/C=US/O=Org/CN=name";
 * curl shows "C=US; O=Org; CN=name".  OpenSSL 3 writes a '/' inside a
 * value as "\/" (older versions do not escape it, so only a '/' followed
 * by an attribute type and '=' starts the next part) and other bytes
 * outside printable ASCII as "\xHH".  The result goes through trace_vis.
 */
static void
tlsc_dn(const char *one, char *dst, size_t dstlen)
{
	char	 tmp[1024];
	size_t	 n = 0;

	if (*one == '/')
		one++;
	for (; *one != '\0' && n + 2 < sizeof(tmp); one++) {
		if (*one == '\\' && one[1] == '/')
			tmp[n++] = *++one;	/* OpenSSL 3 escapes a '/' */
		else if (*one == '/' && tlsc_dn_type(one + 1)) {
			tmp[n++] = ';';
			tmp[n++] = ' ';
		} else
			tmp[n++] = *one;
	}
	trace_vis(dst, dstlen, tmp, n);
}

/* "Nov 22 00:54:55 2026 GMT", as OpenSSL prints an ASN.1 time for curl. */
static void
tlsc_date(time_t t, char *dst, size_t len)
{
	struct tm	 tm;

	if (t == -1 || gmtime_r(&t, &tm) == NULL ||
	    strftime(dst, len, "%b %e %H:%M:%S %Y GMT", &tm) == 0)
		(void)strlcpy(dst, "(unknown)", len);
}

/* RFC 6125 §6.4.3: a wildcard stands for the whole left-most label. */
static int
tlsc_name_match(const char *pattern, const char *host)
{
	const char	*dot;

	if (strcasecmp(pattern, host) == 0)
		return 1;
	if (pattern[0] != '*' || pattern[1] != '.')
		return 0;
	if ((dot = strchr(host, '.')) == NULL || dot == host)
		return 0;
	return strcasecmp(pattern + 1, dot) == 0;
}

static void
tlsc_san_cb(void *arg, int type, const char *name)
{
	struct tlsc_match	*m = arg;

	if (type != X509_SAN_DNS || m->found || !tlsc_name_match(name, m->host))
		return;
	(void)strlcpy(m->san, name, sizeof(m->san));
	m->found = 1;
}

/* curl's line on how the verified name matched the certificate. */
static void
tlsc_show_match(const unsigned char *der, size_t derlen,
    const struct tlsc_name *n, struct trace *tr)
{
	struct tlsc_match	 m;
	char			 v[4 * sizeof(m.san) + 1];

	if (n->ip) {
		trace_info(tr, " subjectAltName: host \"%s\" matched cert's "
		    "IP address!", n->name);
		return;
	}
	memset(&m, 0, sizeof(m));
	m.host = n->name;
	if (der != NULL)
		(void)x509_sans(der, derlen, tlsc_san_cb, &m);
	if (!m.found) {
		/* libtls falls back to the subject's CN without DNS SANs */
		trace_info(tr, " common name: %s (matched)", n->name);
		return;
	}
	trace_vis(v, sizeof(v), m.san, strlen(m.san));
	trace_info(tr, " subjectAltName: host \"%s\" matched cert's \"%s\"",
	    n->name, v);
}

/* -v: the connection and the server's certificate, as curl shows them. */
static void
tlsc_show(struct tls *ctx, const struct hg_request *rq,
    const struct tlsc_name *n, const unsigned char *der, size_t derlen,
    struct trace *tr)
{
	const char	*alpn;
	char		 v[4096];

	trace_info(tr, "SSL connection using %s / %s",
	    tlsc_str(tls_conn_version(ctx), "?"),
	    tlsc_str(tls_conn_cipher(ctx), "?"));
	if ((alpn = tls_conn_alpn_selected(ctx)) == NULL)
		trace_info(tr, "ALPN: server did not agree on a protocol. "
		    "Uses default.");
	else {
		trace_vis(v, sizeof(v), alpn, strlen(alpn));
		trace_info(tr, "ALPN: server accepted %s", v);
	}
	trace_info(tr, "Server certificate:");
	tlsc_dn(tlsc_str(tls_peer_cert_subject(ctx), ""), v, sizeof(v));
	trace_info(tr, " subject: %s", v);
	tlsc_date(tls_peer_cert_notbefore(ctx), v, sizeof(v));
	trace_info(tr, " start date: %s", v);
	tlsc_date(tls_peer_cert_notafter(ctx), v, sizeof(v));
	trace_info(tr, " expire date: %s", v);
	if (!rq->insecure)
		tlsc_show_match(der, derlen, n, tr);
	tlsc_dn(tlsc_str(tls_peer_cert_issuer(ctx), ""), v, sizeof(v));
	trace_info(tr, " issuer: %s", v);
	if (rq->insecure)
		trace_info(tr, " SSL certificate verify result: not checked "
		    "(--insecure), continuing anyway.");
	else
		trace_info(tr, " SSL certificate verify ok.");
}

/* --pinnedpubkey: the server's key must be one of the pinned ones. */
static enum herr
tlsc_pin(const struct hg_request *rq, const unsigned char *der,
    size_t derlen, struct trace *tr, struct hg_err *e)
{
	char	 hash[X509_PIN_LEN];

	if (rq->pinned == NULL)
		return HERR_OK;
	if (der != NULL && x509_pin_hash(der, derlen, hash) == 0)
		trace_info(tr, " public key hash: %s", hash);
	/* curl 7.88: a pin that cannot be read is a mismatch too */
	if (der == NULL || x509_pin_check(rq->pinned, der, derlen) != 1)
		return hg_fail(e, HERR_SSL_PINNEDPUBKEYNOTMATCH,
		    "SSL: public key does not match pinned public key");
	return HERR_OK;
}

/* After the handshake: what -v shows, then the pin. */
static enum herr
tlsc_established(struct tls *ctx, const struct hg_request *rq,
    const struct tlsc_name *n, struct trace *tr, struct hg_err *e)
{
	unsigned char	*der = NULL;
	size_t		 derlen = 0;
	enum herr	 rc;

	if ((tr != NULL && tr->fp != NULL) || rq->pinned != NULL)
		der = tlsc_leaf(ctx, &derlen);
	tlsc_show(ctx, rq, n, der, derlen, tr);
	rc = tlsc_pin(rq, der, derlen, tr, e);
	free(der);
	if (rc == HERR_OK)
		trace_info(tr, "using HTTP/1.x");
	return rc;
}

enum herr
tlsc_start(struct conn *c, const struct hg_request *rq, const char *host,
    int64_t deadline, struct trace *tr, long *verify_result,
    struct hg_err *e)
{
	struct tls_config	*cfg = NULL;
	struct tls		*ctx;
	struct tlsc_name	 n;
	enum herr		 rc;

	*verify_result = 0;
	tlsc_name(host, &n);
	/*
	 * The server speaks second in TLS (RFC 8446 §2): bytes already in
	 * the buffer (after a proxy's CONNECT answer) belong to no one.
	 */
	if (conn_pending(c) > 0) {
		(void)hg_fail(e, HERR_SSL_CONNECT_ERROR,
		    "%zu unexpected bytes before the TLS handshake",
		    conn_pending(c));
		trace_info(tr, "%s", e->msg);
		return HERR_SSL_CONNECT_ERROR;
	}
	c->start = c->end = 0;
	if ((rc = tlsc_config(rq, tr, &cfg, e)) != HERR_OK) {
		trace_info(tr, "%s", e->msg);
		return rc;
	}
	if ((ctx = tls_client()) == NULL) {
		tls_config_free(cfg);
		return hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	}
	/* the context holds its own reference to the configuration */
	if (tls_configure(ctx, cfg) == -1)
		rc = hg_fail(e, HERR_SSL_CONNECT_ERROR, "%s",
		    tlsc_str(tls_error(ctx), "TLS setup failed"));
	tls_config_free(cfg);
	/* libtls sends no SNI for an address but checks it as the name */
	if (rc == HERR_OK && tls_connect_cbs(ctx, conn_tls_recv, conn_tls_send,
	    c, n.name) == -1)
		rc = tlsc_unready(ctx, rq, e);
	if (rc == HERR_OK)
		rc = tlsc_handshake(c, ctx, &n, deadline, verify_result, e);
	if (rc == HERR_OK)
		rc = tlsc_established(ctx, rq, &n, tr, e);
	if (rc != HERR_OK) {
		/* as curl -v: the reason, before the connection is closed */
		trace_info(tr, "%s", e->msg);
		tls_free(ctx);
		return rc;
	}
	c->tls = ctx;
	return HERR_OK;
}
