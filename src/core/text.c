/*
 * Text helpers: UTF-8 validation, Windows-1252 conversion, terminal-safe
 * text, display width, grapheme clusters. Matching is in text_fold.c; all
 * of it is declared in include/core/text.h.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700	/* wcwidth */
#endif

#include "core/text.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <utf8proc.h>

/* Passed as the length of a NUL-terminated string: the decoder stops at
 * the NUL by itself, because NUL is never a continuation byte. */
#define UNBOUNDED SIZE_MAX

/* "…" (U+2026), one display column. */
#define ELLIPSIS "\xE2\x80\xA6"
#define ELLIPSIS_LEN 3

/*
 * Continuation bytes are checked one by one, so a NUL terminator is never
 * read past. The narrow ranges after E0, ED, F0 and F4 reject overlongs,
 * surrogates and code points above U+10FFFF.
 */
size_t text_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t len;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2) {		/* stray continuation byte or overlong C0/C1 */
		return 0;
	} else if (c < 0xE0) {
		len = 2;
		v = c & 0x1F;
	} else if (c < 0xF0) {
		len = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (c == 0xED)
			hi = 0x9F;	/* surrogates U+D800..U+DFFF */
	} else if (c < 0xF5) {
		len = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;	/* overlong */
		else if (c == 0xF4)
			hi = 0x8F;	/* above U+10FFFF */
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if (s[i] < lo || s[i] > hi)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return len;
}

size_t text_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Checks every character of buf with text_utf8_decode. */
size_t text_utf8_prefix(const char *buf, size_t len, bool *nonascii)
{
	const unsigned char *p = (const unsigned char *)buf;
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		size_t n;

		/* Spreadsheets are mostly ASCII: skip it eight bytes at a time. */
		while (len - i >= 8) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i < len && p[i] < 0x80) {
			i++;
			continue;
		}
		if (i >= len)
			break;
		n = text_utf8_decode(buf + i, len - i, &cp);
		if (n == 0)
			return i;
		if (nonascii)
			*nonascii = true;
		i += n;
	}
	return len;
}

bool text_utf8_valid(const char *buf, size_t len)
{
	return text_utf8_prefix(buf, len, NULL) == len;
}

/* Windows-1252 0x80..0x9F; 0 marks the five undefined bytes. Every other
 * byte maps to the code point of the same value (ISO-8859-1). */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* Table-driven conversion; at most 3 UTF-8 bytes per input byte. */
char *text_cp1252_to_utf8(const char *buf, size_t len, size_t *out_len, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *)buf;
	char *out, *o;

	if (bad_at)
		*bad_at = (size_t)-1;
	if (len > (SIZE_MAX - 1) / 3)
		return NULL;
	out = malloc(len * 3 + 1);
	if (!out)
		return NULL;
	o = out;
	for (size_t i = 0; i < len; i++) {
		uint32_t cp = p[i];

		if (cp >= 0x80 && cp <= 0x9F) {
			cp = cp1252_high[cp - 0x80];
			if (cp == 0) {
				if (bad_at)
					*bad_at = i;
				free(out);
				return NULL;
			}
		}
		o += text_utf8_encode(cp, o);
	}
	*o = '\0';
	if (out_len)
		*out_len = (size_t)(o - out);
	return out;
}

/* One source character as it will be shown. */
struct piece {
	const char *bytes;	/* what to show: the source bytes or a stand-in */
	size_t len;		/* length of bytes */
	size_t used;		/* source bytes consumed */
	int width;		/* display columns */
	char caret[2];		/* storage for "^X" */
};

/*
 * Reads the character at s (not at the NUL) and decides how it is shown:
 * C0 controls and DEL in caret notation (ESC is "^["), C1 controls and
 * invalid bytes as "?", tab as a space, and CR LF, lone CR and LF as one
 * line break ("\n" or a space). wcwidth() of other characters depends on
 * the locale; where it does not know a character (-1) one column is
 * assumed.
 */
static void piece_next(const unsigned char *s, bool keep_newlines, struct piece *p)
{
	uint32_t cp;
	size_t n = text_utf8_decode((const char *)s, UNBOUNDED, &cp);

	p->bytes = (const char *)s;
	p->len = p->used = n ? n : 1;
	p->width = 1;
	if (n == 0 || (cp >= 0x80 && cp <= 0x9F)) {
		p->bytes = "?";
		p->len = 1;
	} else if (cp == '\n' || cp == '\r') {
		if (cp == '\r' && s[1] == '\n')
			p->used = 2;
		p->bytes = keep_newlines ? "\n" : " ";
		p->len = 1;
		p->width = keep_newlines ? 0 : 1;
	} else if (cp == '\t') {
		p->bytes = " ";
		p->len = 1;
	} else if (cp < 0x20 || cp == 0x7F) {
		p->caret[0] = '^';
		p->caret[1] = (char)(cp ^ 0x40);	/* 0x1B -> '[', 0x7F -> '?' */
		p->bytes = p->caret;
		p->len = 2;
		p->width = 2;
	} else if (cp >= 0x80) {
		int w = wcwidth((wchar_t)cp);

		p->width = w < 0 ? 1 : w;
	}
}

/* Copies piece by piece while the next piece and the NUL still fit. */
size_t text_sanitize(char *dst, size_t dstsz, const char *src, bool keep_newlines)
{
	const unsigned char *s = (const unsigned char *)(src ? src : "");
	size_t out = 0;
	struct piece p;

	if (dstsz == 0)
		return 0;
	while (*s) {
		piece_next(s, keep_newlines, &p);
		if (out + p.len >= dstsz)
			break;
		memcpy(dst + out, p.bytes, p.len);
		out += p.len;
		s += p.used;
	}
	dst[out] = '\0';
	return out;
}

/* Sums the widths of the sanitized pieces (newlines count as spaces). */
int text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	long total = 0;
	struct piece pc;

	while (*p) {
		piece_next(p, false, &pc);
		total += pc.width;
		if (total >= INT_MAX)
			return INT_MAX;
		p += pc.used;
	}
	return (int)total;
}

/*
 * One pass: copy pieces while they fit in cols columns and in dst, and
 * remember the last place where "…" would still fit after them. When a
 * piece does not fit, go back to that place and append "…". A piece that
 * does not fit is never split and nothing after it is taken, so a wide
 * character at the edge is dropped whole; zero-width combining marks stay
 * with the character before them.
 */
int text_fit(char *dst, size_t dstsz, const char *s, int cols)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t out = 0, mark_len = 0;
	int width = 0, mark_width = 0;
	bool mark_ok = cols >= 1 && dstsz > ELLIPSIS_LEN;
	struct piece pc;

	if (dstsz == 0)
		return 0;
	if (cols < 0)
		cols = 0;
	while (*p) {
		piece_next(p, false, &pc);
		if (pc.width > cols - width || out + pc.len >= dstsz) {
			if (mark_ok) {
				memcpy(dst + mark_len, ELLIPSIS, ELLIPSIS_LEN);
				out = mark_len + ELLIPSIS_LEN;
				width = mark_width + 1;
			}
			break;
		}
		memcpy(dst + out, pc.bytes, pc.len);
		out += pc.len;
		width += pc.width;
		p += pc.used;
		if (width <= cols - 1 && out + ELLIPSIS_LEN < dstsz) {
			mark_len = out;
			mark_width = width;
		}
	}
	dst[out] = '\0';
	return width;
}

static bool is_ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Strips ASCII white space and U+00A0 (C2 A0, Excel's non-breaking
 * space) from both ends, moving the rest to the front of s. */
char *text_trim(char *s)
{
	unsigned char *u = (unsigned char *)s;
	size_t start = 0, end;

	if (!s)
		return s;
	for (;;) {
		if (is_ascii_space(u[start]))
			start++;
		else if (u[start] == 0xC2 && u[start + 1] == 0xA0)
			start += 2;
		else
			break;
	}
	end = start + strlen(s + start);
	for (;;) {
		if (end > start && is_ascii_space(u[end - 1]))
			end--;
		else if (end - start >= 2 && u[end - 2] == 0xC2 && u[end - 1] == 0xA0)
			end -= 2;
		else
			break;
	}
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

size_t text_cluster_len(const char *s, size_t n)
{
	utf8proc_int32_t state = 0;
	uint32_t prev, cp;
	size_t len, i;

	if (n == 0 || (n == SIZE_MAX && !*s))
		return 0;
	len = text_utf8_decode(s, n, &prev);
	if (len == 0)
		return 1;
	for (i = len; i < n && (n != SIZE_MAX || s[i]); i += len) {
		len = text_utf8_decode(s + i, n - i, &cp);
		if (len == 0 || utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev,
								  (utf8proc_int32_t)cp, &state))
			break;
		prev = cp;
	}
	return i;
}
