#ifndef SNW_MODEL_H
#define SNW_MODEL_H

/*
 * Read models of the dashboard: everything the views show, read through
 * the statement wrapper of db.h. Long lists are paged with keyset queries
 * (a window of rows around what is visible), so a million actielijnen
 * never sit in memory; the overview's counts are cached per
 * db_data_version() and only recounted after a change.
 */

#include <stdbool.h>

struct db;

#define MODEL_MAX_DOMAINS 16	/* domains and themes shown in the overview */
#define MODEL_ACTS 6		/* open action items kept per overview pane */
#define MODEL_MAX_STATUS 9	/* room for the statuses of work plus "onbekend" */
#define MODEL_SUCCESS_YEAR 2023	/* the overview counts this year's successes */

/* The statuses of actielijnen and planning items as the dashboard shows
 * them (bars, legend, the `f` filter): the entity table's values in their
 * display order, then "" (empty, shown as "onbekend"). model_status(i)
 * for i < model_status_count(), NULL after. */
int model_status_count(void);
const char *model_status(int i);
/* How a status is shown: "onbekend" for the empty one. */
const char *model_status_label(const char *status);
/* Place of a status in that order (empty or unknown: the last). */
int model_status_index(const char *status);

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
	char err[160];		/* last query error, shown in the status line */
};

/* Makes a list over spec (copied; strings must outlive the list). */
struct list *list_new(struct db *db, const struct list_spec *spec);
void list_free(struct list *l);

/* Changes the parameters (p2 NULL = no filter) and starts at row 0. */
void list_set_params(struct list *l, long long p1, const char *p2);

/* Changes the sort keys; keeps the selected row selected. */
void list_set_sort(struct list *l, const char *k1, bool k1_int, const char *k2, bool k2_int);

/* Number of rows (counted once, until list_invalidate). */
long long list_count(struct list *l);

/* The data changed: recount and reread, keeping the selected row (or its
 * neighbour) selected. */
void list_invalidate(struct list *l);

/* Makes rows [first, first + n) available; -1 on a query error. */
int list_ensure(struct list *l, long long first, int n);

/* Row idx when it is held (after list_ensure), else NULL. */
const struct list_row *list_row(const struct list *l, long long idx);

/* Selects the row with this id; returns its index or -1. */
long long list_select_id(struct list *l, long long id);

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
int rowset_load(struct db *db, struct rowset *rs, int ncols, const char *sql,
		long long p1, const char *p2, int limit);
const char *rowset_get(const struct rowset *rs, int row, int col);
void rowset_free(struct rowset *rs);

/* --- the overview -------------------------------------------------------- */

struct model_act {
	char text[240];
	char owner[120];
	char deadline[11];
	bool overdue;
};

struct model_domain {
	long long id;
	char code[32];
	char naam[240];
	char motto[320];
	bool theme;			/* soort = 'thema' */
	long long status[MODEL_MAX_STATUS];	/* actielijnen per status */
	long long total;
	long long successes;		/* in MODEL_SUCCESS_YEAR */
	char next_date[11];		/* next (or else last) planning item */
	char next_title[240];
	bool next_past;			/* nothing upcoming: this is the last one */
	long long open_acts, overdue_acts;
	int nacts;
	struct model_act acts[MODEL_ACTS];	/* first open ones, by deadline */
};

struct overview {
	long long version;		/* db_data_version when loaded */
	bool valid;
	char today[11];
	int n;				/* domains first, then themes */
	int ndomains;
	struct model_domain dom[MODEL_MAX_DOMAINS];
	char meeting_date[11], meeting_title[240];	/* next AB meeting ... */
	char ms_date[11], ms_title[240];		/* ... and milestone, */
	bool meeting_past, ms_past;	/* or the last ones when none is ahead */
	char err[160];
};

/* Loads the overview unless it is current for this data version. */
int overview_load(struct db *db, struct overview *ov);

/* Index in ov->dom of the domain or theme with this id, or -1. */
int overview_find(const struct overview *ov, long long id);

/* --- search ---------------------------------------------------------------- */

/* Kinds of search hits (column 0 of the hit rowset). */
#define HIT_ACTIELIJN "a"
#define HIT_SUCCES "s"
#define HIT_PLANNING "p"
#define HIT_BESLUIT "b"
#define HIT_ACTIE "c"
#define HIT_VERGADERING "v"
#define SEARCH_MAX_HITS 1000

/* Searches all text for `needle` (case-insensitive for ASCII); rows are
 * (kind, id, domain or meeting id, title). */
int model_search(struct db *db, const char *needle, struct rowset *hits);

#endif
