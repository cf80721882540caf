"""Graph exploration (kgraph.web.graphview, kgraph.web.graphlayout): positions from the server,
no label overlaps, stable when a node is expanded, expansion in steps, the state in the URL, and
the dated view that keeps a body gone by then, greyed, with the body that took over."""

from __future__ import annotations

import random
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from e2e import webgraph
from kgraph.web import graphlayout as layout
from kgraph.web import graphview

MINT, MID, ROLE = str(webgraph.MINT), str(webgraph.MID), str(webgraph.ROLE)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from kgraph.web.app import create_app

    build = webgraph.make_build(tmp_path_factory.mktemp("web-graph") / "build")
    return TestClient(create_app(build, warm=False))


@pytest.fixture(autouse=True)
def fresh_pages(request):
    """Tests change the module's constants (STEP, REACH_MAX): each starts without the finished
    pages an earlier one left (kgraph.web.render.remembered keeps them per build)."""
    if "client" in request.fixturenames:
        request.getfixturevalue("client").app.state.site.memo.pop("pages", None)


# --- layout -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("МИНТ", "МИНТ"),
        ("Министерство индустрии и новых технологий", "Министерство индустрии\nи новых технологий"),
        ("слово " * 30, "слово слово слово\nслово слово слово\nслово слово слово…"),
    ],
)
def test_labels_wrap_in_at_most_three_lines(label, expected):
    assert layout.wrap(label.strip()) == expected


def tree(n: int, seed: int) -> tuple[dict, dict]:
    rnd = random.Random(seed)
    names = ["c"] + [f"n{i}" for i in range(n - 1)]
    parent = {x: ("c" if i < n // 4 else rnd.choice(names[1 : i + 1])) for i, x in enumerate(names[1:])}
    words = ["Министерство", "индустрии", "и", "новых", "технологий", "план", "мероприятий", "МИНТ"]
    labels = {x: layout.wrap(" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 9)))) for x in names}
    return parent, {x: layout.box_size(labels[x], x == "c") for x in names}


@pytest.mark.parametrize(("n", "seed"), [(10, 1), (60, 2), (150, 3), (150, 4)])
def test_no_two_labels_overlap_up_to_150_nodes(n, seed):
    parent, boxes = tree(n, seed)
    pos = layout.radial("c", parent, boxes)
    assert layout.separate(pos, boxes, fixed={"c"}) == 0
    assert layout.overlaps(pos, boxes) == 0
    assert pos["c"] == (0.0, 0.0)


def test_layout_is_deterministic_and_expansions_keep_every_node_in_place():
    parent, boxes = tree(80, 5)
    first = layout.radial("c", parent, boxes)
    layout.separate(first, boxes, fixed={"c"})
    again = layout.radial("c", parent, boxes)
    layout.separate(again, boxes, fixed={"c"})
    assert first == again
    before = dict(first)
    new = [f"x{i}" for i in range(12)]
    boxes |= {x: layout.box_size("новый узел графа") for x in new}
    layout.place_around("n3", new, first, boxes)
    layout.separate(first, boxes, fixed=set(before))
    assert {k: first[k] for k in before} == before
    assert layout.overlaps(first, boxes) == 0


# --- exploring ----------------------------------------------------------------------------


def view(client, **params) -> dict:
    r = client.get("/graph.json", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_a_click_expands_a_node_in_steps_and_the_url_keeps_it(client, monkeypatch):
    monkeypatch.setattr(graphview, "STEP", 1)
    first = view(client, iri=MINT)
    role = next(n for n in first["data"]["nodes"] if n["id"] == ROLE)
    assert role["neighbours_total"] >= 2 and not role["expanded"]
    query = parse_qs(urlparse(role["expand_url"]).query)
    assert query["expand"] == ["role/authorized-body-industrial-innovation"]
    expanded = view(client, **{k: v[0] for k, v in query.items()})
    added = {n["id"] for n in expanded["data"]["nodes"]} - {n["id"] for n in first["data"]["nodes"]}
    assert len(added) == 1  # one step
    role = next(n for n in expanded["data"]["nodes"] if n["id"] == ROLE)
    assert role["expanded"] and role["more_url"] and "more=role" in role["more_url"]
    more = view(client, **{k: v[0] for k, v in parse_qs(urlparse(role["more_url"]).query).items()})
    assert len(more["data"]["nodes"]) == len(expanded["data"]["nodes"]) + 1
    # the nodes already drawn stay where they were
    place = {n["id"]: (n["x"], n["y"]) for n in first["data"]["nodes"]}
    assert all(place[n["id"]] == (n["x"], n["y"]) for n in more["data"]["nodes"] if n["id"] in place)
    assert more["selected"] == ROLE


def test_the_side_panel_data_of_a_node(client):
    data = view(client, iri=MINT)
    node = next(n for n in data["data"]["nodes"] if n["id"] == ROLE)
    assert node["url"] == "/id/role/authorized-body-industrial-innovation"
    assert node["full"].startswith("уполномоченный орган") or node["full"]
    assert node["kind_name"] and isinstance(node["neighbours"], dict)
    assert node["center_url"].startswith("/graph?iri=role%2Fauthorized-body-industrial-innovation")


def test_a_body_gone_by_the_day_stays_greyed_with_the_body_that_took_over(client):
    task = str(webgraph.TASK1)
    data = view(client, iri=task, at="2016-01-01")
    nodes = {n["id"]: n for n in data["data"]["nodes"]}
    assert MINT in nodes and nodes[MINT]["gone"] == "2014-08-06" and nodes[MINT]["color"] == graphview.GONE_COLOR
    assert MID in nodes and not nodes[MID]["gone"]
    succession = [e for e in data["data"]["edges"] if e["from"] == MINT and e["to"] == MID]
    assert succession and succession[0]["dashes"]
    html = client.get("/graph", params={"iri": task, "at": "2016-01-01", "lang": "ru"}).text
    assert "Серым — органы, упразднённые к 2016-01-01" in html


def test_the_walk_reports_how_far_it_counted(client, monkeypatch):
    monkeypatch.setattr(graphview, "REACH_MAX", 3)
    data = view(client, iri=MINT, depth=3)
    assert data["truncated"] and data["reached"] >= 3
    html = client.get("/graph", params={"iri": MINT, "depth": 3, "lang": "en"}).text
    assert "of 3+ nodes" in html or "of 4+ nodes" in html


def test_a_view_already_drawn_is_answered_from_memory_per_language_and_form(client, monkeypatch):
    walks = []
    explore = graphview.explore
    monkeypatch.setattr(graphview, "explore", lambda *a: walks.append(1) or explore(*a))
    params = {"iri": MINT, "depth": 2, "lang": "en"}
    first = client.get("/graph", params=params)
    again = client.get("/graph", params=params)
    assert first.status_code == again.status_code == 200 and len(walks) == 1
    assert again.content == first.content and again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["vary"] == "Accept" and "content-security-policy" in again.headers
    assert client.get("/graph", params=params | {"lang": "ru"}).content != first.content  # another language
    as_json = client.get("/graph", params=params, headers={"accept": "application/json"})
    assert as_json.json()["center"]["value"] == MINT and len(walks) == 3  # JSON is kept apart from HTML
    client.get("/graph", params=params | {"at": "2016-01-01"})
    assert len(walks) == 4  # another day: another view
    assert client.get("/graph", params=params | {"iri": "https://kgraph.kz/id/org/none"}).status_code == 404
    client.get("/graph", params=params | {"iri": "https://kgraph.kz/id/org/none"})
    assert len(walks) == 4  # a page not found is not kept (and walks nothing)
