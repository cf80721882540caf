"""Answers kept per build (kgraph.sparql_cache), and the endpoint that keeps them."""

from __future__ import annotations

import threading
import time

import pytest

from kgraph import sparql, sparql_cache
from kgraph.sparql_cache import ResultCache
from kgraph.sparql_pool import Cancelled, InlineExecutor
from kgraph.sparql_syntax import volatile
from kgraph.sparql_workers import Job, Outcome
from kgraph.store import OxigraphStore, open_store
from sparql_support import build_dir, filler

QUERY = "SELECT * WHERE { ?s ?p ?o } LIMIT 3"


def ok(body: bytes = b"{}") -> Outcome:
    return Outcome(200, body, "application/sparql-results+json")


def job(text: str = QUERY, fmt: str = "json", rows: int = 100) -> Job:
    return Job(text, fmt, rows)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("SELECT * WHERE { ?s ?p ?o }", None),
        ("SELECT ?now ?random $uuid WHERE { ?now ?p ?random }", None),  # variables, not calls
        ("SELECT ?x WHERE { ?x ?p ?nowhere }", None),
        ("SELECT (NOW() AS ?t) WHERE {}", "clock"),
        ("SELECT ?x WHERE { BIND (year(now ()) AS ?x) }", "clock"),
        ("SELECT (RAND() AS ?r) WHERE {}", "random"),
        ("SELECT (rand#a comment\n() AS ?r) WHERE {}", "random"),
        ("SELECT (UUID() AS ?u) (STRUUID() AS ?v) WHERE {}", "random"),
        ("SELECT (BNODE() AS ?b) WHERE {}", "random"),
        ("SELECT (NOW() AS ?t) (RAND() AS ?r) WHERE {}", "random"),
        ('SELECT * WHERE { BIND ("\\u0052AND()" AS ?x) }', "random"),  # escapes: on the safe side
        ('SELECT * WHERE { ?s ?p "now" }', "clock"),  # a name in a string counts too
    ],
)
def test_volatile_tells_random_and_clock_queries(text, kind):
    assert volatile(text) == kind


def test_the_same_job_is_answered_from_the_cache():
    cache = ResultCache(1)
    calls = []
    compute = lambda: calls.append(1) or ok(b"answer")
    first = cache.run(cache.key(job()), compute)
    second = cache.run(cache.key(job()), compute)
    assert first == (ok(b"answer"), False)
    assert second == (ok(b"answer"), True)
    assert len(calls) == 1
    # anything that changes the answer is part of the key
    for other in (job(QUERY + " "), job(fmt="xml"), job(rows=10), Job(QUERY, "json", 100, ("urn:g",))):
        assert cache.run(cache.key(other), compute)[1] is False
    assert len(calls) == 5


@pytest.mark.parametrize("outcome", [Outcome(503, b"busy"), Outcome(400, b"malformed"), Outcome(500, b"died")])
def test_only_answers_are_kept(outcome):
    cache = ResultCache(1)
    calls = []
    for _ in range(2):
        assert cache.run(cache.key(job()), lambda: calls.append(1) or outcome) == (outcome, False)
    assert len(calls) == 2


def test_least_recently_used_answers_go_first_and_large_ones_are_not_kept():
    cache = ResultCache(1)  # 1 MB; answers up to an eighth of it (128 KB) are kept
    keys = [cache.key(job(f"{QUERY} # {i}")) for i in range(11)]
    cache.put(keys[0], ok(b"x" * 200_000))
    assert cache.get(keys[0]) is None  # too large to keep
    for k in keys[:3]:
        cache.put(k, ok(b"x" * 100_000))
    assert cache.get(keys[0]) is not None  # used: now the most recent
    for k in keys[3:]:
        cache.put(k, ok(b"x" * 100_000))  # 1,100,000 bytes in all: one answer must go
    assert cache.get(keys[1]) is None  # the least recently used
    assert cache.get(keys[0]) is not None and cache.get(keys[2]) is not None
    assert cache.stats()["bytes"] == 1_000_000 <= cache.budget
    off = ResultCache(0)
    assert off.key(job()) is None and not off.enabled


def test_random_answers_are_never_kept_and_clock_answers_expire(monkeypatch):
    cache = ResultCache(1)
    assert cache.key(job("SELECT (RAND() AS ?r) WHERE {}")) is None
    monkeypatch.setattr(sparql_cache, "CLOCK_TTL", 0.2)
    clock = cache.key(job("SELECT (NOW() AS ?t) WHERE {}"))
    calls = []
    compute = lambda: calls.append(1) or ok()
    assert cache.run(clock, compute)[1] is False
    assert cache.run(clock, compute)[1] is True
    time.sleep(0.3)
    assert cache.run(clock, compute)[1] is False
    assert len(calls) == 2


def test_concurrent_requests_of_one_query_run_it_once():
    cache = ResultCache(1)
    calls = []
    gate = threading.Event()

    def compute():
        calls.append(1)
        gate.wait(5)
        return ok(b"once")

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.run(cache.key(job()), compute, wait=5))) for _ in range(8)
    ]
    for t in threads:
        t.start()
    time.sleep(0.2)
    gate.set()
    for t in threads:
        t.join(10)
    assert len(calls) == 1
    assert sorted(hit for _, hit in results) == [False] + [True] * 7
    assert {out.body for out, _ in results} == {b"once"}


def test_a_waiting_request_whose_client_left_stops_waiting_and_a_failed_leader_is_not_shared():
    cache = ResultCache(1)
    gate = threading.Event()
    leader = threading.Thread(
        target=cache.run, args=(cache.key(job()), lambda: gate.wait(5) and Outcome(503, b"busy")), daemon=True
    )
    leader.start()
    time.sleep(0.1)
    gone = threading.Event()
    gone.set()
    with pytest.raises(Cancelled):
        cache.run(cache.key(job()), lambda: ok(), cancel=gone, wait=5)
    box = {}
    follower = threading.Thread(target=lambda: box.setdefault("out", cache.run(cache.key(job()), ok, wait=5)))
    follower.start()
    time.sleep(0.1)
    gate.set()  # the leader gets 503: the follower runs the query itself
    follower.join(5)
    leader.join(5)
    assert box["out"] == (ok(), False)


# --- the endpoint -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    return build_dir(tmp_path_factory.mktemp("cache") / "build", filler(300))


def request(text: str) -> sparql.Request:
    return sparql.Request("POST", content_type="application/sparql-query", body=text.encode(), client="127.0.0.9")


@pytest.mark.server
def test_the_endpoint_answers_a_query_again_without_a_worker(build):
    ep = sparql.Endpoint(open_store(build), sparql.Limits(timeout=30, workers=1))
    try:
        first = ep.handle(request(QUERY))
        assert first.status == 200 and ("X-Kgraph-Cache", "miss") in first.headers
        pid = ep.executor.stats()["pids"]
        ep.executor._idle.clear()  # no worker any more: only the cache can answer
        second = ep.handle(request(QUERY))
        assert second.status == 200 and ("X-Kgraph-Cache", "hit") in second.headers
        assert second.body == first.body
        assert ep.executor.stats()["pids"] == pid
        # a refused query is refused before the cache is looked at
        refused = ep.handle(request("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"))
        assert refused.status == 403
    finally:
        ep.close()


def test_a_store_that_can_change_is_never_answered_from_memory():
    store = OxigraphStore()
    ep = sparql.Endpoint(store, sparql.Limits(timeout=30), executor=InlineExecutor(store))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = ep.handle(request(count))
    store.load_nquads(b"<urn:a> <urn:b> <urn:c> <urn:g> .\n")
    after = ep.handle(request(count))
    assert not ep.cache.enabled and all(name != "X-Kgraph-Cache" for name, _ in after.headers)
    assert b'"0"' in before.body and b'"1"' in after.body


def test_a_client_waits_with_at_most_its_share_of_requests():
    """Many requests of one slow query from one client do not all wait: beyond KGRAPH_CLIENT_QUERIES
    the answer is Busy at once (the worker pool's own limit, kept for the requests that wait here)."""
    from kgraph.sparql_pool import Busy

    cache = ResultCache(1, per_client=2)
    gate = threading.Event()
    slow = lambda: gate.wait(5) and ok()
    threads = [threading.Thread(target=cache.run, args=(cache.key(job()), slow, None, 5, "a")) for _ in range(2)]
    for t in threads:
        t.start()
    time.sleep(0.2)
    with pytest.raises(Busy):
        cache.run(cache.key(job()), slow, None, 5, "a")
    other = threading.Thread(target=cache.run, args=(cache.key(job()), slow, None, 5, "b"))
    other.start()  # another client waits as usual
    time.sleep(0.1)
    gate.set()
    for t in [*threads, other]:
        t.join(5)
    assert cache.run(cache.key(job()), slow, None, 5, "a") == (ok(), True)  # kept: no limit on answers kept
    assert cache._inflight == {}


def test_an_expired_clock_answer_is_given_while_it_is_renewed(monkeypatch):
    from kgraph.sparql_pool import Busy

    def busy():
        raise Busy("no worker")

    monkeypatch.setattr(sparql_cache, "CLOCK_TTL", 1.0)
    cache = ResultCache(1)
    key = cache.key(job("SELECT (NOW() AS ?t) WHERE {}"))
    cache.run(key, lambda: ok(b"old"))
    time.sleep(1.1)  # expired, less than CLOCK_TTL ago
    gate = threading.Event()
    renewing = threading.Thread(target=cache.run, args=(key, lambda: gate.wait(5) and ok(b"new")))
    renewing.start()
    time.sleep(0.1)
    assert cache.run(key, lambda: pytest.fail("ran twice"), wait=5) == (ok(b"old"), True)
    gate.set()
    renewing.join(5)
    assert cache.run(key, lambda: pytest.fail("ran again")) == (ok(b"new"), True)
    time.sleep(1.1)  # expired again: with no worker free to renew it, the expired answer
    assert cache.run(key, busy) == (ok(b"new"), True)
    time.sleep(1.0)  # expired more than CLOCK_TTL ago: never given
    with pytest.raises(Busy):
        cache.run(key, busy)
    assert cache.run(key, lambda: ok(b"newest")) == (ok(b"newest"), False)
