/*
 * Text helpers: UTF-8 decoding and validation, Windows-1252 conversion,
 * trimming, grapheme clusters. Drawing text on a terminal is in
 * text_draw.c, matching in text_fold.c; all of it is declared in
 * include/core/text.h.
 */

#include "core/alloc.h"
#include "core/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

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
		alloc_fail(SIZE_MAX);
	out = xmalloc(len * 3 + 1);
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
