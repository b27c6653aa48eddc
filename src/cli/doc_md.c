/*
 * The Markdown writer of documents: ATX headings, lists, pipe tables
 * (GitHub and pandoc show them; a line break inside a cell is <br>) and
 * the Gantt chart as characters in a fenced block. Data is escaped so
 * that nothing in it is read as Markdown: every character with a meaning
 * (also pandoc's: $ ^ ~ @ { }) gets a backslash, a line never starts a
 * list, a heading or a code block, and in a table | cannot end a cell.
 */

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/text.h"
#include "doc_priv.h"

/* A growing string. */
struct buf {
	char *s;
	size_t len, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Where a line break in the data leads. */
enum md_ctx {
	MD_INLINE,	/* a heading: a space */
	MD_BLOCK,	/* a paragraph or list item: a hard break, indented */
	MD_CELL,	/* a table cell: <br> */
};

/* True when a line starting at p would start a list or an ordered
 * list item, a setext underline or a thematic break: its first
 * character then gets a backslash. */
static bool
starts_block(const char *p)
{
	const char *q = p;

	if (*p == '-' || *p == '+' || *p == '=')
		return true;
	while (*q >= '0' && *q <= '9')
		q++;
	return q > p && (*q == '.' || *q == ')');
}

/* Escapes data for Markdown (malloc'd). indent: what follows a line
 * break in MD_BLOCK. */
static char *
md_escape(const char *text, enum md_ctx ctx, const char *indent)
{
	static const char special[] = "\\`*_[]<>|#~&$^@{}!";
	char *safe = doc_safe(text);
	struct buf b = { 0 };
	bool line_start = true;

	if (!safe)
		return NULL;
	buf_str(&b, "");
	for (const char *p = safe; *p; p++) {
		if (*p == '\n') {
			buf_str(&b, ctx == MD_CELL ? "<br>" : ctx == MD_BLOCK ? "\\\n" : " ");
			if (ctx == MD_BLOCK)
				buf_str(&b, indent);
			line_start = true;
			continue;
		}
		if (line_start) {
			if (*p == ' ')
				continue;	/* four spaces would start code */
			if (starts_block(p)) {
				const char *q = p;

				while (*q >= '0' && *q <= '9')
					q++;
				buf_add(&b, p, (size_t)(q - p));
				buf_str(&b, "\\");
				buf_add(&b, q, 1);
				p = q;
				line_start = false;
				continue;
			}
		}
		line_start = false;
		if (strchr(special, *p))
			buf_str(&b, "\\");
		buf_add(&b, p, 1);
	}
	free(safe);
	return b.s;
}

/* Writes escaped text. */
static void
put(struct doc *d, const char *text, enum md_ctx ctx, const char *indent)
{
	char *e = md_escape(text, ctx, indent);

	if (e)
		fputs(e, d->fp);
	free(e);
}

/* The blank line between blocks. */
static void
block_start(struct doc *d)
{
	if (d->priv)
		fputc('\n', d->fp);
	d->priv = d;		/* something has been written */
}

static void
md_title(struct doc *d, const char *title, const char *subtitle)
{
	if (title && *title) {
		block_start(d);
		fputs("# ", d->fp);
		put(d, title, MD_INLINE, "");
		fputc('\n', d->fp);
	}
	if (subtitle && *subtitle) {
		block_start(d);
		put(d, subtitle, MD_BLOCK, "");
		fputc('\n', d->fp);
	}
}

static void
md_heading(struct doc *d, int level, const char *text, unsigned flags)
{
	(void)flags;
	block_start(d);
	fprintf(d->fp, "%.*s ", level, "####");
	put(d, text, MD_INLINE, "");
	fputc('\n', d->fp);
}

static void
md_para(struct doc *d, const char *text, unsigned flags)
{
	block_start(d);
	if (flags & DOC_QUIET)
		fputs("<small>", d->fp);
	put(d, text, MD_BLOCK, "");
	if (flags & DOC_QUIET)
		fputs("</small>", d->fp);
	fputc('\n', d->fp);
}

static void
md_list_begin(struct doc *d)
{
	block_start(d);
}

static void
md_pair(struct doc *d, const char *key, const char *value)
{
	fputs("- **", d->fp);
	put(d, key, MD_INLINE, "");
	fputs(":** ", d->fp);
	put(d, value, MD_BLOCK, "  ");
	fputc('\n', d->fp);
}

static void
md_item(struct doc *d, const char *text)
{
	fputs("- ", d->fp);
	put(d, text, MD_BLOCK, "  ");
	fputc('\n', d->fp);
}

static void
md_list_end(struct doc *d)
{
	(void)d;
}

/* --- tables ------------------------------------------------------------------ */

static void
md_table_begin(struct doc *d, const char *caption)
{
	block_start(d);
	if (caption && *caption) {
		fputs("**", d->fp);
		put(d, caption, MD_INLINE, "");
		fputs("**\n\n", d->fp);
	}
	fputc('|', d->fp);
	for (int i = 0; i < d->ncols; i++) {
		fputc(' ', d->fp);
		put(d, d->cols[i].head, MD_CELL, "");
		fputs(" |", d->fp);
	}
	fputs("\n|", d->fp);
	for (int i = 0; i < d->ncols; i++)
		fputs(d->cols[i].flags & DOC_COL_NUM ? " ---: |" : " --- |", d->fp);
	fputc('\n', d->fp);
}

static void
md_table_row(struct doc *d, const struct doc_cell *cells, unsigned flags)
{
	(void)flags;		/* the cells say "te laat" in words */
	fputc('|', d->fp);
	for (int i = 0; i < d->ncols; i++) {
		const struct doc_cell *c = &cells[i];

		fputc(' ', d->fp);
		if (c->bar) {
			char *t = doc_bar_text(c->bar, 10);

			if (t)
				put(d, t, MD_CELL, "");
			free(t);
		} else {
			put(d, c->text ? c->text : "", MD_CELL, "");
			if (c->note && *c->note) {
				fputs("<br>", d->fp);
				put(d, c->note, MD_CELL, "");
			}
		}
		fputs(" |", d->fp);
	}
	fputc('\n', d->fp);
}

static void
md_table_end(struct doc *d)
{
	(void)d;
}

/* --- charts ------------------------------------------------------------------ */

static void
md_bar(struct doc *d, const struct doc_bar *bar)
{
	char *t = doc_bar_text(bar, 24);

	block_start(d);
	fputs("**", d->fp);
	put(d, bar->title ? bar->title : "", MD_INLINE, "");
	fputs(":** ", d->fp);
	if (t)
		put(d, t, MD_BLOCK, "");
	fputc('\n', d->fp);
	free(t);
}

static void
add_line(void *ctx, const char *line)
{
	struct buf *b = ctx;

	buf_str(b, line);
	buf_str(b, "\n");
}

/* The chart in a fenced block whose fence is longer than any run of
 * backticks in it, so that no label can end it. */
static void
md_gantt(struct doc *d, const struct doc_gantt *g)
{
	struct buf b = { 0 };
	int run = 0, longest = 0;

	block_start(d);
	buf_str(&b, "");
	doc_gantt_lines(g, 78, add_line, &b);
	for (size_t i = 0; b.s && i < b.len; i++) {
		run = b.s[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	longest = longest < 3 ? 3 : longest + 1;
	fprintf(d->fp, "%.*s%s\n%s%.*s\n", longest, "``````````````````````````````", "text",
		b.s ? b.s : "", longest, "``````````````````````````````");
	free(b.s);
}

static void
md_end(struct doc *d)
{
	(void)d;
}

const struct doc_ops doc_markdown_ops = {
	.title = md_title,
	.heading = md_heading,
	.para = md_para,
	.pairs_begin = md_list_begin,
	.pair = md_pair,
	.pairs_end = md_list_end,
	.list_begin = md_list_begin,
	.item = md_item,
	.list_end = md_list_end,
	.table_begin = md_table_begin,
	.table_row = md_table_row,
	.table_end = md_table_end,
	.bar = md_bar,
	.gantt = md_gantt,
	.end = md_end,
};
