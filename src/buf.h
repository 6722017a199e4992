/* src/buf.h: a growable byte buffer that never grows past its cap */
#ifndef HG_BUF_H
#define HG_BUF_H

#include <stddef.h>

struct buf {
	char	*data;		/* NUL-terminated when len < size */
	size_t	 len;
	size_t	 size;		/* allocated */
	size_t	 cap;		/* never holds more than this */
};

void	 buf_init(struct buf *, size_t cap);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
/* Make room for more bytes; -1 when it would pass the cap or malloc fails. */
int	 buf_reserve(struct buf *, size_t more);
int	 buf_add(struct buf *, const void *, size_t);
int	 buf_addstr(struct buf *, const char *);
int	 buf_addc(struct buf *, char);
int	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* A malloc'd formatted string (asprintf without _GNU_SOURCE), or NULL. */
char	*buf_fmt(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Drop the first n bytes. */
void	 buf_consume(struct buf *, size_t n);

#endif
