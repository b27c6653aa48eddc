/*
 * Editing without curses: forms as values, validation with the
 * importer's rules, saving with the conflict check, delete with a
 * question, toggling actions, and the session's undo stack. The form on
 * screen (formui.c) calls in here for every decision.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "date.h"
#include "db.h"
#include "edit.h"
#include "history.h"
#include "text.h"

static char *
xstrdup(const char *s)
{
	char *d = strdup(s ? s : "");

	if (!d)
		abort();	/* a few kilobytes at most: nothing sensible to do */
	return d;
}

static const struct entity *
E(const char *name)
{
	return entity_find(name);
}

/* --- the form's contents ------------------------------------------------------ */

/* Dutch: "de actielijn" but "het besluit" — new ones are "nieuwe"/"nieuw". */
static const char *
new_word(const struct entity *e)
{
	static const char *const neuter[] = { "domeinen", "successen", "planning", "besluiten" };

	for (size_t i = 0; i < sizeof(neuter) / sizeof(neuter[0]); i++)
		if (strcmp(e->name, neuter[i]) == 0)
			return "Nieuw";
	return "Nieuwe";
}

/* Allowed values of a choice field, NULL-ended and malloc'd: an enum's
 * values, or the names of the domains and themes; "" (none) last when
 * the field may stay empty. NULL for other fields. */
static char **
load_choices(struct db *db, const struct field *fd)
{
	char **c = NULL;
	size_t n = 0, cap = 0;
	bool empty_ok = !fd->required && !fd->def;

	if (fd->type != FT_ENUM && fd->type != FT_DOMAIN)
		return NULL;
#define ADD(s) do { \
		if (n + 2 > cap) { \
			char **p = realloc(c, (cap = cap ? cap * 2 : 16) * sizeof(*c)); \
			if (!p) \
				abort(); \
			c = p; \
		} \
		c[n++] = xstrdup(s); \
	} while (0)
	if (fd->type == FT_ENUM) {
		for (const struct enum_value *v = fd->values; v && v->value; v++)
			ADD(v->value);
	} else {
		struct db_stmt *st = db_prepare(db, "SELECT naam FROM domeinen"
						    " ORDER BY volgorde IS NULL, volgorde, id");

		while (st && db_step(st) == 1)
			ADD(db_col_text(st, 0));
		db_finalize(st);
	}
	if (empty_ok)
		ADD("");
	if (!c)
		ADD("");
	c[n] = NULL;
#undef ADD
	return c;
}

struct edit_form *
edit_form_new(struct db *db, const struct entity *e, long long id,
	      const char *const *prefill, char *err, size_t errsz)
{
	struct edit_form *f = calloc(1, sizeof(*f));
	char cap[64];
	int k = 0;

	if (!f) {
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	f->e = e;
	f->id = id;
	f->order[k++] = e->title;
	for (int j = 0; j < e->nfields; j++)
		if (j != e->title)
			f->order[k++] = j;
	f->focus = e->title;
	if (id) {
		char *vals[ENTITY_MAX_FIELDS] = { 0 };
		int rc = db_get(db, e, id, vals);

		if (rc <= 0) {
			snprintf(err, errsz, rc == 0 ? "deze %s bestaat niet meer" : "%s",
				 rc == 0 ? e->singular : db_errmsg(db));
			db_free_row(e, vals);
			free(f);
			return NULL;
		}
		for (int j = 0; j < e->nfields; j++) {
			f->orig[j] = vals[j];
			f->val[j] = xstrdup(vals[j]);
		}
		snprintf(cap, sizeof(cap), "%s", e->singular);
		cap[0] = (char)(cap[0] >= 'a' && cap[0] <= 'z' ? cap[0] - 32 : cap[0]);
		snprintf(f->heading, sizeof(f->heading), "%s wijzigen", cap);
	} else {
		for (int j = 0; j < e->nfields; j++) {
			const struct field *fd = &e->fields[j];
			const char *v = "";

			if (prefill && prefill[j])
				v = prefill[j];
			else if (fd->def)
				v = fd->def;
			else if (fd->type == FT_ENUM && strcmp(fd->column, "status") == 0)
				v = fd->values[0].value;	/* gepland, open */
			f->val[j] = xstrdup(v);
		}
		snprintf(f->heading, sizeof(f->heading), "%s %s", new_word(e), e->singular);
	}
	for (int j = 0; j < e->nfields; j++) {
		f->start[j] = xstrdup(f->val[j]);
		f->choices[j] = load_choices(db, &e->fields[j]);
	}
	return f;
}

static void
free_strings(char **v, int n)
{
	for (int j = 0; j < n; j++) {
		free(v[j]);
		v[j] = NULL;
	}
}

void
edit_free_values(char **vals, int n)
{
	free_strings(vals, n);
}

void
edit_form_free(struct edit_form *f)
{
	if (!f)
		return;
	free_strings(f->val, f->e->nfields);
	free_strings(f->start, f->e->nfields);
	free_strings(f->orig, f->e->nfields);
	free_strings(f->theirs, f->e->nfields);
	for (int j = 0; j < f->e->nfields; j++) {
		for (char **c = f->choices[j]; c && *c; c++)
			free(*c);
		free(f->choices[j]);
	}
	free(f);
}

int
edit_form_set(struct edit_form *f, int j, const char *text)
{
	char *v = strdup(text ? text : "");

	if (!v)
		return -1;
	free(f->val[j]);
	f->val[j] = v;
	return 0;
}

bool
edit_form_changed(const struct edit_form *f)
{
	for (int j = 0; j < f->e->nfields; j++)
		if (strcmp(f->val[j], f->start[j]) != 0)
			return true;
	return false;
}

bool
edit_form_is_choice(const struct edit_form *f, int j)
{
	return f->choices[j] != NULL;
}

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

void
edit_form_choose(struct edit_form *f, int j, int dir, int wc)
{
	char **c = f->choices[j];
	int n = 0, cur = -1;

	if (!c)
		return;
	for (; c[n]; n++)
		if (cur < 0 && strcmp(c[n], f->val[j]) == 0)
			cur = n;
	if (n == 0)
		return;
	if (dir) {
		cur = cur < 0 ? (dir > 0 ? 0 : n - 1) : (cur + dir + n) % n;
		edit_form_set(f, j, c[cur]);
		return;
	}
	for (int i = 1; i <= n; i++) {
		int k = ((cur < 0 ? -1 : cur) + i + n) % n;
		wchar_t first = 0;

		if (mbtowc(&first, c[k], strlen(c[k])) > 0 &&
		    ascii_lower((int)first) == ascii_lower(wc)) {
			edit_form_set(f, j, c[k]);
			return;
		}
	}
}

const char *
edit_form_hint(const struct edit_form *f, int j)
{
	const struct field *fd = &f->e->fields[j];

	switch (fd->type) {
	case FT_DATE:
	case FT_DATE_START:
	case FT_DATE_END:
		return "een datum: 2024-03-04, 4-3-2024, 4 maart 2024, maart 2024 of Q2 2024";
	case FT_MEETING:
		return "de datum van een vergadering, bv. 25-1-2024";
	case FT_ACTIELIJN:
		return "de titel van een actielijn (van het gekozen domein); leeg = geen";
	case FT_INT:
		return strcmp(fd->column, "jaar") == 0 ? "een jaar, bv. 2024" : "een heel getal";
	case FT_ENUM:
	case FT_DOMAIN:
		return "kies met ←/→, spatie of de beginletter";
	case FT_LONGTEXT:
		return "meerdere regels: Enter begint een nieuwe regel";
	case FT_TEXT:
		break;
	}
	return fd->required ? "verplicht" : "";
}

int
edit_form_check(struct edit_form *f, char **canon)
{
	int bad = 0;

	f->focus = -1;
	for (int k = 0; k < f->e->nfields; k++) {
		int j = f->order[k];
		char *buf = xstrdup(f->val[j]), date[11];
		const char *c;

		f->err[j][0] = '\0';
		c = field_normalize(&f->e->fields[j], buf, date, f->err[j], sizeof(f->err[j]));
		canon[j] = c ? xstrdup(c) : NULL;
		free(buf);
		if (!c) {
			bad++;
			if (f->focus < 0)
				f->focus = j;
		}
	}
	if (f->focus < 0)
		f->focus = f->e->title;
	return bad;
}

/* --- describing entries --------------------------------------------------------- */

/* How an entry is named in messages: "“Coöperatie creëren”", for a
 * meeting "25 jan 2024 “AB januari”". */
static void
ident(const struct entity *e, char *const *vals, char *out, size_t outsz)
{
	char title[160] = "", date[32] = "";
	const char *t = vals[e->title] ? vals[e->title] : "";

	text_fit(title, sizeof(title), t, 50);
	if (e == E("vergaderingen")) {
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
			t = (struct edit_target){ E("domeinen"), app->ov.dom[app->pane].id };
		return t;
	case VIEW_PLANNING:
		planning_load_year(app);
		if (app->ms_sel >= 0 && app->ms_sel < app->milestones.n)
			return (struct edit_target){ E("planning"),
				strtoll(rowset_get(&app->milestones, app->ms_sel, 3), NULL, 10) };
		t.e = E("actielijnen");		/* the bars */
		break;
	case VIEW_DOMAIN:
		t.e = E("actielijnen");
		break;
	case VIEW_MEETINGS:
		if (app->zoom) {
			int k = app->meeting_item;

			meetings_load_detail(app);
			if (k >= 0 && k < app->decisions.n)
				return (struct edit_target){ E("besluiten"),
					strtoll(rowset_get(&app->decisions, k, 0), NULL, 10) };
			k -= app->decisions.n;
			if (k >= 0 && k < app->meeting_acts.n)
				return (struct edit_target){ E("acties"),
					strtoll(rowset_get(&app->meeting_acts, k, 0), NULL, 10) };
			return t;
		}
		t.e = E("vergaderingen");
		break;
	case VIEW_ACTIONS:
		t.e = E("acties");
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
	if (app->view == VIEW_DOMAIN && e == E("actielijnen") && app->lines)
		list_select_id(app->lines, id);
	else if (app->view == VIEW_PLANNING && e == E("actielijnen") && app->gantt)
		list_select_id(app->gantt, id);
	else if (app->view == VIEW_PLANNING && e == E("planning")) {
		planning_load_year(app);
		for (int i = 0; i < app->milestones.n; i++)
			if (strtoll(rowset_get(&app->milestones, i, 3), NULL, 10) == id)
				app->ms_sel = i;
	}
	else if (app->view == VIEW_MEETINGS && e == E("vergaderingen") && app->meetings)
		list_select_id(app->meetings, id);
	else if (app->view == VIEW_ACTIONS && e == E("acties") && app->acts)
		list_select_id(app->acts, id);
	else if (app->view == VIEW_MEETINGS && app->zoom &&
		 (e == E("besluiten") || e == E("acties"))) {
		bool dec = e == E("besluiten");
		const struct rowset *rs;

		meetings_load_detail(app);
		rs = dec ? &app->decisions : &app->meeting_acts;
		for (int i = 0; i < rs->n; i++)
			if (strtoll(rowset_get(rs, i, 0), NULL, 10) == id)
				app->meeting_item = dec ? i : app->decisions.n + i;
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
	struct db_stmt *st = db_prepare(app->db, "SELECT id FROM vergaderingen WHERE datum = ?1"
						 " ORDER BY soort <> 'AB-vergadering', id LIMIT 1");
	long long found = mid;
	char shown[32];

	if (!st)
		return false;
	db_bind_text(st, 1, date);
	if (db_step(st) == 1)
		found = db_col_int(st, 0);
	db_finalize(st);
	if (found == mid)
		return false;
	date_format_short(date, shown, sizeof(shown));
	app_message(app, true, "kan niet: besluiten en acties wijzen hun vergadering aan met de datum,"
		    " en %s is ook een AB-vergadering — het zou daarheen verhuizen", shown);
	return true;
}

/* The same for an existing besluit or actie (false for other entries). */
static bool
entry_meeting_unreachable(struct app *app, struct edit_target t)
{
	char sql[200];
	struct db_stmt *st;

	if (t.e != E("besluiten") && t.e != E("acties"))
		return false;
	snprintf(sql, sizeof(sql), "SELECT v.id, v.datum FROM %s x JOIN vergaderingen v"
		 " ON v.id = x.vergadering_id WHERE x.id = ?1", t.e->name);
	if (!(st = db_prepare(app->db, sql)))
		return false;
	db_bind_int(st, 1, t.id);
	if (db_step(st) == 1) {
		long long mid = db_col_int(st, 0);
		char date[16];

		snprintf(date, sizeof(date), "%s", db_col_text(st, 1));
		db_finalize(st);
		return meeting_unreachable(app, mid, date);
	}
	db_finalize(st);
	return false;
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
	const struct entity *al = E("actielijnen");
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
		return open_form(app, E("planning"), 0, NULL, NULL);
	case VIEW_MEETINGS:
		if (!app->zoom)
			return open_form(app, E("vergaderingen"), 0, NULL, NULL);
		app->ask = ASK_ADD_KIND;
		snprintf(app->ask_text, sizeof(app->ask_text), "Toevoegen aan deze vergadering:");
		snprintf(app->ask_keys, sizeof(app->ask_keys), "b = besluit, a = actie, Esc = niets");
		return APP_REDRAW;
	case VIEW_ACTIONS:
		return open_form(app, E("acties"), 0, NULL, NULL);
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
			return add_to_meeting(app, E("besluiten"));
		if (key == 'a' || key == 'A')
			return add_to_meeting(app, E("acties"));
		app_message(app, false, "niets toegevoegd");
		return APP_REDRAW;
	}
	return APP_REDRAW;
}

int
edit_toggle(struct app *app)
{
	const struct entity *e = E("acties");
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
	done = strcmp(vals[s], "gedaan") == 0;
	for (int j = 0; j < e->nfields; j++)
		nv[j] = j == s ? (done ? "open" : "gedaan") : vals[j];
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
		snprintf(f->err[j], sizeof(f->err[j]), "%s", colon + 2);
		f->focus = j;
	} else if (strstr(err, "bestaat al")) {
		snprintf(f->err[f->e->title], sizeof(f->err[0]), "%s", err);
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
		free_strings(f->theirs, n);
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
		free_strings(f->orig, n);
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
	free_strings(f->orig, f->e->nfields);
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

bool
edit_form_field_changed(const struct edit_form *f, int j)
{
	return strcmp(f->val[j], f->start[j]) != 0;
}

enum edit_result
edit_save_merged(struct app *app, struct edit_form *f)
{
	if (!f->conflict)
		return save(app, f);
	for (int j = 0; j < f->e->nfields; j++)
		if (!edit_form_field_changed(f, j) && edit_form_set(f, j, f->theirs[j]) == 0) {
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
	app_message(app, false, "Hun versie gehouden; jouw wijzigingen zijn niet opgeslagen");
}

/* --- multi-line fields ------------------------------------------------------ */

/* A growing string. */
struct sbuf {
	char *s;
	size_t len, cap;
	bool oom;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->s, cap);

		if (!p) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static char *
sb_done(struct sbuf *b)
{
	if (b->oom) {
		free(b->s);
		return NULL;
	}
	if (!b->s)
		return xstrdup("");
	return b->s;
}

/* Length in bytes and width in columns of the UTF-8 character at s. */
static int
char_at(const char *s, int *width)
{
	wchar_t wc;
	int n = mbtowc(&wc, s, MB_CUR_MAX);

	if (n <= 0) {
		*width = 1;
		return 1;
	}
	*width = wcwidth(wc);
	if (*width < 0)
		*width = 1;
	return n;
}

/* Display width of the first n bytes of s. */
static int
width_of(const char *s, size_t n)
{
	int w = 0, cw;

	for (size_t i = 0; i < n;) {
		i += (size_t)char_at(s + i, &cw);
		w += cw;
	}
	return w;
}

/* Ends the current row: pads it to cols. */
static void
pad_row(struct sbuf *b, int used, int cols)
{
	for (; used < cols; used++)
		sb_add(b, " ", 1);
}

char *
edit_wrap(const char *text, int cols)
{
	struct sbuf b = { 0 };
	const char *p = text;

	if (cols < 1)
		cols = 1;
	for (;;) {
		size_t plen = strcspn(p, "\n");
		const char *end = p + plen;
		int used = 0;

		while (p < end) {
			size_t wl = strcspn(p, " ");
			int ww;

			if (p + wl > end)
				wl = (size_t)(end - p);
			if (wl == 0) {		/* a space */
				if (used < cols) {
					sb_add(&b, " ", 1);
					used++;
				}
				p++;
				continue;
			}
			ww = width_of(p, wl);
			/* like the form library: a row that would reach its last
			 * column wraps its last word */
			if (used > 0 && used + ww >= cols) {
				pad_row(&b, used, cols);
				used = 0;
			}
			while (ww > cols - used && used == 0 && ww > cols) {
				/* longer than a row: split it */
				size_t i = 0;
				int w = 0, cw;

				while (i < wl) {
					int n = char_at(p + i, &cw);

					if (w + cw > cols)
						break;
					i += (size_t)n;
					w += cw;
				}
				if (i == 0)
					i = (size_t)char_at(p, &cw);
				sb_add(&b, p, i);
				pad_row(&b, w, cols);
				p += i;
				wl -= i;
				ww = width_of(p, wl);
			}
			sb_add(&b, p, wl);
			used += ww;
			p += wl;
		}
		if (used > 0 || plen == 0 || *end == '\n')
			pad_row(&b, used, cols);
		if (*end != '\n')
			break;
		p = end + 1;
		if (!*p)
			break;
	}
	return sb_done(&b);
}

/* The rows of a form buffer, split by display width. */
struct row {
	const char *s;
	size_t len;	/* without trailing spaces */
	int width;	/* of s[0..len) */
};

char *
edit_unwrap(const char *buf, int cols)
{
	struct row *rows = NULL;
	size_t nrows = 0, cap = 0;
	struct sbuf b = { 0 };
	const char *p = buf;

	if (cols < 1)
		cols = 1;
	while (*p) {
		const char *s = p;
		int w = 0, cw;

		while (*p && w < cols) {
			int n = char_at(p, &cw);

			p += n;
			w += cw;
		}
		if (nrows == cap) {
			struct row *r = realloc(rows, (cap = cap ? cap * 2 : 16) * sizeof(*r));

			if (!r) {
				free(rows);
				return NULL;
			}
			rows = r;
		}
		rows[nrows].s = s;
		rows[nrows].len = (size_t)(p - s);
		while (rows[nrows].len > 0 && s[rows[nrows].len - 1] == ' ')
			rows[nrows].len--;
		rows[nrows].width = width_of(s, rows[nrows].len);
		nrows++;
	}
	while (nrows > 0 && rows[nrows - 1].len == 0)
		nrows--;
	for (size_t i = 0; i < nrows; i++) {
		const struct row *r = &rows[i];

		if (i > 0) {
			const struct row *prev = &rows[i - 1];
			size_t lead = 0, first;

			while (lead < r->len && r->s[lead] == ' ')
				lead++;
			first = strcspn(r->s + lead, " ");
			if (first > r->len - lead)
				first = r->len - lead;
			if (prev->len == 0 || r->len == 0 ||
			    prev->width + 1 + width_of(r->s + lead, first) < cols) {
				sb_add(&b, "\n", 1);	/* it would have fitted: a line break */
				sb_add(&b, r->s, r->len);
				continue;
			}
			/* wrapped: a full row that is one word was a long word split */
			if (!(prev->width >= cols && !memchr(prev->s, ' ', prev->len)))
				sb_add(&b, " ", 1);
			sb_add(&b, r->s + lead, r->len - lead);
			continue;
		}
		sb_add(&b, r->s, r->len);
	}
	free(rows);
	return sb_done(&b);
}
