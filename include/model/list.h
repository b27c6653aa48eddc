#ifndef SNW_LIST_H
#define SNW_LIST_H

/*
 * How the model reads: paged lists with keyset queries (a window of rows
 * around what is visible, so a million actielijnen never sit in memory)
 * and small result sets. Only model files describe queries (struct
 * list_spec, rowset_load); the views get lists from model loaders and
 * read their rows through the model's typed accessors.
 */

#include <stdbool.h>

#include "core/result.h"

struct db;

/* --- paged lists --------------------------------------------------------- */

#define LIST_MAX_COLS 8

/*
 * How a list reads its rows. The SQL may use ?1 (an int parameter, e.g.
 * the domain id) and ?2 (a text parameter, e.g. a status filter; NULL
 * means "no filter"). Rows are ordered by (k1, k2, id), which must be
 * unique; k1/k2 must not be NULL (wrap nullable columns in ifnull).
 */
struct list_spec {
	const char *cols;	/* select list; column 0 is the row id */
	int ncols;
	const char *from;	/* table with alias, joins */
	const char *where;	/* condition ("1" for all rows) */
	const char *id;		/* id expression, e.g. "a.id" */
	const char *k1;		/* first sort key */
	bool k1_int;		/* k1 is an integer (else text) */
	const char *k2;		/* second sort key or NULL */
	bool k2_int;
};

struct list_row {
	long long id;
	char *col[LIST_MAX_COLS];	/* column texts, "" for NULL */
	long long ki[2];		/* sort keys when integer */
	char *kt[2];			/* sort keys when text */
};

struct list {
	struct db *db;
	struct list_spec spec;
	long long p1;		/* ?1 */
	char p2[64];		/* ?2 */
	bool has_p2;
	long long count;	/* -1: not counted yet */
	long long cur;		/* selected row */
	long long top;		/* first visible row */
	long long base;		/* index of rows[0] */
	int n;			/* rows held */
	struct list_row *rows;	/* window of rows [base, base + n) */
	struct result_info why;	/* the last query's failure, for the status line */
};

/* Makes a list over spec (copied; strings must outlive the list). */
struct list *list_new(struct db *db, const struct list_spec *spec);
void list_free(struct list *l);

/* Changes the parameters (p2 NULL = no filter). The selected entry stays
 * selected when the list still has it; otherwise it starts at row 0. */
void list_set_params(struct list *l, long long p1, const char *p2);

/* Changes the sort keys; keeps the selected row selected. */
void list_set_sort(struct list *l, const char *k1, bool k1_int, const char *k2, bool k2_int);

/* Number of rows (counted once, until list_invalidate). */
long long list_count(struct list *l);

/* The number of rows as last counted, 0 before the first count: for
 * drawing, which must not query. */
long long list_counted(const struct list *l);

/* The data changed: recount and reread. The selected entry stays
 * selected wherever it now sorts; when it is gone, the row at its place
 * (or the last) is. */
void list_invalidate(struct list *l);

/* Makes rows [first, first + n) available (a failure: l->why says it). */
enum result list_ensure(struct list *l, long long first, int n);

/* Row idx when it is held (after list_ensure), else NULL. */
const struct list_row *list_row(const struct list *l, long long idx);

/* Selects the row with this id; returns its index, or -1 when the list
 * does not hold it. */
long long list_select_id(struct list *l, long long id);

/* True when the list's filter (p2) hides entry id: the list without it
 * has the entry, the list with it has not. */
bool list_filter_hides(struct list *l, long long id);

/* Moves the selection (by delta rows, clipped) and scrolls so that it is
 * visible in a window of `rows` rows. */
void list_move(struct list *l, long long delta, int rows);

/* Makes top consistent with cur for a window of `rows` rows. */
void list_scroll(struct list *l, int rows);

/* --- small result sets --------------------------------------------------- */

/* A small query result held as strings (details, successes, hits). */
struct rowset {
	int n, ncols;
	char **v;		/* n * ncols strings */
};

/* Runs sql (ncols result columns) with ?1 = p1, ?2 = p2 (may be NULL)
 * and ?3 = limit; rs is emptied first. */
enum result rowset_load(struct db *db, struct rowset *rs, int ncols, const char *sql,
		long long p1, const char *p2, int limit);
const char *rowset_get(const struct rowset *rs, int row, int col);
void rowset_free(struct rowset *rs);

#endif
