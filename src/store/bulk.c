/*
 * Large imports: the natural key's index of the table is dropped for the
 * import and built again, sorted once, at its end; meanwhile entries are
 * found by key in an in-memory hash table, and the status counts that a
 * trigger keeps are counted in memory.
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

/* Does row id hold this key? 1 yes, 0 no, -1 on error. */
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
		return store_fail(db, e->name);
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

/* The id of the row with this key, 0 when none, -1 on error. */
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
			return same < 0 ? -1 : b->slots[k].id;
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

/* For a large import into actielijnen: drops the trigger that counts
 * inserts (bulk_count and db_bulk_end take over). */
static int
drop_count_trigger(struct db *db, const struct entity *e)
{
	sqlite3_stmt *st;
	int rc;

	db->bulk.domein = entity_field_index(e, "domein");
	db->bulk.status = entity_field_index(e, "status");
	if (strcmp(e->name, "actielijnen") != 0 || db->bulk.domein < 0 || db->bulk.status < 0)
		return 0;
	if (sqlite3_prepare_v2(db->h, "SELECT sql FROM sqlite_master"
			       " WHERE type = 'trigger' AND name = 'actielijn_telling_insert'",
			       -1, &st, NULL) != SQLITE_OK)
		return store_fail(db, e->name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		db->bulk.trigger_sql = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(db, e->name);
	return db->bulk.trigger_sql ? db_exec(db, "DROP TRIGGER actielijn_telling_insert") : 0;
}

/* Counts an added actielijn the way the dropped trigger would have. */
static int
bulk_count(struct db *db, const struct entity *e, const char *const *vals, const long long *ids)
{
	struct bulk *b = &db->bulk;
	const char *status;
	int i;

	if (!b->trigger_sql)
		return 0;
	status = value_or_default(&e->fields[b->status], vals[b->status]);
	for (i = 0; i < b->ncounts; i++)
		if (b->counts[i].domein == ids[b->domein] && strcmp(b->counts[i].status, status) == 0)
			break;
	if (i == b->ncounts) {
		if (i == (int)(sizeof(b->counts) / sizeof(b->counts[0])) ||
		    strlen(status) >= sizeof(b->counts[i].status)) {
			snprintf(db->err, sizeof(db->err), "counting actielijnen: too many kinds");
			return -1;
		}
		b->counts[i].domein = ids[b->domein];
		snprintf(b->counts[i].status, sizeof(b->counts[i].status), "%s", status);
		b->counts[i].n = 0;
		b->ncounts++;
	}
	b->counts[i].n++;
	return 0;
}

/* Puts the trigger back and adds what bulk_count counted. */
static int
restore_count_trigger(struct db *db)
{
	struct bulk *b = &db->bulk;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	if (!b->trigger_sql)
		return 0;
	if (db_exec(db, b->trigger_sql) < 0)
		return -1;
	if (sqlite3_prepare_v2(db->h, "INSERT INTO actielijn_telling VALUES (?1, ?2, ?3)"
			       " ON CONFLICT DO UPDATE SET n = n + excluded.n", -1, &st, NULL) != SQLITE_OK)
		return store_fail(db, "counting actielijnen");
	for (int i = 0; i < b->ncounts && rc == SQLITE_DONE; i++) {
		sqlite3_bind_int64(st, 1, b->counts[i].domein);
		sqlite3_bind_text(st, 2, b->counts[i].status, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, b->counts[i].n);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, "counting actielijnen");
}

int
db_bulk_begin(struct db *db, const struct entity *e, long long rows)
{
	char sql[1024], expr[80];
	sqlite3_stmt *st = NULL;
	long long have = 0;
	int rc;

	if (db->bulk.e || rows < BULK_MIN_ROWS)
		return 0;
	/* Only a table whose key is a unique index of its own (not the
	 * index of a UNIQUE constraint, which cannot be dropped). */
	snprintf(sql, sizeof(sql), "SELECT sql, (SELECT ifnull(max(id), 0) FROM %s) FROM sqlite_master"
		 " WHERE type = 'index' AND tbl_name = '%s' AND name = '%s_sleutel'", e->name, e->name, e->name);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db, e->name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db->bulk.index_sql = xstrdup((const char *)sqlite3_column_text(st, 0));
		have = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(db, e->name);
	/* Building the index again costs about as much as sorting all that
	 * the table will hold: worth it when the file brings at least a
	 * quarter as many rows as the table has. Without the memory for the
	 * keys, the import just keeps the index. */
	if (rc == SQLITE_DONE || rows < have / 4 ||
	    !keys_reserve(&db->bulk, (size_t)(have + (rows < BULK_MAX_RESERVE ? rows : BULK_MAX_RESERVE)))) {
		store_bulk_free(db);
		return 0;
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
		store_fail(db, e->name);
		goto failed;
	}
	/* room was made for these: keys_add cannot refuse them */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		keys_add(&db->bulk, key_hash_stmt(e, st), sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(db, e->name);
		goto failed;
	}
	snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " WHERE id = ?1");
	if (store_prepare(db, sql, &db->bulk.key_of) < 0)
		goto failed;
	snprintf(sql, sizeof(sql), "DROP INDEX %s_sleutel", e->name);
	if (db_exec(db, sql) < 0 || drop_count_trigger(db, e) < 0)
		goto failed;
	/* Rows are appended and the index is sorted once at the end: pages
	 * are written once and not looked at again, so a large cache only
	 * holds back the writes and makes the sorter's runs outgrow the CPU's
	 * caches. At 1,000,000 rows SQLite's default of 2 MB imports in
	 * 3.3 s, the 64 MB an import otherwise asks for in 4.2 s. */
	db->bulk.cache_size = db_cache_size(db, -2000);
	db->bulk.e = e;
	return 0;
failed:
	store_bulk_free(db);
	return -1;
}

int
db_bulk_end(struct db *db)
{
	int rc = 0;

	if (!db->bulk.e)
		return 0;
	/* Sorted once: the keys were checked on the way in, so this cannot
	 * find a duplicate. The parser thread is done by now: SQLite's sorter
	 * may use the core it leaves (at 1,000,000 rows 0.3 s of 0.8 s). */
	db_exec(db, "PRAGMA threads = 1");
	if (sqlite3_exec(db->h, db->bulk.index_sql, NULL, NULL, NULL) != SQLITE_OK)
		rc = store_fail(db, "building the key index");
	else
		rc = restore_count_trigger(db);
	db_exec(db, "PRAGMA threads = 0");
	store_bulk_free(db);
	return rc;
}

/* db_upsert during a large import: the key is looked up in memory. */
int
store_bulk_upsert(struct db *db, const struct entity *e, const char *const *vals, const long long *ids,
	    enum db_change *change, long long *row)
{
	uint64_t h = key_hash(e, vals, ids);

	if ((*row = keys_find(db, e, h, vals, ids)) < 0)
		return -1;
	if (*row)
		return store_write_row(db, e, row, vals, ids, change) < 0 ? -1 : 0;
	if (store_try_insert(db, e, vals, ids, row) < 0)
		return -1;
	*change = DB_ADDED;
	if (!*row)
		return 0;
	if (bulk_count(db, e, vals, ids) < 0)
		return -1;
	/* No room for more keys: the index is built now, with this row, and
	 * the rest of the import finds its keys there. */
	if (!keys_add(&db->bulk, h, *row))
		return db_bulk_end(db);
	return 0;
}
