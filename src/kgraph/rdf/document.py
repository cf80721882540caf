"""The source document and the act it contains."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from kgraph import iri, kinds
from kgraph.rdf import Context, act_class, date_literal
from kgraph.vocab import ELI, KG, PROV


def act_iri(ctx_doc, meta) -> URIRef:
    """The act a document contains: ELI-style when its date and number are known."""
    if meta.date and meta.number:
        return URIRef(iri.act(meta.kind, meta.date, meta.number))
    return URIRef(iri.act(meta.kind, name=ctx_doc.id))


def emit(ctx: Context) -> None:
    doc, meta, act = ctx.doc, ctx.meta, ctx.act
    source = URIRef(iri.source(doc.id))
    ctx.add(source, RDF.type, KG.SourceDocument)
    ctx.add(source, DCTERMS.identifier, Literal(doc.id))
    ctx.add(source, DCTERMS.language, Literal(doc.language))
    ctx.add(source, DCTERMS.source, Literal(doc.path.name))
    ctx.add(source, KG.sourceOf, act)
    ctx.add(act, RDF.type, act_class(meta.kind))
    ctx.add(act, RDF.type, ELI.LegalResource)
    if meta.title:
        ctx.add(act, ELI.title, Literal(meta.title, lang=doc.language))
    # Without a stated title the act is labelled by kind, date and number; a
    # kind's writer may replace that label with a title found in the body.
    ctx.label(act, meta.title or fallback_label(doc.language, meta))
    if meta.date:
        ctx.add(act, ELI.date_document, date_literal(meta.date))
    if meta.number:
        ctx.add(act, ELI.number, Literal(meta.number))
    ctx.add(act, ELI.id_local, Literal(doc.id))
    ctx.add(act, PROV.wasDerivedFrom, source)
    if doc.issuer:
        ctx.add(act, ELI.passed_by, URIRef(iri.org(doc.issuer)))
    elif meta.issuer:
        ctx.add(act, ELI.passed_by, ctx.agent(meta.issuer, meta.span))
    if meta.span != (0, 0):
        ctx.span(act, meta.span)


def fallback_label(lang: str, meta) -> str:
    """Kind, date and number: "Постановление Правительства 2013-12-13 № 1331"."""
    parts = [kinds.get(meta.kind).untitled_label(lang)]
    if meta.date:
        parts.append(meta.date.isoformat())
    if meta.number:
        parts.append(f"№ {meta.number}")
    return " ".join(parts)
