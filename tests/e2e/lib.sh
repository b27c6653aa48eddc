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
tm_stop() { tm kill-server 2>/dev/null || true; }
trap tm_stop EXIT
