#!/usr/bin/env bash
# Sensitivity acceptance: REPEATS times, a run of base.suite (spin, N iterations) then a run of
# slow10.suite (the same module doing 10% more work), compared; counts how often it is flagged.
# Usage: suites/stats/measure-sensitivity.sh OUTDIR [REPEATS]   (env WASMBENCH as in measure-aa.sh)
set -uo pipefail
out="$1"; repeats="${2:-20}"
W="${WASMBENCH:-dotnet run --project src/Silo --}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out"
flagged=0
for i in $(seq 1 "$repeats"); do
  for side in base slow10; do
    $W run --suite "$here/$side.suite" --engine "${ENGINES:-wasmtime}" --processes "${PROCESSES:-3}" \
      --iterations "${ITERATIONS:-10}" --warmup 1 --db "$out/sens.db" --json "$out/$side$i.json" > "$out/$side$i.log" 2>&1
  done
  $W compare "$out/base$i.json" "$out/slow10$i.json" --threshold "${THRESHOLD:-5%}" --json "$out/compare$i.json" > "$out/compare$i.log" 2>&1
  code=$?
  [ "$code" = 1 ] && flagged=$((flagged + 1))
  echo "repeat $i: exit $code $(grep -o 'spin wasmtime execution.*' "$out/compare$i.log")"
done
echo "sensitivity: flagged $flagged of $repeats"
