/*
 * bench_ui: the dashboard's speed on a large database, for `make bench`.
 *
 *   bench_ui DB [REPS]
 *
 * Drives the real dashboard (app.c, the views, app_frame and the
 * curses painter of screen.c) on an off-screen terminal: newterm() with
 * output to /dev/null, as the screen tests do, at 160x48. Every figure is
 * the time from the key to a painted frame (app_key + app_frame +
 * screen_paint), so it includes the queries the frame needs.
 *
 * The first frame is timed in a fresh child process per repetition.
 * Prints one line per figure, "NAME N P50_MS P99_MS MAX_MS", then
 * "peak_rss_kb KB" and "rows N". Checks that the frames show what they
 * should (the last row after End, hits after a search); exits 1 when not.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "tui/app.h"
#include "store/db.h"
#include "tui/screen.h"

#define WIDTH 160
#define HEIGHT 48
#define SCROLL_STEPS 2000	/* Down presses: enough to cross many window refills */
#define PAGE_STEPS 200

/* Views reached by a key, timed from another view. */
static const struct {
	const char *name;
	int key;
} view_keys[] = {
	{ "view_overview", '0' }, { "view_planning", '6' }, { "view_meetings", '7' }, { "view_actions", '8' },
};
#define NVIEWS (sizeof(view_keys) / sizeof(view_keys[0]))

/* The samples of one figure, in milliseconds. */
struct samples {
	double *v;
	int n, cap;
};

/* The dashboard under test and its off-screen terminal. */
struct bench {
	const char *path;
	struct db *db;
	struct app *app;
	struct screen *scr;
	struct grid g;
	FILE *out, *in;		/* /dev/null as the terminal */
	int failures;
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
add(struct samples *s, double ms)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		if (!(s->v = realloc(s->v, (size_t)s->cap * sizeof(*s->v)))) {
			perror("bench_ui");
			exit(70);
		}
	}
	s->v[s->n++] = ms;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted samples. */
static double
pct(const struct samples *s, double p)
{
	int i = (int)((p / 100.0) * s->n + 0.999999) - 1;

	if (i < 0)
		i = 0;
	if (i >= s->n)
		i = s->n - 1;
	return s->v[i];
}

static void
print_figure(const char *name, struct samples *s)
{
	if (s->n == 0)
		return;
	qsort(s->v, (size_t)s->n, sizeof(*s->v), cmp_double);
	printf("%s %d %.3f %.3f %.3f\n", name, s->n, pct(s, 50), pct(s, 99), s->v[s->n - 1]);
	free(s->v);
	*s = (struct samples){ 0 };
}

/* The overview's queries, as a change by another process makes the next
 * frame run them: the domains and the figures. */
static void
ov_load(struct bench *b, struct overview *ov)
{
	struct domains doms = { 0 };

	ov->valid = false;
	if (domains_load(b->db, &doms) < 0 || overview_load(b->db, &doms, ov) < 0) {
		char why[RESULT_TEXT_MAX];

		fprintf(stderr, "bench_ui: %s\n", result_text(db_result(b->db), why, sizeof(why)));
		exit(74);
	}
}

static void
fail(struct bench *b, const char *what)
{
	fprintf(stderr, "bench_ui: %s\n", what);
	b->failures++;
}

static void
frame(struct bench *b)
{
	app_frame(b->app, &b->g);
	screen_paint(b->scr, &b->g);
}

/* One key, and the frame it asks for. Returns the milliseconds taken. */
static double
key(struct bench *b, int k)
{
	double t0 = now_ms();

	if (app_key(b->app, k) & APP_REDRAW)
		frame(b);
	return now_ms() - t0;
}

/* Opens the database and the terminal and paints the first frame, as
 * snw does when it starts. Returns the milliseconds taken. */
static double
open_dashboard(struct bench *b)
{
	char err[RESULT_TEXT_MAX];
	struct result_info why;
	double t0 = now_ms();

	if (db_open(b->path, false, &b->db, &why) < 0) {
		fprintf(stderr, "bench_ui: %s\n", result_text(&why, err, sizeof(err)));
		exit(66);
	}
	b->app = app_new(b->db, false);
	if (!(b->scr = screen_open(b->out, b->in, err, sizeof(err)))) {
		fprintf(stderr, "bench_ui: %s\n", err);
		exit(70);
	}
	screen_resize(b->scr, WIDTH, HEIGHT);
	b->app->mono = screen_mono(b->scr);
	if (grid_resize(&b->g, WIDTH, HEIGHT) < 0) {
		fprintf(stderr, "bench_ui: out of memory\n");
		exit(70);
	}
	frame(b);
	return now_ms() - t0;
}

static void
close_dashboard(struct bench *b)
{
	screen_close(b->scr);
	app_free(b->app);
	db_close(b->db);
	grid_free(&b->g);
	b->scr = NULL;
	b->app = NULL;
	b->db = NULL;
}

/* Runs open_dashboard in a child process; returns its milliseconds. */
static double
first_frame_child(struct bench *b)
{
	int fd[2], status;
	double ms = -1;
	pid_t pid;

	fflush(NULL);
	if (pipe(fd) < 0 || (pid = fork()) < 0) {
		perror("bench_ui");
		exit(70);
	}
	if (pid == 0) {
		close(fd[0]);
		ms = open_dashboard(b);
		if (write(fd[1], &ms, sizeof(ms)) != (ssize_t)sizeof(ms))
			_exit(1);
		close_dashboard(b);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], &ms, sizeof(ms)) != (ssize_t)sizeof(ms))
		ms = -1;
	close(fd[0]);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || ms < 0) {
		fprintf(stderr, "bench_ui: the first-frame child failed\n");
		exit(70);
	}
	return ms;
}

/* Types a search and returns the time of Enter (query, jump, frame). */
static double
search(struct bench *b, const wchar_t *q)
{
	key(b, '/');
	for (const wchar_t *p = q; *p; p++)
		key(b, (int)*p);
	return key(b, KC_ENTER);
}

/* Whether the grid shows text anywhere. */
static bool
grid_shows(const struct grid *g, const char *text)
{
	char line[WIDTH * 4 + 1];

	for (int y = 0; y < g->h; y++) {
		grid_row_text(g, 0, y, g->w, line, sizeof(line));
		if (strstr(line, text))
			return true;
	}
	return false;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		const wchar_t *q;
		bool hits;
	} queries[] = {
		{ "search_frequent", L"coöperatie", true },	/* thousands of hits: stops at the cap */
		{ "search_owner", L"Ünver", true },
		{ "search_unique", NULL, true },	/* one title (set below): a scan to the end */
		{ "search_none", L"xyzzy", false },	/* no hit: a scan of everything */
	};
	struct bench b = { 0 };
	struct samples first = { 0 }, scroll = { 0 }, page = { 0 }, end = { 0 }, home = { 0 };
	struct samples counts = { 0 }, redraw = { 0 }, dom = { 0 }, all_search = { 0 }, views[NVIEWS] = { { 0 } };
	struct samples per_query[sizeof(queries) / sizeof(queries[0])] = { { 0 } };
	struct rusage ru;
	struct overview ov = { 0 };
	wchar_t unique[32];
	int reps = argc > 2 ? atoi(argv[2]) : 20;
	long long rows = 0;

	if (argc < 2 || argc > 3 || reps < 1) {
		fprintf(stderr, "usage: bench_ui DB [REPS]\n");
		return 64;
	}
	b.path = argv[1];
	if (!getenv("TERM") || !*getenv("TERM") || !strcmp(getenv("TERM"), "dumb"))
		setenv("TERM", "xterm-256color", 1);
	setenv("LINES", "48", 1);
	setenv("COLUMNS", "160", 1);
	if (!(b.out = fopen("/dev/null", "w")) || !(b.in = fopen("/dev/null", "r"))) {
		perror("bench_ui: /dev/null");
		return 70;
	}

	/* First frame: open, overview (its counts), paint, each in a fresh
	 * child process as when snw starts (the database file is in the OS
	 * cache, SQLite's own cache is empty). */
	for (int i = 0; i < reps; i++)
		add(&first, first_frame_child(&b));
	open_dashboard(&b);
	if (b.app->domains.ndomains < 1)
		fail(&b, "the overview shows no domains");
	ov_load(&b, &ov);
	for (int d = 0; d < b.app->domains.n; d++)
		rows += ov.dom[d].total;
	if (!grid_shows(&b.g, "Overzicht"))
		fail(&b, "the first frame has no tabs");

	/* The overview's queries alone (what a change by another process
	 * costs the next frame). */
	for (int i = 0; i < reps; i++) {
		double t0 = now_ms();

		ov_load(&b, &ov);
		add(&counts, now_ms() - t0);
	}

	/* Redrawing the overview without a change: cached counts. */
	for (int i = 0; i < reps; i++) {
		double t0 = now_ms();

		frame(&b);
		add(&redraw, now_ms() - t0);
	}

	/* Opening each domain's list (count + first window + detail). */
	for (int i = 0; i < reps; i++)
		add(&dom, key(&b, '1' + i % (b.app->domains.ndomains < 5 ? b.app->domains.ndomains : 5)));

	/* Scrolling a domain's list one row at a time, and by pages. */
	key(&b, '1');
	key(&b, KC_HOME);
	for (int i = 0; i < SCROLL_STEPS; i++)
		add(&scroll, key(&b, KC_DOWN));
	if (app_list(b.app)->cur != (SCROLL_STEPS < list_count(app_list(b.app)) ? SCROLL_STEPS : list_count(app_list(b.app)) - 1))
		fail(&b, "Down did not move one row per step");
	for (int i = 0; i < PAGE_STEPS; i++)
		add(&page, key(&b, KC_PGDN));

	/* End in each domain's list, from its top. */
	for (int i = 0; i < reps; i++) {
		key(&b, '1' + i % (b.app->domains.ndomains < 5 ? b.app->domains.ndomains : 5));
		add(&home, key(&b, KC_HOME));
		add(&end, key(&b, KC_END));
		if (app_list(b.app)->cur != list_count(app_list(b.app)) - 1 ||
		    !list_row(app_list(b.app), app_list(b.app)->cur)) {
			fail(&b, "End did not show the last row");
			break;
		}
	}

	/* Search all text: a frequent word, an owner, one title, nothing.
	 * The generator numbers its titles 1..rows: pick one two thirds in. */
	swprintf(unique, sizeof(unique) / sizeof(unique[0]), L"(%lld)", rows - rows / 3);
	for (int i = 0; i < reps; i++) {
		for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
			double ms;

			key(&b, '0');
			ms = search(&b, queries[q].q ? queries[q].q : unique);
			add(&per_query[q], ms);
			add(&all_search, ms);
			if (queries[q].hits != (b.app->hits.n > 0)) {
				fprintf(stderr, "bench_ui: %s: %d hits\n", queries[q].name, b.app->hits.n);
				fail(&b, "search found the wrong number of rows");
			}
		}
	}

	/* The other views (planning's Gantt reads actielijnen too). */
	for (int i = 0; i < reps; i++)
		for (size_t v = 0; v < NVIEWS; v++)
			add(&views[v], key(&b, view_keys[v].key));

	close_dashboard(&b);
	fclose(b.out);
	fclose(b.in);
	getrusage(RUSAGE_SELF, &ru);

	printf("rows %lld\n", rows);
	print_figure("first_frame", &first);
	print_figure("overview_load", &counts);
	print_figure("overview_redraw", &redraw);
	print_figure("open_domain", &dom);
	print_figure("scroll_step", &scroll);
	print_figure("page_step", &page);
	print_figure("home", &home);
	print_figure("end", &end);
	print_figure("search", &all_search);
	for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++)
		print_figure(queries[q].name, &per_query[q]);
	for (size_t v = 0; v < NVIEWS; v++)
		print_figure(view_keys[v].name, &views[v]);
	printf("peak_rss_kb %ld\n", ru.ru_maxrss);
	return b.failures ? 1 : 0;
}
