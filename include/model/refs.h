#ifndef SNW_REFS_H
#define SNW_REFS_H

/*
 * What the reference fields of a form can name, for its pickers and its
 * checks: domains and themes, meetings, actielijnen, and the people
 * already named as trekker or eigenaar. Matching ignores case and
 * accents (core/fold.h). The checks mirror how the store resolves a
 * reference when it writes (store/refs.c), so that a form can say what
 * the database would refuse before anything is written.
 */

#include <stdbool.h>

#include "core/result.h"

struct db;

enum ref_kind {
	REF_DOMAIN,	/* value: the full name */
	REF_MEETING,	/* value: the ISO date (only meetings a date names) */
	REF_ACTIELIJN,	/* value: the title; domain: its domain's full name */
	REF_PERSON,	/* value: a trekker or eigenaar as written before */
};

/* One entry a picker offers. */
struct ref_item {
	char *value;	/* what the field stores when it is picked */
	char *label;	/* how the list shows it */
	char *domain;	/* REF_ACTIELIJN: the domain's full name; else NULL */
	char *key;	/* folded text the filter is matched against */
};

struct ref_list {
	struct ref_item *v;
	int n, cap;
	bool more;	/* more entries matched than `limit`: the list is cut */
};

/*
 * Entries of `kind` whose key contains the folded `needle` (NULL or ""
 * for all), at most `limit` of them, into out (emptied first). For
 * REF_ACTIELIJN only those of `domain` (a full name; NULL or "" for all
 * domains). Order: domains as the overview shows them, meetings newest
 * first, actielijnen by domain and title, people by name.
 */
enum result refs_find(struct db *db, enum ref_kind kind, const char *needle, const char *domain,
	      int limit, struct ref_list *out);
void refs_free(struct ref_list *l);

/* The domain or theme a person means by `text` (its code or full name,
 * ignoring case and accents): 1 with its full name in *name (malloc'd),
 * 0 when none, or a failure (negative, an enum result). */
int refs_domain(struct db *db, const char *text, char **name);

/* Meetings on ISO date `iso`: their number, or a failure (negative). */
int refs_meetings_on(struct db *db, const char *iso);

/*
 * Actielijnen titled `title`, of domain `domain` (a full name; NULL or
 * "" for any): the exact matches, or when there is none, those whose
 * title equals it ignoring case and accents. Returns how many matched
 * (2 means two or more), with the title of a single match in *canon
 * (malloc'd); or a failure (negative).
 */
int refs_actielijn(struct db *db, const char *domain, const char *title, char **canon);

#endif
