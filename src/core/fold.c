/*
 * Case- and accent-insensitive matching (include/core/fold.h), through
 * utf8proc's normalisation and case folding.
 */

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/fold.h"

/* Letters that stay themselves under decomposition but that a person
 * typing without accents writes as a plain letter. */
static utf8proc_int32_t
plain_letter(utf8proc_int32_t c, void *data)
{
	(void)data;
	switch (c) {
	case 0x0131: return 'i';	/* ı, Turkish dotless i */
	case 0x00F8: case 0x00D8: return 'o';	/* ø Ø */
	case 0x0142: case 0x0141: return 'l';	/* ł Ł */
	case 0x0111: case 0x0110: return 'd';	/* đ Đ */
	default: return c;
	}
}

/* ASCII letters lowercased, other bytes kept: ASCII text, and invalid
 * UTF-8 (which utf8proc refuses). */
static char *
fold_bytes(const char *s)
{
	char *d = strdup(s);

	for (char *p = d; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return d;
}

/* True when s is ASCII only: then folding is lowercasing (most titles
 * are, and a pick list folds thousands of them per key). */
static bool
is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

char *
fold_text(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	if (!s)
		s = "";
	if (is_ascii(s))
		return fold_bytes(s);
	n = utf8proc_map_custom((const utf8proc_uint8_t *)s, 0, &out,
				UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
				UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
				UTF8PROC_IGNORE, plain_letter, NULL);
	if (n < 0) {
		free(out);
		return n == UTF8PROC_ERROR_NOMEM ? NULL : fold_bytes(s);
	}
	return (char *)out;
}

bool
fold_contains(const char *hay_folded, const char *needle_folded)
{
	return strstr(hay_folded, needle_folded) != NULL;
}

bool
fold_equal(const char *a, const char *b)
{
	char *fa = fold_text(a), *fb = fold_text(b);
	bool eq = fa && fb && strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return eq;
}
