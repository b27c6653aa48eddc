/* The screen tests' fixture (tests/screen_fixture.c). */
#ifndef SNW_SCREEN_FIXTURE_H
#define SNW_SCREEN_FIXTURE_H

#include <stdbool.h>

#include "tui/app.h"
#include "store/db.h"
#include "core/entity.h"
#include "tui/screen.h"

struct fixture {
	struct db *db;
	struct app *app;
	struct screen *scr;
	struct grid g;
};

/* Adds or updates an entry of table from its CSV values. */
void put(struct db *db, const char *table, const char *const *vals);

/* A small programme: two domains, a theme, actielijnen with wide
 * characters and a control sequence, a meeting with a decision and
 * actions (one overdue), planning items. */
struct db *sample_db(void);

/* A w x h screen (today is 15 March 2024, no colours). */
void open_screen(struct fixture *f, int w, int h);
/* The screen, the sample programme and the dashboard over it. */
void setup(struct fixture *f, int w, int h);
void teardown(struct fixture *f);

/* One frame on the real path, as ui_run draws it. */
void frame(struct fixture *f);
/* Sends keys (UTF-8, one key per character; \n is Enter), then a frame. */
void keys(struct fixture *f, const char *ks);

/* Row y of the terminal as curses holds it (UTF-8). */
const char *row(int y);
bool screen_has(const char *text);
/* Fails (printing the screen) unless text is on it. */
void expect(const char *text);
/* Screen column where the ASCII text starts on row y, or -1. */
int col_of(int y, const char *text);
/* The first row holding text, or -1. */
int row_with(const char *text);
/* The painter put exactly the grid on the screen: nothing left over. */
void expect_screen_is_grid(struct fixture *f);

#endif
