/*
 * The dashboard's main loop: wait for a key (or the poll timeout), let
 * app.c act on it, draw a frame into the grid, let screen.c paint it.
 */

#include <stdio.h>

#include "app.h"
#include "db.h"
#include "screen.h"
#include "ui.h"

#define POLL_MS 1000	/* also how soon another process's changes show */

int
ui_run(struct db *db, const struct ui_options *opt)
{
	bool readonly = db_readonly(db) || (opt && opt->readonly_reason_flag);
	struct app *app = app_new(db, readonly);
	struct grid g = { 0 };
	struct screen *scr;
	char err[256];
	int status = 0;
	bool redraw = true;

	if (!app) {
		fprintf(stderr, "snw: out of memory\n");
		return 1;
	}
	if (!(scr = screen_open(NULL, NULL, err, sizeof(err)))) {
		fprintf(stderr, "snw: %s\n", err);
		app_free(app);
		return 1;
	}
	app->mono = screen_mono(scr);
	for (;;) {
		int x = 0, y = 0, wheel = 0, sig = 0, key, r;

		if (redraw) {
			int w, h;

			screen_size(scr, &w, &h);
			if ((w != g.w || h != g.h) && grid_resize(&g, w, h) < 0) {
				status = 1;
				break;
			}
			render_frame(app, &g);
			screen_paint(scr, &g);
			redraw = false;
		}
		key = screen_key(scr, POLL_MS, &x, &y, &wheel, &sig);
		if (key < 0) {
			status = 128 + sig;
			break;
		}
		r = key == KC_MOUSE ? app_mouse(app, x, y, wheel) : app_key(app, key);
		if (r & APP_QUIT)
			break;
		if (r & APP_REDRAW)
			redraw = true;
	}
	screen_close(scr);
	grid_free(&g);
	app_free(app);
	return status;
}
