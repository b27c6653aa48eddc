/*
 * References: a row names another entry by text (a domain by code or
 * name, a meeting by date, an actielijn by title); here that text becomes
 * the id that is stored, or the reason it does not resolve.
 */

#include <stdio.h>
#include <string.h>

#include "store.h"
#include "core/text.h"

/* Fills the cache of domains (code, name, id) that references to a domain
 * are resolved with. */
static enum result
load_domains(struct db *db)
{
	sqlite3_stmt *st;
	int n = 0, rc;

	if (sqlite3_prepare_v2(db->h, "SELECT id, code, naam FROM domeinen ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MAX_DOMAINS) {
		struct domain_ref *d = &db->domains[n++];

		d->id = sqlite3_column_int64(st, 0);
		snprintf(d->code, sizeof(d->code), "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(d->naam, sizeof(d->naam), "%s", (const char *)sqlite3_column_text(st, 2));
	}
	/* A damaged page ends the loop as if the table ended: say so, or
	 * every domain would seem unknown. */
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		enum result r = store_fail(db);

		sqlite3_finalize(st);
		return r;
	}
	sqlite3_finalize(st);
	db->ndomains = n;
	return RES_OK;
}

/* Domain id by code or full name, ignoring case; 0 when unknown, or a
 * failure. */
static long long
find_domain(struct db *db, const char *ref)
{
	enum result rc;

	if (db->ndomains < 0) {
		if ((rc = load_domains(db)) < 0)
			return rc;
		db->nspellings = 0;
	}
	for (int i = 0; i < db->nspellings; i++)
		if (strcmp(db->spellings[i].text, ref) == 0)
			return db->spellings[i].id;
	for (int i = 0; i < db->ndomains; i++) {
		if (text_casecmp(db->domains[i].code, ref) == 0 ||
		    text_casecmp(db->domains[i].naam, ref) == 0) {
			int k = db->nspellings;

			if (k < (int)(sizeof(db->spellings) / sizeof(db->spellings[0])) &&
			    strlen(ref) < sizeof(db->spellings[k].text)) {
				strcpy(db->spellings[k].text, ref);
				db->spellings[k].id = db->domains[i].id;
				db->nspellings++;
			}
			return db->domains[i].id;
		}
	}
	return 0;
}

/* Resolves reference field j of a row to an id (0 = empty); RES_INVALID
 * when it does not resolve. */
static enum result
resolve(struct db *db, const struct entity *e, const char *const *vals, int j, long long *id)
{
	const struct field *f = &e->fields[j];
	const char *v = vals[j];
	enum result r;
	sqlite3_stmt *st;
	int rows = 0, rc;

	*id = 0;
	if (!v || !*v)
		return RES_OK;
	switch (f->type) {
	case FT_DOMAIN:
		if ((*id = find_domain(db, v)) < 0)
			return (enum result)*id;
		if (*id == 0)
			return store_problem(db, RES_INVALID, e, j, PROB_UNKNOWN_DOMAIN, v);
		return RES_OK;
	case FT_MEETING:
		st = db->meeting_by_date;
		sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
		break;
	case FT_ACTIELIJN: {
		int d = entity_field_index(e, "domein");
		long long dom = 0;

		if (d >= 0 && (r = resolve(db, e, vals, d, &dom)) < 0)
			return r;
		st = db->actielijn_by_title;
		sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
		if (dom)
			sqlite3_bind_int64(st, 2, dom);
		else
			sqlite3_bind_null(st, 2);
		break;
	}
	default:
		return RES_OK;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rows++;
	}
	r = rc == SQLITE_DONE ? RES_OK : store_fail(db);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (r < 0 || rows == 1)
		return r;
	if (f->type == FT_MEETING)
		return store_problem(db, RES_INVALID, e, j, PROB_NO_MEETING, v);
	return store_problem(db, RES_INVALID, e, j, rows == 0 ? PROB_UNKNOWN_ACTIELIJN
							   : PROB_AMBIGUOUS_ACTIELIJN, v);
}

enum result
store_resolve_all(struct db *db, const struct entity *e, const char *const *vals, long long *ids)
{
	enum result rc;

	for (int j = 0; j < e->nfields; j++)
		if ((rc = resolve(db, e, vals, j, &ids[j])) < 0)
			return rc;
	return RES_OK;
}

enum result
db_meeting_by_date(struct db *db, const char *date, long long *id)
{
	sqlite3_stmt *st = db->meeting_by_date;
	enum result r = RES_OK;
	int rc;

	*id = 0;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		r = store_fail(db);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return r;
}
