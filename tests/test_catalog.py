import pytest

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
    # five texts, seven expressions of the four corpus plans, four of the two regulations (folders)
    assert len(entries) == 16
    assert all(e.path.is_file() for e in entries)
    folders = {e.id: (e.language, e.version_date) for e in entries if e.folder}
    assert folders["kz-gov-decree-2023-864-ru"] != folders["kz-gov-decree-2023-864-kk"]  # two redactions


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
