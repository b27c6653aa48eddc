#ifndef SNW_DB_H
#define SNW_DB_H

/*
 * The database: the single source of truth. This is the only module that
 * includes sqlite3.h; the rest asks it for rows, either through the
 * entity-generic calls (upsert, each) or through the small statement
 * wrapper below (used by the read models of the dashboard and report).
 *
 * Functions return 0 on success and -1 on failure; db_errmsg() then
 * says what went wrong.
 */

#include <stdbool.h>
#include "core/entity.h"

struct db;
struct db_stmt;

/* Outcome of one db_upsert. */
enum db_change { DB_ADDED, DB_UPDATED, DB_UNCHANGED };

/* Opens (and migrates) an existing database file. With readonly, or when
 * the file is not writable, opens it read-only (db_readonly() says so).
 * Its -wal and -shm files get the database's mode for the group and
 * others, and read and write for their owner (so that viewing a chmod 444
 * database leaves nothing behind that a later writer fails on). Whether
 * the database is complete is db_complete's question. */
int db_open(const char *path, bool readonly, struct db **out, char *err, size_t errsz);

/*
 * A new database is complete or absent: it is built under a temporary
 * name in the directory of path (".NAME.tmp-..."), filled, and put in
 * place whole.
 *
 * db_build makes the temporary database with the current schema and
 * returns it open (no rows; write to it in a transaction that ends with
 * db_mark_complete). It first removes what interrupted builds for the same
 * path left behind. The file gets mode 0600; in a setgid directory (a
 * group's shared one) 0660 less the umask. Never bits for others.
 *
 * db_publish closes it and puts it at path unless something is there
 * already: returns 0, DB_EXISTS when another process (another first run
 * at the same moment) got there first (ours is removed: open theirs), or
 * -1 with err. db is gone afterwards, whatever the result. db_close on a
 * database that was built and not published removes it.
 */
enum { DB_EXISTS = -5 };
int db_build(const char *path, struct db **out, char *err, size_t errsz);
int db_publish(struct db *db, char *err, size_t errsz);

/* Builds, marks complete and publishes an empty database at path, and
 * opens it: init --empty, and tests. Fails (DB_EXISTS) when path exists. */
int db_create(const char *path, struct db **out, char *err, size_t errsz);

/* Marks the database complete (the 'compleet' row of gegevens); call in
 * the transaction that fills it. */
int db_mark_complete(struct db *db);

/*
 * Records iso (YYYY-MM-DD) as the peildatum of the data this transaction
 * loads: the date the data describes (the shipped data states it in
 * data/peildatum). Call in the transaction that fills a new database,
 * after its rows: it is written with the newest history id, so that the
 * load's own history rows are not taken for later changes
 * (model_peildatum). Returns 0 or -1 (db_errmsg).
 */
int db_state_peildatum(struct db *db, const char *iso);

/* 1 when the database is complete: marked so, or holding anything at all
 * (rows or history); 0 when it is half-made: empty and never marked, what
 * an interrupted first run of an older snw left behind; -1 on error. */
int db_complete(struct db *db);

/* The permission bits of the database file (st_mode & 0777), or -1. */
int db_file_mode(const struct db *db);

/* An in-memory database with the schema, for tests and the fuzzer. */
int db_open_memory(struct db **out);

/* A private in-memory copy of src, which may be read-only: import
 * --dry-run checks files against it. On failure db_errmsg(src) says why. */
int db_copy_to_memory(struct db *src, struct db **out);

void db_close(struct db *db);
bool db_readonly(const struct db *db);
const char *db_errmsg(const struct db *db);
const char *db_path(const struct db *db);

/* Schema version the code writes (PRAGMA user_version). */
int db_schema_version(void);

/* Transactions: BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int db_begin(struct db *db);
int db_commit(struct db *db);
int db_rollback(struct db *db);

/*
 * Inserts or updates one row of e, matched on its natural key. vals[i] is
 * the canonical value of field i ("" = empty) as field_normalize returns
 * it; NULL means not given: a new row gets the field's default, an
 * existing row keeps what it has (an import file without that column).
 * Reference fields hold the reference text and are resolved here. Returns 0; -1 for a reference that does not resolve, with err set
 * to "column: what is wrong (what was expected)"; -2 when the database
 * failed (disk full, locked), with err saying so.
 */
int db_upsert(struct db *db, const struct entity *e, const char *const *vals,
	      enum db_change *change, long long *id, char *err, size_t errsz);

/*
 * A large import into e, about `rows` rows: when that is at least 10,000
 * and a quarter of what e has, and e's natural key is an index of its own
 * (<table>_sleutel), drops the index for the rest of the import and finds
 * entries by key in memory; db_bulk_end builds the index again, sorted
 * once, which is far cheaper than a million insertions at random places.
 * Otherwise does nothing. Inside a transaction: a rollback brings the
 * index back. Returns 0 or -1 (db_errmsg).
 */
int db_bulk_begin(struct db *db, const struct entity *e, long long rows);
int db_bulk_end(struct db *db);

/* Sets the page cache of this connection (PRAGMA cache_size: negative
 * is KiB, positive is pages) and returns the setting it had, to give it
 * back with. */
long long db_cache_size(struct db *db, long long size);

/* Deletes every row of e whose id is not in ids[0..n) (import --replace:
 * afterwards the table holds exactly the imported rows, and rows that
 * were kept keep their id, so references to them survive). Rows of other
 * tables that refer to deleted rows follow the schema's ON DELETE rules.
 * Stores the number of deleted rows in *deleted. */
int db_keep_only(struct db *db, const struct entity *e, const long long *ids,
		 size_t n, long long *deleted);

/* Calls fn for every row of e in export order with canonical values
 * (domain as its full name, meeting as its ISO date, NULL as ""). Stops
 * and returns fn's value when it is non-zero. */
int db_each(struct db *db, const struct entity *e,
	    int (*fn)(void *ctx, const char *const *vals), void *ctx);

/* --- editing (forms, undo) ------------------------------------------------ */

/* Returned when the entry changed or vanished since the form opened. */
enum { DB_CONFLICT = -3, DB_GONE = -4 };

/* Who changes the database and through what ("import", "form", "undo");
 * recorded with every change. Defaults: the login name and "import". */
void db_set_actor(struct db *db, const char *who, const char *source);

/* Adds a new entry in its own transaction. Returns 0 with *id set; -1 for
 * bad data (a reference that does not resolve, or an entry with the same
 * natural key exists), -2 when the database failed; err says what. */
int db_insert(struct db *db, const struct entity *e, const char *const *vals,
	      long long *id, char *err, size_t errsz);

/* Reads entry id of e as canonical values into vals[0..nfields) (each
 * malloc'd; free with db_free_row). Returns 1, 0 when gone, -1 on error. */
int db_get(struct db *db, const struct entity *e, long long id, char **vals);
void db_free_row(const struct entity *e, char **vals);

/*
 * Saves an edited entry in one transaction. `orig` holds the values the
 * form was opened with: when the stored entry no longer equals them,
 * nothing is written and DB_CONFLICT is returned with `current` filled
 * (db_free_row it); on any other result `current` holds nothing to free.
 * DB_GONE when it was deleted. -1 bad data, -2 failure.
 */
int db_update(struct db *db, const struct entity *e, long long id, const char *const *orig,
	      const char *const *vals, char **current, char *err, size_t errsz);

/* Deletes an entry and what cannot exist without it (a meeting's
 * decisions and actions; a domain's successes and actielijnen), clearing
 * references from the rest, in one transaction with history. */
int db_delete(struct db *db, const struct entity *e, long long id, char *err, size_t errsz);

/* Describes what deleting would take along, e.g. "3 besluiten, 1 actie";
 * "" when nothing. */
int db_dependents(struct db *db, const struct entity *e, long long id, char *buf, size_t bufsz);

/* History ids written by the last committed transaction (0, 0 if none):
 * one user action, one undo step. */
void db_last_group(const struct db *db, long long *first, long long *last);

/* Primitives for undo (history.c); call inside a transaction. */
long long db_last_change(struct db *db);	/* newest history id, 0 if none */
int db_row_json(struct db *db, const struct entity *e, long long id, char **json);
int db_restore(struct db *db, const struct entity *e, long long id, const char *json);
int db_delete_row(struct db *db, const struct entity *e, long long id);
/* Sets column col of a row to value when it still holds expect (NULL =
 * empty); DB_CONFLICT when it does not. */
int db_set_column(struct db *db, const struct entity *e, long long id, const char *col,
		  const char *expect, const char *value);

/* Number of rows of e, or -1. */
long long db_count(struct db *db, const struct entity *e);

/* The meeting a date names, as references to a meeting resolve it (with
 * two meetings on one date, the AB-vergadering): its id, 0 when there is
 * none, -1 on failure. */
long long db_meeting_by_date(struct db *db, const char *date);

/* PRAGMA data_version: changes when another connection commits. */
long long db_data_version(struct db *db);

/* --- statement wrapper for read models --------------------------------- */

/* Every connection has the SQL function snw_contains(needle, text...):
 * true when needle occurs in one of the texts ignoring case
 * (text_contains), for search. */

/* Prepares sql; NULL on error (see db_errmsg). */
struct db_stmt *db_prepare(struct db *db, const char *sql);
/* Bind parameters are 1-based, as in SQLite; NULL text binds NULL. */
void db_bind_text(struct db_stmt *st, int i, const char *s);
void db_bind_int(struct db_stmt *st, int i, long long v);
/* 1 when a row is ready, 0 when done, -1 on error. */
int db_step(struct db_stmt *st);
/* Column text ("" for NULL; valid until the next step). */
const char *db_col_text(struct db_stmt *st, int i);
long long db_col_int(struct db_stmt *st, int i);
void db_reset(struct db_stmt *st);
void db_finalize(struct db_stmt *st);
/* Runs SQL without results (several statements allowed). */
int db_exec(struct db *db, const char *sql);

#endif
