#ifndef SNW_TEXTSHOW_H
#define SNW_TEXTSHOW_H

/*
 * How text being edited is shown, derived from its bytes and never read
 * back. The text is cut into display units: a character with the
 * combining marks that sit on it, or a visible marker that stands in for
 * something a terminal cannot show (a control character, an invisible
 * format character such as U+200D, an invalid byte). Rows of units wrap
 * at spaces by display width; line breaks in the text start new rows.
 * Pure: no I/O, no curses.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXTSHOW_MARKER_MAX 20	/* bytes of the longest marker, NUL included */

/*
 * The one place that decides what cannot be shown as itself, and what
 * is shown instead: writes a visible stand-in for code point cp (or, with
 * cp == UINT32_MAX, for the invalid byte `byte`) into out and returns
 * true; false for a character a terminal shows as itself.
 *   tab "→", a line break "↵" (only where `newline_ok` is false),
 *   other C0 controls and DEL in caret notation ("^[", "^G", "^?"),
 *   C1 controls, format characters (U+200D, U+202E, U+00AD ...), line
 *   and paragraph separators, private-use, unassigned and code points
 *   the C library cannot measure, and whatever else the terminal drawing
 *   rule shows as a marker (text_needs_marker in core/text.h: Hangul
 *   fillers, a skin tone on its own) as "⟨U+200D⟩", an invalid byte
 *   "⟨0xFF⟩".
 * Every marker is drawn in narrow characters, so its width is its length
 * in characters.
 */
bool textshow_marker(uint32_t cp, unsigned char byte, bool newline_ok,
		     char out[TEXTSHOW_MARKER_MAX]);

/* One display unit. */
struct textshow_unit {
	size_t off, len;	/* the bytes of the text it shows */
	char text[TEXTSHOW_MARKER_MAX + 8];	/* what to draw (UTF-8) */
	int width;		/* columns: 1 or 2, or a marker's length */
	bool marker;		/* a stand-in: drawn apart from typed text */
};

/*
 * Cuts bytes [off, off + n) of s (whole clusters) into display units,
 * appending to *units (realloc'd; *count and *cap updated). A character
 * keeps at most max_marks combining marks (what one terminal cell
 * holds); further marks, and marks with nothing to sit on, are shown as
 * markers or on "◌".
 */
void textshow_units(const char *s, size_t off, size_t n, bool newline_ok, int max_marks,
		   struct textshow_unit **units, int *count, int *cap);

/* A row of the laid-out text: the bytes it shows. */
struct textshow_row {
	size_t start, end;	/* [start, end) of the text; a line break that
				   ends the row is not part of it */
	int width;		/* columns its units take */
};

struct textshow_layout {
	struct textshow_row *rows;
	int n, cap;
};

/*
 * Lays text out in rows of at most cols - 1 columns (the last column is
 * for the cursor after a full row): with wrap, words move to the next
 * row at spaces and a line break starts a row; a word longer than a row
 * is cut between clusters. Without wrap everything is one row (a line
 * break shows as a marker).
 */
void textshow_layout(const char *s, size_t len, int cols, bool wrap, int max_marks,
		    struct textshow_layout *out);
void textshow_layout_free(struct textshow_layout *l);

/* The row that shows byte offset off (a cursor): at a wrap, the start of
 * the next row. */
int textshow_row_of(const struct textshow_layout *l, size_t off);

/* Columns from the start of row r to byte offset off on it. */
int textshow_col(const char *s, const struct textshow_row *r, size_t off, bool newline_ok,
		 int max_marks);

/* The cluster boundary on row r nearest to the left of column col (for
 * moving up and down by rows). */
size_t textshow_at_col(const char *s, const struct textshow_row *r, int col, bool newline_ok,
		       int max_marks);

#endif
