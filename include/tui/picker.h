#ifndef SNW_PICKER_H
#define SNW_PICKER_H

/*
 * The list a reference field of a form picks from: what exists (domains,
 * meetings, actielijnen of the chosen domain) or, for trekker and
 * eigenaar, the names used before. Typing filters it, without regard to
 * case or accents. A domain field (a choice field) has a filter of its
 * own; in the other fields the field's text is the filter. The entries
 * are read once when the list opens; when there are more than it keeps,
 * every change of the filter asks the database instead. Pure state: the
 * form draws it (formdraw.c) and feeds it keys (formui.c).
 */

#include <stdbool.h>

#include "core/textedit.h"
#include "model/refs.h"
#include "tui/edit.h"

#define PICKER_LOAD_MAX 5000	/* entries kept in memory for filtering */
#define PICKER_SHOW_MAX 500	/* matches listed at most */

struct picker {
	bool open;
	int j;			/* the field it picks for */
	enum ref_kind kind;
	enum edit_pick how;	/* PICK_LIST: something must be chosen (the first
				   match is selected); PICK_SUGGEST: free text */
	bool own_filter;	/* a filter of its own (domain) */
	struct textedit filter;	/* that filter */
	bool none_item;		/* "(geen)" is an entry: the field may stay empty */
	char *domain;		/* actielijnen: the domain they are limited to */
	struct ref_list all;	/* the entries read when it opened */
	bool cut;		/* all was cut at PICKER_LOAD_MAX */
	char *asked;		/* with cut: the folded filter `all` now holds every
				   match of, or NULL (a longer filter is then
				   matched in memory, not asked again) */
	int *idx;		/* matching entries: indexes into all; -1 = "(geen)" */
	int n;			/* how many match */
	bool more;		/* more matched than are listed */
	int sel;		/* selected row of idx, -1 none */
	int top;		/* first row shown */
};

/* Opens the list for field j of f, filtered by `filter` (NULL: the
 * field's text, or nothing for a domain). Returns 0, -1 on a database
 * error (the list stays closed). */
int picker_open(struct picker *p, struct edit_form *f, int j, const char *filter);

/* Filters again by `filter` (own filter: by the picker's filter text). */
void picker_refilter(struct picker *p, struct edit_form *f, const char *filter);

/* Closes the list and frees what it held. */
void picker_close(struct picker *p);

/* The entry of row i (0 <= i < p->n). */
const struct ref_item *picker_item(const struct picker *p, int i);

/* The selected entry, or NULL. */
const struct ref_item *picker_selected(const struct picker *p);

/* Moves the selection by delta rows (to -1, none, for suggestions). */
void picker_move(struct picker *p, int delta);

/* Keeps the selected row among `rows` visible rows. */
void picker_scroll(struct picker *p, int rows);

#endif
