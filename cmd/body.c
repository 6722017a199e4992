/*
 * cmd/body.c: the request body as curl 7.88 builds it from -d, --json,
 * --data-urlencode, -F, -G, --url-query and -T, byte for byte, without
 * ever holding a file's contents in memory.
 *
 * The rules below were measured with curl 7.88.1 against a loopback
 * listener that records the request; tests/unit/t_body.c has them as a
 * table.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "body.h"
#include "buf.h"
#include "limits.h"

/* glibc names O_TMPFILE only under _GNU_SOURCE; the kernel flag is there */
#if !defined(O_TMPFILE) && defined(__O_TMPFILE)
#define O_TMPFILE	__O_TMPFILE
#endif

#define BODY_FORM_URLENCODED	"application/x-www-form-urlencoded"
#define BODY_JSON_CT		"Content-Type: application/json"
#define BODY_JSON_ACCEPT	"Accept: application/json"
/* transformed and spooled bytes move through buffers this big */
#define BODY_IOBUF		(64 * 1024)
/*
 * Bytes of a body kept in memory: command-line words (the kernel bounds
 * them) and -F part headers.  File contents never count here.
 */
#define BODY_MAX_MEM		(16 * 1024 * 1024)
/* curl's fgets() buffer for -d @file: 255 bytes and a NUL */
#define BODY_DATA_LINE		255
/* curl's boundary: 24 dashes and 16 hex digits (64 random bits) */
#define BODY_BOUNDARY_DASHES	24
#define BODY_BOUNDARY_LEN	(BODY_BOUNDARY_DASHES + 16)
/* RFC 2045 §6.7, §6.8: encoded lines of at most 76 characters */
#define BODY_ENC_LINE		76

static void	(*body_random)(void *, size_t) = arc4random_buf;

void
body_set_random(void (*fn)(void *buf, size_t len))
{
	body_random = fn != NULL ? fn : arc4random_buf;
}

/* curl's ISSPACE: what it skips around -F words */
static int
body_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
	    c == '\f' || c == '\r';
}

static enum body_rc
body_nomem(struct hg_err *e)
{
	hg_fail(e, HERR_OUT_OF_MEMORY, "Out of memory");
	return BODY_FAIL;
}

static enum body_rc
body_usage(struct hg_err *e, const char *msg)
{
	hg_fail(e, HERR_FAILED_INIT, "%s", msg);
	return BODY_USAGE;
}

/*
 * If line names the header field name (any case) followed by ':' or ';'
 * (curl's "-H 'Name;'" sends it empty), the byte after the name; else
 * NULL.  This is how curl 7.88 decides --json's headers were given.
 */
static const char *
body_field(const char *line, const char *name)
{
	size_t	 n = strlen(name);

	if (strncasecmp(line, name, n) != 0 ||
	    (line[n] != ':' && line[n] != ';'))
		return NULL;
	return line + n;
}

int
body_header_dropped(const struct body *b, const char *line)
{
	return b->drop_content_type &&
	    body_field(line, "Content-Type") != NULL;
}

/* ---- what the body owns ---- */

static int
body_own_mem(struct body *b, char *p)
{
	char	**n;

	if ((n = reallocarray(b->mem, b->nmem + 1, sizeof(*n))) == NULL) {
		free(p);
		return -1;
	}
	b->mem = n;
	b->mem[b->nmem++] = p;
	return 0;
}

static int
body_own_fd(struct body *b, int fd)
{
	int	*n;

	if ((n = reallocarray(b->fds, b->nfds + 1, sizeof(*n))) == NULL) {
		(void)close(fd);
		return -1;
	}
	b->fds = n;
	b->fds[b->nfds++] = fd;
	return 0;
}

/* A warning line: text, then arg */
static int
body_note(struct body *b, const char *text, const char *arg)
{
	char	**n, *s;

	if ((s = buf_fmt("%s%s", text, arg)) == NULL)
		return -1;
	if ((n = reallocarray(b->notes, b->nnotes + 1, sizeof(*n))) == NULL) {
		free(s);
		return -1;
	}
	b->notes = n;
	b->notes[b->nnotes++] = s;
	return 0;
}

void
body_free(struct body *b)
{
	size_t	 i;

	for (i = 0; i < b->nmem; i++)
		free(b->mem[i]);
	for (i = 0; i < b->nfds; i++)
		(void)close(b->fds[i]);
	for (i = 0; i < b->nnotes; i++)
		free(b->notes[i]);
	free(b->mem);
	free(b->fds);
	free(b->notes);
	free(b->segs);
	free(b->content_type);
	free(b->query);
	memset(b, 0, sizeof(*b));
}

/* ---- the segment list, built front to back ---- */

struct bb {
	struct body	*b;
	struct buf	 cur;		/* bytes not yet a segment */
	struct hg_err	*e;
};

static int
bb_seg(struct bb *bb, const char *mem, size_t len, int fd, int64_t size)
{
	struct body	*b = bb->b;
	struct hg_seg	*n;

	if ((n = reallocarray(b->segs, b->nsegs + 1, sizeof(*n))) == NULL)
		return -1;
	b->segs = n;
	n[b->nsegs].mem = mem;
	n[b->nsegs].len = len;
	n[b->nsegs].fd = fd;
	n[b->nsegs].size = size;
	b->nsegs++;
	return 0;
}

/* Make the pending memory bytes a segment; the body owns them. */
static int
bb_flush(struct bb *bb)
{
	char	*p = bb->cur.data;
	size_t	 len = bb->cur.len;

	if (len == 0)
		return 0;
	buf_init(&bb->cur, BODY_MAX_MEM);
	if (body_own_mem(bb->b, p) == -1)
		return -1;
	return bb_seg(bb, p, len, -1, 0);
}

static enum body_rc
bb_mem(struct bb *bb, const void *p, size_t n)
{
	if (buf_add(&bb->cur, p, n) == -1) {
		if (bb->cur.len + n <= BODY_MAX_MEM)
			return body_nomem(bb->e);
		hg_fail(bb->e, HERR_TOO_LARGE, "The request body would hold "
		    "more than %d bytes in memory", BODY_MAX_MEM);
		return BODY_FAIL;
	}
	return BODY_OK;
}

static enum body_rc
bb_str(struct bb *bb, const char *s)
{
	return bb_mem(bb, s, strlen(s));
}

/* A file segment; fd must already be owned by the body. */
static enum body_rc
bb_fd(struct bb *bb, int fd, int64_t size)
{
	if (size == 0)
		return BODY_OK;
	if (bb_flush(bb) == -1 || bb_seg(bb, NULL, 0, fd, size) == -1)
		return body_nomem(bb->e);
	return BODY_OK;
}

/* ---- files ---- */

static enum body_rc
body_read_fail(struct hg_err *e, const char *path, int err)
{
	hg_fail(e, HERR_READ_ERROR, "Couldn't read data from file \"%s\": %s",
	    path, strerror(err));
	return BODY_FAIL;
}

/*
 * Open path for reading ("-" is stdin) and stat it.  Directories are
 * refused here: read(2) would fail later, after the request went out.
 */
static enum body_rc
body_open(struct hg_err *e, const char *path, int *fd, struct stat *st)
{
	int	 saved;

	if (strcmp(path, "-") == 0)
		*fd = STDIN_FILENO;
	else if ((*fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return body_read_fail(e, path, errno);
	if (fstat(*fd, st) == -1)
		saved = errno;
	else if (S_ISDIR(st->st_mode))
		saved = EISDIR;
	else
		return BODY_OK;
	if (*fd != STDIN_FILENO)
		(void)close(*fd);
	return body_read_fail(e, path, saved);
}

static void
body_close(int fd)
{
	if (fd != STDIN_FILENO)
		(void)close(fd);
}

/*
 * An anonymous temporary file in $TMPDIR (or /tmp): O_TMPFILE where the
 * file system has it, else mkstemp(3) and unlink(2) at once.  Either way
 * nothing is left behind, whatever happens to the process.
 */
static enum body_rc
body_tmpfd(struct hg_err *e, int *fd)
{
	const char	*dir = getenv("TMPDIR");
	char		*path;
	int		 saved;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
#ifdef O_TMPFILE
	if ((*fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600)) != -1)
		return BODY_OK;
#endif
	if ((path = buf_fmt("%s/hget-body.XXXXXX", dir)) == NULL)
		return body_nomem(e);
	if ((*fd = mkstemp(path)) == -1) {
		saved = errno;
		free(path);
		hg_fail(e, HERR_READ_ERROR, "Cannot create a temporary file "
		    "in %s: %s", dir, strerror(saved));
		return BODY_FAIL;
	}
	(void)unlink(path);
	free(path);
	(void)fcntl(*fd, F_SETFD, FD_CLOEXEC);
	return BODY_OK;
}

/* ---- byte sources: memory, or a descriptor read ahead ---- */

struct src {
	const unsigned char *mem;	/* when fd == -1 */
	size_t		 len;
	int		 fd;
	int		 positional;	/* pread(2) at off, or read(2) */
	int64_t		 off;
	unsigned char	*buf;
	size_t		 pos, n;
	int		 eof;
	int		 err;		/* errno of a failed read */
};

static void
src_mem(struct src *s, const void *p, size_t len)
{
	memset(s, 0, sizeof(*s));
	s->mem = p;
	s->len = len;
	s->fd = -1;
}

static int
src_fd(struct src *s, int fd, int positional)
{
	memset(s, 0, sizeof(*s));
	s->fd = fd;
	s->positional = positional;
	return (s->buf = malloc(BODY_IOBUF)) == NULL ? -1 : 0;
}

static void
src_done(struct src *s)
{
	free(s->buf);
	s->buf = NULL;
}

/* Have at least want bytes ahead, unless the input ends first. */
static void
src_fill(struct src *s, size_t want)
{
	ssize_t	 r;

	if (s->pos > 0) {
		memmove(s->buf, s->buf + s->pos, s->n - s->pos);
		s->n -= s->pos;
		s->pos = 0;
	}
	while (s->n < want && !s->eof && s->err == 0) {
		r = s->positional ?
		    pread(s->fd, s->buf + s->n, BODY_IOBUF - s->n, s->off) :
		    read(s->fd, s->buf + s->n, BODY_IOBUF - s->n);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			s->err = errno;
		else if (r == 0)
			s->eof = 1;
		else {
			s->n += (size_t)r;
			s->off += r;
		}
	}
}

/* The byte i places ahead (i < 3), or -1 at the end (or an error). */
static int
src_peek(struct src *s, size_t i)
{
	if (s->fd == -1)
		return s->pos + i < s->len ? s->mem[s->pos + i] : -1;
	if (s->pos + i >= s->n)
		src_fill(s, i + 1);
	return s->pos + i < s->n ? s->buf[s->pos + i] : -1;
}

static void
src_skip(struct src *s, size_t k)
{
	s->pos += k;
}

/* ---- byte sinks: memory (a struct buf), or a temporary file ---- */

struct sink {
	struct buf	*mem;		/* when not NULL */
	int		 fd;
	char		*buf;
	size_t		 n;
	int64_t		 total;		/* bytes written to fd */
	int		 err;		/* errno of a failed write */
	int		 full;		/* mem reached its cap */
};

static int
sink_flush(struct sink *k)
{
	size_t	 off = 0;
	ssize_t	 w;

	while (off < k->n) {
		if ((w = write(k->fd, k->buf + off, k->n - off)) == -1) {
			if (errno == EINTR)
				continue;
			k->err = errno;
			return -1;
		}
		off += (size_t)w;
	}
	k->total += (int64_t)k->n;
	k->n = 0;
	return 0;
}

static int
sink_put(struct sink *k, const void *p, size_t len)
{
	size_t	 c;

	if (k->mem != NULL) {
		if (buf_add(k->mem, p, len) == -1) {
			k->full = k->mem->len + len > k->mem->cap;
			k->err = k->full ? EFBIG : ENOMEM;
			return -1;
		}
		return 0;
	}
	while (len > 0) {
		if (k->n == BODY_IOBUF && sink_flush(k) == -1)
			return -1;
		c = BODY_IOBUF - k->n < len ? BODY_IOBUF - k->n : len;
		memcpy(k->buf + k->n, p, c);
		k->n += c;
		p = (const char *)p + c;
		len -= c;
	}
	return 0;
}

static int
sink_putc(struct sink *k, int c)
{
	char	 ch = (char)c;

	return sink_put(k, &ch, 1);
}

/* A sink into a new temporary file the body owns. */
static enum body_rc
sink_tmp(struct bb *bb, struct sink *k)
{
	enum body_rc	 rc;

	memset(k, 0, sizeof(*k));
	if ((rc = body_tmpfd(bb->e, &k->fd)) != BODY_OK)
		return rc;
	if (body_own_fd(bb->b, k->fd) == -1)
		return body_nomem(bb->e);
	if ((k->buf = malloc(BODY_IOBUF)) == NULL)
		return body_nomem(bb->e);
	return BODY_OK;
}

static void
sink_memory(struct sink *k, struct buf *b)
{
	memset(k, 0, sizeof(*k));
	k->mem = b;
	k->fd = -1;
}

/*
 * The end of a transformation from s into k: report a read or write
 * failure; a temporary file is flushed (k->fd, k->total).
 */
static enum body_rc
body_finish(struct bb *bb, struct src *s, struct sink *k, int failed,
    const char *path)
{
	enum body_rc	 rc = BODY_OK;

	if (s->err != 0)
		rc = body_read_fail(bb->e, path, s->err);
	else if (failed && k->full) {
		hg_fail(bb->e, HERR_TOO_LARGE, "More than %zu bytes of data to "
		    "hold in memory", k->mem->cap);
		rc = BODY_FAIL;
	} else if (failed && k->err == ENOMEM)
		rc = body_nomem(bb->e);
	else if (failed || (k->mem == NULL && sink_flush(k) == -1)) {
		hg_fail(bb->e, HERR_READ_ERROR, "Cannot write \"%s\" to a "
		    "temporary file: %s", path, strerror(k->err));
		rc = BODY_FAIL;
	}
	src_done(s);
	free(k->buf);
	k->buf = NULL;
	return rc;
}

/* ---- transformations, one byte at a time ---- */

/*
 * -d @file: curl 7.88 reads the file with fgets() into 256 bytes and
 * keeps each piece up to its first CR, LF or NUL.  So a line loses
 * everything from a CR on (not just the line end), and a line longer
 * than 255 bytes is cut that way piece by piece.
 */
static int
xf_strip(struct src *s, struct sink *k)
{
	size_t	 piece = 0;
	int	 c, cut = 0;

	while ((c = src_peek(s, 0)) != -1) {
		src_skip(s, 1);
		piece++;
		if (c == '\r' || c == '\n' || c == '\0')
			cut = 1;
		else if (!cut && sink_putc(k, c) == -1)
			return -1;
		if (c == '\n' || piece == BODY_DATA_LINE) {
			piece = 0;
			cut = 0;
		}
	}
	return 0;
}

/*
 * --data-urlencode and --url-query: RFC 3986 §2.3 unreserved bytes stay,
 * a space becomes '+', every other byte %XX.  curl 7.88 writes the hex
 * upper case for --data-urlencode and lower case for --url-query.
 */
static int
xf_urlencode(struct src *s, struct sink *k, int lower)
{
	const char	*hex;
	char		 pct[3];
	int		 c;

	hex = lower ? "0123456789abcdef" : "0123456789ABCDEF";
	while ((c = src_peek(s, 0)) != -1) {
		src_skip(s, 1);
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~') {
			if (sink_putc(k, c) == -1)
				return -1;
			continue;
		}
		if (c == ' ') {
			if (sink_putc(k, '+') == -1)
				return -1;
			continue;
		}
		pct[0] = '%';
		pct[1] = hex[c >> 4];
		pct[2] = hex[c & 15];
		if (sink_put(k, pct, 3) == -1)
			return -1;
	}
	return 0;
}

/* RFC 2045 §6.8: lines of 76 characters, CRLF between them, not after */
static int
xf_base64(struct src *s, struct sink *k)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned char	 in[3];
	char		 out[4];
	size_t		 n, line = 0;
	int		 c;

	for (;;) {
		for (n = 0; n < 3 && (c = src_peek(s, 0)) != -1; n++) {
			in[n] = (unsigned char)c;
			src_skip(s, 1);
		}
		if (n == 0)
			return 0;
		if (n < 3)
			memset(in + n, 0, 3 - n);
		out[0] = abc[in[0] >> 2];
		out[1] = abc[((in[0] & 3) << 4) | (in[1] >> 4)];
		out[2] = n > 1 ? abc[((in[1] & 15) << 2) | (in[2] >> 6)] : '=';
		out[3] = n > 2 ? abc[in[2] & 63] : '=';
		if (sink_put(k, out, 4) == -1)
			return -1;
		line += 4;
		if (line == BODY_ENC_LINE && src_peek(s, 0) != -1) {
			if (sink_put(k, "\r\n", 2) == -1)
				return -1;
			line = 0;
		}
	}
}

/* Whether the bytes from i on start a line break (CRLF) or the end. */
static int
xf_qp_eol(struct src *s, size_t i)
{
	int	 c = src_peek(s, i);

	return c == -1 || (c == '\r' && src_peek(s, i + 1) == '\n');
}

/*
 * RFC 2045 §6.7 quoted-printable, as curl 7.88 writes it: CRLF stays a
 * line break; '=', controls (lone CR and LF too) and bytes >= 127 become
 * =XX; a space or tab before a line break or the end becomes =XX; a line
 * holds 75 characters and a soft break "=", or 76 when it is the last
 * of its line.
 */
static int
xf_qp(struct src *s, struct sink *k)
{
	static const char hex[] = "0123456789ABCDEF";
	char		 tok[3];
	size_t		 toklen, line = 0;
	int		 c, literal;

	while ((c = src_peek(s, 0)) != -1) {
		if (c == '\r' && src_peek(s, 1) == '\n') {
			if (sink_put(k, "\r\n", 2) == -1)
				return -1;
			src_skip(s, 2);
			line = 0;
			continue;
		}
		if (c == ' ' || c == '\t')
			literal = !xf_qp_eol(s, 1);
		else
			literal = c >= 33 && c <= 126 && c != '=';
		tok[0] = literal ? (char)c : '=';
		tok[1] = hex[c >> 4];
		tok[2] = hex[c & 15];
		toklen = literal ? 1 : 3;
		if (line + toklen > BODY_ENC_LINE - 1 &&
		    !(xf_qp_eol(s, 1) && line + toklen <= BODY_ENC_LINE)) {
			if (sink_put(k, "=\r\n", 3) == -1)
				return -1;
			line = 0;
		}
		if (sink_put(k, tok, toklen) == -1)
			return -1;
		line += toklen;
		src_skip(s, 1);
	}
	return 0;
}

/* Copy as is (stdin and pipes, which curl reads whole before sending). */
static int
xf_copy(struct src *s, struct sink *k)
{
	size_t	 n;

	for (;;) {
		src_fill(s, BODY_IOBUF);
		if ((n = s->n - s->pos) == 0)
			return 0;
		if (sink_put(k, s->buf + s->pos, n) == -1)
			return -1;
		src_skip(s, n);
	}
}

/* Copy as is from memory or a descriptor. */
static int
xf_copy_any(struct src *s, struct sink *k)
{
	if (s->fd == -1) {
		src_skip(s, s->len);
		return sink_put(k, s->mem, s->len);
	}
	return xf_copy(s, k);
}

/* ---- -d, --data-binary, --data-raw, --data-urlencode, --json ---- */

typedef int	(*xf_fn)(struct src *, struct sink *);

/*
 * fd's bytes (path names it in messages) through xf into a temporary
 * file the body owns: *ofd, *osize.  Used for what curl transforms, and
 * for stdin and pipes, which curl reads whole before it sends anything.
 * fd is closed (unless it is stdin).
 */
static enum body_rc
body_spool(struct bb *bb, const char *path, int fd, xf_fn xf, int *ofd,
    int64_t *osize)
{
	struct src	 s;
	struct sink	 k;
	enum body_rc	 rc;

	if ((rc = sink_tmp(bb, &k)) != BODY_OK) {
		body_close(fd);
		return rc;
	}
	if (src_fd(&s, fd, 0) == -1) {
		body_close(fd);
		free(k.buf);
		return body_nomem(bb->e);
	}
	rc = body_finish(bb, &s, &k, xf(&s, &k) == -1, path);
	body_close(fd);
	*ofd = k.fd;
	*osize = k.total;
	return rc;
}

/*
 * A file's contents: a regular file is read from where it is (fd owned
 * by the body); stdin and anything else is spooled first, so that its
 * size is known (curl sends a Content-Length) and it can be sent again.
 */
static enum body_rc
body_content(struct bb *bb, const char *path, int *ofd, int64_t *osize)
{
	struct stat	 st;
	enum body_rc	 rc;
	int		 fd;

	if ((rc = body_open(bb->e, path, &fd, &st)) != BODY_OK)
		return rc;
	if (fd == STDIN_FILENO || !S_ISREG(st.st_mode))
		return body_spool(bb, path, fd, xf_copy, ofd, osize);
	if (body_own_fd(bb->b, fd) == -1)
		return body_nomem(bb->e);
	*ofd = fd;
	*osize = st.st_size;
	return BODY_OK;
}

/* -d @file (xf_strip), --data-binary @file and --json @file (xf NULL) */
static enum body_rc
body_data_file(struct bb *bb, const char *path, xf_fn xf)
{
	struct stat	 st;
	enum body_rc	 rc;
	int64_t		 size;
	int		 fd;

	if (xf == NULL)
		rc = body_content(bb, path, &fd, &size);
	else if ((rc = body_open(bb->e, path, &fd, &st)) == BODY_OK)
		rc = body_spool(bb, path, fd, xf, &fd, &size);
	return rc == BODY_OK ? bb_fd(bb, fd, size) : rc;
}

/*
 * The five forms of --data-urlencode (and --url-query): "content",
 * "=content", "name=content", "@file", "name@file".  The first '=' wins;
 * only without one does a '@' name a file.  The name goes out as
 * written.  curl 7.88 sends nothing at all, not even "name=", for an
 * empty file.  Output goes to q when q is not NULL (--url-query), else
 * into the body (a file's encoding through a temporary file).
 */
static enum body_rc
body_urlencode(struct bb *bb, const char *arg, int lower, struct buf *q)
{
	const char	*p, *content = arg;
	struct stat	 st;
	struct src	 s;
	struct sink	 k;
	enum body_rc	 rc;
	size_t		 nlen = 0;
	int		 fd, failed;

	if ((p = strchr(arg, '=')) == NULL)
		p = strchr(arg, '@');
	if (p != NULL) {
		nlen = (size_t)(p - arg);
		content = p + 1;
	}
	if (p == NULL || *p != '@') {
		sink_memory(&k, q != NULL ? q : &bb->cur);
		src_mem(&s, content, strlen(content));
		failed = (nlen > 0 && (sink_put(&k, arg, nlen) == -1 ||
		    sink_putc(&k, '=') == -1)) ||
		    xf_urlencode(&s, &k, lower) == -1;
		return body_finish(bb, &s, &k, failed, "(argument)");
	}
	if ((rc = body_open(bb->e, content, &fd, &st)) != BODY_OK)
		return rc;
	if (q != NULL)
		sink_memory(&k, q);
	else if ((rc = sink_tmp(bb, &k)) != BODY_OK) {
		body_close(fd);
		return rc;
	}
	if (src_fd(&s, fd, 0) == -1) {
		body_close(fd);
		free(k.buf);
		return body_nomem(bb->e);
	}
	failed = src_peek(&s, 0) != -1 && nlen > 0 &&
	    (sink_put(&k, arg, nlen) == -1 || sink_putc(&k, '=') == -1);
	if (!failed)
		failed = xf_urlencode(&s, &k, lower) == -1;
	rc = body_finish(bb, &s, &k, failed, content);
	body_close(fd);
	if (rc != BODY_OK || q != NULL)
		return rc;
	return bb_fd(bb, k.fd, k.total);
}

static enum body_rc
body_data_one(struct bb *bb, const struct opts_data *d)
{
	const char	*a = d->arg;

	switch (d->kind) {
	case OPTS_DATA_RAW:
		return bb_str(bb, a);
	case OPTS_DATA_URLENCODE:
		return body_urlencode(bb, a, 0, NULL);
	case OPTS_DATA:
		return a[0] == '@' ? body_data_file(bb, a + 1, xf_strip) :
		    bb_str(bb, a);
	case OPTS_DATA_BINARY:
	case OPTS_DATA_JSON:
		break;
	}
	return a[0] == '@' ? body_data_file(bb, a + 1, NULL) : bb_str(bb, a);
}

/*
 * curl 7.88 joins the -d family with '&' in command-line order, but
 * puts none before a --json: "-d a --json b" sends "ab", "--json b -d a"
 * sends "b&a", "--json a --json b" sends "ab".
 */
static enum body_rc
body_data(struct bb *bb, const struct opts *o)
{
	enum body_rc	 rc;
	size_t		 i;

	for (i = 0; i < o->ndata; i++) {
		if (i > 0 && o->data[i].kind != OPTS_DATA_JSON &&
		    (rc = bb_mem(bb, "&", 1)) != BODY_OK)
			return rc;
		if ((rc = body_data_one(bb, &o->data[i])) != BODY_OK)
			return rc;
	}
	return bb_flush(bb) == -1 ? body_nomem(bb->e) : BODY_OK;
}

/*
 * -G: the body built so far becomes the query string.  curl holds it as
 * a C string, so it ends at the first NUL ("--data-binary @f -G" with a
 * NUL in f sends only what comes before it).
 */
static enum body_rc
body_segs_string(struct bb *bb, struct buf *out)
{
	const struct hg_seg	*sg;
	struct src		 s;
	struct sink		 k;
	enum body_rc		 rc;
	const char		*nul;
	size_t			 i;

	sink_memory(&k, out);
	for (i = 0; i < bb->b->nsegs; i++) {
		sg = &bb->b->segs[i];
		if (sg->fd == -1)
			src_mem(&s, sg->mem, sg->len);
		else if (src_fd(&s, sg->fd, 1) == -1)
			return body_nomem(bb->e);
		rc = body_finish(bb, &s, &k, xf_copy_any(&s, &k) == -1,
		    "(-G data)");
		if (rc != BODY_OK)
			return rc;
	}
	if (out->len > 0 &&
	    (nul = memchr(out->data, '\0', out->len)) != NULL)
		out->len = (size_t)(nul - out->data);
	return BODY_OK;
}

/* ---- -F and --form-string: multipart/form-data, RFC 7578 ---- */

enum fenc {
	FENC_NONE, FENC_BINARY, FENC_8BIT, FENC_7BIT, FENC_BASE64, FENC_QP
};

/* ";encoder=" names, any case; the header gets them as written here */
static const char *const fenc_names[] = {
	NULL, "binary", "8bit", "7bit", "base64", "quoted-printable"
};

struct fpart {
	struct fpart	*parent;
	struct fpart	**kids;		/* a multipart: its parts */
	size_t		 nkids;
	int		 multi;
	char		*name;		/* NULL: none */
	char		*filename;	/* NULL: none */
	char		*type;		/* ";type="; NULL: none */
	const char	*path;		/* a file: a type may come from it */
	char		**hdrs;		/* ";headers=", in order */
	size_t		 nhdrs;
	enum fenc	 enc;
	const char	*mem;		/* the content, when fd == -1 */
	size_t		 len;
	int		 fd;		/* owned by the body */
	int64_t		 size;
	char		 boundary[BODY_BOUNDARY_LEN + 1];
};

struct form {
	struct bb	*bb;
	const char	*spec;		/* the -F argument, as written */
	struct fpart	*root;		/* the body: a multipart */
	struct fpart	*cur;		/* where parts go: root or a "(" */
	char		**strs;		/* what the parts point into */
	size_t		 nstrs;
	int		 formdata;	/* form-data parts, not attachments */
};

static void
fpart_free(struct fpart *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nkids; i++)
		fpart_free(p->kids[i]);
	free(p->kids);
	free(p->hdrs);
	free(p);
}

static struct fpart *
fpart_new(void)
{
	struct fpart	*p;

	if ((p = calloc(1, sizeof(*p))) != NULL)
		p->fd = -1;
	return p;
}

static int
fpart_add(struct fpart *m, struct fpart *kid)
{
	struct fpart	**n;

	if ((n = reallocarray(m->kids, m->nkids + 1, sizeof(*n))) == NULL)
		return -1;
	m->kids = n;
	m->kids[m->nkids++] = kid;
	kid->parent = m;
	return 0;
}

static int
fpart_hdr(struct fpart *p, char *h)
{
	char	**n;

	if ((n = reallocarray(p->hdrs, p->nhdrs + 1, sizeof(*n))) == NULL)
		return -1;
	p->hdrs = n;
	p->hdrs[p->nhdrs++] = h;
	return 0;
}

/* Keep s (malloc'd) until the form is written; NULL when out of memory. */
static char *
form_keep(struct form *f, char *s)
{
	char	**n;

	if (s == NULL)
		return NULL;
	if ((n = reallocarray(f->strs, f->nstrs + 1, sizeof(*n))) == NULL) {
		free(s);
		return NULL;
	}
	f->strs = n;
	f->strs[f->nstrs++] = s;
	return s;
}

static void
form_free(struct form *f)
{
	size_t	 i;

	fpart_free(f->root);
	for (i = 0; i < f->nstrs; i++)
		free(f->strs[i]);
	free(f->strs);
}

static enum body_rc
form_bad(struct form *f, const char *why)
{
	hg_fail(f->bb->e, HERR_FAILED_INIT, "option -F: is badly used here: "
	    "%s in \"%s\"", why, f->spec);
	return BODY_USAGE;
}

static int
form_warn(struct form *f, const char *text, const char *arg)
{
	return body_note(f->bb->b, text, arg);
}

/*
 * The closing quote of a quoted -F word whose text starts at p, or NULL
 * when there is none (then the word is not a quoted one after all).
 */
static char *
form_quote_end(char *p)
{
	while (*p != '\0') {
		if (*p == '\\' && (p[1] == '\\' || p[1] == '"'))
			p += 2;
		else if (*p == '"')
			return p;
		else
			p++;
	}
	return NULL;
}

/*
 * One word of a -F spec at *pp, the way curl 7.88 reads them: either
 * "double-quoted" (\" and \\ are its only escapes; what follows the
 * closing quote up to the separator is dropped, with a warning), or the
 * bytes up to ';', endc or the end, with trailing blanks dropped.  The
 * word is NUL-terminated in place and *pp left on the separator, whose
 * value is returned.
 */
static int
form_word(struct form *f, char **pp, int endc, char **word)
{
	char	*p = *pp, *end, *in, *out;
	int	 sep, trailing = 0;

	if (*p == '"' && (end = form_quote_end(p + 1)) != NULL) {
		for (in = p + 1, out = p; in < end; in++) {
			if (*in == '\\' && (in[1] == '\\' || in[1] == '"'))
				in++;
			*out++ = *in;
		}
		for (in = end + 1; *in != '\0' && *in != ';' && *in != endc;
		    in++)
			trailing |= !body_blank((unsigned char)*in);
		if (trailing && form_warn(f, "Warning: Trailing data after "
		    "quoted form parameter", "") == -1)
			return -1;
		sep = *in;
		*out = '\0';
		*pp = in;
		*word = p;
		return sep;
	}
	for (end = p; *end != '\0' && *end != ';' && *end != endc; end++)
		continue;
	*pp = end;
	sep = *end;
	while (end > p && body_blank((unsigned char)end[-1]))
		end--;
	*end = '\0';
	*word = p;
	return sep;
}

static char *
form_skip_blanks(char *p)
{
	while (body_blank((unsigned char)*p))
		p++;
	return p;
}

/*
 * ";type=major/minor...": curl 7.88 checks "major/minor" (neither part
 * empty, no blank in major) and then keeps everything up to the next
 * ';' as the type; words after it that are not one of its keywords are
 * part of the type too ("type=a/b;foo=1" is "a/b;foo=1").  Returns the
 * end of the type so far (the last byte that is not blank, plus one).
 */
static char *
form_type(char **pp, int endc)
{
	char	*p = *pp, *endct;
	size_t	 major, minor;

	major = strcspn(p, "/ ");
	if (major == 0 || p[major] != '/')
		return NULL;
	minor = strcspn(p + major + 1, ";, \n");
	if (minor == 0)
		return NULL;
	p += major + 1 + minor;
	for (endct = p; *p != '\0' && *p != ';' && *p != endc; p++)
		if (!body_blank((unsigned char)*p))
			endct = p + 1;
	*pp = p;
	return endct;
}

/* More of an open type: up to the next separator. */
static char *
form_type_more(char **pp, int endc)
{
	char	*p = *pp, *endct = p;

	for (; *p != '\0' && *p != ';' && *p != endc; p++)
		if (!body_blank((unsigned char)*p))
			endct = p + 1;
	*pp = p;
	return endct;
}

/* A header line from a file is complete: keep it unless it is empty */
static int
form_header_line(struct form *f, struct fpart *pt, struct buf *h)
{
	char	*line;

	while (h->len > 0 && body_blank((unsigned char)h->data[h->len - 1]))
		h->len--;
	if (h->len == 0 || h->data[0] == '#') {
		h->len = 0;
		return 0;
	}
	line = form_keep(f, strndup(h->data, h->len));
	h->len = 0;
	return line == NULL ? -1 : fpart_hdr(pt, line);
}

/*
 * ";headers=@file": one header a line, as curl 7.88 reads the file: CR
 * bytes vanish, a line starting with a blank continues the one before
 * (the blanks kept), trailing blanks go, and lines starting with '#' are
 * comments.  (curl skips a file it cannot open, with a warning; that is
 * an error here, as for -H @file.)
 */
static enum body_rc
form_headers_file(struct form *f, struct fpart *pt, const char *path)
{
	struct buf	 in, h;
	struct src	 s;
	struct sink	 k;
	enum body_rc	 rc;
	size_t		 i;
	int		 fd, c, bol = 1;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return body_read_fail(f->bb->e, path, errno);
	buf_init(&in, HG_MAX_HEADER_FILE);
	buf_init(&h, HG_MAX_HEADER_FILE);
	sink_memory(&k, &in);
	if (src_fd(&s, fd, 0) == -1)
		rc = body_nomem(f->bb->e);
	else
		rc = body_finish(f->bb, &s, &k, xf_copy(&s, &k) == -1, path);
	(void)close(fd);
	for (i = 0; rc == BODY_OK && i <= in.len; i++) {
		c = i < in.len ? (unsigned char)in.data[i] : -1;
		if (c == '\r')
			continue;
		if ((c == -1 || (bol && !body_blank(c))) &&
		    form_header_line(f, pt, &h) == -1)
			rc = body_nomem(f->bb->e);
		bol = c == '\n';
		if (c != -1 && c != '\n' && buf_addc(&h, (char)c) == -1)
			rc = body_nomem(f->bb->e);
	}
	buf_free(&in);
	buf_free(&h);
	return rc;
}

static enum body_rc
form_encoder(struct form *f, struct fpart *pt, const char *w)
{
	size_t	 i;

	for (i = 1; i < sizeof(fenc_names) / sizeof(fenc_names[0]); i++)
		if (strcasecmp(w, fenc_names[i]) == 0) {
			pt->enc = (enum fenc)i;
			return BODY_OK;
		}
	return form_bad(f, "unknown encoder");
}

/* ";headers=" with the header inline, or "@file" / "<file": one a line */
static enum body_rc
form_header(struct form *f, struct fpart *pt, char **pp, int endc, int *sep)
{
	char		*p = *pp, *w;
	enum body_rc	 rc;

	if (*p == '@' || *p == '<') {
		*pp = p + 1;
		if ((*sep = form_word(f, pp, endc, &w)) == -1)
			return body_nomem(f->bb->e);
		if ((rc = form_headers_file(f, pt, w)) != BODY_OK)
			return rc;
		return BODY_OK;
	}
	*pp = form_skip_blanks(p);
	if ((*sep = form_word(f, pp, endc, &w)) == -1)
		return body_nomem(f->bb->e);
	if (fpart_hdr(pt, w) == -1)
		return body_nomem(f->bb->e);
	return BODY_OK;
}

/*
 * The "content;modifier=...;..." of one -F value (or of one file in a
 * "@a,b" list, endc ','): the content word in *data, the modifiers into
 * pt.  Unknown modifiers are skipped with curl's warning.  *pp ends on
 * the separator that stopped it ('\0' or endc), returned in *sepp.
 */
static enum body_rc
form_params(struct form *f, struct fpart *pt, char **pp, int endc,
    char **data, int *sepp)
{
	char		*p = form_skip_blanks(*pp), *endct = NULL, *w;
	enum body_rc	 rc = BODY_OK;
	int		 sep;

	if ((sep = form_word(f, &p, endc, data)) == -1)
		return body_nomem(f->bb->e);
	while (sep == ';' && rc == BODY_OK) {
		p = form_skip_blanks(p + 1);
		if (endct == NULL && strncasecmp(p, "type=", 5) == 0) {
			pt->type = p = form_skip_blanks(p + 5);
			if ((endct = form_type(&p, endc)) == NULL)
				return form_bad(f, "illegally formatted "
				    "content-type field");
			sep = *p;
			continue;
		}
		if (endct != NULL && (strncasecmp(p, "filename=", 9) == 0 ||
		    strncasecmp(p, "headers=", 8) == 0 ||
		    strncasecmp(p, "encoder=", 8) == 0)) {
			*endct = '\0';
			endct = NULL;
		}
		if (strncasecmp(p, "filename=", 9) == 0) {
			p = form_skip_blanks(p + 9);
			sep = form_word(f, &p, endc, &pt->filename);
		} else if (strncasecmp(p, "headers=", 8) == 0) {
			p += 8;
			rc = form_header(f, pt, &p, endc, &sep);
		} else if (strncasecmp(p, "encoder=", 8) == 0) {
			p = form_skip_blanks(p + 8);
			if ((sep = form_word(f, &p, endc, &w)) != -1)
				rc = form_encoder(f, pt, w);
		} else if (endct != NULL) {
			endct = form_type_more(&p, endc);
			sep = *p;
		} else if ((sep = form_word(f, &p, endc, &w)) != -1 &&
		    *w != '\0' && form_warn(f, "Warning: skip unknown form "
		    "field: ", w) == -1)
			sep = -1;
		if (sep == -1)
			return body_nomem(f->bb->e);
	}
	if (endct != NULL)
		*endct = '\0';
	*pp = p;
	*sepp = sep;
	return rc;
}

/* A new part in the current multipart; NULL when out of memory. */
static struct fpart *
form_part(struct form *f, char *name)
{
	struct fpart	*p;

	if ((p = fpart_new()) == NULL)
		return NULL;
	if (fpart_add(f->cur, p) == -1) {
		free(p);
		return NULL;
	}
	p->name = name;
	return p;
}

/* The last path segment: curl's default ";filename=" for "@path" */
static char *
form_basename(char *path)
{
	char	*slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/*
 * "name=@file[;mods][,file[;mods]]...": each file a part with its own
 * modifiers.  One file is a part named name with filename= its last
 * path segment; several make a multipart/mixed part named name, whose
 * parts have only filenames.  "@-" is stdin, spooled, with filename "-"
 * and, as not a file, no type guessed from a path.
 */
static enum body_rc
form_files(struct form *f, char *name, char *p)
{
	struct fpart	*group, *pt, *outer = f->cur;
	enum body_rc	 rc;
	char		*data;
	int		 sep;

	if ((group = form_part(f, name)) == NULL)
		return body_nomem(f->bb->e);
	group->multi = 1;
	f->cur = group;
	do {
		if ((pt = form_part(f, NULL)) == NULL) {
			rc = body_nomem(f->bb->e);
			break;
		}
		p++;			/* the '@', then each ',' */
		if ((rc = form_params(f, pt, &p, ',', &data, &sep)) != BODY_OK)
			break;
		if (strcmp(data, "-") != 0)
			pt->path = data;
		if (pt->filename == NULL)
			pt->filename = form_basename(data);
		rc = body_content(f->bb, data, &pt->fd, &pt->size);
	} while (rc == BODY_OK && sep == ',');
	f->cur = outer;
	if (rc == BODY_OK && group->nkids == 1) {
		/* not a group after all: the one file takes its place */
		pt = group->kids[0];
		group->kids[0] = NULL;
		group->nkids = 0;
		outer->kids[outer->nkids - 1] = pt;
		pt->parent = outer;
		pt->name = name;
		fpart_free(group);
	}
	return rc;
}

/*
 * "name=content[;mods]", "name=<file[;mods]" (a file's contents as a
 * plain value: no filename, even with ";filename=", but a type may
 * still be guessed from the path), "name=<-" (stdin).  Like '@', the
 * '<' counts only right after the '='.
 */
static enum body_rc
form_value(struct form *f, char *name, char *p)
{
	struct fpart	*pt;
	enum body_rc	 rc;
	char		*data;
	int		 sep, file = *p == '<';

	if ((pt = form_part(f, name)) == NULL)
		return body_nomem(f->bb->e);
	p += file;
	if ((rc = form_params(f, pt, &p, '\0', &data, &sep)) != BODY_OK)
		return rc;
	if (!file) {
		pt->mem = data;
		pt->len = strlen(data);
		return BODY_OK;
	}
	pt->filename = NULL;
	if (strcmp(data, "-") != 0)
		pt->path = data;
	return body_content(f->bb, data, &pt->fd, &pt->size);
}

/*
 * "name=(;type=multipart/x" opens a multipart part and "=)" closes it,
 * as in curl 7.88 (it is meant for mail; over HTTP it still nests).
 * What follows the '(' other than modifiers is ignored, as curl does.
 */
static enum body_rc
form_open(struct form *f, char *name, char *p)
{
	struct fpart	*pt;
	char		*data;
	int		 sep;

	if ((pt = form_part(f, name)) == NULL)
		return body_nomem(f->bb->e);
	pt->multi = 1;
	f->cur = pt;
	return form_params(f, pt, &p, '\0', &data, &sep);
}

static enum body_rc
form_add(struct form *f, const struct opts_form *of)
{
	struct fpart	*pt;
	char		*s, *eq, *name;

	f->spec = of->arg;
	if ((s = form_keep(f, strdup(of->arg))) == NULL)
		return body_nomem(f->bb->e);
	/* curl: "Warning: Illegally formatted input field!" */
	if ((eq = strchr(s, '=')) == NULL)
		return form_bad(f, "illegally formatted input field (no '=')");
	*eq++ = '\0';
	name = *s != '\0' ? s : NULL;
	if (of->literal) {
		if ((pt = form_part(f, name)) == NULL)
			return body_nomem(f->bb->e);
		pt->mem = eq;
		pt->len = strlen(eq);
		return BODY_OK;
	}
	if (*eq == '(')
		return form_open(f, name, eq + 1);
	if (name == NULL && strcmp(eq, ")") == 0) {
		/* curl: "Warning: no multipart to terminate!" */
		if (f->cur == f->root)
			return form_bad(f, "no multipart to terminate");
		f->cur = f->cur->parent;
		return BODY_OK;
	}
	if (*eq == '@')
		return form_files(f, name, eq);
	return form_value(f, name, eq);
}

/* ---- writing the multipart body ---- */

static int
body_memmem(const char *h, size_t hlen, const char *n, size_t nlen)
{
	size_t	 i;

	for (i = 0; nlen <= hlen && i <= hlen - nlen; i++)
		if (h[i] == n[0] && memcmp(h + i, n, nlen) == 0)
			return 1;
	return 0;
}

static int
body_strstr(const char *h, const char *n)
{
	return h != NULL && body_memmem(h, strlen(h), n, strlen(n));
}

/*
 * Whether b is in use below m: another multipart's boundary, or bytes of
 * a name, filename, type, header or in-memory value.  RFC 2046 §5.1.1:
 * the delimiter must not occur inside the encapsulated parts.  File
 * contents are not searched: a boundary carries 64 random bits, so an
 * n-byte file holds a given one with a chance under n / 2^64 (2^-24 for
 * a terabyte), and nobody can aim a file at a boundary not yet drawn.
 */
static int
form_taken(const struct fpart *m, const struct fpart *self, const char *b)
{
	const struct fpart	*k;
	size_t			 i, j;

	for (i = 0; i < m->nkids; i++) {
		k = m->kids[i];
		if (body_strstr(k->name, b) || body_strstr(k->filename, b) ||
		    body_strstr(k->type, b) ||
		    (k->mem != NULL && body_memmem(k->mem, k->len, b,
		    strlen(b))))
			return 1;
		for (j = 0; j < k->nhdrs; j++)
			if (body_strstr(k->hdrs[j], b))
				return 1;
		if (k->multi && ((k != self && strcmp(k->boundary, b) == 0) ||
		    form_taken(k, self, b)))
			return 1;
	}
	return 0;
}

/* curl's shape: 24 dashes and 16 lower-case hex digits */
static void
form_draw(char *out)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char	 r[(BODY_BOUNDARY_LEN - BODY_BOUNDARY_DASHES) / 2];
	size_t		 i;

	body_random(r, sizeof(r));
	memset(out, '-', BODY_BOUNDARY_DASHES);
	for (i = 0; i < sizeof(r); i++) {
		out[BODY_BOUNDARY_DASHES + 2 * i] = hex[r[i] >> 4];
		out[BODY_BOUNDARY_DASHES + 2 * i + 1] = hex[r[i] & 15];
	}
	out[BODY_BOUNDARY_LEN] = '\0';
}

/* A boundary for m and every multipart below it, none in use. */
static enum body_rc
form_boundaries(struct form *f, struct fpart *m)
{
	enum body_rc	 rc;
	size_t		 i, tries = 0;

	do {
		if (tries++ == 1000) {
			hg_fail(f->bb->e, HERR_FAILED_INIT, "Cannot draw a "
			    "multipart boundary: the random source repeats");
			return BODY_FAIL;
		}
		form_draw(m->boundary);
	} while (m == f->root ? form_taken(m, m, m->boundary) :
	    (strcmp(f->root->boundary, m->boundary) == 0 ||
	    form_taken(f->root, m, m->boundary)));
	for (i = 0; i < m->nkids; i++)
		if (m->kids[i]->multi &&
		    (rc = form_boundaries(f, m->kids[i])) != BODY_OK)
			return rc;
	return BODY_OK;
}

/* The value of p's own header field name (";headers="), or NULL. */
static const char *
form_field(const struct fpart *p, const char *name)
{
	size_t	 i, n = strlen(name);

	for (i = 0; i < p->nhdrs; i++)
		if (strncasecmp(p->hdrs[i], name, n) == 0 &&
		    p->hdrs[i][n] == ':')
			return form_skip_blanks(p->hdrs[i] + n + 1);
	return NULL;
}

/* curl 7.88's table, matched on the end of the name, any case */
static const char *
form_guess(const char *name)
{
	static const struct {
		const char	*ext, *type;
	} types[] = {
		{ ".gif", "image/gif" },
		{ ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" },
		{ ".png", "image/png" },
		{ ".svg", "image/svg+xml" },
		{ ".txt", "text/plain" },
		{ ".htm", "text/html" },
		{ ".html", "text/html" },
		{ ".pdf", "application/pdf" },
		{ ".xml", "application/xml" },
	};
	size_t	 i, n, e;

	if (name == NULL)
		return NULL;
	n = strlen(name);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		e = strlen(types[i].ext);
		if (n >= e && strcasecmp(name + n - e, types[i].ext) == 0)
			return types[i].type;
	}
	return NULL;
}

/*
 * A part's Content-Type, as curl 7.88 picks it: ";type=", else its own
 * Content-Type header, else a guess from the filename, then (a file)
 * from the path, then (a file with a filename) application/octet-stream.
 * A guessed text/plain without a filename is left out: RFC 7578 §4.4
 * makes it the default of a form field.
 */
static const char *
form_ctype(const struct fpart *p)
{
	const char	*ct;

	if (p->type != NULL)
		return p->type;
	if ((ct = form_field(p, "Content-Type")) != NULL)
		return ct;
	if (p->multi)
		return "multipart/mixed";
	if ((ct = form_guess(p->filename)) == NULL && p->path != NULL &&
	    (ct = form_guess(p->path)) == NULL && p->filename != NULL)
		ct = "application/octet-stream";
	if (ct != NULL && p->filename == NULL && strcmp(ct, "text/plain") == 0)
		return NULL;
	return ct;
}

/*
 * A name or filename between double quotes: curl 7.88 writes '"', CR and
 * LF as %22, %0D and %0A (the HTML form encoding), the rest as is.
 */
static enum body_rc
form_quoted(struct bb *bb, const char *param, const char *s)
{
	enum body_rc	 rc;
	const char	*q;
	size_t		 n;

	if ((rc = bb_str(bb, param)) != BODY_OK)
		return rc;
	for (; *s != '\0'; s += n) {
		n = strcspn(s, "\"\r\n");
		if ((rc = bb_mem(bb, s, n)) != BODY_OK)
			return rc;
		if (s[n] == '\0')
			break;
		q = s[n] == '"' ? "%22" : s[n] == '\r' ? "%0D" : "%0A";
		if ((rc = bb_mem(bb, q, 3)) != BODY_OK)
			return rc;
		n++;
	}
	return bb_str(bb, "\"");
}

/*
 * The header lines of one part, in curl 7.88's order: Content-
 * Disposition (form-data for the body's own parts, attachment inside a
 * nested multipart or under a -H Content-Type other than
 * multipart/form-data, where a part without name or filename has none),
 * Content-Type, Content-Transfer-Encoding, then ";headers=" lines less
 * any Content-Type (already used).  A ";headers=" Content-Disposition or
 * Content-Transfer-Encoding replaces the generated one.
 */
static enum body_rc
form_head(struct form *f, const struct fpart *p, int top)
{
	struct bb	*bb = f->bb;
	enum body_rc	 rc = BODY_OK;
	const char	*ct;
	int		 formdata = top && f->formdata;
	size_t		 i;

	if (form_field(p, "Content-Disposition") == NULL &&
	    (formdata || p->name != NULL || p->filename != NULL)) {
		rc = bb_str(bb, formdata ? "Content-Disposition: form-data" :
		    "Content-Disposition: attachment");
		if (rc == BODY_OK && p->name != NULL)
			rc = form_quoted(bb, "; name=\"", p->name);
		if (rc == BODY_OK && p->filename != NULL)
			rc = form_quoted(bb, "; filename=\"", p->filename);
		if (rc == BODY_OK)
			rc = bb_str(bb, "\r\n");
	}
	if (rc == BODY_OK && (ct = form_ctype(p)) != NULL) {
		if ((rc = bb_str(bb, "Content-Type: ")) == BODY_OK &&
		    (rc = bb_str(bb, ct)) == BODY_OK && p->multi &&
		    (rc = bb_str(bb, "; boundary=")) == BODY_OK)
			rc = bb_str(bb, p->boundary);
		if (rc == BODY_OK)
			rc = bb_str(bb, "\r\n");
	}
	if (rc == BODY_OK && p->enc != FENC_NONE && !p->multi &&
	    form_field(p, "Content-Transfer-Encoding") == NULL &&
	    (rc = bb_str(bb, "Content-Transfer-Encoding: ")) == BODY_OK &&
	    (rc = bb_str(bb, fenc_names[p->enc])) == BODY_OK)
		rc = bb_str(bb, "\r\n");
	for (i = 0; rc == BODY_OK && i < p->nhdrs; i++) {
		if (strncasecmp(p->hdrs[i], "Content-Type:", 13) == 0)
			continue;
		if ((rc = bb_str(bb, p->hdrs[i])) == BODY_OK)
			rc = bb_str(bb, "\r\n");
	}
	return rc;
}

/*
 * encoder=7bit: curl 7.88 fails on a byte >= 128 while sending ("read
 * function returned funny value", 26); this finds it before.
 */
static enum body_rc
form_7bit(struct form *f, const struct fpart *p)
{
	struct src	 s;
	int		 c;

	if (p->fd == -1)
		src_mem(&s, p->mem, p->len);
	else if (src_fd(&s, p->fd, 1) == -1)
		return body_nomem(f->bb->e);
	while ((c = src_peek(&s, 0)) != -1 && c < 128)
		src_skip(&s, 1);
	src_done(&s);
	if (s.err != 0)
		return body_read_fail(f->bb->e, p->path != NULL ? p->path : "-",
		    s.err);
	if (c == -1)
		return BODY_OK;
	hg_fail(f->bb->e, HERR_READ_ERROR, "The -F part \"%s\" holds 8-bit "
	    "data: not for encoder=7bit", p->name != NULL ? p->name : "");
	return BODY_FAIL;
}

/* A leaf part's content, through its encoder. */
static enum body_rc
form_content(struct form *f, const struct fpart *p)
{
	struct bb	*bb = f->bb;
	struct src	 s;
	struct sink	 k;
	enum body_rc	 rc;
	xf_fn		 xf;

	if (p->enc == FENC_7BIT && (rc = form_7bit(f, p)) != BODY_OK)
		return rc;
	if (p->enc != FENC_BASE64 && p->enc != FENC_QP)
		return p->fd == -1 ? bb_mem(bb, p->mem, p->len) :
		    bb_fd(bb, p->fd, p->size);
	xf = p->enc == FENC_BASE64 ? xf_base64 : xf_qp;
	if (p->fd == -1) {
		sink_memory(&k, &bb->cur);
		src_mem(&s, p->mem, p->len);
		return body_finish(bb, &s, &k, xf(&s, &k) == -1, "-F");
	}
	if ((rc = sink_tmp(bb, &k)) != BODY_OK)
		return rc;
	if (src_fd(&s, p->fd, 1) == -1) {
		free(k.buf);
		return body_nomem(bb->e);
	}
	rc = body_finish(bb, &s, &k, xf(&s, &k) == -1,
	    p->path != NULL ? p->path : "-");
	return rc != BODY_OK ? rc : bb_fd(bb, k.fd, k.total);
}

/* m's parts between its boundaries (RFC 2046 §5.1.1). */
static enum body_rc
form_emit(struct form *f, const struct fpart *m)
{
	struct bb	*bb = f->bb;
	const struct fpart *p;
	enum body_rc	 rc = BODY_OK;
	size_t		 i;

	for (i = 0; rc == BODY_OK && i < m->nkids; i++) {
		p = m->kids[i];
		if ((rc = bb_str(bb, "--")) != BODY_OK ||
		    (rc = bb_str(bb, m->boundary)) != BODY_OK ||
		    (rc = bb_str(bb, "\r\n")) != BODY_OK ||
		    (rc = form_head(f, p, m == f->root)) != BODY_OK ||
		    (rc = bb_str(bb, "\r\n")) != BODY_OK)
			break;
		rc = p->multi ? form_emit(f, p) : form_content(f, p);
		if (rc == BODY_OK)
			rc = bb_str(bb, "\r\n");
	}
	if (rc == BODY_OK && (rc = bb_str(bb, "--")) == BODY_OK &&
	    (rc = bb_str(bb, m->boundary)) == BODY_OK)
		rc = bb_str(bb, "--\r\n");
	return rc;
}

/*
 * The first -H Content-Type line's value (blanks after the colon
 * skipped; "Content-Type;" is empty), or NULL.
 */
static const char *
body_user_ctype(const char *const *hdrs, size_t n)
{
	const char	*v;
	size_t		 i;

	for (i = 0; i < n; i++)
		if ((v = body_field(hdrs[i], "Content-Type")) != NULL)
			return *v == ';' ? "" : form_skip_blanks((char *)v + 1);
	return NULL;
}

/*
 * -F: the multipart body.  A -H Content-Type takes the place of
 * multipart/form-data (curl 7.88 appends the boundary to it); unless it
 * starts with multipart/form-data, the parts are "attachment"s.
 */
static enum body_rc
body_form(struct bb *bb, const struct opts *o, const char *const *hdrs,
    size_t nhdrs)
{
	struct form	 f;
	enum body_rc	 rc = BODY_OK;
	const char	*ct;
	size_t		 i;

	memset(&f, 0, sizeof(f));
	f.bb = bb;
	if ((f.root = fpart_new()) == NULL)
		return body_nomem(bb->e);
	f.root->multi = 1;
	f.cur = f.root;
	for (i = 0; rc == BODY_OK && i < o->nforms; i++)
		rc = form_add(&f, &o->forms[i]);
	if ((ct = body_user_ctype(hdrs, nhdrs)) != NULL)
		bb->b->drop_content_type = 1;
	else
		ct = "multipart/form-data";
	f.formdata = strncasecmp(ct, "multipart/form-data", 19) == 0;
	if (rc == BODY_OK)
		rc = form_boundaries(&f, f.root);
	if (rc == BODY_OK && (bb->b->content_type = buf_fmt("%s; boundary=%s",
	    ct, f.root->boundary)) == NULL)
		rc = body_nomem(bb->e);
	if (rc == BODY_OK)
		rc = form_emit(&f, f.root);
	if (rc == BODY_OK && bb_flush(bb) == -1)
		rc = body_nomem(bb->e);
	form_free(&f);
	return rc;
}

/* ---- the query: --url-query and -G ---- */

static enum body_rc
body_buf_fail(struct hg_err *e, const struct buf *q, size_t more)
{
	if (q->len + more <= q->cap)
		return body_nomem(e);
	hg_fail(e, HERR_TOO_LARGE, "The query would be longer than %zu bytes",
	    q->cap);
	return BODY_FAIL;
}

/*
 * --url-query: the same five forms as --data-urlencode (lower-case hex)
 * and "+content", sent as is; joined with '&'.  A file is read whole
 * into memory: it goes into the URL.
 */
static enum body_rc
body_url_query(struct bb *bb, const struct opts *o, struct buf *q)
{
	const char	*a;
	enum body_rc	 rc;
	size_t		 i;

	for (i = 0; i < o->nurl_queries; i++) {
		a = o->url_queries[i];
		if (i > 0 && buf_addc(q, '&') == -1)
			return body_buf_fail(bb->e, q, 1);
		if (a[0] == '+') {
			if (buf_addstr(q, a + 1) == -1)
				return body_buf_fail(bb->e, q, strlen(a + 1));
		} else if ((rc = body_urlencode(bb, a, 1, q)) != BODY_OK)
			return rc;
	}
	return BODY_OK;
}

/*
 * What goes after the URL's query: the --url-query items, then the -G
 * data.  (curl 7.88 drops the --url-query items when -G has data, a bug
 * fixed in later versions; hget sends both.)
 */
static enum body_rc
body_query(struct body *b, const struct opts *o, const struct buf *uq,
    const struct buf *gq, struct hg_err *e)
{
	int	 u = o->nurl_queries > 0, g = o->get && o->ndata > 0;

	if (!u && !g)
		return BODY_OK;
	b->query = buf_fmt("%.*s%s%.*s", u ? (int)uq->len : 0,
	    u && uq->len > 0 ? uq->data : "", u && g ? "&" : "",
	    g ? (int)gq->len : 0, g && gq->len > 0 ? gq->data : "");
	return b->query == NULL ? body_nomem(e) : BODY_OK;
}

/*
 * --json: curl 7.88 adds "Content-Type: application/json" and "Accept:
 * application/json" after the -H lines, each unless a -H line names
 * that field (also to remove it: "-H 'Accept:'").
 */
static void
body_json(struct body *b, const struct opts *o, const char *const *hdrs,
    size_t nhdrs)
{
	int	 ct = 0, accept = 0;
	size_t	 i;

	for (i = 0; i < o->ndata; i++)
		if (o->data[i].kind == OPTS_DATA_JSON)
			b->json = 1;
	if (!b->json)
		return;
	for (i = 0; i < nhdrs; i++) {
		ct |= body_field(hdrs[i], "Content-Type") != NULL;
		accept |= body_field(hdrs[i], "Accept") != NULL;
	}
	if (!ct)
		b->extra_headers[b->nextra_headers++] = BODY_JSON_CT;
	if (!accept)
		b->extra_headers[b->nextra_headers++] = BODY_JSON_ACCEPT;
}

static enum body_rc
body_build_data(struct bb *bb, const struct opts *o, struct buf *gq)
{
	struct body	*b = bb->b;
	enum body_rc	 rc;

	if (o->ndata == 0)
		return BODY_OK;
	if ((rc = body_data(bb, o)) != BODY_OK)
		return rc;
	if (o->get) {
		rc = body_segs_string(bb, gq);
		b->nsegs = 0;		/* files stay open until body_free */
		return rc;
	}
	if (!b->json && (b->content_type = strdup(BODY_FORM_URLENCODED)) ==
	    NULL)
		return body_nomem(bb->e);
	return BODY_OK;
}

enum body_rc
body_build(const struct opts *o, const char *const *headers,
    size_t nheaders, struct body *b, struct hg_err *e)
{
	struct bb	 bb;
	struct buf	 uq, gq;
	enum body_rc	 rc = BODY_OK;

	memset(b, 0, sizeof(*b));
	if (o->ndata > 0 && o->nforms > 0)
		return body_usage(e, "You can only select one HTTP request "
		    "method! You asked for both POST (-d, --data) and "
		    "multipart formpost (-F, --form).");
	bb.b = b;
	bb.e = e;
	buf_init(&bb.cur, BODY_MAX_MEM);
	buf_init(&uq, HG_MAX_URL);
	buf_init(&gq, HG_MAX_URL);
	body_json(b, o, headers, nheaders);
	if (o->nurl_queries > 0)
		rc = body_url_query(&bb, o, &uq);
	if (rc == BODY_OK)
		rc = body_build_data(&bb, o, &gq);
	if (rc == BODY_OK && o->nforms > 0)
		rc = body_form(&bb, o, headers, nheaders);
	if (rc == BODY_OK)
		rc = body_query(b, o, &uq, &gq, e);
	buf_free(&bb.cur);
	buf_free(&uq);
	buf_free(&gq);
	if (b->nsegs == 0) {
		free(b->segs);
		b->segs = NULL;
	}
	return rc;
}

/* ---- -T ---- */

enum herr
body_upload(const char *path, struct hg_seg *seg, struct hg_err *e)
{
	struct stat	 st;
	int		 fd, saved;

	memset(seg, 0, sizeof(*seg));
	seg->fd = -1;
	seg->size = -1;
	/* "." is stdin too, read without blocking in curl: same bytes */
	if (strcmp(path, "-") == 0 || strcmp(path, ".") == 0) {
		seg->fd = STDIN_FILENO;
		return HERR_OK;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return hg_fail(e, HERR_READ_ERROR, "Can't open '%s': %s", path,
		    strerror(errno));
	if (fstat(fd, &st) == -1)
		saved = errno;
	else if (S_ISDIR(st.st_mode))
		saved = EISDIR;
	else {
		seg->fd = fd;
		if (S_ISREG(st.st_mode))
			seg->size = st.st_size;
		return HERR_OK;
	}
	(void)close(fd);
	return hg_fail(e, HERR_READ_ERROR, "Can't open '%s': %s", path,
	    strerror(saved));
}

/* Percent-encode all but RFC 3986 unreserved bytes, upper-case hex. */
static int
body_escape(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char	 c;
	char		 pct[3];

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~') {
			if (buf_addc(out, (char)c) == -1)
				return -1;
			continue;
		}
		pct[0] = '%';
		pct[1] = hex[c >> 4];
		pct[2] = hex[c & 15];
		if (buf_add(out, pct, 3) == -1)
			return -1;
	}
	return 0;
}

/* The URL with its path and the rest split: [url, ps) [ps, pe) [pe, ...) */
static void
body_url_split(const char *url, const char **ps, const char **pe)
{
	const char	*start = strstr(url, "://");

	/* a '?' or '#' before "://" means the "://" is not the scheme's */
	if (start == NULL || (size_t)(start - url) > strcspn(url, "?#/"))
		start = url;
	else
		start += 3;
	*ps = start + strcspn(start, "/?#");
	*pe = *ps + strcspn(*ps, "?#");
}

static char *
body_buf_string(struct buf *out, int ok)
{
	char	*s;

	if (!ok || buf_addc(out, '\0') == -1) {
		buf_free(out);
		return NULL;
	}
	s = out->data;
	out->data = NULL;
	return s;
}

char *
body_upload_url(const char *url, const char *path)
{
	const char	*ps, *pe, *name;
	struct buf	 out;
	int		 ok;

	name = strrchr(path, '/');
	name = name != NULL ? name + 1 : path;
	body_url_split(url, &ps, &pe);
	if (strcmp(path, "-") == 0 || strcmp(path, ".") == 0 ||
	    *name == '\0' || (pe > ps && pe[-1] != '/'))
		return strlen(url) <= HG_MAX_URL ? strdup(url) : NULL;
	buf_init(&out, HG_MAX_URL);
	ok = buf_add(&out, url, (size_t)(pe - url)) == 0 &&
	    (pe > ps || buf_addc(&out, '/') == 0) &&
	    body_escape(&out, name) == 0 && buf_addstr(&out, pe) == 0;
	return body_buf_string(&out, ok);
}

char *
body_add_query(const char *url, const char *query)
{
	const char	*ps, *pe, *qm, *end;
	struct buf	 out;
	int		 ok;

	body_url_split(url, &ps, &pe);
	qm = *pe == '?' ? pe : NULL;
	end = pe + strcspn(pe, "#");
	buf_init(&out, HG_MAX_URL);
	if (qm != NULL && end > qm + 1)		/* a query: add to it */
		ok = buf_add(&out, url, (size_t)(end - url)) == 0 &&
		    buf_addc(&out, '&') == 0;
	else if (*query != '\0')		/* none, or empty: start one */
		ok = buf_add(&out, url, (size_t)(pe - url)) == 0 &&
		    buf_addc(&out, '?') == 0;
	else				/* nothing to add: drop a lone '?' */
		ok = buf_add(&out, url, (size_t)(pe - url)) == 0;
	ok = ok && buf_addstr(&out, query) == 0 && buf_addstr(&out, end) == 0;
	return body_buf_string(&out, ok);
}
