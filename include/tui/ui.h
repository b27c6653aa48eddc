#ifndef SNW_UI_H
#define SNW_UI_H

/*
 * The full-screen dashboard. main.c opens the database and hands it over;
 * everything that touches curses lives behind this call.
 */

#include <stdbool.h>

struct db;

struct ui_options {
	bool readonly_reason_flag;	/* opened with --read-only */
};

/* Runs the dashboard on db until the user quits. Restores the terminal on
 * every exit path. Returns the process exit status (0 on q). */
int ui_run(struct db *db, const struct ui_options *opt);

#endif
