/*
 * A domain (or theme): its actielijnen as a paged list, the selected
 * one's details with the toelichting wrapped, and the domain's successes.
 */

#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "store/db.h"
#include "core/text.h"

#define WIDE 110		/* from this width list and detail sit side by side */
#define MAX_SUCCESSES 50

static struct list *
domain_list(struct app *app)
{
	if (!app->lines)
		app->lines = actielijnen_of_domain(app->db);
	return app->lines;
}

/* "4 mrt 2024 – 31 dec 2024", or one side, or "". */
static void
period(const char *start, const char *end, char *out, size_t outsz)
{
	char a[16], b[16];

	render_date(start, a);
	render_date(end, b);
	if (*a || *b)
		snprintf(out, outsz, "%s – %s", *a ? a : "?", *b ? b : "?");
	else
		out[0] = '\0';
}

/* Column widths of the list at width w: title takes what is left. */
static void
columns(int w, int *tw, int *kw, int *sw, int *pw)
{
	*sw = 11;
	*pw = w >= 78 ? 25 : 0;	/* the issue asks for start–end in the list */
	*kw = w >= 70 ? (w >= 120 ? 24 : 16) : 0;
	*tw = w - *kw - *sw - *pw - 2;
}

static void
draw_row(struct app *app, struct grid *g, const struct list_row *row, struct rect r, void *ctx)
{
	struct actielijn_row a = actielijn_row(row);
	int tw, kw, sw, pw, x = r.x + 1;
	char per[64];

	(void)app;
	(void)ctx;
	columns(r.w, &tw, &kw, &sw, &pw);
	grid_text(g, x, r.y, tw - 1, ROLE_NORMAL, a.titel);
	x += tw;
	if (kw) {
		grid_text(g, x, r.y, kw - 1, ROLE_NORMAL, a.trekker);
		x += kw;
	}
	grid_text(g, x, r.y, sw - 1, render_status_role(a.status), model_status_label(a.status));
	x += sw;
	if (pw) {
		period(a.start, a.eind, per, sizeof(per));
		grid_text(g, x, r.y, pw, ROLE_NORMAL, per);
	}
}

static void
draw_header(struct grid *g, struct rect r)
{
	int tw, kw, sw, pw, x = r.x + 1;

	grid_fill(g, r, L' ', ROLE_BOLD);
	columns(r.w, &tw, &kw, &sw, &pw);
	grid_text(g, x, r.y, tw - 1, ROLE_BOLD, "Actielijn");
	x += tw;
	if (kw) {
		grid_text(g, x, r.y, kw - 1, ROLE_BOLD, "Trekker");
		x += kw;
	}
	grid_text(g, x, r.y, sw - 1, ROLE_BOLD, "Status");
	x += sw;
	if (pw)
		grid_text(g, x, r.y, pw, ROLE_BOLD, "Periode");
}

/* Reads the long text of the selected actielijn once per selection. */
static void
load_detail(struct app *app, long long id)
{
	if (app->detail_id == id && app->detail_view == VIEW_DOMAIN)
		return;
	if (actielijn_detail_load(app->db, id, &app->detail) < 0)
		app_message(app, true, "%s", db_errmsg(app->db));
	app->detail_id = id;
	app->detail_view = VIEW_DOMAIN;
}

static void
draw_successes(struct app *app, struct grid *g, struct rect r)
{
	const struct model_domain *d = &app->ov.dom[app->dom];
	char line[400];
	int y = r.y;

	if (app->successes_dom != d->id) {
		if (successes_of_domain(app->db, d->id, MAX_SUCCESSES, &app->successes) < 0)
			app_message(app, true, "%s", db_errmsg(app->db));
		app->successes_dom = d->id;
	}
	snprintf(line, sizeof(line), "Successen (%d)", app->successes.n);
	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, line, false);
	for (int i = 0; i < app->successes.n && y < r.y + r.h; i++, y++) {
		snprintf(line, sizeof(line), "%d  %s", app->successes.v[i].jaar, app->successes.v[i].titel);
		grid_text(g, r.x + 1, y, r.w - 2, ROLE_NORMAL, line);
	}
	if (app->successes.n == 0 && y < r.y + r.h)
		grid_text(g, r.x + 1, y, r.w - 2, ROLE_DIM, "(nog geen successen)");
}

static void
draw_detail(struct app *app, struct grid *g, struct rect r)
{
	const struct list_row *row = list_row(app->lines, app->lines->cur);
	int succ_h = app->successes.n + 1 < r.h / 3 ? app->successes.n + 1 : r.h / 3;
	struct rect text;
	char line[400], per[64];
	const char *changed;
	int y = r.y, used;

	if (succ_h < 2)
		succ_h = 2;
	draw_successes(app, g, (struct rect){ r.x, r.y + r.h - succ_h, r.w, succ_h });
	r.h -= succ_h + 1;
	if (!row || r.h < 2)
		return;
	load_detail(app, row->id);
	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, app->detail.titel, true);
	period(app->detail.start, app->detail.eind, per, sizeof(per));
	snprintf(line, sizeof(line), "Trekker: %s   Status: %s   %s",
		 *app->detail.trekker ? app->detail.trekker : "—", model_status_label(app->detail.status), per);
	grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, line);
	changed = app_last_changed(app, "actielijnen", row->id);
	if (*changed && r.y + r.h - y > 2) {
		snprintf(line, sizeof(line), "laatst gewijzigd: %s", changed);
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, line);
	}
	text = (struct rect){ r.x + 1, y, r.w - 2, r.y + r.h - y };
	used = grid_wrap(g, text, ROLE_NORMAL, app->detail.toelichting, 0);
	if (used > text.h && text.h > 0)
		grid_text(g, r.x + r.w - 3, text.y + text.h - 1, 2, ROLE_DIM, " …");
	if (!*app->detail.toelichting && text.h > 0)
		grid_text(g, text.x, text.y, text.w, ROLE_DIM, "(geen toelichting)");
}

static const char *
filter_label(const struct list *l)
{
	return !l->has_p2 ? "alle" : model_status_label(l->p2);
}

static void
domain_render(struct app *app, struct grid *g, struct rect body)
{
	struct list *l = domain_list(app);
	const struct model_domain *d;
	struct rect list_r, detail_r;
	char line[600];
	int y = body.y;

	if (app->dom >= app->ov.n) {
		grid_text(g, 1, body.y, body.w - 2, ROLE_DIM, "(dit domein bestaat niet meer)");
		return;
	}
	d = &app->ov.dom[app->dom];
	snprintf(line, sizeof(line), "%s%s%s", d->naam, *d->motto ? " — " : "", d->motto);
	grid_text(g, 1, y, body.w - 2, ROLE_BOLD, line);
	snprintf(line, sizeof(line), "%lld actielijnen · sortering: %s · filter: %s",
		 list_count(l), actielijnen_sort_label(app->lines_sort), filter_label(l));
	grid_text_right(g, 1, y + 1, body.w - 2, ROLE_DIM, line);
	y += 2;
	body.h -= 2;
	if (app->zoom) {
		list_scroll(l, 1);
		list_ensure(l, l->cur, 1);
		draw_detail(app, g, (struct rect){ body.x, y, body.w, body.h });
		return;
	}
	if (body.w >= WIDE) {
		int lw = body.w * 3 / 5;

		list_r = (struct rect){ body.x, y, lw, body.h };
		detail_r = (struct rect){ body.x + lw + 1, y, body.w - lw - 1, body.h };
		grid_fill(g, (struct rect){ body.x + lw, y, 1, body.h }, L'│', ROLE_BORDER);
	} else {
		int dh = body.h * 2 / 5;

		list_r = (struct rect){ body.x, y, body.w, body.h - dh };
		detail_r = (struct rect){ body.x, y + body.h - dh, body.w, dh };
	}
	draw_header(g, (struct rect){ list_r.x, list_r.y, list_r.w, 1 });
	list_r.y++;
	list_r.h--;
	render_list(app, g, l, list_r, -1, draw_row, NULL);
	draw_detail(app, g, detail_r);
}

static bool
domain_act(struct app *app, enum action a)
{
	struct list *l = domain_list(app);

	switch (a) {
	case ACT_OPEN:
		app->zoom = !app->zoom;
		return true;
	case ACT_BACK:
		if (!app->zoom)
			return false;
		app->zoom = false;
		return true;
	case ACT_SORT:
		app->lines_sort = (app->lines_sort + 1) % actielijnen_sorts();
		actielijnen_sort(l, app->lines_sort);
		app_message(app, false, "sortering: %s", actielijnen_sort_label(app->lines_sort));
		return true;
	case ACT_FILTER:
		/* alle -> each status -> onbekend -> alle */
		app->lines_filter = (app->lines_filter + 1) % (model_status_count() + 1);
		actielijnen_show(l, l->p1, app->lines_filter ? model_status(app->lines_filter - 1) : NULL);
		app_message(app, false, "filter: %s", filter_label(l));
		return true;
	default:
		return false;
	}
}

const struct view_ops view_domain_ops = {
	.name = "Domein",
	.list = domain_list,
	.render = domain_render,
	.act = domain_act,
};
