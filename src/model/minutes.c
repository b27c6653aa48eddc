/*
 * What `snw minutes` reads (model/minutes.h): a meeting, its decisions
 * by agenda item, its action items and the open ones of earlier
 * meetings, streamed to a callback.
 */

#include <stdio.h>
#include <string.h>

#include "core/entity.h"
#include "store/db.h"
#include "store/read.h"
#include "store/stmt.h"
#include "model/minutes.h"

enum result
minutes_meeting(struct db *db, const char *date, struct meeting_brief *m)
{
	struct db_stmt *st;
	long long id;
	enum result r;
	int rc;

	memset(m, 0, sizeof(*m));
	if ((r = db_meeting_by_date(db, date, &id)) < 0)
		return r;
	if (id == 0)
		return RES_NOT_FOUND;
	if (!(st = db_prepare(db, "SELECT datum, soort, ifnull(titel, ''), ifnull(locatie, ''), ifnull(bron, '')"
				  " FROM vergaderingen WHERE id = ?1")))
		return db_result(db)->code;
	db_bind_int(st, 1, id);
	if ((rc = db_step(st)) == 1) {
		m->id = id;
		snprintf(m->datum, sizeof(m->datum), "%s", db_col_text(st, 0));
		snprintf(m->soort, sizeof(m->soort), "%s", db_col_text(st, 1));
		snprintf(m->titel, sizeof(m->titel), "%s", db_col_text(st, 2));
		snprintf(m->locatie, sizeof(m->locatie), "%s", db_col_text(st, 3));
		snprintf(m->bron, sizeof(m->bron), "%s", db_col_text(st, 4));
	}
	db_finalize(st);
	return rc < 0 ? (enum result)rc : rc == 1 ? RES_OK : RES_NOT_FOUND;
}

int
minutes_dates_each(struct db *db, int limit, int (*fn)(void *ctx, const char *datum), void *ctx)
{
	struct db_stmt *st = db_prepare(db, "SELECT DISTINCT datum FROM vergaderingen ORDER BY datum DESC LIMIT ?1");
	int rc = 0, stop = 0;

	if (!st)
		return db_result(db)->code;
	db_bind_int(st, 1, limit);
	while (!stop && (rc = db_step(st)) == 1)
		stop = fn(ctx, db_col_text(st, 0));
	db_finalize(st);
	return stop ? stop : rc < 0 ? rc : 0;
}

int
minutes_decisions_each(struct db *db, long long meeting_id,
		       int (*fn)(void *ctx, const struct minutes_decision *b), void *ctx)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT ifnull(b.agendapunt, ''), b.besluit, ifnull(b.bron, '') FROM besluiten b"
		" WHERE b.vergadering_id = ?1"
		" ORDER BY (SELECT min(x.id) FROM besluiten x WHERE x.vergadering_id = b.vergadering_id"
		"   AND ifnull(x.agendapunt, '') = ifnull(b.agendapunt, '')), b.id");
	int rc = 0, stop = 0;

	if (!st)
		return db_result(db)->code;
	db_bind_int(st, 1, meeting_id);
	while (!stop && (rc = db_step(st)) == 1) {
		struct minutes_decision b = { db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2) };

		stop = fn(ctx, &b);
	}
	db_finalize(st);
	return stop ? stop : rc < 0 ? rc : 0;
}

/* Walks action items: the columns of minutes_action, then `where`
 * with ?1 = id and ?2 = text, in `order`. */
static int
actions_walk(struct db *db, const char *where, long long id, const char *text,
	     int (*fn)(void *ctx, const struct minutes_action *a), void *ctx)
{
	char sql[1024];
	struct db_stmt *st;
	int rc = 0, stop = 0;

	snprintf(sql, sizeof(sql),
		 "SELECT a.actie, ifnull(a.eigenaar, ''), ifnull(a.deadline, ''), ifnull(a.status, ''),"
		 " ifnull(v.datum, ''), ifnull(d.naam, ''), ifnull(a.bron, '') FROM acties a"
		 " LEFT JOIN vergaderingen v ON v.id = a.vergadering_id"
		 " LEFT JOIN domeinen d ON d.id = a.domein_id WHERE %s", where);
	if (!(st = db_prepare(db, sql)))
		return db_result(db)->code;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, text);
	while (!stop && (rc = db_step(st)) == 1) {
		struct minutes_action a = { db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
					    db_col_text(st, 3), db_col_text(st, 4), db_col_text(st, 5),
					    db_col_text(st, 6) };

		stop = fn(ctx, &a);
	}
	db_finalize(st);
	return stop ? stop : rc < 0 ? rc : 0;
}

int
minutes_actions_each(struct db *db, long long meeting_id,
		     int (*fn)(void *ctx, const struct minutes_action *a), void *ctx)
{
	return actions_walk(db, "a.vergadering_id = ?1 ORDER BY a.id", meeting_id, NULL, fn, ctx);
}

int
minutes_open_before_each(struct db *db, const char *date,
			 int (*fn)(void *ctx, const struct minutes_action *a), void *ctx)
{
	return actions_walk(db, "v.datum < ?2 AND ifnull(a.status, '" STATUS_OPEN "') <> '" STATUS_GEDAAN "'"
			    " ORDER BY v.datum, a.id", 0, date, fn, ctx);
}
