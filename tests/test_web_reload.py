"""A running app switches to a new build when the build directory is swapped (kgraph.web.reload).

The build is the small hand-made one of tests/e2e/webgraph.py; a "rebuild" copies it,
changes the copy and swaps it in the way kgraph.build.write does.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from e2e import webgraph
from kgraph import sparql
from kgraph.web import reload

HTML = {"accept": "text/html"}
NEW = "https://kgraph.kz/id/org/reloaded"
GRAPH = "<https://kgraph.kz/id/graph/registry>"
NEW_QUADS = (  # a new ministry: two quads
    f'<{NEW}> <http://www.w3.org/2004/02/skos/core#prefLabel> "Reloaded Agency"@en {GRAPH} .\n'
    f"<{NEW}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://kgraph.kz/ontology#Ministry> {GRAPH} .\n"
)
ASK = f"ASK {{ <{NEW}> ?p ?o }}"


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return webgraph.make_build(tmp_path_factory.mktemp("reload") / "build")


@pytest.fixture
def build(base, tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(reload, "INTERVAL", 0.05)  # look often: the test need not wait a second
    monkeypatch.setenv("KGRAPH_QUERY_WORKERS", "1")
    monkeypatch.delenv("KGRAPH_RELOAD", raising=False)
    return Path(shutil.copytree(base, tmp_path / "build"))


@pytest.fixture
def apps():
    """Apps made by a test; their SPARQL workers are stopped at its end."""
    made = []
    yield made
    for app in made:
        ep = getattr(app.state, "sparql", None)
        if ep is not None:
            ep.close()


def client_for(apps, build: Path, **kwargs) -> TestClient:
    from kgraph.web.app import create_app

    app = create_app(build, warm=False, **kwargs)
    apps.append(app)
    return TestClient(app)


def rebuild(build: Path, extra: str = "", graph: str | None = None) -> None:
    """Write a changed copy of the build next to it and swap it in as kgraph.build.write does."""
    stamp = time.time_ns()
    tmp = build.parent / f".{build.name}.tmp-{stamp}"
    shutil.copytree(build, tmp)
    nq = tmp / "graph.nq"
    nq.write_text(graph if graph is not None else nq.read_text(encoding="utf-8") + extra, encoding="utf-8")
    report = json.loads((tmp / "report.json").read_text(encoding="utf-8"))
    report["triples"] += extra.count("\n")
    (tmp / "report.json").unlink()  # a new file, as a build writes one
    (tmp / "report.json").write_text(json.dumps(report), encoding="utf-8")
    old = build.parent / f".{build.name}.old-{stamp}"
    build.rename(old)
    tmp.rename(build)
    shutil.rmtree(old)


def wait_for(client: TestClient, ready, seconds: float = 10.0) -> dict:
    """/health once it satisfies `ready` (each request also lets the app look for a new build)."""
    deadline = time.monotonic() + seconds
    while True:
        health = client.get("/health").json()
        if ready(health):
            return health
        assert time.monotonic() < deadline, f"gave up waiting: {health}"
        time.sleep(0.05)


def ask(client: TestClient) -> bool:
    r = client.get("/sparql", params={"query": ASK}, headers={"accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return r.json()["boolean"]


def test_new_build_is_served_after_the_swap(build, apps, monkeypatch):
    monkeypatch.setattr(reload, "close_delay", lambda endpoint: 1.0)
    client = client_for(apps, build)
    before = client.get("/health").json()
    assert before["status"] == "ok" and before["build"]["id"] and before["build"]["built"]
    assert before["reload"] == {"enabled": True, "reloads": 0, "error": None}
    assert client.get("/id/org/reloaded", headers=HTML).status_code == 404
    assert not ask(client)
    old_endpoint = client.app.state.sparql

    rebuild(build, NEW_QUADS)
    after = wait_for(client, lambda h: h["reload"]["reloads"] == 1)
    # a request that took the old endpoint before the swap still gets its answer
    in_flight = old_endpoint.handle(sparql.Request("GET", (("query", ASK),), "", "", b"", "application/json", ""))
    assert in_flight.status == 200 and b"false" in in_flight.body
    assert after["build"]["id"] != before["build"]["id"]
    assert after["triples"] == before["triples"] + 2
    page = client.get("/id/org/reloaded", headers=HTML)
    assert page.status_code == 200 and '<h1 id="title">Reloaded Agency' in page.text  # the new Site's labels
    assert ask(client)  # a new endpoint over the new store
    assert client.app.state.sparql is not old_endpoint
    deadline = time.monotonic() + 5
    while not old_endpoint.executor._closed:  # the old workers are stopped after the swap
        assert time.monotonic() < deadline
        time.sleep(0.02)


def test_a_broken_build_leaves_the_old_one_served(base, build, apps):
    client = client_for(apps, build)
    before = client.get("/health").json()
    assert not ask(client)  # the endpoint exists, its workers hold the old graph

    rebuild(build, graph="this is not N-Quads\n")
    broken = wait_for(client, lambda h: h["reload"]["error"] is not None)
    assert "graph.nq" in broken["reload"]["error"] or "SyntaxError" in broken["reload"]["error"]
    assert broken["build"]["id"] == before["build"]["id"] and broken["triples"] == before["triples"]
    assert client.get("/", headers=HTML).status_code == 200
    assert client.get("/id/org/mint", headers=HTML).status_code == 200
    assert not ask(client)

    # the next good build is taken
    rebuild(build, graph=(base / "graph.nq").read_text(encoding="utf-8") + NEW_QUADS)
    after = wait_for(client, lambda h: h["reload"]["reloads"] == 1)
    assert after["reload"]["error"] is None and after["triples"] == before["triples"] + 2
    assert ask(client)


def test_reload_off_keeps_the_first_build(build, apps, monkeypatch):
    started = []
    monkeypatch.setattr(reload.Reloader, "_reload", lambda self, app, found: started.append(found))
    by_param = client_for(apps, build, reload=False)
    monkeypatch.setenv("KGRAPH_RELOAD", "0")
    by_env = client_for(apps, build)
    first = by_param.get("/health").json()
    assert first["reload"]["enabled"] is False and by_env.get("/health").json()["reload"]["enabled"] is False

    rebuild(build, NEW_QUADS)
    for _ in range(3):
        time.sleep(reload.INTERVAL)
        for client in (by_param, by_env):
            assert client.get("/id/org/reloaded", headers=HTML).status_code == 404
    assert not started
    assert by_param.get("/health").json()["build"]["id"] == first["build"]["id"]


def test_the_build_directory_is_looked_at_once_per_interval(build, apps, monkeypatch):
    client = client_for(apps, build)
    looks = []
    monkeypatch.setattr(reload, "INTERVAL", 60.0)
    monkeypatch.setattr(reload, "identity", lambda d: looks.append(d) or client.app.state.reloader.served)
    client.app.state.reloader._next = 0.0
    for _ in range(5):
        client.get("/health")
    assert len(looks) == 1
    assert not [t for t in threading.enumerate() if t.name == "kgraph-reload"]
