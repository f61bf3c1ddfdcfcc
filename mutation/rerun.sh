#!/bin/bash
# After tests were added for a batch's survivors: re-tests only the lines where its mutants survived (or had no
# coverage), with the batch's own tests, into StrykerOutput/<batch>-rerun. The source must be unchanged since the
# batch's run (only tests added); score both together with
#   python3 score.py StrykerOutput/<batch>/reports/mutation-report.json --rerun StrykerOutput/<batch>-rerun/reports/mutation-report.json
#
# With RERUN_TIMEOUTS=1 the lines of timed-out mutants are re-tested too (a timeout under load is not a kill to trust).
#
# usage: [RERUN_TIMEOUTS=1] mutation/rerun.sh batch ...
set -u
cd "$(dirname "$0")"
source ./batch-args.sh

for name in "$@"; do
  full="StrykerOutput/$name/reports/mutation-report.json"
  [ -f "$full" ] || { echo "$name: no report to re-run" >&2; exit 2; }
  args=$(batch "$name") || exit 2
  # Every --mutate of the batch is replaced by the survivors' lines.
  args=$(echo "$args" | sed -E 's/--mutate [^ ]+//g')
  # set -f: the patterns hold '*' and '{..}', which the shell must pass on as they are.
  set -f
  patterns=$(python3 survivor_spans.py "$full" ${RERUN_TIMEOUTS:+--timeouts}) || exit 2
  mutate=""
  for pattern in $patterns; do mutate="$mutate --mutate $pattern"; done
  [ -n "$mutate" ] || { echo "$name: nothing survived"; set +f; continue; }
  echo "== $name-rerun $(date -u +%H:%M:%S)"
  if [ "$name" = emitter ] || [ "$name" = secrets ]; then unset DATAMANCY_TEST_NO_CACHE; else export DATAMANCY_TEST_NO_CACHE=1; fi
  rm -rf "StrykerOutput/$name-rerun"
  dotnet stryker --reporter json --reporter cleartext --concurrency 2 -O "StrykerOutput/$name-rerun" $args $mutate || exit 1
  set +f
  python3 score.py "$full" --rerun "StrykerOutput/$name-rerun/reports/mutation-report.json"
done
