#ifndef SNW_STORE_STMT_H
#define SNW_STORE_STMT_H

/*
 * The statement wrapper: how the read models (src/model/) ask the store
 * for rows with SQL of their own. Nothing above the model uses it
 * (make check-layers).
 *
 * Every connection has the SQL function snw_contains(needle, text...):
 * true when needle occurs in one of the texts ignoring case
 * (text_contains), for search.
 */

#include "core/result.h"

struct db;
struct db_stmt;

/* Prepares sql; NULL on failure (db_result says why). */
struct db_stmt *db_prepare(struct db *db, const char *sql);
/* Bind parameters are 1-based, as in SQLite; NULL text binds NULL. */
void db_bind_text(struct db_stmt *st, int i, const char *s);
void db_bind_int(struct db_stmt *st, int i, long long v);
/* 1 when a row is ready, 0 when done, or a failure (negative). */
int db_step(struct db_stmt *st);
/* Column text ("" for NULL; valid until the next step). */
const char *db_col_text(struct db_stmt *st, int i);
long long db_col_int(struct db_stmt *st, int i);
void db_reset(struct db_stmt *st);
void db_finalize(struct db_stmt *st);
/* Runs SQL without results (several statements allowed). */
enum result db_exec(struct db *db, const char *sql);

#endif
