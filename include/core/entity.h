#ifndef SNW_ENTITY_H
#define SNW_ENTITY_H

/*
 * One description of each kind of entry (domein, succes, actielijn, ...).
 * The importer's header mapping, the exporter, the validation rules, the
 * edit forms and the help text are all driven by these tables, so they
 * cannot drift apart. The SQL schema (src/store/) is written out by hand for
 * readability; tests/test_entity.c checks that they describe the same
 * columns.
 */

#include <stdbool.h>
#include <stddef.h>

#include "core/result.h"

#define ENTITY_MAX_FIELDS 10	/* the most fields an entity has (actielijnen: 9) */
#define FIELD_ERR_MAX 256

enum field_type {
	FT_TEXT,	/* one line of text */
	FT_LONGTEXT,	/* several lines (toelichting, besluit) */
	FT_INT,		/* a whole number (jaar, volgorde) */
	FT_DATE,	/* a date; a month or quarter means its first day */
	FT_DATE_START,	/* start of a period: a quarter means its first day */
	FT_DATE_END,	/* end of a period: a quarter means its last day */
	FT_ENUM,	/* one of field.values */
	FT_DOMAIN,	/* a domain or theme, by code or full name */
	FT_MEETING,	/* a meeting, by its date */
	FT_ACTIELIJN,	/* an actielijn, by its title */
};

#define ENTITY_MAX_VALUES 8	/* allowed values of a choice field, at most */

/*
 * The values the code itself relies on by name. The tables in entity.c
 * spell them with these names, SQL in the model is built from them
 * ("... <> '" STATUS_GEDAAN "'"), so each word is written once. The
 * schema's CHECK constraints (src/store/, migrations that are history and
 * cannot change) list them too; tests/test_entity.c checks that the
 * database takes exactly these.
 */
#define STATUS_GEPLAND "gepland"	/* the statuses of work: actielijnen, planning */
#define STATUS_LOPEND "lopend"
#define STATUS_AFGEROND "afgerond"
#define STATUS_GEPAUZEERD "gepauzeerd"
#define STATUS_GESTOPT "gestopt"
#define STATUS_OPEN "open"		/* the statuses of an actie */
#define STATUS_GEDAAN "gedaan"
#define SOORT_DOMEIN "domein"		/* the kinds of domeinen */
#define SOORT_THEMA "thema"
#define SOORT_AB "AB-vergadering"	/* the kinds of vergaderingen */
#define SOORT_BREED "brede alliantiebijeenkomst"

/* An allowed value and the other words (English, synonyms) that mean it. */
struct enum_value {
	const char *value;	/* canonical, stored and exported */
	const char *aliases;	/* '|'-separated, matched case-insensitively */
	int shown;		/* place in the dashboard's bars, legends and
				   filters (1 = first); 0: the table's order */
};

struct field {
	const char *column;	/* Dutch CSV column name; also the SQL column
				   (ref fields are stored as <column>_id) */
	const char *label;	/* its label in forms, documents and messages: a
				   msgid (Dutch); show it with field_label() */
	const char *aliases;	/* '|'-separated English names accepted in headers */
	enum field_type type;
	bool required;		/* an entry cannot do without it */
	bool key;		/* part of the natural key used to match rows */
	int max_chars;		/* limit in characters for text; 0 = none */
	const struct enum_value *values; /* FT_ENUM: allowed values, NULL-ended */
	const char *def;	/* value used when the input is empty, or NULL */
};

/*
 * What a kind of entry is called where a person reads it. Dutch nouns are
 * de- or het-words ("deze actielijn", "dit besluit"; "Nieuwe actie",
 * "Nieuw besluit"), so every phrase that names a kind is written whole,
 * once per kind (src/core/entity.c), and translated whole: the phrases are
 * msgids, shown through _(). A sentence that takes one takes it whole as
 * a noun phrase with its article ("%s bestaat niet meer" with "deze
 * actielijn"), which Dutch and English both allow.
 */
struct entity_words {
	const char *kind;	/* "actielijn": the kind as a label (a list's column,
				   "treffer 1/3 (actielijn)") */
	const char *this_one;	/* "deze actielijn", "dit besluit" */
	const char *a_one;	/* "een actielijn" (English: "an actielijn") */
	const char *new_one;	/* "Nieuwe actielijn": a form's heading */
	const char *edit_one;	/* "Actielijn wijzigen": a form's heading */
	const char *delete_one;	/* "Actielijn verwijderen": the question */
	const char *added;	/* "actielijn toegevoegd": what happened */
	const char *changed;	/* "actielijn gewijzigd" */
	const char *deleted;	/* "actielijn verwijderd" */
	const char *closed;	/* "actielijn afgesloten" (afgerond or gestopt);
				   NULL for a kind without a status of work */
};

struct entity {
	const char *name;	/* table and CSV file name: "actielijnen" (the file
				   contract: never translated) */
	const struct entity_words *words;	/* what people read it as */
	const struct field *fields;	/* in the CSV contract's column order */
	int nfields;
	int title;		/* index of the field that names an entry */
};

/* The seven entities in dependency order: an entity only refers to
 * entities before it, so importing in this order always resolves. */
extern const struct entity *const entities[];
extern const int entity_count;

/* The same, one handle each: code that means a particular kind of entry
 * names it (e == &entity_acties), never looks it up by name. */
extern const struct entity entity_domeinen, entity_vergaderingen, entity_successen,
	entity_actielijnen, entity_planning, entity_besluiten, entity_acties;

/* "12 actielijnen", "1 besluit": n entries of kind e, the number as
 * i18n_count writes it, in the language shown. Returns buf. */
const char *entity_count_text(const struct entity *e, long long n, char *buf, size_t bufsz);

/* A field's label in the language shown ("Titel", "Title"). */
const char *field_label(const struct field *f);

/* A status (of work or of an action) as a word in the language shown:
 * "gepland" ("planned"); "" or NULL is "onbekend". The stored value
 * stays Dutch: it is data. */
const char *status_word(const char *status);

/* A kind of domain or meeting (soort) in the language shown: "thema"
 * ("theme"), "AB-vergadering" ("AB meeting"). */
const char *soort_word(const char *soort);

/* A stored value of field f as shown: a choice (status, soort) in the
 * language shown ("" stays ""), anything else as stored. */
const char *field_value_word(const struct field *f, const char *value);

/* Looks an entity up by table name (case-insensitive); NULL if unknown. */
const struct entity *entity_find(const char *name);

/* Position of e in entities[] (its dependency order). */
int entity_index(const struct entity *e);

/* Index of the field whose column name or alias is `name`
 * (case-insensitive, surrounding spaces ignored), or -1. */
int entity_field_by_header(const struct entity *e, const char *name);

/* Index of the field called `column`, or -1. */
int entity_field_index(const struct entity *e, const char *column);

/*
 * The one rule set for a value of field f, shared by importer and forms.
 * `val` is the raw text (NUL-terminated, may be modified: it is trimmed in
 * place). On success returns the canonical value: a pointer into val, to
 * a static enum value, or into datebuf (ISO date); "" means empty. Ref
 * fields are only trimmed here; the database resolves them. On failure
 * returns NULL and says in *why what is wrong (problem_text words it).
 */
const char *field_normalize(const struct field *f, char *val, char datebuf[11],
			    struct problem *why);

/* Number of allowed values of f (0 when it is not a choice field). */
int field_value_count(const struct field *f);

/* The allowed value of f at place i in the dashboard's order (the
 * values' `shown`), or NULL past the last. */
const char *field_value_shown(const struct field *f, int i);

/* The canonical enum value matching `word` (value or alias), or NULL. */
const char *field_enum_match(const struct field *f, const char *word);

#endif
