/*
 * The Alliantiebestuur's meetings as the dashboard reads them: the list
 * of meetings and its sort orders, one meeting's decisions and action
 * items, all action items with their sort orders and filters, and which
 * meeting an entry belongs to. See model/meetings.h.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/alloc.h"
#include "store/db.h"
#include "store/stmt.h"
#include "model/meetings.h"

/* --- the meetings ------------------------------------------------------------ */

static const struct list_spec meeting_spec = {
	.cols = "v.id, v.datum, v.soort, ifnull(v.titel, ''), ifnull(v.locatie, ''),"
		" (SELECT count(*) FROM besluiten b WHERE b.vergadering_id = v.id),"
		" (SELECT count(*) FROM acties c WHERE c.vergadering_id = v.id), ifnull(v.bron, '')",
	.ncols = 8,
	.from = "vergaderingen v",
	.where = "1",
	.id = "v.id",
	.k1 = "-cast(replace(v.datum, '-', '') AS INTEGER)",
	.k1_int = true,
};

/* A date as a number, newest first or oldest first; the label is a
 * msgid. */
static const struct {
	const char *label, *k1;
} meeting_sorts[] = {
	{ N_("datum, nieuwste eerst"), "-cast(replace(v.datum, '-', '') AS INTEGER)" },
	{ N_("datum, oudste eerst"), "cast(replace(v.datum, '-', '') AS INTEGER)" },
};
#define NMEETING_SORTS ((int)(sizeof(meeting_sorts) / sizeof(meeting_sorts[0])))

struct meeting_row
meeting_row(const struct list_row *r)
{
	return (struct meeting_row){
		.id = r->id, .datum = r->col[1], .soort = r->col[2], .titel = r->col[3],
		.locatie = r->col[4], .besluiten = strtoll(r->col[5], NULL, 10),
		.acties = strtoll(r->col[6], NULL, 10), .bron = r->col[7],
	};
}

struct list *
meetings_list(struct db *db)
{
	return list_new(db, &meeting_spec);
}

int
meetings_sorts(void)
{
	return NMEETING_SORTS;
}

const char *
meetings_sort_label(int i)
{
	return i >= 0 && i < NMEETING_SORTS ? _(meeting_sorts[i].label) : "";
}

void
meetings_sort(struct list *l, int i)
{
	if (i >= 0 && i < NMEETING_SORTS)
		list_set_sort(l, meeting_sorts[i].k1, true, NULL, false);
}

enum result
meeting_detail_load(struct db *db, long long meeting_id, int limit, struct meeting_detail *d)
{
	enum result rc;

	d->ndecisions = d->nactions = 0;
	d->meeting_id = 0;
	rc = rowset_load(db, &d->rs_d, 4,
			 "SELECT id, ifnull(agendapunt, ''), besluit, ifnull(bron, '') FROM besluiten"
			 " WHERE vergadering_id = ?1 ORDER BY id LIMIT ?3", meeting_id, NULL, limit);
	if (rc == 0)
		rc = rowset_load(db, &d->rs_a, 6,
				 "SELECT id, actie, ifnull(eigenaar, ''), ifnull(deadline, ''), ifnull(status, ''),"
				 " ifnull(bron, '') FROM acties WHERE vergadering_id = ?1 ORDER BY id LIMIT ?3",
				 meeting_id, NULL, limit);
	free(d->decisions);
	free(d->actions);
	d->decisions = xcalloc((size_t)d->rs_d.n + 1, sizeof(*d->decisions));
	d->actions = xcalloc((size_t)d->rs_a.n + 1, sizeof(*d->actions));
	if (rc < 0)
		return rc;
	for (int i = 0; i < d->rs_d.n; i++)
		d->decisions[i] = (struct decision){
			.id = strtoll(rowset_get(&d->rs_d, i, 0), NULL, 10),
			.agendapunt = rowset_get(&d->rs_d, i, 1),
			.besluit = rowset_get(&d->rs_d, i, 2),
			.bron = rowset_get(&d->rs_d, i, 3),
		};
	for (int i = 0; i < d->rs_a.n; i++)
		d->actions[i] = (struct action_item){
			.id = strtoll(rowset_get(&d->rs_a, i, 0), NULL, 10),
			.actie = rowset_get(&d->rs_a, i, 1),
			.eigenaar = rowset_get(&d->rs_a, i, 2),
			.deadline = rowset_get(&d->rs_a, i, 3),
			.status = rowset_get(&d->rs_a, i, 4),
			.bron = rowset_get(&d->rs_a, i, 5),
		};
	d->ndecisions = d->rs_d.n;
	d->nactions = d->rs_a.n;
	d->meeting_id = meeting_id;
	return RES_OK;
}

void
meeting_detail_free(struct meeting_detail *d)
{
	rowset_free(&d->rs_d);
	rowset_free(&d->rs_a);
	free(d->decisions);
	free(d->actions);
	memset(d, 0, sizeof(*d));
}

enum result
meeting_of_entry(struct db *db, const struct entity *e, long long id, long long *meeting,
		 char date[11])
{
	char sql[200];
	struct db_stmt *st;
	int m = -1, rc;

	for (int j = 0; j < e->nfields; j++)
		if (e->fields[j].type == FT_MEETING)
			m = j;
	if (m < 0)
		return RES_NOT_FOUND;
	snprintf(sql, sizeof(sql), "SELECT v.id, v.datum FROM %s x JOIN vergaderingen v"
		 " ON v.id = x.%s_id WHERE x.id = ?1", e->name, e->fields[m].column);
	if (!(st = db_prepare(db, sql)))
		return db_result(db)->code;
	db_bind_int(st, 1, id);
	rc = db_step(st);
	if (rc == 1) {
		*meeting = db_col_int(st, 0);
		snprintf(date, 11, "%s", db_col_text(st, 1));
	}
	db_finalize(st);
	return rc < 0 ? (enum result)rc : rc == 1 ? RES_OK : RES_NOT_FOUND;
}

/* --- the action items -------------------------------------------------------- */

/* The filter of overdue actions (a value the SQL matches, not a status). */
#define FILTER_LATE "te laat"

/* ?1: today as a number (20240315), ?2: the filter (NULL: all). */
static const struct list_spec action_spec = {
	.cols = "c.id, c.actie, ifnull(c.eigenaar, ''), ifnull(c.deadline, ''), ifnull(c.status, ''),"
		" ifnull((SELECT datum FROM vergaderingen v WHERE v.id = c.vergadering_id), ''),"
		" ifnull((SELECT naam FROM domeinen d WHERE d.id = c.domein_id), ''), ifnull(c.bron, '')",
	.ncols = 8,
	.from = "acties c",
	.where = "?2 IS NULL OR (?2 = '" STATUS_OPEN "' AND ifnull(c.status, '') <> '" STATUS_GEDAAN "')"
		 " OR (?2 = '" STATUS_GEDAAN "' AND c.status = '" STATUS_GEDAAN "')"
		 " OR (?2 = '" FILTER_LATE "' AND ifnull(c.status, '') <> '" STATUS_GEDAAN "'"
		 "     AND cast(replace(c.deadline, '-', '') AS INTEGER) < ?1)",
	.id = "c.id",
	.k1 = "ifnull(c.status, '') = '" STATUS_GEDAAN "'",
	.k1_int = true,
	.k2 = "ifnull(c.deadline, '9999-99-99')",
};

/* Open first; within that by deadline (none last), owner or meeting. */
static const struct {
	const char *label, *k2;
} action_sorts[] = {
	{ N_("open eerst, deadline"), "ifnull(c.deadline, '9999-99-99')" },
	{ N_("open eerst, eigenaar"), "ifnull(c.eigenaar, '')" },
	{ N_("open eerst, vergadering"),
	  "ifnull((SELECT datum FROM vergaderingen v WHERE v.id = c.vergadering_id), '9999-99-99')" },
};
#define NACTION_SORTS ((int)(sizeof(action_sorts) / sizeof(action_sorts[0])))

/* The filters: the values the SQL above matches on (data, Dutch); the
 * label says them in the language shown. */
static const char *const action_filters[] = { NULL, STATUS_OPEN, STATUS_GEDAAN, FILTER_LATE };
#define NACTION_FILTERS ((int)(sizeof(action_filters) / sizeof(action_filters[0])))

struct action_row
action_row(const struct list_row *r)
{
	return (struct action_row){
		.id = r->id, .actie = r->col[1], .eigenaar = r->col[2], .deadline = r->col[3],
		.status = r->col[4], .vergadering = r->col[5], .domein = r->col[6],
		.bron = r->col[7],
	};
}

bool
action_open(const char *status)
{
	return strcmp(status, STATUS_GEDAAN) != 0;
}

struct list *
actions_list(struct db *db)
{
	return list_new(db, &action_spec);
}

int
actions_sorts(void)
{
	return NACTION_SORTS;
}

const char *
actions_sort_label(int i)
{
	return i >= 0 && i < NACTION_SORTS ? _(action_sorts[i].label) : "";
}

void
actions_sort(struct list *l, int i)
{
	if (i >= 0 && i < NACTION_SORTS)
		list_set_sort(l, action_spec.k1, true, action_sorts[i].k2, false);
}

int
actions_filters(void)
{
	return NACTION_FILTERS;
}

const char *
actions_filter_label(int i)
{
	if (i <= 0 || i >= NACTION_FILTERS)
		return _("alle");
	return strcmp(action_filters[i], FILTER_LATE) == 0 ? _("te laat") : status_word(action_filters[i]);
}

void
actions_filter(struct list *l, int i, const char *today)
{
	long long day = strtoll(today, NULL, 10) * 10000 + strtoll(today + 5, NULL, 10) * 100 +
			strtoll(today + 8, NULL, 10);

	list_set_params(l, day, i > 0 && i < NACTION_FILTERS ? action_filters[i] : NULL);
}
