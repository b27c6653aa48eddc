/*
 * Reading entries as canonical values (references as their text): one
 * entry for a form, every entry of a table for export, counts; and an
 * entry as the JSON its history rows hold (undo, the changes view).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "core/alloc.h"

/* SELECT of the canonical values (references as their text), for export
 * and forms. */
static void
canonical_select(const struct entity *e, char *sql, size_t sqlsz)
{
	snprintf(sql, sqlsz, "SELECT ");
	for (int j = 0; j < e->nfields; j++) {
		const struct field *f = &e->fields[j];
		const char *sep = j ? ", " : "";
		size_t len = strlen(sql);

		if (f->type == FT_DOMAIN)
			snprintf(sql + len, sqlsz - len,
				 "%s(SELECT naam FROM domeinen d WHERE d.id = t.domein_id)", sep);
		else if (f->type == FT_MEETING)
			snprintf(sql + len, sqlsz - len,
				 "%s(SELECT datum FROM vergaderingen v WHERE v.id = t.vergadering_id)", sep);
		else if (f->type == FT_ACTIELIJN)
			snprintf(sql + len, sqlsz - len,
				 "%s(SELECT titel FROM actielijnen a WHERE a.id = t.actielijn_id)", sep);
		else
			snprintf(sql + len, sqlsz - len, "%st.%s", sep, f->column);
	}
	snprintf(sql + strlen(sql), sqlsz - strlen(sql), " FROM %s t", e->name);
}

enum result
db_get(struct db *db, const struct entity *e, long long id, char **vals)
{
	char sql[2048];
	sqlite3_stmt *st;
	int rc;

	canonical_select(e, sql, sizeof(sql));
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " WHERE t.id = ?1");
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	for (int j = 0; j < e->nfields; j++) {
		const char *v = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, j) : NULL;

		vals[j] = xstrdup(v);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		enum result r = store_fail(db);

		sqlite3_finalize(st);
		return r;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		store_result(db, RES_NOT_FOUND);
		db->res.e = e;
		return RES_NOT_FOUND;
	}
	return RES_OK;
}

void
db_free_row(const struct entity *e, char **vals)
{
	for (int j = 0; j < e->nfields; j++) {
		free(vals[j]);
		vals[j] = NULL;
	}
}

/* Export order of each entity: grouped the way people read them, ties in
 * the order rows were added (so export, import, export is stable). */
static const char *
export_order(const struct entity *e)
{
	static const struct { const char *name, *order; } orders[] = {
		{ "domeinen", "volgorde IS NULL, volgorde, id" },
		{ "vergaderingen", "datum, id" },
		{ "successen", "(SELECT volgorde FROM domeinen d WHERE d.id = t.domein_id), jaar, id" },
		{ "actielijnen", "(SELECT volgorde FROM domeinen d WHERE d.id = t.domein_id), id" },
		{ "planning", "datum IS NULL, datum, id" },
		{ "besluiten", "(SELECT datum FROM vergaderingen v WHERE v.id = t.vergadering_id), id" },
		{ "acties", "(SELECT datum FROM vergaderingen v WHERE v.id = t.vergadering_id) IS NULL,"
			    " (SELECT datum FROM vergaderingen v WHERE v.id = t.vergadering_id), id" },
	};

	for (size_t i = 0; i < sizeof(orders) / sizeof(orders[0]); i++)
		if (strcmp(orders[i].name, e->name) == 0)
			return orders[i].order;
	return "id";
}

enum result
db_each(struct db *db, const struct entity *e,
	int (*fn)(void *ctx, const char *const *vals), void *ctx)
{
	char sql[2048];
	const char *vals[ENTITY_MAX_FIELDS];
	sqlite3_stmt *st;
	enum result r = RES_OK;
	int rc;

	canonical_select(e, sql, sizeof(sql));
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " ORDER BY %s", export_order(e));
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int j = 0; j < e->nfields; j++) {
			const char *v = (const char *)sqlite3_column_text(st, j);
			vals[j] = v ? v : "";
		}
		if (fn(ctx, vals) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		r = store_fail(db);
	sqlite3_finalize(st);
	return r;
}

enum result
db_count(struct db *db, const struct entity *e, long long *n)
{
	char sql[128];
	sqlite3_stmt *st;
	enum result r = RES_OK;

	*n = 0;
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", e->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		r = store_fail(db);
	sqlite3_finalize(st);
	return r;
}

enum result
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
		return store_fail(db);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*json = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(db);
	return rc == SQLITE_ROW ? RES_OK : RES_NOT_FOUND;
}
