/* src/lazylib.c: libtls, zlib, brotli and zstd, opened on first use */
#include <dlfcn.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#include <brotli/decode.h>
#include <tls.h>
#include <zlib.h>
#include <zstd.h>

#include "lazylib.h"

/*
 * The sonames come from the Makefile, read off the -dev packages' .so
 * links: the same names the linker would have recorded.
 */
static const char *const lazy_soname[LAZY_NLIBS] = {
	[LAZY_TLS] = HG_SONAME_TLS,
	[LAZY_Z] = HG_SONAME_Z,
	[LAZY_BROTLI] = HG_SONAME_BROTLI,
	[LAZY_ZSTD] = HG_SONAME_ZSTD
};

/*
 * Process-wide by nature, as the loader's own state is: a library is
 * opened once and stays (dlclose would gain nothing in a short-lived
 * process).  A failure is remembered with the loader's words.
 */
static struct {
	void	*handle;
	int	 failed;
	char	 why[256];
} lazy[LAZY_NLIBS];

static void *
lazy_open(enum lazylib lib)
{
	const char	*why;

	if (lazy[lib].handle != NULL || lazy[lib].failed)
		return lazy[lib].handle;
	/*
	 * RTLD_LAZY: libcrypto's functions are bound as they are called,
	 * not all at once; RTLD_LOCAL: nothing of it can interpose on us.
	 */
	lazy[lib].handle = dlopen(lazy_soname[lib], RTLD_LAZY | RTLD_LOCAL);
	if (lazy[lib].handle == NULL) {
		lazy[lib].failed = 1;
		why = dlerror();
		(void)strlcpy(lazy[lib].why, why != NULL ? why :
		    lazy_soname[lib], sizeof(lazy[lib].why));
	}
	return lazy[lib].handle;
}

/* Look name up in lib (opening it): 0 with *fn set, or -1. */
static int
lazy_sym(enum lazylib lib, const char *name, void *fn, size_t fnlen)
{
	void	*h, *p;

	if ((h = lazy_open(lib)) == NULL || (p = dlsym(h, name)) == NULL)
		return -1;
	/* POSIX: a data pointer from dlsym converts to a function pointer */
	memcpy(fn, &p, fnlen);
	return 0;
}

enum herr
lazylib_need(enum lazylib lib, enum herr code, struct hg_err *e)
{
	if (lazy_open(lib) != NULL)
		return HERR_OK;
	return hg_fail(e, code, "could not load %s: %s", lazy_soname[lib],
	    lazy[lib].why);
}

/*
 * One definition per function: the library's name and prototype (the
 * header declares it, so the compiler checks both agree), a pointer
 * looked up on the first call, and the value the library itself returns
 * on failure for when it cannot be opened.
 */
#define LAZY(lib, ret, name, params, args, fail)			\
ret									\
name params								\
{									\
	static __typeof__(name)	*fn;					\
									\
	if (fn == NULL && lazy_sym(lib, #name, &fn, sizeof(fn)) == -1)	\
		return fail;						\
	return fn args;							\
}

#define LAZY_VOID(lib, name, params, args)				\
void									\
name params								\
{									\
	static __typeof__(name)	*fn;					\
									\
	if (fn == NULL && lazy_sym(lib, #name, &fn, sizeof(fn)) == -1)	\
		return;							\
	fn args;							\
}

#define NOT_LOADED	"library not loaded"

/* libtls: only what tlsc.c and conn.c call */
LAZY(LAZY_TLS, int, tls_init, (void), (), -1)
LAZY(LAZY_TLS, struct tls_config *, tls_config_new, (void), (), NULL)
LAZY_VOID(LAZY_TLS, tls_config_free, (struct tls_config *c), (c))
LAZY(LAZY_TLS, const char *, tls_config_error, (struct tls_config *c), (c),
    NOT_LOADED)
LAZY(LAZY_TLS, int, tls_config_set_protocols,
    (struct tls_config *c, uint32_t p), (c, p), -1)
LAZY(LAZY_TLS, int, tls_config_set_ciphers,
    (struct tls_config *c, const char *s), (c, s), -1)
LAZY(LAZY_TLS, int, tls_config_set_ca_path,
    (struct tls_config *c, const char *s), (c, s), -1)
LAZY(LAZY_TLS, int, tls_config_set_ca_mem,
    (struct tls_config *c, const uint8_t *m, size_t n), (c, m, n), -1)
LAZY(LAZY_TLS, int, tls_config_set_keypair_mem,
    (struct tls_config *c, const uint8_t *cert, size_t certlen,
    const uint8_t *key, size_t keylen), (c, cert, certlen, key, keylen), -1)
LAZY(LAZY_TLS, int, tls_config_set_alpn,
    (struct tls_config *c, const char *s), (c, s), -1)
LAZY_VOID(LAZY_TLS, tls_config_insecure_noverifycert,
    (struct tls_config *c), (c))
LAZY_VOID(LAZY_TLS, tls_config_insecure_noverifyname,
    (struct tls_config *c), (c))
LAZY(LAZY_TLS, uint8_t *, tls_load_file,
    (const char *f, size_t *n, char *pw), (f, n, pw), NULL)
LAZY_VOID(LAZY_TLS, tls_unload_file, (uint8_t *m, size_t n), (m, n))
LAZY(LAZY_TLS, const char *, tls_default_ca_cert_file, (void), (), "")
LAZY(LAZY_TLS, struct tls *, tls_client, (void), (), NULL)
LAZY(LAZY_TLS, int, tls_configure, (struct tls *t, struct tls_config *c),
    (t, c), -1)
LAZY(LAZY_TLS, int, tls_connect_cbs,
    (struct tls *t, tls_read_cb r, tls_write_cb w, void *a, const char *s),
    (t, r, w, a, s), -1)
LAZY(LAZY_TLS, int, tls_handshake, (struct tls *t), (t), -1)
LAZY(LAZY_TLS, ssize_t, tls_read, (struct tls *t, void *p, size_t n),
    (t, p, n), -1)
LAZY(LAZY_TLS, ssize_t, tls_write, (struct tls *t, const void *p, size_t n),
    (t, p, n), -1)
LAZY(LAZY_TLS, int, tls_close, (struct tls *t), (t), -1)
LAZY_VOID(LAZY_TLS, tls_free, (struct tls *t), (t))
LAZY(LAZY_TLS, const char *, tls_error, (struct tls *t), (t), NOT_LOADED)
LAZY(LAZY_TLS, const char *, tls_peer_cert_subject, (struct tls *t), (t),
    NULL)
LAZY(LAZY_TLS, const char *, tls_peer_cert_issuer, (struct tls *t), (t),
    NULL)
LAZY(LAZY_TLS, time_t, tls_peer_cert_notbefore, (struct tls *t), (t), -1)
LAZY(LAZY_TLS, time_t, tls_peer_cert_notafter, (struct tls *t), (t), -1)
LAZY(LAZY_TLS, const uint8_t *, tls_peer_cert_chain_pem,
    (struct tls *t, size_t *n), (t, n), NULL)
LAZY(LAZY_TLS, const char *, tls_conn_version, (struct tls *t), (t), NULL)
LAZY(LAZY_TLS, const char *, tls_conn_cipher, (struct tls *t), (t), NULL)
LAZY(LAZY_TLS, const char *, tls_conn_alpn_selected, (struct tls *t), (t),
    NULL)

/* zlib: inflateInit and inflateInit2 are macros for these two */
LAZY(LAZY_Z, const char *, zlibVersion, (void), (), "")
LAZY(LAZY_Z, int, inflateInit_, (z_streamp s, const char *v, int n),
    (s, v, n), Z_VERSION_ERROR)
LAZY(LAZY_Z, int, inflateInit2_, (z_streamp s, int w, const char *v, int n),
    (s, w, v, n), Z_VERSION_ERROR)
LAZY(LAZY_Z, int, inflate, (z_streamp s, int flush), (s, flush),
    Z_STREAM_ERROR)
LAZY(LAZY_Z, int, inflateReset2, (z_streamp s, int w), (s, w),
    Z_STREAM_ERROR)
LAZY(LAZY_Z, int, inflateEnd, (z_streamp s), (s), Z_STREAM_ERROR)

/* brotli's decoder */
LAZY(LAZY_BROTLI, uint32_t, BrotliDecoderVersion, (void), (), 0)
LAZY(LAZY_BROTLI, BrotliDecoderState *, BrotliDecoderCreateInstance,
    (brotli_alloc_func a, brotli_free_func f, void *o), (a, f, o), NULL)
LAZY(LAZY_BROTLI, BrotliDecoderResult, BrotliDecoderDecompressStream,
    (BrotliDecoderState *s, size_t *ain, const uint8_t **in, size_t *aout,
    uint8_t **out, size_t *total), (s, ain, in, aout, out, total),
    BROTLI_DECODER_RESULT_ERROR)
LAZY(LAZY_BROTLI, BrotliDecoderErrorCode, BrotliDecoderGetErrorCode,
    (const BrotliDecoderState *s), (s), BROTLI_DECODER_ERROR_UNREACHABLE)
LAZY_VOID(LAZY_BROTLI, BrotliDecoderDestroyInstance,
    (BrotliDecoderState *s), (s))

/* zstd's streaming decoder; (size_t)-1 is one of its error codes */
LAZY(LAZY_ZSTD, const char *, ZSTD_versionString, (void), (), "")
LAZY(LAZY_ZSTD, ZSTD_DCtx *, ZSTD_createDCtx, (void), (), NULL)
LAZY(LAZY_ZSTD, size_t, ZSTD_DCtx_setParameter,
    (ZSTD_DCtx *d, ZSTD_dParameter p, int v), (d, p, v), (size_t)-1)
LAZY(LAZY_ZSTD, size_t, ZSTD_decompressStream,
    (ZSTD_DCtx *d, ZSTD_outBuffer *o, ZSTD_inBuffer *i), (d, o, i),
    (size_t)-1)
LAZY(LAZY_ZSTD, unsigned, ZSTD_isError, (size_t code), (code), 1)
LAZY(LAZY_ZSTD, const char *, ZSTD_getErrorName, (size_t code), (code),
    NOT_LOADED)
LAZY(LAZY_ZSTD, size_t, ZSTD_freeDCtx, (ZSTD_DCtx *d), (d), 0)
