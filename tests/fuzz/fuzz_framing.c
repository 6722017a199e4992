/*
 * tests/fuzz/fuzz_framing.c: framing_decide (RFC 9112 §6.3) on whatever
 * head_parse accepts.  Input: one flag byte (bit 0: the request was HEAD,
 * bit 1: it went as HTTP/1.0), then the head.  The answer is
 * deterministic; a HEAD request, 1xx, 204 and 304 never carry a body; a
 * BAD answer says why.
 */
#include "fuzz.h"

#include "head.h"

#define MAXF	64

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct head	 h;
	struct hfield	 f[MAXF];
	struct framing	 a, b;
	enum head_rc	 rc;
	unsigned	 flags;
	size_t		 len;
	char		*buf;
	int		 isreq_head, http10;

	flags = fuzz_byte(&in);
	isreq_head = flags & 1;
	http10 = (flags >> 1) & 1;
	buf = fuzz_rest(&in, &len);
	memset(&h, 0, sizeof(h));
	h.fields = f;
	h.maxfields = MAXF;
	if (head_parse(&h, buf, len) != HEAD_OK) {
		free(buf);
		return 0;
	}
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	rc = framing_decide(&h, isreq_head, http10, &a);
	FUZZ_CHECK(rc == HEAD_OK || rc == HEAD_BAD);
	FUZZ_CHECK(rc == framing_decide(&h, isreq_head, http10, &b));
	if (rc == HEAD_BAD) {
		FUZZ_CHECK(a.why != NULL);
	} else {
		FUZZ_CHECK(a.kind == b.kind && a.length == b.length &&
		    a.reusable == b.reusable);
		FUZZ_CHECK(a.kind >= FRAMING_NONE && a.kind <= FRAMING_CLOSE);
		if (isreq_head || h.status < 200 || h.status == 204 ||
		    h.status == 304)
			FUZZ_CHECK(a.kind == FRAMING_NONE);
		if (a.kind == FRAMING_CLOSE)
			FUZZ_CHECK(!a.reusable);
	}
	free(buf);
	return 0;
}
