# A first run at the default location creates the database from the
# shipped data; the report and the export show the programme's real
# content. (A database named with --db or $SNW_DB is never created
# unasked: t_cli_db_missing.sh.)
unset SNW_DB
export XDG_DATA_HOME="$T/data"
db="$XDG_DATA_HOME/snw/snw.db"
expect_status 0 "$SNW" report
contains "$T/err" "$db wordt gemaakt met de meegeleverde gegevens"
[ -f "$db" ] || die "no database created"
# Only the owner may read or write it.
perm=$(stat -c %a "$db")
[ "$perm" = 600 ] || die "database mode $perm, expected 600"
contains "$T/out" "Eigenaarschap, Inclusie en Democratie (EID, domein)"
contains "$T/out" "Motto: Van, voor, met en door bewoners"
contains "$T/out" "Wonen en Leefomgeving"
contains "$T/out" "Wijkrechtspraak in Nieuw-West"
contains "$T/out" "Community Wealth Building"
expect_status 0 "$SNW" report --domain veilig
contains "$T/out" "Veiligheid (VEILIG"
lacks "$T/out" "Wonen en Leefomgeving (WONEN"
expect_status 64 "$SNW" report --domain nergens
contains "$T/err" "onbekend domein 'nergens'"
[ ! -s "$T/out" ] || die "an unknown domain printed a report's title"

# Export gives back exactly the shipped files. Columns of the shipped files
# that the export does not write (yet: bron, groep) are left out of the
# comparison; the shipped data has no line breaks inside values.
only_exported() {	# only_exported SHIPPED EXPORTED: SHIPPED with the export's columns
	awk -v hdr="$(head -n 1 "$2")" '
	function fields(line, out,   n, i, c, q, f) {
		n = 0; f = ""; q = 0
		for (i = 1; i <= length(line); i++) {
			c = substr(line, i, 1)
			if (c == "\"") q = !q
			if (c == "," && !q) { out[++n] = f; f = "" } else f = f c
		}
		out[++n] = f
		return n
	}
	NR == 1 { m = split(hdr, h, ","); for (i = 1; i <= m; i++) want[h[i]] = 1
		  n = fields($0, name); for (i = 1; i <= n; i++) keep[i] = (name[i] in want) }
	{ n = fields($0, v); s = ""; sep = ""
	  for (i = 1; i <= n; i++) if (keep[i]) { s = s sep v[i]; sep = "," }
	  print s }' "$1"
}
mkdir exported
expect_status 0 "$SNW" export --dir exported
for f in "$SNW_DATADIR"/*.csv; do
	b=$(basename "$f")
	only_exported "$f" "exported/$b" > "shipped-$b"
	cmp "shipped-$b" "exported/$b" || die "export of $b differs from the shipped file"
done

# init refuses to overwrite.
expect_status 73 "$SNW" init
contains "$T/err" "$db bestaat al"
