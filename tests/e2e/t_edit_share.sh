# Two processes on one database: an import from a second terminal shows
# on the open dashboard within two seconds without a key press; saving a
# form on an entry the import changed shows both versions and lets the
# user choose. --read-only changes nothing and says why.
expect_status 0 "$SNW" init
tm_start 80 24 "SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/8"
tm_keys 2; tm_wait "6 actielijnen"
printf 'domein,titel,status\nVEILIG,Buurtvaders in elke wijk,lopend\n' >new.csv
expect_status 0 "$SNW" import --table actielijnen new.csv
tm_wait "7 actielijnen" 2
tm_wait "Buurtvaders in elke wijk" 1

# the conflict: the form is open while the import changes the same entry
tm_keys G; tm_wait "rij 7/7"
tm_keys e; tm_wait "Actielijn wijzigen"
title="Wijkrechtspraak in Nieuw-West"
tm_wait "$title"
tm_keys Tab Tab Tab; tm_keys -l "Procesmanager"
printf 'domein,titel,trekker,status\nVEILIG,"%s",Directeur,gestopt\n' "$title" >theirs.csv
expect_status 0 "$SNW" import --table actielijnen theirs.csv
tm_keys C-s
tm_wait "Conflict"; tm_wait "Hun versie (opgeslagen)"
tm_wait "● Procesmanager"; tm_wait "● Directeur"
tm_keys s; tm_wait "Actielijn gewijzigd"
expect_status 0 "$SNW" export --dir . --table actielijnen
# The import had no toelichting column, so the toelichting stayed.
contains actielijnen.csv "$title,Q1: verkenningsgesprekken en ontwerp sessies. Q4 start wijkrechter.,Procesmanager,gestopt"
tm_keys q
tm_wait "[exit 0]"
tm_stop
TMUX_SOCK="$T/tmux2.sock"	# a fresh server: the old one may still be going away

tm_start 80 24 "SNW_DB=$SNW_DB $SNW --read-only"
tm_wait "alleen lezen"
tm_keys 8; tm_wait "rij 1/"
tm_keys a; tm_wait "alleen lezen: geopend met --read-only"
tm_keys Escape; tm_keys Space; tm_wait "alleen lezen: geopend met --read-only"
tm_keys q
tm_wait "[exit 0]"
