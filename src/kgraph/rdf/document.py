"""The act (work), this text of it (expression), its redaction and its source document.

For every catalogued document (MODEL in CONTRIBUTING.md):

* the act, `eli:LegalResource` of its kind's class: kind, date, number, title
  and label per language, the issuer; from a corpus folder also the portal's
  act code (`kg:portalCode`) and the act that made this version
  (`eli:amended_by`, described with its date, number and title);
* the expression, `eli:LegalExpression`: `eli:realizes` the act, its language
  (`eli:language`, the EU language authority's IRI, and `dcterms:language`),
  `eli:version_date` when known, its title, the portal page it is published on
  (`eli:is_embodied_by`), the act that made the version (`eli:consolidates`),
  and `prov:wasDerivedFrom` its source document;
* an older redaction's node (`kg:Redaction`, `kg:redactionOf` the act) when
  the text's parts are scoped under one (`kgraph.works`);
* the source document: identifier, language, the original file's name, format
  and SHA-256;
* when the act is in force, as its text and meta.yaml's requisite state it
  (`kgraph.inforce`, written by `kgraph.rdf.inforce`).
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from kgraph import inforce, iri, kinds
from kgraph.lang import detect_lang
from kgraph.rdf import Context, act_class, date_literal
from kgraph.rdf import inforce as inforce_rdf
from kgraph.sources.metadata import requisite  # meta.yaml's caused_by: the same reader as the text's
from kgraph.vocab import ELI, KG, PROV

# The EU Publications Office's language authority (what eli:language points to).
LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language/"
LANGUAGE_CODES = {"ru": "RUS", "kk": "KAZ", "en": "ENG"}
REDACTION_WORD = {"ru": "редакция", "kk": "редакциясы", "en": "redaction"}


def _issuer(ctx: Context, meta) -> URIRef:
    """The body that passed the act: the one the text names (`ctx.agent`); when that name does not
    resolve («Облыс Әкiмi», the akim of a region the signature leaves unnamed), the one meta.yaml's
    requisite names, if it resolves («акима Алматинской области»)."""
    portal = ctx.doc.portal
    if ctx.resolver and portal is not None and portal.requisite:
        own = ctx.resolver(meta.issuer, ctx.doc.language, ctx.date, ctx.glossary)
        req = requisite(portal.requisite)
        if getattr(own, "kind", "unresolved") == "unresolved" and req is not None and req.issuer:
            other = ctx.resolver(req.issuer, detect_lang(portal.requisite), ctx.date, ctx.glossary)
            if getattr(other, "kind", "unresolved") == "body":
                return URIRef(iri.org(other.id))
    return ctx.agent(meta.issuer, meta.span)


def act_iri(ctx_doc, meta) -> URIRef:
    """The act a document contains: ELI-style when its date and number are known."""
    if meta.date and meta.number:
        return URIRef(iri.act(meta.kind, meta.date, meta.number))
    return URIRef(iri.act(meta.kind, name=ctx_doc.id))


def emit(ctx: Context, source_info=None, version_date=None) -> None:
    """The act, the expression, the redaction node and the source document of `ctx`'s text."""
    doc, meta, act = ctx.doc, ctx.meta, ctx.act
    source = URIRef(iri.source(doc.id))
    ctx.add(source, RDF.type, KG.SourceDocument)
    ctx.add(source, DCTERMS.identifier, Literal(doc.id))
    ctx.add(source, DCTERMS.language, Literal(doc.language))
    ctx.add(source, DCTERMS.source, Literal(source_info.name if source_info else doc.path.name))
    if source_info is not None:
        ctx.add(source, DCTERMS.format, Literal(source_info.media_type))
        ctx.add(source, KG.sha256, Literal(source_info.sha256))
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
        ctx.add(act, ELI.passed_by, _issuer(ctx, meta))
    if meta.span != (0, 0):
        ctx.span(act, meta.span)
    _expression(ctx, source, version_date)
    if ctx.root != act:
        _redaction(ctx, version_date)
    if doc.portal is not None:
        _portal(ctx, doc.portal)
    # When the act is in force: its own clause and the portal's notes (the text's head, meta.yaml's requisite)
    force = inforce.read(ctx.norm.text)
    if doc.portal is not None and doc.portal.requisite and not any(isinstance(r, inforce.EndOfForce) for r in force):
        force += [e for e in [inforce.read_requisite(doc.portal.requisite)] if e is not None]
    inforce_rdf.emit(force, ctx)


def _expression(ctx: Context, source: URIRef, version_date) -> None:
    expr, lang = ctx.expression, ctx.doc.language
    if expr is None:
        return
    ctx.add(expr, RDF.type, ELI.LegalExpression)
    ctx.add(expr, ELI.realizes, ctx.act)
    ctx.add(ctx.act, ELI.is_realized_by, expr)
    if lang in LANGUAGE_CODES:
        ctx.add(expr, ELI.language, URIRef(LANGUAGE_AUTHORITY + LANGUAGE_CODES[lang]))
    ctx.add(expr, DCTERMS.language, Literal(lang))
    if version_date is not None:
        ctx.add(expr, ELI.version_date, date_literal(version_date))
    if ctx.meta.title:
        ctx.add(expr, ELI.title, Literal(ctx.meta.title, lang=lang))
    label = ctx.meta.title or fallback_label(lang, ctx.meta)
    when = f", {REDACTION_WORD.get(lang, 'redaction')} {version_date.isoformat()}" if version_date else ""
    ctx.add(expr, RDFS.label, Literal(f"{label} ({lang}{when})", lang=lang))
    ctx.add(expr, PROV.wasDerivedFrom, source)


def _redaction(ctx: Context, version_date) -> None:
    root, lang = ctx.root, ctx.doc.language
    ctx.add(root, RDF.type, KG.Redaction)
    ctx.add(root, RDF.type, ELI.LegalResource)
    ctx.add(root, KG.redactionOf, ctx.act)
    when = version_date.isoformat() if version_date else "?"
    ctx.add(
        root, RDFS.label, Literal(f"{fallback_label(lang, ctx.meta)} ({REDACTION_WORD.get(lang)} {when})", lang=lang)
    )
    if version_date is not None:
        ctx.add(root, ELI.version_date, date_literal(version_date))


def _portal(ctx: Context, portal) -> None:
    """What meta.yaml adds: the portal's act code and page, and the act that made this version."""
    lang = ctx.doc.language
    if portal.act_code:
        ctx.add(ctx.act, KG.portalCode, Literal(portal.act_code, datatype=XSD.string))
    url = portal.source.get(lang)
    if url and ctx.expression is not None:
        ctx.add(ctx.expression, ELI.is_embodied_by, URIRef(url.replace(" ", "%20")))
    caused = portal.caused_by
    if caused is None or not caused.requisite:
        return
    req = requisite(caused.requisite)
    if req is None or not (req.date and req.number):
        return
    node = URIRef(iri.act(req.kind, req.date, req.number))
    ctx.add(node, RDF.type, act_class(req.kind))
    ctx.add(node, RDF.type, ELI.LegalResource)
    ctx.add(node, ELI.date_document, date_literal(req.date))
    ctx.add(node, ELI.number, Literal(req.number))
    title = caused.title.get(lang)
    if title:
        ctx.add(node, ELI.title, Literal(title, lang=lang))
    ctx.label(node, title or fallback_label(lang, req))
    if caused.code:
        ctx.add(node, KG.portalCode, Literal(caused.code, datatype=XSD.string))
    ctx.add(ctx.act, ELI.amended_by, node)
    ctx.add(node, ELI.amends, ctx.act)
    if ctx.expression is not None:
        ctx.add(ctx.expression, ELI.consolidates, node)


def fallback_label(lang: str, meta) -> str:
    """Kind, date and number: "Постановление Правительства 2013-12-13 № 1331"."""
    parts = [kinds.get(meta.kind).untitled_label(lang)]
    if meta.date:
        parts.append(meta.date.isoformat())
    if meta.number:
        parts.append(f"№ {meta.number}")
    return " ".join(parts)
