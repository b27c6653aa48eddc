/*
 * Where entries come from and how current the data is: a database of
 * schema 5 gains bron and groep without losing anything, the peildatum
 * rule (model_peildatum), and the search finding an entry by its bron.
 */
#include <criterion/criterion.h>
#include <locale.h>

#include <sqlite3.h>

#include "helpers.h"
#include "cli/log.h"
#include "model/history.h"
#include "model/model.h"

static const struct entity *
E(const char *name)
{
	return entity_find(name);
}

/* The database's peildatum, as the dashboard shows it (static buffer). */
static const char *
peildatum(struct db *db)
{
	static char iso[11];

	cr_assert_eq(model_peildatum(db, iso), RES_OK, "%s", test_why(db));
	return iso;
}

/* Today's local date as the database computes it. */
static const char *
today(struct db *db)
{
	return test_text(db, "SELECT date('now', 'localtime')");
}

/* A database that snw wrote at schema 5 (tests/fixtures/schema5.sql: the
 * shipped data of the time, loaded on 1 February 2024, no bron) opens at
 * the current schema with every row, the new columns empty, its history
 * readable; its peildatum is the date of its newest change, since it
 * states none. */
Test(bron, migration_from_schema_5_keeps_every_row_and_adds_the_columns)
{
	struct result_info why;
	static const struct { const char *table; int rows; } tables[] = {
		{ "domeinen", 8 }, { "vergaderingen", 8 }, { "successen", 31 }, { "actielijnen", 46 },
		{ "planning", 47 }, { "besluiten", 56 }, { "acties", 66 },
	};
	const char *dir = test_tmpdir();
	char path[256], sql[256], *text, *cur[ENTITY_MAX_FIELDS] = { NULL }, *old[ENTITY_MAX_FIELDS] = { NULL };
	const char *nieuw[ENTITY_MAX_FIELDS];
	sqlite3 *raw;
	struct db *a;
	long long id;
	size_t len;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/schema5.db", dir);
	cr_assert(text = test_read_file("tests/fixtures/schema5.sql", &len));
	cr_assert_eq(sqlite3_open(path, &raw), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(raw, text, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(raw));
	sqlite3_close(raw);
	free(text);

	cr_assert_eq(db_open(path, false, &a, &why), 0, "%s", test_result(&why));
	cr_assert_eq(test_int(a, "PRAGMA user_version"), db_schema_version());
	cr_assert_str_eq(test_text(a, "PRAGMA integrity_check"), "ok");
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", tables[i].table);
		cr_assert_eq(test_int(a, sql), tables[i].rows, "%s", tables[i].table);
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE bron IS NULL", tables[i].table);
		cr_assert_eq(test_int(a, sql), tables[i].rows, "%s: bron added, empty", tables[i].table);
	}
	cr_assert_eq(test_int(a, "SELECT count(*) FROM actielijnen WHERE groep IS NULL"), 46);
	cr_assert_str_eq(test_text(a, "SELECT eigenaar FROM acties WHERE actie LIKE '11 januari%'"), "Frank");
	cr_assert_eq(test_int(a, "SELECT sum(n) FROM actielijn_telling"), 46);
	cr_assert_eq(test_complete(a), 1);
	cr_assert_str_eq(peildatum(a), "2024-02-01");

	/* The new column is edited and recorded like any other. */
	id = test_int(a, "SELECT id FROM acties WHERE actie LIKE '11 januari%'");
	cr_assert_eq(db_get(a, E("acties"), id, old), RES_OK);
	for (int j = 0; j < E("acties")->nfields; j++)
		nieuw[j] = old[j];
	nieuw[entity_field_index(E("acties"), "bron")] = "AB 21-12-2023, agendapunt 1";
	db_set_actor(a, "procesmanager", "form");
	cr_assert_eq(db_update(a, E("acties"), id, (const char *const *)old, nieuw, cur), 0,
		     "%s", test_why(a));
	db_free_row(E("acties"), old);
	fp = open_memstream(&text, &len);
	cr_assert_eq(log_write(a, &(struct log_query){ .limit = 2 }, fp), 0);
	fclose(fp);
	cr_assert(strstr(text, "Bron: (leeg) -> AB 21-12-2023, agendapunt 1"), "%s", text);
	cr_assert(strstr(text, "toegevoegd: 66 acties"), "the history of the load is still there: %s", text);
	free(text);
	cr_assert_str_eq(peildatum(a), today(a), "an edit makes the data current");
	db_close(a);
}

/* Loading data that states its peildatum: the load itself is no change;
 * the date stays the stated one until something changes after it, and
 * is then the newer of the two. */
Test(bron, the_stated_peildatum_holds_until_a_later_change)
{
	struct db *db;
	const char *dom[ENTITY_MAX_FIELDS] = { "EID", "Eigenaarschap, Inclusie en Democratie" };
	const char *lijn[ENTITY_MAX_FIELDS] = { "EID", "Wijkallianties" };
	enum db_change ch;

	long long id;

	cr_assert_eq(db_open_memory(&db), 0);
	cr_assert_str_eq(peildatum(db), "", "nothing ever happened: no date");
	cr_assert_eq(db_begin(db), 0);
	cr_assert_eq(db_upsert(db, E("domeinen"), dom, &ch, NULL), 0, "%s", test_why(db));
	cr_assert_eq(db_upsert(db, E("actielijnen"), lijn, &ch, NULL), 0, "%s", test_why(db));
	cr_assert_eq(db_state_peildatum(db, "2024-01-25"), RES_OK, "%s", test_why(db));
	cr_assert_eq(db_commit(db), 0);
	cr_assert_str_eq(peildatum(db), "2024-01-25", "the load's own history is not a change");

	lijn[1] = "Buurtbanen";
	cr_assert_eq(db_insert(db, E("actielijnen"), lijn, &id), 0, "%s", test_why(db));
	cr_assert_str_eq(peildatum(db), today(db));
	/* The newer of the two: a change dated before the stated peildatum
	 * does not take it back. */
	cr_assert_eq(db_exec(db, "UPDATE historie SET tijd = '2024-01-20T10:00:00Z'"
				 " WHERE id = (SELECT max(id) FROM historie)"), 0);
	cr_assert_str_eq(peildatum(db), "2024-01-25");
	cr_assert_eq(db_exec(db, "UPDATE historie SET tijd = '2024-03-10T10:00:00Z'"
				 " WHERE id = (SELECT max(id) FROM historie)"), 0);
	cr_assert_str_eq(peildatum(db), "2024-03-10");
	db_close(db);
}

/* Without a stated peildatum (filled by import), every change counts,
 * the first load too. */
Test(bron, without_a_stated_peildatum_the_newest_change_counts)
{
	struct db *db = test_db_with_domains();

	cr_assert_str_eq(peildatum(db), today(db));
	cr_assert_eq(db_exec(db, "UPDATE historie SET tijd = '2023-12-21T09:00:00Z'"), 0);
	cr_assert_str_eq(peildatum(db), "2023-12-21");
	db_close(db);
}

/* The search looks in every entry's bron (and the actielijnen' groep):
 * a hit names the entry and where it is shown. */
Test(bron, search_finds_an_entry_by_its_bron)
{
	struct db *db = test_db_with_domains();
	const char *m[ENTITY_MAX_FIELDS] = { "2023-12-21", "AB-vergadering", "AB 21 december", "", "AB 21-12-2023, besluitenlijst" };
	const char *a[ENTITY_MAX_FIELDS] = { "2023-12-21", "Frank stuurt uitnodiging door.", "Frank", "", "", "",
					     "AB 21-12-2023, agendapunt 1" };
	const char *l[ENTITY_MAX_FIELDS] = { "VEILIG", "Online veiligheid", "", "", "", "", "",
					     "Jaar van de concrete casussen", "Terugblik & vooruitblik 25-1-2024, Veiligheid" };
	struct search_hits hits = { 0 };
	enum db_change ch;

	long long actie, lijn;

	cr_assert_eq(db_upsert(db, E("vergaderingen"), m, &ch, NULL), 0, "%s", test_why(db));
	cr_assert_eq(db_upsert(db, E("acties"), a, &ch, &actie), 0, "%s", test_why(db));
	cr_assert_eq(db_upsert(db, E("actielijnen"), l, &ch, &lijn), 0, "%s", test_why(db));

	cr_assert_eq(model_search(db, "agendapunt 1", &hits), 0);
	cr_assert_eq(hits.n, 1);
	cr_assert_eq(hits.v[0].e, E("acties"));
	cr_assert_eq(hits.v[0].id, actie);
	cr_assert_eq(hits.v[0].ref, test_int(db, "SELECT id FROM vergaderingen"), "shown in its meeting");

	cr_assert_eq(model_search(db, "besluitenlijst", &hits), 0);
	cr_assert_eq(hits.n, 1);
	cr_assert_eq(hits.v[0].e, E("vergaderingen"));

	cr_assert_eq(model_search(db, "concrete casussen", &hits), 0);
	cr_assert_eq(hits.n, 1);
	cr_assert_eq(hits.v[0].e, E("actielijnen"));
	cr_assert_eq(hits.v[0].id, lijn);

	cr_assert_eq(model_search(db, "vooruitblik", &hits), 0);
	cr_assert_eq(hits.n, 1, "the actielijn by its bron");
	search_hits_free(&hits);
	db_close(db);
}
