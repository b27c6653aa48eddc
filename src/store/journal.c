/*
 * The history journal (table historie): who changed what, when and from
 * where, written in the same transaction as each change. A whole entry
 * added or deleted is one row with its JSON; a changed column is one row
 * with the old and new value; entries an import adds are one row per run
 * of ids.
 */

#include <stdio.h>
#include <time.h>

#include "store.h"

/* The time recorded with changes: taken once per transaction, so that
 * one import or one save carries one time (and no row pays for
 * formatting it). */
static const char *
change_time(struct db *db)
{
	if (!db->now[0]) {
		time_t t = time(NULL);
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(db->now, sizeof(db->now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	return db->now;
}

/* Records the pending run of added entries, if any: one history row
 * saying entries first..last were added. Every other history row and
 * the commit come after it, so the history keeps the order of events. */
enum result
store_flush_run(struct db *db)
{
	sqlite3_stmt *st = db->log_range;
	int rc;

	if (!db->run.e)
		return RES_OK;
	sqlite3_bind_text(st, 1, change_time(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, db->who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, db->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, db->run.e->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, db->run.first);
	sqlite3_bind_int64(st, 6, db->run.last);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	db->run.e = NULL;
	return rc == SQLITE_DONE ? RES_OK : store_fail(db);
}

/* Adds entry id of e to the pending run, or starts a new run. */
enum result
store_log_added(struct db *db, const struct entity *e, long long id)
{
	enum result rc;

	if (db->run.e == e && id == db->run.last + 1) {
		db->run.last = id;
		return RES_OK;
	}
	if ((rc = store_flush_run(db)) < 0)
		return rc;
	db->run.e = e;
	db->run.first = db->run.last = id;
	return RES_OK;
}

/* History: one row per changed column, in the same transaction. */
enum result
store_log_field(struct db *db, const struct entity *e, long long row, const char *col,
		const char *oud, const char *nieuw)
{
	sqlite3_stmt *st = db->log_field;
	enum result r;
	int rc;

	if ((r = store_flush_run(db)) < 0)
		return r;
	sqlite3_bind_text(st, 1, db->who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, db->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, row);
	sqlite3_bind_text(st, 5, col, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, oud, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, nieuw, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, change_time(db), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? RES_OK : store_fail(db);
}

/* History: the whole entry as JSON, as it is now (added) or as it was
 * (deleted; call before deleting). */
enum result
store_log_row(struct db *db, const struct entity *e, long long row, bool deleted)
{
	sqlite3_stmt *st = db->sql[entity_index(e)].log_row;
	enum result r;
	int rc;

	if ((r = store_flush_run(db)) < 0)
		return r;
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_text(st, 2, db->who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, db->source, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, deleted);
	sqlite3_bind_text(st, 5, change_time(db), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? RES_OK : store_fail(db);
}

void
db_set_actor(struct db *db, const char *who, const char *source)
{
	if (who)
		snprintf(db->who, sizeof(db->who), "%s", who);
	if (source)
		snprintf(db->source, sizeof(db->source), "%s", source);
}

void
db_last_group(const struct db *db, long long *first, long long *last)
{
	*first = db->group_first;
	*last = db->group_last;
}

/* The newest history id (0 when there is none), or a failure. */
long long
store_last_change(struct db *db)
{
	sqlite3_stmt *st;
	long long v = 0;
	int rc;

	if (sqlite3_prepare_v2(db->h, "SELECT ifnull(max(id), 0) FROM historie", -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else
		v = store_fail(db);
	sqlite3_finalize(st);
	return v;
}
