/*
 * libFuzzer target over the whole import path: decoding (BOM, UTF-8,
 * Windows-1252), delimiter detection, CSV parsing, validation with the
 * entity rules and insertion into an in-memory database.
 *
 * Input: the first byte picks the table (byte % entity_count) and whether
 * the import replaces the table (bit 7); the rest is the file. Every run
 * imports inside a transaction and rolls it back, so runs do not see each
 * other. The database is loaded once with the shipped data ($SNW_DATADIR,
 * else ./data) so that domains, meetings and actielijnen resolve.
 *
 *   make fuzz FUZZ_SECONDS=600
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/csvio.h"
#include "store/db.h"
#include "store/write.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct db *db;
static FILE *devnull;

/* Loads the shipped CSV files, so that references in fuzzed rows can
 * resolve and upserts can both add and update. */
static void
load_shipped(void)
{
	const char *dir = getenv("SNW_DATADIR");
	char path[4096];
	char *files[16];
	int n = 0;
	struct import_opts opts = { .quiet = true, .out = devnull, .err = stderr };

	if (!dir || !*dir)
		dir = "data";
	for (int i = 0; i < entity_count && n < 16; i++) {
		snprintf(path, sizeof(path), "%s/%s.csv", dir, entities[i]->name);
		files[n++] = strdup(path);
	}
	if (import_files(db, files, n, &opts, NULL) != 0)
		fprintf(stderr, "fuzz_import: could not load the shipped data from %s; "
			"fuzzing against an empty database\n", dir);
	for (int i = 0; i < n; i++)
		free(files[i]);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	devnull = fopen("/dev/null", "w");
	if (!devnull || db_open_memory(&db) != 0) {
		fprintf(stderr, "fuzz_import: cannot open an in-memory database\n");
		abort();
	}
	load_shipped();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts opts = { .out = devnull, .err = devnull };
	struct import_count count = { 0 };
	const struct entity *e;
	long long *kept = NULL;
	size_t nkept = 0;
	int n;

	if (size < 1)
		return 0;
	e = entities[data[0] % entity_count];
	opts.replace = (data[0] & 0x80) != 0;
	/* Messages are formatted and sanitized even though they go nowhere. */
	if (db_begin(db) != 0)
		abort();
	n = import_buffer(db, e, "fuzz.csv", (const char *)data + 1, size - 1, &opts,
			  &count, &kept, &nkept);
	if (n == 0 && opts.replace) {
		long long deleted = 0;

		if (db_keep_only(db, e, kept, nkept, &deleted) != 0)
			n = -1;
	}
	free(kept);
	/* An in-memory database never fails for lack of disk or a lock: a
	 * database error here is a bug in the SQL we generate. */
	if (n < 0) {
		char why[RESULT_TEXT_MAX];

		fprintf(stderr, "fuzz_import: database failed: %s\n",
			result_text(db_result(db), why, sizeof(why)));
		abort();
	}
	if (db_rollback(db) != 0)
		abort();
	return 0;
}
