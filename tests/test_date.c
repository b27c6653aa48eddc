/* Tests for src/date.c: the date forms of the programme's spreadsheets. */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

/* Asserts that `in` parses (with role) to `want`. */
static void parses(const char *in, enum date_role role, const char *want)
{
	char iso[11];

	cr_assert(date_parse(in, role, iso), "'%s' should parse", in);
	cr_assert_str_eq(iso, want, "'%s' -> %s, expected %s", in, iso, want);
}

static void rejects(const char *in)
{
	char iso[11];

	cr_assert_not(date_parse(in, DATE_POINT, iso), "'%s' should be rejected (got %s)", in, iso);
}

/* --- accepted forms ------------------------------------------------------- */

Test(date_parse, iso)
{
	parses("2024-03-04", DATE_POINT, "2024-03-04");
	parses("2024-12-31", DATE_END, "2024-12-31");
}

Test(date_parse, day_month_year_with_dashes)
{
	parses("4-3-2024", DATE_POINT, "2024-03-04");
	parses("04-03-2024", DATE_POINT, "2024-03-04");
	parses("31-12-2024", DATE_POINT, "2024-12-31");
}

Test(date_parse, day_month_year_with_slashes_and_dots)
{
	parses("4/3/2024", DATE_POINT, "2024-03-04");
	parses("4.3.2024", DATE_POINT, "2024-03-04");
	parses("04.03.2024", DATE_POINT, "2024-03-04");
}

Test(date_parse, surrounding_white_space_ignored)
{
	parses("  4-3-2024\t", DATE_POINT, "2024-03-04");
	parses("\xC2\xA0" "2024-03-04 \r\n", DATE_POINT, "2024-03-04");
}

Test(date_parse, day_and_dutch_month_name)
{
	parses("4 maart 2024", DATE_POINT, "2024-03-04");
	parses("4 mrt 2024", DATE_POINT, "2024-03-04");
	parses("4 mrt. 2024", DATE_POINT, "2024-03-04");
	parses("17 oktober 2023", DATE_POINT, "2023-10-17");
	parses("1 mei 2024", DATE_POINT, "2024-05-01");
	parses("4-mrt-2024", DATE_POINT, "2024-03-04");
}

Test(date_parse, every_dutch_month_name)
{
	const char *names[][3] = {
		{ "januari", "jan", "jan." },   { "februari", "feb", "feb." },
		{ "maart", "mrt", "mar" },      { "april", "apr", "apr." },
		{ "mei", "mei", "mei" },        { "juni", "jun", "jun." },
		{ "juli", "jul", "jul." },      { "augustus", "aug", "aug." },
		{ "september", "sep", "sept" }, { "oktober", "okt", "okt." },
		{ "november", "nov", "nov." },  { "december", "dec", "dec." },
	};

	for (int m = 0; m < 12; m++)
		for (int k = 0; k < 3; k++) {
			char in[32], want[24];

			snprintf(in, sizeof(in), "2 %s 2024", names[m][k]);
			snprintf(want, sizeof(want), "2024-%02d-02", m + 1);
			parses(in, DATE_POINT, want);
		}
}

Test(date_parse, english_month_names)
{
	parses("4 March 2024", DATE_POINT, "2024-03-04");
	parses("1 may 2024", DATE_POINT, "2024-05-01");
	parses("June 2024", DATE_POINT, "2024-06-01");
	parses("july 2024", DATE_POINT, "2024-07-01");
	parses("3 Oct 2024", DATE_POINT, "2024-10-03");
	parses("October 2024", DATE_END, "2024-10-31");
	parses("January 2024", DATE_POINT, "2024-01-01");
	parses("february 2024", DATE_END, "2024-02-29");
	parses("august 2024", DATE_POINT, "2024-08-01");
}

Test(date_parse, month_names_case_insensitive)
{
	parses("4 MAART 2024", DATE_POINT, "2024-03-04");
	parses("Mrt 2024", DATE_POINT, "2024-03-01");
	parses("SEPT. 2024", DATE_POINT, "2024-09-01");
}

Test(date_parse, month_and_year)
{
	parses("maart 2024", DATE_POINT, "2024-03-01");
	parses("mrt 2024", DATE_START, "2024-03-01");
	parses("mrt. 2024", DATE_END, "2024-03-31");
	parses("april 2024", DATE_END, "2024-04-30");
}

Test(date_parse, month_end_in_leap_and_common_year)
{
	parses("februari 2024", DATE_END, "2024-02-29");
	parses("februari 2023", DATE_END, "2023-02-28");
	parses("feb 2000", DATE_END, "2000-02-29");
	parses("feb 2100", DATE_END, "2100-02-28");
}

Test(date_parse, quarter_forms)
{
	parses("Q1 2024", DATE_POINT, "2024-01-01");
	parses("K1 2024", DATE_POINT, "2024-01-01");
	parses("2024-Q1", DATE_POINT, "2024-01-01");
	parses("q3 2024", DATE_POINT, "2024-07-01");
	parses("Q1-2024", DATE_POINT, "2024-01-01");
	parses("2024 Q4", DATE_POINT, "2024-10-01");
	parses("k2 2024", DATE_POINT, "2024-04-01");
}

Test(date_parse, quarter_start_and_end)
{
	parses("Q1 2024", DATE_START, "2024-01-01");
	parses("Q1 2024", DATE_END, "2024-03-31");
	parses("Q2 2024", DATE_END, "2024-06-30");
	parses("Q3 2024", DATE_START, "2024-07-01");
	parses("Q3 2024", DATE_END, "2024-09-30");
	parses("2024-Q4", DATE_END, "2024-12-31");
}

Test(date_parse, role_does_not_change_full_dates)
{
	parses("4-3-2024", DATE_START, "2024-03-04");
	parses("4-3-2024", DATE_END, "2024-03-04");
}

Test(date_parse, leap_day)
{
	parses("29-2-2024", DATE_POINT, "2024-02-29");
	parses("29-2-2000", DATE_POINT, "2000-02-29");
	rejects("29-2-2023");
	rejects("29-2-1900");
	rejects("2023-02-29");
}

Test(date_parse, year_range_edges)
{
	parses("1-1-1900", DATE_POINT, "1900-01-01");
	parses("31-12-2199", DATE_POINT, "2199-12-31");
	rejects("31-12-1899");
	rejects("1-1-2200");
	rejects("Q1 1899");
}

/* --- rejected input ------------------------------------------------------- */

Test(date_reject, empty_and_blank)
{
	char iso[11] = "x";

	cr_assert_not(date_parse("", DATE_POINT, iso));
	cr_assert_str_eq(iso, "");
	rejects("   ");
	cr_assert_not(date_parse(NULL, DATE_POINT, iso));
}

Test(date_reject, day_that_does_not_exist)
{
	rejects("31-4-2024");
	rejects("31-2-2024");
	rejects("0-3-2024");
	rejects("32-1-2024");
	rejects("2024-04-31");
	rejects("31 april 2024");
}

Test(date_reject, month_out_of_range)
{
	rejects("4-13-2024");
	rejects("4-0-2024");
	rejects("2024-13-01");
}

Test(date_reject, year_alone)
{
	rejects("2024");
}

Test(date_reject, two_digit_years)
{
	rejects("4-3-24");
	rejects("4 mrt 24");
	rejects("Q1 24");
	rejects("24-03-04");
}

Test(date_reject, trailing_garbage)
{
	rejects("4-3-2024x");
	rejects("4-3-2024 ok");
	rejects("2024-03-04-");
	rejects("maart 2024 of april");
	rejects("Q1 2024.");
}

Test(date_reject, mixed_separators)
{
	rejects("4-3/2024");
	rejects("4 3 2024");
}

/* A - with a space before it reads as a minus sign, one with a space
 * after it as a slip of the keyboard: neither is a date anyone means, so
 * neither becomes 2024 (issue 17). */
Test(date_reject, signed_or_spaced_year)
{
	rejects("maart -2024");
	rejects("4 maart -2024");
	rejects("Q1 -2024");
	rejects("4-3- 2024");
	rejects("4 -3-2024");
	rejects("4/3/ 2024");
	rejects("4.3 .2024");
	rejects("2024 -Q1");
	rejects("2024- 03-04");
	rejects("maart - 2024");
	rejects("-2024-03-04");
	rejects("+2024-03-04");
	rejects("4-3-+2024");
	/* Written as meant, they are dates. */
	parses("maart-2024", DATE_POINT, "2024-03-01");
	parses("2024-Q1", DATE_POINT, "2024-01-01");
	parses("4-mrt-2024", DATE_POINT, "2024-03-04");
	parses("4 mrt. 2024", DATE_POINT, "2024-03-04");
}

Test(date_reject, unknown_words_and_quarters)
{
	rejects("4 maar 2024");
	rejects("Q5 2024");
	rejects("Q0 2024");
	rejects("Q12 2024");
	rejects("kwartaal 2024");
	rejects("morgen");
}

Test(date_reject, too_many_digits)
{
	rejects("004-3-2024");
	rejects("4-3-02024");
	rejects("99999999999999999999-1-1");
}

/* --- formatting ----------------------------------------------------------- */

Test(date_format, day_month_year)
{
	char out[11];

	date_format_dmy("2024-03-04", out);
	cr_assert_str_eq(out, "4-3-2024");
	date_format_dmy("2024-12-31", out);
	cr_assert_str_eq(out, "31-12-2024");
	date_format_dmy("", out);
	cr_assert_str_eq(out, "");
}

Test(date_format, short_dutch)
{
	char out[32];

	date_format_short("2024-03-04", out, sizeof(out));
	cr_assert_str_eq(out, "4 mrt 2024");
	date_format_short("2024-05-17", out, sizeof(out));
	cr_assert_str_eq(out, "17 mei 2024");
	date_format_short("2023-10-01", out, sizeof(out));
	cr_assert_str_eq(out, "1 okt 2023");
}

Test(date_format, short_empty_in_empty_out)
{
	char out[32] = "x";

	date_format_short("", out, sizeof(out));
	cr_assert_str_eq(out, "");
	date_format_short("4-3-2024", out, sizeof(out));	/* not ISO */
	cr_assert_str_eq(out, "");
}

/* --- today and day numbers ------------------------------------------------ */

Test(date_today, honours_snw_today)
{
	char iso[11];

	setenv("SNW_TODAY", "2024-03-04", 1);
	date_today(iso);
	cr_assert_str_eq(iso, "2024-03-04");
}

Test(date_today, falls_back_to_clock)
{
	char iso[11];
	long days;

	unsetenv("SNW_TODAY");
	date_today(iso);
	cr_assert(date_to_days(iso, &days), "today '%s' is not ISO", iso);
	cr_assert_gt(days, 19723);	/* after 2024-01-01 */

	setenv("SNW_TODAY", "garbage", 1);
	date_today(iso);
	cr_assert(date_to_days(iso, &days), "today '%s' is not ISO", iso);
}

Test(date_days, known_values)
{
	long days = -1;

	cr_assert(date_to_days("1970-01-01", &days));
	cr_assert_eq(days, 0);
	cr_assert(date_to_days("2000-03-01", &days));
	cr_assert_eq(days, 11017);
	cr_assert(date_to_days("2024-03-04", &days));
	cr_assert_eq(days, 19786);
	cr_assert(date_to_days("1900-01-01", &days));
	cr_assert_eq(days, -25567);
}

Test(date_days, difference_across_leap_day)
{
	long a, b;

	cr_assert(date_to_days("2024-02-28", &a));
	cr_assert(date_to_days("2024-03-01", &b));
	cr_assert_eq(b - a, 2);
	cr_assert(date_to_days("2023-02-28", &a));
	cr_assert(date_to_days("2023-03-01", &b));
	cr_assert_eq(b - a, 1);
}

Test(date_days, rejects_non_iso)
{
	long days;

	cr_assert_not(date_to_days("4-3-2024", &days));
	cr_assert_not(date_to_days("2024-02-30", &days));
	cr_assert_not(date_to_days("", &days));
}
