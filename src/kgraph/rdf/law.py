"""Law records -> triples: ELI-style subdivisions, defined terms, competences,
national operators, support measures, amendments, cross-references and the repeal.

Subdivision IRIs nest as the law numbers them: chapters and articles under
the act (articles are numbered through the law), paragraphs under their
article, items under their paragraph or, if the article has no numbered
paragraphs, under the article. Structurally an article is part of its chapter.
An excluded subdivision keeps its node: `kg:excluded true`, `eli:repealed_by`
the act its note names. A competence hangs from the subdivision that grants it
(`<item>/stmt_competence`; a power granted in a sentence,
`<paragraph>/stmt_competence-<role>`): one node for the act, with its text per
language when texts of one redaction share the parts (`kgraph.rdf.Context`).
Roles (grantedTo, providedBy, rulesApprovedBy): the registry's role when it
knows the slug, else what the resolver finds for the role as the law writes
it, else a role node minted from the law's own wording (`kg:LegalRole`,
labelled as written, `kg:resolutionMethod` "minted").
"""

from __future__ import annotations

import datetime as dt
import re

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kgraph import iri, kinds
from kgraph.amendments import AmendingAct, acts_in
from kgraph.dates import find_dates
from kgraph.lang import UNITS
from kgraph.rdf import Context, act_class, date_literal
from kgraph.rdf import acts as acts_rdf
from kgraph.sources import law as law_src
from kgraph.sources import law_structure
from kgraph.vocab import ELI, KG

# The word a label shows for a subdivision printed as excluded.
EXCLUDED_WORD = {"ru": "исключена", "kk": "алып тасталды"}
# kg:resolutionMethod of a role node minted from the law's wording.
MINTED = "minted from the law's wording: not in the registry"

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
    parts = _Parts(ctx, records)
    grantees = _Grantees(ctx)
    shared = _shared_grantors(records)
    measures_in: dict[tuple, int] = {}
    for r in records:
        if isinstance(r, law_structure.Chapter):
            node = parts.chapter(r.number)
            _subdivision(ctx, node, KG.Chapter, ctx.root, r.number, r.span)
            _heading(ctx, node, "chapter", r.number, r.title)
            _excluded(ctx, node, r.excluded, "")
        elif isinstance(r, law_structure.Article):
            node = parts.article(r.number)
            _subdivision(ctx, node, KG.Article, parts.parent_of_article(r.number), r.number, r.span)
            _heading(ctx, node, "article", r.number, r.title)
            _excluded(ctx, node, r.excluded, "")
        elif isinstance(r, law_structure.Paragraph):
            node = parts.paragraph(r.article, r.number)
            _subdivision(ctx, node, KG.Paragraph, parts.article(r.article), r.number, r.span)
            ctx.label(node, f"{r.number}. {r.text}" if r.text else r.number)
            _excluded(ctx, node, r.excluded, r.text)
        elif isinstance(r, law_structure.Item):
            node = parts.item(r.article, r.paragraph, r.segment)
            parent = parts.paragraph(r.article, r.paragraph) if r.paragraph else parts.article(r.article)
            _subdivision(ctx, node, KG.Item, parent, r.number, r.span)
            ctx.label(node, f"{r.number}) {r.text}")
            _excluded(ctx, node, r.excluded, r.text)
            if r.pending and (found := find_dates(r.text)):
                ctx.add(node, ELI.first_date_entry_in_force, date_literal(found[0][0]))
        elif isinstance(r, law_src.Definition):
            _definition(ctx, parts, r)
        elif isinstance(r, law_src.Competence):
            grantor = parts.of(r.article, r.paragraph, r.item, r.span)
            grantee = grantees.of(r.role, r.body)
            # the body it is granted to as the registry knows it, so that both languages name one node
            role = str(grantee).rstrip("/").rsplit("/", 1)[-1]
            own = r.item is not None and not shared.get((r.article, r.paragraph, r.item))
            node = ctx.part(("stmt", "competence" if own else f"competence-{role}"), parent=grantor)
            ctx.add(node, RDF.type, KG.Competence)
            ctx.add(node, KG.grantedTo, grantee)
            ctx.add(node, KG.grantedBy, grantor)
            ctx.add(node, KG.residual, Literal(r.residual))
            ctx.label(node, r.text)
            ctx.span(node, r.span)
        elif isinstance(r, law_src.Operator):
            ctx.add(grantees.of(r.role, r.body or r.role or ""), KG.definedBy, parts.of(r.article, r.paragraph))
        elif isinstance(r, law_src.LawAmendment):
            _amendment(ctx, parts, r)
        elif isinstance(r, law_src.Measure):
            unit = (r.article, r.paragraph, r.item)  # its establishing unit, the same in both languages
            measures_in[unit] = measures_in.get(unit, 0) + 1
            _measure(ctx, parts, r, measures_in[unit])
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


def _shared_grantors(records: list) -> dict[tuple, bool]:
    """Items that grant more than one competence (their nodes then carry the role)."""
    count: dict[tuple, int] = {}
    for r in records:
        if isinstance(r, law_src.Competence) and r.item is not None:
            key = (r.article, r.paragraph, r.item)
            count[key] = count.get(key, 0) + 1
    return {k: n > 1 for k, n in count.items()}


def _heading(ctx: Context, node: URIRef, unit: str, number: str, title: str | None) -> None:
    lang = ctx.doc.language
    if title:
        ctx.add(node, ELI.title, Literal(title, lang=lang))
    shown = title or f"({EXCLUDED_WORD.get(lang, EXCLUDED_WORD['ru'])})"
    ctx.label(node, f"{UNITS[unit].label(number, lang)}. {shown}")


def _excluded(ctx: Context, node: URIRef, excluded: bool, note: str) -> None:
    """An excluded subdivision: flagged, and repealed by the act its note names."""
    if not excluded:
        return
    ctx.add(node, KG.excluded, Literal(True))
    for act in acts_in(note):
        if act.date or act.number:
            ctx.add(node, ELI.repealed_by, _amending(ctx, act))


def _amending(ctx: Context, act: AmendingAct) -> URIRef:
    node = acts_rdf.amending_node(act)
    acts_rdf.describe_amending(node, act, ctx)
    return node


def _amendment(ctx: Context, parts: _Parts, r) -> None:
    """An amendment footnote's act: it amends the act and changed the subdivision the footnote names;
    the portal's note that the act lost force: it repealed the act."""
    act = _amending(ctx, AmendingAct(r.act_kind, _date(r.act_date), r.act_number))
    if r.effect == "repeal":
        ctx.add(ctx.act, ELI.repealed_by, act)
        ctx.add(act, ELI.repeals, ctx.act)
    else:
        ctx.add(ctx.act, ELI.amended_by, act)
        ctx.add(act, ELI.amends, ctx.act)
        if r.article is not None:
            ctx.add(parts.of(r.article, r.paragraph, r.item), ELI.changed_by, act)
    ctx.span(act, r.span)


def _date(iso: str | None):
    return dt.date.fromisoformat(iso) if iso else None


class _Grantees:
    """The node a competence is granted to (see the module docstring)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        reg = ctx.registry
        self.roles = {r.id for r in reg.roles} if reg is not None else set()
        self.done: dict[tuple, URIRef] = {}

    def of(self, role: str | None, body: str) -> URIRef:
        key = (role, body)
        if key not in self.done:
            self.done[key] = self._find(role, body)
        return self.done[key]

    def _find(self, role: str | None, body: str) -> URIRef:
        ctx = self.ctx
        if role in self.roles:
            return URIRef(iri.role(role))
        res = ctx.resolver(body, ctx.doc.language, ctx.date, ctx.glossary) if ctx.resolver and body else None
        kind = getattr(res, "kind", "unresolved")
        if kind in ("body", "role", "group"):
            return URIRef({"body": iri.org, "role": iri.role, "group": iri.group}[kind](res.id))
        node = URIRef(iri.role(role or iri.slug(body)))
        ctx.add(node, RDF.type, KG.LegalRole)
        ctx.label(node, body)
        ctx.add(node, KG.resolutionMethod, Literal(MINTED))
        return node


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
    unit = parts.of(r.article, r.paragraph, r.item, r.span)
    node = ctx.part(("stmt", f"measure-{ordinal}"), parent=unit)
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
