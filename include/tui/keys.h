#ifndef SNW_KEYS_H
#define SNW_KEYS_H

#include <stddef.h>

#include "core/i18n.h"

/*
 * Keys as data. ACTION_LIST is the one description of every command of
 * the dashboard: its name, the keys that trigger it (as the help screen
 * shows them, and as the dispatcher parses them), a short word for the
 * status line and a label for the help screen, both msgids (N_(): the
 * help and the status line show them in the language of the user). The
 * enum, the dispatcher and the help screen are all generated from it, so
 * they cannot disagree.
 * The keys that show a view (0-8) belong to the views (struct view_key,
 * include/tui/view.h); the help screen lists them first.
 */

/* X(name, keys, short, label) */
#define ACTION_LIST(X) \
	X(NEXT_VIEW, "Tab", N_("weergave"), N_("Volgende weergave")) \
	X(PREV_VIEW, "Shift-Tab", "", N_("Vorige weergave")) \
	X(UP, "Up k", "", N_("Omhoog")) \
	X(DOWN, "Down j", "", N_("Omlaag")) \
	X(LEFT, "Left h", "", N_("Planning: vorig jaar; open vergadering: de vorige; Overzicht: paneel links")) \
	X(RIGHT, "Right l", "", N_("Planning: volgend jaar; open vergadering: de volgende; Overzicht: paneel rechts")) \
	X(PAGE_UP, "PgUp", "", N_("Pagina omhoog")) \
	X(PAGE_DOWN, "PgDn", "", N_("Pagina omlaag")) \
	X(HOME, "Home g", "", N_("Naar het begin")) \
	X(END, "End G", "", N_("Naar het eind")) \
	X(OPEN, "Enter", N_("open"), N_("Openen: een paneel, een vergadering; elke andere regel helemaal lezen")) \
	X(BACK, "Esc", N_("terug"), N_("Terug: sluit een tekst, een vergadering, een lijst; anders naar het overzicht")) \
	X(SEARCH, "/", N_("zoek"), N_("Zoeken in alle tekst")) \
	X(NEXT_HIT, "n", "", N_("Volgende treffer")) \
	X(PREV_HIT, "N", "", N_("Vorige treffer")) \
	X(FILTER, "f", N_("filter"), N_("Filter op status (een domein, Planning, Acties; elk zijn eigen)")) \
	X(SORT, "s", N_("sorteer"), N_("Sortering wisselen (een domein, Vergaderingen, Acties)")) \
	X(ADD, "a", N_("nieuw"), N_("Nieuw, van de soort onder de cursor: actielijn, succes, domein, planningsitem, vergadering, besluit, actie")) \
	X(EDIT, "e", N_("wijzig"), N_("Geselecteerde wijzigen in een formulier")) \
	X(DELETE, "d", "", N_("Geselecteerde verwijderen (vraagt eerst, noemt wat meegaat)")) \
	X(TOGGLE, "Space", "", N_("Actie open / gedaan")) \
	X(UNDO, "u", "", N_("Ongedaan maken (ook verwijderen)")) \
	X(REDO, "Ctrl-R", "", N_("Opnieuw doen")) \
	X(HELP, "? F1", N_("help"), N_("Deze hulp")) \
	X(QUIT, "q", N_("stop"), N_("Stoppen"))

#define ACTION_ENUM(name, keys, shortl, label) ACT_##name,
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
 * X(name, keys, label)
 */
#define FORM_KEY_LIST(X) \
	X(SAVE, "Ctrl-S F2", N_("Opslaan (eerst gecontroleerd)")) \
	X(CANCEL, "Esc Ctrl-C", N_("Annuleren (vraagt eerst bij wijzigingen)")) \
	X(NEXT, "Tab Down", N_("Volgend veld; in een lange tekst: volgende regel")) \
	X(PREV, "Shift-Tab Up", N_("Vorig veld; in een lange tekst: vorige regel")) \
	X(NEWLINE, "Enter", N_("Lange tekst: nieuwe regel; elders volgend veld")) \
	X(LEFT, "Left", N_("Cursor links; keuzeveld: vorige waarde")) \
	X(RIGHT, "Right", N_("Cursor rechts; keuzeveld: volgende (ook spatie)")) \
	X(HOME, "Home", N_("Begin van de regel")) \
	X(END, "End", N_("Eind van de regel")) \
	X(BACKSPACE, "Backspace", N_("Teken voor de cursor wissen")) \
	X(DELCHAR, "Delete", N_("Teken onder de cursor wissen")) \
	X(CLEAR, "Ctrl-U", N_("Veld leegmaken")) \
	X(PICK, "F4 Ctrl-L", N_("Kieslijst (domein, actielijn, ...): typen filtert")) \
	X(EDITOR, "Ctrl-E", N_("Tekst van meerdere regels in $VISUAL/$EDITOR")) \
	X(PAGE_UP, "PgUp", N_("Vorige pagina van het formulier")) \
	X(PAGE_DOWN, "PgDn", N_("Volgende pagina van het formulier"))

#define FORM_KEY_ENUM(name, keys, label) FK_##name,
enum form_key {
	FK_NONE,
	FORM_KEY_LIST(FORM_KEY_ENUM)
	FK_COUNT
};
#undef FORM_KEY_ENUM

/* One row of FORM_KEY_LIST. */
struct form_key_def {
	enum form_key key;
	const char *keys;
	const char *label;	/* a msgid: show it with _() */
};

/* The form key bound to a key code, or FK_NONE (then: a character to type). */
enum form_key keys_form_key(int keycode);
int keys_form_count(void);
const struct form_key_def *keys_form_get(int i);

/* One row of ACTION_LIST. */
struct key_def {
	enum action action;
	const char *keys;	/* space-separated key names: "Up k" */
	const char *shortl;	/* word for the status line (a msgid), "" = not shown */
	const char *label;	/* what it does, for the help screen (a msgid) */
};

/* The action bound to a key code, or ACT_NONE. */
enum action keys_action(int keycode);

/* Number of actions and the i-th description, in ACTION_LIST order. */
int keys_count(void);
const struct key_def *keys_get(int i);


/* The key code a key name stands for ("Tab", "PgUp", "q"), or KC_NONE. */
int keys_parse(const char *name);

/* Space-separated key names as a person reads them: the arrows as
 * arrows ("Up k" is "↑ k"), Space as the word for it in the language
 * shown; into buf. Returns buf. */
const char *keys_shown(const char *keys, char *buf, size_t bufsz);

#endif
