/*
 * Edit forms with the ncurses form library (formw). One form per entity,
 * generated from its entity table through struct edit_form: a label and
 * an input field per entity field, the title first. Text fields scroll
 * sideways, the long text wraps over several rows (O_WRAP), choice
 * fields (status, soort, domein) cycle through their values. Fields go
 * on pages when the window is short. Everything that decides something
 * is in edit.c; this file is layout, key mapping and reading buffers.
 */

#include <curses.h>
#include <form.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/app.h"
#include "tui/edit.h"
#include "tui/formui.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "core/text.h"

#define BOX_MAX_W 100		/* the form box never gets wider than this */
#define LONG_MIN_ROWS 3		/* the long text field: at least ... */
#define LONG_MAX_ROWS 10	/* ... and at most this many rows */
#define ERR_MAX_LINES 3		/* lines of a message beside (under) a field */
#define FOOTER_ROWS 3		/* form message, hint, keys */
#define STAND_IN 0xFFFD		/* shown for a character the form library cannot edit */

enum mode {
	M_EDIT,		/* typing in the form */
	M_DISCARD,	/* "Wijzigingen weggooien? j/n" */
	M_CONFLICT,	/* both versions shown, m/h/Esc */
	M_SMALL,	/* the window is too small for the form */
};

/* One entity field on screen. */
struct slot {
	int j;			/* index into e->fields */
	FIELD *fld;
	int page, y, rows;	/* where in the sub window */
	int errlines;		/* message lines under it */
	char *snapshot;		/* buffer as loaded: unchanged text keeps its value */
	wchar_t *wide;		/* the double-width characters (emoji) the field
				   shows as STAND_IN, in order */
	size_t nwide;
};

struct formui {
	struct screen *scr;
	struct app *app;
	formui_repaint repaint;
	void *ctx;
	WINDOW *win, *sub;	/* the box, and its part that holds the fields */
	FORM *form;
	FIELD *fields[ENTITY_MAX_FIELDS + 1];
	struct slot slot[ENTITY_MAX_FIELDS];
	int nslots, npages;
	int bw, bh;		/* box size */
	int labelw, fieldx, fieldw, subh;
	enum mode mode;
	bool closed;
	FIELD *hilit;		/* field drawn as the current one */
};

/* --- drawing helpers ----------------------------------------------------------- */

static void
use_role(struct formui *u, WINDOW *w, enum role role)
{
	unsigned long a;
	short pair;

	screen_role_attr(u->scr, role, &a, &pair);
	wattr_set(w, (attr_t)a, pair, NULL);
}

/* A box of the same line characters the dashboard draws (Unicode, not
 * the terminal's alternate character set). */
static void
draw_box(struct formui *u, WINDOW *w)
{
	static const wchar_t glyphs[] = L"│─┌┐└┘";
	cchar_t c[6];

	for (int i = 0; i < 6; i++) {
		wchar_t s[2] = { glyphs[i], 0 };
		unsigned long a;
		short pair;

		screen_role_attr(u->scr, ROLE_BORDER, &a, &pair);
		setcchar(&c[i], s, (attr_t)a, pair, NULL);
	}
	wborder_set(w, &c[0], &c[0], &c[1], &c[1], &c[2], &c[3], &c[4], &c[5]);
}

static chtype
role_chtype(struct formui *u, enum role role)
{
	unsigned long a;
	short pair;

	screen_role_attr(u->scr, role, &a, &pair);
	return (chtype)a | (chtype)COLOR_PAIR(pair);
}

/* Writes text (sanitized, cut with "…") at (y, x) in at most w columns. */
static void
put(struct formui *u, WINDOW *win, int y, int x, int w, enum role role, const char *s)
{
	char buf[1024];

	if (w <= 0)
		return;
	text_fit(buf, sizeof(buf), s, w);
	use_role(u, win, role);
	mvwaddstr(win, y, x, buf);
	use_role(u, win, ROLE_NORMAL);
}

/* Splits s into lines of at most w columns at spaces; returns the count
 * (at most max; the last one ends in "…" when cut). */
static int
wrap_lines(const char *s, int w, char out[][FIELD_ERR_MAX], int max)
{
	char clean[FIELD_ERR_MAX];
	const char *p = clean;
	int n = 0;

	text_sanitize(clean, sizeof(clean), s, false);
	while (*p && n < max) {
		size_t len = strlen(p), cut = len;

		if (text_width(p) > w && n < max - 1) {
			/* the longest prefix up to a space that fits */
			for (cut = len; cut > 0; cut--) {
				char tmp[FIELD_ERR_MAX];

				if (p[cut] != ' ' && p[cut] != '\0')
					continue;
				snprintf(tmp, sizeof(tmp), "%.*s", (int)cut, p);
				if (text_width(tmp) <= w)
					break;
			}
			if (cut == 0)
				cut = len;
		}
		snprintf(out[n], FIELD_ERR_MAX, "%.*s", (int)cut, p);
		n++;
		p += cut;
		while (*p == ' ')
			p++;
	}
	return n;
}

/* Shows the dashboard again where the form was (before a smaller box). */
static void
background(struct formui *u)
{
	touchwin(stdscr);
	if (u->repaint) {
		u->repaint(u->ctx);
	} else {
		wnoutrefresh(stdscr);
		doupdate();
	}
}

/* --- layout ------------------------------------------------------------------- */

static struct slot *
slot_of(struct formui *u, FIELD *fld)
{
	for (int i = 0; i < u->nslots; i++)
		if (u->slot[i].fld == fld)
			return &u->slot[i];
	return NULL;
}

static struct slot *
current(struct formui *u)
{
	return u->form ? slot_of(u, current_field(u->form)) : NULL;
}

static bool
is_long(const struct edit_form *f, int j)
{
	return f->e->fields[j].type == FT_LONGTEXT;
}

/* What a choice field shows. */
static void
choice_text(const struct edit_form *f, int j, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, "◂ %s ▸", *f->val[j] ? f->val[j] : "(geen)");
}

/*
 * The form library counts every character as one column, so a double-
 * width character (🌍) shifts the cursor and can cut a buffer short.
 * Fields therefore show each one as STAND_IN (one column) and get the
 * originals back, in order, when they are read.
 */
static char *
stand_in(const char *s, wchar_t **wide, size_t *nwide)
{
	size_t n = mbstowcs(NULL, s, 0), k = 0;
	wchar_t *w;
	char *out;

	*wide = NULL;
	*nwide = 0;
	if (n == (size_t)-1)
		return strdup(s);
	w = calloc(n + 1, sizeof(*w));
	*wide = calloc(n + 1, sizeof(**wide));
	out = malloc(n * MB_CUR_MAX + 1);
	if (!w || !*wide || !out) {
		free(w);
		free(out);
		return NULL;
	}
	mbstowcs(w, s, n + 1);
	for (size_t i = 0; i < n; i++)
		if (w[i] == STAND_IN || wcwidth(w[i]) > 1) {
			(*wide)[k++] = w[i];
			w[i] = STAND_IN;
		}
	*nwide = k;
	wcstombs(out, w, n * MB_CUR_MAX + 1);
	free(w);
	return out;
}

/* The text of a field with the stand-ins replaced by the originals. */
static char *
restore_wide(const char *s, const wchar_t *wide, size_t nwide)
{
	size_t n = mbstowcs(NULL, s, 0), k = 0;
	wchar_t *w;
	char *out;

	if (nwide == 0 || n == (size_t)-1)
		return strdup(s);
	w = calloc(n + 1, sizeof(*w));
	out = malloc(n * MB_CUR_MAX + 1);
	if (!w || !out) {
		free(w);
		free(out);
		return NULL;
	}
	mbstowcs(w, s, n + 1);
	for (size_t i = 0; i < n && k < nwide; i++)
		if (w[i] == STAND_IN)
			w[i] = wide[k++];
	wcstombs(out, w, n * MB_CUR_MAX + 1);
	free(w);
	return out;
}

/* Puts value j into its field; remembers the buffer to see later whether
 * the user changed it. */
static void
load_slot(struct formui *u, struct slot *s)
{
	struct edit_form *f = u->app->form;
	const char *v = f->val[s->j];
	size_t cap = strlen(v) * 2 + 1;
	char *clean = malloc(cap), *text, *narrow;

	free(s->snapshot);
	s->snapshot = NULL;
	if (!clean)
		return;
	if (edit_form_is_choice(f, s->j)) {
		char buf[300];

		choice_text(f, s->j, buf, sizeof(buf));
		set_field_buffer(s->fld, 0, buf);
		free(clean);
		return;
	}
	text_sanitize(clean, cap, v, is_long(f, s->j));
	free(s->wide);
	narrow = stand_in(clean, &s->wide, &s->nwide);
	free(clean);
	if (!narrow)
		return;
	text = is_long(f, s->j) ? edit_wrap(narrow, u->fieldw) : narrow;
	if (text) {
		set_field_buffer(s->fld, 0, text);
		s->snapshot = strdup(field_buffer(s->fld, 0));
	}
	if (text != narrow)
		free(text);
	free(narrow);
}

/* Reads what the user typed back into the form's values. */
static void
sync_values(struct formui *u)
{
	struct edit_form *f = u->app->form;

	if (!u->form)
		return;
	form_driver_w(u->form, KEY_CODE_YES, REQ_VALIDATION);
	for (int i = 0; i < u->nslots; i++) {
		struct slot *s = &u->slot[i];
		const char *b = field_buffer(s->fld, 0);
		char *v;
		int rows, cols, max;

		if (edit_form_is_choice(f, s->j) || !b || (s->snapshot && strcmp(b, s->snapshot) == 0))
			continue;
		if (is_long(f, s->j)) {
			if (dynamic_field_info(s->fld, &rows, &cols, &max) != E_OK)
				cols = u->fieldw;
			v = edit_unwrap(b, cols);
		} else {
			size_t n = strlen(b);

			v = strdup(b);
			while (v && n > 0 && v[n - 1] == ' ')
				v[--n] = '\0';
		}
		if (v && s->nwide) {
			char *full = restore_wide(v, s->wide, s->nwide);

			free(v);
			v = full;
		}
		if (v && edit_form_set(f, s->j, v) == 0) {
			free(s->snapshot);
			s->snapshot = strdup(b);
		}
		free(v);
	}
}

static void
teardown(struct formui *u)
{
	if (u->form) {
		unpost_form(u->form);
		free_form(u->form);
		u->form = NULL;
	}
	for (int i = 0; i < u->nslots; i++) {
		free_field(u->slot[i].fld);
		free(u->slot[i].snapshot);
		free(u->slot[i].wide);
	}
	memset(u->slot, 0, sizeof(u->slot));
	u->nslots = 0;
	u->hilit = NULL;
	if (u->sub)
		delwin(u->sub);
	if (u->win)
		delwin(u->win);
	u->sub = u->win = NULL;
}

/* Lines the message of field j takes. */
static int
err_lines(struct formui *u, int j)
{
	char lines[ERR_MAX_LINES][FIELD_ERR_MAX];
	const char *e = u->app->form->err[j];

	return *e ? wrap_lines(e, u->fieldw, lines, ERR_MAX_LINES) : 0;
}

/* Lays the form out for the current terminal size and posts it, with the
 * cursor in field f->focus. False when the window is too small. */
static bool
build(struct formui *u)
{
	struct edit_form *f = u->app->form;
	const struct entity *e = f->e;
	int W, H, page = 0, y = 0, others = 0, longrows;
	bool has_long = false;

	getmaxyx(stdscr, H, W);
	if (W < APP_MIN_W || H < APP_MIN_H) {
		u->mode = M_SMALL;
		return false;
	}
	u->bw = W - 2 < BOX_MAX_W ? W - 2 : BOX_MAX_W;
	u->labelw = 0;
	for (int j = 0; j < e->nfields; j++) {
		int w = text_width(e->fields[j].label) + (e->fields[j].required ? 2 : 0);

		if (w > u->labelw)
			u->labelw = w;
	}
	u->labelw += 1;
	u->fieldx = u->labelw + 1;
	u->fieldw = u->bw - 4 - u->fieldx;
	for (int j = 0; j < e->nfields; j++) {
		others += (is_long(f, j) ? 0 : 1) + err_lines(u, j);
		has_long |= is_long(f, j);
	}
	/* as high as the fields need (the long text at its most), at most
	 * the body of the dashboard */
	u->bh = others + (has_long ? LONG_MAX_ROWS : 0) + 4 + FOOTER_ROWS;
	if (u->bh > H - 2)
		u->bh = H - 2;
	u->subh = u->bh - 4 - FOOTER_ROWS;
	u->win = newwin(u->bh, u->bw, 1 + (H - 2 - u->bh) / 2, (W - u->bw) / 2);
	u->sub = u->win ? derwin(u->win, u->subh, u->bw - 4, 2, 2) : NULL;
	if (!u->win || !u->sub)
		return false;
	longrows = u->subh - others;
	if (longrows > LONG_MAX_ROWS)
		longrows = LONG_MAX_ROWS;
	if (longrows < LONG_MIN_ROWS)
		longrows = LONG_MIN_ROWS;

	for (int k = 0; k < e->nfields; k++) {
		struct slot *s = &u->slot[u->nslots];
		int j = f->order[k], need;

		s->j = j;
		s->errlines = err_lines(u, j);
		s->rows = is_long(f, j) ? longrows : 1;
		if (s->rows + s->errlines > u->subh)
			s->rows = u->subh - s->errlines > 1 ? u->subh - s->errlines : 1;
		need = s->rows + s->errlines;
		if (y > 0 && y + need > u->subh) {
			page++;
			y = 0;
		}
		s->page = page;
		s->y = y;
		s->fld = new_field(s->rows, u->fieldw, y, u->fieldx, 0, 0);
		if (!s->fld)
			return false;
		u->nslots++;
		if (page > 0 && y == 0)
			set_new_page(s->fld, TRUE);
		field_opts_off(s->fld, O_AUTOSKIP | O_BLANK);
		if (edit_form_is_choice(f, j)) {
			field_opts_off(s->fld, O_EDIT);
		} else {
			field_opts_off(s->fld, O_STATIC);	/* grows: text scrolls */
			set_max_field(s->fld, 0);
			if (is_long(f, j))
				field_opts_on(s->fld, O_WRAP);
		}
		set_field_back(s->fld, A_UNDERLINE);
		set_field_fore(s->fld, A_UNDERLINE);
		load_slot(u, s);
		u->fields[u->nslots - 1] = s->fld;
		y += need;
	}
	u->fields[u->nslots] = NULL;
	u->npages = page + 1;
	if (!(u->form = new_form(u->fields)))
		return false;
	set_form_win(u->form, u->win);
	set_form_sub(u->form, u->sub);
	wbkgdset(u->win, ' ' | role_chtype(u, ROLE_NORMAL));
	werase(u->win);
	if (post_form(u->form) != E_OK)
		return false;
	form_driver_w(u->form, KEY_CODE_YES, REQ_INS_MODE);
	for (int i = 0; i < u->nslots; i++)
		if (u->slot[i].j == f->focus) {
			set_current_field(u->form, u->slot[i].fld);
			if (!is_long(f, f->focus))
				form_driver_w(u->form, KEY_CODE_YES, REQ_END_LINE);
		}
	u->mode = M_EDIT;
	return true;
}

/* --- drawing ------------------------------------------------------------------- */

static void
draw_footer(struct formui *u)
{
	struct edit_form *f = u->app->form;
	struct slot *s = current(u);
	int y = u->bh - 1 - FOOTER_ROWS, w = u->bw - 4;
	char keys[300];

	for (int i = 0; i < FOOTER_ROWS; i++) {
		wmove(u->win, y + i, 2);
		for (int x = 0; x < w; x++)
			waddch(u->win, ' ');
	}
	if (u->mode == M_DISCARD)
		put(u, u->win, y, 2, w, ROLE_TAB_ON, "Wijzigingen weggooien? j = ja, n = nee (terug naar het formulier)");
	else if (*f->msg)
		put(u, u->win, y, 2, w, ROLE_ERROR, f->msg);
	if (s && s->nwide)
		put(u, u->win, y + 1, 2, w, ROLE_DIM, "brede tekens (zoals 🌍) staan hier als �; ze blijven bewaard");
	else if (s)
		put(u, u->win, y + 1, 2, w, ROLE_DIM, edit_form_hint(f, s->j));
	snprintf(keys, sizeof(keys), "Ctrl-S/F2 opslaan · Esc annuleren · Tab/↑/↓ veld · ←/→ kiezen%s",
		 u->npages > 1 ? " · PgUp/PgDn pagina" : "");
	put(u, u->win, y + 2, 2, w, ROLE_KEY, keys);
	if (u->npages > 1 && u->form) {
		char pg[32];

		snprintf(pg, sizeof(pg), " pagina %d/%d ", form_page(u->form) + 1, u->npages);
		put(u, u->win, u->bh - 1, u->bw - 2 - text_width(pg), text_width(pg), ROLE_NORMAL, pg);
	}
}

/* Labels, messages beside the fields, the heading, the footer; then the
 * cursor back into the current field. */
static void
draw(struct formui *u)
{
	struct edit_form *f = u->app->form;
	struct slot *cur = current(u);
	int page = form_page(u->form);
	char head[300];

	draw_box(u, u->win);
	snprintf(head, sizeof(head), " %s ", f->heading);
	put(u, u->win, 0, 2, u->bw - 21, ROLE_TITLE_SEL, head);
	put(u, u->win, 0, u->bw - 17, 15, ROLE_BORDER, " * = verplicht ");
	/* the current field stands out */
	if (cur && cur->fld != u->hilit) {
		if (u->hilit) {
			set_field_back(u->hilit, A_UNDERLINE);
			set_field_fore(u->hilit, A_UNDERLINE);
		}
		set_field_back(cur->fld, role_chtype(u, ROLE_TITLE_SEL));
		set_field_fore(cur->fld, role_chtype(u, ROLE_TITLE_SEL));
		u->hilit = cur->fld;
	}
	for (int i = 0; i < u->nslots; i++) {
		struct slot *s = &u->slot[i];
		const struct field *fd = &f->e->fields[s->j];
		char label[80], lines[ERR_MAX_LINES][FIELD_ERR_MAX];
		int n;

		if (s->page != page)
			continue;
		snprintf(label, sizeof(label), "%s%s", fd->label, fd->required ? " *" : "");
		wmove(u->sub, s->y, 0);
		for (int x = 0; x < u->labelw; x++)
			waddch(u->sub, ' ');
		put(u, u->sub, s->y, 0, u->labelw, s == cur ? ROLE_BOLD : ROLE_NORMAL, label);
		n = *f->err[s->j] ? wrap_lines(f->err[s->j], u->fieldw, lines, ERR_MAX_LINES) : 0;
		for (int l = 0; l < n; l++)
			put(u, u->sub, s->y + s->rows + l, u->fieldx, u->fieldw, ROLE_ERROR, lines[l]);
	}
	draw_footer(u);
	pos_form_cursor(u->form);
	wrefresh(u->win);
}

/* The conflict: both versions of every field that differs (● marks the
 * side that changed it since the form opened), and the choice. Drawn in
 * the box instead of the form. */
static void
draw_conflict(struct formui *u)
{
	static const struct {
		const char *key, *what;
	} choices[] = {
		{ "s", "samenvoegen: mijn gewijzigde velden (●) in hun versie opslaan" },
		{ "m", "mijn hele versie opslaan (over die van de ander heen)" },
		{ "h", "hun versie houden (mijn wijzigingen vervallen)" },
		{ "Esc", "terug naar het formulier (opslaan overschrijft daarna hun versie)" },
	};
	struct edit_form *f = u->app->form;
	char *mine[ENTITY_MAX_FIELDS] = { 0 }, line[600], lines[3][FIELD_ERR_MAX];
	int W, H, y = 1, lw = 14, cw, shown = 0, differ = 0, n, nchoices = 4;

	teardown(u);
	background(u);
	getmaxyx(stdscr, H, W);
	u->bw = W - 2 < BOX_MAX_W ? W - 2 : BOX_MAX_W;
	snprintf(line, sizeof(line), "Iemand anders heeft deze %s gewijzigd sinds je het formulier opende%s%s%s."
		 " Er is nog niets opgeslagen: kies welke versie blijft.",
		 f->e->singular, *f->theirs_when ? " (" : "", f->theirs_when, *f->theirs_when ? ")" : "");
	n = wrap_lines(line, u->bw - 4, lines, 3);
	edit_form_check(f, mine);	/* canonical, as stored: compare like with like */
	for (int j = 0; j < f->e->nfields; j++)
		differ += strcmp(mine[j] ? mine[j] : f->val[j], f->theirs[j] ? f->theirs[j] : "") != 0;
	/* header, table, legend, choices, and the border */
	u->bh = 1 + n + 2 + (differ ? differ : 1) + 2 + nchoices + 1;
	if (u->bh > H - 2)
		u->bh = H - 2;
	if (!(u->win = newwin(u->bh, u->bw, 1 + (H - 2 - u->bh) / 2, (W - u->bw) / 2))) {
		edit_free_values(mine, f->e->nfields);
		return;
	}
	cw = (u->bw - 4 - lw) / 2;
	wbkgdset(u->win, ' ' | role_chtype(u, ROLE_NORMAL));
	werase(u->win);
	draw_box(u, u->win);
	snprintf(line, sizeof(line), " Conflict — %s ", f->heading);
	put(u, u->win, 0, 2, u->bw - 4, ROLE_ERROR, line);
	for (int i = 0; i < n; i++)
		put(u, u->win, y++, 2, u->bw - 4, ROLE_BOLD, lines[i]);
	y++;
	differ = 0;
	put(u, u->win, y, 2, lw, ROLE_BOLD, "Veld");
	put(u, u->win, y, 2 + lw, cw - 1, ROLE_BOLD, "Jouw versie");
	put(u, u->win, y++, 2 + lw + cw, cw, ROLE_BOLD, "Hun versie (opgeslagen)");
	for (int k = 0; k < f->e->nfields; k++) {
		int j = f->order[k];
		const char *m = mine[j] ? mine[j] : f->val[j], *t = f->theirs[j] ? f->theirs[j] : "";
		const char *o = f->orig[j] ? f->orig[j] : "";
		char a[400], b[400];

		if (strcmp(m, t) == 0)
			continue;
		differ++;
		if (y >= u->bh - 2 - nchoices)
			continue;
		snprintf(a, sizeof(a), "%s%s", edit_form_field_changed(f, j) ? "● " : "  ", *m ? m : "(leeg)");
		snprintf(b, sizeof(b), "%s%s", strcmp(t, o) != 0 ? "● " : "  ", *t ? t : "(leeg)");
		put(u, u->win, y, 2, lw, ROLE_NORMAL, f->e->fields[j].label);
		put(u, u->win, y, 2 + lw, cw - 1, ROLE_LOPEND, a);
		put(u, u->win, y++, 2 + lw + cw, cw, ROLE_GESTOPT, b);
		shown++;
	}
	if (differ == 0)
		put(u, u->win, y++, 2, u->bw - 4, ROLE_DIM, "(geen verschil: jullie hebben hetzelfde ingevuld)");
	if (shown < differ) {
		snprintf(line, sizeof(line), "… en nog %d velden", differ - shown);
		put(u, u->win, y++, 2, u->bw - 4, ROLE_DIM, line);
	}
	put(u, u->win, y, 2, u->bw - 4, ROLE_DIM, "● = gewijzigd sinds het formulier openging");
	edit_free_values(mine, f->e->nfields);
	y = u->bh - 1 - nchoices;
	for (int i = 0; i < nchoices; i++, y++) {
		put(u, u->win, y, 2, 4, ROLE_KEY, choices[i].key);
		put(u, u->win, y, 7, u->bw - 9, ROLE_NORMAL, choices[i].what);
	}
	curs_set(0);
	wrefresh(u->win);
}

/* Rebuilds the form (after a resize, or to show messages). */
static void
rebuild(struct formui *u)
{
	sync_values(u);
	teardown(u);
	if (u->mode == M_CONFLICT) {
		draw_conflict(u);
		return;
	}
	background(u);
	if (build(u)) {
		curs_set(1);
		draw(u);
	} else {
		teardown(u);
		u->mode = M_SMALL;
	}
}

/* --- keys ------------------------------------------------------------------------ */

static void
close_form(struct formui *u)
{
	u->closed = true;
}

/* Ctrl-S / F2. */
static void
save(struct formui *u)
{
	struct edit_form *f = u->app->form;

	sync_values(u);
	switch (edit_save(u->app, f)) {
	case EDIT_SAVED:
	case EDIT_UNCHANGED:
		close_form(u);
		return;
	case EDIT_CONFLICT:
		u->mode = M_CONFLICT;
		draw_conflict(u);
		return;
	case EDIT_INVALID:
	case EDIT_GONE:
	case EDIT_FAILED:
		rebuild(u);
		return;
	}
}

static void
conflict_key(struct formui *u, int key)
{
	struct edit_form *f = u->app->form;

	enum edit_result r;

	switch (key) {
	case 'm':
	case 'M':
	case 's':
	case 'S':
		r = key == 'm' || key == 'M' ? edit_save_mine(u->app, f) : edit_save_merged(u->app, f);
		switch (r) {
		case EDIT_SAVED:
		case EDIT_UNCHANGED:
			close_form(u);
			return;
		case EDIT_CONFLICT:
			draw_conflict(u);	/* changed yet again */
			return;
		default:
			u->mode = M_EDIT;
			rebuild(u);
			return;
		}
	case 'h':
	case 'H':
		edit_keep_theirs(u->app, f);
		close_form(u);
		return;
	case KC_ESC:
		edit_back_to_form(f);
		snprintf(f->msg, sizeof(f->msg), "je hebt hun versie gezien: Ctrl-S zet jouw versie eroverheen");
		u->mode = M_EDIT;
		rebuild(u);
		return;
	default:
		return;
	}
}

/* Shows page p (the form library draws its fields; draw() its labels). */
static void
turn_page(struct formui *u, int p)
{
	werase(u->sub);
	set_form_page(u->form, (p + u->npages) % u->npages);
}

/* Moves to the next (dir 1) or previous (-1) field, across pages (the
 * form library's own requests stay on one page); text fields put the
 * cursor at the end. */
static void
next_field(struct formui *u, int dir)
{
	struct slot *s = current(u);
	int i = s ? (int)(s - u->slot) : 0, k = i + dir;

	if (u->npages > 1 && (k < 0 || k >= u->nslots || u->slot[k].page != u->slot[i].page)) {
		turn_page(u, u->slot[i].page + dir);
		if (dir < 0)
			form_driver_w(u->form, KEY_CODE_YES, REQ_LAST_FIELD);
	} else {
		form_driver_w(u->form, KEY_CODE_YES, dir > 0 ? REQ_NEXT_FIELD : REQ_PREV_FIELD);
	}
	if ((s = current(u)) && !is_long(u->app->form, s->j) && !edit_form_is_choice(u->app->form, s->j))
		form_driver_w(u->form, KEY_CODE_YES, REQ_END_LINE);
}

static void
choose(struct formui *u, struct slot *s, int dir, int wc)
{
	edit_form_choose(u->app->form, s->j, dir, wc);
	load_slot(u, s);
}

static void
edit_key(struct formui *u, int key)
{
	struct edit_form *f = u->app->form;
	struct slot *s = current(u);
	bool longf = s && is_long(f, s->j), choice = s && edit_form_is_choice(f, s->j);
	enum form_key fk = keys_form_key(key);

	if (!s)
		return;
	if (choice && (key == ' ' || (key > ' ' && key < KC_SPECIAL && fk == FK_NONE))) {
		choose(u, s, key == ' ' ? 1 : 0, key);
		return;
	}
	switch (fk) {
	case FK_SAVE:
		save(u);
		return;
	case FK_CANCEL:
		sync_values(u);
		if (edit_form_changed(f))
			u->mode = M_DISCARD;
		else
			close_form(u);
		return;
	case FK_NEXT:
		if (key == KC_DOWN && longf &&
		    form_driver_w(u->form, KEY_CODE_YES, REQ_DOWN_CHAR) == E_OK)
			return;
		next_field(u, 1);
		return;
	case FK_PREV:
		if (key == KC_UP && longf && form_driver_w(u->form, KEY_CODE_YES, REQ_UP_CHAR) == E_OK)
			return;
		next_field(u, -1);
		return;
	case FK_NEWLINE:
		if (longf)
			form_driver_w(u->form, KEY_CODE_YES, REQ_NEW_LINE);
		else
			next_field(u, 1);
		return;
	case FK_LEFT:
	case FK_RIGHT:
		if (choice)
			choose(u, s, fk == FK_LEFT ? -1 : 1, 0);
		else
			form_driver_w(u->form, KEY_CODE_YES, fk == FK_LEFT ? REQ_PREV_CHAR : REQ_NEXT_CHAR);
		return;
	case FK_HOME:
		form_driver_w(u->form, KEY_CODE_YES, REQ_BEG_LINE);
		return;
	case FK_END:
		form_driver_w(u->form, KEY_CODE_YES, REQ_END_LINE);
		return;
	case FK_BACKSPACE:
		if (!choice)
			form_driver_w(u->form, KEY_CODE_YES, REQ_DEL_PREV);
		return;
	case FK_DELCHAR:
		if (!choice)
			form_driver_w(u->form, KEY_CODE_YES, REQ_DEL_CHAR);
		return;
	case FK_CLEAR:
		if (!choice) {
			form_driver_w(u->form, KEY_CODE_YES, REQ_CLR_FIELD);
		} else if (!f->e->fields[s->j].required) {
			edit_form_set(f, s->j, "");
			load_slot(u, s);
		}
		return;
	case FK_PAGE_UP:
	case FK_PAGE_DOWN:
		if (u->npages > 1)
			turn_page(u, form_page(u->form) + (fk == FK_PAGE_UP ? -1 : 1));
		return;
	case FK_NONE:
	case FK_COUNT:
		break;
	}
	if (key >= ' ' && key < KC_SPECIAL && key != 127)
		form_driver_w(u->form, OK, (wchar_t)key);
}

bool
formui_key(struct formui *u, int key)
{
	if (u->closed)
		return false;
	if (key == KC_RESIZE) {
		rebuild(u);
		return !u->closed;
	}
	switch (u->mode) {
	case M_SMALL:
		return true;
	case M_CONFLICT:
		conflict_key(u, key);
		return !u->closed;
	case M_DISCARD:
		if (key == 'j' || key == 'J' || key == 'y' || key == 'Y') {
			app_message(u->app, false, "niet opgeslagen: de wijzigingen zijn weggegooid");
			close_form(u);
			return false;
		}
		u->mode = M_EDIT;
		draw(u);
		return true;
	case M_EDIT:
		if (key == KC_TIMEOUT || key == KC_MOUSE || key == KC_NONE)
			return true;
		edit_key(u, key);
		if (!u->closed && u->mode != M_CONFLICT && u->form)
			draw(u);
		return !u->closed;
	}
	return !u->closed;
}

/* --- opening and closing ------------------------------------------------------ */

struct formui *
formui_open(struct screen *scr, struct app *app, formui_repaint repaint, void *ctx)
{
	struct formui *u = calloc(1, sizeof(*u));

	if (!u)
		return NULL;
	u->scr = scr;
	u->app = app;
	u->repaint = repaint;
	u->ctx = ctx;
	raw();		/* Ctrl-S and Ctrl-C reach the form, not the tty */
	if (build(u)) {
		curs_set(1);
		draw(u);
	} else {
		teardown(u);
		u->mode = M_SMALL;
	}
	return u;
}

void
formui_close(struct formui *u)
{
	if (!u)
		return;
	teardown(u);
	noraw();
	cbreak();
	curs_set(0);
	touchwin(stdscr);	/* the dashboard repaints over where the form was */
	free(u);
}

int
formui_current(const struct formui *u)
{
	FIELD *cur = u->form ? current_field(u->form) : NULL;

	for (int i = 0; cur && i < u->nslots; i++)
		if (u->slot[i].fld == cur)
			return u->slot[i].j;
	return -1;
}

int
formui_run(struct screen *scr, struct app *app, formui_repaint repaint, void *ctx,
	   int poll_ms, int *sig)
{
	struct formui *u = formui_open(scr, app, repaint, ctx);
	int x, y, wheel, rc = 0;

	if (!u)
		return 0;
	for (;;) {
		int key = screen_key(scr, poll_ms, &x, &y, &wheel, sig);

		if (key < 0) {
			rc = -1;
			break;
		}
		if (!formui_key(u, key))
			break;
	}
	formui_close(u);
	return rc;
}
