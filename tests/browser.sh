#!/bin/sh
# make check-browser: the HTML documents as a real browser shows and
# prints them. Writes the report and the besluitenlijst of 21 december
# 2023 of the shipped data (fixed today), renders each with headless
# Chromium to PNG (the screen) and PDF (A4, the print style sheet), and
# fails when the browser fails, logs an error of the page (a console
# message, a resource it could not load) or writes nothing. The files
# stay in OUTDIR to look at.
#   sh tests/browser.sh SNW DATADIR OUTDIR
set -eu
bin=$1 data=$2 out=$3
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "check-browser: no chromium" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/snw-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SNW_DB="$work/snw.db" SNW_DATADIR="$data" LC_ALL=C.UTF-8
unset LANGUAGE SNW_TODAY
"$bin" init >/dev/null
"$bin" report --today 2024-02-15 --since last-ab --format html -o "$out/report.html"
"$bin" minutes 21-12-2023 --today 2024-02-15 --format html -o "$out/minutes-2023-12-21.html"

# Headless, offline, a new empty profile each run; the page's console
# and network errors go to stderr.
run() {	# run NAME WHAT-ARGS...
	name=$1; shift
	profile=$(mktemp -d "$work/profile.XXXXXX")
	if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" --enable-logging=stderr --v=0 "$@" >"$out/$name.log" 2>&1; then
		cat "$out/$name.log" >&2
		echo "check-browser: chromium failed on $name" >&2
		exit 1
	fi
	# The page's own errors, not the machine's (no D-Bus, no GPU here).
	if grep -E 'CONSOLE|Uncaught|net::ERR_|Failed to load|Refused to|Not allowed to load' "$out/$name.log" >&2; then
		echo "check-browser: the browser reported an error of the page ($out/$name.log)" >&2
		exit 1
	fi
}
for doc in report minutes-2023-12-21; do
	run "$doc-png" --window-size=1280,2000 --hide-scrollbars --screenshot="$out/$doc.png" "file://$out/$doc.html"
	run "$doc-pdf" --no-pdf-header-footer --print-to-pdf="$out/$doc.pdf" "file://$out/$doc.html"
	for f in "$out/$doc.png" "$out/$doc.pdf"; do
		[ -s "$f" ] || { echo "check-browser: chromium wrote no $f" >&2; exit 1; }
	done
	# The page tree's count (the largest /Count), and every page A4
	# (595 x 842 points).
	pages=$(grep -ao '/Count [0-9]*' "$out/$doc.pdf" | awk '$2 > n { n = $2 } END { print n + 0 }')
	if grep -ao '/MediaBox *\[[^]]*\]' "$out/$doc.pdf" | grep -qv '0 0 59[45][.0-9]* 84[12]'; then
		echo "check-browser: $doc.pdf has a page that is not A4" >&2
		exit 1
	fi
	echo "check-browser: $doc.html -> $doc.png ($(wc -c <"$out/$doc.png") bytes), $doc.pdf ($pages A4 pages)"
done
