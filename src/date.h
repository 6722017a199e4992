/* src/date.h: HTTP dates (RFC 9110 §5.6.7) and curl's other date forms */
#ifndef HG_DATE_H
#define HG_DATE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse a date from a header (Last-Modified, Expires, Retry-After's date
 * form, a cookie's Expires) or from -z: IMF-fixdate "Sun, 06 Nov 1994
 * 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT", asctime
 * "Sun Nov  6 08:49:37 1994", and the other forms curl_getdate(3) takes
 * (any order of weekday, day, month name, year, hh:mm[:ss], a zone name or
 * +hhmm offset; "20231231" as YYYYMMDD).  Pure, no locale, no time zone
 * database: names are the English ones, times without a zone are GMT.
 * Returns 0 and the seconds since the epoch in *t, or -1.
 */
int		 date_parse(const char *s, size_t n, int64_t *t);

/* IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT": 29 bytes and a NUL. */
#define DATE_LEN	30
void		 date_format(int64_t t, char dst[DATE_LEN]);

#endif
