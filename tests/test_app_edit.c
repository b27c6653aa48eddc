/*
 * Editing from the dashboard without a terminal: what `a` opens in each
 * view, saving forms (validation with the importer's rules, conflicts),
 * delete with its question, toggling actions, the session's undo stack
 * and read-only. The keys go through app_key as the main loop sends them.
 */
#include <criterion/criterion.h>
#include <locale.h>

#include "tui/app.h"
#include "helpers.h"
#include "model/history.h"
#include "model/meetings.h"
#include "model/programme.h"

#define EID "Eigenaarschap, Inclusie en Democratie"

static struct db *db;
static struct app *app;

static const struct entity *
E(const char *name)
{
	return entity_find(name);
}

static void
put(struct db *d, const char *table, const char *const *vals)
{
	enum db_change ch;
	long long id;

	cr_assert_eq(db_upsert(d, E(table), vals, &ch, &id), 0, "%s: %s", table, test_why(d));
}

/* Two domains, an actielijn, a meeting with a decision and two actions. */
static void
fill(struct db *d)
{
	put(d, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ EID, "Wijkallianties", "Samen met bewoners.", "Emre", "lopend", "2024-01-01", "2024-12-31" });
	put(d, "vergaderingen", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "AB-vergadering", "Alliantiebestuur januari", "Stadsdeelhuis" });
	put(d, "besluiten", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Begroting", "Het AB stelt de begroting vast." });
	put(d, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Agenda rondsturen", "Programmabureau", "2024-02-01", "open", "" });
	put(d, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Verslag maken", "Secretaris", "", "gedaan", "" });
}

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("SNW_TODAY", "2024-03-15", 1);
	db = test_db_with_domains();
	fill(db);
	app = app_new(db, false);
	cr_assert_not_null(app);
}

static void
teardown(void)
{
	app_free(app);
	db_close(db);
}

TestSuite(app_edit, .init = setup, .fini = teardown);

/* Sends key codes (UTF-8 text: one key per character). */
static int
keys(const char *s)
{
	wchar_t w[64];
	size_t n = mbstowcs(w, s, 64);
	int r = 0;

	for (size_t i = 0; i < n; i++)
		r = app_key(app, (int)w[i]);
	return r;
}

static int
field(const struct entity *e, const char *col)
{
	int j = entity_field_index(e, col);

	cr_assert_geq(j, 0, "%s has no field %s", e->name, col);
	return j;
}

/* The form `a` opened; closes it. */
static const struct entity *
added_entity(int flags)
{
	const struct entity *e;

	cr_assert(flags & APP_FORM, "no form opened (message: %s)", app->msg);
	cr_assert_not_null(app->form);
	e = app->form->e;
	cr_assert_eq(app->form->id, 0, "a opens a new entry");
	cr_assert_eq(app->form->order[0], e->title, "the title field comes first");
	cr_assert_eq(app->form->focus, e->title, "and has the cursor");
	return e;
}

static void
close_form(void)
{
	edit_form_free(app->form);
	app->form = NULL;
}

Test(app_edit, a_adds_what_the_view_shows)
{
	const struct entity *e;

	/* a domain view: an actielijn of that domain, status gepland */
	e = added_entity(keys("1a"));
	cr_assert_eq(e, E("actielijnen"));
	cr_assert_str_eq(app->form->val[field(e, "domein")], EID);
	cr_assert_str_eq(app->form->val[field(e, "status")], "gepland");
	cr_assert(strstr(app->form->heading, "Nieuwe actielijn"), "%s", app->form->heading);
	close_form();

	cr_assert_eq(added_entity(keys("6a")), E("planning"));
	close_form();
	cr_assert_eq(added_entity(keys("7a")), E("vergaderingen"));
	cr_assert_str_eq(app->form->val[field(E("vergaderingen"), "soort")], "AB-vergadering");
	close_form();
	e = added_entity(keys("8a"));
	cr_assert_eq(e, E("acties"));
	cr_assert_str_eq(app->form->val[field(e, "status")], "open");
	close_form();

	/* the overview asks: an actielijn or a success for the selected
	 * pane's domain, or a new domain */
	app_key(app, '0');
	app_key(app, KC_RIGHT);
	cr_assert_eq(keys("a") & APP_FORM, 0);
	cr_assert_eq(app->ask, ASK_ADD_KIND);
	cr_assert(strstr(app->ask_keys, "a = actielijn, s = succes, d = domein"), "%s", app->ask_keys);
	e = added_entity(keys("a"));
	cr_assert_eq(e, E("actielijnen"));
	cr_assert_str_eq(app->form->val[field(e, "domein")], "Veiligheid");
	close_form();
	e = added_entity(keys("as"));
	cr_assert_eq(e, E("successen"));
	cr_assert_str_eq(app->form->val[field(e, "domein")], "Veiligheid");
	close_form();
	cr_assert_eq(added_entity(keys("ad")), E("domeinen"));
	close_form();
}

Test(app_edit, in_an_open_meeting_a_asks_besluit_or_actie)
{
	const struct entity *e;

	keys("7");
	app_key(app, KC_ENTER);		/* the meeting's detail gets the focus */
	cr_assert_eq(keys("a") & APP_FORM, 0);
	cr_assert_eq(app->ask, ASK_ADD_KIND);
	cr_assert(strstr(app->ask_keys, "b = besluit"), "%s", app->ask_keys);
	e = added_entity(keys("b"));
	cr_assert_eq(e, E("besluiten"));
	cr_assert_str_eq(app->form->val[field(e, "vergadering")], "2024-01-25");
	close_form();
	e = added_entity(keys("aa"));
	cr_assert_eq(e, E("acties"));
	cr_assert_str_eq(app->form->val[field(e, "vergadering")], "2024-01-25");
	close_form();
	keys("a");
	app_key(app, KC_ESC);
	cr_assert_eq(app->ask, ASK_NONE);
	cr_assert_null(app->form);
}

Test(app_edit, a_new_actielijn_needs_only_its_title)
{
	struct edit_form *f;
	int t, s;

	keys("1a");
	f = app->form;
	t = field(f->e, "titel");
	s = field(f->e, "start");
	/* nothing typed: the title is missing, nothing is written */
	cr_assert_eq(edit_save(app, f), EDIT_INVALID);
	cr_assert_neq(f->err[t][0], '\0');
	cr_assert_eq(f->focus, t);
	/* a date in any importer format; a bad one is refused beside its field */
	edit_form_set(f, t, "Coöperatie creëren");
	edit_form_set(f, s, "voorjaar");
	cr_assert_eq(edit_save(app, f), EDIT_INVALID);
	cr_assert(strstr(f->err[s], "geen datum"), "%s", f->err[s]);
	cr_assert_eq(f->err[t][0], '\0');
	cr_assert_eq(f->focus, s);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 1, "an invalid form is never saved");
	edit_form_set(f, s, "Q2 2024");
	cr_assert_eq(edit_save(app, f), EDIT_SAVED, "%s", f->msg);
	close_form();
	cr_assert_str_eq(test_text(db, "SELECT a.start || '|' || a.status || '|' || d.code FROM actielijnen a"
				       " JOIN domeinen d ON d.id = a.domein_id WHERE titel = 'Coöperatie creëren'"),
			 "2024-04-01|gepland|EID");
	cr_assert(strstr(app->msg, "Actielijn toegevoegd “Coöperatie creëren”"), "%s", app->msg);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie WHERE bron = 'form'"), 1);
	/* the new one is selected in the list */
	cr_assert_str_eq(actielijn_row(list_row(app_list(app), app_list(app)->cur)).titel, "Coöperatie creëren");
}

Test(app_edit, a_reference_the_database_refuses_is_shown_beside_its_field)
{
	struct edit_form *f;
	int d;

	keys("8a");
	f = app->form;
	d = field(f->e, "vergadering");
	edit_form_set(f, field(f->e, "actie"), "Iets doen");
	edit_form_set(f, d, "1-1-2030");
	cr_assert_eq(edit_save(app, f), EDIT_INVALID);
	cr_assert(strstr(f->err[d], "er is geen vergadering op 1 jan 2030"), "%s", f->err[d]);
	cr_assert_eq(f->focus, d);
	close_form();
}

/* The store refuses an entry whose key another entry has: the form shows
 * it beside the title, from the store's result (no message is parsed). */
Test(app_edit, a_key_another_entry_has_is_refused_beside_the_title)
{
	struct edit_form *f;
	int t;

	keys("1a");
	f = app->form;
	t = field(f->e, "titel");
	edit_form_set(f, t, "Wijkallianties");
	cr_assert_eq(edit_save(app, f), EDIT_INVALID);
	cr_assert_str_eq(f->err[t], "er bestaat al een actielijn met deze gegevens");
	cr_assert_eq(f->focus, t);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 1);
	close_form();

	/* a domain's name is unique too, though its key is the code */
	f = app->form = edit_form_new(db, E("domeinen"), 0, NULL);
	cr_assert_not_null(f);
	edit_form_set(f, field(f->e, "code"), "NIEUW");
	edit_form_set(f, field(f->e, "naam"), "Veiligheid");
	cr_assert_eq(edit_save(app, f), EDIT_INVALID);
	cr_assert_str_eq(f->err[field(f->e, "naam")], "er bestaat al een domein met deze gegevens");
	cr_assert_eq(f->focus, field(f->e, "naam"));
	close_form();
}

Test(app_edit, undo_and_redo_walk_the_session_stack)
{
	struct edit_form *f;

	keys("1a");
	f = app->form;
	edit_form_set(f, field(f->e, "titel"), "Buurtbanen");
	cr_assert_eq(edit_save(app, f), EDIT_SAVED);
	close_form();
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 2);

	keys("u");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 1);
	cr_assert(strstr(app->msg, "Ongedaan gemaakt: actielijn toegevoegd “Buurtbanen”"), "%s", app->msg);
	app_key(app, KC_CTRL('R'));
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 2);
	cr_assert(strstr(app->msg, "Opnieuw gedaan"), "%s", app->msg);
	keys("u");
	keys("u");
	cr_assert(strstr(app->msg, "niets meer om ongedaan te maken"), "%s", app->msg);
	cr_assert(app->msg_error);

	/* after an undo, a new change drops what could be redone */
	app_key(app, KC_CTRL('R'));
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 2);
	keys("u");
	keys("8 ");		/* toggles the first action */
	app_key(app, KC_CTRL('R'));
	cr_assert(strstr(app->msg, "niets om opnieuw te doen"), "%s", app->msg);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 1);
	cr_assert_eq(app->undo.n, 1);
}

Test(app_edit, space_toggles_an_action_and_undo_toggles_back)
{
	keys("8");
	list_ensure(app_list(app), 0, 2);
	cr_assert_str_eq(action_row(list_row(app_list(app), 0)).actie, "Agenda rondsturen");	/* open first */
	keys(" ");
	cr_assert_str_eq(test_text(db, "SELECT status FROM acties WHERE actie = 'Agenda rondsturen'"), "gedaan");
	cr_assert(strstr(app->msg, "Actie gedaan “Agenda rondsturen”"), "%s", app->msg);
	list_select_id(app_list(app), test_int(db, "SELECT id FROM acties WHERE actie = 'Agenda rondsturen'"));
	keys(" ");
	cr_assert_str_eq(test_text(db, "SELECT status FROM acties WHERE actie = 'Agenda rondsturen'"), "open");
	keys("u");
	cr_assert_str_eq(test_text(db, "SELECT status FROM acties WHERE actie = 'Agenda rondsturen'"), "gedaan");
	keys("u");
	cr_assert_str_eq(test_text(db, "SELECT status FROM acties WHERE actie = 'Agenda rondsturen'"), "open");

	/* in an open meeting, on its actions; a decision says why not */
	keys("7");
	app_key(app, KC_ENTER);
	keys(" ");
	cr_assert(app->msg_error);
	cr_assert(strstr(app->msg, "geen besluit"), "%s", app->msg);
	app_key(app, KC_DOWN);
	keys(" ");
	cr_assert_str_eq(test_text(db, "SELECT status FROM acties WHERE actie = 'Agenda rondsturen'"), "gedaan");
}

Test(app_edit, delete_asks_naming_what_goes_and_undo_brings_it_back)
{
	keys("7d");
	cr_assert_eq(app->ask, ASK_DELETE);
	cr_assert(strstr(app->ask_text, "Vergadering verwijderen (met 1 besluit, 2 acties) 25 jan 2024"),
		  "%s", app->ask_text);
	keys("n");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM vergaderingen"), 1);
	cr_assert(strstr(app->msg, "niet verwijderd"), "%s", app->msg);

	keys("dj");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM vergaderingen"), 0);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM besluiten"), 0);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM acties"), 0);
	cr_assert(strstr(app->msg, "Vergadering verwijderd (met 1 besluit, 2 acties)"), "%s", app->msg);
	keys("u");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM vergaderingen"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM besluiten"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM acties a JOIN vergaderingen v ON v.id = a.vergadering_id"), 2);
	app_key(app, KC_CTRL('R'));
	cr_assert_eq(test_int(db, "SELECT count(*) FROM acties"), 0);
}

Test(app_edit, the_question_ignores_timeouts_and_resizes)
{
	keys("1d");
	cr_assert_eq(app->ask, ASK_DELETE);
	app_key(app, KC_TIMEOUT);
	app_key(app, KC_RESIZE);
	cr_assert_eq(app->ask, ASK_DELETE);
	app_key(app, KC_ESC);
	cr_assert_eq(app->ask, ASK_NONE);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 1);
}

Test(app_edit, edit_opens_the_selected_entry_and_saves_changes)
{
	struct edit_form *f;
	int tr;

	keys("1e");
	cr_assert_not_null(app->form);
	f = app->form;
	cr_assert_eq(f->e, E("actielijnen"));
	cr_assert_str_eq(f->val[f->e->title], "Wijkallianties");
	cr_assert(!edit_form_changed(f));
	tr = field(f->e, "trekker");
	edit_form_set(f, tr, "Emre Ünver");
	cr_assert(edit_form_changed(f));
	edit_form_choose(f, field(f->e, "status"), 1, 0);
	cr_assert_str_eq(f->val[field(f->e, "status")], "afgerond");
	cr_assert_eq(edit_save(app, f), EDIT_SAVED, "%s", f->msg);
	close_form();
	cr_assert_str_eq(test_text(db, "SELECT trekker || '|' || status FROM actielijnen"), "Emre Ünver|afgerond");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie WHERE bron = 'form' AND veld IS NOT NULL"), 2);

	/* saving without a change writes nothing and adds no undo step */
	keys("e");
	cr_assert_eq(edit_save(app, app->form), EDIT_UNCHANGED);
	close_form();
	cr_assert_eq(app->undo.n, 1);
	cr_assert(strstr(app_last_changed(app, &entity_actielijnen, test_int(db, "SELECT id FROM actielijnen")),
			 " door "), "%s", app->changed);
}

Test(app_edit, choices_cycle_and_jump_by_letter)
{
	struct edit_form *f;
	int s, d;

	keys("8a");
	f = app->form;
	s = field(f->e, "status");
	d = field(f->e, "domein");
	cr_assert_str_eq(f->val[s], "open");
	edit_form_choose(f, s, 1, 0);
	cr_assert_str_eq(f->val[s], "gedaan");
	edit_form_choose(f, s, 1, 0);
	cr_assert_str_eq(f->val[s], "", "an optional field can be left empty");
	edit_form_choose(f, s, -1, 0);
	cr_assert_str_eq(f->val[s], "gedaan");
	edit_form_choose(f, d, 0, 'v');
	cr_assert_str_eq(f->val[d], "Veiligheid");
	edit_form_choose(f, d, 0, 'E');
	cr_assert_str_eq(f->val[d], EID);
	close_form();
}

Test(app_edit, read_only_changes_nothing_and_says_why)
{
	const char *cmds[] = { "1a", "1e", "1d", "8 ", "u" };
	long long before = test_int(db, "SELECT count(*) FROM historie");

	app->readonly = true;
	snprintf(app->ro_reason, sizeof(app->ro_reason), "geopend met --read-only");
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		cr_assert_eq(keys(cmds[i]) & APP_FORM, 0, "%s", cmds[i]);
		cr_assert_null(app->form);
		cr_assert_eq(app->ask, ASK_NONE, "%s", cmds[i]);
		cr_assert_str_eq(app->msg, "alleen lezen: geopend met --read-only", "%s", cmds[i]);
		cr_assert(app->msg_error);
	}
	app_key(app, KC_CTRL('R'));
	cr_assert(strstr(app->msg, "alleen lezen"), "%s", app->msg);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie"), before);
}

Test(app_edit, undo_of_a_step_someone_else_changed_since_says_so)
{
	struct edit_form *f;
	const char *const other[ENTITY_MAX_FIELDS] = { EID, "Wijkallianties", "Samen met bewoners.", "Emre", "gestopt", "2024-01-01", "2024-12-31" };
	char *cur[ENTITY_MAX_FIELDS] = { 0 };
	long long id = test_int(db, "SELECT id FROM actielijnen");

	keys("1e");
	f = app->form;
	edit_form_set(f, field(f->e, "status"), "afgerond");
	cr_assert_eq(edit_save(app, f), EDIT_SAVED);
	close_form();
	/* "someone else" changes the same field */
	const char *const mid[ENTITY_MAX_FIELDS] = { EID, "Wijkallianties", "Samen met bewoners.", "Emre", "afgerond", "2024-01-01", "2024-12-31" };
	cr_assert_eq(db_update(db, E("actielijnen"), id, mid, other, cur), 0, "%s", test_why(db));
	keys("u");
	cr_assert(app->msg_error);
	cr_assert(strstr(app->msg, "Kan niet ongedaan maken: actielijn gewijzigd"), "%s", app->msg);
	cr_assert(strstr(app->msg, "intussen gewijzigd"), "%s", app->msg);
	cr_assert_str_eq(test_text(db, "SELECT status FROM actielijnen"), "gestopt", "nothing written");
	cr_assert_eq(app->undo.n, 0, "the step left the stack");
}

Test(app_edit, a_conflict_shows_theirs_and_lets_the_user_choose)
{
	struct result_info why;
	const char *dir = test_tmpdir();
	char path[256];
	struct db *a, *b;
	struct app *other;
	struct edit_form *f;
	int tr, st;

	snprintf(path, sizeof(path), "%s/snw.db", dir);
	cr_assert_eq(db_create(path, &a, &why), 0, "%s", test_result(&why));
	put(a, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", EID, "", "domein", "1" });
	fill(a);
	cr_assert_eq(db_open(path, false, &b, &why), 0, "%s", test_result(&why));
	other = app_new(a, false);

	/* a opens the form; b (another process) changes the same entry */
	app_key(other, '1');
	app_key(other, 'e');
	f = other->form;
	cr_assert_not_null(f);
	tr = field(f->e, "trekker");
	st = field(f->e, "status");
	edit_form_set(f, tr, "Saïda");
	put(b, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ EID, "Wijkallianties", "Samen met bewoners.", "Jan", "gepauzeerd", "2024-01-01", "2024-12-31" });
	cr_assert_eq(edit_save(other, f), EDIT_CONFLICT);
	cr_assert(f->conflict);
	cr_assert_str_eq(f->theirs[tr], "Jan");
	cr_assert_str_eq(f->theirs[st], "gepauzeerd");
	cr_assert(strstr(f->theirs_when, "door"), "%s", f->theirs_when);
	cr_assert_str_eq(test_text(a, "SELECT trekker FROM actielijnen"), "Jan", "nothing overwritten");

	/* keep mine: saved over theirs, as one undo step */
	cr_assert_eq(edit_save_mine(other, f), EDIT_SAVED, "%s", f->msg);
	cr_assert_str_eq(test_text(b, "SELECT trekker || '|' || status FROM actielijnen"), "Saïda|lopend");
	edit_form_free(other->form);
	other->form = NULL;

	/* again, now keeping theirs: nothing is written */
	app_key(other, 'e');
	f = other->form;
	edit_form_set(f, tr, "Fatima");
	put(b, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ EID, "Wijkallianties", "Samen met bewoners.", "Kees", "lopend", "2024-01-01", "2024-12-31" });
	cr_assert_eq(edit_save(other, f), EDIT_CONFLICT);
	edit_keep_theirs(other, f);
	cr_assert_str_eq(test_text(b, "SELECT trekker FROM actielijnen"), "Kees");

	/* deleted meanwhile: the form turns into adding it again */
	cr_assert_eq(db_delete(b, E("actielijnen"), test_int(b, "SELECT id FROM actielijnen")), 0);
	edit_back_to_form(f);
	cr_assert_eq(edit_save(other, f), EDIT_GONE);
	cr_assert_eq(f->id, 0);
	cr_assert_eq(edit_save(other, f), EDIT_SAVED, "%s", f->msg);
	cr_assert_str_eq(test_text(b, "SELECT trekker FROM actielijnen"), "Fatima");
	app_free(other);
	db_close(a);
	db_close(b);
}

Test(app_edit, another_process_s_change_shows_on_poll)
{
	struct result_info why;
	const char *dir = test_tmpdir();
	char path[256];
	struct db *a, *b;
	struct app *viewer;

	snprintf(path, sizeof(path), "%s/snw.db", dir);
	cr_assert_eq(db_create(path, &a, &why), 0, "%s", test_result(&why));
	put(a, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", EID, "", "domein", "1" });
	cr_assert_eq(db_open(path, false, &b, &why), 0, "%s", test_result(&why));
	viewer = app_new(a, true);
	app_key(viewer, '1');
	cr_assert_eq(list_count(app_list(viewer)), 0);
	cr_assert_eq(app_key(viewer, KC_TIMEOUT), 0, "nothing changed");
	put(b, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ EID, "Van elders", "", "", "", "", "" });
	cr_assert_eq(app_key(viewer, KC_TIMEOUT), APP_REDRAW);
	cr_assert_eq(list_count(app_list(viewer)), 1);
	app_free(viewer);
	db_close(a);
	db_close(b);
}

Test(app_edit, a_field_nobody_changed_is_saved_with_exactly_its_stored_bytes)
{
	/* stored by another program: control characters, a tab, CR LF, odd
	 * spacing and a line break in a one-line field, none of which the
	 * importer's rules would let in */
	const char *title = " Wijk\tallianties\x1b[31m\nrood ";
	const char *text = "regel 1\r\nregel 2\x07  ";
	struct edit_form *f;
	char sql[400];

	snprintf(sql, sizeof(sql), "UPDATE actielijnen SET titel = '%s', toelichting = '%s'", title, text);
	cr_assert_eq(db_exec(db, sql), 0);
	keys("1e");
	f = app->form;
	cr_assert_not_null(f);
	cr_assert_str_eq(f->val[f->e->title], title, "the form holds the stored bytes");
	edit_form_set(f, field(f->e, "trekker"), "Emre Ünver");
	cr_assert_eq(edit_save(app, f), EDIT_SAVED, "%s / %s", f->msg, f->err[f->e->title]);
	close_form();
	cr_assert_str_eq(test_text(db, "SELECT titel || '|' || toelichting || '|' || trekker FROM actielijnen"),
			 " Wijk\tallianties\x1b[31m\nrood |regel 1\r\nregel 2\x07  |Emre Ünver");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie WHERE bron = 'form' AND veld IS NOT NULL"), 1,
		     "only the trekker changed");
}

Test(app_edit, undo_stack_drops_the_oldest_beyond_its_limit)
{
	struct undo_stack u = { 0 };

	for (int i = 1; i <= UNDO_MAX + 5; i++)
		cr_assert_eq(undo_push(&u, (struct change_group){ i, i }, "x", (struct edit_target){ NULL, 0 }), 0);
	cr_assert_eq(u.n, UNDO_MAX);
	cr_assert_eq(u.pos, UNDO_MAX);
	cr_assert_eq(u.steps[0].g.first, 6);
	u.pos = 3;
	undo_push(&u, (struct change_group){ 999, 999 }, "y", (struct edit_target){ NULL, 0 });
	cr_assert_eq(u.n, 4);
	cr_assert_eq(u.pos, 4);
	undo_push(&u, (struct change_group){ 0, 0 }, "nothing written", (struct edit_target){ NULL, 0 });
	cr_assert_eq(u.n, 4);
	undo_free(&u);
}

Test(app_edit, planning_items_are_selected_above_the_bars)
{
	struct edit_target t;

	put(db, "planning", (const char *const[ENTITY_MAX_FIELDS]){ "2024-04-01", "Brede alliantiebijeenkomst", "", "", "" });
	put(db, "planning", (const char *const[ENTITY_MAX_FIELDS]){ "2024-06-01", "Evaluatie", EID, "Wijkallianties", "" });
	keys("6");
	t = edit_selection(app);
	cr_assert_eq(t.e, E("actielijnen"), "the cursor starts on the bars");
	app_key(app, KC_UP);
	t = edit_selection(app);
	cr_assert_eq(t.e, E("planning"));
	cr_assert_eq(t.id, test_int(db, "SELECT id FROM planning WHERE titel = 'Evaluatie'"));
	app_key(app, KC_UP);
	cr_assert_eq(edit_selection(app).id, test_int(db, "SELECT id FROM planning WHERE titel LIKE 'Brede%'"));
	keys("e");
	cr_assert_not_null(app->form);
	cr_assert_str_eq(app->form->val[app->form->e->title], "Brede alliantiebijeenkomst");
	close_form();
	keys("dj");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM planning"), 1);
	keys("u");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM planning"), 2);
	cr_assert_eq(edit_selection(app).e, E("planning"), "undo selects it again");
	app_key(app, KC_DOWN);
	app_key(app, KC_DOWN);
	cr_assert_eq(edit_selection(app).e, E("actielijnen"), "Down past the last goes back to the bars");

	/* a new planning item added in Planning is selected */
	keys("a");
	edit_form_set(app->form, field(app->form->e, "titel"), "Slotbijeenkomst");
	edit_form_set(app->form, field(app->form->e, "datum"), "december 2024");
	cr_assert_eq(edit_save(app, app->form), EDIT_SAVED, "%s", app->form->msg);
	close_form();
	cr_assert_eq(edit_selection(app).id, test_int(db, "SELECT id FROM planning WHERE datum = '2024-12-01'"));
}

Test(app_edit, entries_of_a_meeting_its_date_does_not_name_are_not_moved)
{
	long long brede, act;

	/* a second meeting on the AB meeting's date: its date names the AB one */
	put(db, "vergaderingen", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "brede alliantiebijeenkomst", "Brede bijeenkomst", "" });
	brede = test_int(db, "SELECT id FROM vergaderingen WHERE soort <> 'AB-vergadering'");
	act = test_int(db, "SELECT id FROM acties WHERE actie = 'Verslag maken'");
	cr_assert_eq(db_exec(db, "UPDATE acties SET vergadering_id = (SELECT id FROM vergaderingen"
				 " WHERE soort <> 'AB-vergadering') WHERE actie = 'Verslag maken'"), 0);
	keys("7");
	list_select_id(app_list(app), brede);
	app_key(app, KC_ENTER);
	keys("ab");
	cr_assert_null(app->form);
	cr_assert(strstr(app->msg, "zou daarheen verhuizen"), "%s", app->msg);
	keys("e");
	cr_assert_null(app->form, "its action cannot be edited without moving it");
	keys(" ");
	cr_assert(strstr(app->msg, "zou daarheen verhuizen"), "%s", app->msg);
	cr_assert_eq(test_int(db, "SELECT vergadering_id FROM acties WHERE actie = 'Verslag maken'"), brede);
	cr_assert_eq(act, test_int(db, "SELECT id FROM acties WHERE actie = 'Verslag maken'"));
	/* the AB meeting itself is fine (the same date: Right goes to it, as
	 * to a later one, the list having it first) */
	app_key(app, KC_RIGHT);
	cr_assert_eq(keys("a") & APP_FORM, 0);
	cr_assert(keys("b") & APP_FORM, "%s", app->msg);
	close_form();
}
