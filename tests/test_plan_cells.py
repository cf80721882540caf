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


def test_a_header_spanning_columns_and_rows_spanning_others():
    """The header spans «№» and the deadline over two columns each; the first row follows it,
    the others span their text and form instead, with equal money cells in their own right; a
    cell's second line in a row of its own keeps to the row's own columns."""
    span = '<th colspan="2">{}</th>'.format
    table = "\n".join(
        [
            "<tr>" + span("1") + "<th>2</th><th>3</th>" + span("4") + "<th>5</th><th>6</th><th>7</th></tr>",
            "<tr>"
            + span("№ п/п")
            + "<th>Наименование мероприятия</th><th>Форма завершения</th>"
            + span("Срок завершения")
            + "<th>Ответственные за результат</th><th>Расходы (тысяч тенге)</th><th>Источники финансирования</th></tr>",
            _row(
                '<td colspan="2">1.</td>',
                "Разработать типологию",
                "типология",
                '<td colspan="2">март 2026 года</td>',
                "АФМ (по согласованию), МФ",
                "не требуются",
                "не требуются",
            ),
            _row(
                "2.",
                '<td colspan="2">Провести анализ операций:\nвывода капитала;\nобналичивания</td>',
                '<td colspan="2">анализ</td>',
                "июнь 2026 года",
                "АФМ (по согласованию), МФ",
                "не требуются",
                "не требуются",
            ),
        ]
    )
    md = f"# О мерах\n\nМеры на 2026 год\n\n<table>\n{table}\n</table>\n"
    tasks = _tasks(md, D(2025, 11, 7))
    assert [(p.text, p.by_agreement) for p in tasks[1].parties] == [("АФМ", True), ("МФ", False)]
    assert (tasks[1].text, tasks[1].completion_form, tasks[1].deadline_start) == (
        "Разработать типологию",
        "типология",
        D(2026, 3, 1),
    )
    assert [(p.text, p.by_agreement) for p in tasks[2].parties] == [("АФМ", True), ("МФ", False)]
    assert tasks[2].text == "Провести анализ операций: вывода капитала; обналичивания"
    assert (tasks[2].completion_form, tasks[2].deadline_start, tasks[2].deadline_end) == (
        "анализ",
        D(2026, 6, 1),
        D(2026, 6, 30),
    )
    assert tasks[2].funding_source == "не требуются"


def test_a_plan_named_for_its_measures_has_its_title():
    """«Меры, направленные на …» (kk «… бағытталған шаралар») above the table is the plan's title."""
    table = "\n".join(
        [_row("№", "Наименование мероприятия", "Форма завершения", "Ответственные", "Срок"), _row("1", "Провести анализ", "анализ", "АФМ", "март 2026 года")]
    )  # fmt: skip
    for heading in ("Меры, направленные на снижение рисков", "Тәуекелдерді төмендетуге бағытталған шаралар"):
        text = normalize(convert(f"# О мерах\n\nТекст.\n\n## {heading}\n\n<table>\n{table}\n</table>\n").text).text
        recs = plan.parse(text, DocumentMeta("decree", None, D(2025, 11, 7), "1", None, (0, 0)))
        assert [r.title for r in recs if isinstance(r, plan.PlanInfo)] == [heading]
