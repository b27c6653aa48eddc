# What a person types, or what was stored, is what a form saves: in tmux
# at 80x24, read back with sqlite3 as bytes. Issue 13 item 1 (a decision
# with an emoji and a second line came back with "^@" and padding) and
# issue 17 item 3 (a tab, ESC, BEL, a C1 control, 40 joiners and 30
# accents were saved as the screen showed them).
expect_status 0 "$SNW" init
command -v sqlite3 >/dev/null || die "sqlite3 is needed (make test-deps)"
hexof() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | tr a-f A-F; }
stored() { sqlite3 "$SNW_DB" "$1"; }

tm_start 80 24 "SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/8"

# two decisions typed in the open meeting
tm_keys 7; tm_wait "Vergaderingen"
tm_keys Enter
n=0
for first in "Emoji 👍 en" "Het AB besluit de aanpak te volgen en kiest voor coöperatie 👍"; do
	second="nieuwe regel"
	[ $n = 1 ] && second="Tweede regel."
	tm_keys a; tm_wait "b = besluit"; tm_keys b; tm_wait "Nieuw besluit"
	tm_keys -l "$first"; tm_keys Enter; tm_keys -l "$second"
	tm_wait "$second"
	tm_keys C-s; tm_wait "Besluit toegevoegd"
	got=$(stored "SELECT hex(besluit) FROM besluiten ORDER BY id DESC LIMIT 1")
	want=$(hexof "$first
$second")
	[ "$got" = "$want" ] || die "besluit $n stored as $got, typed $want"
	n=$((n + 1))
done

# an actielijn whose text holds what a terminal cannot show
stored "UPDATE actielijnen SET toelichting = 'Stap 1:' || char(9) || 'doen',
	trekker = 'Emre' || char(27) || '[31m' || char(7) || ' ' || char(133) || ' a'
		|| replace(hex(zeroblob(40)), '00', char(8205)) || 'b e'
		|| replace(hex(zeroblob(30)), '00', char(769)) || ' Ünver'
	WHERE titel = 'Online veiligheid'"
want_t=$(stored "SELECT hex(toelichting || '!') FROM actielijnen WHERE titel = 'Online veiligheid'")
want_o=$(stored "SELECT hex(trekker || '!') FROM actielijnen WHERE titel = 'Online veiligheid'")
tm_keys 2; tm_wait "Online veiligheid"
tm_keys j j; tm_keys e; tm_wait "Actielijn wijzigen"
tm_wait "Stap 1:→doen"		# a tab shows as →, and stays a tab
tm_wait "Emre^[[31m^G ⟨U+0085⟩"	# controls as markers, never as codes
tm_keys Tab Tab End; tm_keys -l "!"
tm_keys Tab; tm_keys -l "!"
tm_keys C-s; tm_wait "Actielijn gewijzigd"
got=$(stored "SELECT hex(toelichting) FROM actielijnen WHERE titel = 'Online veiligheid'")
[ "$got" = "$want_t" ] || die "toelichting stored as $got, expected $want_t"
got=$(stored "SELECT hex(trekker) FROM actielijnen WHERE titel = 'Online veiligheid'")
[ "$got" = "$want_o" ] || die "trekker stored as $got, expected $want_o"
expect_status 0 "$SNW" log --limit 3
lacks "$T/out" "^@"
tm_keys q
tm_wait "[exit 0]"
