/*
 * The pure text pieces of the forms: the editing buffer (core/textedit),
 * how text is shown (core/textshow: markers, units, wrapped rows) and
 * matching without case or accents (core/fold).
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>

#include "core/fold.h"
#include "core/textedit.h"
#include "core/textshow.h"

static void
init(void)
{
	setlocale(LC_ALL, "C.UTF-8");
}

TestSuite(textedit, .init = init);

/* The byte offsets the cursor visits walking right from the start. */
static int
walk(struct textedit *t, size_t *stops, int max)
{
	int n = 0;

	textedit_move(t, 0);
	stops[n++] = t->cur;
	while (n < max && textedit_right(t))
		stops[n++] = t->cur;
	return n;
}

Test(textedit, the_cursor_walks_grapheme_clusters)
{
	/* a, e + U+0301, 🇳🇱 🇧🇪 (two flags), 👨‍👩‍👧, \n, ş */
	const char *s = "ae\xcc\x81🇳🇱🇧🇪👨\u200d👩\u200d👧\nş";
	size_t stops[32], want[] = { 0, 1, 4, 12, 20, 38, 39, 41 };
	struct textedit t = { 0 };
	int n;

	textedit_set(&t, s);
	cr_assert_eq(t.cur, strlen(s), "set puts the cursor at the end");
	n = walk(&t, stops, 32);
	cr_assert_eq(n, (int)(sizeof(want) / sizeof(want[0])));
	for (int i = 0; i < n; i++)
		cr_assert_eq(stops[i], want[i], "stop %d: %zu, want %zu", i, stops[i], want[i]);
	for (int i = n - 1; i > 0; i--) {
		cr_assert(textedit_left(&t));
		cr_assert_eq(t.cur, want[i - 1]);
	}
	cr_assert(!textedit_left(&t), "nothing left of the start");
	textedit_free(&t);
}

Test(textedit, backspace_and_delete_take_whole_clusters)
{
	struct textedit t = { 0 };

	textedit_set(&t, "xe\xcc\x81\xcc\x88y");	/* e with two accents */
	textedit_move(&t, 1 + 5);
	cr_assert(textedit_backspace(&t));
	cr_assert_str_eq(t.s, "xy");
	cr_assert_eq(t.cur, 1);
	cr_assert(textedit_delete(&t));
	cr_assert_str_eq(t.s, "x");
	cr_assert(!textedit_delete(&t), "nothing at the end");
	textedit_move(&t, 0);
	cr_assert(!textedit_backspace(&t), "nothing before the start");
	textedit_free(&t);
}

Test(textedit, typing_inserts_exactly_the_typed_bytes)
{
	struct textedit t = { 0 };

	textedit_set(&t, "Stap 1:\tdoen");
	textedit_insert_cp(&t, '!');
	textedit_move(&t, 0);
	textedit_insert_cp(&t, 0x1F44D);
	textedit_insert_cp(&t, ' ');
	cr_assert_str_eq(t.s, "👍 Stap 1:\tdoen!");
	textedit_insert_cp(&t, 0xD800);	/* a surrogate is no character: nothing typed */
	cr_assert_str_eq(t.s, "👍 Stap 1:\tdoen!");
	/* a joiner typed before an emoji joins it; the cursor stays right
	 * after what was typed, so the next key follows it */
	textedit_set(&t, "👩");
	textedit_move(&t, 0);
	textedit_insert_cp(&t, 0x1F468);
	textedit_insert_cp(&t, 0x200D);
	textedit_insert_cp(&t, 'x');
	cr_assert_str_eq(t.s, "👨\u200dx👩");
	textedit_free(&t);
}

Test(textedit, markers_stand_in_for_what_cannot_be_shown)
{
	char m[TEXTSHOW_MARKER_MAX];

	cr_assert(textshow_marker('\t', 0, true, m));
	cr_assert_str_eq(m, "→");
	cr_assert(textshow_marker(0x1B, 0, true, m));
	cr_assert_str_eq(m, "^[");
	cr_assert(textshow_marker(0x07, 0, true, m));
	cr_assert_str_eq(m, "^G");
	cr_assert(textshow_marker(0x7F, 0, true, m));
	cr_assert_str_eq(m, "^?");
	cr_assert(textshow_marker(0x85, 0, true, m));
	cr_assert_str_eq(m, "⟨U+0085⟩");
	cr_assert(textshow_marker(0x200D, 0, true, m));
	cr_assert_str_eq(m, "⟨U+200D⟩");
	cr_assert(textshow_marker(0x202E, 0, true, m));
	cr_assert_str_eq(m, "⟨U+202E⟩");
	cr_assert(textshow_marker(0xE0041, 0, true, m));
	cr_assert_str_eq(m, "⟨U+E0041⟩");
	cr_assert(textshow_marker(UINT32_MAX, 0xFF, true, m));
	cr_assert_str_eq(m, "⟨0xFF⟩");
	cr_assert(!textshow_marker('\n', 0, true, m), "a line break in a text of several lines is a line break");
	cr_assert(textshow_marker('\n', 0, false, m));
	cr_assert_str_eq(m, "↵");
	cr_assert(!textshow_marker(0xE9, 0, true, m));		/* é */
	cr_assert(!textshow_marker(0x1F30D, 0, true, m));	/* 🌍 */
	cr_assert(!textshow_marker(0x0627, 0, true, m));	/* Arabic alef */
}

Test(textedit, units_keep_marks_with_their_letter_and_mark_the_rest)
{
	const char *s = "e\xcc\x81\xcc\x88\xcc\xa3\xcc\x81x\xff🌍";
	struct textshow_unit *u = NULL;
	int n = 0, cap = 0;

	textshow_units(s, 0, strlen(s), true, 2, &u, &n, &cap);
	cr_assert_eq(n, 6);
	cr_assert_str_eq(u[0].text, "e\xcc\x81\xcc\x88");	/* two marks fit in a cell */
	cr_assert_eq(u[0].width, 1);
	cr_assert_str_eq(u[1].text, "⟨U+0323⟩");
	cr_assert(u[1].marker);
	cr_assert_eq(u[1].width, 8);
	cr_assert_str_eq(u[2].text, "⟨U+0301⟩");
	cr_assert_str_eq(u[3].text, "x");
	cr_assert_str_eq(u[4].text, "⟨0xFF⟩");
	cr_assert_eq(u[4].off, strlen(s) - 5);
	cr_assert_eq(u[4].len, 1);
	cr_assert_str_eq(u[5].text, "🌍");
	cr_assert_eq(u[5].width, 2);
	free(u);

	/* a mark with nothing to sit on sits on ◌ */
	u = NULL;
	n = cap = 0;
	textshow_units("\xcc\x81", 0, 2, true, 2, &u, &n, &cap);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(u[0].text, "◌\xcc\x81");
	free(u);
}

/* The text of each row of s laid out in cols. */
static int
rows_of(const char *s, int cols, char out[][64], int max)
{
	struct textshow_layout l = { 0 };
	int n;

	textshow_layout(s, strlen(s), cols, true, 2, &l);
	for (n = 0; n < l.n && n < max; n++)
		snprintf(out[n], 64, "%.*s", (int)(l.rows[n].end - l.rows[n].start), s + l.rows[n].start);
	textshow_layout_free(&l);
	return n;
}

Test(textedit, rows_wrap_at_spaces_and_keep_line_breaks)
{
	char r[16][64];
	int n;

	/* rows of at most 9 columns (the tenth is the cursor's) */
	n = rows_of("Coöperatie creëren met Ünver\n\nklaar\n", 10, r, 16);
	cr_assert_eq(n, 6);
	cr_assert_str_eq(r[0], "Coöperati");	/* longer than a row: cut */
	cr_assert_str_eq(r[1], "e creëren ");	/* a space at the edge hangs */
	cr_assert_str_eq(r[2], "met Ünver");
	cr_assert_str_eq(r[3], "");		/* the empty line */
	cr_assert_str_eq(r[4], "klaar");
	cr_assert_str_eq(r[5], "");		/* after the last line break */
	/* and after the last line break, an empty row for the cursor */
	n = rows_of("a\n", 10, r, 16);
	cr_assert_eq(n, 2);

	/* double-width characters count twice */
	n = rows_of("🌍🌍🌍🌍🌍 x", 10, r, 16);
	cr_assert_str_eq(r[0], "🌍🌍🌍🌍");
}

Test(textedit, a_cursor_at_a_wrap_shows_on_the_next_row)
{
	const char *s = "een twee drie";
	struct textshow_layout l = { 0 };

	textshow_layout(s, strlen(s), 10, true, 2, &l);
	cr_assert_eq(l.n, 2);	/* "een twee " and "drie" */
	cr_assert_eq(textshow_row_of(&l, 4), 0);
	cr_assert_eq(textshow_row_of(&l, 9), 1, "the end of a wrapped row is the next row's start");
	cr_assert_eq(textshow_row_of(&l, strlen(s)), 1);
	cr_assert_eq(textshow_col(s, &l.rows[1], strlen(s), true, 2), 4);
	cr_assert_eq(textshow_at_col(s, &l.rows[0], 5, true, 2), 5);
	textshow_layout_free(&l);
}

Test(textedit, folding_ignores_case_and_accents)
{
	char *a = fold_text("Emre Ünver"), *b = fold_text("unver");

	cr_assert(fold_contains(a, b));
	free(a);
	free(b);
	cr_assert(fold_equal("Online veiligheid", "online VEILIGHEID"));
	cr_assert(fold_equal("Yıldız Şahin", "yildiz sahin"), "Turkish dotless ı");
	cr_assert(fold_equal("İlknur Öztürk", "ilknur ozturk"), "Turkish dotted İ");
	cr_assert(fold_equal("coöperatie creëren", "cooperatie creeren"));
	cr_assert(fold_equal("Straße", "strasse"));
	cr_assert(!fold_equal("Ünver", "Unvar"));
	a = fold_text("bad \xff byte");
	cr_assert_not_null(a, "invalid UTF-8 folds too");
	free(a);
}
