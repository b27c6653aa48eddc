/* Three ways terminals measure text (see terminals.h). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "terminals.h"

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include <utf8proc.h>

#include "core/text.h"

static int
wcwidth_sum(const char *s)
{
	int cols = 0;
	uint32_t cp;

	for (size_t n; *s; s += n) {
		int w;

		n = text_utf8_decode(s, SIZE_MAX, &cp);
		if (n == 0)
			return -1000;	/* not UTF-8 */
		w = wcwidth((wchar_t)cp);
		cols += w < 0 ? 1 : w;
	}
	return cols;
}

/* tmux 3.3a, as measured: after U+200D the next non-ASCII character goes
 * into the cell before (ASCII takes a path that does not look). */
static int
tmux_columns(const char *s)
{
	int cols = 0;
	int joining = 0;
	uint32_t cp;

	for (size_t n; *s; s += n) {
		int w;

		n = text_utf8_decode(s, SIZE_MAX, &cp);
		if (n == 0)
			return -1000;
		if (cp == 0x200D) {
			joining = 1;
			continue;
		}
		if (joining && cp >= 0x80) {
			joining = 0;
			continue;
		}
		joining = 0;
		w = wcwidth((wchar_t)cp);
		cols += w < 0 ? 0 : w;
	}
	return cols;
}

static int
cluster_columns(const char *s, size_t len)
{
	uint32_t first, cp;
	size_t n = text_utf8_decode(s, len, &first);
	int w = wcwidth((wchar_t)first), ri = 0, spacing = 0;

	if (w < 0)
		w = 1;
	for (size_t i = 0; i < len; i += n) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return w;
		if (cp == 0xFE0F)
			w = 2;
		else if (cp == 0xFE0E)
			w = 1;
		if (cp >= 0x1F1E6 && cp <= 0x1F1FF)
			ri++;
		if (i > 0 && wcwidth((wchar_t)cp) > 0 && !(cp >= 0x1F3FB && cp <= 0x1F3FF) &&
		    !(cp >= 0x1F1E6 && cp <= 0x1F1FF))
			spacing += wcwidth((wchar_t)cp);	/* not a skin tone, not a flag */
	}
	if (ri == 2)
		return 2;
	return w + spacing;
}

static int
grapheme_columns(const char *s)
{
	int cols = 0;

	while (*s) {
		size_t len = text_cluster_len(s, SIZE_MAX);

		cols += cluster_columns(s, len);
		s += len;
	}
	return cols;
}

int
term_columns(enum term_kind kind, const char *s)
{
	switch (kind) {
	case TERM_WCWIDTH: return wcwidth_sum(s);
	case TERM_TMUX: return tmux_columns(s);
	case TERM_GRAPHEME: return grapheme_columns(s);
	default: return -1;
	}
}

const char *
term_name(enum term_kind kind)
{
	static const char *const names[] = { "wcwidth (xterm)", "tmux 3.3", "grapheme (kitty)" };

	return kind < TERM_KINDS ? names[kind] : "?";
}
