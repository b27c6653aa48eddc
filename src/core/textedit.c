/*
 * The editing buffer of a form field (include/core/textedit.h): byte
 * splices at a cursor that walks grapheme clusters.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"
#include "core/textedit.h"

/* Makes room for `more` bytes and the NUL. */
static void
reserve(struct textedit *t, size_t more)
{
	size_t need = t->len + more + 1;

	if (need <= t->cap && t->s)
		return;
	if (need < 32)
		need = 32;
	if (need < t->cap * 2)
		need = t->cap * 2;
	t->s = xrealloc(t->s, need);
	t->cap = need;
}

void
textedit_set(struct textedit *t, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	t->len = 0;
	reserve(t, n);
	if (n)
		memcpy(t->s, s, n);
	t->len = n;
	t->s[n] = '\0';
	t->cur = n;
}

void
textedit_free(struct textedit *t)
{
	free(t->s);
	memset(t, 0, sizeof(*t));
}

void
textedit_insert(struct textedit *t, const char *bytes, size_t n)
{
	if (n == 0)
		return;
	reserve(t, n);
	if (t->cur > t->len)
		t->cur = t->len;
	memmove(t->s + t->cur + n, t->s + t->cur, t->len - t->cur + 1);
	memcpy(t->s + t->cur, bytes, n);
	t->len += n;
	t->cur += n;
}

void
textedit_insert_cp(struct textedit *t, unsigned long cp)
{
	char u[4];

	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return;	/* no character: nothing to type */
	textedit_insert(t, u, text_utf8_encode((uint32_t)cp, u));
}

/* Start of the line that holds offset off. */
static size_t
line_start(const struct textedit *t, size_t off)
{
	while (off > 0 && t->s[off - 1] != '\n')
		off--;
	return off;
}

size_t
textedit_prev(const struct textedit *t, size_t off)
{
	size_t p, last;

	if (off > t->len)
		off = t->len;
	if (off == 0)
		return 0;
	/* off may sit right after a line break: the line before counts */
	p = line_start(t, off - 1);
	last = p;
	while (p < off) {
		size_t n = text_cluster_len(t->s + p, t->len - p);

		last = p;
		p += n ? n : 1;
	}
	return last;
}

size_t
textedit_next(const struct textedit *t, size_t off)
{
	size_t p;

	if (off >= t->len)
		return t->len;
	p = line_start(t, off);
	while (p <= off) {
		size_t n = text_cluster_len(t->s + p, t->len - p);

		p += n ? n : 1;
	}
	return p < t->len ? p : t->len;
}

bool
textedit_left(struct textedit *t)
{
	if (t->cur == 0)
		return false;
	t->cur = textedit_prev(t, t->cur);
	return true;
}

bool
textedit_right(struct textedit *t)
{
	if (t->cur >= t->len)
		return false;
	t->cur = textedit_next(t, t->cur);
	return true;
}

/* Removes bytes [a, b) and puts the cursor at a. */
static void
cut(struct textedit *t, size_t a, size_t b)
{
	memmove(t->s + a, t->s + b, t->len - b + 1);
	t->len -= b - a;
	t->cur = a;
}

bool
textedit_backspace(struct textedit *t)
{
	if (t->cur == 0)
		return false;
	cut(t, textedit_prev(t, t->cur), t->cur);
	return true;
}

bool
textedit_delete(struct textedit *t)
{
	if (t->cur >= t->len)
		return false;
	cut(t, t->cur, textedit_next(t, t->cur));
	return true;
}

void
textedit_move(struct textedit *t, size_t off)
{
	t->cur = off > t->len ? t->len : off;
}
