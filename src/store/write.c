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
#include "core/text.h"

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

/* Writes resolved values to row `id` (0 = a new row), recording history.
 * Returns 0 with *change set, or -2 after store_fail(). */
int
store_write_row(struct db *db, const struct entity *e, long long *id, const char *const *vals,
	  const long long *ids, enum db_change *change)
{
	struct entity_sql *q = &db->sql[entity_index(e)];
	int rc;

	if (!*id) {
		bind_row(q->insert, e, vals, ids, false);
		rc = sqlite3_step(q->insert);
		sqlite3_reset(q->insert);
		if (rc != SQLITE_DONE)
			return store_fail(db, e->name) - 1;
		*id = sqlite3_last_insert_rowid(db->h);
		*change = DB_ADDED;
		if (store_log_row(db, e, *id, false) < 0)
			return -2;
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
					if (store_log_field(db, e, *id, col, old, now) < 0) {
						sqlite3_reset(q->raw);
						return -2;
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
			return 0;
		rc = sqlite3_step(q->update);
		sqlite3_reset(q->update);
		if (rc != SQLITE_DONE)
			return store_fail(db, e->name) - 1;
	}
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return 0;
}

/* The id of the row with the same natural key, 0 if none, -1 on error. */
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
		return store_fail(db, e->name);
	return found;
}

/* Imports mostly add rows: try the insert first and let the unique
 * index say whether the entry exists. History records added entries as
 * runs of ids (imports are not undone, so the whole row is not needed). */
int
store_try_insert(struct db *db, const struct entity *e, const char *const *vals,
	   const long long *ids, long long *row)
{
	struct entity_sql *q = &db->sql[entity_index(e)];
	int rc;

	*row = 0;
	bind_row(q->insert_new, e, vals, ids, false);
	rc = sqlite3_step(q->insert_new);
	sqlite3_reset(q->insert_new);
	if (rc != SQLITE_DONE)
		return store_fail(db, e->name);
	if (sqlite3_changes(db->h) == 0)
		return 0;
	*row = sqlite3_last_insert_rowid(db->h);
	if (store_log_added(db, e, *row) < 0)
		return -1;
	/* Outside a transaction no commit would record the run. */
	if (sqlite3_get_autocommit(db->h) && store_flush_run(db) < 0)
		return -1;
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return 0;
}

/* A row with a new natural key that repeats a value another entry holds
 * in a unique column (only a domain's naam is one): the data's fault.
 * Returns -1 with err in the import's "column: what (expected)" form. */
static int
taken(const struct entity *e, const char *const *vals, char *err, size_t errsz)
{
	const char *col = e->fields[e->title].column;
	char shown[64];

	text_fit(shown, sizeof(shown), vals[e->title] ? vals[e->title] : "", 50);
	snprintf(err, errsz, "%s: another %s already has the %s '%s' (expected a %s of its own)",
		 col, e->singular, col, shown, col);
	return -1;
}

int
db_upsert(struct db *db, const struct entity *e, const char *const *vals,
	  enum db_change *change, long long *id, char *err, size_t errsz)
{
	long long ids[ENTITY_MAX_FIELDS] = { 0 };
	long long row;
	int rc = store_resolve_all(db, e, vals, ids, err, errsz);

	if (rc < 0)
		return rc;
	if (db->bulk.e == e) {
		if (store_bulk_upsert(db, e, vals, ids, change, &row) < 0)
			goto failed;
		if (!row)	/* ignored for another reason than its key */
			return taken(e, vals, err, errsz);
	} else if (store_try_insert(db, e, vals, ids, &row) < 0) {
		goto failed;
	} else if (row) {
		*change = DB_ADDED;
	} else {
		if ((row = find_key(db, e, vals, ids)) < 0)
			goto failed;
		if (row == 0)	/* ignored, yet no entry with this key */
			return taken(e, vals, err, errsz);
		if (store_write_row(db, e, &row, vals, ids, change) < 0)
			goto failed;
	}
	if (id)
		*id = row;
	return 0;
failed:
	if (sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_UNIQUE)
		return taken(e, vals, err, errsz);	/* an update renamed it */
	snprintf(err, errsz, "%s", db->err);
	return -2;
}

/* Explains a failed write of a form in the user's terms. */
static int
write_error(struct db *db, const struct entity *e, char *err, size_t errsz)
{
	if ((sqlite3_extended_errcode(db->h) & 0xff) == SQLITE_CONSTRAINT)
		snprintf(err, errsz, "er bestaat al een %s met deze gegevens", e->singular);
	else
		snprintf(err, errsz, "%s", db->err);
	return -2;
}

int
db_insert(struct db *db, const struct entity *e, const char *const *vals,
	  long long *id, char *err, size_t errsz)
{
	long long ids[ENTITY_MAX_FIELDS] = { 0 };
	enum db_change change;
	long long row;
	int rc;

	if (db_begin(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		return -2;
	}
	if ((rc = store_resolve_all(db, e, vals, ids, err, errsz)) < 0)
		goto out;
	if ((row = find_key(db, e, vals, ids)) != 0) {
		rc = row < 0 ? -2 : -1;
		if (row > 0)
			snprintf(err, errsz, "er bestaat al een %s met deze gegevens", e->singular);
		else
			snprintf(err, errsz, "%s", db->err);
		goto out;
	}
	if ((rc = store_write_row(db, e, &row, vals, ids, &change)) < 0) {
		write_error(db, e, err, errsz);
		goto out;
	}
	*id = row;
	if (db_commit(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		return -2;
	}
	return 0;
out:
	db_rollback(db);
	return rc;
}

int
db_update(struct db *db, const struct entity *e, long long id, const char *const *orig,
	  const char *const *vals, char **current, char *err, size_t errsz)
{
	long long ids[ENTITY_MAX_FIELDS] = { 0 };
	enum db_change change;
	long long other;
	int rc, found;

	if (db_begin(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		return -2;
	}
	/* Someone else may have saved this entry since the form opened. */
	if ((found = db_get(db, e, id, current)) < 0) {
		rc = -2;
		snprintf(err, errsz, "%s", db->err);
		goto out;
	}
	for (int j = 0; found && j < e->nfields; j++) {
		if (strcmp(current[j], orig[j] ? orig[j] : "") != 0) {
			snprintf(err, errsz, "iemand anders heeft deze %s intussen gewijzigd", e->singular);
			rc = DB_CONFLICT;
			goto out;
		}
	}
	if (!found) {
		snprintf(err, errsz, "iemand anders heeft deze %s intussen verwijderd", e->singular);
		rc = DB_GONE;
		goto out;
	}
	if ((rc = store_resolve_all(db, e, vals, ids, err, errsz)) < 0)
		goto out;
	if ((other = find_key(db, e, vals, ids)) != 0 && other != id) {
		snprintf(err, errsz, "er bestaat al een %s met deze gegevens", e->singular);
		rc = -1;
		goto out;
	}
	if ((rc = store_write_row(db, e, &id, vals, ids, &change)) < 0) {
		write_error(db, e, err, errsz);
		goto out;
	}
	db_free_row(e, current);
	if (db_commit(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		return -2;
	}
	return 0;
out:
	if (rc != DB_CONFLICT)	/* only a conflict hands `current` over */
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
static int
select_ids(struct db *db, const struct entity *e, const char *sql, long long id,
	   long long **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db, e->name);
	if (id >= 0)
		sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap)
			*out = xrealloc(*out, (cap = cap ? cap * 2 : 16) * sizeof(**out));
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE) {
		store_fail(db, e->name);
		sqlite3_finalize(st);
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Ids of rows of d whose column col is id. */
static int
referring(struct db *db, const struct entity *d, const char *col, long long id,
	  long long **out, size_t *n)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE %s = ?1 ORDER BY id", d->name, col);
	return select_ids(db, d, sql, id, out, n);
}

/* Deletes row id of e and what depends on it, recording each step so that
 * undo can put everything back: dependants first, the row last. */
int
store_delete_rec(struct db *db, const struct entity *e, long long id)
{
	char sql[256], col[64], idtext[32];

	for (int i = 0; i < entity_count; i++) {
		const struct entity *d = entities[i];

		for (int j = 0; j < d->nfields; j++) {
			const struct field *f = &d->fields[j];
			long long *rows;
			size_t n;
			int rc = 0;

			if (ref_target(f) != e)
				continue;
			store_sql_column(f, col, sizeof(col));
			if (referring(db, d, col, id, &rows, &n) < 0)
				return -1;
			snprintf(idtext, sizeof(idtext), "%lld", id);
			for (size_t k = 0; k < n && rc == 0; k++) {
				if (f->key) {
					rc = store_delete_rec(db, d, rows[k]);
					continue;
				}
				snprintf(sql, sizeof(sql), "UPDATE %s SET %s = NULL WHERE id = %lld",
					 d->name, col, rows[k]);
				rc = store_log_field(db, d, rows[k], col, idtext, NULL);
				if (rc == 0)
					rc = db_exec(db, sql);
			}
			free(rows);
			if (rc < 0)
				return -1;
		}
	}
	if (store_log_row(db, e, id, true) < 0)
		return -1;
	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = %lld", e->name, id);
	if (db_exec(db, sql) < 0)
		return -1;
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return 0;
}

int
db_delete(struct db *db, const struct entity *e, long long id, char *err, size_t errsz)
{
	if (db_begin(db) < 0 || store_delete_rec(db, e, id) < 0 || db_commit(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		db_rollback(db);
		return -2;
	}
	return 0;
}

int
db_dependents(struct db *db, const struct entity *e, long long id, char *buf, size_t bufsz)
{
	char col[64];

	*buf = '\0';
	for (int i = 0; i < entity_count; i++) {
		const struct entity *d = entities[i];

		for (int j = 0; j < d->nfields; j++) {
			const struct field *f = &d->fields[j];
			long long *rows;
			size_t n;

			if (ref_target(f) != e || !f->key)
				continue;
			store_sql_column(f, col, sizeof(col));
			if (referring(db, d, col, id, &rows, &n) < 0)
				return -1;
			free(rows);
			if (n)
				snprintf(buf + strlen(buf), bufsz - strlen(buf), "%s%zu %s",
					 *buf ? ", " : "", n, n == 1 ? d->singular : d->name);
		}
	}
	return 0;
}

int
db_keep_only(struct db *db, const struct entity *e, const long long *ids,
	     size_t n, long long *deleted)
{
	sqlite3_stmt *st = NULL;
	char sql[256];
	long long *gone = NULL;
	size_t ngone = 0;
	int rc = 0;

	*deleted = 0;
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS snw_keep (id INTEGER PRIMARY KEY);"
			"DELETE FROM temp.snw_keep") < 0)
		return -1;
	if (store_prepare(db, "INSERT OR IGNORE INTO temp.snw_keep (id) VALUES (?1)", &st) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = store_fail(db, e->name);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE id NOT IN (SELECT id FROM temp.snw_keep)", e->name);
	if (select_ids(db, e, sql, -1, &gone, &ngone) < 0)
		return -1;
	/* Each deleted row goes through delete_rec, so that history and its
	 * dependants are handled as in the dashboard. */
	for (size_t i = 0; i < ngone && rc == 0; i++)
		if (store_delete_rec(db, e, gone[i]) < 0)
			rc = -1;
	free(gone);
	*deleted = (long long)ngone;
	if (rc == 0)
		rc = db_exec(db, "DELETE FROM temp.snw_keep");
	return rc;
}
