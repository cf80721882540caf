"""Browser tests: the explorer served by uvicorn on a free loopback port, driven in
Debian's headless Chromium by Playwright (never `playwright install`: no downloads)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import webgraph

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

NAMED_QUERY = """# title: Bodies and their Russian names
# description: Every formal organization of the graph with its Russian name.
# columns: body, label
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?body ?label WHERE {
  ?body a org:FormalOrganization ; skos:prefLabel ?label .
  FILTER(lang(?label) = "ru")
} ORDER BY ?label
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def web_build(tmp_path_factory) -> Path:
    return webgraph.make_build(tmp_path_factory.mktemp("e2e") / "build")


@pytest.fixture(scope="session")
def server(web_build, tmp_path_factory):
    """Base URL of the app over the test build, served in a thread."""
    import uvicorn

    from kgraph.web.app import create_app

    queries = tmp_path_factory.mktemp("queries")
    (queries / "bodies.rq").write_text(NAMED_QUERY, encoding="utf-8")
    app = create_app(web_build, queries_dir=queries)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make system-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(
        accept_downloads=True, base_url=server, locale="ru-RU", viewport={"width": 1400, "height": 1000}
    )
    p = context.new_page()
    p.set_default_timeout(15000)
    p.external_requests = []

    def watch(request):  # anything leaving the app's own origin is a bug (no CDN, offline)
        if not request.url.startswith((server, "data:", "blob:", "about:")):
            p.external_requests.append(request.url)

    p.on("request", watch)
    # The Content-Security-Policy must not block anything the pages need. Only the vendored
    # vis-network and YASGUI try something it blocks: injecting <style> elements with their own
    # CSS, which the pages load as files instead (/vendor/*.min.css).
    p.csp_violations = []

    def csp(msg):
        if "Content Security Policy" not in msg.text:
            return
        vendored_style = msg.text.startswith("Applying inline style") and "/vendor/" in msg.location.get("url", "")
        if not vendored_style:
            p.csp_violations.append(f"{msg.location.get('url')}: {msg.text}")

    p.on("console", csp)
    yield p
    context.close()
    assert not p.csp_violations, p.csp_violations
