#ifndef SNW_DB_H
#define SNW_DB_H

/*
 * The database: the single source of truth. Only src/store/ includes
 * sqlite3.h; the rest of snw sees the store through these headers:
 *
 *   store/db.h     the handle: open, create, transactions, what happened
 *   store/read.h   entries as canonical values (forms, export)
 *   store/write.h  upsert (imports), insert, update, delete (forms)
 *   store/undo.h   reverting what one action changed
 *   store/stmt.h   the statement wrapper of the read models (src/model/)
 *
 * A function that can fail returns an enum result (core/result.h): RES_OK
 * or a failure, which is negative. db_result() then holds what the
 * sentence needs, and result_text() words it; nobody parses it.
 */

#include <stdbool.h>

#include "core/result.h"

struct db;

/* What the last failure on db was (its code, the entry and field it is
 * about, SQLite's own words). Meaningful after a function failed. */
const struct result_info *db_result(const struct db *db);

/* Opens (and migrates) an existing database file. With readonly, or when
 * the file is not writable, opens it read-only (db_readonly() says so).
 * Its -wal and -shm files get the database's mode for the group and
 * others, and read and write for their owner (so that viewing a chmod 444
 * database leaves nothing behind that a later writer fails on). Whether
 * the database is complete is db_complete's question. On failure *why
 * says what happened (there is no db to ask). */
enum result db_open(const char *path, bool readonly, struct db **out, struct result_info *why);

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
 * already: RES_OK; RES_EXISTS when another process (another first run at
 * the same moment) got there first (ours is removed: open theirs); or
 * another failure in *why. db is gone afterwards, whatever the result.
 * db_close on a database that was built and not published removes it.
 */
enum result db_build(const char *path, struct db **out, struct result_info *why);
enum result db_publish(struct db *db, struct result_info *why);

/* Builds, marks complete and publishes an empty database at path, and
 * opens it: init --empty, and tests. RES_EXISTS when path exists. */
enum result db_create(const char *path, struct db **out, struct result_info *why);

/* Marks the database complete (the 'compleet' row of gegevens); call in
 * the transaction that fills it. */
enum result db_mark_complete(struct db *db);

/*
 * Records iso (YYYY-MM-DD) as the peildatum of the data this transaction
 * loads: the date the data describes (the shipped data states it in
 * data/peildatum). Call in the transaction that fills a new database,
 * after its rows: it is written with the newest history id, so that the
 * load's own history rows are not taken for later changes
 * (model_peildatum).
 */
enum result db_state_peildatum(struct db *db, const char *iso);

/* Whether the database is complete: marked so, or holding anything at all
 * (rows or history). Not complete: empty and never marked, what an
 * interrupted first run of an older snw left behind. */
enum result db_complete(struct db *db, bool *complete);

/* An in-memory database with the schema, for tests and the fuzzer. */
enum result db_open_memory(struct db **out);

/* A private in-memory copy of src, which may be read-only: import
 * --dry-run checks files against it. On failure db_result(src) says why. */
enum result db_copy_to_memory(struct db *src, struct db **out);

void db_close(struct db *db);
bool db_readonly(const struct db *db);
const char *db_path(const struct db *db);

/* The permission bits of the database file (st_mode & 0777), or -1 when
 * the file cannot be looked at. */
int db_file_mode(const struct db *db);

/* Schema version the code writes (PRAGMA user_version). */
int db_schema_version(void);

/* Transactions for writing: BEGIN IMMEDIATE / COMMIT / ROLLBACK. A
 * commit records the history rows it wrote as one undo step
 * (db_last_group). */
enum result db_begin(struct db *db);
enum result db_commit(struct db *db);
enum result db_rollback(struct db *db);

/* A read transaction: everything read until db_snapshot_end sees the
 * same moment, even while another process writes (export, report). */
enum result db_snapshot(struct db *db);
void db_snapshot_end(struct db *db);

/* Who changes the database and through what ("import", "form", "undo");
 * recorded with every change. Defaults: the login name and "import". */
void db_set_actor(struct db *db, const char *who, const char *source);

/* Sets the page cache of this connection (PRAGMA cache_size: negative
 * is KiB, positive is pages) and returns the setting it had, to give it
 * back with. */
long long db_cache_size(struct db *db, long long size);

/* PRAGMA data_version: changes when another connection commits; -1 when
 * it cannot be read (so that a reader reads again). */
long long db_data_version(struct db *db);

#endif
