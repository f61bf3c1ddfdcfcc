#!/usr/bin/env python3
"""Per-file score and survivors from a Stryker.NET JSON report (mutation-report.json).

usage: python3 mutation/score.py StrykerOutput/<run>/reports/mutation-report.json [--rerun <re-run report>]
Score = killed (incl. timeout) / (killed + survived + no coverage); compile errors and ignored mutants do not count.
With --rerun (mutation/rerun.sh: the survivors' lines tested again after tests were added), a mutant the re-run
tested again (same file, place, mutator and replacement) takes the re-run's status: a survivor it killed counts as
killed, and a timeout of the full run that the re-run saw survive counts as a survivor.
"""
import json
import sys


def key(path, m):
    # The path below src/, so a re-run in another checkout of the same commit matches.
    s = m["location"]["start"]
    e = m["location"]["end"]
    return (path.split("/src/")[-1], s["line"], s["column"], e["line"], e["column"], m["mutatorName"], m.get("replacement", ""))


args = sys.argv[1:]
rerun_path = None
if "--rerun" in args:
    i = args.index("--rerun")
    rerun_path = args[i + 1]
    del args[i:i + 2]
report = json.load(open(args[0]))
tested_again = {}
if rerun_path:
    rerun = json.load(open(rerun_path))
    for path, data in rerun["files"].items():
        for m in data["mutants"]:
            if m["status"] in ("Killed", "Timeout", "Survived", "NoCoverage"):
                tested_again[key(path, m)] = m["status"]
matched = overturned = 0

total_k = total_d = 0
survivors = []
for path, data in sorted(report["files"].items()):
    counts = {}
    for m in data["mutants"]:
        status = m["status"]
        later = tested_again.get(key(path, m))
        if status in ("Survived", "NoCoverage") and later in ("Killed", "Timeout"):
            status = "Killed"
            matched += 1
        elif status == "Timeout" and later in ("Survived", "NoCoverage"):
            status = later
            overturned += 1
        counts[status] = counts.get(status, 0) + 1
        if status in ("Survived", "NoCoverage"):
            line = m["location"]["start"]["line"]
            survivors.append((path.split("/src/")[-1], line, status, m["mutatorName"], m.get("replacement", "").replace("\n", " ")[:90]))
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
if rerun_path:
    print()
    print("re-run: %d survivors of the full run killed, %d timeouts of the full run survived" % (matched, overturned))

