#ifndef SNW_APP_H
#define SNW_APP_H

/*
 * The dashboard's engine, without curses: keys come in as key codes,
 * frames go out as a cell grid (app_frame). screen.c is the only part
 * that talks to the terminal; tests drive this module directly.
 *
 * struct app holds what every view shares; each view keeps its own state
 * (include/tui/view.h). A frame is laid out (layout.c: may read and
 * scroll) and then drawn (render.c: pure).
 */

#include <stdbool.h>

#include "tui/edit.h"
#include "tui/grid.h"
#include "tui/keys.h"
#include "tui/view.h"
#include "model/model.h"

struct db;

/* What a click on a region of the last frame means (layout records them). */
enum zone_kind {
	ZONE_TAB,	/* value: index into app->tabs */
	ZONE_ITEM,	/* value: an item of the current view (a list row, a pane) */
	ZONE_PANE,	/* value: a pane of the current view, for the wheel (the
			   view's own number, or APP_PANE_LIST: its list) */
};

#define APP_PANE_LIST (-2)	/* the pane of a view's list (layout_list) */

struct zone {
	struct rect r;
	enum zone_kind kind;
	long long value;
};

#define APP_MAX_ZONES 96
#define APP_MAX_TABS 24
#define APP_MIN_W 60		/* below this the window is "too small" */
#define APP_MIN_H 16

/* Result flags of handling input. APP_FORM: app->form is set and the
 * caller must run it (formui_run) before reading the next key. */
enum { APP_REDRAW = 1, APP_QUIT = 2, APP_FORM = 4 };

/* A question in the status line, answered by the next key. */
enum ask_kind {
	ASK_NONE,
	ASK_DELETE,	/* j/y deletes ask_target, anything else keeps it */
	ASK_ADD_KIND,	/* which of ask_kinds to add, by its first letter */
	ASK_UNFILTER,	/* j/y clears the filter that hides ask_target; n or
			   Esc keeps it, another key does what it does */
};

#define ASK_MAX_KINDS 4

struct app {
	struct db *db;
	bool readonly;			/* opened read-only (shown in the status line) */
	char ro_reason[200];		/* why read-only, for "alleen lezen: ..." */
	bool mono;			/* no colours: bars use distinct glyphs */
	char today[11];
	long long version;		/* data version the views were read at */

	struct domains domains;		/* the domains and themes: tabs, views, forms */
	int domain;			/* the domain in focus: the overview's selected
					   pane, the domain view's domain (index into
					   domains.dom) */

	struct view *views;		/* one per view_registry entry, in its order */
	int view;			/* the one on screen */

	struct reader *reader;		/* an entry shown whole over the view (Enter),
					   or NULL (include/tui/reader.h) */
	bool help;			/* the help screen covers the view */
	int help_top;			/* first help line shown */

	bool prompt;			/* typing a search in the status line */
	char input[128];		/* what has been typed */
	char query[128];		/* the last search */
	struct search_hits hits;	/* its hits */
	int hit;			/* current hit, -1 = none yet */

	struct edit_form *form;		/* a form to run (APP_FORM), or NULL */
	enum ask_kind ask;		/* a question in the status line */
	char ask_text[600];		/* the question */
	char ask_keys[80];		/* its answers, shown at the right: "j = ja, n = nee" */
	struct edit_target ask_target;	/* what it is about (ASK_DELETE) */
	const struct entity *ask_kinds[ASK_MAX_KINDS];	/* the choices (ASK_ADD_KIND) */
	struct undo_stack undo;		/* this session's changes */

	const struct entity *changed_e;	/* entry app->changed was read for */
	long long changed_id;
	char changed[120];		/* "28 nov 2026 14:05 door jan" or "" */

	char msg[400];			/* one-line message for the status line */
	bool msg_error;

	/* the last layout */
	int w, h;			/* the terminal's size */
	bool small;			/* below APP_MIN_W x APP_MIN_H */
	int page;			/* list rows visible */
	struct tab tabs[APP_MAX_TABS];	/* the tab bar */
	int ntabs;
	struct zone zones[APP_MAX_ZONES];	/* what a click means */
	int nzones;
};

/* Creates the state over an open database. */
struct app *app_new(struct db *db, bool readonly);
void app_free(struct app *app);

/* Handles one key code (KC_*); returns APP_* flags. */
int app_key(struct app *app, int key);

/* Handles one action from the key table; returns APP_* flags. */
int app_action(struct app *app, enum action a);

/* A mouse event at (x, y) of the last frame: button 1 click or wheel
 * (wheel = -1 up, +1 down, 0 for a click). The wheel scrolls the pane
 * under the pointer (the ZONE_PANE there). Returns APP_* flags. */
int app_mouse(struct app *app, int x, int y, int wheel);

/* Called when no key came within the input timeout: rereads what another
 * process changed (PRAGMA data_version). Returns APP_REDRAW if so. */
int app_poll(struct app *app);

/* Reads the domains when the data changed; the domain in focus stays
 * the same domain (by id) when it still exists. */
void app_load_domains(struct app *app);

/* Forgets all cached rows (after this process wrote to the database). */
void app_invalidate(struct app *app);

/* Shows the view of these ops with arg (a domain's place for the domain
 * view); stays when the view refuses (it says why). APP_* flags. */
int app_show(struct app *app, const struct view_ops *ops, int arg);

/* Shows entry h where it is shown: asks the views in registry order
 * (show_entry). Returns what it is ("actielijn"), or NULL when no view
 * shows it. */
const char *app_open_entry(struct app *app, const struct search_hit *h);

/* The view on screen, and its scrolling list (or NULL). */
struct view *app_current(struct app *app);
struct list *app_list(struct app *app);

/* "laatst gewijzigd" of an entry: "28 nov 2026 14:05 door jan", or ""
 * (cached for one entry until the data changes). */
const char *app_last_changed(struct app *app, const struct entity *e, long long id);

/* Sets the status line message (printf-style). */
void app_message(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Shows what went wrong (a result of the store or the model, as the
 * message catalogue words it) in the status line. */
void app_result(struct app *app, const struct result_info *r);

/* --- frames (layout.c, render.c) ------------------------------------------ */

/* Lays out and draws the whole frame into g, which must already have
 * the terminal's size: app_layout, then render_frame. */
void app_frame(struct app *app, struct grid *g);

/* Prepares a frame of w x h: reads what is shown, scrolls, the tabs,
 * click zones. */
void app_layout(struct app *app, int w, int h);

/* The tabs of every view (in registry order, trailing ones last) for a
 * terminal `width` wide: what the tab bar shows and Tab walks through.
 * Returns how many. */
int app_tabs(const struct app *app, int width, struct tab *out, int max);

/* Adds a click zone for the frame being laid out. */
void app_zone(struct app *app, struct rect r, enum zone_kind kind, long long value);

/* For views: lays out a list in r (rows visible become app->page, the
 * selection stays in sight, the rows are read, each gets a ZONE_ITEM and
 * r a ZONE_PANE APP_PANE_LIST). */
void layout_list(struct app *app, struct list *l, struct rect r);

/* Draws the frame app_layout prepared (tabs, view, status line, help).
 * Pure. */
void render_frame(const struct app *app, struct grid *g);

/* The number of lines the help screen has at this width (it scrolls). */
int render_help_lines(int width);

/* Shared drawing helpers for the views (render.c). */
/* The colour of a status of work, and the glyph of its bar segment
 * (█ in colour; distinct patterns when mono); unknown ones as "onbekend". */
enum role render_status_role(const char *status);
wchar_t render_status_glyph(const char *status, bool mono);
void render_hline(struct grid *g, int x, int y, int w);
void render_heading(struct grid *g, struct rect r, const char *text, bool selected);
/* Draws the rows of a list laid out in r via draw_row (which gets ctx);
 * the selected row is highlighted over sel_w columns (-1: all). */
void render_list(const struct app *app, struct grid *g, const struct list *l, struct rect r, int sel_w,
		 void (*draw_row)(const struct app *app, struct grid *g, const struct list_row *row,
				  struct rect line, void *ctx), void *ctx);
/* One action item on a line: ○/✓, its deadline (red when overdue), its
 * text and owner. */
void render_action_line(const struct app *app, struct grid *g, int x, int y, int w, const char *text,
			const char *owner, const char *deadline, const char *status);
/* Word-wraps s into r from line `skip` (as grid_wrap) and marks a cut:
 * when more lines follow than r shows, its last line ends in "…".
 * Returns the lines the whole text needs at this width. */
int render_wrap(struct grid *g, struct rect r, enum role role, const char *s, int skip);
/* Fits s into cols columns for a list whose neighbouring rows may begin
 * alike: when cut, it keeps its start and its end around "…" (head
 * "Zeggenschap…in het AB") so that two such rows stay apart. */
void render_fit_ends(char *dst, size_t dstsz, const char *s, int cols);
/* A short date ("4 mrt 2024") or "" into out[16]. */
void render_date(const char *iso, char out[16]);
/* The position in a list for the status line: "rij 12/1.234". */
void render_row_pos(const struct list *l, char *pos, size_t possz);

#endif
