/*
 * Text as it reaches a terminal: the one rule that decides how each
 * character of data is drawn, and the functions built on it
 * (text_sanitize, text_width, text_fit, text_char_width). The dashboard's
 * grid, the report, the log and every error message draw through here.
 * The rule itself, and why, is in include/core/text.h ("Drawing rule").
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700	/* wcwidth */
#endif

#include "core/text.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <utf8proc.h>

/* "…" (U+2026), one display column. */
#define ELLIPSIS "\xE2\x80\xA6"
#define ELLIPSIS_LEN 3

/* "◌" (U+25CC), the base a combining mark is drawn on when it has none. */
#define DOTTED_CIRCLE "\xE2\x97\x8C"

#define ZWNJ 0x200C
#define ZWJ 0x200D

/* Room for one piece: a character with its marks, a marker, or several
 * pictographs of an emoji sequence (a longer one becomes several pieces). */
#define PIECE_MAX 64
/* What one drawn character with its marks can add to a piece. */
#define CHAR_ROOM (4 + TEXT_MAX_MARKS * 4)

/* One unit of drawn text: never split by text_fit. Usually a whole
 * grapheme cluster of the source in its drawn form. */
struct piece {
	char buf[PIECE_MAX];	/* what is drawn */
	size_t len;		/* bytes in buf */
	size_t used;		/* source bytes consumed */
	int width;		/* display columns */
};

/* Reads a NUL-terminated source piece by piece, remembering what the
 * rule needs of the cluster it is in. */
struct reader {
	const unsigned char *s;	/* the next source byte */
	bool keep_newlines;
	uint32_t prev;		/* the code point before s; 0 at a start */
	int pending;		/* -1, or whether s starts a cluster (decided) */
	utf8proc_int32_t state;	/* utf8proc's grapheme break state */
	bool emoji;		/* the cluster began with a pictograph */
	bool base;		/* a drawn character precedes, for a mark to sit on
				   (not at a start, after a line break, a control
				   or a marker: there a mark gets "◌") */
	int marks;		/* marks on that character */
	bool prev_shown;	/* prev was drawn as itself, just before s */
};

/* How the rule draws one code point. */
enum how {
	SHOW,		/* itself, in text_char_width columns */
	MARK,		/* itself, zero width, on the character before it */
	DROP,		/* left out (a joiner or selector terminals disagree on) */
	MARKER,		/* as "⟨U+XXXX⟩" */
	LINEBREAK,	/* as a line break (U+2028, U+2029) */
};

/*
 * wcwidth() as the painter's curses library and the terminal use it. In
 * a locale that is not UTF-8 wcwidth knows no character beyond ASCII;
 * then utf8proc's widths stand in (with unassigned code points unknown),
 * so that text still measures sensibly in tests and tools.
 */
int text_char_width(uint32_t cp)
{
	int w;

	if (cp < 0x80)
		return cp >= 0x20 && cp < 0x7F ? 1 : -1;
	if (cp > 0x10FFFF)
		return -1;
	w = wcwidth((wchar_t)cp);
	if (w < 0 && wcwidth(0xE9) < 0) {
		if (utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_CN)
			return -1;
		w = utf8proc_charwidth((utf8proc_int32_t)cp);
	}
	return w;
}

/* The bidirectional controls: embeddings, overrides, isolates, marks. */
static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

static bool is_pictograph(uint32_t cp)
{
	int b = utf8proc_get_property((utf8proc_int32_t)cp)->boundclass;

	return b == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC ||
	       (b >= UTF8PROC_BOUNDCLASS_E_BASE && b <= UTF8PROC_BOUNDCLASS_E_BASE_GAZ);
}

/* Variation selectors other than the two emoji presentation ones:
 * standardized (math, CJK compatibility), Mongolian, ideographic. */
static bool is_variation_selector(uint32_t cp)
{
	return (cp >= 0xFE00 && cp <= 0xFE0D) || (cp >= 0x180B && cp <= 0x180D) ||
	       cp == 0x180F || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/*
 * Letters and marks of the scripts in which U+200C and U+200D choose the
 * shape of letters (Arabic, Syriac, N'Ko, Mongolian, the Brahmic scripts
 * of India and South-East Asia, ...). A joiner between two of them does a
 * job; a joiner between Latin letters only hides something.
 */
static bool in_joining_script(uint32_t cp)
{
	static const uint32_t ranges[][2] = {
		{ 0x0600, 0x08FF },	/* Arabic, Syriac, Thaana, N'Ko, Mandaic */
		{ 0x0900, 0x0DFF },	/* Devanagari .. Sinhala */
		{ 0x1000, 0x109F },	/* Myanmar */
		{ 0x1780, 0x18AF },	/* Khmer, Mongolian */
		{ 0xA840, 0xA87F },	/* Phags-pa */
		{ 0xA8E0, 0xA8FF },	/* Devanagari Extended */
		{ 0xFB50, 0xFDFF },	/* Arabic presentation forms A */
		{ 0xFE70, 0xFEFC },	/* Arabic presentation forms B */
		{ 0x10AC0, 0x10AFF },	/* Manichaean */
		{ 0x10D00, 0x10D3F },	/* Hanifi Rohingya */
		{ 0x10F30, 0x10F6F },	/* Sogdian */
		{ 0x11000, 0x111FF },	/* Brahmi, Kaithi, Chakma, Sharada */
		{ 0x1E900, 0x1E95F },	/* Adlam */
	};
	utf8proc_category_t c;

	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		if (cp >= ranges[i][0] && cp <= ranges[i][1]) {
			c = utf8proc_category((utf8proc_int32_t)cp);
			return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
			       (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
		}
	}
	return false;
}

/* The code point after the n bytes at s, or 0 at the end or an invalid byte. */
static uint32_t peek(const unsigned char *s, size_t n)
{
	uint32_t cp;

	if (!s[n] || text_utf8_decode((const char *)s + n, SIZE_MAX, &cp) == 0)
		return 0;
	return cp;
}

/*
 * Whether the code point after a U+200C is a letter or mark of a joining
 * script that the rule draws as itself right after it, so that the U+200C
 * stays between the same two characters when its drawn form is drawn
 * again.
 */
static bool shown_after_zwnj(const struct reader *r, uint32_t next)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)next);

	if (!in_joining_script(next) || text_char_width(next) < 0 ||
	    utf8proc_get_property((utf8proc_int32_t)next)->ignorable)
		return false;
	if (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME)
		return r->marks + 2 <= TEXT_MAX_MARKS;	/* the U+200C and the mark */
	return true;
}

/*
 * The rule for one code point beyond ASCII (not a C0/C1 control) of n
 * bytes at r->s, given what came before it in its cluster (r). Joiners
 * also look at the code point after them. Stores the width of a SHOW.
 */
static enum how classify(const struct reader *r, uint32_t cp, size_t n, int *width)
{
	int w;

	if (is_bidi_control(cp))
		return MARKER;
	if (cp == 0x2028 || cp == 0x2029)
		return LINEBREAK;
	if (cp == ZWJ) {
		uint32_t next = peek(r->s, n);

		if (r->emoji && is_pictograph(next))
			return DROP;	/* the pictographs are drawn side by side */
		return in_joining_script(r->prev) && in_joining_script(next) ? DROP : MARKER;
	}
	if (cp == ZWNJ)
		return r->prev_shown && in_joining_script(r->prev) &&
		       shown_after_zwnj(r, peek(r->s, n)) ? MARK : MARKER;
	if (cp == 0xFE0E || cp == 0xFE0F)
		return r->base ? DROP : MARKER;
	if (is_variation_selector(cp))
		return r->base ? MARK : MARKER;
	if (cp >= 0x1F3FB && cp <= 0x1F3FF)	/* a skin tone ... */
		return r->emoji && r->base ? DROP : MARKER;	/* ... or a swatch that would join */
	if (cp >= 0xE0020 && cp <= 0xE007F && r->emoji)
		return DROP;	/* the tags of a subdivision flag */
	if (cp != 0x00AD && utf8proc_get_property((utf8proc_int32_t)cp)->ignorable)
		return MARKER;	/* invisible: U+FEFF, U+200B, U+2060, fillers, tags */
	if (utf8proc_get_property((utf8proc_int32_t)cp)->boundclass == UTF8PROC_BOUNDCLASS_PREPEND)
		return MARKER;	/* joins whatever follows it, even another column */
	w = text_char_width(cp);
	if (w < 0)
		return MARKER;	/* unknown to the C library: terminals guess */
	if (w == 0)
		return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_CF ? MARKER : MARK;
	*width = w;
	return SHOW;
}

bool text_needs_marker(uint32_t cp)
{
	struct reader r = { .base = true, .pending = -1 };
	char buf[5] = { 0 };
	int w;

	if (cp < 0xA0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return false;	/* controls have their own notation */
	text_utf8_encode(cp, buf);
	r.s = (const unsigned char *)buf;
	return classify(&r, cp, strlen(buf), &w) == MARKER;
}

/* Control characters and invalid bytes, one piece each: ESC as "^[",
 * other C0 and DEL as "^X", C1 and invalid bytes as "?", tab as a space,
 * CR LF, CR and LF as one line break ("\n" or a space). */
static void control_piece(struct reader *r, struct piece *p, uint32_t cp, size_t n)
{
	const unsigned char *s = r->s;

	p->used = n ? n : 1;
	p->len = 1;
	p->width = 1;
	if (n == 0 || (cp >= 0x80 && cp <= 0x9F)) {
		p->buf[0] = '?';
	} else if (cp == '\n' || cp == '\r') {
		if (cp == '\r' && s[1] == '\n')
			p->used = 2;
		p->buf[0] = r->keep_newlines ? '\n' : ' ';
		p->width = r->keep_newlines ? 0 : 1;
	} else if (cp == '\t') {
		p->buf[0] = ' ';
	} else {
		p->buf[0] = '^';
		p->buf[1] = (char)(cp ^ 0x40);	/* 0x1B -> '[', 0x7F -> '?' */
		p->len = 2;
		p->width = 2;
	}
	r->s += p->used;
	r->prev = 0;		/* a control ends any cluster */
	r->pending = -1;
	r->base = false;
	r->marks = 0;
	r->prev_shown = false;
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* Appends a marker "⟨U+XXXX⟩" for cp. */
static void put_marker(struct piece *p, uint32_t cp)
{
	int n = snprintf(p->buf + p->len, sizeof(p->buf) - p->len,
			 "\xE2\x9F\xA8U+%04X\xE2\x9F\xA9", (unsigned)cp);

	p->len += (size_t)n;
	p->width += n - 4;	/* the brackets are 3 bytes and one column each */
}

static void put_bytes(struct piece *p, const void *b, size_t n)
{
	memcpy(p->buf + p->len, b, n);
	p->len += n;
}

/* Whether the code point cp (n bytes) at r->s starts a new cluster;
 * asks utf8proc once per code point (its state moves on). */
static bool starts_cluster(struct reader *r, uint32_t cp)
{
	bool brk;

	if (r->pending >= 0)
		brk = r->pending;
	else if (r->prev == 0)
		brk = true;
	else
		brk = utf8proc_grapheme_break_stateful((utf8proc_int32_t)r->prev,
						       (utf8proc_int32_t)cp, &r->state);
	if (r->prev == 0)
		r->state = 0;
	r->pending = brk;
	return brk;
}

/* Takes the code point cp (n bytes) at r->s into the piece as `how`. */
static void take(struct reader *r, struct piece *p, uint32_t cp, size_t n, enum how how, int w)
{
	r->prev_shown = false;
	if (how == MARK) {
		if (!r->base) {
			put_bytes(p, DOTTED_CIRCLE, 3);
			p->width += 1;
			r->base = true;
			r->marks = 0;
		}
		if (r->marks < TEXT_MAX_MARKS) {
			put_bytes(p, r->s, n);
			r->marks++;
			r->prev_shown = true;
		}
	} else if (how == SHOW) {
		put_bytes(p, r->s, n);
		p->width += w;
		r->base = true;
		r->marks = 0;
		r->prev_shown = true;
	} else if (how == MARKER) {
		put_marker(p, cp);
		r->base = false;	/* a mark after it gets its own base */
		r->marks = 0;
	}
	p->used += n;
	r->s += n;
	r->prev = cp;
	r->pending = -1;
}

/*
 * The next piece of the source (not at its NUL): a control, a marker, or
 * the drawn form of a grapheme cluster. A piece ends where its cluster
 * does, before a marker, or (for very long clusters) when full.
 */
static void reader_next(struct reader *r, struct piece *p)
{
	const unsigned char *s = r->s;

	p->len = p->used = 0;
	p->width = 0;
	/* Most text is ASCII: a printable character before ASCII is a
	 * cluster of its own. */
	if (s[0] >= 0x20 && s[0] < 0x7F && s[1] < 0x80) {
		p->buf[0] = (char)s[0];
		p->len = p->used = 1;
		p->width = 1;
		r->s++;
		r->prev = s[0];
		r->pending = -1;
		r->state = 0;
		r->emoji = false;
		r->base = true;
		r->marks = 0;
		r->prev_shown = true;
		return;
	}
	while (*r->s) {
		uint32_t cp = 0;
		size_t n = text_utf8_decode((const char *)r->s, SIZE_MAX, &cp);
		enum how how;
		int w = 0;

		if (n == 0 || is_control(cp)) {
			if (p->used == 0)
				control_piece(r, p, cp, n);
			return;
		}
		if (starts_cluster(r, cp)) {
			if (p->used > 0)
				return;
			r->emoji = is_pictograph(cp);
		}
		how = cp < 0x80 ? SHOW : classify(r, cp, n, &w);
		if (cp < 0x80)
			w = 1;
		if (how == LINEBREAK) {
			if (p->used == 0)
				control_piece(r, p, '\n', n);
			return;
		}
		if (how == MARKER && p->used > 0)
			return;		/* a marker is a piece of its own */
		if (how == SHOW && p->len + CHAR_ROOM > PIECE_MAX)
			return;		/* full: the cluster goes on in the next piece */
		take(r, p, cp, n, how, w);
		if (how == MARKER)
			return;
	}
}

static void reader_init(struct reader *r, const char *s, bool keep_newlines)
{
	memset(r, 0, sizeof(*r));
	r->s = (const unsigned char *)(s ? s : "");
	r->keep_newlines = keep_newlines;
	r->pending = -1;
}

/* Copies piece by piece while the next piece and the NUL still fit. */
size_t text_sanitize(char *dst, size_t dstsz, const char *src, bool keep_newlines)
{
	struct reader r;
	struct piece p;
	size_t out = 0;

	if (dstsz == 0)
		return 0;
	reader_init(&r, src, keep_newlines);
	while (*r.s) {
		const unsigned char *at = r.s;

		reader_next(&r, &p);
		if (out + p.len >= dstsz) {
			r.s = at;
			break;
		}
		memcpy(dst + out, p.buf, p.len);
		out += p.len;
	}
	dst[out] = '\0';
	return out;
}

/* Sums the widths of the pieces (newlines count as spaces). */
int text_width(const char *s)
{
	struct reader r;
	struct piece p;
	long total = 0;

	reader_init(&r, s, false);
	while (*r.s) {
		reader_next(&r, &p);
		total += p.width;
		if (total >= INT_MAX)
			return INT_MAX;
	}
	return (int)total;
}

/*
 * One pass: copy pieces while they fit in cols columns and in dst, and
 * remember the last place where "…" would still fit after them. When a
 * piece does not fit, go back to that place and append "…". A piece is
 * never split and nothing after it is taken, so a wide character or an
 * emoji sequence at the edge is dropped whole; marks stay with their base.
 */
int text_fit(char *dst, size_t dstsz, const char *s, int cols)
{
	struct reader r;
	struct piece p;
	size_t out = 0, mark_len = 0;
	int width = 0, mark_width = 0;
	bool mark_ok = cols >= 1 && dstsz > ELLIPSIS_LEN;

	if (dstsz == 0)
		return 0;
	if (cols < 0)
		cols = 0;
	reader_init(&r, s, false);
	while (*r.s) {
		reader_next(&r, &p);
		if (p.width > cols - width || out + p.len >= dstsz) {
			if (mark_ok) {
				memcpy(dst + mark_len, ELLIPSIS, ELLIPSIS_LEN);
				out = mark_len + ELLIPSIS_LEN;
				width = mark_width + 1;
			}
			break;
		}
		memcpy(dst + out, p.buf, p.len);
		out += p.len;
		width += p.width;
		if (width <= cols - 1 && out + ELLIPSIS_LEN < dstsz) {
			mark_len = out;
			mark_width = width;
		}
	}
	dst[out] = '\0';
	return width;
}
