#ifndef SNW_SCREEN_H
#define SNW_SCREEN_H

/*
 * The terminal: the only module that calls curses. It paints a cell grid
 * and turns curses input into key codes (keys.h); the rest of the
 * dashboard never sees a WINDOW.
 */

#include <stdbool.h>
#include <stdio.h>

#include "tui/grid.h"

struct screen;

/*
 * Takes over the terminal: setlocale, newterm on out/in (NULL: stdout and
 * stdin), colours unless NO_COLOR is set or the terminal has none, mouse,
 * and handlers that turn SIGINT/SIGTERM/SIGHUP into a quit. NULL when the
 * terminal cannot be used (the reason is in err).
 */
struct screen *screen_open(FILE *out, FILE *in, char *err, size_t errsz);

/* Gives the terminal back as it was (endwin, signal handlers). */
void screen_close(struct screen *s);

/* Current size in cells. */
void screen_size(const struct screen *s, int *w, int *h);

/* True when drawing without colours (NO_COLOR or a monochrome terminal). */
bool screen_mono(const struct screen *s);

/* Where the terminal's cursor shows after the next screen_paint: at
 * (x, y), or nowhere when x < 0 (the dashboard has none; a form's text
 * field has one). */
void screen_cursor(struct screen *s, int x, int y);

/* Raw mode (on): Ctrl-S, Ctrl-C and Ctrl-Z arrive as keys instead of
 * acting on the terminal, for an edit form; off: back to cbreak. */
void screen_raw(struct screen *s, bool on);

/* Gives the terminal to another program (an editor) for a while, and
 * takes it back; the next screen_paint redraws everything. */
void screen_suspend(struct screen *s);
void screen_resume(struct screen *s);

/* Copies the grid to the terminal and refreshes it. */
void screen_paint(struct screen *s, const struct grid *g);

/*
 * Waits up to timeout_ms for input and returns a key code: a character,
 * a KC_* special key, KC_MOUSE (with *x, *y and *wheel: -1 up, +1 down,
 * 0 a click), KC_RESIZE, or KC_TIMEOUT. Returns -1 once a SIGINT, SIGTERM
 * or SIGHUP arrived (the signal number is in *sig).
 */
int screen_key(struct screen *s, int timeout_ms, int *x, int *y, int *wheel, int *sig);

/* Resizes the curses screen (tests; a real terminal sends KEY_RESIZE). */
void screen_resize(struct screen *s, int w, int h);

#endif
