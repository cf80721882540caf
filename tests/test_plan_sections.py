"""kgraph.sources.plan_sections: sections a plan implies without a heading row of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from kgraph.records import DocumentMeta
from kgraph.sources import plan

META = DocumentMeta("local-act", None, dt.date(2000, 8, 3), "8-230", None, (0, 0))
HEADER = "№\t|\tНаименование мероприятий\t|\tСрок исполнения\t|\tОтветств. за исполнение"


def row(n, text, deadline="2001 г.", party="управление здравоохранения"):
    return f"{n}\t|\t{text}\t|\t{deadline}\t|\t{party}"


def tasks(text):
    return [(t.section, t.number) for t in plan.parse(text, META) if isinstance(t, plan.Task)]


def sections(text):
    return [(s.number, s.title) for s in plan.parse(text, META) if isinstance(s, plan.Section)]


TWO_TABLES = "\n".join(
    [
        "План мероприятий по реализации стратегии «Здоровое питание»",
        "",
        HEADER,
        row("1.", "Провести семинары"),
        row("2.", "Издать памятки"),
        "",
        "План мероприятий по реализации стратегии борьбы с туберкулезом",
        "",
        HEADER,
        row("1.", "Обследовать население"),
        row("2.", "Закупить препараты"),
        row("3.", "Провести вакцинацию"),
    ]
)


def test_tables_numbered_anew_under_their_own_titles_are_sections():
    assert tasks(TWO_TABLES) == [("1", 1), ("1", 2), ("2", 1), ("2", 2), ("2", 3)]
    assert sections(TWO_TABLES) == [
        ("1", "План мероприятий по реализации стратегии «Здоровое питание»"),
        ("2", "План мероприятий по реализации стратегии борьбы с туберкулезом"),
    ]


def test_a_table_going_on_with_the_numbers_is_no_section():
    text = TWO_TABLES.replace(row("1.", "Обследовать население"), row("3.", "Обследовать население"))
    text = text.replace(row("2.", "Закупить препараты"), row("4.", "Закупить препараты"))
    text = text.replace(row("3.", "Провести вакцинацию"), row("5.", "Провести вакцинацию"))
    assert [s for s, _ in tasks(text)] == [None] * 5


def test_rows_before_a_first_section_numbered_two_are_section_one():
    text = "\n".join(
        [
            HEADER,
            row("1.", "Провести семинары"),
            row("2.", "Издать памятки"),
            "2. Организационные меры",
            row("3.", "Обучить"),
        ]
    )
    assert tasks(text) == [("1", 1), ("1", 2), ("2", 3)]
    assert sections(text)[0] == ("1", None)


@pytest.mark.parametrize(
    "numbers, expected",
    [
        (("10.", "", "12."), [10, 11, 12]),  # the number cell left empty between 10 and 12
        (("10.", "", "13."), [10, None, 13]),  # no gap of one: the row keeps no number
    ],
)
def test_an_unnumbered_row_in_a_gap_of_one_takes_the_missing_number(numbers, expected):
    texts = ("Улучшить работу служб", "Обеспечить контроль за обучением", "Осуществлять контроль")
    text = "\n".join([HEADER, row("9.", "Начать")] + [row(n, t) for n, t in zip(numbers, texts)])
    assert [n for _, n in tasks(text)][1:] == expected
