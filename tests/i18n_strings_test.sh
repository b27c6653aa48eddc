#!/bin/sh
# Shows that tests/i18n_strings.py catches what it is for: each case copies
# the tree, adds one sentence for people that does not go through gettext
# and expects the check to fail naming it; the same sentence through _()
# passes, and so does the unchanged copy.
#   sh tests/i18n_strings_test.sh
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/snw-i18n.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0
caught=0

fresh() {
	rm -rf "$T/tree" && mkdir -p "$T/tree/tests" &&
		cp -R "$src/src" "$src/include" "$T/tree/" && cp "$src/tests/i18n_allow.txt" "$T/tree/tests/"
}
check() { /usr/bin/python3 "$src/tests/i18n_strings.py" "$T/tree" >"$T/out" 2>&1; }
add() { printf '%s\n' "$2" >>"$T/tree/$1"; }
# expect_fail DESCRIPTION FILE CODE TEXT: CODE appended to FILE fails the
# check, which names FILE and TEXT.
expect_fail() {
	fresh; add "$2" "$3"
	if check; then
		echo "i18n_strings_test: FAIL: $1 was not caught"; fail=1
	elif ! grep -qF -- "$2" "$T/out" || ! grep -qF -- "$4" "$T/out"; then
		echo "i18n_strings_test: FAIL: $1: the message lacks '$2' or '$4':"; cat "$T/out"; fail=1
	else
		caught=$((caught + 1))
	fi
}
# expect_pass DESCRIPTION FILE CODE: the same, marked, passes.
expect_pass() {
	fresh; add "$2" "$3"
	check || { echo "i18n_strings_test: FAIL: $1 was refused:"; cat "$T/out"; fail=1; }
}

fresh
check || { echo "i18n_strings_test: FAIL: the tree as it is fails:"; cat "$T/out"; fail=1; }

expect_fail "a sentence in printf" src/cli/export.c \
	'static void f1(void) { printf("%d rows written\n", 3); }' '"%d rows written\n"'
expect_fail "a sentence in fprintf" src/cli/import.c \
	'static void f2(FILE *fp) { fprintf(fp, "%s: nothing to do\n", "x"); }' '"%s: nothing to do\n"'
expect_fail "a sentence in app_message" src/tui/app.c \
	'static void f3(struct app *a) { app_message(a, true, "niets gevonden"); }' '"niets gevonden"'
expect_fail "a word in app_message" src/tui/app.c \
	'static void f4(struct app *a) { app_message(a, false, "klaar"); }' 'text in a call to app_message()'
expect_fail "a sentence in say" src/cli/main.c \
	'static void f5(void) { say("the database is gone"); }' '"the database is gone"'
expect_fail "a sentence in import_note" src/cli/import_parse.c \
	'static void f6(struct parser *p) { import_note(p, false, 1, "column is empty"); }' '"column is empty"'
expect_fail "a sentence in a document" src/cli/report.c \
	'static void f7(struct doc *d) { doc_para(d, "Geen actielijnen.", 0); }' '"Geen actielijnen."'
expect_fail "a heading in a document" src/cli/minutes.c \
	'static void f8(struct doc *d) { doc_heading(d, 2, "Besluiten", 0); }' '"Besluiten"'
expect_fail "a label in a table" src/tui/views/actions.c \
	'static const char *const f9[] = { "Eigenaar" };' '"Eigenaar"'
expect_fail "a sentence in a string table" src/tui/render.c \
	'static const char *const f10[] = { "press q to quit" };' '"press q to quit"'
expect_fail "a sentence split over two literals" src/tui/edit.c \
	'static const char f11[] = "nothing was " "saved";' '"nothing was saved"'
expect_fail "a sentence in a #define" include/tui/keys.h \
	'#define F12_LABEL "Show the help"' '"Show the help"'
expect_fail "a sentence in SQL's home that is not SQL" src/model/overview.c \
	'static const char *f13(void) { return "geen status vastgelegd"; }' '"geen status vastgelegd"'
expect_pass "the sentence through _()" src/tui/app.c \
	'static void f3(struct app *a) { app_message(a, true, "%s", _("niets gevonden")); }'
expect_pass "a format only" src/cli/main.c 'static void f5(void) { say("%s: %s", "a", "b"); }'
expect_pass "a label marked with N_()" src/tui/views/actions.c 'static const char *const f9[] = { N_("Eigenaar") };'
expect_pass "SQL in the model" src/model/overview.c \
	'static const char *f13(void) { return "SELECT count(*) FROM acties WHERE status = ?1"; }'

# The list of exceptions holds only what is there.
fresh; echo 'src/tui/app.c: "no such literal" -- a stale line' >>"$T/tree/tests/i18n_allow.txt"
if check; then
	echo "i18n_strings_test: FAIL: a stale line in tests/i18n_allow.txt was not caught"; fail=1
else
	caught=$((caught + 1))
fi

[ "$fail" = 0 ] && echo "i18n_strings_test: $caught unmarked sentences and stale exceptions caught, the marked ones and the tree as it is pass"
exit "$fail"
