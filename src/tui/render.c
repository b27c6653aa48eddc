/*
 * The second step of a frame: drawing what layout.c prepared. The frame
 * around the views (tabs, status line, help screen, the too-small
 * message) and drawing helpers the views share. Pure: reads the app and
 * writes cells into a grid, nothing else.
 */

#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "tui/reader.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "model/meetings.h"


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

int
render_wrap(struct grid *g, struct rect r, enum role role, const char *s, int skip)
{
	int n = grid_wrap(g, r, role, s, skip), y = r.y + r.h - 1, x;

	if (!g || r.h <= 0 || r.w < 2 || n <= skip + r.h)
		return n;
	/* after the last word of the last line, or over its last column */
	for (x = r.x + r.w - 1; x > r.x; x--) {
		const struct cell *c = grid_at(g, x, y);

		if (c && c->ch[0] != L' ' && c->ch[0] != 0)
			break;
	}
	x = x + 2 < r.x + r.w ? x + 2 : r.x + r.w - 1;
	grid_text(g, x, y, 1, ROLE_DIM, "…");
	return n;
}

/* Bytes of s that start within its first `cols` display columns, whole
 * grapheme clusters only. */
static size_t
head_bytes(const char *s, int cols)
{
	size_t at = 0;
	char buf[64];

	while (s[at]) {
		size_t n = text_cluster_len(s + at, SIZE_MAX);

		if (n == 0 || n >= sizeof(buf))
			break;
		memcpy(buf, s + at, n);
		buf[n] = '\0';
		if ((cols -= text_width(buf)) < 0)
			break;
		at += n;
	}
	return at;
}

void
render_fit_ends(char *dst, size_t dstsz, const char *s, int cols)
{
	char clean[1024], head[1024];
	int w, headw, tailw;
	size_t len, at;

	text_fit(clean, sizeof(clean), s, 1 << 20);	/* controls made visible */
	w = text_width(clean);
	if (w <= cols || cols < 8) {
		text_fit(dst, dstsz, clean, cols);
		return;
	}
	/* a third for the start, the rest for the end: rows that begin
	 * alike differ at their ends */
	headw = (cols - 1) / 3;
	tailw = cols - 1 - headw;
	len = strlen(clean);
	at = head_bytes(clean, headw);
	snprintf(head, sizeof(head), "%.*s", (int)at, clean);
	/* the end: skip clusters until what is left fits */
	at = 0;
	while (at < len && text_width(clean + at) > tailw) {
		size_t n = text_cluster_len(clean + at, SIZE_MAX);

		at += n ? n : 1;
	}
	snprintf(dst, dstsz, "%s…%s", head, clean + at);
}

void
render_row_pos(const struct list *l, char *pos, size_t possz)
{
	long long n = list_counted(l);
	char a[32], b[32];

	/* TRANSLATORS: the row of the cursor and the rows of the list */
	snprintf(pos, possz, _("rij %s/%s"), i18n_count(n ? l->cur + 1 : 0, a), i18n_count(n, b));
}

void
render_date(const char *iso, char out[16])
{
	out[0] = '\0';
	if (iso && *iso)
		date_format_short(iso, out, 16);
}

void
render_action_line(const struct app *app, struct grid *g, int x, int y, int w, const char *text,
		   const char *owner, const char *deadline, const char *status)
{
	bool open = action_open(status);
	bool late = open && *deadline && strcmp(deadline, app->today) < 0;
	char date[16], line[600];
	int end = x + w;

	render_date(deadline, date);
	x += grid_text(g, x, y, 2, open ? ROLE_NORMAL : ROLE_AFGEROND, open ? "○ " : "✓ ");
	grid_text(g, x, y, 12, late ? ROLE_OVERDUE : ROLE_BOLD, *date ? date : "—");
	x += 12;
	snprintf(line, sizeof(line), "%s%s%s%s", text, *owner ? " (" : "", owner, *owner ? ")" : "");
	grid_text(g, x, y, end - x, open ? ROLE_NORMAL : ROLE_DIM, line);
}

void
render_list(const struct app *app, struct grid *g, const struct list *l, struct rect r, int sel_w,
	    void (*draw_row)(const struct app *app, struct grid *g, const struct list_row *row,
			     struct rect line, void *ctx), void *ctx)
{
	for (int i = 0; i < r.h; i++) {
		const struct list_row *row = list_row(l, l->top + i);
		struct rect line = { r.x, r.y + i, r.w, 1 };

		if (!row)
			break;
		draw_row(app, g, row, line, ctx);
		if (l->top + i == l->cur)
			grid_paint(g, r.x, r.y + i, sel_w < 0 ? r.w : sel_w, ROLE_SEL);
	}
	if (list_counted(l) == 0)
		grid_text(g, r.x + 1, r.y, r.w - 1, ROLE_DIM,
			  l->has_p2 ? _("(niets met dit filter; f wisselt het filter)") : _("(leeg)"));
}

/* The tab bar layout.c arranged; the active tab stands out. */
static void
render_tabs(const struct app *app, struct grid *g)
{
	grid_fill(g, (struct rect){ 0, 0, g->w, 1 }, L' ', ROLE_TAB);
	for (int i = 0; i < app->ntabs; i++) {
		const struct tab *t = &app->tabs[i];
		enum role role = t->active ? ROLE_TAB_ON : ROLE_TAB;
		int w = t->r.w;

		if (t->r.x >= g->w)
			break;
		grid_fill(g, t->r, L' ', role);
		grid_text(g, t->r.x + 1, 0, w - 1 - (w > text_width(t->label) + 1), role, t->label);
	}
}

/* The view's place in the status line: "rij 12/40" for a list. */
static void
position(const struct app *app, char *title, size_t titlesz, char *pos, size_t possz)
{
	const struct view *v = &app->views[app->view];
	const struct list *l = v->ops->list ? v->ops->list(v) : NULL;

	title[0] = pos[0] = '\0';
	if (app->reader)
		reader_status(app, title, titlesz, pos, possz);
	else if (v->ops->status)
		v->ops->status(v, app, title, titlesz, pos, possz);
	else if (l)
		render_row_pos(l, pos, possz);
	if (!*title)
		snprintf(title, titlesz, "%s", _(v->ops->name));
}

/* Whether the status line offers action a here: what the reader takes,
 * else what the view says (by default all but Esc on the first view);
 * never a that a view without anything to add, or nothing to select,
 * could not do. */
static bool
offered(const struct app *app, enum action a)
{
	const struct view *v = &app->views[app->view];

	if (app->reader)
		return a == ACT_BACK || a == ACT_EDIT || a == ACT_SEARCH || a == ACT_HELP || a == ACT_QUIT;
	if (a == ACT_ADD && !v->ops->add)
		return false;
	if ((a == ACT_EDIT || a == ACT_DELETE || a == ACT_TOGGLE) && !v->ops->selected)
		return false;
	if (v->ops->offers)
		return v->ops->offers(v, app, a);
	return a != ACT_BACK || app->view != 0;
}

static void
render_status(const struct app *app, struct grid *g)
{
	int y = g->h - 1, x = 0, w = g->w;
	char pos[64], title[260], name[300], keys[300] = "";

	grid_fill(g, (struct rect){ 0, y, w, 1 }, L' ', ROLE_STATUSLINE);
	if (app->prompt) {
		x += grid_text(g, 0, y, w, ROLE_KEY, _(" Zoek: "));
		x += grid_text(g, x, y, w - x - 1, ROLE_STATUSLINE, app->input);
		grid_text(g, x, y, 1, ROLE_SEL, " ");
		grid_text_right(g, x + 2, y, w - x - 3, ROLE_STATUSLINE, _("Enter zoekt, Esc stopt "));
		return;
	}
	if (app->ask) {
		int kw = text_width(app->ask_keys) + 2;

		grid_fill(g, (struct rect){ 0, y, w, 1 }, L' ', ROLE_TAB_ON);
		grid_text(g, 1, y, w - kw - 2, ROLE_TAB_ON, app->ask_text);
		grid_text_right(g, w - kw - 1, y, kw, ROLE_TAB_ON, app->ask_keys);
		return;
	}
	position(app, title, sizeof(title), pos, sizeof(pos));
	snprintf(name, sizeof(name), " %s ", title);
	x += grid_text(g, x, y, w / 3, ROLE_TAB_ON, name);
	x += grid_text(g, x + 1, y, w - x - 1, ROLE_STATUSLINE, pos) + 1;
	/* a message that says why already says it */
	if (app->readonly && strncmp(app->msg, _("alleen lezen"), strlen(_("alleen lezen"))) != 0)
		x += grid_text(g, x + 2, y, w - x - 2, ROLE_STATUSLINE, _("alleen lezen")) + 2;
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

			if (!*k->shortl || (app->readonly && (k->action == ACT_ADD || k->action == ACT_EDIT)) ||
			    !offered(app, k->action))
				continue;
			if (shown++ < skip)
				continue;
			snprintf(first, sizeof(first), "%.*s", (int)strcspn(k->keys, " "), k->keys);
			snprintf(keys + strlen(keys), sizeof(keys) - strlen(keys), "%s%s %s",
				 *keys ? "  " : "", first, _(k->shortl));
		}
		if (text_width(keys) + 1 <= w - x - 2)
			break;
	}
	grid_text_right(g, x + 2, y, w - x - 3, ROLE_STATUSLINE, keys);
}

/* One line of the help screen: a key and what it does (a msgid), or a
 * heading. The help speaks the language of the user only. */
struct help_line {
	const char *keys, *label;	/* keys NULL: label is a heading */
};

#define VIEW_KEYS_MAX 32	/* keys that show a view, all views together */
#define HELP_MAX (VIEW_KEYS_MAX + ACT_COUNT + FK_COUNT + 4)

/* The help's lines: the keys that show the views (from the registry) and
 * the dashboard's key table, then (when with_form) a heading and the keys
 * of an edit form. Returns the count. */
static int
help_lines(struct help_line *out, bool with_main, bool with_form)
{
	int n = 0;

	for (int i = 0; with_main && i < view_count; i++)
		for (int k = 0; k < view_registry[i]->nkeys && n < VIEW_KEYS_MAX; k++) {
			const struct view_key *vk = &view_registry[i]->keys[k];

			out[n++] = (struct help_line){ vk->key, vk->label };
		}
	for (int i = 0; with_main && i < keys_count(); i++)
		out[n++] = (struct help_line){ keys_get(i)->keys, keys_get(i)->label };
	if (with_form) {
		if (n)
			out[n++] = (struct help_line){ NULL, "" };
		out[n++] = (struct help_line){ NULL, N_("In een formulier (na a of e):") };
		for (int i = 0; i < keys_form_count(); i++)
			out[n++] = (struct help_line){ keys_form_get(i)->keys, keys_form_get(i)->label };
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
		char keys[64];
		int x = r.x;

		if (!l->keys) {
			grid_text(g, x, y, r.w - 1, ROLE_BOLD, *l->label ? _(l->label) : "");
			continue;
		}
		grid_text(g, x, y, keyw, ROLE_KEY, keys_shown(l->keys, keys, sizeof(keys)));
		x += keyw + 1;
		grid_text(g, x, y, r.w - (x - r.x) - 1, ROLE_NORMAL, _(l->label));
	}
}

/* From this width the form's keys get a column of their own. */
#define HELP_TWO_COLUMNS 150

int
render_help_lines(int width)
{
	struct help_line l[HELP_MAX];
	bool two = width >= HELP_TWO_COLUMNS;
	int n = help_lines(l, true, !two), nf = two ? help_lines(l, false, true) : 0;

	return n > nf ? n : nf;
}

static void
render_help(const struct app *app, struct grid *g, struct rect r)
{
	struct help_line main_l[HELP_MAX], form_l[FK_COUNT + 4];
	bool two = r.w >= HELP_TWO_COLUMNS;
	int rows = r.h - 4, n = help_lines(main_l, true, !two), nf = two ? help_lines(form_l, false, true) : 0;
	int most = n > nf ? n : nf, lw = two ? r.w * 11 / 20 : r.w - 2;

	grid_fill(g, r, L' ', ROLE_NORMAL);
	render_heading(g, (struct rect){ r.x, r.y, r.w, 1 }, _("Toetsen — Esc of ? sluit deze hulp"), true);
	help_column(g, (struct rect){ r.x + 2, r.y + 2, lw, rows }, main_l, n, app->help_top);
	if (two)
		help_column(g, (struct rect){ r.x + 3 + lw, r.y + 2, r.w - lw - 4, rows }, form_l, nf,
			    app->help_top);
	grid_text(g, r.x + 2, r.y + r.h - 1, r.w - 3, ROLE_DIM,
		  most > rows ? _("↓/PgDn: meer. Muis: klik kiest een tab, paneel of rij; het wiel scrolt.")
			      : _("Muis: klik kiest een tab, paneel of rij (nog eens klikken opent); het wiel scrolt."));
}

void
render_frame(const struct app *app, struct grid *g)
{
	struct rect body = { 0, 1, g->w, g->h - 2 };
	const struct view *v = &app->views[app->view];

	grid_fill(g, (struct rect){ 0, 0, g->w, g->h }, L' ', ROLE_NORMAL);
	if (app->small) {
		char msg[160];

		snprintf(msg, sizeof(msg), _("Venster te klein: minimaal %d×%d, nu %d×%d"),
			 APP_MIN_W, APP_MIN_H, g->w, g->h);
		grid_text(g, 0, g->h / 2, g->w, ROLE_ERROR, msg);
		grid_text(g, 0, g->h / 2 + 1, g->w, ROLE_DIM, _("Maak het venster groter, of q stopt."));
		return;
	}
	render_tabs(app, g);
	if (app->help)
		render_help(app, g, body);
	else if (app->reader)
		reader_draw(app, g, body);
	else
		v->ops->draw(v, app, g, body);
	render_status(app, g);
}
