/*
 * A domain (or theme): its actielijnen as a paged list with sort orders
 * and a status filter, the selected one's details with the toelichting
 * wrapped, and the domain's successes. Sorted by groep, a heading stands
 * above each group of the slides. One view serves every domain: the
 * one shown is the app's domain in focus (which the overview shares);
 * keys 1-5 and a tab per domain show it.
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

#define WIDE 110		/* from this width list and detail sit side by side */
#define MAX_SUCCESSES 50
#define TAB_DOMAINS 5		/* domains with a tab (and a key) of their own */
#define TAB_SLACK 2		/* room kept beside the other views' tabs */

struct domain_state {
	struct list *list;		/* the domain's actielijnen; NULL until shown */
	int sort;			/* actielijnen_sort_label(sort) */
	int filter;			/* 0 all, else model_status(filter - 1) */
	bool zoom;			/* Enter: the detail fills the view */
	struct actielijn_detail detail;	/* of the selected row */
	long long detail_id;		/* row the detail was read for, -1 */
	struct successes successes;	/* of the domain */
	long long successes_dom;	/* domain they were read for, -1 */
	char changed[120];		/* "laatst gewijzigd" of the selected row */
	/* the last layout */
	struct rect list_r;		/* the rows (h 0 when zoomed) */
	struct rect detail_r;		/* detail and successes */
	int succ_h;			/* lines of detail_r the successes take */
	bool has_detail;		/* detail_r had room for the selected row */
	bool grouped;			/* the list has a heading above each groep */
};

static void *
domain_open(struct app *app)
{
	struct domain_state *s = xcalloc(1, sizeof(*s));

	(void)app;
	s->detail_id = s->successes_dom = -1;
	return s;
}

static void
domain_close(void *priv)
{
	struct domain_state *s = priv;

	list_free(s->list);
	actielijn_detail_free(&s->detail);
	successes_free(&s->successes);
	free(s);
}

/* The list, made when first needed; NULL when out of memory. */
static struct list *
domain_list(struct domain_state *s, struct app *app)
{
	if (!s->list)
		s->list = actielijnen_of_domain(app->db);
	return s->list;
}

static struct list *
domain_list_op(const struct view *v)
{
	const struct domain_state *s = v->priv;

	return s->list;
}

static void
domain_invalidate(struct view *v, struct app *app)
{
	struct domain_state *s = v->priv;

	(void)app;
	if (s->list)
		list_invalidate(s->list);
	s->detail_id = s->successes_dom = -1;
}

/* Shows domain arg (a key's or a tab's: only the domains, not the
 * themes, have one), or with arg -1 the app's domain in focus. The list
 * keeps its filter; its cursor starts at the top in another domain. */
static bool
domain_show(struct view *v, struct app *app, int arg)
{
	struct domain_state *s = v->priv;
	int d = arg < 0 ? app->domain : arg;
	struct list *l;

	if (arg >= app->domains.ndomains) {
		app_message(app, true, "er is geen domein %d", arg + 1);
		return false;
	}
	if (d < 0 || d >= app->domains.n)
		return false;
	s->zoom = false;
	app->domain = d;
	if ((l = domain_list(s, app)) && (l->p1 != app->domains.dom[d].id || l->count < 0))
		actielijnen_show(l, app->domains.dom[d].id, s->filter ? model_status(s->filter - 1) : NULL);
	return true;
}

/* One tab per domain (the first five drawn, with the full name when it
 * all fits, else its first word, or its code when that is long on a
 * narrow terminal), and an open theme as a last tab of its own. */
static int
domain_tabs(const struct view *v, const struct app *app, int width, int others, struct tab *out, int max)
{
	const struct domains *doms = &app->domains;
	bool here = &app->views[app->view] == v;
	int n = 0, words = 0;

	for (int i = 0; i < doms->ndomains && i < TAB_DOMAINS; i++)
		words += text_width(doms->dom[i].naam) + 3;
	for (int i = 0; i < doms->ndomains && n < max; i++) {
		char s[64];

		memset(&out[n], 0, sizeof(out[n]));
		if (words + others + TAB_SLACK <= width)
			snprintf(s, sizeof(s), "%s", doms->dom[i].naam);
		else
			snprintf(s, sizeof(s), "%.*s", (int)strcspn(doms->dom[i].naam, " ,;"), doms->dom[i].naam);
		if (text_width(s) > 8 && width < 120)
			snprintf(s, sizeof(s), "%s", doms->dom[i].code);
		snprintf(out[n].label, sizeof(out[n].label), "%d %s", i + 1, s);
		out[n].arg = i;
		out[n].active = here && app->domain == i;
		out[n].hidden = i >= TAB_DOMAINS;
		n++;
	}
	if (here && app->domain >= doms->ndomains && app->domain < doms->n && n < max) {
		const char *naam = doms->dom[app->domain].naam;

		memset(&out[n], 0, sizeof(out[n]));
		snprintf(out[n].label, sizeof(out[n].label), "Thema %.*s", (int)strcspn(naam, " ,;"), naam);
		out[n].active = out[n].trailing = out[n].inert = true;
		n++;
	}
	return n;
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
draw_row(const struct app *app, struct grid *g, const struct list_row *row, struct rect r, void *ctx)
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

/* The detail pane in r: the domain's successes at the bottom (read once
 * per domain), above them the selected row's details (read once per
 * selection) when there is room. */
static void
layout_detail(struct domain_state *s, struct app *app, struct rect r)
{
	const struct domain *d = &app->domains.dom[app->domain];
	const struct list_row *row = list_row(s->list, s->list->cur);

	if (s->successes_dom != d->id) {
		if (successes_of_domain(app->db, d->id, MAX_SUCCESSES, &s->successes) < 0)
			app_result(app, db_result(app->db));
		s->successes_dom = d->id;
	}
	s->detail_r = r;
	s->succ_h = s->successes.n + 1 < r.h / 3 ? s->successes.n + 1 : r.h / 3;
	if (s->succ_h < 2)
		s->succ_h = 2;
	s->has_detail = row && r.h - s->succ_h - 1 >= 2;
	if (!s->has_detail)
		return;
	if (s->detail_id != row->id) {
		if (actielijn_detail_load(app->db, row->id, &s->detail) < 0)
			app_result(app, db_result(app->db));
		s->detail_id = row->id;
	}
	snprintf(s->changed, sizeof(s->changed), "%s", app_last_changed(app, &entity_actielijnen, row->id));
}

static void
draw_successes(const struct domain_state *s, struct grid *g, struct rect r)
{
	char line[400];
	int y = r.y;

	snprintf(line, sizeof(line), "Successen (%d)", s->successes.n);
	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, line, false);
	for (int i = 0; i < s->successes.n && y < r.y + r.h; i++, y++) {
		snprintf(line, sizeof(line), "%d  %s", s->successes.v[i].jaar, s->successes.v[i].titel);
		grid_text(g, r.x + 1, y, r.w - 2, ROLE_NORMAL, line);
	}
	if (s->successes.n == 0 && y < r.y + r.h)
		grid_text(g, r.x + 1, y, r.w - 2, ROLE_DIM, "(nog geen successen)");
}

/* The bron and groep of the detail from line y of r: on one line when
 * they fit or there is no room for two (the toelichting keeps two
 * lines), the bron first, since sorted by groep the list shows the
 * groep already. Returns the next free line. */
static int
draw_source(const struct actielijn_detail *d, struct grid *g, struct rect r, int y)
{
	const char *bron = *d->bron ? d->bron : "—";
	char line[2700];	/* bron and groep of 300 characters of 4 bytes */

	if (r.y + r.h - y <= 2)
		return y;
	if (*d->groep) {
		snprintf(line, sizeof(line), _("Bron: %s   Groep: %s"), bron, d->groep);
		if (text_width(line) > r.w - 2 && r.y + r.h - y > 3) {
			snprintf(line, sizeof(line), _("Bron: %s"), bron);
			grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, line);
			snprintf(line, sizeof(line), _("Groep: %s"), d->groep);
		}
	} else {
		snprintf(line, sizeof(line), _("Bron: %s"), bron);
	}
	grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, line);
	return y;
}

static void
draw_detail(const struct domain_state *s, struct grid *g)
{
	const struct actielijn_detail *d = &s->detail;
	struct rect r = s->detail_r, text;
	char line[400], per[64];
	int y = r.y, used;

	draw_successes(s, g, (struct rect){ r.x, r.y + r.h - s->succ_h, r.w, s->succ_h });
	r.h -= s->succ_h + 1;
	if (!s->has_detail)
		return;
	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, d->titel, true);
	period(d->start, d->eind, per, sizeof(per));
	snprintf(line, sizeof(line), "Trekker: %s   Status: %s   %s",
		 *d->trekker ? d->trekker : "—", model_status_label(d->status), per);
	grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, line);
	y = draw_source(d, g, r, y);
	/* "laatst gewijzigd" as before the bron came: a low pane gives the
	 * toelichting one line less (Enter shows it all) */
	if (*s->changed && r.y + r.h - y > 1 + (y - r.y < 3)) {
		snprintf(line, sizeof(line), "laatst gewijzigd: %s", s->changed);
		grid_text(g, r.x + 1, y++, r.w - 2, ROLE_DIM, line);
	}
	text = (struct rect){ r.x + 1, y, r.w - 2, r.y + r.h - y };
	used = grid_wrap(g, text, ROLE_NORMAL, d->toelichting, 0);
	if (used > text.h && text.h > 0)
		grid_text(g, r.x + r.w - 3, text.y + text.h - 1, 2, ROLE_DIM, " …");
	if (!*d->toelichting && text.h > 0)
		grid_text(g, text.x, text.y, text.w, ROLE_DIM, "(geen toelichting)");
}

static const char *
filter_label(const struct domain_state *s)
{
	return s->filter ? model_status_label(model_status(s->filter - 1)) : "alle";
}

/* Whether row idx of l is the first of its groep in the lines from top
 * on: it gets a heading (rows without a groep never do). */
static bool
starts_group(const struct list *l, long long idx, long long top)
{
	const struct list_row *row = list_row(l, idx), *prev;
	struct actielijn_row a, b;

	if (!row || !*(a = actielijn_row(row)).groep)
		return false;
	if (idx == top || !(prev = list_row(l, idx - 1)))
		return true;
	b = actielijn_row(prev);
	return strcmp(a.groep, b.groep) != 0;
}

/* The list in r sorted by groep: like layout_list, but a heading line
 * goes above each group (and above the top row when it is in one), so
 * the window scrolls further down until the selected row fits below
 * them. */
static void
layout_grouped(struct app *app, struct list *l, struct rect r)
{
	int lines;

	app->page = r.h > 1 ? r.h - 1 : 1;
	list_scroll(l, r.h > 0 ? r.h : 1);
	for (;;) {
		if (list_ensure(l, l->top, r.h + 1) < 0) {
			app_result(app, &l->why);
			return;
		}
		lines = 0;
		for (long long i = l->top; i <= l->cur; i++)
			lines += 1 + starts_group(l, i, l->top);
		if (lines <= r.h || l->top >= l->cur)
			break;
		l->top++;
	}
	lines = 0;
	for (long long i = l->top; lines < r.h && list_row(l, i); i++) {
		lines += starts_group(l, i, l->top);
		if (lines < r.h)
			app_zone(app, (struct rect){ r.x, r.y + lines, r.w, 1 }, ZONE_ITEM, i);
		lines++;
	}
}

/* The rows of layout_grouped, each group under its heading. */
static void
draw_grouped(const struct app *app, struct grid *g, const struct list *l, struct rect r)
{
	int y = r.y, bottom = r.y + r.h;

	if (list_counted(l) == 0) {
		render_list(app, g, l, r, -1, draw_row, NULL);
		return;
	}
	for (long long i = l->top; y < bottom && list_row(l, i); i++) {
		if (starts_group(l, i, l->top)) {
			grid_text(g, r.x + 1, y++, r.w - 2, ROLE_BOLD, actielijn_row(list_row(l, i)).groep);
			if (y >= bottom)
				break;
		}
		draw_row(app, g, list_row(l, i), (struct rect){ r.x, y, r.w, 1 }, NULL);
		if (i == l->cur)
			grid_paint(g, r.x, y, r.w, ROLE_SEL);
		y++;
	}
}

/* Two heading lines, then the list beside (wide) or above the detail;
 * zoomed, the detail alone. */
static void
domain_layout(struct view *v, struct app *app, struct rect body)
{
	struct domain_state *s = v->priv;
	struct list *l = domain_list(s, app);
	struct rect detail_r;
	int y = body.y + 2;

	s->list_r = (struct rect){ 0, 0, 0, 0 };
	if (app->domain >= app->domains.n || !l)
		return;
	list_count(l);
	body.h -= 2;
	if (s->zoom) {
		list_scroll(l, 1);
		list_ensure(l, l->cur, 1);
		layout_detail(s, app, (struct rect){ body.x, y, body.w, body.h });
		return;
	}
	if (body.w >= WIDE) {
		int lw = body.w * 3 / 5;

		s->list_r = (struct rect){ body.x, y, lw, body.h };
		detail_r = (struct rect){ body.x + lw + 1, y, body.w - lw - 1, body.h };
	} else {
		int dh = body.h * 2 / 5;

		s->list_r = (struct rect){ body.x, y, body.w, body.h - dh };
		detail_r = (struct rect){ body.x, y + body.h - dh, body.w, dh };
	}
	s->grouped = actielijnen_sort_grouped(s->sort);
	if (s->grouped)
		layout_grouped(app, l, (struct rect){ s->list_r.x, s->list_r.y + 1, s->list_r.w, s->list_r.h - 1 });
	else
		layout_list(app, l, (struct rect){ s->list_r.x, s->list_r.y + 1, s->list_r.w, s->list_r.h - 1 });
	layout_detail(s, app, detail_r);
}

static void
domain_draw(const struct view *v, const struct app *app, struct grid *g, struct rect body)
{
	const struct domain_state *s = v->priv;
	const struct domain *d;
	char line[600];

	if (app->domain >= app->domains.n || !s->list) {
		grid_text(g, 1, body.y, body.w - 2, ROLE_DIM, "(dit domein bestaat niet meer)");
		return;
	}
	d = &app->domains.dom[app->domain];
	snprintf(line, sizeof(line), "%s%s%s", d->naam, *d->motto ? " — " : "", d->motto);
	grid_text(g, 1, body.y, body.w - 2, ROLE_BOLD, line);
	snprintf(line, sizeof(line), "%lld actielijnen · sortering: %s · filter: %s",
		 list_counted(s->list), actielijnen_sort_label(s->sort), filter_label(s));
	grid_text_right(g, 1, body.y + 1, body.w - 2, ROLE_DIM, line);
	if (!s->zoom) {
		struct rect r = s->list_r;

		if (body.w >= WIDE)
			grid_fill(g, (struct rect){ r.x + r.w, r.y, 1, r.h }, L'│', ROLE_BORDER);
		draw_header(g, (struct rect){ r.x, r.y, r.w, 1 });
		if (s->grouped)
			draw_grouped(app, g, s->list, (struct rect){ r.x, r.y + 1, r.w, r.h - 1 });
		else
			render_list(app, g, s->list, (struct rect){ r.x, r.y + 1, r.w, r.h - 1 }, -1, draw_row, NULL);
	}
	draw_detail(s, g);
}

static void
domain_status(const struct view *v, const struct app *app, char *title, size_t titlesz,
	      char *pos, size_t possz)
{
	const struct domain_state *s = v->priv;

	if (app->domain < app->domains.n)
		snprintf(title, titlesz, "%s", app->domains.dom[app->domain].naam);
	if (s->list)
		snprintf(pos, possz, "rij %lld/%lld", list_counted(s->list) ? s->list->cur + 1 : 0,
			 list_counted(s->list));
}

/* Enter zooms the detail (Esc back), s cycles the sort orders, f the
 * status filter (all, each status, none, all). */
static int
domain_key(struct view *v, struct app *app, enum action a)
{
	struct domain_state *s = v->priv;
	struct list *l = domain_list(s, app);

	if (!l)
		return 0;
	switch (a) {
	case ACT_OPEN:
		s->zoom = !s->zoom;
		return APP_REDRAW;
	case ACT_BACK:
		if (!s->zoom)
			return 0;
		s->zoom = false;
		return APP_REDRAW;
	case ACT_SORT:
		s->sort = (s->sort + 1) % actielijnen_sorts();
		actielijnen_sort(l, s->sort);
		app_message(app, false, "sortering: %s", actielijnen_sort_label(s->sort));
		return APP_REDRAW;
	case ACT_FILTER:
		s->filter = (s->filter + 1) % (model_status_count() + 1);
		actielijnen_show(l, l->p1, s->filter ? model_status(s->filter - 1) : NULL);
		app_message(app, false, "filter: %s", filter_label(s));
		return APP_REDRAW;
	default:
		return 0;
	}
}

/* Actielijnen and successes are shown in their domain, a domain (from
 * the overview) as itself; a hit on an actielijn clears the filter that
 * might hide it. */
static const char *
domain_show_entry(struct view *v, struct app *app, const struct search_hit *h)
{
	struct domain_state *s = v->priv;
	bool line = h->e == &entity_actielijnen, domain = h->e == &entity_domeinen;
	int d;

	if (!line && !domain && h->e != &entity_successen)
		return NULL;
	if ((d = domains_find(&app->domains, domain ? h->id : h->ref)) < 0)
		return NULL;
	app->domain = d;
	app_show(app, v->ops, -1);
	if (line && s->list) {
		if (s->list->has_p2) {
			s->filter = 0;
			actielijnen_show(s->list, app->domains.dom[d].id, NULL);
		}
		list_select_id(s->list, h->id);
	}
	return line ? "actielijn" : domain ? "domein" : "succes";
}

static struct edit_target
domain_selected(struct view *v, struct app *app)
{
	struct domain_state *s = v->priv;

	(void)app;
	return edit_list_selected(&entity_actielijnen, s->list);
}

static void
domain_select(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct domain_state *s = v->priv;

	(void)app;
	if (e == &entity_actielijnen && s->list)
		list_select_id(s->list, id);
}

/* `a`: an actielijn in this domain. */
static int
domain_add(struct view *v, struct app *app, const struct entity *kind)
{
	(void)v;
	(void)kind;
	return edit_new_in_domain(app, &entity_actielijnen, app->domain);
}

static const struct view_key keys[] = {
	{ "1", 0, "Domein 1", "Domain 1" },
	{ "2", 1, "Domein 2", "Domain 2" },
	{ "3", 2, "Domein 3", "Domain 3" },
	{ "4", 3, "Domein 4", "Domain 4" },
	{ "5", 4, "Domein 5", "Domain 5" },
};

const struct view_ops view_domain = {
	.name = "Domein",
	.keys = keys,
	.nkeys = (int)(sizeof(keys) / sizeof(keys[0])),
	.open = domain_open,
	.close = domain_close,
	.show = domain_show,
	.tabs = domain_tabs,
	.layout = domain_layout,
	.draw = domain_draw,
	.status = domain_status,
	.key = domain_key,
	.list = domain_list_op,
	.show_entry = domain_show_entry,
	.selected = domain_selected,
	.select = domain_select,
	.add = domain_add,
	.invalidate = domain_invalidate,
};
