"""Settings: every environment variable, and where things are on disk.

* `Settings` declares each `KGRAPH_*` environment variable once: its field
  name (the variable is `KGRAPH_` + the field name in capitals), its default
  and its meaning. `current()` reads them when it is called, never at import,
  so a test or a caller that changes the environment is seen; a value that is
  not valid is a one-line `KgraphError` naming the variable. README.md's
  settings table is checked against `VARIABLES` (tests/test_settings.py).
* The names of the files in a build directory (`GRAPH_FILE`, `STORE_DIR` …).
* Where the input data is looked for: `DEFAULT_CATALOG` (relative to the
  working directory), and beside the catalog its `sources/` and
  `registry.yaml` (`kgraph.catalog.sources_dir` / `registry_path`). Nothing
  is found through the package's own location.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from kgraph.errors import KgraphError

PREFIX = "KGRAPH_"

# --- files in a build directory ------------------------------------------------------

GRAPH_FILE = "graph.nq"  # N-Quads dump of every named graph
STORE_DIR = "store"  # Oxigraph on-disk store (a directory)
REPORT_FILE = "report.json"  # the build report; a new file per build (kgraph.web.reload watches it)
SEARCH_INDEX_FILE = "search.sqlite"  # full-text search index (kgraph.search)
OVERLAP_INDEX_FILE = "analysis-index.pickle"  # drafter-check similarity index (kgraph.analysis.index)
SOURCE_TEXTS_DIR = "sources"  # the texts provenance offsets count in, one <doc id>.txt each (/source/{doc})

# --- input data -------------------------------------------------------------------------

DEFAULT_CATALOG = Path("data") / "catalog.yaml"  # relative to the working directory
SOURCES_DIR = "sources"  # beside the catalog: the source texts
REGISTRY_FILE = "registry.yaml"  # beside the catalog: the institution registry
GOLDEN_DIR = Path("tests") / "golden"  # relative to the working directory (kgraph eval)


# --- environment ------------------------------------------------------------------------


def _var(parse: Callable[[str], object], meaning: str, shown: str | None = None) -> dict:
    """Field metadata: how to read the variable, what it means, how README shows its default."""
    return {"parse": parse, "meaning": meaning, "shown": shown}


def _workers() -> int:
    return max(2, min(4, os.cpu_count() or 2))


def _flag(value: str) -> bool:
    return value != "0"


@dataclass(frozen=True)
class Settings:
    """The environment's settings; each field is the variable `KGRAPH_<FIELD>`."""

    build: Path = field(
        default=Path("build"),
        metadata=_var(
            Path, "build directory that commands read and `kgraph build` writes (same as `--build` / `--out`)"
        ),
    )
    query_timeout: float = field(
        default=10.0,
        metadata=_var(
            float, "seconds after which the SPARQL endpoint stops a query (its worker process is killed)", "`10`"
        ),
    )
    max_rows: int = field(default=10_000, metadata=_var(int, "result rows the SPARQL endpoint returns at most"))
    max_get: int = field(
        default=8192,
        metadata=_var(int, "longest query string accepted by GET on `/sparql` (414 beyond; POST has no limit)"),
    )
    query_workers: int = field(
        default_factory=_workers, metadata=_var(int, "worker processes that run endpoint queries", "2–4")
    )
    query_memory_mb: float = field(
        default=512.0,
        metadata=_var(
            float,
            "memory a query may add to its worker process beyond the loaded store (address-space limit); "
            "a query that needs more gets 503 (`0`: no limit)",
            "`512`",
        ),
    )
    client_queries: int = field(
        default=2,
        metadata=_var(
            int,
            "queries one client (peer address) may have running or waiting on `/sparql`; more get 503 with Retry-After",
        ),
    )
    query_queue: int = field(
        default=32,
        metadata=_var(
            int,
            "queries that may wait for a worker; beyond, 503 with Retry-After (a lighter client takes the place "
            "of the heaviest waiting one)",
        ),
    )
    query_preempt: float = field(
        default=1.0,
        metadata=_var(
            float,
            "seconds after which a query of a client that used more worker time lately is stopped (503, "
            "Retry-After) when another client's query waits and every worker is busy",
            "`1`",
        ),
    )
    query_cache_mb: float = field(
        default=64.0,
        metadata=_var(
            float,
            "answers of the SPARQL endpoint kept in memory per build (a build never changes): the same query "
            "again is answered without a worker; answers that read the clock kept 60 s (`0`: none)",
            "`64`",
        ),
    )
    store_gsp: str | None = field(
        default=None,
        metadata=_var(str, "Graph Store Protocol URL used to load a remote store", "derived from the store URL"),
    )
    store: str | None = field(
        default=None,
        metadata=_var(
            str,
            "store to query: a build or store directory, `memory`, or a SPARQL endpoint URL (same as `--store`)",
            "the build's Oxigraph store",
        ),
    )
    memory_load_mb: float = field(
        default=64.0,
        metadata=_var(
            float,
            "a build whose `graph.nq` is at most this big is queried from memory (7–25× faster than the "
            "on-disk store); larger builds are read from `build/store`",
            "`64`",
        ),
    )
    reload: bool = field(
        default=True,
        metadata=_var(
            _flag,
            "`kgraph serve` switches to a new build when `kgraph build` replaces the build directory "
            "(loaded in the background); `0` keeps the build it started with",
            "`1`",
        ),
    )

    cache: Path | None = field(
        default=None,
        metadata=_var(
            Path,
            "where `kgraph build` keeps what each document's stages produced, under the hash of their input "
            "(`--cache`; a rebuild redoes only changed documents)",
            "beside the build: `<build>.cache`",
        ),
    )

    findings_limit: int = field(
        default=8000,
        metadata=_var(
            int,
            "competences and tasks beyond which `kgraph build` skips the overlap findings (their similarity "
            "matrices grow with the square of the count: 8,000 take about 3 GB); the build report says so",
        ),
    )

    @property
    def memory_load_bytes(self) -> int:
        return int(self.memory_load_mb * 1_000_000)


@dataclass(frozen=True)
class Variable:
    """One environment variable, as README.md's settings table lists it."""

    name: str
    field: str
    default: str  # as README shows it
    meaning: str


_FIELDS = {f.name: f for f in fields(Settings)}
_EXPECTED = {float: "a number", int: "a whole number"}


def env(field_name: str) -> str:
    """The environment variable of a Settings field: env("store") -> "KGRAPH_STORE"."""
    if field_name not in _FIELDS:
        raise KeyError(f"no setting {field_name!r}; known: {', '.join(_FIELDS)}")
    return PREFIX + field_name.upper()


def current(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings now: each variable that is set and not blank, else its default."""
    environ = os.environ if environ is None else environ
    values = {}
    for name, f in _FIELDS.items():
        raw = environ.get(env(name), "").strip()
        if not raw:
            continue
        parse = f.metadata["parse"]
        try:
            values[name] = parse(raw)
        except ValueError:
            raise KgraphError(f"{env(name)}={raw!r} is not {_EXPECTED.get(parse, 'valid')}") from None
    return Settings(**values)


DEFAULTS = Settings()


def cache_dir(build: Path, given: Path | str | bool | None = None) -> Path:
    """The build cache of `build`: `given` (a path), else KGRAPH_CACHE, else `<build>.cache` beside it."""
    if given not in (None, True, False, ""):
        return Path(given)
    configured = current().cache
    if configured is not None:
        return configured
    build = Path(build).absolute()
    return build.parent / f"{build.name}.cache"


def trusted_proxies(environ: Mapping[str, str] | None = None) -> str | None:
    """uvicorn's FORWARDED_ALLOW_IPS: the proxies whose X-Forwarded-For names the client
    (`kgraph serve`); None when unset: the peer address is the client, and a client cannot
    claim another address to get past the per-client query limits."""
    environ = os.environ if environ is None else environ
    return environ.get("FORWARDED_ALLOW_IPS", "").strip() or None


VARIABLES: tuple[Variable, ...] = tuple(
    Variable(env(name), name, f.metadata["shown"] or f"`{f.default}`", f.metadata["meaning"])
    for name, f in _FIELDS.items()
)

__all__ = [
    "DEFAULTS",
    "DEFAULT_CATALOG",
    "GOLDEN_DIR",
    "GRAPH_FILE",
    "OVERLAP_INDEX_FILE",
    "REGISTRY_FILE",
    "REPORT_FILE",
    "SEARCH_INDEX_FILE",
    "SOURCES_DIR",
    "SOURCE_TEXTS_DIR",
    "STORE_DIR",
    "VARIABLES",
    "Settings",
    "Variable",
    "cache_dir",
    "current",
    "env",
    "trusted_proxies",
]
