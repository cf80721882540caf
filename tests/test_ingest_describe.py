"""`kgraph.ingest.describe`: which annexes a text holds (`detect_kinds`).

An annex of a named kind (a concept) starts where its approval stamp is followed by its
title; the kind's name cited in the text, even wrapped to a line of its own, is no annex.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph import catalog
from kgraph.ingest import describe
from kgraph.ingest.corpus import PortalMeta
from kgraph.records import DocumentMeta
from kgtest import ROOT

DECREE = "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:\n\n1. Утвердить прилагаемую Концепцию.\n\n"

DECREE_META = DocumentMeta("decree", None, None, None, None, (0, 0))

# (text after the decree's enacting part, whether a concept annex is found)
CONCEPT_ROWS = [
    pytest.param(
        "Утверждена\nпостановлением Правительства\nРеспублики Казахстан\nот 24 декабря 2025 года № 1134\n\n"
        "Концепция\n\nсоздания и развития наукоемких территорий на 2026 – 2035 годы\n",
        True,
        id="stamp-then-title-over-two-paragraphs",
    ),
    pytest.param(
        "Утверждена\nпостановлением Правительства\nРеспублики Казахстан\nот «» 2022 года\n№\n\n"
        "Концепция инвестиционной политики Республики Казахстан до 2026 года\n",
        True,
        id="blank-stamp-then-title",
    ),
    pytest.param(
        "Одобрена постановлением Правительства Республики Казахстан от 12 июля 2000 года № 1059\n"
        "КОНЦЕПЦИЯ\nнаучной и научно-технической политики\n",
        True,
        id="approved-stamp-no-blank-line",
    ),
    pytest.param(
        "Қазақстан Республикасы Үкіметінің\n2022 жылғы 15 шілдедегі\n№ 482 қаулысымен\nбекітілген\n\n"
        "Қазақстан Республикасының инвестициялық саясатының 2026 жылға дейінгі тұжырымдамасы\n",
        True,
        id="kk-stamp-then-title",
    ),
    pytest.param(
        "Утверждена\nпостановлением Правительства\nРеспублики Казахстан\nот 20 марта 2003 г. N 277\n\n"
        "Программа формирования и развития биотехнологического производства\n\n1. Паспорт Программы\n\n"
        "Основание для разработки -\n\nКонцепция научной и научно-технической\n\nполитики Республики Казахстан,\n",
        False,
        id="cited-concept-wrapped-to-its-own-line-in-a-programme",
    ),
    pytest.param(
        "Статья 5. Концепция создания особой индустриальной зоны\n\n"
        "Концепция создания особой индустриальной зоны, помимо требований\n",
        False,
        id="concept-named-in-a-law-no-stamp",
    ),
    pytest.param(
        "Утвержден\nпостановлением Правительства\nРеспублики Казахстан\nот 19 июня 2019 года № 419\n\n"
        "План мероприятий по подготовке и проведению переписи\n\nКонцепция переписи\n",
        False,
        id="stamp-of-another-annex-then-a-concept-further-down",
    ),
]


@pytest.mark.parametrize("tail, found", CONCEPT_ROWS)
def test_a_concept_annex_is_its_title_after_an_approval_stamp(tail, found):
    kinds, evidence = describe.detect_kinds(DECREE + tail, DECREE_META)
    assert ("concept" in kinds) is found, evidence
    if found:
        assert "concept: «" in evidence and "Утвержден" not in evidence.split("concept: «")[1]


# Corpus texts whose kinds the catalog leaves to the text: (id, kinds told)
CORPUS_ROWS = [
    ("kz-gov-decree-2003-277-ru", ("decree", "plan")),
    ("kz-gov-decree-2022-482-ru", ("decree", "concept", "plan")),
    ("kz-gov-decree-2019-419-ru", ("decree", "plan")),
]


@pytest.mark.parametrize("doc_id, kinds", CORPUS_ROWS)
def test_corpus_texts_are_told_their_annexes(doc_id, kinds):
    cat = Path(ROOT / "data" / "catalog.yaml")
    [entry] = [e for e in catalog.load(cat) if e.id == doc_id]
    assert not entry.kinds  # the catalog gives no kinds: the text tells them
    assert catalog.read(entry, cat).entry.kinds == kinds


def _portal(requisite: str) -> PortalMeta:
    return PortalMeta(None, requisite, {}, None, None, {}, {}, None)


# (text's language, meta.yaml requisite (Russian), issuer of the text)
ISSUER_ROWS = [
    (
        "ru",
        "Постановление Правительства Республики Казахстан от 7 ноября 2025 года № 934",
        "Правительство Республики Казахстан",
    ),
    (
        "kk",
        "Постановление Правительства Республики Казахстан от 7 ноября 2025 года № 934",
        "Қазақстан Республикасының Үкіметі",
    ),
    (
        "kk",
        "Указ Президента Республики Казахстан от 15 февраля 2018 года № 636",
        "Қазақстан Республикасының Президенті",
    ),
    # no heading of the kind names the issuer: the one the text states, else the requisite's
    ("kk", "Решение акима Алматинской области от 11 июня 1997 года № 6-194", "Аким Алматинской области"),
]


def test_an_akims_decision_is_issued_by_the_akim_who_signs_it():
    """A Kazakh text with the mirror's Russian requisite: the akim signing the text, in its language."""
    text = "Мәтін.\n\n1. Бекітілсін.\n\nОблыс Әкiмi\n\nЗ.Нұрқаділов\n"
    d = describe.describe(
        text, language="kk", portal=_portal("Решение акима Алматинской области от 1 июля 1998 года № 7-223")
    )
    assert d.meta.issuer == "Облыс Әкiмi"


@pytest.mark.parametrize("language, requisite, issuer", ISSUER_ROWS)
def test_the_issuer_is_named_in_the_texts_language(language, requisite, issuer):
    text = "Мәтін.\n\n1. Бекітілсін.\n" if language == "kk" else "Текст.\n\n1. Утвердить.\n"
    d = describe.describe(text, language=language, portal=_portal(requisite))
    assert d.meta.issuer == issuer
