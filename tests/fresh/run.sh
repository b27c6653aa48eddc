#!/bin/sh
# make check-fresh: the README's two commands on a truly fresh Debian 12.
#   sh tests/fresh/run.sh DIR        (as root; DIR holds the chroot and logs)
#
# What it proves. On a minimal Debian (debootstrap --variant=minbase
# bookworm) to which only make and git were added, as root, with the
# repository cloned into a private home directory (/root, mode 0700) and
# LANG and LC_* unset:
#   1. test: `make test` installs what it needs and every test passes;
#   2. run:  in another such system, `make run` as the first command
#            installs what it needs, builds, and draws the dashboard's
#            first frame; q then leaves it with exit status 0.
# It prints how long each step took, and on a failure the end of its log
# (the whole log stays in DIR).
#
# How.
# - What is tested is the committed HEAD of this checkout (uncommitted
#   changes are not), cloned inside the chroot from a git bundle: the
#   chroot cannot reach this repository otherwise.
# - DIR/base.tar is debootstrap's minbase plus `apt-get update` and
#   `apt-get install make git`: exactly what the user had before typing
#   the first command. It is built once and used for a day (FRESH_REBUILD=1
#   builds it again). Each step unpacks it into an empty DIR/root, so both
#   start from that system and nothing of an earlier run or step remains.
# - The archive is the one this machine's apt uses for bookworm
#   (FRESH_MIRROR overrides it), reached with this machine's apt proxy and
#   date-check settings and its /etc/resolv.conf.
# - Mounts in the chroot are new instances only (proc, a devpts of its own
#   for tmux's terminals, a tmpfs on /dev/shm); nothing of this machine is
#   bind-mounted, so deleting the chroot cannot delete anything outside
#   it. On every exit, failures included, the processes still running in
#   the chroot are ended and everything mounted under it is unmounted.
# - `make run` needs a terminal. A tmux server on this machine plays the
#   user's terminal emulator: like theirs, it lives outside the system
#   under test, so the chroot gets nothing that `make run` did not install
#   itself. The step waits for "paneel 1/8" on the first frame, shows the
#   frame, presses q and requires exit status 0.
set -eu

dir=${1:?usage: run.sh DIR}
suite=bookworm
test_timeout=${FRESH_TEST_TIMEOUT:-3600}	# seconds for make test
run_timeout=${FRESH_RUN_TIMEOUT:-1800}		# seconds until make run's first frame
src=$(cd "$(dirname "$0")/../.." && pwd)

say() { echo "check-fresh: $*"; }
fail() { say "FAILED: $*"; exit 1; }
now() { date +%s; }
took() { s=$(( $(now) - $1 )); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap, chroot, mount): sudo make check-fresh"
for c in debootstrap tmux git tar; do
	command -v $c >/dev/null || fail "$c is missing"
done
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
case $dir in *[!A-Za-z0-9/._-]*) fail "DIR must be a plain path without spaces: $dir" ;; esac
root=$dir/root
rm -f "$dir/test.log" "$dir/run.log" "$dir/run.frame"
start=$(now)

# --- the archive ----------------------------------------------------------
# The first URI that this machine's apt uses for "$suite main" (one-line
# and deb822 sources); Debian's own when there is none.
host_mirror() {
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk -v s="$suite" '$1 == "deb" {
			for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) break
			if (i < NF && $(i + 1) == s) { print $i; exit }
		}' "$f"
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk -v s="$suite" 'BEGIN { RS = "" } {
			n = split($0, line, "\n"); uri = ""; ok = 0; on = 1
			for (i = 1; i <= n; i++) {
				if (line[i] ~ /^Enabled:[ \t]*no/) on = 0
				if (line[i] ~ /^URIs:/) { split(line[i], w, /[ \t]+/); uri = w[2] }
				if (line[i] ~ /^Suites:/ && (" " line[i] " ") ~ (" " s " ")) ok = 1
			}
			if (ok && on && uri != "") { print uri; exit }
		}' "$f"
	done
}
mirror=${FRESH_MIRROR:-$(host_mirror | head -n 1)}
mirror=${mirror:-http://deb.debian.org/debian}
# debootstrap fetches with wget, which reads the proxy from the environment.
eval "$(apt-config shell http_proxy Acquire::http::Proxy https_proxy Acquire::https::Proxy)"
[ -z "${http_proxy:-}" ] || export http_proxy
[ -z "${https_proxy:-}" ] || export https_proxy

# --- the chroot -----------------------------------------------------------
mounts_under() { awk -v r="$root/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r; }

# Ends what still runs in the chroot and unmounts everything under it.
teardown() {
	[ -d "$root" ] || return 0
	for p in /proc/[0-9]*; do
		if [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ]; then kill -9 "${p#/proc/}" 2>/dev/null || true; fi
	done
	i=0
	while [ -n "$(mounts_under)" ] && [ $i -lt 5 ]; do
		for m in $(mounts_under); do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
		i=$((i + 1)); sleep 0.2
	done
	[ -z "$(mounts_under)" ] || { say "still mounted under $root:"; mounts_under; return 1; }
}
tmux_sock=$dir/tmux.sock
cleanup() {
	st=$?
	tmux -S "$tmux_sock" kill-server 2>/dev/null || true
	teardown || st=1
	exit $st
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# Removes the chroot (once nothing is mounted under it) and makes an empty one.
empty_root() {
	teardown || fail "cannot unmount what is under $root"
	rm -rf --one-file-system "$root"
	mkdir -p "$root"
}

# What the chroot needs to reach the archive: name service and apt's
# proxy and date-check settings.
network() {
	cp -L /etc/resolv.conf "$root/etc/resolv.conf"
	apt-config dump | grep -iE '^Acquire::(https?::)?(Proxy|Check-Valid-Until|Check-Date) ' \
		> "$root/etc/apt/apt.conf.d/00archive" || rm -f "$root/etc/apt/apt.conf.d/00archive"
}

mount_all() {
	mount -t proc proc "$root/proc"
	mount -t devpts -o newinstance,ptmxmode=0666,mode=0620,gid=5 devpts "$root/dev/pts"
	rm -f "$root/dev/ptmx"; ln -s pts/ptmx "$root/dev/ptmx"
	mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
}

# in_root CMD...: runs CMD in the chroot as a fresh root login would: HOME
# /root, a plain PATH, no LANG or LC_*.
in_root() {
	chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

base=$dir/base.tar
if [ -n "${FRESH_REBUILD:-}" ] || [ -z "$(find "$base" -mmin -1440 2>/dev/null)" ]; then
	t=$(now)
	say "building a minimal Debian $suite from $mirror (debootstrap --variant=minbase)"
	empty_root
	debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$dir/base.log" 2>&1 ||
		{ tail -n 30 "$dir/base.log"; fail "debootstrap (log: $dir/base.log)"; }
	network
	# What the user does first: apt-get install make git.
	in_root sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y make git && apt-get clean' \
		</dev/null >>"$dir/base.log" 2>&1 ||
		{ tail -n 30 "$dir/base.log"; fail "apt-get install make git (log: $dir/base.log)"; }
	tar -C "$root" -cf "$base.tmp" . && mv "$base.tmp" "$base"
	say "base system ready in $(took "$t"): $(in_root dpkg-query -W -f '.\n' | wc -l) packages (minbase, make, git)"
fi

git -C "$src" diff --quiet HEAD 2>/dev/null || say "note: uncommitted changes are not tested, only HEAD"
commit=$(git -C "$src" rev-parse --short HEAD)
git -C "$src" bundle create "$dir/snw.bundle" HEAD 2>/dev/null

# fresh_system: the base system in an empty DIR/root, mounted, with the
# repository cloned into /root/snw (/root mode 0700).
fresh_system() {
	empty_root
	tar -C "$root" -xpf "$base"
	network
	mount_all
	cp "$dir/snw.bundle" "$root/var/tmp/snw.bundle"
	chmod 700 "$root/root"
	in_root git -c advice.detachedHead=false clone -q /var/tmp/snw.bundle /root/snw
	rm "$root/var/tmp/snw.bundle"
}

# --- 1. make test ---------------------------------------------------------
t=$(now)
say "test: make test in a fresh clone of $commit"
fresh_system
if ! timeout --foreground "$test_timeout" chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root \
	SHELL=/bin/bash PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	sh -c 'cd /root/snw && make test' </dev/null >"$dir/test.log" 2>&1; then
	tail -n 60 "$dir/test.log"
	fail "make test on a fresh Debian (log: $dir/test.log; after $(took "$t"))"
fi
installed() { sed -n 's/^snw: installing //p' "$1" | tr '\n' ' '; }
say "test: make installed: $(installed "$dir/test.log")"
grep -E 'Synthesis:|^e2e:|skipped: ' "$dir/test.log" | sed 's/^/    /' || true
say "test: passed in $(took "$t")"

# --- 2. make run ----------------------------------------------------------
t=$(now)
say "run: make run as the first command in another fresh clone"
fresh_system
printf 'set -g history-limit 100000\n' > "$dir/tmux.conf"
tmux -S "$tmux_sock" -f "$dir/tmux.conf" new-session -d -s run -x 100 -y 30 \
	"chroot $root /usr/bin/env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin TERM=\$TERM \
	sh -c 'cd /root/snw && make run'; echo \"[exit \$?]\"; sleep 3600"
screen() { tmux -S "$tmux_sock" capture-pane -p -t run "$@"; }
run_log() { screen -S - -E - > "$dir/run.log" 2>&1 || true; }
i=0
until screen | grep -qF "paneel 1/8"; do
	if screen | grep -qF "[exit " || [ $i -ge "$run_timeout" ]; then
		run_log; tail -n 60 "$dir/run.log"
		fail "make run never showed the dashboard (log: $dir/run.log; after $(took "$t"))"
	fi
	i=$((i + 1)); sleep 1
done
screen > "$dir/run.frame"
say "run: the first frame after $(took "$t"):"
sed 's/^/    | /' "$dir/run.frame"
tmux -S "$tmux_sock" send-keys -t run q
i=0
until screen | grep -qF "[exit "; do
	i=$((i + 1)); [ $i -lt 100 ] || { run_log; fail "q did not leave the dashboard (log: $dir/run.log)"; }
	sleep 0.1
done
run_log
screen | grep -qF "[exit 0]" || { tail -n 20 "$dir/run.log"; fail "make run did not exit with status 0"; }
say "run: make installed: $(installed "$dir/run.log")"
say "run: passed in $(took "$t")"

tmux -S "$tmux_sock" kill-server 2>/dev/null || true
rm -f "$tmux_sock"
empty_root
rmdir "$root"
say "passed in $(took "$start") (HEAD $commit, Debian $suite minbase + make git, from $mirror)"
