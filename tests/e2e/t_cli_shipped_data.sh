# A first run at the default location creates the database from the
# shipped data; the report and the export show the programme's real
# content. (A database named with --db or $SNW_DB is never created
# unasked: t_cli_db_missing.sh.)
unset SNW_DB
export XDG_DATA_HOME="$T/data"
db="$XDG_DATA_HOME/snw/snw.db"
expect_status 0 "$SNW" report
contains "$T/err" "$db wordt gemaakt met de meegeleverde gegevens"
[ -f "$db" ] || die "no database created"
# Only the owner may read or write it.
perm=$(stat -c %a "$db")
[ "$perm" = 600 ] || die "database mode $perm, expected 600"
contains "$T/out" "Eigenaarschap, Inclusie en Democratie (EID, domein)"
contains "$T/out" "Motto: Van, voor, met en door bewoners"
contains "$T/out" "Wonen en Leefomgeving"
contains "$T/out" "Wijkrechtspraak in Nieuw-West"
contains "$T/out" "Community Wealth Building"
expect_status 0 "$SNW" report --domain veilig
contains "$T/out" "Veiligheid (VEILIG"
lacks "$T/out" "Wonen en Leefomgeving (WONEN"
expect_status 64 "$SNW" report --domain nergens
contains "$T/err" "onbekend domein 'nergens'"
[ ! -s "$T/out" ] || die "an unknown domain printed a report's title"

# Export gives back exactly the shipped files.
mkdir exported
expect_status 0 "$SNW" export --dir exported
for f in "$SNW_DATADIR"/*.csv; do
	cmp "$f" "exported/$(basename "$f")" || die "export of $(basename "$f") differs from the shipped file"
done

# init refuses to overwrite.
expect_status 73 "$SNW" init
contains "$T/err" "$db bestaat al"
