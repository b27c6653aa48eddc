/*
 * Language and catalogues (see include/core/i18n.h). Dutch needs no
 * catalogue: the msgids are Dutch. English comes from snw.mo of the
 * language "en", through GNU gettext.
 */

#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700	/* setenv, readlink: also when built alone (make fuzz) */
#endif

#include "core/i18n.h"

#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef SNW_LOCALEDIR
#define SNW_LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "snw"

static enum i18n_lang lang = LANG_NL;

/* The language the environment asks for, as gettext reads it: the first
 * entry of $LANGUAGE, else $LC_ALL, $LC_MESSAGES, $LANG. */
static enum i18n_lang
wanted(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return strncmp(v, "en", 2) == 0 && (v[2] == '\0' || strchr("_.@:", v[2]))
				       ? LANG_EN : LANG_NL;
	}
	return LANG_NL;
}

static int
has_catalogue(const char *dir)
{
	char path[PATH_MAX + 32];

	snprintf(path, sizeof(path), "%s/en/LC_MESSAGES/" DOMAIN ".mo", dir);
	return access(path, R_OK) == 0;
}

/* Where the catalogues are, like the shipped data (src/cli/main.c). */
static void
find_localedir(char *out, size_t outsz)
{
	const char *env = getenv("SNW_LOCALEDIR");
	char exe[PATH_MAX - 32];
	ssize_t n;

	if (env && *env) {
		snprintf(out, outsz, "%s", env);
		return;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')))
			*slash = '\0';
		snprintf(out, outsz, "%s/locale", exe);		/* build/snw */
		if (has_catalogue(out))
			return;
		snprintf(out, outsz, "%s/../share/locale", exe);	/* PREFIX/bin/snw */
		if (has_catalogue(out))
			return;
	}
	snprintf(out, outsz, "%s", SNW_LOCALEDIR);
}

void
i18n_init(void)
{
	char dir[PATH_MAX];

	if (!setlocale(LC_ALL, ""))
		setlocale(LC_ALL, "C.UTF-8");	/* the named locale is not installed */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");	/* widths and folding need UTF-8 */
	find_localedir(dir, sizeof(dir));
	bindtextdomain(DOMAIN, dir);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	i18n_set_lang(wanted());
}

void
i18n_set_lang(enum i18n_lang l)
{
	lang = l;
	if (l == LANG_EN) {
		/* gettext ignores $LANGUAGE in the "C" locale and finds no
		 * catalogue for a locale that is not installed: ask for "en"
		 * in a locale that always exists. */
		const char *m = setlocale(LC_MESSAGES, NULL);

		if (!m || !strcmp(m, "C") || !strcmp(m, "POSIX"))
			setlocale(LC_MESSAGES, "C.UTF-8");
		setenv("LANGUAGE", "en", 1);
	}
}

enum i18n_lang
i18n_lang(void)
{
	return lang;
}

const char *
i18n_text(const char *msgid)
{
	return lang == LANG_NL ? msgid : dgettext(DOMAIN, msgid);
}

const char *
i18n_ptext(const char *ctx_msgid, const char *msgid)
{
	const char *t;

	if (lang == LANG_NL)
		return msgid;
	t = dgettext(DOMAIN, ctx_msgid);
	return t == ctx_msgid ? msgid : t;
}

const char *
i18n_ntext(const char *msgid, const char *plural, unsigned long n)
{
	if (lang == LANG_NL)
		return n == 1 ? msgid : plural;	/* Dutch plurals: n != 1 */
	return dngettext(DOMAIN, msgid, plural, n);
}

const char *
i18n_count(long long n, char buf[32])
{
	char digits[24], sep = lang == LANG_NL ? '.' : ',';
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	int len = snprintf(digits, sizeof(digits), "%llu", u), o = 0;

	if (n < 0)
		buf[o++] = '-';
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = sep;
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}
