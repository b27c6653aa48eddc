/*
 * Editing the procesmanager can trust (issue 13), on the real drawing
 * path: the selection follows its entry through every re-read, search
 * goes to the hit, every text can be read whole, the wheel scrolls the
 * pane under the pointer, successes and domains are edited like the
 * rest, no key is offered where it does nothing, filters belong to their
 * view and say what they hide. Each test reproduces what was seen.
 */
#include <criterion/criterion.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "screen_fixture.h"
#include "store/stmt.h"

/* The status line. */
static const char *
status(void)
{
	return row(LINES - 1);
}

static void
expect_status(const char *text)
{
	if (!strstr(status(), text))
		for (int y = 0; y < LINES; y++)
			fprintf(stderr, "%2d|%s|\n", y, row(y));
	cr_assert(strstr(status(), text), "status line lacks '%s': %s", text, status());
}

static __attribute__((unused)) void
expect_not(const char *text)
{
	if (screen_has(text))
		for (int y = 0; y < LINES; y++)
			fprintf(stderr, "%2d|%s|\n", y, row(y));
	cr_assert(!screen_has(text), "screen shows '%s'", text);
}

/* Sends one key code (an arrow, Esc), then a frame. */
static __attribute__((unused)) void
key(struct fixture *f, int code)
{
	app_key(f->app, code);
	frame(f);
}

/* The selected row: the first row painted in the selection's colours
 * (A_REVERSE without colours) from column x, or -1. */
static int
selected_row(int x)
{
	for (int y = 1; y < LINES - 1; y++) {
		cchar_t cc;
		attr_t a;
		short p;
		wchar_t wch[CCHARW_MAX + 1];

		mvin_wch(y, x, &cc);
		getcchar(&cc, wch, &a, &p, NULL);
		if (a & A_REVERSE)
			return y;
	}
	return -1;
}

/* --- 2. the action lands on the entry it names --------------------------- */

/* In Acties (open first) space on row 1 marks it done; it moves down and
 * the cursor goes with it, so a second space opens the same action again
 * and d asks about that one. */
Test(trust, space_twice_acts_on_the_same_action)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Notulen delen", "Secretaris", "2024-03-01", "open", "" });
	keys(&f, "8");
	expect_status("rij 1/3");
	keys(&f, " ");
	expect_status("Actie gedaan “Agenda rondsturen”");
	expect_status("rij 2/3");
	cr_assert_eq(selected_row(2), row_with("Agenda rondsturen"), "the cursor stays on the action");
	keys(&f, " ");
	expect_status("Actie weer open “Agenda rondsturen”");
	expect_status("rij 1/3");
	keys(&f, " d");
	expect_status("Actie verwijderen “Agenda rondsturen”?");
	keys(&f, "n");
	teardown(&f);
}

/* Undo and redo put the cursor on the entry they changed, and a filter
 * that still shows the selected entry keeps it selected. */
Test(trust, undo_and_filter_keep_the_entry)
{
	struct fixture f;

	setup(&f, 80, 24);
	put(f.db, "acties", (const char *const[ENTITY_MAX_FIELDS]){ "2024-01-25", "Notulen delen", "Secretaris", "2024-03-01", "open", "" });
	keys(&f, "8j");
	expect_status("rij 2/3");	/* Notulen delen */
	keys(&f, " ");
	expect_status("Actie gedaan “Notulen delen”");
	keys(&f, "gu");
	expect_status("Ongedaan gemaakt: actie gedaan");
	cr_assert_eq(selected_row(2), row_with("Notulen delen"));
	keys(&f, "f");			/* open ones: Notulen delen is one */
	expect("filter: open");
	cr_assert_eq(selected_row(2), row_with("Notulen delen"));
	keys(&f, "s");			/* by owner: still the same one */
	cr_assert_eq(selected_row(2), row_with("Notulen delen"));
	teardown(&f);
}

/* A change from another process re-reads the list; the cursor stays on
 * its entry although the entry now sorts elsewhere. */
Test(trust, another_process_moves_the_entry)
{
	struct fixture f;
	struct db *other;
	char path[] = "/tmp/snw-trust-XXXXXX", dbpath[64];
	struct result_info why;
	int fd = mkstemp(path);

	cr_assert_geq(fd, 0);
	close(fd);
	unlink(path);
	snprintf(dbpath, sizeof(dbpath), "%s.db", path);
	memset(&f, 0, sizeof(f));
	open_screen(&f, 80, 24);
	cr_assert_eq(db_create(dbpath, &f.db, &why), 0, "%s", test_result(&why));
	cr_assert_eq(db_mark_complete(f.db), 0);
	put(f.db, "domeinen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Eigenaarschap", "", "domein", "1" });
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Alfa", "", "", "lopend", "", "" });
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Beta", "", "", "lopend", "", "" });
	put(f.db, "actielijnen", (const char *const[ENTITY_MAX_FIELDS]){ "EID", "Gamma", "", "", "lopend", "", "" });
	f.app = app_new(f.db, false);
	keys(&f, "1");
	expect_status("rij 1/3");	/* Alfa */
	cr_assert_eq(db_open(dbpath, false, &other, &why), 0, "%s", test_result(&why));
	cr_assert_eq(db_exec(other, "UPDATE actielijnen SET titel = 'Zeta' WHERE titel = 'Alfa'"), 0);
	db_close(other);
	cr_assert(app_poll(f.app) & APP_REDRAW);
	frame(&f);
	expect_status("rij 3/3");
	cr_assert_eq(selected_row(2), row_with("Zeta"));
	teardown(&f);
	unlink(dbpath);
}
