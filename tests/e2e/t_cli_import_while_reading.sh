# The director reads while the procesmanager imports a large file: every
# read during the import succeeds and sees the database as it was before
# it (or, at the very end, after it), never half of it; afterwards the
# counts, the key index and the history are right.
bin=${SNW_REAL:-$SNW}
rows=150000
expect_status 0 "$SNW" init
old=$(sqlite3 "$SNW_DB" "SELECT count(*) FROM actielijnen")
awk -v n=$rows 'BEGIN {
	print "domein;titel;status"
	for (i = 0; i < n; i++)
		printf "Wonen en Leefomgeving;Coöperatie creëren %d;%s\n", i, i % 3 ? "lopend" : "gepland"
}' > actielijnen.csv

"$bin" import actielijnen.csv > import.out 2>&1 &
pid=$!
reads=0
while kill -0 $pid 2>/dev/null; do
	n=$("$bin" --read-only report --domain wonen 2>report.err | grep -c "Coöperatie creëren" || true)
	[ -s report.err ] && { cat report.err >&2; die "a read during the import failed"; }
	[ "$n" -eq 0 ] || [ "$n" -eq $rows ] || die "a read during the import saw $n of its $rows rows"
	reads=$((reads + 1))
done
wait $pid || { cat import.out >&2; die "the import failed"; }
echo "$reads reads during the import"
contains import.out "150.000 toegevoegd"

# The overview counts, the key index and the history.
[ "$(sqlite3 "$SNW_DB" "SELECT count(*) FROM actielijnen")" -eq $((old + rows)) ] || die "row count"
[ "$(sqlite3 "$SNW_DB" "SELECT sum(n) FROM actielijn_telling")" -eq $((old + rows)) ] || die "status counts"
[ "$(sqlite3 "$SNW_DB" "SELECT n FROM actielijn_telling t JOIN domeinen d ON d.id = t.domein_id
	WHERE d.code = 'WONEN' AND t.status = 'gepland'")" -ge $((rows / 3)) ] || die "gepland count"
[ "$(sqlite3 "$SNW_DB" "PRAGMA integrity_check")" = ok ] || die "integrity_check"
[ "$(sqlite3 "$SNW_DB" "SELECT count(*) FROM sqlite_master WHERE name = 'actielijnen_sleutel'")" = 1 ] ||
	die "the key index is missing"
expect_status 0 "$SNW" log --limit 1
contains "$T/out" "toegevoegd: 150.000 actielijnen"	# a count as Dutch writes it
# Importing the same file again changes nothing.
expect_status 0 "$SNW" import actielijnen.csv
contains "$T/out" "0 toegevoegd, 0 bijgewerkt, 150.000 ongewijzigd"
