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
	"  report [--domain NAAM]                 statusrapport op stdout\n"
	"  log [--limit N]                        de geschiedenis van wijzigingen, nieuwste eerst (standaard 50)\n"
	"\n"
	"opties:\n"
	"  --db PAD       het databasebestand (standaard $SNW_DB, anders\n"
	"                 $XDG_DATA_HOME/snw/snw.db, dus ~/.local/share/snw/snw.db)\n"
	"  --read-only    open de database alleen om te bekijken\n"
	"  -h, --help     deze hulp\n"
	"  -V, --version  toon de versie\n"
	"\n"
	"Zie snw(1) voor de CSV-formaten en de toetsen van het dashboard.\n");

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

/* Says what was wrong with the command line; returns EXIT_USAGE. */
static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	fputs("(snw --help lists the commands and options)\n", stderr);
	return EXIT_USAGE;
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

/* Creates the directories above path (mode 0700, like other user data). */
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

/* Loads the shipped CSV files into a new database. */
static int
load_shipped(struct db *db, bool quiet)
{
	char dir[PATH_MAX], paths[8][PATH_MAX + 32];
	char *files[8];
	struct import_opts opts = { .quiet = quiet, .out = stdout, .err = stderr };

	if (find_datadir(dir, sizeof(dir)) < 0) {
		say("cannot find the shipped data (domeinen.csv, ...): set SNW_DATADIR");
		return EXIT_NOINPUT;
	}
	for (int i = 0; i < entity_count; i++) {
		snprintf(paths[i], sizeof(paths[i]), "%s/%s.csv", dir, entities[i]->name);
		files[i] = paths[i];
	}
	return import_files(db, files, entity_count, &opts, NULL);
}

/* Creates a database at path; with_data loads the shipped data into it.
 * On failure nothing is left behind. */
static int
create_db(const char *path, bool with_data, bool quiet, struct db **out)
{
	char err[512];
	int status;

	if (make_parents(path) < 0) {
		say("cannot create the directory for %s: %s", path, strerror(errno));
		return EXIT_CANTCREAT;
	}
	if (db_create(path, out, err, sizeof(err)) < 0) {
		say("%s", err);
		return EXIT_CANTCREAT;
	}
	if (!with_data || (status = load_shipped(*out, quiet)) == 0)
		return 0;
	db_close(*out);
	*out = NULL;
	for (const char *suffix = ""; suffix; suffix = *suffix ? (strcmp(suffix, "-wal") == 0 ? "-shm" : NULL) : "-wal") {
		char p[PATH_MAX + 8];

		snprintf(p, sizeof(p), "%s%s", path, suffix);
		unlink(p);
	}
	return status;
}

/* Opens the database for a command; a file that does not exist yet is
 * created from the shipped data first. */
static int
open_db(const struct ctx *c, struct db **out)
{
	char err[1024];

	if (access(c->db_path, F_OK) != 0) {
		if (c->readonly) {
			say("%s does not exist (run snw init first)", c->db_path);
			return EXIT_NOINPUT;
		}
		say("creating %s from the shipped data", c->db_path);
		return create_db(c->db_path, true, true, out);
	}
	if (db_open(c->db_path, c->readonly, out, err, sizeof(err)) < 0) {
		/* Not errno: SQLite leaves ENOENT behind from its own probing. */
		int missing = access(c->db_path, F_OK) != 0;

		say("%s", err);
		return missing ? EXIT_NOINPUT : EXIT_IOERR;
	}
	return 0;
}

/* Parses a subcommand's options; returns the index of the first operand
 * or -1 after a usage error. */
static int
parse_opts(int argc, char **argv, const struct option *longopts,
	   void (*take)(int opt, const char *arg, void *data), void *data)
{
	int opt;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (opt == '?') {
			usage_error("%s: unknown option or missing value", argv[optind - 1]);
			return -1;
		}
		take(opt, optarg, data);
	}
	return optind;
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
	bool empty = false;
	struct db *db;
	int i = parse_opts(argc, argv, longopts, take_init, &empty), status;

	if (i < 0)
		return EXIT_USAGE;
	if (i < argc)
		return usage_error("init: unexpected argument '%s'", argv[i]);
	if (c->readonly)
		return usage_error("%s", "init: cannot create a database with --read-only");
	if (access(c->db_path, F_OK) == 0) {
		say("%s already exists (remove it first, or choose another --db)", c->db_path);
		return EXIT_CANTCREAT;
	}
	status = create_db(c->db_path, !empty, false, &db);
	if (status == 0) {
		printf("created %s%s\n", c->db_path, empty ? " (empty)" : "");
		db_close(db);
	}
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
		return usage_error("%s", "import: no FILE given");
	if (a.table && !(a.opts.table = entity_find(a.table)))
		return usage_error("import: unknown table '%s' (expected domeinen, successen, actielijnen, planning, vergaderingen, besluiten or acties)", a.table);
	if (c->readonly && !a.opts.dry_run)
		return usage_error("%s", "import: the database is opened with --read-only (use --dry-run to check files)");
	if ((status = open_db(c, &db)) != 0)
		return status;
	if (db_readonly(db) && a.opts.dry_run) {
		/* A dry run writes and rolls back: on a database the user may
		 * only read, it does so in a copy. */
		struct db *copy;

		if (db_copy_to_memory(db, &copy) < 0) {
			say("%s", db_errmsg(db));
			db_close(db);
			return EXIT_IOERR;
		}
		db_close(db);
		db = copy;
	}
	if (db_readonly(db) && !a.opts.dry_run) {
		say("%s is read-only for you; nothing was imported", c->db_path);
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
		return usage_error("export: unexpected argument '%s'", argv[i]);
	if (a.table && !(a.opts.table = entity_find(a.table)))
		return usage_error("export: unknown table '%s' (expected domeinen, successen, actielijnen, planning, vergaderingen, besluiten or acties)", a.table);
	if (stat(a.opts.dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		say("%s is not a directory", a.opts.dir);
		return EXIT_CANTCREAT;
	}
	if ((status = open_db(c, &db)) != 0)
		return status;
	status = export_tables(db, &a.opts);
	db_close(db);
	return status;
}

/* --- report --- */

static void
take_report(int opt, const char *arg, void *data)
{
	if (opt == 'd')
		*(const char **)data = arg;
}

static int
cmd_report(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = { { "domain", required_argument, NULL, 'd' }, { 0 } };
	const char *domain = NULL;
	char err[512];
	struct db *db;
	int i = parse_opts(argc, argv, longopts, take_report, &domain), status;

	if (i < 0)
		return EXIT_USAGE;
	if (i < argc)
		return usage_error("report: unexpected argument '%s'", argv[i]);
	if ((status = open_db(c, &db)) != 0)
		return status;
	if (report_write(db, domain, 78, stdout, err, sizeof(err)) < 0) {
		say("%s", err);
		status = domain ? EXIT_USAGE : EXIT_IOERR;
	}
	db_close(db);
	return status;
}

/* --- log --- */

static void
take_log(int opt, const char *arg, void *data)
{
	if (opt == 'l')
		*(const char **)data = arg;
}

static int
cmd_log(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = { { "limit", required_argument, NULL, 'l' }, { 0 } };
	const char *limit_arg = NULL;
	long limit = 50;
	char *end;
	struct db *db;
	int i = parse_opts(argc, argv, longopts, take_log, &limit_arg), status;

	if (i < 0)
		return EXIT_USAGE;
	if (i < argc)
		return usage_error("log: unexpected argument '%s'", argv[i]);
	if (limit_arg) {
		limit = strtol(limit_arg, &end, 10);
		if (*end || limit <= 0)
			return usage_error("log: --limit '%s' is not a positive number", limit_arg);
	}
	if ((status = open_db(c, &db)) != 0)
		return status;
	if (history_print(db, limit, stdout) < 0) {
		say("%s", db_errmsg(db));
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
		say("the dashboard needs a terminal (see snw --help for the commands)");
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
				return usage_error("%s", "--db needs a PATH");
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
			return usage_error("unknown option '%s'", a);
		}
	}
	if (db_arg && !*db_arg)
		return usage_error("%s", "--db needs a PATH");
	if (db_arg)
		snprintf(c.db_path, sizeof(c.db_path), "%s", db_arg);
	else if (default_db_path(c.db_path, sizeof(c.db_path)) < 0)
		return usage_error("%s", "no database: give --db PATH or set SNW_DB or HOME");

	if (i >= argc)
		return cmd_dashboard(&c);
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (strcmp(argv[i], commands[k].name) == 0)
			return commands[k].run(&c, argc - i, argv + i);
	return usage_error("unknown command '%s'", argv[i]);
}
