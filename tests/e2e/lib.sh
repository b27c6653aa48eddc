# Helpers for the end-to-end tests; sourced by run.sh in a subshell whose
# working directory is $T.
set -eu
export SNW_DB="$T/snw.db"
export LC_ALL=C.UTF-8
unset NO_COLOR XDG_DATA_HOME

die() { echo "FAIL: $*" >&2; exit 1; }

# expect_status CODE CMD...: runs CMD, requires exit status CODE.
expect_status() {
	want=$1; shift
	set +e; "$@" >"$T/out" 2>"$T/err"; got=$?; set -e
	[ "$got" -eq "$want" ] || { cat "$T/out" "$T/err" >&2; die "'$*' exited $got, expected $want"; }
}

# contains FILE TEXT: FILE holds TEXT (fixed string).
contains() { grep -qF -- "$2" "$1" || { cat "$1" >&2; die "$1 lacks '$2'"; }; }
lacks() { ! grep -qF -- "$2" "$1" || { cat "$1" >&2; die "$1 should not contain '$2'"; }; }

# tmux helpers: one private server per test.
TMUX_SOCK="$T/tmux.sock"
tm() { tmux -S "$TMUX_SOCK" "$@"; }
# tm_start COLS ROWS CMD: starts CMD in a detached session "t".
tm_start() {
	cols=$1 rows=$2; shift 2
	tm new-session -d -s t -x "$cols" -y "$rows" "env TERM=xterm-256color $*; echo \"[exit \$?]\"; sleep 30"
}
tm_screen() { tm capture-pane -p -t t; }
# tm_wait TEXT [SECONDS]: waits until TEXT is on screen.
tm_wait() {
	i=0; limit=$(( ${2:-5} * 10 ))
	while ! tm_screen | grep -qF -- "$1"; do
		i=$((i + 1)); [ $i -lt $limit ] || { tm_screen >&2; die "screen never showed '$1'"; }
		sleep 0.1
	done
}
tm_keys() { tm send-keys -t t "$@"; }
# The socket goes with the server: a tm_start right after would reach the
# server while it exits ("server exited unexpectedly"); a new path reaches
# a new one.
tm_stop() { tm kill-server 2>/dev/null || true; rm -f "$TMUX_SOCK"; }
trap tm_stop EXIT

# other_logins WHAT UID...: root plays other logins (the UIDs) with setpriv
# to test WHAT. The checkout may be closed to them (a clone in a 0700 home
# directory), so $bin and the shipped data are copied into $T/login, which
# is opened to them: $T and $T/login are 0711 (they can reach what they are
# told about, list nothing), and $bin and $SNW_DATADIR point at the copies.
# When there is no second login to test with, prints "skipped: WHAT ..."
# with the reason and returns 1.
other_logins() {
	what=$1; shift
	if [ "$(id -u)" != 0 ]; then
		echo "skipped: $what: needs root to play other logins"; return 1
	fi
	if ! command -v setpriv >/dev/null; then
		echo "skipped: $what: needs setpriv (util-linux) to play other logins"; return 1
	fi
	chmod 711 "$T" || die "chmod $T"
	mkdir -p "$T/login/data" && cp "$bin" "$T/login/snw" || die "cannot copy $bin to $T/login"
	if [ -n "${SNW_DATADIR:-}" ]; then
		cp "$SNW_DATADIR"/*.csv "$T/login/data/" && chmod 644 "$T"/login/data/*.csv ||
			die "cannot copy the shipped data to $T/login/data"
	fi
	chmod 755 "$T/login/snw" "$T/login/data" && chmod 711 "$T/login" || die "chmod $T/login"
	bin=$T/login/snw
	[ -z "${SNW_DATADIR:-}" ] || export SNW_DATADIR="$T/login/data"
	for uid in "$@"; do
		# sh, not setpriv, runs snw: setpriv still holds root's
		# capabilities when it starts a program itself.
		if ! err=$(setpriv --reuid="$uid" --regid="$uid" --clear-groups sh -c 'exec "$@"' as "$bin" --version 2>&1 >/dev/null); then
			echo "skipped: $what: uid $uid cannot run $bin ($err); is a directory above $T closed to others? (set TMPDIR)"
			return 1
		fi
	done
}
