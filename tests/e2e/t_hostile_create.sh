# A database is complete or absent (issue 17): the first run, init and
# every migration are all-or-nothing. $SNW_FAULT=PHASE:N makes snw kill
# itself (SIGKILL) at the N-th fault point of that phase, so each step is
# interrupted in turn, whatever the timing; afterwards snw either makes a
# complete database or finds one, never accepts an empty one.
bin=${SNW_REAL:-$SNW}
unset SNW_DB
export XDG_DATA_HOME="$T/data"
db="$XDG_DATA_HOME/snw/snw.db"
domains=$(($(wc -l < "$SNW_DATADIR/domeinen.csv") - 1))
lines=$(($(wc -l < "$SNW_DATADIR/actielijnen.csv") - 1))

# complete DB: the shipped data, marked, intact, nothing left beside it.
complete() {
	[ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ] || die "$2: integrity_check failed"
	[ "$(sqlite3 "$1" 'SELECT count(*) FROM domeinen')" = "$domains" ] || die "$2: not all domains"
	[ "$(sqlite3 "$1" 'SELECT count(*) FROM actielijnen')" = "$lines" ] || die "$2: not all actielijnen"
	[ "$(sqlite3 "$1" "SELECT count(*) FROM gegevens WHERE sleutel = 'compleet'")" = 1 ] || die "$2: not marked complete"
}

# The first run at the default location, killed at every point in turn.
n=1
while :; do
	rm -rf "$XDG_DATA_HOME"
	set +e; SNW_FAULT=create:$n "$bin" report >"$T/out" 2>"$T/err"; got=$?; set -e
	[ "$got" = 0 ] && break		# past the last point
	[ "$got" = 137 ] || { cat "$T/err"; die "create:$n exited $got, expected 137 (killed)"; }
	if [ -e "$db" ]; then
		complete "$db" "after a kill at create:$n, the database in place"
	fi
	expect_status 0 "$bin" report
	contains "$T/out" "Wonen en Leefomgeving"
	complete "$db" "create:$n, then a run"
	[ -z "$(ls -A "$XDG_DATA_HOME/snw" | grep tmp)" ] || die "create:$n left $(ls -A "$XDG_DATA_HOME/snw")"
	n=$((n + 1))
	[ $n -lt 60 ] || die "SNW_FAULT=create:N never ran out of points"
done
[ $n -gt 8 ] || die "only $((n - 1)) fault points in a first run"
echo "the first run, killed at each of its $((n - 1)) points"
complete "$db" "an uninterrupted first run"

# init at an explicit path: killed, it leaves no database (an error that
# says how to make it), or a complete one.
n=1
while :; do
	rm -f x.db x.db-wal x.db-shm .x.db.tmp-*
	set +e; SNW_FAULT=create:$n "$bin" --db x.db init >/dev/null 2>&1; got=$?; set -e
	[ "$got" = 0 ] && break
	[ "$got" = 137 ] || die "init, create:$n exited $got"
	if [ -e x.db ]; then
		complete x.db "init killed at create:$n"
	else
		expect_status 66 "$bin" --db x.db report
		contains "$T/err" "x.db bestaat niet"
		expect_status 0 "$bin" --db x.db init
		complete x.db "init after init killed at create:$n"
		[ -z "$(ls -A | grep '^\.x\.db')" ] || die "init left $(ls -A | grep '^\.x\.db')"
	fi
	n=$((n + 1))
	[ $n -lt 60 ] || die "init never ran out of fault points"
done
complete x.db "an uninterrupted init"

# Two first runs at once: both report, one database.
rm -rf "$XDG_DATA_HOME"
"$bin" report >r1.txt 2>/dev/null & p1=$!
"$bin" report >r2.txt 2>/dev/null & p2=$!
wait $p1 || die "the first of two first runs failed"
wait $p2 || die "the second of two first runs failed"
contains r1.txt "Wonen en Leefomgeving"
contains r2.txt "Wonen en Leefomgeving"
complete "$db" "two first runs at once"

# A half-made file from an older snw: the schema, no rows, no history,
# no mark. At the default location it holds nothing: snw fills it.
# Schema 4: no gegevens, and none of the columns of schema 6.
schema4="DROP TABLE gegevens; PRAGMA user_version = 4"
for t in domeinen vergaderingen successen actielijnen planning besluiten acties; do
	schema4="ALTER TABLE $t DROP COLUMN bron; $schema4"
done
schema4="ALTER TABLE actielijnen DROP COLUMN groep; $schema4"
half() {
	rm -f "$1" "$1-wal" "$1-shm"
	"$bin" --db "$1" init --empty >/dev/null
	sqlite3 "$1" "$schema4"
}
half "$db"
expect_status 0 "$bin" report
contains "$T/err" "$db is onvolledig (het maken ervan is eerder onderbroken) en wordt nu gevuld met de meegeleverde gegevens"
contains "$T/out" "Wonen en Leefomgeving"
complete "$db" "a half-made database, filled"
# Named with --db it is the user's: refused, with how to make it whole.
half old.db
expect_status 65 "$bin" --db old.db report
contains "$T/err" "old.db is onvolledig: hij bevat niets"
contains "$T/err" "vul hem met: snw --db old.db init"
[ ! -s "$T/out" ] || die "a half-made database was reported on"
expect_status 65 "$bin" --db old.db log
expect_status 0 "$bin" --db old.db init
complete old.db "a half-made database filled by init"
half old.db
expect_status 0 "$bin" --db old.db init --empty
expect_status 0 "$bin" --db old.db report
[ "$(sqlite3 old.db 'SELECT count(*) FROM domeinen')" = 0 ] || die "init --empty filled it"
# An older database with data gets the mark on its upgrade.
cp x.db withdata.db
sqlite3 withdata.db "$schema4"
expect_status 0 "$bin" --db withdata.db report
complete withdata.db "an upgraded database with data"

# A migration is all-or-nothing too: killed halfway, the file is as it
# was; the next run upgrades it.
sqlite3 v3.db < "$here/../fixtures/schema3.sql"	# $here: tests/e2e (run.sh)
cp v3.db v3.keep
set +e; SNW_FAULT=migrate:1 "$bin" --db v3.db report >/dev/null 2>&1; got=$?; set -e
[ "$got" = 137 ] || die "migrate:1 exited $got"
[ "$(sqlite3 v3.db 'PRAGMA user_version')" = 3 ] || die "a killed migration changed the schema version"
[ "$(sqlite3 v3.db 'PRAGMA integrity_check')" = ok ] || die "a killed migration damaged the file"
[ "$(sqlite3 v3.db 'SELECT count(*) FROM actielijnen')" = "$(sqlite3 v3.keep 'SELECT count(*) FROM actielijnen')" ] ||
	die "a killed migration lost actielijnen"
expect_status 0 "$bin" --db v3.db report
[ "$(sqlite3 v3.db 'PRAGMA user_version')" = "$(sqlite3 x.db 'PRAGMA user_version')" ] || die "not upgraded"
[ "$(sqlite3 v3.db "SELECT count(*) FROM gegevens WHERE sleutel = 'compleet'")" = 1 ] || die "upgraded without the mark"
