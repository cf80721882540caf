"""`kgraph serve --store URL`: the explorer and /sparql over a remote SPARQL endpoint (a real
`oxigraph serve` on a loopback port) holding the small hand-made build."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from e2e import webgraph
from kgraph.store import RemoteStore
from sparql_support import SERVERS, sparql_server

pytestmark = pytest.mark.server

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module", params=SERVERS)
def remote(request, tmp_path_factory, monkeypatch_module):
    build = webgraph.make_build(tmp_path_factory.mktemp("web-remote") / "build")
    with sparql_server(request.param, tmp_path_factory.mktemp(request.param)) as server:
        RemoteStore(server.query, graph_store_url=server.gsp).load_nquads((build / "graph.nq").read_bytes())
        monkeypatch_module.setenv("KGRAPH_STORE_GSP", server.gsp)
        yield server.query


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture(scope="module")
def client(remote, tmp_path_factory):
    from kgraph.web.app import create_app

    # No build directory at all: the search index is made from the remote store.
    return TestClient(create_app(tmp_path_factory.mktemp("nothing") / "build", warm=False, store=remote))


def test_pages_search_and_graph_view_read_the_remote_store(client):
    page = client.get("/id/org/mint", headers=HTML)
    assert page.status_code == 200 and "Министерство индустрии и новых технологий" in page.text
    hits = client.get("/api/search", params={"q": "ИЖТМ"}).json()
    assert hits["results"][0]["iri"] == str(webgraph.MINT)
    graph = client.get("/graph", params={"iri": str(webgraph.MINT)}, headers=HTML)
    assert graph.status_code == 200


def test_sparql_endpoint_answers_from_the_remote_store(client):
    ask = f"ASK {{ <{webgraph.MINT}> ?p ?o }}"
    r = client.get("/sparql", params={"query": ask}, headers={"accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.json()["boolean"] is True
    assert client.post("/sparql", data={"update": "CLEAR ALL"}).status_code == 403


def test_health_counts_the_remote_triples_and_nothing_is_reloaded(client, remote):
    health = client.get("/health").json()
    assert health["triples"] == len(RemoteStore(remote)) > 0
    assert health["reload"]["enabled"] is False


def test_serve_takes_the_store_from_the_option_or_the_environment():
    from typer.main import get_command

    from kgraph.cli import app

    serve = get_command(app).commands["serve"]
    option = next(p for p in serve.params if p.name == "store")
    assert "--store" in option.opts and option.envvar == "KGRAPH_STORE"
