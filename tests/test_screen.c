/*
 * Screen tests: the real drawing path (app_frame into a grid, painted
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
#include "core/i18n.h"
#include "tui/formui.h"
#include "core/text.h"
#include "helpers.h"
#include "tui/screen.h"
#include "terminals.h"

#include "screen_fixture.h"

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
	expect("Toetsen — Esc of ? sluit deze hulp");
	expect("Shift-Tab");
	teardown(&f);
}

/* The dashboard in one language at a time: the help lists each key once,
 * in the language shown, and dates and words follow it. */
Test(screen, the_help_and_the_views_speak_one_language)
{
	struct fixture f;

	i18n_init();
	for (int lang = LANG_NL; lang <= LANG_EN; lang++) {
		bool en = lang == LANG_EN;

		i18n_set_lang((enum i18n_lang)lang);
		setup(&f, 80, 24);
		keys(&f, "?");
		expect(en ? "Keys — Esc or ? closes this help" : "Toetsen — Esc of ? sluit deze hulp");
		expect(en ? "Next view" : "Volgende weergave");
		cr_assert_eq(row_with(en ? "Volgende weergave" : "Next view"), -1, "the help shows both languages");
		expect("↑ k");
		keys(&f, "\0338");	/* Esc, Acties */
		expect(en ? "Action items: 2" : "Acties: 2");
		expect(en ? "row 1/2" : "rij 1/2");
		keys(&f, "7");
		expect(en ? "25 Jan 2024" : "25 jan 2024");
		expect(en ? "Decisions (1)" : "Besluiten (1)");
		teardown(&f);
	}
	i18n_set_lang(LANG_NL);
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
		char shown[64];
		int y = row_with(_(k->label));

		cr_assert_geq(y, 0, "help lacks '%s'", k->label);
		cr_assert(strstr(row(y), keys_shown(k->keys, shown, sizeof(shown))),
			  "help row of '%s' lacks its keys '%s'", k->label, shown);
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
	expect("sortering: groep");
	keys(&f, "s");
	expect("sortering: status");
	keys(&f, "8f");
	expect("filter: open");
	expect("rij 1/1");
	teardown(&f);
}

/* Each domain keeps its own status filter (issue 13: one domain's filter
 * used to hide another's new actielijnen); the planning keeps its filter
 * when the year changes. (Once the kept filter came out as "onbekend": it
 * was copied onto itself.) */
Test(screen, each_domain_keeps_its_own_filter)
{
	struct fixture f;

	setup(&f, 140, 45);
	keys(&f, "1ff");
	expect("filter: gepland");
	expect("rij 1/1");
	keys(&f, "2");
	expect("1 actielijn · sortering: titel · filter: alle");
	keys(&f, "1");
	expect("1 actielijn · sortering: titel · filter: gepland");
	expect("Coöperatie 🌍 Nieuw-West");
	keys(&f, "6ff");	/* the year changes the same way */
	expect("Planning 2024 · 1 actielijn · filter: gepland");
	app_key(f.app, KC_RIGHT);
	frame(&f);
	expect("Planning 2025 · 1 actielijn · filter: gepland");
	teardown(&f);
}

/* The keys that show a view come from the registry: the help screen
 * lists each with its text, and each shows its view (its name, or for a
 * domain the domain's, in the status line). */
Test(screen, help_lists_the_keys_of_every_view_and_each_shows_it)
{
	struct fixture f;
	int nkeys = 0;

	setup(&f, 140, 45);
	keys(&f, "?");
	for (int i = 0; i < view_count; i++)
		for (int k = 0; k < view_registry[i]->nkeys; k++) {
			const struct view_key *vk = &view_registry[i]->keys[k];
			int y = 2;	/* the help's lines start under its heading */

			while (y < LINES && (!strstr(row(y), vk->label) || col_of(y, vk->key) != 2))
				y++;
			cr_assert_lt(y, LINES, "help lacks '%s  %s'", vk->key, vk->label);
			nkeys++;
		}
	cr_assert_geq(nkeys, 10, "0-9 show views");
	app_key(f.app, KC_ESC);
	for (int i = 0; i < view_count; i++) {
		const struct view_key *vk = &view_registry[i]->keys[0];
		const char *title = i == 1 ? "Eigenaarschap, Inclusie en Democratie" : view_registry[i]->name;

		if (view_registry[i]->nkeys == 0)
			continue;	/* reached by Tab only */
		keys(&f, vk->key);
		cr_assert_eq(f.app->view, i, "%s shows %s", vk->key, view_registry[i]->name);
		cr_assert(strstr(row(LINES - 1), title), "status line: %s", row(LINES - 1));
	}
	teardown(&f);
}

/* Every status of work the entity table allows has a colour and, without
 * colours, a glyph of its own. */
Test(screen, every_status_of_work_has_a_look_of_its_own)
{
	int n = model_status_count();

	cr_assert_eq(n, 6, "five statuses and onbekend");
	cr_assert_str_eq(model_status(n - 1), "");
	cr_assert_null(model_status(n));
	for (int i = 0; i < n; i++)
		for (int j = 0; j < i; j++) {
			cr_assert_neq(render_status_role(model_status(i)), render_status_role(model_status(j)),
				      "%s and %s", model_status(i), model_status(j));
			cr_assert_neq(render_status_glyph(model_status(i), true),
				      render_status_glyph(model_status(j), true));
		}
	cr_assert_eq(render_status_role(model_status(n - 1)), ROLE_ONBEKEND);
}

/* Where entries come from: the peildatum on the overview, the bron in
 * the detail panes, the groep as headings when the list is sorted by
 * it, a search hit on a bron selecting its entry, and the bron new
 * entries start with. */
Test(screen, bron_groep_and_peildatum_are_shown)
{
	struct fixture f;
	const struct entity *e;

	setup(&f, 80, 24);
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Online veiligheid", "", "", "", "", "",
		"Jaar van de concrete casussen", "Terugblik & vooruitblik 25-1-2024, Veiligheid" });
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Signaleringskracht", "", "", "", "", "",
		"Klein beginnen, groot leren", "Terugblik & vooruitblik 25-1-2024, Veiligheid" });
	put(f.db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Notulen rondsturen", "Secretaris", "", "open", "",
		"AB 25-1-2024, agendapunt 7" });
	put(f.db, "successen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "2023", "Buurtteams gestart", "",
		"Terugblik & vooruitblik 25-1-2024, 2023 in vogelvlucht" });
	cr_assert_eq(db_state_peildatum(f.db, "2024-01-25"), 0);
	frame(&f);
	expect("gegevens van 25 jan 2024");

	keys(&f, "2jj");	/* by title: Evil…, Online veiligheid, Signaleringskracht */
	expect("rij 3/3");
	expect("Bron: Terugblik & vooruitblik 25-1-2024, Veiligheid");
	cr_assert_gt(row_with("Klein beginnen"), row_with("Signaleringskracht"),
		     "sorted by title: no headings, the groep only in the detail");
	keys(&f, "s");
	expect("sortering: groep");
	cr_assert_gt(row_with("Jaar van de concrete casussen"), row_with("Evil"), "no groep first");
	cr_assert_gt(row_with("Online veiligheid"), row_with("Jaar van de concrete casussen"));
	cr_assert_gt(row_with("Klein beginnen, groot leren"), row_with("Online veiligheid"));
	cr_assert_gt(row_with("Signaleringskracht"), row_with("Klein beginnen, groot leren"));
	expect("rij 3/3");	/* the selection stays on its row */
	expect_screen_is_grid(&f);

	keys(&f, "/agendapunt 7\n");
	expect("treffer 1/1");
	expect("Notulen rondsturen");
	expect("Bron: AB 25-1-2024, agendapunt 7");

	keys(&f, "2Gj");	/* past the last actielijn: the success */
	expect("succes 1/1");
	expect("Bron: Terugblik & vooruitblik 25-1-2024, 2023 in vogelvlucht");

	keys(&f, "7");
	expect("Bron: —");	/* the meeting has none */
	keys(&f, "\n");
	cr_assert(app_key(f.app, 'a') & APP_REDRAW);
	cr_assert(app_key(f.app, 'b') & APP_FORM);
	e = f.app->form->e;
	cr_assert_eq(e, &entity_besluiten);
	cr_assert_str_eq(f.app->form->val[entity_field_index(e, "bron")], "AB 25-1-2024",
			 "a decision added in a meeting comes from that meeting");
	edit_form_free(f.app->form);
	f.app->form = NULL;
	keys(&f, "\x1b" "2");
	cr_assert(app_key(f.app, 'a') & APP_FORM);
	e = f.app->form->e;
	cr_assert_str_eq(f.app->form->val[entity_field_index(e, "bron")], "dashboard 15-3-2024",
			 "anything else says it was entered in the dashboard today");
	edit_form_free(f.app->form);
	f.app->form = NULL;
	teardown(&f);
}

/* Wijzigingen (9): the changes since the last AB meeting (25 jan 2024;
 * today is 15 mrt 2024), grouped by domain; a toggle with Space is
 * recorded as one and shows as done; Enter shows the entry in its view;
 * f takes a date, Esc keeps what was shown. */
Test(screen, changes_since_the_last_ab_meeting)
{
	struct fixture f;

	setup(&f, 100, 30);
	/* The sample as snw init loads it: the starting point, no change. */
	cr_assert_eq(db_state_peildatum(f.db, "2024-01-25"), 0);
	frame(&f);
	keys(&f, "9");
	expect("9 Wijzigingen");
	expect("Wijzigingen sinds de laatste AB-vergadering, 25 jan 2024: 0");
	expect("Niets gewijzigd sinds die datum.");
	keys(&f, "8");
	expect("Agenda rondsturen");
	keys(&f, " ");
	cr_assert_str_eq(test_text(f.db, "SELECT bron FROM historie ORDER BY id DESC LIMIT 1"), "wissel");
	keys(&f, "9");
	expect("Wijzigingen sinds de laatste AB-vergadering, 25 jan 2024: 1");
	cr_assert_lt(row_with("Eigenaarschap, Inclusie en Democratie"), row_with("Agenda rondsturen"), "under its domain");
	expect("gedaan      actie “Agenda rondsturen”  Status: open → gedaan");
	expect("wijziging 1/1");
	keys(&f, "\n");
	cr_assert_str_eq(app_current(f.app)->ops->name, "Acties", "Enter shows it where it lives");
	keys(&f, "9f");
	expect("Wijzigingen sinds (datum, leeg = laatste AB-vergadering): ▏");
	keys(&f, "morgen\n");
	expect("'morgen' is geen datum");
	keys(&f, "\x1b");
	expect("25 jan 2024: 1");
	keys(&f, "f");
	for (int i = 0; i < 6; i++)
		app_key(f.app, KC_BACKSPACE);
	keys(&f, "1-1-2099\n");
	expect("Wijzigingen sinds 1 jan 2099: 0 (f = andere datum)");
	keys(&f, "f");
	expect("Wijzigingen sinds (datum, leeg = laatste AB-vergadering): 2099-01-01▏");
	for (int i = 0; i < 10; i++)
		app_key(f.app, KC_BACKSPACE);
	keys(&f, "\n");
	expect("sinds de laatste AB-vergadering, 25 jan 2024: 1");
	teardown(&f);
}

/* A change whose entry has a long text: its heading in the detail takes
 * two lines and ends in "…", and when and by whom follows right under it
 * (once the heading counted the lines of the whole text, leaving blank
 * rows and no mark of the cut). */
Test(screen, a_long_change_is_cut_with_a_mark_in_the_detail)
{
	struct fixture f;
	int y;

	setup(&f, 80, 24);
	cr_assert_eq(db_state_peildatum(f.db, "2024-01-25"), 0);
	test_text(f.db, "UPDATE acties SET actie = 'Agenda rondsturen en daarna met alle partners"
			" van de alliantie in gesprek gaan over de vraag hoe de bewoners van Nieuw-West"
			" hun stem in het Alliantiebestuur krijgen' WHERE actie = 'Agenda rondsturen' RETURNING id");
	frame(&f);
	keys(&f, "8");
	expect("Agenda rondsturen en daarna");
	keys(&f, " 9");
	y = row_with("Actie gedaan: Agenda rondsturen");
	cr_assert_geq(y, 0, "the detail names the change");
	cr_assert(strstr(row(y + 1), "…"), "the second line ends the cut with a mark: %s", row(y + 1));
	cr_assert(strstr(row(y + 2), "door"), "when and by whom right under it: %s", row(y + 2));
	teardown(&f);
}

/* The tab of Wijzigingen is drawn when the bar has room for it with the
 * domains' codes (100 columns), and only when it is open where it would
 * push the other tabs down to their keys (60 columns with the fixture's
 * two domains; 80 with the shipped five). */
Test(screen, the_changes_tab_is_shown_where_there_is_room)
{
	struct fixture f;

	setup(&f, 100, 30);
	frame(&f);
	cr_assert(strstr(row(0), "9 Wijzigingen"), "room at 100 columns: %s", row(0));
	cr_assert(strstr(row(0), "7 Vergaderingen"), "%s", row(0));
	teardown(&f);

	setup(&f, 60, 24);
	frame(&f);
	cr_assert_null(strstr(row(0), "Wijzigingen"), "no room at 60 columns: %s", row(0));
	cr_assert(strstr(row(0), "7 Vergaderingen"), "the others keep their names: %s", row(0));
	keys(&f, "9");
	cr_assert(strstr(row(0), "9 Wijzigingen"), "open, it has its tab: %s", row(0));
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

/* --- text that terminals disagree on (issue 17, items 4 and 5) ------------ */

#define FAMILY "\U0001F468\u200D\U0001F469\u200D\U0001F467"	/* 👨‍👩‍👧 */
#define RLO "\u202E"
#define ZALGO "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301" \
	"\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301" \
	"\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301"	/* e + 30 × U+0301 */

/* The sample programme plus titles, trekkers and planning items holding
 * an emoji sequence, bidi overrides, joiners, a BOM and a stack of marks,
 * with periods so that they show in the Periode column and the Gantt. */
static void
setup_hostile(struct fixture *f, int w, int h)
{
	setup(f, w, h);
	put(f->db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Gezin " FAMILY " in de wijk", "Toelichting " RLO "tfel" "\u202C" " en " ZALGO, "Emre " FAMILY " Ünver", "lopend", "2024-01-01", "2024-06-30" });
	put(f->db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Trojan " RLO "edoc" "\u202C" " einde", "", "x" RLO "y", "afgerond", "2024-02-01", "2024-05-31" });
	put(f->db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Zero\u200Dwidth \uFEFFbom", ZALGO, "Saïda\u200D", "gepland", "2024-03-01", "2024-12-31" });
	put(f->db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", ZALGO " " FAMILY "\u2764\uFE0F", "", FAMILY FAMILY FAMILY FAMILY FAMILY FAMILY, "lopend", "2024-02-15", "" });
	put(f->db, "planning", (const char *const[ENTITY_MAX_FIELDS]){ "2024-05-01", "Feest " FAMILY " " RLO "abc", "EID", "", "" });
	put(f->db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Bel " FAMILY " " RLO "terug", "Saïda\u200D\uFEFF", "2024-02-01", "open", "EID" });
	put(f->db, "successen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "2023", "Feest " FAMILY " " RLO "gnuk", ZALGO " " FAMILY });
	app_key(f->app, KC_RESIZE);	/* the data changed under the app */
}

/* Code points that must never reach the terminal as they are. */
static const char *const raw_forbidden[] = {
	"\u202E", "\u202C", "\u200D", "\uFEFF", "\u200B", "\uFE0F", NULL,
};

/*
 * Every row of the terminal measures exactly its width by the rules of
 * every kind of terminal, so the cursor ends where curses thinks it is
 * (else the terminal keeps stale cells), and holds none of the invisible
 * characters that move or hide text.
 */
static void
expect_rows_agree(const char *where)
{
	for (int y = 0; y < LINES; y++) {
		const char *r = row(y);

		for (int k = 0; k < TERM_KINDS; k++) {
			if (term_columns(k, r) != COLS) {
				for (int i = 0; i < LINES; i++)
					fprintf(stderr, "%2d|%s|\n", i, row(i));
			}
			cr_assert_eq(term_columns(k, r), COLS,
				     "%s, row %d at %dx%d: a %s terminal draws %d columns: |%s|",
				     where, y, COLS, LINES, term_name(k), term_columns(k, r), r);
		}
		for (int i = 0; raw_forbidden[i]; i++)
			cr_assert_null(strstr(r, raw_forbidden[i]), "%s, row %d: raw %s in |%s|",
				       where, y, raw_forbidden[i], r);
	}
}

/* Every view, a selected hostile row and its details. */
static void
tour_hostile(struct fixture *f)
{
	/* "1Gj": a domain's successes, the stop after its last actielijn */
	static const char *const stops[] = { "0", "1", "G", "k", "k", "1Gj", "2", "G", "6", "7", "8", "G", "9", "G",
					     "?", NULL };

	frame(f);
	expect_rows_agree("overview");
	for (int i = 0; stops[i]; i++) {
		keys(f, stops[i]);
		expect_rows_agree(stops[i]);
		expect_screen_is_grid(f);
		app_key(f->app, KC_ESC);
	}
}

Test(screen, hostile_text_lines_up_on_every_terminal_at_80x24)
{
	struct fixture f;

	setup_hostile(&f, 80, 24);
	tour_hostile(&f);
	keys(&f, "1");
	expect("Gezin \U0001F468\U0001F469\U0001F467");	/* the sequence as its faces */
	expect("Trojan ⟨U+202E⟩edoc");
	expect("Saïda⟨U+200D⟩");
	keys(&f, "Gj");	/* past the last actielijn: the success, in the detail too */
	expect("succes 1/1");
	expect("Feest \U0001F468\U0001F469\U0001F467 ⟨U+202E⟩gnuk");
	teardown(&f);
}

Test(screen, hostile_text_lines_up_on_every_terminal_at_140x40)
{
	struct fixture f;
	int y;

	setup_hostile(&f, 140, 40);
	tour_hostile(&f);
	keys(&f, "1");
	expect("Zero⟨U+200D⟩width ⟨U+FEFF⟩bom");
	keys(&f, "jjjj");
	expect("Trekker: Saïda⟨U+200D⟩");
	y = row_with("e\u0301\u0301\u0301\u0301");	/* the toelichting: four marks kept */
	cr_assert_geq(y, 0);
	cr_assert_null(strstr(row(y), "e\u0301\u0301\u0301\u0301\u0301"));
	teardown(&f);
}

/* Issue 13: a search ignores case and accents both ways. */
Test(screen, search_folds_case_and_accents_both_ways)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Kansen CREËREN", "Jan Unver", "2024-09-01", "open", "EID" });
	app_key(f.app, KC_RESIZE);
	keys(&f, "/unver\n");		/* finds Emre Ünver (and Jan Unver) */
	expect("treffer 1/2");
	app_key(f.app, KC_ESC);
	keys(&f, "/ünver\n");		/* finds Jan Unver (and Emre Ünver) */
	expect("treffer 1/2");
	app_key(f.app, KC_ESC);
	keys(&f, "/COOPERATIE\n");	/* Coöperatie 🌍 Nieuw-West */
	expect("treffer 1/");
	expect("Een coöperatie van bewoners.");
	app_key(f.app, KC_ESC);
	keys(&f, "/creëren\n");
	expect("treffer 1/1");
	expect("Kansen CREËREN");
	teardown(&f);
}

/* All rows of the terminal, one string per row (freed by the caller). */
static char **
rows_now(void)
{
	char **r = calloc((size_t)LINES, sizeof(*r));

	for (int y = 0; y < LINES; y++)
		r[y] = strdup(row(y));
	return r;
}

/*
 * What a long session leaves on the terminal (moves, views, resizes)
 * equals a fresh start that goes straight to the same place.
 */
Test(screen, hostile_text_leaves_nothing_behind_after_redraws_and_resizes)
{
	struct fixture f;
	char **incremental;
	int h;

	setup_hostile(&f, 80, 24);
	keys(&f, "1");
	keys(&f, "j");
	keys(&f, "j");
	keys(&f, "G");
	keys(&f, "6");
	keys(&f, "2");
	keys(&f, "G");
	screen_resize(f.scr, 140, 40);
	app_key(f.app, KC_RESIZE);
	keys(&f, "1");
	keys(&f, "k");
	screen_resize(f.scr, 100, 30);
	app_key(f.app, KC_RESIZE);
	keys(&f, "1");
	screen_resize(f.scr, 80, 24);
	app_key(f.app, KC_RESIZE);
	keys(&f, "1jjjk");
	expect_rows_agree("after the session");
	expect_screen_is_grid(&f);
	incremental = rows_now();
	h = LINES;
	teardown(&f);

	setup_hostile(&f, 80, 24);
	keys(&f, "1jjjk");
	expect("rij 3/6");
	cr_assert_eq(LINES, h);
	for (int y = 0; y < h; y++)
		if (strcmp(row(y), incremental[y]) != 0)
			for (int i = 0; i < h; i++)
				fprintf(stderr, "%2d|%s|\n  |%s|\n", i, incremental[i], row(i));
	for (int y = 0; y < h; y++)
		cr_assert_str_eq(row(y), incremental[y], "row %d differs from a fresh start", y);
	for (int y = 0; y < h; y++)
		free(incremental[y]);
	free(incremental);
	teardown(&f);
}

/* A wide character partly overwritten leaves a blank, never half of it. */
Test(screen, overwriting_half_a_wide_character_blanks_the_other_half)
{
	struct grid g = { 0 };
	char buf[256];

	cr_assert_eq(grid_resize(&g, 10, 1), 0);
	grid_text(&g, 0, 0, 10, ROLE_NORMAL, "a\U0001F468\U0001F469b");
	grid_row_text(&g, 0, 0, 10, buf, sizeof(buf));
	cr_assert_str_eq(buf, "a\U0001F468\U0001F469b    ");
	grid_text(&g, 2, 0, 1, ROLE_NORMAL, "x");	/* the right half of 👨 */
	grid_row_text(&g, 0, 0, 10, buf, sizeof(buf));
	cr_assert_str_eq(buf, "a x\U0001F469b    ");
	grid_text(&g, 3, 0, 1, ROLE_NORMAL, "y");	/* the left half of 👩 */
	grid_row_text(&g, 0, 0, 10, buf, sizeof(buf));
	cr_assert_str_eq(buf, "a xy b    ");
	grid_text(&g, 6, 0, 4, ROLE_NORMAL, "\U0001F467\U0001F467");
	grid_fill(&g, (struct rect){ 7, 0, 2, 1 }, L'-', ROLE_NORMAL);	/* halves of both */
	grid_row_text(&g, 0, 0, 10, buf, sizeof(buf));
	cr_assert_str_eq(buf, "a xy b -- ");
	/* cells poked directly: half characters draw as blanks */
	g.cells[4].ch[0] = L'\U0001F467';	/* wide, but no right half after it */
	g.cells[2].ch[0] = 0;			/* a right half without its left */
	grid_row_text(&g, 0, 0, 10, buf, sizeof(buf));
	cr_assert_str_eq(buf, "a  y b -- ");
	grid_free(&g);
}

/* A cluster of thirty marks keeps four in its cell; the rest of the row
 * is untouched. */
Test(screen, a_cell_holds_a_character_and_four_marks)
{
	struct grid g = { 0 };
	char buf[256];

	cr_assert_eq(grid_resize(&g, 6, 2), 0);
	grid_text(&g, 0, 0, 6, ROLE_NORMAL, ZALGO "xy");
	grid_row_text(&g, 0, 0, 6, buf, sizeof(buf));
	cr_assert_str_eq(buf, "e\u0301\u0301\u0301\u0301xy   ");
	/* a flag is two characters of one column: never wrapped apart */
	grid_fill(&g, (struct rect){ 0, 0, 6, 2 }, L' ', ROLE_NORMAL);
	cr_assert_eq(grid_wrap(&g, (struct rect){ 0, 0, 3, 2 }, ROLE_NORMAL, "ab\U0001F1F3\U0001F1F1", 0), 2);
	grid_row_text(&g, 0, 1, 6, buf, sizeof(buf));
	cr_assert_str_eq(buf, "\U0001F1F3\U0001F1F1    ");
	grid_free(&g);
}

/* The edit form shows hostile values with markers too, and its rows
 * line up on every terminal. */
Test(screen, hostile_text_in_an_edit_form_lines_up_and_shows_markers)
{
	struct fixture f;
	struct formui *u;
	int cx, cy;

	setup_hostile(&f, 80, 24);
	keys(&f, "1jj");
	expect("rij 3/6");	/* Trojan ‮edoc‬ einde */
	cr_assert(app_key(f.app, 'e') & APP_FORM);
	u = formui_new(f.app);
	cr_assert_not_null(u);
	render_frame(f.app, &f.g);
	formui_render(u, &f.g, &cx, &cy);
	screen_paint(f.scr, &f.g);
	expect("Trojan ⟨U+202E⟩edoc⟨U+202C⟩ einde");
	expect("x⟨U+202E⟩y");
	expect_rows_agree("edit form");
	expect_screen_is_grid(&f);
	formui_free(u);
	teardown(&f);
}

/* A skin tone is a unit of its own in the form's editor, and a Hangul
 * filler a wide blank: both show as markers, as in the dashboard. */
Test(screen, an_edit_form_marks_what_the_dashboard_marks)
{
	struct fixture f;
	struct formui *u;
	int cx, cy;

	setup_hostile(&f, 80, 24);
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Zwaai \U0001F44B\U0001F3FD en \u3164 vulling", "", "", "lopend", "", "" });
	app_key(f.app, KC_RESIZE);
	keys(&f, "1G");
	expect("Zwaai \U0001F44B en ⟨U+3164⟩ vulling");	/* the list */
	cr_assert(app_key(f.app, 'e') & APP_FORM);
	u = formui_new(f.app);
	cr_assert_not_null(u);
	render_frame(f.app, &f.g);
	formui_render(u, &f.g, &cx, &cy);
	screen_paint(f.scr, &f.g);
	expect("Zwaai \U0001F44B⟨U+1F3FD⟩ en ⟨U+3164⟩ vulling");
	expect_rows_agree("edit form");
	formui_free(u);
	teardown(&f);
}

/* --- edit forms: drawn into the grid (tests/test_form.c), painted here ------ */

Test(form, help_lists_the_form_keys_too)
{
	struct fixture f;

	setup(&f, 160, 50);
	keys(&f, "?");
	expect("In een formulier");
	for (int i = 0; i < keys_form_count(); i++) {
		const struct form_key_def *k = keys_form_get(i);
		char names[64], shown[64], *save = NULL;
		int y = row_with(k->label);

		cr_assert_geq(y, 0, "help lacks '%s'", k->label);
		cr_assert(strstr(row(y), keys_shown(k->keys, shown, sizeof(shown))), "help row of '%s' lacks '%s'",
			  k->label, shown);
		snprintf(names, sizeof(names), "%s", k->keys);
		for (char *name = strtok_r(names, " ", &save); name; name = strtok_r(NULL, " ", &save))
			cr_assert_eq(keys_form_key(keys_parse(name)), k->key, "form key %s", name);
	}
	teardown(&f);
}

Test(form, the_painter_shows_the_form_and_puts_the_cursor_in_its_field)
{
	struct fixture f;
	struct formui *u;
	int cx, cy, x, y;

	setup(&f, 80, 24);
	keys(&f, "1");
	cr_assert(app_key(f.app, 'a') & APP_FORM);
	u = formui_new(f.app);
	cr_assert_not_null(u);
	for (const char *p = "Coöperatie"; *p;) {
		uint32_t cp;

		p += text_utf8_decode(p, SIZE_MAX, &cp);
		formui_key(u, (int)cp);
	}
	render_frame(f.app, &f.g);
	formui_render(u, &f.g, &cx, &cy);
	screen_cursor(f.scr, cx, cy);
	screen_paint(f.scr, &f.g);
	getyx(stdscr, y, x);	/* before reading the screen back moves it */
	expect("Nieuwe actielijn");
	expect("Coöperatie");
	expect_screen_is_grid(&f);
	cr_assert_eq(y, cy, "cursor at %d,%d, form says %d,%d", x, y, cx, cy);
	cr_assert_eq(x, cx);
	cr_assert_eq(y, row_with("Coöperatie"));
	cr_assert_eq(x, col_of(y, "Co") + 10, "the cursor follows the ten characters typed");
	screen_cursor(f.scr, -1, -1);
	formui_free(u);
	teardown(&f);
}
