#!/usr/bin/python3
"""Checks an HTML document that snw wrote (report, minutes):

- an HTML5 parser in strict mode (html5lib) reads it without one error;
- it is one file to mail: no script, no element or style that fetches
  anything (no src, no link, no url() but to a pattern in the file);
- it is accessible: a title, a language, one h1, headings that never skip
  a level, every table with header cells, every chart (svg role="img")
  with a title and a text its aria-labelledby points at, every image or
  decorative svg either labelled or hidden;
- it prints on A4: a print style sheet with @page A4.

Usage: html_check.py FILE...   (exit 1 and a line per problem)
"""
import re
import sys

import html5lib

SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def local(tag):
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def check(path):
    problems = []
    data = open(path, "rb").read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    try:
        root = parser.parse(data)
    except Exception as e:  # html5lib raises ParseError at the first error
        pos = parser.errors[0][0] if parser.errors else ("?", "?")
        return ["%s: line %s col %s: not valid HTML5: %s" % (path, pos[0], pos[1], e)]
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    html = root
    if not html.get("lang"):
        problems.append("no lang on <html>")
    titles = [el for el in root.iter(XHTML + "title")]
    if len(titles) != 1 or not (titles[0].text or "").strip():
        problems.append("the document needs one non-empty <title>")
    level = 0
    h1 = 0
    for el in root.iter():
        name = local(el.tag)
        if el.tag.startswith(XHTML) and re.fullmatch(r"h[1-6]", name):
            n = int(name[1])
            h1 += n == 1
            if n > level + 1:
                problems.append("heading <%s> %r skips a level after h%d" % (name, (el.text or "")[:40], level))
            level = n
        if name == "script":
            problems.append("a <script>")
        if name in ("link", "iframe", "object", "embed", "img", "audio", "video", "source"):
            problems.append("an element that loads something: <%s>" % name)
        for attr in ("src", "href", "{http://www.w3.org/1999/xlink}href", "srcset", "action"):
            v = el.get(attr)
            if v is not None and not v.startswith("#"):
                problems.append("<%s %s=%r> fetches something" % (name, local(attr), v))
        for attr, v in el.attrib.items():
            if local(attr).startswith("on"):
                problems.append("an event handler %s on <%s>" % (local(attr), name))
            if "url(" in v and not re.fullmatch(r"url\(#[\w-]+\)", v):
                problems.append("<%s %s=%r> refers outside the file" % (name, local(attr), v))
    if h1 != 1:
        problems.append("%d <h1> (expected one)" % h1)
    for style in root.iter(XHTML + "style"):
        css = style.text or ""
        for u in re.findall(r"url\(([^)]*)\)", css):
            if not u.strip("'\" ").startswith("#"):
                problems.append("the style sheet fetches %s" % u)
        if "@import" in css:
            problems.append("the style sheet imports another")
        if not re.search(r"@page\s*\{[^}]*size:\s*A4", css):
            problems.append("no @page of size A4 in the style sheet")
        if "@media print" not in css:
            problems.append("no print style sheet")
    for table in root.iter(XHTML + "table"):
        heads = [th for th in table.iter(XHTML + "th")]
        thead = table.find(XHTML + "thead")
        if thead is None or not heads:
            problems.append("a table without a header row of <th>")
        for tr in table.iter(XHTML + "tr"):
            cells = [c for c in tr if local(c.tag) in ("th", "td")]
            if thead is not None and len(cells) != len([c for c in thead.iter(XHTML + "th")]):
                problems.append("a row of %d cells in a table of %d columns" %
                                (len(cells), len(list(thead.iter(XHTML + "th")))))
                break
    for svg in root.iter(SVG + "svg"):
        if svg.get("aria-hidden") == "true":
            continue
        if svg.get("role") != "img":
            problems.append("an svg that is neither role=img nor aria-hidden")
            continue
        refs = (svg.get("aria-labelledby") or "").split()
        title = svg.find(SVG + "title")
        if title is None or not (title.text or "").strip():
            problems.append("a chart without a <title>")
        if not refs or any(r not in ids for r in refs):
            problems.append("a chart whose aria-labelledby %r does not point at its text" % refs)
    return ["%s: %s" % (path, p) for p in problems]


def main(paths):
    bad = []
    for p in paths:
        bad += check(p)
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
