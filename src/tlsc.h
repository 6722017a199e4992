/* src/tlsc.h: HTTPS: a libtls client session on a connected socket */
#ifndef HG_TLSC_H
#define HG_TLSC_H

#include <stdint.h>

#include "conn.h"
#include "herr.h"
#include "hget.h"
#include "trace.h"

/*
 * Start TLS on c's connected fd for host: SNI unless host is an IP
 * literal, the name or address checked against the certificate's
 * subjectAltName, ALPN "http/1.1", TLS 1.2 at least unless rq says more;
 * the handshake bounded by deadline (clock_us(); 0 = none).  On success
 * c does all its I/O through TLS (conn_close ends it) and *verify_result
 * is 0.  On failure c is as it was (plain, still open), *verify_result
 * holds curl's X509 code when the chain was refused (1 for a name
 * mismatch, as curl), and e has curl's exit code and words: 35 handshake,
 * 58 client certificate or key, 59 cipher list, 60 verification, 77 CA
 * file, 90 pinned key, 28 timeout ("SSL connection timeout"); that line
 * is traced too, as curl -v shows it.
 *
 * With -k nothing is verified and *verify_result stays 0: libtls does
 * not run the chain check it was told to skip, so what it would have
 * said is not known.  Nothing of libtls is touched before the first call.
 */
enum herr	 tlsc_start(struct conn *c, const struct hg_request *rq,
		    const char *host, int64_t deadline, struct trace *tr,
		    long *verify_result, struct hg_err *e);

#endif
