/* src/herr.c: error codes, texts and the one way to record a failure */
#include <stdarg.h>
#include <stdio.h>

#include "herr.h"

static const struct {
	int		 exitcode;
	const char	*text;
} herr_table[HERR__COUNT] = {
#define HERR_ROW(name, code, text)	[HERR_##name] = { code, text },
	HERR_LIST(HERR_ROW)
#undef HERR_ROW
};

int
herr_exitcode(enum herr c)
{
	if ((unsigned)c >= HERR__COUNT)
		return 1;
	return herr_table[c].exitcode;
}

const char *
herr_text(enum herr c)
{
	if ((unsigned)c >= HERR__COUNT)
		return "unknown error";
	return herr_table[c].text;
}

enum herr
hg_vfail(struct hg_err *e, enum herr code, const char *fmt, va_list ap)
{
	if (e == NULL)
		return code;
	e->code = code;
	e->oserr = 0;
	if (fmt == NULL)
		(void)snprintf(e->msg, sizeof(e->msg), "%s", herr_text(code));
	else
		(void)vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	return code;
}

enum herr
hg_fail(struct hg_err *e, enum herr code, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	code = hg_vfail(e, code, fmt, ap);
	va_end(ap);
	return code;
}
