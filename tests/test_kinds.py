"""The kind registry (kgraph.kinds): every kind complete, and every table derived from it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kgraph import iri, kinds
from kgraph.acts import find_act_refs
from kgraph.amendments import find_amendments
from kgraph.rdf.document import fallback_label
from kgraph.records import DocumentMeta
from kgraph.sources import metadata
from kgtest import ROOT

KG = iri.ONTOLOGY
SH_TARGET = URIRef("http://www.w3.org/ns/shacl#targetClass")
ONTOLOGY = Graph().parse(ROOT / "ontology" / "kgraph.ttl", format="turtle")
SHAPES = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
NAMES = [k.name for k in kinds.KINDS]


@pytest.mark.parametrize("name", NAMES)
def test_extractor_and_writer_are_importable(name):
    kind = kinds.get(name)
    if kind.extractor:
        assert callable(kinds.extractor(name).parse)
    else:
        with pytest.raises(kinds.UnknownKind, match="no extractor"):
            kinds.extractor(name)
    if kind.writer:
        assert callable(kinds.writer(name).emit)
    else:
        assert kinds.writer(name) is None
    assert bool(kind.extractor) == bool(kind.writer), "a kind with records needs both an extractor and a writer"


@pytest.mark.parametrize("name", NAMES)
def test_ontology_class_exists_and_has_a_shape(name):
    cls = URIRef(KG + kinds.get(name).cls)
    assert (cls, RDF.type, OWL.Class) in ONTOLOGY, f"{cls} is not an owl:Class of ontology/kgraph.ttl"
    assert (None, SH_TARGET, cls) in SHAPES, f"no shape in ontology/shapes.ttl targets {cls}"


@pytest.mark.parametrize("name", NAMES)
def test_labels_in_three_languages(name):
    kind = kinds.get(name)
    for lang in kinds.LANGS:
        assert kind.label.get(lang) and kind.untitled_label(lang)
    assert kind.label.get("de") == kind.label.ru  # a language without labels falls back to Russian


def test_names_and_segments_are_unique_and_mint_iris():
    assert len(set(NAMES)) == len(NAMES)
    assert len(kinds.SEGMENTS) == len(NAMES)
    for kind in kinds.KINDS:
        act = iri.act(kind.name, dt.date(2020, 1, 2), "5")
        assert act == f"{iri.BASE}act/{kind.segment}/2020/01/02/5"
        assert iri.parse(act).act_kind == kind.segment


def test_unknown_kind_is_a_clear_error():
    with pytest.raises(kinds.UnknownKind, match="unknown document kind 'poem'; known: decree"):
        kinds.get("poem")
    with pytest.raises(iri.IRIError, match="unknown act kind 'poem'"):
        iri.act("poem", name="x")


def test_catalog_takes_the_kinds_with_an_extractor():
    assert kinds.extracted() == ("decree", "law", "concept", "plan", "regulation")


# A reference to an act of each kind that has cite words, in Russian and in Kazakh.
REFERENCES = [
    (
        "ru",
        "decree",
        "в соответствии с постановлением Правительства Республики Казахстан от 28 сентября 2015 года № 795",
    ),
    ("ru", "presidential-decree", "Указом Президента Республики Казахстан от 4 июня 2013 года № 579"),
    ("ru", "law", "Законом Республики Казахстан от 1 июля 2024 года № 103-VIII ЗРК «О науке»"),
    ("ru", "order", "приказом Министра финансов Республики Казахстан от 2 марта 2020 года № 12"),
    ("ru", "code", "Бюджетным кодексом Республики Казахстан от 15 марта 2025 года"),
    ("ru", "address", "Послание Президента Республики Казахстан народу Казахстана от 1 сентября 2023 года"),
    ("ru", "national-plan", "Национальный план развития Республики Казахстан до 2029 года"),
    ("ru", "strategy", "Стратегия развития Академии до 2035 года"),
    ("ru", "concept", "Концепция развития науки на 2024-2028 годы"),
    ("ru", "other", "протокольное поручение от 11 марта 2025 года № 9"),
    ("ru", "local-act", "решением акима Алматинской области от 30 января 2004 года № 1-14"),
    ("ru", "local-act", "постановлением акимата Костанайской области от 5 мая 2020 года № 150"),
    ("kk", "decree", "Қазақстан Республикасы Үкіметінің 2015 жылғы 28 қыркүйектегі № 795 қаулысымен"),
    ("kk", "local-act", "Алматы облысы әкімінің 2004 жылғы 30 қаңтардағы № 1-14 шешімімен"),
    ("kk", "presidential-decree", "Қазақстан Республикасы Президентінің 2013 жылғы 4 маусымдағы № 579 Жарлығымен"),
    ("kk", "law", "«Ғылым туралы» Қазақстан Республикасының 2011 жылғы 18 ақпандағы Заңымен"),
    ("kk", "order", "Министрдің 2020 жылғы 2 наурыздағы № 12 бұйрығымен"),
    ("kk", "code", "Қазақстан Республикасының Жер кодексіне"),
    ("kk", "address", "Қазақстан Республикасы Президентінің Қазақстан халқына Жолдауы"),
    ("kk", "strategy", "«Қазақстан-2050» стратегиясы"),
]


@pytest.mark.parametrize("lang, name, text", REFERENCES)
def test_cite_words_find_a_reference_of_the_kind(lang, name, text):
    assert kinds.get(name).words(lang).cite
    assert [r.kind for r in find_act_refs(text)] == [name]


def test_every_kind_with_cite_words_has_a_reference_case():
    covered = {(lang, name) for lang, name, _ in REFERENCES}
    declared = {(lang, k.name) for k in kinds.KINDS for lang in ("ru", "kk") if k.words(lang).cite}
    assert declared == covered


@pytest.mark.parametrize(
    "text, kind, issuer",
    [
        ("Постановление Правительства Республики Казахстан от 13 декабря 2013 года № 1331", "decree", "Правительство"),
        ("Указ Президента Республики Казахстан от 4 июня 2013 года № 579", "presidential-decree", "Президент"),
        ("Закон Республики Казахстан от 9 января 2012 года № 534-IV", "law", None),
        (
            "Приказ Министра финансов Республики Казахстан от 2 марта 2020 года № 12",
            "order",
            "Министр финансов",
        ),  # the holder in the nominative
        ("Распоряжение Премьер-Министра Республики Казахстан от 2 марта 2020 года № 12", "order", "Премьер-Министр"),
        ("Қазақстан Республикасы Үкіметінің 2013 жылғы 19 маусымдағы № 631 қаулысымен бекітілген", "decree", "Үкіметі"),
        (
            "Қазақстан Республикасы Президентінің 2013 жылғы 4 маусымдағы № 579 Жарлығымен бекітілген",
            "presidential-decree",
            "Президенті",
        ),
        ("ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\nО науке\n\n", "law", None),
        ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ\nҒылым туралы\n\n", "law", None),
        ("Концепция развития науки", "concept", None),  # states no kind: the catalog's first kind
    ],
)
def test_heading_words_give_the_document_kind(text, kind, issuer):
    meta = metadata.extract(text, fallback_kind="concept")
    assert meta.kind == kind
    assert (meta.issuer or None) == issuer or issuer in (meta.issuer or "")


@pytest.mark.parametrize(
    "footnote, kind",
    [
        ("Сноска. Пункт 2 с изменением, внесенным постановлением Правительства РК от 28.09.2015 № 795.", "decree"),
        ("Сноска. Пункт 2 с изменением, внесенным Указом Президента РК от 28.09.2015 № 795.", "presidential-decree"),
        ("Сноска. Статья 5 с изменениями, внесенными Законом РК от 13.01.2014 № 159-V.", "law"),
        ("Сноска. Пункт 2 с изменением, внесенным приказом Министра финансов РК от 28.09.2015 № 795.", "order"),
        ("Сноска. Статья 5 с изменениями, внесенными Кодексом РК от 29.10.2015 № 375-V.", "code"),
        ("Ескерту. 1-тармаққа өзгеріс енгізілді - ҚР Үкіметінің 28.09.2015 № 795 қаулысымен.", "decree"),
        ("Ескерту. 1-тармаққа өзгеріс енгізілді - ҚР Министрінің 28.09.2015 № 795 бұйрығымен.", "order"),
        ("Ескерту. 5-бапқа өзгеріс енгізілді - ҚР 2015.10.29 № 376-V Заңымен.", "law"),
    ],
)
def test_amendment_footnotes_name_the_amending_kind(footnote, kind):
    [a] = find_amendments(footnote)
    assert {act.kind for act in a.acts} == {kind}
    assert kinds.get(kind).amends


@pytest.mark.parametrize(
    "target, scope",
    [("Постановление", "act"), ("Қаулы", "act"), ("Приказ", "act"), ("Пункт 2", "part"), ("Приложение 1", "annex")],
)
def test_footnote_on_the_act_itself(target, scope):
    [a] = find_amendments(
        f"Сноска. {target} с изменением, внесенным постановлением Правительства РК от 28.09.2015 № 795."
    )
    assert a.scope == scope


@pytest.mark.parametrize("lang, expected", [("ru", "Документ 2020-01-02 № 5"), ("kk", "Құжат 2020-01-02 № 5")])
def test_untitled_act_is_labelled_by_kind_date_and_number(lang, expected):
    meta = DocumentMeta("other", None, dt.date(2020, 1, 2), "5", None, (0, 0))
    assert fallback_label(lang, meta) == expected
    decree = DocumentMeta("decree", None, None, "5", None, (0, 0))
    assert fallback_label(lang, decree) == f"{kinds.get('decree').label.get(lang)} № 5"


def test_named_query_kind_names_are_the_registry_names():
    """queries/*.rq that map classes to kind names use the registry's names."""
    pairs = set()
    for path in (ROOT / "queries").rglob("*.rq"):
        pairs |= set(re.findall(r"\(kg:(\w+)\s+\"([\w-]+)\"\)", path.read_text(encoding="utf-8")))
    assert pairs, "legal_basis.rq lists the act classes with their kind names"
    by_class = {}
    for k in kinds.KINDS:
        by_class.setdefault(k.cls, set()).add(k.name)
    for cls, name in pairs:
        assert name in by_class.get(cls, set()), f"kg:{cls} {name!r} is not a kind of that class in kgraph.kinds"
