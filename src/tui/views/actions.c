/*
 * Acties: every action item, open ones first, with owner, deadline and
 * meeting; overdue ones stand out. Sort orders within open/done and a
 * filter (open, done, overdue); space toggles the selected one, Enter
 * shows it whole. Under the list the selected action, as much as fits;
 * the wheel scrolls the pane under the pointer.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "tui/app.h"
#include "core/i18n.h"
#include "core/text.h"
#include "model/meetings.h"

#define WHEEL_ROWS 3
enum { PANE_DETAIL };

struct actions_state {
	struct list *list;		/* the action items; NULL until shown */
	int sort;			/* actions_sort_label(sort) */
	int filter;			/* actions_filter_label(filter) */
	char changed[120];		/* "laatst gewijzigd" of the selected one */
	int detail_h;			/* lines under the list: the selected one */
	int skip;			/* lines of its text scrolled away (the wheel) */
	long long skip_for;		/* the action they were scrolled for */
};

static void *
actions_open(struct app *app)
{
	(void)app;
	return xcalloc(1, sizeof(struct actions_state));
}

static void
actions_close(void *priv)
{
	struct actions_state *s = priv;

	list_free(s->list);
	free(s);
}

/* The list, made when first needed; NULL when out of memory. */
static struct list *
action_list(struct actions_state *s, struct app *app)
{
	if (!s->list)
		s->list = actions_list(app->db);
	return s->list;
}

static struct list *
actions_list_op(const struct view *v)
{
	const struct actions_state *s = v->priv;

	return s->list;
}

static void
actions_invalidate(struct view *v, struct app *app)
{
	struct actions_state *s = v->priv;

	(void)app;
	if (s->list)
		list_invalidate(s->list);
}

static bool
actions_show(struct view *v, struct app *app, int arg)
{
	(void)arg;
	action_list(v->priv, app);
	return true;
}

static void
draw_action_row(const struct app *app, struct grid *g, const struct list_row *row, struct rect r,
		void *ctx)
{
	struct action_row a = action_row(row);
	char date[16];
	int mw = r.w >= 100 ? 13 : 0, x;

	(void)ctx;
	render_action_line(app, g, r.x + 1, r.y, r.w - 2 - mw, a.actie, a.eigenaar, a.deadline, a.status);
	if (mw) {
		render_date(a.vergadering, date);
		x = r.x + r.w - mw;
		grid_fill(g, (struct rect){ x - 1, r.y, mw + 1, 1 }, L' ', ROLE_NORMAL);
		grid_text(g, x, r.y, mw - 1, ROLE_DIM, date);
	}
}

/* A heading, the list, and under it the selected action in full. */
static void
actions_layout(struct view *v, struct app *app, struct rect body)
{
	struct actions_state *s = v->priv;
	struct list *l = action_list(s, app);
	const struct list_row *row;

	if (!l)
		return;
	s->detail_h = body.h >= 20 ? 6 : 3;	/* from 20 lines the bron too */
	layout_list(app, l, (struct rect){ body.x, body.y + 1, body.w, body.h - 1 - s->detail_h });
	row = list_row(l, l->cur);
	snprintf(s->changed, sizeof(s->changed), "%s", row ? app_last_changed(app, &entity_acties, row->id) : "");
	if (!row || row->id != s->skip_for)
		s->skip = 0;	/* another action: its text from the top */
	s->skip_for = row ? row->id : 0;
	if (row) {
		int lines = grid_wrap(NULL, (struct rect){ 0, 0, body.w - 2, 0 }, ROLE_NORMAL, action_row(row).actie, 0);

		if (s->skip > lines - (s->detail_h - 2 - (s->detail_h > 3)))	/* - the bron line */
			s->skip = lines - (s->detail_h - 2 - (s->detail_h > 3));
		if (s->skip < 0)
			s->skip = 0;
	}
	app_zone(app, (struct rect){ body.x, body.y + body.h - s->detail_h, body.w, s->detail_h }, ZONE_PANE,
		 PANE_DETAIL);
}

static void
actions_draw(const struct view *v, const struct app *app, struct grid *g, struct rect body)
{
	const struct actions_state *s = v->priv;
	const struct list_row *row;
	char line[300], n[32];
	int dh = s->detail_h;

	if (!s->list)
		return;
	snprintf(line, sizeof(line), _("Acties: %s · sortering: %s · "), i18n_count(list_counted(s->list), n),
		 actions_sort_label(s->sort));
	render_heading(g, (struct rect){ body.x, body.y, body.w, 1 }, line, false);
	{	/* the filter stands out while it hides actions */
		char fl[80];
		int x = body.x + 1 + text_width(line);

		snprintf(fl, sizeof(fl), _("filter: %s"), actions_filter_label(s->filter));
		grid_text(g, x, body.y, body.x + body.w - 1 - x, s->filter ? ROLE_OVERDUE : ROLE_TITLE, fl);
	}
	if (body.w >= 100)
		grid_text(g, body.x + body.w - 13, body.y, 12, ROLE_TITLE, _("Vergadering"));
	render_list(app, g, s->list, (struct rect){ body.x, body.y + 1, body.w, body.h - 1 - dh }, -1,
		    draw_action_row, NULL);
	row = list_row(s->list, s->list->cur);
	render_hline(g, body.x, body.y + body.h - dh, body.w);
	if (row && *s->changed) {
		snprintf(line, sizeof(line), _(" laatst gewijzigd: %s "), s->changed);
		grid_text_right(g, body.x + 2, body.y + body.h - dh, body.w - 4, ROLE_DIM, line);
	}
	if (row) {
		struct action_row a = action_row(row);
		char date[16];

		render_date(a.vergadering, date);
		snprintf(line, sizeof(line), _("Eigenaar: %s   Vergadering: %s   Domein: %s"),
			 *a.eigenaar ? a.eigenaar : "—", *date ? date : "—", *a.domein ? a.domein : "—");
		grid_text(g, body.x + 1, body.y + body.h - dh + 1, body.w - 2, ROLE_DIM, line);
		render_wrap(g, (struct rect){ body.x + 1, body.y + body.h - dh + 2, body.w - 2, dh - 2 - (dh > 3) },
			    ROLE_NORMAL, a.actie, s->skip);
		if (dh > 3) {
			char src[1300];	/* a bron of 300 characters of 4 bytes */

			snprintf(src, sizeof(src), _("Bron: %s"), *a.bron ? a.bron : "—");
			grid_text(g, body.x + 1, body.y + body.h - 1, body.w - 2, ROLE_DIM, src);
		}
	}
}

/* s cycles the sort orders, f the filters. */
static int
actions_key(struct view *v, struct app *app, enum action a)
{
	struct actions_state *s = v->priv;
	struct list *l = action_list(s, app);

	if (!l)
		return 0;
	switch (a) {
	case ACT_SORT:
		s->sort = (s->sort + 1) % actions_sorts();
		actions_sort(l, s->sort);
		app_message(app, false, _("sortering: %s"), actions_sort_label(s->sort));
		return APP_REDRAW;
	case ACT_FILTER:
		s->filter = (s->filter + 1) % actions_filters();
		actions_filter(l, s->filter, app->today);
		app_message(app, false, _("filter: %s"), actions_filter_label(s->filter));
		return APP_REDRAW;
	default:
		return 0;
	}
}

/* The wheel scrolls the pane under the pointer: the list, or the
 * selected action's text. */
static int
actions_mouse(struct view *v, struct app *app, long long item, int wheel)
{
	struct actions_state *s = v->priv;
	struct list *l = s->list;

	if (!l)
		return 0;
	if (wheel && item == PANE_DETAIL) {
		s->skip += wheel;
		return APP_REDRAW;
	}
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

/* The filter hides an action that was just changed (marked done while
 * only open ones show). */
static const char *
actions_hidden_by(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct actions_state *s = v->priv;

	(void)app;
	if (e != &entity_acties || !s->list || !s->filter || !list_filter_hides(s->list, id))
		return NULL;
	return actions_filter_label(s->filter);
}

static void
actions_unfilter(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct actions_state *s = v->priv;

	(void)e;
	s->filter = 0;
	if (s->list) {
		actions_filter(s->list, 0, app->today);
		list_select_id(s->list, id);
	}
}

/* An action item; a filter that might hide it is cleared. */
static const char *
actions_show_entry(struct view *v, struct app *app, const struct search_hit *h)
{
	struct actions_state *s = v->priv;

	if (h->e != &entity_acties)
		return NULL;
	app_show(app, v->ops, 0);
	if (s->list) {
		if (s->list->has_p2) {
			s->filter = 0;
			actions_filter(s->list, 0, app->today);
		}
		list_select_id(s->list, h->id);
	}
	return _("actie");
}

static struct edit_target
actions_selected(struct view *v, struct app *app)
{
	struct actions_state *s = v->priv;

	(void)app;
	return edit_list_selected(&entity_acties, s->list);
}

static void
actions_select(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct actions_state *s = v->priv;

	(void)app;
	if (e == &entity_acties && s->list)
		list_select_id(s->list, id);
}

/* `a`: an action item. */
static int
actions_add(struct view *v, struct app *app, const struct entity *kind)
{
	(void)v;
	(void)kind;
	return edit_new(app, &entity_acties, NULL, NULL, NULL);
}

static const struct view_key keys[] = {
	{ "8", 0, N_("Acties") },
};

const struct view_ops view_actions = {
	.name = N_("Acties"),
	.keys = keys,
	.nkeys = 1,
	.open = actions_open,
	.close = actions_close,
	.show = actions_show,
	.layout = actions_layout,
	.draw = actions_draw,
	.key = actions_key,
	.list = actions_list_op,
	.mouse = actions_mouse,
	.show_entry = actions_show_entry,
	.selected = actions_selected,
	.select = actions_select,
	.add = actions_add,
	.invalidate = actions_invalidate,
	.hidden_by = actions_hidden_by,
	.unfilter = actions_unfilter,
};
