#!/usr/bin/env python3
"""How much each workload's run median wanders between runs, raw and divided by the machine reference.

Usage: suites/stats/run-spread.py OUTDIR [OUTDIR...]
  Each OUTDIR holds the base<i>.json / slow10<i>.json files measure-acceptance.sh wrote (run --json).
  Per series (OUTDIR, base or slow10) and workload: the standard deviation of the log of the run
  medians of execution, over processes whose machine reference is within 10% of the level (the 10th
  percentile of every process reference in OUTDIR), for runs that keep at least half of that
  workload's processes; "raw" uses the timings, "divided" multiplies each process's median by
  level / its reference (what compare --reference adjust does to every sample).
"""
import glob, json, math, os, re, statistics, sys
from collections import defaultdict

TOLERANCE = 0.10


def processes(path):
    """{workload: [(median execution ns, reference ns)] per process} of one run --json file."""
    out = {}
    for task in json.load(open(path))["tasks"]:
        per = defaultdict(lambda: defaultdict(list))
        for s in task["samples"]:
            if not s["warmup"]:
                per[s["process"]][s["phase"]].append(s["nanoseconds"])
        name = task["workload"].split("@")[0].split("/")[-1]
        out[name] = [(statistics.median(p["execution"]), min(p["reference"])) for p in per.values() if p.get("reference")]
    return out


def main(dirs):
    rows = defaultdict(dict)
    columns = []
    for d in dirs:
        runs = [(re.match(r"(base|slow10)\d+\.json$", os.path.basename(f)).group(1), processes(f))
                for f in sorted(glob.glob(os.path.join(d, "*.json"))) if re.match(r"(base|slow10)\d+\.json$", os.path.basename(f))]
        refs = sorted(r for _, run in runs for procs in run.values() for _, r in procs)
        if not refs:
            sys.exit(f"{d}: no run with machine-reference samples")
        level = refs[int((len(refs) - 1) * 0.10)]
        for side in ("base", "slow10"):
            logs = defaultdict(lambda: ([], []))
            for s, run in runs:
                if s != side:
                    continue
                for name, procs in run.items():
                    kept = [(m, r) for m, r in procs if r <= level * (1 + TOLERANCE)]
                    if kept and 2 * len(kept) >= len(procs):
                        logs[name][0].append(math.log(statistics.median(m for m, _ in kept)))
                        logs[name][1].append(math.log(statistics.median(m * level / r for m, r in kept)))
            column = f"{os.path.basename(os.path.normpath(d))} {side}"
            columns.append(column)
            for name, (raw, divided) in logs.items():
                if len(raw) >= 3:
                    rows[name][column] = f"{statistics.stdev(raw) * 100:.1f}% / {statistics.stdev(divided) * 100:.1f}% (n={len(raw)})"
    print("| workload | " + " | ".join(f"{c}: raw / divided" for c in columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for name in sorted(rows):
        print(f"| {name} | " + " | ".join(rows[name].get(c, "-") for c in columns) + " |")


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) > 1 else 2)
    main(sys.argv[1:])
