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


@pytest.mark.parametrize(
    "text, lang, head",
    [
        ("утверждает перечень особо охраняемых природных территорий", "ru", "перечень"),  # the first noun
        ("ежегодно представляет в Правительство информацию об эффективности мер", "ru", "информ"),  # not governed
        ("разрабатывает правила выдачи свидетельства", "ru", "выдача"),  # rules: the word they govern
        ("государственная научно-техническая экспертиза", "ru", "экспертиза"),  # adjectives first
        ("ерекше қорғалатын табиғи аумақтардың тізбесін бекітеді", "kk", "тізбе"),  # Kazakh: the last word
        ("куәліктерді беру қағидаларын бекітеді", "kk", "беру"),
        ("обеспечивает деятельность Высшей научно-технической комиссии", "ru", "комиссия"),  # generic noun
        ("участвует в популяризации науки", "ru", "популяризация"),  # the verb's preposition governs nothing
        ("утверждает", "ru", ""),  # no object
    ],
)
def test_the_head_of_the_object(text, lang, head):
    a = textsim.analyse(text, lang)
    want = (textsim.ru_derivation_stem(head) if lang == "ru" else lang_stem(head)) if head else ""
    assert a.head_own == ((want,) if want else ())


def lang_stem(word: str) -> str:
    from kgraph.lang import kk_compare_stem

    return kk_compare_stem(word)


def test_a_compound_without_a_translation_is_carried_by_its_parts():
    assert textsim.to_russian(["дата-орталық"], "kk") == ["дата", *textsim.to_russian(["орталық"], "kk")]


def test_across_languages_compounds_are_compared_by_their_parts():
    ru = textsim.analyse("проработка вопроса строительства дата-центра", "ru")
    kk = textsim.analyse("ДАТА-орталығын салу мәселесін пысықтау", "kk")
    assert "дата-центр" in ru.own.split()  # in one language the compound stays whole
    assert {"дата", "центр"} <= set(ru.pivot.split()) & set(kk.pivot.split())
    assert "-" not in textsim.analyse("государственно-частное партнерство", "ru").pivot


@pytest.mark.parametrize(
    "text, lang, modifier",
    [
        ("утверждает региональную карту индустриализации области", "ru", "региональный"),
        ("утверждает карту индустриализации", "ru", ""),
        ("разрабатывает правила выдачи свидетельства", "ru", ""),  # the word before is a set of rules
        ("өңірлік картасын бекітеді", "kk", "өңірлік"),
        ("индустрияландыру картасын бекітеді", "kk", ""),  # a noun before the head
    ],
)
def test_the_adjective_of_the_head(text, lang, modifier):
    assert textsim.analyse(text, lang).modifier == modifier


def test_bigrams_are_unordered():
    """A Kazakh phrase carried into Russian words has the head last («индустрияландыру картасы»)."""
    assert textsim._split("карта индустриализ") == ["карта", "индустриализ", "индустриализ карта"]
    assert textsim._split("индустриализ карта")[-1] == "индустриализ карта"


def test_a_stem_without_a_translation_is_looked_up_as_the_word_it_derives_from():
    table = textsim.align.kk_ru()
    derived = next(k + "тік" for k in sorted(table) if k[-1] in "лмнрс" and len(k) > 3 and (k + "тік") not in table)
    assert textsim.to_russian([derived], "kk") == textsim.to_russian([derived[:-3]], "kk")


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
