#!/usr/bin/env bash
# Both acceptance checks of docs/statistics.md in one sequence of runs.
#   REPEATS times: a run of base-mix.suite, then a run of slow10-mix.suite (the same suite with a
#   spin workload doing 10% more work).
#   Sensitivity: each base_i -> slow10_i comparison must flag spin as slower.
#   A/A: disjoint pairs of runs of the same suite (base1-base2, base3-base4, ..., slow10_1-slow10_2,
#   ...) compared; every (workload, engine) row flagged "slower" is a false regression.
# The comparisons are compare-acceptance.sh, run at the end.
# Usage: suites/stats/measure-acceptance.sh OUTDIR [REPEATS]
# Env: WASMBENCH (the wasmbench command), ENGINES (wasmtime), PROCESSES (8), ITERATIONS (10),
#      REMEASURE (2), THRESHOLD (5%), REFERENCE (adjust). The runner's machine-reference history
#      lives in OUTDIR next to the database, so the first processes of the first run have no level.
set -uo pipefail
out="$1"; repeats="${2:-20}"
W="${WASMBENCH:-dotnet run -c Release --project src/Silo --}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out"
for i in $(seq 1 "$repeats"); do
  for side in base slow10; do
    $W run --suite "$here/$side-mix.suite" --engine "${ENGINES:-wasmtime}" --processes "${PROCESSES:-8}" \
      --iterations "${ITERATIONS:-10}" --warmup 1 --remeasure "${REMEASURE:-2}" --label "acceptance-$side" --db "$out/acceptance.db" \
      --json "$out/$side$i.json" > "$out/$side$i.log" 2>&1 || echo "run $side$i failed: see $out/$side$i.log"
  done
  echo "$(date -u +%H:%M:%S) repeat $i: both runs recorded"
done
WASMBENCH="$W" "$here/compare-acceptance.sh" "$out" "$repeats"
