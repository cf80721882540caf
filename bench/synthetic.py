"""A synthetic kgraph dataset of any size, shaped like the five-source build.

Same classes, properties, IRI patterns and proportions as what `kgraph build`
emits (ontology/kgraph.ttl): a registry of bodies with succession events,
legal roles with dated tenures and collective groups; plan documents with
tasks, deadlines (OWL-Time intervals), assignments (lead / co-executor,
by-agreement), glossaries and decree instructions; laws with chapters,
articles, items, competences granted to roles and bodies, support measures and
citations; a source span for every extracted fact, and a few unresolved
mentions. The first entities reuse the real IRIs the named queries default to
(org/mint -> org/mid -> org/miid -> org/mps, role/authorized-body-industrial-
innovation, decree 1331's task_1), so every named query has work to do.

    python bench/synthetic.py --triples 1000000 -o /tmp/synthetic.nq
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
from pathlib import Path
from typing import Iterator

B = "https://kgraph.kz/id/"
KG = "https://kgraph.kz/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
DCT = "http://purl.org/dc/terms/"
TIME = "http://www.w3.org/2006/time#"
XSD = "http://www.w3.org/2001/XMLSchema#"

BODY_TYPES = ("Ministry", "Agency", "Committee", "LocalExecutiveBody", "JointStockCompany", "NationalCompany",
              "DevelopmentInstitution", "ResearchOrganization", "Council", "Fund", "University")
# The succession line the named queries default to, then the rest of the registry.
CORE_BODIES = ("government", "mint", "mid", "miid", "mps", "mt", "mne", "mon", "mnvo", "mp", "nb", "mfa")
CORE_EVENTS = (("ev-2014-mint-mid", "merger", "2014-08-06", ("mint",), ("mid",)),
               ("ev-2018-mid-miid", "renaming", "2018-12-25", ("mid",), ("miid",)),
               ("ev-2018-investments-mfa", "transfer", "2018-12-25", ("mid",), ("mfa",)),
               ("ev-2023-miid-split", "split", "2023-09-01", ("miid",), ("mps", "mt")),
               ("ev-2022-mon-split", "split", "2022-06-11", ("mon",), ("mp", "mnvo")))
CORE_ROLE = "authorized-body-industrial-innovation"
WORDS = ("развитие инноваций", "технологический парк", "научные исследования", "грант", "кластер",
         "экспорт", "инвестиции", "цифровизация", "индустриализация", "кадры", "финансирование",
         "мемлекеттік қолдау", "инновациялық жоба", "ғылыми зерттеу", "технология", "өнеркәсіп")


def lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def lang(text: str, tag: str) -> str:
    return f"{lit(text)}@{tag}"


def typed(value: object, dtype: str) -> str:
    return f'"{value}"^^<{XSD}{dtype}>'


class Writer:
    """Collects N-Quads lines of one named graph."""

    def __init__(self, graph: str):
        self.g = f"<{graph}>"
        self.lines: list[str] = []

    def t(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"<{s}> <{p}> {o} {self.g} .\n")

    def iri(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"<{s}> <{p}> <{o}> {self.g} .\n")


def registry(rng: random.Random, n_bodies: int, n_roles: int, n_groups: int) -> tuple[list[str], Writer, list[str]]:
    w = Writer(B + "graph/registry")
    ids = list(CORE_BODIES) + [f"body-{i:05d}" for i in range(n_bodies - len(CORE_BODIES))]
    for i, bid in enumerate(ids):
        node = B + "org/" + bid
        w.iri(node, RDF_TYPE, KG + ("Government" if bid == "government" else BODY_TYPES[i % len(BODY_TYPES)]))
        w.t(node, DCT + "identifier", lit(bid))
        for tag, name in (("ru", f"Орган {bid}"), ("kk", f"{bid} органы"), ("en", f"Body {bid}")):
            w.t(node, SKOS + "prefLabel", lang(name, tag))
            w.t(node, RDFS + "label", lang(name, tag))
        w.t(node, SKOS + "altLabel", lang(bid.upper()[:6], "ru"))
        w.t(node, KG + "abbreviation", lit(bid.upper()[:6]))
        if i > 20 and rng.random() < 0.3:
            w.iri(node, ORG + "subOrganizationOf", B + "org/" + ids[rng.randrange(1, 12)])
    events = list(CORE_EVENTS)
    for k in range(len(ids) // 8):  # chains of renamings among the generated bodies
        a, b = rng.sample(ids[12:], 2)
        events.append((f"ev-{k:05d}", rng.choice(("renaming", "merger", "split", "transfer")),
                       f"{rng.randrange(2000, 2025)}-{rng.randrange(1, 13):02d}-01", (a,), (b,)))
    for eid, kind, date, froms, tos in events:
        node = B + "event/" + eid
        w.iri(node, RDF_TYPE, ORG + "ChangeEvent")
        w.iri(node, KG + "changeKind", KG + kind.capitalize())
        w.t(node, DCT + "date", typed(date, "date"))
        w.t(node, RDFS + "label", lang(f"{kind}: {', '.join(froms)} → {', '.join(tos)}", "en"))
        for f in froms:
            w.iri(node, ORG + "originalOrganization", B + "org/" + f)
            w.iri(B + "org/" + f, ORG + "changedBy", node)
        for t in tos:
            w.iri(node, ORG + "resultingOrganization", B + "org/" + t)
            w.iri(B + "org/" + t, ORG + "resultedFrom", node)
    roles = [CORE_ROLE] + [f"role-{i:04d}" for i in range(n_roles - 1)]
    for r in roles:
        node = B + "role/" + r
        w.iri(node, RDF_TYPE, KG + "LegalRole")
        w.t(node, SKOS + "prefLabel", lang(f"Role {r}", "en"))
        w.t(node, RDFS + "label", lang(f"Role {r}", "en"))
        holders = ("mint", "mid", "miid", "mps") if r == CORE_ROLE else rng.sample(ids, 3)
        starts = ("2012-01-09", "2014-08-06", "2018-12-25", "2023-09-01")
        for h, start, end in zip(holders, starts, starts[1:] + (None,)):
            t = f"{node}/tenure/{h}/{start}"
            w.iri(t, RDF_TYPE, KG + "RoleTenure")
            w.iri(t, KG + "roleOf", node)
            w.iri(t, KG + "holder", B + "org/" + h)
            w.t(t, KG + "validFrom", typed(start, "date"))
            if end:
                w.t(t, KG + "validUntil", typed(end, "date"))
        w.iri(node, ORG + "heldBy", B + "org/" + holders[-1])
    groups = [f"group-{i:03d}" for i in range(n_groups)]
    for gid in groups:
        node = B + "group/" + gid
        w.iri(node, RDF_TYPE, KG + "CollectiveGroup")
        w.t(node, SKOS + "prefLabel", lang(f"group {gid}", "en"))
        for m in rng.sample(ids, 4):
            w.iri(node, KG + "member", B + "org/" + m)
    return ids, w, roles


class Zipf:
    """Picks indices with weight 1/(rank+1): a few bodies get most tasks, as in the plans."""

    def __init__(self, n: int, rng: random.Random):
        self.cum = list(itertools.accumulate(1.0 / (i + 1) for i in range(n)))
        self.rng = rng

    def __call__(self) -> int:
        return bisect.bisect_left(self.cum, self.rng.random() * self.cum[-1])


def source(w: Writer, doc: str, lang_: str, act: str, act_class: str, title: str, date: str, number: str) -> str:
    src = B + "source/" + doc
    w.iri(src, RDF_TYPE, KG + "SourceDocument")
    w.t(src, DCT + "identifier", lit(doc))
    w.t(src, DCT + "language", lit(lang_))
    w.t(src, DCT + "source", lit(doc + ".txt"))
    w.iri(src, KG + "sourceOf", act)
    w.iri(act, RDF_TYPE, KG + act_class)
    w.iri(act, RDF_TYPE, ELI + "LegalResource")
    w.t(act, ELI + "title", lang(title, lang_))
    w.t(act, RDFS + "label", lang(title, lang_))
    w.t(act, ELI + "date_document", typed(date, "date"))
    w.t(act, ELI + "number", lit(number))
    w.t(act, ELI + "id_local", lit(doc))
    return src


class Spans:
    def __init__(self, w: Writer, doc: str):
        self.w, self.doc, self.pos = w, doc, 0

    def __call__(self, node: str, text: str) -> None:
        start, end = self.pos, self.pos + len(text)
        self.pos = end + 7
        s = f"{B}source/{self.doc}/{start}-{end}"
        w = self.w
        w.iri(s, RDF_TYPE, KG + "SourceSpan")
        w.iri(s, KG + "inSource", B + "source/" + self.doc)
        w.t(s, KG + "startOffset", typed(start, "integer"))
        w.t(s, KG + "endOffset", typed(end, "integer"))
        w.t(s, KG + "quote", lit(text))
        w.iri(node, KG + "sourceSpan", s)


def plan_document(rng: random.Random, k: int, bodies: list[str], groups: int, pick: Zipf, n_tasks: int) -> Writer:
    year = 2013 + k % 13
    date, number = ("2013-12-13", "1331") if k == 0 else (f"{year}-{1 + k % 12:02d}-{1 + k % 28:02d}", str(100 + k))
    doc = "kz-gov-decree-2013-1331-ru" if k == 0 else f"synthetic-plan-{k:05d}"
    act = f"{B}act/decree/{date.replace('-', '/')}/{number}"
    w = Writer(B + "graph/" + doc)
    span = Spans(w, doc)
    source(w, doc, "ru", act, "GovernmentDecree", f"Об утверждении плана мероприятий {k}", date, number)
    if rng.random() < 0.7:
        w.iri(act, ELI + "based_on", f"{B}act/presidential-decree/{year - 1}/06/04/{500 + k % 97}")
    if rng.random() < 0.5:
        w.iri(act, ELI + "amended_by", f"{B}act/decree/{year + 1}/09/28/{700 + k % 89}")
    plan = act + "/annex_plan"
    w.iri(plan, RDF_TYPE, KG + "Plan")
    w.iri(plan, RDF_TYPE, KG + "Annex")
    w.iri(plan, ELI + "is_part_of", act)
    w.iri(plan, KG + "approvedBy", act)
    for n in range(1, n_tasks + 1):
        task = f"{plan}/task_{n}"
        text = f"{n}. {rng.choice(WORDS).capitalize()}: мероприятие {n}"
        w.iri(task, RDF_TYPE, KG + "Task")
        w.t(task, ELI + "number", lit(str(n)))
        w.t(task, RDFS + "label", lang(text, "ru"))
        w.iri(task, KG + "inPlan", plan)
        w.t(task, KG + "completionForm", lang("Информация в Правительство", "ru"))
        span(task, text)
        d = task + "/y_deadline"
        w.iri(task, KG + "deadline", d)
        w.iri(d, RDF_TYPE, KG + "Deadline")
        w.iri(d, RDF_TYPE, TIME + "ProperInterval")
        y0 = year + rng.randrange(0, 4)
        recurring = rng.random() < 0.45
        y1 = y0 + rng.randrange(1, 6) if recurring else y0
        m = rng.randrange(1, 13)
        w.t(d, KG + "originalText", lang(f"Ежегодно, {m} месяц" if recurring else f"{m}.{y0}", "ru"))
        if recurring:
            w.iri(d, KG + "recurrence", KG + "Annual")
        for side, value in (("start", f"{y0}-{m:02d}-01"), ("end", f"{y1}-{m:02d}-28")):
            inst = f"{d}/y_{side}"
            w.iri(d, TIME + ("hasBeginning" if side == "start" else "hasEnd"), inst)
            w.iri(inst, RDF_TYPE, TIME + "Instant")
            w.t(inst, TIME + "inXSDDate", typed(value, "date"))
        if rng.random() < 0.4:
            w.t(task, KG + "fundingSource", lang("РБ", "ru"))
            w.t(task, KG + "fundingText", lang("РБ", "ru"))
        parties = 1 + min(int(rng.expovariate(0.32)), 9)
        chosen = set()
        for pos in range(parties):
            roll = rng.random()
            if roll < 0.1:
                who = f"{B}group/group-{rng.randrange(groups):03d}"
            elif roll < 0.12 and pos > 0:
                who = f"{B}mention/{doc}/{span.pos + pos}"
                w.iri(who, RDF_TYPE, KG + "UnresolvedMention")
                w.t(who, KG + "mentionText", lang(f"АО «Неизвестная организация {n}»", "ru"))
                w.t(who, KG + "resolutionMethod", lit("no-match"))
                span(who, f"АО «Неизвестная организация {n}»")
            else:
                who = f"{B}org/{bodies[pick()]}"
            if who in chosen:
                continue
            chosen.add(who)
            a = f"{task}/party_{pos}"
            w.iri(task, KG + "hasAssignment", a)
            w.iri(a, RDF_TYPE, KG + "Assignment")
            w.iri(a, KG + "assignee", who)
            w.iri(a, KG + "assignmentRole", KG + ("LeadExecutor" if pos == 0 else "CoExecutor"))
            w.t(a, KG + "position", typed(pos, "integer"))
            w.t(a, KG + "byAgreement", typed("true" if rng.random() < 0.15 else "false", "boolean"))
            w.t(a, KG + "mentionText", lang(who.rsplit("/", 1)[-1].upper(), "ru"))
    for n in range(1, 7):  # the approving decree's instructions
        ins = f"{act}/para_{n}"
        w.iri(ins, RDF_TYPE, KG + "Instruction")
        w.t(ins, ELI + "number", lit(str(n)))
        w.iri(ins, KG + "instructionKind", KG + ("Approve", "Execute", "Report")[n % 3])
        w.t(ins, RDFS + "label", lang(f"{n}. Пункт постановления", "ru"))
        a = ins + "/party_0"
        w.iri(ins, KG + "hasAssignment", a)
        w.iri(a, RDF_TYPE, KG + "Assignment")
        w.iri(a, KG + "assignee", f"{B}org/{bodies[pick()]}")
        if n == 3:
            w.iri(ins, KG + "recipient", B + "org/government")
            w.t(ins, KG + "schedule", lang("ежегодно к 25 января", "ru"))
        span(ins, f"{n}. Пункт постановления")
    glossary = f"{B}glossary/{doc}"
    w.iri(glossary, RDF_TYPE, KG + "Glossary")
    for b in rng.sample(bodies, rng.randrange(9, 28)):
        e = f"{glossary}/{b}"
        w.iri(e, RDF_TYPE, KG + "GlossaryEntry")
        w.t(e, KG + "abbreviation", lit(b.upper()[:6]))
        w.t(e, KG + "expansion", lang(f"Орган {b}", "ru"))
        w.iri(e, KG + "denotes", f"{B}org/{b}")
        w.iri(e, KG + "inGlossary", glossary)
        span(e, f"{b.upper()[:6]} – Орган {b}")
    return w


def law_document(rng: random.Random, k: int, bodies: list[str], roles: list[str], n_articles: int) -> Writer:
    date, number = ("2012-01-09", "534-IV") if k == 0 else (f"{2000 + k % 25}-0{1 + k % 9}-1{k % 9}", f"{k}-V")
    doc = "kz-law-industrial-innovative-support-kk" if k == 0 else f"synthetic-law-{k:05d}"
    act = f"{B}act/law/{date.replace('-', '/')}/{number.lower()}"
    w = Writer(B + "graph/" + doc)
    span = Spans(w, doc)
    source(w, doc, "kk", act, "Law", f"Заң {k}", date, number)
    chapter = None
    for a in range(1, n_articles + 1):
        if a % 8 == 1:
            chapter = f"{act}/chp_{a // 8 + 1}"
            w.iri(chapter, RDF_TYPE, KG + "Chapter")
            w.iri(chapter, RDF_TYPE, ELI + "LegalResourceSubdivision")
            w.t(chapter, ELI + "number", lit(str(a // 8 + 1)))
            w.iri(chapter, ELI + "is_part_of", act)
            w.iri(act, ELI + "has_part", chapter)
        art = f"{act}/art_{a}"
        w.iri(art, RDF_TYPE, KG + "Article")
        w.iri(art, RDF_TYPE, ELI + "LegalResourceSubdivision")
        w.t(art, ELI + "number", lit(str(a)))
        w.t(art, ELI + "title", lang(f"{a}-бап. {rng.choice(WORDS)}", "kk"))
        w.iri(art, ELI + "is_part_of", chapter)
        w.iri(chapter, ELI + "has_part", art)
        span(art, f"{a}-бап")
        grantee = B + "role/" + (CORE_ROLE if a % 5 == 1 or k == 0 else rng.choice(roles))
        if rng.random() < 0.1:
            grantee = f"{B}org/{rng.choice(bodies)}"
        parent = art
        if rng.random() < 0.5:  # items inside a numbered paragraph of the article
            parent = f"{art}/para_1"
            w.iri(parent, RDF_TYPE, KG + "Paragraph")
            w.iri(parent, RDF_TYPE, ELI + "LegalResourceSubdivision")
            w.t(parent, ELI + "number", lit("1"))
            w.iri(parent, ELI + "is_part_of", art)
            w.iri(art, ELI + "has_part", parent)
        for i in range(1, rng.randrange(3, 9)):
            item = f"{parent}/item_{i}"
            w.iri(item, RDF_TYPE, KG + "Item")
            w.iri(item, RDF_TYPE, ELI + "LegalResourceSubdivision")
            w.t(item, ELI + "number", lit(str(i)))
            w.iri(item, ELI + "is_part_of", parent)
            w.iri(parent, ELI + "has_part", item)
            if rng.random() < 0.5:
                c = item + "/stmt_competence"
                text = f"{rng.choice(WORDS)} саласында {i}-өкілеттік"
                w.iri(c, RDF_TYPE, KG + "Competence")
                w.t(c, RDFS + "label", lang(text, "kk"))
                w.iri(c, KG + "grantedTo", grantee)
                w.iri(c, KG + "grantedBy", item)
                w.t(c, KG + "residual", typed("true" if i == 8 else "false", "boolean"))
                span(c, text)
            if rng.random() < 0.05:
                w.iri(item, ELI + "cites", f"{B}act/code/{rng.choice(('entrepreneurial-code', 'budget-code', 'tax-code'))}")
        if a == 1:  # the article on basic concepts
            for t in range(20):
                term = f"{B}term/synthetic-{k}-{t}"
                w.iri(term, RDF_TYPE, KG + "DefinedTerm")
                w.t(term, SKOS + "prefLabel", lang(f"ұғым {k}-{t}", "kk"))
                w.t(term, SKOS + "definition", lang(f"{rng.choice(WORDS)} туралы анықтама", "kk"))
                w.iri(term, KG + "definedIn", art)
                span(term, f"ұғым {k}-{t}")
        for mi in range(rng.choice((0, 1, 1, 1, 2))):  # about 40 measures per 34 articles, as in law 534-IV
            m = f"{art}/stmt_measure-{mi + 1}"
            w.iri(m, RDF_TYPE, KG + "SupportMeasure")
            w.t(m, RDFS + "label", lang(f"{rng.choice(WORDS)} гранты", "kk"))
            w.iri(m, KG + "measureKind", KG + rng.choice(("FinancialMeasure", "NonFinancialMeasure", "ServiceMeasure")))
            w.iri(m, KG + "establishedBy", art)
            if rng.random() < 0.4:
                w.iri(m, KG + "providedBy", B + "role/" + rng.choice(roles))
                w.iri(m, KG + "rulesApprovedBy", B + "role/" + CORE_ROLE)
            span(m, f"{a}-бап шара {mi + 1}")
    return w


def ontology_lines() -> list[str]:
    """The code-list concepts the queries read notations from (the real build loads the ontology)."""
    w = Writer(B + "graph/ontology")
    for name, notation in (("LeadExecutor", "lead"), ("CoExecutor", "co-executor"), ("Annual", "annual"),
                           ("FinancialMeasure", "financial"), ("NonFinancialMeasure", "non-financial"),
                           ("ServiceMeasure", "service"), ("Renaming", "renaming"), ("Merger", "merger"),
                           ("Split", "split"), ("Transfer", "transfer"), ("Approve", "approve"),
                           ("Execute", "execute"), ("Report", "report")):
        w.iri(KG + name, RDF_TYPE, SKOS + "Concept")
        w.t(KG + name, SKOS + "notation", lit(notation))
    return w.lines


def concept_document(rng: random.Random, k: int, bodies: list[str], pick: Zipf) -> Writer:
    """A concept: indicators with yearly values, and statements of what bodies should do."""
    doc = f"synthetic-concept-{k:05d}"
    act = f"{B}act/concept/{doc}"
    w = Writer(B + "graph/" + doc)
    span = Spans(w, doc)
    source(w, doc, "ru", act, "Concept", f"Концепция развития {k}", f"{2015 + k % 10}-03-01", f"c{k}")
    for i in range(1, 7):
        ind = f"{act}/ind_{i}"
        w.iri(ind, RDF_TYPE, KG + "Indicator")
        w.iri(act, KG + "hasIndicator", ind)
        w.t(ind, RDFS + "label", lang(f"Показатель {i}: {rng.choice(WORDS)}", "ru"))
        w.t(ind, KG + "unit", lang("%", "ru"))
        span(ind, f"Показатель {i}")
        for y in range(2015, 2026):
            v = f"{ind}/y_{y}"
            w.iri(v, RDF_TYPE, KG + "IndicatorValue")
            w.iri(ind, KG + "hasValue", v)
            w.t(v, KG + "year", typed(y, "integer"))
            w.t(v, KG + "value", typed(rng.randrange(1, 100), "integer"))
            w.t(v, KG + "valueText", lit(str(rng.randrange(1, 100))))
    for i in range(1, 41):
        st = f"{act}/stmt_{i}"
        text = f"{rng.choice(WORDS).capitalize()}: задача {i}"
        w.iri(st, RDF_TYPE, KG + "MandateStatement")
        w.t(st, RDFS + "label", lang(text, "ru"))
        w.iri(st, KG + "mentions", f"{B}org/{bodies[pick()]}")
        span(st, text)
    return w


def generate(triples: int = 1_000_000, seed: int = 7) -> Iterator[str]:
    """N-Quads lines, about `triples` of them.

    The registry first, then "units" shaped like the five sources: three plans
    of 60, 20 and 25 tasks (about 3.6 executors each), a law of 34 articles
    (about 185 items, 90 competences, 40 support measures) and a concept with
    indicators and mandate statements, repeated until the target is reached.
    """
    rng = random.Random(seed)
    n_bodies = max(150, triples // 500)
    bodies, reg, roles = registry(rng, n_bodies, max(14, triples // 20_000), max(20, triples // 25_000))
    yield from ontology_lines()
    yield from reg.lines
    pick = Zipf(len(bodies), rng)
    groups = max(20, triples // 25_000)
    emitted = len(reg.lines)
    unit = 0
    while emitted < triples:
        docs = [plan_document(rng, 3 * unit + i, bodies, groups, pick, n) for i, n in enumerate((60, 20, 25))]
        docs.append(law_document(rng, unit, bodies, roles, 34))
        docs.append(concept_document(rng, unit, bodies, pick))
        for w in docs:
            emitted += len(w.lines)
            yield from w.lines
        unit += 1


def write(path: Path, triples: int = 1_000_000, seed: int = 7) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for line in generate(triples, seed):
            f.write(line)
            n += 1
    return n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-o", "--output", type=Path, default=None, help="N-Quads file (default: stdout)")
    args = ap.parse_args(argv)
    if args.output:
        n = write(args.output, args.triples, args.seed)
        print(f"{n} quads -> {args.output}", file=sys.stderr)
    else:
        sys.stdout.writelines(generate(args.triples, args.seed))


if __name__ == "__main__":
    main()
