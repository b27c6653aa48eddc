/*
 * libFuzzer target for the date parser (src/core/date.c): whatever the
 * input, date_parse never reads or writes out of bounds, and what it
 * accepts is a real date, meant as written:
 *
 *   - every role (point, start, end) accepts the same inputs;
 *   - the result is an ISO date of a day that exists, in 1900..2199, and
 *     nothing is left in iso on failure;
 *   - start <= end, and a point is the start;
 *   - the result parses back to itself, also in the Excel form (d-m-yyyy);
 *   - its year is written in the input as four digits;
 *   - no - or / in an accepted input has white space beside it, and none
 *     stands in front of the first digit or letter (a sign): "maart -2024"
 *     and "4-3- 2024" are not dates.
 *
 *   make fuzz FUZZ_SECONDS=600
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fail(const char *in, const char *why, const char *iso)
{
	fprintf(stderr, "fuzz_date: \"%s\" -> \"%s\": %s\n", in, iso, why);
	abort();
}

/* White space as the parser skips it: ASCII, or U+00A0. */
static bool
space_at(const char *s, size_t i, size_t n)
{
	unsigned char c = (unsigned char)s[i];

	return c == ' ' || (c >= '\t' && c <= '\r') ||
	       (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) ||
	       (c == 0xA0 && i > 0 && (unsigned char)s[i - 1] == 0xC2);
}

static void
check_written_as_meant(const char *in, const char *iso)
{
	size_t n = strlen(in), first = 0;

	while (first < n && space_at(in, first, n))
		first++;
	if (first < n && (in[first] == '-' || in[first] == '+' || in[first] == '/'))
		fail(in, "a sign in front is accepted", iso);
	for (size_t i = 0; i < n; i++) {
		if (in[i] != '-' && in[i] != '/')
			continue;
		if ((i > 0 && space_at(in, i - 1, n)) || (i + 1 < n && space_at(in, i + 1, n)))
			fail(in, "white space beside a separator is accepted", iso);
	}
	if (!strstr(in, (char[5]){ iso[0], iso[1], iso[2], iso[3], '\0' }))
		fail(in, "the year is not in the input as four digits", iso);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum date_role roles[3] = { DATE_POINT, DATE_START, DATE_END };
	char *in = malloc(size + 1);
	char iso[3][11], back[11], dmy[11];
	bool ok[3];
	long a, b;

	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
	for (int r = 0; r < 3; r++) {
		memset(iso[r], 'X', sizeof(iso[r]));
		ok[r] = date_parse(in, roles[r], iso[r]);
		if (!ok[r] && iso[r][0] != '\0')
			fail(in, "a rejected input left a result", iso[r]);
	}
	if (ok[0] != ok[1] || ok[1] != ok[2])
		fail(in, "the roles disagree on whether it is a date", iso[0]);
	if (!ok[0]) {
		free(in);
		return 0;
	}
	for (int r = 0; r < 3; r++) {
		if (strlen(iso[r]) != 10 || !date_to_days(iso[r], &a))
			fail(in, "not an ISO date of a day that exists", iso[r]);
		if (strncmp(iso[r], "1900", 4) < 0 || strncmp(iso[r], "2199", 4) > 0)
			fail(in, "year out of range", iso[r]);
		if (!date_parse(iso[r], DATE_POINT, back) || strcmp(back, iso[r]) != 0)
			fail(in, "does not parse back to itself", iso[r]);
		date_format_dmy(iso[r], dmy);
		if (!date_parse(dmy, DATE_POINT, back) || strcmp(back, iso[r]) != 0)
			fail(in, "the Excel form does not parse back", dmy);
	}
	if (strcmp(iso[0], iso[1]) != 0)
		fail(in, "a point is not the start", iso[0]);
	if (!date_to_days(iso[1], &a) || !date_to_days(iso[2], &b) || a > b)
		fail(in, "start after end", iso[2]);
	check_written_as_meant(in, iso[0]);
	free(in);
	return 0;
}
