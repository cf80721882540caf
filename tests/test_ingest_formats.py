"""kgraph.ingest.formats (and kgraph.ingest.read): each input format to the text the readers take.

Excerpts are real: the census decree No. 419 and the legislative plan No. 991 as the
portal's public mirrors hold them (data/sources). DOCX and PDF files are made here from
that text (tests/doc_support.py): no binary is committed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from doc_support import MERGED, Grid, Spaced, docx_bytes, pdf_bytes
from kgraph import ingest
from kgraph.errors import InputError
from kgraph.ingest import describe
from kgraph.ingest.markdown import CELL_SEPARATOR as SEP
from kgraph.text import normalize
from kgtest import ROOT

ADILET_PAGE = ROOT / "tests" / "fixtures" / "ingest" / "adilet-page-ru.html"

DECREE_991_RU = """\
О Плане законопроектных работ Правительства Республики Казахстан на 2022 год

Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:

1. Утвердить прилагаемый План законопроектных работ Правительства Республики Казахстан на 2022 год (далее – План).

3. Координацию законопроектной работы Правительства Республики Казахстан и контроль за выполнением настоящего постановления возложить на Министерство юстиции Республики Казахстан.
"""
DECREE_991_KK = """\
Қазақстан Республикасы Үкіметінің заң жобалау жұмыстарының 2022 жылға арналған жоспары туралы

Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:

1. Қоса беріліп отырған Қазақстан Республикасы Үкіметінің заң жобалау жұмыстарының 2022 жылға арналған жоспары (бұдан әрі – Жоспар) бекітілсін.
"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- plain text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, data, encoding",
    [
        (DECREE_991_RU, DECREE_991_RU.encode("utf-8"), "utf-8"),
        (DECREE_991_KK, b"\xef\xbb\xbf" + DECREE_991_KK.encode("utf-8"), "utf-8"),  # with a BOM
        (DECREE_991_RU, DECREE_991_RU.encode("cp1251"), "cp1251"),
        (DECREE_991_KK, DECREE_991_KK.encode("utf-16"), "utf-16"),  # little-endian with a BOM
        (DECREE_991_KK, b"\xfe\xff" + DECREE_991_KK.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1251", "utf-16-le", "utf-16-be"],
)
def test_plain_text_in_any_encoding_is_detected_and_converted(tmp_path, text, data, encoding):
    source = ingest.read(write(tmp_path, "act.txt", data))
    assert source.text == text
    assert source.format == "txt" and source.media_type == "text/plain"
    assert source.encoding.replace("_", "").replace("-", "") == encoding.replace("-", "")
    assert source.locate(source.text.index("1. Утвердить" if "Утвердить" in text else "1. Қоса")) == "line 5"


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file, expected text"),
        # a UTF-8 text with one damaged byte on its third line: not read as mojibake in another encoding
        (
            "damaged.txt",
            DECREE_991_RU.encode("utf-8").replace("ПОСТАНОВЛЯЕТ".encode(), b"\xff\xfe\xfd".join([b"", b""])),
            "line 3: bytes that are not UTF-8",
        ),
        ("latin.txt", "Décret du gouvernement, année 2021, café".encode("latin-1"), "no Cyrillic letter"),
        ("empty.txt", b"   \n\n", "no text in the file"),
        ("bad-bom.txt", b"\xff\xfe\x00\xd8", "not UTF-16 text after its byte-order mark"),
    ],
)
def test_unreadable_text_is_refused_with_one_line(tmp_path, name, data, problem):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as err:
        ingest.read(path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(str(path)) and problem in message, message


def test_missing_and_unknown_format(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        ingest.read(tmp_path / "nothing.txt")
    with pytest.raises(InputError, match="unknown format 'odt'"):
        ingest.read(write(tmp_path, "a.txt", b"x"), "odt")


# --- HTML -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def adilet():
    return ingest.read(ADILET_PAGE)


def test_html_page_keeps_the_act_and_drops_the_furniture(adilet):
    text = adilet.text
    lines = text.splitlines()
    assert adilet.format == "html"
    # the title and the requisite line above the act's container come first, in that order
    assert lines[0] == "О проведении национальной переписи населения Республики Казахстан в 2021 году"
    assert lines[2] == "Постановление Правительства Республики Казахстан от 19 июня 2019 года № 419."
    for kept in ("Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:", "5. Настоящее постановление вводится"):
        assert kept in text
    # menus, language switch, breadcrumbs, status, tabs, sharing, sidebar, cookie banner, footer, scripts
    for furniture in (
        "Главная",
        "ҚАЗ",
        "Документы",
        "Действующий",
        "История изменений",
        "Telegram",
        "Похожие документы",
        "cookie",
        "Свидетельство о регистрации",
        "dataLayer",
        "text-indent",
    ):
        assert furniture not in text, furniture


def test_html_table_keeps_its_cells(adilet):
    lines = adilet.text.splitlines()
    header = SEP.join(
        [
            "№ п/п",
            "Мероприятие",
            "Форма завершения",
            "Ответственные за исполнение",
            "Срок исполнения",
            "Объем финансирования (тыс. тенге)",
            "Источники финансирования",
        ]
    )
    assert header in lines
    assert "1. ОРГАНИЗАЦИОННЫЕ РАБОТЫ" in lines  # a cell across the table: a heading line
    i = next(i for i, ln in enumerate(lines) if ln.startswith(f"2.{SEP}Создание региональных комиссий"))
    # the row-spanning deadline repeats; a <br> in a cell goes on a continuation line
    assert lines[i].split(SEP)[3:5] == ["акиматы областей,", "I – II кварталы 2021 года"]
    assert lines[i + 1] == SEP * 3 + "городов республиканского значения и столицы"
    # the approval stamp keeps its lines together
    assert "Утвержден\nпостановлением Правительства\nРеспублики Казахстан\nот 19 июня 2019 года № 419" in adilet.text


def test_html_lines_map_to_the_page_source(adilet):
    page = ADILET_PAGE.read_text(encoding="utf-8").splitlines()
    for needle in ("1. Провести национальную перепись", "2.\t|\tСоздание региональных", "Утвержден"):
        where = adilet.locate(adilet.text.index(needle))
        n = int(where.removeprefix("line "))
        assert needle.split("\t")[0] in page[n - 1], (needle, where)


def test_html_page_is_read_as_the_decree_with_its_plan(adilet):
    d = describe.describe(normalize(adilet.text).text)
    assert (d.meta.kind, d.meta.date, d.meta.number) == ("decree", dt.date(2019, 6, 19), "419")
    assert d.meta.title == "О проведении национальной переписи населения Республики Казахстан в 2021 году"
    assert d.kinds == ("decree", "plan") and d.language == "ru"


def test_html_without_a_container_keeps_the_whole_body(tmp_path):
    page = (
        "<html><body><p>Қазақстан Республикасы Үкіметінің заң жобалау жұмыстарының 2022 жылға арналған "
        "жоспары туралы</p><p>Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:</p>"
        "<p>1. Қоса беріліп отырған жоспар бекітілсін.</p><p>2. Осы қаулы қол қойылған күнінен бастап "
        "қолданысқа енгізіледі.</p></body></html>"
    )
    source = ingest.read(write(tmp_path, "act.htm", page.encode("utf-8")))
    assert source.text.splitlines()[::2] == [
        "Қазақстан Республикасы Үкіметінің заң жобалау жұмыстарының 2022 жылға арналған жоспары туралы",
        "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:",
        "1. Қоса беріліп отырған жоспар бекітілсін.",
        "2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.",
    ]


def test_html_in_cp1251_is_read(tmp_path):
    page = "<html><body><h1>О Плане законопроектных работ</h1><p>Правительство ПОСТАНОВЛЯЕТ:</p></body></html>"
    source = ingest.read(write(tmp_path, "act.html", page.encode("cp1251")))
    assert source.text == "О Плане законопроектных работ\n\nПравительство ПОСТАНОВЛЯЕТ:\n"


# --- DOCX -------------------------------------------------------------------------------

DOCX_BLOCKS = [
    "О проведении национальной переписи населения Республики Казахстан в 2021 году",
    "Постановление Правительства Республики Казахстан от 19 июня 2019 года № 419",
    "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:",
    "1. Провести национальную перепись населения Республики Казахстан в период с 1 по 30 октября 2021 года.",
    [
        ["№ п/п", "Мероприятие", "Форма завершения", "Ответственные за исполнение", "Срок исполнения"],
        ["1. ОРГАНИЗАЦИОННЫЕ РАБОТЫ", MERGED, MERGED, MERGED, MERGED],
        ["1.", "Создание специальной комиссии", "приказ", "МНЭ", "I – II кварталы 2021 года"],
        ["2.", "Создание региональных комиссий", "распоряжение акимов", "акиматы областей\nМЦРИАП", "2021 год"],
    ],
    "Примечание: расшифровка аббревиатур:",
]


@pytest.fixture(scope="module")
def docx_source(tmp_path_factory):
    return ingest.read(write(tmp_path_factory.mktemp("docx"), "decree.docx", docx_bytes(DOCX_BLOCKS)))


def test_docx_paragraphs_and_table_in_order(docx_source):
    lines = docx_source.text.splitlines()
    assert docx_source.format == "docx"
    assert lines[0] == DOCX_BLOCKS[0] and lines[2] == DOCX_BLOCKS[1]
    header = SEP.join(DOCX_BLOCKS[4][0])
    i = lines.index(header)
    assert lines[i + 1] == "1. ОРГАНИЗАЦИОННЫЕ РАБОТЫ"  # merged across the table: one line
    assert lines[i + 2] == SEP.join(DOCX_BLOCKS[4][2])
    row = ["2.", "Создание региональных комиссий", "распоряжение акимов", "акиматы областей", "2021 год"]
    assert lines[i + 3] == SEP.join(row)
    assert lines[i + 4] == SEP * 3 + "МЦРИАП"  # the cell's second paragraph on a continuation line
    assert lines[-1] == "Примечание: расшифровка аббревиатур:"


def test_docx_lines_map_to_paragraphs(docx_source):
    at = docx_source.text.index
    assert docx_source.locate(at("Постановление Правительства")) == "paragraph 2"
    assert docx_source.locate(at("1.\t|\tСоздание специальной")) == "paragraph 5"  # the table is block 5
    assert docx_source.locate(at("Примечание")) == "paragraph 6"


def test_docx_is_read_as_the_decree_with_its_plan(docx_source):
    d = describe.describe(normalize(docx_source.text).text)
    assert (d.meta.kind, d.meta.date, d.meta.number) == ("decree", dt.date(2019, 6, 19), "419")
    assert d.kinds == ("decree", "plan")


def test_not_a_docx_is_refused(tmp_path):
    with pytest.raises(InputError, match=r"bad\.docx: not a DOCX file .*\(read as docx\)$"):
        ingest.read(write(tmp_path, "bad.docx", DECREE_991_RU.encode()))


# --- PDF --------------------------------------------------------------------------------

PLAN_ROWS = [
    ["№ п/п", "Мероприятие", "Форма завершения", "Ответственные за исполнение", "Срок исполнения"],
    [
        "1.",
        "Создание специальной комиссии для решения организационных и инструктивных вопросов",
        "приказ",
        "МНЭ",
        "I – II кварталы 2021 года",
    ],
    [
        "2.",
        "Создание региональных комиссий по содействию в проведении национальной переписи населения "
        "Республики Казахстан в 2021 году",
        "распоряжение акимов",
        "акиматы областей, городов республиканского значения и столицы",
        "I – II кварталы 2021 года",
    ],
]
PDF_PAGES = [
    [
        "О проведении национальной переписи населения Республики Казахстан в 2021 году",
        "Постановление Правительства Республики Казахстан от 19 июня 2019 года № 419",
        "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:",
        "1. Провести национальную перепись населения Республики Казахстан в период с 1 по 30 октября 2021 года.",
    ],
    [
        Spaced("План мероприятий по проведению национальной переписи населения"),
        Grid(PLAN_ROWS),
        "Примечание: расшифровка аббревиатур:",
    ],
]


@pytest.fixture(scope="module")
def pdf_source(tmp_path_factory):
    return ingest.read(write(tmp_path_factory.mktemp("pdf"), "decree.pdf", pdf_bytes(PDF_PAGES)))


def test_pdf_text_goes_through_the_normalizer_that_repairs_letter_spacing(pdf_source):
    assert "П л а н м е р о п р и я т и й" in pdf_source.text  # as the PDF's text layer has it
    text = normalize(pdf_source.text).text
    assert "\nПлан мероприятий по проведению национальной переписи населения\n" in text
    assert text.startswith(PDF_PAGES[0][0] + "\n" + PDF_PAGES[0][1])


def test_pdf_ruled_table_keeps_its_cells_one_line_per_row(pdf_source):
    lines = normalize(pdf_source.text).text.splitlines()
    for row in PLAN_ROWS:
        assert SEP.join(row) in lines, row


def test_pdf_lines_map_to_pages(pdf_source):
    at = pdf_source.text.index
    assert pdf_source.locate(at("Постановление Правительства")) == "page 1"
    assert pdf_source.locate(at("1.\t|\tСоздание специальной")) == "page 2"


def test_pdf_is_read_as_the_decree_with_its_plan_and_tasks(pdf_source):
    from kgraph.sources import plan

    norm = normalize(pdf_source.text).text
    d = describe.describe(norm)
    assert (d.meta.kind, d.meta.date, d.meta.number) == ("decree", dt.date(2019, 6, 19), "419")
    assert d.kinds == ("decree", "plan")
    tasks = [r for r in plan.parse(norm, d.meta) if type(r).__name__ == "Task"]
    assert [(t.number, t.completion_form, [p.text for p in t.parties]) for t in tasks] == [
        (1, "приказ", ["МНЭ"]),
        (2, "распоряжение акимов", ["акиматы областей, городов республиканского значения и столицы"]),
    ]


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"%PDF-1.4\n% not really a PDF\n", "not a readable PDF"),
        (DECREE_991_RU.encode(), "not a readable PDF"),
    ],
)
def test_unreadable_pdf_is_refused(tmp_path, data, problem):
    path = write(tmp_path, "bad.pdf", data)
    with pytest.raises(InputError) as err:
        ingest.read(path)
    assert problem in str(err.value) and "\n" not in str(err.value)


def test_pdf_without_a_text_layer_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(50, 50, 400, 600, fill=1)  # a page with an image-like shape and no text
    c.save()
    with pytest.raises(InputError, match="no text layer"):
        ingest.read(path)


# --- formats by extension ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("a.txt", "txt"),
        ("a.TEXT", "txt"),
        ("kaz.md", "md"),
        ("page.HTM", "html"),
        ("page.xhtml", "html"),
        ("a.docx", "docx"),
        ("a.pdf", "pdf"),
        ("README", "txt"),
    ],
)
def test_format_is_told_by_the_extension(name, fmt):
    assert ingest.format_of(Path(name)) == fmt
