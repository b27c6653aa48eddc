/*
 * The contents of an edit form, without curses: start values, the
 * allowed values of choice fields, validation with the importer's rules
 * (field_normalize), and the layout of multi-line text the form library
 * uses. The actions that open and save forms are in edit.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "store/db.h"
#include "tui/edit.h"

static char *
xstrdup(const char *s)
{
	char *d = strdup(s ? s : "");

	if (!d)
		abort();	/* a few kilobytes at most: nothing sensible to do */
	return d;
}

/* --- the form's contents ------------------------------------------------------ */

/* Dutch: "de actielijn" but "het besluit" — new ones are "nieuwe"/"nieuw". */
static const char *
new_word(const struct entity *e)
{
	static const char *const neuter[] = { "domeinen", "successen", "planning", "besluiten" };

	for (size_t i = 0; i < sizeof(neuter) / sizeof(neuter[0]); i++)
		if (strcmp(e->name, neuter[i]) == 0)
			return "Nieuw";
	return "Nieuwe";
}

/* Allowed values of a choice field, NULL-ended and malloc'd: an enum's
 * values, or the names of the domains and themes; "" (none) last when
 * the field may stay empty. NULL for other fields. */
static char **
load_choices(struct db *db, const struct field *fd)
{
	char **c = NULL;
	size_t n = 0, cap = 0;
	bool empty_ok = !fd->required && !fd->def;

	if (fd->type != FT_ENUM && fd->type != FT_DOMAIN)
		return NULL;
#define ADD(s) do { \
		if (n + 2 > cap) { \
			char **p = realloc(c, (cap = cap ? cap * 2 : 16) * sizeof(*c)); \
			if (!p) \
				abort(); \
			c = p; \
		} \
		c[n++] = xstrdup(s); \
	} while (0)
	if (fd->type == FT_ENUM) {
		for (const struct enum_value *v = fd->values; v && v->value; v++)
			ADD(v->value);
	} else {
		struct db_stmt *st = db_prepare(db, "SELECT naam FROM domeinen"
						    " ORDER BY volgorde IS NULL, volgorde, id");

		while (st && db_step(st) == 1)
			ADD(db_col_text(st, 0));
		db_finalize(st);
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
	      const char *const *prefill, char *err, size_t errsz)
{
	struct edit_form *f = calloc(1, sizeof(*f));
	char cap[64];
	int k = 0;

	if (!f) {
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	f->e = e;
	f->id = id;
	f->order[k++] = e->title;
	for (int j = 0; j < e->nfields; j++)
		if (j != e->title)
			f->order[k++] = j;
	f->focus = e->title;
	if (id) {
		char *vals[ENTITY_MAX_FIELDS] = { 0 };
		int rc = db_get(db, e, id, vals);

		if (rc <= 0) {
			snprintf(err, errsz, rc == 0 ? "deze %s bestaat niet meer" : "%s",
				 rc == 0 ? e->singular : db_errmsg(db));
			db_free_row(e, vals);
			free(f);
			return NULL;
		}
		for (int j = 0; j < e->nfields; j++) {
			f->orig[j] = vals[j];
			f->val[j] = xstrdup(vals[j]);
		}
		snprintf(cap, sizeof(cap), "%s", e->singular);
		cap[0] = (char)(cap[0] >= 'a' && cap[0] <= 'z' ? cap[0] - 32 : cap[0]);
		snprintf(f->heading, sizeof(f->heading), "%s wijzigen", cap);
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
		snprintf(f->heading, sizeof(f->heading), "%s %s", new_word(e), e->singular);
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
	}
	free(f);
}

int
edit_form_set(struct edit_form *f, int j, const char *text)
{
	char *v = strdup(text ? text : "");

	if (!v)
		return -1;
	free(f->val[j]);
	f->val[j] = v;
	return 0;
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
	for (int i = 1; i <= n; i++) {
		int k = ((cur < 0 ? -1 : cur) + i + n) % n;
		wchar_t first = 0;

		if (mbtowc(&first, c[k], strlen(c[k])) > 0 &&
		    ascii_lower((int)first) == ascii_lower(wc)) {
			edit_form_set(f, j, c[k]);
			return;
		}
	}
}

const char *
edit_form_hint(const struct edit_form *f, int j)
{
	const struct field *fd = &f->e->fields[j];

	switch (fd->type) {
	case FT_DATE:
	case FT_DATE_START:
	case FT_DATE_END:
		return "een datum: 2024-03-04, 4-3-2024, 4 maart 2024, maart 2024 of Q2 2024";
	case FT_MEETING:
		return "de datum van een vergadering, bv. 25-1-2024";
	case FT_ACTIELIJN:
		return "de titel van een actielijn (van het gekozen domein); leeg = geen";
	case FT_INT:
		return strcmp(fd->column, "jaar") == 0 ? "een jaar, bv. 2024" : "een heel getal";
	case FT_ENUM:
	case FT_DOMAIN:
		return "kies met ←/→, spatie of de beginletter";
	case FT_LONGTEXT:
		return "meerdere regels: Enter begint een nieuwe regel";
	case FT_TEXT:
		break;
	}
	return fd->required ? "verplicht" : "";
}

int
edit_form_check(struct edit_form *f, char **canon)
{
	int bad = 0;

	f->focus = -1;
	for (int k = 0; k < f->e->nfields; k++) {
		int j = f->order[k];
		char *buf = xstrdup(f->val[j]), date[11];
		const char *c;

		f->err[j][0] = '\0';
		c = field_normalize(&f->e->fields[j], buf, date, f->err[j], sizeof(f->err[j]));
		canon[j] = c ? xstrdup(c) : NULL;
		free(buf);
		if (!c) {
			bad++;
			if (f->focus < 0)
				f->focus = j;
		}
	}
	if (f->focus < 0)
		f->focus = f->e->title;
	return bad;
}

bool
edit_form_field_changed(const struct edit_form *f, int j)
{
	return strcmp(f->val[j], f->start[j]) != 0;
}

/* --- multi-line fields ------------------------------------------------------ */

/* A growing string. */
struct sbuf {
	char *s;
	size_t len, cap;
	bool oom;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->s, cap);

		if (!p) {
			b->oom = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static char *
sb_done(struct sbuf *b)
{
	if (b->oom) {
		free(b->s);
		return NULL;
	}
	if (!b->s)
		return xstrdup("");
	return b->s;
}

/* Length in bytes and width in columns of the UTF-8 character at s. */
static int
char_at(const char *s, int *width)
{
	wchar_t wc;
	int n = mbtowc(&wc, s, MB_CUR_MAX);

	if (n <= 0) {
		*width = 1;
		return 1;
	}
	*width = wcwidth(wc);
	if (*width < 0)
		*width = 1;
	return n;
}

/* Display width of the first n bytes of s. */
static int
width_of(const char *s, size_t n)
{
	int w = 0, cw;

	for (size_t i = 0; i < n;) {
		i += (size_t)char_at(s + i, &cw);
		w += cw;
	}
	return w;
}

/* Ends the current row: pads it to cols. */
static void
pad_row(struct sbuf *b, int used, int cols)
{
	for (; used < cols; used++)
		sb_add(b, " ", 1);
}

char *
edit_wrap(const char *text, int cols)
{
	struct sbuf b = { 0 };
	const char *p = text;

	if (cols < 1)
		cols = 1;
	for (;;) {
		size_t plen = strcspn(p, "\n");
		const char *end = p + plen;
		int used = 0;

		while (p < end) {
			size_t wl = strcspn(p, " ");
			int ww;

			if (p + wl > end)
				wl = (size_t)(end - p);
			if (wl == 0) {		/* a space */
				if (used < cols) {
					sb_add(&b, " ", 1);
					used++;
				}
				p++;
				continue;
			}
			ww = width_of(p, wl);
			/* like the form library: a row that would reach its last
			 * column wraps its last word */
			if (used > 0 && used + ww >= cols) {
				pad_row(&b, used, cols);
				used = 0;
			}
			while (ww > cols - used && used == 0 && ww > cols) {
				/* longer than a row: split it */
				size_t i = 0;
				int w = 0, cw;

				while (i < wl) {
					int n = char_at(p + i, &cw);

					if (w + cw > cols)
						break;
					i += (size_t)n;
					w += cw;
				}
				if (i == 0)
					i = (size_t)char_at(p, &cw);
				sb_add(&b, p, i);
				pad_row(&b, w, cols);
				p += i;
				wl -= i;
				ww = width_of(p, wl);
			}
			sb_add(&b, p, wl);
			used += ww;
			p += wl;
		}
		if (used > 0 || plen == 0 || *end == '\n')
			pad_row(&b, used, cols);
		if (*end != '\n')
			break;
		p = end + 1;
		if (!*p)
			break;
	}
	return sb_done(&b);
}

/* The rows of a form buffer, split by display width. */
struct row {
	const char *s;
	size_t len;	/* without trailing spaces */
	int width;	/* of s[0..len) */
};

char *
edit_unwrap(const char *buf, int cols)
{
	struct row *rows = NULL;
	size_t nrows = 0, cap = 0;
	struct sbuf b = { 0 };
	const char *p = buf;

	if (cols < 1)
		cols = 1;
	while (*p) {
		const char *s = p;
		int w = 0, cw;

		while (*p && w < cols) {
			int n = char_at(p, &cw);

			p += n;
			w += cw;
		}
		if (nrows == cap) {
			struct row *r = realloc(rows, (cap = cap ? cap * 2 : 16) * sizeof(*r));

			if (!r) {
				free(rows);
				return NULL;
			}
			rows = r;
		}
		rows[nrows].s = s;
		rows[nrows].len = (size_t)(p - s);
		while (rows[nrows].len > 0 && s[rows[nrows].len - 1] == ' ')
			rows[nrows].len--;
		rows[nrows].width = width_of(s, rows[nrows].len);
		nrows++;
	}
	while (nrows > 0 && rows[nrows - 1].len == 0)
		nrows--;
	for (size_t i = 0; i < nrows; i++) {
		const struct row *r = &rows[i];

		if (i > 0) {
			const struct row *prev = &rows[i - 1];
			size_t lead = 0, first;

			while (lead < r->len && r->s[lead] == ' ')
				lead++;
			first = strcspn(r->s + lead, " ");
			if (first > r->len - lead)
				first = r->len - lead;
			if (prev->len == 0 || r->len == 0 ||
			    prev->width + 1 + width_of(r->s + lead, first) < cols) {
				sb_add(&b, "\n", 1);	/* it would have fitted: a line break */
				sb_add(&b, r->s, r->len);
				continue;
			}
			/* wrapped: a full row that is one word was a long word split */
			if (!(prev->width >= cols && !memchr(prev->s, ' ', prev->len)))
				sb_add(&b, " ", 1);
			sb_add(&b, r->s + lead, r->len - lead);
			continue;
		}
		sb_add(&b, r->s, r->len);
	}
	free(rows);
	return sb_done(&b);
}
