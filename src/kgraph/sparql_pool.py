"""Scheduling the endpoint's queries over worker processes, so that no client starves the rest.

* `ProcessExecutor` keeps a pool of worker processes (kgraph.sparql_workers)
  and runs each query on one of them:
  - a query that overruns its timeout, whose client disconnected (its `cancel`
    event is set) or that must make room has its worker killed and replaced;
  - each client (the caller names it: the web layer passes the peer address)
    has at most `per_client` queries running or waiting; beyond that, and when
    `queue` queries already wait, the answer is `Busy` at once (503 with
    Retry-After), never a long wait;
  - a free worker goes to the waiting query whose client used the least worker
    time lately (decayed, half-life `USAGE_HALF_LIFE`), so clients that send
    heavy queries wait behind those that send light ones; clients past `HEAVY`
    worker-seconds together hold at most all workers but one, which stays for
    the others, and while others wait or run do not queue when none of theirs
    is free (`Busy` at once);
    when the queue is full, a newcomer lighter than the heaviest waiting client
    takes that one's place (it gets `Busy`);
  - when a query waits and every worker is busy, the longest-running query that
    has run at least `preempt` seconds for a heavy client (past `HEAVY`, its
    running query included) heavier than the waiting one is stopped (`Busy`, 503
    with Retry-After): a heavy query gets the whole timeout when the server is
    idle, and only `preempt` seconds when others wait; a light client's one long
    query (a named query over a large graph, say) runs until it is heavy.
  Worker time is the CPU time of the worker process while it ran the query (read
  from /proc; wall time where there is none), so that a machine loaded by other
  work, where every query takes longer, neither counts light clients as heavy
  nor stops their queries as long-running.
  Workers are started by one long-lived thread of the pool, so they die with it
  and with the server process (kgraph.worker_process).
* `InlineExecutor` runs queries in the calling thread (no hard timeout): for
  remote stores, where the remote's limits apply, and stores built in memory
  by the caller.
* `executor_for` picks one for a store.
"""

from __future__ import annotations

import itertools
import logging
import os
import pickle
import queue
import threading
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.errors import KgraphError
from kgraph.sparql_workers import MEMORY_MESSAGE, Job, Outcome, WorkerHandle, evaluate, message_body
from kgraph.store import OxigraphStore, default_prefixes

log = logging.getLogger(__name__)

USAGE_HALF_LIFE = 60.0  # seconds over which a client's worker time counts half
HEAVY = 3.0  # decayed worker-seconds from which a client counts as heavy (a light one: about 1)
KILL_COST = 5.0  # worker-seconds charged for a query whose worker had to be killed (its restart)
START_TIMEOUT = 120.0  # seconds a worker may take to load its store
POLL = 0.05  # seconds between looks at a running query's cancel event
CPU_SAMPLE = 0.05  # seconds between reads of a running worker's CPU time
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


class QueryTimeout(KgraphError):
    pass


class Busy(KgraphError):
    """No worker for this query now: try again after `retry_after` seconds."""

    def __init__(self, message: str, retry_after: int = 1):
        super().__init__(message)
        self.retry_after = retry_after


class Cancelled(KgraphError):
    """The client went away; its query was stopped."""


class InlineExecutor:
    """Runs queries in the calling thread. No hard timeout: for in-memory and remote stores."""

    hard_timeout = False
    immutable = False  # the caller's store may change: answers are not kept (kgraph.sparql_cache)

    def __init__(self, store):
        self.store = store

    def run(self, job: Job, timeout: float, client: str = "", cancel: threading.Event | None = None) -> Outcome:
        return evaluate(self.store, job)

    def close(self) -> None:
        pass


@dataclass(eq=False)
class _Ticket:
    client: str
    seq: int
    cancel: threading.Event | None
    worker: WorkerHandle | None = None
    started: float = 0.0
    preempted: bool = False
    evicted: bool = False
    heavy: bool = False
    cpu0: float | None = None  # the worker's CPU seconds when the query started (None: count wall time)
    used: float = 0.0  # worker seconds the query used, as last read
    read_at: float = 0.0

    def seconds(self, t: float) -> float:
        """Worker seconds this running query has used: CPU time of its worker, read at most every
        `CPU_SAMPLE` s (wall time when the worker's CPU time cannot be read)."""
        if self.cpu0 is None:
            return t - self.started
        if t - self.read_at >= CPU_SAMPLE:
            now = cpu_seconds(self.worker.pid) if self.worker is not None else None
            if now is not None:
                self.used = max(0.0, now - self.cpu0)
            self.read_at = t
        return self.used


@dataclass
class _Usage:
    seconds: float = 0.0
    at: float = field(default_factory=time.monotonic)

    def now(self, t: float) -> float:
        return self.seconds * 0.5 ** ((t - self.at) / USAGE_HALF_LIFE)


class ProcessExecutor:
    """A pool of worker processes, each with its own copy of the store: the on-disk
    store opened read-only (kind "disk") or an N-Quads dump loaded in memory ("nquads")."""

    hard_timeout = True
    immutable = True  # a build's store or dump, opened read-only: answers may be kept (kgraph.sparql_cache)

    def __init__(
        self,
        path: Path,
        workers: int = 2,
        prefixes: dict[str, str] | None = None,
        kind: str = "disk",
        *,
        memory_mb: float = 512,
        per_client: int = 2,
        queue_size: int = 32,
        preempt: float = 1.0,
    ):
        self.path = Path(path)
        self.kind = kind
        if not (self.path.is_dir() if kind == "disk" else self.path.is_file()):
            raise KgraphError(f"{path}: no graph store here; run `kgraph build` first")
        self.prefixes = dict(prefixes) if prefixes is not None else default_prefixes()
        self.size = max(1, workers)
        self.memory_budget = int(memory_mb * 1024 * 1024)
        self.per_client = max(1, per_client)
        self.queue_size = max(0, queue_size)
        self.preempt = preempt
        self._cond = threading.Condition()
        self._idle: list[WorkerHandle] = []  # ready workers; the last one used is the warmest
        self._all: set[WorkerHandle] = set()  # every live worker, for killing them all
        self._running: set[_Ticket] = set()
        self._waiting: list[_Ticket] = []
        self._inflight: dict[str, int] = {}
        self._usage: dict[str, _Usage] = {}
        self._seq = itertools.count()
        self._starting = self.size
        self._closed = False
        self._spawns: queue.SimpleQueue[bool] = queue.SimpleQueue()
        for _ in range(self.size):
            self._spawns.put(True)
        threading.Thread(target=self._spawner, daemon=True, name="kgraph-query-workers").start()
        self._finalizer = weakref.finalize(self, _kill_all, self._all)

    # --- workers -------------------------------------------------------------------------

    def _spawner(self) -> None:
        """Starts every worker of the pool, one at a time, and hands it over once ready."""
        failures = 0
        while self._spawns.get():
            w = WorkerHandle(self.kind, self.path, self.prefixes, self.memory_budget)
            with self._cond:
                self._all.add(w)
            ok = w.started(START_TIMEOUT)
            with self._cond:
                if ok and not self._closed:
                    self._starting -= 1
                    self._idle.append(w)
                    self._cond.notify_all()
                    failures = 0
                    continue
                self._all.discard(w)
            w.kill()
            if self._closed:
                break
            failures += 1
            log.warning("a query worker did not start (%s); retrying", self.path)
            time.sleep(min(10.0, 0.5 * 2**failures))
            self._spawns.put(True)

    def _replace(self, w: WorkerHandle) -> None:
        """Kill a worker and have a new one started (called without the lock)."""
        w.kill()
        with self._cond:
            self._all.discard(w)
            if self._closed:
                return
            self._starting += 1
        self._spawns.put(True)

    # --- scheduling ----------------------------------------------------------------------

    def _weight(self, client: str, t: float) -> float:
        """Worker-seconds the client used lately, its queries running now included (lock held)."""
        u = self._usage.get(client)
        running = sum(r.seconds(t) for r in self._running if r.client == client)
        return (u.now(t) if u else 0.0) + running

    def _admit(self, client: str, cancel) -> _Ticket:
        with self._cond:
            if self._closed:
                raise KgraphError("the query executor is closed")
            if self._inflight.get(client, 0) >= self.per_client:
                raise Busy(
                    f"you already have {self.per_client} queries running or waiting "
                    "(KGRAPH_CLIENT_QUERIES); wait for them before sending more",
                    retry_after=2,
                )
            t = time.monotonic()
            if self._weight(client, t) >= HEAVY and not self._heavy_slot(t) and self._light_demand(t):
                raise Busy(
                    "your recent queries used the workers for long; the workers heavy queries may use are "
                    "busy now, so this one does not wait in the queue: try again later",
                    retry_after=5,
                )
            if not self._idle and len(self._waiting) >= self.queue_size:
                t = time.monotonic()
                heaviest = max(self._waiting, key=lambda k: (self._weight(k.client, t), k.seq), default=None)
                if heaviest is None or self._weight(heaviest.client, t) <= self._weight(client, t):
                    raise Busy(
                        f"all {self.size} query workers are busy and {len(self._waiting)} queries wait; try again"
                    )
                heaviest.evicted = True  # a lighter client takes its place in the queue
                self._waiting.remove(heaviest)
                self._cond.notify_all()
            self._inflight[client] = self._inflight.get(client, 0) + 1
            ticket = _Ticket(client, next(self._seq), cancel)
            self._waiting.append(ticket)
            return ticket

    def _next_in_line(self, t: float) -> _Ticket:
        return min(self._waiting, key=lambda k: (self._weight(k.client, t), k.seq))

    def _may_take(self, ticket: _Ticket, t: float) -> bool:
        """Heavy clients together hold at most all workers but one, counting the workers being
        restarted (mostly after heavy queries were stopped) as theirs (lock held)."""
        if self.size < 2 or self._weight(ticket.client, t) < HEAVY:
            return True
        return self._heavy_slot(t)

    def _light_demand(self, t: float) -> bool:
        """Do light clients wait or run now (lock held)?"""
        return any(self._weight(k.client, t) < HEAVY for k in (*self._waiting, *self._running))

    def _heavy_slot(self, t: float) -> bool:
        """Is a worker free that a heavy client may take (lock held)?"""
        if self.size < 2:
            return True
        return bool(self._idle) and sum(1 for r in self._running if r.heavy) + self._starting < self.size - 1

    def _acquire(self, ticket: _Ticket, wait: float) -> WorkerHandle:
        """Wait (at most `wait` s, longer while the pool starts) until this ticket gets a worker."""
        deadline = time.monotonic() + wait
        give_up = deadline + START_TIMEOUT  # while the pool is still starting its workers
        with self._cond:
            while True:
                t = time.monotonic()
                if self._closed:
                    raise KgraphError("the query executor is closed")
                if ticket.cancel is not None and ticket.cancel.is_set():
                    raise Cancelled("the client went away")
                if ticket.evicted:
                    raise Busy("the queue is full and lighter queries came; try again later", retry_after=5)
                if self._idle and self._next_in_line(t) is ticket and self._may_take(ticket, t):
                    ticket.heavy = self._weight(ticket.client, t) >= HEAVY
                    ticket.worker, ticket.started = self._idle.pop(), t
                    ticket.cpu0 = cpu_seconds(ticket.worker.pid)
                    ticket.read_at = t
                    self._waiting.remove(ticket)
                    self._running.add(ticket)
                    self._cond.notify_all()  # the next in line may take another idle worker
                    return ticket.worker
                if not self._idle and not self._starting:
                    self._preempt_for(ticket, t)
                if t >= deadline and (self._running or not self._starting or t >= give_up):
                    raise Busy(f"all {self.size} query workers stayed busy for {wait:g} s; try again later")
                self._cond.wait(min(max(deadline - t, 0.01), 0.25))

    def _preempt_for(self, ticket: _Ticket, t: float) -> None:
        """Stop the longest-running query of a heavy client heavier than the waiting one if it
        ran `preempt` s (lock held)."""
        if self._next_in_line(t) is not ticket:
            return
        mine = self._weight(ticket.client, t)
        victims = [
            r
            for r in self._running
            if not r.preempted and r.seconds(t) >= self.preempt and self._weight(r.client, t) >= max(HEAVY, mine + 1e-9)
        ]
        if victims:
            victim = min(victims, key=lambda r: r.started)
            victim.preempted = True
            victim.worker.proc.kill()  # its own thread sees the pipe close, replaces the worker

    def _release(self, ticket: _Ticket, keep: bool) -> None:
        """Give the ticket's worker back (or not: it is being replaced) and charge its client."""
        t = time.monotonic()
        with self._cond:
            self._running.discard(ticket)
            with_suppress_remove(self._waiting, ticket)
            n = self._inflight.get(ticket.client, 1) - 1
            if n:
                self._inflight[ticket.client] = n
            else:
                self._inflight.pop(ticket.client, None)
            if ticket.started:
                u = self._usage.setdefault(ticket.client, _Usage(0.0, t))
                cost = ticket.seconds(t + CPU_SAMPLE) + (0.0 if keep else KILL_COST)
                u.seconds, u.at = u.now(t) + cost, t
                if len(self._usage) > 10_000:  # forget clients whose usage has decayed away
                    self._usage = {c: v for c, v in self._usage.items() if v.now(t) > 0.01}
            if keep and ticket.worker is not None and not self._closed:
                self._idle.append(ticket.worker)
            self._cond.notify_all()

    # --- running -------------------------------------------------------------------------

    def run(self, job: Job, timeout: float, client: str = "", cancel: threading.Event | None = None) -> Outcome:
        """Run a job on a worker. Raises Busy (no worker now, or stopped to make room),
        QueryTimeout (ran past `timeout`, worker killed) or Cancelled (`cancel` was set)."""
        ticket = self._admit(client, cancel)
        keep = False
        try:
            w = self._acquire(ticket, timeout)
            try:
                w.send(job)
                out = self._await(ticket, w, timeout)
            except (EOFError, OSError, pickle.UnpicklingError):
                if ticket.preempted:
                    raise Busy(
                        f"your query ran {self.preempt:g} s while others waited and was stopped to make room "
                        "(KGRAPH_QUERY_PREEMPT); try again later, or run it on your own copy of the graph",
                        retry_after=5,
                    ) from None
                if w.died_of_memory():
                    return Outcome(503, message_body(MEMORY_MESSAGE))
                return Outcome(500, message_body("the query worker died while running the query"))
            keep = not ticket.preempted  # killed just after it answered: do not reuse
            return out
        finally:
            self._release(ticket, keep)
            if not keep and ticket.worker is not None:
                self._replace(ticket.worker)

    def _await(self, ticket: _Ticket, w: WorkerHandle, timeout: float) -> Outcome:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise QueryTimeout(
                    f"query stopped after {timeout:g} s (the limit, KGRAPH_QUERY_TIMEOUT): its worker process "
                    "was killed. Narrow the patterns, add a LIMIT, or run it on your own copy of the graph "
                    "(`kgraph query`, `oxigraph serve`)."
                )
            if w.wait(min(left, POLL) if ticket.cancel is not None else left):
                return w.recv()
            if ticket.cancel is not None and ticket.cancel.is_set():
                raise Cancelled("the client went away; its query was stopped")

    def stats(self) -> dict:
        """Workers and queries now (for /health and the load test)."""
        with self._cond:
            return {
                "workers": self.size,
                "idle": len(self._idle),
                "starting": self._starting,
                "running": len(self._running),
                "waiting": len(self._waiting),
                "pids": sorted(w.pid for w in self._all),
            }

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._spawns.put(False)
        self._finalizer()


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds of a process (Linux /proc), None where they cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, IndexError, ValueError):
        return None


def with_suppress_remove(items: list, item) -> None:
    if item in items:
        items.remove(item)


def _kill_all(workers: set) -> None:
    for w in list(workers):
        w.kill()
    workers.clear()


def executor_for(store, limits=None):
    """Worker processes for an Oxigraph store they can reopen (a store directory or the N-Quads
    dump it was loaded from); inline execution for any other store (remote, built in memory).

    `limits` (a kgraph.sparql.Limits) sizes the pool and its per-client limits."""
    if not isinstance(store, OxigraphStore) or (store.path is None and store.source is None):
        return InlineExecutor(store)
    options = {}
    if limits is not None:
        options = {
            "memory_mb": limits.memory_mb,
            "per_client": limits.per_client,
            "queue_size": limits.queue,
            "preempt": limits.preempt,
        }
    workers = limits.workers if limits is not None else 2
    if store.path is not None:
        return ProcessExecutor(store.path, workers, store.prefixes, **options)
    return ProcessExecutor(store.source, workers, store.prefixes, kind="nquads", **options)
