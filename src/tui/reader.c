/*
 * The reader (include/tui/reader.h): one entry whole, every field of its
 * entity table with its label and its value wrapped, over the view. It
 * reads the entry when opened and again when the data changes; layout
 * wraps and keeps the scroll in range, drawing is pure.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/reader.h"
#include "tui/app.h"
#include "core/alloc.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/db.h"
#include "store/read.h"

#define LABEL_MAX 16	/* the label column at most */

struct reader {
	struct edit_target t;
	char *vals[ENTITY_MAX_FIELDS];	/* as stored (db_get) */
	char changed[120];		/* "laatst gewijzigd" */
	int top;			/* first line shown */
	/* the last layout */
	int order[ENTITY_MAX_FIELDS];	/* fields in the order shown: the title first */
	int lines[ENTITY_MAX_FIELDS];	/* lines each takes at this width */
	int labelw;			/* the label column */
	int total;			/* lines of all fields, and "laatst gewijzigd" */
	int rows;			/* lines the body shows */
};

/* Reads entry t into r. 1, 0 when gone, -1 on another failure (the
 * message set). */
static int
load(struct app *app, struct reader *r, struct edit_target t)
{
	char *vals[ENTITY_MAX_FIELDS] = { 0 };
	enum result rc = db_get(app->db, t.e, t.id, vals);

	if (rc < 0) {
		db_free_row(t.e, vals);
		if (rc != RES_NOT_FOUND)
			app_result(app, db_result(app->db));
		return rc == RES_NOT_FOUND ? 0 : -1;
	}
	if (r->t.e)
		db_free_row(r->t.e, r->vals);
	memcpy(r->vals, vals, sizeof(vals));
	r->t = t;
	return 1;
}

bool
reader_open(struct app *app, struct edit_target t)
{
	struct reader *r;
	int rc;

	if (!t.e) {
		app_message(app, true, "%s", _("niets geselecteerd om te lezen"));
		return false;
	}
	r = xcalloc(1, sizeof(*r));
	if ((rc = load(app, r, t)) <= 0) {
		if (rc == 0)
			app_message(app, true, "%s", _("dat bestaat niet meer"));
		free(r);
		return false;
	}
	reader_close(app);
	app->reader = r;
	return true;
}

void
reader_close(struct app *app)
{
	struct reader *r = app->reader;

	if (!r)
		return;
	if (r->t.e)
		db_free_row(r->t.e, r->vals);
	free(r);
	app->reader = NULL;
}

struct edit_target
reader_target(const struct app *app)
{
	return app->reader ? app->reader->t : (struct edit_target){ NULL, 0 };
}

void
reader_scroll(struct app *app, int lines)
{
	if (app->reader) {
		app->reader->top += lines;
		if (app->reader->top < 0)
			app->reader->top = 0;	/* layout keeps the other end */
	}
}

int
reader_action(struct app *app, enum action a)
{
	struct reader *r = app->reader;
	int page = r->rows > 1 ? r->rows - 1 : 1;

	switch (a) {
	case ACT_UP: reader_scroll(app, -1); return APP_REDRAW;
	case ACT_DOWN: reader_scroll(app, 1); return APP_REDRAW;
	case ACT_PAGE_UP: reader_scroll(app, -page); return APP_REDRAW;
	case ACT_PAGE_DOWN: reader_scroll(app, page); return APP_REDRAW;
	case ACT_HOME: r->top = 0; return APP_REDRAW;
	case ACT_END: r->top = 1 << 20; return APP_REDRAW;	/* layout brings it back */
	case ACT_OPEN:
	case ACT_BACK:
		reader_close(app);
		return APP_REDRAW;
	default:
		reader_close(app);
		return app_action(app, a);
	}
}

void
reader_invalidate(struct app *app)
{
	struct reader *r = app->reader;
	int rc;

	if (!r)
		return;
	if ((rc = load(app, r, r->t)) == 0) {
		const char *what = _(r->t.e->words->this_one);

		reader_close(app);
		/* TRANSLATORS: %s is an entry with its article: "deze
		   actielijn", "dit besluit" ("this actielijn") */
		app_message(app, true, _("%s bestaat niet meer"), what);
	}
}

/* What field j shows: dates and meetings as "4 mrt 2024", a status or
 * soort in the language shown, the rest as stored; "" when empty. */
static const char *
shown(const struct reader *r, int j, char *buf, size_t bufsz)
{
	const struct field *f = &r->t.e->fields[j];
	const char *v = r->vals[j] ? r->vals[j] : "";

	if (*v && (f->type == FT_DATE || f->type == FT_DATE_START || f->type == FT_DATE_END ||
		   f->type == FT_MEETING)) {
		date_format_short(v, buf, bufsz);
		return *buf ? buf : v;
	}
	return field_value_word(f, v);
}

void
reader_layout(struct app *app, struct rect body)
{
	struct reader *r = app->reader;
	const struct entity *e;
	char buf[32];
	int n = 0, vw;

	if (!r)
		return;
	e = r->t.e;
	snprintf(r->changed, sizeof(r->changed), "%s", app_last_changed(app, e, r->t.id));
	r->order[n++] = e->title;
	for (int j = 0; j < e->nfields; j++)
		if (j != e->title)
			r->order[n++] = j;
	r->labelw = 0;
	for (int j = 0; j < e->nfields; j++) {
		int w = text_width(field_label(&e->fields[j]));

		if (w > r->labelw)
			r->labelw = w;
	}
	if (r->labelw > LABEL_MAX)
		r->labelw = LABEL_MAX;
	vw = body.w - 4 - r->labelw;
	r->total = 0;
	for (int k = 0; k < e->nfields; k++) {
		int lines = grid_wrap(NULL, (struct rect){ 0, 0, vw, 0 }, ROLE_NORMAL,
				      shown(r, r->order[k], buf, sizeof(buf)), 0);

		r->lines[k] = lines < 1 ? 1 : lines;
		r->total += r->lines[k] + (k == 0);	/* a blank line after the title */
	}
	if (*r->changed)
		r->total += 2;
	r->rows = body.h - 1 > 1 ? body.h - 1 : 1;
	app->page = r->rows;
	if (r->top > r->total - r->rows)
		r->top = r->total - r->rows;
	if (r->top < 0)
		r->top = 0;
}

void
reader_draw(const struct app *app, struct grid *g, struct rect body)
{
	const struct reader *r = app->reader;
	const struct entity *e;
	char head[200], buf[32], line[200];
	int y0 = body.y + 1, at = 0, vx;

	if (!r)
		return;
	e = r->t.e;
	vx = body.x + 2 + r->labelw + 2;
	grid_fill(g, body, L' ', ROLE_NORMAL);
	snprintf(head, sizeof(head), "%s", _(e->words->kind));
	if (head[0] >= 'a' && head[0] <= 'z')
		head[0] = (char)(head[0] - 32);
	render_heading(g, (struct rect){ body.x, body.y, body.w, 1 }, head, true);
	if (r->total > r->rows) {
		char a[32], b[32], c[32];

		snprintf(line, sizeof(line), _(" regel %s–%s van %s "), i18n_count(r->top + 1, a),
			 i18n_count(r->top + r->rows < r->total ? r->top + r->rows : r->total, b),
			 i18n_count(r->total, c));
		grid_text_right(g, body.x + 1, body.y, body.w - 2, ROLE_TITLE_SEL, line);
	}
	for (int k = 0; k < e->nfields; k++) {
		int j = r->order[k], n = r->lines[k], skip = r->top - at, y, h;

		if (skip < n && at + n > r->top && at < r->top + r->rows) {
			if (skip < 0)
				skip = 0;
			y = y0 + (at > r->top ? at - r->top : 0);
			h = n - skip;
			if (y + h > y0 + r->rows)
				h = y0 + r->rows - y;
			if (skip == 0)
				grid_text(g, body.x + 2, y, r->labelw, ROLE_BOLD, field_label(&e->fields[j]));
			if (*shown(r, j, buf, sizeof(buf)))
				grid_wrap(g, (struct rect){ vx, y, body.x + body.w - 2 - vx, h },
					  k == 0 ? ROLE_BOLD : ROLE_NORMAL, shown(r, j, buf, sizeof(buf)), skip);
			else if (skip == 0)
				grid_text(g, vx, y, 1, ROLE_DIM, "—");
		}
		at += n + (k == 0);
	}
	if (*r->changed && at + 1 >= r->top && at + 1 < r->top + r->rows) {
		snprintf(line, sizeof(line), _("laatst gewijzigd: %s"), r->changed);
		grid_text(g, body.x + 2, y0 + at + 1 - r->top, body.w - 4, ROLE_DIM, line);
	}
}

void
reader_status(const struct app *app, char *title, size_t titlesz, char *pos, size_t possz)
{
	const struct reader *r = app->reader;

	snprintf(title, titlesz, "%s", _(r->t.e->words->kind));
	if (title[0] >= 'a' && title[0] <= 'z')
		title[0] = (char)(title[0] - 32);
	char a[32], b[32];

	if (r->total > r->rows)
		snprintf(pos, possz, _("regel %s van %s"), i18n_count(r->top + 1, a), i18n_count(r->total, b));
	else
		pos[0] = '\0';
}
