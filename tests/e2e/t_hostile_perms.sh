# Permissions: a database snw creates, its -wal and -shm files and the
# directories it creates give others nothing, whatever the umask. In a
# setgid directory (how a group shares one, see snw(1)) two people with
# different logins work on the same database.
bin=${SNW_REAL:-$SNW}

# A 200,000-row import, killed as soon as its -wal and -shm files exist
# (snw creates them when it opens the database, before it reads the
# file), leaves them behind to look at.
awk 'BEGIN { print "domein,titel"; for (i = 0; i < 200000; i++) printf "WONEN,Regel %d\n", i }' > actielijnen.csv
# leave_wal DB [RUN-AS...]: runs such an import into DB and kills it.
leave_wal() {
	db=$1; shift
	"$@" "$bin" --db "$db" import actielijnen.csv >/dev/null 2>&1 &
	pid=$!
	i=0
	while { [ ! -f "$db-wal" ] || [ ! -f "$db-shm" ]; } && [ $i -lt 1000 ]; do sleep 0.005; i=$((i + 1)); done
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	[ -f "$db-wal" ] && [ -f "$db-shm" ] || die "no -wal/-shm files to look at"
}
mode() { stat -c %a "$1"; }

# umask 000: snw still gives others nothing. (The directories of a
# database named with --db are the user's to make: snw makes only those of
# the default location, below.)
mkdir -p sub/dir
(umask 000; exec "$bin" --db "$T/sub/dir/snw.db" init >/dev/null) || die "init failed"
[ "$(mode sub/dir/snw.db)" = 600 ] || die "database has mode $(mode sub/dir/snw.db), expected 600"
leave_wal sub/dir/snw.db sh -c 'umask 000; exec "$@"' umask
for f in sub/dir/snw.db-wal sub/dir/snw.db-shm; do
	[ "$(mode $f)" = 600 ] || die "$f has mode $(mode $f), expected 600"
done
[ "$(sqlite3 sub/dir/snw.db 'PRAGMA integrity_check')" = ok ] || die "integrity"

# The same for the default location under $XDG_DATA_HOME, whose
# directories snw makes.
(umask 000; unset SNW_DB; XDG_DATA_HOME="$T/xdg/share" exec "$bin" report >/dev/null 2>&1) || die "report failed"
[ "$(mode xdg/share)" = 700 ] || die "xdg/share has mode $(mode xdg/share), expected 700"
[ "$(mode xdg/share/snw)" = 700 ] || die "xdg/share/snw has mode $(mode xdg/share/snw), expected 700"
[ "$(mode xdg/share/snw/snw.db)" = 600 ] || die "xdg/share/snw/snw.db has mode $(mode xdg/share/snw/snw.db)"

# Exported files: never looser than the database, whatever the umask (a
# umask of 000 made them 0666).
(umask 000; exec "$bin" --db sub/dir/snw.db export --dir "$T/uit" >/dev/null) || die "export failed"
[ "$(mode uit)" = 700 ] || die "export made a directory of mode $(mode uit)"
for f in uit/*.csv; do
	[ "$(mode "$f")" = 600 ] || die "$f has mode $(mode "$f"), expected 600"
done
# The documents too (report -o, minutes -o were 0666 under umask 000).
(umask 000; exec "$bin" --db sub/dir/snw.db report --format html -o "$T/uit/briefing.html") || die "report -o failed"
(umask 000; exec "$bin" --db sub/dir/snw.db minutes 21-12-2023 -o "$T/uit/notulen.md") || die "minutes -o failed"
for f in uit/briefing.html uit/notulen.md; do
	[ "$(mode "$f")" = 600 ] || die "$f has mode $(mode "$f"), expected 600"
done
ls -A uit | grep -q '^\.' && die "a temporary file was left in uit: $(ls -A uit)"

# Viewing a read-only (chmod 444) database: SQLite made its -shm file with
# the database's mode, 0444, and every writer after chmod 600 failed on it
# ("attempt to write a readonly database"), while others could read the
# -wal and -shm. root may write anything, so as root this runs as another
# login (61001; 61002 and 61003 are for the sharing below).
if [ "$(id -u)" != 0 ]; then
	logins=none
	mkdir ro
	me() { sh -c 'umask 022; exec "$@"' as "$@"; }
elif other_logins "the read-only database and sharing through a group" 61001 61002 61003; then
	logins=yes
	mkdir ro && chown 61001 ro
	me() { setpriv --reuid=61001 --regid=61001 --clear-groups sh -c 'umask 022; exec "$@"' as "$@"; }
else
	logins=no
fi
if [ "$logins" != no ]; then
	chmod 644 actielijnen.csv
	me "$bin" --db ro/snw.db init >/dev/null || die "init in ro failed"
	me chmod 444 ro/snw.db
	me "$bin" --db ro/snw.db report >/dev/null || die "viewing a 0444 database failed"
	for f in ro/snw.db-wal ro/snw.db-shm; do
		[ ! -e "$f" ] || [ "$(mode $f)" = 644 ] || die "viewing left $f with mode $(mode $f), expected 644"
	done
	me chmod 600 ro/snw.db
	printf 'domein,titel\nWONEN,Na chmod 600\n' > na.csv; chmod 644 na.csv
	me "$bin" --db ro/snw.db import --table actielijnen na.csv >/dev/null 2>err.txt ||
		die "a writer after chmod 600 failed: $(cat err.txt)"
	for f in ro/snw.db-wal ro/snw.db-shm; do
		[ ! -e "$f" ] || [ "$(mode $f)" = 600 ] || die "$f has mode $(mode $f) beside a 0600 database"
	done
fi

# A group's shared directory: setgid, group rwx, umask 007. Needs root
# to play two logins (uids 61001 and 61002, both in group "users") and
# one outside the group (61003).
gid=$(getent group users | cut -d: -f3)
[ -n "$gid" ] || { echo "skipped: sharing through a group: this system has no group 'users'"; exit 0; }
[ "$logins" = yes ] || { [ "$logins" = no ] || echo "skipped: sharing through a group: needs root to play other logins"; exit 0; }
mkdir shared && chgrp users shared && chmod 2770 shared
chmod 644 actielijnen.csv
director() { setpriv --reuid=61001 --regid=61001 --groups="$gid" sh -c 'umask 007; exec "$@"' as "$@"; }
procesmanager() { setpriv --reuid=61002 --regid=61002 --groups="$gid" sh -c 'umask 007; exec "$@"' as "$@"; }

director "$bin" --db shared/snw.db init >/dev/null || die "the director cannot create the database"
[ "$(stat -c '%a %G' shared/snw.db)" = "660 users" ] ||
	die "shared database: $(stat -c '%a %G' shared/snw.db), expected 660 users"
printf 'domein,titel\nWONEN,Van de procesmanager\n' > pm.csv; chmod 644 pm.csv
procesmanager "$bin" --db shared/snw.db import --table actielijnen pm.csv >/dev/null ||
	die "the procesmanager cannot import into the shared database"
director "$bin" --db shared/snw.db report --domain wonen > report.txt || die "the director cannot read it"
contains report.txt "Van de procesmanager"
# The procesmanager's crashed import leaves -wal/-shm files; the director
# recovers them and goes on.
leave_wal shared/snw.db procesmanager
for f in shared/snw.db-wal shared/snw.db-shm; do
	[ "$(stat -c '%a %G' $f)" = "660 users" ] || die "$f: $(stat -c '%a %G' $f), expected 660 users"
done
printf 'domein,titel\nWONEN,Van de directeur\n' > dir.csv; chmod 644 dir.csv
director "$bin" --db shared/snw.db import --table actielijnen dir.csv >/dev/null ||
	die "the director cannot write after the procesmanager's crash"
procesmanager "$bin" --db shared/snw.db report --domain wonen > report.txt || die "the procesmanager cannot read"
contains report.txt "Van de directeur"
contains report.txt "Van de procesmanager"
n=$(sqlite3 shared/snw.db "SELECT count(*) FROM actielijnen WHERE titel LIKE 'Regel %'")
[ "$n" -eq 0 ] || [ "$n" -eq 200000 ] || die "the killed import left $n of its rows"
# Others get nothing.
if setpriv --reuid=61003 --regid=61003 --clear-groups "$bin" --db shared/snw.db report >/dev/null 2>&1; then
	die "a user outside the group could read the shared database"
fi
