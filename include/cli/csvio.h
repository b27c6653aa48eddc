#ifndef SNW_CSVIO_H
#define SNW_CSVIO_H

/*
 * Spreadsheets in and out: `snw import` and `snw export`.
 *
 * Import accepts what spreadsheets really write (delimiter , ; or tab, or
 * the one a first line sep=; names; UTF-8 with or without BOM or
 * Windows-1252; LF, CRLF or CR; RFC 4180 quoting; Excel's ' text marker
 * in files with a BOM) and checks every value with the entity rules
 * before anything is written. A whole import is one transaction.
 */

#include <stdbool.h>
#include <stdio.h>

#include "core/entity.h"

struct db;

/* Exit statuses (sysexits.h values, spelled out for portability). */
enum {
	EXIT_USAGE = 64,	/* the command line was wrong */
	EXIT_DATAERR = 65,	/* input data was wrong */
	EXIT_NOINPUT = 66,	/* an input file is missing or unreadable */
	EXIT_CANTCREAT = 73,	/* an output file cannot be created */
	EXIT_IOERR = 74,	/* reading or writing failed */
};

/* What an import did to one table. */
struct import_count {
	long long added, updated, unchanged, deleted;
	int files;		/* files imported into this table */
};

struct import_opts {
	const struct entity *table;	/* --table: every file goes here */
	bool dry_run;		/* check everything, write nothing */
	bool replace;		/* the table ends up holding exactly the file's rows */
	bool quiet;		/* no summary, no progress line (used by init) */
	bool fill_new;		/* filling a new (or half-made) database: marks it
				   complete in the same transaction (db_mark_complete);
				   imports nothing when it is complete already */
	const char *peildatum;	/* fill_new: the date the data describes (ISO), recorded
				   with it (db_state_peildatum); NULL when unknown */
	FILE *out;		/* summary */
	FILE *err;		/* errors and warnings */
	int max_messages;	/* errors shown per file before "and N more"; 0 = 200 */
};

/*
 * Imports files (any order: they are imported in dependency order) into
 * db in one transaction. Prints every error as FILE:LINE: column: what is
 * wrong (what was expected), and a summary per table; a file that takes
 * more than a second shows a progress line on opts->err when that is a
 * terminal. counts (indexed like entities[]) may be NULL. Returns 0,
 * EXIT_USAGE, EXIT_DATAERR, EXIT_NOINPUT or EXIT_IOERR; on anything but 0
 * nothing was written.
 */
int import_files(struct db *db, char *const *files, int nfiles,
		 const struct import_opts *opts, struct import_count *counts);

/*
 * Imports one in-memory file `name` of table e, inside the caller's
 * transaction (no BEGIN/COMMIT here). Used by import_files, by tests and
 * by the fuzzer. Returns the number of errors found (0 = all rows
 * written), or -1 when the database itself failed.
 */
int import_buffer(struct db *db, const struct entity *e, const char *name,
		  const char *buf, size_t len, const struct import_opts *opts,
		  struct import_count *count, long long **kept, size_t *nkept);

/* The table a file name means ("Actielijnen.csv" -> actielijnen), or NULL. */
const struct entity *import_table_for(const char *path);

struct export_opts {
	const char *dir;		/* where the files go; "." by default */
	const struct entity *table;	/* only this table, or NULL for all */
	bool excel;			/* ; BOM CRLF d-m-yyyy for Excel (NL), and a '
					   before every cell Excel would evaluate */
	FILE *out;			/* what was written */
	FILE *err;
};

/* Writes one CSV file per table. Each file is written to a temporary name
 * and renamed, so a reader never sees half a file. Returns 0, EXIT_CANTCREAT
 * or EXIT_IOERR. */
int export_tables(struct db *db, const struct export_opts *opts);

/* Writes table e as CSV to fp. Returns 0 or -1 (see errno / db_result). */
int export_write(struct db *db, const struct entity *e, FILE *fp, bool excel);

/*
 * Opens a new temporary file in path's directory (its name in tmp,
 * tmpsz bytes), for a file of db's data that takes path's place when it
 * is whole: an export, a document. Its mode is what the umask allows and
 * never more than the database allows. Returns NULL with errno set.
 */
FILE *output_open_beside(struct db *db, const char *path, char *tmp, size_t tmpsz);

#endif
