"""Which build the app serves, and switching to a new one when `kgraph build` replaces it.

`kgraph build` swaps the build directory atomically (kgraph.build.write), so a
running server would go on serving the graph it loaded at start-up. Each request
calls `check(app)`; at most once a second that looks at the build directory, and
when it holds a different build, loads that build in a background thread while
requests go on being served from the old one, then swaps `app.state.store` and
`app.state.site` and drops the SPARQL endpoint (the next /sparql request creates
one over the new store). A build that fails to load is logged and skipped; the
old one stays served. KGRAPH_RELOAD=0 (or `create_app(reload=False)`) turns this off.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from pathlib import Path

from kgraph import buildswap, settings
from kgraph.store import open_store
from kgraph.web import graphindex, overlaps
from kgraph.web import sparql as web_sparql
from kgraph.web.site import Site

log = logging.getLogger(__name__)

INTERVAL = 1.0  # seconds between two looks at the build directory


def identity(build_dir: Path) -> tuple[int, int] | None:
    """Which build `build_dir` holds now: inode and mtime (ns) of its report.json; None if absent.

    report.json rather than the directory itself: every build writes a new file
    (a new inode with a new mtime) into the directory it then swaps in, while the
    directory's own mtime also changes when the server writes a cache into it
    (kgraph.analysis.index writes analysis-index.pickle there). Inode and mtime
    together, because an inode freed by deleting the old build can be reused.
    None while the swap is half done (the old directory renamed away, the new
    one not yet in), or for a store directory without a report: nothing to load.
    """
    try:
        st = os.stat(Path(build_dir) / settings.REPORT_FILE)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def load_build(build_dir: Path, sources_dir: Path | None = None) -> tuple[object, Site]:
    """The store and the Site (label caches, search index) of a build.

    The build path (a symlink to `build.<id>`, kgraph.buildswap) is resolved once, so
    everything loaded, and every query worker started later, reads the same build."""
    build_dir = Path(build_dir).resolve()
    store = open_store(build_dir)
    return store, Site(store, build_dir, sources_dir)


def warm_up(site: Site) -> None:
    """Build what the first graph view and the first overlap check would otherwise wait
    for (the adjacency, ~0.3 s; the checker's import and index, seconds) before anyone asks."""
    graphindex.adjacency(site)
    overlaps.warm_up(site)


def check(app) -> None:
    """Called on every request: cheap (a clock read; one stat() a second)."""
    reloader = getattr(app.state, "reloader", None)
    if reloader is not None:
        reloader.check(app)


class Reloader:
    def __init__(
        self,
        build_dir: Path,
        sources_dir: Path | None,
        served: tuple[int, int] | None,
        enabled: bool = True,
        warm: bool = True,
    ):
        self.build_dir = Path(build_dir)
        self.sources_dir = sources_dir
        self.served = served  # identity of the build in app.state now
        self.enabled = enabled
        self.warm = warm
        self.failed: tuple[int, int] | None = None  # a build that did not load: not retried
        self.error: str | None = None
        self.reloads = 0
        self._next = 0.0  # monotonic time of the next look
        self._busy = threading.Lock()  # held while a reload runs: one at a time
        # The build served is pinned: later builds do not delete it while it is served.
        self._pin = buildswap.pin(Path(build_dir).resolve()) if served is not None else None

    def check(self, app) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now < self._next:
            return
        self._next = now + INTERVAL
        found = identity(self.build_dir)
        if found is None or found in (self.served, self.failed):
            return
        if not self._busy.acquire(blocking=False):
            return  # a reload is under way; the next look after it sees what remains to do
        threading.Thread(target=self._reload, args=(app, found), daemon=True, name="kgraph-reload").start()

    def _reload(self, app, found: tuple[int, int]) -> None:
        try:
            try:
                store, site = load_build(self.build_dir, self.sources_dir)
                if self.warm:
                    warm_up(site)
            except Exception as exc:  # noqa: BLE001 - half-written or broken build: keep serving the old one
                self.failed = found
                self.error = f"{type(exc).__name__}: {exc}"
                log.warning(
                    "the new build in %s did not load; still serving the previous one: %s", self.build_dir, self.error
                )
                return
            if identity(self.build_dir) != found:
                return  # replaced again while loading: parts may come from two builds; the next look reloads
            self._swap(app, store, site)
            old_pin, self._pin = self._pin, buildswap.pin(site.build_dir)
            if old_pin is not None:
                old_pin.close()
            self.served, self.failed, self.error = found, None, None
            self.reloads += 1
            log.info("now serving the new build in %s", self.build_dir)
        finally:
            self._busy.release()

    def _swap(self, app, store, site: Site) -> None:
        # Under the endpoint's creation lock: an endpoint being created over the old store
        # cannot be stored after this, and the next one is made over the new store.
        with web_sparql._lock:
            old = getattr(app.state, "sparql", None)
            app.state.store, app.state.site, app.state.sparql = store, site, None
        if old is not None:
            # A request may hold the old endpoint: the /sparql route takes it just before
            # running the query, which ends within a worker wait and the query timeout, plus a
            # fresh worker's start-up (up to 30 s). Close the old workers after that.
            timer = threading.Timer(close_delay(old), old.close)
            timer.daemon = True
            timer.start()

    def status(self) -> dict:
        """What /health says about the build served and reloading."""
        built = None
        if self.served is not None:
            built = dt.datetime.fromtimestamp(self.served[1] / 1e9, dt.UTC).isoformat(timespec="seconds")
        return {
            "build": {"built": built, "id": "-".join(map(str, self.served)) if self.served else None},
            "reload": {"enabled": self.enabled, "reloads": self.reloads, "error": self.error},
        }


def close_delay(endpoint) -> float:
    """Seconds after which no request can still be running on an endpoint taken before a swap."""
    return 2 * endpoint.limits.timeout + 30
