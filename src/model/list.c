/*
 * The model's reading engine: paged lists with keyset queries and small
 * result sets, through the statement wrapper of db.h (model/list.h).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/date.h"
#include "store/db.h"
#include "store/stmt.h"
#include "model/list.h"

#define LIST_WINDOW 512		/* rows a list holds at most */
#define LIST_MARGIN 64		/* rows read beyond what is asked */
#define SQL_MAX 2048

/* --- paged lists ------------------------------------------------------------ */

enum fetch_mode { F_FIRST, F_AFTER, F_FROM, F_BEFORE, F_LAST, F_OFFSET };

static void
row_clear(struct list_row *r)
{
	for (int i = 0; i < LIST_MAX_COLS; i++)
		free(r->col[i]);
	free(r->kt[0]);
	free(r->kt[1]);
	memset(r, 0, sizeof(*r));
}

static void
window_clear(struct list *l)
{
	for (int i = 0; i < l->n; i++)
		row_clear(&l->rows[i]);
	l->n = 0;
	l->base = 0;
}

/* "(k1, k2, id)" and the matching parameters "(?3, ?4, ?5)". */
static void
key_tuple(const struct list_spec *s, char *keys, char *params, size_t sz)
{
	if (s->k2) {
		snprintf(keys, sz, "(%s, %s, %s)", s->k1, s->k2, s->id);
		snprintf(params, sz, "(?3, ?4, ?5)");
	} else {
		snprintf(keys, sz, "(%s, %s)", s->k1, s->id);
		snprintf(params, sz, "(?3, ?5)");
	}
}

static void
bind_common(struct list *l, struct db_stmt *st, const struct list_row *anchor)
{
	db_bind_int(st, 1, l->p1);
	db_bind_text(st, 2, l->has_p2 ? l->p2 : NULL);
	if (!anchor)
		return;
	if (l->spec.k1_int)
		db_bind_int(st, 3, anchor->ki[0]);
	else
		db_bind_text(st, 3, anchor->kt[0]);
	if (l->spec.k2) {
		if (l->spec.k2_int)
			db_bind_int(st, 4, anchor->ki[1]);
		else
			db_bind_text(st, 4, anchor->kt[1]);
	}
	db_bind_int(st, 5, anchor->id);
}

/* Keeps what went wrong, for the status line. */
static void
set_error(struct list *l)
{
	l->why = *db_result(l->db);
}

/* Reads up to limit rows in the given direction from anchor into a new
 * array (always in ascending order). Returns the row count or -1. */
static int
fetch(struct list *l, enum fetch_mode mode, const struct list_row *anchor,
      long long limit, long long offset, struct list_row **out)
{
	const struct list_spec *s = &l->spec;
	char sql[SQL_MAX], keys[256], params[64], cond[400] = "", order[300];
	bool desc = mode == F_BEFORE || mode == F_LAST;
	struct list_row *rows;
	struct db_stmt *st;
	int n = 0, rc;

	*out = NULL;
	key_tuple(s, keys, params, sizeof(keys));
	if (mode == F_AFTER || mode == F_FROM || mode == F_BEFORE)
		snprintf(cond, sizeof(cond), " AND %s %s %s", keys,
			 mode == F_AFTER ? ">" : mode == F_FROM ? ">=" : "<", params);
	if (s->k2)
		snprintf(order, sizeof(order), "%s%s, %s%s, %s%s", s->k1, desc ? " DESC" : "",
			 s->k2, desc ? " DESC" : "", s->id, desc ? " DESC" : "");
	else
		snprintf(order, sizeof(order), "%s%s, %s%s", s->k1, desc ? " DESC" : "",
			 s->id, desc ? " DESC" : "");
	snprintf(sql, sizeof(sql), "SELECT %s, %s%s%s FROM %s WHERE (%s)%s ORDER BY %s LIMIT ?6%s",
		 s->cols, s->k1, s->k2 ? ", " : "", s->k2 ? s->k2 : "", s->from, s->where,
		 cond, order, mode == F_OFFSET ? " OFFSET ?7" : "");
	if (!(st = db_prepare(l->db, sql))) {
		set_error(l);
		return -1;
	}
	bind_common(l, st, anchor);
	db_bind_int(st, 6, limit);
	if (mode == F_OFFSET)
		db_bind_int(st, 7, offset);
	rows = xcalloc((size_t)(limit > 0 ? limit : 1), sizeof(*rows));
	while (n < limit && (rc = db_step(st)) == 1) {
		struct list_row *r = &rows[n++];

		r->id = db_col_int(st, 0);
		for (int i = 0; i < s->ncols && i < LIST_MAX_COLS; i++)
			r->col[i] = xstrdup(db_col_text(st, i));
		r->ki[0] = db_col_int(st, s->ncols);
		r->kt[0] = xstrdup(db_col_text(st, s->ncols));
		if (s->k2) {
			r->ki[1] = db_col_int(st, s->ncols + 1);
			r->kt[1] = xstrdup(db_col_text(st, s->ncols + 1));
		}
	}
	if (n < limit && rc < 0)
		set_error(l);
	db_finalize(st);
	if (desc) {
		for (int i = 0; i < n / 2; i++) {
			struct list_row t = rows[i];

			rows[i] = rows[n - 1 - i];
			rows[n - 1 - i] = t;
		}
	}
	*out = rows;
	return n;
}

/* Puts rows into the window at the front or the back, trimming the other
 * end to LIST_WINDOW rows. */
static void
window_add(struct list *l, struct list_row *rows, int n, bool front)
{
	struct list_row *all = xcalloc((size_t)(l->n + n), sizeof(*all));

	if (front) {
		/* memcpy from NULL is undefined even for 0 bytes, and l->rows
		 * is NULL before the first window. */
		if (n)
			memcpy(all, rows, (size_t)n * sizeof(*all));
		if (l->n)
			memcpy(all + n, l->rows, (size_t)l->n * sizeof(*all));
		l->base -= n;
	} else {
		if (l->n)
			memcpy(all, l->rows, (size_t)l->n * sizeof(*all));
		if (n)
			memcpy(all + l->n, rows, (size_t)n * sizeof(*all));
	}
	free(rows);
	free(l->rows);
	l->rows = all;
	l->n += n;
	while (l->n > LIST_WINDOW) {
		if (front) {
			row_clear(&l->rows[--l->n]);
		} else {
			row_clear(&l->rows[0]);
			memmove(l->rows, l->rows + 1, (size_t)(l->n - 1) * sizeof(*l->rows));
			l->n--;
			l->base++;
		}
	}
}

struct list *
list_new(struct db *db, const struct list_spec *spec)
{
	struct list *l = xcalloc(1, sizeof(*l));

	l->db = db;
	l->spec = *spec;
	l->count = -1;
	return l;
}

void
list_free(struct list *l)
{
	if (!l)
		return;
	window_clear(l);
	free(l->rows);
	free(l);
}

void
list_set_params(struct list *l, long long p1, const char *p2)
{
	const struct list_row *cur = list_row(l, l->cur);
	long long id = cur ? cur->id : 0;
	char keep[sizeof(l->p2)];

	/* p2 may be l->p2 itself: copying a string onto itself is undefined
	 * (it came out empty, turning a kept filter into "onbekend") */
	snprintf(keep, sizeof(keep), "%s", p2 ? p2 : "");
	l->p1 = p1;
	l->has_p2 = p2 != NULL;
	memcpy(l->p2, keep, sizeof(l->p2));
	window_clear(l);
	l->count = -1;
	l->cur = l->top = 0;
	/* the selection follows its entry when the new list still has it */
	if (id)
		list_select_id(l, id);
}

long long
list_count(struct list *l)
{
	char sql[SQL_MAX];
	struct db_stmt *st;

	if (l->count >= 0)
		return l->count;
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE (%s)", l->spec.from, l->spec.where);
	if (!(st = db_prepare(l->db, sql))) {
		set_error(l);
		return 0;
	}
	bind_common(l, st, NULL);
	if (db_step(st) == 1)
		l->count = db_col_int(st, 0);
	else
		set_error(l);
	db_finalize(st);
	if (l->count < 0)
		return 0;
	return l->count;
}

long long
list_counted(const struct list *l)
{
	return l->count > 0 ? l->count : 0;
}

/* Number of rows before anchor in the list's order. */
static long long
rank(struct list *l, const struct list_row *anchor)
{
	char sql[SQL_MAX], keys[256], params[64];
	struct db_stmt *st;
	long long n = 0;

	key_tuple(&l->spec, keys, params, sizeof(keys));
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE (%s) AND %s < %s",
		 l->spec.from, l->spec.where, keys, params);
	if (!(st = db_prepare(l->db, sql))) {
		set_error(l);
		return 0;
	}
	bind_common(l, st, anchor);
	if (db_step(st) == 1)
		n = db_col_int(st, 0);
	db_finalize(st);
	return n;
}

/* Empties the window and reads it forward from anchor (inclusive), which
 * is row number idx. */
static void
window_from(struct list *l, const struct list_row *anchor, long long idx)
{
	struct list_row *rows;
	int n;

	window_clear(l);
	l->base = idx;
	n = fetch(l, F_FROM, anchor, LIST_WINDOW / 2, 0, &rows);
	if (n >= 0)
		window_add(l, rows, n, false);
}

static void
row_copy_key(struct list_row *dst, const struct list_row *src)
{
	memset(dst, 0, sizeof(*dst));
	dst->id = src->id;
	dst->ki[0] = src->ki[0];
	dst->ki[1] = src->ki[1];
	dst->kt[0] = xstrdup(src->kt[0]);
	dst->kt[1] = xstrdup(src->kt[1]);
}

void
list_invalidate(struct list *l)
{
	const struct list_row *cur = list_row(l, l->cur);
	long long off = l->cur - l->top;
	struct list_row anchor;

	l->count = -1;
	l->why.code = RES_OK;
	if (!cur) {
		window_clear(l);
		list_count(l);
		if (l->cur >= l->count)
			l->cur = l->count > 0 ? l->count - 1 : 0;
		return;
	}
	row_copy_key(&anchor, cur);
	/* The selection follows its entry, wherever its new values sort it
	 * (an action marked done moves to the end); only when it is gone
	 * does the cursor stay at its place, on the row now there. */
	if (list_select_id(l, anchor.id) < 0) {
		list_count(l);
		l->cur = rank(l, &anchor);
		window_from(l, &anchor, l->cur);
		if (l->cur >= l->count)
			l->cur = l->count > 0 ? l->count - 1 : 0;
	}
	row_clear(&anchor);
	l->top = l->cur - off < 0 ? 0 : l->cur - off;
}

enum result
list_ensure(struct list *l, long long first, int n)
{
	long long count = list_count(l), end = l->base + l->n;
	struct list_row *rows;
	int got;

	if (n > LIST_WINDOW - 2 * LIST_MARGIN)
		n = LIST_WINDOW - 2 * LIST_MARGIN;
	if (first < 0)
		first = 0;
	if (first + n > count)
		n = (int)(count - first);
	if (n <= 0)
		return RES_OK;
	if (l->n > 0 && first >= l->base && first + n <= end)
		return RES_OK;
	if (l->n > 0 && first >= l->base && first <= end + LIST_WINDOW / 2) {
		got = fetch(l, F_AFTER, &l->rows[l->n - 1], first + n - end + LIST_MARGIN, 0, &rows);
		if (got < 0)
			return l->why.code;
		window_add(l, rows, got, false);
		return RES_OK;
	}
	if (l->n > 0 && first < l->base && first + n >= l->base - LIST_WINDOW / 2) {
		got = fetch(l, F_BEFORE, &l->rows[0], l->base - first + LIST_MARGIN, 0, &rows);
		if (got < 0)
			return l->why.code;
		window_add(l, rows, got, true);
		return RES_OK;
	}
	/* a jump: read around `first` from the nearest end */
	window_clear(l);
	if (first + n + LIST_MARGIN >= count) {
		long long want = count - first + LIST_MARGIN;

		got = fetch(l, F_LAST, NULL, want, 0, &rows);
		l->base = count - (got > 0 ? got : 0);
	} else if (first <= LIST_MARGIN) {
		got = fetch(l, F_FIRST, NULL, first + n + LIST_MARGIN, 0, &rows);
		l->base = 0;
	} else {
		got = fetch(l, F_OFFSET, NULL, n + 2 * LIST_MARGIN, first - LIST_MARGIN, &rows);
		l->base = first - LIST_MARGIN;
	}
	if (got < 0)
		return l->why.code;
	window_add(l, rows, got, false);
	return RES_OK;
}

const struct list_row *
list_row(const struct list *l, long long idx)
{
	if (idx < l->base || idx >= l->base + l->n)
		return NULL;
	return &l->rows[idx - l->base];
}

long long
list_select_id(struct list *l, long long id)
{
	const struct list_spec *s = &l->spec;
	char sql[SQL_MAX];
	struct list_row anchor = { 0 };
	struct db_stmt *st;
	bool found = false;

	snprintf(sql, sizeof(sql), "SELECT %s, %s FROM %s WHERE (%s) AND %s = ?5",
		 s->k1, s->k2 ? s->k2 : "0", s->from, s->where, s->id);
	if (!(st = db_prepare(l->db, sql))) {
		set_error(l);
		return -1;
	}
	bind_common(l, st, NULL);
	db_bind_int(st, 5, id);
	if (db_step(st) == 1) {
		anchor.id = id;
		anchor.ki[0] = db_col_int(st, 0);
		anchor.kt[0] = xstrdup(db_col_text(st, 0));
		anchor.ki[1] = db_col_int(st, 1);
		anchor.kt[1] = xstrdup(db_col_text(st, 1));
		found = true;
	}
	db_finalize(st);
	if (!found)
		return -1;
	list_count(l);
	l->cur = rank(l, &anchor);
	window_from(l, &anchor, l->cur);
	row_clear(&anchor);
	l->top = l->cur;
	return l->cur;
}

/* 1 when entry id is among the list's rows, the filter (?2) applied or
 * not; 0 when not, -1 on an error. */
static int
has_id(struct list *l, long long id, bool filtered)
{
	char sql[SQL_MAX];
	struct db_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE (%s) AND %s = ?5", l->spec.from,
		 l->spec.where, l->spec.id);
	if (!(st = db_prepare(l->db, sql))) {
		set_error(l);
		return -1;
	}
	db_bind_int(st, 1, l->p1);
	db_bind_text(st, 2, filtered && l->has_p2 ? l->p2 : NULL);
	db_bind_int(st, 5, id);
	rc = db_step(st);
	db_finalize(st);
	return rc;
}

bool
list_filter_hides(struct list *l, long long id)
{
	return l->has_p2 && has_id(l, id, true) == 0 && has_id(l, id, false) == 1;
}

void
list_set_sort(struct list *l, const char *k1, bool k1_int, const char *k2, bool k2_int)
{
	const struct list_row *cur = list_row(l, l->cur);
	long long id = cur ? cur->id : -1;

	l->spec.k1 = k1;
	l->spec.k1_int = k1_int;
	l->spec.k2 = k2;
	l->spec.k2_int = k2_int;
	window_clear(l);
	if (id < 0 || list_select_id(l, id) < 0)
		l->cur = l->top = 0;
}

void
list_scroll(struct list *l, int rows)
{
	long long count = list_count(l);

	if (rows < 1)
		rows = 1;
	if (l->cur >= count)
		l->cur = count - 1;
	if (l->cur < 0)
		l->cur = 0;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + rows)
		l->top = l->cur - rows + 1;
	if (l->top > count - rows)
		l->top = count - rows;
	if (l->top < 0)
		l->top = 0;
}

void
list_move(struct list *l, long long delta, int rows)
{
	l->cur += delta;
	list_scroll(l, rows);
}

/* --- small result sets ---------------------------------------------------- */

enum result
rowset_load(struct db *db, struct rowset *rs, int ncols, const char *sql,
	    long long p1, const char *p2, int limit)
{
	struct db_stmt *st = db_prepare(db, sql);
	int cap = 16, rc = 0;

	rowset_free(rs);
	if (!st)
		return db_result(db)->code;
	rs->ncols = ncols;
	db_bind_int(st, 1, p1);
	db_bind_text(st, 2, p2);
	db_bind_int(st, 3, limit);
	rs->v = xcalloc((size_t)cap * (size_t)ncols, sizeof(char *));
	while ((rc = db_step(st)) == 1) {
		if (rs->n == cap) {
			rs->v = xrealloc(rs->v, (size_t)cap * 2 * (size_t)ncols * sizeof(char *));
			cap *= 2;
		}
		for (int c = 0; c < ncols; c++)
			rs->v[rs->n * ncols + c] = xstrdup(db_col_text(st, c));
		rs->n++;
	}
	db_finalize(st);
	return rc >= 0 ? RES_OK : (enum result)rc;
}

const char *
rowset_get(const struct rowset *rs, int row, int col)
{
	if (row < 0 || row >= rs->n || col < 0 || col >= rs->ncols)
		return "";
	return rs->v[row * rs->ncols + col];
}

void
rowset_free(struct rowset *rs)
{
	for (int i = 0; rs->v && i < rs->n * rs->ncols; i++)
		free(rs->v[i]);
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}
