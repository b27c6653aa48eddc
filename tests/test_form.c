/*
 * Edit forms as a person uses them, without a terminal: keys go through
 * formui_key, frames are drawn into a cell grid (the dashboard by
 * app_frame, the form over it by formui_render) and read back row by
 * row; what was saved is read from the database as bytes (hex), so a
 * changed byte anywhere shows.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdint.h>
#include <wchar.h>

#include "core/entity.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/db.h"
#include "tui/app.h"
#include "tui/formui.h"
#include "helpers.h"

struct fx {
	struct db *db;
	struct app *app;
	struct formui *u;
	struct grid g;
	int cx, cy;		/* the cursor after the last frame */
};

static void
put(struct db *db, const char *table, const char *const *vals)
{
	enum db_change ch;
	long long id;
	char err[256];

	cr_assert_eq(db_upsert(db, entity_find(table), vals, &ch, &id), 0,
		     "%s: %s", table, err);
}

/* Domains, actielijnen (one with 🌍 in title and text), a meeting with a
 * decision and actions, planning items. */
static struct db *
sample_db(void)
{
	struct db *db;

	cr_assert_eq(db_open_memory(&db), 0);
	put(db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Eigenaarschap, Inclusie en Democratie", "Van, voor, met en door bewoners", "domein", "1" });
	put(db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Veiligheid", "Je veilig voelen", "domein", "2" });
	put(db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "CWB", "Community Wealth Building", "", "thema", "6" });
	put(db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Wijkallianties", "Samen met bewoners 🌍 bouwen aan de wijk.", "Emre Ünver", "lopend", "2024-01-01", "2024-12-31" });
	put(db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Coöperatie 🌍 Nieuw-West", "Een coöperatie van bewoners.", "Saïda", "gepland", "2024-03-01", "" });
	put(db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Zonder datum", "", "", "", "", "" });
	put(db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Online veiligheid", "", "Yıldız Şahin", "lopend", "2024-01-01", "" });
	put(db, "vergaderingen", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "AB-vergadering", "Alliantiebestuur januari", "Stadsdeelhuis" });
	put(db, "besluiten", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Begroting", "Het AB stelt de begroting 2024 vast." });
	put(db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Agenda rondsturen", "Programmabureau", "2024-02-01", "open", "EID" });
	put(db, "planning", (const char *const[ENTITY_MAX_FIELDS]){ "2024-06-01", "Evaluatie wijkallianties", "EID", "Wijkallianties", "" });
	return db;
}

static void
setup(struct fx *t, int w, int h)
{
	memset(t, 0, sizeof(*t));
	setlocale(LC_ALL, "C.UTF-8");
	setenv("SNW_TODAY", "2024-03-15", 1);
	t->db = sample_db();
	t->app = app_new(t->db, false);
	cr_assert_not_null(t->app);
	cr_assert_eq(grid_resize(&t->g, w, h), 0);
}

/* One frame: the dashboard, and the form over it. */
static void
frame(struct fx *t)
{
	app_frame(t->app, &t->g);
	t->cx = t->cy = -1;
	if (t->u)
		formui_render(t->u, &t->g, &t->cx, &t->cy);
}

static void
resize(struct fx *t, int w, int h)
{
	cr_assert_eq(grid_resize(&t->g, w, h), 0);
	if (t->u)
		formui_key(t->u, KC_RESIZE);
	frame(t);
}

static void
teardown(struct fx *t)
{
	formui_free(t->u);
	app_free(t->app);
	db_close(t->db);
	grid_free(&t->g);
}

/* Dashboard keys (UTF-8, one key per character). */
static int
dash(struct fx *t, const char *ks)
{
	wchar_t w[64];
	size_t n = mbstowcs(w, ks, 64);
	int r = 0;

	for (size_t i = 0; i < n; i++)
		r = app_key(t->app, w[i] == '\n' ? KC_ENTER : (int)w[i]);
	frame(t);
	return r;
}

/* Opens the form the last dashboard key asked for. */
static void
open_form(struct fx *t, int flags)
{
	cr_assert(flags & APP_FORM, "no form (message: %s)", t->app->msg);
	t->u = formui_new(t->app);
	cr_assert_not_null(t->u);
	frame(t);
}

/* One key in the form; true while it stays open. */
static bool
key(struct fx *t, int k)
{
	bool open = formui_key(t->u, k);

	frame(t);
	return open;
}

/* Types UTF-8 text key by key ('\n' is Enter); true while open. */
static bool
type(struct fx *t, const char *text)
{
	bool open = true;

	for (const char *p = text; *p && open;) {
		uint32_t cp;
		size_t n = text_utf8_decode(p, SIZE_MAX, &cp);

		cr_assert_gt(n, 0, "bad UTF-8 in the test");
		open = key(t, cp == '\n' ? KC_ENTER : (int)cp);
		p += n;
	}
	return open;
}

static void
close_form(struct fx *t)
{
	formui_free(t->u);
	t->u = NULL;
	edit_form_free(t->app->form);
	t->app->form = NULL;
	frame(t);
}

static const char *
row(struct fx *t, int y)
{
	static char buf[8192];

	grid_row_text(&t->g, 0, y, t->g.w, buf, sizeof(buf));
	return buf;
}

static int
row_with(struct fx *t, const char *text)
{
	for (int y = 0; y < t->g.h; y++)
		if (strstr(row(t, y), text))
			return y;
	return -1;
}

/* The grid column where text starts on row y, or -1. */
static int
col_of(struct fx *t, int y, const char *text)
{
	char buf[8192];

	for (int x = 0; x < t->g.w; x++) {
		grid_row_text(&t->g, x, y, t->g.w - x, buf, sizeof(buf));
		if (strncmp(buf, text, strlen(text)) == 0)
			return x;
	}
	return -1;
}

static void
dump(struct fx *t)
{
	for (int y = 0; y < t->g.h; y++)
		fprintf(stderr, "%2d|%s|\n", y, row(t, y));
}

static void
expect(struct fx *t, const char *text)
{
	if (row_with(t, text) < 0)
		dump(t);
	cr_assert_geq(row_with(t, text), 0, "the screen lacks '%s'", text);
}

static void
expect_not(struct fx *t, const char *text)
{
	if (row_with(t, text) >= 0)
		dump(t);
	cr_assert_lt(row_with(t, text), 0, "the screen shows '%s'", text);
}

/* Hex of bytes, as sqlite's hex() writes them. */
static const char *
hex(const char *s)
{
	static char buf[8][16384];
	static int slot;
	char *out = buf[slot++ % 8];
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p && n + 3 < sizeof(buf[0]); p++)
		n += (size_t)snprintf(out + n, 4, "%02X", *p);
	out[n] = '\0';
	return out;
}

/* The stored bytes of one column (hex), by a query for hex(col). */
#define STORED(t, sql) test_text((t)->db, sql)

/* No control character ever reaches the grid (so never the terminal). */
static void
expect_no_controls(struct fx *t)
{
	for (int i = 0; i < t->g.w * t->g.h; i++)
		for (int k = 0; k < CELL_CHARS; k++) {
			wchar_t c = t->g.cells[i].ch[k];

			cr_assert(!((c > 0 && c < 0x20) || (c >= 0x7F && c <= 0x9F)),
				  "control U+%04X in cell %d", (unsigned)c, i);
		}
}

static int
field(const struct entity *e, const char *col)
{
	int j = entity_field_index(e, col);

	cr_assert_geq(j, 0);
	return j;
}

/* Tab until field `col` has the cursor. */
static void
tab_to(struct fx *t, const char *col)
{
	int j = field(t->app->form->e, col);

	for (int i = 0; i < 10 && formui_current(t->u) != j; i++)
		key(t, KC_TAB);
	cr_assert_eq(formui_current(t->u), j, "never reached %s", col);
}

/* --- what the forms did before, in the grid ------------------------------- */

Test(form, add_an_actielijn_typing_utf8_with_a_quarter_date)
{
	struct fx t;
	const struct entity *e = entity_find("actielijnen");

	setup(&t, 80, 24);
	dash(&t, "1");
	open_form(&t, app_key(t.app, 'a'));
	expect(&t, "Nieuwe actielijn — Eigenaarschap");
	expect(&t, "Titel *");
	expect(&t, "◂ Eigenaarschap, Inclusie en Democratie ▸");
	expect(&t, "◂ gepland ▸");
	expect(&t, "Ctrl-S/F2 opslaan");
	expect(&t, "* = verplicht");
	cr_assert_eq(formui_current(t.u), e->title, "the cursor starts in the title");
	cr_assert(type(&t, "Coöperatie creëren"));
	expect(&t, "Coöperatie creëren");
	cr_assert_eq(t.cy, row_with(&t, "Coöperatie creëren"), "the cursor is on the title's row");
	cr_assert_eq(t.cx, col_of(&t, t.cy, "Coöperatie") + 18, "the cursor is right after what was typed"
		     " (%d, text at %d)", t.cx, col_of(&t, t.cy, "Coöperatie"));
	tab_to(&t, "toelichting");
	cr_assert(type(&t, "Eerste regel met Ünver\nTweede regel"));
	tab_to(&t, "status");
	cr_assert(key(&t, KC_RIGHT));	/* status: gepland -> lopend */
	expect(&t, "◂ lopend ▸");
	cr_assert(key(&t, KC_TAB));
	cr_assert(type(&t, "Q2 2024"));
	cr_assert(!key(&t, KC_CTRL('S')), "Ctrl-S saves and closes");
	close_form(&t);
	cr_assert_str_eq(test_text(t.db, "SELECT toelichting || '|' || status || '|' || start FROM actielijnen"
					 " WHERE titel = 'Coöperatie creëren'"),
			 "Eerste regel met Ünver\nTweede regel|lopend|2024-04-01");
	expect(&t, "Actielijn toegevoegd “Coöperatie creëren”");
	teardown(&t);
}

Test(form, a_bad_date_is_shown_beside_its_field_and_a_resize_keeps_what_was_typed)
{
	struct fx t;
	const struct entity *e = entity_find("actielijnen");

	setup(&t, 80, 24);
	dash(&t, "1");
	open_form(&t, app_key(t.app, 'a'));
	type(&t, "Buurtbanen");
	tab_to(&t, "start");
	type(&t, "voorjaar");
	cr_assert(key(&t, KC_F2), "an invalid form stays open");
	expect(&t, "'voorjaar' is geen datum");
	expect(&t, "1 veld klopt nog niet");
	cr_assert_eq(formui_current(t.u), field(e, "start"), "the cursor goes to the bad field");
	cr_assert_eq(test_int(t.db, "SELECT count(*) FROM actielijnen WHERE titel = 'Buurtbanen'"), 0);

	resize(&t, 120, 40);
	expect(&t, "Buurtbanen");
	expect(&t, "voorjaar");
	resize(&t, 40, 10);
	expect(&t, "Venster te klein");
	cr_assert_eq(t.cx, -1, "no cursor in a window too small");
	resize(&t, 60, 16);
	expect(&t, "pagina 2/2");		/* the fields no longer fit on one page */
	expect(&t, "voorjaar");
	resize(&t, 200, 50);
	expect(&t, "Buurtbanen");
	resize(&t, 80, 24);
	expect(&t, "Buurtbanen");
	cr_assert_eq(formui_current(t.u), field(e, "start"));
	key(&t, KC_CTRL('U'));
	type(&t, "maart 2024");
	expect_not(&t, "is geen datum");	/* fixed: the message goes as it is typed */
	cr_assert(!key(&t, KC_CTRL('S')));
	close_form(&t);
	cr_assert_eq(test_int(t.db, "SELECT count(*) FROM actielijnen WHERE titel = 'Buurtbanen'"
					" AND start = '2024-03-01'"), 1);
	teardown(&t);
}

Test(form, esc_asks_before_throwing_changes_away)
{
	struct fx t;

	setup(&t, 80, 24);
	dash(&t, "8");
	open_form(&t, app_key(t.app, 'a'));
	cr_assert(!key(&t, KC_ESC), "nothing typed: Esc closes at once");
	close_form(&t);

	open_form(&t, app_key(t.app, 'a'));
	type(&t, "Iets doen");
	cr_assert(key(&t, KC_ESC));
	expect(&t, "Wijzigingen weggooien? j = ja, n = nee");
	cr_assert(key(&t, 'n'));
	expect(&t, "Iets doen");
	expect_not(&t, "Wijzigingen weggooien?");
	cr_assert(key(&t, KC_ESC));
	cr_assert(!key(&t, 'j'));
	close_form(&t);
	expect(&t, "niet opgeslagen: de wijzigingen zijn weggegooid");
	cr_assert_eq(test_int(t.db, "SELECT count(*) FROM acties"), 1, "nothing saved");
	teardown(&t);
}

Test(form, a_conflict_shows_both_versions_and_merging_keeps_both_changes)
{
	struct fx t;
	const struct entity *e = entity_find("actielijnen");
	char *now[ENTITY_MAX_FIELDS] = { 0 }, *cur[ENTITY_MAX_FIELDS] = { 0 };
	const char *theirs[ENTITY_MAX_FIELDS];
	long long id;

	setup(&t, 80, 24);
	dash(&t, "1");
	open_form(&t, app_key(t.app, 'e'));
	id = t.app->form->id;
	expect(&t, "Actielijn wijzigen");
	tab_to(&t, "trekker");
	key(&t, KC_CTRL('U'));
	type(&t, "Fatima");
	/* meanwhile someone else changes the status */
	cr_assert_eq(db_get(t.db, e, id, now), RES_OK);
	for (int j = 0; j < e->nfields; j++)
		theirs[j] = j == field(e, "status") ? "gestopt" : now[j];
	db_set_actor(t.db, "jan", "form");
	cr_assert_eq(db_update(t.db, e, id, (const char *const *)now, theirs, cur), 0, "%s", test_why(t.db));
	db_free_row(e, now);
	db_set_actor(t.db, "procesmanager", NULL);

	cr_assert(key(&t, KC_CTRL('S')), "a conflict keeps the form open");
	expect(&t, "Conflict — Actielijn wijzigen");
	expect(&t, "door jan");
	expect(&t, "● Fatima");
	expect(&t, "● gestopt");
	expect(&t, "samenvoegen");
	cr_assert(!key(&t, 's'));
	close_form(&t);
	cr_assert_str_eq(test_text(t.db, "SELECT trekker || '|' || status FROM actielijnen"
					 " WHERE titel = 'Coöperatie 🌍 Nieuw-West'"), "Fatima|gestopt");
	teardown(&t);
}

Test(form, tab_walks_across_pages_when_the_window_is_low)
{
	struct fx t;
	const struct entity *e = entity_find("actielijnen");

	setup(&t, 60, 16);
	dash(&t, "1");
	open_form(&t, app_key(t.app, 'a'));
	expect(&t, "pagina 1/2");
	for (int i = 0; i < 5; i++)
		key(&t, KC_TAB);
	cr_assert_eq(formui_current(t.u), field(e, "start"));
	expect(&t, "pagina 2/2");
	expect(&t, "Start");
	key(&t, KC_TAB);
	key(&t, KC_TAB);
	cr_assert_eq(formui_current(t.u), field(e, "groep"));
	key(&t, KC_TAB);
	cr_assert_eq(formui_current(t.u), field(e, "bron"), "the source is the last field");
	key(&t, KC_TAB);
	cr_assert_eq(formui_current(t.u), e->title, "past the last field: back to the first");
	expect(&t, "pagina 1/2");
	key(&t, KC_BTAB);
	cr_assert_eq(formui_current(t.u), field(e, "bron"));
	key(&t, KC_PGUP);
	expect(&t, "pagina 1/2");
	cr_assert(!key(&t, KC_ESC));
	close_form(&t);
	teardown(&t);
}

Test(form, double_width_characters_show_as_themselves_and_survive_editing)
{
	struct fx t;

	setup(&t, 80, 24);
	dash(&t, "1");		/* Coöperatie 🌍 Nieuw-West is the first row */
	open_form(&t, app_key(t.app, 'e'));
	expect(&t, "Coöperatie 🌍 Nieuw-West");
	type(&t, "!");			/* the cursor is at the end of the title */
	expect(&t, "Coöperatie 🌍 Nieuw-West!");
	tab_to(&t, "toelichting");
	type(&t, "Heel ");		/* a text of several lines starts at its start */
	cr_assert(!key(&t, KC_CTRL('S')));
	close_form(&t);
	cr_assert_str_eq(test_text(t.db, "SELECT titel || '|' || toelichting FROM actielijnen WHERE titel LIKE 'Coö%'"),
			 "Coöperatie 🌍 Nieuw-West!|Heel Een coöperatie van bewoners.");

	dash(&t, "j");			/* Wijkallianties: 🌍 in the long text, left alone */
	open_form(&t, app_key(t.app, 'e'));
	type(&t, " 2024");
	cr_assert(!key(&t, KC_CTRL('S')));
	close_form(&t);
	cr_assert_str_eq(test_text(t.db, "SELECT toelichting FROM actielijnen WHERE titel = 'Wijkallianties 2024'"),
			 "Samen met bewoners 🌍 bouwen aan de wijk.");
	teardown(&t);
}

/* --- exact text: what is typed or stored is what is saved ------------------ */

/* Issue 13, item 1: a decision typed with an emoji and a second line. */
Test(form, a_decision_with_an_emoji_and_a_second_line_is_stored_as_typed)
{
	static const struct {
		const char *typed, *stored;
	} cases[] = {
		{ "Emoji 👍 en\nnieuwe regel", "Emoji 👍 en\nnieuwe regel" },
		/* a first line that wraps in the field, as in the minutes */
		{ "Het AB besluit de aanpak te volgen en kiest voor coöperatie 👍\nTweede regel.",
		  "Het AB besluit de aanpak te volgen en kiest voor coöperatie 👍\nTweede regel." },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fx t;
		char want[200];

		setup(&t, 80, 24);
		dash(&t, "7\n");		/* the meeting, opened */
		cr_assert_eq(dash(&t, "a") & APP_FORM, 0);
		open_form(&t, dash(&t, "b"));
		expect(&t, "Nieuw besluit");
		cr_assert(type(&t, cases[i].typed));
		expect(&t, strchr(cases[i].typed, '\n') + 1);
		expect_not(&t, "^@");
		cr_assert(!key(&t, KC_CTRL('S')));
		close_form(&t);
		snprintf(want, sizeof(want), "%s", hex(cases[i].stored));
		cr_assert_str_eq(STORED(&t, "SELECT hex(besluit) FROM besluiten ORDER BY id DESC LIMIT 1"), want);
		teardown(&t);
	}
}

/* Sets column col of the actielijn titled title to value (any bytes). */
static void
store(struct fx *t, const char *col, const char *title, const char *value)
{
	char sql[200];
	struct db_stmt *st;

	snprintf(sql, sizeof(sql), "UPDATE actielijnen SET %s = ?1 WHERE titel = ?2", col);
	st = db_prepare(t->db, sql);
	cr_assert_not_null(st, "%s", test_why(t->db));
	db_bind_text(st, 1, value);
	db_bind_text(st, 2, title);
	cr_assert_eq(db_step(st), 0);
	db_finalize(st);
	app_invalidate(t->app);
}

/*
 * Issue 17, item 3: a form saves what was stored, not what the screen
 * shows. Each text is stored in a toelichting (and a trekker), shown
 * with a visible marker where it cannot be shown as itself, and "!" is
 * appended; the rest must come back byte for byte.
 */
Test(form, a_form_saves_what_was_stored_not_what_the_screen_shows)
{
	static const struct {
		const char *stored, *shown;
	} cases[] = {
		{ "Stap 1:\tdoen", "Stap 1:→doen" },
		{ "Rood\x1b[31m en zo", "Rood^[[31m en zo" },
		{ "Bel\x07 hier", "Bel^G hier" },
		{ "C1 \xc2\x85 hier", "C1 ⟨U+0085⟩ hier" },
		{ "ZWJ\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d"
		  "\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d"
		  "\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d"
		  "\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d\u200d.", "J⟨U+200D⟩⟨U+200D⟩" },
		{ "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301"
		  "\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301"
		  "\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301.",
		  "e\u0301\u0301\u0301\u0301⟨U+0301⟩" },	/* a cell holds four marks */
		{ "rechts\u202eecnurt", "rechts⟨U+202E⟩ecnurt" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fx t;
		char want[2][4096], sql[200];

		setup(&t, 100, 30);
		store(&t, "toelichting", "Wijkallianties", cases[i].stored);
		store(&t, "trekker", "Wijkallianties", cases[i].stored);
		dash(&t, "1j");		/* Wijkallianties */
		open_form(&t, app_key(t.app, 'e'));
		tab_to(&t, "toelichting");
		expect(&t, cases[i].shown);
		expect_no_controls(&t);
		type(&t, "!");		/* at its start */
		tab_to(&t, "trekker");	/* at its end */
		expect(&t, cases[i].shown);
		type(&t, "!");
		cr_assert(!key(&t, KC_CTRL('S')), "case %zu: %s", i, t.app->form ? t.app->form->msg : "");
		close_form(&t);
		snprintf(want[0], sizeof(want[0]), "21%s", hex(cases[i].stored));
		snprintf(want[1], sizeof(want[1]), "%s21", hex(cases[i].stored));
		snprintf(sql, sizeof(sql), "SELECT hex(toelichting) FROM actielijnen WHERE titel = 'Wijkallianties'");
		cr_assert_str_eq(STORED(&t, sql), want[0], "case %zu: toelichting", i);
		snprintf(sql, sizeof(sql), "SELECT hex(trekker) FROM actielijnen WHERE titel = 'Wijkallianties'");
		cr_assert_str_eq(STORED(&t, sql), want[1], "case %zu: trekker", i);
		teardown(&t);
	}
}

/* The cursor walks grapheme clusters: a letter with its accent, a flag,
 * an emoji family are one step, and Backspace takes each whole. */
Test(form, the_cursor_steps_over_what_a_person_sees_as_one_character)
{
	struct fx t;

	setup(&t, 80, 24);
	dash(&t, "8");
	open_form(&t, app_key(t.app, 'a'));
	/* e + U+0301, 🇳🇱, 👨‍👩‍👧 (ZWJ sequence), ş */
	type(&t, "ae\u0301b🇳🇱c👨\u200d👩\u200d👧dş");
	key(&t, KC_LEFT);		/* before ş */
	key(&t, KC_LEFT);		/* before d */
	key(&t, KC_BACKSPACE);		/* the family goes whole */
	key(&t, KC_LEFT);		/* before c */
	key(&t, KC_BACKSPACE);		/* the flag goes whole */
	key(&t, KC_LEFT);		/* before b */
	type(&t, "X");
	key(&t, KC_LEFT);		/* before X */
	key(&t, KC_LEFT);		/* before é */
	key(&t, KC_DELETE);		/* é goes whole */
	cr_assert_str_eq(t.app->form->val[t.app->form->e->title], "aXbcdş");
	cr_assert(key(&t, KC_ESC));
	cr_assert(!key(&t, 'j'));
	close_form(&t);
	teardown(&t);
}

/* Typing a joiner or an accent right before a character joins them into
 * one cluster: the bytes are still exactly what was typed, in order. */
Test(form, typing_inside_a_cluster_keeps_the_typed_order)
{
	struct fx t;

	setup(&t, 80, 24);
	dash(&t, "8");
	open_form(&t, app_key(t.app, 'a'));
	type(&t, "👩x");
	key(&t, KC_LEFT);
	key(&t, KC_LEFT);		/* before 👩 */
	type(&t, "👨\u200d");	/* joins the 👩 after it into 👨‍👩 */
	type(&t, "!");
	cr_assert_str_eq(hex(t.app->form->val[t.app->form->e->title]), hex("👨\u200d!👩x"));
	cr_assert(key(&t, KC_ESC));
	cr_assert(!key(&t, 'j'));
	close_form(&t);
	teardown(&t);
}

/* A line longer than the field wraps on screen at spaces; the value gets
 * no line breaks from that, and ↑/↓ walk the rows. */
Test(form, long_text_wraps_for_the_eye_only)
{
	struct fx t;
	const char *text = "Eerste regel die veel langer is dan het veld breed is, met woorden als coöperatie en"
			   " creëren en Ünver, zodat hij over drie of vier rijen loopt in een venster van tachtig.";
	struct edit_form *f;
	int y;

	setup(&t, 80, 24);
	dash(&t, "1");
	open_form(&t, app_key(t.app, 'a'));
	type(&t, "Lang");
	tab_to(&t, "toelichting");
	type(&t, text);
	f = t.app->form;
	cr_assert_str_eq(f->val[field(f->e, "toelichting")], text, "no line break was added");
	y = row_with(&t, "Eerste regel");
	cr_assert_geq(y, 0);
	cr_assert_gt(t.cy, y + 1, "the cursor is on a later row");
	key(&t, KC_UP);
	key(&t, KC_UP);
	key(&t, KC_HOME);
	cr_assert_eq(t.cy, y, "two rows up is the first");
	type(&t, "» ");
	cr_assert(strncmp(f->val[field(f->e, "toelichting")], "» Eerste", 9) == 0, "%s",
		  f->val[field(f->e, "toelichting")]);
	key(&t, KC_DOWN);
	key(&t, KC_DOWN);
	key(&t, KC_DOWN);
	key(&t, KC_DOWN);
	cr_assert_neq(formui_current(t.u), field(f->e, "toelichting"), "↓ past the last row leaves the field");
	cr_assert(!key(&t, KC_CTRL('S')));
	close_form(&t);
	cr_assert_str_eq(test_text(t.db, "SELECT substr(toelichting, 1, 8) FROM actielijnen WHERE titel = 'Lang'"),
			 "» Eerste");
	teardown(&t);
}

/* Arabic and Turkish names, Hebrew and CJK: typed, shown, stored. */
Test(form, names_in_any_script_are_stored_as_typed)
{
	struct fx t;
	const char *names = "محمد العلي, Şükrü Yıldız, İlknur Öztürk, שרה כהן, 王小明";

	setup(&t, 200, 50);
	dash(&t, "8");
	open_form(&t, app_key(t.app, 'a'));
	type(&t, "Overleg met de wijk");
	tab_to(&t, "eigenaar");
	type(&t, names);
	expect(&t, "Şükrü Yıldız");
	expect(&t, "王小明");
	cr_assert(!key(&t, KC_CTRL('S')));
	close_form(&t);
	cr_assert_str_eq(STORED(&t, "SELECT hex(eigenaar) FROM acties WHERE actie = 'Overleg met de wijk'"),
			 hex(names));
	teardown(&t);
}

/* --- forms that help ---------------------------------------------------------- */

/* Issue 13, item 7: every error at once, each under its field, including
 * what the database would refuse; each goes as it is fixed. */
Test(form, all_errors_show_at_once_and_each_goes_when_it_is_fixed)
{
	struct fx t;
	struct edit_form *f;

	setup(&t, 80, 24);
	dash(&t, "6");
	open_form(&t, app_key(t.app, 'a'));
	f = t.app->form;
	type(&t, "Mijlpaal");
	tab_to(&t, "datum");
	type(&t, "30 februari");
	tab_to(&t, "actielijn");
	type(&t, "Bestaat niet");
	cr_assert(key(&t, KC_CTRL('S')), "refused: the form stays");
	expect(&t, "'30 februari' is geen datum");
	expect(&t, "er is geen actielijn ‘Bestaat niet’");
	expect(&t, "2 velden kloppen nog niet");
	cr_assert_eq(formui_current(t.u), field(f->e, "datum"), "the cursor goes to the first");
	cr_assert_eq(test_int(t.db, "SELECT count(*) FROM planning WHERE titel = 'Mijlpaal'"), 0);

	key(&t, KC_CTRL('U'));
	type(&t, "1-3-2024");
	expect_not(&t, "is geen datum");
	expect(&t, "1 veld klopt nog niet");
	tab_to(&t, "actielijn");
	key(&t, KC_CTRL('U'));
	type(&t, "online veiligheid");	/* another case: it still names one */
	expect_not(&t, "er is geen actielijn");
	expect(&t, "Online veiligheid · VEILIG");	/* the list offers the real one */
	cr_assert(key(&t, KC_ENTER));		/* and Enter takes it */
	cr_assert_str_eq(f->val[field(f->e, "actielijn")], "Online veiligheid");
	cr_assert_str_eq(f->val[field(f->e, "domein")], "Veiligheid", "an empty domain follows it");
	expect_not(&t, "klopt nog niet");
	cr_assert(!key(&t, KC_CTRL('S')));
	close_form(&t);
	cr_assert_str_eq(test_text(t.db, "SELECT p.datum || '|' || a.titel || '|' || d.code FROM planning p"
					 " JOIN actielijnen a ON a.id = p.actielijn_id JOIN domeinen d ON d.id = p.domein_id"
					 " WHERE p.titel = 'Mijlpaal'"), "2024-03-01|Online veiligheid|VEILIG");
	teardown(&t);
}

/* "ontbrekende waarde" goes the moment a title is typed. */
Test(form, a_missing_title_message_goes_as_the_title_is_typed)
{
	struct fx t;

	setup(&t, 80, 24);
	dash(&t, "1");
	open_form(&t, app_key(t.app, 'a'));
	expect_not(&t, "ontbrekende waarde");	/* nothing is wrong before a save was tried */
	cr_assert(key(&t, KC_CTRL('S')));
	expect(&t, "ontbrekende waarde");
	type(&t, "B");
	expect_not(&t, "ontbrekende waarde");
	key(&t, KC_BACKSPACE);
	expect(&t, "ontbrekende waarde");		/* and comes back when it is emptied */
	cr_assert(!key(&t, KC_ESC), "nothing changed: Esc closes at once");
	close_form(&t);
	teardown(&t);
}

/* A leaving check: a date typed wrong shows its message when the cursor
 * leaves the field, before any save. */
Test(form, a_field_is_checked_when_the_cursor_leaves_it)
{
	struct fx t;

	setup(&t, 80, 24);
	dash(&t, "1");
	open_form(&t, app_key(t.app, 'a'));
	tab_to(&t, "start");
	type(&t, "voorjaar");
	expect_not(&t, "is geen datum");	/* not while typing it the first time */
	key(&t, KC_TAB);
	expect(&t, "'voorjaar' is geen datum");
	expect(&t, "1 veld klopt nog niet");
	cr_assert(key(&t, KC_ESC));
	cr_assert(!key(&t, 'j'));
	close_form(&t);
	teardown(&t);
}

/* A reference typed in another case or without accents, left without
 * picking: it becomes the name it means, and is saved. */
Test(form, a_reference_in_another_case_becomes_the_name_it_means)
{
	struct fx t;
	struct edit_form *f;

	setup(&t, 80, 24);
	dash(&t, "6");
	open_form(&t, app_key(t.app, 'a'));
	f = t.app->form;
	type(&t, "Bijeenkomst");
	tab_to(&t, "actielijn");
	type(&t, "ONLINE VEILIGHEID");
	key(&t, KC_TAB);
	cr_assert_str_eq(f->val[field(f->e, "actielijn")], "Online veiligheid");
	expect(&t, "Online veiligheid");
	cr_assert(!key(&t, KC_CTRL('S')), "%s", f->err[field(f->e, "actielijn")]);
	close_form(&t);
	cr_assert_str_eq(test_text(t.db, "SELECT a.titel FROM planning p JOIN actielijnen a ON a.id = p.actielijn_id"
					 " WHERE p.titel = 'Bijeenkomst'"), "Online veiligheid");
	teardown(&t);
}

/* An actielijn of another domain is refused at its field, with the rest. */
Test(form, an_actielijn_of_another_domain_is_refused_at_its_field)
{
	struct fx t;
	struct edit_form *f;

	setup(&t, 80, 24);
	dash(&t, "6");
	open_form(&t, app_key(t.app, 'a'));
	f = t.app->form;
	type(&t, "Verkeerd");
	tab_to(&t, "domein");
	type(&t, "eid");		/* the domain list, searched */
	expect(&t, "Eigenaarschap, Inclusie en Democratie (EID)");
	key(&t, KC_ENTER);
	tab_to(&t, "actielijn");
	type(&t, "Online veiligheid");
	cr_assert(key(&t, KC_F2));
	expect(&t, "het domein Eigenaarschap, Inclusie en Democratie heeft geen");
	expect(&t, "actielijn ‘Online veiligheid’");
	cr_assert_eq(formui_current(t.u), field(f->e, "actielijn"));
	cr_assert(key(&t, KC_ESC));
	cr_assert(!key(&t, 'j'));
	close_form(&t);
	teardown(&t);
}

/* Pick lists: type to filter, ignoring case and accents; Enter picks. */
Test(form, pick_lists_filter_without_regard_to_case_or_accents)
{
	struct fx t;
	struct edit_form *f;

	setup(&t, 80, 24);
	dash(&t, "8");
	open_form(&t, app_key(t.app, 'a'));
	f = t.app->form;
	type(&t, "Bellen");

	/* eigenaar: free text, the names used before suggested */
	tab_to(&t, "eigenaar");
	type(&t, "unver");
	cr_assert(formui_picking(t.u));
	expect(&t, "Emre Ünver");
	key(&t, KC_DOWN);
	key(&t, KC_ENTER);
	cr_assert_str_eq(f->val[field(f->e, "eigenaar")], "Emre Ünver");
	cr_assert(!formui_picking(t.u));
	key(&t, KC_CTRL('U'));
	type(&t, "yildiz");			/* Turkish dotless ı too */
	expect(&t, "Yıldız Şahin");
	key(&t, KC_ESC);			/* closes the list, not the form */
	cr_assert(!formui_picking(t.u));
	cr_assert_str_eq(f->val[field(f->e, "eigenaar")], "yildiz", "a new name is fine");

	/* vergadering: F4 shows them all */
	tab_to(&t, "vergadering");
	key(&t, KC_CTRL('U'));
	key(&t, KC_F4);
	expect(&t, "25 jan 2024 · AB-vergadering · Alliantiebestuur januari");
	key(&t, KC_ENTER);
	cr_assert_str_eq(f->val[field(f->e, "vergadering")], "2024-01-25");

	/* domein: typing searches; "(geen)" empties it */
	tab_to(&t, "domein");
	type(&t, "VEIL");
	expect(&t, "zoek: VEIL");
	key(&t, KC_ENTER);
	cr_assert_str_eq(f->val[field(f->e, "domein")], "Veiligheid");
	expect(&t, "◂ Veiligheid ▸");
	key(&t, KC_CTRL('L'));
	type(&t, "geen");
	key(&t, KC_ENTER);
	cr_assert_str_eq(f->val[field(f->e, "domein")], "");
	cr_assert(!key(&t, KC_CTRL('S')));
	close_form(&t);
	cr_assert_str_eq(test_text(t.db, "SELECT eigenaar || '|' || v.datum || '|' || ifnull(domein_id, '-')"
					 " FROM acties a JOIN vergaderingen v ON v.id = a.vergadering_id"
					 " WHERE actie = 'Bellen'"), "yildiz|2024-01-25|-");
	teardown(&t);
}

/* A meeting date without a meeting is refused at its field. */
Test(form, a_meeting_date_without_a_meeting_is_refused_at_its_field)
{
	struct fx t;

	setup(&t, 80, 24);
	dash(&t, "8");
	open_form(&t, app_key(t.app, 'a'));
	tab_to(&t, "vergadering");
	type(&t, "1-1-2030");
	tab_to(&t, "deadline");
	type(&t, "ooit");
	cr_assert(key(&t, KC_CTRL('S')));
	expect(&t, "ontbrekende waarde");		/* the actie itself */
	expect(&t, "er is geen vergadering op 1 jan 2030");
	expect(&t, "'ooit' is geen datum");
	expect(&t, "3 velden kloppen nog niet");
	cr_assert(key(&t, KC_ESC));
	cr_assert(!key(&t, 'j'));
	close_form(&t);
	teardown(&t);
}

/* A list too long to keep (more than PICKER_LOAD_MAX entries): the
 * database filters it, and typing on narrows what it found. */
Test(form, a_pick_list_too_long_to_keep_still_finds_by_typing)
{
	struct fx t;
	char title[64];

	setup(&t, 80, 24);
	cr_assert_eq(db_begin(t.db), 0);
	for (int i = 0; i < 6000; i++) {
		snprintf(title, sizeof(title), "Buurtproject %04d %s", i, i % 2 ? "Noord" : "Zuid");
		put(t.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", title, "", "", "", "", "" });
	}
	cr_assert_eq(db_commit(t.db), 0);
	app_invalidate(t.app);
	dash(&t, "6");
	open_form(&t, app_key(t.app, 'a'));
	type(&t, "Mijlpaal");
	tab_to(&t, "actielijn");
	type(&t, "buurtproject 59");
	expect(&t, "100 gevonden");		/* 5900 .. 5999 */
	type(&t, "99");
	expect(&t, "1 gevonden");
	expect(&t, "Buurtproject 5999 Noord · VEILIG");
	key(&t, KC_ENTER);
	cr_assert_str_eq(t.app->form->val[field(t.app->form->e, "actielijn")], "Buurtproject 5999 Noord");
	cr_assert_str_eq(t.app->form->val[field(t.app->form->e, "domein")], "Veiligheid");
	cr_assert(!key(&t, KC_CTRL('S')));
	close_form(&t);
	teardown(&t);
}

/* --- the language shown ----------------------------------------------------- */

/*
 * One form in each language: the heading names the kind (de-word and
 * het-word: "Nieuwe actielijn", "Nieuw besluit"), labels, a refused date
 * under its field, the footer's count, a status shown in the language
 * while the stored value stays Dutch, and what the status line says.
 */
static void
form_in_language(enum i18n_lang lang, const char *const want[])
{
	struct fx t;

	i18n_init();
	i18n_set_lang(lang);
	setup(&t, 80, 24);
	dash(&t, "1");
	open_form(&t, app_key(t.app, 'a'));
	expect(&t, want[0]);			/* the heading */
	expect(&t, want[1]);			/* a label */
	type(&t, "Buurtbanen");
	tab_to(&t, "start");
	type(&t, "voorjaar");
	cr_assert(key(&t, KC_F2), "an invalid form stays open");
	expect(&t, want[2]);			/* the refused date */
	expect(&t, want[3]);			/* the footer */
	key(&t, KC_CTRL('U'));
	type(&t, want[4]);			/* a date in the language */
	tab_to(&t, "status");
	expect(&t, want[5]);			/* the status as shown */
	cr_assert(!key(&t, KC_CTRL('S')), "a valid form closes");
	close_form(&t);
	expect(&t, want[6]);			/* the status line */
	cr_assert_str_eq(test_text(t.db, "SELECT status || ' ' || start FROM actielijnen WHERE titel = 'Buurtbanen'"),
			 "gepland 2024-03-01", "stored as data: Dutch, ISO");
	teardown(&t);
	i18n_set_lang(LANG_NL);
}

Test(form, a_form_speaks_dutch_by_default)
{
	form_in_language(LANG_NL, (const char *const[]){
		"Nieuwe actielijn", "Titel *", "'voorjaar' is geen datum (verwacht: een datum zoals",
		"1 veld klopt nog niet", "maart 2024", "◂ gepland ▸", "Actielijn toegevoegd “Buurtbanen”",
	});
}

Test(form, a_form_speaks_english_when_asked)
{
	form_in_language(LANG_EN, (const char *const[]){
		"New actielijn", "Title *", "'voorjaar' is not a date (expected a date such as",
		"1 field is not right yet", "March 2024", "◂ planned ▸", "Actielijn added “Buurtbanen”",
	});
}

/* A het-word and the question of what to add, in both languages: the
 * key of each kind is the first letter of its word as shown. */
Test(form, a_decision_is_a_het_word_and_its_key_is_its_own_letter)
{
	struct fx t;

	i18n_init();
	for (int lang = LANG_NL; lang <= LANG_EN; lang++) {
		i18n_set_lang((enum i18n_lang)lang);
		setup(&t, 80, 24);
		dash(&t, "7\n");		/* an open meeting */
		dash(&t, "a");
		expect(&t, lang == LANG_NL ? "b = besluit, a = actie, Esc = niets"
					   : "d = decision, a = action item, Esc = nothing");
		open_form(&t, app_key(t.app, lang == LANG_NL ? 'b' : 'd'));
		expect(&t, lang == LANG_NL ? "Nieuw besluit — vergadering 25 jan 2024"
					   : "New decision — meeting 25 Jan 2024");
		close_form(&t);
		teardown(&t);
	}
	i18n_set_lang(LANG_NL);
}
