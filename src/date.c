/*
 * src/date.c: HTTP dates (RFC 9110 §5.6.7) and the looser forms curl's
 * curl_getdate(3) takes, measured on curl 7.88.1 with -z (the table is in
 * tests/unit/t_date.c).  Pure: no locale, no TZ, no libc time functions.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "date.h"

/*
 * The years we accept.  curl refuses years before 1583 (the first whole
 * year of the Gregorian calendar); above 9999 a year no longer fits the
 * four digits of IMF-fixdate, and date_format must round-trip every time
 * date_parse returns.
 */
#define YEAR_MIN	1583
#define YEAR_MAX	9999

/*
 * curl reads at most six items (weekday, day, month, year, time, zone)
 * and ignores whatever follows: "... GMT garbage" is a date to it.
 */
#define MAX_ITEMS	6

#define SECS_DAY	86400

struct zone {
	const char	*name;
	int		 east;		/* minutes east of GMT */
};

/*
 * The zone names curl knows, with the offsets it applies (measured: each
 * name after "Sun, 06 Nov 1994 12:00:00").  Note WAT at -1 and the
 * military letters, which follow RFC 822's (reversed) signs like curl.
 */
static const struct zone zones[] = {
	{ "GMT", 0 }, { "UT", 0 }, { "UTC", 0 }, { "WET", 0 },
	{ "BST", 60 }, { "WAT", -60 }, { "AST", -240 }, { "ADT", -180 },
	{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
	{ "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
	{ "YST", -540 }, { "YDT", -480 }, { "HST", -600 }, { "HDT", -540 },
	{ "CAT", -600 }, { "AHST", -600 }, { "NT", -660 }, { "IDLW", -720 },
	{ "CET", 60 }, { "MET", 60 }, { "MEWT", 60 }, { "MEST", 120 },
	{ "CEST", 120 }, { "MESZ", 120 }, { "FWT", 60 }, { "FST", 120 },
	{ "EET", 120 }, { "WAST", 420 }, { "WADT", 480 }, { "CCT", 480 },
	{ "JST", 540 }, { "EAST", 600 }, { "EADT", 660 }, { "GST", 600 },
	{ "NZT", 720 }, { "NZST", 720 }, { "NZDT", 780 }, { "IDLE", 720 },
};

static const char *const wdays[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday"
};

static const char *const months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* Which number a bare 1..31 is taken for next, as curl decides. */
enum next_num { NEXT_MDAY, NEXT_YEAR };

struct fields {
	int		 wday, mon, mday, year;		/* -1: not seen */
	int		 hour, min, sec;		/* hour -1: no time */
	int		 east;				/* zone, minutes */
	int		 have_zone;
	enum next_num	 next;
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* scanf's whitespace, which curl's "%02d" skips before a number. */
static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
	    c == '\f' || c == '\r';
}

/* The n letters at p equal the word w, ignoring ASCII case. */
static int
word_is(const char *p, size_t n, const char *w)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (w[i] == '\0' || lower((unsigned char)p[i]) !=
		    lower((unsigned char)w[i]))
			return 0;
	return w[i] == '\0';
}

/* "Sun" or "Sunday": curl takes both, nothing in between. */
static int
find_wday(const char *p, size_t n)
{
	int	 i;

	char	 abbr[4];

	for (i = 0; i < 7; i++) {
		memcpy(abbr, wdays[i], 3);
		abbr[3] = '\0';
		if (word_is(p, n, abbr) || word_is(p, n, wdays[i]))
			return i;
	}
	return -1;
}

/* Only the three-letter month names ("November" is not a date to curl). */
static int
find_month(const char *p, size_t n)
{
	int	 i;

	for (i = 0; i < 12; i++)
		if (word_is(p, n, months[i]))
			return i + 1;
	return -1;
}

/*
 * A zone name: the table, or a military letter (A-I = -1..-9 h,
 * K-M = -10..-12 h, N-Y = +1..+12 h, Z = 0; J is local time, refused).
 */
static int
find_zone(const char *p, size_t n, int *east)
{
	size_t	 i;
	int	 c;

	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		if (word_is(p, n, zones[i].name)) {
			*east = zones[i].east;
			return 0;
		}
	if (n != 1)
		return -1;
	c = lower((unsigned char)p[0]);
	if (c >= 'a' && c <= 'i')
		*east = -60 * (c - 'a' + 1);
	else if (c >= 'k' && c <= 'm')
		*east = -60 * (c - 'k' + 10);
	else if (c >= 'n' && c <= 'y')
		*east = 60 * (c - 'n' + 1);
	else if (c == 'z')
		*east = 0;
	else
		return -1;
	return 0;
}

/* A word: the first free slot of weekday, month, zone that takes it. */
static int
take_word(struct fields *f, const char *p, size_t n)
{
	int	 v;

	if (f->wday == -1 && (v = find_wday(p, n)) != -1) {
		f->wday = v;
		return 0;
	}
	if (f->mon == -1 && (v = find_month(p, n)) != -1) {
		f->mon = v;
		return 0;
	}
	if (!f->have_zone && find_zone(p, n, &f->east) == 0) {
		f->have_zone = 1;
		return 0;
	}
	return -1;
}

/* One or two digits at s[*i], as scanf's "%02d" after optional spaces. */
static int
two_digits(const char *s, size_t n, size_t *i, int skip_space, int *v)
{
	size_t	 j = *i, k = 0;

	while (skip_space && j < n && is_space((unsigned char)s[j]))
		j++;
	*v = 0;
	while (k < 2 && j < n && is_digit((unsigned char)s[j])) {
		*v = *v * 10 + (s[j] - '0');
		j++;
		k++;
	}
	if (k == 0)
		return -1;
	*i = j;
	return 0;
}

/*
 * hh:mm[:ss] at s[*i], each part one or two digits; when the seconds do
 * not follow, "hh:mm" alone is the time and the rest is read on.
 */
static int
take_time(struct fields *f, const char *s, size_t n, size_t *i)
{
	size_t	 j = *i;
	int	 h, m, sec = 0;

	if (two_digits(s, n, &j, 0, &h) == -1 || j >= n || s[j] != ':')
		return -1;
	j++;
	if (two_digits(s, n, &j, 1, &m) == -1)
		return -1;
	if (j < n && s[j] == ':') {
		size_t	 k = j + 1;

		if (two_digits(s, n, &k, 1, &sec) == 0)
			j = k;
	}
	f->hour = h;
	f->min = m;
	f->sec = sec;
	*i = j;
	return 0;
}

/*
 * +hhmm / -hhmm: four digits up to 1400 right after the sign, as curl.
 * The minutes must be a minute (curl takes +0199 as 2 h 39 min).
 */
static int
take_offset(struct fields *f, int sign, int v)
{
	if (v % 100 > 59)
		return -1;
	f->east = sign * (v / 100 * 60 + v % 100);
	f->have_zone = 1;
	return 0;
}

/*
 * A number that is not a time.  curl's order: a signed four-digit zone;
 * eight digits before any date part as YYYYMMDD; else a day of the
 * month (1..31) when one is expected, else the year; a two-digit year
 * above 70 is 19xx, any other below 100 is 20xx.
 */
static int
take_number(struct fields *f, int v, size_t ndig, int prev)
{
	if (!f->have_zone && ndig == 4 && v <= 1400 &&
	    (prev == '+' || prev == '-'))
		return take_offset(f, prev == '+' ? 1 : -1, v);
	if (ndig == 8 && f->year == -1 && f->mon == -1 && f->mday == -1) {
		f->year = v / 10000;
		f->mon = v / 100 % 100;
		f->mday = v % 100;
		return 0;
	}
	if (f->next == NEXT_MDAY && f->mday == -1) {
		f->next = NEXT_YEAR;
		if (v >= 1 && v <= 31) {
			f->mday = v;
			return 0;
		}
	}
	if (f->next == NEXT_YEAR && f->year == -1) {
		if (v < 100)
			v += v > 70 ? 1900 : 2000;
		f->year = v;
		if (f->mday == -1)
			f->next = NEXT_MDAY;
		return 0;
	}
	return -1;
}

/* The digits at s[*i] as an int; -1 past INT_MAX (curl's limit too). */
static int
read_number(const char *s, size_t n, size_t *i, int *v, size_t *ndig)
{
	size_t	 j = *i;
	int	 d;

	*v = 0;
	while (j < n && is_digit((unsigned char)s[j])) {
		d = s[j] - '0';
		if (*v > (INT32_MAX - d) / 10)
			return -1;
		*v = *v * 10 + d;
		j++;
	}
	*ndig = j - *i;
	*i = j;
	return 0;
}

static int
take_digits(struct fields *f, const char *s, size_t n, size_t *i)
{
	size_t	 ndig, at = *i;
	int	 v;

	if (f->hour == -1 && take_time(f, s, n, i) == 0)
		return 0;
	if (read_number(s, n, i, &v, &ndig) == -1)
		return -1;
	return take_number(f, v, ndig, at > 0 ? (unsigned char)s[at - 1] : 0);
}

/* Items are runs of letters or digits; every other byte separates them. */
static int
scan(struct fields *f, const char *s, size_t n)
{
	size_t	 i = 0, start;
	int	 items = 0;

	while (i < n && items < MAX_ITEMS) {
		if (is_alpha((unsigned char)s[i])) {
			start = i;
			while (i < n && is_alpha((unsigned char)s[i]))
				i++;
			if (take_word(f, s + start, i - start) == -1)
				return -1;
		} else if (is_digit((unsigned char)s[i])) {
			if (take_digits(f, s, n, &i) == -1)
				return -1;
		} else {
			i++;
			continue;
		}
		items++;
	}
	return 0;
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int64_t y, int m)
{
	static const int	 mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

/* floor(a / b) for b > 0, whatever the sign of a. */
static int64_t
floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/*
 * Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar.
 * Counting years from March puts the leap day last, so a month's first
 * day is a fixed offset into the year: (153 * m' + 2) / 5 for m' months
 * after March.  146097 days make 400 years.
 */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t	 era, yoe, doy, doe;

	if (m <= 2)
		y--;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;	/* 0000-03-01 to 1970-01-01 */
}

/* The inverse of days_from_civil. */
static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t	 era, doe, yoe, doy, mp;

	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* The first and last second date_parse returns and date_format shows. */
static int64_t
t_min(void)
{
	return days_from_civil(YEAR_MIN, 1, 1) * SECS_DAY;
}

static int64_t
t_max(void)
{
	return days_from_civil(YEAR_MAX, 12, 31) * SECS_DAY + SECS_DAY - 1;
}

/*
 * Unlike curl, which rolls "Feb 30" into March, a day past its month's
 * end (and day 0 from YYYYMMDD) is refused.  Second 60 is a leap second
 * and counts into the next minute, as curl does.
 */
static int
fields_ok(const struct fields *f)
{
	if (f->year == -1 || f->mon == -1 || f->mday == -1)
		return 0;
	if (f->year < YEAR_MIN || f->year > YEAR_MAX)
		return 0;
	if (f->mon < 1 || f->mon > 12 || f->mday < 1 ||
	    f->mday > days_in_month(f->year, f->mon))
		return 0;
	if (f->hour != -1 && (f->hour > 23 || f->min > 59 || f->sec > 60))
		return 0;
	return 1;
}

int
date_parse(const char *s, size_t n, int64_t *t)
{
	struct fields	 f = { -1, -1, -1, -1, -1, 0, 0, 0, 0, NEXT_MDAY };
	int64_t		 v;

	if (scan(&f, s, n) == -1 || !fields_ok(&f))
		return -1;
	if (f.hour == -1)
		f.hour = 0;
	v = days_from_civil(f.year, f.mon, f.mday) * SECS_DAY +
	    f.hour * 3600 + f.min * 60 + f.sec - (int64_t)f.east * 60;
	if (v < t_min() || v > t_max())
		return -1;
	*t = v;
	return 0;
}

/* n decimal digits of v at p, zero-padded; returns the end. */
static char *
put_digits(char *p, unsigned v, int n)
{
	int	 i;

	for (i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

static char *
put_str(char *p, const char *s)
{
	while (*s != '\0')
		*p++ = *s++;
	return p;
}

/* Times outside what date_parse returns are shown as its nearest end. */
void
date_format(int64_t t, char dst[DATE_LEN])
{
	static const char *const wd[7] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
	};
	int64_t	 days, secs, y;
	int	 m, d;
	char	*p = dst;

	if (t < t_min())
		t = t_min();
	if (t > t_max())
		t = t_max();
	days = floor_div(t, SECS_DAY);
	secs = t - days * SECS_DAY;
	civil_from_days(days, &y, &m, &d);
	/* 1970-01-01 was a Thursday */
	p = put_str(p, wd[(days % 7 + 7 + 4) % 7]);
	p = put_str(p, ", ");
	p = put_digits(p, (unsigned)d, 2);
	*p++ = ' ';
	p = put_str(p, months[m - 1]);
	*p++ = ' ';
	p = put_digits(p, (unsigned)y, 4);
	*p++ = ' ';
	p = put_digits(p, (unsigned)(secs / 3600), 2);
	*p++ = ':';
	p = put_digits(p, (unsigned)(secs / 60 % 60), 2);
	*p++ = ':';
	p = put_digits(p, (unsigned)(secs % 60), 2);
	p = put_str(p, " GMT");
	*p = '\0';
}
