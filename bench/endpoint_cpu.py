"""CPU per named query through the SPARQL endpoint: its first request, and the same request again.

    .venv/bin/python bench/endpoint_cpu.py BUILD

Runs every named query (default parameters) twice through `kgraph.sparql.Endpoint.handle` with
one worker process, and prints the CPU time each request cost: the server's thread plus the
worker's (from /proc, in clock ticks of 10 ms). The first request runs on the worker; the second
is answered from the answers kept per build (kgraph.sparql_cache). CPU time, unlike wall time, is
comparable between an idle machine and a loaded one.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kgraph import queries, sparql, sparql_syntax
from kgraph.sparql_pool import cpu_seconds
from kgraph.store import open_store, to_term

ACCEPT = "application/sparql-results+json"


def main(build: Path) -> None:
    ep = sparql.Endpoint(open_store(build), sparql.Limits(timeout=60, workers=1))

    def request(text: str) -> sparql.Request:
        return sparql.Request("POST", (), "", "application/sparql-query", text.encode(), ACCEPT, client="127.0.0.5")

    try:
        ep.handle(request("ASK {}"))  # the worker started
        first_total = again_total = 0.0
        for name, q in sorted(queries.library().items()):
            text = sparql_syntax.bind(q.sparql, {k: to_term(v) for k, v in q.bindings().items()})
            costs = []
            for _ in range(2):
                pid = ep.executor.stats()["pids"][0]
                worker, server = cpu_seconds(pid) or 0.0, time.thread_time()
                r = ep.handle(request(text))
                costs.append((time.thread_time() - server + (cpu_seconds(pid) or 0.0) - worker) * 1000)
            first_total, again_total = first_total + costs[0], again_total + costs[1]
            print(f"{name:22} {r.status}: first {costs[0]:7.1f} ms CPU, again {costs[1]:6.2f} ms CPU", flush=True)
        print(f"all: first {first_total:.0f} ms CPU, again {again_total:.1f} ms CPU; kept {ep.cache.stats()}")
    finally:
        ep.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "build"))
