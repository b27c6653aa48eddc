/*
 * Planning: the year as a Gantt chart. Months and quarters across, one
 * bar per actielijn grouped by domain, milestones (planning items with a
 * date) as ◆, today as a line. A bar without an end date runs to the end
 * of the year in a lighter style (░), as does the part before a known
 * end when the start is missing; ◂ and ▸ say a bar continues beyond the
 * year. Actielijnen without any date are listed apart below the chart.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "tui/app.h"
#include "core/date.h"
#include "store/db.h"
#include "model/programme.h"

#define MAX_MILESTONES 200
#define MAX_UNDATED 40
#define FIRST_YEAR 2024		/* the year the chart opens on */

static const char *const months[12] = {
	"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
};

struct planning_state {
	struct list *list;		/* actielijnen of the year; NULL until shown */
	int year;			/* the year the chart shows */
	int filter;			/* 0 all, else model_status(filter - 1) */
	struct milestones ms;		/* planning items of the year */
	struct undated undated;		/* what has no date at all */
	int loaded;			/* year ms and undated hold, 0 = none */
	int ms_sel;			/* selected milestone (Up from the first bar),
					   -1: the cursor is in the Gantt list */
	int ms_top;			/* first milestone shown */
	/* the last layout */
	int msrows;			/* milestone rows above the chart */
	struct rect list_r;		/* the bars */
};

static void *
planning_open(struct app *app)
{
	struct planning_state *s = xcalloc(1, sizeof(*s));

	(void)app;
	s->year = FIRST_YEAR;
	s->ms_sel = -1;
	return s;
}

static void
planning_close(void *priv)
{
	struct planning_state *s = priv;

	list_free(s->list);
	milestones_free(&s->ms);
	undated_free(&s->undated);
	free(s);
}

/* The list, made when first needed; NULL when out of memory. */
static struct list *
planning_list(struct planning_state *s, struct app *app)
{
	if (!s->list && (s->list = actielijnen_gantt(app->db)))
		actielijnen_year(s->list, s->year, NULL);
	return s->list;
}

static struct list *
planning_list_op(const struct view *v)
{
	const struct planning_state *s = v->priv;

	return s->list;
}

/* Reads the milestones and undated items of the year when not current. */
static void
load_year(struct planning_state *s, struct app *app)
{
	if (s->loaded == s->year)
		return;
	if (milestones_of_year(app->db, s->year, MAX_MILESTONES, &s->ms) < 0 ||
	    undated_load(app->db, MAX_UNDATED, &s->undated) < 0)
		app_result(app, db_result(app->db));
	s->loaded = s->year;
}

static void
planning_invalidate(struct view *v, struct app *app)
{
	struct planning_state *s = v->priv;

	(void)app;
	if (s->list)
		list_invalidate(s->list);
	s->loaded = 0;
}

static bool
planning_show(struct view *v, struct app *app, int arg)
{
	(void)arg;
	planning_list(v->priv, app);
	return true;
}

/* Geometry of the chart for one frame. */
struct chart {
	int gx, gw;		/* group (domain) column */
	int tx, tw;		/* title column */
	int x0, w;		/* timeline */
	long day0, ndays;	/* first day of the year, days in it */
	int year;
	long long prev_domain;	/* domain of the row drawn last */
	const struct milestones *ms;	/* marked on their actielijnen */
};

/* Column of an ISO date on the timeline (may lie outside 0..w-1). */
static int
date_col(const struct chart *c, const char *iso)
{
	long d;

	if (!date_to_days(iso, &d))
		return -1;
	return (int)((d - c->day0) * c->w / c->ndays);
}

static void
chart_setup(struct chart *c, struct rect body, int year)
{
	char iso[32];
	long end;

	c->year = year;
	c->gx = body.x + 1;
	c->gw = body.w >= 120 ? 22 : 11;
	c->tx = c->gx + c->gw;
	c->tw = body.w >= 120 ? 36 : 20;
	c->x0 = c->tx + c->tw;
	c->w = body.x + body.w - 1 - c->x0;
	snprintf(iso, sizeof(iso), "%04d-01-01", year);
	date_to_days(iso, &c->day0);
	snprintf(iso, sizeof(iso), "%04d-01-01", year + 1);
	date_to_days(iso, &end);
	c->ndays = end - c->day0;
}

static void
draw_axis(const struct app *app, struct grid *g, const struct chart *c, int y)
{
	char iso[32], label[16];
	int tcol;

	grid_fill(g, (struct rect){ c->x0, y, c->w, 2 }, L' ', ROLE_DIM);
	for (int q = 0; q < 4; q++) {
		int a, b;

		snprintf(iso, sizeof(iso), "%04d-%02d-01", c->year, q * 3 + 1);
		a = date_col(c, iso);
		b = q < 3 ? (snprintf(iso, sizeof(iso), "%04d-%02d-01", c->year, q * 3 + 4), date_col(c, iso)) : c->w;
		snprintf(label, sizeof(label), b - a >= 8 ? "K%d %d" : "K%d", q + 1, c->year);
		grid_fill(g, (struct rect){ c->x0 + a, y, b - a, 1 }, L' ', q % 2 ? ROLE_TAB : ROLE_TITLE);
		grid_text(g, c->x0 + a + 1, y, b - a - 1, q % 2 ? ROLE_TAB : ROLE_TITLE, label);
	}
	for (int m = 0; m < 12; m++) {
		int a, b;

		snprintf(iso, sizeof(iso), "%04d-%02d-01", c->year, m + 1);
		a = date_col(c, iso);
		b = m < 11 ? (snprintf(iso, sizeof(iso), "%04d-%02d-01", c->year, m + 2), date_col(c, iso)) : c->w;
		snprintf(label, sizeof(label), "%.*s", b - a >= 4 ? 3 : 1, months[m]);
		grid_text(g, c->x0 + a, y + 1, b - a, ROLE_DIM, label);
	}
	tcol = date_col(c, app->today);
	if (tcol >= 0 && tcol < c->w)
		grid_text(g, c->x0 + tcol, y + 1, 1, ROLE_TODAY, "▼");
}

/* The bar of one actielijn on row y. */
static void
draw_bar(struct grid *g, const struct chart *c, int y, const char *start, const char *end,
	 const char *status)
{
	int a = *start ? date_col(c, start) : 0;
	int b = *end ? date_col(c, end) : c->w - 1;
	enum role role = render_status_role(status);

	if (a < 0)
		a = 0;
	if (b >= c->w)
		b = c->w - 1;
	for (int x = a; x <= b; x++) {
		struct cell *cl = grid_at(g, c->x0 + x, y);
		bool light = !*end || !*start;

		if (!cl)
			continue;
		cl->ch[0] = light ? L'░' : L'█';
		cl->ch[1] = 0;
		cl->role = (unsigned char)(light ? ROLE_OPEN_END : role);
	}
	if (*start && strcmp(start, "0000") && date_col(c, start) < 0)
		grid_text(g, c->x0, y, 1, ROLE_DIM, "◂");
	if (*end && date_col(c, end) >= c->w)
		grid_text(g, c->x0 + c->w - 1, y, 1, ROLE_DIM, "▸");
}

static void
mark(struct grid *g, const struct chart *c, int y, const char *iso)
{
	int col = date_col(c, iso);

	if (col >= 0 && col < c->w)
		grid_text(g, c->x0 + col, y, 1, ROLE_MILESTONE, "◆");
}

static void
today_line(const struct app *app, struct grid *g, const struct chart *c, int y0, int h)
{
	int col = date_col(c, app->today);

	if (col < 0 || col >= c->w)
		return;
	for (int y = y0; y < y0 + h; y++) {
		struct cell *cl = grid_at(g, c->x0 + col, y);

		if (cl && cl->ch[0] == L' ') {
			cl->ch[0] = L'│';
			cl->role = ROLE_TODAY;
		}
	}
}


static void
gantt_row(const struct app *app, struct grid *g, const struct list_row *row, struct rect r, void *ctx)
{
	struct chart *c = ctx;
	struct actielijn_row a = actielijn_row(row);

	if (a.domein_id != c->prev_domain) {
		int d = domains_find(&app->domains, a.domein_id);

		grid_text(g, c->gx, r.y, c->gw - 1, ROLE_BOLD, d >= 0 ? app->domains.dom[d].naam : "?");
		c->prev_domain = a.domein_id;
	}
	grid_text(g, c->tx, r.y, c->tw - 1, ROLE_NORMAL, a.titel);
	draw_bar(g, c, r.y, a.start, a.eind, a.status);
	for (int i = 0; i < c->ms->n; i++)
		if (c->ms->v[i].actielijn_id == row->id)
			mark(g, c, r.y, c->ms->v[i].datum);
}

/* Rows the undated items take under the chart. */
static int
undated_rows(const struct planning_state *s)
{
	return s->undated.n ? 2 : 0;
}

/* The year's data; the milestones above the chart (a third of the room
 * at most) with a selected one scrolled into sight; the bars below. */
static void
planning_layout(struct view *v, struct app *app, struct rect body)
{
	struct planning_state *s = v->priv;
	struct list *l = planning_list(s, app);
	int y = body.y + 2;

	if (!l)
		return;
	load_year(s, app);
	list_count(l);
	s->msrows = s->ms.n;
	if (s->msrows > (body.h - 4 - undated_rows(s)) / 3)
		s->msrows = (body.h - 4 - undated_rows(s)) / 3;
	if (s->ms_sel >= s->ms.n)
		s->ms_sel = s->ms.n - 1;
	if (s->ms_sel >= 0) {
		if (s->ms_top > s->ms_sel)
			s->ms_top = s->ms_sel;
		if (s->ms_sel >= s->ms_top + s->msrows)
			s->ms_top = s->ms_sel - s->msrows + 1;
	} else {
		s->ms_top = 0;
	}
	if (s->msrows > 0)
		y += s->msrows + 1;
	s->list_r = (struct rect){ body.x, y, body.w, body.y + body.h - undated_rows(s) - y };
	layout_list(app, l, s->list_r);
}

/* The milestone rows: date and title, ◆ on the timeline; unless one is
 * selected, the last row sums up the rest. */
static void
draw_milestones(const struct planning_state *s, struct grid *g, const struct chart *c, int y)
{
	static const struct milestone none = { 0, "", "", 0 };
	char line[400], date[16];

	for (int i = 0; i < s->msrows; i++, y++) {
		int k = s->ms_top + i;
		bool last = s->ms_sel < 0 && i == s->msrows - 1 && s->msrows < s->ms.n;
		const struct milestone *m = k < s->ms.n ? &s->ms.v[k] : &none;

		if (i == 0) {
			snprintf(line, sizeof(line), s->ms_sel >= 0 ? "Mijlpalen %d/%d" : "Mijlpalen",
				 s->ms_sel + 1, s->ms.n);
			grid_text(g, c->gx, y, c->gw - 1, ROLE_BOLD, line);
		}
		render_date(m->datum, date);
		if (last)
			snprintf(line, sizeof(line), "+%d meer", s->ms.n - i);
		else
			snprintf(line, sizeof(line), "%s %s", date, m->titel);
		grid_text(g, c->tx, y, c->tw - 1, last ? ROLE_DIM : ROLE_NORMAL, line);
		for (int j = last ? i : 0; j < (last ? s->ms.n : 0); j++)
			mark(g, c, y, s->ms.v[j].datum);
		if (!last)
			mark(g, c, y, m->datum);
		if (k == s->ms_sel)
			grid_paint(g, c->tx, y, c->tw, ROLE_SEL);
	}
}

static void
planning_draw(const struct view *v, const struct app *app, struct grid *g, struct rect body)
{
	const struct planning_state *s = v->priv;
	struct chart chart, *c = &chart;
	char line[400];
	int y = body.y, undated_h = undated_rows(s), chart_top;

	if (!s->list)
		return;
	chart_setup(c, body, s->year);
	c->ms = &s->ms;
	snprintf(line, sizeof(line), "Planning %d · %lld actielijnen · filter: %s · ←/→ jaar",
		 s->year, list_counted(s->list), s->filter ? model_status_label(model_status(s->filter - 1)) : "alle");
	grid_text(g, c->gx, y, c->gw + c->tw - 1, ROLE_BOLD, line);
	draw_axis(app, g, c, y);
	y += 2;
	chart_top = y;
	draw_milestones(s, g, c, y);
	y += s->msrows > 0 ? s->msrows : 0;
	if (s->msrows > 0)
		render_hline(g, body.x, y++, body.w);
	c->prev_domain = -1;
	render_list(app, g, s->list, s->list_r, s->ms_sel >= 0 ? 0 : c->x0 - body.x, gantt_row, c);
	today_line(app, g, c, chart_top, body.y + body.h - undated_h - chart_top);
	if (undated_h) {
		int x = body.x + 1, uy = body.y + body.h - 2;

		render_hline(g, body.x, uy, body.w);
		snprintf(line, sizeof(line), "Zonder datum (%d%s): ", s->undated.n,
			 s->undated.n >= MAX_UNDATED ? "+" : "");
		x += grid_text(g, x, uy + 1, body.w - 2, ROLE_BOLD, line);
		for (int i = 0; i < s->undated.n && x < body.x + body.w - 2; i++) {
			snprintf(line, sizeof(line), "%s%s", i ? " · " : "", s->undated.titel[i]);
			x += grid_text(g, x, uy + 1, body.x + body.w - 1 - x, ROLE_NORMAL, line);
		}
	}
}

static void
planning_status(const struct view *v, const struct app *app, char *title, size_t titlesz,
		char *pos, size_t possz)
{
	const struct planning_state *s = v->priv;

	(void)app;
	(void)title;
	(void)titlesz;
	if (s->ms_sel >= 0)
		snprintf(pos, possz, "mijlpaal %d/%d", s->ms_sel + 1, s->ms.n);
	else if (s->list)
		snprintf(pos, possz, "rij %lld/%lld", list_counted(s->list) ? s->list->cur + 1 : 0,
			 list_counted(s->list));
}

/* Up from the first bar selects the milestones above the chart (the
 * last one first); Down past the last goes back to the bars. */
static bool
milestone_nav(struct planning_state *s, struct app *app, enum action a, struct list *l)
{
	load_year(s, app);
	if (s->ms_sel < 0) {
		if (a != ACT_UP || s->ms.n == 0 || (list_count(l) > 0 && l->cur > 0))
			return false;
		s->ms_sel = s->ms.n - 1;
		return true;
	}
	switch (a) {
	case ACT_UP:
		if (s->ms_sel > 0)
			s->ms_sel--;
		return true;
	case ACT_DOWN:
		if (++s->ms_sel >= s->ms.n) {
			s->ms_sel = -1;
			l->cur = 0;
		}
		return true;
	case ACT_HOME:
		s->ms_sel = 0;
		return true;
	default:
		s->ms_sel = -1;	/* any other move goes back to the bars */
		return false;
	}
}

/* The arrows also walk the milestones; Left/Right change the year, f
 * filters by status. */
static int
planning_key(struct view *v, struct app *app, enum action a)
{
	struct planning_state *s = v->priv;
	struct list *l = planning_list(s, app);

	if (!l)
		return 0;
	if ((a == ACT_UP || a == ACT_DOWN || a == ACT_HOME || a == ACT_END ||
	     a == ACT_PAGE_UP || a == ACT_PAGE_DOWN) && milestone_nav(s, app, a, l))
		return APP_REDRAW;
	switch (a) {
	case ACT_LEFT:
	case ACT_RIGHT:
		s->ms_sel = -1;
		s->year += a == ACT_LEFT ? -1 : 1;
		actielijnen_year(l, s->year, s->filter ? model_status(s->filter - 1) : NULL);
		s->loaded = 0;
		return APP_REDRAW;
	case ACT_FILTER:
		s->filter = (s->filter + 1) % (model_status_count() + 1);
		actielijnen_year(l, s->year, s->filter ? model_status(s->filter - 1) : NULL);
		app_message(app, false, "filter: %s", s->filter ? model_status_label(model_status(s->filter - 1)) : "alle");
		return APP_REDRAW;
	case ACT_SORT:
		app_message(app, false, "de planning staat per domein, op titel");
		return APP_REDRAW;
	default:
		return 0;
	}
}

static const char *
planning_show_entry(struct view *v, struct app *app, const struct search_hit *h)
{
	if (h->e != &entity_planning)
		return NULL;
	app_show(app, v->ops, 0);
	return "planning";
}

/* A selected milestone, else the bar under the cursor. */
static struct edit_target
planning_selected(struct view *v, struct app *app)
{
	struct planning_state *s = v->priv;

	load_year(s, app);
	if (s->ms_sel >= 0 && s->ms_sel < s->ms.n)
		return (struct edit_target){ &entity_planning, s->ms.v[s->ms_sel].id };
	return edit_list_selected(&entity_actielijnen, s->list);
}

static void
planning_select(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct planning_state *s = v->priv;

	if (e == &entity_actielijnen && s->list) {
		list_select_id(s->list, id);
	} else if (e == &entity_planning) {
		load_year(s, app);
		for (int i = 0; i < s->ms.n; i++)
			if (s->ms.v[i].id == id)
				s->ms_sel = i;
	}
}

/* `a`: a planning item. */
static int
planning_add(struct view *v, struct app *app, const struct entity *kind)
{
	(void)v;
	(void)kind;
	return edit_new(app, &entity_planning, NULL, NULL, NULL);
}

static const struct view_key keys[] = {
	{ "6", 0, "Planning (Gantt)", "Planning (Gantt chart)" },
};

const struct view_ops view_planning = {
	.name = "Planning",
	.keys = keys,
	.nkeys = 1,
	.open = planning_open,
	.close = planning_close,
	.show = planning_show,
	.layout = planning_layout,
	.draw = planning_draw,
	.status = planning_status,
	.key = planning_key,
	.list = planning_list_op,
	.show_entry = planning_show_entry,
	.selected = planning_selected,
	.select = planning_select,
	.add = planning_add,
	.invalidate = planning_invalidate,
};
