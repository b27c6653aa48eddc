#ifndef SNW_MEETINGS_H
#define SNW_MEETINGS_H

/*
 * The Alliantiebestuur's meetings as the dashboard reads them: the list
 * of meetings, one meeting's decisions and action items, all action
 * items, and which meeting an entry belongs to. Loaders return RES_OK or
 * what failed (db_result says more); typed results own their
 * strings (free with the matching _free), rows of a paged list are read
 * through the accessors here.
 */

#include <stdbool.h>

#include "core/entity.h"
#include "model/list.h"

struct db;

/* --- the meetings ------------------------------------------------------------ */

/* A row of the list of meetings; strings belong to the list's window. */
struct meeting_row {
	long long id;
	const char *datum, *soort, *titel, *locatie;	/* "" when empty */
	long long besluiten, acties;			/* how many it has */
	const char *bron;				/* "" when empty */
};
struct meeting_row meeting_row(const struct list_row *r);

/* All meetings, newest first. */
struct list *meetings_list(struct db *db);

/* The sort orders of the meetings (`s`): number, label, switch to i. */
int meetings_sorts(void);
const char *meetings_sort_label(int i);
void meetings_sort(struct list *l, int i);

/* One meeting's decisions and action items, in the order they were
 * entered, at most `limit` of each. */
struct meeting_detail {
	long long meeting_id;		/* 0: nothing loaded */
	int ndecisions, nactions;
	struct decision {
		long long id;
		const char *agendapunt, *besluit, *bron;
	} *decisions;
	struct action_item {
		long long id;
		const char *actie, *eigenaar, *deadline, *status, *bron;
	} *actions;
	struct rowset rs_d, rs_a;	/* hold the strings */
};
enum result meeting_detail_load(struct db *db, long long meeting_id, int limit, struct meeting_detail *d);
void meeting_detail_free(struct meeting_detail *d);

/*
 * The meeting an existing entry of e (a besluit or actie: an entity with
 * a meeting field) belongs to: its id and ISO date into date[11];
 * RES_NOT_FOUND when it has none (or e has no meeting field).
 */
enum result meeting_of_entry(struct db *db, const struct entity *e, long long id, long long *meeting,
		     char date[11]);

/* --- the action items -------------------------------------------------------- */

/* A row of the list of action items. */
struct action_row {
	long long id;
	const char *actie, *eigenaar, *deadline, *status;
	const char *vergadering;	/* its meeting's date, or "" */
	const char *domein;		/* its domain's name, or "" */
	const char *bron;		/* "" when empty */
};
struct action_row action_row(const struct list_row *r);

/* True when an action item with this status is still open. */
bool action_open(const char *status);

/* All action items, open ones first. */
struct list *actions_list(struct db *db);

/* Sort orders (`s`; within open/done) and filters (`f`: 0 = all, then
 * open, done, overdue): number, label, switch l to i. Overdue is
 * relative to today (ISO). */
int actions_sorts(void);
const char *actions_sort_label(int i);
void actions_sort(struct list *l, int i);
int actions_filters(void);
const char *actions_filter_label(int i);
void actions_filter(struct list *l, int i, const char *today);

#endif
