"""Scheduling queries over worker processes (kgraph.sparql_pool): per-client limits, a short
queue, heavy queries stopped to make room, cancelled queries, the memory budget."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time

import pytest
from fastapi import FastAPI

from kgraph import sparql
from kgraph.sparql_pool import Busy, Cancelled, ProcessExecutor, cpu_seconds
from kgraph.sparql_workers import Job
from kgraph.web import sparql as web_sparql
from sparql_support import build_dir, filler, uvicorn_server

pytestmark = pytest.mark.server

SLOW = Job("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }", "json", 100)
QUICK = Job("SELECT * WHERE { ?s ?p ?o } LIMIT 3", "json", 100)
# Sorting a 9-million-row cross product needs far more than 150 MB.
HUNGRY = Job("SELECT * WHERE { ?a ?p ?b . ?c ?q ?d } ORDER BY ?b ?d", "json", 10)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return build_dir(tmp_path_factory.mktemp("pool") / "build", filler(3000)) / "graph.nq"


def pool(graph, **options) -> ProcessExecutor:
    p = ProcessExecutor(graph, options.pop("workers", 1), kind="nquads", **options)
    assert p.run(QUICK, 30).status == 200  # started
    return p


def in_thread(fn, *args, **kwargs) -> dict:
    """Run fn in a thread; the dict gets its result or exception under "out"."""
    box: dict = {}

    def run():
        try:
            box["out"] = fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            box["out"] = exc

    box["thread"] = threading.Thread(target=run, daemon=True)
    box["thread"].start()
    return box


def wait_running(p: ProcessExecutor, n: int) -> None:
    deadline = time.monotonic() + 10
    while p.stats()["running"] < n:
        assert time.monotonic() < deadline
        time.sleep(0.02)


def test_a_client_over_its_limit_is_told_to_wait_and_others_are_served(graph):
    p = pool(graph, workers=2, per_client=1, preempt=60)
    try:
        first = in_thread(p.run, SLOW, 3, client="a")
        wait_running(p, 1)
        with pytest.raises(Busy) as err:
            p.run(QUICK, 3, client="a")
        assert err.value.retry_after >= 1 and "KGRAPH_CLIENT_QUERIES" in str(err.value)
        assert p.run(QUICK, 3, client="b").status == 200
        first["thread"].join(10)
    finally:
        p.close()


def test_a_full_queue_answers_busy_at_once(graph):
    p = pool(graph, workers=1, queue_size=1, preempt=60)
    try:
        running = in_thread(p.run, SLOW, 3, client="a")
        wait_running(p, 1)
        waiting = in_thread(p.run, QUICK, 5, client="b")
        time.sleep(0.2)
        start = time.monotonic()
        with pytest.raises(Busy):
            p.run(QUICK, 5, client="c")
        assert time.monotonic() - start < 0.5
        running["thread"].join(10)
        waiting["thread"].join(10)
        assert waiting["out"].status == 200
    finally:
        p.close()


def test_a_heavy_query_is_stopped_when_a_lighter_client_waits(graph):
    """One worker, a client whose queries ran long: its next long query gets the worker
    while nobody waits, and is stopped after `preempt` s once another client's query waits."""
    p = pool(graph, workers=1, preempt=0.5)
    try:
        with pytest.raises(Exception):  # noqa: B017 - times out: the client is now heavy
            p.run(SLOW, 1.0, client="heavy")
        heavy = in_thread(p.run, SLOW, 20, client="heavy")
        wait_running(p, 1)
        start = time.monotonic()
        out = p.run(QUICK, 20, client="light")
        assert out.status == 200 and time.monotonic() - start < 10
        heavy["thread"].join(10)
        assert isinstance(heavy["out"], Busy) and "KGRAPH_QUERY_PREEMPT" in str(heavy["out"])
    finally:
        p.close()


def test_a_light_clients_long_query_is_not_stopped_for_another(graph):
    """A client with no history whose one query runs past `preempt` (a named query over a
    large graph) is not stopped when another client waits: it is not heavy yet."""
    p = pool(graph, workers=1, preempt=0.3)
    try:
        long = in_thread(p.run, SLOW, 1.5, client="newcomer")
        wait_running(p, 1)
        out = p.run(QUICK, 20, client="other")
        assert out.status == 200
        long["thread"].join(10)
        assert not (isinstance(long["out"], Busy) and "KGRAPH_QUERY_PREEMPT" in str(long["out"])), long["out"]
    finally:
        p.close()


def test_cpu_seconds_of_a_process():
    start = cpu_seconds(os.getpid())
    t = time.thread_time()
    while time.thread_time() - t < 0.3:
        pass
    assert start is not None and cpu_seconds(os.getpid()) - start >= 0.2
    assert cpu_seconds(2**22 + 1) is None  # no such process


def test_worker_time_is_cpu_time_so_a_loaded_machine_makes_nobody_heavy(graph):
    """A query whose worker gets no CPU (stopped here, starved by other work on a loaded machine)
    does not make its client heavy however long it takes, nor is it stopped as long-running."""
    p = pool(graph, workers=1, preempt=0.3)
    try:
        running = in_thread(p.run, SLOW, 4, client="a")
        wait_running(p, 1)
        worker = p.stats()["pids"][0]
        os.kill(worker, signal.SIGSTOP)
        try:
            time.sleep(1.5)
            waiting = in_thread(p.run, QUICK, 10, client="b")
            time.sleep(0.5)
            with p._cond:
                weight = p._weight("a", time.monotonic())
            assert weight < 0.5  # two seconds of wall time, next to no CPU time
            assert p.stats()["running"] == 1 and p.stats()["waiting"] == 1  # not stopped for b
        finally:
            os.kill(worker, signal.SIGCONT)
        running["thread"].join(20)
        waiting["thread"].join(20)
        assert waiting["out"].status == 200
    finally:
        p.close()


def test_a_cancelled_query_stops_and_its_worker_is_replaced(graph):
    p = pool(graph, workers=1)
    try:
        cancel = threading.Event()
        before = set(p.stats()["pids"])
        box = in_thread(p.run, SLOW, 30, client="a", cancel=cancel)
        wait_running(p, 1)
        start = time.monotonic()
        cancel.set()
        box["thread"].join(5)
        assert isinstance(box["out"], Cancelled) and time.monotonic() - start < 1
        assert p.run(QUICK, 30).status == 200
        assert not before & set(p.stats()["pids"])
    finally:
        p.close()


def test_a_query_over_the_memory_budget_fails_alone(graph):
    p = pool(graph, workers=1, memory_mb=150)
    try:
        out = p.run(HUNGRY, 60)
        assert out.status == 503 and b"KGRAPH_QUERY_MEMORY_MB" in out.body
        assert p.run(QUICK, 30).status == 200
    finally:
        p.close()


def test_a_client_that_disconnects_has_its_query_stopped(graph):
    from kgraph.store import open_store

    app = FastAPI()
    ep = web_sparql.install(app, open_store(graph.parent), sparql.Limits(timeout=30, workers=1))
    try:
        with uvicorn_server(app) as base:
            host, port = base.removeprefix("http://").split(":")
            body = "query=" + SLOW.query.replace(" ", "+").replace("?", "%3F").replace("{", "%7B").replace("}", "%7D")
            request = (
                f"POST /sparql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {len(body)}\r\n\r\n{body}"
            ).encode()
            deadline = time.monotonic() + 30
            while not ep.executor.stats()["idle"]:
                assert time.monotonic() < deadline
                time.sleep(0.05)
            before = set(ep.executor.stats()["pids"])
            with socket.create_connection((host, int(port))) as s:
                s.sendall(request)
                wait_running(ep.executor, 1)
            start = time.monotonic()  # the client is gone: its worker is killed
            while ep.executor.stats()["running"] or before <= set(ep.executor.stats()["pids"]):
                assert time.monotonic() - start < 3, ep.executor.stats()
                time.sleep(0.05)
    finally:
        ep.close()
