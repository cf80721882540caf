"""Helpers shared by the store, query, CLI and endpoint tests: a miniature graph
(tests/data/mini.trig) built into a directory, and servers on free loopback ports."""

from __future__ import annotations

import contextlib
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
