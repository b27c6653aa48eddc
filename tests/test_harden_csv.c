/*
 * Hardening of import and export, second round (issue 17): line numbers
 * whatever the line endings, the sep= line, files that mix encodings, a
 * BOM in front of a value, CSV injection through export --excel and its
 * exact way back, and the mode of exported files.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <locale.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

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

TestSuite(harden_csv, .init = setup, .fini = teardown);

/* r.err holds the message for FILE:LINE (the start of one line). */
static void
says_at(const struct import_result *r, const char *where)
{
	char pat[256];

	snprintf(pat, sizeof(pat), "%s/%s", dir, where);
	cr_assert(strstr(r->err, pat), "expected a message at %s in:\n%s", where, r->err);
}

/* --- line endings ----------------------------------------------------------- */

/* Excel on an old Mac ends lines with CR alone: both errors were
 * reported at line 1. */
Test(harden_csv, cr_line_endings_give_the_right_lines)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"domein,titel,status\rVEILIG,a,lopend\rVEILIG,b,bogus\rVEILIG,c,bogus\r");

	cr_assert_eq(r.status, EXIT_DATAERR);
	says_at(&r, "actielijnen.csv:3: status:");
	says_at(&r, "actielijnen.csv:4: status:");
	cr_assert_null(strstr(r.err, "csv:1:"), "%s", r.err);
	test_import_free(&r);

	r = IMPORT("actielijnen.csv", "domein,titel,status\rVEILIG,a,lopend\rVEILIG,b,gepland\r");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 2);
	test_import_free(&r);
}

/* In a mixed file a CR-only row got the previous row's number. CR, LF
 * and CRLF count one line each, also inside quoted values. */
Test(harden_csv, mixed_line_endings_and_breaks_inside_values)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"domein,titel,status\nVEILIG,a,lopend\rVEILIG,b,bogus\r\nVEILIG,c,bogus\n");

	cr_assert_eq(r.status, EXIT_DATAERR);
	says_at(&r, "actielijnen.csv:3: status:");
	says_at(&r, "actielijnen.csv:4: status:");
	test_import_free(&r);

	r = IMPORT("actielijnen.csv",
		   "domein,titel,toelichting,status\r"
		   "VEILIG,a,\"twee\rregels\",lopend\r"		/* lines 2-3 */
		   "VEILIG,b,\"x\r\ny\",bogus\r\n"			/* lines 4-5 */
		   "VEILIG,c,\"p\nq\",lopend\n"			/* lines 6-7 */
		   "VEILIG,d,,bogus\n");				/* line 8 */
	cr_assert_eq(r.status, EXIT_DATAERR);
	says_at(&r, "actielijnen.csv:4: status:");
	says_at(&r, "actielijnen.csv:8: status:");
	test_import_free(&r);
}

/* A file of CR line endings larger than the blocks the importer reads,
 * with a CRLF that falls across a block boundary: every line number
 * right, and the file read in whole lines. */
Test(harden_csv, cr_only_file_across_blocks)
{
	size_t cap = 3u << 20, len = 0;
	char *csv = malloc(cap);
	long line = 2;		/* of the next line written */
	struct import_result r;
	char where[64];

	cr_assert(csv);
	len += (size_t)snprintf(csv + len, cap - len, "domein,titel\r");
	while (len < (1u << 20) - 40)
		len += (size_t)snprintf(csv + len, cap - len, "EID,Regel %ld\r", line++);
	/* A line of x up to byte 1 MiB - 1, so that its CRLF straddles the
	 * first block's end: one value only, so titel is missing (an error
	 * at that line). */
	while (len < (1u << 20) - 1)
		csv[len++] = 'x';
	csv[len++] = '\r';
	csv[len++] = '\n';
	/* Then a good line and one with a value too many. */
	len += (size_t)snprintf(csv + len, cap - len, "EID,Regel laatste\rVEILIG,b,te veel\r");
	r = test_import_text(db, dir, "actielijnen.csv", csv, len);
	cr_assert_eq(r.status, EXIT_DATAERR);
	snprintf(where, sizeof(where), "actielijnen.csv:%ld: titel:", line);
	says_at(&r, where);
	snprintf(where, sizeof(where), "actielijnen.csv:%ld: 3 waarden", line + 2);
	says_at(&r, where);
	test_import_free(&r);
	free(csv);
}

/* --- sep= ---------------------------------------------------------------- */

Test(harden_csv, sep_line_names_the_delimiter)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"sep=;\r\ndomein;titel;toelichting\r\nVEILIG;Met, komma;a,b\r\nEID;Tweede;x\r\n");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, "");
	cr_assert_str_eq(test_text(db, "SELECT toelichting FROM actielijnen WHERE titel = 'Met, komma'"), "a,b");
	test_import_free(&r);

	/* The header is on line 2, the rows count on from there. */
	r = IMPORT("actielijnen.csv", "\xef\xbb\xbfSEP=,\ndomein,titel,status\nEID,x,bogus\n");
	cr_assert_eq(r.status, EXIT_DATAERR);
	says_at(&r, "actielijnen.csv:3: status:");
	test_import_free(&r);

	r = IMPORT("actielijnen.csv", "sep=x\ndomein,titel\nEID,y\n");
	cr_assert_eq(r.status, EXIT_DATAERR);
	says_at(&r, "actielijnen.csv:1: sep=x:");
	test_import_free(&r);
}

/* --- encodings ----------------------------------------------------------------- */

/* Windows-1252 in the first block and UTF-8 far later: "é" became "Ã©"
 * without a word. Now the line where it changes is named. */
Test(harden_csv, windows_1252_then_utf8_is_an_error)
{
	size_t cap = 2u << 20, len = 0;
	char *csv = malloc(cap);
	long line = 3;
	struct import_result r;
	char where[160];

	cr_assert(csv);
	len += (size_t)snprintf(csv + len, cap - len, "domein,titel\nEID,caf\xe9\n");
	while (len < (1u << 20) + 1000) {
		len += (size_t)snprintf(csv + len, cap - len, "EID,Regel %ld\n", line);
		line++;
	}
	len += (size_t)snprintf(csv + len, cap - len, "EID,caf\xc3\xa9 in UTF-8\n");
	r = test_import_text(db, dir, "actielijnen.csv", csv, len);
	cr_assert_eq(r.status, EXIT_DATAERR);
	snprintf(where, sizeof(where), "actielijnen.csv:%ld: \"\xc3\xa9\" is UTF-8, maar regel 2 was Windows-1252", line);
	says_at(&r, where);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen"), 0);
	test_import_free(&r);
	free(csv);

	/* The same within one block. */
	r = IMPORT("actielijnen.csv", "domein,titel\nEID,\xdcnver\nEID,ok\nEID,\xc3\x9cnver\n");
	cr_assert_eq(r.status, EXIT_DATAERR);
	says_at(&r, "actielijnen.csv:4: \"\xc3\x9c\" is UTF-8, maar regel 2 was Windows-1252");
	test_import_free(&r);

	/* Plain Windows-1252 (Ü, é and € side by side) is no mix. */
	r = IMPORT("actielijnen.csv", "domein,titel\nEID,\xdcnver caf\xe9 \x80 5\n");
	cr_assert_eq(r.status, 0, "%s", r.err);
	test_import_free(&r);
}

/* --- BOM in front of a value ------------------------------------------------------ */

Test(harden_csv, bom_at_the_start_of_a_field_is_dropped)
{
	struct import_result r = IMPORT("actielijnen.csv",
		"domein,\xef\xbb\xbftitel\n\xef\xbb\xbfVEILIG,\xef\xbb\xbf" "Buurtbanen\n");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.err, "");
	cr_assert_str_eq(test_text(db, "SELECT titel FROM actielijnen"), "Buurtbanen");
	test_import_free(&r);
	/* Inside a value it is data, as any character is. */
	r = IMPORT("actielijnen.csv", "domein,titel\nEID,a\xef\xbb\xbf" "b\n");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen WHERE titel = 'a' || char(65279) || 'b'"), 1);
	test_import_free(&r);
}

/* --- CSV injection ------------------------------------------------------------- */

/* Values a spreadsheet would evaluate, and values at the edges of the
 * marker itself. */
static const char *const hostile[] = {
	"=HYPERLINK(\"http://example.org\",\"klik\")",
	"+cmd|' /C calc'!A0",
	"@SUM(1+1)",
	"-2+3+cmd|' /C calc'!A0",
	"\tbegint met een tab",
	"\t=tab en dan een formule",
	"'=al gemarkeerd",
	"'",
	"''",
	"'s-Hertogenbosch",
	"gewoon",
	"a=b",
};
#define NHOSTILE (sizeof(hostile) / sizeof(hostile[0]))

/* Adds the hostile values as titles and trekkers of actielijnen. */
static void
add_hostile(struct db *d)
{
	enum db_change ch;

	for (size_t i = 0; i < NHOSTILE; i++) {
		const char *v[ENTITY_MAX_FIELDS] = { "EID", hostile[i], "", hostile[NHOSTILE - 1 - i], "", "", "" };

		cr_assert_eq(db_upsert(d, entities[3], v, &ch, NULL), 0, "%s", test_why(d));
	}
	/* A one-line field cannot take a CR; a long text can. */
	cr_assert_eq(db_exec(d, "UPDATE actielijnen SET toelichting = char(13) || 'begint met CR'"
			     " WHERE titel = 'gewoon'"), 0);
}

/* Exports actielijnen of d into a malloc'd buffer. */
static char *
export_text(struct db *d, bool excel, size_t *len)
{
	char *buf;
	FILE *fp = open_memstream(&buf, len);

	cr_assert_eq(export_write(d, entities[3], fp, excel), 0);
	fclose(fp);
	return buf;
}

Test(harden_csv, excel_export_neutralises_formulas)
{
	size_t len;
	char *csv;

	add_hostile(db);
	csv = export_text(db, true, &len);
	/* Every cell Excel would evaluate starts with the text marker; a
	 * value that starts with ' gets one more. Nothing else changes. */
	cr_assert(strstr(csv, ";\"'=HYPERLINK(\"\"http://example.org\"\",\"\"klik\"\")\";"), "%s", csv);
	cr_assert(strstr(csv, ";'+cmd|' /C calc'!A0;"), "%s", csv);
	cr_assert(strstr(csv, ";'@SUM(1+1);"), "%s", csv);
	cr_assert(strstr(csv, ";'-2+3+cmd|' /C calc'!A0;"), "%s", csv);
	cr_assert(strstr(csv, ";'\tbegint met een tab;"), "%s", csv);
	cr_assert(strstr(csv, ";\"'\rbegint met CR\";"), "%s", csv);
	cr_assert(strstr(csv, ";''=al gemarkeerd;"), "%s", csv);
	cr_assert(strstr(csv, ";'';"), "%s", csv);
	cr_assert(strstr(csv, ";''s-Hertogenbosch;"), "%s", csv);
	cr_assert(strstr(csv, ";gewoon;"), "%s", csv);
	cr_assert(strstr(csv, ";a=b;"), "%s", csv);
	/* No cell starts with a formula character. */
	for (char *c = csv; *c; c++) {
		bool starts = c == csv || c[-1] == ';' || (c[-1] == '\n' && c > csv + 1);

		if (*c == '"' && starts)
			c++;
		if (starts)
			cr_assert(!strchr("=+-@", *c) || !*c, "a cell starts with '%c': %.40s", *c, c);
	}
	free(csv);

	/* The plain form is verbatim. */
	csv = export_text(db, false, &len);
	cr_assert(strstr(csv, ",\"=HYPERLINK(\"\"http://example.org\"\",\"\"klik\"\")\","), "%s", csv);
	cr_assert(strstr(csv, ",+cmd|' /C calc'!A0,"), "%s", csv);
	cr_assert(strstr(csv, ",'=al gemarkeerd,"), "%s", csv);
	free(csv);
}

/* export --excel, then import: every value byte for byte, a leading TAB
 * and CR included (the importer trims white space, but not what the
 * marker protects). */
Test(harden_csv, excel_round_trip_is_exact)
{
	struct db *copy = test_db_with_domains();
	struct import_opts opts = { .err = stderr };
	struct import_count count = { 0 };
	size_t len, len2;
	char *csv, *again;

	add_hostile(db);
	csv = export_text(db, true, &len);
	cr_assert_eq(db_begin(copy), 0);
	cr_assert_eq(import_buffer(copy, entities[3], "actielijnen.csv", csv, len, &opts, &count, NULL, NULL), 0);
	cr_assert_eq(db_commit(copy), 0);
	/* Same bytes in the database ... */
	cr_assert_eq(db_exec(db, "CREATE TEMP TABLE a AS SELECT hex(titel) t, hex(ifnull(trekker, '')) k,"
			     " hex(ifnull(toelichting, '')) x FROM actielijnen"), 0);
	cr_assert_eq(db_exec(copy, "CREATE TEMP TABLE a AS SELECT hex(titel) t, hex(ifnull(trekker, '')) k,"
			     " hex(ifnull(toelichting, '')) x FROM actielijnen"), 0);
	cr_assert_str_eq(test_text(db, "SELECT group_concat(t || k || x, '/') FROM (SELECT * FROM a ORDER BY t)"),
			 test_text(copy, "SELECT group_concat(t || k || x, '/') FROM (SELECT * FROM a ORDER BY t)"));
	cr_assert_eq(test_int(copy, "SELECT count(*) FROM actielijnen WHERE titel = char(9) || 'begint met een tab'"), 1);
	cr_assert_eq(test_int(copy, "SELECT count(*) FROM actielijnen WHERE trekker = ''''"), 1);
	cr_assert_eq(test_int(copy, "SELECT count(*) FROM actielijnen WHERE toelichting = char(13) || 'begint met CR'"), 1);
	/* ... and in the file written again. */
	again = export_text(copy, true, &len2);
	cr_assert_eq(len, len2);
	cr_assert_eq(memcmp(csv, again, len), 0, "%s\n---\n%s", csv, again);
	free(csv);
	free(again);
	db_close(copy);
}

/* The marker is a spreadsheet's: in a file without a BOM (a plain export,
 * a file from a program) a ' is data. */
Test(harden_csv, apostrophe_is_data_outside_spreadsheet_files)
{
	struct import_result r = IMPORT("actielijnen.csv", "domein,titel\nEID,'=x\nEID,'s-Hertogenbosch\n");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen WHERE titel = '''=x'"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen WHERE titel = '''s-Hertogenbosch'"), 1);
	test_import_free(&r);
	/* With a BOM: the marker goes before = + - @ TAB CR ' only. */
	r = IMPORT("actielijnen.csv", "\xef\xbb\xbf" "domein;titel\r\nEID;'=y\r\nEID;'s-Gravenhage\r\nEID;'''\r\n");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen WHERE titel = '=y'"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen WHERE titel = '''s-Gravenhage'"), 1);
	cr_assert_eq(test_int(db, "SELECT count(*) FROM actielijnen WHERE titel = ''''''"), 1);
	test_import_free(&r);
}

static int
mode_of(const char *path)
{
	struct stat st;

	cr_assert_eq(stat(path, &st), 0, "%s", path);
	return (int)(st.st_mode & 07777);
}

/* Exported files are never looser than the umask nor than the database:
 * a umask of 000 made them 0666. */
Test(harden_csv, exported_files_keep_the_database_mode)
{
	struct result_info why;
	char path[256], out[300], file[400];
	struct export_opts opts = { .table = entities[0], .err = stderr };
	struct db *a;
	mode_t old;

	snprintf(path, sizeof(path), "%s/snw.db", dir);
	snprintf(out, sizeof(out), "%s/uit", dir);
	cr_assert_eq(mkdir(out, 0700), 0);
	opts.dir = out;
	cr_assert_eq(db_create(path, &a, &why), 0, "%s", test_result(&why));
	old = umask(0);
	cr_assert_eq(export_tables(a, &opts), 0);
	snprintf(file, sizeof(file), "%s/domeinen.csv", out);
	cr_assert_eq(mode_of(file), 0600);
	cr_assert_eq(chmod(path, 0644), 0);
	cr_assert_eq(export_tables(a, &opts), 0);
	cr_assert_eq(mode_of(file), 0644);
	umask(077);
	cr_assert_eq(export_tables(a, &opts), 0);
	cr_assert_eq(mode_of(file), 0600);
	umask(old);
	db_close(a);
}
