"""`kgraph add` (kgraph.adding): the corpus folders and their texts alone, the overrides,
the catalog's comments, and every error path (one line, exit 1, nothing half-written).

The folders are excerpts of the real acts in the portal mirrors' layout
(tests/fixtures/corpus/README.md): the kind, language, title, date and number
below are the acts' own (their meta.yaml and the golden files written by reading them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgraph import adding, catalog
from kgraph.cli import app
from kgraph.errors import InputError, KgraphError
from kgtest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
runner = CliRunner()

# folder -> (kinds, {language: title}, date, number) with the folder's meta.yaml
CORPUS = {
    "kz-akimat-almaty-region-1997-6-194": (
        ("decree", "plan"),
        {
            "ru": "О программе работ по выполнению постановления Правительства Республики Казахстан от 21 января "
            "1997 года № 89",
            "kk": "Қазақстан Республикасы Үкiметiнiң",
        },
        "1997-06-11",
        "6-194",
    ),
    "kz-gov-decree-2019-419": (
        ("decree", "plan"),
        {
            "ru": "О проведении национальной переписи населения Республики Казахстан в 2021 году",
            "kk": "2021 жылы Қазақстан Республикасы халқының ұлттық санағын өткізу туралы",
        },
        "2019-06-19",
        "419",
    ),
    "kz-gov-decree-2021-991": (
        ("decree", "plan"),
        {
            "ru": "О Плане законопроектных работ Правительства Республики Казахстан на 2022 год",
            "kk": "Қазақстан Республикасы Үкіметінің заң жобалау жұмыстарының 2022 жылға арналған жоспары туралы",
        },
        "2021-12-31",
        "991",
    ),
    "kz-gov-decree-2022-482": (
        ("decree", "concept", "plan"),
        {"ru": "Об утверждении Концепции инвестиционной политики Республики Казахстан до 2026 года"},
        "2022-07-15",
        "482",
    ),
    "kz-gov-decree-2022-580": (
        ("decree", "regulation"),
        {
            "ru": "О некоторых вопросах Министерства науки и высшего образования Республики Казахстан",
            "kk": "Қазақстан Республикасы Ғылым және жоғары білім министрлігінің кейбір мәселелері туралы",
        },
        "2022-08-19",
        "580",
    ),
    "kz-gov-decree-2023-864": (
        ("decree", "regulation"),
        {
            "ru": "Некоторые вопросы Министерства промышленности и строительства Республики Казахстан",
            "kk": "Қазақстан Республикасы Өнеркәсіп және құрылыс министрлігінің кейбір мәселелері",
        },
        "2023-10-04",
        "864",
    ),
    "kz-law-2012-534-iv": (
        ("law",),
        {
            "ru": "О государственной поддержке индустриально-инновационной деятельности",
            "kk": "Индустриялық-инновациялық қызметті мемлекеттік қолдау туралы",
        },
        "2012-01-09",
        "534-IV",
    ),
    "kz-law-2015-381-v": (
        ("law",),
        {
            "ru": "О коммерциализации результатов научной и (или) научно-технической деятельности",
            "kk": "Ғылыми және (немесе) ғылыми-техникалық қызмет нәтижелерін коммерцияландыру туралы",
        },
        "2015-10-31",
        "381-V",
    ),
    "kz-law-2021-86-vii": (
        ("law",),
        {"ru": "О промышленной политике", "kk": "Өнеркәсіптік саясат туралы"},
        "2021-12-27",
        "86-VII",
    ),
    "kz-law-2024-103-viii": (
        ("law",),
        {"ru": "О науке и технологической политике", "kk": "Ғылым және технологиялық саясат туралы"},
        "2024-07-01",
        "103-VIII",
    ),
}
# The kind each folder's own act is (meta.yaml's requisite; the decrees' texts say so too).
OWN_KIND = {"kz-akimat-almaty-region-1997-6-194": "local-act", "kz-law": "law", "kz-gov": "decree"}
# What each text alone (no meta.yaml) states of its own date and number: the approval stamp of
# its annex (decree 419, the akim's decision), or nothing (a blank stamp «от « » 2021 года №»;
# the mirrors' laws keep no signature block with the date).
FROM_TEXT = {
    "kz-akimat-almaty-region-1997-6-194": ("1997-06-11", "6-194"),
    "kz-gov-decree-2019-419": ("2019-06-19", "419"),
}


def params():
    out = []
    for folder, (kinds_, titles, date, number) in CORPUS.items():
        out.append(pytest.param(folder, kinds_, titles, date, number, id=folder))
    return out


def own_kind(folder: str) -> str:
    return next(v for k, v in OWN_KIND.items() if folder.startswith(k))


def kgraph(*args: str):
    return runner.invoke(app, ["add", *args], env={"COLUMNS": "400"})


def decided(output: str, doc: str) -> dict[str, str]:
    """The last decision printed for each fact of `doc` ("doc: what = value  ← evidence")."""
    out: dict[str, str] = {}
    for line in output.splitlines():
        if line.startswith(f"{doc}: ") and " = " in line:
            what, _, rest = line[len(doc) + 2 :].partition(" = ")
            out[what] = rest.split("  ← ")[0]
    return out


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()
    }


# --- the corpus folders -------------------------------------------------------------------------


@pytest.mark.parametrize("folder, kinds_, titles, date, number", params())
def test_corpus_folder_dry_run_decides_kind_language_title_date_number(tmp_path, folder, kinds_, titles, date, number):
    result = kgraph(str(FIXTURES / folder), "--dry-run", "--catalog", str(tmp_path / "catalog.yaml"))
    assert result.exit_code == 0, result.output
    for lang, title in titles.items():
        d = decided(result.stdout, f"{folder}-{lang}")
        assert d["language"] == lang
        assert d["kinds"] == ", ".join(kinds_)
        assert d["kind"] == own_kind(folder)
        assert d["title"].startswith(title)
        assert (d["date"], d["number"]) == (date, number)
        assert d["format"] == "md"
    assert "would add" in result.stdout
    assert not (tmp_path / "catalog.yaml").exists() and not (tmp_path / "sources").exists()


@pytest.mark.parametrize("folder, kinds_, titles, date, number", params())
def test_each_text_alone_is_read_from_the_text(tmp_path, folder, kinds_, titles, date, number):
    """Without meta.yaml: through `kgraph add` and through a hand-written catalog entry."""
    text_date, text_number = FROM_TEXT.get(folder, ("none", "none"))
    for lang, title in titles.items():
        name = "rus.md" if lang == "ru" else "kaz.md"
        alone = tmp_path / lang / f"{folder}-{name}"
        alone.parent.mkdir()
        shutil.copy(FIXTURES / folder / name, alone)
        result = kgraph(str(alone), "--dry-run", "--catalog", str(tmp_path / "catalog.yaml"))
        assert result.exit_code == 0, result.output
        d = decided(result.stdout, alone.stem)
        assert d["language"] == lang and d["kinds"] == ", ".join(kinds_) and d["kind"] == own_kind(folder)
        assert d["title"].startswith(title)
        assert (d.get("date"), d.get("number")) == (text_date, text_number)
        # a catalog entry naming the file reads the same
        cat = tmp_path / lang / "catalog.yaml"
        (cat.parent / "sources").mkdir()
        shutil.copy(alone, cat.parent / "sources" / alone.name)
        cat.write_text(f"documents:\n  - id: {alone.stem}\n    file: {alone.name}\n", encoding="utf-8")
        [entry] = catalog.load(cat)
        doc = catalog.read(entry, cat)
        assert (doc.entry.language, doc.entry.kinds, doc.meta.kind) == (lang, kinds_, own_kind(folder))
        assert doc.meta.title.startswith(title)
        expected = (None, None) if text_date == "none" else (dt.date.fromisoformat(text_date), text_number)
        assert (doc.meta.date, doc.meta.number) == expected


def test_a_mirror_text_in_its_folder_brings_its_meta_yaml(tmp_path):
    folder = tmp_path / "kz-law-2024-103-viii"
    shutil.copytree(FIXTURES / folder.name, folder)
    cat = tmp_path / "data" / "catalog.yaml"
    [added] = adding.add([folder / "kaz.md"], cat)
    assert added.entry == {"id": "kz-law-2024-103-viii", "folder": "kz-law-2024-103-viii", "language": "kk"}
    [entry] = catalog.load(cat)
    doc = catalog.read(entry, cat)
    assert (doc.meta.date, doc.meta.number, doc.version_date) == (
        dt.date(2024, 7, 1),
        "103-VIII",
        dt.date(2025, 5, 19),
    )
    # the same, hand-written as a file entry
    cat.write_text("documents:\n  - {id: law-kk, file: kz-law-2024-103-viii/kaz.md}\n", encoding="utf-8")
    [entry] = catalog.load(cat)
    assert entry.language == "kk" and entry.version_date == dt.date(2025, 5, 19)
    assert catalog.read(entry, cat).meta.number == "103-VIII"


# --- writing the catalog ----------------------------------------------------------------------

COMMENTED = """\
# Source documents (comments are kept by kgraph add).
documents:
  # the legislative plan for 2022
  - id: plan-2022
    folder: kz-gov-decree-2021-991  # a corpus folder
"""


@pytest.fixture
def data(tmp_path):
    root = tmp_path / "data"
    (root / "sources").mkdir(parents=True)
    shutil.copytree(FIXTURES / "kz-gov-decree-2021-991", root / "sources" / "kz-gov-decree-2021-991")
    (root / "catalog.yaml").write_text(COMMENTED, encoding="utf-8")
    return root


def test_add_a_file_keeps_the_catalog_comments(data, tmp_path):
    src = tmp_path / "census.md"
    shutil.copy(FIXTURES / "kz-gov-decree-2019-419" / "rus.md", src)
    result = kgraph(str(src), "--catalog", str(data / "catalog.yaml"))
    assert result.exit_code == 0, result.output
    text = (data / "catalog.yaml").read_text(encoding="utf-8")
    assert text.startswith(COMMENTED)  # comments and layout untouched
    assert text[len(COMMENTED) :] == "  - id: census\n    file: census.md\n"
    assert (data / "sources" / "census.md").read_bytes() == src.read_bytes()
    entries = catalog.load(data / "catalog.yaml")
    assert [e.id for e in entries] == ["plan-2022-ru", "plan-2022-kk", "census"]
    assert "added census" in result.stdout


def test_dry_run_writes_nothing(data, tmp_path):
    before = snapshot(data)
    src = tmp_path / "census.md"
    shutil.copy(FIXTURES / "kz-gov-decree-2019-419" / "rus.md", src)
    result = kgraph(
        str(src), str(FIXTURES / "kz-law-2024-103-viii"), "--dry-run", "--catalog", str(data / "catalog.yaml")
    )
    assert result.exit_code == 0, result.output
    assert "would add census" in result.stdout and "would add kz-law-2024-103-viii" in result.stdout
    assert snapshot(data) == before


def test_overrides_id_language_kind(data, tmp_path):
    src = tmp_path / "text.md"
    shutil.copy(FIXTURES / "kz-law-2024-103-viii" / "kaz.md", src)
    [added] = adding.add([src], data / "catalog.yaml", language="kk", doc_id="science-law-kk", kind="law")
    assert added.entry == {"id": "science-law-kk", "file": "text.md", "language": "kk", "kinds": ["law"]}
    decisions = {(what, value, evidence) for _, what, value, evidence in added.decisions}
    assert ("language", "kk", "catalog") in decisions and ("kinds", "law", "catalog") in decisions
    entry = catalog.load(data / "catalog.yaml")[-1]
    assert (entry.id, entry.language, entry.kinds) == ("science-law-kk", "kk", ("law",))


def test_a_folder_is_added_with_both_languages(data):
    [added] = adding.add([FIXTURES / "kz-law-2024-103-viii"], data / "catalog.yaml")
    assert added.entry == {"id": "kz-law-2024-103-viii", "folder": "kz-law-2024-103-viii"}
    assert (data / "sources" / "kz-law-2024-103-viii" / "meta.yaml").is_file()
    ids = [e.id for e in catalog.load(data / "catalog.yaml")]
    assert ids[-2:] == ["kz-law-2024-103-viii-ru", "kz-law-2024-103-viii-kk"]


def test_added_documents_build(data, tmp_path):
    from kgraph import build

    shutil.copy(ROOT / "data" / "registry.yaml", data / "registry.yaml")
    src = tmp_path / "census.md"
    shutil.copy(FIXTURES / "kz-gov-decree-2019-419" / "kaz.md", src)
    adding.add([src, FIXTURES / "kz-akimat-almaty-region-1997-6-194"], data / "catalog.yaml")
    _, report = build.build_dataset(data / "catalog.yaml")
    assert not report.failed
    by_id = {d.id: d for d in report.documents}
    census = by_id["census"].coverage
    assert (census["kind"], census["date"], census["number"]) == ("decree", "2019-06-19", "419")
    assert census["tasks"] >= 2
    akimat = by_id["kz-akimat-almaty-region-1997-6-194-ru"].coverage
    assert (akimat["kind"], akimat["date"], akimat["number"]) == ("local-act", "1997-06-11", "6-194")
    # the akim's «РЕШИЛ:» / «ШЕШIМ ЕТТI:» opens the operative part the decree reader reads
    assert akimat["clauses"] >= 2 and by_id["kz-akimat-almaty-region-1997-6-194-kk"].coverage["clauses"] >= 2


# --- errors: one line, exit 1, nothing half-written ---------------------------------------------


def _bad_binary(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    return [str(path)]


def _empty_folder(tmp_path):
    (tmp_path / "folder").mkdir()
    return [str(tmp_path / "folder")]


def _second_is_bad(tmp_path):
    good = tmp_path / "good.md"
    shutil.copy(FIXTURES / "kz-gov-decree-2019-419" / "rus.md", good)
    return [str(good), str(tmp_path / "missing.docx")]


def _two_with_one_id(tmp_path):
    return [str(FIXTURES / "kz-law-2024-103-viii"), str(FIXTURES / "kz-law-2015-381-v"), "--id", "x"]


def _clash_with_each_other(tmp_path):
    (tmp_path / "a").mkdir()
    shutil.copy(FIXTURES / "kz-gov-decree-2019-419" / "rus.md", tmp_path / "a" / "census.md")
    shutil.copy(FIXTURES / "kz-gov-decree-2019-419" / "kaz.md", tmp_path / "census.md")
    return [str(tmp_path / "census.md"), str(tmp_path / "a" / "census.md")]


ERRORS = [
    ("missing", lambda t: [str(t / "nothing.pdf")], "nothing.pdf: no such file or folder"),
    ("unreadable", _bad_binary, "scan.txt: binary file, expected text (UTF-8, cp1251 or UTF-16) (read as txt)"),
    ("folder-without-meta", _empty_folder, "a folder without meta.yaml"),
    (
        "id-clash",
        lambda t: [str(FIXTURES / "kz-gov-decree-2021-991"), "--id", "plan-2022"],
        "id 'plan-2022' is already",
    ),
    (
        "id-not-iri-safe",
        lambda t: [str(FIXTURES / "kz-law-2024-103-viii"), "--id", "закон о науке"],
        "--id: id 'закон о науке' is not usable in IRIs (character(s) ' ' 'а' 'е'",
    ),
    (
        "id-suggestion",
        lambda t: [str(FIXTURES / "kz-law-2024-103-viii"), "--id", "law 103/VIII"],
        "e.g. 'law-103-VIII'",
    ),
    ("unknown-kind", lambda t: [str(FIXTURES / "kz-law-2024-103-viii"), "--kind", "statute"], "--kind 'statute'"),
    ("bad-language", lambda t: [str(FIXTURES / "kz-law-2024-103-viii"), "--language", "en"], "--language must be"),
    ("second-path-missing", _second_is_bad, "missing.docx: no such file or folder"),
    ("one-id-two-paths", _two_with_one_id, "--id names one document"),
    ("same-name-different-file", _clash_with_each_other, "id 'census' is already in the catalog"),
]


@pytest.mark.parametrize("make_args, message", [pytest.param(a, m, id=i) for i, a, m in ERRORS])
def test_errors_are_one_line_exit_1_and_write_nothing(data, tmp_path, make_args, message):
    before = snapshot(data)
    result = kgraph(*make_args(tmp_path), "--catalog", str(data / "catalog.yaml"))
    assert result.exit_code == 1
    err = result.stderr.strip()
    assert "\n" not in err and err.startswith("error: ") and message in err, err
    assert "Traceback" not in result.output
    assert snapshot(data) == before


def test_a_source_of_the_same_name_with_other_content_is_refused(data, tmp_path):
    (data / "sources" / "census.md").write_text("другой текст", encoding="utf-8")
    before = snapshot(data)
    src = tmp_path / "census.md"
    shutil.copy(FIXTURES / "kz-gov-decree-2019-419" / "rus.md", src)
    with pytest.raises(InputError, match="a different file of this name is already in the sources"):
        adding.add([src], data / "catalog.yaml")
    assert snapshot(data) == before


def test_a_catalog_that_does_not_load_is_not_written(data, tmp_path, monkeypatch):
    """The new catalog is checked before it replaces the old one; what was copied is removed."""
    before = snapshot(data)
    src = tmp_path / "census.md"
    shutil.copy(FIXTURES / "kz-gov-decree-2019-419" / "rus.md", src)

    def refuse(path):
        raise InputError(path, "refused by the test")

    monkeypatch.setattr(catalog, "load", refuse)
    with pytest.raises(KgraphError, match="refused by the test"):
        adding.add([src], data / "catalog.yaml")
    assert snapshot(data) == before
    assert not list(data.glob(".catalog.yaml*"))


def test_an_unreadable_catalog_is_a_one_line_error(data, tmp_path):
    (data / "catalog.yaml").write_text("documents:\n  - id: [a\n", encoding="utf-8")
    result = kgraph(str(FIXTURES / "kz-law-2024-103-viii"), "--catalog", str(data / "catalog.yaml"))
    assert result.exit_code == 1
    assert "not a readable YAML catalog: line 3" in result.stderr and "\n" not in result.stderr.strip()
