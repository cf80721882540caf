"""Regulation records -> triples: the regulation of a state body and the body's own powers.

IRIs (all minted by `kgraph.iri`):
  regulation  <act>/annex_regulation            kg:Regulation, kg:Annex; kg:approvedBy the act
                                                  (or the act itself when the document is the regulation)
  chapter     <regulation>/chp_N                kg:Chapter
  paragraph   <regulation>/para_N               kg:Paragraph, part of its chapter
  item        <paragraph>/item_N, nested items <item>/item_M (the path "1.3")   kg:Item
  competence  <item>/stmt_competence            kg:Competence: kg:grantedTo the body, kg:grantedBy
                                                  the item, kg:powerGroup, kg:residual

The body is the one the regulation's title names, resolved at the approving act's
date (`ctx.agent`); the regulation kg:regulates it. Its powers are granted to the
body itself, not to a legal role, and rest on the approving act through the
regulation (kg:approvedBy). Excluded paragraphs and items are kg:excluded,
eli:repealed_by the act their note names; amendment
footnotes make the paragraph (or item) they name eli:changed_by the amending act.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kgraph.amendments import AmendingAct
from kgraph.lang import UNITS
from kgraph.rdf import Context
from kgraph.rdf import acts as acts_rdf
from kgraph.sources import regulation as src
from kgraph.sources.regulation_structure import Chapter, Item, Paragraph
from kgraph.vocab import ELI, KG

GROUPS = {
    "tasks": KG.PowerTasks,
    "rights": KG.PowerRights,
    "duties": KG.PowerDuties,
    "functions": KG.PowerFunctions,
    "functions-departments": KG.PowerDepartmentFunctions,
    "other": KG.PowerOther,
}


def regulation_iri(ctx: Context) -> URIRef:
    """The act itself for a regulation document; its regulation annex otherwise."""
    if ctx.meta.kind == "regulation":
        return ctx.act
    return ctx.part(("annex", "regulation"))


class _Parts:
    """IRIs of the regulation's subdivisions, asked of the writing context (`Context.part`)."""

    def __init__(self, ctx: Context, regulation: URIRef) -> None:
        self.ctx = ctx
        self.regulation = regulation

    def chapter(self, number: str) -> URIRef:
        return self.ctx.part(("chp", number), parent=self.regulation)

    def paragraph(self, number: str) -> URIRef:
        return self.ctx.part(("para", number), parent=self.regulation)

    def item(self, paragraph: str, path: str) -> URIRef:
        return self.ctx.part(*(("item", n) for n in path.split(".")), parent=self.paragraph(paragraph))

    def of(self, paragraph: str, path: str | None) -> URIRef:
        return self.item(paragraph, path) if path else self.paragraph(paragraph)


def emit(records: list, ctx: Context) -> None:
    reg = next((r for r in records if isinstance(r, src.Regulation)), None)
    if reg is None:
        return
    node = regulation_iri(ctx)
    body = ctx.agent(reg.body, reg.body_span)
    _regulation(node, reg, body, ctx)
    parts = _Parts(ctx, node)
    for r in records:
        if isinstance(r, Chapter):
            chapter = parts.chapter(r.number)
            _subdivision(ctx, chapter, KG.Chapter, node, r.number, r.span)
            ctx.add(chapter, ELI.title, Literal(r.title, lang=ctx.doc.language))
            ctx.label(chapter, f"{UNITS['chapter'].label(r.number, ctx.doc.language)}. {r.title}")
        elif isinstance(r, Paragraph):
            _paragraph(ctx, parts, r, parts.chapter(r.chapter) if r.chapter else node)
        elif isinstance(r, src.Competence):
            _competence(ctx, parts, r, body)
        elif isinstance(r, src.Excluded):
            _excluded(ctx, parts, r)
        elif isinstance(r, src.Amendment):
            amending = AmendingAct(r.act_kind, r.act_date, r.act_number)
            act = acts_rdf.amending_node(amending)
            acts_rdf.describe_amending(act, amending, ctx)
            ctx.add(parts.of(r.paragraph, r.item), ELI.changed_by, act)
            ctx.add(node, ELI.amended_by, act)
            ctx.add(act, ELI.amends, node)


def _regulation(node: URIRef, reg: src.Regulation, body: URIRef, ctx: Context) -> None:
    ctx.add(node, RDF.type, KG.Regulation)
    ctx.add(node, RDF.type, ELI.LegalResource)
    if node != ctx.act:
        ctx.add(node, RDF.type, KG.Annex)  # printed as an annex of the approving act
        ctx.add(node, ELI.is_part_of, ctx.root)
        ctx.add(ctx.root, ELI.has_part, node)
        ctx.add(node, KG.approvedBy, ctx.act)
    else:
        ctx.graph.remove((node, RDFS.label, None))  # the document layer's kind-and-date label
    ctx.add(node, ELI.title, Literal(reg.title, lang=ctx.doc.language))
    ctx.label(node, reg.title)
    ctx.add(node, KG.regulates, body)
    ctx.span(node, reg.title_span)


def _subdivision(ctx: Context, node: URIRef, cls: URIRef, parent: URIRef, number: str, span) -> None:
    ctx.add(node, RDF.type, cls)
    ctx.add(node, RDF.type, ELI.LegalResourceSubdivision)
    ctx.add(node, ELI.is_part_of, parent)
    ctx.add(parent, ELI.has_part, node)
    ctx.add(node, ELI.number, Literal(number))
    ctx.span(node, span)


def _paragraph(ctx: Context, parts: _Parts, r: Paragraph, parent: URIRef) -> None:
    node = parts.paragraph(r.number)
    _subdivision(ctx, node, KG.Paragraph, parent, r.number, r.span)
    own = " ".join(t for t in (r.lead, r.closing) if t)
    ctx.label(node, f"{r.number}. {own}" if own else r.number)
    for item in r.items:
        _item(ctx, parts, item, node)


def _item(ctx: Context, parts: _Parts, r: Item, parent: URIRef) -> None:
    node = parts.item(r.paragraph, r.path)
    _subdivision(ctx, node, KG.Item, parent, r.number, r.span)
    ctx.label(node, f"{r.number}) {r.text}" if r.numbered else r.text)
    for child in r.children:
        _item(ctx, parts, child, node)


def _competence(ctx: Context, parts: _Parts, r: src.Competence, body: URIRef) -> None:
    item = parts.item(r.paragraph, r.item)
    node = ctx.part(("stmt", "competence"), parent=item)
    ctx.add(node, RDF.type, KG.Competence)
    ctx.add(node, KG.grantedTo, body)
    ctx.add(node, KG.grantedBy, item)
    ctx.add(node, KG.powerGroup, GROUPS[r.group])
    ctx.add(node, KG.residual, Literal(r.residual))
    ctx.label(node, r.text)
    ctx.span(node, r.span)


def _excluded(ctx: Context, parts: _Parts, r: src.Excluded) -> None:
    node = parts.of(r.paragraph, r.item)
    ctx.add(node, KG.excluded, Literal(True))
    for ref in r.repealed_by:
        act = acts_rdf.ref_node(ref)
        acts_rdf.emit_refs([ref], ctx, citing=node)
        ctx.add(node, ELI.repealed_by, act)
