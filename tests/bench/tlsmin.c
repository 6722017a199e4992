/*
 * tests/bench/tlsmin.c: the https floor, minread's counterpart over TLS.
 * libtls linked as usual, no certificate checks (the bench's nginx has a
 * self-signed one, as with -k), one GET with "Connection: close", the body
 * read in 256 KiB blocks and dropped until the server closes.  No HTTP
 * parsing: the head is counted as body.  Its peak RSS is what libtls and
 * the TLS library under it cost before a client does anything.
 *
 * usage: tlsmin HOST PORT PATH
 *
 * Exit 0, or one line on stderr and exit 1; usage errors exit 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tls.h>

#define TM_BLOCK	(256 * 1024)

static char	tm_buf[TM_BLOCK];

static int
fail(const char *what, struct tls *t)
{
	fprintf(stderr, "tlsmin: %s: %s\n", what,
	    t != NULL && tls_error(t) != NULL ? tls_error(t) : "failed");
	return 1;
}

int
main(int argc, char *argv[])
{
	struct tls_config	*cfg;
	struct tls		*t;
	char			 req[1024];
	ssize_t			 n;
	size_t			 off, len;
	int			 w;

	if (argc != 4) {
		fprintf(stderr, "usage: tlsmin HOST PORT PATH\n");
		return 2;
	}
	w = snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: %s:%s\r\n"
	    "Connection: close\r\n\r\n", argv[3], argv[1], argv[2]);
	if (w < 0 || (size_t)w >= sizeof(req))
		return 2;
	len = (size_t)w;
	if (tls_init() == -1 || (cfg = tls_config_new()) == NULL ||
	    (t = tls_client()) == NULL)
		return fail("set-up", NULL);
	tls_config_insecure_noverifycert(cfg);
	tls_config_insecure_noverifyname(cfg);
	if (tls_configure(t, cfg) == -1)
		return fail("configure", t);
	if (tls_connect(t, argv[1], argv[2]) == -1 || tls_handshake(t) == -1)
		return fail("connect", t);
	for (off = 0; off < len; off += (size_t)n) {
		n = tls_write(t, req + off, len - off);
		if (n == TLS_WANT_POLLIN || n == TLS_WANT_POLLOUT)
			n = 0;		/* blocking socket: only mid-handshake */
		else if (n < 0)
			return fail("write", t);
	}
	for (;;) {
		n = tls_read(t, tm_buf, sizeof(tm_buf));
		if (n == 0)
			break;
		if (n == TLS_WANT_POLLIN || n == TLS_WANT_POLLOUT)
			continue;
		if (n < 0)
			return fail("read", t);
	}
	(void)tls_close(t);
	tls_free(t);
	tls_config_free(cfg);
	return 0;
}
