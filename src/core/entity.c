/*
 * The entity tables: one description of every kind of entry, and the one
 * rule set that turns what a person typed (in a spreadsheet or a form)
 * into the canonical value the database stores.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/entity.h"
#include "core/i18n.h"
#include "core/text.h"

#define TITLE_MAX 300	/* a title: a few hundred characters */
#define NAME_MAX_CHARS 200	/* names of people and places */
#define LONG_MAX_CHARS 8000	/* an explanation, decision or action text */

/* Where an entry comes from ("AB 21-12-2023, agendapunt 4"): every
 * entity has it, last, on one line, as long as a title may be (a source
 * that names two places is about 120 characters). Optional: an entry
 * without a known source is still an entry. */
#define BRON_FIELD \
	{ "bron", N_("Bron"), "source|bronvermelding|herkomst", FT_TEXT, false, false, TITLE_MAX, NULL, NULL }

static const struct enum_value soort_domein[] = {
	{ SOORT_DOMEIN, "domain|opgavedomein", 0 },
	{ SOORT_THEMA, "theme|topic", 0 },
	{ NULL, NULL, 0 },
};

/* Actielijnen and planning items share the statuses of a piece of work.
 * The order here is the order of work (forms cycle through it, a new
 * entry starts at the first); the dashboard shows what is going on first
 * (`shown`). */
static const struct enum_value status_werk[] = {
	{ STATUS_GEPLAND, "planned|todo|to do|nog niet gestart", 2 },
	{ STATUS_LOPEND, "ongoing|in progress|active|running|bezig|loopt", 1 },
	{ STATUS_AFGEROND, "done|completed|complete|finished|klaar|gereed", 3 },
	{ STATUS_GEPAUZEERD, "paused|on hold|gepauzeerd", 4 },
	{ STATUS_GESTOPT, "stopped|cancelled|canceled|vervallen", 5 },
	{ NULL, NULL, 0 },
};

static const struct enum_value status_actie[] = {
	{ STATUS_OPEN, "todo|to do|pending|openstaand", 0 },
	{ STATUS_GEDAAN, "done|closed|finished|afgerond|klaar|gereed", 0 },
	{ NULL, NULL, 0 },
};

static const struct enum_value soort_vergadering[] = {
	{ SOORT_AB, "AB|AB vergadering|alliantiebestuur|board meeting|board", 0 },
	{ SOORT_BREED, "alliantiebijeenkomst|brede bijeenkomst|alliance meeting", 0 },
	{ NULL, NULL, 0 },
};

static const struct field domein_fields[] = {
	{ "code", N_("Code"), "short|short code|afkorting", FT_TEXT, true, true, 16, NULL, NULL },
	{ "naam", N_("Naam"), "name", FT_TEXT, true, false, 120, NULL, NULL },
	{ "motto", N_("Motto"), "slogan|tagline", FT_TEXT, false, false, TITLE_MAX, NULL, NULL },
	{ "soort", N_("Soort"), "kind|type", FT_ENUM, false, false, 0, soort_domein, "domein" },
	{ "volgorde", N_("Volgorde"), "order|position|rank", FT_INT, false, false, 0, NULL, NULL },
	BRON_FIELD,
};

static const struct field vergadering_fields[] = {
	{ "datum", N_("Datum"), "date", FT_DATE, true, true, 0, NULL, NULL },
	{ "soort", N_("Soort"), "kind|type", FT_ENUM, false, true, 0, soort_vergadering, "AB-vergadering" },
	{ "titel", N_("Titel"), "title|name", FT_TEXT, false, false, TITLE_MAX, NULL, NULL },
	{ "locatie", N_("Locatie"), "location|place|plaats", FT_TEXT, false, false, NAME_MAX_CHARS, NULL, NULL },
	BRON_FIELD,
};

static const struct field succes_fields[] = {
	{ "domein", N_("Domein"), "domain|thema|theme", FT_DOMAIN, true, true, 0, NULL, NULL },
	{ "jaar", N_("Jaar"), "year", FT_INT, true, true, 0, NULL, NULL },
	{ "titel", N_("Titel"), "title|name", FT_TEXT, true, true, TITLE_MAX, NULL, NULL },
	{ "toelichting", N_("Toelichting"), "explanation|description|details", FT_LONGTEXT, false, false, LONG_MAX_CHARS, NULL, NULL },
	BRON_FIELD,
};

static const struct field actielijn_fields[] = {
	{ "domein", N_("Domein"), "domain|thema|theme", FT_DOMAIN, true, true, 0, NULL, NULL },
	{ "titel", N_("Titel"), "title|name", FT_TEXT, true, true, TITLE_MAX, NULL, NULL },
	{ "toelichting", N_("Toelichting"), "explanation|description|details", FT_LONGTEXT, false, false, LONG_MAX_CHARS, NULL, NULL },
	{ "trekker", N_("Trekker"), "owner|lead|leader", FT_TEXT, false, false, NAME_MAX_CHARS, NULL, NULL },
	{ "status", N_("Status"), "state", FT_ENUM, false, false, 0, status_werk, NULL },
	{ "start", N_("Start"), "begin|start date|startdatum", FT_DATE_START, false, false, 0, NULL, NULL },
	{ "eind", N_("Eind"), "end|end date|einddatum|einde", FT_DATE_END, false, false, 0, NULL, NULL },
	/* the heading on the slides the actielijn stands under */
	{ "groep", N_("Groep"), "group|groepering|cluster", FT_TEXT, false, false, TITLE_MAX, NULL, NULL },
	BRON_FIELD,
};

static const struct field planning_fields[] = {
	{ "datum", N_("Datum"), "date", FT_DATE, false, true, 0, NULL, NULL },
	{ "titel", N_("Titel"), "title|name|milestone|mijlpaal", FT_TEXT, true, true, TITLE_MAX, NULL, NULL },
	{ "domein", N_("Domein"), "domain|thema|theme", FT_DOMAIN, false, false, 0, NULL, NULL },
	{ "actielijn", N_("Actielijn"), "action line|actionline|line of action", FT_ACTIELIJN, false, false, TITLE_MAX, NULL, NULL },
	{ "status", N_("Status"), "state", FT_ENUM, false, false, 0, status_werk, NULL },
	BRON_FIELD,
};

static const struct field besluit_fields[] = {
	{ "vergadering", N_("Vergadering"), "meeting|meeting date", FT_MEETING, true, true, 0, NULL, NULL },
	{ "agendapunt", N_("Agendapunt"), "agenda item|item|topic", FT_TEXT, false, false, TITLE_MAX, NULL, NULL },
	{ "besluit", N_("Besluit"), "decision|text", FT_LONGTEXT, true, true, LONG_MAX_CHARS, NULL, NULL },
	BRON_FIELD,
};

static const struct field actie_fields[] = {
	{ "vergadering", N_("Vergadering"), "meeting|meeting date", FT_MEETING, false, true, 0, NULL, NULL },
	{ "actie", N_("Actie"), "action|task|text", FT_LONGTEXT, true, true, LONG_MAX_CHARS, NULL, NULL },
	{ "eigenaar", N_("Eigenaar"), "owner|who|wie", FT_TEXT, false, false, NAME_MAX_CHARS, NULL, NULL },
	{ "deadline", N_("Deadline"), "due|due date|uiterlijk", FT_DATE_END, false, false, 0, NULL, NULL },
	{ "status", N_("Status"), "state", FT_ENUM, false, false, 0, status_actie, NULL },
	{ "domein", N_("Domein"), "domain|thema|theme", FT_DOMAIN, false, false, 0, NULL, NULL },
	BRON_FIELD,
};

/*
 * What each kind of entry is called where a person reads it, phrase by
 * phrase (include/core/entity.h, struct entity_words): Dutch nouns are de-
 * or het-words, so "Nieuwe actielijn" but "Nieuw besluit", "deze actie"
 * but "dit domein". English keeps "actielijn", the programme's own word.
 * Only what has a status of work can be closed (afgerond, gestopt).
 */
static const struct entity_words domein_words = {
	N_("domein"), N_("dit domein"), N_("een domein"), N_("Nieuw domein"), N_("Domein wijzigen"),
	N_("Domein verwijderen"), N_("domein toegevoegd"), N_("domein gewijzigd"),
	N_("domein verwijderd"), NULL,
};
static const struct entity_words vergadering_words = {
	N_("vergadering"), N_("deze vergadering"), N_("een vergadering"), N_("Nieuwe vergadering"),
	N_("Vergadering wijzigen"), N_("Vergadering verwijderen"), N_("vergadering toegevoegd"),
	N_("vergadering gewijzigd"), N_("vergadering verwijderd"), NULL,
};
static const struct entity_words succes_words = {
	N_("succes"), N_("dit succes"), N_("een succes"), N_("Nieuw succes"), N_("Succes wijzigen"),
	N_("Succes verwijderen"), N_("succes toegevoegd"), N_("succes gewijzigd"),
	N_("succes verwijderd"), NULL,
};
static const struct entity_words actielijn_words = {
	N_("actielijn"), N_("deze actielijn"), N_("een actielijn"), N_("Nieuwe actielijn"),
	N_("Actielijn wijzigen"), N_("Actielijn verwijderen"), N_("actielijn toegevoegd"),
	N_("actielijn gewijzigd"), N_("actielijn verwijderd"), N_("actielijn afgesloten"),
};
static const struct entity_words planning_words = {
	N_("planningsitem"), N_("dit planningsitem"), N_("een planningsitem"),
	N_("Nieuw planningsitem"), N_("Planningsitem wijzigen"), N_("Planningsitem verwijderen"),
	N_("planningsitem toegevoegd"), N_("planningsitem gewijzigd"),
	N_("planningsitem verwijderd"), N_("planningsitem afgesloten"),
};
static const struct entity_words besluit_words = {
	N_("besluit"), N_("dit besluit"), N_("een besluit"), N_("Nieuw besluit"), N_("Besluit wijzigen"),
	N_("Besluit verwijderen"), N_("besluit toegevoegd"), N_("besluit gewijzigd"),
	N_("besluit verwijderd"), NULL,
};
static const struct entity_words actie_words = {
	N_("actie"), N_("deze actie"), N_("een actie"), N_("Nieuwe actie"), N_("Actie wijzigen"),
	N_("Actie verwijderen"), N_("actie toegevoegd"), N_("actie gewijzigd"),
	N_("actie verwijderd"), NULL,
};

/* Fields are listed in the CSV contract's column order; `title` names the
 * field a form opens on and lists show first. */
#define ENTITY(name, words, fields, title) \
	const struct entity entity_##name = { #name, &words, fields, \
		(int)(sizeof(fields) / sizeof(fields[0])), title }

ENTITY(domeinen, domein_words, domein_fields, 1);
ENTITY(vergaderingen, vergadering_words, vergadering_fields, 2);
ENTITY(successen, succes_words, succes_fields, 2);
ENTITY(actielijnen, actielijn_words, actielijn_fields, 1);
ENTITY(planning, planning_words, planning_fields, 1);
ENTITY(besluiten, besluit_words, besluit_fields, 2);
ENTITY(acties, actie_words, actie_fields, 1);

const struct entity *const entities[] = {
	&entity_domeinen, &entity_vergaderingen, &entity_successen, &entity_actielijnen,
	&entity_planning, &entity_besluiten, &entity_acties,
};
const int entity_count = (int)(sizeof(entities) / sizeof(entities[0]));

const struct entity *
entity_find(const char *name)
{
	for (int i = 0; i < entity_count; i++)
		if (text_casecmp(entities[i]->name, name) == 0)
			return entities[i];
	return NULL;
}

const char *
entity_count_text(const struct entity *e, long long n, char *buf, size_t bufsz)
{
	char num[32];

	/* One _n() per kind: each plural is in the catalogue. */
	i18n_count(n, num);
	if (e == &entity_domeinen)
		snprintf(buf, bufsz, _n("%s domein", "%s domeinen", n), num);
	else if (e == &entity_vergaderingen)
		snprintf(buf, bufsz, _n("%s vergadering", "%s vergaderingen", n), num);
	else if (e == &entity_successen)
		snprintf(buf, bufsz, _n("%s succes", "%s successen", n), num);
	else if (e == &entity_actielijnen)
		snprintf(buf, bufsz, _n("%s actielijn", "%s actielijnen", n), num);
	else if (e == &entity_planning)
		snprintf(buf, bufsz, _n("%s planningsitem", "%s planningsitems", n), num);
	else if (e == &entity_besluiten)
		snprintf(buf, bufsz, _n("%s besluit", "%s besluiten", n), num);
	else
		snprintf(buf, bufsz, _n("%s actie", "%s acties", n), num);
	return buf;
}

const char *
field_label(const struct field *f)
{
	return _(f->label);
}

const char *
status_word(const char *status)
{
	/* One call per word, so that each is in the catalogue. */
	if (!status || !*status)
		return C_("status", "onbekend");
	if (strcmp(status, STATUS_GEPLAND) == 0)
		return C_("status", "gepland");
	if (strcmp(status, STATUS_LOPEND) == 0)
		return C_("status", "lopend");
	if (strcmp(status, STATUS_AFGEROND) == 0)
		return C_("status", "afgerond");
	if (strcmp(status, STATUS_GEPAUZEERD) == 0)
		return C_("status", "gepauzeerd");
	if (strcmp(status, STATUS_GESTOPT) == 0)
		return C_("status", "gestopt");
	if (strcmp(status, STATUS_OPEN) == 0)
		return C_("status", "open");
	if (strcmp(status, STATUS_GEDAAN) == 0)
		return C_("status", "gedaan");
	return status;	/* not one of ours (an older database): as stored */
}

const char *
soort_word(const char *soort)
{
	if (!soort)
		return "";
	if (strcmp(soort, SOORT_DOMEIN) == 0)
		return C_("soort", "domein");
	if (strcmp(soort, SOORT_THEMA) == 0)
		return C_("soort", "thema");
	if (strcmp(soort, SOORT_AB) == 0)
		return C_("soort", "AB-vergadering");
	if (strcmp(soort, SOORT_BREED) == 0)
		return C_("soort", "brede alliantiebijeenkomst");
	return soort;
}

const char *
field_value_word(const struct field *f, const char *value)
{
	if (!value || !*value || f->type != FT_ENUM)
		return value;
	if (f->values == status_werk || f->values == status_actie)
		return status_word(value);
	return soort_word(value);
}

int
entity_index(const struct entity *e)
{
	for (int i = 0; i < entity_count; i++)
		if (entities[i] == e)
			return i;
	return -1;
}

/* How many allowed values f has (0 for a field that is not a choice). */
int
field_value_count(const struct field *f)
{
	int n = 0;

	for (const struct enum_value *v = f->values; v && v->value; v++)
		n++;
	return n;
}

const char *
field_value_shown(const struct field *f, int i)
{
	int n = field_value_count(f);

	if (i < 0 || i >= n)
		return NULL;
	for (int k = 0; k < n; k++)
		if (f->values[k].shown == i + 1)
			return f->values[k].value;
	return f->values[i].value;	/* no display order of its own */
}

int
entity_field_index(const struct entity *e, const char *column)
{
	for (int i = 0; i < e->nfields; i++)
		if (strcmp(e->fields[i].column, column) == 0)
			return i;
	return -1;
}

/* True when `word` equals one of the '|'-separated names in `list`,
 * ignoring case. */
static bool
in_list(const char *list, const char *word)
{
	char buf[64];

	while (list && *list) {
		const char *bar = strchr(list, '|');
		size_t n = bar ? (size_t)(bar - list) : strlen(list);

		if (n < sizeof(buf)) {
			memcpy(buf, list, n);
			buf[n] = '\0';
			if (text_casecmp(buf, word) == 0)
				return true;
		}
		list = bar ? bar + 1 : NULL;
	}
	return false;
}

int
entity_field_by_header(const struct entity *e, const char *name)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "%s", name);
	text_trim(buf);
	for (int i = 0; i < e->nfields; i++) {
		const struct field *f = &e->fields[i];

		if (text_casecmp(f->column, buf) == 0 || in_list(f->aliases, buf))
			return i;
	}
	return -1;
}

const char *
field_enum_match(const struct field *f, const char *word)
{
	for (const struct enum_value *v = f->values; v && v->value; v++)
		if (strcmp(v->value, word) == 0)	/* the common case, fast */
			return v->value;
	for (const struct enum_value *v = f->values; v && v->value; v++)
		if (text_casecmp(v->value, word) == 0 || in_list(v->aliases, word))
			return v->value;
	return NULL;
}

/* Number of UTF-8 characters in s. */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Line breaks are stored as LF whatever the spreadsheet wrote; s is
 * trimmed text inside buf, edited in place. */
static char *
crlf_to_lf(char *s)
{
	char *w = s;

	for (char *r = s; *r; r++)
		if (!(r[0] == '\r' && r[1] == '\n'))
			*w++ = *r;
	*w = '\0';
	return s;
}

const char *
field_normalize(const struct field *f, char *val, char datebuf[11], struct problem *why)
{
	const char *v = text_trim(val);

	if (*v == '\0' && f->def)
		v = f->def;
	if (*v == '\0') {
		if (f->required) {
			problem_set(why, PROB_MISSING, NULL, f, "");
			return NULL;
		}
		return "";
	}

	switch (f->type) {
	case FT_TEXT:
		if (strpbrk(v, "\r\n")) {
			problem_set(why, PROB_LINE_BREAK, NULL, f, "");
			return NULL;
		}
		/* fall through */
	case FT_LONGTEXT:
		if (f->type == FT_LONGTEXT)
			v = crlf_to_lf(val);
		/* fall through */
	case FT_DOMAIN:
	case FT_ACTIELIJN:
		if (f->max_chars > 0 && utf8_chars(v) > (size_t)f->max_chars) {
			problem_set(why, PROB_TOO_LONG, NULL, f, "");
			why->n = (long)utf8_chars(v);
			why->max = f->max_chars;
			return NULL;
		}
		return v;
	case FT_INT: {
		char *end;
		long n = strtol(v, &end, 10);

		if (*end != '\0' || end == v || n < -999999999L || n > 999999999L ||
		    (strcmp(f->column, "jaar") == 0 && (n < 1900 || n > 2199))) {
			problem_set(why, PROB_NOT_NUMBER, NULL, f, v);
			return NULL;
		}
		snprintf(datebuf, 11, "%ld", n);
		return datebuf;
	}
	case FT_DATE:
	case FT_MEETING:
	case FT_DATE_START:
	case FT_DATE_END: {
		enum date_role role = f->type == FT_DATE_START ? DATE_START :
				      f->type == FT_DATE_END ? DATE_END : DATE_POINT;

		if (!date_parse(v, role, datebuf)) {
			problem_set(why, PROB_NOT_DATE, NULL, f, v);
			return NULL;
		}
		return datebuf;
	}
	case FT_ENUM: {
		const char *canon = field_enum_match(f, v);

		if (!canon) {
			problem_set(why, PROB_NOT_ALLOWED, NULL, f, v);
			return NULL;
		}
		return canon;
	}
	}
	return v;
}
