/*
 * What changed since a date (model/changes.h). The history rows since
 * then (after the initial load) are read as events, sorted by entry, and
 * each entry's net change is found by comparing what it was before its
 * first event with what it is now: a field's value before is the old
 * value of its first change (or what a deletion kept of it); the value
 * now is the entry as stored.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/entity.h"
#include "store/db.h"
#include "store/read.h"
#include "store/stmt.h"
#include "model/changes.h"
#include "model/history.h"

#define RUN_EXPAND 500		/* a larger run of added entries is counted, not listed */
#define MAX_EVENTS 200000	/* more history since the date than this is not read */

/* One history row, or one entry of a run. */
struct event {
	int ent;		/* index into entities[] */
	long long rij, hid;
	bool whole, added;	/* a whole entry: added (nieuw) or deleted (oud) */
	char *veld, *oud, *nieuw;	/* NULL: none */
	char when[17];
	char *who;
};

struct reader {
	struct db *db;
	struct event *ev;
	size_t n, cap;
	struct changes *out;
	int cap_out;
};

static char *
dup_or_null(struct db_stmt *st, int i, bool present)
{
	return present ? xstrdup(db_col_text(st, i)) : NULL;
}

static struct event *
event_new(struct reader *r)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		r->ev = xrealloc(r->ev, cap * sizeof(*r->ev));
		r->cap = cap;
	}
	memset(&r->ev[r->n], 0, sizeof(r->ev[r->n]));
	return &r->ev[r->n++];
}

static struct change *
change_new(struct reader *r)
{
	struct changes *c = r->out;

	if (c->n == r->cap_out) {
		int cap = r->cap_out ? r->cap_out * 2 : 32;
		c->v = xrealloc(c->v, (size_t)cap * sizeof(*c->v));
		r->cap_out = cap;
	}
	memset(&c->v[c->n], 0, sizeof(c->v[c->n]));
	return &c->v[c->n++];
}

/* For a large run: one CHANGE_ADDED_MANY per domain. */
struct many {
	struct reader *r;
	const struct entity *e;
	long long first;
	const char *when, *who;
};

static int
add_many(void *ctx, long long domain, long long n)
{
	struct many *m = ctx;
	struct change *c = change_new(m->r);

	*c = (struct change){ .e = m->e, .id = m->first, .kind = CHANGE_ADDED_MANY, .count = n,
			      .domain = domain, .ref = domain, .title = xstrdup(""), .who = xstrdup(m->who) };
	snprintf(c->when, sizeof(c->when), "%s", m->when);
	return 0;
}

/* Reads the history rows after the initial load made on or after since. */
static int
read_events(struct reader *r, const char *since)
{
	long long initial = history_initial_load(r->db);
	struct db_stmt *st;
	int rc;

	if (initial < 0 || !(st = db_prepare(r->db,
		"SELECT id, tabel, rij, veld, oud, nieuw, veld IS NOT NULL, oud IS NOT NULL, nieuw IS NOT NULL,"
		" ifnull(tot, 0), strftime('%Y-%m-%d %H:%M', tijd, 'localtime'), wie FROM historie"
		" WHERE id > ?1 AND date(tijd, 'localtime') >= ?2 ORDER BY id")))
		return -1;
	db_bind_int(st, 1, initial);
	db_bind_text(st, 2, since);
	while ((rc = db_step(st)) == 1) {
		const struct entity *e = entity_find(db_col_text(st, 1));
		long long rij = db_col_int(st, 2), tot = db_col_int(st, 9);
		struct event *v;

		if (!e)
			continue;
		if (r->n >= MAX_EVENTS) {
			r->out->truncated = true;
			break;
		}
		if (tot && tot - rij >= RUN_EXPAND) {
			struct many m = { r, e, rij, db_col_text(st, 10), db_col_text(st, 11) };

			if (history_run_domains(r->db, e, rij, tot, add_many, &m) < 0) {
				rc = -1;
				break;
			}
			continue;
		}
		for (long long id = rij; id <= (tot ? tot : rij); id++) {
			v = event_new(r);
			v->ent = entity_index(e);
			v->rij = id;
			v->hid = db_col_int(st, 0);
			v->whole = tot || !db_col_int(st, 6);
			v->added = tot || (v->whole && db_col_int(st, 8));
			if (!tot) {
				v->veld = dup_or_null(st, 3, db_col_int(st, 6));
				v->oud = dup_or_null(st, 4, db_col_int(st, 7));
				v->nieuw = dup_or_null(st, 5, db_col_int(st, 8));
			}
			snprintf(v->when, sizeof(v->when), "%s", db_col_text(st, 10));
			v->who = xstrdup(db_col_text(st, 11));
		}
		if (rc < 0)
			break;
	}
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

static int
by_entry(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->ent != y->ent)
		return x->ent < y->ent ? -1 : 1;
	if (x->rij != y->rij)
		return x->rij < y->rij ? -1 : 1;
	return x->hid < y->hid ? -1 : x->hid > y->hid;
}

/* --- one entry ------------------------------------------------------------------ */

/* What an entry was before its first event: per field (entity order)
 * whether it is known and its stored text (NULL: empty). */
struct before {
	bool known[ENTITY_MAX_FIELDS];
	char *val[ENTITY_MAX_FIELDS];
};

/* The stored column of field j of e ("domein_id" for a reference). */
static void
column_of(const struct entity *e, int j, char *buf, size_t sz)
{
	const struct field *f = &e->fields[j];
	bool ref = f->type == FT_DOMAIN || f->type == FT_MEETING || f->type == FT_ACTIELIJN;

	snprintf(buf, sz, "%s%s", f->column, ref ? "_id" : "");
}

static int
field_of_column(const struct entity *e, const char *col)
{
	char c[64];

	for (int j = 0; j < e->nfields; j++) {
		column_of(e, j, c, sizeof(c));
		if (strcmp(c, col) == 0)
			return j;
	}
	return -1;
}

/* Learns from events [from, to) of one entry what it was before. */
static void
before_learn(struct db *db, const struct entity *e, const struct event *ev, size_t from, size_t to,
	     struct before *b)
{
	char col[64], v[4096];

	for (size_t i = from; i < to; i++) {
		const struct event *x = &ev[i];

		if (!x->whole) {
			int j = field_of_column(e, x->veld ? x->veld : "");

			if (j >= 0 && !b->known[j]) {
				b->known[j] = true;
				b->val[j] = x->oud ? xstrdup(x->oud) : NULL;
			}
		} else if (!x->added && x->oud) {	/* a deletion keeps it all */
			for (int j = 0; j < e->nfields; j++) {
				if (b->known[j])
					continue;
				column_of(e, j, col, sizeof(col));
				b->known[j] = true;
				b->val[j] = history_json_get(db, x->oud, col, v, sizeof(v)) ? xstrdup(v) : NULL;
			}
		}
	}
}

static void
before_free(struct before *b)
{
	for (int j = 0; j < ENTITY_MAX_FIELDS; j++)
		free(b->val[j]);
}

static bool
same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Adds field j's change from old to now to c. */
static void
add_field(struct db *db, struct change *c, int j, const char *old, const char *now)
{
	struct change_field *f = xrealloc(c->fields, (size_t)(c->nfields + 1) * sizeof(*f));
	char col[64], a[1024], b[1024];

	c->fields = f;
	column_of(c->e, j, col, sizeof(col));
	history_show_value(db, col, old, a, sizeof(a), 200);
	history_show_value(db, col, now, b, sizeof(b), 200);
	f = &c->fields[c->nfields++];
	f->column = c->e->fields[j].column;
	f->label = c->e->fields[j].label;
	f->old = xstrdup(a);
	f->new = xstrdup(b);
}

/* The kind of a change whose fields differ: closed or done when that is
 * where its status went. */
static enum change_kind
changed_kind(const struct change *c)
{
	for (int i = 0; i < c->nfields; i++) {
		const char *v = c->fields[i].new;

		if (strcmp(c->fields[i].column, "status") != 0)
			continue;
		if (c->e == &entity_acties && strcmp(v, STATUS_GEDAAN) == 0)
			return CHANGE_DONE;
		if ((c->e == &entity_actielijnen || c->e == &entity_planning) &&
		    (strcmp(v, STATUS_AFGEROND) == 0 || strcmp(v, STATUS_GESTOPT) == 0))
			return CHANGE_CLOSED;
	}
	return CHANGE_CHANGED;
}

/* Where an entry is shown: its meeting for a decision or action, itself
 * for a meeting or domain, else its domain. */
static long long
entry_ref(struct db *db, const struct entity *e, long long id, const char *json, long long domain)
{
	char v[32];

	if (e == &entity_vergaderingen || e == &entity_domeinen)
		return id;
	if (e != &entity_besluiten && e != &entity_acties)
		return domain;
	if (json && history_json_get(db, json, "vergadering_id", v, sizeof(v)))
		return strtoll(v, NULL, 10);
	return 0;
}

/* The entry of events [from, to): its net change, if any, into r->out. */
static int
entry_change(struct reader *r, size_t from, size_t to)
{
	const struct event *first = &r->ev[from], *last = &r->ev[to - 1];
	const struct entity *e = entities[first->ent];
	bool before = !(first->whole && first->added);
	char *now = NULL, *gone = NULL, col[64], v[4096];
	struct before b = { 0 };
	struct change *c;
	enum result found = db_row_json(r->db, e, first->rij, &now);
	bool exists = found == RES_OK;
	int rc = 0;

	if (found < 0 && found != RES_NOT_FOUND)
		return -1;
	if (!before && !exists)
		return 0;	/* added and removed again */
	for (size_t i = from; i < to; i++)	/* the entry as it was last deleted */
		if (r->ev[i].whole && !r->ev[i].added && r->ev[i].oud)
			gone = r->ev[i].oud;
	c = change_new(r);
	c->e = e;
	c->id = first->rij;
	snprintf(c->when, sizeof(c->when), "%s", last->when);
	c->who = xstrdup(last->who ? last->who : "");
	c->kind = !before ? CHANGE_ADDED : !exists ? CHANGE_REMOVED : CHANGE_CHANGED;
	if (c->kind == CHANGE_CHANGED) {
		before_learn(r->db, e, r->ev, from, to, &b);
		for (int j = 0; j < e->nfields; j++) {
			column_of(e, j, col, sizeof(col));
			if (!b.known[j])
				continue;
			if (!history_json_get(r->db, now, col, v, sizeof(v)))
				v[0] = '\0';
			if (!same(b.val[j], v))
				add_field(r->db, c, j, b.val[j], v);
		}
		before_free(&b);
		if (c->nfields == 0) {	/* back as it was */
			free(c->who);
			r->out->n--;
			free(now);
			return 0;
		}
		c->kind = changed_kind(c);
	}
	column_of(e, e->title, col, sizeof(col));
	if (!history_json_get(r->db, exists ? now : gone, col, v, sizeof(v)) || !*v)
		/* a meeting without a title is named by its date */
		if (!history_json_get(r->db, exists ? now : gone, e->fields[0].column, v, sizeof(v)))
			v[0] = '\0';
	c->title = xstrdup(v);
	if ((c->domain = history_entry_domain(r->db, e, c->id, exists ? NULL : gone)) < 0)
		rc = -1;
	c->ref = entry_ref(r->db, e, c->id, exists ? now : gone, c->domain);
	free(now);
	return rc;
}

/* --- order ---------------------------------------------------------------------- */

/* The domains' order, for sorting: ids in the order they are shown. */
struct order {
	int n;
	long long id[256];
};

static int
load_order(struct db *db, struct order *o)
{
	struct db_stmt *st = db_prepare(db, "SELECT id FROM domeinen ORDER BY soort <> '" SOORT_DOMEIN "',"
					    " volgorde IS NULL, volgorde, id");
	int rc;

	o->n = 0;
	if (!st)
		return -1;
	while ((rc = db_step(st)) == 1)
		if (o->n < (int)(sizeof(o->id) / sizeof(o->id[0])))
			o->id[o->n++] = db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* The place of a domain in that order; none last. */
static int
rank(const struct order *o, long long domain)
{
	for (int i = 0; i < o->n; i++)
		if (o->id[i] == domain)
			return i;
	return o->n;
}

static int
by_domain_newest(const void *a, const void *b)
{
	const struct change *x = a, *y = b;
	int t;

	if (x->place != y->place)
		return x->place < y->place ? -1 : 1;
	if ((t = strcmp(y->when, x->when)) != 0)
		return t;
	if (x->e != y->e)
		return entity_index(x->e) < entity_index(y->e) ? -1 : 1;
	return y->id < x->id ? -1 : y->id > x->id;
}

static void
change_free(struct change *c)
{
	for (int i = 0; i < c->nfields; i++) {
		free(c->fields[i].old);
		free(c->fields[i].new);
	}
	free(c->fields);
	free(c->title);
	free(c->who);
}

enum result
changes_since(struct db *db, const char *since, int limit, struct changes *out)
{
	struct reader r = { .db = db, .out = out };
	struct order order;
	int rc;

	changes_free(out);
	snprintf(out->since, sizeof(out->since), "%s", since);
	rc = load_order(db, &order) < 0 || read_events(&r, since) < 0 ? -1 : 0;
	if (rc == 0 && r.n)
		qsort(r.ev, r.n, sizeof(*r.ev), by_entry);
	for (size_t i = 0; rc == 0 && i < r.n;) {
		size_t j = i + 1;

		while (j < r.n && r.ev[j].ent == r.ev[i].ent && r.ev[j].rij == r.ev[i].rij)
			j++;
		rc = entry_change(&r, i, j);
		i = j;
	}
	for (size_t i = 0; i < r.n; i++) {
		free(r.ev[i].veld);
		free(r.ev[i].oud);
		free(r.ev[i].nieuw);
		free(r.ev[i].who);
	}
	free(r.ev);
	if (rc < 0) {
		changes_free(out);
		return db_result(db)->code;
	}
	for (int i = 0; i < out->n; i++)
		out->v[i].place = rank(&order, out->v[i].domain);
	if (out->n)
		qsort(out->v, (size_t)out->n, sizeof(*out->v), by_domain_newest);
	if (limit > 0 && out->n > limit) {
		for (int i = limit; i < out->n; i++)
			change_free(&out->v[i]);
		out->more = out->n - limit;
		out->n = limit;
	}
	return RES_OK;
}

void
changes_free(struct changes *c)
{
	for (int i = 0; i < c->n; i++)
		change_free(&c->v[i]);
	free(c->v);
	memset(c, 0, sizeof(*c));
}
