/*
 * The store's side of issue 17: a new database is built out of sight and
 * put in place whole (the command line's side, interrupted at every step,
 * is tests/e2e/t_hostile_create.sh); what is complete and what half-made;
 * the modes of the -wal and -shm files beside a database.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <locale.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"

static struct db *db;
static const char *dir;

static void
setup(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	db = test_db_with_domains();
	dir = test_tmpdir();
}

static void
teardown(void)
{
	db_close(db);
}

TestSuite(harden_store, .init = setup, .fini = teardown);

/* --- making a database whole or not at all ----------------------------------- */

static bool
exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* Entries of dir whose name starts with prefix. */
static int
count_names(const char *d, const char *prefix)
{
	char cmd[512];
	FILE *fp;
	int n = 0;

	snprintf(cmd, sizeof(cmd), "ls -a '%s' | grep -c '^%s'", d, prefix);
	fp = popen(cmd, "r");
	cr_assert(fp);
	cr_assert_eq(fscanf(fp, "%d", &n), 1);
	pclose(fp);
	return n;
}

Test(harden_store, a_build_is_invisible_until_published)
{
	struct result_info why;
	char path[256];
	struct db *b, *o;

	snprintf(path, sizeof(path), "%s/snw.db", dir);
	cr_assert_eq(db_build(path, &b, &why), 0, "%s", test_result(&why));
	cr_assert(!exists(path), "the database exists before it is complete");
	cr_assert_eq(count_names(dir, ".snw.db.tmp-"), 1);
	cr_assert_eq(db_begin(b), 0);
	cr_assert_eq(db_mark_complete(b), 0);
	cr_assert_eq(db_commit(b), 0);
	cr_assert_eq(db_publish(b, &why), 0, "%s", test_result(&why));
	cr_assert(exists(path));
	cr_assert_eq(count_names(dir, ".snw.db"), 0, "a temporary file was left");
	{
		char wal[300];

		snprintf(wal, sizeof(wal), "%s-wal", path);
		cr_assert(!exists(wal), "the build's WAL came along");
	}
	cr_assert_eq(db_open(path, false, &o, &why), 0, "%s", test_result(&why));
	cr_assert_eq(test_complete(o), 1);
	cr_assert_str_eq(test_text(o, "PRAGMA journal_mode"), "wal");
	cr_assert_eq(test_int(o, "PRAGMA page_size"), 16384);
	db_close(o);

	/* A second build for the same name loses: its file goes, the first
	 * one stays. */
	cr_assert_eq(db_build(path, &b, &why), 0, "%s", test_result(&why));
	cr_assert_eq(db_publish(b, &why), RES_EXISTS);
	cr_assert_eq(count_names(dir, ".snw.db"), 0);
	cr_assert_eq(db_open(path, false, &o, &why), 0, "%s", test_result(&why));
	cr_assert_eq(test_complete(o), 1);
	db_close(o);

	/* A build given up is removed. */
	snprintf(path, sizeof(path), "%s/other.db", dir);
	cr_assert_eq(db_build(path, &b, &why), 0, "%s", test_result(&why));
	db_close(b);
	cr_assert(!exists(path));
	cr_assert_eq(count_names(dir, ".other.db"), 0);
}

/* What a killed build leaves (an unlocked temporary file) is swept by the
 * next one; a build in progress (locked) is left alone. */
Test(harden_store, interrupted_builds_are_swept)
{
	struct result_info why;
	char path[256], stale[300];
	struct db *live, *b;
	int fd;

	snprintf(path, sizeof(path), "%s/snw.db", dir);
	snprintf(stale, sizeof(stale), "%s/.snw.db.tmp-1-2-3", dir);
	fd = open(stale, O_CREAT | O_WRONLY, 0600);
	cr_assert_geq(fd, 0);
	close(fd);
	cr_assert_eq(db_build(path, &live, &why), 0, "%s", test_result(&why));
	cr_assert(!exists(stale), "a leftover of an interrupted build was kept");
	cr_assert_eq(db_build(path, &b, &why), 0, "%s", test_result(&why));
	cr_assert_eq(count_names(dir, ".snw.db.tmp-"), 2, "a build in progress was removed");
	db_close(b);
	db_close(live);
	cr_assert_eq(count_names(dir, ".snw.db.tmp-"), 0);
}

/* A -wal file of a database that was deleted would be replayed into the
 * new one with the same name. */
Test(harden_store, orphaned_wal_of_a_deleted_database_is_not_taken)
{
	struct result_info why;
	char path[256], wal[300];
	struct db *b, *o;
	enum db_change ch;
	const char *dom[ENTITY_MAX_FIELDS] = { "OUD", "Oud domein", "", "domein", "1" };

	snprintf(path, sizeof(path), "%s/snw.db", dir);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	cr_assert_eq(db_create(path, &o, &why), 0, "%s", test_result(&why));
	/* Leave a -wal with a committed change in it behind: no checkpoint
	 * at close (another connection keeps it open while we copy it). */
	cr_assert_eq(db_exec(o, "PRAGMA wal_autocheckpoint = 0"), 0);
	cr_assert_eq(db_upsert(o, entities[0], dom, &ch, NULL), 0, "%s", test_why(o));
	{
		char cmd[700];

		snprintf(cmd, sizeof(cmd), "cp '%s' '%s.keep'", wal, wal);
		cr_assert_eq(system(cmd), 0);
		db_close(o);
		unlink(path);
		snprintf(cmd, sizeof(cmd), "mv '%s.keep' '%s'", wal, wal);
		cr_assert_eq(system(cmd), 0);
	}
	cr_assert(exists(wal));
	cr_assert_eq(db_build(path, &b, &why), 0, "%s", test_result(&why));
	cr_assert_eq(db_begin(b), 0);
	cr_assert_eq(db_mark_complete(b), 0);
	cr_assert_eq(db_commit(b), 0);
	cr_assert_eq(db_publish(b, &why), 0, "%s", test_result(&why));
	cr_assert_eq(db_open(path, false, &o, &why), 0, "%s", test_result(&why));
	cr_assert_str_eq(test_text(o, "PRAGMA integrity_check"), "ok");
	cr_assert_eq(test_int(o, "SELECT count(*) FROM domeinen"), 0, "the old -wal was replayed");
	db_close(o);
}

/* A database that holds nothing and was never marked is half-made; the
 * mark, or anything at all in it, makes it complete. */
Test(harden_store, complete_means_marked_or_not_empty)
{
	struct result_info why;
	char path[256];
	struct db *o;

	snprintf(path, sizeof(path), "%s/snw.db", dir);
	cr_assert_eq(db_create(path, &o, &why), 0, "%s", test_result(&why));
	cr_assert_eq(test_complete(o), 1);
	cr_assert_eq(db_exec(o, "DELETE FROM gegevens"), 0);
	cr_assert_eq(test_complete(o), 0);
	cr_assert_eq(db_exec(o, "INSERT INTO historie (wie, bron, tabel, rij) VALUES ('x', 'form', 'domeinen', 1)"), 0);
	cr_assert_eq(test_complete(o), 1);
	db_close(o);
	cr_assert_eq(test_complete(db), 1, "a database with domains is complete");
}

/* --- modes of the files beside a database ---------------------------------- */

static int
mode_of(const char *path)
{
	struct stat st;

	cr_assert_eq(stat(path, &st), 0, "%s", path);
	return (int)(st.st_mode & 07777);
}

/* A chmod 444 database viewed read-only left a 0444 -shm that blocked
 * every later writer; -wal and -shm get the database's bits for the group
 * and others, and read and write for their owner. */
Test(harden_store, side_files_follow_the_database)
{
	struct result_info why;
	char path[256], wal[300], shm[300];
	struct db *a, *b;

	snprintf(path, sizeof(path), "%s/snw.db", dir);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	snprintf(shm, sizeof(shm), "%s-shm", path);
	cr_assert_eq(db_create(path, &a, &why), 0, "%s", test_result(&why));
	cr_assert(exists(wal) && exists(shm));
	/* What a viewer of a 0444 database left, after chmod 600. */
	cr_assert_eq(chmod(shm, 0444), 0);
	cr_assert_eq(chmod(wal, 0444), 0);
	cr_assert_eq(db_open(path, false, &b, &why), 0, "%s", test_result(&why));
	cr_assert_eq(mode_of(shm), 0600);
	cr_assert_eq(mode_of(wal), 0600);
	db_close(b);
	/* A database others may read: its side files too, no more. */
	cr_assert_eq(chmod(path, 0444), 0);
	cr_assert_eq(db_open(path, true, &b, &why), 0, "%s", test_result(&why));
	cr_assert_eq(mode_of(shm), 0644);
	cr_assert_eq(mode_of(wal), 0644);
	db_close(b);
	cr_assert_eq(chmod(path, 0640), 0);
	cr_assert_eq(db_open(path, false, &b, &why), 0, "%s", test_result(&why));
	cr_assert_eq(mode_of(shm), 0640);
	db_close(b);
	db_close(a);
}

