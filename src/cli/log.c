/*
 * `snw log`: the entries of the history (model/history.c reads them) as
 * lines for a terminal or a file, each naming its entry by title.
 */

#include <stdio.h>
#include <string.h>

#include "core/entity.h"
#include "core/i18n.h"
#include "core/text.h"
#include "cli/log.h"

/* Through what a change came, in the language shown. */
static const char *
source_word(const char *source)
{
	if (strcmp(source, "form") == 0)
		return C_("bron", "formulier");
	if (strcmp(source, "import") == 0)
		return C_("bron", "import");
	if (strcmp(source, "undo") == 0)
		return C_("bron", "ongedaan");
	if (strcmp(source, "wissel") == 0)
		return C_("bron", "wissel");
	return source;
}

/* Pads s (safe text) with spaces to `cols` display columns into buf. */
static const char *
pad(char *buf, size_t sz, const char *s, int cols)
{
	int w = text_fit(buf, sz, s, cols);
	size_t len = strlen(buf);

	while (w++ < cols && len + 1 < sz)
		buf[len++] = ' ';
	buf[len] = '\0';
	return buf;
}

/* The field a column of the history names ("status", "domein_id"), or
 * NULL. */
static const struct field *
field_of(const struct entity *e, const char *column)
{
	char col[64];
	size_t len = strlen(column);
	int j;

	snprintf(col, sizeof(col), "%s", column);
	if (len > 3 && len < sizeof(col) && strcmp(col + len - 3, "_id") == 0)
		col[len - 3] = '\0';
	j = entity_field_index(e, col);
	return j >= 0 ? &e->fields[j] : NULL;
}

/* A field's value as the log shows it: a status in the language shown,
 * anything else as stored; NULL is empty. */
static const char *
value_shown(const struct field *f, const char *v)
{
	if (!v)
		return _("(leeg)");
	return f ? field_value_word(f, v) : v;
}

static int
put_entry(void *ctx, const struct log_entry *e)
{
	FILE *fp = ctx;
	char who[64], src[64], title[256], what[1200], n[64];
	const struct field *f;

	text_fit(title, sizeof(title), e->title, 50);
	switch (e->kind) {
	case LOG_ADDED:
		if (e->gone && !*title)
			snprintf(what, sizeof(what), "%s", _("toegevoegd, inmiddels verwijderd"));
		else
			snprintf(what, sizeof(what), _("toegevoegd: \"%s\""), title);
		break;
	case LOG_DELETED:
		snprintf(what, sizeof(what), _("verwijderd: \"%s\""), title);
		break;
	case LOG_FIELD:
		f = field_of(e->e, e->field);
		/* TRANSLATORS: an entry's title, a field, its old and new value. */
		snprintf(what, sizeof(what), _("\"%s\": %s: %s -> %s"), title, f ? field_label(f) : e->field,
			 value_shown(f, e->old), value_shown(f, e->new));
		break;
	case LOG_ADDED_MANY:
		/* TRANSLATORS: a number of entries of a kind ("1.000 actielijnen") */
		snprintf(what, sizeof(what), _("toegevoegd: %s"), entity_count_text(e->e, e->count, n, sizeof(n)));
		fprintf(fp, "%s  %s %s %s %lld-%lld  %s\n", e->when, pad(who, sizeof(who), e->who, 12),
			pad(src, sizeof(src), source_word(e->source), 9), _(e->e->words->kind), e->id, e->last, what);
		return ferror(fp) ? -1 : 0;
	}
	/* when, who, how, the kind and id of the entry, what happened */
	fprintf(fp, "%s  %s %s %s %lld  %s\n", e->when, pad(who, sizeof(who), e->who, 12),
		pad(src, sizeof(src), source_word(e->source), 9), _(e->e->words->kind), e->id, what);
	return ferror(fp) ? -1 : 0;
}

int
log_write(struct db *db, const struct log_query *q, FILE *fp)
{
	return history_each(db, q, put_entry, fp);
}
