#ifndef SNW_MODEL_REPORT_H
#define SNW_MODEL_REPORT_H

/*
 * What `snw report` reads, as plain loaders: each walks its rows in the
 * report's order and calls fn with a typed row (strings "" when empty,
 * valid during the call). They stream, so a report of a million
 * actielijnen never holds them all. fn returns 0 to go on; anything else
 * stops the walk and is returned. Otherwise they return 0, or -1 when
 * the database failed (db_errmsg says why).
 */

struct db;

/* Reads everything that follows from one state of the database (a read
 * transaction), until model_snapshot_end. */
int model_snapshot(struct db *db);
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

#endif
