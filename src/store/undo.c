/*
 * Undo and redo (store/undo.h): a group of history rows reverted in one
 * transaction, newest first: an entry compared with its JSON as it was
 * (db_row_json, read.c), put back from its JSON or deleted, one column
 * set back when it still holds what the history says. Each step records
 * itself in the history, so redo is reverting the revert.
 *
 * A history row is either a whole entry (veld NULL: added when nieuw
 * holds its JSON, deleted when oud does) or one column (oud -> nieuw).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "core/alloc.h"

/* One history row, copied out of the statement. */
struct change {
	char *tabel, *veld, *oud, *nieuw;
	long long rij;
	bool has_veld, has_oud, has_nieuw;
	bool is_run;		/* entries rij.. added by an import */
};

static void
change_free(struct change *c)
{
	free(c->tabel);
	free(c->veld);
	free(c->oud);
	free(c->nieuw);
}

/* Runs a write statement of e with ?1 = id and ?2 = text. */
static enum result
exec_id_text(struct db *db, const struct entity *e, const char *sql, long long id,
	     const char *text)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(db);
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return RES_OK;
}

/* Puts entry id of e back as its JSON says, recording it as added. */
static enum result
restore(struct db *db, const struct entity *e, long long id, const char *json)
{
	char sql[1024], col[64], vals[512] = "";
	enum result rc;

	snprintf(sql, sizeof(sql), "INSERT INTO %s (id", e->name);
	for (int j = 0; j < e->nfields; j++) {
		store_sql_column(&e->fields[j], col, sizeof(col));
		snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), ", %s", col);
		snprintf(vals + strlen(vals), sizeof(vals) - strlen(vals), ", json_extract(?2, '$.%s')", col);
	}
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), ") VALUES (?1%s)", vals);
	if ((rc = exec_id_text(db, e, sql, id, json)) < 0)
		return rc;
	return store_log_row(db, e, id, false);
}

/* Sets column col of a row to value when it still holds expect (NULL =
 * empty); RES_CONFLICT when it does not. */
static enum result
set_column(struct db *db, const struct entity *e, long long id, const char *col,
	   const char *expect, const char *value)
{
	char sql[256];
	sqlite3_stmt *st;
	enum result rc;
	int same = 0;

	/* Columns come from our own history rows; check anyway before
	 * putting one into SQL text. */
	if (strspn(col, "abcdefghijklmnopqrstuvwxyz_") != strlen(col)) {
		store_result(db, RES_CORRUPT);
		snprintf(db->res.detail, sizeof(db->res.detail), "historie: %.64s", col);
		return RES_CORRUPT;
	}
	snprintf(sql, sizeof(sql), "SELECT %s IS ?2 FROM %s WHERE id = ?1", col, e->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, expect, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		same = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!same)
		return RES_CONFLICT;
	if ((rc = store_log_field(db, e, id, col, expect, value)) < 0)
		return rc;
	snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ?2 WHERE id = ?1", e->name, col);
	return exec_id_text(db, e, sql, id, value);
}

/* Reads group g, newest first. */
static enum result
load_group(struct db *db, struct change_group g, struct change **out, size_t *n)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT tabel, rij, veld, oud, nieuw, veld IS NOT NULL, oud IS NOT NULL, nieuw IS NOT NULL,"
		" tot IS NOT NULL FROM historie WHERE id BETWEEN ?1 AND ?2 ORDER BY id DESC");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return db->res.code;
	db_bind_int(st, 1, g.first);
	db_bind_int(st, 2, g.last);
	while ((rc = db_step(st)) == 1) {
		struct change *c;

		if (*n == cap)
			*out = xrealloc(*out, (cap = cap ? cap * 2 : 16) * sizeof(**out));
		c = &(*out)[(*n)++];
		c->tabel = xstrdup(db_col_text(st, 0));
		c->rij = db_col_int(st, 1);
		c->veld = xstrdup(db_col_text(st, 2));
		c->oud = xstrdup(db_col_text(st, 3));
		c->nieuw = xstrdup(db_col_text(st, 4));
		c->has_veld = db_col_int(st, 5);
		c->has_oud = db_col_int(st, 6);
		c->has_nieuw = db_col_int(st, 7);
		c->is_run = db_col_int(st, 8);
	}
	db_finalize(st);
	return rc < 0 ? (enum result)rc : RES_OK;
}

/* Applies the opposite of one change. */
static enum result
revert_one(struct db *db, const struct change *c)
{
	const struct entity *e = entity_find(c->tabel);
	char *now = NULL;
	enum result rc;

	if (!e) {
		store_result(db, RES_CORRUPT);
		snprintf(db->res.detail, sizeof(db->res.detail), "historie: %.64s", c->tabel);
		return RES_CORRUPT;
	}
	if (c->is_run)		/* never part of a session's changes */
		return store_result(db, RES_IMPORT_UNDO);
	if (c->has_veld) {
		rc = set_column(db, e, c->rij, c->veld, c->has_nieuw ? c->nieuw : NULL,
				c->has_oud ? c->oud : NULL);
	} else if ((rc = db_row_json(db, e, c->rij, &now)) < 0 && rc != RES_NOT_FOUND) {
		return rc;
	} else if (c->has_nieuw) {	/* it was added: delete it, if it is as we left it */
		rc = rc == RES_OK && strcmp(now, c->nieuw) == 0 ? store_delete_rec(db, e, c->rij)
								: RES_CONFLICT;
	} else {			/* it was deleted: bring it back */
		rc = rc == RES_NOT_FOUND ? restore(db, e, c->rij, c->oud) : RES_CONFLICT;
	}
	free(now);
	if (rc == RES_CONFLICT) {
		store_result(db, RES_CONFLICT);
		db->res.e = e;
	}
	return rc;
}

enum result
db_revert(struct db *db, struct change_group g, struct change_group *reverted)
{
	struct change *changes;
	size_t n = 0;
	enum result rc;

	reverted->first = reverted->last = 0;
	if ((rc = db_begin(db)) < 0)
		return rc;
	db_set_actor(db, NULL, "undo");
	rc = load_group(db, g, &changes, &n);
	for (size_t i = 0; i < n && rc == RES_OK; i++)
		rc = revert_one(db, &changes[i]);
	for (size_t i = 0; i < n; i++)
		change_free(&changes[i]);
	free(changes);
	db_set_actor(db, NULL, "form");
	if (rc != RES_OK) {
		db_rollback(db);
		return rc;
	}
	if ((rc = db_commit(db)) < 0)
		return rc;
	db_last_group(db, &reverted->first, &reverted->last);
	return RES_OK;
}
