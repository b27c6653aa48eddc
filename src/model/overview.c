/*
 * The dashboard's shared read models: the statuses of work in their
 * display order, the domains and themes, the overview's figures (a
 * handful of grouped queries, run again only when the database changed),
 * the data's peildatum and search over all text.
 */

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/date.h"
#include "store/db.h"
#include "store/stmt.h"
#include "model/model.h"

static void
copy(char *dst, size_t sz, const char *src)
{
	snprintf(dst, sz, "%s", src ? src : "");
}

/* The statuses of work are the entity table's (actielijnen' status
 * field) in its display order, with "" (onbekend) after them. */
static const struct field *
status_field(void)
{
	return &entity_actielijnen.fields[entity_field_index(&entity_actielijnen, "status")];
}

int
model_status_count(void)
{
	return field_value_count(status_field()) + 1;
}

const char *
model_status(int i)
{
	const char *s = field_value_shown(status_field(), i);

	return s ? s : i == model_status_count() - 1 ? "" : NULL;
}

int
model_status_index(const char *status)
{
	int n = model_status_count();

	for (int i = 0; i < n - 1; i++)
		if (status && strcmp(status, model_status(i)) == 0)
			return i;
	return n - 1;
}

/* --- the domains ------------------------------------------------------------ */

int
domains_find(const struct domains *d, long long id)
{
	for (int i = 0; i < d->n; i++)
		if (d->dom[i].id == id)
			return i;
	return -1;
}

enum result
domains_load(struct db *db, struct domains *d)
{
	long long v = db_data_version(db);
	struct rowset rs = { 0 };

	if (d->valid && d->version == v)
		return RES_OK;
	d->valid = false;
	if (rowset_load(db, &rs, 6,
			"SELECT id, code, naam, ifnull(motto, ''), soort, ifnull(bron, '') FROM domeinen"
			" ORDER BY soort = '" SOORT_THEMA "', volgorde IS NULL, volgorde, id LIMIT ?3",
			0, NULL, MODEL_MAX_DOMAINS) < 0) {
		d->why = *db_result(db);
		rowset_free(&rs);
		return d->why.code;
	}
	d->n = rs.n;
	d->ndomains = 0;
	for (int i = 0; i < rs.n; i++) {
		struct domain *x = &d->dom[i];

		memset(x, 0, sizeof(*x));
		x->id = strtoll(rowset_get(&rs, i, 0), NULL, 10);
		copy(x->code, sizeof(x->code), rowset_get(&rs, i, 1));
		copy(x->naam, sizeof(x->naam), rowset_get(&rs, i, 2));
		copy(x->motto, sizeof(x->motto), rowset_get(&rs, i, 3));
		x->theme = strcmp(rowset_get(&rs, i, 4), SOORT_THEMA) == 0;
		copy(x->bron, sizeof(x->bron), rowset_get(&rs, i, 5));
		if (!x->theme)
			d->ndomains++;
	}
	rowset_free(&rs);
	d->version = v;
	d->valid = true;
	d->why.code = RES_OK;
	return RES_OK;
}

/* --- the overview ------------------------------------------------------------ */

/* Actielijnen per domain and status, from the counts the database keeps
 * (table actielijn_telling): no query here grows with the data. */
static int
load_counts(struct db *db, const struct domains *doms, struct overview *ov)
{
	struct rowset rs = { 0 };

	if (rowset_load(db, &rs, 3,
			"SELECT domein_id, status, n FROM actielijn_telling WHERE n > 0",
			0, NULL, 0) < 0)
		return -1;
	for (int i = 0; i < rs.n; i++) {
		int d = domains_find(doms, strtoll(rowset_get(&rs, i, 0), NULL, 10));
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
		int d = domains_find(doms, strtoll(rowset_get(&rs, i, 0), NULL, 10));

		if (d >= 0)
			ov->dom[d].successes = strtoll(rowset_get(&rs, i, 1), NULL, 10);
	}
	rowset_free(&rs);
	return 0;
}

/* Next planning item of a domain (its own or its actielijnen'), or the
 * last one when nothing is upcoming. */
static int
load_next(struct db *db, const struct overview *ov, long long id, struct domain_figures *d)
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
		if (rowset_load(db, &rs, 2, sql[k], id, ov->today, 1) < 0)
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
load_acts(struct db *db, const struct overview *ov, long long id, struct domain_figures *d)
{
	struct rowset rs = { 0 };

	if (rowset_load(db, &rs, 2,
			"SELECT count(*), ifnull(sum(deadline < ?2), 0) FROM acties"
			" WHERE domein_id = ?1 AND ifnull(status, '') <> '" STATUS_GEDAAN "'",
			id, ov->today, 0) < 0)
		return -1;
	d->open_acts = strtoll(rowset_get(&rs, 0, 0), NULL, 10);
	d->overdue_acts = strtoll(rowset_get(&rs, 0, 1), NULL, 10);
	if (rowset_load(db, &rs, 3,
			"SELECT actie, ifnull(eigenaar, ''), ifnull(deadline, '') FROM acties"
			" WHERE domein_id = ?1 AND ifnull(status, '') <> '" STATUS_GEDAAN "'"
			" ORDER BY deadline IS NULL, deadline, id LIMIT ?3",
			id, NULL, MODEL_ACTS) < 0)
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
		      "SELECT datum, ifnull(titel, '') FROM vergaderingen WHERE soort = '" SOORT_AB "'"
		      " AND datum >= ?2 ORDER BY datum, id LIMIT ?3",
		      "SELECT datum, ifnull(titel, '') FROM vergaderingen WHERE soort = '" SOORT_AB "'"
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

enum result
overview_load(struct db *db, const struct domains *doms, struct overview *ov)
{
	char today[11];

	date_today(today);
	if (ov->valid && ov->version == doms->version && strcmp(today, ov->today) == 0)
		return RES_OK;
	ov->valid = false;
	memset(ov->dom, 0, sizeof(ov->dom));
	copy(ov->today, sizeof(ov->today), today);
	if (load_counts(db, doms, ov) < 0 || load_dates(db, ov) < 0 ||
	    model_peildatum(db, ov->peildatum) < 0)
		goto failed;
	for (int i = 0; i < doms->n; i++)
		if (load_next(db, ov, doms->dom[i].id, &ov->dom[i]) < 0 ||
		    load_acts(db, ov, doms->dom[i].id, &ov->dom[i]) < 0)
			goto failed;
	ov->version = doms->version;
	ov->valid = true;
	ov->why.code = RES_OK;
	return RES_OK;
failed:
	ov->why = *db_result(db);
	return ov->why.code;
}

/* --- the peildatum -------------------------------------------------------------- */

/* The stated peildatum and the local date of the newest change after the
 * history it covers (all history when none was stated), the later of the
 * two. Ids only grow, so the newest change is the last row: one step
 * down the primary key, whatever the size of the history. */
enum result
model_peildatum(struct db *db, char iso[11])
{
	struct rowset rs = { 0 };
	enum result rc = rowset_load(db, &rs, 1,
		"SELECT max(ifnull((SELECT waarde FROM gegevens WHERE sleutel = 'peildatum'), ''),"
		"  ifnull((SELECT date(tijd, 'localtime') FROM historie WHERE id > ifnull((SELECT"
		"    CAST(waarde AS INTEGER) FROM gegevens WHERE sleutel = 'peildatum_historie'), 0)"
		"    ORDER BY id DESC LIMIT 1), ''))", 0, NULL, 1);

	copy(iso, 11, rc == RES_OK ? rowset_get(&rs, 0, 0) : "");
	rowset_free(&rs);
	return rc;
}

/* --- search ------------------------------------------------------------------ */

/* The kinds of hits as the search query names them. */
static const struct {
	char kind;
	const struct entity *e;
} hit_kinds[] = {
	{ 'a', &entity_actielijnen }, { 's', &entity_successen }, { 'p', &entity_planning },
	{ 'v', &entity_vergaderingen }, { 'b', &entity_besluiten }, { 'c', &entity_acties },
	{ 'd', &entity_domeinen },
};

/*
 * The search, as one query in the order the hits are shown: actielijnen
 * first (those with an id up to ?1 only), then the other tables.
 * snw_contains (store/open.c) folds case like the rest of snw and needs
 * no escaping of % and _.
 */
static const char search_sql[] =
	"SELECT 'a', id, domein_id, titel FROM actielijnen"
	"  WHERE id <= ?1 AND snw_contains(?2, titel, toelichting, trekker, groep, bron)"
	" UNION ALL SELECT 's', id, domein_id, titel FROM successen"
	"  WHERE snw_contains(?2, titel, toelichting, bron)"
	" UNION ALL SELECT 'p', id, ifnull(domein_id, 0), titel FROM planning"
	"  WHERE snw_contains(?2, titel, bron)"
	" UNION ALL SELECT 'v', id, id, ifnull(titel, datum) FROM vergaderingen"
	"  WHERE snw_contains(?2, titel, locatie, bron)"
	" UNION ALL SELECT 'b', id, vergadering_id, besluit FROM besluiten"
	"  WHERE snw_contains(?2, besluit, agendapunt, bron)"
	" UNION ALL SELECT 'c', id, ifnull(vergadering_id, 0), actie FROM acties"
	"  WHERE snw_contains(?2, actie, eigenaar, bron)"
	" UNION ALL SELECT 'd', id, id, naam FROM domeinen"
	"  WHERE snw_contains(?2, bron)"
	" LIMIT ?3";

/* The actielijnen with an id above ?1: the other half of a split search. */
static const char search_upper_sql[] =
	"SELECT 'a', id, domein_id, titel FROM actielijnen"
	"  WHERE id > ?1 AND snw_contains(?2, titel, toelichting, trekker, groep, bron)"
	" LIMIT ?3";

/* Below this many actielijnen a search is one query on one core. */
#define SEARCH_SPLIT_ROWS 20000

/* The upper half of a split search, on a connection of its own. */
struct search_half {
	struct db *db;
	const char *needle;
	long long above;
	struct rowset rs;
	enum result rc;
};

static void *
search_upper(void *arg)
{
	struct search_half *h = arg;

	h->rc = rowset_load(h->db, &h->rs, 4, search_upper_sql, h->above, h->needle, SEARCH_MAX_HITS);
	return NULL;
}

/* Adds rows [from, to) of rs to hits, up to SEARCH_MAX_HITS. */
static void
add_hits(struct search_hits *hits, const struct rowset *rs, int from, int to)
{
	for (int i = from; i < to && hits->n < SEARCH_MAX_HITS; i++) {
		struct search_hit *h = &hits->v[hits->n];

		h->e = NULL;
		for (size_t k = 0; k < sizeof(hit_kinds) / sizeof(hit_kinds[0]); k++)
			if (hit_kinds[k].kind == rowset_get(rs, i, 0)[0])
				h->e = hit_kinds[k].e;
		h->id = strtoll(rowset_get(rs, i, 1), NULL, 10);
		h->ref = strtoll(rowset_get(rs, i, 2), NULL, 10);
		if (h->e)
			hits->n++;
	}
}

/*
 * Where to split the actielijnen between two connections, or false when
 * one query will do: a small table, a database in memory (tests), or no
 * second connection to be had. A search reads every row of every table
 * (a million actielijnen: about 300 ms on one core), and the dashboard
 * waits for it; the two halves run on two cores at once.
 */
static bool
search_split(struct db *db, struct search_half *upper)
{
	struct rowset rs = { 0 };
	struct result_info why;
	long long lo, hi;

	if (strcmp(db_path(db), ":memory:") == 0 ||
	    /* two subqueries: each a single step down the tree, where
	     * min() and max() in one SELECT read the whole table */
	    rowset_load(db, &rs, 2, "SELECT ifnull((SELECT min(id) FROM actielijnen), 0),"
			" ifnull((SELECT max(id) FROM actielijnen), 0)",
			0, NULL, 1) != RES_OK) {
		rowset_free(&rs);
		return false;
	}
	lo = strtoll(rowset_get(&rs, 0, 0), NULL, 10);
	hi = strtoll(rowset_get(&rs, 0, 1), NULL, 10);
	rowset_free(&rs);
	if (hi - lo < SEARCH_SPLIT_ROWS || db_open(db_path(db), true, &upper->db, &why) != RES_OK)
		return false;
	upper->above = lo + (hi - lo) / 2;
	return true;
}

enum result
model_search(struct db *db, const char *needle, struct search_hits *hits)
{
	struct search_half upper = { .needle = needle, .above = LLONG_MAX };
	struct rowset rs = { 0 };
	bool split = search_split(db, &upper);
	pthread_t t;
	enum result rc;
	int first_other;

	search_hits_free(hits);
	if (split && pthread_create(&t, NULL, search_upper, &upper) != 0) {
		search_upper(&upper);	/* no thread: one after the other */
		split = false;
	}
	rc = rowset_load(db, &rs, 4, search_sql, upper.above, needle, SEARCH_MAX_HITS);
	if (split)
		pthread_join(t, NULL);
	if (upper.db) {
		db_close(upper.db);
		if (rc == RES_OK)
			rc = upper.rc;
	}
	if (rc == RES_OK) {
		/* in the order shown: the lower actielijnen, the upper ones,
		 * then the other tables */
		for (first_other = 0; first_other < rs.n && rowset_get(&rs, first_other, 0)[0] == 'a'; first_other++)
			;
		hits->v = xcalloc(SEARCH_MAX_HITS, sizeof(*hits->v));
		add_hits(hits, &rs, 0, first_other);
		add_hits(hits, &upper.rs, 0, upper.rs.n);
		add_hits(hits, &rs, first_other, rs.n);
	}
	rowset_free(&rs);
	rowset_free(&upper.rs);
	return rc;
}

void
search_hits_free(struct search_hits *hits)
{
	free(hits->v);
	memset(hits, 0, sizeof(*hits));
}
