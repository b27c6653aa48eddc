/*
 * Case- and accent-insensitive matching (include/core/fold.h): the
 * folding of core/text.h, which search and the store use too.
 */

#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/text.h"

/* One way of matching in all of snw: search, references, pick lists
 * (core/text.h, "Matching"). */
char *
fold_text(const char *s)
{
	return text_fold(s);
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
	bool eq = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return eq;
}
