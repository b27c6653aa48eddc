#ifndef SNW_READER_H
#define SNW_READER_H

/*
 * The reader: Enter on any entry (an actielijn, a success, a milestone, a
 * decision, an action, a planning item without a date, a domain) shows it
 * whole over the view, every field with its label and every text wrapped,
 * scrolled with the arrows, the pages and the wheel. It is the engine's
 * (like the help screen), so every view gets it by saying what is
 * selected; Esc or Enter closes it, and any other key closes it and does
 * what it does (e edits the entry that was shown).
 */

#include <stdbool.h>

#include "tui/edit.h"
#include "tui/grid.h"
#include "tui/keys.h"

struct app;
struct reader;

/* Shows entry t whole. Returns false, with a message, when there is
 * nothing selected or it is gone. */
bool reader_open(struct app *app, struct edit_target t);
void reader_close(struct app *app);

/* The entry on screen (e NULL when the reader is closed). */
struct edit_target reader_target(const struct app *app);

/* A key while it is open: scrolls, or closes it (and then the key does
 * what it does). Returns APP_* flags. */
int reader_action(struct app *app, enum action a);

/* The wheel: scrolls by `lines`. */
void reader_scroll(struct app *app, int lines);

/* The data changed: read the entry again (closes, with a message, when
 * it is gone). */
void reader_invalidate(struct app *app);

/* A frame: layout (wraps, keeps the scroll in range, reads "laatst
 * gewijzigd") and drawing (pure), over body. */
void reader_layout(struct app *app, struct rect body);
void reader_draw(const struct app *app, struct grid *g, struct rect body);

/* For the status line: "Actie" and "regel 3–20 van 41". */
void reader_status(const struct app *app, char *title, size_t titlesz, char *pos, size_t possz);

#endif
