"""Law records -> triples: ELI-style subdivisions, defined terms, competences,
national operators, support measures, cross-references and the repeal.

Subdivision IRIs nest as the law numbers them: chapters and articles under
the act (articles are numbered through the law), paragraphs under their
article, items under their paragraph or, if the article has no numbered
paragraphs, under the article. Structurally an article is part of its chapter.
Roles (grantedTo, providedBy, rulesApprovedBy) are role IRIs of the registry;
a competence of a body the role table does not know goes through the resolver.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kgraph import iri, kinds
from kgraph.lang import UNITS
from kgraph.rdf import Context, act_class
from kgraph.sources import law as law_src
from kgraph.sources import law_structure
from kgraph.vocab import ELI, KG

MEASURE_KINDS = {
    "financial": KG.FinancialMeasure,
    "non-financial": KG.NonFinancialMeasure,
    "service": KG.ServiceMeasure,
}


class _Parts:
    """IRIs of the subdivisions of one act, asked of the writing context (`Context.part`)."""

    def __init__(self, ctx: Context, records: list) -> None:
        self.ctx = ctx
        self.act = ctx.root
        self.chapter_of = {r.number: r.chapter for r in records if isinstance(r, law_structure.Article)}
        self.items = {(r.article, r.paragraph, r.number): r for r in records if isinstance(r, law_structure.Item)}
        self.items_at = {r.span: r for r in records if isinstance(r, law_structure.Item)}

    def chapter(self, number: str) -> URIRef:
        return self.ctx.part(("chp", number))

    def article(self, number: str) -> URIRef:
        return self.ctx.part(("art", number))

    def paragraph(self, article: str, number: str) -> URIRef:
        return self.ctx.part(("para", number), parent=self.article(article))

    def item(self, article: str, paragraph: str | None, segment: str) -> URIRef:
        parent = self.paragraph(article, paragraph) if paragraph else self.article(article)
        return self.ctx.part(("item", segment), parent=parent)

    def of(self, article: str, paragraph: str | None = None, item: str | None = None, span=None) -> URIRef:
        """The most specific subdivision named by article/paragraph/item numbers."""
        if item is not None:
            rec = self.items_at.get(span) or self.items.get((article, paragraph, item))
            return self.item(article, paragraph, rec.segment if rec else item)
        if paragraph is not None:
            return self.paragraph(article, paragraph)
        return self.article(article)

    def parent_of_article(self, number: str) -> URIRef:
        chapter = self.chapter_of.get(number)
        return self.chapter(chapter) if chapter else self.act


def _subdivision(ctx: Context, node: URIRef, cls: URIRef, parent: URIRef, number: str, span) -> None:
    ctx.add(node, RDF.type, cls)
    ctx.add(node, RDF.type, ELI.LegalResourceSubdivision)
    ctx.add(node, ELI.is_part_of, parent)
    ctx.add(parent, ELI.has_part, node)
    ctx.add(node, ELI.number, Literal(number))
    ctx.span(node, span)


def emit(records: list, ctx: Context) -> None:
    lang = ctx.doc.language
    parts = _Parts(ctx, records)
    measures_in: dict[str, int] = {}
    for r in records:
        if isinstance(r, law_structure.Chapter):
            node = parts.chapter(r.number)
            _subdivision(ctx, node, KG.Chapter, ctx.root, r.number, r.span)
            ctx.add(node, ELI.title, Literal(r.title, lang=lang))
            ctx.label(node, f"{UNITS['chapter'].label(r.number, lang)}. {r.title}")
        elif isinstance(r, law_structure.Article):
            node = parts.article(r.number)
            _subdivision(ctx, node, KG.Article, parts.parent_of_article(r.number), r.number, r.span)
            ctx.add(node, ELI.title, Literal(r.title, lang=lang))
            ctx.label(node, f"{UNITS['article'].label(r.number, lang)}. {r.title}")
        elif isinstance(r, law_structure.Paragraph):
            node = parts.paragraph(r.article, r.number)
            _subdivision(ctx, node, KG.Paragraph, parts.article(r.article), r.number, r.span)
            ctx.label(node, f"{r.number}. {r.text}" if r.text else r.number)
        elif isinstance(r, law_structure.Item):
            node = parts.item(r.article, r.paragraph, r.segment)
            parent = parts.paragraph(r.article, r.paragraph) if r.paragraph else parts.article(r.article)
            _subdivision(ctx, node, KG.Item, parent, r.number, r.span)
            ctx.label(node, f"{r.number}) {r.text}")
        elif isinstance(r, law_src.Definition):
            _definition(ctx, parts, r)
        elif isinstance(r, law_src.Competence):
            item = parts.of(r.article, r.paragraph, r.item, r.span)
            node = ctx.part(("stmt", "competence"), parent=item)
            ctx.add(node, RDF.type, KG.Competence)
            ctx.add(node, KG.grantedTo, URIRef(iri.role(r.role)) if r.role else ctx.agent(r.body, r.span))
            ctx.add(node, KG.grantedBy, item)
            ctx.add(node, KG.residual, Literal(r.residual))
            ctx.label(node, r.text)
            ctx.span(node, r.span)
        elif isinstance(r, law_src.Operator):
            ctx.add(URIRef(iri.role(r.role)), KG.definedBy, parts.article(r.article))
        elif isinstance(r, law_src.Measure):
            measures_in[r.article] = measures_in.get(r.article, 0) + 1
            _measure(ctx, parts, r, measures_in[r.article])
        elif isinstance(r, law_src.CrossRef):
            ctx.add(
                parts.of(r.article, r.paragraph, r.item, None), ELI.cites, _target(ctx, parts, r.target, r.target_kind)
            )
        elif isinstance(r, law_src.Repeal):
            repealed = _target(ctx, parts, r.title, "law")
            ctx.add(ctx.act, ELI.repeals, repealed)
            if r.date_iso:
                ctx.add(repealed, ELI.date_document, Literal(r.date_iso, datatype=XSD.date))
            ctx.span(repealed, r.span)


def _definition(ctx: Context, parts: _Parts, r) -> None:
    scheme = ctx.part(("stmt", "terms"))
    ctx.add(scheme, RDF.type, KG.TermScheme)
    ctx.add(scheme, RDF.type, SKOS.ConceptScheme)
    ctx.add(
        scheme,
        RDFS.label,
        Literal(
            f"{ctx.meta.title or ctx.doc.id}: " + ("ұғымдар" if ctx.doc.language == "kk" else "понятия"),
            lang=ctx.doc.language,
        ),
    )
    node = URIRef(iri.term(r.term))
    ctx.add(node, RDF.type, KG.DefinedTerm)
    ctx.add(node, RDF.type, SKOS.Concept)
    ctx.label(node, r.term, pref=True)
    ctx.add(node, SKOS.definition, Literal(r.definition, lang=ctx.doc.language))
    ctx.add(node, SKOS.inScheme, scheme)
    ctx.add(node, KG.definedIn, parts.of(r.article, None, r.item, r.span))
    ctx.span(node, r.span)


def _measure(ctx: Context, parts: _Parts, r, ordinal: int) -> None:
    article = parts.article(r.article)
    node = ctx.part(("stmt", f"measure-{ordinal}"), parent=article)
    ctx.add(node, RDF.type, KG.SupportMeasure)
    ctx.label(node, r.label)
    ctx.add(node, KG.measureKind, MEASURE_KINDS.get(r.kind, KG.NonFinancialMeasure))
    if r.provider:
        ctx.add(node, KG.providedBy, URIRef(iri.role(r.provider)))
    if r.rules_approved_by:
        ctx.add(node, KG.rulesApprovedBy, URIRef(iri.role(r.rules_approved_by)))
    ctx.add(node, KG.establishedBy, parts.of(r.article, r.paragraph, r.item, r.span))
    ctx.span(node, r.span)


def _target(ctx: Context, parts: _Parts, target: str, kind: str) -> URIRef:
    """The provision of this law ("art:5/para:2") or the act a reference names."""
    if kind == "article":
        numbers = dict(seg.split(":", 1) for seg in target.split("/"))
        return parts.of(numbers["art"], numbers.get("para"), numbers.get("item"), None)
    if kind not in {"law", "code"}:  # a cross-reference's target_kind: law, code, article or other
        kind = "constitution" if re.search(kinds.get("constitution").stem, target) else "other"
    node = URIRef(iri.act(kind, name=target))
    ctx.add(node, RDF.type, act_class(kind))
    ctx.add(node, RDF.type, ELI.LegalResource)
    ctx.label(node, target)
    return node
