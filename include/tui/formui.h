#ifndef SNW_FORMUI_H
#define SNW_FORMUI_H

/*
 * Edit forms on screen, with the ncurses form library. The form's
 * contents and every decision (validation, saving, conflicts) live in
 * edit.c; this module lays the fields out, turns keys into form requests
 * and shows the conflict choice. With screen.c it is one of the two files
 * that call curses.
 */

#include <stdbool.h>

struct app;
struct screen;
struct formui;

/* Draws the dashboard behind the form again (after a resize). */
typedef void (*formui_repaint)(void *ctx);

/*
 * Shows app->form over the dashboard: raw mode (so Ctrl-S reaches the
 * form), the cursor in the title field. NULL when out of memory.
 */
struct formui *formui_open(struct screen *scr, struct app *app, formui_repaint repaint, void *ctx);

/* Handles one key code (keys.h). Returns false once the form has closed
 * (saved, or cancelled); the caller then calls formui_close. */
bool formui_key(struct formui *u, int key);

/* Removes the form and gives the terminal back to the dashboard (cbreak).
 * app->form stays; the caller frees it. */
void formui_close(struct formui *u);

/* The entity field (index into e->fields) that has the cursor, or -1. */
int formui_current(const struct formui *u);

/*
 * Runs app->form until it closes: reads keys with screen_key (poll_ms
 * timeout). Returns 0, or -1 when SIGINT/SIGTERM/SIGHUP arrived (*sig).
 */
int formui_run(struct screen *scr, struct app *app, formui_repaint repaint, void *ctx,
	       int poll_ms, int *sig);

#endif
