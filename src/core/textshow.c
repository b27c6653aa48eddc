/*
 * Showing text that is being edited (include/core/textshow.h): markers
 * for what a terminal cannot show, display units, and rows wrapped by
 * display width. Everything here is derived from the text's bytes and
 * only ever drawn; nothing drawn is read back into the text.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700	/* wcwidth */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <utf8proc.h>

#include "core/alloc.h"
#include "core/text.h"
#include "core/textshow.h"

#define DOTTED_CIRCLE "\xE2\x97\x8C"	/* ◌: what a mark without a base sits on */

bool
textshow_marker(uint32_t cp, unsigned char byte, bool newline_ok, char out[TEXTSHOW_MARKER_MAX])
{
	utf8proc_category_t cat;

	if (cp == UINT32_MAX) {
		snprintf(out, TEXTSHOW_MARKER_MAX, "⟨0x%02X⟩", byte);
		return true;
	}
	if (cp == '\t') {
		snprintf(out, TEXTSHOW_MARKER_MAX, "→");
		return true;
	}
	if (cp == '\n') {
		if (newline_ok)
			return false;
		snprintf(out, TEXTSHOW_MARKER_MAX, "↵");
		return true;
	}
	if (cp < 0x20 || cp == 0x7F) {
		/* caret notation, as the dashboard shows controls: ESC is ^[ */
		snprintf(out, TEXTSHOW_MARKER_MAX, "^%c", (char)(cp ^ 0x40));
		return true;
	}
	cat = utf8proc_category((utf8proc_int32_t)cp);
	if ((cp >= 0x80 && cp <= 0x9F) || cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF ||
	    cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CO || cat == UTF8PROC_CATEGORY_CN ||
	    cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP || wcwidth((wchar_t)cp) < 0 ||
	    text_needs_marker(cp)) {	/* what the grid would show as a marker anyway */
		snprintf(out, TEXTSHOW_MARKER_MAX, "⟨U+%04X⟩", (unsigned)cp);
		return true;
	}
	return false;
}

/* Appends a unit. */
static struct textshow_unit *
add_unit(struct textshow_unit **units, int *count, int *cap)
{
	if (*count == *cap) {
		int ncap = *cap ? *cap * 2 : 32;

		*units = xrealloc(*units, (size_t)ncap * sizeof(**units));
		*cap = ncap;
	}
	memset(&(*units)[*count], 0, sizeof(**units));
	return &(*units)[(*count)++];
}

/* Columns of a marker: it is made of narrow characters only. */
static int
marker_width(const char *m)
{
	int w = 0;

	for (; *m; m++)
		w += ((unsigned char)*m & 0xC0) != 0x80;
	return w;
}

/* Starts a unit for bytes [p, p + len) showing `text` in `width` columns. */
static void
unit(struct textshow_unit **units, int *count, int *cap, size_t p, size_t len, const char *text,
     size_t tlen, int width, bool marker)
{
	struct textshow_unit *u = add_unit(units, count, cap);

	u->off = p;
	u->len = len;
	memcpy(u->text, text, tlen);
	u->text[tlen] = '\0';
	u->width = width;
	u->marker = marker;
}

void
textshow_units(const char *s, size_t off, size_t n, bool newline_ok, int max_marks,
	       struct textshow_unit **units, int *count, int *cap)
{
	size_t end = off + n, p = off, cend = off;
	int marks = 0;		/* marks on the last unit */
	bool over = false;	/* the cell's marks are full: the rest are markers */
	int first = *count;	/* units before this cluster are never joined */
	int room = (int)((sizeof((*units)->text) - 1 - 4 - (sizeof(DOTTED_CIRCLE) - 1)) / 4);

	if (max_marks > room)
		max_marks = room;
	while (p < end) {
		struct textshow_unit *last;
		char mk[TEXTSHOW_MARKER_MAX], tx[sizeof((*units)->text)];
		uint32_t cp;
		size_t len;
		int w;

		if (p >= cend) {
			/* a new cluster: a mark never joins a unit of another one,
			 * so a span is exactly as wide as its clusters one by one */
			size_t cl = text_cluster_len(s + p, end - p);

			cend = p + (cl ? cl : 1);
			first = *count;
			over = false;
		}
		last = *count > first ? &(*units)[*count - 1] : NULL;
		if ((len = text_utf8_decode(s + p, end - p, &cp)) == 0) {
			textshow_marker(UINT32_MAX, (unsigned char)s[p], newline_ok, mk);
			unit(units, count, cap, p, 1, mk, strlen(mk), marker_width(mk), true);
			len = 1;
		} else if (textshow_marker(cp, 0, newline_ok, mk)) {
			unit(units, count, cap, p, len, mk, strlen(mk), marker_width(mk), true);
		} else if (cp == '\n') {
			unit(units, count, cap, p, len, "", 0, 0, false);	/* a row's end */
		} else if ((w = wcwidth((wchar_t)cp)) > 0) {
			unit(units, count, cap, p, len, s + p, len, w, false);
			marks = 0;
			over = false;
		} else if (last && !last->marker && !over && marks < max_marks) {
			/* a combining mark joins the character before it */
			size_t tl = strlen(last->text);

			memcpy(last->text + tl, s + p, len);
			last->text[tl + len] = '\0';
			last->len += len;
			marks++;
		} else if (last && (over || !last->marker)) {
			/* more marks than a cell holds: the rest as markers */
			snprintf(mk, sizeof(mk), "⟨U+%04X⟩", (unsigned)cp);
			unit(units, count, cap, p, len, mk, strlen(mk), marker_width(mk), true);
			over = true;
		} else {
			/* a mark with nothing to sit on sits on ◌ */
			memcpy(tx, DOTTED_CIRCLE, sizeof(DOTTED_CIRCLE) - 1);
			memcpy(tx + sizeof(DOTTED_CIRCLE) - 1, s + p, len);
			unit(units, count, cap, p, len, tx, sizeof(DOTTED_CIRCLE) - 1 + len, 1, false);
			marks = 1;
		}
		p += len;
	}
}

/* Columns of bytes [off, off + n) of s (whole clusters). */
static int
span_width(const char *s, size_t off, size_t n, bool newline_ok, int max_marks,
	   struct textshow_unit **scratch, int *cap)
{
	int count = 0, w = 0;

	textshow_units(s, off, n, newline_ok, max_marks, scratch, &count, cap);
	for (int i = 0; i < count; i++)
		w += (*scratch)[i].width;
	return w;
}

/* Appends a row to the layout. */
static void
add_row(struct textshow_layout *l, size_t start, size_t end, int width)
{
	if (l->n == l->cap) {
		int ncap = l->cap ? l->cap * 2 : 16;

		l->rows = xrealloc(l->rows, (size_t)ncap * sizeof(*l->rows));
		l->cap = ncap;
	}
	l->rows[l->n++] = (struct textshow_row){ start, end, width };
}

/*
 * A cluster wider than a row by itself (a flood of joiners or accents,
 * shown as markers) gets rows of its own, cut between its display units,
 * so that all of it can be seen. Ends the row [row, q) first; returns
 * where the row after it starts (its width in *w).
 */
static size_t
split_cluster(const char *s, size_t q, size_t cl, size_t row, int *w, int limit, int max_marks,
	      struct textshow_layout *out)
{
	struct textshow_unit *u = NULL;
	int n = 0, cap = 0, uw = 0;
	size_t rs = q;

	if (q > row)
		add_row(out, row, q, *w);
	textshow_units(s, q, cl, true, max_marks, &u, &n, &cap);
	for (int i = 0; i < n; i++) {
		if (uw + u[i].width > limit && uw > 0) {
			add_row(out, rs, u[i].off, uw);
			rs = u[i].off;
			uw = 0;
		}
		uw += u[i].width;
	}
	free(u);
	*w = uw;
	return rs;
}

/* Wraps one paragraph [p, end) into rows of at most limit columns. */
static void
wrap_paragraph(const char *s, size_t p, size_t end, int limit, int max_marks,
	       struct textshow_layout *out, struct textshow_unit **scratch, int *cap)
{
	size_t row = p, brk = 0, q = p;
	int w = 0, brk_w = 0;
	bool have_brk = false;

	while (q < end) {
		size_t cl = text_cluster_len(s + q, end - q);
		int cw;

		if (cl == 0)
			cl = 1;
		cw = span_width(s, q, cl, true, max_marks, scratch, cap);
		if (cw > limit) {
			row = split_cluster(s, q, cl, row, &w, limit, max_marks, out);
			q += cl;
			have_brk = false;
			continue;
		}
		if (w + cw > limit && q > row) {
			if (cl == 1 && s[q] == ' ') {
				/* a space at the edge ends the row (hanging) */
				add_row(out, row, q + 1, w + cw);
				row = q + 1;
				q = row;
				w = 0;
				have_brk = false;
				continue;
			}
			if (have_brk && brk > row) {
				add_row(out, row, brk, brk_w);
				row = brk;
				w -= brk_w;
			} else {
				add_row(out, row, q, w);
				row = q;
				w = 0;
			}
			have_brk = false;
			if (w + cw > limit && q > row) {
				/* what moved down does not fit with this one either */
				add_row(out, row, q, w);
				row = q;
				w = 0;
			}
		}
		w += cw;
		q += cl;
		if (cl == 1 && s[q - 1] == ' ') {
			have_brk = true;
			brk = q;
			brk_w = w;
		}
	}
	add_row(out, row, end, w);
}

void
textshow_layout(const char *s, size_t len, int cols, bool wrap, int max_marks,
		struct textshow_layout *out)
{
	struct textshow_unit *scratch = NULL;
	int cap = 0, limit = cols - 1 > 0 ? cols - 1 : 1;
	size_t p = 0;

	out->n = 0;
	if (!wrap) {
		add_row(out, 0, len, span_width(s, 0, len, false, max_marks, &scratch, &cap));
		free(scratch);
		return;
	}
	for (;;) {
		const char *nl = memchr(s + p, '\n', len - p);
		size_t end = nl ? (size_t)(nl - s) : len;

		wrap_paragraph(s, p, end, limit, max_marks, out, &scratch, &cap);
		if (!nl)
			break;
		p = end + 1;
	}
	free(scratch);
}

void
textshow_layout_free(struct textshow_layout *l)
{
	free(l->rows);
	memset(l, 0, sizeof(*l));
}

int
textshow_row_of(const struct textshow_layout *l, size_t off)
{
	for (int r = 0; r < l->n; r++) {
		const struct textshow_row *row = &l->rows[r];
		bool soft = r + 1 < l->n && l->rows[r + 1].start == row->end;

		if (off >= row->start && (off < row->end || (off == row->end && !soft)))
			return r;
	}
	return l->n > 0 ? l->n - 1 : 0;
}

int
textshow_col(const char *s, const struct textshow_row *r, size_t off, bool newline_ok,
	     int max_marks)
{
	struct textshow_unit *scratch = NULL;
	int cap = 0, w;

	if (off < r->start)
		return 0;
	if (off > r->end)
		off = r->end;
	w = span_width(s, r->start, off - r->start, newline_ok, max_marks, &scratch, &cap);
	free(scratch);
	return w < 0 ? 0 : w;
}

size_t
textshow_at_col(const char *s, const struct textshow_row *r, int col, bool newline_ok,
		int max_marks)
{
	struct textshow_unit *scratch = NULL;
	int cap = 0, x = 0;
	size_t q = r->start;

	while (q < r->end) {
		size_t cl = text_cluster_len(s + q, r->end - q);
		int cw;

		if (cl == 0)
			cl = 1;
		cw = span_width(s, q, cl, newline_ok, max_marks, &scratch, &cap);
		if (cw < 0 || x + cw > col)
			break;
		x += cw;
		q += cl;
	}
	free(scratch);
	return q;
}
