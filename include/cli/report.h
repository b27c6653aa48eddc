/* `snw report` and `snw minutes`: the documents the Alliantiebestuur
 * reads, built once as a stream of blocks (cli/doc.h) and written as
 * text, Markdown or HTML. */
#ifndef SNW_REPORT_H
#define SNW_REPORT_H

#include <stdio.h>

#include "cli/doc.h"

struct db;

/* What a document is asked for. */
struct report_opts {
	enum doc_format format;
	int width;		/* text: the line width (0: 78) */
	const char *today;	/* ISO: what overdue, next and the today line
				   are relative to */
	const char *domain;	/* report: one domain or theme (code or name,
				   any case); NULL: all */
	const char *since;	/* report: "Wat is er veranderd" since this ISO
				   date, or "last-ab" (the newest AB-vergadering
				   on or before today); NULL: no such section */
};

/* Returned when the request names what is not there (an unknown domain,
 * no AB meeting before today, no meeting on that date): err says so and
 * nothing was written. */
enum { REPORT_NOT_FOUND = -2 };

/*
 * The status report for the programme director and the AB: a summary
 * (per domain the actielijnen by status, successes, open and overdue
 * actions, the next milestone; the last and next AB meeting; the
 * peildatum), what changed since a date when asked, the year's Gantt
 * chart, then per domain (then per theme) its actielijnen, successes and
 * open actions, and the open actions of no domain. Returns 0, -1 when the
 * database or the output failed, REPORT_NOT_FOUND; err says why.
 */
int report_write(struct db *db, const struct report_opts *o, FILE *fp, char *err, size_t errsz);

/*
 * The besluitenlijst and actielijst of the meeting on `date` (ISO; with
 * two on one date, the AB-vergadering): the meeting, its decisions by
 * agenda item, its actions with owner and deadline, and the open actions
 * of earlier meetings. Returns as report_write.
 */
int minutes_write(struct db *db, const char *date, const struct report_opts *o, FILE *fp,
		  char *err, size_t errsz);

/* The note of an entry in a document: its explanation (may be "") and
 * "Bron: ..." under it when it has a bron (malloc'd; NULL when both are
 * empty). */
char *report_with_source(const char *text, const char *bron);

/* The id of the domain or theme called `name` (code or name, any case)
 * into *id. Returns 1, 0 when there is none, -1 on failure. */
int report_find_domain(struct db *db, const char *name, long long *id);

#endif
