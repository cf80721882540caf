"""CPU seconds per stage of one build (not a timed test: a shared machine's wall times are
waiting, CPU seconds are work).

    python bench/build_profile.py CATALOG OUT [--warm] [--profile FILE.prof]

Runs `kgraph.build.run(CATALOG, OUT, cache=False, jobs=1)` in this process and prints the
process's CPU seconds in all and per stage (the report's `stages` and `workers`, with
`time.perf_counter` read as `time.process_time`). `--warm`: one build first (imports,
lemma dictionaries), as bench/build.py does; `--profile`: cProfile's statistics of the
build to FILE (`python -m pstats FILE`). Compare the quads of two builds with
`sort OUT/graph.nq`.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("catalog", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--warm", action="store_true")
    ap.add_argument("--profile", type=Path)
    args = ap.parse_args()
    from kgraph import build

    if args.warm:
        build.run(args.catalog, args.out.with_name(args.out.name + "-warm"), cache=False, jobs=1)
    time.perf_counter = time.process_time  # the stages' clocks then count CPU seconds
    profile = cProfile.Profile() if args.profile else None
    start = time.process_time()
    if profile:
        profile.enable()
    report = build.run(args.catalog, args.out, cache=False, jobs=1)
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    print(f"CPU {time.process_time() - start:.2f} s, {report.triples} triples, {len(report.violations)} violations")
    print("stages", json.dumps(report.stages))
    print("workers", json.dumps(report.workers))


if __name__ == "__main__":
    main()
