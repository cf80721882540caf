"""The build benchmark's synthetic corpus (bench/corpus.py): realistic documents made from the
real ones, each a different act, that the build reads without failures."""

from __future__ import annotations

import shutil
import sys

import pytest
import yaml

from kgtest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import corpus as corpus_gen
from kgraph import build, catalog

FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
SMALL = "kz-gov-decree-2013-631-kk"
FOLDER = "kz-gov-decree-2021-991"


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """A real corpus of one file and one bilingual folder."""
    tmp = tmp_path_factory.mktemp("real")
    (tmp / "sources").mkdir()
    shutil.copy(ROOT / "data" / "sources" / f"{SMALL}.txt", tmp / "sources")
    shutil.copytree(FIXTURES / FOLDER, tmp / "sources" / FOLDER)
    shutil.copy(ROOT / "data" / "registry.yaml", tmp)
    (tmp / "catalog.yaml").write_text(
        f"documents:\n  - {{id: {SMALL}, file: {SMALL}.txt, language: kk, kinds: [decree, plan]}}\n"
        f"  - {{id: {FOLDER}, folder: {FOLDER}}}\n",
        encoding="utf-8",
    )
    return tmp / "catalog.yaml"


@pytest.fixture(scope="module")
def synthetic(real, tmp_path_factory):
    out = tmp_path_factory.mktemp("synthetic")
    info = corpus_gen.generate(out, 5, seed=3, catalog=real)
    return out, info


def test_every_synthetic_document_is_another_act_in_the_real_proportions(synthetic):
    out, info = synthetic
    raw = yaml.safe_load((out / "catalog.yaml").read_text(encoding="utf-8"))["documents"]
    assert len(raw) == 5 and info["texts"] == sum(2 if "folder" in e else 1 for e in raw)
    assert {("folder" in e) for e in raw} == {True, False}  # both templates, both languages
    acts = {(tuple(e.get("kinds", ())), e["date"], e["number"]) for e in raw}
    assert len(acts) == 5
    entries = catalog.load(out / "catalog.yaml")
    assert {e.language for e in entries} == {"ru", "kk"}


def test_texts_are_perturbed_not_copied(synthetic, real):
    out, _ = synthetic
    template = (real.parent / "sources" / f"{SMALL}.txt").read_text(encoding="utf-8")
    copies = [p.read_text(encoding="utf-8") for p in (out / "sources").glob(f"*{SMALL}*.txt")]
    assert copies and all(c != template for c in copies)
    assert all(abs(len(c) - len(template)) < len(template) // 5 for c in copies)


def test_the_build_reads_the_synthetic_corpus(synthetic, tmp_path):
    out, info = synthetic
    report = build.run(out / "catalog.yaml", tmp_path / "build", cache=False, keep_going=True)
    assert report.failed == []
    assert len(report.documents) == info["texts"]
    assert len({d.act for d in report.documents}) == 5
    assert report.violations == []


def test_the_build_benchmark_can_keep_the_founding_documents(tmp_path):
    """`bench/build.py five --first 5`: the catalog's first five entries, the founding documents."""
    import build as build_bench  # bench/build.py

    cat = build_bench.copy_corpus(tmp_path / "in")
    everything = [e.id for e in catalog.load(cat)]
    build_bench.first_entries(cat, 5)
    kept = catalog.load(cat)
    assert [e.id for e in kept] == everything[:5] and len(everything) > 5
    assert all(e.path.is_file() for e in kept)
