/*
 * `snw minutes DATE`: the besluitenlijst and actielijst of one meeting as
 * the AB secretary sends it round: the meeting (date, kind, place), its
 * decisions by agenda item, its actions with owner and deadline, and the
 * open actions of earlier meetings (an AB actielijst is cumulative). The
 * same document blocks as the report (cli/doc.h), in the same formats.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/date.h"
#include "core/entity.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/db.h"
#include "cli/doc.h"
#include "cli/report.h"
#include "model/minutes.h"

struct mins {
	struct db *db;
	struct doc *doc;
	const struct report_opts *o;
	int n;			/* rows of the section being written */
	char agendapunt[1024];	/* of the decisions being written */
	bool earlier;		/* writing the open actions of earlier meetings */
};

static const char *
day(const char *iso, char *buf, size_t sz, const char *none)
{
	if (!iso || !*iso)
		return none;
	date_format_short(iso, buf, sz);
	return buf;
}

/* A decision, under the heading of its agenda item. */
static int
put_decision(void *ctx, const struct minutes_decision *b)
{
	struct mins *m = ctx;
	char *note, *t;

	if (m->n++ == 0 || strcmp(m->agendapunt, b->agendapunt) != 0) {
		snprintf(m->agendapunt, sizeof(m->agendapunt), "%s", b->agendapunt);
		doc_heading(m->doc, 3, *b->agendapunt ? b->agendapunt : _("Zonder agendapunt"), 0);
		doc_list_begin(m->doc);
	}
	note = report_with_source("", b->bron);
	t = note ? doc_fmt("%s\n%s", b->besluit, note) : NULL;
	doc_item(m->doc, t ? t : b->besluit);
	free(t);
	free(note);
	return 0;
}

/* An action item: the meeting's own, or an open one of an earlier
 * meeting (then with that meeting's date). */
static int
put_action(void *ctx, const struct minutes_action *a)
{
	struct mins *m = ctx;
	bool late = *a->deadline && strcmp(a->deadline, m->o->today) < 0 && strcmp(a->status, STATUS_GEDAAN) != 0;
	char d[32], v[32], *due, *note;

	if (m->n++ == 0) {
		struct doc_col cols[4] = {
			{ _("Actie"), 0, DOC_COL_LONG }, { _("Eigenaar"), 18, 0 },
			{ _("Deadline"), 20, 0 },
			{ m->earlier ? _("Vergadering") : _("Status"), 12, 0 },
		};

		doc_table_begin(m->doc, NULL, cols, 4);
	}
	day(a->deadline, d, sizeof(d), "");
	due = late ? doc_fmt(_("%s (te laat)"), d) : xstrdup(*a->deadline ? d : _("geen"));
	note = report_with_source(a->domein, a->bron);
	doc_table_row(m->doc, (const struct doc_cell[]){
		{ a->actie, note, NULL },
		{ *a->eigenaar ? a->eigenaar : _("onbekend"), NULL, NULL },
		{ due ? due : "", NULL, NULL },
		{ m->earlier ? day(a->vergadering, v, sizeof(v), "") : status_word(*a->status ? a->status : STATUS_OPEN),
		  NULL, NULL },
	}, late ? DOC_ROW_LATE : 0);
	free(note);
	free(due);
	return 0;
}

/* The document of meeting mt. */
static int
minutes_body(struct mins *m, const struct meeting_brief *mt)
{
	char d[32], t[32], *s;

	day(mt->datum, d, sizeof(d), "");
	s = doc_fmt(_("Besluitenlijst en actielijst %s"), d);
	doc_title(m->doc, s, *mt->titel ? mt->titel : NULL);
	free(s);
	doc_pairs_begin(m->doc);
	doc_pair(m->doc, _("Datum"), d);
	doc_pair(m->doc, _("Soort"), soort_word(mt->soort));
	doc_pair(m->doc, _("Locatie"), *mt->locatie ? mt->locatie : _("niet vastgelegd"));
	if (*mt->bron)
		doc_pair(m->doc, _("Bron"), mt->bron);
	doc_pair(m->doc, _("Stand van de acties op"), day(m->o->today, t, sizeof(t), ""));
	doc_pairs_end(m->doc);

	doc_heading(m->doc, 2, _("Besluiten"), 0);
	m->n = 0;
	if (minutes_decisions_each(m->db, mt->id, put_decision, m) < 0)
		return -1;
	doc_list_end(m->doc);
	if (m->n == 0)
		doc_para(m->doc, _("Geen besluiten vastgelegd."), 0);

	doc_heading(m->doc, 2, _("Acties uit deze vergadering"), 0);
	m->n = 0;
	m->earlier = false;
	if (minutes_actions_each(m->db, mt->id, put_action, m) < 0)
		return -1;
	doc_table_end(m->doc);
	if (m->n == 0)
		doc_para(m->doc, _("Geen acties vastgelegd."), 0);

	doc_heading(m->doc, 2, _("Openstaande acties uit eerdere vergaderingen"), 0);
	m->n = 0;
	m->earlier = true;
	if (minutes_open_before_each(m->db, mt->datum, put_action, m) < 0)
		return -1;
	doc_table_end(m->doc);
	if (m->n == 0)
		doc_para(m->doc, _("Geen openstaande acties uit eerdere vergaderingen."), 0);
	return 0;
}

/* Collects meeting dates for the message that names them. */
struct dates {
	char text[512];
	int n;
};

static int
add_date(void *ctx, const char *datum)
{
	struct dates *ds = ctx;
	char d[32];
	size_t len = strlen(ds->text);

	date_format_short(datum, d, sizeof(d));
	snprintf(ds->text + len, sizeof(ds->text) - len, "%s%s", ds->n++ ? ", " : "", d);
	return 0;
}

int
minutes_write(struct db *db, const char *date, const struct report_opts *o, FILE *fp,
	      char *err, size_t errsz)
{
	struct mins m = { .db = db, .o = o };
	struct meeting_brief mt;
	struct dates ds = { "", 0 };
	char iso[11], shown[64], d[32];
	int rc;

	text_fit(shown, sizeof(shown), date, 40);
	if (!date_parse(date, DATE_POINT, iso)) {
		snprintf(err, errsz, _("'%s' is geen datum (verwacht: de datum van een vergadering, zoals 21-12-2023)"),
			 shown);
		return REPORT_NOT_FOUND;
	}
	model_snapshot(db);
	if ((rc = minutes_meeting(db, iso, &mt)) != RES_OK) {
		if (rc == RES_NOT_FOUND && minutes_dates_each(db, 12, add_date, &ds) == 0)
			snprintf(err, errsz, _("er is geen vergadering op %s (vergaderingen: %s)"),
				 day(iso, d, sizeof(d), ""), ds.n ? ds.text : _("geen"));
		else
			result_text(db_result(db), err, errsz);
		model_snapshot_end(db);
		return rc == RES_NOT_FOUND ? REPORT_NOT_FOUND : -1;
	}
	m.doc = doc_new(o->format, fp, o->width);
	if ((rc = minutes_body(&m, &mt)) < 0)
		result_text(db_result(db), err, errsz);
	if (doc_close(m.doc) < 0 && rc == 0) {
		snprintf(err, errsz, "%s", _("de besluitenlijst kon niet geschreven worden"));
		rc = -1;
	}
	model_snapshot_end(db);
	return rc;
}
