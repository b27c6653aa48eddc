/*
 * Planning: the year as a Gantt chart. Months and quarters across, one
 * bar per actielijn grouped by domain, milestones (planning items with a
 * date) as ◆, today as a line. A bar without an end date runs to the end
 * of the year in a lighter style (░), as does the part before a known
 * end when the start is missing; ◂ and ▸ say a bar continues beyond the
 * year. Actielijnen and planning items without any date are counted on
 * a line under the chart; Enter there lists them. One cursor walks the
 * milestones (Up from the first bar), the bars and that line (Down past
 * the last bar); e, d and Enter act on what it is on.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "tui/app.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/db.h"
#include "model/programme.h"

#define MAX_MILESTONES 500
#define MAX_UNDATED 1000
#define WHEEL_ROWS 3

/* The panes, for the wheel. */
enum { PANE_MILESTONES, PANE_UNDATED };
#define ITEM_STRIP (-3)			/* the "Zonder datum" line */
#define ITEM_MILESTONE(i) (-100 - (long long)(i))
#define FIRST_YEAR 2024		/* the year the chart opens on */

struct planning_state {
	struct list *list;		/* actielijnen of the year; NULL until shown */
	int year;			/* the year the chart shows */
	int filter;			/* 0 all, else model_status(filter - 1) */
	struct milestones ms;		/* planning items of the year */
	struct undated undated;		/* what has no date at all */
	int loaded;			/* year ms and undated hold, 0 = none */
	int ms_sel;			/* selected milestone (Up from the first bar),
					   -1: the cursor is in the Gantt list */
	long long ms_id;		/* its id: the selection follows it */
	int ms_top;			/* first milestone shown */
	bool ms_follow;			/* keep the selected one in sight (not
					   after the wheel scrolled them) */
	bool strip;			/* the cursor is on the "Zonder datum" line */
	bool undated_open;		/* Enter on it: their list fills the view */
	int u_sel, u_top;		/* the selected undated item, the first shown */
	struct edit_target u_t;		/* that entry: the selection follows it */
	/* the last layout */
	int msrows;			/* milestone rows above the chart */
	struct rect list_r;		/* the bars */
	int u_rows;			/* undated items the list shows */
};

static void *
planning_open(struct app *app)
{
	struct planning_state *s = xcalloc(1, sizeof(*s));

	(void)app;
	s->year = FIRST_YEAR;
	s->ms_sel = -1;
	s->ms_follow = true;
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

/* Selects milestone i (clipped; -1: back to the bars). */
static void
select_milestone(struct planning_state *s, int i)
{
	if (i >= s->ms.n)
		i = s->ms.n - 1;
	s->ms_sel = i;
	s->ms_id = i >= 0 ? s->ms.v[i].id : 0;
	s->ms_follow = true;
}

/* Selects undated item i (clipped). */
static void
select_undated(struct planning_state *s, int i)
{
	if (i >= s->undated.n)
		i = s->undated.n - 1;
	if (i < 0)
		i = 0;
	s->u_sel = i;
	s->u_t = i < s->undated.n ? (struct edit_target){ s->undated.v[i].e, s->undated.v[i].id }
				  : (struct edit_target){ NULL, 0 };
}

/* Reads the milestones and undated items of the year when not current;
 * the selected ones stay selected (by id), or at their place when gone. */
static void
load_year(struct planning_state *s, struct app *app)
{
	if (s->loaded == s->year)
		return;
	if (milestones_of_year(app->db, s->year, MAX_MILESTONES, &s->ms) < 0 ||
	    undated_load(app->db, MAX_UNDATED, &s->undated) < 0)
		app_result(app, db_result(app->db));
	s->loaded = s->year;
	if (s->ms_sel >= 0) {
		for (int i = 0; i < s->ms.n; i++)
			if (s->ms.v[i].id == s->ms_id)
				s->ms_sel = i;
		select_milestone(s, s->ms.n ? s->ms_sel : -1);
	}
	for (int i = 0; i < s->undated.n; i++)
		if (s->undated.v[i].e == s->u_t.e && s->undated.v[i].id == s->u_t.id)
			s->u_sel = i;
	select_undated(s, s->u_sel);
	if (s->undated.n == 0)
		s->strip = s->undated_open = false;
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
	struct planning_state *s = v->priv;

	(void)arg;
	s->undated_open = false;
	planning_list(s, app);
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

/* The quarters and months across; today as ▼ where a month's name
 * leaves room, else on the quarters' line with the quarter's label
 * ending before it (never over a letter: "nov ▼ec"). */
static void
draw_axis(const struct app *app, struct grid *g, const struct chart *c, int y)
{
	char iso[32], label[16];
	int tcol = date_col(c, app->today), mark_y = y + 1;
	const struct cell *under;

	grid_fill(g, (struct rect){ c->x0, y, c->w, 2 }, L' ', ROLE_DIM);
	for (int m = 0; m < 12; m++) {
		int a, b;

		snprintf(iso, sizeof(iso), "%04d-%02d-01", c->year, m + 1);
		a = date_col(c, iso);
		b = m < 11 ? (snprintf(iso, sizeof(iso), "%04d-%02d-01", c->year, m + 2), date_col(c, iso)) : c->w;
		snprintf(label, sizeof(label), "%.*s", b - a >= 4 ? 3 : 1, date_month_short(m + 1));
		grid_text(g, c->x0 + a, y + 1, b - a, ROLE_DIM, label);
	}
	under = tcol >= 0 && tcol < c->w ? grid_at(g, c->x0 + tcol, y + 1) : NULL;
	if (under && under->ch[0] != L' ')
		mark_y = y;
	for (int q = 0; q < 4; q++) {
		int a, b, room;

		snprintf(iso, sizeof(iso), "%04d-%02d-01", c->year, q * 3 + 1);
		a = date_col(c, iso);
		b = q < 3 ? (snprintf(iso, sizeof(iso), "%04d-%02d-01", c->year, q * 3 + 4), date_col(c, iso)) : c->w;
		room = b - a - 1;
		if (mark_y == y && tcol >= a && tcol < b)
			room = tcol - a - 2;	/* the label ends before today */
		/* TRANSLATORS: a quarter of a year: "K1 2024", "K1" */
		if (room >= 7)
			snprintf(label, sizeof(label), _("K%d %d"), q + 1, c->year);
		else if (room >= 2)
			snprintf(label, sizeof(label), _("K%d"), q + 1);
		else
			label[0] = '\0';
		grid_fill(g, (struct rect){ c->x0 + a, y, b - a, 1 }, L' ', q % 2 ? ROLE_TAB : ROLE_TITLE);
		grid_text(g, c->x0 + a + 1, y, room, q % 2 ? ROLE_TAB : ROLE_TITLE, label);
	}
	if (under)
		grid_text(g, c->x0 + tcol, mark_y, 1, ROLE_TODAY, "▼");
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

/* The list of what has no date, filling the view (Enter on its line). */
static void
layout_undated(struct planning_state *s, struct app *app, struct rect body)
{
	struct rect r = { body.x, body.y + 1, body.w, body.h - 1 };

	s->u_rows = r.h > 0 ? r.h : 1;
	app->page = s->u_rows;
	if (s->u_top > s->u_sel)
		s->u_top = s->u_sel;
	if (s->u_sel >= s->u_top + s->u_rows)
		s->u_top = s->u_sel - s->u_rows + 1;
	if (s->u_top > s->undated.n - s->u_rows)
		s->u_top = s->undated.n - s->u_rows;
	if (s->u_top < 0)
		s->u_top = 0;
	app_zone(app, r, ZONE_PANE, PANE_UNDATED);
	for (int i = 0; i < s->u_rows && s->u_top + i < s->undated.n; i++)
		app_zone(app, (struct rect){ r.x, r.y + i, r.w, 1 }, ZONE_ITEM, s->u_top + i);
}

/* The year's data; the milestones above the chart with what the bars
 * leave (a third of the room at least), a selected one scrolled into
 * sight; the bars below; the line of what has no date under them. */
static void
planning_layout(struct view *v, struct app *app, struct rect body)
{
	struct planning_state *s = v->priv;
	struct list *l = planning_list(s, app);
	int y = body.y + 2, avail, bars;

	if (!l)
		return;
	load_year(s, app);
	if (s->undated_open) {
		layout_undated(s, app, body);
		return;
	}
	bars = (int)(list_count(l) < body.h ? list_count(l) : body.h);
	avail = body.h - 3 - undated_rows(s);
	s->msrows = avail - bars > avail / 3 ? avail - bars : avail / 3;
	if (s->msrows > s->ms.n)
		s->msrows = s->ms.n;
	if (s->msrows < 0)
		s->msrows = 0;
	if (s->ms_sel >= 0 && s->ms_follow) {
		if (s->ms_top > s->ms_sel)
			s->ms_top = s->ms_sel;
		if (s->ms_sel >= s->ms_top + s->msrows)
			s->ms_top = s->ms_sel - s->msrows + 1;
	}
	if (s->ms_top > s->ms.n - s->msrows)
		s->ms_top = s->ms.n - s->msrows;
	if (s->ms_top < 0)
		s->ms_top = 0;
	if (s->msrows > 0) {
		app_zone(app, (struct rect){ body.x, y, body.w, s->msrows }, ZONE_PANE, PANE_MILESTONES);
		for (int i = 0; i < s->msrows && s->ms_top + i < s->ms.n; i++)
			app_zone(app, (struct rect){ body.x, y + i, body.w, 1 }, ZONE_ITEM, ITEM_MILESTONE(s->ms_top + i));
		y += s->msrows + 1;
	}
	s->list_r = (struct rect){ body.x, y, body.w, body.y + body.h - undated_rows(s) - y };
	layout_list(app, l, s->list_r);
	if (undated_rows(s))
		app_zone(app, (struct rect){ body.x, body.y + body.h - 1, body.w, 1 }, ZONE_ITEM, ITEM_STRIP);
}

/* The milestone rows: date and title (cut with "…"; Enter shows it
 * whole), ◆ on the timeline; unless one is selected, a last row that
 * cannot show them all sums up the rest. */
static void
draw_milestones(const struct planning_state *s, struct grid *g, const struct chart *c, int y)
{
	static const struct milestone none = { 0, "", "", 0 };
	char line[400], date[16], a[32], b[32];

	if (s->msrows > 0) {
		if (s->ms_sel >= 0)
			snprintf(line, sizeof(line), _("Mijlpaal %s/%s"), i18n_count(s->ms_sel + 1, a),
				 i18n_count(s->ms.n, b));
		else
			snprintf(line, sizeof(line), _("Mijlpalen (%s)"), i18n_count(s->ms.n, b));
		grid_text(g, c->gx, y - 1, c->gw + c->tw - 1, ROLE_BOLD, line);
	}
	for (int i = 0; i < s->msrows; i++, y++) {
		int k = s->ms_top + i;
		bool last = s->ms_sel < 0 && i == s->msrows - 1 && s->ms_top + s->msrows < s->ms.n;
		const struct milestone *m = k < s->ms.n ? &s->ms.v[k] : &none;

		render_date(m->datum, date);
		if (last) {
			snprintf(line, sizeof(line), _("+%s meer"), i18n_count(s->ms.n - k, a));
			grid_text(g, c->tx, y, c->tw - 1, ROLE_DIM, line);
			for (int j = k; j < s->ms.n; j++)
				mark(g, c, y, s->ms.v[j].datum);
			continue;
		}
		grid_text(g, c->gx, y, c->gw - 1, ROLE_DIM, date);
		grid_text(g, c->tx, y, c->tw - 1, ROLE_NORMAL, m->titel);
		mark(g, c, y, m->datum);
		if (k == s->ms_sel)
			grid_paint(g, c->gx, y, c->gw + c->tw - 1, ROLE_SEL);
	}
}

/* The chart's heading in the columns left of the timeline: the year, the
 * bars, the filter (standing out while it hides bars); shorter forms
 * when the columns are narrow, the filter kept. */
static void
draw_heading(const struct planning_state *s, struct grid *g, const struct chart *c, int y)
{
	const char *fl = s->filter ? status_word(model_status(s->filter - 1)) : NULL;
	char line[300], filter[120], count[32];
	int w = c->gw + c->tw - 1, x = c->gx;

	long long n = list_counted(s->list);

	i18n_count(n, count);
	snprintf(filter, sizeof(filter), _("filter: %s"), fl ? fl : _("alle"));
	/* TRANSLATORS: the year, how many actielijnen, the filter */
	snprintf(line, sizeof(line), _n("Planning %d · %s actielijn · %s · ←/→ jaar",
					"Planning %d · %s actielijnen · %s · ←/→ jaar", n), s->year, count, filter);
	if (text_width(line) > w)
		snprintf(line, sizeof(line), _n("Planning %d · %s actielijn · %s", "Planning %d · %s actielijnen · %s", n),
			 s->year, count, filter);
	if (text_width(line) > w && fl)
		snprintf(line, sizeof(line), "%d · %s · %s", s->year, count, filter);
	else if (text_width(line) > w)
		snprintf(line, sizeof(line), _n("Planning %d · %s actielijn", "Planning %d · %s actielijnen", n),
			 s->year, count);
	if (!fl) {
		grid_text(g, x, y, w, ROLE_BOLD, line);
		return;
	}
	/* the same line, the filter in the colour that says "not all" */
	*strstr(line, filter) = '\0';
	x += grid_text(g, x, y, w, ROLE_BOLD, line);
	grid_text(g, x, y, c->gx + w - x, ROLE_OVERDUE, filter);
}

/* The list of what has no date: kind, domain and title. */
static void
draw_undated(const struct planning_state *s, struct grid *g, struct rect body)
{
	char line[600], n[32];

	snprintf(line, sizeof(line), _("Zonder datum (%s%s) — Enter leest, e wijzigt, Esc terug naar de planning"),
		 i18n_count(s->undated.n, n), s->undated.n >= MAX_UNDATED ? "+" : "");
	render_heading(g, (struct rect){ body.x, body.y, body.w, 1 }, line, false);
	for (int i = 0; i < s->u_rows && s->u_top + i < s->undated.n; i++) {
		const struct undated_item *it = &s->undated.v[s->u_top + i];
		int y = body.y + 1 + i, x = body.x + 1, dw = body.w >= 100 ? 24 : 0;

		grid_text(g, x, y, 14, ROLE_DIM, _(it->e->words->kind));
		x += 15;
		if (dw) {
			grid_text(g, x, y, dw - 1, ROLE_DIM, it->domein);
			x += dw;
		}
		grid_text(g, x, y, body.x + body.w - 1 - x, ROLE_NORMAL, it->titel);
		if (s->u_top + i == s->u_sel)
			grid_paint(g, body.x, y, body.w, ROLE_SEL);
	}
}

static void
planning_draw(const struct view *v, const struct app *app, struct grid *g, struct rect body)
{
	const struct planning_state *s = v->priv;
	struct chart chart, *c = &chart;
	char line[400], n[32];
	int y = body.y, undated_h = undated_rows(s), chart_top;

	if (!s->list)
		return;
	if (s->undated_open) {
		draw_undated(s, g, body);
		return;
	}
	chart_setup(c, body, s->year);
	c->ms = &s->ms;
	draw_heading(s, g, c, y);
	draw_axis(app, g, c, y);
	y += 2;
	chart_top = y;
	draw_milestones(s, g, c, y);
	y += s->msrows > 0 ? s->msrows : 0;
	if (s->msrows > 0)
		render_hline(g, body.x, y++, body.w);
	c->prev_domain = -1;
	render_list(app, g, s->list, s->list_r, s->ms_sel >= 0 || s->strip ? 0 : c->x0 - body.x, gantt_row, c);
	today_line(app, g, c, chart_top, body.y + body.h - undated_h - chart_top);
	if (undated_h) {
		int x = body.x + 1, uy = body.y + body.h - 2;

		render_hline(g, body.x, uy, body.w);
		snprintf(line, sizeof(line), _("Zonder datum (%s%s): "), i18n_count(s->undated.n, n),
			 s->undated.n >= MAX_UNDATED ? "+" : "");
		x += grid_text(g, x, uy + 1, body.w - 2, ROLE_BOLD, line);
		for (int i = 0; i < s->undated.n && x < body.x + body.w - 2; i++) {
			snprintf(line, sizeof(line), "%s%s", i ? " · " : "", s->undated.v[i].titel);
			x += grid_text(g, x, uy + 1, body.x + body.w - 1 - x, ROLE_NORMAL, line);
		}
		if (s->strip)
			grid_paint(g, body.x, uy + 1, body.w, ROLE_SEL);
	}
}

static void
planning_status(const struct view *v, const struct app *app, char *title, size_t titlesz,
		char *pos, size_t possz)
{
	const struct planning_state *s = v->priv;
	char a[32], b[32];

	(void)app;
	(void)title;
	(void)titlesz;
	if (s->undated_open)
		snprintf(pos, possz, _("zonder datum %s/%s"), i18n_count(s->u_sel + 1, a), i18n_count(s->undated.n, b));
	else if (s->strip)
		snprintf(pos, possz, "%s", _("zonder datum: Enter toont de lijst"));
	else if (s->ms_sel >= 0)
		snprintf(pos, possz, _("mijlpaal %s/%s"), i18n_count(s->ms_sel + 1, a), i18n_count(s->ms.n, b));
	else if (s->list)
		render_row_pos(s->list, pos, possz);
}

/* The cursor's walk: Up from the first bar into the milestones above the
 * chart (the last one first), Down past the last milestone back to the
 * bars, Down past the last bar onto the line of what has no date. Returns
 * true when it moved there; false leaves the move to the list. */
static bool
walk(struct planning_state *s, struct app *app, enum action a, struct list *l)
{
	long long n = list_count(l);

	load_year(s, app);
	if (s->strip) {
		if (a == ACT_UP || a == ACT_PAGE_UP) {
			s->strip = false;
			l->cur = n - 1;
			if (n == 0 && s->ms.n)
				select_milestone(s, s->ms.n - 1);
		} else if (a == ACT_HOME) {
			s->strip = false;
			l->cur = 0;
		}
		return true;
	}
	if (s->ms_sel < 0) {
		if (a == ACT_UP && s->ms.n && (n == 0 || l->cur == 0)) {
			select_milestone(s, s->ms.n - 1);
			return true;
		}
		if (a == ACT_DOWN && s->undated.n && (n == 0 || l->cur >= n - 1)) {
			s->strip = true;
			return true;
		}
		return false;
	}
	switch (a) {
	case ACT_UP: select_milestone(s, s->ms_sel > 0 ? s->ms_sel - 1 : 0); return true;
	case ACT_DOWN:
		if (s->ms_sel + 1 >= s->ms.n) {
			select_milestone(s, -1);
			l->cur = 0;
			if (n == 0 && s->undated.n)
				s->strip = true;
		} else {
			select_milestone(s, s->ms_sel + 1);
		}
		return true;
	case ACT_PAGE_UP: select_milestone(s, s->ms_sel - (app->page > 1 ? app->page : 1) < 0 ? 0 :
					   s->ms_sel - (app->page > 1 ? app->page : 1)); return true;
	case ACT_HOME: select_milestone(s, 0); return true;
	default:
		select_milestone(s, -1);	/* any other move goes back to the bars */
		return false;
	}
}

/* Keys in the list of what has no date. */
static int
undated_key(struct planning_state *s, struct app *app, enum action a)
{
	int page = s->u_rows > 1 ? s->u_rows : 1;

	switch (a) {
	case ACT_UP: select_undated(s, s->u_sel - 1); break;
	case ACT_DOWN: select_undated(s, s->u_sel + 1); break;
	case ACT_PAGE_UP: select_undated(s, s->u_sel - page); break;
	case ACT_PAGE_DOWN: select_undated(s, s->u_sel + page); break;
	case ACT_HOME: select_undated(s, 0); break;
	case ACT_END: select_undated(s, s->undated.n - 1); break;
	case ACT_BACK: s->undated_open = false; break;
	case ACT_LEFT: case ACT_RIGHT: case ACT_FILTER:
		app_message(app, false, "%s", _("dit zijn de items zonder datum, van elk jaar; Esc gaat terug naar de planning"));
		break;
	default: return 0;
	}
	return APP_REDRAW;
}

/* The arrows walk milestones, bars and the line of what has no date
 * (Enter there lists them); Left/Right change the year, f filters the
 * bars by status. */
static int
planning_key(struct view *v, struct app *app, enum action a)
{
	struct planning_state *s = v->priv;
	struct list *l = planning_list(s, app);

	if (!l)
		return 0;
	load_year(s, app);
	if (s->undated_open)
		return undated_key(s, app, a);
	if ((a == ACT_UP || a == ACT_DOWN || a == ACT_HOME || a == ACT_END ||
	     a == ACT_PAGE_UP || a == ACT_PAGE_DOWN) && walk(s, app, a, l))
		return APP_REDRAW;
	switch (a) {
	case ACT_OPEN:
		if (!s->strip)
			return 0;	/* the engine shows the selected entry whole */
		s->undated_open = true;
		return APP_REDRAW;
	case ACT_LEFT:
	case ACT_RIGHT:
		select_milestone(s, -1);
		s->year += a == ACT_LEFT ? -1 : 1;
		actielijnen_year(l, s->year, s->filter ? model_status(s->filter - 1) : NULL);
		s->loaded = 0;
		return APP_REDRAW;
	case ACT_FILTER:
		s->filter = (s->filter + 1) % (model_status_count() + 1);
		actielijnen_year(l, s->year, s->filter ? model_status(s->filter - 1) : NULL);
		app_message(app, false, _("filter: %s"), s->filter ? status_word(model_status(s->filter - 1)) : _("alle"));
		return APP_REDRAW;
	case ACT_SORT:
		app_message(app, false, "%s", _("de planning staat per domein, op titel"));
		return APP_REDRAW;
	default:
		return 0;
	}
}

/* The wheel scrolls the pane under the pointer: the milestones, the
 * bars or the list of what has no date; a click selects a milestone, a
 * bar, an undated item or the line of them, a second click opens it. */
static int
planning_mouse(struct view *v, struct app *app, long long item, int wheel)
{
	struct planning_state *s = v->priv;
	struct list *l = s->list;

	if (!l)
		return 0;
	if (wheel) {
		if (s->undated_open) {
			s->u_top += wheel * WHEEL_ROWS;
			select_undated(s, s->u_sel < s->u_top ? s->u_top : s->u_sel);
		} else if (item == PANE_MILESTONES && s->ms_sel >= 0) {	/* the cursor stays in sight */
			int i = s->ms_sel + wheel * WHEEL_ROWS;

			select_milestone(s, i < 0 ? 0 : i);
		} else if (item == PANE_MILESTONES) {
			s->ms_top += wheel * WHEEL_ROWS;
			s->ms_follow = false;
		} else if (item == APP_PANE_LIST || item == -1) {
			list_move(l, wheel * WHEEL_ROWS, app->page > 1 ? app->page : 1);
		}
		return APP_REDRAW;
	}
	if (s->undated_open) {
		if (item == s->u_sel)
			return app_action(app, ACT_OPEN);
		select_undated(s, (int)item);
	} else if (item == ITEM_STRIP) {
		if (s->strip)
			return app_action(app, ACT_OPEN);
		select_milestone(s, -1);
		s->strip = true;
	} else if (item <= ITEM_MILESTONE(0)) {
		int i = (int)(ITEM_MILESTONE(0) - item);

		if (s->ms_sel == i)
			return app_action(app, ACT_OPEN);
		s->strip = false;
		select_milestone(s, i);
	} else {
		if (s->ms_sel < 0 && !s->strip && l->cur == item)
			return app_action(app, ACT_OPEN);
		select_milestone(s, -1);
		s->strip = false;
		l->cur = item;
		list_scroll(l, app->page);
	}
	return APP_REDRAW;
}

/* A planning item: with a date, the chart of its year with the cursor on
 * it; without one, the list of what has no date. */
static const char *
planning_show_entry(struct view *v, struct app *app, const struct search_hit *h)
{
	struct planning_state *s = v->priv;
	char date[11];
	int rc = 0;

	if (h->e != &entity_planning)
		return NULL;
	app_show(app, v->ops, 0);
	if (!planning_list(s, app) || (rc = planning_item_date(app->db, h->id, date)) <= 0) {
		if (rc < 0)
			app_result(app, db_result(app->db));
		return NULL;
	}
	s->strip = false;
	if (!*date) {
		s->u_t = (struct edit_target){ h->e, h->id };
		s->loaded = 0;
		load_year(s, app);
		s->undated_open = true;
		return _("planningsitem zonder datum");
	}
	if (atoi(date) != s->year) {
		s->year = atoi(date);
		actielijnen_year(s->list, s->year, s->filter ? model_status(s->filter - 1) : NULL);
	}
	s->ms_id = h->id;
	s->ms_sel = 0;
	s->loaded = 0;
	load_year(s, app);
	return _("mijlpaal");
}

/* In the list of what has no date its item; else a selected milestone,
 * else the bar under the cursor (nothing on the line of the undated). */
static struct edit_target
planning_selected(struct view *v, struct app *app)
{
	struct planning_state *s = v->priv;

	load_year(s, app);
	if (s->undated_open)
		return s->u_sel < s->undated.n ? (struct edit_target){ s->undated.v[s->u_sel].e, s->undated.v[s->u_sel].id }
					       : (struct edit_target){ NULL, 0 };
	if (s->strip)
		return (struct edit_target){ NULL, 0 };
	if (s->ms_sel >= 0 && s->ms_sel < s->ms.n)
		return (struct edit_target){ &entity_planning, s->ms.v[s->ms_sel].id };
	return edit_list_selected(&entity_actielijnen, s->list);
}

static void
planning_select(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct planning_state *s = v->priv;

	load_year(s, app);
	for (int i = 0; s->undated_open && i < s->undated.n; i++)
		if (s->undated.v[i].e == e && s->undated.v[i].id == id) {
			select_undated(s, i);
			return;
		}
	if (e == &entity_actielijnen && s->list && list_select_id(s->list, id) >= 0) {
		select_milestone(s, -1);
		s->strip = false;
	} else if (e == &entity_planning) {
		for (int i = 0; i < s->ms.n; i++)
			if (s->ms.v[i].id == id) {
				s->strip = false;
				select_milestone(s, i);
			}
	}
}

/* The filter of the bars hides an actielijn that was just saved. */
static const char *
planning_hidden_by(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct planning_state *s = v->priv;

	(void)app;
	if (e != &entity_actielijnen || !s->list || !s->filter || !list_filter_hides(s->list, id))
		return NULL;
	return status_word(model_status(s->filter - 1));
}

static void
planning_unfilter(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct planning_state *s = v->priv;

	s->filter = 0;
	if (s->list) {
		actielijnen_year(s->list, s->year, NULL);
		planning_select(v, app, e, id);
	}
}

/* No sort of its own: the chart is by domain, then title. */
static bool
planning_offers(const struct view *v, const struct app *app, enum action a)
{
	const struct planning_state *s = v->priv;

	(void)app;
	if (a == ACT_SORT)
		return false;
	if (a == ACT_FILTER)
		return !s->undated_open;
	return true;
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
	{ "6", 0, N_("Planning (Gantt)") },
};

const struct view_ops view_planning = {
	.name = N_("Planning"),
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
	.mouse = planning_mouse,
	.show_entry = planning_show_entry,
	.selected = planning_selected,
	.select = planning_select,
	.add = planning_add,
	.invalidate = planning_invalidate,
	.offers = planning_offers,
	.hidden_by = planning_hidden_by,
	.unfilter = planning_unfilter,
};
