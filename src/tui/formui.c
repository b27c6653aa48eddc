/*
 * Edit forms on screen (include/tui/formui.h): the state of an open
 * form, what each key does to it, and the loop that runs it in the
 * terminal. Text fields are textedit buffers whose bytes are the form's
 * values; keys insert the typed character or move and delete whole
 * grapheme clusters. Drawing is in formdraw.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/i18n.h"
#include "core/textshow.h"
#include "tui/app.h"
#include "tui/editor.h"
#include "tui/formui.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "formui_priv.h"

static struct edit_form *
form_of(const struct formui *u)
{
	return u->app->form;
}

/* The entity field with the cursor. */
static int
cur_field(const struct formui *u)
{
	return form_of(u)->order[u->cur];
}

/* Keeps each text field's buffer equal to the form's value: a value that
 * changed outside the field (a choice, a merge, a pick) is taken over,
 * with the cursor at its end. */
static void
sync_in(struct formui *u)
{
	struct edit_form *f = form_of(u);

	for (int j = 0; j < f->e->nfields; j++) {
		struct textedit *t = &u->fld[j].t;

		if (!t->s || strcmp(t->s, f->val[j]) != 0)
			textedit_set(t, f->val[j]);
	}
}

/* Puts the cursor in the field at form position k: at the end of a line,
 * at the start of a text of several lines. */
static void
enter(struct formui *u, int k)
{
	struct edit_form *f = form_of(u);
	int j = f->order[k];
	struct textedit *t = &u->fld[j].t;

	u->cur = k;
	u->goal = -1;
	free(u->entered);
	u->entered = xstrdup(f->val[j]);
	textedit_move(t, form_is_long(f, j) ? 0 : t->len);
}

/* The cursor leaves its field: a changed field shows its message from
 * now on, a reference typed in another case becomes the name it means. */
static void
leave(struct formui *u)
{
	struct edit_form *f = form_of(u);
	int j = cur_field(u);

	picker_close(&u->pick);
	if (!u->entered || strcmp(u->entered, f->val[j]) != 0)
		edit_form_touch(f, j);
	edit_form_settle(f, j);
	sync_in(u);
}

static void
go(struct formui *u, int k)
{
	leave(u);
	enter(u, k);
}

/* Tab and Shift-Tab: the next (dir 1) or previous (-1) field, across
 * pages, past the last back to the first. */
static void
next_field(struct formui *u, int dir)
{
	int n = form_of(u)->e->nfields;

	go(u, (u->cur + dir + n) % n);
}

/* PgUp/PgDn: the first field of the previous (-1) or next (1) page. */
static void
turn_page(struct formui *u, int dir)
{
	struct form_layout L;
	int page;

	form_layout(u, &L);
	if (L.small || L.npages < 2)
		return;
	page = (L.slot[u->cur].page + dir + L.npages) % L.npages;
	for (int k = 0; k < L.nslots; k++)
		if (L.slot[k].page == page) {
			go(u, k);
			return;
		}
}

/* The rows the current field of several lines shows at this width. */
static void
field_rows(struct formui *u, struct textshow_layout *l)
{
	struct form_layout L;
	struct textedit *t = &u->fld[cur_field(u)].t;

	form_layout(u, &L);
	textshow_layout(t->s ? t->s : "", t->len, L.small ? 2 : L.fieldw, true, FORM_MARKS, l);
}

/* The cluster boundary at or before off: a row that starts inside a
 * cluster (one too wide for a row) never puts the cursor inside it. */
static size_t
snap(const struct textedit *t, size_t off)
{
	return off >= t->len ? t->len : textedit_prev(t, textedit_next(t, off));
}

/* ↑/↓ in a field of several lines: the row above (-1) or below (1), as
 * near the same column as its clusters allow. False at the first or last
 * row (then the key goes to the field before or after). */
static bool
move_row(struct formui *u, int dir)
{
	struct textedit *t = &u->fld[cur_field(u)].t;
	struct textshow_layout l = { 0 };
	const struct textshow_row *nr;
	size_t off;
	int r;

	field_rows(u, &l);
	r = textshow_row_of(&l, t->cur);
	if (r + dir < 0 || r + dir >= l.n) {
		textshow_layout_free(&l);
		return false;
	}
	if (u->goal < 0)
		u->goal = textshow_col(t->s, &l.rows[r], t->cur, true, FORM_MARKS);
	nr = &l.rows[r + dir];
	off = textshow_at_col(t->s, nr, u->goal, true, FORM_MARKS);
	/* the end of a wrapped row is where the next one starts: stay before it */
	if (off == nr->end && off > nr->start && r + dir + 1 < l.n && l.rows[r + dir + 1].start == off)
		off = textedit_prev(t, off);
	textedit_move(t, snap(t, off));
	textshow_layout_free(&l);
	return true;
}

/* Home and End: the start or end of the row (a line's start and end in
 * a field of one line). */
static void
home_end(struct formui *u, bool end)
{
	struct edit_form *f = form_of(u);
	struct textedit *t = &u->fld[cur_field(u)].t;
	struct textshow_layout l = { 0 };
	int r;

	if (!form_is_long(f, cur_field(u))) {
		textedit_move(t, end ? t->len : 0);
		return;
	}
	field_rows(u, &l);
	r = textshow_row_of(&l, t->cur);
	if (!end)
		textedit_move(t, snap(t, l.rows[r].start));
	else if (r + 1 < l.n && l.rows[r + 1].start == l.rows[r].end && l.rows[r].end > l.rows[r].start &&
		 t->s[l.rows[r].end - 1] == ' ')
		textedit_move(t, l.rows[r].end - 1);	/* wrapped at a space: before it */
	else
		textedit_move(t, snap(t, l.rows[r].end));
	textshow_layout_free(&l);
}

/* --- pick lists -------------------------------------------------------------- */

/* The list of the current field, after its text changed: suggestions for
 * what was typed. A list the person did not ask for (F4) only shows
 * while something matches that is not already the value. */
static void
suggest(struct formui *u, bool asked)
{
	struct edit_form *f = form_of(u);
	struct picker *p = &u->pick;
	int j = cur_field(u);
	enum ref_kind kind;
	const struct ref_item *only;

	if (edit_form_pick(f, j, &kind) == PICK_NONE || edit_form_is_choice(f, j))
		return;
	if (!asked && !*f->val[j]) {
		picker_close(p);
		return;
	}
	if (p->open)
		picker_refilter(p, f, f->val[j]);
	else if (picker_open(p, f, j, NULL) < 0)
		return;
	else
		u->asked = asked;
	only = p->n == 1 ? picker_item(p, 0) : NULL;
	if (!asked && (p->n == 0 || (only && strcmp(only->value, f->val[j]) == 0)))
		picker_close(p);
}

/* The person picked an entry: the field takes it; the list closes. */
static void
take(struct formui *u, const struct ref_item *it)
{
	struct edit_form *f = form_of(u);
	int j = cur_field(u);

	edit_form_take(f, j, it);
	picker_close(&u->pick);
	edit_form_touch(f, j);
	sync_in(u);
}

/* A key while a pick list is open. True when the list used it; false
 * when the field (or the form) gets it too. */
static bool
picker_key(struct formui *u, int key, enum form_key fk)
{
	struct picker *p = &u->pick;
	const struct ref_item *it;

	if (!p->open)
		return false;
	switch (key) {
	case KC_UP: picker_move(p, -1); return true;
	case KC_DOWN: picker_move(p, 1); return true;
	case KC_PGUP: picker_move(p, -PICK_ROWS); return true;
	case KC_PGDN: picker_move(p, PICK_ROWS); return true;
	case KC_ESC: picker_close(p); return true;
	case KC_ENTER:
	case '\r':
		if ((it = picker_selected(p))) {
			take(u, it);
			return true;
		}
		picker_close(p);
		return false;	/* nothing chosen: Enter does what it does */
	default:
		break;
	}
	if (fk == FK_PICK) {
		picker_close(p);
		return true;
	}
	if (fk == FK_SAVE || fk == FK_NEXT || fk == FK_PREV || fk == FK_CANCEL) {
		picker_close(p);
		return false;
	}
	if (!p->own_filter)
		return false;	/* the field's text is the filter */
	switch (fk) {
	case FK_BACKSPACE: textedit_backspace(&p->filter); break;
	case FK_DELCHAR: textedit_delete(&p->filter); break;
	case FK_LEFT: textedit_left(&p->filter); return true;
	case FK_RIGHT: textedit_right(&p->filter); return true;
	case FK_CLEAR: textedit_set(&p->filter, ""); break;
	default:
		if (key < ' ' || key >= KC_SPECIAL || key == 127)
			return true;
		textedit_insert_cp(&p->filter, (unsigned long)key);
		break;
	}
	picker_refilter(p, form_of(u), NULL);
	return true;
}

/* --- saving and the conflict ------------------------------------------------ */

static void
close_form(struct formui *u)
{
	picker_close(&u->pick);
	u->closed = true;
}

/* The cursor to field j (after a save that was refused). */
static void
focus(struct formui *u, int j)
{
	struct edit_form *f = form_of(u);

	for (int k = 0; k < f->e->nfields; k++)
		if (f->order[k] == j)
			enter(u, k);
}

/* Ctrl-S / F2. */
static void
save(struct formui *u)
{
	struct edit_form *f = form_of(u);

	leave(u);
	switch (edit_save(u->app, f)) {
	case EDIT_SAVED:
	case EDIT_UNCHANGED:
		close_form(u);
		return;
	case EDIT_CONFLICT:
		u->mode = M_CONFLICT;
		return;
	case EDIT_INVALID:
		sync_in(u);
		focus(u, f->focus);
		return;
	case EDIT_GONE:
	case EDIT_FAILED:
		sync_in(u);
		enter(u, u->cur);
		return;
	}
}

/* s, m, h or Esc while the conflict shows. */
static void
conflict_key(struct formui *u, int key)
{
	struct edit_form *f = form_of(u);
	enum edit_result r;

	switch (key) {
	case 'm':
	case 'M':
	case 's':
	case 'S':
		r = key == 'm' || key == 'M' ? edit_save_mine(u->app, f) : edit_save_merged(u->app, f);
		if (r == EDIT_SAVED || r == EDIT_UNCHANGED)
			close_form(u);
		else if (r != EDIT_CONFLICT)	/* changed yet again: still the conflict */
			u->mode = M_EDIT;
		break;
	case 'h':
	case 'H':
		edit_keep_theirs(u->app, f);
		close_form(u);
		break;
	case KC_ESC:
		edit_back_to_form(f);
		snprintf(f->msg, sizeof(f->msg), "%s",
			 _("je hebt hun versie gezien: Ctrl-S zet jouw versie eroverheen"));
		u->mode = M_EDIT;
		break;
	default:
		break;
	}
	if (!u->closed)
		sync_in(u);
}

/* --- editing ------------------------------------------------------------------ */

/* The current field's text changed: the form's value follows, and the
 * pick list shows what the new text matches. */
static void
changed(struct formui *u)
{
	int j = cur_field(u);

	edit_form_set(form_of(u), j, u->fld[j].t.s);
	u->typed = true;
	suggest(u, u->pick.open && u->asked);
}

/* A key in M_EDIT. */
static void
edit_key(struct formui *u, int key)
{
	struct edit_form *f = form_of(u);
	int j = cur_field(u);
	struct textedit *t = &u->fld[j].t;
	bool longf = form_is_long(f, j), choice = edit_form_is_choice(f, j);
	bool printable = key >= ' ' && key < KC_SPECIAL && key != 127;
	enum form_key fk = keys_form_key(key);
	enum ref_kind kind;

	if (fk != FK_NEXT && fk != FK_PREV)
		u->goal = -1;
	if (picker_key(u, key, fk))
		return;
	if (choice && (key == ' ' || (printable && fk == FK_NONE))) {
		if (key != ' ' && edit_form_pick(f, j, &kind) != PICK_NONE) {
			/* a domain: typing searches the list */
			if (picker_open(&u->pick, f, j, "") == 0) {
				textedit_insert_cp(&u->pick.filter, (unsigned long)key);
				picker_refilter(&u->pick, f, NULL);
			}
			return;
		}
		edit_form_choose(f, j, key == ' ' ? 1 : 0, key);
		return;
	}
	switch (fk) {
	case FK_SAVE:
		save(u);
		return;
	case FK_CANCEL:
		picker_close(&u->pick);
		if (edit_form_changed(f))
			u->mode = M_DISCARD;
		else
			close_form(u);
		return;
	case FK_NEXT:
		if (key == KC_DOWN && longf && move_row(u, 1))
			return;
		next_field(u, 1);
		return;
	case FK_PREV:
		if (key == KC_UP && longf && move_row(u, -1))
			return;
		next_field(u, -1);
		return;
	case FK_NEWLINE:
		if (!longf) {
			next_field(u, 1);
			return;
		}
		textedit_insert(t, "\n", 1);
		changed(u);
		return;
	case FK_LEFT:
	case FK_RIGHT:
		if (choice)
			edit_form_choose(f, j, fk == FK_LEFT ? -1 : 1, 0);
		else if (fk == FK_LEFT)
			textedit_left(t);
		else
			textedit_right(t);
		return;
	case FK_HOME:
	case FK_END:
		if (!choice)
			home_end(u, fk == FK_END);
		return;
	case FK_BACKSPACE:
	case FK_DELCHAR:
		if (!choice && (fk == FK_BACKSPACE ? textedit_backspace(t) : textedit_delete(t)))
			changed(u);
		return;
	case FK_CLEAR:
		if (!choice) {
			textedit_set(t, "");
			changed(u);
		} else if (!f->e->fields[j].required) {
			edit_form_set(f, j, "");
		}
		return;
	case FK_PAGE_UP:
	case FK_PAGE_DOWN:
		turn_page(u, fk == FK_PAGE_UP ? -1 : 1);
		return;
	case FK_PICK:
		if (edit_form_pick(f, j, &kind) != PICK_NONE)
			u->asked = picker_open(&u->pick, f, j, choice ? "" : NULL) == 0;
		return;
	case FK_EDITOR:
		if (longf)
			u->want_editor = true;
		return;
	case FK_NONE:
	case FK_COUNT:
		break;
	}
	if (!choice && printable) {
		textedit_insert_cp(t, (unsigned long)key);
		changed(u);
	}
}

bool
formui_key(struct formui *u, int key)
{
	struct form_layout L;

	if (u->closed)
		return false;
	if (key == KC_RESIZE || key == KC_TIMEOUT || key == KC_MOUSE || key == KC_NONE)
		return true;
	form_layout(u, &L);
	if (L.small)
		return true;	/* nothing to see: nothing to type into */
	sync_in(u);
	switch (u->mode) {
	case M_CONFLICT:
		conflict_key(u, key);
		break;
	case M_DISCARD:
		if (key == 'j' || key == 'J' || key == 'y' || key == 'Y') {
			app_message(u->app, false, "%s", _("niet opgeslagen: de wijzigingen zijn weggegooid"));
			close_form(u);
		} else {
			u->mode = M_EDIT;
		}
		break;
	case M_EDIT:
		edit_key(u, key);
		break;
	}
	if (!u->closed && u->mode == M_EDIT)
		edit_form_recheck(form_of(u), u->typed ? cur_field(u) : -1);
	u->typed = false;
	return !u->closed;
}

/* --- opening, drawing, closing --------------------------------------------------- */

struct formui *
formui_new(struct app *app)
{
	struct formui *u = xcalloc(1, sizeof(*u));
	struct edit_form *f = app->form;

	u->app = app;
	u->w = 80;
	u->h = 24;
	sync_in(u);
	enter(u, 0);
	for (int k = 0; k < f->e->nfields; k++)
		if (f->order[k] == f->focus)
			enter(u, k);
	return u;
}

void
formui_free(struct formui *u)
{
	if (!u)
		return;
	for (int j = 0; j < ENTITY_MAX_FIELDS; j++)
		textedit_free(&u->fld[j].t);
	picker_close(&u->pick);
	free(u->entered);
	free(u);
}

void
formui_render(struct formui *u, struct grid *g, int *cx, int *cy)
{
	u->w = g->w;
	u->h = g->h;
	*cx = *cy = -1;
	if (u->closed)
		return;
	sync_in(u);
	form_draw(u, g, cx, cy);
}

int
formui_current(const struct formui *u)
{
	return u->closed ? -1 : cur_field(u);
}

bool
formui_picking(const struct formui *u)
{
	return u->pick.open;
}

bool
formui_wants_editor(const struct formui *u)
{
	return u->want_editor;
}

const char *
formui_editor_text(const struct formui *u)
{
	return form_of(u)->val[cur_field(u)];
}

void
formui_edited(struct formui *u, const char *text, const char *msg)
{
	struct edit_form *f = form_of(u);
	int j = cur_field(u);

	u->want_editor = false;
	if (msg)
		snprintf(f->msg, sizeof(f->msg), "%s", msg);
	if (text && strcmp(text, f->val[j]) != 0) {
		edit_form_set(f, j, text);
		edit_form_touch(f, j);
		sync_in(u);
		textedit_move(&u->fld[j].t, 0);
	}
	edit_form_recheck(f, -1);
}

int
formui_run(struct screen *scr, struct app *app, int poll_ms, int *sig)
{
	struct formui *u = formui_new(app);
	struct grid bg = { 0 }, g = { 0 };
	bool fresh = true;
	int rc = 0;

	screen_raw(scr, true);	/* Ctrl-S and Ctrl-C reach the form, not the tty */
	for (;;) {
		int w, h, cx, cy, key, x, y, wheel;

		screen_size(scr, &w, &h);
		if (fresh || w != bg.w || h != bg.h) {
			if (grid_resize(&bg, w, h) < 0 || grid_resize(&g, w, h) < 0)
				break;	/* out of memory: the form closes unsaved */
			app_frame(app, &bg);	/* the dashboard behind the form */
			fresh = false;
		}
		memcpy(g.cells, bg.cells, (size_t)w * (size_t)h * sizeof(*g.cells));
		formui_render(u, &g, &cx, &cy);
		screen_cursor(scr, cx, cy);
		screen_paint(scr, &g);
		do
			key = screen_key(scr, poll_ms, &x, &y, &wheel, sig);
		while (key == KC_TIMEOUT);
		if (key < 0) {
			rc = -1;
			break;
		}
		if (!formui_key(u, key))
			break;
		if (formui_wants_editor(u)) {
			char msg[300] = "", *text = NULL;

			editor_run(scr, formui_editor_text(u), &text, msg, sizeof(msg));
			formui_edited(u, text, *msg ? msg : NULL);
			free(text);
			fresh = true;
		}
	}
	screen_cursor(scr, -1, -1);
	screen_raw(scr, false);
	grid_free(&bg);
	grid_free(&g);
	formui_free(u);
	return rc;
}
