"""Laws: golden scores on the Kazakh law, a Russian fixture parsed by the same
code, role mapping and heading rules, RDF shape, the competences query."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kgraph import catalog, evaluate, iri, queries
from kgraph.sources import law, law_structure, metadata
from kgraph.sources.law_support import role_mentions
from kgraph.text import normalize

ROOT = Path(__file__).resolve().parents[1]
LAW_ID = "kz-law-industrial-innovative-support-kk"
FIXTURE = ROOT / "tests" / "fixtures" / "law-ru-sample.txt"


# --- golden scores -------------------------------------------------------------------


@pytest.fixture(scope="module")
def scores():
    return evaluate.score(evaluate.load_golden(LAW_ID), evaluate.extract(LAW_ID))


# kind, minimum precision, minimum recall (key fields + strict fields must agree)
TARGETS = [
    ("chapter", 1.0, 1.0),  # 5 chapters, titles exact
    ("article", 1.0, 1.0),  # 34 articles, titles and chapters exact
    ("competence", 0.97, 0.97),  # right role, article, paragraph, item
    ("measure", 0.9, 1.0),  # every measure, with its article
    ("definition", 0.95, 0.95),
    ("operator", 1.0, 1.0),
    ("repeal", 1.0, 1.0),
]


@pytest.mark.parametrize("kind, precision, recall", TARGETS)
def test_golden_precision_and_recall(scores, kind, precision, recall):
    s = scores[kind]
    assert s.precision >= precision, s.extras
    assert s.recall >= recall, s.misses


def test_golden_counts_are_exact(scores):
    assert (scores["chapter"].extracted, scores["article"].extracted) == (5, 34)


def test_golden_crossrefs_f1(scores):
    assert scores["crossref"].f1 >= 0.9, (scores["crossref"].misses, scores["crossref"].extras)


@pytest.mark.parametrize(
    "kind, field, minimum",
    [
        ("competence", "text", 0.97),
        ("competence", "residual", 1.0),
        ("definition", "definition", 0.95),
        ("operator", "functions", 1.0),
        ("measure", "provider", 0.85),
        ("measure", "rules_approved_by", 0.85),
    ],
)
def test_golden_field_accuracy(scores, kind, field, minimum):
    assert scores[kind].field_accuracy(field) >= minimum


# --- a Russian law through the same code ------------------------------------------------


@pytest.fixture(scope="module")
def ru():
    text = normalize(FIXTURE.read_text(encoding="utf-8")).text
    meta = metadata.extract(text, fallback_kind="law")
    records = law.parse(text, meta)
    return text, meta, evaluate.as_golden(records), records


def test_ru_metadata_reads_the_title(ru):
    _, meta, _, _ = ru
    assert meta.kind == "law" and meta.title.startswith("О государственной поддержке")


def test_ru_structure_with_wrapped_headings(ru):
    _, _, got, _ = ru
    chapters = {c["number"]: c["title"] for c in got["chapter"]}
    articles = {a["number"]: (a["title"], a["chapter"]) for a in got["article"]}
    assert len(chapters) == 4 and len(articles) == 11
    # continued at column 0 in lower case / indented deeper / chapter wrapped at column 0
    assert articles["4"] == (
        "Компетенция уполномоченного органа в области государственной поддержки "
        "индустриально-инновационной деятельности",
        "2",
    )
    assert articles["1"][0] == "Основные понятия, используемые в настоящем Законе"
    assert articles["8"][0] == "Меры государственной поддержки субъектов индустриально-инновационной деятельности"
    assert chapters["2"].endswith("поддержки индустриально-инновационной деятельности")


ROLE_OF = {
    ("3", "1"): "government",
    ("3", "2-1"): "government",  # inserted item
    ("4", "1"): "authorized-body-industrial-innovation",  # bare "Уполномоченный орган": field from art. 1 definition
    ("5", "2"): "local-executive-bodies",
    ("6", "2"): "national-operator-technological-development",
    ("7", "1"): "council-technological-policy",
}


@pytest.mark.parametrize("key, role", ROLE_OF.items())
def test_ru_competence_roles(ru, key, role):
    _, _, got, _ = ru
    by_key = {(c["article"], c["item"]): c for c in got["competence"]}
    assert by_key[key]["role"] == role


def test_ru_competences_skip_excluded_items_and_mark_residuals(ru):
    _, _, got, _ = ru
    by_key = {(c["article"], c["item"]): c for c in got["competence"] if c["item"]}
    assert ("3", "3") not in by_key  # "3) исключен Законом РК …"
    assert [k for k, c in by_key.items() if c["residual"]] == [("3", "4"), ("4", "3"), ("5", "2")]
    assert len(by_key) == 13
    # powers granted in sentences outside the lists: "… осуществляет уполномоченный орган", "… утверждает Правительство"
    in_sentences = {(c["article"], c["paragraph"], c["role"]) for c in got["competence"] if not c["item"]}
    assert in_sentences == {("9", "1", "authorized-body-industrial-innovation"), ("9", "2", "government")}
    # the letter-spaced "р е а л и з у е т" is repaired, the footnote under the heading is no lead-in
    assert by_key[("4", "1")]["text"].startswith("реализует государственную политику")


def test_ru_definitions_drop_alias_and_terminator(ru):
    _, _, got, _ = ru
    terms = {d["term"]: d["definition"] for d in got["definition"]}
    assert set(terms) == {"уполномоченный орган", "технологический парк", "инновационный грант"}
    assert terms["технологический парк"].startswith("юридическое лицо") and not terms["инновационный грант"].endswith(
        "."
    )


def test_ru_crossrefs(ru):
    _, _, got, _ = ru
    refs = {(r["article"], r["paragraph"], r["item"], r["target"], r["target_kind"]) for r in got["crossref"]}
    assert refs == {
        ("2", "1", None, "Конституция Республики Казахстан", "other"),
        ("2", "2", None, "О специальных экономических зонах в Республике Казахстан", "law"),
        ("2", "2", None, "Земельный кодекс Республики Казахстан", "code"),
        ("3", None, "4", "Конституция Республики Казахстан", "other"),
        ("4", None, "2", "art:2/para:2", "article"),
        ("11", "2", None, "О государственной поддержке инновационной деятельности", "law"),
    }


def test_ru_repeal_and_entry_into_force(ru):
    _, _, got, _ = ru
    (repeal,) = got["repeal"]
    assert (repeal["title"], repeal["date_iso"], repeal["article"]) == (
        "О государственной поддержке инновационной деятельности",
        "2006-03-23",
        "11",
    )
    assert repeal["publication"].startswith("Ведомости Парламента")
    (force,) = got["entry_into_force"]
    assert (force["article"], force["days_after_publication"]) == ("11", 10)


def test_ru_measures(ru):
    _, _, got, _ = ru
    measures = {m["label"]: (m["kind"], m["article"], m["provider"], m["rules_approved_by"]) for m in got["measure"]}
    assert measures == {
        "Предоставление инновационных грантов": (
            "financial",
            "9",
            "authorized-body-industrial-innovation",
            "government",
        ),
        "Обеспечение квалифицированными кадровыми ресурсами": ("non-financial", "10", None, None),
        "размещения государственного образовательного заказа на подготовку специалистов": (
            "non-financial",
            "10",
            None,
            None,
        ),
        "возмещения части затрат на подготовку кадров за рубежом": ("financial", "10", None, None),
    }


# --- role mapping and heading rules ---------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, role",
    [
        ("Қазақстан Республикасының Үкіметі:", "government"),
        ("Правительство Республики Казахстан", "government"),
        (
            "Индустриялық-инновациялық қызметті мемлекеттік қолдау саласындағы уәкілетті орган",
            "authorized-body-industrial-innovation",
        ),
        (
            "уполномоченный орган в области государственной поддержки индустриально-инновационной деятельности",
            "authorized-body-industrial-innovation",
        ),
        ("Мемлекеттік жоспарлау жөніндегі уәкілетті органның құзыреті", "state-planning-body"),
        ("уполномоченный орган по государственному планированию", "state-planning-body"),
        ("Білім беру саласындағы уәкілетті орган", "authorized-body-education"),
        ("Мемлекеттік органдар өз өкілеттіктері шектерінде", "state-bodies"),
        (
            "Облыстардың, республикалық маңызы бар қалалардың, астананың жергілікті атқарушы органдары",
            "local-executive-bodies",
        ),
        ("местные исполнительные органы областей", "local-executive-bodies"),
        ("Салалық даму жөніндегі ұлттық оператор", "national-operator-sectoral-development"),
        ("Технологиялық дамыту жөніндегі ұлттық оператор", "national-operator-technological-development"),
        ("Жергілікті қамтуды дамыту жөніндегі ұлттық оператор", "national-operator-local-content"),
        ("Инвестицияларды тарту жөніндегі ұлттық оператор", "national-operator-investment-attraction"),
        ("Экспортты дамыту және жылжыту жөніндегі ұлттық оператор", "national-operator-export-development"),
        ("национальный оператор по привлечению инвестиций", "national-operator-investment-attraction"),
        (
            "Үдемелі индустриялық-инновациялық даму жөніндегі үйлестіру кеңесі",
            "council-accelerated-industrial-innovative-development",
        ),
        ("Технологиялық саясат жөніндегі кеңестің негізгі міндеттері", "council-technological-policy"),
        ("Совет по технологической политике", "council-technological-policy"),
        ("Қазақстан даму банкі", "development-bank-of-kazakhstan"),
        ("саласындағы уәк ілетт і орган", "authorized-body"),  # letters spaced apart by the PDF: still a role
    ],
)
def test_role_mapping(phrase, role):
    assert role_mentions(phrase)[0].role == role


@pytest.mark.parametrize(
    "phrase, subject",
    [
        ("Қазақстан даму банкі жүзеге асырады", True),
        ("ұлттық операторды тарта отырып", False),  # accusative: an object
        ("Қазақстан Республикасының Үкіметі айқындайтын қаржы агенті", False),  # followed by a participle: a modifier
        ("Қазақстан Республикасы Үкіметіне", False),  # dative
    ],
)
def test_role_subjects(phrase, subject):
    assert role_mentions(phrase)[0].subject is subject


def test_kenesshi_is_not_a_council():
    assert role_mentions("кеңесші консультативтік кеңестік орган") == []


def _doc(body: str) -> law_structure.Structure:
    return law_structure.read_structure(body)


@pytest.mark.parametrize(
    "text, title",
    [
        # continuation indented deeper than the heading
        (
            "      2-бап. Қазақстан Республикасының индустриялық-инновациялық\n"
            "               қызметті мемлекеттік қолдау туралы заңнамасы\n      1. Мәтін.\n",
            "Қазақстан Республикасының индустриялық-инновациялық қызметті мемлекеттік қолдау туралы заңнамасы",
        ),
        # body lead-in at the body indent, capitalised: not part of the heading
        (
            "      4-бап. Қазақстан Республикасы Үкіметінің құзыреті\n      Қазақстан Республикасының Үкіметі:\n"
            "      1) бекітеді.\n",
            "Қазақстан Республикасы Үкіметінің құзыреті",
        ),
        # wrapped at column 0 under an indented heading, even capitalised
        (
            "      Статья 3. Компетенция\nПравительства Республики Казахстан\n      Правительство:\n      1) утверждает.\n",
            "Компетенция Правительства Республики Казахстан",
        ),
        # a paragraph number ends the heading
        ("      Статья 9. Гранты\n      1. Гранты предоставляются.\n", "Гранты"),
    ],
)
def test_heading_rules(text, title):
    assert [a.title for a in _doc(text).articles] == [title]


def test_items_and_inserted_and_restarted_numbering():
    doc = _doc(
        "      1-бап. Атауы\n      1. Мыналар:\n      1) бір;\n      1-1) бір жарым;\n      2) екі.\n"
        "      Басқа мыналар:\n      1) тағы бір.\n"
    )
    assert [(i.paragraph, i.number, i.segment) for i in doc.items] == [
        ("1", "1", "1"),
        ("1", "1-1", "1-1"),
        ("1", "2", "2"),
        ("1", "1", "2.1"),
    ]
    assert [lst.lead for lst in doc.lists] == ["Мыналар:", "Басқа мыналар:"]


@pytest.mark.parametrize(
    "lead, role, body",
    [
        # a body the role table does not know keeps its competences, named as written
        (
            "Мемлекеттік ұлттық ғылыми-техникалық сараптама орталығының құзыретіне:",
            None,
            "Мемлекеттік ұлттық ғылыми-техникалық сараптама орталығы",
        ),
        ("К компетенции Национального научного совета относятся:", None, "Национального научного совета"),
        # the role as written, with its field phrase
        ("Ғылым саласындағы уәкілетті орган:", "authorized-body-science", "Ғылым саласындағы уәкілетті орган"),
    ],
)
def test_competence_lead_ins(lead, role, body):
    doc = _doc(f"      5-бап. Құзырет\n      1. {lead}\n      1) бір нәрсе жасайды;\n      2) екінші.\n")
    comps = law.competences(doc, {})
    assert [(c.item, c.role) for c in comps] == [("1", role), ("2", role)]
    assert comps[0].body.casefold() == body.casefold()


@pytest.mark.parametrize(
    "lead",
    [
        "Индустриялық-инновациялық қызметті мемлекеттік қолдаудың міндеттері:",  # tasks of support, not of a body
        "Технологиялық даму жөніндегі ұлттық оператор тартылған:",  # the body is not the list's owner
        "Уполномоченный орган, государственные органы обязаны руководствоваться одним из критериев:",
    ],
)
def test_lists_that_are_not_competences(lead):
    doc = _doc(f"      Статья 5. Атауы\n      1. {lead}\n      1) бір;\n      2) екі.\n")
    # no item is a power (a lead-in that obliges bodies is a power of each, in its sentence)
    assert [c for c in law.competences(doc, {}) if c.item] == []


# --- RDF --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def law_graph():
    from kgraph.rdf import Context
    from kgraph.rdf import document as document_rdf
    from kgraph.rdf import law as law_rdf

    entry = next(e for e in catalog.load(ROOT / "data" / "catalog.yaml") if e.id == LAW_ID)
    raw = catalog.read_text(entry, ROOT / "data" / "catalog.yaml")
    norm = normalize(raw)
    meta = metadata.extract(norm.text, fallback_kind="law")
    meta = dataclasses.replace(meta, date=meta.date or entry.date, number=meta.number or entry.number)
    graph = Graph()
    ctx = Context(doc=entry, raw=raw, norm=norm, meta=meta, act=document_rdf.act_iri(entry, meta), graph=graph)
    document_rdf.emit(ctx)
    law_rdf.emit(law.parse(norm.text, meta), ctx)
    return graph, ctx.act


def test_rdf_has_part_and_is_part_of_both_ways(law_graph):
    from kgraph.vocab import ELI, KG

    g, act = law_graph
    subdivisions = {s for cls in (KG.Chapter, KG.Article, KG.Paragraph, KG.Item) for s in g.subjects(RDF.type, cls)}
    assert len(subdivisions) > 34 + 5
    for node in subdivisions:
        parents = list(g.objects(node, ELI.is_part_of))
        assert len(parents) == 1, node
        assert (parents[0], ELI.has_part, node) in g
    for parent, child in g.subject_objects(ELI.has_part):
        assert (child, ELI.is_part_of, parent) in g
    art4 = URIRef(iri.part(act, ("art", "4")))
    assert (art4, ELI.is_part_of, URIRef(iri.part(act, ("chp", "2")))) in g
    assert (
        URIRef(iri.part(act, ("art", "9"), ("para", "3"), ("item", "1"))),
        ELI.is_part_of,
        URIRef(iri.part(act, ("art", "9"), ("para", "3"))),
    ) in g


def test_rdf_every_competence_has_role_and_item(law_graph):
    from kgraph.vocab import ELI, KG

    g, _ = law_graph
    competences = list(g.subjects(RDF.type, KG.Competence))
    # the golden's 131 powers: 92 listed items, 39 granted in sentences (a node each, with its role)
    assert len(competences) >= 0.97 * 131
    listed = 0
    for c in competences:
        (role,) = g.objects(c, KG.grantedTo)
        (grantor,) = g.objects(c, KG.grantedBy)
        assert iri.parse(str(role)).kind == "role"
        assert any((grantor, RDF.type, cls) in g for cls in (KG.Item, KG.Paragraph, KG.Article))
        assert (grantor, ELI.number, None) in g and (c, KG.sourceSpan, None) in g
        listed += (grantor, RDF.type, KG.Item) in g
    assert listed == 92


def test_rdf_measures_terms_and_citations(law_graph):
    from rdflib.namespace import SKOS

    from kgraph.vocab import ELI, KG

    g, act = law_graph
    assert len(set(g.subjects(RDF.type, KG.SupportMeasure))) == 40
    for m in g.subjects(RDF.type, KG.SupportMeasure):
        assert len(list(g.objects(m, KG.measureKind))) == 1 and (m, KG.establishedBy, None) in g
    term = URIRef(iri.term("инновациялық грант"))
    assert (term, KG.definedIn, URIRef(iri.part(act, ("art", "1"), ("item", "8")))) in g
    assert (term, SKOS.definition, None) in g
    cites = set(g.objects(URIRef(iri.part(act, ("art", "29"), ("para", "2"))), ELI.cites))
    assert URIRef(iri.part(act, ("art", "29"), ("para", "1"))) in cites
    repealed = set(g.objects(act, ELI.repeals))  # by its title, and by its date (kgraph.inforce)
    assert repealed and all((r, RDF.type, KG.Law) in g for r in repealed)


# --- the named query ---------------------------------------------------------------------------


def test_competences_query_declares_its_columns():
    q = queries.find("competences")
    assert q.columns == ("act", "article", "paragraph", "item", "body", "body_label", "text")


def test_competences_query_on_the_build(store):
    from kgraph.results import rows

    q = queries.find("competences")
    names, data = rows(store.query(q.sparql).raw)
    assert names == list(q.columns)
    seed = iri.act("law", dt.date(2012, 1, 9), "534-IV")
    law_rows = [r for r in data if r["act"] == seed]
    # one row per text: the Kazakh PDF text (an older redaction) and the mirror's ru and kk texts,
    # each with its powers, listed and in sentences
    goldens = ["kz-law-industrial-innovative-support-kk", "kz-law-2012-534-iv-ru", "kz-law-2012-534-iv-kk"]
    powers = [
        r
        for g in goldens
        for r in evaluate.load_golden_file(Path(__file__).parent / "golden" / f"{g}.json")["records"]["competence"]
    ]
    assert len(law_rows) >= 0.97 * len(powers)
    listed = sum(1 for r in powers if r.get("item"))
    assert 0.97 * listed <= sum(1 for r in law_rows if r["item"]) <= listed
    first = law_rows[0]
    assert (first["article"], first["paragraph"], first["item"]) == ("4", "", "1")
    assert first["body"] == iri.role("government") and first["body_label"]
    assert [r["article"] for r in law_rows] == sorted((r["article"] for r in law_rows), key=int)


# --- one act, two languages (the build) ---------------------------------------------------------


def _select(store, sparql: str) -> list[dict[str, str]]:
    from kgraph.results import rows

    prefixes = (
        "PREFIX kg: <https://kgraph.kz/ontology#> PREFIX eli: <http://data.europa.eu/eli/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    )
    return rows(store.query(prefixes + sparql))[1]


def test_bilingual_law_parts_once_texts_per_language(store):
    act = iri.act("law", dt.date(2024, 7, 1), "103-VIII")
    art = iri.part(act, ("art", "4"))
    labels = _select(store, f"SELECT ?l WHERE {{ <{art}> rdfs:label ?l }}")
    assert len(labels) == 2  # one article, its heading in Russian and in Kazakh
    numbers = _select(store, f"SELECT ?n WHERE {{ <{art}> eli:number ?n }}")
    assert [r["n"] for r in numbers] == ["4"]
    # each competence once, granted to one body, with its text in both languages
    both = _select(
        store,
        f"SELECT ?c (COUNT(DISTINCT ?t) AS ?texts) (COUNT(DISTINCT ?b) AS ?bodies) WHERE {{ "
        f"?c a kg:Competence ; kg:grantedBy ?g ; kg:grantedTo ?b ; rdfs:label ?t . "
        f'FILTER(STRSTARTS(STR(?c), "{act}/")) }} GROUP BY ?c',
    )
    assert len(both) > 200
    assert all(r["bodies"] == "1" for r in both)
    assert sum(r["texts"] == "2" for r in both) >= 0.97 * len(both)


def test_an_older_redaction_keeps_its_own_parts(store):
    act = iri.act("law", dt.date(2012, 1, 9), "534-IV")
    # the Kazakh PDF text (34 articles, operators in arts. 13-17) beside the mirror's 2015 texts (28 articles)
    versions = _select(
        store,
        f'SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a a kg:Article . FILTER(STRSTARTS(STR(?a), "{act}/")) }}',
    )
    assert versions[0]["n"] == str(34 + 28)


def test_excluded_subdivisions_and_amendments(store):
    act = iri.act("law", dt.date(2012, 1, 9), "534-IV")
    excluded = _select(store, f'SELECT ?x WHERE {{ ?x kg:excluded true . FILTER(STRSTARTS(STR(?x), "{act}/")) }}')
    assert len(excluded) == 21  # the golden's excluded items, one node each in both languages
    amended = {r["by"].rsplit("/", 1)[-1] for r in _select(store, f"SELECT ?by WHERE {{ <{act}> eli:amended_by ?by }}")}
    golden = evaluate.load_golden_file(Path(__file__).parent / "golden" / "kz-law-2012-534-iv-ru.json")
    footnotes = {r["act_number"].lower() for r in golden["records"]["amendment"] if not r.get("effect")}
    assert footnotes <= amended  # every act a footnote names
    (repealed_by,) = _select(store, f"SELECT ?by WHERE {{ <{act}> eli:repealed_by ?by }}")
    assert repealed_by["by"].endswith("/code/2015/10/29/375-v")


@pytest.mark.parametrize(
    ("act", "by"),
    [
        # the note at the head of the text and the portal's requisite say the same
        (iri.act("law", dt.date(2012, 1, 9), "534-IV"), "/code/2015/10/29/375-v"),
        # only the portal's requisite (meta.yaml) says it: «Утратил силу Законом … от 1 июля 2024 года № 103-VIII»
        (iri.act("law", dt.date(2015, 10, 31), "381-V"), "/law/2024/07/01/103-viii"),
    ],
)
def test_repealing_act_from_text_or_portal_requisite(store, act, by):
    rows = _select(store, f"SELECT ?by ?d WHERE {{ <{act}> eli:repealed_by ?by . ?by eli:date_document ?d }}")
    assert [r["by"] for r in rows if r["by"].endswith(by)] and len({r["by"] for r in rows}) == 1


def test_a_role_nobody_registered_is_minted_from_the_law(store):
    minted = _select(
        store,
        "SELECT ?r ?l WHERE { ?c a kg:Competence ; kg:grantedTo ?r . ?r kg:resolutionMethod ?m ; rdfs:label ?l . "
        'FILTER(STRSTARTS(?m, "minted")) }',
    )
    assert minted  # e.g. the sectoral centres of technological competences of law 86-VII
    assert all("/role/" in r["r"] for r in minted)


def test_alignment_report_lists_each_bilingual_law(built):
    import json

    from kgraph import settings

    report = json.loads((built / settings.REPORT_FILE).read_text(encoding="utf-8"))
    by_act = {a["act"]: a for a in report["alignment"]}
    for date, number in [
        ((2012, 1, 9), "534-IV"),
        ((2024, 7, 1), "103-VIII"),
        ((2015, 10, 31), "381-V"),
        ((2021, 12, 27), "86-VII"),
    ]:
        a = by_act[iri.act("law", dt.date(*date), number)]
        assert len(a["documents"]) == 2 and a["conflicts"] == []
        # parts in one language only: a few competences or measures one text's reader finds and the other's not
        assert sum(len(p) for p in a["only_in"].values()) <= 0.02 * a["parts"]


def test_default_fields_skip_a_role_whose_field_no_table_knows():
    """A defined role in a field the field table lacks gives no default field (and no crash)."""
    term = "уполномоченный орган в области энергосбережения и повышения энергоэффективности"
    defined = law.Definition("1", "5", term, "центральный исполнительный орган …", (0, 1), "уполномоченный орган")
    assert law.default_fields([defined]) == {}


# --- the corpus laws: each expression against its golden file ---------------------------------

# source id -> least competence F1 (the score each law reads at; the issue's target is 0.97)
CORPUS_LAWS = {
    "kz-law-2012-534-iv-ru": 1.0,
    "kz-law-2012-534-iv-kk": 1.0,
    "kz-law-2024-103-viii-ru": 0.99,
    "kz-law-2024-103-viii-kk": 0.99,
    "kz-law-2015-381-v-ru": 1.0,
    "kz-law-2015-381-v-kk": 1.0,
    "kz-law-2021-86-vii-ru": 0.98,
    "kz-law-2021-86-vii-kk": 0.97,
    # held out until their first contact (tests/golden/firstcontact.md), then read for the kind
    "kz-law-2019-242-vi-ru": 0.98,
    "kz-law-2019-242-vi-kk": 0.975,
    "kz-law-2012-541-iv-ru": 0.99,
    "kz-law-2012-541-iv-kk": 0.98,
    # new this session; first contact in tests/golden/firstcontact.md (379-V ru 0.42 / kk 0.54,
    # 183-VI ru 0.23 / kk 0.69), then read for the kind
    "kz-law-2015-379-v-ru": 0.95,
    "kz-law-2015-379-v-kk": 0.92,
    "kz-law-2018-183-vi-ru": 0.99,
    "kz-law-2018-183-vi-kk": 0.97,
    # held out until their first contact (165-IV ru 0.769 / kk 0.794, 544-II ru 0.371 / kk 0.287), then read
    "kz-law-2009-165-iv-ru": 0.98,
    "kz-law-2009-165-iv-kk": 0.95,
    "kz-law-2004-544-ii-ru": 0.96,
    "kz-law-2004-544-ii-kk": 0.93,
    # held out until their first contact this session (528-IV ru 0.738 / kk 0.782, 211-II 0.867 / 0.859,
    # 216-IV 0.769 / 0.732, 40-VI 0.541 / 0.434); 528-IV and 211-II then read for the kind. Still misread:
    # a body named by a participle («уполномоченный орган, осуществляющий …»), items naming their body
    # after a dash, passives with the body in the instrumental (216-IV, 40-VI)
    "kz-law-2012-528-iv-ru": 0.98,
    "kz-law-2012-528-iv-kk": 0.97,
    "kz-law-2001-211-ii-ru": 0.9,
    "kz-law-2001-211-ii-kk": 0.87,
    "kz-law-2009-216-iv-ru": 0.78,
    "kz-law-2009-216-iv-kk": 0.73,
    "kz-law-2016-40-vi-ru": 0.65,
    "kz-law-2016-40-vi-kk": 0.43,
}


@pytest.mark.parametrize("source_id, least", CORPUS_LAWS.items())
def test_corpus_law_scores(source_id, least):
    s = evaluate.evaluate_source(source_id, ROOT / "tests" / "golden", ROOT / "data" / "catalog.yaml")
    assert s["chapter"].f1 == 1.0 and s["article"].f1 == 1.0, (s["article"].misses, s["article"].extras)
    assert s["competence"].f1 >= least, (s["competence"].misses, s["competence"].extras)
    assert s["excluded"].f1 == 1.0 and s["document"].f1 == 1.0
