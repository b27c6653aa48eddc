/*
 * A domain (or theme): the domain itself (its name and motto on the first
 * line), its actielijnen as a paged list with sort orders and a status
 * filter, and its successes; beside or under them the detail of what is
 * selected. One cursor walks all three: Up from the first actielijn
 * selects the domain, Down past the last goes into the successes. e, d,
 * a and Enter act on what the cursor is on. One view serves every
 * domain: the one shown is the app's domain in focus (which the overview
 * shares); keys 1-5 and a tab per domain show it. Each domain keeps its
 * own sort order and filter; sorted by groep, a heading stands above each
 * group of the slides. The pane with the detail and the successes is in
 * domain_detail.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain_priv.h"
#include "core/alloc.h"
#include "core/i18n.h"
#include "store/db.h"
#include "core/text.h"

#define WIDE 110		/* from this width list and detail sit side by side */
#define TAB_DOMAINS 5		/* domains with a tab (and a key) of their own */
#define MAX_ROWS 256		/* list rows checked for titles that cut alike */
#define WHEEL_LINES 3

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

/* The sort order and filter of the domain in focus (defaults the first
 * time it is shown). */
static struct per_domain *
settings(struct domain_state *s, const struct app *app)
{
	long long id = app->domain < app->domains.n ? app->domains.dom[app->domain].id : 0;

	for (int i = 0; i < s->nper; i++)
		if (s->per[i].id == id)
			return &s->per[i];
	if (s->nper == MODEL_MAX_DOMAINS) {	/* domains came and went: forget the oldest */
		memmove(s->per, s->per + 1, (size_t)(s->nper - 1) * sizeof(*s->per));
		s->nper--;
	}
	s->per[s->nper] = (struct per_domain){ id, 0, 0 };
	return &s->per[s->nper++];
}

static const struct per_domain *
settings_c(const struct domain_state *s, const struct app *app)
{
	static const struct per_domain none;
	long long id = app->domain < app->domains.n ? app->domains.dom[app->domain].id : 0;

	for (int i = 0; i < s->nper; i++)
		if (s->per[i].id == id)
			return &s->per[i];
	return &none;
}

static const char *
filter_status(const struct per_domain *p)
{
	return p->filter ? model_status(p->filter - 1) : NULL;
}

static const char *
filter_label(const struct per_domain *p)
{
	return p->filter ? status_word(model_status(p->filter - 1)) : _("alle");
}

/* Points the list at the domain in focus with its own filter and sort. */
static void
show_domain(struct domain_state *s, struct app *app)
{
	struct per_domain *p = settings(s, app);
	struct list *l = domain_list(s, app);

	if (!l)
		return;
	actielijnen_sort(l, p->sort);
	actielijnen_show(l, app->domains.dom[app->domain].id, filter_status(p));
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
 * themes, have one), or with arg -1 the app's domain in focus. Each
 * domain keeps its own filter and sort; the cursor starts on its
 * actielijnen (its row kept). */
static bool
domain_show(struct view *v, struct app *app, int arg)
{
	struct domain_state *s = v->priv;
	int d = arg < 0 ? app->domain : arg;
	struct list *l;

	if (arg >= app->domains.ndomains) {
		app_message(app, true, _("er is geen domein %d"), arg + 1);
		return false;
	}
	if (d < 0 || d >= app->domains.n)
		return false;
	s->focus = F_LINES;	/* shown again, it starts on its actielijnen */
	app->domain = d;
	if ((l = domain_list(s, app)) && (l->p1 != app->domains.dom[d].id || l->count < 0))
		show_domain(s, app);
	return true;
}

/* One tab per domain, the first five drawn: its full name, or its code
 * when the names do not fit (the tab bar decides, for all at once); an
 * open theme as a last tab of its own. */
static int
domain_tabs(const struct view *v, const struct app *app, int width, int others, struct tab *out, int max)
{
	const struct domains *doms = &app->domains;
	bool here = &app->views[app->view] == v;
	int n = 0;

	(void)width;
	(void)others;
	for (int i = 0; i < doms->ndomains && n < max; i++) {
		memset(&out[n], 0, sizeof(out[n]));
		snprintf(out[n].label, sizeof(out[n].label), "%d %s", i + 1, doms->dom[i].naam);
		snprintf(out[n].brief, sizeof(out[n].brief), "%d %s", i + 1, doms->dom[i].code);
		out[n].arg = i;
		out[n].active = here && app->domain == i;
		out[n].hidden = i >= TAB_DOMAINS;
		n++;
	}
	if (here && app->domain >= doms->ndomains && app->domain < doms->n && n < max) {
		const char *naam = doms->dom[app->domain].naam;

		memset(&out[n], 0, sizeof(out[n]));
		snprintf(out[n].label, sizeof(out[n].label), _("Thema %s"), naam);
		snprintf(out[n].brief, sizeof(out[n].brief), _("Thema %s"), doms->dom[app->domain].code);
		out[n].active = out[n].trailing = out[n].inert = true;
		n++;
	}
	return n;
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

/* What the rows drawn need to know: which titles are cut alike. */
struct rows_ctx {
	long long top;		/* the list's first row shown */
	int y0;			/* its screen row (one line per row: not grouped) */
	int n;
	bool ends[MAX_ROWS];	/* row top + i keeps start and end: another
				   row cuts alike */
};

/* One actielijn on line r: its title (keeping its ends when `ends`),
 * trekker, status, period. */
static void
draw_line(struct grid *g, const struct list_row *row, struct rect r, bool ends)
{
	struct actielijn_row a = actielijn_row(row);
	int tw, kw, sw, pw, x = r.x + 1;
	char per[64], title[1024];

	columns(r.w, &tw, &kw, &sw, &pw);
	if (ends) {
		render_fit_ends(title, sizeof(title), a.titel, tw - 1);
		grid_text(g, x, r.y, tw - 1, ROLE_NORMAL, title);
	} else {
		grid_text(g, x, r.y, tw - 1, ROLE_NORMAL, a.titel);
	}
	x += tw;
	if (kw) {
		grid_text(g, x, r.y, kw - 1, ROLE_NORMAL, a.trekker);
		x += kw;
	}
	grid_text(g, x, r.y, sw - 1, render_status_role(a.status), status_word(a.status));
	x += sw;
	if (pw) {
		domain_period(a.start, a.eind, per, sizeof(per));
		grid_text(g, x, r.y, pw, ROLE_NORMAL, per);
	}
}

/* render_list's row: row k of the window is on line y0 + k. */
static void
draw_row(const struct app *app, struct grid *g, const struct list_row *row, struct rect r, void *ctx)
{
	const struct rows_ctx *c = ctx;
	int k = r.y - c->y0;

	(void)app;
	draw_line(g, row, r, k >= 0 && k < c->n && c->ends[k]);
}

/* Which of the rows from the first shown cut to the same text at width
 * tw: those keep their ends ("Zeggenschap…op bewoners in het AB"). Pure. */
static void
find_alike(const struct list *l, int y0, int rows, int tw, struct rows_ctx *c)
{
	static char cut[MAX_ROWS][160];

	c->top = l->top;
	c->y0 = y0;
	c->n = rows < MAX_ROWS ? rows : MAX_ROWS;
	for (int i = 0; i < c->n; i++) {
		const struct list_row *row = list_row(l, l->top + i);

		c->ends[i] = false;
		if (row)
			text_fit(cut[i], sizeof(cut[i]), actielijn_row(row).titel, tw);
		else
			cut[i][0] = '\0';
	}
	for (int i = 0; i < c->n; i++)
		for (int j = i + 1; j < c->n; j++)
			if (cut[i][0] && strcmp(cut[i], cut[j]) == 0 && strstr(cut[i], "…"))
				c->ends[i] = c->ends[j] = true;
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
	app_zone(app, r, ZONE_PANE, APP_PANE_LIST);
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

/* The rows of layout_grouped, each group under its heading; the selected
 * row highlighted when the cursor is in the list. */
static void
draw_grouped(const struct app *app, struct grid *g, const struct list *l, struct rect r,
	     const struct rows_ctx *c, bool sel)
{
	int y = r.y, bottom = r.y + r.h;

	if (list_counted(l) == 0) {
		render_list(app, g, l, r, -1, draw_row, NULL);	/* nothing to draw but "(leeg)" */
		return;
	}
	for (long long i = l->top; y < bottom && list_row(l, i); i++) {
		long long k = i - c->top;

		if (starts_group(l, i, l->top)) {
			grid_text(g, r.x + 1, y++, r.w - 2, ROLE_BOLD, actielijn_row(list_row(l, i)).groep);
			if (y >= bottom)
				break;
		}
		draw_line(g, list_row(l, i), (struct rect){ r.x, y, r.w, 1 }, k >= 0 && k < c->n && c->ends[k]);
		if (sel && i == l->cur)
			grid_paint(g, r.x, y, r.w, ROLE_SEL);
		y++;
	}
}

static void
draw_header(struct grid *g, struct rect r)
{
	int tw, kw, sw, pw, x = r.x + 1;

	grid_fill(g, r, L' ', ROLE_BOLD);
	columns(r.w, &tw, &kw, &sw, &pw);
	grid_text(g, x, r.y, tw - 1, ROLE_BOLD, _("Actielijn"));
	x += tw;
	if (kw) {
		grid_text(g, x, r.y, kw - 1, ROLE_BOLD, _("Trekker"));
		x += kw;
	}
	grid_text(g, x, r.y, sw - 1, ROLE_BOLD, _("Status"));
	x += sw;
	if (pw)
		grid_text(g, x, r.y, pw, ROLE_BOLD, _("Periode"));
}

/* --- the frame ---------------------------------------------------------------- */

/* Two heading lines (the domain, then the list's count, sort and
 * filter), then the list beside (wide) or above the detail. */
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
	if (l->p1 != app->domains.dom[app->domain].id)
		show_domain(s, app);	/* the domain changed under the view */
	list_count(l);
	s->grouped = actielijnen_sort_grouped(settings(s, app)->sort);
	s->head_r = (struct rect){ body.x, body.y, body.w, 1 };
	app_zone(app, s->head_r, ZONE_ITEM, ITEM_DOMAIN);
	body.h -= 2;
	if (body.w >= WIDE) {
		int lw = body.w * 3 / 5;

		s->list_r = (struct rect){ body.x, y, lw, body.h };
		detail_r = (struct rect){ body.x + lw + 1, y, body.w - lw - 1, body.h };
	} else {
		/* the list takes what its rows need, up to three fifths; the
		 * detail and the successes the rest */
		long long rows = list_counted(l) * (s->grouped ? 2 : 1) + 1;
		int lh = rows < body.h * 3 / 5 ? (int)rows : body.h * 3 / 5, dh;

		if (lh < 4)
			lh = 4;
		dh = body.h - lh;
		s->list_r = (struct rect){ body.x, y, body.w, body.h - dh };
		detail_r = (struct rect){ body.x, y + body.h - dh, body.w, dh };
	}
	if (s->grouped)
		layout_grouped(app, l, (struct rect){ s->list_r.x, s->list_r.y + 1, s->list_r.w, s->list_r.h - 1 });
	else
		layout_list(app, l, (struct rect){ s->list_r.x, s->list_r.y + 1, s->list_r.w, s->list_r.h - 1 });
	domain_detail_layout(s, app, detail_r);
}

static void
domain_draw(const struct view *v, const struct app *app, struct grid *g, struct rect body)
{
	const struct domain_state *s = v->priv;
	const struct per_domain *p = settings_c(s, app);
	const struct domain *d;
	struct rect r = s->list_r;
	struct rows_ctx ctx;
	char line[600], count[32], fl[120];
	int tw, kw, sw, pw, fw;

	if (app->domain >= app->domains.n || !s->list) {
		grid_text(g, 1, body.y, body.w - 2, ROLE_DIM, _("(dit domein bestaat niet meer)"));
		return;
	}
	d = &app->domains.dom[app->domain];
	snprintf(line, sizeof(line), "%s%s%s", d->naam, *d->motto ? " — " : "", d->motto);
	grid_text(g, 1, body.y, body.w - 2, ROLE_BOLD, line);
	if (s->focus == F_DOMAIN)
		grid_paint(g, 0, body.y, body.w, ROLE_SEL);
	/* the filter stands out while it hides something */
	snprintf(fl, sizeof(fl), _("filter: %s"), filter_label(p));
	fw = text_width(fl);
	grid_text_right(g, body.w - 1 - fw, body.y + 1, fw, p->filter ? ROLE_OVERDUE : ROLE_DIM, fl);
	snprintf(line, sizeof(line), _n("%s actielijn · sortering: %s · ", "%s actielijnen · sortering: %s · ",
					list_counted(s->list)),
		 i18n_count(list_counted(s->list), count), actielijnen_sort_label(p->sort));
	grid_text_right(g, 1, body.y + 1, body.w - 2 - fw, ROLE_DIM, line);
	if (body.w >= WIDE)
		grid_fill(g, (struct rect){ r.x + r.w, r.y, 1, r.h }, L'│', ROLE_BORDER);
	draw_header(g, (struct rect){ r.x, r.y, r.w, 1 });
	columns(r.w, &tw, &kw, &sw, &pw);
	find_alike(s->list, r.y + 1, r.h - 1, tw - 1, &ctx);
	if (s->grouped)
		draw_grouped(app, g, s->list, (struct rect){ r.x, r.y + 1, r.w, r.h - 1 }, &ctx, s->focus == F_LINES);
	else
		render_list(app, g, s->list, (struct rect){ r.x, r.y + 1, r.w, r.h - 1 },
			    s->focus == F_LINES ? -1 : 0, draw_row, &ctx);
	domain_detail_draw(s, app, g);
}

static void
domain_status(const struct view *v, const struct app *app, char *title, size_t titlesz,
	      char *pos, size_t possz)
{
	const struct domain_state *s = v->priv;
	char a[32], b[32];

	if (app->domain < app->domains.n)
		snprintf(title, titlesz, "%s", app->domains.dom[app->domain].naam);
	if (s->focus == F_DOMAIN)
		snprintf(pos, possz, "%s", app->domains.dom[app->domain].theme ? _("het thema") : _("het domein"));
	else if (s->focus == F_SUCCESSES)
		snprintf(pos, possz, _("succes %s/%s"), i18n_count(s->succ + 1, a), i18n_count(s->successes.n, b));
	else if (s->list)
		render_row_pos(s->list, pos, possz);
}

/* --- keys and the mouse ------------------------------------------------------------ */

/* The cursor's walk: the domain, then the actielijnen, then the
 * successes. Returns true when it moved between them or in the
 * successes; false leaves the move to the list. */
static bool
walk(struct domain_state *s, struct app *app, enum action a)
{
	struct list *l = s->list;
	long long n = list_count(l);
	int page = app->page > 1 ? app->page : 1;

	domain_load_successes(s, app);
	switch (s->focus) {
	case F_DOMAIN:
		if (a == ACT_DOWN || a == ACT_PAGE_DOWN) {
			if (n > 0) {
				s->focus = F_LINES;
				l->cur = 0;
			} else if (s->successes.n) {
				domain_select_success(s, 0);
			}
		} else if (a == ACT_END && n > 0) {
			s->focus = F_LINES;
			l->cur = n - 1;
		}
		return true;
	case F_SUCCESSES:
		switch (a) {
		case ACT_UP:
			if (s->succ > 0)
				domain_select_success(s, s->succ - 1);
			else if (n > 0) {
				s->focus = F_LINES;
				l->cur = n - 1;
			} else
				s->focus = F_DOMAIN;
			return true;
		case ACT_DOWN: domain_select_success(s, s->succ + 1); return true;
		case ACT_PAGE_UP: domain_select_success(s, s->succ - page); return true;
		case ACT_PAGE_DOWN: domain_select_success(s, s->succ + page); return true;
		case ACT_HOME: domain_select_success(s, 0); return true;
		case ACT_END: domain_select_success(s, s->successes.n - 1); return true;
		default: return false;
		}
	default:
		if (a == ACT_UP && l->cur == 0) {
			s->focus = F_DOMAIN;
			return true;
		}
		if (a == ACT_DOWN && l->cur >= n - 1 && s->successes.n) {
			domain_select_success(s, 0);
			return true;
		}
		return false;
	}
}

/* s cycles the sort orders, f the status filter (all, each status, none,
 * all), both the domain's own; the arrows walk domain, actielijnen and
 * successes. */
static int
domain_key(struct view *v, struct app *app, enum action a)
{
	struct domain_state *s = v->priv;
	struct list *l = domain_list(s, app);
	struct per_domain *p;

	if (!l || app->domain >= app->domains.n)
		return 0;
	p = settings(s, app);
	switch (a) {
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_HOME: case ACT_END:
		return walk(s, app, a) ? APP_REDRAW : 0;
	case ACT_SORT:
		p->sort = (p->sort + 1) % actielijnen_sorts();
		actielijnen_sort(l, p->sort);
		app_message(app, false, _("sortering: %s"), actielijnen_sort_label(p->sort));
		return APP_REDRAW;
	case ACT_FILTER:
		p->filter = (p->filter + 1) % (model_status_count() + 1);
		actielijnen_show(l, l->p1, filter_status(p));
		app_message(app, false, _("filter: %s"), filter_label(p));
		return APP_REDRAW;
	default:
		return 0;
	}
}

/* The wheel scrolls the pane under the pointer: the list, the detail's
 * text or the successes; a click selects the domain, a row or a success,
 * a second click reads it whole. */
static int
domain_mouse(struct view *v, struct app *app, long long item, int wheel)
{
	struct domain_state *s = v->priv;
	struct list *l = s->list;

	if (!l)
		return 0;
	if (wheel) {
		if (item == PANE_DETAIL)
			s->skip += wheel * WHEEL_LINES;
		else if (item == PANE_SUCCESSES && s->focus == F_SUCCESSES)
			domain_select_success(s, s->succ + wheel * WHEEL_LINES);	/* the cursor stays in sight */
		else if (item == PANE_SUCCESSES) {
			s->succ_top += wheel * WHEEL_LINES;
			s->succ_follow = false;
		} else if (item == APP_PANE_LIST || item == -1)
			list_move(l, wheel * WHEEL_LINES, app->page > 1 ? app->page : 1);
		return APP_REDRAW;
	}
	if (item == ITEM_DOMAIN) {
		if (s->focus == F_DOMAIN)
			return app_action(app, ACT_OPEN);
		s->focus = F_DOMAIN;
	} else if (item <= ITEM_SUCCESS(0)) {
		int i = (int)(ITEM_SUCCESS(0) - item);

		if (s->focus == F_SUCCESSES && s->succ == i)
			return app_action(app, ACT_OPEN);
		domain_select_success(s, i);
	} else {
		if (s->focus == F_LINES && l->cur == item)
			return app_action(app, ACT_OPEN);
		s->focus = F_LINES;
		l->cur = item;
		list_scroll(l, app->page);
	}
	return APP_REDRAW;
}

/* --- entries ---------------------------------------------------------------------- */

/* Actielijnen and successes are shown in their domain, a domain (from
 * the overview) as itself with the cursor on its actielijnen; a hit on an
 * actielijn clears the filter that might hide it. */
static const char *
domain_show_entry(struct view *v, struct app *app, const struct search_hit *h)
{
	struct domain_state *s = v->priv;
	bool line = h->e == &entity_actielijnen, domain = h->e == &entity_domeinen;
	struct per_domain *p;
	int d;

	if (!line && !domain && h->e != &entity_successen)
		return NULL;
	if ((d = domains_find(&app->domains, domain ? h->id : h->ref)) < 0)
		return NULL;
	app->domain = d;
	app_show(app, v->ops, -1);
	if (!s->list)
		return NULL;
	s->focus = F_LINES;
	if (line) {
		p = settings(s, app);
		if (p->filter) {
			p->filter = 0;
			actielijnen_show(s->list, app->domains.dom[d].id, NULL);
		}
		list_select_id(s->list, h->id);
		return _("actielijn");
	}
	if (domain)
		return _("domein");
	s->successes_dom = -1;
	domain_load_successes(s, app);
	for (int i = 0; i < s->successes.n; i++)
		if (s->successes.v[i].id == h->id)
			domain_select_success(s, i);
	return _("succes");
}

static struct edit_target
domain_selected(struct view *v, struct app *app)
{
	struct domain_state *s = v->priv;

	if (app->domain >= app->domains.n)
		return (struct edit_target){ NULL, 0 };
	switch (s->focus) {
	case F_DOMAIN:
		return (struct edit_target){ &entity_domeinen, app->domains.dom[app->domain].id };
	case F_SUCCESSES:
		domain_load_successes(s, app);
		return s->succ < s->successes.n ? (struct edit_target){ &entity_successen, s->successes.v[s->succ].id }
						 : (struct edit_target){ NULL, 0 };
	default:
		return edit_list_selected(&entity_actielijnen, s->list);
	}
}

/* After a change: the cursor goes to the entry when this domain shows
 * it (a changed domain becomes the one in focus). */
static void
domain_select(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct domain_state *s = v->priv;
	int d;

	if (e == &entity_actielijnen && s->list && list_select_id(s->list, id) >= 0) {
		s->focus = F_LINES;
	} else if (e == &entity_successen && app->domain < app->domains.n) {
		s->successes_dom = -1;
		domain_load_successes(s, app);
		for (int i = 0; i < s->successes.n; i++)
			if (s->successes.v[i].id == id)
				domain_select_success(s, i);
	} else if (e == &entity_domeinen && (d = domains_find(&app->domains, id)) >= 0) {
		app->domain = d;
		show_domain(s, app);
		s->focus = F_DOMAIN;
	}
}

/* The filter hides an actielijn of this domain that was just saved. */
static const char *
domain_hidden_by(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct domain_state *s = v->priv;
	const struct per_domain *p = settings_c(s, app);

	if (e != &entity_actielijnen || !s->list || !p->filter || !list_filter_hides(s->list, id))
		return NULL;
	return filter_label(p);
}

static void
domain_unfilter(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct domain_state *s = v->priv;

	settings(s, app)->filter = 0;
	if (s->list) {
		actielijnen_show(s->list, s->list->p1, NULL);
		domain_select(v, app, e, id);
	}
}

/* `a`: what the cursor is on says what: an actielijn or a success of
 * this domain, or (on the domain itself) a new domain. */
static int
domain_add(struct view *v, struct app *app, const struct entity *kind)
{
	struct domain_state *s = v->priv;

	(void)kind;
	if (s->focus == F_SUCCESSES)
		return edit_new_in_domain(app, &entity_successen, app->domain);
	if (s->focus == F_DOMAIN)
		return edit_new(app, &entity_domeinen, NULL, NULL, NULL);
	return edit_new_in_domain(app, &entity_actielijnen, app->domain);
}

static const struct view_key keys[] = {
	{ "1", 0, N_("Domein 1") },
	{ "2", 1, N_("Domein 2") },
	{ "3", 2, N_("Domein 3") },
	{ "4", 3, N_("Domein 4") },
	{ "5", 4, N_("Domein 5") },
};

const struct view_ops view_domain = {
	.name = N_("Domein"),
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
	.mouse = domain_mouse,
	.show_entry = domain_show_entry,
	.selected = domain_selected,
	.select = domain_select,
	.add = domain_add,
	.invalidate = domain_invalidate,
	.hidden_by = domain_hidden_by,
	.unfilter = domain_unfilter,
};
