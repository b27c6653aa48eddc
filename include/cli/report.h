/* `snw report`: the programme director's plain-text status report. */
#ifndef SNW_REPORT_H
#define SNW_REPORT_H

#include <stdio.h>

struct db;

/*
 * Writes the plain-text status report for the programme director to fp:
 * per domain (then per theme) its motto, successes, actielijnen with
 * status, trekker and planning, and open action items; then the open
 * action items that belong to no domain. `domain` (code or name, any
 * case) limits it to one domain or theme; NULL for all. Text from the
 * database is sanitized. Returns 0, or -1 when `domain` is unknown or
 * the database failed (message in *err).
 */
int report_write(struct db *db, const char *domain, int width, FILE *fp,
		 char *err, size_t errsz);

#endif
