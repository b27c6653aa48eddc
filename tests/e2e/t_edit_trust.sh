# Issue 13's reproductions on the shipped data, in a real terminal, as
# they were seen: the action the cursor is on stays the one acted on
# (snw log shows one entry changed three times), search selects the
# milestone and the decision it found, the wheel in an open meeting
# scrolls its decisions (SGR mouse reports, as a terminal sends them),
# the tab bar is whole at 80 columns, the successes fill a large domain
# view, and today's mark leaves the month names whole.
expect_status 0 "$SNW" init
tm_start 80 24 "SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/8"
tm_screen | head -1 > tabs
lacks tabs "…"
contains tabs "0 Overzicht"

# 2: space, space, d act on one action, wherever it sorts
tm_keys 8; tm_wait "rij 1/"
tm_keys Space; tm_wait "Actie gedaan “In het gesprek over dit opgaveteam"
tm_keys Space; tm_wait "Actie weer open “In het gesprek over dit opgaveteam"
tm_keys d; tm_wait "Actie verwijderen “In het gesprek over dit opgaveteam"
tm_keys n; tm_wait "niet verwijderd"
"$SNW" log | head -2 > log
[ "$(awk '{print $5, $6}' log | sort -u | wc -l)" -eq 1 ] || { cat log >&2; die "two entries changed"; }

# 3: n selects the milestone, e edits it; a decision opens its meeting
tm_keys / ; tm_wait "Zoek:"
tm_keys -l "wijkrechter"; tm_keys Enter; tm_wait "treffer 1/2"
tm_keys n; tm_wait "treffer 2/2 (mijlpaal)"
tm_keys e; tm_wait "Planningsitem wijzigen — “Q4 start wijkrechter"
tm_keys Escape; tm_wait "mijlpaal "
tm_keys / ; tm_wait "Zoek:"
tm_keys -l "Ünver"; tm_keys Enter; tm_wait "(besluit)"
tm_wait "Rutger Groot Wassink en Emre Ünver"

# 4: Enter shows the decision whole; Esc back in the meeting
tm_keys Enter; tm_wait "Agendapunt"
tm_keys Escape; tm_wait "Besluiten ("

# 5: the wheel over an open meeting scrolls it; the meeting stays
tm_keys Escape; tm_wait "sortering: datum"
tm_keys 7 g j Enter; tm_wait "AB-vergadering 21 dec 2023"
tm_wait "• 1. Opening en mededelingen"
for i in 1 2 3; do
	tm send-keys -t t -H 1b 5b 3c 36 35 3b 31 30 3b 31 30 4d	# wheel down at 10,10
done
tm_wait "Besluiten (16) …"
tm_screen | grep -q "AB-vergadering 21 dec 2023" || { tm_screen >&2; die "the wheel left the meeting"; }

# 6, 10: at 200x50 the successes sit under the detail
tm resize-window -t t -x 200 -y 50
tm_keys Escape 1; tm_wait "Successen (5)"
[ "$(tm_screen | grep -n "Successen (5)" | cut -d: -f1)" -lt 15 ] || { tm_screen >&2; die "successes far down"; }
tm_keys G Down; tm_wait "succes 1/5"
tm_keys e; tm_wait "Succes wijzigen"
tm_keys Escape; tm_wait "succes 1/5"
tm_keys q
tm_wait "[exit 0]"
tm_stop
TMUX_SOCK="$T/tmux-2026.sock"	# a server of its own: the old one may still be going

# 10: today's mark over the quarters when it would cover a month's name
tm_start 80 24 "SNW_TODAY=2026-12-02 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/8"
tm_keys 6 Right Right; tm_wait "Planning 2026"
tm_wait "okt nov dec"
tm_screen | grep -q "K4 *▼" || { tm_screen >&2; die "today is not marked over the quarters"; }
tm_keys q
tm_wait "[exit 0]"
