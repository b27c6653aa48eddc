/*
 * `snw import`: spreadsheets (CSV) into the database.
 *
 * A file goes through four steps: read, decode (BOM, UTF-8 or
 * Windows-1252), parse (libcsv, delimiter detected from the header) and
 * per row: check every value with the entity rules, then upsert. Errors
 * are collected, not fatal, so the user sees all of them at once; the
 * caller rolls the transaction back when there was any.
 *
 * Reading, decoding, parsing and checking run on a thread of their own
 * (the parser), a block of lines at a time, so the file is never in
 * memory whole; the database writes on the calling thread (the writer):
 * on two cores a large file takes as long as the slower of the two, not
 * their sum.
 * The parser hands over batches of checked rows and of messages in file
 * order; only the writer prints, counts and touches the database, so the
 * messages come out in line order and SQLite is used by one thread.
 */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "cli/csvio.h"
#include "cli/progress.h"
#include "core/fault.h"
#include "core/i18n.h"
#include "store/db.h"
#include "core/text.h"

#define MAX_COLUMNS 512		/* more header cells than this is not a table of ours */
#define DEFAULT_MAX_MESSAGES 200
#define IMPORT_MAX_BYTES (1 << 30)	/* far beyond any spreadsheet of ours */
#define BATCH_ROWS 1024		/* rows per hand-over */
#define NBATCHES 4		/* batches in flight: parser ahead by at most 3 */
#define NOT_GIVEN SIZE_MAX	/* value offset of a field the file has no column for */

/* One thing the parser found, in file order. */
enum item_kind { ITEM_ROW, ITEM_ERROR, ITEM_WARNING };

struct item {
	enum item_kind kind;
	long line;
	size_t at;		/* ITEM_ROW: index of its first value offset in vals;
				   otherwise: offset of the message in text */
};

/* A hand-over from parser to writer. */
struct batch {
	char *text;		/* values and messages, each NUL-terminated */
	size_t len, cap;
	size_t *vals;		/* per row: nfields offsets into text, or NOT_GIVEN */
	size_t nvals, valcap;
	struct item *items;
	size_t n, itemcap;
	bool failed;		/* out of memory while filling it: the import stops */
	long long rows;		/* the file's rows as estimated from its first
				   block (in the first batch): see consume */
	size_t done;		/* bytes of the file parsed when it was handed over */
};

/* The bounded queue between the two threads. */
struct queue {
	pthread_mutex_t mu;
	pthread_cond_t changed;
	struct batch b[NBATCHES];
	int head, count;	/* b[head] is the oldest full batch */
	bool done;		/* the parser has handed over its last batch */
	bool threaded;		/* false: the parser runs inline, handing over directly */
};

struct writer;

/* Where a file's bytes come from: a file descriptor, or memory. */
struct source {
	int fd;				/* -1: mem */
	const char *mem;
	size_t len;			/* of mem; of the file when it was opened */
	size_t pos;
};

/* What the bytes read so far say about the encoding. */
enum encoding { ENC_ASCII, ENC_UTF8, ENC_CP1252 };

/* The parser's state for one file (parser thread only). */
struct parser {
	const struct entity *e;
	struct source *src;
	enum encoding enc;
	long enc_line;			/* the line that decided enc (UTF-8 or Windows-1252) */
	unsigned char delim;
	bool spreadsheet;		/* the file starts with a BOM: a spreadsheet's or
					   export --excel's, whose ' before = + - @ is a
					   text marker (see unmark) */
	struct queue *q;
	struct writer *w;		/* for the inline hand-over only */
	struct batch *cur;		/* being filled */
	atomic_bool *stop;		/* the writer gave up: stop parsing */

	int col_field[MAX_COLUMNS];	/* header column -> field index, -1 = ignored */
	int ncols;			/* columns in the header */
	bool in_header[ENTITY_MAX_FIELDS]; /* field has a column in this file */
	bool have_header;
	bool header_bad;		/* stop looking at rows: the header is unusable */
	bool failed;			/* out of memory, or the writer stopped */
	long last_row_line;		/* line on which the last complete row ended */

	/* The row being collected: fields are copied into one buffer. */
	char *buf;
	size_t buflen, bufcap;
	size_t *offs;			/* start of each field in buf */
	size_t noffs, offcap;
	long row_newlines;		/* line breaks inside the row's fields */
	long line;			/* line being fed to the parser (1-based) */
	size_t done;			/* bytes of the file parsed so far (progress) */
};

/* The writer's state for one file (calling thread). */
struct writer {
	struct db *db;
	const struct entity *e;
	const char *name;		/* file name for messages */
	const struct import_opts *opts;
	struct import_count *count;
	int errors;			/* errors in this file */
	int shown;			/* messages printed for this file */
	bool db_failed;			/* the database itself failed: stop */
	atomic_bool stop;		/* tells the parser */
	bool begun;			/* db_bulk_begin was asked */
	long long *kept;		/* ids written, for --replace */
	size_t nkept, keptcap;
	struct progress progress;	/* on stderr, when it is a terminal */
	long long rows;			/* rows of this file taken in */
	size_t size;			/* of the file, for the percentage */
};

static bool
grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 16;
	void *q;

	if (need <= *cap)
		return true;
	while (n < need)
		n *= 2;
	if (!(q = realloc(*p, n * size)))
		return false;
	*p = q;
	*cap = n;
	return true;
}

/* --- the writer ------------------------------------------------------------ */

/* Prints one message about the file, sanitized: file content never
 * reaches the terminal as control codes. Counts it as an error unless
 * warning is set. */
static void
say(struct writer *w, bool warning, long line, const char *msg)
{
	int max = w->opts->max_messages > 0 ? w->opts->max_messages : DEFAULT_MAX_MESSAGES;
	char safe[2048], name[1024];

	if (!warning)
		w->errors++;
	if (w->shown++ >= max || !w->opts->err)
		return;
	text_sanitize(safe, sizeof(safe), msg, false);
	text_sanitize(name, sizeof(name), w->name, false);	/* file names are data too */
	if (line > 0)
		fprintf(w->opts->err, "%s:%ld: %s%s\n", name, line, warning ? "warning: " : "", safe);
	else
		fprintf(w->opts->err, "%s: %s%s\n", name, warning ? "warning: " : "", safe);
}

static void
report(struct writer *w, bool warning, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
report(struct writer *w, bool warning, long line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	say(w, warning, line, msg);
}

/* The database failed (disk full, locked, ...): the import cannot go on. */
static void
give_up(struct writer *w, long line, const char *why)
{
	say(w, false, line, why);
	w->db_failed = true;
	atomic_store(&w->stop, true);
}

static void
keep_id(struct writer *w, long long id)
{
	if (!w->opts->replace)
		return;
	if (!grow((void **)&w->kept, &w->keptcap, w->nkept + 1, sizeof(*w->kept))) {
		give_up(w, 0, "out of memory");
		return;
	}
	w->kept[w->nkept++] = id;
}

/* Writes one checked row. */
static void
write_row(struct writer *w, long line, const char *const *vals)
{
	char err[FIELD_ERR_MAX + 128];
	enum db_change change;
	long long id;

	switch (db_upsert(w->db, w->e, vals, &change, &id, err, sizeof(err))) {
	case 0:
		break;
	case -1:	/* a reference that does not resolve: the data's fault */
		say(w, false, line, err);
		return;
	default:
		give_up(w, line, err);
		return;
	}
	keep_id(w, id);
	if (change == DB_ADDED)
		w->count->added++;
	else if (change == DB_UPDATED)
		w->count->updated++;
	else
		w->count->unchanged++;
}

/* Takes in what the parser handed over, in order. */
static void
consume(struct writer *w, const struct batch *b)
{
	const char *vals[ENTITY_MAX_FIELDS];

	/* A large file goes in without the table's key index, which is
	 * built again, sorted once, at the end (db_bulk_begin). */
	if (!w->begun) {
		w->begun = true;
		if (db_bulk_begin(w->db, w->e, b->rows) < 0)
			give_up(w, 0, db_errmsg(w->db));
	}
	for (size_t i = 0; i < b->n && !w->db_failed; i++) {
		const struct item *it = &b->items[i];

		if (it->kind != ITEM_ROW) {
			say(w, it->kind == ITEM_WARNING, it->line, b->text + it->at);
			continue;
		}
		for (int f = 0; f < w->e->nfields; f++) {
			size_t off = b->vals[it->at + (size_t)f];

			vals[f] = off == NOT_GIVEN ? NULL : b->text + off;
		}
		write_row(w, it->line, vals);
		w->rows++;
	}
	if (b->failed && !w->db_failed)
		give_up(w, 0, "out of memory");
	progress_update(&w->progress, w->rows, w->size ? (double)b->done / (double)w->size : -1);
}

/* --- the hand-over ------------------------------------------------------------ */

static void
batch_clear(struct batch *b)
{
	b->len = b->nvals = b->n = 0;
	b->failed = false;
}

static void
batch_free(struct batch *b)
{
	free(b->text);
	free(b->vals);
	free(b->items);
}

/* Copies s into the batch's text; its offset, or NOT_GIVEN when out of memory. */
static size_t
batch_text(struct batch *b, const char *s)
{
	size_t n = strlen(s) + 1, at = b->len;

	if (!grow((void **)&b->text, &b->cap, b->len + n, 1)) {
		b->failed = true;
		return NOT_GIVEN;
	}
	memcpy(b->text + at, s, n);
	b->len += n;
	return at;
}

static struct item *
batch_item(struct batch *b, enum item_kind kind, long line)
{
	struct item *it;

	if (!grow((void **)&b->items, &b->itemcap, b->n + 1, sizeof(*b->items))) {
		b->failed = true;
		return NULL;
	}
	it = &b->items[b->n++];
	it->kind = kind;
	it->line = line;
	it->at = 0;
	return it;
}

/* The parser's next empty batch: waits while the writer is behind. */
static struct batch *
next_batch(struct queue *q)
{
	struct batch *b;

	if (!q->threaded)
		return &q->b[0];
	pthread_mutex_lock(&q->mu);
	while (q->count == NBATCHES)
		pthread_cond_wait(&q->changed, &q->mu);
	b = &q->b[(q->head + q->count) % NBATCHES];
	pthread_mutex_unlock(&q->mu);
	batch_clear(b);
	return b;
}

/* Hands the parser's current batch to the writer. */
static void
hand_over(struct parser *p)
{
	struct queue *q = p->q;

	p->cur->done = p->done;
	if (!q->threaded) {
		consume(p->w, p->cur);
		batch_clear(p->cur);
		return;
	}
	pthread_mutex_lock(&q->mu);
	q->count++;
	pthread_cond_signal(&q->changed);
	pthread_mutex_unlock(&q->mu);
	p->cur = next_batch(q);
}

/* The writer's next full batch, or NULL when the parser is done. */
static struct batch *
take_batch(struct queue *q)
{
	struct batch *b = NULL;

	pthread_mutex_lock(&q->mu);
	while (q->count == 0 && !q->done)
		pthread_cond_wait(&q->changed, &q->mu);
	if (q->count > 0)
		b = &q->b[q->head];
	pthread_mutex_unlock(&q->mu);
	return b;
}

/* The writer is done with the oldest batch. */
static void
release_batch(struct queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->head = (q->head + 1) % NBATCHES;
	q->count--;
	pthread_cond_signal(&q->changed);
	pthread_mutex_unlock(&q->mu);
}

/* --- the parser ------------------------------------------------------------- */

/* A message for the writer to print, in its place among the rows. */
static void
note(struct parser *p, bool warning, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
note(struct parser *p, bool warning, long line, const char *fmt, ...)
{
	char msg[1024];
	struct item *it;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if ((it = batch_item(p->cur, warning ? ITEM_WARNING : ITEM_ERROR, line)))
		it->at = batch_text(p->cur, msg);
	if (p->cur->failed)
		p->failed = true;
}

/* Line breaks in s[0..len): CR, LF and CRLF count one each (Excel on an
 * old Mac ended lines with CR alone). */
static long long
count_lines(const char *s, size_t len)
{
	const char *lf = memchr(s, '\n', len), *cr = memchr(s, '\r', len);
	long long n = 0;

	if (!cr) {	/* the common case, at memchr's speed: LF alone */
		for (; lf; lf = memchr(lf + 1, '\n', len - (size_t)(lf + 1 - s)))
			n++;
		return n;
	}
	for (size_t i = (size_t)((lf && lf < cr ? lf : cr) - s); i < len; i++)
		if (s[i] == '\r' || (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')))
			n++;
	return n;
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
	if (!grow((void **)&p->offs, &p->offcap, p->noffs + 1, sizeof(*p->offs)) ||
	    !grow((void **)&p->buf, &p->bufcap, p->buflen + len + 1, 1)) {
		p->cur->failed = p->failed = true;
		return;
	}
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
		note(p, false, line, "the header has %zu columns (expected the columns of %s, at most %d)",
		     p->noffs, e->name, MAX_COLUMNS);
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
			note(p, false, line, "%s: column appears twice (expected each column once)", name);
			p->header_bad = true;
		} else if (f >= 0) {
			seen[f] = true;
			p->in_header[f] = true;
		} else if (*name) {
			note(p, true, line, "%s: unknown column for %s, ignored", name, e->name);
		}
	}
	for (int f = 0; f < e->nfields; f++) {
		if (!seen[f] && e->fields[f].required) {
			char cols[256] = "";

			for (int g = 0; g < e->nfields; g++)
				snprintf(cols + strlen(cols), sizeof(cols) - strlen(cols), "%s%s",
					 g ? ", " : "", e->fields[g].column);
			note(p, false, line, "%s: required column is missing (expected a header with %s)",
			     e->fields[f].column, cols);
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
normalize_keeping_lead(const struct field *f, char *v, char datebuf[11], char *err, size_t errsz)
{
	char saved[64];
	const char *r;
	size_t lead = 0;

	if (f->type != FT_TEXT && f->type != FT_LONGTEXT)
		return field_normalize(f, v, datebuf, err, errsz);
	while (lead < sizeof(saved) && (v[lead] == ' ' || (v[lead] >= '\t' && v[lead] <= '\r')))
		lead++;
	if (f->type == FT_TEXT && (memchr(v, '\r', lead) || memchr(v, '\n', lead))) {
		snprintf(err, errsz, _("regelovergang in een veld van één regel (verwacht: tekst op één regel)"));
		return NULL;
	}
	memcpy(saved, v, lead);
	memset(v, 'x', lead);
	r = field_normalize(f, v, datebuf, err, errsz);
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
			note(p, false, line, "%zu values, but the header has %d columns (expected one value per column; does a value contain '%c' without quotes?)",
			     p->noffs, p->ncols, p->delim == '\t' ? ' ' : p->delim);
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
		vals[f] = lead[f] ? normalize_keeping_lead(&e->fields[f], raw[f], dates[f], err, sizeof(err))
				  : field_normalize(&e->fields[f], raw[f] ? raw[f] : none[f], dates[f],
						    err, sizeof(err));
		if (!vals[f]) {
			note(p, false, line, "%s: %s", e->fields[f].column, err);
			ok = false;
		}
	}
	if (!ok)
		return;
	if (!grow((void **)&b->vals, &b->valcap, b->nvals + (size_t)e->nfields, sizeof(*b->vals)) ||
	    !(it = batch_item(b, ITEM_ROW, line))) {
		b->failed = p->failed = true;
		return;
	}
	it->at = b->nvals;
	for (int f = 0; f < e->nfields; f++)
		b->vals[b->nvals++] = vals[f] ? batch_text(b, vals[f]) : NOT_GIVEN;
	if (b->failed) {
		p->failed = true;
		return;
	}
	if (b->n >= BATCH_ROWS)
		hand_over(p);
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

/* Counts delimiter candidates on the first line, outside quotes; the most
 * frequent wins, a comma when there is none. */
static unsigned char
detect_delimiter(const char *s, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	bool quoted = false;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\n' || s[i] == '\r')
			break;
		else if (s[i] == ',')
			comma++;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/* Reads up to n bytes; 0 at the end of the file, -1 on error (errno). */
static ssize_t
source_read(struct source *src, char *dst, size_t n)
{
	ssize_t r;

	if (src->fd < 0) {
		if (n > src->len - src->pos)
			n = src->len - src->pos;
		memcpy(dst, src->mem + src->pos, n);
		src->pos += n;
		return (ssize_t)n;
	}
	while ((r = read(src->fd, dst, n)) < 0 && errno == EINTR)
		;
	return r;
}

/* The first character beyond ASCII in s[0..n) that is well-formed UTF-8
 * of two bytes or more: its offset, or n when there is none. */
static size_t
first_utf8_char(const char *s, size_t n)
{
	uint32_t cp;

	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0xC2 && text_utf8_decode(s + i, n - i, &cp) >= 2)
			return i;
	return n;
}

/*
 * Makes a block of whole lines UTF-8, or says why it cannot. The encoding
 * is decided as the file goes: UTF-8 while every byte is, Windows-1252 from
 * the first byte that is not UTF-8 when everything before it was ASCII (the
 * two agree on ASCII). A file that is one up to some line and the other
 * after it is a mix that no conversion gets right: an error that names
 * the line where the file stops being what it was, and the line that
 * decided. Either way round: Windows-1252 first and UTF-8 later turned
 * "é" into "Ã©" without a word. (Windows-1252 text whose bytes happen to
 * form UTF-8, such as "Ã©" typed as such, is taken for that mix: rare, and
 * said.) Returns the block to parse (s itself or *owned), or NULL after a
 * note.
 */
static const char *
decode_block(struct parser *p, const char *s, size_t n, size_t *outlen, char **owned)
{
	const char *nul;
	size_t good, bad, from = 0, u;
	bool nonascii = false;

	*owned = NULL;
	if ((nul = memchr(s, '\0', n))) {
		note(p, false, p->line + count_lines(s, (size_t)(nul - s)),
		     "NUL byte: this is not a text file (expected CSV text)");
		return NULL;
	}
	if (p->enc != ENC_CP1252) {
		good = text_utf8_prefix(s, n, &nonascii);
		if (nonascii && p->enc == ENC_ASCII) {
			size_t i = 0;

			while ((unsigned char)s[i] < 0x80)
				i++;
			p->enc = ENC_UTF8;
			p->enc_line = p->line + count_lines(s, i);
		}
		if (good == n) {
			*outlen = n;
			return s;
		}
		if (p->enc == ENC_UTF8) {
			note(p, false, p->line + count_lines(s, good),
			     _("byte 0x%02X is geen UTF-8, maar regel %ld was dat wel (verwacht: één codering voor het hele bestand; sla het opnieuw op als \"CSV UTF-8\")"),
			     (unsigned char)s[good], p->enc_line);
			return NULL;
		}
		p->enc = ENC_CP1252;
		p->enc_line = p->line + count_lines(s, good);
		from = good;
	}
	if ((u = first_utf8_char(s + from, n - from) + from) < n) {
		char shown[5] = "";
		uint32_t cp;

		memcpy(shown, s + u, text_utf8_decode(s + u, n - u, &cp));
		note(p, false, p->line + count_lines(s, u),
		     _("\"%s\" is UTF-8, maar regel %ld was Windows-1252 (verwacht: één codering voor het hele bestand; sla het opnieuw op als \"CSV UTF-8\")"),
		     shown, p->enc_line);
		return NULL;
	}
	*owned = text_cp1252_to_utf8(s, n, outlen, &bad);
	if (!*owned) {
		if (bad == (size_t)-1)
			note(p, false, 0, "out of memory");
		else
			note(p, false, p->line + count_lines(s, bad),
			     "byte 0x%02X is valid in neither UTF-8 nor Windows-1252 (expected text saved as \"CSV UTF-8\" or \"CSV\")",
			     (unsigned char)s[bad]);
		return NULL;
	}
	return *owned;
}

/*
 * A first line "sep=;" names the delimiter: Excel honours it (and hides
 * the line), and tools that prepare CSV for Excel write it. Sets
 * p->delim from it and returns the length of the line with its line
 * break; 0 when the file has no such line; -1 after a note when the line
 * names something that cannot be a delimiter.
 */
static long
sep_line(struct parser *p, const char *s, size_t n)
{
	size_t len = 5;
	char c;

	if (n < 5 || strncasecmp(s, "sep=", 4) != 0 || (n > 5 && s[5] != '\r' && s[5] != '\n'))
		return 0;
	c = s[4];
	if (c == '"' || c == '\r' || c == '\n' || c == ' ' || (unsigned char)c >= 0x80 ||
	    (c != '\t' && (c < '!' || c > '~')) || (c >= '0' && c <= '9') ||
	    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
		note(p, false, 1, _("sep=%c: dit teken kan geen scheidingsteken zijn (verwacht: sep=; of sep=, of een ander leesteken)"),
		     c);
		return -1;
	}
	p->delim = (unsigned char)c;
	if (len < n && s[len] == '\r')
		len++;
	if (len < n && s[len] == '\n')
		len++;
	return (long)len;
}

/* The start of a file: refuses UTF-16, skips a BOM, picks the delimiter
 * and estimates the rows from the first block. Returns the bytes to skip,
 * or -1 after a note. */
static long
first_block(struct parser *p, const char *s, size_t n, size_t size)
{
	long skip = 0, line;

	if (n >= 2 && ((s[0] == '\xff' && s[1] == '\xfe') || (s[0] == '\xfe' && s[1] == '\xff'))) {
		note(p, false, 1, "the file is UTF-16 (expected UTF-8 or Windows-1252: save it as \"CSV UTF-8\")");
		return -1;
	}
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		skip = 3;
		p->spreadsheet = true;
	}
	if ((line = sep_line(p, s + skip, n - (size_t)skip)) < 0)
		return -1;
	if (line > 0) {
		skip += line;
		p->line++;	/* the header is on line 2 */
	} else {
		p->delim = detect_delimiter(s + skip, n - (size_t)skip);
	}
	/* The first batch is still being filled: the writer reads this
	 * when it takes it, to decide on db_bulk_begin. */
	p->cur->rows = n ? (long long)((double)count_lines(s, n) * (double)size / (double)n) : 0;
	return skip;
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
			note(p, false, p->line, "%s (expected RFC 4180 quoting: a value with a quote is quoted, and the quote inside is written twice)",
			     csv_strerror(csv_error(cp)));
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
static void
parse(struct parser *p)
{
	struct csv_parser cp;
	char *buf = NULL;
	size_t have = 0, cap = 0, total = 0;
	size_t searched = 0;	/* buf[0..searched) has no line break */
	size_t base = 0;	/* where buf starts in the file */
	bool eof = false, started = false, ok = true;

	p->line = 1;
	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		note(p, false, 0, "out of memory");
		return;
	}
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
			if (!grow((void **)&buf, &cap, have + READ_BLOCK, 1)) {
				note(p, false, 0, "out of memory");
				break;
			}
			if ((r = source_read(p->src, buf + have, READ_BLOCK)) < 0) {
				note(p, false, 0, "cannot read: %s", strerror(errno));
				break;
			}
			eof = r == 0;
			have += (size_t)r;
			if ((total += (size_t)r) > IMPORT_MAX_BYTES) {
				note(p, false, 0, "the file grew beyond %d MB while it was read (expected a spreadsheet of at most that)",
				     IMPORT_MAX_BYTES >> 20);
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
			long skip = first_block(p, buf, end, p->src->len);

			started = true;
			if (skip < 0)
				break;
			memmove(buf, buf + skip, have - (size_t)skip);
			have -= (size_t)skip;
			end -= (size_t)skip;
			base = (size_t)skip;
			csv_set_delim(&cp, p->delim);
		}
		if (!(text = decode_block(p, buf, end, &tlen, &owned)))
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
		note(p, false, p->last_row_line + 1,
		     "a quoted value that starts here is never closed (expected a closing \")");
	free(buf);
	csv_free(&cp);
}

/* The parser thread: parse, hand over the last batch, say so. */
static void *
parser_main(void *arg)
{
	struct parser *p = arg;
	struct queue *q = p->q;

	parse(p);
	p->cur->done = p->done;
	pthread_mutex_lock(&q->mu);
	q->count++;		/* the last batch, perhaps empty */
	q->done = true;
	pthread_cond_signal(&q->changed);
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

/* --- one file ---------------------------------------------------------------- */

/* Runs the parser on its own thread and writes what it hands over; when
 * no thread can be started, the parser writes each batch itself. */
static void
parse_and_write(struct parser *p, struct writer *w)
{
	struct queue q = { .threaded = true };
	pthread_t tid;
	struct batch *b;

	pthread_mutex_init(&q.mu, NULL);
	pthread_cond_init(&q.changed, NULL);
	p->q = &q;
	p->w = w;
	p->stop = &w->stop;
	p->cur = next_batch(&q);
	if (pthread_create(&tid, NULL, parser_main, p) != 0) {
		q.threaded = false;
		parse(p);
		p->cur->done = p->done;
		consume(w, p->cur);
	} else {
		while ((b = take_batch(&q))) {
			if (!w->db_failed)
				consume(w, b);
			release_batch(&q);
		}
		pthread_join(tid, NULL);
	}
	for (int i = 0; i < NBATCHES; i++)
		batch_free(&q.b[i]);
	pthread_cond_destroy(&q.changed);
	pthread_mutex_destroy(&q.mu);
}

/* Imports one file from src (see import_buffer). */
static int
import_source(struct db *db, const struct entity *e, const char *name, struct source *src,
	      const struct import_opts *opts, struct import_count *count,
	      long long **kept, size_t *nkept)
{
	struct writer w = { .db = db, .e = e, .name = name, .opts = opts, .count = count };
	struct parser p = { .e = e, .src = src };
	long long before = count->added + count->updated + count->unchanged;

	atomic_init(&w.stop, false);
	if (kept) {
		w.kept = *kept;
		w.nkept = w.keptcap = *nkept;
	}
	w.size = src->len;
	progress_start(&w.progress, opts->quiet ? NULL : opts->err, name);
	parse_and_write(&p, &w);
	progress_end(&w.progress);
	if (db_bulk_end(db) < 0 && !w.db_failed)
		give_up(&w, 0, db_errmsg(db));
	if (!p.have_header && !w.errors)
		report(&w, false, 0, "the file is empty (expected a header row with the columns of %s)", e->name);
	else if (p.have_header && !p.header_bad && !w.errors && !opts->replace &&
		 w.count->added + w.count->updated + w.count->unchanged == before)
		report(&w, false, 0, "no rows after the header (expected at least one row; to empty a table use --replace)");

	free(p.buf);
	free(p.offs);
	if (kept) {
		*kept = w.kept;
		*nkept = w.nkept;
	} else {
		free(w.kept);
	}
	if (w.db_failed)
		return -1;
	return w.errors;
}

int
import_buffer(struct db *db, const struct entity *e, const char *name,
	      const char *buf, size_t len, const struct import_opts *opts,
	      struct import_count *count, long long **kept, size_t *nkept)
{
	struct source src = { .fd = -1, .mem = buf, .len = len };

	return import_source(db, e, name, &src, opts, count, kept, nkept);
}

const struct entity *
import_table_for(const char *path)
{
	const char *base = strrchr(path, '/');
	char name[64];
	char *dot;

	snprintf(name, sizeof(name), "%s", base ? base + 1 : path);
	if ((dot = strrchr(name, '.')) && strcasecmp(dot, ".csv") == 0)
		*dot = '\0';
	return entity_find(name);
}

/* One file of the command line. */
struct job {
	const char *path;
	const struct entity *e;
	int order;		/* position on the command line, to keep ties stable */
};

static int
job_cmp(const void *a, const void *b)
{
	const struct job *x = a, *y = b;
	int d = entity_index(x->e) - entity_index(y->e);

	return d ? d : x->order - y->order;
}

/* Opens a file to import: a regular file of at most IMPORT_MAX_BYTES.
 * Returns 0 with *fd and *size set, or an exit status after printing
 * why. O_NONBLOCK: a FIFO named like a CSV file must not hang the import
 * until someone writes to it. The file is read, never mapped: one that
 * shrinks while it is imported (saved again by someone) would kill a
 * reader of a mapping with SIGBUS; read() just ends early. */
static int
open_file(const char *path, FILE *err, int *fd, size_t *size)
{
	struct stat st;
	char name[1024];

	text_sanitize(name, sizeof(name), path, false);
	if ((*fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0) {
		fprintf(err, "%s: cannot read: %s\n", name, strerror(errno));
		return EXIT_NOINPUT;
	}
	if (fstat(*fd, &st) < 0) {
		fprintf(err, "%s: cannot read: %s\n", name, strerror(errno));
		close(*fd);
		return EXIT_NOINPUT;
	}
	if (!S_ISREG(st.st_mode)) {
		fprintf(err, "%s: cannot read: %s\n", name,
			S_ISDIR(st.st_mode) ? "it is a directory (expected a CSV file)"
					    : "not a regular file (expected a CSV file)");
		close(*fd);
		return EXIT_NOINPUT;
	}
	if (st.st_size > IMPORT_MAX_BYTES) {
		fprintf(err, "%s: the file is %lld MB (expected a spreadsheet of at most %d MB)\n",
			name, (long long)(st.st_size >> 20), IMPORT_MAX_BYTES >> 20);
		close(*fd);
		return EXIT_DATAERR;
	}
	*size = (size_t)st.st_size;
	return 0;
}

static void
print_summary(const struct import_opts *opts, const struct import_count *counts)
{
	if (opts->quiet || !opts->out)
		return;
	for (int i = 0; i < entity_count; i++) {
		const struct import_count *c = &counts[i];

		if (!c->files)
			continue;
		fprintf(opts->out, "%-14s %lld added, %lld updated, %lld unchanged", entities[i]->name,
			c->added, c->updated, c->unchanged);
		if (opts->replace)
			fprintf(opts->out, ", %lld deleted", c->deleted);
		fputc('\n', opts->out);
	}
	if (opts->dry_run)
		fprintf(opts->out, "dry run: nothing was written\n");
}

int
import_files(struct db *db, char *const *files, int nfiles,
	     const struct import_opts *opts, struct import_count *counts)
{
	struct import_count local[ENTITY_MAX_FIELDS];
	struct job *jobs = calloc((size_t)nfiles, sizeof(*jobs));
	long long *kept[ENTITY_MAX_FIELDS] = { NULL };
	size_t nkept[ENTITY_MAX_FIELDS] = { 0 };
	int status = 0, errors = 0, complete;
	long long cache;

	if (!counts)
		counts = local;
	memset(counts, 0, sizeof(*counts) * (size_t)entity_count);
	if (!jobs)
		return EXIT_SOFTWARE;
	for (int i = 0; i < nfiles; i++) {
		jobs[i].path = files[i];
		jobs[i].order = i;
		jobs[i].e = opts->table ? opts->table : import_table_for(files[i]);
		if (!jobs[i].e) {
			char name[1024];

			text_sanitize(name, sizeof(name), files[i], false);
			fprintf(opts->err, "%s: cannot tell which table this is (expected a file named after a table, such as actielijnen.csv, or --table NAME)\n",
				name);
			status = EXIT_USAGE;
		}
	}
	if (status) {
		free(jobs);
		return status;
	}
	qsort(jobs, (size_t)nfiles, sizeof(*jobs), job_cmp);

	/* A big import touches many pages: let them stay in memory. */
	cache = db_cache_size(db, -65536);
	if (db_begin(db) < 0) {
		fprintf(opts->err, "snw: %s\n", db_errmsg(db));
		db_cache_size(db, cache);
		free(jobs);
		return EXIT_IOERR;
	}
	/* Filling a new database: another snw may have filled it while this
	 * one waited for the write lock (two first runs at once). */
	if (opts->fill_new && (complete = db_complete(db)) != 0) {
		db_rollback(db);
		db_cache_size(db, cache);
		free(jobs);
		if (complete > 0)
			return 0;
		fprintf(opts->err, "snw: %s\n", db_errmsg(db));
		return EXIT_IOERR;
	}
	for (int i = 0; i < nfiles && status != EXIT_IOERR; i++) {
		int idx = entity_index(jobs[i].e), n, rc;
		struct source src = { .fd = -1 };

		if ((rc = open_file(jobs[i].path, opts->err, &src.fd, &src.len)) != 0) {
			status = rc;
			continue;
		}
		counts[idx].files++;
		n = import_source(db, jobs[i].e, jobs[i].path, &src, opts, &counts[idx],
				  &kept[idx], &nkept[idx]);
		close(src.fd);
		if (opts->fill_new)
			fault_point("create");
		if (n < 0)
			status = EXIT_IOERR;
		else
			errors += n;
	}
	/* --replace: drop what the files no longer hold, dependants first. */
	for (int i = entity_count - 1; i >= 0 && opts->replace && !status && !errors; i--) {
		if (counts[i].files && db_keep_only(db, entities[i], kept[i], nkept[i], &counts[i].deleted) < 0) {
			fprintf(opts->err, "snw: %s\n", db_errmsg(db));
			status = EXIT_IOERR;
		}
	}
	for (int i = 0; i < entity_count; i++)
		free(kept[i]);
	free(jobs);

	if (!status && errors)
		status = EXIT_DATAERR;
	if (status || opts->dry_run) {
		db_rollback(db);
		db_cache_size(db, cache);
		if (status) {
			if (errors)
				fprintf(opts->err, "%d error%s: nothing was imported\n", errors, errors == 1 ? "" : "s");
			else
				fprintf(opts->err, "nothing was imported\n");
			if (status == EXIT_IOERR)
				fprintf(opts->err, "snw: %s\n", db_errmsg(db));
			return status;
		}
		print_summary(opts, counts);
		return 0;
	}
	/* The mark goes in with the data, in one transaction: a database
	 * that has it is whole (db_complete). So does the data's peildatum. */
	if (opts->fill_new && ((opts->peildatum && db_state_peildatum(db, opts->peildatum) < 0) ||
			       db_mark_complete(db) < 0)) {
		fprintf(opts->err, "snw: %s\nnothing was imported\n", db_errmsg(db));
		db_rollback(db);
		db_cache_size(db, cache);
		return EXIT_IOERR;
	}
	status = db_commit(db);
	db_cache_size(db, cache);
	if (status < 0) {
		fprintf(opts->err, "snw: %s\nnothing was imported\n", db_errmsg(db));
		return EXIT_IOERR;
	}
	print_summary(opts, counts);
	return 0;
}
