"""The SPARQL 1.1 Protocol endpoint at /sparql, exercised with real clients (SPARQLWrapper,
rdflib's SPARQLStore, httpx) against the app running under uvicorn on a loopback port."""

from __future__ import annotations

import json
import time
import urllib.error

import httpx
import pytest
from fastapi import FastAPI
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kgraph import sparql
from kgraph.sparql_pool import InlineExecutor, ProcessExecutor
from kgraph.store import OxigraphStore, open_store
from kgraph.web import sparql as web_sparql
from sparql_support import build_dir, filler, uvicorn_server

pytestmark = pytest.mark.server

KG = Namespace("https://kgraph.kz/ontology#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
PREFIX = "PREFIX kg: <https://kgraph.kz/ontology#>\n"
TASKS = PREFIX + "SELECT ?task WHERE { ?task a kg:Task } ORDER BY ?task"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
LIMITS = sparql.Limits(timeout=1.0, max_rows=100, max_get=8192, workers=2)


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    # 3000 filler triples: a four-way cross product of them never ends, 100+ rows hit the cap
    return build_dir(tmp_path_factory.mktemp("sparql") / "build", filler(3000))


@pytest.fixture(scope="module", params=["disk", "memory"])
def endpoint(request, build):
    """The app with /sparql over the on-disk store and over the in-memory copy (both in worker processes)."""
    store = OxigraphStore(build / "store", read_only=True) if request.param == "disk" else open_store(build)
    app = FastAPI()
    ep = web_sparql.install(app, store, LIMITS)
    with uvicorn_server(app) as base:
        ENDPOINTS[base + "/sparql"] = ep
        yield base + "/sparql"
    ep.close()


ENDPOINTS: dict[str, object] = {}  # URL -> the Endpoint serving it, for tests that look at its workers


def wrapper(url: str, query: str, fmt, method=None) -> SPARQLWrapper:
    w = SPARQLWrapper(url)
    w.setQuery(query)
    w.setReturnFormat(fmt)
    if method in (POST, POSTDIRECTLY):
        w.setMethod(POST)  # a form by default; POSTDIRECTLY sends application/sparql-query
    if method == POSTDIRECTLY:
        w.setRequestMethod(POSTDIRECTLY)
    return w


# --- SPARQLWrapper, every format --------------------------------------------------------------


@pytest.mark.parametrize("method", [None, POST, POSTDIRECTLY])
def test_sparqlwrapper_select_json_by_get_form_post_and_direct_post(endpoint, method):
    out = wrapper(endpoint, TASKS, JSON, method).query().convert()
    assert [b["task"]["value"].rsplit("/", 1)[1] for b in out["results"]["bindings"]] == ["task_1", "task_2", "task_3"]


def test_sparqlwrapper_select_xml(endpoint):
    doc = wrapper(endpoint, TASKS, XML).query().convert()
    assert len(doc.getElementsByTagName("result")) == 3


@pytest.mark.parametrize("fmt, sep", [(CSV, ","), (TSV, "\t")])
def test_sparqlwrapper_select_csv_and_tsv(endpoint, fmt, sep):
    q = (
        PREFIX
        + "SELECT ?task ?n WHERE { ?task a kg:Task ; <http://data.europa.eu/eli/ontology#number> ?n } ORDER BY ?n"
    )
    text = wrapper(endpoint, q, fmt).query().convert().decode("utf-8")
    lines = text.strip().splitlines()
    assert len(lines) == 4 and sep in lines[1]


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(endpoint, fmt):
    out = wrapper(endpoint, PREFIX + "ASK { ?t a kg:Task }", fmt).query().convert()
    value = out["boolean"] if fmt == JSON else out.getElementsByTagName("boolean")[0].firstChild.data == "true"
    assert value is True


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, JSONLD])
def test_sparqlwrapper_construct_in_every_rdf_format(endpoint, fmt):
    res = wrapper(endpoint, PREFIX + "CONSTRUCT WHERE { ?t a kg:Task }", fmt).query()
    out = res.convert()
    g = (
        out
        if isinstance(out, Graph)
        else Graph().parse(data=out, format={TURTLE: "turtle", N3: "turtle", JSONLD: "json-ld"}[fmt])
    )
    assert len(set(g.subjects(RDF.type, KG.Task))) == 3


def test_sparqlwrapper_describe(endpoint):
    task = "https://kgraph.kz/id/act/decree/2013/12/13/1331/annex_plan/task_1"
    g = Graph().parse(data=wrapper(endpoint, f"DESCRIBE <{task}>", TURTLE).query().convert(), format="turtle")
    assert (URIRef(task), RDF.type, KG.Task) in g


# --- rdflib's SPARQLStore ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xml", "json", "csv", "tsv"])
def test_rdflib_sparqlstore_select_in_each_result_format(endpoint, fmt):
    g = Graph(store=SPARQLStore(endpoint, returnFormat=fmt))
    rows = list(g.query(TASKS))
    assert len(rows) == 3 and str(rows[0][0]).endswith("task_1")


def test_rdflib_sparqlstore_triples_len_and_construct(endpoint):
    g = Graph(store=SPARQLStore(endpoint))
    assert len(set(g.subjects(RDF.type, KG.Task))) == 3
    assert (None, KG.mentionText, Literal("АО «Фонд науки»", lang="ru")) in g
    assert len(g) > 3000
    constructed = g.query(PREFIX + "CONSTRUCT { ?t a kg:Task } WHERE { ?t a kg:Task }").graph
    assert len(constructed) == 3


def test_rdflib_sparqlstore_by_form_post(endpoint):
    g = Graph(store=SPARQLStore(endpoint, method="POST_FORM", returnFormat="json"))
    assert bool(g.query(PREFIX + "ASK { ?t a kg:Task }").askAnswer)


# --- errors -----------------------------------------------------------------------------------


def test_malformed_query_is_400_with_the_parsers_message(endpoint):
    with pytest.raises(QueryBadFormed) as err:
        wrapper(endpoint, "SELECT ?x WHERE { ?x ?y }", JSON).query()
    assert "error at 1:" in str(err.value)
    resp = httpx.get(endpoint, params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert resp.status_code == 400 and resp.text.startswith("malformed query: error at 1:")


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "POST", "data": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"method": "POST", "data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {
            "method": "POST",
            "content": "DELETE WHERE { ?s ?p ?o }",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {"method": "POST", "content": "DROP ALL", "headers": {"Content-Type": "application/sparql-query"}},
        {"method": "GET", "params": {"query": "LOAD <http://example.org/data.ttl>"}},
        {"method": "GET", "params": {"update": "CLEAR ALL"}},
    ],
)
def test_every_update_is_refused_with_403(endpoint, request_kwargs):
    resp = httpx.request(url=endpoint, **request_kwargs)
    assert resp.status_code == 403 and "read-only" in resp.text
    assert (
        httpx.get(
            endpoint,
            params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"},
            headers={"Accept": "application/sparql-results+json"},
        ).json()["boolean"]
        is False
    )


def test_sparqlwrapper_update_is_refused(endpoint):
    w = SPARQLWrapper(endpoint)
    w.setMethod(POST)
    w.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(urllib.error.HTTPError) as err:
        w.query()
    assert err.value.code == 403


def test_federated_service_calls_are_refused(endpoint):
    resp = httpx.get(endpoint, params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"})
    assert resp.status_code == 403 and "SERVICE" in resp.text


def test_a_slow_query_is_stopped_at_the_timeout_and_the_endpoint_keeps_answering(endpoint):
    start = time.monotonic()
    resp = httpx.post(endpoint, data={"query": SLOW}, timeout=30)
    elapsed = time.monotonic() - start
    assert resp.status_code == 503
    assert "stopped after 1 s" in resp.text and "KGRAPH_QUERY_TIMEOUT" in resp.text
    assert elapsed < 5
    for _ in range(3):  # both workers, including the replacement of the killed one
        assert httpx.get(endpoint, params={"query": TASKS}).status_code == 200


def test_the_worker_running_a_timed_out_query_is_killed_and_replaced(endpoint):
    import os

    # Only this endpoint's pool: other modules' abandoned pools may be finalized meanwhile.
    pools = [ENDPOINTS[endpoint].executor]
    assert all(isinstance(p, ProcessExecutor) for p in pools)
    before = {w.proc.pid for p in pools for w in p._all}
    assert httpx.post(endpoint, data={"query": SLOW}, timeout=30).status_code == 503
    deadline = time.monotonic() + 10  # the replacement is started in the background
    while (after := {w.proc.pid for p in pools for w in p._all}) and len(after) < len(before):
        assert time.monotonic() < deadline, "the killed worker was not replaced"
        time.sleep(0.05)
    gone = before - after
    assert len(gone) == 1 and len(after) == len(before)
    with pytest.raises(ProcessLookupError):  # really stopped, not left running in a thread
        os.kill(gone.pop(), 0)


def test_a_get_query_over_the_limit_is_414_and_the_same_query_by_post_is_answered(endpoint):
    long_query = TASKS + " #" + "x" * 9000
    resp = httpx.get(endpoint, params={"query": long_query})
    assert resp.status_code == 414 and "POST" in resp.text
    resp = httpx.post(endpoint, data={"query": long_query}, headers={"Accept": "application/sparql-results+json"})
    assert resp.status_code == 200 and len(resp.json()["results"]["bindings"]) == 3
    resp = httpx.post(endpoint, content=long_query, headers={"Content-Type": "application/sparql-query"})
    assert resp.status_code == 200


def test_results_are_capped_at_max_rows_with_a_header(endpoint):
    resp = httpx.get(
        endpoint,
        params={"query": "SELECT ?s WHERE { ?s <urn:x:p> ?o }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert resp.status_code == 200
    assert len(resp.json()["results"]["bindings"]) == 100
    assert resp.headers["X-SPARQL-MaxRows"] == "100" and resp.headers["X-Kgraph-Truncated"] == "true"


# --- content negotiation, dataset, CORS, service description ------------------------------------


@pytest.mark.parametrize(
    "accept, media",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
        ("", "application/sparql-results+json"),
    ],
)
def test_select_content_negotiation(endpoint, accept, media):
    resp = httpx.get(endpoint, params={"query": TASKS}, headers={"Accept": accept} if accept else {})
    assert resp.status_code == 200 and resp.headers["content-type"].split(";")[0] == media
    assert resp.headers["Vary"] == "Accept"


@pytest.mark.parametrize(
    "accept, media",
    [
        ("text/turtle", "text/turtle"),
        ("application/n-triples", "application/n-triples"),
        ("application/ld+json", "application/ld+json"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("*/*", "text/turtle"),
    ],
)
def test_construct_content_negotiation(endpoint, accept, media):
    resp = httpx.get(
        endpoint, params={"query": PREFIX + "CONSTRUCT WHERE { ?t a kg:Task }"}, headers={"Accept": accept}
    )
    assert resp.status_code == 200 and resp.headers["content-type"].split(";")[0] == media


def test_unacceptable_media_type_is_406(endpoint):
    resp = httpx.get(endpoint, params={"query": TASKS}, headers={"Accept": "image/png"})
    assert resp.status_code == 406 and "application/sparql-results+json" in resp.text


def test_format_parameter_overrides_accept(endpoint):
    resp = httpx.get(
        endpoint, params={"query": TASKS, "format": "csv"}, headers={"Accept": "application/sparql-results+json"}
    )
    assert resp.headers["content-type"].startswith("text/csv")


def test_default_graph_uri_restricts_the_dataset(endpoint):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    whole = httpx.get(endpoint, params={"query": q}, headers={"Accept": "application/sparql-results+json"}).json()
    one = httpx.get(
        endpoint,
        params={"query": q, "default-graph-uri": "https://kgraph.kz/id/graph/registry"},
        headers={"Accept": "application/sparql-results+json"},
    ).json()
    n = lambda r: int(r["results"]["bindings"][0]["n"]["value"])
    assert 0 < n(one) < n(whole)


def test_cors_for_browser_clients(endpoint):
    pre = httpx.options(
        endpoint,
        headers={
            "Origin": "https://yasgui.triply.cc",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert pre.status_code in (200, 204)
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "POST" in pre.headers["access-control-allow-methods"]
    resp = httpx.get(endpoint, params={"query": TASKS}, headers={"Origin": "https://yasgui.triply.cc"})
    assert resp.headers["access-control-allow-origin"] == "*"


def test_service_description_without_a_query(endpoint):
    resp = httpx.get(endpoint)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=resp.text, format="turtle")
    service = next(g.subjects(RDF.type, SD.Service))
    assert (service, SD.endpoint, URIRef(endpoint)) in g
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in g
    assert len(set(g.objects(service, SD.resultFormat))) == 8
    names = set(g.objects(None, SD.name))
    assert URIRef("https://kgraph.kz/id/graph/registry") in names


def test_concurrent_queries_are_all_answered(endpoint):
    """Eight clients (eight loopback addresses), three queries each, all at once."""
    from concurrent.futures import ThreadPoolExecutor

    def client(i: int) -> list[int]:
        with httpx.Client(transport=httpx.HTTPTransport(local_address=f"127.0.0.{i + 2}"), timeout=30) as c:
            return [c.get(endpoint, params={"query": TASKS}).status_code for _ in range(3)]

    with ThreadPoolExecutor(8) as pool:
        codes = [code for codes in pool.map(client, range(8)) for code in codes]
    assert codes == [200] * 24


# --- the endpoint logic without HTTP ---------------------------------------------------------


def test_endpoint_handle_reports_json_rows(build):
    ep = sparql.Endpoint(open_store(build), LIMITS)
    try:
        out = ep.handle(sparql.Request("GET", (("query", TASKS),), "query=x", accept="application/sparql-results+json"))
        assert out.status == 200 and len(json.loads(out.body)["results"]["bindings"]) == 3
    finally:
        ep.close()


def test_an_in_memory_store_built_in_process_is_served_inline(build):
    store = OxigraphStore()
    store.load_file(build / "graph.nq")
    ep = sparql.Endpoint(store, LIMITS)
    assert isinstance(ep.executor, InlineExecutor)
    out = ep.handle(sparql.Request("POST", (), "", "application/sparql-query", TASKS.encode(), "text/csv"))
    assert out.status == 200 and out.body.count(b"\r\n") == 4


@pytest.mark.parametrize(
    "accept, kind, name",
    [
        ("application/sparql-results+json;q=0.1, text/csv", "select", "csv"),
        ("text/*", "graph", "turtle"),
        ("application/json", "graph", "jsonld"),
        ("application/json", "select", "json"),
        ("application/xml", "select", "xml"),
        ("application/xml", "graph", "rdfxml"),
    ],
)
def test_negotiate(accept, kind, name):
    assert sparql.negotiate(kind, accept).name == name


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("KGRAPH_QUERY_TIMEOUT", "2.5")
    monkeypatch.setenv("KGRAPH_MAX_ROWS", "7")
    limits = sparql.Limits.from_env()
    assert (limits.timeout, limits.max_rows, limits.max_get) == (2.5, 7, 8192)
    assert sparql.Limits.from_env(timeout=1).timeout == 1
