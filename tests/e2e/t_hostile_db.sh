# The database itself in trouble: damaged or foreign files, a lock held
# too long by another program, a read-only directory or file, a full
# disk. Each gets a clear message and a non-zero exit, and nothing in the
# file is lost or changed.
bin=${SNW_REAL:-$SNW}
expect_status 0 "$SNW" --db good.db init
size=$(wc -c <good.db)
printf 'domein,titel\nWONEN,Nieuwe regel\n' > actielijnen.csv; chmod 644 actielijnen.csv

# damaged DB TEXT: every command on DB fails with TEXT; DB is unchanged.
damaged() {
	cp "$1" "$1.orig"
	for cmd in report log "export --dir ." "import actielijnen.csv" "import --dry-run actielijnen.csv"; do
		expect_status 74 "$SNW" --db "$1" $cmd
		contains "$T/err" "$2"
		cmp -s "$1" "$1.orig" || die "'$cmd' changed $1"
		[ ! -e "$1-wal" ] || [ ! -s "$1-wal" ] || die "'$cmd' wrote to $1-wal"
	done
}
head -c "$size" /dev/urandom > random.db
damaged random.db "random.db is geen snw-database of is beschadigd (file is not a database)"
cp good.db short.db; truncate -s 4096 short.db
damaged short.db "short.db is geen snw-database of is beschadigd (database disk image is malformed)"
cp good.db half.db; truncate -s $((size / 2)) half.db
damaged half.db "half.db is geen snw-database of is beschadigd"
# Every page but the first (the schema) overwritten: the tables are gone.
cp good.db pages.db
dd if=/dev/urandom of=pages.db bs=4096 seek=1 count=$((size / 4096 - 1)) conv=notrunc 2>/dev/null
damaged pages.db "pages.db is geen snw-database of is beschadigd"
# Another program's SQLite file is neither migrated nor switched to WAL.
sqlite3 other.db "CREATE TABLE klanten (naam TEXT); INSERT INTO klanten VALUES ('x')"
damaged other.db "other.db is geen snw-database: een ander programma heeft hem gemaakt"
[ "$(sqlite3 other.db 'PRAGMA journal_mode')" = delete ] || die "snw changed other.db's journal mode"

# A lock held too long: readers go on (WAL), a writer waits its busy
# timeout ($SNW_BUSY_TIMEOUT_MS) and then says so.
mkfifo ctl
sqlite3 good.db <ctl >lock.out 2>&1 &
lockpid=$!
exec 3>ctl
echo "BEGIN EXCLUSIVE; UPDATE domeinen SET motto = motto; SELECT 'locked';" >&3
i=0; until grep -q locked lock.out; do i=$((i + 1)); [ $i -lt 100 ] || die "no lock"; sleep 0.05; done
export SNW_BUSY_TIMEOUT_MS=300
expect_status 0 "$SNW" --db good.db report
t0=$(date +%s%N)
expect_status 74 "$SNW" --db good.db import actielijnen.csv
[ $(( ($(date +%s%N) - t0) / 1000000 )) -ge 300 ] || die "the import did not wait for the lock"
contains "$T/err" "de database is bezet: een ander programma hield haar langer dan 300 ms vast; probeer het opnieuw"
echo "ROLLBACK;" >&3
exec 3>&-
wait $lockpid
expect_status 0 "$SNW" --db good.db import actielijnen.csv
contains "$T/out" "1 toegevoegd"

# $SNW_BUSY_TIMEOUT_MS is how long to wait for another writer, and a
# reader in WAL waits for none; but it can meet a moment when another
# process holds the file alone (the checkpoint as the last connection
# closes, recovery after a crash; here: exclusive locking mode). With a
# timeout of 0 readers failed at once; they wait such moments out.
export SNW_BUSY_TIMEOUT_MS=0
mkfifo ctl2
sqlite3 good.db <ctl2 >lock2.out 2>&1 &
lockpid=$!
exec 4>ctl2
echo "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE domeinen SET motto = motto; SELECT 'locked';" >&4
i=0; until grep -q locked lock2.out; do i=$((i + 1)); [ $i -lt 100 ] || die "no exclusive lock"; sleep 0.05; done
"$SNW" --db good.db report >report2.out 2>report2.err 4>&- &
reader=$!
sleep 0.3	# the reader meets the lock (had it failed at once, it is gone)
echo "COMMIT;" >&4
exec 4>&-
wait $lockpid
wait $reader || { cat report2.err >&2; die "a reader with SNW_BUSY_TIMEOUT_MS=0 failed on a passing lock"; }
contains report2.out "Wonen en Leefomgeving"
unset SNW_BUSY_TIMEOUT_MS

# A read-only database file: it is shown, checked (--dry-run), not written.
# A read-only directory: snw cannot keep its -wal file there and says so.
# root may write anything, so as root these run as another login.
readonly_checks=yes
if [ "$(id -u)" != 0 ]; then
	as() { "$@"; }
	owner=$(id -u)
elif other_logins "the read-only file and directory checks" 61001; then
	as() { setpriv --reuid=61001 --regid=61001 --clear-groups "$@"; }
	owner=61001
else
	readonly_checks=no
fi
if [ $readonly_checks = yes ]; then
	mkdir rofile rodir
	cp good.db rofile/snw.db; cp good.db rodir/snw.db
	chown -R "$owner" rofile rodir
	chmod 444 rofile/snw.db
	chmod 555 rodir
	cp good.db keep.db
	expect_status 0 as "$bin" --db rofile/snw.db report
	expect_status 0 as "$bin" --db rofile/snw.db import --dry-run actielijnen.csv
	contains "$T/out" "proefimport (--dry-run): er is niets geschreven"
	expect_status 73 as "$bin" --db rofile/snw.db import actielijnen.csv
	contains "$T/err" "rofile/snw.db is voor jou alleen-lezen; er is niets geïmporteerd"
	cmp -s rofile/snw.db keep.db || die "a read-only file was changed"
	expect_status 74 as "$bin" --db rodir/snw.db import actielijnen.csv
	contains "$T/err" "de map rodir is alleen-lezen voor jou, en snw houdt rodir/snw.db-wal- en -shm-bestanden naast de database"
	cmp -s rodir/snw.db keep.db || die "a database in a read-only directory was changed"
	expect_status 73 as "$bin" --db rodir/new.db init
	[ ! -e rodir/new.db ] || die "init left a file in a read-only directory"
fi

# A full disk (a small tmpfs; needs root and mount).
mnt="$T/mnt"; mkdir "$mnt"
if ! mount -t tmpfs -o size=100k tmpfs "$mnt" 2>/dev/null; then
	echo "skipped: the full-disk checks need to mount a tmpfs (root)"
	exit 0
fi
trap 'umount "$mnt" 2>/dev/null || true; tm_stop' EXIT
# init cannot finish: it says why and leaves nothing behind.
expect_status 73 "$SNW" --db "$mnt/snw.db" init
contains "$T/err" "de schijf is vol"
[ -z "$(ls -A "$mnt")" ] || die "init on a full disk left $(ls -A "$mnt")"
umount "$mnt"
mount -t tmpfs -o size=2m tmpfs "$mnt"
expect_status 0 "$SNW" --db "$mnt/snw.db" init
mkdir "$mnt/out"
expect_status 0 "$SNW" --db good.db export --dir "$mnt/out" --table domeinen
cp "$mnt/out/domeinen.csv" domeinen.before
# Leave about 150 KB: enough to open the database, not for the import.
avail=$(df -k --output=avail "$mnt" | tail -n 1)
head -c $(( (avail - 150) * 1024 )) /dev/zero > "$mnt/filler"
cp "$mnt/snw.db" full.before
awk 'BEGIN { print "domein,titel"; for (i = 0; i < 20000; i++) printf "WONEN,Regel %d met wat meer tekst\n", i }' > big.csv
expect_status 74 "$SNW" --db "$mnt/snw.db" import --table actielijnen big.csv
contains "$T/err" "de schijf is vol; er is niets gewijzigd"
[ "$(sqlite3 "$mnt/snw.db" 'PRAGMA integrity_check')" = ok ] || die "integrity after a full disk"
[ "$(sqlite3 "$mnt/snw.db" 'SELECT count(*) FROM actielijnen')" = "$(sqlite3 full.before 'SELECT count(*) FROM actielijnen')" ] ||
	die "a failed import on a full disk changed the database"
# Export (from a database elsewhere) onto the full disk: an error, no
# half files, the old file intact.
head -c 2000000 /dev/zero > "$mnt/filler2" 2>/dev/null || true
expect_status 74 "$SNW" --db good.db export --dir "$mnt/out"
contains "$T/err" "kan niet geschreven worden: No space left on device"
cmp -s "$mnt/out/domeinen.csv" domeinen.before || die "a failed export damaged an earlier file"
[ -z "$(ls -A "$mnt/out" | grep '^\.')" ] || die "export left temporary files: $(ls -A "$mnt/out")"
# Room again: everything works.
rm "$mnt/filler" "$mnt/filler2"
expect_status 0 "$SNW" --db "$mnt/snw.db" import --table actielijnen actielijnen.csv
umount "$mnt"
