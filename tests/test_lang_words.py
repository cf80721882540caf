"""Tests for kgraph.lang.words: which tokens are words, and word boundaries
inside letter-spaced runs."""

from __future__ import annotations

import pytest

from kgraph.lang import words


@pytest.mark.parametrize(
    ("token", "known"),
    [
        ("план", True),
        ("мероприятий", True),
        ("и", True),  # a one-letter conjunction
        ("б", False),  # a letter, not a word (pymorphy3 knows it only as an abbreviation)
        ("аиб", False),
        ("втом", False),
        ("во", True),  # a two-letter preposition
        ("аи", False),  # a two-letter noun of the dictionary counts for less than two glued words
        ("МОН,", True),  # punctuation at the edges is allowed
        ("%и", False),  # ... but not a symbol glued to a word
        ("2015", True),
        ("28.09.2015", True),
        ("11-бап.", True),
        ("2015года", False),
        ("жоспары", True),  # Kazakh, from the corpus word list
    ],
)
def test_is_word(token, known):
    assert words.is_word(token) is known


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["П", "л", "а", "н"], ["План"]),
        (["в", "т", "о", "м"], ["в", "том"]),
        (["%", "и", "к"], ["%", "и", "к"]),
        (["а", "и", "б"], ["а", "и", "б"]),
        (["2", "0", "1", "5", "г", "о", "д", "а"], ["2015", "года"]),
        (["Н", "а", "з", "а", "р", "б", "а", "е", "в"], ["Назарбаев"]),
        (["М", "О", "Н", ","], ["МОН,"]),  # capitals: an abbreviation
        (["«", "Ұ", "И", "Х", "»"], ["«ҰИХ»"]),
    ],
)
def test_segment(tokens, expected):
    assert words.segment(tokens) == expected


def test_kazakh_word_list_is_shipped_and_built_from_kazakh_texts(tmp_path):
    assert len(words.kk_words()) > 1000
    out = tmp_path / "kk.txt"
    src = tmp_path / "kaz.md"
    src.write_text("Осы Заң ғылым саласындағы қатынастарды реттейді. Закон colspan 2024", encoding="utf-8")
    assert words.main([str(out), str(src)]) == 0
    listed = [w for w in out.read_text(encoding="utf-8").splitlines() if not w.startswith("#")]
    assert "саласындағы" in listed and "осы" in listed
    assert "colspan" not in listed  # Latin markup words are not Kazakh


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("согласова-", "нию),", "согласованию),"),  # halves of a dictionary word: the hyphen goes
        ("Карагандин-", "ской,", "Карагандинской,"),
        ("При фор-", "мирова-", "При формирова-"),
        ("Казмортранс-", 'флот"', 'Казмортрансфлот"'),  # neither half a word: a name wrapped
        ("ЗАО «Продкорпо-", "рация»", "ЗАО «Продкорпорация»"),
        ("сельхоз-", "товаропроизводителей", "сельхозтоваропроизводителей"),
        ("социально-", "экономического", "социально-экономического"),  # a compound keeps it
        ("медико-", "социальной", "медико-социальной"),
        ("государств-", "участников", "государств-участников"),  # two nouns in one case
        ("Северо-", "Казахстанской", "Северо-Казахстанской"),  # a capital after it
        ("2002-", "2003 годы", "2002-2003 годы"),
        ("много-", "и двусторонние", "много- и двусторонние"),  # a hanging hyphen before «и»
        ("Министерство", "финансов", "Министерство финансов"),  # no hyphen: two words
    ],
)
def test_join_wrapped(left, right, joined):
    assert words.join_wrapped(left, right) == joined


@pytest.mark.parametrize(
    "text, cut",
    [
        ("Облыс Білім басқ", True),  # «басқ(армасы)» cut short
        ("ұйымд", True),
        ("ЦУЗы", False),  # an acronym with an ending
        ("раймолтурспортуправления", False),  # a stump compound, no cut word
        ("управление образования", False),  # dictionary words
    ],
)
def test_a_word_cut_short_ends_the_text(text, cut):
    assert words.ends_cut_short(text) is cut
