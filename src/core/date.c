/*
 * Dates as people write them in the programme's spreadsheets. See
 * include/date.h. Parsing is a small tokenizer (numbers, month names,
 * quarters and the separators between them) followed by a handful of
 * fixed token patterns; anything else is rejected.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700	/* localtime_r */
#endif

#include "core/date.h"
#include "core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define YEAR_MIN 1900
#define YEAR_MAX 2199

static const struct {
	const char *name;
	int month;
} month_names[] = {
	{ "januari", 1 },   { "january", 1 },   { "jan", 1 },
	{ "februari", 2 },  { "february", 2 },  { "feb", 2 },
	{ "maart", 3 },     { "march", 3 },     { "mrt", 3 },  { "mar", 3 },
	{ "april", 4 },     { "apr", 4 },
	{ "mei", 5 },       { "may", 5 },
	{ "juni", 6 },      { "june", 6 },      { "jun", 6 },
	{ "juli", 7 },      { "july", 7 },      { "jul", 7 },
	{ "augustus", 8 },  { "august", 8 },    { "aug", 8 },
	{ "september", 9 }, { "sept", 9 },      { "sep", 9 },
	{ "oktober", 10 },  { "october", 10 },  { "okt", 10 }, { "oct", 10 },
	{ "november", 11 }, { "nov", 11 },
	{ "december", 12 }, { "dec", 12 },
};

/* Short month names for display, index 1..12: Dutch msgids, shown in
 * the language of the user ("mrt", "Mar"). */
static const char *const month_short[13] = {
	"", N_("jan"), N_("feb"), N_("mrt"), N_("apr"), N_("mei"), N_("jun"),
	N_("jul"), N_("aug"), N_("sep"), N_("okt"), N_("nov"), N_("dec"),
};

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of the white space at s: ASCII, or U+00A0 as Excel writes it. */
static size_t space_len(const char *s)
{
	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

static const char *skip_space(const char *s)
{
	size_t n;

	while ((n = space_len(s)) > 0)
		s += n;
	return s;
}

enum tok_kind { TOK_NUM, TOK_MONTH, TOK_QUARTER };

struct tok {
	enum tok_kind kind;
	int value;	/* the number, month 1..12 or quarter 1..4 */
	int digits;	/* TOK_NUM: how many digits were written */
	char sep;	/* before this token: 0 none, ' ' space, or - / . */
};

/* Month number of an ASCII word (any case), 0 when it is not a month. */
static int month_lookup(const char *w, size_t len)
{
	char low[12];

	if (len >= sizeof(low))
		return 0;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)(w[i] | 0x20);	/* w is letters only */
	low[len] = '\0';
	for (size_t i = 0; i < sizeof(month_names) / sizeof(month_names[0]); i++)
		if (strcmp(low, month_names[i].name) == 0)
			return month_names[i].month;
	return 0;
}

/*
 * Reads one token at s into t and returns the position after it, or NULL
 * when s does not start with a number, a month name (optionally followed
 * by ".") or a quarter ("Q1".."Q4", "K1".."K4").
 */
static const char *read_token(const char *s, struct tok *t)
{
	const char *start = s;

	if (is_digit(*s)) {
		int v = 0;

		while (is_digit(*s)) {
			if (s - start == 4)
				return NULL;	/* no part of a date has 5 digits */
			v = v * 10 + (*s++ - '0');
		}
		t->kind = TOK_NUM;
		t->value = v;
		t->digits = (int)(s - start);
		return s;
	}
	while (is_alpha(*s))
		s++;
	if (s == start)
		return NULL;
	if (s - start == 1 && (*start == 'q' || *start == 'Q' || *start == 'k' ||
			       *start == 'K')) {
		if (*s < '1' || *s > '4' || is_digit(s[1]))
			return NULL;
		t->kind = TOK_QUARTER;
		t->value = *s - '0';
		return s + 1;
	}
	t->kind = TOK_MONTH;
	t->value = month_lookup(start, (size_t)(s - start));
	if (t->value == 0)
		return NULL;
	return *s == '.' ? s + 1 : s;	/* "mrt." */
}

/*
 * Splits in into at most max tokens; returns how many, or -1 when there
 * is something that is no token, or more than max of them. Between tokens
 * there is white space or one of - / . (recorded in sep), never both: in
 * "maart -2024" or "Q1 -2024" the - reads as a minus sign, and
 * "4-3- 2024" is a date typed with a slip; no one means 2024 by either.
 */
static int tokenize(const char *in, struct tok *toks, int max)
{
	const char *s = skip_space(in);
	int n = 0;

	while (*s) {
		char sep = 0;

		if (n == max)
			return -1;
		if (n > 0) {
			const char *p = skip_space(s);

			if (p != s)
				sep = ' ';
			if (*p == '-' || *p == '/' || *p == '.') {
				if (sep || skip_space(p + 1) != p + 1)
					return -1;
				sep = *p++;
			}
			s = p;
		}
		toks[n].sep = sep;
		s = read_token(s, &toks[n]);
		if (!s)
			return -1;
		n++;
		if (*skip_space(s) == '\0')
			break;
	}
	return n;
}

static bool is_num(const struct tok *t, int min_digits, int max_digits)
{
	return t->kind == TOK_NUM && t->digits >= min_digits && t->digits <= max_digits;
}

/* Writes y-m-d as ISO into iso[11]; the caller has checked the ranges. */
static void iso_write(char iso[11], int y, int m, int d)
{
	iso[0] = (char)('0' + y / 1000 % 10);
	iso[1] = (char)('0' + y / 100 % 10);
	iso[2] = (char)('0' + y / 10 % 10);
	iso[3] = (char)('0' + y % 10);
	iso[4] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + d / 10);
	iso[9] = (char)('0' + d % 10);
	iso[10] = '\0';
}

/*
 * Matches the token patterns: Y-M-D, D-M-Y, D month Y, month Y, Qn Y and
 * Y Qn. Months and quarters come back as a first and a last month with
 * day -1, which date_parse pins according to the role.
 */
static bool match_patterns(const struct tok *t, int n, int *y, int *m_first,
			   int *m_last, int *d)
{
	*d = -1;
	if (n == 3 && t[1].sep == t[2].sep &&
	    (t[1].sep == '-' || t[1].sep == '/' || t[1].sep == '.')) {
		if (is_num(&t[0], 4, 4) && is_num(&t[1], 1, 2) && is_num(&t[2], 1, 2)) {
			*y = t[0].value;
			*m_first = *m_last = t[1].value;
			*d = t[2].value;
			return true;
		}
		if (is_num(&t[0], 1, 2) && is_num(&t[1], 1, 2) && is_num(&t[2], 4, 4)) {
			*d = t[0].value;
			*m_first = *m_last = t[1].value;
			*y = t[2].value;
			return true;
		}
		/* "4-mrt-2024" falls through to the month-name form below */
	}
	if (n == 3 && is_num(&t[0], 1, 2) && t[1].kind == TOK_MONTH &&
	    is_num(&t[2], 4, 4) && (t[1].sep == ' ' || t[1].sep == '-') &&
	    (t[2].sep == ' ' || t[2].sep == '-')) {
		*d = t[0].value;
		*m_first = *m_last = t[1].value;
		*y = t[2].value;
		return true;
	}
	if (n != 2 || !(t[1].sep == ' ' || t[1].sep == '-' || t[1].sep == '/'))
		return false;
	if (t[0].kind == TOK_MONTH && is_num(&t[1], 4, 4) && t[1].sep != '/') {
		*m_first = *m_last = t[0].value;
		*y = t[1].value;
		return true;
	}
	if (t[0].kind == TOK_QUARTER && is_num(&t[1], 4, 4)) {
		*m_last = t[0].value * 3;
		*m_first = *m_last - 2;
		*y = t[1].value;
		return true;
	}
	if (is_num(&t[0], 4, 4) && t[1].kind == TOK_QUARTER) {
		*m_last = t[1].value * 3;
		*m_first = *m_last - 2;
		*y = t[0].value;
		return true;
	}
	return false;
}

/* Tokenize, match a pattern, check the ranges, pin months and quarters. */
bool date_parse(const char *in, enum date_role role, char iso[11])
{
	struct tok toks[3];
	int n, y, m_first, m_last, d, m;

	iso[0] = '\0';
	if (!in)
		return false;
	n = tokenize(in, toks, 3);
	if (n <= 0 || !match_patterns(toks, n, &y, &m_first, &m_last, &d))
		return false;
	if (y < YEAR_MIN || y > YEAR_MAX || m_first < 1 || m_last > 12)
		return false;
	if (d < 0) {			/* a month or a quarter */
		m = role == DATE_END ? m_last : m_first;
		d = role == DATE_END ? days_in_month(y, m) : 1;
	} else {
		m = m_first;
		if (d < 1 || d > days_in_month(y, m))
			return false;
	}
	iso_write(iso, y, m, d);
	return true;
}

/* Strict YYYY-MM-DD with a day that exists; any four-digit year. */
static bool iso_split(const char *iso, int *y, int *m, int *d)
{
	if (!iso || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit(iso[i]))
			return false;
	*y = atoi(iso);
	*m = atoi(iso + 5);
	*d = atoi(iso + 8);
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in_month(*y, *m);
}

/* "2024-03-04" -> "4-3-2024"; empty when iso is not an ISO date. */
void date_format_dmy(const char *iso, char out[11])
{
	int y, m, d;
	char *o = out;

	out[0] = '\0';
	if (!iso_split(iso, &y, &m, &d))
		return;
	if (d >= 10)
		*o++ = (char)('0' + d / 10);
	*o++ = (char)('0' + d % 10);
	*o++ = '-';
	if (m >= 10)
		*o++ = (char)('0' + m / 10);
	*o++ = (char)('0' + m % 10);
	*o++ = '-';
	memcpy(o, iso, 4);
	o[4] = '\0';
}

const char *date_month_short(int month)
{
	return month >= 1 && month <= 12 ? _(month_short[month]) : "";
}

/* "2024-03-04" -> "4 mrt 2024" ("4 Mar 2024"); empty when iso is empty or
 * not ISO. */
void date_format_short(const char *iso, char *out, size_t outsz)
{
	int y, m, d;

	if (outsz == 0)
		return;
	out[0] = '\0';
	if (!iso_split(iso, &y, &m, &d))
		return;
	snprintf(out, outsz, "%d %s %.4s", d, date_month_short(m), iso);
}

/* $SNW_TODAY when it is a valid ISO date, else the local calendar date. */
void date_today(char iso[11])
{
	const char *env = getenv("SNW_TODAY");
	int y, m, d;
	time_t now;
	struct tm tm;

	if (env && iso_split(env, &y, &m, &d)) {
		memcpy(iso, env, 11);
		return;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL) {
		iso_write(iso, 1970, 1, 1);
		return;
	}
	iso_write(iso, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, without timegm() or the time zone. */
bool date_to_days(const char *iso, long *days)
{
	int y, m, d;
	long era, yoe, doy, doe;

	if (!iso_split(iso, &y, &m, &d))
		return false;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*days = era * 146097 + doe - 719468;
	return true;
}
