#!/usr/bin/env python3
"""Reads an RFC 4180 CSV file with Python's csv module (an independent reader
for the property-graph tests) and writes each record as its field count on a
line, then every field as "<UTF-8 byte length>:<bytes>", so a C++ test can
compare byte for byte with its own reading."""
import csv
import sys

out = sys.stdout.buffer
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f, strict=True):
        out.write(str(len(row)).encode() + b"\n")
        for field in row:
            data = field.encode("utf-8")
            out.write(str(len(data)).encode() + b":" + data)
