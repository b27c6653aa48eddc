/*
 * The CSV contract as a user meets it: what spreadsheets write goes in,
 * every error is reported with file, line and column, and a failed
 * import changes nothing.
 */
#include <criterion/criterion.h>
#include <locale.h>

#include "helpers.h"
#include "cli/log.h"
#include "model/history.h"

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

TestSuite(import, .init = setup, .fini = teardown);

Test(import, comma_lf_utf8)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"domein,titel,toelichting,trekker,status,start,eind\n"
		"EID,Ontwikkeling van wijkallianties,,Emre Ünver,lopend,2024-01-01,2024-12-31\n");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(r.counts[3].added, 1);
	cr_assert_str_eq(test_text(db, "SELECT trekker FROM actielijnen"), "Emre Ünver");
	test_import_free(&r);
}

Test(import, excel_nl_semicolon_bom_crlf_cp1252)
{
	/* What Excel in a Dutch locale writes as plain "CSV": Windows-1252. */
	struct import_result r = IMPORT("actielijnen.csv",
		"Domein;Titel;Toelichting;Trekker;Status;Start;Eind\r\n"
		"Veiligheid;Co\xf6peratie cre\xebren;\"Q1: a; b\";\xdcnver;Lopend;4-3-2024;31-12-2024\r\n");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(test_text(db, "SELECT titel FROM actielijnen"), "Coöperatie creëren");
	cr_assert_str_eq(test_text(db, "SELECT trekker FROM actielijnen"), "Ünver");
	cr_assert_str_eq(test_text(db, "SELECT toelichting FROM actielijnen"), "Q1: a; b");
	cr_assert_str_eq(test_text(db, "SELECT start FROM actielijnen"), "2024-03-04");
	test_import_free(&r);
}

Test(import, utf8_bom_and_tab_delimiter)
{
	struct import_result r = IMPORT("successen.csv",
		"\xef\xbb\xbf" "domein\tjaar\ttitel\ttoelichting\n"
		"eid\t2023\tBewonersberaden, 4 oktober\tmet 300 bewoners\n");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(test_text(db, "SELECT titel FROM successen"), "Bewonersberaden, 4 oktober");
	test_import_free(&r);
}

Test(import, rfc4180_quotes_and_line_breaks)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"domein,titel,toelichting\r\n"
		"EID,\"Zeggenschap, \"\"echt\"\" samen\",\"eerste regel\r\ntweede, regel\"\r\n"
		"EID,Tweede,\n");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(r.counts[3].added, 2);
	cr_assert_str_eq(test_text(db, "SELECT titel FROM actielijnen ORDER BY id LIMIT 1"),
			 "Zeggenschap, \"echt\" samen");
	/* Line breaks are stored as LF whatever the file used. */
	cr_assert_str_eq(test_text(db, "SELECT toelichting FROM actielijnen ORDER BY id LIMIT 1"),
			 "eerste regel\ntweede, regel");
	test_import_free(&r);
}

Test(import, english_headers_any_order_and_statuses)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"Status,End,Title,Domain,Owner\n"
		"In progress,Q4 2024,Online veiligheid,Veiligheid,Politie\n"
		"done,K2 2024,Pilot bouwdepot,EID,\n");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(test_text(db, "SELECT status || ' ' || eind FROM actielijnen WHERE titel = 'Online veiligheid'"),
			 "lopend 2024-12-31");
	cr_assert_str_eq(test_text(db, "SELECT status || ' ' || eind FROM actielijnen WHERE titel = 'Pilot bouwdepot'"),
			 "afgerond 2024-06-30");
	test_import_free(&r);
}

Test(import, date_forms)
{
	struct import_result r = IMPORT("planning.csv",
		"datum,titel\n"
		"2024-03-04,a\n4-3-2024,b\n04-03-2024,c\n4 maart 2024,d\nmaart 2024,e\n"
		"Q1 2024,f\nK2 2024,g\n2024-Q3,h\n,zonder datum\n");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM planning WHERE datum = '2024-03-04'"), 4);
	cr_assert_str_eq(test_text(db, "SELECT datum FROM planning WHERE titel = 'e'"), "2024-03-01");
	cr_assert_str_eq(test_text(db, "SELECT datum FROM planning WHERE titel = 'f'"), "2024-01-01");
	cr_assert_str_eq(test_text(db, "SELECT datum FROM planning WHERE titel = 'g'"), "2024-04-01");
	cr_assert_str_eq(test_text(db, "SELECT datum FROM planning WHERE titel = 'h'"), "2024-07-01");
	cr_assert_eq(test_int(db, "SELECT datum IS NULL FROM planning WHERE titel = 'zonder datum'"), 1);
	test_import_free(&r);
}

Test(import, every_error_reported_with_file_line_column)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"domein,titel,status,start,extra\n"
		"EID,Goed,lopend,Q1 2024,x\n"
		"Onbekend,Fout domein,lopend,,\n"
		"EID,\"Fout over\ntwee regels\",bijna klaar,,\n"
		"EID,Foute datum,,31-2-2024,\n"
		"EID,,gepland,,\n");

	cr_assert_eq(r.status, EXIT_DATAERR);
	cr_assert(strstr(r.err, "actielijnen.csv:1: waarschuwing: extra: onbekende kolom"), "%s", r.err);
	cr_assert(strstr(r.err, "actielijnen.csv:3: domein: onbekend domein 'Onbekend' (verwacht: de code of naam van een domein of thema)"), "%s", r.err);
	cr_assert(strstr(r.err, "actielijnen.csv:4: status: 'bijna klaar' is niet toegestaan (verwacht: een van: gepland, lopend"), "%s", r.err);
	cr_assert(strstr(r.err, "actielijnen.csv:6: start: '31-2-2024' is geen datum (verwacht: een datum zoals"), "%s", r.err);
	cr_assert(strstr(r.err, "actielijnen.csv:7: titel: ontbrekende waarde (verwacht: tekst)"), "%s", r.err);
	cr_assert(strstr(r.err, "actielijnen.csv:4: titel: regelovergang in een veld van één regel"), "%s", r.err);
	cr_assert(strstr(r.err, "5 fouten: er is niets geïmporteerd"), "%s", r.err);
	/* The good row was not written either: all or nothing. */
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 0);
	test_import_free(&r);
}

Test(import, missing_required_column)
{
	struct import_result r = IMPORT("actielijnen.csv", "titel,trekker\nA,B\n");

	cr_assert_eq(r.status, EXIT_DATAERR);
	cr_assert(strstr(r.err, "actielijnen.csv:1: domein: deze verplichte kolom ontbreekt"), "%s", r.err);
	test_import_free(&r);
}

Test(import, reimport_changes_nothing_then_updates_in_place)
{
	const char *csv = "domein,titel,trekker\nEID,Buurtbanen,A\nVeiligheid,Online veiligheid,B\n";
	const char *csv2 = "domein,titel,trekker\nEID,Buurtbanen,C\nVeiligheid,Online veiligheid,B\n";
	struct import_result r = test_import_text(db, dir, "actielijnen.csv", csv, strlen(csv));
	long long id = test_int(db, "SELECT id FROM actielijnen WHERE titel = 'Buurtbanen'");

	test_import_free(&r);
	r = test_import_text(db, dir, "actielijnen.csv", csv, strlen(csv));
	cr_assert_eq(r.status, 0);
	cr_assert_eq(r.counts[3].added, 0);
	cr_assert_eq(r.counts[3].unchanged, 2);
	cr_assert(strstr(r.out, "0 toegevoegd, 0 bijgewerkt, 2 ongewijzigd"), "%s", r.out);
	test_import_free(&r);

	r = test_import_text(db, dir, "actielijnen.csv", csv2, strlen(csv2));
	cr_assert_eq(r.counts[3].updated, 1);
	cr_assert_eq(r.counts[3].unchanged, 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 2);
	cr_assert_eq(test_int(db, "SELECT id FROM actielijnen WHERE trekker = 'C'"), id);
	test_import_free(&r);
}

Test(import, dependency_order_whatever_the_argument_order)
{
	const char *files[2];
	struct import_result r;

	files[0] = test_write_file(dir, "acties.csv",
		"vergadering,actie,eigenaar\n21-4-2023,Signalgroep aanmaken,programmabureau\n", 71);
	files[1] = test_write_file(dir, "vergaderingen.csv",
		"datum,soort,titel\n2023-04-21,AB,Bijeenkomst\n", 44);
	r = test_import(db, files, 2, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(test_text(db, "SELECT v.soort FROM acties a JOIN vergaderingen v ON v.id = a.vergadering_id"),
			 "AB-vergadering");
	test_import_free(&r);
}

Test(import, replace_keeps_exactly_the_file)
{
	struct import_result r = IMPORT("actielijnen.csv", "domein,titel\nEID,A\nEID,B\n");

	test_import_free(&r);
	const char *path = test_write_file(dir, "actielijnen.csv", "domein,titel\nEID,B\nEID,C\n", 24);
	struct import_opts o = { .replace = true };

	r = test_import(db, &path, 1, &o);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(r.counts[3].deleted, 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 2);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen WHERE titel = 'A'"), 0);
	test_import_free(&r);
}

Test(import, dry_run_writes_nothing)
{
	const char *path = test_write_file(dir, "actielijnen.csv", "domein,titel\nEID,A\n", 18);
	struct import_opts o = { .dry_run = true };
	struct import_result r = test_import(db, &path, 1, &o);

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(r.counts[3].added, 1);
	cr_assert(strstr(r.out, "proefimport (--dry-run): er is niets geschreven"));
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 0);
	test_import_free(&r);
}

Test(import, hostile_files_rejected_with_a_message)
{
	static const struct { const char *text; size_t len; const char *msg; } cases[] = {
		{ "", 0, "het bestand is leeg" },
		{ "domein,titel\n", 13, "geen rijen na de kopregel" },
		{ "domein,titel\nEID,\"open\n", 23, "actielijnen.csv:2: een waarde tussen aanhalingstekens die hier begint, wordt nergens gesloten" },
		{ "domein,titel\nEID,a\0b\n", 20, "actielijnen.csv:2: een NUL-byte" },
		{ "domein,titel\nEID,\x81\n", 18, "actielijnen.csv:2: byte 0x81 is geen UTF-8 en geen Windows-1252" },
		{ "\xff\xfe" "d\0", 4, "UTF-16" },
		{ "domein,titel\nEID,a\"b\"\n", 21, "actielijnen.csv:2:" },
		{ "domein,titel\nEID,a,b,c\n", 22, "4 waarden, maar de kopregel heeft 2 kolommen" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct import_result r = test_import_text(db, dir, "actielijnen.csv", cases[i].text, cases[i].len);

		cr_assert_eq(r.status, EXIT_DATAERR, "case %zu: status %d", i, r.status);
		cr_assert(strstr(r.err, cases[i].msg), "case %zu: %s", i, r.err);
		test_import_free(&r);
	}
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 0);
}

Test(import, missing_file_and_directory_exit_66)
{
	const char *missing = "/nonexistent/actielijnen.csv";
	const char *folder = dir;
	struct import_opts o = { .table = entity_find("actielijnen") };
	struct import_result r = test_import(db, &missing, 1, NULL);

	cr_assert_eq(r.status, EXIT_NOINPUT);
	test_import_free(&r);
	r = test_import(db, &folder, 1, &o);
	cr_assert_eq(r.status, EXIT_NOINPUT);
	cr_assert(strstr(r.err, "het is een map"), "%s", r.err);
	test_import_free(&r);
}

Test(import, unknown_table_name_is_a_usage_error)
{
	const char *path = test_write_file(dir, "lijst.csv", "a\n1\n", 4);
	struct import_result r = test_import(db, &path, 1, NULL);

	cr_assert_eq(r.status, EXIT_USAGE);
	cr_assert(strstr(r.err, "--table"), "%s", r.err);
	test_import_free(&r);
}

Test(import, too_long_title_and_sql_text_stored_verbatim)
{
	char big[1200] = "domein,titel\nEID,";
	size_t n = strlen(big);
	struct import_result r;

	memset(big + n, 'x', 400);
	strcpy(big + n + 400, "\n");
	r = test_import_text(db, dir, "actielijnen.csv", big, strlen(big));
	cr_assert_eq(r.status, EXIT_DATAERR);
	cr_assert(strstr(r.err, "titel: te lang: 400 tekens (verwacht: hoogstens 300)"), "%s", r.err);
	test_import_free(&r);

	r = IMPORT("actielijnen.csv", "domein,titel\nEID,\"'); DROP TABLE actielijnen;--\"\n");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(test_text(db, "SELECT titel FROM actielijnen"), "'); DROP TABLE actielijnen;--");
	test_import_free(&r);
}

Test(import, a_file_without_a_column_leaves_that_column_alone)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"domein,titel,trekker,status\nEID,Buurtbanen,Emre Ünver,gepland\n");

	cr_assert_eq(r.status, 0, "%s", r.err);
	test_import_free(&r);
	/* A status update from another sheet: trekker is not in it. */
	r = IMPORT("actielijnen.csv", "domein;titel;status\nEID;Buurtbanen;lopend\n");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(r.counts[3].updated, 1);
	cr_assert_str_eq(test_text(db, "SELECT trekker || ' ' || status FROM actielijnen"), "Emre Ünver lopend");
	test_import_free(&r);
	/* An empty value in a column that is there does clear it. */
	r = IMPORT("actielijnen.csv", "domein,titel,trekker\nEID,Buurtbanen,\n");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(test_int(db, "SELECT trekker IS NULL FROM actielijnen"), 1);
	test_import_free(&r);
}

/* bron is a column like any other: optional on import, kept by a file
 * without it, changed (and recorded) by one with it, and held to the
 * length of a title. */
Test(import, bron_is_kept_by_a_file_without_it_and_changed_by_one_with_it)
{
	struct import_result r = IMPORT("acties.csv",
		"vergadering,actie,eigenaar,bron\n"
		",Frank stuurt uitnodiging door.,Frank,\"AB 21-12-2023, agendapunt 1\"\n");
	char *log;
	size_t len;
	FILE *fp;

	cr_assert_eq(r.status, 0, "%s", r.err);
	test_import_free(&r);
	r = IMPORT("acties.csv", "vergadering,actie,eigenaar\n,Frank stuurt uitnodiging door.,Frank en Rutger\n");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(r.counts[6].updated, 1);
	cr_assert_str_eq(test_text(db, "SELECT eigenaar || ' | ' || bron FROM acties"),
			 "Frank en Rutger | AB 21-12-2023, agendapunt 1");
	test_import_free(&r);
	r = IMPORT("acties.csv", "actie;bron\nFrank stuurt uitnodiging door.;AB 21-12-2023, agendapunt 4\n");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(test_text(db, "SELECT bron FROM acties"), "AB 21-12-2023, agendapunt 4");
	test_import_free(&r);
	fp = open_memstream(&log, &len);
	cr_assert_eq(log_write(db, &(struct log_query){ .limit = 1 }, fp), 0);
	fclose(fp);
	cr_assert(strstr(log, "Bron: AB 21-12-2023, agendapunt 1 -> AB 21-12-2023, agendapunt 4"), "%s", log);
	free(log);
	/* One line, at most 300 characters, like a title. */
	r = IMPORT("successen.csv", "domein,jaar,titel,bron\nEID,2023,Buurtbanen,\"AB 21-12-2023,\nagendapunt 4\"\n");
	cr_assert_eq(r.status, 65);
	cr_assert(strstr(r.err, "successen.csv:2: bron: regelovergang in een veld van één regel"), "%s", r.err);
	test_import_free(&r);
}

/* groep is the actielijnen' own: optional, one line, exported between
 * eind and bron. */
Test(import, groep_of_actielijnen_in_the_contract_order)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"bron,groep,domein,titel\n\"Terugblik & vooruitblik 25-1-2024, Veiligheid\",Klein beginnen,"
		"VEILIG,Signaleringskracht\n");
	char *out;
	size_t len;
	FILE *fp;

	cr_assert_eq(r.status, 0, "%s", r.err);
	test_import_free(&r);
	fp = open_memstream(&out, &len);
	cr_assert_eq(export_write(db, entity_find("actielijnen"), fp, false), 0);
	fclose(fp);
	cr_assert_str_eq(out, "domein,titel,toelichting,trekker,status,start,eind,groep,bron\n"
			      "Veiligheid,Signaleringskracht,,,,,,Klein beginnen,"
			      "\"Terugblik & vooruitblik 25-1-2024, Veiligheid\"\n");
	free(out);
}

/* A CSV text of n actielijnen "Regel i" (even i in EID, odd in
 * Veiligheid, status lopend), then `tail`; malloc'd. */
static char *
many_rows(int n, const char *tail)
{
	size_t cap = (size_t)n * 40 + strlen(tail) + 64, len;
	char *s = malloc(cap);

	cr_assert(s);
	len = (size_t)snprintf(s, cap, "domein,titel,status\n");
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len, "%s,Regel %d,lopend\n", i % 2 ? "VEILIG" : "EID", i);
	snprintf(s + len, cap - len, "%s", tail);
	return s;
}

/* A large file goes in without the key index (db_bulk_begin) and finds
 * entries by key in memory: the outcome must be exactly what the index
 * gives, and the index must be back afterwards. */
Test(import, large_file_matches_keys_like_the_index_does)
{
	char *csv = many_rows(12000, "EID,Regel 0,afgerond\nEID,Dubbel,\nVEILIG,Dubbel,\n");
	struct import_result r = IMPORT("actielijnen.csv", "domein,titel,status\nEID,Regel 8,gepland\n");
	long long id;
	const char *dup[ENTITY_MAX_FIELDS] = { "EID", "Regel 12", "", "", "", "", "" };

	cr_assert_eq(r.status, 0, "%s", r.err);
	test_import_free(&r);
	db_exec(db, "PRAGMA cache_size = -3000");
	r = test_import_text(db, dir, "actielijnen.csv", csv, strlen(csv));
	cr_assert_eq(r.status, 0, "%s", r.err);
	/* The connection's page cache is as it was (the import and the bulk
	 * mode within it each set their own). */
	cr_assert_eq(test_int(db, "PRAGMA cache_size"), -3000);
	/* Regel 8 was there; Regel 0 comes twice; Dubbel in two domains is two. */
	cr_assert_eq(r.counts[3].added, 12000 - 1 + 2);
	cr_assert_eq(r.counts[3].updated, 2);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 12002);
	cr_assert_str_eq(test_text(db, "SELECT status FROM actielijnen WHERE titel = 'Regel 0'"), "afgerond");
	cr_assert_str_eq(test_text(db, "SELECT status FROM actielijnen WHERE titel = 'Regel 8'"), "lopend");
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen WHERE titel = 'Regel 8'"), 1);

	/* The index is back and unique; the counts agree with the rows. */
	cr_assert_eq(test_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'actielijnen_sleutel'"), 1);
	cr_assert_str_eq(test_text(db, "PRAGMA integrity_check"), "ok");
	cr_assert_eq(db_insert(db, entity_find("actielijnen"), dup, &id), RES_DUPLICATE);
	cr_assert_eq(test_int(db, "SELECT n FROM actielijn_telling WHERE status = 'afgerond'"), 1);
	cr_assert_eq(test_int(db, "SELECT sum(n) FROM actielijn_telling"), 12002);

	/* The same file again changes nothing. */
	test_import_free(&r);
	r = test_import_text(db, dir, "actielijnen.csv", csv, strlen(csv));
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(r.counts[3].added, 0);
	cr_assert_eq(r.counts[3].updated, 2);	/* Regel 0: lopend, then afgerond again */
	cr_assert_eq(r.counts[3].unchanged, 12003 - 2);
	test_import_free(&r);
	free(csv);
}

/* The bulk path is for any table whose natural key is an index of its
 * own (<table>_sleutel), not for actielijnen by name: with planning's key
 * made such an index, a large file goes in without it too (the index is
 * built anew, on pages of its own), and matches keys as the index does. */
Test(import, large_file_into_any_table_with_a_key_index)
{
	size_t cap = 12000 * 40 + 200, len;
	char *csv = malloc(cap);
	struct import_result r;
	const char *dup[ENTITY_MAX_FIELDS] = { "2024-01-02", "Mijlpaal 1", "", "", "" };
	long long root, id;

	cr_assert(csv);
	cr_assert_eq(db_exec(db, "DROP INDEX planning_key;"
			     "CREATE UNIQUE INDEX planning_sleutel ON planning(ifnull(datum, ''), titel)"), 0);
	root = test_int(db, "SELECT rootpage FROM sqlite_master WHERE name = 'planning_sleutel'");
	len = (size_t)snprintf(csv, cap, "datum,titel,status\n");
	for (int i = 0; i < 12000; i++)
		len += (size_t)snprintf(csv + len, cap - len, "%s,Mijlpaal %d,gepland\n",
					i % 3 ? "2-1-2024" : "", i);
	snprintf(csv + len, cap - len, ",Mijlpaal 0,lopend\n2-1-2024,Mijlpaal 1,afgerond\n");
	r = test_import_text(db, dir, "planning.csv", csv, strlen(csv));
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(r.counts[4].added, 12000);
	cr_assert_eq(r.counts[4].updated, 2);
	cr_assert_str_eq(test_text(db, "SELECT status FROM planning WHERE titel = 'Mijlpaal 0'"), "lopend");
	cr_assert_neq(test_int(db, "SELECT rootpage FROM sqlite_master WHERE name = 'planning_sleutel'"), root,
		      "the index was not built anew");
	cr_assert_str_eq(test_text(db, "PRAGMA integrity_check"), "ok");
	cr_assert_eq(db_insert(db, entity_find("planning"), dup, &id), RES_DUPLICATE);
	test_import_free(&r);
	free(csv);
}

/* A large file with an error in its last row: nothing is written and
 * the key index is still there (the rollback brings it back). */
Test(import, large_file_with_an_error_leaves_everything_as_it_was)
{
	char *csv = many_rows(12000, "EID,Regel x,half af\n");
	struct import_result r;

	db_exec(db, "PRAGMA cache_size = -3000");
	r = test_import_text(db, dir, "actielijnen.csv", csv, strlen(csv));
	cr_assert_eq(r.status, EXIT_DATAERR);
	cr_assert_eq(test_int(db, "PRAGMA cache_size"), -3000);
	cr_assert(strstr(r.err, "actielijnen.csv:12002: status"), "%s", r.err);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 0);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'actielijnen_sleutel'"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM historie"), 2);	/* the domains */
	test_import_free(&r);
	free(csv);
}

/* The encoding is decided as the file is read: Windows-1252 from the first
 * byte that is not UTF-8 when all before it was ASCII, however far into
 * the file (here past the first block the importer reads). */
Test(import, windows_1252_after_a_long_ascii_start)
{
	char *csv = many_rows(60000, "EID,Co\xf6peratie cre\xebren,\n");
	struct import_result r = test_import_text(db, dir, "actielijnen.csv", csv, strlen(csv));

	cr_assert_gt(strlen(csv), 1 << 20);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen WHERE titel = 'Coöperatie creëren'"), 1);
	test_import_free(&r);
	free(csv);
}

/* UTF-8 up to some line and Windows-1252 after it: no conversion gets
 * both right, so it is an error at the first bad byte's line. */
Test(import, utf8_then_windows_1252_is_an_error)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"domein,titel\nEID,Co\xc3\xb6peratie\nEID,Ok\nEID,cre\xebren\n");

	cr_assert_eq(r.status, EXIT_DATAERR);
	cr_assert(strstr(r.err, "actielijnen.csv:4: byte 0xEB is geen UTF-8, maar regel 2 was dat wel"), "%s", r.err);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 0);
	test_import_free(&r);
}
