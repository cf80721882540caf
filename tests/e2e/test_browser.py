"""End to end in headless Chromium: what a user of the explorer does, with screenshots."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest
import webgraph
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def shot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def test_home_search_ijtm_reaches_ministry_with_tasks_and_quote(page):
    page.goto("/")
    assert page.locator("table.sources tbody tr").count() == 3
    shot(page, "01-home")
    box = page.locator("#homesearch")
    box.fill("ИЖТМ")
    suggestion = page.locator("#homesearch-list li a").first
    suggestion.wait_for()
    assert "Министерство индустрии и новых технологий" in suggestion.inner_text()
    shot(page, "02-autocomplete")
    box.press("Enter")  # the search page
    page.wait_for_url("**/search?**")
    assert page.locator("#result-count b").inner_text() == "1"
    shot(page, "03-search")
    page.locator("a.hit-label").first.click()
    page.wait_for_url("**/id/org/mint")
    assert "Министерство индустрии и новых технологий" in page.locator("h1#title").inner_text()
    tasks = page.locator("#tasks table.tasks tbody tr")
    assert tasks.count() == 3
    assert page.locator("#tasks .role.lead").count() == 3
    assert "Басқарушы компанияны" in page.locator("#tasks").inner_text()
    assert "2013-06-06" not in page.locator("#roles").inner_text()
    assert "2014-08-06" in page.locator("#roles").inner_text()  # succession timeline
    shot(page, "04-ministry")
    page.locator("#tasks table.tasks a.ref").first.click()
    page.wait_for_url("**/task_1")
    quote = page.locator("#provenance blockquote.quote mark").first
    assert quote.inner_text() == "Басқарушы компанияны «ТДҰА» АҚ-ға сенімгерлік басқаруға беру"
    shot(page, "05-task-provenance")
    page.locator("#provenance blockquote.quote footer a").first.click()
    page.wait_for_url("**/source/kz-gov-decree-2013-631-kk**")
    assert page.locator("mark#span").inner_text().startswith("Басқарушы компанияны")
    shot(page, "06-source")
    assert page.external_requests == []


def test_injected_label_is_text_and_never_runs(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in (
        "/id/org/evil",
        "/id/org/mint",
        "/search?q=alert",
        "/graph?iri=" + webgraph.MINT,
        webgraph.TASK_XSS.replace("https://kgraph.kz", ""),
    ):
        page.goto(url)
        page.wait_for_load_state("networkidle")
    page.goto("/id/org/evil")
    assert "<script>alert(1)</script> Evil & Co" in page.locator("h1#title").inner_text()
    assert dialogs == []


def test_graph_view_click_through_to_a_neighbour(page):
    page.goto("/id/org/mint")
    page.locator("#graph-link").click()
    page.wait_for_url("**/graph?iri=**")
    started = time.perf_counter()
    page.wait_for_selector("#graph[data-ready='1']")
    rendered = time.perf_counter() - started
    assert "Показано" in page.locator("#graph-status").inner_text()
    assert page.locator("#graph canvas").count() == 1
    shot(page, "07-graph")
    # click the canvas where a neighbour is drawn
    target = str(webgraph.TASK1)
    box = page.evaluate(
        """(id) => { const n = window.kgraphNetwork; const p = n.getPositions([id])[id];
                      const d = n.canvasToDOM(p); const r = document.querySelector('#graph canvas').getBoundingClientRect();
                      return {x: r.left + d.x, y: r.top + d.y}; }""",
        target,
    )
    page.mouse.dblclick(box["x"], box["y"])  # a click expands; a double click opens the page
    page.wait_for_url("**/task_1")
    assert page.locator("#task ol.parties li").count() == 2
    assert rendered < 2.0, f"graph took {rendered:.2f} s to settle"
    assert page.external_requests == []


def test_graph_view_caps_and_offers_expansion(page):
    page.goto(f"/graph?iri={webgraph.MINT}&depth=3&limit=3")
    page.wait_for_selector("#graph[data-ready='1']")
    status = page.locator("#graph-status").inner_text()
    assert "3 из" in status
    assert page.locator("#expand").count() == 1
    page.locator("#expand").click()
    page.wait_for_selector("#graph[data-ready='1']")
    assert "limit=153" in page.url  # the shareable URL carries the view
    shot(page, "08-graph-expanded")


def test_named_query_runs_and_downloads_csv(page):
    page.goto("/query")
    page.locator("#examples a.example", has_text="Bodies and their Russian names").click()
    page.wait_for_selector("body[data-queried='1']")
    expect(page.locator("#yasgui, #plain-results").first).to_contain_text("Министерство")
    shot(page, "09-sparql")
    with page.expect_download() as info:
        page.locator("#download-csv").click()
    download = info.value
    text = Path(download.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"body", "label"} <= set(rows[0])
    assert str(webgraph.MINT) in [r["body"] for r in rows]
    assert "name=bodies" in page.url  # shareable
    assert page.external_requests == []


def test_sparql_errors_are_readable(page):
    page.goto("/query?query=" + "SELEC nonsense")
    page.locator("#run").click()
    # (locators, not wait_for_function: the page's Content-Security-Policy forbids evaluating strings)
    expect(page.locator("#query-error:visible, #yasgui").filter(has_text="malformed").first).to_be_visible()
    assert "malformed" in page.locator("main").inner_text()  # the parser's message, not a blank table
    shot(page, "10-sparql-error")


def test_overlap_check(page):
    page.goto("/overlaps")
    page.locator("#draft").fill("ғылыми-технологиялық дамытудың салааралық жоспарын әзірлеу")
    page.locator("#check").click()
    page.wait_for_selector("#overlap-results")
    shot(page, "11-overlaps")
    results = page.locator("#overlap-results li.overlap")
    if page.locator(".error").count():
        pytest.skip("kgraph.analysis.overlaps is not installed")
    assert results.count() >= 1
    assert "жоспарын әзірлейді" in results.first.inner_text()


def test_language_switch_sticks(page):
    page.goto("/?lang=kk")
    assert page.locator("html").get_attribute("lang") == "kk"
    page.goto("/id/org/mint")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert "Индустрия және жаңа технологиялар" in page.locator("h1#title").inner_text()
    page.goto("/id/org/mint?lang=en")
    assert "Ministry of Industry and New Technologies" in page.locator("h1#title").inner_text()
    shot(page, "12-english")
