#ifndef SNW_TEXT_H
#define SNW_TEXT_H

/*
 * Text helpers: encodings, terminal-safe text and display width, and
 * matching that ignores case and accents. Everything here is pure (no
 * I/O, no curses), so it is shared by the importer, the report, the log,
 * the search and the dashboard.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one well-formed UTF-8 character from s (n bytes available;
 * SIZE_MAX for a NUL-terminated string). Returns its length (1..4) and
 * stores the code point, or returns 0 when s starts with an invalid or
 * truncated sequence. The one UTF-8 decoder of snw. */
size_t text_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encodes a valid code point into out; returns the number of bytes (1..4).
 * The one UTF-8 encoder of snw. */
size_t text_utf8_encode(uint32_t cp, char out[4]);

/* The length in bytes of the grapheme cluster (a user-perceived
 * character: a letter with its accents, an emoji sequence joined by
 * U+200D, a flag) that starts at s, of the n bytes available (SIZE_MAX:
 * NUL-terminated). An invalid byte is a cluster of its own, 1 byte; 0 only
 * at the end. Unicode's rules (UAX #29), through utf8proc. */
size_t text_cluster_len(const char *s, size_t n);

/* True when buf[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool text_utf8_valid(const char *buf, size_t len);

/* The length of the well-formed UTF-8 start of buf[0..len) (len when all
 * of it is); sets *nonascii (when not NULL) if that part has a character
 * beyond ASCII, and leaves it alone otherwise. */
size_t text_utf8_prefix(const char *buf, size_t len, bool *nonascii);

/*
 * Converts Windows-1252 bytes to a new NUL-terminated UTF-8 string.
 * Returns NULL when a byte is undefined in Windows-1252 (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) and stores its offset in *bad_at; NULL with
 * *bad_at == (size_t)-1 means out of memory. The caller frees.
 */
char *text_cp1252_to_utf8(const char *buf, size_t len, size_t *out_len, size_t *bad_at);

/*
 * Copies UTF-8 text into dst (size dstsz, always NUL-terminated) so that
 * no control character survives: ESC becomes "^[", other C0 controls and
 * DEL become "^X" notation, C1 controls (U+0080..U+009F) and invalid
 * bytes become "?". Tabs become a space; newlines are kept only when
 * keep_newlines is true. Returns the length written.
 */
size_t text_sanitize(char *dst, size_t dstsz, const char *src, bool keep_newlines);

/* Display columns of a UTF-8 string after sanitizing (wcwidth based). */
int text_width(const char *s);

/*
 * Copies at most `cols` display columns of UTF-8 `s` into dst; when the
 * text is longer it is cut at a character boundary and ends in "…".
 * Control characters are sanitized as in text_sanitize (newlines become
 * spaces). Returns the display width of what was written.
 */
int text_fit(char *dst, size_t dstsz, const char *s, int cols);

/* Trims leading and trailing ASCII white space and the no-break space
 * (U+00A0) that Excel writes, in place; returns s. */
char *text_trim(char *s);

/*
 * Matching (text_fold.c): two texts match when they are equal after
 * folding, for all of Unicode: case folded (Ü -> ü, ß -> ss), accents and
 * other marks removed (ü -> u, so "unver" finds "Ünver" and "ünver"
 * finds "Unver"), compatibility forms decomposed (ĳ -> ij, ﬁ -> fi),
 * invisible characters ignored (U+200B, U+00AD, U+200D), and look-alike
 * punctuation lumped (’ -> ', – -> -). Independent of the locale.
 */

/* The folded form of UTF-8 text as above, malloc'd (UTF-8; an invalid
 * byte becomes 0xFF); NULL when out of memory. Two texts match when their
 * folded forms are equal; one occurs in another when its folded form
 * occurs in the other's (what core/fold.h's pick lists use). */
char *text_fold(const char *s);

/* Compares UTF-8 strings folded as above; 0 when they match. Orders by
 * folded code points. */
int text_casecmp(const char *a, const char *b);

/* True when needle occurs in haystack, folded as above. An empty needle
 * is found everywhere (also in ""); one that folds to nothing (only
 * marks or invisible characters) is looked for as it is. ASCII needles
 * on ASCII text take a byte scan. */
bool text_contains(const char *haystack, const char *needle);

/* A needle folded once, for searching many haystacks (the SQL function
 * snw_contains keeps one per statement). NULL when out of memory. */
struct text_needle;
struct text_needle *text_needle_new(const char *needle);

/* text_contains(haystack, needle) for a prepared needle, in the len
 * bytes of haystack (SIZE_MAX: up to its NUL). A NULL haystack never
 * matches. */
bool text_needle_in(const struct text_needle *n, const char *haystack, size_t len);

void text_needle_free(struct text_needle *n);

#endif
