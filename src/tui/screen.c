/*
 * The terminal side of the dashboard: set-up and tear-down, the role ->
 * attribute table, painting the cell grid (and placing the cursor of an
 * edit form), and input as key codes. The only file with curses calls:
 * the edit forms draw into the grid like everything else.
 */

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/alloc.h"
#include "tui/keys.h"
#include "tui/screen.h"

#define ESC_DELAY_MS 25

/* The one piece of global state: a signal handler may only set a flag.
 * It is read by screen_key, which makes the main loop quit cleanly. */
static volatile sig_atomic_t caught_signal;

static const int handled_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NSIGNALS ((int)(sizeof(handled_signals) / sizeof(handled_signals[0])))

struct screen {
	SCREEN *term;
	bool mono;
	attr_t attr[ROLE_COUNT];
	short pair[ROLE_COUNT];
	int cx, cy;		/* the cursor at the next paint; cx < 0: hidden */
	struct sigaction old[NSIGNALS];
};

static void
on_signal(int sig)
{
	caught_signal = sig;
}

/* Out of memory while the screen is curses': the terminal comes back
 * first, so that the message is read on a normal screen. */
static void
give_terminal_back(void)
{
	endwin();
}

/* Colours with a meaning: statuses, overdue, today; -1 is the terminal's
 * own background. */
static void
setup_colours(struct screen *s)
{
	static const struct {
		enum role role;
		short fg, bg;
		attr_t attr;
	} colours[] = {
		{ ROLE_TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD },
		{ ROLE_TITLE_SEL, COLOR_BLACK, COLOR_CYAN, A_BOLD },
		{ ROLE_TAB, COLOR_WHITE, COLOR_BLUE, 0 },
		{ ROLE_TAB_ON, COLOR_BLACK, COLOR_YELLOW, A_BOLD },
		{ ROLE_BORDER, COLOR_BLUE, -1, 0 },
		{ ROLE_STATUSLINE, COLOR_BLACK, COLOR_WHITE, 0 },
		{ ROLE_KEY, COLOR_YELLOW, -1, A_BOLD },
		{ ROLE_OVERDUE, COLOR_RED, -1, A_BOLD },
		{ ROLE_LOPEND, COLOR_GREEN, -1, 0 },
		{ ROLE_GEPLAND, COLOR_BLUE, -1, A_BOLD },
		{ ROLE_AFGEROND, COLOR_CYAN, -1, 0 },
		{ ROLE_GEPAUZEERD, COLOR_YELLOW, -1, 0 },
		{ ROLE_GESTOPT, COLOR_RED, -1, 0 },
		{ ROLE_ONBEKEND, COLOR_WHITE, -1, A_DIM },
		{ ROLE_OPEN_END, COLOR_WHITE, -1, A_DIM },
		{ ROLE_TODAY, COLOR_RED, -1, A_BOLD },
		{ ROLE_MILESTONE, COLOR_MAGENTA, -1, A_BOLD },
		{ ROLE_ERROR, COLOR_WHITE, COLOR_RED, A_BOLD },
	};

	start_color();
	use_default_colors();
	for (size_t i = 0; i < sizeof(colours) / sizeof(colours[0]); i++) {
		short pair = (short)(i + 1);

		init_pair(pair, colours[i].fg, colours[i].bg);
		s->pair[colours[i].role] = pair;
		s->attr[colours[i].role] = colours[i].attr;
	}
	s->attr[ROLE_DIM] = A_DIM;
	s->attr[ROLE_BOLD] = A_BOLD;
	s->attr[ROLE_SEL] = A_REVERSE;
}

/* Without colours every role still reads: reverse, bold, underline. */
static void
setup_mono(struct screen *s)
{
	s->attr[ROLE_DIM] = A_DIM;
	s->attr[ROLE_BOLD] = A_BOLD;
	s->attr[ROLE_TITLE] = A_BOLD | A_UNDERLINE;
	s->attr[ROLE_TITLE_SEL] = A_REVERSE | A_BOLD;
	s->attr[ROLE_TAB] = A_REVERSE;
	s->attr[ROLE_TAB_ON] = A_BOLD | A_UNDERLINE;
	s->attr[ROLE_SEL] = A_REVERSE;
	s->attr[ROLE_STATUSLINE] = A_REVERSE;
	s->attr[ROLE_KEY] = A_BOLD;
	s->attr[ROLE_OVERDUE] = A_BOLD | A_UNDERLINE;
	s->attr[ROLE_ONBEKEND] = A_DIM;
	s->attr[ROLE_OPEN_END] = A_DIM;
	s->attr[ROLE_TODAY] = A_BOLD;
	s->attr[ROLE_MILESTONE] = A_BOLD;
	s->attr[ROLE_ERROR] = A_BOLD | A_REVERSE;
}

/* Keys some terminals (tmux, screen, rxvt) send that the terminfo entry
 * in use may not know. */
static void
define_keys(void)
{
	define_key("\033[1~", KEY_HOME);
	define_key("\033[7~", KEY_HOME);
	define_key("\033[H", KEY_HOME);
	define_key("\033OH", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[8~", KEY_END);
	define_key("\033[F", KEY_END);
	define_key("\033OF", KEY_END);
	define_key("\033[Z", KEY_BTAB);
}

struct screen *
screen_open(FILE *out, FILE *in, char *err, size_t errsz)
{
	struct screen *s = xcalloc(1, sizeof(*s));
	const char *nc = getenv("NO_COLOR");
	struct sigaction sa;

	/* the locale is set up by i18n_init; widths need a UTF-8 one */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: wake the input wait */
	sigemptyset(&sa.sa_mask);
	caught_signal = 0;
	for (int i = 0; i < NSIGNALS; i++)
		sigaction(handled_signals[i], &sa, &s->old[i]);
	set_escdelay(ESC_DELAY_MS);
	s->term = newterm(NULL, out ? out : stdout, in ? in : stdin);
	if (!s->term) {
		snprintf(err, errsz, _("de terminal '%s' is niet te gebruiken (verwacht: een terminal die TERM noemt)"),
			 getenv("TERM") ? getenv("TERM") : "");
		for (int i = 0; i < NSIGNALS; i++)
			sigaction(handled_signals[i], &s->old[i], NULL);
		free(s);
		return NULL;
	}
	set_term(s->term);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	define_keys();
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	s->cx = s->cy = -1;
	s->mono = (nc && *nc) || !has_colors();
	if (s->mono)
		setup_mono(s);
	else
		setup_colours(s);
	alloc_on_exhaustion(give_terminal_back);
	return s;
}

void
screen_close(struct screen *s)
{
	if (!s)
		return;
	mousemask(0, NULL);
	curs_set(1);
	endwin();
	alloc_on_exhaustion(NULL);
	delscreen(s->term);
	for (int i = 0; i < NSIGNALS; i++)
		sigaction(handled_signals[i], &s->old[i], NULL);
	free(s);
}

void
screen_size(const struct screen *s, int *w, int *h)
{
	(void)s;
	getmaxyx(stdscr, *h, *w);
}

bool
screen_mono(const struct screen *s)
{
	return s->mono;
}

void
screen_cursor(struct screen *s, int x, int y)
{
	s->cx = x;
	s->cy = y;
}

void
screen_raw(struct screen *s, bool on)
{
	(void)s;
	if (on) {
		raw();
	} else {
		noraw();
		cbreak();
	}
}

void
screen_suspend(struct screen *s)
{
	(void)s;
	def_prog_mode();
	endwin();
}

void
screen_resume(struct screen *s)
{
	(void)s;
	reset_prog_mode();
	clearok(curscr, TRUE);	/* whatever ran meanwhile drew over everything */
}

/* A grid cell is one curses cell: a character and its marks. */
_Static_assert(CELL_CHARS <= CCHARW_MAX, "a grid cell must fit a curses cell");

/*
 * Puts the grid on the terminal, cell by cell as grid_cell_drawn says:
 * the right half of a wide character is left to curses, which covers it
 * with the left. Widths are the C library's, like curses' own, and the
 * text in the grid is in its drawn form (core/text.h), so the terminal's
 * cursor ends where curses thinks it does and nothing stays behind.
 */
void
screen_paint(struct screen *s, const struct grid *g)
{
	int h, w;

	getmaxyx(stdscr, h, w);
	for (int y = 0; y < g->h && y < h; y++) {
		for (int x = 0; x < g->w && x < w; x++) {
			const struct cell *c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
			wchar_t wch[CELL_CHARS + 1];
			int cw = grid_cell_drawn(g, x, y, wch);
			cchar_t cc;

			if (cw == 0)
				continue;	/* right half of a wide character */
			if (cw == 2 && x + 1 >= w) {
				wch[0] = L' ';	/* cut by the screen's edge */
				wch[1] = 0;
			}
			if (setcchar(&cc, wch, s->attr[c->role], s->pair[c->role], NULL) != OK)
				setcchar(&cc, L"?", s->attr[c->role], s->pair[c->role], NULL);
			mvadd_wch(y, x, &cc);
		}
	}
	if (s->cx >= 0 && s->cx < w && s->cy >= 0 && s->cy < h) {
		move(s->cy, s->cx);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

static int
translate(int code)
{
	switch (code) {
	case KEY_UP: return KC_UP;
	case KEY_DOWN: return KC_DOWN;
	case KEY_LEFT: return KC_LEFT;
	case KEY_RIGHT: return KC_RIGHT;
	case KEY_PPAGE: return KC_PGUP;
	case KEY_NPAGE: return KC_PGDN;
	case KEY_HOME: return KC_HOME;
	case KEY_END: return KC_END;
	case KEY_BTAB: return KC_BTAB;
	case KEY_ENTER: return KC_ENTER;
	case KEY_BACKSPACE: return KC_BACKSPACE;
	case KEY_RESIZE: return KC_RESIZE;
	case KEY_F(1): return KC_F1;
	case KEY_F(2): return KC_F2;
	case KEY_F(4): return KC_F4;
	case KEY_DC: return KC_DELETE;
	default: return KC_NONE;
	}
}

int
screen_key(struct screen *s, int timeout_ms, int *x, int *y, int *wheel, int *sig)
{
	wint_t wc;
	int rc;

	(void)s;
	if (caught_signal) {
		*sig = caught_signal;
		return -1;
	}
	timeout(timeout_ms);
	rc = get_wch(&wc);
	if (caught_signal) {
		*sig = caught_signal;
		return -1;
	}
	if (rc == ERR)
		return KC_TIMEOUT;
	if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
		MEVENT ev;

		if (getmouse(&ev) != OK)
			return KC_NONE;
		*x = ev.x;
		*y = ev.y;
		*wheel = ev.bstate & BUTTON4_PRESSED ? -1 : ev.bstate & BUTTON5_PRESSED ? 1 : 0;
		return KC_MOUSE;
	}
	if (rc == KEY_CODE_YES)
		return translate((int)wc);
	if (wc == '\r' || wc == '\n')
		return KC_ENTER;
	if (wc == 8)
		return KC_BACKSPACE;
	return (int)wc;
}

void
screen_resize(struct screen *s, int w, int h)
{
	(void)s;
	resizeterm(h, w);
}
