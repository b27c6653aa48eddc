# Text meant to attack: SQL in titles is stored and shown verbatim (SQL
# only goes through bound parameters), and control characters and escape
# sequences in data never reach the terminal raw: not in report, log or
# error messages. Export stays faithful: a CSV file is data, not terminal
# output, so it holds exactly the bytes that were imported.
expect_status 0 "$SNW" init

# raw FILE: FILE holds a C0 control other than newline, DEL, or a C1
# control (U+0080..U+009F, which terminals may also obey).
raw() {
	LC_ALL=C tr -d '\n' <"$1" | LC_ALL=C grep -q '[[:cntrl:]]' ||
	LC_ALL=C grep -qP '\xc2[\x80-\x9f]' "$1"
}

inj1="'); DROP TABLE actielijnen;--"
inj2='Robert"); DELETE FROM domeinen WHERE (1=1 OR "'
# ESC [2J (clear screen), an OSC title with BEL, a C1 CSI, backspace; a
# carriage return only where line breaks are allowed.
evil=$(printf 'a\033[2Jb\033]0;owned\007c\302\233""31md\010f')
evil_cr=$(printf 'a\033[2Jb\033]0;owned\007c\302\233""31md\re\010f')
printf 'domein,titel,toelichting,trekker\n' > actielijnen.csv
printf 'WONEN,"%s","%s",x\n' "$inj1" "$evil_cr" >> actielijnen.csv
printf 'WONEN,"%s",,"%s"\n' "$(printf '%s' "$inj2" | sed 's/"/""/g')" "$evil" >> actielijnen.csv
expect_status 0 "$SNW" import actielijnen.csv
contains "$T/out" "2 toegevoegd"

# Stored verbatim, the tables intact.
[ "$(sqlite3 "$SNW_DB" "SELECT count(*) FROM actielijnen WHERE titel = '$(printf '%s' "$inj1" | sed "s/'/''/g")'")" = 1 ] ||
	die "the SQL title was not stored verbatim"
[ "$(sqlite3 "$SNW_DB" "SELECT count(*) FROM domeinen")" -ge 5 ] || die "domains were deleted"

# Export gives the same bytes back.
mkdir exported
expect_status 0 "$SNW" export --table actielijnen --dir exported
contains exported/actielijnen.csv ",$inj1,"
grep -qF "$(printf 'a\033[2Jb\033]0;owned\007c\302\233')" exported/actielijnen.csv || die "export is not faithful"

# report and log show the titles, with the controls made visible.
expect_status 0 "$SNW" report --domain wonen
contains "$T/out" "$inj1"
contains "$T/out" 'Robert"); DELETE FROM domeinen'
contains "$T/out" "a^[[2Jb^[]0;owned^Gc?"
raw "$T/out" && die "raw control characters in report"
raw "$T/err" && die "raw control characters in report's messages"
expect_status 0 "$SNW" log --limit 5
contains "$T/out" "$inj1"
raw "$T/out" && die "raw control characters in log"

# Error messages quote bad values; the controls in them are shown, too.
printf 'domein,titel,status\nWONEN,x,"\033[31mhalf\033]0;t\007 af"\n' > bad.csv
expect_status 65 "$SNW" import --table actielijnen bad.csv
contains "$T/err" "bad.csv:2: status: '^[[31mhalf^[]0;t^G af' is niet toegestaan"
raw "$T/err" && die "raw control characters in an import error"
printf 'domein,titel\n"\033[2JNergens\302\233",x\n' > bad2.csv
expect_status 65 "$SNW" import --table actielijnen bad2.csv
contains "$T/err" "onbekend domein '^[[2JNergens?'"
raw "$T/err" && die "raw control characters in an unknown-domain error"
printf 'domein,titel,\033[2Jkolom\n' > bad3.csv
expect_status 65 "$SNW" import --table actielijnen bad3.csv
contains "$T/err" "^[[2Jkolom: onbekende kolom"
raw "$T/err" && die "raw control characters in a header warning"

# SQL and escapes in command-line arguments.
expect_status 64 "$SNW" report --domain "x' OR 1=1 --"
contains "$T/err" "onbekend domein 'x' OR 1=1 --'"
expect_status 64 "$SNW" report --domain "$(printf '\033[2J')"
raw "$T/err" && die "raw control characters in a usage error"
expect_status 64 "$SNW" export --table "actielijnen; DROP TABLE domeinen"
[ "$(sqlite3 "$SNW_DB" "SELECT count(*) FROM domeinen")" -ge 5 ] || die "domains were deleted"
