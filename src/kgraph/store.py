"""Stores behind one small interface that takes SPARQL strings.

* `OxigraphStore`: pyoxigraph's `Store` used directly — on disk under the build
  directory for the server and the CLI, in memory for tests and batch work.
* `RemoteStore`: any SPARQL 1.1 endpoint given by URL — queries by the SPARQL
  Protocol, loading by the Graph Store Protocol — so the same CLI and server
  work against Oxigraph server, Fuseki, GraphDB, Virtuoso, QLever or Neptune.

Both return a `kgraph.results.Result`. Queries see the union of the named
graphs as their default graph (a remote endpoint must be configured so, e.g.
`oxigraph serve --union-default-graph`), and the common prefixes (kg:, eli:,
org: ...) are predeclared. Parameters are bound as a VALUES block of typed
terms (`kgraph.sparql_syntax.bind`), the same on every store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Protocol
from urllib.parse import urlencode

import pyoxigraph as ox

from kgraph import queries, settings
from kgraph.errors import KgraphError, QueryError
from kgraph.iri import PREFIXES
from kgraph.results import Result
from kgraph.sparql_syntax import analyze, bind

XSD = "http://www.w3.org/2001/XMLSchema#"
Graphs = Iterable[str] | None


class Store(Protocol):
    def query(
        self,
        sparql: str,
        bindings: Mapping[str, object] | None = None,
        *,
        default_graph: Graphs = None,
        named_graphs: Graphs = None,
    ) -> Result: ...
    def load_nquads(self, data: bytes) -> None: ...
    def __len__(self) -> int: ...


class OxigraphStore:
    """pyoxigraph's Store used directly (no rdflib layer in the hot path)."""

    def __init__(self, path: Path | None = None, read_only: bool = False, prefixes: Mapping[str, str] | None = None):
        self.path = path  # on-disk store directory, None in memory
        self.source: Path | None = None  # N-Quads file an in-memory store was loaded from
        self.prefixes = dict(prefixes) if prefixes is not None else default_prefixes()
        if path is None:
            self._store = ox.Store()
        elif read_only:
            self._store = ox.Store.read_only(str(path))
        else:
            self._store = ox.Store(str(path))

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, object] | None = None,
        *,
        default_graph: Graphs = None,
        named_graphs: Graphs = None,
    ) -> Result:
        if bindings:
            sparql = bind(sparql, to_terms(bindings))
        kwargs = {}
        if default_graph:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return Result(self._store.query(sparql, prefixes=self.prefixes, **kwargs))
        except SyntaxError as exc:
            raise QueryError(f"malformed query: {exc}") from None

    @classmethod
    def from_nquads(cls, path: Path, prefixes: Mapping[str, str] | None = None) -> OxigraphStore:
        """An in-memory store holding an N-Quads file (e.g. build/graph.nq)."""
        store = cls(prefixes=prefixes)
        store.load_file(path)
        store.source = Path(path)
        return store

    def load_nquads(self, data: bytes) -> None:
        self._store.bulk_load(data, ox.RdfFormat.N_QUADS)

    def load_file(self, path: Path) -> None:
        self._store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._store)

    def flush(self) -> None:
        self._store.flush()

    def __len__(self) -> int:
        return len(self._store)

    @property
    def raw(self) -> ox.Store:
        return self._store


class RemoteStore:
    """A SPARQL 1.1 endpoint: `url` answers queries, `graph_store_url` takes loads (GSP).

    The Graph Store Protocol URL defaults to Oxigraph server's layout
    (`.../query` -> `.../store`); give it for other servers (Fuseki: `/ds/data`),
    or set KGRAPH_STORE_GSP.
    """

    ACCEPT = (
        "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
        "application/sparql-results+xml;q=0.5"
    )

    ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"

    def __init__(self, url: str, graph_store_url: str | None = None, timeout: float | None = None, client=None):
        import httpx  # heavy (0.2 s): kept out of the query workers' start-up, which import this module

        env = settings.current()
        self.url = url
        self.path = None
        self.graph_store_url = graph_store_url or env.store_gsp or _default_gsp(url)
        if timeout is None:
            timeout = env.query_timeout + 5
        self._client = client or httpx.Client(timeout=httpx.Timeout(timeout, connect=5.0))
        # All prefix declarations on one line: the parser's line numbers stay those of the query.
        self._prologue = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in default_prefixes().items()) + " "

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, object] | None = None,
        *,
        default_graph: Graphs = None,
        named_graphs: Graphs = None,
    ) -> Result:
        import httpx  # heavy: see __init__

        if bindings:
            sparql = bind(sparql, to_terms(bindings))
        form = [("query", self._prologue + sparql)]
        form += [("default-graph-uri", g) for g in default_graph or ()]
        form += [("named-graph-uri", g) for g in named_graphs or ()]
        try:
            resp = self._client.post(
                self.url,
                content=urlencode(form),
                headers={"Accept": self._accept(sparql), "Content-Type": "application/x-www-form-urlencoded"},
            )
        except httpx.TimeoutException:
            raise KgraphError(f"{self.url}: no answer within {self._client.timeout.read} s") from None
        except httpx.HTTPError as exc:
            raise KgraphError(f"{self.url}: {exc}") from None
        if resp.status_code == 400:
            raise QueryError(f"malformed query: {resp.text.strip()}")
        if resp.status_code != 200:
            raise KgraphError(f"{self.url}: HTTP {resp.status_code}: {resp.text.strip()[:500]}")
        media = resp.headers.get("content-type", "").split(";")[0].strip().lower()
        if media in _RESULT_MEDIA:
            return _ask_answer(Result(ox.parse_query_results(resp.content, _RESULT_MEDIA[media])))
        if media in _RDF_MEDIA:
            return Result([q.triple for q in ox.parse(resp.content, format=_RDF_MEDIA[media])], "graph")
        raise KgraphError(f"{self.url}: unexpected result type {media!r}")

    def _accept(self, sparql: str) -> str:
        """The result types to ask for: RDF for CONSTRUCT and DESCRIBE (Virtuoso would
        otherwise answer them as a table of subjects, predicates and objects)."""
        return self.ACCEPT_GRAPH if analyze(sparql).kind == "graph" else self.ACCEPT

    def load_nquads(self, data: bytes) -> None:
        """Replace each graph the data names with its triples (GSP PUT, one request per graph)."""
        by_graph: dict[str, list[ox.Triple]] = {}
        for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            key = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
            by_graph.setdefault(key, []).append(q.triple)
        for graph, triples in by_graph.items():
            params = {"graph": graph} if graph else {"default": ""}
            resp = self._client.put(
                self.graph_store_url,
                params=params,
                content=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                headers={"Content-Type": "application/n-triples"},
            )
            if resp.status_code not in (200, 201, 204):
                raise KgraphError(
                    f"{self.graph_store_url}: loading {graph or 'default graph'} failed: "
                    f"HTTP {resp.status_code}: {resp.text.strip()[:300]}"
                )

    def load_file(self, path: Path) -> None:
        self.load_nquads(Path(path).read_bytes())

    def __len__(self) -> int:
        """The quads in kgraph's named graphs (a server's own graphs, such as Virtuoso's
        system graphs, are not counted: queries/internal/triple_count.rq)."""
        result = queries.run(queries.internal("triple_count"), self)
        return int(next(iter(result))[0].value)

    def close(self) -> None:
        self._client.close()


_RESULT_MEDIA = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_RDF_MEDIA = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def _ask_answer(result: Result) -> Result:
    """Virtuoso answers ASK with one row of one variable, __ASK_RETVAL (1 or 0): a boolean result."""
    if result.kind != "select" or result.variables != ["__ASK_RETVAL"]:
        return result
    rows = list(result.raw)
    answer = bool(rows) and rows[0][0] is not None and rows[0][0].value not in ("0", "false")
    return Result(
        ox.parse_query_results(
            b'{"head": {}, "boolean": %s}' % (b"true" if answer else b"false"), ox.QueryResultsFormat.JSON
        )
    )


def default_prefixes() -> dict[str, str]:
    """The prefixes every query may use undeclared (kg:, eli:, org:, skos: ...)."""
    return dict(PREFIXES)


def _default_gsp(url: str) -> str:
    base, _, last = url.rstrip("/").rpartition("/")
    return f"{base}/store" if last in {"query", "sparql"} else url


def is_url(spec: object) -> bool:
    return isinstance(spec, str) and spec.startswith(("http://", "https://"))


def to_terms(bindings: Mapping[str, object]) -> dict[str, object]:
    """Typed terms for parameter values; a list of values stays a list (one VALUES row each)."""
    return {k: [to_term(x) for x in v] if isinstance(v, (list, tuple)) else to_term(v) for k, v in bindings.items()}


def to_term(value: object) -> ox.NamedNode | ox.Literal:
    """A typed RDF term for a parameter value: IRIs stay IRIs, the rest literals."""
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    text = str(value)
    if text.startswith(("http://", "https://", "urn:")):
        try:
            return ox.NamedNode(text)
        except ValueError as exc:
            raise QueryError(f"not an IRI: {text!r} ({exc})") from None
    return ox.Literal(text)


def open_store(spec: str | Path | None = None, read_only: bool = True) -> OxigraphStore | RemoteStore:
    """The store a user names: a SPARQL endpoint URL, a build directory, a store directory or 'memory'.

    Without a spec: KGRAPH_STORE if set, else the build directory. A build directory
    opened read-only is loaded into memory when its N-Quads dump is at most
    KGRAPH_MEMORY_LOAD_MB (default 64) megabytes; larger builds are read from disk.
    """
    env = settings.current()
    spec = spec if spec not in (None, "") else (env.store or env.build)
    if is_url(spec):
        return RemoteStore(spec)
    if spec == "memory":
        return OxigraphStore()
    path = Path(spec)
    dump = path / settings.GRAPH_FILE
    # pyoxigraph's in-memory store answers our queries 7-25x faster than its on-disk (RocksDB)
    # store, and loads ~1M triples in ~3 s.
    if read_only and dump.is_file() and dump.stat().st_size <= env.memory_load_bytes:
        return OxigraphStore.from_nquads(dump)
    if (path / settings.STORE_DIR).is_dir():
        path = path / settings.STORE_DIR
    if not path.is_dir():
        raise KgraphError(f"{path}: no graph store here; run `kgraph build` first")
    return OxigraphStore(path, read_only=read_only)
