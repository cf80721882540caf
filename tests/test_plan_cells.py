"""Rows of the mirrors' HTML tables (kgraph.sources.plan_cells): cells spanning columns that are
not the header's, a Kazakh table with an empty row above its column numbers. Tables go through
the Markdown converter and the normalizer as the build reads them."""

from __future__ import annotations

import datetime as dt

from kgraph.ingest.markdown import convert
from kgraph.records import DocumentMeta
from kgraph.sources import plan
from kgraph.text import normalize

D = dt.date


def _tasks(markdown: str, approved: dt.date) -> dict:
    text = normalize(convert(markdown).text).text
    recs = plan.parse(text, DocumentMeta("decree", None, approved, "1", None, (0, 0)))
    return {t.number: t for t in recs if isinstance(t, plan.Task)}


def _row(*cells: str) -> str:
    return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"


def test_cells_spanning_other_columns_in_each_row_are_read_by_order():
    table = "\n".join(
        [
            _row("№", "Наименование мероприятия", "Форма завершения", "Ответственные исполнители", "Срок исполнения"),
            _row("1", "Разработать правила", "приказ МФ", "МФ, МНЭ", "II квартал 2025 года"),
            _row("2", "Провести анализ", '<td colspan="2">МНЭ, МФ (по согласованию)</td>', "2026 год"),
            _row("3", '<td colspan="2">Утвердить перечень, приказ МНЭ</td>', "МНЭ", "IV квартал 2025 года"),
        ]
    )
    md = f"# О плане\n\nПлан мероприятий на 2025-2026 годы\n\n<table>\n{table}\n</table>\n"
    tasks = _tasks(md, D(2025, 1, 10))
    assert [(p.text, p.by_agreement) for p in tasks[2].parties] == [("МНЭ", False), ("МФ", True)]
    assert tasks[2].completion_form is None  # the spanned cell is the parties', once
    assert [p.text for p in tasks[3].parties] == ["МНЭ"]
    assert (tasks[3].text, tasks[3].completion_form) == ("Утвердить перечень,", "приказ МНЭ")
    assert (tasks[3].deadline_start, tasks[3].deadline_end) == (D(2025, 10, 1), D(2025, 12, 31))


def test_kazakh_table_with_an_empty_row_above_its_column_numbers():
    table = "\n".join(
        [
            _row("Р/с №", "Іс-шаралардың атауы", "Аяқталу нысаны", "Жауапты орындаушылар", "Орындау мерзімі"),
            _row("", "", "", "", ""),
            _row("1", "2", "3", "4", "5"),
            _row("1", "Ережелерді әзірлеу", "ҚМ бұйрығы", "ҚМ, ҰЭМ", "2025 жылғы ІІ тоқсан"),
            _row("2", "Талдау жүргізу", "Үкіметке ақпарат", "ҰЭМ мен ІІМ", "жарты жылда 1 рет"),
        ]
    )
    md = f"# Жоспар туралы\n\n2025-2026 жылдарға арналған іс-шаралар жоспары\n\n<table>\n{table}\n</table>\n"
    tasks = _tasks(md, D(2025, 1, 10))
    assert list(tasks) == [1, 2]  # numbers without dots; the column numbers are no row
    assert [p.text for p in tasks[1].parties] == ["ҚМ", "ҰЭМ"]
    assert (tasks[1].deadline_start, tasks[1].deadline_end) == (D(2025, 4, 1), D(2025, 6, 30))
    assert [p.text for p in tasks[2].parties] == ["ҰЭМ", "ІІМ"]
    assert (tasks[2].deadline_start, tasks[2].deadline_end, tasks[2].recurrence) == (
        D(2025, 1, 10),
        D(2026, 12, 31),
        "semiannual",
    )
