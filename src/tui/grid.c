/*
 * The cell grid: layout target of the dashboard, free of curses so that
 * it can be drawn and read back at any size in tests.
 */

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/alloc.h"
#include "tui/grid.h"
#include "core/text.h"

#define LINE_MAX_BYTES 4096	/* one grid row of text, sanitized */

/* Decodes one UTF-8 character (input is valid: text_fit made it so). */
static int
utf8_next(const char *s, wchar_t *wc)
{
	uint32_t cp;
	size_t n = text_utf8_decode(s, SIZE_MAX, &cp);

	*wc = n ? (wchar_t)cp : L'?';
	return n ? (int)n : 1;
}

/* Display width of one character of drawn text (text_char_width): 0 for
 * a combining mark, 2 for a wide character; 1 for anything unexpected. */
static int
char_width(wchar_t wc)
{
	int w = text_char_width((uint32_t)wc);

	return w < 0 ? 1 : w;
}

/* Display width of the grapheme cluster of drawn text at s (n bytes). */
static int
cluster_width(const char *s, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n;) {
		wchar_t wc;

		i += (size_t)utf8_next(s + i, &wc);
		w += char_width(wc);
	}
	return w;
}

static bool
is_wide(const struct cell *c)
{
	return c->ch[0] != 0 && char_width(c->ch[0]) == 2;
}

/* Sets one cell to a single character, keeping its role. */
static void
cell_set(struct cell *c, wchar_t ch)
{
	memset(c->ch, 0, sizeof(c->ch));
	c->ch[0] = ch;
}

/*
 * Makes (x, y) a cell of its own before it is written: when it holds one
 * half of a wide character, the other half becomes a blank. Half a wide
 * character would otherwise stay on the terminal (curses draws nothing
 * for a right half, and a terminal erases both halves when one is
 * overwritten).
 */
static void
claim(struct grid *g, int x, int y)
{
	struct cell *c = grid_at(g, x, y), *other;

	if (!c)
		return;
	if (c->ch[0] == 0) {
		other = grid_at(g, x - 1, y);
		if (other && is_wide(other))
			cell_set(other, L' ');
	} else if (is_wide(c)) {
		other = grid_at(g, x + 1, y);
		if (other && other->ch[0] == 0)
			cell_set(other, L' ');
	}
}

int
grid_resize(struct grid *g, int w, int h)
{
	struct cell *c;

	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	c = xrealloc(g->cells, (size_t)w * (size_t)h * sizeof(*c));
	g->cells = c;
	g->w = w;
	g->h = h;
	grid_fill(g, (struct rect){ 0, 0, w, h }, L' ', ROLE_NORMAL);
	return 0;
}

void
grid_free(struct grid *g)
{
	free(g->cells);
	g->cells = NULL;
	g->w = g->h = 0;
}

struct cell *
grid_at(struct grid *g, int x, int y)
{
	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return NULL;
	return &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
}

void
grid_fill(struct grid *g, struct rect r, wchar_t ch, enum role role)
{
	for (int y = r.y; y < r.y + r.h; y++) {
		for (int x = r.x; x < r.x + r.w; x++) {
			struct cell *c = grid_at(g, x, y);

			if (c) {
				if (x == r.x || x == r.x + r.w - 1)
					claim(g, x, y);
				cell_set(c, ch);
				c->role = (unsigned char)role;
			}
		}
	}
}

void
grid_paint(struct grid *g, int x, int y, int w, enum role role)
{
	for (int i = 0; i < w; i++) {
		struct cell *c = grid_at(g, x + i, y);

		if (c)
			c->role = (unsigned char)role;
	}
}

/* Puts drawn text (text_fit's or text_sanitize's output): a character
 * of width 1 or 2 takes that many cells, a mark joins the cell before
 * it. Returns the columns used. */
static int
put_fitted(struct grid *g, int x, int y, int maxw, enum role role, const char *s)
{
	int col = 0;
	struct cell *last = NULL;

	while (*s) {
		wchar_t wc;
		int w;

		s += utf8_next(s, &wc);
		w = char_width(wc);
		if (w == 0) {
			/* a combining mark joins the character before it */
			for (int i = 1; last && i < CELL_CHARS; i++) {
				if (last->ch[i] == 0) {
					last->ch[i] = wc;
					break;
				}
			}
			continue;
		}
		if (col + w > maxw)
			break;
		last = grid_at(g, x + col, y);
		if (!last)
			break;
		claim(g, x + col, y);
		if (w == 2 && !grid_at(g, x + col + 1, y)) {
			cell_set(last, L' ');	/* half a wide char never shows */
			last->role = (unsigned char)role;
			col++;
			break;
		}
		if (w == 2)
			claim(g, x + col + 1, y);	/* before the left half is set */
		cell_set(last, wc);
		last->role = (unsigned char)role;
		if (w == 2) {
			struct cell *right = grid_at(g, x + col + 1, y);

			memset(right->ch, 0, sizeof(right->ch));
			right->role = (unsigned char)role;
		}
		col += w;
	}
	return col;
}

int
grid_text(struct grid *g, int x, int y, int maxw, enum role role, const char *s)
{
	char buf[LINE_MAX_BYTES];

	if (maxw <= 0 || !s)
		return 0;
	if (maxw > g->w - x)
		maxw = g->w - x;
	if (maxw <= 0)
		return 0;
	text_fit(buf, sizeof(buf), s, maxw);
	return put_fitted(g, x, y, maxw, role, buf);
}

int
grid_text_right(struct grid *g, int x, int y, int maxw, enum role role, const char *s)
{
	char buf[LINE_MAX_BYTES];
	int w;

	if (maxw <= 0 || !s)
		return 0;
	w = text_fit(buf, sizeof(buf), s, maxw);
	return put_fitted(g, x + maxw - w, y, w, role, buf);
}

/* Emits one wrapped line if it is inside the visible window. */
static void
wrap_emit(struct grid *g, struct rect r, enum role role, int line, int skip,
	  const char *s, size_t n)
{
	char buf[LINE_MAX_BYTES];

	if (line < skip || line - skip >= r.h)
		return;
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	put_fitted(g, r.x, r.y + line - skip, r.w, role, buf);
}

int
grid_wrap(struct grid *g, struct rect r, enum role role, const char *s, int skip)
{
	size_t cap = TEXT_DRAWN_MAX(strlen(s ? s : ""));
	char *clean = xmalloc(cap);
	int lines = 0;
	const char *p;

	if (r.w <= 0)
		return free(clean), 0;
	text_sanitize(clean, cap, s ? s : "", true);
	p = clean;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t plen = eol ? (size_t)(eol - p) : strlen(p);
		const char *line = p, *end = p + plen;

		/* a paragraph: fill lines greedily, break at spaces */
		while (line < end || plen == 0) {
			const char *cut = line, *lastsp = NULL;
			int w = 0;

			while (cut < end) {
				size_t n = text_cluster_len(cut, (size_t)(end - cut));
				int cw = cluster_width(cut, n);

				if (w + cw > r.w)
					break;
				if (*cut == ' ')
					lastsp = cut;
				w += cw;
				cut += n;
			}
			if (cut < end && lastsp && lastsp > line)
				cut = lastsp;
			if (cut == line && cut < end)	/* wider than the pane */
				cut += text_cluster_len(cut, (size_t)(end - cut));
			wrap_emit(g, r, role, lines++, skip, line, (size_t)(cut - line));
			while (cut < end && *cut == ' ')
				cut++;
			line = cut;
			if (plen == 0)
				break;
		}
		p = eol ? eol + 1 : end;
	}
	free(clean);
	return lines;
}

int
grid_cell_drawn(const struct grid *g, int x, int y, wchar_t out[CELL_CHARS + 1])
{
	const struct cell *c, *next;
	int k = 0;

	out[0] = 0;
	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return 0;
	c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
	if (c->ch[0] == 0) {
		if (x > 0 && is_wide(c - 1))
			return 0;	/* the right half of the character before */
		out[0] = L' ';	/* a half left over: blank */
		out[1] = 0;
		return 1;
	}
	next = x + 1 < g->w ? c + 1 : NULL;
	if (is_wide(c) && (!next || next->ch[0] != 0)) {
		out[0] = L' ';	/* its right half was overwritten */
		out[1] = 0;
		return 1;
	}
	for (; k < CELL_CHARS && c->ch[k]; k++)
		out[k] = c->ch[k];
	out[k] = 0;
	return char_width(c->ch[0]);
}

void
grid_row_text(const struct grid *g, int x, int y, int w, char *out, size_t outsz)
{
	size_t n = 0;

	for (int i = x; i < x + w && i < g->w && y >= 0 && y < g->h; i++) {
		wchar_t ch[CELL_CHARS + 1];

		grid_cell_drawn(g, i, y, ch);
		for (int k = 0; ch[k]; k++) {
			char tmp[4];
			int len = (int)text_utf8_encode((uint32_t)ch[k], tmp);

			if (n + (size_t)len + 1 > outsz)
				goto done;
			memcpy(out + n, tmp, (size_t)len);
			n += (size_t)len;
		}
	}
done:
	if (outsz)
		out[n] = '\0';
}
