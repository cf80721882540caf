"""A small hand-made build for the web and search tests.

It is shaped like what the extractors and the registry emit (W3C ORG bodies
with three-language labels and abbreviations, a plan with tasks, assignments
and deadlines, a law article with competence items granted to a legal role,
role tenures, a reorganization, an overlap finding), with provenance spans
pointing at the real raw files in data/sources/. One body's label is an HTML
injection attempt: every page must print it as text.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS, TIME, XSD

from kgraph import iri, settings
from kgraph.vocab import ELI, KG, PROV, ontology_graph
from kgtest import ROOT

SOURCES = ROOT / "data" / "sources"
XSS = "<script>alert(1)</script> Evil & Co"

PLAN_DOC = "kz-gov-decree-2013-631-kk"
ROADMAP_DOC = "kz-gov-decree-2013-1331-ru"
LAW_DOC = "kz-law-industrial-innovative-support-kk"

MINT = URIRef(iri.org("mint"))
MID = URIRef(iri.org("mid"))
MIID = URIRef(iri.org("miid"))
NATR = URIRef(iri.org("natr"))
EVIL = URIRef(iri.org("evil"))
ROLE = URIRef(iri.role("authorized-body-industrial-innovation"))
PLAN_ACT = URIRef(iri.act("decree", __import__("datetime").date(2013, 6, 19), "631"))
PLAN = URIRef(iri.part(PLAN_ACT, ("annex", 1)))
LAW = URIRef(iri.act("law", __import__("datetime").date(2012, 1, 9), "534-IV"))
ART5 = URIRef(iri.part(LAW, ("art", 5)))
ITEM2 = URIRef(iri.part(LAW, ("art", 5), ("item", 2)))
COMPETENCE = URIRef(str(ITEM2) + "/competence")
CODE = URIRef(iri.act("code", __import__("datetime").date(2015, 10, 29), "375-V"))
AMENDING = URIRef(iri.act("law", __import__("datetime").date(2013, 7, 3), "124-V"))
# Items of article 5 beside item 2, as (number, kk text, ru text, excluded): numbered so that a text
# sort would put "10" before "2".
ITEMS = (
    ("1", "мемлекеттік саясатты қалыптастыруға қатысады", "участвует в формировании государственной политики", False),
    ("4", "алып тасталды - ҚР 03.07.2013 № 124-V Заңымен", "исключен Законом РК от 03.07.2013 № 124-V", True),
    ("10", "басым тауарлардың тізбесін әзірлейді", "разрабатывает перечень приоритетных товаров", False),
    ("10-1", "инновациялық гранттар берудің басым бағыттарын айқындайды", "определяет приоритетные направления", False),
)
TASK1 = URIRef(iri.part(PLAN, ("task", 1)))
TASK3 = URIRef(iri.part(PLAN, ("task", 3)))
TASK_XSS = URIRef(iri.part(PLAN, ("task", 99)))
FINDING = URIRef(iri.finding("competence-task", str(COMPETENCE), str(TASK3)))


def raw(doc: str) -> str:
    return (SOURCES / f"{doc}.txt").read_text(encoding="utf-8")


class _Writer:
    def __init__(self, ds: Dataset, doc: str | None):
        self.g = ds.graph(URIRef(iri.graph(doc) if doc else iri.REGISTRY_GRAPH))
        self.doc = doc
        self.text = raw(doc) if doc else ""

    def add(self, s, p, o):
        self.g.add((s, p, o if isinstance(o, (URIRef, Literal)) else Literal(o)))

    def span(self, node: URIRef, quote: str, after: int = 0) -> int:
        start = self.text.index(quote, after)
        end = start + len(quote)
        s = URIRef(iri.span(self.doc, start, end))
        self.add(s, RDF.type, KG.SourceSpan)
        self.add(s, KG.inSource, URIRef(iri.source(self.doc)))
        self.add(s, KG.startOffset, Literal(start, datatype=XSD.integer))
        self.add(s, KG.endOffset, Literal(end, datatype=XSD.integer))
        self.add(s, KG.quote, Literal(quote))
        self.add(node, KG.sourceSpan, s)
        return end

    def source(self, act: URIRef, title: str, lang: str, date: str | None):
        src = URIRef(iri.source(self.doc))
        self.add(src, RDF.type, KG.SourceDocument)
        self.add(src, DCTERMS.identifier, Literal(self.doc))
        self.add(src, DCTERMS.language, Literal(lang))
        self.add(src, DCTERMS.source, Literal(f"{self.doc}.txt"))
        self.add(src, KG.sourceOf, act)
        self.add(act, ELI.title, Literal(title, lang=lang))
        self.add(act, RDFS.label, Literal(title, lang=lang))
        self.add(act, ELI.id_local, Literal(self.doc))
        self.add(act, PROV.wasDerivedFrom, src)
        if date:
            self.add(act, ELI.date_document, Literal(date, datatype=XSD.date))


def _body(w: _Writer, node, cls, ru, kk, en, abbrs):
    w.add(node, RDF.type, cls)
    w.add(node, RDF.type, ORG.FormalOrganization)
    for text, lang in ((ru, "ru"), (kk, "kk"), (en, "en")):
        w.add(node, SKOS.prefLabel, Literal(text, lang=lang))
    for text, lang in abbrs:
        w.add(node, SKOS.altLabel, Literal(text, lang=lang))


def registry(ds: Dataset) -> None:
    w = _Writer(ds, None)
    _body(
        w,
        MINT,
        KG.Ministry,
        "Министерство индустрии и новых технологий Республики Казахстан",
        "Қазақстан Республикасы Индустрия және жаңа технологиялар министрлігі",
        "Ministry of Industry and New Technologies of the Republic of Kazakhstan",
        [("МИНТ", "ru"), ("ИЖТМ", "kk")],
    )
    _body(
        w,
        MID,
        KG.Ministry,
        "Министерство по инвестициям и развитию Республики Казахстан",
        "Қазақстан Республикасы Инвестициялар және даму министрлігі",
        "Ministry for Investments and Development of the Republic of Kazakhstan",
        [("МИР", "ru"), ("МИД", "ru"), ("ИДМ", "kk")],
    )
    _body(
        w,
        MIID,
        KG.Ministry,
        "Министерство индустрии и инфраструктурного развития Республики Казахстан",
        "Қазақстан Республикасы Индустрия және инфрақұрылымдық даму министрлігі",
        "Ministry of Industry and Infrastructural Development of the Republic of Kazakhstan",
        [("МИИР", "ru"), ("ИИДМ", "kk")],
    )
    _body(
        w,
        NATR,
        KG.JointStockCompany,
        "АО «Национальное агентство по технологическому развитию»",
        "«Технологиялық даму жөніндегі ұлттық агенттік» АҚ",
        "National Agency for Technological Development JSC",
        [("НАТР", "ru"), ("ТДҰА", "kk")],
    )
    _body(w, EVIL, KG.OtherOrganization, XSS, XSS, XSS, [("EVIL<b>", "en")])
    for ev, before, after, date in (
        ("mint-to-mid-2014", MINT, MID, "2014-08-06"),
        ("mid-to-miid-2018", MID, MIID, "2018-12-25"),
    ):
        e = URIRef(iri.event(ev))
        w.add(e, RDF.type, ORG.ChangeEvent)
        w.add(e, ORG.originalOrganization, before)
        w.add(e, ORG.resultingOrganization, after)
        w.add(e, DCTERMS.date, Literal(date, datatype=XSD.date))
        w.add(e, RDFS.label, Literal(f"Reorganization {date}", lang="en"))
        w.add(before, ORG.changedBy, e)
        w.add(after, ORG.resultedFrom, e)
        w.add(before, KG.validUntil, Literal(date, datatype=XSD.date))
        w.add(after, KG.validFrom, Literal(date, datatype=XSD.date))
    w.add(ROLE, RDF.type, KG.LegalRole)
    w.add(
        ROLE,
        SKOS.prefLabel,
        Literal(
            "уполномоченный орган в области государственной поддержки индустриально-инновационной деятельности",
            lang="ru",
        ),
    )
    w.add(
        ROLE,
        SKOS.prefLabel,
        Literal("индустриялық-инновациялық қызметті мемлекеттік қолдау саласындағы уәкілетті орган", lang="kk"),
    )
    w.add(
        ROLE, SKOS.prefLabel, Literal("authorized body for state support of industrial-innovative activity", lang="en")
    )
    for holder, start, end in ((MINT, "2012-01-09", "2014-08-06"), (MID, "2014-08-06", "2018-12-25")):
        t = URIRef(
            iri.tenure(
                "authorized-body-industrial-innovation",
                holder.rsplit("/", 1)[1],
                __import__("datetime").date.fromisoformat(start),
            )
        )
        w.add(t, RDF.type, KG.RoleTenure)
        w.add(t, KG.roleOf, ROLE)
        w.add(t, KG.holder, holder)
        w.add(t, KG.validFrom, Literal(start, datatype=XSD.date))
        w.add(t, KG.validUntil, Literal(end, datatype=XSD.date))


def plan(ds: Dataset) -> None:
    w = _Writer(ds, PLAN_DOC)
    w.add(PLAN_ACT, RDF.type, KG.GovernmentDecree)
    w.add(PLAN_ACT, RDF.type, ELI.LegalResource)
    w.source(PLAN_ACT, "Үкімет қаулысы 2013-06-19 № 631", "kk", "2013-06-19")
    w.add(PLAN_ACT, ELI.number, Literal("631"))
    w.add(PLAN, RDF.type, KG.Plan)
    w.add(PLAN, RDF.type, KG.Annex)
    w.add(PLAN, ELI.is_part_of, PLAN_ACT)
    w.add(PLAN_ACT, ELI.has_part, PLAN)
    w.add(
        PLAN,
        RDFS.label,
        Literal(
            "«Инновациялық технологиялар паркі» арнайы экономикалық аймағының базасында "
            "перспективалы ұлттық кластерлер қалыптастыру жөніндегі жол картасы",
            lang="kk",
        ),
    )
    direction = URIRef(iri.part(PLAN, ("dir", 1)))
    w.add(direction, RDF.type, KG.Direction)
    w.add(direction, ELI.is_part_of, PLAN)
    w.add(direction, RDFS.label, Literal("«ИТП» АЭА кластерлерін және құрылымдық қызметін дамыту", lang="kk"))
    w.span(direction, "1. «ИТП» АЭА кластерлерін және құрылымдық қызметін дамыту")
    tasks = (
        (
            TASK1,
            "1",
            "Басқарушы компанияны «ТДҰА» АҚ-ға сенімгерлік басқаруға беру",
            [(MINT, False), (NATR, True)],
            "2013 жылғытамыз",
            "2013-08-01",
            "2013-08-31",
        ),
        (
            TASK3,
            "3",
            "«ИТП» АЭА кластерлерін дамыту бойынша жұмыс тобын құру",
            [(MINT, False), (NATR, True)],
            "2013 жылғытамыз",
            "2013-08-01",
            "2013-08-31",
        ),
        (
            TASK_XSS,
            "99",
            "Жұмыс тобының отырысын өткізу " + XSS,
            [(MINT, False), (EVIL, True)],
            "2013 жыл",
            "2013-01-01",
            "2013-12-31",
        ),
    )
    for task, number, text, parties, deadline, start, end in tasks:
        w.add(task, RDF.type, KG.Task)
        w.add(task, ELI.number, Literal(number))
        w.add(task, RDFS.label, Literal(text, lang="kk"))
        w.add(task, KG.inPlan, PLAN)
        w.add(task, KG.inDirection, direction)
        w.add(task, ELI.is_part_of, PLAN)
        w.add(task, KG.completionForm, Literal("Қазақстан Республикасының Үкiметiне ақпарат", lang="kk"))
        w.add(task, KG.fundingText, Literal("талап етілмейді", lang="kk"))
        quote = text if XSS not in text else "Басқарушы компанияны «ТДҰА» АҚ-ға сенімгерлік басқаруға беру"
        w.span(task, quote)
        d = URIRef(str(task) + "/deadline")
        w.add(task, KG.deadline, d)
        w.add(d, RDF.type, KG.Deadline)
        w.add(d, KG.originalText, Literal(deadline, lang="kk"))
        for prop, day in ((TIME.hasBeginning, start), (TIME.hasEnd, end)):
            inst = URIRef(f"{d}/{'start' if prop == TIME.hasBeginning else 'end'}")
            w.add(d, prop, inst)
            w.add(inst, RDF.type, TIME.Instant)
            w.add(inst, TIME.inXSDDate, Literal(day, datatype=XSD.date))
        for pos, (body, by_agreement) in enumerate(parties):
            a = URIRef(iri.part(task, ("party", pos)))
            w.add(task, KG.hasAssignment, a)
            w.add(a, RDF.type, KG.Assignment)
            w.add(a, KG.assignee, body)
            w.add(a, KG.assignmentRole, KG.LeadExecutor if pos == 0 else KG.CoExecutor)
            w.add(a, KG.position, Literal(pos, datatype=XSD.integer))
            w.add(a, KG.byAgreement, Literal(by_agreement))


def law(ds: Dataset) -> None:
    w = _Writer(ds, LAW_DOC)
    w.add(LAW, RDF.type, KG.Law)
    w.add(LAW, RDF.type, ELI.LegalResource)
    w.source(LAW, "Индустриялық-инновациялық қызметті мемлекеттік қолдау туралы", "kk", "2012-01-09")
    w.add(ART5, RDF.type, KG.Article)
    w.add(ART5, ELI.is_part_of, LAW)
    w.add(LAW, ELI.has_part, ART5)
    w.add(ART5, ELI.number, Literal("5"))
    w.add(
        ART5,
        ELI.title,
        Literal(
            "Индустриялық-инновациялық қызметті мемлекеттік қолдау саласындағы уәкілетті органның құзыреті", lang="kk"
        ),
    )
    w.span(ART5, "5-бап. Индустриялық-инновациялық қызметті мемлекеттік")
    w.add(ITEM2, RDF.type, KG.Item)
    w.add(ITEM2, ELI.is_part_of, ART5)
    w.add(ART5, ELI.has_part, ITEM2)
    w.add(ITEM2, ELI.number, Literal("2"))
    item_text = "ғылыми-технологиялық дамытудың салааралық жоспарын әзірлейді"
    w.add(ITEM2, RDFS.label, Literal(item_text, lang="kk"))
    w.span(ITEM2, "2) " + item_text)
    w.add(COMPETENCE, RDF.type, KG.Competence)
    w.add(COMPETENCE, KG.grantedTo, ROLE)
    w.add(COMPETENCE, KG.grantedBy, ITEM2)
    w.add(COMPETENCE, RDFS.label, Literal(item_text, lang="kk"))
    w.add(COMPETENCE, KG.residual, Literal(False))
    w.span(COMPETENCE, item_text)
    # the law as the reader shows it: its other items in both languages, one excluded, a footnote,
    # and its end of force (kgraph.inforce)
    w.add(ITEM2, RDFS.label, Literal("разрабатывает межотраслевой план научно-технологического развития", lang="ru"))
    w.add(ART5, ELI.title, Literal("Компетенция уполномоченного органа", lang="ru"))
    w.add(ART5, ELI.changed_by, AMENDING)
    for number, kk, ru, excluded in ITEMS:
        item = URIRef(iri.part(LAW, ("art", 5), ("item", number)))
        w.add(item, RDF.type, KG.Item)
        w.add(item, ELI.is_part_of, ART5)
        w.add(ART5, ELI.has_part, item)
        w.add(item, ELI.number, Literal(number))
        w.add(item, RDFS.label, Literal(f"{number}) {kk}", lang="kk"))
        w.add(item, RDFS.label, Literal(f"{number}) {ru}", lang="ru"))
        if excluded:
            w.add(item, KG.excluded, Literal(True))
            w.add(item, ELI.repealed_by, AMENDING)
        else:
            c = URIRef(str(item) + "/stmt_competence")
            w.add(c, RDF.type, KG.Competence)
            w.add(c, KG.grantedTo, ROLE)
            w.add(c, KG.grantedBy, item)
            w.add(c, RDFS.label, Literal(kk, lang="kk"))
            w.add(c, RDFS.label, Literal(ru, lang="ru"))
    for act, kind_cls, date, number, label in (
        (CODE, KG.Code, "2015-10-29", "375-V", "Предпринимательский кодекс Республики Казахстан"),
        (AMENDING, KG.Law, "2013-07-03", "124-V", "Закон 2013-07-03 № 124-V"),
    ):
        w.add(act, RDF.type, kind_cls)
        w.add(act, RDF.type, ELI.LegalResource)
        w.add(act, ELI.date_document, Literal(date, datatype=XSD.date))
        w.add(act, ELI.number, Literal(number))
        w.add(act, RDFS.label, Literal(label, lang="ru"))
    w.add(LAW, ELI.number, Literal("534-IV"))
    w.add(LAW, ELI.repealed_by, CODE)
    w.add(CODE, ELI.repeals, LAW)
    w.add(LAW, ELI.date_no_longer_in_force, Literal("2016-01-01", datatype=XSD.date))
    w.add(
        LAW,
        KG.endOfForceNote,
        Literal("Утрачивает силу Кодексом РК от 29.10.2015 № 375-V (вводится в действие с 01.01.2016).", lang="ru"),
    )
    w.add(
        LAW,
        KG.entryIntoForceNote,
        Literal(
            "Осы Заң алғашқы ресми жарияланғанынан кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі", lang="kk"
        ),
    )
    expr = URIRef(iri.expression(str(LAW), "kk"))
    w.add(LAW, ELI.is_realized_by, expr)
    w.add(expr, RDF.type, ELI.LegalExpression)
    w.add(expr, ELI.realizes, LAW)
    w.add(expr, DCTERMS.language, Literal("kk"))
    w.add(expr, PROV.wasDerivedFrom, URIRef(iri.source(LAW_DOC)))


def findings(ds: Dataset) -> None:
    g = ds.graph(URIRef(iri.FINDINGS_GRAPH))
    g.add((FINDING, RDF.type, KG.OverlapFinding))
    g.add((FINDING, KG.side, COMPETENCE))
    g.add((FINDING, KG.side, TASK3))
    g.add((FINDING, KG.findingKind, Literal("law-vs-plan")))
    g.add((FINDING, KG.score, Literal("0.42", datatype=XSD.decimal)))
    g.add((FINDING, KG.reason, Literal("shared terms: жоспар, әзірлеу")))


def roadmap_glossary(ds: Dataset) -> None:
    w = _Writer(ds, ROADMAP_DOC)
    act = URIRef(iri.act("decree", __import__("datetime").date(2013, 12, 13), "1331"))
    w.add(act, RDF.type, KG.GovernmentDecree)
    w.add(act, RDF.type, ELI.LegalResource)
    w.source(
        act,
        "Об утверждении Национальной дорожной карты по реализации Концепции инновационного развития "
        "Республики Казахстан до 2020 года",
        "ru",
        "2013-12-13",
    )
    w.add(act, ELI.passed_by, URIRef(iri.org("government")))
    w.span(act, "Об утверждении Национальной дорожной карты")


def dataset() -> Dataset:
    ds = Dataset()
    ds.graph(URIRef(iri.ONTOLOGY_GRAPH)).__iadd__(ontology_graph())
    for part in (registry, plan, law, findings, roadmap_glossary):
        part(ds)
    return ds


def make_build(out: Path) -> Path:
    """Write the fixture build (store, dump, report, search index) into `out`."""
    from kgraph import build, search

    ds = dataset()
    report = build.BuildReport(
        triples=sum(1 for _ in ds.quads((None, None, None, None))), classes=build.count_classes(ds)
    )
    for doc, lang in ((PLAN_DOC, "kk"), (LAW_DOC, "kk"), (ROADMAP_DOC, "ru")):
        report.documents.append(
            build.DocumentReport(doc, lang, ("plan",), len(ds.graph(URIRef(iri.graph(doc)))), {"Task": 3})
        )
    build.write(ds, report, out)
    if not (out / settings.SEARCH_INDEX_FILE).is_file():  # the hook is registered in kgraph.build.POST_BUILD
        search.write_index(ds, out)
    return out
