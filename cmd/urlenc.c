/* cmd/urlenc.c: percent-encoding (RFC 3986 §2.1) for bodies and URLs */
#include "urlenc.h"

/* RFC 3986 §2.3: the bytes a URL carries as they are */
static int
urlenc_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~';
}

void
urlenc_hex(char out[2], unsigned char c, int lower)
{
	const char	*hex;

	hex = lower ? "0123456789abcdef" : "0123456789ABCDEF";
	out[0] = hex[c >> 4];
	out[1] = hex[c & 15];
}

size_t
urlenc_byte(char out[3], unsigned char c, int lower)
{
	if (urlenc_unreserved(c)) {
		out[0] = (char)c;
		return 1;
	}
	out[0] = '%';
	urlenc_hex(out + 1, c, lower);
	return 3;
}

int
urlenc_escape(struct buf *out, const char *s)
{
	char	 pct[3];

	for (; *s != '\0'; s++)
		if (buf_add(out, pct, urlenc_byte(pct, (unsigned char)*s,
		    1)) == -1)
			return -1;
	return 0;
}
