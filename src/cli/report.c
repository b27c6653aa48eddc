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
#include "core/text.h"

struct out {
	struct db *db;
	FILE *fp;
	int width;
	char today[11];
};

/* Writes text wrapped at o->width, the first line after `lead` and the
 * others indented by `indent` columns. Control characters are shown as
 * ^X; line breaks in the text start a new line. */
static void
put_wrapped(struct out *o, const char *lead, int indent, const char *text)
{
	size_t cap = strlen(text) * 4 + 8;
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

static int
report_successes(struct out *o, long long dom)
{
	struct db_stmt *st = db_prepare(o->db,
		"SELECT jaar, titel, toelichting FROM successen WHERE domein_id = ?1 ORDER BY jaar, id");
	int n = 0, rc;
	char lead[64];

	if (!st)
		return -1;
	db_bind_int(st, 1, dom);
	while ((rc = db_step(st)) == 1) {
		if (n++ == 0)
			fprintf(o->fp, "\n  Successen\n");
		snprintf(lead, sizeof(lead), "  - %lld: ", db_col_int(st, 0));
		put_wrapped(o, lead, 10, db_col_text(st, 1));
		if (*db_col_text(st, 2))
			put_wrapped(o, "          ", 10, db_col_text(st, 2));
	}
	db_finalize(st);
	return rc;
}

static int
report_actielijnen(struct out *o, long long dom)
{
	struct db_stmt *st = db_prepare(o->db,
		"SELECT id, titel, ifnull(status, ''), ifnull(trekker, ''), ifnull(start, ''),"
		" ifnull(eind, ''), ifnull(toelichting, '') FROM actielijnen WHERE domein_id = ?1 ORDER BY id");
	struct db_stmt *plan = db_prepare(o->db,
		"SELECT ifnull(datum, ''), titel FROM planning WHERE actielijn_id = ?1"
		" ORDER BY datum IS NULL, datum, id");
	char from[32], to[32], line[512];
	int n = 0, rc = -1;

	if (!st || !plan)
		goto out;
	db_bind_int(st, 1, dom);
	while ((rc = db_step(st)) == 1) {
		if (n++ == 0)
			fprintf(o->fp, "\n  Actielijnen 2024\n");
		put_wrapped(o, "  - ", 4, db_col_text(st, 1));
		snprintf(line, sizeof(line), "status: %s · trekker: %s · planning: %s – %s",
			 *db_col_text(st, 2) ? db_col_text(st, 2) : "onbekend",
			 *db_col_text(st, 3) ? db_col_text(st, 3) : "onbekend",
			 show_date(db_col_text(st, 4), from, sizeof(from), "?"),
			 show_date(db_col_text(st, 5), to, sizeof(to), "?"));
		put_wrapped(o, "    ", 4, line);
		if (*db_col_text(st, 6))
			put_wrapped(o, "    ", 4, db_col_text(st, 6));
		db_reset(plan);
		db_bind_int(plan, 1, db_col_int(st, 0));
		while ((rc = db_step(plan)) == 1) {
			snprintf(line, sizeof(line), "    > %s: ",
				 show_date(db_col_text(plan, 0), from, sizeof(from), "zonder datum"));
			put_wrapped(o, line, 6, db_col_text(plan, 1));
		}
		if (rc < 0)
			break;
	}
out:
	db_finalize(st);
	db_finalize(plan);
	return rc;
}

/* Open action items of one domain, or of none when dom is 0. */
static int
report_acties(struct out *o, long long dom)
{
	struct db_stmt *st = db_prepare(o->db,
		"SELECT a.actie, ifnull(a.eigenaar, ''), ifnull(a.deadline, ''), ifnull(v.datum, '')"
		" FROM acties a LEFT JOIN vergaderingen v ON v.id = a.vergadering_id"
		" WHERE ifnull(a.domein_id, 0) = ?1 AND ifnull(a.status, 'open') <> 'gedaan'"
		" ORDER BY a.deadline IS NULL, a.deadline, v.datum, a.id");
	char meeting[32], due[32], lead[160];
	int n = 0, rc;

	if (!st)
		return -1;
	db_bind_int(st, 1, dom);
	while ((rc = db_step(st)) == 1) {
		const char *deadline = db_col_text(st, 2);
		bool late = *deadline && strcmp(deadline, o->today) < 0;

		if (n++ == 0)
			fprintf(o->fp, dom ? "\n  Open acties\n" : "\nOpen acties zonder domein\n");
		put_wrapped(o, "  - ", 4, db_col_text(st, 0));
		snprintf(lead, sizeof(lead), "eigenaar: %s · AB %s · deadline: %s%s",
			 *db_col_text(st, 1) ? db_col_text(st, 1) : "onbekend",
			 show_date(db_col_text(st, 3), meeting, sizeof(meeting), "?"),
			 show_date(deadline, due, sizeof(due), "geen"), late ? " · TE LAAT" : "");
		put_wrapped(o, "    ", 4, lead);
	}
	db_finalize(st);
	return rc;
}

/* 1 when domain is the code or name of a domain or theme, 0 when it is
 * not, -1 when the database failed. */
static int
domain_known(struct db *db, const char *domain)
{
	struct db_stmt *st = db_prepare(db, "SELECT code, naam FROM domeinen");
	int rc = 0, found = 0;

	if (!st)
		return -1;
	while (!found && (rc = db_step(st)) == 1)
		found = text_casecmp(domain, db_col_text(st, 0)) == 0 ||
			text_casecmp(domain, db_col_text(st, 1)) == 0;
	db_finalize(st);
	return found ? 1 : rc < 0 ? -1 : 0;
}

int
report_write(struct db *db, const char *domain, int width, FILE *fp, char *err, size_t errsz)
{
	struct out o = { db, fp, width > 0 ? width : 78, "" };
	struct db_stmt *st;
	char today[32];
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
	st = db_prepare(db, "SELECT id, code, naam, ifnull(motto, ''), soort,"
			" (SELECT count(*) FROM actielijnen a WHERE a.domein_id = d.id)"
			" FROM domeinen d ORDER BY soort <> 'domein', volgorde IS NULL, volgorde, id");
	if (!st) {
		snprintf(err, errsz, "%s", db_errmsg(db));
		return -1;
	}
	date_format_short(o.today, today, sizeof(today));
	fprintf(fp, "Samen Nieuw-West — stand van zaken op %s\n", today);
	db_exec(db, "BEGIN");	/* one consistent picture */
	while ((rc = db_step(st)) == 1) {
		char head[512];

		if (domain && text_casecmp(domain, db_col_text(st, 1)) != 0 &&
		    text_casecmp(domain, db_col_text(st, 2)) != 0)
			continue;
		snprintf(head, sizeof(head), "%s (%s, %s)", db_col_text(st, 2), db_col_text(st, 1),
			 db_col_text(st, 4));
		fputc('\n', fp);
		put_wrapped(&o, "", 0, head);
		if (*db_col_text(st, 3))
			put_wrapped(&o, "  Motto: ", 9, db_col_text(st, 3));
		if (report_successes(&o, db_col_int(st, 0)) < 0 ||
		    report_actielijnen(&o, db_col_int(st, 0)) < 0 ||
		    report_acties(&o, db_col_int(st, 0)) < 0) {
			rc = -1;
			break;
		}
	}
	db_finalize(st);
	if (rc == 0 && !domain)
		rc = report_acties(&o, 0);
	db_exec(db, "COMMIT");
	if (rc < 0) {
		snprintf(err, errsz, "%s", db_errmsg(db));
		return -1;
	}
	return 0;
}
