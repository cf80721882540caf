"""Plans typed as fixed-width text and flattened (kgraph.sources.plan_flat, plan_columns):
synthetic tables typeset from known rows at several column widths and column sets, then
flattened as the portal's mirrors print them (one space between columns, words wrapped
with hyphens); the reader must give the rows back. The corpus decree 2002-470 is scored
in test_plan.py."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kgraph.records import DocumentMeta
from kgraph.sources import plan
from kgraph.sources.plan_flat import _blocks, _lines, _roles
from kgraph.sources.plan_table import find_tables
from kgraph.text import normalize

D = dt.date
APPROVED = D(2003, 2, 10)

# (number, text, form, parties as printed, deadline, [(party, by agreement)], (start, end, recurrence))
ROWS = [
    (
        "1.1",
        "Разработать программу развития туристской отрасли на 2004-2006 годы",
        "Проект постановления Правительства Республики Казахстан",
        "МИТ, МФ, МЭБП",
        "II квартал 2003 года",
        [("МИТ", False), ("МФ", False), ("МЭБП", False)],
        (D(2003, 4, 1), D(2003, 6, 30), None),
    ),
    (
        "1.2",
        "Внести изменения и дополнения в правила лицензирования деятельности туроператоров",
        "Проект постановления Правительства Республики Казахстан",
        "МИТ, Нацбанк (по согласованию)",
        "IV квартал 2003 года",
        [("МИТ", False), ("Нацбанк", True)],
        (D(2003, 10, 1), D(2003, 12, 31), None),
    ),
    (
        "1.3",
        "Обеспечить подготовку кадров для гостиничного хозяйства в высших учебных заведениях",
        "Информация Правительству Республики Казахстан",
        "МОН, акимы областей, гг. Астаны и Алматы",
        "Ежегодно",
        [("МОН", False), ("акимы областей", False), ("гг. Астаны", False), ("Алматы", False)],
        (APPROVED, D(2004, 12, 31), "annual"),
    ),
    (
        "1.4",
        "Провести инвентаризацию объектов культурного наследия",
        "Информация Правительству Республики Казахстан",
        "МКИОС, заинтересованные государственные органы",
        "2004 год",
        [("МКИОС", False), ("заинтересованные государственные органы", False)],
        (D(2004, 1, 1), D(2004, 12, 31), None),
    ),
    (
        "2.1",
        "Разработать проект Закона Республики Казахстан «О туристской деятельности»",
        "Проект Закона Республики Казахстан",
        "МИТ, МЮ, министерства и агентства",
        "III квартал 2003 года",
        [("МИТ", False), ("МЮ", False), ("министерства и агентства", False)],
        (D(2003, 7, 1), D(2003, 9, 30), None),
    ),
    (
        "2.2",
        "Совершенствовать механизм государственной поддержки малого предпринимательства в сфере туризма",
        "Проекты нормативных правовых актов",
        "МЭБП, ЗАО «Фонд развития малого предпринимательства» (по согласованию)",
        "Постоянно",
        [("МЭБП", False), ("ЗАО «Фонд развития малого предпринимательства»", True)],
        (None, None, None),
    ),
    (
        "2.3",
        "Создать информационную систему учета иностранных туристов",
        "Проект постановления Правительства Республики Казахстан",
        "МВД, КНБ (по согласованию), МИД",
        "2003-2004 годы",
        [("МВД", False), ("КНБ", True), ("МИД", False)],
        (D(2003, 1, 1), D(2004, 12, 31), None),
    ),
    (
        "2.4",
        "Провести международную выставку туристских услуг",
        "Информация Правительству Республики Казахстан",
        "МИТ, акимы Алматинской и Мангистауской областей",
        "IV квартал, ежегодно",
        [("МИТ", False), ("акимы Алматинской", False), ("Мангистауской областей", False)],
        (D(2003, 10, 1), D(2004, 12, 31), "annual"),
    ),
    (
        "2.5",
        "Обеспечить участие Республики Казахстан в работе Всемирной туристской организации",
        "Проект постановления Правительства Республики Казахстан",
        "МИД, МИТ",
        "I квартал 2004 года",
        [("МИД", False), ("МИТ", False)],
        (D(2004, 1, 1), D(2004, 3, 31), None),
    ),
    (
        "2.6",
        "Разработать методику оценки туристского потенциала регионов",
        "Проект нормативного правового акта",
        "АС, МИТ, центральные и местные исполнительные органы",
        "II квартал 2004 года",
        [("АС", False), ("МИТ", False), ("центральные и местные исполнительные органы", False)],
        (D(2004, 4, 1), D(2004, 6, 30), None),
    ),
]
SECTIONS = {"1": "Развитие туристской отрасли", "2": "Законодательство и государственное регулирование"}
HEADER = [
    "N ! Мероприятие ! Форма !Ответственные! Срок",
    "п/п ! ! завершения !за исполнение!исполнения",
]


def _wrap(text: str, width: int) -> list[str]:
    """A cell typed into a column: lines filled word by word; a word that does not fit the
    room left is hyphenated when both halves keep three letters (as typists did)."""
    lines, line = [], ""
    for word in text.split():
        room = width - len(line) - (1 if line else 0)
        if len(word) <= room:
            line = f"{line} {word}" if line else word
            continue
        cut = _hyphen_at(word, room - 1)
        if room >= 5 and cut:
            lines.append(f"{line} {word[:cut]}-" if line else f"{word[:cut]}-")
            line = word[cut:]
            continue
        if line:
            lines.append(line)
        line = word
        while len(line) > width and (cut := _hyphen_at(line, width - 1)):  # a word longer than the column
            lines.append(line[:cut] + "-")
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


def _hyphen_at(word: str, most: int) -> int:
    """Where a word may be hyphenated within `most` characters: three letters each side, at a vowel's end."""
    for cut in range(min(most, len(word) - 3), 2, -1):
        if word[:cut].isalpha() and word[cut : cut + 3].isalpha() and word[cut - 1] in "аеёиоуыэюяАЕИОУЫЭЮЯ":
            return cut
    return 0


def typeset(widths: tuple[int, ...], rows=ROWS, excluded: str | None = "1.5", bare: dict | None = None) -> str:
    """The plan as a typed table flattened: every line the pieces of its columns, one space apart."""
    out = [
        "Правительство Республики Казахстан постановляет:",
        "1. Утвердить прилагаемый План мероприятий по развитию туризма на 2003-2004 годы.",
        "2. Центральным исполнительным органам представлять в Правительство Республики Казахстан информацию.",
        "3. Контроль за исполнением настоящего постановления возложить на Министерство индустрии и торговли.",
        "Премьер-Министр Республики Казахстан",
        "Утвержден постановлением Правительства Республики Казахстан от 10 февраля 2003 года N 15",
    ]
    out += ["План мероприятий по развитию туризма на 2003-2004 годы", "", *HEADER]
    out += ["!".join("_" * w for w in (6, *widths)), "1 ! 2 ! 3 ! 4 ! 5", "!".join("_" * w for w in (6, *widths))]
    section = None
    for number, text, form, parties, deadline, _, _ in rows:
        if number.split(".")[0] != section:
            if section is not None and excluded and excluded.startswith(section + "."):
                out.append(f"{excluded}. (исключена - N 92 от 27.01.2003 г.)")  # the section's last row
            section = number.split(".")[0]
            out += ["_" * 60, f"{section}. {SECTIONS[section]}", "_" * 60]
            if section == "2":
                out += ["Совершенствование законодательства", "_" * 60]
        if bare and number in bare:  # a heading line right under the row above, no rule between
            out += bare[number]
        cells = [_wrap(c, w) for c, w in zip((text, form, parties, deadline), widths)]
        for i in range(max(len(c) for c in cells)):
            pieces = [c[i] for c in cells if i < len(c)]
            out.append((f"{number}. " if i == 0 else "") + " ".join(pieces))
    out += ["", "Примечание: расшифровка аббревиатур:", "МИТ - Министерство индустрии и торговли"]
    return "\n\n".join(out) + "\n"


def _read(text: str):
    norm = normalize(text).text
    return plan.parse(norm, DocumentMeta("decree", None, APPROVED, "15", None, (0, 0)))


WIDTHS = [(24, 14, 13, 10), (30, 16, 15, 12), (20, 14, 16, 11)]


def test_typed_rows_are_read_back():
    """Every row, its deadline and its parties come back at every width; texts and forms
    nearly all (a short task text beside a long form is the hard case: no word says in
    which column «Республики Казахстан» goes on)."""
    parties_ok = cells_ok = rows = 0
    for widths in WIDTHS:
        recs = _read(typeset(widths))
        tasks = {t.number: t for t in recs if isinstance(t, plan.Task)}
        assert list(tasks) == [r[0] for r in ROWS], widths  # the excluded row is no task
        for number, text, form, _, _, parties, (start, end, rec) in ROWS:
            t = tasks[number]
            assert (t.deadline_start, t.deadline_end, t.recurrence) == (start, end, rec), (widths, number)
            rows += 1
            parties_ok += [(p.text, p.by_agreement) for p in t.parties] == parties
            cells_ok += (re.sub(r"\s+", " ", t.text), t.completion_form) == (text, form)
    assert parties_ok / rows >= 0.9 and cells_ok / rows >= 0.75, (parties_ok, cells_ok, rows)


def test_typed_rows_at_the_decree_widths():
    """At the widths of the corpus decree 2002-470 every cell comes back."""
    recs = _read(typeset((24, 14, 13, 10)))
    tasks = {t.number: t for t in recs if isinstance(t, plan.Task)}
    for number, _, _, _, deadline, parties, _ in ROWS:
        assert [(p.text, p.by_agreement) for p in tasks[number].parties] == parties, number
        assert tasks[number].deadline_text == deadline


def test_typed_sections_subheadings_and_excluded_rows():
    recs = _read(typeset((24, 14, 13, 10)))
    sections = [(s.number, s.title, s.parent) for s in recs if isinstance(s, plan.Section)]
    assert sections == [
        ("1", SECTIONS["1"], None),
        ("2", SECTIONS["2"], None),
        ("2:1", "Совершенствование законодательства", "2"),
    ]
    tasks = {t.number: t for t in recs if isinstance(t, plan.Task)}
    assert (tasks["2.1"].section, tasks["2.1"].subheading) == ("2", "2:1")  # the number carries the section
    assert (tasks["1.1"].section, tasks["1.1"].subheading) == ("1", None)
    (gone,) = [r for r in recs if isinstance(r, plan.ExcludedRow)]
    assert (gone.section, gone.number, gone.text) == ("1", "1.5", "(исключена - N 92 от 27.01.2003 г.)")


@pytest.mark.parametrize("widths", WIDTHS)
def test_typed_headings_right_under_a_row(widths):
    """Headings printed right under a row with no rule between (the mirror's Markdown headings
    inside a typed table): a line too wide for the columns still holding words, opening with a
    capital, is a heading; a line in lower case or a bracket goes on its title."""
    bare = {
        "1.3": ["Подготовка кадров и инвентаризация объектов для туристской отрасли", "(высшие учебные заведения)"],
        "2.2": ["Поддержка малого предпринимательства в сфере туризма"],
    }
    recs = _read(typeset(widths, bare=bare))
    sections = [(s.number, s.title, s.parent) for s in recs if isinstance(s, plan.Section)]
    assert sections == [
        ("1", SECTIONS["1"], None),
        ("1:1", "Подготовка кадров и инвентаризация объектов для туристской отрасли (высшие учебные заведения)", "1"),
        ("2", SECTIONS["2"], None),
        ("2:1", "Совершенствование законодательства", "2"),
        ("2:2", "Поддержка малого предпринимательства в сфере туризма", "2"),
    ]
    tasks = {t.number: t for t in recs if isinstance(t, plan.Task)}
    assert list(tasks) == [r[0] for r in ROWS]
    assert (tasks["1.2"].subheading, tasks["1.3"].subheading, tasks["2.2"].subheading) == (None, "1:1", "2:2")
    assert tasks["1.2"].deadline_text == "IV квартал 2003 года" and tasks["1.2"].parties[-1].text == "Нацбанк"


def test_typed_header_and_body_detected():
    norm = normalize(typeset((24, 14, 13, 10))).text
    (table,) = find_tables(norm)
    assert (table.separator, table.kinds) == ("!", ("number", "text", "form", "parties", "deadline"))
    assert "1.1." in norm[table.body[0] : table.body[1]] and "Примечание" not in norm[table.body[0] : table.body[1]]


@pytest.mark.parametrize(
    "lines, numbers",
    [
        # a space for a dot («5.3 2.»), no dot («5.3.4 Разработать»), no space («4.1.10.Разработать»)
        (
            ["5.3.1. Внести МЗ IV", "5.3 2. Внести МЗ IV", "5.3.3 Разработать МЗ I", "5.3.4.Разработать МЗ II"],
            ["5.3.1", "5.3.2", "5.3.3", "5.3.4"],
        ),
        # a number inside a cell is no row («2 этап - 2006-2010 гг.)», «2003-2005 годы»)
        (
            [
                "6.1.1. Разработать Программу МЭМР IV",
                "(1 этап - 2003-2005 гг.,",
                "2 этап - 2006-2010 гг.)",
                "2003-2005 годы",
                "6.1.2. Разработать порядок МЭМР IV",
            ],
            ["6.1.1", "6.1.2"],
        ),
        # a section's own rows before its sub-sections: «6.1.» again starts the first sub-section
        (
            [
                "6. Реальный сектор",
                "6.1. Разработать МИТ I",
                "6.2. Разработать МИТ II",
                "_" * 20,
                "6.1. Минерально-сырьевой комплекс",
                "_" * 20,
                "6.1.1. Разработать МЭМР IV",
            ],
            ["6", "6.1", "6.2", "6.1", "6.1.1"],
        ),
    ],
)
def test_row_numbers(lines, numbers):
    text = "\n".join(lines)
    blocks = _blocks(_lines(text, 0, len(text)))
    assert [b.number for b in blocks] == numbers


def test_heading_or_row():
    text = "\n".join(
        ["6. Реальный сектор", "6.1. Разработать Концепцию Проект МИТ I", "квартал 2003", "_" * 20,
         "6.1. Минерально-сырьевой комплекс", "_" * 20, "Подзаголовок без номера", "_" * 20,
         "6.1.1. Разработать Программу Проект МЭМР IV", "6.1.2. (исключена - N 92 от 27.01.2003 г.)"]
    )  # fmt: skip
    blocks = _blocks(_lines(text, 0, len(text)))
    assert [(b.number, r) for b, r in zip(blocks, _roles(blocks))] == [
        ("6", "heading"),  # numbered and the next number is under it
        ("6.1", "row"),
        ("6.1", "heading"),
        (None, "heading"),  # unnumbered between rules
        ("6.1.1", "row"),
        ("6.1.2", "excluded"),
    ]
