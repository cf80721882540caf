"""Law structure (kgraph.sources.law_structure, kgraph.sources.law_layout): chapters,
articles, paragraphs, items and sub-points whatever the layout; contents lists and
service lines skipped; excluded and not-yet-in-force subdivisions; footnotes apart."""

from __future__ import annotations

import pytest

from kgraph.ingest import markdown
from kgraph.sources import law_layout
from kgraph.sources.law_structure import read_structure
from kgraph.text import normalize


def read(text: str):
    return read_structure(normalize(text).text)


# --- one law, four layouts --------------------------------------------------------------

PORTAL = """ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН

Настоящий Закон регулирует отношения.

Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

Статья 1. Основные понятия

1. В настоящем Законе используются следующие понятия:
   1) грант – средства;
   1-1) инновация – результат;
   2) исключен Законом РК от 10.07.2012 № 36-V.

Глава 4-1. КОМПЕТЕНЦИЯ

Статья 7-1. Компетенция Правительства

Правительство Республики Казахстан:
1) утверждает правила:
   а) первые;
   б) вторые;
2) осуществляет иные функции.
"""

COLUMN_ZERO = PORTAL.replace("   ", "")
MARKDOWN = (
    PORTAL.replace("Глава 1.", "## Глава 1.")
    .replace("Глава 4-1.", "## Глава 4-1.")
    .replace("Статья 1.", "### Статья 1.")
    .replace("Статья 7-1.", "**Статья 7-1.")
    .replace("Компетенция Правительства\n", "Компетенция Правительства**\n")
)
# A PDF: headings and items indented, text wrapped at a fixed width.
PDF = """      Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ
      Статья 1. Основные понятия
      1. В настоящем Законе используются следующие
понятия:
      1) грант – средства;
      1-1) инновация –
результат;
      2) исключен Законом РК от 10.07.2012 № 36-V.
      Глава 4-1. КОМПЕТЕНЦИЯ
      Статья 7-1. Компетенция Правительства
      Правительство Республики Казахстан:
      1) утверждает
правила:
      а) первые;
      б) вторые;
      2) осуществляет иные функции.
"""


@pytest.mark.parametrize("layout", [PORTAL, COLUMN_ZERO, PDF], ids=["portal", "column-0", "pdf"])
def test_structure_whatever_the_layout(layout):
    s = read(layout)
    assert [(c.number, c.title) for c in s.chapters] == [("1", "ОБЩИЕ ПОЛОЖЕНИЯ"), ("4-1", "КОМПЕТЕНЦИЯ")]
    assert [(a.number, a.chapter) for a in s.articles] == [("1", "1"), ("7-1", "4-1")]
    assert [(p.article, p.number) for p in s.paragraphs] == [("1", "1")]
    items = {(i.article, i.paragraph, i.number): i for i in s.items}
    assert list(items) == [("1", "1", "1"), ("1", "1", "1-1"), ("1", "1", "2"), ("7-1", None, "1"), ("7-1", None, "2")]
    assert items[("1", "1", "1-1")].text == "инновация – результат"
    assert items[("1", "1", "2")].excluded and not items[("1", "1", "1")].excluded
    # sub-points belong to their item's text
    assert "а) первые" in items[("7-1", None, "1")].text and "б) вторые" in items[("7-1", None, "1")].text
    assert [(e.article, e.paragraph, e.item) for e in s.excluded] == [("1", "1", "2")]


def test_markdown_headings_and_bold_articles():
    s = read(markdown.convert(MARKDOWN).text)  # as the build reads a mirror's Markdown
    assert [a.title for a in s.articles] == ["Основные понятия", "Компетенция Правительства"]
    assert [c.number for c in s.chapters] == ["1", "4-1"]


def test_kazakh_numbering():
    s = read(
        "4-1-тарау. ҚҰЗЫРЕТ\n\n7-1-бап. Үкіметтің құзыреті\n\nҮкімет:\n1) бекітеді;\n"
        "2) алып тасталды - ҚР 2015.07.10 № 1-V Заңымен;\n3) өзге де функцияларды жүзеге асырады.\n"
    )
    assert [(c.number, c.title) for c in s.chapters] == [("4-1", "ҚҰЗЫРЕТ")]
    assert [(a.number, a.title) for a in s.articles] == [("7-1", "Үкіметтің құзыреті")]
    assert [(i.number, i.excluded) for i in s.items] == [("1", False), ("2", True), ("3", False)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Статья 9. (исключена)", ("9", None, True)),
        ("Статья 9. Исключена Законом РК от 10.07.2012 № 36-V.", ("9", None, True)),
        ("9-бап. алып тасталды", ("9", None, True)),
        ("Статья 9. Финансирование", ("9", "Финансирование", False)),
    ],
)
def test_excluded_articles(text, expected):
    s = read(f"Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ\n\n{text}\n\nСтатья 10. Другое\n\nТекст.\n")
    a = s.articles[0]
    assert (a.number, a.title, a.excluded) == expected


def test_contents_list_and_service_lines_are_no_structure():
    text = (
        "Примечание РЦПИ!\nПорядок введения в действие см. ст. 2.\nПРЕСС-РЕЛИЗ\n\n"
        "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ\nСтатья 1. Понятия\nСтатья 2. Цели\n\n"
        "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ\n\nСтатья 1. Понятия\n\nТекст первой статьи.\n\n"
        "Статья 2. Цели\n\nТекст второй статьи.\n"
    )
    s = read(text)
    assert [a.number for a in s.articles] == ["1", "2"]
    assert s.article_text("1").strip().startswith("Текст первой")
    assert not any("РЦПИ" in s.article_text(a.number) for a in s.articles)


def test_grouping_headings_inside_chapters_are_not_chapters():
    s = read(
        "Глава 2. МЕРЫ\n\nПараграф 1. Финансовые меры\n\nСтатья 5. Гранты\n\nТекст.\n\n"
        "Параграф 2. Нефинансовые меры\n\nСтатья 6. Услуги\n\nТекст.\n"
    )
    assert [c.number for c in s.chapters] == ["2"]
    assert [(a.number, a.chapter) for a in s.articles] == [("5", "2"), ("6", "2")]


def test_footnotes_are_kept_apart_from_item_text():
    s = read(
        "Статья 4. Компетенция\n\nПравительство:\n1) утверждает правила;\n"
        "Сноска. Статья 4 с изменением, внесенным Законом РК от 13.06.2013 № 102-V.\n"
        "2) осуществляет иные функции.\n"
    )
    assert [i.text for i in s.items] == ["утверждает правила", "осуществляет иные функции"]
    notes = [s.text[u.start : u.end] for u in s.footnotes()]
    assert len(notes) == 1 and "102-V" in notes[0]


def test_pending_item_is_neither_live_nor_excluded():
    s = read("Статья 1. Понятия\n\n8-1) вводится в действие с 01.01.2025 Законом РК от 01.07.2024 № 103-VIII;\n")
    (item,) = s.items
    assert item.pending and not item.excluded


@pytest.mark.parametrize(
    "number, previous, follows",
    [("2", "1", True), ("1-1", "1", True), ("3", "1-1", False), ("2", "1-1", True), ("10-1", "10", True)],
)
def test_numbering_follows(number, previous, follows):
    assert law_layout.follows(number, previous) is follows


@pytest.mark.parametrize(
    "text",
    [
        "### Статья 10. Энергоменеджмент\n\n> *Сноска. Статья 10 исключена Законом РК от 14.01.2015 № 279-V.*\n\n"
        "### Статья 11. Здания\n\n1. Текст.\n",
        "### 10-бап. Энергия менеджменті\n\n> *Ескерту. 10-бап алып тасталды - ҚР 14.01.2015 № 279-V Заңымен.*\n\n"
        "### 11-бап. Ғимараттар\n\n1. Мәтін.\n",
    ],
)
def test_an_article_printed_as_its_heading_and_an_exclusion_footnote_is_excluded(text):
    doc = read_structure(normalize(markdown.convert(text).text).text)  # as the build reads a mirror's Markdown
    assert [(a.number, a.excluded, a.title is None) for a in doc.articles] == [("10", True, True), ("11", False, False)]


@pytest.mark.parametrize(
    "text",
    [
        # a slice of a law: items with no chapter above them, then a chapter heading with nothing under it
        "1. Способы:\n\n1) создание;\n\n2) внедрение.\n\nГлава 2. МЕРЫ ПОДДЕРЖКИ\n",
        "Статья 3. Меры\n\n1. Текст.\n\nГлава 2. МЕРЫ\n\nГлава 3. ИНОЕ\n",
        "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ\n",
    ],
)
def test_a_chapter_spans_at_least_its_heading(text):
    """A chapter with no unit of its own ends no earlier than its heading (the last unit read is
    above it): an inverted span failed the RDF writer (found by tests/test_fuzz.py)."""
    doc = read(text)
    assert doc.chapters
    for c in doc.chapters:
        assert c.span[0] < c.span[1] <= len(doc.text)
        assert doc.text[c.span[0] :].startswith("Глава")


def test_the_portals_notes_on_an_articles_entry_are_no_headings():
    s = read(
        "Статья 22-4. Сотрудничество\n\nТекст статьи.\n\n"
        "Статья 22-5. Вводится в действие по истечении шести месяцев после дня его первого официального "
        "опубликования в соответствии с Законом РК от 30.12.2020 № 397-VI.\n\n"
        "Статья 22-5. Взаимодействие\n\nТекст другой статьи.\n"
    )
    assert [(a.number, a.title) for a in s.articles] == [("22-4", "Сотрудничество"), ("22-5", "Взаимодействие")]
    kk = read("18-2-бап. Шаралар\n\nМәтін.\n\n18-3 бап. Тыйымдар\n\nБасқа мәтін.\n")
    assert [a.number for a in kk.articles] == ["18-2", "18-3"]
