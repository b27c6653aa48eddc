#ifndef SNW_FORMUI_H
#define SNW_FORMUI_H

/*
 * Edit forms on screen. The form's contents and every decision
 * (validation, saving, conflicts) live in edit.c and edit_form.c; this
 * module keeps what is on screen (the field with the cursor, the text
 * being edited, a pick list, the question before throwing changes away,
 * the conflict), turns keys into edits and draws it all into the cell
 * grid over the dashboard (formdraw.c). It never calls curses: screen.c
 * paints the grid, so tests draw and read forms at any size without a
 * terminal.
 *
 * Why not the curses form library: its field buffer is a grid of
 * one-column cells holding a few code points each, it counts every
 * character as one column, and reading that buffer back is what altered
 * the minutes. Here the value (UTF-8 bytes) is the truth, the cursor
 * moves by grapheme cluster, and the display is derived from the value
 * and never read back.
 */

#include <stdbool.h>

struct app;
struct grid;
struct screen;
struct formui;

/* A form on screen for app->form (which must be set), the cursor in the
 * field f->focus. NULL when out of memory. */
struct formui *formui_new(struct app *app);

/* Frees what is on screen; app->form stays (the caller frees it). */
void formui_free(struct formui *u);

/* Handles one key code (keys.h). Returns false once the form has closed
 * (saved, or cancelled). Keys act on the layout of the last render. */
bool formui_key(struct formui *u, int key);

/* Draws the form over g, which holds the dashboard behind it, and lays
 * it out for g's size. *cx, *cy: where the terminal's cursor goes, or -1
 * when nothing has it. */
void formui_render(struct formui *u, struct grid *g, int *cx, int *cy);

/* The entity field (index into e->fields) that has the cursor, or -1. */
int formui_current(const struct formui *u);

/* True while a pick list is open. */
bool formui_picking(const struct formui *u);

/* True once Ctrl-E asked for the text to go to an editor; the caller
 * runs it and hands the result to formui_edited (formui_run does). */
bool formui_wants_editor(const struct formui *u);

/* The text the external editor is to edit (the current field's). */
const char *formui_editor_text(const struct formui *u);

/* The editor is done: text is the field's new value (NULL: it failed or
 * was left unchanged; msg says what happened, or NULL). */
void formui_edited(struct formui *u, const char *text, const char *msg);

/*
 * Runs app->form until it closes: raw mode (so Ctrl-S reaches the form),
 * the dashboard drawn once behind it (again after a resize), keys read
 * with screen_key (poll_ms timeout). Returns 0, or -1 when
 * SIGINT/SIGTERM/SIGHUP arrived (*sig).
 */
int formui_run(struct screen *scr, struct app *app, int poll_ms, int *sig);

#endif
