#!/bin/sh
# Writes the documents of the shipped data with a fixed today, as the
# golden files in tests/golden/ hold them: the report (with what changed
# since the last AB meeting) and the besluitenlijst of 21 december 2023,
# each as text, Markdown and HTML. `make golden` writes them into
# tests/golden/; t_cli_report.sh writes them elsewhere and compares.
#   sh tests/golden/make.sh SNW DATADIR OUTDIR
set -eu
bin=$1 data=$2 out=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/snw-golden.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SNW_DB="$work/snw.db" SNW_DATADIR="$data" LC_ALL=C.UTF-8
unset LANGUAGE LANG LC_MESSAGES SNW_TODAY
"$bin" init >/dev/null
for f in text md html; do
	ext=$f; [ "$f" = text ] && ext=txt
	"$bin" report --today 2024-02-15 --since last-ab --format "$f" -o "$out/report.$ext"
	"$bin" minutes 21-12-2023 --today 2024-02-15 --format "$f" -o "$out/minutes-2023-12-21.$ext"
done
