"""Running SPARQL queries for the endpoint: in worker processes, or inline.

Why worker processes: a query that overruns its time limit must really stop,
and pyoxigraph cannot be interrupted once it runs. A thread cannot be killed;
a process can. So each query runs in a worker process with its own copy of the
store (the on-disk store opened read-only, or the build's N-Quads dump loaded
in memory), and a query that times out has its worker killed (SIGKILL) and
replaced.

* `ProcessExecutor` keeps the pool of workers; `executor_for` picks it for an
  Oxigraph store a worker can reopen, and `InlineExecutor` (the calling
  thread, no hard timeout) for any other store: remote stores, where the
  remote's own limits and the HTTP timeout apply, and stores built in memory
  by the caller.
* `evaluate` runs a `Job` on a store and serializes its result into an
  `Outcome`, the same in a worker and inline.
* Workers are plain `python -c` processes started by `_Worker`
  (`worker_main` is their entry point), talking over their stdin and stdout.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import select
import signal
import struct
import subprocess
import sys
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import KgraphError, QueryError
from kgraph.results import GRAPH_FORMATS, SOLUTION_FORMATS
from kgraph.store import OxigraphStore, default_prefixes

# Format name of each result kind when the client asks for none (or, for a job,
# when the format it names does not fit the query's result kind).
DEFAULT_FORMAT = {"select": "json", "graph": "turtle"}


@dataclass(frozen=True)
class Job:
    query: str
    format: str  # format name
    max_rows: int | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    status: int
    body: bytes
    media_type: str = "text/plain; charset=utf-8"
    rows: int | None = None
    truncated: bool = False


def evaluate(store, job: Job) -> Outcome:
    """Run a job on a store and serialize its result (in a worker process or inline)."""
    try:
        result = store.query(job.query, default_graph=job.default_graphs or None, named_graphs=job.named_graphs or None)
        kind_formats = GRAPH_FORMATS if result.kind == "graph" else SOLUTION_FORMATS
        fmt = kind_formats.get(job.format) or kind_formats[DEFAULT_FORMAT[result.kind]]
        out = result.serialize(fmt, job.max_rows, getattr(store, "prefixes", None))
    except QueryError as exc:
        return Outcome(400, message_body(str(exc)))
    except (SyntaxError, ValueError) as exc:
        return Outcome(400, message_body(f"malformed query: {exc}"))
    except KgraphError as exc:
        return Outcome(502, message_body(str(exc)))
    except Exception as exc:  # noqa: BLE001 - evaluation errors surface while iterating
        return Outcome(500, message_body(f"query failed: {type(exc).__name__}: {exc}"))
    media = out.media_type + ("; charset=utf-8" if out.media_type.startswith("text/") else "")
    return Outcome(200, out.body, media, out.rows, out.truncated)


def message_body(message: str) -> bytes:
    """A plain-text response body: the message and one newline, in UTF-8."""
    return (message.rstrip() + "\n").encode("utf-8")


class QueryTimeout(KgraphError):
    pass


class Busy(KgraphError):
    pass


class InlineExecutor:
    """Runs queries in the calling thread. No hard timeout: for in-memory and remote stores."""

    hard_timeout = False

    def __init__(self, store):
        self.store = store

    def run(self, job: Job, timeout: float) -> Outcome:
        return evaluate(self.store, job)

    def close(self) -> None:
        pass


# Worker processes talk over pipes (their stdin and stdout, unbuffered file descriptors):
# a 4-byte big-endian length, then a pickle. Jobs and outcomes travel as plain tuples.
_FRAME = struct.Struct(">I")


def _send(fd: int, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_FRAME.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _recv(fd: int):
    head = os.read(fd, 65536)
    if len(head) < _FRAME.size:
        while head and len(head) < _FRAME.size:
            head += os.read(fd, _FRAME.size - len(head))
        if len(head) < _FRAME.size:
            raise EOFError("worker pipe closed")
    (n,) = _FRAME.unpack_from(head)
    body = bytearray(head[_FRAME.size :])
    while len(body) < n:
        chunk = os.read(fd, min(n - len(body), 1 << 22))
        if not chunk:
            raise EOFError("worker pipe closed")
        body += chunk
    return pickle.loads(body)


def worker_main() -> None:
    """Entry point of a worker process: `python -c 'from kgraph.sparql_workers import worker_main; worker_main()'`.

    Reads ("disk" or "nquads", path, prefixes) and then jobs from stdin; writes outcomes to stdout.
    Imports only pyoxigraph and kgraph's light modules, so it starts in ~0.1 s.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    fin, fout = sys.stdin.fileno(), os.dup(sys.stdout.fileno())
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not corrupt the frames
    kind, path, prefixes = _recv(fin)
    if kind == "nquads":
        store = OxigraphStore.from_nquads(Path(path), prefixes=prefixes)
    else:
        store = OxigraphStore(Path(path), read_only=True, prefixes=prefixes)
    _send(fout, "ready")
    while True:
        try:
            job = Job(*_recv(fin))
        except EOFError:
            return
        out = evaluate(store, job)
        _send(fout, (out.status, out.body, out.media_type, out.rows, out.truncated))


class _Worker:
    def __init__(self, kind: str, path: Path, prefixes: dict[str, str]):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from kgraph.sparql_workers import worker_main; worker_main()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            start_new_session=True,
        )
        self.in_fd, self.out_fd = self.proc.stdin.fileno(), self.proc.stdout.fileno()
        _send(self.in_fd, (kind, str(path), prefixes))
        self.ready = False

    def send(self, job: Job) -> None:
        _send(self.in_fd, (job.query, job.format, job.max_rows, job.default_graphs, job.named_graphs))

    def wait(self, timeout: float) -> bool:
        """True when a reply is readable within `timeout` seconds."""
        readable, _, _ = select.select([self.out_fd], [], [], max(timeout, 0))
        return bool(readable)

    def recv(self):
        reply = _recv(self.out_fd)
        return reply if isinstance(reply, str) else Outcome(*reply)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)


class ProcessExecutor:
    """A pool of worker processes, each with its own copy of the store: the on-disk
    store opened read-only (kind "disk") or an N-Quads dump loaded in memory ("nquads").

    A query that overruns its timeout has its worker killed (SIGKILL) and
    replaced, so it really stops: pyoxigraph cannot be interrupted from
    another thread, a process can. Workers are plain `python -c` processes
    (not multiprocessing forks), so they work under any parent (uvicorn,
    pytest, a script without a __main__ guard) and inherit no threads.
    """

    hard_timeout = True

    def __init__(self, path: Path, workers: int = 2, prefixes: dict[str, str] | None = None, kind: str = "disk"):
        self.path = Path(path)
        self.kind = kind
        if not (self.path.is_dir() if kind == "disk" else self.path.is_file()):
            raise KgraphError(f"{path}: no graph store here; run `kgraph build` first")
        self.prefixes = dict(prefixes) if prefixes is not None else default_prefixes()
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()  # the last used worker is the warmest
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.size = max(1, workers)
        for _ in range(self.size):
            self._idle.put(self._spawn())
        self._finalizer = weakref.finalize(self, _kill_all, self._all)

    def _spawn(self) -> _Worker:
        w = _Worker(self.kind, self.path, self.prefixes)
        with self._lock:
            self._all.add(w)
        return w

    def _retire(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.kill()
        if not self._closed:
            self._idle.put(self._spawn())

    def run(self, job: Job, timeout: float) -> Outcome:
        if self._closed:
            raise KgraphError("the query executor is closed")
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise Busy(f"all {self.size} query workers stayed busy for {timeout:g} s; try again later") from None
        try:
            if not w.ready:  # a fresh worker: wait for its start-up, outside the query's time
                if not w.wait(30) or w.recv() != "ready":
                    raise EOFError("worker did not start")
                w.ready = True
            w.send(job)
            if w.wait(timeout):
                out = w.recv()
                self._idle.put(w)
                return out
        except (EOFError, OSError, pickle.UnpicklingError):
            self._retire(w)
            return Outcome(500, message_body("the query worker died while running the query (out of memory?)"))
        self._retire(w)
        raise QueryTimeout(
            f"query stopped after {timeout:g} s (the limit, KGRAPH_QUERY_TIMEOUT): its worker process "
            "was killed. Narrow the patterns, add a LIMIT, or run it on your own copy of the graph "
            "(`kgraph query`, `oxigraph serve`)."
        )

    def close(self) -> None:
        self._closed = True
        self._finalizer()


def _kill_all(workers: set) -> None:
    for w in list(workers):
        w.kill()
    workers.clear()


def executor_for(store, workers: int = 2):
    """Worker processes for an Oxigraph store they can reopen (a store directory or the N-Quads
    dump it was loaded from); inline execution for any other store (remote, built in memory)."""
    if isinstance(store, OxigraphStore) and store.path is not None:
        return ProcessExecutor(store.path, workers, store.prefixes)
    if isinstance(store, OxigraphStore) and store.source is not None:
        return ProcessExecutor(store.source, workers, store.prefixes, kind="nquads")
    return InlineExecutor(store)
