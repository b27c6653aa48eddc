#ifndef SNW_HISTORY_H
#define SNW_HISTORY_H

/*
 * The history of changes (table historie, written by the store in the
 * same transaction as each change): the entries of `snw log`, "last
 * changed by" in detail panes, and what the changes since a date
 * (model/changes.h) are read from. Undo is the store's (store/undo.h).
 */

#include <stdbool.h>
#include <stdio.h>

#include "core/result.h"

struct db;
struct entity;

/*
 * The last history id of the initial load: what was written when the
 * database was filled with data that states its peildatum (snw init and
 * the first run: db_state_peildatum records both). It is the starting
 * point, not a change, as model_peildatum counts it too. 0 when there
 * is none (a database filled by import counts its whole history); a
 * failure (negative) when the database failed.
 */
long long history_initial_load(struct db *db);

/* What `snw log` asks for. */
struct log_query {
	long limit;			/* entries, newest first; 0: all */
	const char *since;		/* ISO date: changes made on or after it
					   (local time); NULL: all */
	long long domein_id;		/* entries of this domain or theme; 0: all */
	const struct entity *table;	/* entries of this table; NULL: all */
};

enum log_kind {
	LOG_ADDED,	/* an entry was added */
	LOG_DELETED,	/* an entry was deleted */
	LOG_FIELD,	/* a field changed */
	LOG_ADDED_MANY,	/* an import added `count` entries, ids id..last */
};

/* One line of the log. Strings are valid during the callback. */
struct log_entry {
	const char *when;		/* "2026-12-02 14:05", local time */
	const char *who;
	const char *source;		/* "import", "form", "wissel", "undo" */
	const struct entity *e;
	enum log_kind kind;
	long long id, last;		/* the entry; LOG_ADDED_MANY: first and last */
	long long count;		/* LOG_ADDED_MANY: how many (of the domain asked for) */
	const char *title;		/* its title, as stored now or as it was
					   deleted; "" when not known */
	bool gone;			/* it no longer exists */
	const char *field;		/* LOG_FIELD: the field's column */
	const char *old, *new;		/* LOG_FIELD: the values as a person reads
					   them (references by name); NULL: empty */
};

/* Calls fn for the entries of the log that q asks for, newest first.
 * A short run of entries an import added is shown entry by entry, a long
 * one as one LOG_ADDED_MANY. fn returns 0 to go on. Returns 0 (or what
 * fn returned), or a failure (negative; db_result says more). */
int history_each(struct db *db, const struct log_query *q,
		 int (*fn)(void *ctx, const struct log_entry *e), void *ctx);

/* When and by whom entry `row` of `table` last changed: "28 nov 2026 14:05
 * door jan" into buf; "" when the history has nothing. */
enum result history_last(struct db *db, const char *table, long long row, char *buf, size_t bufsz);

/* --- shared with model/changes.c -------------------------------------------------- */

/* A stored column value as a person reads it: a reference by its name
 * (a domain's name, a meeting's date, an actielijn's title), the rest as
 * it is, into buf (sanitized, cut at `cols` columns). */
void history_show_value(struct db *db, const char *col, const char *v, char *buf, size_t bufsz,
			int cols);

/* Value `col` of an entry's JSON (as the history keeps whole entries)
 * into buf; false when it has none. */
bool history_json_get(struct db *db, const char *json, const char *col, char *buf, size_t bufsz);

/* The domain an entry belongs to: its own domain (a planning item: its
 * actielijn's when it has none of its own), a domain itself; 0 for
 * meetings and decisions. json: the entry as it was, for one that is
 * gone (NULL: read it from its table). A failure is negative. */
long long history_entry_domain(struct db *db, const struct entity *e, long long id, const char *json);

/* How many of the entries first..last of e (a run an import added) each
 * domain has: fn(ctx, domain, n) per domain (0: none). Returns 0, fn's
 * answer when not 0, or a failure (negative). */
int history_run_domains(struct db *db, const struct entity *e, long long first, long long last,
			int (*fn)(void *ctx, long long domain, long long n), void *ctx);

#endif
