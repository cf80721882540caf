"""The corpus-wide findings stage of a build alone, on a written build's graph (not a timed test).

    python bench/findings_stage.py BUILD [--jobs N] [--out FINDINGS.nq] [--profile FILE.prof]

Loads BUILD/graph.nq without its findings graph (what the build's findings stage sees),
runs what `kgraph.assemble.overlap_findings` runs on a cache miss (`mandates.load`, the
`Analyzer` and its pair scores on N worker processes, `findings_graph`) and prints the
CPU seconds of this process and the wall seconds of each step. `--out`
writes the findings graph's N-Quads sorted, to compare two versions of the code
(`cmp A.nq B.nq`); the build's own findings are BUILD/graph.nq's lines in that graph.
"""

from __future__ import annotations

import argparse
import cProfile
import resource
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--profile", type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    from kgraph import iri, parallel
    from kgraph.analysis import index as overlap_index
    from kgraph.analysis import mandates as mandates_mod
    from kgraph.assemble import Findings
    from kgraph.rdf import findings as findings_rdf
    from kgraph.store import OxigraphStore

    marker = f"<{iri.FINDINGS_GRAPH}> .".encode()
    lines = (args.build / "graph.nq").read_bytes().splitlines(keepends=True)
    data = b"".join(line for line in lines if not line.rstrip().endswith(marker))
    store = OxigraphStore()
    store.load_nquads(data)
    executor = parallel.executor(args.jobs)
    executor.start()
    run = executor.map
    profile = cProfile.Profile() if args.profile else None
    if profile:
        profile.enable()
    laps = []
    last = (time.process_time(), time.perf_counter())

    def lap(name: str) -> None:
        nonlocal last
        now = (time.process_time(), time.perf_counter())
        laps.append(f"{name} {now[0] - last[0]:.2f} s CPU / {now[1] - last[1]:.2f} s wall")
        last = now

    inputs = mandates_mod.load(store)
    lap("load")
    analyzer = overlap_index.Analyzer(inputs, run)
    lap("analyzer")
    analyzer.row_matrix(run)
    lap("pair scores")
    overlap_index.keep(store, analyzer)
    found = Findings.of(findings_rdf.findings_graph(store))
    lap("findings")
    executor.close()
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    laps.append(f"workers {workers.ru_utime + workers.ru_stime:.2f} s CPU in all")
    print(f"{len(inputs.mandates)} mandates, {len(analyzer.rows)} rows; " + "; ".join(laps))
    if args.out:
        args.out.write_bytes(b"".join(sorted(found.nquads.splitlines(keepends=True))))


if __name__ == "__main__":
    main()
