import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.text import collapse, letter_spaced_runs, normalize
from kgtest import SOURCES


def nonspace(s: str) -> str:
    return re.sub(r"\s", "", s)


# Text shaped like PDF extractions: words, letter-spaced words, line breaks,
# hyphen breaks, guillemets, debris.
def _spaced(word: str) -> str:
    return " ".join(word)


words = st.text(alphabet="абвгдеМИНТқұәі0123456789", min_size=1, max_size=8)
pieces = st.one_of(
    words,
    words.map(_spaced),
    st.sampled_from(
        [
            " ",
            "  ",
            "\n",
            "\n\n\n",
            "-\n",
            " «\n",
            "\n» ",
            "(",
            ")",
            ".",
            ",",
            "<p>",
            "---",
            "\t",
            " № ",
            "жылғытамыз",
            "1 2 3 4 5",
            "- - -",
        ]
    ),
)
docs = st.lists(pieces, max_size=40).map("".join)


@settings(max_examples=600, deadline=None)
@given(docs)
def test_idempotent(raw):
    once = normalize(raw).text
    assert normalize(once).text == once


@settings(max_examples=600, deadline=None)
@given(docs)
def test_nonspace_characters_kept_in_order_except_recorded_debris(raw):
    n = normalize(raw)
    kept = list(raw)
    for start, end in n.removed:
        for i in range(start, end):
            kept[i] = " "
    assert nonspace(n.text) == nonspace("".join(kept))


@settings(max_examples=600, deadline=None)
@given(docs)
def test_offset_map_round_trips(raw):
    n = normalize(raw)
    assert len(n.origin) == len(n.text) + 1
    for i, ch in enumerate(n.text):
        if not ch.isspace():
            assert raw[n.origin[i]] == ch
    # origins never go backwards
    assert all(a <= b for a, b in zip(n.origin, n.origin[1:]))
    # any span maps to a raw span with the same non-space characters
    if n.text:
        start, end = n.source_span(0, len(n.text))
        kept = list(raw)
        for a, b in n.removed:
            for i in range(a, b):
                kept[i] = " "
        assert nonspace(n.text) == nonspace("".join(kept)[start:end])


@pytest.mark.parametrize(
    "raw, expected",
    [
        # from decree 1331's table (letter-spaced cells)
        ("М О Н ,  заинтересованные", "МОН, заинтересованные"),
        ("(далее – \nП л а н  м е р о п р и я т и й ) .", "(далее –\nПлан мероприятий)."),
        # from the law (kk): a letter-spaced article heading
        ("1 1 - б а п .", "11-бап."),
        ("2 8 . 0 9 . 2 0 1 5  №  7 9 5 .", "28.09.2015 № 795."),
        # quotes split across lines
        ("АО «\nУКСЭЗ «ПИТ» (по \nсогласованию)", "АО «УКСЭЗ «ПИТ» (по\nсогласованию)"),
        # glued tokens (decree 631)
        ("2013 жылғытамыз", "2013 жылғы тамыз"),
        ("проектаМИНТ", "проекта МИНТ"),
        # ... but one lower-case letter between capitals is inside an abbreviation (decrees 934, 470)
        ("КПСиСУ ГП", "КПСиСУ ГП"),
        ("ЕврАзЭС", "ЕврАзЭС"),
        ("ҚСжАЕК", "ҚСжАЕК"),
        # hyphenated across lines
        ("научно-\nтехнический", "научно-технический"),
        # doubled blank lines
        ("а\n\n\n\nб", "а\n\nб"),
        # page-break debris from decree 1134's table
        ("<p>Проведение анализа</p>", "Проведение анализа"),
        # justified Kazakh line whose "і" glyphs were set apart (the law, art. 19)
        ("саласындағы  уәк ілетт і  орган  жүрг і зед і .", "саласындағы уәкілетті орган жүргізеді."),
        # ... but a real word starting with "і" stays a word
        ("жобаны  іске  асыру  кезінде", "жобаны іске асыру кезінде"),
        # table column numbers are not letter-spacing
        ("1 2 3 4 5", "1 2 3 4 5"),
        ("- 1 2 4 7", "- 1 2 4 7"),
        # real one-letter words between single spaces are not letter-spacing (decree 1331, tasks 51-53, 56)
        ("не менее 15 % и к\n2020 году", "не менее 15 % и к\n2020 году"),
        ("Обеспечение а и б", "Обеспечение а и б"),
        # word boundaries inside a letter-spaced run come from the dictionary
        ("в т о м  ч и с л е", "в том числе"),
        ("в о  и с п о л н е н и е", "во исполнение"),
        ("о т  2 0 1 5 г о д а", "от 2015 года"),
        # a name the dictionary does not know is still one word
        ("Н а з а р б а е в", "Назарбаев"),
        # Kazakh has no one-letter words: its runs are joined group by group (the law, art. 14)
        ("м о н и т о р и н г к е  қ а т ы с а д ы ;", "мониторингке қатысады;"),
        # "жылғы" glued to a quarter (decree 631)
        ("2016 жылғыІ-тоқсан", "2016 жылғы І-тоқсан"),
    ],
)
def test_examples_from_sources(raw, expected):
    assert normalize(raw).text == expected


def test_source_span_points_at_raw_characters():
    raw = "Ответственные: М О Н ,  МИНТ"
    n = normalize(raw)
    i = n.text.index("МОН")
    start, end = n.source_span(i, i + 3)
    assert raw[start:end] == "М О Н"


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.txt")), ids=lambda p: p.stem)
def test_sources_have_no_letter_spacing_left(path):
    raw = path.read_text(encoding="utf-8")
    assert letter_spaced_runs(normalize(raw).text) == []


@pytest.mark.parametrize("doc", ["kz-gov-decree-2013-1331-ru", "kz-law-industrial-innovative-support-kk"])
def test_detector_fires_on_damaged_sources(doc):
    assert len(letter_spaced_runs((SOURCES / f"{doc}.txt").read_text(encoding="utf-8"))) > 10


def test_detector():
    assert letter_spaced_runs("П л а н мероприятий") == ["П л а н"]
    assert letter_spaced_runs("в 2013 году и в а") == []


def test_collapse():
    assert collapse("  a\n b\t c ") == "a b c"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a Kazakh word split around its "і" in an ordinary line (the law, art. 1 item 2 and art. 19)
        ("жобасындағы жерг іл ікт і  қамтуды бағалау;", "жобасындағы жергілікті қамтуды бағалау;"),
        ("іске асыру тиімділіг ін бағалау", "іске асыру тиімділігін бағалау"),
        # two words that stand alone stay apart
        ("жобаны іске асыру кезінде", "жобаны іске асыру кезінде"),
    ],
)
def test_kazakh_words_split_at_i_are_rejoined(raw, expected):
    assert normalize(raw).text == expected
