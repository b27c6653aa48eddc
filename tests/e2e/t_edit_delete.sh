# Deleting a meeting takes its decisions and actions along after a
# question that names them; u brings everything back. In an open meeting
# a adds a decision; space marks an action done.
expect_status 0 "$SNW" init
tm_start 80 24 "SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/8"
tm_keys 7; tm_wait "rij 1/8"
tm_keys j j j j; tm_wait "rij 5/8"; tm_wait "4 jul 2023"
tm_keys d; tm_wait "Vergadering verwijderen (met 5 besluiten, 17 acties)"
tm_keys n; tm_wait "niet verwijderd"
tm_keys d; tm_wait "j = ja, n = nee"
tm_keys j; tm_wait "Vergadering verwijderd (met 5 besluiten, 17 acties)"
tm_wait "rij 5/7"
expect_status 0 "$SNW" export --dir .
for f in vergaderingen besluiten acties; do
	! grep -q '^2023-07-04' $f.csv || die "$f.csv still has rows of the meeting"
done
tm_keys u; tm_wait "Ongedaan gemaakt: vergadering verwijderd"
tm_wait "rij 5/8"
expect_status 0 "$SNW" export --dir .
contains vergaderingen.csv "2023-07-04"
[ "$(grep -c '^2023-07-04' besluiten.csv)" -eq 5 ] || die "decisions not back"
[ "$(grep -c '^2023-07-04' acties.csv)" -eq 17 ] || die "actions not back"

# the open meeting: a asks besluit or actie; the decision is added to it
tm_keys Enter; tm_wait "besluit 1/5"
tm_keys a; tm_wait "b = besluit, a = actie"
tm_keys b; tm_wait "Nieuw besluit — vergadering 4 jul 2023"
tm_keys -l "Het AB stemt in met de coöperatie."
tm_keys C-s; tm_wait "Besluit toegevoegd"
tm_wait "besluit 6/6"
expect_status 0 "$SNW" export --dir . --table besluiten
contains besluiten.csv "2023-07-04,,Het AB stemt in met de coöperatie."
# space on an action toggles it: the first one is done, the second open
tm_keys Down; tm_wait "actie 1/17"
tm_keys Space; tm_wait "Actie weer open"
tm_keys Down; tm_wait "actie 2/17"
tm_keys Space; tm_wait "Actie gedaan"
tm_keys u; tm_wait "Ongedaan gemaakt: actie gedaan"
tm_keys q
tm_wait "[exit 0]"
