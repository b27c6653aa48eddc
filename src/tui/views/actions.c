/*
 * Acties: every action item, open ones first, with owner, deadline and
 * meeting; overdue ones stand out. Sort orders within open/done and a
 * filter (open, done, overdue); space toggles the selected one.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "tui/app.h"
#include "core/i18n.h"
#include "model/meetings.h"

struct actions_state {
	struct list *list;		/* the action items; NULL until shown */
	int sort;			/* actions_sort_label(sort) */
	int filter;			/* actions_filter_label(filter) */
	char changed[120];		/* "laatst gewijzigd" of the selected one */
	int detail_h;			/* lines under the list: the selected one */
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
}

static void
actions_draw(const struct view *v, const struct app *app, struct grid *g, struct rect body)
{
	const struct actions_state *s = v->priv;
	const struct list_row *row;
	char line[300];
	int dh = s->detail_h;

	if (!s->list)
		return;
	snprintf(line, sizeof(line), "Acties: %lld · sortering: %s · filter: %s", list_counted(s->list),
		 actions_sort_label(s->sort), actions_filter_label(s->filter));
	render_heading(g, (struct rect){ body.x, body.y, body.w, 1 }, line, false);
	if (body.w >= 100)
		grid_text(g, body.x + body.w - 13, body.y, 12, ROLE_TITLE, "Vergadering");
	render_list(app, g, s->list, (struct rect){ body.x, body.y + 1, body.w, body.h - 1 - dh }, -1,
		    draw_action_row, NULL);
	row = list_row(s->list, s->list->cur);
	render_hline(g, body.x, body.y + body.h - dh, body.w);
	if (row && *s->changed) {
		snprintf(line, sizeof(line), " laatst gewijzigd: %s ", s->changed);
		grid_text_right(g, body.x + 2, body.y + body.h - dh, body.w - 4, ROLE_DIM, line);
	}
	if (row) {
		struct action_row a = action_row(row);
		char date[16];

		render_date(a.vergadering, date);
		snprintf(line, sizeof(line), "Eigenaar: %s   Vergadering: %s   Domein: %s",
			 *a.eigenaar ? a.eigenaar : "—", *date ? date : "—", *a.domein ? a.domein : "—");
		grid_text(g, body.x + 1, body.y + body.h - dh + 1, body.w - 2, ROLE_DIM, line);
		grid_wrap(g, (struct rect){ body.x + 1, body.y + body.h - dh + 2, body.w - 2, dh - 2 - (dh > 3) },
			  ROLE_NORMAL, a.actie, 0);
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
		app_message(app, false, "sortering: %s", actions_sort_label(s->sort));
		return APP_REDRAW;
	case ACT_FILTER:
		s->filter = (s->filter + 1) % actions_filters();
		actions_filter(l, s->filter, app->today);
		app_message(app, false, "filter: %s", actions_filter_label(s->filter));
		return APP_REDRAW;
	default:
		return 0;
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
	return "actie";
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
	{ "8", 0, "Acties", "Action items" },
};

const struct view_ops view_actions = {
	.name = "Acties",
	.keys = keys,
	.nkeys = 1,
	.open = actions_open,
	.close = actions_close,
	.show = actions_show,
	.layout = actions_layout,
	.draw = actions_draw,
	.key = actions_key,
	.list = actions_list_op,
	.show_entry = actions_show_entry,
	.selected = actions_selected,
	.select = actions_select,
	.add = actions_add,
	.invalidate = actions_invalidate,
};
