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

static int
put_entry(void *ctx, const struct log_entry *e)
{
	FILE *fp = ctx;
	char who[64], src[64], title[256], what[1200], n[32];

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
		/* TRANSLATORS: an entry's title, a field, its old and new value. */
		snprintf(what, sizeof(what), _("\"%s\": %s: %s -> %s"), title, e->field,
			 e->old ? e->old : _("(leeg)"), e->new ? e->new : _("(leeg)"));
		break;
	case LOG_ADDED_MANY:
		/* TRANSLATORS: a number and a table ("actielijnen"). */
		snprintf(what, sizeof(what), _("toegevoegd: %s %s"), i18n_count(e->count, n), e->e->name);
		fprintf(fp, "%s  %s %s %s %lld-%lld  %s\n", e->when, pad(who, sizeof(who), e->who, 12),
			pad(src, sizeof(src), source_word(e->source), 9), e->e->name, e->id, e->last, what);
		return ferror(fp) ? -1 : 0;
	}
	fprintf(fp, "%s  %s %s %s %lld  %s\n", e->when, pad(who, sizeof(who), e->who, 12),
		pad(src, sizeof(src), source_word(e->source), 9), e->e->singular, e->id, what);
	return ferror(fp) ? -1 : 0;
}

int
log_write(struct db *db, const struct log_query *q, FILE *fp)
{
	return history_each(db, q, put_entry, fp);
}
