#ifndef SNW_PROGRESS_H
#define SNW_PROGRESS_H

/*
 * A progress line for long work (import, export) on stderr: after about a
 * second it shows rows done, their rate and, when known, the percentage,
 * redrawn in place with \r, and cleared at the end. Only when stderr is a
 * terminal: in a pipe or a file it writes nothing at all.
 */

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

struct progress {
	FILE *fp;		/* NULL: off */
	char label[128];	/* what is being done, e.g. the file name */
	struct timespec start, last;
	bool shown;		/* a line is on the screen */
	int width;		/* of the line on the screen, to clear it */
	long after_ms;		/* nothing before this much time has passed */
};

/* Starts measuring; label (sanitized here) names the work. Off unless fp
 * is a terminal. */
void progress_start(struct progress *p, FILE *fp, const char *label);

/* Reports rows done and the fraction (0..1, or < 0 when unknown). Cheap
 * enough to call for every batch: it looks at the clock, and draws at most
 * ten times a second, from the first second on. */
void progress_update(struct progress *p, long long rows, double fraction);

/* Clears the line, if one was drawn. */
void progress_end(struct progress *p);

#endif
