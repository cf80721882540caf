"""Every page of the explorer is data first: a plain dict that the template renders and that the
same URL returns as JSON (a `.json` suffix or `Accept: application/json`). The JSON twin of each
HTML page carries what the page shows; errors reach JSON clients as JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from e2e import webgraph

MINT = str(webgraph.MINT)
HTML = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
JSON = {"accept": "application/json"}
SOURCE = f"/source/{webgraph.PLAN_DOC}"


def local(iri: str) -> str:
    return iri.replace("https://kgraph.kz", "")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from kgraph.web.app import create_app

    build = webgraph.make_build(tmp_path_factory.mktemp("web-json") / "build")
    return TestClient(create_app(build, warm=False))


def labels(terms) -> list[str]:
    return [t["label"] for t in terms if t]


# (HTML page, its JSON twin, what the page data says that the HTML must show)
TWINS = [
    (
        "/",
        "/index.json",
        lambda d: (
            [str(d["triples"])]
            + [s["doc"] for s in d["sources"]]
            + [s["act"]["label"] for s in d["sources"] if s["act"]]
        ),
    ),
    ("/", "/.json", lambda d: [s["doc"] for s in d["sources"]]),
    (
        "/search?q=ИЖТМ",
        "/search.json?q=ИЖТМ",
        lambda d: [str(d["data"]["total"])] + [r["url"] for r in d["data"]["results"]],
    ),
    ("/search?type=body", "/search.json?type=body", lambda d: [r["label"] for r in d["data"]["results"]]),
    (
        "/id/org/mint",
        "/id/org/mint.json",
        lambda d: (
            [d["title"], str(d["tasks"]["total"])]
            + labels(r["task"] for g in d["tasks"]["groups"] for r in g["rows"])
            + [g["short"] for g in d["tasks"]["groups"]]
            + labels(r["competence"] for g in d["competences"]["groups"] for r in g["rows"])
            + labels(r["role"] for r in d["roles"])
            + [e["event"]["href"] for e in d["succession"]]
        ),
    ),
    (
        "/id/org/miid",
        "/id/org/miid.json",
        lambda d: (
            labels(p["body"] for p in d["inherited"])
            + labels(r["task"] for p in d["inherited"] for g in p["tasks"]["groups"] for r in g["rows"])
        ),
    ),
    (
        local(str(webgraph.TASK1)),
        local(str(webgraph.TASK1)) + ".json",
        lambda d: (
            labels(p["who"] for p in d["task"]["parties"])
            + [d["task"]["deadline"]["end"], d["task"]["plan"]["label"]]
            + [p["mark"] for p in d["provenance"]]
        ),
    ),
    (
        local(str(webgraph.ART5)),
        local(str(webgraph.ART5)) + ".json",
        lambda d: (
            [t for n in d["reader"]["nodes"] for t in n["text"].values()]
            + [n["href"] for n in d["reader"]["nodes"]]
            + [g["competence"]["href"] for n in d["reader"]["nodes"] for g in n["grants"]]
        ),
    ),
    (
        local(str(webgraph.PLAN)),
        local(str(webgraph.PLAN)) + ".json",
        lambda d: labels(t["task"] for t in d["plan_tasks"]),
    ),
    (
        local(str(webgraph.FINDING)),
        local(str(webgraph.FINDING)) + ".json",
        lambda d: labels(s["side"] for s in d["sides"]),
    ),
    ("/graph", "/graph.json", lambda d: labels(s["term"] for s in d["suggestions"])),
    (
        f"/graph?iri={MINT}&depth=2",
        f"/graph.json?iri={MINT}&depth=2",
        lambda d: [d["center"]["label"], str(d["shown"])] + labels(n["term"] for n in d["node_list"]),
    ),
    ("/query", "/query.json", lambda d: [e["title"] for e in d["examples"]]),
    ("/overlaps", "/overlaps.json", lambda d: labels(d["bodies"])),
    (f"{SOURCE}?start=10&end=40", f"{SOURCE}.json?start=10&end=40", lambda d: [d["mark"], d["doc"]]),
    ("/ontology", "/ontology.json", lambda d: [item["name"] for _, items in d["groups"] for item in items][:40]),
]


@pytest.mark.parametrize("html_url, json_url, shown", TWINS, ids=[t[1] for t in TWINS])
def test_every_page_has_a_json_twin_with_what_the_page_shows(client, html_url, json_url, shown):
    html = client.get(html_url, headers=HTML)
    twin = client.get(json_url)
    assert html.status_code == twin.status_code == 200, twin.text[:300]
    assert html.headers["content-type"].startswith("text/html")
    assert twin.headers["content-type"] == "application/json"
    values = [v for v in shown(twin.json()) if v]
    assert values, "the twin carries nothing to compare"
    for value in values:
        assert str(escape(value)) in html.text, value
    # the same URL asked for JSON gives the same data
    assert client.get(html_url, headers=JSON).json() == twin.json()


def test_body_twin_counts_and_terms_are_plain_json(client):
    data = client.get("/id/org/mint.json").json()
    assert data["kind"] == "body" and data["subject"] == MINT
    (group,) = data["tasks"]["groups"]  # one plan
    first = group["rows"][0]
    assert first["lead"] is True and first["task"]["href"].startswith("/id/") and first["task"]["is_iri"] is True
    assert data["tasks"]["total"] == group["total"] == len(group["rows"]) == 3
    assert group["short"].startswith("План мероприятий · Постановление Правительства № 631")
    assert data["incoming_query"].startswith("/query?query=")


@pytest.mark.parametrize(
    "accept, media",
    [
        ("application/json", "application/json"),
        ("application/ld+json", "application/ld+json"),
        ("text/html;q=0.5, application/json", "application/json"),
        ("application/json;q=0.5, text/html", "text/html"),
    ],
)
def test_plain_json_is_the_page_data_and_json_ld_stays_rdf(client, accept, media):
    r = client.get("/id/org/mint", headers={"accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    if media == "application/json":
        assert r.json()["title"]
    if media == "application/ld+json":
        assert isinstance(r.json(), list) and any(n.get("@id") == MINT for n in r.json())


@pytest.mark.parametrize(
    "url, headers, status",
    [
        ("/id/org/nope.json", {}, 404),
        ("/id/org/nope", JSON, 404),
        (f"/graph.json?iri={MINT}&at=2016-13-01", {}, 400),
        ("/graph.json?iri=https://kgraph.kz/id/org/nope", {}, 404),
        ("/source/nope.json", {}, 404),
        (f"{SOURCE}.json?start=5&end=1", {}, 400),
    ],
)
def test_errors_reach_json_clients_as_json(client, url, headers, status):
    r = client.get(url, headers=headers)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    assert r.json()["status"] == status and r.json()["detail"]
    html = client.get(url.replace(".json", ""), headers=HTML)
    assert html.headers["content-type"].startswith("text/html")  # a browser still gets the error page


def test_the_one_hit_redirect_is_for_browsers_only(client):
    assert client.get("/search", params={"q": "МИНТ", "go": "1"}, follow_redirects=False).status_code == 303
    data = client.get("/search.json", params={"q": "МИНТ", "go": "1"}, follow_redirects=False).json()
    assert data["data"]["results"][0]["url"] == "/id/org/mint"


def test_query_page_opens_a_named_query_with_its_parameters_bound(client):
    data = client.get("/query.json", params={"name": "tasks_of_body", "body": MINT, "utm": "x"}).json()
    assert data["selected"] == "tasks_of_body"
    assert f"VALUES (?body) {{ (<{MINT}>) }}" in data["initial"]
    bad = client.get("/query.json", params={"name": "tasks_of_body", "body": "not an iri"})
    assert bad.status_code == 400 and "not a valid iri" in bad.json()["detail"]
