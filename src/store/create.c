/*
 * A new database is complete or absent: built under a temporary name
 * beside where it goes, filled, and put in place whole (db_build,
 * db_publish). The files' modes and the sweep of what interrupted builds
 * left behind are here too; so is the mark that says a database is whole.
 */

#define _GNU_SOURCE		/* renameat2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "core/fault.h"

/* The mode of a new database file: the owner's alone (0600), except in a
 * directory with the setgid bit, the way a group shares one (see snw(1)):
 * there the group may read and write as far as the umask lets it. Never
 * anything for others. */
static mode_t
create_mode(const char *path)
{
	char dir[PATH_MAX];
	struct stat st;

	store_dir_of(path, dir, sizeof(dir));
	if (stat(dir, &st) == 0 && (st.st_mode & S_ISGID))
		return 0660;
	return 0600;
}

/* The last component of path. */
static const char *
base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Opens the directory of path and locks it (flock) against other snw
 * processes that create a database in it: they sweep temporary files,
 * make their own and put one in place under this lock, so none of them
 * mistakes another's work in progress for a leftover. Returns the
 * descriptor (close it to unlock) or -1 with errno set. A file system
 * without flock, or a directory we may write but not read, still works,
 * without that protection (and without the sweep).
 */
static int
lock_dir(const char *path)
{
	char dir[PATH_MAX];
	int dfd;

	store_dir_of(path, dir, sizeof(dir));
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	while (flock(dfd, LOCK_EX) < 0 && errno == EINTR)
		;
	return dfd;
}

/* The prefix of the temporary names of databases built for path
 * (".snw.db.tmp-"); the file is hidden and says what it will be. */
static void
temp_prefix(const char *path, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, ".%s.tmp-", base_of(path));
}

/*
 * Removes what builds of a database for path that were interrupted (a
 * kill, a power cut) left in its directory: temporary files that nobody
 * holds a lock on, and -wal, -shm or -journal files of temporary files
 * that are gone. Called with the directory locked (lock_dir), so a build
 * that has just made its file has also locked it.
 */
static void
sweep_temps(int dfd, const char *path)
{
	char prefix[NAME_MAX + 16];
	struct dirent *d;
	DIR *dir;
	int fd;

	temp_prefix(path, prefix, sizeof(prefix));
	if ((fd = dup(dfd)) < 0 || !(dir = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((d = readdir(dir))) {
		char main_name[NAME_MAX + 1];
		size_t len = strlen(d->d_name);
		struct stat st;
		int tfd;

		if (strncmp(d->d_name, prefix, strlen(prefix)) != 0)
			continue;
		for (size_t i = 0; i < STORE_SIDE_FILES; i++) {
			size_t sl = strlen(store_side_suffixes[i]);

			if (len > sl && strcmp(d->d_name + len - sl, store_side_suffixes[i]) == 0) {
				snprintf(main_name, sizeof(main_name), "%.*s", (int)(len - sl), d->d_name);
				if (fstatat(dfd, main_name, &st, AT_SYMLINK_NOFOLLOW) < 0 && errno == ENOENT)
					unlinkat(dfd, d->d_name, 0);
				len = 0;	/* done with this one */
				break;
			}
		}
		if (len == 0)
			continue;
		tfd = openat(dfd, d->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
		if (tfd < 0)
			continue;
		if (flock(tfd, LOCK_EX | LOCK_NB) == 0)
			unlinkat(dfd, d->d_name, 0);
		close(tfd);
	}
	closedir(dir);
}

/* Makes the temporary file of a build under the directory lock: a new
 * name, created exclusively with the mode of a new database, locked.
 * Returns its descriptor with the name in tmp, or -1 (errno). */
static int
make_temp(const char *path, char *tmp, size_t tmpsz)
{
	static unsigned counter;
	char prefix[NAME_MAX + 16], dir[PATH_MAX];
	int fd = -1;

	temp_prefix(path, prefix, sizeof(prefix));
	store_dir_of(path, dir, sizeof(dir));
	for (int tries = 0; tries < 100 && fd < 0; tries++) {
		if ((size_t)snprintf(tmp, tmpsz, "%s/%s%ld-%u-%ld", dir, prefix, (long)getpid(),
				     counter++, (long)time(NULL)) >= tmpsz) {
			errno = ENAMETOOLONG;
			return -1;
		}
		fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, create_mode(path));
		if (fd < 0 && errno != EEXIST)
			return -1;
	}
	if (fd >= 0)
		flock(fd, LOCK_EX | LOCK_NB);	/* new, so nobody else holds it */
	return fd;
}

/* A failure of the system (errno e) about the file at path, into why. */
static enum result
system_result(struct result_info *why, enum result code, const char *path, int e)
{
	memset(why, 0, sizeof(*why));
	why->code = code;
	why->field = -1;
	why->sys = e;
	snprintf(why->path, sizeof(why->path), "%s", path);
	return code;
}

enum result
db_build(const char *path, struct db **out, struct result_info *why)
{
	char tmp[PATH_MAX];
	struct db *db;
	int dfd, fd, e;

	*out = NULL;
	if ((dfd = lock_dir(path)) < 0 && errno != EACCES)
		return system_result(why, RES_CANT_CREATE, path, errno);
	if (dfd >= 0)
		sweep_temps(dfd, path);
	fd = make_temp(path, tmp, sizeof(tmp));
	e = errno;
	if (dfd >= 0)
		close(dfd);
	if (fd < 0)
		return system_result(why, RES_CANT_CREATE, path, e);
	fault_point("create");
	db = store_new(tmp);
	db->lock_fd = fd;
	snprintf(db->final, sizeof(db->final), "%s", path);
	if (sqlite3_open_v2(tmp, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		store_fail(db);
		goto failed;
	}
	sqlite3_extended_result_codes(db->h, 1);
	/* 16 KB pages instead of SQLite's 4 KB: a large import writes every
	 * page twice (to the WAL, then to the file) and a search reads them
	 * all, both in a quarter of the calls; measured at a million
	 * actielijnen, the import takes 15% less time, and the dashboard's
	 * figures stay where they were. Only a new file can have it. */
	if (db_exec(db, "PRAGMA page_size = 16384") < 0)
		goto failed;
	/* store_setup's result says why it failed; asking SQLite afterwards
	 * would give the error of the rollback that followed (disk full:
	 * "cannot rollback - no transaction is active"). */
	if (store_setup(db) < 0)
		goto failed;
	fault_point("create");
	*out = db;
	return RES_OK;
failed:
	*why = db->res;
	db_close(db);
	return why->code;
}

/* Puts the file tmp in place as path unless path exists: renameat2 with
 * RENAME_NOREPLACE, or link() and unlink() where the file system has no
 * such rename. Returns 0, or -1 with errno (EEXIST: path exists). */
static int
put_in_place(const char *tmp, const char *path)
{
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
	if (link(tmp, path) < 0)
		return -1;
	unlink(tmp);
	return 0;
}

enum result
db_publish(struct db *db, struct result_info *why)
{
	char tmp[PATH_MAX], final[PATH_MAX];
	int fd = db->lock_fd, dfd, e = 0;
	enum result rc = RES_OK;

	snprintf(tmp, sizeof(tmp), "%s", db->path);
	snprintf(final, sizeof(final), "%s", db->final);
	/* Into WAL, as every snw database is (readers never wait for a
	 * writer), while the file is still ours alone. Then the SQLite
	 * connection goes: closing the last connection checkpoints the WAL
	 * and removes it and the -shm file, so the file is complete and
	 * consistent on its own, with no -wal or -shm file that would have to
	 * move with it. */
	if (db_exec(db, "PRAGMA journal_mode = WAL") < 0) {
		*why = db->res;
		db_close(db);
		return why->code;
	}
	store_close_handle(db);
	db->final[0] = '\0';
	db->lock_fd = -1;
	free(db);
	fault_point("create");
	if (fsync(fd) < 0) {
		e = errno;
		rc = RES_CANT_PUBLISH;
	}
	fault_point("create");
	if (rc == RES_OK && ((dfd = lock_dir(final)) >= 0 || errno == EACCES)) {
		struct stat st;

		/* Files of a database that was deleted without them would be
		 * taken for this one's: a -wal replayed into it, a -journal
		 * rolled back into it. With no database at the name they
		 * belong to nothing. */
		if (lstat(final, &st) < 0 && errno == ENOENT) {
			for (size_t i = 0; i < STORE_SIDE_FILES; i++) {
				char side[PATH_MAX + 16];

				snprintf(side, sizeof(side), "%s%s", final, store_side_suffixes[i]);
				unlink(side);
			}
		}
		if (put_in_place(tmp, final) < 0) {
			e = errno;
			rc = e == EEXIST ? RES_EXISTS : RES_CANT_PUBLISH;
		} else {
			fault_point("create");
			if (dfd >= 0)
				fsync(dfd);	/* the new name survives a power cut */
		}
		if (dfd >= 0)
			close(dfd);
	} else if (rc == RES_OK) {
		e = errno;
		rc = RES_CANT_PUBLISH;
	}
	if (rc != RES_OK)
		unlink(tmp);
	close(fd);
	return rc == RES_OK ? RES_OK : system_result(why, rc, final, e);
}

enum result
db_create(const char *path, struct db **out, struct result_info *why)
{
	struct db *db;
	enum result rc;

	*out = NULL;
	if ((rc = db_build(path, &db, why)) < 0)
		return rc;
	if ((rc = db_begin(db)) < 0 || (rc = db_mark_complete(db)) < 0 || (rc = db_commit(db)) < 0) {
		*why = db->res;
		db_close(db);
		return rc;
	}
	if ((rc = db_publish(db, why)) < 0)
		return rc;
	return db_open(path, false, out, why);
}

enum result
db_mark_complete(struct db *db)
{
	return db_exec(db, "INSERT OR REPLACE INTO gegevens VALUES"
			   " ('compleet', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
}

/* The peildatum goes in as a bound value, the history it covers as the
 * newest id at this point: the load's own rows, its pending run of added
 * entries flushed first, are all at or below it. */
enum result
db_state_peildatum(struct db *db, const char *iso)
{
	sqlite3_stmt *st;
	enum result r;
	int rc;

	if ((r = store_flush_run(db)) < 0)
		return r;
	if (sqlite3_prepare_v2(db->h, "INSERT OR REPLACE INTO gegevens VALUES ('peildatum', ?1),"
			       " ('peildatum_historie', (SELECT ifnull(max(id), 0) FROM historie))",
			       -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	sqlite3_bind_text(st, 1, iso, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RES_OK : store_fail(db);
}

enum result
db_complete(struct db *db, bool *complete)
{
	char sql[1024];
	sqlite3_stmt *st;
	int rc, v = -1;

	/* The mark, or anything at all in the database: only a file that
	 * holds nothing and was never marked is half-made (see migration 5). */
	snprintf(sql, sizeof(sql), "SELECT EXISTS (SELECT 1 FROM gegevens WHERE sleutel = 'compleet')"
		 " OR EXISTS (SELECT 1 FROM historie)");
	for (int i = 0; i < entity_count; i++)
		snprintf(sql + strlen(sql), sizeof(sql) - strlen(sql), " OR EXISTS (SELECT 1 FROM %s)",
			 entities[i]->name);
	*complete = false;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(db);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (v < 0)
		return store_fail(db);
	*complete = v == 1;
	return RES_OK;
}
