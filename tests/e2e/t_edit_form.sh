# Editing as a user does it, in tmux at 80x24: add an actielijn through
# the form (UTF-8, a quarter as the start date, two lines of
# toelichting), find it with snw export, undo it, redo it; then edit it
# and see the history.
expect_status 0 "$SNW" init
tm_start 80 24 "SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/8"
tm_keys 1; tm_wait "rij 1/4"
tm_keys a; tm_wait "Nieuwe actielijn"; tm_wait "◂ gepland ▸"
tm_keys -l "Coöperatie creëren"
tm_keys Tab Tab; tm_wait "Enter begint een nieuwe regel"
tm_keys -l "Eerste regel"; tm_keys Enter; tm_keys -l "Tweede regel"
tm_keys Tab; tm_keys -l "Emre Ünver"
tm_keys Tab Tab; tm_wait "Q2 2024"		# the start field's hint
tm_keys -l "Q2 2024"
tm_keys C-s
tm_wait "Actielijn toegevoegd"
tm_wait "rij 1/5"
expect_status 0 "$SNW" export --dir . --table actielijnen
contains actielijnen.csv "Coöperatie creëren,\"Eerste regel"
contains actielijnen.csv "Tweede regel\",Emre Ünver,gepland,2024-04-01,"

# undo takes it away, Ctrl-R brings it back
tm_keys u; tm_wait "Ongedaan gemaakt: actielijn toegevoegd"
tm_wait "rij 1/4"
expect_status 0 "$SNW" export --dir . --table actielijnen
lacks actielijnen.csv "Coöperatie creëren"
tm_keys C-r; tm_wait "Opnieuw gedaan: actielijn toegevoegd"
expect_status 0 "$SNW" export --dir . --table actielijnen
contains actielijnen.csv "Coöperatie creëren"

# edit it: the status is chosen with Right; F2 saves too
tm_keys g; tm_wait "rij 1/5"
tm_keys e; tm_wait "Actielijn wijzigen"
tm_keys Tab Tab Tab Tab Right; tm_wait "◂ lopend ▸"
tm_keys F2; tm_wait "Actielijn gewijzigd"
tm_wait "laatst gewijzigd:"
expect_status 0 "$SNW" export --dir . --table actielijnen
contains actielijnen.csv "Emre Ünver,lopend,2024-04-01,"
expect_status 0 "$SNW" log --limit 5
contains "$T/out" "form"
contains "$T/out" "Status: gepland -> lopend"

# an invalid form is never saved; Esc asks before throwing typing away
tm_keys a; tm_wait "Nieuwe actielijn"
tm_keys -l "Zonder goede datum"; tm_keys Tab Tab Tab Tab Tab; tm_keys -l "voorjaar"
tm_keys C-s; tm_wait "is geen datum"
tm_keys Escape; tm_wait "Wijzigingen weggooien?"
tm_keys j; tm_wait "niet opgeslagen"
expect_status 0 "$SNW" export --dir . --table actielijnen
lacks actielijnen.csv "Zonder goede datum"
tm_keys q
tm_wait "[exit 0]"
