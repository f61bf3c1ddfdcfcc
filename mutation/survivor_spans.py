#!/usr/bin/env python3
"""Stryker --mutate patterns covering the lines where a report's mutants survived or had no coverage.

usage: python3 mutation/survivor_spans.py StrykerOutput/<batch>/reports/mutation-report.json [--timeouts]
With --timeouts the lines of timed-out mutants are covered too: a timeout on a loaded machine is not a kill to trust.
Prints one pattern per file, "**/<folder>/<file>{start..end}{start..end}", with character spans of whole lines:
Stryker mutates only what a span fully contains, so each span runs from its first line's start to its last line's end.
"""
import json
import os
import sys

args = sys.argv[1:]
statuses = ("Survived", "NoCoverage", "Timeout") if "--timeouts" in args else ("Survived", "NoCoverage")
report = json.load(open([a for a in args if a != "--timeouts"][0]))
for path, data in sorted(report["files"].items()):
    lines = set()
    for m in data["mutants"]:
        if m["status"] in statuses:
            start, end = m["location"]["start"]["line"], m["location"]["end"]["line"]
            lines.update(range(start, end + 1))
    if not lines:
        continue
    # Offsets count characters of the source Stryker mutated (the report holds it); the file must still be that source.
    text = data["source"]
    on_disk = open(path, encoding="utf-8-sig", newline="").read()
    if on_disk != text:
        sys.exit("%s changed since the report was written; run the whole batch again" % path)
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    spans = []
    for line in sorted(lines):
        begin = starts[line - 1]
        finish = starts[line] - 1 if line < len(starts) else len(text)
        if spans and spans[-1][1] + 1 == begin:
            spans[-1][1] = finish
        else:
            spans.append([begin, finish])
    folder, name = os.path.split(path)
    print("**/%s/%s%s" % (os.path.basename(folder), name, "".join("{%d..%d}" % (a, b) for a, b in spans)))
