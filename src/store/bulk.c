/*
 * Large imports, into any table whose natural key is an index of its own
 * (<table>_sleutel): the index is dropped for the import and built again,
 * sorted once, at its end; meanwhile entries are found by key in an
 * in-memory hash table, and a count that a trigger keeps (store_tallies,
 * schema.c) is counted in memory.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "store.h"
#include "core/alloc.h"

#define BULK_MIN_ROWS 10000	/* below this an import just uses the index */
#define BULK_MAX_RESERVE (1 << 24) /* keys made room for at once; more grow the table */

/* FNV-1a, 64 bits, over the key's values in field order. */
static uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}

static uint64_t
hash_done(uint64_t h)
{
	return h ? h : 1;	/* 0 marks an empty slot */
}

/* The hash of a row's key as db_upsert binds it (bind_row, key_only). */
static uint64_t
key_hash(const struct entity *e, const char *const *vals, const long long *ids)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (int j = 0; j < e->nfields; j++) {
		const struct field *f = &e->fields[j];
		const char *v = value_or_default(f, vals[j]);

		if (!f->key)
			continue;
		if (is_ref(f))
			h = hash_bytes(h, &ids[j], sizeof(ids[j]));
		else
			h = hash_bytes(h, v, strlen(v) + 1);
	}
	return hash_done(h);
}

/* The same hash from key columns 1.. of a statement (key_expr order). */
static uint64_t
key_hash_stmt(const struct entity *e, sqlite3_stmt *st)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	int c = 1;

	for (int j = 0; j < e->nfields; j++) {
		const struct field *f = &e->fields[j];

		if (!f->key)
			continue;
		if (is_ref(f)) {
			long long id = sqlite3_column_int64(st, c++);

			h = hash_bytes(h, &id, sizeof(id));
		} else {
			const char *v = (const char *)sqlite3_column_text(st, c++);

			h = hash_bytes(h, v ? v : "", (v ? strlen(v) : 0) + 1);
		}
	}
	return hash_done(h);
}

/* Does row id hold this key? 1 yes, 0 no, or a failure. */
static int
key_is(struct db *db, const struct entity *e, long long id, const char *const *vals,
       const long long *ids)
{
	sqlite3_stmt *st = db->bulk.key_of;
	int same = 0, c = 1, rc;

	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		same = 1;
		for (int j = 0; j < e->nfields && same; j++) {
			const struct field *f = &e->fields[j];
			const char *v = value_or_default(f, vals[j]);
			const char *have;

			if (!f->key)
				continue;
			if (is_ref(f)) {
				same = sqlite3_column_int64(st, c++) == ids[j];
			} else {
				have = (const char *)sqlite3_column_text(st, c++);
				same = strcmp(have ? have : "", v) == 0;
			}
		}
	} else if (rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return store_fail(db);
	}
	sqlite3_reset(st);
	return same;
}

static void
madvise_huge(void *p, size_t len)
{
#ifdef MADV_HUGEPAGE
	uintptr_t start = ((uintptr_t)p + 0x1fffff) & ~(uintptr_t)0x1fffff;
	uintptr_t end = ((uintptr_t)p + len) & ~(uintptr_t)0x1fffff;

	if (end > start)
		madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)len;
#endif
}

/*
 * Makes room for n keys at most half full (a short probe on average).
 * False when there is no memory for them: this is the one large
 * allocation with a cheaper way out than ending snw (include/core/
 * alloc.h), so it asks calloc itself. Without the room, an import keeps
 * (or builds again) the table's index and finds its keys there.
 */
static bool
keys_reserve(struct bulk *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 1024;
	struct key_slot *slots;

	while (cap < 2 * n)
		cap *= 2;
	if (cap == b->cap)
		return true;
	if (!(slots = calloc(cap, sizeof(*slots))))
		return false;
	/* Every lookup lands on a random slot: with 4 KB pages most of them
	 * also miss the TLB. Huge pages where the system offers them. */
	madvise_huge(slots, cap * sizeof(*slots));
	for (size_t i = 0; i < b->cap; i++) {
		size_t k = b->slots[i].hash & (cap - 1);

		if (!b->slots[i].hash)
			continue;
		while (slots[k].hash)
			k = (k + 1) & (cap - 1);
		slots[k] = b->slots[i];
	}
	free(b->slots);
	b->slots = slots;
	b->cap = cap;
	return true;
}

/* Remembers that row id has the key with hash h; false when there is no
 * room for it (see keys_reserve). */
static bool
keys_add(struct bulk *b, uint64_t h, long long id)
{
	size_t k;

	if (!keys_reserve(b, b->n + 1))
		return false;
	for (k = h & (b->cap - 1); b->slots[k].hash; k = (k + 1) & (b->cap - 1))
		;
	b->slots[k].hash = h;
	b->slots[k].id = id;
	b->n++;
	return true;
}

/* The id of the row with this key, 0 when none, or a failure. */
static long long
keys_find(struct db *db, const struct entity *e, uint64_t h, const char *const *vals,
	  const long long *ids)
{
	struct bulk *b = &db->bulk;

	if (!b->cap)
		return 0;
	for (size_t k = h & (b->cap - 1); b->slots[k].hash; k = (k + 1) & (b->cap - 1)) {
		int same;

		if (b->slots[k].hash != h)
			continue;
		if ((same = key_is(db, e, b->slots[k].id, vals, ids)) != 0)
			return same < 0 ? same : b->slots[k].id;
	}
	return 0;
}

void
store_bulk_free(struct db *db)
{
	if (db->bulk.cache_size)
		db_cache_size(db, db->bulk.cache_size);
	sqlite3_finalize(db->bulk.key_of);
	free(db->bulk.index_sql);
	free(db->bulk.trigger_sql);
	free(db->bulk.slots);
	memset(&db->bulk, 0, sizeof(db->bulk));
}

/* For a large import into a table with a count a trigger keeps: drops the
 * trigger (bulk_count and db_bulk_end take over). */
static enum result
drop_tally_trigger(struct db *db, const struct entity *e)
{
	const struct store_tally *t = NULL;
	char sql[160];
	sqlite3_stmt *st;
	int rc;

	for (int i = 0; i < store_ntallies && !t; i++)
		if (store_tallies[i].e == e)
			t = &store_tallies[i];
	if (!t || (db->bulk.ref = entity_field_index(e, t->ref)) < 0 ||
	    (db->bulk.by = entity_field_index(e, t->by)) < 0)
		return RES_OK;
	if (sqlite3_prepare_v2(db->h, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	sqlite3_bind_text(st, 1, t->trigger, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		db->bulk.trigger_sql = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(db);
	if (!db->bulk.trigger_sql)
		return RES_OK;		/* someone dropped it: nothing to keep */
	db->bulk.tally = t;
	snprintf(sql, sizeof(sql), "DROP TRIGGER %s", t->trigger);
	return db_exec(db, sql);
}

/* Adds n to the tally table's count of (ref, by). */
static enum result
tally_add(struct db *db, long long ref, const char *by, long long n)
{
	sqlite3_stmt *st;
	char sql[160];
	int rc;

	snprintf(sql, sizeof(sql), "INSERT INTO %s VALUES (?1, ?2, ?3)"
		 " ON CONFLICT DO UPDATE SET n = n + excluded.n", db->bulk.tally->table);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	sqlite3_bind_int64(st, 1, ref);
	sqlite3_bind_text(st, 2, by, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, n);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RES_OK : store_fail(db);
}

/* Adds what bulk_count counted to the tally table; the counts start again
 * from nothing. */
static enum result
flush_counts(struct db *db)
{
	struct bulk *b = &db->bulk;
	enum result rc = RES_OK;

	for (int i = 0; i < b->ncounts && rc == RES_OK; i++)
		rc = tally_add(db, b->counts[i].ref, b->counts[i].by, b->counts[i].n);
	b->ncounts = 0;
	return rc;
}

/* Counts an added entry the way the dropped trigger would have. */
static enum result
bulk_count(struct db *db, const struct entity *e, const char *const *vals, const long long *ids)
{
	struct bulk *b = &db->bulk;
	const char *by;
	enum result rc;
	int i;

	if (!b->tally)
		return RES_OK;
	by = value_or_default(&e->fields[b->by], vals[b->by]);
	if (strlen(by) >= sizeof(b->counts[0].by))	/* too long to keep: counted now */
		return tally_add(db, ids[b->ref], by, 1);
	for (i = 0; i < b->ncounts; i++)
		if (b->counts[i].ref == ids[b->ref] && strcmp(b->counts[i].by, by) == 0)
			break;
	if (i == b->ncounts) {
		/* more kinds than fit: what was counted goes in now */
		if (i == (int)(sizeof(b->counts) / sizeof(b->counts[0]))) {
			if ((rc = flush_counts(db)) < 0)
				return rc;
			i = 0;
		}
		b->counts[i].ref = ids[b->ref];
		snprintf(b->counts[i].by, sizeof(b->counts[i].by), "%s", by);
		b->counts[i].n = 0;
		b->ncounts = i + 1;
	}
	b->counts[i].n++;
	return RES_OK;
}

/* Puts the trigger back and adds what bulk_count counted. */
static enum result
restore_tally_trigger(struct db *db)
{
	enum result rc;

	if (!db->bulk.tally)
		return RES_OK;
	if ((rc = db_exec(db, db->bulk.trigger_sql)) < 0)
		return rc;
	return flush_counts(db);
}

enum result
db_bulk_begin(struct db *db, const struct entity *e, long long rows)
{
	char sql[1024], expr[80];
	sqlite3_stmt *st = NULL;
	long long have = 0;
	enum result r;
	int rc;

	if (db->bulk.e || rows < BULK_MIN_ROWS)
		return RES_OK;
	/* Only a table whose key is a unique index of its own (not the
	 * index of a UNIQUE constraint, which cannot be dropped). */
	snprintf(sql, sizeof(sql), "SELECT sql, (SELECT ifnull(max(id), 0) FROM %s) FROM sqlite_master"
		 " WHERE type = 'index' AND tbl_name = '%s' AND name = '%s_sleutel'", e->name, e->name, e->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db->bulk.index_sql = xstrdup((const char *)sqlite3_column_text(st, 0));
		have = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(db);
	/* Building the index again costs about as much as sorting all that
	 * the table will hold: worth it when the file brings at least a
	 * quarter as many rows as the table has. Without the memory for the
	 * keys, the import just keeps the index. */
	if (rc == SQLITE_DONE || rows < have / 4 ||
	    !keys_reserve(&db->bulk, (size_t)(have + (rows < BULK_MAX_RESERVE ? rows : BULK_MAX_RESERVE)))) {
		store_bulk_free(db);
		return RES_OK;
	}

	/* The keys that are there, then the index goes. */
	snprintf(sql, sizeof(sql), "SELECT id");
	for (int j = 0; j < e->nfields; j++) {
		if (!e->fields[j].key)
			continue;
		store_key_expr(&e->fields[j], expr, sizeof(expr));
		snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), ", %s", expr);
	}
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " FROM %s", e->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		r = store_fail(db);
		goto failed;
	}
	/* room was made for these: keys_add cannot refuse them */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		keys_add(&db->bulk, key_hash_stmt(e, st), sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		r = store_fail(db);
		goto failed;
	}
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " WHERE id = ?1");
	if ((r = store_prepare(db, sql, &db->bulk.key_of)) < 0)
		goto failed;
	snprintf(sql, sizeof(sql), "DROP INDEX %s_sleutel", e->name);
	if ((r = db_exec(db, sql)) < 0 || (r = drop_tally_trigger(db, e)) < 0)
		goto failed;
	/* Rows are appended and the index is sorted once at the end: pages
	 * are written once and not looked at again, so a large cache only
	 * holds back the writes and makes the sorter's runs outgrow the CPU's
	 * caches. At 1,000,000 rows SQLite's default of 2 MB imports in
	 * 3.3 s, the 64 MB an import otherwise asks for in 4.2 s. */
	db->bulk.cache_size = db_cache_size(db, -2000);
	db->bulk.e = e;
	return RES_OK;
failed:
	store_bulk_free(db);
	return r;
}

enum result
db_bulk_end(struct db *db)
{
	enum result rc;

	if (!db->bulk.e)
		return RES_OK;
	/* Sorted once: the keys were checked on the way in, so this cannot
	 * find a duplicate. The parser thread is done by now: SQLite's sorter
	 * may use the core it leaves (at 1,000,000 rows 0.3 s of 0.8 s). */
	db_exec(db, "PRAGMA threads = 1");
	if (sqlite3_exec(db->h, db->bulk.index_sql, NULL, NULL, NULL) != SQLITE_OK)
		rc = store_fail(db);
	else
		rc = restore_tally_trigger(db);
	db_exec(db, "PRAGMA threads = 0");
	store_bulk_free(db);
	return rc;
}

/* db_upsert during a large import: the key is looked up in memory. */
enum result
store_bulk_upsert(struct db *db, const struct entity *e, const char *const *vals,
		  const long long *ids, enum db_change *change, long long *row)
{
	uint64_t h = key_hash(e, vals, ids);
	enum result rc;

	if ((*row = keys_find(db, e, h, vals, ids)) < 0)
		return (enum result)*row;
	if (*row)
		return store_write_row(db, e, row, vals, ids, change);
	if ((rc = store_try_insert(db, e, vals, ids, row)) < 0)
		return rc;
	*change = DB_ADDED;
	if (!*row)
		return RES_OK;
	if ((rc = bulk_count(db, e, vals, ids)) < 0)
		return rc;
	/* No room for more keys: the index is built now, with this row, and
	 * the rest of the import finds its keys there. */
	if (!keys_add(&db->bulk, h, *row))
		return db_bulk_end(db);
	return RES_OK;
}
