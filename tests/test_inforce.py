"""When acts are in force: the clauses and notes that say it, in Russian and Kazakh
(kgraph.inforce), their triples and the repeals linked across the corpus (kgraph.rdf.inforce)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kgraph import inforce, iri
from kgraph.amendments import AmendingAct
from kgraph.inforce import EndOfForce, EntryIntoForce, Facts, RepealOf
from kgraph.text import normalize
from kgraph.vocab import ELI, KG

D = dt.date


def only(records, cls):
    found = [r for r in records if isinstance(r, cls)]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "date", "on_signing", "days", "clause"),
    [
        (
            "1. Настоящий Закон вводится в действие по истечении десяти календарных дней после его первого "
            "официального опубликования.",
            None,
            False,
            10,
            "Настоящий Закон вводится в действие по истечении десяти календарных дней после его первого "
            "официального опубликования",
        ),
        (
            "4. Настоящее постановление вводится в действие со дня его подписания, за исключением: "
            "подпунктов 100) и 101) пункта 15 Положения, которые вводятся в действие с 30 августа 2022 года;",
            None,
            True,
            None,
            "Настоящее постановление вводится в действие со дня его подписания",
        ),
        ("Настоящий приказ вводится в действие с 1 января 2016 года.", D(2016, 1, 1), False, None, None),
        ("5. Осы қаулы қол қойылған күнiнен бастап қолданысқа енгiзiледi.", None, True, None, None),
        (
            "34-бап. Осы Заңды қолданысқа енгізу тәртібі\n1. Осы Заң алғашқы ресми жарияланғанынан кейін "
            "күнтізбелік он күн өткен соң \nқолданысқа енгізіледі.",
            None,
            False,
            10,
            "Осы Заң алғашқы ресми жарияланғанынан кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі",
        ),
        (
            "1. Осы Заң, 2025 жылғы 1 қаңтардан бастап қолданысқа енгізілетін осы Заңның 1-бабының 37) "
            "тармақшасын қоспағанда, алғашқы ресми жарияланған күнінен кейін күнтізбелік алпыс күн өткен соң "
            "қолданысқа енгізіледі.",
            None,
            False,
            60,
            "Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік алпыс күн өткен соң қолданысқа енгізіледі",
        ),
    ],
)
def test_entry_into_force_clause(text, date, on_signing, days, clause):
    e = only(inforce.read(normalize(text).text), EntryIntoForce)
    assert (e.date, e.on_signing, e.days_after_publication) == (date, on_signing, days)
    if clause:
        assert e.text == clause


@pytest.mark.parametrize(
    "text",
    [
        "Настоящий Закон регулирует общественные отношения.",  # no "вводится в действие"
        "34-бап. Осы Заңды қолданысқа енгізу тәртібі",  # a heading, no verb
        "порядок введения в действие настоящего Закона см. ст. 28",
    ],
)
def test_no_entry_into_force_where_none_is_stated(text):
    assert not [r for r in inforce.read(text) if isinstance(r, EntryIntoForce)]


@pytest.mark.parametrize(
    ("text", "act", "date", "on_signing"),
    [
        (
            "# О государственной поддержке\n\nПримечание РЦПИ!\n\n"
            "Утрачивает силу Кодексом РК от 29.10.2015 № 375-V (вводится в действие с 01.01.2016).\n",
            AmendingAct("code", D(2015, 10, 29), "375-V"),
            D(2016, 1, 1),
            False,
        ),
        (
            "> *Сноска. Утратило силу решением акима Алматинской области от 30.01.2004 № 1-14.*\n",
            AmendingAct("local-act", D(2004, 1, 30), "1-14"),
            None,
            False,
        ),
        (
            "> *Ескерту. Күші жойылды - Алматы облысы әкімінің 30.01.2004 № 1-14 шешімімен.*\n",
            AmendingAct("local-act", D(2004, 1, 30), "1-14"),
            None,
            False,
        ),
        (
            "Ескерту. Күші жойылды - ҚР 29.10.2015 № 375-V Кодексімен (01.01.2016 бастап қолданысқа енгізіледі).\n",
            AmendingAct("code", D(2015, 10, 29), "375-V"),
            D(2016, 1, 1),
            False,
        ),
    ],
)
def test_the_note_that_an_act_lost_force(text, act, date, on_signing):
    e = only(inforce.read(text), EndOfForce)
    assert (e.act, e.date, e.on_signing) == (act, date, on_signing)
    assert not e.text.startswith(("Сноска", "Ескерту", ">", "*"))


@pytest.mark.parametrize(
    "text",
    [
        "Сноска. Статья 5 утратила силу Законом РК от 03.07.2013 № 124-V.",  # an article, not the act
        "Ескерту. 5-баптың күші жойылды - ҚР 03.07.2013 № 124-V Заңымен.",
        "акт, утративший силу, не применяется",
    ],
)
def test_notes_about_parts_are_not_the_acts_end(text):
    assert not [r for r in inforce.read(text) if isinstance(r, EndOfForce)]


@pytest.mark.parametrize(
    ("requisite", "act", "on_signing"),
    [
        (
            "Закон Республики Казахстан от 9 января 2012 года № 534-IV. Утратил силу Кодексом Республики "
            "Казахстан от 29 октября 2015 года № 375-V",
            AmendingAct("code", D(2015, 10, 29), "375-V"),
            False,
        ),
        (
            "Постановление Правительства Республики Казахстан от 15 июля 2022 года № 482. Утратило силу "
            "постановлением Правительства Республики Казахстан от 18 октября 2024 года № 868 (вводится в "
            "действие со дня его подписания)",
            AmendingAct("decree", D(2024, 10, 18), "868"),
            True,
        ),
    ],
)
def test_the_requisite_of_meta_yaml(requisite, act, on_signing):
    e = inforce.read_requisite(requisite)
    assert e is not None and (e.act, e.on_signing) == (act, on_signing)


def test_a_requisite_of_an_act_in_force_says_nothing():
    assert inforce.read_requisite("Закон Республики Казахстан от 1 июля 2024 года № 103-VIII ЗРК") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2. Признать утратившими силу:\n\n   1) Закон Республики Казахстан от 18 февраля 2011 года «О науке»;\n\n"
            "   2) Закон Республики Казахстан от 31 октября 2015 года «О коммерциализации результатов научной и "
            "(или) научно-технической деятельности».\n\n**Президент Республики Казахстан**",
            [("law", D(2011, 2, 18), "О науке"), ("law", D(2015, 10, 31), "О коммерциализации результатов")],
        ),
        (
            "2. «Инновациялық қызметті мемлекеттік қолдау туралы» 2006 жылғы 23 \nнаурыздағы Қазақстан "
            "Республикасы Заңының (Қазақстан Республикасы \nПарламентінің Жаршысы, 2006 ж., № 5-6, 35-құжат) "
            "күші жойылды деп танылсын.",
            [("law", D(2006, 3, 23), "Инновациялық қызметті")],
        ),
        ("4. Признать утратившими силу некоторые решения Правительства согласно приложению.", []),
    ],
)
def test_repeals_stated_of_other_acts(text, expected):
    found = [r for r in inforce.read(normalize(text).text) if isinstance(r, RepealOf)]
    assert [(r.ref.kind, r.ref.date) for r in found] == [(k, d) for k, d, _ in expected]
    for r, (_, _, title) in zip(found, expected, strict=True):
        assert r.ref.title.startswith(title)


@pytest.mark.parametrize(
    ("facts", "day", "expected"),
    [
        (Facts(adopted="2012-01-09", end="2016-01-01", repealed=True), "2011-12-31", "not-adopted"),
        (Facts(adopted="2012-01-09", end="2016-01-01", repealed=True), "2015-12-31", "in-force"),
        (Facts(adopted="2012-01-09", end="2016-01-01", repealed=True), "2016-01-01", "repealed"),
        (Facts(adopted="2015-12-01", entry="2016-01-01"), "2015-12-15", "not-in-force"),
        (Facts(adopted="2015-10-31", repealed=True, repealed_by_dates=("2024-07-01",)), "2024-06-30", "in-force"),
        (
            Facts(adopted="2015-10-31", repealed=True, repealed_by_dates=("2024-07-01",)),
            "2024-12-01",
            "repealed-unknown-date",
        ),
        (Facts(), "2020-01-01", "in-force"),
    ],
)
def test_status_on_a_day(facts, day, expected):
    assert inforce.status(facts, day) == expected


# --- RDF ------------------------------------------------------------------------------


def _ctx(text: str, kind: str, date: D, number: str, lang: str = "ru", doc_id: str = "doc-1"):
    from kgraph.catalog import Entry
    from kgraph.rdf import Context
    from kgraph.records import DocumentMeta

    act = URIRef(iri.act(kind, date, number))
    meta = DocumentMeta(kind, None, date, number, None, (0, 0))
    entry = Entry(doc_id, Path(f"{doc_id}.txt"), lang, (kind,))
    return Context(doc=entry, raw=text, norm=normalize(text), meta=meta, act=act, graph=Graph())


def test_the_seed_law_lost_force_by_the_entrepreneurial_code():
    from kgraph.rdf import inforce as inforce_rdf

    text = (
        "Утрачивает силу Кодексом РК от 29.10.2015 № 375-V (вводится в действие с 01.01.2016).\n\n"
        "Статья 28. Порядок введения в действие настоящего Закона\n\n1. Настоящий Закон вводится в действие по "
        "истечении десяти календарных дней после его первого официального опубликования.\n"
    )
    ctx = _ctx(text, "law", D(2012, 1, 9), "534-IV")
    inforce_rdf.emit(inforce.read(ctx.norm.text), ctx)
    g, law = ctx.graph, ctx.act
    code = URIRef(iri.act("code", D(2015, 10, 29), "375-V"))
    assert (law, ELI.repealed_by, code) in g and (code, ELI.repeals, law) in g
    assert g.value(law, ELI.date_no_longer_in_force) == Literal("2016-01-01", datatype=XSD.date)
    assert (code, RDF.type, KG.Code) in g and g.value(code, ELI.number) == Literal("375-V")
    assert (law, ELI.first_date_entry_in_force, None) not in g  # ten days after a publication the text does not date
    assert "десяти календарных дней" in str(g.value(law, KG.entryIntoForceNote))


def test_signing_day_is_the_act_date_and_repeals_take_its_entry_into_force():
    from kgraph.rdf import inforce as inforce_rdf

    text = (
        "1. Признать утратившим силу постановление Правительства Республики Казахстан от 22 августа 2017 года "
        "№ 498.\n2. Настоящее постановление вводится в действие со дня его подписания.\n"
    )
    ctx = _ctx(text, "decree", D(2022, 7, 15), "482")
    inforce_rdf.emit(inforce.read(ctx.norm.text), ctx)
    old = URIRef(iri.act("decree", D(2017, 8, 22), "498"))
    g = ctx.graph
    assert g.value(ctx.act, ELI.first_date_entry_in_force) == Literal("2022-07-15", datatype=XSD.date)
    assert (ctx.act, ELI.repeals, old) in g and (old, ELI.repealed_by, ctx.act) in g
    assert g.value(old, ELI.date_no_longer_in_force) == Literal("2022-07-15", datatype=XSD.date)


def test_a_repeal_naming_a_corpus_act_without_its_number_is_linked_to_it():
    from kgraph.rdf import inforce as inforce_rdf

    ds = Dataset()
    old = URIRef(iri.act("law", D(2015, 10, 31), "381-V"))
    g_old = ds.graph(URIRef(iri.graph("old")))
    g_old.add((old, RDF.type, KG.Law))
    g_old.add((old, ELI.date_document, Literal("2015-10-31", datatype=XSD.date)))
    g_old.add((old, ELI.number, Literal("381-V")))
    g_old.add((old, ELI.title, Literal("О коммерциализации результатов научной деятельности", lang="ru")))
    g_old.add((old, ELI.is_realized_by, URIRef(str(old) + "/lang_ru")))
    text = (
        "2. Признать утратившими силу:\n   1) Закон Республики Казахстан от 31 октября 2015 года «О "
        "коммерциализации результатов научной деятельности».\n"
    )
    ctx = _ctx(text, "law", D(2024, 7, 1), "103-VIII", doc_id="new")
    ctx.graph = ds.graph(URIRef(iri.graph("new")))
    inforce_rdf.emit(inforce.read(ctx.norm.text), ctx)

    def stated(s, p, o):
        return any(ds.quads((s, p, o, None)))

    assert not stated(ctx.act, ELI.repeals, old)  # named by date and title only
    assert inforce_rdf.link_repeals(ds) == 1
    assert stated(ctx.act, ELI.repeals, old) and stated(old, ELI.repealed_by, ctx.act)
