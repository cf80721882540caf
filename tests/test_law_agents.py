"""Who a sentence empowers (kgraph.sources.law_agents): the subject of its verb or the
agent of a passive verb; not a body in a participial phrase, after a preposition, or in
a sentence that only describes it."""

from __future__ import annotations

import pytest

from kgraph.sources.law_agents import agents


@pytest.mark.parametrize(
    "sentence, lang, roles",
    [
        ("Правительство Республики Казахстан утверждает правила предоставления грантов.", "ru", ["government"]),
        ("Правила предоставления грантов утверждаются Правительством Республики Казахстан.", "ru", ["government"]),
        ("Гранты выдаются в порядке, определяемом Правительством Республики Казахстан.", "ru", []),
        ("Субъекты обращаются в уполномоченный орган в области науки.", "ru", []),
        ("Гранттар беру қағидаларын Қазақстан Республикасының Үкіметі бекітеді.", "kk", ["government"]),
        ("Қазақстан Республикасының Үкіметі айқындайтын тәртіппен гранттар беріледі.", "kk", []),
        ("Уполномоченный орган осуществляет свою деятельность в соответствии с законом.", "ru", []),
    ],
)
def test_agents(sentence, lang, roles):
    assert [m.role for m in agents(sentence, lang, {"authorized-body": "science"})] == roles


@pytest.mark.parametrize(
    "sentence, roles",
    [
        # a clause per closing verb; the passive agent with "тарапынан"
        (
            "Гранттар уәкілетті орган тарапынан беріледі, ал қағидаларды Үкімет бекітеді.",
            ["authorized-body-science", "government"],
        ),
        # a role before a participle modifies the noun after it
        ("Қазақстан Республикасының Үкіметі айқындайтын қаржы агенті несие береді.", ["financial-agent"]),
    ],
)
def test_kazakh_clauses(sentence, roles):
    assert [m.role for m in agents(sentence, "kk", {"authorized-body": "science"})] == roles
