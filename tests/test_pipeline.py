"""kgraph.pipeline: the per-document stages are pure functions of their input, keyed by it."""

from __future__ import annotations

import dataclasses
import pickle
import shutil

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kgraph import catalog, errors, pipeline
from kgtest import ROOT

DOC = "kz-gov-decree-2013-631-kk"


def entry(tmp_path):
    (tmp_path / "sources").mkdir(exist_ok=True)
    shutil.copy(ROOT / "data" / "sources" / f"{DOC}.txt", tmp_path / "sources")
    shutil.copy(ROOT / "data" / "registry.yaml", tmp_path)
    cat = tmp_path / "catalog.yaml"
    cat.write_text(f"documents:\n  - {{id: {DOC}, file: {DOC}.txt, kinds: [decree, plan]}}\n", encoding="utf-8")
    return catalog.load(cat)[0], cat


def test_the_read_key_follows_the_bytes_the_entry_and_the_code(tmp_path):
    e, _ = entry(tmp_path)
    key = pipeline.read_key(e, "code-1")
    assert key == pipeline.read_key(e, "code-1")
    assert key != pipeline.read_key(e, "code-2")
    assert key != pipeline.read_key(dataclasses.replace(e, number="99"), "code-1")
    e.path.write_bytes(e.path.read_bytes() + b" ")
    assert key != pipeline.read_key(e, "code-1")


def test_reading_is_pure_and_its_result_pickles(tmp_path):
    e, cat = entry(tmp_path)
    job = pipeline.ReadJob(e, str(cat), "k")
    a, b = pipeline.read_document(job), pipeline.read_document(job)
    assert a.failure is None and a.records["plan"]
    assert a.records == b.records and a.document.norm.text == b.document.norm.text
    again = pickle.loads(pickle.dumps(a))
    assert again.records == a.records


def test_a_failure_comes_back_as_data_and_becomes_the_same_error(tmp_path):
    e, cat = entry(tmp_path)
    e.path.write_bytes(b"")
    r = pipeline.read_document(pipeline.ReadJob(e, str(cat), "k"))
    assert r.document is None and r.failure is not None
    error = pickle.loads(pickle.dumps(r.failure)).error()
    assert isinstance(error, errors.InputError) and str(error) == r.failure.message
    assert str(e.path) in str(error)


def test_writing_a_group_gives_quads_rows_and_shacl(tmp_path):
    e, cat = entry(tmp_path)
    read = pipeline.read_document(pipeline.ReadJob(e, str(cat), "k"))
    from kgraph import works

    placement = works.place(
        [works.Text(DOC, "https://kgraph.kz/id/act/decree/2013/06/19/631", "kk", read.document.version_date)]
    )[DOC]
    job = pipeline.GroupJob((read,), (placement,), str(tmp_path / "registry.yaml"), "r", "g")
    out = pipeline.write_group(job)
    (doc,) = out.documents
    assert doc.failure is None and doc.report.triples == doc.nquads.count(b"\n")
    assert out.shacl.violations == [] and out.shacl.subjects
    assert out.search.texts and all(
        v in out.search.analysed for items in out.search.texts.values() for _, v, _ in items
    )
    assert sum(out.classes.values()) > 0
    assert pickle.loads(pickle.dumps(out)).documents[0].nquads == doc.nquads


@pytest.mark.parametrize(
    "obj",
    [
        URIRef("https://kgraph.kz/id/org/mon"),
        BNode("b1"),
        Literal("Министерство «науки»", lang="ru"),
        Literal('a "quoted"\nline\\ with\ttab'),
        Literal(12, datatype=XSD.integer),
        Literal("2024-01-09", datatype=XSD.date),
        Literal("\u0000 control \u2028 separator"),
    ],
)
def test_a_graph_is_written_line_for_line_as_rdflib_writes_a_dataset(obj):
    """`nquads` writes each graph without copying it into a Dataset: the same lines."""
    g = Graph(identifier=URIRef("https://kgraph.kz/id/graph/x"))
    g.add((URIRef("https://kgraph.kz/id/s"), RDFS.label, obj))
    g.add((BNode("b0"), RDF.type, URIRef("https://kgraph.kz/ontology#Task")))
    ds = Dataset()
    ds.graph(g.identifier).__iadd__(g)
    expected = sorted(ds.serialize(format="nquads", encoding="utf-8").splitlines())
    got = pipeline.nquads(g)
    assert got.endswith(b"\n") and not got.endswith(b"\n\n")
    assert sorted(got.splitlines()) == [line for line in expected if line]
    # under another name (the build names the ontology's graph so)
    other = pipeline.nquads(g, URIRef("https://kgraph.kz/id/graph/y"))
    assert sorted(other.splitlines()) == sorted(line.replace(b"/graph/x>", b"/graph/y>") for line in got.splitlines())
