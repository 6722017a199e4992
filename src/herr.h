/* src/herr.h: every failure hget can report, with curl's exit code for it */
#ifndef HERR_H
#define HERR_H

#include <stdarg.h>

/*
 * One list makes the enum, the exit code and the default text, so they
 * cannot drift apart.  The numbers are curl's (libcurl's CURLcode) for the
 * same failure; the man page's EXIT STATUS lists the same rows.
 */
#define HERR_LIST(X)							\
	X(OK,			  0, "no error")				\
	X(UNSUPPORTED_PROTOCOL,	  1, "Unsupported protocol")		\
	X(FAILED_INIT,		  2, "Failed initialization")		\
	X(URL_MALFORMAT,	  3, "URL using bad/illegal format or missing URL") \
	X(COULDNT_RESOLVE_PROXY,  5, "Couldn't resolve proxy name")	\
	X(COULDNT_RESOLVE_HOST,	  6, "Couldn't resolve host name")	\
	X(COULDNT_CONNECT,	  7, "Couldn't connect to server")	\
	X(WEIRD_SERVER_REPLY,	  8, "Weird server reply")		\
	X(PARTIAL_FILE,		 18, "Transferred a partial file")	\
	X(HTTP_RETURNED_ERROR,	 22, "HTTP response code said error")	\
	X(WRITE_ERROR,		 23, "Failed writing received data to disk/application") \
	X(UPLOAD_FAILED,	 25, "Upload failed")			\
	X(READ_ERROR,		 26, "Failed to open/read local data from file/application") \
	X(OUT_OF_MEMORY,	 27, "Out of memory")			\
	X(OPERATION_TIMEDOUT,	 28, "Timeout was reached")		\
	X(RANGE_ERROR,		 33, "Requested range was not delivered by the server") \
	X(SSL_CONNECT_ERROR,	 35, "SSL connect error")		\
	X(BAD_DOWNLOAD_RESUME,	 36, "Couldn't resume download")	\
	X(TOO_MANY_REDIRECTS,	 47, "Number of redirects hit maximum amount") \
	X(GOT_NOTHING,		 52, "Server returned nothing (no headers, no data)") \
	X(SEND_ERROR,		 55, "Failed sending data to the peer")	\
	X(RECV_ERROR,		 56, "Failure when receiving data from the peer") \
	X(SSL_CERTPROBLEM,	 58, "Problem with the local SSL certificate") \
	X(SSL_CIPHER,		 59, "Couldn't use specified SSL cipher") \
	X(PEER_FAILED_VERIFICATION, 60, "SSL peer certificate or SSH remote key was not OK") \
	X(BAD_CONTENT_ENCODING,	 61, "Unrecognized or bad HTTP Content or Transfer-Encoding") \
	X(FILESIZE_EXCEEDED,	 63, "Maximum file size exceeded")	\
	X(SEND_FAIL_REWIND,	 65, "Send failed since rewinding of the data stream failed") \
	X(SSL_CACERT_BADFILE,	 77, "Problem with the SSL CA cert (path? access rights?)") \
	X(SSL_PINNEDPUBKEYNOTMATCH, 90, "SSL public key does not match pinned public key") \
	X(TOO_LARGE,		100, "A value or data field grew larger than allowed")

enum herr {
#define HERR_ENUM(name, code, text)	HERR_##name,
	HERR_LIST(HERR_ENUM)
#undef HERR_ENUM
	HERR__COUNT
};

/* The one-line detail that cmd/ prints as "hget: (N) msg". */
struct hg_err {
	enum herr	 code;
	int		 oserr;		/* the errno behind it, 0 = none known
					   (--retry-connrefused asks) */
	char		 msg[512];
};

int		 herr_exitcode(enum herr);
const char	*herr_text(enum herr);
/* Record code and a printf-style detail in e; returns code. */
enum herr	 hg_fail(struct hg_err *e, enum herr code, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
enum herr	 hg_vfail(struct hg_err *e, enum herr code, const char *fmt,
		    va_list ap) __attribute__((format(printf, 3, 0)));

#endif
