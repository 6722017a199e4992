/* src/sha256.h: SHA-256 (FIPS 180-4 §6.2) of a byte buffer; no I/O, no allocation */
#ifndef HG_SHA256_H
#define HG_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_BLOCK_LEN	64
#define SHA256_DIGEST_LEN	32

/*
 * Streaming state.  Messages up to 2^61 - 1 bytes hash correctly (the
 * length field counts bits in 64 bits, FIPS 180-4 §5.1.1).
 */
struct sha256 {
	uint32_t	 h[8];			/* H(i), §6.2.2 */
	uint64_t	 nbytes;		/* message bytes so far */
	unsigned char	 blk[SHA256_BLOCK_LEN]; /* a partial block */
	size_t		 blklen;
};

void	sha256_init(struct sha256 *);
void	sha256_update(struct sha256 *, const void *p, size_t n);
/* Pads, writes the digest and wipes the state; init again to reuse it. */
void	sha256_final(struct sha256 *, unsigned char out[SHA256_DIGEST_LEN]);
/* One shot: init, update, final. */
void	sha256_digest(const void *p, size_t n,
	    unsigned char out[SHA256_DIGEST_LEN]);

#endif
