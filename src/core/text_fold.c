/*
 * Matching that ignores case, accents and invisible characters, for all
 * of Unicode: text_casecmp (names, references, column headers) and
 * text_contains / text_needle_* (search). See "Matching" in
 * include/core/text.h.
 */

#include "core/alloc.h"
#include "core/text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/*
 * Case folding, compatibility decomposition (ﬁ -> fi, ĳ -> ij, ² -> 2),
 * without marks (é -> e), without default-ignorables (U+200B, U+00AD),
 * with look-alike punctuation lumped together (’ -> ', – -> -).
 */
#define FOLD_OPTIONS (UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | \
		      UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP)

/* The longest folding of one code point (U+FDFA: 18). */
#define FOLD_MAX 32

/* An invalid byte folds to 0xFF in folded UTF-8 (a byte valid UTF-8
 * never holds), so it matches only invalid bytes. */
#define INVALID_BYTE 0xFF

/* A needle this long or shorter is folded on the stack by text_contains. */
#define SMALL_NEEDLE 256

/* The most 2-byte lead bytes a needle's first byte is compared with one
 * by one ('o': ò ó ô õ ö ø, ǒ, ȍ ... under six leads); more, and every
 * 2-byte lead is a candidate, sorted out by lead_sets. */
#define LEADS_MAX 6

struct text_needle {
	char *fold;		/* the folded needle, UTF-8, NUL-terminated */
	size_t len;		/* its length */
	unsigned char lead2[LEADS_MAX];	/* for an ASCII first byte: the 2-byte
				   leads of the characters that can start a
				   match (unused ones 0xFF, never a lead) */
	bool all_lead2;		/* more than LEADS_MAX of them */
	const char *raw;	/* the needle as given (when it folds to nothing) */
	char *own;		/* the allocation holding fold, or NULL */
	char *raw_copy;		/* text_needle_new's copy of raw */
};

static unsigned char ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 0x20) : c;
}

/* Latin letters with a stroke or without a dot have no decomposition to
 * strip, yet names with them are typed without (Łódź, Işık, Øster). */
static uint32_t unstroke(uint32_t cp)
{
	switch (cp) {
	case 0x0142: return 'l';	/* ł */
	case 0x00F8: return 'o';	/* ø */
	case 0x0111: return 'd';	/* đ */
	case 0x0127: return 'h';	/* ħ */
	case 0x0167: return 't';	/* ŧ */
	case 0x0131: return 'i';	/* ı */
	default: return cp;
	}
}

/* Folds one code point beyond ASCII into out; returns how many code
 * points (0 for a mark or an invisible character). One too long to
 * fold stays itself. */
static int fold_cp(uint32_t cp, uint32_t out[FOLD_MAX])
{
	utf8proc_int32_t buf[FOLD_MAX];
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, buf, FOLD_MAX,
						     FOLD_OPTIONS, &last);

	if (n < 0 || n > FOLD_MAX) {
		out[0] = cp;
		return 1;
	}
	for (utf8proc_ssize_t i = 0; i < n; i++)
		out[i] = unstroke((uint32_t)buf[i]);
	return (int)n;
}

/*
 * Folded UTF-8 of the code points most text holds beyond ASCII: all of
 * U+0080..U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic) and General
 * Punctuation with currency (U+2000..U+20FF: ’ – … €). Built once, on the
 * first search; a search over a million rows folds every byte, and
 * utf8proc is several times slower per character than a table.
 */
#define TABLE_LOW_END 0x800
#define TABLE_PUNCT 0x2000
#define TABLE_PUNCT_END 0x2100
#define TABLE_SIZE (TABLE_LOW_END + (TABLE_PUNCT_END - TABLE_PUNCT))
#define TABLE_BYTES 7
#define NOT_IN_TABLE 0xFF	/* folds to more than TABLE_BYTES bytes */

static struct folded {
	unsigned char len;
	char bytes[TABLE_BYTES];
} table[TABLE_SIZE];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/* Folds cp fully (utf8proc) into out (FOLD_MAX * 4 bytes); returns the
 * folded length. */
static size_t fold_slow(uint32_t cp, char *out)
{
	uint32_t f[FOLD_MAX];
	int k = fold_cp(cp, f);
	size_t len = 0;

	for (int i = 0; i < k; i++)
		len += text_utf8_encode(f[i], out + len);
	return len;
}

/*
 * For every byte b of folded text, the lead bytes (0xC2..0xF4) of the
 * characters whose folding holds b: where a match that starts with b can
 * start, besides b itself. Exact for 2- and 3-byte characters (all of the
 * Basic Multilingual Plane, folded once); every 4-byte lead is counted in.
 */
static uint64_t lead_sets[256][4];

/* The same per 2-byte character (U+0080..U+07FF), exactly: in Dutch text
 * é, ë, ï and ö share one lead byte, and only é and ë can start "e..." */
static uint64_t two_byte_sets[256][TABLE_LOW_END / 64];

static void lead_add(unsigned char lead, const char *folded, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)folded[i];

		lead_sets[b][lead >> 6] |= UINT64_C(1) << (lead & 63);
	}
}

static void table_build(void)
{
	char buf[FOLD_MAX * 4];

	for (uint32_t i = 0; i < TABLE_SIZE; i++) {
		uint32_t cp = i < TABLE_LOW_END ? i : TABLE_PUNCT + (i - TABLE_LOW_END);
		size_t len = cp < 0x80 ? (buf[0] = (char)ascii_lower((unsigned char)cp), 1)
				       : fold_slow(cp, buf);

		if (len > TABLE_BYTES) {
			table[i].len = NOT_IN_TABLE;
		} else {
			table[i].len = (unsigned char)len;
			memcpy(table[i].bytes, buf, len);
		}
	}
	for (uint32_t cp = 0x80; cp < 0x10000; cp++) {
		size_t len;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		len = fold_slow(cp, buf);
		lead_add((unsigned char)(cp < 0x800 ? 0xC0 | (cp >> 6) : 0xE0 | (cp >> 12)), buf, len);
		for (size_t i = 0; cp < 0x800 && i < len; i++)
			two_byte_sets[(unsigned char)buf[i]][cp >> 6] |= UINT64_C(1) << (cp & 63);
	}
	for (int b = 0; b < 256; b++)
		for (unsigned lead = 0xF0; lead <= 0xF4; lead++)
			lead_sets[b][lead >> 6] |= UINT64_C(1) << (lead & 63);
}

/* The table entry of cp, or NULL when cp is not in the table. */
static const struct folded *table_entry(uint32_t cp)
{
	const struct folded *e;

	if (cp < TABLE_LOW_END)
		e = &table[cp];
	else if (cp >= TABLE_PUNCT && cp < TABLE_PUNCT_END)
		e = &table[TABLE_LOW_END + (cp - TABLE_PUNCT)];
	else
		return NULL;
	return e->len == NOT_IN_TABLE ? NULL : e;
}

/* Folds the character at s (not at the NUL; at most avail bytes are
 * read) to UTF-8 in out (room for FOLD_MAX * 4 bytes); stores the bytes
 * written, returns the bytes read. table_build must have run. */
static size_t fold_utf8(const unsigned char *s, size_t avail, char *out, size_t *outlen)
{
	const struct folded *e;
	uint32_t cp;
	size_t n;

	if (*s < 0x80) {
		out[0] = (char)ascii_lower(*s);
		*outlen = 1;
		return 1;
	}
	n = text_utf8_decode((const char *)s, avail, &cp);
	if (n == 0) {
		out[0] = (char)INVALID_BYTE;
		*outlen = 1;
		return 1;
	}
	e = table_entry(cp);
	if (e) {
		memcpy(out, e->bytes, TABLE_BYTES);
		*outlen = e->len;
	} else {
		*outlen = fold_slow(cp, out);
	}
	return n;
}

/* --- comparison --------------------------------------------------------- */

/* Reads the folded code points of a NUL-terminated string one by one. */
struct folder {
	const unsigned char *s;
	uint32_t buf[FOLD_MAX];
	int n, i;		/* code points in buf, the next one to give */
};

/* The next folded code point, or false at the end. An invalid byte b is
 * U+DC00+b (an unpaired surrogate: no real character equals it). */
static bool folder_next(struct folder *f, uint32_t *cp)
{
	while (f->i >= f->n) {
		uint32_t c;
		size_t n;

		if (!*f->s)
			return false;
		if (*f->s < 0x80) {
			*cp = ascii_lower(*f->s++);
			return true;
		}
		n = text_utf8_decode((const char *)f->s, SIZE_MAX, &c);
		if (n == 0) {
			*cp = 0xDC00u + *f->s++;
			return true;
		}
		f->s += n;
		f->n = fold_cp(c, f->buf);
		f->i = 0;
	}
	*cp = f->buf[f->i++];
	return true;
}

/* Compares folded code points; plain ASCII goes byte by byte. */
int text_casecmp(const char *a, const char *b)
{
	struct folder x = { .s = (const unsigned char *)(a ? a : "") };
	struct folder y = { .s = (const unsigned char *)(b ? b : "") };

	for (;;) {
		uint32_t p, q;
		bool more_x = folder_next(&x, &p), more_y = folder_next(&y, &q);

		if (!more_x || !more_y)
			return (int)more_x - (int)more_y;
		if (p != q)
			return p < q ? -1 : 1;
	}
}

/* --- search ------------------------------------------------------------- */

/* The 2-byte lead bytes whose characters can start a match of n, whose
 * folded first byte is ASCII (é, ë and è for "e": 0xC3). */
static void needle_leads(struct text_needle *n)
{
	unsigned char first = (unsigned char)n->fold[0];
	int k = 0;

	memset(n->lead2, 0xFF, sizeof(n->lead2));
	for (unsigned lead = 0xC2; lead <= 0xDF; lead++)
		if ((lead_sets[first][lead >> 6] >> (lead & 63)) & 1) {
			if (k == LEADS_MAX) {
				n->all_lead2 = true;
				return;
			}
			n->lead2[k++] = (unsigned char)lead;
		}
}

/* Fills n for needle s, folding into buf (bufsz bytes) while it fits
 * and into a growing allocation after that. */
static void needle_init(struct text_needle *n, const char *s, char *buf, size_t bufsz)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = 0, add;

	pthread_once(&table_once, table_build);
	memset(n, 0, sizeof(*n));
	n->raw = s;
	n->fold = buf;
	while (*p) {
		if (len + FOLD_MAX * 4 + 1 > bufsz) {
			size_t cap = bufsz * 2 + FOLD_MAX * 4 + 1;
			char *more = xrealloc(n->own, cap);

			if (!n->own && len)
				memcpy(more, buf, len);
			n->own = n->fold = more;
			bufsz = cap;
		}
		p += fold_utf8(p, SIZE_MAX, n->fold + len, &add);	/* NUL-terminated */
		len += add;
	}
	if (!n->fold)		/* an empty needle and no buffer given */
		n->own = n->fold = xmalloc(1);
	n->fold[len] = '\0';
	n->len = len;
	if (len > 0 && (unsigned char)n->fold[0] < 0x80)
		needle_leads(n);
}

/* Whether some byte of the 8 at s is beyond ASCII. */
static bool word_nonascii(const unsigned char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return (w & UINT64_C(0x8080808080808080)) != 0;
}

/*
 * Whether the folded needle starts at byte k of the folding of the
 * character at p (k = 0 for an ASCII character): folds on, character by
 * character, while the needle's bytes agree. Plain ASCII goes inline.
 */
static bool match_from(const unsigned char *p, const unsigned char *end, size_t k,
		       const struct text_needle *n)
{
	const unsigned char *want = (const unsigned char *)n->fold;
	size_t i = 0;

	while (i < n->len) {
		char f[FOLD_MAX * 4 + TABLE_BYTES];
		size_t flen, j;

		if (p >= end)
			return false;
		if (*p < 0x80) {
			if (ascii_lower(*p) != want[i])
				return false;
			i++;
			p++;
			k = 0;
			continue;
		}
		p += fold_utf8(p, (size_t)(end - p), f, &flen);
		for (j = k; j < flen && i < n->len; j++, i++)
			if ((unsigned char)f[j] != want[i])
				return false;
		k = 0;
	}
	return true;
}

/* Whether a match starts inside the folding of the character at p: at
 * each byte of it that is the needle's first. */
static bool match_char(const unsigned char *p, const unsigned char *end, const struct text_needle *n)
{
	char f[FOLD_MAX * 4 + TABLE_BYTES];
	size_t flen;

	fold_utf8(p, (size_t)(end - p), f, &flen);
	for (size_t k = 0; k < flen; k++)
		if (f[k] == n->fold[0] && match_from(p, end, k, n))
			return true;
	return false;
}

/* Whether the character whose lead byte is at q can start a match of a
 * needle beginning with byte `first`, given that its lead byte is in
 * lead_sets[first]. */
static bool may_start(const unsigned char *q, const unsigned char *end, unsigned char first)
{
	unsigned cp;

	if (*q >= 0xE0)
		return true;	/* (lead_sets was asked first) */
	if (q + 1 >= end || (q[1] & 0xC0) != 0x80)
		return false;	/* an invalid byte: folds to 0xFF */
	cp = ((*q & 0x1Fu) << 6) | (q[1] & 0x3Fu);
	return (two_byte_sets[first][cp >> 6] >> (cp & 63)) & 1;
}

/*
 * Candidates among the characters beyond ASCII: those whose lead byte
 * is in the needle's first byte's lead set (an accented letter that folds
 * into it, a ligature, ...). Most text beyond ASCII is looked at 16 bytes
 * at a time (SSE2, all x86-64) and one bit per lead byte; characters are
 * only decoded and folded where they can start a match.
 */
static bool match_other_starts(const unsigned char *h, const unsigned char *end,
			       const struct text_needle *n)
{
	unsigned char first = (unsigned char)n->fold[0];
	const uint64_t *leads_of = lead_sets[first];
	const unsigned char *p = h;

	if (end - p >= 8 && end - p <= 16 && !word_nonascii(p) && !word_nonascii(end - 8))
		return false;	/* a short plain ASCII value: a name, a date */
#ifdef __SSE2__
	/* plain ASCII 64 bytes at a time */
	while (end - p >= 64) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
		__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(p + 32));
		__m128i d = _mm_loadu_si128((const __m128i *)(const void *)(p + 48));

		if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))))
			break;
		p += 64;
	}
	if (end - p >= 16) {
		const __m128i c1 = _mm_set1_epi8((char)0xC1);

		for (;;) {
			/* the last block overlaps the one before: skip what it saw */
			const unsigned char *blk = end - p >= 16 ? p : end - 16;
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)blk);
			/* lead bytes: >= 0x80 and not <= 0xC1 */
			unsigned high = (unsigned)_mm_movemask_epi8(v);
			unsigned low = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, c1), c1));
			unsigned leads = (high & ~low) >> (unsigned)(p - blk);

			while (leads) {
				const unsigned char *q = p + __builtin_ctz(leads);

				leads &= leads - 1;
				if (((leads_of[*q >> 6] >> (*q & 63)) & 1) && may_start(q, end, first) &&
				    match_char(q, end, n))
					return true;
			}
			if (blk != p || end - p == 16)
				return false;
			p += 16;
		}
	}
#endif
	for (; p < end; p++)
		if (*p >= 0xC2 && ((leads_of[*p >> 6] >> (*p & 63)) & 1) &&
		    may_start(p, end, first) && match_char(p, end, n))
			return true;
	return false;
}

/* Whether a match of n, whose folded first byte is ASCII, starts at q: q
 * holds that byte in either case, or the lead byte of a character. */
static inline bool match_ascii_at(const unsigned char *q, const unsigned char *end, const struct text_needle *n)
{
	unsigned char first = (unsigned char)n->fold[0];

	if (*q < 0x80)	/* most candidates fail at the next byte: look before folding */
		return (n->len == 1 || q + 1 >= end || q[1] >= 0x80 ||
			ascii_lower(q[1]) == (unsigned char)n->fold[1]) && match_from(q, end, 0, n);
	return ((lead_sets[first][*q >> 6] >> (*q & 63)) & 1) && may_start(q, end, first) &&
	       match_char(q, end, n);
}

#ifdef __SSE2__
/* What marks the places a match of a needle with an ASCII first byte can
 * start, as vectors of 16 bytes. */
struct starts {
	__m128i lo, up;		/* the first byte in either case */
	__m128i lo2, up2;	/* the second, when it is ASCII */
	__m128i any;		/* all ones for a needle of one byte */
	__m128i c2;		/* the lowest lead byte */
};

/* The bit mask of where in v (the bytes after it in next) a match can
 * start: the first byte in either case when the next byte can go on (the
 * second byte in either case, or any byte beyond ASCII: an accent, an
 * invisible character), and every lead byte. */
static inline unsigned starts_in(const struct starts *k, __m128i v, __m128i next)
{
	__m128i first = _mm_or_si128(_mm_cmpeq_epi8(v, k->lo), _mm_cmpeq_epi8(v, k->up));
	__m128i second = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(next, k->lo2), _mm_cmpeq_epi8(next, k->up2)),
				      _mm_or_si128(_mm_cmplt_epi8(next, _mm_setzero_si128()), k->any));
	__m128i lead = _mm_cmpeq_epi8(_mm_max_epu8(v, k->c2), v);

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_and_si128(first, second), lead));
}

/* Checks the places in bits (bit i: p + i); true at the first match. */
static inline bool match_starts(const unsigned char *p, unsigned bits, const unsigned char *end,
				const struct text_needle *n)
{
	for (; bits; bits &= bits - 1)
		if (match_ascii_at(p + __builtin_ctz(bits), end, n))
			return true;
	return false;
}
#endif

/*
 * A needle whose folded first byte is ASCII, in one pass over [h, end),
 * 16 bytes at a time (SSE2, all x86-64): starts_in marks where a match can
 * start, and only those places are checked. A value shorter than 16 bytes
 * (a name, a date) is looked at once, from a copy; the last 16 bytes of a
 * longer one overlap the block before.
 */
static bool match_ascii_starts(const unsigned char *h, const unsigned char *end,
			       const struct text_needle *n)
{
	unsigned char lo = (unsigned char)n->fold[0];
	unsigned char up = (lo >= 'a' && lo <= 'z') ? (unsigned char)(lo - 0x20) : lo;
	size_t len = (size_t)(end - h);
#ifdef __SSE2__
	unsigned char lo2 = n->len > 1 ? (unsigned char)n->fold[1] : 0;
	unsigned char up2 = (lo2 >= 'a' && lo2 <= 'z') ? (unsigned char)(lo2 - 0x20) : lo2;
	const struct starts k = {
		_mm_set1_epi8((char)lo), _mm_set1_epi8((char)up),
		_mm_set1_epi8((char)lo2), _mm_set1_epi8((char)up2),
		_mm_set1_epi8(n->len > 1 ? 0 : -1), _mm_set1_epi8((char)0xC2),
	};
	const unsigned char *p = h, *last;
	__m128i v;

	if (len < 16) {
		unsigned char buf[17] = { 0 };

		memcpy(buf, h, len);
		v = _mm_loadu_si128((const __m128i *)(const void *)buf);
		return match_starts(h, starts_in(&k, v, _mm_loadu_si128((const __m128i *)(const void *)(buf + 1))) &
				       ((1u << len) - 1), end, n);
	}
	for (; end - p > 16; p += 16) {	/* the byte after the block is read too */
		v = _mm_loadu_si128((const __m128i *)(const void *)p);
		if (match_starts(p, starts_in(&k, v, _mm_loadu_si128((const __m128i *)(const void *)(p + 1))), end, n))
			return true;
	}
	last = end - 16;	/* overlaps what was seen: skip that */
	v = _mm_loadu_si128((const __m128i *)(const void *)last);
	return match_starts(last, (starts_in(&k, v, _mm_srli_si128(v, 1)) >> (p - last)) << (p - last), end, n);
#else
	for (const unsigned char *p = h; p < h + len; p++)
		if ((*p == lo || *p == up || *p >= 0xC2) && match_ascii_at(p, end, n))
			return true;
	return false;
#endif
}

/* Looks for the folded needle at every character beyond ASCII of
 * [h, end): for needles that begin with an invalid byte, which any of
 * them may be. Character by character: the bytes inside a valid one are
 * not invalid bytes of their own. */
static bool match_folded(const unsigned char *h, const unsigned char *end,
			 const struct text_needle *n)
{
	uint32_t cp;

	for (const unsigned char *p = h; p < end; ) {
		size_t len = text_utf8_decode((const char *)p, (size_t)(end - p), &cp);

		if (*p >= 0x80 && match_char(p, end, n))
			return true;
		p += len ? len : 1;
	}
	return false;
}

/* Whether the bytes of the NUL-terminated raw occur in [h, end). */
static bool find_raw(const unsigned char *h, const unsigned char *end, const char *raw)
{
	size_t len = strlen(raw);

	if (len == 0)
		return true;	/* the empty needle is everywhere */
	for (; (size_t)(end - h) >= len && (h = memchr(h, raw[0], (size_t)(end - h))); h++)
		if ((size_t)(end - h) >= len && memcmp(h, raw, len) == 0)
			return true;
	return false;
}

/*
 * Where the folded needle can start: at an ASCII byte that is its first
 * byte (any case), or inside the folding of a character beyond ASCII
 * whose folding holds that byte. Each candidate is checked by folding on
 * from it, so a search costs about what a byte scan costs plus a little
 * per accented letter. A needle that folds to nothing (only marks or
 * invisible characters) is looked for as it is. The haystack is len
 * bytes.
 */
static bool needle_in(const struct text_needle *n, const char *haystack, size_t len)
{
	const unsigned char *h = (const unsigned char *)haystack, *end = h + len;
	unsigned char first;

	if (n->len == 0)
		return find_raw(h, end, n->raw);
	first = (unsigned char)n->fold[0];
	if (first == INVALID_BYTE)
		return match_folded(h, end, n);
	if (first < 0x80)
		return match_ascii_starts(h, end, n);
	return match_other_starts(h, end, n);
}

char *text_fold(const char *s)
{
	struct text_needle n;
	char *fit;

	needle_init(&n, s ? s : "", NULL, 0);
	/* needle_init allocated it (no buffer was given), with room to
	 * spare: pick lists keep thousands of these. Giving the spare back
	 * may fail without harm (realloc, not xrealloc): it is kept then. */
	fit = realloc(n.own, n.len + 1);
	return fit ? fit : n.own;
}

bool text_contains(const char *haystack, const char *needle)
{
	char buf[SMALL_NEEDLE];
	struct text_needle n;
	bool found;

	if (!needle || !*needle)
		return true;
	needle_init(&n, needle, buf, sizeof(buf));
	found = haystack && needle_in(&n, haystack, strlen(haystack));
	free(n.own);
	return found;
}

struct text_needle *text_needle_new(const char *needle)
{
	struct text_needle *n = xmalloc(sizeof(*n));
	const char *s = needle ? needle : "";
	size_t rawlen = strlen(s);
	char *raw = xmalloc(rawlen + 1);

	needle_init(n, s, NULL, 0);
	memcpy(raw, s, rawlen + 1);
	n->raw = n->raw_copy = raw;
	return n;
}

bool text_needle_in(const struct text_needle *n, const char *haystack, size_t len)
{
	if (!haystack)
		return false;
	return needle_in(n, haystack, len == SIZE_MAX ? strlen(haystack) : len);
}

void text_needle_free(struct text_needle *n)
{
	if (!n)
		return;
	free(n->raw_copy);
	free(n->own);
	free(n);
}
