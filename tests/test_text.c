/* Tests for src/text.c: encodings, terminal-safe text, width, search. */
#include <criterion/criterion.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/text.h"
#include "terminals.h"

static void utf8_locale(void)
{
	cr_assert_not_null(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8 locale missing");
}

static bool valid(const char *s)
{
	return text_utf8_valid(s, strlen(s));
}

/* --- UTF-8 validation ---------------------------------------------------- */

Test(utf8, accepts_ascii_and_multibyte)
{
	cr_assert(valid("Samen Nieuw-West"));
	cr_assert(valid("coöperatie € 🌍 Ünver"));
	cr_assert(valid(""));
}

Test(utf8, accepts_boundaries)
{
	cr_assert(valid("\xC2\x80"));			/* U+0080 */
	cr_assert(valid("\xEF\xBF\xBF"));		/* U+FFFF */
	cr_assert(valid("\xF4\x8F\xBF\xBF"));		/* U+10FFFF */
	cr_assert(valid("\xED\x9F\xBF"));		/* U+D7FF, just below surrogates */
}

Test(utf8, rejects_overlongs)
{
	cr_assert_not(valid("\xC0\xAF"));		/* '/' in 2 bytes */
	cr_assert_not(valid("\xC1\xBF"));
	cr_assert_not(valid("\xE0\x80\xAF"));		/* '/' in 3 bytes */
	cr_assert_not(valid("\xF0\x80\x80\xAF"));	/* '/' in 4 bytes */
}

Test(utf8, rejects_surrogates)
{
	cr_assert_not(valid("\xED\xA0\x80"));		/* U+D800 */
	cr_assert_not(valid("\xED\xBF\xBF"));		/* U+DFFF */
}

Test(utf8, rejects_above_10ffff)
{
	cr_assert_not(valid("\xF4\x90\x80\x80"));	/* U+110000 */
	cr_assert_not(valid("\xF5\x80\x80\x80"));
	cr_assert_not(valid("\xFF"));
}

Test(utf8, rejects_truncated_and_stray_bytes)
{
	cr_assert_not(valid("co\xC3"));			/* ö cut off at the end */
	cr_assert_not(valid("\xE2\x82 x"));		/* € missing its last byte */
	cr_assert_not(valid("\x80"));			/* lone continuation byte */
	cr_assert_not(valid("co\xf6peratie"));		/* Windows-1252 ö */
	cr_assert_not(text_utf8_valid("\xE2\x82\xAC", 2));	/* length cuts € */
}

/* --- Windows-1252 --------------------------------------------------------- */

Test(cp1252, converts_latin1_letters)
{
	size_t len = 0, bad = 0;
	char *s = text_cp1252_to_utf8("co\xf6peratie", 10, &len, &bad);

	cr_assert_not_null(s);
	cr_assert_str_eq(s, "coöperatie");
	cr_assert_eq(len, strlen("coöperatie"));
	cr_assert_eq(bad, (size_t)-1);
	free(s);
}

Test(cp1252, converts_euro_sign)
{
	size_t len = 0, bad = 0;
	char *s = text_cp1252_to_utf8("\x80", 1, &len, &bad);

	cr_assert_not_null(s);
	cr_assert_str_eq(s, "€");
	cr_assert_eq(len, 3);
	free(s);
}

Test(cp1252, converts_whole_0x80_0x9f_table)
{
	const char in[] = "\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8E"
			  "\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9A\x9B\x9C\x9E\x9F";
	size_t len = 0, bad = 0;
	char *s = text_cp1252_to_utf8(in, sizeof(in) - 1, &len, &bad);

	cr_assert_not_null(s);
	cr_assert_str_eq(s, "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
	free(s);
}

Test(cp1252, maps_a0_ff_to_latin1)
{
	size_t len = 0, bad = 0;
	char *s = text_cp1252_to_utf8("\xA0\xE9\xEB\xFF", 4, &len, &bad);

	cr_assert_not_null(s);
	cr_assert_str_eq(s, "\xC2\xA0" "éëÿ");
	free(s);
}

Test(cp1252, undefined_byte_reports_offset)
{
	const int undefined[] = { 0x81, 0x8D, 0x8F, 0x90, 0x9D };

	for (size_t i = 0; i < sizeof(undefined) / sizeof(undefined[0]); i++) {
		char in[] = "abc?def";
		size_t len = 0, bad = 0;

		in[3] = (char)undefined[i];
		cr_assert_null(text_cp1252_to_utf8(in, 7, &len, &bad), "byte 0x%X", undefined[i]);
		cr_assert_eq(bad, 3, "byte 0x%X at offset %zu", undefined[i], bad);
	}
}

Test(cp1252, empty_input_gives_empty_string)
{
	size_t len = 99, bad = 0;
	char *s = text_cp1252_to_utf8("", 0, &len, &bad);

	cr_assert_not_null(s);
	cr_assert_str_eq(s, "");
	cr_assert_eq(len, 0);
	free(s);
}

/* --- sanitize ------------------------------------------------------------- */

static void check_sanitize(const char *in, bool keep_newlines, const char *want)
{
	char buf[256];
	size_t n = text_sanitize(buf, sizeof(buf), in, keep_newlines);

	cr_assert_str_eq(buf, want);
	cr_assert_eq(n, strlen(want));
}

Test(sanitize, escape_sequence_is_shown_not_executed)
{
	check_sanitize("\x1b[31mrood", false, "^[[31mrood");
}

Test(sanitize, c0_and_del_in_caret_notation)
{
	check_sanitize("a\x01" "b\x7f" "c\x08", false, "a^Ab^?c^H");
}

Test(sanitize, c1_controls_and_invalid_bytes_become_question_marks)
{
	check_sanitize("x\xC2\x9By", false, "x?y");	/* U+009B CSI */
	check_sanitize("co\xf6p", false, "co?p");
	check_sanitize("\xED\xA0\x80", false, "???");
}

Test(sanitize, tab_becomes_space)
{
	check_sanitize("a\tb", false, "a b");
}

Test(sanitize, newlines_kept_or_spaced)
{
	check_sanitize("a\nb\r\nc\rd", true, "a\nb\nc\nd");
	check_sanitize("a\nb\r\nc\rd", false, "a b c d");
}

Test(sanitize, keeps_normal_text)
{
	check_sanitize("Ünver — coöperatie 🌍", false, "Ünver — coöperatie 🌍");
}

Test(sanitize, truncates_without_splitting)
{
	char buf[4];

	cr_assert_eq(text_sanitize(buf, sizeof(buf), "aé€", false), 3);
	cr_assert_str_eq(buf, "aé");				/* € does not fit */
	cr_assert_eq(text_sanitize(buf, sizeof(buf), "ab\x1b", false), 2);
	cr_assert_str_eq(buf, "ab");				/* no half "^[" */
}

/* --- width and fit -------------------------------------------------------- */

TestSuite(width, .init = utf8_locale);

Test(width, latin_letters_one_column_each)
{
	cr_assert_eq(text_width("Ünver"), 5);
	cr_assert_eq(text_width("coöperatie"), 10);
}

Test(width, emoji_two_columns)
{
	cr_assert_eq(text_width("🌍"), 2);
}

Test(width, controls_count_as_sanitized)
{
	cr_assert_eq(text_width("\x1b[31m"), 6);	/* "^[[31m" */
	cr_assert_eq(text_width("a\tb\nc"), 5);
	cr_assert_eq(text_width(""), 0);
}

Test(width, combining_mark_zero_columns)
{
	cr_assert_eq(text_width("e\xCC\x81"), 1);	/* e + U+0301 */
}

TestSuite(fit, .init = utf8_locale);

Test(fit, cuts_with_ellipsis)
{
	char buf[64];

	cr_assert_eq(text_fit(buf, sizeof(buf), "coöperatie", 6), 6);
	cr_assert_str_eq(buf, "coöpe…");
}

Test(fit, short_text_unchanged)
{
	char buf[64];

	cr_assert_eq(text_fit(buf, sizeof(buf), "coöperatie", 10), 10);
	cr_assert_str_eq(buf, "coöperatie");
	cr_assert_eq(text_fit(buf, sizeof(buf), "", 5), 0);
	cr_assert_str_eq(buf, "");
}

Test(fit, never_draws_half_an_emoji)
{
	char buf[64];

	cr_assert_eq(text_fit(buf, sizeof(buf), "a🌍b", 2), 2);
	cr_assert_str_eq(buf, "a…");
	cr_assert_eq(text_fit(buf, sizeof(buf), "a🌍b", 3), 2);
	cr_assert_str_eq(buf, "a…");			/* "a🌍…" would take 4 */
	cr_assert_eq(text_fit(buf, sizeof(buf), "a🌍bc", 4), 4);
	cr_assert_str_eq(buf, "a🌍…");
	cr_assert_eq(text_fit(buf, sizeof(buf), "🌍🌍", 3), 3);
	cr_assert_str_eq(buf, "🌍…");
}

Test(fit, sanitizes_controls)
{
	char buf[64];

	cr_assert_eq(text_fit(buf, sizeof(buf), "a\x1b[2Jb\nc", 20), 9);
	cr_assert_str_eq(buf, "a^[[2Jb c");
}

Test(fit, one_column_is_just_the_ellipsis)
{
	char buf[64];

	cr_assert_eq(text_fit(buf, sizeof(buf), "abc", 1), 1);
	cr_assert_str_eq(buf, "…");
	cr_assert_eq(text_fit(buf, sizeof(buf), "abc", 0), 0);
	cr_assert_str_eq(buf, "");
}

Test(fit, respects_buffer_size)
{
	char buf[8];

	text_fit(buf, sizeof(buf), "abcdefghijkl", 40);
	cr_assert_str_eq(buf, "abcd…");	/* 4 + 3 bytes + NUL */
}

/* --- the drawing rule, class by class ---------------------------------- */

TestSuite(draw, .init = utf8_locale);

/* The drawn form of in, and its width. */
static void check_drawn(const char *in, const char *want, int width)
{
	char buf[512];

	text_sanitize(buf, sizeof(buf), in, false);
	cr_assert_str_eq(buf, want, "drawn form of '%s'", in);
	cr_assert_eq(text_width(in), width, "width of '%s'", in);
}

#define FAMILY "\U0001F468\u200D\U0001F469\u200D\U0001F467"	/* 👨‍👩‍👧 */
#define FAMILY_PARTS "\U0001F468\U0001F469\U0001F467"		/* 👨👩👧 */

Test(draw, bidi_controls_are_markers)
{
	static const char *const controls[] = {
		"\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
		"\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C",
	};
	char want[32];

	check_drawn("Trojan \u202Eedoc\u202C einde", "Trojan ⟨U+202E⟩edoc⟨U+202C⟩ einde", 33);
	for (size_t i = 0; i < sizeof(controls) / sizeof(controls[0]); i++) {
		uint32_t cp;

		text_utf8_decode(controls[i], SIZE_MAX, &cp);
		snprintf(want, sizeof(want), "⟨U+%04X⟩", (unsigned)cp);
		check_drawn(controls[i], want, 8);
	}
}

Test(draw, invisible_characters_are_markers)
{
	check_drawn("x\uFEFFy", "x⟨U+FEFF⟩y", 10);
	check_drawn("zero\u200Bwidth", "zero⟨U+200B⟩width", 17);
	check_drawn("word\u2060joiner", "word⟨U+2060⟩joiner", 18);
	check_drawn("\u3164", "⟨U+3164⟩", 8);		/* Hangul filler: a wide blank */
	check_drawn("a\U000E0041b", "a⟨U+E0041⟩b", 11);	/* a tag outside a flag */
	check_drawn("\uFE0F", "⟨U+FE0F⟩", 8);		/* a selector with nothing to select */
	check_drawn("a\uFFF9b", "a⟨U+FFF9⟩b", 10);	/* a format character */
	check_drawn("\u0378", "⟨U+0378⟩", 8);		/* unassigned */
	check_drawn("co\u00ADoperatie", "co\u00ADoperatie", 11);	/* a soft hyphen shows */
}

Test(draw, emoji_sequences_are_drawn_as_their_pictographs)
{
	check_drawn("Gezin " FAMILY, "Gezin " FAMILY_PARTS, 12);
	check_drawn("\U0001F44B\U0001F3FD", "\U0001F44B", 2);			/* skin tone */
	check_drawn("\U0001F468\U0001F3FD\u200D\U0001F469", "\U0001F468\U0001F469", 4);
	check_drawn("\u2764\uFE0F", "\u2764", 1);				/* ❤️ */
	check_drawn("\U0001F3F3\uFE0F\u200D\U0001F308", "\U0001F3F3\U0001F308", 3);	/* 🏳️‍🌈 */
	check_drawn("1\uFE0F\u20E3", "1\u20E3", 1);				/* keycap */
	check_drawn("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
		    "\U0001F3F4", 2);						/* Scotland */
	check_drawn("\U0001F1F3\U0001F1F1", "\U0001F1F3\U0001F1F1", 2);		/* 🇳🇱 */
	check_drawn("\U0001F3FD", "⟨U+1F3FD⟩", 9);		/* a lone swatch would join */
	check_drawn("a\U0001F3FD", "a⟨U+1F3FD⟩", 10);		/* anything before it */
}

Test(draw, joiners_stay_only_where_they_shape_letters)
{
	check_drawn("Saïda\u200D", "Saïda⟨U+200D⟩", 13);
	check_drawn("Ün\u200Dver", "Ün⟨U+200D⟩ver", 13);
	check_drawn("Ün\u200Cver", "Ün⟨U+200C⟩ver", 13);
	check_drawn("\U0001F468\u200D2024", "\U0001F468⟨U+200D⟩2024", 14);
	check_drawn("a\u200D\u4E2D", "a⟨U+200D⟩\u4E2D", 11);
	/* Persian: U+200C between letters is part of the word */
	check_drawn("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
		    "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", 7);
	/* Devanagari half form: U+200D left out (tmux would join ष into क) */
	check_drawn("\u0915\u094D\u200D\u0937", "\u0915\u094D\u0937", 2);
}

Test(draw, combining_marks_stay_on_their_base)
{
	char zalgo[128] = "e";

	for (int i = 0; i < 30; i++)
		strcat(zalgo, "\u0301");
	strcat(zalgo, "x");
	check_drawn(zalgo, "e\u0301\u0301\u0301\u0301x", 2);	/* four marks at most */
	check_drawn("\u0301abc", "◌\u0301abc", 4);		/* a mark without a base */
	check_drawn("a\t\u0301", "a ◌\u0301", 3);
	check_drawn("\u845B\U000E0100", "\u845B\U000E0100", 2);	/* an ideographic variant */
	check_drawn("cree\u0308ren", "cree\u0308ren", 7);
}

Test(draw, line_separators_are_line_breaks)
{
	char buf[32];

	check_drawn("a\u2028b\u2029c", "a b c", 5);
	text_sanitize(buf, sizeof(buf), "a\u2028b", true);
	cr_assert_str_eq(buf, "a\nb");
}

Test(draw, fit_never_splits_a_cluster)
{
	char buf[128], zalgo[128] = "e";

	cr_assert_eq(text_fit(buf, sizeof(buf), "Gezin " FAMILY " wijk", 13), 13);
	cr_assert_str_eq(buf, "Gezin " FAMILY_PARTS "…");
	cr_assert_eq(text_fit(buf, sizeof(buf), "Gezin " FAMILY " wijk", 12), 7);
	cr_assert_str_eq(buf, "Gezin …");		/* the sequence goes whole */
	cr_assert_eq(text_fit(buf, sizeof(buf), "x\u202Ey", 5), 2);
	cr_assert_str_eq(buf, "x…");				/* no half marker */
	for (int i = 0; i < 30; i++)
		strcat(zalgo, "\u0301");
	strcat(zalgo, "xyz");
	cr_assert_eq(text_fit(buf, sizeof(buf), zalgo, 3), 3);
	cr_assert_str_eq(buf, "e\u0301\u0301\u0301\u0301x…");
	/* a buffer too small for the whole sequence holds none of it */
	cr_assert_eq(text_sanitize(buf, 10, "a" FAMILY, false), 1);
	cr_assert_str_eq(buf, "a");
}

Test(draw, widths_match_what_the_c_library_says)
{
	cr_assert_eq(text_char_width('a'), 1);
	cr_assert_eq(text_char_width(0x1F468), 2);
	cr_assert_eq(text_char_width(0x0301), 0);
	cr_assert_eq(text_char_width(0x0378), -1);
}

/* Strings that once broke the dashboard's layout. */
static const char *const hostile[] = {
	"Gezin " FAMILY " in de wijk",
	"Emre " FAMILY " Ünver",
	"Saïda\u200D 1 mrt 2024 – 31 dec 2024",
	"Trojan \u202Eedoc\u202C einde",
	"Zero\u200Dwidth \uFEFFbom \u200Bzwsp",
	"\u2764\uFE0F \U0001F44B\U0001F3FD \U0001F3F3\uFE0F\u200D\U0001F308 1\uFE0F\u20E3 \U0001F1F3\U0001F1F1",
	"\U0001F468\u200D\u4E2D a\u200D\U0001F468 \u231A\uFE0E",
	"e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301 zalgo",
	"\u0301 lone mark, \u3164 filler, \u0378 unassigned",
	"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u0915\u094D\u200D\u0937",
};

Test(draw, every_kind_of_terminal_measures_the_drawn_form_alike)
{
	for (size_t i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		char buf[512];
		int w = text_width(hostile[i]);

		text_sanitize(buf, sizeof(buf), hostile[i], false);
		for (int k = 0; k < TERM_KINDS; k++)
			cr_assert_eq(term_columns(k, buf), w, "%s measures '%s' as %d columns, snw as %d",
				     term_name(k), buf, term_columns(k, buf), w);
		for (int cols = 0; cols <= w + 1; cols++) {
			int got = text_fit(buf, sizeof(buf), hostile[i], cols);

			cr_assert_leq(got, cols);
			for (int k = 0; k < TERM_KINDS; k++)
				cr_assert_eq(term_columns(k, buf), got, "%s: '%s' cut to %d", term_name(k), buf, cols);
		}
	}
}

Test(draw, the_drawn_form_draws_as_itself)
{
	for (size_t i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		char once[512], twice[512];

		text_sanitize(once, sizeof(once), hostile[i], false);
		text_sanitize(twice, sizeof(twice), once, false);
		cr_assert_str_eq(twice, once);
		cr_assert_eq(text_width(once), text_width(hostile[i]));
	}
}

Test(draw, text_drawn_max_holds_the_worst_case)
{
	/* U+061C: 2 bytes, drawn as a 12-byte marker */
	const char *worst = "\u061C\u061C\u061C\u061C\u061C";
	size_t cap = TEXT_DRAWN_MAX(strlen(worst));
	char *buf = malloc(cap);

	cr_assert_eq(text_sanitize(buf, cap, worst, false), cap - 1);
	cr_assert_eq(text_width(buf), 5 * 8);
	free(buf);
}

Test(draw, what_an_editor_must_mark_on_its_own)
{
	cr_assert(text_needs_marker(0x202E));
	cr_assert(text_needs_marker(0xFEFF));
	cr_assert(text_needs_marker(0x3164));	/* Hangul filler */
	cr_assert(text_needs_marker(0x1F3FD));	/* a skin tone after a letter */
	cr_assert(text_needs_marker(0x0378));	/* unassigned */
	cr_assert_not(text_needs_marker('a'));
	cr_assert_not(text_needs_marker(0x00E9));
	cr_assert_not(text_needs_marker(0x0301));	/* a mark: on its base */
	cr_assert_not(text_needs_marker(0xFE0F));	/* left out, not marked */
	cr_assert_not(text_needs_marker(0x1F468));
	cr_assert_not(text_needs_marker(0x00AD));
}

Test(draw, no_locale_still_measures_text)
{
	setlocale(LC_ALL, "C");
	cr_assert_eq(text_width("Ünver 🌍"), 8);
	cr_assert_eq(text_width("Gezin " FAMILY), 12);
	cr_assert_eq(text_width("\u202E"), 8);
}

/* --- trim ----------------------------------------------------------------- */

Test(trim, ascii_white_space)
{
	char s[] = " \t\r\n Samen Nieuw-West \r\n";

	cr_assert_str_eq(text_trim(s), "Samen Nieuw-West");
}

Test(trim, excel_non_breaking_space)
{
	char s[] = "\xC2\xA0 Ünver\xC2\xA0";

	cr_assert_str_eq(text_trim(s), "Ünver");
}

Test(trim, all_space_becomes_empty)
{
	char s[] = " \xC2\xA0\t";

	cr_assert_str_eq(text_trim(s), "");
}

/* --- case-insensitive compare and search ---------------------------------- */

Test(casecmp, folds_ascii)
{
	cr_assert_eq(text_casecmp("Samen NIEUW-west", "samen nieuw-WEST"), 0);
	cr_assert_lt(text_casecmp("abc", "ABD"), 0);
	cr_assert_gt(text_casecmp("b", "A"), 0);
}

Test(casecmp, folds_latin1_diacritics)
{
	cr_assert_eq(text_casecmp("ÜNVER", "ünver"), 0);
	cr_assert_eq(text_casecmp("ÉÖËÏ", "éöëï"), 0);
}

Test(casecmp, folds_latin_extended_a)
{
	cr_assert_eq(text_casecmp("ŠŽŒĲŸ", "šžœĳÿ"), 0);
}

Test(casecmp, folds_accents_both_ways)
{
	cr_assert_eq(text_casecmp("e", "é"), 0);
	cr_assert_eq(text_casecmp("Unver", "Ünver"), 0);
	cr_assert_eq(text_casecmp("ünver", "UNVER"), 0);
	cr_assert_eq(text_casecmp("coöperatie", "Cooperatie"), 0);
	cr_assert_eq(text_casecmp("CREËREN", "creëren"), 0);
	/* precomposed ë and e + U+0308 */
	cr_assert_eq(text_casecmp("cre\xC3\xABren", "cree\xCC\x88ren"), 0);
	cr_assert_neq(text_casecmp("×", "÷"), 0);	/* not a letter pair */
	cr_assert_neq(text_casecmp("Unver", "Unvar"), 0);
}

Test(casecmp, folds_all_of_unicode)
{
	cr_assert_eq(text_casecmp("STRASSE", "straße"), 0);
	cr_assert_eq(text_casecmp("ΣΟΦΊΑ", "σοφια"), 0);		/* Greek, tonos */
	cr_assert_eq(text_casecmp("ΟΔΟΣ", "οδος"), 0);		/* final sigma */
	cr_assert_eq(text_casecmp("ЁЛКА", "елка"), 0);		/* Cyrillic */
	cr_assert_eq(text_casecmp("İstanbul", "istanbul"), 0);	/* dotted capital I */
	/* letters with a stroke have no decomposition, yet are typed without */
	cr_assert_eq(text_casecmp("Łódź", "lodz"), 0);
	cr_assert_eq(text_casecmp("Işık", "ISIK"), 0);		/* Turkish dotless ı */
	cr_assert_eq(text_casecmp("Øster", "oster"), 0);
	cr_assert_eq(text_casecmp("ĳsbaan", "IJsbaan"), 0);	/* the ĳ ligature */
	cr_assert_eq(text_casecmp("ﬁets", "FIETS"), 0);
	cr_assert_eq(text_casecmp("Ｎｉｅｕｗ", "nieuw"), 0);	/* full width */
}

Test(casecmp, ignores_invisible_characters_and_lumps_punctuation)
{
	cr_assert_eq(text_casecmp("Ün\u200Bver", "Ünver"), 0);
	cr_assert_eq(text_casecmp("\uFEFFcode", "code"), 0);
	cr_assert_eq(text_casecmp("co\u00ADoperatie", "cooperatie"), 0);
	cr_assert_eq(text_casecmp("Thema’s", "thema's"), 0);
	cr_assert_eq(text_casecmp("Nieuw–West", "nieuw-west"), 0);
}

Test(casecmp, prefix_sorts_first)
{
	cr_assert_lt(text_casecmp("Nieuw", "nieuw-west"), 0);
	cr_assert_gt(text_casecmp("nieuw-west", "NIEUW"), 0);
	cr_assert_eq(text_casecmp("", ""), 0);
}

Test(contains, ascii_needle_any_case)
{
	cr_assert(text_contains("Samen Nieuw-West", "nieuw"));
	cr_assert(text_contains("Samen Nieuw-West", "WEST"));
	cr_assert(text_contains("coöperatie Geuzenveld", "geuzen"));
	cr_assert_not(text_contains("Samen Nieuw-West", "oost"));
	cr_assert_not(text_contains("Samen", "samenwerking"));
	/* Candidates of either case, in the order they occur. */
	cr_assert(text_contains("Nieuw-West nieuwbouw", "NIEUWB"));
	cr_assert(text_contains("nieuw-West Nieuwbouw", "nieuwb"));
	cr_assert(text_contains("Nieuw-West", "-west"));
	cr_assert_not(text_contains("Nieuw nieuw NIEUW", "nieuwe"));
}

Test(contains, accented_needle_any_case)
{
	cr_assert(text_contains("Stichting ÜNVER", "ünver"));
	cr_assert(text_contains("coöperatie", "ÖPER"));
	cr_assert_not(text_contains("cooperatie", "ü"));
}

Test(contains, folds_accents_both_ways)
{
	cr_assert(text_contains("Emre Ünver", "unver"));	/* /unver finds Ünver */
	cr_assert(text_contains("Emre Unver", "ünver"));	/* /ünver finds Unver */
	cr_assert(text_contains("een cooperatie", "coöperatie"));
	cr_assert(text_contains("een coöperatie", "cooperatie"));
	cr_assert(text_contains("Kansen CREËREN", "creëren"));
	cr_assert(text_contains("kansen creëren", "CREEREN"));
	/* decomposed text (e + U+0308) either way */
	cr_assert(text_contains("cree\xCC\x88ren", "creëren"));
	cr_assert(text_contains("creëren", "cree\xCC\x88r"));
	cr_assert(text_contains("Straße 12", "strasse"));
	cr_assert(text_contains("de ĳsbaan", "ijs"));
	cr_assert(text_contains("Thema’s en agenda", "thema's"));
	cr_assert(text_contains("Σοφία", "ΣΟΦΙΑ"));
	cr_assert_not(text_contains("Emre Ünver", "unvar"));
	cr_assert_not(text_contains("coöperatie", "coöperaties"));
}

Test(contains, invisible_characters_do_not_hide_a_match)
{
	cr_assert(text_contains("Ün\u200Bver", "unver"));
	cr_assert(text_contains("Gezin \U0001F468\u200D\U0001F469", "\U0001F468\U0001F469"));
	cr_assert(text_contains("Ünver", "un\u00ADver"));
	/* a needle of invisible characters only is looked for as it is */
	cr_assert(text_contains("x\u202Ey", "\u202E"));
	cr_assert_not(text_contains("xy", "\u202E"));
}

Test(contains, long_haystacks_are_searched_to_the_end)
{
	char hay[5000];
	size_t n = 0;

	/* "ö" folds to 1 byte, "ﷺ" to 33: the folded text crosses the
	 * search's windows in many places. */
	while (n + 40 < sizeof(hay)) {
		memcpy(hay + n, "coöperatie \uFDFA ", strlen("coöperatie \uFDFA "));
		n += strlen("coöperatie \uFDFA ");
	}
	memcpy(hay + n, "Ünver", strlen("Ünver") + 1);
	cr_assert(text_contains(hay, "unver"));
	cr_assert(text_contains(hay, "ÜNVER"));
	cr_assert_not(text_contains(hay, "unvers"));
	hay[n] = '\0';
	cr_assert_not(text_contains(hay, "ünver"));
	cr_assert(text_contains(hay, "tie \uFDFA coo"));
}

Test(contains, pick_lists_fold_as_search_does)
{
	char *f = text_fold("Thema’s ÜNVER ĳs");

	cr_assert_str_eq(f, "thema's unver ijs");
	free(f);
	cr_assert(fold_equal("Thema’s", "thema's"));	/* core/fold.h: the same rule */
	cr_assert(fold_equal("Ħal Far", "hal far"));
	f = fold_text("Nieuw–West");
	cr_assert_str_eq(f, "nieuw-west");
	free(f);
}

Test(contains, a_prepared_needle_finds_what_text_contains_finds)
{
	const char *hays[] = { "Emre Ünver", "Emre Unver", "cooperatie", "Nieuw-West", "", NULL };
	const char *needles[] = { "ünver", "UNVER", "coöp", "west", "", "\u200B", NULL };

	for (int j = 0; needles[j]; j++) {
		struct text_needle *n = text_needle_new(needles[j]);

		cr_assert_not_null(n);
		for (int i = 0; hays[i]; i++)
			cr_assert_eq(text_needle_in(n, hays[i], SIZE_MAX), text_contains(hays[i], needles[j]),
				     "'%s' in '%s'", needles[j], hays[i]);
		cr_assert_not(text_needle_in(n, NULL, 0));
		cr_assert_eq(text_needle_in(n, "x Unver", 2), text_contains("x ", needles[j]));
		text_needle_free(n);
	}
}

/* The search finds the needle exactly where the folded needle is part of
 * the folded text, for text of every kind the matcher treats apart
 * (ASCII, accents, letters that fold to two, joiners, marks, emoji,
 * invalid bytes) at every length around its 16-byte blocks. Each text
 * sits in an allocation of its own length, so that reading past it is
 * found by `make check-asan`. */
Test(contains, finds_what_the_folded_text_holds)
{
	static const char *const pieces[] = {
		"a", "e", "E", "v", "x", "X", "u", "n", "r", "(", "6", ")", " ", "\t",
		"é", "ë", "É", "Ü", "ı", "İ", "ö", "ß", "ﬁ", "ĳ", "ŉ", "ç", "ł", "ø", "ǖ", "ȅ",
		"Ω", "ω", "ｘ", "𝐱", "’", "–", "\u200D", "\uFEFF", "\u0301", "\u0308", "👍",
		"\xFF", "\xC3", "\x80", "coöperatie", "Ünver", "unver", "Evalueren", "Creëren",
	};
	const size_t npieces = sizeof(pieces) / sizeof(pieces[0]);
	unsigned seed = 20261202;
	char hay[1024], needle[128];

	for (int i = 0; i < 3000; i++) {
		struct text_needle *n;
		char *fn;

		needle[0] = '\0';
		for (int k = 1 + (int)(rand_r(&seed) % 3); k > 0; k--)
			strcat(needle, pieces[rand_r(&seed) % npieces]);
		fn = text_fold(needle);
		if (!*fn) {	/* folds to nothing: looked for as it is */
			free(fn);
			continue;
		}
		n = text_needle_new(needle);
		for (int j = 0; j < 10; j++) {
			size_t len;
			char *copy, *fh;

			hay[0] = '\0';
			for (int k = (int)(rand_r(&seed) % 40); k > 0; k--)
				strcat(hay, pieces[rand_r(&seed) % npieces]);
			len = strlen(hay);
			copy = malloc(len ? len : 1);
			memcpy(copy, hay, len);
			fh = text_fold(hay);
			cr_assert_eq(text_needle_in(n, copy, len), strstr(fh, fn) != NULL,
				     "'%s' in '%s'", needle, hay);
			free(fh);
			free(copy);
		}
		text_needle_free(n);
		free(fn);
	}
}

Test(contains, empty_needle_matches)
{
	cr_assert(text_contains("iets", ""));
	cr_assert(text_contains("", ""));
	cr_assert_not(text_contains("", "a"));
}

Test(contains, match_at_end_and_partial_overlap)
{
	cr_assert(text_contains("aaab", "aab"));
	cr_assert(text_contains("Slotervaart", "VAART"));
	cr_assert_not(text_contains("Slotervaar", "vaart"));
}

/* --- grapheme clusters ------------------------------------------------- */

static size_t
clusters(const char *s, size_t *lens, size_t max)
{
	size_t n = 0, len;

	while (n < max && (len = text_cluster_len(s, SIZE_MAX)) > 0) {
		lens[n++] = len;
		s += len;
	}
	return n;
}

Test(text_cluster, letters_with_accents_emoji_sequences_and_flags_are_one_each)
{
	size_t l[16];

	cr_assert_eq(clusters("co\xC3\xB6p", l, 16), 4, "ö precomposed is one");
	cr_assert_eq(clusters("cre\xCC\x81\xC3\xABren", l, 16), 7, "e + U+0301 is one");
	cr_assert_eq(l[2], 3);
	/* 👨‍👩‍👧: three faces joined by U+200D, 18 bytes, one cluster */
	cr_assert_eq(clusters("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7!", l, 16), 2);
	cr_assert_eq(l[0], 18);
	/* 🇳🇱: two regional indicators */
	cr_assert_eq(clusters("\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1", l, 16), 1);
	cr_assert_eq(clusters("a\r\nb", l, 16), 3, "CR LF is one cluster");
	cr_assert_eq(clusters("a\xFF" "b", l, 16), 3, "an invalid byte is a cluster of its own");
	cr_assert_eq(l[1], 1);
	cr_assert_eq(text_cluster_len("", SIZE_MAX), 0);
	cr_assert_eq(text_cluster_len("e\xCC\x81", 1), 1, "stops at n");
}
