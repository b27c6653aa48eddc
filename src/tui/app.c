/*
 * The dashboard's engine: keys and clicks change the state and say
 * whether to redraw or quit (they never draw). It knows the views only
 * through the registry (include/tui/view.h): which key shows which view,
 * Tab's order, what a view does with a key, where a search hit is shown.
 * What is the same for every view lives here: the search prompt, the
 * help screen's scrolling, moving in a list, the mouse.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "tui/app.h"
#include "core/date.h"
#include "core/i18n.h"
#include "store/db.h"
#include "tui/edit.h"
#include "tui/reader.h"
#include "model/history.h"
#include "core/text.h"

#define WHEEL_ROWS 3

struct app *
app_new(struct db *db, bool readonly)
{
	struct app *app = xcalloc(1, sizeof(*app));

	app->views = xcalloc((size_t)view_count, sizeof(*app->views));
	app->db = db;
	app->readonly = readonly;
	app->hit = -1;
	app->version = db_data_version(db);
	date_today(app->today);
	app_load_domains(app);
	for (int i = 0; i < view_count; i++) {
		app->views[i].ops = view_registry[i];
		app->views[i].priv = view_registry[i]->open(app);
	}
	return app;
}

void
app_free(struct app *app)
{
	if (!app)
		return;
	for (int i = 0; app->views && i < view_count; i++)
		if (app->views[i].priv)
			app->views[i].ops->close(app->views[i].priv);
	free(app->views);
	reader_close(app);
	search_hits_free(&app->hits);
	edit_form_free(app->form);
	undo_free(&app->undo);
	free(app);
}

void
app_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof(app->msg), fmt, ap);
	va_end(ap);
	app->msg_error = error;
}

void
app_result(struct app *app, const struct result_info *r)
{
	char msg[RESULT_TEXT_MAX];

	app_message(app, true, "%s", result_text(r, msg, sizeof(msg)));
}

struct view *
app_current(struct app *app)
{
	return &app->views[app->view];
}

struct list *
app_list(struct app *app)
{
	struct view *v = app_current(app);

	return v->ops->list ? v->ops->list(v) : NULL;
}

void
app_load_domains(struct app *app)
{
	long long id = app->domain >= 0 && app->domain < app->domains.n ? app->domains.dom[app->domain].id : 0;
	int d;

	if (app->domains.valid && app->domains.version == db_data_version(app->db))
		return;
	if (domains_load(app->db, &app->domains) < 0)
		app_result(app, &app->domains.why);
	/* the domain in focus is the same domain, wherever it now sorts */
	if (id && (d = domains_find(&app->domains, id)) >= 0)
		app->domain = d;
	if (app->domain >= app->domains.n)
		app->domain = app->domains.n > 0 ? app->domains.n - 1 : 0;
}

void
app_invalidate(struct app *app)
{
	app->domains.valid = false;
	app_load_domains(app);
	for (int i = 0; i < view_count; i++)
		if (app->views[i].ops->invalidate)
			app->views[i].ops->invalidate(&app->views[i], app);
	app->changed_e = NULL;
	app->version = db_data_version(app->db);
	reader_invalidate(app);
}

const char *
app_last_changed(struct app *app, const struct entity *e, long long id)
{
	if (app->changed_e != e || app->changed_id != id) {
		if (history_last(app->db, e->name, id, app->changed, sizeof(app->changed)) < 0)
			app->changed[0] = '\0';
		app->changed_e = e;
		app->changed_id = id;
	}
	return app->changed;
}

int
app_poll(struct app *app)
{
	char today[11];

	date_today(today);
	if (db_data_version(app->db) == app->version && strcmp(today, app->today) == 0)
		return 0;
	memcpy(app->today, today, sizeof(today));
	app_invalidate(app);
	return APP_REDRAW;
}

/* Index of a view in the registry, or -1. */
static int
view_index(const struct view_ops *ops)
{
	for (int i = 0; i < view_count; i++)
		if (view_registry[i] == ops)
			return i;
	return -1;
}

int
app_show(struct app *app, const struct view_ops *ops, int arg)
{
	int i = view_index(ops);
	struct view *v;

	if (i < 0)
		return 0;
	v = &app->views[i];
	app->help = false;
	reader_close(app);
	if (v->ops->show && !v->ops->show(v, app, arg))
		return APP_REDRAW;
	app->view = i;
	return APP_REDRAW;
}

const char *
app_open_entry(struct app *app, const struct search_hit *h)
{
	for (int i = 0; i < view_count; i++) {
		struct view *v = &app->views[i];
		const char *what = v->ops->show_entry ? v->ops->show_entry(v, app, h) : NULL;

		if (what)
			return what;
	}
	return NULL;
}

/* Tab and Shift-Tab: the next or previous tab, hidden ones included (a domain without a tab of its own) and trailing
 * ones left out (an open theme); from a view without a tab, the first. */
static int
cycle(struct app *app, int dir)
{
	struct tab tabs[APP_MAX_TABS];
	int stops[APP_MAX_TABS], n = 0, pos = 0, ntabs = app_tabs(app, app->w, tabs, APP_MAX_TABS);

	for (int i = 0; i < ntabs; i++) {
		if (tabs[i].trailing)
			continue;
		if (tabs[i].active)
			pos = n;
		stops[n++] = i;
	}
	if (n == 0)
		return 0;
	pos = (pos + dir + n) % n;
	return app_show(app, view_registry[tabs[stops[pos]].view], tabs[stops[pos]].arg);
}

/* Goes to search hit i: opens the view that shows it and selects it. */
static void
goto_hit(struct app *app, int i)
{
	const struct search_hit *h = &app->hits.v[i];
	const char *what;
	char a[32], b[32];

	app->hit = i;
	if ((what = app_open_entry(app, h))) {
		/* the hit itself is selected where it is shown (a domain,
		 * for one: not its first actielijn) */
		struct view *v = app_current(app);

		if (v->ops->select)
			v->ops->select(v, app, h->e, h->id);
	} else {
		what = _(h->e->words->kind);
	}
	/* TRANSLATORS: the search, the hit, how many (+: more than shown), what it is */
	app_message(app, false, _("\"%s\": treffer %s/%s%s (%s) — n/N volgende/vorige"),
		    app->query, i18n_count(i + 1, a), i18n_count(app->hits.n, b),
		    app->hits.n >= SEARCH_MAX_HITS ? "+" : "", what);
}

static void
search_run(struct app *app)
{
	snprintf(app->query, sizeof(app->query), "%s", app->input);
	app->prompt = false;
	app->hit = -1;
	if (!*app->query) {
		search_hits_free(&app->hits);
		app->msg[0] = '\0';
		return;
	}
	if (model_search(app->db, app->query, &app->hits) < 0) {
		char msg[RESULT_TEXT_MAX];

		app_message(app, true, _("zoeken mislukt: %s"),
			    result_text(db_result(app->db), msg, sizeof(msg)));
		return;
	}
	if (app->hits.n == 0) {
		app_message(app, true, _("\"%s\": niets gevonden"), app->query);
		return;
	}
	goto_hit(app, 0);
}

/* Typing in the search prompt. */
static int
prompt_key(struct app *app, int key)
{
	size_t len = strlen(app->input);

	if (key == KC_ENTER || key == '\r') {
		search_run(app);
	} else if (key == KC_ESC) {
		app->prompt = false;
	} else if (key == KC_BACKSPACE || key == '\b') {
		while (len > 0 && ((unsigned char)app->input[len - 1] & 0xc0) == 0x80)
			len--;		/* continuation bytes of the last character */
		if (len > 0)
			len--;
		app->input[len] = '\0';
	} else if (key >= ' ' && key < KC_SPECIAL && key != 127) {
		char u[5] = { 0 };

		text_utf8_encode((uint32_t)key, u);
		if (len + strlen(u) < sizeof(app->input))
			strcat(app->input, u);
	}
	return APP_REDRAW;
}

/* Up, down, pages, ends: the same for every view with a list. */
static bool
list_nav(struct app *app, enum action a)
{
	struct list *l = app_list(app);
	int page = app->page > 1 ? app->page : 1;

	if (!l)
		return false;
	switch (a) {
	case ACT_UP: list_move(l, -1, page); return true;
	case ACT_DOWN: list_move(l, 1, page); return true;
	case ACT_PAGE_UP: l->top -= page; list_move(l, -page, page); return true;
	case ACT_PAGE_DOWN: l->top += page; list_move(l, page, page); return true;
	case ACT_HOME: l->cur = 0; list_scroll(l, page); return true;
	case ACT_END: l->cur = list_count(l) - 1; list_scroll(l, page); return true;
	default: return false;
	}
}

/* Keys while the help screen is up: it scrolls; any other key closes it
 * and does what it does. */
static int
help_action(struct app *app, enum action a)
{
	switch (a) {
	case ACT_UP: app->help_top--; break;
	case ACT_DOWN: app->help_top++; break;
	case ACT_PAGE_UP: app->help_top -= app->page; break;
	case ACT_PAGE_DOWN: app->help_top += app->page; break;
	case ACT_HOME: app->help_top = 0; break;
	case ACT_END: app->help_top = 1 << 20; break;	/* layout brings it back */
	case ACT_HELP: case ACT_BACK: app->help = false; break;
	default: app->help = false; return app_action(app, a);
	}
	if (app->help_top < 0)
		app->help_top = 0;
	return APP_REDRAW;
}

int
app_action(struct app *app, enum action a)
{
	struct view *v = app_current(app);
	int r;

	if (a == ACT_QUIT)
		return APP_QUIT;
	if (a != ACT_NONE) {
		app->msg[0] = '\0';	/* a message lasts until the next key */
		app->msg_error = false;
	}
	if (app->help)
		return help_action(app, a);
	if (app->reader && a != ACT_HELP && a != ACT_QUIT)
		return reader_action(app, a);
	switch (a) {
	case ACT_NONE: return 0;
	case ACT_HELP: app->help = true; app->help_top = 0; return APP_REDRAW;
	case ACT_NEXT_VIEW: cycle(app, 1); return APP_REDRAW;
	case ACT_PREV_VIEW: cycle(app, -1); return APP_REDRAW;
	case ACT_SEARCH: app->prompt = true; app->input[0] = '\0'; return APP_REDRAW;
	case ACT_UNDO: return edit_undo(app);
	case ACT_REDO: return edit_redo(app);
	case ACT_NEXT_HIT: case ACT_PREV_HIT:
		if (app->hits.n == 0) {
			app_message(app, true, "%s", _("nog geen zoekopdracht: typ / om te zoeken"));
			return APP_REDRAW;
		}
		goto_hit(app, app->hit < 0 ? 0 :
			 (app->hit + (a == ACT_NEXT_HIT ? 1 : app->hits.n - 1)) % app->hits.n);
		return APP_REDRAW;
	default:
		break;
	}
	if (v->ops->key && (r = v->ops->key(v, app, a)) != 0)
		return r;
	switch (a) {
	case ACT_ADD: return edit_add(app);
	case ACT_EDIT: return edit_edit(app);
	case ACT_DELETE: return edit_delete(app);
	case ACT_TOGGLE: return edit_toggle(app);
	default: break;
	}
	if (list_nav(app, a))
		return APP_REDRAW;
	if (a == ACT_OPEN) {	/* the selected entry, whole */
		reader_open(app, edit_selection(app));
		return APP_REDRAW;
	}
	if (a == ACT_BACK && app->view != 0)
		return app_show(app, view_registry[0], 0);
	return 0;
}

/* A key that shows a view (struct view_key): like any action it ends the
 * message and the help screen. Returns -1 when key shows no view. */
static int
view_key(struct app *app, int key)
{
	for (int i = 0; i < view_count; i++)
		for (int k = 0; k < view_registry[i]->nkeys; k++)
			if (keys_parse(view_registry[i]->keys[k].key) == key) {
				app->msg[0] = '\0';
				app->msg_error = false;
				return app_show(app, view_registry[i], view_registry[i]->keys[k].arg);
			}
	return -1;
}

int
app_key(struct app *app, int key)
{
	struct view *v = app_current(app);
	int r;

	if (key == KC_RESIZE)
		return APP_REDRAW;
	if (key == KC_TIMEOUT)
		return app_poll(app);
	if (app->prompt)
		return prompt_key(app, key);
	if (app->ask)
		return edit_answer(app, key);
	if (!app->help && v->ops->text_key && (r = v->ops->text_key(v, app, key)) >= 0)
		return r;
	if ((r = view_key(app, key)) >= 0)
		return r;
	return app_action(app, keys_action(key));
}

/* The engine's mouse for a view with a list: the wheel scrolls it, a
 * click selects a row and a second click opens it. */
static int
list_mouse(struct app *app, struct list *l, long long item, int wheel)
{
	if (!l)
		return 0;
	if (wheel) {
		list_move(l, wheel * WHEEL_ROWS, app->page > 1 ? app->page : 1);
		return APP_REDRAW;
	}
	if (l->cur == item)
		return app_action(app, ACT_OPEN);
	l->cur = item;
	list_scroll(l, app->page);
	return APP_REDRAW;
}

/* The pane under (x, y) in the last frame: the value of the last
 * ZONE_PANE there (panes laid out later lie on top), or -1. */
static long long
pane_at(const struct app *app, int x, int y)
{
	for (int i = app->nzones - 1; i >= 0; i--) {
		const struct zone *z = &app->zones[i];

		if (z->kind == ZONE_PANE && x >= z->r.x && x < z->r.x + z->r.w && y >= z->r.y &&
		    y < z->r.y + z->r.h)
			return z->value;
	}
	return -1;
}

int
app_mouse(struct app *app, int x, int y, int wheel)
{
	struct view *v = app_current(app);

	if (app->help || app->prompt || app->ask)
		return 0;
	if (app->reader && wheel) {
		reader_scroll(app, wheel * WHEEL_ROWS);
		return APP_REDRAW;
	}
	if (wheel) {
		long long pane = pane_at(app, x, y);

		if (v->ops->mouse)
			return v->ops->mouse(v, app, pane, wheel);
		/* a view with a list and nothing else to scroll */
		return pane == -1 || pane == APP_PANE_LIST ? list_mouse(app, app_list(app), -1, wheel) : 0;
	}
	for (int i = app->nzones - 1; i >= 0; i--) {
		const struct zone *z = &app->zones[i];

		if (z->kind == ZONE_PANE || x < z->r.x || x >= z->r.x + z->r.w || y < z->r.y ||
		    y >= z->r.y + z->r.h)
			continue;
		if (z->kind == ZONE_TAB) {
			const struct tab *t = &app->tabs[z->value];

			app->msg[0] = '\0';
			app->msg_error = false;
			return app_show(app, view_registry[t->view], t->arg);
		}
		return v->ops->mouse ? v->ops->mouse(v, app, z->value, 0)
				     : list_mouse(app, app_list(app), z->value, 0);
	}
	return 0;
}
