/*
 * The progress line of long imports and exports (see
 * include/cli/progress.h).
 */

#include "cli/progress.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/text.h"

#define SHOW_AFTER_MS 1000	/* quick work shows nothing; $SNW_PROGRESS_AFTER_MS
				   sets it (tests: 0, so that no timing decides) */
#define REDRAW_MS 100

static long long
ms_between(const struct timespec *a, const struct timespec *b)
{
	return (long long)(b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000;
}

void
progress_start(struct progress *p, FILE *fp, const char *label)
{
	const char *env;
	char *end;

	memset(p, 0, sizeof(*p));
	if (!fp || !isatty(fileno(fp)))
		return;
	p->fp = fp;
	p->after_ms = SHOW_AFTER_MS;
	if ((env = getenv("SNW_PROGRESS_AFTER_MS")) && *env) {
		long ms = strtol(env, &end, 10);

		if (!*end && ms >= 0)
			p->after_ms = ms;
	}
	text_fit(p->label, sizeof(p->label), label, 40);
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->last = p->start;
}

void
progress_update(struct progress *p, long long rows, double fraction)
{
	struct timespec now;
	char full[256], line[256], n[32], rate[32];
	struct winsize ws;
	long long ms;
	int w;

	if (!p->fp)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = ms_between(&p->start, &now);
	if (ms < p->after_ms || (p->shown && ms_between(&p->last, &now) < REDRAW_MS))
		return;
	p->last = now;
	i18n_count(rows, n);
	i18n_count((long long)((double)rows * 1000.0 / (double)ms), rate);
	/* TRANSLATORS: the file, rows done, rows per second, percentage */
	if (fraction >= 0)
		snprintf(full, sizeof(full), _n("%s: %s rij, %s per seconde, %d%%", "%s: %s rijen, %s per seconde, %d%%", rows),
			 p->label, n, rate, (int)(fraction > 1 ? 100 : fraction * 100));
	else
		snprintf(full, sizeof(full), _n("%s: %s rij, %s per seconde", "%s: %s rijen, %s per seconde", rows),
			 p->label, n, rate);
	/* One line, never wrapped: \r only goes back to its own line's start. */
	w = ioctl(fileno(p->fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1 ? ws.ws_col - 1 : 79;
	w = text_fit(line, sizeof(line), full, w);
	/* \r and the line; spaces over what a longer previous line left. */
	fprintf(p->fp, "\r%s%*s", line, p->width > w ? p->width - w : 0, "");
	fflush(p->fp);
	p->width = w > p->width ? w : p->width;
	p->shown = true;
}

void
progress_end(struct progress *p)
{
	if (p->fp && p->shown) {
		fprintf(p->fp, "\r%*s\r", p->width, "");
		fflush(p->fp);
	}
	p->shown = false;
}
