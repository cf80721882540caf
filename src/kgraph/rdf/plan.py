"""Plan records -> triples: the plan, its directions, tasks with deadlines,
funding and assignments, target indicators and the abbreviation list.

IRIs (all minted by `kgraph.iri`):
  plan        <act>/annex_plan
  direction   <plan>/dir_N
  task        <plan>/task_N
  assignment  <task>/party_K            (K = position, 0 = lead executor)
  deadline    <task>/y_deadline, its instants …/y_deadline/y_start, …/y_end
  indicator   <plan>/ind_N, its values <indicator>/y_YYYY
  glossary    glossary/<doc>, entries glossary/<doc>/<abbr>
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, TIME, XSD

from kgraph import iri
from kgraph.rdf import Context, date_literal
from kgraph.records import GlossaryEntry
from kgraph.sources.plan import Direction, Indicator, PlanInfo, Task
from kgraph.vocab import ELI, KG

RECURRENCES = {"annual": KG.Annual, "semiannual": KG.SemiAnnual, "quarterly": KG.Quarterly, "monthly": KG.Monthly}
ROLES = (KG.LeadExecutor, KG.CoExecutor)


def emit(records: list, ctx: Context) -> None:
    info = next((r for r in records if isinstance(r, PlanInfo)), None)
    plan = plan_iri(ctx)
    tasks = [r for r in records if isinstance(r, Task)]
    if info is None and not tasks:
        _glossary([r for r in records if isinstance(r, GlossaryEntry)], ctx)
        return
    _plan(plan, info, ctx)
    directions = {}
    for r in records:
        if isinstance(r, Direction):
            directions[r.number] = _direction(plan, r, ctx)
        elif isinstance(r, Task):
            task(plan, r, directions.get(r.direction), ctx)
        elif isinstance(r, Indicator):
            ctx.indicator(plan, r.number, r.name, r.unit, r.baseline, r.values, r.span)
    _glossary([r for r in records if isinstance(r, GlossaryEntry)], ctx)


def plan_iri(ctx: Context) -> URIRef:
    return ctx.part(("annex", "plan"))


def _plan(plan: URIRef, info, ctx: Context) -> None:
    lang = ctx.doc.language
    ctx.add(plan, RDF.type, KG.Plan)
    ctx.add(plan, RDF.type, KG.Annex)  # the plan is printed as an annex of the approving act
    ctx.add(plan, RDF.type, ELI.LegalResource)
    ctx.add(plan, KG.approvedBy, ctx.act)
    ctx.add(plan, ELI.is_part_of, ctx.root)
    ctx.add(ctx.root, ELI.has_part, plan)
    if info and info.title:
        ctx.add(plan, ELI.title, Literal(info.title, lang=lang))
        ctx.label(plan, info.title)
    if info and info.span != (0, 0):
        ctx.span(plan, info.span)


def _direction(plan: URIRef, r, ctx: Context) -> URIRef:
    node = ctx.part(("dir", r.number), parent=plan)
    ctx.add(node, RDF.type, KG.Direction)
    ctx.add(node, ELI.is_part_of, plan)
    ctx.add(node, ELI.number, Literal(str(r.number)))
    if r.title:
        ctx.add(node, ELI.title, Literal(r.title, lang=ctx.doc.language))
        ctx.label(node, r.title)
    ctx.span(node, r.span)
    return node


def task(plan: URIRef, r, direction: URIRef | None, ctx: Context) -> URIRef:
    lang = ctx.doc.language
    node = ctx.part(("task", r.number), parent=plan)
    ctx.add(node, RDF.type, KG.Task)
    ctx.add(node, ELI.number, Literal(str(r.number)))
    ctx.add(node, KG.inPlan, plan)
    ctx.add(node, KG.inDirection, direction)
    ctx.label(node, r.text)
    ctx.add(node, KG.completionForm, r.completion_form, lang=lang)
    ctx.span(node, r.span)
    if r.deadline_text:
        deadline(node, r.deadline_text, r.deadline_start, r.deadline_end, r.recurrence, r.span, ctx)
    if r.funding_amount is not None:
        ctx.add(node, KG.fundingAmount, Literal(Decimal(r.funding_amount), datatype=XSD.decimal))
    ctx.add(node, KG.fundingSource, r.funding_source, lang=lang)
    ctx.add(node, KG.fundingText, getattr(r, "funding_text", None), lang=lang)
    for position, party in enumerate(r.parties):
        assignment(node, position, party.text, party.by_agreement, party.span, ctx, getattr(party, "members", None))
    return node


def deadline(
    owner: URIRef, text: str, start: dt.date | None, end: dt.date | None, recurrence: str | None, span, ctx: Context
) -> URIRef:
    node = ctx.part(("y", "deadline"), parent=owner)
    ctx.add(owner, KG.deadline, node)
    ctx.add(node, RDF.type, KG.Deadline)
    ctx.add(node, RDF.type, TIME.ProperInterval)
    ctx.add(node, KG.originalText, text, lang=ctx.doc.language)
    ctx.add(node, KG.recurrence, RECURRENCES.get(recurrence or ""))
    for prop, segment, day in ((TIME.hasBeginning, "start", start), (TIME.hasEnd, "end", end)):
        if day is None:
            continue
        instant = ctx.part(("y", segment), parent=node)
        ctx.add(node, prop, instant)
        ctx.add(instant, RDF.type, TIME.Instant)
        ctx.add(instant, TIME.inXSDDate, date_literal(day if isinstance(day, dt.date) else dt.date.fromisoformat(day)))
    ctx.span(node, span)
    return node


def assignment(owner: URIRef, position: int, text: str, by_agreement: bool, span, ctx: Context, members=None) -> URIRef:
    """One party of a task or instruction: who, in which role, at which position."""
    node = ctx.part(("party", position), parent=owner)
    agent = ctx.agent(text, span)
    ctx.add(owner, KG.hasAssignment, node)
    ctx.add(node, RDF.type, KG.Assignment)
    ctx.add(node, KG.assignee, agent)
    ctx.add(node, KG.assignmentRole, ROLES[0] if position == 0 else ROLES[1])
    ctx.add(node, KG.position, Literal(position, datatype=XSD.integer))
    ctx.add(node, KG.byAgreement, Literal(bool(by_agreement), datatype=XSD.boolean))
    ctx.add(node, KG.mentionText, text, lang=ctx.doc.language)
    ctx.span(node, span)
    if members and iri.parse(str(agent)).kind == "group":
        for member in members:
            body = resolved(ctx, member, span)
            if body is not None:
                ctx.add(agent, KG.member, body)
    return node


def resolved(ctx: Context, text: str, span, kinds=("body", "group", "role")) -> URIRef | None:
    """The body (group, role) `text` names, or None; no UnresolvedMention node is made."""
    if ctx.resolver is None:
        return None
    res = ctx.resolver(text, ctx.doc.language, ctx.date, ctx.glossary)
    if getattr(res, "kind", "unresolved") not in kinds:
        return None
    return ctx.agent(text, span)


def _glossary(entries: list[GlossaryEntry], ctx: Context) -> None:
    if not entries:
        return
    lang = ctx.doc.language
    scheme = URIRef(iri.glossary(ctx.doc.id))
    ctx.add(scheme, RDF.type, KG.Glossary)
    ctx.add(scheme, RDF.type, SKOS.ConceptScheme)
    ctx.add(scheme, RDFS.label, Literal(f"{ctx.doc.id}: abbreviations", lang="en"))
    ctx.add(scheme, DCTERMS.isPartOf, ctx.act)
    for e in entries:
        node = URIRef(iri.glossary_entry(ctx.doc.id, e.abbr))
        ctx.add(node, RDF.type, KG.GlossaryEntry)
        ctx.add(node, RDF.type, SKOS.Concept)
        ctx.add(node, KG.inGlossary, scheme)
        ctx.add(node, SKOS.inScheme, scheme)
        ctx.add(node, SKOS.notation, Literal(e.abbr))
        ctx.add(node, KG.abbreviation, Literal(e.abbr))
        ctx.add(node, SKOS.prefLabel, Literal(e.abbr, lang=lang))
        ctx.add(node, KG.expansion, e.expansion, lang=lang)
        ctx.add(node, SKOS.definition, e.expansion, lang=lang)
        ctx.add(node, KG.denotes, resolved(ctx, e.expansion, e.span, kinds=("body",)))
        ctx.span(node, e.span)
