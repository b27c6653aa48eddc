/*
 * The documents (snw report, snw minutes) and what they read: data
 * escaped for each format (hostile titles), text kept within 78 columns,
 * requests for what is not there refused before anything is written, the
 * besluitenlijst with its cumulative actielijst, what changed since a
 * date after edits, an import and an undo, and the log (entries by
 * title, --limit counting entries, --domain, a toggle as a toggle).
 * The HTML is checked by a real HTML5 parser in the e2e tests
 * (t_cli_report.sh), which also compare the shipped data with golden
 * files.
 */
#include <criterion/criterion.h>
#include <locale.h>

#include "helpers.h"
#include "cli/doc.h"
#include "cli/log.h"
#include "cli/report.h"
#include "core/i18n.h"
#include "core/text.h"
#include "model/changes.h"
#include "model/history.h"

#define EID "Eigenaarschap, Inclusie en Democratie"

static struct db *db;

static long long
put(const struct entity *e, const char *const *vals)
{
	enum db_change ch;
	long long id;

	cr_assert_eq(db_upsert(db, e, vals, &ch, &id), 0, "%s: %s", e->name, test_why(db));
	return id;
}

/* A small programme, loaded as snw init loads the shipped data: with a
 * stated peildatum, so that the load is the starting point, not a
 * change. */
static void
setup(void)
{
	i18n_init();
	setlocale(LC_ALL, "C.UTF-8");
	i18n_set_lang(LANG_NL);
	cr_assert_eq(db_open_memory(&db), 0);
	db_set_actor(db, "secretaris", "import");
	put(&entity_domeinen, (const char *const[ENTITY_MAX_FIELDS]){ "EID", EID, "Van, voor, met en door bewoners", "domein", "1" });
	put(&entity_domeinen, (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Veiligheid", "Je veilig voelen", "domein", "2" });
	put(&entity_actielijnen, (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Wijkallianties", "Met bewoners.", "Emre Ünver",
							"gepland", "2024-01-01", "2024-06-30" });
	put(&entity_actielijnen, (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Coöperatie creëren", "", "", "lopend", "2024-03-01", "" });
	put(&entity_actielijnen, (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Wijkrechtspraak", "", "", "", "", "" });
	put(&entity_successen, (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "2023", "Buurtrechter gestart", "" });
	put(&entity_vergaderingen, (const char *const[ENTITY_MAX_FIELDS]){ "2023-09-28", "AB-vergadering", "AB september", "WoonInfo" });
	put(&entity_vergaderingen, (const char *const[ENTITY_MAX_FIELDS]){ "2023-12-21", "AB-vergadering", "AB december", "" });
	put(&entity_vergaderingen, (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "AB-vergadering", "AB januari", "" });
	put(&entity_besluiten, (const char *const[ENTITY_MAX_FIELDS]){ "2023-12-21", "3. Uitvoeringsprogramma", "Het UP is gereed." });
	put(&entity_besluiten, (const char *const[ENTITY_MAX_FIELDS]){ "2023-12-21", "5. Bewoners in het AB", "Eerst dialoog." });
	put(&entity_besluiten, (const char *const[ENTITY_MAX_FIELDS]){ "2023-12-21", "3. Uitvoeringsprogramma", "Samenvatting akkoord." });
	put(&entity_acties, (const char *const[ENTITY_MAX_FIELDS]){ "2023-09-28", "Protocol agenderen", "Burgemeester", "2023-11-01", "open", "EID" });
	put(&entity_acties, (const char *const[ENTITY_MAX_FIELDS]){ "2023-09-28", "Verslag rondsturen", "Secretaris", "", "gedaan", "" });
	put(&entity_acties, (const char *const[ENTITY_MAX_FIELDS]){ "2023-12-21", "Raadsbrief schrijven", "Rutger", "2024-01-10", "open", "" });
	put(&entity_acties, (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Later besproken", "AB", "", "open", "" });
	put(&entity_planning, (const char *const[ENTITY_MAX_FIELDS]){ "2024-03-04", "Publicatie UP", "", "", "" });
	put(&entity_planning, (const char *const[ENTITY_MAX_FIELDS]){ "2024-05-01", "Evaluatie", "EID", "Wijkallianties", "" });
	cr_assert_eq(db_state_peildatum(db, "2024-01-25"), 0);
	db_set_actor(db, "secretaris", "form");
}

static void
teardown(void)
{
	db_close(db);
}

TestSuite(report, .init = setup, .fini = teardown);
TestSuite(minutes, .init = setup, .fini = teardown);
TestSuite(changes, .init = setup, .fini = teardown);
TestSuite(log, .init = setup, .fini = teardown);

/* A document in memory: report_write (date NULL) or minutes_write. */
static char *
write_doc(enum doc_format f, const char *domain, const char *since, const char *date, int *rc)
{
	struct report_opts o = { .format = f, .today = "2024-02-15", .domain = domain, .since = since };
	char err[512] = "", *out = NULL;
	size_t len;
	FILE *fp = open_memstream(&out, &len);

	*rc = date ? minutes_write(db, date, &o, fp, err, sizeof(err)) : report_write(db, &o, fp, err, sizeof(err));
	fclose(fp);
	if (*rc)
		cr_log_info("%s", err);
	return out;
}

static char *
report(enum doc_format f, const char *since)
{
	int rc;
	char *out = write_doc(f, NULL, since, NULL, &rc);

	cr_assert_eq(rc, 0);
	return out;
}

/* Sets one field of an entry through the form's path (db_update). */
static void
set_field(const struct entity *e, long long id, const char *column, const char *value)
{
	char *vals[ENTITY_MAX_FIELDS] = { 0 }, *cur[ENTITY_MAX_FIELDS] = { 0 };
	const char *nv[ENTITY_MAX_FIELDS];
	int k = entity_field_index(e, column);

	cr_assert_eq(db_get(db, e, id, vals), RES_OK);
	for (int j = 0; j < e->nfields; j++)
		nv[j] = j == k ? value : vals[j];
	cr_assert_eq(db_update(db, e, id, (const char *const *)vals, nv, cur), 0, "%s", test_why(db));
	db_free_row(e, cur);
	db_free_row(e, vals);
}

static long long
id_of(const char *sql)
{
	return test_int(db, sql);
}

/* --- escaping ------------------------------------------------------------------ */

#define HOSTILE "<script>alert(1)</script> & \"q\" 'a' ]]> </style> \x1b[31m"

Test(report, a_hostile_title_is_text_in_html)
{
	char *out;

	put(&entity_actielijnen, (const char *const[ENTITY_MAX_FIELDS]){ "EID", HOSTILE, "<b>vet</b>\nregel 2", "<img src=x>",
							"lopend", "2024-02-01", "2024-04-30" });
	put(&entity_planning, (const char *const[ENTITY_MAX_FIELDS]){ "2024-04-01", "<svg onload=alert(1)>", "EID", HOSTILE, "" });
	out = report(DOC_HTML, NULL);
	cr_assert_null(strstr(out, "<script>"), "a script element got through");
	cr_assert_null(strstr(out, "<img"));
	cr_assert_null(strstr(out, "<svg onload"));
	cr_assert_null(strstr(out, "<b>vet"));
	cr_assert_null(strstr(out, "\x1b"), "a raw ESC");
	cr_assert_null(strstr(out, "]]>"));
	cr_assert_not_null(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;"));
	cr_assert_not_null(strstr(out, "^[[31m"), "ESC shown as ^[");
	cr_assert_not_null(strstr(out, "&lt;b&gt;vet&lt;/b&gt;<br />regel 2"), "a line break in data is <br />");
	/* In the chart too: its label, its milestone's tooltip, its text. */
	cr_assert_not_null(strstr(out, "<title>1 apr 2024: &lt;svg onload=alert(1)&gt;</title>"));
	cr_assert_null(strstr(out, "<script"), "no script at all");
	free(out);
}

/* The unescaped | of a Markdown table row: the cell borders. */
static int
borders(const char *line)
{
	int n = 0;

	for (const char *p = line; *p && *p != '\n'; p++)
		if (*p == '|' && (p == line || p[-1] != '\\'))
			n++;
	return n;
}

Test(report, markdown_escapes_what_would_be_markdown)
{
	char *out, *row;

	put(&entity_actielijnen, (const char *const[ENTITY_MAX_FIELDS]){ "EID", "A | B *c* _d_ # e [x](y) <i> `f` $5 ^{5.1.2,e}",
							"1. eerst\n- dan\n# kop", "", "", "", "" });
	put(&entity_vergaderingen, (const char *const[ENTITY_MAX_FIELDS]){ "2024-02-01", "AB-vergadering", "", "" });
	put(&entity_acties, (const char *const[ENTITY_MAX_FIELDS]){ "2024-02-01", "1. Doen | nu", "#1 * ster", "", "open", "EID" });
	out = report(DOC_MARKDOWN, NULL);
	row = strstr(out, "| A \\| B \\*c\\* \\_d\\_ \\# e \\[x\\](y) \\<i\\> \\`f\\` \\$5 \\^\\{5.1.2,e\\}");
	cr_assert_not_null(row, "%s", out);
	cr_assert_eq(borders(row), 5, "an actielijnen row has 4 cells");
	cr_assert_not_null(strstr(row, "<br>1\\. eerst<br>\\- dan<br>\\# kop"), "line starts that would be Markdown");
	row = strstr(out, "| 1\\. Doen \\| nu");
	cr_assert_not_null(row, "%s", out);
	cr_assert_eq(borders(row), 5);
	cr_assert_not_null(strstr(row, "\\#1 \\* ster"));
	free(out);
}

Test(report, text_stays_within_78_columns_and_shows_no_control_character)
{
	char *out, *line, *save = NULL;

	put(&entity_actielijnen, (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Een heel lange titel met woorden als "
		"Alliantiebestuursvergaderingsvoorbereidingsdocumentenverzameling en 🌍 en 日本語の文字",
		"Toelichting\x1b]0;titel\x07 met\tbesturing", "", "gepland", "2024-01-01", "2024-12-31" });
	out = report(DOC_TEXT, NULL);
	cr_assert_null(strstr(out, "\x1b"));
	cr_assert_null(strstr(out, "\x07"));
	cr_assert_not_null(strstr(out, "^[]0;titel^G"));
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		cr_assert_leq(text_width(line), 78, "%d columns: %s", text_width(line), line);
	free(out);
}

/* A long run of invisible characters is wrapped between their markers,
 * never inside one ("⟨U+" at the end of a line, "200D⟩" on the next). */
Test(report, text_never_cuts_a_marker)
{
	char trekker[400] = "Ünver", *out, *line, *save = NULL;
	int lines = 0;

	for (int i = 0; i < 30; i++)
		strcat(trekker, "\u200D");
	put(&entity_actielijnen, (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Verbonden", "", trekker,
		"gepland", "2024-01-01", "2024-12-31" });
	out = report(DOC_TEXT, NULL);
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		int open = 0, close = 0;

		if (!strstr(line, "U+200D"))
			continue;
		lines++;
		cr_assert_leq(text_width(line), 78, "%s", line);
		/* every marker on the line is whole: as many ⟨ as ⟩ */
		for (const char *p = line; (p = strstr(p, "⟨")); p += 3)
			open++;
		for (const char *p = line; (p = strstr(p, "⟩")); p += 3)
			close++;
		cr_assert_eq(open, close, "a marker cut on: %s", line);
	}
	cr_assert_geq(lines, 2, "the trekker takes more than one line");
	free(out);
}

Test(report, what_is_not_there_is_refused_before_a_byte_is_written)
{
	int rc;
	char *out = write_doc(DOC_HTML, "nergens", NULL, NULL, &rc);

	cr_assert_eq(rc, REPORT_NOT_FOUND);
	cr_assert_str_eq(out, "");
	free(out);
	cr_assert_eq(db_delete(db, &entity_vergaderingen, id_of("SELECT id FROM vergaderingen WHERE datum = '2024-01-25'")), 0);
	cr_assert_eq(db_delete(db, &entity_vergaderingen, id_of("SELECT id FROM vergaderingen WHERE datum = '2023-12-21'")), 0);
	cr_assert_eq(db_delete(db, &entity_vergaderingen, id_of("SELECT id FROM vergaderingen WHERE datum = '2023-09-28'")), 0);
	out = write_doc(DOC_TEXT, NULL, "last-ab", NULL, &rc);
	cr_assert_eq(rc, REPORT_NOT_FOUND, "no AB meeting on or before today");
	cr_assert_str_eq(out, "");
	free(out);
	out = write_doc(DOC_TEXT, NULL, NULL, "2023-12-22", &rc);
	cr_assert_eq(rc, REPORT_NOT_FOUND);
	cr_assert_str_eq(out, "");
	free(out);
}

/* The summary: counts per status, overdue actions, the meetings, and a
 * domain without any status says so instead of drawing a bar. */
Test(report, the_summary_counts_and_says_what_is_not_recorded)
{
	char *out = report(DOC_TEXT, NULL);

	cr_assert_not_null(strstr(out, "2 actielijnen: 1 lopend, 1 gepland"), "%s", out);
	cr_assert_not_null(strstr(out, "1 actielijn, geen status vastgelegd"), "%s", out);
	cr_assert_not_null(strstr(out, "Laatste AB-vergadering:  25 jan 2024, AB januari"), "%s", out);
	cr_assert_not_null(strstr(out, "Volgende AB-vergadering: nog niet vastgelegd"), "%s", out);
	cr_assert_not_null(strstr(out, "Open acties: 1 · Te laat: 1"), "the EID action is past 1 nov 2023\n%s", out);
	cr_assert_not_null(strstr(out, "- Protocol agenderen\n  Eigenaar: Burgemeester · Vergadering: 28 sep 2023 ·"
				  " Deadline: 1 nov 2023 (te\n  laat)"), "wrapped at 78\n%s", out);
	/* What belongs to no domain, and the whole. */
	cr_assert_not_null(strstr(out, "- Zonder domein\n  acties en mijlpalen van het programma\n"
				  "  Open acties: 2 · Te laat: 1 · Volgende mijlpaal: 4 mrt 2024: Publicatie UP"), "%s", out);
	cr_assert_not_null(strstr(out, "- Totaal\n  Successen: 1 · Open acties: 3 · Te laat: 2 ·"), "%s", out);
	free(out);
}

Test(report, follows_the_language)
{
	char *out;

	i18n_set_lang(LANG_EN);
	out = report(DOC_TEXT, NULL);
	i18n_set_lang(LANG_NL);
	cr_assert_not_null(strstr(out, "Summary"), "%s", out);
	cr_assert_not_null(strstr(out, "1 ongoing, 1 planned"), "%s", out);
	cr_assert_not_null(strstr(out, "Q1 2024"), "%s", out);
	cr_assert_null(strstr(out, "Samenvatting"));
	free(out);
}

/* --- minutes ------------------------------------------------------------------ */

Test(minutes, decisions_by_agenda_item_and_the_cumulative_actielijst)
{
	int rc;
	char *out = write_doc(DOC_TEXT, NULL, NULL, "21-12-2023", &rc), *a, *b, *c;

	cr_assert_eq(rc, 0);
	cr_assert_not_null(strstr(out, "Besluitenlijst en actielijst 21 dec 2023"), "%s", out);
	/* Both decisions of item 3 under one heading, before item 5. */
	a = strstr(out, "Het UP is gereed.");
	b = strstr(out, "Samenvatting akkoord.");
	c = strstr(out, "5. Bewoners in het AB");
	cr_assert(a && b && c && a < b && b < c, "%s", out);
	cr_assert_eq(strstr(strstr(out, "3. Uitvoeringsprogramma") + 1, "3. Uitvoeringsprogramma"), NULL,
		     "item 3 has one heading");
	free(out);
	/* Its own action with owner and deadline; the open one of September
	 * (overdue), not the done one, nor the later one. One row a line in
	 * Markdown. */
	out = write_doc(DOC_MARKDOWN, NULL, NULL, "2023-12-21", &rc);
	cr_assert_not_null(strstr(out, "| Raadsbrief schrijven | Rutger | 10 jan 2024 (te laat) | open |"), "%s", out);
	a = strstr(out, "## Openstaande acties uit eerdere vergaderingen");
	cr_assert_not_null(a, "%s", out);
	cr_assert_not_null(strstr(a, "| Protocol agenderen<br>" EID " | Burgemeester | 1 nov 2023 (te laat) | 28 sep 2023 |"),
			   "%s", out);
	cr_assert_null(strstr(out, "Verslag rondsturen"), "a done action is off the list");
	cr_assert_null(strstr(out, "Later besproken"), "a later meeting's action is not an earlier one");
	free(out);
}

/* --- changes since a date ---------------------------------------------------------- */

static const struct change *
find_change(const struct changes *ch, const struct entity *e, const char *title)
{
	for (int i = 0; i < ch->n; i++)
		if (ch->v[i].e == e && strcmp(ch->v[i].title, title) == 0)
			return &ch->v[i];
	return NULL;
}

Test(changes, the_initial_load_is_no_change)
{
	struct changes ch = { 0 };

	cr_assert_eq(changes_since(db, "2000-01-01", 0, &ch), 0);
	cr_assert_eq(ch.n, 0, "%d changes, first %s", ch.n, ch.n ? ch.v[0].title : "");
	changes_free(&ch);
}

/* Data loaded without a stated peildatum (by import) has no starting
 * point: all of its history counts, as it does for the peildatum. */
Test(changes, without_a_stated_peildatum_all_history_counts)
{
	struct changes ch = { 0 };

	db_exec(db, "DELETE FROM gegevens WHERE sleutel LIKE 'peildatum%'");
	cr_assert_eq(history_initial_load(db), 0);
	cr_assert_eq(changes_since(db, "2000-01-01", 0, &ch), 0);
	cr_assert_eq(ch.n, test_int(db, "SELECT (SELECT count(*) FROM domeinen) + (SELECT count(*) FROM actielijnen)"
				    " + (SELECT count(*) FROM successen) + (SELECT count(*) FROM vergaderingen)"
				    " + (SELECT count(*) FROM besluiten) + (SELECT count(*) FROM acties)"
				    " + (SELECT count(*) FROM planning)"), "every entry is new");
	cr_assert_eq(ch.v[0].kind, CHANGE_ADDED);
	changes_free(&ch);
}

Test(changes, after_edits_an_import_and_an_undo)
{
	const char *dir = test_tmpdir();
	long long wijk = id_of("SELECT id FROM actielijnen WHERE titel = 'Wijkallianties'");
	long long coop = id_of("SELECT id FROM actielijnen WHERE titel = 'Coöperatie creëren'");
	long long brief = id_of("SELECT id FROM acties WHERE actie = 'Raadsbrief schrijven'");
	struct change_group g, undone;
	struct import_result r;
	struct changes ch = { 0 };
	const struct change *c;
	char *out;
	long long tmp;

	/* A status transition, twice: one net change gepland → afgerond. */
	set_field(&entity_actielijnen, wijk, "status", "lopend");
	set_field(&entity_actielijnen, wijk, "status", "afgerond");
	/* An edit that is undone is no change. */
	set_field(&entity_actielijnen, coop, "trekker", "Jan");
	db_last_group(db, &g.first, &g.last);
	cr_assert_eq(db_revert(db, g, &undone), RES_OK, "%s", test_why(db));
	/* An action done with Space. */
	db_set_actor(db, "secretaris", "wissel");
	set_field(&entity_acties, brief, "status", "gedaan");
	db_set_actor(db, "secretaris", "form");
	/* Removed; and added and removed again, which is nothing. */
	cr_assert_eq(db_delete(db, &entity_successen, id_of("SELECT id FROM successen")), 0);
	cr_assert_eq(db_insert(db, &entity_actielijnen, (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Kort", "", "", "", "", "" },
			       &tmp), 0, "%s", test_why(db));
	cr_assert_eq(db_delete(db, &entity_actielijnen, tmp), 0);
	/* An import: one new, one changed trekker. */
	r = IMPORT("actielijnen.csv", "domein,titel,trekker\nVEILIG,Buurtbanen,Samir\nVEILIG,Wijkrechtspraak,OM\n");
	cr_assert_eq(r.status, 0, "%s", r.err);
	test_import_free(&r);

	cr_assert_eq(changes_since(db, "2000-01-01", 0, &ch), 0);
	cr_assert_eq(ch.n, 5, "%d changes", ch.n);
	c = find_change(&ch, &entity_actielijnen, "Wijkallianties");
	cr_assert_not_null(c);
	cr_assert_eq(c->kind, CHANGE_CLOSED);
	cr_assert_eq(c->nfields, 1);
	cr_assert_str_eq(c->fields[0].old, "gepland");
	cr_assert_str_eq(c->fields[0].new, "afgerond");
	cr_assert_null(find_change(&ch, &entity_actielijnen, "Coöperatie creëren"), "undone");
	cr_assert_null(find_change(&ch, &entity_actielijnen, "Kort"), "added and removed again");
	c = find_change(&ch, &entity_acties, "Raadsbrief schrijven");
	cr_assert(c && c->kind == CHANGE_DONE);
	cr_assert_eq(c->domain, 0);
	cr_assert_eq(c->ref, id_of("SELECT id FROM vergaderingen WHERE datum = '2023-12-21'"), "shown at its meeting");
	c = find_change(&ch, &entity_successen, "Buurtrechter gestart");
	cr_assert(c && c->kind == CHANGE_REMOVED);
	cr_assert_eq(c->domain, id_of("SELECT id FROM domeinen WHERE code = 'VEILIG'"), "its domain as it was");
	c = find_change(&ch, &entity_actielijnen, "Buurtbanen");
	cr_assert(c && c->kind == CHANGE_ADDED);
	c = find_change(&ch, &entity_actielijnen, "Wijkrechtspraak");
	cr_assert(c && c->kind == CHANGE_CHANGED);
	cr_assert_str_eq(c->fields[0].label, "Trekker");
	cr_assert_str_eq(c->fields[0].new, "OM");
	/* By domain (EID, VEILIG, then none); the since date counts. */
	cr_assert_eq(ch.v[0].e, &entity_actielijnen);
	cr_assert_str_eq(ch.v[0].title, "Wijkallianties");
	cr_assert_eq(ch.v[ch.n - 1].domain, 0);
	changes_free(&ch);
	cr_assert_eq(changes_since(db, "2999-01-01", 0, &ch), 0);
	cr_assert_eq(ch.n, 0);
	changes_free(&ch);

	/* The report words them, per domain (Markdown: one item a line). */
	out = report(DOC_MARKDOWN, "2000-01-01");
	cr_assert_not_null(strstr(out, "## Wat is er veranderd sinds 1 jan 2000\n\n### " EID "\n\n- "),
			   "%s", out);
	cr_assert_not_null(strstr(out, "actielijn afgesloten “Wijkallianties” (Status: gepland → afgerond)"), "%s", out);
	cr_assert_not_null(strstr(out, "actie gedaan “Raadsbrief schrijven” (Status: open → gedaan)"), "%s", out);
	cr_assert_not_null(strstr(out, "succes verwijderd “Buurtrechter gestart”"), "%s", out);
	cr_assert_not_null(strstr(out, "actielijn toegevoegd “Buurtbanen”"), "%s", out);
	cr_assert_not_null(strstr(out, "actielijn gewijzigd “Wijkrechtspraak” (Trekker: (leeg) → OM)"), "%s", out);
	cr_assert_null(strstr(out, "Coöperatie creëren” gewijzigd"));
	free(out);
	out = report(DOC_TEXT, "last-ab");
	cr_assert_not_null(strstr(out, "Wat is er veranderd sinds 25 jan 2024"), "%s", out);
	free(out);
}

/* --- the log -------------------------------------------------------------------------- */

static char *
log_of(struct log_query q)
{
	char *out = NULL;
	size_t len;
	FILE *fp = open_memstream(&out, &len);

	cr_assert_eq(log_write(db, &q, fp), 0, "%s", test_why(db));
	fclose(fp);
	return out;
}

static int
lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

Test(log, entries_by_title_limit_counts_entries_and_a_toggle_is_a_toggle)
{
	long long wijk = id_of("SELECT id FROM actielijnen WHERE titel = 'Wijkallianties'");
	char *out;

	set_field(&entity_actielijnen, wijk, "status", "lopend");
	db_set_actor(db, "secretaris", "wissel");
	set_field(&entity_acties, id_of("SELECT id FROM acties WHERE actie = 'Raadsbrief schrijven'"), "status", "gedaan");
	db_set_actor(db, "secretaris", "form");
	out = log_of((struct log_query){ .limit = 2 });
	cr_assert_eq(lines(out), 2, "%s", out);
	cr_assert_not_null(strstr(out, "wissel    actie"), "%s", out);
	cr_assert_not_null(strstr(out, "\"Raadsbrief schrijven\": Status: open -> gedaan"), "%s", out);
	cr_assert_not_null(strstr(out, "formulier actielijn"), "%s", out);
	cr_assert_not_null(strstr(out, "\"Wijkallianties\": Status: gepland -> lopend"), "%s", out);
	free(out);
	/* The initial load is 18 entries, each a line of its own: a run of
	 * ids entry by entry counts each. */
	out = log_of((struct log_query){ .limit = 5, .table = &entity_acties });
	cr_assert_eq(lines(out), 5, "%s", out);
	cr_assert_not_null(strstr(out, "toegevoegd: \"Later besproken\""), "%s", out);
	free(out);
	out = log_of((struct log_query){ .domein_id = id_of("SELECT id FROM domeinen WHERE code = 'VEILIG'") });
	cr_assert_not_null(strstr(out, "toegevoegd: \"Wijkrechtspraak\""), "%s", out);
	cr_assert_null(strstr(out, "Wijkallianties"), "%s", out);
	cr_assert_null(strstr(out, "Raadsbrief"), "an action of no domain");
	free(out);
	out = log_of((struct log_query){ .since = "2999-01-01" });
	cr_assert_str_eq(out, "");
	free(out);
}

/* A change beyond what the log's 40 columns show: both values are shown
 * from just before they differ, so the line does not read "x -> x". */
Test(log, a_change_at_the_end_of_a_long_value_is_shown)
{
	long long wijk = id_of("SELECT id FROM actielijnen WHERE titel = 'Wijkallianties'");
	char before[600] = "Emre Ünver", after[600];
	char *out;

	for (int i = 0; i < 40; i++)
		strcat(before, "\u200D");
	set_field(&entity_actielijnen, wijk, "trekker", before);
	snprintf(after, sizeof(after), "%s!", before);
	set_field(&entity_actielijnen, wijk, "trekker", after);
	out = log_of((struct log_query){ .limit = 1 });
	cr_assert_not_null(strstr(out, "Trekker: …⟨U+200D⟩⟨U+200D⟩ -> …⟨U+200D⟩⟨U+200D⟩!"), "%s", out);
	free(out);
	/* a change a reader sees in the first 40 columns is shown from the start */
	set_field(&entity_actielijnen, wijk, "trekker", "Saïda");
	out = log_of((struct log_query){ .limit = 1 });
	cr_assert_not_null(strstr(out, "Trekker: Emre Ünver"), "%s", out);
	cr_assert_not_null(strstr(out, "-> Saïda"), "%s", out);
	free(out);
}
