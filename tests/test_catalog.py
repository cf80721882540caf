import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph import catalog
from kgraph.errors import InputError
from kgtest import ROOT


def write(tmp_path, body: str):
    (tmp_path / "sources").mkdir(exist_ok=True)
    p = tmp_path / "catalog.yaml"
    p.write_text(body, encoding="utf-8")
    return p


def test_real_catalog_loads():
    entries = catalog.load(ROOT / "data" / "catalog.yaml")
    # five seed texts, twenty expressions of the thirteen corpus plans and decrees, four of the two
    # regulations, twenty-eight of fourteen laws
    assert len(entries) == 57
    assert all(e.path.is_file() for e in entries)
    folders = {e.id: (e.language, e.version_date) for e in entries if e.folder}
    assert folders["kz-gov-decree-2023-864-ru"] != folders["kz-gov-decree-2023-864-kk"]  # two redactions
    assert {e.language for e in entries if e.id.startswith("kz-law-2024-103-viii")} == {"ru", "kk"}


@pytest.mark.parametrize(
    "body, message",
    [
        ("documents: [{file: a.txt, language: ru}]", "missing field(s) id"),
        ("documents: [{id: a, language: ru}]", "give either file (one text) or folder"),
        ("documents: [{id: a, file: a.txt, folder: b}]", "give either file (one text) or folder"),
        ("documents: [{id: my act, file: a.txt}]", "id 'my act' is not usable in IRIs (character(s) ' '); use letters"),
        ("documents: [{id: 'акт/1', file: a.txt}]", "is not usable in IRIs"),
        ("documents: [{id: a, file: a.txt, format: rtf}]", "format must be one of txt, md, html, docx, pdf"),
        ("documents: [{id: a, file: a.txt, work: b}]", "work 'b' is not the id of another entry"),
        ("documents: [{id: a, folder: nowhere}]", "not a corpus folder"),
        ("documents: [{id: a, file: a.txt, language: ru, kinds: [plan], colour: red}]", "unknown field(s) colour"),
        ("documents: [{id: a, file: a.txt, language: xx, kinds: [plan]}]", "language must be one of"),
        ("documents: [{id: a, file: a.txt, language: ru, kinds: [poem]}]", "unknown kind(s) poem"),
        ("documents: [{id: a, file: a.txt, language: ru, kinds: [plan], date: yesterday}]", "date must be an ISO date"),
        ("documents: {id: a}", "expected a mapping with a 'documents' list"),
        ("documents: [: :", "not a readable YAML catalog"),
    ],
)
def test_malformed_catalog_names_file_and_problem(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(InputError) as exc:
        catalog.load(path)
    assert str(path) in str(exc.value)
    assert message in str(exc.value)


def test_duplicate_id(tmp_path):
    path = write(
        tmp_path,
        "documents:\n - {id: a, file: a.txt, language: ru, kinds: [plan]}\n"
        " - {id: a, file: b.txt, language: ru, kinds: [plan]}\n",
    )
    with pytest.raises(InputError, match="duplicate id"):
        catalog.load(path)


def test_missing_and_binary_source(tmp_path):
    path = write(tmp_path, "documents:\n - {id: a, file: a.txt, language: ru, kinds: [plan]}\n")
    entry = catalog.load(path)[0]
    with pytest.raises(InputError, match="not found") as exc:
        catalog.read_text(entry, path)
    assert "a.txt" in str(exc.value)
    (tmp_path / "sources" / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match="binary file"):
        catalog.read_text(entry, path)


# A catalog of two entries, the second one bad on its own line (line 5); through `kgraph build`.
GOOD = "# comment\ndocuments:\n  - {id: a, file: a.txt, language: ru, kinds: [decree]}\n\n"


@pytest.mark.parametrize(
    "bad, message",
    [
        ("  - {id: my act, file: a.txt}", "line 5: entry 2 (my act): id 'my act' is not usable in IRIs"),
        ("  - {id: 'закон №1', file: a.txt}", "e.g. '1'"),
        (
            "  - {id: b, file: a.txt, issuer: minfin}",
            "line 5: entry b: issuer 'minfin' is not a registry id; did you mean",
        ),
        (
            "  - {id: b, file: a.txt, issuer: no-such-body-at-all}",
            "is not a registry id; see the bodies in registry.yaml",
        ),
        ("  - {id: b, file: a.txt, kinds: [statute]}", "line 5: entry 2 (b): unknown kind(s) statute; known: decree"),
        ("  - {id: b, file: a.txt, date: 2024-13-01}", "line 5: '2024-13-01' is not a date: month must be in 1..12"),
        ("  - {id: b, file: a.txt, date: 1 июля 2024}", "line 5: entry 2 (b): date must be an ISO date"),
        ("  - {id: b, file: a.txt, language: kz}", "line 5: entry 2 (b): language must be one of en, kk, ru"),
        ("  - {id: b, folder: a.txt}", "line 5: entry 2 (b): "),
        ("  - {id: a, file: a.txt}", "line 5: entry 2 (a): duplicate id 'a'"),
        ("  - {id: b, file: [a.txt", "not a readable YAML catalog: line 6, column 1"),
        ("  - {id: b, file: 7}", "line 5: entry 2 (b): file must be text, not 7"),
        ("  - {id: b, file: a.txt, issuer: [minfin]}", "line 5: entry 2 (b): issuer must be text, not ['minfin']"),
        ("  - {id: b, file: a.txt, format: [md]}", "line 5: entry 2 (b): format must be text"),
        ('  - {id: "b\\u001e", file: a.txt}', "line 5: entry 2 ('b\\x1e'): id 'b\\x1e' is not usable in IRIs"),
    ],
)
def test_bad_catalog_values_fail_the_build_with_one_line(tmp_path, bad, message):
    from typer.testing import CliRunner

    from kgraph.cli import app

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:\n", encoding="utf-8")
    shutil.copy(ROOT / "data" / "registry.yaml", tmp_path / "registry.yaml")
    cat = tmp_path / "catalog.yaml"
    cat.write_text(GOOD + bad + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["build", "--catalog", str(cat), "--out", str(tmp_path / "out"), "--no-shacl"])
    assert result.exit_code == 1
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1 and err.startswith(f"error: {cat}: "), err
    assert message in err, err
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_a_broken_meta_yaml_names_its_line(tmp_path):
    folder = tmp_path / "sources" / "act"
    folder.mkdir(parents=True)
    (folder / "rus.md").write_text("# О науке\n", encoding="utf-8")
    (folder / "meta.yaml").write_text("act_code: '1'\ntitle:\n  rus: [broken\n", encoding="utf-8")
    path = write(tmp_path, "documents:\n  - {id: act, folder: act}\n")
    with pytest.raises(InputError, match=r"meta\.yaml: line 4: not a readable meta\.yaml"):
        catalog.load(path)


# Any YAML value in any field of an entry: the catalog loads, or says what is wrong in one line.
VALUES = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.none(),
    st.booleans(),
    st.dates(),
    st.lists(st.text(max_size=8), max_size=3),
)
FIELDS = ("id", "file", "folder", "language", "kinds", "date", "number", "issuer", "work", "title", "format")


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=6), base=st.booleans())
def test_any_values_in_an_entry_load_or_give_an_input_error(tmp_path, entry, base):
    from kgraph import build, registry

    if base:  # a valid entry with some values replaced, so that the checks after the first one run too
        entry = {"id": "a", "file": "a.txt", **entry}
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "a.txt").write_text("Статья 1.\n", encoding="utf-8")
    path = tmp_path / "catalog.yaml"
    path.write_text(yaml.safe_dump({"documents": [entry]}, allow_unicode=True), encoding="utf-8")
    try:
        entries = catalog.load(path)
        build.check_issuers(entries, registry.load(ROOT / "data" / "registry.yaml"), path)
    except InputError as exc:
        assert len(str(exc).splitlines()) == 1
