"""The object of a power, its Russian words, and the TF-IDF index (normalisation,
lemmas and stems are kgraph.lang's: tests/test_lang.py)."""

from __future__ import annotations

import pytest

from kgraph.analysis import textsim


def test_the_object_leaves_out_the_governing_verbs():
    a = textsim.analyse("разрабатывает и утверждает правила присуждения степеней", "ru")
    b = textsim.analyse("разработка и утверждение правил присуждения степеней", "ru")
    assert a.own == b.own and "разраб" not in a.own and a.action.levels == {"develop", "approve"}


def test_a_verb_and_its_verbal_noun_meet():
    a = textsim.analyse("координирует деятельность национальных научных советов", "ru")
    b = textsim.analyse("координация деятельности национальных научных советов", "ru")
    assert a.own == b.own


def test_kazakh_is_carried_into_russian_words_learned_from_the_corpus():
    kk = textsim.analyse("республикалық индустрияландыру картасын бекітеді", "kk")
    ru = textsim.analyse("утверждает республиканскую карту индустриализации", "ru")
    assert set(kk.pivot.split()) == set(ru.pivot.split()) == {"республиканский", "карта", "индустриализ"}
    assert kk.own != kk.pivot and ru.own == ru.pivot


def test_a_word_without_a_confident_translation_stays():
    assert textsim.to_russian(["жолжүрісібелгісі"], "kk") == ["жолжүрісібелгісі"]


def test_index_scores():
    docs = [
        "республиканский карта индустриализация",
        "межотраслевой план развитие",
        "региональный карта индустриализация",
    ]
    index = textsim.Index(docs)
    word, char, cover = index.query_channels(docs[0])
    assert word[0] == pytest.approx(1.0) and cover[0] == pytest.approx(1.0)
    assert word[2] > word[1] and char[2] > char[1]
    assert index.query(docs[0]).argmax() == 0


def test_unknown_words_of_a_query_count_in_its_length():
    """A draft about something the corpus never mentions is not reduced to the words it shares."""
    index = textsim.Index(["государственный контроль оборот лом", "реестр кластер"])
    shared_only = index.query_channels("государственный контроль")[0][0]
    with_unknown = index.query_channels("государственный пожарный контроль")[0][0]
    assert with_unknown < shared_only


def test_an_empty_index_answers():
    index = textsim.Index([])
    assert index.size == 0 and len(index.query("карта")) == 0
