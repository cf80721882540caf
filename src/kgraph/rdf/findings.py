"""Overlap findings as RDF, in the named graph `kgraph.iri.FINDINGS_GRAPH`.

Only findings between two mandates become kg:OverlapFinding resources (the
ontology's shape asks for exactly two kg:side values): competence duplicates,
task duplicates and tasks outside their lead body's competence. One-sided
findings (a competence no task resembles, a task without a single lead) and
body pairs stay in `kgraph overlaps detect`.

Two ways into the build (see build.py):
* in `build_dataset`, after the documents are in and before SHACL:
      ds.graph(URIRef(iri.FINDINGS_GRAPH)).__iadd__(findings.findings_graph(ds))
* or as a post-build hook on the written store: `build.POST_BUILD.append(findings.post_build)`
  (it also pre-builds the drafter-check index, `kgraph.analysis.index.post_build`).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kgraph import iri, settings
from kgraph.analysis import index, overlaps
from kgraph.store import OxigraphStore
from kgraph.vocab import KG


def _as_store(store_or_dataset):
    """An Oxigraph store over an rdflib Dataset/Graph, or the store itself."""
    if hasattr(store_or_dataset, "query") and hasattr(store_or_dataset, "load_nquads"):
        return store_or_dataset
    store = OxigraphStore()
    data = store_or_dataset.serialize(format="nquads" if isinstance(store_or_dataset, Dataset) else "nt")
    store.load_nquads(data.encode("utf-8") if isinstance(data, str) else data)
    return store


def findings_graph(store_or_dataset, findings=None) -> Graph:
    """The findings graph of a store or dataset (detection runs when `findings` is None)."""
    if findings is None:
        findings = overlaps.detect(_as_store(store_or_dataset), kinds=overlaps.PAIR_KINDS)
    g = Graph(identifier=URIRef(iri.FINDINGS_GRAPH))
    for f in findings:
        if not f.b or f.kind not in overlaps.PAIR_KINDS:
            continue
        node = URIRef(iri.finding(f.kind, f.a, f.b))
        g.add((node, RDF.type, KG.OverlapFinding))
        g.add((node, KG.side, URIRef(f.a)))
        g.add((node, KG.side, URIRef(f.b)))
        g.add((node, KG.findingKind, Literal(f.kind)))
        g.add((node, KG.score, Literal(Decimal(f"{f.score:.4f}"), datatype=XSD.decimal)))
        g.add((node, KG.method, Literal(f.method)))
        g.add((node, KG.reason, Literal(f.reason, lang="en")))
        g.add((node, RDFS.label, Literal(f"{f.kind} ({f.score:.2f})", lang="en")))
        for span in (*f.a_spans, *f.b_spans):  # both sides' evidence, already in the document graphs
            g.add((node, KG.sourceSpan, URIRef(span.iri)))
    return g


def post_build(ds: Dataset, out: Path) -> None:
    """POST_BUILD hook: add the findings to the written store and N-Quads dump,
    then pre-build the drafter-check index of the final store."""
    store = OxigraphStore(out / settings.STORE_DIR)
    g = findings_graph(store)
    if len(g):
        data = Dataset()
        data.graph(g.identifier).__iadd__(g)
        nq = data.serialize(format="nquads")
        nq = nq.encode("utf-8") if isinstance(nq, str) else nq
        store.load_nquads(nq)
        store.flush()
        with (out / settings.GRAPH_FILE).open("ab") as f:
            f.write(nq)
    del store
    index.post_build(ds, out)
