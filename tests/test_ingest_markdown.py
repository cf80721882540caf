"""Tests for kgraph.ingest.markdown: the mirrors' Markdown as plain text.

Excerpts are real (kazakhstan-law/codes, kazakhstan-law/government), cut short.
"""

from __future__ import annotations

import pytest

from kgraph.ingest.markdown import CELL_SEPARATOR, convert

LAW_RU = """\
## Оглавление

Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

Статья 1. Основные понятия, используемые в настоящем Законе

Глава 3. ИНДУСТРИАЛЬНО-ИННОВАЦИОННАЯ СИСТЕМА

## РЕСПУБЛИКИ КАЗАХСТАН

Статья 9. Индустриально-инновационная система Республики Казахстан

# О государственной поддержке индустриально-инновационной деятельности

Примечание РЦПИ!

## Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

<a id="st1"></a>

### Статья 1. Основные понятия, используемые в настоящем Законе

В настоящем Законе используются следующие основные понятия:

1) местное содержание – процентное содержание стоимости оплаты труда;

    > *Сноска. Статья 1 с изменениями, внесенными законами РК от 10.07.2012 № 31-V.*

**Статья 4. Компетенция Правительства Республики Казахстан**

Правительство Республики Казахстан:

2) исключен Законом РК от 03.07.2013 № 124-V;
"""


def test_law_layout_becomes_the_portal_text():
    out = convert(LAW_RU)
    assert out.toc_removed
    lines = out.text.splitlines()
    assert lines[0] == "О государственной поддержке индустриально-инновационной деятельности"
    assert "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ" in lines
    assert "Статья 1. Основные понятия, используемые в настоящем Законе" in lines
    assert "Статья 4. Компетенция Правительства Республики Казахстан" in lines
    # the table of contents is gone: its stray heading and its article list
    assert "РЕСПУБЛИКИ КАЗАХСТАН" not in lines
    assert out.text.count("Статья 9.") == 0
    assert "<a" not in out.text and "**" not in out.text and "#" not in out.text


def test_footnote_is_a_paragraph_of_its_own_at_column_zero():
    text = convert(LAW_RU).text
    note = "Сноска. Статья 1 с изменениями, внесенными законами РК от 10.07.2012 № 31-V."
    assert f"\n\n{note}\n\n" in text
    assert "*" not in text and ">" not in text


def test_list_items_and_their_indentation_are_kept():
    md = "3. Центральным государственным органам:\n\n   1) обеспечить исполнение;\n\n2) исключен;\n"
    assert (
        convert(md).text == "3. Центральным государственным органам:\n\n   1) обеспечить исполнение;\n\n2) исключен;\n"
    )


@pytest.mark.parametrize(
    ("md", "plain"),
    [
        ("**Аким Алматинской области**", "Аким Алматинской области"),
        ("***Статья 5.*** текст", "Статья 5. текст"),
        ("1\\) первый", "1) первый"),
        ("\\*не курсив\\*", "*не курсив*"),
        ("snake_case_name остаётся", "snake_case_name остаётся"),
        ("АО &laquo;КазАгро&raquo; &amp; ТОО", "АО «КазАгро» & ТОО"),
        ("строка с переносом  ", "строка с переносом"),
        ("2 * 3 = 6 и 4 * 5", "2 * 3 = 6 и 4 * 5"),
    ],
)
def test_inline_markup(md, plain):
    assert convert(md).text.strip() == plain


def test_approval_stamp_lines_stay_together():
    md = "**С. Умбетов**\n\n> *Приложение*  \n> *к решению акима области*  \n> *от 11 июня 1997 года № 6-194*\n\n# ПРОГРАММА РАБОТ\n"
    text = convert(md).text
    assert "С. Умбетов\n\nПриложение\nк решению акима области\nот 11 июня 1997 года № 6-194\n\nПРОГРАММА РАБОТ" in text


PLAN = """\
> *Сноска. План в редакции постановления Правительства РК от 16.09.2020 № 587.*
<table>
<tr>
<th>№ п/п</th>
<th>Мероприятие</th>
<th>Ответственные за исполнение</th>
<th>Срок исполнения</th>
</tr>
<tr>
<td colspan="4">1. ОРГАНИЗАЦИОННЫЕ РАБОТЫ</td>
</tr>
<tr>
<td>1.</td>
<td>Создание специальной комиссии</td>
<td>МНЭ, МО, КНБ (по согласованию)</td>
<td rowspan="2">I – II кварталы 2021 года</td>
</tr>
<tr>
<td>2.</td>
<td>Создание региональных комиссий</td>
<td>акиматы областей<br/>МЦРИАП</td>
</tr>
<tr>
<td>3.</td>
<td>Тиражирование материалов</td>
<td>МНЭ</td>
<td>II квартал<br>1997 года</td>
</tr>
</table>
**Примечание: расшифровка аббревиатур:**
"""


def test_html_table_rows_in_pipe_layout():
    lines = convert(PLAN).text.splitlines()
    sep = CELL_SEPARATOR
    assert f"№ п/п{sep}Мероприятие{sep}Ответственные за исполнение{sep}Срок исполнения" in lines
    # a cell across the whole table is a heading line of its own
    assert "1. ОРГАНИЗАЦИОННЫЕ РАБОТЫ" in lines
    row1 = f"1.{sep}Создание специальной комиссии{sep}МНЭ, МО, КНБ (по согласованию){sep}I – II кварталы 2021 года"
    assert row1 in lines
    # rowspan: the deadline repeats in the next row; <br> continues the row on a line with an empty first cell
    i = lines.index(f"2.{sep}Создание региональных комиссий{sep}акиматы областей{sep}I – II кварталы 2021 года")
    assert lines[i + 1] == f"{sep}{sep}МЦРИАП"
    j = lines.index(f"3.{sep}Тиражирование материалов{sep}МНЭ{sep}II квартал")
    assert lines[j + 1] == f"{sep}{sep}{sep}1997 года"


def test_table_is_set_off_by_blank_lines():
    text = convert(PLAN).text
    assert "№ 587.\n\n№ п/п" in text
    assert "1997 года\n\nПримечание: расшифровка аббревиатур:" in text


def test_no_table_of_contents_means_nothing_is_cut():
    md = "# Ғылым және технологиялық саясат туралы\n\n## 1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР\n"
    out = convert(md)
    assert not out.toc_removed
    assert out.text == "Ғылым және технологиялық саясат туралы\n\n1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР\n"


def test_windows_line_ends():
    assert convert("a\r\nb\r\n").text == "a\nb\n"


# The Kazakh text of law No. 534-IV in the mirror: its table of contents has no heading.
LAW_KK_HEADLESS_TOC = """\
1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР

1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар

2-тарау. ИНДУСТРИЯЛЫҚ-ИННОВАЦИЯЛЫҚ ҚЫЗМЕТТІ МЕМЛЕКЕТТІК

## ҚОЛДАУ САЛАСЫНДАҒЫ МЕМЛЕКЕТТІК РЕТТЕУ

4-бап. Қазақстан Республикасы Үкіметінің құзыреті

# Индустриялық-инновациялық қызметті мемлекеттік қолдау туралы

## 1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР

<a id="st1"></a>

### 1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар
"""


def test_a_table_of_contents_without_its_heading_is_cut():
    out = convert(LAW_KK_HEADLESS_TOC)
    assert out.toc_removed
    assert out.title == "Индустриялық-инновациялық қызметті мемлекеттік қолдау туралы"
    assert out.text.splitlines()[0] == out.title
    assert out.text.count("1-бап.") == 1 and "4-бап." not in out.text


@pytest.mark.parametrize(
    "md",
    [
        # text before the title that is not a list of chapters and articles stays
        "> *Сноска. Вводится в действие.*\n\n# О науке\n\nТекст.\n",
        "1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР\n\nБір сөйлем.\n\n# Ғылым туралы\n",
        # two structure lines are not a table of contents
        "1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР\n\n1-бап. Ұғымдар\n\n# Ғылым туралы\n",
    ],
)
def test_text_before_the_title_is_kept_unless_it_is_a_table_of_contents(md):
    out = convert(md)
    assert not out.toc_removed
    assert out.text.splitlines()[0] == convert(md.split("\n\n")[0] + "\n").text.strip()


def test_each_line_of_the_text_knows_its_line_in_the_markdown():
    out = convert(LAW_RU)
    md_lines = LAW_RU.splitlines()
    text_lines = out.text.splitlines()
    assert len(out.lines) == len(text_lines)
    for text, n in zip(text_lines, out.lines):
        if text:
            assert text.split(".")[0] in md_lines[n - 1], (text, n)
    # the table of contents is cut: the first line of the text is line 17 of the file
    assert (
        out.lines[0]
        == LAW_RU.splitlines().index("# О государственной поддержке индустриально-инновационной деятельности") + 1
    )


def test_table_rows_know_their_lines():
    out = convert("Текст\n\n" + PLAN)
    md_lines = ("Текст\n\n" + PLAN).splitlines()
    text_lines = out.text.splitlines()
    row = next(i for i, ln in enumerate(text_lines) if ln.startswith("2.\t"))
    assert md_lines[out.lines[row] - 1] == "<tr>"
    assert md_lines[out.lines[row]] == "<td>2.</td>"  # the row's first cell follows its <tr>
    assert out.lines[row + 1] == out.lines[row]  # a continuation line belongs to its row
    assert text_lines[-1] == "Примечание: расшифровка аббревиатур:"
    assert md_lines[out.lines[-1] - 1] == "**Примечание: расшифровка аббревиатур:**"
