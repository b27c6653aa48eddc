/*
 * The domain view's state, shared by its two files: domain.c (the view:
 * the list of actielijnen, keys, the mouse, entries) and domain_detail.c
 * (the pane beside or under the list: the selected entry's detail and
 * the domain's successes).
 */
#ifndef SNW_VIEWS_DOMAIN_PRIV_H
#define SNW_VIEWS_DOMAIN_PRIV_H

#include "tui/app.h"
#include "model/programme.h"

/* Where the cursor is. */
enum focus {
	F_LINES,		/* the actielijnen (the list's cursor) */
	F_DOMAIN,		/* the domain itself */
	F_SUCCESSES,		/* a success */
};

/* What each domain keeps of its own: the sort order and the filter. */
struct per_domain {
	long long id;
	int sort;		/* actielijnen_sort_label(sort) */
	int filter;		/* 0 all, else model_status(filter - 1) */
};

struct domain_state {
	struct list *list;		/* the domain's actielijnen; NULL until shown */
	struct per_domain per[MODEL_MAX_DOMAINS];
	int nper;
	enum focus focus;
	int succ;			/* the selected success (F_SUCCESSES) */
	long long succ_id;		/* its id: the selection follows it */
	int succ_top;			/* first success shown */
	bool succ_follow;		/* keep the selected success in sight (not
					   after the wheel scrolled them) */
	int skip;			/* lines of the detail's text scrolled away */
	struct edit_target skip_for;	/* the entry they were scrolled for */
	struct actielijn_detail detail;	/* of the selected row */
	long long detail_id;		/* row the detail was read for, -1 */
	struct successes successes;	/* of the domain */
	long long successes_dom;	/* domain they were read for, -1 */
	char changed[120];		/* "laatst gewijzigd" of what is selected */
	/* the last layout */
	struct rect head_r;		/* the domain's line */
	struct rect list_r;		/* the list with its header */
	bool grouped;			/* the list has a heading above each groep */
	struct rect detail_r;		/* the selected entry */
	struct rect succ_r;		/* the successes with their heading */
	bool expl;			/* the successes show their explanation */
	int expl_lines;			/* in at most this many lines (and the title) */
	int head_lines;			/* the detail's lines above its text */
	int text_lines;			/* lines the detail's text needs */
};

/* The panes, for the wheel (ZONE_PANE), and what a click selects
 * (ZONE_ITEM: a row of the list by its index, or these). */
enum { PANE_DETAIL, PANE_SUCCESSES };
#define ITEM_DOMAIN (-3)
#define ITEM_SUCCESS(i) (-100 - (long long)(i))

/* "4 mrt 2024 – 31 dec 2024", or one side, or "". */
void domain_period(const char *start, const char *end, char *out, size_t outsz);

/* Reads the domain's successes when not current; the selection stays on
 * its success (by id), or at its place when that one is gone. */
void domain_load_successes(struct domain_state *s, struct app *app);

/* Selects success i (clipped) and keeps it in sight. */
void domain_select_success(struct domain_state *s, int i);

/* The pane in r: the selected entry's detail on top with what its text
 * needs, the successes below with the rest; reads what is not current,
 * records the panes and the successes' click zones. */
void domain_detail_layout(struct domain_state *s, struct app *app, struct rect r);
void domain_detail_draw(const struct domain_state *s, const struct app *app, struct grid *g);

#endif
