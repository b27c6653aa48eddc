/*
 * `snw import`: spreadsheets (CSV) into the database.
 *
 * A file goes through four steps: read, decode (BOM, UTF-8 or
 * Windows-1252), parse (libcsv, delimiter detected from the header) and
 * per row: check every value with the entity rules, then upsert. Errors
 * are collected, not fatal, so the user sees all of them at once; the
 * caller rolls the transaction back when there was any.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "csvio.h"
#include "db.h"
#include "text.h"

#define MAX_COLUMNS 512		/* more header cells than this is not a table of ours */
#define DEFAULT_MAX_MESSAGES 200
#define IMPORT_MAX_BYTES (1 << 30)	/* far beyond any spreadsheet of ours */

/* Parser state for one file. */
struct reader {
	struct db *db;
	const struct entity *e;
	const char *name;		/* file name for messages */
	const struct import_opts *opts;
	struct import_count *count;

	int col_field[MAX_COLUMNS];	/* header column -> field index, -1 = ignored */
	int ncols;			/* columns in the header */
	bool in_header[ENTITY_MAX_FIELDS]; /* field has a column in this file */
	bool have_header;
	bool header_bad;		/* stop looking at rows: the header is unusable */
	unsigned char delim;
	long last_row_line;		/* line on which the last complete row ended */

	/* The row being collected: fields are copied into one buffer. */
	char *buf;
	size_t buflen, bufcap;
	size_t *offs;			/* start of each field in buf */
	size_t noffs, offcap;
	long row_newlines;		/* line breaks inside the row's fields */

	long line;			/* line being fed to the parser (1-based) */
	int errors;			/* errors in this file */
	int shown;			/* messages printed for this file */
	bool db_failed;			/* the database itself failed: stop */

	long long *kept;		/* ids written, for --replace */
	size_t nkept, keptcap;
};

/* Prints one message about the file, sanitized: file content never
 * reaches the terminal as control codes. Counts it as an error unless
 * warning is set. */
static void
report(struct reader *r, bool warning, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
report(struct reader *r, bool warning, long line, const char *fmt, ...)
{
	int max = r->opts->max_messages > 0 ? r->opts->max_messages : DEFAULT_MAX_MESSAGES;
	char msg[1024], safe[2048], name[1024];
	va_list ap;

	if (!warning)
		r->errors++;
	if (r->shown++ >= max || !r->opts->err)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	text_sanitize(safe, sizeof(safe), msg, false);
	text_sanitize(name, sizeof(name), r->name, false);	/* file names are data too */
	if (line > 0)
		fprintf(r->opts->err, "%s:%ld: %s%s\n", name, line, warning ? "warning: " : "", safe);
	else
		fprintf(r->opts->err, "%s: %s%s\n", name, warning ? "warning: " : "", safe);
}

static bool
grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 16;
	void *q;

	if (need <= *cap)
		return true;
	while (n < need)
		n *= 2;
	if (!(q = realloc(*p, n * size)))
		return false;
	*p = q;
	*cap = n;
	return true;
}

/* libcsv: a field is complete. Copy it into the row buffer. */
static void
on_field(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;
	const char *s = data ? data : "";

	if (r->header_bad || r->db_failed)
		return;
	if (!grow((void **)&r->offs, &r->offcap, r->noffs + 1, sizeof(*r->offs)) ||
	    !grow((void **)&r->buf, &r->bufcap, r->buflen + len + 1, 1)) {
		report(r, false, r->line, "out of memory");
		r->db_failed = true;
		return;
	}
	r->offs[r->noffs++] = r->buflen;
	memcpy(r->buf + r->buflen, s, len);
	r->buflen += len;
	r->buf[r->buflen++] = '\0';
	for (const char *p = memchr(s, '\n', len); p; p = memchr(p + 1, '\n', len - (size_t)(p + 1 - s)))
		r->row_newlines++;
}

static const char *
field_at(const struct reader *r, size_t i)
{
	return r->buf + r->offs[i];
}

static void
take_header(struct reader *r, long line)
{
	bool seen[ENTITY_MAX_FIELDS] = { false };
	const struct entity *e = r->e;

	r->have_header = true;
	if (r->noffs > MAX_COLUMNS) {
		report(r, false, line, "the header has %zu columns (expected the columns of %s, at most %d)",
		       r->noffs, e->name, MAX_COLUMNS);
		r->header_bad = true;
		return;
	}
	r->ncols = (int)r->noffs;
	for (int c = 0; c < r->ncols; c++) {
		char name[256];
		int f;

		snprintf(name, sizeof(name), "%s", field_at(r, (size_t)c));
		text_trim(name);
		f = entity_field_by_header(e, name);
		r->col_field[c] = f;
		if (f >= 0 && seen[f]) {
			report(r, false, line, "%s: column appears twice (expected each column once)", name);
			r->header_bad = true;
		} else if (f >= 0) {
			seen[f] = true;
			r->in_header[f] = true;
		} else if (*name) {
			report(r, true, line, "%s: unknown column for %s, ignored", name, e->name);
		}
	}
	for (int f = 0; f < e->nfields; f++) {
		if (!seen[f] && e->fields[f].required) {
			char cols[256] = "";

			for (int g = 0; g < e->nfields; g++)
				snprintf(cols + strlen(cols), sizeof(cols) - strlen(cols), "%s%s",
					 g ? ", " : "", e->fields[g].column);
			report(r, false, line, "%s: required column is missing (expected a header with %s)",
			       e->fields[f].column, cols);
			r->header_bad = true;
		}
	}
}

static void
keep_id(struct reader *r, long long id)
{
	if (!r->opts->replace)
		return;
	if (!grow((void **)&r->kept, &r->keptcap, r->nkept + 1, sizeof(*r->kept))) {
		report(r, false, 0, "out of memory");
		r->db_failed = true;
		return;
	}
	r->kept[r->nkept++] = id;
}

/* Checks and writes one data row. */
static void
take_row(struct reader *r, long line)
{
	const struct entity *e = r->e;
	char *raw[ENTITY_MAX_FIELDS] = { NULL };
	const char *vals[ENTITY_MAX_FIELDS];
	char dates[ENTITY_MAX_FIELDS][11];
	char none[ENTITY_MAX_FIELDS][1];
	char err[FIELD_ERR_MAX + 128];
	enum db_change change;
	bool ok = true, empty = true;
	long long id;

	for (size_t c = 0; c < r->noffs; c++) {
		const char *v = field_at(r, c);

		while (*v == ' ' || *v == '\t')
			v++;
		if (*v)
			empty = false;
		if ((int)c >= r->ncols && *v) {
			report(r, false, line, "%zu values, but the header has %d columns (expected one value per column; does a value contain '%c' without quotes?)",
			       r->noffs, r->ncols, r->delim == '\t' ? ' ' : r->delim);
			return;
		}
	}
	if (empty)
		return;		/* a blank line, or ;;;; from a spreadsheet */

	for (int c = 0; c < r->ncols && (size_t)c < r->noffs; c++) {
		int f = r->col_field[c];

		if (f >= 0)
			raw[f] = r->buf + r->offs[c];
	}
	for (int f = 0; f < e->nfields; f++) {
		if (!r->in_header[f]) {
			vals[f] = NULL;	/* not in the file: an update keeps it */
			continue;
		}
		none[f][0] = '\0';
		vals[f] = field_normalize(&e->fields[f], raw[f] ? raw[f] : none[f], dates[f],
					  err, sizeof(err));
		if (!vals[f]) {
			report(r, false, line, "%s: %s", e->fields[f].column, err);
			ok = false;
			vals[f] = "";
		}
	}
	if (!ok)
		return;
	switch (db_upsert(r->db, e, vals, &change, &id, err, sizeof(err))) {
	case 0:
		break;
	case -1:	/* a reference that does not resolve: the data's fault */
		report(r, false, line, "%s", err);
		return;
	default:	/* disk full, locked, ...: the import cannot go on */
		report(r, false, line, "%s", err);
		r->db_failed = true;
		return;
	}
	keep_id(r, id);
	if (change == DB_ADDED)
		r->count->added++;
	else if (change == DB_UPDATED)
		r->count->updated++;
	else
		r->count->unchanged++;
}

/* libcsv: a row is complete (c is the terminator, -1 at end of file). */
static void
on_row(int c, void *ctx)
{
	struct reader *r = ctx;
	/* The row ends on the current line (or the previous one when the
	 * terminator was the line's newline); it started row_newlines earlier. */
	long end = r->line;
	long start = end - r->row_newlines;

	(void)c;
	r->last_row_line = end;
	if (!r->header_bad && !r->db_failed) {
		if (!r->have_header)
			take_header(r, start);
		else
			take_row(r, start);
	}
	r->buflen = 0;
	r->noffs = 0;
	r->row_newlines = 0;
}

/* Counts delimiter candidates on the first line, outside quotes; the most
 * frequent wins, a comma when there is none. */
static unsigned char
detect_delimiter(const char *s, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	bool quoted = false;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\n' || s[i] == '\r')
			break;
		else if (s[i] == ',')
			comma++;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/* Nothing counts as space: values are trimmed by the entity rules, and a
 * tab may be the delimiter. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* The line (1-based) of byte offset `at` in s. */
static long
line_of(const char *s, size_t at)
{
	long line = 1;

	for (size_t i = 0; i < at; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

/* Lines in s: a row count to within the line breaks inside values. */
static long long
count_lines(const char *s, size_t len)
{
	long long n = 0;

	for (const char *p = s; (p = memchr(p, '\n', len - (size_t)(p - s))); p++)
		n++;
	return n;
}

/* Makes buf UTF-8: strips a BOM, converts Windows-1252. Returns the text
 * to parse (buf itself or *owned), or NULL after reporting why not. */
static const char *
decode(struct reader *r, const char *buf, size_t len, size_t *outlen, char **owned)
{
	const char *nul;
	size_t bad;

	*owned = NULL;
	if (len >= 2 && ((buf[0] == '\xff' && buf[1] == '\xfe') || (buf[0] == '\xfe' && buf[1] == '\xff'))) {
		report(r, false, 1, "the file is UTF-16 (expected UTF-8 or Windows-1252: save it as \"CSV UTF-8\")");
		return NULL;
	}
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if ((nul = memchr(buf, '\0', len))) {
		report(r, false, line_of(buf, (size_t)(nul - buf)),
		       "NUL byte: this is not a text file (expected CSV text)");
		return NULL;
	}
	if (text_utf8_valid(buf, len)) {
		*outlen = len;
		return buf;
	}
	*owned = text_cp1252_to_utf8(buf, len, outlen, &bad);
	if (!*owned) {
		if (bad == (size_t)-1)
			report(r, false, 0, "out of memory");
		else
			report(r, false, line_of(buf, bad),
			       "byte 0x%02X is valid in neither UTF-8 nor Windows-1252 (expected text saved as \"CSV UTF-8\" or \"CSV\")",
			       (unsigned char)buf[bad]);
		return NULL;
	}
	return *owned;
}

int
import_buffer(struct db *db, const struct entity *e, const char *name,
	      const char *buf, size_t len, const struct import_opts *opts,
	      struct import_count *count, long long **kept, size_t *nkept)
{
	struct reader r = { .db = db, .e = e, .name = name, .opts = opts, .count = count, .line = 1 };
	struct csv_parser p;
	const char *text;
	char *owned;
	size_t tlen = 0, at = 0;
	long long before = count->added + count->updated + count->unchanged;

	if (kept) {
		r.kept = *kept;
		r.nkept = r.keptcap = *nkept;
	}
	owned = NULL;
	text = len ? decode(&r, buf, len, &tlen, &owned) : "";
	if (!text)
		goto done;
	if (len == 0 || tlen == 0) {
		report(&r, false, 0, "the file is empty (expected a header row with the columns of %s)", e->name);
		goto done;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		report(&r, false, 0, "out of memory");
		goto done;
	}
	r.delim = detect_delimiter(text, tlen);
	csv_set_delim(&p, r.delim);
	csv_set_space_func(&p, no_space);
	/* libcsv grows a field's buffer by blk_size at a time (128 bytes by
	 * default): a 10 MB value took 80,000 reallocs, quadratic where
	 * realloc copies. A 64th of the file bounds it at 64. */
	csv_set_blk_size(&p, tlen / 64 > 4096 ? tlen / 64 : 4096);

	/* A large file goes in without the table's key index, which is
	 * built again, sorted once, at the end (db_bulk_begin). */
	if (db_bulk_begin(db, e, count_lines(text, tlen)) < 0) {
		report(&r, false, 0, "%s", db_errmsg(db));
		r.db_failed = true;
	}
	/* Feed one line at a time so that every row knows its line number. */
	while (at < tlen && !r.header_bad && !r.db_failed) {
		const char *nl = memchr(text + at, '\n', tlen - at);
		size_t n = nl ? (size_t)(nl - (text + at)) + 1 : tlen - at;

		if (csv_parse(&p, text + at, n, on_field, on_row, &r) != n) {
			report(&r, false, r.line, "%s (expected RFC 4180 quoting: a value with a quote is quoted, and the quote inside is written twice)",
			       csv_strerror(csv_error(&p)));
			break;
		}
		at += n;
		if (nl)
			r.line++;
	}
	if (at >= tlen && !r.header_bad && !r.db_failed &&
	    csv_fini(&p, on_field, on_row, &r) != 0)
		report(&r, false, r.last_row_line + 1,
		       "a quoted value that starts here is never closed (expected a closing \")");
	csv_free(&p);
	if (db_bulk_end(db) < 0 && !r.db_failed) {
		report(&r, false, 0, "%s", db_errmsg(db));
		r.db_failed = true;
	}
	if (!r.have_header && !r.errors)
		report(&r, false, 0, "the file is empty (expected a header row with the columns of %s)", e->name);
	else if (r.have_header && !r.header_bad && !r.errors && !opts->replace &&
		 r.count->added + r.count->updated + r.count->unchanged == before)
		report(&r, false, 0, "no rows after the header (expected at least one row; to empty a table use --replace)");

done:
	free(owned);
	free(r.buf);
	free(r.offs);
	if (kept) {
		*kept = r.kept;
		*nkept = r.nkept;
	} else {
		free(r.kept);
	}
	if (r.db_failed)
		return -1;
	return r.errors;
}

const struct entity *
import_table_for(const char *path)
{
	const char *base = strrchr(path, '/');
	char name[64];
	char *dot;

	snprintf(name, sizeof(name), "%s", base ? base + 1 : path);
	if ((dot = strrchr(name, '.')) && strcasecmp(dot, ".csv") == 0)
		*dot = '\0';
	return entity_find(name);
}

/* One file of the command line. */
struct job {
	const char *path;
	const struct entity *e;
	int order;		/* position on the command line, to keep ties stable */
};

static int
job_cmp(const void *a, const void *b)
{
	const struct job *x = a, *y = b;
	int d = entity_index(x->e) - entity_index(y->e);

	return d ? d : x->order - y->order;
}

/* Reads the file into memory (*map, malloc'd); empty files give len 0.
 * Returns 0 or an exit status after printing why. O_NONBLOCK: a FIFO named like a CSV file
 * must not hang the import until someone writes to it. */
static int
map_file(const char *path, FILE *err, void **map, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	char name[1024];

	*map = NULL;
	*len = 0;
	text_sanitize(name, sizeof(name), path, false);
	if (fd < 0) {
		fprintf(err, "%s: cannot read: %s\n", name, strerror(errno));
		return EXIT_NOINPUT;
	}
	if (fstat(fd, &st) < 0) {
		fprintf(err, "%s: cannot read: %s\n", name, strerror(errno));
		close(fd);
		return EXIT_NOINPUT;
	}
	if (!S_ISREG(st.st_mode)) {
		fprintf(err, "%s: cannot read: %s\n", name,
			S_ISDIR(st.st_mode) ? "it is a directory (expected a CSV file)"
					    : "not a regular file (expected a CSV file)");
		close(fd);
		return EXIT_NOINPUT;
	}
	if (st.st_size > IMPORT_MAX_BYTES) {
		fprintf(err, "%s: the file is %lld MB (expected a spreadsheet of at most %d MB)\n",
			name, (long long)(st.st_size >> 20), IMPORT_MAX_BYTES >> 20);
		close(fd);
		return EXIT_DATAERR;
	}
	/* Read, not mmap: a file that shrinks while it is imported (saved
	 * again by someone) would kill an mmap reader with SIGBUS. */
	if (st.st_size > 0) {
		size_t want = (size_t)st.st_size, got = 0;
		char *buf = malloc(want + 1);

		while (buf && got < want) {
			ssize_t r = read(fd, buf + got, want - got);

			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0) {
				fprintf(err, "%s: cannot read: %s\n", name, strerror(errno));
				free(buf);
				close(fd);
				return EXIT_NOINPUT;
			}
			if (r == 0)
				break;	/* it shrank: take what is there */
			got += (size_t)r;
		}
		if (!buf) {
			fprintf(err, "%s: cannot read: out of memory\n", name);
			close(fd);
			return EXIT_IOERR;
		}
		*map = buf;
		*len = got;
	}
	close(fd);
	return 0;
}

static void
print_summary(const struct import_opts *opts, const struct import_count *counts)
{
	if (opts->quiet || !opts->out)
		return;
	for (int i = 0; i < entity_count; i++) {
		const struct import_count *c = &counts[i];

		if (!c->files)
			continue;
		fprintf(opts->out, "%-14s %lld added, %lld updated, %lld unchanged", entities[i]->name,
			c->added, c->updated, c->unchanged);
		if (opts->replace)
			fprintf(opts->out, ", %lld deleted", c->deleted);
		fputc('\n', opts->out);
	}
	if (opts->dry_run)
		fprintf(opts->out, "dry run: nothing was written\n");
}

int
import_files(struct db *db, char *const *files, int nfiles,
	     const struct import_opts *opts, struct import_count *counts)
{
	struct import_count local[ENTITY_MAX_FIELDS];
	struct job *jobs = calloc((size_t)nfiles, sizeof(*jobs));
	long long *kept[ENTITY_MAX_FIELDS] = { NULL };
	size_t nkept[ENTITY_MAX_FIELDS] = { 0 };
	int status = 0, errors = 0;

	if (!counts)
		counts = local;
	memset(counts, 0, sizeof(*counts) * (size_t)entity_count);
	if (!jobs)
		return EXIT_SOFTWARE;
	for (int i = 0; i < nfiles; i++) {
		jobs[i].path = files[i];
		jobs[i].order = i;
		jobs[i].e = opts->table ? opts->table : import_table_for(files[i]);
		if (!jobs[i].e) {
			char name[1024];

			text_sanitize(name, sizeof(name), files[i], false);
			fprintf(opts->err, "%s: cannot tell which table this is (expected a file named after a table, such as actielijnen.csv, or --table NAME)\n",
				name);
			status = EXIT_USAGE;
		}
	}
	if (status) {
		free(jobs);
		return status;
	}
	qsort(jobs, (size_t)nfiles, sizeof(*jobs), job_cmp);

	/* A big import touches many pages: let them stay in memory. */
	db_exec(db, "PRAGMA cache_size = -65536");
	if (db_begin(db) < 0) {
		fprintf(opts->err, "snw: %s\n", db_errmsg(db));
		free(jobs);
		return EXIT_IOERR;
	}
	for (int i = 0; i < nfiles && status != EXIT_IOERR; i++) {
		int idx = entity_index(jobs[i].e), n, rc;
		void *map;
		size_t len;

		if ((rc = map_file(jobs[i].path, opts->err, &map, &len)) != 0) {
			status = rc;
			continue;
		}
		counts[idx].files++;
		n = import_buffer(db, jobs[i].e, jobs[i].path, map, len, opts, &counts[idx],
				  &kept[idx], &nkept[idx]);
		free(map);
		if (n < 0)
			status = EXIT_IOERR;
		else
			errors += n;
	}
	/* --replace: drop what the files no longer hold, dependants first. */
	for (int i = entity_count - 1; i >= 0 && opts->replace && !status && !errors; i--) {
		if (counts[i].files && db_keep_only(db, entities[i], kept[i], nkept[i], &counts[i].deleted) < 0) {
			fprintf(opts->err, "snw: %s\n", db_errmsg(db));
			status = EXIT_IOERR;
		}
	}
	for (int i = 0; i < entity_count; i++)
		free(kept[i]);
	free(jobs);

	if (!status && errors)
		status = EXIT_DATAERR;
	if (status || opts->dry_run) {
		db_rollback(db);
		if (status) {
			if (errors)
				fprintf(opts->err, "%d error%s: nothing was imported\n", errors, errors == 1 ? "" : "s");
			else
				fprintf(opts->err, "nothing was imported\n");
			if (status == EXIT_IOERR)
				fprintf(opts->err, "snw: %s\n", db_errmsg(db));
			return status;
		}
		print_summary(opts, counts);
		return 0;
	}
	if (db_commit(db) < 0) {
		fprintf(opts->err, "snw: %s\nnothing was imported\n", db_errmsg(db));
		return EXIT_IOERR;
	}
	print_summary(opts, counts);
	return 0;
}
