# kill -9 at any moment of a large import leaves the database intact
# (PRAGMA integrity_check = ok) holding either all of the import or none
# of it. A 200,000-row import is timed once, then killed early, in the
# middle, late and at about its end (commit, checkpoint), each time on a
# fresh copy of the database. The kill points are times, so where exactly
# they land varies from run to run; every outcome must pass.
# Under `make check-valgrind` the big imports run the plain binary
# ($SNW_REAL): memcheck would make them take minutes.
bin=${SNW_REAL:-$SNW}
rows=200000
expect_status 0 "$SNW" --db base.db init
old=$(sqlite3 base.db "SELECT count(*) FROM actielijnen")
awk -v n=$rows 'BEGIN {
	print "domein,titel,toelichting,trekker,status,start,eind"
	for (i = 0; i < n; i++)
		printf "WONEN,Actielijn %d,Toelichting bij regel %d,Trekker %d,lopend,Q1 2024,31-12-2024\n", i, i, i % 97
}' > big.csv

now() { date +%s.%N; }
# check DB WHEN: intact, and all of the import or none of it.
check() {
	[ "$(sqlite3 "$1" "PRAGMA integrity_check")" = ok ] || die "$2: integrity_check failed"
	# A large import drops the key index until its end: it is back.
	[ "$(sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE name = 'actielijnen_sleutel'")" = 1 ] ||
		die "$2: the key index of actielijnen is gone"
	n=$(sqlite3 "$1" "SELECT count(*) FROM actielijnen")
	[ "$n" -eq "$old" ] || [ "$n" -eq $((old + rows)) ] ||
		die "$2: $n actielijnen, expected $old (none) or $((old + rows)) (all)"
	echo "$2: $n actielijnen"
}

cp base.db full.db
t0=$(now)
expect_status 0 "$bin" --db full.db import --table actielijnen big.csv
took=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { print b - a }')
check full.db "complete import (${took}s)"

for frac in 0.05 0.5 0.9 1.0; do
	rm -f k.db k.db-wal k.db-shm
	cp base.db k.db
	"$bin" --db k.db import --table actielijnen big.csv >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v t="$took" -v f="$frac" 'BEGIN { print t * f }')"
	if kill -9 "$pid" 2>/dev/null; then when="killed at ${frac}"; else when="finished before ${frac}"; fi
	wait "$pid" 2>/dev/null || true
	check k.db "$when"
done
# snw itself opens the last one afterwards and writes to it.
printf 'domein,titel\nWONEN,Na de crash\n' > na.csv
expect_status 0 "$bin" --db k.db import --table actielijnen na.csv
contains "$T/out" "1 toegevoegd"
