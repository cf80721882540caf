"""What a query worker process does to itself before it runs anyone's query.

* `die_with_parent`: the kernel kills the worker (SIGKILL) when the thread that
  started it exits, the server included after `kill -9` (Linux
  PR_SET_PDEATHSIG); elsewhere, and as a second line, a thread that watches the
  parent's pid.
* `cut_network`: the worker moves into a network namespace of its own, with no
  interface up: a SERVICE call (or anything else) that slipped past the
  endpoint's checks cannot reach any host, loopback included. Unprivileged
  processes do it through a user namespace; where neither is allowed (some
  containers), the endpoint's query checks (kgraph.sparql_guard) stand alone.
* `limit_memory`: the worker's address space is capped at what it uses once
  its store is loaded plus a per-query budget (RLIMIT_AS): a query that needs
  more fails (the allocation fails, the worker exits) instead of growing
  without bound.

Linux only where the kernel offers it; each function reports whether it worked.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
OOM_EXIT = 75  # exit status of a worker whose query ran out of its memory budget


def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def die_with_parent(parent_pid: int) -> bool:
    """Exit when the parent goes away. True when the kernel does it (Linux)."""
    libc = _libc()
    kernel = libc is not None and libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(0)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="kgraph-parent-watch").start()
    return kernel


def cut_network() -> bool:
    """Leave every network: a new, empty network namespace. Call while single-threaded."""
    libc = _libc()
    if libc is None:
        return False
    return any(libc.unshare(flags) == 0 for flags in (CLONE_NEWNET, CLONE_NEWUSER | CLONE_NEWNET))


def address_space() -> int:
    """Bytes of address space the process uses now (VmSize)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def limit_memory(budget_bytes: int) -> bool:
    """Cap the address space at its current size plus `budget_bytes` (0: no cap)."""
    if budget_bytes <= 0:
        return False
    used = address_space()
    if not used:
        return False
    limit = used + budget_bytes
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return False
    return True
