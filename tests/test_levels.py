"""Levels of one function: the governing verbs of a power, in Russian and Kazakh."""

from __future__ import annotations

import pytest

from kgraph.analysis import levels
from kgraph.lang import compare_forms


def classify(text: str, lang: str) -> levels.Action:
    return levels.classify(compare_forms(text, lang), lang)


@pytest.mark.parametrize(
    "text, lang, expected, rules",
    [
        ("разрабатывает и утверждает правила присуждения степеней", "ru", {"develop", "approve"}, True),
        (
            "разработка, утверждение и реализация программы подготовки кадров",
            "ru",
            {"develop", "approve", "implement"},
            False,
        ),
        ("осуществляет мониторинг реализации программ", "ru", {"control"}, False),  # «реализации» is the object
        ("проводит оценку индустриального развития", "ru", {"control"}, False),  # light verb + noun
        ("вносит предложения в перечень приоритетных специальностей", "ru", {"propose"}, False),
        ("разработка и ежегодное утверждение перечня", "ru", {"develop", "approve"}, False),
        ("разрабатывает и утверждает типовое положение о научных лабораториях", "ru", {"develop", "approve"}, True),
        ("издает научные журналы", "ru", set(), False),
        ("дәрежелерді беру қағидаларын әзірлейді және бекітеді", "kk", {"develop", "approve"}, True),
        ("ғылыми дәрежелер беру қағидаларын әзірлеп, бекітеді", "kk", {"develop", "approve"}, True),  # converb
        ("бағдарламаларды бағалауды жүзеге асырады", "kk", {"control"}, False),
        ("өнеркәсіптік гранттарды беру тәртібін әзірлейді", "kk", {"develop"}, True),
        ("ғылымды дамытудың басым бағыттары жөнінде ұсыныстар енгізеді", "kk", {"propose"}, False),
        ("мемлекеттік ғылыми-техникалық сараптама жүргізеді", "kk", {"implement"}, False),
    ],
)
def test_classify(text, lang, expected, rules):
    action = classify(text, lang)
    assert action.levels == expected and action.rules == rules


def test_participation_is_a_share_not_the_action():
    a = classify("участвует в формировании и реализации промышленной политики", "ru")
    b = classify("формирует и реализует промышленную политику", "ru")
    assert a.participates and not b.participates and a.levels == b.levels
    assert levels.relation(a, b) == levels.PARTIAL


@pytest.mark.parametrize(
    "a, b, relation",
    [
        (("разрабатывает республиканскую карту", "ru"), ("утверждает республиканскую карту", "ru"), levels.LEVELS),
        (("разрабатывает и утверждает карту", "ru"), ("утверждает карту", "ru"), levels.PARTIAL),
        (("разработка и утверждение карты", "ru"), ("картасын әзірлейді және бекітеді", "kk"), levels.SAME),
        (("проводит экспертизу", "ru"), ("утверждает правила проведения экспертизы", "ru"), levels.LEVELS),
        (("издает журналы", "ru"), ("утверждает журналы", "ru"), levels.UNKNOWN),
    ],
)
def test_relation(a, b, relation):
    assert levels.relation(classify(*a), classify(*b)) == relation


def test_describe_names_both_levels():
    text = levels.describe(classify("разрабатывает карту", "ru"), classify("утверждает правила", "ru"))
    assert text == "develops / approves the rules of"


@pytest.mark.parametrize(
    "form, lang, rules, generic",
    [
        ("правило", "ru", True, False),
        ("деятельность", "ru", False, True),  # what it governs is the object
        ("работа", "ru", False, True),
        ("жұмыс", "kk", False, True),
        ("комиссия", "ru", False, False),
    ],
)
def test_rules_and_generic_nouns(form, lang, rules, generic):
    assert levels.is_rules(form, lang) is rules and levels.is_generic(form, lang) is generic
