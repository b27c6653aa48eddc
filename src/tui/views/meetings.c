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

static struct list *
meeting_list(struct app *app)
{
	if (!app->meetings)
		app->meetings = meetings_list(app->db);
	return app->meetings;
}

static void
draw_meeting_row(struct app *app, struct grid *g, const struct list_row *row, struct rect r, void *ctx)
{
	struct meeting_row m = meeting_row(row);
	char date[16], line[400];
	int x = r.x + 1;

	(void)app;
	(void)ctx;
	render_date(m.datum, date);
	x += grid_text(g, x, r.y, 12, ROLE_BOLD, date);
	x = r.x + 14;
	snprintf(line, sizeof(line), "%s%s%s", *m.titel ? m.titel : m.soort, *m.locatie ? " · " : "",
		 m.locatie);
	grid_text(g, x, r.y, r.w - (x - r.x) - 14, ROLE_NORMAL, line);
	snprintf(line, sizeof(line), "%lldb %llda", m.besluiten, m.acties);
	grid_text_right(g, r.x + r.w - 13, r.y, 12, ROLE_DIM, line);
}

/* Draws one action item line: deadline, text, owner; overdue stands out. */
static void
action_line(struct app *app, struct grid *g, int x, int y, int w, const char *text,
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
meetings_load_detail(struct app *app)
{
	struct list *l = meeting_list(app);
	const struct list_row *row;

	list_ensure(l, l->cur, 1);
	row = list_row(l, l->cur);
	if (!row) {
		meeting_detail_free(&app->meeting);
		app->meeting_id = -1;
		return;
	}
	if (app->meeting_id == row->id)
		return;
	if (meeting_detail_load(app->db, row->id, MAX_DETAIL, &app->meeting) < 0)
		app_message(app, true, "%s", db_errmsg(app->db));
	app->meeting_id = row->id;
	if (app->meeting_item >= app->meeting.ndecisions + app->meeting.nactions)
		app->meeting_item = app->meeting.ndecisions + app->meeting.nactions - 1;
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

	if (k >= app->meeting.ndecisions)
		return 1;
	item = app->meeting.decisions[k].agendapunt;
	snprintf(line, sizeof(line), "• %s%s%s", item, *item ? ": " : "", app->meeting.decisions[k].besluit);
	n = grid_wrap(NULL, (struct rect){ 0, 0, w, 0 }, ROLE_NORMAL, line, 0);
	return n < 1 ? 1 : n > max ? max : n;
}

/* With the meeting open (app->zoom), the selected item is highlighted
 * and kept in sight; otherwise the detail shows from the top. */
static void
meeting_detail(struct app *app, struct grid *g, struct rect r)
{
	const struct list_row *lrow = list_row(app->meetings, app->meetings->cur);
	struct meeting_row m;
	int nitems, y = r.y, bottom = r.y + r.h, maxl = app->zoom ? 4 : 3, w = r.w - 2, avail, top;
	bool focus = app->zoom;
	char line[600], date[16];
	const char *changed;

	if (!lrow)
		return;
	m = meeting_row(lrow);
	meetings_load_detail(app);
	nitems = app->meeting.ndecisions + app->meeting.nactions;
	render_date(m.datum, date);
	snprintf(line, sizeof(line), "%s %s%s%s", m.soort, date, *m.titel ? " — " : "", m.titel);
	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, line, true);
	changed = app_last_changed(app, "vergaderingen", m.id);
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
	snprintf(line, sizeof(line), "Besluiten (%d)%s", app->meeting.ndecisions,
		 top > 0 && top <= app->meeting.ndecisions ? " …" : "");
	if (y < bottom)
		grid_text(g, r.x + 1, y++, w, ROLE_BOLD, line);
	for (int k = top; k < app->meeting.ndecisions && y < bottom - (focus ? 0 : 2); k++) {
		const char *item = app->meeting.decisions[k].agendapunt;
		int lines = item_lines(app, k, w, maxl), limit = focus ? bottom : bottom - 2;

		if (lines > limit - y)
			lines = limit - y;
		snprintf(line, sizeof(line), "• %s%s%s", item, *item ? ": " : "",
			 app->meeting.decisions[k].besluit);
		grid_wrap(g, (struct rect){ r.x + 1, y, w, lines }, ROLE_NORMAL, line, 0);
		if (focus && k == app->meeting_item)
			for (int i = 0; i < lines; i++)
				grid_paint(g, r.x, y + i, r.w, ROLE_SEL);
		y += lines;
	}
	snprintf(line, sizeof(line), "Acties (%d)", app->meeting.nactions);
	if (y < bottom)
		grid_text(g, r.x + 1, y++, w, ROLE_BOLD, line);
	for (int i = top > app->meeting.ndecisions ? top - app->meeting.ndecisions : 0;
	     i < app->meeting.nactions && y < bottom; i++, y++) {
		const struct action_item *a = &app->meeting.actions[i];

		action_line(app, g, r.x + 1, y, w, a->actie, a->eigenaar, a->deadline, a->status);
		if (focus && app->meeting.ndecisions + i == app->meeting_item)
			grid_paint(g, r.x, y, r.w, ROLE_SEL);
	}
	if (focus && nitems == 0 && y < bottom)
		grid_text(g, r.x + 1, y, w, ROLE_DIM, "(nog niets: a voegt een besluit of actie toe)");
}

static void
meetings_render(struct app *app, struct grid *g, struct rect body)
{
	struct list *l = meeting_list(app);
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
	render_list(app, g, l, lr, -1, draw_meeting_row, NULL);
	meeting_detail(app, g, dr);
}

/* Keys while the meeting is open: the cursor walks its decisions and
 * actions; Left/Right go to the previous/next meeting. */
static bool
meeting_focus_act(struct app *app, enum action a)
{
	struct list *l = meeting_list(app);
	int n, page = app->page > 1 ? app->page : 1;

	meetings_load_detail(app);
	n = app->meeting.ndecisions + app->meeting.nactions;
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
	struct list *l = meeting_list(app);

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
		app->meetings_sort = (app->meetings_sort + 1) % meetings_sorts();
		meetings_sort(l, app->meetings_sort);
		app_message(app, false, "sortering: %s", meetings_sort_label(app->meetings_sort));
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
	.list = meeting_list,
	.render = meetings_render,
	.act = meetings_act,
};

/* --- Acties ------------------------------------------------------------------- */

static struct list *
action_list(struct app *app)
{
	if (!app->acts)
		app->acts = actions_list(app->db);
	return app->acts;
}

static void
draw_action_row(struct app *app, struct grid *g, const struct list_row *row, struct rect r, void *ctx)
{
	struct action_row a = action_row(row);
	char date[16];
	int mw = r.w >= 100 ? 13 : 0, x;

	(void)ctx;
	action_line(app, g, r.x + 1, r.y, r.w - 2 - mw, a.actie, a.eigenaar, a.deadline, a.status);
	if (mw) {
		render_date(a.vergadering, date);
		x = r.x + r.w - mw;
		grid_fill(g, (struct rect){ x - 1, r.y, mw + 1, 1 }, L' ', ROLE_NORMAL);
		grid_text(g, x, r.y, mw - 1, ROLE_DIM, date);
	}
}

static void
actions_render(struct app *app, struct grid *g, struct rect body)
{
	struct list *l = action_list(app);
	const struct list_row *row;
	char line[300];
	int dh = body.h >= 20 ? 5 : 3;
	struct rect lr = { body.x, body.y + 1, body.w, body.h - 1 - dh };

	snprintf(line, sizeof(line), "Acties: %lld · sortering: %s · filter: %s", list_count(l),
		 actions_sort_label(app->acts_sort), actions_filter_label(app->acts_filter));
	render_heading(g, (struct rect){ body.x, body.y, body.w, 1 }, line, false);
	if (body.w >= 100)
		grid_text(g, body.x + body.w - 13, body.y, 12, ROLE_TITLE, "Vergadering");
	render_list(app, g, l, lr, -1, draw_action_row, NULL);
	row = list_row(l, l->cur);
	render_hline(g, body.x, body.y + body.h - dh, body.w);
	if (row && *app_last_changed(app, "acties", row->id)) {
		snprintf(line, sizeof(line), " laatst gewijzigd: %s ", app_last_changed(app, "acties", row->id));
		grid_text_right(g, body.x + 2, body.y + body.h - dh, body.w - 4, ROLE_DIM, line);
	}
	if (row) {
		struct action_row a = action_row(row);
		char date[16];

		render_date(a.vergadering, date);
		snprintf(line, sizeof(line), "Eigenaar: %s   Vergadering: %s   Domein: %s",
			 *a.eigenaar ? a.eigenaar : "—", *date ? date : "—", *a.domein ? a.domein : "—");
		grid_text(g, body.x + 1, body.y + body.h - dh + 1, body.w - 2, ROLE_DIM, line);
		grid_wrap(g, (struct rect){ body.x + 1, body.y + body.h - dh + 2, body.w - 2, dh - 2 },
			  ROLE_NORMAL, a.actie, 0);
	}
}

static bool
actions_act(struct app *app, enum action a)
{
	struct list *l = action_list(app);

	switch (a) {
	case ACT_SORT:
		app->acts_sort = (app->acts_sort + 1) % actions_sorts();
		actions_sort(l, app->acts_sort);
		app_message(app, false, "sortering: %s", actions_sort_label(app->acts_sort));
		return true;
	case ACT_FILTER:
		app->acts_filter = (app->acts_filter + 1) % actions_filters();
		actions_filter(l, app->acts_filter, app->today);
		app_message(app, false, "filter: %s", actions_filter_label(app->acts_filter));
		return true;
	default:
		return false;
	}
}

const struct view_ops view_actions_ops = {
	.name = "Acties",
	.list = action_list,
	.render = actions_render,
	.act = actions_act,
};
