/*
 * Writing entries: the upsert of imports, insert and update of forms
 * (with the check that nobody changed the entry meanwhile), delete with
 * what depends on it, and import --replace's deletes. Every write is
 * recorded in the history journal (journal.c) in its own transaction.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "core/alloc.h"

/* Binds the values of a row as parameters 1..n; refs must be resolved.
 * A value that was not given (NULL) binds as the field's default. */
static void
bind_row(sqlite3_stmt *st, const struct entity *e, const char *const *vals,
	 const long long *ids, bool key_only)
{
	for (int j = 0; j < e->nfields; j++) {
		const struct field *f = &e->fields[j];
		const char *v = value_or_default(f, vals[j]);
		bool ref = is_ref(f);

		if (key_only && !f->key)
			continue;
		if (ref && ids[j])
			sqlite3_bind_int64(st, j + 1, ids[j]);
		else if (ref && key_only && !f->required)
			sqlite3_bind_int(st, j + 1, 0);	/* matches ifnull(col, 0) */
		else if (!*v && key_only && !f->required)
			sqlite3_bind_text(st, j + 1, "", 0, SQLITE_STATIC);
		else if (!*v || ref)
			sqlite3_bind_null(st, j + 1);
		else if (f->type == FT_INT)
			sqlite3_bind_int64(st, j + 1, strtoll(v, NULL, 10));
		else
			sqlite3_bind_text(st, j + 1, v, -1, SQLITE_STATIC);
	}
}

/* The stored text of value j as the update will write it (NULL = empty). */
static const char *
stored_text(const struct entity *e, const char *const *vals, const long long *ids,
	    int j, char *buf, size_t bufsz)
{
	const struct field *f = &e->fields[j];
	if (is_ref(f)) {
		if (!ids[j])
			return NULL;
		snprintf(buf, bufsz, "%lld", ids[j]);
		return buf;
	}
	if (!vals[j] || !*vals[j])
		return NULL;
	if (f->type == FT_INT) {
		snprintf(buf, bufsz, "%lld", strtoll(vals[j], NULL, 10));
		return buf;
	}
	return vals[j];
}

/* Writes resolved values to row `id` (0 = a new row), recording history;
 * *change says what it did. */
enum result
store_write_row(struct db *db, const struct entity *e, long long *id, const char *const *vals,
		const long long *ids, enum db_change *change)
{
	struct entity_sql *q = &db->sql[entity_index(e)];
	enum result r;
	int rc;

	if (!*id) {
		bind_row(q->insert, e, vals, ids, false);
		rc = sqlite3_step(q->insert);
		sqlite3_reset(q->insert);
		if (rc != SQLITE_DONE)
			return store_fail(db);
		*id = sqlite3_last_insert_rowid(db->h);
		*change = DB_ADDED;
		if ((r = store_log_row(db, e, *id, false)) < 0)
			return r;
	} else {
		/* Record what changes, column by column, before writing. A
		 * value that was not given (NULL: the file has no such column)
		 * keeps what is stored. */
		*change = DB_UNCHANGED;
		sqlite3_bind_int64(q->raw, 1, *id);
		if (sqlite3_step(q->raw) == SQLITE_ROW) {
			for (int j = 0; j < e->nfields; j++) {
				const char *old = (const char *)sqlite3_column_text(q->raw, j);
				char buf[32], col[64];
				const char *now = stored_text(e, vals, ids, j, buf, sizeof(buf));

				if (!vals[j])
					continue;
				if ((old == NULL) != (now == NULL) || (old && strcmp(old, now) != 0)) {
					store_sql_column(&e->fields[j], col, sizeof(col));
					if ((r = store_log_field(db, e, *id, col, old, now)) < 0) {
						sqlite3_reset(q->raw);
						return r;
					}
					*change = DB_UPDATED;
				}
			}
		}
		if (*change == DB_UPDATED) {
			bind_row(q->update, e, vals, ids, false);
			for (int j = 0; j < e->nfields; j++)
				if (!vals[j])
					sqlite3_bind_value(q->update, j + 1, sqlite3_column_value(q->raw, j));
			sqlite3_bind_int64(q->update, e->nfields + 1, *id);
		}
		sqlite3_reset(q->raw);
		if (*change == DB_UNCHANGED)
			return RES_OK;
		rc = sqlite3_step(q->update);
		sqlite3_reset(q->update);
		if (rc != SQLITE_DONE)
			return store_fail(db);
	}
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return RES_OK;
}

/* The id of the row with the same natural key, 0 if none, or a failure. */
static long long
find_key(struct db *db, const struct entity *e, const char *const *vals, const long long *ids)
{
	struct entity_sql *q = &db->sql[entity_index(e)];
	long long found = 0;
	int rc;

	bind_row(q->find, e, vals, ids, true);
	rc = sqlite3_step(q->find);
	if (rc == SQLITE_ROW)
		found = sqlite3_column_int64(q->find, 0);
	sqlite3_reset(q->find);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(db);
	return found;
}

/* Imports mostly add rows: try the insert first and let the unique
 * index say whether the entry exists (*row 0: it does). History records
 * added entries as runs of ids (imports are not undone, so the whole row
 * is not needed). */
enum result
store_try_insert(struct db *db, const struct entity *e, const char *const *vals,
		 const long long *ids, long long *row)
{
	struct entity_sql *q = &db->sql[entity_index(e)];
	enum result r;
	int rc;

	*row = 0;
	bind_row(q->insert_new, e, vals, ids, false);
	rc = sqlite3_step(q->insert_new);
	sqlite3_reset(q->insert_new);
	if (rc != SQLITE_DONE)
		return store_fail(db);
	if (sqlite3_changes(db->h) == 0)
		return RES_OK;
	*row = sqlite3_last_insert_rowid(db->h);
	if ((r = store_log_added(db, e, *row)) < 0)
		return r;
	/* Outside a transaction no commit would record the run. */
	if (sqlite3_get_autocommit(db->h) && (r = store_flush_run(db)) < 0)
		return r;
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return RES_OK;
}

/* A row with a new natural key that repeats a value another entry holds
 * in a unique column (only a domain's naam is one): the data's fault. */
static enum result
taken(struct db *db, const struct entity *e, const char *const *vals)
{
	return store_problem(db, RES_DUPLICATE, e, e->title, PROB_TAKEN, vals[e->title]);
}

/* Another entry has the natural key of this one (a form's save). */
static enum result
key_taken(struct db *db, const struct entity *e)
{
	return store_problem(db, RES_DUPLICATE, e, -1, PROB_TAKEN, "");
}

enum result
db_upsert(struct db *db, const struct entity *e, const char *const *vals,
	  enum db_change *change, long long *id)
{
	long long ids[ENTITY_MAX_FIELDS] = { 0 };
	long long row;
	enum result rc = store_resolve_all(db, e, vals, ids);

	if (rc < 0)
		return rc;
	if (db->bulk.e == e) {
		if (store_bulk_upsert(db, e, vals, ids, change, &row) < 0)
			goto failed;
		if (!row)	/* ignored for another reason than its key */
			return taken(db, e, vals);
	} else if (store_try_insert(db, e, vals, ids, &row) < 0) {
		goto failed;
	} else if (row) {
		*change = DB_ADDED;
	} else {
		if ((row = find_key(db, e, vals, ids)) < 0)
			goto failed;
		if (row == 0)	/* ignored, yet no entry with this key */
			return taken(db, e, vals);
		if (store_write_row(db, e, &row, vals, ids, change) < 0)
			goto failed;
	}
	if (id)
		*id = row;
	return RES_OK;
failed:
	if (sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_UNIQUE)
		return taken(db, e, vals);	/* an update renamed it */
	return db->res.code;
}

/* A failed write of a form: a constraint is another entry with the same
 * data; anything else stays what it was. */
static enum result
write_error(struct db *db, const struct entity *e)
{
	if ((sqlite3_extended_errcode(db->h) & 0xff) == SQLITE_CONSTRAINT)
		return key_taken(db, e);
	return db->res.code;
}

enum result
db_insert(struct db *db, const struct entity *e, const char *const *vals, long long *id)
{
	long long ids[ENTITY_MAX_FIELDS] = { 0 };
	enum db_change change;
	long long row;
	enum result rc;

	if ((rc = db_begin(db)) < 0)
		return rc;
	if ((rc = store_resolve_all(db, e, vals, ids)) < 0)
		goto out;
	if ((row = find_key(db, e, vals, ids)) != 0) {
		rc = row < 0 ? (enum result)row : key_taken(db, e);
		goto out;
	}
	if (store_write_row(db, e, &row, vals, ids, &change) < 0) {
		rc = write_error(db, e);
		goto out;
	}
	*id = row;
	return db_commit(db);
out:
	db_rollback(db);
	return rc;
}

enum result
db_update(struct db *db, const struct entity *e, long long id, const char *const *orig,
	  const char *const *vals, char **current)
{
	long long ids[ENTITY_MAX_FIELDS] = { 0 };
	enum db_change change;
	long long other;
	enum result rc;

	if ((rc = db_begin(db)) < 0)
		return rc;
	/* Someone else may have saved this entry since the form opened. */
	rc = db_get(db, e, id, current);
	if (rc == RES_NOT_FOUND) {
		store_result(db, RES_GONE);
		db->res.e = e;
		rc = RES_GONE;
	}
	if (rc < 0)
		goto out;
	for (int j = 0; j < e->nfields; j++) {
		if (strcmp(current[j], orig[j] ? orig[j] : "") != 0) {
			store_result(db, RES_CONFLICT);
			db->res.e = e;
			rc = RES_CONFLICT;
			goto out;
		}
	}
	if ((rc = store_resolve_all(db, e, vals, ids)) < 0)
		goto out;
	if ((other = find_key(db, e, vals, ids)) != 0 && other != id) {
		rc = other < 0 ? (enum result)other : key_taken(db, e);
		goto out;
	}
	if (store_write_row(db, e, &id, vals, ids, &change) < 0) {
		rc = write_error(db, e);
		goto out;
	}
	db_free_row(e, current);
	return db_commit(db);
out:
	if (rc != RES_CONFLICT)	/* only a conflict hands `current` over */
		db_free_row(e, current);
	db_rollback(db);
	return rc;
}

/* How a reference field reacts when what it points to is deleted: a
 * reference that is part of the natural key cannot outlive its target
 * (ON DELETE CASCADE in the schema); any other is cleared (SET NULL). */
static const struct entity *
ref_target(const struct field *f)
{
	switch (f->type) {
	case FT_DOMAIN:
		return &entity_domeinen;
	case FT_MEETING:
		return &entity_vergaderingen;
	case FT_ACTIELIJN:
		return &entity_actielijnen;
	default:
		return NULL;
	}
}

/* Runs sql (a query of ids; ?1 = id when id >= 0) and collects the ids,
 * malloc'd into *out. */
static enum result
select_ids(struct db *db, const char *sql, long long id, long long **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	enum result r;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	if (id >= 0)
		sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap)
			*out = xrealloc(*out, (cap = cap ? cap * 2 : 16) * sizeof(**out));
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE) {
		r = store_fail(db);
		sqlite3_finalize(st);
		free(*out);
		*out = NULL;
		*n = 0;
		return r;
	}
	sqlite3_finalize(st);
	return RES_OK;
}

/* Ids of rows of d whose column col is id. */
static enum result
referring(struct db *db, const struct entity *d, const char *col, long long id,
	  long long **out, size_t *n)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE %s = ?1 ORDER BY id", d->name, col);
	return select_ids(db, sql, id, out, n);
}

/* Deletes row id of e and what depends on it, recording each step so that
 * undo can put everything back: dependants first, the row last. */
enum result
store_delete_rec(struct db *db, const struct entity *e, long long id)
{
	char sql[256], col[64], idtext[32];
	enum result rc;

	for (int i = 0; i < entity_count; i++) {
		const struct entity *d = entities[i];

		for (int j = 0; j < d->nfields; j++) {
			const struct field *f = &d->fields[j];
			long long *rows;
			size_t n;

			if (ref_target(f) != e)
				continue;
			store_sql_column(f, col, sizeof(col));
			if ((rc = referring(db, d, col, id, &rows, &n)) < 0)
				return rc;
			snprintf(idtext, sizeof(idtext), "%lld", id);
			for (size_t k = 0; k < n && rc == RES_OK; k++) {
				if (f->key) {
					rc = store_delete_rec(db, d, rows[k]);
					continue;
				}
				snprintf(sql, sizeof(sql), "UPDATE %s SET %s = NULL WHERE id = %lld",
					 d->name, col, rows[k]);
				rc = store_log_field(db, d, rows[k], col, idtext, NULL);
				if (rc == RES_OK)
					rc = db_exec(db, sql);
			}
			free(rows);
			if (rc < 0)
				return rc;
		}
	}
	if ((rc = store_log_row(db, e, id, true)) < 0)
		return rc;
	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = %lld", e->name, id);
	if ((rc = db_exec(db, sql)) < 0)
		return rc;
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return RES_OK;
}

enum result
db_delete(struct db *db, const struct entity *e, long long id)
{
	enum result rc;

	if ((rc = db_begin(db)) < 0)
		return rc;
	if ((rc = store_delete_rec(db, e, id)) < 0) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum result
db_dependents(struct db *db, const struct entity *e, long long id, struct dependents *deps)
{
	char col[64];
	enum result rc;

	memset(deps, 0, sizeof(*deps));
	for (int i = 0; i < entity_count; i++) {
		const struct entity *d = entities[i];

		for (int j = 0; j < d->nfields; j++) {
			const struct field *f = &d->fields[j];
			long long *rows;
			size_t n;

			if (ref_target(f) != e || !f->key)
				continue;
			store_sql_column(f, col, sizeof(col));
			if ((rc = referring(db, d, col, id, &rows, &n)) < 0)
				return rc;
			free(rows);
			if (n && deps->count < (int)(sizeof(deps->e) / sizeof(deps->e[0]))) {
				deps->e[deps->count] = d;
				deps->n[deps->count++] = (long long)n;
			}
		}
	}
	return RES_OK;
}

enum result
db_keep_only(struct db *db, const struct entity *e, const long long *ids,
	     size_t n, long long *deleted)
{
	sqlite3_stmt *st = NULL;
	char sql[256];
	long long *gone = NULL;
	size_t ngone = 0;
	enum result rc;

	*deleted = 0;
	if ((rc = db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS snw_keep (id INTEGER PRIMARY KEY);"
			      "DELETE FROM temp.snw_keep")) < 0)
		return rc;
	if ((rc = store_prepare(db, "INSERT OR IGNORE INTO temp.snw_keep (id) VALUES (?1)", &st)) < 0)
		return rc;
	for (size_t i = 0; i < n && rc == RES_OK; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = store_fail(db);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc < 0)
		return rc;
	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE id NOT IN (SELECT id FROM temp.snw_keep)", e->name);
	if ((rc = select_ids(db, sql, -1, &gone, &ngone)) < 0)
		return rc;
	/* Each deleted row goes through delete_rec, so that history and its
	 * dependants are handled as in the dashboard. */
	for (size_t i = 0; i < ngone && rc == RES_OK; i++)
		rc = store_delete_rec(db, e, gone[i]);
	free(gone);
	*deleted = (long long)ngone;
	if (rc == RES_OK)
		rc = db_exec(db, "DELETE FROM temp.snw_keep");
	return rc;
}
