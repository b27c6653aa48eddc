#ifndef SNW_VIEW_H
#define SNW_VIEW_H

/*
 * A view of the dashboard is one file under src/tui/views/: its private
 * state and a struct view_ops, listed once in src/tui/views/registry.c.
 * The engine (app.c, layout.c, render.c, edit.c) knows views only through
 * this table: the tabs, the keys that show a view and their help lines,
 * which keys it handles, the status line, what is selected (the target of
 * e, d and space), where a search hit or a changed entry is shown, and
 * what `a` adds all come from it. A new view is a new file and one line
 * in the registry.
 *
 * A frame is made in two steps. layout() may read the database, move the
 * scroll position, remember geometry and record click zones; draw() is
 * pure: it reads the view's state and the app and writes cells. Actions
 * (key, mouse, show, select, add) change state and return APP_* flags
 * saying what to redraw; they never draw.
 */

#include <stdbool.h>
#include <stddef.h>

#include "tui/edit.h"
#include "tui/grid.h"
#include "tui/keys.h"
#include "model/model.h"

struct app;
struct view;

/* A key that shows a view, and its line on the help screen. */
struct view_key {
	const char *key;	/* a key name as keys_parse reads it: "6" */
	int arg;		/* what show() gets (the domain view: the domain's place) */
	const char *label;	/* the help screen's text (a msgid: N_()) */
};

/* A tab of the tab bar, as a view describes it; layout adds the rest. */
struct tab {
	char label[80];
	char brief[40];		/* a shorter label that says the same ("1 EID"),
				   or "": the tab bar uses it when the labels do
				   not fit, before it shows only the key */
	int arg;		/* what show() gets when the tab is clicked */
	bool active;		/* it is the view (and arg) on screen */
	bool hidden;		/* a stop of Tab / Shift-Tab that is not drawn */
	bool optional;		/* drawn only when the bar has room for it with
				   the brief labels (or it is active) */
	bool trailing;		/* drawn after every other tab, and no stop of
				   Tab (an open theme) */
	bool inert;		/* a click on it does nothing */
	/* set by layout: */
	int view;		/* the view it shows (index into the registry) */
	struct rect r;		/* where it is drawn */
};

struct view_ops {
	const char *name;	/* a msgid (N_()), in its tab and the status line: "Planning"
				   (through _(), so mark a new one N_()) */
	const struct view_key *keys;	/* the keys that show it */
	int nkeys;

	/* Its private state, ready to use, and freeing it. Loading waits
	 * for layout. */
	void *(*open)(struct app *app);
	void (*close)(void *priv);

	/* It is about to be shown with arg (a key's or a tab's). Returns
	 * false, with a message, when it cannot show that. Optional. */
	bool (*show)(struct view *v, struct app *app, int arg);

	/* Its tabs into out[0..max): returns how many. `width` is the
	 * terminal's, `others` what the other views' tabs take. NULL: one
	 * tab "KEY name", active while the view is on screen. */
	int (*tabs)(const struct view *v, const struct app *app, int width, int others,
		    struct tab *out, int max);

	/* Prepares a frame in body: reads what it shows, scrolls, sets
	 * app->page, records click zones (app_zone). */
	void (*layout)(struct view *v, struct app *app, struct rect body);
	/* Draws the frame layout prepared. Pure. */
	void (*draw)(const struct view *v, const struct app *app, struct grid *g, struct rect body);

	/* For the status line: the title (its name when NULL or "") and
	 * where the cursor is ("rij 12/40", "paneel 1/6"). Optional: then the
	 * name and the list's row. */
	void (*status)(const struct view *v, const struct app *app, char *title, size_t titlesz,
		       char *pos, size_t possz);

	/* An action of the key table. Returns APP_* flags, 0 when the view
	 * leaves it to the engine (moving in its list, e, d, ...). */
	int (*key)(struct view *v, struct app *app, enum action a);
	/* While the view takes typed text (a date in Wijzigingen), every key
	 * code comes here first, before the keys that show views and the key
	 * table. Returns APP_* flags, or -1 when it takes no text now.
	 * Optional. */
	int (*text_key)(struct view *v, struct app *app, int key);
	/* Its scrolling list (the engine moves it with the arrows, pages,
	 * the wheel and clicks on ZONE_ITEM rows), or NULL. */
	struct list *(*list)(const struct view *v);
	/* The wheel (wheel -1 up, +1 down) over its ZONE_PANE `item` (-1:
	 * none there), or a click on its ZONE_ITEM `item` (wheel 0).
	 * Optional: then the engine does it to the list. */
	int (*mouse)(struct view *v, struct app *app, long long item, int wheel);

	/* Shows entry h (a search hit, or an entry another view opens, such
	 * as a domain from the overview) when this view is where such
	 * entries are shown: switches to itself (app_show), puts the cursor
	 * on it and returns what it is ("actielijn"); NULL otherwise. */
	const char *(*show_entry)(struct view *v, struct app *app, const struct search_hit *h);

	/* The entry under the cursor (e NULL: none): e, d and space act on it. */
	struct edit_target (*selected)(struct view *v, struct app *app);
	/* After a change: puts the cursor on entry id of e when the view
	 * shows it; otherwise nothing. */
	void (*select)(struct view *v, struct app *app, const struct entity *e, long long id);
	/* `a`: opens a form for a new entry (edit_new) or asks what kind
	 * (edit_ask_kind, which calls back with the kind chosen). Returns
	 * APP_* flags. NULL: nothing to add here. */
	int (*add)(struct view *v, struct app *app, const struct entity *kind);

	/* The data changed: forget what was read (read again in layout). */
	void (*invalidate)(struct view *v, struct app *app);

	/* Whether action a does something here now: the status line offers
	 * only those keys. Optional: then every key but Esc on the first
	 * view. */
	bool (*offers)(const struct view *v, const struct app *app, enum action a);

	/* After a change to entry id of e: the label of this view's filter
	 * when that filter hides the entry, which the view would show
	 * otherwise ("gepland"); NULL when nothing hides it. Optional. */
	const char *(*hidden_by)(struct view *v, struct app *app, const struct entity *e, long long id);
	/* Clears the filter hidden_by named and selects the entry. */
	void (*unfilter)(struct view *v, struct app *app, const struct entity *e, long long id);
};

/* A view as the app holds it. */
struct view {
	const struct view_ops *ops;
	void *priv;		/* its state, made by ops->open */
};

/* The registry: every view, in the order of the tabs; the first is
 * where Esc goes back to. */
extern const struct view_ops *const view_registry[];
extern const int view_count;

#endif
