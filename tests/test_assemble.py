"""Incremental and parallel builds (kgraph.assemble, kgraph.pipeline, kgraph.cache,
kgraph.parallel): a rebuild redoes only what changed, and the graph is the same
whatever was cached and wherever the per-document stages ran."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kgraph import build, settings
from kgtest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
DOCS = ("kz-gov-decree-2013-631-kk", "kz-gov-decree-2013-1331-ru")
SHARED = "kz-gov-decree-2021-991"  # a corpus folder: ru and kk texts of one redaction (one group)


def corpus(tmp: Path) -> Path:
    """Four texts in three groups: two single documents and a bilingual pair."""
    (tmp / "sources").mkdir(parents=True)
    for doc in DOCS:
        shutil.copy(ROOT / "data" / "sources" / f"{doc}.txt", tmp / "sources")
    shutil.copytree(FIXTURES / SHARED, tmp / "sources" / SHARED)
    shutil.copy(ROOT / "data" / "registry.yaml", tmp / "registry.yaml")
    cat = tmp / "catalog.yaml"
    cat.write_text(
        "documents:\n"
        f"  - {{id: {DOCS[0]}, file: {DOCS[0]}.txt, language: kk, kinds: [decree, plan]}}\n"
        f"  - {{id: {DOCS[1]}, file: {DOCS[1]}.txt, language: ru, kinds: [decree, plan]}}\n"
        f"  - {{id: {SHARED}, folder: {SHARED}}}\n",
        encoding="utf-8",
    )
    return cat


def quads(out: Path) -> list[str]:
    """The build's quads; blank nodes (the ontology's lists) are named anew by each parse."""
    lines = (out / settings.GRAPH_FILE).read_text(encoding="utf-8").splitlines()
    return sorted(line for line in lines if line and "_:" not in line)


def report(out: Path) -> dict:
    return json.loads((out / settings.REPORT_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cold(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cold")
    cat = corpus(tmp / "in")
    build.run(cat, tmp / "build", cache=False)
    return cat, quads(tmp / "build"), report(tmp / "build")


def test_the_cold_build_reports_its_stages(cold):
    _, _, r = cold
    assert len(r["documents"]) == 4 and r["violations"] == []
    for stage in ("read", "write", "link", "findings", "validate", "store", "search"):
        assert r["stages"][stage] >= 0
    assert r["workers"]["read:extract"] > 0 and r["workers"]["write:validate"] > 0
    assert r["cache"]["read"] == {"hits": 0, "misses": 4}
    assert r["cache"]["write"] == {"hits": 0, "misses": 3}  # the bilingual pair is one group
    assert "write:footprint" not in r["workers"]  # without a cache nothing remembers findings by footprint


def test_rebuilds_redo_only_what_changed_and_give_the_cold_graph(cold, tmp_path):
    _, cold_quads, _ = cold
    cat = corpus(tmp_path / "in")
    out, cache = tmp_path / "build", tmp_path / "cache"
    build.run(cat, out, cache=cache)
    assert quads(out) == cold_quads
    assert report(out)["workers"]["write:footprint"] > 0  # the documents' footprints: made by the workers
    build.run(cat, out, cache=cache)  # no change
    r = report(out)
    assert r["cache"]["read"] == {"hits": 4, "misses": 0}
    assert r["cache"]["write"] == {"hits": 3, "misses": 0}
    assert r["cache"]["findings"] == {"hits": 1, "misses": 0}
    assert quads(out) == cold_quads
    # one text of the bilingual pair changes: that text is read again, its group rewritten
    kaz = cat.parent / "sources" / SHARED / "kaz.md"
    kaz.write_text(kaz.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build.run(cat, out, cache=cache)
    r = report(out)
    assert r["cache"]["read"] == {"hits": 3, "misses": 1}
    assert r["cache"]["write"] == {"hits": 2, "misses": 1}
    assert r["cache"]["findings"] == {"hits": 0, "misses": 1}
    # a new line changes no triple overlap detection reads (kgraph.footprint): no query runs
    assert r["cache"]["overlaps"] == {"hits": 1, "misses": 0}
    build.run(cat, tmp_path / "fresh", cache=False)
    assert quads(out) == quads(tmp_path / "fresh")


def test_a_corrupt_cache_is_a_miss(cold, tmp_path):
    _, cold_quads, _ = cold
    cat = corpus(tmp_path / "in")
    cache = tmp_path / "cache"
    build.run(cat, tmp_path / "a", cache=cache)
    entries = sorted(cache.glob("*/*.pickle"))
    assert entries
    for n, path in enumerate(entries):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if n % 2 else b"not a cache entry")
    r = build.run(cat, tmp_path / "b", cache=cache)
    assert r.cache["read"]["hits"] == 0
    assert quads(tmp_path / "b") == cold_quads


def test_the_cache_defaults_beside_the_build(cold, tmp_path, monkeypatch):
    cat = corpus(tmp_path / "in")
    monkeypatch.delenv(settings.env("cache"), raising=False)
    build.run(cat, tmp_path / "out" / "build")
    assert list((tmp_path / "out" / "build.cache").glob("*/*.pickle"))
    monkeypatch.setenv(settings.env("cache"), str(tmp_path / "elsewhere"))
    build.run(cat, tmp_path / "out" / "build")
    assert list((tmp_path / "elsewhere").glob("*/*.pickle"))


def test_a_process_pool_builds_the_same_graph(cold, tmp_path):
    _, cold_quads, _ = cold
    r = build.run(corpus(tmp_path / "in"), tmp_path / "build", jobs=2, cache=False)
    assert r.jobs == "2 processes"
    assert quads(tmp_path / "build") == cold_quads


def test_dask_builds_the_same_graph(cold, tmp_path):
    distributed = pytest.importorskip("distributed")
    _, cold_quads, _ = cold
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        r = build.run(corpus(tmp_path / "in"), tmp_path / "build", scheduler=cluster.scheduler_address, cache=False)
    assert r.jobs.startswith("Dask at tcp://")
    assert quads(tmp_path / "build") == cold_quads


def test_a_failed_document_is_not_cached_and_names_its_file(tmp_path):
    cat = corpus(tmp_path / "in")
    bad = cat.parent / "sources" / f"{DOCS[0]}.txt"
    bad.write_bytes(b"")  # a file without text
    with pytest.raises(build.InputError, match=DOCS[0]):
        build.run(cat, tmp_path / "build", cache=tmp_path / "cache", jobs=2)
    r = build.run(cat, tmp_path / "build", cache=tmp_path / "cache", keep_going=True)
    assert [f["id"] for f in r.failed] == [DOCS[0]]
    assert r.cache["read"] == {"hits": 3, "misses": 1}  # the good ones were cached by the first run, the bad one never


def test_links_repeal_corpus_acts_named_without_their_number():
    """The linkers run on what the groups report (`act_titles`): a repeal naming a corpus act by
    date and title is stated of that act, in the repealing document's graph."""
    import datetime as dt

    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, XSD

    from kgraph import assemble, iri, pipeline
    from kgraph.vocab import ELI, KG

    old = URIRef(iri.act("law", dt.date(2015, 10, 31), "381-V"))
    new = URIRef(iri.act("law", dt.date(2024, 7, 1), "103-VIII"))
    named = URIRef(iri.BASE + "ref/law-2015-10-31")
    a, b = Graph(identifier=URIRef(iri.graph("old"))), Graph(identifier=URIRef(iri.graph("new")))
    title = Literal("О коммерциализации", lang="ru")
    for g, node in ((a, old), (b, named)):
        g.add((node, RDF.type, KG.Law))
        g.add((node, ELI.date_document, Literal("2015-10-31", datatype=XSD.date)))
        g.add((node, ELI.title, title))
    a.add((old, ELI.number, Literal("381-V")))
    a.add((old, ELI.is_realized_by, URIRef(str(old) + "/lang_ru")))
    b.add((new, ELI.repeals, named))
    added = {(s, p, o, str(g)) for s, p, o, g in assemble.links(pipeline.act_titles([a, b])).quads()}
    assert added == {
        (new, ELI.repeals, old, iri.graph("new")),
        (old, ELI.repealed_by, new, iri.graph("new")),
    }
