/*
 * The screen tests' fixture: a small programme in a database in memory,
 * the dashboard over it, and an off-screen curses screen of a fixed size
 * (writing to /dev/null) that frames are painted on and read back from.
 */
#include <criterion/criterion.h>

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "screen_fixture.h"

void
put(struct db *db, const char *table, const char *const *vals)
{
	enum db_change ch;
	long long id;

	cr_assert_eq(db_upsert(db, entity_find(table), vals, &ch, &id), 0, "%s: %s", table, test_why(db));
}

/* A small programme: two domains, a theme, actielijnen with wide
 * characters and a control sequence, a meeting with a decision and
 * actions (one overdue), planning items. */
struct db *
sample_db(void)
{
	struct db *db;

	cr_assert_eq(db_open_memory(&db), 0);
	put(db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Eigenaarschap, Inclusie en Democratie", "Van, voor, met en door bewoners", "domein", "1" });
	put(db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Veiligheid", "Je veilig voelen", "domein", "2" });
	put(db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "CWB", "Community Wealth Building", "", "thema", "6" });
	put(db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Wijkallianties", "Samen met bewoners 🌍 bouwen aan de wijk.", "Emre Ünver", "lopend", "2024-01-01", "2024-12-31" });
	put(db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Coöperatie 🌍 Nieuw-West", "Een coöperatie van bewoners.", "Saïda", "gepland", "2024-03-01", "" });
	put(db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Zonder datum", "", "", "", "", "" });
	put(db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "VEILIG", "Evil\x1b[31mred", "bel\x07 en \x1b]0;titel\x07", "", "gestopt", "2024-05-01", "2024-06-30" });
	put(db, "vergaderingen", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "AB-vergadering", "Alliantiebestuur januari", "Stadsdeelhuis" });
	put(db, "besluiten", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Begroting", "Het AB stelt de begroting 2024 vast." });
	put(db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Agenda rondsturen", "Programmabureau", "2024-02-01", "open", "EID" });
	put(db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Verslag maken", "Secretaris", "2024-12-01", "gedaan", "" });
	put(db, "planning", (const char *const[ENTITY_MAX_FIELDS]){ "2024-04-01", "Brede alliantiebijeenkomst", "", "", "" });
	put(db, "planning", (const char *const[ENTITY_MAX_FIELDS]){ "2024-06-01", "Evaluatie wijkallianties", "EID", "Wijkallianties", "" });
	return db;
}

void
open_screen(struct fixture *f, int w, int h)
{
	char err[200], n[16];

	setlocale(LC_ALL, "C.UTF-8");
	setenv("TERM", "xterm-256color", 1);
	setenv("NO_COLOR", "1", 1);
	setenv("SNW_TODAY", "2024-03-15", 1);
	snprintf(n, sizeof(n), "%d", w);
	setenv("COLUMNS", n, 1);
	snprintf(n, sizeof(n), "%d", h);
	setenv("LINES", n, 1);
	f->scr = screen_open(fopen("/dev/null", "w"), fopen("/dev/null", "r"), err, sizeof(err));
	cr_assert_not_null(f->scr, "%s", err);
}

void
setup(struct fixture *f, int w, int h)
{
	memset(f, 0, sizeof(*f));
	open_screen(f, w, h);
	f->db = sample_db();
	f->app = app_new(f->db, false);
	f->app->mono = screen_mono(f->scr);
	cr_assert_not_null(f->app);
}

void
teardown(struct fixture *f)
{
	screen_close(f->scr);
	app_free(f->app);
	db_close(f->db);
	grid_free(&f->g);
}

/* One frame on the real path, as ui_run draws it. */
void
frame(struct fixture *f)
{
	int w, h;

	screen_size(f->scr, &w, &h);
	cr_assert_eq(grid_resize(&f->g, w, h), 0);
	app_frame(f->app, &f->g);
	screen_paint(f->scr, &f->g);
}

void
keys(struct fixture *f, const char *ks)
{
	wchar_t wks[256];
	size_t n = mbstowcs(wks, ks, 256);	/* keys arrive as characters */

	for (size_t i = 0; i < n; i++)
		app_key(f->app, wks[i] == '\n' ? KC_ENTER : (int)wks[i]);
	frame(f);
}

/* Row y of the terminal as curses holds it (UTF-8). */
const char *
row(int y)
{
	static char buf[4096];

	mvinnstr(y, 0, buf, (int)sizeof(buf) - 1);
	return buf;
}

bool
screen_has(const char *text)
{
	for (int y = 0; y < LINES; y++)
		if (strstr(row(y), text))
			return true;
	return false;
}

void
expect(const char *text)
{
	if (!screen_has(text)) {
		for (int y = 0; y < LINES; y++)
			fprintf(stderr, "%2d|%s|\n", y, row(y));
	}
	cr_assert(screen_has(text), "screen lacks '%s'", text);
}

/* Screen column where the ASCII text starts on row y, or -1. */
int
col_of(int y, const char *text)
{
	size_t n = strlen(text);

	for (int x = 0; x < COLS; x++) {
		size_t i = 0;

		for (; i < n && x + (int)i < COLS; i++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t a;
			short p;

			mvin_wch(y, x + (int)i, &cc);
			getcchar(&cc, wch, &a, &p, NULL);
			if (wch[0] != (wchar_t)text[i])
				break;
		}
		if (i == n)
			return x;
	}
	return -1;
}

int
row_with(const char *text)
{
	for (int y = 0; y < LINES; y++)
		if (strstr(row(y), text))
			return y;
	return -1;
}

/* The painter put exactly the grid on the screen: nothing left over. */
void
expect_screen_is_grid(struct fixture *f)
{
	char want[4096];

	for (int y = 0; y < f->g.h; y++) {
		grid_row_text(&f->g, 0, y, f->g.w, want, sizeof(want));
		cr_assert_str_eq(row(y), want, "row %d differs", y);
	}
}

