/*
 * Screen tests: the real drawing path (render_frame into a grid, painted
 * by screen.c) on an off-screen ncurses screen writing to /dev/null with
 * a fixed size, read back with mvinnstr / mvin_wch.
 */
#include <criterion/criterion.h>

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "store/db.h"
#include "core/entity.h"
#include "tui/formui.h"
#include "helpers.h"
#include "tui/screen.h"

struct fixture {
	struct db *db;
	struct app *app;
	struct screen *scr;
	struct grid g;
};

static void
put(struct db *db, const char *table, const char *const *vals)
{
	enum db_change ch;
	long long id;
	char err[256];

	cr_assert_eq(db_upsert(db, entity_find(table), vals, &ch, &id, err, sizeof(err)), 0,
		     "%s: %s", table, err);
}

/* A small programme: two domains, a theme, actielijnen with wide
 * characters and a control sequence, a meeting with a decision and
 * actions (one overdue), planning items. */
static struct db *
sample_db(void)
{
	struct db *db;

	cr_assert_eq(db_open_memory(&db), 0);
	put(db, "domeinen", (const char *const[]){ "EID", "Eigenaarschap, Inclusie en Democratie", "Van, voor, met en door bewoners", "domein", "1" });
	put(db, "domeinen", (const char *const[]){ "VEILIG", "Veiligheid", "Je veilig voelen", "domein", "2" });
	put(db, "domeinen", (const char *const[]){ "CWB", "Community Wealth Building", "", "thema", "6" });
	put(db, "actielijnen", (const char *const[]){ "EID", "Wijkallianties", "Samen met bewoners 🌍 bouwen aan de wijk.", "Emre Ünver", "lopend", "2024-01-01", "2024-12-31" });
	put(db, "actielijnen", (const char *const[]){ "EID", "Coöperatie 🌍 Nieuw-West", "Een coöperatie van bewoners.", "Saïda", "gepland", "2024-03-01", "" });
	put(db, "actielijnen", (const char *const[]){ "EID", "Zonder datum", "", "", "", "", "" });
	put(db, "actielijnen", (const char *const[]){ "VEILIG", "Evil\x1b[31mred", "bel\x07 en \x1b]0;titel\x07", "", "gestopt", "2024-05-01", "2024-06-30" });
	put(db, "vergaderingen", (const char *const[]){ "2024-01-25", "AB-vergadering", "Alliantiebestuur januari", "Stadsdeelhuis" });
	put(db, "besluiten", (const char *const[]){ "2024-01-25", "Begroting", "Het AB stelt de begroting 2024 vast." });
	put(db, "acties", (const char *const[]){ "2024-01-25", "Agenda rondsturen", "Programmabureau", "2024-02-01", "open", "EID" });
	put(db, "acties", (const char *const[]){ "2024-01-25", "Verslag maken", "Secretaris", "2024-12-01", "gedaan", "" });
	put(db, "planning", (const char *const[]){ "2024-04-01", "Brede alliantiebijeenkomst", "", "", "" });
	put(db, "planning", (const char *const[]){ "2024-06-01", "Evaluatie wijkallianties", "EID", "Wijkallianties", "" });
	return db;
}

static void
open_screen(struct fixture *f, int w, int h)
{
	char err[200], n[16];

	setlocale(LC_ALL, "C.UTF-8");
	setenv("TERM", "xterm-256color", 1);
	setenv("NO_COLOR", "1", 1);
	setenv("SNW_TODAY", "2024-03-15", 1);
	snprintf(n, sizeof(n), "%d", w);
	setenv("COLUMNS", n, 1);
	snprintf(n, sizeof(n), "%d", h);
	setenv("LINES", n, 1);
	f->scr = screen_open(fopen("/dev/null", "w"), fopen("/dev/null", "r"), err, sizeof(err));
	cr_assert_not_null(f->scr, "%s", err);
}

static void
setup(struct fixture *f, int w, int h)
{
	memset(f, 0, sizeof(*f));
	open_screen(f, w, h);
	f->db = sample_db();
	f->app = app_new(f->db, false);
	f->app->mono = screen_mono(f->scr);
	cr_assert_not_null(f->app);
}

static void
teardown(struct fixture *f)
{
	screen_close(f->scr);
	app_free(f->app);
	db_close(f->db);
	grid_free(&f->g);
}

/* One frame on the real path, as ui_run draws it. */
static void
frame(struct fixture *f)
{
	int w, h;

	screen_size(f->scr, &w, &h);
	cr_assert_eq(grid_resize(&f->g, w, h), 0);
	render_frame(f->app, &f->g);
	screen_paint(f->scr, &f->g);
}

static void
keys(struct fixture *f, const char *ks)
{
	wchar_t wks[256];
	size_t n = mbstowcs(wks, ks, 256);	/* keys arrive as characters */

	for (size_t i = 0; i < n; i++)
		app_key(f->app, wks[i] == '\n' ? KC_ENTER : (int)wks[i]);
	frame(f);
}

/* Row y of the terminal as curses holds it (UTF-8). */
static const char *
row(int y)
{
	static char buf[4096];

	mvinnstr(y, 0, buf, (int)sizeof(buf) - 1);
	return buf;
}

static bool
screen_has(const char *text)
{
	for (int y = 0; y < LINES; y++)
		if (strstr(row(y), text))
			return true;
	return false;
}

static void
expect(const char *text)
{
	if (!screen_has(text)) {
		for (int y = 0; y < LINES; y++)
			fprintf(stderr, "%2d|%s|\n", y, row(y));
	}
	cr_assert(screen_has(text), "screen lacks '%s'", text);
}

/* Screen column where the ASCII text starts on row y, or -1. */
static int
col_of(int y, const char *text)
{
	size_t n = strlen(text);

	for (int x = 0; x < COLS; x++) {
		size_t i = 0;

		for (; i < n && x + (int)i < COLS; i++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t a;
			short p;

			mvin_wch(y, x + (int)i, &cc);
			getcchar(&cc, wch, &a, &p, NULL);
			if (wch[0] != (wchar_t)text[i])
				break;
		}
		if (i == n)
			return x;
	}
	return -1;
}

static int
row_with(const char *text)
{
	for (int y = 0; y < LINES; y++)
		if (strstr(row(y), text))
			return y;
	return -1;
}

/* The painter put exactly the grid on the screen: nothing left over. */
static void
expect_screen_is_grid(struct fixture *f)
{
	char want[4096];

	for (int y = 0; y < f->g.h; y++) {
		grid_row_text(&f->g, 0, y, f->g.w, want, sizeof(want));
		cr_assert_str_eq(row(y), want, "row %d differs", y);
	}
}

static void
views_at(int w, int h)
{
	struct fixture f;

	setup(&f, w, h);
	frame(&f);
	cr_assert_eq(COLS, w);
	cr_assert_eq(LINES, h);
	expect("0 Overzicht");
	expect("Eigenaarschap");
	expect("Van, voor, met en door bewoners");
	expect("Thema's en agenda");
	expect("Community Wealth Building");
	expect("paneel 1/3");
	expect("Agenda rondsturen");
	expect("(1 te laat)");
	expect_screen_is_grid(&f);

	keys(&f, "1");
	expect("Wijkallianties");
	expect("Coöperatie 🌍 Nieuw-West");
	expect("rij 1/3");
	expect("Successen (0)");
	expect("Een coöperatie van bewoners.");	/* titles sort: Coöperatie first */
	keys(&f, "j");
	expect("rij 2/3");
	expect("Samen met bewoners 🌍 bouwen aan de wijk.");
	expect_screen_is_grid(&f);

	keys(&f, "6");
	expect("Planning 2024");
	expect("Mijlpalen");
	expect("Zonder datum (1");
	expect("◆");
	expect("█");
	expect("░");
	expect_screen_is_grid(&f);

	keys(&f, "7");
	expect("Alliantiebestuur januari");
	expect("Besluiten (1)");
	expect("Het AB stelt de begroting 2024 vast.");
	expect("Acties (2)");
	expect_screen_is_grid(&f);

	keys(&f, "8");
	expect("Acties: 2");
	expect("Agenda rondsturen");
	expect("rij 1/2");
	expect_screen_is_grid(&f);

	keys(&f, "?");
	expect("Toetsen / Keys");
	expect("Shift-Tab");
	teardown(&f);
}

Test(screen, views_80x24)
{
	views_at(80, 24);
}

Test(screen, views_140x45)
{
	struct fixture f;

	views_at(140, 45);
	setup(&f, 140, 45);
	frame(&f);
	expect("Eigenaarschap, Inclusie en Democratie");	/* full names use the room */
	expect("1 Eigenaarschap");
	/* The room under a domain's pane lists its actielijnen. */
	expect("Actielijnen");
	expect("Coöperatie 🌍 Nieuw-West");	/* only the pane's list shows titles */
	teardown(&f);

	/* At 80×24 there is no room for them. */
	setup(&f, 80, 24);
	frame(&f);
	cr_assert_eq(row_with("Coöperatie 🌍"), -1);
	teardown(&f);
}

Test(screen, help_lists_every_key_of_the_table)
{
	struct fixture f;

	setup(&f, 140, 45);
	keys(&f, "?");
	for (int i = 0; i < keys_count(); i++) {
		const struct key_def *k = keys_get(i);
		int y = row_with(k->nl);

		cr_assert_geq(y, 0, "help lacks '%s'", k->nl);
		cr_assert(strstr(row(y), k->keys), "help row of '%s' lacks its keys '%s'", k->nl, k->keys);
		/* and the dispatcher binds exactly those keys to it */
		char names[64], *save = NULL;

		snprintf(names, sizeof(names), "%s", k->keys);
		for (char *name = strtok_r(names, " ", &save); name; name = strtok_r(NULL, " ", &save))
			cr_assert_eq(keys_action(keys_parse(name)), k->action, "key %s", name);
	}
	teardown(&f);
}

Test(screen, resize_relayouts_without_leftovers)
{
	struct fixture f;

	setup(&f, 140, 45);
	keys(&f, "1");
	expect("Wijkallianties");
	screen_resize(f.scr, 80, 24);
	app_key(f.app, KC_RESIZE);
	frame(&f);
	cr_assert_eq(COLS, 80);
	expect("Wijkallianties");
	expect_screen_is_grid(&f);
	screen_resize(f.scr, 100, 30);
	frame(&f);
	expect_screen_is_grid(&f);
	screen_resize(f.scr, 40, 10);
	frame(&f);
	expect("Venster te klein");
	screen_resize(f.scr, 80, 24);
	frame(&f);
	expect("Wijkallianties");
	expect_screen_is_grid(&f);
	teardown(&f);
}

Test(screen, wide_characters_line_up)
{
	struct fixture f;
	int y1, y2;

	setup(&f, 80, 24);
	keys(&f, "1");
	y1 = row_with("Wijkallianties");
	y2 = row_with("Coöperatie 🌍");
	cr_assert_geq(y1, 0);
	cr_assert_geq(y2, 0);
	/* the status column starts at the same screen column, emoji or not */
	cr_assert_eq(col_of(y1, "lopend"), col_of(y2, "gepland"));
	cr_assert_gt(col_of(y1, "lopend"), 0);
	cr_assert_eq(col_of(y1, "Emre"), col_of(y2, "Sa"));
	teardown(&f);
}

Test(screen, control_characters_never_reach_the_terminal)
{
	struct fixture f;

	setup(&f, 80, 24);
	keys(&f, "2");
	expect("Evil^[[31mred");
	expect("bel^G en ^[]0;titel^G");
	for (int y = 0; y < LINES; y++)
		cr_assert_null(strchr(row(y), 0x1b), "ESC on row %d", y);
	teardown(&f);
}

Test(screen, keys_move_search_and_quit)
{
	struct fixture f;

	setup(&f, 80, 24);
	frame(&f);
	cr_assert_eq(app_key(f.app, '\t') & APP_REDRAW, APP_REDRAW);
	frame(&f);
	expect("rij 1/3");
	app_key(f.app, KC_END);
	frame(&f);
	expect("rij 3/3");
	app_key(f.app, 'g');
	frame(&f);
	expect("rij 1/3");
	keys(&f, "/");
	expect("Zoek:");
	keys(&f, "begroting\n");
	expect("treffer 1/1");
	expect("Alliantiebestuur januari");
	keys(&f, "/coöperatie\n");
	expect("treffer 1/");
	expect("Een coöperatie van bewoners.");
	app_key(f.app, KC_ESC);
	frame(&f);
	expect("paneel");
	cr_assert_eq(app_key(f.app, 'q'), APP_QUIT);
	teardown(&f);
}

Test(screen, filter_and_sort_change_the_list)
{
	struct fixture f;

	setup(&f, 80, 24);
	keys(&f, "1f");
	expect("filter: lopend");
	expect("rij 1/1");
	keys(&f, "ffffff");
	expect("filter: alle");
	keys(&f, "s");
	expect("sortering: status");
	keys(&f, "8f");
	expect("filter: open");
	expect("rij 1/1");
	teardown(&f);
}

Test(screen, mouse_selects_tab_pane_and_row)
{
	struct fixture f;
	int y, x;

	setup(&f, 80, 24);
	frame(&f);
	x = col_of(0, "8 Acties");
	cr_assert_geq(x, 0);
	app_mouse(f.app, x + 1, 0, 0);
	frame(&f);
	expect("Acties: 2");
	app_mouse(f.app, 5, 0, 0);
	frame(&f);
	y = row_with("Community Wealth Building");
	app_mouse(f.app, 5, y, 0);
	frame(&f);
	expect("paneel 3/3");
	keys(&f, "1");
	y = row_with("Zonder datum");
	app_mouse(f.app, 3, y, 0);
	frame(&f);
	expect("rij 3/3");
	app_mouse(f.app, 3, y, -1);
	frame(&f);
	expect("rij 1/3");
	teardown(&f);
}

/* --- edit forms (formui.c on the same off-screen terminal) ----------------- */

/* Row y of what the terminal shows (curscr: the form's window included). */
static const char *
shown(int y)
{
	static char buf[4096];

	mvwinnstr(curscr, y, 0, buf, (int)sizeof(buf) - 1);
	return buf;
}

static bool
shows(const char *text)
{
	for (int y = 0; y < LINES; y++)
		if (strstr(shown(y), text))
			return true;
	return false;
}

static void
expect_shown(const char *text)
{
	if (!shows(text))
		for (int y = 0; y < LINES; y++)
			fprintf(stderr, "%2d|%s|\n", y, shown(y));
	cr_assert(shows(text), "the terminal lacks '%s'", text);
}

static void
repaint(void *ctx)
{
	frame(ctx);
}

/* Opens the form the last key asked for. */
static struct formui *
open_form(struct fixture *f, int flags)
{
	struct formui *u;

	cr_assert(flags & APP_FORM, "no form (message: %s)", f->app->msg);
	frame(f);
	u = formui_open(f->scr, f->app, repaint, f);
	cr_assert_not_null(u);
	return u;
}

/* Types UTF-8 text into the form; true while it stays open. */
static bool
type(struct formui *u, const char *text)
{
	wchar_t w[256];
	size_t n = mbstowcs(w, text, 256);
	bool open = true;

	for (size_t i = 0; i < n && open; i++)
		open = formui_key(u, w[i] == '\n' ? KC_ENTER : (int)w[i]);
	return open;
}

static void
close_form(struct fixture *f, struct formui *u)
{
	formui_close(u);
	edit_form_free(f->app->form);
	f->app->form = NULL;
	frame(f);
}

Test(form, add_an_actielijn_typing_utf8_with_a_quarter_date)
{
	struct fixture f;
	struct formui *u;
	const struct entity *e = entity_find("actielijnen");
	char *s;

	setup(&f, 80, 24);
	keys(&f, "1");
	u = open_form(&f, app_key(f.app, 'a'));
	expect_shown("Nieuwe actielijn — Eigenaarschap");
	expect_shown("Titel *");
	expect_shown("◂ Eigenaarschap, Inclusie en Democratie ▸");
	expect_shown("◂ gepland ▸");
	expect_shown("Ctrl-S/F2 opslaan");
	cr_assert_eq(formui_current(u), e->title, "the cursor starts in the title");
	cr_assert(type(u, "Coöperatie creëren"));
	expect_shown("Coöperatie creëren");
	cr_assert(formui_key(u, KC_TAB));
	cr_assert(formui_key(u, KC_TAB));
	cr_assert_eq(formui_current(u), entity_field_index(e, "toelichting"));
	cr_assert(type(u, "Eerste regel met Ünver\nTweede regel"));
	cr_assert(formui_key(u, KC_TAB));
	cr_assert(formui_key(u, KC_TAB));
	cr_assert(formui_key(u, KC_RIGHT));	/* status: gepland -> lopend */
	expect_shown("◂ lopend ▸");
	cr_assert(formui_key(u, KC_TAB));
	cr_assert(type(u, "Q2 2024"));
	cr_assert(!formui_key(u, KC_CTRL('S')), "Ctrl-S saves and closes");
	close_form(&f, u);
	s = test_text(f.db, "SELECT toelichting || '|' || status || '|' || start FROM actielijnen"
			       " WHERE titel = 'Coöperatie creëren'");
	cr_assert_str_eq(s, "Eerste regel met Ünver\nTweede regel|lopend|2024-04-01");
	free(s);
	expect("Actielijn toegevoegd “Coöperatie creëren”");
	teardown(&f);
}

Test(form, a_bad_date_is_shown_beside_its_field_and_a_resize_keeps_what_was_typed)
{
	struct fixture f;
	struct formui *u;
	const struct entity *e = entity_find("actielijnen");

	setup(&f, 80, 24);
	keys(&f, "1");
	u = open_form(&f, app_key(f.app, 'a'));
	type(u, "Buurtbanen");
	for (int i = 0; i < 5; i++)
		formui_key(u, KC_TAB);
	cr_assert_eq(formui_current(u), entity_field_index(e, "start"));
	type(u, "voorjaar");
	cr_assert(formui_key(u, KC_F2), "an invalid form stays open");
	expect_shown("'voorjaar' is not a date");
	cr_assert_eq(formui_current(u), entity_field_index(e, "start"), "the cursor goes to the bad field");
	cr_assert_eq(test_int(f.db, "SELECT count(*) FROM actielijnen WHERE titel = 'Buurtbanen'"), 0);

	screen_resize(f.scr, 120, 40);
	cr_assert(formui_key(u, KC_RESIZE));
	expect_shown("Buurtbanen");
	expect_shown("voorjaar");
	screen_resize(f.scr, 40, 10);
	cr_assert(formui_key(u, KC_RESIZE));
	expect_shown("Venster te klein");
	screen_resize(f.scr, 60, 16);
	cr_assert(formui_key(u, KC_RESIZE));
	expect_shown("pagina 2/2");		/* the fields no longer fit on one page */
	expect_shown("voorjaar");
	screen_resize(f.scr, 80, 24);
	cr_assert(formui_key(u, KC_RESIZE));
	expect_shown("Buurtbanen");
	cr_assert_eq(formui_current(u), entity_field_index(e, "start"));
	formui_key(u, KC_CTRL('U'));
	type(u, "maart 2024");
	cr_assert(!formui_key(u, KC_CTRL('S')));
	close_form(&f, u);
	cr_assert_eq(test_int(f.db, "SELECT count(*) FROM actielijnen WHERE titel = 'Buurtbanen'"
				       " AND start = '2024-03-01'"), 1);
	teardown(&f);
}

Test(form, esc_asks_before_throwing_changes_away)
{
	struct fixture f;
	struct formui *u;

	setup(&f, 80, 24);
	keys(&f, "8");
	u = open_form(&f, app_key(f.app, 'a'));
	cr_assert(!formui_key(u, KC_ESC), "nothing typed: Esc closes at once");
	close_form(&f, u);

	u = open_form(&f, app_key(f.app, 'a'));
	type(u, "Iets doen");
	cr_assert(formui_key(u, KC_ESC));
	expect_shown("Wijzigingen weggooien? j = ja, n = nee");
	cr_assert(formui_key(u, 'n'));
	expect_shown("Iets doen");
	cr_assert(formui_key(u, KC_ESC));
	cr_assert(!formui_key(u, 'j'));
	close_form(&f, u);
	cr_assert_eq(test_int(f.db, "SELECT count(*) FROM acties"), 2, "nothing saved");
	teardown(&f);
}

Test(form, a_conflict_shows_both_versions_and_merging_keeps_both_changes)
{
	struct fixture f;
	struct formui *u;
	const struct entity *e = entity_find("actielijnen");
	char *now[ENTITY_MAX_FIELDS] = { 0 }, *cur[ENTITY_MAX_FIELDS] = { 0 }, err[256], *s;
	const char *theirs[ENTITY_MAX_FIELDS];
	long long id;

	setup(&f, 80, 24);
	keys(&f, "1");
	u = open_form(&f, app_key(f.app, 'e'));
	id = f.app->form->id;
	expect_shown("Actielijn wijzigen");
	for (int i = 0; i < 3; i++)
		formui_key(u, KC_TAB);
	cr_assert_eq(formui_current(u), entity_field_index(e, "trekker"));
	formui_key(u, KC_CTRL('U'));
	type(u, "Fatima");
	/* meanwhile someone else changes the status */
	cr_assert_eq(db_get(f.db, e, id, now), 1);
	for (int j = 0; j < e->nfields; j++)
		theirs[j] = j == entity_field_index(e, "status") ? "gestopt" : now[j];
	db_set_actor(f.db, "jan", "form");
	cr_assert_eq(db_update(f.db, e, id, (const char *const *)now, theirs, cur, err, sizeof(err)), 0, "%s", err);
	db_free_row(e, now);
	db_set_actor(f.db, "procesmanager", NULL);

	cr_assert(formui_key(u, KC_CTRL('S')), "a conflict keeps the form open");
	expect_shown("Conflict — Actielijn wijzigen");
	expect_shown("door jan");
	expect_shown("● Fatima");
	expect_shown("● gestopt");
	expect_shown("samenvoegen");
	cr_assert(!formui_key(u, 's'));
	close_form(&f, u);
	s = test_text(f.db, "SELECT trekker || '|' || status FROM actielijnen WHERE titel = 'Coöperatie 🌍 Nieuw-West'");
	cr_assert_str_eq(s, "Fatima|gestopt");
	free(s);
	teardown(&f);
}

Test(form, help_lists_the_form_keys_too)
{
	struct fixture f;

	setup(&f, 160, 50);
	keys(&f, "?");
	expect("In een formulier");
	for (int i = 0; i < keys_form_count(); i++) {
		const struct form_key_def *k = keys_form_get(i);
		char names[64], *save = NULL;
		int y = row_with(k->nl);

		cr_assert_geq(y, 0, "help lacks '%s'", k->nl);
		cr_assert(strstr(row(y), k->keys), "help row of '%s' lacks '%s'", k->nl, k->keys);
		snprintf(names, sizeof(names), "%s", k->keys);
		for (char *name = strtok_r(names, " ", &save); name; name = strtok_r(NULL, " ", &save))
			cr_assert_eq(keys_form_key(keys_parse(name)), k->key, "form key %s", name);
	}
	teardown(&f);
}

Test(form, double_width_characters_survive_editing)
{
	struct fixture f;
	struct formui *u;
	char *s;

	setup(&f, 80, 24);
	keys(&f, "1");		/* Coöperatie 🌍 Nieuw-West is the first row */
	u = open_form(&f, app_key(f.app, 'e'));
	expect_shown("Coöperatie � Nieuw-West");	/* one column per character */
	expect_shown("als �; ze blijven bewaard");
	type(u, "!");			/* the cursor is at the end of the title */
	formui_key(u, KC_TAB);
	formui_key(u, KC_TAB);
	type(u, "Heel ");
	cr_assert(!formui_key(u, KC_CTRL('S')));
	close_form(&f, u);
	s = test_text(f.db, "SELECT titel || '|' || toelichting FROM actielijnen WHERE titel LIKE 'Coö%'");
	cr_assert_str_eq(s, "Coöperatie 🌍 Nieuw-West!|Heel Een coöperatie van bewoners.");
	free(s);

	keys(&f, "j");			/* Wijkallianties: 🌍 in the long text, left alone */
	u = open_form(&f, app_key(f.app, 'e'));
	type(u, " 2024");
	cr_assert(!formui_key(u, KC_CTRL('S')));
	close_form(&f, u);
	s = test_text(f.db, "SELECT toelichting FROM actielijnen WHERE titel = 'Wijkallianties 2024'");
	cr_assert_str_eq(s, "Samen met bewoners 🌍 bouwen aan de wijk.");
	free(s);
	teardown(&f);
}

Test(form, tab_walks_across_pages_when_the_window_is_low)
{
	struct fixture f;
	struct formui *u;
	const struct entity *e = entity_find("actielijnen");

	setup(&f, 60, 16);
	keys(&f, "1");
	u = open_form(&f, app_key(f.app, 'a'));
	expect_shown("pagina 1/2");
	for (int i = 0; i < 5; i++)
		formui_key(u, KC_TAB);
	cr_assert_eq(formui_current(u), entity_field_index(e, "start"));
	expect_shown("pagina 2/2");
	expect_shown("Start");
	formui_key(u, KC_TAB);
	formui_key(u, KC_TAB);
	cr_assert_eq(formui_current(u), e->title, "past the last field: back to the first");
	expect_shown("pagina 1/2");
	formui_key(u, KC_BTAB);
	cr_assert_eq(formui_current(u), entity_field_index(e, "eind"));
	formui_key(u, KC_PGUP);
	expect_shown("pagina 1/2");
	cr_assert(!formui_key(u, KC_ESC));
	close_form(&f, u);
	teardown(&f);
}
