/*
 * Language: Dutch unless English is asked for; counts with the
 * language's thousands separator; English from the catalogue that make
 * builds (SNW_LOCALEDIR points the tests at it).
 */
#include <criterion/criterion.h>
#include <stdlib.h>

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
