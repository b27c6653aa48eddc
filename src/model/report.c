/*
 * What `snw report` reads: the domains, and per domain its successes,
 * its actielijnen with their planning items and its open action items,
 * streamed row by row to a callback; the summary's figures per domain,
 * the last and next AB meeting, and the year's Gantt chart. See
 * model/report.h (the peildatum is model_peildatum, model/model.h).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/entity.h"
#include "store/db.h"
#include "model/model.h"
#include "store/stmt.h"
#include "model/report.h"

enum result
model_snapshot(struct db *db)
{
	return db_snapshot(db);
}

void
model_snapshot_end(struct db *db)
{
	db_snapshot_end(db);
}

/* Finishes a walk: the statement goes, and the step's result (0 done, or
 * a failure) or the callback's (anything else) is what the walk returns;
 * a statement that could not be prepared failed as db_result says. */
static int
walk_end(struct db *db, struct db_stmt *st, int rc, int stop)
{
	db_finalize(st);
	if (stop)
		return stop;
	if (!st)
		return db_result(db)->code;
	return rc < 0 ? rc : RES_OK;
}

int
domains_each(struct db *db, int (*fn)(void *ctx, const struct domain_row *d), void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, code, naam, ifnull(motto, ''), soort, ifnull(bron, '') FROM domeinen"
					    " ORDER BY soort <> '" SOORT_DOMEIN "', volgorde IS NULL, volgorde, id");
	int rc = 0, stop = 0;

	if (!st)
		return db_result(db)->code;
	while (!stop && (rc = db_step(st)) == 1) {
		struct domain_row d = {
			db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
			db_col_text(st, 4), db_col_text(st, 5),
		};

		stop = fn(ctx, &d);
	}
	return walk_end(db, st, rc, stop);
}

int
successes_each(struct db *db, long long domein_id,
	       int (*fn)(void *ctx, const struct success_row *s), void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT jaar, titel, toelichting, bron FROM successen"
					    " WHERE domein_id = ?1 ORDER BY jaar, id");
	int rc = 0, stop = 0;

	if (!st)
		return db_result(db)->code;
	db_bind_int(st, 1, domein_id);
	while (!stop && (rc = db_step(st)) == 1) {
		struct success_row s = { db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2),
					 db_col_text(st, 3) };

		stop = fn(ctx, &s);
	}
	return walk_end(db, st, rc, stop);
}

/* The planning items of the actielijn being walked, copied out of the
 * statement (which is reused for every actielijn). */
struct planning_buf {
	struct planning_item *items;
	char **text;		/* what items point into: two strings each */
	int n, cap;
};

static void
planning_clear(struct planning_buf *b)
{
	for (int i = 0; i < 2 * b->n; i++)
		free(b->text[i]);
	b->n = 0;
}

/* Reads the planning items of actielijn id into b. Returns 0 or -1. */
static int
read_planning(struct db_stmt *plan, long long id, struct planning_buf *b)
{
	int rc;

	planning_clear(b);
	db_reset(plan);
	db_bind_int(plan, 1, id);
	while ((rc = db_step(plan)) == 1) {
		if (b->n == b->cap) {
			int c = b->cap ? b->cap * 2 : 8;
			b->items = xrealloc(b->items, (size_t)c * sizeof(*b->items));
			b->text = xrealloc(b->text, (size_t)c * 2 * sizeof(*b->text));
			b->cap = c;
		}
		b->text[2 * b->n] = xstrdup(db_col_text(plan, 0));
		b->text[2 * b->n + 1] = xstrdup(db_col_text(plan, 1));
		b->items[b->n] = (struct planning_item){ b->text[2 * b->n], b->text[2 * b->n + 1] };
		b->n++;
	}
	return rc < 0 ? rc : 0;
}

int
actielijnen_each(struct db *db, long long domein_id,
		 int (*fn)(void *ctx, const struct line_row *a), void *ctx)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT id, titel, ifnull(status, ''), ifnull(trekker, ''), ifnull(start, ''),"
		" ifnull(eind, ''), ifnull(toelichting, ''), ifnull(groep, ''), ifnull(bron, '')"
		" FROM actielijnen WHERE domein_id = ?1"
		" ORDER BY groep IS NOT NULL, min(id) OVER (PARTITION BY groep), id");
	struct db_stmt *plan = db_prepare(db,
		"SELECT ifnull(datum, ''), titel FROM planning WHERE actielijn_id = ?1"
		" ORDER BY datum IS NULL, datum, id");
	struct planning_buf b = { 0 };
	int rc = -1, stop = 0;

	if (!st || !plan) {
		rc = db_result(db)->code;
		goto out;
	}
	db_bind_int(st, 1, domein_id);
	while (!stop && (rc = db_step(st)) == 1) {
		struct line_row a;

		if ((rc = read_planning(plan, db_col_int(st, 0), &b)) < 0)
			break;
		a = (struct line_row){
			db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
			db_col_text(st, 4), db_col_text(st, 5), db_col_text(st, 6), db_col_text(st, 7),
			db_col_text(st, 8), b.n, b.items,
		};
		stop = fn(ctx, &a);
	}
out:
	planning_clear(&b);
	free(b.items);
	free(b.text);
	db_finalize(plan);
	return walk_end(db, st, rc, stop);
}

int
open_actions_each(struct db *db, long long domein_id,
		  int (*fn)(void *ctx, const struct open_action *a), void *ctx)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT a.actie, ifnull(a.eigenaar, ''), ifnull(a.deadline, ''), ifnull(v.datum, ''),"
		" ifnull(a.bron, '')"
		" FROM acties a LEFT JOIN vergaderingen v ON v.id = a.vergadering_id"
		" WHERE ifnull(a.domein_id, 0) = ?1"
		" AND ifnull(a.status, '" STATUS_OPEN "') <> '" STATUS_GEDAAN "'"
		" ORDER BY a.deadline IS NULL, a.deadline, v.datum, a.id");
	int rc = 0, stop = 0;

	if (!st)
		return db_result(db)->code;
	db_bind_int(st, 1, domein_id);
	while (!stop && (rc = db_step(st)) == 1) {
		struct open_action a = { db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
					 db_col_text(st, 3), db_col_text(st, 4) };

		stop = fn(ctx, &a);
	}
	return walk_end(db, st, rc, stop);
}

/* --- the summary ------------------------------------------------------------- */

/* Copies a column's text into a buffer of sz bytes. */
static void
col_copy(struct db_stmt *st, int i, char *dst, size_t sz)
{
	snprintf(dst, sz, "%s", db_col_text(st, i));
}

/* Runs a statement with ?1 = id and ?2 = text (each bound only where the
 * statement has it) that returns one row, and hands that row to fn. Returns 1 with a row, 0 without, or a
 * failure (negative). */
static int
one_row(struct db *db, const char *sql, long long id, const char *text,
	void (*fn)(struct db_stmt *st, void *ctx), void *ctx)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc;

	if (!st)
		return db_result(db)->code;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, text);
	if ((rc = db_step(st)) == 1)
		fn(st, ctx);
	db_finalize(st);
	return rc;
}

static void
take_counts(struct db_stmt *st, void *ctx)
{
	struct report_figures *f = ctx;

	f->successes = db_col_int(st, 0);
	f->open = db_col_int(st, 1);
	f->overdue = db_col_int(st, 2);
}

static void
take_next(struct db_stmt *st, void *ctx)
{
	struct report_figures *f = ctx;

	col_copy(st, 0, f->next_date, sizeof(f->next_date));
	col_copy(st, 1, f->next_title, sizeof(f->next_title));
}

enum result
report_figures_load(struct db *db, long long domein_id, const char *today, struct report_figures *f)
{
	/* The counts the database keeps (actielijn_telling): nothing here
	 * grows with the number of actielijnen. */
	struct db_stmt *st = db_prepare(db, "SELECT status, n FROM actielijn_telling"
					    " WHERE (?1 = -1 OR domein_id = ?1) AND n > 0");
	int rc;

	memset(f, 0, sizeof(*f));
	if (!st)
		return db_result(db)->code;
	db_bind_int(st, 1, domein_id);
	while ((rc = db_step(st)) == 1) {
		int i = model_status_index(db_col_text(st, 0));

		if (i >= 0 && i < REPORT_MAX_STATUS)
			f->status[i] += db_col_int(st, 1);
		f->total += db_col_int(st, 1);
	}
	db_finalize(st);
	if (rc < 0)
		return db_result(db)->code;
	if (one_row(db, "SELECT (SELECT count(*) FROM successen WHERE ?1 = -1 OR domein_id = ?1),"
			" count(*), ifnull(sum(deadline < ?2), 0) FROM acties"
			" WHERE (?1 = -1 OR ifnull(domein_id, 0) = ?1)"
			" AND ifnull(status, '') <> '" STATUS_GEDAAN "'",
		    domein_id, today, take_counts, f) < 0)
		return db_result(db)->code;
	return one_row(db, "SELECT p.datum, p.titel FROM planning p"
			   " LEFT JOIN actielijnen a ON a.id = p.actielijn_id"
			   " WHERE p.datum >= ?2 AND (?1 = -1 OR ifnull(p.domein_id, ifnull(a.domein_id, 0)) = ?1)"
			   " ORDER BY p.datum, p.id LIMIT 1",
		       domein_id, today, take_next, f) < 0 ? db_result(db)->code : 0;
}

static void
take_meeting(struct db_stmt *st, void *ctx)
{
	struct meeting_brief *m = ctx;

	m->id = db_col_int(st, 0);
	col_copy(st, 1, m->datum, sizeof(m->datum));
	col_copy(st, 2, m->soort, sizeof(m->soort));
	col_copy(st, 3, m->titel, sizeof(m->titel));
	col_copy(st, 4, m->locatie, sizeof(m->locatie));
	col_copy(st, 5, m->bron, sizeof(m->bron));
}

enum result
report_meetings(struct db *db, const char *today, struct meeting_brief *last, struct meeting_brief *next)
{
	memset(last, 0, sizeof(*last));
	memset(next, 0, sizeof(*next));
	if (one_row(db, "SELECT id, datum, soort, ifnull(titel, ''), ifnull(locatie, ''), ifnull(bron, '') FROM vergaderingen"
			" WHERE soort = '" SOORT_AB "' AND datum <= ?2"
			" ORDER BY datum DESC, id DESC LIMIT 1", 0, today, take_meeting, last) < 0)
		return db_result(db)->code;
	return one_row(db, "SELECT id, datum, soort, ifnull(titel, ''), ifnull(locatie, ''), ifnull(bron, '') FROM vergaderingen"
			   " WHERE soort = '" SOORT_AB "' AND datum > ?2"
			   " ORDER BY datum, id LIMIT 1", 0, today, take_meeting, next) < 0 ? db_result(db)->code : 0;
}

/* --- the year's Gantt chart ---------------------------------------------------- */

int
gantt_lines_each(struct db *db, int year, long long domein_id, int limit, long long *more,
		 int (*fn)(void *ctx, const struct gantt_line *g), void *ctx)
{
	char from[16], to[16];
	struct db_stmt *st = db_prepare(db,
		"SELECT a.id, d.naam, a.titel, ifnull(a.status, ''), ifnull(a.start, ''), ifnull(a.eind, ''),"
		" count(*) OVER () FROM actielijnen a JOIN domeinen d ON d.id = a.domein_id"
		" WHERE (a.start IS NOT NULL OR a.eind IS NOT NULL)"
		" AND ifnull(a.start, ?2) <= ?3 AND ifnull(a.eind, ?3) >= ?2"
		" AND (?1 = 0 OR a.domein_id = ?1)"
		" ORDER BY d.soort <> '" SOORT_DOMEIN "', d.volgorde IS NULL, d.volgorde, d.id,"
		" ifnull(a.start, ?2), a.titel, a.id LIMIT ?4");
	int rc = 0, stop = 0, n = 0;

	*more = 0;
	if (!st)
		return db_result(db)->code;
	snprintf(from, sizeof(from), "%04d-01-01", year);
	snprintf(to, sizeof(to), "%04d-12-31", year);
	db_bind_int(st, 1, domein_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	db_bind_int(st, 4, limit);
	while (!stop && (rc = db_step(st)) == 1) {
		struct gantt_line g = {
			db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
			db_col_text(st, 4), db_col_text(st, 5),
		};

		*more = db_col_int(st, 6) - ++n;
		stop = fn(ctx, &g);
	}
	return walk_end(db, st, rc, stop);
}

int
year_milestones_each(struct db *db, int year, long long domein_id, int limit,
		     int (*fn)(void *ctx, const struct year_milestone *m), void *ctx)
{
	char from[16], to[16];
	struct db_stmt *st = db_prepare(db,
		"SELECT p.datum, p.titel, ifnull(p.actielijn_id, 0), ifnull(d.naam, ''), ifnull(p.bron, '')"
		" FROM planning p LEFT JOIN actielijnen a ON a.id = p.actielijn_id"
		" LEFT JOIN domeinen d ON d.id = ifnull(p.domein_id, a.domein_id)"
		" WHERE p.datum BETWEEN ?2 AND ?3 AND (?1 = 0 OR d.id = ?1)"
		" ORDER BY p.datum, p.id LIMIT ?4");
	int rc = 0, stop = 0;

	if (!st)
		return db_result(db)->code;
	snprintf(from, sizeof(from), "%04d-01-01", year);
	snprintf(to, sizeof(to), "%04d-12-31", year);
	db_bind_int(st, 1, domein_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	db_bind_int(st, 4, limit);
	while (!stop && (rc = db_step(st)) == 1) {
		struct year_milestone m = { db_col_text(st, 0), db_col_text(st, 1), db_col_int(st, 2),
					    db_col_text(st, 3), db_col_text(st, 4) };

		stop = fn(ctx, &m);
	}
	return walk_end(db, st, rc, stop);
}
