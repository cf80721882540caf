"""Where the per-document stages run: in this process, a process pool, or a Dask cluster.

`executor(jobs, scheduler)` gives an object with one method, `map(fn, items,
done)`: it runs `fn(item)` for every item (functions of `kgraph.pipeline`: pure,
picklable arguments and results), calls `done(index, result)` in this process as
each one finishes (progress, caching) and returns the results in the items'
order, so the build's output does not depend on where or in what order the work ran.

* `jobs=1`: in this process, one after the other (no pickling);
* `jobs=N`: a pool of N worker processes (fork: they start with the modules this
  process has loaded);
* `scheduler="tcp://host:8786"`: the workers of a Dask distributed cluster
  (`dask.distributed.Client`); each worker needs kgraph installed and the same
  files at the same paths (the catalog's sources and registry).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Any, Protocol

from kgraph import worker_process
from kgraph.errors import KgraphError

Done = Callable[[int, Any], None]


class Executor(Protocol):
    def map(self, fn: Callable[[Any], Any], items: Sequence[Any], done: Done | None = None) -> list[Any]: ...

    def start(self) -> None: ...

    def close(self) -> None: ...


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _pause(seconds: float) -> None:
    time.sleep(seconds)


class Serial:
    name = "serial"

    def start(self) -> None:
        pass

    def map(self, fn, items, done=None):
        out = []
        for i, item in enumerate(items):
            result = fn(item)
            if done:
                done(i, result)
            out.append(result)
        return out

    def close(self) -> None:
        pass


class Processes:
    """A pool of worker processes, kept for every map of a build. Its workers die with this
    process (even after kill -9: kgraph.worker_process). Start it (`start`) before taking
    a lock: a forked worker keeps every file this process had open, locks included."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.name = f"{jobs} processes"
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Fork all the workers now."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context("fork"),
                initializer=worker_process.die_with_parent,
                initargs=(os.getpid(),),
            )
            list(self._pool.map(_pause, [0.05] * self.jobs))

    def map(self, fn, items, done=None):
        if len(items) <= 1:
            return Serial().map(fn, items, done)
        self.start()
        futures = {self._pool.submit(fn, item): i for i, item in enumerate(items)}
        return _collect(futures, done, len(items))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class Dask:
    """The workers of a Dask distributed scheduler."""

    def __init__(self, address: str):
        try:
            from distributed import Client  # optional and heavy: only `--scheduler` needs it
        except ImportError:
            raise KgraphError("--scheduler needs dask.distributed: pip install 'dask[distributed]'") from None
        try:
            self.client = Client(address, timeout=10)
        except OSError as exc:
            raise KgraphError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.name = f"Dask at {address}"

    def start(self) -> None:
        pass

    def map(self, fn, items, done=None):
        from distributed import as_completed

        futures = [self.client.submit(fn, item, pure=False) for item in items]
        index = {f.key: i for i, f in enumerate(futures)}
        out: list[Any] = [None] * len(items)
        for future in as_completed(futures):
            i = index[future.key]
            out[i] = future.result()
            if done:
                done(i, out[i])
            future.release()
        return out

    def close(self) -> None:
        self.client.close()


def _collect(futures: dict, done: Done | None, n: int) -> list[Any]:
    out: list[Any] = [None] * n
    pending = set(futures)
    try:
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in finished:
                i = futures[f]
                out[i] = f.result()
                if done:
                    done(i, out[i])
    except BaseException:
        for f in pending:
            f.cancel()
        raise
    return out


def executor(jobs: int | None = None, scheduler: str | None = None) -> Executor:
    """Where to run: Dask when given a scheduler address, else `jobs` processes (default: the cores)."""
    if scheduler:
        return Dask(scheduler)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise KgraphError(f"--jobs must be at least 1 (got {jobs})")
    return Serial() if jobs == 1 else Processes(jobs)


__all__ = ["Dask", "Executor", "Processes", "Serial", "default_jobs", "executor"]
