/*
 * Inside the document writers (cli/doc*.c): the table of functions a
 * writer fills, the state every writer shares, and the helpers that the
 * text and Markdown writers both use (the status bar and the Gantt chart
 * drawn with characters).
 */
#ifndef SNW_DOC_PRIV_H
#define SNW_DOC_PRIV_H

#include "cli/doc.h"

struct doc_ops {
	void (*title)(struct doc *d, const char *title, const char *subtitle);
	void (*heading)(struct doc *d, int level, const char *text, unsigned flags);
	void (*para)(struct doc *d, const char *text, unsigned flags);
	void (*pairs_begin)(struct doc *d);
	void (*pair)(struct doc *d, const char *key, const char *value);
	void (*pairs_end)(struct doc *d);
	void (*list_begin)(struct doc *d);
	void (*item)(struct doc *d, const char *text);
	void (*list_end)(struct doc *d);
	void (*table_begin)(struct doc *d, const char *caption);
	void (*table_row)(struct doc *d, const struct doc_cell *cells, unsigned flags);
	void (*table_end)(struct doc *d);
	void (*bar)(struct doc *d, const struct doc_bar *bar);
	void (*gantt)(struct doc *d, const struct doc_gantt *g);
	void (*end)(struct doc *d);		/* the document is complete */
	void (*free)(struct doc *d);		/* frees priv */
};

/* What is open, so that a block is never written inside another. */
enum doc_open { OPEN_NONE, OPEN_PAIRS, OPEN_LIST, OPEN_TABLE };

struct doc {
	const struct doc_ops *ops;
	enum doc_format format;
	FILE *fp;
	int width;			/* text: the line width */
	bool titled;
	enum doc_open open;
	struct doc_col cols[DOC_MAX_COLS];	/* the open table's columns */
	char *heads[DOC_MAX_COLS];		/* their headers, owned */
	int ncols;
	int ids;			/* HTML ids handed out */
	void *priv;			/* the writer's own */
};

extern const struct doc_ops doc_text_ops, doc_markdown_ops, doc_html_ops;

/* A copy of s that is safe to show: its drawn form (core/text.h: control
 * characters as ^X, invalid UTF-8 as ?, invisible ones marked), newlines
 * kept (NULL: ""). Never NULL unless out of memory; the caller frees. */
char *doc_safe(const char *s);

/* The glyph of a status in text bars and charts (the dashboard's
 * patterns without colour): █ lopend, ▓ gepland, ▒ afgerond, ░
 * gepauzeerd, × gestopt, · onbekend. */
const char *doc_status_glyph(const char *status);

/* True when a bar counts nothing but actielijnen without a status. */
bool doc_bar_unrecorded(const struct doc_bar *b);

/* A bar in characters, `cells` wide, then the counts in words: "▓▓▓▓███
 * 4 actielijnen: 3 gepland, 1 lopend", or the sentence saying no status
 * is recorded. Returns a malloc'd string (NULL when out of memory). */
char *doc_bar_text(const struct doc_bar *b, int cells);

/* The counts of a bar in words, "3 gepland, 1 lopend" (malloc'd). */
char *doc_bar_counts(const struct doc_bar *b);

/* Where an ISO date falls in a year, 0 (1 January) .. 1 (the end of 31
 * December); false when it is no date. */
bool doc_year_pos(const char *iso, int year, double *pos);

/* The Gantt chart drawn in characters, `width` columns wide, one line at
 * a time to fn (lines are UTF-8, no newline). */
void doc_gantt_lines(const struct doc_gantt *g, int width,
		     void (*fn)(void *ctx, const char *line), void *ctx);

#endif
