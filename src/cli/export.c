/*
 * `snw export`: the database back out as the same CSV files the importer
 * reads. The plain form (, UTF-8 LF ISO dates) round-trips exactly; the
 * --excel form is what Excel in a Dutch locale opens cleanly
 * (; UTF-8 BOM CRLF d-m-yyyy).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "cli/csvio.h"
#include "core/date.h"
#include "store/db.h"

struct writer {
	const struct entity *e;
	FILE *fp;
	bool excel;
	bool header;	/* writing the header row: no date conversion */
};

/* Writes one value, quoted only when it has to be (RFC 4180). */
static int
put_value(FILE *fp, const char *v, char delim)
{
	size_t len = strlen(v);

	if (!strchr(v, delim) && !strpbrk(v, "\"\r\n"))
		return fwrite(v, 1, len, fp) == len ? 0 : -1;
	return csv_fwrite(fp, v, len) == 0 ? 0 : -1;
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
		if (put_value(w->fp, v, delim) < 0)
			return -1;
	}
	return fputs(w->excel ? "\r\n" : "\n", w->fp) == EOF ? -1 : 0;
}

int
export_write(struct db *db, const struct entity *e, FILE *fp, bool excel)
{
	struct writer w = { e, fp, excel, true };
	const char *names[ENTITY_MAX_FIELDS];

	if (excel && fputs("\xef\xbb\xbf", fp) == EOF)
		return -1;
	for (int j = 0; j < e->nfields; j++)
		names[j] = e->fields[j].column;
	if (put_row(&w, names) < 0)
		return -1;
	w.header = false;
	return db_each(db, e, put_row, &w) == 0 ? 0 : -1;
}

/* Writes one table to dir/name.csv through a temporary file. */
static int
export_one(struct db *db, const struct entity *e, const struct export_opts *opts)
{
	char path[4096], tmp[4200];
	FILE *fp;
	int fd;

	snprintf(path, sizeof(path), "%s/%s.csv", opts->dir, e->name);
	snprintf(tmp, sizeof(tmp), "%s/.%s.csv.XXXXXX", opts->dir, e->name);
	if ((fd = mkstemp(tmp)) >= 0) {
		/* mkstemp makes 0600; an exported sheet gets the mode any new
		 * file of the user gets (0666 less the umask), so a group can
		 * read what is exported into a shared folder. */
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (fd < 0 || !(fp = fdopen(fd, "w"))) {
		fprintf(opts->err, "%s: cannot write: %s\n", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		return EXIT_CANTCREAT;
	}
	if (export_write(db, e, fp, opts->excel) < 0 && !ferror(fp)) {
		/* Not errno: SQLite leaves its own behind. */
		fprintf(opts->err, "snw: export stopped: %s\n", db_errmsg(db));
		fclose(fp);
		unlink(tmp);
		return EXIT_IOERR;
	}
	if (ferror(fp) || fflush(fp) == EOF || fsync(fileno(fp)) < 0) {
		fprintf(opts->err, "%s: cannot write: %s\n", path, strerror(errno));
		fclose(fp);
		unlink(tmp);
		return EXIT_IOERR;
	}
	if (fclose(fp) == EOF || rename(tmp, path) < 0) {
		fprintf(opts->err, "%s: cannot write: %s\n", path, strerror(errno));
		unlink(tmp);
		return EXIT_IOERR;
	}
	if (opts->out)
		fprintf(opts->out, "%-14s %lld rows to %s\n", e->name, db_count(db, e), path);
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
	db_exec(db, "BEGIN");
	for (int i = 0; i < entity_count && !status; i++)
		if (!o.table || o.table == entities[i])
			status = export_one(db, entities[i], &o);
	db_exec(db, "COMMIT");
	return status;
}
