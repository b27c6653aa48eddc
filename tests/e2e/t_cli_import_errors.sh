# A bad spreadsheet: every error reported, exit 65, nothing written.
expect_status 0 "$SNW" init
expect_status 0 "$SNW" export --table actielijnen --dir .
before=$(cat actielijnen.csv)
printf 'domein;titel;status;start\r\nWonen en Leefomgeving;Nieuwe lijn;lopend;Q1 2024\r\nNergens;X;lopend;\r\nVeiligheid;Y;half af;32-1-2024\r\n' > bad.csv
expect_status 65 "$SNW" import --table actielijnen bad.csv
contains "$T/err" "bad.csv:3: domein: onbekend domein 'Nergens'"
contains "$T/err" "bad.csv:4: status: 'half af' is niet toegestaan"
contains "$T/err" "bad.csv:4: start: '32-1-2024' is geen datum"
contains "$T/err" "3 fouten: er is niets geïmporteerd"
expect_status 0 "$SNW" export --table actielijnen --dir .
[ "$(cat actielijnen.csv)" = "$before" ] || die "a failed import changed the database"
# --dry-run checks a good file and writes nothing.
printf 'domein;titel\r\nWONEN;Nieuwe lijn\r\n' > good.csv
expect_status 0 "$SNW" import --dry-run --table actielijnen good.csv
contains "$T/out" "1 toegevoegd"
contains "$T/out" "proefimport (--dry-run): er is niets geschreven"
expect_status 0 "$SNW" export --table actielijnen --dir .
[ "$(cat actielijnen.csv)" = "$before" ] || die "--dry-run wrote"
# Control characters in data never reach the terminal raw.
printf 'domein,titel\nWONEN,"evil \033[31m red"\n' > esc.csv
expect_status 0 "$SNW" import --table actielijnen esc.csv
expect_status 0 "$SNW" report --domain wonen
contains "$T/out" "evil ^[[31m red"
if grep -q "$(printf '\033')" "$T/out"; then die "raw ESC in report"; fi
