"""Plan records -> triples: the plan, its sections, tasks with deadlines,
funding and assignments, the acts a task cites or drafts, target indicators
and the abbreviation list.

IRIs (all minted by `kgraph.iri`):
  plan        <act>/annex_plan
  section     <plan>/dir_N              (N = the section's ordinal: "II" and "2" are dir_2; a sub-section
                                        "2.1" is dir_2.1, part of dir_2 too)
  task        <plan>/dir_N/task_M, or <plan>/task_M in a plan without sections
              (numbering may restart in each section: a task is never merged with another)
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

from kgraph import iri, kinds
from kgraph.rdf import Context, acts, date_literal
from kgraph.rdf.document import fallback_label
from kgraph.records import GlossaryEntry, Mention
from kgraph.sources.plan import Indicator, PlanInfo, Section, Task
from kgraph.sources.plan_table import section_ordinal
from kgraph.vocab import ELI, KG

RECURRENCES = {
    "annual": KG.Annual,
    "semiannual": KG.SemiAnnual,
    "quarterly": KG.Quarterly,
    "monthly": KG.Monthly,
    "biennial": KG.Biennial,
}
ROLES = (KG.LeadExecutor, KG.CoExecutor)


def emit(records: list, ctx: Context) -> None:
    info = next((r for r in records if isinstance(r, PlanInfo)), None)
    plan = plan_iri(ctx)
    tasks = [r for r in records if isinstance(r, Task)]
    if info is None and not tasks:
        _glossary([r for r in records if isinstance(r, GlossaryEntry)], ctx)
        return
    _plan(plan, info, ctx)
    sections = {}
    unnumbered: dict[str | None, int] = {}
    for r in records:
        if isinstance(r, Section):
            sections[r.number] = _section(plan, r, ctx)
        elif isinstance(r, Task):
            key = None
            if r.number is None:  # a row printed without a number: «u1», «u2» … in its section
                unnumbered[r.section] = unnumbered.get(r.section, 0) + 1
                key = f"u{unnumbered[r.section]}"
            task(plan, r, sections.get(r.section), ctx, key)
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
    else:  # a plan whose title is not read is still named: its kind and the approving act's
        ctx.label(plan, f"{kinds.get('plan').untitled_label(lang)}: {fallback_label(lang, ctx.meta)}")
    if info and info.span != (0, 0):
        ctx.span(plan, info.span)


def section_iri(plan: URIRef, number: str, ctx: Context) -> URIRef:
    """A section by its ordinal ("II" -> dir_2), so the ru and kk texts of one plan agree."""
    ordinal = section_ordinal(number)
    return ctx.part(("dir", ordinal if ordinal is not None else number), parent=plan)


def task_iri(plan: URIRef, r, ctx: Context, key: str | None = None) -> URIRef:
    """A task by its section and number (`key` for a task printed without a number)."""
    number = r.number if key is None else key
    if r.section is None:
        return ctx.part(("task", number), parent=plan)
    return ctx.part(("task", number), parent=section_iri(plan, r.section, ctx))


def _section(plan: URIRef, r, ctx: Context) -> URIRef:
    node = section_iri(plan, r.number, ctx)
    ctx.add(node, RDF.type, KG.Direction)
    # a sub-section («2.1» of «2», the unnumbered «2.1:1» of «2.1») is part of its section only
    # (a part has one whole: eli:is_part_of is functional in the shapes)
    parent = getattr(r, "parent", None)
    ctx.add(node, ELI.is_part_of, section_iri(plan, parent, ctx) if parent else plan)
    ctx.add(node, ELI.number, Literal(str(r.number)))
    if r.title:
        ctx.add(node, ELI.title, Literal(r.title, lang=ctx.doc.language))
        ctx.label(node, r.title)
    ctx.span(node, r.span)
    return node


def task(plan: URIRef, r, section: URIRef | None, ctx: Context, key: str | None = None) -> URIRef:
    lang = ctx.doc.language
    node = task_iri(plan, r, ctx, key)
    ctx.add(node, RDF.type, KG.Task)
    if r.number is not None:
        ctx.add(node, ELI.number, Literal(str(r.number)))
    ctx.add(node, KG.inPlan, plan)
    ctx.add(node, KG.inDirection, section)
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
        assignment(node, position, party, ctx)
    acts.emit_refs(list(r.cites), ctx, citing=node)
    if r.produces is not None:
        ctx.add(node, KG.produces, acts.describe_ref(r.produces, ctx))
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


def assignment(owner: URIRef, position: int, party: Mention, ctx: Context) -> URIRef:
    """One party of a task or instruction: who, in which role, at which position. A party
    that shares a head with the list it is in («области Абай» of «акиматы Алматинской
    области и области Абай») is resolved with that head; its printed text is kept."""
    node = ctx.part(("party", position), parent=owner)
    agent = ctx.agent(_with_head(party, ctx.doc.language), party.span)
    ctx.add(owner, KG.hasAssignment, node)
    ctx.add(node, RDF.type, KG.Assignment)
    ctx.add(node, KG.assignee, agent)
    ctx.add(node, KG.assignmentRole, ROLES[0] if position == 0 else ROLES[1])
    ctx.add(node, KG.position, Literal(position, datatype=XSD.integer))
    ctx.add(node, KG.byAgreement, Literal(bool(party.by_agreement), datatype=XSD.boolean))
    ctx.add(node, KG.mentionText, party.text, lang=ctx.doc.language)
    ctx.span(node, party.span)
    return node


def _with_head(party: Mention, lang: str) -> str:
    if not party.head:
        return party.text
    return f"{party.text} {party.head}" if lang == "kk" else f"{party.head} {party.text}"


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
