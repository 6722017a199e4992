/* src/sha256.c: SHA-256 as FIPS 180-4 describes it; the section numbers are the spec's */
#include <stdint.h>
#include <string.h>

#include "sha256.h"

/*
 * §4.2.2: the first 32 bits of the fractional parts of the cube roots of
 * the first 64 primes.
 */
static const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5,
	0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
	0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
	0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
	0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
	0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

/*
 * §5.3.3: the first 32 bits of the fractional parts of the square roots
 * of the first 8 primes.
 */
static const uint32_t sha256_h0[8] = {
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
};

/* §3.2: ROTR^n(x); n is always 1..31 here, so neither shift is 32. */
static uint32_t
sha256_rotr(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

/* §4.1.2, functions (4.2) to (4.7) */
static uint32_t
sha256_ch(uint32_t x, uint32_t y, uint32_t z)
{
	return (x & y) ^ (~x & z);
}

static uint32_t
sha256_maj(uint32_t x, uint32_t y, uint32_t z)
{
	return (x & y) ^ (x & z) ^ (y & z);
}

static uint32_t
sha256_bsig0(uint32_t x)
{
	return sha256_rotr(x, 2) ^ sha256_rotr(x, 13) ^ sha256_rotr(x, 22);
}

static uint32_t
sha256_bsig1(uint32_t x)
{
	return sha256_rotr(x, 6) ^ sha256_rotr(x, 11) ^ sha256_rotr(x, 25);
}

static uint32_t
sha256_ssig0(uint32_t x)
{
	return sha256_rotr(x, 7) ^ sha256_rotr(x, 18) ^ (x >> 3);
}

static uint32_t
sha256_ssig1(uint32_t x)
{
	return sha256_rotr(x, 17) ^ sha256_rotr(x, 19) ^ (x >> 10);
}

/* §3.1: words are big-endian whatever the host's byte order. */
static uint32_t
sha256_get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static void
sha256_put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* §6.2.2: one 512-bit block M(i) into H(i-1). */
static void
sha256_block(uint32_t h[8], const unsigned char *m)
{
	uint32_t	 w[64], v[8], t1, t2;
	int		 t;

	for (t = 0; t < 16; t++)
		w[t] = sha256_get32(m + 4 * t);
	for (; t < 64; t++)
		w[t] = sha256_ssig1(w[t - 2]) + w[t - 7] +
		    sha256_ssig0(w[t - 15]) + w[t - 16];
	memcpy(v, h, sizeof(v));
	/* v[0..7] are the spec's working variables a..h */
	for (t = 0; t < 64; t++) {
		t1 = v[7] + sha256_bsig1(v[4]) + sha256_ch(v[4], v[5], v[6]) +
		    sha256_k[t] + w[t];
		t2 = sha256_bsig0(v[0]) + sha256_maj(v[0], v[1], v[2]);
		memmove(v + 1, v, 7 * sizeof(v[0]));
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (t = 0; t < 8; t++)
		h[t] += v[t];
}

void
sha256_init(struct sha256 *s)
{
	memcpy(s->h, sha256_h0, sizeof(s->h));
	s->nbytes = 0;
	s->blklen = 0;
}

void
sha256_update(struct sha256 *s, const void *p, size_t n)
{
	const unsigned char	*in = p;
	size_t			 take;

	if (n == 0)
		return;		/* p may be NULL then */
	s->nbytes += n;
	if (s->blklen > 0) {
		take = SHA256_BLOCK_LEN - s->blklen;
		if (take > n)
			take = n;
		memcpy(s->blk + s->blklen, in, take);
		s->blklen += take;
		in += take;
		n -= take;
		if (s->blklen < SHA256_BLOCK_LEN)
			return;
		sha256_block(s->h, s->blk);
		s->blklen = 0;
	}
	/* whole blocks straight from the caller's buffer */
	for (; n >= SHA256_BLOCK_LEN; in += SHA256_BLOCK_LEN,
	    n -= SHA256_BLOCK_LEN)
		sha256_block(s->h, in);
	if (n > 0)
		memcpy(s->blk, in, n);
	s->blklen = n;
}

/*
 * §5.1.1: a 1 bit, zeros up to 448 mod 512 bits, then the message length
 * in bits as a 64-bit big-endian number.
 */
void
sha256_final(struct sha256 *s, unsigned char out[SHA256_DIGEST_LEN])
{
	uint64_t	 bits = s->nbytes * 8;
	int		 i;

	s->blk[s->blklen++] = 0x80;
	if (s->blklen > SHA256_BLOCK_LEN - 8) {
		memset(s->blk + s->blklen, 0, SHA256_BLOCK_LEN - s->blklen);
		sha256_block(s->h, s->blk);
		s->blklen = 0;
	}
	memset(s->blk + s->blklen, 0, SHA256_BLOCK_LEN - 8 - s->blklen);
	sha256_put32(s->blk + 56, (uint32_t)(bits >> 32));
	sha256_put32(s->blk + 60, (uint32_t)bits);
	sha256_block(s->h, s->blk);
	for (i = 0; i < 8; i++)
		sha256_put32(out + 4 * i, s->h[i]);
	memset(s, 0, sizeof(*s));
}

void
sha256_digest(const void *p, size_t n, unsigned char out[SHA256_DIGEST_LEN])
{
	struct sha256	 s;

	sha256_init(&s);
	sha256_update(&s, p, n);
	sha256_final(&s, out);
}
