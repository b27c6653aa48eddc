/*
 * Editing through the db layer as the dashboard's forms use it: history
 * of every change, undo/redo including cascaded deletes, and the
 * conflict check between two connections on one file.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <unistd.h>

#include <sqlite3.h>

#include "helpers.h"
#include "cli/log.h"
#include "model/history.h"

/* Forms hold canonical values, as db_get returns them. */
#define EID "Eigenaarschap, Inclusie en Democratie"

static struct db *db;

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	db = test_db_with_domains();
	db_set_actor(db, "procesmanager", "form");
}

static void
teardown(void)
{
	db_close(db);
}

TestSuite(edit, .init = setup, .fini = teardown);

static const struct entity *
E(const char *name)
{
	return entity_find(name);
}

/* A meeting with one decision and two actions; returns the meeting id. */
static long long
add_meeting(void)
{
	const char *m[ENTITY_MAX_FIELDS] = { "2023-07-04", "AB-vergadering", "Bijeenkomst AB 4 juli", "" };
	const char *b[ENTITY_MAX_FIELDS] = { "2023-07-04", "3. Vertrouwensprotocol", "Vertrouwensprotocol is vastgesteld." };
	const char *a1[ENTITY_MAX_FIELDS] = { "2023-07-04", "Randvoorwaarden steviger formuleren", "Sjoukje Alta", "", "", "" };
	const char *a2[ENTITY_MAX_FIELDS] = { "2023-07-04", "Advies Bureau Integriteit agenderen", "Burgemeester", "", "open", "" };

	long long id, x;

	cr_assert_eq(db_insert(db, E("vergaderingen"), m, &id), 0, "%s", test_why(db));
	cr_assert_eq(db_insert(db, E("besluiten"), b, &x), 0, "%s", test_why(db));
	cr_assert_eq(db_insert(db, E("acties"), a1, &x), 0, "%s", test_why(db));
	cr_assert_eq(db_insert(db, E("acties"), a2, &x), 0, "%s", test_why(db));
	return id;
}

Test(edit, insert_records_who_when_what)
{
	const char *v[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "gepland", "", "" };
	char last[128];
	long long id;

	cr_assert_eq(db_insert(db, E("actielijnen"), v, &id), 0, "%s", test_why(db));
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie WHERE tabel = 'actielijnen'"
				  " AND wie = 'procesmanager' AND bron = 'form' AND veld IS NULL"
				  " AND json_extract(nieuw, '$.titel') = 'Buurtbanen'"), 1);
	cr_assert_eq(history_last(db, "actielijnen", id, last, sizeof(last)), 0);
	cr_assert(strstr(last, "door procesmanager"), "%s", last);
}

Test(edit, insert_with_existing_key_is_refused)
{
	const char *v[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "", "", "" };
	long long id;

	cr_assert_eq(db_insert(db, E("actielijnen"), v, &id), RES_OK);
	cr_assert_eq(db_insert(db, E("actielijnen"), v, &id), RES_DUPLICATE);
	cr_assert_eq(db_result(db)->field, -1, "the key as a whole");
	cr_assert_str_eq(test_why(db), "er bestaat al een actielijn met deze gegevens");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 1);
}

Test(edit, update_records_old_and_new_per_field)
{
	const char *v[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "gepland", "", "" };
	const char *w[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "Ünver", "lopend", "2024-01-01", "" };
	char *cur[ENTITY_MAX_FIELDS];
	long long id;

	cr_assert_eq(db_insert(db, E("actielijnen"), v, &id), 0);
	cr_assert_eq(db_update(db, E("actielijnen"), id, v, w, cur), 0, "%s", test_why(db));
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie WHERE veld = 'status'"
				  " AND oud = 'gepland' AND nieuw = 'lopend'"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie WHERE veld = 'trekker'"
				  " AND oud IS NULL AND nieuw = 'Ünver'"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie WHERE veld = 'titel'"), 0);
}

Test(edit, delete_meeting_takes_decisions_and_actions_and_undo_brings_them_back)
{
	long long id = add_meeting(), f, l;
	struct change_group g, undone, redone;
	struct dependents d;
	char deps[128];

	cr_assert_eq(db_dependents(db, E("vergaderingen"), id, &d), RES_OK);
	cr_assert_str_eq(dependents_text(&d, deps, sizeof(deps)), "1 besluit, 2 acties");
	cr_assert_eq(db_delete(db, E("vergaderingen"), id), 0, "%s", test_why(db));
	cr_assert_eq(test_int(db, "SELECT count(*) FROM besluiten"), 0);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM acties"), 0);
	db_last_group(db, &f, &l);
	g = (struct change_group){ f, l };
	cr_assert_eq(l - f + 1, 4, "one history row per deleted entry");

	cr_assert_eq(db_revert(db, g, &undone), RES_OK, "%s", test_why(db));
	cr_assert_eq(test_int(db, "SELECT count(*) FROM vergaderingen"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM besluiten b JOIN vergaderingen v ON v.id = b.vergadering_id"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM acties a JOIN vergaderingen v ON v.id = a.vergadering_id"), 2);
	cr_assert_str_eq(test_text(db, "SELECT eigenaar FROM acties WHERE status = 'open'"), "Burgemeester");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie WHERE bron = 'undo'"), 4);

	/* Redo is reverting the undo. */
	cr_assert_eq(db_revert(db, undone, &redone), RES_OK, "%s", test_why(db));
	cr_assert_eq(test_int(db, "SELECT count(*) FROM vergaderingen"), 0);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM acties"), 0);
}

Test(edit, undo_of_an_edit_restores_the_old_values)
{
	const char *v[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "gepland", "", "" };
	const char *w[ENTITY_MAX_FIELDS] = { "Veiligheid", "Buurtbanen!", "x", "", "lopend", "", "" };
	char *cur[ENTITY_MAX_FIELDS];
	long long id, f, l;
	struct change_group undone;

	cr_assert_eq(db_insert(db, E("actielijnen"), v, &id), 0);
	cr_assert_eq(db_update(db, E("actielijnen"), id, v, w, cur), 0, "%s", test_why(db));
	db_last_group(db, &f, &l);
	cr_assert_eq(db_revert(db, (struct change_group){ f, l }, &undone), RES_OK, "%s", test_why(db));
	cr_assert_str_eq(test_text(db, "SELECT d.code || '|' || a.titel || '|' || ifnull(a.toelichting, '-')"
				       " || '|' || a.status FROM actielijnen a JOIN domeinen d ON d.id = a.domein_id"),
			 "EID|Buurtbanen|-|gepland");
}

Test(edit, undo_refuses_when_someone_else_changed_the_entry)
{
	const char *v[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "gepland", "", "" };
	const char *w[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "lopend", "", "" };
	const char *x[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "afgerond", "", "" };
	char *cur[ENTITY_MAX_FIELDS];
	long long id, f, l;
	struct change_group undone;

	cr_assert_eq(db_insert(db, E("actielijnen"), v, &id), 0);
	cr_assert_eq(db_update(db, E("actielijnen"), id, v, w, cur), 0);
	db_last_group(db, &f, &l);
	cr_assert_eq(db_update(db, E("actielijnen"), id, w, x, cur), 0);
	cr_assert_eq(db_revert(db, (struct change_group){ f, l }, &undone), RES_CONFLICT);
	cr_assert_str_eq(test_why(db), "iemand anders heeft deze actielijn intussen gewijzigd");
	cr_assert_str_eq(test_text(db, "SELECT status FROM actielijnen"), "afgerond");
}

Test(edit, conflict_between_two_connections_never_overwrites)
{
	struct result_info why;
	const char *dir = test_tmpdir();
	char path[256], *cur[ENTITY_MAX_FIELDS] = { NULL };
	struct db *a, *b;
	const char *v[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "gepland", "", "" };
	const char *mine[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "procesmanager", "gepland", "", "" };
	const char *theirs[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "lopend", "", "" };
	enum db_change ch;
	long long id;

	snprintf(path, sizeof(path), "%s/snw.db", dir);
	cr_assert_eq(db_create(path, &a, &why), 0, "%s", test_result(&why));
	cr_assert_eq(db_upsert(a, E("domeinen"), (const char *[ENTITY_MAX_FIELDS]){ "EID", EID, "", "domein", "1" },
			       &ch, NULL), 0);
	cr_assert_eq(db_insert(a, E("actielijnen"), v, &id), 0, "%s", test_why(a));
	cr_assert_eq(db_open(path, false, &b, &why), 0, "%s", test_result(&why));

	/* Both open the form on the same values; b saves first. */
	cr_assert_eq(db_update(b, E("actielijnen"), id, v, theirs, cur), 0, "%s", test_why(b));
	cr_assert_eq(db_update(a, E("actielijnen"), id, v, mine, cur), RES_CONFLICT);
	cr_assert_str_eq(cur[4], "lopend", "the other version is shown to the user");
	db_free_row(E("actielijnen"), cur);
	cr_assert_str_eq(test_text(a, "SELECT status FROM actielijnen"), "lopend");
	cr_assert_eq(test_int(a, "SELECT trekker IS NULL FROM actielijnen"), 1);

	/* Choosing to keep mine: save again on top of what is there now. */
	cr_assert_eq(db_update(a, E("actielijnen"), id, theirs, mine, cur), 0, "%s", test_why(a));
	cr_assert_str_eq(test_text(b, "SELECT trekker FROM actielijnen"), "procesmanager");

	/* Deleted in between. */
	cr_assert_eq(db_delete(b, E("actielijnen"), id), 0);
	cr_assert_eq(db_update(a, E("actielijnen"), id, mine, theirs, cur), RES_GONE);
	db_close(a);
	db_close(b);
}

Test(edit, import_changes_are_recorded_and_logged)
{
	const char *dir = test_tmpdir();
	const char *path = test_write_file(dir, "actielijnen.csv", "domein,titel,status\nEID,A,lopend\n", 33);
	struct import_result r = test_import(db, &path, 1, NULL);
	char *out;
	size_t len;
	FILE *fp = open_memstream(&out, &len);

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(log_write(db, &(struct log_query){ .limit = 10 }, fp), 0);
	fclose(fp);
	cr_assert(strstr(out, "actielijn"), "%s", out);
	cr_assert(strstr(out, "toegevoegd: \"A\""), "%s", out);
	free(out);
	test_import_free(&r);
}

/* An import records the entries it adds as runs of ids, one history row
 * per run, not one per entry; an entry in the middle of a run still says
 * when it came and from whom. */
Test(edit, import_records_added_entries_as_runs)
{
	static const char csv[] = "domein,titel,status\nEID,A,lopend\nEID,B,\nEID,A,gepland\nEID,C,\n";
	const char *dir = test_tmpdir();
	const char *path = test_write_file(dir, "actielijnen.csv", csv, sizeof(csv) - 1);
	struct import_result r = test_import(db, &path, 1, NULL);
	long long b = test_int(db, "SELECT id FROM actielijnen WHERE titel = 'B'");
	char when[128], *out;
	size_t len;
	FILE *fp;

	cr_assert_eq(r.status, 0, "%s", r.err);
	/* A and B, then the change of A's status, then C. */
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie WHERE tot IS NOT NULL AND tabel = 'actielijnen'"), 2);
	cr_assert_eq(test_int(db, "SELECT tot - rij FROM historie WHERE id ="
			      " (SELECT min(id) FROM historie WHERE tabel = 'actielijnen')"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie WHERE veld = 'status'"), 1);
	cr_assert_eq(history_last(db, "actielijnen", b, when, sizeof(when)), 0);
	cr_assert(strstr(when, " door "), "'%s'", when);

	fp = open_memstream(&out, &len);
	cr_assert_eq(log_write(db, &(struct log_query){ .limit = 10 }, fp), 0);
	fclose(fp);
	/* A short run shows entry by entry. */
	cr_assert(strstr(out, "toegevoegd: \"A\""), "%s", out);
	cr_assert(strstr(out, "toegevoegd: \"B\""), "%s", out);
	cr_assert(strstr(out, "toegevoegd: \"C\""), "%s", out);
	cr_assert(strstr(out, "Status: lopend -> gepland"), "%s", out);
	free(out);
	test_import_free(&r);

	/* A long one as one line. */
	r = IMPORT("actielijnen.csv", "domein,titel\nEID,1\nEID,2\nEID,3\nEID,4\nEID,5\nEID,6\n"
		   "EID,7\nEID,8\nEID,9\nEID,10\nEID,11\nEID,12\n");
	cr_assert_eq(r.status, 0, "%s", r.err);
	fp = open_memstream(&out, &len);
	cr_assert_eq(log_write(db, &(struct log_query){ .limit = 1 }, fp), 0);
	fclose(fp);
	cr_assert(strstr(out, "toegevoegd: 12 actielijnen"), "%s", out);
	free(out);
	test_import_free(&r);
}

/* The columns migration 5 -> 6 adds, dropped again. */
#define SCHEMA_5_COLUMNS \
	"ALTER TABLE domeinen DROP COLUMN bron; ALTER TABLE vergaderingen DROP COLUMN bron;" \
	"ALTER TABLE successen DROP COLUMN bron; ALTER TABLE actielijnen DROP COLUMN groep;" \
	"ALTER TABLE actielijnen DROP COLUMN bron; ALTER TABLE planning DROP COLUMN bron;" \
	"ALTER TABLE besluiten DROP COLUMN bron; ALTER TABLE acties DROP COLUMN bron;"

/* Turns a current database into one of schema version 1. */
#define SCHEMA_1 \
	"DROP TRIGGER actielijn_telling_insert; DROP TRIGGER actielijn_telling_delete;" \
	"DROP TRIGGER actielijn_telling_update; DROP TABLE actielijn_telling;" \
	"CREATE INDEX actielijnen_status ON actielijnen(domein_id, status);" \
	"DROP TABLE historie; DROP TABLE gegevens;" SCHEMA_5_COLUMNS "PRAGMA user_version = 1"

/* A new database file has 16 KB pages (see db_create); an existing one
 * keeps what it has. */
Test(edit, new_database_has_large_pages)
{
	struct result_info why;
	const char *dir = test_tmpdir();
	char path[256];
	struct db *a;

	snprintf(path, sizeof(path), "%s/new.db", dir);
	cr_assert_eq(db_create(path, &a, &why), 0, "%s", test_result(&why));
	cr_assert_eq(test_int(a, "PRAGMA page_size"), 16384);
	cr_assert_str_eq(test_text(a, "PRAGMA journal_mode"), "wal");
	db_close(a);
	cr_assert_eq(db_open(path, false, &a, &why), 0, "%s", test_result(&why));
	cr_assert_eq(test_int(a, "PRAGMA page_size"), 16384);
	db_close(a);
}

Test(edit, migration_from_schema_1_keeps_the_data)
{
	struct result_info why;
	const char *dir = test_tmpdir();
	char path[256];
	struct db *a;
	const char *v[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "", "", "" };
	enum db_change ch;

	snprintf(path, sizeof(path), "%s/old.db", dir);
	cr_assert_eq(db_create(path, &a, &why), 0, "%s", test_result(&why));
	cr_assert_eq(db_upsert(a, E("domeinen"), (const char *[ENTITY_MAX_FIELDS]){ "EID", EID, "", "domein", "1" },
			       &ch, NULL), 0);
	cr_assert_eq(db_upsert(a, E("actielijnen"), v, &ch, NULL), 0);
	/* Make it look like a database of schema 1, before the history and
	 * the status counts existed. */
	cr_assert_eq(db_exec(a, SCHEMA_1), 0);
	db_close(a);

	cr_assert_eq(db_open(path, false, &a, &why), 0, "%s", test_result(&why));
	cr_assert_eq(test_int(a, "PRAGMA user_version"), db_schema_version());
	cr_assert_eq(test_int(a, "SELECT count(*) FROM historie"), 0);
	cr_assert_str_eq(test_text(a, "SELECT titel FROM actielijnen"), "Buurtbanen");
	/* The counts were filled from the rows that were there. */
	cr_assert_eq(test_int(a, "SELECT n FROM actielijn_telling WHERE status = ''"), 1);
	/* A database that holds something was complete: it is marked so. */
	cr_assert_eq(test_int(a, "SELECT count(*) FROM gegevens WHERE sleutel = 'compleet'"), 1);
	cr_assert_eq(test_complete(a), 1);
	db_close(a);

	/* Read-only cannot migrate, and says so. */
	cr_assert_eq(db_open(path, false, &a, &why), 0);
	cr_assert_eq(db_exec(a, SCHEMA_1), 0);
	db_close(a);
	cr_assert_eq(db_open(path, true, &a, &why), RES_OLD_SCHEMA);
	cr_assert(strstr(test_result(&why), "heeft een ouder schema (1)"), "%s", test_result(&why));
}

/* A database that snw wrote at schema 3 (tests/fixtures/schema3.sql, the
 * shipped data) comes through the rebuild of actielijnen whole: the same
 * ids, planning still pointing at them, the key still unique, the counts
 * still kept, the old history still readable. */
Test(edit, migration_from_schema_3_rebuilds_actielijnen_without_loss)
{
	struct result_info why;
	const char *dir = test_tmpdir();
	char path[256], *sql, *out;
	const char *dup[ENTITY_MAX_FIELDS] = { "EID", "", "", "", "", "", "" };
	sqlite3 *raw;
	struct db *a;
	long long id;
	size_t len;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/schema3.db", dir);
	cr_assert(sql = test_read_file("tests/fixtures/schema3.sql", &len));
	cr_assert_eq(sqlite3_open(path, &raw), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(raw));
	sqlite3_close(raw);
	free(sql);

	cr_assert_eq(db_open(path, false, &a, &why), 0, "%s", test_result(&why));
	cr_assert_eq(test_int(a, "PRAGMA user_version"), db_schema_version());
	cr_assert_str_eq(test_text(a, "PRAGMA integrity_check"), "ok");
	cr_assert_eq(test_int(a, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	cr_assert_eq(test_int(a, "SELECT count(*) FROM actielijnen"), 46);
	cr_assert_eq(test_int(a, "SELECT count(*) FROM planning WHERE actielijn_id IS NOT NULL"), 15);
	cr_assert_eq(test_int(a, "SELECT count(*) FROM planning p JOIN actielijnen a ON a.id = p.actielijn_id"), 15);
	cr_assert_eq(test_int(a, "SELECT count(*) FROM sqlite_master WHERE name = 'actielijnen_sleutel'"), 1);

	/* The key is still unique, and the triggers still count. */
	dup[1] = test_text(a, "SELECT titel FROM actielijnen WHERE domein_id = 1 LIMIT 1");
	cr_assert_eq(db_insert(a, E("actielijnen"), dup, &id), RES_DUPLICATE);
	dup[1] = "Nieuw na de migratie";
	cr_assert_eq(db_insert(a, E("actielijnen"), dup, &id), 0, "%s", test_why(a));
	cr_assert_eq(test_int(a, "SELECT sum(n) FROM actielijn_telling"), 47);

	/* History from before the migration (one row per added entry) and
	 * after it both read. */
	fp = open_memstream(&out, &len);
	cr_assert_eq(log_write(a, &(struct log_query){ .limit = 500 }, fp), 0);
	fclose(fp);
	cr_assert(strstr(out, "toegevoegd: \"Nieuw na de migratie\""), "%s", out);
	cr_assert(strstr(out, "toegevoegd: \"Ontwikkeling van wijkallianties in focusbuurten"), "%s", out);
	free(out);
	db_close(a);
}

Test(edit, status_counts_follow_every_write)
{
	const char *v[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "gepland", "", "" };
	const char *w[ENTITY_MAX_FIELDS] = { EID, "Buurtbanen", "", "", "lopend", "", "" };
	char *cur[ENTITY_MAX_FIELDS];
	long long id;

	cr_assert_eq(db_insert(db, E("actielijnen"), v, &id), 0, "%s", test_why(db));
	cr_assert_eq(test_int(db, "SELECT n FROM actielijn_telling WHERE status = 'gepland'"), 1);
	cr_assert_eq(db_update(db, E("actielijnen"), id, v, w, cur), 0, "%s", test_why(db));
	cr_assert_eq(test_int(db, "SELECT n FROM actielijn_telling WHERE status = 'gepland'"), 0);
	cr_assert_eq(test_int(db, "SELECT n FROM actielijn_telling WHERE status = 'lopend'"), 1);
	cr_assert_eq(db_delete(db, E("actielijnen"), id), 0, "%s", test_why(db));
	cr_assert_eq(test_int(db, "SELECT sum(n) FROM actielijn_telling"), 0);
}

Test(edit, search_function_folds_case_and_diacritic_capitals)
{
	cr_assert_eq(test_int(db, "SELECT snw_contains('ünver', 'Emre Ünver')"), 1);
	cr_assert_eq(test_int(db, "SELECT snw_contains('COÖP', 'Coöperatie')"), 1);
	cr_assert_eq(test_int(db, "SELECT snw_contains('0%', '100% zeker')"), 1);
	cr_assert_eq(test_int(db, "SELECT snw_contains('wonen', 'Veiligheid', NULL, 'Buurt')"), 0);
	cr_assert_eq(test_int(db, "SELECT snw_contains('wonen', NULL, 'Wonen en Leefomgeving')"), 1);
	cr_assert_eq(test_int(db, "SELECT snw_contains('x', NULL)"), 0);
}
