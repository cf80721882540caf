"""Helpers shared by the store, query, CLI and endpoint tests: a miniature graph
(tests/data/mini.trig) built into a directory, and servers on free loopback ports."""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.trig"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def mini_nquads() -> bytes:
    """The miniature dataset as N-Quads."""
    return ox.serialize(ox.parse(path=str(MINI), format=ox.RdfFormat.TRIG), format=ox.RdfFormat.N_QUADS)


def build_dir(path: Path, extra: bytes = b"") -> Path:
    """A build directory like `kgraph build` writes: graph.nq and an Oxigraph store."""
    path.mkdir(parents=True, exist_ok=True)
    data = mini_nquads() + extra
    (path / "graph.nq").write_bytes(data)
    store = ox.Store(str(path / "store"))
    store.bulk_load(data, ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    return path


def filler(n: int, graph: str = "https://kgraph.kz/id/graph/filler") -> bytes:
    """n triples in their own graph: material for slow cross products and row caps."""
    return "".join(f'<urn:x:s{i}> <urn:x:p> "{i}" <{graph}> .\n' for i in range(n)).encode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not come up in {seconds} s")


@contextlib.contextmanager
def oxigraph_server(location: Path):
    """`oxigraph serve` (the PyPI package's server) on a free loopback port; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/query")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., {d}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""
# Virtuoso takes updates through its Graph Store Protocol endpoint only from users
# granted SPARQL_UPDATE; the tests grant it to the anonymous SPARQL user on their
# loopback-only server (a real deployment uses /sparql-graph-crud-auth with a password).
VIRTUOSO_GRANTS = "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"


@dataclasses.dataclass(frozen=True)
class Server:
    """A SPARQL server the remote-store tests run against."""

    name: str
    query: str  # SPARQL Protocol endpoint
    gsp: str  # Graph Store Protocol endpoint


@contextlib.contextmanager
def virtuoso_server(location: Path):
    """Virtuoso Open Source (Debian's virtuoso-opensource) on free loopback ports with a fresh
    database in `location`; yields its base URL. Skips the test when it is not installed."""
    import pytest

    if not VIRTUOSO or not ISQL:
        pytest.skip("virtuoso-opensource is not installed (make system-deps installs it)")
    sql, http = free_port(), free_port()
    location.mkdir(parents=True, exist_ok=True)
    ini = location / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=location, sql=sql, http=http), encoding="utf-8")
    proc = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)],
        cwd=location,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http}"
    try:
        _wait(base + "/sparql", seconds=120)
        subprocess.run(
            [ISQL, f"127.0.0.1:{sql}", "dba", "dba", f"exec={VIRTUOSO_GRANTS}"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def sparql_server(name: str, location: Path):
    """The server `name` ("oxigraph" or "virtuoso") with an empty store; yields a `Server`."""
    if name == "virtuoso":
        with virtuoso_server(location) as base:
            yield Server(name, base + "/sparql", base + "/sparql-graph-crud")
    else:
        with oxigraph_server(location) as base:
            yield Server(name, base + "/query", base + "/store")


SERVERS = ("oxigraph", "virtuoso")


@contextlib.contextmanager
def uvicorn_server(app):
    """The app under uvicorn in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
