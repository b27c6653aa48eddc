/*
 * `snw export`: the database back out as the same CSV files the importer
 * reads. The plain form (, UTF-8 LF ISO dates) is written verbatim and
 * round-trips exactly; the --excel form is what Excel in a Dutch locale
 * opens cleanly and safely (; UTF-8 BOM CRLF d-m-yyyy, and no cell that
 * Excel would evaluate as a formula: see excel_marked), and round-trips
 * exactly too.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "core/alloc.h"
#include "cli/csvio.h"
#include "cli/progress.h"
#include "core/date.h"
#include "core/i18n.h"
#include "store/db.h"
#include "store/read.h"

struct writer {
	const struct entity *e;
	FILE *fp;
	bool excel;
	bool header;	/* writing the header row: no date conversion */
	struct progress *progress;	/* NULL: none */
	long long rows, total;
};

/*
 * CSV injection: a cell that starts with = + - @ TAB or CR is evaluated by
 * Excel as a formula (=HYPERLINK(...), +cmd|' /C calc'!A0, @SUM(...)),
 * whoever typed it into the database. In the --excel form such a cell,
 * and one that starts with ' (so that the mark stays unambiguous), gets
 * one ' in front: Excel's own sign for "this is text", which it does not
 * show. snw import takes it off again (in a file that starts with a BOM,
 * as these do), so the value comes back byte for byte. The OWASP rule;
 * the plain form stays verbatim, for programs rather than spreadsheets.
 */
static bool
excel_marked(const char *v)
{
	return *v && strchr("=+-@\t\r'", *v);
}

/* Writes one value, quoted only when it has to be (RFC 4180), with the
 * text mark in front when mark is set. */
static int
put_value(FILE *fp, const char *v, char delim, bool mark)
{
	size_t len = strlen(v);
	char *marked = NULL;
	int rc;

	if (mark) {
		marked = xmalloc(len + 2);
		marked[0] = '\'';
		memcpy(marked + 1, v, len + 1);
		v = marked;
		len++;
	}
	if (!strchr(v, delim) && !strpbrk(v, "\"\r\n"))
		rc = fwrite(v, 1, len, fp) == len ? 0 : -1;
	else
		rc = csv_fwrite(fp, v, len) == 0 ? 0 : -1;
	free(marked);
	return rc;
}

static bool
is_date(const struct field *f)
{
	return f->type == FT_DATE || f->type == FT_DATE_START || f->type == FT_DATE_END ||
	       f->type == FT_MEETING;
}

static int
put_row(void *ctx, const char *const *vals)
{
	struct writer *w = ctx;
	char delim = w->excel ? ';' : ',';

	for (int j = 0; j < w->e->nfields; j++) {
		const char *v = vals[j];
		char dmy[11];

		if (j && fputc(delim, w->fp) == EOF)
			return -1;
		if (w->excel && !w->header && is_date(&w->e->fields[j]) && *v) {
			date_format_dmy(v, dmy);
			v = dmy;
		}
		if (put_value(w->fp, v, delim, w->excel && !w->header && excel_marked(v)) < 0)
			return -1;
	}
	if (!w->header && w->progress) {
		w->rows++;
		progress_update(w->progress, w->rows, w->total > 0 ? (double)w->rows / (double)w->total : -1);
	}
	return fputs(w->excel ? "\r\n" : "\n", w->fp) == EOF ? -1 : 0;
}

/* export_write with a progress line for `total` rows. */
static int
write_table(struct db *db, const struct entity *e, FILE *fp, bool excel,
	    struct progress *progress, long long total)
{
	struct writer w = { e, fp, excel, true, progress, 0, total };
	const char *names[ENTITY_MAX_FIELDS];

	if (excel && fputs("\xef\xbb\xbf", fp) == EOF)
		return -1;
	for (int j = 0; j < e->nfields; j++)
		names[j] = e->fields[j].column;
	if (put_row(&w, names) < 0)
		return -1;
	w.header = false;
	/* a row that could not be written stops the walk: ferror says so */
	return db_each(db, e, put_row, &w) == RES_OK ? 0 : -1;
}

int
export_write(struct db *db, const struct entity *e, FILE *fp, bool excel)
{
	return write_table(db, e, fp, excel, NULL, 0);
}

/* The mode of an exported file: what the umask allows, and never more
 * than the database allows (its group and others bits): the export holds
 * the same data. A umask of 000 made them 0666 before. */
static mode_t
export_mode(struct db *db)
{
	mode_t mask = umask(0);
	int dbm = db_file_mode(db);

	umask(mask);
	return 0666 & ~mask & (0600 | (mode_t)(dbm < 0 ? 0 : dbm & 0066));
}

FILE *
output_open_beside(struct db *db, const char *path, char *tmp, size_t tmpsz)
{
	const char *base = strrchr(path, '/');
	int fd, len;
	FILE *fp;

	base = base ? base + 1 : path;
	len = snprintf(tmp, tmpsz, "%.*s.%s.XXXXXX", (int)(base - path), path, base);
	if (len < 0 || (size_t)len >= tmpsz) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if ((fd = mkstemp(tmp)) < 0)
		return NULL;
	/* mkstemp makes 0600; the file gets the mode a new file of the user
	 * gets, as far as the database's allows: a group that shares the
	 * database can read what is written into a shared folder. */
	if (fchmod(fd, export_mode(db)) < 0 || !(fp = fdopen(fd, "w"))) {
		int saved = errno;

		close(fd);
		unlink(tmp);
		errno = saved;
		return NULL;
	}
	return fp;
}

/* Writes one table to dir/name.csv through a temporary file. */
static int
export_one(struct db *db, const struct entity *e, const struct export_opts *opts)
{
	char path[4096], tmp[4200];
	struct progress progress;
	long long total;
	FILE *fp;
	int rc;

	snprintf(path, sizeof(path), "%s/%s.csv", opts->dir, e->name);
	if (!(fp = output_open_beside(db, path, tmp, sizeof(tmp)))) {
		fprintf(opts->err, _("%s: kan niet geschreven worden: %s\n"), path, strerror(errno));
		return EXIT_CANTCREAT;
	}
	if (db_count(db, e, &total) < 0)
		total = -1;	/* the progress line goes without a percentage */
	progress_start(&progress, opts->err, path);
	rc = write_table(db, e, fp, opts->excel, &progress, total);
	progress_end(&progress);
	if (rc < 0 && !ferror(fp)) {
		char why[RESULT_TEXT_MAX];

		/* Not errno: SQLite leaves its own behind. */
		fprintf(opts->err, _("snw: export gestopt: %s\n"), result_text(db_result(db), why, sizeof(why)));
		fclose(fp);
		unlink(tmp);
		return EXIT_IOERR;
	}
	if (ferror(fp) || fflush(fp) == EOF || fsync(fileno(fp)) < 0) {
		fprintf(opts->err, _("%s: kan niet geschreven worden: %s\n"), path, strerror(errno));
		fclose(fp);
		unlink(tmp);
		return EXIT_IOERR;
	}
	if (fclose(fp) == EOF || rename(tmp, path) < 0) {
		fprintf(opts->err, _("%s: kan niet geschreven worden: %s\n"), path, strerror(errno));
		unlink(tmp);
		return EXIT_IOERR;
	}
	if (opts->out) {
		char n[32];

		/* the table (by its name, as --table takes it), then a sentence */
		fprintf(opts->out, "%-14s ", e->name);
		fprintf(opts->out, _n("%s rij naar %s\n", "%s rijen naar %s\n", total), i18n_count(total, n), path);
	}
	return 0;
}

int
export_tables(struct db *db, const struct export_opts *opts)
{
	struct export_opts o = *opts;
	int status = 0;

	if (!o.dir)
		o.dir = ".";
	/* One read transaction: all files show the same moment, even while
	 * someone else is editing. */
	db_snapshot(db);
	for (int i = 0; i < entity_count && !status; i++)
		if (!o.table || o.table == entities[i])
			status = export_one(db, entities[i], &o);
	db_snapshot_end(db);
	return status;
}
