"""The build pipeline: output shape, provenance, SHACL, atomic writes, bad input."""

from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from kgraph import build, catalog, settings
from kgraph.cli import app
from kgraph.results import rows
from kgtest import ROOT

SMALL_DOC = "kz-gov-decree-2013-631-kk"


def small_catalog(tmp_path, extra: str = "", file: str | None = None) -> Path:
    """A one-document catalog (plus optional extra entries) in a temp dir."""
    (tmp_path / "sources").mkdir(exist_ok=True)
    shutil.copy(ROOT / "data" / "sources" / f"{SMALL_DOC}.txt", tmp_path / "sources" / f"{SMALL_DOC}.txt")
    shutil.copy(ROOT / "data" / "registry.yaml", tmp_path / "registry.yaml")  # read beside the catalog
    cat = tmp_path / "catalog.yaml"
    cat.write_text(
        "documents:\n"
        f"  - {{id: {SMALL_DOC}, file: {file or SMALL_DOC + '.txt'}, language: kk, kinds: [decree, plan]}}\n" + extra,
        encoding="utf-8",
    )
    return cat


def digest(path) -> str:
    return hashlib.sha256((path / settings.GRAPH_FILE).read_bytes()).hexdigest()


def test_full_build_report(built):
    import json

    report = json.loads((built / settings.REPORT_FILE).read_text(encoding="utf-8"))
    assert len(report["documents"]) == len(catalog.load(settings.DEFAULT_CATALOG))  # every catalogued text
    assert report["triples"] > 5000
    assert report["violations"] == []


def test_one_named_graph_per_source(store):
    _, graphs = rows(store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
    names = {r["g"].rsplit("/", 1)[-1] for r in graphs}
    catalog_ids = {e.id for e in catalog.load(settings.DEFAULT_CATALOG)}
    assert catalog_ids <= names


def test_every_span_quotes_the_raw_source(store):
    """Provenance offsets point at the exact raw characters they quote."""
    _, spans = rows(
        store.query(
            "SELECT ?doc ?start ?end ?quote WHERE { ?s a kg:SourceSpan ; kg:inSource/dcterms:identifier ?doc ; "
            "kg:startOffset ?start ; kg:endOffset ?end ; kg:quote ?quote }"
        )
    )
    assert len(spans) > 100
    # the text offsets count in: the file's, or what its format converts to (a mirror's Markdown)
    texts = {}
    entries = {e.id: e for e in catalog.load(settings.DEFAULT_CATALOG)}
    for r in spans:
        doc = r["doc"]
        if doc not in texts:  # the text offsets count in: the file's, or its conversion's (Markdown)
            texts[doc] = catalog.read_text(entries[doc], settings.DEFAULT_CATALOG)
        assert texts[doc][int(r["start"]) : int(r["end"])] == r["quote"]


def test_build_twice_is_stable(tmp_path):
    cat = small_catalog(tmp_path)
    build.run(cat, tmp_path / "a", shacl=False)
    build.run(cat, tmp_path / "b", shacl=False)
    a = sorted((tmp_path / "a" / settings.GRAPH_FILE).read_text(encoding="utf-8").splitlines())
    b = sorted((tmp_path / "b" / settings.GRAPH_FILE).read_text(encoding="utf-8").splitlines())
    assert a == b


def test_separate_processes_build_the_same_graph(tmp_path):
    """Rebuilds in fresh interpreters (other hash seeds, other load orders) give
    the same quads, findings and their scores included; only blank nodes differ."""

    def quads(out):
        subprocess.run(
            [sys.executable, "-m", "kgraph.cli", "build", "--out", str(out), "--no-shacl"],
            check=True,
            capture_output=True,
        )
        return sorted(
            line for line in (out / settings.GRAPH_FILE).read_text(encoding="utf-8").splitlines() if "_:" not in line
        )

    assert quads(tmp_path / "a") == quads(tmp_path / "b")


@pytest.mark.parametrize(
    "case, expected",
    [
        ("missing", "not found"),
        ("binary", "binary file"),
        ("malformed", "unknown field(s) colour"),
    ],
)
def test_bad_input_fails_cleanly_and_keeps_previous_graph(tmp_path, case, expected):
    out = tmp_path / "out"
    good = small_catalog(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["build", "--catalog", str(good), "--out", str(out), "--no-shacl"]).exit_code == 0
    before = digest(out)
    if case == "missing":
        bad = small_catalog(tmp_path, "  - {id: extra, file: nowhere.txt, language: ru, kinds: [plan]}\n")
        culprit = "nowhere.txt"
    elif case == "binary":
        (tmp_path / "sources" / "scan.txt").write_bytes(b"%PDF-1.4\x00\x01\x02binary")
        bad = small_catalog(tmp_path, "  - {id: scan, file: scan.txt, language: ru, kinds: [plan]}\n")
        culprit = "scan.txt"
    else:
        bad = small_catalog(tmp_path, "  - {id: x, file: x.txt, language: ru, kinds: [plan], colour: red}\n")
        culprit = "catalog.yaml"
    result = runner.invoke(app, ["build", "--catalog", str(bad), "--out", str(out), "--no-shacl"])
    assert result.exit_code != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert culprit in message and expected in message
    assert digest(out) == before
    assert not list(tmp_path.glob(".out.tmp-*")), "temporary build directory left behind"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.server
def test_serve_answers_on_localhost(built):
    """What `make run` does after building: the explorer answers."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kgraph.cli", "serve", "--port", str(port), "--build", str(built)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(100):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                if r.status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail(
                "server did not answer: " + proc.stderr.read1(4000).decode(errors="replace") if proc.stderr else ""
            )
        assert r.json()["triples"] > 1000
        home = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert home.status_code == 200
        assert SMALL_DOC in home.text
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("text", ["", "\n\n"], ids=["empty", "blank-lines"])
def test_a_document_without_text_is_a_one_line_error(tmp_path, text):
    """A file with no text is a mistake to report, not a document: one line naming it, no traceback."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "tiny.txt").write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "data" / "registry.yaml", tmp_path / "registry.yaml")
    cat = tmp_path / "catalog.yaml"
    cat.write_text("documents:\n  - {id: tiny-doc, file: tiny.txt, language: ru, kinds: [decree]}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", "--catalog", str(cat), "--out", str(tmp_path / "out"), "--no-shacl"])
    assert result.exit_code == 1
    assert "tiny.txt" in result.output and "no text" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "text",
    ["| № | Мероприятие | Ответственные | Срок |\n", "Статья 1.\n", "ҚАУЛЫ"],
    ids=["table-header-only", "one-heading", "one-word"],
)
def test_tiny_documents_build(tmp_path, text):
    """A document that yields no task, competence or article still builds (the overlap
    index of an empty corpus crashed with a TypeError) and the build is servable."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "tiny.txt").write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "data" / "registry.yaml", tmp_path / "registry.yaml")  # read beside the catalog
    cat = tmp_path / "catalog.yaml"
    cat.write_text(
        "documents:\n  - {id: tiny-doc, file: tiny.txt, language: ru, kinds: [decree, plan, law, concept]}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", "--catalog", str(cat), "--out", str(out), "--no-shacl"])
    assert result.exit_code == 0, result.output
    assert (out / settings.GRAPH_FILE).stat().st_size > 0
