/* src/limits.h: every cap hget puts on what it reads or builds, in one place */
#ifndef HG_LIMITS_H
#define HG_LIMITS_H

/* curl's CURL_MAX_HTTP_HEADER: one header line, folded continuations included */
#define HG_MAX_LINE		(100 * 1024)
/* curl's MAX_HTTP_RESP_HEADER_SIZE: the whole response head */
#define HG_MAX_HEAD		(300 * 1024)
/* header fields in one response head */
#define HG_MAX_FIELDS		5000
/* redirects followed with -L (curl's default --max-redirs) */
#define HG_MAX_REDIRS		50
/* hops timed one by one (--timing); later ones share the last entry */
#define HG_MAX_HOPS		(HG_MAX_REDIRS + 2)
/* hex digits in a chunk size: 16 fill 64 bits, more is an attack */
#define HG_MAX_CHUNK_HEX	16
/* bytes of chunk extensions and trailers we skip before giving up */
#define HG_MAX_CHUNK_EXT	(100 * 1024)
#define HG_MAX_TRAILERS		(300 * 1024)
/* interim 1xx responses before the final one */
#define HG_MAX_INTERIM		100
/* a netrc file, and one login or password in it or in -u */
#define HG_MAX_NETRC		(1024 * 1024)
#define HG_MAX_CRED		4096
/* kept-alive connections one run holds (curl's CURLOPT_MAXCONNECTS) */
#define HG_MAX_CONNS		5
/* a URL as given or built; curl's CURL_MAX_INPUT_LENGTH is 8 MB */
#define HG_MAX_URL		(8 * 1024 * 1024)
/* a host name (RFC 1035 says 253; IPv6 literals with zone ids fit) */
#define HG_MAX_HOST		256
/* the serialised request head */
#define HG_MAX_REQUEST		(1024 * 1024)
/* a POST body above this many bytes waits for 100 Continue (curl's) */
#define HG_EXPECT_THRESHOLD	(1024 * 1024)
/* body I/O buffer: sized for throughput, reused for the whole transfer */
#define HG_IOBUF		(256 * 1024)
/* the pipe a spliced body passes through (kernel memory, not ours) */
#define HG_ZCOPY_PIPE		(1024 * 1024)
/*
 * a body is spliced only when at least this much of it is still to come
 * (or, framed by the close, has come): below it the pipe's set-up costs
 * more syscalls than the one or two reads it would save
 */
#define HG_ZCOPY_MIN		(256 * 1024)
/*
 * while a body is spliced or dropped, the socket wakes us only with this
 * much to move (SO_RCVLOWAT): fewer, larger moves, and fewer window
 * updates for the server to process (1 GiB from nginx on loopback to
 * /dev/null: 0.63 s -> 0.2 s in a test program)
 */
#define HG_ZCOPY_LOWAT		(256 * 1024)
/* a body of at least this many bytes gets its disk space up front */
#define HG_PREALLOC_MIN		(1024 * 1024)
/* a -H @file: lines read from it, bytes in it */
#define HG_MAX_HEADER_FILE	(1024 * 1024)
/* request body bytes kept in memory: argv words, -F part heads, no files */
#define HG_MAX_BODY_MEM		(16 * 1024 * 1024)
/* --max-decoded-size's default: generous, yet a bomb stops long before
 * the disk fills (0 on the command line lifts it) */
#define HG_MAX_DECODED_DEFAULT	(100ULL * 1024 * 1024 * 1024)
/* one decoder stage's output buffer */
#define HG_DECODE_BUF		(64 * 1024)
/* zstd's window: RFC 8878 §3.1.1.1.2 asks HTTP decoders for at most 8 MiB */
#define HG_ZSTD_WINDOW_LOG	23
/* cookies: one Set-Cookie value (curl's MAX_COOKIE_LINE), name + value
 * (RFC 6265 §6.1 asks for at least 4096), cookies per host and in all,
 * the Cookie field sent (curl's MAX_COOKIE_HEADER_LEN), a cookie file */
#define HG_MAX_COOKIE_LINE	5000
#define HG_MAX_COOKIE_NV	4096
#define HG_MAX_COOKIES_HOST	150
#define HG_MAX_COOKIES		10000
#define HG_MAX_COOKIE_HEADER	8190
#define HG_MAX_COOKIE_FILE	(16 * 1024 * 1024)
/* Set-Cookie fields taken from one response (curl's MAX_SET_COOKIE_AMOUNT) */
#define HG_MAX_SET_COOKIES	50
/* an ETag kept for --etag-save / --etag-compare */
#define HG_MAX_ETAG		1024
/* --retry's backoff ceiling (curl's): 10 minutes */
#define HG_RETRY_MAX_DELAY_MS	(10 * 60 * 1000)
/* --no-clobber tries name.1 .. name.N (curl's 100) */
#define HG_MAX_CLOBBER_SUFFIX	100

#endif
