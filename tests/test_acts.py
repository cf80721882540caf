"""References to acts, amendment footnotes and sentences (kgraph.acts, kgraph.acts_reader,
kgraph.amendments, kgraph.sentences, kgraph.rdf.acts)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from kgraph import iri
from kgraph.acts import dedupe_refs, find_act_refs
from kgraph.acts_reader import read_quoted
from kgraph.amendments import find_amendments
from kgraph.sentences import sentence_spans
from kgraph.text import normalize

D = dt.date


def only(text: str):
    refs = find_act_refs(text)
    assert len(refs) == 1, [r.text for r in refs]
    return refs[0]


@pytest.mark.parametrize(
    "text, kind, date, number, title",
    [
        (
            "в соответствии с Законом Республики Казахстан от 1 июля 2024 года №103-VIII ЗРК «О науке и технологической политике».",
            "law",
            D(2024, 7, 1),
            "103-VIII ЗРК",
            "О науке и технологической политике",
        ),
        (
            "утвержденным указом Президента Республики Казахстан от 30 июля 2024 года №611.",
            "presidential-decree",
            D(2024, 7, 30),
            "611",
            None,
        ),
        (
            "внесении изменений в постановление Правительства Республики Казахстан от 7 октября 2024 года № 826 "
            '"О создании Высшей научно-технической комиссии".',
            "decree",
            D(2024, 10, 7),
            "826",
            "О создании Высшей научно-технической комиссии",
        ),
        (
            "Академия создана постановлением Правительства Республики Казахстан от 14 декабря 2022 года №1003 "
            "«О вопросах создания общества «Национальная академия наук Республики Казахстан». Далее текст.",
            "decree",
            D(2022, 12, 14),
            "1003",
            "О вопросах создания общества «Национальная академия наук Республики Казахстан»",
        ),
        (
            "изменения внесены постановлением Правительства РК от 28.09.2015 № 795 в план.",
            "decree",
            D(2015, 9, 28),
            "795",
            None,
        ),
        (
            "Протокольное поручение Премьер-Министра Республики Казахстан, данное на заседании Правительства Республики "
            "Казахстан, от 11 марта 2025 года № 9 (пункт 1.2.1)",
            "other",
            D(2025, 3, 11),
            "9",
            None,
        ),
        ("В Бюджетном Кодексе от 15 марта 2025 года установлены расходы.", "code", D(2025, 3, 15), None, None),
        ('В 1983 году Япония приняла Закон "О технополисах", который был принят.', "law", None, None, "О технополисах"),
        (
            "с учетом Национального плана развития Республики Казахстан до 2029 года и задач.",
            "national-plan",
            None,
            None,
            None,
        ),
        # PDF word order scrambled: issuer and date before the kind word.
        (
            "В целях реализации Президента Республики Казахстан от 4 июня 2013 года Указа № 579 «Об утверждении Концепции» "
            "Правительство ПОСТАНОВЛЯЕТ:",
            "presidential-decree",
            D(2013, 6, 4),
            "579",
            "Об утверждении Концепции",
        ),
        # Kazakh: title and date before the kind word.
        (
            "Қазақстан Республикасы Президентiнiң 2012 жылғы 18 желтоқсандағы № 449 Жарлығын iске асыру мақсатында "
            "Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДI:",
            "presidential-decree",
            D(2012, 12, 18),
            "449",
            None,
        ),
        (
            "Қазақстан Республикасы Үкіметінің 2013 жылғы 19 маусымдағы № 631 қаулысымен бекітілген",
            "decree",
            D(2013, 6, 19),
            "631",
            None,
        ),
        (
            "осы Заңның ережесі, егер «Ұлттық әл-ауқат қоры туралы» Қазақстан Республикасының Заңында көзделмесе",
            "law",
            None,
            None,
            "Ұлттық әл-ауқат қоры туралы",
        ),
        (
            "2. «Инновациялық қызметті мемлекеттік қолдау туралы» 2006 жылғы 23\n\nнаурыздағы Қазақстан Республикасы "
            "Заңының күші жойылды деп танылсын",
            "law",
            D(2006, 3, 23),
            None,
            "Инновациялық қызметті мемлекеттік қолдау туралы",
        ),
        ("1) Қазақстан Республикасының Жер кодексіне сәйкес уақытша жерді пайдалану", "code", None, None, None),
    ],
)
def test_reference_fields(text, kind, date, number, title):
    r = only(text)
    assert (r.kind, r.date, r.number, r.title) == (kind, date, number, title)


@pytest.mark.parametrize(
    "text, jurisdiction, name",
    [
        (
            'В России в 1999 году принят отдельный Федеральный закон "О статусе наукограда Российской Федерации", который',
            "RU",
            None,
        ),
        (
            "В Южной Корее в 1967 году принят Закон о поддержке науки и техники, который способствовал",
            "KR",
            "Закон о поддержке науки и техники",
        ),
        (
            "в размере, установленного законом о республиканском бюджете и действующего на 1 января",
            "KZ",
            "Закон о республиканском бюджете",
        ),
        (
            "также деятельность поддерживается Налоговым кодексом Республики Казахстан, включая",
            "KZ",
            "Налоговый кодекс",
        ),
    ],
)
def test_jurisdiction_and_canonical_name(text, jurisdiction, name):
    r = only(text)
    assert r.jurisdiction == jurisdiction
    assert r.name == name


@pytest.mark.parametrize(
    "text",
    [
        "Настоящая Концепция создания территорий на 2026 – 2035 годы (далее – Концепция) направлена",
        "Согласно законодательству Республики Казахстан и данного закона, оба закона действовали.",
        "поручения Президента Республики Казахстан по вопросам развития науки",  # no date and number
        "С принятием указанного Закона заключено 386 договоров.",
    ],
)
def test_not_a_reference(text):
    assert find_act_refs(text) == []


def test_basis_only_in_an_enacting_preamble():
    preamble = only(
        "В целях реализации Указа Президента Республики Казахстан от 4 июня 2013 года № 579 "
        "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:"
    )
    prose = only("В соответствии с Указом Президента Республики Казахстан от 4 июня 2013 года № 579 создан совет.")
    assert preamble.basis and not prose.basis


def test_short_form_from_parenthesis_resolves_later_uses():
    text = (
        'В 2024 году принят новый Закон "О науке и технологической политике" (далее – Закон). '
        "Кроме того, Закон наделяет местные органы полномочиями. Согласно Закону НАН РК создана."
    )
    refs = find_act_refs(text)
    uses = [r for r in refs if r.alias_of == "Закон"]
    assert [u.text for u in uses] == ["Закон", "Закону"]
    assert all(u.title == "О науке и технологической политике" for u in uses)
    acts = dedupe_refs(refs)
    assert len(acts) == 1 and acts[0].aliases == ("Закон",) and acts[0].year == 2024


def test_short_form_from_terms_entry_and_approval_clause():
    text = (
        "4) Закон – Закон Республики Казахстан от 1 июля 2024 года №103-VIII ЗРК «О науке».\n\n"
        "7) Национальный план - Национальный план развития Республики Казахстан до 2029 года, утвержденный "
        "указом Президента Республики Казахстан от 30 июля 2024 года №611.\n\n"
        "Согласно Национальному плану регионы развиваются. В Закон внесены полномочия."
    )
    acts = dedupe_refs(find_act_refs(text))
    by_kind = {a.kind: a for a in acts}
    assert set(by_kind) == {"law", "national-plan"}  # the approving decree is not a second act
    plan = by_kind["national-plan"]
    assert (plan.date, plan.number, plan.approver) == (D(2024, 7, 30), "611", "presidential-decree")
    assert plan.aliases == ("Национальный план",) and by_kind["law"].aliases == ("Закон",)


def test_dedupe_keeps_two_laws_of_the_same_title_apart_by_year():
    text = (
        'В 2001 году был принят Закон "О науке". Важным этапом стал 2011 год, когда был принят новый '
        'Закон "О науке". Закон "О науке" способствовал сохранению школ.'
    )
    acts = dedupe_refs(find_act_refs(text))
    assert [(a.title, a.year) for a in acts] == [("О науке", 2001), ("О науке", 2011)]


def test_same_number_with_a_mistyped_date_is_one_act():
    text = (
        "7) Национальный план - Национальный план развития Республики Казахстан до 2029 года, утвержденный "
        "указом Президента Республики Казахстан от 30 июля 2024 года №611.\n\n"
        "с учетом Национального плана развития Республики Казахстан до 2029 года, утвержденного Указом "
        "Президента Республики Казахстан от 30 июня 2024 года №611, и поручений."
    )
    acts = dedupe_refs(find_act_refs(text))
    assert [(a.kind, a.date) for a in acts] == [("national-plan", D(2024, 7, 30))]


@pytest.mark.parametrize(
    "text, scope, target, change, acts",
    [
        (
            "Сноска. Пункт 2 с изменением, внесенным постановлением Правительства РК от\n28.09.2015 № 795.",
            "part",
            (("para", "2"),),
            "amended",
            [("decree", D(2015, 9, 28), "795")],
        ),
        (
            "Сноска. Пункт 3 в редакции постановления Правительства РК от 28.09.2015 № 795.",
            "part",
            (("para", "3"),),
            "revised",
            [("decree", D(2015, 9, 28), "795")],
        ),
        # The PDF moved both numbers after the dates: pair them in order.
        (
            "Сноска. Национальная дорожная карта с изменениями, внесенными\nпостановлениями Правительства РК от "
            "09.12.2014; от 28.09.2015 .№ 1283 № 795\n\n№",
            "annex",
            (),
            "amended",
            [("decree", D(2014, 12, 9), "1283"), ("decree", D(2015, 9, 28), "795")],
        ),
        (
            "Сноска. Подпункт 3) пункта 2 исключен указом Президента РК от 01.02.2016 № 10.",
            "part",
            (("para", "2"), ("item", "3")),
            "excluded",
            [("presidential-decree", D(2016, 2, 1), "10")],
        ),
        (
            "Ескерту. 1-тармаққа өзгеріс енгізілді - ҚР Үкіметінің 28.09.2015 № 795 қаулысымен.",
            "part",
            (("para", "1"),),
            "amended",
            [("decree", D(2015, 9, 28), "795")],
        ),
        (
            "Ескерту. Жол картасына өзгерістер енгізілді - ҚР Үкіметінің 09.12.2014 № 1283; 28.09.2015 № 795 қаулыларымен.",
            "annex",
            (),
            "amended",
            [("decree", D(2014, 12, 9), "1283"), ("decree", D(2015, 9, 28), "795")],
        ),
    ],
)
def test_amendment_footnotes(text, scope, target, change, acts):
    [a] = find_amendments(text)
    assert (a.scope, a.target, a.change) == (scope, target, change)
    assert [(x.kind, x.date, x.number) for x in a.acts] == acts


# (text, [(target, change, (date, number))] per footnote and stacked note)
STACKED_NOTES = [
    pytest.param(
        "План мероприятий\n\nС носка. В План мероприятий внесены изменения - постановлением Правительства "
        "Республики Казахстан от 18 июля 2002 года N 800.\n\nНовая редакция - постановлением Правительства РК "
        "от 23 октября 2002 г. N 1145.\n\nВнесены изменения - постановлением Правительства РК от 27 января "
        "2003 г. N 92 .\n\nN ! Мероприятие",
        [
            ("В План мероприятий", "amended", (D(2002, 7, 18), "800")),
            ("В План мероприятий", "revised", (D(2002, 10, 23), "1145")),
            ("В План мероприятий", "amended", (D(2003, 1, 27), "92")),
        ],
        id="notes-stacked-under-a-split-footnote-word",
    ),
    pytest.param(
        "Сноска. Пункт 2 с изменением, внесенным постановлением Правительства РК от 28.09.2015 № 795.\n\n"
        "Изменения внесены в связи с реорганизацией министерства.\n\n3. Текст",
        [("Пункт 2", "amended", (D(2015, 9, 28), "795"))],
        id="a-paragraph-naming-no-act-is-no-note",
    ),
    pytest.param(
        "Сноска. Пункт 2 с изменением, внесенным постановлением Правительства РК от 28.09.2015 № 795.\n\n"
        "3. Внесены изменения в постановление от 1 марта 2010 года № 145.",
        [("Пункт 2", "amended", (D(2015, 9, 28), "795"))],
        id="the-next-clause-is-no-note",
    ),
]


@pytest.mark.parametrize("text, expected", STACKED_NOTES)
def test_notes_stacked_under_a_footnote_share_its_target(text, expected):
    found = find_amendments(text)
    got = [(a.target_text.split(" внесены")[0], a.change, (a.acts[0].date, a.acts[0].number)) for a in found]
    assert got == expected
    assert len({(a.scope, a.target) for a in found}) == 1


def test_footnotes_are_not_citations():
    text = "1. Текст пункта.\n      Сноска. Пункт 1 в редакции постановления Правительства РК от 28.09.2015 № 795.\n"
    assert find_act_refs(text) == [] and len(find_amendments(text)) == 1


@pytest.mark.parametrize(
    "text, title",
    [
        ("«О науке» далее", "О науке"),
        ("«О вопросах «Академии». Далее", "О вопросах «Академии»"),  # outer closing mark lost
        ('"О технополисах", который', "О технополисах"),
    ],
)
def test_read_quoted(text, title):
    assert read_quoted(text, 0)[0] == title


def test_sentences_survive_page_breaks_and_keep_headings_apart():
    text = (
        "Параграф 1. Уровень\n\nРазвитие территории связано с уровнем цифровой\n\nинфраструктуры. "
        "Новое предложение при\n\nПравительстве Республики Казахстан, которое очень длинное и продолжается."
    )
    heading_end = text.index("\n\n")
    sents = [text[a:b] for a, b in sentence_spans(text, (heading_end,))]
    assert sents[0] == "Параграф 1. Уровень"
    assert sents[1].endswith("цифровой\n\nинфраструктуры.")
    assert sents[2].startswith("Новое предложение при\n\nПравительстве")


# --- RDF ----------------------------------------------------------------------------


def _ctx(text: str, doc_id: str = "doc-1", kinds=("decree",)):
    from kgraph.catalog import Entry
    from kgraph.rdf import Context
    from kgraph.records import DocumentMeta

    norm = normalize(text)
    act = URIRef(iri.act("decree", D(2013, 12, 13), "1331"))
    meta = DocumentMeta("decree", None, D(2013, 12, 13), "1331", None, (0, 0))
    entry = Entry(doc_id, Path(f"{doc_id}.txt"), "ru", tuple(kinds))
    return Context(doc=entry, raw=text, norm=norm, meta=meta, act=act, graph=Graph())


def test_rdf_amendments_link_act_part_and_amending_act():
    from kgraph.rdf import acts as acts_rdf
    from kgraph.vocab import ELI, KG

    text = (
        "2. Органам представлять информацию.\n      Сноска. Пункт 2 с изменением, внесенным постановлением "
        "Правительства РК от 28.09.2015 № 795.\n\nСноска. Национальная дорожная карта с изменениями, внесенными "
        "постановлениями Правительства РК от 09.12.2014; от 28.09.2015 .№ 1283 № 795\n\n"
    )
    ctx = _ctx(text)
    acts_rdf.emit(find_amendments(ctx.norm.text), ctx)
    g = ctx.graph
    d795 = URIRef(iri.act("decree", D(2015, 9, 28), "795"))
    d1283 = URIRef(iri.act("decree", D(2014, 12, 9), "1283"))
    assert (ctx.act, ELI.amended_by, d795) in g and (ctx.act, ELI.amended_by, d1283) in g
    assert (URIRef(iri.part(str(ctx.act), ("para", "2"))), ELI.changed_by, d795) in g
    assert (URIRef(iri.part(str(ctx.act), ("annex", "plan"))), ELI.changed_by, d1283) in g
    assert (d795, RDF_TYPE, KG.GovernmentDecree) in g and g.value(d795, ELI.date_document).toPython() == D(2015, 9, 28)
    assert g.value(d795, KG.sourceSpan) is not None


RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def test_rdf_same_act_in_two_documents_is_one_node():
    from kgraph.rdf import acts as acts_rdf
    from kgraph.vocab import ELI

    nodes = []
    for doc, text in (
        ("a", "с учетом Национального плана развития Республики Казахстан до 2029 года."),
        (
            "b",
            "7) Национальный план - Национальный план развития Республики Казахстан до 2029 года, "
            "утвержденный указом Президента Республики Казахстан от 30 июля 2024 года №611.",
        ),
    ):
        ctx = _ctx(text, doc)
        refs = dedupe_refs(find_act_refs(ctx.norm.text))
        acts_rdf.emit_refs(refs, ctx)
        nodes.append({o for o in ctx.graph.objects(ctx.act, ELI.cites)})
    assert nodes[0] == nodes[1] and len(nodes[0]) == 1


def test_rdf_basis_and_link_same_acts():
    from rdflib.namespace import OWL

    from kgraph.rdf import acts as acts_rdf
    from kgraph.vocab import ELI

    ds = Dataset()
    for doc, text in (
        ("a", 'В 2024 году принят новый Закон "О науке и технологической политике" (далее – Закон).'),
        (
            "b",
            "В целях реализации Закона Республики Казахстан от 1 июля 2024 года №103-VIII ЗРК «О науке и "
            "технологической политике» Правительство ПОСТАНОВЛЯЕТ:",
        ),
    ):
        ctx = _ctx(text, doc)
        ctx.graph = ds.graph(URIRef(iri.graph(doc)))
        acts_rdf.emit_refs(dedupe_refs(find_act_refs(ctx.norm.text)), ctx)
    dated = URIRef(iri.act("law", D(2024, 7, 1), "103-VIII ЗРК"))
    assert (URIRef(iri.act("decree", D(2013, 12, 13), "1331")), ELI.based_on, dated) in ds.graph(URIRef(iri.graph("b")))
    assert acts_rdf.link_same_acts(ds) == 1
    assert any(q[2] == dated for q in ds.quads((None, OWL.sameAs, None, None)))
