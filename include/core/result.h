#ifndef SNW_RESULT_H
#define SNW_RESULT_H

/*
 * What happened: the one result type of the store and the model, and the
 * typed problems of the field rules.
 *
 * A function of the store or the model returns an enum result: RES_OK, or
 * what went wrong. The details (which entry and field, which file, how
 * long it waited, SQLite's own words) are in a struct result_info that
 * the caller asks for (db_result() for a database; functions that have
 * none yet take one to fill). Only the message catalogue
 * (src/core/message.c) turns them into sentences, in the language of the
 * user: result_text(), problem_text(). Nobody parses a sentence.
 *
 * Every failure is negative, so `rc < 0` means "failed" for functions
 * that return RES_OK and for those that return a count (0 or more) or a
 * failure alike.
 */

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

struct entity;
struct field;

enum result {
	RES_OK = 0,
	RES_ERROR = -1,		/* something unexpected: detail holds SQLite's words */
	RES_NOT_FOUND = -2,	/* the entry is not there (any more) */
	RES_CONFLICT = -3,	/* someone else changed the entry since it was read */
	RES_GONE = -4,		/* someone else deleted the entry since it was read */
	RES_EXISTS = -5,		/* a new database: another process put one at the path first */
	RES_DUPLICATE = -6,	/* another entry has this key (problem: which value) */
	RES_INVALID = -7,		/* a value breaks a rule (field, problem) */
	RES_BUSY = -8,		/* another program kept the database locked (n: ms waited) */
	RES_FULL = -9,		/* the disk is full */
	RES_READ_ONLY = -10,	/* the database is open read-only */
	RES_CANT_WRITE = -11,	/* the file or its directory cannot be written */
	RES_DIR_READ_ONLY = -12,	/* the directory cannot be written (where -wal and -shm go) */
	RES_CORRUPT = -13,	/* not a database, or a damaged one */
	RES_NOMEM = -14,		/* SQLite ran out of memory */
	RES_NOT_OURS = -15,	/* an SQLite file that another program made */
	RES_TOO_NEW = -16,	/* written by a newer snw (n: its schema, m: ours) */
	RES_OLD_SCHEMA = -17,	/* an older schema opened read-only (n: its schema) */
	RES_CANT_OPEN = -18,	/* the file cannot be opened (sys: errno) */
	RES_CANT_CREATE = -19,	/* a new database cannot be made (sys) */
	RES_CANT_PUBLISH = -20,	/* a new database cannot be put in place (sys) */
	RES_IMPORT_UNDO = -21,	/* undo met the changes of an import */
};

/* What is wrong with one value of a field. */
enum problem_kind {
	PROB_NONE,
	PROB_MISSING,		/* the field is required, the value empty */
	PROB_LINE_BREAK,		/* a line break in a one-line field */
	PROB_TOO_LONG,		/* n characters, at most max */
	PROB_NOT_NUMBER,		/* not a whole number (a year: not a year) */
	PROB_NOT_DATE,		/* not a date (for a meeting: not its date) */
	PROB_NOT_ALLOWED,		/* not one of the field's values */
	PROB_UNKNOWN_DOMAIN,	/* no domain or theme has this code or name */
	PROB_NO_MEETING,		/* no meeting on this date */
	PROB_UNKNOWN_ACTIELIJN,	/* no actielijn has this title (in that domain) */
	PROB_AMBIGUOUS_ACTIELIJN,	/* several actielijnen have this title */
	PROB_TAKEN,		/* another entry has this value (RES_DUPLICATE) */
};

#define PROBLEM_VALUE_MAX 64

struct problem {
	enum problem_kind kind;
	const struct field *f;		/* the field, or NULL (the entry as a whole) */
	const struct entity *e;		/* the entity of the field */
	char value[PROBLEM_VALUE_MAX];	/* the value as given, cut to fit with "…" */
	long n, max;			/* PROB_TOO_LONG: its length and the limit */
};

/* A result and what its sentence needs. */
struct result_info {
	enum result code;
	const struct entity *e;		/* the kind of entry it is about, or NULL */
	int field;			/* RES_INVALID, RES_DUPLICATE: index in e's fields,
					   -1 for the natural key as a whole */
	struct problem problem;		/* RES_INVALID, RES_DUPLICATE */
	char path[PATH_MAX];		/* the database file */
	int sys;			/* errno, for failures of the system */
	long n, m;			/* see the codes */
	char detail[256];		/* SQLite's own words: shown, never parsed */
};

/* Room for any sentence of the catalogue. */
#define RESULT_TEXT_MAX (2 * PATH_MAX + 768)

/* The sentence for r (RES_INVALID and RES_DUPLICATE as "column: what is wrong
 * (what was expected)"), in the user's language. Returns buf. */
const char *result_text(const struct result_info *r, char *buf, size_t bufsz);

/* What is wrong with a value: "what is wrong (what was expected)", with
 * its column first ("column: ...") when with_column. Returns buf. */
const char *problem_text(const struct problem *p, bool with_column, char *buf, size_t bufsz);

/* What field f accepts, for messages and help: "a date such as
 * 4-3-2024 or Q1 2024". Returns a constant string or buf (the allowed
 * values of a choice). */
const char *problem_expected(const struct field *f, char *buf, size_t bufsz);

/* Fills p (the value cut to fit the way messages show it). */
void problem_set(struct problem *p, enum problem_kind kind, const struct entity *e,
		 const struct field *f, const char *value);

/*
 * What is wrong with a file to import, as a whole or on a line beyond its
 * values (a value's problem is a struct problem). The importer prints
 * file_problem_text() after "FILE:LINE: ", like every message about a
 * file, so that this catalogue holds every sentence the store and the
 * importer say.
 */
enum file_problem_kind {
	FILE_CANT_READ,		/* sys: errno */
	FILE_DIRECTORY,		/* a directory where a file was expected */
	FILE_NOT_REGULAR,	/* a device, a FIFO, ... */
	FILE_TOO_BIG,		/* n MB, at most m MB */
	FILE_GREW,		/* grew beyond m MB while it was read */
	FILE_WHICH_TABLE,	/* the file's name names no table */
	FILE_UTF16,
	FILE_NUL,		/* a NUL byte: not text */
	FILE_BAD_BYTE,		/* byte n is neither UTF-8 nor Windows-1252 */
	FILE_NOT_UTF8_AFTER,	/* byte n is not UTF-8, line m was */
	FILE_UTF8_AFTER,	/* character value is UTF-8, line m was Windows-1252 */
	FILE_BAD_SEP,		/* "sep=" names character n, which cannot be one */
	FILE_EMPTY,		/* no header (e: the table) */
	FILE_NO_ROWS,		/* a header and no rows */
	FILE_TOO_MANY_COLUMNS,	/* n columns, at most m (e) */
	FILE_COLUMN_TWICE,	/* column value */
	FILE_UNKNOWN_COLUMN,	/* column value is not one of e's (a warning) */
	FILE_MISSING_COLUMN,	/* the required field f of e */
	FILE_TOO_MANY_VALUES,	/* n values, m columns, the delimiter in value */
	FILE_BAD_QUOTE,		/* a quote where RFC 4180 allows none */
	FILE_VALUE_TOO_BIG,	/* a value the CSV parser cannot hold */
	FILE_UNCLOSED_QUOTE,	/* a quoted value that starts on this line never ends */
};

struct file_problem {
	enum file_problem_kind kind;
	const struct entity *e;
	const struct field *f;
	const char *value;	/* see the kinds; NULL is "" */
	long long n, m;
	int sys;
};

/* The sentence for p, in the language shown. Returns buf. */
const char *file_problem_text(const struct file_problem *p, char *buf, size_t bufsz);

/* What deleting an entry takes along: n[i] entries of kind e[i]. */
struct dependents {
	const struct entity *e[8];
	long long n[8];
	int count;
};

/* "1 besluit, 2 acties" ("" when nothing). Returns buf. */
const char *dependents_text(const struct dependents *d, char *buf, size_t bufsz);

#endif
