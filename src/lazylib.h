/* src/lazylib.h: libtls, zlib, brotli and zstd, opened on first use */
#ifndef HG_LAZYLIB_H
#define HG_LAZYLIB_H

#include "herr.h"

/*
 * hget is not linked against these: a plain-http fetch does not need
 * them, and binding them (libtls brings OpenSSL's libcrypto) was nine
 * tenths of hget's start-up.  lazylib.c defines each function the core
 * calls, under the library's own name and prototype, and opens the
 * library with dlopen(3) the first time one is called.  A function whose
 * library cannot be opened returns the library's own failure value
 * (NULL, -1, an error code).
 */
enum lazylib {
	LAZY_TLS,
	LAZY_Z,
	LAZY_BROTLI,
	LAZY_ZSTD,
	LAZY_NLIBS
};

/*
 * Open lib now, so that a missing library is reported in words: HERR_OK,
 * or code with "could not load NAME: why" in e.
 */
enum herr	 lazylib_need(enum lazylib lib, enum herr code,
		    struct hg_err *e);

#endif
