"""The explorer's flows of issue 18 in headless Chromium, each with screenshots at 1280 and 390 px
(test-output/screenshots/): an act that reads like the act, a body page grouped by document, a
graph explored node by node, the interface in Kazakh, errors as pages, nothing loaded from
elsewhere. The seed law's competence article is also checked on the real build."""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest
import webgraph
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
WIDTHS = (1280, 390)
ART5 = str(webgraph.ART5).replace("https://kgraph.kz", "")
LAW = str(webgraph.LAW).replace("https://kgraph.kz", "")


def shot(page, name: str, full: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{page.viewport_size['width']}.png"), full_page=full)


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def sized(page, request):
    page.set_viewport_size({"width": request.param, "height": 900})
    return page


def height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def test_an_act_reads_like_the_act(sized):
    page = sized
    page.goto(LAW + "?lang=ru")
    force = page.locator("#force")
    expect(force).to_contain_text("утратил силу с 2016-01-01")
    expect(force.locator("a[href='/id/act/code/2015/10/29/375-v']")).to_be_visible()
    shot(page, "20-act")
    page.locator(f"#text a.perma[href='{ART5}']").click()
    page.wait_for_url(f"**{ART5}")
    items = page.locator("#text .part.u-item")
    assert [x.get_attribute("id") for x in items.all()] == ["item_1", "item_2", "item_4", "item_10", "item_10-1"]
    excluded = page.locator("#item_4")
    assert excluded.locator("s").count() == 2  # struck through in both languages
    expect(excluded.locator("a[href='/id/act/law/2013/07/03/124-v']")).to_be_visible()
    expect(page.locator(".meta.own a[href='/id/act/law/2013/07/03/124-v']")).to_be_visible()  # the footnote
    if page.viewport_size["width"] < 760:  # one language at a time, a toggle to switch
        toggle = page.locator(".langtoggle")
        expect(toggle).to_be_visible()
        expect(page.locator("#item_2 .t[data-lang='kk']")).to_be_hidden()
        toggle.locator("button[data-show='kk']").click()
        expect(page.locator("#item_2 .t[data-lang='kk']")).to_be_visible()
        expect(page.locator("#item_2 .t[data-lang='ru']")).to_be_hidden()
    else:  # side by side
        ru, kk = (page.locator(f"#item_2 .t[data-lang='{lg}']").bounding_box() for lg in ("ru", "kk"))
        assert ru["x"] < kk["x"] and abs(ru["y"] - kk["y"]) < 2
        expect(page.locator(".langtoggle")).to_be_hidden()
    shot(page, "21-article", full=True)
    page.locator("#item_2 a.perma").click()  # the permalink: the item's own page
    page.wait_for_url(f"**{ART5}/item_2")
    assert page.external_requests == []


def test_body_page_groups_tasks_by_document_and_shows_a_day(sized):
    page = sized
    page.goto("/id/org/mint?lang=ru")
    groups = page.locator("#tasks details.docgroup .docname")
    assert groups.all_inner_texts() == ["План мероприятий · Постановление Правительства № 631 от 19.06.2013"]
    assert "party_" not in page.content()
    shot(page, "22-body")
    page.locator("#asof input[name='at']").fill("2015-01-01")
    page.locator("#asof button").click()
    page.wait_for_url("**at=2015-01-01**")
    expect(page.locator("#asof")).to_contain_text("на 2015-01-01 уже упразднён")
    assert page.external_requests == []


def boxes_overlap(page) -> int:
    """Pairs of nodes whose drawn boxes (shape and label) overlap on the canvas."""
    return page.evaluate(
        """() => { const n = window.kgraphNetwork; const ids = Object.keys(n.getPositions());
        const b = ids.map(id => n.getBoundingBox(id)); let hits = 0;
        for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
          if (b[i].left < b[j].right && b[j].left < b[i].right && b[i].top < b[j].bottom && b[j].top < b[i].bottom) hits++; }
        return hits; }"""
    )


def node_at(page, node: str) -> dict:
    """Where `node` is on the screen, the graph scrolled into view (below the form on a phone)."""
    page.evaluate("document.getElementById('graph').scrollIntoView({block: 'center'})")
    page.evaluate(
        "(id) => { const n = window.kgraphNetwork; n.moveTo({position: n.getPositions([id])[id], scale: 1}); }", node
    )
    return page.evaluate(
        """(id) => { const n = window.kgraphNetwork; const d = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.querySelector('#graph canvas').getBoundingClientRect(); return {x: r.left + d.x, y: r.top + d.y}; }""",
        node,
    )


def test_graph_click_expands_with_details_and_the_url_keeps_the_view(sized):
    page = sized
    page.goto(f"/graph?iri={webgraph.MINT}&depth=2&lang=ru")
    page.wait_for_selector("#graph[data-ready='1']")
    assert boxes_overlap(page) == 0  # readable labels at the default zoom
    assert page.evaluate("window.kgraphNetwork.getScale()") >= 0.8
    shot(page, "23-graph")
    page.goto(f"/graph?iri={webgraph.MINT}&lang=ru")  # depth 1: the role's powers are not shown yet
    page.wait_for_selector("#graph[data-ready='1']")
    before = page.evaluate("Object.keys(window.kgraphNetwork.getPositions()).length")
    role = str(webgraph.ROLE)
    point = node_at(page, role)
    page.mouse.click(point["x"], point["y"])
    expect(page).to_have_url(re.compile(r"expand=role%2Fauthorized-body-industrial-innovation"))  # history.pushState
    page.wait_for_selector("#graph[data-ready='1']")
    expect(page.locator("#panel-title")).to_contain_text("уполномоченный орган")
    expect(page.locator("#panel-page")).to_have_attribute("href", "/id/role/authorized-body-industrial-innovation")
    after = page.evaluate("Object.keys(window.kgraphNetwork.getPositions()).length")
    assert after > before
    assert boxes_overlap(page) == 0
    shot(page, "24-graph-expanded")
    page.reload()  # the URL holds the view: the same nodes come back
    page.wait_for_selector("#graph[data-ready='1']")
    assert page.evaluate("Object.keys(window.kgraphNetwork.getPositions()).length") == after
    expect(page.locator("#panel-title")).to_contain_text("уполномоченный орган")  # and the selection
    assert page.external_requests == []


def test_graph_as_of_a_day_keeps_a_gone_body_with_its_successor(page):
    page.goto(f"/graph?iri={webgraph.TASK1}&at=2016-01-01&lang=ru")
    page.wait_for_selector("#graph[data-ready='1']")
    nodes = page.evaluate("window.kgraphNetwork.body.data.nodes.get()")
    gone = {n["id"]: n for n in nodes if n.get("gone")}
    assert str(webgraph.MINT) in gone and str(webgraph.MID) in {n["id"] for n in nodes}
    expect(page.locator("#graph-status")).to_contain_text("Серым — органы, упразднённые к 2016-01-01")
    shot(page, "25-graph-dated")


def test_the_kazakh_interface(sized):
    page = sized
    page.goto("/id/org/mint?lang=kk")
    assert page.locator("html").get_attribute("lang") == "kk"
    text = page.locator("main").inner_text()
    for english in ("Tasks", "Competences", "lead executor", "Properties and links", "Roles over time"):
        assert english not in text
    assert "3 іс-шара" in text
    shot(page, "26-body-kk")
    page.goto(ART5 + "?lang=kk")
    expect(page.locator("#force")).to_contain_text("2016-01-01 бастап күші жойылды")
    shot(page, "27-article-kk")


def test_errors_are_pages_and_nothing_loads_from_elsewhere(page):
    page.goto(f"/graph?iri={webgraph.MINT}&depth=9&lang=ru")
    expect(page.locator("#error-title")).to_have_text("422 — Неверные параметры")
    expect(page.locator("p.error")).to_have_text("depth: не больше 3")
    shot(page, "28-error")
    for url in ("/docs", "/redoc"):
        response = page.goto(url)
        assert response.status == 404 and page.locator("#error-title").count() == 1
    icon = page.request.get("/favicon.ico")
    assert icon.ok and icon.headers["content-type"].startswith("image/svg")
    for url in ("/", "/search?q=ИЖТМ", LAW, ART5, "/id/org/mint", "/graph", "/query", "/coverage", "/ontology"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
    assert page.external_requests == []


# --- the seed law on the real build -------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def real_base(built):
    import uvicorn

    from kgraph.web.app import create_app

    port = free_port()
    srv = uvicorn.Server(
        uvicorn.Config(create_app(built), host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


SEED_ARTICLE = "/id/act/law/2012/01/09/534-iv/art_5"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_seed_laws_competence_article_fits_and_says_each_text_once(browser, real_base, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    data = page.request.get(f"{real_base}{SEED_ARTICLE}.json").json()
    texts = [t for n in data["reader"]["nodes"] for t in n["text"].values() if t]
    assert len(data["reader"]["languages"]) == 2 and len(texts) >= 40  # both languages, every item
    page.goto(f"{real_base}{SEED_ARTICLE}?lang={lang}")
    assert height(page) <= 2500, height(page)
    shown = page.locator("body").inner_text()
    for text in texts:
        assert shown.count(text) == 1, text
    expect(page.locator("#force")).to_contain_text("2016-01-01")  # it lost force then (the Entrepreneurial Code)
    page.screenshot(path=str(SCREENSHOTS / f"29-seed-article-{lang}-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 900})
    page.reload()
    page.screenshot(path=str(SCREENSHOTS / f"29-seed-article-{lang}-390.png"))
    context.close()


REAL_PAGES = [
    ("home", "/?lang=ru"),
    ("act", "/id/act/law/2012/01/09/534-iv?lang=ru"),
    ("article", SEED_ARTICLE + "?lang=ru"),
    ("body", "/id/org/mint?lang=ru"),
    ("graph", "/graph?iri=https://kgraph.kz/id/org/mint&depth=2&lang=ru"),
    ("search", "/search?q=МИНТ&lang=ru"),
    ("query", "/query?lang=ru"),
    ("overlaps", "/overlaps?lang=ru"),
    ("coverage", "/coverage?lang=ru"),
    ("ontology", "/ontology?lang=ru"),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_real_build_pages_fit_the_screen(browser, real_base, width):
    """Home, act, article, body, graph and the other pages of the corpus build at 1280 and 390 px: answered,
    nothing wider than the screen, nothing loaded from elsewhere (screenshots 30-*)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ru-RU")
    page = context.new_page()
    elsewhere = []
    page.on("request", lambda r: None if r.url.startswith((real_base, "data:", "blob:")) else elsewhere.append(r.url))
    for name, url in REAL_PAGES:
        response = page.goto(real_base + url)
        assert response.status == 200, url
        if name == "graph":
            page.wait_for_selector("#graph[data-ready='1']")
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{url}: {wide} px wide at {width} px"
        page.screenshot(path=str(SCREENSHOTS / f"30-real-{name}-{width}.png"))
    assert elsewhere == []
    context.close()
