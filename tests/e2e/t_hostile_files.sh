# Hostile and broken files given to `snw import`: each gets a clear
# message and exit 65 (bad data) or 66 (missing or unreadable), nothing
# reaches the terminal raw, and the database is left exactly as it was
# (compared through `snw export` before and after).
expect_status 0 "$SNW" init
mkdir before after
expect_status 0 "$SNW" export --dir before

# hostile STATUS FILE TEXT: importing FILE as actielijnen exits STATUS
# with TEXT on stderr, prints nothing raw and changes nothing.
hostile() {
	want=$1 file=$2 text=$3
	expect_status "$want" "$SNW" import --table actielijnen "$file"
	contains "$T/err" "$text"
	if cat "$T/out" "$T/err" | LC_ALL=C tr -d '\n' | LC_ALL=C grep -q '[[:cntrl:]]'; then
		die "raw control characters in the messages for $file"
	fi
	[ "$(wc -c <"$T/err")" -lt 20000 ] || die "$(wc -c <"$T/err") bytes of messages for $file"
	rm -rf after; mkdir after
	expect_status 0 "$SNW" export --dir after
	diff -r before after >/dev/null || die "importing $file changed the database"
}

: > empty.csv
hostile 65 empty.csv "empty.csv: het bestand is leeg"

printf 'domein,titel\n' > header-only.csv
hostile 65 header-only.csv "geen rijen na de kopregel"

printf 'domein,titel\nWONEN,"never closed\nWONEN,x\n' > unterminated.csv
hostile 65 unterminated.csv "unterminated.csv:2: een waarde tussen aanhalingstekens die hier begint, wordt nergens gesloten"

printf 'domein,titel\nWONEN,a\000b\n' > nul.csv
hostile 65 nul.csv "nul.csv:2: een NUL-byte: dit is geen tekstbestand"

printf 'domein,titel\nWONEN,a\201b\n' > x81.csv
hostile 65 x81.csv "x81.csv:2: byte 0x81 is geen UTF-8 en geen Windows-1252"

printf '\377\376d\000o\000' > utf16.csv
hostile 65 utf16.csv "het bestand is UTF-16"

# Binaries named like the real thing.
cp "$(command -v sh)" actielijnen.csv
hostile 65 actielijnen.csv "een NUL-byte: dit is geen tekstbestand"
printf 'domein,titel\nWONEN,gzip me\n' | gzip -9 > gz.csv
expect_status 65 "$SNW" import --table actielijnen gz.csv
rm -rf after; mkdir after; "$SNW" export --dir after >/dev/null
diff -r before after >/dev/null || die "a gzip file changed the database"
# Random bytes without NUL and without 0x81/0x8D/0x8F/0x90/0x9D pass the
# decoder as Windows-1252 and must fail on the header instead.
head -c 4096 /dev/urandom | tr -d '\000\201\215\217\220\235' > random.csv
expect_status 65 "$SNW" import --table actielijnen random.csv
contains "$T/err" "er is niets geïmporteerd"

# A 10 MB value: too long for a title, reported once, quickly.
{ printf 'domein,titel\nWONEN,'; head -c 10485760 /dev/zero | tr '\0' x; printf '\n'; } > big.csv
hostile 65 big.csv "big.csv:2: titel: te lang"
# 10,000 columns in the header, and in a row.
awk 'BEGIN { printf "domein,titel"; for (i = 0; i < 10000; i++) printf ",c%d", i; print "" ; print "WONEN,x" }' > wide.csv
hostile 65 wide.csv "de kopregel heeft 10.002 kolommen"
awk 'BEGIN { print "domein,titel"; printf "WONEN,x"; for (i = 0; i < 10000; i++) printf ",v"; print "" }' > wide-row.csv
hostile 65 wide-row.csv "wide-row.csv:2: 10.002 waarden, maar de kopregel heeft 2 kolommen"

# A file far too big to be a spreadsheet (sparse: no disk needed).
truncate -s 2G huge.csv
hostile 65 huge.csv "huge.csv: het bestand is 2.048 MB (verwacht: een spreadsheet van hoogstens 1.024 MB)"
rm huge.csv

# Not a file at all.
mkdir dir.csv
hostile 66 dir.csv "dir.csv: kan niet gelezen worden: het is een map"
hostile 66 missing.csv "missing.csv: kan niet gelezen worden: No such file or directory"
mkfifo fifo.csv
set +e; timeout 10 "$SNW" import --table actielijnen fifo.csv >"$T/out" 2>"$T/err"; got=$?; set -e
[ "$got" -eq 66 ] || die "a FIFO: exit $got, expected 66 (124 = it hung)"
contains "$T/err" "fifo.csv: kan niet gelezen worden: het is geen gewoon bestand"
hostile 66 /dev/null "kan niet gelezen worden: het is geen gewoon bestand"
if [ "$(id -u)" != 0 ]; then
	printf 'domein,titel\nWONEN,x\n' > secret.csv; chmod 000 secret.csv
	hostile 66 secret.csv "secret.csv: kan niet gelezen worden: Permission denied"
fi

# One bad file among good ones: nothing of the good ones is written either.
printf 'domein,titel\nWONEN,Goede regel\n' > actielijnen.csv
expect_status 65 "$SNW" import --table actielijnen actielijnen.csv empty.csv
rm -rf after; mkdir after; "$SNW" export --dir after >/dev/null
diff -r before after >/dev/null || die "a bad file next to a good one let the good one in"

# An escape sequence in a file name is shown, not obeyed.
esc=$(printf 'x\033]0;owned\007.csv')
: > "$esc"
expect_status 65 "$SNW" import --table actielijnen "$esc"
contains "$T/err" "x^[]0;owned^G.csv"
lacks "$T/err" "$(printf '\033')"
