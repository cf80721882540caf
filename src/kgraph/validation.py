"""SHACL validation per document graph, plus the cross-document checks once.

Validating the whole graph at once (pySHACL over rdflib) costs seconds per build
and grows with the corpus. The shapes (ontology/shapes.ttl) look one step from a
focus node: its own properties, and the types and properties of the nodes they
point at (`sh:class`, `sh:qualifiedValueShape`); no `sh:node`, inverse or
sequence paths (tests/test_validation.py keeps it so). So a node can be checked
on the graph of the document that states it, when

* the node is stated (is a subject) in that unit only, and
* every node it points at along a property whose values a shape reads
  (`value_paths`) is stated in that unit or in the registry only (the registry's
  statements about them come along as context).

A *unit* is the graphs of one group of documents written together
(kgraph.pipeline), or the registry graph. `validate_unit` checks a unit (cached
with it) and records, for the cross-document pass, what it states and what it
points at outside itself. `cross` then re-checks on the merged graph, once, the
nodes for which a unit's answer may not hold: nodes stated in two units (an act
cited by several documents), nodes pointing at nodes another document states,
the nodes a unit found violations on (a missing type may be stated elsewhere),
and everything in the corpus-wide graphs (overlap findings, act links), each with
what is stated about the nodes it points at along the properties whose values a
shape reads (`value_paths`: kg:sourceSpan, kg:deadline, kg:hasAssignment). The
violations of the whole graph are the units' violations on the other nodes plus
the cross pass's (tests/test_validation.py compares both with `whole`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.plugins.stores.memory import SimpleMemory

from kgraph import iri
from kgraph.vocab import PREFIXES, ontology_graph, shapes_graph


@dataclass
class UnitResult:
    """One unit's SHACL results and what the cross pass needs to know of it."""

    violations: list[tuple[str, str]] = field(default_factory=list)  # (focus node, message line)
    subjects: frozenset[str] = frozenset()
    external: dict[str, frozenset[str]] = field(default_factory=dict)  # subject -> value IRIs outside the unit


class _ReadOnlyStore(SimpleMemory):
    """rdflib's plain triple index (no per-triple graph bookkeeping, a third faster to look up
    in than its default store) for one graph that is filled once and then only read and
    added to: the shapes, which pySHACL asks about for every focus node. It says it is context- and
    graph-aware (pySHACL wraps the graphs it is given in a Dataset) and counts its triples
    (SimpleMemory counts them by iterating, and pySHACL asks for the length per result)."""

    context_aware = True
    graph_aware = True

    def __init__(self, triples=(), namespaces=()) -> None:
        super().__init__()
        self._len = 0
        for t in triples:
            self.add(t)
        for prefix, ns in namespaces:
            self.bind(prefix, ns)

    def add(self, triple, context=None, quoted=False) -> None:
        """(pySHACL adds its few system triples to the shapes on every run: once is enough)"""
        for _ in self.triples(triple):
            return
        super().add(triple, context, quoted)
        self._len += 1

    def remove(self, triple, context=None) -> None:
        raise TypeError("read-only store")

    def __len__(self, context=None) -> int:
        return self._len

    def contexts(self, triple=None):
        return iter(())

    def add_graph(self, graph) -> None:
        pass

    def remove_graph(self, graph) -> None:
        pass


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    shapes = shapes_graph()
    return Graph(store=_ReadOnlyStore(shapes, shapes.namespaces()), identifier=shapes.identifier)


@lru_cache(maxsize=1)
def class_tree() -> tuple:
    """The class tree as plain subClassOf triples: pySHACL's own ontology mix-in clones
    the ontology node by node and takes minutes."""
    return tuple(ontology_graph().triples((None, RDFS.subClassOf, None)))


def run_shacl(data: Graph) -> list[tuple[str, str]]:
    """(focus node, message line) of every violation of the shapes in `data`."""
    import pyshacl  # heavy (0.3 s): only validation needs it

    _fast_parameters()
    for t in class_tree():
        data.add(t)
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=_shapes(), inference="none", abort_on_first=False, allow_warnings=True
    )
    return [] if conforms else messages(results)


class _Parameters(list):
    """pySHACL's list of constraint parameters, with a set's membership test: for every focus
    node and shape pySHACL asks which of the shape's predicates are parameters (`p in list`,
    one rdflib `__eq__` per parameter), a quarter of its time on our graphs. Same members,
    same order: only the lookup changes."""

    def __init__(self, items) -> None:
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item) -> bool:
        return item in self._members


@lru_cache(maxsize=1)
def _fast_parameters() -> None:
    """Give pySHACL's shape evaluation `_Parameters` (it keeps the list it looks parameters up in
    as `pyshacl.shape.CONSTRAINT_PARAMS` once made); left as it is if that ever changes."""
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    if getattr(shape, "CONSTRAINT_PARAMS", None) in (None, (ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP)):
        shape.CONSTRAINT_PARAMS = (_Parameters(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)


def messages(results: Graph) -> list[tuple[str, str]]:
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(r, SH.resultSeverity)
        if severity is not None and not str(severity).endswith("Violation"):
            continue
        focus = results.value(r, SH.focusNode)
        message = results.value(r, SH.resultMessage)
        path = results.value(r, SH.resultPath)
        out.append((str(focus), f"{focus}: {message}" + (f" ({short(str(path))})" if path is not None else "")))
    return sorted(out)


def short(uri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if uri.startswith(ns):
            return f"{prefix}:{uri[len(ns) :]}"
    return uri


def whole(graphs: Iterable[Graph]) -> list[str]:
    """The violations of the union of `graphs` validated at once (`kgraph validate`)."""
    data = Graph()
    for g in graphs:
        if str(g.identifier) != iri.ONTOLOGY_GRAPH:
            data += g
    return sorted(line for _, line in run_shacl(data))


def validate_unit(graphs: list[Graph], context: Graph | None = None, consume: bool = False) -> UnitResult:
    """Check a unit's graphs; `context` (the registry graph) lends what it states about
    the nodes the unit points at. `consume`: the caller is done with `graphs`, so they are
    checked in place, in the first one (the others and the context added to it), instead
    of in a copy (copying into an rdflib graph costs as much as a third of the check)."""
    if consume and graphs:
        data = graphs[0]
        for g in graphs[1:]:
            data += g
    else:
        data = Graph()
        for g in graphs:
            data += g
    subjects = set(data.subjects())
    names = {str(s) for s in subjects}  # blank nodes too: they never leave their unit
    external: dict[str, set[str]] = {}
    follow = value_paths()
    for s, p, o in data:
        if str(p) in follow and isinstance(o, URIRef) and o not in subjects and isinstance(s, URIRef):
            external.setdefault(str(s), set()).add(str(o))
    if context is not None:
        for o in {o for targets in external.values() for o in targets}:
            for t in context.triples((URIRef(o), None, None)):
                data.add(t)
    found = [(f, line) for f, line in run_shacl(data) if f in names]
    return UnitResult(found, frozenset(n for n in names if _is_iri(n)), {s: frozenset(t) for s, t in external.items()})


def recheck(units: list[UnitResult], registry: UnitResult, corpus_subjects: Iterable[str]) -> set[str]:
    """The nodes whose unit answer may not hold (see the module docstring); `corpus_subjects`
    are the subjects of the corpus-wide graphs (findings, links)."""
    where: dict[str, int] = {}  # node -> the first unit stating it (0: the registry)
    again: set[str] = set(corpus_subjects)
    everyone = [registry, *units]
    for n, unit in enumerate(everyone):
        for s in unit.subjects:
            if where.setdefault(s, n) != n:
                again.add(s)  # stated in two units
        again.update(f for f, _ in unit.violations if _is_iri(f))
    for unit in everyone:
        for s, targets in unit.external.items():
            if s not in again and any(where.get(t, 0) != 0 or t in again for t in targets):
                again.add(s)  # points at a node another document states
    return again


def _is_iri(node: str) -> bool:
    return node.startswith(("http://", "https://", "urn:"))


CHUNK = 2000  # nodes re-checked per job of the cross pass


def cross(
    units: list[UnitResult],
    registry: UnitResult,
    store: ox.Store,
    corpus_subjects: Iterable[str],
    executor=None,
    verdicts: dict | None = None,
    previous: dict | None = None,
    changed: set[str] | None = None,
) -> list[str]:
    """The violations of the whole graph held in `store` (every named graph but the ontology's),
    from the units' results and one pass over the nodes `recheck` names. A node's verdict
    depends on its neighbourhood only: `verdicts` (neighbourhood hash -> lines, kept by the
    caller between builds) answers for unchanged ones, and is updated to this build's.
    `previous` (node -> its neighbourhood hash and the nodes the neighbourhood is about, as
    the last build found them; updated to this build's) spares reading the neighbourhood of a
    node none of whose nodes is in `changed` (the subjects whose statements may differ from
    that build's; None: any may). The others are checked in jobs of `CHUNK` nodes at most,
    one per worker at least, on `executor` (kgraph.parallel) when given."""
    again = recheck(units, registry, corpus_subjects)
    lines = [line for unit in [registry, *units] for f, line in unit.violations if f not in again]
    verdicts = {} if verdicts is None else verdicts
    known = dict(verdicts)
    verdicts.clear()
    before = {} if previous is None or changed is None else dict(previous)
    now: dict[str, tuple] = {}
    todo: list[tuple[str, str, set]] = []
    for node in sorted(again):
        old = before.get(node)
        if old is not None and old[1] is not None and old[0] in known and old[1].isdisjoint(changed):
            now[node] = old
            verdicts[old[0]] = known[old[0]]
            lines += known[old[0]]
            continue
        triples, about = _neighbourhood(store, node)
        key = hashlib.sha256(ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)).hexdigest()
        now[node] = (key, about)
        if key in known:
            verdicts[key] = known[key]
            lines += known[key]
        else:
            todo.append((node, key, triples))
    if previous is not None:
        previous.clear()
        previous.update(now)
    jobs = []
    # at most CHUNK nodes a job, and at least one job per worker process (kgraph.parallel.Processes)
    size = max(1, min(CHUNK, -(-len(todo) // max(1, getattr(executor, "jobs", 1)))))
    for i in range(0, len(todo), size):
        chunk = todo[i : i + size]
        data = set().union(*(t for _, _, t in chunk))
        jobs.append((ox.serialize(data, format=ox.RdfFormat.N_TRIPLES), tuple(n for n, _, _ in chunk)))
    results = executor.map(check_chunk, jobs) if executor is not None and len(jobs) > 1 else map(check_chunk, jobs)
    found: dict[str, list[str]] = {}
    for pairs in results:
        for f, line in pairs:
            found.setdefault(f, []).append(line)
    for node, key, _ in todo:
        verdicts[key] = found.get(node, [])
        lines += verdicts[key]
    return sorted(lines)


def _neighbourhood(store: ox.Store, node: str) -> tuple[set[ox.Triple], frozenset[str] | None]:
    """`neighbourhood_triples` of one node, and the nodes whose statements it holds or would
    hold (the node and every node it points at along `value_paths()`, stated or not; None
    when one is a blank node: it has no name another build could be asked about)."""
    triples = neighbourhood_triples(store, [node])
    follow = value_paths()
    about = {node}
    for t in triples:
        if t.subject.value == node and t.predicate.value in follow and not isinstance(t.object, ox.Literal):
            if isinstance(t.object, ox.BlankNode):
                return triples, None
            about.add(t.object.value)
    return triples, frozenset(about)


def check_chunk(job: tuple[bytes, tuple[str, ...]]) -> list[tuple[str, str]]:
    """(node, line) of the violations of the nodes of one chunk, on their neighbourhood (N-Triples)."""
    data, nodes = job
    graph = Graph()
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    wanted = set(nodes)
    return [(f, line) for f, line in run_shacl(graph) if f in wanted]


@lru_cache(maxsize=1)
def value_paths() -> frozenset[str]:
    """Properties whose values' own statements a shape reads (`sh:class`, `sh:node`,
    `sh:qualifiedValueShape` in a property shape): only along them does a check need
    more than the focus node's own triples."""
    shapes = _shapes()
    reads = {SH["class"], SH.node, SH.qualifiedValueShape}
    out = set()
    for prop, path in shapes.subject_objects(SH.path):
        seen, todo = set(), [prop]
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            for p, o in shapes.predicate_objects(node):
                if p in reads:
                    out.add(str(path))
                if not isinstance(o, URIRef):  # blank nodes: nested shapes and RDF lists
                    todo.append(o)
    return frozenset(out)


def neighbourhood_triples(store: ox.Store, nodes: Iterable[str]) -> set[ox.Triple]:
    """What every graph but the ontology's states about `nodes`, and about the nodes they point
    at along `value_paths()`."""
    skip = ox.NamedNode(iri.ONTOLOGY_GRAPH)
    follow = value_paths()
    triples: set[ox.Triple] = set()
    seen: set = set()

    def about(node) -> list[ox.Quad]:
        return [q for q in store.quads_for_pattern(node, None, None) if q.graph_name != skip]

    for n in nodes:
        for q in about(ox.NamedNode(n)):
            triples.add(q.triple)
            o = q.object
            if isinstance(o, ox.NamedNode | ox.BlankNode) and q.predicate.value in follow and o not in seen:
                seen.add(o)
                triples.update(x.triple for x in about(o))
    return triples


def neighbourhood(store: ox.Store, nodes: Iterable[str]) -> Graph:
    """`neighbourhood_triples` as an rdflib graph."""
    data = Graph()
    triples = neighbourhood_triples(store, nodes)
    if triples:
        data.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    return data


__all__ = [
    "UnitResult",
    "check_chunk",
    "class_tree",
    "cross",
    "messages",
    "neighbourhood",
    "neighbourhood_triples",
    "recheck",
    "run_shacl",
    "validate_unit",
    "value_paths",
    "whole",
]
