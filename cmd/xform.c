/*
 * cmd/xform.c: what curl 7.88 does to body content on the way out, one
 * byte at a time from a spool source to a spool sink, so that a file of
 * any size is transformed in constant memory.
 */
#include <string.h>

#include "urlenc.h"
#include "xform.h"

/* curl's fgets() buffer for -d @file: 255 bytes and a NUL */
#define XFORM_DATA_LINE		255
/* RFC 2045 §6.7, §6.8: encoded lines of at most 76 characters */
#define XFORM_ENC_LINE		76

/*
 * -d @file: curl 7.88 reads the file with fgets() into 256 bytes and
 * keeps each piece up to its first CR, LF or NUL.  So a line loses
 * everything from a CR on (not just the line end), and a line longer
 * than 255 bytes is cut that way piece by piece.
 */
int
xform_strip(struct spool_src *s, struct spool_dst *d)
{
	size_t	 piece = 0;
	int	 c, cut = 0;

	while ((c = spool_peek(s, 0)) != -1) {
		spool_skip(s, 1);
		piece++;
		if (c == '\r' || c == '\n' || c == '\0')
			cut = 1;
		else if (!cut && spool_putc(d, c) == -1)
			return -1;
		if (c == '\n' || piece == XFORM_DATA_LINE) {
			piece = 0;
			cut = 0;
		}
	}
	return 0;
}

/*
 * --data-urlencode and --url-query: unreserved bytes stay, a space
 * becomes '+', every other byte %XX.  curl 7.88 writes the hex upper
 * case for --data-urlencode and lower case for --url-query.
 */
int
xform_urlencode(struct spool_src *s, struct spool_dst *d, int lower)
{
	char	 pct[3];
	size_t	 n;
	int	 c;

	while ((c = spool_peek(s, 0)) != -1) {
		spool_skip(s, 1);
		if (c == ' ') {
			pct[0] = '+';
			n = 1;
		} else
			n = urlenc_byte(pct, (unsigned char)c, lower);
		if (spool_put(d, pct, n) == -1)
			return -1;
	}
	return 0;
}

/* Up to three bytes of s into in; how many there were. */
static size_t
xform_take3(struct spool_src *s, unsigned char in[3])
{
	size_t	 n;
	int	 c;

	for (n = 0; n < 3 && (c = spool_peek(s, 0)) != -1; n++) {
		in[n] = (unsigned char)c;
		spool_skip(s, 1);
	}
	if (n < 3)
		memset(in + n, 0, 3 - n);
	return n;
}

/* RFC 2045 §6.8: lines of 76 characters, CRLF between them, not after */
int
xform_base64(struct spool_src *s, struct spool_dst *d)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned char	 in[3];
	char		 out[4];
	size_t		 n, line = 0;

	while ((n = xform_take3(s, in)) > 0) {
		out[0] = abc[in[0] >> 2];
		out[1] = abc[((in[0] & 3) << 4) | (in[1] >> 4)];
		out[2] = n > 1 ? abc[((in[1] & 15) << 2) | (in[2] >> 6)] : '=';
		out[3] = n > 2 ? abc[in[2] & 63] : '=';
		if (spool_put(d, out, 4) == -1)
			return -1;
		line += 4;
		if (line == XFORM_ENC_LINE && spool_peek(s, 0) != -1) {
			if (spool_put(d, "\r\n", 2) == -1)
				return -1;
			line = 0;
		}
	}
	return 0;
}

/* Whether the bytes from i on start a line break (CRLF) or the end. */
static int
xform_qp_eol(struct spool_src *s, size_t i)
{
	int	 c = spool_peek(s, i);

	return c == -1 || (c == '\r' && spool_peek(s, i + 1) == '\n');
}

/*
 * One byte as quoted-printable writes it, into tok: itself, or "=XX"
 * for '=', controls (lone CR and LF too), bytes >= 127, and a space or
 * tab before a line break or the end.  Returns the length.
 */
static size_t
xform_qp_token(struct spool_src *s, int c, char tok[3])
{
	int	 literal;

	if (c == ' ' || c == '\t')
		literal = !xform_qp_eol(s, 1);
	else
		literal = c >= 33 && c <= 126 && c != '=';
	if (literal) {
		tok[0] = (char)c;
		return 1;
	}
	tok[0] = '=';
	urlenc_hex(tok + 1, (unsigned char)c, 0);
	return 3;
}

/*
 * RFC 2045 §6.7 quoted-printable, as curl 7.88 writes it: CRLF stays a
 * line break, other bytes as xform_qp_token() says; a line holds 75
 * characters and a soft break "=", or 76 when it is the last of its
 * line.
 */
int
xform_qp(struct spool_src *s, struct spool_dst *d)
{
	char		 tok[3];
	size_t		 toklen, line = 0;
	int		 c;

	while ((c = spool_peek(s, 0)) != -1) {
		if (c == '\r' && spool_peek(s, 1) == '\n') {
			if (spool_put(d, "\r\n", 2) == -1)
				return -1;
			spool_skip(s, 2);
			line = 0;
			continue;
		}
		toklen = xform_qp_token(s, c, tok);
		if (line + toklen > XFORM_ENC_LINE - 1 &&
		    !(xform_qp_eol(s, 1) && line + toklen <= XFORM_ENC_LINE)) {
			if (spool_put(d, "=\r\n", 3) == -1)
				return -1;
			line = 0;
		}
		if (spool_put(d, tok, toklen) == -1)
			return -1;
		line += toklen;
		spool_skip(s, 1);
	}
	return 0;
}
