/*
 * `snw import`: spreadsheets (CSV) into the database.
 *
 * A file goes through four steps: read, decode (BOM, UTF-8 or
 * Windows-1252), parse (libcsv, delimiter detected from the header) and
 * per row: check every value with the entity rules, then upsert. Errors
 * are collected, not fatal, so the user sees all of them at once; the
 * caller rolls the transaction back when there was any.
 *
 * Reading, decoding, parsing and checking run on a thread of their own
 * (the parser: import_read.c, import_parse.c), a block of lines at a
 * time, so the file is never in memory whole; the database writes on the
 * calling thread (the writer: import_write.c): on two cores a large file
 * takes as long as the slower of the two, not their sum.
 *
 * This file holds the command (the files in dependency order, one
 * transaction, the summary) and the pipeline between the two threads: the
 * parser hands over batches of checked rows and of messages in file
 * order; only the writer prints, counts and touches the database, so the
 * messages come out in line order and SQLite is used by one thread.
 */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import_priv.h"
#include "core/i18n.h"
#include "core/fault.h"
#include "store/db.h"
#include "store/write.h"
#include "core/text.h"

static void
batch_clear(struct batch *b)
{
	b->len = b->nvals = b->n = 0;
}

static void
batch_free(struct batch *b)
{
	free(b->text);
	free(b->vals);
	free(b->items);
}

/* The parser's next empty batch: waits while the writer is behind. */
static struct batch *
next_batch(struct queue *q)
{
	struct batch *b;

	if (!q->threaded)
		return &q->b[0];
	pthread_mutex_lock(&q->mu);
	while (q->count == NBATCHES)
		pthread_cond_wait(&q->changed, &q->mu);
	b = &q->b[(q->head + q->count) % NBATCHES];
	pthread_mutex_unlock(&q->mu);
	batch_clear(b);
	return b;
}

/* Hands the parser's current batch to the writer. */
void
import_hand_over(struct parser *p)
{
	struct queue *q = p->q;

	p->cur->done = p->done;
	if (!q->threaded) {
		import_consume(p->w, p->cur);
		batch_clear(p->cur);
		return;
	}
	pthread_mutex_lock(&q->mu);
	q->count++;
	pthread_cond_signal(&q->changed);
	pthread_mutex_unlock(&q->mu);
	p->cur = next_batch(q);
}

/* The writer's next full batch, or NULL when the parser is done. */
static struct batch *
take_batch(struct queue *q)
{
	struct batch *b = NULL;

	pthread_mutex_lock(&q->mu);
	while (q->count == 0 && !q->done)
		pthread_cond_wait(&q->changed, &q->mu);
	if (q->count > 0)
		b = &q->b[q->head];
	pthread_mutex_unlock(&q->mu);
	return b;
}

/* The writer is done with the oldest batch. */
static void
release_batch(struct queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->head = (q->head + 1) % NBATCHES;
	q->count--;
	pthread_cond_signal(&q->changed);
	pthread_mutex_unlock(&q->mu);
}

/* The parser thread: parse, hand over the last batch, say so. */
static void *
parser_main(void *arg)
{
	struct parser *p = arg;
	struct queue *q = p->q;

	import_parse(p);
	p->cur->done = p->done;
	pthread_mutex_lock(&q->mu);
	q->count++;		/* the last batch, perhaps empty */
	q->done = true;
	pthread_cond_signal(&q->changed);
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

/* Runs the parser on its own thread and writes what it hands over; when
 * no thread can be started, the parser writes each batch itself. */
static void
parse_and_write(struct parser *p, struct writer *w)
{
	struct queue q = { .threaded = true };
	pthread_t tid;
	struct batch *b;

	pthread_mutex_init(&q.mu, NULL);
	pthread_cond_init(&q.changed, NULL);
	p->q = &q;
	p->w = w;
	p->stop = &w->stop;
	p->cur = next_batch(&q);
	if (pthread_create(&tid, NULL, parser_main, p) != 0) {
		q.threaded = false;
		import_parse(p);
		p->cur->done = p->done;
		import_consume(w, p->cur);
	} else {
		while ((b = take_batch(&q))) {
			if (!w->db_failed)
				import_consume(w, b);
			release_batch(&q);
		}
		pthread_join(tid, NULL);
	}
	for (int i = 0; i < NBATCHES; i++)
		batch_free(&q.b[i]);
	pthread_cond_destroy(&q.changed);
	pthread_mutex_destroy(&q.mu);
}

/* Imports one file from src (see import_buffer). */
static int
import_source(struct db *db, const struct entity *e, const char *name, struct source *src,
	      const struct import_opts *opts, struct import_count *count,
	      long long **kept, size_t *nkept)
{
	struct writer w = { .db = db, .e = e, .name = name, .opts = opts, .count = count };
	struct parser p = { .e = e, .src = src };
	long long before = count->added + count->updated + count->unchanged;

	atomic_init(&w.stop, false);
	if (kept) {
		w.kept = *kept;
		w.nkept = w.keptcap = *nkept;
	}
	w.size = src->len;
	progress_start(&w.progress, opts->quiet ? NULL : opts->err, name);
	parse_and_write(&p, &w);
	progress_end(&w.progress);
	if (db_bulk_end(db) < 0 && !w.db_failed)
		import_give_up(&w, 0);
	if (!p.have_header && !w.errors)
		import_report(&w, false, 0, &(struct file_problem){ .kind = FILE_EMPTY, .e = e });
	else if (p.have_header && !p.header_bad && !w.errors && !opts->replace &&
		 w.count->added + w.count->updated + w.count->unchanged == before)
		import_report(&w, false, 0, &(struct file_problem){ .kind = FILE_NO_ROWS });

	free(p.buf);
	free(p.offs);
	if (kept) {
		*kept = w.kept;
		*nkept = w.nkept;
	} else {
		free(w.kept);
	}
	if (w.db_failed)
		return -1;
	return w.errors;
}

int
import_buffer(struct db *db, const struct entity *e, const char *name,
	      const char *buf, size_t len, const struct import_opts *opts,
	      struct import_count *count, long long **kept, size_t *nkept)
{
	struct source src = { .fd = -1, .mem = buf, .len = len };

	return import_source(db, e, name, &src, opts, count, kept, nkept);
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

/* Says on opts->err what db_result says. */
static void
say_failed(const struct import_opts *opts, struct db *db)
{
	char why[RESULT_TEXT_MAX];

	fprintf(opts->err, "snw: %s\n", result_text(db_result(db), why, sizeof(why)));
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

/* Opens a file to import: a regular file of at most IMPORT_MAX_BYTES.
 * Returns 0 with *fd and *size set, or an exit status after printing
 * why. O_NONBLOCK: a FIFO named like a CSV file must not hang the import
 * until someone writes to it. The file is read, never mapped: one that
 * shrinks while it is imported (saved again by someone) would kill a
 * reader of a mapping with SIGBUS; read() just ends early. */
static int
open_file(const char *path, FILE *err, int *fd, size_t *size)
{
	struct file_problem fp = { .kind = FILE_CANT_READ };
	struct stat st;
	char name[1024], msg[1024];
	int status = EXIT_NOINPUT;

	text_sanitize(name, sizeof(name), path, false);
	if ((*fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0) {
		fp.sys = errno;
		fprintf(err, "%s: %s\n", name, file_problem_text(&fp, msg, sizeof(msg)));
		return EXIT_NOINPUT;
	}
	if (fstat(*fd, &st) < 0) {
		fp.sys = errno;
	} else if (!S_ISREG(st.st_mode)) {
		fp.kind = S_ISDIR(st.st_mode) ? FILE_DIRECTORY : FILE_NOT_REGULAR;
	} else if (st.st_size > IMPORT_MAX_BYTES) {
		fp = (struct file_problem){ .kind = FILE_TOO_BIG, .n = (long long)(st.st_size >> 20),
					    .m = IMPORT_MAX_BYTES >> 20 };
		status = EXIT_DATAERR;
	} else {
		*size = (size_t)st.st_size;
		return 0;
	}
	fprintf(err, "%s: %s\n", name, file_problem_text(&fp, msg, sizeof(msg)));
	close(*fd);
	return status;
}

/* Per table (by its name, as --table takes it) what the import did:
 * "actielijnen    1 toegevoegd, 0 bijgewerkt, 45 ongewijzigd". */
static void
print_summary(const struct import_opts *opts, const struct import_count *counts)
{
	if (opts->quiet || !opts->out)
		return;
	for (int i = 0; i < entity_count; i++) {
		const struct import_count *c = &counts[i];
		char a[32], u[32], s[32], d[32];

		if (!c->files)
			continue;
		i18n_count(c->added, a);
		i18n_count(c->updated, u);
		i18n_count(c->unchanged, s);
		fprintf(opts->out, "%-14s ", entities[i]->name);
		if (opts->replace)
			fprintf(opts->out, _("%s toegevoegd, %s bijgewerkt, %s ongewijzigd, %s verwijderd\n"),
				a, u, s, i18n_count(c->deleted, d));
		else
			fprintf(opts->out, _("%s toegevoegd, %s bijgewerkt, %s ongewijzigd\n"), a, u, s);
	}
	if (opts->dry_run)
		fputs(_("proefimport (--dry-run): er is niets geschreven\n"), opts->out);
}

int
import_files(struct db *db, char *const *files, int nfiles,
	     const struct import_opts *opts, struct import_count *counts)
{
	struct import_count local[ENTITY_MAX_FIELDS];
	struct job *jobs = xcalloc((size_t)nfiles, sizeof(*jobs));
	long long *kept[ENTITY_MAX_FIELDS] = { NULL };
	size_t nkept[ENTITY_MAX_FIELDS] = { 0 };
	int status = 0, errors = 0;
	bool complete = false;
	long long cache;

	if (!counts)
		counts = local;
	memset(counts, 0, sizeof(*counts) * (size_t)entity_count);
	for (int i = 0; i < nfiles; i++) {
		jobs[i].path = files[i];
		jobs[i].order = i;
		jobs[i].e = opts->table ? opts->table : import_table_for(files[i]);
		if (!jobs[i].e) {
			char name[1024];

			char msg[1024];

			text_sanitize(name, sizeof(name), files[i], false);
			fprintf(opts->err, "%s: %s\n", name,
				file_problem_text(&(struct file_problem){ .kind = FILE_WHICH_TABLE }, msg, sizeof(msg)));
			status = EXIT_USAGE;
		}
	}
	if (status) {
		free(jobs);
		return status;
	}
	qsort(jobs, (size_t)nfiles, sizeof(*jobs), job_cmp);

	/* A big import touches many pages: let them stay in memory. */
	cache = db_cache_size(db, -65536);
	if (db_begin(db) < 0) {
		say_failed(opts, db);
		db_cache_size(db, cache);
		free(jobs);
		return EXIT_IOERR;
	}
	/* Filling a new database: another snw may have filled it while this
	 * one waited for the write lock (two first runs at once). */
	if (opts->fill_new && (db_complete(db, &complete) < 0 || complete)) {
		if (!complete)
			say_failed(opts, db);
		db_rollback(db);
		db_cache_size(db, cache);
		free(jobs);
		return complete ? 0 : EXIT_IOERR;
	}
	for (int i = 0; i < nfiles && status != EXIT_IOERR; i++) {
		int idx = entity_index(jobs[i].e), n, rc;
		struct source src = { .fd = -1 };

		if ((rc = open_file(jobs[i].path, opts->err, &src.fd, &src.len)) != 0) {
			status = rc;
			continue;
		}
		counts[idx].files++;
		n = import_source(db, jobs[i].e, jobs[i].path, &src, opts, &counts[idx],
				  &kept[idx], &nkept[idx]);
		close(src.fd);
		if (opts->fill_new)
			fault_point("create");
		if (n < 0)
			status = EXIT_IOERR;
		else
			errors += n;
	}
	/* --replace: drop what the files no longer hold, dependants first. */
	for (int i = entity_count - 1; i >= 0 && opts->replace && !status && !errors; i--) {
		if (counts[i].files && db_keep_only(db, entities[i], kept[i], nkept[i], &counts[i].deleted) < 0) {
			say_failed(opts, db);
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
		db_cache_size(db, cache);
		if (status) {
			char n[32];

			if (errors)
				fprintf(opts->err, _n("%s fout: er is niets geïmporteerd\n",
						      "%s fouten: er is niets geïmporteerd\n", errors),
					i18n_count(errors, n));
			else
				fputs(_("er is niets geïmporteerd\n"), opts->err);
			if (status == EXIT_IOERR)
				say_failed(opts, db);
			return status;
		}
		print_summary(opts, counts);
		return 0;
	}
	/* The mark goes in with the data, in one transaction: a database
	 * that has it is whole (db_complete). So does the data's peildatum. */
	if (opts->fill_new && ((opts->peildatum && db_state_peildatum(db, opts->peildatum) < 0) ||
			       db_mark_complete(db) < 0)) {
		say_failed(opts, db);
		fputs(_("er is niets geïmporteerd\n"), opts->err);
		db_rollback(db);
		db_cache_size(db, cache);
		return EXIT_IOERR;
	}
	if (db_commit(db) < 0) {
		db_cache_size(db, cache);
		say_failed(opts, db);
		fputs(_("er is niets geïmporteerd\n"), opts->err);
		return EXIT_IOERR;
	}
	db_cache_size(db, cache);
	print_summary(opts, counts);
	return 0;
}
