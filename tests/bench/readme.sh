#!/bin/sh
# readme.sh README TABLE: puts the contents of TABLE into README between
# the lines <!-- bench:start --> and <!-- bench:end -->, leaving the rest
# of the file alone. Without the markers they go right under a
# "## Performance" heading, or into a new such section at the end. The
# new file is written next to README and renamed over it, so a reader (or
# an editor saving the file) never meets half a file.
set -eu
readme=$1
table=$2
dir=$(dirname "$readme")
tmp=$(mktemp "$dir/.$(basename "$readme").bench.XXXXXX")
trap 'rm -f "$tmp"' EXIT

if [ -f "$readme" ] && grep -q '^<!-- bench:start -->' "$readme" && grep -q '^<!-- bench:end -->' "$readme"; then
	awk -v tf="$table" '
		/^<!-- bench:start -->/ {
			print; print ""
			while ((getline l < tf) > 0) print l
			print ""; skip = 1; next
		}
		/^<!-- bench:end -->/ { skip = 0 }
		!skip { print }' "$readme" >"$tmp"
elif [ -f "$readme" ] && grep -q '^## Performance[[:space:]]*$' "$readme"; then
	awk -v tf="$table" '
		{ print }
		/^## Performance[[:space:]]*$/ && !done {
			print ""; print "<!-- bench:start -->"; print ""
			while ((getline l < tf) > 0) print l
			print ""; print "<!-- bench:end -->"; done = 1
		}' "$readme" >"$tmp"
else
	{
		if [ -f "$readme" ]; then cat "$readme"; echo; fi
		printf '## Performance\n\n<!-- bench:start -->\n\n'
		cat "$table"
		printf '\n<!-- bench:end -->\n'
	} >"$tmp"
fi
if [ -f "$readme" ]; then
	chmod "$(stat -c %a "$readme")" "$tmp"
else
	chmod 644 "$tmp"
fi
mv -f "$tmp" "$readme"
trap - EXIT
