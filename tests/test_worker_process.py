"""A query worker's own limits: no network, death with its server, a memory budget
(kgraph.worker_process), and after `kill -9` of `kgraph serve` no worker survives."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time

import httpx
import pytest

from sparql_support import build_dir, filler, free_port
from test_sparql_guard import Listener

SCRIPT_NETWORK = """
import socket, sys
from kgraph import worker_process
print(worker_process.cut_network())
s = socket.socket()
s.settimeout(2)
try:
    s.connect(("127.0.0.1", int(sys.argv[1])))
    print("connected")
except OSError as exc:
    print("refused", exc.errno)
"""


def test_a_worker_without_network_reaches_no_listener():
    listener = Listener()
    try:
        out = subprocess.run(
            [sys.executable, "-c", SCRIPT_NETWORK, str(listener.port)], capture_output=True, text=True, timeout=30
        )
    finally:
        listener.close()
    cut, result = out.stdout.split()[:2]
    if cut != "True":
        pytest.skip("this kernel allows no network namespace here")
    assert result == "refused" and listener.connections == 0


SCRIPT_MEMORY = """
from kgraph import worker_process
assert worker_process.limit_memory(200 * 1024 * 1024)
x = bytearray(50 * 1024 * 1024)  # within the budget
try:
    y = bytearray(400 * 1024 * 1024)
    print("allocated")
except MemoryError:
    print("refused")
"""


def test_the_memory_budget_stops_a_big_allocation():
    out = subprocess.run([sys.executable, "-c", SCRIPT_MEMORY], capture_output=True, text=True, timeout=30)
    assert out.stdout.strip() == "refused", out.stderr


def _children(pid: int) -> set[int]:
    """Processes whose parent is `pid` (from /proc)."""
    out = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.server
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_the_server_leaves_no_worker(tmp_path):
    """`kgraph serve` with a long query running: after kill -9 of the server, its workers
    (the busy one included) are gone within 2 s."""
    build = build_dir(tmp_path / "build", filler(3000))
    port = free_port()
    env = os.environ | {"KGRAPH_QUERY_TIMEOUT": "60", "KGRAPH_RELOAD": "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "kgraph.cli", "serve", "--port", str(port), "--build", str(build)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.2)
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"

        def ask():
            with contextlib.suppress(httpx.HTTPError):  # the server is killed under it
                httpx.post(base + "/sparql", data={"query": slow}, timeout=90)

        threading.Thread(target=ask, daemon=True).start()
        deadline = time.monotonic() + 30
        while len(workers := _children(server.pid)) < 2:  # the pool started (on the first query)
            assert time.monotonic() < deadline, "no query workers"
            time.sleep(0.1)
        time.sleep(1.0)  # the query is running in one of them
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
        deadline = time.monotonic() + 2.0
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [p for p in workers if _alive(p)], "workers outlived the server"
    finally:
        if server.poll() is None:
            server.kill()
