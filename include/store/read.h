#ifndef SNW_STORE_READ_H
#define SNW_STORE_READ_H

/*
 * Entries read as canonical values, the way a form shows them and export
 * writes them: references as their text (a domain by its full name, a
 * meeting by its ISO date, an actielijn by its title), NULL as "".
 */

#include "core/entity.h"
#include "core/result.h"

struct db;

/* Reads entry id of e into vals[0..nfields) (each malloc'd; free with
 * db_free_row, also after a failure). RES_NOT_FOUND when it is gone. */
enum result db_get(struct db *db, const struct entity *e, long long id, char **vals);
void db_free_row(const struct entity *e, char **vals);

/* Calls fn for every row of e in export order. fn returns 0 to go on;
 * anything else stops the walk (the caller knows why), which is RES_OK. */
enum result db_each(struct db *db, const struct entity *e,
		    int (*fn)(void *ctx, const char *const *vals), void *ctx);

/* Entry id of e as the JSON object its history rows hold (column ->
 * stored value), malloc'd into *json; RES_NOT_FOUND when it is not
 * there (*json NULL). */
enum result db_row_json(struct db *db, const struct entity *e, long long id, char **json);

/* The number of rows of e. */
enum result db_count(struct db *db, const struct entity *e, long long *n);

/* The meeting a date names, as references to a meeting resolve it (with
 * two meetings on one date, the AB-vergadering): its id, 0 when there is
 * none. */
enum result db_meeting_by_date(struct db *db, const char *date, long long *id);

#endif
