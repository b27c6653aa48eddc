/*
 * The frame around the views: tabs, status line, help screen, the
 * too-small message, and drawing helpers the views share. Pure: draws
 * into a cell grid only.
 */

#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "core/date.h"
#include "store/db.h"
#include "core/text.h"

#define TAB_MIN 4	/* a tab never shrinks below "1 E…" */
#define MAX_TABS 12
#define TAB_FIXED 54	/* width of the tabs that are not domains */

/* How each status of work looks, keyed by its value (the entity table
 * decides which statuses there are and in what order they are shown):
 * its colour, and the glyph of its bar segment without colours. */
static const struct {
	const char *status;
	enum role role;
	wchar_t mono;
} looks[] = {
	{ STATUS_LOPEND, ROLE_LOPEND, L'█' },
	{ STATUS_GEPLAND, ROLE_GEPLAND, L'▓' },
	{ STATUS_AFGEROND, ROLE_AFGEROND, L'▒' },
	{ STATUS_GEPAUZEERD, ROLE_GEPAUZEERD, L'░' },
	{ STATUS_GESTOPT, ROLE_GESTOPT, L'×' },
};

enum role
render_status_role(const char *status)
{
	for (size_t i = 0; status && i < sizeof(looks) / sizeof(looks[0]); i++)
		if (strcmp(looks[i].status, status) == 0)
			return looks[i].role;
	return ROLE_ONBEKEND;
}

wchar_t
render_status_glyph(const char *status, bool mono)
{
	if (!mono)
		return L'█';
	for (size_t i = 0; status && i < sizeof(looks) / sizeof(looks[0]); i++)
		if (strcmp(looks[i].status, status) == 0)
			return looks[i].mono;
	return L'·';
}

void
render_hline(struct grid *g, int x, int y, int w)
{
	grid_fill(g, (struct rect){ x, y, w, 1 }, L'─', ROLE_BORDER);
}

void
render_heading(struct grid *g, struct rect r, const char *text, bool selected)
{
	enum role role = selected ? ROLE_TITLE_SEL : ROLE_TITLE;

	grid_fill(g, (struct rect){ r.x, r.y, r.w, 1 }, L' ', role);
	grid_text(g, r.x + 1, r.y, r.w - 2, role, text);
}

void
render_date(const char *iso, char out[16])
{
	out[0] = '\0';
	if (iso && *iso)
		date_format_short(iso, out, 16);
}

void
render_list(struct app *app, struct grid *g, struct list *l, struct rect r, int sel_w,
	    void (*draw_row)(struct app *app, struct grid *g, const struct list_row *row,
			     struct rect line, void *ctx), void *ctx)
{
	app->page = r.h > 0 ? r.h : 1;
	list_scroll(l, app->page);
	if (list_ensure(l, l->top, r.h) < 0)
		app_message(app, true, "%s", l->err);
	for (int i = 0; i < r.h; i++) {
		const struct list_row *row = list_row(l, l->top + i);
		struct rect line = { r.x, r.y + i, r.w, 1 };

		if (!row)
			break;
		draw_row(app, g, row, line, ctx);
		if (l->top + i == l->cur)
			grid_paint(g, r.x, r.y + i, sel_w < 0 ? r.w : sel_w, ROLE_SEL);
		app_zone(app, line, ZONE_ROW, l->top + i);
	}
	if (list_count(l) == 0)
		grid_text(g, r.x + 1, r.y, r.w - 1, ROLE_DIM,
			  l->has_p2 ? "(niets met dit filter; f wisselt het filter)" : "(leeg)");
}

/* The short name of a domain for its tab: its first word. */
static void
short_name(const char *naam, char *out, size_t outsz)
{
	size_t n = strcspn(naam, " ,;");

	snprintf(out, outsz, "%.*s", (int)n, naam);
}

static void
render_tabs(struct app *app, struct grid *g)
{
	char labels[MAX_TABS][80];
	int acts[MAX_TABS], widths[MAX_TABS], ntabs = 0, active = 0, total = 0, x = 0, words = 0;
	const struct overview *ov = &app->ov;

	snprintf(labels[ntabs], sizeof(labels[0]), "0 Overzicht");
	acts[ntabs++] = ACT_OVERVIEW;
	for (int i = 0; i < ov->ndomains && i < 5; i++)
		words += text_width(ov->dom[i].naam) + 3;
	for (int i = 0; i < ov->ndomains && i < 5; i++) {
		char s[64];

		if (words + TAB_FIXED <= g->w)
			snprintf(s, sizeof(s), "%s", ov->dom[i].naam);
		else
			short_name(ov->dom[i].naam, s, sizeof(s));
		if (text_width(s) > 8 && g->w < 120)
			snprintf(s, sizeof(s), "%s", ov->dom[i].code);
		if (app->view == VIEW_DOMAIN && app->dom == i)
			active = ntabs;
		snprintf(labels[ntabs], sizeof(labels[0]), "%d %s", i + 1, s);
		acts[ntabs++] = ACT_DOMAIN1 + i;
	}
	snprintf(labels[ntabs], sizeof(labels[0]), "6 Planning");
	if (app->view == VIEW_PLANNING)
		active = ntabs;
	acts[ntabs++] = ACT_PLANNING;
	snprintf(labels[ntabs], sizeof(labels[0]), "7 Vergaderingen");
	if (app->view == VIEW_MEETINGS)
		active = ntabs;
	acts[ntabs++] = ACT_MEETINGS;
	snprintf(labels[ntabs], sizeof(labels[0]), "8 Acties");
	if (app->view == VIEW_ACTIONS)
		active = ntabs;
	acts[ntabs++] = ACT_ACTIONS;
	if (app->view == VIEW_DOMAIN && app->dom >= ov->ndomains && app->dom < ov->n) {
		char s[64];

		short_name(ov->dom[app->dom].naam, s, sizeof(s));
		snprintf(labels[ntabs], sizeof(labels[0]), "Thema %s", s);
		active = ntabs;
		acts[ntabs++] = ACT_NONE;
	}

	for (int i = 0; i < ntabs; i++)
		total += widths[i] = text_width(labels[i]) + 2;
	if (total > g->w)
		for (int i = 0; i < ntabs; i++, total--)
			widths[i]--;	/* one space between tabs is enough */
	while (total > g->w) {
		int longest = -1;

		for (int i = 0; i < ntabs; i++)
			if (i != active && widths[i] > TAB_MIN + 2 &&
			    (longest < 0 || widths[i] > widths[longest]))
				longest = i;
		if (longest < 0)
			break;
		widths[longest]--;
		total--;
	}
	grid_fill(g, (struct rect){ 0, 0, g->w, 1 }, L' ', ROLE_TAB);
	for (int i = 0; i < ntabs && x < g->w; i++) {
		enum role role = i == active && app->view != VIEW_OVERVIEW ? ROLE_TAB_ON :
				 i == 0 && app->view == VIEW_OVERVIEW ? ROLE_TAB_ON : ROLE_TAB;

		grid_fill(g, (struct rect){ x, 0, widths[i], 1 }, L' ', role);
		grid_text(g, x + 1, 0, widths[i] - 1 - (widths[i] > text_width(labels[i]) + 1), role, labels[i]);
		if (acts[i] != ACT_NONE)
			app_zone(app, (struct rect){ x, 0, widths[i], 1 }, ZONE_TAB, acts[i]);
		x += widths[i];
	}
}

/* "rij 12/40" for views with a list. */
static void
position(struct app *app, char *out, size_t outsz)
{
	struct list *l = app_views[app->view]->list ? app_views[app->view]->list(app) : NULL;

	out[0] = '\0';
	if (app->view == VIEW_OVERVIEW) {
		snprintf(out, outsz, "paneel %d/%d", app->pane + 1, app->ov.n);
	} else if (app->view == VIEW_PLANNING && app->ms_sel >= 0) {
		snprintf(out, outsz, "mijlpaal %d/%d", app->ms_sel + 1, app->milestones.n);
	} else if (app->view == VIEW_MEETINGS && app->zoom && app->meeting_id >= 0) {
		/* the open meeting: where the cursor is among its items */
		int k = app->meeting_item, nd = app->meeting.ndecisions, na = app->meeting.nactions;

		if (nd + na == 0)
			snprintf(out, outsz, "geen besluiten of acties");
		else if (k < nd)
			snprintf(out, outsz, "besluit %d/%d", k + 1, nd);
		else
			snprintf(out, outsz, "actie %d/%d", k - nd + 1, na);
	} else if (l) {
		snprintf(out, outsz, "rij %lld/%lld", list_count(l) ? l->cur + 1 : 0, list_count(l));
	}
}

static void
render_status(struct app *app, struct grid *g)
{
	int y = g->h - 1, x = 0, w = g->w;
	char pos[64], name[300], keys[300] = "";
	const struct view_ops *v = app_views[app->view];

	grid_fill(g, (struct rect){ 0, y, w, 1 }, L' ', ROLE_STATUSLINE);
	if (app->prompt) {
		x += grid_text(g, 0, y, w, ROLE_KEY, " Zoek: ");
		x += grid_text(g, x, y, w - x - 1, ROLE_STATUSLINE, app->input);
		grid_text(g, x, y, 1, ROLE_SEL, " ");
		grid_text_right(g, x + 2, y, w - x - 3, ROLE_STATUSLINE, "Enter zoekt, Esc stopt ");
		return;
	}
	if (app->ask) {
		int kw = text_width(app->ask_keys) + 2;

		grid_fill(g, (struct rect){ 0, y, w, 1 }, L' ', ROLE_TAB_ON);
		grid_text(g, 1, y, w - kw - 2, ROLE_TAB_ON, app->ask_text);
		grid_text_right(g, w - kw - 1, y, kw, ROLE_TAB_ON, app->ask_keys);
		return;
	}
	if (app->view == VIEW_DOMAIN && app->dom < app->ov.n)
		snprintf(name, sizeof(name), " %s ", app->ov.dom[app->dom].naam);
	else
		snprintf(name, sizeof(name), " %s ", v->name);
	position(app, pos, sizeof(pos));
	x += grid_text(g, x, y, w / 3, ROLE_TAB_ON, name);
	x += grid_text(g, x + 1, y, w - x - 1, ROLE_STATUSLINE, pos) + 1;
	if (app->readonly && strncmp(app->msg, "alleen lezen", 12) != 0)
		x += grid_text(g, x + 2, y, w - x - 2, ROLE_STATUSLINE, "alleen lezen") + 2;
	if (app->msg[0]) {
		grid_text(g, x + 2, y, w - x - 2, app->msg_error ? ROLE_ERROR : ROLE_STATUSLINE, app->msg);
		return;
	}
	/* the main keys from the key table; the first ones go when it is narrow */
	for (int skip = 0; skip < keys_count(); skip++) {
		int shown = 0;

		keys[0] = '\0';
		for (int i = 0; i < keys_count(); i++) {
			const struct key_def *k = keys_get(i);
			char first[16];

			if (!*k->shortl || (app->readonly && (k->action == ACT_ADD || k->action == ACT_EDIT)))
				continue;
			if (shown++ < skip)
				continue;
			snprintf(first, sizeof(first), "%.*s", (int)strcspn(k->keys, " "), k->keys);
			snprintf(keys + strlen(keys), sizeof(keys) - strlen(keys), "%s%s %s",
				 *keys ? "  " : "", first, k->shortl);
		}
		if (text_width(keys) + 1 <= w - x - 2)
			break;
	}
	grid_text_right(g, x + 2, y, w - x - 3, ROLE_STATUSLINE, keys);
}

/* One line of the help screen: a key and what it does, or a heading. */
struct help_line {
	const char *keys, *nl, *en;	/* keys NULL: nl is a heading */
};

/* The help's lines from the two key tables: the dashboard's, then (when
 * with_form) a heading and the keys of an edit form. Returns the count. */
static int
help_lines(struct help_line *out, bool with_main, bool with_form)
{
	int n = 0;

	for (int i = 0; with_main && i < keys_count(); i++)
		out[n++] = (struct help_line){ keys_get(i)->keys, keys_get(i)->nl, keys_get(i)->en };
	if (with_form) {
		if (n)
			out[n++] = (struct help_line){ NULL, "", "" };
		out[n++] = (struct help_line){ NULL, "In een formulier (na a of e):", "" };
		for (int i = 0; i < keys_form_count(); i++)
			out[n++] = (struct help_line){ keys_form_get(i)->keys, keys_form_get(i)->nl,
						       keys_form_get(i)->en };
	}
	return n;
}

/* Draws lines [top, top + rows) of a help column into r. */
static void
help_column(struct grid *g, struct rect r, const struct help_line *lines, int n, int top)
{
	int keyw = 12;

	for (int i = top, y = r.y; i < n && y < r.y + r.h; i++, y++) {
		const struct help_line *l = &lines[i];
		int x = r.x, lw;

		if (!l->keys) {
			grid_text(g, x, y, r.w - 1, ROLE_BOLD, l->nl);
			continue;
		}
		grid_text(g, x, y, keyw, ROLE_KEY, l->keys);
		x += keyw + 1;
		lw = grid_text(g, x, y, r.w - (x - r.x) - 1, ROLE_NORMAL, l->nl);
		if (r.w - (x - r.x) - lw > 12) {
			char en[200];

			snprintf(en, sizeof(en), " — %s", l->en);
			grid_text(g, x + lw, y, r.w - (x - r.x) - lw - 1, ROLE_DIM, en);
		}
	}
}

static void
render_help(struct app *app, struct grid *g, struct rect r)
{
	struct help_line main_l[ACT_COUNT + FK_COUNT + 4], form_l[FK_COUNT + 4];
	bool two = r.w >= 150;	/* then both tables fit side by side */	/* the form's keys get their own column */
	int rows = r.h - 4, n = help_lines(main_l, true, !two), nf = two ? help_lines(form_l, false, true) : 0;
	int most = n > nf ? n : nf, lw = two ? r.w * 11 / 20 : r.w - 2;

	grid_fill(g, r, L' ', ROLE_NORMAL);
	render_heading(g, (struct rect){ r.x, r.y, r.w, 1 },
		       "Toetsen / Keys — Esc of ? sluit deze hulp", true);
	app->page = rows > 1 ? rows : 1;
	if (app->help_top > most - rows)
		app->help_top = most - rows > 0 ? most - rows : 0;
	help_column(g, (struct rect){ r.x + 2, r.y + 2, lw, rows }, main_l, n, app->help_top);
	if (two)
		help_column(g, (struct rect){ r.x + 3 + lw, r.y + 2, r.w - lw - 4, rows }, form_l, nf,
			    app->help_top);
	grid_text(g, r.x + 2, r.y + r.h - 1, r.w - 3, ROLE_DIM,
		  most > rows ? "↓/PgDn: meer. Muis: klik kiest een tab, paneel of rij; het wiel scrolt."
			      : "Muis: klik kiest een tab, paneel of rij (nog eens klikken opent); het wiel scrolt.");
}

void
render_frame(struct app *app, struct grid *g)
{
	struct rect body = { 0, 1, g->w, g->h - 2 };

	app->nzones = 0;
	grid_fill(g, (struct rect){ 0, 0, g->w, g->h }, L' ', ROLE_NORMAL);
	if (g->w < APP_MIN_W || g->h < APP_MIN_H) {
		char msg[160];

		snprintf(msg, sizeof(msg), "Venster te klein: minimaal %d×%d, nu %d×%d",
			 APP_MIN_W, APP_MIN_H, g->w, g->h);
		grid_text(g, 0, g->h / 2, g->w, ROLE_ERROR, msg);
		grid_text(g, 0, g->h / 2 + 1, g->w, ROLE_DIM, "Maak het venster groter, of q stopt.");
		return;
	}
	if (overview_load(app->db, &app->ov) < 0)
		app_message(app, true, "%s", app->ov.err);
	render_tabs(app, g);
	if (app->help)
		render_help(app, g, body);
	else
		app_views[app->view]->render(app, g, body);
	render_status(app, g);
}
