"""Errors are pages in the interface's language (JSON for JSON and API clients), never the
framework's raw output; no /docs page loading a CDN; a favicon."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from e2e import webgraph

HTML = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
MINT = str(webgraph.MINT)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from kgraph.web.app import create_app

    build = webgraph.make_build(tmp_path_factory.mktemp("web-errors") / "build")
    return TestClient(create_app(build, warm=False), raise_server_exceptions=False)


@pytest.mark.parametrize(
    ("url", "lang", "status", "title", "line"),
    [
        (f"/graph?iri={MINT}&depth=9", "ru", 422, "Неверные параметры", "depth: не больше 3"),
        (f"/graph?iri={MINT}&depth=9", "kk", 422, "Қате параметрлер", "depth: 3 мәнінен аспауы керек"),
        (f"/graph?iri={MINT}&depth=9", "en", 422, "Invalid parameters", "depth must be at most 3"),
        (f"/graph?iri={MINT}&limit=x", "ru", 422, "Неверные параметры", "limit: нужно целое число"),
        ("/id/org/nope", "ru", 404, "Не найдено", "ресурса https://kgraph.kz/id/org/nope нет"),
        ("/no/such/page", "kk", 404, "Табылмады", "Табылмады"),
        (f"/graph?iri={MINT}&at=2016-13-01", "ru", 400, "Неверный запрос", "at=&#39;2016-13-01&#39; — не дата"),
    ],
)
def test_errors_are_pages_in_the_interface_language(client, url, lang, status, title, line):
    r = client.get(url + ("&" if "?" in url else "?") + f"lang={lang}", headers=HTML)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert f"{status} — {title}" in r.text
    assert line in r.text
    assert '"detail"' not in r.text and "Input should be" not in r.text  # not the framework's JSON


@pytest.mark.parametrize(
    ("url", "status", "detail"),
    [
        (f"/graph.json?iri={MINT}&depth=9", 422, "depth must be at most 3"),
        ("/api/search?limit=0", 422, "limit must be at least 1"),
        ("/id/org/nope.json", 404, "no resource https://kgraph.kz/id/org/nope"),
    ],
)
def test_json_clients_get_the_error_as_json_in_english(client, url, status, detail):
    r = client.get(url)
    assert r.status_code == status
    assert r.json() == {"status": status, "detail": detail}


def test_sparql_errors_stay_plain_text(client):
    r = client.get("/sparql", params={"query": "SELEC nonsense"})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/plain")


def test_a_failing_page_is_an_error_page_not_a_traceback(client, monkeypatch):
    from kgraph.web import pages

    def boom(*a, **k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(pages, "page", boom)
    r = client.get("/", params={"lang": "ru"}, headers=HTML)
    assert r.status_code == 500 and "Ошибка сервера" in r.text and "secret internals" not in r.text
    # the failure never leaves the app (a server would drop the connection): a strict client gets the page
    strict = TestClient(client.app)
    r = strict.get("/", params={"lang": "ru"}, headers=HTML)
    assert r.status_code == 500 and "Ошибка сервера" in r.text
    assert strict.get("/", headers={"accept": "application/json"}).json() == {"status": 500, "detail": "server error"}


def test_no_docs_pages_and_a_local_favicon(client):
    for url in ("/docs", "/redoc"):
        assert client.get(url).status_code == 404
    r = client.get("/favicon.ico", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == "/static/favicon.svg"
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.text.startswith("<svg")
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/", headers=HTML).text
