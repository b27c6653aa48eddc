#ifndef SNW_I18N_H
#define SNW_I18N_H

/*
 * Language. snw speaks Dutch, its users' and its data's language, unless
 * the user's locale or $LANGUAGE asks for English (en, en_GB, ...).
 *
 * The messages in the source are the Dutch sentences themselves (the
 * msgids are Dutch); po/en.po translates them. So whatever goes wrong
 * with catalogues or locales, a person reads Dutch, never a mixture.
 * Every sentence a person reads goes through one of these macros, whole
 * and with its parameters in it (never glued from fragments):
 *
 *   _("Actielijn toegevoegd")              a sentence
 *   N_("gepland")                          marked for the catalogue, translated later with _()
 *   C_("status", "open")                   a word whose translation depends on its use
 *   _n("%d fout", "%d fouten", n)          a count
 *
 * `make pot` collects them into po/snw.pot (xgettext); `make test` checks
 * that po/en.po translates every one of them.
 */

#include <stddef.h>

enum i18n_lang {
	LANG_NL,	/* the default */
	LANG_EN,
};

/* Sets the locale from the environment (falling back to C.UTF-8 when the
 * named locale is not installed or is not UTF-8, so widths and case
 * folding work), decides the language and finds the catalogues: beside
 * the binary in the source tree (build/locale), beside an installed
 * binary (bin/../share/locale), $SNW_LOCALEDIR, or the directory chosen
 * at build time. Call once, first thing. */
void i18n_init(void);

/* Forces a language (tests; the CLI's and the dashboard's tests run in
 * both). */
void i18n_set_lang(enum i18n_lang lang);

enum i18n_lang i18n_lang(void);

/* The translations behind the macros. A translation of a printf format
 * is a format with the same conversions (format_arg: the compiler checks
 * the arguments against the msgid, as with gettext's own functions). */
const char *i18n_text(const char *msgid) __attribute__((format_arg(1)));
const char *i18n_ptext(const char *ctx_msgid, const char *msgid) __attribute__((format_arg(2)));
const char *i18n_ntext(const char *msgid, const char *plural, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));

#define _(s) i18n_text(s)
#define N_(s) (s)
#define C_(ctx, s) i18n_ptext(ctx "\004" s, s)
#define _n(s, p, n) i18n_ntext(s, p, (unsigned long)(n))

/* A whole number with the language's thousands separator: "1.234" in
 * Dutch, "1,234" in English. Returns buf. */
const char *i18n_count(long long n, char buf[32]);

#endif
