#ifndef SNW_EDIT_H
#define SNW_EDIT_H

/*
 * Editing without curses. What `a`, `e`, `d`, space, `u` and Ctrl-R do in
 * each view; the contents of an edit form (values, allowed choices,
 * validation through the importer's rule set, field_normalize); saving
 * with the conflict check of db_update; and the session's undo stack of
 * change groups. formui.c only shows a form and turns keys into calls
 * here, so tests drive all of it without a terminal. The form's contents
 * are in src/edit_form.c, the actions and saving in src/edit.c.
 */

#include <stdbool.h>

#include "core/entity.h"
#include "model/history.h"

struct app;
struct db;

/* An entry: the thing selected in a view, or what a question is about. */
struct edit_target {
	const struct entity *e;		/* NULL: nothing selected */
	long long id;
};

/* What an edit form holds. Field indexes are those of e->fields. */
struct edit_form {
	const struct entity *e;
	long long id;				/* entry being edited; 0 = a new one */
	int order[ENTITY_MAX_FIELDS];		/* fields in form order: the title first */
	char *val[ENTITY_MAX_FIELDS];		/* what each field holds now */
	char *start[ENTITY_MAX_FIELDS];		/* val when the form opened: "changed?" */
	char *orig[ENTITY_MAX_FIELDS];		/* stored values the edit is based on (the
						   conflict check); all NULL for a new entry */
	char *theirs[ENTITY_MAX_FIELDS];	/* after a conflict: what is stored now */
	bool conflict;				/* theirs is filled */
	char theirs_when[96];			/* "28 nov 2026 14:05 door jan" */
	char **choices[ENTITY_MAX_FIELDS];	/* choice fields (status, soort, domein):
						   the allowed values, NULL-ended; else NULL */
	char err[ENTITY_MAX_FIELDS][FIELD_ERR_MAX];	/* per field; "" = fine */
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
 * the entry is gone or on an error (err says which).
 */
struct edit_form *edit_form_new(struct db *db, const struct entity *e, long long id,
				const char *const *prefill, char *err, size_t errsz);
void edit_form_free(struct edit_form *f);

/* Replaces what field j holds. Returns 0, -1 when out of memory. */
int edit_form_set(struct edit_form *f, int j, const char *text);

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
 * stores the canonical values in canon[] (malloc'd; free with
 * edit_free_values). Sets err[] and focus; returns the number of bad
 * fields (0: canon is complete).
 */
int edit_form_check(struct edit_form *f, char **canon);
void edit_free_values(char **vals, int n);

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

/* --- text of multi-line form fields ------------------------------------- */

/*
 * The form library keeps a multi-line field as rows of exactly `cols`
 * columns without line breaks, and wraps a row's last word once the row
 * would reach its last column. edit_wrap lays text out that way (each
 * paragraph from a new row, words wrapped, rows padded with spaces);
 * edit_unwrap turns rows back into text: a row break where the next
 * word would have fitted on the row is a line break, any other is a
 * wrap (so a line break after a nearly full row reads back as a space).
 * Both return malloc'd strings (NULL when out of memory).
 */
char *edit_wrap(const char *text, int cols);
char *edit_unwrap(const char *rows, int cols);

/* --- actions of the dashboard --------------------------------------------- */

/* The entry selected in the current view (e NULL when none). */
struct edit_target edit_selection(struct app *app);

/* `a`: opens a form for what the view adds (sets app->form), or asks
 * which kind (in an open meeting). Returns APP_* flags. */
int edit_add(struct app *app);

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
