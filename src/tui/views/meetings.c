/*
 * Vergaderingen (meetings by date, with the selected meeting's decisions
 * and action items) and Acties (all action items, open first, overdue
 * ones marked).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "store/db.h"

#define WIDE 110
#define MAX_DETAIL 200	/* decisions or actions of one meeting shown */

/* --- Vergaderingen --------------------------------------------------------- */

static const struct {
	const char *label, *k1;
} meeting_sorts[] = {
	{ "datum, nieuwste eerst", "-cast(replace(v.datum, '-', '') AS INTEGER)" },
	{ "datum, oudste eerst", "cast(replace(v.datum, '-', '') AS INTEGER)" },
};

static const struct list_spec meeting_spec = {
	.cols = "v.id, v.datum, v.soort, ifnull(v.titel, ''), ifnull(v.locatie, ''),"
		" (SELECT count(*) FROM besluiten b WHERE b.vergadering_id = v.id),"
		" (SELECT count(*) FROM acties c WHERE c.vergadering_id = v.id)",
	.ncols = 7,
	.from = "vergaderingen v",
	.where = "1",
	.id = "v.id",
	.k1 = "-cast(replace(v.datum, '-', '') AS INTEGER)",
	.k1_int = true,
};

static struct list *
meetings_list(struct app *app)
{
	if (!app->meetings)
		app->meetings = list_new(app->db, &meeting_spec);
	return app->meetings;
}

static void
meeting_row(struct app *app, struct grid *g, const struct list_row *row, struct rect r, void *ctx)
{
	char date[16], line[400];
	int x = r.x + 1;

	(void)app;
	(void)ctx;
	render_date(row->col[1], date);
	x += grid_text(g, x, r.y, 12, ROLE_BOLD, date);
	x = r.x + 14;
	snprintf(line, sizeof(line), "%s%s%s", *row->col[3] ? row->col[3] : row->col[2],
		 *row->col[4] ? " · " : "", row->col[4]);
	grid_text(g, x, r.y, r.w - (x - r.x) - 14, ROLE_NORMAL, line);
	snprintf(line, sizeof(line), "%sb %sa", row->col[5], row->col[6]);
	grid_text_right(g, r.x + r.w - 13, r.y, 12, ROLE_DIM, line);
}

/* Draws one action item line: deadline, text, owner; overdue stands out. */
static void
action_line(struct app *app, struct grid *g, int x, int y, int w, const char *text,
	    const char *owner, const char *deadline, const char *status)
{
	bool open = strcmp(status, "gedaan") != 0;
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
meetings_load_detail(struct app *app)
{
	struct list *l = meetings_list(app);
	const struct list_row *row;

	list_ensure(l, l->cur, 1);
	row = list_row(l, l->cur);
	if (!row) {
		rowset_free(&app->decisions);
		rowset_free(&app->meeting_acts);
		app->meeting_id = -1;
		return;
	}
	if (app->meeting_id == row->id)
		return;
	rowset_load(app->db, &app->decisions, 3,
		    "SELECT id, ifnull(agendapunt, ''), besluit FROM besluiten"
		    " WHERE vergadering_id = ?1 ORDER BY id LIMIT ?3", row->id, NULL, MAX_DETAIL);
	rowset_load(app->db, &app->meeting_acts, 5,
		    "SELECT id, actie, ifnull(eigenaar, ''), ifnull(deadline, ''), ifnull(status, '')"
		    " FROM acties WHERE vergadering_id = ?1 ORDER BY id LIMIT ?3",
		    row->id, NULL, MAX_DETAIL);
	app->meeting_id = row->id;
	if (app->meeting_item >= app->decisions.n + app->meeting_acts.n)
		app->meeting_item = app->decisions.n + app->meeting_acts.n - 1;
	if (app->meeting_item < 0)
		app->meeting_item = 0;
}

/* Lines item k of the open meeting takes at width w (decisions wrap). */
static int
item_lines(struct app *app, int k, int w, int max)
{
	char line[600];
	const char *item;
	int n;

	if (k >= app->decisions.n)
		return 1;
	item = rowset_get(&app->decisions, k, 1);
	snprintf(line, sizeof(line), "• %s%s%s", item, *item ? ": " : "", rowset_get(&app->decisions, k, 2));
	n = grid_wrap(NULL, (struct rect){ 0, 0, w, 0 }, ROLE_NORMAL, line, 0);
	return n < 1 ? 1 : n > max ? max : n;
}

/* With the meeting open (app->zoom), the selected item is highlighted
 * and kept in sight; otherwise the detail shows from the top. */
static void
meeting_detail(struct app *app, struct grid *g, struct rect r)
{
	const struct list_row *row = list_row(app->meetings, app->meetings->cur);
	int nitems, y = r.y, bottom = r.y + r.h, maxl = app->zoom ? 4 : 3, w = r.w - 2, avail, top;
	bool focus = app->zoom;
	char line[600], date[16];
	const char *changed;

	if (!row)
		return;
	meetings_load_detail(app);
	nitems = app->decisions.n + app->meeting_acts.n;
	render_date(row->col[1], date);
	snprintf(line, sizeof(line), "%s %s%s%s", row->col[2], date, *row->col[3] ? " — " : "", row->col[3]);
	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, line, true);
	changed = app_last_changed(app, "vergaderingen", row->id);
	if (*changed && y < bottom && (focus || r.h >= 12)) {
		snprintf(line, sizeof(line), "laatst gewijzigd: %s", changed);
		grid_text(g, r.x + 1, y++, w, ROLE_DIM, line);
	}
	/* scroll so that the selected item fits: items [top, sel] plus the
	 * two headings must fit in what is left */
	avail = bottom - y - 2;
	top = focus ? app->meeting_item_top : 0;
	if (focus) {
		int sel = app->meeting_item, used;

		if (top > sel)
			top = sel;
		for (;;) {
			used = 0;
			for (int k = top; k <= sel && k < nitems; k++)
				used += item_lines(app, k, w, maxl);
			if (used <= avail || top >= sel)
				break;
			top++;
		}
		app->meeting_item_top = top;
	}
	snprintf(line, sizeof(line), "Besluiten (%d)%s", app->decisions.n,
		 top > 0 && top <= app->decisions.n ? " …" : "");
	if (y < bottom)
		grid_text(g, r.x + 1, y++, w, ROLE_BOLD, line);
	for (int k = top; k < app->decisions.n && y < bottom - (focus ? 0 : 2); k++) {
		const char *item = rowset_get(&app->decisions, k, 1);
		int lines = item_lines(app, k, w, maxl), limit = focus ? bottom : bottom - 2;

		if (lines > limit - y)
			lines = limit - y;
		snprintf(line, sizeof(line), "• %s%s%s", item, *item ? ": " : "",
			 rowset_get(&app->decisions, k, 2));
		grid_wrap(g, (struct rect){ r.x + 1, y, w, lines }, ROLE_NORMAL, line, 0);
		if (focus && k == app->meeting_item)
			for (int i = 0; i < lines; i++)
				grid_paint(g, r.x, y + i, r.w, ROLE_SEL);
		y += lines;
	}
	snprintf(line, sizeof(line), "Acties (%d)", app->meeting_acts.n);
	if (y < bottom)
		grid_text(g, r.x + 1, y++, w, ROLE_BOLD, line);
	for (int i = top > app->decisions.n ? top - app->decisions.n : 0;
	     i < app->meeting_acts.n && y < bottom; i++, y++) {
		action_line(app, g, r.x + 1, y, w, rowset_get(&app->meeting_acts, i, 1),
			    rowset_get(&app->meeting_acts, i, 2), rowset_get(&app->meeting_acts, i, 3),
			    rowset_get(&app->meeting_acts, i, 4));
		if (focus && app->decisions.n + i == app->meeting_item)
			grid_paint(g, r.x, y, r.w, ROLE_SEL);
	}
	if (focus && nitems == 0 && y < bottom)
		grid_text(g, r.x + 1, y, w, ROLE_DIM, "(nog niets: a voegt een besluit of actie toe)");
}

static void
meetings_render(struct app *app, struct grid *g, struct rect body)
{
	struct list *l = meetings_list(app);
	struct rect lr, dr;

	if (app->zoom) {
		list_scroll(l, 1);
		list_ensure(l, l->cur, 1);
		meeting_detail(app, g, body);
		return;
	}
	if (body.w >= WIDE) {
		int lw = body.w * 2 / 5;

		lr = (struct rect){ body.x, body.y, lw, body.h };
		dr = (struct rect){ body.x + lw + 1, body.y, body.w - lw - 1, body.h };
		grid_fill(g, (struct rect){ body.x + lw, body.y, 1, body.h }, L'│', ROLE_BORDER);
	} else {
		int lh = body.h * 2 / 5;

		lr = (struct rect){ body.x, body.y, body.w, lh };
		dr = (struct rect){ body.x, body.y + lh, body.w, body.h - lh };
	}
	render_heading(g, (struct rect){ lr.x, lr.y, lr.w, 1 }, "Vergaderingen (b = besluiten, a = acties)", false);
	lr.y++;
	lr.h--;
	render_list(app, g, l, lr, -1, meeting_row, NULL);
	meeting_detail(app, g, dr);
}

/* Keys while the meeting is open: the cursor walks its decisions and
 * actions; Left/Right go to the previous/next meeting. */
static bool
meeting_focus_act(struct app *app, enum action a)
{
	struct list *l = meetings_list(app);
	int n, page = app->page > 1 ? app->page : 1;

	meetings_load_detail(app);
	n = app->decisions.n + app->meeting_acts.n;
	switch (a) {
	case ACT_UP: app->meeting_item--; break;
	case ACT_DOWN: app->meeting_item++; break;
	case ACT_PAGE_UP: app->meeting_item -= page; break;
	case ACT_PAGE_DOWN: app->meeting_item += page; break;
	case ACT_HOME: app->meeting_item = 0; break;
	case ACT_END: app->meeting_item = n - 1; break;
	case ACT_LEFT:
	case ACT_RIGHT:
		list_move(l, a == ACT_LEFT ? -1 : 1, page);
		app->meeting_item = app->meeting_item_top = 0;
		return true;
	default:
		return false;
	}
	if (app->meeting_item >= n)
		app->meeting_item = n - 1;
	if (app->meeting_item < 0)
		app->meeting_item = 0;
	return true;
}

static bool
meetings_act(struct app *app, enum action a)
{
	struct list *l = meetings_list(app);

	if (app->zoom && meeting_focus_act(app, a))
		return true;
	switch (a) {
	case ACT_OPEN:
		app->zoom = !app->zoom;
		app->meeting_item = app->meeting_item_top = 0;
		return true;
	case ACT_BACK:
		if (!app->zoom)
			return false;
		app->zoom = false;
		return true;
	case ACT_SORT:
		app->meetings_sort = !app->meetings_sort;
		list_set_sort(l, meeting_sorts[app->meetings_sort].k1, true, NULL, false);
		app_message(app, false, "sortering: %s", meeting_sorts[app->meetings_sort].label);
		return true;
	case ACT_FILTER:
		app_message(app, false, "vergaderingen hebben geen status om op te filteren");
		return true;
	default:
		return false;
	}
}

const struct view_ops view_meetings_ops = {
	.name = "Vergaderingen",
	.list = meetings_list,
	.render = meetings_render,
	.act = meetings_act,
};

/* --- Acties ------------------------------------------------------------------- */

/* Open first; within that by deadline (none last), owner or meeting. */
static const struct {
	const char *label, *k2;
} action_sorts[] = {
	{ "open eerst, deadline", "ifnull(c.deadline, '9999-99-99')" },
	{ "open eerst, eigenaar", "ifnull(c.eigenaar, '')" },
	{ "open eerst, vergadering", "ifnull((SELECT datum FROM vergaderingen v WHERE v.id = c.vergadering_id), '9999-99-99')" },
};
static const char *const action_filters[] = { NULL, "open", "gedaan", "te laat" };

static const struct list_spec action_spec = {
	.cols = "c.id, c.actie, ifnull(c.eigenaar, ''), ifnull(c.deadline, ''), ifnull(c.status, ''),"
		" ifnull((SELECT datum FROM vergaderingen v WHERE v.id = c.vergadering_id), ''),"
		" ifnull((SELECT naam FROM domeinen d WHERE d.id = c.domein_id), '')",
	.ncols = 7,
	.from = "acties c",
	.where = "?2 IS NULL OR (?2 = 'open' AND ifnull(c.status, '') <> 'gedaan')"
		 " OR (?2 = 'gedaan' AND c.status = 'gedaan')"
		 " OR (?2 = 'te laat' AND ifnull(c.status, '') <> 'gedaan'"
		 "     AND cast(replace(c.deadline, '-', '') AS INTEGER) < ?1)",
	.id = "c.id",
	.k1 = "ifnull(c.status, '') = 'gedaan'",
	.k1_int = true,
	.k2 = "ifnull(c.deadline, '9999-99-99')",
};

static struct list *
actions_list(struct app *app)
{
	if (!app->acts)
		app->acts = list_new(app->db, &action_spec);
	return app->acts;
}

static void
action_row(struct app *app, struct grid *g, const struct list_row *row, struct rect r, void *ctx)
{
	char date[16];
	int mw = r.w >= 100 ? 13 : 0, x;

	(void)ctx;
	action_line(app, g, r.x + 1, r.y, r.w - 2 - mw, row->col[1], row->col[2], row->col[3], row->col[4]);
	if (mw) {
		render_date(row->col[5], date);
		x = r.x + r.w - mw;
		grid_fill(g, (struct rect){ x - 1, r.y, mw + 1, 1 }, L' ', ROLE_NORMAL);
		grid_text(g, x, r.y, mw - 1, ROLE_DIM, date);
	}
}

static void
actions_render(struct app *app, struct grid *g, struct rect body)
{
	struct list *l = actions_list(app);
	const struct list_row *row;
	char line[300];
	int dh = body.h >= 20 ? 5 : 3;
	struct rect lr = { body.x, body.y + 1, body.w, body.h - 1 - dh };

	snprintf(line, sizeof(line), "Acties: %lld · sortering: %s · filter: %s", list_count(l),
		 action_sorts[app->acts_sort].label,
		 l->has_p2 ? l->p2 : "alle");
	render_heading(g, (struct rect){ body.x, body.y, body.w, 1 }, line, false);
	if (body.w >= 100)
		grid_text(g, body.x + body.w - 13, body.y, 12, ROLE_TITLE, "Vergadering");
	render_list(app, g, l, lr, -1, action_row, NULL);
	row = list_row(l, l->cur);
	render_hline(g, body.x, body.y + body.h - dh, body.w);
	if (row && *app_last_changed(app, "acties", row->id)) {
		snprintf(line, sizeof(line), " laatst gewijzigd: %s ", app_last_changed(app, "acties", row->id));
		grid_text_right(g, body.x + 2, body.y + body.h - dh, body.w - 4, ROLE_DIM, line);
	}
	if (row) {
		char date[16];
		int used;

		render_date(row->col[5], date);
		snprintf(line, sizeof(line), "Eigenaar: %s   Vergadering: %s   Domein: %s",
			 *row->col[2] ? row->col[2] : "—", *date ? date : "—",
			 *row->col[6] ? row->col[6] : "—");
		grid_text(g, body.x + 1, body.y + body.h - dh + 1, body.w - 2, ROLE_DIM, line);
		used = grid_wrap(g, (struct rect){ body.x + 1, body.y + body.h - dh + 2, body.w - 2, dh - 2 },
				 ROLE_NORMAL, row->col[1], 0);
		(void)used;
	}
}

static bool
actions_act(struct app *app, enum action a)
{
	struct list *l = actions_list(app);
	int n = (int)(sizeof(action_filters) / sizeof(action_filters[0]));

	switch (a) {
	case ACT_SORT:
		app->acts_sort = (app->acts_sort + 1) % (int)(sizeof(action_sorts) / sizeof(action_sorts[0]));
		list_set_sort(l, action_spec.k1, true, action_sorts[app->acts_sort].k2, false);
		app_message(app, false, "sortering: %s", action_sorts[app->acts_sort].label);
		return true;
	case ACT_FILTER:
		app->acts_filter = (app->acts_filter + 1) % n;
		list_set_params(l, strtoll(app->today, NULL, 10) * 10000 +
				   strtoll(app->today + 5, NULL, 10) * 100 + strtoll(app->today + 8, NULL, 10),
				action_filters[app->acts_filter]);
		app_message(app, false, "filter: %s", l->has_p2 ? l->p2 : "alle");
		return true;
	default:
		return false;
	}
}

const struct view_ops view_actions_ops = {
	.name = "Acties",
	.list = actions_list,
	.render = actions_render,
	.act = actions_act,
};
