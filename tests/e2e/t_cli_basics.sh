# The command line as a new user meets it: help, version, usage errors
# and the sysexits statuses.
expect_status 0 "$SNW" --help
contains "$T/out" "usage: snw"
contains "$T/out" "import [--table NAME] [--dry-run] [--replace] FILE..."
expect_status 0 "$SNW" --version
contains "$T/out" "snw "
expect_status 64 "$SNW" frobnicate
contains "$T/err" "unknown command 'frobnicate'"
expect_status 64 "$SNW" --bogus
expect_status 64 "$SNW" import
contains "$T/err" "no FILE given"
expect_status 64 "$SNW" export --table nope
expect_status 66 "$SNW" import "$T/missing/actielijnen.csv"
contains "$T/err" "cannot read"
# Without a terminal the dashboard says so instead of drawing garbage.
expect_status 64 "$SNW" </dev/null
contains "$T/err" "needs a terminal"
