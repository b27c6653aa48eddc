# Forms that help (issue 13 item 7), in tmux at 80x24: every error at
# once, each at its field, including what the database would refuse;
# a message goes as soon as it is fixed; a reference may be typed in
# another case or without accents, or picked from its list.
expect_status 0 "$SNW" init
command -v sqlite3 >/dev/null || die "sqlite3 is needed (make test-deps)"
# tm_gone TEXT: waits until TEXT is no longer on screen.
tm_gone() {
	i=0
	while tm_screen | grep -qF -- "$1"; do
		i=$((i + 1)); [ $i -lt 50 ] || { tm_screen >&2; die "'$1' stays on the screen"; }
		sleep 0.1
	done
}
tm_start 80 24 "SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/8"

# "ontbrekende waarde" goes as the title is typed
tm_keys 1; tm_wait "rij 1/4"
tm_keys a; tm_wait "Nieuwe actielijn"
tm_keys C-s; tm_wait "ontbrekende waarde"
tm_keys -l "X"; tm_wait "Titel *      X"
tm_gone "ontbrekende waarde"
tm_keys Escape; tm_wait "Wijzigingen weggooien?"; tm_keys j; tm_wait "niet opgeslagen"

# a bad date and an unknown actielijn: both at once
tm_keys 6; tm_wait "Planning 2024"
tm_keys a; tm_wait "Nieuw planningsitem"
tm_keys -l "Mijlpaal"; tm_keys Tab; tm_keys -l "30 februari"
tm_keys Tab Tab; tm_keys -l "Bestaat niet"
tm_keys C-s; tm_wait "'30 februari' is geen datum"
# the same save shows the actielijn's error too (no second Ctrl-S is sent)
tm_wait "er is geen actielijn ‘Bestaat niet’"
tm_wait "2 velden kloppen nog niet"
tm_screen | grep -qF "'30 februari' is geen datum" || { tm_screen >&2; die "the date's error went away"; }

# fixed one by one; the actielijn typed in lower case is the real one
tm_keys C-u; tm_keys -l "1-3-2024"; tm_wait "1 veld klopt nog niet"
tm_keys Tab Tab C-u; tm_keys -l "online veiligheid"
tm_wait "Online veiligheid · VEILIG"	# its pick list offers the one it means
tm_keys Tab
tm_keys C-s; tm_wait "Planningsitem toegevoegd"
got=$(sqlite3 "$SNW_DB" "SELECT p.datum || '|' || a.titel FROM planning p JOIN actielijnen a ON a.id = p.actielijn_id WHERE p.titel = 'Mijlpaal'")
[ "$got" = "2024-03-01|Online veiligheid" ] || die "planning stored as '$got'"

# a trekker picked from the names used before, found without accents
tm_keys 1; tm_wait "rij 1/"
tm_keys a; tm_wait "Nieuwe actielijn"
tm_keys -l "Samen met Emre"; tm_keys Tab Tab Tab; tm_keys -l "unver"
tm_wait "Samir Bashara en Emre Ünver"
tm_keys Down Enter
tm_keys C-s; tm_wait "Actielijn toegevoegd"
got=$(sqlite3 "$SNW_DB" "SELECT trekker FROM actielijnen WHERE titel = 'Samen met Emre'")
case $got in *Ünver*) ;; *) die "trekker stored as '$got'" ;; esac
tm_keys q
tm_wait "[exit 0]"
