/*
 * The edit form on screen, drawn into the cell grid like the rest of the
 * dashboard (screen.c paints it): the box with labels, fields, messages
 * and footer, split over pages when the window is low; the question
 * before throwing changes away; the conflict with both versions; the
 * pick list of a reference field. Pure: what is drawn derives from the
 * form's values and is never read back. The keys are in formui.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/textshow.h"
#include "tui/app.h"
#include "formui_priv.h"

bool
form_is_long(const struct edit_form *f, int j)
{
	return f->e->fields[j].type == FT_LONGTEXT;
}

/* --- text: units, rows, markers ------------------------------------------------ */

/*
 * Draws bytes [start, end) of s on row y from column x, skipping the
 * first `from` columns and stopping before x + w; markers (what cannot
 * be shown as itself) in mrole. Returns the columns the text takes in
 * all (whether shown or not).
 */
static int
draw_span(struct grid *g, int x, int y, int w, int from, const char *s, size_t start, size_t end,
	  bool newline_ok, enum role role, enum role mrole)
{
	struct textshow_unit *u = NULL;
	int n = 0, cap = 0, col = 0;

	textshow_units(s, start, end - start, newline_ok, FORM_MARKS, &u, &n, &cap);
	for (int i = 0; i < n; i++) {
		int cw = u[i].width;

		if (col >= from && col + cw - from <= w && cw > 0)
			grid_text(g, x + col - from, y, cw, u[i].marker ? mrole : role, u[i].text);
		col += cw;
	}
	free(u);
	return col;
}

/* Columns a line of data text takes (markers included). */
static int
text_cols(const char *s)
{
	struct textshow_row row = { 0, strlen(s), 0 };

	return textshow_col(s, &row, row.end, false, FORM_MARKS);
}

/* One line of data text (a choice, a version in the conflict, an entry
 * of a pick list) in at most w columns, cut with "…". */
static int
draw_value(struct grid *g, int x, int y, int w, enum role role, const char *s)
{
	int total = text_cols(s);

	if (w <= 0)
		return 0;
	if (total <= w)
		return draw_span(g, x, y, w, 0, s, 0, strlen(s), false, role, ROLE_KEY);
	draw_span(g, x, y, w - 1, 0, s, 0, strlen(s), false, role, ROLE_KEY);
	grid_text(g, x + w - 1, y, 1, role, "…");
	return w;
}

/* Rows a message takes in w columns (at most ERR_MAX_LINES). */
static int
message_rows(const char *msg, int w)
{
	struct textshow_layout l = { 0 };
	int n;

	if (!*msg)
		return 0;
	textshow_layout(msg, strlen(msg), w + 1, true, FORM_MARKS, &l);
	n = l.n < ERR_MAX_LINES ? l.n : ERR_MAX_LINES;
	textshow_layout_free(&l);
	return n;
}

/* A message wrapped into at most `rows` rows of w columns. */
static void
draw_message(struct grid *g, int x, int y, int w, int rows, enum role role, const char *msg)
{
	struct textshow_layout l = { 0 };

	textshow_layout(msg, strlen(msg), w + 1, true, FORM_MARKS, &l);
	for (int r = 0; r < l.n && r < rows; r++) {
		grid_fill(g, (struct rect){ x, y + r, w, 1 }, L' ', role);
		draw_span(g, x, y + r, w, 0, msg, l.rows[r].start, l.rows[r].end, true, role, role);
		if (r == rows - 1 && l.n > rows)
			grid_text(g, x + w - 1, y + r, 1, role, "…");
	}
	textshow_layout_free(&l);
}

/* --- layout ------------------------------------------------------------------- */

void
form_layout(const struct formui *u, struct form_layout *L)
{
	const struct edit_form *f = u->app->form;
	const struct entity *e = f->e;
	int W = u->w, H = u->h, others = 0, longrows, page = 0, y = 0, bw, bh;
	bool has_long = false;

	memset(L, 0, sizeof(*L));
	if (W < APP_MIN_W || H < APP_MIN_H) {
		L->small = true;
		return;
	}
	bw = W - 2 < BOX_MAX_W ? W - 2 : BOX_MAX_W;
	for (int j = 0; j < e->nfields; j++) {
		int w = text_width(field_label(&e->fields[j])) + (e->fields[j].required ? 2 : 0);

		if (w > L->labelw)
			L->labelw = w;
	}
	L->labelw += 1;
	L->fieldx = L->labelw + 1;
	L->fieldw = bw - 4 - L->fieldx;
	for (int j = 0; j < e->nfields; j++) {
		others += (form_is_long(f, j) ? 0 : 1) + message_rows(f->err[j], L->fieldw);
		has_long |= form_is_long(f, j);
	}
	/* as high as the fields need (the long text at its most), at most
	 * the body of the dashboard */
	bh = others + (has_long ? LONG_MAX_ROWS : 0) + 4 + FOOTER_ROWS;
	if (bh > H - 2)
		bh = H - 2;
	L->box = (struct rect){ (W - bw) / 2, 1 + (H - 2 - bh) / 2, bw, bh };
	L->ix = L->box.x + 2;
	L->iy = L->box.y + 2;
	L->subh = bh - 4 - FOOTER_ROWS;
	longrows = L->subh - others;
	if (longrows > LONG_MAX_ROWS)
		longrows = LONG_MAX_ROWS;
	if (longrows < LONG_MIN_ROWS)
		longrows = LONG_MIN_ROWS;
	for (int k = 0; k < e->nfields; k++) {
		struct slot *s = &L->slot[k];
		int need;

		s->j = f->order[k];
		s->errlines = message_rows(f->err[s->j], L->fieldw);
		s->rows = form_is_long(f, s->j) ? longrows : 1;
		if (s->rows + s->errlines > L->subh)
			s->rows = L->subh - s->errlines > 1 ? L->subh - s->errlines : 1;
		need = s->rows + s->errlines;
		if (y > 0 && y + need > L->subh) {
			page++;
			y = 0;
		}
		s->page = page;
		s->y = y;
		y += need;
	}
	L->nslots = e->nfields;
	L->npages = page + 1;
}

/* --- the box ---------------------------------------------------------------- */

/* A box of the dashboard's line characters, cleared inside. */
static void
draw_box(struct grid *g, struct rect b)
{
	grid_fill(g, b, L' ', ROLE_NORMAL);
	grid_fill(g, (struct rect){ b.x, b.y, b.w, 1 }, L'─', ROLE_BORDER);
	grid_fill(g, (struct rect){ b.x, b.y + b.h - 1, b.w, 1 }, L'─', ROLE_BORDER);
	grid_fill(g, (struct rect){ b.x, b.y, 1, b.h }, L'│', ROLE_BORDER);
	grid_fill(g, (struct rect){ b.x + b.w - 1, b.y, 1, b.h }, L'│', ROLE_BORDER);
	grid_fill(g, (struct rect){ b.x, b.y, 1, 1 }, L'┌', ROLE_BORDER);
	grid_fill(g, (struct rect){ b.x + b.w - 1, b.y, 1, 1 }, L'┐', ROLE_BORDER);
	grid_fill(g, (struct rect){ b.x, b.y + b.h - 1, 1, 1 }, L'└', ROLE_BORDER);
	grid_fill(g, (struct rect){ b.x + b.w - 1, b.y + b.h - 1, 1, 1 }, L'┘', ROLE_BORDER);
}

/* --- fields ----------------------------------------------------------------- */

/* A field of one line: scrolled sideways so that the cursor shows, with
 * "…" where the text goes on beyond an edge. Sets *cx to the cursor. */
static void
draw_line_field(struct grid *g, struct fieldui *fu, int x, int y, int w, bool current, int *cx)
{
	const char *s = fu->t.s ? fu->t.s : "";
	struct textshow_row row = { 0, fu->t.len, 0 };
	enum role role = current ? ROLE_TITLE_SEL : ROLE_NORMAL;
	int tw = textshow_col(s, &row, fu->t.len, false, FORM_MARKS);
	int c = current ? textshow_col(s, &row, fu->t.cur, false, FORM_MARKS) : 0;
	int hs = current ? fu->hscroll : 0, left, right;

	if (tw + 1 <= w) {
		hs = 0;
	} else if (current) {
		/* the cursor stays off the columns that show "…" */
		if (c - hs < 1)
			hs = c - 1;
		if (c - hs > w - 2)
			hs = c - (w - 2);
		if (hs > tw - w + 2)
			hs = tw - w + 2;
		if (hs < 0)
			hs = 0;
	}
	fu->hscroll = hs;
	left = hs > 0;
	right = tw - hs > w - 1;
	draw_span(g, x + left, y, w - left - right, hs + left, s, 0, fu->t.len, false, role, ROLE_KEY);
	if (left)
		grid_text(g, x, y, 1, role, "…");
	if (right)
		grid_text(g, x + w - 1, y, 1, role, "…");
	if (current)
		*cx = x + c - hs;
}

/* A field of several lines: wrapped at spaces by display width (for the
 * eye only: the value keeps its own line breaks and no others), scrolled
 * so that the cursor's row shows. Sets *cx, *cy to the cursor. */
static void
draw_long_field(struct grid *g, struct fieldui *fu, int x, int y, int w, int rows, bool current,
		int *cx, int *cy)
{
	const char *s = fu->t.s ? fu->t.s : "";
	struct textshow_layout l = { 0 };
	enum role role = current ? ROLE_TITLE_SEL : ROLE_NORMAL;
	int r, vs = current ? fu->vscroll : 0;

	textshow_layout(s, fu->t.len, w, true, FORM_MARKS, &l);
	r = textshow_row_of(&l, fu->t.cur);
	if (current) {
		if (r < vs)
			vs = r;
		if (r >= vs + rows)
			vs = r - rows + 1;
	}
	if (vs > l.n - rows)
		vs = l.n - rows;
	if (vs < 0)
		vs = 0;
	fu->vscroll = vs;
	for (int i = 0; i < rows && vs + i < l.n; i++)
		draw_span(g, x, y + i, w, 0, s, l.rows[vs + i].start, l.rows[vs + i].end, true,
			  role, ROLE_KEY);
	/* more above or below: "…" in the corner on that side */
	if (vs > 0)
		grid_text(g, x + w - 1, y, 1, ROLE_DIM, "…");
	if (vs + rows < l.n)
		grid_text(g, x + w - 1, y + rows - 1, 1, ROLE_DIM, "…");
	if (current) {
		int c = textshow_col(s, &l.rows[r], fu->t.cur, true, FORM_MARKS);

		/* inside a cluster too wide for a row the count can differ */
		*cx = x + (c < w ? c : w - 1);
		*cy = y + r - vs;
	}
	textshow_layout_free(&l);
}

/* "◂ gepland ▸": a choice field of fd, its value v as shown (a status in
 * the language shown, a domain as stored). */
static void
draw_choice(struct grid *g, const struct field *fd, const char *v, int x, int y, int w, enum role role)
{
	int vw;

	grid_text(g, x, y, 2, role, "◂ ");
	vw = draw_value(g, x + 2, y, w - 4, role, *v ? field_value_word(fd, v) : _("(geen)"));
	grid_text(g, x + 2 + vw, y, 2, role, " ▸");
}

/* The label, the input and its message of one field. */
static void
draw_field(struct formui *u, struct grid *g, const struct form_layout *L, const struct slot *s,
	   bool current, int *cx, int *cy)
{
	struct edit_form *f = u->app->form;
	const struct field *fd = &f->e->fields[s->j];
	int x = L->ix + L->fieldx, y = L->iy + s->y, w = L->fieldw;
	char label[120];

	snprintf(label, sizeof(label), "%s%s", field_label(fd), fd->required ? " *" : "");
	grid_text(g, L->ix, y, L->labelw, current ? ROLE_BOLD : ROLE_NORMAL, label);
	if (current)
		grid_fill(g, (struct rect){ x, y, w, s->rows }, L' ', ROLE_TITLE_SEL);
	if (edit_form_is_choice(f, s->j)) {
		draw_choice(g, fd, f->val[s->j], x, y, w, current ? ROLE_TITLE_SEL : ROLE_NORMAL);
		if (current) {
			*cx = x;
			*cy = y;
		}
	} else if (form_is_long(f, s->j)) {
		draw_long_field(g, &u->fld[s->j], x, y, w, s->rows, current, cx, cy);
	} else {
		draw_line_field(g, &u->fld[s->j], x, y, w, current, cx);
		if (current)
			*cy = y;
	}
	if (s->errlines)
		draw_message(g, x, y + s->rows, w, s->errlines, ROLE_ERROR, f->err[s->j]);
}

/* --- footer ------------------------------------------------------------------ */

/* The form's message, the hint of the current field and the keys. */
static void
draw_footer(struct formui *u, struct grid *g, const struct form_layout *L, int page)
{
	struct edit_form *f = u->app->form;
	int y = L->box.y + L->box.h - 1 - FOOTER_ROWS, w = L->box.w - 4, j = f->order[u->cur];
	int bad = edit_form_errors(f), elsewhere = 0;
	char line[400], num[32];

	for (int k = 0; k < L->nslots; k++)
		elsewhere += L->slot[k].page != page && f->err[L->slot[k].j][0];
	if (u->mode == M_DISCARD) {
		grid_text(g, L->ix, y, w, ROLE_TAB_ON,
			  _("Wijzigingen weggooien? j = ja, n = nee (terug naar het formulier)"));
	} else if (*f->msg) {
		draw_message(g, L->ix, y, w, 1, ROLE_ERROR, f->msg);
	} else if (bad) {
		i18n_count(bad, num);
		if (elsewhere)
			snprintf(line, sizeof(line),
				 _n("%s veld klopt nog niet (zie de melding eronder, ook op een andere pagina)",
				    "%s velden kloppen nog niet (zie de meldingen eronder, ook op een andere pagina)",
				    bad), num);
		else
			snprintf(line, sizeof(line),
				 _n("%s veld klopt nog niet (zie de melding eronder)",
				    "%s velden kloppen nog niet (zie de meldingen eronder)", bad), num);
		grid_text(g, L->ix, y, w, ROLE_ERROR, line);
	}
	grid_text(g, L->ix, y + 1, w, ROLE_DIM, edit_form_hint(f, j));
	snprintf(line, sizeof(line), "%s%s", _("Ctrl-S/F2 opslaan · Esc annuleren · Tab/↑/↓ veld · ←/→ kiezen"),
		 L->npages > 1 ? _(" · PgUp/PgDn pagina") : "");
	grid_text(g, L->ix, y + 2, w, ROLE_KEY, line);
	if (L->npages > 1) {
		char pg[64];
		int pw;

		snprintf(pg, sizeof(pg), _(" pagina %d/%d "), page + 1, L->npages);
		pw = text_width(pg);
		grid_text(g, L->box.x + L->box.w - 2 - pw, L->box.y + L->box.h - 1, pw, ROLE_NORMAL, pg);
	}
}

/* --- the pick list ----------------------------------------------------------- */

/* The list under (or, without room, over) the field at row y. */
static void
draw_picker(struct formui *u, struct grid *g, const struct form_layout *L, int y, int *cx, int *cy)
{
	struct picker *p = &u->pick;
	int x = L->ix + L->fieldx - 1, w = L->fieldw + 2;
	int rows = p->n < PICK_ROWS ? p->n : PICK_ROWS, h, top;
	char head[160], num[32];

	if (rows < 1)
		rows = 1;
	h = rows + 2 + p->own_filter;
	top = y + 1;
	if (top + h > g->h - 1)
		top = y - h >= 1 ? y - h : 1;
	if (x + w > g->w)
		w = g->w - x;
	picker_scroll(p, rows);
	draw_box(g, (struct rect){ x, top, w, h });
	i18n_count(p->n, num);
	snprintf(head, sizeof(head), p->more ? _(" %s+ gevonden ") : _(" %s gevonden "), num);
	grid_text(g, x + 2, top, w - 4, ROLE_BORDER, head);
	grid_text(g, x + w - 2 - text_width(_(" Enter kiest, Esc sluit ")), top + h - 1, w - 4, ROLE_BORDER,
		  _(" Enter kiest, Esc sluit "));
	if (p->own_filter) {
		/* the filter of a domain list: typed here, not in the field */
		int fx = x + 1 + grid_text(g, x + 1, top + 1, w - 2, ROLE_KEY, _("zoek: "));
		const char *fs = p->filter.s ? p->filter.s : "";
		struct textshow_row row = { 0, p->filter.len, 0 };

		draw_span(g, fx, top + 1, x + w - 2 - fx, 0, fs, 0, p->filter.len, false, ROLE_NORMAL, ROLE_KEY);
		*cx = fx + textshow_col(fs, &row, p->filter.cur, false, FORM_MARKS);
		*cy = top + 1;
		if (*cx >= x + w - 1)
			*cx = x + w - 2;
	}
	if (p->n == 0)
		grid_text(g, x + 1, top + 1 + p->own_filter, w - 2, ROLE_DIM, _("(niets gevonden)"));
	for (int i = 0; i < rows && p->top + i < p->n; i++) {
		const struct ref_item *it = picker_item(p, p->top + i);
		int ry = top + 1 + p->own_filter + i;
		enum role role = p->top + i == p->sel ? ROLE_SEL : ROLE_NORMAL;

		grid_fill(g, (struct rect){ x + 1, ry, w - 2, 1 }, L' ', role);
		draw_value(g, x + 2, ry, w - 4, role, it->label);
	}
}

/* --- the conflict -------------------------------------------------------------- */

/* Both versions of every field that differs (● marks the side that
 * changed it since the form opened), and the choices. */
static void
draw_conflict(struct formui *u, struct grid *g)
{
	const char *keys[] = { "s", "m", "h", "Esc" };
	const char *what[] = {
		_("samenvoegen: mijn gewijzigde velden (●) in hun versie opslaan"),
		_("mijn hele versie opslaan (over die van de ander heen)"),
		_("hun versie houden (mijn wijzigingen vervallen)"),
		_("terug naar het formulier (opslaan overschrijft daarna hun versie)"),
	};
	struct edit_form *f = u->app->form;
	char *mine[ENTITY_MAX_FIELDS] = { 0 }, line[600], head[300];
	int W = g->w, H = g->h, bw, bh, y, lw = 14, cw, shown = 0, differ = 0, n, nchoices = 4;
	struct rect b;

	bw = W - 2 < BOX_MAX_W ? W - 2 : BOX_MAX_W;
	if (*f->theirs_when)
		/* TRANSLATORS: %1$s is an entry with its article ("deze
		   actielijn"), %2$s when and by whom */
		snprintf(line, sizeof(line), _("Iemand anders heeft %1$s gewijzigd sinds je het formulier opende"
					       " (%2$s). Er is nog niets opgeslagen: kies welke versie blijft."),
			 _(f->e->words->this_one), f->theirs_when);
	else
		snprintf(line, sizeof(line), _("Iemand anders heeft %s gewijzigd sinds je het formulier opende."
					       " Er is nog niets opgeslagen: kies welke versie blijft."),
			 _(f->e->words->this_one));
	n = message_rows(line, bw - 4);
	edit_form_check(f, mine);	/* canonical, as stored: compare like with like */
	for (int j = 0; j < f->e->nfields; j++)
		differ += strcmp(mine[j] ? mine[j] : f->val[j], f->theirs[j] ? f->theirs[j] : "") != 0;
	/* header, table, legend, choices, and the border */
	bh = 1 + n + 2 + (differ ? differ : 1) + 2 + nchoices + 1;
	if (bh > H - 2)
		bh = H - 2;
	b = (struct rect){ (W - bw) / 2, 1 + (H - 2 - bh) / 2, bw, bh };
	cw = (bw - 4 - lw) / 2;
	draw_box(g, b);
	snprintf(head, sizeof(head), _(" Conflict — %s "), f->heading);
	grid_text(g, b.x + 2, b.y, bw - 4, ROLE_ERROR, head);
	draw_message(g, b.x + 2, b.y + 1, bw - 4, n, ROLE_BOLD, line);
	y = b.y + 2 + n;
	grid_text(g, b.x + 2, y, lw, ROLE_BOLD, _("Veld"));
	grid_text(g, b.x + 2 + lw, y, cw - 1, ROLE_BOLD, _("Jouw versie"));
	grid_text(g, b.x + 2 + lw + cw, y++, cw, ROLE_BOLD, _("Hun versie (opgeslagen)"));
	differ = 0;
	for (int k = 0; k < f->e->nfields; k++) {
		int j = f->order[k];
		const char *m = mine[j] ? mine[j] : f->val[j], *t = f->theirs[j] ? f->theirs[j] : "";
		const char *o = f->orig[j] ? f->orig[j] : "";

		if (strcmp(m, t) == 0)
			continue;
		differ++;
		if (y >= b.y + bh - 2 - nchoices)
			continue;
		grid_text(g, b.x + 2, y, lw, ROLE_NORMAL, field_label(&f->e->fields[j]));
		grid_text(g, b.x + 2 + lw, y, 2, ROLE_LOPEND, edit_form_field_changed(f, j) ? "● " : "  ");
		draw_value(g, b.x + 4 + lw, y, cw - 3, ROLE_LOPEND, *m ? field_value_word(&f->e->fields[j], m) : _("(leeg)"));
		grid_text(g, b.x + 2 + lw + cw, y, 2, ROLE_GESTOPT, strcmp(t, o) != 0 ? "● " : "  ");
		draw_value(g, b.x + 4 + lw + cw, y++, cw - 2, ROLE_GESTOPT, *t ? field_value_word(&f->e->fields[j], t) : _("(leeg)"));
		shown++;
	}
	if (differ == 0)
		grid_text(g, b.x + 2, y++, bw - 4, ROLE_DIM, _("(geen verschil: jullie hebben hetzelfde ingevuld)"));
	if (shown < differ) {
		char num[32];

		i18n_count(differ - shown, num);
		snprintf(line, sizeof(line), _n("… en nog %s veld", "… en nog %s velden", differ - shown), num);
		grid_text(g, b.x + 2, y++, bw - 4, ROLE_DIM, line);
	}
	grid_text(g, b.x + 2, y, bw - 4, ROLE_DIM, _("● = gewijzigd sinds het formulier openging"));
	edit_free_values(mine, f->e->nfields);
	y = b.y + bh - 1 - nchoices;
	for (int i = 0; i < nchoices; i++, y++) {
		grid_text(g, b.x + 2, y, 4, ROLE_KEY, keys[i]);
		grid_text(g, b.x + 7, y, bw - 9, ROLE_NORMAL, what[i]);
	}
}

/* --- the whole form ---------------------------------------------------------- */

void
form_draw(struct formui *u, struct grid *g, int *cx, int *cy)
{
	struct edit_form *f = u->app->form;
	struct form_layout L;
	int page, cur_y = -1;
	char head[300];

	*cx = *cy = -1;
	form_layout(u, &L);
	if (L.small || u->closed)
		return;	/* the dashboard behind says the window is too small */
	if (u->mode == M_CONFLICT) {
		draw_conflict(u, g);
		return;
	}
	page = L.slot[u->cur].page;
	draw_box(g, L.box);
	snprintf(head, sizeof(head), " %s ", f->heading);
	grid_text(g, L.box.x + 2, L.box.y, L.box.w - 21, ROLE_TITLE_SEL, head);
	grid_text(g, L.box.x + L.box.w - 17, L.box.y, 15, ROLE_BORDER, _(" * = verplicht "));
	for (int k = 0; k < L.nslots; k++) {
		if (L.slot[k].page != page)
			continue;
		draw_field(u, g, &L, &L.slot[k], k == u->cur, cx, cy);
		if (k == u->cur)
			cur_y = L.iy + L.slot[k].y;
	}
	draw_footer(u, g, &L, page);
	if (u->pick.open && u->mode == M_EDIT && cur_y >= 0)
		draw_picker(u, g, &L, *cy >= 0 ? *cy : cur_y, cx, cy);
	if (u->mode == M_DISCARD)
		*cx = *cy = -1;
}
