#!/bin/sh
# The layers of snw, lowest first, and what each may use:
#
#   core   text, dates, the entity tables       libc only
#   store  the database                         core; the only home of sqlite3.h
#   model  what the views and reports read      core, store
#   tui    the dashboard                        core, store, model; curses only in
#                                               src/tui/screen.c (everything else,
#                                               the edit forms too, draws into a grid)
#   cli    the commands (main, import, export)  everything; the only home of libcsv
#
# A file belongs to the layer of its folder (src/LAYER/... or
# include/LAYER/...). This check fails when a file includes a header of a
# higher layer, or uses a library outside the layer that owns it, or when
# SQL text appears outside store and model.
#   sh tests/layers.sh [ROOT]      (ROOT: the source tree, default .)
set -u
root=${1:-.}
cd "$root" || exit 2

rank() {
	case $1 in
	core) echo 0 ;; store) echo 1 ;; model) echo 2 ;; tui) echo 3 ;; cli) echo 4 ;; *) echo 9 ;;
	esac
}
layer_of() {
	echo "$1" | sed -n 's#^\(src\|include\)/\([a-z]*\)/.*#\2#p'
}

bad=0
complain() { echo "layers: $*" >&2; bad=1; }

files=$(find src include -name '*.[ch]' | sort)
[ -n "$files" ] || { echo "layers: no sources under $root" >&2; exit 2; }
for f in $files; do
	layer=$(layer_of "$f")
	[ -n "$layer" ] || { complain "$f is in no layer (expected src/LAYER/ or include/LAYER/)"; continue; }
	r=$(rank "$layer")
	[ "$r" != 9 ] || { complain "$f: unknown layer '$layer'"; continue; }
	# Project headers: "LAYER/name.h" may only point down (or sideways).
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" | while IFS= read -r line; do
		inc=$(echo "$line" | sed 's/.*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/')
		to=${inc%%/*}
		[ "$to" = "$inc" ] && continue		# a private header next to the file
		tr=$(rank "$to")
		if [ "$tr" = 9 ]; then
			echo "layers: $f:${line%%:*}: includes \"$inc\" of no known layer" >&2
			echo x
		elif [ "$tr" -gt "$r" ]; then
			echo "layers: $f:${line%%:*}: $layer includes \"$inc\" of the higher layer $to" >&2
			echo x
		fi
	done | grep -q x && bad=1
	# Libraries and their owners.
	lib_owner() {	# lib_owner PATTERN LAYER WHAT
		if [ "$layer" != "$2" ] && grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*<($1)>" "$f" >/dev/null; then
			complain "$f: includes $3 outside src/$2/"
		fi
	}
	lib_owner 'sqlite3\.h' store "sqlite3.h"
	if [ "$f" != src/tui/screen.c ] &&
	   grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(n?curses\.h|ncursesw/[a-z]+\.h|form\.h|menu\.h|panel\.h|term\.h)>' "$f" >/dev/null; then
		complain "$f: includes curses outside src/tui/screen.c"
	fi
	lib_owner 'csv\.h' cli "libcsv (csv.h)"
done

# SQL text lives in store and model only. A string literal that starts a
# statement (SELECT, INSERT, UPDATE ... SET, DELETE FROM, CREATE, PRAGMA)
# anywhere else is a violation.
sql='"[[:space:]]*(SELECT|INSERT[[:space:]]+(OR[[:space:]]+[A-Z]+[[:space:]]+)?INTO|UPDATE[[:space:]]+[a-z_]+[[:space:]]+SET|DELETE[[:space:]]+FROM|CREATE[[:space:]]+(TABLE|INDEX|UNIQUE|TRIGGER|VIEW)|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT)[[:space:]]'
# The same for the statement API (db_prepare, rowset_load, list specs).
stmt='(db_prepare|db_step|db_exec|rowset_load)[[:space:]]*\(|struct[[:space:]]+list_spec[[:space:]]'
for f in $(find src -name '*.[ch]' ! -path 'src/store/*' ! -path 'src/model/*' | sort); do
	grep -nE "$sql|$stmt" "$f" | while IFS= read -r line; do
		echo "layers: $f:${line%%:*}: SQL outside store and model" >&2
		echo x
	done | grep -q x && bad=1
done

[ "$bad" = 0 ] && echo "check-layers: core < store < model < tui < cli, libraries in their layers (curses in screen.c), SQL in store and model"
exit "$bad"
