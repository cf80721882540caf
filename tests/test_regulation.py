"""The regulation of a state body (kgraph.sources.regulation, regulation_structure, rdf.regulation).

Excerpts are real (Government decrees No. 580 of 19.08.2022, МНВО, and No. 864 of 04.10.2023,
МПС, as the mirrors' Markdown reads once converted), cut short; layouts the template also takes
(numbered section headings, unnumbered sub-list headings, PDF lines without blank lines) are
written in the same words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from kgraph import iri
from kgraph.amendments import find_amendments
from kgraph.build import validate
from kgraph.catalog import Entry
from kgraph.rdf import Context
from kgraph.rdf import regulation as rdf_regulation
from kgraph.records import DocumentMeta
from kgraph.resolve import Resolution
from kgraph.sources import decree, regulation
from kgraph.sources.regulation_structure import follows
from kgraph.text import normalize
from kgraph.vocab import ELI, KG

META = DocumentMeta("decree", None, dt.date(2022, 8, 19), "580", None, (0, 0))

STAMP_RU = "Утверждено\nпостановлением Правительства\nРеспублики Казахстан\nот «» 2022 года\n№\n\n"
STAMP_KK = "Қазақстан Республикасы\nҮкіметінің\n2022 жылғы «»\n№ қаулысымен\nбекiтiлген\n\n"

RU = (
    "3. Утвердить прилагаемое Положение о Министерстве науки и высшего образования Республики Казахстан "
    "(далее – Положение).\n\n"
    "Премьер-Министр Республики Казахстан\n\n" + STAMP_RU + "Положение о Министерстве науки и высшего образования "
    "Республики Казахстан\n\n"
    "Глава 1. Общие положения\n\n"
    "1. Министерство науки и высшего образования Республики Казахстан (далее – Министерство) является "
    "государственным органом.\n\n"
    "Сноска. Пункт 1 в редакции постановления Правительства РК от 09.10.2025 № 846 (вводится в действие "
    "после дня его первого официального опубликования).\n\n"
    "2. Министерство науки и высшего образования Республики Казахстан имеет ведомства:\n\n"
    "   1) Комитет науки Министерства науки и высшего образования Республики Казахстан.\n\n"
    "Глава 2. Задачи и полномочия Министерства\n\n"
    "13. Задачи:\n\n"
    "    1) создание необходимых условий для получения высшего и (или) послевузовского образования;\n\n"
    "    2) совершенствование организации научных исследований и повышение их конкурентоспособности.\n\n"
    "Сноска. Пункт 13 с изменениями, внесенными постановлениями Правительства РК от 02.06.2023 № 443 "
    "(вводится в действие со дня его подписания); от 24.02.2025 № 94 (вводится в действие с 12.03.2025).\n\n"
    "14. Полномочия:\n\n"
    "    1) права:\n\n"
    "       принимать правовые акты, обязательные для исполнения;\n\n"
    "       осуществлять иные права, предусмотренные действующими законами;\n\n"
    "    2) обязанности:\n\n"
    "       проводить анализ применения законодательства Республики Казахстан в регулируемой сфере;\n\n"
    "       осуществлять иные обязанности в соответствии с законодательством Республики Казахстан.\n\n"
    "15. Функции:\n\n"
    "    7) исключен постановлением Правительства РК от 02.06.2023 № 443 (вводится в действие со дня его "
    "подписания);\n\n"
    "    16) осуществление лицензирования на занятие образовательной деятельностью по подвидам:\n\n"
    "        высшего образования по направлениям подготовки кадров и формам обучения;\n\n"
    "        духовного образования;\n\n"
    "    100) разработка правил установления ежемесячной пожизненной стипендии академикам;\n\n"
    "Сноска. Подпункт 100) вводится в действие с 30.08.2022 в соответствии с пунктом 4 настоящего постановления.\n\n"
    "    131) разработка и утверждение правил базового и программно-целевого финансирования;\n\n"
    "    131-1 разработка и утверждение норм базового финансирования научной деятельности;\n\n"
    "    178) осуществление иных функций, предусмотренных законами Республики Казахстан.\n\n"
    "Глава 3. Статус, полномочия первого руководителя Министерства, коллегиальных органов\n\n"
    "19. Полномочия первого руководителя Министерства:\n\n"
    "    1) определяет обязанности и полномочия своих заместителей;\n\n"
    "    4) подписывает приказы.\n\n"
    "    Исполнение полномочий первого руководителя Министерства в период его отсутствия осуществляется лицом, "
    "его замещающим.\n\n"
    "21-1. Полномочия руководителя аппарата Министерства:\n\n"
    "1) организует реализацию целей, возложенных на Министерство;\n\n"
    "Сноска. Положение дополнено пунктом 21-1 в соответствии с постановлением Правительства РК от 12.08.2026 "
    "№ 717 (вводится в действие со дня его подписания).\n\n"
    "Глава 5. Реорганизация и упразднение Министерства\n\n"
    "25. Реорганизация и упразднение Министерства осуществляются в соответствии с законодательством.\n\n"
    "Перечень государственных юридических лиц, находящихся в ведении Министерства науки и высшего образования\n\n"
    "Сноска. Перечень с изменениями, внесенными постановлениями Правительства РК от 29.12.2022 № 1094.\n\n"
    "1. Республиканское государственное предприятие на праве хозяйственного ведения «Национальный центр».\n\n"
    "3. Исключен постановлением Правительства РК от 31.01.2024 № 52.\n"
)

KK = (
    STAMP_KK + "Қазақстан Республикасы Ғылым және жоғары білім министрлігі туралы ереже\n\n"
    "1-тарау. Жалпы ережелер\n\n"
    "1. Қазақстан Республикасы Ғылым және жоғары білім министрлігі (бұдан әрі – Министрлік) мемлекеттік "
    "орган болып табылады.\n\n"
    "2-тарау. Министрліктің міндеттері мен өкілеттіктері\n\n"
    "13. Міндеттері:\n\n"
    "    1) жоғары және (немесе) жоғары оқу орнынан кейінгі білім алу үшін қажетті жағдайлар жасау;\n\n"
    "14. Өкілеттіктер:\n\n"
    "    1) құқықтары:\n\n"
    "       орындалуы міндетті құқықтық актілер қабылдау;\n\n"
    "       қолданыстағы заңдармен көзделген өзге де құқықтарды жүзеге асыру;\n\n"
    "    2) міндеттері:\n\n"
    "       реттелетін салада Қазақстан Республикасы заңнамасының қолданылуына талдау жүргізу;\n\n"
    "Ескерту. 14-тармаққа өзгерістер енгізілді – ҚР Үкіметінің 02.07.2026 № 574 (қол қойылған күнінен "
    "бастап қолданысқа енгізіледі) қаулысымен.\n\n"
    "15. Функциялар:\n\n"
    "    7) алып тасталды - ҚР Үкіметінің 02.06.2023 № 443 (қол қойылған күнінен бастап қолданысқа "
    "енгізіледі) қаулысымен;\n\n"
    "    12-1) 01.01.2025 бастап қолданысқа енгізіледі - ҚР Үкіметінің 16.08.2024 № 662 қаулысымен.\n\n"
    "    16) мыналарға:\n\n"
    "        кадрларды даярлау бағыттары және оқыту нысандары бойынша жоғары білім;\n\n"
    "        рухани білім беруге лицензиялауды электрондық түрде жүзеге асыру;\n\n"
    "    178) Қазақстан Республикасының заңдарында көзделген өзге де функцияларды жүзеге асыру.\n\n"
    "Ескерту. Ереже 21-1-тармақпен толықтырылды - ҚР Үкіметінің 12.08.2026 № 717 (қол қойылған күнінен "
    "бастап қолданысқа енгізіледі) қаулысымен.\n"
)


def records(text: str, kind: type) -> list:
    return [r for r in regulation.parse(normalize(text).text, META) if isinstance(r, kind)]


def powers(text: str) -> dict[tuple[str, str], tuple[str, bool, str]]:
    return {(c.paragraph, c.item): (c.group, c.residual, c.text) for c in records(text, regulation.Competence)}


# --- the title and the body -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, title, body",
    [
        (
            RU,
            "Положение о Министерстве науки и высшего образования Республики Казахстан",
            "Министерстве науки и высшего образования Республики Казахстан",
        ),
        (
            KK,
            "Қазақстан Республикасы Ғылым және жоғары білім министрлігі туралы ереже",
            "Қазақстан Республикасы Ғылым және жоғары білім министрлігі",
        ),
        # a portal or PDF text: the title in capitals over two lines, no blank line after it
        (
            "ПОЛОЖЕНИЕ\nо Министерстве промышленности и строительства Республики Казахстан\n1. Общие положения\n"
            "1. Министерство является государственным органом.\n",
            "ПОЛОЖЕНИЕ о Министерстве промышленности и строительства Республики Казахстан",
            "Министерстве промышленности и строительства Республики Казахстан",
        ),
        (
            "Қазақстан Республикасының\nӨнеркәсіп және құрылыс министрлігі туралы ереже\n\n1-тарау. Жалпы ережелер\n\n"
            "1. Министрлік мемлекеттік орган болып табылады.\n",
            "Қазақстан Республикасының Өнеркәсіп және құрылыс министрлігі туралы ереже",
            "Қазақстан Республикасының Өнеркәсіп және құрылыс министрлігі",
        ),
        # the title names the body's legal form: the body is the name in quotes
        (
            "Положение о республиканском государственном учреждении «Комитет науки Министерства науки и высшего "
            "образования Республики Казахстан»\n\n1. Комитет является ведомством Министерства.\n",
            "Положение о республиканском государственном учреждении «Комитет науки Министерства науки и высшего "
            "образования Республики Казахстан»",
            "Комитет науки Министерства науки и высшего образования Республики Казахстан",
        ),
    ],
)
def test_title_names_the_body(text, title, body):
    [reg] = records(text, regulation.Regulation)
    norm = normalize(text).text
    assert (reg.title, reg.body) == (title, body)
    assert norm[slice(*reg.body_span)].replace("\n", " ") == body.replace("\n", " ")
    assert reg.document_fields() == {"regulation_title": title}


@pytest.mark.parametrize(
    "text",
    [
        # a clause that names the regulation, wrapped so that it starts a line
        "3. Утвердить прилагаемое\nПоложение о Министерстве финансов Республики Казахстан (далее –\nПоложение).\n",
        # an amending decree: "в Положении о …" is not a title
        "1) в постановлении Правительства:\n\nв Положении о Министерстве финансов Республики Казахстан, утвержденном "
        "указанным постановлением:\n",
        "Закон о науке\n\n1. Настоящий Закон регулирует отношения.\n",
    ],
)
def test_no_regulation_no_records(text):
    assert regulation.parse(normalize(text).text, META) == []


# --- structure ---------------------------------------------------------------------------------


def test_chapters_and_the_end_before_annexed_lists():
    assert [(c.number, c.title) for c in records(RU, regulation.Chapter)] == [
        ("1", "Общие положения"),
        ("2", "Задачи и полномочия Министерства"),
        ("3", "Статус, полномочия первого руководителя Министерства, коллегиальных органов"),
        ("5", "Реорганизация и упразднение Министерства"),
    ]
    paragraphs = records(RU, regulation.Paragraph)
    assert [p.number for p in paragraphs] == ["1", "2", "13", "14", "15", "19", "21-1", "25"]
    # the list after chapter 5 ("Перечень …", numbered from 1 again) is not the regulation's
    assert paragraphs[-1].lead.endswith("в соответствии с законодательством.")
    [p19] = [p for p in paragraphs if p.number == "19"]
    assert p19.closing.startswith("Исполнение полномочий первого руководителя")
    assert not any(e.paragraph == "3" for e in records(RU, regulation.Excluded))


@pytest.mark.parametrize(
    "previous, number, expected",
    [
        ("15", "16", True),
        ("15", "15-1", True),
        ("15-1", "15-2", True),
        ("177-78", "178", True),
        ("111", "111-3", True),
        ("131", "131-1", True),
        ("14", "1", False),
        ("16", "15", False),
        ("15", "40", False),
        (None, "1", True),
    ],
)
def test_numbers_that_can_come_next(previous, number, expected):
    assert follows(previous, number) is expected


def test_numbered_section_headings_are_chapters():
    text = (
        "Положение о Министерстве энергетики Республики Казахстан\n\n"
        "1. Общие положения\n\n"
        "1. Министерство энергетики Республики Казахстан является государственным органом.\n\n"
        "2. Министерство осуществляет свою деятельность в соответствии с Конституцией.\n\n"
        "2. Основные задачи, функции, права и обязанности Министерства\n\n"
        "3. Задачи:\n\n1) формирование государственной политики;\n\n"
        "4. Функции:\n\n1) разработка правил;\n"
    )
    assert [(c.number, c.title) for c in records(text, regulation.Chapter)] == [
        ("1", "Общие положения"),
        ("2", "Основные задачи, функции, права и обязанности Министерства"),
    ]
    assert [p.number for p in records(text, regulation.Paragraph)] == ["1", "2", "3", "4"]
    assert set(powers(text)) == {("3", "1"), ("4", "1")}


@pytest.mark.parametrize(
    "previous, line, number, text",
    [
        (
            "131) учет",
            "131-1 разработка и утверждение норм базового финансирования;",
            "131-1",
            "разработка и утверждение",
        ),
        ("430) анализ", "431 )разработка и утверждение правил;", "431", "разработка и утверждение правил"),
    ],
)
def test_markers_that_lost_their_parenthesis(previous, line, number, text):
    doc = f"Положение о Министерстве\n\n15. Функции:\n\n    {previous};\n\n{line}\n"
    found = powers(doc)
    assert ("15", number) in found and found[("15", number)][2].startswith(text)


def test_two_items_on_one_line():
    doc = (
        "Положение о Министерстве\n\n15. Функции:\n\n"
        "    521) разработка мер по повышению конкурентоспособности; 522) оказание содействия экспорту;\n\n"
        "    523) анализ рынков;\n"
    )
    found = powers(doc)
    assert [k[1] for k in found] == ["521", "522", "523"]
    assert found[("15", "521")][2] == "разработка мер по повышению конкурентоспособности"


# --- competences ---------------------------------------------------------------------------------


def test_the_body_s_tasks_rights_duties_and_functions():
    found = powers(RU)
    assert found == {
        ("13", "1"): (
            "tasks",
            False,
            "создание необходимых условий для получения высшего и (или) послевузовского образования",
        ),
        ("13", "2"): (
            "tasks",
            False,
            "совершенствование организации научных исследований и повышение их конкурентоспособности",
        ),
        ("14", "1.1"): ("rights", False, "принимать правовые акты, обязательные для исполнения"),
        ("14", "1.2"): ("rights", True, "осуществлять иные права, предусмотренные действующими законами"),
        ("14", "2.1"): (
            "duties",
            False,
            "проводить анализ применения законодательства Республики Казахстан в регулируемой сфере",
        ),
        ("14", "2.2"): (
            "duties",
            True,
            "осуществлять иные обязанности в соответствии с законодательством Республики Казахстан",
        ),
        ("15", "16"): (
            "functions",
            False,
            "осуществление лицензирования на занятие образовательной деятельностью по подвидам: высшего образования "
            "по направлениям подготовки кадров и формам обучения; духовного образования",
        ),
        ("15", "100"): (
            "functions",
            False,
            "разработка правил установления ежемесячной пожизненной стипендии академикам",
        ),
        ("15", "131"): (
            "functions",
            False,
            "разработка и утверждение правил базового и программно-целевого финансирования",
        ),
        ("15", "131-1"): (
            "functions",
            False,
            "разработка и утверждение норм базового финансирования научной деятельности",
        ),
        ("15", "178"): ("functions", True, "осуществление иных функций, предусмотренных законами Республики Казахстан"),
    }
    # the first head's and the head of apparatus's powers (19, 21-1) are not the body's; 15.7 is excluded
    assert all(
        c.body == "Министерстве науки и высшего образования Республики Казахстан" and c.role is None
        for c in records(RU, regulation.Competence)
    )


def test_kazakh_tasks_and_duties_share_a_word():
    found = powers(KK)
    assert {k: v[0] for k, v in found.items()} == {
        ("13", "1"): "tasks",
        ("14", "1.1"): "rights",
        ("14", "1.2"): "rights",
        ("14", "2.1"): "duties",
        ("15", "16"): "functions",
        ("15", "178"): "functions",
    }
    assert found[("14", "1.2")][1] and found[("15", "178")][1]  # "өзге де … жүзеге асыру"
    # the sub-lines of "16) мыналарға:" belong to it, the verb closing the last one
    assert found[("15", "16")][2].startswith("мыналарға: кадрларды") and found[("15", "16")][2].endswith("асыру")


def test_excluded_and_not_yet_in_force_items_are_no_powers():
    assert [(e.paragraph, e.item) for e in records(KK, regulation.Excluded)] == [("15", "7")]
    [excluded] = records(RU, regulation.Excluded)
    assert (excluded.paragraph, excluded.item) == ("15", "7")
    assert [(r.kind, r.date, r.number) for r in excluded.repealed_by] == [("decree", dt.date(2023, 6, 2), "443")]
    assert ("15", "12-1") not in powers(KK)  # "01.01.2025 бастап қолданысқа енгізіледі": its wording is not there


def test_numbered_rights_and_unnumbered_headings_of_functions():
    text = (
        "Положение о Министерстве\n\n"
        "14. Полномочия:\n\n1) права:\n\n1. запрашивать информацию;\n\n2. принимать правовые акты;\n\n"
        "2) обязанности:\n\n1. рассматривать обращения;\n\n"
        "15. Функции:\n\nфункции центрального аппарата:\n\n1) разработка правил;\n\n2) утверждение стандартов;\n\n"
        "функции ведомств:\n\n1) ведение реестра;\n\n"
        "16. Министерство в пределах своей компетенции имеет право:\n\n1) создавать комиссии;\n"
    )
    assert {k: v[0] for k, v in powers(text).items()} == {
        ("14", "1.1"): "rights",
        ("14", "1.2"): "rights",
        ("14", "2.1"): "duties",
        ("15", "1"): "functions",
        ("15", "2"): "functions",
        ("15", "s2.1"): "functions-departments",
        ("16", "1"): "rights",
    }


# --- amendment footnotes -----------------------------------------------------------------------


def test_amendment_records_name_the_paragraph_and_the_acts():
    got = {(a.paragraph, a.item, a.act_date, a.act_number) for a in records(RU, regulation.Amendment)}
    assert got == {
        ("1", None, dt.date(2025, 10, 9), "846"),
        ("13", None, dt.date(2023, 6, 2), "443"),
        ("13", None, dt.date(2025, 2, 24), "94"),  # not 12.03.2025, when its change came into force
        ("21-1", None, dt.date(2026, 8, 12), "717"),  # "Положение дополнено пунктом 21-1"
    }
    kk = {(a.paragraph, a.act_number, a.change) for a in records(KK, regulation.Amendment)}
    assert kk == {("14", "574", "amended"), ("21-1", "717", "supplemented")}


def test_item_texts_leave_footnotes_out():
    assert all("Сноска" not in v[2] for v in powers(RU).values())


def test_the_decree_no_longer_points_a_regulation_footnote_at_its_own_clauses():
    text = normalize(RU).text
    parts = [a for a in decree.parse(text, META) if hasattr(a, "scope") and a.scope == "part"]
    assert parts == []
    assert {n.number for a in find_amendments(text) for n in a.acts} >= {"846", "443", "94", "717"}


# --- RDF ---------------------------------------------------------------------------------------


class _Resolver:
    def __call__(self, text, lang, date, glossary):
        return Resolution("body", "mnvo", 1.0, "test") if "науки" in text else Resolution("unresolved", None, 0, "")


def _emit(text: str) -> tuple[Context, URIRef]:
    norm = normalize(text)
    act = URIRef(iri.act("decree", META.date, META.number))
    entry = Entry("doc-580", Path("doc-580.txt"), "ru", ("decree", "regulation"))
    ctx = Context(doc=entry, raw=text, norm=norm, meta=META, act=act, graph=Graph(), resolver=_Resolver())
    rdf_regulation.emit(regulation.parse(norm.text, META), ctx)
    return ctx, act


def test_rdf_the_body_s_own_competences_rest_on_the_approving_decree():
    ctx, act = _emit(RU)
    g = ctx.graph
    reg = URIRef(iri.part(str(act), ("annex", "regulation")))
    mnvo = URIRef(iri.org("mnvo"))
    assert (reg, RDF.type, KG.Regulation) in g and (reg, KG.approvedBy, act) in g and (reg, KG.regulates, mnvo) in g
    item = URIRef(iri.part(str(reg), ("para", "14"), ("item", "1"), ("item", "2")))
    competence = URIRef(iri.part(str(item), ("stmt", "competence")))
    assert (competence, KG.grantedTo, mnvo) in g and (competence, KG.grantedBy, item) in g
    assert (competence, KG.powerGroup, KG.PowerRights) in g and (competence, KG.residual, Literal(True)) in g
    assert (item, ELI.is_part_of, URIRef(iri.part(str(reg), ("para", "14"), ("item", "1")))) in g
    assert len(set(g.subjects(RDF.type, KG.Competence))) == 11


def test_rdf_excluded_items_and_amended_paragraphs():
    ctx, act = _emit(RU)
    g = ctx.graph
    reg = URIRef(iri.part(str(act), ("annex", "regulation")))
    excluded = URIRef(iri.part(str(reg), ("para", "15"), ("item", "7")))
    d443 = URIRef(iri.act("decree", dt.date(2023, 6, 2), "443"))
    assert (excluded, KG.excluded, Literal(True)) in g and (excluded, ELI.repealed_by, d443) in g
    assert (URIRef(iri.part(str(reg), ("para", "13"))), ELI.changed_by, d443) in g
    assert (reg, ELI.amended_by, d443) in g and (d443, RDF.type, KG.GovernmentDecree) in g


def test_rdf_graph_conforms_to_the_shapes():
    ctx, _ = _emit(RU)
    ds = Dataset()
    ds.graph(URIRef(iri.graph("doc-580"))).__iadd__(ctx.graph)
    assert validate(ds) == []


@pytest.mark.parametrize("text", [RU, KK], ids=["ru", "kk"])
def test_layout_without_blank_lines_or_indentation_reads_the_same(text):
    """A PDF's or a copied page's text: no blank lines, every line at column 0."""
    flat = "\n".join(line.strip() for line in text.split("\n") if line.strip()) + "\n"
    assert powers(flat) == powers(text)
    assert [(a.paragraph, a.act_number) for a in records(flat, regulation.Amendment)] == [
        (a.paragraph, a.act_number) for a in records(text, regulation.Amendment)
    ]


def test_items_numbered_with_dots():
    text = (
        "Положение о Министерстве\n\n"
        "15. Функции:\n\n1. разработка правил;\n\n2. утверждение стандартов:\n\n1. высшего образования;\n\n"
        "3. ведение реестра.\n\n"
        "16. Министерство имеет право:\n\n1) создавать комиссии;\n"
    )
    assert [p.number for p in records(text, regulation.Paragraph)] == ["15", "16"]
    assert {k: v[2] for k, v in powers(text).items()} == {
        ("15", "1"): "разработка правил",
        ("15", "2"): "утверждение стандартов: 1. высшего образования",
        ("15", "3"): "ведение реестра",
        ("16", "1"): "создавать комиссии",
    }


def test_a_sentence_after_a_nested_list_is_the_paragraph_s():
    text = (
        "Положение о Министерстве по чрезвычайным ситуациям Республики Казахстан\n\n"
        "15-1. Полномочия:\n\n   1) права:\n\n   обращаться в суд;\n\n"
        "   2) обязанности:\n\n   вести бухгалтерский учет и формировать финансовую отчетность.\n\n"
        "   Министерство также может осуществлять иные полномочия, предусмотренные законодательством "
        "Республики Казахстан.\n\n"
        "16. Функции:\n\n   1) разрабатывает основные направления государственной политики;\n"
    )
    assert set(powers(text)) == {("15-1", "1.1"), ("15-1", "2.1"), ("16", "1")}
    [para] = [p for p in records(text, regulation.Paragraph) if p.number == "15-1"]
    assert para.lead == "Полномочия:"
    assert para.closing.endswith("предусмотренные законодательством Республики Казахстан.")
