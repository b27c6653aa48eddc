#ifndef SNW_MODEL_REPORT_H
#define SNW_MODEL_REPORT_H

/*
 * What `snw report` and `snw minutes` read, as plain loaders: each walks its rows in the
 * report's order and calls fn with a typed row (strings "" when empty,
 * valid during the call). They stream, so a report of a million
 * actielijnen never holds them all. fn returns 0 to go on; anything else
 * stops the walk and is returned. Otherwise they return RES_OK, or what
 * failed (negative; db_result says more).
 */

#include "core/result.h"

struct db;

/* Reads everything that follows from one state of the database (a read
 * transaction, db_snapshot), until model_snapshot_end. */
enum result model_snapshot(struct db *db);
void model_snapshot_end(struct db *db);

/* Every domain, then every theme, in their order. */
struct domain_row {
	long long id;
	const char *code, *naam, *motto, *soort, *bron;
};
int domains_each(struct db *db, int (*fn)(void *ctx, const struct domain_row *d), void *ctx);

/* A domain's successes, oldest year first. */
struct success_row {
	long long jaar;
	const char *titel, *toelichting, *bron;
};
int successes_each(struct db *db, long long domein_id,
		   int (*fn)(void *ctx, const struct success_row *s), void *ctx);

/* A domain's actielijnen in the order they were entered, the ones
 * without a groep first, then each groep together in the order its
 * first actielijn was entered (the slides' order); each with its
 * planning items (dated ones by date, then the others). */
struct planning_item {
	const char *datum, *titel;
};
struct line_row {
	long long id;
	const char *titel, *status, *trekker, *start, *eind, *toelichting, *groep, *bron;
	int nplanning;
	const struct planning_item *planning;
};
int actielijnen_each(struct db *db, long long domein_id,
		     int (*fn)(void *ctx, const struct line_row *a), void *ctx);

/* The open action items of a domain (domein_id 0: of no domain), by
 * deadline (none last), then meeting. */
struct open_action {
	const char *actie, *eigenaar, *deadline;
	const char *vergadering;	/* its meeting's date, or "" */
	const char *bron;
};
int open_actions_each(struct db *db, long long domein_id,
		      int (*fn)(void *ctx, const struct open_action *a), void *ctx);

/* --- the summary ------------------------------------------------------------- */

#define REPORT_MAX_STATUS 9	/* the statuses of work, then "" */

/* What the summary says of one domain or theme, on `today` (ISO);
 * domein_id 0: of what belongs to no domain (action items, the
 * programme's own planning items); -1: of everything. */
struct report_figures {
	long long status[REPORT_MAX_STATUS];	/* actielijnen per status,
						   model_status() order */
	long long total;			/* actielijnen */
	long long successes;			/* of every year */
	long long open, overdue;		/* action items: open, past their deadline */
	char next_date[11];			/* the next planning item from today on, */
	char next_title[512];			/* "" when there is none */
};
enum result report_figures_load(struct db *db, long long domein_id, const char *today,
				struct report_figures *f);

/* A meeting in brief. id 0: none. */
struct meeting_brief {
	long long id;
	char datum[11];
	char soort[40];
	char titel[240];
	char locatie[240];
	char bron[1300];	/* a bron of 300 characters of 4 bytes */
};

/* The newest AB-vergadering on or before today and the first one after
 * it (either may be none). */
enum result report_meetings(struct db *db, const char *today, struct meeting_brief *last,
			    struct meeting_brief *next);

/* --- the year's Gantt chart ---------------------------------------------------- */

/* The actielijnen that touch a year (a start or end date, the period
 * overlapping it), by domain (domein_id 0: of every domain) in their
 * order, then by start date and title, at most `limit`; *more gets how
 * many more there are. */
struct gantt_line {
	long long id;
	const char *domein;	/* its domain's name */
	const char *titel, *status, *start, *eind;
};
int gantt_lines_each(struct db *db, int year, long long domein_id, int limit, long long *more,
		     int (*fn)(void *ctx, const struct gantt_line *g), void *ctx);

/* The planning items dated in a year, by date: of one domain (its own
 * or its actielijnen's) or of all (domein_id 0), at most `limit`. */
struct year_milestone {
	const char *datum, *titel;
	long long actielijn_id;		/* 0: none */
	const char *domein;		/* its domain's name, or "" */
	const char *bron;
};
int year_milestones_each(struct db *db, int year, long long domein_id, int limit,
			 int (*fn)(void *ctx, const struct year_milestone *m), void *ctx);

#endif
