/*
 * Reading and reverting the history that db.c writes with every change.
 *
 * A history row is either a whole entry (veld NULL: added when nieuw holds
 * its JSON, deleted when oud does) or one column (oud -> nieuw). Reverting
 * walks a group newest first and applies the opposite through db.c, which
 * records that in turn: so redo is simply reverting the revert.
 */

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "store/db.h"
#include "core/entity.h"
#include "model/history.h"
#include "core/text.h"

/* One history row, copied out of the statement. */
struct change {
	char *tabel, *veld, *oud, *nieuw;
	long long rij;
	bool has_veld, has_oud, has_nieuw;
	bool is_run;		/* entries rij.. added by an import */
};

static void
change_free(struct change *c)
{
	free(c->tabel);
	free(c->veld);
	free(c->oud);
	free(c->nieuw);
}

/* The title of an entry from its JSON, for log lines. */
static void
json_title(struct db *db, const struct entity *e, const char *json, char *buf, size_t bufsz)
{
	struct db_stmt *st = db_prepare(db, "SELECT json_extract(?1, '$.' || ?2)");

	*buf = '\0';
	if (!st)
		return;
	db_bind_text(st, 1, json);
	db_bind_text(st, 2, e->fields[e->title].column);
	if (db_step(st) == 1)
		text_fit(buf, bufsz, db_col_text(st, 0), 50);
	db_finalize(st);
}

/* Entries added by an import are one history row per run of ids; `snw
 * log` shows a run this short entry by entry. */
#define SHORT_RUN 10

/* "toegevoegd: TITLE" for entry id of e that an import added, with its
 * title as stored now. */
static void
added_line(struct db *db, const struct entity *e, long long id, char *buf, size_t bufsz)
{
	char sql[256], title[160];
	struct db_stmt *st;

	snprintf(buf, bufsz, "toegevoegd, inmiddels verwijderd");
	snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE id = ?1", e->fields[e->title].column, e->name);
	if (!(st = db_prepare(db, sql)))
		return;
	db_bind_int(st, 1, id);
	if (db_step(st) == 1) {
		text_fit(title, sizeof(title), db_col_text(st, 0), 50);
		snprintf(buf, bufsz, "toegevoegd: \"%s\"", title);
	}
	db_finalize(st);
}

/* A column value as a person reads it: references by name. */
static void
show_value(struct db *db, const char *col, const char *v, bool present, char *buf, size_t bufsz)
{
	static const struct { const char *col, *sql; } refs[] = {
		{ "domein_id", "SELECT naam FROM domeinen WHERE id = ?1" },
		{ "vergadering_id", "SELECT datum FROM vergaderingen WHERE id = ?1" },
		{ "actielijn_id", "SELECT titel FROM actielijnen WHERE id = ?1" },
	};

	if (!present || !*v) {
		snprintf(buf, bufsz, "(leeg)");
		return;
	}
	for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
		struct db_stmt *st;

		if (strcmp(col, refs[i].col) != 0 || !(st = db_prepare(db, refs[i].sql)))
			continue;
		db_bind_text(st, 1, v);
		if (db_step(st) == 1) {
			text_fit(buf, bufsz, db_col_text(st, 0), 40);
			db_finalize(st);
			return;
		}
		db_finalize(st);
	}
	text_fit(buf, bufsz, v, 40);
}

int
history_print(struct db *db, long limit, FILE *fp)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT strftime('%Y-%m-%d %H:%M', tijd, 'localtime'), wie, bron, tabel, rij, veld,"
		" oud, nieuw, veld IS NOT NULL, oud IS NOT NULL, nieuw IS NOT NULL, ifnull(tot, 0)"
		" FROM historie ORDER BY id DESC LIMIT ?1");
	int rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, limit);
	while ((rc = db_step(st)) == 1) {
		const struct entity *e = entity_find(db_col_text(st, 3));
		char who[40], what[512], a[160], b[160], title[160];
		long long rij = db_col_int(st, 4), tot = db_col_int(st, 11);

		text_fit(who, sizeof(who), db_col_text(st, 1), 12);
		if (!e)
			continue;
		if (tot - rij >= SHORT_RUN) {	/* many entries added by an import */
			fprintf(fp, "%s  %-12s %-6s %s %lld-%lld  toegevoegd: %lld %s\n", db_col_text(st, 0),
				who, db_col_text(st, 2), e->name, rij, tot, tot - rij + 1, e->name);
			continue;
		}
		for (long long id = tot; id > rij; id--) {	/* a few: each by its title */
			added_line(db, e, id, what, sizeof(what));
			fprintf(fp, "%s  %-12s %-6s %s %lld  %s\n", db_col_text(st, 0), who,
				db_col_text(st, 2), e->singular, id, what);
		}
		if (tot) {
			added_line(db, e, rij, what, sizeof(what));
		} else if (!db_col_int(st, 8)) {
			bool added = db_col_int(st, 10);

			json_title(db, e, db_col_text(st, added ? 7 : 6), title, sizeof(title));
			snprintf(what, sizeof(what), "%s: \"%s\"", added ? "toegevoegd" : "verwijderd", title);
		} else {
			show_value(db, db_col_text(st, 5), db_col_text(st, 6), db_col_int(st, 9), a, sizeof(a));
			show_value(db, db_col_text(st, 5), db_col_text(st, 7), db_col_int(st, 10), b, sizeof(b));
			snprintf(what, sizeof(what), "%s: %s -> %s", db_col_text(st, 5), a, b);
		}
		fprintf(fp, "%s  %-12s %-6s %s %lld  %s\n", db_col_text(st, 0), who,
			db_col_text(st, 2), e->singular, rij, what);
	}
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* Reads group g, newest first. */
static int
load_group(struct db *db, struct change_group g, struct change **out, size_t *n)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT tabel, rij, veld, oud, nieuw, veld IS NOT NULL, oud IS NOT NULL, nieuw IS NOT NULL,"
		" tot IS NOT NULL FROM historie WHERE id BETWEEN ?1 AND ?2 ORDER BY id DESC");
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	db_bind_int(st, 1, g.first);
	db_bind_int(st, 2, g.last);
	while ((rc = db_step(st)) == 1) {
		struct change *c;

		if (*n == cap) {
			struct change *p = realloc(*out, (cap = cap ? cap * 2 : 16) * sizeof(**out));

			if (!p) {
				rc = -1;
				break;
			}
			*out = p;
		}
		c = &(*out)[(*n)++];
		c->tabel = strdup(db_col_text(st, 0));
		c->rij = db_col_int(st, 1);
		c->veld = strdup(db_col_text(st, 2));
		c->oud = strdup(db_col_text(st, 3));
		c->nieuw = strdup(db_col_text(st, 4));
		c->has_veld = db_col_int(st, 5);
		c->has_oud = db_col_int(st, 6);
		c->has_nieuw = db_col_int(st, 7);
		c->is_run = db_col_int(st, 8);
	}
	db_finalize(st);
	return rc;
}

/* Applies the opposite of one change. */
static int
revert_one(struct db *db, const struct change *c, char *err, size_t errsz)
{
	const struct entity *e = entity_find(c->tabel);
	char *now = NULL;
	int rc;

	if (!e) {
		snprintf(err, errsz, "unknown table %s in history", c->tabel);
		return -2;
	}
	if (c->is_run) {	/* never part of a session's changes */
		snprintf(err, errsz, "een import maak je niet ongedaan met u");
		return -2;
	}
	if (c->has_veld) {
		rc = db_set_column(db, e, c->rij, c->veld, c->has_nieuw ? c->nieuw : NULL,
				   c->has_oud ? c->oud : NULL);
		if (rc == DB_CONFLICT)
			snprintf(err, errsz, "iemand anders heeft deze %s intussen gewijzigd", e->singular);
		return rc == 0 ? 0 : rc == DB_CONFLICT ? rc : -2;
	}
	if ((rc = db_row_json(db, e, c->rij, &now)) < 0)
		return -2;
	if (c->has_nieuw) {		/* it was added: delete it, if it is as we left it */
		rc = rc == 1 && strcmp(now, c->nieuw) == 0 ? db_delete_row(db, e, c->rij) : DB_CONFLICT;
	} else {			/* it was deleted: bring it back */
		rc = rc == 0 ? db_restore(db, e, c->rij, c->oud) : DB_CONFLICT;
	}
	free(now);
	if (rc == DB_CONFLICT)
		snprintf(err, errsz, "iemand anders heeft deze %s intussen gewijzigd", e->singular);
	return rc == 0 ? 0 : rc == DB_CONFLICT ? rc : -2;
}

int
history_revert(struct db *db, struct change_group g, struct change_group *reverted,
	       char *err, size_t errsz)
{
	struct change *changes;
	size_t n = 0;
	int rc = 0;

	reverted->first = reverted->last = 0;
	if (db_begin(db) < 0) {
		snprintf(err, errsz, "%s", db_errmsg(db));
		return -2;
	}
	db_set_actor(db, NULL, "undo");
	if (load_group(db, g, &changes, &n) < 0)
		rc = -2;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = revert_one(db, &changes[i], err, errsz);
	for (size_t i = 0; i < n; i++)
		change_free(&changes[i]);
	free(changes);
	db_set_actor(db, NULL, "form");
	if (rc == -2 && !*err)
		snprintf(err, errsz, "%s", db_errmsg(db));
	if (rc != 0) {
		db_rollback(db);
		return rc;
	}
	if (db_commit(db) < 0) {
		snprintf(err, errsz, "%s", db_errmsg(db));
		return -2;
	}
	db_last_group(db, &reverted->first, &reverted->last);
	return 0;
}

int
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
		return -1;
	db_bind_text(st, 1, table);
	db_bind_int(st, 2, row);
	if ((rc = db_step(st)) == 1) {
		char day[32], who[40];

		date_format_short(db_col_text(st, 0), day, sizeof(day));
		text_fit(who, sizeof(who), db_col_text(st, 2), 20);
		snprintf(buf, bufsz, "%s %s door %s", day, db_col_text(st, 1), who);
	}
	db_finalize(st);
	return rc < 0 ? -1 : 0;
}
