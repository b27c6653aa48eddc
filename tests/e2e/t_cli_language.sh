# One language at a time on the command line (issue 14): Dutch by
# default, also for LANG=C.UTF-8 and with no locale at all; English for
# LANGUAGE=en and for an English locale, installed or not. --help, an
# import's summary and its errors, export, log, report and usage errors
# each say it all in one language, counts with the language's thousands
# separator, dates with its month names; the data stays as it is.
nl() { env -u LC_ALL -u LANGUAGE LANG=C.UTF-8 "$SNW" "$@"; }
en() { env LANGUAGE=en "$SNW" "$@"; }
en_locale() { env -u LC_ALL -u LANGUAGE LANG=en_US.UTF-8 "$SNW" "$@"; }

expect_status 0 nl --help
contains "$T/out" "gebruik: snw"
contains "$T/out" "importeer CSV-bestanden"
lacks "$T/out" "usage"
expect_status 0 en --help
contains "$T/out" "usage: snw"
contains "$T/out" "import CSV files"
lacks "$T/out" "gebruik"
expect_status 0 en_locale --help
contains "$T/out" "usage: snw"

expect_status 0 nl init --empty
expect_status 0 nl import "$SNW_DATADIR/domeinen.csv"
# 1,234 actielijnen: a count a person reads, with the separator of the language.
awk 'BEGIN { print "domein,titel,status,start"; for (i = 1; i <= 1234; i++) printf "WONEN,Lijn %d,gepland,Q1 2024\n", i }' >actielijnen.csv

# An import error, in the shape FILE:LINE: column: what is wrong (what was expected).
mkdir fout extra
printf 'domein,titel,status,start\nWONEN,Goed,lopend,1-3-2024\nWONEN,Fout,half af,voorjaar\n' >fout/actielijnen.csv
expect_status 65 nl import fout/actielijnen.csv
contains "$T/err" "fout/actielijnen.csv:3: status: 'half af' is niet toegestaan (verwacht: een van: gepland, lopend, afgerond, gepauzeerd, gestopt)"
contains "$T/err" "fout/actielijnen.csv:3: start: 'voorjaar' is geen datum (verwacht: een datum zoals"
contains "$T/err" "2 fouten: er is niets geïmporteerd"
lacks "$T/err" "expected"
expect_status 65 en import fout/actielijnen.csv
contains "$T/err" "fout/actielijnen.csv:3: status: 'half af' is not allowed (expected one of gepland, lopend, afgerond, gepauzeerd, gestopt)"
contains "$T/err" "fout/actielijnen.csv:3: start: 'voorjaar' is not a date (expected a date such as"
contains "$T/err" "2 errors: nothing was imported"
lacks "$T/err" "verwacht"
expect_status 65 en_locale import fout/actielijnen.csv
contains "$T/err" "2 errors: nothing was imported"
# A structural message of the importer, from the same catalogue.
printf 'domein,titel,kleur\nWONEN,Extra\n' >extra/actielijnen.csv
expect_status 0 nl import --dry-run extra/actielijnen.csv
contains "$T/err" "extra/actielijnen.csv:1: waarschuwing: kleur: onbekende kolom voor actielijnen, overgeslagen"
contains "$T/out" "proefimport (--dry-run): er is niets geschreven"
expect_status 0 en import --dry-run extra/actielijnen.csv
contains "$T/err" "extra/actielijnen.csv:1: warning: kleur: unknown column for actielijnen, ignored"
contains "$T/out" "dry run (--dry-run): nothing was written"

# The summary: the table by its name (the file contract), then a sentence.
expect_status 0 en import --dry-run actielijnen.csv
contains "$T/out" "actielijnen    1,234 added, 0 updated, 0 unchanged"
expect_status 0 nl import actielijnen.csv
contains "$T/out" "actielijnen    1.234 toegevoegd, 0 bijgewerkt, 0 ongewijzigd"
expect_status 0 en_locale import actielijnen.csv
contains "$T/out" "actielijnen    0 added, 0 updated, 1,234 unchanged"

# Export, log, report.
expect_status 0 nl export --table actielijnen --dir uit
contains "$T/out" "actielijnen    1.234 rijen naar uit/actielijnen.csv"
expect_status 0 en export --table actielijnen --dir uit
contains "$T/out" "actielijnen    1,234 rows to uit/actielijnen.csv"
head -1 uit/actielijnen.csv | grep -q '^domein,titel,toelichting,trekker,status,start,eind,groep,bron$' ||
	die "the CSV columns are the file contract's, Dutch in every language"
grep -q ',gepland,2024-01-01,' uit/actielijnen.csv || die "the stored values are data, Dutch in every language"
expect_status 0 nl log --limit 1
contains "$T/out" "import    actielijn"
contains "$T/out" "toegevoegd: 1.234 actielijnen"
expect_status 0 en log --limit 1
contains "$T/out" "added: 1,234 actielijnen"
expect_status 0 nl report --today 2026-12-01 --domain wonen
contains "$T/out" "1 dec 2026"
contains "$T/out" "gepland"
expect_status 0 en report --today 2026-12-01 --domain wonen
contains "$T/out" "1 Dec 2026"
contains "$T/out" "planned"
lacks "$T/out" "gepland"

# Usage errors and the dashboard without a terminal.
expect_status 64 nl frobnicate
contains "$T/err" "onbekende opdracht 'frobnicate'"
contains "$T/err" "(snw --help toont de opdrachten en opties)"
expect_status 64 en frobnicate
contains "$T/err" "unknown command 'frobnicate'"
contains "$T/err" "(snw --help lists the commands and options)"
expect_status 64 en export --table nope
contains "$T/err" "export: unknown table 'nope' (expected domeinen, successen,"
expect_status 64 nl </dev/null
contains "$T/err" "het dashboard heeft een terminal nodig"
expect_status 64 en </dev/null
contains "$T/err" "the dashboard needs a terminal"
