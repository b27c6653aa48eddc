/*
 * Vergaderingen: the AB meetings by date, with the selected meeting's
 * decisions and action items. Enter opens a meeting: the cursor then walks
 * the meeting itself (Up from the first decision) and its decisions and
 * actions: they are what e, d, space and a act on, the selected one's
 * bron is on the last line and Enter shows it whole. Left/Right go to the
 * previous/next meeting in time, Esc closes it. The wheel scrolls the
 * pane under the pointer.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "tui/app.h"
#include "core/date.h"
#include "core/i18n.h"
#include "store/db.h"
#include "core/text.h"
#include "model/meetings.h"

#define WIDE 110
#define MAX_DETAIL 200	/* decisions or actions of one meeting shown */
#define WHEEL_ITEMS 3

enum { PANE_DETAIL };	/* the detail, for the wheel */

struct meetings_state {
	struct list *list;		/* the meetings; NULL until shown */
	int sort;			/* meetings_sort_label(sort) */
	bool open;			/* Enter: the meeting has the cursor */
	struct meeting_detail detail;	/* of the selected meeting */
	long long detail_id;		/* meeting it was read for, -1 */
	int item;			/* with the meeting open: the selected decision
					   (0..) or action (after the decisions) */
	struct edit_target item_t;	/* that entry: the selection follows it */
	int item_top;			/* first item shown */
	bool follow;			/* keep the selected item in sight (not
					   after the wheel scrolled) */
	char changed[120];		/* "laatst gewijzigd" of the meeting */
	/* the last layout */
	struct rect list_r;		/* the list (h 0 when open) */
	struct rect detail_r;
	bool wide;			/* list and detail side by side */
};

static void *
meetings_open(struct app *app)
{
	struct meetings_state *s = xcalloc(1, sizeof(*s));

	(void)app;
	s->detail_id = -1;
	return s;
}

static void
meetings_close(void *priv)
{
	struct meetings_state *s = priv;

	list_free(s->list);
	meeting_detail_free(&s->detail);
	free(s);
}

/* The list, made when first needed; NULL when out of memory. */
static struct list *
meeting_list(struct meetings_state *s, struct app *app)
{
	if (!s->list)
		s->list = meetings_list(app->db);
	return s->list;
}

static struct list *
meetings_list_op(const struct view *v)
{
	const struct meetings_state *s = v->priv;

	return s->list;
}

static void
meetings_invalidate(struct view *v, struct app *app)
{
	struct meetings_state *s = v->priv;

	(void)app;
	if (s->list)
		list_invalidate(s->list);
	s->detail_id = -1;
}

static bool
meetings_show(struct view *v, struct app *app, int arg)
{
	struct meetings_state *s = v->priv;

	(void)arg;
	s->open = false;
	meeting_list(s, app);
	return true;
}

/* Selects item k of the open meeting (clipped; -1 is the meeting itself,
 * above its first decision) and remembers its entry. */
static void
set_item(struct meetings_state *s, int k)
{
	int nd = s->detail.ndecisions, n = nd + s->detail.nactions;

	if (k >= n)
		k = n - 1;
	if (k < -1)
		k = -1;
	s->item = k;
	if (k < 0)
		s->item_t = (struct edit_target){ &entity_vergaderingen, s->detail.meeting_id };
	else if (k < nd)
		s->item_t = (struct edit_target){ &entity_besluiten, s->detail.decisions[k].id };
	else if (k < n)
		s->item_t = (struct edit_target){ &entity_acties, s->detail.actions[k - nd].id };
	else
		s->item_t = (struct edit_target){ NULL, 0 };
	s->follow = true;
}

/* Reads the selected meeting's decisions and actions when not current;
 * keeps the selected item among them. */
static void
load_detail(struct meetings_state *s, struct app *app)
{
	struct list *l = meeting_list(s, app);
	const struct list_row *row;

	if (!l)
		return;
	list_ensure(l, l->cur, 1);
	if (!(row = list_row(l, l->cur))) {
		meeting_detail_free(&s->detail);
		s->detail_id = -1;
		return;
	}
	if (s->detail_id == row->id)
		return;
	if (s->detail.meeting_id != row->id)
		s->item_top = 0;	/* another meeting: from its top */
	if (meeting_detail_load(app->db, row->id, MAX_DETAIL, &s->detail) < 0)
		app_result(app, db_result(app->db));
	s->detail_id = row->id;
	/* the selected item is the same entry, wherever it now is */
	if (s->item_t.e == &entity_vergaderingen)
		s->item = -1;
	for (int i = 0; s->item_t.e == &entity_besluiten && i < s->detail.ndecisions; i++)
		if (s->detail.decisions[i].id == s->item_t.id)
			s->item = i;
	for (int i = 0; s->item_t.e == &entity_acties && i < s->detail.nactions; i++)
		if (s->detail.actions[i].id == s->item_t.id)
			s->item = s->detail.ndecisions + i;
	set_item(s, s->item);
}

static void
draw_meeting_row(const struct app *app, struct grid *g, const struct list_row *row, struct rect r,
		 void *ctx)
{
	struct meeting_row m = meeting_row(row);
	char date[16], line[400], nb[32], na[32];
	int x = r.x + 1;

	(void)app;
	(void)ctx;
	render_date(m.datum, date);
	x += grid_text(g, x, r.y, 12, ROLE_BOLD, date);
	x = r.x + 14;
	snprintf(line, sizeof(line), "%s%s%s", *m.titel ? m.titel : soort_word(m.soort), *m.locatie ? " · " : "",
		 m.locatie);
	grid_text(g, x, r.y, r.w - (x - r.x) - 14, ROLE_NORMAL, line);
	/* TRANSLATORS: the counts of decisions (b) and actions (a), as the
	   list's heading explains them ("b = besluiten, a = acties") */
	snprintf(line, sizeof(line), _("%sb %sa"), i18n_count(m.besluiten, nb), i18n_count(m.acties, na));
	grid_text_right(g, r.x + r.w - 13, r.y, 12, ROLE_DIM, line);
}

/* Lines item k takes at width w: a decision wraps, up to max lines (the
 * selected one of an open meeting up to SELECTED_MAX), an action is one. */
#define SELECTED_MAX 12
static int
item_lines(const struct meetings_state *s, int k, int w, int max)
{
	char line[600];
	const char *item;
	int n;

	if (k >= s->detail.ndecisions)
		return 1;
	if (s->open && k == s->item)
		max = SELECTED_MAX;
	item = s->detail.decisions[k].agendapunt;
	snprintf(line, sizeof(line), "%s%s%s", item, *item ? ": " : "", s->detail.decisions[k].besluit);
	n = grid_wrap(NULL, (struct rect){ 0, 0, w - 2, 0 }, ROLE_NORMAL, line, 0);
	return n < 1 ? 1 : n > max ? max : n;
}

/* Whether the detail in r shows the "laatst gewijzigd" line. */
static bool
shows_changed(const struct meetings_state *s, struct rect r)
{
	return *s->changed && r.h > 1 && (s->open || r.h >= 12);
}

/* The detail in r: reads the meeting's items, keeps the scroll in range
 * and, with the meeting open and the cursor moved by keys, scrolls so
 * that the selected item fits (items [top, sel] plus the two headings in
 * what is left under the heading). */
static void
layout_detail(struct meetings_state *s, struct app *app, struct rect r)
{
	const struct list_row *row = list_row(s->list, s->list->cur);
	int nitems, avail, top, sel = s->item > 0 ? s->item : 0, maxl = s->open ? 4 : 3, w = r.w - 2;

	s->detail_r = r;
	s->changed[0] = '\0';
	if (!row)
		return;
	load_detail(s, app);
	app_zone(app, r, ZONE_PANE, PANE_DETAIL);
	snprintf(s->changed, sizeof(s->changed), "%s", app_last_changed(app, &entity_vergaderingen, row->id));
	nitems = s->detail.ndecisions + s->detail.nactions;
	top = s->item_top;
	if (top > nitems - 1)
		top = nitems - 1;
	if (top < 0)
		top = 0;
	if (s->open && s->follow) {
		avail = r.y + r.h - (r.y + 1 + shows_changed(s, r)) - 2 - 1;	/* - the bron line */
		if (top > sel)
			top = sel;
		for (;;) {
			int used = 0;

			for (int k = top; k <= sel && k < nitems; k++)
				used += item_lines(s, k, w, maxl);
			if (used <= avail || top >= sel)
				break;
			top++;
		}
	}
	s->item_top = top;
}

/* The bron of the selected decision or action of the open meeting (of
 * the meeting, when it is selected itself). */
static const char *
item_source(const struct meetings_state *s, const char *meeting)
{
	int k = s->item;

	if (k < 0)
		return meeting;
	if (k < s->detail.ndecisions)
		return s->detail.decisions[k].bron;
	k -= s->detail.ndecisions;
	return k >= 0 && k < s->detail.nactions ? s->detail.actions[k].bron : "";
}

/* "Bron: ..." on line y, dim; "—" when there is none. */
static void
draw_source(struct grid *g, int x, int y, int w, const char *bron)
{
	char line[1300];	/* a bron of 300 characters of 4 bytes */

	snprintf(line, sizeof(line), _("Bron: %s"), *bron ? bron : "—");
	grid_text(g, x, y, w, ROLE_DIM, line);
}

/* Lines decisions [from, to) take at width w. */
static int
fits_from(const struct meetings_state *s, int from, int to, int w, int max)
{
	int n = 0;

	for (int k = from; k < to; k++)
		n += item_lines(s, k, w, max);
	return n;
}

/* The meeting's decisions and actions from item `top` on; with the
 * meeting open the selected one is highlighted, its bron on the last
 * line; otherwise the meeting's own bron is under its heading when there
 * is room. A decision cut to fit ends in "…" (Enter shows it whole). */
static void
draw_detail(const struct meetings_state *s, const struct app *app, struct grid *g)
{
	const struct list_row *lrow = list_row(s->list, s->list->cur);
	struct rect r = s->detail_r;
	bool focus = s->open;
	int y = r.y, bottom = r.y + r.h, maxl = focus ? 4 : 3, w = r.w - 2, top = s->item_top;
	int nitems = s->detail.ndecisions + s->detail.nactions;
	char line[600], date[16], n[32];
	struct meeting_row m;

	if (!lrow)
		return;
	m = meeting_row(lrow);
	render_date(m.datum, date);
	snprintf(line, sizeof(line), "%s %s%s%s", soort_word(m.soort), date, *m.titel ? " — " : "", m.titel);
	render_heading(g, (struct rect){ r.x, y++, r.w, 1 }, line, true);
	if (focus && s->item < 0)	/* the meeting itself has the cursor */
		grid_paint(g, r.x, r.y, r.w, ROLE_SEL);
	if (shows_changed(s, r)) {
		snprintf(line, sizeof(line), _("laatst gewijzigd: %s"), s->changed);
		grid_text(g, r.x + 1, y++, w, ROLE_DIM, line);
	}
	if (focus && nitems && bottom - y > 2)
		draw_source(g, r.x + 1, --bottom, w, item_source(s, m.bron));
	else if (!focus && r.h >= 8)
		draw_source(g, r.x + 1, y++, w, m.bron);
	snprintf(line, sizeof(line), top > 0 && top <= s->detail.ndecisions ? _("Besluiten (%s) …") : _("Besluiten (%s)"),
		 i18n_count(s->detail.ndecisions, n));
	if (y < bottom)
		grid_text(g, r.x + 1, y++, w, ROLE_BOLD, line);
	/* closed, the meeting shows what fits and says how many more there
	 * are (two lines stay for the actions); open, the cursor scrolls */
	{
		int limit = focus ? bottom : bottom - 2, last = s->detail.ndecisions;

		if (!focus && fits_from(s, top, last, w, maxl) > limit - y)
			for (limit--, last = top; last < s->detail.ndecisions &&
			     fits_from(s, top, last + 1, w, maxl) <= limit - y; last++)
				;
		for (int k = top; k < last && y < limit; k++) {
			const char *item = s->detail.decisions[k].agendapunt;
			int lines = item_lines(s, k, w, maxl);

			if (lines > limit - y)
				lines = limit - y;
			/* the bullet, and the decision wrapped beside it */
			snprintf(line, sizeof(line), "%s%s%s", item, *item ? ": " : "", s->detail.decisions[k].besluit);
			grid_text(g, r.x + 1, y, 2, ROLE_NORMAL, "•");
			render_wrap(g, (struct rect){ r.x + 3, y, w - 2, lines }, ROLE_NORMAL, line, 0);
			if (focus && k == s->item)
				for (int i = 0; i < lines; i++)
					grid_paint(g, r.x, y + i, r.w, ROLE_SEL);
			y += lines;
		}
		if (!focus && last < s->detail.ndecisions && y < bottom) {
			snprintf(line, sizeof(line), _n("… nog %s besluit (Enter opent de vergadering)",
							"… nog %s besluiten (Enter opent de vergadering)",
							s->detail.ndecisions - last),
				 i18n_count(s->detail.ndecisions - last, n));
			grid_text(g, r.x + 1, y++, w, ROLE_DIM, line);
		}
	}
	snprintf(line, sizeof(line), top > s->detail.ndecisions ? _("Acties (%s) …") : _("Acties (%s)"),
		 i18n_count(s->detail.nactions, n));
	if (y < bottom)
		grid_text(g, r.x + 1, y++, w, ROLE_BOLD, line);
	for (int i = top > s->detail.ndecisions ? top - s->detail.ndecisions : 0;
	     i < s->detail.nactions && y < bottom; i++, y++) {
		const struct action_item *a = &s->detail.actions[i];

		if (!focus && y == bottom - 1 && i < s->detail.nactions - 1) {
			snprintf(line, sizeof(line), _n("… nog %s actie (Enter opent de vergadering)",
							"… nog %s acties (Enter opent de vergadering)",
							s->detail.nactions - i),
				 i18n_count(s->detail.nactions - i, n));
			grid_text(g, r.x + 1, y, w, ROLE_DIM, line);
			break;
		}
		render_action_line(app, g, r.x + 1, y, w, a->actie, a->eigenaar, a->deadline, a->status);
		if (focus && s->detail.ndecisions + i == s->item)
			grid_paint(g, r.x, y, r.w, ROLE_SEL);
	}
	if (focus && nitems == 0 && y < bottom)
		grid_text(g, r.x + 1, y, w, ROLE_DIM, _("(nog niets: a voegt een besluit of actie toe)"));
}

/* The list beside (wide) or above the detail; an open meeting alone. */
static void
meetings_layout(struct view *v, struct app *app, struct rect body)
{
	struct meetings_state *s = v->priv;
	struct list *l = meeting_list(s, app);
	struct rect dr;

	s->list_r = (struct rect){ 0, 0, 0, 0 };
	if (!l)
		return;
	if (s->open) {
		list_scroll(l, 1);
		list_ensure(l, l->cur, 1);
		layout_detail(s, app, body);
		return;
	}
	s->wide = body.w >= WIDE;
	if (s->wide) {
		int lw = body.w * 2 / 5;

		s->list_r = (struct rect){ body.x, body.y, lw, body.h };
		dr = (struct rect){ body.x + lw + 1, body.y, body.w - lw - 1, body.h };
	} else {
		int lh = body.h * 2 / 5;

		s->list_r = (struct rect){ body.x, body.y, body.w, lh };
		dr = (struct rect){ body.x, body.y + lh, body.w, body.h - lh };
	}
	layout_list(app, l, (struct rect){ s->list_r.x, s->list_r.y + 1, s->list_r.w, s->list_r.h - 1 });
	layout_detail(s, app, dr);
}

static void
meetings_draw(const struct view *v, const struct app *app, struct grid *g, struct rect body)
{
	const struct meetings_state *s = v->priv;
	struct rect lr = s->list_r;
	char line[200];

	(void)body;
	if (!s->list)
		return;
	if (!s->open) {
		if (s->wide)
			grid_fill(g, (struct rect){ lr.x + lr.w, lr.y, 1, lr.h }, L'│', ROLE_BORDER);
		snprintf(line, sizeof(line), _("Vergaderingen · sortering: %s"), meetings_sort_label(s->sort));
		render_heading(g, (struct rect){ lr.x, lr.y, lr.w, 1 }, line, false);
		if (text_width(line) + 30 < lr.w)
			grid_text_right(g, lr.x + 1, lr.y, lr.w - 2, ROLE_TITLE, _("b = besluiten, a = acties"));
		render_list(app, g, s->list, (struct rect){ lr.x, lr.y + 1, lr.w, lr.h - 1 }, -1,
			    draw_meeting_row, NULL);
	}
	draw_detail(s, app, g);
}

/* With the meeting open: where the cursor is among its items. */
static void
meetings_status(const struct view *v, const struct app *app, char *title, size_t titlesz,
		char *pos, size_t possz)
{
	const struct meetings_state *s = v->priv;
	int k = s->item, nd = s->detail.ndecisions, na = s->detail.nactions;
	char a[32], b[32];

	(void)app;
	(void)title;
	(void)titlesz;
	if (s->open && s->detail_id >= 0) {
		if (nd + na == 0)
			snprintf(pos, possz, "%s", _("geen besluiten of acties"));
		else if (k < 0)
			snprintf(pos, possz, "%s", _("de vergadering"));
		else if (k < nd)
			snprintf(pos, possz, _("besluit %s/%s"), i18n_count(k + 1, a), i18n_count(nd, b));
		else
			snprintf(pos, possz, _("actie %s/%s"), i18n_count(k - nd + 1, a), i18n_count(na, b));
	} else if (s->list) {
		render_row_pos(s->list, pos, possz);
	}
}

/* The decision or action under the cursor of an open meeting, or the
 * meeting itself (the cursor above its first decision). */
static struct edit_target
item_selected(struct meetings_state *s, struct app *app)
{
	int k = s->item;

	load_detail(s, app);
	if (k < 0 && s->detail.meeting_id)
		return (struct edit_target){ &entity_vergaderingen, s->detail.meeting_id };
	if (k >= 0 && k < s->detail.ndecisions)
		return (struct edit_target){ &entity_besluiten, s->detail.decisions[k].id };
	k -= s->detail.ndecisions;
	if (k >= 0 && k < s->detail.nactions)
		return (struct edit_target){ &entity_acties, s->detail.actions[k].id };
	return (struct edit_target){ NULL, 0 };
}

/* Left/Right in an open meeting: the meeting before or after it in
 * time, whichever way the list is sorted. */
static void
next_meeting(struct meetings_state *s, struct app *app, int later)
{
	struct list *l = s->list;
	long long was = l->cur;

	/* the newest first (sort 0): later in time is up the list */
	list_move(l, s->sort == 0 ? -later : later, app->page > 1 ? app->page : 1);
	if (l->cur == was) {
		app_message(app, false, "%s", later > 0 ? _("dit is de laatste vergadering")
							: _("dit is de eerste vergadering"));
		return;
	}
	s->item = s->item_top = 0;
	s->item_t = (struct edit_target){ NULL, 0 };
	s->follow = true;
}

/* Keys while the meeting is open: the cursor walks its decisions and
 * actions; Left/Right go to the previous/next meeting in time; space on
 * what is not an action says to pick one. Enter is the engine's (the
 * item whole), Esc closes the meeting. */
static int
item_key(struct meetings_state *s, struct app *app, enum action a)
{
	int n, page = app->page > 1 ? app->page : 1;

	if (a == ACT_TOGGLE) {	/* an action, or read-only: the engine's toggle says it */
		if (app->readonly || item_selected(s, app).e == &entity_acties)
			return 0;
		app_message(app, true, "%s", _("spatie zet een actie open of gedaan: kies een actie (geen besluit)"));
		return APP_REDRAW;
	}
	load_detail(s, app);
	n = s->detail.ndecisions + s->detail.nactions;
	switch (a) {
	case ACT_UP: set_item(s, s->item - 1); break;
	case ACT_DOWN: set_item(s, s->item + 1); break;
	case ACT_PAGE_UP: set_item(s, s->item - page); break;
	case ACT_PAGE_DOWN: set_item(s, s->item + page); break;
	case ACT_HOME: set_item(s, 0); break;
	case ACT_END: set_item(s, n - 1); break;
	case ACT_LEFT: next_meeting(s, app, -1); break;
	case ACT_RIGHT: next_meeting(s, app, 1); break;
	case ACT_BACK: s->open = false; break;
	default: return 0;
	}
	return APP_REDRAW;
}

static int
meetings_key(struct view *v, struct app *app, enum action a)
{
	struct meetings_state *s = v->priv;

	if (!meeting_list(s, app))
		return 0;
	if (s->open)
		return item_key(s, app, a);
	switch (a) {
	case ACT_OPEN:
		if (list_count(s->list) == 0)
			return 0;
		s->open = true;
		s->item_t = (struct edit_target){ NULL, 0 };
		s->item = s->item_top = 0;
		s->detail_id = -1;	/* read it again: what is selected starts at the first */
		s->follow = true;
		return APP_REDRAW;
	case ACT_SORT:
		s->sort = (s->sort + 1) % meetings_sorts();
		meetings_sort(s->list, s->sort);
		app_message(app, false, _("sortering: %s"), meetings_sort_label(s->sort));
		return APP_REDRAW;
	case ACT_FILTER:
		app_message(app, false, "%s", _("vergaderingen hebben geen status om op te filteren"));
		return APP_REDRAW;
	default:
		return 0;
	}
}

/* The wheel scrolls the pane under the pointer: the list, or the
 * meeting's decisions and actions (in an open meeting by moving its
 * cursor, so that e never acts on an item out of sight); a click selects
 * a meeting, a second one opens it. */
static int
meetings_mouse(struct view *v, struct app *app, long long item, int wheel)
{
	struct meetings_state *s = v->priv;
	struct list *l = s->list;

	if (!l)
		return 0;
	if (wheel) {
		if (s->open) {		/* the cursor moves, the items follow it */
			load_detail(s, app);
			set_item(s, s->item + wheel * WHEEL_ITEMS);
		} else if (item == PANE_DETAIL) {	/* no cursor there: it scrolls */
			s->item_top += wheel * WHEEL_ITEMS;
			if (s->item_top < 0)
				s->item_top = 0;
			s->follow = false;
		} else {
			list_move(l, wheel * WHEEL_ITEMS, app->page > 1 ? app->page : 1);
		}
		return APP_REDRAW;
	}
	if (l->cur == item)
		return app_action(app, ACT_OPEN);
	l->cur = item;
	list_scroll(l, app->page);
	return APP_REDRAW;
}

/* A meeting, or a decision in its meeting: the meeting opens and the
 * cursor goes to the decision. */
static const char *
meetings_show_entry(struct view *v, struct app *app, const struct search_hit *h)
{
	struct meetings_state *s = v->priv;

	if (h->e != &entity_vergaderingen && h->e != &entity_besluiten)
		return NULL;
	app_show(app, v->ops, 0);
	if (!s->list || list_select_id(s->list, h->ref) < 0)
		return NULL;
	if (h->e == &entity_vergaderingen)
		return _("vergadering");
	s->open = true;
	s->item_t = (struct edit_target){ h->e, h->id };
	s->detail_id = -1;
	load_detail(s, app);
	return _("besluit");
}

static struct edit_target
meetings_selected(struct view *v, struct app *app)
{
	struct meetings_state *s = v->priv;

	if (s->open)
		return item_selected(s, app);
	return edit_list_selected(&entity_vergaderingen, s->list);
}

static void
meetings_select(struct view *v, struct app *app, const struct entity *e, long long id)
{
	struct meetings_state *s = v->priv;

	if (e == &entity_vergaderingen && s->list) {
		list_select_id(s->list, id);
		if (s->open) {	/* the meeting itself was changed from inside */
			s->item_t = (struct edit_target){ e, id };
			s->detail_id = -1;
			load_detail(s, app);
		}
	} else if (s->open && (e == &entity_besluiten || e == &entity_acties)) {
		s->item_t = (struct edit_target){ e, id };
		s->detail_id = -1;
		load_detail(s, app);
	}
}

/* No filter; the sort only on the list; Esc closes an open meeting. */
static bool
meetings_offers(const struct view *v, const struct app *app, enum action a)
{
	const struct meetings_state *s = v->priv;

	(void)app;
	if (a == ACT_FILTER)
		return false;
	if (a == ACT_SORT)
		return !s->open;
	return true;
}

/* `a`: a meeting; in an open meeting the question whether a besluit or
 * an actie, which then gets the meeting filled in. */
static int
meetings_add(struct view *v, struct app *app, const struct entity *kind)
{
	static const struct entity *const kinds[] = { &entity_besluiten, &entity_acties };
	struct meetings_state *s = v->priv;
	const struct list_row *row;
	struct meeting_row m;
	char ctx[64], date[32];

	if (!s->open)
		return edit_new(app, &entity_vergaderingen, NULL, NULL, NULL);
	if (!kind)
		return edit_ask_kind(app, _("Toevoegen aan deze vergadering:"), kinds, 2);
	list_ensure(s->list, s->list->cur, 1);
	if (!(row = list_row(s->list, s->list->cur))) {
		app_message(app, true, "%s", _("geen vergadering geselecteerd"));
		return APP_REDRAW;
	}
	m = meeting_row(row);
	if (edit_meeting_unreachable(app, m.id, m.datum))
		return APP_REDRAW;
	date_format_short(m.datum, date, sizeof(date));
	snprintf(ctx, sizeof(ctx), _("vergadering %s"), date);
	return edit_new_in_meeting(app, kind, m.datum, m.soort, ctx);
}

static const struct view_key keys[] = {
	{ "7", 0, N_("Vergaderingen") },
};

const struct view_ops view_meetings = {
	.name = N_("Vergaderingen"),
	.keys = keys,
	.nkeys = 1,
	.open = meetings_open,
	.close = meetings_close,
	.show = meetings_show,
	.layout = meetings_layout,
	.draw = meetings_draw,
	.status = meetings_status,
	.key = meetings_key,
	.list = meetings_list_op,
	.mouse = meetings_mouse,
	.show_entry = meetings_show_entry,
	.selected = meetings_selected,
	.select = meetings_select,
	.add = meetings_add,
	.invalidate = meetings_invalidate,
	.offers = meetings_offers,
};
