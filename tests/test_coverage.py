"""kgraph.coverage: what was read of each document, with warnings where a document looks
under-read; the same numbers in `kgraph build`, `kgraph stats`, on the home page and at
`/coverage` (HTML) and `/coverage.json` (its JSON twin)."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kgraph import coverage, settings
from kgraph.cli import app
from kgraph.records import DocumentMeta
from kgtest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "corpus"


# --- warnings -------------------------------------------------------------------------------


Task = type("Task", (), {})  # records are told by their class name


def tasks(n, **fields):
    out = []
    for _ in range(n):
        t = Task()
        t.__dict__.update({"parties": ("МНЭ",), "deadline_text": "2021", "completion_form": "приказ"} | fields)
        out.append(t)
    return out


META = DocumentMeta("decree", "Т", None, None, None, (0, 0))
DATED = DocumentMeta("decree", "Т", dt.date(2019, 6, 19), "419", None, (0, 1))
COUNTS = dict.fromkeys(coverage.COUNTS, 0)


@pytest.mark.parametrize(
    "meta, kinds, counts, records, outside, expected",
    [
        (DATED, ("law",), COUNTS | {"articles": 12}, [], 0.0, ["a law with no competences"]),
        (DATED, ("law",), COUNTS, [], 0.0, ["a law with no articles"]),
        (DATED, ("law",), COUNTS | {"articles": 12, "competences": 30}, [], 0.01, []),
        (DATED, ("decree", "plan"), COUNTS, tasks(1), 0.0, ["a plan with 1 task(s)"]),
        (DATED, ("decree", "plan"), COUNTS, [], 0.0, ["a plan with 0 task(s)"]),
        (
            DATED,
            ("decree", "plan"),
            COUNTS,
            tasks(5, parties=()),
            0.0,
            ["the responsible parties column never parsed (5 tasks)"],
        ),
        (
            DATED,
            ("decree", "plan"),
            COUNTS,
            tasks(5, deadline_text=None, completion_form=None),
            0.0,
            ["the deadline column never parsed (5 tasks)", "the completion form column never parsed (5 tasks)"],
        ),
        (DATED, ("decree",), COUNTS, [], 0.06, ["6% of the text is outside any recognised structure"]),
        (DATED, ("decree",), COUNTS, [], 0.05, []),
        (
            META,
            ("decree",),
            COUNTS,
            [],
            0.0,
            ["no date and number found: give them in the catalog if the text lacks them"],
        ),
    ],
)
def test_warnings_when_a_document_looks_under_read(meta, kinds, counts, records, outside, expected):
    assert coverage.warnings(meta, kinds, counts, records, outside) == expected


@pytest.mark.parametrize(
    "text, spans, share",
    [
        ("abcd efgh", [(0, 4)], 0.5),
        ("abcd efgh", [(0, 9)], 0.0),
        ("abcd   \n\n  efgh", [(0, 4)], 0.5),  # whitespace does not count
        ("abcd", [], 1.0),
        ("", [], 0.0),
        ("abcd", [(2, 99)], 0.5),  # a span past the end is cut
    ],
)
def test_outside_share_counts_non_space_characters_no_span_covers(text, spans, share):
    assert coverage.outside_share(text, spans) == share


# --- the report of a build, everywhere ---------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A build of two corpus folders and one unreadable file, with --keep-going."""
    tmp = tmp_path_factory.mktemp("coverage")
    (tmp / "sources").mkdir()
    for folder in ("kz-gov-decree-2019-419", "kz-gov-decree-2021-991"):
        shutil.copytree(FIXTURES / folder, tmp / "sources" / folder)
    (tmp / "sources" / "scan.txt").write_bytes(b"\x00\x01binary")
    shutil.copy(ROOT / "data" / "registry.yaml", tmp / "registry.yaml")
    cat = tmp / "catalog.yaml"
    cat.write_text(
        "documents:\n"
        "  - {id: census, folder: kz-gov-decree-2019-419}\n"
        "  - {id: bills, folder: kz-gov-decree-2021-991}\n"
        "  - {id: scan, file: scan.txt, language: ru}\n",
        encoding="utf-8",
    )
    out = tmp / "build"
    result = CliRunner().invoke(
        app, ["build", "--catalog", str(cat), "--out", str(out), "--keep-going", "--no-shacl"], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 1, result.output  # one document failed
    return out, result


def test_page_data_of_the_build(built):
    out, _ = built
    data = coverage.page(json.loads((out / settings.REPORT_FILE).read_text(encoding="utf-8")))
    rows = {r["id"]: r for r in data["documents"]}
    assert set(rows) == {"census-ru", "census-kk", "bills-ru", "bills-kk"}
    census = rows["census-ru"]
    assert (census["kind"], census["language"], census["date"], census["number"]) == (
        "decree",
        "ru",
        "2019-06-19",
        "419",
    )
    assert census["title"] == "О проведении национальной переписи населения Республики Казахстан в 2021 году"
    assert census["tasks"] >= 2 and census["parties"] >= census["tasks"]
    assert census["file"] == "rus.md" and census["format"] == "md"
    assert data["failed"] == [
        {"id": "scan", "file": str(out.parent / "sources" / "scan.txt"), "error": data["failed"][0]["error"]}
    ]
    assert "binary file" in data["failed"][0]["error"]
    totals = data["totals"]
    assert totals["documents"] == 4 and totals["failed"] == 1
    assert totals["tasks"] == sum(r["tasks"] for r in rows.values())
    # the two languages of decree 991 share their redaction: the alignment report says what only one has
    [bills] = [a for a in data["alignment"] if "991" in a["act"]]
    assert bills["parts"] > 0 and set(bills["only_in"]) <= {"bills-ru", "bills-kk"}


def test_build_and_stats_print_the_same_numbers(built):
    out, result = built
    stats = CliRunner().invoke(app, ["stats", "--build", str(out)], env={"COLUMNS": "400"})
    assert stats.exit_code == 0, stats.output
    data = coverage.page(json.loads((out / settings.REPORT_FILE).read_text(encoding="utf-8")))
    t = data["totals"]
    line = (
        f"coverage: {t['documents']} document(s) read, {t['failed']} failed, {t['warned']} with warnings, "
        f"{t['undated']} without date and number"
    )
    assert line in result.stdout and line in stats.stdout
    for r in data["documents"]:
        row = next(ln for ln in stats.stdout.splitlines() if f" {r['id']} " in ln and r["kind"] in ln)
        cells = [c.strip() for c in row.split("│")]
        assert [str(r[k]) for k in coverage.COUNTS] == cells[7 : 7 + len(coverage.COUNTS)]
    assert "FAILED" in stats.stdout


@pytest.fixture(scope="module")
def client(built):
    from kgraph.web.app import create_app

    return TestClient(create_app(built[0], warm=False, reload=False))


def test_coverage_page_and_its_json_twin(client, built):
    data = coverage.page(json.loads((built[0] / settings.REPORT_FILE).read_text(encoding="utf-8")))
    page = client.get("/coverage")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    twin = client.get("/coverage.json")
    expected = json.loads(json.dumps(data)) | {"counts": list(coverage.COUNTS)}
    assert twin.status_code == 200 and twin.json() == expected
    assert client.get("/coverage", headers={"accept": "application/json"}).json() == expected
    html = page.text
    for r in data["documents"]:
        assert f'id="{r["id"]}"' in html and f'href="/source/{r["id"]}"' in html
    assert "binary file" in html  # the failed document and why
    for lang, word in (("ru", "Что прочитано"), ("kk", "не оқылды"), ("en", "What was read")):
        assert word in client.get(f"/coverage?lang={lang}").text


def test_home_page_links_the_coverage_and_the_warnings(client, built):
    html = client.get("/?lang=en").text
    assert 'href="/coverage"' in html and "1 document not read" in html
    data = coverage.page(json.loads((built[0] / settings.REPORT_FILE).read_text(encoding="utf-8")))
    for r in data["documents"]:
        if r["warnings"]:
            assert f'href="/coverage#{r["id"]}"' in html
