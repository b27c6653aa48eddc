/*
 * libFuzzer target over the drawing rule (text_sanitize, text_width,
 * text_fit, the grid) and matching (text_contains, text_casecmp).
 *
 * Input: the first byte gives a column count (0..63) and whether newlines
 * are kept (bit 6); the rest is the text, cut at the first NUL. Checked
 * on every input, by abort() so that libFuzzer keeps the input:
 *  - the drawn form is valid UTF-8 and holds no control (but a kept
 *    newline), no bidi control, joiner, BOM, zero-width space or emoji
 *    presentation selector, no character the C library gives no width,
 *    no mark without a base and no more than TEXT_MAX_MARKS in a row;
 *  - the three kinds of terminal (tests/terminals.h) measure it as
 *    text_width does, and drawing it again changes nothing;
 *  - text_fit stays within its columns and measures what it wrote;
 *  - the grid's row reads back exactly as wide as the grid;
 *  - every valid piece of the text is found in it by text_contains,
 *    prepared or not, and the text compares equal to itself;
 *  - in "haystack|needle", text_contains finds the needle exactly when
 *    its folding (text_fold) occurs in the haystack's, and a piece of the
 *    haystack that text_casecmp calls equal to the needle is found.
 *
 *   make fuzz-width FUZZ_SECONDS=120
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/text.h"
#include "terminals.h"
#include "tui/grid.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_TEXT 4096

static void
fail(const char *what, const char *text)
{
	fprintf(stderr, "fuzz_width: %s\n  text: ", what);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		fprintf(stderr, *p >= 0x20 && *p < 0x7F ? "%c" : "\\x%02X", *p);
	fprintf(stderr, "\n");
	abort();
}

static bool
forbidden(uint32_t cp, bool keep_newlines)
{
	if (cp == '\n')
		return !keep_newlines;
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0x200D ||
	       cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0xFE0E || cp == 0xFE0F ||
	       cp == 0x2028 || cp == 0x2029;
}

/* The drawn form d keeps the promises of the drawing rule. */
static void
check_drawn(const char *d, bool keep_newlines, const char *src)
{
	int marks = 0;
	bool base = false;

	if (!text_utf8_valid(d, strlen(d)))
		fail("the drawn form is not UTF-8", src);
	for (size_t i = 0, n; d[i]; i += n) {
		uint32_t cp;
		int w;

		n = text_utf8_decode(d + i, SIZE_MAX, &cp);
		if (forbidden(cp, keep_newlines))
			fail("a character that must not reach a terminal", src);
		if (cp == '\n') {
			base = false;
			continue;
		}
		w = text_char_width(cp);
		if (w < 0)
			fail("a character of unknown width", src);
		if (w > 0) {
			base = true;
			marks = 0;
		} else if (!base) {
			fail("a mark without a base", src);
		} else if (++marks > TEXT_MAX_MARKS) {
			fail("too many marks on one character", src);
		}
	}
}

static void
check_width(const char *s, bool keep_newlines)
{
	static char d[TEXT_DRAWN_MAX(MAX_TEXT)], again[TEXT_DRAWN_MAX(MAX_TEXT)];
	int w = text_width(s);

	text_sanitize(d, sizeof(d), s, keep_newlines);
	check_drawn(d, keep_newlines, s);
	if (text_width(d) != w && !keep_newlines)
		fail("text_width changes when the text is drawn", s);
	text_sanitize(again, sizeof(again), d, keep_newlines);
	if (strcmp(again, d) != 0)
		fail("drawing the drawn form changes it", s);
	if (!keep_newlines)
		for (int k = 0; k < TERM_KINDS; k++)
			if (term_columns(k, d) != w)
				fail(term_name(k), s);
}

static void
check_fit(const char *s, int cols)
{
	static char d[TEXT_DRAWN_MAX(MAX_TEXT)];
	int w = text_fit(d, sizeof(d), s, cols);

	if (w > cols || w < 0)
		fail("text_fit went beyond its columns", s);
	check_drawn(d, false, s);
	for (int k = 0; k < TERM_KINDS; k++)
		if (term_columns(k, d) != w)
			fail("text_fit measured its text wrongly", s);
}

static void
check_grid(const char *s, int cols)
{
	static char row[MAX_TEXT * 8];
	struct grid g = { 0 };

	if (grid_resize(&g, cols + 2, 3) < 0)
		return;
	grid_text(&g, 1, 0, cols, ROLE_NORMAL, s);
	grid_text(&g, 0, 0, 2, ROLE_NORMAL, s);	/* over what was there */
	grid_wrap(&g, (struct rect){ 0, 1, cols + 1, 2 }, ROLE_NORMAL, s, 0);
	for (int y = 0; y < g.h; y++) {
		grid_row_text(&g, 0, y, g.w, row, sizeof(row));
		for (int k = 0; k < TERM_KINDS; k++)
			if (term_columns(k, row) != g.w)
				fail("a grid row is not as wide as the grid", s);
	}
	grid_free(&g);
}

/* Every valid piece of a valid text is found in it. */
static void
check_contains(const char *s)
{
	size_t len = strlen(s);
	char needle[64];

	if (text_casecmp(s, s) != 0)
		fail("text_casecmp: not equal to itself", s);
	if (!text_utf8_valid(s, len))
		return;
	for (size_t at = 0; at < len; at += 1 + at / 4) {
		for (size_t n = 1; n < sizeof(needle) && at + n <= len; n += 1 + n / 2) {
			struct text_needle *tn;

			memcpy(needle, s + at, n);
			needle[n] = '\0';
			if (!text_utf8_valid(needle, n))
				continue;
			if (!text_contains(s, needle))
				fail("a piece of the text is not found in it", s);
			tn = text_needle_new(needle);
			if (tn && !text_needle_in(tn, s, strlen(s)))
				fail("a prepared piece of the text is not found in it", s);
			text_needle_free(tn);
		}
	}
}

/*
 * For short texts: the text up to its first '|' is a haystack, the rest
 * a needle. Every piece of the haystack that text_casecmp finds equal to
 * the needle must be found by text_contains, prepared or not.
 */
static void
check_equal_pieces(const char *s)
{
	char hay[256], piece[256];
	const char *bar = strchr(s, '|'), *needle;
	size_t len;
	bool found, prepared;
	struct text_needle *tn;

	if (!bar || (size_t)(bar - s) >= sizeof(hay))
		return;
	len = (size_t)(bar - s);
	memcpy(hay, s, len);
	hay[len] = '\0';
	needle = bar + 1;
	if (!text_utf8_valid(hay, len) || !text_utf8_valid(needle, strlen(needle)) ||
	    text_casecmp(needle, "") == 0)
		return;		/* a needle that folds to nothing is looked for as it is */
	found = text_contains(hay, needle);
	{
		/* the definition: the folded needle in the folded haystack */
		char *fh = text_fold(hay), *fn = text_fold(needle);

		if (fh && fn && (strstr(fh, fn) != NULL) != found)
			fail("text_contains differs from searching the folded texts", s);
		free(fh);
		free(fn);
	}
	tn = text_needle_new(needle);
	prepared = tn && text_needle_in(tn, hay, len);
	text_needle_free(tn);
	if (tn && prepared != found)
		fail("a prepared needle disagrees with text_contains", s);
	for (size_t i = 0; i < len; i += text_cluster_len(hay + i, len - i)) {
		for (size_t j = i; j < len;) {
			j += text_cluster_len(hay + j, len - j);
			memcpy(piece, hay + i, j - i);
			piece[j - i] = '\0';
			if (text_casecmp(piece, needle) == 0 && !found)
				fail("a piece equal to the needle is not found", s);
		}
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		fprintf(stderr, "fuzz_width: no C.UTF-8 locale\n");
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char text[MAX_TEXT + 1];
	int cols;
	bool keep;

	if (size < 1)
		return 0;
	cols = data[0] & 0x3F;
	keep = data[0] & 0x40;
	size--;
	if (size > MAX_TEXT)
		size = MAX_TEXT;
	memcpy(text, data + 1, size);
	text[size] = '\0';
	check_width(text, keep);
	check_fit(text, cols);
	check_grid(text, cols);
	check_contains(text);
	check_equal_pieces(text);
	return 0;
}
