/*
 * Documents: what `snw report` and `snw minutes` write, as one stream of
 * blocks (headings, paragraphs, key/value lines, lists, tables with
 * header cells, status bars, a year's Gantt chart) that a writer turns
 * into plain text, Markdown or HTML as the blocks arrive. A builder
 * (cli/report.c, cli/minutes.c) says what the document holds once; each
 * writer decides how it looks and escapes every piece of data for its
 * format. Nothing is kept but the block being written, so a report of a
 * million actielijnen streams.
 *
 * Text is passed as UTF-8 as it is stored; the writers make it safe
 * (control characters shown as ^X, never sent raw). "\n" in a text is a
 * line break.
 */
#ifndef SNW_DOC_H
#define SNW_DOC_H

#include <stdbool.h>
#include <stdio.h>

enum doc_format {
	DOC_TEXT,	/* wrapped at a width, for a terminal, a mail or paper */
	DOC_MARKDOWN,	/* pipe tables, as GitHub and pandoc show them */
	DOC_HTML,	/* one file to mail: inline CSS and SVG, prints on A4 */
};

/* "text", "md" (or "markdown") or "html" into *f; false for anything else. */
bool doc_format_parse(const char *name, enum doc_format *f);

struct doc;

/* A document written to fp in format f; width is the text writer's line
 * width (0: 78). */
struct doc *doc_new(enum doc_format f, FILE *fp, int width);

/* Ends the document (closing what is open) and frees it. Returns 0, or
 * -1 when writing to its file failed. */
int doc_close(struct doc *d);

/* The document's title (the HTML <title> and the first heading) and the
 * line under it (may be NULL). Call first. */
void doc_title(struct doc *d, const char *title, const char *subtitle);

/* A heading of level 2 (a section) to 4. DOC_NEW_PAGE: on paper it
 * starts a new page (a domain of the report). */
enum { DOC_NEW_PAGE = 1 };
void doc_heading(struct doc *d, int level, const char *text, unsigned flags);

/* A paragraph; DOC_QUIET makes it a remark (smaller in HTML). */
enum { DOC_QUIET = 1 };
void doc_para(struct doc *d, const char *text, unsigned flags);

/* Key/value lines ("Peildatum: 25 jan 2024"), between begin and end. */
void doc_pairs_begin(struct doc *d);
void doc_pair(struct doc *d, const char *key, const char *value);
void doc_pairs_end(struct doc *d);

/* A bulleted list, between begin and end. */
void doc_list_begin(struct doc *d);
void doc_item(struct doc *d, const char *text);
void doc_list_end(struct doc *d);

/* --- tables ------------------------------------------------------------------ */

/* A column: its header, its width in the text writer's columns (0: what
 * the others leave), and how it is shown. A table with a DOC_COL_LONG
 * column is written as text one record per row (that column first, the
 * others as "Header: value" under it), which keeps long text readable
 * at 78 columns; other tables are aligned columns. */
enum { DOC_COL_LONG = 1, DOC_COL_NUM = 2 };
struct doc_col {
	const char *head;
	int width;
	unsigned flags;
};

struct doc_bar;

/* A cell: its text, a note under it (an explanation, a source; may be
 * NULL), or a status bar instead of text. */
struct doc_cell {
	const char *text;
	const char *note;
	const struct doc_bar *bar;
};

/* A row of a table; DOC_ROW_LATE marks an overdue action (its cells say
 * so in words as well). */
enum { DOC_ROW_LATE = 1 };

/* A table: caption (may be NULL), columns (at most DOC_MAX_COLS); rows
 * of exactly ncols cells, the first cell of a row being its header. */
#define DOC_MAX_COLS 8
void doc_table_begin(struct doc *d, const char *caption, const struct doc_col *cols, int ncols);
void doc_table_row(struct doc *d, const struct doc_cell *cells, unsigned flags);
void doc_table_end(struct doc *d);

/* --- charts ------------------------------------------------------------------ */

/* How many actielijnen have each status: the statuses of work in the
 * dashboard's order, "" (onbekend) last. With every count under "" the
 * writers say that no status is recorded instead of drawing a bar. */
#define DOC_MAX_STATUS 9
struct doc_bar {
	const char *title;	/* what it counts: "Actielijnen Veiligheid" */
	int n;
	const char *status[DOC_MAX_STATUS];
	long long count[DOC_MAX_STATUS];
	long long total;
};
/* A status bar on its own line. */
void doc_bar(struct doc *d, const struct doc_bar *bar);

/* The planning of a year as a Gantt chart, as the dashboard's Planning
 * view draws it: quarters and months across, a bar per actielijn (from
 * its start or the year's start to its end or, lighter, the year's end),
 * grouped, its milestones as diamonds, the programme's own milestones on
 * a row of their own, today as a line. */
struct doc_gantt_row {
	const char *group;		/* a new group starts where this changes */
	const char *label;
	const char *start, *end;	/* ISO dates or "" */
	const char *status;		/* a status of work or "" */
};
struct doc_gantt_mark {
	const char *date;		/* ISO */
	const char *label;
	int row;			/* its actielijn's row, -1: a programme milestone */
};
struct doc_gantt {
	const char *title;		/* "Planning 2024" */
	int year;
	const char *today;		/* ISO: marked when it falls in the year */
	int nrows;
	const struct doc_gantt_row *rows;
	int nmarks;
	const struct doc_gantt_mark *marks;
};
void doc_gantt(struct doc *d, const struct doc_gantt *g);

/* --- shared by the writers ---------------------------------------------------- */

/* A printf into a new string (NULL when out of memory); for builders
 * and writers composing a text from a translated format. */
char *doc_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
