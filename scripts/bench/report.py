#!/usr/bin/env python3
"""Turns scripts/bench.sh's raw measurements into the Markdown report.

Input: results.tsv (one row per run), meta.tsv (key<TAB>value), the per-run
logs (for notegraph's summary). Output: Markdown on stdout.

Throughput is bytes / 1e6 / median wall seconds (1 MB = 1,000,000 bytes, as
gen-notes counts sizes); peak RSS is the largest %M of all repetitions.
"""
import argparse
import csv
import re
import statistics
import sys
from pathlib import Path

TOOLS = ["notegraph", "md4c", "cmark"]

# Target thresholds from the issue.
MIN_VS_MD4C = 0.5       # notegraph throughput >= 50% of md4c's on the 100 MB file
MIN_VS_CMARK = 3.0      # "that is >= 3x cmark" (informational companion of the above)
STORE_FACTOR = 1.5      # peak RSS <= md4c peak + 1.5 x final store
MAX_SPLIT_RATIO = 1.3   # split corpus time <= 1.3 x single-file time

UNIT = {"b": 1, "byte": 1, "bytes": 1, "kb": 1e3, "kib": 1024, "mb": 1e6, "mib": 1024**2,
        "gb": 1e9, "gib": 1024**3}
# Tolerant readers for the store size in notegraph's summary (format not fixed
# yet): "store: 12.5 MiB", "store 12.5MiB (...)", "store_bytes=13107200",
# "\"store_bytes\": 13107200", "final store size: 12 MB", ...
# "file:line:col: warning: text [code]" as src/diag renders them.
RE_DIAG = re.compile(r":\s(warning|error):\s.*?(?:\[([\w-]+)\])?\s*$")
RE_STORE_BYTES = re.compile(r"store[\s_-]*(?:size[\s_-]*)?bytes\W{0,3}\s*[:=]?\s*(\d+)", re.I)
RE_STORE_UNIT = re.compile(
    r"store\b[^\n]*?(\d+(?:[.,]\d+)?)\s*(GiB|MiB|KiB|GB|MB|KB|kB|bytes|byte|B)\b", re.I)


def store_bytes(text):
    """(bytes, line) of the final store size found in a summary, or (None, None)."""
    for line in text.splitlines():
        m = RE_STORE_BYTES.search(line)
        if m:
            return int(m.group(1)), line.strip()
        m = RE_STORE_UNIT.search(line)
        if m:
            return float(m.group(1).replace(",", ".")) * UNIT[m.group(2).lower()], line.strip()
    return None, None


def fmt(x, nd=2):
    return "n/a" if x is None else f"{x:.{nd}f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--meta", required=True)
    ap.add_argument("--logs", required=True)
    args = ap.parse_args()

    meta = {}
    for line in Path(args.meta).read_text().splitlines():
        if "\t" in line:
            k, v = line.split("\t", 1)
            meta[k] = v

    runs = {}      # (corpus, tool) -> list of rows
    corpora = {}   # corpus -> dict(kind, size, files, bytes), in run order
    with open(args.results, newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            corpora.setdefault(r["corpus"], {"kind": r["kind"], "size": float(r["size_mb"]),
                                             "files": int(r["files"]), "bytes": int(r["bytes"])})
            runs.setdefault((r["corpus"], r["tool"]), []).append(r)

    stats = {}  # (corpus, tool) -> dict
    for (corpus, tool), rows in runs.items():
        ok = [r for r in rows if r["rc"] == "0"]
        walls = [float(r["t1"]) - float(r["t0"]) for r in ok]
        st = {"n": len(rows), "failed": len(rows) - len(ok),
              "rc": next((r["rc"] for r in rows if r["rc"] != "0"), "0")}
        if walls:
            med = statistics.median(walls)
            st.update(median=med, min=min(walls), mbps=corpora[corpus]["bytes"] / 1e6 / med if med > 0 else None,
                      rss=max(int(r["maxrss_kb"]) for r in ok) / 1024)
        stats[(corpus, tool)] = st

    out = []
    w = out.append
    w("# notegraph build-throughput benchmark")
    w("")
    for k in ["date", "git", "host", "cpu", "load", "notegraph", "md4c", "cmark", "reps", "slow", "total"]:
        if k in meta:
            w(f"- {k}: {meta[k]}")
    w("")
    w("Wall time is the median of the repetitions (interleaved: each repetition runs every tool once); "
      "MB/s = input bytes / 10^6 / median; peak RSS = largest max RSS (`/usr/bin/time %M`) of the repetitions. "
      "×md4c / ×cmark = this tool's MB/s divided by that peer's on the same corpus.")
    w("")
    w("| corpus | files | MB | tool | runs | median s | min s | MB/s | peak RSS MiB | ×md4c | ×cmark |")
    w("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for corpus, c in corpora.items():
        for tool in TOOLS:
            st = stats.get((corpus, tool))
            if st is None:
                continue
            if "median" not in st:
                w(f"| {corpus} | {c['files']} | {c['bytes'] / 1e6:.1f} | {tool} | {st['n']} | FAILED (exit {st['rc']}) "
                  "| | | | | |")
                continue
            ratios = []
            for peer in ("md4c", "cmark"):
                p = stats.get((corpus, peer), {})
                ratios.append(fmt(st["mbps"] / p["mbps"]) if p.get("mbps") else "n/a")
            note = f" ({st['failed']}/{st['n']} runs failed)" if st["failed"] else ""
            w(f"| {corpus} | {c['files']} | {c['bytes'] / 1e6:.1f} | {tool}{note} | {st['n'] - st['failed']} "
              f"| {st['median']:.3f} "
              f"| {st['min']:.3f} | {st['mbps']:.1f} | {st['rss']:.1f} | {ratios[0]} | {ratios[1]} |")
    w("")

    # notegraph's diagnostics per corpus (from the last repetition's log).
    diag_lines = []
    for corpus in corpora:
        log = Path(args.logs) / f"{corpus}.notegraph.log"
        if not log.exists():
            continue
        counts = {}
        for line in log.read_text(errors="replace").splitlines():
            m = RE_DIAG.search(line)
            if m:
                key = (m.group(1), m.group(2) or "?")
                counts[key] = counts.get(key, 0) + 1
        if counts:
            parts = ", ".join(f"{n} {sev} [{code}]" for (sev, code), n in sorted(counts.items()))
            diag_lines.append(f"- {corpus}: {parts}")
    if diag_lines:
        w("notegraph diagnostics (see bench-runs/logs/):")
        w("")
        out.extend(diag_lines)
        w("")

    # Split vs single, every tool (the target is notegraph's).
    split_pairs = []
    for corpus, c in corpora.items():
        if c["kind"] != "split":
            continue
        single = next((k for k, d in corpora.items() if d["kind"] == "single" and d["size"] == c["size"]), None)
        if single:
            split_pairs.append((corpus, single))
    if split_pairs:
        w("| split corpus | tool | split median s | single median s | split / single |")
        w("|---|---|---:|---:|---:|")
        for split, single in split_pairs:
            for tool in TOOLS:
                a, b = stats.get((split, tool), {}), stats.get((single, tool), {})
                if "median" in a and "median" in b:
                    w(f"| {split} vs {single} | {tool} | {a['median']:.3f} | {b['median']:.3f} "
                      f"| {a['median'] / b['median']:.2f} |")
        w("")

    # Target checks.
    w("## Target checks")
    w("")
    singles = [k for k, d in corpora.items() if d["kind"] == "single"]
    if not singles:
        w("- no single-file corpus measured")
        print("\n".join(out))
        return 0
    big = max(singles, key=lambda k: corpora[k]["size"])
    caveat = "" if corpora[big]["size"] >= 100 else f" (evaluated on {big}: the 100 MB corpus was not run)"
    ng, md, cm = (stats.get((big, t), {}) for t in TOOLS)
    ng_reason = meta.get("notegraph_missing", "notegraph was not run")

    # 1. throughput
    if "mbps" not in ng:
        w(f"- throughput ≥ {MIN_VS_MD4C:.0%} of md4c: SKIP — {ng_reason}")
    elif "mbps" not in md:
        w("- throughput: SKIP — md4c was not measured")
    else:
        r = ng["mbps"] / md["mbps"]
        verdict = "PASS" if r >= MIN_VS_MD4C else "FAIL"
        extra = ""
        if "mbps" in cm:
            rc = ng["mbps"] / cm["mbps"]
            extra = (f"; vs cmark {rc:.2f}× ({cm['mbps']:.1f} MB/s, target ≥ {MIN_VS_CMARK:.0f}×: "
                     f"{'PASS' if rc >= MIN_VS_CMARK else 'FAIL'})")
        w(f"- throughput ≥ {MIN_VS_MD4C:.0%} of md4c on {big}: {verdict} — notegraph {ng['mbps']:.1f} MB/s, "
          f"md4c {md['mbps']:.1f} MB/s, ratio {r:.2f}{extra}{caveat}")

    # 2. memory
    log = Path(args.logs) / f"{big}.notegraph.log"
    sbytes, sline = store_bytes(log.read_text(errors="replace")) if log.exists() else (None, None)
    if "rss" not in ng:
        w(f"- peak memory ≤ md4c peak + {STORE_FACTOR}× store: SKIP — {ng_reason}")
    elif sbytes is None:
        w(f"- peak memory ≤ md4c peak + {STORE_FACTOR}× store: SKIP — final store size n/a (no store size in "
          f"notegraph's summary, see {log.name}); notegraph peak {ng['rss']:.1f} MiB, "
          f"md4c peak {fmt(md.get('rss'), 1)} MiB{caveat}")
    elif "rss" not in md:
        w("- peak memory: SKIP — md4c was not measured")
    else:
        store_mib = sbytes / 1024**2
        limit = md["rss"] + STORE_FACTOR * store_mib
        verdict = "PASS" if ng["rss"] <= limit else "FAIL"
        w(f"- peak memory ≤ md4c peak + {STORE_FACTOR}× store on {big}: {verdict} — notegraph {ng['rss']:.1f} MiB, "
          f"limit {limit:.1f} MiB = md4c {md['rss']:.1f} + {STORE_FACTOR} × store {store_mib:.1f} MiB "
          f"(from: `{sline}`){caveat}")

    # 3. split
    pair = next(((s, g) for s, g in split_pairs if corpora[s]["files"] >= 10000), split_pairs[0] if split_pairs else None)
    if pair is None:
        w(f"- split ≤ {MAX_SPLIT_RATIO}× single: SKIP — no split corpus measured")
    else:
        s, g = pair
        a, b = stats.get((s, "notegraph"), {}), stats.get((g, "notegraph"), {})
        if "median" not in a or "median" not in b:
            w(f"- split ≤ {MAX_SPLIT_RATIO}× single: SKIP — {ng_reason}")
        else:
            r = a["median"] / b["median"]
            verdict = "PASS" if r <= MAX_SPLIT_RATIO else "FAIL"
            w(f"- {corpora[s]['files']} files ≤ {MAX_SPLIT_RATIO}× single-file time ({s} vs {g}): {verdict} — "
              f"{a['median']:.3f} s vs {b['median']:.3f} s, ratio {r:.2f}")
    if log.exists():
        tail = [l.strip() for l in log.read_text(errors="replace").splitlines() if l.strip()][-4:]
        if tail:
            w("")
            w(f"notegraph output on {big} (last lines of {log.name}):")
            w("")
            w("```")
            out.extend(tail)
            w("```")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
