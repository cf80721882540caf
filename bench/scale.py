"""Load rate and `kgraph serve`'s memory at 1M or 10M triples (bench/run.py --scale calls it).

* Load: the build's way of loading a store (`kgraph.store.OxigraphStore.load_file` into a
  new on-disk store, then `flush`, as `kgraph build` does; and `OxigraphStore.from_nquads`
  in memory, as `kgraph serve` does for a small build) against raw pyoxigraph
  (`Store(path).bulk_load(path=…)`, `Store().bulk_load(path=…)`) on the same N-Quads file,
  alternated, in one run. Rate = quads per second.
* Serve: a build directory made from the file (graph.nq, the Oxigraph store, a report),
  `kgraph serve` on a loopback port, the pages of a body, a task and the home page, a search
  and a named query requested; then the resident memory of the server and its query
  workers, summed, per million triples.

    python bench/scale.py FILE.nq [--serve] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil
import pyoxigraph as ox


def quads(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def load_rates(nq: Path, rounds: int = 2) -> dict:
    """Quads per second: raw pyoxigraph against kgraph's loading, disk and memory, alternated."""
    from kgraph.store import OxigraphStore

    n = quads(nq)
    times: dict[str, list[float]] = {"raw_disk": [], "kgraph_disk": [], "raw_memory": [], "kgraph_memory": []}
    for _ in range(rounds):
        for name in times:
            tmp = Path(tempfile.mkdtemp(prefix="kgraph-bench-load-"))
            try:
                t = time.perf_counter()
                if name == "raw_disk":
                    s = ox.Store(str(tmp / "store"))
                    s.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
                    s.flush()
                elif name == "kgraph_disk":
                    s = OxigraphStore(tmp / "store")
                    s.load_file(nq)
                    s.flush()
                elif name == "raw_memory":
                    s = ox.Store()
                    s.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
                else:
                    s = OxigraphStore.from_nquads(nq)
                assert len(s) > 0
                times[name].append(time.perf_counter() - t)
                del s
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
    best = {k: min(v) for k, v in times.items()}
    return {
        "quads": n,
        "seconds": {k: round(v, 2) for k, v in best.items()},
        "rate": {k: round(n / v) for k, v in best.items()},
        "disk_ratio": round(best["raw_disk"] / best["kgraph_disk"], 3),
        "memory_ratio": round(best["raw_memory"] / best["kgraph_memory"], 3),
    }


def make_build(nq: Path, out: Path) -> Path:
    """A build directory serving `nq`: graph.nq, the on-disk store, a report."""
    from kgraph import settings

    out.mkdir(parents=True)
    os.link(nq, out / settings.GRAPH_FILE) if nq.stat().st_dev == out.stat().st_dev else shutil.copy(nq, out)
    s = ox.Store(str(out / settings.STORE_DIR))
    s.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    s.flush()
    del s
    (out / settings.REPORT_FILE).write_text(json.dumps({"documents": [], "triples": quads(nq)}), encoding="utf-8")
    return out


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_memory(nq: Path) -> dict:
    """RSS of `kgraph serve` (server + query workers) after a few pages, per million triples."""
    n = quads(nq)
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-serve-") as tmp:
        build = make_build(nq, Path(tmp) / "build")
        port = _port()
        env = dict(os.environ, KGRAPH_RELOAD="0")
        proc = psutil.Popen(
            [sys.executable, "-m", "kgraph.cli", "serve", "--build", str(build), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        timings = {}
        try:
            t = time.perf_counter()
            deadline = time.monotonic() + 1800
            while time.monotonic() < deadline:
                try:
                    if httpx.get(base + "/health", timeout=5).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.5)
            timings["start_s"] = round(time.perf_counter() - t, 1)
            with httpx.Client(base_url=base, timeout=600) as c:
                for name, path in {
                    "home": "/",
                    "body": "/id/org/mint",
                    "task": "/id/act/decree/2013/12/13/1331/annex_plan/task_1",
                    "search": "/api/search?q=министерство",
                    "query": "/sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%3Ft%20a%20kg%3ATask%7D",
                }.items():
                    t = time.perf_counter()
                    status = c.get(path, headers={"accept": "text/html, application/json"}).status_code
                    timings[name] = {"status": status, "ms": round((time.perf_counter() - t) * 1000)}
            procs = [proc, *proc.children(recursive=True)]
            each = [round(p.memory_info().rss / 1e6) for p in procs if p.is_running()]
            rss = sum(each) * 1e6
        finally:
            for p in proc.children(recursive=True):
                p.terminate()
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except psutil.TimeoutExpired:
                proc.kill()
    return {
        "quads": n,
        "processes": len(procs),
        "rss_mb": round(rss / 1e6),
        "rss_mb_each": each,  # the server, then its query workers
        "rss_gb_per_million": round(rss / 1e9 / (n / 1e6), 3),
        "requests": timings,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("nq", type=Path)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--serve", action="store_true")
    args = ap.parse_args()
    out = {"load": load_rates(args.nq, args.rounds)}
    if args.serve:
        out["serve"] = serve_memory(args.nq)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
