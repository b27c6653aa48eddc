/*
 * The overview's read model and search: a handful of grouped queries,
 * run again only when the database changed (db_data_version).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "store/db.h"
#include "model/model.h"

static void
copy(char *dst, size_t sz, const char *src)
{
	snprintf(dst, sz, "%s", src ? src : "");
}

int
overview_find(const struct overview *ov, long long id)
{
	for (int i = 0; i < ov->n; i++)
		if (ov->dom[i].id == id)
			return i;
	return -1;
}

static int
load_domains(struct db *db, struct overview *ov)
{
	struct rowset rs = { 0 };

	if (rowset_load(db, &rs, 5,
			"SELECT id, code, naam, ifnull(motto, ''), soort FROM domeinen"
			" ORDER BY soort = 'thema', volgorde IS NULL, volgorde, id LIMIT ?3",
			0, NULL, MODEL_MAX_DOMAINS) < 0)
		return -1;
	ov->n = rs.n;
	ov->ndomains = 0;
	for (int i = 0; i < rs.n; i++) {
		struct model_domain *d = &ov->dom[i];

		memset(d, 0, sizeof(*d));
		d->id = strtoll(rowset_get(&rs, i, 0), NULL, 10);
		copy(d->code, sizeof(d->code), rowset_get(&rs, i, 1));
		copy(d->naam, sizeof(d->naam), rowset_get(&rs, i, 2));
		copy(d->motto, sizeof(d->motto), rowset_get(&rs, i, 3));
		d->theme = strcmp(rowset_get(&rs, i, 4), "thema") == 0;
		if (!d->theme)
			ov->ndomains++;
	}
	rowset_free(&rs);
	return 0;
}

/* Actielijnen per domain and status, from the counts the database keeps
 * (table actielijn_telling): no query here grows with the data. */
static int
load_counts(struct db *db, struct overview *ov)
{
	struct rowset rs = { 0 };

	if (rowset_load(db, &rs, 3,
			"SELECT domein_id, status, n FROM actielijn_telling WHERE n > 0",
			0, NULL, 0) < 0)
		return -1;
	for (int i = 0; i < rs.n; i++) {
		int d = overview_find(ov, strtoll(rowset_get(&rs, i, 0), NULL, 10));
		long long n = strtoll(rowset_get(&rs, i, 2), NULL, 10);

		if (d < 0)
			continue;
		ov->dom[d].status[model_status_index(rowset_get(&rs, i, 1))] += n;
		ov->dom[d].total += n;
	}
	if (rowset_load(db, &rs, 2,
			"SELECT domein_id, count(*) FROM successen WHERE jaar = ?1 GROUP BY domein_id",
			MODEL_SUCCESS_YEAR, NULL, 0) < 0)
		return -1;
	for (int i = 0; i < rs.n; i++) {
		int d = overview_find(ov, strtoll(rowset_get(&rs, i, 0), NULL, 10));

		if (d >= 0)
			ov->dom[d].successes = strtoll(rowset_get(&rs, i, 1), NULL, 10);
	}
	rowset_free(&rs);
	return 0;
}

/* Next planning item of a domain (its own or its actielijnen'), or the
 * last one when nothing is upcoming. */
static int
load_next(struct db *db, struct overview *ov, struct model_domain *d)
{
	static const char *const sql[2] = {
		"SELECT p.datum, p.titel FROM planning p"
		" LEFT JOIN actielijnen a ON a.id = p.actielijn_id"
		" WHERE p.datum >= ?2 AND (p.domein_id = ?1 OR a.domein_id = ?1)"
		" ORDER BY p.datum LIMIT ?3",
		"SELECT p.datum, p.titel FROM planning p"
		" LEFT JOIN actielijnen a ON a.id = p.actielijn_id"
		" WHERE p.datum < ?2 AND (p.domein_id = ?1 OR a.domein_id = ?1)"
		" ORDER BY p.datum DESC LIMIT ?3",
	};
	struct rowset rs = { 0 };

	for (int k = 0; k < 2; k++) {
		if (rowset_load(db, &rs, 2, sql[k], d->id, ov->today, 1) < 0)
			return -1;
		if (rs.n) {
			copy(d->next_date, sizeof(d->next_date), rowset_get(&rs, 0, 0));
			copy(d->next_title, sizeof(d->next_title), rowset_get(&rs, 0, 1));
			d->next_past = k == 1;
			break;
		}
	}
	rowset_free(&rs);
	return 0;
}

static int
load_acts(struct db *db, struct overview *ov, struct model_domain *d)
{
	struct rowset rs = { 0 };

	if (rowset_load(db, &rs, 2,
			"SELECT count(*), ifnull(sum(deadline < ?2), 0) FROM acties"
			" WHERE domein_id = ?1 AND ifnull(status, '') <> 'gedaan'",
			d->id, ov->today, 0) < 0)
		return -1;
	d->open_acts = strtoll(rowset_get(&rs, 0, 0), NULL, 10);
	d->overdue_acts = strtoll(rowset_get(&rs, 0, 1), NULL, 10);
	if (rowset_load(db, &rs, 3,
			"SELECT actie, ifnull(eigenaar, ''), ifnull(deadline, '') FROM acties"
			" WHERE domein_id = ?1 AND ifnull(status, '') <> 'gedaan'"
			" ORDER BY deadline IS NULL, deadline, id LIMIT ?3",
			d->id, NULL, MODEL_ACTS) < 0)
		return -1;
	d->nacts = rs.n;
	for (int i = 0; i < rs.n; i++) {
		struct model_act *a = &d->acts[i];

		copy(a->text, sizeof(a->text), rowset_get(&rs, i, 0));
		copy(a->owner, sizeof(a->owner), rowset_get(&rs, i, 1));
		copy(a->deadline, sizeof(a->deadline), rowset_get(&rs, i, 2));
		a->overdue = *a->deadline && strcmp(a->deadline, ov->today) < 0;
	}
	rowset_free(&rs);
	return 0;
}

/* The first row of `ahead` (dates from today on), else the first of
 * `behind` (the last dates before today), into date and title. */
static int
load_date(struct db *db, const char *today, const char *ahead, const char *behind,
	  char *date, size_t datesz, char *title, size_t titlesz, bool *past)
{
	struct rowset rs = { 0 };

	if (rowset_load(db, &rs, 2, ahead, 0, today, 1) < 0)
		return -1;
	*past = rs.n == 0;
	if (*past && rowset_load(db, &rs, 2, behind, 0, today, 1) < 0)
		return -1;
	copy(date, datesz, rowset_get(&rs, 0, 0));
	copy(title, titlesz, rowset_get(&rs, 0, 1));
	rowset_free(&rs);
	return 0;
}

static int
load_dates(struct db *db, struct overview *ov)
{
	if (load_date(db, ov->today,
		      "SELECT datum, ifnull(titel, '') FROM vergaderingen WHERE soort = 'AB-vergadering'"
		      " AND datum >= ?2 ORDER BY datum, id LIMIT ?3",
		      "SELECT datum, ifnull(titel, '') FROM vergaderingen WHERE soort = 'AB-vergadering'"
		      " AND datum < ?2 ORDER BY datum DESC, id DESC LIMIT ?3",
		      ov->meeting_date, sizeof(ov->meeting_date), ov->meeting_title,
		      sizeof(ov->meeting_title), &ov->meeting_past) < 0)
		return -1;
	return load_date(db, ov->today,
			 "SELECT datum, titel FROM planning WHERE datum >= ?2 ORDER BY datum, id LIMIT ?3",
			 "SELECT datum, titel FROM planning WHERE datum < ?2"
			 " ORDER BY datum DESC, id DESC LIMIT ?3",
			 ov->ms_date, sizeof(ov->ms_date), ov->ms_title, sizeof(ov->ms_title),
			 &ov->ms_past);
}

int
overview_load(struct db *db, struct overview *ov)
{
	long long v = db_data_version(db);
	char today[11];

	date_today(today);
	if (ov->valid && ov->version == v && strcmp(today, ov->today) == 0)
		return 0;
	ov->valid = false;
	copy(ov->today, sizeof(ov->today), today);
	if (load_domains(db, ov) < 0 || load_counts(db, ov) < 0 || load_dates(db, ov) < 0)
		goto failed;
	for (int i = 0; i < ov->n; i++)
		if (load_next(db, ov, &ov->dom[i]) < 0 || load_acts(db, ov, &ov->dom[i]) < 0)
			goto failed;
	ov->version = v;
	ov->valid = true;
	ov->err[0] = '\0';
	return 0;
failed:
	copy(ov->err, sizeof(ov->err), db_errmsg(db));
	return -1;
}

/* The kinds of hits as the search query names them. */
static const struct {
	char kind;
	const struct entity *e;
} hit_kinds[] = {
	{ 'a', &entity_actielijnen }, { 's', &entity_successen }, { 'p', &entity_planning },
	{ 'v', &entity_vergaderingen }, { 'b', &entity_besluiten }, { 'c', &entity_acties },
};

int
model_search(struct db *db, const char *needle, struct search_hits *hits)
{
	struct rowset rs = { 0 };
	int rc;

	search_hits_free(hits);
	/* snw_contains (db.c) folds case like the rest of snw and needs no
	 * escaping of % and _. */
	rc = rowset_load(db, &rs, 4,
		"SELECT 'a', id, domein_id, titel FROM actielijnen"
		"  WHERE snw_contains(?2, titel, toelichting, trekker)"
		" UNION ALL SELECT 's', id, domein_id, titel FROM successen"
		"  WHERE snw_contains(?2, titel, toelichting)"
		" UNION ALL SELECT 'p', id, ifnull(domein_id, 0), titel FROM planning"
		"  WHERE snw_contains(?2, titel)"
		" UNION ALL SELECT 'v', id, id, ifnull(titel, datum) FROM vergaderingen"
		"  WHERE snw_contains(?2, titel, locatie)"
		" UNION ALL SELECT 'b', id, vergadering_id, besluit FROM besluiten"
		"  WHERE snw_contains(?2, besluit, agendapunt)"
		" UNION ALL SELECT 'c', id, ifnull(vergadering_id, 0), actie FROM acties"
		"  WHERE snw_contains(?2, actie, eigenaar)"
		" LIMIT ?3", 0, needle, SEARCH_MAX_HITS);
	if (rc == 0 && rs.n && !(hits->v = calloc((size_t)rs.n, sizeof(*hits->v))))
		rc = -1;
	for (int i = 0; rc == 0 && i < rs.n; i++) {
		struct search_hit *h = &hits->v[hits->n];

		for (size_t k = 0; k < sizeof(hit_kinds) / sizeof(hit_kinds[0]); k++)
			if (hit_kinds[k].kind == rowset_get(&rs, i, 0)[0])
				h->e = hit_kinds[k].e;
		h->id = strtoll(rowset_get(&rs, i, 1), NULL, 10);
		h->ref = strtoll(rowset_get(&rs, i, 2), NULL, 10);
		if (h->e)
			hits->n++;
	}
	rowset_free(&rs);
	return rc;
}

void
search_hits_free(struct search_hits *hits)
{
	free(hits->v);
	memset(hits, 0, sizeof(*hits));
}
