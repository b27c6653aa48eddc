#ifndef SNW_KEYS_H
#define SNW_KEYS_H

/*
 * Keys as data. ACTION_LIST is the one description of every command of
 * the dashboard: its name, the keys that trigger it (as the help screen
 * shows them, and as the dispatcher parses them), a short word for the
 * status line and Dutch and English labels. The enum, the dispatcher and
 * the help screen are all generated from it, so they cannot disagree.
 * The keys that show a view (0-8) belong to the views (struct view_key,
 * include/tui/view.h); the help screen lists them first.
 */

/* X(name, keys, short, dutch, english) */
#define ACTION_LIST(X) \
	X(NEXT_VIEW, "Tab", "weergave", "Volgende weergave", "Next view") \
	X(PREV_VIEW, "Shift-Tab", "", "Vorige weergave", "Previous view") \
	X(UP, "Up k", "", "Omhoog", "Move up") \
	X(DOWN, "Down j", "", "Omlaag", "Move down") \
	X(LEFT, "Left h", "", "Planning: vorig jaar; open vergadering: de vorige; Overzicht: paneel links", \
	  "Planning: previous year; open meeting: the one before; Overview: pane to the left") \
	X(RIGHT, "Right l", "", "Planning: volgend jaar; open vergadering: de volgende; Overzicht: paneel rechts", \
	  "Planning: next year; open meeting: the one after; Overview: pane to the right") \
	X(PAGE_UP, "PgUp", "", "Pagina omhoog", "Page up") \
	X(PAGE_DOWN, "PgDn", "", "Pagina omlaag", "Page down") \
	X(HOME, "Home g", "", "Naar het begin", "Go to the first row") \
	X(END, "End G", "", "Naar het eind", "Go to the last row") \
	X(OPEN, "Enter", "open", "Openen: een paneel, een vergadering; elke andere regel helemaal lezen", \
	  "Open a pane or a meeting; read any other entry whole") \
	X(BACK, "Esc", "terug", "Terug: sluit een tekst, een vergadering, een lijst; anders naar het overzicht", \
	  "Back: closes a text, a meeting, a list; else to the overview") \
	X(SEARCH, "/", "zoek", "Zoeken in alle tekst", "Search all text") \
	X(NEXT_HIT, "n", "", "Volgende treffer", "Next search hit") \
	X(PREV_HIT, "N", "", "Vorige treffer", "Previous search hit") \
	X(FILTER, "f", "filter", "Filter op status (een domein, Planning, Acties; elk zijn eigen)", \
	  "Filter by status (a domain, Planning, Action items; each its own)") \
	X(SORT, "s", "sorteer", "Sortering wisselen (een domein, Vergaderingen, Acties)", \
	  "Change the sort order (a domain, Meetings, Action items)") \
	X(ADD, "a", "nieuw", "Nieuw, van de soort onder de cursor: actielijn, succes, domein, planningsitem, vergadering, besluit, actie", \
	  "Add, of the kind under the cursor: actielijn, success, domain, planning item, meeting, decision, action") \
	X(EDIT, "e", "wijzig", "Geselecteerde wijzigen in een formulier", "Edit the selected entry in a form") \
	X(DELETE, "d", "", "Geselecteerde verwijderen (vraagt eerst, noemt wat meegaat)", "Delete the selected entry (asks first, names what goes with it)") \
	X(TOGGLE, "Space", "", "Actie open / gedaan", "Toggle an action open / done") \
	X(UNDO, "u", "", "Ongedaan maken (ook verwijderen)", "Undo (deletes too)") \
	X(REDO, "Ctrl-R", "", "Opnieuw doen", "Redo") \
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
	KC_BTAB, KC_F1, KC_F2, KC_F4, KC_DELETE, KC_RESIZE, KC_MOUSE,
	KC_TIMEOUT,		/* no key within the input timeout */
};

/* Control keys arrive as their control character: KC_CTRL('R') == 18. */
#define KC_CTRL(c) ((c) & 0x1f)

/*
 * The keys of an edit form, as data for the form's dispatcher (formui.c)
 * and the help screen. What a key does can depend on the field it is in,
 * and while a pick list is open ↑/↓ move in the list, Enter picks and
 * Esc closes it; the labels say so.
 * X(name, keys, dutch, english)
 */
#define FORM_KEY_LIST(X) \
	X(SAVE, "Ctrl-S F2", "Opslaan (eerst gecontroleerd)", "Save (checked first)") \
	X(CANCEL, "Esc Ctrl-C", "Annuleren (vraagt eerst bij wijzigingen)", "Cancel (asks first when something changed)") \
	X(NEXT, "Tab Down", "Volgend veld; in de toelichting: volgende regel", "Next field; in the explanation: next line") \
	X(PREV, "Shift-Tab Up", "Vorig veld; in de toelichting: vorige regel", "Previous field; in the explanation: previous line") \
	X(NEWLINE, "Enter", "Toelichting: nieuwe regel; elders volgend veld", "New line in the explanation; elsewhere next field") \
	X(LEFT, "Left", "Cursor links; keuzeveld: vorige waarde", "Cursor left; in a choice field: previous value") \
	X(RIGHT, "Right", "Cursor rechts; keuzeveld: volgende (ook spatie)", \
	  "Cursor right; choice field: next value (also space)") \
	X(HOME, "Home", "Begin van de regel", "Start of the line") \
	X(END, "End", "Eind van de regel", "End of the line") \
	X(BACKSPACE, "Backspace", "Teken voor de cursor wissen", "Delete the character before the cursor") \
	X(DELCHAR, "Delete", "Teken onder de cursor wissen", "Delete the character under the cursor") \
	X(CLEAR, "Ctrl-U", "Veld leegmaken", "Clear the field") \
	X(PICK, "F4 Ctrl-L", "Kieslijst (domein, actielijn, ...): typen filtert", \
	  "Pick list (domain, actielijn, ...): typing filters") \
	X(EDITOR, "Ctrl-E", "Tekst van meerdere regels in $VISUAL/$EDITOR", "Multi-line text in $VISUAL/$EDITOR") \
	X(PAGE_UP, "PgUp", "Vorige pagina van het formulier", "Previous page of the form") \
	X(PAGE_DOWN, "PgDn", "Volgende pagina van het formulier", "Next page of the form")

#define FORM_KEY_ENUM(name, keys, nl, en) FK_##name,
enum form_key {
	FK_NONE,
	FORM_KEY_LIST(FORM_KEY_ENUM)
	FK_COUNT
};
#undef FORM_KEY_ENUM

/* One row of FORM_KEY_LIST. */
struct form_key_def {
	enum form_key key;
	const char *keys, *nl, *en;
};

/* The form key bound to a key code, or FK_NONE (then: a character to type). */
enum form_key keys_form_key(int keycode);
int keys_form_count(void);
const struct form_key_def *keys_form_get(int i);

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


/* The key code a key name stands for ("Tab", "PgUp", "q"), or KC_NONE. */
int keys_parse(const char *name);

#endif
