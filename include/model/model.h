#ifndef SNW_MODEL_H
#define SNW_MODEL_H

/*
 * The dashboard's shared read models: the statuses of work in their
 * display order (from the entity tables), the domains and themes, the
 * overview's figures (cached per db_data_version(), recounted only after
 * a change) and search over all text. The lists and details each view
 * reads are in model/programme.h and model/meetings.h; the engine they
 * read through in model/list.h.
 */

#include <stdbool.h>

#include "core/entity.h"
#include "model/list.h"

struct db;

#define MODEL_MAX_DOMAINS 16	/* domains and themes shown in the overview */
#define MODEL_ACTS 6		/* open action items kept per overview pane */
#define MODEL_MAX_STATUS 9	/* room for the statuses of work plus "onbekend" */
#define MODEL_SUCCESS_YEAR 2023	/* the overview counts this year's successes */

/* The statuses of actielijnen and planning items as the dashboard shows
 * them (bars, legend, the `f` filter): the entity table's values in their
 * display order, then "" (empty, shown as "onbekend"). model_status(i)
 * for i < model_status_count(), NULL after. */
int model_status_count(void);
const char *model_status(int i);
/* (How a status is shown: status_word() of core/entity.h.) */
/* Place of a status in that order (empty or unknown: the last). */
int model_status_index(const char *status);

/* --- the domains ------------------------------------------------------------ */

/* A domain or theme: what the tabs, the views and the forms name it by. */
struct domain {
	long long id;
	char code[32];
	char naam[240];
	char motto[320];
	char bron[1204];		/* where it comes from (300 characters), "" */
	bool theme;			/* soort = thema */
};

/* The programme's domains, then its themes, each in their order; read
 * again only when the database changed (db_data_version). */
struct domains {
	long long version;		/* db_data_version when loaded */
	bool valid;
	int n;				/* domains first, then themes */
	int ndomains;
	struct domain dom[MODEL_MAX_DOMAINS];
	struct result_info why;		/* why the last load failed */
};

/* Loads the domains unless they are current for this data version (a
 * failure: d->why says it). */
enum result domains_load(struct db *db, struct domains *d);

/* Index in d->dom of the domain or theme with this id, or -1. */
int domains_find(const struct domains *d, long long id);

/* --- the overview -------------------------------------------------------- */

struct model_act {
	char text[240];
	char owner[120];
	char deadline[11];
	bool overdue;
};

/* What the overview shows of one domain or theme. */
struct domain_figures {
	long long status[MODEL_MAX_STATUS];	/* actielijnen per status (model_status order) */
	long long total;
	long long successes;		/* in MODEL_SUCCESS_YEAR */
	char next_date[11];		/* next (or else last) planning item */
	char next_title[240];
	bool next_past;			/* nothing upcoming: this is the last one */
	long long open_acts, overdue_acts;
	int nacts;
	struct model_act acts[MODEL_ACTS];	/* first open ones, by deadline */
};

/* The overview's figures, per domain in the order of struct domains. */
struct overview {
	long long version;		/* of the domains they were counted for */
	bool valid;
	char today[11];
	struct domain_figures dom[MODEL_MAX_DOMAINS];
	char meeting_date[11], meeting_title[240];	/* next AB meeting ... */
	char ms_date[11], ms_title[240];		/* ... and milestone, */
	bool meeting_past, ms_past;	/* or the last ones when none is ahead */
	char peildatum[11];		/* model_peildatum, "" when unknown */
	struct result_info why;		/* why the last load failed */
};

/* Counts the overview's figures for doms unless they are current for its
 * version and today (a failure: ov->why says it). */
enum result overview_load(struct db *db, const struct domains *doms, struct overview *ov);

/* --- the peildatum ---------------------------------------------------------- */

/*
 * How current the data is: the date it was last changed, into iso
 * (YYYY-MM-DD, "" for a database that never held anything). That is the
 * newer of the peildatum the loaded data states (the shipped data's, in
 * gegevens: db_state_peildatum) and the local date of the newest change
 * in the history after that load; a database without a stated peildatum
 * (one filled by import, or older than the statement) counts its whole
 * history. The dashboard and the report both show this. On a failure
 * iso is "".
 */
enum result model_peildatum(struct db *db, char iso[11]);

/* --- search ---------------------------------------------------------------- */

#define SEARCH_MAX_HITS 1000

/* Where a word occurs: an entry, and the domain or meeting it is shown
 * under. */
struct search_hit {
	const struct entity *e;
	long long id;
	long long ref;		/* actielijn, succes, planning: its domain (0: none);
				   besluit, actie: its meeting (0: none); a
				   vergadering: itself */
};

struct search_hits {
	int n;
	struct search_hit *v;
};

/* Searches all text, every entry's bron and the actielijnen' groep for
 * `needle` (case-insensitive for ASCII), at most SEARCH_MAX_HITS hits,
 * actielijnen first; a domain is a hit by its bron only (its name and
 * motto are what the tabs and panes show). */
enum result model_search(struct db *db, const char *needle, struct search_hits *hits);
void search_hits_free(struct search_hits *hits);

#endif
