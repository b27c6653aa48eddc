/*
 * Reading the history that the store writes with every change
 * (src/store/journal.c): the entries of `snw log` (typed; cli/log.c words
 * them), where the initial load ends, and when and by whom an entry last
 * changed. Undo's writes are the store's (src/store/undo.c).
 *
 * A history row is either a whole entry (veld NULL: added when nieuw holds
 * its JSON, deleted when oud does), one column (oud -> nieuw), or the
 * entries rij..tot an import added.
 */

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/alloc.h"
#include "core/date.h"
#include "store/db.h"
#include "store/stmt.h"
#include "core/entity.h"
#include "model/history.h"
#include "core/text.h"

/* --- reading entries ------------------------------------------------------------ */

bool
history_json_get(struct db *db, const char *json, const char *col, char *buf, size_t bufsz)
{
	struct db_stmt *st = db_prepare(db, "SELECT json_extract(?1, '$.' || ?2)"
					    " WHERE json_type(?1, '$.' || ?2) IS NOT 'null'");
	bool found = false;

	*buf = '\0';
	if (!st)
		return false;
	db_bind_text(st, 1, json);
	db_bind_text(st, 2, col);
	if (db_step(st) == 1) {
		snprintf(buf, bufsz, "%s", db_col_text(st, 0));
		found = true;
	}
	db_finalize(st);
	return found;
}

/* The SQL expression of an entry's domain in its table (the row is
 * `t`): see history_entry_domain. */
static const char *
domain_expr(const struct entity *e)
{
	if (e == &entity_domeinen)
		return "t.id";
	if (e == &entity_planning)
		return "ifnull(t.domein_id, (SELECT a.domein_id FROM actielijnen a WHERE a.id = t.actielijn_id))";
	if (e == &entity_actielijnen || e == &entity_successen || e == &entity_acties)
		return "t.domein_id";
	return "0";
}

/* Runs sql with ?1 = id and returns its one integer (0 without a row),
 * or a failure (negative). */
static long long
one_int(struct db *db, const char *sql, long long id)
{
	struct db_stmt *st = db_prepare(db, sql);
	long long v = 0;
	int rc;

	if (!st)
		return db_result(db)->code;
	db_bind_int(st, 1, id);
	if ((rc = db_step(st)) == 1)
		v = db_col_int(st, 0);
	db_finalize(st);
	return rc < 0 ? rc : v;
}

long long
history_entry_domain(struct db *db, const struct entity *e, long long id, const char *json)
{
	char sql[512], v[32];

	if (!json) {
		snprintf(sql, sizeof(sql), "SELECT ifnull(%s, 0) FROM %s t WHERE t.id = ?1", domain_expr(e), e->name);
		return one_int(db, sql, id);
	}
	if (e == &entity_domeinen)
		return id;
	if (history_json_get(db, json, "domein_id", v, sizeof(v)))
		return strtoll(v, NULL, 10);
	if (e == &entity_planning && history_json_get(db, json, "actielijn_id", v, sizeof(v)))
		return one_int(db, "SELECT domein_id FROM actielijnen WHERE id = ?1", strtoll(v, NULL, 10));
	return 0;
}

int
history_run_domains(struct db *db, const struct entity *e, long long first, long long last,
		    int (*fn)(void *ctx, long long domain, long long n), void *ctx)
{
	char sql[512];
	struct db_stmt *st;
	int rc, stop = 0;

	snprintf(sql, sizeof(sql), "SELECT ifnull(%s, 0), count(*) FROM %s t WHERE t.id BETWEEN ?1 AND ?2"
		 " GROUP BY 1 ORDER BY 1", domain_expr(e), e->name);
	if (!(st = db_prepare(db, sql)))
		return db_result(db)->code;
	db_bind_int(st, 1, first);
	db_bind_int(st, 2, last);
	while (!stop && (rc = db_step(st)) == 1)
		stop = fn(ctx, db_col_int(st, 0), db_col_int(st, 1));
	db_finalize(st);
	return stop ? stop : rc < 0 ? rc : 0;
}

/* The JSON of entry id of e as it was last deleted (malloc'd), or NULL. */
static char *
deleted_json(struct db *db, const struct entity *e, long long id)
{
	struct db_stmt *st = db_prepare(db, "SELECT oud FROM historie WHERE rij = ?1 AND tabel = ?2"
					    " AND veld IS NULL AND oud IS NOT NULL ORDER BY id DESC LIMIT 1");
	char *json = NULL;

	if (!st)
		return NULL;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, e->name);
	if (db_step(st) == 1)
		json = xstrdup(db_col_text(st, 0));
	db_finalize(st);
	return json;
}

/* What the log says of an entry besides the change: its title and
 * domain now, or as it was deleted when it is gone. */
struct entry_state {
	char title[512];
	long long domain;
	bool gone;
};

/* Reads the state of entry id of e: RES_OK or a failure. */
static int
entry_state(struct db *db, const struct entity *e, long long id, struct entry_state *s)
{
	char sql[512];
	struct db_stmt *st;
	int rc;
	char *json;

	memset(s, 0, sizeof(*s));
	snprintf(sql, sizeof(sql), "SELECT t.%s, ifnull(%s, 0) FROM %s t WHERE t.id = ?1",
		 e->fields[e->title].column, domain_expr(e), e->name);
	if (!(st = db_prepare(db, sql)))
		return db_result(db)->code;
	db_bind_int(st, 1, id);
	if ((rc = db_step(st)) == 1) {
		snprintf(s->title, sizeof(s->title), "%s", db_col_text(st, 0));
		s->domain = db_col_int(st, 1);
	}
	db_finalize(st);
	if (rc != 0)
		return rc < 0 ? rc : RES_OK;
	s->gone = true;
	if ((json = deleted_json(db, e, id))) {
		history_json_get(db, json, e->fields[e->title].column, s->title, sizeof(s->title));
		s->domain = history_entry_domain(db, e, id, json);
		free(json);
	}
	return s->domain < 0 ? (int)s->domain : RES_OK;
}

/*
 * Two values that differ beyond what `cols` columns show read the same
 * once cut ("Ünver⟨U+200D⟩⟨U+200D⟩…" both, when a `!` was added after 40
 * joiners): both are shown from the character before the first one that
 * differs, after a "…" (by code point: a joiner belongs to the letter
 * before it, and that cluster may itself be too long to show). a and b
 * (bufsz bytes) hold what was shown.
 */
static void
show_from_difference(const char *old, const char *new, char *a, char *b, size_t bufsz, int cols)
{
	size_t d = 0;

	if (!old || !new || strcmp(old, new) == 0)
		return;
	while (old[d] && old[d] == new[d])
		d++;
	for (int back = 0; back < 2 && d > 0; back++)	/* its start, then one more */
		do
			d--;
		while (d > 0 && ((unsigned char)old[d] & 0xC0) == 0x80);
	if (d == 0)
		return;		/* they differ at the start: the cut shows it */
	snprintf(a, bufsz, "…");
	text_fit(a + strlen(a), bufsz - strlen(a), old + d, cols - 1);
	snprintf(b, bufsz, "…");
	text_fit(b + strlen(b), bufsz - strlen(b), new + d, cols - 1);
}

/* Entries added by an import are one history row per run of ids; `snw
 * log` shows a run this short entry by entry. */
#define SHORT_RUN 10

void
history_show_value(struct db *db, const char *col, const char *v, char *buf, size_t bufsz, int cols)
{
	static const struct { const char *col, *sql; } refs[] = {
		{ "domein_id", "SELECT naam FROM domeinen WHERE id = ?1" },
		{ "vergadering_id", "SELECT datum FROM vergaderingen WHERE id = ?1" },
		{ "actielijn_id", "SELECT titel FROM actielijnen WHERE id = ?1" },
	};

	*buf = '\0';
	if (!v || !*v)
		return;
	for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
		struct db_stmt *st;

		if (strcmp(col, refs[i].col) != 0 || !(st = db_prepare(db, refs[i].sql)))
			continue;
		db_bind_text(st, 1, v);
		if (db_step(st) == 1) {
			text_fit(buf, bufsz, db_col_text(st, 0), cols);
			db_finalize(st);
			return;
		}
		db_finalize(st);
	}
	text_fit(buf, bufsz, v, cols);
}

long long
history_initial_load(struct db *db)
{
	/* What db_state_peildatum recorded with the data's peildatum: the
	 * same starting point as model_peildatum's. */
	return one_int(db, "SELECT ifnull((SELECT CAST(waarde AS INTEGER) FROM gegevens"
			   " WHERE sleutel = 'peildatum_historie'), 0)", 0);
}

/* The walk of history_each. */
struct log_walk {
	struct db *db;
	const struct log_query *q;
	int (*fn)(void *ctx, const struct log_entry *e);
	void *ctx;
	long shown;		/* entries given to fn */
	int stop;		/* fn's answer when it stopped the walk */
	bool full;		/* the limit is reached */
};

/* Gives one entry to fn unless the domain asked for is another; counts
 * it against the limit. */
static int
emit(struct log_walk *w, struct log_entry *le, long long domain)
{
	if (w->q->domein_id && domain != w->q->domein_id)
		return 0;
	if ((w->stop = w->fn(w->ctx, le)) != 0)
		return w->stop;
	w->full = w->q->limit > 0 && ++w->shown >= w->q->limit;
	return 0;
}

/* Entries rij..tot that an import added: one line for a long run (the
 * count of the domain asked for), else a line each, newest first. */
static int
log_run(struct log_walk *w, struct log_entry *le, long long rij, long long tot)
{
	struct entry_state s;

	if (tot - rij >= SHORT_RUN) {
		char sql[512];

		le->kind = LOG_ADDED_MANY;
		le->id = rij;
		le->last = tot;
		le->count = tot - rij + 1;
		if (w->q->domein_id) {
			snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s t WHERE t.id BETWEEN ?1 AND %lld AND %s = %lld",
				 le->e->name, tot, domain_expr(le->e), w->q->domein_id);
			if ((le->count = one_int(w->db, sql, rij)) < 0)
				return (int)le->count;
			if (le->count == 0)
				return 0;
		}
		return emit(w, le, w->q->domein_id);
	}
	for (long long id = tot; id >= rij && !w->stop && !w->full; id--) {
		int rc = entry_state(w->db, le->e, id, &s);

		if (rc < 0)
			return rc;
		le->kind = LOG_ADDED;
		le->id = id;
		le->title = s.title;
		le->gone = s.gone;
		emit(w, le, s.domain);
	}
	return 0;
}

/* One history row (st) as one or more log entries. */
static int
log_row(struct log_walk *w, struct db_stmt *st)
{
	const struct entity *e = entity_find(db_col_text(st, 3));
	struct log_entry le = { .when = db_col_text(st, 0), .who = db_col_text(st, 1),
				.source = db_col_text(st, 2), .e = e, .id = db_col_int(st, 4) };
	struct entry_state s;
	char a[512], b[512];
	long long domain;
	int rc;

	if (!e)
		return 0;
	if (db_col_int(st, 11))
		return log_run(w, &le, le.id, db_col_int(st, 11));
	if ((rc = entry_state(w->db, e, le.id, &s)) < 0)
		return rc;
	le.title = s.title;
	le.gone = s.gone;
	domain = s.domain;
	if (!db_col_int(st, 8)) {	/* a whole entry, as JSON */
		bool added = db_col_int(st, 10);
		const char *json = db_col_text(st, added ? 7 : 6);

		le.kind = added ? LOG_ADDED : LOG_DELETED;
		history_json_get(w->db, json, e->fields[e->title].column, s.title, sizeof(s.title));
		if ((domain = history_entry_domain(w->db, e, le.id, json)) < 0)
			return (int)domain;
		return emit(w, &le, domain);
	}
	le.kind = LOG_FIELD;
	le.field = db_col_text(st, 5);
	history_show_value(w->db, le.field, db_col_text(st, 6), a, sizeof(a), 40);
	history_show_value(w->db, le.field, db_col_text(st, 7), b, sizeof(b), 40);
	if (strcmp(a, b) == 0)
		show_from_difference(db_col_text(st, 6), db_col_text(st, 7), a, b, sizeof(a), 40);
	le.old = db_col_int(st, 9) && *a ? a : NULL;
	le.new = db_col_int(st, 10) && *b ? b : NULL;
	return emit(w, &le, domain);
}

int
history_each(struct db *db, const struct log_query *q,
	     int (*fn)(void *ctx, const struct log_entry *e), void *ctx)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT strftime('%Y-%m-%d %H:%M', tijd, 'localtime'), wie, bron, tabel, rij, veld,"
		" oud, nieuw, veld IS NOT NULL, oud IS NOT NULL, nieuw IS NOT NULL, ifnull(tot, 0)"
		" FROM historie WHERE (?1 IS NULL OR date(tijd, 'localtime') >= ?1)"
		" AND (?2 IS NULL OR tabel = ?2) ORDER BY id DESC");
	struct log_walk w = { db, q, fn, ctx, 0, 0, false };
	int rc;

	if (!st)
		return db_result(db)->code;
	db_bind_text(st, 1, q->since);
	db_bind_text(st, 2, q->table ? q->table->name : NULL);
	while (!w.stop && !w.full && (rc = db_step(st)) == 1)
		if ((rc = log_row(&w, st)) < 0)
			break;
	db_finalize(st);
	return rc < 0 ? rc : w.stop;
}

enum result
history_last(struct db *db, const char *table, long long row, char *buf, size_t bufsz)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT strftime('%Y-%m-%d', tijd, 'localtime'), strftime('%H:%M', tijd, 'localtime'), wie"
		" FROM historie WHERE id = (SELECT max(id) FROM ("
		"   SELECT id FROM historie WHERE rij = ?2 AND tabel = ?1"
		"   UNION ALL SELECT id FROM historie"
		"   WHERE tabel = ?1 AND tot >= ?2 AND tot IS NOT NULL AND rij <= ?2))");
	int rc;

	*buf = '\0';
	if (!st)
		return db_result(db)->code;
	db_bind_text(st, 1, table);
	db_bind_int(st, 2, row);
	if ((rc = db_step(st)) == 1) {
		char day[32], who[40];

		date_format_short(db_col_text(st, 0), day, sizeof(day));
		text_fit(who, sizeof(who), db_col_text(st, 2), 20);
		/* TRANSLATORS: a date, a time, a login name */
		snprintf(buf, bufsz, _("%s %s door %s"), day, db_col_text(st, 1), who);
	}
	db_finalize(st);
	return rc < 0 ? (enum result)rc : RES_OK;
}
