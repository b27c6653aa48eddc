/*
 * The plain-text writer of documents: lines wrapped at the document's
 * width (78 by default) by display width, underlined headings, aligned
 * key/value lines, tables as aligned columns or, when a column holds
 * long text, one record per row, and the Gantt chart in characters.
 * Every piece of data is made safe first (doc_safe): no control
 * character reaches a terminal.
 */

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"
#include "doc_priv.h"

#define MAX_PAIRS 32

struct text_state {
	bool blank;			/* a blank line goes before the next block */
	bool records;			/* the open table is written as records */
	int lead;			/* its column that leads a record */
	int w[DOC_MAX_COLS];		/* its columns' widths when aligned */
	int npairs;			/* key/value lines waiting to be aligned */
	char *keys[MAX_PAIRS], *vals[MAX_PAIRS];
};

static struct text_state *
st(struct doc *d)
{
	if (!d->priv)
		d->priv = xcalloc(1, sizeof(struct text_state));
	return d->priv;
}

/* --- wrapping ---------------------------------------------------------------- */

/* Lines of text, each malloc'd. */
struct lines {
	int n, cap;
	char **v;
};

static void
lines_add(struct lines *l, const char *s, size_t len)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, (size_t)cap * sizeof(*l->v));
		l->cap = cap;
	}
	/* s need not end after len bytes (a line being built): no strndup */
	l->v[l->n] = xmalloc(len + 1);
	memcpy(l->v[l->n], s, len);
	l->v[l->n++][len] = '\0';
}

static void
lines_free(struct lines *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Display width of s[0..n). */
static int
width_of(const char *s, size_t n)
{
	char buf[1024];

	if (n >= sizeof(buf)) {
		char *t = xstrndup(s, n);
		int w = t ? text_width(t) : (int)n;

		free(t);
		return w;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	return text_width(buf);
}

/* The bytes of the unit at s that a line is never cut inside: a marker
 * that stands for a character not drawn ("⟨U+200D⟩", "⟨0xFF⟩": cut, it
 * would read as two pieces of text), else one grapheme cluster. */
static size_t
unit_len(const char *s, size_t n)
{
	static const char open[] = "⟨", close[] = "⟩";
	const size_t olen = sizeof(open) - 1, clen = sizeof(close) - 1;

	if (n > olen && memcmp(s, open, olen) == 0) {
		/* "⟨U+10FFFF⟩" is the longest */
		for (size_t i = olen; i + clen <= n && i <= olen + 8; i++)
			if (memcmp(s + i, close, clen) == 0)
				return i + clen;
	}
	return text_cluster_len(s, n);
}

/* Length in bytes of the longest start of s[0..n) that fits in w columns
 * (at least one unit, so that a line always moves on). */
static size_t
fit_prefix(const char *s, size_t n, int w)
{
	size_t k = 0;
	int used = 0;

	while (k < n) {
		size_t c = unit_len(s + k, n - k);
		int cw = width_of(s + k, c);

		if (c == 0 || (k > 0 && used + cw > w))
			break;
		used += cw;
		k += c;
	}
	return k;
}

/* Wraps safe text into lines: the first `first` columns wide, the rest
 * `w`; "\n" starts a new line; a word wider than a line is cut. */
static void
wrap(const char *text, int first, int w, struct lines *out)
{
	const char *p = text;
	char *line = xmalloc(strlen(text) + 1);
	size_t len = 0;
	int col = 0, room = first > 0 ? first : 1;

	if (!line)
		return;
	for (;;) {
		size_t sp = strspn(p, " "), n;
		int ww;

		p += sp;
		if (*p == '\0' || *p == '\n') {
			lines_add(out, line, len);
			len = 0;
			col = 0;
			room = w > 0 ? w : 1;
			if (*p == '\0')
				break;
			p++;
			continue;
		}
		n = strcspn(p, " \n");
		ww = width_of(p, n);
		if (col && col + 1 + ww > room) {
			lines_add(out, line, len);
			len = 0;
			col = 0;
			room = w > 0 ? w : 1;
		}
		while (!col && ww > room) {	/* a word longer than a line */
			size_t k = fit_prefix(p, n, room);

			lines_add(out, p, k);
			p += k;
			n -= k;
			ww = width_of(p, n);
			room = w > 0 ? w : 1;
		}
		if (col) {
			line[len++] = ' ';
			col++;
		}
		memcpy(line + len, p, n);
		len += n;
		col += ww;
		p += n;
	}
	free(line);
}

/* Writes text wrapped at the document's width: the first line after
 * `lead`, the others indented by `indent` columns. */
static void
put_wrapped(struct doc *d, const char *lead, int indent, const char *text)
{
	char *safe = doc_safe(text);
	struct lines l = { 0 };
	int lw = text_width(lead);

	if (!safe)
		return;
	wrap(safe, d->width - lw, d->width - indent, &l);
	for (int i = 0; i < l.n; i++)
		fprintf(d->fp, "%*s%s\n", i ? indent : 0, i ? "" : lead, l.v[i]);
	lines_free(&l);
	free(safe);
}

/* The blank line between blocks. */
static void
block_start(struct doc *d)
{
	struct text_state *s = st(d);

	if (s && s->blank)
		fputc('\n', d->fp);
	if (s)
		s->blank = true;
}

/* A line of `n` copies of glyph. */
static void
rule(struct doc *d, int n, const char *glyph)
{
	for (int i = 0; i < n && i < d->width; i++)
		fputs(glyph, d->fp);
	fputc('\n', d->fp);
}

/* --- blocks ------------------------------------------------------------------ */

static void
text_title(struct doc *d, const char *title, const char *subtitle)
{
	char *t = doc_safe(title);

	if (t && *t) {
		put_wrapped(d, "", 0, t);
		rule(d, text_width(t), "=");
	}
	if (subtitle && *subtitle)
		put_wrapped(d, "", 0, subtitle);
	if (st(d))
		st(d)->blank = true;
	free(t);
}

static void
text_heading(struct doc *d, int level, const char *text, unsigned flags)
{
	char *t = doc_safe(text);

	(void)flags;		/* a page break would be a control character */
	if (!t)
		return;
	block_start(d);
	if (level == 2)
		fputc('\n', d->fp);	/* a section stands apart */
	put_wrapped(d, "", 0, t);
	if (level <= 3)
		rule(d, text_width(t), level == 2 ? "-" : "·");
	free(t);
}

static void
text_para(struct doc *d, const char *text, unsigned flags)
{
	block_start(d);
	put_wrapped(d, flags & DOC_QUIET ? "  " : "", flags & DOC_QUIET ? 2 : 0, text);
}

static void
text_pairs_begin(struct doc *d)
{
	block_start(d);
}

static void
text_pair(struct doc *d, const char *key, const char *value)
{
	struct text_state *s = st(d);

	if (!s)
		return;
	if (s->npairs == MAX_PAIRS)
		d->ops->pairs_end(d);
	s->keys[s->npairs] = doc_safe(key);
	s->vals[s->npairs] = doc_safe(value);
	s->npairs++;
}

/* The waiting key/value lines, values aligned after the widest key. */
static void
text_pairs_end(struct doc *d)
{
	struct text_state *s = st(d);
	int kw = 0;

	if (!s)
		return;
	for (int i = 0; i < s->npairs; i++)
		if (s->keys[i] && text_width(s->keys[i]) > kw)
			kw = text_width(s->keys[i]);
	if (kw > d->width / 3)
		kw = d->width / 3;
	for (int i = 0; i < s->npairs; i++) {
		char lead[600];
		int pad;

		if (!s->keys[i] || !s->vals[i])
			continue;
		snprintf(lead, sizeof(lead), "%s:", s->keys[i]);
		pad = kw + 2 - text_width(lead);
		if (pad > 0 && strlen(lead) + (size_t)pad < sizeof(lead))
			snprintf(lead + strlen(lead), sizeof(lead) - strlen(lead), "%*s", pad, "");
		put_wrapped(d, lead, kw + 2, s->vals[i]);
	}
	for (int i = 0; i < s->npairs; i++) {
		free(s->keys[i]);
		free(s->vals[i]);
	}
	s->npairs = 0;
}

static void
text_list_begin(struct doc *d)
{
	block_start(d);
}

static void
text_item(struct doc *d, const char *text)
{
	put_wrapped(d, "- ", 2, text);
}

static void
text_list_end(struct doc *d)
{
	(void)d;
}

/* --- tables ------------------------------------------------------------------ */

static void
text_table_begin(struct doc *d, const char *caption)
{
	struct text_state *s = st(d);
	int fixed = 0, flex = 0;

	if (!s)
		return;
	block_start(d);
	if (caption && *caption)
		put_wrapped(d, "", 0, caption);
	s->records = false;
	s->lead = 0;
	for (int i = d->ncols - 1; i >= 0; i--)
		if (d->cols[i].flags & DOC_COL_LONG) {
			s->records = true;
			s->lead = i;
		}
	if (s->records)
		return;
	/* Aligned: the declared widths, the rest to the columns without one. */
	for (int i = 0; i < d->ncols; i++) {
		fixed += d->cols[i].width;
		flex += d->cols[i].width == 0;
	}
	for (int i = 0; i < d->ncols; i++) {
		int room = d->width - fixed - 2 * (d->ncols - 1);

		s->w[i] = d->cols[i].width ? d->cols[i].width : (room > flex * 4 ? room / flex : 4);
	}
	if (caption && *caption)
		fputc('\n', d->fp);
	{
		struct doc_cell heads[DOC_MAX_COLS];

		for (int i = 0; i < d->ncols; i++)
			heads[i] = (struct doc_cell){ d->cols[i].head, NULL, NULL };
		d->ops->table_row(d, heads, 0);
	}
	for (int i = 0; i < d->ncols; i++) {
		for (int k = 0; k < s->w[i]; k++)
			fputc('-', d->fp);
		if (i < d->ncols - 1)
			fputs("  ", d->fp);
	}
	fputc('\n', d->fp);
}

/* The text of a cell as one string: its text and note, or its bar in
 * characters (malloc'd). */
static char *
cell_text(const struct doc_cell *c, int barw)
{
	if (c->bar)
		return doc_bar_text(c->bar, barw);
	if (c->note && *c->note)
		return doc_fmt("%s\n%s", c->text ? c->text : "", c->note);
	return xstrdup(c->text ? c->text : "");
}

/* A row as a record: the lead column's text, its note under it, then
 * the other columns as "Header: value", their notes and bars on lines of
 * their own. */
static void
record_row(struct doc *d, const struct doc_cell *cells)
{
	struct text_state *s = st(d);
	const struct doc_cell *lead = &cells[s->lead];
	char *rest = xstrdup(""), *t;

	put_wrapped(d, "- ", 2, lead->text ? lead->text : "");
	if (lead->note && *lead->note)
		put_wrapped(d, "  ", 2, lead->note);
	for (int i = 0; i < d->ncols && rest; i++) {
		const struct doc_cell *c = &cells[i];

		if (i == s->lead || c->bar || !c->text || !*c->text)
			continue;
		t = doc_fmt(*rest ? "%s · %s: %s" : "%s%s: %s", rest, d->cols[i].head, c->text);
		free(rest);
		rest = t;
	}
	if (rest && *rest)
		put_wrapped(d, "  ", 2, rest);
	free(rest);
	for (int i = 0; i < d->ncols; i++) {
		const struct doc_cell *c = &cells[i];

		if (i == s->lead)
			continue;
		if (c->bar) {
			char *b = doc_bar_text(c->bar, 12);

			t = doc_fmt("  %s: ", d->cols[i].head);
			if (t && b)
				put_wrapped(d, t, 4, b);
			free(t);
			free(b);
		} else if (c->note && *c->note) {
			put_wrapped(d, "  ", 2, c->note);
		}
	}
}

/* A row of aligned columns, each cell wrapped in its width. */
static void
aligned_row(struct doc *d, const struct doc_cell *cells)
{
	struct text_state *s = st(d);
	struct lines l[DOC_MAX_COLS];
	int height = 0;

	memset(l, 0, sizeof(l));
	for (int i = 0; i < d->ncols; i++) {
		char *t = cell_text(&cells[i], s->w[i] > 20 ? 12 : s->w[i] / 2);
		char *safe = doc_safe(t);

		if (safe)
			wrap(safe, s->w[i], s->w[i], &l[i]);
		if (l[i].n > height)
			height = l[i].n;
		free(safe);
		free(t);
	}
	for (int y = 0; y < height; y++) {
		char line[4096];
		size_t len = 0;
		size_t end = 0;

		for (int i = 0; i < d->ncols; i++) {
			const char *c = y < l[i].n ? l[i].v[y] : "";
			int pad = s->w[i] - text_width(c);
			bool num = d->cols[i].flags & DOC_COL_NUM;

			len += (size_t)snprintf(line + len, sizeof(line) - len, "%*s%s",
						num && pad > 0 ? pad : 0, "", c);
			if (len >= sizeof(line))
				len = sizeof(line) - 1;
			if (*c)
				end = len;	/* no trailing spaces */
			if (i < d->ncols - 1) {
				len += (size_t)snprintf(line + len, sizeof(line) - len, "%*s  ",
							!num && pad > 0 ? pad : 0, "");
				if (len >= sizeof(line))
					len = sizeof(line) - 1;
			}
		}
		line[end] = '\0';
		fprintf(d->fp, "%s\n", line);
	}
	for (int i = 0; i < d->ncols; i++)
		lines_free(&l[i]);
}

static void
text_table_row(struct doc *d, const struct doc_cell *cells, unsigned flags)
{
	struct text_state *s = st(d);

	(void)flags;		/* the cells say "te laat" in words */
	if (!s)
		return;
	if (s->records)
		record_row(d, cells);
	else
		aligned_row(d, cells);
}

static void
text_table_end(struct doc *d)
{
	(void)d;
}

/* --- charts ------------------------------------------------------------------ */

static void
text_bar(struct doc *d, const struct doc_bar *bar)
{
	char *b = doc_bar_text(bar, 24), *lead = doc_fmt("%s: ", bar->title ? bar->title : "");

	block_start(d);
	if (b && lead)
		put_wrapped(d, lead, 2, b);
	free(b);
	free(lead);
}

static void
put_line(void *ctx, const char *line)
{
	struct doc *d = ctx;

	fprintf(d->fp, "%s\n", line);
}

static void
text_gantt(struct doc *d, const struct doc_gantt *g)
{
	block_start(d);
	doc_gantt_lines(g, d->width, put_line, d);
}

static void
text_end(struct doc *d)
{
	(void)d;
}

static void
text_free(struct doc *d)
{
	struct text_state *s = d->priv;

	if (s)
		for (int i = 0; i < s->npairs; i++) {
			free(s->keys[i]);
			free(s->vals[i]);
		}
	free(s);
	d->priv = NULL;
}

const struct doc_ops doc_text_ops = {
	.title = text_title,
	.heading = text_heading,
	.para = text_para,
	.pairs_begin = text_pairs_begin,
	.pair = text_pair,
	.pairs_end = text_pairs_end,
	.list_begin = text_list_begin,
	.item = text_item,
	.list_end = text_list_end,
	.table_begin = text_table_begin,
	.table_row = text_table_row,
	.table_end = text_table_end,
	.bar = text_bar,
	.gantt = text_gantt,
	.end = text_end,
	.free = text_free,
};
