#!/usr/bin/python3
"""Checks Markdown that snw wrote as GitHub shows it: renders it with
cmark-gfm (GitHub's own renderer, with its table extension) and reads the
result:

- every table row has as many cells as the table's header;
- data made no Markdown of its own: no emphasis, link, image, strike,
  inline code or heading beyond what snw writes (headings, lists,
  tables, strong keys and captions, <br> and <small>, one code block per
  chart);
- each TEXT given appears, as text, in the rendered document.

Usage: md_check.py FILE [TEXT...]   (exit 1 and a line per problem)
"""
import subprocess
import sys

import html5lib

NS = "{http://www.w3.org/1999/xhtml}"
UNWANTED = {"em", "a", "img", "del", "s", "h5", "h6", "blockquote", "hr", "sup", "sub", "input"}


def text_of(el):
    return "".join(el.itertext())


def main(path, texts):
    md = open(path, "rb").read()
    html = subprocess.run(["cmark-gfm", "-e", "table", "--unsafe"], input=md,
                          stdout=subprocess.PIPE, check=True).stdout
    root = html5lib.parse(html)
    problems = []
    for el in root.iter():
        name = el.tag.replace(NS, "") if isinstance(el.tag, str) else ""
        if name in UNWANTED:
            problems.append("data became <%s>: %r" % (name, text_of(el)[:60]))
    codes = [c for c in root.iter(NS + "code")]
    in_pre = {c for p in root.iter(NS + "pre") for c in p.iter(NS + "code")}
    for c in codes:
        if c not in in_pre:
            problems.append("data became inline code: %r" % text_of(c)[:60])
    for table in root.iter(NS + "table"):
        head = table.find(NS + "thead")
        ncols = len(list(head.iter(NS + "th"))) if head is not None else 0
        for tr in table.iter(NS + "tr"):
            cells = [c for c in tr if c.tag in (NS + "td", NS + "th")]
            if len(cells) != ncols:
                problems.append("a row of %d cells in a table of %d: %r" %
                                (len(cells), ncols, text_of(tr)[:80]))
    body = text_of(root)
    for t in texts:
        if t not in body:
            problems.append("the rendered text lacks %r" % t)
    for p in problems:
        print("%s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
