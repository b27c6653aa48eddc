#ifndef SNW_STORE_UNDO_H
#define SNW_STORE_UNDO_H

/*
 * Undo and redo: every committed transaction wrote a range of history
 * rows (one user action, one undo step); reverting them applies the
 * opposite, newest change first, and is recorded in turn, so redo is
 * reverting the revert.
 */

#include "core/result.h"

struct db;

/* A range of history ids written by one user action (one transaction). */
struct change_group {
	long long first, last;
};

/* History ids written by the last committed transaction (0, 0 if none). */
void db_last_group(const struct db *db, long long *first, long long *last);

/*
 * Reverts group g (newest change first) in one transaction, recorded as
 * source "undo"; *reverted receives the group that did it, which undone
 * in turn is the redo. RES_CONFLICT (db_result names the kind of entry)
 * when someone else changed an affected entry since: then nothing is
 * written. RES_IMPORT_UNDO for the changes of an import.
 */
enum result db_revert(struct db *db, struct change_group g, struct change_group *reverted);

#endif
