/*
 * Overzicht: one pane per domain (name, motto, status bar, successes,
 * next planning item, open action items; on a large terminal its
 * actielijnen) and a pane with the themes and the programme's next dates.
 * The selected pane is the app's domain in focus, which the domain view
 * shares.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "tui/app.h"
#include "core/i18n.h"
#include "store/db.h"
#include "core/text.h"
#include "model/programme.h"

struct overview_state {
	struct overview ov;				/* the figures per domain */
	struct line_titles lines[MODEL_MAX_DOMAINS];	/* actielijnen listed in each pane */
	int lines_limit[MODEL_MAX_DOMAINS];		/* rows they were read for, 0 = stale */
	int cols;					/* panes per row in the last layout */
	int npanes;					/* the domains', then the themes' */
	struct rect pane[MODEL_MAX_DOMAINS + 1];
};

static void *
overview_open(struct app *app)
{
	(void)app;
	return xcalloc(1, sizeof(struct overview_state));
}

static void
overview_close(void *priv)
{
	struct overview_state *s = priv;

	for (int i = 0; i < MODEL_MAX_DOMAINS; i++)
		line_titles_free(&s->lines[i]);
	free(s);
}

static void
overview_invalidate(struct view *v, struct app *app)
{
	struct overview_state *s = v->priv;

	(void)app;
	s->ov.valid = false;
	memset(s->lines_limit, 0, sizeof(s->lines_limit));
}

/* The status bar: segments proportional to the counts, every non-empty
 * status at least one cell wide. */
static void
draw_bar(const struct app *app, struct grid *g, int x, int y, int w, const struct domain_figures *d)
{
	int cells[MODEL_MAX_STATUS] = { 0 }, used = 0, ns = model_status_count();
	char line[120], n[32];

	if (d->total == 0) {
		grid_text(g, x, y, w, ROLE_DIM, _("(geen actielijnen)"));
		return;
	}
	/* Not one status recorded: a bar of onbekend would look like a
	 * measurement; say it instead. */
	if (d->status[model_status_index("")] == d->total) {
		snprintf(line, sizeof(line), _n("(%s actielijn, geen status vastgelegd)",
						"(%s actielijnen, geen status vastgelegd)", d->total),
			 i18n_count(d->total, n));
		if (text_width(line) > w)
			snprintf(line, sizeof(line), "%s", _("(geen status vastgelegd)"));
		grid_text(g, x, y, w, ROLE_DIM, line);
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

/* The figures of a pane: "Successen 2023: 5" and "Open acties: 3 (1 te
 * laat)", the same words at every size: on one line when they fit in w
 * columns, else on two. Returns the number of lines. */
static int
figures(const struct domain_figures *d, int w, char *succ, size_t succsz, char *acts, size_t actssz,
	char *late, size_t latesz)
{
	char a[32], b[32];

	snprintf(succ, succsz, _("Successen %d: %s"), MODEL_SUCCESS_YEAR, i18n_count(d->successes, a));
	snprintf(acts, actssz, _("Open acties: %s"), i18n_count(d->open_acts, b));
	late[0] = '\0';
	if (d->overdue_acts)
		snprintf(late, latesz, _(" (%s te laat)"), i18n_count(d->overdue_acts, a));
	return text_width(succ) + 3 + text_width(acts) + text_width(late) <= w ? 1 : 2;
}

/* The row of pane r below its fixed lines (heading, motto, bar, figures,
 * next date, open actions): where a large terminal lists actielijnen. */
static int
pane_rest(const struct domain *dom, const struct domain_figures *d, struct rect r)
{
	char a[64], b[64], c[64];
	int y = r.y + 1, lines = (*dom->motto ? 1 : 0) + 2 + figures(d, r.w - 2, a, sizeof(a), b, sizeof(b), c,
								  sizeof(c)) + d->nacts;
	int bottom = r.y + r.h;

	if (y < bottom)
		y = y + lines < bottom ? y + lines : bottom;
	return y;
}

/* Reads the first actielijnen of pane idx when the room below its fixed
 * lines asks for more than were read (once per data version: a million
 * rows cost one short index walk). */
static void
layout_lines(struct overview_state *s, struct app *app, struct rect r, int idx)
{
	int y = pane_rest(&app->domains.dom[idx], &s->ov.dom[idx], r), rows = r.y + r.h - y - 2;

	if (r.y + r.h - y < 4 || s->ov.dom[idx].total == 0 || s->lines_limit[idx] >= rows)
		return;
	if (actielijnen_first(app->db, app->domains.dom[idx].id, rows, &s->lines[idx]) < 0)
		app_result(app, db_result(app->db));
	s->lines_limit[idx] = rows;
}

/* Uses the room a large terminal leaves in a pane: the actielijnen, each
 * with its status colour. */
static void
draw_lines(const struct overview_state *s, const struct app *app, struct grid *g, struct rect r,
	   int idx, int y)
{
	const struct line_titles *t = &s->lines[idx];
	int bottom = r.y + r.h;

	if (bottom - y < 4 || s->ov.dom[idx].total == 0)
		return;
	y++;
	grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, _("Actielijnen"));
	for (int i = 0; i < t->n && y < bottom; i++, y++) {
		grid_text(g, r.x + 1, y, 2, render_status_role(t->v[i].status), app->mono ? "·" : "●");
		grid_text(g, r.x + 3, y, r.w - 4, ROLE_NORMAL, t->v[i].titel);
	}
}

static void
draw_domain(const struct overview_state *s, const struct app *app, struct grid *g, struct rect r, int idx)
{
	const struct domain *dom = &app->domains.dom[idx];
	const struct domain_figures *d = &s->ov.dom[idx];
	char line[400], date[16], count[40], num[32];
	int y = r.y, bottom = r.y + r.h, cw;

	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, dom->naam, app->domain == idx);
	if (y < bottom && *dom->motto)
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, dom->motto);
	if (y < bottom) {
		snprintf(count, sizeof(count), " %s", i18n_count(d->total, num));
		cw = text_width(count);
		draw_bar(app, g, r.x + 1, y, r.w - 2 - cw - 1, d);
		grid_text(g, r.x + r.w - 1 - cw, y++, cw, ROLE_NORMAL, count);
	}
	if (y < bottom) {
		char succ[80], acts[80], late[80];
		int x = r.x + 1;

		if (figures(d, r.w - 2, succ, sizeof(succ), acts, sizeof(acts), late, sizeof(late)) == 1) {
			x += grid_text(g, x, y, r.w - 2, ROLE_NORMAL, succ) + 3;
		} else {
			grid_text(g, x, y++, r.w - 2, ROLE_NORMAL, succ);
		}
		if (y < bottom) {
			x += grid_text(g, x, y, r.x + r.w - 1 - x, ROLE_NORMAL, acts);
			grid_text(g, x, y, r.x + r.w - 1 - x, ROLE_OVERDUE, late);
			y++;
		}
	}
	if (y < bottom) {
		render_date(d->next_date, date);
		/* TRANSLATORS: a date and a milestone's title */
		if (*d->next_date)
			snprintf(line, sizeof(line), d->next_past ? _("Laatste: %s %s") : _("Volgende: %s %s"),
				 date, d->next_title);
		else
			snprintf(line, sizeof(line), "%s", _("Volgende: geen planning"));
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
	draw_lines(s, app, g, r, idx, y);
}

static void
draw_themes(const struct overview_state *s, const struct app *app, struct grid *g, struct rect r)
{
	const struct domains *doms = &app->domains;
	const struct overview *ov = &s->ov;
	char line[400], date[16], num[32];
	int y = r.y, bottom = r.y + r.h;

	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, _("Thema's en agenda"), app->domain >= doms->ndomains);
	for (int i = doms->ndomains; i < doms->n && y < bottom; i++, y++) {
		bool sel = app->domain == i;

		snprintf(line, sizeof(line), "%s %s (%s)", sel ? "▸" : " ", doms->dom[i].naam,
			 i18n_count(ov->dom[i].total, num));
		grid_text(g, r.x + 1, y, r.w - 2, sel ? ROLE_SEL : ROLE_NORMAL, line);
		if (sel)
			grid_paint(g, r.x + 1, y, r.w - 2, ROLE_SEL);
	}
	if (y < bottom) {
		render_date(ov->meeting_date, date);
		if (!*date)
			snprintf(line, sizeof(line), "%s", _("Volgende AB-vergadering: geen"));
		else
			snprintf(line, sizeof(line), ov->meeting_past ? _("Laatste AB-vergadering: %s")
								      : _("Volgende AB-vergadering: %s"), date);
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_NORMAL, line);
	}
	if (y < bottom) {
		render_date(ov->ms_date, date);
		if (*date)
			/* TRANSLATORS: a date and a milestone's title */
			snprintf(line, sizeof(line), ov->ms_past ? _("Laatste mijlpaal: %s %s") : _("Volgende mijlpaal: %s %s"),
				 date, ov->ms_title);
		else
			snprintf(line, sizeof(line), "%s", _("Volgende mijlpaal: geen"));
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_NORMAL, line);
	}
}

static void
draw_legend(const struct app *app, struct grid *g, int x, int y, int w)
{
	int end = x + w;

	for (int s = 0; s < model_status_count() && x < end; s++) {
		struct cell *c = grid_at(g, x, y);

		if (c) {
			c->ch[0] = render_status_glyph(model_status(s), app->mono);
			c->role = (unsigned char)render_status_role(model_status(s));
		}
		x += 1 + grid_text(g, x + 1, y, end - x - 1, ROLE_NORMAL, status_word(model_status(s)));
		x += 2;
	}
}

/* The panes in columns (three from 120 wide), the domains first, then
 * the themes; reads the figures, and records a click zone per domain
 * pane and per theme line. */
static void
overview_layout(struct view *v, struct app *app, struct rect body)
{
	struct overview_state *s = v->priv;
	const struct domains *doms = &app->domains;
	int rows, ph;

	if (overview_load(app->db, doms, &s->ov) < 0)
		app_result(app, &s->ov.why);
	s->npanes = doms->ndomains + 1;
	s->cols = body.w >= 120 ? 3 : 2;
	rows = (s->npanes + s->cols - 1) / s->cols;
	ph = (body.h - 1) / (rows ? rows : 1);
	if (app->domain >= doms->n)
		app->domain = doms->n ? doms->n - 1 : 0;
	for (int i = 0; i < s->npanes; i++) {
		int c = i % s->cols, row = i / s->cols;
		int x0 = body.x + body.w * c / s->cols, x1 = body.x + body.w * (c + 1) / s->cols;
		struct rect r = { x0, body.y + row * ph, x1 - x0 - (c < s->cols - 1 ? 1 : 0), ph - 1 };

		s->pane[i] = r;
		if (i < doms->ndomains) {
			layout_lines(s, app, r, i);
			app_zone(app, r, ZONE_ITEM, i);
			continue;
		}
		for (int t = doms->ndomains, y = r.y + 1; t < doms->n && y < r.y + r.h; t++, y++)
			app_zone(app, (struct rect){ r.x, y, r.w, 1 }, ZONE_ITEM, t);
	}
}

static void
overview_draw(const struct view *v, const struct app *app, struct grid *g, struct rect body)
{
	const struct overview_state *s = v->priv;

	for (int i = 0; i < s->npanes; i++) {
		if (i < app->domains.ndomains)
			draw_domain(s, app, g, s->pane[i], i);
		else
			draw_themes(s, app, g, s->pane[i]);
	}
	if (app->domains.n == 0)
		grid_text(g, 1, body.y + 1, body.w - 2, ROLE_DIM,
			  _("De database is leeg: `snw init` of `snw import` vult haar."));
	draw_legend(app, g, body.x + 1, body.y + body.h - 1, body.w - 2);
}

/* The status line says how current the data is (model_peildatum): the
 * one place on the overview that has room for it at 80x24, and it stays
 * in sight while the panes change; a message takes its room while it is
 * there. */
static void
peildatum_status(const struct overview_state *s, const struct app *app, char *pos, size_t possz)
{
	char date[16];

	if (!s->ov.valid || !*s->ov.peildatum || app->msg[0])
		return;	/* a message needs the room; the date is back after it */
	render_date(s->ov.peildatum, date);
	snprintf(pos, possz, _("paneel %d/%d · gegevens van %s"), app->domain + 1, app->domains.n, date);
}

static void
overview_status(const struct view *v, const struct app *app, char *title, size_t titlesz,
		char *pos, size_t possz)
{
	(void)v;
	(void)title;
	(void)titlesz;
	snprintf(pos, possz, _("paneel %d/%d"), app->domain + 1, app->domains.n);
	peildatum_status(v->priv, app, pos, possz);
}

/* Enter opens the selected domain or theme where it is shown. */
static int
open_pane(struct app *app)
{
	if (app->domain >= 0 && app->domain < app->domains.n) {
		long long id = app->domains.dom[app->domain].id;

		app_open_entry(app, &(struct search_hit){ &entity_domeinen, id, id });
	}
	return APP_REDRAW;
}

/* Arrows walk the panes: across the columns of domains, down the
 * themes; Enter opens one. */
static int
overview_key(struct view *v, struct app *app, enum action a)
{
	const struct overview_state *s = v->priv;
	int nd = app->domains.ndomains, n = app->domains.n, cols = s->cols ? s->cols : 2;
	int p = app->domain;

	switch (a) {
	case ACT_LEFT: p--; break;
	case ACT_RIGHT: p++; break;
	case ACT_UP: p = p > nd ? p - 1 : p - cols; break;
	case ACT_DOWN: p = p >= nd ? p + 1 : p + cols >= nd ? nd : p + cols; break;
	case ACT_HOME: p = 0; break;
	case ACT_END: p = n - 1; break;
	case ACT_PAGE_UP: p = 0; break;
	case ACT_PAGE_DOWN: p = n - 1; break;
	case ACT_OPEN: return open_pane(app);
	case ACT_FILTER:
	case ACT_SORT:
		app_message(app, false, "%s", a == ACT_FILTER ? _("filteren kan in een domein, de planning en Acties")
							       : _("sorteren kan in een domein, Vergaderingen en Acties"));
		return APP_REDRAW;
	default: return 0;
	}
	if (p >= 0 && p < n)
		app->domain = p;
	return APP_REDRAW;
}

/* The wheel walks the panes round; a click selects one, a second click
 * opens it. */
static int
overview_mouse(struct view *v, struct app *app, long long item, int wheel)
{
	int n = app->domains.n;

	(void)v;
	if (wheel) {
		app->domain = (app->domain + wheel + n) % (n ? n : 1);
		return APP_REDRAW;
	}
	if (app->domain == item)
		return open_pane(app);
	app->domain = (int)item;
	return APP_REDRAW;
}

static struct edit_target
overview_selected(struct view *v, struct app *app)
{
	(void)v;
	if (app->domain >= 0 && app->domain < app->domains.n)
		return (struct edit_target){ &entity_domeinen, app->domains.dom[app->domain].id };
	return (struct edit_target){ NULL, 0 };
}

/* After a change to a domain: its pane is selected. */
static void
overview_select(struct view *v, struct app *app, const struct entity *e, long long id)
{
	int d;

	(void)v;
	if (e == &entity_domeinen && (d = domains_find(&app->domains, id)) >= 0)
		app->domain = d;
}

/* `a`: asks what to add for the selected pane's domain: an actielijn, a
 * success, or a new domain. */
static int
overview_add(struct view *v, struct app *app, const struct entity *kind)
{
	static const struct entity *const kinds[] = { &entity_actielijnen, &entity_successen, &entity_domeinen };

	(void)v;
	if (!kind)
		return edit_ask_kind(app, _("Nieuw:"), kinds, 3);
	if (kind == &entity_domeinen)
		return edit_new(app, kind, NULL, NULL, NULL);
	return edit_new_in_domain(app, kind, app->domain);
}

/* No filter, no sort order and nowhere to go back to. */
static bool
overview_offers(const struct view *v, const struct app *app, enum action a)
{
	(void)v;
	(void)app;
	return a != ACT_FILTER && a != ACT_SORT && a != ACT_BACK;
}

static const struct view_key keys[] = {
	{ "0", 0, N_("Overzicht van alle domeinen") },
};

const struct view_ops view_overview = {
	.name = N_("Overzicht"),
	.keys = keys,
	.nkeys = 1,
	.open = overview_open,
	.close = overview_close,
	.layout = overview_layout,
	.draw = overview_draw,
	.status = overview_status,
	.key = overview_key,
	.mouse = overview_mouse,
	.selected = overview_selected,
	.select = overview_select,
	.add = overview_add,
	.invalidate = overview_invalidate,
	.offers = overview_offers,
};
