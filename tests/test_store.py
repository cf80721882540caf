"""Stores behind one interface: embedded Oxigraph and a remote SPARQL endpoint (a real
`oxigraph serve` on loopback), results in one shape, parameters bound safely."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kgraph import queries, sparql_syntax
from kgraph.errors import KgraphError, QueryError
from kgraph.results import Result, rows
from kgraph.store import OxigraphStore, RemoteStore, open_store, to_term
from sparql_support import SERVERS, build_dir, filler, mini_nquads, sparql_server

TASK = "https://kgraph.kz/id/act/decree/2013/12/13/1331/annex_plan/task_1"
MID = "https://kgraph.kz/id/org/mid"


@pytest.fixture(scope="module")
def memory() -> OxigraphStore:
    store = OxigraphStore()
    store.load_nquads(mini_nquads())
    return store


@pytest.fixture(scope="module", params=SERVERS)
def remote(request, tmp_path_factory):
    """A RemoteStore on a fresh server (`oxigraph serve`, Virtuoso Open Source), loaded
    through the Graph Store Protocol."""
    with sparql_server(request.param, tmp_path_factory.mktemp(request.param)) as server:
        store = RemoteStore(server.query, graph_store_url=server.gsp)
        store.load_nquads(mini_nquads())
        store.server = server.name
        yield store
        store.close()


def as_set(result: Result) -> set[tuple]:
    return {tuple(_canonical(sol[i]) for i in range(len(result.variables))) for sol in result}


BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _canonical(term) -> str:
    """A term as N-Triples; a boolean in its canonical form (Virtuoso writes 0 and 1)."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and term.datatype.value == BOOLEAN:
        return str(ox.Literal("true" if term.value in ("1", "true") else "false", datatype=term.datatype))
    return str(term)


# Named queries whose answers differ on Virtuoso Open Source 7.2 (README, "Scaling out"):
VIRTUOSO_DIFFERS = {
    "body_powers": "a nested item's number is '.2' for '2': IF(BOUND(?outerItem), CONCAT(...), ...) takes the CONCAT branch with ?outerItem unbound",
    "competences": "a nested item's number is '.2' for '2': IF(BOUND(?outerItem), CONCAT(...), ...) takes the CONCAT branch with ?outerItem unbound",
    "coassigned_pairs": "FILTER NOT EXISTS after a grouped sub-select is not applied: an unresolved mention "
    "is listed as a partner",
    "institutions": "GROUP_CONCAT drops the language tag the abbreviations share",
    "sources": "the union default graph includes Virtuoso's own graphs (virtrdf#, localuriqaserver), "
    "and GRAPH ?g lists them",
    "tasks_due": "no answer within the client's 15 s (the date-interval filters over OPTIONALs)",
}


# --- the remote store against a real server ---------------------------------------------------


@pytest.mark.server
def test_remote_store_loads_every_graph_through_the_graph_store_protocol(remote, memory):
    assert len(remote) == len(memory) > 200  # kgraph's graphs only: a server's own graphs do not count
    graphs = as_set(remote.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert ("<https://kgraph.kz/id/graph/registry>",) in graphs
    assert ("<https://kgraph.kz/id/graph/kz-gov-decree-2013-1331-ru>",) in graphs


@pytest.mark.server
@pytest.mark.parametrize("name", sorted(queries.library()))
def test_every_named_query_gives_the_same_rows_on_the_remote_and_the_embedded_store(remote, memory, name):
    if remote.server == "virtuoso" and name in VIRTUOSO_DIFFERS:
        pytest.xfail(VIRTUOSO_DIFFERS[name])
    q = queries.find(name)
    local, far = queries.run(q, memory), queries.run(q, remote)
    assert far.variables == local.variables == list(q.columns)
    assert as_set(far) == as_set(local)


@pytest.mark.server
@pytest.mark.parametrize(
    "text, kind",
    [
        ("SELECT ?t WHERE { ?t a kg:Task }", "select"),
        ("ASK { ?t a kg:Task }", "ask"),
        ("CONSTRUCT WHERE { ?t a kg:Task }", "graph"),
        (f"DESCRIBE <{TASK}>", "graph"),
    ],
)
def test_both_stores_return_the_same_result_shape(remote, memory, text, kind):
    for store in (memory, remote):
        result = store.query(text)
        assert result.kind == kind
        if kind == "ask":
            assert bool(result) is True
        elif kind == "graph":
            triples = list(result)
            assert triples and all(isinstance(t, ox.Triple) for t in triples)
        else:
            assert result.variables == ["t"]
            assert len(list(result)) == 3


@pytest.mark.server
def test_remote_malformed_query_is_a_query_error_with_the_servers_message(remote):
    with pytest.raises(QueryError, match="malformed query"):
        remote.query("SELECT ?x WHERE { ?x ?y }")


def test_unreachable_endpoint_is_a_clear_error():
    store = RemoteStore("http://127.0.0.1:9/query", timeout=2)
    with pytest.raises(KgraphError, match=r"127\.0\.0\.1:9"):
        store.query("ASK {}")


# --- parameters are values, never query text ---------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        '" } INSERT DATA { <urn:a> <urn:b> <urn:c> } #',
        "x\n} ; DROP ALL ; SELECT * {",
        'quote " and backslash \\ and {braces}',
    ],
)
def test_a_hostile_parameter_is_bound_as_one_literal(memory, value):
    result = memory.query("SELECT ?text WHERE { ?m kg:mentionText ?text }", {"text": value})
    assert list(result) == []  # matched as a plain literal, nothing else ran
    assert len(memory) > 200


def test_bindings_filter_and_project_like_values_in_the_where_group(memory):
    result = memory.query("SELECT ?task WHERE { ?a kg:assignee ?body . ?task kg:hasAssignment ?a }", {"body": MID})
    assert [s["task"].value for s in result] == [TASK]


@pytest.mark.parametrize(
    "value, expected",
    [
        (MID, ox.NamedNode(MID)),
        (3, ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
        (True, ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))),
        ("МИР", ox.Literal("МИР")),
    ],
)
def test_to_term_keeps_iris_and_types_literals(value, expected):
    assert to_term(value) == expected


def test_an_invalid_iri_parameter_is_refused():
    with pytest.raises(QueryError, match="not an IRI"):
        to_term("https://kgraph.kz/id/org/a b")


# --- where the VALUES block goes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, form, marker",
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT", "WHERE {"),
        ("PREFIX x: <urn:{x}> SELECT ?s { ?s ?p ?o }", "SELECT", "?s {"),
        ("# a comment with { braces }\nSELECT ?s WHERE { ?s ?p '}' }", "SELECT", "WHERE {"),
        ("SELECT (EXISTS { ?a ?b ?c } AS ?e) WHERE { ?s ?p ?o }", "SELECT", "WHERE {"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT", "WHERE {"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", "WHERE {"),
        ("ASK { ?s ?p ?o }", "ASK", "ASK {"),
        ("DESCRIBE ?s WHERE { ?s ?p ?o }", "DESCRIBE", "WHERE {"),
        ('SELECT * WHERE { ?s ?p """a { b""" }', "SELECT", "WHERE {"),
    ],
)
def test_analyze_finds_the_form_and_the_where_group(text, form, marker):
    info = sparql_syntax.analyze(text)
    assert info.form == form
    assert info.where == text.index(marker) + len(marker)


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX x: <urn:x> DELETE WHERE { ?s ?p ?o }",
        "# SELECT\nLOAD <http://example.org/>",
        "clear all",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "DROP GRAPH <urn:g>",
    ],
)
def test_analyze_recognises_updates(text):
    assert sparql_syntax.analyze(text).form == "UPDATE"


def test_analyze_sees_service_but_not_a_prefixed_name_or_variable_called_service():
    assert sparql_syntax.analyze("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }").service
    assert not sparql_syntax.analyze("SELECT ?service { ?service ex:SERVICE 'SERVICE' }").service


def test_bind_puts_a_values_block_of_escaped_terms_in_the_where_group():
    text = sparql_syntax.bind(
        "SELECT ?x WHERE { ?x ?p ?o }", {"o": ox.Literal('a "b"', language="ru"), "p": ox.NamedNode(MID)}
    )
    assert text == f'SELECT ?x WHERE {{ VALUES (?o ?p) {{ ("a \\"b\\""@ru <{MID}>) }}  ?x ?p ?o }}'


def test_bind_gives_a_row_per_value_of_a_list_and_repeats_the_single_values():
    a, b = ox.NamedNode(MID), ox.NamedNode(MID + "2")
    text = sparql_syntax.bind("SELECT ?x WHERE { ?x ?p ?o }", {"p": [a, b], "o": ox.Literal("v")})
    assert text == f'SELECT ?x WHERE {{ VALUES (?p ?o) {{ (<{MID}> "v") (<{MID}2> "v") }}  ?x ?p ?o }}'
    with pytest.raises(QueryError, match="differ in length"):
        sparql_syntax.bind("SELECT ?x WHERE { ?x ?p ?o }", {"p": [a, b], "o": [a]})


# --- results: one shape, standard formats, the row cap ------------------------------------------


@pytest.mark.parametrize(
    "fmt, check",
    [
        ("json", lambda b: len(json.loads(b)["results"]["bindings"]) == 3),
        ("xml", lambda b: b.count(b"<result>") == 3),
        ("csv", lambda b: len(b.strip().splitlines()) == 4 and b.startswith(b"t\r\n")),
        ("tsv", lambda b: len(b.strip().splitlines()) == 4 and b.startswith(b"?t\n")),
    ],
)
def test_select_results_serialize_in_every_standard_format(memory, fmt, check):
    out = memory.query("SELECT ?t WHERE { ?t a kg:Task }").serialize(fmt)
    assert check(out.body)
    assert not out.truncated


@pytest.fixture(scope="module")
def big() -> OxigraphStore:
    store = OxigraphStore()
    store.load_nquads(filler(250))
    return store


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_the_row_cap_cuts_every_format_at_exactly_max_rows(big, fmt):
    out = big.query("SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s").serialize(fmt, max_rows=100)
    assert out.truncated and out.rows == 100
    if fmt == "csv":  # pyoxigraph cannot read CSV back: count its records
        assert len(out.body.strip().splitlines()) == 101
    else:
        native = {
            "json": ox.QueryResultsFormat.JSON,
            "xml": ox.QueryResultsFormat.XML,
            "tsv": ox.QueryResultsFormat.TSV,
        }[fmt]
        assert len(list(ox.parse_query_results(out.body, native))) == 100


@pytest.mark.parametrize(
    "query, rows",
    [
        ("SELECT ?s ?o WHERE { ?s ?p ?o }", 250),
        ("SELECT ?x WHERE { ?s ?p ?o }", 250),  # solutions that bind nothing
        ("SELECT * WHERE { }", 1),
        ("SELECT ?s WHERE { ?s ?p ?o FILTER(false) }", 0),
        ('SELECT ?s ?v WHERE { ?s ?p ?o BIND(CONCAT("{\\"type\\": ", STR(?o), " {\\"") AS ?v) }', 250),
    ],
)
def test_capped_results_are_counted_exactly(big, query, rows):
    for fmt in ("json", "xml", "csv", "tsv"):
        out = big.query(query).serialize(fmt, max_rows=1000)
        assert out.rows == rows and not out.truncated, fmt
    body = big.query(query).serialize("json", max_rows=1000).body
    assert len(json.loads(body)["results"]["bindings"]) == rows


def test_the_row_cap_stops_the_query_while_reading(big):
    """A 62,500-row cross product capped at 10 rows: read as a stream and stopped, it costs
    what 10 rows cost, not the whole result (generous bound: a tenth of the full run)."""
    import time

    query = "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d }"
    start = time.perf_counter()
    full = big.query(query).serialize("tsv")
    whole = time.perf_counter() - start
    assert full.rows == 250 * 250
    start = time.perf_counter()
    out = big.query(query).serialize("json", max_rows=10)
    capped = time.perf_counter() - start
    assert out.truncated and out.rows == 10 and len(json.loads(out.body)["results"]["bindings"]) == 10
    assert capped < max(whole / 10, 0.005)


def test_results_under_the_cap_are_not_marked_truncated(big):
    out = big.query("SELECT ?s WHERE { ?s ?p ?o }").serialize("json", max_rows=250)
    assert not out.truncated and len(json.loads(out.body)["results"]["bindings"]) == 250


@pytest.mark.parametrize(
    "fmt, media",
    [
        ("turtle", "text/turtle"),
        ("ntriples", "application/n-triples"),
        ("jsonld", "application/ld+json"),
        ("rdfxml", "application/rdf+xml"),
    ],
)
def test_graph_results_serialize_and_cap(big, fmt, media):
    out = big.query("CONSTRUCT WHERE { ?s ?p ?o }").serialize(fmt, max_rows=10)
    assert out.media_type == media and out.truncated and out.rows == 10
    native = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
        "rdfxml": ox.RdfFormat.RDF_XML,
    }[fmt]
    assert len(list(ox.parse(out.body, format=native))) == 10


def test_rows_gives_plain_strings_for_templates(memory):
    names, data = rows(memory.query("SELECT ?t ?n WHERE { ?t a kg:Task ; eli:number ?n } ORDER BY ?n"))
    assert names == ["t", "n"] and data[0] == {"t": TASK, "n": "1"}


# --- choosing a store ---------------------------------------------------------------------------


def test_open_store_loads_a_small_build_into_memory(tmp_path):
    store = open_store(build_dir(tmp_path / "build"))
    assert store.path is None and store.source == tmp_path / "build" / "graph.nq"
    assert len(store) > 200


def test_open_store_reads_a_large_build_from_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("KGRAPH_MEMORY_LOAD_MB", "0")
    store = open_store(build_dir(tmp_path / "build"))
    assert store.path == tmp_path / "build" / "store"
    assert bool(store.query("ASK { ?t a kg:Task }"))


def test_open_store_takes_a_url_or_the_environment(monkeypatch):
    assert isinstance(open_store("http://127.0.0.1:7878/query"), RemoteStore)
    monkeypatch.setenv("KGRAPH_STORE", "https://example.org/sparql")
    store = open_store(None)
    assert isinstance(store, RemoteStore) and store.graph_store_url == "https://example.org/store"


def test_open_store_names_a_missing_build(tmp_path):
    with pytest.raises(KgraphError, match="run `kgraph build` first"):
        open_store(tmp_path / "nothing")
