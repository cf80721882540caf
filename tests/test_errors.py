"""kgraph.errors in the build: a document that cannot be read or extracted fails with one line
naming its file, the line (page, paragraph) of the ORIGINAL file and what was expected;
`kgraph build --keep-going` builds the rest, lists the failures and exits 1."""

from __future__ import annotations

import json
import shutil
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from doc_support import docx_bytes, pdf_bytes
from kgraph import build, catalog, kinds, settings
from kgraph.cli import app
from kgraph.errors import DocumentError, TextError
from kgtest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
# Law No. 534-IV in the mirror's Markdown: a table of contents (cut by the converter), then the body.
LAW_MD = FIXTURES / "kz-law-2012-534-iv" / "rus.md"
NEEDLE = "Статья 2. Законодательство Республики Казахстан"  # an article heading of the body


def setup_catalog(tmp_path: Path, entries: str, files: dict[str, bytes]) -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    for name, data in files.items():
        (tmp_path / "sources" / name).write_bytes(data)
    shutil.copy(ROOT / "data" / "registry.yaml", tmp_path / "registry.yaml")
    cat = tmp_path / "catalog.yaml"
    cat.write_text("documents:\n" + entries, encoding="utf-8")
    return cat


def failing_extractor(monkeypatch, kind: str, needle: str, message: str | None = None):
    """The `kind` extractor fails at the line of the normalized text holding `needle`:
    with a TextError, or with a plain exception whose message names the span."""
    real = kinds.extractor

    def parse(text, meta):
        start = text.index(needle)
        span = (start, start + len(needle))
        if message is None:
            raise TextError(span, "a chapter heading before the first article")
        raise ValueError(message.format(*span))

    def extractor(name):
        return types.SimpleNamespace(parse=parse) if name == kind else real(name)

    monkeypatch.setattr(kinds, "extractor", extractor)


def md_line(path: Path, needle: str) -> int:
    """The line of the body's heading (the last line holding `needle`: the first is in the contents)."""
    return max(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    "message", [None, "span {0}:{1} outside text of length 12"], ids=["TextError", "span-in-message"]
)
def test_an_extractor_failure_names_the_markdown_line(tmp_path, monkeypatch, message):
    cat = setup_catalog(tmp_path, "  - {id: law-ru, file: law.md, kinds: [law]}\n", {"law.md": LAW_MD.read_bytes()})
    failing_extractor(monkeypatch, "law", NEEDLE, message)
    with pytest.raises(DocumentError) as err:
        build.build_dataset(cat)
    text = str(err.value)
    assert "\n" not in text
    line = md_line(LAW_MD, NEEDLE)
    assert line == 137  # the Markdown's line, not the line of the converted text (whose contents are cut)
    assert text.startswith(f"{tmp_path / 'sources' / 'law.md'}: line {line}: law extractor of document 'law-ru' failed")
    if message is None:
        assert text.endswith("TextError: span " + text.split("TextError: span ")[1])
        assert "expected a chapter heading before the first article" in text


@pytest.mark.parametrize(
    "name, data, where",
    [
        ("law.txt", b"\n\n" + "Закон Республики Казахстан\n\nСтатья 2. Правовое регулирование\n".encode(), "line 5"),
        ("law.docx", docx_bytes(["Закон", "Статья 1. Цель", "Статья 2. Правовое регулирование"]), "paragraph 3"),
        ("law.pdf", pdf_bytes([["Закон"], ["Статья 1. Цель", "Статья 2. Правовое регулирование"]]), "page 2"),
        (
            "law.html",
            b"<html><body>\n<h1>Law</h1>\n<p>Article 1</p>\n\n<p>"
            + "Статья 2. Правовое регулирование".encode()
            + b"</p>\n</body></html>",
            "line 5",
        ),
    ],
    ids=["txt", "docx", "pdf", "html"],
)
def test_each_format_names_its_place(tmp_path, monkeypatch, name, data, where):
    cat = setup_catalog(tmp_path, f"  - {{id: doc, file: {name}, language: ru, kinds: [law]}}\n", {name: data})
    failing_extractor(monkeypatch, "law", "Статья 2. Правовое регулирование")
    with pytest.raises(DocumentError, match=rf"{name}: {where}: law extractor of document 'doc' failed: TextError"):
        build.build_dataset(cat)


def test_keep_going_builds_the_rest_marks_the_failed_and_exits_1(tmp_path, monkeypatch):
    cat = setup_catalog(
        tmp_path,
        "  - {id: law-ru, file: law.md, kinds: [law]}\n"
        "  - {id: census, folder: census}\n"
        "  - {id: scan, file: scan.txt, language: ru}\n",
        {"law.md": LAW_MD.read_bytes(), "scan.txt": b"\x00\x01binary"},
    )
    shutil.copytree(FIXTURES / "kz-gov-decree-2019-419", tmp_path / "sources" / "census")
    failing_extractor(monkeypatch, "law", NEEDLE)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["build", "--catalog", str(cat), "--out", str(out), "--keep-going", "--no-shacl"], env={"COLUMNS": "300"}
    )
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    # the unreadable file fails when read, the law when extracted; each on one line
    assert len(failed) == 2
    assert "scan.txt: binary file" in failed[0]
    assert f"law.md: line {md_line(LAW_MD, NEEDLE)}: law extractor of document 'law-ru' failed" in failed[1]
    assert "2 document(s) not built" in result.stderr and "Traceback" not in result.output
    report = json.loads((out / settings.REPORT_FILE).read_text(encoding="utf-8"))
    assert {d["id"] for d in report["documents"]} == {"census-ru", "census-kk"}
    assert [f["id"] for f in report["failed"]] == ["scan", "law-ru"]
    assert all("\n" not in f["error"] for f in report["failed"])


def test_without_keep_going_the_first_failure_stops_the_build(tmp_path, monkeypatch):
    cat = setup_catalog(tmp_path, "  - {id: law-ru, file: law.md, kinds: [law]}\n", {"law.md": LAW_MD.read_bytes()})
    failing_extractor(monkeypatch, "law", NEEDLE)
    result = CliRunner().invoke(app, ["build", "--catalog", str(cat), "--out", str(tmp_path / "out"), "--no-shacl"])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "law extractor" in result.stderr
    assert not (tmp_path / "out").exists()


def test_document_error_without_a_span_names_the_file_and_stage():
    entry = catalog.Entry(id="x", path=Path("sources/x.md"), language="ru", kinds=("law",))
    err = DocumentError.of(entry, "law writer", KeyError("art_5"))
    assert str(err) == "sources/x.md: law writer of document 'x' failed: KeyError: 'art_5'"
