#!/bin/sh
# Runs every end-to-end test (tests/e2e/t_*.sh) against the built binary.
# Each test is a shell script that gets $SNW (the binary), $SNW_DATADIR,
# $T (a fresh temporary directory) and the helpers in lib.sh; it exits
# non-zero and prints why when it fails; a part it cannot run here it
# skips with a line "skipped: WHAT: WHY", shown under its "ok".
#   sh tests/e2e/run.sh [t_name.sh ...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${SNW:?set SNW to the built binary}"
export SNW SNW_DATADIR
pass=0 fail=0 failed=""
tests=${*:-$(cd "$here" && ls t_*.sh)}
for t in $tests; do
	T=$(mktemp -d "${TMPDIR:-/tmp}/snw-e2e.XXXXXX")
	export T
	if (cd "$T" && . "$here/lib.sh" && . "$here/$t") >"$T/.log" 2>&1; then
		pass=$((pass + 1))
		echo "ok   $t"
		# What a test could not check on this system, it says plainly.
		grep '^skipped: ' "$T/.log" | sed 's/^/     | /' || true
		rm -rf "$T"
	else
		fail=$((fail + 1))
		failed="$failed $t"
		echo "FAIL $t (kept $T)"
		sed 's/^/     | /' "$T/.log" | tail -n 40
	fi
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
