/*
 * The document stream (cli/doc.h): hands each block to the writer of the
 * chosen format, closing a list, table or key/value block that is still
 * open when another block starts, and the helpers the writers share:
 * safe text, the status words and glyphs, a status bar and the Gantt
 * chart drawn with characters.
 */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/date.h"
#include "core/entity.h"
#include "core/i18n.h"
#include "core/text.h"
#include "doc_priv.h"

bool
doc_format_parse(const char *name, enum doc_format *f)
{
	if (strcmp(name, "text") == 0 || strcmp(name, "txt") == 0)
		*f = DOC_TEXT;
	else if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*f = DOC_MARKDOWN;
	else if (strcmp(name, "html") == 0)
		*f = DOC_HTML;
	else
		return false;
	return true;
}

struct doc *
doc_new(enum doc_format f, FILE *fp, int width)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	d->format = f;
	d->fp = fp;
	d->width = width > 20 ? width : 78;
	d->ops = f == DOC_HTML ? &doc_html_ops : f == DOC_MARKDOWN ? &doc_markdown_ops : &doc_text_ops;
	return d;
}

/* Ends the block that is open, if any. */
static void
close_open(struct doc *d)
{
	enum doc_open o = d->open;

	d->open = OPEN_NONE;
	if (o == OPEN_PAIRS)
		d->ops->pairs_end(d);
	else if (o == OPEN_LIST)
		d->ops->list_end(d);
	else if (o == OPEN_TABLE)
		d->ops->table_end(d);
	if (o == OPEN_TABLE)
		for (int i = 0; i < d->ncols; i++) {
			free(d->heads[i]);
			d->heads[i] = NULL;
		}
}

/* Makes sure the document has begun (a builder that forgot its title
 * still gets a whole file). */
static void
ensure_title(struct doc *d)
{
	if (!d->titled) {
		d->titled = true;
		d->ops->title(d, "", NULL);
	}
}

int
doc_close(struct doc *d)
{
	int rc;

	if (!d)
		return 0;
	ensure_title(d);
	close_open(d);
	d->ops->end(d);
	if (d->ops->free)
		d->ops->free(d);
	rc = fflush(d->fp) != 0 || ferror(d->fp) ? -1 : 0;
	free(d);
	return rc;
}

void
doc_title(struct doc *d, const char *title, const char *subtitle)
{
	if (d->titled)
		return;
	d->titled = true;
	d->ops->title(d, title ? title : "", subtitle);
}

void
doc_heading(struct doc *d, int level, const char *text, unsigned flags)
{
	ensure_title(d);
	close_open(d);
	d->ops->heading(d, level < 2 ? 2 : level > 4 ? 4 : level, text ? text : "", flags);
}

void
doc_para(struct doc *d, const char *text, unsigned flags)
{
	ensure_title(d);
	close_open(d);
	d->ops->para(d, text ? text : "", flags);
}

void
doc_pairs_begin(struct doc *d)
{
	ensure_title(d);
	close_open(d);
	d->open = OPEN_PAIRS;
	d->ops->pairs_begin(d);
}

void
doc_pair(struct doc *d, const char *key, const char *value)
{
	if (d->open != OPEN_PAIRS)
		doc_pairs_begin(d);
	d->ops->pair(d, key ? key : "", value ? value : "");
}

void
doc_pairs_end(struct doc *d)
{
	if (d->open == OPEN_PAIRS)
		close_open(d);
}

void
doc_list_begin(struct doc *d)
{
	ensure_title(d);
	close_open(d);
	d->open = OPEN_LIST;
	d->ops->list_begin(d);
}

void
doc_item(struct doc *d, const char *text)
{
	if (d->open != OPEN_LIST)
		doc_list_begin(d);
	d->ops->item(d, text ? text : "");
}

void
doc_list_end(struct doc *d)
{
	if (d->open == OPEN_LIST)
		close_open(d);
}

void
doc_table_begin(struct doc *d, const char *caption, const struct doc_col *cols, int ncols)
{
	ensure_title(d);
	close_open(d);
	d->ncols = ncols < 1 ? 1 : ncols > DOC_MAX_COLS ? DOC_MAX_COLS : ncols;
	for (int i = 0; i < d->ncols; i++) {
		d->cols[i] = i < ncols ? cols[i] : (struct doc_col){ "", 0, 0 };
		d->heads[i] = doc_safe(d->cols[i].head);
		d->cols[i].head = d->heads[i] ? d->heads[i] : "";
	}
	d->open = OPEN_TABLE;
	d->ops->table_begin(d, caption);
}

void
doc_table_row(struct doc *d, const struct doc_cell *cells, unsigned flags)
{
	if (d->open == OPEN_TABLE)
		d->ops->table_row(d, cells, flags);
}

void
doc_table_end(struct doc *d)
{
	if (d->open == OPEN_TABLE)
		close_open(d);
}

void
doc_bar(struct doc *d, const struct doc_bar *bar)
{
	ensure_title(d);
	close_open(d);
	d->ops->bar(d, bar);
}

void
doc_gantt(struct doc *d, const struct doc_gantt *g)
{
	ensure_title(d);
	close_open(d);
	d->ops->gantt(d, g);
}

/* --- shared helpers ------------------------------------------------------------ */

char *
doc_fmt(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = xmalloc((size_t)n + 1)))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

char *
doc_safe(const char *s)
{
	size_t cap;
	char *out;

	if (!s)
		s = "";
	cap = TEXT_DRAWN_MAX(strlen(s));
	out = xmalloc(cap);
	text_sanitize(out, cap, s, true);
	return out;
}

const char *
doc_status_glyph(const char *status)
{
	static const struct { const char *status, *glyph; } glyphs[] = {
		{ STATUS_LOPEND, "█" }, { STATUS_GEPLAND, "▓" }, { STATUS_AFGEROND, "▒" },
		{ STATUS_GEPAUZEERD, "░" }, { STATUS_GESTOPT, "×" },
	};

	for (size_t i = 0; status && i < sizeof(glyphs) / sizeof(glyphs[0]); i++)
		if (strcmp(status, glyphs[i].status) == 0)
			return glyphs[i].glyph;
	return "·";
}

bool
doc_bar_unrecorded(const struct doc_bar *b)
{
	for (int i = 0; i < b->n; i++)
		if (b->count[i] && b->status[i] && *b->status[i])
			return false;
	return true;
}

char *
doc_bar_counts(const struct doc_bar *b)
{
	char *s = xstrdup(""), count[32];

	for (int i = 0; s && i < b->n; i++) {
		char *t;

		if (!b->count[i])
			continue;
		/* TRANSLATORS: a number of actielijnen and their status, as
		   in "3 gepland"; the parts are joined with ", ". */
		t = doc_fmt(_("%s %s"), i18n_count(b->count[i], count), status_word(b->status[i]));
		if (t && *s) {
			char *u = doc_fmt("%s, %s", s, t);

			free(t);
			t = u;
		}
		free(s);
		s = t;
	}
	return s;
}

char *
doc_bar_text(const struct doc_bar *b, int cells)
{
	char count[32], *counts, *bar, *out;
	int used = 0, k = 0, w[DOC_MAX_STATUS] = { 0 };

	if (b->total == 0)
		return xstrdup(_("geen actielijnen"));
	if (doc_bar_unrecorded(b))
		return doc_fmt(_n("%s actielijn, geen status vastgelegd",
				  "%s actielijnen, geen status vastgelegd", b->total),
			       i18n_count(b->total, count));
	bar = xmalloc((size_t)cells * 4 + 1);
	/* Segments in proportion, each status that occurs at least one
	 * cell, rounding taken from the largest. */
	for (int i = 0; i < b->n; i++) {
		if (!b->count[i])
			continue;
		w[i] = (int)((double)b->count[i] * cells / (double)b->total + 0.5);
		if (w[i] < 1)
			w[i] = 1;
		used += w[i];
	}
	while (used > cells) {
		int big = 0;

		for (int i = 1; i < b->n; i++)
			if (w[i] > w[big])
				big = i;
		w[big]--;
		used--;
	}
	for (int i = 0; i < b->n; i++)
		for (int j = 0; j < w[i]; j++) {
			const char *g = doc_status_glyph(b->status[i]);

			memcpy(bar + k, g, strlen(g));
			k += (int)strlen(g);
		}
	bar[k] = '\0';
	counts = doc_bar_counts(b);
	out = doc_fmt(_n("%s %s actielijn: %s", "%s %s actielijnen: %s", b->total), bar,
		      i18n_count(b->total, count), counts ? counts : "");
	free(counts);
	free(bar);
	return out;
}

bool
doc_year_pos(const char *iso, int year, double *pos)
{
	char a[32], b[32];
	long d, d0, d1;

	if (year < 1 || year > 9998)
		return false;
	snprintf(a, sizeof(a), "%04d-01-01", year);
	snprintf(b, sizeof(b), "%04d-01-01", year + 1);
	if (!iso || !date_to_days(iso, &d) || !date_to_days(a, &d0) || !date_to_days(b, &d1))
		return false;
	*pos = (double)(d - d0) / (double)(d1 - d0);
	return true;
}

/* --- the Gantt chart in characters -------------------------------------------- */

/* A line of cells, each holding one character (UTF-8, up to 4 bytes). */
struct cells {
	int n;
	char (*c)[5];
};

static void
cells_fill(struct cells *l, int from, int to, const char *glyph)
{
	for (int x = from; x < to && x < l->n; x++)
		if (x >= 0)
			snprintf(l->c[x], sizeof(l->c[x]), "%s", glyph);
}

/* Writes text into the cells from x on, one character a cell (wide
 * characters are cut to what fits: the labels are fitted first). */
static void
cells_text(struct cells *l, int x, const char *s)
{
	while (*s && x < l->n) {
		size_t n = text_cluster_len(s, SIZE_MAX);
		char ch[64];

		if (n >= sizeof(ch))
			n = 1;
		memcpy(ch, s, n);
		ch[n] = '\0';
		if (x >= 0) {
			/* one column, one cell: what is wider or longer is a ? */
			if (text_width(ch) != 1 || n >= sizeof(l->c[x]))
				snprintf(ch, sizeof(ch), "?");
			memcpy(l->c[x], ch, strlen(ch) + 1);
		}
		x++;
		s += n;
	}
}

/* The cells as a string without trailing spaces, to fn. */
static void
cells_emit(const struct cells *l, void (*fn)(void *ctx, const char *line), void *ctx)
{
	char *s = xmalloc((size_t)l->n * 5 + 1);
	size_t k = 0, end = 0;

	for (int x = 0; x < l->n; x++) {
		size_t n = strlen(l->c[x]);

		memcpy(s + k, l->c[x], n);
		k += n;
		if (strcmp(l->c[x], " ") != 0)
			end = k;
	}
	s[end] = '\0';
	fn(ctx, s);
	free(s);
}

/* The column of an ISO date on a timeline w wide (w / 12 columns per
 * month, so that the months line up with the axis): *side -1 before the
 * year (column 0), 1 after it (the last column), 0 in it. False when it
 * is no date. */
static bool
date_col(const char *iso, int year, int w, int *col, int *side)
{
	int y, m, d, cw = w / 12;
	long a, b;
	char first[32], next[32];

	if (!iso || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
	    !date_to_days(iso, &a))
		return false;
	*side = y < year ? -1 : y > year ? 1 : 0;
	if (*side) {
		*col = *side < 0 ? 0 : w - 1;
		return true;
	}
	snprintf(first, sizeof(first), "%04d-%02d-01", y, m);
	snprintf(next, sizeof(next), "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
	if (!date_to_days(first, &a) || !date_to_days(next, &b))
		return false;
	*col = (m - 1) * cw + (int)((d - 1) * cw / (b - a));
	return true;
}

/* A label fitted into w columns, with its cells of one column each. */
static void
put_label(struct cells *l, int x, int w, const char *label)
{
	char fit[512];

	text_fit(fit, sizeof(fit), label, w);
	cells_text(l, x, fit);
}

/* A milestone's diamond on line l, when its date is in the year. */
static void
put_mark(struct cells *l, int x0, int w, const struct doc_gantt *g, const struct doc_gantt_mark *m)
{
	int col, side;

	if (date_col(m->date, g->year, w, &col, &side) && side == 0)
		cells_fill(l, x0 + col, x0 + col + 1, "◆");
}

/* One row of the chart: the bar of the period and its milestones. */
static void
gantt_bar(struct cells *l, int x0, int w, const struct doc_gantt *g, int row)
{
	const struct doc_gantt_row *r = &g->rows[row];
	const char *glyph = r->status && *r->status ? doc_status_glyph(r->status) : "━";
	int ca = 0, cb = w - 1, sa = -1, sb = 1;
	bool has_a = *r->start && date_col(r->start, g->year, w, &ca, &sa);
	bool has_b = *r->end && date_col(r->end, g->year, w, &cb, &sb);

	if (!has_a)
		ca = 0;
	if (!has_b)
		cb = w - 1;
	/* Known: from its start (or the year's) to its end; without an end
	 * the rest of the year is dashed, as the dashboard draws it lighter. */
	if (has_b) {
		cells_fill(l, x0 + ca, x0 + cb + 1, glyph);
	} else if (has_a) {
		cells_fill(l, x0 + ca, x0 + w, "┄");
		cells_fill(l, x0 + ca, x0 + ca + 1, glyph);
	}
	if (has_a && sa < 0)
		cells_fill(l, x0, x0 + 1, "◂");
	if (has_b && sb > 0)
		cells_fill(l, x0 + w - 1, x0 + w, "▸");
	for (int m = 0; m < g->nmarks; m++)
		if (g->marks[m].row == row)
			put_mark(l, x0, w, g, &g->marks[m]);
}

/* Today's column on the timeline, or -1. */
static int
today_col(const struct doc_gantt *g, int w)
{
	int col, side;

	if (!g->today || !date_col(g->today, g->year, w, &col, &side) || side)
		return -1;
	return col;
}

/* The axis: quarters, then months. */
static void
gantt_axis(struct cells *l, int x0, int w, int year, bool months,
	   void (*fn)(void *ctx, const char *line), void *ctx)
{
	int parts = months ? 12 : 4, pw = w / parts;

	cells_fill(l, 0, l->n, " ");
	for (int i = 0; i < parts; i++) {
		char label[32];

		if (months)
			snprintf(label, sizeof(label), "%s", date_month_short(i + 1));
		else
			/* TRANSLATORS: a quarter of a year: "K1 2024". */
			snprintf(label, sizeof(label), _("K%d %d"), i + 1, year);
		put_label(l, x0 + i * pw, pw - 1, label);
	}
	cells_emit(l, fn, ctx);
}

/* The chart's legend, its items packed into lines of width columns:
 * the glyph of each status, the dashes of an open end, the milestone and
 * today. */
static void
gantt_legend(const struct doc_gantt *g, bool today, int width,
	     void (*fn)(void *ctx, const char *line), void *ctx)
{
	static const char *const statuses[] = {
		STATUS_LOPEND, STATUS_GEPLAND, STATUS_AFGEROND, STATUS_GEPAUZEERD, STATUS_GESTOPT, "",
	};
	char *items[12], line[1024] = "", date[32];
	int n = 0, col = 0;

	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		items[n++] = doc_fmt("%s %s", *statuses[i] ? doc_status_glyph(statuses[i]) : "━",
				     status_word(statuses[i]));
	items[n++] = doc_fmt("%s", _("┄ zonder einddatum"));
	items[n++] = doc_fmt("%s", _("◆ mijlpaal"));
	date_format_short(g->today ? g->today : "", date, sizeof(date));
	if (today)
		items[n++] = doc_fmt(_("│ vandaag, %s"), date);
	for (int i = 0; i < n; i++) {
		int w = items[i] ? text_width(items[i]) : 0;

		if (!items[i])
			continue;
		if (col && col + 3 + w > width) {
			fn(ctx, line);
			line[0] = '\0';
			col = 0;
		}
		if (col) {
			strcat(line, "   ");
			col += 3;
		}
		if (strlen(line) + strlen(items[i]) < sizeof(line) - 4)
			strcat(line, items[i]);
		col += w;
		free(items[i]);
	}
	if (col)
		fn(ctx, line);
}

void
doc_gantt_lines(const struct doc_gantt *g, int width,
		void (*fn)(void *ctx, const char *line), void *ctx)
{
	int lw = width * 3 / 8, x0 = lw + 1, w = width - x0, tc;
	struct cells l = { width, xcalloc((size_t)width, sizeof(*l.c)) };
	const char *group = NULL;
	bool programme = false;

	if (!l.c)
		return;
	w -= w % 12;		/* whole columns per month */
	tc = today_col(g, w);
	gantt_axis(&l, x0, w, g->year, false, fn, ctx);
	gantt_axis(&l, x0, w, g->year, true, fn, ctx);
	for (int m = 0; m < g->nmarks; m++)
		programme |= g->marks[m].row < 0;
	for (int row = programme ? -1 : 0; row < g->nrows; row++) {
		if (row >= 0 && (!group || strcmp(group, g->rows[row].group) != 0)) {
			group = g->rows[row].group;
			cells_fill(&l, 0, l.n, " ");
			put_label(&l, 0, width, group);
			cells_emit(&l, fn, ctx);
		}
		cells_fill(&l, 0, l.n, " ");
		if (tc >= 0)
			cells_fill(&l, x0 + tc, x0 + tc + 1, "│");
		if (row < 0) {
			put_label(&l, 0, lw, _("Mijlpalen"));
			for (int m = 0; m < g->nmarks; m++)
				if (g->marks[m].row < 0)
					put_mark(&l, x0, w, g, &g->marks[m]);
		} else {
			put_label(&l, 2, lw - 2, g->rows[row].label);
			gantt_bar(&l, x0, w, g, row);
		}
		cells_emit(&l, fn, ctx);
	}
	fn(ctx, "");
	gantt_legend(g, tc >= 0, width, fn, ctx);
	free(l.c);
}
