#!/usr/bin/env python3
"""Writes the seed inputs of one fuzz target into a folder (scripts/fuzz calls it).

Seeds: the target's own kind of file from the seed notes (data/), the real
notes (tests/data/real-notes and ../shared/corpus/real-notes when present), the
W3C test queries and data (tests/conformance/), and then every other file git
tracks under tests/ (libFuzzer's merge keeps only the ones that add coverage).
Files longer than the target's -max_len are cut into pieces at line ends
(Markdown at headings where it can), so that no seed is truncated mid-token.
"""
import hashlib
import os
import subprocess
import sys

KINDS = {
    "notes": (".md",),
    "exporters": (".md",),
    "query_parser": (".rq", ".rqx"),
    "query_engine": (".rq", ".rqx"),
    "ntriples": (".nt", ".nq"),
    "turtle": (".ttl", ".nt"),
}


def pieces(data, max_len, markdown):
    if len(data) <= max_len:
        yield data
        return
    lines = data.splitlines(keepends=True)
    chunk = b""
    for line in lines:
        starts_section = markdown and line.startswith(b"#")
        if chunk and (len(chunk) + len(line) > max_len or (starts_section and len(chunk) > max_len // 2)):
            yield chunk
            chunk = b""
        chunk += line[:max_len]
    if chunk:
        yield chunk


def main():
    target, out_dir, max_len = sys.argv[1], sys.argv[2], int(sys.argv[3])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    kinds = KINDS[target]
    tracked = subprocess.run(["git", "-C", root, "ls-files", "-z", "data", "tests"], capture_output=True,
                             check=True).stdout.decode().split("\0")
    paths = [os.path.join(root, p) for p in tracked if p and not p.startswith("tests/fuzz/corpus/")]
    shared = os.path.join(root, "..", "shared", "corpus", "real-notes")
    for dirpath, _, files in os.walk(shared):
        paths += [os.path.join(dirpath, f) for f in files]
    own = [p for p in paths if p.endswith(kinds)]
    other = [p for p in paths if not p.endswith(kinds) and os.path.getsize(p) <= max_len]
    os.makedirs(out_dir, exist_ok=True)
    written = 0
    for path in own + other:
        with open(path, "rb") as f:
            data = f.read()
        for piece in pieces(data, max_len, path.endswith(".md")):
            name = hashlib.sha1(piece).hexdigest()
            with open(os.path.join(out_dir, name), "wb") as f:
                f.write(piece)
            written += 1
    print(f"seeds for {target}: {written} inputs from {len(own)} {'/'.join(kinds)} files and {len(other)} others")


if __name__ == "__main__":
    main()
