"""kgraph.sources.plan_table: the column a header cell names."""

from __future__ import annotations

import pytest

from kgraph.sources.plan_table import find_tables


@pytest.mark.parametrize(
    "header, kinds",
    [
        (
            "№\t|\tМероприятия\t|\tСрок исполнения\t|\tОтветственные за исполнение",
            ("number", "text", "deadline", "parties"),
        ),
        # an abbreviated «Ответств.», a Latin «N» and a backslash in «п\\п»
        (
            "№\t|\tНаименование мероприятий\t|\tСрок исполнения\t|\tОтветств. за исполнение",
            ("number", "text", "deadline", "parties"),
        ),
        (
            "N п\\п\t|\tМероприятия\t|\tСроки исполнения\t|\tОтветственные за исполнение",
            ("number", "text", "deadline", "parties"),
        ),
    ],
)
def test_header_cells_name_their_columns(header, kinds):
    text = header + "\n1.\t|\tПровести семинар\t|\t2001 год\t|\tОУЗ\n"
    assert find_tables(text)[0].kinds == kinds
