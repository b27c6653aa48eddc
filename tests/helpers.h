/* Shared helpers for the Criterion tests. */
#ifndef SNW_TEST_HELPERS_H
#define SNW_TEST_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/csvio.h"
#include "core/result.h"
#include "store/db.h"
#include "store/read.h"
#include "store/stmt.h"
#include "store/undo.h"
#include "store/write.h"

/* What went wrong on db, worded (for assertion messages; a static
 * buffer, one per call slot: slot 0..3). */
const char *test_why(struct db *db);

/* The same for a result_info. */
const char *test_result(const struct result_info *r);

/* db_complete as 1 (complete), 0 (half-made) or -1 (it failed). */
int test_complete(struct db *db);

/* A database with the schema and two domains, for tests that import rows. */
struct db *test_db_with_domains(void);

/* Writes text to dir/name and returns the path (static buffer, one per call
 * slot: slot 0..7). */
const char *test_write_file(const char *dir, const char *name, const char *text, size_t len);

/* A fresh temporary directory (removed by the OS's tmp cleaning; tests
 * keep them small). */
const char *test_tmpdir(void);

/* Result of an import through import_files, with what it printed. */
struct import_result {
	int status;
	char *out;		/* summary (malloc'd) */
	char *err;		/* errors and warnings (malloc'd) */
	struct import_count counts[8];
};

/* Imports files into db; opts may be NULL for defaults. */
struct import_result test_import(struct db *db, const char **files, int n,
				 const struct import_opts *opts);
void test_import_free(struct import_result *r);

/* Writes text to dir/name and imports that one file into db. */
struct import_result test_import_text(struct db *db, const char *dir, const char *name,
				      const char *text, size_t len);
/* The same for a string literal, with the suite's `db` and `dir`. */
#define IMPORT(name, lit) test_import_text(db, dir, name, lit, sizeof(lit) - 1)

/* Runs a query that returns one integer (e.g. a count). */
long long test_int(struct db *db, const char *sql);

/* Runs a query that returns one text. The helper owns the result: it
 * stays valid for the next 255 calls (do not free it). */
char *test_text(struct db *db, const char *sql);

/* Reads a whole file (malloc'd, NUL-terminated), or NULL. */
char *test_read_file(const char *path, size_t *len);

#endif
