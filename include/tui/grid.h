#ifndef SNW_GRID_H
#define SNW_GRID_H

/*
 * A grid of character cells with a meaning ("role") per cell: what the
 * dashboard draws, before anything touches the terminal. The painter in
 * screen.c maps roles to colours and attributes; tests read grids back.
 * Pure: no curses, no I/O.
 */

#include <stdbool.h>
#include <wchar.h>

/* What a cell means; the painter picks colour and attributes from it. */
enum role {
	ROLE_NORMAL,
	ROLE_DIM,		/* secondary text: mottos, hints */
	ROLE_BOLD,		/* headings inside a view */
	ROLE_TITLE,		/* a pane's title bar */
	ROLE_TITLE_SEL,		/* the title bar of the selected pane */
	ROLE_TAB,		/* an inactive tab */
	ROLE_TAB_ON,		/* the current view's tab */
	ROLE_SEL,		/* the selected row */
	ROLE_BORDER,		/* lines between panes */
	ROLE_STATUSLINE,	/* the bottom line */
	ROLE_KEY,		/* a key name in the help and status line */
	ROLE_OVERDUE,		/* an open action item past its deadline */
	ROLE_GEPLAND,		/* statuses of actielijnen, in bars and lists */
	ROLE_LOPEND,
	ROLE_AFGEROND,
	ROLE_GEPAUZEERD,
	ROLE_GESTOPT,
	ROLE_ONBEKEND,		/* empty status */
	ROLE_OPEN_END,		/* a Gantt bar without an end date */
	ROLE_TODAY,		/* today's column in the Gantt */
	ROLE_MILESTONE,		/* a milestone mark */
	ROLE_ERROR,		/* messages about failures */
	ROLE_COUNT
};

/*
 * A cell holds one drawn character (see "Drawing rule" in core/text.h):
 * a base character and up to four combining marks, as many as a curses
 * cell takes. A grapheme cluster that draws as several characters (the
 * pictographs of an emoji sequence) takes several cells; one with more
 * marks keeps the first four. A wide character takes two cells: its own
 * and a right half with ch[0] == 0.
 */
#define CELL_CHARS 5

struct cell {
	wchar_t ch[CELL_CHARS];	/* ch[0] == 0: right half of a wide character;
				   marks end at the first 0 */
	unsigned char role;	/* enum role */
};

struct grid {
	int w, h;
	struct cell *cells;	/* w * h, row by row */
};

/* A rectangle in grid coordinates. */
struct rect {
	int x, y, w, h;
};

/* Resizes g to w x h (cleared); returns -1 when out of memory. */
int grid_resize(struct grid *g, int w, int h);

/* Frees the cells (the struct itself belongs to the caller). */
void grid_free(struct grid *g);

/* Cell at (x, y), or NULL outside the grid. */
struct cell *grid_at(struct grid *g, int x, int y);

/* Fills a rectangle with ch in role (clipped to the grid). */
void grid_fill(struct grid *g, struct rect r, wchar_t ch, enum role role);

/* Gives the cells of a span of one row a new role, keeping the text. */
void grid_paint(struct grid *g, int x, int y, int w, enum role role);

/*
 * Writes UTF-8 text from (x, y) into at most maxw columns: in its drawn
 * form and cut with "…" (text_fit), wide characters take two cells,
 * combining marks join the cell before; a wide character partly
 * overwritten leaves a blank. Returns the columns written.
 */
int grid_text(struct grid *g, int x, int y, int maxw, enum role role, const char *s);

/* Like grid_text, right-aligned within maxw columns. */
int grid_text_right(struct grid *g, int x, int y, int maxw, enum role role, const char *s);

/*
 * Word-wraps UTF-8 text (newlines kept as paragraph breaks) into r,
 * skipping the first `skip` lines. Returns the number of lines the whole
 * text needs at this width (so callers can tell whether it was cut).
 */
int grid_wrap(struct grid *g, struct rect r, enum role role, const char *s, int skip);

/*
 * What cell (x, y) puts on the terminal, as wide characters ending in 0
 * (a character and its marks); returns the columns it takes: 0 for the
 * right half of a wide character (nothing to draw), 1 or 2. Half a wide
 * character whose other half was overwritten draws as a blank. The
 * painter draws exactly this; tests read it back.
 */
int grid_cell_drawn(const struct grid *g, int x, int y, wchar_t out[CELL_CHARS + 1]);

/* The text of row y from column x, w columns, as UTF-8, as the painter
 * draws it (for tests). */
void grid_row_text(const struct grid *g, int x, int y, int w, char *out, size_t outsz);

#endif
