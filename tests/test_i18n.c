/*
 * Language: Dutch unless English is asked for; counts with the
 * language's thousands separator; English from the catalogue that make
 * builds (SNW_LOCALEDIR points the tests at it).
 */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "core/date.h"
#include "core/entity.h"
#include "core/i18n.h"

static void
setup(void)
{
	i18n_init();
	i18n_set_lang(LANG_NL);
}

TestSuite(i18n, .init = setup);

Test(i18n, dutch_needs_no_catalogue_and_counts_with_dots)
{
	char buf[32];

	cr_assert_str_eq(_(N_("Zonder opdracht opent snw het dashboard.\n")),
			 "Zonder opdracht opent snw het dashboard.\n");
	cr_assert_str_eq(i18n_count(1234, buf), "1.234");
	cr_assert_str_eq(i18n_count(1234567, buf), "1.234.567");
	cr_assert_str_eq(i18n_count(999, buf), "999");
	cr_assert_str_eq(i18n_count(-1000, buf), "-1.000");
	cr_assert_str_eq(_n("%d fout", "%d fouten", 1), "%d fout");
	cr_assert_str_eq(_n("%d fout", "%d fouten", 2), "%d fouten");
}

Test(i18n, english_comes_from_the_catalogue_and_counts_with_commas)
{
	char buf[32];

	i18n_set_lang(LANG_EN);
	cr_assert_eq(i18n_lang(), LANG_EN);
	/* a message of the form's conflict screen (src/tui/formdraw.c) */
	cr_assert_str_eq(_("Jouw versie"), "Your version", "the English catalogue was not found");
	cr_assert_str_eq(i18n_count(1234567, buf), "1,234,567");
	cr_assert_str_eq(_n("%d fout", "%d fouten", 2), "%d fouten", "untranslated stays as it is");
}

/* Dates and counts of entries in the language shown: month names from
 * the catalogue, one plural per kind. */
Test(i18n, dates_and_kinds_follow_the_language)
{
	char d[32], n[64];

	date_format_short("2026-12-01", d, sizeof(d));
	cr_assert_str_eq(d, "1 dec 2026");
	date_format_short("2024-03-04", d, sizeof(d));
	cr_assert_str_eq(d, "4 mrt 2024");
	cr_assert_str_eq(entity_count_text(&entity_besluiten, 1234, n, sizeof(n)), "1.234 besluiten");
	cr_assert_str_eq(entity_count_text(&entity_acties, 1, n, sizeof(n)), "1 actie");
	cr_assert_str_eq(_(entity_besluiten.words->new_one), "Nieuw besluit", "a het-word");
	cr_assert_str_eq(_(entity_actielijnen.words->new_one), "Nieuwe actielijn", "a de-word");
	cr_assert_str_eq(status_word(""), "onbekend");
	i18n_set_lang(LANG_EN);
	date_format_short("2026-12-01", d, sizeof(d));
	cr_assert_str_eq(d, "1 Dec 2026");
	date_format_short("2024-05-04", d, sizeof(d));
	cr_assert_str_eq(d, "4 May 2024");
	cr_assert_str_eq(entity_count_text(&entity_besluiten, 1234, n, sizeof(n)), "1,234 decisions");
	cr_assert_str_eq(entity_count_text(&entity_successen, 1, n, sizeof(n)), "1 success");
	cr_assert_str_eq(_(entity_besluiten.words->new_one), "New decision");
	cr_assert_str_eq(status_word(STATUS_GEPLAND), "planned");
	cr_assert_str_eq(soort_word(SOORT_AB), "AB meeting");
	/* input takes both */
	cr_assert(date_parse("4 May 2024", DATE_POINT, d) && strcmp(d, "2024-05-04") == 0);
	cr_assert(date_parse("4 mei 2024", DATE_POINT, d) && strcmp(d, "2024-05-04") == 0);
}
