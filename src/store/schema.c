/*
 * The schema: the migrations that take a database from one version to the
 * next (append-only: a migration that has shipped is never edited), and
 * running them when a database is opened. Also the check that a file is
 * ours before anything is written to it.
 */

#include <stdio.h>
#include <string.h>

#include "store.h"
#include "core/fault.h"

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

int
db_schema_version(void)
{
	return SCHEMA_VERSION;
}

/*
 * The counts that triggers keep, for the bulk path of large imports
 * (bulk.c), which drops such a trigger and counts in memory: migration
 * 2 -> 3 made actielijn_telling, counting actielijnen per domain and
 * status.
 */
const struct store_tally store_tallies[] = {
	{ &entity_actielijnen, "actielijn_telling_insert", "actielijn_telling", "domein", "status" },
};
const int store_ntallies = (int)(sizeof(store_tallies) / sizeof(store_tallies[0]));

/* PRAGMA user_version: 0 or more, or a failure. */
static int
user_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v < 0 ? store_fail(db) : v;
}

/* Brings the schema up to SCHEMA_VERSION inside one transaction: either
 * all migrations apply or the file stays as it was. */
enum result
store_migrate(struct db *db)
{
	char sql[64];
	int v = user_version(db);
	enum result rc;

	if (v < 0)
		return (enum result)v;
	if (v > SCHEMA_VERSION) {
		store_result(db, RES_TOO_NEW);
		db->res.n = v;
		db->res.m = SCHEMA_VERSION;
		return RES_TOO_NEW;
	}
	if (v == SCHEMA_VERSION)
		return RES_OK;
	if (db->ro) {
		store_result(db, RES_OLD_SCHEMA);
		db->res.n = v;
		return RES_OLD_SCHEMA;
	}
	/* A migration may build a table anew; with foreign keys on, dropping
	 * the old one would clear or delete what refers to it. (The pragma
	 * has no effect inside a transaction, so it goes first.) */
	if ((rc = db_exec(db, "PRAGMA foreign_keys = OFF")) < 0 || (rc = db_begin(db)) < 0)
		return rc;
	for (; v < SCHEMA_VERSION; v++) {
		if (sqlite3_exec(db->h, migrations[v], NULL, NULL, NULL) != SQLITE_OK) {
			rc = store_fail(db);
			db_rollback(db);
			return rc;
		}
		fault_point("migrate");
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", SCHEMA_VERSION);
	if ((rc = db_exec(db, sql)) < 0) {
		db_rollback(db);
		return rc;
	}
	if ((rc = db_commit(db)) < 0)
		return rc;
	return db_exec(db, "PRAGMA foreign_keys = ON");
}

/* Refuses an SQLite file that some other program made (schema version 0
 * yet tables in it), before anything is written to it; a damaged file
 * fails here too, on the first read. */
enum result
store_check_ours(struct db *db)
{
	sqlite3_stmt *st;
	int rc, v;

	if ((v = user_version(db)) != 0)
		return v < 0 ? (enum result)v : RES_OK;
	if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	rc = sqlite3_step(st);
	v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (v < 0)
		return store_fail(db);
	if (v > 0)
		return store_result(db, RES_NOT_OURS);
	return RES_OK;
}
