#ifndef SNW_TEXT_H
#define SNW_TEXT_H

/*
 * Text helpers: encodings, terminal-safe text and display width, and
 * matching that ignores case and accents. Everything here is pure (no
 * I/O, no curses), so it is shared by the importer, the report, the log,
 * the search and the dashboard. Widths follow the C library's wcwidth,
 * so LC_CTYPE must be a UTF-8 locale (i18n_init makes it one).
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
 * 0x8F, 0x90, 0x9D) and stores its offset in *bad_at. The caller frees.
 */
char *text_cp1252_to_utf8(const char *buf, size_t len, size_t *out_len, size_t *bad_at);

/*
 * Drawing rule (text_draw.c). Text from data reaches a terminal only in
 * the form text_sanitize gives it; text_width and text_fit measure and
 * cut that form, and the dashboard's grid draws it. Every terminal (those
 * that add up wcwidth() per code point, like xterm and tmux, and those
 * that measure grapheme clusters, like kitty or WezTerm) puts the cursor
 * in the same column after it, so nothing on screen shifts or goes stale:
 *
 *  - C0 controls and DEL in caret notation (ESC is "^["), C1 controls and
 *    invalid bytes as "?", tab as a space; CR LF, CR, LF, U+2028 and
 *    U+2029 as one line break ("\n", or a space in a single line).
 *  - Bidirectional controls (U+202A..U+202E, U+2066..U+2069, U+200E,
 *    U+200F, U+061C) as a marker "⟨U+202E⟩": they reorder the rest of the
 *    line in terminals that do bidi, so a title could read otherwise than
 *    it is stored ("Trojan Source"), and they are invisible.
 *  - Other invisible characters as a marker too: U+FEFF, U+200B, U+2060
 *    and every default-ignorable code point except the ones below, format
 *    characters (Cf) of no width, and code points the C library gives no
 *    width (unassigned there; tmux drops them, others guess).
 *  - Emoji sequences as their pictographs side by side, 2 columns each:
 *    the joiners (U+200D) between them, skin-tone modifiers, the emoji
 *    presentation selectors U+FE0E/U+FE0F and the tags of a subdivision
 *    flag are left out. Terminals disagree on the width of a joined
 *    sequence (tmux 3.3 joins 👨‍👩‍👧 into 2 columns, xterm draws 6) and
 *    tmux even joins any character after a U+200D into the cell before
 *    it; without the joiner all of them draw 👨👩👧 in 6 columns.
 *  - U+200C and U+200D between two letters of a script where they shape
 *    letters (Arabic, Persian, the Indic scripts, Mongolian, ...): U+200C
 *    is kept (no width, and no terminal joins on it); U+200D is left out
 *    (tmux would join the next letter into the one before). Elsewhere
 *    (say, inside a Latin name) a joiner is a marker.
 *  - Combining marks stay on their base, at most TEXT_MAX_MARKS of them
 *    (what a curses cell holds; more are left out); a mark without a base
 *    is drawn on "◌" (U+25CC). Other variation selectors are marks.
 *  - Everything else as itself, text_char_width columns wide (U+00AD, the
 *    soft hyphen, is shown: terminals draw it as a hyphen).
 *
 * Only the drawn form changes: stored data, exports and search keep the
 * characters as they are.
 */

/* The combining marks one drawn character carries at most (a curses cell
 * holds a character and four marks). */
#define TEXT_MAX_MARKS 4

/* The size of a buffer that holds the drawn form of n bytes of text
 * whole: a 2-byte character can become a 12-byte marker. */
#define TEXT_DRAWN_MAX(n) ((n) * 6 + 1)

/*
 * Copies UTF-8 text into dst (size dstsz, always NUL-terminated) in its
 * drawn form (the drawing rule above); newlines are kept only when
 * keep_newlines is true. Stops before a grapheme cluster that does not
 * fit (TEXT_DRAWN_MAX(strlen(src)) bytes always do). Returns the length
 * written.
 */
size_t text_sanitize(char *dst, size_t dstsz, const char *src, bool keep_newlines);

/* Display columns of a UTF-8 string in its drawn form (newlines count as
 * one column each). */
int text_width(const char *s);

/*
 * Copies at most `cols` display columns of UTF-8 `s` in its drawn form
 * into dst (newlines become spaces); when the text is longer it is cut
 * between grapheme clusters and ends in "…". Returns the display width
 * of what was written.
 */
int text_fit(char *dst, size_t dstsz, const char *s, int cols);

/* True for a code point the drawing rule shows as a marker when it
 * stands after an ordinary letter (bidi controls, invisible characters,
 * characters of unknown width, a skin tone without its emoji): for
 * editors that show text unit by unit (core/textshow.h). */
bool text_needs_marker(uint32_t cp);

/* Columns of one code point of drawn text (the C library's wcwidth, as
 * curses and terminals use it): 0 for a mark, 2 for a wide character,
 * -1 for one the drawing rule never lets through. */
int text_char_width(uint32_t cp);

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
 * byte becomes 0xFF). Two texts match when their
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
 * snw_contains keeps one per statement). */
struct text_needle;
struct text_needle *text_needle_new(const char *needle);

/* text_contains(haystack, needle) for a prepared needle, in the len
 * bytes of haystack (SIZE_MAX: up to its NUL). A NULL haystack never
 * matches. */
bool text_needle_in(const struct text_needle *n, const char *haystack, size_t len);

void text_needle_free(struct text_needle *n);

#endif
