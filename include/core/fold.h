#ifndef SNW_FOLD_H
#define SNW_FOLD_H

/*
 * Matching as a person expects when picking from a list: without regard
 * to case or accents, so that `online veiligheid` finds `Online
 * veiligheid` and `unver` finds `Ünver`. Pure.
 */

#include <stdbool.h>

/*
 * The folded form of UTF-8 text, malloc'd: text_fold (core/text.h), the
 * folding search and the store match with too: compatibility-decomposed,
 * case-folded, accents and other marks removed, invisible characters
 * (ZWJ, bidi controls) dropped, look-alike punctuation lumped (’ -> '),
 * and the few letters that have no decomposition (Turkish ı, ø, ł, đ)
 * taken as their plain letter. An invalid byte folds to 0xFF.
 */
char *fold_text(const char *s);

/* True when folded needle occurs in folded haystack ("" always does). */
bool fold_contains(const char *hay_folded, const char *needle_folded);

/* True when a and b are the same text once folded. */
bool fold_equal(const char *a, const char *b);

#endif
