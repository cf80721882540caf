"""Stores behind one small interface that takes SPARQL strings.

The embedded default is Oxigraph: on disk under the build directory for the
server and the CLI, in memory for tests and batch work.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator, Protocol

import pyoxigraph as ox

from kgraph.errors import KgraphError, QueryError
from kgraph.vocab import PREFIXES

DEFAULT_BUILD = Path(os.environ.get("KGRAPH_BUILD", "build"))


class Store(Protocol):
    def query(self, sparql: str, bindings: dict[str, object] | None = None): ...
    def load_nquads(self, data: bytes) -> None: ...
    def __len__(self) -> int: ...


class OxigraphStore:
    """pyoxigraph's Store used directly (no rdflib layer in the hot path)."""

    def __init__(self, path: Path | None = None, read_only: bool = False):
        self.path = path
        if path is None:
            self._store = ox.Store()
        elif read_only:
            self._store = ox.Store.read_only(str(path))
        else:
            self._store = ox.Store(str(path))

    def query(self, sparql: str, bindings: dict[str, object] | None = None):
        subs = {ox.Variable(k): to_term(v) for k, v in (bindings or {}).items()}
        try:
            return self._store.query(sparql, prefixes=PREFIXES, substitutions=subs or None,
                                     use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"malformed query: {exc}") from None

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


def to_term(value: object) -> ox.NamedNode | ox.Literal:
    """A typed RDF term for a parameter value: IRIs stay IRIs, the rest literals."""
    import datetime as dt

    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    text = str(value)
    if text.startswith(("http://", "https://", "urn:")):
        return ox.NamedNode(text)
    return ox.Literal(text)


def open_store(spec: str | Path | None = None, read_only: bool = True) -> OxigraphStore:
    """Open the store a user names: a build directory, a store directory, or 'memory'."""
    if spec == "memory":
        return OxigraphStore()
    path = Path(spec) if spec else DEFAULT_BUILD
    if (path / "store").is_dir():
        path = path / "store"
    if not path.is_dir():
        raise KgraphError(f"{path}: no graph store here; run `kgraph build` first")
    return OxigraphStore(path, read_only=read_only)
