/* Shared helpers for the Criterion tests (linked into the test binary). */
#include <criterion/criterion.h>
#include <unistd.h>

#include "helpers.h"

struct db *
test_db_with_domains(void)
{
	struct db *db;
	const char *dom[ENTITY_MAX_FIELDS] = { "EID", "Eigenaarschap, Inclusie en Democratie",
			      "Van, voor, met en door bewoners", "domein", "1" };
	const char *vei[ENTITY_MAX_FIELDS] = { "VEILIG", "Veiligheid", "Je veilig en verbonden voelen", "domein", "2" };
	enum db_change ch;

	cr_assert_eq(db_open_memory(&db), RES_OK);
	cr_assert_eq(db_upsert(db, entities[0], dom, &ch, NULL), RES_OK, "%s", test_why(db));
	cr_assert_eq(db_upsert(db, entities[0], vei, &ch, NULL), RES_OK, "%s", test_why(db));
	return db;
}

int
test_complete(struct db *db)
{
	bool complete;

	if (db_complete(db, &complete) < 0)
		return -1;
	return complete;
}

const char *
test_result(const struct result_info *r)
{
	static char bufs[4][RESULT_TEXT_MAX];
	static int slot;

	return result_text(r, bufs[slot++ % 4], sizeof(bufs[0]));
}

const char *
test_why(struct db *db)
{
	return test_result(db_result(db));
}

const char *
test_tmpdir(void)
{
	static char dir[64];

	snprintf(dir, sizeof(dir), "/tmp/snw-test.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	return dir;
}

const char *
test_write_file(const char *dir, const char *name, const char *text, size_t len)
{
	static char paths[8][512];
	static int slot;
	char *p = paths[slot++ % 8];
	FILE *fp;

	snprintf(p, 512, "%s/%s", dir, name);
	fp = fopen(p, "wb");
	cr_assert_not_null(fp);
	cr_assert_eq(fwrite(text, 1, len, fp), len);
	fclose(fp);
	return p;
}

struct import_result
test_import(struct db *db, const char **files, int n, const struct import_opts *opts)
{
	struct import_result r = { 0 };
	struct import_opts o = opts ? *opts : (struct import_opts){ 0 };
	size_t olen, elen;

	o.out = open_memstream(&r.out, &olen);
	o.err = open_memstream(&r.err, &elen);
	char *copies[16];

	cr_assert(n <= 16);
	for (int i = 0; i < n; i++)
		copies[i] = strdup(files[i]);
	r.status = import_files(db, copies, n, &o, r.counts);
	for (int i = 0; i < n; i++)
		free(copies[i]);
	fclose(o.out);
	fclose(o.err);
	return r;
}

struct import_result
test_import_text(struct db *db, const char *dir, const char *name, const char *text, size_t len)
{
	const char *path = test_write_file(dir, name, text, len);

	return test_import(db, &path, 1, NULL);
}

void
test_import_free(struct import_result *r)
{
	free(r->out);
	free(r->err);
}

long long
test_int(struct db *db, const char *sql)
{
	struct db_stmt *st = db_prepare(db, sql);
	long long v;

	cr_assert_not_null(st, "%s: %s", sql, test_why(db));
	cr_assert_eq(db_step(st), 1, "%s returned no row", sql);
	v = db_col_int(st, 0);
	db_finalize(st);
	return v;
}

char *
test_text(struct db *db, const char *sql)
{
	/* Tests compare the result in place (cr_assert_str_eq(test_text(..),
	 * ..)), so the helper keeps the strings and frees each one 256 calls
	 * later; what is left at exit is still reachable, not leaked. */
	static char *kept[256];
	static unsigned next;
	struct db_stmt *st = db_prepare(db, sql);
	char *v;

	cr_assert_not_null(st, "%s: %s", sql, test_why(db));
	cr_assert_eq(db_step(st), 1, "%s returned no row", sql);
	v = strdup(db_col_text(st, 0));
	db_finalize(st);
	free(kept[next % 256]);
	kept[next++ % 256] = v;
	return v;
}

char *
test_read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(fp);
	if (buf) {
		buf[n] = '\0';
		if (len)
			*len = (size_t)n;
	}
	return buf;
}
