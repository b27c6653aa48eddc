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
contains "$T/out" "Eigenaarschap, Inclusie en Democratie (EID)"
contains "$T/out" "Motto: Van, voor, met en door bewoners"
contains "$T/out" "Wonen en Leefomgeving"
contains "$T/out" "Wijkrechtspraak in Nieuw-West"
contains "$T/out" "Community Wealth Building"
expect_status 0 "$SNW" report --domain veilig
contains "$T/out" "Veiligheid (VEILIG)"
lacks "$T/out" "Wonen en Leefomgeving (WONEN)"
expect_status 64 "$SNW" report --domain nergens
contains "$T/err" "onbekend domein 'nergens'"
[ ! -s "$T/out" ] || die "an unknown domain printed a report's title"

# Every table holds what the shipped files hold, and every row says
# where it comes from.
for t in domeinen:8 vergaderingen:8 successen:31 actielijnen:46 planning:47 besluiten:56 acties:66; do
	n=$(sqlite3 "$db" "SELECT count(*) FROM ${t%:*}")
	[ "$n" = "${t#*:}" ] || die "${t%:*}: $n rows, expected ${t#*:}"
	n=$(sqlite3 "$db" "SELECT count(*) FROM ${t%:*} WHERE trim(ifnull(bron, '')) = ''")
	[ "$n" = 0 ] || die "${t%:*}: $n rows without a bron"
done
[ "$(sqlite3 "$db" "SELECT count(*) FROM actielijnen WHERE groep IS NOT NULL")" = 19 ] ||
	die "not every grouped actielijn has its groep"
# The actions of 21 December, with their owner and meeting.
[ "$(sqlite3 "$db" "SELECT count(*) FROM acties a JOIN vergaderingen v ON v.id = a.vergadering_id
	WHERE v.datum = '2023-12-21'")" = 12 ] || die "not the 12 actions of 21 December"
spot() {	# spot ACTIE-START EIGENAAR BRON: an action of 21 December
	got=$(sqlite3 "$db" "SELECT ifnull(a.eigenaar, '') || '|' || a.bron FROM acties a
		JOIN vergaderingen v ON v.id = a.vergadering_id
		WHERE v.datum = '2023-12-21' AND a.actie LIKE '$1%'")
	[ "$got" = "$2|$3" ] || die "action '$1' of 21 December: '$got', expected '$2|$3'"
}
spot "11 januari nieuwjaarsreceptie" "Frank" "AB 21-12-2023, agendapunt 1"
spot "Rutger maakt een korte raadsbrief" "Rutger" "AB 21-12-2023, agendapunt 3"
spot "Secretaris AB stuurt de oratie" "Secretaris AB" "AB 21-12-2023, agendapunt 7"
spot "In gesprek met gemeente over de financiën" "opgaveteam EID" "AB 21-12-2023, agendapunt 5"
spot "Oproep 3 leden alliantiebestuur" "" "AB 21-12-2023, agendapunt 7"
# The data's peildatum is known to the database; the report says it, and
# shows where entries come from and the groepen of the slides.
[ "$(sqlite3 "$db" "SELECT waarde FROM gegevens WHERE sleutel = 'peildatum'")" = 2024-01-25 ] ||
	die "the shipped data's peildatum is not recorded"
expect_status 0 "$SNW" report --domain veilig
contains "$T/out" "Gegevens van 25 jan 2024"
contains "$T/out" "  Bron: Terugblik & vooruitblik 25-1-2024, Veiligheid"
contains "$T/out" "Jaar van de concrete casussen"	# a heading above its actielijnen
contains "$T/out" "Klein beginnen, groot leren"

# Export gives back exactly the shipped files, byte for byte.
mkdir exported
expect_status 0 "$SNW" export --dir exported
for f in "$SNW_DATADIR"/*.csv; do
	cmp "$f" "exported/$(basename "$f")" || die "export of $(basename "$f") differs from the shipped file"
done

# A file without bron leaves the sources alone; one with it changes a
# source, which the history records like any change, and the data's
# date becomes the day of that change.
printf 'vergadering,actie,eigenaar\n2023-12-21,11 januari nieuwjaarsreceptie Nieuw-West: Frank stuurt uitnodiging door.,Frank van Erkel\n' >acties.csv
expect_status 0 "$SNW" import acties.csv
[ "$(sqlite3 "$db" "SELECT eigenaar || '|' || bron FROM acties WHERE actie LIKE '11 januari%'")" = \
	"Frank van Erkel|AB 21-12-2023, agendapunt 1" ] || die "an import without bron changed a bron"
printf 'vergadering,actie,bron\n2023-12-21,11 januari nieuwjaarsreceptie Nieuw-West: Frank stuurt uitnodiging door.,"AB 21-12-2023, agendapunt 1 (Wvttk)"\n' >acties.csv
expect_status 0 "$SNW" import acties.csv
expect_status 0 "$SNW" log --limit 1
contains "$T/out" "Bron: AB 21-12-2023, agendapunt 1 -> AB 21-12-2023, agendapunt 1 (Wvttk)"
expect_status 0 "$SNW" report --domain veilig
month=$(echo "jan feb mrt apr mei jun jul aug sep okt nov dec" | cut -d' ' -f"$(date '+%-m')")
contains "$T/out" "Gegevens van $(date '+%-d') $month $(date '+%Y')"

# init refuses to overwrite.
expect_status 73 "$SNW" init
contains "$T/err" "$db bestaat al"
