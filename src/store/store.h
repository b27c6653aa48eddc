#ifndef SNW_STORE_PRIVATE_H
#define SNW_STORE_PRIVATE_H

/*
 * Inside the store: struct db and what the store's rooms share. Only the
 * files of src/store/ include this (and with it sqlite3.h); everything
 * else sees the store through include/store/.
 *
 *   schema.c      the migrations and running them
 *   open.c        the connection: open, close, transactions, failures
 *   create.c      a new database built whole and put in place
 *   statements.c  SQL generated from the entity tables; the statement wrapper
 *   refs.c        references resolved to ids
 *   journal.c     the history journal written with every change
 *   write.c       upsert, insert, update, delete
 *   bulk.c        large imports without the key index
 *   undo.c        the primitives of undo
 *   read.c        entries as canonical values, for forms and export
 */

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/read.h"
#include "store/stmt.h"
#include "store/undo.h"
#include "store/write.h"
#include "core/entity.h"
#include "core/result.h"

#define BUSY_TIMEOUT_MS 10000	/* ordinary waits for another writer;
				   $SNW_BUSY_TIMEOUT_MS overrides it */
#define READ_WAIT_MS 10000	/* the least a reader waits: see read_wait */
#define MAX_DOMAINS 64		/* domains and themes are a short list */
#define MAX_ENTITIES 8		/* room for entities[] */

/* Per-entity SQL, generated once from the entity tables. */
struct entity_sql {
	sqlite3_stmt *find;	/* id by natural key */
	sqlite3_stmt *insert;
	sqlite3_stmt *insert_new; /* INSERT OR IGNORE: the fast path of imports */
	sqlite3_stmt *update;	/* only when some value differs */
	sqlite3_stmt *raw;	/* stored columns of one row, by id */
	sqlite3_stmt *log_row;	/* history row holding the whole entry as JSON */
};

/*
 * A large import (see db_bulk_begin) drops the key index of its table and
 * finds rows by key here instead: an open-addressing table from a hash of
 * the key to the row id. Only the hash is kept; a hit is confirmed by
 * reading the row's key, so a collision costs a read, never a wrong match.
 */
struct key_slot {
	uint64_t hash;			/* 0 = empty */
	long long id;
};

/*
 * A count that a trigger keeps: on every insert into the entity's table,
 * the trigger adds one to the row of the tally table for the new entry's
 * reference (`ref`, stored as <ref>_id) and text field (`by`, '' when
 * empty). A large import drops the trigger and counts in memory instead
 * (bulk.c): a million trigger runs cost about as much as the inserts
 * themselves. schema.c lists them, beside the migrations that made them.
 */
struct store_tally {
	const struct entity *e;
	const char *trigger;		/* the AFTER INSERT trigger */
	const char *table;		/* (ref id, text, n) */
	const char *ref, *by;		/* the fields counted by */
};
extern const struct store_tally store_tallies[];
extern const int store_ntallies;

/* Entries of one (ref, text) counted while the trigger is dropped. */
struct bulk_count {
	long long ref;
	char by[16];
	long long n;
};

struct bulk {
	const struct entity *e;		/* NULL: no bulk import going on */
	char *index_sql;		/* CREATE UNIQUE INDEX ... to run at the end */
	sqlite3_stmt *key_of;		/* the key of a row by id */
	struct key_slot *slots;
	size_t cap, n;			/* cap is a power of two */
	const struct store_tally *tally; /* the count kept in memory, or NULL */
	char *trigger_sql;		/* its dropped insert trigger */
	int ref, by;			/* the tally's field indexes */
	struct bulk_count counts[MAX_DOMAINS * 8];
	int ncounts;
	long long cache_size;		/* PRAGMA cache_size to restore, 0 = none */
};

struct domain_ref {
	long long id;
	char code[64];
	char naam[256];
};

struct db {
	sqlite3 *h;
	bool ro;
	char path[PATH_MAX];
	/* A database being built (db_build): path is its temporary name,
	 * final where db_publish puts it; lock_fd holds the temporary file
	 * open and flock()ed, which tells a sweep it is alive. */
	char final[PATH_MAX];
	int lock_fd;
	struct result_info res;		/* what the last failure was */
	struct entity_sql sql[MAX_ENTITIES];	/* by entity_index */
	sqlite3_stmt *meeting_by_date;
	sqlite3_stmt *log_field;	/* history row for one changed column */
	sqlite3_stmt *log_range;	/* history row for entries added by an import */
	/* Entries added by an import and not yet recorded: ids first..last
	 * of e (none when e is NULL). A run becomes one history row. */
	struct { const struct entity *e; long long first, last; } run;
	char who[64];			/* login name, recorded with each change */
	char now[32];			/* time of this transaction's changes, "" = not yet */
	long long txn_start;		/* newest history id when the transaction began */
	long long group_first, group_last; /* history ids of the last commit */
	char source[16];		/* "import", "form", "undo" */
	sqlite3_stmt *actielijn_by_title;
	struct domain_ref domains[MAX_DOMAINS];	/* cache for FT_DOMAIN lookups */
	int ndomains;			/* -1: cache must be (re)loaded */
	int busy_ms;			/* how long to wait for another writer */
	int wait_ms;			/* the busy timeout set now */
	struct bulk bulk;
	/* Spellings of domain references seen in this import, exact, so that a
	 * repeated spelling costs one strcmp, not a case-folding compare. */
	struct { char text[128]; long long id; } spellings[16];
	int nspellings;
};

struct db_stmt {
	struct db *db;
	sqlite3_stmt *st;
};

/* A field that refers to another entry (stored as its id). */
static inline bool
is_ref(const struct field *f)
{
	return f->type == FT_DOMAIN || f->type == FT_MEETING || f->type == FT_ACTIELIJN;
}

/* What a row stores for a value that was not given (NULL): the field's
 * default, else empty. */
static inline const char *
value_or_default(const struct field *f, const char *v)
{
	return v ? v : f->def ? f->def : "";
}

/* open.c: the result of a failure of SQLite, in db->res and returned
 * (SQLite's words go in its detail); a result of the store's own (the
 * info cleared, the path set); a value that breaks a rule or a key. */
enum result store_fail(struct db *db);
enum result store_result(struct db *db, enum result code);
enum result store_problem(struct db *db, enum result code, const struct entity *e, int field,
			  enum problem_kind kind, const char *value);
void store_dir_of(const char *path, char *dir, size_t dirsz);
struct db *store_new(const char *path);
enum result store_setup(struct db *db);
void store_close_handle(struct db *db);
#define STORE_SIDE_FILES 3
extern const char *const store_side_suffixes[STORE_SIDE_FILES];	/* -wal, -shm, -journal */

/* schema.c */
enum result store_check_ours(struct db *db);
enum result store_migrate(struct db *db);

/* statements.c */
void store_sql_column(const struct field *f, char *buf, size_t bufsz);
void store_key_expr(const struct field *f, char *buf, size_t bufsz);
enum result store_prepare(struct db *db, const char *sql, sqlite3_stmt **st);
enum result store_prepare_entities(struct db *db);

/* refs.c: every reference of a row to ids (0 = empty); RES_INVALID
 * names the field that does not resolve. */
enum result store_resolve_all(struct db *db, const struct entity *e, const char *const *vals,
			      long long *ids);

/* journal.c */
long long store_last_change(struct db *db);
enum result store_flush_run(struct db *db);
enum result store_log_added(struct db *db, const struct entity *e, long long id);
enum result store_log_field(struct db *db, const struct entity *e, long long row, const char *col,
			    const char *oud, const char *nieuw);
enum result store_log_row(struct db *db, const struct entity *e, long long row, bool deleted);

/* write.c */
enum result store_write_row(struct db *db, const struct entity *e, long long *id,
			    const char *const *vals, const long long *ids, enum db_change *change);
enum result store_try_insert(struct db *db, const struct entity *e, const char *const *vals,
			     const long long *ids, long long *row);
enum result store_delete_rec(struct db *db, const struct entity *e, long long id);

/* bulk.c */
void store_bulk_free(struct db *db);
enum result store_bulk_upsert(struct db *db, const struct entity *e, const char *const *vals,
			      const long long *ids, enum db_change *change, long long *row);

#endif
