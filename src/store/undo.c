/*
 * The primitives of undo: an entry as JSON, an entry put back from its
 * JSON, an entry deleted, one column set back when it still holds what
 * the history says. Each records itself in the history, so an undo can be
 * undone.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "core/alloc.h"

int
db_row_json(struct db *db, const struct entity *e, long long id, char **json)
{
	char sql[1024], col[64];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT json_object(");
	for (int j = 0; j < e->nfields; j++) {
		store_sql_column(&e->fields[j], col, sizeof(col));
		snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), "%s'%s', %s", j ? ", " : "", col, col);
	}
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), ") FROM %s WHERE id = ?1", e->name);
	*json = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db, e->name);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*json = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(db, e->name);
	return rc == SQLITE_ROW ? 1 : 0;
}

/* Runs a write statement of e with ?1 = id and ?2 = text. */
static int
exec_id_text(struct db *db, const struct entity *e, const char *sql, long long id,
	     const char *text)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db, e->name);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db, e->name);
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return 0;
}

int
db_restore(struct db *db, const struct entity *e, long long id, const char *json)
{
	char sql[1024], col[64], vals[512] = "";

	snprintf(sql, sizeof(sql), "INSERT INTO %s (id", e->name);
	for (int j = 0; j < e->nfields; j++) {
		store_sql_column(&e->fields[j], col, sizeof(col));
		snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), ", %s", col);
		snprintf(vals + strlen(vals), sizeof(vals) - strlen(vals), ", json_extract(?2, '$.%s')", col);
	}
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), ") VALUES (?1%s)", vals);
	if (exec_id_text(db, e, sql, id, json) < 0)
		return -1;
	return store_log_row(db, e, id, false);
}

int
db_delete_row(struct db *db, const struct entity *e, long long id)
{
	return store_delete_rec(db, e, id);
}

int
db_set_column(struct db *db, const struct entity *e, long long id, const char *col,
	      const char *expect, const char *value)
{
	char sql[256];
	sqlite3_stmt *st;
	int same = 0;

	/* Columns come from our own history rows; check anyway before
	 * putting one into SQL text. */
	if (strspn(col, "abcdefghijklmnopqrstuvwxyz_") != strlen(col)) {
		snprintf(db->err, sizeof(db->err), "bad column name in history");
		return -1;
	}
	snprintf(sql, sizeof(sql), "SELECT %s IS ?2 FROM %s WHERE id = ?1", col, e->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db, e->name);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, expect, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		same = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!same)
		return DB_CONFLICT;
	if (store_log_field(db, e, id, col, expect, value) < 0)
		return -1;
	snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ?2 WHERE id = ?1", e->name, col);
	return exec_id_text(db, e, sql, id, value);
}
