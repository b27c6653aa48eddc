/*
 * Search over a table large enough to be read in two halves at once
 * (model_search on a database file; one in memory is never split): the
 * hits are the same, in the same order, as one query over everything.
 */

#include <criterion/criterion.h>

#include "helpers.h"
#include "core/entity.h"
#include "model/model.h"

#define ROWS 30000		/* above the size that is split */

/* A database file with one domain, ROWS actielijnen (titles "lijn N"),
 * the word "kikker" in the actielijnen whose number `every` divides and
 * in one success. */
static struct db *
big_db(int every)
{
	const char *dom[ENTITY_MAX_FIELDS] = { "EID", "Eigenaarschap, Inclusie en Democratie", "", "domein", "1" };
	const char *succ[ENTITY_MAX_FIELDS] = { "EID", "2023", "Een kikker in de vijver" };
	char path[128], sql[512];
	struct result_info why;
	enum db_change ch;
	struct db *db;

	snprintf(path, sizeof(path), "%s/zoek.db", test_tmpdir());
	cr_assert_eq(db_create(path, &db, &why), RES_OK, "%s", test_result(&why));
	cr_assert_eq(db_upsert(db, entities[0], dom, &ch, NULL), RES_OK, "%s", test_why(db));
	cr_assert_eq(db_upsert(db, &entity_successen, succ, &ch, NULL), RES_OK, "%s", test_why(db));
	snprintf(sql, sizeof(sql),
		 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
		 " INSERT INTO actielijnen (domein_id, titel, toelichting)"
		 " SELECT (SELECT id FROM domeinen), 'lijn ' || i,"
		 "  CASE WHEN i %% %d = 0 THEN 'Een Kíkker hier' ELSE 'niets' END FROM n", ROWS, every);
	cr_assert_eq(db_exec(db, sql), RES_OK, "%s", test_why(db));
	return db;
}

/* Hits in both halves come in id order, actielijnen before the success. */
Test(search, a_large_table_gives_every_hit_in_order)
{
	struct db *db = big_db(1000);
	struct search_hits hits = { 0 };
	long long prev = 0;

	cr_assert_eq(model_search(db, "kikker", &hits), RES_OK, "%s", test_why(db));
	cr_assert_eq(hits.n, ROWS / 1000 + 1, "every actielijn with the word and the success: %d", hits.n);
	for (int i = 0; i < hits.n - 1; i++) {
		cr_assert_eq(hits.v[i].e, &entity_actielijnen);
		cr_assert_gt(hits.v[i].id, prev, "hit %d is in id order", i);
		prev = hits.v[i].id;
	}
	cr_assert_eq(hits.v[0].id, test_int(db, "SELECT id FROM actielijnen WHERE titel = 'lijn 1000'"));
	cr_assert_eq(hits.v[hits.n - 2].id, test_int(db, "SELECT id FROM actielijnen WHERE titel = 'lijn 30000'"));
	cr_assert_eq(hits.v[hits.n - 1].e, &entity_successen, "the other tables after the actielijnen");
	search_hits_free(&hits);
	db_close(db);
}

/* More hits than are shown: the first SEARCH_MAX_HITS by id, from both
 * halves (a third of the rows hit, the lower half alone has 5,000). */
Test(search, the_first_hits_are_kept_when_there_are_too_many)
{
	struct db *db = big_db(3);
	struct search_hits hits = { 0 };

	cr_assert_eq(model_search(db, "kikker", &hits), RES_OK, "%s", test_why(db));
	cr_assert_eq(hits.n, SEARCH_MAX_HITS);
	cr_assert_eq(hits.v[0].id, test_int(db, "SELECT id FROM actielijnen WHERE titel = 'lijn 3'"));
	cr_assert_eq(hits.v[SEARCH_MAX_HITS - 1].id,
		     test_int(db, "SELECT id FROM actielijnen WHERE titel = 'lijn 3000'"));
	search_hits_free(&hits);
	db_close(db);
}

/* A word only in the upper half, and one only in the lower. */
Test(search, a_hit_in_either_half_is_found)
{
	struct db *db = big_db(ROWS + 1);	/* no actielijn has the word */
	struct search_hits hits = { 0 };

	cr_assert_eq(db_exec(db, "UPDATE actielijnen SET trekker = 'Emre Ünver' WHERE titel IN ('lijn 7', 'lijn 29999')"),
		     RES_OK);
	cr_assert_eq(model_search(db, "unver", &hits), RES_OK, "%s", test_why(db));
	cr_assert_eq(hits.n, 2);
	cr_assert_eq(hits.v[0].id, test_int(db, "SELECT id FROM actielijnen WHERE titel = 'lijn 7'"));
	cr_assert_eq(hits.v[1].id, test_int(db, "SELECT id FROM actielijnen WHERE titel = 'lijn 29999'"));
	cr_assert_eq(model_search(db, "kikker", &hits), RES_OK);
	cr_assert_eq(hits.n, 1, "only the success");
	search_hits_free(&hits);
	db_close(db);
}
