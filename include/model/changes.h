#ifndef SNW_CHANGES_H
#define SNW_CHANGES_H

/*
 * What changed since a date, read from the history: per entry the net
 * change between that day and now, so an edit that was undone, or an
 * entry added and deleted again, is no change at all, and a status that
 * went gepland -> lopend -> afgerond is one transition gepland ->
 * afgerond. The initial load of the database is the starting point, not
 * a change (history_initial_load). `snw report --since` and the
 * dashboard's Wijzigingen view read it.
 */

#include <stdbool.h>

struct db;
struct entity;

enum change_kind {
	CHANGE_ADDED,		/* it is new */
	CHANGE_CHANGED,		/* fields changed */
	CHANGE_CLOSED,		/* an actielijn or planning item became afgerond or gestopt */
	CHANGE_DONE,		/* an action became gedaan */
	CHANGE_REMOVED,		/* it was deleted */
	CHANGE_ADDED_MANY,	/* a large import added `count` of them */
};

/* A field whose value differs, as a person reads the values
 * (references by name; "" when empty). */
struct change_field {
	const char *column;	/* the stored column ("status", "domein_id") */
	const char *label;	/* its label in the entity table */
	char *old, *new;
};

struct change {
	const struct entity *e;
	long long id;		/* CHANGE_ADDED_MANY: the first of the run */
	enum change_kind kind;
	long long count;	/* CHANGE_ADDED_MANY: how many */
	long long domain;	/* its domain or theme; 0: none (meetings, decisions) */
	int place;		/* that domain's place among the domains (none last) */
	long long ref;		/* where it is shown: its domain; for a
				   decision or action its meeting; a meeting
				   or domain itself */
	char *title;		/* now, or as it was when it was removed */
	char when[17];		/* its latest change, "2026-12-02 14:05" local time */
	char *who;
	int nfields;
	struct change_field *fields;	/* CHANGE_CHANGED, _CLOSED, _DONE */
};

struct changes {
	char since[11];
	int n;
	struct change *v;	/* by domain in the domains' order (domains,
				   themes, then none), newest first within one */
	long long more;		/* changed entries left out after `limit` */
	bool truncated;		/* the history since was too long to read whole */
};

/* The changes made on or after `since` (ISO, local time), at most
 * `limit` entries. */
enum result changes_since(struct db *db, const char *since, int limit, struct changes *out);
void changes_free(struct changes *c);

#endif
