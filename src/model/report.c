/*
 * What `snw report` reads: the domains, and per domain its successes,
 * its actielijnen with their planning items and its open action items,
 * streamed row by row to a callback. See model/report.h.
 */

#include <stdlib.h>
#include <string.h>

#include "core/entity.h"
#include "store/db.h"
#include "model/report.h"

int
model_snapshot(struct db *db)
{
	return db_exec(db, "BEGIN");
}

void
model_snapshot_end(struct db *db)
{
	db_exec(db, "COMMIT");
}

/* Finishes a walk: the statement goes, and the step's result (0 done, -1
 * failed) or the callback's (anything else) is what the walk returns. */
static int
walk_end(struct db_stmt *st, int rc, int stop)
{
	db_finalize(st);
	return stop ? stop : rc < 0 ? -1 : 0;
}

int
domains_each(struct db *db, int (*fn)(void *ctx, const struct domain_row *d), void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT id, code, naam, ifnull(motto, ''), soort, ifnull(bron, '') FROM domeinen"
					    " ORDER BY soort <> '" SOORT_DOMEIN "', volgorde IS NULL, volgorde, id");
	int rc = 0, stop = 0;

	if (!st)
		return -1;
	while (!stop && (rc = db_step(st)) == 1) {
		struct domain_row d = {
			db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
			db_col_text(st, 4), db_col_text(st, 5),
		};

		stop = fn(ctx, &d);
	}
	return walk_end(st, rc, stop);
}

int
successes_each(struct db *db, long long domein_id,
	       int (*fn)(void *ctx, const struct success_row *s), void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT jaar, titel, toelichting, bron FROM successen"
					    " WHERE domein_id = ?1 ORDER BY jaar, id");
	int rc = 0, stop = 0;

	if (!st)
		return -1;
	db_bind_int(st, 1, domein_id);
	while (!stop && (rc = db_step(st)) == 1) {
		struct success_row s = { db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2),
					 db_col_text(st, 3) };

		stop = fn(ctx, &s);
	}
	return walk_end(st, rc, stop);
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
			struct planning_item *p = realloc(b->items, (size_t)c * sizeof(*p));
			char **t = p ? realloc(b->text, (size_t)c * 2 * sizeof(*t)) : NULL;

			if (p)
				b->items = p;
			if (!t)
				return -1;
			b->text = t;
			b->cap = c;
		}
		b->text[2 * b->n] = strdup(db_col_text(plan, 0));
		b->text[2 * b->n + 1] = strdup(db_col_text(plan, 1));
		b->items[b->n] = (struct planning_item){ b->text[2 * b->n], b->text[2 * b->n + 1] };
		b->n++;
		if (!b->text[2 * b->n - 2] || !b->text[2 * b->n - 1])
			return -1;
	}
	return rc < 0 ? -1 : 0;
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

	if (!st || !plan)
		goto out;
	db_bind_int(st, 1, domein_id);
	while (!stop && (rc = db_step(st)) == 1) {
		struct line_row a;

		if (read_planning(plan, db_col_int(st, 0), &b) < 0) {
			rc = -1;
			break;
		}
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
	return walk_end(st, rc, stop);
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
		return -1;
	db_bind_int(st, 1, domein_id);
	while (!stop && (rc = db_step(st)) == 1) {
		struct open_action a = { db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
					 db_col_text(st, 3), db_col_text(st, 4) };

		stop = fn(ctx, &a);
	}
	return walk_end(st, rc, stop);
}
