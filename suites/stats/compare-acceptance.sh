#!/usr/bin/env bash
# The comparisons of measure-acceptance.sh, again, over runs it recorded in OUTDIR (for example
# after a change to the statistics): sensitivity (base_i -> slow10_i: is spin slower?) and A/A
# (disjoint pairs of runs of the same suite: every row flagged slower is a false regression).
# Usage: suites/stats/compare-acceptance.sh OUTDIR [REPEATS]   (env WASMBENCH, THRESHOLD as there; REFERENCE: adjust, detect or off)
set -uo pipefail
out="$1"; repeats="${2:-20}"
W="${WASMBENCH:-dotnet run -c Release --project src/Silo --}"
verdict() { # FILE WORKLOAD -> the verdict of that workload's execution row ("not-compared" without one)
  [ -f "$1" ] || { echo not-compared; return; }
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["report"]["rows"]; print(next((x["verdict"] for x in r if x["workload"]==sys.argv[2]), "not-compared"))' "$1" "$2"
}
flagged=0
for i in $(seq 1 "$repeats"); do
  rm -f "$out/sens$i.json"
  $W compare "$out/base$i.json" "$out/slow10$i.json" --threshold "${THRESHOLD:-5%}" --reference "${REFERENCE:-adjust}" --json "$out/sens$i.json" > "$out/sens$i.log" 2>&1
  v=$(verdict "$out/sens$i.json" spin)
  [ "$v" = slower ] && flagged=$((flagged + 1))
  echo "repeat $i: spin $v: $(grep -o 'spin  *wasmtime execution.*\|spin on wasmtime.*not compared.*' "$out/sens$i.log")"
done
echo "sensitivity: spin flagged slower in $flagged of $repeats repeats"
regressions=0; comparisons=0
for side in base slow10; do
  for i in $(seq 1 2 $((repeats - 1))); do
    rm -f "$out/aa-$side$i.json"
    $W compare "$out/$side$i.json" "$out/$side$((i + 1)).json" --threshold "${THRESHOLD:-5%}" --reference "${REFERENCE:-adjust}" \
      --json "$out/aa-$side$i.json" > "$out/aa-$side$i.log" 2>&1
    # No JSON: compare found nothing it could compare (e.g. both runs disturbed throughout): 0 comparisons.
    n=$(cat "$out/aa-$side$i.json" 2>/dev/null | grep -c '"verdict"'); r=$(cat "$out/aa-$side$i.json" 2>/dev/null | grep -c '"verdict": "slower"')
    comparisons=$((comparisons + n)); regressions=$((regressions + r))
    echo "A/A $side$i-$side$((i + 1)): $r of $n flagged slower"
  done
done
echo "A/A: $regressions false regressions in $comparisons workload comparisons"
