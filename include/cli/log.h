/* `snw log`: the history of changes, one line per change of an entry. */
#ifndef SNW_LOG_H
#define SNW_LOG_H

#include <stdio.h>

#include "model/history.h"

/* Writes the entries q asks for to fp, newest first: when, who, through
 * what (the form, an import, a toggle, undo; in the language shown), the
 * entry by kind, id and title, and what happened to it. Data is made
 * safe for a terminal. Returns 0 or -1 (db_errmsg). */
int log_write(struct db *db, const struct log_query *q, FILE *fp);

#endif
