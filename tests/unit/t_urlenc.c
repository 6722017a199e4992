/* tests/unit/t_urlenc.c: percent-encoding, every byte */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tap.h"
#include "urlenc.h"

/* RFC 3986 §2.3, and nothing else */
static const char unreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "abcdefghijklmnopqrstuvwxyz0123456789-._~";

/* urlenc_escape(s) -> what curl -T puts in the URL for a file name */
static const struct {
	const char	*in, *want;
} escapes[] = {
	{ "", "" },
	{ "f.txt", "f.txt" },
	/* -T 'sp ce/a b%.txt': "PUT /a%20b%25.txt" (no '+' in a path) */
	{ "a b%.txt", "a%20b%25.txt" },
	{ "~-_.", "~-_." },
	{ "\x01\x7f\x80\xff", "%01%7f%80%ff" },
	{ "?#/&=+", "%3f%23%2f%26%3d%2b" },
};

static void
test_bytes(void)
{
	char	 out[3], want[4];
	size_t	 n;
	int	 c, lower, keep;

	for (lower = 0; lower <= 1; lower++)
		for (c = 0; c < 256; c++) {
			n = urlenc_byte(out, (unsigned char)c, lower);
			keep = c != 0 && strchr(unreserved, c) != NULL;
			if (keep)
				TAP_OK(n == 1 && out[0] == (char)c, "%02x kept",
				    c);
			else {
				(void)snprintf(want, sizeof(want),
				    lower ? "%%%02x" : "%%%02X", c);
				TAP_OK(n == 3 && memcmp(out, want, 3) == 0,
				    "%02x as %s, lower %d", c, want, lower);
			}
		}
}

static void
test_escape(void)
{
	struct buf	 b;
	size_t		 i;

	for (i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
		buf_init(&b, 1024);
		TAP_OK(urlenc_escape(&b, escapes[i].in) == 0 &&
		    b.len == strlen(escapes[i].want) &&
		    memcmp(b.len > 0 ? b.data : "", escapes[i].want, b.len) ==
		    0, "escape \"%s\"", escapes[i].in);
		buf_free(&b);
	}
	/* the cap holds: "%20" does not fit in 2 bytes */
	buf_init(&b, 2);
	TAP_OK(urlenc_escape(&b, " ") == -1 && b.len == 0, "escape: cap");
	buf_free(&b);
}

int
main(void)
{
	test_bytes();
	test_escape();
	return tap_done();
}
