"""No traceback on any input (issue 19): every reader, on tiny, empty, header-only and mutated
documents, gives records or the project's own one-line input error, in bounded time.

A document goes the way the build reads a catalogued one (tests/fuzz_support.py,
`read_everything`): its format's converter (`kgraph.ingest`), the normalizer, what
the text says of itself (`kgraph.ingest.describe`), then every extractor that
`kgraph.kinds` lists with its RDF writer, and the coverage. The bound is CPU time
(the machine may be loaded): 1 s per started 10 KB of input. bench/fuzz.py runs
10,000 random cases of the same kind and writes bench/results/fuzz.md.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import doc_support
import fuzz_support as fs
from kgraph import kinds

# Tiny documents and documents without tasks, competences or body: the head of an act, a
# table's header and nothing under it, a heading alone.
PLAN_HEADER_TXT = "№\t|\tМероприятие\t|\tФорма завершения\t|\tОтветственные за исполнение\t|\tСрок исполнения\n"
PLAN_HEADER_HTML = (
    "<table>\n<tr>\n<th>№ п/п</th>\n<th>Мероприятие</th>\n<th>Форма завершения</th>\n"
    "<th>Ответственные за исполнение</th>\n<th>Срок исполнения</th>\n</tr>\n"
    "<tr>\n<th>1</th>\n<th>2</th>\n<th>3</th>\n<th>4</th>\n<th>5</th>\n</tr>\n</table>\n"
)
TINY = [
    "",
    " ",
    "\n\n\n",
    "\t|\t",
    "a",
    ".",
    "№",
    "|",
    "1.",
    "1)",
    "Статья 1.",
    "1-бап.",
    "Глава 1",
    "ПРИЛОЖЕНИЕ",
    "КОНЦЕПЦИЯ",
    "Положение о Министерстве",
    "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:",
    "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:",
    "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\n\nО государственной поддержке\n\n",
    "Постановление Правительства Республики Казахстан от 13 декабря 2013 года № 1331",
    PLAN_HEADER_TXT,
    "УТВЕРЖДЕН\nпостановлением Правительства\n\nПЛАН МЕРОПРИЯТИЙ\n\n" + PLAN_HEADER_TXT,
    PLAN_HEADER_HTML,
    "Статья 1. Основные понятия\n\n1. В настоящем Законе используются следующие понятия:\n",
    "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ\n\nГлава 2. ЗАДАЧИ\n",
    "Расшифровка аббревиатур:\n\nМИНТ\n",
]


@pytest.fixture(scope="module", autouse=True)
def warm():
    """First calls load dictionaries and compile patterns: not the inputs' time."""
    for name, text in fs.source_texts().items():
        fs.read_everything(text[:3000].encode("utf-8"), "md" if name.endswith(".md") else "txt")


def _check(data: bytes, fmt: str) -> None:
    seconds, _ = fs.cpu_seconds(lambda: fs.read_everything(data, fmt))
    assert seconds <= fs.allowed_seconds(len(data)), f"{seconds:.2f} s CPU for {len(data)} bytes"


def test_every_extractor_kind_is_read():
    """The fuzz goes through every kind with an extractor (the registry lists them)."""
    assert {"law", "plan", "decree", "regulation", "concept"} <= set(kinds.extracted())


@pytest.mark.parametrize("fmt", fs.FORMATS)
@pytest.mark.parametrize("text", TINY)
def test_tiny_and_empty_documents(text, fmt):
    _check((fs.as_html(text) if fmt == "html" else text).encode("utf-8"), fmt)


@pytest.mark.parametrize(
    "blocks",
    [[], [""], ["Статья 1."], [[["№", "Мероприятие", "Ответственные за исполнение", "Срок"]]], [[[""]]]],
)
def test_tiny_docx(blocks):
    _check(doc_support.docx_bytes(blocks), "docx")


@pytest.mark.parametrize("pages", [[[]], [["Статья 1."]], [[doc_support.Grid([["№", "Мероприятие", "Срок"]])]]])
def test_tiny_pdf(pages):
    _check(doc_support.pdf_bytes(pages), "pdf")


@pytest.mark.parametrize("data", [b"\x00", b"\xff\xfe", b"\xd0", "ПЛАН".encode("utf-16"), b"PK\x03\x04"])
@pytest.mark.parametrize("fmt", ("txt", "md", "html", "docx", "pdf"))
def test_bytes_that_are_no_document(data, fmt):
    _check(data, fmt)


def test_a_real_slice_reads_into_triples():
    """The harness reads for real: a slice of a law gives triples (a harness that swallowed
    everything as an input error would pass the fuzz for nothing)."""
    text = fs.source_texts()["kz-law-2015-381-v/rus.md"][:20000]
    assert fs.read_everything(text.encode("utf-8"), "md") > 100


CASES = st.builds(
    fs.Case,
    source=st.sampled_from(sorted(fs.source_texts())),
    start=st.integers(0, 1 << 20),
    length=st.one_of(st.integers(0, 16), st.integers(400, 8000)),
    ops=st.lists(st.tuples(st.sampled_from(fs.OPS), st.integers(0, 1 << 20), st.integers(0, 1 << 20)), max_size=12).map(
        tuple
    ),
    fmt=st.sampled_from(fs.FORMATS),
)


# 1,500 cases (small ones are many): about 40 s on two cores (bench/fuzz.py runs 10,000).
@settings(
    max_examples=1500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(CASES)
def test_mutated_slices_of_the_real_sources(case):
    _check(case.data(), case.fmt)
