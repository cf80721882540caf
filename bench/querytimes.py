"""Every named query timed in process through the query layer, with its full result kept
for comparison (a rewrite of a query must answer the same rows).

    python bench/querytimes.py --build /work/B [--disk] [--queries NAME ...] [--dump DIR] [--compare DIR]
    python bench/querytimes.py --nq build/bench/replica-1000000.nq --dump /tmp/before-1m

--build opens the build as the CLI and the server do (kgraph.store.open_store: in memory up to
KGRAPH_MEMORY_LOAD_MB, else the on-disk store); --disk forces the on-disk store, --nq loads an
N-Quads file in memory. Times are medians of `queries.run(...)` with every row serialized to
SPARQL JSON; a query with a `# page:` header is timed on its first page too. --dump writes each
query's whole result (SPARQL JSON) to DIR/NAME.json; --compare checks each against DIR: `same`
(byte-identical), `same rows` (the same multiset of rows in another order) or DIFFERENT.
The load average is printed with the times, and the CPU time next to the wall time (the
machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path


def median_ms(fn, budget_s: float = 4.0, max_runs: int = 7) -> tuple[float, float, object]:
    """Median wall and CPU milliseconds of fn() after a warm-up run (the CPU time of the process:
    on a shared machine it moves far less than the wall clock)."""
    t = time.perf_counter()
    out = fn()
    first = time.perf_counter() - t
    runs = max(1, min(max_runs, int(budget_s / max(first, 1e-9))))
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000, out


def rows_of(body: bytes) -> list[str]:
    return sorted(json.dumps(b, sort_keys=True, ensure_ascii=False) for b in json.loads(body)["results"]["bindings"])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--build", type=Path)
    src.add_argument("--nq", type=Path)
    ap.add_argument("--disk", action="store_true", help="the build's on-disk store, read-only")
    ap.add_argument("--queries", nargs="*")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--compare", type=Path)
    ap.add_argument("--budget", type=float, default=4.0, help="seconds of timed runs per query")
    args = ap.parse_args(argv)

    from kgraph import queries, settings
    from kgraph.store import OxigraphStore, open_store

    t = time.perf_counter()
    if args.nq:
        store = OxigraphStore.from_nquads(args.nq)
    elif args.disk:
        store = OxigraphStore(args.build / settings.STORE_DIR, read_only=True)
    else:
        store = open_store(args.build)
    kind = "memory" if store.path is None else "disk"
    print(f"store: {kind}, {len(store)} quads, opened in {time.perf_counter() - t:.2f} s", flush=True)
    names = args.queries or sorted(queries.library())
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    print(f"{'query':22} {'ms':>8} {'CPU ms':>8} {'rows':>7} {'page ms':>8}  load   check", flush=True)
    for name in names:
        q = queries.named(name)

        def full(q=q):
            return queries.run(q, store).serialize("json").body

        ms, cpu_ms, body = median_ms(full, args.budget)
        page = ""
        if q.page:
            pms, _, _ = median_ms(lambda q=q: queries.run(q, store, limit=q.page).serialize("json").body, args.budget)
            page = f"{pms:8.1f}"
        check = ""
        if args.compare:
            old = (args.compare / f"{name}.json").read_bytes()
            check = "same" if old == body else ("same rows" if rows_of(old) == rows_of(body) else "DIFFERENT")
        if args.dump:
            (args.dump / f"{name}.json").write_bytes(body)
        n = len(json.loads(body)["results"]["bindings"])
        load = os.getloadavg()[0]
        print(f"{name:22} {ms:8.1f} {cpu_ms:8.1f} {n:7} {page:>8}  {load:4.1f}   {check}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
