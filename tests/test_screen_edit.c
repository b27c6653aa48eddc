/*
 * Editing the procesmanager can trust (issue 13), on the real drawing
 * path: the selection follows its entry through every re-read, search
 * goes to the hit, every text can be read whole, the wheel scrolls the
 * pane under the pointer, successes and domains are edited like the
 * rest, no key is offered where it does nothing, filters belong to their
 * view and say what they hide. Each test reproduces what was seen.
 */
#include <criterion/criterion.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "screen_fixture.h"
#include "store/stmt.h"

/* The status line. */
static const char *
status(void)
{
	return row(LINES - 1);
}

static void
expect_status(const char *text)
{
	if (!strstr(status(), text))
		for (int y = 0; y < LINES; y++)
			fprintf(stderr, "%2d|%s|\n", y, row(y));
	cr_assert(strstr(status(), text), "status line lacks '%s': %s", text, status());
}

static void
expect_not(const char *text)
{
	if (screen_has(text))
		for (int y = 0; y < LINES; y++)
			fprintf(stderr, "%2d|%s|\n", y, row(y));
	cr_assert(!screen_has(text), "screen shows '%s'", text);
}

/* Sends one key code (an arrow, Esc), then a frame. */
static void
key(struct fixture *f, int code)
{
	app_key(f->app, code);
	frame(f);
}

/* The selected row: the first row painted in the selection's colours
 * (A_REVERSE without colours) from column x, or -1. */
static int
selected_row(int x)
{
	for (int y = 1; y < LINES - 1; y++) {
		cchar_t cc;
		attr_t a;
		short p;
		wchar_t wch[CCHARW_MAX + 1];

		mvin_wch(y, x, &cc);
		getcchar(&cc, wch, &a, &p, NULL);
		if (a & A_REVERSE)
			return y;
	}
	return -1;
}

/* Whether the cell at (x, y) is painted as selected. */
static bool
selected_at(int y, int x)
{
	cchar_t cc;
	attr_t a;
	short p;
	wchar_t wch[CCHARW_MAX + 1];

	mvin_wch(y, x, &cc);
	getcchar(&cc, wch, &a, &p, NULL);
	return (a & A_REVERSE) != 0;
}

/* --- 2. the action lands on the entry it names --------------------------- */

/* In Acties (open first) space on row 1 marks it done; it moves down and
 * the cursor goes with it, so a second space opens the same action again
 * and d asks about that one. */
Test(trust, space_twice_acts_on_the_same_action)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Notulen delen", "Secretaris", "2024-03-01", "open", "" });
	keys(&f, "8");
	expect_status("rij 1/3");
	keys(&f, " ");
	expect_status("Actie gedaan “Agenda rondsturen”");
	expect_status("rij 2/3");
	cr_assert_eq(selected_row(2), row_with("Agenda rondsturen"), "the cursor stays on the action");
	keys(&f, " ");
	expect_status("Actie weer open “Agenda rondsturen”");
	expect_status("rij 1/3");
	keys(&f, " d");
	expect_status("Actie verwijderen “Agenda rondsturen”?");
	keys(&f, "n");
	teardown(&f);
}

/* Undo and redo put the cursor on the entry they changed, and a filter
 * that still shows the selected entry keeps it selected. */
Test(trust, undo_and_filter_keep_the_entry)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Notulen delen", "Secretaris", "2024-03-01", "open", "" });
	keys(&f, "8j");
	expect_status("rij 2/3");	/* Notulen delen */
	keys(&f, " ");
	expect_status("Actie gedaan “Notulen delen”");
	keys(&f, "gu");
	expect_status("Ongedaan gemaakt: actie gedaan");
	cr_assert_eq(selected_row(2), row_with("Notulen delen"));
	keys(&f, "f");			/* open ones: Notulen delen is one */
	expect("filter: open");
	cr_assert_eq(selected_row(2), row_with("Notulen delen"));
	keys(&f, "s");			/* by owner: still the same one */
	cr_assert_eq(selected_row(2), row_with("Notulen delen"));
	teardown(&f);
}

/* A change from another process re-reads the list; the cursor stays on
 * its entry although the entry now sorts elsewhere. */
Test(trust, another_process_moves_the_entry)
{
	struct fixture f;
	struct db *other;
	char path[] = "/tmp/snw-trust-XXXXXX", dbpath[64];
	struct result_info why;
	int fd = mkstemp(path);

	cr_assert_geq(fd, 0);
	close(fd);
	unlink(path);
	snprintf(dbpath, sizeof(dbpath), "%s.db", path);
	memset(&f, 0, sizeof(f));
	open_screen(&f, 80, 24);
	cr_assert_eq(db_create(dbpath, &f.db, &why), 0, "%s", test_result(&why));
	cr_assert_eq(db_mark_complete(f.db), 0);
	put(f.db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Eigenaarschap", "", "domein", "1" });
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Alfa", "", "", "lopend", "", "" });
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Beta", "", "", "lopend", "", "" });
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Gamma", "", "", "lopend", "", "" });
	f.app = app_new(f.db, false);
	keys(&f, "1");
	expect_status("rij 1/3");	/* Alfa */
	cr_assert_eq(db_open(dbpath, false, &other, &why), 0, "%s", test_result(&why));
	cr_assert_eq(db_exec(other, "UPDATE actielijnen SET titel = 'Zeta' WHERE titel = 'Alfa'"), 0);
	db_close(other);
	cr_assert(app_poll(f.app) & APP_REDRAW);
	frame(&f);
	expect_status("rij 3/3");
	cr_assert_eq(selected_row(2), row_with("Zeta"));
	teardown(&f);
	unlink(dbpath);
}

/* --- 3. search goes to the hit ------------------------------------------- */

/* n goes to the milestone that matched, not to a bar: the status line
 * says so and e edits the milestone. */
Test(trust, a_hit_on_a_milestone_selects_it)
{
	struct fixture f;

	setup(&f, 80, 24);
	keys(&f, "/wijkallianties\n");
	expect_status("treffer 1/2 (actielijn)");
	keys(&f, "n");
	expect_status("treffer 2/2 (mijlpaal)");
	cr_assert(app_key(f.app, 'e') & APP_FORM, "%s", f.app->msg);
	cr_assert_eq(f.app->form->e, &entity_planning);
	cr_assert_str_eq(f.app->form->val[f.app->form->e->title], "Evaluatie wijkallianties");
	cr_assert(strstr(f.app->form->heading, "“Evaluatie wijkallianties”"), "%s", f.app->form->heading);
	teardown(&f);
}

/* A milestone of another year shows that year; a planning item without a
 * date opens the list of what has no date on it. */
Test(trust, a_hit_on_a_planning_item_shows_its_year_or_the_undated)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "planning", (const char *const[ENTITY_MAX_FIELDS]){ "2025-03-01", "Slotdag van de alliantie", "", "", "" });
	put(f.db, "planning", (const char *const[ENTITY_MAX_FIELDS]){ "", "Terugkomdag zonder datum", "", "", "" });
	keys(&f, "/slotdag\n");
	expect("Planning 2025");
	expect_status("mijlpaal 1/1");
	keys(&f, "/terugkomdag\n");
	expect("Zonder datum (2)");
	expect_status("zonder datum 2/2");
	cr_assert(app_key(f.app, 'e') & APP_FORM);
	cr_assert_str_eq(f.app->form->val[f.app->form->e->title], "Terugkomdag zonder datum");
	teardown(&f);
}

/* A decision far down its meeting: the meeting opens with the decision
 * selected and on screen. */
Test(trust, a_hit_on_a_decision_opens_its_meeting_there)
{
	struct fixture f;
	char text[120];

	setup(&f, 80, 24);
	for (int i = 1; i <= 14; i++) {
		snprintf(text, sizeof(text), "Besluit nummer %d van de vergadering over de begroting en de planning"
			 " van het programma", i);
		if (i == 10)
			snprintf(text, sizeof(text), "Emre Ünver deelt de uitkomst met de raad");
		put(f.db, "besluiten", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Punt", text });
	}
	keys(&f, "7");			/* closed, it says how many more there are */
	expect("besluiten (Enter opent de vergadering)");
	keys(&f, "/uitkomst met de raad\n");
	expect_status("besluit 11/15");
	expect_status("treffer 1/1 (besluit)");
	expect("Emre Ünver deelt de uitkomst met de raad");
	cr_assert_eq(edit_selection(f.app).e, &entity_besluiten);
	teardown(&f);
}

/* A word in a success's explanation: the domain shows with the success
 * selected and its explanation on screen. */
Test(trust, a_hit_in_a_successs_explanation_shows_it)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "successen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "2023", "Buurtteams gestart", "Met de wijkraad van Osdorp opgezet." });
	keys(&f, "/wijkraad\n");
	expect_status("treffer 1/1 (succes)");
	expect_status("succes 1/1");
	expect("Met de wijkraad van Osdorp opgezet.");
	teardown(&f);
}

/* --- 4. every text can be read whole -------------------------------------- */

#define LONG_DECISION "Uitvoeringsprogramma is gereed en het AB is er trots op. Het wordt een" \
	" verdiepend document dat erbij komt. Het Rijk stuurt nog wat tekstuele wijzigingen, staat iig bij" \
	" financiën 2 keer genoemd en dat moet eruit voordat het naar de raad gaat, zegt de wethouder."

/* A decision cut to fit ends in "…"; Enter in the open meeting shows it
 * whole, scrolled with the arrows, and Esc goes back. */
Test(trust, a_cut_decision_says_so_and_enter_shows_it_whole)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "besluiten", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "3. Uitvoeringsprogramma", LONG_DECISION });
	keys(&f, "7");
	expect("…");
	expect_not("wethouder.");
	keys(&f, "\n");
	expect_status("besluit 1/2");
	keys(&f, "j\n");
	expect("wethouder.");
	expect("Agendapunt");
	expect("3. Uitvoeringsprogramma");
	key(&f, KC_ESC);
	expect_status("besluit 2/2");
	teardown(&f);
}

/* A decision of several lines hangs beside its bullet: its next lines
 * start under its text, not under the bullet. */
Test(trust, a_long_decision_hangs_beside_its_bullet)
{
	struct fixture f;
	char next[512];
	int y, x;

	setup(&f, 80, 24);
	put(f.db, "besluiten", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "3. Uitvoeringsprogramma", LONG_DECISION });
	keys(&f, "7");
	y = row_with("• 3. Uitvoeringsprogramma");
	cr_assert_geq(y, 0);
	x = col_of(y, "3. Uitvoeringsprogramma");
	snprintf(next, sizeof(next), "%s", row(y + 1));
	cr_assert_eq((int)strspn(next, " "), x, "the second line starts under the text: '%s'", next);
	teardown(&f);
}

/* Enter on an action, an actielijn and a milestone shows it whole. */
Test(trust, enter_shows_any_entry_whole)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", LONG_DECISION, "Secretaris", "2024-02-02", "open", "" });
	put(f.db, "planning", (const char *const[ENTITY_MAX_FIELDS]){ "2024-02-01", "Bijeenkomst met alle alliantiepartners over de uitvoering", "", "", "" });
	keys(&f, "8j");
	expect_not("wethouder.");
	keys(&f, "\n");
	expect("wethouder.");
	expect("Eigenaar");
	key(&f, KC_ESC);
	keys(&f, "1\n");
	expect("Een coöperatie van bewoners.");
	expect("Trekker");
	expect("Saïda");
	key(&f, KC_ESC);
	keys(&f, "6");
	key(&f, KC_UP);
	key(&f, KC_UP);
	key(&f, KC_UP);
	expect_status("mijlpaal 1/3");
	expect("Bijeenkomst met al…");
	expect_not("over de uitvoering");
	keys(&f, "\n");
	expect("Bijeenkomst met alle alliantiepartners over de uitvoering");
	teardown(&f);
}

/* What has no date is a list: Down past the last bar onto its line,
 * Enter lists them, Enter shows one whole, Esc goes back. */
Test(trust, the_undated_are_a_list_to_enter)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "planning", (const char *const[ENTITY_MAX_FIELDS]){ "", "Terugkomdag met alle bewoners die meedoen aan de wijkallianties", "", "", "" });
	keys(&f, "6G");
	expect_status("rij 3/3");
	keys(&f, "j");
	expect_status("zonder datum");
	keys(&f, "\n");
	expect_status("zonder datum 1/2");
	expect("planningsitem");
	keys(&f, "j\n");
	expect("Terugkomdag met alle bewoners die meedoen aan de wijkallianties");
	key(&f, KC_ESC);
	key(&f, KC_ESC);
	expect("Planning 2024");
	teardown(&f);
}

/* --- 5. the wheel scrolls the pane under the pointer ------------------------ */

/* In an open meeting the wheel scrolls its decisions (its cursor moves
 * with them, so e never acts on one out of sight); the meeting stays. */
Test(trust, the_wheel_scrolls_an_open_meetings_decisions)
{
	struct fixture f;
	char text[160];

	setup(&f, 80, 24);
	put(f.db, "vergaderingen", (const char *const[ENTITY_MAX_FIELDS]){ "2023-12-21", "AB-vergadering", "Alliantiebestuur december", "" });
	for (int i = 1; i <= 14; i++) {
		snprintf(text, sizeof(text), "Besluit nummer %d, over de begroting en de planning van het programma"
			 " voor dit jaar", i);
		put(f.db, "besluiten", (const char *const[ENTITY_MAX_FIELDS]){ "2023-12-21", "", text });
	}
	keys(&f, "7j\n");
	expect("Alliantiebestuur december");
	expect("Besluit nummer 1,");
	expect_status("besluit 1/14");
	for (int i = 0; i < 5; i++)
		app_mouse(f.app, 10, 12, 1);
	frame(&f);
	expect("Alliantiebestuur december");
	expect_status("besluit 14/14");
	expect("Besluit nummer 14,");
	expect_not("Besluit nummer 1,");
	cr_assert(selected_at(row_with("Besluit nummer 14,"), 2), "the cursor is in sight");
	teardown(&f);
}

/* In a domain the wheel over the successes scrolls them, over the list
 * the list. */
Test(trust, the_wheel_scrolls_the_pane_it_is_over)
{
	struct fixture f;
	char title[80];
	int y;

	setup(&f, 80, 24);
	for (int i = 1; i <= 12; i++) {
		snprintf(title, sizeof(title), "Succes nummer %02d", i);
		put(f.db, "successen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "2023", title, "" });
	}
	keys(&f, "1");
	expect("Succes nummer 01");
	y = row_with("Succes nummer 01");
	app_mouse(f.app, 10, y, 1);
	frame(&f);
	expect_not("Succes nummer 01");
	expect_status("rij 1/3");	/* the list did not move */
	teardown(&f);
}

/* --- 6. successes and domains are edited like the rest ---------------------- */

/* The cursor walks from the domain through the actielijnen into the
 * successes; e, d and a act on what it is on. */
Test(trust, successes_and_the_domain_are_selected_and_edited)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "successen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "2023", "Buurtteams gestart", "Met bewoners uit Osdorp." });
	keys(&f, "1G");
	expect_status("rij 3/3");
	keys(&f, "j");
	expect_status("succes 1/1");
	expect("Met bewoners uit Osdorp.");
	cr_assert(app_key(f.app, 'e') & APP_FORM);
	cr_assert_eq(f.app->form->e, &entity_successen);
	cr_assert_str_eq(f.app->form->val[f.app->form->e->title], "Buurtteams gestart");
	edit_form_set(f.app->form, f.app->form->e->title, "Buurtteams opgericht");
	cr_assert_eq(edit_save(f.app, f.app->form), EDIT_SAVED, "%s", f.app->form->msg);
	edit_form_free(f.app->form);
	f.app->form = NULL;
	frame(&f);
	expect_status("Succes gewijzigd “Buurtteams opgericht”");
	expect_status("succes 1/1");
	keys(&f, "d");
	expect_status("Succes verwijderen “Buurtteams opgericht”?");
	keys(&f, "j");
	expect("(nog geen successen");
	keys(&f, "u");
	expect_status("Ongedaan gemaakt: succes verwijderd");
	expect("Buurtteams opgericht");
	/* a adds a success to this domain while one is selected */
	keys(&f, "G");
	expect_status("succes 1/1");
	cr_assert(app_key(f.app, 'a') & APP_FORM);
	cr_assert_eq(f.app->form->e, &entity_successen);
	cr_assert_str_eq(f.app->form->val[entity_field_index(&entity_successen, "domein")],
			 "Eigenaarschap, Inclusie en Democratie");
	edit_form_free(f.app->form);
	f.app->form = NULL;
	/* Up from the first actielijn: the domain itself (shown again, the
	 * domain starts on its actielijnen) */
	keys(&f, "01g");
	expect_status("rij 1/3");
	key(&f, KC_UP);
	expect_status("het domein");
	cr_assert(app_key(f.app, 'e') & APP_FORM);
	cr_assert_eq(f.app->form->e, &entity_domeinen);
	edit_form_set(f.app->form, entity_field_index(&entity_domeinen, "motto"), "Samen met bewoners");
	cr_assert_eq(edit_save(f.app, f.app->form), EDIT_SAVED, "%s", f.app->form->msg);
	edit_form_free(f.app->form);
	f.app->form = NULL;
	frame(&f);
	expect("Eigenaarschap, Inclusie en Democratie — Samen met bewoners");
	teardown(&f);
}

/* At 200×50 the successes follow the detail, with their explanations,
 * instead of one line under forty blank ones. */
Test(trust, a_large_domain_view_gives_the_successes_room)
{
	struct fixture f;

	setup(&f, 200, 50);
	put(f.db, "successen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "2023", "Buurtteams gestart", "Met bewoners uit Osdorp." });
	keys(&f, "1");
	cr_assert_lt(row_with("Successen (1)"), 12, "the successes sit under the detail");
	cr_assert_eq(row_with("Met bewoners uit Osdorp."), row_with("Buurtteams gestart") + 1);
	teardown(&f);
}

/* A long explanation is shown whole where there is room for it (it was
 * cut at three lines with twenty blank ones under it), and cut with "…"
 * where there is not. */
Test(trust, a_long_explanation_takes_the_room_there_is)
{
	struct fixture f;
	char expl[2000] = "Begin van de toelichting.";

	for (int i = 0; i < 30; i++)
		strcat(expl, " Bewoners, scholen en corporaties werken samen.");
	strcat(expl, " Einde van de toelichting.");
	setup(&f, 200, 50);
	put(f.db, "successen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "2023", "Buurtteams gestart", expl });
	keys(&f, "1");
	expect("Begin van de toelichting.");
	expect("Einde van de toelichting.");
	teardown(&f);

	setup(&f, 200, 30);
	put(f.db, "successen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "2023", "Buurtteams gestart", expl });
	keys(&f, "1");
	expect("Begin van de toelichting.");
	cr_assert_not(screen_has("Einde van de toelichting."), "no room for all of it at 30 rows");
	cr_assert(screen_has("…"), "the cut is marked");
	teardown(&f);
}

/* --- 8. no dead keys ---------------------------------------------------------- */

/* Every key the status line offers does something in that view. */
static void
offered_keys_work(const char *view, const char *prepare)
{
	static const struct {
		const char *word;
		int key;
	} table[] = {
		{ "Tab weergave", '\t' }, { "Enter open", KC_ENTER }, { "Esc terug", KC_ESC },
		{ "/ zoek", '/' }, { "f filter", 'f' }, { "s sorteer", 's' }, { "a nieuw", 'a' },
		{ "e wijzig", 'e' }, { "? help", '?' },
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		struct fixture f;
		char before[8192] = "", after[8192] = "";
		int r;

		setup(&f, 200, 30);
		keys(&f, view);
		keys(&f, prepare);
		if (!strstr(status(), table[i].word)) {
			teardown(&f);
			continue;
		}
		for (int y = 0; y < LINES; y++)
			strncat(before, row(y), sizeof(before) - strlen(before) - 1);
		r = app_key(f.app, table[i].key);
		frame(&f);
		for (int y = 0; y < LINES; y++)
			strncat(after, row(y), sizeof(after) - strlen(after) - 1);
		cr_assert(r & (APP_FORM | APP_QUIT) || f.app->ask || f.app->prompt || f.app->help ||
			  strcmp(before, after) != 0,
			  "'%s' offered in view %s%s does nothing", table[i].word, view, prepare);
		cr_assert(!strstr(status(), "niet") || table[i].key == 'a', "%s: %s", table[i].word, status());
		teardown(&f);
	}
}

Test(trust, every_key_the_status_line_offers_works)
{
	offered_keys_work("0", "");
	offered_keys_work("1", "");
	offered_keys_work("6", "");
	offered_keys_work("7", "");
	offered_keys_work("7", "\n");
	offered_keys_work("8", "");
	offered_keys_work("9", "");
}

/* The overview offers no filter or sort, and says where they work. */
Test(trust, the_overview_offers_no_filter_or_sort)
{
	struct fixture f;

	setup(&f, 200, 30);
	frame(&f);
	cr_assert(!strstr(status(), "f filter"), "%s", status());
	cr_assert(!strstr(status(), "s sorteer"), "%s", status());
	keys(&f, "f");
	expect_status("filteren kan in een domein");
	teardown(&f);
}

/* Vergaderingen shows its sort; an open meeting takes Enter for the
 * entry under the cursor (the meeting itself above its first decision),
 * Esc to close, Right for the next meeting in time. */
Test(trust, the_meetings_sort_shows_and_an_open_meeting_keeps_its_keys)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "vergaderingen", (const char *const[ENTITY_MAX_FIELDS]){ "2023-12-21", "AB-vergadering", "Alliantiebestuur december", "" });
	keys(&f, "7");
	expect("sortering: datum, nieuwste eerst");
	keys(&f, "s");
	expect("sortering: datum, oudste eerst");
	keys(&f, "s");
	expect_status("rij 1/2");	/* 25 jan 2024, the newest */
	keys(&f, "j\n");
	expect("Alliantiebestuur december");
	key(&f, KC_RIGHT);
	expect("Alliantiebestuur januari");	/* later, not older */
	expect_status("besluit 1/1");
	keys(&f, "\n");
	expect("Het AB stelt de begroting 2024 vast.");
	expect("Agendapunt");
	key(&f, KC_ESC);
	expect_status("besluit 1/1");	/* still open */
	key(&f, KC_UP);			/* the meeting itself, read whole */
	expect_status("de vergadering");
	keys(&f, "\n");
	expect("Locatie");
	expect("Stadsdeelhuis");
	key(&f, KC_ESC);
	key(&f, KC_ESC);
	expect_status("rij 1/2");
	teardown(&f);
}

/* --- 9. a filter says what it hides ------------------------------------------- */

/* A new actielijn the domain's filter hides: the status line says so and
 * offers to clear it; j clears it and selects the new one. */
Test(trust, a_filter_that_hides_a_new_entry_offers_to_clear)
{
	struct fixture f;
	struct edit_form *form;

	setup(&f, 80, 24);
	keys(&f, "1ffffff");
	expect("filter: onbekend");
	cr_assert(app_key(f.app, 'a') & APP_FORM);
	form = f.app->form;
	edit_form_set(form, form->e->title, "Buurtbudget");
	cr_assert_eq(edit_save(f.app, form), EDIT_SAVED, "%s", form->msg);
	edit_form_free(form);
	f.app->form = NULL;
	frame(&f);
	expect_status("Filter ‘onbekend’ verbergt dit, wissen?");
	keys(&f, "j");
	expect("filter: alle");
	cr_assert_eq(selected_row(2), row_with("Buurtbudget"));
	/* in Acties, marking done what only open ones show asks the same;
	 * n keeps the filter, and another key just goes on */
	put(f.db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Notulen delen", "Secretaris", "2024-03-01", "open", "" });
	app_invalidate(f.app);
	keys(&f, "8f");
	expect("filter: open");
	expect_status("rij 1/2");
	keys(&f, " ");
	expect_status("Filter ‘open’ verbergt dit, wissen? Actie gedaan “Agenda");
	keys(&f, "n");
	expect("filter: open");
	expect_status("rij 1/1");
	keys(&f, " ");
	expect_status("Filter ‘open’ verbergt dit, wissen? Actie gedaan “Notulen");
	keys(&f, "?");
	expect("Toetsen — Esc of ? sluit deze hulp");
	teardown(&f);
}

/* --- 10. small things ------------------------------------------------------------ */

/* Today's mark never covers a month's name. */
Test(trust, today_never_covers_a_month)
{
	struct fixture f;
	int y;

	setup(&f, 80, 24);
	setenv("SNW_TODAY", "2026-12-02", 1);
	app_poll(f.app);
	keys(&f, "6");
	key(&f, KC_RIGHT);
	key(&f, KC_RIGHT);
	expect("Planning 2026");
	y = row_with("okt nov dec");
	cr_assert_geq(y, 0, "the months are whole");
	cr_assert(strstr(row(y - 1), "▼") || strstr(row(y), " ▼"), "today is marked");
	cr_assert(!strstr(row(y - 1), "▼0") && !strstr(row(y - 1), "2▼"), "%s", row(y - 1));
	teardown(&f);
}

/* The tab bar never cuts a label and never mixes names and codes. */
Test(trust, tabs_are_whole_and_alike)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "WERK", "Werk en Bestaanszekerheid", "", "domein", "3" });
	put(f.db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "WONEN", "Wonen en Leefomgeving", "", "domein", "4" });
	put(f.db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "JEUGD", "Kansen voor de Jeugd", "", "domein", "5" });
	app_invalidate(f.app);
	frame(&f);
	cr_assert(!strstr(row(0), "…"), "%s", row(0));
	cr_assert(!strstr(row(0), "Werk ") && !strstr(row(0), "Kansen"), "no names beside codes: %s", row(0));
	keys(&f, "3");
	cr_assert(!strstr(row(0), "…"), "%s", row(0));
	cr_assert(strstr(row(0), "3 WERK"), "%s", row(0));
	keys(&f, "7");
	cr_assert(strstr(row(0), "7 Vergaderingen"), "%s", row(0));
	teardown(&f);
}

/* Two titles that begin alike stay apart when cut. */
Test(trust, titles_that_begin_alike_stay_apart)
{
	struct fixture f;
	int a, b;

	setup(&f, 80, 24);
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Zeggenschap over Samen Nieuw-West – betrekken van bewoners - op bewoners in het AB", "", "", "", "", "" });
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Zeggenschap over Samen Nieuw-West – betrekken van bewoners - permanente dialoog", "", "", "", "", "" });
	keys(&f, "2");
	a = row_with("in het AB");
	b = row_with("dialoog");
	cr_assert_geq(a, 0);
	cr_assert_geq(b, 0);
	cr_assert(strstr(row(a), "Zeggensc"), "%s", row(a));
	teardown(&f);
}

/* The overview's figures have the same words at every size. */
Test(trust, the_overviews_figures_read_alike_at_every_size)
{
	int sizes[][2] = { { 80, 24 }, { 140, 45 }, { 200, 50 } };

	for (int i = 0; i < 3; i++) {
		struct fixture f;

		setup(&f, sizes[i][0], sizes[i][1]);
		frame(&f);
		expect("Successen 2023: 0");
		expect("Open acties: 1");
		expect("(1 te laat)");
		expect_not("Succ.");
		expect_not("Open: ");
		teardown(&f);
	}
}
