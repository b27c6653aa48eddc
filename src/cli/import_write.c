/*
 * The import's writer (the calling thread): takes in what the parser
 * handed over, in order; writes each checked row through the store, keeps
 * the ids for --replace, counts, and prints every message sanitized.
 */

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"
#include "core/i18n.h"
#include "store/db.h"
#include "store/write.h"
#include "core/text.h"

/* Prints one message about the file, sanitized: file content never
 * reaches the terminal as control codes. Counts it as an error unless
 * warning is set. */
static void
say(struct writer *w, bool warning, long line, const char *msg)
{
	int max = w->opts->max_messages > 0 ? w->opts->max_messages : DEFAULT_MAX_MESSAGES;
	char safe[2048], name[1024];

	if (!warning)
		w->errors++;
	if (w->shown++ >= max || !w->opts->err)
		return;
	text_sanitize(safe, sizeof(safe), msg, false);
	text_sanitize(name, sizeof(name), w->name, false);	/* file names are data too */
	/* FILE:LINE: what is wrong; a warning says so first */
	if (line > 0 && warning)
		fprintf(w->opts->err, _("%s:%ld: waarschuwing: %s\n"), name, line, safe);
	else if (line > 0)
		fprintf(w->opts->err, "%s:%ld: %s\n", name, line, safe);
	else if (warning)
		fprintf(w->opts->err, _("%s: waarschuwing: %s\n"), name, safe);
	else
		fprintf(w->opts->err, "%s: %s\n", name, safe);
}

void
import_report(struct writer *w, bool warning, long line, const struct file_problem *fp)
{
	char msg[1024];

	say(w, warning, line, file_problem_text(fp, msg, sizeof(msg)));
}

/* The database failed (disk full, locked, ...): the import cannot go on.
 * Says what db_result says. */
void
import_give_up(struct writer *w, long line)
{
	char why[RESULT_TEXT_MAX];

	say(w, false, line, result_text(db_result(w->db), why, sizeof(why)));
	w->db_failed = true;
	atomic_store(&w->stop, true);
}

static void
keep_id(struct writer *w, long long id)
{
	if (!w->opts->replace)
		return;
	import_grow((void **)&w->kept, &w->keptcap, w->nkept + 1, sizeof(*w->kept));
	w->kept[w->nkept++] = id;
}

/* Writes one checked row. */
static void
write_row(struct writer *w, long line, const char *const *vals)
{
	char err[RESULT_TEXT_MAX];
	enum db_change change;
	long long id;

	switch (db_upsert(w->db, w->e, vals, &change, &id)) {
	case RES_OK:
		break;
	case RES_INVALID:	/* a reference that does not resolve: the data's fault */
	case RES_DUPLICATE:	/* a value another entry has: the data's too */
		say(w, false, line, result_text(db_result(w->db), err, sizeof(err)));
		return;
	default:
		import_give_up(w, line);
		return;
	}
	keep_id(w, id);
	if (change == DB_ADDED)
		w->count->added++;
	else if (change == DB_UPDATED)
		w->count->updated++;
	else
		w->count->unchanged++;
}

/* Takes in what the parser handed over, in order. */
void
import_consume(struct writer *w, const struct batch *b)
{
	const char *vals[ENTITY_MAX_FIELDS];

	/* A large file goes in without the table's key index, which is
	 * built again, sorted once, at the end (db_bulk_begin). */
	if (!w->begun) {
		w->begun = true;
		if (db_bulk_begin(w->db, w->e, b->rows) < 0)
			import_give_up(w, 0);
	}
	for (size_t i = 0; i < b->n && !w->db_failed; i++) {
		const struct item *it = &b->items[i];

		if (it->kind != ITEM_ROW) {
			say(w, it->kind == ITEM_WARNING, it->line, b->text + it->at);
			continue;
		}
		for (int f = 0; f < w->e->nfields; f++) {
			size_t off = b->vals[it->at + (size_t)f];

			vals[f] = off == NOT_GIVEN ? NULL : b->text + off;
		}
		write_row(w, it->line, vals);
		w->rows++;
	}
	progress_update(&w->progress, w->rows, w->size ? (double)b->done / (double)w->size : -1);
}
