#ifndef SNW_HISTORY_H
#define SNW_HISTORY_H

/*
 * The history of changes (table historie, written by db.c in the same
 * transaction as each change): `snw log`, "last changed by" in detail
 * panes, and undo/redo of a session's changes.
 */

#include <stdio.h>

struct db;

/* A range of history ids written by one user action (one transaction). */
struct change_group {
	long long first, last;
};

/* Prints the newest `limit` changes, newest first, one per line, with
 * data sanitized. Returns 0 or -1 (db_errmsg). */
int history_print(struct db *db, long limit, FILE *fp);

/*
 * Reverts group g (newest change first) in one transaction, recorded as
 * source "undo"; *reverted receives the group that did it, which undone
 * in turn is the redo. Returns 0; DB_CONFLICT (err says what) when
 * someone else changed an affected entry since, in which case nothing is
 * written; -2 on failure.
 */
int history_revert(struct db *db, struct change_group g, struct change_group *reverted,
		   char *err, size_t errsz);

/* When and by whom entry `row` of `table` last changed: "28 nov 2026 14:05
 * door jan" into buf; "" when the history has nothing. Returns 0 or -1. */
int history_last(struct db *db, const char *table, long long row, char *buf, size_t bufsz);

#endif
