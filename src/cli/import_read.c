/*
 * The import's reading and decoding (on the parser's thread): bytes from
 * the file or memory, the start of a file (UTF-16 refused, a BOM, a
 * sep= line, the delimiter, an estimate of the rows), and a block of
 * whole lines made UTF-8 (UTF-8 or Windows-1252, never a mixture).
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "import_priv.h"
#include "core/i18n.h"
#include "core/text.h"

/* Reads up to n bytes; 0 at the end of the file, -1 on error (errno). */
ssize_t
import_source_read(struct source *src, char *dst, size_t n)
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
const char *
import_decode(struct parser *p, const char *s, size_t n, size_t *outlen, char **owned)
{
	const char *nul;
	size_t good, bad, from = 0, u;
	bool nonascii = false;

	*owned = NULL;
	if ((nul = memchr(s, '\0', n))) {
		import_problem(p, false, p->line + count_lines(s, (size_t)(nul - s)),
			       &(struct file_problem){ .kind = FILE_NUL });
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
			import_problem(p, false, p->line + count_lines(s, good),
				       &(struct file_problem){ .kind = FILE_NOT_UTF8_AFTER,
							       .n = (unsigned char)s[good], .m = p->enc_line });
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
		import_problem(p, false, p->line + count_lines(s, u),
			       &(struct file_problem){ .kind = FILE_UTF8_AFTER, .value = shown, .m = p->enc_line });
		return NULL;
	}
	*owned = text_cp1252_to_utf8(s, n, outlen, &bad);
	if (!*owned) {
		import_problem(p, false, p->line + count_lines(s, bad),
			       &(struct file_problem){ .kind = FILE_BAD_BYTE, .n = (unsigned char)s[bad] });
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
		import_problem(p, false, 1, &(struct file_problem){ .kind = FILE_BAD_SEP, .n = (unsigned char)c });
		return -1;
	}
	p->delim = (unsigned char)c;
	if (len < n && s[len] == '\r')
		len++;
	if (len < n && s[len] == '\n')
		len++;
	return (long)len;
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

/* The start of a file: refuses UTF-16, skips a BOM, picks the delimiter
 * and estimates the rows from the first block. Returns the bytes to skip,
 * or -1 after a note. */
long
import_first_block(struct parser *p, const char *s, size_t n, size_t size)
{
	long skip = 0, line;

	if (n >= 2 && ((s[0] == '\xff' && s[1] == '\xfe') || (s[0] == '\xfe' && s[1] == '\xff'))) {
		import_problem(p, false, 1, &(struct file_problem){ .kind = FILE_UTF16 });
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
