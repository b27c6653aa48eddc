/*
 * The message catalogue: the one place where a result of the store or the
 * model (include/core/result.h) and a problem with a value become a
 * sentence. Every sentence is Dutch in the source and English in
 * po/en.po; callers print it whole, the importer after "FILE:LINE: ", a
 * form under its field, the dashboard in its status line.
 */

#include <stdio.h>
#include <string.h>

#include "core/entity.h"
#include "core/i18n.h"
#include "core/result.h"
#include "core/text.h"

/* The directory of path ("." when it names none) into dir. */
static void
dir_of(const char *path, char *dir, size_t dirsz)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(dir, dirsz, ".");
	else
		snprintf(dir, dirsz, "%.*s", slash == path ? 1 : (int)(slash - path), path);
}

void
problem_set(struct problem *p, enum problem_kind kind, const struct entity *e,
	    const struct field *f, const char *value)
{
	p->kind = kind;
	p->e = e;
	p->f = f;
	p->n = p->max = 0;
	/* a reference as the store resolves it is shown a little wider than
	 * a value the rules refuse, as before */
	text_fit(p->value, sizeof(p->value), value ? value : "",
		 kind >= PROB_UNKNOWN_DOMAIN ? 50 : 40);
}

const char *
problem_expected(const struct field *f, char *buf, size_t bufsz)
{
	size_t used;

	switch (f->type) {
	case FT_TEXT:
	case FT_LONGTEXT:
		return _("tekst");
	case FT_INT:
		return strcmp(f->column, "jaar") == 0 ? _("een jaar zoals 2023") : _("een heel getal");
	case FT_DATE:
	case FT_DATE_START:
	case FT_DATE_END:
		return _("een datum zoals 2024-03-04, 4-3-2024, 4 maart 2024, maart 2024 of Q1 2024");
	case FT_DOMAIN:
		return _("de code of naam van een domein of thema");
	case FT_MEETING:
		return _("de datum van een vergadering, zoals 4-7-2023");
	case FT_ACTIELIJN:
		return _("de titel van een actielijn");
	case FT_ENUM:
		/* the values are the data's own words: never translated */
		used = (size_t)snprintf(buf, bufsz, "%s", _("een van:"));
		for (const struct enum_value *v = f->values; v && v->value && used < bufsz; v++)
			used += (size_t)snprintf(buf + used, bufsz - used, "%s %s",
						 v == f->values ? "" : ",", v->value);
		return buf;
	}
	return _("een waarde");
}

/* Milliseconds as seconds to a tenth, with the language's decimal comma
 * or point: "0,3" ("0.3"), "10". Returns buf. */
static const char *
seconds(long ms, char *buf, size_t bufsz)
{
	if (ms % 1000 < 100)
		snprintf(buf, bufsz, "%ld", ms / 1000);
	else
		snprintf(buf, bufsz, "%ld%c%ld", ms / 1000, i18n_lang() == LANG_NL ? ',' : '.', ms % 1000 / 100);
	return buf;
}

/* A kind of entry with its article, "een actielijn", for a sentence. */
static const char *
a_one(const struct entity *e)
{
	return e ? _(e->words->a_one) : _("een item");
}

/* The sentence of a problem, without its column. */
static void
problem_words(const struct problem *p, char *buf, size_t bufsz)
{
	char expect[160], n[32], max[32];

	switch (p->kind) {
	case PROB_NONE:
		buf[0] = '\0';
		return;
	case PROB_MISSING:
		snprintf(buf, bufsz, _("ontbrekende waarde (verwacht: %s)"),
			 problem_expected(p->f, expect, sizeof(expect)));
		return;
	case PROB_LINE_BREAK:
		snprintf(buf, bufsz, "%s", _("regelovergang in een veld van één regel (verwacht: tekst op één regel)"));
		return;
	case PROB_TOO_LONG:
		snprintf(buf, bufsz, _("te lang: %s tekens (verwacht: hoogstens %s)"),
			 i18n_count(p->n, n), i18n_count(p->max, max));
		return;
	case PROB_NOT_NUMBER:
		snprintf(buf, bufsz, _("'%s' is ongeldig (verwacht: %s)"), p->value,
			 problem_expected(p->f, expect, sizeof(expect)));
		return;
	case PROB_NOT_DATE:
		snprintf(buf, bufsz, _("'%s' is geen datum (verwacht: %s)"), p->value,
			 problem_expected(p->f, expect, sizeof(expect)));
		return;
	case PROB_NOT_ALLOWED:
		snprintf(buf, bufsz, _("'%s' is niet toegestaan (verwacht: %s)"), p->value,
			 problem_expected(p->f, expect, sizeof(expect)));
		return;
	case PROB_UNKNOWN_DOMAIN:
		snprintf(buf, bufsz, _("onbekend domein '%s' (verwacht: de code of naam van een domein of thema)"),
			 p->value);
		return;
	case PROB_NO_MEETING:
		snprintf(buf, bufsz, _("geen vergadering op %s (verwacht: de datum van een vergadering in vergaderingen)"),
			 p->value);
		return;
	case PROB_UNKNOWN_ACTIELIJN:
		if (p->e && entity_field_index(p->e, "domein") >= 0)
			snprintf(buf, bufsz, _("onbekende actielijn '%s' (verwacht: de titel van een actielijn van dat domein)"),
				 p->value);
		else
			snprintf(buf, bufsz, _("onbekende actielijn '%s' (verwacht: de titel van een actielijn)"),
				 p->value);
		return;
	case PROB_AMBIGUOUS_ACTIELIJN:
		snprintf(buf, bufsz, _("'%s' noemt meer dan één actielijn (verwacht: een domein om ze uit elkaar te houden)"),
			 p->value);
		return;
	case PROB_TAKEN:
		if (!p->f)
			/* TRANSLATORS: %s is a kind of entry with its article:
			   "een actielijn" ("an actielijn") */
			snprintf(buf, bufsz, _("er bestaat al %s met deze gegevens"), a_one(p->e));
		else if (p->e == &entity_domeinen && strcmp(p->f->column, "naam") == 0)
			/* the one unique column beside the keys */
			snprintf(buf, bufsz, _("'%s' is al de naam van een domein of thema (verwacht: een naam die nog vrij is)"),
				 p->value);
		else	/* the column says which value: "code: 'VEILIG' ..." */
			snprintf(buf, bufsz, _("'%s' is al in gebruik (verwacht: een waarde die nog vrij is)"),
				 p->value);
		return;
	}
	buf[0] = '\0';
}

const char *
problem_text(const struct problem *p, bool with_column, char *buf, size_t bufsz)
{
	char words[FIELD_ERR_MAX + 128];

	problem_words(p, words, sizeof(words));
	if (with_column && p->f)
		snprintf(buf, bufsz, "%s: %s", p->f->column, words);
	else
		snprintf(buf, bufsz, "%s", words);
	return buf;
}

const char *
result_text(const struct result_info *r, char *buf, size_t bufsz)
{
	const char *this_one = r->e ? _(r->e->words->this_one) : _("dit item");
	char dir[PATH_MAX];

	switch (r->code) {
	case RES_OK:
		buf[0] = '\0';
		break;
	case RES_ERROR:
		snprintf(buf, bufsz, _("onverwachte fout van de database (%s)"), r->detail);
		break;
	case RES_NOT_FOUND:
		/* TRANSLATORS: %s is an entry with its article: "deze
		   actielijn", "dit besluit" ("this actielijn") */
		snprintf(buf, bufsz, _("%s bestaat niet meer"), this_one);
		break;
	case RES_CONFLICT:
		snprintf(buf, bufsz, _("iemand anders heeft %s intussen gewijzigd"), this_one);
		break;
	case RES_GONE:
		snprintf(buf, bufsz, _("iemand anders heeft %s intussen verwijderd"), this_one);
		break;
	case RES_EXISTS:
		snprintf(buf, bufsz, _("%s bestaat al"), r->path);
		break;
	case RES_DUPLICATE:
	case RES_INVALID:
		problem_text(&r->problem, true, buf, bufsz);
		break;
	case RES_BUSY:
		if (r->n < 1000)	/* a wait of 1 ms was "longer than 0 s" */
			snprintf(buf, bufsz, _("de database is bezet: een ander programma hield haar langer dan %ld ms vast; probeer het opnieuw"),
				 r->n);
		else
			snprintf(buf, bufsz, _("de database is bezet: een ander programma hield haar langer dan %s s vast; probeer het opnieuw"),
				 seconds(r->n, dir, sizeof(dir)));
		break;
	case RES_FULL:
		snprintf(buf, bufsz, "%s", _("de schijf is vol; er is niets gewijzigd"));
		break;
	case RES_READ_ONLY:
		snprintf(buf, bufsz, _("%s is alleen om te lezen geopend"), r->path);
		break;
	case RES_CANT_WRITE:
		snprintf(buf, bufsz, _("kan %s of zijn map niet schrijven (%s)"), r->path, r->detail);
		break;
	case RES_DIR_READ_ONLY:
		dir_of(r->path, dir, sizeof(dir));
		snprintf(buf, bufsz, _("de map %s is alleen-lezen voor jou, en snw houdt %s-wal- en -shm-bestanden naast de database (verwacht: een map waarin je mag schrijven; %s)"),
			 dir, r->path, r->detail);
		break;
	case RES_CORRUPT:
		snprintf(buf, bufsz, _("%s is geen snw-database of is beschadigd (%s)"), r->path, r->detail);
		break;
	case RES_NOMEM:
		snprintf(buf, bufsz, "%s", _("er is niet genoeg geheugen; er is niets gewijzigd"));
		break;
	case RES_NOT_OURS:
		snprintf(buf, bufsz, _("%s is geen snw-database: een ander programma heeft hem gemaakt (verwacht: een bestand dat snw init maakte, of een nieuwe bestandsnaam)"),
			 r->path);
		break;
	case RES_TOO_NEW:
		snprintf(buf, bufsz, _("%s is geschreven door een nieuwere snw (schema %ld, deze kent %ld)"),
			 r->path, r->n, r->m);
		break;
	case RES_OLD_SCHEMA:
		snprintf(buf, bufsz, _("%s heeft een ouder schema (%ld) en is alleen om te lezen geopend; open hem eenmaal schrijvend om hem bij te werken"),
			 r->path, r->n);
		break;
	case RES_CANT_OPEN:
		snprintf(buf, bufsz, "%s: %s", r->path, strerror(r->sys));
		break;
	case RES_CANT_CREATE:
		snprintf(buf, bufsz, _("%s: kan de database niet maken: %s"), r->path, strerror(r->sys));
		break;
	case RES_CANT_PUBLISH:
		snprintf(buf, bufsz, _("%s: kan de database niet op zijn plaats zetten: %s"), r->path,
			 strerror(r->sys));
		break;
	case RES_IMPORT_UNDO:
		snprintf(buf, bufsz, "%s", _("een import maak je niet ongedaan met u"));
		break;
	default:
		snprintf(buf, bufsz, _("onverwachte fout van de database (%s)"), r->detail);
	}
	return buf;
}

/* The columns of e, as a header names them: "domein, titel, ...". */
static void
columns_of(const struct entity *e, char *buf, size_t bufsz)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int g = 0; e && g < e->nfields && used < bufsz; g++)
		used += (size_t)snprintf(buf + used, bufsz - used, "%s%s", g ? ", " : "", e->fields[g].column);
}

const char *
file_problem_text(const struct file_problem *p, char *buf, size_t bufsz)
{
	const char *table = p->e ? p->e->name : "", *v = p->value ? p->value : "";
	char a[32], b[32], cols[256];

	i18n_count(p->n, a);
	i18n_count(p->m, b);
	switch (p->kind) {
	case FILE_CANT_READ:
		snprintf(buf, bufsz, _("kan niet gelezen worden: %s"), strerror(p->sys));
		break;
	case FILE_DIRECTORY:
		snprintf(buf, bufsz, "%s", _("kan niet gelezen worden: het is een map (verwacht: een CSV-bestand)"));
		break;
	case FILE_NOT_REGULAR:
		snprintf(buf, bufsz, "%s", _("kan niet gelezen worden: het is geen gewoon bestand (verwacht: een CSV-bestand)"));
		break;
	case FILE_TOO_BIG:
		snprintf(buf, bufsz, _("het bestand is %s MB (verwacht: een spreadsheet van hoogstens %s MB)"), a, b);
		break;
	case FILE_GREW:
		snprintf(buf, bufsz, _("het bestand groeide tijdens het lezen tot boven %s MB (verwacht: een spreadsheet van hoogstens %s MB)"),
			 b, b);
		break;
	case FILE_WHICH_TABLE:
		snprintf(buf, bufsz, "%s", _("welke tabel dit is, is niet te zien (verwacht: een bestand met de naam van een tabel, zoals actielijnen.csv, of --table NAAM)"));
		break;
	case FILE_UTF16:
		snprintf(buf, bufsz, "%s", _("het bestand is UTF-16 (verwacht: UTF-8 of Windows-1252; sla het op als \"CSV UTF-8\")"));
		break;
	case FILE_NUL:
		snprintf(buf, bufsz, "%s", _("een NUL-byte: dit is geen tekstbestand (verwacht: CSV-tekst)"));
		break;
	case FILE_BAD_BYTE:
		snprintf(buf, bufsz, _("byte 0x%02X is geen UTF-8 en geen Windows-1252 (verwacht: tekst opgeslagen als \"CSV UTF-8\" of \"CSV\")"),
			 (unsigned)p->n);
		break;
	case FILE_NOT_UTF8_AFTER:
		snprintf(buf, bufsz, _("byte 0x%02X is geen UTF-8, maar regel %lld was dat wel (verwacht: één codering voor het hele bestand; sla het opnieuw op als \"CSV UTF-8\")"),
			 (unsigned)p->n, p->m);
		break;
	case FILE_UTF8_AFTER:
		snprintf(buf, bufsz, _("\"%s\" is UTF-8, maar regel %lld was Windows-1252 (verwacht: één codering voor het hele bestand; sla het opnieuw op als \"CSV UTF-8\")"),
			 v, p->m);
		break;
	case FILE_BAD_SEP:
		snprintf(buf, bufsz, _("sep=%c: dit teken kan geen scheidingsteken zijn (verwacht: sep=; of sep=, of een ander leesteken)"),
			 (char)p->n);
		break;
	case FILE_EMPTY:
		snprintf(buf, bufsz, _("het bestand is leeg (verwacht: een kopregel met de kolommen van %s)"), table);
		break;
	case FILE_NO_ROWS:
		snprintf(buf, bufsz, "%s", _("geen rijen na de kopregel (verwacht: minstens één rij; een tabel leegmaken doe je met --replace)"));
		break;
	case FILE_TOO_MANY_COLUMNS:
		snprintf(buf, bufsz, _("de kopregel heeft %s kolommen (verwacht: de kolommen van %s, hoogstens %s)"),
			 a, table, b);
		break;
	case FILE_COLUMN_TWICE:
		snprintf(buf, bufsz, _("%s: deze kolom staat er twee keer (verwacht: elke kolom één keer)"), v);
		break;
	case FILE_UNKNOWN_COLUMN:
		snprintf(buf, bufsz, _("%s: onbekende kolom voor %s, overgeslagen"), v, table);
		break;
	case FILE_MISSING_COLUMN:
		columns_of(p->e, cols, sizeof(cols));
		snprintf(buf, bufsz, _("%s: deze verplichte kolom ontbreekt (verwacht: een kopregel met %s)"),
			 p->f ? p->f->column : "", cols);
		break;
	case FILE_TOO_MANY_VALUES:
		/* TRANSLATORS: the values are always more than one */
		snprintf(buf, bufsz, _n("%s waarden, maar de kopregel heeft %s kolom (verwacht: één waarde per kolom; staat er '%s' in een waarde zonder aanhalingstekens?)",
					"%s waarden, maar de kopregel heeft %s kolommen (verwacht: één waarde per kolom; staat er '%s' in een waarde zonder aanhalingstekens?)",
					p->m),
			 a, b, v);
		break;
	case FILE_BAD_QUOTE:
		snprintf(buf, bufsz, "%s", _("een aanhalingsteken waar het niet mag (verwacht: RFC 4180: een waarde met een aanhalingsteken staat tussen aanhalingstekens, en het aanhalingsteken erin staat er twee keer)"));
		break;
	case FILE_VALUE_TOO_BIG:
		snprintf(buf, bufsz, "%s", _("een waarde is te groot om te lezen (verwacht: een spreadsheet)"));
		break;
	case FILE_UNCLOSED_QUOTE:
		snprintf(buf, bufsz, "%s", _("een waarde tussen aanhalingstekens die hier begint, wordt nergens gesloten (verwacht: een afsluitend \")"));
		break;
	}
	return buf;
}

const char *
dependents_text(const struct dependents *d, char *buf, size_t bufsz)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < d->count && used < bufsz; i++) {
		char n[64];

		used += (size_t)snprintf(buf + used, bufsz - used, "%s%s", i ? ", " : "",
					 entity_count_text(d->e[i], d->n[i], n, sizeof(n)));
	}
	return buf;
}
