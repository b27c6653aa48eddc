#!/bin/sh
# Shows that tests/layers.sh catches what it is for: each case copies the
# tree, makes one deliberate violation and expects the check to fail
# naming it; the unchanged copy must pass.
#   sh tests/layers_test.sh
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/snw-layers.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0

fresh() {
	rm -rf "$T/tree" && mkdir "$T/tree" && cp -R "$src/src" "$src/include" "$T/tree/"
}
# expect_fail DESCRIPTION TEXT-IN-MESSAGE: the check fails and says TEXT.
expect_fail() {
	if sh "$src/tests/layers.sh" "$T/tree" >"$T/out" 2>&1; then
		echo "layers_test: FAIL: $1 was not caught"; fail=1
	elif ! grep -qF -- "$2" "$T/out"; then
		echo "layers_test: FAIL: $1: the message lacks '$2':"; cat "$T/out"; fail=1
	fi
}
first_c() { find "$T/tree/src/$1" -maxdepth 1 -name '*.c' | sort | head -n 1; }
prepend() { { printf '%s\n' "$2"; cat "$1"; } >"$1.new" && mv "$1.new" "$1"; }

fresh
sh "$src/tests/layers.sh" "$T/tree" >"$T/out" 2>&1 || { echo "layers_test: FAIL: the tree as it is fails:"; cat "$T/out"; fail=1; }

fresh; prepend "$(first_c core)" '#include "tui/app.h"'
expect_fail "core including the dashboard" 'core includes "tui/app.h" of the higher layer tui'
fresh; prepend "$(first_c store)" '#include "model/model.h"'
expect_fail "store including the model" 'store includes "model/model.h" of the higher layer model'
fresh; prepend "$(first_c tui)" '#include "cli/csvio.h"'
expect_fail "the dashboard including the command line" 'tui includes "cli/csvio.h" of the higher layer cli'
fresh; prepend "$(first_c model)" '#include <sqlite3.h>'
expect_fail "sqlite3.h in the model" 'includes sqlite3.h outside src/store/'
fresh; prepend "$(first_c core)" '#include <curses.h>'
expect_fail "curses in core" 'includes curses outside src/tui/screen.c'
fresh; prepend "$T/tree/src/tui/formui.c" '#include <curses.h>'
expect_fail "curses in the form" 'src/tui/formui.c: includes curses outside src/tui/screen.c'
fresh; prepend "$(first_c store)" '#include <csv.h>'
expect_fail "libcsv in the store" 'includes libcsv (csv.h) outside src/cli/'
fresh; echo 'static const char *q = "SELECT id FROM acties";' >>"$T/tree/src/tui/app.c"
expect_fail "SQL in the dashboard" 'src/tui/app.c'
fresh; echo 'static int n(struct db *db) { return db_exec(db, "x"); }' >>"$T/tree/src/core/text.c"
expect_fail "the statement API in core" 'src/core/text.c'
fresh; mkdir -p "$T/tree/src/misc" && echo 'int x;' >"$T/tree/src/misc/x.c"
expect_fail "a file in no known layer" "unknown layer 'misc'"

[ "$fail" = 0 ] && echo "layers_test: 10 deliberate violations caught, the tree as it is passes"
exit "$fail"
