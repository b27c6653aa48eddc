# Export, import into an empty database, export again: identical files,
# in both the plain and the Excel form.
expect_status 0 "$SNW" --db a.db init
mkdir plain excel plain2 excel2
expect_status 0 "$SNW" --db a.db export --dir plain
expect_status 0 "$SNW" --db a.db export --excel --dir excel
# The Excel form: BOM, semicolons, CRLF, d-m-yyyy.
head -c 3 excel/vergaderingen.csv | od -An -tx1 | grep -q "ef bb bf" || die "no BOM"
contains excel/vergaderingen.csv "datum;soort;titel;locatie"
grep -q "$(printf '\r')\$" excel/vergaderingen.csv || die "no CRLF"
contains excel/vergaderingen.csv "21-4-2023;AB-vergadering"

expect_status 0 "$SNW" --db b.db init --empty
expect_status 0 "$SNW" --db b.db import plain/*.csv
expect_status 0 "$SNW" --db b.db export --dir plain2
for f in plain/*.csv; do cmp "$f" "plain2/$(basename "$f")" || die "round trip changed $f"; done

expect_status 0 "$SNW" --db c.db init --empty
expect_status 0 "$SNW" --db c.db import excel/*.csv
expect_status 0 "$SNW" --db c.db export --excel --dir excel2
for f in excel/*.csv; do cmp "$f" "excel2/$(basename "$f")" || die "Excel round trip changed $f"; done

# Importing the same files again changes nothing.
expect_status 0 "$SNW" --db b.db import plain/*.csv
lacks "$T/out" "1 toegevoegd"
contains "$T/out" "0 toegevoegd, 0 bijgewerkt"
