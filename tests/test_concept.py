"""Concept documents (kgraph.sources.concept, kgraph.rdf.concept) against the
hand-checked golden files and a synthetic concept in another layout."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kgraph import evaluate, iri
from kgraph.records import Indicator
from kgraph.sources import concept, concept_records, metadata
from kgraph.text import normalize
from kgtest import GOLDEN as GOLDEN_DIR

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = {  # source -> the golden file of its concept part
    "kz-gov-decree-2025-1134-ru": "kz-gov-decree-2025-1134-ru.concept.json",
    "kz-nas-concept-science-regions-ru": "kz-nas-concept-science-regions-ru.json",
}
FIXTURE = ROOT / "tests" / "fixtures" / "concept-synthetic-ru.txt"


def _norm(source_id: str) -> str:
    return normalize((ROOT / "data" / "sources" / f"{source_id}.txt").read_text(encoding="utf-8")).text


@pytest.fixture(scope="module")
def parsed() -> dict[str, list]:
    out = {}
    for sid in GOLDEN:
        text = _norm(sid)
        out[sid] = concept.parse(text, metadata.extract(text))
    return out


@pytest.fixture()
def scores(parsed, monkeypatch):
    # Concept definitions are numbered items, not law articles: key them by
    # number too (evaluate keys definitions by article and item only).
    monkeypatch.setitem(evaluate.KINDS, "definition", (("article", "item", "number"), ("term",)))
    out = {}
    for sid, name in GOLDEN.items():
        golden = json.loads((GOLDEN_DIR / name).read_text(encoding="utf-8"))["records"]
        out[sid] = (golden, evaluate.score(golden, evaluate.as_golden(parsed[sid])))
    return out


@pytest.mark.parametrize("sid", GOLDEN)
@pytest.mark.parametrize("kind", ["section", "definition"])
def test_structure_and_definitions_exact(scores, sid, kind):
    _, s = scores[sid]
    s = s[kind]
    assert (s.precision, s.recall) == (1.0, 1.0), (s.misses, s.extras)
    assert all(s.field_accuracy(f) == 1.0 for f in s.fields), s.fields


@pytest.mark.parametrize("sid", GOLDEN)
def test_act_references(scores, parsed, sid):
    golden, s = scores[sid]
    assert s["actref"].f1 >= 0.9, (s["actref"].misses, s["actref"].extras)

    # The evaluator matches by (kind, date, number) only; match one to one on
    # jurisdiction and title as well.
    def key(r):
        return (
            r["kind"],
            str(r["date"]) if r["date"] else None,
            r["number"],
            r.get("jurisdiction", "KZ"),
            evaluate.canon(r["title"]),
        )

    expected = Counter(key(r) for r in golden["actref"])
    got = Counter(key(r) for r in evaluate.as_golden(parsed[sid])["actref"])
    tp = sum((expected & got).values())
    assert 2 * tp / (sum(expected.values()) + sum(got.values())) >= 0.9, (expected - got, got - expected)


@pytest.mark.parametrize("sid", GOLDEN)
def test_mandate_precision(scores, sid):
    _, s = scores[sid]
    assert s["mandate"].precision >= 0.85, s["mandate"].extras


def test_indicator_values_exact(scores):
    _, s = scores["kz-nas-concept-science-regions-ru"]
    ind = s["indicator"]
    assert (ind.precision, ind.recall) == (1.0, 1.0)
    assert all(ind.field_accuracy(f) == 1.0 for f in ("values", "unit", "completion_form", "name"))


def test_annex_concept_reads_only_its_body(parsed):
    recs = parsed["kz-gov-decree-2025-1134-ru"]
    text = _norm("kz-gov-decree-2025-1134-ru")
    start, end = concept.body_bounds(text)
    assert text[start:].startswith("Концепция") and text[end:].startswith(
        "План действий по реализации Концепции прилагается"
    )
    assert all(start <= r.span[0] and r.span[1] <= end for r in recs if r.span != (0, 0))
    numbers = {getattr(r, "number", None) for r in recs if type(r).__name__ == "ActRef"}
    assert "826" not in numbers  # cited only by the action plan
    # The plan annex restates the six target indicators; they are the plan's.
    assert not [r for r in recs if isinstance(r, Indicator)]


def test_concept_metadata(parsed):
    [info] = [r for r in parsed["kz-gov-decree-2025-1134-ru"] if isinstance(r, concept_records.ConceptInfo)]
    assert info.title == "Концепция создания и развития наукоемких территорий на 2026 – 2035 годы"
    assert info.author == "Министерство науки и высшего образования Республики Казахстан"
    assert (info.period_start, info.period_end) == (2026, 2035)
    [nas] = [r for r in parsed["kz-nas-concept-science-regions-ru"] if isinstance(r, concept_records.ConceptInfo)]
    assert nas.title == "Концепция поддержки развития научного потенциала в регионах Республики Казахстан"


def test_no_kazakh_body_in_the_international_experience_section(parsed):
    recs = parsed["kz-gov-decree-2025-1134-ru"]
    foreign = {r.number for r in recs if isinstance(r, concept_records.Section) and r.number.startswith("3")}
    assert not [
        r
        for r in recs
        if isinstance(r, (concept_records.Institution, concept_records.MandateStatement)) and r.section in foreign
    ]


# --- a concept in another layout -------------------------------------------------------


@pytest.fixture(scope="module")
def synthetic():
    text = normalize(FIXTURE.read_text(encoding="utf-8")).text
    meta = metadata.extract(text)
    return text, meta, concept.parse(text, meta)


def _of(recs, cls):
    return [r for r in recs if isinstance(r, cls)]


def test_synthetic_structure(synthetic):
    text, _, recs = synthetic
    assert [(s.number, s.parent, s.title) for s in _of(recs, concept_records.Section)] == [
        ("1", None, "Общие положения"),
        ("2", None, "Анализ текущей ситуации"),
        ("2.1", "2", "Состояние цифровой инфраструктуры"),
        ("2.2", "2", "Зарубежный опыт"),
        ("3", None, "Основные подходы"),
    ]
    assert [(d.number, d.term, d.abbr, d.section) for d in _of(recs, concept_records.Definition)] == [
        ("1", "ЦНП", True, "1"),
        ("2", "Кодекс", False, "1"),
    ]
    [info] = _of(recs, concept_records.ConceptInfo)
    assert info.title == "Концепция развития цифровой науки на 2027 – 2031 годы"
    start, _ = concept.body_bounds(text)
    assert all(r.span[0] >= start for r in recs)  # the decree preamble (Указ № 77) is not the concept's


def test_synthetic_references_and_mandates(synthetic):
    _, _, recs = synthetic
    refs = {(r.kind, r.number): r for r in _of(recs, concept.ActRef)}
    assert set(refs) == {("code", "95-IV"), ("law", "103-VIII ЗРК")}
    assert refs[("law", "103-VIII ЗРК")].aliases == ("Закон",) and refs[("code", "95-IV")].aliases == ("Кодекс",)
    mandates = [(m.body, m.action) for m in _of(recs, concept_records.MandateStatement)]
    assert mandates == [
        ("Министерство науки и высшего образования Республики Казахстан", "будет вести реестр научных данных"),
        ("уполномоченным органом в области науки", "Порядок доступа к данным определяется"),
    ]  # not: the past "создало", the modal "могут", the Japanese ministry


def test_synthetic_indicators(synthetic):
    _, _, recs = synthetic
    first, second = _of(recs, Indicator)
    assert (first.unit, first.baseline, first.baseline_year, first.values) == (
        "%",
        "10 %",
        2026,
        {"2027": "20 %", "2028": "35 %", "2029": "50 %"},
    )
    assert (second.unit, second.baseline, second.values["2029"]) == ("ед.", None, "8 ед.")


# --- RDF --------------------------------------------------------------------------------


def _emit(text: str, meta, recs, doc_id: str, kinds: tuple[str, ...]):
    from kgraph.catalog import Entry
    from kgraph.rdf import Context
    from kgraph.rdf import concept as concept_rdf
    from kgraph.rdf.document import act_iri

    entry = Entry(doc_id, Path(f"{doc_id}.txt"), "ru", kinds)
    ctx = Context(doc=entry, raw=text, norm=normalize(text), meta=meta, act=act_iri(entry, meta), graph=Graph())
    concept_rdf.emit(recs, ctx)
    return ctx


def test_rdf_annex_concept(synthetic):
    from kgraph.vocab import ELI, KG

    text, meta, recs = synthetic
    ctx = _emit(text, meta, recs, "synthetic", ("decree", "concept"))
    g = ctx.graph
    node = URIRef(iri.part(str(ctx.act), ("annex", "concept")))
    assert (node, RDF.type, KG.Concept) in g and (node, KG.approvedBy, ctx.act) in g
    sec = URIRef(iri.part(str(node), ("sec", "2.1")))
    assert (sec, RDF.type, KG.Section) in g and (sec, ELI.is_part_of, URIRef(iri.part(str(node), ("sec", "2")))) in g
    term = URIRef(iri.term("ЦНП"))
    assert (term, RDF.type, KG.DefinedTerm) in g and (term, KG.abbreviation, None) in g
    law = URIRef(iri.act("law", dt.date(2024, 7, 1), "103-VIII ЗРК"))
    assert (node, ELI.cites, law) in g
    stmts = list(g.subjects(RDF.type, KG.MandateStatement))
    assert len(stmts) == 2 and all(g.value(s, KG.mentions) is not None for s in stmts)
    ind = URIRef(iri.part(str(node), ("ind", "1")))
    value = URIRef(iri.part(str(ind), ("y", "2028")))
    assert (node, KG.hasIndicator, ind) in g and (ind, KG.hasValue, value) in g
    assert str(g.value(value, KG.value)) == "35" and g.value(value, KG.year).toPython() == 2028
    mentioned = {s for s in g.subjects(KG.mentions, None) if (s, RDF.type, KG.SourceSpan) in g}
    assert len(mentioned) >= 3 and (node, KG.mentions, None) in g
    for cls in (KG.Section, KG.DefinedTerm, KG.MandateStatement, KG.Initiative, KG.Indicator, KG.IndicatorValue):
        for s in g.subjects(RDF.type, cls):
            assert g.value(s, KG.sourceSpan) is not None, s


def test_rdf_standalone_concept_is_the_act(parsed):
    from kgraph.vocab import ELI, KG

    sid = "kz-nas-concept-science-regions-ru"
    text = _norm(sid)
    meta = metadata.extract(text, fallback_kind="concept")
    ctx = _emit(text, meta, parsed[sid], sid, ("concept",))
    g = ctx.graph
    assert (ctx.act, RDF.type, KG.Concept) in g
    assert len(set(g.objects(ctx.act, ELI.cites))) == 6
    plan = URIRef(iri.act("national-plan", name="Национальный план развития Республики Казахстан до 2029 года"))
    assert (plan, KG.approvedBy, URIRef(iri.act("presidential-decree", dt.date(2024, 7, 30), "611"))) in g
    assert len(set(g.subjects(RDF.type, KG.ScienceTerritory))) == 2
    dashes = [v for v in g.subjects(KG.valueText, None) if str(g.value(v, KG.valueText)) == "-"]
    assert dashes and all(g.value(v, KG.value) is None for v in dashes)


# --- named queries over the built graph --------------------------------------------------


def _run(store, name: str, **params):
    from kgraph import queries
    from kgraph.results import rows

    q = queries.find(name)
    names, data = rows(store.query(q.sparql, params))
    assert tuple(names) == q.columns
    return data


def test_legal_basis_query(store):
    data = _run(store, "legal_basis", doc="kz-nas-concept-science-regions-ru")
    assert {r["source"] for r in data} == {"kz-nas-concept-science-regions-ru"}
    got = {(r["kind"], r["date"], r["number"]) for r in data}
    # the law as cited ("103-VIII ЗРК") is also in the corpus, where it states its number itself ("103-VIII")
    assert {n for k, d, n in got if (k, d) == ("law", "2024-07-01")} <= {"103-VIII ЗРК", "103-VIII"}
    assert any((k, d) == ("law", "2024-07-01") for k, d, _ in got)
    assert ("national-plan", "2024-07-30", "611") in got  # the approving decree's date and number
    assert ("decree", "2022-12-14", "1003") in got
    assert len(data) == 6
    everything = _run(store, "legal_basis")
    assert {"kz-gov-decree-2025-1134-ru", "kz-nas-concept-science-regions-ru"} <= {r["source"] for r in everything}


def test_indicators_query(store):
    data = _run(store, "indicators")
    nas = [r for r in data if r["source"] == "kz-nas-concept-science-regions-ru"]
    assert len(nas) == 25  # 5 indicators x 2026-2030
    row = next(r for r in nas if r["indicator"].endswith("/ind_4") and r["year"] == "2027")
    assert (row["unit"], row["value"], row["value_text"]) == ("%", "", "-")  # "-" states no number
