/*
 * References: a row names another entry by text (a domain by code or
 * name, a meeting by date, an actielijn by title); here that text becomes
 * the id that is stored, or the reason it does not resolve.
 */

#include <stdio.h>
#include <string.h>

#include "store.h"
#include "core/text.h"

static int
load_domains(struct db *db)
{
	sqlite3_stmt *st;
	int n = 0, rc;

	if (sqlite3_prepare_v2(db->h, "SELECT id, code, naam FROM domeinen ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return store_fail(db, "reading domains");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MAX_DOMAINS) {
		struct domain_ref *d = &db->domains[n++];

		d->id = sqlite3_column_int64(st, 0);
		snprintf(d->code, sizeof(d->code), "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(d->naam, sizeof(d->naam), "%s", (const char *)sqlite3_column_text(st, 2));
	}
	/* A damaged page ends the loop as if the table ended: say so, or
	 * every domain would seem unknown. */
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_fail(db, "reading domains");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	db->ndomains = n;
	return 0;
}

/* Domain id by code or full name, ignoring case; 0 when unknown. */
static long long
find_domain(struct db *db, const char *ref)
{
	if (db->ndomains < 0) {
		if (load_domains(db) < 0)
			return -1;
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

/* Resolves reference field j of a row to an id (0 = empty). */
static int
resolve(struct db *db, const struct entity *e, const char *const *vals, int j,
	long long *id, char *err, size_t errsz)
{
	const struct field *f = &e->fields[j];
	const char *v = vals[j];
	char shown[64];
	sqlite3_stmt *st;
	int rows = 0, rc;

	*id = 0;
	if (!v || !*v)
		return 0;
	switch (f->type) {
	case FT_DOMAIN:
		*id = find_domain(db, v);
		if (*id < 0)
			return -1;
		if (*id == 0) {
			text_fit(shown, sizeof(shown), v, 50);
			snprintf(err, errsz, "%s: unknown domain '%s' (expected the code or name of a domain or theme)",
				 f->column, shown);
			return -1;
		}
		return 0;
	case FT_MEETING:
		st = db->meeting_by_date;
		sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
		break;
	case FT_ACTIELIJN: {
		int d = entity_field_index(e, "domein");
		long long dom = 0;

		if (d >= 0 && resolve(db, e, vals, d, &dom, err, errsz) < 0)
			return -1;
		st = db->actielijn_by_title;
		sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
		if (dom)
			sqlite3_bind_int64(st, 2, dom);
		else
			sqlite3_bind_null(st, 2);
		break;
	}
	default:
		return 0;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rows++;
	}
	if (rc != SQLITE_DONE) {	/* the database failed: err stays empty */
		store_fail(db, f->column);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return -1;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rows == 1)
		return 0;
	text_fit(shown, sizeof(shown), v, 50);
	if (f->type == FT_MEETING)
		snprintf(err, errsz, "%s: no meeting on %s (expected the date of a meeting in vergaderingen)",
			 f->column, shown);
	else if (rows == 0)
		snprintf(err, errsz, "%s: unknown actielijn '%s' (expected the title of an actielijn%s)",
			 f->column, shown, entity_field_index(e, "domein") >= 0 ? " of that domain" : "");
	else
		snprintf(err, errsz, "%s: '%s' names several actielijnen (expected a domein to tell them apart)",
			 f->column, shown);
	return -1;
}

/* Resolves every reference of a row; -1 (bad reference, err set) or -2. */
int
store_resolve_all(struct db *db, const struct entity *e, const char *const *vals,
	    long long *ids, char *err, size_t errsz)
{
	*err = '\0';
	for (int j = 0; j < e->nfields; j++) {
		if (resolve(db, e, vals, j, &ids[j], err, errsz) < 0) {
			if (*err)
				return -1;
			snprintf(err, errsz, "%s", db->err);
			return -2;
		}
	}
	return 0;
}

long long
db_meeting_by_date(struct db *db, const char *date)
{
	sqlite3_stmt *st = db->meeting_by_date;
	long long id = 0;
	int rc;

	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		id = store_fail(db, "vergaderingen");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return id;
}
