#ifndef SNW_TEXTEDIT_H
#define SNW_TEXTEDIT_H

/*
 * A text being edited: its bytes and a cursor. The bytes are the truth:
 * they are what was stored or typed, exactly (any UTF-8, control
 * characters and invalid bytes included), and nothing drawn from them
 * ever flows back. The cursor moves and deletes by grapheme cluster (a
 * letter with its accents, an emoji sequence, a flag: text_cluster_len),
 * so a person never splits what they see as one character; typing
 * inserts exactly the typed bytes where the cursor is. Pure: no I/O, no
 * curses. The form's fields (src/tui/formui.c) are made of these.
 */

#include <stdbool.h>
#include <stddef.h>

struct textedit {
	char *s;	/* the text, NUL-terminated (it never holds a NUL itself) */
	size_t len;	/* bytes in s */
	size_t cap;	/* bytes allocated */
	size_t cur;	/* cursor: a byte offset, normally at a cluster boundary;
			   right after typing it may sit inside a cluster the
			   typed character joined (a ZWJ before an emoji), so
			   that the next key goes exactly after it */
};

/* Replaces the text with s (NULL: empty); the cursor goes to the end. */
void textedit_set(struct textedit *t, const char *s);

/* Frees the text; t can be set again. */
void textedit_free(struct textedit *t);

/* Inserts n bytes at the cursor and moves the cursor after them. */
void textedit_insert(struct textedit *t, const char *bytes, size_t n);

/* Inserts one code point (a typed key) at the cursor; one that is no
 * character (0, a surrogate, beyond U+10FFFF) is not typed. */
void textedit_insert_cp(struct textedit *t, unsigned long cp);

/* The cluster boundary before / after byte offset off (0 and len at the
 * ends). Boundaries are counted from the start of off's line: a line
 * break is always a boundary, so lines never influence each other. */
size_t textedit_prev(const struct textedit *t, size_t off);
size_t textedit_next(const struct textedit *t, size_t off);

/* The cursor one cluster left / right. False when it cannot move. */
bool textedit_left(struct textedit *t);
bool textedit_right(struct textedit *t);

/* Deletes the cluster before the cursor (Backspace) or from the cursor
 * to the next boundary (Delete). False when there was nothing to delete. */
bool textedit_backspace(struct textedit *t);
bool textedit_delete(struct textedit *t);

/* Moves the cursor to off (clipped to the text). */
void textedit_move(struct textedit *t, size_t off);

#endif
