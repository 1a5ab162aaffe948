#!/usr/bin/env python3
"""Regenerates tests/notes/expected/**.headings from cmark (run by hand, once).

For every Markdown file under tests/data/real-notes, writes the headings the
CommonMark reference implementation finds, one per line:
    <level> TAB <line> TAB <text>
Front matter is blanked out first (cmark does not know it; line numbers are
kept). The text follows the notes parser's contract: code spans and raw HTML
are dropped, soft line breaks are "\\n" (written as the two characters \\n).
RealNotesTest compares the parser's headings with these files; it never runs
cmark itself.
"""
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://commonmark.org/xml/1.0}"
ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "real-notes"
OUT = ROOT / "tests" / "notes" / "expected"


def blank_front_matter(text: str) -> str:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return text
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join([""] * (i + 1) + lines[i + 1:])
    return text


def plain(node) -> str:
    out = []
    for child in node:
        tag = child.tag.replace(NS, "")
        if tag in ("code", "html_inline"):
            continue
        if tag == "text":
            out.append(child.text or "")
        elif tag in ("softbreak", "linebreak"):
            out.append("\\n")
        else:
            out.append(plain(child))
    return "".join(out)


def headings(md: pathlib.Path):
    text = blank_front_matter(md.read_text(encoding="utf-8"))
    xml = subprocess.run(["cmark", "--to", "xml", "--sourcepos"], input=text.encode("utf-8"),
                         capture_output=True, check=True).stdout
    for h in ET.fromstring(xml).iter(NS + "heading"):
        line = int(re.match(r"(\d+):", h.get("sourcepos")).group(1))
        yield f"{h.get('level')}\t{line}\t{plain(h).strip()}"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for md in sorted(DATA.rglob("*.md")):
        if md.name == "SOURCES.md":
            continue
        rel = md.relative_to(DATA)
        target = OUT / rel.parent / (rel.name + ".headings")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("".join(h + "\n" for h in headings(md)), encoding="utf-8")
        print(f"{target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
