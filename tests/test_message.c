/*
 * The message catalogue (src/core/message.c): the store and the field
 * rules say what happened as typed results, and the catalogue words them
 * once, in Dutch, or in English from po/en.po.
 */
#include <criterion/criterion.h>
#include <locale.h>

#include "helpers.h"
#include "core/i18n.h"

#define EID "Eigenaarschap, Inclusie en Democratie"

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	i18n_init();
	i18n_set_lang(LANG_NL);
}

static void
teardown(void)
{
	i18n_set_lang(LANG_NL);
}

TestSuite(message, .init = setup, .fini = teardown);

static const struct field *
F(const char *table, const char *column)
{
	const struct entity *e = entity_find(table);

	return &e->fields[entity_field_index(e, column)];
}

/* The rule set says what is wrong and with which value; the words come
 * from the catalogue, with the column first for the importer. */
static const char *
refused(const char *table, const char *column, const char *value, bool with_column)
{
	static char out[4][FIELD_ERR_MAX + 128];
	static int slot;
	char buf[9000], date[11];
	struct problem why;

	snprintf(buf, sizeof(buf), "%s", value);
	cr_assert_null(field_normalize(F(table, column), buf, date, &why), "%s was taken", value);
	return problem_text(&why, with_column, out[slot++ % 4], sizeof(out[0]));
}

Test(message, the_field_rules_are_worded_in_dutch)
{
	char longer[400];

	memset(longer, 'x', 301);
	longer[301] = '\0';
	cr_assert_str_eq(refused("actielijnen", "titel", "  ", true), "titel: ontbrekende waarde (verwacht: tekst)");
	cr_assert_str_eq(refused("actielijnen", "start", "31-02-2024", false),
			 "'31-02-2024' is geen datum (verwacht: een datum zoals 2024-03-04, 4-3-2024, 4 maart 2024, maart 2024 of Q1 2024)");
	cr_assert_str_eq(refused("actielijnen", "status", "half af", true),
			 "status: 'half af' is niet toegestaan (verwacht: een van: gepland, lopend, afgerond, gepauzeerd, gestopt)");
	cr_assert_str_eq(refused("actielijnen", "titel", longer, true),
			 "titel: te lang: 301 tekens (verwacht: hoogstens 300)");
	cr_assert_str_eq(refused("successen", "jaar", "2400", false), "'2400' is ongeldig (verwacht: een jaar zoals 2023)");
	cr_assert_str_eq(refused("actielijnen", "titel", "twee\nregels", false),
			 "regelovergang in een veld van één regel (verwacht: tekst op één regel)");
}

Test(message, and_in_english_from_the_catalogue)
{
	char longer[9000];

	i18n_set_lang(LANG_EN);
	memset(longer, 'x', 8100);
	longer[8100] = '\0';
	cr_assert_str_eq(refused("actielijnen", "titel", "", true), "titel: missing value (expected text)");
	cr_assert_str_eq(refused("actielijnen", "start", "31-02-2024", false),
			 "'31-02-2024' is not a date (expected a date such as 2024-03-04, 4-3-2024, 4 March 2024, March 2024 or Q1 2024)");
	cr_assert_str_eq(refused("acties", "actie", longer, false),
			 "too long: 8,100 characters (expected at most 8,000)");
	cr_assert_str_eq(refused("actielijnen", "status", "x", false),
			 "'x' is not allowed (expected one of gepland, lopend, afgerond, gepauzeerd, gestopt)");
}

/* What the store says (the field, the value, the kind of entry) is worded
 * the same way: a reference that does not resolve, a taken name, a
 * conflict, and a failure of the database with SQLite's own words after
 * the sentence. */
Test(message, the_results_of_the_store)
{
	struct db *db = test_db_with_domains();
	const struct entity *al = entity_find("actielijnen"), *dom = entity_find("domeinen");
	const char *bad[ENTITY_MAX_FIELDS] = { "Nergens", "Buurtbanen", "", "", "", "", "" };
	const char *taken[ENTITY_MAX_FIELDS] = { "NIEUW", "veiligheid", "", "domein", "3" };
	enum db_change ch;

	cr_assert_eq(db_upsert(db, al, bad, &ch, NULL), RES_INVALID);
	cr_assert_eq(db_result(db)->field, entity_field_index(al, "domein"));
	cr_assert_str_eq(test_why(db),
			 "domein: onbekend domein 'Nergens' (verwacht: de code of naam van een domein of thema)");
	cr_assert_eq(db_upsert(db, dom, taken, &ch, NULL), RES_DUPLICATE);
	cr_assert_str_eq(test_why(db), "naam: 'veiligheid' is al de naam van een domein of thema (verwacht: een naam die nog vrij is)");
	i18n_set_lang(LANG_EN);
	cr_assert_str_eq(test_why(db), "naam: 'veiligheid' is already the name of a domain or theme (expected a name that is still free)");
	cr_assert_eq(db_exec(db, "SELECT * FROM nergens"), RES_ERROR);
	cr_assert_str_eq(test_why(db), "unexpected error of the database (no such table: nergens)");
	db_close(db);
}

Test(message, every_result_has_a_sentence_in_both_languages)
{
	struct result_info r = { .field = -1 };
	char nl[RESULT_TEXT_MAX], en[RESULT_TEXT_MAX];

	snprintf(r.path, sizeof(r.path), "/tmp/x/snw.db");
	snprintf(r.detail, sizeof(r.detail), "detail");
	r.e = entity_find("actielijnen");
	for (int c = RES_ERROR; c >= RES_IMPORT_UNDO; c--) {
		r.code = (enum result)c;
		i18n_set_lang(LANG_NL);
		result_text(&r, nl, sizeof(nl));
		i18n_set_lang(LANG_EN);
		result_text(&r, en, sizeof(en));
		if (c == RES_INVALID || c == RES_DUPLICATE)
			continue;	/* their words are the problem's (above) */
		cr_assert(*nl && *en, "result %d has no sentence", c);
		cr_assert(strcmp(nl, en) != 0 || c == RES_CANT_OPEN, "result %d is not translated: %s", c, nl);
	}
	r.code = RES_BUSY;
	r.n = 300;
	i18n_set_lang(LANG_NL);
	cr_assert_str_eq(result_text(&r, nl, sizeof(nl)),
			 "de database is bezet: een ander programma hield haar langer dan 300 ms vast; probeer het opnieuw");
	r.n = 1;	/* not "0 s" */
	cr_assert(strstr(result_text(&r, nl, sizeof(nl)), "langer dan 1 ms vast"), "%s", nl);
	r.n = 1500;
	cr_assert(strstr(result_text(&r, nl, sizeof(nl)), "langer dan 1,5 s vast"), "%s", nl);
	r.code = RES_DIR_READ_ONLY;
	cr_assert(strstr(result_text(&r, nl, sizeof(nl)), "de map /tmp/x is alleen-lezen voor jou"), "%s", nl);
}

Test(message, what_a_delete_takes_along)
{
	struct dependents d = { .count = 2 };
	char buf[100];

	d.e[0] = entity_find("besluiten");
	d.n[0] = 1;
	d.e[1] = entity_find("acties");
	d.n[1] = 1200;
	cr_assert_str_eq(dependents_text(&d, buf, sizeof(buf)), "1 besluit, 1.200 acties");
	d.count = 0;
	cr_assert_str_eq(dependents_text(&d, buf, sizeof(buf)), "");
}
