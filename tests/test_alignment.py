"""kgraph.rdf.alignment and the act/expression model in the build (MODEL in CONTRIBUTING.md):
texts of one redaction share the act's parts; texts of different redactions never collide."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kgraph import build, iri
from kgraph.vocab import ELI, KG
from kgtest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
SEED = "kz-law-industrial-innovative-support-kk"
LAW_103 = URIRef(iri.act("law", dt.date(2024, 7, 1), "103-VIII"))
LAW_534 = URIRef(iri.act("law", dt.date(2012, 1, 9), "534-IV"))


def catalog(tmp_path: Path, body: str, folders=(), files=()) -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    for f in folders:
        shutil.copytree(FIXTURES / f, tmp_path / "sources" / f)
    for f in files:
        shutil.copy(f, tmp_path / "sources" / f.name)
    shutil.copy(ROOT / "data" / "registry.yaml", tmp_path / "registry.yaml")
    path = tmp_path / "catalog.yaml"
    path.write_text("documents:\n" + body, encoding="utf-8")
    return path


def merged(ds) -> Graph:
    """The union of the named graphs (what a SPARQL query's default graph is)."""
    g = Graph()
    for named in ds.graphs():
        g += named
    return g


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    path = catalog(
        tmp,
        "  - {id: kz-law-2024-103-viii, folder: kz-law-2024-103-viii}\n"
        "  - {id: kz-gov-decree-2021-991, folder: kz-gov-decree-2021-991}\n",
        folders=("kz-law-2024-103-viii", "kz-gov-decree-2021-991"),
    )
    ds, report = build.build_dataset(path)
    return ds, merged(ds), report


def test_a_corpus_folder_is_one_act_with_two_expressions(corpus_build):
    _, ds, report = corpus_build
    ids = {d.id: d for d in report.documents}
    assert set(ids) == {
        "kz-law-2024-103-viii-ru",
        "kz-law-2024-103-viii-kk",
        "kz-gov-decree-2021-991-ru",
        "kz-gov-decree-2021-991-kk",
    }
    assert ids["kz-law-2024-103-viii-ru"].act == ids["kz-law-2024-103-viii-kk"].act == str(LAW_103)
    expressions = set(ds.objects(LAW_103, ELI.is_realized_by))
    assert expressions == {
        URIRef(iri.expression(LAW_103, "ru", dt.date(2025, 5, 19))),
        URIRef(iri.expression(LAW_103, "kk", dt.date(2025, 5, 19))),
    }
    for expr in expressions:
        assert (expr, RDF.type, ELI.LegalExpression) in ds
        assert (expr, ELI.version_date, Literal("2025-05-19", datatype=URIRef(iri.PREFIXES["xsd"] + "date"))) in ds
        assert len(set(ds.objects(expr, ELI.is_embodied_by))) == 1  # the portal page of that language
    # meta.yaml: the portal's code, both titles, the act that made this version
    assert (LAW_103, KG.portalCode, Literal("198410", datatype=URIRef(iri.PREFIXES["xsd"] + "string"))) in ds
    titles = {t.language: str(t) for t in ds.objects(LAW_103, ELI.title)}
    assert titles == {"ru": "О науке и технологической политике", "kk": "Ғылым және технологиялық саясат туралы"}
    amending = URIRef(iri.act("law", dt.date(2025, 5, 19), "188-VIII"))
    assert (LAW_103, ELI.amended_by, amending) in ds


def test_parts_are_one_node_with_text_per_language(corpus_build):
    quads, ds, report = corpus_build
    article = URIRef(iri.part(LAW_103, ("art", "5")))
    labels = {lit.language for lit in ds.objects(article, RDFS.label)}
    assert labels == {"ru", "kk"}
    assert len(set(ds.objects(article, ELI.number))) == 1
    # the work-level triple is stated once (in the first text's graph), the texts in both
    graphs_with_number = {str(g) for _, _, _, g in quads.quads((article, ELI.number, None, None))}
    assert len(graphs_with_number) == 1
    graphs_with_label = {str(g) for _, _, _, g in quads.quads((article, RDFS.label, None, None))}
    assert len(graphs_with_label) == 2
    # each competence once, with its text in both languages
    for competence in ds.subjects(RDF.type, KG.Competence):
        if str(competence).startswith(str(LAW_103)):
            assert len(set(ds.objects(competence, KG.grantedTo))) == 1
    alignment = {a["act"]: a for a in report.alignment}
    assert str(LAW_103) in alignment
    assert alignment[str(LAW_103)]["documents"] == ["kz-law-2024-103-viii-ru", "kz-law-2024-103-viii-kk"]


def test_shacl_conforms(corpus_build):
    ds, _, _ = corpus_build
    assert build.validate(ds) == []


def test_two_files_of_one_act_in_two_redactions_never_collide(tmp_path):
    """The seed law's Kazakh PDF text (older, undated) and the Russian text of its 2015
    redaction, catalogued apart and joined by `work`: one act, two expressions, no shared part."""
    path = catalog(
        tmp_path,
        f"  - {{id: {SEED}, file: {SEED}.txt, language: kk, kinds: [law], date: 2012-01-09, number: 534-IV}}\n"
        "  - {id: law-534-ru, file: law-534-iv-rus-excerpt.md, work: " + SEED + ", version_date: 2015-10-29}\n",
        files=(ROOT / "data" / "sources" / f"{SEED}.txt", FIXTURES / "law-534-iv-rus-excerpt.md"),
    )
    quads, report = build.build_dataset(path)
    ds = merged(quads)
    acts = {d.id: d.act for d in report.documents}
    assert acts == {SEED: str(LAW_534), "law-534-ru": str(LAW_534)}
    old = URIRef(iri.version(LAW_534, "undated-kk"))
    assert (old, RDF.type, KG.Redaction) in ds and (old, KG.redactionOf, LAW_534) in ds
    # article 4 of each redaction is its own node
    new_art = URIRef(iri.part(LAW_534, ("art", "4")))
    old_art = URIRef(iri.part(old, ("art", "4")))
    assert {lit.language for lit in ds.objects(new_art, RDFS.label)} == {"ru"}
    assert {lit.language for lit in ds.objects(old_art, RDFS.label)} == {"kk"}
    assert not report.alignment  # no two texts share a redaction
    assert build.validate(quads) == []
