#ifndef SNW_PROGRAMME_H
#define SNW_PROGRAMME_H

/*
 * The programme's work as the dashboard reads it: actielijnen (a
 * domain's, the Gantt's year), one actielijn's details, a domain's
 * successes, the planning's milestones and what has no date yet.
 *
 * Every loader fills a typed result whose strings it owns (free it with
 * the matching _free; a result can be loaded again without freeing) and
 * returns RES_OK or what failed (db_result says more; the result is
 * then empty). Rows of a paged list are read through the
 * typed accessors here: nothing outside the model knows a query's
 * columns.
 */

#include "core/entity.h"
#include "model/list.h"

struct db;

/* --- lists of actielijnen ----------------------------------------------- */

/* A row of a list of actielijnen. The strings ("" when empty) belong to
 * the list's window: valid until the list moves or is read again. */
struct actielijn_row {
	long long id;
	const char *titel, *trekker, *status, *start, *eind;
	long long domein_id;
	const char *groep;		/* the slides' heading it stands under */
};

/* The typed fields of a row of either list below. */
struct actielijn_row actielijn_row(const struct list_row *r);

/* A domain's actielijnen by title (the UNIQUE (domein_id, titel) index),
 * to be pointed at a domain with actielijnen_show. */
struct list *actielijnen_of_domain(struct db *db);

/* Points l at a domain's actielijnen with a status (NULL: all; "": the
 * ones without), from the first row. */
void actielijnen_show(struct list *l, long long domein_id, const char *status);

/* The sort orders of a domain's actielijnen (`s`): their number, the
 * label of order i ("titel", "status", ...), and switching l to it
 * (keeping the selected row selected). */
int actielijnen_sorts(void);
const char *actielijnen_sort_label(int i);
void actielijnen_sort(struct list *l, int i);

/* Whether sort order i is by groep (the view shows group headings). */
bool actielijnen_sort_grouped(int i);

/* The actielijnen that touch a year (a start or end date, the period
 * overlapping it), by domain then title: the Gantt chart's rows, to be
 * pointed at a year with actielijnen_year. */
struct list *actielijnen_gantt(struct db *db);
void actielijnen_year(struct list *l, int year, const char *status);

/* --- one actielijn ------------------------------------------------------- */

struct actielijn_detail {
	long long id;			/* 0: nothing loaded (or it is gone) */
	const char *titel, *toelichting, *trekker, *status, *start, *eind;
	const char *groep, *bron;
	struct rowset rs;		/* holds the strings */
};

/* Reads actielijn id; d->id stays 0 when it does not exist. */
enum result actielijn_detail_load(struct db *db, long long id, struct actielijn_detail *d);
void actielijn_detail_free(struct actielijn_detail *d);

/* --- small lists -------------------------------------------------------- */

/* A domain's successes, newest year first, at most `limit`, with their
 * explanations and bron. */
struct successes {
	int n;
	struct success {
		long long id;
		int jaar;
		const char *titel, *toelichting, *bron;
	} *v;
	struct rowset rs;
};
enum result successes_of_domain(struct db *db, long long domein_id, int limit, struct successes *out);
void successes_free(struct successes *s);

/* The first `limit` actielijnen of a domain by title, with their status
 * (an overview pane on a large terminal). */
struct line_titles {
	int n;
	struct line_title {
		const char *titel, *status;
	} *v;
	struct rowset rs;
};
enum result actielijnen_first(struct db *db, long long domein_id, int limit, struct line_titles *out);
void line_titles_free(struct line_titles *t);

/* The planning items of a year with a date, by date (at most `limit`):
 * the Gantt's milestones. */
struct milestones {
	int n;
	struct milestone {
		long long id;
		const char *datum, *titel;
		long long actielijn_id;	/* 0: none */
	} *v;
	struct rowset rs;
};
enum result milestones_of_year(struct db *db, int year, int limit, struct milestones *out);
void milestones_free(struct milestones *m);

/* Actielijnen and planning items without any date, at most `limit`
 * (the Gantt's list apart): the actielijnen first. */
struct undated {
	int n;
	struct undated_item {
		const struct entity *e;	/* &entity_actielijnen or &entity_planning */
		long long id;
		const char *titel;
		const char *domein;	/* its domain's name, or "" */
	} *v;
	struct rowset rs;
};
enum result undated_load(struct db *db, int limit, struct undated *out);
void undated_free(struct undated *u);

/* The date of planning item id into date[11] ("" when it has none).
 * Returns 1, 0 when it is gone, or the failure (negative; db_result). */
int planning_item_date(struct db *db, long long id, char date[11]);

#endif
