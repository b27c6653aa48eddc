# Long work shows progress on stderr when it is a terminal, and nothing
# at all in a pipe or a file. $SNW_PROGRESS_AFTER_MS=0 shows it from the
# first batch on, so no timing decides what is seen.
export SNW_PROGRESS_AFTER_MS=0
expect_status 0 "$SNW" init
awk 'BEGIN { print "domein,titel"; for (i = 0; i < 5000; i++) printf "WONEN,Regel %d\n", i }' > actielijnen.csv
cr=$(printf '\r')
expect_status 0 "$SNW" import actielijnen.csv
! grep -q "$cr" "$T/err" || die "a progress line went into a file: $(od -c "$T/err" | head)"
lacks "$T/err" "rijen"
contains "$T/out" "5.000 toegevoegd"
mkdir uit
expect_status 0 "$SNW" export --dir uit
! grep -q "$cr" "$T/err" || die "a progress line of export went into a file"
lacks "$T/err" "rijen"
"$SNW" import actielijnen.csv 2>&1 | cat > piped.txt
lacks piped.txt "rijen"

# On a terminal (script gives the command one): the line is drawn with
# \r and cleared at the end.
if ! command -v script >/dev/null; then
	echo "skipped: the terminal side needs script(1)"
	exit 0
fi
script -q -e -c "\"$SNW\" import actielijnen.csv" /dev/null > tty.txt 2>&1 || die "import on a terminal failed: $(cat tty.txt)"
contains tty.txt "actielijnen.csv: "
contains tty.txt " rijen, "
contains tty.txt " per seconde, "
grep -q "${cr}actielijnen.csv: [0-9.]* rijen" tty.txt || die "no progress line drawn with \\r: $(od -c tty.txt | head)"
# Cleared: the summary follows a \r over spaces, not the progress text.
grep -q "${cr} *${cr}actielijnen  *0 toegevoegd" tty.txt || die "the progress line was not cleared: $(od -c tty.txt | tail)"
script -q -e -c "\"$SNW\" export --dir uit" /dev/null > tty.txt 2>&1 || die "export on a terminal failed"
contains tty.txt "uit/actielijnen.csv: "
contains tty.txt "%"
