/*
 * The connection: opening a database (settings every snw process shares,
 * the SQL functions it offers, the modes of its -wal and -shm files),
 * closing it, transactions, and what a failure of SQLite means to the
 * user.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <pwd.h>
#include <unistd.h>

#include "store.h"
#include "core/alloc.h"
#include "core/text.h"

/* The directory of path ("." when it names none) into dir. */
void
store_dir_of(const char *path, char *dir, size_t dirsz)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(dir, dirsz, ".");
	else
		snprintf(dir, dirsz, "%.*s", slash == path ? 1 : (int)(slash - path), path);
}

enum result
store_result(struct db *db, enum result code)
{
	struct result_info *r = &db->res;

	r->code = code;
	r->e = NULL;
	r->field = -1;
	r->problem.kind = PROB_NONE;
	r->sys = 0;
	r->n = r->m = 0;
	r->detail[0] = '\0';
	snprintf(r->path, sizeof(r->path), "%s", db->path);
	return code;
}

enum result
store_problem(struct db *db, enum result code, const struct entity *e, int field,
	      enum problem_kind kind, const char *value)
{
	store_result(db, code);
	db->res.e = e;
	db->res.field = field;
	problem_set(&db->res.problem, kind, e, field >= 0 ? &e->fields[field] : NULL, value);
	return code;
}

/* What SQLite's last error means to the user: the result, with SQLite's
 * own words kept for the sentence. */
enum result
store_fail(struct db *db)
{
	int code = db->h ? sqlite3_errcode(db->h) : SQLITE_NOMEM;
	int sys = db->h ? sqlite3_system_errno(db->h) : 0;
	struct result_info *r = &db->res;
	char dir[PATH_MAX];

	store_result(db, RES_ERROR);
	snprintf(r->detail, sizeof(r->detail), "%s", db->h ? sqlite3_errmsg(db->h) : "out of memory");
	/* A full disk met while growing the -shm or -wal file comes back
	 * as a plain I/O error; the system's errno tells. */
	if ((code & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
		code = SQLITE_FULL;
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		r->code = RES_BUSY;
		r->n = db->wait_ms;
		break;
	case SQLITE_FULL:
		r->code = RES_FULL;
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		r->code = RES_CORRUPT;
		break;
	case SQLITE_NOMEM:
		r->code = RES_NOMEM;
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
		store_dir_of(db->path, dir, sizeof(dir));
		r->code = strcmp(db->path, ":memory:") != 0 && access(dir, W_OK) != 0
			  ? RES_DIR_READ_ONLY : RES_CANT_WRITE;
		break;
	default:
		break;
	}
	return r->code;
}

const struct result_info *
db_result(const struct db *db)
{
	return &db->res;
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

bool
db_readonly(const struct db *db)
{
	return db->ro;
}

static void
free_needle(void *n)
{
	text_needle_free(n);
}

/* SQL function snw_contains(needle, text...): 1 when needle occurs in any
 * of the texts, ignoring case, accents and invisible characters the way
 * text_casecmp does (so "unver" finds "Ünver", which LIKE does not); NULL
 * texts never match. One call for all columns of a row keeps a search
 * over a million rows short, and the needle is folded once per statement
 * (SQLite keeps it with the constant argument). */
static void
sql_contains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *needle = (const char *)sqlite3_value_text(argv[0]);
	struct text_needle *n = sqlite3_get_auxdata(ctx, 0);
	bool made = false;
	int found = 0;

	if (!needle) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	if (!n) {
		n = text_needle_new(needle);
		made = true;
	}
	for (int i = 1; i < argc && !found; i++) {
		const char *hay = (const char *)sqlite3_value_text(argv[i]);

		/* the length SQLite knows spares a strlen per value */
		found = hay && text_needle_in(n, hay, (size_t)sqlite3_value_bytes(argv[i]));
	}
	sqlite3_result_int(ctx, found);
	if (made)	/* last: SQLite may free it at once */
		sqlite3_set_auxdata(ctx, 0, n, free_needle);
}

/*
 * How long a reader waits for a lock: at least READ_WAIT_MS, whatever
 * $SNW_BUSY_TIMEOUT_MS says. That setting is how long to wait for another
 * process's write, and in WAL a reader never waits for one; what it can
 * meet are the moments a writer holds the file alone (recovering a WAL
 * after a crash, the checkpoint when the last connection closes), which
 * pass by themselves. With a timeout of 0 the reader failed on them at
 * once. db_begin waits for the write lock only as long as the setting.
 */
static int
read_wait(const struct db *db)
{
	return db->busy_ms > READ_WAIT_MS ? db->busy_ms : READ_WAIT_MS;
}

static void
set_wait(struct db *db, int ms)
{
	db->wait_ms = ms;
	sqlite3_busy_timeout(db->h, ms);
}

/* Connection settings shared by every snw process on the file. A
 * database being built (db_build) is nobody else's yet: its journal stays
 * in memory and nothing waits for the disk, so it leaves no -journal or
 * -wal file beside it; db_publish syncs it once, whole. */
static enum result
configure(struct db *db)
{
	enum result rc;

	set_wait(db, read_wait(db));
	if (sqlite3_create_function(db->h, "snw_contains", -1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				    NULL, sql_contains, NULL, NULL) != SQLITE_OK)
		return store_fail(db);
	if ((rc = store_check_ours(db)) < 0 || (rc = db_exec(db, "PRAGMA foreign_keys = ON")) < 0)
		return rc;
	if (db->final[0])
		return db_exec(db, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF");
	if (!db->ro)
		return db_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
	return RES_OK;
}

/* A new handle for the database at path, not yet open. */
struct db *
store_new(const char *path)
{
	static bool configured;
	struct passwd *pw = getpwuid(geteuid());
	const char *who = pw ? pw->pw_name : getenv("USER"), *env;
	struct db *db;
	char *end;

	/* One thread of ours uses SQLite (the importer's parser thread never
	 * calls it), but SQLite's sorter may start helper threads of its own
	 * (db_bulk_end): no locks on connections, no memory statistics (they
	 * take a global mutex on every allocation). Must come before SQLite
	 * is first used. */
	if (!configured) {
		sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = true;
	}
	db = xcalloc(1, sizeof(*db));
	snprintf(db->path, sizeof(db->path), "%s", path);
	db->lock_fd = -1;
	snprintf(db->who, sizeof(db->who), "%s", who ? who : "?");
	snprintf(db->source, sizeof(db->source), "import");
	db->ndomains = -1;
	db->busy_ms = BUSY_TIMEOUT_MS;
	if ((env = getenv("SNW_BUSY_TIMEOUT_MS")) && *env) {
		long ms = strtol(env, &end, 10);

		if (!*end && ms >= 0 && ms <= 3600000)
			db->busy_ms = (int)ms;
	}
	return db;
}

/* Finishes opening: settings, migration, statements. */
enum result
store_setup(struct db *db)
{
	enum result rc;

	if ((rc = configure(db)) < 0 || (rc = store_migrate(db)) < 0)
		return rc;
	return store_prepare_entities(db);
}

const char *const store_side_suffixes[STORE_SIDE_FILES] = { "-wal", "-shm", "-journal" };

/*
 * Gives the -wal, -shm and -journal files of the database at path the
 * mode they should have: the database's own bits for the group and for
 * others (never looser than the database), and read and write for their
 * owner whatever the database has. SQLite copies the database's mode when
 * it creates them, so a chmod 444 database viewed read-only left a 0444
 * -shm behind that every later writer, after chmod 600, failed on
 * ("attempt to write a readonly database"), and that others could still
 * read. Runs before SQLite opens the file (healing what an earlier
 * process left) and after (fixing what it just made). Only our own files
 * (or any, as root); by name, never through a descriptor of our own:
 * closing one would drop the locks SQLite holds on the file.
 */
static void
fix_side_modes(const char *path)
{
	struct stat db_st, st;

	if (stat(path, &db_st) < 0)
		return;
	for (size_t i = 0; i < STORE_SIDE_FILES; i++) {
		mode_t want = 0600 | (db_st.st_mode & 0066);
		char side[PATH_MAX + 16];

		snprintf(side, sizeof(side), "%s%s", path, store_side_suffixes[i]);
		if (lstat(side, &st) < 0 || !S_ISREG(st.st_mode) ||
		    (st.st_uid != geteuid() && geteuid() != 0) || (st.st_mode & 07777) == want)
			continue;
		chmod(side, want);
	}
}

int
db_file_mode(const struct db *db)
{
	struct stat st;

	if (stat(db->path, &st) < 0)
		return -1;
	return (int)(st.st_mode & 0777);
}

enum result
db_open(const char *path, bool readonly, struct db **out, struct result_info *why)
{
	struct db *db;
	enum result rc;
	int flags;

	*out = NULL;
	db = store_new(path);
	if (access(path, F_OK) != 0) {
		store_result(db, RES_CANT_OPEN);
		db->res.sys = errno;
		goto failed;
	}
	if (!readonly && access(path, W_OK) != 0)
		readonly = true;	/* the caller sees it through db_readonly() */
	db->ro = readonly;
	fix_side_modes(path);
	flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		store_fail(db);
		goto failed;
	}
	sqlite3_extended_result_codes(db->h, 1);
	if ((rc = store_setup(db)) < 0)
		goto failed;
	fix_side_modes(path);
	*out = db;
	return RES_OK;
failed:
	*why = db->res;
	db_close(db);
	return why->code;
}

enum result
db_open_memory(struct db **out)
{
	struct db *db = store_new(":memory:");

	*out = NULL;
	if (sqlite3_open_v2(":memory:", &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		db_close(db);
		return RES_NOMEM;
	}
	if (store_setup(db) < 0) {
		enum result rc = db->res.code;

		db_close(db);
		return rc;
	}
	*out = db;
	return RES_OK;
}

enum result
db_copy_to_memory(struct db *src, struct db **out)
{
	struct db *db = store_new(src->path);
	sqlite3_backup *b = NULL;

	*out = NULL;
	if (sqlite3_open_v2(":memory:", &db->h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    !(b = sqlite3_backup_init(db->h, "main", src->h, "main")) ||
	    sqlite3_backup_step(b, -1) != SQLITE_DONE) {
		/* the copy's error, as the source's result */
		store_fail(db);
		src->res = db->res;
		snprintf(src->res.path, sizeof(src->res.path), "%s", src->path);
		sqlite3_backup_finish(b);
		db_close(db);
		return src->res.code;
	}
	sqlite3_backup_finish(b);
	if (store_setup(db) < 0) {
		src->res = db->res;
		db_close(db);
		return src->res.code;
	}
	*out = db;
	return RES_OK;
}

/* Closes the SQLite side of db: statements and connection. */
void
store_close_handle(struct db *db)
{
	for (int i = 0; i < entity_count; i++) {
		sqlite3_finalize(db->sql[i].find);
		sqlite3_finalize(db->sql[i].insert);
		sqlite3_finalize(db->sql[i].insert_new);
		sqlite3_finalize(db->sql[i].update);
		sqlite3_finalize(db->sql[i].raw);
		sqlite3_finalize(db->sql[i].log_row);
	}
	sqlite3_finalize(db->log_field);
	sqlite3_finalize(db->log_range);
	store_bulk_free(db);
	sqlite3_finalize(db->meeting_by_date);
	sqlite3_finalize(db->actielijn_by_title);
	sqlite3_close(db->h);
	memset(db->sql, 0, sizeof(db->sql));
	db->log_field = db->log_range = db->meeting_by_date = db->actielijn_by_title = NULL;
	db->h = NULL;
}

void
db_close(struct db *db)
{
	if (!db)
		return;
	store_close_handle(db);
	if (db->final[0])	/* a build that was never published */
		unlink(db->path);
	if (db->lock_fd >= 0)
		close(db->lock_fd);
	free(db);
}

enum result
db_begin(struct db *db)
{
	if (db->ro)
		return store_result(db, RES_READ_ONLY);
	/* Waiting for the write lock is waiting for another writer: as long
	 * as the setting says (see read_wait). */
	set_wait(db, db->busy_ms);
	if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(db);
		set_wait(db, read_wait(db));
		return db->res.code;
	}
	set_wait(db, read_wait(db));
	/* We hold the write lock: the history rows from here to the commit
	 * are ours, one group for undo. */
	db->txn_start = store_last_change(db);
	db->now[0] = '\0';	/* change_time() takes a new one */
	db->run.e = NULL;
	return RES_OK;
}

enum result
db_commit(struct db *db)
{
	long long last;

	if (store_flush_run(db) < 0 || (last = store_last_change(db)) < 0) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		db->ndomains = -1;
		return db->res.code;
	}
	if (last > db->txn_start) {
		db->group_first = db->txn_start + 1;
		db->group_last = last;
	} else {
		db->group_first = db->group_last = 0;
	}
	if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_fail(db);
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		db->ndomains = -1;
		return db->res.code;
	}
	return RES_OK;
}

enum result
db_rollback(struct db *db)
{
	db->ndomains = -1;	/* the cache may hold rolled-back rows */
	db->run.e = NULL;
	store_bulk_free(db);		/* the dropped index is back */
	if (sqlite3_get_autocommit(db->h))
		return RES_OK;
	if (sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(db);
	return RES_OK;
}

/* A deferred transaction that only reads: it takes its snapshot at the
 * first read and keeps it until the end. */
enum result
db_snapshot(struct db *db)
{
	return db_exec(db, "BEGIN");
}

void
db_snapshot_end(struct db *db)
{
	sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
}

long long
db_cache_size(struct db *db, long long size)
{
	sqlite3_stmt *st;
	long long was = -2000;	/* SQLite's default */
	char sql[64];

	if (sqlite3_prepare_v2(db->h, "PRAGMA cache_size", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		was = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = %lld", size);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return was;
}

long long
db_data_version(struct db *db)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA data_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}
