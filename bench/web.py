"""Median server time of every page of the explorer (target: <= 100 ms each), on the corpus and
at 1M triples.

Serves the app with uvicorn on a loopback port and sends real HTTP requests (httpx, keep-alive),
several rounds per page after one warm-up request. Each page's time is the server's own, from its
`Server-Timing: app;dur=` header (the round trip is shown too). With --triples the graph is the
build replicated to that size (bench/synthetic.py), held in memory as `kgraph serve` would. With
--browser it also times how long the graph view of the most connected body takes to settle in
headless Chromium (target 2 s). The load average is recorded at the start and the end (other work
on the machine inflates the times); --out writes the table as Markdown (bench/results/).

    python bench/web.py                      # builds into a temporary directory
    python bench/web.py --build build --rounds 30 --browser --out bench/results/web-corpus.md
    python bench/web.py --build build --triples 1000000 --out bench/results/web-1m.md
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

TARGET_MS = 100.0
SEED_LAW = "https://kgraph.kz/id/act/law/2012/01/09/534-iv"  # an act with a long text in both languages


def serve(build: Path):
    import socket

    import uvicorn

    from kgraph.web.app import create_app

    app = create_app(build, warm=False)  # warmed before timing (main)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return app, server, f"http://127.0.0.1:{port}"


def pages(app) -> list[tuple[str, str, dict]]:
    """(name, url, request options) for every page family, on real resources of the build."""
    from kgraph import resource_kinds as kinds
    from kgraph.web import graphview

    site = app.state.site
    top = graphview.top_bodies(site, "ru", 1)
    body = top[0]["term"].value if top else "https://kgraph.kz/id/org/mint"
    out = [
        ("home", "/", {}),
        ("search ИЖТМ-ге", "/search?q=" + quote("ИЖТМ-ге"), {}),
        ("search министерство", "/search?q=" + quote("министерство"), {}),
        ("search type=task", "/search?type=task", {}),
        ("api/search autocomplete", "/api/search?limit=8&q=" + quote("минис"), {}),
        ("api/search ministry of industry", "/api/search?q=" + quote("ministry of industry"), {}),
        ("entity most connected body", "/id/" + body.split("/id/", 1)[1], {}),
        ("entity body as Turtle", "/id/" + body.split("/id/", 1)[1], {"headers": {"accept": "text/turtle"}}),
        ("entity body as JSON-LD", "/id/" + body.split("/id/", 1)[1], {"headers": {"accept": "application/ld+json"}}),
    ]
    for kind in [k.key for k in kinds.KINDS if k.key not in {"body"}]:
        sample = next((x for x in site.resources_of_kind(kind) if x.startswith("https://kgraph.kz/id/")), None)
        if sample:
            out.append((f"entity {kind}", "/id/" + sample.split("/id/", 1)[1], {}))
    for depth in (1, 2, 3):
        out.append((f"graph body depth {depth}", f"/graph?iri={quote(body)}&depth={depth}", {}))
    out.append(("graph body depth 3 limit 1500", f"/graph?iri={quote(body)}&depth=3&limit=1500", {}))
    docs = sorted(site.source_docs())
    out += [
        ("graph (picker)", "/graph", {}),
        ("query page", "/query", {}),
        (
            "sparql endpoint (named query)",
            "/sparql",
            {
                "method": "POST",
                "data": {
                    "query": "SELECT ?b (COUNT(?t) AS ?n) WHERE { ?t <https://kgraph.kz/ontology#hasAssignment>/"
                    "<https://kgraph.kz/ontology#assignee> ?b } GROUP BY ?b ORDER BY DESC(?n) LIMIT 20"
                },
                "headers": {"accept": "application/sparql-results+json"},
            },
        ),
        ("overlaps page", "/overlaps", {}),
        (
            "overlaps check",
            "/overlaps",
            {"method": "POST", "data": {"text": "разрабатывает межотраслевой план научно-технологического развития"}},
        ),
        ("source view", f"/source/{docs[0]}?start=100&end=200" if docs else "/source/none", {}),
        ("ontology", "/ontology", {}),
        ("coverage", "/coverage", {}),
        ("favicon", "/favicon.ico", {}),
        ("error page (graph depth=9)", f"/graph?iri={quote(body)}&depth=9", {}),
        ("not found page", "/id/org/no-such-body", {}),
    ]
    path = "/id/" + body.split("/id/", 1)[1]
    out += [
        ("entity body as of 2015-01-01", path + "?at=2015-01-01", {}),
        ("entity body JSON twin", path + ".json", {}),
        ("graph body as of 2016-01-01", f"/graph?iri={quote(body)}&depth=2&at=2016-01-01", {}),
        ("graph.json body depth 2", f"/graph.json?iri={quote(body)}&depth=2", {}),
        ("home JSON twin", "/index.json", {}),
        ("query page acts_in_force", "/query?name=acts_in_force&date=2015-06-01", {}),
    ]
    if site.label(SEED_LAW, "ru") != SEED_LAW:  # the seed law is in the graph
        law = "/id/" + SEED_LAW.split("/id/", 1)[1]
        out += [
            ("act page (law 534-IV)", law, {}),
            ("act page as of 2014-01-01", law + "?at=2014-01-01", {}),
            ("article page (art. 5)", law + "/art_5", {}),
            ("article page kk", law + "/art_5?lang=kk", {}),
            ("article JSON twin", law + "/art_5.json", {}),
            ("item page", law + "/art_5/item_2", {}),
        ]
    from kgraph import queries
    from kgraph.sparql_syntax import bind

    library = queries.library()
    for name, values in (("acts_in_force", {"date": "2015-06-01"}), ("tasks_due", {"date": "2016-12-31"})):
        if name in library:
            q = library[name]
            text = bind(q.sparql, q.bindings(values))
            out.append(
                (
                    f"sparql {name} at {values['date']}",
                    "/sparql",
                    {
                        "method": "POST",
                        "data": {"query": text},
                        "headers": {"accept": "application/sparql-results+json"},
                    },
                )
            )
    return out


def time_pages(base: str, plan, rounds: int) -> list[tuple[str, int, float, float, float, float, float]]:
    """(name, status, median server ms, max server ms, median round trip ms, median CPU ms, first
    server ms) per page. The first request is the warm-up: it pays for first-use caches (the
    checker's index) and computes what the server then keeps per build (the graph view's finished
    pages, kgraph.web.render.remembered), so it is reported on its own. The CPU time is the process's (server and client share it; a SPARQL query's worker
    process is not in it): on a loaded machine it tells what the page costs when the wall clock
    also counts the waits for a core."""
    import httpx

    rows = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for name, url, opts in plan:
            method = opts.get("method", "GET")
            kwargs = {k: v for k, v in opts.items() if k != "method"}
            first = client.request(method, url, **kwargs)  # warm-up (first-use caches, the checker's index)
            timing = first.headers.get("server-timing", "")
            cold = float(timing.split("dur=", 1)[1]) if "dur=" in timing else float("nan")
            server, trip, cpu = [], [], []
            status = 0
            for _ in range(rounds):
                t, c = time.perf_counter(), time.process_time()
                r = client.request(method, url, **kwargs)
                trip.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
                timing = r.headers.get("server-timing", "")
                server.append(float(timing.split("dur=", 1)[1]) if "dur=" in timing else trip[-1])
                status = r.status_code
            rows.append(
                (
                    name,
                    status,
                    statistics.median(server),
                    max(server),
                    statistics.median(trip),
                    statistics.median(cpu),
                    cold,
                )
            )
    return rows


def browser_graph(base: str, app) -> float | None:
    """Seconds from navigation to a settled graph of the most connected body, in Chromium."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return None
    from playwright.sync_api import sync_playwright

    from kgraph.web import graphview

    top = graphview.top_bodies(app.state.site, "ru", 1)
    if not top:
        return None
    args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium), args=args)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base + "/graph?iri=" + quote(top[0]["term"].value))  # warm the browser cache
        page.wait_for_selector("#graph[data-ready='1']", timeout=30000)
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            page.goto(base + "/graph?iri=" + quote(top[0]["term"].value))
            page.wait_for_selector("#graph[data-ready='1']", timeout=30000)
            runs.append(time.perf_counter() - t)
        browser.close()
    return statistics.median(runs)


def synthetic_build(build: Path, triples: int, work: Path) -> Path:
    """A build directory whose graph is `build` replicated to about `triples` (bench/synthetic.py),
    with the build's report and sources; the search index is made from the graph on start."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import synthetic

    out = work / f"synthetic-{triples}"
    graph = out / "graph.nq"
    if not graph.is_file():
        out.mkdir(parents=True, exist_ok=True)
        synthetic.write(graph, build / "graph.nq", triples)
        for name in ("report.json",):
            if (build / name).is_file():
                shutil.copy(build / name, out / name)
        if (build / "sources").is_dir() and not (out / "sources").exists():
            (out / "sources").symlink_to((build / "sources").resolve())
    # Served from memory, as `kgraph serve` does with KGRAPH_MEMORY_LOAD_MB raised for its size.
    os.environ["KGRAPH_MEMORY_LOAD_MB"] = str(int(graph.stat().st_size / 1_000_000) + 1)
    return out


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def markdown(rows, meta: dict, browser: str | None) -> str:
    lines = [
        f"# Explorer pages — {meta['when']}",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}. "
        f"Graph: {meta['graph']} ({meta['quads']} quads). {meta['rounds']} rounds per page after a warm-up. "
        f"Load average (1 / 5 / 15 min) at start {meta['load_start']}, at end {meta['load_end']} "
        "(other work on the machine inflates the times).",
        "",
        f"Server time from the `Server-Timing` header; target ≤ {TARGET_MS:.0f} ms per page.",
        "",
        "CPU ms: the process's CPU time per request (server and client; not a SPARQL query's worker",
        "process): what the page costs without the waits for a core on a loaded machine. First ms: the",
        "server time of the warm-up request, which pays for first-use caches and computes what the",
        "server keeps per build (the graph view's finished pages are then answered from memory).",
        "",
        "| page | status | median ms | max ms | round trip ms | CPU ms | first ms | ≤ target |",
        "|---|--:|--:|--:|--:|--:|--:|:-:|",
    ]
    for name, status, median, high, trip, cpu, cold in rows:
        ok = "✓" if median <= TARGET_MS else "✗"
        lines.append(f"| {name} | {status} | {median:.1f} | {high:.1f} | {trip:.1f} | {cpu:.1f} | {cold:.1f} | {ok} |")
    worst = max(r[2] for r in rows)
    lines += ["", f"{len(rows)} pages, worst median {worst:.1f} ms."]
    if browser:
        lines.append(f"Graph view in Chromium: {browser}.")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", type=Path, help="build directory (default: build the catalog into a temp dir)")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--triples", type=int, help="serve the build replicated to about this many triples")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "kgraph-bench-web")
    ap.add_argument("--browser", action="store_true", help="also time the graph view in headless Chromium")
    ap.add_argument("--out", type=Path, help="write the table as Markdown here (bench/results/...)")
    args = ap.parse_args()
    build = args.build
    if build is None:
        from kgraph import build as build_mod

        build = Path(tempfile.mkdtemp(prefix="kgraph-bench-")) / "build"
        build_mod.run(out=build, shacl=False)
    served = synthetic_build(build, args.triples, args.work) if args.triples else build
    load_start = load()
    app, server, base = serve(served)
    from kgraph.web import reload as reload_mod

    reload_mod.warm_up(app.state.site)  # what the app warms in the background, done before timing
    rows = time_pages(base, pages(app), args.rounds)
    width = max(len(r[0]) for r in rows)
    print(f"{'page':<{width}}  status  median ms  max ms  trip ms  cpu ms  first ms")
    worst = 0.0
    for name, status, median, high, trip, cpu, cold in rows:
        flag = "  <-- over target" if median > TARGET_MS else ""
        print(
            f"{name:<{width}}  {status:>6}  {median:>9.1f}  {high:>6.1f}  {trip:>7.1f}  {cpu:>6.1f}  {cold:>8.1f}{flag}"
        )
        worst = max(worst, median)
    print(f"{len(rows)} pages, worst median {worst:.1f} ms (target {TARGET_MS:.0f} ms), {args.rounds} rounds each")
    browser = None
    if args.browser:
        seconds = browser_graph(base, app)
        browser = "no chromium" if seconds is None else f"{seconds:.2f} s (target 2 s)"
        print("graph view in Chromium: " + browser)
    server.should_exit = True
    load_end = load()
    print(f"load average at start {load_start}, at end {load_end}")
    if args.out:
        with open(served / "graph.nq", encoding="utf-8") as f:
            quads = sum(1 for _ in f)
        meta = {
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "graph": "the corpus build" if not args.triples else "the build replicated (bench/synthetic.py)",
            "quads": quads,
            "rounds": args.rounds,
            "load_start": load_start,
            "load_end": load_end,
        }
        args.out.write_text(markdown(rows, meta, browser), encoding="utf-8")
        print(f"-> {args.out}")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
