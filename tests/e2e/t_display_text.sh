# Text that terminals draw differently (issue 17, items 4 and 5): an
# emoji sequence joined by U+200D, bidi overrides (U+202E), joiners, a BOM
# and zero-width spaces inside fields, a letter with thirty accents. The
# report, the log and error messages show the invisible ones as markers
# (⟨U+202E⟩) and never send them raw; in tmux every column of the
# dashboard lines up, and a long session leaves the same screen as a
# fresh start (no stale cells).
export SNW_TODAY=2024-03-15
expect_status 0 "$SNW" init

fam=$(printf '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247')	# 👨‍👩‍👧
faces=$(printf '\360\237\221\250\360\237\221\251\360\237\221\247')			# 👨👩👧
rlo=$(printf '\342\200\256') pdf=$(printf '\342\200\254') zwj=$(printf '\342\200\215')
bom=$(printf '\357\273\277') zwsp=$(printf '\342\200\213')
zalgo=e; i=0; while [ $i -lt 30 ]; do zalgo="$zalgo$(printf '\314\201')"; i=$((i + 1)); done

# raw FILE: FILE holds one of the invisible characters as it is.
raw() {
	LC_ALL=C grep -qF -e "$rlo" -e "$pdf" -e "$zwj" -e "$bom" -e "$zwsp" "$1"
}

{
	printf 'domein,titel,toelichting,trekker,status,start,eind\n'
	printf 'EID,Gezin %s in de wijk,Toelichting %stfel%s,Emre %s Ünver,lopend,2024-01-01,2024-06-30\n' "$fam" "$rlo" "$pdf" "$fam"
	printf 'EID,Trojan %sedoc%s einde,,x%sy,afgerond,2024-02-01,2024-05-31\n' "$rlo" "$pdf" "$rlo"
	printf 'EID,Zero%swidth %sbom %szwsp,%s,Saïda%s,gepland,2024-03-01,2024-12-31\n' "$zwj" "$bom" "$zwsp" "$zalgo" "$zwj"
} > actielijnen.csv
printf 'datum,titel,domein,actielijn,status\n2024-05-01,Feest %s %sabc,,,\n' "$fam" "$rlo" > planning.csv
expect_status 0 "$SNW" import actielijnen.csv planning.csv

# The data is stored as it came.
[ "$(sqlite3 "$SNW_DB" "SELECT count(*) FROM actielijnen WHERE titel = 'Trojan ${rlo}edoc$pdf einde'")" = 1 ] ||
	die "the title with U+202E was not stored verbatim"

# report and log: markers, the emoji sequence as its faces, nothing raw.
expect_status 0 "$SNW" report --domain EID
contains "$T/out" "Gezin $faces in de wijk"
contains "$T/out" "Trojan ⟨U+202E⟩edoc⟨U+202C⟩ einde"
contains "$T/out" "Zero⟨U+200D⟩width ⟨U+FEFF⟩bom ⟨U+200B⟩zwsp"
contains "$T/out" "Saïda⟨U+200D⟩"
raw "$T/out" && die "raw invisible characters in report"
expect_status 0 "$SNW" log --limit 10
contains "$T/out" "Trojan ⟨U+202E⟩edoc⟨U+202C⟩ einde"
raw "$T/out" && die "raw invisible characters in log"

# An import error quotes the bad value with markers. (Invisible
# characters do not count when a value is matched, so "afg‮erond" would be
# "afgerond": these values are wrong for other reasons.)
printf 'domein,titel,status\nEID,x,kap%sot\n' "$rlo" > bad.csv
expect_status 65 "$SNW" import --table actielijnen bad.csv
contains "$T/err" "kap⟨U+202E⟩ot"
raw "$T/err" && die "raw invisible characters in an import error"
printf 'domein,titel\n%sNERGENS%s,x\n' "$rlo" "$zwsp" > bad2.csv
expect_status 65 "$SNW" import --table actielijnen bad2.csv
contains "$T/err" "⟨U+202E⟩NERGENS⟨U+200B⟩"
raw "$T/err" && die "raw invisible characters in an unknown-domain error"

# aligned FILE: the status column of the actielijnen list starts in one
# display column on every row (wc -L measures by wcwidth, as curses does);
# on a wide terminal only the list, left of the detail pane's border.
aligned() {
	sed 's/│.*$//' "$1" |
		sed -n '/Status:/d; s/^\(.*\)\(lopend\|gepland\|afgerond\|onbekend\)\(  .*\)\{0,1\}$/\1/p' |
		while IFS= read -r line; do printf '%s' "$line" | wc -L; done > "$1.cols"
	[ "$(wc -l < "$1.cols")" -ge 6 ] || { cat "$1" >&2; die "the list in $1 shows too few rows with a status"; }
	[ "$(sort -u "$1.cols" | wc -l)" = 1 ] || { cat "$1" "$1.cols" >&2; die "the status column moves between rows in $1"; }
}
# fits FILE COLS: no line of the capture is wider than the window.
fits() {
	w=$(wc -L < "$1")
	[ "$w" -le "$2" ] || { cat "$1" >&2; die "a line of $w columns in a window of $2"; }
}

# Every view at 80x24, then the list at 140x40 and back: nothing raw,
# nothing wider than the window, the columns in line.
tm_start 80 24 "SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/"
for k in 0 1 2 6 7 8 Tab 9; do	# Tab after 8: the next stop; 9: Wijzigingen
	tm_keys $k; sleep 0.3
	tm_screen > "view$k"
	raw "view$k" && { cat "view$k" >&2; die "raw invisible characters in view $k"; }
	fits "view$k" 80
done
tm_keys 1; tm_wait "actielijnen · sortering"; tm_wait "Gezin $faces in de wijk"
tm_wait "Trojan ⟨U+202E⟩edoc"
tm_screen > list80; aligned list80
tm_keys 6; tm_wait "Planning 2024"
tm_keys 1; tm_keys j; tm_keys j; tm_keys G
tm resize-window -t t -x 140 -y 40
tm_wait "Zero⟨U+200D⟩width ⟨U+FEFF⟩bom ⟨U+200B⟩zwsp"
tm_screen > list140; aligned list140; fits list140 140
raw list140 && die "raw invisible characters at 140x40"
tm_keys 6; sleep 0.3
tm_screen > gantt140; fits gantt140 140
raw gantt140 && die "raw invisible characters in the Gantt at 140x40"
tm_keys 1; tm_keys k
tm resize-window -t t -x 80 -y 24
tm_keys 1; tm_keys g; tm_keys j; tm_keys j; tm_keys j; tm_keys k; tm_wait "rij 3/"
sleep 0.3
tm_screen > session
tm_stop
TMUX_SOCK="$T/tmux-fresh.sock"	# a server of its own: the old one may still be going

# A fresh start, straight to the same place, shows the same screen.
tm_start 80 24 "SNW_TODAY=2024-03-15 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/"
tm_keys 1; tm_keys g; tm_keys j; tm_keys j; tm_keys j; tm_keys k; tm_wait "rij 3/"
sleep 0.3
tm_screen > fresh
cmp -s session fresh || { diff session fresh >&2; die "the session left a different screen than a fresh start"; }
aligned fresh
tm_keys q
tm_wait "[exit 0]"
