"""Answers of the endpoint kept per build: a build never changes, so the same query gets the same answer.

`ResultCache` keeps the serialized answers (status 200 only) of the queries the endpoint ran, keyed on
everything that makes the answer (the query text exactly as sent, the result format, the row cap and the
dataset the request named), least recently used dropped first, bounded in bytes (KGRAPH_QUERY_CACHE_MB;
`0` turns it off). An answer larger than an eighth of the budget is not kept.

* A query the engine answers differently each time (RAND, UUID, STRUUID, a BNODE() call:
  `kgraph.sparql_syntax.volatile`) is never kept; one that reads the clock (NOW()) is kept for
  `CLOCK_TTL` seconds (the named queries read it for "today"); once expired, the first request
  runs it again, and requests that come while it runs get the expired answer (at most twice
  `CLOCK_TTL` old) rather than wait; so does the first one when no worker is free to run it.
* `run(key, compute)` computes an answer once for concurrent requests of the same key: the first
  request runs the query, the others wait for its answer (a follower whose client goes away
  stops waiting), and run the query themselves only if the first one got no answer to keep.
  A client has at most `per_client` requests running or waiting here (KGRAPH_CLIENT_QUERIES,
  as on the workers): beyond, `Busy` at once, so that many requests of one slow query from one
  client wait in no thread.

The endpoint keeps a cache only over a store that cannot change while served (a build's store or
its N-Quads dump, through worker processes); a new build gets a new endpoint, so a new cache.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from kgraph.sparql_pool import Busy, Cancelled
from kgraph.sparql_syntax import volatile
from kgraph.sparql_workers import Job, Outcome

CLOCK_TTL = 60.0  # seconds an answer of a query that reads the clock (NOW()) is kept
FOLLOWER_POLL = 0.05  # seconds between a waiting request's looks at its cancel event


@dataclass
class _Entry:
    outcome: Outcome
    expires: float | None  # monotonic time; None: kept as long as there is room


class _Flight:
    def __init__(self):
        self.done = threading.Event()
        self.outcome: Outcome | None = None


class ResultCache:
    """Serialized answers per query (see the module docstring); thread-safe."""

    def __init__(self, budget_mb: float, per_client: int = 0):
        self.budget = max(0, int(budget_mb * 1024 * 1024))
        self.largest = self.budget // 8
        self.per_client = per_client  # 0: no limit
        self._entries: OrderedDict[tuple, _Entry] = OrderedDict()
        self._flights: dict[tuple, _Flight] = {}
        self._inflight: dict[str, int] = {}
        self._size = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.budget > 0

    def key(self, job: Job) -> tuple | None:
        """The key of a job's answer, None when its answer must not be kept."""
        if not self.enabled:
            return None
        clock = volatile(job.query)
        if clock == "random":
            return None
        return (job.query, job.format, job.max_rows, job.default_graphs, job.named_graphs, clock == "clock")

    def get(self, key: tuple | None) -> Outcome | None:
        if key is None:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.expires is not None and entry.expires <= time.monotonic():
                if entry.expires + CLOCK_TTL <= time.monotonic():
                    self._drop(key)
                return None  # expired: kept a while more for `_run` (see there)
            self._entries.move_to_end(key)
            self.hits += 1
            return entry.outcome

    def put(self, key: tuple | None, outcome: Outcome) -> None:
        if key is None or outcome.status != 200 or len(outcome.body) > self.largest:
            return
        expires = time.monotonic() + CLOCK_TTL if key[-1] else None
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = _Entry(outcome, expires)
            self._size += len(outcome.body)
            while self._size > self.budget:
                self._drop(next(iter(self._entries)))

    def _drop(self, key: tuple) -> None:
        entry = self._entries.pop(key)
        self._size -= len(entry.outcome.body)

    def run(
        self,
        key: tuple | None,
        compute: Callable[[], Outcome],
        cancel: threading.Event | None = None,
        wait: float = 0,
        client: str = "",
    ) -> tuple[Outcome, bool]:
        """The kept answer, else `compute()`'s (kept when it may be), and whether it was kept;
        concurrent requests of one key compute it once. A follower waits at most `wait` seconds,
        then computes it itself. Raises Busy when the client has `per_client` requests here."""
        if key is None:
            return compute(), False
        hit = self.get(key)
        if hit is not None:
            return hit, True
        with self._lock:
            n = self._inflight.get(client, 0)
            if self.per_client and n >= self.per_client:
                raise Busy(
                    f"you already have {self.per_client} queries running or waiting "
                    "(KGRAPH_CLIENT_QUERIES); wait for them before sending more",
                    retry_after=2,
                )
            self._inflight[client] = n + 1
        try:
            return self._run(key, compute, cancel, wait)
        finally:
            with self._lock:
                n = self._inflight.pop(client) - 1
                if n:
                    self._inflight[client] = n

    def _stale(self, key: tuple) -> Outcome | None:
        """An expired answer that reads the clock, expired less than CLOCK_TTL ago (lock held)."""
        entry = self._entries.get(key)
        if entry is not None and entry.expires is not None and time.monotonic() < entry.expires + CLOCK_TTL:
            return entry.outcome
        return None

    def _run(self, key, compute, cancel, wait) -> tuple[Outcome, bool]:
        with self._lock:
            flight = self._flights.get(key)
            leader = flight is None
            if leader:
                flight = self._flights[key] = _Flight()
            else:  # an answer that reads the clock, expired less than CLOCK_TTL ago, while it is renewed
                stale = self._stale(key)
                if stale is not None:
                    self.hits += 1
                    return stale, True
            self.misses += leader
        if leader:
            try:
                try:
                    out = compute()
                except Busy:  # no worker to renew it now: the expired answer, if still young enough
                    with self._lock:
                        stale = self._stale(key)
                    if stale is None:
                        raise
                    return stale, True
                self.put(key, out)
                flight.outcome = out
                return out, False
            finally:
                with self._lock:
                    self._flights.pop(key, None)
                flight.done.set()
        deadline = time.monotonic() + wait
        while not flight.done.wait(FOLLOWER_POLL if cancel is not None else max(0.0, deadline - time.monotonic())):
            if cancel is not None and cancel.is_set():
                raise Cancelled("the client went away")
            if time.monotonic() >= deadline:
                break
        out = flight.outcome
        if out is not None and out.status == 200:
            with self._lock:
                self.hits += 1
            return out, True
        return compute(), False

    def stats(self) -> dict:
        with self._lock:
            return {"entries": len(self._entries), "bytes": self._size, "hits": self.hits, "misses": self.misses}
