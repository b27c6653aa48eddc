#ifndef SNW_MINUTES_H
#define SNW_MINUTES_H

/*
 * What `snw minutes` reads: one meeting, its decisions by agenda item,
 * its action items, and the action items of earlier meetings that are
 * still open (an AB actielijst is cumulative). Walkers call fn with a
 * typed row (strings "" when empty, valid during the call); fn returns 0
 * to go on. They return 0, fn's answer, or a failure (negative;
 * db_result says more).
 */

#include "core/result.h"
#include "model/report.h"

struct db;

/* The meeting on an ISO date (with two on one date, the AB-vergadering)
 * into *m; RES_NOT_FOUND when there is none. */
enum result minutes_meeting(struct db *db, const char *date, struct meeting_brief *m);

/* The dates of the meetings, newest first, at most `limit`. */
int minutes_dates_each(struct db *db, int limit, int (*fn)(void *ctx, const char *datum), void *ctx);

/* A meeting's decisions: by agenda item in the order the items first
 * occur, and within one in the order they were entered. */
struct minutes_decision {
	const char *agendapunt, *besluit, *bron;
};
int minutes_decisions_each(struct db *db, long long meeting_id,
			   int (*fn)(void *ctx, const struct minutes_decision *b), void *ctx);

/* An action item with its meeting's date and its domain's name. */
struct minutes_action {
	const char *actie, *eigenaar, *deadline, *status;
	const char *vergadering;	/* its meeting's date */
	const char *domein;		/* its domain's name */
	const char *bron;
};

/* The action items of a meeting, in the order they were entered. */
int minutes_actions_each(struct db *db, long long meeting_id,
			 int (*fn)(void *ctx, const struct minutes_action *a), void *ctx);

/* The open action items of the meetings before `date` (ISO), oldest
 * meeting first. */
int minutes_open_before_each(struct db *db, const char *date,
			     int (*fn)(void *ctx, const struct minutes_action *a), void *ctx);

#endif
