# A command line that never misleads (issue 14): a database named with
# --db or $SNW_DB that does not exist is an error that says how to make
# it, never a new database of the shipped data (and a report of the wrong
# data); snw makes no directories for it, init included. Arguments are
# checked before anything is printed; export makes its directory.
missing="$T/nonexistent/dir/x.db"
for cmd in report log "export --dir $T" "import $T/actielijnen.csv"; do
	# shellcheck disable=SC2086
	expect_status 66 "$SNW" --db "$missing" $cmd
	contains "$T/err" "$missing bestaat niet (verwacht: een bestaande database; maak een nieuwe met: snw --db $missing init)"
	[ ! -s "$T/out" ] || die "'$cmd' printed something for a missing database"
	[ ! -e "$T/nonexistent" ] || die "'$cmd' created directories for --db"
done
# $SNW_DB is as explicit as --db (lib.sh sets it to $T/snw.db).
expect_status 66 "$SNW" report
contains "$T/err" "$SNW_DB bestaat niet"
[ ! -e "$SNW_DB" ] || die "a missing \$SNW_DB was created"
expect_status 66 "$SNW" --read-only report
# init makes the database, not its directory.
expect_status 73 "$SNW" --db "$missing" init
contains "$T/err" "de map $T/nonexistent/dir bestaat niet"
[ ! -e "$T/nonexistent" ] || die "init created directories for --db"
mkdir -p "$T/nonexistent/dir"
expect_status 0 "$SNW" --db "$missing" init
expect_status 0 "$SNW" --db "$missing" report
contains "$T/out" "Wonen en Leefomgeving"

# A link to nothing said "File exists".
ln -s "$T/nergens.db" link.db
expect_status 73 "$SNW" --db link.db init
contains "$T/err" "link.db is een symbolische koppeling naar $T/nergens.db, en dat bestand bestaat niet"
expect_status 66 "$SNW" --db link.db report
contains "$T/err" "link.db is een symbolische koppeling naar $T/nergens.db"
[ ! -e "$T/nergens.db" ] || die "the link's target was created"

# report --domain: the error comes before any output.
expect_status 0 "$SNW" init
expect_status 64 "$SNW" report --domain nope
contains "$T/err" "onbekend domein 'nope' (verwacht: de code of naam van een domein of thema)"
[ ! -s "$T/out" ] || die "report printed its title before the error: $(cat "$T/out")"

# export --dir: a missing directory is made, one level, like mkdir.
expect_status 0 "$SNW" export --dir nieuw
contains "$T/out" "map nieuw gemaakt"
[ -f nieuw/domeinen.csv ] || die "nothing exported into the new directory"
[ "$(stat -c %a nieuw)" = 700 ] || die "export made a directory of mode $(stat -c %a nieuw) for a 0600 database"
expect_status 73 "$SNW" export --dir diep/er/in
contains "$T/err" "de map diep/er/in kan niet gemaakt worden: de map diep/er erboven bestaat niet"
[ ! -e diep ] || die "export made more than one level"
: > bestand
expect_status 73 "$SNW" export --dir bestand
contains "$T/err" "bestand is geen map"

# An empty file named as the database is not written to (SQLite made the
# schema in it before snw could say it held nothing); init fills it.
: > leeg.db
for ro in "" --read-only; do
	# shellcheck disable=SC2086
	expect_status 65 "$SNW" --db leeg.db $ro report
	contains "$T/err" "leeg.db is leeg: er staat geen database in (verwacht: een database van snw; maak er een met: snw --db leeg.db init)"
	[ ! -s leeg.db ] || die "report${ro:+ $ro} wrote $(stat -c %s leeg.db) bytes into an empty file"
done
expect_status 0 "$SNW" --db leeg.db init
expect_status 0 "$SNW" --db leeg.db report
