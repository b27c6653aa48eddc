/*
 * `snw report`: the status report the programme director sends to the
 * Alliantiebestuur, built as a stream of document blocks (cli/doc.h) that
 * a text, Markdown or HTML writer formats. First what a director reads in
 * a minute (the summary, the meetings, the peildatum), then what changed
 * since a date, the year's planning, and each domain on a page of its
 * own. The besluitenlijst of a meeting is cli/minutes.c.
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
#include "model/changes.h"
#include "model/model.h"
#include "model/report.h"

#define MAX_DOMAINS 256
#define GANTT_ROWS 200		/* actielijnen in the chart, at most */
#define GANTT_MARKS 400		/* milestones in it, at most */

/* A domain or theme as the report names it. */
struct dom {
	long long id;
	char code[64], naam[256], soort[16], motto[512], bron[1300];
};

struct rep {
	struct db *db;
	struct doc *doc;
	const struct report_opts *o;
	struct dom doms[MAX_DOMAINS];
	int ndoms;
	long long only;		/* the domain asked for, 0: all */
	char since[11];		/* "" when no changes are asked for */
	int year;		/* the chart's */
	long long dom;		/* the domain whose open actions are walked */
	int n;			/* rows of the section being written */
	char groep[1300];	/* of the actielijn written last */
};

/* A short date ("4 mrt 2024"), or `none` for no date. */
static const char *
day(const char *iso, char *buf, size_t sz, const char *none)
{
	if (!iso || !*iso)
		return none;
	date_format_short(iso, buf, sz);
	return buf;
}

char *
report_with_source(const char *text, const char *bron)
{
	char *b;

	if (!*bron)
		return *text ? xstrdup(text) : NULL;
	b = doc_fmt(_("Bron: %s"), bron);
	if (b && *text) {
		char *t = doc_fmt("%s\n%s", text, b);

		free(b);
		b = t;
	}
	return b;
}

/* --- domains ----------------------------------------------------------------- */

/* True when d is called name (its code or its name, in any case). */
static bool
is_named(const char *name, const struct domain_row *d)
{
	return text_casecmp(name, d->code) == 0 || text_casecmp(name, d->naam) == 0;
}

struct find {
	const char *name;
	long long id;
};

static int
stop_at_named(void *ctx, const struct domain_row *d)
{
	struct find *f = ctx;

	if (!is_named(f->name, d))
		return 0;
	f->id = d->id;
	return 1;
}

int
report_find_domain(struct db *db, const char *name, long long *id)
{
	struct find f = { name, 0 };
	int rc = domains_each(db, stop_at_named, &f);

	*id = f.id;
	return rc < 0 ? -1 : rc > 0;
}

static int
keep_domain(void *ctx, const struct domain_row *d)
{
	struct rep *r = ctx;
	struct dom *x;

	if (r->ndoms == MAX_DOMAINS)
		return 0;
	x = &r->doms[r->ndoms++];
	x->id = d->id;
	snprintf(x->code, sizeof(x->code), "%s", d->code);
	snprintf(x->naam, sizeof(x->naam), "%s", d->naam);
	snprintf(x->soort, sizeof(x->soort), "%s", d->soort);
	snprintf(x->motto, sizeof(x->motto), "%s", d->motto);
	snprintf(x->bron, sizeof(x->bron), "%s", d->bron);
	return 0;
}

static const struct dom *
dom_of(const struct rep *r, long long id)
{
	for (int i = 0; i < r->ndoms; i++)
		if (r->doms[i].id == id)
			return &r->doms[i];
	return NULL;
}

/* True when domain id is in the report. */
static bool
shown(const struct rep *r, long long id)
{
	return !r->only || r->only == id;
}

/* --- the summary --------------------------------------------------------------- */

/* The status bar of a domain's figures. */
static void
bar_of(const struct report_figures *f, const char *title, struct doc_bar *b)
{
	memset(b, 0, sizeof(*b));
	b->title = title;
	b->n = model_status_count() < DOC_MAX_STATUS ? model_status_count() : DOC_MAX_STATUS;
	for (int i = 0; i < b->n; i++) {
		b->status[i] = model_status(i);
		b->count[i] = i < REPORT_MAX_STATUS ? f->status[i] : 0;
	}
	b->total = f->total;
}

/* "4 mrt 2024: Publicatie UP", or "geen" (malloc'd). */
static char *
next_milestone(const struct report_figures *f)
{
	char d[32];

	if (!*f->next_date)
		return xstrdup(_("geen"));
	/* TRANSLATORS: a date and what happens then. */
	return doc_fmt(_("%s: %s"), day(f->next_date, d, sizeof(d), ""), f->next_title);
}

/* The header: how current the data is (the peildatum), the date of the
 * report and the meetings. */
static int
put_header(struct rep *r)
{
	struct meeting_brief last, next;
	char peil[11], d[32], *v, *sub = NULL, *t = NULL;
	const struct dom *only = dom_of(r, r->only);

	if (model_peildatum(r->db, peil) < 0 || report_meetings(r->db, r->o->today, &last, &next) < 0)
		return -1;
	if (*peil)
		/* TRANSLATORS: the peildatum: the date of the data's last change. */
		sub = doc_fmt(_("Gegevens van %s"), day(peil, d, sizeof(d), ""));
	if (only)
		t = doc_fmt(_("Samen Nieuw-West — stand van zaken: %s"), only->naam);
	doc_title(r->doc, t ? t : _("Samen Nieuw-West — stand van zaken"), sub);
	free(t);
	free(sub);
	doc_pairs_begin(r->doc);
	doc_pair(r->doc, _("Datum van dit rapport"), day(r->o->today, d, sizeof(d), ""));
	v = last.id ? doc_fmt(_("%s, %s"), day(last.datum, d, sizeof(d), ""), *last.titel ? last.titel : soort_word(last.soort))
		    : xstrdup(_("geen"));
	doc_pair(r->doc, _("Laatste AB-vergadering"), v);
	free(v);
	v = next.id ? doc_fmt(_("%s, %s"), day(next.datum, d, sizeof(d), ""), *next.titel ? next.titel : soort_word(next.soort))
		    : xstrdup(_("nog niet vastgelegd"));
	doc_pair(r->doc, _("Volgende AB-vergadering"), v);
	free(v);
	if (*r->since)
		doc_pair(r->doc, _("Wijzigingen sinds"), day(r->since, d, sizeof(d), ""));
	doc_pairs_end(r->doc);
	return 0;
}

/* One row of the summary: a domain's name, its bar, its counts, its next
 * milestone; id 0 is what belongs to no domain (its open actions, the
 * programme's own next milestone), -1 the total. */
static int
summary_row(struct rep *r, long long id, const char *name, const char *note)
{
	struct report_figures f;
	struct doc_bar b;
	char s[32], o[32], l[32], *title, *next;

	if (report_figures_load(r->db, id, r->o->today, &f) < 0)
		return -1;
	title = doc_fmt(_("Actielijnen %s"), name);
	bar_of(&f, title, &b);
	next = next_milestone(&f);
	doc_table_row(r->doc, (const struct doc_cell[]){
		{ name, note, NULL }, { "", NULL, id ? &b : NULL },
		{ id ? i18n_count(f.successes, s) : "", NULL, NULL },
		{ i18n_count(f.open, o), NULL, NULL }, { i18n_count(f.overdue, l), NULL, NULL },
		{ next, NULL, NULL },
	}, f.overdue && id >= 0 ? DOC_ROW_LATE : 0);
	free(next);
	free(title);
	return 0;
}

/* The summary: a row per domain and theme, then what belongs to no
 * domain and the total (unless one domain is asked for). */
static int
put_summary(struct rep *r)
{
	static const struct doc_col cols[] = {
		{ N_("Domein"), 0, DOC_COL_LONG }, { N_("Actielijnen per status"), 0, 0 },
		{ N_("Successen"), 0, DOC_COL_NUM }, { N_("Open acties"), 0, DOC_COL_NUM },
		{ N_("Te laat"), 0, DOC_COL_NUM }, { N_("Volgende mijlpaal"), 0, 0 },
	};
	struct doc_col c[6];

	for (int i = 0; i < 6; i++)
		c[i] = (struct doc_col){ _(cols[i].head), cols[i].width, cols[i].flags };
	doc_heading(r->doc, 2, _("Samenvatting"), 0);
	doc_table_begin(r->doc, NULL, c, 6);
	for (int i = 0; i < r->ndoms; i++) {
		const struct dom *x = &r->doms[i];
		char *note = doc_fmt("%s · %s", x->code, soort_word(x->soort));
		int rc = shown(r, x->id) ? summary_row(r, x->id, x->naam, note) : 0;

		free(note);
		if (rc < 0)
			return -1;
	}
	if (!r->only && (summary_row(r, 0, _("Zonder domein"), _("acties en mijlpalen van het programma")) < 0 ||
			 summary_row(r, -1, _("Totaal"), NULL) < 0))
		return -1;
	doc_table_end(r->doc);
	return 0;
}

/* --- what changed ------------------------------------------------------------ */

/* A value of a changed field as a person reads it: a status in words, a
 * date short, "(leeg)" for nothing (malloc'd). */
static char *
field_value(const struct change *c, const struct change_field *f, const char *v)
{
	int j = entity_field_index(c->e, f->column);
	char d[32];

	if (strcmp(f->column, "status") == 0)
		return xstrdup(status_word(v));	/* empty: onbekend */
	if (!*v)
		return xstrdup(_("(leeg)"));
	if (j >= 0 && c->e->fields[j].type == FT_ENUM)
		return xstrdup(field_value_word(&c->e->fields[j], v));
	if (j >= 0 && (c->e->fields[j].type == FT_DATE || c->e->fields[j].type == FT_DATE_START ||
		       c->e->fields[j].type == FT_DATE_END))
		return xstrdup(day(v, d, sizeof(d), ""));
	return xstrdup(v);
}

/* The fields a change changed: "Status: gepland → lopend; Trekker:
 * (leeg) → Jan" (malloc'd). */
static char *
change_fields(const struct change *c)
{
	char *s = xstrdup("");

	for (int i = 0; s && i < c->nfields; i++) {
		char *a = field_value(c, &c->fields[i], c->fields[i].old);
		char *b = field_value(c, &c->fields[i], c->fields[i].new);
		/* TRANSLATORS: a field, its old and its new value. */
		char *t = doc_fmt(_("%s: %s → %s"), _(c->fields[i].label), a ? a : "", b ? b : "");
		char *u = t ? doc_fmt(*s ? "%s; %s" : "%s%s", s, t) : NULL;

		free(a);
		free(b);
		free(t);
		free(s);
		s = u;
	}
	return s;
}

/* How a change names its entry: its title, a long one cut (malloc'd). */
static char *
change_title(const struct change *c)
{
	char t[1024];

	text_fit(t, sizeof(t), c->title, 160);
	return xstrdup(t);
}

/* One change as a sentence, with its date first (malloc'd). */
static char *
change_line(const struct change *c)
{
	char when[32], iso[11], n[64], *title = change_title(c), *fields = NULL, *s = NULL;

	snprintf(iso, sizeof(iso), "%.10s", c->when);
	day(iso, when, sizeof(when), "");
	if (c->kind != CHANGE_ADDED && c->kind != CHANGE_REMOVED && c->kind != CHANGE_ADDED_MANY)
		fields = change_fields(c);
	/* the date, what happened to which kind of entry (one phrase per
	 * kind: entity_words), its title, what changed */
	switch (c->kind) {
	case CHANGE_ADDED:
		s = doc_fmt("%s: %s “%s”", when, _(c->e->words->added), title);
		break;
	case CHANGE_REMOVED:
		s = doc_fmt("%s: %s “%s”", when, _(c->e->words->deleted), title);
		break;
	case CHANGE_CLOSED:
		s = doc_fmt("%s: %s “%s” (%s)", when,
			    _(c->e->words->closed ? c->e->words->closed : c->e->words->changed), title, fields);
		break;
	case CHANGE_DONE:
		s = doc_fmt(_("%s: actie gedaan “%s” (%s)"), when, title, fields);
		break;
	case CHANGE_CHANGED:
		s = doc_fmt("%s: %s “%s” (%s)", when, _(c->e->words->changed), title, fields);
		break;
	case CHANGE_ADDED_MANY:
		/* TRANSLATORS: a date; a number of entries of a kind ("12 actielijnen") */
		s = doc_fmt(_("%s: %s toegevoegd bij een import"), when,
			    entity_count_text(c->e, c->count, n, sizeof(n)));
		break;
	}
	free(fields);
	free(title);
	return s;
}

static int
put_changes(struct rep *r)
{
	struct changes ch = { 0 };
	char d[32], n[32], *s;
	long long cur = -1;
	int shown_n = 0;

	if (changes_since(r->db, r->since, 0, &ch) < 0)
		return -1;
	s = doc_fmt(_("Wat is er veranderd sinds %s"), day(r->since, d, sizeof(d), ""));
	doc_heading(r->doc, 2, s, 0);
	free(s);
	for (int i = 0; i < ch.n; i++) {
		const struct change *c = &ch.v[i];
		const struct dom *x;

		if (!shown(r, c->domain))
			continue;
		if (c->domain != cur) {
			cur = c->domain;
			x = dom_of(r, cur);
			doc_heading(r->doc, 3, x ? x->naam : _("Vergaderingen, besluiten en acties zonder domein"), 0);
			doc_list_begin(r->doc);
		}
		s = change_line(c);
		doc_item(r->doc, s ? s : "");
		free(s);
		shown_n++;
	}
	doc_list_end(r->doc);
	if (shown_n == 0) {
		s = doc_fmt(_("Geen wijzigingen sinds %s."), day(r->since, d, sizeof(d), ""));
		doc_para(r->doc, s, 0);
		free(s);
	} else {
		s = doc_fmt(_n("%s wijziging; de datum is die van de laatste wijziging van het onderdeel.",
			       "%s wijzigingen; de datum is die van de laatste wijziging van elk onderdeel.",
			       shown_n), i18n_count(shown_n, n));
		doc_para(r->doc, s, DOC_QUIET);
		free(s);
	}
	if (ch.truncated)
		doc_para(r->doc, _("Er is meer gewijzigd dan hier staat: de geschiedenis sinds die datum is te lang om helemaal te lezen."),
			 DOC_QUIET);
	changes_free(&ch);
	return 0;
}

/* --- the year's planning ------------------------------------------------------------ */

/* The chart's rows and milestones, and the strings they point to. */
struct chart {
	struct doc_gantt_row rows[GANTT_ROWS];
	long long ids[GANTT_ROWS];	/* the actielijn of each row */
	char *row_text[GANTT_ROWS][5];
	struct doc_gantt_mark marks[GANTT_MARKS];
	char *mark_text[GANTT_MARKS][4];	/* date, title, domain, "Bron: ..." */
	int nrows, nmarks;
};

static int
take_line(void *ctx, const struct gantt_line *g)
{
	struct chart *c = ctx;

	const char *src[5] = { g->domein, g->titel, g->start, g->eind, g->status };
	char **t;

	if (c->nrows == GANTT_ROWS)
		return 1;
	t = c->row_text[c->nrows];
	for (int i = 0; i < 5; i++)
		t[i] = xstrdup(src[i]);
	c->ids[c->nrows] = g->id;
	c->rows[c->nrows++] = (struct doc_gantt_row){ t[0], t[1], t[2], t[3], t[4] };
	return 0;
}

static int
take_mark(void *ctx, const struct year_milestone *m)
{
	struct chart *c = ctx;
	char *note = report_with_source("", m->bron);
	const char *src[4] = { m->datum, m->titel, m->domein, note ? note : "" };
	char **t;
	int row = -1;

	if (c->nmarks == GANTT_MARKS) {
		free(note);
		return 1;
	}
	t = c->mark_text[c->nmarks];
	for (int i = 0; i < 4; i++)
		t[i] = xstrdup(src[i]);
	free(note);
	for (int i = 0; i < c->nrows && m->actielijn_id; i++)
		if (c->ids[i] == m->actielijn_id)
			row = i;
	c->marks[c->nmarks++] = (struct doc_gantt_mark){ t[0], t[1], row };
	return 0;
}

static void
chart_free(struct chart *c)
{
	for (int i = 0; i < GANTT_ROWS; i++)
		for (int k = 0; k < 5; k++)
			free(c->row_text[i][k]);
	for (int i = 0; i < GANTT_MARKS; i++)
		for (int k = 0; k < 4; k++)
			free(c->mark_text[i][k]);
}

/* The milestones of the year as a table: the chart's text. */
static void
put_milestones(struct rep *r, const struct chart *c)
{
	struct doc_col cols[3] = {
		{ _("Datum"), 12, 0 }, { _("Mijlpaal"), 0, 0 }, { _("Domein"), 22, 0 },
	};
	char *caption = doc_fmt(_("Mijlpalen in %d"), r->year);

	doc_table_begin(r->doc, caption, cols, 3);
	for (int i = 0; i < c->nmarks; i++) {
		char d[32];

		doc_table_row(r->doc, (const struct doc_cell[]){
			{ day(c->marks[i].date, d, sizeof(d), ""), NULL, NULL },
			{ c->marks[i].label, c->mark_text[i][3], NULL }, { c->mark_text[i][2], NULL, NULL },
		}, 0);
	}
	doc_table_end(r->doc);
	free(caption);
}

static int
put_planning(struct rep *r)
{
	struct chart *c = xcalloc(1, sizeof(*c));
	long long more = 0;
	char n[32], *s;
	int rc = -1;

	if (!c)
		return -1;
	s = doc_fmt(_("Planning %d"), r->year);
	doc_heading(r->doc, 2, s, 0);
	free(s);
	if (gantt_lines_each(r->db, r->year, r->only, GANTT_ROWS, &more, take_line, c) < 0 ||
	    year_milestones_each(r->db, r->year, r->only, GANTT_MARKS, take_mark, c) < 0)
		goto out;
	if (c->nrows == 0 && c->nmarks == 0) {
		s = doc_fmt(_("Geen actielijnen of mijlpalen met een datum in %d."), r->year);
		doc_para(r->doc, s, 0);
		free(s);
		rc = 0;
		goto out;
	}
	s = doc_fmt(_("Actielijnen en mijlpalen in %d"), r->year);
	doc_gantt(r->doc, &(struct doc_gantt){ s, r->year, r->o->today, c->nrows, c->rows, c->nmarks, c->marks });
	free(s);
	if (more > 0) {
		s = doc_fmt(_n("Nog %s actielijn met een datum in dit jaar staat niet in de grafiek.",
			       "Nog %s actielijnen met een datum in dit jaar staan niet in de grafiek.", more),
			    i18n_count(more, n));
		doc_para(r->doc, s, DOC_QUIET);
		free(s);
	}
	if (c->nmarks)
		put_milestones(r, c);
	rc = 0;
out:
	chart_free(c);
	free(c);
	return rc;
}

/* --- a domain's page ---------------------------------------------------------------- */

/* One success: its year and title, its explanation under it. */
static int
put_success(void *ctx, const struct success_row *s)
{
	struct rep *r = ctx;
	char *t, *note;

	if (r->n++ == 0) {
		doc_heading(r->doc, 3, _("Successen"), 0);
		doc_list_begin(r->doc);
	}
	note = report_with_source(s->toelichting, s->bron);
	t = note ? doc_fmt(_("%lld: %s\n%s"), s->jaar, s->titel, note) : doc_fmt(_("%lld: %s"), s->jaar, s->titel);
	doc_item(r->doc, t ? t : "");
	free(t);
	free(note);
	return 0;
}

/* "1 jan 2024 – 31 mrt 2024", with an open end or start as "…" (malloc'd;
 * "" without dates). */
static char *
period(const char *start, const char *end)
{
	char a[32], b[32];

	if (!*start && !*end)
		return xstrdup("");
	return doc_fmt("%s – %s", day(start, a, sizeof(a), "…"), day(end, b, sizeof(b), "…"));
}

/* Starts a table of actielijnen (under the heading of a groep). */
static void
actielijnen_table(struct rep *r)
{
	static const struct doc_col cols[] = {
		{ N_("Actielijn"), 0, DOC_COL_LONG }, { N_("Status"), 12, 0 },
		{ N_("Trekker"), 16, 0 }, { N_("Planning"), 24, 0 },
	};
	struct doc_col c[4];

	for (int i = 0; i < 4; i++)
		c[i] = (struct doc_col){ _(cols[i].head), cols[i].width, cols[i].flags };
	doc_table_begin(r->doc, NULL, c, 4);
}

/* One actielijn: title, explanation and bron, status, trekker, period
 * and its planning items; the groep it stands under on the slides as a
 * heading above the first of each groep (the model walks them together). */
static int
put_actielijn(void *ctx, const struct line_row *a)
{
	struct rep *r = ctx;
	char *when = period(a->start, a->eind), *plan = xstrdup(""), *note = report_with_source(a->toelichting, a->bron);

	if (r->n++ == 0) {
		doc_heading(r->doc, 3, _("Actielijnen"), 0);
		r->groep[0] = '\0';
		if (!*a->groep)
			actielijnen_table(r);
	}
	if (*a->groep && strcmp(a->groep, r->groep) != 0) {
		doc_heading(r->doc, 4, a->groep, 0);
		actielijnen_table(r);
	}
	snprintf(r->groep, sizeof(r->groep), "%s", a->groep);
	for (int i = 0; plan && i < a->nplanning; i++) {
		char d[32], *t;

		t = doc_fmt(*plan ? "%s\n◆ %s: %s" : "%s◆ %s: %s", plan,
			    day(a->planning[i].datum, d, sizeof(d), _("zonder datum")), a->planning[i].titel);
		free(plan);
		plan = t;
	}
	doc_table_row(r->doc, (const struct doc_cell[]){
		{ a->titel, note, NULL }, { status_word(a->status), NULL, NULL },
		{ *a->trekker ? a->trekker : _("onbekend"), NULL, NULL },
		{ when ? when : "", plan, NULL },
	}, 0);
	free(note);
	free(plan);
	free(when);
	return 0;
}

/* One open action item; an overdue one says so. */
static int
put_action(void *ctx, const struct open_action *a)
{
	static const struct doc_col cols[] = {
		{ N_("Actie"), 0, DOC_COL_LONG }, { N_("Eigenaar"), 18, 0 },
		{ N_("Vergadering"), 12, 0 }, { N_("Deadline"), 20, 0 },
	};
	struct rep *r = ctx;
	bool late = *a->deadline && strcmp(a->deadline, r->o->today) < 0;
	char m[32], d[32], *due, *note;

	if (r->n++ == 0) {
		struct doc_col c[4];

		for (int i = 0; i < 4; i++)
			c[i] = (struct doc_col){ _(cols[i].head), cols[i].width, cols[i].flags };
		if (r->dom)
			doc_heading(r->doc, 3, _("Open acties"), 0);
		doc_table_begin(r->doc, NULL, c, 4);
	}
	day(a->deadline, d, sizeof(d), "");
	due = late ? doc_fmt(_("%s (te laat)"), d) : xstrdup(*a->deadline ? d : _("geen"));
	note = report_with_source("", a->bron);
	doc_table_row(r->doc, (const struct doc_cell[]){
		{ a->actie, note, NULL }, { *a->eigenaar ? a->eigenaar : _("onbekend"), NULL, NULL },
		{ day(a->vergadering, m, sizeof(m), ""), NULL, NULL }, { due ? due : "", NULL, NULL },
	}, late ? DOC_ROW_LATE : 0);
	free(note);
	free(due);
	return 0;
}

/* A domain's page: its name, motto and bar, its actielijnen, successes
 * and open actions. */
static int
put_domain(struct rep *r, const struct dom *x)
{
	struct report_figures f;
	struct doc_bar b;
	char *h = doc_fmt("%s (%s)", x->naam, x->code);

	if (report_figures_load(r->db, x->id, r->o->today, &f) < 0) {
		free(h);
		return -1;
	}
	doc_heading(r->doc, 2, h, DOC_NEW_PAGE);
	free(h);
	doc_pairs_begin(r->doc);
	doc_pair(r->doc, _("Soort"), soort_word(x->soort));
	if (*x->motto)
		doc_pair(r->doc, _("Motto"), x->motto);
	if (*x->bron)
		doc_pair(r->doc, _("Bron"), x->bron);
	doc_pairs_end(r->doc);
	bar_of(&f, _("Actielijnen per status"), &b);
	doc_bar(r->doc, &b);
	r->n = 0;
	if (actielijnen_each(r->db, x->id, put_actielijn, r) < 0)
		return -1;
	doc_table_end(r->doc);
	r->n = 0;
	if (successes_each(r->db, x->id, put_success, r) < 0)
		return -1;
	doc_list_end(r->doc);
	r->n = 0;
	r->dom = x->id;
	if (open_actions_each(r->db, x->id, put_action, r) < 0)
		return -1;
	doc_table_end(r->doc);
	if (r->n == 0) {
		doc_heading(r->doc, 3, _("Open acties"), 0);
		doc_para(r->doc, _("Geen open acties."), 0);
	}
	return 0;
}

/* The open action items that belong to no domain. */
static int
put_orphans(struct rep *r)
{
	r->n = 0;
	r->dom = 0;
	doc_heading(r->doc, 2, _("Open acties zonder domein"), DOC_NEW_PAGE);
	if (open_actions_each(r->db, 0, put_action, r) < 0)
		return -1;
	doc_table_end(r->doc);
	if (r->n == 0)
		doc_para(r->doc, _("Geen open acties."), 0);
	return 0;
}

/* --- the whole ------------------------------------------------------------------ */

/* The date changes are asked since: a date as people write it, or
 * "last-ab". Returns 0, or REPORT_NOT_FOUND / -1 with err set. */
static int
resolve_since(struct db *db, const struct report_opts *o, char since[11], char *err, size_t errsz)
{
	struct meeting_brief last, next;
	char d[32], shown_s[64];

	*since = '\0';
	if (!o->since)
		return 0;
	if (strcmp(o->since, "last-ab") != 0) {
		if (date_parse(o->since, DATE_POINT, since))
			return 0;
		text_fit(shown_s, sizeof(shown_s), o->since, 40);
		snprintf(err, errsz, _("--since '%s' is geen datum (verwacht: een datum zoals 25-1-2024, of last-ab)"),
			 shown_s);
		return REPORT_NOT_FOUND;
	}
	if (report_meetings(db, o->today, &last, &next) < 0) {
		result_text(db_result(db), err, errsz);
		return -1;
	}
	if (!last.id) {
		snprintf(err, errsz, _("--since last-ab: er is geen AB-vergadering op of voor %s (verwacht: een AB-vergadering in de database, of een datum na --since)"),
			 day(o->today, d, sizeof(d), ""));
		return REPORT_NOT_FOUND;
	}
	snprintf(since, 11, "%s", last.datum);
	return 0;
}

/* Checks the request, collects the domains. */
static int
report_prepare(struct rep *r, char *err, size_t errsz)
{
	char shown_s[64];
	int rc;

	if (r->o->domain) {
		if ((rc = report_find_domain(r->db, r->o->domain, &r->only)) <= 0) {
			text_fit(shown_s, sizeof(shown_s), r->o->domain, 40);
			if (rc < 0)
				result_text(db_result(r->db), err, errsz);
			else
				snprintf(err, errsz, _("onbekend domein '%s' (verwacht: de code of naam van een domein of thema)"),
					 shown_s);
			return rc < 0 ? -1 : REPORT_NOT_FOUND;
		}
	}
	if ((rc = resolve_since(r->db, r->o, r->since, err, errsz)) != 0)
		return rc;
	r->year = atoi(r->o->today);
	if (domains_each(r->db, keep_domain, r) < 0) {
		result_text(db_result(r->db), err, errsz);
		return -1;
	}
	return 0;
}

/* The document's blocks, from one state of the database. */
static int
report_body(struct rep *r)
{
	if (put_header(r) < 0 || put_summary(r) < 0)
		return -1;
	if (*r->since && put_changes(r) < 0)
		return -1;
	if (put_planning(r) < 0)
		return -1;
	for (int i = 0; i < r->ndoms; i++)
		if (shown(r, r->doms[i].id) && put_domain(r, &r->doms[i]) < 0)
			return -1;
	return r->only ? 0 : put_orphans(r);
}

int
report_write(struct db *db, const struct report_opts *o, FILE *fp, char *err, size_t errsz)
{
	struct rep *r = xcalloc(1, sizeof(*r));
	int rc;

	r->db = db;
	r->o = o;
	/* Everything that can be wrong with the request is found before the
	 * first byte is written: an error never follows half a report. */
	model_snapshot(db);
	if ((rc = report_prepare(r, err, errsz)) == 0) {
		r->doc = doc_new(o->format, fp, o->width);
		if ((rc = report_body(r)) < 0)
			result_text(db_result(db), err, errsz);
		if (r->doc && doc_close(r->doc) < 0 && rc == 0) {
			snprintf(err, errsz, "%s", _("het rapport kon niet geschreven worden"));
			rc = -1;
		}
	}
	model_snapshot_end(db);
	free(r);
	return rc;
}
