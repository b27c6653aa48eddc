#ifndef SNW_KEYS_H
#define SNW_KEYS_H

/*
 * Keys as data. ACTION_LIST is the one description of every command of
 * the dashboard: its name, the keys that trigger it (as the help screen
 * shows them, and as the dispatcher parses them), a short word for the
 * status line and Dutch and English labels. The enum, the dispatcher and
 * the help screen are all generated from it, so they cannot disagree.
 */

/* X(name, keys, short, dutch, english) */
#define ACTION_LIST(X) \
	X(OVERVIEW, "0", "", "Overzicht van alle domeinen", "Overview of all domains") \
	X(DOMAIN1, "1", "", "Domein 1", "Domain 1") \
	X(DOMAIN2, "2", "", "Domein 2", "Domain 2") \
	X(DOMAIN3, "3", "", "Domein 3", "Domain 3") \
	X(DOMAIN4, "4", "", "Domein 4", "Domain 4") \
	X(DOMAIN5, "5", "", "Domein 5", "Domain 5") \
	X(PLANNING, "6", "", "Planning (Gantt)", "Planning (Gantt chart)") \
	X(MEETINGS, "7", "", "Vergaderingen", "Meetings") \
	X(ACTIONS, "8", "", "Acties", "Action items") \
	X(NEXT_VIEW, "Tab", "weergave", "Volgende weergave", "Next view") \
	X(PREV_VIEW, "Shift-Tab", "", "Vorige weergave", "Previous view") \
	X(UP, "Up k", "", "Omhoog", "Move up") \
	X(DOWN, "Down j", "", "Omlaag", "Move down") \
	X(LEFT, "Left h", "", "Links; in Planning: vorig jaar", "Left; in Planning: previous year") \
	X(RIGHT, "Right l", "", "Rechts; in Planning: volgend jaar", "Right; in Planning: next year") \
	X(PAGE_UP, "PgUp", "", "Pagina omhoog", "Page up") \
	X(PAGE_DOWN, "PgDn", "", "Pagina omlaag", "Page down") \
	X(HOME, "Home g", "", "Naar het begin", "Go to the first row") \
	X(END, "End G", "", "Naar het eind", "Go to the last row") \
	X(OPEN, "Enter", "open", "Openen", "Open") \
	X(BACK, "Esc", "terug", "Terug", "Back") \
	X(SEARCH, "/", "zoek", "Zoeken in alle tekst", "Search all text") \
	X(NEXT_HIT, "n", "", "Volgende treffer", "Next search hit") \
	X(PREV_HIT, "N", "", "Vorige treffer", "Previous search hit") \
	X(FILTER, "f", "filter", "Filter op status", "Filter by status") \
	X(SORT, "s", "sorteer", "Sortering wisselen", "Change the sort order") \
	X(HELP, "? F1", "help", "Deze hulp", "This help") \
	X(QUIT, "q", "stop", "Stoppen", "Quit")

#define ACTION_ENUM(name, keys, shortl, nl, en) ACT_##name,
enum action {
	ACT_NONE,
	ACTION_LIST(ACTION_ENUM)
	ACT_COUNT
};
#undef ACTION_ENUM

/* Key codes: Unicode characters as themselves, special keys above. */
enum keycode {
	KC_NONE = 0,
	KC_TAB = '\t',
	KC_ENTER = '\n',
	KC_ESC = 27,
	KC_BACKSPACE = 127,
	KC_SPECIAL = 0x110000,
	KC_UP, KC_DOWN, KC_LEFT, KC_RIGHT, KC_PGUP, KC_PGDN, KC_HOME, KC_END,
	KC_BTAB, KC_F1, KC_RESIZE, KC_MOUSE,
	KC_TIMEOUT,		/* no key within the input timeout */
};

/* One row of ACTION_LIST. */
struct key_def {
	enum action action;
	const char *keys;	/* space-separated key names: "Up k" */
	const char *shortl;	/* word for the status line, "" = not shown */
	const char *nl;		/* Dutch label */
	const char *en;		/* English label */
};

/* The action bound to a key code, or ACT_NONE. */
enum action keys_action(int keycode);

/* Number of actions and the i-th description, in ACTION_LIST order. */
int keys_count(void);
const struct key_def *keys_get(int i);

/* Description of an action. */
const struct key_def *keys_def(enum action a);

/* The key code a key name stands for ("Tab", "PgUp", "q"), or KC_NONE. */
int keys_parse(const char *name);

#endif
