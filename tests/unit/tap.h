/* tests/unit/tap.h: the smallest test harness; ends with "N passed, N failed" */
#ifndef TAP_H
#define TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int	tap_pass, tap_fail;

#define TAP_OK(cond, ...) do {						\
	if (cond)							\
		tap_pass++;						\
	else {								\
		tap_fail++;						\
		fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);	\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
	}								\
} while (0)

/* Print the closing line; the exit status says whether anything failed. */
static inline int
tap_done(void)
{
	printf("%d passed, %d failed\n", tap_pass, tap_fail);
	return tap_fail == 0 ? 0 : 1;
}

/*
 * Copy n bytes so that they end exactly at an inaccessible page: a parser
 * that reads one byte past its length faults instead of passing by luck.
 * tap_guard_free() releases the mapping.
 */
struct tap_guard {
	char	*base;
	size_t	 maplen;
};

static inline char *
tap_guard(struct tap_guard *g, const void *p, size_t n)
{
	size_t	 pg = (size_t)sysconf(_SC_PAGESIZE);
	size_t	 datapages = (n + pg - 1) / pg;
	char	*m;

	if (datapages == 0)
		datapages = 1;
	g->maplen = (datapages + 1) * pg;
	m = mmap(NULL, g->maplen, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	if (mprotect(m + datapages * pg, pg, PROT_NONE) == -1) {
		perror("mprotect");
		exit(2);
	}
	g->base = m;
	memcpy(m + datapages * pg - n, p, n);
	return m + datapages * pg - n;
}

static inline void
tap_guard_free(struct tap_guard *g)
{
	munmap(g->base, g->maplen);
}

#endif
