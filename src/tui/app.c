/*
 * The dashboard's behaviour: keys and clicks change the state and say
 * whether to redraw or quit (they never draw). Views plug in through
 * struct view_ops; generic list movement lives here.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "core/date.h"
#include "store/db.h"
#include "tui/edit.h"
#include "model/history.h"
#include "core/text.h"

extern const struct view_ops view_overview_ops, view_domain_ops, view_planning_ops,
	view_meetings_ops, view_actions_ops;

const struct view_ops *const app_views[VIEW_COUNT] = {
	&view_overview_ops, &view_domain_ops, &view_planning_ops,
	&view_meetings_ops, &view_actions_ops,
};

#define WHEEL_ROWS 3

struct app *
app_new(struct db *db, bool readonly)
{
	struct app *app = calloc(1, sizeof(*app));

	if (!app)
		return NULL;
	app->db = db;
	app->readonly = readonly;
	app->year = 2024;
	app->hit = -1;
	app->ms_sel = -1;
	app->successes_dom = app->detail_id = app->meeting_id = -1;
	app->version = db_data_version(db);
	date_today(app->today);
	overview_load(db, &app->ov);
	return app;
}

void
app_free(struct app *app)
{
	if (!app)
		return;
	list_free(app->lines);
	list_free(app->gantt);
	list_free(app->meetings);
	list_free(app->acts);
	successes_free(&app->successes);
	actielijn_detail_free(&app->detail);
	milestones_free(&app->milestones);
	undated_free(&app->undated);
	meeting_detail_free(&app->meeting);
	search_hits_free(&app->hits);
	for (int i = 0; i < MODEL_MAX_DOMAINS; i++)
		line_titles_free(&app->ov_lines[i]);
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
app_zone(struct app *app, struct rect r, enum zone_kind kind, long long value)
{
	if (app->nzones < APP_MAX_ZONES)
		app->zones[app->nzones++] = (struct zone){ r, kind, value };
}

void
app_invalidate(struct app *app)
{
	struct list *lists[] = { app->lines, app->gantt, app->meetings, app->acts };

	app->ov.valid = false;
	overview_load(app->db, &app->ov);
	memset(app->ov_lines_limit, 0, sizeof(app->ov_lines_limit));
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (lists[i])
			list_invalidate(lists[i]);
	app->successes_dom = app->detail_id = app->meeting_id = -1;
	app->gantt_loaded = 0;
	app->changed_table = NULL;
	app->version = db_data_version(app->db);
}

const char *
app_last_changed(struct app *app, const char *table, long long id)
{
	if (!app->changed_table || strcmp(app->changed_table, table) != 0 || app->changed_id != id) {
		if (history_last(app->db, table, id, app->changed, sizeof(app->changed)) < 0)
			app->changed[0] = '\0';
		app->changed_table = table;
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

void
app_show(struct app *app, enum view_id v, int domain)
{
	if (v != app->view)
		app->back = app->view;
	app->help = false;
	app->zoom = false;
	if (v == VIEW_DOMAIN) {
		struct list *l;

		if (domain < 0 || domain >= app->ov.n)
			return;
		app->dom = app->pane = domain;
		app->view = v;
		l = app_views[v]->list(app);
		if (l && (l->p1 != app->ov.dom[domain].id || l->count < 0))
			list_set_params(l, app->ov.dom[domain].id, l->has_p2 ? l->p2 : NULL);
	}
	app->view = v;
	if (app_views[v]->list)
		app_views[v]->list(app);
}

/* Order of Tab: overview, the domains, planning, meetings, actions. */
static void
cycle(struct app *app, int dir)
{
	int nd = app->ov.ndomains, n = nd + 4, pos;

	switch (app->view) {
	case VIEW_OVERVIEW: pos = 0; break;
	case VIEW_DOMAIN: pos = app->dom < nd ? 1 + app->dom : 0; break;
	case VIEW_PLANNING: pos = nd + 1; break;
	case VIEW_MEETINGS: pos = nd + 2; break;
	default: pos = nd + 3; break;
	}
	pos = (pos + dir + n) % n;
	if (pos == 0)
		app_show(app, VIEW_OVERVIEW, 0);
	else if (pos <= nd)
		app_show(app, VIEW_DOMAIN, pos - 1);
	else
		app_show(app, (enum view_id)(VIEW_PLANNING + pos - nd - 1), 0);
}

/* Goes to search hit i: opens the view that shows it and selects it. */
static void
goto_hit(struct app *app, int i)
{
	const struct search_hit *h = &app->hits.v[i];
	const char *what = "";

	app->hit = i;
	if (h->e == &entity_actielijnen || h->e == &entity_successen) {
		int d = overview_find(&app->ov, h->ref);

		app_show(app, VIEW_DOMAIN, d);
		if (h->e == &entity_actielijnen && app->lines) {
			if (app->lines->has_p2) {
				app->lines_filter = 0;
				actielijnen_show(app->lines, app->ov.dom[d].id, NULL);
			}
			list_select_id(app->lines, h->id);
		}
		what = h->e == &entity_successen ? "succes" : "actielijn";
	} else if (h->e == &entity_planning) {
		app_show(app, VIEW_PLANNING, 0);
		what = "planning";
	} else if (h->e == &entity_acties) {
		app_show(app, VIEW_ACTIONS, 0);
		if (app->acts->has_p2) {
			app->acts_filter = 0;
			actions_filter(app->acts, 0, app->today);
		}
		list_select_id(app->acts, h->id);
		what = "actie";
	} else {
		app_show(app, VIEW_MEETINGS, 0);
		list_select_id(app->meetings, h->ref);
		what = h->e == &entity_besluiten ? "besluit" : "vergadering";
	}
	app_message(app, false, "\"%s\": treffer %d/%d%s (%s) — n/N volgende/vorige",
		    app->query, i + 1, app->hits.n,
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
		app_message(app, true, "zoeken mislukt: %s", db_errmsg(app->db));
		return;
	}
	if (app->hits.n == 0) {
		app_message(app, true, "\"%s\": niets gevonden", app->query);
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
	struct list *l = app_views[app->view]->list ? app_views[app->view]->list(app) : NULL;
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

int
app_action(struct app *app, enum action a)
{
	const struct view_ops *v;

	if (a == ACT_QUIT)
		return APP_QUIT;
	if (a != ACT_NONE) {
		app->msg[0] = '\0';	/* a message lasts until the next key */
		app->msg_error = false;
	}
	if (app->help) {
		switch (a) {
		case ACT_UP: app->help_top--; break;
		case ACT_DOWN: app->help_top++; break;
		case ACT_PAGE_UP: app->help_top -= app->page; break;
		case ACT_PAGE_DOWN: app->help_top += app->page; break;
		case ACT_HOME: app->help_top = 0; break;
		case ACT_END: app->help_top = keys_count() + keys_form_count() + 2; break;
		case ACT_HELP: case ACT_BACK: app->help = false; break;
		default: app->help = false; return app_action(app, a);
		}
		if (app->help_top < 0)
			app->help_top = 0;
		return APP_REDRAW;
	}
	switch (a) {
	case ACT_NONE: return 0;
	case ACT_HELP: app->help = true; app->help_top = 0; return APP_REDRAW;
	case ACT_OVERVIEW: app_show(app, VIEW_OVERVIEW, 0); return APP_REDRAW;
	case ACT_DOMAIN1: case ACT_DOMAIN2: case ACT_DOMAIN3: case ACT_DOMAIN4: case ACT_DOMAIN5:
		if ((int)a - ACT_DOMAIN1 < app->ov.ndomains)
			app_show(app, VIEW_DOMAIN, (int)a - ACT_DOMAIN1);
		else
			app_message(app, true, "er is geen domein %d", (int)a - ACT_DOMAIN1 + 1);
		return APP_REDRAW;
	case ACT_PLANNING: app_show(app, VIEW_PLANNING, 0); return APP_REDRAW;
	case ACT_MEETINGS: app_show(app, VIEW_MEETINGS, 0); return APP_REDRAW;
	case ACT_ACTIONS: app_show(app, VIEW_ACTIONS, 0); return APP_REDRAW;
	case ACT_NEXT_VIEW: cycle(app, 1); return APP_REDRAW;
	case ACT_PREV_VIEW: cycle(app, -1); return APP_REDRAW;
	case ACT_SEARCH: app->prompt = true; app->input[0] = '\0'; return APP_REDRAW;
	case ACT_ADD: return edit_add(app);
	case ACT_EDIT: return edit_edit(app);
	case ACT_DELETE: return edit_delete(app);
	case ACT_TOGGLE: return edit_toggle(app);
	case ACT_UNDO: return edit_undo(app);
	case ACT_REDO: return edit_redo(app);
	case ACT_NEXT_HIT: case ACT_PREV_HIT:
		if (app->hits.n == 0) {
			app_message(app, true, "nog geen zoekopdracht: typ / om te zoeken");
			return APP_REDRAW;
		}
		goto_hit(app, app->hit < 0 ? 0 :
			 (app->hit + (a == ACT_NEXT_HIT ? 1 : app->hits.n - 1)) % app->hits.n);
		return APP_REDRAW;
	default:
		break;
	}
	v = app_views[app->view];
	if (v->act && v->act(app, a))
		return APP_REDRAW;
	if (list_nav(app, a))
		return APP_REDRAW;
	if (a == ACT_BACK && app->view != VIEW_OVERVIEW) {
		app_show(app, VIEW_OVERVIEW, 0);
		return APP_REDRAW;
	}
	return 0;
}

int
app_key(struct app *app, int key)
{
	if (key == KC_RESIZE)
		return APP_REDRAW;
	if (key == KC_TIMEOUT)
		return app_poll(app);
	if (app->prompt)
		return prompt_key(app, key);
	if (app->ask)
		return edit_answer(app, key);
	return app_action(app, keys_action(key));
}

int
app_mouse(struct app *app, int x, int y, int wheel)
{
	struct list *l = app_views[app->view]->list ? app_views[app->view]->list(app) : NULL;

	if (app->help || app->prompt || app->ask)
		return 0;
	if (wheel) {
		if (l) {
			list_move(l, wheel * WHEEL_ROWS, app->page > 1 ? app->page : 1);
		} else if (app->view == VIEW_OVERVIEW) {
			app->pane = (app->pane + wheel + app->ov.n) % (app->ov.n ? app->ov.n : 1);
		}
		return APP_REDRAW;
	}
	for (int i = app->nzones - 1; i >= 0; i--) {
		const struct zone *z = &app->zones[i];

		if (x < z->r.x || x >= z->r.x + z->r.w || y < z->r.y || y >= z->r.y + z->r.h)
			continue;
		switch (z->kind) {
		case ZONE_TAB:
			return app_action(app, (enum action)z->value);
		case ZONE_PANE:
			if (app->pane == z->value && app->view == VIEW_OVERVIEW)
				return app_action(app, ACT_OPEN);
			app->pane = (int)z->value;
			return APP_REDRAW;
		case ZONE_ROW:
			if (l && l->cur == z->value)
				return app_action(app, ACT_OPEN);
			if (l) {
				l->cur = z->value;
				list_scroll(l, app->page);
			}
			return APP_REDRAW;
		}
	}
	return 0;
}
