"""Load test of `kgraph serve` on loopback: normal clients, then normal and pathological clients.

    .venv/bin/python bench/load.py [--build DIR] [--clients 50] [--bad 10] [--seconds 60] [--no-cache]

Starts `kgraph serve` as a subprocess on a free loopback port (a temporary
five-source build unless --build is given) and runs two phases of --seconds
each:

1. --clients normal clients, each from its own loopback address (127.0.0.N, so
   the server tells them apart as it would tell users apart), each looping:
   a request (pages 40%, search 25%, named queries through /sparql 35%), then
   a pause of 0.5-1.5 s (think time);
2. the same, plus --bad pathological clients that send without pause, each in
   turn: a huge `SELECT *` (a cross product of the whole graph), an ORDER BY
   over a two-pattern cross product (memory), a four-way COUNT (CPU until the
   timeout), and a slow query whose client disconnects after 0.5 s.

Reports, per phase: requests and errors of normal clients (any answer but 200,
or a transport error), p50/p95 latency per kind, the share of normal named
queries answered (200), the pathological clients' answers by status, and the
peak total RSS of the server and its query workers (sampled from /proc every
0.2 s). Writes bench/results/load.md. Loopback only; nothing leaves the machine.

The endpoint keeps its answers per build (kgraph.sparql_cache), so after their first run
the named queries with their default parameters are answered from memory; `--no-cache`
(KGRAPH_QUERY_CACHE_MB=0) measures every query on the workers.

Targets (issue 19): phase 1: 0 errors, p95 <= 500 ms for pages and named queries;
phase 2: >= 95% of normal named queries answered, total RSS <= 2 GB.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "load.md"

PAGES = [
    "/",
    "/id/org/mint",
    "/id/org/mid",
    "/id/act/decree/2013/12/13/1331/annex_plan/task_12",
    "/graph?iri=https%3A%2F%2Fkgraph.kz%2Fid%2Forg%2Fmint",
    "/search?q=%D0%BC%D0%B8%D0%BD%D0%B8%D1%81%D1%82%D0%B5%D1%80%D1%81%D1%82%D0%B2%D0%BE",
    "/query",
    "/source/kz-gov-decree-2013-631-kk",
]
SEARCHES = ["ИЖТМ", "министерство", "Министерству по инвестициям", "инновац", "ұлттық", "agency", "ИИР"]
HUGE_SELECT = "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }"
BIG_ORDER = "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c } ORDER BY ?o ?c"
CPU_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"


def named_queries() -> list[tuple[str, str]]:
    """(name, text) of every named query with its default parameters bound, as a client sends it."""
    from kgraph import queries, sparql_syntax
    from kgraph.store import to_term

    out = []
    for name, q in sorted(queries.library().items()):
        bindings = {k: to_term(v) for k, v in q.bindings().items()}
        out.append((name, sparql_syntax.bind(q.sparql, bindings)))
    return out


# --- the server and its memory ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(build: Path, port: int, cache: bool = True) -> subprocess.Popen:
    env = os.environ | {"KGRAPH_RELOAD": "0"} | ({} if cache else {"KGRAPH_QUERY_CACHE_MB": "0"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "kgraph.cli", "serve", "--port", str(port), "--build", str(build)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                # start the query workers before measuring
                httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"}, timeout=60)
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def tree_rss(pid: int) -> tuple[int, dict[int, int]]:
    """Total RSS (bytes) of a process and all its descendants, and each one's."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {pid}, [pid]
    while frontier:
        p = frontier.pop()
        for child, parent in parents.items():
            if parent == p and child not in tree:
                tree.add(child)
                frontier.append(child)
    each = {p: rss.get(p, 0) for p in tree}
    return sum(each.values()), each


class MemoryWatch:
    def __init__(self, pid: int):
        self.pid, self.peak, self.peak_one, self.stop = pid, 0, 0, False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stop:
            total, each = tree_rss(self.pid)
            self.peak = max(self.peak, total)
            self.peak_one = max([self.peak_one, *each.values()])
            time.sleep(0.2)

    def close(self):
        self.stop = True
        self.thread.join()


# --- clients ------------------------------------------------------------------------------


class Stats:
    def __init__(self):
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.status: dict[str, Counter] = defaultdict(Counter)

        self.messages: Counter = Counter()  # (kind, status, first line of the body) of refusals

    def add(self, kind: str, status: int | str, seconds: float, body: str = "") -> None:
        self.status[kind][status] += 1
        if status not in (200, "gone", "answered"):
            self.messages[(kind, status, body.strip().split(";")[0][:90])] += 1
        if status == 200:
            self.latency[kind].append(seconds)


def client(i: int, port: int) -> httpx.AsyncClient:
    transport = httpx.AsyncHTTPTransport(local_address=f"127.0.{1 + i // 250}.{2 + i % 250}")
    return httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", transport=transport, timeout=60)


async def normal(i: int, port: int, until: float, stats: Stats, named: list[tuple[str, str]]) -> None:
    rnd = random.Random(i)
    async with client(i, port) as c:
        await asyncio.sleep(rnd.uniform(0, 1.0))
        while time.monotonic() < until:
            roll = rnd.random()
            start = time.monotonic()
            try:
                if roll < 0.40:
                    kind = "page"
                    r = await c.get(rnd.choice(PAGES))
                elif roll < 0.65:
                    kind = "search"
                    r = await c.get("/api/search", params={"q": rnd.choice(SEARCHES)})
                else:
                    kind = "named query"
                    _, text = rnd.choice(named)
                    r = await c.post(
                        "/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"}
                    )
                stats.add(kind, r.status_code, time.monotonic() - start, r.text if r.status_code != 200 else "")
            except httpx.HTTPError as exc:
                stats.add(kind, type(exc).__name__, time.monotonic() - start)
            await asyncio.sleep(rnd.uniform(0.5, 1.5))


async def pathological(i: int, port: int, until: float, stats: Stats) -> None:
    rnd = random.Random(1000 + i)
    kinds = ["huge select", "big order by", "cpu count", "disconnect"]
    n = i
    async with client(i, port) as c:
        while time.monotonic() < until:
            kind = kinds[n % len(kinds)]
            n += 1
            start = time.monotonic()
            try:
                if kind == "disconnect":
                    try:
                        await asyncio.wait_for(c.post("/sparql", data={"query": CPU_COUNT}), 0.5)
                        stats.add("bad: " + kind, "answered", time.monotonic() - start)
                    except TimeoutError:
                        stats.add("bad: " + kind, "gone", time.monotonic() - start)
                    continue
                query = {"huge select": HUGE_SELECT, "big order by": BIG_ORDER, "cpu count": CPU_COUNT}[kind]
                r = await c.post("/sparql", data={"query": query})
                stats.add("bad: " + kind, r.status_code, time.monotonic() - start, r.text)
                await asyncio.sleep(0.1 if r.status_code != 503 else rnd.uniform(0.1, 0.3))
            except httpx.HTTPError as exc:
                stats.add("bad: " + kind, type(exc).__name__, time.monotonic() - start)


async def phase(port: int, clients: int, bad: int, seconds: float, named) -> Stats:
    stats = Stats()
    until = time.monotonic() + seconds
    tasks = [normal(i, port, until, stats, named) for i in range(clients)]
    tasks += [pathological(clients + i, port, until, stats) for i in range(bad)]
    await asyncio.gather(*tasks)
    return stats


# --- report -------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def report(title: str, stats: Stats, peak: int, peak_one: int) -> tuple[list[str], dict]:
    lines = [
        f"### {title}",
        "",
        "| kind | requests | 200 | other answers | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|",
    ]
    normal_errors = 0
    for kind in sorted(stats.status, key=lambda k: (k.startswith("bad"), k)):
        counts = stats.status[kind]
        total = sum(counts.values())
        others = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items(), key=str) if k != 200) or "-"
        if not kind.startswith("bad"):
            normal_errors += total - counts[200]
        lat = stats.latency[kind]
        lines.append(f"| {kind} | {total} | {counts[200]} | {others} | {pct(lat, 50):.0f} | {pct(lat, 95):.0f} |")
    if stats.messages:
        lines += ["", "Refusals (kind, status, message: count):", ""]
        for (kind, status, message), n in sorted(stats.messages.items(), key=lambda kv: -kv[1]):
            lines.append(f"* {kind}, {status}, {message}: {n}")
    named = stats.status["named query"]
    answered = 100.0 * named[200] / max(sum(named.values()), 1)
    summary = {
        "errors": normal_errors,
        "answered": answered,
        "p95 page": pct(stats.latency["page"], 95),
        "p95 named": pct(stats.latency["named query"], 95),
        "peak": peak,
    }
    lines += [
        "",
        f"Normal clients' errors: **{normal_errors}**; normal named queries answered: **{answered:.1f}%**; "
        f"peak RSS of the server and its workers: **{peak / 2**20:.0f} MB** (largest single process "
        f"{peak_one / 2**20:.0f} MB).",
        "",
    ]
    return lines, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, help="build directory (default: build one into a temp dir)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--bad", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--no-cache", action="store_true", help="KGRAPH_QUERY_CACHE_MB=0: every query runs on the workers"
    )
    args = parser.parse_args()
    tmp = None
    build = args.build
    if build is None:
        from kgraph import build as build_mod

        tmp = tempfile.TemporaryDirectory(prefix="kgraph-load-")
        build = Path(tmp.name) / "build"
        print("building the five-source graph ...", flush=True)
        build_mod.run(out=build)
    named = named_queries()
    port = free_port()
    server = start_server(build, port, cache=not args.no_cache)
    sections, verdicts = [], []
    try:
        for title, bad in (
            (f"{args.clients} clients", 0),
            (f"{args.clients} clients + {args.bad} pathological", args.bad),
        ):
            print(f"{title}: {args.seconds:g} s ...", flush=True)
            load_before = os.getloadavg()
            watch = MemoryWatch(server.pid)
            stats = asyncio.run(phase(port, args.clients, bad, args.seconds, named))
            watch.close()
            lines, summary = report(title, stats, watch.peak, watch.peak_one)
            load = ", ".join(f"{x:.2f}" for x in (*load_before, *os.getloadavg()))
            lines.insert(2, f"Load average (1, 5, 15 min) at the phase's start and end: {load}.\n")
            sections += lines
            print("\n".join(lines), flush=True)
            if bad == 0:
                ok = summary["errors"] == 0 and summary["p95 page"] <= 500 and summary["p95 named"] <= 500
                verdicts.append(
                    f"* {title}: {summary['errors']} errors, p95 pages {summary['p95 page']:.0f} ms, "
                    f"named queries {summary['p95 named']:.0f} ms (target 0 and <= 500 ms): "
                    + ("**met**" if ok else "**missed**")
                )
            else:
                ok = summary["answered"] >= 95 and summary["peak"] <= 2 * 2**30
                verdicts.append(
                    f"* {title}: {summary['answered']:.1f}% of normal named queries answered, peak RSS "
                    f"{summary['peak'] / 2**20:.0f} MB (targets >= 95%, <= 2048 MB): "
                    + ("**met**" if ok else "**missed**")
                )
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        if tmp is not None:
            tmp.cleanup()
    text = [
        "# Load test (bench/load.py)",
        "",
        f"`python bench/load.py --clients {args.clients} --bad {args.bad} --seconds {args.seconds:g}"
        + (" --no-cache" if args.no_cache else "")
        + f"` on {os.cpu_count()} cores, loopback only, server and load generator on the same machine; "
        "`kgraph serve` with its defaults (KGRAPH_QUERY_WORKERS, KGRAPH_QUERY_MEMORY_MB, KGRAPH_CLIENT_QUERIES, "
        "KGRAPH_QUERY_QUEUE, KGRAPH_QUERY_PREEMPT, KGRAPH_QUERY_TIMEOUT unset"
        + (
            "; KGRAPH_QUERY_CACHE_MB=0: no answers kept"
            if args.no_cache
            else ", KGRAPH_QUERY_CACHE_MB unset: answers kept"
        )
        + "). Normal clients pause 0.5-1.5 s "
        "between requests: pages 40%, /api/search 25%, named queries (queries/, default parameters) by POST to "
        "/sparql 35%. Pathological clients send without pause: a cross-product SELECT *, an ORDER BY over a "
        "cross product, a four-way COUNT, and a slow query abandoned after 0.5 s. Each client has its own "
        "loopback address.",
        "",
        *verdicts,
        "",
        *sections,
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(text) + "\n", encoding="utf-8")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
