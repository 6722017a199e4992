/* tests/unit/t_sha256.c: SHA-256 against FIPS 180-4's examples and sha256sum(1) */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sha256.h"
#include "tap.h"

#define RAW(s)		s, sizeof(s) - 1

/*
 * The examples of FIPS 180-2 Appendix B (the NIST CSRC example pages for
 * FIPS 180-4 use the same messages), plus the empty message.
 */
static const struct vec {
	const char	*msg;
	size_t		 len;
	const char	*hex;
} vecs[] = {
	{ RAW(""),
	    "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855" },
	{ RAW("abc"),
	    "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad" },
	/* 448 bits: the padding spills into a second block */
	{ RAW("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
	    "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1" },
	/* 896 bits */
	{ RAW("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
	    "cf5b16a778af8380036ce59e7b049237"
	    "0b249b11e8f07a51afac45037afee9d1" },
};

#define MILLION_A_HEX \
	"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

static void
tohex(const unsigned char md[SHA256_DIGEST_LEN], char hex[65])
{
	static const char	 digits[] = "0123456789abcdef";
	int			 i;

	for (i = 0; i < SHA256_DIGEST_LEN; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[64] = '\0';
}

static int
hash_is(const void *p, size_t n, const char *want)
{
	unsigned char	 md[SHA256_DIGEST_LEN];
	char		 hex[65];

	sha256_digest(p, n, md);
	tohex(md, hex);
	return strcmp(hex, want) == 0;
}

/* The message fed in pieces of step bytes (the last one shorter). */
static void
hash_steps(const unsigned char *p, size_t n, size_t step,
    unsigned char md[SHA256_DIGEST_LEN])
{
	struct sha256	 s;
	size_t		 k;

	sha256_init(&s);
	for (; n > 0; p += k, n -= k) {
		k = n < step ? n : step;
		sha256_update(&s, p, k);
	}
	sha256_final(&s, md);
}

static void
test_vectors(void)
{
	struct tap_guard g;
	const struct vec *v;
	const char	*p;
	size_t		 i;

	for (i = 0; i < sizeof(vecs) / sizeof(vecs[0]); i++) {
		v = &vecs[i];
		TAP_OK(hash_is(v->msg, v->len, v->hex), "vector %zu", i);
		/* the message ends at an unreadable page */
		p = tap_guard(&g, v->msg, v->len);
		TAP_OK(hash_is(p, v->len, v->hex), "vector %zu guarded", i);
		tap_guard_free(&g);
	}
	TAP_OK(hash_is(NULL, 0, vecs[0].hex), "NULL, 0 is the empty message");
}

/* Every two- and three-way split of the 896-bit message, and byte steps. */
static void
test_splits(void)
{
	const struct vec *v = &vecs[3];
	unsigned char	 want[SHA256_DIGEST_LEN], md[SHA256_DIGEST_LEN];
	struct sha256	 s;
	size_t		 a, b, step;
	int		 bad = 0;

	sha256_digest(v->msg, v->len, want);
	for (a = 0; a <= v->len; a++)
		for (b = a; b <= v->len; b++) {
			sha256_init(&s);
			sha256_update(&s, v->msg, a);
			sha256_update(&s, v->msg + a, b - a);
			sha256_update(&s, v->msg + b, v->len - b);
			sha256_final(&s, md);
			bad += memcmp(md, want, sizeof(md)) != 0;
		}
	TAP_OK(bad == 0, "%d of the three-way splits differ", bad);
	for (step = 1; step <= v->len + 1; step++) {
		hash_steps((const unsigned char *)v->msg, v->len, step, md);
		TAP_OK(memcmp(md, want, sizeof(md)) == 0, "steps of %zu", step);
	}
	/* final wipes the state: nothing of the message stays behind */
	sha256_init(&s);
	sha256_update(&s, v->msg, v->len);
	sha256_final(&s, md);
	TAP_OK(s.h[0] == 0 && s.nbytes == 0 && s.blk[0] == 0,
	    "final wipes the state");
}

static void
test_million(void)
{
	unsigned char	*m, md[SHA256_DIGEST_LEN];
	char		 hex[65];
	size_t		 n = 1000000;
	static const size_t steps[] = { 1, 63, 64, 65, 1000, 4096, 999999 };
	size_t		 i;

	if ((m = malloc(n)) == NULL) {
		perror("malloc");
		exit(2);
	}
	memset(m, 'a', n);
	TAP_OK(hash_is(m, n, MILLION_A_HEX), "one million 'a', one shot");
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		hash_steps(m, n, steps[i], md);
		tohex(md, hex);
		TAP_OK(strcmp(hex, MILLION_A_HEX) == 0,
		    "one million 'a' in steps of %zu: %s", steps[i], hex);
	}
	free(m);
}

/* xorshift64*: reproducible pseudo-random file contents */
static uint64_t
rnd(uint64_t *x)
{
	*x ^= *x >> 12;
	*x ^= *x << 25;
	*x ^= *x >> 27;
	return *x * 0x2545f4914f6cdd1dULL;
}

/* sha256sum(1) of a file, as 64 hex digits; -1 when it cannot run. */
static int
sha256sum(const char *path, char hex[65])
{
	char	 cmd[512], line[256];
	FILE	*fp;
	int	 ok;

	if ((size_t)snprintf(cmd, sizeof(cmd), "sha256sum '%s'", path) >=
	    sizeof(cmd) || (fp = popen(cmd, "r")) == NULL)
		return -1;
	ok = fgets(line, sizeof(line), fp) != NULL && strlen(line) > 64 &&
	    line[64] == ' ';
	if (pclose(fp) != 0 || !ok)
		return -1;
	memcpy(hex, line, 64);
	hex[64] = '\0';
	return 0;
}

static void
test_files(void)
{
	static const size_t sizes[] = { 0, 1, 3, 55, 56, 57, 63, 64, 65, 119,
	    120, 127, 128, 129, 1000, 4096, 65537, 1048579 };
	const char	*tmp = getenv("TMPDIR");
	char		 path[256], want[65], got[65];
	unsigned char	*buf, md[SHA256_DIGEST_LEN];
	uint64_t	 x = 0x9e3779b97f4a7c15ULL;
	size_t		 i, j, n;
	int		 fd;

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		n = sizes[i];
		if ((buf = malloc(n + 1)) == NULL) {
			perror("malloc");
			exit(2);
		}
		for (j = 0; j < n; j++)
			buf[j] = (unsigned char)(rnd(&x) >> 56);
		if ((size_t)snprintf(path, sizeof(path), "%s/t_sha256.XXXXXX",
		    tmp) >= sizeof(path) || (fd = mkstemp(path)) == -1) {
			perror("mkstemp");
			exit(2);
		}
		if (write(fd, buf, n) != (ssize_t)n || close(fd) == -1) {
			perror("write");
			exit(2);
		}
		TAP_OK(sha256sum(path, want) == 0, "sha256sum of %zu bytes", n);
		sha256_digest(buf, n, md);
		tohex(md, got);
		TAP_OK(strcmp(got, want) == 0, "%zu random bytes: %s, "
		    "sha256sum says %s", n, got, want);
		hash_steps(buf, n, 7 + i, md);
		tohex(md, got);
		TAP_OK(strcmp(got, want) == 0, "%zu random bytes in steps", n);
		unlink(path);
		free(buf);
	}
}

int
main(void)
{
	test_vectors();
	test_splits();
	test_million();
	test_files();
	return tap_done();
}
