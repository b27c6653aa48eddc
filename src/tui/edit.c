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

#include "core/alloc.h"
#include "tui/app.h"
#include "core/date.h"
#include "core/i18n.h"
#include "store/db.h"
#include "store/read.h"
#include "store/undo.h"
#include "store/write.h"
#include "tui/edit.h"
#include "model/history.h"
#include "model/meetings.h"
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

/* "actielijn toegevoegd “Coöperatie creëren”": what happened first (the
 * kind's own phrase, translated: struct entity_words), so that a cut
 * status line still says it; deps, what went along with it ("2
 * besluiten, 13 acties"), may be NULL. */
static void
describe(const struct entity *e, char *const *vals, const char *what, const char *deps,
	 char *out, size_t outsz)
{
	char id[300];

	ident(e, vals, id, sizeof(id));
	if (deps && *deps)
		/* TRANSLATORS: what happened ("vergadering verwijderd"), what
		   went along ("2 besluiten, 13 acties"), which entry */
		snprintf(out, outsz, _("%s (met %s) %s"), what, deps, id);
	else
		snprintf(out, outsz, "%s %s", what, id);
}

/* A step as the status line says it: with a capital ("Actielijn
 * toegevoegd …"; the phrases start with a plain letter in every language
 * snw speaks). */
static void
say_step(struct app *app, const char *step)
{
	app_message(app, false, "%s", step);
	if (app->msg[0] >= 'a' && app->msg[0] <= 'z')
		app->msg[0] = (char)(app->msg[0] - 32);
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
		u->steps = xrealloc(u->steps, (size_t)cap * sizeof(*u->steps));
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

struct edit_target
edit_list_selected(const struct entity *e, struct list *l)
{
	const struct list_row *row;

	long long n;

	if (!l || (n = list_count(l)) <= 0)
		return (struct edit_target){ NULL, 0 };
	/* keeps the cursor in range, without scrolling the list */
	if (l->cur >= n)
		l->cur = n - 1;
	if (l->cur < 0)
		l->cur = 0;
	list_ensure(l, l->cur, 1);
	row = list_row(l, l->cur);
	return row && row->id ? (struct edit_target){ e, row->id } : (struct edit_target){ NULL, 0 };
}

struct edit_target
edit_selection(struct app *app)
{
	struct view *v = app_current(app);

	return v->ops->selected ? v->ops->selected(v, app) : (struct edit_target){ NULL, 0 };
}

/* After a change, put the cursor on entry id of e where the view shows it. */
static void
select_entry(struct app *app, const struct entity *e, long long id)
{
	struct view *v = app_current(app);

	if (v->ops->select)
		v->ops->select(v, app, e, id);
}

/* After a change to entry id of e shown in message app->msg: when the
 * view's filter hides the entry, asks (with that message) whether to
 * clear it. */
static void
offer_unfilter(struct app *app, const struct entity *e, long long id)
{
	struct view *v = app_current(app);
	const char *label = v->ops->hidden_by ? v->ops->hidden_by(v, app, e, id) : NULL;

	if (!label || !v->ops->unfilter)
		return;
	/* the question first: a narrow status line cuts the end */
	snprintf(app->ask_text, sizeof(app->ask_text), _("Filter ‘%s’ verbergt dit, wissen? %s"), label, app->msg);
	snprintf(app->ask_keys, sizeof(app->ask_keys), "%s", _("j = ja, n = nee"));
	app->ask = ASK_UNFILTER;
	app->ask_target = (struct edit_target){ e, id };
}

/* --- actions ------------------------------------------------------------------- */

/* Says why nothing can change; true when read-only. */
static bool
refuse_readonly(struct app *app)
{
	if (!app->readonly)
		return false;
	app_message(app, true, _("alleen lezen: %s"), app->ro_reason[0] ? app->ro_reason : _("niets te wijzigen"));
	return true;
}

bool
edit_meeting_unreachable(struct app *app, long long mid, const char *date)
{
	long long found;
	char shown[32];

	if (db_meeting_by_date(app->db, date, &found) < 0) {
		app_result(app, db_result(app->db));
		return true;
	}
	if (found == 0 || found == mid)
		return false;
	date_format_short(date, shown, sizeof(shown));
	app_message(app, true, _("kan niet: besluiten en acties wijzen hun vergadering aan met de datum,"
				 " en %s is ook een AB-vergadering — het zou daarheen verhuizen"), shown);
	return true;
}

/* The same for an existing entry that belongs to a meeting (a besluit
 * or actie; false for other entries). */
static bool
entry_meeting_unreachable(struct app *app, struct edit_target t)
{
	long long mid;
	char date[11];
	enum result rc = meeting_of_entry(app->db, t.e, t.id, &mid, date);

	if (rc < 0 && rc != RES_NOT_FOUND) {
		app_result(app, db_result(app->db));
		return true;
	}
	return rc == RES_OK && edit_meeting_unreachable(app, mid, date);
}

/* Opens a form (new when id is 0); heading gets `context` appended. */
static int
open_form(struct app *app, const struct entity *e, long long id, const char *const *prefill,
	  const char *context)
{
	struct edit_form *f = edit_form_new(app->db, e, id, prefill);

	if (!f) {
		app_result(app, db_result(app->db));
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

/*
 * The bron a new entry starts with, which the person can change: for a
 * decision or action added to a meeting, the meeting as the sources of
 * the shipped data name it ("AB 21-12-2023"; the agendapunt is for the
 * person to add, the dashboard does not know it); for anything else,
 * that it was entered in the dashboard today ("dashboard 15-3-2024"):
 * the dashboard does not know the document, and saying where the entry
 * really came from is honest where an empty bron says nothing. This is
 * data, not a sentence: Dutch like the rest of the data, whatever
 * language the dashboard speaks.
 */
static void
default_source(const struct app *app, const char *meeting_date, const char *soort,
	       char *out, size_t outsz)
{
	char dmy[11];

	date_format_dmy(meeting_date ? meeting_date : app->today, dmy);
	if (!meeting_date)
		snprintf(out, outsz, "dashboard %s", dmy);
	else if (!soort || strcmp(soort, SOORT_AB) == 0)
		snprintf(out, outsz, "AB %s", dmy);
	else	/* "Brede alliantiebijeenkomst 4-10-2023" */
		snprintf(out, outsz, "%c%s %s", soort[0] >= 'a' && soort[0] <= 'z' ? soort[0] - 32 : soort[0],
			 soort + 1, dmy);
}

/* A form for a new entry of e with prefill[] (field j's start value, or
 * NULL), its bron the default unless prefilled. */
static int
open_new(struct app *app, const struct entity *e, const char **prefill, const char *meeting_date,
	 const char *soort, const char *context)
{
	int b = entity_field_index(e, "bron");
	char bron[160];

	if (b >= 0 && !prefill[b]) {
		default_source(app, meeting_date, soort, bron, sizeof(bron));
		prefill[b] = bron;
	}
	return open_form(app, e, 0, prefill, context);
}

int
edit_new(struct app *app, const struct entity *e, const char *field, const char *value,
	 const char *context)
{
	const char *prefill[ENTITY_MAX_FIELDS] = { 0 };
	int j = field ? entity_field_index(e, field) : -1;

	if (j >= 0)
		prefill[j] = value;
	return open_new(app, e, prefill, NULL, NULL, context);
}

int
edit_new_in_meeting(struct app *app, const struct entity *e, const char *datum, const char *soort,
		    const char *context)
{
	const char *prefill[ENTITY_MAX_FIELDS] = { 0 };
	int j = entity_field_index(e, "vergadering");

	if (j >= 0)
		prefill[j] = datum;
	return open_new(app, e, prefill, datum, soort, context);
}

int
edit_new_in_domain(struct app *app, const struct entity *e, int d)
{
	if (d < 0 || d >= app->domains.n) {
		/* TRANSLATORS: %s is a kind with its article: "een actielijn" */
		app_message(app, true, _("er is nog geen domein om %s aan toe te voegen"), _(e->words->a_one));
		return APP_REDRAW;
	}
	return edit_new(app, e, "domein", app->domains.dom[d].naam, app->domains.dom[d].naam);
}

int
edit_ask_kind(struct app *app, const char *question, const struct entity *const *kinds, int n)
{
	size_t used;

	memset(app->ask_kinds, 0, sizeof(app->ask_kinds));
	used = 0;
	app->ask_keys[0] = '\0';
	/* each kind by the first letter of its word in the language shown:
	 * "b = besluit, a = actie", "d = decision, a = action" */
	for (int i = 0; i < n && i < ASK_MAX_KINDS; i++) {
		const char *kind = _(kinds[i]->words->kind);

		app->ask_kinds[i] = kinds[i];
		used += (size_t)snprintf(app->ask_keys + used, sizeof(app->ask_keys) - used, "%c = %s, ",
					 kind[0], kind);
		if (used >= sizeof(app->ask_keys))
			used = sizeof(app->ask_keys) - 1;
	}
	snprintf(app->ask_keys + used, sizeof(app->ask_keys) - used, "%s", _("Esc = niets"));
	snprintf(app->ask_text, sizeof(app->ask_text), "%s", question);
	app->ask = ASK_ADD_KIND;
	return APP_REDRAW;
}

int
edit_add(struct app *app)
{
	struct view *v = app_current(app);

	if (refuse_readonly(app))
		return APP_REDRAW;
	return v->ops->add ? v->ops->add(v, app, NULL) : 0;
}

int
edit_edit(struct app *app)
{
	struct edit_target t;
	int r;

	if (refuse_readonly(app))
		return APP_REDRAW;
	t = edit_selection(app);
	if (!t.e) {
		app_message(app, true, "%s", _("niets geselecteerd om te wijzigen"));
		return APP_REDRAW;
	}
	if (entry_meeting_unreachable(app, t))
		return APP_REDRAW;
	if ((r = open_form(app, t.e, t.id, NULL, NULL)) & APP_FORM) {
		/* the form says what it changes: "Actie wijzigen — “Agenda rondsturen”" */
		char what[300];

		ident(t.e, app->form->val, what, sizeof(what));
		snprintf(app->form->heading + strlen(app->form->heading),
			 sizeof(app->form->heading) - strlen(app->form->heading), " — %s", what);
	}
	return r;
}

int
edit_delete(struct app *app)
{
	char *vals[ENTITY_MAX_FIELDS] = { 0 };
	char what[300], deps[200];
	struct dependents d;
	struct edit_target t;

	if (refuse_readonly(app))
		return APP_REDRAW;
	t = edit_selection(app);
	if (!t.e) {
		app_message(app, true, "%s", _("niets geselecteerd om te verwijderen"));
		return APP_REDRAW;
	}
	if (db_get(app->db, t.e, t.id, vals) < 0 || db_dependents(app->db, t.e, t.id, &d) < 0) {
		app_result(app, db_result(app->db));
		db_free_row(t.e, vals);
		app_invalidate(app);
		return APP_REDRAW;
	}
	dependents_text(&d, deps, sizeof(deps));
	ident(t.e, vals, what, sizeof(what));
	db_free_row(t.e, vals);
	/* what goes along first: the title may be cut to fit the line */
	if (*deps)
		/* TRANSLATORS: "Vergadering verwijderen", what goes along
		   ("2 besluiten, 13 acties"), which entry */
		snprintf(app->ask_text, sizeof(app->ask_text), _("%s (met %s) %s?"), _(t.e->words->delete_one),
			 deps, what);
	else
		snprintf(app->ask_text, sizeof(app->ask_text), "%s %s?", _(t.e->words->delete_one), what);
	snprintf(app->ask_keys, sizeof(app->ask_keys), "%s", _("j = ja, n = nee"));
	app->ask = ASK_DELETE;
	app->ask_target = t;
	return APP_REDRAW;
}

/* The answer was yes: delete, as one undo step. */
static void
delete_now(struct app *app, struct edit_target t)
{
	char *vals[ENTITY_MAX_FIELDS] = { 0 };
	char deps[200] = "", step[800], err[RESULT_TEXT_MAX];
	struct dependents d;

	if (db_get(app->db, t.e, t.id, vals) < 0) {
		app_result(app, db_result(app->db));
		db_free_row(t.e, vals);
		app_invalidate(app);
		return;
	}
	if (db_dependents(app->db, t.e, t.id, &d) == RES_OK)
		dependents_text(&d, deps, sizeof(deps));
	describe(t.e, vals, _(t.e->words->deleted), deps, step, sizeof(step));
	db_free_row(t.e, vals);
	db_set_actor(app->db, NULL, "form");
	if (db_delete(app->db, t.e, t.id) < 0) {
		app_message(app, true, _("verwijderen mislukt: %s"),
			    result_text(db_result(app->db), err, sizeof(err)));
		return;
	}
	push_last(app, step, t.e, t.id);
	app_invalidate(app);
	say_step(app, step);
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
			app_message(app, false, "%s", _("niet verwijderd"));
		return APP_REDRAW;
	}
	if (k == ASK_UNFILTER) {
		struct view *v = app_current(app);

		if (key == 'j' || key == 'J' || key == 'y' || key == 'Y') {
			v->ops->unfilter(v, app, app->ask_target.e, app->ask_target.id);
			app_message(app, false, "%s", _("filter gewist"));
			return APP_REDRAW;
		}
		/* only an offer: another key does what it does */
		if (key == 'n' || key == 'N' || key == KC_ESC)
			return APP_REDRAW;
		return app_key(app, key);
	}
	if (k == ASK_ADD_KIND) {
		struct view *v = app_current(app);

		/* a kind by the first letter of its word, as the question shows */
		for (int i = 0; i < ASK_MAX_KINDS && app->ask_kinds[i]; i++) {
			int first = (unsigned char)_(app->ask_kinds[i]->words->kind)[0];

			if (key == first || key == first - 32)
				return v->ops->add ? v->ops->add(v, app, app->ask_kinds[i]) : APP_REDRAW;
		}
		app_message(app, false, "%s", _("niets toegevoegd"));
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
	char step[800], err[RESULT_TEXT_MAX];
	int s = entity_field_index(e, "status");
	enum result rc;
	struct edit_target t;
	bool done;

	if (refuse_readonly(app))
		return APP_REDRAW;
	t = edit_selection(app);
	if (t.e != e) {
		/* an open meeting says it itself when its cursor is not on an action */
		app_message(app, true, "%s", _("spatie zet een actie open of gedaan: in Acties (8) of in een geopende vergadering"));
		return APP_REDRAW;
	}
	if (entry_meeting_unreachable(app, t))
		return APP_REDRAW;
	if (db_get(app->db, e, t.id, vals) < 0) {
		app_result(app, db_result(app->db));
		db_free_row(e, vals);
		app_invalidate(app);
		return APP_REDRAW;
	}
	done = strcmp(vals[s], STATUS_GEDAAN) == 0;
	for (int j = 0; j < e->nfields; j++)
		nv[j] = j == s ? (done ? STATUS_OPEN : STATUS_GEDAAN) : vals[j];
	describe(e, vals, done ? _("actie weer open") : _("actie gedaan"), NULL, step, sizeof(step));
	db_set_actor(app->db, NULL, "wissel");	/* the log says: a toggle, not a form */
	rc = db_update(app->db, e, t.id, (const char *const *)vals, nv, cur);
	db_free_row(e, cur);
	db_free_row(e, vals);
	if (rc != RES_OK) {
		app_message(app, true, _("niet gelukt: %s"), result_text(db_result(app->db), err, sizeof(err)));
		app_invalidate(app);
		return APP_REDRAW;
	}
	push_last(app, step, e, t.id);
	app_invalidate(app);
	say_step(app, step);
	offer_unfilter(app, e, t.id);
	return APP_REDRAW;
}

/* Undo (dir -1) or redo (+1) one step of the session. */
static int
step(struct app *app, int dir)
{
	struct undo_stack *u = &app->undo;
	struct change_group done;
	char err[RESULT_TEXT_MAX] = "";
	enum result rc;
	int i;

	if (refuse_readonly(app))
		return APP_REDRAW;
	if (dir < 0 ? u->pos == 0 : u->pos == u->n) {
		app_message(app, true, "%s", dir < 0 ? _("niets meer om ongedaan te maken in deze sessie")
						    : _("niets om opnieuw te doen"));
		return APP_REDRAW;
	}
	i = dir < 0 ? u->pos - 1 : u->pos;
	if ((rc = db_revert(app->db, u->steps[i].g, &done)) < 0)
		result_text(db_result(app->db), err, sizeof(err));
	app_invalidate(app);
	if (rc == RES_CONFLICT) {
		/* someone else changed it since: nothing was written; this
		 * step cannot be reverted any more, so it leaves the stack */
		/* TRANSLATORS: the step ("actielijn gewijzigd “…”"), why not */
		app_message(app, true, dir < 0 ? _("Kan niet ongedaan maken: %s — %s; de stap vervalt")
					      : _("Kan niet opnieuw doen: %s — %s; de stap vervalt"),
			    u->steps[i].what, err);
		memmove(u->steps + i, u->steps + i + 1, (size_t)(u->n - i - 1) * sizeof(*u->steps));
		u->n--;
		if (dir < 0)
			u->pos--;
		return APP_REDRAW;
	}
	if (rc != RES_OK) {
		app_message(app, true, dir < 0 ? _("Ongedaan maken mislukt: %s") : _("Opnieuw doen mislukt: %s"), err);
		return APP_REDRAW;
	}
	u->steps[i].g = done;		/* reverting the revert is the way back */
	u->pos += dir;
	if (u->steps[i].t.e)
		select_entry(app, u->steps[i].t.e, u->steps[i].t.id);	/* when it exists */
	app_message(app, false, dir < 0 ? _("Ongedaan gemaakt: %s") : _("Opnieuw gedaan: %s"), u->steps[i].what);
	if (u->steps[i].t.e)
		offer_unfilter(app, u->steps[i].t.e, u->steps[i].t.id);
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

/* Puts what the database refused (a value, or the entry's key that
 * another entry has) beside its field: the title for the key. */
static void
place_problem(struct edit_form *f, const struct result_info *r)
{
	int j = r->field >= 0 && r->field < f->e->nfields ? r->field : f->e->title;
	char msg[FIELD_ERR_MAX];

	edit_form_refuse(f, j, problem_text(&r->problem, false, msg, sizeof(msg)));
	f->focus = j;
}

static enum edit_result
save(struct app *app, struct edit_form *f)
{
	char *canon[ENTITY_MAX_FIELDS] = { 0 }, *cur[ENTITY_MAX_FIELDS] = { 0 };
	char err[RESULT_TEXT_MAX] = "", stepmsg[800];
	const struct entity *e = f->e;
	long long id = f->id, first, last;
	int n = e->nfields;
	enum result rc;

	f->msg[0] = '\0';
	if (app->readonly) {
		snprintf(f->msg, sizeof(f->msg), _("alleen lezen: %s"), app->ro_reason);
		return EDIT_FAILED;
	}
	if (edit_form_check(f, canon) > 0) {
		edit_free_values(canon, n);
		return EDIT_INVALID;
	}
	db_set_actor(app->db, NULL, "form");
	if (id == 0)
		rc = db_insert(app->db, e, (const char *const *)canon, &id);
	else
		rc = db_update(app->db, e, id, (const char *const *)f->orig,
			       (const char *const *)canon, cur);
	if (rc < 0)
		result_text(db_result(app->db), err, sizeof(err));
	describe(e, canon, f->id ? _(e->words->changed) : _(e->words->added), NULL, stepmsg, sizeof(stepmsg));
	edit_free_values(canon, n);
	if (rc == RES_CONFLICT) {
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
	if (rc == RES_GONE) {
		f->id = 0;
		edit_free_values(f->orig, n);
		snprintf(f->msg, sizeof(f->msg), _("%s; Ctrl-S voegt je versie opnieuw toe, Esc gooit haar weg"), err);
		return EDIT_GONE;
	}
	if (rc == RES_INVALID || rc == RES_DUPLICATE) {
		place_problem(f, db_result(app->db));
		return EDIT_INVALID;
	}
	if (rc != RES_OK) {
		snprintf(f->msg, sizeof(f->msg), _("opslaan mislukt: %s"), err);
		return EDIT_FAILED;
	}
	db_last_group(app->db, &first, &last);
	app_invalidate(app);
	if (first == 0) {
		app_message(app, false, "%s", _("niets gewijzigd"));
		return EDIT_UNCHANGED;
	}
	push_last(app, stepmsg, e, id);
	select_entry(app, e, id);
	say_step(app, stepmsg);
	offer_unfilter(app, e, id);
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
		if (!edit_form_field_changed(f, j)) {
			edit_form_set(f, j, f->theirs[j]);
			free(f->start[j]);	/* still "not changed by me" */
			f->start[j] = xstrdup(f->theirs[j]);
		}
	edit_back_to_form(f);
	return save(app, f);
}

void
edit_keep_theirs(struct app *app, struct edit_form *f)
{
	(void)f;
	app_invalidate(app);
	app_message(app, false, "%s", _("Hun versie gehouden; jouw wijzigingen zijn niet opgeslagen"));
}

