"""The field a role is named with as its owner (kgraph.sources.law_owner_fields): a genitive after
the Russian role noun, before the Kazakh one."""

from __future__ import annotations

import re

import pytest

from kgraph.sources.law_owner_fields import owner_field


def owner(text: str, noun: str, side: str) -> str | None:
    m = re.search(noun, text)
    suffix = text[m.end() : re.search(r"\W|$", text[m.end() :]).start() + m.end()] if side == "before" else ""
    span = owner_field(text, m.start(), m.end() + (len(suffix) if side == "before" else 0), side, suffix)
    return text[span[0] : span[1]].strip() if span else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Национальный оператор космической системы связи организует услуги", "космической системы связи"),
        (
            "Национальным оператором системы высокоточной спутниковой навигации;",
            "системы высокоточной спутниковой навигации",
        ),
        ("Национальный оператор определяет", None),
        ("Национальный оператор Республики Казахстан", None),
    ],
)
def test_russian_owner_after_the_noun(text, expected):
    assert owner(text, r"[Нн]ациональн\w+ оператор\w*", "after") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2. Жерді қашықтықтан зондтау ғарыш жүйесінің ұлттық операторы", "Жерді қашықтықтан зондтау ғарыш жүйесінің"),
        (
            "бірлесіп дәлдігі жоғары спутниктік навигация жүйесі ұлттық операторының",
            "дәлдігі жоғары спутниктік навигация жүйесі",
        ),
        ("Үкіметі ұлттық операторы", None),  # another body is no owner
        ("жүйесінің ұлттық операторды", None),  # no possessive on the noun
    ],
)
def test_kazakh_owner_before_the_noun(text, expected):
    assert owner(text, r"ұлттық оператор", "before") == expected
