/*
 * The database module: the only file that includes sqlite3.h.
 *
 * Opening applies the connection settings every snw process shares (WAL,
 * foreign keys, a busy timeout) and migrates older schemas. Writing goes
 * through db_upsert, which statements generated from the entity tables
 * (entity.c) serve, so a new column is added in one place.
 */

#define _GNU_SOURCE		/* renameat2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <pwd.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/db.h"
#include "core/fault.h"
#include "core/i18n.h"
#include "core/text.h"

#define BUSY_TIMEOUT_MS 10000	/* ordinary waits for another writer;
				   $SNW_BUSY_TIMEOUT_MS overrides it */
#define READ_WAIT_MS 10000	/* the least a reader waits: see read_wait */
#define MAX_DOMAINS 64		/* domains and themes are a short list */
#define MAX_ENTITIES 8		/* room for entities[] */

/* The triggers that keep actielijn_telling (migration 2 -> 3). Migration
 * 3 -> 4 builds actielijnen anew, which drops them, and creates them
 * again from the same text. Shipped: never change it, add a migration. */
#define ACTIELIJN_TELLING_TRIGGERS \
	"CREATE TRIGGER actielijn_telling_insert AFTER INSERT ON actielijnen BEGIN" \
	"  INSERT INTO actielijn_telling VALUES (new.domein_id, ifnull(new.status, ''), 1)" \
	"    ON CONFLICT DO UPDATE SET n = n + 1;" \
	"END;" \
	"CREATE TRIGGER actielijn_telling_delete AFTER DELETE ON actielijnen BEGIN" \
	"  UPDATE actielijn_telling SET n = n - 1" \
	"    WHERE domein_id = old.domein_id AND status = ifnull(old.status, '');" \
	"END;" \
	"CREATE TRIGGER actielijn_telling_update AFTER UPDATE OF domein_id, status ON actielijnen BEGIN" \
	"  UPDATE actielijn_telling SET n = n - 1" \
	"    WHERE domein_id = old.domein_id AND status = ifnull(old.status, '');" \
	"  INSERT INTO actielijn_telling VALUES (new.domein_id, ifnull(new.status, ''), 1)" \
	"    ON CONFLICT DO UPDATE SET n = n + 1;" \
	"END;"

/*
 * Schema migrations: migrations[i] brings a database from user_version i
 * to i + 1. A new database runs them all; an older one runs the rest, in
 * one transaction. Never edit a migration that has shipped: add one.
 */
static const char *const migrations[] = {
	/* 0 -> 1: the programme's tables. Allowed values are checked with
	 * '=' chains, not IN (...): SQLite builds a temporary index for an IN
	 * list on every row it checks, which dominated the cost of imports. */
	"CREATE TABLE domeinen ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  naam TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  motto TEXT,"
	"  soort TEXT NOT NULL DEFAULT 'domein' CHECK (soort = 'domein' OR soort = 'thema'),"
	"  volgorde INTEGER);"
	"CREATE TABLE vergaderingen ("
	"  id INTEGER PRIMARY KEY,"
	"  datum TEXT NOT NULL CHECK (datum GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  soort TEXT NOT NULL CHECK (soort = 'AB-vergadering' OR soort = 'brede alliantiebijeenkomst'),"
	"  titel TEXT,"
	"  locatie TEXT,"
	"  UNIQUE (datum, soort));"
	"CREATE TABLE successen ("
	"  id INTEGER PRIMARY KEY,"
	"  domein_id INTEGER NOT NULL REFERENCES domeinen(id) ON DELETE CASCADE,"
	"  jaar INTEGER NOT NULL,"
	"  titel TEXT NOT NULL,"
	"  toelichting TEXT,"
	"  UNIQUE (domein_id, jaar, titel));"
	"CREATE TABLE actielijnen ("
	"  id INTEGER PRIMARY KEY,"
	"  domein_id INTEGER NOT NULL REFERENCES domeinen(id) ON DELETE CASCADE,"
	"  titel TEXT NOT NULL,"
	"  toelichting TEXT,"
	"  trekker TEXT,"
	"  status TEXT CHECK (status = 'gepland' OR status = 'lopend' OR status = 'afgerond'"
	"    OR status = 'gepauzeerd' OR status = 'gestopt'),"
	"  start TEXT CHECK (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  eind TEXT CHECK (eind GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  UNIQUE (domein_id, titel));"
	"CREATE INDEX actielijnen_status ON actielijnen(domein_id, status);"
	"CREATE TABLE planning ("
	"  id INTEGER PRIMARY KEY,"
	"  datum TEXT CHECK (datum GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  titel TEXT NOT NULL,"
	"  domein_id INTEGER REFERENCES domeinen(id) ON DELETE SET NULL,"
	"  actielijn_id INTEGER REFERENCES actielijnen(id) ON DELETE SET NULL,"
	"  status TEXT CHECK (status = 'gepland' OR status = 'lopend' OR status = 'afgerond'"
	"    OR status = 'gepauzeerd' OR status = 'gestopt'));"
	"CREATE UNIQUE INDEX planning_key ON planning(ifnull(datum, ''), titel);"
	"CREATE INDEX planning_actielijn ON planning(actielijn_id);"
	"CREATE TABLE besluiten ("
	"  id INTEGER PRIMARY KEY,"
	"  vergadering_id INTEGER NOT NULL REFERENCES vergaderingen(id) ON DELETE CASCADE,"
	"  agendapunt TEXT,"
	"  besluit TEXT NOT NULL,"
	"  UNIQUE (vergadering_id, besluit));"
	"CREATE TABLE acties ("
	"  id INTEGER PRIMARY KEY,"
	"  vergadering_id INTEGER REFERENCES vergaderingen(id) ON DELETE CASCADE,"
	"  actie TEXT NOT NULL,"
	"  eigenaar TEXT,"
	"  deadline TEXT CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  status TEXT CHECK (status = 'open' OR status = 'gedaan'),"
	"  domein_id INTEGER REFERENCES domeinen(id) ON DELETE SET NULL);"
	"CREATE UNIQUE INDEX acties_key ON acties(ifnull(vergadering_id, 0), actie);"
	"CREATE INDEX acties_domein ON acties(domein_id);",

	/* 1 -> 2: history of every change. veld NULL means the whole entry
	 * was added (nieuw) or deleted (oud), as a JSON object of its columns;
	 * otherwise oud and nieuw are the column's stored values. */
	"CREATE TABLE historie ("
	"  id INTEGER PRIMARY KEY,"
	"  tijd TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  wie TEXT NOT NULL,"
	"  bron TEXT NOT NULL,"
	"  tabel TEXT NOT NULL,"
	"  rij INTEGER NOT NULL,"
	"  veld TEXT,"
	"  oud TEXT,"
	"  nieuw TEXT);"
	"CREATE INDEX historie_rij ON historie(rij, tabel);",

	/* 2 -> 3: actielijnen counted per domain and status, kept by
	 * triggers (also for writes from outside snw), so the overview never
	 * counts a million rows; it replaces the (domein_id, status) index,
	 * which cost imports more than the triggers do. An empty status is
	 * counted under ''. */
	"CREATE TABLE actielijn_telling ("
	"  domein_id INTEGER NOT NULL,"
	"  status TEXT NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  PRIMARY KEY (domein_id, status)) WITHOUT ROWID;"
	"INSERT INTO actielijn_telling"
	"  SELECT domein_id, ifnull(status, ''), count(*) FROM actielijnen GROUP BY 1, 2;"
	ACTIELIJN_TELLING_TRIGGERS
	"DROP INDEX actielijnen_status;",

	/* 3 -> 4, for large imports. The entries an import adds are recorded
	 * as ranges of ids (historie.tot: entries rij..tot were added), one
	 * row per run of ids instead of one per entry. The natural key of
	 * actielijnen becomes a named index, which a large import drops and
	 * builds again at its end (sorting a million keys once is far
	 * cheaper than a million insertions at random places); SQLite cannot
	 * drop the index of a UNIQUE constraint, so the table is built anew.
	 * Foreign keys are off during migrations: planning keeps its
	 * references to the same ids. The triggers go with the old table. */
	"ALTER TABLE historie ADD COLUMN tot INTEGER;"
	"CREATE INDEX historie_reeks ON historie(tabel, tot) WHERE tot IS NOT NULL;"
	"CREATE TABLE actielijnen_nieuw ("
	"  id INTEGER PRIMARY KEY,"
	"  domein_id INTEGER NOT NULL REFERENCES domeinen(id) ON DELETE CASCADE,"
	"  titel TEXT NOT NULL,"
	"  toelichting TEXT,"
	"  trekker TEXT,"
	"  status TEXT CHECK (status = 'gepland' OR status = 'lopend' OR status = 'afgerond'"
	"    OR status = 'gepauzeerd' OR status = 'gestopt'),"
	"  start TEXT CHECK (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  eind TEXT CHECK (eind GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'));"
	"INSERT INTO actielijnen_nieuw (id, domein_id, titel, toelichting, trekker, status, start, eind)"
	"  SELECT id, domein_id, titel, toelichting, trekker, status, start, eind FROM actielijnen;"
	"DROP TABLE actielijnen;"
	"ALTER TABLE actielijnen_nieuw RENAME TO actielijnen;"
	"CREATE UNIQUE INDEX actielijnen_sleutel ON actielijnen(domein_id, titel);"
	ACTIELIJN_TELLING_TRIGGERS,

	/* 4 -> 5: facts about the data as a whole, as pairs (a later one
	 * will be the data's peildatum). 'compleet' says the database was
	 * filled whole: it is written in the transaction that fills a new
	 * database (db_mark_complete), so one without it was interrupted
	 * while it was made. A database from before this table that holds
	 * anything at all was complete; it gets the mark here. One that
	 * holds nothing, not even history, is what an interrupted first run
	 * of an older snw left behind (or an old init --empty): db_complete
	 * tells. */
	"CREATE TABLE gegevens ("
	"  sleutel TEXT PRIMARY KEY,"
	"  waarde TEXT NOT NULL) WITHOUT ROWID;"
	"INSERT INTO gegevens SELECT 'compleet', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
	"  WHERE EXISTS (SELECT 1 FROM domeinen) OR EXISTS (SELECT 1 FROM vergaderingen)"
	"    OR EXISTS (SELECT 1 FROM successen) OR EXISTS (SELECT 1 FROM actielijnen)"
	"    OR EXISTS (SELECT 1 FROM planning) OR EXISTS (SELECT 1 FROM besluiten)"
	"    OR EXISTS (SELECT 1 FROM acties) OR EXISTS (SELECT 1 FROM historie);",

	/* 5 -> 6: where every entry comes from (bron: "AB 21-12-2023,
	 * agendapunt 4"), last on every table, and the heading on the slides
	 * an actielijn stands under (groep), before it. Added columns only:
	 * every row stays, with both empty, and no index or trigger is
	 * touched. The data's peildatum, when the data states one, is a row
	 * of gegevens (db_state_peildatum): no schema for it. */
	"ALTER TABLE domeinen ADD COLUMN bron TEXT;"
	"ALTER TABLE vergaderingen ADD COLUMN bron TEXT;"
	"ALTER TABLE successen ADD COLUMN bron TEXT;"
	"ALTER TABLE actielijnen ADD COLUMN groep TEXT;"
	"ALTER TABLE actielijnen ADD COLUMN bron TEXT;"
	"ALTER TABLE planning ADD COLUMN bron TEXT;"
	"ALTER TABLE besluiten ADD COLUMN bron TEXT;"
	"ALTER TABLE acties ADD COLUMN bron TEXT;",
};
#define SCHEMA_VERSION ((int)(sizeof(migrations) / sizeof(migrations[0])))

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

static int flush_run(struct db *db);
static void bulk_free(struct db *db);

/* The directory of path ("." when it names none) into dir. */
static void
dir_of(const char *path, char *dir, size_t dirsz)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(dir, dirsz, ".");
	else
		snprintf(dir, dirsz, "%.*s", slash == path ? 1 : (int)(slash - path), path);
}

/* Records SQLite's error for the user, in words they can act on. */
static int
fail(struct db *db, const char *what)
{
	int code = db->h ? sqlite3_errcode(db->h) : SQLITE_ERROR;
	const char *msg = db->h ? sqlite3_errmsg(db->h) : "out of memory";
	int sys = db->h ? sqlite3_system_errno(db->h) : 0;

	/* A full disk met while growing the -shm or -wal file comes back
	 * as a plain I/O error; the system's errno tells. */
	if ((code & 0xff) == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
		code = SQLITE_FULL;
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		snprintf(db->err, sizeof(db->err),
			 "%s: the database is busy: another program kept it locked for more than %g s; try again",
			 what, db->wait_ms / 1000.0);
		break;
	case SQLITE_FULL:
		snprintf(db->err, sizeof(db->err), "%s: the disk is full; nothing was changed", what);
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		snprintf(db->err, sizeof(db->err),
			 "%s: %s is not an snw database or it is damaged (%s)", what, db->path, msg);
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR: {
		char dir[PATH_MAX];

		dir_of(db->path, dir, sizeof(dir));
		if (strcmp(db->path, ":memory:") != 0 && access(dir, W_OK) != 0)
			snprintf(db->err, sizeof(db->err),
				 "%s: the directory %.1024s is read-only for you, and snw keeps %.1024s-wal and -shm files next to the database (expected a directory you may write to; %.512s)",
				 what, dir, db->path, msg);
		else
			snprintf(db->err, sizeof(db->err), "%s: cannot write %s or its directory (%s)",
				 what, db->path, msg);
		break;
	}
	default:
		snprintf(db->err, sizeof(db->err), "%s: %s", what, msg);
	}
	return -1;
}

const char *
db_errmsg(const struct db *db)
{
	return db->err;
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

int
db_schema_version(void)
{
	return SCHEMA_VERSION;
}

int
db_exec(struct db *db, const char *sql)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return fail(db, "database");
	return 0;
}

static int
user_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return fail(db, "opening the database");
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v < 0 ? fail(db, "opening the database") : v;
}

/* Brings the schema up to SCHEMA_VERSION inside one transaction: either
 * all migrations apply or the file stays as it was. */
static int
migrate(struct db *db)
{
	char sql[64];
	int v = user_version(db);

	if (v < 0)
		return -1;
	if (v > SCHEMA_VERSION) {
		snprintf(db->err, sizeof(db->err),
			 "%s was written by a newer snw (schema %d, this one knows %d)",
			 db->path, v, SCHEMA_VERSION);
		return -1;
	}
	if (v == SCHEMA_VERSION)
		return 0;
	if (db->ro) {
		snprintf(db->err, sizeof(db->err),
			 "%s has an older schema (%d) and is opened read-only; open it once writable to upgrade it",
			 db->path, v);
		return -1;
	}
	/* A migration may build a table anew; with foreign keys on, dropping
	 * the old one would clear or delete what refers to it. (The pragma
	 * has no effect inside a transaction, so it goes first.) */
	if (db_exec(db, "PRAGMA foreign_keys = OFF") < 0 || db_begin(db) < 0)
		return -1;
	for (; v < SCHEMA_VERSION; v++) {
		if (sqlite3_exec(db->h, migrations[v], NULL, NULL, NULL) != SQLITE_OK) {
			fail(db, "upgrading the database");
			db_rollback(db);
			return -1;
		}
		fault_point("migrate");
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", SCHEMA_VERSION);
	if (db_exec(db, sql) < 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) < 0 ? -1 : db_exec(db, "PRAGMA foreign_keys = ON");
}

/* A field that refers to another entry (stored as its id). */
static bool
is_ref(const struct field *f)
{
	return f->type == FT_DOMAIN || f->type == FT_MEETING || f->type == FT_ACTIELIJN;
}

/* What a row stores for a value that was not given (NULL): the field's
 * default, else empty. */
static const char *
value_or_default(const struct field *f, const char *v)
{
	return v ? v : f->def ? f->def : "";
}

/* SQL column of a field: references are stored as ids. */
static void
sql_column(const struct field *f, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, "%s%s", f->column, is_ref(f) ? "_id" : "");
}

/* A key column that may be empty is indexed as ifnull(col, '') or
 * ifnull(col, 0); the lookup must use the same expression. */
static void
key_expr(const struct field *f, char *buf, size_t bufsz)
{
	char col[64];

	sql_column(f, col, sizeof(col));
	if (f->required)
		snprintf(buf, bufsz, "%s", col);
	else if (is_ref(f))
		snprintf(buf, bufsz, "ifnull(%s, 0)", col);
	else
		snprintf(buf, bufsz, "ifnull(%s, '')", col);
}

static int
prepare(struct db *db, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return fail(db, "preparing a statement");
	return 0;
}

/* Builds the find/insert/update statements of every entity. */
static int
prepare_entities(struct db *db)
{
	char find[1024], ins[1024], vals[256], upd[2048], same[1024], col[64], expr[80];
	char raw[1024], json[1024], ins_new[1100];

	for (int i = 0; i < entity_count; i++) {
		const struct entity *e = entities[i];
		int nk = 0;

		snprintf(find, sizeof(find), "SELECT id FROM %s WHERE ", e->name);
		snprintf(ins, sizeof(ins), "INSERT INTO %s (", e->name);
		snprintf(upd, sizeof(upd), "UPDATE %s SET ", e->name);
		vals[0] = same[0] = '\0';
		snprintf(raw, sizeof(raw), "SELECT ");
		snprintf(json, sizeof(json), "INSERT INTO historie (tijd, wie, bron, tabel, rij, oud, nieuw)"
			 " SELECT ?5, ?2, ?3, '%s', id, CASE WHEN ?4 THEN json_object(", e->name);
		for (int j = 0; j < e->nfields; j++) {
			const struct field *f = &e->fields[j];
			const char *sep = j ? ", " : "";

			sql_column(f, col, sizeof(col));
			if (f->key) {
				key_expr(f, expr, sizeof(expr));
				snprintf(find + strlen(find), sizeof(find) - strlen(find),
					 "%s%s = ?%d", nk++ ? " AND " : "", expr, j + 1);
			}
			snprintf(ins + strlen(ins), sizeof(ins) - strlen(ins), "%s%s", sep, col);
			snprintf(vals + strlen(vals), sizeof(vals) - strlen(vals), "%s?%d", sep, j + 1);
			snprintf(upd + strlen(upd), sizeof(upd) - strlen(upd), "%s%s = ?%d", sep, col, j + 1);
			snprintf(same + strlen(same), sizeof(same) - strlen(same), "%s%s IS ?%d",
				 j ? " AND " : "", col, j + 1);
			snprintf(raw + strlen(raw), sizeof(raw) - strlen(raw), "%s%s", sep, col);
			snprintf(json + strlen(json), sizeof(json) - strlen(json), "%s'%s', %s", sep, col, col);
		}
		snprintf(raw + strlen(raw), sizeof(raw) - strlen(raw), " FROM %s WHERE id = ?1", e->name);
		/* The same JSON object goes in oud (a delete, ?4 true) or nieuw. */
		snprintf(json + strlen(json), sizeof(json) - strlen(json), ") END, CASE WHEN ?4 THEN NULL ELSE json_object(");
		for (int j = 0; j < e->nfields; j++) {
			sql_column(&e->fields[j], col, sizeof(col));
			snprintf(json + strlen(json), sizeof(json) - strlen(json), "%s'%s', %s", j ? ", " : "", col, col);
		}
		snprintf(json + strlen(json), sizeof(json) - strlen(json), ") END FROM %s WHERE id = ?1", e->name);
		snprintf(ins + strlen(ins), sizeof(ins) - strlen(ins), ") VALUES (%s)", vals);
		snprintf(upd + strlen(upd), sizeof(upd) - strlen(upd),
			 " WHERE id = ?%d AND NOT (%s)", e->nfields + 1, same);
		snprintf(ins_new, sizeof(ins_new), "INSERT OR IGNORE%s", ins + strlen("INSERT"));
		if (prepare(db, find, &db->sql[i].find) < 0 ||
		    prepare(db, ins_new, &db->sql[i].insert_new) < 0 ||
		    prepare(db, ins, &db->sql[i].insert) < 0 ||
		    prepare(db, upd, &db->sql[i].update) < 0 ||
		    prepare(db, raw, &db->sql[i].raw) < 0 ||
		    prepare(db, json, &db->sql[i].log_row) < 0)
			return -1;
	}
	if (prepare(db, "SELECT id FROM vergaderingen WHERE datum = ?1"
			" ORDER BY soort <> 'AB-vergadering', id LIMIT 1", &db->meeting_by_date) < 0 ||
	    prepare(db, "SELECT id FROM actielijnen WHERE titel = ?1"
			" AND (?2 IS NULL OR domein_id = ?2) LIMIT 2", &db->actielijn_by_title) < 0 ||
	    prepare(db, "INSERT INTO historie (tijd, wie, bron, tabel, rij, veld, oud, nieuw)"
			" VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7)", &db->log_field) < 0 ||
	    prepare(db, "INSERT INTO historie (tijd, wie, bron, tabel, rij, tot)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &db->log_range) < 0)
		return -1;
	return 0;
}

/* Refuses an SQLite file that some other program made (schema version 0
 * yet tables in it), before anything is written to it; a damaged file
 * fails here too, on the first read. */
static int
check_ours(struct db *db)
{
	sqlite3_stmt *st;
	int rc, v;

	if ((v = user_version(db)) != 0)
		return v < 0 ? -1 : 0;
	if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) != SQLITE_OK)
		return fail(db, "opening the database");
	rc = sqlite3_step(st);
	v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (v < 0)
		return fail(db, "opening the database");
	if (v > 0) {
		snprintf(db->err, sizeof(db->err),
			 "%s is not an snw database: another program made it (expected a file made by snw init, or a new file name)",
			 db->path);
		return -1;
	}
	return 0;
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
		if (!n) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
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
static int
configure(struct db *db)
{
	set_wait(db, read_wait(db));
	if (sqlite3_create_function(db->h, "snw_contains", -1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				    NULL, sql_contains, NULL, NULL) != SQLITE_OK)
		return fail(db, "opening the database");
	if (check_ours(db) < 0)
		return -1;
	if (db_exec(db, "PRAGMA foreign_keys = ON") < 0)
		return -1;
	if (db->final[0])
		return db_exec(db, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF");
	if (!db->ro && db_exec(db, "PRAGMA journal_mode = WAL;"
				   "PRAGMA synchronous = NORMAL") < 0)
		return -1;
	return 0;
}

static struct db *
db_new(const char *path)
{
	static bool configured;
	struct db *db;

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
	db = calloc(1, sizeof(*db));
	const char *env;
	char *end;

	if (db) {
		struct passwd *pw = getpwuid(geteuid());
		const char *who = pw ? pw->pw_name : getenv("USER");

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
	}
	return db;
}

/* Finishes opening: settings, migration, statements. */
static int
db_setup(struct db *db, char *err, size_t errsz)
{
	if (configure(db) < 0 || migrate(db) < 0 || prepare_entities(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		return -1;
	}
	return 0;
}

/* --- the files of a database ------------------------------------------------ */

static const char *const side_suffixes[] = { "-wal", "-shm", "-journal" };

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
	for (size_t i = 0; i < sizeof(side_suffixes) / sizeof(side_suffixes[0]); i++) {
		mode_t want = 0600 | (db_st.st_mode & 0066);
		char side[PATH_MAX + 16];

		snprintf(side, sizeof(side), "%s%s", path, side_suffixes[i]);
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

int
db_open(const char *path, bool readonly, struct db **out, char *err, size_t errsz)
{
	struct db *db;
	int flags;

	*out = NULL;
	if (access(path, F_OK) != 0) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!readonly && access(path, W_OK) != 0)
		readonly = true;	/* the caller sees it through db_readonly() */
	if (!(db = db_new(path))) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	db->ro = readonly;
	fix_side_modes(path);
	flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		fail(db, "opening the database");
		snprintf(err, errsz, "%s", db->err);
		db_close(db);
		return -1;
	}
	sqlite3_extended_result_codes(db->h, 1);
	if (db_setup(db, err, errsz) < 0) {
		db_close(db);
		return -1;
	}
	fix_side_modes(path);
	*out = db;
	return 0;
}

/* The mode of a new database file: the owner's alone (0600), except in a
 * directory with the setgid bit, the way a group shares one (see snw(1)):
 * there the group may read and write as far as the umask lets it. Never
 * anything for others. */
static mode_t
create_mode(const char *path)
{
	char dir[PATH_MAX];
	struct stat st;

	dir_of(path, dir, sizeof(dir));
	if (stat(dir, &st) == 0 && (st.st_mode & S_ISGID))
		return 0660;
	return 0600;
}

/* The last component of path. */
static const char *
base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Opens the directory of path and locks it (flock) against other snw
 * processes that create a database in it: they sweep temporary files,
 * make their own and put one in place under this lock, so none of them
 * mistakes another's work in progress for a leftover. Returns the
 * descriptor (close it to unlock) or -1 with errno set. A file system
 * without flock, or a directory we may write but not read, still works,
 * without that protection (and without the sweep).
 */
static int
lock_dir(const char *path)
{
	char dir[PATH_MAX];
	int dfd;

	dir_of(path, dir, sizeof(dir));
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	while (flock(dfd, LOCK_EX) < 0 && errno == EINTR)
		;
	return dfd;
}

/* The prefix of the temporary names of databases built for path
 * (".snw.db.tmp-"); the file is hidden and says what it will be. */
static void
temp_prefix(const char *path, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, ".%s.tmp-", base_of(path));
}

/*
 * Removes what builds of a database for path that were interrupted (a
 * kill, a power cut) left in its directory: temporary files that nobody
 * holds a lock on, and -wal, -shm or -journal files of temporary files
 * that are gone. Called with the directory locked (lock_dir), so a build
 * that has just made its file has also locked it.
 */
static void
sweep_temps(int dfd, const char *path)
{
	char prefix[NAME_MAX + 16];
	struct dirent *d;
	DIR *dir;
	int fd;

	temp_prefix(path, prefix, sizeof(prefix));
	if ((fd = dup(dfd)) < 0 || !(dir = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((d = readdir(dir))) {
		char main_name[NAME_MAX + 1];
		size_t len = strlen(d->d_name);
		struct stat st;
		int tfd;

		if (strncmp(d->d_name, prefix, strlen(prefix)) != 0)
			continue;
		for (size_t i = 0; i < sizeof(side_suffixes) / sizeof(side_suffixes[0]); i++) {
			size_t sl = strlen(side_suffixes[i]);

			if (len > sl && strcmp(d->d_name + len - sl, side_suffixes[i]) == 0) {
				snprintf(main_name, sizeof(main_name), "%.*s", (int)(len - sl), d->d_name);
				if (fstatat(dfd, main_name, &st, AT_SYMLINK_NOFOLLOW) < 0 && errno == ENOENT)
					unlinkat(dfd, d->d_name, 0);
				len = 0;	/* done with this one */
				break;
			}
		}
		if (len == 0)
			continue;
		tfd = openat(dfd, d->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
		if (tfd < 0)
			continue;
		if (flock(tfd, LOCK_EX | LOCK_NB) == 0)
			unlinkat(dfd, d->d_name, 0);
		close(tfd);
	}
	closedir(dir);
}

/* Makes the temporary file of a build under the directory lock: a new
 * name, created exclusively with the mode of a new database, locked.
 * Returns its descriptor with the name in tmp, or -1 (errno). */
static int
make_temp(const char *path, char *tmp, size_t tmpsz)
{
	static unsigned counter;
	char prefix[NAME_MAX + 16], dir[PATH_MAX];
	int fd = -1;

	temp_prefix(path, prefix, sizeof(prefix));
	dir_of(path, dir, sizeof(dir));
	for (int tries = 0; tries < 100 && fd < 0; tries++) {
		if ((size_t)snprintf(tmp, tmpsz, "%s/%s%ld-%u-%ld", dir, prefix, (long)getpid(),
				     counter++, (long)time(NULL)) >= tmpsz) {
			errno = ENAMETOOLONG;
			return -1;
		}
		fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, create_mode(path));
		if (fd < 0 && errno != EEXIST)
			return -1;
	}
	if (fd >= 0)
		flock(fd, LOCK_EX | LOCK_NB);	/* new, so nobody else holds it */
	return fd;
}

int
db_build(const char *path, struct db **out, char *err, size_t errsz)
{
	char tmp[PATH_MAX];
	struct db *db;
	int dfd, fd, e;

	*out = NULL;
	if ((dfd = lock_dir(path)) < 0 && errno != EACCES) {
		snprintf(err, errsz, _("%s: kan de database niet maken: %s"), path, strerror(errno));
		return -1;
	}
	if (dfd >= 0)
		sweep_temps(dfd, path);
	fd = make_temp(path, tmp, sizeof(tmp));
	e = errno;
	if (dfd >= 0)
		close(dfd);
	if (fd < 0) {
		snprintf(err, errsz, _("%s: kan de database niet maken: %s"), path, strerror(e));
		return -1;
	}
	fault_point("create");
	if (!(db = db_new(tmp))) {
		unlink(tmp);
		close(fd);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	db->lock_fd = fd;
	snprintf(db->final, sizeof(db->final), "%s", path);
	if (sqlite3_open_v2(tmp, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		fail(db, "creating the database");
		snprintf(err, errsz, "%s", db->err);
		db_close(db);
		return -1;
	}
	sqlite3_extended_result_codes(db->h, 1);
	/* 16 KB pages instead of SQLite's 4 KB: a large import writes every
	 * page twice (to the WAL, then to the file) and a search reads them
	 * all, both in a quarter of the calls; measured at a million
	 * actielijnen, the import takes 15% less time, and the dashboard's
	 * figures stay where they were. Only a new file can have it. */
	if (db_exec(db, "PRAGMA page_size = 16384") < 0) {
		snprintf(err, errsz, "%s", db->err);
		db_close(db);
		return -1;
	}
	/* db_setup says why it failed; asking SQLite afterwards would give
	 * the error of the rollback that followed (disk full: "cannot
	 * rollback - no transaction is active"). */
	if (db_setup(db, err, errsz) < 0) {
		db_close(db);
		return -1;
	}
	fault_point("create");
	*out = db;
	return 0;
}

/* Closes the SQLite side of db: statements and connection. */
static void
close_handle(struct db *db)
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
	bulk_free(db);
	sqlite3_finalize(db->meeting_by_date);
	sqlite3_finalize(db->actielijn_by_title);
	sqlite3_close(db->h);
	memset(db->sql, 0, sizeof(db->sql));
	db->log_field = db->log_range = db->meeting_by_date = db->actielijn_by_title = NULL;
	db->h = NULL;
}

/* Puts the file tmp in place as path unless path exists: renameat2 with
 * RENAME_NOREPLACE, or link() and unlink() where the file system has no
 * such rename. Returns 0, or -1 with errno (EEXIST: path exists). */
static int
put_in_place(const char *tmp, const char *path)
{
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
	if (link(tmp, path) < 0)
		return -1;
	unlink(tmp);
	return 0;
}

int
db_publish(struct db *db, char *err, size_t errsz)
{
	char tmp[PATH_MAX], final[PATH_MAX];
	int fd = db->lock_fd, dfd, rc = 0, e = 0;

	snprintf(tmp, sizeof(tmp), "%s", db->path);
	snprintf(final, sizeof(final), "%s", db->final);
	/* Into WAL, as every snw database is (readers never wait for a
	 * writer), while the file is still ours alone. Then the SQLite
	 * connection goes: closing the last connection checkpoints the WAL
	 * and removes it and the -shm file, so the file is complete and
	 * consistent on its own, with no -wal or -shm file that would have to
	 * move with it. */
	if (db_exec(db, "PRAGMA journal_mode = WAL") < 0) {
		snprintf(err, errsz, "%s", db->err);
		db_close(db);
		return -1;
	}
	close_handle(db);
	db->final[0] = '\0';
	db->lock_fd = -1;
	free(db);
	fault_point("create");
	if (fsync(fd) < 0) {
		e = errno;
		rc = -1;
	}
	fault_point("create");
	if (rc == 0 && ((dfd = lock_dir(final)) >= 0 || errno == EACCES)) {
		struct stat st;

		/* Files of a database that was deleted without them would be
		 * taken for this one's: a -wal replayed into it, a -journal
		 * rolled back into it. With no database at the name they
		 * belong to nothing. */
		if (lstat(final, &st) < 0 && errno == ENOENT) {
			for (size_t i = 0; i < sizeof(side_suffixes) / sizeof(side_suffixes[0]); i++) {
				char side[PATH_MAX + 16];

				snprintf(side, sizeof(side), "%s%s", final, side_suffixes[i]);
				unlink(side);
			}
		}
		if (put_in_place(tmp, final) < 0) {
			e = errno;
			rc = e == EEXIST ? DB_EXISTS : -1;
		} else {
			fault_point("create");
			if (dfd >= 0)
				fsync(dfd);	/* the new name survives a power cut */
		}
		if (dfd >= 0)
			close(dfd);
	} else if (rc == 0) {
		e = errno;
		rc = -1;
	}
	if (rc != 0)
		unlink(tmp);
	close(fd);
	if (rc == -1)
		snprintf(err, errsz, _("%s: kan de database niet op zijn plaats zetten: %s"), final, strerror(e));
	else if (rc == DB_EXISTS)
		snprintf(err, errsz, "%s: %s", final, strerror(EEXIST));
	return rc;
}

int
db_create(const char *path, struct db **out, char *err, size_t errsz)
{
	struct db *db;
	int rc;

	*out = NULL;
	if (db_build(path, &db, err, errsz) < 0)
		return -1;
	if (db_begin(db) < 0 || db_mark_complete(db) < 0 || db_commit(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		db_close(db);
		return -1;
	}
	if ((rc = db_publish(db, err, errsz)) != 0)
		return rc;
	return db_open(path, false, out, err, errsz);
}

int
db_mark_complete(struct db *db)
{
	return db_exec(db, "INSERT OR REPLACE INTO gegevens VALUES"
			   " ('compleet', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
}

/* The peildatum goes in as a bound value, the history it covers as the
 * newest id at this point: the load's own rows, its pending run of added
 * entries flushed first, are all at or below it. */
int
db_state_peildatum(struct db *db, const char *iso)
{
	sqlite3_stmt *st;
	int rc;

	if (flush_run(db) < 0)
		return -1;
	if (sqlite3_prepare_v2(db->h, "INSERT OR REPLACE INTO gegevens VALUES ('peildatum', ?1),"
			       " ('peildatum_historie', (SELECT ifnull(max(id), 0) FROM historie))",
			       -1, &st, NULL) != SQLITE_OK)
		return fail(db, "gegevens");
	sqlite3_bind_text(st, 1, iso, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, "gegevens");
}

int
db_complete(struct db *db)
{
	char sql[1024];
	sqlite3_stmt *st;
	int rc, v = -1;

	/* The mark, or anything at all in the database: only a file that
	 * holds nothing and was never marked is half-made (see migration 5). */
	snprintf(sql, sizeof(sql), "SELECT EXISTS (SELECT 1 FROM gegevens WHERE sleutel = 'compleet')"
		 " OR EXISTS (SELECT 1 FROM historie)");
	for (int i = 0; i < entity_count; i++)
		snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " OR EXISTS (SELECT 1 FROM %s)",
			 entities[i]->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, "opening the database");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v < 0 ? fail(db, "opening the database") : v;
}

int
db_open_memory(struct db **out)
{
	struct db *db = db_new(":memory:");
	char err[256];

	*out = NULL;
	if (!db)
		return -1;
	if (sqlite3_open_v2(":memory:", &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    db_setup(db, err, sizeof(err)) < 0) {
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

int
db_copy_to_memory(struct db *src, struct db **out)
{
	struct db *db = db_new(src->path);
	sqlite3_backup *b = NULL;
	char err[256];

	*out = NULL;
	if (!db) {
		snprintf(src->err, sizeof(src->err), "out of memory");
		return -1;
	}
	if (sqlite3_open_v2(":memory:", &db->h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    !(b = sqlite3_backup_init(db->h, "main", src->h, "main")) ||
	    sqlite3_backup_step(b, -1) != SQLITE_DONE) {
		snprintf(src->err, sizeof(src->err), "copying %s: %s", src->path,
			 db->h ? sqlite3_errmsg(db->h) : "out of memory");
		sqlite3_backup_finish(b);
		db_close(db);
		return -1;
	}
	sqlite3_backup_finish(b);
	if (db_setup(db, err, sizeof(err)) < 0) {
		snprintf(src->err, sizeof(src->err), "%s", err);
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

void
db_close(struct db *db)
{
	if (!db)
		return;
	close_handle(db);
	if (db->final[0])	/* a build that was never published */
		unlink(db->path);
	if (db->lock_fd >= 0)
		close(db->lock_fd);
	free(db);
}

int
db_begin(struct db *db)
{
	if (db->ro) {
		snprintf(db->err, sizeof(db->err), "%s is open read-only", db->path);
		return -1;
	}
	/* Waiting for the write lock is waiting for another writer: as long
	 * as the setting says (see read_wait). */
	set_wait(db, db->busy_ms);
	if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		fail(db, "starting a transaction");
		set_wait(db, read_wait(db));
		return -1;
	}
	set_wait(db, read_wait(db));
	/* We hold the write lock: the history rows from here to the commit
	 * are ours, one group for undo. */
	db->txn_start = db_last_change(db);
	db->now[0] = '\0';	/* change_time() takes a new one */
	db->run.e = NULL;
	return 0;
}

int
db_commit(struct db *db)
{
	long long last;

	if (flush_run(db) < 0) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		db->ndomains = -1;
		return -1;
	}
	last = db_last_change(db);

	if (last > db->txn_start) {
		db->group_first = db->txn_start + 1;
		db->group_last = last;
	} else {
		db->group_first = db->group_last = 0;
	}
	if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		fail(db, "saving");
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		db->ndomains = -1;
		return -1;
	}
	return 0;
}

int
db_rollback(struct db *db)
{
	db->ndomains = -1;	/* the cache may hold rolled-back rows */
	db->run.e = NULL;
	bulk_free(db);		/* the dropped index is back */
	if (sqlite3_get_autocommit(db->h))
		return 0;
	if (sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
		return fail(db, "rolling back");
	return 0;
}

/* --- references ---------------------------------------------------------- */

static int
load_domains(struct db *db)
{
	sqlite3_stmt *st;
	int n = 0, rc;

	if (sqlite3_prepare_v2(db->h, "SELECT id, code, naam FROM domeinen ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return fail(db, "reading domains");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MAX_DOMAINS) {
		struct domain_ref *d = &db->domains[n++];

		d->id = sqlite3_column_int64(st, 0);
		snprintf(d->code, sizeof(d->code), "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(d->naam, sizeof(d->naam), "%s", (const char *)sqlite3_column_text(st, 2));
	}
	/* A damaged page ends the loop as if the table ended: say so, or
	 * every domain would seem unknown. */
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		fail(db, "reading domains");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	db->ndomains = n;
	return 0;
}

/* Domain id by code or full name, ignoring case; 0 when unknown. */
static long long
find_domain(struct db *db, const char *ref)
{
	if (db->ndomains < 0) {
		if (load_domains(db) < 0)
			return -1;
		db->nspellings = 0;
	}
	for (int i = 0; i < db->nspellings; i++)
		if (strcmp(db->spellings[i].text, ref) == 0)
			return db->spellings[i].id;
	for (int i = 0; i < db->ndomains; i++) {
		if (text_casecmp(db->domains[i].code, ref) == 0 ||
		    text_casecmp(db->domains[i].naam, ref) == 0) {
			int k = db->nspellings;

			if (k < (int)(sizeof(db->spellings) / sizeof(db->spellings[0])) &&
			    strlen(ref) < sizeof(db->spellings[k].text)) {
				strcpy(db->spellings[k].text, ref);
				db->spellings[k].id = db->domains[i].id;
				db->nspellings++;
			}
			return db->domains[i].id;
		}
	}
	return 0;
}

/* Resolves reference field j of a row to an id (0 = empty). */
static int
resolve(struct db *db, const struct entity *e, const char *const *vals, int j,
	long long *id, char *err, size_t errsz)
{
	const struct field *f = &e->fields[j];
	const char *v = vals[j];
	char shown[64];
	sqlite3_stmt *st;
	int rows = 0, rc;

	*id = 0;
	if (!v || !*v)
		return 0;
	switch (f->type) {
	case FT_DOMAIN:
		*id = find_domain(db, v);
		if (*id < 0)
			return -1;
		if (*id == 0) {
			text_fit(shown, sizeof(shown), v, 50);
			snprintf(err, errsz, "%s: unknown domain '%s' (expected the code or name of a domain or theme)",
				 f->column, shown);
			return -1;
		}
		return 0;
	case FT_MEETING:
		st = db->meeting_by_date;
		sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
		break;
	case FT_ACTIELIJN: {
		int d = entity_field_index(e, "domein");
		long long dom = 0;

		if (d >= 0 && resolve(db, e, vals, d, &dom, err, errsz) < 0)
			return -1;
		st = db->actielijn_by_title;
		sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
		if (dom)
			sqlite3_bind_int64(st, 2, dom);
		else
			sqlite3_bind_null(st, 2);
		break;
	}
	default:
		return 0;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rows++;
	}
	if (rc != SQLITE_DONE) {	/* the database failed: err stays empty */
		fail(db, f->column);
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return -1;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rows == 1)
		return 0;
	text_fit(shown, sizeof(shown), v, 50);
	if (f->type == FT_MEETING)
		snprintf(err, errsz, "%s: no meeting on %s (expected the date of a meeting in vergaderingen)",
			 f->column, shown);
	else if (rows == 0)
		snprintf(err, errsz, "%s: unknown actielijn '%s' (expected the title of an actielijn%s)",
			 f->column, shown, entity_field_index(e, "domein") >= 0 ? " of that domain" : "");
	else
		snprintf(err, errsz, "%s: '%s' names several actielijnen (expected a domein to tell them apart)",
			 f->column, shown);
	return -1;
}

/* --- writing --------------------------------------------------------------- */

/* Binds the values of a row as parameters 1..n; refs must be resolved.
 * A value that was not given (NULL) binds as the field's default. */
static void
bind_row(sqlite3_stmt *st, const struct entity *e, const char *const *vals,
	 const long long *ids, bool key_only)
{
	for (int j = 0; j < e->nfields; j++) {
		const struct field *f = &e->fields[j];
		const char *v = value_or_default(f, vals[j]);
		bool ref = is_ref(f);

		if (key_only && !f->key)
			continue;
		if (ref && ids[j])
			sqlite3_bind_int64(st, j + 1, ids[j]);
		else if (ref && key_only && !f->required)
			sqlite3_bind_int(st, j + 1, 0);	/* matches ifnull(col, 0) */
		else if (!*v && key_only && !f->required)
			sqlite3_bind_text(st, j + 1, "", 0, SQLITE_STATIC);
		else if (!*v || ref)
			sqlite3_bind_null(st, j + 1);
		else if (f->type == FT_INT)
			sqlite3_bind_int64(st, j + 1, strtoll(v, NULL, 10));
		else
			sqlite3_bind_text(st, j + 1, v, -1, SQLITE_STATIC);
	}
}

/* The time recorded with changes: taken once per transaction, so that
 * one import or one save carries one time (and no row pays for
 * formatting it). */
static const char *
change_time(struct db *db)
{
	if (!db->now[0]) {
		time_t t = time(NULL);
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(db->now, sizeof(db->now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	return db->now;
}

/* Records the pending run of added entries, if any: one history row
 * saying entries first..last were added. Every other history row and
 * the commit come after it, so the history keeps the order of events. */
static int
flush_run(struct db *db)
{
	sqlite3_stmt *st = db->log_range;
	int rc;

	if (!db->run.e)
		return 0;
	sqlite3_bind_text(st, 1, change_time(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, db->who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, db->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, db->run.e->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, db->run.first);
	sqlite3_bind_int64(st, 6, db->run.last);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	db->run.e = NULL;
	return rc == SQLITE_DONE ? 0 : fail(db, "history");
}

/* Adds entry id of e to the pending run, or starts a new run. */
static int
log_added(struct db *db, const struct entity *e, long long id)
{
	if (db->run.e == e && id == db->run.last + 1) {
		db->run.last = id;
		return 0;
	}
	if (flush_run(db) < 0)
		return -1;
	db->run.e = e;
	db->run.first = db->run.last = id;
	return 0;
}

/* History: one row per changed column, in the same transaction. */
static int
log_field(struct db *db, const struct entity *e, long long row, const char *col,
	  const char *oud, const char *nieuw)
{
	sqlite3_stmt *st = db->log_field;
	int rc;

	if (flush_run(db) < 0)
		return -1;

	sqlite3_bind_text(st, 1, db->who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, db->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, row);
	sqlite3_bind_text(st, 5, col, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, oud, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, nieuw, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, change_time(db), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : fail(db, "history");
}

/* History: the whole entry as JSON, as it is now (added) or as it was
 * (deleted; call before deleting). */
static int
log_row(struct db *db, const struct entity *e, long long row, bool deleted)
{
	sqlite3_stmt *st = db->sql[entity_index(e)].log_row;
	int rc;

	if (flush_run(db) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_text(st, 2, db->who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, db->source, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, deleted);
	sqlite3_bind_text(st, 5, change_time(db), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : fail(db, "history");
}

/* The stored text of value j as the update will write it (NULL = empty). */
static const char *
stored_text(const struct entity *e, const char *const *vals, const long long *ids,
	    int j, char *buf, size_t bufsz)
{
	const struct field *f = &e->fields[j];
	if (is_ref(f)) {
		if (!ids[j])
			return NULL;
		snprintf(buf, bufsz, "%lld", ids[j]);
		return buf;
	}
	if (!vals[j] || !*vals[j])
		return NULL;
	if (f->type == FT_INT) {
		snprintf(buf, bufsz, "%lld", strtoll(vals[j], NULL, 10));
		return buf;
	}
	return vals[j];
}

/* Writes resolved values to row `id` (0 = a new row), recording history.
 * Returns 0 with *change set, or -2 after fail(). */
static int
write_row(struct db *db, const struct entity *e, long long *id, const char *const *vals,
	  const long long *ids, enum db_change *change)
{
	struct entity_sql *q = &db->sql[entity_index(e)];
	int rc;

	if (!*id) {
		bind_row(q->insert, e, vals, ids, false);
		rc = sqlite3_step(q->insert);
		sqlite3_reset(q->insert);
		if (rc != SQLITE_DONE)
			return fail(db, e->name) - 1;
		*id = sqlite3_last_insert_rowid(db->h);
		*change = DB_ADDED;
		if (log_row(db, e, *id, false) < 0)
			return -2;
	} else {
		/* Record what changes, column by column, before writing. A
		 * value that was not given (NULL: the file has no such column)
		 * keeps what is stored. */
		*change = DB_UNCHANGED;
		sqlite3_bind_int64(q->raw, 1, *id);
		if (sqlite3_step(q->raw) == SQLITE_ROW) {
			for (int j = 0; j < e->nfields; j++) {
				const char *old = (const char *)sqlite3_column_text(q->raw, j);
				char buf[32], col[64];
				const char *now = stored_text(e, vals, ids, j, buf, sizeof(buf));

				if (!vals[j])
					continue;
				if ((old == NULL) != (now == NULL) || (old && strcmp(old, now) != 0)) {
					sql_column(&e->fields[j], col, sizeof(col));
					if (log_field(db, e, *id, col, old, now) < 0) {
						sqlite3_reset(q->raw);
						return -2;
					}
					*change = DB_UPDATED;
				}
			}
		}
		if (*change == DB_UPDATED) {
			bind_row(q->update, e, vals, ids, false);
			for (int j = 0; j < e->nfields; j++)
				if (!vals[j])
					sqlite3_bind_value(q->update, j + 1, sqlite3_column_value(q->raw, j));
			sqlite3_bind_int64(q->update, e->nfields + 1, *id);
		}
		sqlite3_reset(q->raw);
		if (*change == DB_UNCHANGED)
			return 0;
		rc = sqlite3_step(q->update);
		sqlite3_reset(q->update);
		if (rc != SQLITE_DONE)
			return fail(db, e->name) - 1;
	}
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return 0;
}

/* Resolves every reference of a row; -1 (bad reference, err set) or -2. */
static int
resolve_all(struct db *db, const struct entity *e, const char *const *vals,
	    long long *ids, char *err, size_t errsz)
{
	*err = '\0';
	for (int j = 0; j < e->nfields; j++) {
		if (resolve(db, e, vals, j, &ids[j], err, errsz) < 0) {
			if (*err)
				return -1;
			snprintf(err, errsz, "%s", db->err);
			return -2;
		}
	}
	return 0;
}

/* The id of the row with the same natural key, 0 if none, -1 on error. */
static long long
find_key(struct db *db, const struct entity *e, const char *const *vals, const long long *ids)
{
	struct entity_sql *q = &db->sql[entity_index(e)];
	long long found = 0;
	int rc;

	bind_row(q->find, e, vals, ids, true);
	rc = sqlite3_step(q->find);
	if (rc == SQLITE_ROW)
		found = sqlite3_column_int64(q->find, 0);
	sqlite3_reset(q->find);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(db, e->name);
	return found;
}

/* Imports mostly add rows: try the insert first and let the unique
 * index say whether the entry exists. History records added entries as
 * runs of ids (imports are not undone, so the whole row is not needed). */
static int
try_insert(struct db *db, const struct entity *e, const char *const *vals,
	   const long long *ids, long long *row)
{
	struct entity_sql *q = &db->sql[entity_index(e)];
	int rc;

	*row = 0;
	bind_row(q->insert_new, e, vals, ids, false);
	rc = sqlite3_step(q->insert_new);
	sqlite3_reset(q->insert_new);
	if (rc != SQLITE_DONE)
		return fail(db, e->name);
	if (sqlite3_changes(db->h) == 0)
		return 0;
	*row = sqlite3_last_insert_rowid(db->h);
	if (log_added(db, e, *row) < 0)
		return -1;
	/* Outside a transaction no commit would record the run. */
	if (sqlite3_get_autocommit(db->h) && flush_run(db) < 0)
		return -1;
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return 0;
}

/* A row with a new natural key that repeats a value another entry holds
 * in a unique column (only a domain's naam is one): the data's fault.
 * Returns -1 with err in the import's "column: what (expected)" form. */
static int
taken(const struct entity *e, const char *const *vals, char *err, size_t errsz)
{
	const char *col = e->fields[e->title].column;
	char shown[64];

	text_fit(shown, sizeof(shown), vals[e->title] ? vals[e->title] : "", 50);
	snprintf(err, errsz, "%s: another %s already has the %s '%s' (expected a %s of its own)",
		 col, e->singular, col, shown, col);
	return -1;
}

/* --- large imports ------------------------------------------------------------ */

#define BULK_MIN_ROWS 10000	/* below this an import just uses the index */
#define BULK_MAX_RESERVE (1 << 24) /* keys made room for at once; more grow the table */

/* FNV-1a, 64 bits, over the key's values in field order. */
static uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}

static uint64_t
hash_done(uint64_t h)
{
	return h ? h : 1;	/* 0 marks an empty slot */
}

/* The hash of a row's key as db_upsert binds it (bind_row, key_only). */
static uint64_t
key_hash(const struct entity *e, const char *const *vals, const long long *ids)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (int j = 0; j < e->nfields; j++) {
		const struct field *f = &e->fields[j];
		const char *v = value_or_default(f, vals[j]);

		if (!f->key)
			continue;
		if (is_ref(f))
			h = hash_bytes(h, &ids[j], sizeof(ids[j]));
		else
			h = hash_bytes(h, v, strlen(v) + 1);
	}
	return hash_done(h);
}

/* The same hash from key columns 1.. of a statement (key_expr order). */
static uint64_t
key_hash_stmt(const struct entity *e, sqlite3_stmt *st)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	int c = 1;

	for (int j = 0; j < e->nfields; j++) {
		const struct field *f = &e->fields[j];

		if (!f->key)
			continue;
		if (is_ref(f)) {
			long long id = sqlite3_column_int64(st, c++);

			h = hash_bytes(h, &id, sizeof(id));
		} else {
			const char *v = (const char *)sqlite3_column_text(st, c++);

			h = hash_bytes(h, v ? v : "", (v ? strlen(v) : 0) + 1);
		}
	}
	return hash_done(h);
}

/* Does row id hold this key? 1 yes, 0 no, -1 on error. */
static int
key_is(struct db *db, const struct entity *e, long long id, const char *const *vals,
       const long long *ids)
{
	sqlite3_stmt *st = db->bulk.key_of;
	int same = 0, c = 1, rc;

	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		same = 1;
		for (int j = 0; j < e->nfields && same; j++) {
			const struct field *f = &e->fields[j];
			const char *v = value_or_default(f, vals[j]);
			const char *have;

			if (!f->key)
				continue;
			if (is_ref(f)) {
				same = sqlite3_column_int64(st, c++) == ids[j];
			} else {
				have = (const char *)sqlite3_column_text(st, c++);
				same = strcmp(have ? have : "", v) == 0;
			}
		}
	} else if (rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return fail(db, e->name);
	}
	sqlite3_reset(st);
	return same;
}

static void
madvise_huge(void *p, size_t len)
{
#ifdef MADV_HUGEPAGE
	uintptr_t start = ((uintptr_t)p + 0x1fffff) & ~(uintptr_t)0x1fffff;
	uintptr_t end = ((uintptr_t)p + len) & ~(uintptr_t)0x1fffff;

	if (end > start)
		madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)len;
#endif
}

/* Makes room for n keys at most half full (a short probe on average). */
static bool
keys_reserve(struct bulk *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 1024;
	struct key_slot *slots;

	while (cap < 2 * n)
		cap *= 2;
	if (cap == b->cap)
		return true;
	if (!(slots = calloc(cap, sizeof(*slots))))
		return false;
	/* Every lookup lands on a random slot: with 4 KB pages most of them
	 * also miss the TLB. Huge pages where the system offers them. */
	madvise_huge(slots, cap * sizeof(*slots));
	for (size_t i = 0; i < b->cap; i++) {
		size_t k = b->slots[i].hash & (cap - 1);

		if (!b->slots[i].hash)
			continue;
		while (slots[k].hash)
			k = (k + 1) & (cap - 1);
		slots[k] = b->slots[i];
	}
	free(b->slots);
	b->slots = slots;
	b->cap = cap;
	return true;
}

/* Remembers that row id has the key with hash h. */
static int
keys_add(struct db *db, uint64_t h, long long id)
{
	struct bulk *b = &db->bulk;
	size_t k;

	if (!keys_reserve(b, b->n + 1)) {
		snprintf(db->err, sizeof(db->err), "out of memory");
		return -1;
	}
	for (k = h & (b->cap - 1); b->slots[k].hash; k = (k + 1) & (b->cap - 1))
		;
	b->slots[k].hash = h;
	b->slots[k].id = id;
	b->n++;
	return 0;
}

/* The id of the row with this key, 0 when none, -1 on error. */
static long long
keys_find(struct db *db, const struct entity *e, uint64_t h, const char *const *vals,
	  const long long *ids)
{
	struct bulk *b = &db->bulk;

	if (!b->cap)
		return 0;
	for (size_t k = h & (b->cap - 1); b->slots[k].hash; k = (k + 1) & (b->cap - 1)) {
		int same;

		if (b->slots[k].hash != h)
			continue;
		if ((same = key_is(db, e, b->slots[k].id, vals, ids)) != 0)
			return same < 0 ? -1 : b->slots[k].id;
	}
	return 0;
}

static void
bulk_free(struct db *db)
{
	if (db->bulk.cache_size)
		db_cache_size(db, db->bulk.cache_size);
	sqlite3_finalize(db->bulk.key_of);
	free(db->bulk.index_sql);
	free(db->bulk.trigger_sql);
	free(db->bulk.slots);
	memset(&db->bulk, 0, sizeof(db->bulk));
}

/* For a large import into actielijnen: drops the trigger that counts
 * inserts (bulk_count and db_bulk_end take over). */
static int
drop_count_trigger(struct db *db, const struct entity *e)
{
	sqlite3_stmt *st;
	int rc;

	db->bulk.domein = entity_field_index(e, "domein");
	db->bulk.status = entity_field_index(e, "status");
	if (strcmp(e->name, "actielijnen") != 0 || db->bulk.domein < 0 || db->bulk.status < 0)
		return 0;
	if (sqlite3_prepare_v2(db->h, "SELECT sql FROM sqlite_master"
			       " WHERE type = 'trigger' AND name = 'actielijn_telling_insert'",
			       -1, &st, NULL) != SQLITE_OK)
		return fail(db, e->name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    !(db->bulk.trigger_sql = strdup((const char *)sqlite3_column_text(st, 0)))) {
		sqlite3_finalize(st);
		snprintf(db->err, sizeof(db->err), "out of memory");
		return -1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(db, e->name);
	return db->bulk.trigger_sql ? db_exec(db, "DROP TRIGGER actielijn_telling_insert") : 0;
}

/* Counts an added actielijn the way the dropped trigger would have. */
static int
bulk_count(struct db *db, const struct entity *e, const char *const *vals, const long long *ids)
{
	struct bulk *b = &db->bulk;
	const char *status;
	int i;

	if (!b->trigger_sql)
		return 0;
	status = value_or_default(&e->fields[b->status], vals[b->status]);
	for (i = 0; i < b->ncounts; i++)
		if (b->counts[i].domein == ids[b->domein] && strcmp(b->counts[i].status, status) == 0)
			break;
	if (i == b->ncounts) {
		if (i == (int)(sizeof(b->counts) / sizeof(b->counts[0])) ||
		    strlen(status) >= sizeof(b->counts[i].status)) {
			snprintf(db->err, sizeof(db->err), "counting actielijnen: too many kinds");
			return -1;
		}
		b->counts[i].domein = ids[b->domein];
		snprintf(b->counts[i].status, sizeof(b->counts[i].status), "%s", status);
		b->counts[i].n = 0;
		b->ncounts++;
	}
	b->counts[i].n++;
	return 0;
}

/* Puts the trigger back and adds what bulk_count counted. */
static int
restore_count_trigger(struct db *db)
{
	struct bulk *b = &db->bulk;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	if (!b->trigger_sql)
		return 0;
	if (db_exec(db, b->trigger_sql) < 0)
		return -1;
	if (sqlite3_prepare_v2(db->h, "INSERT INTO actielijn_telling VALUES (?1, ?2, ?3)"
			       " ON CONFLICT DO UPDATE SET n = n + excluded.n", -1, &st, NULL) != SQLITE_OK)
		return fail(db, "counting actielijnen");
	for (int i = 0; i < b->ncounts && rc == SQLITE_DONE; i++) {
		sqlite3_bind_int64(st, 1, b->counts[i].domein);
		sqlite3_bind_text(st, 2, b->counts[i].status, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, b->counts[i].n);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, "counting actielijnen");
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

int
db_bulk_begin(struct db *db, const struct entity *e, long long rows)
{
	char sql[1024], expr[80];
	sqlite3_stmt *st = NULL;
	long long have = 0;
	int rc;

	if (db->bulk.e || rows < BULK_MIN_ROWS)
		return 0;
	/* Only a table whose key is a unique index of its own (not the
	 * index of a UNIQUE constraint, which cannot be dropped). */
	snprintf(sql, sizeof(sql), "SELECT sql, (SELECT ifnull(max(id), 0) FROM %s) FROM sqlite_master"
		 " WHERE type = 'index' AND tbl_name = '%s' AND name = '%s_sleutel'", e->name, e->name, e->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, e->name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db->bulk.index_sql = strdup((const char *)sqlite3_column_text(st, 0));
		have = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(db, e->name);
	/* Building the index again costs about as much as sorting all that
	 * the table will hold: worth it when the file brings at least a
	 * quarter as many rows as the table has. Without the memory for the
	 * keys, the import just keeps the index. */
	if (rc == SQLITE_DONE || rows < have / 4 || !db->bulk.index_sql ||
	    !keys_reserve(&db->bulk, (size_t)(have + (rows < BULK_MAX_RESERVE ? rows : BULK_MAX_RESERVE)))) {
		bulk_free(db);
		return 0;
	}

	/* The keys that are there, then the index goes. */
	snprintf(sql, sizeof(sql), "SELECT id");
	for (int j = 0; j < e->nfields; j++) {
		if (!e->fields[j].key)
			continue;
		key_expr(&e->fields[j], expr, sizeof(expr));
		snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), ", %s", expr);
	}
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " FROM %s", e->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(db, e->name);
		goto failed;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (keys_add(db, key_hash_stmt(e, st), sqlite3_column_int64(st, 0)) < 0)
			break;
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)		/* keys_add said why */
		goto failed;
	if (rc != SQLITE_DONE) {
		fail(db, e->name);
		goto failed;
	}
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " WHERE id = ?1");
	if (prepare(db, sql, &db->bulk.key_of) < 0)
		goto failed;
	snprintf(sql, sizeof(sql), "DROP INDEX %s_sleutel", e->name);
	if (db_exec(db, sql) < 0 || drop_count_trigger(db, e) < 0)
		goto failed;
	/* Rows are appended and the index is sorted once at the end: pages
	 * are written once and not looked at again, so a large cache only
	 * holds back the writes and makes the sorter's runs outgrow the CPU's
	 * caches. At 1,000,000 rows SQLite's default of 2 MB imports in
	 * 3.3 s, the 64 MB an import otherwise asks for in 4.2 s. */
	db->bulk.cache_size = db_cache_size(db, -2000);
	db->bulk.e = e;
	return 0;
failed:
	bulk_free(db);
	return -1;
}

int
db_bulk_end(struct db *db)
{
	int rc = 0;

	if (!db->bulk.e)
		return 0;
	/* Sorted once: the keys were checked on the way in, so this cannot
	 * find a duplicate. The parser thread is done by now: SQLite's sorter
	 * may use the core it leaves (at 1,000,000 rows 0.3 s of 0.8 s). */
	db_exec(db, "PRAGMA threads = 1");
	if (sqlite3_exec(db->h, db->bulk.index_sql, NULL, NULL, NULL) != SQLITE_OK)
		rc = fail(db, "building the key index");
	else
		rc = restore_count_trigger(db);
	db_exec(db, "PRAGMA threads = 0");
	bulk_free(db);
	return rc;
}

/* db_upsert during a large import: the key is looked up in memory. */
static int
bulk_upsert(struct db *db, const struct entity *e, const char *const *vals, const long long *ids,
	    enum db_change *change, long long *row)
{
	uint64_t h = key_hash(e, vals, ids);

	if ((*row = keys_find(db, e, h, vals, ids)) < 0)
		return -1;
	if (*row)
		return write_row(db, e, row, vals, ids, change) < 0 ? -1 : 0;
	if (try_insert(db, e, vals, ids, row) < 0)
		return -1;
	*change = DB_ADDED;
	if (!*row)
		return 0;
	return keys_add(db, h, *row) < 0 || bulk_count(db, e, vals, ids) < 0 ? -1 : 0;
}

int
db_upsert(struct db *db, const struct entity *e, const char *const *vals,
	  enum db_change *change, long long *id, char *err, size_t errsz)
{
	long long ids[ENTITY_MAX_FIELDS] = { 0 };
	long long row;
	int rc = resolve_all(db, e, vals, ids, err, errsz);

	if (rc < 0)
		return rc;
	if (db->bulk.e == e) {
		if (bulk_upsert(db, e, vals, ids, change, &row) < 0)
			goto failed;
		if (!row)	/* ignored for another reason than its key */
			return taken(e, vals, err, errsz);
	} else if (try_insert(db, e, vals, ids, &row) < 0) {
		goto failed;
	} else if (row) {
		*change = DB_ADDED;
	} else {
		if ((row = find_key(db, e, vals, ids)) < 0)
			goto failed;
		if (row == 0)	/* ignored, yet no entry with this key */
			return taken(e, vals, err, errsz);
		if (write_row(db, e, &row, vals, ids, change) < 0)
			goto failed;
	}
	if (id)
		*id = row;
	return 0;
failed:
	if (sqlite3_extended_errcode(db->h) == SQLITE_CONSTRAINT_UNIQUE)
		return taken(e, vals, err, errsz);	/* an update renamed it */
	snprintf(err, errsz, "%s", db->err);
	return -2;
}

void
db_set_actor(struct db *db, const char *who, const char *source)
{
	if (who)
		snprintf(db->who, sizeof(db->who), "%s", who);
	if (source)
		snprintf(db->source, sizeof(db->source), "%s", source);
}

/* Explains a failed write of a form in the user's terms. */
static int
write_error(struct db *db, const struct entity *e, char *err, size_t errsz)
{
	if ((sqlite3_extended_errcode(db->h) & 0xff) == SQLITE_CONSTRAINT)
		snprintf(err, errsz, "er bestaat al een %s met deze gegevens", e->singular);
	else
		snprintf(err, errsz, "%s", db->err);
	return -2;
}

int
db_insert(struct db *db, const struct entity *e, const char *const *vals,
	  long long *id, char *err, size_t errsz)
{
	long long ids[ENTITY_MAX_FIELDS] = { 0 };
	enum db_change change;
	long long row;
	int rc;

	if (db_begin(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		return -2;
	}
	if ((rc = resolve_all(db, e, vals, ids, err, errsz)) < 0)
		goto out;
	if ((row = find_key(db, e, vals, ids)) != 0) {
		rc = row < 0 ? -2 : -1;
		if (row > 0)
			snprintf(err, errsz, "er bestaat al een %s met deze gegevens", e->singular);
		else
			snprintf(err, errsz, "%s", db->err);
		goto out;
	}
	if ((rc = write_row(db, e, &row, vals, ids, &change)) < 0) {
		write_error(db, e, err, errsz);
		goto out;
	}
	*id = row;
	if (db_commit(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		return -2;
	}
	return 0;
out:
	db_rollback(db);
	return rc;
}

/* SELECT of the canonical values (references as their text), for export
 * and forms. */
static void
canonical_select(const struct entity *e, char *sql, size_t sqlsz)
{
	snprintf(sql, sqlsz, "SELECT ");
	for (int j = 0; j < e->nfields; j++) {
		const struct field *f = &e->fields[j];
		const char *sep = j ? ", " : "";
		size_t len = strlen(sql);

		if (f->type == FT_DOMAIN)
			snprintf(sql + len, sqlsz - len,
				 "%s(SELECT naam FROM domeinen d WHERE d.id = t.domein_id)", sep);
		else if (f->type == FT_MEETING)
			snprintf(sql + len, sqlsz - len,
				 "%s(SELECT datum FROM vergaderingen v WHERE v.id = t.vergadering_id)", sep);
		else if (f->type == FT_ACTIELIJN)
			snprintf(sql + len, sqlsz - len,
				 "%s(SELECT titel FROM actielijnen a WHERE a.id = t.actielijn_id)", sep);
		else
			snprintf(sql + len, sqlsz - len, "%st.%s", sep, f->column);
	}
	snprintf(sql + strlen(sql), sqlsz - strlen(sql), " FROM %s t", e->name);
}

int
db_get(struct db *db, const struct entity *e, long long id, char **vals)
{
	char sql[2048];
	sqlite3_stmt *st;
	int rc;

	canonical_select(e, sql, sizeof(sql));
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " WHERE t.id = ?1");
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, e->name);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	for (int j = 0; j < e->nfields; j++) {
		const char *v = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, j) : NULL;

		vals[j] = strdup(v ? v : "");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(db, e->name);
	return rc == SQLITE_ROW ? 1 : 0;
}

void
db_free_row(const struct entity *e, char **vals)
{
	for (int j = 0; j < e->nfields; j++) {
		free(vals[j]);
		vals[j] = NULL;
	}
}

int
db_update(struct db *db, const struct entity *e, long long id, const char *const *orig,
	  const char *const *vals, char **current, char *err, size_t errsz)
{
	long long ids[ENTITY_MAX_FIELDS] = { 0 };
	enum db_change change;
	long long other;
	int rc, found;

	if (db_begin(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		return -2;
	}
	/* Someone else may have saved this entry since the form opened. */
	if ((found = db_get(db, e, id, current)) < 0) {
		rc = -2;
		snprintf(err, errsz, "%s", db->err);
		goto out;
	}
	for (int j = 0; found && j < e->nfields; j++) {
		if (strcmp(current[j], orig[j] ? orig[j] : "") != 0) {
			snprintf(err, errsz, "iemand anders heeft deze %s intussen gewijzigd", e->singular);
			rc = DB_CONFLICT;
			goto out;
		}
	}
	if (!found) {
		snprintf(err, errsz, "iemand anders heeft deze %s intussen verwijderd", e->singular);
		rc = DB_GONE;
		goto out;
	}
	if ((rc = resolve_all(db, e, vals, ids, err, errsz)) < 0)
		goto out;
	if ((other = find_key(db, e, vals, ids)) != 0 && other != id) {
		snprintf(err, errsz, "er bestaat al een %s met deze gegevens", e->singular);
		rc = -1;
		goto out;
	}
	if ((rc = write_row(db, e, &id, vals, ids, &change)) < 0) {
		write_error(db, e, err, errsz);
		goto out;
	}
	db_free_row(e, current);
	if (db_commit(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		return -2;
	}
	return 0;
out:
	if (rc != DB_CONFLICT)	/* only a conflict hands `current` over */
		db_free_row(e, current);
	db_rollback(db);
	return rc;
}

/* How a reference field reacts when what it points to is deleted: a
 * reference that is part of the natural key cannot outlive its target
 * (ON DELETE CASCADE in the schema); any other is cleared (SET NULL). */
static const struct entity *
ref_target(const struct field *f)
{
	switch (f->type) {
	case FT_DOMAIN:
		return &entity_domeinen;
	case FT_MEETING:
		return &entity_vergaderingen;
	case FT_ACTIELIJN:
		return &entity_actielijnen;
	default:
		return NULL;
	}
}

/* Runs sql (a query of ids; ?1 = id when id >= 0) and collects the ids,
 * malloc'd into *out. */
static int
select_ids(struct db *db, const struct entity *e, const char *sql, long long id,
	   long long **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, e->name);
	if (id >= 0)
		sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			long long *p = realloc(*out, (cap = cap ? cap * 2 : 16) * sizeof(**out));

			if (!p) {
				snprintf(db->err, sizeof(db->err), "out of memory");
				break;
			}
			*out = p;
		}
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE) {
		if (rc != SQLITE_ROW)
			fail(db, e->name);
		sqlite3_finalize(st);
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Ids of rows of d whose column col is id. */
static int
referring(struct db *db, const struct entity *d, const char *col, long long id,
	  long long **out, size_t *n)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE %s = ?1 ORDER BY id", d->name, col);
	return select_ids(db, d, sql, id, out, n);
}

/* Deletes row id of e and what depends on it, recording each step so that
 * undo can put everything back: dependants first, the row last. */
static int
delete_rec(struct db *db, const struct entity *e, long long id)
{
	char sql[256], col[64], idtext[32];

	for (int i = 0; i < entity_count; i++) {
		const struct entity *d = entities[i];

		for (int j = 0; j < d->nfields; j++) {
			const struct field *f = &d->fields[j];
			long long *rows;
			size_t n;
			int rc = 0;

			if (ref_target(f) != e)
				continue;
			sql_column(f, col, sizeof(col));
			if (referring(db, d, col, id, &rows, &n) < 0)
				return -1;
			snprintf(idtext, sizeof(idtext), "%lld", id);
			for (size_t k = 0; k < n && rc == 0; k++) {
				if (f->key) {
					rc = delete_rec(db, d, rows[k]);
					continue;
				}
				snprintf(sql, sizeof(sql), "UPDATE %s SET %s = NULL WHERE id = %lld",
					 d->name, col, rows[k]);
				rc = log_field(db, d, rows[k], col, idtext, NULL);
				if (rc == 0)
					rc = db_exec(db, sql);
			}
			free(rows);
			if (rc < 0)
				return -1;
		}
	}
	if (log_row(db, e, id, true) < 0)
		return -1;
	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE id = %lld", e->name, id);
	if (db_exec(db, sql) < 0)
		return -1;
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return 0;
}

int
db_delete(struct db *db, const struct entity *e, long long id, char *err, size_t errsz)
{
	if (db_begin(db) < 0 || delete_rec(db, e, id) < 0 || db_commit(db) < 0) {
		snprintf(err, errsz, "%s", db->err);
		db_rollback(db);
		return -2;
	}
	return 0;
}

int
db_dependents(struct db *db, const struct entity *e, long long id, char *buf, size_t bufsz)
{
	char col[64];

	*buf = '\0';
	for (int i = 0; i < entity_count; i++) {
		const struct entity *d = entities[i];

		for (int j = 0; j < d->nfields; j++) {
			const struct field *f = &d->fields[j];
			long long *rows;
			size_t n;

			if (ref_target(f) != e || !f->key)
				continue;
			sql_column(f, col, sizeof(col));
			if (referring(db, d, col, id, &rows, &n) < 0)
				return -1;
			free(rows);
			if (n)
				snprintf(buf + strlen(buf), bufsz - strlen(buf), "%s%zu %s",
					 *buf ? ", " : "", n, n == 1 ? d->singular : d->name);
		}
	}
	return 0;
}

int
db_row_json(struct db *db, const struct entity *e, long long id, char **json)
{
	char sql[1024], col[64];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT json_object(");
	for (int j = 0; j < e->nfields; j++) {
		sql_column(&e->fields[j], col, sizeof(col));
		snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), "%s'%s', %s", j ? ", " : "", col, col);
	}
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), ") FROM %s WHERE id = ?1", e->name);
	*json = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, e->name);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*json = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(db, e->name);
	return rc == SQLITE_ROW ? 1 : 0;
}

/* Runs a write statement of e with ?1 = id and ?2 = text. */
static int
exec_id_text(struct db *db, const struct entity *e, const char *sql, long long id,
	     const char *text)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, e->name);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(db, e->name);
	if (e == &entity_domeinen)
		db->ndomains = -1;
	return 0;
}

int
db_restore(struct db *db, const struct entity *e, long long id, const char *json)
{
	char sql[1024], col[64], vals[512] = "";

	snprintf(sql, sizeof(sql), "INSERT INTO %s (id", e->name);
	for (int j = 0; j < e->nfields; j++) {
		sql_column(&e->fields[j], col, sizeof(col));
		snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), ", %s", col);
		snprintf(vals + strlen(vals), sizeof(vals) - strlen(vals), ", json_extract(?2, '$.%s')", col);
	}
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), ") VALUES (?1%s)", vals);
	if (exec_id_text(db, e, sql, id, json) < 0)
		return -1;
	return log_row(db, e, id, false);
}

int
db_delete_row(struct db *db, const struct entity *e, long long id)
{
	return delete_rec(db, e, id);
}

int
db_set_column(struct db *db, const struct entity *e, long long id, const char *col,
	      const char *expect, const char *value)
{
	char sql[256];
	sqlite3_stmt *st;
	int same = 0;

	/* Columns come from our own history rows; check anyway before
	 * putting one into SQL text. */
	if (strspn(col, "abcdefghijklmnopqrstuvwxyz_") != strlen(col)) {
		snprintf(db->err, sizeof(db->err), "bad column name in history");
		return -1;
	}
	snprintf(sql, sizeof(sql), "SELECT %s IS ?2 FROM %s WHERE id = ?1", col, e->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, e->name);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, expect, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		same = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!same)
		return DB_CONFLICT;
	if (log_field(db, e, id, col, expect, value) < 0)
		return -1;
	snprintf(sql, sizeof(sql), "UPDATE %s SET %s = ?2 WHERE id = ?1", e->name, col);
	return exec_id_text(db, e, sql, id, value);
}

void
db_last_group(const struct db *db, long long *first, long long *last)
{
	*first = db->group_first;
	*last = db->group_last;
}

long long
db_last_change(struct db *db)
{
	sqlite3_stmt *st;
	long long v = 0;

	if (sqlite3_prepare_v2(db->h, "SELECT ifnull(max(id), 0) FROM historie", -1, &st, NULL) != SQLITE_OK)
		return fail(db, "history");
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
db_keep_only(struct db *db, const struct entity *e, const long long *ids,
	     size_t n, long long *deleted)
{
	sqlite3_stmt *st = NULL;
	char sql[256];
	long long *gone = NULL;
	size_t ngone = 0;
	int rc = 0;

	*deleted = 0;
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS snw_keep (id INTEGER PRIMARY KEY);"
			"DELETE FROM temp.snw_keep") < 0)
		return -1;
	if (prepare(db, "INSERT OR IGNORE INTO temp.snw_keep (id) VALUES (?1)", &st) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = fail(db, e->name);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	snprintf(sql, sizeof(sql), "SELECT id FROM %s WHERE id NOT IN (SELECT id FROM temp.snw_keep)", e->name);
	if (select_ids(db, e, sql, -1, &gone, &ngone) < 0)
		return -1;
	/* Each deleted row goes through delete_rec, so that history and its
	 * dependants are handled as in the dashboard. */
	for (size_t i = 0; i < ngone && rc == 0; i++)
		if (delete_rec(db, e, gone[i]) < 0)
			rc = -1;
	free(gone);
	*deleted = (long long)ngone;
	if (rc == 0)
		rc = db_exec(db, "DELETE FROM temp.snw_keep");
	return rc;
}

/* --- reading ---------------------------------------------------------------- */

/* Export order of each entity: grouped the way people read them, ties in
 * the order rows were added (so export, import, export is stable). */
static const char *
export_order(const struct entity *e)
{
	static const struct { const char *name, *order; } orders[] = {
		{ "domeinen", "volgorde IS NULL, volgorde, id" },
		{ "vergaderingen", "datum, id" },
		{ "successen", "(SELECT volgorde FROM domeinen d WHERE d.id = t.domein_id), jaar, id" },
		{ "actielijnen", "(SELECT volgorde FROM domeinen d WHERE d.id = t.domein_id), id" },
		{ "planning", "datum IS NULL, datum, id" },
		{ "besluiten", "(SELECT datum FROM vergaderingen v WHERE v.id = t.vergadering_id), id" },
		{ "acties", "(SELECT datum FROM vergaderingen v WHERE v.id = t.vergadering_id) IS NULL,"
			    " (SELECT datum FROM vergaderingen v WHERE v.id = t.vergadering_id), id" },
	};

	for (size_t i = 0; i < sizeof(orders) / sizeof(orders[0]); i++)
		if (strcmp(orders[i].name, e->name) == 0)
			return orders[i].order;
	return "id";
}

int
db_each(struct db *db, const struct entity *e,
	int (*fn)(void *ctx, const char *const *vals), void *ctx)
{
	char sql[2048];
	const char *vals[ENTITY_MAX_FIELDS];
	sqlite3_stmt *st;
	int rc, ret = 0;

	canonical_select(e, sql, sizeof(sql));
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " ORDER BY %s", export_order(e));
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, e->name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int j = 0; j < e->nfields; j++) {
			const char *v = (const char *)sqlite3_column_text(st, j);
			vals[j] = v ? v : "";
		}
		if ((ret = fn(ctx, vals)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = fail(db, e->name);
	sqlite3_finalize(st);
	return ret;
}

long long
db_count(struct db *db, const struct entity *e)
{
	char sql[128];
	sqlite3_stmt *st;
	long long n = -1;

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", e->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, e->name);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
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

long long
db_meeting_by_date(struct db *db, const char *date)
{
	sqlite3_stmt *st = db->meeting_by_date;
	long long id = 0;
	int rc;

	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		id = fail(db, "vergaderingen");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return id;
}

/* --- statement wrapper ------------------------------------------------------ */

struct db_stmt *
db_prepare(struct db *db, const char *sql)
{
	struct db_stmt *s = calloc(1, sizeof(*s));

	if (!s) {
		snprintf(db->err, sizeof(db->err), "out of memory");
		return NULL;
	}
	s->db = db;
	if (sqlite3_prepare_v2(db->h, sql, -1, &s->st, NULL) != SQLITE_OK) {
		fail(db, "query");
		free(s);
		return NULL;
	}
	return s;
}

void
db_bind_text(struct db_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s->st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s->st, i);
}

void
db_bind_int(struct db_stmt *s, int i, long long v)
{
	sqlite3_bind_int64(s->st, i, v);
}

int
db_step(struct db_stmt *s)
{
	int rc = sqlite3_step(s->st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return fail(s->db, "query");
}

const char *
db_col_text(struct db_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s->st, i);

	return v ? v : "";
}

long long
db_col_int(struct db_stmt *s, int i)
{
	return sqlite3_column_int64(s->st, i);
}

void
db_reset(struct db_stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
}

void
db_finalize(struct db_stmt *s)
{
	if (s) {
		sqlite3_finalize(s->st);
		free(s);
	}
}
