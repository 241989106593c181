#!/usr/bin/env bash
# A/A acceptance: RUNS/2 pairs of runs of the same suite and engines, each pair compared.
# Usage: suites/stats/measure-aa.sh OUTDIR [RUNS]   (env WASMBENCH: the wasmbench command)
# Settings: SUITE (quick), ENGINES (wasmtime,native), PROCESSES (3), ITERATIONS (10), THRESHOLD (5%).
set -uo pipefail
out="$1"; runs="${2:-6}"
W="${WASMBENCH:-dotnet run --project src/Silo --}"
mkdir -p "$out"
for i in $(seq 1 "$runs"); do
  $W run --suite "${SUITE:-quick}" --engine "${ENGINES:-wasmtime,native}" --processes "${PROCESSES:-3}" \
    --iterations "${ITERATIONS:-10}" --warmup 1 --db "$out/aa.db" --json "$out/run$i.json" > "$out/run$i.log" 2>&1
done
regressions=0; comparisons=0
for i in $(seq 1 2 "$runs"); do
  $W compare "$out/run$i.json" "$out/run$((i + 1)).json" --threshold "${THRESHOLD:-5%}" \
    --json "$out/compare$i.json" --markdown "$out/compare$i.md" > "$out/compare$i.log" 2>&1
  echo "pair $i: exit $?"
  comparisons=$((comparisons + $(grep -c '"verdict"' "$out/compare$i.json")))
  regressions=$((regressions + $(grep -c '"verdict": "slower"' "$out/compare$i.json")))
done
echo "A/A: $regressions significant regressions in $comparisons comparisons"
