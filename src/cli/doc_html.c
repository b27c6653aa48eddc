/*
 * The HTML writer of documents: one file a person can mail. Inline CSS
 * with a print style sheet (A4, a page per domain, nothing split over a
 * page), inline SVG for the status bars and the Gantt chart, no script
 * and nothing fetched from elsewhere. It is written as polyglot markup:
 * an HTML5 parser and an XML parser both read it without error. Headings
 * are real headings, tables have header cells, every chart has a title
 * and a text, and a status is shown by its word and a pattern as well as
 * its colour. Every piece of data is escaped (& < > " ') after control
 * characters are made visible.
 */

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/entity.h"
#include "core/i18n.h"
#include "core/text.h"
#include "doc_priv.h"

/* --- escaping ------------------------------------------------------------------ */

/* True for code points XML 1.0 does not allow in a document and HTML
 * calls noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF). */
static bool
nonchar(uint32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/* Writes data escaped for HTML and XML text and attribute values; a line
 * break becomes <br /> when br is true, else a space. */
static void
esc(FILE *fp, const char *text, bool br)
{
	char *safe = doc_safe(text);

	if (!safe)
		return;
	for (const char *p = safe; *p;) {
		uint32_t cp;
		size_t n = text_utf8_decode(p, SIZE_MAX, &cp);

		if (n == 0) {		/* doc_safe left none, but never loop */
			fputc('?', fp);
			p++;
			continue;
		}
		switch (cp) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		case '\n': fputs(br ? "<br />" : " ", fp); break;
		default:
			if (nonchar(cp))
				fputc('?', fp);
			else
				fwrite(p, 1, n, fp);
		}
		p += n;
	}
	free(safe);
}

/* A label fitted into cols columns, escaped (SVG text does not wrap). */
static void
esc_fit(FILE *fp, const char *text, int cols)
{
	char fit[1024];

	text_fit(fit, sizeof(fit), text ? text : "", cols);
	esc(fp, fit, false);
}

/* A new id for an element ("snw3"). */
static int
new_id(struct doc *d)
{
	return ++d->ids;
}

/* --- the page ------------------------------------------------------------------ */

/* The style sheet: the screen, then paper. No '<' or '&' in it, so that
 * it is also well-formed XML. */
static const char css[] =
	"body{font:10.5pt/1.45 \"DejaVu Sans\",\"Segoe UI\",Arial,sans-serif;color:#111;"
	"max-width:62em;margin:0 auto;padding:1em 1.5em}\n"
	"h1{font-size:1.7em;margin:.2em 0}\n"
	"h2{font-size:1.35em;border-bottom:2px solid #333;margin:1.6em 0 .5em}\n"
	"h3{font-size:1.12em;margin:1.3em 0 .4em}\n"
	"h4{font-size:1em;margin:1em 0 .3em}\n"
	"p.sub{color:#333;margin-top:0}\n"
	"p.quiet{font-size:.9em;color:#444}\n"
	"dl.pairs{display:grid;grid-template-columns:max-content auto;gap:.15em 1em;margin:.5em 0 1em}\n"
	"dl.pairs dt{font-weight:bold}\n"
	"dl.pairs dd{margin:0}\n"
	"table{border-collapse:collapse;width:100%;margin:.4em 0 1.2em}\n"
	"caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
	"th,td{border:1px solid #aaa;padding:.25em .45em;text-align:left;vertical-align:top}\n"
	"thead th{background:#e8e8e8}\n"
	"tbody th{font-weight:normal}\n"
	".num{text-align:right}\n"
	".note{display:block;font-weight:normal;font-size:.88em;color:#444}\n"
	"tr.late td,tr.late th{background:#fdecea}\n"
	"tr.late th{border-left:4px solid #b71c1c}\n"
	"svg.bar{vertical-align:middle;margin:0 .4em .15em 0}\n"
	".counts{font-size:.9em}\n"
	".unrecorded{font-style:italic;color:#444}\n"
	"figure.gantt{margin:1em 0}\n"
	"figure.gantt figcaption{font-weight:bold;margin-bottom:.3em}\n"
	"figure.gantt svg.chart{display:block;width:100%;height:auto;margin:0 0 .5em}\n"
	"ul.legend{list-style:none;padding:0;margin:.3em 0;display:flex;flex-wrap:wrap;gap:.2em 1.2em;"
	"font-size:.9em}\n"
	"ul.legend li{white-space:nowrap}\n"
	"ul.legend svg{vertical-align:middle;margin-right:.3em}\n"
	"svg.defs{position:absolute;width:0;height:0;overflow:hidden}\n"
	"@page{size:A4;margin:15mm 14mm}\n"
	"@media print{\n"
	"body{max-width:none;margin:0;padding:0;font-size:9.5pt}\n"
	"h2.page{break-before:page}\n"
	"h2,h3,h4,caption,figcaption{break-after:avoid}\n"
	"tr,li,dl.pairs,svg,ul.legend{break-inside:avoid}\n"
	"thead{display:table-header-group}\n"
	"tr.late td,tr.late th,thead th{print-color-adjust:exact;-webkit-print-color-adjust:exact}\n"
	"}\n";

/* The statuses as the charts draw them: a colour and a pattern each, so
 * that they differ in black and white too. */
static const struct {
	const char *status;	/* "" = onbekend */
	const char *id;		/* the pattern's id */
	const char *body;	/* what the pattern tile holds */
} looks[] = {
	{ STATUS_LOPEND, "st-lopend", "<rect width=\"6\" height=\"6\" fill=\"#2e7d32\" />" },
	{ STATUS_GEPLAND, "st-gepland",
	  "<rect width=\"6\" height=\"6\" fill=\"#1565c0\" />"
	  "<path d=\"M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5\" stroke=\"#ffffff\" stroke-width=\"1.4\" />" },
	{ STATUS_AFGEROND, "st-afgerond",
	  "<rect width=\"6\" height=\"6\" fill=\"#546e7a\" />"
	  "<path d=\"M0,3 L6,3\" stroke=\"#ffffff\" stroke-width=\"1\" />" },
	{ STATUS_GEPAUZEERD, "st-gepauzeerd",
	  "<rect width=\"6\" height=\"6\" fill=\"#f9a825\" />"
	  "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#5d4037\" />" },
	{ STATUS_GESTOPT, "st-gestopt",
	  "<rect width=\"6\" height=\"6\" fill=\"#c62828\" />"
	  "<path d=\"M0,0 L6,6 M6,0 L0,6\" stroke=\"#ffffff\" stroke-width=\"1.2\" />" },
	{ "", "st-onbekend",
	  "<rect width=\"6\" height=\"6\" fill=\"#ffffff\" />"
	  "<path d=\"M0,1.5 L6,1.5 M0,4.5 L6,4.5\" stroke=\"#9e9e9e\" stroke-width=\"1\" />" },
};

/* The pattern id of a status (unknown ones as onbekend). */
static const char *
look_id(const char *status)
{
	size_t n = sizeof(looks) / sizeof(looks[0]);

	for (size_t i = 0; status && i < n - 1; i++)
		if (strcmp(status, looks[i].status) == 0)
			return looks[i].id;
	return looks[n - 1].id;
}

static void
html_title(struct doc *d, const char *title, const char *subtitle)
{
	FILE *fp = d->fp;

	fprintf(fp, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%s\" xml:lang=\"%s\">\n",
		i18n_lang() == LANG_EN ? "en" : "nl", i18n_lang() == LANG_EN ? "en" : "nl");
	fputs("<head>\n<meta charset=\"utf-8\" />\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>", fp);
	esc(fp, title, false);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
	/* The patterns, once, for every chart of the page. */
	fputs("<svg class=\"defs\" xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\""
	      " aria-hidden=\"true\">\n<defs>\n", fp);
	for (size_t i = 0; i < sizeof(looks) / sizeof(looks[0]); i++)
		fprintf(fp, "<pattern id=\"%s\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">%s</pattern>\n",
			looks[i].id, looks[i].body);
	fputs("</defs>\n</svg>\n<main>\n", fp);
	if (title && *title) {
		fputs("<h1>", fp);
		esc(fp, title, false);
		fputs("</h1>\n", fp);
	}
	if (subtitle && *subtitle) {
		fputs("<p class=\"sub\">", fp);
		esc(fp, subtitle, true);
		fputs("</p>\n", fp);
	}
}

static void
html_heading(struct doc *d, int level, const char *text, unsigned flags)
{
	fprintf(d->fp, "<h%d%s>", level, flags & DOC_NEW_PAGE ? " class=\"page\"" : "");
	esc(d->fp, text, false);
	fprintf(d->fp, "</h%d>\n", level);
}

static void
html_para(struct doc *d, const char *text, unsigned flags)
{
	fputs(flags & DOC_QUIET ? "<p class=\"quiet\">" : "<p>", d->fp);
	esc(d->fp, text, true);
	fputs("</p>\n", d->fp);
}

static void
html_pairs_begin(struct doc *d)
{
	fputs("<dl class=\"pairs\">\n", d->fp);
}

static void
html_pair(struct doc *d, const char *key, const char *value)
{
	fputs("<dt>", d->fp);
	esc(d->fp, key, false);
	fputs("</dt><dd>", d->fp);
	esc(d->fp, value, true);
	fputs("</dd>\n", d->fp);
}

static void
html_pairs_end(struct doc *d)
{
	fputs("</dl>\n", d->fp);
}

static void
html_list_begin(struct doc *d)
{
	fputs("<ul>\n", d->fp);
}

static void
html_item(struct doc *d, const char *text)
{
	fputs("<li>", d->fp);
	esc(d->fp, text, true);
	fputs("</li>\n", d->fp);
}

static void
html_list_end(struct doc *d)
{
	fputs("</ul>\n", d->fp);
}

/* --- status bars ------------------------------------------------------------- */

#define BAR_W 160
#define BAR_H 14

/* A status bar: an SVG with its counts as its title, then the counts in
 * words; no bar when nothing is counted or no status is recorded. */
static void
bar_html(struct doc *d, const struct doc_bar *b)
{
	FILE *fp = d->fp;
	char *counts, *words, n[32];
	double x = 0;
	int id;

	if (b->total == 0 || doc_bar_unrecorded(b)) {
		words = doc_bar_text(b, 0);
		fputs("<span class=\"unrecorded\">", fp);
		esc(fp, words ? words : "", false);
		fputs("</span>", fp);
		free(words);
		return;
	}
	counts = doc_bar_counts(b);
	id = new_id(d);
	fprintf(fp, "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
		" aria-labelledby=\"snw%d\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><title id=\"snw%d\">",
		id, BAR_W, BAR_H, BAR_W, BAR_H, id);
	esc(fp, b->title ? b->title : "", false);
	fputs(": ", fp);
	esc(fp, counts ? counts : "", false);
	fputs("</title>", fp);
	for (int i = 0; i < b->n; i++) {
		double w = (double)b->count[i] * BAR_W / (double)b->total;

		if (!b->count[i])
			continue;
		fprintf(fp, "<rect x=\"%.2f\" y=\"0.5\" width=\"%.2f\" height=\"%d\" fill=\"url(#%s)\""
			" stroke=\"#222222\" stroke-width=\"0.6\" />", x, w, BAR_H - 1, look_id(b->status[i]));
		x += w;
	}
	fputs("</svg>", fp);
	/* The words after the bar: the count and each status. */
	words = doc_fmt(_n("%s actielijn: %s", "%s actielijnen: %s", b->total), i18n_count(b->total, n),
			counts ? counts : "");
	fputs("<span class=\"counts\">", fp);
	esc(fp, words ? words : "", false);
	fputs("</span>", fp);
	free(words);
	free(counts);
}

static void
html_bar(struct doc *d, const struct doc_bar *b)
{
	fputs("<p><strong>", d->fp);
	esc(d->fp, b->title ? b->title : "", false);
	fputs(":</strong> ", d->fp);
	bar_html(d, b);
	fputs("</p>\n", d->fp);
}

/* --- tables ------------------------------------------------------------------ */

static void
html_table_begin(struct doc *d, const char *caption)
{
	FILE *fp = d->fp;

	fputs("<table>\n", fp);
	if (caption && *caption) {
		fputs("<caption>", fp);
		esc(fp, caption, false);
		fputs("</caption>\n", fp);
	}
	fputs("<thead><tr>", fp);
	for (int i = 0; i < d->ncols; i++) {
		fprintf(fp, "<th scope=\"col\"%s>", d->cols[i].flags & DOC_COL_NUM ? " class=\"num\"" : "");
		esc(fp, d->cols[i].head, false);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
}

static void
html_table_row(struct doc *d, const struct doc_cell *cells, unsigned flags)
{
	FILE *fp = d->fp;

	fputs(flags & DOC_ROW_LATE ? "<tr class=\"late\">" : "<tr>", fp);
	for (int i = 0; i < d->ncols; i++) {
		const struct doc_cell *c = &cells[i];
		const char *tag = i == 0 ? "th" : "td";

		fprintf(fp, "<%s%s%s>", tag, i == 0 ? " scope=\"row\"" : "",
			d->cols[i].flags & DOC_COL_NUM ? " class=\"num\"" : "");
		if (c->bar) {
			bar_html(d, c->bar);
		} else {
			esc(fp, c->text ? c->text : "", true);
			if (c->note && *c->note) {
				fputs("<span class=\"note\">", fp);
				esc(fp, c->note, true);
				fputs("</span>", fp);
			}
		}
		fprintf(fp, "</%s>", tag);
	}
	fputs("</tr>\n", fp);
}

static void
html_table_end(struct doc *d)
{
	fputs("</tbody>\n</table>\n", d->fp);
}

/* --- the Gantt chart ------------------------------------------------------------- */

/* Geometry of a panel, in the units of its viewBox. */
#define G_W 1000
#define G_LABEL 8		/* labels start here */
#define G_X0 330		/* the timeline */
#define G_TW 660
#define G_AXIS 36		/* quarters and months */
#define G_ROW 22
#define G_LABEL_COLS 42		/* characters of a label */

static double
gx(double pos)
{
	if (pos < 0)
		pos = 0;
	if (pos > 1)
		pos = 1;
	return G_X0 + pos * G_TW;
}

/* Quarters (alternating bands) and months across the top. */
static void
gantt_axis(FILE *fp, int year, int height)
{

	for (int q = 0; q < 4; q++) {
		char a[16], b[16], label[32];
		double pa, pb;

		snprintf(a, sizeof(a), "%04d-%02d-01", year, q * 3 + 1);
		snprintf(b, sizeof(b), "%04d-%02d-01", year, q * 3 + 4);
		doc_year_pos(a, year, &pa);
		if (q == 3 || !doc_year_pos(b, year, &pb))
			pb = 1;
		fprintf(fp, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%d\" fill=\"%s\" />",
			gx(pa), gx(pb) - gx(pa), height, q % 2 ? "#f3f3f3" : "#ffffff");
		snprintf(label, sizeof(label), _("K%d %d"), q + 1, year);
		fprintf(fp, "<text x=\"%.1f\" y=\"13\" font-size=\"13\" font-weight=\"bold\">", gx(pa) + 4);
		esc(fp, label, false);
		fputs("</text>", fp);
	}
	for (int m = 0; m < 12; m++) {
		char a[16];
		double p;

		snprintf(a, sizeof(a), "%04d-%02d-01", year, m + 1);
		doc_year_pos(a, year, &p);
		fprintf(fp, "<line x1=\"%.1f\" y1=\"17\" x2=\"%.1f\" y2=\"%d\" stroke=\"#cccccc\" stroke-width=\"0.8\" />",
			gx(p), gx(p), height);
		fprintf(fp, "<text x=\"%.1f\" y=\"30\" font-size=\"12\" fill=\"#444444\">", gx(p) + 3);
		esc(fp, date_month_short(m + 1), false);
		fputs("</text>", fp);
	}
	fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888888\" stroke-width=\"1\" />",
		G_X0, G_AXIS - 2, G_X0 + G_TW, G_AXIS - 2);
}

/* A milestone: a diamond with its date and title as its tooltip. */
static void
gantt_mark(FILE *fp, const struct doc_gantt *g, const struct doc_gantt_mark *m, double y)
{
	char date[32];
	double p, x;

	if (!doc_year_pos(m->date, g->year, &p) || p < 0 || p >= 1)
		return;
	x = gx(p);
	date_format_short(m->date, date, sizeof(date));
	fputs("<g><title>", fp);
	esc(fp, date, false);
	fputs(": ", fp);
	esc(fp, m->label, false);
	fprintf(fp, "</title><path d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f L%.1f,%.1f Z\" fill=\"#111111\""
		" stroke=\"#ffffff\" stroke-width=\"1\" /></g>",
		x, y - 7, x + 6, y, x, y + 7, x - 6, y);
}

/* One actielijn's row: its label, its bar (lighter and dashed to the
 * year's end without an end date, arrows where it goes on beyond the
 * year) and its milestones. */
static void
gantt_row(FILE *fp, const struct doc_gantt *g, int row, double y)
{
	const struct doc_gantt_row *r = &g->rows[row];
	double a = 0, b = 1;
	bool has_a = *r->start && doc_year_pos(r->start, g->year, &a);
	bool has_b = *r->end && doc_year_pos(r->end, g->year, &b);
	const char *pat = look_id(r->status);

	fprintf(fp, "<text x=\"%d\" y=\"%.1f\" font-size=\"13.5\">", G_LABEL + 12, y + 4.5);
	esc_fit(fp, r->label, G_LABEL_COLS);
	fputs("</text>", fp);
	if (has_a || has_b) {
		if (!has_a)
			a = 0;
		if (!has_b)
			b = 1;
		fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"12\" fill=\"url(#%s)\"%s"
			" stroke=\"#222222\" stroke-width=\"0.8\"%s />",
			gx(a), y - 6, gx(b) - gx(a) < 3 ? 3 : gx(b) - gx(a), pat,
			has_b ? "" : " fill-opacity=\"0.35\"", has_b ? "" : " stroke-dasharray=\"4 3\"");
		if (has_a && a < 0)
			fprintf(fp, "<path d=\"M%d,%.1f L%d,%.1f L%d,%.1f Z\" fill=\"#222222\" />",
				G_X0 - 8, y, G_X0, y - 5, G_X0, y + 5);
		if (!has_b || b > 1)
			fprintf(fp, "<path d=\"M%d,%.1f L%d,%.1f L%d,%.1f Z\" fill=\"#222222\" />",
				G_X0 + G_TW + 8, y, G_X0 + G_TW, y - 5, G_X0 + G_TW, y + 5);
	}
	for (int m = 0; m < g->nmarks; m++)
		if (g->marks[m].row == row)
			gantt_mark(fp, g, &g->marks[m], y);
}

/* The text of a panel for those who do not see it: every row's period
 * and status, and its milestones. */
static void
gantt_desc(FILE *fp, const struct doc_gantt *g, int from, int to)
{
	for (int row = from; row < to; row++) {
		const struct doc_gantt_row *r = &g->rows[row];
		char a[32], b[32];
		char *t;

		date_format_short(r->start, a, sizeof(a));
		date_format_short(r->end, b, sizeof(b));
		if (*r->start && *r->end)
			t = doc_fmt(_("%s: van %s tot %s, status %s."), r->label, a, b, status_word(r->status));
		else if (*r->start)
			t = doc_fmt(_("%s: vanaf %s, zonder einddatum, status %s."), r->label, a,
				    status_word(r->status));
		else
			t = doc_fmt(_("%s: tot %s, status %s."), r->label, b, status_word(r->status));
		esc(fp, t ? t : "", false);
		fputc(' ', fp);
		free(t);
		for (int m = 0; m < g->nmarks; m++)
			if (g->marks[m].row == row) {
				date_format_short(g->marks[m].date, a, sizeof(a));
				t = doc_fmt(_("Mijlpaal %s: %s."), a, g->marks[m].label);
				esc(fp, t ? t : "", false);
				fputc(' ', fp);
				free(t);
			}
	}
}

/* Today's line over the whole panel, with a marker at the top. */
static void
gantt_today(FILE *fp, const struct doc_gantt *g, int height)
{
	double p;

	if (!g->today || !doc_year_pos(g->today, g->year, &p) || p < 0 || p >= 1)
		return;
	fprintf(fp, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#b71c1c\" stroke-width=\"1.6\""
		" stroke-dasharray=\"5 3\" />", gx(p), G_AXIS - 6, gx(p), height);
	fprintf(fp, "<path d=\"M%.1f,%d L%.1f,%d L%.1f,%d Z\" fill=\"#b71c1c\" />",
		gx(p) - 5, G_AXIS - 12, gx(p) + 5, G_AXIS - 12, gx(p), G_AXIS - 4);
}

/* Opens a panel: the SVG with its title and text, and the axis. */
static void
panel_begin(struct doc *d, const struct doc_gantt *g, const char *name, int height)
{
	FILE *fp = d->fp;
	int id = new_id(d);

	fprintf(fp, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"snw%d-t snw%d-d\""
		" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
		"<title id=\"snw%d-t\">", id, id, G_W, height, G_W, height, id);
	esc(fp, g->title ? g->title : "", false);
	fputs(": ", fp);
	esc(fp, name, false);
	fprintf(fp, "</title>\n<desc id=\"snw%d-d\">", id);
}

static void
panel_end(FILE *fp)
{
	fputs("\n</svg>\n", fp);
}

/* The programme's own milestones, on a panel of their own. */
static void
gantt_programme(struct doc *d, const struct doc_gantt *g)
{
	FILE *fp = d->fp;
	int height = G_AXIS + G_ROW + 6, n = 0;

	for (int m = 0; m < g->nmarks; m++)
		n += g->marks[m].row < 0;
	if (!n)
		return;
	panel_begin(d, g, _("Mijlpalen"), height);
	for (int m = 0; m < g->nmarks; m++) {
		char a[32], *t;

		if (g->marks[m].row >= 0)
			continue;
		date_format_short(g->marks[m].date, a, sizeof(a));
		t = doc_fmt(_("Mijlpaal %s: %s."), a, g->marks[m].label);
		esc(fp, t ? t : "", false);
		fputc(' ', fp);
		free(t);
	}
	fputs("</desc>\n", fp);
	gantt_axis(fp, g->year, height);
	fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">", G_LABEL, G_AXIS + 15);
	esc(fp, _("Mijlpalen"), false);
	fputs("</text>", fp);
	for (int m = 0; m < g->nmarks; m++)
		if (g->marks[m].row < 0)
			gantt_mark(fp, g, &g->marks[m], G_AXIS + 10);
	gantt_today(fp, g, height);
	panel_end(fp);
}

/* The legend: a swatch and the word of each status, then the marks. */
static void
gantt_legend(FILE *fp, const struct doc_gantt *g)
{
	char date[32];

	fputs("<ul class=\"legend\">", fp);
	for (size_t i = 0; i < sizeof(looks) / sizeof(looks[0]); i++) {
		fprintf(fp, "<li><svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" width=\"24\" height=\"12\">"
			"<rect x=\"0.5\" y=\"0.5\" width=\"23\" height=\"11\" fill=\"url(#%s)\" stroke=\"#222222\" />"
			"</svg>", looks[i].id);
		esc(fp, status_word(looks[i].status), false);
		fputs("</li>", fp);
	}
	fputs("<li><svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" width=\"24\" height=\"12\">"
	      "<rect x=\"0.5\" y=\"0.5\" width=\"23\" height=\"11\" fill=\"#9e9e9e\" fill-opacity=\"0.35\""
	      " stroke=\"#222222\" stroke-dasharray=\"4 3\" /></svg>", fp);
	esc(fp, _("zonder einddatum"), false);
	fputs("</li><li><svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" width=\"14\" height=\"14\">"
	      "<path d=\"M7,0 L14,7 L7,14 L0,7 Z\" fill=\"#111111\" /></svg>", fp);
	esc(fp, _("mijlpaal"), false);
	fputs("</li>", fp);
	if (g->today && *g->today) {
		double p;

		date_format_short(g->today, date, sizeof(date));
		if (doc_year_pos(g->today, g->year, &p) && p >= 0 && p < 1) {
			char *t = doc_fmt(_("vandaag, %s"), date);

			fputs("<li><svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" width=\"14\" height=\"14\">"
			      "<line x1=\"7\" y1=\"0\" x2=\"7\" y2=\"14\" stroke=\"#b71c1c\" stroke-width=\"2\""
			      " stroke-dasharray=\"4 2\" /></svg>", fp);
			esc(fp, t ? t : "", false);
			fputs("</li>", fp);
			free(t);
		}
	}
	fputs("</ul>\n", fp);
}

/* The chart as a figure: the programme's milestones, then a panel per
 * group (so that a page break never cuts a bar), then the legend. */
static void
html_gantt(struct doc *d, const struct doc_gantt *g)
{
	FILE *fp = d->fp;

	fputs("<figure class=\"gantt\">\n<figcaption>", fp);
	esc(fp, g->title ? g->title : "", false);
	fputs("</figcaption>\n", fp);
	gantt_programme(d, g);
	for (int from = 0; from < g->nrows;) {
		int to = from + 1, height;

		while (to < g->nrows && strcmp(g->rows[to].group, g->rows[from].group) == 0)
			to++;
		height = G_AXIS + G_ROW * (to - from + 1) + 6;
		panel_begin(d, g, g->rows[from].group, height);
		gantt_desc(fp, g, from, to);
		fputs("</desc>\n", fp);
		gantt_axis(fp, g->year, height);
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">", G_LABEL, G_AXIS + 15);
		esc_fit(fp, g->rows[from].group, G_LABEL_COLS);
		fputs("</text>", fp);
		for (int row = from; row < to; row++)
			gantt_row(fp, g, row, G_AXIS + G_ROW * (row - from + 1) + 10);
		gantt_today(fp, g, height);
		panel_end(fp);
		from = to;
	}
	gantt_legend(fp, g);
	fputs("</figure>\n", fp);
}

static void
html_end(struct doc *d)
{
	fputs("</main>\n</body>\n</html>\n", d->fp);
}

const struct doc_ops doc_html_ops = {
	.title = html_title,
	.heading = html_heading,
	.para = html_para,
	.pairs_begin = html_pairs_begin,
	.pair = html_pair,
	.pairs_end = html_pairs_end,
	.list_begin = html_list_begin,
	.item = html_item,
	.list_end = html_list_end,
	.table_begin = html_table_begin,
	.table_row = html_table_row,
	.table_end = html_table_end,
	.bar = html_bar,
	.gantt = html_gantt,
	.end = html_end,
};
