/*
 * Editing from the dashboard, without curses: what a, e, d, space, u and
 * Ctrl-R do in each view, delete with its question, saving a form with
 * the conflict check, and the session's undo stack. The form's contents
 * are in edit_form.c; the form on screen (formui.c) calls in here for
 * every decision.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "core/date.h"
#include "store/db.h"
#include "tui/edit.h"
#include "model/history.h"
#include "core/text.h"

/* --- describing entries --------------------------------------------------------- */

/* How an entry is named in messages: "“Coöperatie creëren”", for a
 * meeting "25 jan 2024 “AB januari”". */
static void
ident(const struct entity *e, char *const *vals, char *out, size_t outsz)
{
	char title[160] = "", date[32] = "";
	const char *t = vals[e->title] ? vals[e->title] : "";

	text_fit(title, sizeof(title), t, 50);
	if (e == &entity_vergaderingen) {
		date_format_short(vals[0], date, sizeof(date));
		snprintf(out, outsz, "%s%s%s%s", date, *title ? " “" : "", title, *title ? "”" : "");
	} else {
		snprintf(out, outsz, "“%s”", title);
	}
}

/* "actielijn toegevoegd “Coöperatie creëren”": what happened first, so
 * that a cut status line still says it. */
static void
describe(const struct entity *e, char *const *vals, const char *verb, const char *extra,
	 char *out, size_t outsz)
{
	char id[300];

	ident(e, vals, id, sizeof(id));
	snprintf(out, outsz, "%s %s%s %s", e->singular, verb, extra ? extra : "", id);
}

/* The message for the status line: what with a capital. */
static void
say(struct app *app, bool error, const char *prefix, const char *what, const char *suffix)
{
	char buf[1024];

	snprintf(buf, sizeof(buf), "%s%s%s", prefix, what, suffix);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 32);
	app_message(app, error, "%s", buf);
}

/* --- the undo stack ------------------------------------------------------------ */

int
undo_push(struct undo_stack *u, struct change_group g, const char *what, struct edit_target t)
{
	if (g.first == 0)
		return 0;
	u->n = u->pos;			/* a new change: what was undone stays undone */
	if (u->n == UNDO_MAX) {
		memmove(u->steps, u->steps + 1, (size_t)(u->n - 1) * sizeof(*u->steps));
		u->n--;
	}
	if (u->n == u->cap) {
		int cap = u->cap ? u->cap * 2 : 16;
		struct undo_step *p = realloc(u->steps, (size_t)cap * sizeof(*p));

		if (!p)
			return -1;
		u->steps = p;
		u->cap = cap;
	}
	u->steps[u->n].g = g;
	u->steps[u->n].t = t;
	snprintf(u->steps[u->n].what, sizeof(u->steps[u->n].what), "%s", what);
	u->pos = ++u->n;
	return 0;
}

void
undo_free(struct undo_stack *u)
{
	free(u->steps);
	memset(u, 0, sizeof(*u));
}

/* The last committed transaction becomes one undo step about entry t. */
static void
push_last(struct app *app, const char *what, const struct entity *e, long long id)
{
	struct change_group g;

	db_last_group(app->db, &g.first, &g.last);
	undo_push(&app->undo, g, what, (struct edit_target){ e, id });
}

/* --- selection ------------------------------------------------------------------ */

static long long
list_selected(struct list *l)
{
	const struct list_row *row;

	if (!l || list_count(l) <= 0)
		return 0;
	list_scroll(l, 1);
	list_ensure(l, l->cur, 1);
	row = list_row(l, l->cur);
	return row ? row->id : 0;
}

struct edit_target
edit_selection(struct app *app)
{
	struct edit_target t = { NULL, 0 };
	struct list *l = app_views[app->view]->list ? app_views[app->view]->list(app) : NULL;

	switch (app->view) {
	case VIEW_OVERVIEW:
		if (app->pane >= 0 && app->pane < app->ov.n)
			t = (struct edit_target){ &entity_domeinen, app->ov.dom[app->pane].id };
		return t;
	case VIEW_PLANNING:
		planning_load_year(app);
		if (app->ms_sel >= 0 && app->ms_sel < app->milestones.n)
			return (struct edit_target){ &entity_planning, app->milestones.v[app->ms_sel].id };
		t.e = &entity_actielijnen;		/* the bars */
		break;
	case VIEW_DOMAIN:
		t.e = &entity_actielijnen;
		break;
	case VIEW_MEETINGS:
		if (app->zoom) {
			int k = app->meeting_item;

			meetings_load_detail(app);
			if (k >= 0 && k < app->meeting.ndecisions)
				return (struct edit_target){ &entity_besluiten, app->meeting.decisions[k].id };
			k -= app->meeting.ndecisions;
			if (k >= 0 && k < app->meeting.nactions)
				return (struct edit_target){ &entity_acties, app->meeting.actions[k].id };
			return t;
		}
		t.e = &entity_vergaderingen;
		break;
	case VIEW_ACTIONS:
		t.e = &entity_acties;
		break;
	default:
		return t;
	}
	if (!(t.id = list_selected(l)))
		t.e = NULL;
	return t;
}

/* After a change, put the cursor on entry id of e where the view shows it. */
static void
select_entry(struct app *app, const struct entity *e, long long id)
{
	if (app->view == VIEW_DOMAIN && e == &entity_actielijnen && app->lines)
		list_select_id(app->lines, id);
	else if (app->view == VIEW_PLANNING && e == &entity_actielijnen && app->gantt)
		list_select_id(app->gantt, id);
	else if (app->view == VIEW_PLANNING && e == &entity_planning) {
		planning_load_year(app);
		for (int i = 0; i < app->milestones.n; i++)
			if (app->milestones.v[i].id == id)
				app->ms_sel = i;
	}
	else if (app->view == VIEW_MEETINGS && e == &entity_vergaderingen && app->meetings)
		list_select_id(app->meetings, id);
	else if (app->view == VIEW_ACTIONS && e == &entity_acties && app->acts)
		list_select_id(app->acts, id);
	else if (app->view == VIEW_MEETINGS && app->zoom &&
		 (e == &entity_besluiten || e == &entity_acties)) {
		meetings_load_detail(app);
		for (int i = 0; e == &entity_besluiten && i < app->meeting.ndecisions; i++)
			if (app->meeting.decisions[i].id == id)
				app->meeting_item = i;
		for (int i = 0; e == &entity_acties && i < app->meeting.nactions; i++)
			if (app->meeting.actions[i].id == id)
				app->meeting_item = app->meeting.ndecisions + i;
	}
}

/* --- actions ------------------------------------------------------------------- */

/* Says why nothing can change; true when read-only. */
static bool
refuse_readonly(struct app *app)
{
	if (!app->readonly)
		return false;
	app_message(app, true, "alleen lezen: %s", app->ro_reason[0] ? app->ro_reason : "niets te wijzigen");
	return true;
}

/*
 * Besluiten and acties name their meeting by its date, and a date with
 * two meetings resolves to the AB-vergadering (db.c, meeting_by_date).
 * Saving such an entry of the other meeting would move it, so that is
 * refused. Returns true (with the message set) when meeting `mid` on
 * `date` cannot be named by its date.
 */
static bool
meeting_unreachable(struct app *app, long long mid, const char *date)
{
	long long found = db_meeting_by_date(app->db, date);
	char shown[32];

	if (found < 0) {
		app_message(app, true, "%s", db_errmsg(app->db));
		return true;
	}
	if (found == 0 || found == mid)
		return false;
	date_format_short(date, shown, sizeof(shown));
	app_message(app, true, "kan niet: besluiten en acties wijzen hun vergadering aan met de datum,"
		    " en %s is ook een AB-vergadering — het zou daarheen verhuizen", shown);
	return true;
}

/* The same for an existing entry that belongs to a meeting (a besluit
 * or actie; false for other entries). */
static bool
entry_meeting_unreachable(struct app *app, struct edit_target t)
{
	long long mid;
	char date[11];
	int rc = meeting_of_entry(app->db, t.e, t.id, &mid, date);

	if (rc < 0) {
		app_message(app, true, "%s", db_errmsg(app->db));
		return true;
	}
	return rc == 1 && meeting_unreachable(app, mid, date);
}

/* Opens a form (new when id is 0); heading gets `context` appended. */
static int
open_form(struct app *app, const struct entity *e, long long id, const char *const *prefill,
	  const char *context)
{
	char err[256];
	struct edit_form *f = edit_form_new(app->db, e, id, prefill, err, sizeof(err));

	if (!f) {
		app_message(app, true, "%s", err);
		if (id)
			app_invalidate(app);	/* it is gone: show that */
		return APP_REDRAW;
	}
	if (context && *context)
		snprintf(f->heading + strlen(f->heading), sizeof(f->heading) - strlen(f->heading),
			 " — %s", context);
	edit_form_free(app->form);
	app->form = f;
	return APP_REDRAW | APP_FORM;
}

/* A new besluit or actie for the meeting that is open. */
static int
add_to_meeting(struct app *app, const struct entity *e)
{
	const struct list_row *row;
	const char *prefill[ENTITY_MAX_FIELDS] = { 0 };
	char ctx[64], date[32];

	list_ensure(app->meetings, app->meetings->cur, 1);
	if (!(row = list_row(app->meetings, app->meetings->cur))) {
		app_message(app, true, "geen vergadering geselecteerd");
		return APP_REDRAW;
	}
	if (meeting_unreachable(app, row->id, row->col[1]))
		return APP_REDRAW;
	prefill[entity_field_index(e, "vergadering")] = row->col[1];
	date_format_short(row->col[1], date, sizeof(date));
	snprintf(ctx, sizeof(ctx), "vergadering %s", date);
	return open_form(app, e, 0, prefill, ctx);
}

int
edit_add(struct app *app)
{
	const char *prefill[ENTITY_MAX_FIELDS] = { 0 };
	const struct entity *al = &entity_actielijnen;
	int d;

	if (refuse_readonly(app))
		return APP_REDRAW;
	switch (app->view) {
	case VIEW_OVERVIEW:
	case VIEW_DOMAIN:
		d = app->view == VIEW_DOMAIN ? app->dom : app->pane;
		if (d < 0 || d >= app->ov.n) {
			app_message(app, true, "er is nog geen domein om een actielijn aan toe te voegen");
			return APP_REDRAW;
		}
		prefill[entity_field_index(al, "domein")] = app->ov.dom[d].naam;
		return open_form(app, al, 0, prefill, app->ov.dom[d].naam);
	case VIEW_PLANNING:
		return open_form(app, &entity_planning, 0, NULL, NULL);
	case VIEW_MEETINGS:
		if (!app->zoom)
			return open_form(app, &entity_vergaderingen, 0, NULL, NULL);
		app->ask = ASK_ADD_KIND;
		snprintf(app->ask_text, sizeof(app->ask_text), "Toevoegen aan deze vergadering:");
		snprintf(app->ask_keys, sizeof(app->ask_keys), "b = besluit, a = actie, Esc = niets");
		return APP_REDRAW;
	case VIEW_ACTIONS:
		return open_form(app, &entity_acties, 0, NULL, NULL);
	default:
		return 0;
	}
}

int
edit_edit(struct app *app)
{
	struct edit_target t;

	if (refuse_readonly(app))
		return APP_REDRAW;
	t = edit_selection(app);
	if (!t.e) {
		app_message(app, true, "niets geselecteerd om te wijzigen");
		return APP_REDRAW;
	}
	if (entry_meeting_unreachable(app, t))
		return APP_REDRAW;
	return open_form(app, t.e, t.id, NULL, NULL);
}

int
edit_delete(struct app *app)
{
	char *vals[ENTITY_MAX_FIELDS] = { 0 };
	char what[300], deps[200];
	struct edit_target t;
	int rc;

	if (refuse_readonly(app))
		return APP_REDRAW;
	t = edit_selection(app);
	if (!t.e) {
		app_message(app, true, "niets geselecteerd om te verwijderen");
		return APP_REDRAW;
	}
	if ((rc = db_get(app->db, t.e, t.id, vals)) <= 0 ||
	    db_dependents(app->db, t.e, t.id, deps, sizeof(deps)) < 0) {
		app_message(app, true, "%s", rc == 0 ? "dat bestaat niet meer" : db_errmsg(app->db));
		db_free_row(t.e, vals);
		app_invalidate(app);
		return APP_REDRAW;
	}
	ident(t.e, vals, what, sizeof(what));
	db_free_row(t.e, vals);
	/* what goes along first: the title may be cut to fit the line */
	snprintf(app->ask_text, sizeof(app->ask_text), "%s verwijderen%s%s%s %s?",
		 t.e->singular, *deps ? " (met " : "", deps, *deps ? ")" : "", what);
	app->ask_text[0] = (char)(app->ask_text[0] - 32);
	snprintf(app->ask_keys, sizeof(app->ask_keys), "j = ja, n = nee");
	app->ask = ASK_DELETE;
	app->ask_target = t;
	return APP_REDRAW;
}

/* The answer was yes: delete, as one undo step. */
static void
delete_now(struct app *app, struct edit_target t)
{
	char *vals[ENTITY_MAX_FIELDS] = { 0 };
	char what[300], deps[200] = "", step[800], err[256];
	int rc;

	if ((rc = db_get(app->db, t.e, t.id, vals)) <= 0) {
		app_message(app, true, "%s", rc == 0 ? "dat bestaat al niet meer" : db_errmsg(app->db));
		db_free_row(t.e, vals);
		app_invalidate(app);
		return;
	}
	db_dependents(app->db, t.e, t.id, deps, sizeof(deps));
	snprintf(what, sizeof(what), "%s%s%s", *deps ? " (met " : "", deps, *deps ? ")" : "");
	describe(t.e, vals, "verwijderd", what, step, sizeof(step));
	db_free_row(t.e, vals);
	db_set_actor(app->db, NULL, "form");
	if (db_delete(app->db, t.e, t.id, err, sizeof(err)) != 0) {
		app_message(app, true, "verwijderen mislukt: %s", err);
		return;
	}
	push_last(app, step, t.e, t.id);
	app_invalidate(app);
	say(app, false, "", step, "");
}

int
edit_answer(struct app *app, int key)
{
	enum ask_kind k = app->ask;

	app->ask = ASK_NONE;
	app->msg[0] = '\0';
	app->msg_error = false;
	if (k == ASK_DELETE) {
		if (key == 'j' || key == 'J' || key == 'y' || key == 'Y')
			delete_now(app, app->ask_target);
		else
			app_message(app, false, "niet verwijderd");
		return APP_REDRAW;
	}
	if (k == ASK_ADD_KIND) {
		if (key == 'b' || key == 'B')
			return add_to_meeting(app, &entity_besluiten);
		if (key == 'a' || key == 'A')
			return add_to_meeting(app, &entity_acties);
		app_message(app, false, "niets toegevoegd");
		return APP_REDRAW;
	}
	return APP_REDRAW;
}

int
edit_toggle(struct app *app)
{
	const struct entity *e = &entity_acties;
	char *vals[ENTITY_MAX_FIELDS] = { 0 }, *cur[ENTITY_MAX_FIELDS] = { 0 };
	const char *nv[ENTITY_MAX_FIELDS];
	char step[800], err[256];
	int s = entity_field_index(e, "status"), rc;
	struct edit_target t;
	bool done;

	if (refuse_readonly(app))
		return APP_REDRAW;
	t = edit_selection(app);
	if (t.e != e) {
		app_message(app, true, "spatie zet een actie open of gedaan: %s",
			     app->view == VIEW_MEETINGS && app->zoom ? "kies een actie (geen besluit)"
			     : "in Acties (8) of in een geopende vergadering");
		return APP_REDRAW;
	}
	if (entry_meeting_unreachable(app, t))
		return APP_REDRAW;
	if ((rc = db_get(app->db, e, t.id, vals)) <= 0) {
		app_message(app, true, "%s", rc == 0 ? "deze actie bestaat niet meer" : db_errmsg(app->db));
		db_free_row(e, vals);
		app_invalidate(app);
		return APP_REDRAW;
	}
	done = strcmp(vals[s], STATUS_GEDAAN) == 0;
	for (int j = 0; j < e->nfields; j++)
		nv[j] = j == s ? (done ? STATUS_OPEN : STATUS_GEDAAN) : vals[j];
	describe(e, vals, done ? "weer open" : "gedaan", NULL, step, sizeof(step));
	db_set_actor(app->db, NULL, "form");
	rc = db_update(app->db, e, t.id, (const char *const *)vals, nv, cur, err, sizeof(err));
	db_free_row(e, cur);
	db_free_row(e, vals);
	if (rc != 0) {
		app_message(app, true, "niet gelukt: %s", err);
		app_invalidate(app);
		return APP_REDRAW;
	}
	push_last(app, step, e, t.id);
	app_invalidate(app);
	say(app, false, "", step, "");
	return APP_REDRAW;
}

/* Undo (dir -1) or redo (+1) one step of the session. */
static int
step(struct app *app, int dir)
{
	struct undo_stack *u = &app->undo;
	struct change_group done;
	char err[256];
	int i, rc;

	if (refuse_readonly(app))
		return APP_REDRAW;
	if (dir < 0 ? u->pos == 0 : u->pos == u->n) {
		app_message(app, true, dir < 0 ? "niets meer om ongedaan te maken in deze sessie"
					      : "niets om opnieuw te doen");
		return APP_REDRAW;
	}
	i = dir < 0 ? u->pos - 1 : u->pos;
	rc = history_revert(app->db, u->steps[i].g, &done, err, sizeof(err));
	app_invalidate(app);
	if (rc == DB_CONFLICT) {
		/* someone else changed it since: nothing was written; this
		 * step cannot be reverted any more, so it leaves the stack */
		say(app, true, dir < 0 ? "kan niet ongedaan maken: " : "kan niet opnieuw doen: ",
		    u->steps[i].what, "");
		snprintf(app->msg + strlen(app->msg), sizeof(app->msg) - strlen(app->msg),
			 " — %s; de stap vervalt", err);
		memmove(u->steps + i, u->steps + i + 1, (size_t)(u->n - i - 1) * sizeof(*u->steps));
		u->n--;
		if (dir < 0)
			u->pos--;
		return APP_REDRAW;
	}
	if (rc != 0) {
		app_message(app, true, "%s mislukt: %s", dir < 0 ? "ongedaan maken" : "opnieuw doen", err);
		return APP_REDRAW;
	}
	u->steps[i].g = done;		/* reverting the revert is the way back */
	u->pos += dir;
	if (u->steps[i].t.e)
		select_entry(app, u->steps[i].t.e, u->steps[i].t.id);	/* when it exists */
	say(app, false, dir < 0 ? "ongedaan gemaakt: " : "opnieuw gedaan: ", u->steps[i].what, "");
	return APP_REDRAW;
}

int
edit_undo(struct app *app)
{
	return step(app, -1);
}

int
edit_redo(struct app *app)
{
	return step(app, 1);
}

/* --- saving a form ---------------------------------------------------------- */

/* Puts a database message "column: what" beside its field. */
static void
place_error(struct edit_form *f, const char *err)
{
	const char *colon = strstr(err, ": ");
	char col[64];
	int j = -1;

	if (colon && (size_t)(colon - err) < sizeof(col)) {
		snprintf(col, sizeof(col), "%.*s", (int)(colon - err), err);
		j = entity_field_index(f->e, col);
	}
	if (j >= 0) {
		edit_form_refuse(f, j, colon + 2);
		f->focus = j;
	} else if (strstr(err, "bestaat al")) {
		edit_form_refuse(f, f->e->title, err);
		f->focus = f->e->title;
	} else {
		snprintf(f->msg, sizeof(f->msg), "%s", err);
	}
}

static enum edit_result
save(struct app *app, struct edit_form *f)
{
	char *canon[ENTITY_MAX_FIELDS] = { 0 }, *cur[ENTITY_MAX_FIELDS] = { 0 };
	char err[FIELD_ERR_MAX] = "", stepmsg[800];
	const struct entity *e = f->e;
	long long id = f->id, first, last;
	int rc, n = e->nfields;

	f->msg[0] = '\0';
	if (app->readonly) {
		snprintf(f->msg, sizeof(f->msg), "alleen lezen: %s", app->ro_reason);
		return EDIT_FAILED;
	}
	if (edit_form_check(f, canon) > 0) {
		edit_free_values(canon, n);
		return EDIT_INVALID;
	}
	db_set_actor(app->db, NULL, "form");
	if (id == 0)
		rc = db_insert(app->db, e, (const char *const *)canon, &id, err, sizeof(err));
	else
		rc = db_update(app->db, e, id, (const char *const *)f->orig,
			       (const char *const *)canon, cur, err, sizeof(err));
	describe(e, canon, f->id ? "gewijzigd" : "toegevoegd", NULL, stepmsg, sizeof(stepmsg));
	edit_free_values(canon, n);
	if (rc == DB_CONFLICT) {
		edit_free_values(f->theirs, n);
		for (int j = 0; j < n; j++) {
			f->theirs[j] = cur[j];
			cur[j] = NULL;
		}
		f->conflict = true;
		history_last(app->db, e->name, f->id, f->theirs_when, sizeof(f->theirs_when));
		snprintf(f->msg, sizeof(f->msg), "%s", err);
		return EDIT_CONFLICT;
	}
	db_free_row(e, cur);
	if (rc == DB_GONE) {
		f->id = 0;
		edit_free_values(f->orig, n);
		snprintf(f->msg, sizeof(f->msg), "%s; Ctrl-S voegt je versie opnieuw toe, Esc gooit haar weg", err);
		return EDIT_GONE;
	}
	if (rc == -1) {
		place_error(f, err);
		return EDIT_INVALID;
	}
	if (rc != 0) {
		snprintf(f->msg, sizeof(f->msg), "opslaan mislukt: %s", err);
		return EDIT_FAILED;
	}
	db_last_group(app->db, &first, &last);
	app_invalidate(app);
	if (first == 0) {
		app_message(app, false, "niets gewijzigd");
		return EDIT_UNCHANGED;
	}
	push_last(app, stepmsg, e, id);
	select_entry(app, e, id);
	say(app, false, "", stepmsg, "");
	return EDIT_SAVED;
}

enum edit_result
edit_save(struct app *app, struct edit_form *f)
{
	return save(app, f);
}

void
edit_back_to_form(struct edit_form *f)
{
	if (!f->conflict)
		return;
	edit_free_values(f->orig, f->e->nfields);
	for (int j = 0; j < f->e->nfields; j++) {
		f->orig[j] = f->theirs[j];
		f->theirs[j] = NULL;
	}
	f->conflict = false;
	f->msg[0] = '\0';
}

enum edit_result
edit_save_mine(struct app *app, struct edit_form *f)
{
	edit_back_to_form(f);
	return save(app, f);
}

enum edit_result
edit_save_merged(struct app *app, struct edit_form *f)
{
	if (!f->conflict)
		return save(app, f);
	for (int j = 0; j < f->e->nfields; j++)
		if (!edit_form_field_changed(f, j) && edit_form_set(f, j, f->theirs[j]) == 0) {
			char *same = strdup(f->theirs[j]);

			if (same) {	/* still "not changed by me" */
				free(f->start[j]);
				f->start[j] = same;
			}
		}
	edit_back_to_form(f);
	return save(app, f);
}

void
edit_keep_theirs(struct app *app, struct edit_form *f)
{
	(void)f;
	app_invalidate(app);
	app_message(app, false, "Hun versie gehouden; jouw wijzigingen zijn niet opgeslagen");
}

