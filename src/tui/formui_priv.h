#ifndef SNW_FORMUI_PRIV_H
#define SNW_FORMUI_PRIV_H

/*
 * What the two halves of the form on screen share: the state (formui.c:
 * keys and the loop) and the layout (formdraw.c: where everything goes
 * and drawing it into the grid). Private to src/tui/formui.c and
 * src/tui/formdraw.c.
 */

#include <stdbool.h>

#include "core/textedit.h"
#include "tui/edit.h"
#include "tui/grid.h"
#include "tui/picker.h"

struct app;

#define BOX_MAX_W 100		/* the form box never gets wider than this */
#define LONG_MIN_ROWS 3		/* a field of several lines: at least ... */
#define LONG_MAX_ROWS 10	/* ... and at most this many rows */
#define ERR_MAX_LINES 3		/* lines of a message under a field */
#define FOOTER_ROWS 3		/* form message, hint, keys */
#define FORM_MARKS (CELL_CHARS - 1)	/* combining marks one cell shows */
#define PICK_ROWS 8		/* entries a pick list shows at once */

enum mode {
	M_EDIT,		/* typing in the form */
	M_DISCARD,	/* "Wijzigingen weggooien? j/n" */
	M_CONFLICT,	/* both versions shown, s/m/h/Esc */
};

/* A text field being edited: its value with a cursor, and what part of
 * it shows. */
struct fieldui {
	struct textedit t;	/* the value; f->val[j] is kept equal to it */
	int hscroll;		/* one line: first column shown */
	int vscroll;		/* several lines: first row shown */
};

/* Where a field goes. */
struct slot {
	int j;			/* index into e->fields */
	int page;
	int y;			/* row in the field area */
	int rows;		/* rows of the input */
	int errlines;		/* rows of its message, under it */
};

struct form_layout {
	bool small;		/* the window is too small for a form */
	struct rect box;	/* the form's box on the screen */
	int ix, iy;		/* top left of the field area */
	int labelw;		/* columns of the labels */
	int fieldx, fieldw;	/* inputs: column from ix, and width */
	int subh;		/* rows of the field area */
	struct slot slot[ENTITY_MAX_FIELDS];	/* in form order */
	int nslots, npages;
};

struct formui {
	struct app *app;
	int w, h;		/* the terminal the form lays itself out for */
	enum mode mode;
	bool closed;
	int cur;		/* the field with the cursor: index into f->order */
	char *entered;		/* its value when the cursor came in */
	int goal;		/* column ↑/↓ aim for in a field of several
				   lines, -1 none */
	struct fieldui fld[ENTITY_MAX_FIELDS];	/* by entity field index */
	struct picker pick;	/* the pick list of the current field */
	bool asked;		/* it was asked for (F4): it stays open with no match */
	bool want_editor;	/* Ctrl-E asked for the external editor */
	bool typed;		/* the last key changed the current field's text */
};

/* True for a field of several lines (toelichting, besluit, actie). */
bool form_is_long(const struct edit_form *f, int j);

/* Lays the form out for u->w x u->h. */
void form_layout(const struct formui *u, struct form_layout *L);

/* Draws the form, its question, conflict or pick list over g; the
 * cursor's cell into *cx, *cy (-1 when it has none). */
void form_draw(struct formui *u, struct grid *g, int *cx, int *cy);

#endif
