/*
 * The import's parser (its own thread): feeds decoded blocks to libcsv a
 * line at a time, maps the header's columns to fields, checks every value
 * of a row with the entity rules, and hands checked rows and messages
 * over to the writer in batches (import.c), in file order.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "import_priv.h"
#include "core/i18n.h"
#include "core/text.h"

/* Copies s into the batch's text; its offset. */
static size_t
batch_text(struct batch *b, const char *s)
{
	size_t n = strlen(s) + 1, at = b->len;

	import_grow((void **)&b->text, &b->cap, b->len + n, 1);
	memcpy(b->text + at, s, n);
	b->len += n;
	return at;
}

static struct item *
batch_item(struct batch *b, enum item_kind kind, long line)
{
	struct item *it;

	import_grow((void **)&b->items, &b->itemcap, b->n + 1, sizeof(*b->items));
	it = &b->items[b->n++];
	it->kind = kind;
	it->line = line;
	it->at = 0;
	return it;
}

void
import_note(struct parser *p, bool warning, long line, const char *msg)
{
	struct item *it = batch_item(p->cur, warning ? ITEM_WARNING : ITEM_ERROR, line);

	it->at = batch_text(p->cur, msg);
}

void
import_problem(struct parser *p, bool warning, long line, const struct file_problem *fp)
{
	char msg[1024];

	import_note(p, warning, line, file_problem_text(fp, msg, sizeof(msg)));
}

/* libcsv: a field is complete. Copy it into the row buffer. A BOM
 * (U+FEFF) at its start is dropped: it is invisible, so a value that
 * carried one was never what it looked like (files pasted together, a
 * cell copied from a file that had one); unknown domain 'VEILIG' said
 * so in a way no one could see. */
static void
on_field(void *data, size_t len, void *ctx)
{
	struct parser *p = ctx;
	const char *s = data ? data : "";

	if (p->header_bad || p->failed)
		return;
	p->row_newlines += count_lines(s, len);
	while (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		s += 3;
		len -= 3;
	}
	import_grow((void **)&p->offs, &p->offcap, p->noffs + 1, sizeof(*p->offs));
	import_grow((void **)&p->buf, &p->bufcap, p->buflen + len + 1, 1);
	p->offs[p->noffs++] = p->buflen;
	memcpy(p->buf + p->buflen, s, len);
	p->buflen += len;
	p->buf[p->buflen++] = '\0';
}

static const char *
field_at(const struct parser *p, size_t i)
{
	return p->buf + p->offs[i];
}

static void
take_header(struct parser *p, long line)
{
	bool seen[ENTITY_MAX_FIELDS] = { false };
	const struct entity *e = p->e;

	p->have_header = true;
	if (p->noffs > MAX_COLUMNS) {
		import_problem(p, false, line, &(struct file_problem){ .kind = FILE_TOO_MANY_COLUMNS, .e = e,
								       .n = (long long)p->noffs, .m = MAX_COLUMNS });
		p->header_bad = true;
		return;
	}
	p->ncols = (int)p->noffs;
	for (int c = 0; c < p->ncols; c++) {
		char name[256];
		int f;

		snprintf(name, sizeof(name), "%s", field_at(p, (size_t)c));
		text_trim(name);
		f = entity_field_by_header(e, name);
		p->col_field[c] = f;
		if (f >= 0 && seen[f]) {
			import_problem(p, false, line, &(struct file_problem){ .kind = FILE_COLUMN_TWICE, .value = name });
			p->header_bad = true;
		} else if (f >= 0) {
			seen[f] = true;
			p->in_header[f] = true;
		} else if (*name) {
			import_problem(p, true, line, &(struct file_problem){ .kind = FILE_UNKNOWN_COLUMN, .e = e,
									      .value = name });
		}
	}
	for (int f = 0; f < e->nfields; f++) {
		if (!seen[f] && e->fields[f].required) {
			import_problem(p, false, line, &(struct file_problem){ .kind = FILE_MISSING_COLUMN, .e = e,
									       .f = &e->fields[f] });
			p->header_bad = true;
		}
	}
}

/*
 * The text marker of a spreadsheet: export --excel writes a value that
 * starts with = + - @ TAB or CR (which Excel would evaluate as a formula)
 * or with ' (which Excel would take for the marker) with one ' in front,
 * Excel's own sign for "this is text", and Excel shows the value without
 * it. In a file from a spreadsheet (one that starts with a BOM, as
 * export --excel's and Excel's "CSV UTF-8" do) the ' before one of those
 * characters is that marker, and goes; anywhere else a ' is data
 * ('s-Hertogenbosch, and everything in a plain export, which is written
 * verbatim). Returns the value without it, and sets *lead when the value
 * starts with white space that the marker protected.
 */
static char *
unmark(const struct parser *p, char *v, bool *lead)
{
	*lead = false;
	if (!p->spreadsheet || v[0] != '\'' || !v[1] || !strchr("=+-@\t\r'", v[1]))
		return v;
	*lead = v[1] == '\t' || v[1] == '\r';
	return v + 1;
}

/*
 * field_normalize for a text value whose white space at the start the
 * marker protected (a value that starts with a TAB comes back with it):
 * the entity rules trim both ends, so the start is hidden from them
 * behind as many letters and put back afterwards. The rules still apply
 * to the rest; a one-line field takes no line break at its start either.
 */
static const char *
normalize_keeping_lead(const struct field *f, char *v, char datebuf[11], struct problem *why)
{
	char saved[64];
	const char *r;
	size_t lead = 0;

	if (f->type != FT_TEXT && f->type != FT_LONGTEXT)
		return field_normalize(f, v, datebuf, why);
	while (lead < sizeof(saved) && (v[lead] == ' ' || (v[lead] >= '\t' && v[lead] <= '\r')))
		lead++;
	if (f->type == FT_TEXT && (memchr(v, '\r', lead) || memchr(v, '\n', lead))) {
		problem_set(why, PROB_LINE_BREAK, NULL, f, "");
		return NULL;
	}
	memcpy(saved, v, lead);
	memset(v, 'x', lead);
	r = field_normalize(f, v, datebuf, why);
	if (r == v)
		memcpy(v, saved, lead);
	return r;
}

/* Checks one data row and queues it, or a message for each bad value. */
static void
take_row(struct parser *p, long line)
{
	const struct entity *e = p->e;
	char *raw[ENTITY_MAX_FIELDS] = { NULL };
	bool lead[ENTITY_MAX_FIELDS] = { false };
	const char *vals[ENTITY_MAX_FIELDS];
	char dates[ENTITY_MAX_FIELDS][11];
	char none[ENTITY_MAX_FIELDS][1];
	char err[FIELD_ERR_MAX + 128];
	struct problem why;
	struct batch *b = p->cur;
	struct item *it;
	bool ok = true, empty = true;

	for (size_t c = 0; c < p->noffs; c++) {
		const char *v = field_at(p, c);

		while (*v == ' ' || *v == '\t')
			v++;
		if (*v)
			empty = false;
		if ((int)c >= p->ncols && *v) {
			char delim[2] = { p->delim == '\t' ? ' ' : (char)p->delim, '\0' };

			import_problem(p, false, line, &(struct file_problem){ .kind = FILE_TOO_MANY_VALUES,
				.n = (long long)p->noffs, .m = p->ncols, .value = delim });
			return;
		}
	}
	if (empty)
		return;		/* a blank line, or ;;;; from a spreadsheet */

	for (int c = 0; c < p->ncols && (size_t)c < p->noffs; c++) {
		int f = p->col_field[c];

		if (f >= 0)
			raw[f] = unmark(p, p->buf + p->offs[c], &lead[f]);
	}
	for (int f = 0; f < e->nfields; f++) {
		if (!p->in_header[f]) {
			vals[f] = NULL;	/* not in the file: an update keeps it */
			continue;
		}
		none[f][0] = '\0';
		vals[f] = lead[f] ? normalize_keeping_lead(&e->fields[f], raw[f], dates[f], &why)
				  : field_normalize(&e->fields[f], raw[f] ? raw[f] : none[f], dates[f], &why);
		if (!vals[f]) {
			import_note(p, false, line, problem_text(&why, true, err, sizeof(err)));
			ok = false;
		}
	}
	if (!ok)
		return;
	import_grow((void **)&b->vals, &b->valcap, b->nvals + (size_t)e->nfields, sizeof(*b->vals));
	it = batch_item(b, ITEM_ROW, line);
	it->at = b->nvals;
	for (int f = 0; f < e->nfields; f++)
		b->vals[b->nvals++] = vals[f] ? batch_text(b, vals[f]) : NOT_GIVEN;
	if (b->n >= BATCH_ROWS)
		import_hand_over(p);
}

/* libcsv: a row is complete (c is the terminator, -1 at end of file). */
static void
on_row(int c, void *ctx)
{
	struct parser *p = ctx;
	/* The row ends on the current line (or the previous one when the
	 * terminator was the line's newline); it started row_newlines earlier. */
	long end = p->line;
	long start = end - p->row_newlines;

	(void)c;
	p->last_row_line = end;
	if (atomic_load_explicit(p->stop, memory_order_relaxed))
		p->failed = true;
	if (!p->header_bad && !p->failed) {
		if (!p->have_header)
			take_header(p, start);
		else
			take_row(p, start);
	}
	p->buflen = 0;
	p->noffs = 0;
	p->row_newlines = 0;
}

/* Nothing counts as space: values are trimmed by the entity rules, and a
 * tab may be the delimiter. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* The next c in [from, end), through a cache of where it was found last
 * (end: none left), so that a line ending that never comes (a file of CR
 * line endings has no LF) is looked for once per block, not once per
 * line. */
static const char *
next_char(const char *from, const char *end, char c, const char **cache)
{
	if (!*cache || (*cache < from && *cache != end)) {
		const char *q = memchr(from, c, (size_t)(end - from));

		*cache = q ? q : end;
	}
	return *cache;
}

/* Feeds a decoded block of whole lines to libcsv, one line at a time so
 * that every row knows its line number. A line ends in LF, CRLF or CR
 * alone (old Mac Excel), in any mixture. base and raw say where the block
 * is in the file (for the progress line). False when parsing must stop. */
static bool
feed(struct parser *p, struct csv_parser *cp, const char *s, size_t n, size_t base, size_t raw)
{
	const char *end = s + n, *lf = NULL, *cr = NULL;
	size_t at = 0;

	while (at < n && !p->header_bad && !p->failed) {
		const char *a = next_char(s + at, end, '\n', &lf);
		const char *b = next_char(s + at, end, '\r', &cr);
		const char *eol = a < b ? a : b;
		size_t len;

		if (eol == end)
			len = n - at;
		else if (*eol == '\r' && eol + 1 < end && eol[1] == '\n')
			len = (size_t)(eol - (s + at)) + 2;
		else
			len = (size_t)(eol - (s + at)) + 1;
		if (csv_parse(cp, s + at, len, on_field, on_row, p) != len) {
			if (csv_error(cp) == CSV_ENOMEM)
				alloc_fail(len);	/* libcsv's buffer for a long value */
			/* libcsv's own words are English: ours say it */
			import_problem(p, false, p->line, &(struct file_problem){
				.kind = csv_error(cp) == CSV_ETOOBIG ? FILE_VALUE_TOO_BIG : FILE_BAD_QUOTE });
			return false;
		}
		at += len;
		if (eol != end)
			p->line++;
		p->done = base + (size_t)((double)at * (double)raw / (double)n);
	}
	return !p->header_bad && !p->failed;
}

#define READ_BLOCK (1 << 20)	/* bytes read at a time */

/* Reads, decodes and parses the whole file a block of lines at a time,
 * handing rows and messages over as it goes: the file is never in memory
 * whole. */
void
import_parse(struct parser *p)
{
	struct csv_parser cp;
	char *buf = NULL;
	size_t have = 0, cap = 0, total = 0;
	size_t searched = 0;	/* buf[0..searched) has no line break */
	size_t base = 0;	/* where buf starts in the file */
	bool eof = false, started = false, ok = true;

	p->line = 1;
	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		alloc_fail(sizeof(cp));	/* libcsv's only reason to refuse */
	csv_set_space_func(&cp, no_space);
	/* libcsv grows a field's buffer by blk_size at a time (128 bytes by
	 * default): a 10 MB value took 80,000 reallocs, quadratic where
	 * realloc copies. A 64th of the file bounds it at 64. */
	csv_set_blk_size(&cp, p->src->len / 64 > 4096 ? p->src->len / 64 : 4096);

	while (ok && !(eof && have == 0)) {
		size_t end;
		ssize_t r = 0;
		char *owned;
		const char *text;
		size_t tlen;

		if (!eof) {
			import_grow((void **)&buf, &cap, have + READ_BLOCK, 1);
			if ((r = import_source_read(p->src, buf + have, READ_BLOCK)) < 0) {
				import_problem(p, false, 0, &(struct file_problem){ .kind = FILE_CANT_READ, .sys = errno });
				break;
			}
			eof = r == 0;
			have += (size_t)r;
			if ((total += (size_t)r) > IMPORT_MAX_BYTES) {
				import_problem(p, false, 0, &(struct file_problem){ .kind = FILE_GREW,
										    .m = IMPORT_MAX_BYTES >> 20 });
				break;
			}
		}
		/* Whole lines only, so that no character and no line number is
		 * cut in two; a line longer than what was read waits for more. A
		 * CR as the last byte read may be the first half of a CRLF: it
		 * waits too. */
		if (eof) {
			end = have;
		} else {
			for (end = have; end > searched; end--)
				if (buf[end - 1] == '\n' || (buf[end - 1] == '\r' && end < have))
					break;
			if (end == searched) {	/* no line break yet: read on */
				searched = buf[have - 1] == '\r' ? have - 1 : have;
				continue;
			}
		}
		if (!started) {
			long skip = import_first_block(p, buf, end, p->src->len);

			started = true;
			if (skip < 0)
				break;
			memmove(buf, buf + skip, have - (size_t)skip);
			have -= (size_t)skip;
			end -= (size_t)skip;
			base = (size_t)skip;
			csv_set_delim(&cp, p->delim);
		}
		if (!(text = import_decode(p, buf, end, &tlen, &owned)))
			break;
		ok = feed(p, &cp, text, tlen, base, end);
		free(owned);
		memmove(buf, buf + end, have - end);
		have -= end;
		base += end;
		searched = 0;
	}
	if (eof && have == 0 && ok && started && !p->header_bad && !p->failed &&
	    csv_fini(&cp, on_field, on_row, p) != 0)
		import_problem(p, false, p->last_row_line + 1, &(struct file_problem){ .kind = FILE_UNCLOSED_QUOTE });
	free(buf);
	csv_free(&cp);
}
