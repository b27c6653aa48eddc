# Wijzigingen (9) in tmux at 80x24: nothing since the last AB meeting
# after snw init; an import by another process shows as a change; a
# toggle with Space shows as done and undo takes it back; Enter shows the
# entry in its view; f takes a date; a resize keeps it whole; the log
# names the toggle a toggle.
export SNW_TODAY=2024-02-15
expect_status 0 "$SNW" init
tm_start 80 24 "SNW_TODAY=2024-02-15 SNW_DB=$SNW_DB $SNW"
tm_wait "0 Overzicht"
tm_wait "(geen status vastgelegd)"
tm_keys 9
tm_wait "Wijzigingen sinds de laatste AB-vergadering, 25 jan 2024: 0"
tm_wait "Niets gewijzigd sinds die datum."
# Another process imports: the view follows.
printf '%s\n' 'domein,titel,status' 'Veiligheid,Wijkrechtspraak in Nieuw-West,lopend' >status.csv
expect_status 0 "$SNW" import --table actielijnen status.csv
tm_wait "25 jan 2024: 1" 8
tm_wait "Veiligheid"
tm_wait "gewijzigd   actielijn “Wijkrechtspraak in Nieuw-West”"
tm_wait "Status: onbekend → lopend"
# Space in Acties: a toggle.
tm_keys 8; tm_wait "open eerst, deadline"
tm_keys Space; tm_wait "gedaan"
tm_keys 9; tm_wait "25 jan 2024: 2"
tm_wait "Zonder domein: vergaderingen, besluiten, acties"
expect_status 0 "$SNW" log --limit 1
contains "$T/out" "wissel    actie"
# Enter on the action: Acties, with it selected.
tm_keys j; tm_wait "wijziging 2/2"
tm_keys Enter; tm_wait "open eerst, deadline"
# Undo: the toggle is no change any more.
tm_keys u; tm_wait "Ongedaan gemaakt"
tm_keys 9; tm_wait "25 jan 2024: 1"
# Since a date typed after f.
tm_keys f; tm_wait "Wijzigingen sinds (datum, leeg = laatste AB-vergadering):"
tm_keys -l "1 januari 2099"; tm_keys Enter
tm_wait "Wijzigingen sinds 1 jan 2099: 0"
tm resize-window -t t -x 120 -y 40
tm_wait "Wijzigingen sinds 1 jan 2099: 0 (f = andere datum)"
tm resize-window -t t -x 80 -y 24
tm_keys f; tm_wait "2099-01-01▏"
tm_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace Enter
tm_wait "25 jan 2024: 1"
tm_keys q
tm_wait "[exit 0]"
