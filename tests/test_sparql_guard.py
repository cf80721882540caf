"""Updates and federation are refused on the decoded tokens and on the parsed query, whatever
the spelling; nothing reaches a listener on the machine (kgraph.sparql_guard, the endpoint)."""

from __future__ import annotations

import socket
import threading

import httpx
import pytest
from fastapi import FastAPI

from kgraph import sparql_guard
from kgraph.store import open_store
from kgraph.web import sparql as web_sparql
from sparql_support import build_dir, uvicorn_server

SPO = "{ ?s ?p ?o }"


def bypasses(url: str) -> dict[str, str]:
    """SERVICE calls to `url` written every way we know of."""
    svc = f"SERVICE <{url}> {SPO}"
    return {
        "plain": f"SELECT * WHERE {{ {svc} }}",
        "comment-closed-by-cr": f"SELECT * WHERE {{ ?s ?p ?o # x\r{svc}\n }}",
        "comment-cr-only": f"SELECT * WHERE {{ # x\r{svc} }}",
        "escaped-hash-in-pname": f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:a\\#b ?o . {svc} }}",
        "u-escape": f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {SPO} }}",
        "U-escape": f"SELECT * WHERE {{ \\U00000053\\u0045RV\\u0049CE <{url}> {SPO} }}",
        "lower-case": f"select * where {{ service <{url}> {SPO} }}",
        "mixed-case": f"SeLeCt * WhErE {{ sErViCe <{url}> {SPO} }}",
        "silent": f"SELECT * WHERE {{ SERVICE SILENT <{url}> {SPO} }}",
        "variable": f"SELECT * WHERE {{ VALUES ?x {{ <{url}> }} SERVICE ?x {SPO} }}",
        "optional": f"SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ {svc} }} }}",
        "union": f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ {svc} }} }}",
        "minus": f"SELECT * WHERE {{ ?a ?b ?c MINUS {{ {svc} }} }}",
        "graph": f"SELECT * WHERE {{ GRAPH ?g {{ {svc} }} }}",
        "subquery": f"SELECT * WHERE {{ {{ SELECT * WHERE {{ {svc} }} }} }}",
        "filter-exists": f"SELECT * WHERE {{ ?a ?b ?c FILTER EXISTS {{ {svc} }} }}",
        "filter-not-exists": f"ASK {{ ?a ?b ?c FILTER NOT EXISTS {{ {svc} }} }}",
        "construct": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {svc} }}",
        "describe": f"DESCRIBE ?s WHERE {{ {svc} }}",
        "no-spaces": f"SELECT*WHERE{{SERVICE<{url}>{{?s ?p ?o}}}}",
        "tabs-and-newlines": f"SELECT\t*\nWHERE\n{{\tSERVICE\n<{url}>\n{SPO}}}",
    }


UPDATES = {
    "insert-data": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "u-escaped-insert": "\\u0049NSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "delete-where": "PREFIX x: <http://e/> DELETE WHERE { ?s ?p ?o }",
    "load": "LOAD <http://127.0.0.1:9/data.ttl>",
    "clear": "CLEAR ALL",
    "drop-after-comment": "# a comment\rDROP ALL",
}

ALLOWED = {
    "service-in-a-string": 'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/> { }" }',
    "service-as-a-local-name": "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:SERVICE ?o }",
    "service-as-a-variable": "SELECT ?service WHERE { ?service ?p ?o }",
    "service-in-a-comment": "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> { }",
    "service-in-an-iri": "SELECT * WHERE { <http://e/SERVICE> ?p ?o }",
}


@pytest.mark.parametrize("name", list(bypasses("http://127.0.0.1:9/sparql")))
def test_every_service_spelling_is_refused(name):
    query = bypasses("http://127.0.0.1:9/sparql")[name]
    assert sparql_guard.lexical_refusal(query) == sparql_guard.SERVICE_MESSAGE
    if name != "escaped-hash-in-pname":  # a local-name escape rdflib's grammar lacks: tokens only
        assert sparql_guard.parsed_refusal(query) == sparql_guard.SERVICE_MESSAGE


@pytest.mark.parametrize("name", list(UPDATES))
def test_every_update_is_refused(name):
    assert sparql_guard.lexical_refusal(UPDATES[name]) == sparql_guard.UPDATE_MESSAGE
    assert sparql_guard.parsed_refusal(UPDATES[name]) == sparql_guard.UPDATE_MESSAGE


@pytest.mark.parametrize("name", list(ALLOWED))
def test_the_word_service_elsewhere_is_allowed(name):
    assert sparql_guard.lexical_refusal(ALLOWED[name]) is None
    assert sparql_guard.parsed_refusal(ALLOWED[name]) is None


@pytest.mark.parametrize(
    "text, decoded",
    [
        ("\\u0053ERVICE", "SERVICE"),
        ("\\U0001F600", "\U0001f600"),
        ("\\u00", "\\u00"),  # not an escape: left as written
        ("\\uD800", "\\uD800"),  # a lone surrogate is no character
        ("plain", "plain"),
    ],
)
def test_codepoint_escapes_are_decoded_as_the_parser_does(text, decoded):
    assert sparql_guard.decode_codepoints(text) == decoded


class Listener:
    """A TCP listener on a free loopback port that counts the connections it receives."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.stop = True
        self.thread.join(timeout=2)
        self.sock.close()


@pytest.mark.server
def test_no_bypass_reaches_a_listener_on_the_machine(tmp_path):
    """Every spelling, by GET, form POST and direct POST: 403, and the listener is never contacted."""
    listener = Listener()
    store = open_store(build_dir(tmp_path / "build"))
    app = FastAPI()
    ep = web_sparql.install(app, store)
    try:
        with uvicorn_server(app) as base, httpx.Client(timeout=30) as client:
            url = base + "/sparql"
            target = f"http://127.0.0.1:{listener.port}/sparql"
            for name, query in bypasses(target).items():
                answers = [
                    client.get(url, params={"query": query}),
                    client.post(url, data={"query": query}),
                    client.post(url, content=query.encode(), headers={"Content-Type": "application/sparql-query"}),
                ]
                assert [r.status_code for r in answers] == [403] * 3, (name, [r.text for r in answers])
                assert "SERVICE" in answers[0].text
            assert client.get(url, params={"query": ALLOWED["service-in-a-string"]}).status_code == 200
    finally:
        ep.close()
        listener.close()
    assert listener.connections == 0


def test_the_worker_refuses_service_even_when_the_server_check_is_skipped(tmp_path):
    """The parsed check runs in the worker itself (kgraph.sparql_workers.evaluate)."""
    from kgraph.sparql_pool import executor_for
    from kgraph.sparql_workers import Job

    listener = Listener()
    executor = executor_for(open_store(build_dir(tmp_path / "build")))
    try:
        for name, query in bypasses(f"http://127.0.0.1:{listener.port}/").items():
            out = executor.run(Job(query, "json", 100), timeout=10)
            if name == "escaped-hash-in-pname":
                # rdflib cannot parse it: Oxigraph runs it, in a worker without network (no rows)
                assert out.status != 200 or out.rows == 0, out.body
            else:
                assert out.status == 403, (name, out.body)
    finally:
        executor.close()
        listener.close()
    assert listener.connections == 0


# --- named queries of the library, with their parameters bound, are not parsed again -----------


def bound(name: str, values: dict | None = None) -> str:
    from kgraph import queries, sparql_syntax

    q = queries.named(name)
    return sparql_syntax.bind(q.sparql, q.bindings(values))


def test_every_named_query_parses_and_is_allowed():
    """The ground on which a bound named query is not parsed again: each text of the library is."""
    from kgraph import queries

    for name, q in queries.library().items():
        assert sparql_guard._parsed_refusal(q.sparql) is None, name
        assert sparql_guard.named_binding(q.sparql), name


def test_a_named_query_with_its_parameters_bound_is_recognised():
    assert sparql_guard.named_binding(bound("tasks_of_body"))
    assert sparql_guard.named_binding(bound("tasks_of_body", {"body": "https://kgraph.kz/id/org/mint"}))
    assert sparql_guard.named_binding(bound("body_powers", {"date": "2016-01-01", "lang": 'ru" } SERVICE'}))
    assert sparql_guard.named_binding(bound("tasks_of_body", {"body": ["https://e/a", "https://e/b"]}))


SVC = "SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }"


@pytest.mark.parametrize(
    ("tamper", "service"),
    [
        (lambda t: t.replace(" VALUES (", f" {SVC} VALUES (", 1), True),  # before the block
        (lambda t: t.replace(") } ", f") }} {SVC} ", 1), True),  # after the block
        (lambda t: t.replace(") } ", f") {SVC} }} ", 1), False),  # inside the block (not SPARQL)
        (lambda t: t.replace("<https://kgraph.kz/id/org/mint>", f"<urn:x> }} {SVC} {{ (<urn:y>)", 1), False),
        (lambda t: t.replace("<https://kgraph.kz/id/org/mint>", '"\\u0022 } SERVICE <http://e/> { }"', 1), False),
        (lambda t: t.replace("<https://kgraph.kz/id/org/mint>", "<urn:x> # x\r", 1), False),
        (lambda t: t.replace(" VALUES (", "  VALUES (", 1), False),  # not bind's own spacing
        (lambda t: t + f" {SVC}", False),  # the library's text changed (not SPARQL either)
        (lambda t: t.replace("?role\n", f"?role LIMIT 1 }} UNION {{ {SVC}", 1), False),
    ],
)
def test_anything_else_around_a_named_query_is_parsed(tamper, service):
    text = tamper(bound("tasks_of_body", {"body": "https://kgraph.kz/id/org/mint"}))
    assert text != bound("tasks_of_body", {"body": "https://kgraph.kz/id/org/mint"})
    assert not sparql_guard.named_binding(text)
    if service:  # valid SPARQL with a SERVICE: the parse finds it
        assert sparql_guard.parsed_refusal(text) == sparql_guard.SERVICE_MESSAGE


def test_a_bound_named_query_is_judged_without_parsing(monkeypatch):
    monkeypatch.setattr(sparql_guard, "_parsed_refusal", lambda text: pytest.fail("parsed"))
    sparql_guard._parsed_refusal_cached.cache_clear()
    assert sparql_guard.parsed_refusal(bound("competences")) is None
    assert sparql_guard.parsed_refusal(bound("tasks_of_body", {"body": "https://e/x"})) is None
