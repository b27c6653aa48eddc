#ifndef SNW_DATE_H
#define SNW_DATE_H

/*
 * Dates as people write them in the programme's spreadsheets, stored as
 * ISO-8601 text (YYYY-MM-DD) so that they sort.
 */

#include <stdbool.h>
#include <stddef.h>

/* How an imprecise date (a month or a quarter) is pinned to a day. */
enum date_role {
	DATE_POINT,	/* a single date: a month or quarter becomes its first day */
	DATE_START,	/* the start of a period: first day */
	DATE_END,	/* the end of a period: last day */
};

/*
 * Parses `in` into iso[11] ("2024-03-04"). Accepts 2024-03-04, 4-3-2024,
 * 04-03-2024, 4/3/2024, 4.3.2024, "4 maart 2024", "4 mrt 2024",
 * "maart 2024", "mrt 2024", "Q1 2024", "K1 2024", "2024-Q1", "2024" is NOT
 * accepted (too vague). Month names are Dutch or English, full or short,
 * case-insensitive. Returns false for anything else, or for a day that
 * does not exist (31-2-2024).
 */
bool date_parse(const char *in, enum date_role role, char iso[11]);

/* Formats ISO "2024-03-04" as "4-3-2024" (Excel, Dutch locale). */
void date_format_dmy(const char *iso, char out[11]);

/* Formats ISO "2024-03-04" as "4 mrt 2024" for display, the month in
 * the language shown ("4 Mar 2024"); empty in, empty out. */
void date_format_short(const char *iso, char *out, size_t outsz);

/* A month's short name in the language shown: 3 -> "mrt" ("Mar"); ""
 * for anything but 1..12. */
const char *date_month_short(int month);

/* Today's local date as ISO; $SNW_TODAY (YYYY-MM-DD) overrides, for tests. */
void date_today(char iso[11]);

/* Days from 1970-01-01 to an ISO date; returns false when not ISO. */
bool date_to_days(const char *iso, long *days);

#endif
