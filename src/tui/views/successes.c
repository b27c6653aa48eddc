/*
 * Successen: the successes of every domain and theme in one list, the
 * newest year first, with the selected one's explanation under it. The
 * domain views show a domain's own successes; this is where the
 * director reads them all, and where e, d and a reach them.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "tui/app.h"
#include "core/i18n.h"
#include "model/programme.h"

#define CODE_W 10	/* the domain's code */
#define YEAR_W 6

struct successes_state {
	struct list *list;	/* every success; NULL until shown */
	int detail_h;		/* lines under the list: the selected one */
};

static void *
successes_open(struct app *app)
{
	(void)app;
	return xcalloc(1, sizeof(struct successes_state));
}

static void
successes_close(void *priv)
{
	struct successes_state *s = priv;

	list_free(s->list);
	free(s);
}

/* The list, made when first needed; NULL when out of memory. */
static struct list *
success_list(struct successes_state *s, struct app *app)
{
	if (!s->list)
		s->list = successes_all(app->db);
	return s->list;
}

static struct list *
successes_list_op(const struct view *v)
{
	const struct successes_state *s = v->priv;

	return s->list;
}

static bool
successes_show(struct view *v, struct app *app, int arg)
{
	(void)arg;
	success_list(v->priv, app);
	return true;
}

static void
successes_invalidate(struct view *v, struct app *app)
{
	struct successes_state *s = v->priv;

	(void)app;
	if (s->list)
		list_invalidate(s->list);
}

/* Its tab: a stop of Tab after Acties, drawn only while it is open (at
 * 80 columns the bar has no room for one more tab without cutting the
 * others' names). */
static int
successes_tabs(const struct view *v, const struct app *app, int width, int others, struct tab *out,
	       int max)
{
	(void)width;
	(void)others;
	if (max < 1)
		return 0;
	memset(out, 0, sizeof(*out));
	snprintf(out->label, sizeof(out->label), "%s%s%s", v->ops->nkeys ? v->ops->keys[0].key : "",
		 v->ops->nkeys ? " " : "", _(v->ops->name));
	out->active = &app->views[app->view] == v;
	out->hidden = !out->active;
	return 1;
}

/* A heading, the list, and the selected success's explanation. */
static void
successes_layout(struct view *v, struct app *app, struct rect body)
{
	struct successes_state *s = v->priv;
	struct list *l = success_list(s, app);

	if (!l)
		return;
	s->detail_h = body.h >= 20 ? 6 : 3;
	layout_list(app, l, (struct rect){ body.x, body.y + 1, body.w, body.h - 1 - s->detail_h });
}

static void
draw_row(const struct app *app, struct grid *g, const struct list_row *row, struct rect r, void *ctx)
{
	struct success_item it = success_item(row);
	char year[16];
	int x = r.x + 1;

	(void)app;
	(void)ctx;
	snprintf(year, sizeof(year), "%lld", it.jaar);
	x += grid_text(g, x, r.y, YEAR_W, ROLE_BOLD, year);
	x = r.x + 1 + YEAR_W;
	grid_text(g, x, r.y, CODE_W - 1, ROLE_DIM, it.domein);
	x += CODE_W;
	grid_text(g, x, r.y, r.x + r.w - 1 - x, ROLE_NORMAL, it.titel);
}

static void
successes_draw(const struct view *v, const struct app *app, struct grid *g, struct rect body)
{
	const struct successes_state *s = v->priv;
	const struct list_row *row;
	char line[200], n[32];
	int dh = s->detail_h;

	if (!s->list)
		return;
	snprintf(line, sizeof(line), _("Successen: %s"), i18n_count(list_counted(s->list), n));
	render_heading(g, (struct rect){ body.x, body.y, body.w, 1 }, line, false);
	render_list(app, g, s->list, (struct rect){ body.x, body.y + 1, body.w, body.h - 1 - dh }, -1,
		    draw_row, NULL);
	render_hline(g, body.x, body.y + body.h - dh, body.w);
	if ((row = list_row(s->list, s->list->cur))) {
		struct success_item it = success_item(row);
		struct rect text = { body.x + 1, body.y + body.h - dh + 1, body.w - 2, dh - 1 - (dh > 3) };

		if (*it.toelichting)
			grid_wrap(g, text, ROLE_NORMAL, it.toelichting, 0);
		else
			grid_text(g, text.x, text.y, text.w, ROLE_DIM, _("(geen toelichting)"));
		if (dh > 3) {	/* the bron on the last line, when there is room */
			char src[1300];	/* a bron of 300 characters of 4 bytes */

			snprintf(src, sizeof(src), _("Bron: %s"), *it.bron ? it.bron : "—");
			grid_text(g, text.x, body.y + body.h - 1, text.w, ROLE_DIM, src);
		}
	}
}

/* f and s say why they do nothing here. */
static int
successes_key(struct view *v, struct app *app, enum action a)
{
	(void)v;
	if (a == ACT_FILTER)
		app_message(app, false, "%s", _("successen hebben geen status om op te filteren"));
	else if (a == ACT_SORT)
		app_message(app, false, "%s", _("de successen staan op jaar, nieuwste eerst, dan op titel"));
	else
		return 0;
	return APP_REDRAW;
}

static struct edit_target
successes_selected(struct view *v, struct app *app)
{
	struct successes_state *s = v->priv;

	(void)app;
	return edit_list_selected(&entity_successen, s->list);
}

static void
successes_select(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct successes_state *s = v->priv;

	(void)app;
	if (e == &entity_successen && s->list)
		list_select_id(s->list, id);
}

/* `a`: a success (its form asks for the domain). */
static int
successes_add(struct view *v, struct app *app, const struct entity *kind)
{
	(void)v;
	(void)kind;
	return edit_new(app, &entity_successen, NULL, NULL, NULL);
}

/* No key of its own: 9 went to Wijzigingen; Tab reaches it after Acties. */
const struct view_ops view_successes = {
	.name = N_("Successen"),
	.keys = NULL,
	.nkeys = 0,
	.open = successes_open,
	.close = successes_close,
	.show = successes_show,
	.tabs = successes_tabs,
	.layout = successes_layout,
	.draw = successes_draw,
	.key = successes_key,
	.list = successes_list_op,
	.selected = successes_selected,
	.select = successes_select,
	.add = successes_add,
	.invalidate = successes_invalidate,
};
