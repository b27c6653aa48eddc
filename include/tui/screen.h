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

/* The curses attributes and colour pair the painter uses for a role, for
 * formui.c (the other curses file) to draw in the same style. */
void screen_role_attr(const struct screen *s, enum role role, unsigned long *attrs, short *pair);

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
