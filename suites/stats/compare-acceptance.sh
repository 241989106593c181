#!/usr/bin/env bash
# The comparisons of measure-acceptance.sh, again, over runs it recorded in OUTDIR (for example
# after a change to the statistics): sensitivity (base_i -> slow10_i: is spin slower?) and A/A
# (disjoint pairs of runs of the same suite: every row flagged slower is a false regression).
# Usage: suites/stats/compare-acceptance.sh OUTDIR [REPEATS]   (env WASMBENCH, THRESHOLD as there)
set -uo pipefail
out="$1"; repeats="${2:-20}"
W="${WASMBENCH:-dotnet run -c Release --project src/Silo --}"
verdict() { # FILE WORKLOAD -> the verdict of that workload's execution row
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["report"]["rows"]; print(next((x["verdict"] for x in r if x["workload"]==sys.argv[2]), "missing"))' "$1" "$2"
}
flagged=0
for i in $(seq 1 "$repeats"); do
  $W compare "$out/base$i.json" "$out/slow10$i.json" --threshold "${THRESHOLD:-5%}" --json "$out/sens$i.json" > "$out/sens$i.log" 2>&1
  v=$(verdict "$out/sens$i.json" spin)
  [ "$v" = slower ] && flagged=$((flagged + 1))
  echo "repeat $i: spin $v: $(grep -o 'spin  *wasmtime execution.*' "$out/sens$i.log")"
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
