#ifndef SNW_IMPORT_PRIV_H
#define SNW_IMPORT_PRIV_H

/*
 * Inside `snw import`: what its four files share. import.c is the command
 * and the pipeline between the two threads, import_read.c reads and
 * decodes, import_parse.c parses and checks (the parser's thread),
 * import_write.c writes (the calling thread).
 */

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "cli/csvio.h"
#include "cli/progress.h"
#include "core/alloc.h"
#include "core/entity.h"

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
	bool failed;			/* the writer stopped: parse no further */
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

/* Makes room for `need` elements of `size` bytes in *p (capacity *cap),
 * doubling. */
static inline void
import_grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 16;

	if (need <= *cap)
		return;
	while (n < need)
		n *= 2;
	*p = xrealloc(*p, n * size);
	*cap = n;
}


/* Line breaks in s[0..len): CR, LF and CRLF count one each (Excel on an
 * old Mac ended lines with CR alone). */
static inline long long
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

/* import.c: the parser's current batch goes to the writer. */
void import_hand_over(struct parser *p);

/* import_read.c */
ssize_t import_source_read(struct source *src, char *dst, size_t n);
long import_first_block(struct parser *p, const char *s, size_t n, size_t size);
const char *import_decode(struct parser *p, const char *s, size_t n, size_t *outlen, char **owned);

/* import_parse.c: reads, decodes and parses a whole file (the parser's
 * thread); a message for the writer to print in its place among the rows. */
void import_parse(struct parser *p);
void import_note(struct parser *p, bool warning, long line, const char *msg);
/* The same for a problem with the file, worded by the catalogue
 * (core/result.h: file_problem_text). */
void import_problem(struct parser *p, bool warning, long line, const struct file_problem *fp);

/* import_write.c: takes in a batch; messages about the file; the
 * database failed (db_result says how) and the import stops. */
void import_consume(struct writer *w, const struct batch *b);
void import_report(struct writer *w, bool warning, long line, const struct file_problem *fp);
void import_give_up(struct writer *w, long line);

#endif
