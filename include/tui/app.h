#ifndef SNW_APP_H
#define SNW_APP_H

/*
 * The dashboard's state and behaviour, without curses: keys come in as
 * key codes, frames go out as a cell grid (render_frame). screen.c is the
 * only part that talks to the terminal; tests drive this module directly.
 */

#include <stdbool.h>

#include "tui/edit.h"
#include "tui/grid.h"
#include "tui/keys.h"
#include "model/meetings.h"
#include "model/model.h"
#include "model/programme.h"

struct db;

enum view_id { VIEW_OVERVIEW, VIEW_DOMAIN, VIEW_PLANNING, VIEW_MEETINGS, VIEW_ACTIONS, VIEW_COUNT };

/* What a click on a region of the last frame means (render records them). */
enum zone_kind {
	ZONE_TAB,	/* value: action of the tab (ACT_OVERVIEW ...) */
	ZONE_PANE,	/* value: index into ov.dom */
	ZONE_ROW,	/* value: row index in the view's list */
};

struct zone {
	struct rect r;
	enum zone_kind kind;
	long long value;
};

#define APP_MAX_ZONES 96
#define APP_MIN_W 60		/* below this the window is "too small" */
#define APP_MIN_H 16

/* Result flags of handling input. APP_FORM: app->form is set and the
 * caller must run it (formui_run) before reading the next key. */
enum { APP_REDRAW = 1, APP_QUIT = 2, APP_FORM = 4 };

/* A question in the status line, answered by the next key. */
enum ask_kind {
	ASK_NONE,
	ASK_DELETE,	/* j/y deletes ask_target, anything else keeps it */
	ASK_ADD_KIND,	/* in an open meeting: b adds a besluit, a an actie */
};

struct app;

/* One view plugged into the engine. */
struct view_ops {
	const char *name;
	/* the view's scrolling list, or NULL (the overview) */
	struct list *(*list)(struct app *app);
	/* draws the view into body; records click zones */
	void (*render)(struct app *app, struct grid *g, struct rect body);
	/* view-specific actions (Enter, f, s, Left/Right); true if handled */
	bool (*act)(struct app *app, enum action a);
};

struct app {
	struct db *db;
	bool readonly;			/* opened read-only (shown in the status line) */
	enum view_id view;
	enum view_id back;		/* where Esc returns to */
	bool zoom;			/* Enter: the detail pane fills the view */
	bool help;			/* the help screen covers the view */
	int help_top;			/* first help line shown */
	int pane;			/* selected pane of the overview (index into ov.dom) */
	int ov_cols;			/* panes per row in the last overview frame */
	bool mono;			/* no colours: bars use distinct glyphs */
	int dom;			/* domain or theme of the domain view (index into ov.dom) */
	struct overview ov;
	struct line_titles ov_lines[MODEL_MAX_DOMAINS];	/* actielijnen listed in each pane */
	int ov_lines_limit[MODEL_MAX_DOMAINS];	/* rows they were read for, 0 = stale */

	struct list *lines;		/* actielijnen of the open domain */
	int lines_sort, lines_filter;	/* index into the view's sort/filter tables */
	struct successes successes;	/* of the open domain */
	long long successes_dom;	/* domain id successes were read for, -1 */
	struct actielijn_detail detail;	/* the selected row's long text */
	long long detail_id;		/* row id detail was read for, -1 */
	enum view_id detail_view;	/* view detail belongs to */

	struct list *gantt;		/* actielijnen of the year, by domain */
	int year;			/* year the Gantt shows */
	int gantt_filter;
	struct milestones milestones;	/* planning items of the year */
	int ms_sel;			/* selected milestone (Up from the first bar),
					   -1: the cursor is in the Gantt list */
	int ms_top;			/* first milestone shown */
	struct undated undated;		/* actielijnen without any date */
	int gantt_loaded;		/* year the two rowsets hold, 0 = none */

	struct list *meetings;
	int meetings_sort;
	struct meeting_detail meeting;	/* the selected meeting's decisions and actions */
	long long meeting_id;		/* meeting those were read for, -1 */
	int meeting_item;		/* with the meeting open (zoom): the selected
					   decision (0..) or action (after the decisions) */
	int meeting_item_top;		/* first item shown */

	struct list *acts;		/* all action items */
	int acts_sort, acts_filter;

	bool prompt;			/* typing a search in the status line */
	char input[128];		/* what has been typed */
	char query[128];		/* the last search */
	struct search_hits hits;	/* its hits */
	int hit;			/* current hit, -1 = none yet */

	char ro_reason[200];		/* why read-only, for "alleen lezen: ..." */
	struct edit_form *form;		/* a form to run (APP_FORM), or NULL */
	enum ask_kind ask;		/* a question in the status line */
	char ask_text[600];		/* the question */
	char ask_keys[80];		/* its answers, shown at the right: "j = ja, n = nee" */
	struct edit_target ask_target;	/* what it is about */
	struct undo_stack undo;		/* this session's changes */
	const char *changed_table;	/* entry app->changed was read for */
	long long changed_id;
	char changed[120];		/* "28 nov 2026 14:05 door jan" or "" */

	char msg[400];			/* one-line message for the status line */
	bool msg_error;
	int page;			/* list rows visible in the last frame */
	struct zone zones[APP_MAX_ZONES];
	int nzones;
	long long version;		/* data version the lists were read at */
	char today[11];
};

/* The views, indexed by enum view_id. */
extern const struct view_ops *const app_views[VIEW_COUNT];

/* Creates the state over an open database; NULL when out of memory. */
struct app *app_new(struct db *db, bool readonly);
void app_free(struct app *app);

/* Handles one key code (KC_*); returns APP_* flags. */
int app_key(struct app *app, int key);

/* Handles one action from the key table; returns APP_* flags. */
int app_action(struct app *app, enum action a);

/* A mouse event at (x, y) of the last frame: button 1 click or wheel
 * (wheel = -1 up, +1 down, 0 for a click). Returns APP_* flags. */
int app_mouse(struct app *app, int x, int y, int wheel);

/* Called when no key came within the input timeout: rereads what another
 * process changed (PRAGMA data_version). Returns APP_REDRAW if so. */
int app_poll(struct app *app);

/* Forgets all cached rows (after this process wrote to the database). */
void app_invalidate(struct app *app);

/* "laatst gewijzigd" of an entry: "28 nov 2026 14:05 door jan", or ""
 * (cached for one entry until the data changes). */
const char *app_last_changed(struct app *app, const char *table, long long id);

/* Reads the selected meeting's decisions and actions when not current. */
void meetings_load_detail(struct app *app);

/* Reads the milestones and undated items of the Planning year when not
 * current. */
void planning_load_year(struct app *app);

/* Switches to a view (domain: index into ov.dom for VIEW_DOMAIN). */
void app_show(struct app *app, enum view_id v, int domain);

/* Sets the status line message (printf-style). */
void app_message(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Adds a click zone for the frame being drawn. */
void app_zone(struct app *app, struct rect r, enum zone_kind kind, long long value);

/* Draws the whole frame (tabs, view, status line, help) into g, which
 * must already have the terminal's size. */
void render_frame(struct app *app, struct grid *g);

/* Shared drawing helpers for the views (render.c). */
/* The colour of a status of work, and the glyph of its bar segment
 * (█ in colour; distinct patterns when mono); unknown ones as "onbekend". */
enum role render_status_role(const char *status);
wchar_t render_status_glyph(const char *status, bool mono);
void render_hline(struct grid *g, int x, int y, int w);
void render_heading(struct grid *g, struct rect r, const char *text, bool selected);
/* Draws the rows of a list [top, top + rows) via draw_row (which gets ctx);
 * records zones;
 * the selected row is highlighted over sel_w columns (-1: all). */
void render_list(struct app *app, struct grid *g, struct list *l, struct rect r, int sel_w,
		 void (*draw_row)(struct app *app, struct grid *g, const struct list_row *row,
				  struct rect line, void *ctx), void *ctx);
/* A short date ("4 mrt 2024") or "" into out[16]. */
void render_date(const char *iso, char out[16]);

#endif
