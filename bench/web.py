"""Median response time of every page of the explorer (target: <= 300 ms each).

Serves the app with uvicorn on a loopback port and times real HTTP requests
(httpx, keep-alive), several rounds per page after one warm-up request, on
the five-source build. With --browser it also times how long the graph view
of the most connected body takes to settle in headless Chromium (target 2 s).

    python bench/web.py                      # builds into a temporary directory
    python bench/web.py --build build --rounds 30 --browser
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

TARGET_MS = 300.0


def serve(build: Path):
    import socket

    import uvicorn

    from kgraph.web.app import create_app

    app = create_app(build)
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
    ]
    return out


def time_pages(base: str, plan, rounds: int) -> list[tuple[str, int, float, float]]:
    import httpx

    rows = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, url, opts in plan:
            method = opts.get("method", "GET")
            kwargs = {k: v for k, v in opts.items() if k != "method"}
            client.request(method, url, **kwargs)  # warm-up (first-use caches, the checker's index)
            times = []
            status = 0
            for _ in range(rounds):
                t = time.perf_counter()
                r = client.request(method, url, **kwargs)
                times.append((time.perf_counter() - t) * 1000)
                status = r.status_code
            rows.append((name, status, statistics.median(times), max(times)))
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", type=Path, help="build directory (default: build the catalog into a temp dir)")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--browser", action="store_true", help="also time the graph view in headless Chromium")
    args = ap.parse_args()
    build = args.build
    if build is None:
        from kgraph import build as build_mod

        build = Path(tempfile.mkdtemp(prefix="kgraph-bench-")) / "build"
        build_mod.run(out=build, shacl=False)
    app, server, base = serve(build)
    time.sleep(0.5)
    rows = time_pages(base, pages(app), args.rounds)
    width = max(len(r[0]) for r in rows)
    print(f"{'page':<{width}}  status  median ms  max ms")
    worst = 0.0
    for name, status, median, high in rows:
        flag = "  <-- over target" if median > TARGET_MS else ""
        print(f"{name:<{width}}  {status:>6}  {median:>9.1f}  {high:>6.1f}{flag}")
        worst = max(worst, median)
    print(f"{len(rows)} pages, worst median {worst:.1f} ms (target {TARGET_MS:.0f} ms), {args.rounds} rounds each")
    if args.browser:
        seconds = browser_graph(base, app)
        print("graph view in Chromium: " + ("no chromium" if seconds is None else f"{seconds:.2f} s (target 2 s)"))
    server.should_exit = True
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
