/*
 * SQL statements: the ones generated from the entity tables when a
 * database is opened (find, insert, update and the history rows of every
 * entity, so a new column is added in one place), and the small statement
 * wrapper the read models use.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "core/alloc.h"

/* SQL column of a field: references are stored as ids. */
void
store_sql_column(const struct field *f, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, "%s%s", f->column, is_ref(f) ? "_id" : "");
}

/* A key column that may be empty is indexed as ifnull(col, '') or
 * ifnull(col, 0); the lookup must use the same expression. */
void
store_key_expr(const struct field *f, char *buf, size_t bufsz)
{
	char col[64];

	store_sql_column(f, col, sizeof(col));
	if (f->required)
		snprintf(buf, bufsz, "%s", col);
	else if (is_ref(f))
		snprintf(buf, bufsz, "ifnull(%s, 0)", col);
	else
		snprintf(buf, bufsz, "ifnull(%s, '')", col);
}

/* Prepares a statement the connection keeps for its lifetime. */
enum result
store_prepare(struct db *db, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return store_fail(db);
	return RES_OK;
}

/* Builds the find/insert/update statements of every entity. */
enum result
store_prepare_entities(struct db *db)
{
	char find[1024], ins[1024], vals[256], upd[2048], same[1024], col[64], expr[80];
	char raw[1024], json[1024], ins_new[1100];

	for (int i = 0; i < entity_count; i++) {
		const struct entity *e = entities[i];
		int nk = 0;

		snprintf(find, sizeof(find), "SELECT id FROM %s WHERE ", e->name);
		snprintf(ins, sizeof(ins), "INSERT INTO %s (", e->name);
		snprintf(upd, sizeof(upd), "UPDATE %s SET ", e->name);
		vals[0] = same[0] = '\0';
		snprintf(raw, sizeof(raw), "SELECT ");
		snprintf(json, sizeof(json), "INSERT INTO historie (tijd, wie, bron, tabel, rij, oud, nieuw)"
			 " SELECT ?5, ?2, ?3, '%s', id, CASE WHEN ?4 THEN json_object(", e->name);
		for (int j = 0; j < e->nfields; j++) {
			const struct field *f = &e->fields[j];
			const char *sep = j ? ", " : "";

			store_sql_column(f, col, sizeof(col));
			if (f->key) {
				store_key_expr(f, expr, sizeof(expr));
				snprintf(find + strlen(find), sizeof(find) - strlen(find),
					 "%s%s = ?%d", nk++ ? " AND " : "", expr, j + 1);
			}
			snprintf(ins + strlen(ins), sizeof(ins) - strlen(ins), "%s%s", sep, col);
			snprintf(vals + strlen(vals), sizeof(vals) - strlen(vals), "%s?%d", sep, j + 1);
			snprintf(upd + strlen(upd), sizeof(upd) - strlen(upd), "%s%s = ?%d", sep, col, j + 1);
			snprintf(same + strlen(same), sizeof(same) - strlen(same), "%s%s IS ?%d",
				 j ? " AND " : "", col, j + 1);
			snprintf(raw + strlen(raw), sizeof(raw) - strlen(raw), "%s%s", sep, col);
			snprintf(json + strlen(json), sizeof(json) - strlen(json), "%s'%s', %s", sep, col, col);
		}
		snprintf(raw + strlen(raw), sizeof(raw) - strlen(raw), " FROM %s WHERE id = ?1", e->name);
		/* The same JSON object goes in oud (a delete, ?4 true) or nieuw. */
		snprintf(json + strlen(json), sizeof(json) - strlen(json), ") END, CASE WHEN ?4 THEN NULL ELSE json_object(");
		for (int j = 0; j < e->nfields; j++) {
			store_sql_column(&e->fields[j], col, sizeof(col));
			snprintf(json + strlen(json), sizeof(json) - strlen(json), "%s'%s', %s", j ? ", " : "", col, col);
		}
		snprintf(json + strlen(json), sizeof(json) - strlen(json), ") END FROM %s WHERE id = ?1", e->name);
		snprintf(ins + strlen(ins), sizeof(ins) - strlen(ins), ") VALUES (%s)", vals);
		snprintf(upd + strlen(upd), sizeof(upd) - strlen(upd),
			 " WHERE id = ?%d AND NOT (%s)", e->nfields + 1, same);
		snprintf(ins_new, sizeof(ins_new), "INSERT OR IGNORE%s", ins + strlen("INSERT"));
		if (store_prepare(db, find, &db->sql[i].find) < 0 ||
		    store_prepare(db, ins_new, &db->sql[i].insert_new) < 0 ||
		    store_prepare(db, ins, &db->sql[i].insert) < 0 ||
		    store_prepare(db, upd, &db->sql[i].update) < 0 ||
		    store_prepare(db, raw, &db->sql[i].raw) < 0 ||
		    store_prepare(db, json, &db->sql[i].log_row) < 0)
			return db->res.code;
	}
	if (store_prepare(db, "SELECT id FROM vergaderingen WHERE datum = ?1"
			" ORDER BY soort <> 'AB-vergadering', id LIMIT 1", &db->meeting_by_date) < 0 ||
	    store_prepare(db, "SELECT id FROM actielijnen WHERE titel = ?1"
			" AND (?2 IS NULL OR domein_id = ?2) LIMIT 2", &db->actielijn_by_title) < 0 ||
	    store_prepare(db, "INSERT INTO historie (tijd, wie, bron, tabel, rij, veld, oud, nieuw)"
			" VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7)", &db->log_field) < 0 ||
	    store_prepare(db, "INSERT INTO historie (tijd, wie, bron, tabel, rij, tot)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &db->log_range) < 0)
		return db->res.code;
	return RES_OK;
}

/* --- the statement wrapper ---------------------------------------------------- */

enum result
db_exec(struct db *db, const char *sql)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(db);
	return RES_OK;
}

struct db_stmt *
db_prepare(struct db *db, const char *sql)
{
	struct db_stmt *s = xcalloc(1, sizeof(*s));

	s->db = db;
	if (sqlite3_prepare_v2(db->h, sql, -1, &s->st, NULL) != SQLITE_OK) {
		store_fail(db);
		free(s);
		return NULL;
	}
	return s;
}

void
db_bind_text(struct db_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s->st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s->st, i);
}

void
db_bind_int(struct db_stmt *s, int i, long long v)
{
	sqlite3_bind_int64(s->st, i, v);
}

int
db_step(struct db_stmt *s)
{
	int rc = sqlite3_step(s->st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(s->db);
}

const char *
db_col_text(struct db_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s->st, i);

	return v ? v : "";
}

long long
db_col_int(struct db_stmt *s, int i)
{
	return sqlite3_column_int64(s->st, i);
}

void
db_reset(struct db_stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
}

void
db_finalize(struct db_stmt *s)
{
	if (s) {
		sqlite3_finalize(s->st);
		free(s);
	}
}
