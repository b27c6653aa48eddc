/*
 * Overzicht: one pane per domain (name, motto, status bar, successes,
 * next planning item, open action items) and a pane with the themes and
 * the programme's next dates.
 */

#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "store/db.h"
#include "core/text.h"


/* The status bar: segments proportional to the counts, every non-empty
 * status at least one cell wide. */
static void
draw_bar(struct app *app, struct grid *g, int x, int y, int w, const struct model_domain *d)
{
	int cells[MODEL_MAX_STATUS] = { 0 }, used = 0, ns = model_status_count();

	if (d->total == 0) {
		grid_text(g, x, y, w, ROLE_DIM, "(geen actielijnen)");
		return;
	}
	for (int s = 0; s < ns; s++) {
		if (!d->status[s])
			continue;
		cells[s] = (int)((double)d->status[s] * w / (double)d->total + 0.5);
		if (cells[s] < 1)
			cells[s] = 1;
		used += cells[s];
	}
	while (used > w) {	/* rounding up may overshoot: take from the largest */
		int big = 0;

		for (int s = 1; s < ns; s++)
			if (cells[s] > cells[big])
				big = s;
		cells[big]--;
		used--;
	}
	for (int s = 0; s < ns; s++) {
		grid_fill(g, (struct rect){ x, y, cells[s], 1 }, render_status_glyph(model_status(s), app->mono),
			  render_status_role(model_status(s)));
		x += cells[s];
	}
}

/* The first `rows` actielijnen of pane idx by title, read once per data
 * version (a million rows cost one short index walk). */
static const struct line_titles *
pane_lines(struct app *app, int idx, int rows)
{
	if (app->ov_lines_limit[idx] < rows) {
		if (actielijnen_first(app->db, app->ov.dom[idx].id, rows, &app->ov_lines[idx]) < 0)
			app_message(app, true, "%s", db_errmsg(app->db));
		app->ov_lines_limit[idx] = rows;
	}
	return &app->ov_lines[idx];
}

/* Uses the room a large terminal leaves in a pane: the actielijnen, each
 * with its status colour. */
static void
draw_lines(struct app *app, struct grid *g, struct rect r, int idx, int y)
{
	const struct line_titles *t;
	int bottom = r.y + r.h;

	if (bottom - y < 4 || app->ov.dom[idx].total == 0)
		return;
	y++;
	grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, "Actielijnen");
	t = pane_lines(app, idx, bottom - y);
	for (int i = 0; i < t->n && y < bottom; i++, y++) {
		grid_text(g, r.x + 1, y, 2, render_status_role(t->v[i].status), app->mono ? "·" : "●");
		grid_text(g, r.x + 3, y, r.w - 4, ROLE_NORMAL, t->v[i].titel);
	}
}

static void
draw_domain(struct app *app, struct grid *g, struct rect r, int idx)
{
	const struct model_domain *d = &app->ov.dom[idx];
	char line[400], date[16], count[32];
	int y = r.y, bottom = r.y + r.h, cw;

	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, d->naam, app->pane == idx);
	if (y < bottom && *d->motto)
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, d->motto);
	if (y < bottom) {
		snprintf(count, sizeof(count), " %lld", d->total);
		cw = text_width(count);
		draw_bar(app, g, r.x + 1, y, r.w - 2 - cw - 1, d);
		grid_text(g, r.x + r.w - 1 - cw, y++, cw, ROLE_NORMAL, count);
	}
	if (y < bottom) {
		snprintf(line, sizeof(line), "Successen %d: %lld   Open acties: %lld",
			 MODEL_SUCCESS_YEAR, d->successes, d->open_acts);
		if (text_width(line) + (d->overdue_acts ? 14 : 0) > r.w - 2)
			snprintf(line, sizeof(line), "Succ. %d: %lld  Open: %lld",
				 MODEL_SUCCESS_YEAR, d->successes, d->open_acts);
		cw = grid_text(g, r.x + 1, y, r.w - 2, ROLE_NORMAL, line);
		if (d->overdue_acts) {
			snprintf(line, sizeof(line), " (%lld te laat)", d->overdue_acts);
			grid_text(g, r.x + 1 + cw, y, r.w - 2 - cw, ROLE_OVERDUE, line);
		}
		y++;
	}
	if (y < bottom) {
		render_date(d->next_date, date);
		if (*d->next_date)
			snprintf(line, sizeof(line), "%s %s %s", d->next_past ? "Laatste:" : "Volgende:",
				 date, d->next_title);
		else
			snprintf(line, sizeof(line), "Volgende: geen planning");
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_NORMAL, line);
	}
	for (int i = 0; i < d->nacts && y < bottom; i++, y++) {
		const struct model_act *a = &d->acts[i];
		int x = r.x + 1;

		render_date(a->deadline, date);
		x += grid_text(g, x, y, r.w - 2, ROLE_NORMAL, "• ");
		if (*date) {
			x += grid_text(g, x, y, r.x + r.w - 1 - x, a->overdue ? ROLE_OVERDUE : ROLE_BOLD, date);
			x += grid_text(g, x, y, 1, ROLE_NORMAL, " ");
		}
		snprintf(line, sizeof(line), "%s%s%s%s", a->text, *a->owner ? " (" : "", a->owner,
			 *a->owner ? ")" : "");
		grid_text(g, x, y, r.x + r.w - 1 - x, ROLE_NORMAL, line);
	}
	draw_lines(app, g, r, idx, y);
	app_zone(app, r, ZONE_PANE, idx);
}

static void
draw_themes(struct app *app, struct grid *g, struct rect r)
{
	const struct overview *ov = &app->ov;
	char line[400], date[16];
	int y = r.y, bottom = r.y + r.h;

	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, "Thema's en agenda", app->pane >= ov->ndomains);
	for (int i = ov->ndomains; i < ov->n && y < bottom; i++, y++) {
		const struct model_domain *d = &ov->dom[i];
		bool sel = app->pane == i;

		snprintf(line, sizeof(line), "%s %s (%lld)", sel ? "▸" : " ", d->naam, d->total);
		grid_text(g, r.x + 1, y, r.w - 2, sel ? ROLE_SEL : ROLE_NORMAL, line);
		if (sel)
			grid_paint(g, r.x + 1, y, r.w - 2, ROLE_SEL);
		app_zone(app, (struct rect){ r.x, y, r.w, 1 }, ZONE_PANE, i);
	}
	if (y < bottom) {
		render_date(ov->meeting_date, date);
		snprintf(line, sizeof(line), "%s AB-vergadering: %s", ov->meeting_past ? "Laatste" : "Volgende",
			 *date ? date : "geen");
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_NORMAL, line);
	}
	if (y < bottom) {
		render_date(ov->ms_date, date);
		if (*date)
			snprintf(line, sizeof(line), "%s mijlpaal: %s %s", ov->ms_past ? "Laatste" : "Volgende",
				 date, ov->ms_title);
		else
			snprintf(line, sizeof(line), "Volgende mijlpaal: geen");
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_NORMAL, line);
	}
}

static void
draw_legend(struct app *app, struct grid *g, int x, int y, int w)
{
	int end = x + w;

	for (int s = 0; s < model_status_count() && x < end; s++) {
		struct cell *c = grid_at(g, x, y);

		if (c) {
			c->ch[0] = render_status_glyph(model_status(s), app->mono);
			c->role = (unsigned char)render_status_role(model_status(s));
		}
		x += 1 + grid_text(g, x + 1, y, end - x - 1, ROLE_NORMAL, model_status_label(model_status(s)));
		x += 2;
	}
}

static void
overview_render(struct app *app, struct grid *g, struct rect body)
{
	const struct overview *ov = &app->ov;
	int npanes = ov->ndomains + 1;
	int cols = body.w >= 120 ? 3 : 2;
	int rows = (npanes + cols - 1) / cols;
	int ph = (body.h - 1) / (rows ? rows : 1);

	app->ov_cols = cols;
	if (app->pane >= ov->n)
		app->pane = ov->n ? ov->n - 1 : 0;
	for (int i = 0; i < npanes; i++) {
		int c = i % cols, row = i / cols;
		int x0 = body.x + body.w * c / cols, x1 = body.x + body.w * (c + 1) / cols;
		struct rect r = { x0, body.y + row * ph, x1 - x0 - (c < cols - 1 ? 1 : 0), ph - 1 };

		if (i < ov->ndomains)
			draw_domain(app, g, r, i);
		else
			draw_themes(app, g, r);
	}
	if (ov->n == 0)
		grid_text(g, 1, body.y + 1, body.w - 2, ROLE_DIM,
			  "De database is leeg: `snw init` of `snw import` vult haar.");
	draw_legend(app, g, body.x + 1, body.y + body.h - 1, body.w - 2);
}

static bool
overview_act(struct app *app, enum action a)
{
	int nd = app->ov.ndomains, n = app->ov.n, cols = app->ov_cols ? app->ov_cols : 2;
	int p = app->pane;

	switch (a) {
	case ACT_LEFT: p--; break;
	case ACT_RIGHT: p++; break;
	case ACT_UP: p = p > nd ? p - 1 : p - cols; break;
	case ACT_DOWN: p = p >= nd ? p + 1 : p + cols >= nd ? nd : p + cols; break;
	case ACT_HOME: p = 0; break;
	case ACT_END: p = n - 1; break;
	case ACT_PAGE_UP: p = 0; break;
	case ACT_PAGE_DOWN: p = n - 1; break;
	case ACT_OPEN:
		app_show(app, VIEW_DOMAIN, app->pane);
		return true;
	default:
		return false;
	}
	if (p >= 0 && p < n)
		app->pane = p;
	return true;
}

const struct view_ops view_overview_ops = {
	.name = "Overzicht",
	.list = NULL,
	.render = overview_render,
	.act = overview_act,
};
