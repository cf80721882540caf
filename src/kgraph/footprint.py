"""What a set of SPARQL queries can read of a graph, and a digest of just that.

Overlap detection (kgraph.analysis) reads the graph only through internal named
queries (`queries.internal("name")`). Those queries name their predicates (a VALUES
list of predicates counts as naming them): their answers depend only on the triples
whose predicate they name. So a digest of those triples, in every part of a build's
graph, changes whenever the answers may; a build whose digest is the one of an
earlier build can take that build's findings without running a single query
(kgraph.assemble). Where the footprint cannot be known (a query named by a
variable, a predicate that is a free variable, a negated property path) there is none
(`None`) and the caller runs the queries.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef, Variable
from rdflib.paths import NegatedPath
from rdflib.paths import Path as RdfPath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from kgraph import queries

CALL = re.compile(r"queries\.internal\(([^)]*)\)")
NAME = re.compile(r"\s*[\"'](\w+)[\"']\s*")


class _Unknown(Exception):
    pass


def query_names(sources: Iterable[Path]) -> frozenset[str] | None:
    """The internal queries that Python `sources` run, or None if one is named by a variable."""
    names = set()
    for path in sources:
        for arg in CALL.findall(path.read_text(encoding="utf-8")):
            m = NAME.fullmatch(arg)
            if m is None:
                return None
            names.add(m.group(1))
    return frozenset(names)


def predicates(texts: Iterable[str]) -> frozenset[str] | None:
    """Every IRI the SPARQL `texts` name (a superset of the predicates they read), or None
    when a query may read triples of any predicate."""
    out: set[str] = set()
    try:
        for text in texts:
            free: set[Variable] = set()
            listed: set[Variable] = set()
            _walk(prepareQuery(text).algebra, out, free, listed, set())
            if free - listed:
                return None
    except _Unknown:
        return None
    return frozenset(out)


def _walk(node, iris: set[str], free: set, listed: set, seen: set) -> None:
    if isinstance(node, URIRef):
        iris.add(str(node))
        return
    if isinstance(node, NegatedPath):
        raise _Unknown  # reads every predicate but some
    if isinstance(node, str | int | float | bool) or node is None:
        return
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, CompValue):
        if node.name == "BGP":
            free.update(p for _, p, _ in node.get("triples", ()) if isinstance(p, Variable))
        if node.name == "values" or (node.name == "ToMultiSet" and isinstance(node.get("p"), CompValue)):
            for row in node.get("res") or ():
                listed.update(k for k in row if isinstance(k, Variable))
        children = list(node.values())
    elif isinstance(node, dict):
        listed.update(k for k in node if isinstance(k, Variable))
        children = list(node.values())
    elif isinstance(node, list | tuple | set | frozenset):
        children = list(node)
    elif isinstance(node, RdfPath):
        children = list(vars(node).values())
    else:
        return
    for child in children:
        _walk(child, iris, free, listed, seen)


@lru_cache(maxsize=1)
def overlap_predicates() -> frozenset[str] | None:
    """The footprint of overlap detection: the IRIs its internal queries name."""
    import kgraph.analysis as analysis_pkg
    from kgraph.rdf import findings

    sources = [*Path(analysis_pkg.__file__).parent.rglob("*.py"), Path(findings.__file__)]
    names = query_names(sources)
    if names is None:
        return None
    return predicates(queries.internal(n).sparql for n in sorted(names))


def digest(nquads: bytes, footprint: frozenset[str]) -> str:
    """A digest of the triples of `nquads` whose predicate is in `footprint` (graph names and
    order aside: the queries read the union of the graphs)."""
    lines = sorted(
        str(q.triple).encode("utf-8")
        for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
        if q.predicate.value in footprint
    )
    h = hashlib.sha256()
    for line in lines:
        h.update(line)
        h.update(b"\n")
    return h.hexdigest()


__all__ = ["digest", "overlap_predicates", "predicates", "query_names"]
