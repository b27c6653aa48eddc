#ifndef SNW_STORE_WRITE_H
#define SNW_STORE_WRITE_H

/*
 * Writing entries, each change recorded in the history (table historie)
 * in the same transaction: the upsert of imports, and insert, update and
 * delete of the dashboard's forms, each a transaction of its own.
 *
 * Values are canonical as field_normalize returns them ("" = empty);
 * reference fields hold the reference's text and are resolved here. A
 * reference that does not resolve is RES_INVALID, a key that another
 * entry has RES_DUPLICATE; db_result() names the field and the value.
 */

#include "core/entity.h"
#include "core/result.h"

struct db;

/* Outcome of one db_upsert. */
enum db_change { DB_ADDED, DB_UPDATED, DB_UNCHANGED };

/*
 * Inserts or updates one row of e, matched on its natural key, inside the
 * caller's transaction. vals[i] NULL means not given: a new row gets the
 * field's default, an existing row keeps what it has (an import file
 * without that column). *id (when id is not NULL) is the row's id.
 */
enum result db_upsert(struct db *db, const struct entity *e, const char *const *vals,
		      enum db_change *change, long long *id);

/*
 * A large import into e, about `rows` rows: when that is at least 10,000
 * and a quarter of what e has, and e's natural key is an index of its own
 * (<table>_sleutel), drops the index for the rest of the import and finds
 * entries by key in memory (a count that a trigger keeps is counted in
 * memory too); db_bulk_end builds the index again, sorted once, which is
 * far cheaper than a million insertions at random places. Otherwise does
 * nothing. Inside a transaction: a rollback brings the index back.
 */
enum result db_bulk_begin(struct db *db, const struct entity *e, long long rows);
enum result db_bulk_end(struct db *db);

/* Deletes every row of e whose id is not in ids[0..n) (import --replace:
 * afterwards the table holds exactly the imported rows, and rows that
 * were kept keep their id, so references to them survive). Rows of other
 * tables that refer to deleted rows follow the schema's ON DELETE rules.
 * Stores the number of deleted rows in *deleted. */
enum result db_keep_only(struct db *db, const struct entity *e, const long long *ids,
			 size_t n, long long *deleted);

/* Adds a new entry in its own transaction; *id is its id. */
enum result db_insert(struct db *db, const struct entity *e, const char *const *vals,
		      long long *id);

/*
 * Saves an edited entry in one transaction. `orig` holds the values the
 * form was opened with: when the stored entry no longer equals them,
 * nothing is written and RES_CONFLICT is returned with `current` filled
 * (db_free_row it); on any other result `current` holds nothing to free.
 * RES_GONE when the entry was deleted meanwhile.
 */
enum result db_update(struct db *db, const struct entity *e, long long id,
		      const char *const *orig, const char *const *vals, char **current);

/* Deletes an entry and what cannot exist without it (a meeting's
 * decisions and actions; a domain's successes and actielijnen), clearing
 * references from the rest, in one transaction with history. */
enum result db_delete(struct db *db, const struct entity *e, long long id);

/* What deleting would take along (dependents_text words it). */
enum result db_dependents(struct db *db, const struct entity *e, long long id,
			  struct dependents *d);

#endif
