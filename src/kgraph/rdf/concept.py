"""Concept records -> triples.

The concept node is the act itself for a standalone concept document, and
`<act>/annex_concept` (kg:Concept, kg:Annex, kg:approvedBy the act) when a
decree approves the concept as its annex. Under it (IRIs from `kgraph.iri`):

  section     <concept>/sec_6.2               kg:Section, eli:is_part_of its parent section
  term        term/<slug>                     kg:DefinedTerm (shared with laws defining the same term)
  statement   <concept>/stmt_N                kg:MandateStatement, kg:mentions the body
  initiative  <concept>/init_N                kg:Initiative
  territory   <concept>/terr_N                kg:ScienceTerritory, kg:baseOrganization
  indicator   <concept>/ind_N, <ind>/y_YYYY   kg:Indicator / kg:IndicatorValue (the plans' model)
  acts        see kgraph.rdf.acts             eli:cites / eli:based_on from the concept node

Every node carries kg:sourceSpan provenance; a sentence naming a body is a
kg:SourceSpan that kg:mentions the body (and the concept kg:mentions it too).
"""

from __future__ import annotations

import datetime as dt

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kgraph import iri
from kgraph.acts import ActRef
from kgraph.rdf import Context
from kgraph.rdf import acts as acts_rdf
from kgraph.records import Indicator
from kgraph.sources import concept_records as src
from kgraph.vocab import ELI, KG

TERMS_LABEL = {"ru": "понятия", "kk": "ұғымдар"}


def concept_iri(ctx: Context) -> URIRef:
    """The act itself for a concept document; its concept annex otherwise."""
    if ctx.meta.kind == "concept":
        return ctx.act
    return ctx.part(("annex", "concept"))


def emit(records: list, ctx: Context) -> None:
    node = concept_iri(ctx)
    info = next((r for r in records if isinstance(r, src.ConceptInfo)), None)
    _concept(node, info, ctx)
    sections = {r.number: r for r in records if isinstance(r, src.Section)}
    for s in sections.values():
        _section(node, s, ctx)
    section_of = lambda number: ctx.part(("sec", number), parent=node) if number in sections else node
    counters: dict[str, int] = {}

    def next_id(prefix: str) -> int:
        counters[prefix] = counters.get(prefix, 0) + 1
        return counters[prefix]

    for r in records:
        if isinstance(r, src.Definition):
            _definition(node, r, section_of(r.section), ctx)
        elif isinstance(r, src.Institution):
            agent = ctx.agent(r.text, r.span)
            ctx.add(sentence_span(ctx, r.sentence), KG.mentions, agent)
            ctx.add(node, KG.mentions, agent)
        elif isinstance(r, src.MandateStatement):
            _mandate(node, next_id("stmt"), r, section_of(r.section), ctx)
        elif isinstance(r, src.Initiative):
            _initiative(node, next_id("init"), r, section_of(r.section), ctx)
        elif isinstance(r, src.Territory):
            _territory(node, next_id("terr"), r, ctx)
        elif isinstance(r, Indicator):
            ctx.indicator(node, r.number, r.name, r.unit, r.baseline, r.values, r.span)
    acts_rdf.emit_refs([r for r in records if isinstance(r, ActRef)], ctx, citing=node)


_SCRATCH = URIRef("urn:kgraph:scratch")


def sentence_span(ctx: Context, span) -> URIRef:
    """A kg:SourceSpan for a sentence, not linked as the provenance of any node."""
    s = ctx.span(_SCRATCH, span)
    ctx.graph.remove((_SCRATCH, KG.sourceSpan, s))
    return s


def _concept(node: URIRef, info, ctx: Context) -> None:
    lang = ctx.doc.language
    ctx.add(node, RDF.type, KG.Concept)
    ctx.add(node, RDF.type, ELI.LegalResource)
    if node != ctx.act:
        ctx.add(node, RDF.type, KG.Annex)
        ctx.add(node, ELI.is_part_of, ctx.root)
        ctx.add(ctx.root, ELI.has_part, node)
        ctx.add(node, KG.approvedBy, ctx.act)
    if info is None:
        return
    if info.title and (node != ctx.act or not ctx.meta.title):
        ctx.add(node, ELI.title, Literal(info.title, lang=lang))
        ctx.graph.remove((node, RDFS.label, None))  # the document layer's kind-and-date label
        ctx.label(node, info.title)
    if info.author:
        ctx.add(node, ELI.responsibility_of, ctx.agent(info.author, info.span))
    if info.period_start:
        ctx.add(node, KG.validFrom, Literal(dt.date(info.period_start, 1, 1).isoformat(), datatype=XSD.date))
    if info.period_end:
        ctx.add(node, KG.validUntil, Literal(dt.date(info.period_end, 12, 31).isoformat(), datatype=XSD.date))
    if info.span != (0, 0):
        ctx.span(node, info.span)


def _section(concept: URIRef, s, ctx: Context) -> URIRef:
    node = ctx.part(("sec", s.number), parent=concept)
    parent = ctx.part(("sec", s.parent), parent=concept) if s.parent else ctx.part(parent=concept)
    ctx.add(node, RDF.type, KG.Section)
    ctx.add(node, ELI.is_part_of, parent)
    ctx.add(parent, ELI.has_part, node)
    ctx.add(node, ELI.number, Literal(s.number))
    ctx.add(node, ELI.title, Literal(s.title, lang=ctx.doc.language))
    ctx.label(node, f"{s.label}. {s.title}")
    ctx.span(node, s.span)
    return node


def _definition(concept: URIRef, r, where: URIRef, ctx: Context) -> None:
    lang = ctx.doc.language
    scheme = ctx.part(("stmt", "terms"), parent=concept)
    ctx.add(scheme, RDF.type, KG.TermScheme)
    ctx.add(scheme, RDF.type, SKOS.ConceptScheme)
    ctx.add(scheme, RDFS.label, Literal(f"{ctx.meta.title or ctx.doc.id}: {TERMS_LABEL.get(lang, 'terms')}", lang=lang))
    node = URIRef(iri.term(r.term))
    ctx.add(node, RDF.type, KG.DefinedTerm)
    ctx.add(node, RDF.type, SKOS.Concept)
    ctx.label(node, r.term, pref=True)
    ctx.add(node, SKOS.definition, Literal(r.definition, lang=lang))
    ctx.add(node, SKOS.inScheme, scheme)
    ctx.add(node, KG.definedIn, where)
    if r.abbr:
        ctx.add(node, KG.abbreviation, Literal(r.term))
    ctx.span(node, r.span)


def _mandate(concept: URIRef, n: int, r, where: URIRef, ctx: Context) -> None:
    node = ctx.part(("stmt", n), parent=concept)
    ctx.add(node, RDF.type, KG.MandateStatement)
    ctx.add(node, KG.mentions, ctx.agent(r.body, r.body_span))
    ctx.label(node, r.action)
    ctx.add(node, PROV.wasDerivedFrom, where)
    ctx.span(node, r.span)


def _initiative(concept: URIRef, n: int, r, where: URIRef, ctx: Context) -> None:
    node = ctx.part(("init", n), parent=concept)
    ctx.add(node, RDF.type, KG.Initiative)
    ctx.label(node, r.text)
    if r.number:
        ctx.add(node, SKOS.notation, Literal(f"{r.section}.{r.number}" if r.section else r.number))
    ctx.add(node, PROV.wasDerivedFrom, where)
    ctx.span(node, r.span)


def _territory(concept: URIRef, n: int, r, ctx: Context) -> None:
    node = ctx.part(("terr", n), parent=concept)
    ctx.add(node, RDF.type, KG.ScienceTerritory)
    ctx.label(node, r.name)
    if r.base:
        ctx.add(node, KG.baseOrganization, ctx.agent(r.base, r.span))
    if r.location:
        ctx.add(node, KG.location, Literal(r.location, lang=ctx.doc.language))
    ctx.add(node, PROV.wasDerivedFrom, concept)
    ctx.span(node, r.span)
