/*
 * The programme's work as the dashboard reads it: the lists of
 * actielijnen (a domain's, the Gantt's year) with their sort orders, one
 * actielijn's details, a domain's successes, the planning's milestones
 * and what has no date yet. See model/programme.h.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/alloc.h"
#include "model/programme.h"

/* --- lists of actielijnen --------------------------------------------------- */

/* Both lists read the same columns, so one accessor serves them. */
#define ACTIELIJN_COLS \
	"a.id, a.titel, ifnull(a.trekker, ''), ifnull(a.status, ''), ifnull(a.start, '')," \
	" ifnull(a.eind, ''), a.domein_id, ifnull(a.groep, '')"

struct actielijn_row
actielijn_row(const struct list_row *r)
{
	return (struct actielijn_row){
		.id = r->id, .titel = r->col[1], .trekker = r->col[2], .status = r->col[3],
		.start = r->col[4], .eind = r->col[5], .domein_id = strtoll(r->col[6], NULL, 10),
		.groep = r->col[7],
	};
}

/* A domain's actielijnen: ?1 the domain, ?2 a status or NULL. Titel is
 * indexed (UNIQUE (domein_id, titel)), so it is the first sort order. */
static const struct list_spec domain_spec = {
	.cols = ACTIELIJN_COLS,
	.ncols = 8,
	.from = "actielijnen a",
	.where = "a.domein_id = ?1 AND (?2 IS NULL OR ifnull(a.status, '') = ?2)",
	.id = "a.id",
	.k1 = "a.titel",
};

/* Sort orders for `s`: keys of the keyset pager; the label is a msgid. */
static const struct {
	const char *label, *k1, *k2;
	bool k1_int, grouped;
} sorts[] = {
	{ N_("titel"), "a.titel", NULL, false, false },
	/* as the slides group them (the ones without a group first); the
	 * view puts a heading above each group */
	{ N_("groep"), "ifnull(a.groep, '')", "a.titel", false, true },
	{ N_("status"), "ifnull(a.status, '')", "a.titel", false, false },
	{ N_("start"), "ifnull(a.start, '9999-99-99')", "a.titel", false, false },
	{ N_("eind"), "ifnull(a.eind, '9999-99-99')", "a.titel", false, false },
	{ N_("trekker"), "ifnull(a.trekker, '')", "a.titel", false, false },
	{ N_("invoer"), "a.id", NULL, true, false },
};
#define NSORTS ((int)(sizeof(sorts) / sizeof(sorts[0])))

struct list *
actielijnen_of_domain(struct db *db)
{
	return list_new(db, &domain_spec);
}

void
actielijnen_show(struct list *l, long long domein_id, const char *status)
{
	list_set_params(l, domein_id, status);
}

int
actielijnen_sorts(void)
{
	return NSORTS;
}

const char *
actielijnen_sort_label(int i)
{
	return i >= 0 && i < NSORTS ? _(sorts[i].label) : "";
}

bool
actielijnen_sort_grouped(int i)
{
	return i >= 0 && i < NSORTS && sorts[i].grouped;
}

void
actielijnen_sort(struct list *l, int i)
{
	if (i >= 0 && i < NSORTS)
		list_set_sort(l, sorts[i].k1, sorts[i].k1_int, sorts[i].k2, false);
}

/* Actielijnen that touch the year (?1), by domain then title: the order
 * of the UNIQUE (domein_id, titel) index, so paging stays cheap. The
 * Gantt shows no trekker or groep: empty columns keep the accessor
 * shared. */
static const struct list_spec gantt_spec = {
	.cols = "a.id, a.titel, '', ifnull(a.status, ''), ifnull(a.start, ''), ifnull(a.eind, ''),"
		" a.domein_id, ''",
	.ncols = 8,
	.from = "actielijnen a",
	.where = "(a.start IS NOT NULL OR a.eind IS NOT NULL)"
		 " AND ifnull(a.start, '0000') <= printf('%04d-12-31', ?1)"
		 " AND ifnull(a.eind, '9999') >= printf('%04d-01-01', ?1)"
		 " AND (?2 IS NULL OR ifnull(a.status, '') = ?2)",
	.id = "a.id",
	.k1 = "a.domein_id",
	.k1_int = true,
	.k2 = "a.titel",
};

struct list *
actielijnen_gantt(struct db *db)
{
	return list_new(db, &gantt_spec);
}

void
actielijnen_year(struct list *l, int year, const char *status)
{
	list_set_params(l, year, status);
}

/* --- one actielijn ---------------------------------------------------------- */

enum result
actielijn_detail_load(struct db *db, long long id, struct actielijn_detail *d)
{
	struct rowset *rs = &d->rs;
	enum result rc = rowset_load(db, rs, 8,
			     "SELECT titel, ifnull(toelichting, ''), ifnull(trekker, ''), ifnull(status, ''),"
			     " ifnull(start, ''), ifnull(eind, ''), ifnull(groep, ''), ifnull(bron, '')"
			     " FROM actielijnen WHERE id = ?1",
			     id, NULL, 1);

	d->id = rc == RES_OK && rs->n ? id : 0;
	d->titel = rowset_get(rs, 0, 0);
	d->toelichting = rowset_get(rs, 0, 1);
	d->trekker = rowset_get(rs, 0, 2);
	d->status = rowset_get(rs, 0, 3);
	d->start = rowset_get(rs, 0, 4);
	d->eind = rowset_get(rs, 0, 5);
	d->groep = rowset_get(rs, 0, 6);
	d->bron = rowset_get(rs, 0, 7);
	return rc;
}

void
actielijn_detail_free(struct actielijn_detail *d)
{
	rowset_free(&d->rs);
	memset(d, 0, sizeof(*d));
}

/* --- small lists ------------------------------------------------------------ */

/* Room for n typed rows (zeroed) in place of old. */
static void *
rows_new(void *old, int n, size_t size)
{
	free(old);
	return xcalloc((size_t)(n > 0 ? n : 1), size);
}

enum result
successes_of_domain(struct db *db, long long domein_id, int limit, struct successes *out)
{
	enum result rc = rowset_load(db, &out->rs, 5,
			     "SELECT id, jaar, titel, ifnull(toelichting, ''), ifnull(bron, '') FROM successen"
			     " WHERE domein_id = ?1 ORDER BY jaar DESC, id LIMIT ?3", domein_id, NULL, limit);

	out->n = 0;
	if (rc < 0)
		return rc;
	out->v = rows_new(out->v, out->rs.n, sizeof(*out->v));
	for (int i = 0; i < out->rs.n; i++)
		out->v[i] = (struct success){
			.id = strtoll(rowset_get(&out->rs, i, 0), NULL, 10),
			.jaar = atoi(rowset_get(&out->rs, i, 1)),
			.titel = rowset_get(&out->rs, i, 2),
			.toelichting = rowset_get(&out->rs, i, 3),
			.bron = rowset_get(&out->rs, i, 4),
		};
	out->n = out->rs.n;
	return RES_OK;
}

void
successes_free(struct successes *s)
{
	rowset_free(&s->rs);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

enum result
actielijnen_first(struct db *db, long long domein_id, int limit, struct line_titles *out)
{
	enum result rc = rowset_load(db, &out->rs, 2,
			     "SELECT titel, ifnull(status, '') FROM actielijnen WHERE domein_id = ?1"
			     " ORDER BY titel LIMIT ?3", domein_id, NULL, limit);

	out->n = 0;
	if (rc < 0)
		return rc;
	out->v = rows_new(out->v, out->rs.n, sizeof(*out->v));
	for (int i = 0; i < out->rs.n; i++)
		out->v[i] = (struct line_title){ rowset_get(&out->rs, i, 0), rowset_get(&out->rs, i, 1) };
	out->n = out->rs.n;
	return RES_OK;
}

void
line_titles_free(struct line_titles *t)
{
	rowset_free(&t->rs);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

enum result
milestones_of_year(struct db *db, int year, int limit, struct milestones *out)
{
	enum result rc = rowset_load(db, &out->rs, 4,
			     "SELECT id, datum, titel, ifnull(actielijn_id, 0) FROM planning"
			     " WHERE datum BETWEEN printf('%04d-01-01', ?1) AND printf('%04d-12-31', ?1)"
			     " ORDER BY datum, id LIMIT ?3", year, NULL, limit);

	out->n = 0;
	if (rc < 0)
		return rc;
	out->v = rows_new(out->v, out->rs.n, sizeof(*out->v));
	for (int i = 0; i < out->rs.n; i++)
		out->v[i] = (struct milestone){
			.id = strtoll(rowset_get(&out->rs, i, 0), NULL, 10),
			.datum = rowset_get(&out->rs, i, 1),
			.titel = rowset_get(&out->rs, i, 2),
			.actielijn_id = strtoll(rowset_get(&out->rs, i, 3), NULL, 10),
		};
	out->n = out->rs.n;
	return RES_OK;
}

void
milestones_free(struct milestones *m)
{
	rowset_free(&m->rs);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

enum result
undated_load(struct db *db, int limit, struct undated *out)
{
	enum result rc = rowset_load(db, &out->rs, 4,
			     "SELECT 'a', a.id, a.titel, ifnull(d.naam, '') FROM actielijnen a"
			     " LEFT JOIN domeinen d ON d.id = a.domein_id"
			     " WHERE a.start IS NULL AND a.eind IS NULL"
			     " UNION ALL SELECT 'p', p.id, p.titel, ifnull(d.naam, '') FROM planning p"
			     " LEFT JOIN domeinen d ON d.id = p.domein_id WHERE p.datum IS NULL LIMIT ?3",
			     0, NULL, limit);

	out->n = 0;
	if (rc < 0)
		return rc;
	out->v = rows_new(out->v, out->rs.n, sizeof(*out->v));
	for (int i = 0; i < out->rs.n; i++)
		out->v[i] = (struct undated_item){
			.e = rowset_get(&out->rs, i, 0)[0] == 'a' ? &entity_actielijnen : &entity_planning,
			.id = strtoll(rowset_get(&out->rs, i, 1), NULL, 10),
			.titel = rowset_get(&out->rs, i, 2),
			.domein = rowset_get(&out->rs, i, 3),
		};
	out->n = out->rs.n;
	return RES_OK;
}

int
planning_item_date(struct db *db, long long id, char date[11])
{
	struct rowset rs = { 0 };
	enum result rc = rowset_load(db, &rs, 1, "SELECT ifnull(datum, '') FROM planning WHERE id = ?1", id, NULL, 1);
	int found = rs.n > 0;

	date[0] = '\0';
	if (rc == RES_OK && found)
		snprintf(date, 11, "%s", rowset_get(&rs, 0, 0));
	rowset_free(&rs);
	return rc < 0 ? rc : found;
}

void
undated_free(struct undated *u)
{
	rowset_free(&u->rs);
	free(u->v);
	memset(u, 0, sizeof(*u));
}
