/*
 * The pick list of a form's reference field (include/tui/picker.h).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/fold.h"
#include "core/i18n.h"
#include "tui/picker.h"

/* The "(geen)" entry of an optional domain field. */
static char none_value[1];
static struct ref_item none_entry = { none_value, NULL, NULL, NULL };

const struct ref_item *
picker_item(const struct picker *p, int i)
{
	if (i < 0 || i >= p->n)
		return NULL;
	if (p->idx[i] < 0) {
		static char label[64];

		snprintf(label, sizeof(label), "%s", _("(geen)"));
		none_entry.label = label;
		return &none_entry;
	}
	return &p->all.v[p->idx[i]];
}

const struct ref_item *
picker_selected(const struct picker *p)
{
	return p->open ? picker_item(p, p->sel) : NULL;
}

void
picker_close(struct picker *p)
{
	refs_free(&p->all);
	textedit_free(&p->filter);
	free(p->idx);
	free(p->domain);
	free(p->asked);
	memset(p, 0, sizeof(*p));
}

/* Collects the entries of `all` that match folded needle into idx. */
static void
match(struct picker *p, const char *needle)
{
	char *want = fold_text(needle ? needle : "");
	int cap = p->all.n + 1;

	free(p->idx);
	p->idx = xmalloc((size_t)cap * sizeof(*p->idx));
	p->n = 0;
	p->more = p->all.more;
	for (int i = 0; i < p->all.n; i++) {
		if (!fold_contains(p->all.v[i].key, want))
			continue;
		if (p->n == PICKER_SHOW_MAX) {
			p->more = true;
			break;
		}
		p->idx[p->n++] = i;
	}
	if (p->none_item && p->n < cap) {
		char *none = fold_text(_("(geen)"));

		if (fold_contains(none, want))
			p->idx[p->n++] = -1;
		free(none);
	}
	free(want);
}

void
picker_refilter(struct picker *p, struct edit_form *f, const char *filter)
{
	char *want;

	if (p->own_filter)
		filter = p->filter.s;
	want = fold_text(filter ? filter : "");
	if (p->cut && !(p->asked && fold_contains(want, p->asked))) {
		/* too many to keep: the database filters (a bounded scan);
		 * when it found them all, typing on narrows them in memory */
		refs_find(f->db, p->kind, filter, p->domain, PICKER_SHOW_MAX, &p->all);
		free(p->asked);
		p->asked = NULL;
		if (!p->all.more) {	/* it found them all: keep what it was asked */
			p->asked = want;
			want = NULL;
		}
	}
	match(p, filter);
	free(want);
	p->sel = p->how == PICK_LIST && p->n > 0 ? 0 : -1;
	p->top = 0;
}

int
picker_open(struct picker *p, struct edit_form *f, int j, const char *filter)
{
	enum ref_kind kind;
	enum edit_pick how = edit_form_pick(f, j, &kind);

	picker_close(p);
	if (how == PICK_NONE)
		return -1;
	p->j = j;
	p->kind = kind;
	p->how = how;
	p->own_filter = edit_form_is_choice(f, j);
	p->none_item = p->own_filter && !f->e->fields[j].required;
	if (kind == REF_ACTIELIJN)
		p->domain = edit_form_pick_domain(f);
	if (refs_find(f->db, kind, NULL, p->domain, PICKER_LOAD_MAX, &p->all) < 0) {
		picker_close(p);
		return -1;
	}
	p->cut = p->all.more;
	if (p->own_filter) {
		textedit_set(&p->filter, filter ? filter : "");
		filter = NULL;
	} else if (!filter) {
		filter = f->val[j];
	}
	p->open = true;
	picker_refilter(p, f, filter);
	return 0;
}

void
picker_move(struct picker *p, int delta)
{
	int lo = p->how == PICK_SUGGEST ? -1 : 0;

	if (p->n == 0)
		return;
	p->sel += delta;
	if (p->sel < lo)
		p->sel = lo;
	if (p->sel >= p->n)
		p->sel = p->n - 1;
}

void
picker_scroll(struct picker *p, int rows)
{
	if (rows < 1)
		rows = 1;
	if (p->sel >= 0 && p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + rows)
		p->top = p->sel - rows + 1;
	if (p->top > p->n - rows)
		p->top = p->n - rows;
	if (p->top < 0)
		p->top = 0;
}
