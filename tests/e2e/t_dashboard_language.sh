# The dashboard in one language at a time (issue 14), in tmux at 80x24:
# English when LANGUAGE asks for it, Dutch under LANG=C.UTF-8. The
# overview, the help screen, a form with a refused date, what the status
# line says after saving, and Wijzigingen; nothing of the other language
# on any of those screens, the stored value Dutch.
expect_status 0 "$SNW" init
command -v sqlite3 >/dev/null || die "sqlite3 is needed (make test-deps)"
# no_word WORD...: none of the words is on the screen.
no_word() {
	for w in "$@"; do
		! tm_screen | grep -qwF -- "$w" || { tm_screen >&2; die "'$w' is on a screen of the other language"; }
	done
}

tm_start 80 24 "env -u LC_ALL LANGUAGE=en SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "pane 1/8 · data as of 25 Jan 2024"
tm_wait "Successes 2023: 5"
tm_wait "Last AB meeting: 25 Jan 2024"
no_word Overzicht Successen Vergaderingen gepland lopend
tm_keys '?'; tm_wait "Keys — Esc or ? closes this help"
tm_wait "Next view"
no_word Volgende Toetsen weergave
tm_keys Escape 1; tm_wait "row 1/4"
tm_keys a; tm_wait "New actielijn"
tm_wait "Title *"
tm_keys -l "Proef met taalcafés"
tm_keys Tab Tab Tab Tab Tab; tm_keys -l "voorjaar"
tm_keys C-s; tm_wait "'voorjaar' is not a date (expected a date such as"
tm_wait "1 field is not right yet"
no_word verwacht datum veld Titel
tm_keys C-u; tm_keys -l "1 March 2024"
tm_keys BTab; tm_wait "◂ planned ▸"
tm_keys C-s; tm_wait "Actielijn added “Proef met taalcafés”"
[ "$(sqlite3 "$SNW_DB" "SELECT status || ' ' || start FROM actielijnen WHERE titel = 'Proef met taalcafés'")" = "gepland 2024-03-01" ] ||
	die "stored as the data's own words: gepland, ISO"
tm_keys 9; tm_wait "Changes since the last AB meeting, 25 Jan 2024: 1"
tm_wait "Actielijn added: Proef met taalcafés"
no_word toegevoegd Wijzigingen
tm_keys q
tm_stop

tm_start 80 24 "env -u LC_ALL -u LANGUAGE LANG=C.UTF-8 SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/8 · gegevens van"
tm_wait "Successen 2023: 5"
no_word Overview Successes Meetings planned
tm_keys '?'; tm_wait "Toetsen — Esc of ? sluit deze hulp"
tm_wait "Volgende weergave"
no_word Keys Next view
tm_keys Escape 1; tm_wait "rij 1/5"
tm_keys a; tm_wait "Nieuwe actielijn"
tm_keys -l "Wijkpanel"
tm_keys Tab Tab Tab Tab Tab; tm_keys -l "voorjaar"
tm_keys C-s; tm_wait "'voorjaar' is geen datum (verwacht: een datum zoals"
tm_wait "1 veld klopt nog niet"
no_word expected field Title
tm_keys Escape; tm_wait "Wijzigingen weggooien? j = ja, n = nee"
tm_keys j; tm_wait "niet opgeslagen"
tm_keys 9; tm_wait "Wijzigingen sinds de laatste AB-vergadering, 25 jan 2024: 1"
tm_wait "Actielijn toegevoegd: Proef met taalcafés"
no_word added Changes
