# snw report and snw minutes: the shipped data with a fixed today gives
# exactly the golden files (tests/golden/, `make golden` writes them);
# the HTML passes an HTML5 parser in strict mode, an XML parser, and the
# checks of a mailable, accessible document; the Markdown renders as
# GitHub renders it, tables whole. Hostile titles stay text in every
# format. Options that make no sense are refused before a byte is
# written; -o writes a whole file or none.
py=/usr/bin/python3
golden="$here/../golden"
mkdir docs
sh "$golden/make.sh" "$SNW" "$SNW_DATADIR" docs
for f in report.txt report.md report.html minutes-2023-12-21.txt minutes-2023-12-21.md minutes-2023-12-21.html; do
	diff -u "$golden/$f" "docs/$f" >"$T/diff" || { head -40 "$T/diff" >&2; die "docs/$f differs from tests/golden/$f (make golden writes it anew)"; }
done
$py "$here/../html_check.py" docs/report.html docs/minutes-2023-12-21.html || die "the HTML fails its checks"
xmllint --noout docs/report.html docs/minutes-2023-12-21.html || die "the HTML is not well-formed XML"
$py "$here/../md_check.py" docs/report.md "Uitvoeringsprogramma > mrt" "Geen wijzigingen sinds 25 jan 2024." ||
	die "the report's Markdown does not render whole"
$py "$here/../md_check.py" docs/minutes-2023-12-21.md "3. Uitvoeringsprogramma 'Wij maken Samen Nieuw West'" ||
	die "the minutes' Markdown does not render whole"
contains docs/report.txt "Laatste AB-vergadering:  25 jan 2024, Alliantiebestuur 25 januari"
contains docs/minutes-2023-12-21.txt "Openstaande acties uit eerdere vergaderingen"
# Text: 78 columns at most (wc -L counts display columns).
for f in docs/*.txt; do
	[ "$(wc -L <"$f")" -le 78 ] || die "$f has a line of $(wc -L <"$f") columns"
done

expect_status 0 "$SNW" init

# The language shown.
(export LANGUAGE=en; expect_status 0 "$SNW" report --today 2024-02-15 --domain veilig)
contains "$T/out" "Samen Nieuw-West — status: Veiligheid"
contains "$T/out" "Summary"
contains "$T/out" "Q1 2024"

# Refused before anything is written, with what was expected.
expect_status 64 "$SNW" report --format pdf
contains "$T/err" "--format 'pdf' is onbekend (verwacht: text, md of html)"
expect_status 64 "$SNW" report --since gisteren
contains "$T/err" "--since 'gisteren' is geen datum"
[ ! -s "$T/out" ] || die "a refused report wrote something"
expect_status 64 "$SNW" report --since last-ab --today 1-1-2023
contains "$T/err" "er is geen AB-vergadering op of voor 1 jan 2023"
[ ! -s "$T/out" ] || die "a refused report wrote something"
expect_status 64 "$SNW" minutes 22-12-2023
contains "$T/err" "er is geen vergadering op 22 dec 2023 (vergaderingen: 25 jan 2024, 21 dec 2023"
expect_status 64 "$SNW" minutes
expect_status 73 "$SNW" report -o nergens/rapport.html --format html
[ ! -e nergens ] || die "-o made a directory"
ls docs/*.tmp-* 2>/dev/null && die "a temporary file was left behind"
# Options may follow the date.
expect_status 0 "$SNW" minutes 2023-12-21 --format md -o m.md --today 15-2-2024
[ ! -s "$T/out" ] || die "-o also wrote to stdout"
cmp m.md docs/minutes-2023-12-21.md || die "minutes with the options after the date differ"

# What changed since a date: an import that changes a status, adds an
# actielijn and marks an action done.
cat >changes.csv <<'CSV'
domein,titel,status
Veiligheid,Wijkrechtspraak in Nieuw-West,lopend
Veiligheid,Buurtbemiddeling,gepland
CSV
expect_status 0 "$SNW" import --table actielijnen changes.csv
expect_status 0 "$SNW" report --today 2024-02-15 --since 2024-01-01 --format md
contains "$T/out" "## Wat is er veranderd sinds 1 jan 2024"
contains "$T/out" "actielijn gewijzigd “Wijkrechtspraak in Nieuw-West” (Status: onbekend → lopend)"
contains "$T/out" "actielijn toegevoegd “Buurtbemiddeling”"
expect_status 0 "$SNW" log --limit 2 --domain veilig
[ "$(wc -l <"$T/out")" -eq 2 ] || die "log --limit 2 printed $(wc -l <"$T/out") lines"
contains "$T/out" "\"Wijkrechtspraak in Nieuw-West\": Status: (leeg) -> lopend"
contains "$T/out" "toegevoegd: \"Buurtbemiddeling\""
expect_status 0 "$SNW" log --since 1-1-2024 --table acties
contains "$T/out" "import    actie 1-66  toegevoegd: 66 acties"
lacks "$T/out" "actielijn"

# Hostile titles in every format.
export SNW_DB="$T/hostile.db"
expect_status 0 "$SNW" init --empty
printf '%s\n' 'code,naam,motto,soort,volgorde' \
	'X,"<b>Vet</b> & | * # domein","</style><script>alert(2)</script>",domein,1' >domeinen.csv
printf '%s\n' 'domein,titel,toelichting,trekker,status,start,eind' \
	'X,<script>alert(1)</script>,"1. eerst | dan *ster* _nadruk_ [link](http://x)",]]> &amp;,lopend,2024-02-01,2024-05-31' \
	'X,# Geen kop | `code` ~~weg~~,"- geen lijst",<img src=x onerror=alert(3)>,gepland,,' >actielijnen.csv
printf '%s\n' 'datum,soort,titel,locatie' '2024-01-25,AB-vergadering,"<i>AB</i> | januari",<b>Stadhuis</b>' >vergaderingen.csv
printf '%s\n' 'vergadering,agendapunt,besluit' '2024-01-25,"# 1. <h1>Punt</h1>","Besluit | met *ster* & <br>"' >besluiten.csv
printf '%s\n' 'vergadering,actie,eigenaar,deadline,status,domein' \
	'2024-01-25,"Doen: <script>x</script> | nu",@iemand $5,2024-02-01,open,X' >acties.csv
expect_status 0 "$SNW" import domeinen.csv actielijnen.csv vergaderingen.csv besluiten.csv acties.csv
for doc in report "minutes 2024-01-25"; do
	name=${doc%% *}
	expect_status 0 "$SNW" $doc --today 2024-02-15 --format html -o "$name.html"
	if grep -q '<script\|<img\|<b>\|<i>\|<h1>Punt' "$name.html"; then
		grep -n '<script\|<img\|<b>\|<i>\|<h1>Punt' "$name.html" >&2; die "data became markup in $name.html"
	fi
	$py "$here/../html_check.py" "$name.html" || die "$name.html with hostile titles fails its checks"
	xmllint --noout "$name.html" || die "$name.html with hostile titles is not well-formed XML"
	expect_status 0 "$SNW" $doc --today 2024-02-15 --format md -o "$name.md"
	expect_status 0 "$SNW" $doc --today 2024-02-15 --format text -o "$name.txt"
	if grep -q "$(printf '\033')" "$name.txt"; then die "raw ESC in $name.txt"; fi
done
contains report.html "&lt;script&gt;alert(1)&lt;/script&gt;"
$py "$here/../md_check.py" report.md "<script>alert(1)</script>" "1. eerst | dan *ster* _nadruk_ [link](http://x)" \
	"# Geen kop | \`code\` ~~weg~~" "<b>Vet</b> & | * # domein" "<img src=x onerror=alert(3)>" ||
	die "hostile titles broke the report's Markdown"
$py "$here/../md_check.py" minutes.md "Besluit | met *ster* & <br>" "# 1. <h1>Punt</h1>" "Doen: <script>x</script> | nu" \
	"@iemand \$5" || die "hostile titles broke the minutes' Markdown"
