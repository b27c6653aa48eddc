/*
 * How terminals measure a line of text, for tests: the columns the cursor
 * moves over it, by three rules that real terminals follow. Text that
 * measures the same by all three lines up everywhere; text that does not
 * leaves stale cells behind, because curses thinks the cursor is where
 * it is not.
 */
#ifndef SNW_TEST_TERMINALS_H
#define SNW_TEST_TERMINALS_H

enum term_kind {
	TERM_WCWIDTH,	/* xterm, VTE, Konsole: wcwidth() per code point */
	TERM_TMUX,	/* tmux 3.3 (the e2e tests' terminal): wcwidth, but a
			   character beyond ASCII after U+200D joins the cell
			   before it, and one wcwidth knows not is dropped */
	TERM_GRAPHEME,	/* kitty, WezTerm, foot, Contour (mode 2027): a grapheme
			   cluster is as wide as its first character, 2 with
			   U+FE0F or as a flag, 1 with U+FE0E. Where a cluster
			   holds more characters with a width (Indic vowel
			   signs, halfwidth kana voice marks) these terminals
			   differ among themselves; the model adds them up, as
			   wcwidth does */
	TERM_KINDS
};

/* Columns the cursor moves over the UTF-8 line s (no controls). */
int term_columns(enum term_kind kind, const char *s);

/* The kind's name, for messages. */
const char *term_name(enum term_kind kind);

#endif
