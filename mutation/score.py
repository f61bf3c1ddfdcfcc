#!/usr/bin/env python3
"""Per-file score and survivors from a Stryker.NET JSON report (mutation-report.json).

usage: python3 mutation/score.py StrykerOutput/<run>/reports/mutation-report.json
Score = killed (incl. timeout) / (killed + survived + no coverage); compile errors and ignored mutants do not count.
"""
import json
import sys

report = json.load(open(sys.argv[1]))
total_k = total_d = 0
survivors = []
for path, data in sorted(report["files"].items()):
    counts = {}
    for m in data["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
        if m["status"] in ("Survived", "NoCoverage"):
            line = m["location"]["start"]["line"]
            survivors.append((path.split("/src/")[-1], line, m["status"], m["mutatorName"], m.get("replacement", "").replace("\n", " ")[:90]))
    killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
    detected = killed + counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    if detected == 0:
        continue
    total_k += killed
    total_d += detected
    print(f"| `{path.split('/src/')[-1]}` | {killed} | {counts.get('Survived', 0)} | {counts.get('NoCoverage', 0)} | {counts.get('CompileError', 0)} | {100.0 * killed / detected:.1f} % |")
if total_d:
    print(f"| **total** | {total_k} | | | | **{100.0 * total_k / total_d:.1f} %** |")
print()
for s in survivors:
    print("- `%s:%d` %s, %s: `%s`" % s)
