/*
 * The first step of a frame: everything that may read the database or
 * move a scroll position before render.c draws. It lays out the tab bar
 * from the registry, keeps the help screen's scroll in range, refreshes
 * the shared list of domains and lets the view on screen lay itself out
 * (read its rows, scroll, record click zones).
 */

#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "tui/reader.h"
#include "core/i18n.h"
#include "core/text.h"

#define TAB_MIN 4	/* a tab never shrinks below "1 E…" */

void
app_zone(struct app *app, struct rect r, enum zone_kind kind, long long value)
{
	if (app->nzones < APP_MAX_ZONES)
		app->zones[app->nzones++] = (struct zone){ r, kind, value };
}

void
layout_list(struct app *app, struct list *l, struct rect r)
{
	app->page = r.h > 0 ? r.h : 1;
	list_scroll(l, app->page);
	if (list_ensure(l, l->top, r.h) < 0)
		app_result(app, &l->why);
	app_zone(app, r, ZONE_PANE, APP_PANE_LIST);
	for (int i = 0; i < r.h && list_row(l, l->top + i); i++)
		app_zone(app, (struct rect){ r.x, r.y + i, r.w, 1 }, ZONE_ITEM, l->top + i);
}

/* The one tab of a view without a tabs operation: "KEY name". */
static int
default_tab(const struct app *app, int i, struct tab *out)
{
	const struct view_ops *ops = view_registry[i];

	memset(out, 0, sizeof(*out));
	snprintf(out->label, sizeof(out->label), "%s%s%s", ops->nkeys ? ops->keys[0].key : "",
		 ops->nkeys ? " " : "", _(ops->name));
	out->arg = ops->nkeys ? ops->keys[0].arg : 0;
	out->active = app->view == i;
	return 1;
}

/* What the tabs of all views but `except` take: their labels and the
 * space around each. */
static int
others_width(const struct app *app, int except)
{
	struct tab t;
	int w = 0;

	for (int i = 0; i < view_count; i++)
		if (i != except && !view_registry[i]->tabs && default_tab(app, i, &t))
			w += text_width(t.label) + 2;
	return w;
}

/* The tabs of every view in registry order, trailing ones last, for a
 * terminal `width` wide. Returns how many. */
int
app_tabs(const struct app *app, int width, struct tab *out, int max)
{
	int n = 0, trailing = 0;
	struct tab t[APP_MAX_TABS];

	for (int i = 0; i < view_count && n < APP_MAX_TABS; i++) {
		const struct view_ops *ops = view_registry[i];
		int k = ops->tabs ? ops->tabs(&app->views[i], app, width, others_width(app, i), t + n,
					      APP_MAX_TABS - n)
				  : default_tab(app, i, t + n);

		for (int j = n; j < n + k; j++)
			t[j].view = i;
		n += k;
	}
	for (int pass = 0; pass < 2; pass++)	/* in place, then the trailing ones */
		for (int i = 0; i < n; i++)
			if (t[i].trailing == (pass == 1) && trailing < max)
				out[trailing++] = t[i];
	return trailing;
}

/* The key of a tab: its label's first word when that is a key ("1"),
 * else "" (an open theme's tab has none). */
static void
tab_key(const struct tab *t, char out[8])
{
	size_t n = strcspn(t->label, " ");

	out[0] = '\0';
	if (n > 0 && n < 8 && t->label[0] >= '0' && t->label[0] <= '9')
		snprintf(out, 8, "%.*s", (int)n, t->label);
}

/* What the tabs take with one or two spaces around each label. */
static int
tabs_width(const struct app *app, int gap)
{
	int total = 0;

	for (int i = 0; i < app->ntabs; i++)
		total += text_width(app->tabs[i].label) + gap;
	return total;
}

/* What the tabs take with their brief labels, one space around each. */
static int
briefs_width(const struct app *app)
{
	int total = 0;

	for (int i = 0; i < app->ntabs; i++)
		total += text_width(*app->tabs[i].brief ? app->tabs[i].brief : app->tabs[i].label) + 1;
	return total;
}

/* Labels that fit in w columns, never cut while a shorter whole label
 * says the same: every label whole; else the brief ones for all tabs
 * that have them (a domain's code for its name, all at once, so the bar
 * never mixes names and codes); else the inactive tabs with a brief label
 * show only their key ("2"), then the other inactive ones, longest first.
 * Returns the gap between tabs: 2, or 1 when that is what fits. */
static int
fit_tabs(struct app *app, int w)
{
	char key[8];

	if (tabs_width(app, 2) <= w)
		return 2;
	if (tabs_width(app, 1) <= w)
		return 1;
	for (int i = 0; i < app->ntabs; i++)
		if (*app->tabs[i].brief)
			snprintf(app->tabs[i].label, sizeof(app->tabs[i].label), "%s", app->tabs[i].brief);
	if (tabs_width(app, 2) <= w)
		return 2;
	if (tabs_width(app, 1) <= w)
		return 1;
	for (int i = 0; i < app->ntabs; i++) {	/* the inactive domains, all at once */
		struct tab *t = &app->tabs[i];

		tab_key(t, key);
		if (!t->active && *t->brief && *key)
			snprintf(t->label, sizeof(t->label), "%s", key);
	}
	while (tabs_width(app, 1) > w) {	/* then the other inactive ones */
		int longest = -1;

		for (int i = 0; i < app->ntabs; i++) {
			struct tab *t = &app->tabs[i];

			tab_key(t, key);
			if (!t->active && *key && strcmp(key, t->label) != 0 &&
			    (longest < 0 || text_width(t->label) > text_width(app->tabs[longest].label)))
				longest = i;
		}
		if (longest < 0)
			break;
		tab_key(&app->tabs[longest], key);
		snprintf(app->tabs[longest].label, sizeof(app->tabs[longest].label), "%s", key);
	}
	return 1;
}

/* The tab bar: the labels that fit (fit_tabs), then, when even the keys
 * do not fit, the longest inactive ones cut; then click zones. */
static void
layout_tabs(struct app *app)
{
	struct tab all[APP_MAX_TABS];
	int n = app_tabs(app, app->w, all, APP_MAX_TABS), widths[APP_MAX_TABS];
	int active = 0, total = 0, x = 0, gap;

	app->ntabs = 0;
	for (int i = 0; i < n; i++)
		if (!all[i].hidden)
			app->tabs[app->ntabs++] = all[i];
	if (briefs_width(app) > app->w) {	/* no room: the optional ones go */
		int kept = 0;

		for (int i = 0; i < app->ntabs; i++)
			if (!app->tabs[i].optional || app->tabs[i].active)
				app->tabs[kept++] = app->tabs[i];
		app->ntabs = kept;
	}
	for (int i = 0; i < app->ntabs; i++)
		if (app->tabs[i].active) {
			active = i;
			break;
		}
	gap = fit_tabs(app, app->w);
	for (int i = 0; i < app->ntabs; i++)
		total += widths[i] = text_width(app->tabs[i].label) + gap;
	while (total > app->w) {
		int longest = -1;

		for (int i = 0; i < app->ntabs; i++)
			if (i != active && widths[i] > TAB_MIN + 2 &&
			    (longest < 0 || widths[i] > widths[longest]))
				longest = i;
		if (longest < 0)
			break;
		widths[longest]--;
		total--;
	}
	for (int i = 0; i < app->ntabs; i++) {
		struct tab *t = &app->tabs[i];

		t->active = i == active;	/* none: the first */
		t->r = (struct rect){ x, 0, x < app->w ? widths[i] : 0, 1 };
		if (x < app->w && !t->inert)
			app_zone(app, t->r, ZONE_TAB, i);
		x += widths[i];
	}
}

void
app_layout(struct app *app, int w, int h)
{
	struct rect body = { 0, 1, w, h - 2 };
	struct view *v = app_current(app);

	app->w = w;
	app->h = h;
	app->nzones = 0;
	app->small = w < APP_MIN_W || h < APP_MIN_H;
	if (app->small)
		return;
	app_load_domains(app);
	layout_tabs(app);
	if (app->help) {
		int rows = body.h - 4, most = render_help_lines(body.w);

		app->page = rows > 1 ? rows : 1;
		if (app->help_top > most - rows)
			app->help_top = most - rows > 0 ? most - rows : 0;
		return;
	}
	if (app->reader)
		reader_layout(app, body);	/* it covers the view */
	else
		v->ops->layout(v, app, body);
}

void
app_frame(struct app *app, struct grid *g)
{
	app_layout(app, g->w, g->h);
	render_frame(app, g);
}
