#ifndef SNW_EDIT_H
#define SNW_EDIT_H

/*
 * Editing without curses. What `a`, `e`, `d`, space, `u` and Ctrl-R do
 * (each view says what is selected and what `a` adds: view.h); the
 * contents of an edit form (values, allowed choices, validation through
 * the importer's rule set, field_normalize); saving
 * with the conflict check of db_update; and the session's undo stack of
 * change groups. formui.c only shows a form and turns keys into calls
 * here, so tests drive all of it without a terminal. The form's contents
 * are in src/tui/edit_form.c, the actions and saving in src/tui/edit.c.
 */

#include <stdbool.h>

#include "core/entity.h"
#include "store/undo.h"
#include "model/refs.h"

struct app;
struct db;
struct edit_memo;

/* An entry: the thing selected in a view, or what a question is about. */
struct edit_target {
	const struct entity *e;		/* NULL: nothing selected */
	long long id;
};

/* What an edit form holds. Field indexes are those of e->fields. */
struct edit_form {
	const struct entity *e;
	struct db *db;				/* for reference checks and pickers */
	long long id;				/* entry being edited; 0 = a new one */
	int order[ENTITY_MAX_FIELDS];		/* fields in form order: the title first */
	char *val[ENTITY_MAX_FIELDS];		/* what each field holds now: the exact
						   bytes typed or stored, never a display form */
	char *start[ENTITY_MAX_FIELDS];		/* val when the form opened: "changed?" */
	char *orig[ENTITY_MAX_FIELDS];		/* stored values the edit is based on (the
						   conflict check); all NULL for a new entry */
	char *theirs[ENTITY_MAX_FIELDS];	/* after a conflict: what is stored now */
	bool conflict;				/* theirs is filled */
	char theirs_when[96];			/* "28 nov 2026 14:05 door jan" */
	char **choices[ENTITY_MAX_FIELDS];	/* choice fields (status, soort, domein):
						   the allowed values, NULL-ended; else NULL */
	char err[ENTITY_MAX_FIELDS][FIELD_ERR_MAX];	/* per field; "" = fine */
	bool touched[ENTITY_MAX_FIELDS];	/* its error shows: it was left after a
						   change, or a save was tried */
	struct edit_memo *memo[ENTITY_MAX_FIELDS];	/* the last reference check, and
						   what the database refused (edit_form.c) */
	char msg[FIELD_ERR_MAX + 80];		/* about the whole form: an error and what to do */
	int focus;				/* field the cursor goes to */
	char heading[200];			/* "Nieuwe actielijn", "Actielijn wijzigen" */
};

/* Outcome of saving a form. */
enum edit_result {
	EDIT_SAVED,	/* written; the form can close */
	EDIT_UNCHANGED,	/* nothing differed from what is stored; closes too */
	EDIT_INVALID,	/* nothing written: err[] / msg say why, focus is set */
	EDIT_CONFLICT,	/* someone else changed it since: theirs[] holds their version */
	EDIT_GONE,	/* someone else deleted it: the form now adds it anew */
	EDIT_FAILED,	/* the database failed (msg) */
};

/*
 * Opens a form for entry id of e (0: a new entry, with prefill[j] as the
 * start value of field j when prefill and prefill[j] are not NULL, else
 * the field's default; statuses start at their first value). NULL when
 * the entry is gone or the database failed (db_result says which).
 */
struct edit_form *edit_form_new(struct db *db, const struct entity *e, long long id,
				const char *const *prefill);
void edit_form_free(struct edit_form *f);

/* Replaces what field j holds. */
void edit_form_set(struct edit_form *f, int j, const char *text);

/* True when some field differs from what it held when the form opened. */
bool edit_form_changed(const struct edit_form *f);

/* True when field j is chosen from a list (f->choices[j]). */
bool edit_form_is_choice(const struct edit_form *f, int j);

/* Moves choice field j to the next (dir 1) or previous (-1) value, or
 * (dir 0) to the next value starting with letter wc. */
void edit_form_choose(struct edit_form *f, int j, int dir, int wc);

/* A short Dutch hint for field j ("bv. 4-3-2024, maart 2024 of Q2 2024"). */
const char *edit_form_hint(const struct edit_form *f, int j);

/*
 * Checks every field with field_normalize (the importer's rules) and
 * every reference the way the database resolves it (a domain, a meeting
 * on that date, an actielijn of that domain), and stores the canonical
 * values in canon[] (malloc'd; free with edit_free_values): a field that
 * still holds its stored value keeps exactly those bytes, a reference
 * typed in another case or without accents becomes the name it matches.
 * Sets err[] of every field (all count as touched) and focus to the first
 * bad one; returns the number of bad fields (0: canon is complete).
 */
int edit_form_check(struct edit_form *f, char **canon);
void edit_free_values(char **vals, int n);

/* Checks again after a key: err[] is set for the touched fields only
 * (a fixed field loses its message at once); references are looked up
 * again only when they or their domain changed, and not in field
 * `typing` (-1: none), the one being typed in: its pick list shows what
 * the text matches, and it is looked up when the cursor leaves it. */
void edit_form_recheck(struct edit_form *f, int typing);

/* The database refused field j's value with message msg: it shows until
 * the value changes. */
void edit_form_refuse(struct edit_form *f, int j, const char *msg);

/* Field j was left after a change: its message shows from now on. */
void edit_form_touch(struct edit_form *f, int j);

/* The number of fields with a message. */
int edit_form_errors(const struct edit_form *f);

/* --- pickers: reference fields choose from what exists ------------------- */

enum edit_pick {
	PICK_NONE,
	PICK_LIST,	/* must name an existing entry: domein, actielijn, vergadering */
	PICK_SUGGEST,	/* free text with suggestions: trekker, eigenaar */
};

/* Whether field j has a picker, and which entries it lists (*kind). */
enum edit_pick edit_form_pick(const struct edit_form *f, int j, enum ref_kind *kind);

/* The domain an actielijn field of this form is limited to: the domain
 * field's value as the database would resolve it, or NULL. Malloc'd. */
char *edit_form_pick_domain(struct edit_form *f);

/* The person picked `it` for field j: the field takes its value (an
 * empty domain field takes the actielijn's domain). */
void edit_form_take(struct edit_form *f, int j, const struct ref_item *it);

/* Leaving reference field j: a value that names exactly one entry in
 * another case or without accents becomes that entry's name. */
void edit_form_settle(struct edit_form *f, int j);

/* Saves the form (insert or update with the conflict check); on success
 * pushes one undo step, re-reads the views and sets the status message. */
enum edit_result edit_save(struct app *app, struct edit_form *f);

/* After EDIT_CONFLICT: saves this version over theirs. */
enum edit_result edit_save_mine(struct app *app, struct edit_form *f);

/* After EDIT_CONFLICT: takes theirs for every field this form did not
 * change and saves that (mine wins where both changed a field). */
enum edit_result edit_save_merged(struct app *app, struct edit_form *f);

/* True when this form changed field j (so a merge keeps it). */
bool edit_form_field_changed(const struct edit_form *f, int j);

/* After EDIT_CONFLICT: keeps theirs, writes nothing. */
void edit_keep_theirs(struct app *app, struct edit_form *f);

/* After EDIT_CONFLICT: back to editing; theirs becomes what a save
 * overwrites (the user has seen it). */
void edit_back_to_form(struct edit_form *f);

/* --- actions of the dashboard --------------------------------------------- */

struct list;

/* The entry selected in the current view (e NULL when none): its
 * view's `selected`. */
struct edit_target edit_selection(struct app *app);

/* For views with a list of entries of e: the row under the cursor. */
struct edit_target edit_list_selected(const struct entity *e, struct list *l);

/* `a`: asks the current view what it adds (its `add`). Returns APP_* flags. */
int edit_add(struct app *app);

/* For views' `add`: opens a form for a new entry of e, with field (a
 * column name, or NULL) filled in with value and `context` after the
 * form's heading (or NULL). Returns APP_* flags. */
int edit_new(struct app *app, const struct entity *e, const char *field, const char *value,
	     const char *context);

/* The same in domain d (index into app->domains): its domein field
 * filled in; says so when there is no such domain. */
int edit_new_in_domain(struct app *app, const struct entity *e, int d);

/* A new entry of e (a besluit or actie) in the meeting of that date and
 * soort: its vergadering filled in, and its bron the meeting
 * ("AB 21-12-2023"). A new entry made any other way starts with the bron
 * "dashboard <today as d-m-yyyy>". */
int edit_new_in_meeting(struct app *app, const struct entity *e, const char *datum, const char *soort,
			const char *context);

/* For views' `add`: asks in the status line which of kinds[0..n) to add,
 * each by the first letter of its name ("b = besluit, a = actie"); the
 * answer calls the view's `add` with that kind. */
int edit_ask_kind(struct app *app, const char *question, const struct entity *const *kinds, int n);

/*
 * Besluiten and acties name their meeting by its date, and a date with
 * two meetings resolves to the AB-vergadering (db_meeting_by_date).
 * Saving such an entry of the other meeting would move it, so that is
 * refused. Returns true (with the message set) when meeting `mid` on
 * `date` cannot be named by its date, or the database failed.
 */
bool edit_meeting_unreachable(struct app *app, long long mid, const char *date);

/* `e`: opens a form on the selected entry. */
int edit_edit(struct app *app);

/* `d`: asks whether to delete the selected entry, naming what goes. */
int edit_delete(struct app *app);

/* space: toggles the selected action open/gedaan. */
int edit_toggle(struct app *app);

/* `u` and Ctrl-R. */
int edit_undo(struct app *app);
int edit_redo(struct app *app);

/* A key while app->ask is set (a y/n or b/a question). */
int edit_answer(struct app *app, int key);

/* --- the session's undo stack ------------------------------------------------ */

#define UNDO_MAX 200	/* steps kept; the oldest go first */

struct undo_step {
	struct change_group g;	/* what undoing reverts (after an undo: the redo) */
	struct edit_target t;	/* the entry it is about: selected after undo/redo */
	char what[200];		/* "actielijn toegevoegd: “Coöperatie creëren”" */
};

struct undo_stack {
	struct undo_step *steps;
	int n;			/* steps held */
	int pos;		/* steps [0, pos) can be undone, [pos, n) redone */
	int cap;
};

/* Adds a step after the current position, dropping what could be redone. */
int undo_push(struct undo_stack *u, struct change_group g, const char *what, struct edit_target t);
void undo_free(struct undo_stack *u);

#endif
