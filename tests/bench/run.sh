#!/bin/sh
# make bench: how fast snw is, never part of `make test` (a shared machine
# is too noisy for timing assertions: this reports, it does not fail on a
# slow figure; it fails only when something does not work).
#
#   1. Import: `snw import` against the sqlite3 shell's `.import` of the
#      same generated Excel-NL file, alternating runs, best of each; ratio =
#      sqlite3 time / snw time. Two targets, as decided for the project:
#        - under the same guarantees (a WAL database, so readers go on
#          during the import, and a unique index on the natural key, so an
#          import again cannot double the rows): snw at least 1.2 times as
#          fast (ratio >= 1.2);
#        - against the plain .import (rollback journal, no key, no checks,
#          a seven-column table): at least half as fast (ratio >= 0.5).
#      For reference, also .import into WAL without the index. Instructions
#      (callgrind) at 100,000 rows for snw and both targets: the whole
#      import process of each, after an untimed set-up (snw init --empty +
#      the domains; CREATE TABLE).
#   2. Dashboard at 1,000,000 actielijnen (tests/bench/bench_ui.c): the
#      real drawing path on an off-screen ncurses screen.
#   3. The table goes into README.md between <!-- bench:start --> and
#      <!-- bench:end --> (the ## Performance section).
#
# Environment:
#   BENCH_QUICK=1       100,000 rows only (a few minutes instead of ~10)
#   BENCH_RUNS=N        import runs per side and size (default 3)
#   BENCH_REPS=N        repetitions of each dashboard figure (default 10)
#   BENCH_CALLGRIND=0   skip the instruction counts (the slowest part)
#   BENCH_UI=0          skip the dashboard (import figures only)
#   BENCH_README=0|1    write README.md or not (default: only after a
#                       complete run at 1,000,000 rows)
#   BENCH_DIR=DIR       work in DIR and keep it (default: a temp dir, removed)
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
BUILD=${BUILD:-build}
MAKE=${MAKE:-make}
QUICK=${BENCH_QUICK:-0}
RUNS=${BENCH_RUNS:-3}
REPS=${BENCH_REPS:-10}
CALLGRIND=${BENCH_CALLGRIND:-1}
UI=${BENCH_UI:-1}
if [ "$QUICK" = 1 ] || [ "$UI" = 0 ]; then README_UPDATE=${BENCH_README:-0}; else README_UPDATE=${BENCH_README:-1}; fi
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# The revision measured (others may commit while this runs).
REV=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src include 2>/dev/null || REV="$REV+local changes"
$MAKE --no-print-directory BUILD="$BUILD" all "$BUILD/bench/gen" "$BUILD/bench/timeit" "$BUILD/bench/bench_ui"
SNW=$ROOT/$BUILD/snw
GEN=$ROOT/$BUILD/bench/gen
TIMEIT=$ROOT/$BUILD/bench/timeit
BENCH_UI=$ROOT/$BUILD/bench/bench_ui

command -v sqlite3 >/dev/null || { echo "bench: the sqlite3 shell is needed (apt-get install sqlite3)" >&2; exit 1; }
if [ "$CALLGRIND" != 0 ] && ! command -v valgrind >/dev/null; then
	echo "bench: valgrind is not installed: no instruction counts" >&2
	CALLGRIND=0
fi

if [ -n "${BENCH_DIR:-}" ]; then
	T=$BENCH_DIR
	mkdir -p "$T"
else
	T=$(mktemp -d "${TMPDIR:-/tmp}/snw-bench.XXXXXX")
	trap 'rm -rf "$T"' EXIT
	trap 'exit 130' INT TERM
fi
export LC_ALL=C.UTF-8
unset SNW_DB NO_COLOR

if [ "$QUICK" = 1 ]; then SIZES=100000; else SIZES="100000 1000000"; fi
BIG=$(echo $SIZES | awk '{ print $NF }')

# thousands: 1000000 -> 1,000,000
th() { echo "$1" | sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/; ta'; }

# --- data --------------------------------------------------------------------
# Each file is called actielijnen.csv (snw picks the table from the name).
for n in $SIZES; do
	mkdir -p "$T/$n"
	echo "bench: generating $(th "$n") actielijnen"
	"$GEN" "$n" "$T/$n/actielijnen.csv"
done

# The sqlite3 shell must know .import --skip (3.32 and later).
printf 'h\r\n1\r\n' >"$T/skip.csv"
if [ "$(printf 'CREATE TABLE t(a);\n.mode csv\n.import --skip 1 %s t\nSELECT count(*) FROM t;\n' "$T/skip.csv" |
	sqlite3 ':memory:' 2>/dev/null | tail -1)" != 1 ]; then
	echo "bench: sqlite3 $(sqlite3 --version | cut -d' ' -f1) has no .import --skip (need 3.32 or later)" >&2
	exit 1
fi

# Untimed set-up of each side: a fresh database, and the disk writes the
# run before left in the page cache written out first (sync), so that no
# run pays for another's.
snw_setup() {
	rm -f "$1" "$1-wal" "$1-shm" "$1-journal"
	"$SNW" --db "$1" init --empty >/dev/null
	"$SNW" --db "$1" import data/domeinen.csv >/dev/null
	sync
}
# The target's sqlite3 side: rollback journal, no index. With a second
# argument, a reference under snw's guarantees as well: "wal" (readers go
# on during the import) or "key" (WAL and a unique natural key, so that an
# import again is refused instead of doubling every row). snw's new
# database files have 16 KB pages; the references get them too.
sqlite_setup() {
	rm -f "$1" "$1-wal" "$1-shm" "$1-journal"
	case ${2:-sqlite} in
	sqlite) sqlite3 "$1" 'CREATE TABLE actielijnen(domein,titel,toelichting,trekker,status,start,eind);' ;;
	wal) sqlite3 "$1" 'PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;
		CREATE TABLE actielijnen(domein,titel,toelichting,trekker,status,start,eind);' >/dev/null ;;
	key) sqlite3 "$1" 'PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;
		CREATE TABLE actielijnen(domein,titel,toelichting,trekker,status,start,eind);
		CREATE UNIQUE INDEX actielijnen_sleutel ON actielijnen(domein, titel);' >/dev/null ;;
	esac
	sync
}
# The import command of the sqlite3 side, on standard input.
sqlite_script() {
	printf '.bail on\n.mode csv\n.separator ;\n.import --skip 1 %s actielijnen\n' "$1"
}
count() { sqlite3 "$1" 'SELECT count(*) FROM actielijnen;'; }
best() { sort -n "$1" | head -1 | cut -d' ' -f1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# --- import: alternating timed runs ------------------------------------------
for n in $SIZES; do
	f=$T/$n/actielijnen.csv
	: >"$T/snw.$n" && : >"$T/sqlite.$n" && : >"$T/wal.$n" && : >"$T/key.$n"
	sqlite_script "$f" >"$T/import.sql"
	i=1
	while [ "$i" -le "$RUNS" ]; do
		echo "bench: import $(th "$n") rows, run $i of $RUNS"
		snw_setup "$T/snw.db"
		"$TIMEIT" "$T/snw.$n" "$SNW" --db "$T/snw.db" import "$f" >/dev/null
		sqlite_setup "$T/sqlite.db"
		"$TIMEIT" "$T/sqlite.$n" sqlite3 "$T/sqlite.db" <"$T/import.sql"
		i=$((i + 1))
	done
	# The references after the pairs: their heavy writes (the unique
	# index in WAL writes for ten seconds at a million rows) would
	# otherwise still be reaching the disk during the next pair.
	for mode in wal key; do
		i=1
		while [ "$i" -le "$RUNS" ]; do
			echo "bench: reference, sqlite3 .import ($mode) of $(th "$n") rows, run $i of $RUNS"
			sqlite_setup "$T/$mode.db" "$mode"
			"$TIMEIT" "$T/$mode.$n" sqlite3 "$T/$mode.db" <"$T/import.sql"
			i=$((i + 1))
		done
	done
	for db in snw sqlite wal key; do
		got=$(count "$T/$db.db")
		[ "$got" = "$n" ] || { echo "bench: $db imported $got rows of $n" >&2; exit 1; }
	done
	if [ "$n" = "$BIG" ]; then	# the last snw database is the dashboard's
		for x in "" -wal -shm; do
			if [ -f "$T/snw.db$x" ]; then mv "$T/snw.db$x" "$T/dashboard.db$x"; fi
		done
	fi
done

# --- import: instructions at 100,000 rows ------------------------------------
if [ "$CALLGRIND" != 0 ]; then
	f=$T/100000/actielijnen.csv
	echo "bench: callgrind, snw import of 100,000 rows (a few minutes)"
	snw_setup "$T/cg-snw.db"
	valgrind -q --tool=callgrind --callgrind-out-file="$T/callgrind.snw" \
		"$SNW" --db "$T/cg-snw.db" import "$f" >/dev/null
	sqlite_script "$f" >"$T/import.sql"
	for mode in sqlite key; do
		echo "bench: callgrind, sqlite3 .import ($mode) of 100,000 rows"
		sqlite_setup "$T/cg-$mode.db" "$mode"
		valgrind -q --tool=callgrind --callgrind-out-file="$T/callgrind.$mode" \
			sqlite3 "$T/cg-$mode.db" <"$T/import.sql"
	done
	ir() { awk '/^(summary|totals):/ { print $2; exit }' "$1"; }
	IR_SNW=$(ir "$T/callgrind.snw")
	IR_SQLITE=$(ir "$T/callgrind.sqlite")
	IR_KEY=$(ir "$T/callgrind.key")
	if [ -n "${BENCH_DIR:-}" ]; then
		echo "bench: profiles kept in $T/callgrind.snw and $T/callgrind.sqlite (callgrind_annotate --inclusive=yes)"
	fi
fi

# --- dashboard -----------------------------------------------------------------
if [ "$UI" != 0 ]; then
	echo "bench: dashboard on $(th "$BIG") actielijnen"
	"$BENCH_UI" "$T/dashboard.db" "$REPS" >"$T/ui.txt"
else
	: >"$T/ui.txt"
fi

# --- report ----------------------------------------------------------------------
# fig NAME: "p50 p99" of a dashboard figure, in ms.
fig() { awk -v n="$1" '$1 == n { print $3, $4 }' "$T/ui.txt"; }
# ok VALUE OP LIMIT: "ok" or "MISSED"
ok() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { r = op == "<" ? v < l : v >= l; print r ? "ok" : "MISSED" }'; }

CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
[ -n "$CPU" ] || CPU=$(uname -m)
MACHINE="${CPU}, nproc $(nproc), load average $LOAD at the start, $(uname -sr), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
WHEN=$(date '+%Y-%m-%d %H:%M %Z')

# Rows of the table: figure | result | target | verdict.
: >"$T/rows"
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >>"$T/rows"; }

for n in $SIZES; do
	s=$(best "$T/snw.$n") k=$(best "$T/key.$n") r=$(ratio "$(best "$T/key.$n")" "$(best "$T/snw.$n")")
	rss=$(sort -k4 -n "$T/snw.$n" | tail -1 | awk '{ printf "%.0f", $4 / 1024 }')
	row "import $(th "$n") rows, same guarantees (WAL, unique key): sqlite3 / snw (best of $RUNS)" "${k} s / ${s} s = **${r}** (snw peak RSS ${rss} MB)" "≥ 1.2" "$(ok "$r" '>=' 1.2)"
	q=$(best "$T/sqlite.$n") r=$(ratio "$(best "$T/sqlite.$n")" "$(best "$T/snw.$n")")
	row "import $(th "$n") rows, plain .import (no WAL, no key, no checks): sqlite3 / snw" "${q} s / ${s} s = **${r}**" "≥ 0.5" "$(ok "$r" '>=' 0.5)"
done
# A reference between the two (no target; after the table).
: >"$T/refs"
for n in $SIZES; do
	s=$(best "$T/snw.$n") q=$(best "$T/wal.$n")
	printf -- '- import %s rows, sqlite3 .import into a WAL database (readers go on during the import), no index: %s s; sqlite3 / snw = %s\n' \
		"$(th "$n")" "$q" "$(ratio "$q" "$s")" >>"$T/refs"
done
if [ "$CALLGRIND" != 0 ]; then
	r=$(ratio "$IR_KEY" "$IR_SNW")
	row "import 100,000 rows, instructions, same guarantees: sqlite3 / snw" "$(th "$IR_KEY") / $(th "$IR_SNW") = **${r}**" "≥ 1.2" "$(ok "$r" '>=' 1.2)"
	r=$(ratio "$IR_SQLITE" "$IR_SNW")
	row "import 100,000 rows, instructions, plain .import: sqlite3 / snw" "$(th "$IR_SQLITE") / $(th "$IR_SNW") = **${r}**" "≥ 0.5" "$(ok "$r" '>=' 0.5)"
fi
uirow() {	# name label target_ms
	set -- "$1" "$2" "$3" $(fig "$1")
	row "$2 (p50 / p99)" "$4 / $5 ms" "< $3 ms" "$(ok "$5" '<' "$3")"
}
if [ "$UI" != 0 ]; then
	uirow first_frame "dashboard: first complete frame" 100
	uirow scroll_step "dashboard: scroll step (Down)" 5
	uirow end "dashboard: End in a domain's list" 50
	uirow search "dashboard: search" 300
	RSS=$(awk '$1 == "peak_rss_kb" { printf "%.1f", $2 / 1024 }' "$T/ui.txt")
	row "dashboard: peak RSS" "$RSS MB" "< 50 MB" "$(ok "$RSS" '<' 50)"
fi

: >"$T/more"
more() { set -- "$1" "$2" $(fig "$1"); if [ $# -ge 4 ]; then printf -- '- %s: p50 %s ms, p99 %s ms\n' "$2" "$3" "$4" >>"$T/more"; fi; }
more overview_load "overview queries after a change (counts per domain and status)"
more overview_redraw "redraw of the overview, nothing changed"
more open_domain "opening a domain (count, first rows, detail)"
more page_step "page step (PgDn)"
more home "Home in a domain's list"
more search_frequent "search, frequent word (stops at $(th 1000) hits)"
more search_owner "search, an owner's name"
more search_unique "search, one title (scans every row)"
more search_none "search, no hit (scans every row)"
more view_overview "switching to the overview"
more view_planning "switching to planning (Gantt)"
more view_meetings "switching to meetings"
more view_actions "switching to action items"

{
	echo "Measured $WHEN on $MACHINE; snw $REV; dashboard on $(th "$BIG") actielijnen at 160×48."
	echo
	echo "| Figure | Result | Target | |"
	echo "|---|---|---|---|"
	cat "$T/rows"
	echo
	if [ -s "$T/refs" ]; then
		echo "For reference, sqlite3's .import of the same file with only one of the two guarantees (best of $RUNS, no target):"
		echo
		cat "$T/refs"
		echo
	fi
	if [ -s "$T/more" ]; then
		echo "Also measured (no target):"
		echo
		cat "$T/more"
		echo
	fi
	echo "Reproduce: \`make bench\` (about 10 minutes; \`BENCH_QUICK=1 make bench\`: 100,000 rows only)."
} >"$T/table.md"

echo
echo "=== snw benchmark ==="
awk -F' [|] ' '/^\|/ && !/^\|---/ && !/Figure/ { sub(/^\| /, ""); sub(/ \|$/, ""); gsub(/\*\*/, ""); printf "%-52s %-46s target %-8s %s\n", $1, $2, $3, $4 }' "$T/table.md"
sed -n 's/^- /  /p' "$T/refs" "$T/more"
echo "machine: $MACHINE"

if [ "$README_UPDATE" != 0 ]; then
	sh tests/bench/readme.sh README.md "$T/table.md"
	echo "bench: README.md Performance section updated"
else
	echo "bench: README.md left alone (a partial run; BENCH_README=1 writes it anyway)"
fi
