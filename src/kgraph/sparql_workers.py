"""The query worker processes of the endpoint: what runs in them, and how the server talks to them.

Why worker processes: a query that overruns its time or memory must really stop,
and pyoxigraph cannot be interrupted once it runs. A thread cannot be killed; a
process can. So each query runs in a worker process with its own copy of the
store (the on-disk store opened read-only, or the build's N-Quads dump loaded
in memory); kgraph.sparql_pool schedules the queries over a pool of them and
kills a worker whose query overruns, whose client went away, or that must make
room for others.

* `evaluate` runs a `Job` on a store and serializes its result into an
  `Outcome`, the same in a worker and inline; it refuses updates and SERVICE
  on the parsed query first (kgraph.sparql_guard).
* Workers are plain `python -c` processes started by `WorkerHandle`
  (`worker_main` is their entry point), talking over their stdin and stdout.
  Before they take a job they cut themselves off the network, arrange to die
  with the server and cap their memory (kgraph.worker_process).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kgraph import sparql_guard, worker_process
from kgraph.errors import KgraphError, QueryError
from kgraph.results import GRAPH_FORMATS, SOLUTION_FORMATS
from kgraph.store import OxigraphStore

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
    """Run a job on a store and serialize its result (in a worker process or inline).

    Updates and SERVICE are refused (403) on the parsed query before it runs."""
    refusal = sparql_guard.parsed_refusal(job.query)
    if refusal:
        return Outcome(403, message_body(refusal))
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
    except MemoryError:
        return Outcome(503, message_body(MEMORY_MESSAGE))
    except Exception as exc:  # noqa: BLE001 - evaluation errors surface while iterating
        return Outcome(500, message_body(f"query failed: {type(exc).__name__}: {exc}"))
    media = out.media_type + ("; charset=utf-8" if out.media_type.startswith("text/") else "")
    return Outcome(200, out.body, media, out.rows, out.truncated)


def message_body(message: str) -> bytes:
    """A plain-text response body: the message and one newline, in UTF-8."""
    return (message.rstrip() + "\n").encode("utf-8")


MEMORY_MESSAGE = (
    "the query needed more memory than a query may use (KGRAPH_QUERY_MEMORY_MB): "
    "narrow the patterns, add a LIMIT, or avoid ORDER BY over large results"
)


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
    """Entry point of a worker process:
    `python -c 'from kgraph.sparql_workers import worker_main; worker_main()' PARENT_PID`.

    Cuts itself off the network (while still single-threaded), arranges to die with
    its parent, reads ("disk" or "nquads", path, prefixes, memory budget in bytes),
    loads the store, caps its memory, answers "ready", then reads jobs from stdin
    and writes outcomes to stdout.
    """
    worker_process.cut_network()
    worker_process.die_with_parent(int(sys.argv[1]) if len(sys.argv) > 1 else os.getppid())
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    fin, fout = sys.stdin.fileno(), os.dup(sys.stdout.fileno())
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not corrupt the frames
    kind, path, prefixes, budget = _recv(fin)
    if kind == "nquads":
        store = OxigraphStore.from_nquads(Path(path), prefixes=prefixes)
    else:
        store = OxigraphStore(Path(path), read_only=True, prefixes=prefixes)
    sparql_guard.warm_up()
    worker_process.limit_memory(budget)
    _send(fout, "ready")
    while True:
        try:
            job = Job(*_recv(fin))
        except EOFError:
            return
        out = evaluate(store, job)
        try:
            _send(fout, (out.status, out.body, out.media_type, out.rows, out.truncated))
        except MemoryError:
            os._exit(worker_process.OOM_EXIT)


class WorkerHandle:
    """The server's side of one worker process: start it, send jobs, wait for and read outcomes.

    Start it from a thread that lives as long as the pool: the worker dies with the
    thread that started it (PR_SET_PDEATHSIG is tied to the parent thread)."""

    def __init__(self, kind: str, path: Path, prefixes: dict[str, str], memory_budget: int = 0):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from kgraph.sparql_workers import worker_main; worker_main()", str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            start_new_session=True,
        )
        self.in_fd, self.out_fd = self.proc.stdin.fileno(), self.proc.stdout.fileno()
        _send(self.in_fd, (kind, str(path), prefixes, memory_budget))

    @property
    def pid(self) -> int:
        return self.proc.pid

    def started(self, timeout: float) -> bool:
        """Wait for the worker's "ready" (its store loaded); False if it did not come."""
        try:
            return self.wait(timeout) and _recv(self.out_fd) == "ready"
        except (EOFError, OSError, pickle.UnpicklingError):
            return False

    def send(self, job: Job) -> None:
        _send(self.in_fd, (job.query, job.format, job.max_rows, job.default_graphs, job.named_graphs))

    def wait(self, timeout: float) -> bool:
        """True when a reply (or the end of the pipe) is readable within `timeout` seconds."""
        readable, _, _ = select.select([self.out_fd], [], [], max(timeout, 0))
        return bool(readable)

    def recv(self) -> Outcome:
        return Outcome(*_recv(self.out_fd))

    def died_of_memory(self) -> bool:
        """After the pipe closed: did the worker die because its query hit the memory cap?"""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=2)
        return self.proc.returncode in (worker_process.OOM_EXIT, -signal.SIGABRT, -signal.SIGSEGV)

    def kill(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
