/*
 * A property of the edit forms: whatever Unicode a person types, or the
 * database holds, comes back byte for byte. Random text is drawn from
 * many scripts and categories (accents and other combining marks,
 * joiners, emoji with skin tones and flags, right-to-left scripts, CJK,
 * bidi and other format characters, private-use and unassigned code
 * points, tabs, line breaks, control characters, invalid bytes) and goes
 * through the form: typed key by key into a new entry, or stored,
 * loaded, edited at a random place (cursor keys, typing, Backspace,
 * Delete) and saved. What is saved is compared with a model of the
 * editing that knows only the bytes and the grapheme clusters
 * (text_cluster_len). Every frame is drawn at 80×24 and must hold no
 * control character. The seeds are fixed: a failure names its case.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdint.h>

#include "core/entity.h"
#include "core/text.h"
#include "store/db.h"
#include "tui/app.h"
#include "tui/formui.h"
#include "helpers.h"

/* Cases per property; -DCASES=4000 -DFIRST_CASE=n to dig (make
 * EXTRA_CFLAGS=...): 4000 of each pass. */
#ifndef CASES
#define CASES 150
#endif
#ifndef FIRST_CASE
#define FIRST_CASE 1
#endif
#define TEXT_MAX 4096

/* A small, fixed random generator (xorshift64*). */
static uint64_t rng;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 2685821657736338717ULL) >> 33) % (n ? n : 1);
}

/* Where random code points come from, and how often. */
static const struct {
	uint32_t lo, hi;
	int weight;
	bool typed;		/* a key can produce it (no C0 control) */
} pools[] = {
	{ 0x20, 0x7E, 30, true },		/* ASCII */
	{ 0xA0, 0x17F, 10, true },		/* Latin-1, Latin Extended-A: ö ë Ü ş ı İ ğ */
	{ 0x300, 0x36F, 8, true },		/* combining accents */
	{ 0x200B, 0x200F, 5, true },		/* ZWSP, ZWNJ, ZWJ, LRM, RLM */
	{ 0x202A, 0x202E, 2, true },		/* bidi embeddings and overrides */
	{ 0x2066, 0x2069, 2, true },		/* bidi isolates */
	{ 0xFE00, 0xFE0F, 2, true },		/* variation selectors */
	{ 0xFEFF, 0xFEFF, 1, true },		/* BOM */
	{ 0xAD, 0xAD, 1, true },		/* soft hyphen */
	{ 0x1F300, 0x1F64F, 6, true },		/* emoji */
	{ 0x1F3FB, 0x1F3FF, 2, true },		/* skin tones */
	{ 0x1F1E6, 0x1F1FF, 3, true },		/* regional indicators (flags) */
	{ 0x1F900, 0x1F9FF, 2, true },
	{ 0x4E00, 0x9FFF, 4, true },		/* CJK */
	{ 0xAC00, 0xD7A3, 2, true },		/* Hangul syllables */
	{ 0x1100, 0x11FF, 2, true },		/* Hangul jamo (conjoining) */
	{ 0x0600, 0x06FF, 5, true },		/* Arabic, its marks and format characters */
	{ 0x05D0, 0x05EA, 2, true },		/* Hebrew */
	{ 0x0900, 0x097F, 3, true },		/* Devanagari */
	{ 0x0E00, 0x0E7F, 2, true },		/* Thai */
	{ 0xE000, 0xE0FF, 1, true },		/* private use */
	{ 0x0378, 0x0379, 1, true },		/* unassigned */
	{ 0xFDD0, 0xFDEF, 1, true },		/* noncharacters */
	{ 0x2028, 0x2029, 1, true },		/* line and paragraph separators */
	{ 0x10000, 0x1007F, 1, true },		/* Linear B */
	{ 0x1D400, 0x1D4FF, 1, true },		/* mathematical letters */
	{ 0xE0020, 0xE007F, 1, true },		/* tags */
	{ 0x80, 0x9F, 2, true },		/* C1 controls */
	{ 0x01, 0x1F, 3, false },		/* C0 controls: tab, ESC, BEL ... */
	{ 0x7F, 0x7F, 1, false },		/* DEL */
};

/* Appends one random character to s (len bytes so far); newline_ok: a
 * line break may come. Stored text may also get an invalid byte. */
static size_t
add_random(char *s, size_t len, bool typed, bool newline_ok)
{
	int total = 0, pick;
	uint32_t cp;
	size_t i;

	if (!typed && rnd(60) == 0) {
		static const char bad[] = { '\xFF', '\xC3', '\x80', '\xED' };

		s[len] = bad[rnd(sizeof(bad))];
		return len + 1;
	}
	if (newline_ok && rnd(15) == 0) {
		s[len] = '\n';
		return len + 1;
	}
	for (i = 0; i < sizeof(pools) / sizeof(pools[0]); i++)
		total += typed && !pools[i].typed ? 0 : pools[i].weight;
	pick = (int)rnd((uint32_t)total);
	for (i = 0; i < sizeof(pools) / sizeof(pools[0]); i++) {
		if (typed && !pools[i].typed)
			continue;
		if (pick < pools[i].weight)
			break;
		pick -= pools[i].weight;
	}
	cp = pools[i].lo + rnd(pools[i].hi - pools[i].lo + 1);
	if (cp == '\n' || cp == '\r')
		cp = '\t';	/* line breaks come on their own; CR not at all */
	return len + text_utf8_encode(cp, s + len);
}

/* Random text of up to n characters, NUL-terminated in out. */
static void
random_text(char *out, int n, bool typed, bool newline_ok)
{
	size_t len = 0;
	int count = (int)rnd((uint32_t)n + 1);

	for (int i = 0; i < count && len + 8 < TEXT_MAX; i++)
		len = add_random(out, len, typed, newline_ok);
	out[len] = '\0';
}

/* --- the model: bytes and clusters only ------------------------------------ */

struct model {
	char s[TEXT_MAX * 2];
	size_t len, cur;
};

/* Cluster boundaries of m, chained from the start of the text. */
static int
bounds(const struct model *m, size_t *b, int max)
{
	int n = 0;
	size_t p = 0;

	b[n++] = 0;
	while (p < m->len && n < max) {
		size_t c = text_cluster_len(m->s + p, m->len - p);

		p += c ? c : 1;
		b[n++] = p;
	}
	return n;
}

/* The boundary before (dir -1) or after (1) the cursor. */
static size_t
step(const struct model *m, int dir)
{
	static size_t b[TEXT_MAX * 2];
	int n = bounds(m, b, TEXT_MAX * 2);
	size_t at = dir < 0 ? 0 : m->len;

	for (int i = 0; i < n; i++) {
		if (dir < 0 && b[i] < m->cur)
			at = b[i];
		if (dir > 0 && b[i] > m->cur) {
			at = b[i];
			break;
		}
	}
	return at;
}

static void
model_insert(struct model *m, const char *bytes, size_t n)
{
	memmove(m->s + m->cur + n, m->s + m->cur, m->len - m->cur + 1);
	memcpy(m->s + m->cur, bytes, n);
	m->len += n;
	m->cur += n;
}

static void
model_cut(struct model *m, size_t a, size_t b)
{
	memmove(m->s + a, m->s + b, m->len - b + 1);
	m->len -= b - a;
	m->cur = a;
}

static const char *
hex(const char *s)
{
	static char buf[4][TEXT_MAX * 4 + 1];
	static int slot;
	char *out = buf[slot++ % 4];
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (size_t)snprintf(out + n, 3, "%02X", *p);
	out[n] = '\0';
	return out;
}

/* --- driving the form -------------------------------------------------------- */

struct run {
	struct db *db;
	struct app *app;
	struct formui *u;
	struct grid g;
	unsigned seed;
};

/* A frame of the form alone, at 80×24: no control character may get
 * into the grid, whatever the text. */
static void
draw(struct run *r)
{
	int cx, cy;

	grid_fill(&r->g, (struct rect){ 0, 0, r->g.w, r->g.h }, L' ', ROLE_NORMAL);
	formui_render(r->u, &r->g, &cx, &cy);
	for (int i = 0; i < r->g.w * r->g.h; i++)
		for (int k = 0; k < CELL_CHARS; k++) {
			wchar_t c = r->g.cells[i].ch[k];

			cr_assert(!((c > 0 && c < 0x20) || (c >= 0x7F && c <= 0x9F)),
				  "seed %u: control U+%04X drawn", r->seed, (unsigned)c);
		}
	if (!(cx < 0 || (cx < r->g.w && cy < r->g.h))) {
		char buf[8192];

		for (int y = 0; y < r->g.h; y++) {
			grid_row_text(&r->g, 0, y, r->g.w, buf, sizeof(buf));
			fprintf(stderr, "%2d|%s|\n", y, buf);
		}
		fprintf(stderr, "cursor %d,%d in field %d holding %s\n", cx, cy, formui_current(r->u),
			hex(r->app->form->val[formui_current(r->u)]));
	}
	cr_assert(cx < 0 || (cx < r->g.w && cy < r->g.h), "seed %u: cursor off the screen", r->seed);
}

static bool
press(struct run *r, int k)
{
	bool open = formui_key(r->u, k);

	if (open)
		draw(r);
	return open;
}

/* Types text key by key (a line break is Enter). */
static void
type(struct run *r, const char *text)
{
	for (const char *p = text; *p;) {
		uint32_t cp;
		size_t n = text_utf8_decode(p, SIZE_MAX, &cp);

		cr_assert_gt(n, 0);
		cr_assert(press(r, cp == '\n' ? KC_ENTER : (int)cp), "seed %u: the form closed", r->seed);
		p += n;
	}
}

static void
tab_to(struct run *r, int j)
{
	for (int i = 0; i < 10 && formui_current(r->u) != j; i++)
		press(r, KC_TAB);
	cr_assert_eq(formui_current(r->u), j);
}

static void
start(struct run *r, unsigned seed)
{
	memset(r, 0, sizeof(*r));
	r->seed = seed;
	rng = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)seed * 0x100000001B3ULL);
	r->db = test_db_with_domains();
	r->app = app_new(r->db, false);
	cr_assert_eq(grid_resize(&r->g, 80, 24), 0);
}

static void
finish(struct run *r)
{
	formui_free(r->u);
	edit_form_free(r->app->form);
	r->app->form = NULL;
	app_free(r->app);
	db_close(r->db);
	grid_free(&r->g);
}

/* What a changed field is saved as: the importer's rule trims its ends. */
static const char *
trimmed(const char *s)
{
	static char buf[TEXT_MAX * 2];

	snprintf(buf, sizeof(buf), "%s", s);
	return text_trim(buf);
}

/* Stored bytes of column col of actielijn id, as hex; and the same for s. */
static const char *
stored_hex(struct db *db, const char *col, long long id)
{
	char sql[200];

	snprintf(sql, sizeof(sql), "SELECT hex(%s) FROM actielijnen WHERE id = %lld", col, id);
	return test_text(db, sql);
}

Test(form_unicode, typed_text_is_saved_byte_for_byte)
{
	const struct entity *e = entity_find("actielijnen");
	int title = entity_field_index(e, "titel"), text = entity_field_index(e, "toelichting");
	int owner = entity_field_index(e, "trekker");

	setlocale(LC_ALL, "C.UTF-8");
	for (unsigned seed = FIRST_CASE; seed <= CASES; seed++) {
		static char t[TEXT_MAX], x[TEXT_MAX], o[TEXT_MAX];
		struct run r;
		long long id;
		int n;

		start(&r, seed);
		n = snprintf(t, sizeof(t), "T%u ", seed);
		random_text(t + n, 30, true, false);
		random_text(x, 60, true, true);
		random_text(o, 20, true, false);
		r.app->form = edit_form_new(r.db, e, 0, NULL);
		cr_assert_not_null(r.app->form, "%s", test_why(r.db));
		edit_form_set(r.app->form, entity_field_index(e, "domein"), "Veiligheid");
		r.u = formui_new(r.app);
		draw(&r);
		type(&r, t);
		tab_to(&r, text);
		type(&r, x);
		tab_to(&r, owner);
		type(&r, o);
		cr_assert(!press(&r, KC_CTRL('S')), "seed %u: not saved: %s / %s / %s", seed,
			  r.app->form->msg, r.app->form->err[title], r.app->form->err[owner]);
		id = test_int(r.db, "SELECT max(id) FROM actielijnen");
		cr_assert_str_eq(stored_hex(r.db, "titel", id), hex(trimmed(t)), "seed %u: titel", seed);
		cr_assert_str_eq(stored_hex(r.db, "toelichting", id), hex(trimmed(x)), "seed %u: toelichting", seed);
		cr_assert_str_eq(stored_hex(r.db, "trekker", id), hex(trimmed(o)), "seed %u: trekker", seed);
		finish(&r);
	}
}

Test(form_unicode, stored_text_edited_anywhere_keeps_every_other_byte)
{
	const struct entity *e = entity_find("actielijnen");
	const char *cols[] = { "titel", "toelichting", "trekker" };

	setlocale(LC_ALL, "C.UTF-8");
	for (unsigned seed = FIRST_CASE; seed <= CASES; seed++) {
		static char v[3][TEXT_MAX], typed[TEXT_MAX];
		static struct model m;
		const char *vals[ENTITY_MAX_FIELDS] = { 0 };
		enum db_change ch;
		struct run r;
		long long id;
		int which, j, moves, backs, dels, n;
		bool longf;

		start(&r, seed + 1000);
		n = snprintf(v[0], sizeof(v[0]), "S%u-", seed);
		random_text(v[0] + n, 30, false, false);
		strcat(v[0], "-E");
		random_text(v[1], 80, false, true);
		random_text(v[2], 20, false, false);
		vals[entity_field_index(e, "domein")] = "Veiligheid";
		vals[entity_field_index(e, "titel")] = v[0];
		vals[entity_field_index(e, "toelichting")] = v[1];
		vals[entity_field_index(e, "trekker")] = v[2];
		vals[entity_field_index(e, "status")] = "lopend";
		vals[entity_field_index(e, "start")] = "";
		vals[entity_field_index(e, "eind")] = "";
		cr_assert_eq(db_upsert(r.db, e, vals, &ch, &id), 0, "seed %u: %s", seed, test_why(r.db));

		r.app->form = edit_form_new(r.db, e, id, NULL);
		cr_assert_not_null(r.app->form, "%s", test_why(r.db));
		r.u = formui_new(r.app);
		draw(&r);
		which = (int)rnd(3);
		j = entity_field_index(e, cols[which]);
		longf = which == 1;
		tab_to(&r, j);

		/* the model starts where the form puts the cursor */
		snprintf(m.s, sizeof(m.s), "%s", v[which]);
		m.len = strlen(m.s);
		m.cur = longf ? 0 : m.len;
		moves = (int)rnd(12);
		for (int i = 0; i < moves; i++) {
			press(&r, longf ? KC_RIGHT : KC_LEFT);
			m.cur = step(&m, longf ? 1 : -1);
		}
		random_text(typed, 12, true, longf);
		type(&r, typed);
		model_insert(&m, typed, strlen(typed));
		backs = (int)rnd(4);
		for (int i = 0; i < backs; i++) {
			press(&r, KC_BACKSPACE);
			if (m.cur > 0)
				model_cut(&m, step(&m, -1), m.cur);
		}
		dels = (int)rnd(4);
		for (int i = 0; i < dels; i++) {
			press(&r, KC_DELETE);
			if (m.cur < m.len) {
				size_t b = step(&m, 1), a = m.cur;

				model_cut(&m, a, b);
			}
		}
		cr_assert_str_eq(hex(r.app->form->val[j]), hex(m.s), "seed %u: %s after editing", seed, cols[which]);
		cr_assert(!press(&r, KC_CTRL('S')), "seed %u: not saved: %s / %s", seed, r.app->form->msg,
			  r.app->form->err[j]);
		for (int k = 0; k < 3; k++) {
			const char *want = k != which ? v[k] : strcmp(m.s, v[k]) == 0 ? m.s : trimmed(m.s);

			cr_assert_str_eq(stored_hex(r.db, cols[k], id), hex(want), "seed %u: %s (edited: %s)",
					 seed, cols[k], cols[which]);
		}
		finish(&r);
	}
}
