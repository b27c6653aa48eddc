# SIGTERM restores the terminal; NO_COLOR still draws a readable screen.
expect_status 0 "$SNW" init
tm_start 80 24 "NO_COLOR=1 SNW_DB=$SNW_DB $SNW"
tm_wait "paneel 1/8"
tm_keys 1; tm_wait "rij 1/"
pid=$(pgrep -n -f "^$SNW\$")
[ -n "$pid" ] || die "snw is not running"
kill -TERM "$pid"
tm_wait "[exit 143]"
