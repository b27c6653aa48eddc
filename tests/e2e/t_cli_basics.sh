# The command line as a new user meets it: help, version, usage errors
# and the sysexits statuses.
# Dutch by default (lib.sh runs everything under LC_ALL=C.UTF-8), also
# with no locale at all; English when the locale or LANGUAGE asks for it,
# installed or not.
expect_status 0 "$SNW" --help
contains "$T/out" "gebruik: snw"
contains "$T/out" "import [--table NAAM] [--dry-run] [--replace] BESTAND..."
expect_status 0 env -u LC_ALL -u LANG -u LANGUAGE "$SNW" --help
contains "$T/out" "gebruik: snw"
expect_status 0 env LC_ALL=POSIX "$SNW" --help
contains "$T/out" "gebruik: snw"
expect_status 0 env LANGUAGE=en "$SNW" --help
contains "$T/out" "usage: snw"
contains "$T/out" "import [--table NAME] [--dry-run] [--replace] FILE..."
expect_status 0 env -u LC_ALL LANG=en_US.UTF-8 "$SNW" --help
contains "$T/out" "usage: snw"
expect_status 0 env LANGUAGE=nl:en "$SNW" --help
contains "$T/out" "gebruik: snw"
expect_status 0 "$SNW" --version
contains "$T/out" "snw "
expect_status 64 "$SNW" frobnicate
contains "$T/err" "onbekende opdracht 'frobnicate'"
expect_status 64 "$SNW" --bogus
expect_status 64 "$SNW" import
contains "$T/err" "geen BESTAND gegeven"
expect_status 64 "$SNW" export --table nope
expect_status 0 "$SNW" init
expect_status 66 "$SNW" import "$T/missing/actielijnen.csv"
contains "$T/err" "kan niet gelezen worden"
# Without a terminal the dashboard says so instead of drawing garbage.
expect_status 64 "$SNW" </dev/null
contains "$T/err" "heeft een terminal nodig"
