#!/usr/bin/env bash
# Both acceptance checks of docs/statistics.md in one sequence of runs.
#   REPEATS times: a run of base-mix.suite, then a run of slow10-mix.suite (the same suite with a
#   spin workload doing 10% more work).
#   Sensitivity: each base_i -> slow10_i comparison must flag spin as slower.
#   A/A: disjoint pairs of runs of the same suite (base1-base2, base3-base4, ..., slow10_1-slow10_2,
#   ...) compared; every (workload, engine) row flagged "slower" is a false regression.
# Usage: suites/stats/measure-acceptance.sh OUTDIR [REPEATS]
# Env: WASMBENCH (the wasmbench command), ENGINES (wasmtime), PROCESSES (8), ITERATIONS (10),
#      THRESHOLD (5%).
set -uo pipefail
out="$1"; repeats="${2:-20}"
W="${WASMBENCH:-dotnet run -c Release --project src/Silo --}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out"
verdict() { # FILE WORKLOAD -> the verdict of that workload's execution row
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["report"]["rows"]; print(next((x["verdict"] for x in r if x["workload"]==sys.argv[2]), "missing"))' "$1" "$2"
}
flagged=0
for i in $(seq 1 "$repeats"); do
  for side in base slow10; do
    $W run --suite "$here/$side-mix.suite" --engine "${ENGINES:-wasmtime}" --processes "${PROCESSES:-8}" \
      --iterations "${ITERATIONS:-10}" --warmup 1 --label "acceptance-$side" --db "$out/acceptance.db" \
      --json "$out/$side$i.json" > "$out/$side$i.log" 2>&1 || echo "run $side$i failed: see $out/$side$i.log"
  done
  $W compare "$out/base$i.json" "$out/slow10$i.json" --threshold "${THRESHOLD:-5%}" --json "$out/sens$i.json" > "$out/sens$i.log" 2>&1
  v=$(verdict "$out/sens$i.json" spin)
  [ "$v" = slower ] && flagged=$((flagged + 1))
  echo "$(date -u +%H:%M:%S) repeat $i: spin $v: $(grep -o 'spin  *wasmtime execution.*' "$out/sens$i.log")"
done
echo "sensitivity: spin flagged slower in $flagged of $repeats repeats"
regressions=0; comparisons=0
for side in base slow10; do
  for i in $(seq 1 2 $((repeats - 1))); do
    $W compare "$out/$side$i.json" "$out/$side$((i + 1)).json" --threshold "${THRESHOLD:-5%}" \
      --json "$out/aa-$side$i.json" > "$out/aa-$side$i.log" 2>&1
    n=$(grep -c '"verdict"' "$out/aa-$side$i.json"); r=$(grep -c '"verdict": "slower"' "$out/aa-$side$i.json")
    comparisons=$((comparisons + n)); regressions=$((regressions + r))
    echo "A/A $side$i-$side$((i + 1)): $r of $n flagged slower"
  done
done
echo "A/A: $regressions false regressions in $comparisons workload comparisons"
