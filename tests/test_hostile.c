/*
 * Hostile and broken input at the level of the import code: every case
 * gives an error (or is stored verbatim), never a crash, and a failed
 * import leaves the database as it was. Inputs the fuzzer
 * (tests/fuzz/fuzz_import.c) found to break something are kept here as
 * regression tests. The built binary is tested the same way in
 * tests/e2e/t_hostile_*.sh.
 */
#include <criterion/criterion.h>
#include <locale.h>

#include "helpers.h"

static struct db *db;
static const char *dir;

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	db = test_db_with_domains();
	dir = test_tmpdir();
}

static void
teardown(void)
{
	db_close(db);
}

TestSuite(hostile, .init = setup, .fini = teardown);

/* Everything the tables hold, to compare before and after. */
static char *
snapshot(void)
{
	return test_text(db,
		"SELECT (SELECT group_concat(code || '|' || naam || '|' || ifnull(motto, ''), ';') FROM domeinen)"
		" || '/' || (SELECT count(*) FROM actielijnen) || '/' || (SELECT count(*) FROM successen)"
		" || '/' || (SELECT count(*) FROM historie)");
}

/* Fuzzer find: a domain with a new code but the name of an existing one
 * broke the UNIQUE constraint on naam, which the import took for a
 * database failure (exit 74, "domeinen: UNIQUE constraint failed"). It is
 * bad data: exit 65 with the line and the column. */
#define NAME_TAKEN(v) "naam: '" v "' is al de naam van een domein of thema (verwacht: een naam die nog vrij is)"
Test(hostile, domain_name_used_twice)
{
	char *before = snapshot();
	struct import_result r = IMPORT("domeinen.csv",
		"code,naam,motto,soort,volgorde\n"
		"EID,\"Eigenaarschap, Inclusie en Democratie\",\"Van, voor, met en door bewoners\",domein,1\n"
		"VE\xc2\xa0ILIG,Veiligheid,Je veilig,domein,2\n");

	cr_assert_eq(r.status, EXIT_DATAERR, "status %d: %s", r.status, r.err);
	cr_assert(strstr(r.err, "domeinen.csv:3: " NAME_TAKEN("Veiligheid")),
		  "%s", r.err);
	cr_assert_str_eq(snapshot(), before);
	test_import_free(&r);
}

/* The same within one file: two new codes, one name. */
Test(hostile, domain_name_twice_in_one_file)
{
	struct import_result r = IMPORT("domeinen.csv",
		"code;naam\nA;Nieuw domein\nB;nieuw DOMEIN\n");

	cr_assert_eq(r.status, EXIT_DATAERR, "status %d: %s", r.status, r.err);
	cr_assert(strstr(r.err, "domeinen.csv:3: " NAME_TAKEN("nieuw DOMEIN")), "%s", r.err);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM domeinen"), 2);
	test_import_free(&r);
}

/* An existing domain renamed to the name of another one: the update, not
 * the insert, breaks the constraint. */
Test(hostile, domain_renamed_to_taken_name)
{
	char *before = snapshot();
	struct import_result r = IMPORT("domeinen.csv", "code,naam\nEID,veiligheid\n");

	cr_assert_eq(r.status, EXIT_DATAERR, "status %d: %s", r.status, r.err);
	cr_assert(strstr(r.err, "domeinen.csv:2: " NAME_TAKEN("veiligheid")), "%s", r.err);
	cr_assert_str_eq(snapshot(), before);
	test_import_free(&r);
}
