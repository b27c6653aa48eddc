/*
 * `snw report`: a plain-text status report for the programme director,
 * readable in a terminal, in a mail or on paper. Everything that comes
 * from the database is sanitized and wrapped to the width.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "store/db.h"
#include "cli/report.h"
#include "model/model.h"
#include "model/report.h"
#include "core/text.h"

struct out {
	struct db *db;
	FILE *fp;
	int width;
	char today[11];
	const char *domain;	/* the one domain asked for, or NULL */
	int n;			/* rows of the section being written */
	char groep[1300];	/* groep of the actielijn written last */
	long long dom;		/* domain of the open actions being written */
};

/* Writes text wrapped at o->width, the first line after `lead` and the
 * others indented by `indent` columns. Control characters are shown as
 * ^X; line breaks in the text start a new line. */
static void
put_wrapped(struct out *o, const char *lead, int indent, const char *text)
{
	size_t cap = TEXT_DRAWN_MAX(strlen(text));
	char *safe = malloc(cap);
	int col, width = o->width > indent + 20 ? o->width : indent + 20;
	bool fresh = true;	/* nothing written on this line after the lead */

	if (!safe)
		return;
	text_sanitize(safe, cap, text, true);
	fputs(lead, o->fp);
	col = text_width(lead);
	for (char *p = safe; *p;) {
		size_t n = strcspn(p, " \n");
		char save = p[n];
		int w;

		p[n] = '\0';
		w = text_width(p);
		if (!fresh && col + 1 + w > width) {
			fprintf(o->fp, "\n%*s", indent, "");
			col = indent;
			fresh = true;
		}
		if (!fresh) {
			fputc(' ', o->fp);
			col++;
		}
		fputs(p, o->fp);
		col += w;
		fresh = false;
		p[n] = save;
		p += n;
		while (*p == ' ')
			p++;
		if (*p == '\n') {
			fprintf(o->fp, "\n%*s", indent, "");
			col = indent;
			fresh = true;
			p++;
		}
	}
	fputc('\n', o->fp);
	free(safe);
}

/* Short date for display, or `none` when empty. */
static const char *
show_date(const char *iso, char *buf, size_t bufsz, const char *none)
{
	if (!*iso)
		return none;
	date_format_short(iso, buf, bufsz);
	return buf;
}

/* "Bron: ..." of an entry, indented, when it has one. */
static void
put_source(struct out *o, const char *indent, const char *bron)
{
	char line[1300];	/* a bron of 300 characters of 4 bytes */

	if (!*bron)
		return;
	snprintf(line, sizeof(line), _("Bron: %s"), bron);
	put_wrapped(o, indent, (int)strlen(indent), line);
}

/* One success: year, title, and its explanation under it. */
static int
put_success(void *ctx, const struct success_row *s)
{
	struct out *o = ctx;
	char lead[64];

	if (o->n++ == 0)
		fprintf(o->fp, "\n  Successen\n");
	snprintf(lead, sizeof(lead), "  - %lld: ", s->jaar);
	put_wrapped(o, lead, 10, s->titel);
	if (*s->toelichting)
		put_wrapped(o, "          ", 10, s->toelichting);
	put_source(o, "          ", s->bron);
	return 0;
}

/* One actielijn: title, status line, explanation, bron, its planning
 * items; the groep it stands under as a sub-heading (as the slides put
 * it, with a colon) above the first of each groep. */
static int
put_actielijn(void *ctx, const struct line_row *a)
{
	struct out *o = ctx;
	char from[32], to[32], line[1300];

	if (o->n++ == 0) {
		fprintf(o->fp, "\n  Actielijnen 2024\n");
		o->groep[0] = '\0';
	}
	if (*a->groep && strcmp(a->groep, o->groep) != 0) {
		snprintf(line, sizeof(line), "%s:", a->groep);
		fputc('\n', o->fp);
		put_wrapped(o, "  ", 2, line);
	}
	snprintf(o->groep, sizeof(o->groep), "%s", a->groep);
	put_wrapped(o, "  - ", 4, a->titel);
	snprintf(line, sizeof(line), "status: %s · trekker: %s · planning: %s – %s",
		 *a->status ? a->status : "onbekend", *a->trekker ? a->trekker : "onbekend",
		 show_date(a->start, from, sizeof(from), "?"), show_date(a->eind, to, sizeof(to), "?"));
	put_wrapped(o, "    ", 4, line);
	if (*a->toelichting)
		put_wrapped(o, "    ", 4, a->toelichting);
	put_source(o, "    ", a->bron);
	for (int i = 0; i < a->nplanning; i++) {
		snprintf(line, sizeof(line), "    > %s: ",
			 show_date(a->planning[i].datum, from, sizeof(from), "zonder datum"));
		put_wrapped(o, line, 6, a->planning[i].titel);
	}
	return 0;
}

/* One open action item; overdue ones are marked. */
static int
put_action(void *ctx, const struct open_action *a)
{
	struct out *o = ctx;
	char meeting[32], due[32], lead[160];
	bool late = *a->deadline && strcmp(a->deadline, o->today) < 0;

	if (o->n++ == 0)
		fprintf(o->fp, o->dom ? "\n  Open acties\n" : "\nOpen acties zonder domein\n");
	put_wrapped(o, "  - ", 4, a->actie);
	snprintf(lead, sizeof(lead), "eigenaar: %s · AB %s · deadline: %s%s",
		 *a->eigenaar ? a->eigenaar : "onbekend",
		 show_date(a->vergadering, meeting, sizeof(meeting), "?"),
		 show_date(a->deadline, due, sizeof(due), "geen"), late ? " · TE LAAT" : "");
	put_wrapped(o, "    ", 4, lead);
	put_source(o, "    ", a->bron);
	return 0;
}

/* Open action items of one domain, or of none when dom is 0. */
static int
report_acties(struct out *o, long long dom)
{
	o->dom = dom;
	o->n = 0;
	return open_actions_each(o->db, dom, put_action, o);
}

/* True when d is called name (its code or its name, in any case). */
static bool
is_named(const char *name, const struct domain_row *d)
{
	return text_casecmp(name, d->code) == 0 || text_casecmp(name, d->naam) == 0;
}

/* For domain_known: stops the walk (1) at the domain called *ctx. */
static int
stop_at_named(void *ctx, const struct domain_row *d)
{
	return is_named(*(const char **)ctx, d);
}

/* 1 when domain is the code or name of a domain or theme, 0 when it is
 * not, -1 when the database failed. */
static int
domain_known(struct db *db, const char *domain)
{
	return domains_each(db, stop_at_named, &domain);
}

/* One domain or theme (unless `domain` names another): its heading and
 * motto, successes, actielijnen and open action items. */
static int
put_domain(void *ctx, const struct domain_row *d)
{
	struct out *o = ctx;
	char head[512];

	if (o->domain && !is_named(o->domain, d))
		return 0;
	snprintf(head, sizeof(head), "%s (%s, %s)", d->naam, d->code, d->soort);
	fputc('\n', o->fp);
	put_wrapped(o, "", 0, head);
	if (*d->motto)
		put_wrapped(o, "  Motto: ", 9, d->motto);
	put_source(o, "  ", d->bron);
	o->n = 0;
	if (successes_each(o->db, d->id, put_success, o) < 0)
		return 1;
	o->n = 0;
	if (actielijnen_each(o->db, d->id, put_actielijn, o) < 0)
		return 1;
	return report_acties(o, d->id) < 0 ? 1 : 0;
}

int
report_write(struct db *db, const char *domain, int width, FILE *fp, char *err, size_t errsz)
{
	struct out o = { .db = db, .fp = fp, .width = width > 0 ? width : 78, .domain = domain };
	char today[32], peildatum[11];
	int rc;

	/* An unknown domain is an error before anything is written: the
	 * title on stdout and then exit 64 looked like a report. */
	if (domain && (rc = domain_known(db, domain)) <= 0) {
		char shown[64];

		text_fit(shown, sizeof(shown), domain, 40);
		if (rc < 0)
			snprintf(err, errsz, "%s", db_errmsg(db));
		else
			snprintf(err, errsz, _("onbekend domein '%s' (verwacht: de code of naam van een domein of thema)"), shown);
		return -1;
	}
	date_today(o.today);
	date_format_short(o.today, today, sizeof(today));
	fprintf(fp, "Samen Nieuw-West — stand van zaken op %s\n", today);
	model_snapshot(db);	/* one consistent picture */
	if (model_peildatum(db, peildatum) == 0 && *peildatum) {
		date_format_short(peildatum, today, sizeof(today));
		fprintf(fp, _("Gegevens van %s\n"), today);
	}
	rc = domains_each(db, put_domain, &o);
	if (rc == 0 && !domain)
		rc = report_acties(&o, 0);
	model_snapshot_end(db);
	if (rc != 0) {
		snprintf(err, errsz, "%s", db_errmsg(db));
		return -1;
	}
	return 0;
}
