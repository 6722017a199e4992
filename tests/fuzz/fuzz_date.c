/*
 * tests/fuzz/fuzz_date.c: date_parse on any bytes, from an exact-size heap
 * copy (ASan sees a read past the length).  A date it takes comes back
 * from date_format as a 29-byte IMF-fixdate that parses to the same
 * second, and the same input always gives the same answer.
 */
#include "fuzz.h"

#include "date.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, out[DATE_LEN];
	int64_t	 t, t2, back;
	int	 rc;

	if ((s = malloc(size > 0 ? size : 1)) == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	rc = date_parse(s, size, &t);
	FUZZ_CHECK(rc == 0 || rc == -1);
	FUZZ_CHECK(date_parse(s, size, &t2) == rc);
	if (rc == 0) {
		FUZZ_CHECK(t2 == t);
		date_format(t, out);
		FUZZ_CHECK(strlen(out) == DATE_LEN - 1);
		FUZZ_CHECK(date_parse(out, strlen(out), &back) == 0);
		FUZZ_CHECK(back == t);
	}
	free(s);
	return 0;
}
