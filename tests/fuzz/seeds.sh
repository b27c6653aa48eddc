#!/bin/sh
# Builds the fuzzer's seed corpus in $1: every shipped and test CSV file,
# prefixed with the byte that selects its table in fuzz_import.c
# (entities[] order: domeinen vergaderingen successen actielijnen
# planning besluiten acties).
set -eu
out=$1
mkdir -p "$out"
index() {
	case $(basename "$1" .csv) in
	domeinen*) echo 0 ;; vergaderingen*) echo 1 ;; successen*) echo 2 ;;
	actielijnen*) echo 3 ;; planning*) echo 4 ;; besluiten*) echo 5 ;; acties*) echo 6 ;;
	*) echo 3 ;;
	esac
}
for f in data/*.csv tests/fuzz/seeds/*.csv; do
	[ -f "$f" ] || continue
	i=$(index "$f")
	name=$(echo "$f" | tr '/' '_')
	{ printf "\\$(printf %03o "$i")"; cat "$f"; } > "$out/$name"
done
