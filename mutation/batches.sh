#!/bin/bash
# Stryker batches over the guard files, each with the tests of meaning that target them (snapshots excluded).
# Each batch writes its own report: StrykerOutput/<batch>/reports/mutation-report.json (score it with score.py).
# A batch already reported is skipped, so an interrupted sequence resumes where it stopped.
#
# usage: mutation/batches.sh [batch ...]        (no argument: every batch, in this order)
# Needs an otherwise idle machine: each mutant starts a test host (see docs/verification.md, "Mutation testing").
set -u
cd "$(dirname "$0")"
source ./batch-args.sh

names=("$@")
[ ${#names[@]} -eq 0 ] && names=(values cidrs bypass emitter secrets network ingress compose stack service extras)
for name in "${names[@]}"; do
  args=$(batch "$name") || exit 2
  [ -f "StrykerOutput/$name/reports/mutation-report.json" ] && { echo "$name: reported already"; continue; }
  echo "== $name $(date -u +%H:%M:%S)"
  # The emitter and secrets batches mutate only Datamancy.Config.Emit: a cached generator run is the same for every mutant.
  if [ "$name" = emitter ] || [ "$name" = secrets ]; then unset DATAMANCY_TEST_NO_CACHE; else export DATAMANCY_TEST_NO_CACHE=1; fi
  # The globs and the filter hold no spaces, so word splitting of $args is safe; set -f keeps the globs literal.
  set -f
  dotnet stryker --reporter json --reporter cleartext --concurrency 2 -O "StrykerOutput/$name" $args || exit 1
  set +f
  python3 score.py "StrykerOutput/$name/reports/mutation-report.json"
done
