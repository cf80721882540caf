"""Bilingual terms, main actions and the TF-IDF index (normalisation, lemmas and
stems are kgraph.lang's: tests/test_lang.py)."""

from __future__ import annotations

import pytest

from kgraph.analysis import textsim


def test_terms_bridge_kazakh_and_russian():
    kk = set(textsim.terms("республикалық индустрияландыру картасын бекітеді", "kk"))
    ru = set(textsim.terms("утверждает республиканскую карту индустриализации", "ru"))
    assert {"#approve", "#map", "#republican", "#industrialization"} <= kk & ru


def test_terms_drop_stopwords_and_match_phrases_first():
    out = textsim.terms("формирует и ведет базу данных товаров", "ru")
    assert "#database" in out and "и" not in out and "база" not in out


def test_terms_take_extra_phrases():
    extra = {("парк", "инновационный", "технология"): "#agent:pit"}
    assert textsim.terms("строительство Парка инновационных технологий", "ru", extra) == ["#build", "#agent:pit"]


@pytest.mark.parametrize(
    "text, lang, actions",
    [
        ("ғылыми-технологиялық дамытудың салааралық жоспарын әзірлейді", "kk", {"#develop"}),
        ("ғылыми-технологиялық дамытудың салааралық жоспарын бекітеді", "kk", {"#approve"}),
        (
            "басым тауарлар мен қызметтердің бірыңғай картасын әзірлеуге және қолдауға қатысады",
            "kk",
            {"#develop", "#support"},
        ),  # "participates in" is transparent
        ("бағдарламаларды бағалауды жүзеге асырады", "kk", {"#evaluate"}),  # light verb "carries out"
        ("Проработка вопроса по созданию центров трансферта технологий", "ru", {"#create"}),
        ("Внесение изменений и дополнений в методику оценки", "ru", {"#approve"}),  # amending = approving
        ("Информация о ходе работ", "ru", set()),
    ],
)
def test_main_actions(text, lang, actions):
    assert textsim.main_actions(textsim.terms(text, lang), lang) == actions


def test_action_factor_penalises_only_different_known_actions():
    assert textsim.action_factor(frozenset({"#develop"}), frozenset({"#approve"})) == textsim.ACTION_PENALTY
    assert textsim.action_factor(frozenset({"#develop", "#approve"}), frozenset({"#approve"})) == 1.0
    assert textsim.action_factor(frozenset(), frozenset({"#approve"})) == 1.0


def test_index_scores():
    docs = ["#approve #map #republican", "#develop #plan #science-tech", "#approve #map #region"]
    index = textsim.Index(docs)
    sims = index.self_similarity()
    assert sims.shape == (3, 3)
    assert sims[0, 0] == pytest.approx(1.0)
    assert sims[0, 2] > sims[0, 1]
    assert index.query("#approve #map #republican").argmax() == 0
    assert textsim.pair_scores([(docs[0], docs[0]), (docs[0], docs[1])], docs) == [
        pytest.approx(1.0),
        pytest.approx(sims[0, 1]),
    ]
