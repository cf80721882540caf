"""kgraph.validation: SHACL per document unit plus one cross-document pass gives exactly
the violations of the whole graph validated at once."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kgraph import iri, parallel, settings, validation
from kgraph.vocab import ELI, KG, shapes_graph

DOCS = ("kz-gov-decree-2013-1331-ru", "kz-gov-decree-2013-631-kk", "kz-law-industrial-innovative-support-kk")


@pytest.fixture(scope="module")
def graphs(built):
    """The registry and three documents' graphs of the build (the whole corpus is validated by
    the build itself: this keeps the test short)."""
    ds = Dataset()
    ds.parse(data=(built / settings.GRAPH_FILE).read_text(encoding="utf-8"), format="nquads")
    out = {}
    for g in ds.graphs():
        name = str(g.identifier)
        if name not in {iri.REGISTRY_GRAPH, *(iri.graph(d) for d in DOCS)} or not len(g):
            continue
        copy = Graph(identifier=g.identifier)
        copy += g
        out[name] = copy
    return out


def split(graphs: dict[str, Graph], naive: bool = False, executor=None, verdicts=None, **incremental) -> list[str]:
    """Validate as the build does: the registry, one unit per document graph, the
    findings graph (when there) as corpus-wide; then the cross pass."""
    registry = graphs[iri.REGISTRY_GRAPH]
    corpus = {iri.FINDINGS_GRAPH}
    units = [
        validation.validate_unit([g], registry)
        for name, g in graphs.items()
        if name != iri.REGISTRY_GRAPH and name not in corpus
    ]
    if naive:  # each unit on its own, no cross pass
        return sorted(line for u in units for _, line in u.violations)
    store = ox.Store()
    for name, g in graphs.items():
        store.extend(ox.Quad(_ox(s), _ox(p), _ox(o), ox.NamedNode(name)) for s, p, o in g)
    subjects = {str(s) for name in corpus if name in graphs for s in graphs[name].subjects()}
    registry_unit = validation.validate_unit([registry])
    return validation.cross(units, registry_unit, store, subjects, executor, verdicts, **incremental)


def _ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    return ox.BlankNode(str(term))


def first(g: Graph, cls) -> URIRef:
    return sorted(s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef))[0]


def test_the_seed_build_is_valid_either_way(graphs):
    assert split(graphs) == validation.whole(graphs.values()) == []


def test_violations_across_documents_are_found_as_in_the_whole_graph(graphs, monkeypatch):
    g = {k: _copy(v) for k, v in graphs.items()}
    a, b, c = (g[iri.graph(d)] for d in DOCS)
    # 1. a local violation: a span without its end offset
    span = first(a, KG.SourceSpan)
    a.remove((span, KG.endOffset, None))
    # 2. a node stated in two documents breaks a maxCount only in the union: a second start offset
    other = first(b, KG.SourceSpan)
    c.add((other, KG.startOffset, Literal(10**9, datatype=XSD.integer)))
    # 3. a value typed in another document: the unit sees an untyped span, the union a typed one
    task = next((s for s in (first(x, KG.Task) for x in (a, b, c) if any(x.subjects(RDF.type, KG.Task)))), None)
    holder = next(x for x in (a, b, c) if (task, RDF.type, KG.Task) in x)
    for s in list(holder.objects(task, KG.sourceSpan))[:1]:
        for t in list(holder.triples((s, None, None))):
            holder.remove(t)
            (c if holder is not c else b).add(t)
    # 4. an act cited by two documents with two different dates (maxCount on the act)
    act = first(a, ELI.LegalResource)
    b.add((act, ELI.date_document, Literal("1999-01-01", datatype=XSD.date)))
    expected = validation.whole(g.values())
    assert expected, "the perturbations must make violations"
    assert split(g) == expected
    assert split(g, naive=True) != expected  # the cross pass is what makes it right
    # in small chunks on two worker processes: the same
    monkeypatch.setattr(validation, "CHUNK", 50)
    pool = parallel.executor(2)
    verdicts: dict = {}
    try:
        assert split(g, executor=pool, verdicts=verdicts) == expected
    finally:
        pool.close()
    # the next build with nothing changed: every re-checked node's verdict is remembered
    assert verdicts
    monkeypatch.setattr(validation, "check_chunk", lambda job: 1 / 0)  # no node is checked again
    assert split(g, verdicts=verdicts) == expected


def test_unchanged_neighbourhoods_are_not_read_again(graphs, monkeypatch):
    g = {k: _copy(v) for k, v in graphs.items()}
    _, b, c = (g[iri.graph(d)] for d in DOCS)
    span = first(b, KG.SourceSpan)
    second = (span, KG.startOffset, Literal(10**9, datatype=XSD.integer))
    c.add(second)  # a span stated in two documents, with two starts: only the cross pass sees it
    expected = validation.whole(g.values())
    assert expected
    verdicts: dict = {}
    previous: dict = {}
    assert split(g, verdicts=verdicts, previous=previous) == expected
    assert str(span) in previous
    real = validation.neighbourhood_triples
    monkeypatch.setattr(validation, "neighbourhood_triples", lambda *args: 1 / 0)
    assert split(g, verdicts=verdicts, previous=previous, changed=set()) == expected  # nothing read
    # c changes: the nodes whose neighbourhood c stated something about are read again
    monkeypatch.setattr(validation, "neighbourhood_triples", real)
    changed = {str(s) for s in c.subjects()}
    c.remove(second)
    fixed = validation.whole(g.values())
    assert fixed != expected
    assert split(g, verdicts=verdicts, previous=previous, changed=changed) == fixed


def _copy(graph: Graph) -> Graph:
    out = Graph(identifier=graph.identifier)
    out += graph
    return out


def test_shapes_look_one_step_from_the_focus_node():
    """The split is exact only while shapes read a node's own properties and the types and
    properties of its values: no sh:node, no inverse, sequence or alternative paths, no SPARQL."""
    shapes = shapes_graph()
    for p in (SH.node, SH.sparql, SH.inversePath, SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath):
        assert not list(shapes.subject_objects(p)), p
    for path in shapes.objects(None, SH.path):
        assert isinstance(path, URIRef), f"sh:path {path} is not a single property"
    for shape in shapes.subjects(SH.qualifiedValueShape, None):
        inner = shapes.value(shape, SH.qualifiedValueShape)
        assert isinstance(shapes.value(inner, SH.path), URIRef)


def _broken_units() -> tuple[Graph, Graph]:
    """Two small document graphs with violations: a span without its end, a task with a number
    in each (two numbers), a span stated in both with two starts."""
    a, b = Graph(identifier=URIRef(iri.graph("a"))), Graph(identifier=URIRef(iri.graph("b")))
    span, task = URIRef(iri.span("a", 0, 5)), URIRef("https://kgraph.kz/id/act/x/task/1")
    a.add((span, RDF.type, KG.SourceSpan))
    a.add((span, KG.startOffset, Literal(0, datatype=XSD.integer)))
    a.add((task, RDF.type, KG.Task))
    a.add((task, KG.sourceSpan, span))
    a.add((task, ELI.number, Literal("1")))
    b.add((task, ELI.number, Literal("1.1")))
    b.add((span, KG.startOffset, Literal(7, datatype=XSD.integer)))
    b.add((URIRef(iri.span("b", 1, 2)), RDF.type, KG.SourceSpan))
    return a, b


@pytest.mark.parametrize("members", [1, 2])
def test_a_unit_checked_in_place_finds_what_a_copy_finds(members):
    """`consume`: the build validates a unit in its own graphs (no copy): the same result."""
    graphs = list(_broken_units())[:members]
    expected = validation.validate_unit([_copy(g) for g in graphs])
    assert expected.violations
    assert validation.validate_unit(graphs, consume=True) == expected


def test_the_shapes_index_answers_as_rdflib_s_own_graph():
    """The shapes are kept in a plain read-only triple index (`_shapes`) and pySHACL's parameter
    list answers `in` from a set: the violations are those pySHACL finds with the shapes
    as rdflib parses them."""
    import pyshacl

    data = Graph()
    for g in _broken_units():
        data += g
    found = validation.run_shacl(_copy(data))
    assert found
    for t in validation.class_tree():
        data.add(t)
    _, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", abort_on_first=False, allow_warnings=True
    )
    assert found == validation.messages(results)
    shapes = validation._shapes()  # pySHACL has added its system triples to it (twice): counted once
    assert len(shapes) == sum(1 for _ in shapes) > len(shapes_graph())
    params = pyshacl.shape.CONSTRAINT_PARAMS[0]
    assert all(p in params for p in list(params)) and SH.path not in params


@pytest.mark.parametrize("workers, jobs", [(1, 1), (2, 2), (3, 3)])
def test_the_cross_pass_gives_each_worker_a_share(workers, jobs):
    """Fewer re-checked nodes than CHUNK still make one job per worker process (the pass is
    the build's serial tail otherwise); the violations do not depend on the split."""
    a, b = _broken_units()
    graphs = {str(a.identifier): a, str(b.identifier): b}
    units = [validation.validate_unit([g]) for g in graphs.values()]
    store = ox.Store()
    for name, g in graphs.items():
        store.extend(ox.Quad(_ox(s), _ox(p), _ox(o), ox.NamedNode(name)) for s, p, o in g)
    seen = []

    class Pool:
        def __init__(self, n):
            self.jobs = n

        def map(self, fn, items, done=None):
            seen.append(len(items))
            return [fn(i) for i in items]

    expected = validation.whole(graphs.values())
    assert expected
    got = validation.cross(units, validation.UnitResult(), store, (), Pool(workers))
    assert got == expected
    assert seen == ([jobs] if jobs > 1 else [])
