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
