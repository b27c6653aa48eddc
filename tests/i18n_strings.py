#!/usr/bin/env python3
"""Finds text for people in the C sources that does not go through gettext.

Every sentence a person reads goes through _(), N_(), C_() or _n()
(include/core/i18n.h); po.sh checks that what is marked is translated.
This check finds what is not marked. It reads every string literal of
src/ and include/ (adjacent literals joined, as the compiler joins them),
and the call it is an argument of, and reports a literal that is not an
argument of a marker when it is text for people:

  - a phrase: two words of letters with white space between them
    ("niets gevonden", "rows to"), anywhere;
  - a word with a capital (a label: "Vergaderingen", "Titel"), anywhere;
  - any word in a call that puts text in front of a person: printf and its
    kin, say, usage_error, app_message, import_note, import_report,
    grid_text and the other drawing calls, the document calls (doc_para,
    doc_pair, doc_fmt, ...).

Printf conversions and escapes are not words: "%s: %s" is a format only.

What is not text for people, by kind (each rule below says why):

  - SQL, in src/store/ and src/model/ (the only homes of SQL, see
    tests/layers.sh): keywords in capitals, table.column, function calls,
    parameters (?1), quotes and comparisons;
  - HTML, SVG, CSS and Markdown markup, in the document writers
    (src/cli/doc_html.c, src/cli/doc_md.c): tags, attributes, entities,
    style rules;
  - key names (Tab, Shift-Tab, PgUp, Ctrl-S, ...): what the key tables
    parse and the keyboard says;
  - single tokens with a path, a file name, an option or an identifier in
    them ("%s/snw.db", "--read-only", "C.UTF-8", "LC_MESSAGES"), and the
    program's own name ("snw: %s");
  - the aliases of the CSV contract in src/core/entity.c ("title|name"):
    the header names and values a spreadsheet may use, in either language;
  - and the explicit list in tests/i18n_allow.txt, one literal per line
    with its file and why (CSV column names and stored values that are
    the file contract, data written in Dutch like the data, messages for
    programmers).

  python3 tests/i18n_strings.py [ROOT]     (ROOT: the source tree, default .)
Exits 1 and names every unmarked literal it finds.
"""

import os
import re
import sys

MARKERS = {"_", "N_", "C_", "_n"}

# Calls whose string arguments a person reads.
OUTPUT_CALLS = {
    "printf", "fprintf", "dprintf", "vprintf", "vfprintf", "puts", "fputs",
    "snprintf", "vsnprintf", "sprintf", "perror", "err", "errx", "warn", "warnx",
    "say", "vsay", "usage_error", "app_message", "import_note", "import_report",
    "grid_text", "grid_text_right", "grid_wrap", "render_heading", "render_wrap",
    "doc_title", "doc_heading", "doc_para", "doc_pair", "doc_item", "doc_fmt",
    "doc_table_begin",
}

SQL_DIRS = ("src/store/", "src/model/")
MARKUP_FILES = ("src/cli/doc_html.c", "src/cli/doc_md.c")

KEY_NAMES = {
    "Tab", "Shift-Tab", "Enter", "Esc", "Up", "Down", "Left", "Right", "PgUp", "PgDn",
    "Home", "End", "Space", "Backspace", "Delete",
}

SQL_WORDS = re.compile(
    r"\b(SELECT|FROM|WHERE|AND|OR|NOT|NULL|IS|IN|AS|ON|JOIN|ORDER|GROUP|BY|LIMIT|OFFSET|"
    r"DESC|ASC|INSERT|INTO|UPDATE|DELETE|CREATE|DROP|ALTER|TABLE|INDEX|TRIGGER|VIEW|INTEGER|"
    r"TEXT|PRIMARY|KEY|UNIQUE|CHECK|REFERENCES|DEFAULT|VALUES|SET|CASE|WHEN|THEN|ELSE|END|"
    r"BEGIN|COMMIT|ROLLBACK|PRAGMA|DISTINCT|UNION|ALL|EXISTS|BETWEEN|LEFT|OVER|CAST|WITH|"
    r"REPLACE|RETURNING|SAVEPOINT|RELEASE|IF|COLLATE|ESCAPE|LIKE|GLOB|ROWID)\b")
SQL_SYNTAX = re.compile(r"[A-Za-z_]\.[A-Za-z_]|[A-Za-z_]\(|\?\d|'|=|<|>|\|\|")
SQL_ALIAS = re.compile(r"^[a-z_]+ [a-z]$")		# "actielijnen a"
MARKUP = re.compile(r"[<>{};&#]|=\"|^\s*[a-z-]+(:|=)|^`")

CONVERSION = re.compile(
    r"%(\d+\$)?[-+ #0']*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcspn%]")
ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]+|[0-7]{1,3}|.)")
WORD = re.compile(r"[^\W\d_]{2,}")
PHRASE = re.compile(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}")
CAPITAL = re.compile(r"^[^\W\d_a-z]\w*[a-zß-ÿ]")	# "Titel", "Überblick"
TOKEN = re.compile(r"^\S+$")
PROGRAM = re.compile(r"\bsnw\b")			# the program's name
IDENTIFIER_TOKEN = re.compile(r"[/._=]|^-")


def lex(src):
    """Yields (kind, value, line) for the tokens that matter: identifiers,
    string literals, punctuation. Comments, character constants and
    #include lines are skipped; other directives are read as code, so that
    a table in a #define (include/tui/keys.h) is checked too."""
    i, n, line = 0, len(src), 1
    at_line_start = True
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
            at_line_start = True
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if c == "\\" and i + 1 < n and src[i + 1] == "\n":	# a continued line
            i += 2
            line += 1
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += src.count("\n", i, j)
            i = j
            continue
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "#" and at_line_start:
            m = re.match(r"#\s*include\b[^\n]*", src[i:])
            if m:
                i += m.end()
                continue
        at_line_start = False
        if c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                if src[j] == "\\":
                    j += 1
                j += 1
            yield ("str", src[i + 1:j], line)
            line += src.count("\n", i, j)
            i = j + 1
            continue
        if c == "'":
            j = i + 1
            while j < n and src[j] != "'":
                if src[j] == "\\":
                    j += 1
                j += 1
            i = j + 1
            continue
        m = re.match(r"[A-Za-z_]\w*", src[i:])
        if m:
            yield ("id", m.group(), line)
            i += m.end()
            continue
        yield ("p", c, line)
        i += 1


def literals(src):
    """Yields (text, line, call, marked) for every string literal (adjacent
    ones joined): call is the function whose argument it is (None in an
    initializer), marked whether a marker encloses it."""
    calls = []		# per open bracket: the function it calls, or None
    prev = None
    toks = list(lex(src))
    k = 0
    while k < len(toks):
        kind, val, line = toks[k]
        if kind == "p" and val in "([{":
            calls.append(prev[1] if val == "(" and prev and prev[0] == "id" else None)
        elif kind == "p" and val in ")]}":
            if calls:
                calls.pop()
        elif kind == "str":
            text = val
            while k + 1 < len(toks) and toks[k + 1][0] == "str":
                k += 1
                text += toks[k][1]
            inner = next((c for c in reversed(calls) if c is not None), None)
            innermost = calls[-1] if calls else None
            yield (text, line, innermost if innermost is not None else inner,
                   any(c in MARKERS for c in calls))
        prev = toks[k]
        k += 1


def plain(text):
    """The words of a literal: conversions and escapes taken out."""
    return ESCAPE.sub(" ", CONVERSION.sub(" ", text))


def is_key_names(text):
    parts = text.split()
    return bool(parts) and all(
        p in KEY_NAMES or re.fullmatch(r"Ctrl-[A-Z]?|F\d{1,2}|\S", p) for p in parts)


def kind_of(path, text, call):
    """Why a literal that is not marked is text for people, or None."""
    words = plain(text)
    if not WORD.search(words):
        return None						# a format only
    if path.startswith(SQL_DIRS) and (SQL_WORDS.search(text) or SQL_SYNTAX.search(text)
                                      or SQL_ALIAS.match(text)):
        return None						# SQL
    if path in MARKUP_FILES and MARKUP.search(text):
        return None						# markup
    if path == "src/core/entity.c" and "|" in text:
        return None						# the CSV contract's aliases
    if is_key_names(words):
        return None						# key names
    token = ESCAPE.sub("", CONVERSION.sub("", text)).strip()
    if TOKEN.match(token) and IDENTIFIER_TOKEN.search(token):
        return None						# a path, option, identifier
    words = PROGRAM.sub(" ", words)
    if not WORD.search(words):
        return None						# "snw: %s"
    stripped = words.strip()
    if PHRASE.search(words):
        return "a phrase"
    if CAPITAL.match(stripped) and TOKEN.match(stripped):
        return "a word with a capital"
    if call in OUTPUT_CALLS:
        return "text in a call to %s()" % call
    return None


def load_allow(path):
    allow = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            m = re.match(r'^(\S+): "(.*)" -- (\S.*)$', line)
            if not m:
                sys.exit("i18n: %s:%d: expected FILE: \"LITERAL\" -- WHY" % (path, n))
            allow[(m.group(1), m.group(2))] = False
    return allow


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    os.chdir(root)
    allow_file = "tests/i18n_allow.txt"
    allow = load_allow(allow_file) if os.path.exists(allow_file) else {}
    files = sorted(os.path.join(d, f) for top in ("src", "include")
                   for d, _, fs in os.walk(top) for f in fs if f.endswith((".c", ".h")))
    bad = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            src = f.read()
        for text, line, call, marked in literals(src):
            if marked:
                continue
            why = kind_of(path, text, call)
            if not why:
                continue
            if (path, text) in allow:
                allow[(path, text)] = True
                continue
            print('i18n: %s:%d: "%s" is %s that does not go through gettext '
                  "(expected _(), N_(), C_() or _n(); or, when it is not text for people, a line in %s)"
                  % (path, line, text, why, allow_file))
            bad += 1
    for (path, text), used in sorted(allow.items()):
        if not used:
            print('i18n: %s: "%s" in %s is no longer in %s (expected: the line removed)'
                  % (allow_file, text, allow_file, path))
            bad += 1
    if bad:
        return 1
    print("i18n: %d files, every text for people goes through gettext (%d allowed in %s)"
          % (len(files), len(allow), allow_file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
