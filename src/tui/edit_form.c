/*
 * The contents of an edit form, without curses: start values, the
 * allowed values of choice fields, validation with the importer's rules
 * (field_normalize) and with the database's way of resolving references
 * (model/refs.h), and what the pickers of reference fields offer. The
 * values are the exact bytes stored or typed; nothing here derives them
 * from what a screen shows. The actions that open and save forms are in
 * edit.c, the form on screen in formui.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/alloc.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "store/db.h"
#include "store/read.h"
#include "tui/edit.h"

/* The last reference check of a field, and the database's refusal. */
struct edit_memo {
	char *val, *dom;		/* what was checked (canonical by the rules) */
	char *canon;			/* the result: what to store, NULL when bad */
	char err[FIELD_ERR_MAX];	/* why it is bad */
	char *refused;			/* a value the database refused ... */
	char refused_err[FIELD_ERR_MAX];	/* ... and what it said */
};

/* --- the form's contents ------------------------------------------------------ */

/* Allowed values of a choice field, NULL-ended and malloc'd: an enum's
 * values, or the names of the domains and themes; "" (none) last when
 * the field may stay empty. NULL for other fields. */
static char **
load_choices(struct db *db, const struct field *fd)
{
	struct ref_list doms = { 0 };
	char **c = NULL;
	size_t n = 0, cap = 0;
	bool empty_ok = !fd->required && !fd->def;

	if (fd->type != FT_ENUM && fd->type != FT_DOMAIN)
		return NULL;
#define ADD(s) do { \
		if (n + 2 > cap) { \
			c = xrealloc(c, (cap = cap ? cap * 2 : 16) * sizeof(*c)); \
		} \
		c[n++] = xstrdup(s); \
	} while (0)
	if (fd->type == FT_ENUM) {
		for (const struct enum_value *v = fd->values; v && v->value; v++)
			ADD(v->value);
	} else {
		refs_find(db, REF_DOMAIN, NULL, NULL, 1000, &doms);
		for (int i = 0; i < doms.n; i++)
			ADD(doms.v[i].value);
		refs_free(&doms);
	}
	if (empty_ok)
		ADD("");
	if (!c)
		ADD("");
	c[n] = NULL;
#undef ADD
	return c;
}

struct edit_form *
edit_form_new(struct db *db, const struct entity *e, long long id,
	      const char *const *prefill)
{
	struct edit_form *f = xcalloc(1, sizeof(*f));
	int k = 0;

	f->e = e;
	f->db = db;
	f->id = id;
	f->order[k++] = e->title;
	for (int j = 0; j < e->nfields; j++)
		if (j != e->title)
			f->order[k++] = j;
	f->focus = e->title;
	if (id) {
		char *vals[ENTITY_MAX_FIELDS] = { 0 };
		if (db_get(db, e, id, vals) < 0) {
			db_free_row(e, vals);
			free(f);
			return NULL;
		}
		for (int j = 0; j < e->nfields; j++) {
			f->orig[j] = vals[j];
			f->val[j] = xstrdup(vals[j]);
		}
		/* "Actielijn wijzigen"; Dutch "Nieuwe actielijn" but "Nieuw
		 * besluit": one phrase per kind (struct entity_words) */
		snprintf(f->heading, sizeof(f->heading), "%s", _(e->words->edit_one));
	} else {
		for (int j = 0; j < e->nfields; j++) {
			const struct field *fd = &e->fields[j];
			const char *v = "";

			if (prefill && prefill[j])
				v = prefill[j];
			else if (fd->def)
				v = fd->def;
			else if (fd->type == FT_ENUM && strcmp(fd->column, "status") == 0)
				v = fd->values[0].value;	/* gepland, open */
			f->val[j] = xstrdup(v);
		}
		snprintf(f->heading, sizeof(f->heading), "%s", _(e->words->new_one));
	}
	for (int j = 0; j < e->nfields; j++) {
		f->start[j] = xstrdup(f->val[j]);
		f->choices[j] = load_choices(db, &e->fields[j]);
	}
	return f;
}

static void
free_strings(char **v, int n)
{
	for (int j = 0; j < n; j++) {
		free(v[j]);
		v[j] = NULL;
	}
}

void
edit_free_values(char **vals, int n)
{
	free_strings(vals, n);
}

static void
memo_free(struct edit_memo *m)
{
	if (!m)
		return;
	free(m->val);
	free(m->dom);
	free(m->canon);
	free(m->refused);
	free(m);
}

void
edit_form_free(struct edit_form *f)
{
	if (!f)
		return;
	free_strings(f->val, f->e->nfields);
	free_strings(f->start, f->e->nfields);
	free_strings(f->orig, f->e->nfields);
	free_strings(f->theirs, f->e->nfields);
	for (int j = 0; j < f->e->nfields; j++) {
		for (char **c = f->choices[j]; c && *c; c++)
			free(*c);
		free(f->choices[j]);
		memo_free(f->memo[j]);
	}
	free(f);
}

void
edit_form_set(struct edit_form *f, int j, const char *text)
{
	char *v = xstrdup(text);

	free(f->val[j]);
	f->val[j] = v;
}

bool
edit_form_changed(const struct edit_form *f)
{
	for (int j = 0; j < f->e->nfields; j++)
		if (strcmp(f->val[j], f->start[j]) != 0)
			return true;
	return false;
}

bool
edit_form_is_choice(const struct edit_form *f, int j)
{
	return f->choices[j] != NULL;
}

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

void
edit_form_choose(struct edit_form *f, int j, int dir, int wc)
{
	char **c = f->choices[j];
	int n = 0, cur = -1;

	if (!c)
		return;
	for (; c[n]; n++)
		if (cur < 0 && strcmp(c[n], f->val[j]) == 0)
			cur = n;
	if (n == 0)
		return;
	if (dir) {
		cur = cur < 0 ? (dir > 0 ? 0 : n - 1) : (cur + dir + n) % n;
		edit_form_set(f, j, c[cur]);
		return;
	}
	/* by the first letter of the word shown: "p" is gepland in Dutch,
	 * planned in English */
	for (int i = 1; i <= n; i++) {
		int k = ((cur < 0 ? -1 : cur) + i + n) % n;
		const char *shown = field_value_word(&f->e->fields[j], c[k]);
		wchar_t first = 0;

		if (mbtowc(&first, shown, strlen(shown)) > 0 &&
		    ascii_lower((int)first) == ascii_lower(wc)) {
			edit_form_set(f, j, c[k]);
			return;
		}
	}
}

/* A person's name: free text, with the names used before as suggestions. */
static bool
is_person(const struct field *fd)
{
	return fd->type == FT_TEXT && (strcmp(fd->column, "trekker") == 0 ||
				       strcmp(fd->column, "eigenaar") == 0);
}

const char *
edit_form_hint(const struct edit_form *f, int j)
{
	const struct field *fd = &f->e->fields[j];

	switch (fd->type) {
	case FT_DATE:
	case FT_DATE_START:
	case FT_DATE_END:
		return _("een datum: 2024-03-04, 4-3-2024, 4 maart 2024, maart 2024 of Q2 2024");
	case FT_MEETING:
		return _("een vergadering, bv. 25-1-2024: typ om te zoeken, F4 toont de lijst");
	case FT_ACTIELIJN:
		return _("een actielijn van het gekozen domein: typ om te zoeken, F4 toont de lijst");
	case FT_INT:
		return strcmp(fd->column, "jaar") == 0 ? _("een jaar, bv. 2024") : _("een heel getal");
	case FT_ENUM:
		return _("kies met ←/→, spatie of de beginletter");
	case FT_DOMAIN:
		return _("kies met ←/→ of spatie, of typ om te zoeken (F4 toont de lijst)");
	case FT_LONGTEXT:
		return _("meerdere regels: Enter begint een nieuwe regel, Ctrl-E opent je editor");
	case FT_TEXT:
		break;
	}
	if (is_person(fd))
		return _("een naam: typ om eerder gebruikte namen te zien (F4 toont ze allemaal)");
	return fd->required ? _("verplicht") : "";
}

/* --- checking ----------------------------------------------------------------- */

static bool
is_ref(const struct field *fd)
{
	return fd->type == FT_DOMAIN || fd->type == FT_MEETING || fd->type == FT_ACTIELIJN;
}

static struct edit_memo *
memo_of(struct edit_form *f, int j)
{
	if (!f->memo[j])
		f->memo[j] = xcalloc(1, sizeof(*f->memo[j]));
	return f->memo[j];
}

/*
 * The canonical value of field j by the importer's rules, malloc'd; NULL
 * with err set when the rules refuse it. A field that still holds its
 * stored value gives exactly those bytes: what nobody changed is saved
 * as it was, control characters, odd spacing and all.
 */
static char *
normalize(struct edit_form *f, int j, char *err, size_t errsz)
{
	char *buf, *r, date[11];
	struct problem why;
	const char *c;

	if (f->orig[j] && strcmp(f->val[j], f->orig[j]) == 0)
		return xstrdup(f->orig[j]);
	buf = xstrdup(f->val[j]);
	c = field_normalize(&f->e->fields[j], buf, date, &why);
	r = c ? xstrdup(c) : NULL;
	if (!c)
		problem_text(&why, false, err, errsz);
	free(buf);
	return r;
}

/*
 * Reference c (non-empty, canonical by the rules) of field j, resolved as
 * the database will: the value to store (malloc'd; a domain by its full
 * name, an actielijn by its exact title), or NULL with err set. dom is
 * the domain an actielijn must belong to (its full name), or NULL.
 */
static char *
resolve(struct edit_form *f, int j, const char *c, const char *dom, char *err, size_t errsz)
{
	const struct field *fd = &f->e->fields[j];
	char shown[80], *canon = NULL;
	int n;

	text_fit(shown, sizeof(shown), c, 50);
	switch (fd->type) {
	case FT_DOMAIN:
		n = refs_domain(f->db, c, &canon);
		if (n == 0)
			snprintf(err, errsz, _("er is geen domein of thema ‘%s’ (F4 toont de lijst)"), shown);
		break;
	case FT_MEETING:
		n = refs_meetings_on(f->db, c);
		if (n > 0)
			return xstrdup(c);
		date_format_short(c, shown, sizeof(shown));
		if (n == 0)
			snprintf(err, errsz, _("er is geen vergadering op %s (F4 toont de lijst)"), shown);
		break;
	case FT_ACTIELIJN:
		n = refs_actielijn(f->db, dom, c, &canon);
		if (n == 0 && dom)
			snprintf(err, errsz, _("het domein %s heeft geen actielijn ‘%s’ (F4 toont de lijst)"),
				 dom, shown);
		else if (n == 0)
			snprintf(err, errsz, _("er is geen actielijn ‘%s’ (F4 toont de lijst)"), shown);
		else if (n > 1 && dom)
			snprintf(err, errsz, _("‘%s’ past op meer dan één actielijn: kies er een uit de lijst (F4)"),
				 shown);
		else if (n > 1)
			snprintf(err, errsz, _("meer dan één actielijn heet ‘%s’: kies eerst het domein"), shown);
		break;
	default:
		return xstrdup(c);
	}
	if (n < 0) {
		char msg[RESULT_TEXT_MAX];

		snprintf(err, errsz, _("kon niet controleren: %s"),
			 result_text(db_result(f->db), msg, sizeof(msg)));
	}
	return n == 1 ? canon : (free(canon), NULL);
}

/* resolve(), but looked up again only when the value or domain changed. */
static char *
resolve_memo(struct edit_form *f, int j, const char *c, const char *dom, char *err, size_t errsz)
{
	struct edit_memo *m = memo_of(f, j);

	if (!m->val || strcmp(m->val, c) != 0 || (m->dom == NULL) != (dom == NULL) ||
	    (dom && strcmp(m->dom, dom) != 0)) {
		free(m->val);
		free(m->dom);
		free(m->canon);
		m->err[0] = '\0';
		m->val = xstrdup(c);
		m->dom = dom ? xstrdup(dom) : NULL;
		m->canon = resolve(f, j, c, dom, m->err, sizeof(m->err));
	}
	if (!m->canon)
		snprintf(err, errsz, "%s", m->err);
	return m->canon ? xstrdup(m->canon) : NULL;
}

/*
 * Checks the fields into canon[] and errs[]. References are resolved
 * only where want[j] is true (NULL: everywhere), freshly or (memo) from
 * the last check. The domain comes first: an actielijn is looked up in
 * it, and not at all while the domain itself is wrong.
 */
static void
check_fields(struct edit_form *f, char **canon, char errs[][FIELD_ERR_MAX], const bool *want,
	     bool memo)
{
	const struct entity *e = f->e;
	int d = entity_field_index(e, "domein");

	for (int k = -1; k < e->nfields; k++) {
		int j = k < 0 ? d : k;
		const struct field *fd;
		char *r;

		if (j < 0 || (k >= 0 && j == d))
			continue;
		fd = &e->fields[j];
		errs[j][0] = '\0';
		canon[j] = normalize(f, j, errs[j], FIELD_ERR_MAX);
		if (!canon[j] || !*canon[j] || !is_ref(fd) || (want && !want[j] && j != d))
			continue;
		if (fd->type == FT_ACTIELIJN && d >= 0 && !canon[d])
			continue;	/* the domain's own message says it */
		r = (memo ? resolve_memo : resolve)(f, j, canon[j],
						    fd->type == FT_ACTIELIJN && d >= 0 && *canon[d] ? canon[d] : NULL,
						    errs[j], FIELD_ERR_MAX);
		free(canon[j]);
		canon[j] = r;
	}
}

int
edit_form_check(struct edit_form *f, char **canon)
{
	char errs[ENTITY_MAX_FIELDS][FIELD_ERR_MAX];
	int bad = 0;

	check_fields(f, canon, errs, NULL, false);
	f->focus = -1;
	for (int k = 0; k < f->e->nfields; k++) {
		int j = f->order[k];

		f->touched[j] = true;
		memcpy(f->err[j], errs[j], sizeof(f->err[j]));
		if (!canon[j]) {
			bad++;
			if (f->focus < 0)
				f->focus = j;
		}
	}
	if (f->focus < 0)
		f->focus = f->e->title;
	return bad;
}

void
edit_form_recheck(struct edit_form *f, int typing)
{
	char errs[ENTITY_MAX_FIELDS][FIELD_ERR_MAX], *canon[ENTITY_MAX_FIELDS] = { 0 };
	bool want[ENTITY_MAX_FIELDS];

	for (int j = 0; j < f->e->nfields; j++)
		want[j] = f->touched[j] && j != typing;
	check_fields(f, canon, errs, want, true);
	for (int j = 0; j < f->e->nfields; j++) {
		struct edit_memo *m = f->memo[j];

		if (j == typing && canon[j] && *canon[j] && is_ref(&f->e->fields[j]))
			continue;	/* looked up when the cursor leaves it */
		if (!errs[j][0] && m && m->refused && strcmp(m->refused, f->val[j]) == 0)
			snprintf(errs[j], sizeof(errs[j]), "%s", m->refused_err);
		if (f->touched[j])
			memcpy(f->err[j], errs[j], sizeof(f->err[j]));
		else
			f->err[j][0] = '\0';
	}
	edit_free_values(canon, f->e->nfields);
}

void
edit_form_refuse(struct edit_form *f, int j, const char *msg)
{
	struct edit_memo *m = memo_of(f, j);

	free(m->refused);
	m->refused = xstrdup(f->val[j]);
	snprintf(m->refused_err, sizeof(m->refused_err), "%s", msg);
	snprintf(f->err[j], sizeof(f->err[j]), "%s", msg);
	f->touched[j] = true;
}

void
edit_form_touch(struct edit_form *f, int j)
{
	f->touched[j] = true;
}

int
edit_form_errors(const struct edit_form *f)
{
	int n = 0;

	for (int j = 0; j < f->e->nfields; j++)
		n += f->err[j][0] != '\0';
	return n;
}

bool
edit_form_field_changed(const struct edit_form *f, int j)
{
	return strcmp(f->val[j], f->start[j]) != 0;
}

/* --- pickers ---------------------------------------------------------------- */

enum edit_pick
edit_form_pick(const struct edit_form *f, int j, enum ref_kind *kind)
{
	const struct field *fd = &f->e->fields[j];

	switch (fd->type) {
	case FT_DOMAIN: *kind = REF_DOMAIN; return PICK_LIST;
	case FT_MEETING: *kind = REF_MEETING; return PICK_LIST;
	case FT_ACTIELIJN: *kind = REF_ACTIELIJN; return PICK_LIST;
	default: break;
	}
	if (is_person(fd)) {
		*kind = REF_PERSON;
		return PICK_SUGGEST;
	}
	return PICK_NONE;
}

char *
edit_form_pick_domain(struct edit_form *f)
{
	int d = entity_field_index(f->e, "domein");
	char *name = NULL, *v;

	if (d < 0 || !*f->val[d])
		return NULL;
	v = xstrdup(f->val[d]);
	if (refs_domain(f->db, text_trim(v), &name) <= 0)
		name = NULL;
	free(v);
	return name;
}

void
edit_form_take(struct edit_form *f, int j, const struct ref_item *it)
{
	int d = entity_field_index(f->e, "domein");

	edit_form_set(f, j, it->value);
	if (it->domain && d >= 0 && d != j && !*f->val[d])
		edit_form_set(f, d, it->domain);
}

void
edit_form_settle(struct edit_form *f, int j)
{
	char *v, *dom, *canon = NULL;

	if (f->e->fields[j].type != FT_ACTIELIJN || !*f->val[j])
		return;
	v = xstrdup(f->val[j]);
	dom = edit_form_pick_domain(f);
	if (refs_actielijn(f->db, dom, text_trim(v), &canon) == 1 && strcmp(canon, f->val[j]) != 0)
		edit_form_set(f, j, canon);
	free(canon);
	free(dom);
	free(v);
}
