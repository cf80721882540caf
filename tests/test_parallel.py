"""kgraph.parallel: results in the items' order wherever they ran; `done` sees each one."""

from __future__ import annotations

import os
import time

import pytest

from kgraph import parallel
from kgraph.errors import KgraphError


def slow_square(n: int) -> tuple[int, int]:
    time.sleep(0.05 * (5 - n % 5))  # later items finish first
    return n * n, os.getpid()


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_come_back_in_order(jobs):
    ex = parallel.executor(jobs)
    seen = []
    try:
        out = ex.map(slow_square, list(range(8)), lambda i, r: seen.append(i))
    finally:
        ex.close()
    assert [r[0] for r in out] == [n * n for n in range(8)]
    assert sorted(seen) == list(range(8))
    pids = {r[1] for r in out}
    assert (pids == {os.getpid()}) == (jobs == 1)


def test_default_is_one_job_per_core():
    assert parallel.default_jobs() >= 1
    ex = parallel.executor()
    assert isinstance(ex, parallel.Serial if parallel.default_jobs() == 1 else parallel.Processes)


def test_bad_jobs_and_unreachable_scheduler_are_one_line_errors():
    with pytest.raises(KgraphError, match="at least 1"):
        parallel.executor(0)
    pytest.importorskip("distributed")
    with pytest.raises(KgraphError, match="cannot reach the Dask scheduler"):
        parallel.Dask("tcp://127.0.0.1:9")


def test_dask_runs_the_same_function():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        ex = parallel.executor(scheduler=c.scheduler_address)
        try:
            out = ex.map(slow_square, list(range(6)))
        finally:
            ex.close()
    assert [r[0] for r in out] == [n * n for n in range(6)]


def test_pool_workers_die_with_the_build_even_after_kill_9(tmp_path):
    """Forked workers keep the build lock's file open: they must not outlive a killed build."""
    import signal
    import subprocess
    import sys

    code = (
        "import os, sys, time\n"
        "from kgraph import parallel\n"
        "ex = parallel.executor(2)\n"
        "ex.start()\n"
        "print(' '.join(str(p) for p in ex._pool._processes), flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert len(workers) == 2
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [p for p in workers if _alive(p)]
        time.sleep(0.1)
    assert alive == []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return False
