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

#include "tui/app.h"
#include "core/date.h"
#include "store/db.h"

#define MAX_MILESTONES 200
#define MAX_UNDATED 40

static const char *const months[12] = {
	"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
};

/* Geometry of the chart for one frame. */
struct chart {
	int gx, gw;		/* group (domain) column */
	int tx, tw;		/* title column */
	int x0, w;		/* timeline */
	long day0, ndays;	/* first day of the year, days in it */
	int year;
	long long prev_domain;	/* domain of the row drawn last */
};

static struct list *
planning_list(struct app *app)
{
	if (!app->gantt) {
		app->gantt = actielijnen_gantt(app->db);
		if (app->gantt)
			actielijnen_year(app->gantt, app->year, NULL);
	}
	return app->gantt;
}

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
draw_axis(struct app *app, struct grid *g, const struct chart *c, int y)
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
today_line(struct app *app, struct grid *g, const struct chart *c, int y0, int h)
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
gantt_row(struct app *app, struct grid *g, const struct list_row *row, struct rect r, void *ctx)
{
	struct chart *c = ctx;
	struct actielijn_row a = actielijn_row(row);

	if (a.domein_id != c->prev_domain) {
		int d = overview_find(&app->ov, a.domein_id);

		grid_text(g, c->gx, r.y, c->gw - 1, ROLE_BOLD, d >= 0 ? app->ov.dom[d].naam : "?");
		c->prev_domain = a.domein_id;
	}
	grid_text(g, c->tx, r.y, c->tw - 1, ROLE_NORMAL, a.titel);
	draw_bar(g, c, r.y, a.start, a.eind, a.status);
	for (int i = 0; i < app->milestones.n; i++)
		if (app->milestones.v[i].actielijn_id == row->id)
			mark(g, c, r.y, app->milestones.v[i].datum);
}

void
planning_load_year(struct app *app)
{
	if (app->gantt_loaded == app->year)
		return;
	if (milestones_of_year(app->db, app->year, MAX_MILESTONES, &app->milestones) < 0 ||
	    undated_load(app->db, MAX_UNDATED, &app->undated) < 0)
		app_message(app, true, "%s", db_errmsg(app->db));
	app->gantt_loaded = app->year;
}

static void
planning_render(struct app *app, struct grid *g, struct rect body)
{
	struct list *l = planning_list(app);
	struct chart chart, *c = &chart;
	char line[400], date[16];
	int y = body.y, msrows, undated_h = app->undated.n ? 2 : 0, chart_top;

	planning_load_year(app);
	undated_h = app->undated.n ? 2 : 0;
	chart_setup(c, body, app->year);
	snprintf(line, sizeof(line), "Planning %d · %lld actielijnen · filter: %s · ←/→ jaar",
		 app->year, list_count(l), l->has_p2 ? model_status_label(l->p2) : "alle");
	grid_text(g, c->gx, y, c->gw + c->tw - 1, ROLE_BOLD, line);
	draw_axis(app, g, c, y);
	y += 2;
	chart_top = y;
	msrows = app->milestones.n;
	if (msrows > (body.h - 4 - undated_h) / 3)
		msrows = (body.h - 4 - undated_h) / 3;
	/* a selected milestone (edit, delete) scrolls into sight; otherwise
	 * the last row sums up the rest */
	if (app->ms_sel >= app->milestones.n)
		app->ms_sel = app->milestones.n - 1;
	if (app->ms_sel >= 0) {
		if (app->ms_top > app->ms_sel)
			app->ms_top = app->ms_sel;
		if (app->ms_sel >= app->ms_top + msrows)
			app->ms_top = app->ms_sel - msrows + 1;
	} else {
		app->ms_top = 0;
	}
	for (int i = 0; i < msrows; i++, y++) {
		int k = app->ms_top + i;
		bool last = app->ms_sel < 0 && i == msrows - 1 && msrows < app->milestones.n;

		if (i == 0) {
			snprintf(line, sizeof(line), app->ms_sel >= 0 ? "Mijlpalen %d/%d" : "Mijlpalen",
				 app->ms_sel + 1, app->milestones.n);
			grid_text(g, c->gx, y, c->gw - 1, ROLE_BOLD, line);
		}
		static const struct milestone none = { 0, "", "", 0 };
		const struct milestone *ms = k < app->milestones.n ? &app->milestones.v[k] : &none;

		render_date(ms->datum, date);
		if (last)
			snprintf(line, sizeof(line), "+%d meer", app->milestones.n - i);
		else
			snprintf(line, sizeof(line), "%s %s", date, ms->titel);
		grid_text(g, c->tx, y, c->tw - 1, last ? ROLE_DIM : ROLE_NORMAL, line);
		for (int m = last ? i : 0; m < (last ? app->milestones.n : 0); m++)
			mark(g, c, y, app->milestones.v[m].datum);
		if (!last)
			mark(g, c, y, ms->datum);
		if (k == app->ms_sel)
			grid_paint(g, c->tx, y, c->tw, ROLE_SEL);
	}
	if (msrows > 0)
		render_hline(g, body.x, y++, body.w);
	c->prev_domain = -1;
	render_list(app, g, l, (struct rect){ body.x, y, body.w, body.y + body.h - undated_h - y },
		    app->ms_sel >= 0 ? 0 : c->x0 - body.x, gantt_row, c);
	today_line(app, g, c, chart_top, body.y + body.h - undated_h - chart_top);
	if (undated_h) {
		int x = body.x + 1, uy = body.y + body.h - 2;

		render_hline(g, body.x, uy, body.w);
		snprintf(line, sizeof(line), "Zonder datum (%d%s): ", app->undated.n,
			 app->undated.n >= MAX_UNDATED ? "+" : "");
		x += grid_text(g, x, uy + 1, body.w - 2, ROLE_BOLD, line);
		for (int i = 0; i < app->undated.n && x < body.x + body.w - 2; i++) {
			snprintf(line, sizeof(line), "%s%s", i ? " · " : "", app->undated.titel[i]);
			x += grid_text(g, x, uy + 1, body.x + body.w - 1 - x, ROLE_NORMAL, line);
		}
	}
}

/* Up from the first bar selects the milestones above the chart (the
 * last one first); Down past the last goes back to the bars. */
static bool
milestone_nav(struct app *app, enum action a, struct list *l)
{
	planning_load_year(app);
	if (app->ms_sel < 0) {
		if (a != ACT_UP || app->milestones.n == 0 || (list_count(l) > 0 && l->cur > 0))
			return false;
		app->ms_sel = app->milestones.n - 1;
		return true;
	}
	switch (a) {
	case ACT_UP:
		if (app->ms_sel > 0)
			app->ms_sel--;
		return true;
	case ACT_DOWN:
		if (++app->ms_sel >= app->milestones.n) {
			app->ms_sel = -1;
			l->cur = 0;
		}
		return true;
	case ACT_HOME:
		app->ms_sel = 0;
		return true;
	default:
		app->ms_sel = -1;	/* any other move goes back to the bars */
		return false;
	}
}

static bool
planning_act(struct app *app, enum action a)
{
	struct list *l = planning_list(app);

	if ((a == ACT_UP || a == ACT_DOWN || a == ACT_HOME || a == ACT_END ||
	     a == ACT_PAGE_UP || a == ACT_PAGE_DOWN) && milestone_nav(app, a, l))
		return true;
	switch (a) {
	case ACT_LEFT:
	case ACT_RIGHT:
		app->ms_sel = -1;
		app->year += a == ACT_LEFT ? -1 : 1;
		actielijnen_year(l, app->year, l->has_p2 ? l->p2 : NULL);
		app->gantt_loaded = 0;
		return true;
	case ACT_FILTER:
		app->gantt_filter = (app->gantt_filter + 1) % (model_status_count() + 1);
		actielijnen_year(l, app->year, app->gantt_filter ? model_status(app->gantt_filter - 1) : NULL);
		app_message(app, false, "filter: %s", l->has_p2 ? model_status_label(l->p2) : "alle");
		return true;
	case ACT_SORT:
		app_message(app, false, "de planning staat per domein, op titel");
		return true;
	default:
		return false;
	}
}

const struct view_ops view_planning_ops = {
	.name = "Planning",
	.list = planning_list,
	.render = planning_render,
	.act = planning_act,
};
