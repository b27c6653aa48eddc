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
#include "core/entity.h"

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

/* Actielijnen counted per domain and status while the trigger that
 * counts inserts (actielijn_telling_insert) is dropped for a large import:
 * a million trigger runs cost about as much as the inserts themselves. */
struct bulk_count {
	long long domein;
	char status[16];
	long long n;
};

struct bulk {
	const struct entity *e;		/* NULL: no bulk import going on */
	char *index_sql;		/* CREATE UNIQUE INDEX ... to run at the end */
	sqlite3_stmt *key_of;		/* the key of a row by id */
	struct key_slot *slots;
	size_t cap, n;			/* cap is a power of two */
	char *trigger_sql;		/* the dropped insert trigger, or NULL */
	int domein, status;		/* their field indexes, for counting */
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
	char err[PATH_MAX + 512];
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

/* open.c */
void store_dir_of(const char *path, char *dir, size_t dirsz);
int store_fail(struct db *db, const char *what);
struct db *store_new(const char *path);
int store_setup(struct db *db, char *err, size_t errsz);
void store_close_handle(struct db *db);
#define STORE_SIDE_FILES 3
extern const char *const store_side_suffixes[STORE_SIDE_FILES];	/* -wal, -shm, -journal */

/* schema.c */
int store_check_ours(struct db *db);
int store_migrate(struct db *db);

/* statements.c */
void store_sql_column(const struct field *f, char *buf, size_t bufsz);
void store_key_expr(const struct field *f, char *buf, size_t bufsz);
int store_prepare(struct db *db, const char *sql, sqlite3_stmt **st);
int store_prepare_entities(struct db *db);

/* refs.c */
int store_resolve_all(struct db *db, const struct entity *e, const char *const *vals,
		      long long *ids, char *err, size_t errsz);

/* journal.c */
int store_flush_run(struct db *db);
int store_log_added(struct db *db, const struct entity *e, long long id);
int store_log_field(struct db *db, const struct entity *e, long long row, const char *col,
		    const char *oud, const char *nieuw);
int store_log_row(struct db *db, const struct entity *e, long long row, bool deleted);

/* write.c */
int store_write_row(struct db *db, const struct entity *e, long long *id, const char *const *vals,
		    const long long *ids, enum db_change *change);
int store_try_insert(struct db *db, const struct entity *e, const char *const *vals,
		     const long long *ids, long long *row);
int store_delete_rec(struct db *db, const struct entity *e, long long id);

/* bulk.c */
void store_bulk_free(struct db *db);
int store_bulk_upsert(struct db *db, const struct entity *e, const char *const *vals,
		      const long long *ids, enum db_change *change, long long *row);

#endif
