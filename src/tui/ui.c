/*
 * The dashboard's main loop: wait for a key (or the poll timeout), let
 * app.c act on it, lay out and draw a frame into the grid (app_frame),
 * let screen.c paint it.
 * When an action opens an edit form (APP_FORM), formui.c runs it over
 * the dashboard until it closes.
 */

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "tui/app.h"
#include "store/db.h"
#include "tui/formui.h"
#include "tui/screen.h"
#include "tui/ui.h"

#define POLL_MS 1000	/* also how soon another process's changes show */

/* Milliseconds on a clock that only goes forward. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* What a frame needs: for the loop and for the form's repaints. */
struct painter {
	struct app *app;
	struct screen *scr;
	struct grid g;
	bool failed;		/* out of memory for the grid */
};

static void
paint(void *ctx)
{
	struct painter *p = ctx;
	int w, h;

	screen_size(p->scr, &w, &h);
	if ((w != p->g.w || h != p->g.h) && grid_resize(&p->g, w, h) < 0) {
		p->failed = true;
		return;
	}
	app_frame(p->app, &p->g);
	screen_paint(p->scr, &p->g);
}

/* Why the database cannot be changed, in the user's words. */
static void
readonly_reason(struct db *db, const struct ui_options *opt, char *out, size_t outsz)
{
	if (opt && opt->readonly_reason_flag)
		snprintf(out, outsz, "%s", _("geopend met --read-only"));
	else if (access(db_path(db), W_OK) != 0)
		snprintf(out, outsz, _("je mag %s niet schrijven"), db_path(db));
	else
		snprintf(out, outsz, "%s", _("de database is alleen-lezen geopend"));
}

int
ui_run(struct db *db, const struct ui_options *opt)
{
	bool readonly = db_readonly(db) || (opt && opt->readonly_reason_flag);
	struct painter p = { 0 };
	char err[256];
	int status = 0;
	bool redraw = true;

	p.app = app_new(db, readonly);
	if (readonly)
		readonly_reason(db, opt, p.app->ro_reason, sizeof(p.app->ro_reason));
	if (!(p.scr = screen_open(NULL, NULL, err, sizeof(err)))) {
		fprintf(stderr, "snw: %s\n", err);
		app_free(p.app);
		return 1;
	}
	p.app->mono = screen_mono(p.scr);
	for (long long polled = now_ms();;) {
		int x = 0, y = 0, wheel = 0, sig = 0, key, r;

		if (redraw) {
			paint(&p);
			if (p.failed) {
				status = 1;
				break;
			}
			redraw = false;
		}
		key = screen_key(p.scr, POLL_MS, &x, &y, &wheel, &sig);
		if (key < 0) {
			status = 128 + sig;
			break;
		}
		r = key == KC_MOUSE ? app_mouse(p.app, x, y, wheel) : app_key(p.app, key);
		if (r & APP_QUIT)
			break;
		/* keys that never pause (a held j) must not hide other
		 * processes' changes: poll at least every POLL_MS anyway */
		if (key == KC_TIMEOUT || now_ms() - polled >= POLL_MS) {
			if (key != KC_TIMEOUT)
				r |= app_poll(p.app);
			polled = now_ms();
		}
		if (r & APP_FORM) {
			int rc;

			paint(&p);	/* the dashboard behind the form */
			rc = formui_run(p.scr, p.app, POLL_MS, &sig);
			edit_form_free(p.app->form);
			p.app->form = NULL;
			app_poll(p.app);	/* what others changed meanwhile */
			if (rc < 0) {
				status = 128 + sig;
				break;
			}
			r |= APP_REDRAW;
		}
		if (r & APP_REDRAW)
			redraw = true;
	}
	screen_close(p.scr);
	grid_free(&p.g);
	app_free(p.app);
	return status;
}
