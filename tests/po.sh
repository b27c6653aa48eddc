#!/bin/sh
# The message catalogues are complete and current:
#   - po/snw.pot holds exactly the messages of src/ and the headers (run `make pot` after
#     adding or changing a message);
#   - every language's .po translates every one of them, none fuzzy, and
#     holds no message that is gone from the sources;
#   - msgfmt --check finds nothing (format strings agree, plurals, ...).
#   sh tests/po.sh "XGETTEXT COMMAND" LANG...
set -u
xgettext=$1; shift
T=$(mktemp -d "${TMPDIR:-/tmp}/snw-po.XXXXXX")
trap 'rm -rf "$T"' EXIT
bad=0
fail() { echo "check-po: $*"; sed 's/^/  | /' "$T/log" | head -20; bad=1; }

$xgettext -o "$T/now.pot" $(find src -name '*.c' | sort) $(find include src -name '*.h' | sort) || exit 1
msgcmp --use-untranslated po/snw.pot "$T/now.pot" >"$T/log" 2>&1 ||
	fail "src/ has messages that po/snw.pot lacks (run make pot):"
msgcmp --use-untranslated "$T/now.pot" po/snw.pot >"$T/log" 2>&1 ||
	fail "po/snw.pot has messages that src/ no longer has (run make pot):"
for l in "$@"; do
	msgfmt --check --statistics -o /dev/null "po/$l.po" >"$T/log" 2>&1 ||
		{ fail "msgfmt --check po/$l.po:"; continue; }
	grep -qE 'untranslated|fuzzy' "$T/log" && fail "po/$l.po is incomplete:"
	msgcmp "po/$l.po" po/snw.pot >"$T/log" 2>&1 ||
		fail "po/$l.po does not translate every message of po/snw.pot:"
	msgcmp --use-untranslated --use-fuzzy po/snw.pot "po/$l.po" >"$T/log" 2>&1 ||
		fail "po/$l.po holds messages that po/snw.pot does not (run make pot):"
done
[ "$bad" = 0 ] && echo "check-po: $(grep -c '^msgid ' po/snw.pot | awk '{print $1 - 1}') messages, translated into: $*"
exit "$bad"
