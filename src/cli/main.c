/*
 * snw: the command line. Global options, then a command; no command opens
 * the dashboard. This file finds the database and the shipped data and
 * hands over to the modules that do the work.
 */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/csvio.h"
#include "cli/log.h"
#include "core/date.h"
#include "core/fault.h"
#include "core/i18n.h"
#include "store/db.h"
#include "model/history.h"
#include "cli/report.h"
#include "core/text.h"
#include "tui/ui.h"

#ifndef SNW_VERSION
#define SNW_VERSION "dev"
#endif
#ifndef SNW_DATADIR
#define SNW_DATADIR "/usr/local/share/snw"
#endif

/* What the global options decided. */
struct ctx {
	char db_path[PATH_MAX];
	bool readonly;
	/* The path came from --db or $SNW_DB: snw never creates it (nor its
	 * directories) unasked; only the default location is made on first
	 * use. A mistyped --db gave a report of the shipped data instead of
	 * an error. */
	bool explicit_db;
};

/* TRANSLATORS: keep the option and command names; align the columns. */
static const char usage_text[] = N_(
	"gebruik: snw [--db PAD] [--read-only] [OPDRACHT [ARGUMENTEN]]\n"
	"\n"
	"Zonder opdracht opent snw het dashboard.\n"
	"\n"
	"opdrachten:\n"
	"  init [--empty]                         maak de database met de meegeleverde gegevens\n"
	"  import [--table NAAM] [--dry-run] [--replace] BESTAND...\n"
	"                                         importeer CSV-bestanden (in één transactie)\n"
	"  export [--dir MAP] [--table NAAM] [--excel]\n"
	"                                         schrijf één CSV-bestand per tabel\n"
	"  report [--domain NAAM] [--since DATUM|last-ab] [--format text|md|html]\n"
	"         [-o BESTAND] [--today DATUM]    statusrapport voor het Alliantiebestuur\n"
	"  minutes DATUM [--format text|md|html] [-o BESTAND] [--today DATUM]\n"
	"                                         besluitenlijst en actielijst van een vergadering\n"
	"  log [--limit N] [--since DATUM] [--domain NAAM] [--table NAAM]\n"
	"                                         de geschiedenis van wijzigingen, nieuwste eerst (standaard 50)\n"
	"\n"
	"opties:\n"
	"  --db PAD       het databasebestand (standaard $SNW_DB, anders\n"
	"                 $XDG_DATA_HOME/snw/snw.db, dus ~/.local/share/snw/snw.db)\n"
	"  --read-only    open de database alleen om te bekijken\n"
	"  -h, --help     deze hulp\n"
	"  -V, --version  toon de versie\n"
	"\n"
	"In het Engels: LANGUAGE=en snw ... Zie snw(1) (in het Nederlands: man -L nl snw)\n"
	"voor de CSV-formaten en de toetsen van het dashboard.\n");

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "snw: message" on stderr. Messages quote arguments, paths and
 * data, so control characters in them are made visible, never sent to
 * the terminal raw. */
static void
vsay(const char *fmt, va_list ap)
{
	char msg[PATH_MAX + 1024], safe[2 * sizeof(msg)];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	text_sanitize(safe, sizeof(safe), msg, true);
	fprintf(stderr, "snw: %s\n", safe);
}

static void
say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
}

/* Says what went wrong in the store or the model (r, as the message
 * catalogue words it). */
static void
say_result(const struct result_info *r)
{
	char msg[RESULT_TEXT_MAX];

	say("%s", result_text(r, msg, sizeof(msg)));
}

/* Says what was wrong with the command line; returns EXIT_USAGE. */
static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	fputs(_("(snw --help toont de opdrachten en opties)\n"), stderr);
	return EXIT_USAGE;
}

/* A --table that names no table; returns EXIT_USAGE. The table names are
 * the file contract's, in every language. */
static int
unknown_table(const char *cmd, const char *name)
{
	return usage_error(_("%s: onbekende tabel '%s' (verwacht: domeinen, successen, actielijnen, planning, vergaderingen, besluiten of acties)"),
			   cmd, name);
}

/* The default database: $SNW_DB, else under $XDG_DATA_HOME or ~/.local/share. */
static int
default_db_path(char *out, size_t outsz)
{
	const char *env = getenv("SNW_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (env && *env)
		return snprintf(out, outsz, "%s", env) < (int)outsz ? 0 : -1;
	if (xdg && *xdg == '/')
		return snprintf(out, outsz, "%s/snw/snw.db", xdg) < (int)outsz ? 0 : -1;
	if (home && *home)
		return snprintf(out, outsz, "%s/.local/share/snw/snw.db", home) < (int)outsz ? 0 : -1;
	return -1;
}

static bool
has_shipped_data(const char *dir)
{
	char path[PATH_MAX + 16];

	snprintf(path, sizeof(path), "%s/domeinen.csv", dir);
	return access(path, R_OK) == 0;
}

/* Where the shipped data lives: $SNW_DATADIR, next to the binary in the
 * source tree (build/../data), next to an installed binary
 * (bin/../share/snw), or the directory chosen at build time. */
static int
find_datadir(char *out, size_t outsz)
{
	const char *env = getenv("SNW_DATADIR");
	char exe[PATH_MAX - 32];	/* room for the suffixes below */
	ssize_t n;

	if (env && *env) {
		snprintf(out, outsz, "%s", env);
		return has_shipped_data(out) ? 0 : -1;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')))
			*slash = '\0';
		snprintf(out, outsz, "%s/../data", exe);
		if (has_shipped_data(out))
			return 0;
		snprintf(out, outsz, "%s/../share/snw", exe);
		if (has_shipped_data(out))
			return 0;
	}
	snprintf(out, outsz, "%s", SNW_DATADIR);
	return has_shipped_data(out) ? 0 : -1;
}

/* Creates the directories above path (mode 0700, like other user data):
 * the default location only. */
static int
make_parents(const char *path)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s", path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

/* The directory path names (its last component removed) into dir. */
static void
parent_of(const char *path, char *dir, size_t dirsz)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(dir, dirsz, ".");
	else
		snprintf(dir, dirsz, "%.*s", slash == path ? 1 : (int)(slash - path), path);
}

/*
 * The date the shipped data describes, from the one-line file `peildatum`
 * beside the CSV files (the data's makers state it: data/NOTES.md), into
 * iso; "" when there is no such file (data installed by an older snw).
 * Returns 0, or EXIT_DATAERR / EXIT_NOINPUT after saying what is wrong:
 * a broken shipped file is not silently taken for "unknown".
 */
static int
read_peildatum(const char *dir, char iso[11])
{
	char path[PATH_MAX + 16], line[128] = "", shown[64], *v;
	size_t n;
	FILE *fp;

	iso[0] = '\0';
	snprintf(path, sizeof(path), "%s/peildatum", dir);
	if (!(fp = fopen(path, "r"))) {
		if (errno == ENOENT)
			return 0;
		say(_("%s kan niet gelezen worden: %s"), path, strerror(errno));
		return EXIT_NOINPUT;
	}
	n = fread(line, 1, sizeof(line) - 1, fp);
	line[n] = '\0';
	fclose(fp);
	v = text_trim(line);
	if (strpbrk(v, "\r\n") || !date_parse(v, DATE_POINT, iso)) {
		iso[0] = '\0';
		text_sanitize(shown, sizeof(shown), v, false);
		say(_("%s:1: '%s' is geen datum (verwacht: één regel met de datum die de meegeleverde gegevens beschrijven, zoals 2024-01-25)"),
		    path, shown);
		return EXIT_DATAERR;
	}
	return 0;
}

/* Fills a new or half-made database with the shipped data, marking it
 * complete in the same transaction; with_data false marks it complete
 * empty (init --empty). Nothing happens when it is complete already
 * (another snw filled it meanwhile). */
static int
fill_db(struct db *db, bool with_data, bool quiet)
{
	char dir[PATH_MAX], paths[ENTITY_MAX_FIELDS][PATH_MAX + 32], peildatum[11];
	char *files[ENTITY_MAX_FIELDS];
	struct import_opts opts = { .quiet = quiet, .fill_new = true, .out = stdout, .err = stderr };
	bool complete;
	int status;

	if (!with_data) {
		if (db_begin(db) < 0)
			goto failed;
		if (db_complete(db, &complete) < 0 || (!complete && db_mark_complete(db) < 0)) {
			db_rollback(db);
			goto failed;
		}
		if (db_commit(db) < 0)
			goto failed;
		return 0;
	}
	if (find_datadir(dir, sizeof(dir)) < 0) {
		say(_("de meegeleverde gegevens (domeinen.csv, ...) zijn niet te vinden (verwacht: een map met die bestanden in $SNW_DATADIR)"));
		return EXIT_NOINPUT;
	}
	for (int i = 0; i < entity_count && i < ENTITY_MAX_FIELDS; i++) {
		snprintf(paths[i], sizeof(paths[i]), "%s/%s.csv", dir, entities[i]->name);
		files[i] = paths[i];
	}
	if ((status = read_peildatum(dir, peildatum)) != 0)
		return status;
	opts.peildatum = *peildatum ? peildatum : NULL;
	return import_files(db, files, entity_count, &opts, NULL);
failed:
	say_result(db_result(db));
	return EXIT_IOERR;
}

/*
 * Creates a database at path, whole or not at all: built under a
 * temporary name beside it, filled (with the shipped data unless
 * with_data is false) and marked complete in one transaction, then put in
 * place (db_build, db_publish). An interrupted run leaves no database at
 * path, only a temporary file that the next one removes. Returns 0, or
 * RES_EXISTS when another snw put one there first, or an exit status after
 * saying why.
 */
static int
create_db(const char *path, bool with_data, bool quiet)
{
	struct result_info why;
	struct db *db;
	int status;
	enum result rc;

	if (db_build(path, &db, &why) < 0) {
		say_result(&why);
		return EXIT_CANTCREAT;
	}
	if ((status = fill_db(db, with_data, quiet)) != 0) {
		db_close(db);	/* removes the temporary file */
		return status;
	}
	if ((rc = db_publish(db, &why)) == RES_EXISTS)
		return RES_EXISTS;
	if (rc < 0) {
		say_result(&why);
		return EXIT_CANTCREAT;
	}
	fault_point("create");
	return 0;
}

/* A symbolic link at path whose target does not exist: says so (the
 * system's "File exists" said nothing useful) and returns true. */
static bool
dangling_link(const char *path)
{
	char target[PATH_MAX];
	struct stat st;
	ssize_t n;

	if (lstat(path, &st) < 0 || !S_ISLNK(st.st_mode) || stat(path, &st) == 0)
		return false;
	n = readlink(path, target, sizeof(target) - 1);
	target[n > 0 ? n : 0] = '\0';
	say(_("%s is een symbolische koppeling naar %s, en dat bestand bestaat niet (verwacht: een koppeling naar een database, of geen bestand met die naam)"),
	    path, target);
	return true;
}

/* Says that the database at path is missing and how to make it. */
static int
say_missing(const struct ctx *c)
{
	if (dangling_link(c->db_path))
		return EXIT_NOINPUT;
	if (c->explicit_db)
		say(_("%s bestaat niet (verwacht: een bestaande database; maak een nieuwe met: snw --db %s init)"),
		    c->db_path, c->db_path);
	else
		say(_("%s bestaat nog niet (verwacht: een database; start snw eenmaal zonder --read-only, of maak hem met: snw init)"),
		    c->db_path);
	return EXIT_NOINPUT;
}

/* The first use at the default location: makes the directories and the
 * database from the shipped data. Another snw doing the same at the same
 * moment is fine: one of them puts its database in place, both use it. */
static int
first_run(const struct ctx *c)
{
	int status;

	if (make_parents(c->db_path) < 0) {
		say(_("de map voor %s kan niet gemaakt worden: %s"), c->db_path, strerror(errno));
		return EXIT_CANTCREAT;
	}
	say(_("%s wordt gemaakt met de meegeleverde gegevens"), c->db_path);
	status = create_db(c->db_path, true, true);
	return status == RES_EXISTS ? 0 : status;
}

/*
 * A database that an interrupted first run of an older snw left behind:
 * the schema and nothing else (db_complete). At the default location it
 * holds nothing worth keeping, so it is filled with the shipped data, in
 * one transaction; one the user named (--db, $SNW_DB) is theirs to
 * decide on: refused, with how to make it again.
 */
static int
repair_half_made(const struct ctx *c, struct db *db)
{
	if (c->explicit_db || db_readonly(db)) {
		say(_("%s is onvolledig: hij bevat niets, geen gegevens en geen geschiedenis, want het maken ervan is onderbroken of hij is door een oudere snw leeg gemaakt (verwacht: een volledige database; vul hem met: snw --db %s init, of maak hem af als lege database met: snw --db %s init --empty)"),
		    c->db_path, c->db_path, c->db_path);
		return EXIT_DATAERR;
	}
	say(_("%s is onvolledig (het maken ervan is eerder onderbroken) en wordt nu gevuld met de meegeleverde gegevens"),
	    c->db_path);
	return fill_db(db, true, true);
}

/* Opens the database for a command. A database is created only at the
 * default location, on first use (from the shipped data); a path the
 * user named must exist. */
static int
open_db(const struct ctx *c, struct db **out)
{
	struct result_info why;
	struct stat st;
	bool complete;
	int status;

	*out = NULL;
	if (stat(c->db_path, &st) < 0) {
		if (errno != ENOENT) {
			say("%s: %s", c->db_path, strerror(errno));
			return EXIT_NOINPUT;
		}
		/* Missing, or a link to nothing (say_missing tells which). */
		if (c->explicit_db || c->readonly || lstat(c->db_path, &st) == 0)
			return say_missing(c);
		if ((status = first_run(c)) != 0)
			return status;
	} else if (S_ISREG(st.st_mode) && st.st_size == 0 && (c->explicit_db || c->readonly)) {
		/* SQLite would make the schema in it before anything could
		 * say it holds no database: a file the user named stays as
		 * it is. */
		say(_("%s is leeg: er staat geen database in (verwacht: een database van snw; maak er een met: snw --db %s init)"),
		    c->db_path, c->db_path);
		return EXIT_DATAERR;
	}
	if (db_open(c->db_path, c->readonly, out, &why) < 0) {
		/* Not errno: SQLite leaves ENOENT behind from its own probing. */
		int missing = access(c->db_path, F_OK) != 0;

		say_result(&why);
		return missing ? EXIT_NOINPUT : EXIT_IOERR;
	}
	fault_point("create");
	if (db_complete(*out, &complete) < 0) {
		say_result(db_result(*out));
		status = EXIT_IOERR;
	} else if (complete || (status = repair_half_made(c, *out)) == 0) {
		return 0;
	}
	db_close(*out);
	*out = NULL;
	return status;
}

/* Parses a subcommand's options (short ones as getopt reads `shortopts`;
 * a leading "+" stops at the first operand, without it options may also
 * follow operands, which are then moved to the end); returns the index
 * of the first operand or -1 after a usage error. */
static int
parse_short_opts(int argc, char **argv, const char *shortopts, const struct option *longopts,
		 void (*take)(int opt, const char *arg, void *data), void *data)
{
	int opt;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (opt == '?') {
			usage_error(_("%s: onbekende optie of ontbrekende waarde"), argv[optind - 1]);
			return -1;
		}
		take(opt, optarg, data);
	}
	return optind;
}

/* The same with long options only, stopping at the first operand. */
static int
parse_opts(int argc, char **argv, const struct option *longopts,
	   void (*take)(int opt, const char *arg, void *data), void *data)
{
	return parse_short_opts(argc, argv, "+", longopts, take, data);
}

/* --- init --- */

static void
take_init(int opt, const char *arg, void *data)
{
	(void)arg;
	if (opt == 'e')
		*(bool *)data = true;
}

static int
cmd_init(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = { { "empty", no_argument, NULL, 'e' }, { 0 } };
	bool empty = false, complete;
	char dir[PATH_MAX];
	struct result_info why;
	struct stat st;
	struct db *db;
	int i = parse_opts(argc, argv, longopts, take_init, &empty), status;

	if (i < 0)
		return EXIT_USAGE;
	if (i < argc)
		return usage_error(_("%s: onverwacht argument '%s'"), argv[0], argv[i]);
	if (c->readonly)
		return usage_error("%s", _("init: met --read-only kan er geen database gemaakt worden"));
	if (dangling_link(c->db_path))
		return EXIT_CANTCREAT;
	if (lstat(c->db_path, &st) == 0) {
		/* Half-made by an older snw: init fills it (it holds nothing). */
		if (db_open(c->db_path, false, &db, &why) == RES_OK) {
			if (db_readonly(db) || db_complete(db, &complete) < 0)
				complete = true;	/* not ours to fill */
			status = !complete ? fill_db(db, !empty, false) : -1;
			db_close(db);
			if (status == 0) {
				printf(empty ? _("%s aangevuld (leeg)\n") : _("%s aangevuld\n"), c->db_path);
				return 0;
			}
			if (status > 0)
				return status;
		}
		say(_("%s bestaat al (verwacht: een nieuwe naam; verwijder het bestand eerst, of kies een andere --db)"),
		    c->db_path);
		return EXIT_CANTCREAT;
	}
	parent_of(c->db_path, dir, sizeof(dir));
	if (c->explicit_db && stat(dir, &st) < 0 && (errno == ENOENT || errno == ENOTDIR)) {
		say(_("de map %s bestaat niet (verwacht: een bestaande map; snw maakt geen mappen voor --db of SNW_DB, maak hem eerst met: mkdir -p %s)"),
		    dir, dir);
		return EXIT_CANTCREAT;
	}
	if (!c->explicit_db && make_parents(c->db_path) < 0) {
		say(_("de map voor %s kan niet gemaakt worden: %s"), c->db_path, strerror(errno));
		return EXIT_CANTCREAT;
	}
	status = create_db(c->db_path, !empty, false);
	if (status == RES_EXISTS) {
		say(_("%s bestaat al (verwacht: een nieuwe naam; verwijder het bestand eerst, of kies een andere --db)"),
		    c->db_path);
		return EXIT_CANTCREAT;
	}
	if (status == 0)
		printf(empty ? _("%s gemaakt (leeg)\n") : _("%s gemaakt\n"), c->db_path);
	return status;
}

/* --- import --- */

struct import_args {
	struct import_opts opts;
	const char *table;
};

static void
take_import(int opt, const char *arg, void *data)
{
	struct import_args *a = data;

	if (opt == 't')
		a->table = arg;
	else if (opt == 'n')
		a->opts.dry_run = true;
	else if (opt == 'r')
		a->opts.replace = true;
}

static int
cmd_import(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "table", required_argument, NULL, 't' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "replace", no_argument, NULL, 'r' },
		{ 0 },
	};
	struct import_args a = { .opts = { .out = stdout, .err = stderr } };
	struct db *db;
	int i = parse_opts(argc, argv, longopts, take_import, &a), status;

	if (i < 0)
		return EXIT_USAGE;
	if (i >= argc)
		return usage_error("%s", _("import: geen BESTAND gegeven (verwacht: een of meer CSV-bestanden)"));
	if (a.table && !(a.opts.table = entity_find(a.table)))
		return unknown_table("import", a.table);
	if (c->readonly && !a.opts.dry_run)
		return usage_error("%s", _("import: de database is geopend met --read-only (controleer bestanden met --dry-run)"));
	if ((status = open_db(c, &db)) != 0)
		return status;
	if (db_readonly(db) && a.opts.dry_run) {
		/* A dry run writes and rolls back: on a database the user may
		 * only read, it does so in a copy. */
		struct db *copy;

		if (db_copy_to_memory(db, &copy) < 0) {
			say_result(db_result(db));
			db_close(db);
			return EXIT_IOERR;
		}
		db_close(db);
		db = copy;
	}
	if (db_readonly(db) && !a.opts.dry_run) {
		say(_("%s is voor jou alleen-lezen; er is niets geïmporteerd"), c->db_path);
		db_close(db);
		return EXIT_CANTCREAT;
	}
	status = import_files(db, argv + i, argc - i, &a.opts, NULL);
	db_close(db);
	return status;
}

/* --- export --- */

struct export_args {
	struct export_opts opts;
	const char *table;
};

static void
take_export(int opt, const char *arg, void *data)
{
	struct export_args *a = data;

	if (opt == 'd')
		a->opts.dir = arg;
	else if (opt == 't')
		a->table = arg;
	else if (opt == 'x')
		a->opts.excel = true;
}

/*
 * Makes sure the directory of an export exists: a missing one is created,
 * one level, like mkdir (its parent must exist), with the database's
 * permissions for the group and others (as far as the umask allows).
 * Returns 0 or EXIT_CANTCREAT after saying why not.
 */
static int
export_dir(const char *dir, struct db *db)
{
	int dbm = db_file_mode(db);
	mode_t mode = 0700;
	struct stat st;
	char parent[PATH_MAX];

	if (stat(dir, &st) == 0)
		return 0;	/* a directory: checked before the database was opened */
	/* r becomes r-x, so that the group may list what it may read. */
	if (dbm > 0)
		mode |= (mode_t)(dbm & 0066) | (dbm & 0040 ? 0010 : 0) | (dbm & 0004 ? 0001 : 0);
	if (errno == ENOENT && mkdir(dir, mode) == 0) {
		printf(_("map %s gemaakt\n"), dir);
		return 0;
	}
	if (errno == ENOENT) {
		parent_of(dir, parent, sizeof(parent));
		say(_("de map %s kan niet gemaakt worden: de map %s erboven bestaat niet (verwacht: een bestaande map, of een nieuwe in een bestaande map; snw maakt er één niveau bij, zoals mkdir)"),
		    dir, parent);
	} else {
		say(_("de map %s kan niet gemaakt worden: %s"), dir, strerror(errno));
	}
	return EXIT_CANTCREAT;
}

static int
cmd_export(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "table", required_argument, NULL, 't' },
		{ "excel", no_argument, NULL, 'x' },
		{ 0 },
	};
	struct export_args a = { .opts = { .dir = ".", .out = stdout, .err = stderr } };
	struct stat st;
	struct db *db;
	int i = parse_opts(argc, argv, longopts, take_export, &a), status;

	if (i < 0)
		return EXIT_USAGE;
	if (i < argc)
		return usage_error(_("%s: onverwacht argument '%s'"), argv[0], argv[i]);
	if (a.table && !(a.opts.table = entity_find(a.table)))
		return unknown_table("export", a.table);
	if (stat(a.opts.dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		say(_("%s is geen map (verwacht: een map voor de CSV-bestanden)"), a.opts.dir);
		return EXIT_CANTCREAT;
	}
	if ((status = open_db(c, &db)) != 0)
		return status;
	if ((status = export_dir(a.opts.dir, db)) == 0)
		status = export_tables(db, &a.opts);
	db_close(db);
	return status;
}

/* --- report, minutes --- */

struct doc_args {
	struct report_opts opts;
	const char *format, *out, *today;
};

static void
take_doc(int opt, const char *arg, void *data)
{
	struct doc_args *a = data;

	switch (opt) {
	case 'd': a->opts.domain = arg; break;
	case 's': a->opts.since = arg; break;
	case 'f': a->format = arg; break;
	case 'o': a->out = arg; break;
	case 't': a->today = arg; break;
	default: break;
	}
}

static const struct option doc_longopts[] = {
	{ "domain", required_argument, NULL, 'd' },
	{ "since", required_argument, NULL, 's' },
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "today", required_argument, NULL, 't' },
	{ 0 },
};

/* Checks what the document options say: the format, today (--today, else
 * $SNW_TODAY, else the calendar). Returns 0 or EXIT_USAGE after saying
 * why. */
static int
doc_check(const char *cmd, struct doc_args *a, char today[11])
{
	if (a->format && !doc_format_parse(a->format, &a->opts.format))
		return usage_error(_("%s: --format '%s' is onbekend (verwacht: text, md of html)"), cmd, a->format);
	if (a->today) {
		if (!date_parse(a->today, DATE_POINT, today))
			return usage_error(_("%s: --today '%s' is geen datum (verwacht: een datum zoals 15-2-2024)"),
					   cmd, a->today);
	} else {
		date_today(today);
	}
	if (a->out && !*a->out)
		return usage_error(_("%s: -o heeft een bestandsnaam nodig"), cmd);
	a->opts.today = today;
	a->opts.width = 78;
	return 0;
}

/* Writes a document to -o FILE or stdout: into a temporary file beside
 * FILE that takes its place only when the whole document is written, so
 * a failure never leaves half a briefing to be mailed. */
static int
doc_run(struct ctx *c, const char *cmd, struct doc_args *a, const char *date)
{
	char err[1024], tmp[PATH_MAX + 16];
	FILE *fp = stdout;
	struct db *db;
	int status, rc;

	if ((status = open_db(c, &db)) != 0)
		return status;
	if (a->out) {
		if (!(fp = output_open_beside(db, a->out, tmp, sizeof(tmp)))) {
			say(_("%s kan niet geschreven worden: %s"), a->out, strerror(errno));
			db_close(db);
			return EXIT_CANTCREAT;
		}
	}
	rc = date ? minutes_write(db, date, &a->opts, fp, err, sizeof(err))
		  : report_write(db, &a->opts, fp, err, sizeof(err));
	if (a->out) {
		if (fclose(fp) != 0 && rc == 0) {
			snprintf(err, sizeof(err), _("%s kan niet geschreven worden: %s"), a->out, strerror(errno));
			rc = -1;
		}
		if (rc == 0 && rename(tmp, a->out) < 0) {
			snprintf(err, sizeof(err), _("%s kan niet geschreven worden: %s"), a->out, strerror(errno));
			rc = -1;
		}
		if (rc != 0)
			unlink(tmp);
	} else if (fflush(stdout) != 0 && rc == 0) {
		snprintf(err, sizeof(err), _("de uitvoer kan niet geschreven worden: %s"), strerror(errno));
		rc = -1;
	}
	if (rc != 0) {
		say("%s: %s", cmd, err);
		status = rc == REPORT_NOT_FOUND ? EXIT_USAGE : EXIT_IOERR;
	}
	db_close(db);
	return status;
}

static int
cmd_report(struct ctx *c, int argc, char **argv)
{
	struct doc_args a = { .opts = { .format = DOC_TEXT } };
	char today[11];
	int i = parse_short_opts(argc, argv, "o:", doc_longopts, take_doc, &a), status;

	if (i < 0)
		return EXIT_USAGE;
	if (i < argc)
		return usage_error(_("%s: onverwacht argument '%s'"), argv[0], argv[i]);
	if ((status = doc_check("report", &a, today)) != 0)
		return status;
	return doc_run(c, "report", &a, NULL);
}

static int
cmd_minutes(struct ctx *c, int argc, char **argv)
{
	struct doc_args a = { .opts = { .format = DOC_TEXT } };
	char today[11];
	int i = parse_short_opts(argc, argv, "o:", doc_longopts, take_doc, &a), status;

	if (i < 0)
		return EXIT_USAGE;
	if (i >= argc)
		return usage_error("%s", _("minutes: geen DATUM (verwacht: de datum van een vergadering, zoals 21-12-2023)"));
	if (i + 1 < argc)
		return usage_error(_("%s: onverwacht argument '%s'"), argv[0], argv[i + 1]);
	if (a.opts.domain || a.opts.since)
		return usage_error("%s", _("minutes: --domain en --since horen bij report"));
	if ((status = doc_check("minutes", &a, today)) != 0)
		return status;
	return doc_run(c, "minutes", &a, argv[i]);
}

/* --- log --- */

struct log_args {
	const char *limit, *since, *domain, *table;
};

static void
take_log(int opt, const char *arg, void *data)
{
	struct log_args *a = data;

	if (opt == 'l')
		a->limit = arg;
	else if (opt == 's')
		a->since = arg;
	else if (opt == 'd')
		a->domain = arg;
	else if (opt == 't')
		a->table = arg;
}

static int
cmd_log(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "since", required_argument, NULL, 's' },
		{ "domain", required_argument, NULL, 'd' },
		{ "table", required_argument, NULL, 't' },
		{ 0 },
	};
	struct log_args a = { 0 };
	struct log_query q = { .limit = 50 };
	char since[11], *end;
	struct db *db;
	int i = parse_opts(argc, argv, longopts, take_log, &a), status, rc;

	if (i < 0)
		return EXIT_USAGE;
	if (i < argc)
		return usage_error(_("%s: onverwacht argument '%s'"), argv[0], argv[i]);
	if (a.limit) {
		q.limit = strtol(a.limit, &end, 10);
		if (*end || q.limit <= 0)
			return usage_error(_("log: --limit '%s' is geen positief getal (verwacht: een aantal zoals 50)"), a.limit);
	}
	if (a.since) {
		if (!date_parse(a.since, DATE_POINT, since))
			return usage_error(_("log: --since '%s' is geen datum (verwacht: een datum zoals 25-1-2024)"), a.since);
		q.since = since;
	}
	if (a.table && !(q.table = entity_find(a.table)))
		return unknown_table("log", a.table);
	if ((status = open_db(c, &db)) != 0)
		return status;
	if (a.domain && (rc = report_find_domain(db, a.domain, &q.domein_id)) <= 0) {
		if (rc < 0) {
			say_result(db_result(db));
			status = EXIT_IOERR;
		} else {
			struct problem unknown;
			char msg[FIELD_ERR_MAX];

			problem_set(&unknown, PROB_UNKNOWN_DOMAIN, NULL, NULL, a.domain);
			status = usage_error("%s: %s", argv[0], problem_text(&unknown, false, msg, sizeof(msg)));
		}
		db_close(db);
		return status;
	}
	if (log_write(db, &q, stdout) < 0) {
		say_result(db_result(db));
		status = EXIT_IOERR;
	}
	db_close(db);
	return status;
}

/* --- dashboard --- */

static int
cmd_dashboard(struct ctx *c)
{
	struct ui_options opts = { .readonly_reason_flag = c->readonly };
	struct db *db;
	int status;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		say("%s", _("het dashboard heeft een terminal nodig (snw --help toont de opdrachten)"));
		return EXIT_USAGE;
	}
	if ((status = open_db(c, &db)) != 0)
		return status;
	status = ui_run(db, &opts);
	db_close(db);
	return status;
}

static const struct command {
	const char *name;
	int (*run)(struct ctx *c, int argc, char **argv);
} commands[] = {
	{ "init", cmd_init },
	{ "import", cmd_import },
	{ "export", cmd_export },
	{ "report", cmd_report },
	{ "minutes", cmd_minutes },
	{ "log", cmd_log },
};

int
main(int argc, char **argv)
{
	struct ctx c = { .readonly = false };
	const char *db_arg = NULL;
	int i;

	i18n_init();
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else if (strcmp(a, "--db") == 0) {
			if (++i >= argc)
				return usage_error("%s", _("--db heeft een PAD nodig"));
			db_arg = argv[i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			db_arg = a + 5;
		} else if (strcmp(a, "--read-only") == 0) {
			c.readonly = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(_(usage_text), stdout);
			return 0;
		} else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			printf("snw %s\n", SNW_VERSION);
			return 0;
		} else {
			return usage_error(_("onbekende optie '%s'"), a);
		}
	}
	if (db_arg && !*db_arg)
		return usage_error("%s", _("--db heeft een PAD nodig"));
	c.explicit_db = db_arg || (getenv("SNW_DB") && *getenv("SNW_DB"));
	if (db_arg)
		snprintf(c.db_path, sizeof(c.db_path), "%s", db_arg);
	else if (default_db_path(c.db_path, sizeof(c.db_path)) < 0)
		return usage_error("%s", _("geen database: geef --db PAD, of zet SNW_DB of HOME"));

	if (i >= argc)
		return cmd_dashboard(&c);
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (strcmp(argv[i], commands[k].name) == 0)
			return commands[k].run(&c, argc - i, argv + i);
	return usage_error(_("onbekende opdracht '%s'"), argv[i]);
}
