/*
 * Wijzigingen: what changed since the last AB meeting (the newest
 * AB-vergadering on or before today), or since a date typed after `f`,
 * grouped by domain, newest first, with the selected change in full
 * under the list. Enter shows the entry where it lives. The changes are
 * net (model/changes.h): what was undone is no change.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "tui/app.h"
#include "core/date.h"
#include "core/entity.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/db.h"
#include "model/changes.h"
#include "model/report.h"

#define MAX_CHANGES 2000	/* listed at most; the report lists them all */
#define WHEN_W 18		/* "25 jan 2024 14:05" */
#define KIND_W 12

/* A line of the list: a domain's heading or a change. */
struct line {
	int change;		/* index into ch.v, -1: a heading */
	long long domain;	/* the heading's domain */
};

struct changes_state {
	bool loaded;
	struct changes ch;
	struct line *lines;
	int nlines;
	int cur;		/* the selected change (index into ch.v) */
	int top;		/* the first line shown */
	char since[11];		/* what ch is since ("": no AB meeting yet) */
	char typed_since[11];	/* a date typed with f; "" = the last AB */
	bool typing;		/* f: a date is being typed */
	char input[32];
	/* the last layout */
	int rows;		/* lines of the list on screen */
	int detail_h;
};

static void *
changes_open(struct app *app)
{
	(void)app;
	return xcalloc(1, sizeof(struct changes_state));
}

static void
changes_close(void *priv)
{
	struct changes_state *s = priv;

	changes_free(&s->ch);
	free(s->lines);
	free(s);
}

static void
changes_invalidate(struct view *v, struct app *app)
{
	struct changes_state *s = v->priv;

	(void)app;
	s->loaded = false;
}

/* The lines of the list: a heading before each domain's changes. */
static void
build_lines(struct changes_state *s)
{
	long long dom = -1;

	free(s->lines);
	s->nlines = 0;
	s->lines = xcalloc((size_t)s->ch.n * 2 + 1, sizeof(*s->lines));
	for (int i = 0; i < s->ch.n; i++) {
		if (i == 0 || s->ch.v[i].domain != dom) {
			dom = s->ch.v[i].domain;
			s->lines[s->nlines++] = (struct line){ -1, dom };
		}
		s->lines[s->nlines++] = (struct line){ i, dom };
	}
}

/* Reads the changes since the typed date or the last AB meeting, keeping
 * the selected one selected when it is still there. */
static void
load(struct changes_state *s, struct app *app)
{
	struct meeting_brief last, next;
	const struct entity *sel_e = NULL;
	long long sel_id = 0;

	if (s->loaded)
		return;
	s->loaded = true;
	if (s->cur >= 0 && s->cur < s->ch.n) {
		sel_e = s->ch.v[s->cur].e;
		sel_id = s->ch.v[s->cur].id;
	}
	snprintf(s->since, sizeof(s->since), "%s", s->typed_since);
	if (!*s->since) {
		if (report_meetings(app->db, app->today, &last, &next) < 0) {
			app_result(app, db_result(app->db));
			return;
		}
		snprintf(s->since, sizeof(s->since), "%s", last.datum);
	}
	changes_free(&s->ch);
	if (*s->since && changes_since(app->db, s->since, MAX_CHANGES, &s->ch) < 0)
		app_result(app, db_result(app->db));
	build_lines(s);
	s->cur = 0;
	for (int i = 0; i < s->ch.n; i++)
		if (s->ch.v[i].e == sel_e && s->ch.v[i].id == sel_id)
			s->cur = i;
}

/* The line of change i. */
static int
line_of(const struct changes_state *s, int change)
{
	for (int i = 0; i < s->nlines; i++)
		if (s->lines[i].change == change)
			return i;
	return 0;
}

/* Keeps the selected change and the heading above it in sight. */
static void
scroll(struct changes_state *s)
{
	int l = line_of(s, s->cur), rows = s->rows > 0 ? s->rows : 1;

	if (l - 1 < s->top)
		s->top = l > 0 ? l - 1 : 0;
	if (l >= s->top + rows)
		s->top = l - rows + 1;
	if (s->top < 0)
		s->top = 0;
}

static bool
changes_show(struct view *v, struct app *app, int arg)
{
	(void)arg;
	load(v->priv, app);
	return true;
}

static int
changes_tabs(const struct view *v, const struct app *app, int width, int others, struct tab *out, int max)
{
	(void)width;
	(void)others;
	if (max < 1)
		return 0;
	memset(out, 0, sizeof(*out));
	snprintf(out->label, sizeof(out->label), "%s %s", v->ops->keys[0].key, _(v->ops->name));
	out->active = &app->views[app->view] == v;
	/* at 80 columns there is no room for one more tab: it is left out
	 * rather than shorten the others to their keys */
	out->optional = true;
	return 1;
}

static void
changes_layout(struct view *v, struct app *app, struct rect body)
{
	struct changes_state *s = v->priv;

	load(s, app);
	s->detail_h = body.h >= 20 ? 7 : 4;
	s->rows = body.h - 1 - s->detail_h;
	app->page = s->rows > 0 ? s->rows : 1;
	if (s->cur >= s->ch.n)
		s->cur = s->ch.n ? s->ch.n - 1 : 0;
	scroll(s);
	for (int i = 0; i < s->rows && s->top + i < s->nlines; i++)
		if (s->lines[s->top + i].change >= 0)
			app_zone(app, (struct rect){ body.x, body.y + 1 + i, body.w, 1 }, ZONE_ITEM,
				 s->lines[s->top + i].change);
}

/* What happened, in a word. */
static const char *
kind_word(enum change_kind k)
{
	switch (k) {
	case CHANGE_ADDED: return _("toegevoegd");
	case CHANGE_CHANGED: return _("gewijzigd");
	case CHANGE_CLOSED: return _("afgesloten");
	case CHANGE_DONE: return _("gedaan");
	case CHANGE_REMOVED: return _("verwijderd");
	case CHANGE_ADDED_MANY: return _("geïmporteerd");
	}
	return "";
}

/* "25 jan 2024 14:05" from "2024-01-25 14:05". */
static void
when_short(const char *when, char *out, size_t sz)
{
	char iso[11], d[32];

	snprintf(iso, sizeof(iso), "%.10s", when);
	date_format_short(iso, d, sizeof(d));
	snprintf(out, sz, "%s %s", d, strlen(when) > 11 ? when + 11 : "");
}

/* A changed field's value as shown, as the report shows it: "(leeg)",
 * a date as "4 mrt 2024", a status in the language shown. */
static const char *
value_text(const struct change *c, const struct change_field *f, const char *v, char *buf, size_t sz)
{
	int j = entity_field_index(c->e, f->column);
	const struct field *fd = j >= 0 ? &c->e->fields[j] : NULL;

	if (!*v)
		return fd && fd->type == FT_ENUM && strcmp(f->column, "status") == 0 ? status_word(v) : _("(leeg)");
	if (fd && (fd->type == FT_DATE || fd->type == FT_DATE_START || fd->type == FT_DATE_END)) {
		date_format_short(v, buf, sz);
		return *buf ? buf : v;
	}
	return fd ? field_value_word(fd, v) : v;
}

/* One changed field: "Status: gepland → lopend". */
static void
field_text(const struct change *c, const struct change_field *f, char *out, size_t sz)
{
	char a[32], b[32];

	/* TRANSLATORS: a field, its old and its new value. */
	snprintf(out, sz, _("%s: %s → %s"), _(f->label), value_text(c, f, f->old, a, sizeof(a)),
		 value_text(c, f, f->new, b, sizeof(b)));
}

/* The fields a change changed, "Status: gepland → lopend; ..." */
static void
fields_text(const struct change *c, char *out, size_t sz)
{
	size_t len = 0;
	char one[600];

	*out = '\0';
	for (int i = 0; i < c->nfields && len < sz; i++) {
		field_text(c, &c->fields[i], one, sizeof(one));
		len += (size_t)snprintf(out + len, sz - len, "%s%s", i ? "; " : "", one);
	}
}

/* What a change is about: "12 actielijnen" for an import, else its title. */
static void
what_text(const struct change *c, char *out, size_t sz)
{
	if (c->kind == CHANGE_ADDED_MANY)
		entity_count_text(c->e, c->count, out, sz);
	else
		snprintf(out, sz, "%s", c->title);
}

/* What happened to the entry, in the kind's own words (struct
 * entity_words): "actielijn gewijzigd", "actie gedaan". */
static const char *
happened(const struct change *c)
{
	const struct entity_words *w = c->e->words;

	switch (c->kind) {
	case CHANGE_ADDED: return _(w->added);
	case CHANGE_REMOVED: return _(w->deleted);
	case CHANGE_CLOSED: return _(w->closed ? w->closed : w->changed);
	case CHANGE_DONE: return _("actie gedaan");
	case CHANGE_CHANGED: return _(w->changed);
	case CHANGE_ADDED_MANY: break;
	}
	return "";
}

/* The name of a domain for a heading. */
static const char *
domain_name(const struct app *app, long long id)
{
	int d = domains_find(&app->domains, id);

	return d >= 0 ? app->domains.dom[d].naam : _("Zonder domein: vergaderingen, besluiten, acties");
}

static void
draw_change(const struct app *app, struct grid *g, const struct change *c, int x, int y, int w, bool sel)
{
	char when[48], what[600], fields[1200], line[2000];
	int end = x + w;

	when_short(c->when, when, sizeof(when));
	x += grid_text(g, x, y, WHEN_W, ROLE_DIM, when);
	x = end - w + WHEN_W;
	grid_text(g, x, y, KIND_W - 1, c->kind == CHANGE_REMOVED ? ROLE_OVERDUE : ROLE_BOLD, kind_word(c->kind));
	x += KIND_W;
	what_text(c, what, sizeof(what));
	fields_text(c, fields, sizeof(fields));
	/* the kind as a label, as the report's list and the log name it */
	snprintf(line, sizeof(line), "%s “%s”%s%s", _(c->e->words->kind), what, *fields ? "  " : "", fields);
	if (c->kind == CHANGE_ADDED_MANY)
		snprintf(line, sizeof(line), "%s", what);
	grid_text(g, x, y, end - x, ROLE_NORMAL, line);
	if (sel)
		grid_paint(g, end - w, y, w, ROLE_SEL);
	(void)app;
}

/* The selected change in full: what, when and by whom, each field. */
static void
draw_detail(const struct changes_state *s, struct grid *g, struct rect r)
{
	const struct change *c = &s->ch.v[s->cur];
	char when[48], what[600], line[1400];
	int y = r.y;

	when_short(c->when, when, sizeof(when));
	what_text(c, what, sizeof(what));
	if (c->kind == CHANGE_ADDED_MANY)
		/* TRANSLATORS: a number of entries of a kind ("12 actielijnen") */
		snprintf(line, sizeof(line), _("%s geïmporteerd"), what);
	else
		snprintf(line, sizeof(line), "%s: %s", happened(c), what);
	if (line[0] >= 'a' && line[0] <= 'z')	/* a heading: "Actielijn gewijzigd: …" */
		line[0] = (char)(line[0] - 32);
	/* at most two lines, cut with "…"; the time and the fields follow */
	y += render_wrap(g, (struct rect){ r.x, y, r.w, 2 }, ROLE_BOLD, line, 0) > 1 ? 2 : 1;
	if (y < r.y + r.h) {
		snprintf(line, sizeof(line), _("%s door %s"), when, c->who);
		grid_text(g, r.x, y++, r.w, ROLE_DIM, line);
	}
	for (int i = 0; i < c->nfields && y < r.y + r.h; i++, y++) {
		field_text(c, &c->fields[i], line, sizeof(line));
		grid_text(g, r.x, y, r.w, ROLE_NORMAL, line);
	}
}

static void
changes_draw(const struct view *v, const struct app *app, struct grid *g, struct rect body)
{
	const struct changes_state *s = v->priv;
	char head[300], d[32], n[32];
	int dh = s->detail_h;

	date_format_short(s->since, d, sizeof(d));
	if (s->typing)
		snprintf(head, sizeof(head), _("Wijzigingen sinds (datum, leeg = laatste AB-vergadering): %s▏"),
			 s->input);
	else if (!*s->since)
		snprintf(head, sizeof(head), "%s", _("Wijzigingen: er is nog geen AB-vergadering (f = sinds een datum)"));
	else if (*s->typed_since)
		snprintf(head, sizeof(head), _("Wijzigingen sinds %s: %s (f = andere datum)"), d,
			 i18n_count(s->ch.n, n));
	else
		snprintf(head, sizeof(head), _("Wijzigingen sinds de laatste AB-vergadering, %s: %s (f = andere datum)"),
			 d, i18n_count(s->ch.n, n));
	render_heading(g, (struct rect){ body.x, body.y, body.w, 1 }, head, s->typing);
	for (int i = 0; i < s->rows && s->top + i < s->nlines; i++) {
		const struct line *l = &s->lines[s->top + i];
		int y = body.y + 1 + i;

		if (l->change < 0)
			grid_text(g, body.x + 1, y, body.w - 2, ROLE_BOLD, domain_name(app, l->domain));
		else
			draw_change(app, g, &s->ch.v[l->change], body.x + 2, y, body.w - 3, l->change == s->cur);
	}
	if (s->ch.n == 0 && *s->since)
		grid_text(g, body.x + 1, body.y + 2, body.w - 2, ROLE_DIM, _("Niets gewijzigd sinds die datum."));
	render_hline(g, body.x, body.y + body.h - dh, body.w);
	if (s->ch.n > 0)
		draw_detail(s, g, (struct rect){ body.x + 1, body.y + body.h - dh + 1, body.w - 2, dh - 1 });
	if (s->ch.more > 0) {
		snprintf(head, sizeof(head), _("en nog %s (snw report --since toont ze alle)"), i18n_count(s->ch.more, n));
		grid_text(g, body.x + 1, body.y + body.h - 1, body.w - 2, ROLE_DIM, head);
	}
}

static void
changes_status(const struct view *v, const struct app *app, char *title, size_t titlesz, char *pos,
	       size_t possz)
{
	const struct changes_state *s = v->priv;
	char a[32], b[32];

	(void)app;
	(void)title;
	(void)titlesz;
	if (s->ch.n)
		snprintf(pos, possz, _("wijziging %s/%s"), i18n_count(s->cur + 1, a), i18n_count(s->ch.n, b));
	else
		*pos = '\0';
}

/* Enter: the entry where it is shown. */
static int
open_change(struct changes_state *s, struct app *app)
{
	const struct change *c;

	if (s->cur < 0 || s->cur >= s->ch.n)
		return APP_REDRAW;
	c = &s->ch.v[s->cur];
	if (c->kind == CHANGE_REMOVED) {
		/* TRANSLATORS: %s is an entry with its article: "deze actielijn" */
		app_message(app, true, _("%s is verwijderd en staat nergens meer"), _(c->e->words->this_one));
		return APP_REDRAW;
	}
	if (!app_open_entry(app, &(struct search_hit){ c->e, c->id, c->ref }))
		app_message(app, true, _("%s wordt in geen weergave getoond"), _(c->e->words->this_one));
	return APP_REDRAW;
}

static void
move(struct changes_state *s, int delta)
{
	s->cur += delta;
	if (s->cur >= s->ch.n)
		s->cur = s->ch.n - 1;
	if (s->cur < 0)
		s->cur = 0;
	scroll(s);
}

static int
changes_key(struct view *v, struct app *app, enum action a)
{
	struct changes_state *s = v->priv;
	int page = s->rows > 1 ? s->rows - 1 : 1;

	switch (a) {
	case ACT_UP: move(s, -1); break;
	case ACT_DOWN: move(s, 1); break;
	case ACT_PAGE_UP: move(s, -page); break;
	case ACT_PAGE_DOWN: move(s, page); break;
	case ACT_HOME: move(s, -s->ch.n); break;
	case ACT_END: move(s, s->ch.n); break;
	case ACT_OPEN: return open_change(s, app);
	case ACT_FILTER:
		s->typing = true;
		snprintf(s->input, sizeof(s->input), "%s", s->typed_since);
		break;
	case ACT_SORT:
		app_message(app, false, "%s", _("de wijzigingen staan per domein, nieuwste eerst"));
		break;
	default:
		return 0;
	}
	return APP_REDRAW;
}

/* Typing the date: Enter shows the changes since it (nothing typed: since
 * the last AB meeting), Esc keeps what was shown. */
static int
changes_text_key(struct view *v, struct app *app, int key)
{
	struct changes_state *s = v->priv;
	size_t len = strlen(s->input);
	char iso[11];

	if (!s->typing)
		return -1;
	if (key == KC_ESC) {
		s->typing = false;
	} else if (key == KC_ENTER || key == '\r') {
		if (*s->input && !date_parse(s->input, DATE_POINT, iso)) {
			app_message(app, true, _("'%s' is geen datum (verwacht: een datum zoals 25-1-2024)"), s->input);
			return APP_REDRAW;
		}
		snprintf(s->typed_since, sizeof(s->typed_since), "%s", *s->input ? iso : "");
		s->typing = false;
		s->loaded = false;
		s->cur = 0;
		s->top = 0;
		load(s, app);
	} else if (key == KC_BACKSPACE || key == '\b') {
		while (len > 0 && ((unsigned char)s->input[len - 1] & 0xc0) == 0x80)
			len--;
		if (len > 0)
			len--;
		s->input[len] = '\0';
	} else if (key >= ' ' && key < KC_SPECIAL && key != 127) {
		char u[5] = { 0 };

		text_utf8_encode((uint32_t)key, u);
		if (len + strlen(u) < sizeof(s->input))
			strcat(s->input, u);
	}
	return APP_REDRAW;
}

/* The wheel scrolls, a click selects, a second click opens. */
static int
changes_mouse(struct view *v, struct app *app, long long item, int wheel)
{
	struct changes_state *s = v->priv;

	if (wheel) {
		move(s, wheel * 3);
		return APP_REDRAW;
	}
	if (item == s->cur)
		return open_change(s, app);
	s->cur = (int)item;
	return APP_REDRAW;
}

static const struct view_key keys[] = {
	{ "9", 0, N_("Wijzigingen sinds de laatste AB-vergadering (f: sinds een datum)") },
};

/* One order (by domain, newest first), nothing to add or select here:
 * the status line offers no s, a or e (f asks for a date). */
static bool
changes_offers(const struct view *v, const struct app *app, enum action a)
{
	(void)v;
	(void)app;
	return a != ACT_SORT;
}

const struct view_ops view_changes = {
	.name = N_("Wijzigingen"),
	.keys = keys,
	.nkeys = 1,
	.open = changes_open,
	.close = changes_close,
	.show = changes_show,
	.tabs = changes_tabs,
	.layout = changes_layout,
	.draw = changes_draw,
	.status = changes_status,
	.key = changes_key,
	.text_key = changes_text_key,
	.mouse = changes_mouse,
	.invalidate = changes_invalidate,
	.offers = changes_offers,
};
