/*
 * The read side of the form's reference fields (include/model/refs.h):
 * what a picker lists and whether a reference resolves.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/date.h"
#include "core/entity.h"
#include "core/fold.h"
#include "store/db.h"
#include "store/stmt.h"
#include "model/refs.h"

/* The queries per kind: value, label parts, domain. */
static const char *const find_sql[] = {
	[REF_DOMAIN] = "SELECT naam, code, '' FROM domeinen"
		       " ORDER BY soort = '" SOORT_THEMA "', volgorde IS NULL, volgorde, id",
	/* a date names its AB meeting when there are two (store/refs.c),
	   so only the meeting each date names can be picked */
	[REF_MEETING] = "SELECT v.datum, v.soort, ifnull(v.titel, '') FROM vergaderingen v"
			" WHERE v.id = (SELECT w.id FROM vergaderingen w WHERE w.datum = v.datum"
			" ORDER BY w.soort <> '" SOORT_AB "', w.id LIMIT 1)"
			" ORDER BY v.datum DESC",
	/* the key (domein_id, titel) is an index: no sort, even at a million */
	[REF_ACTIELIJN] = "SELECT a.titel, d.code, d.naam FROM actielijnen a"
			  " JOIN domeinen d ON d.id = a.domein_id"
			  " WHERE ?1 IS NULL OR d.naam = ?1 ORDER BY a.domein_id, a.titel",
	[REF_PERSON] = "SELECT trekker, '', '' FROM actielijnen WHERE trekker <> ''"
		       " UNION SELECT eigenaar, '', '' FROM acties WHERE eigenaar <> ''"
		       " ORDER BY 1",
};

void
refs_free(struct ref_list *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->v[i].value);
		free(l->v[i].label);
		free(l->v[i].domain);
		free(l->v[i].key);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Label and match text of one row. */
static void
describe(enum ref_kind kind, const char *v, const char *a, const char *b, bool all_domains,
	 char *label, size_t lsz, char *match, size_t msz)
{
	char shown[32], dmy[11];

	switch (kind) {
	case REF_DOMAIN:
		snprintf(label, lsz, "%s (%s)", v, a);
		snprintf(match, msz, "%s %s", v, a);
		return;
	case REF_MEETING:
		date_format_short(v, shown, sizeof(shown));
		date_format_dmy(v, dmy);
		snprintf(label, lsz, "%s · %s%s%s", shown, a, *b ? " · " : "", b);
		snprintf(match, msz, "%s %s %s", label, v, dmy);
		return;
	case REF_ACTIELIJN:
		if (all_domains)
			snprintf(label, lsz, "%s · %s", v, a);
		else
			snprintf(label, lsz, "%s", v);
		/* plain ASCII around the title: most titles then fold fast */
		snprintf(match, msz, all_domains ? "%s %s" : "%s", v, a);
		return;
	case REF_PERSON:
		snprintf(label, lsz, "%s", v);
		snprintf(match, msz, "%s", v);
		return;
	}
}

/* Appends an item (taking key). */
static void
add_item(struct ref_list *out, const char *value, const char *label, const char *domain, char *key)
{
	struct ref_item *it;

	if (out->n == out->cap) {
		int cap = out->cap ? out->cap * 2 : 32;
		out->v = xrealloc(out->v, (size_t)cap * sizeof(*out->v));
		out->cap = cap;
	}
	it = &out->v[out->n];
	it->value = xstrdup(value);
	it->label = xstrdup(label);
	it->domain = domain ? xstrdup(domain) : NULL;
	it->key = key;
	out->n++;
}

enum result
refs_find(struct db *db, enum ref_kind kind, const char *needle, const char *domain,
	  int limit, struct ref_list *out)
{
	bool all = !domain || !*domain;
	char *want = needle && *needle ? fold_text(needle) : NULL;
	struct db_stmt *st;
	int rc;

	refs_free(out);
	if (!(st = db_prepare(db, find_sql[kind]))) {
		free(want);
		return db_result(db)->code;
	}
	if (kind == REF_ACTIELIJN)
		db_bind_text(st, 1, all ? NULL : domain);
	while ((rc = db_step(st)) == 1) {
		char label[600], match[700], *key;
		const char *v = db_col_text(st, 0);

		describe(kind, v, db_col_text(st, 1), db_col_text(st, 2), all,
			 label, sizeof(label), match, sizeof(match));
		key = fold_text(match);
		if (want && !fold_contains(key, want)) {
			free(key);
			continue;
		}
		if (out->n >= limit) {
			free(key);
			out->more = true;
			break;
		}
		add_item(out, v, label, kind == REF_ACTIELIJN ? db_col_text(st, 2) : NULL, key);
	}
	db_finalize(st);
	free(want);
	return rc < 0 ? (enum result)rc : RES_OK;
}

int
refs_domain(struct db *db, const char *text, char **name)
{
	struct db_stmt *st = db_prepare(db, "SELECT naam, code FROM domeinen ORDER BY id");
	int rc = 0, found = 0;

	*name = NULL;
	if (!st)
		return db_result(db)->code;
	while (!found && (rc = db_step(st)) == 1) {
		if (fold_equal(db_col_text(st, 0), text) || fold_equal(db_col_text(st, 1), text)) {
			*name = xstrdup(db_col_text(st, 0));
			found = 1;
		}
	}
	db_finalize(st);
	return rc < 0 ? rc : found;
}

int
refs_meetings_on(struct db *db, const char *iso)
{
	struct db_stmt *st = db_prepare(db, "SELECT count(*) FROM vergaderingen WHERE datum = ?1");
	int n;

	if (!st)
		return db_result(db)->code;
	db_bind_text(st, 1, iso);
	if ((n = db_step(st)) == 1)
		n = (int)db_col_int(st, 0);
	db_finalize(st);
	return n;	/* a failure of db_step is negative */
}

/* Matches of title among actielijnen of domain (NULL: all): exact ones
 * with `exact`, else those equal once folded. */
static int
count_titles(struct db *db, const char *domain, const char *title, bool exact, char **canon)
{
	struct db_stmt *st = db_prepare(db, exact
		? "SELECT a.titel FROM actielijnen a JOIN domeinen d ON d.id = a.domein_id"
		  " WHERE a.titel = ?2 AND (?1 IS NULL OR d.naam = ?1) LIMIT 2"
		: "SELECT a.titel FROM actielijnen a JOIN domeinen d ON d.id = a.domein_id"
		  " WHERE ?1 IS NULL OR d.naam = ?1");
	char *want = exact ? NULL : fold_text(title);
	int n = 0, rc = 0;

	if (!st) {
		free(want);
		return db_result(db)->code;
	}
	db_bind_text(st, 1, domain);
	if (exact)
		db_bind_text(st, 2, title);
	while (n < 2 && (rc = db_step(st)) == 1) {
		const char *t = db_col_text(st, 0);
		char *ft;

		if (!exact) {
			ft = fold_text(t);
			if (strcmp(ft, want) != 0) {
				free(ft);
				continue;
			}
			free(ft);
		}
		if (n++ == 0)
			*canon = xstrdup(t);
	}
	db_finalize(st);
	free(want);
	if (rc < 0)
		return rc;
	if (n != 1) {
		free(*canon);
		*canon = NULL;
	}
	return n;
}

int
refs_actielijn(struct db *db, const char *domain, const char *title, char **canon)
{
	int n;

	*canon = NULL;
	if (domain && !*domain)
		domain = NULL;
	n = count_titles(db, domain, title, true, canon);
	if (n == 0)
		n = count_titles(db, domain, title, false, canon);
	return n;
}
