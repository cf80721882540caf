"""Records -> triples. The only place that writes RDF.

One module per document kind (`kgraph.rdf.<kind>.emit(records, ctx)`), plus
`document` (the act, its expression and its source) and `registry` (reference
data). They share the `Context` below, which mints the IRIs of the act's parts,
provenance spans, and links mentions to the bodies the resolver finds.

Writers never build part IRIs themselves: `ctx.part(("art", 5))` is a part of
the act, `ctx.part(("item", 3), parent=article)` a part of a part. The context
scopes them to the text's redaction (`kgraph.works`): the newest redaction's
parts are `<act>/art_5`, an older one's `<act>/ver_2012-01-09/art_5`.
`ctx.act` is the act (the work) itself, `ctx.root` the node the text's parts
hang from (the act, or its older redaction), `ctx.expression` the text.
Every triple goes through `ctx.add` (or `label`, `span`, `agent`): when
texts in two languages share the parts, `kgraph.rdf.alignment.Shared` puts
texts and spans in each text's graph and the rest once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kgraph import iri, kinds
from kgraph.catalog import Entry
from kgraph.rdf.alignment import Shared
from kgraph.records import DocumentMeta, Span
from kgraph.sources.plan import number_value
from kgraph.text import Normalized, collapse
from kgraph.vocab import ELI, KG, PROV

Resolver = Callable[[str, str, "dt.date | None", "dict[str, str] | None"], Any]


@dataclass
class Context:
    """What the writers of one document share."""

    doc: Entry
    raw: str
    norm: Normalized
    meta: DocumentMeta
    act: URIRef
    graph: Graph
    resolver: Resolver | None = None
    registry: Any = None  # the institution registry (kgraph.registry.Registry), when the build has one
    glossary: dict[str, str] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)
    root: URIRef | None = None  # where this text's parts hang: the act, or its older redaction (default: act)
    expression: URIRef | None = None  # this text of the act (eli:LegalExpression)
    shared: Shared | None = None  # the parts this text shares with texts in other languages

    def __post_init__(self) -> None:
        if self.root is None:
            self.root = self.act

    @property
    def date(self) -> dt.date | None:
        return self.meta.date

    def part(self, *segments: tuple[str, str | int], parent: URIRef | None = None) -> URIRef:
        """The IRI of a part of the act (`parent` None or the act) or of a part of
        `parent` (an IRI this context gave), scoped to this text's redaction."""
        base = self.root if parent is None or parent == self.act else parent
        return URIRef(iri.part(str(base), *segments))

    def add(self, s: URIRef, p: URIRef, o: Any, lang: str | None = None, datatype: URIRef | None = None) -> None:
        """Add one triple; plain Python values become literals, None is skipped."""
        if o is None:
            return
        if not isinstance(o, (URIRef, Literal)):
            if isinstance(o, str):
                o = Literal(o, lang=lang) if lang else Literal(o, datatype=datatype)
            else:
                o = Literal(o, datatype=datatype)
        self._put(s, p, o)

    def _put(self, s, p, o) -> None:
        if self.shared is not None and self.shared.covers(s):
            self.shared.add(self.graph, self.doc.id, s, p, o)
        else:
            self.graph.add((s, p, o))

    def label(self, s: URIRef, text: str | None, lang: str | None = None, pref: bool = False) -> None:
        if not text:
            return
        lit = Literal(collapse(text), lang=lang or self.doc.language)
        self._put(s, RDFS.label, lit)
        if pref:
            self._put(s, SKOS.prefLabel, lit)

    def span(self, node: URIRef, span: Span) -> URIRef:
        """Record where `node` came from: a SourceSpan over the raw text."""
        start, end = self.norm.source_span(*span)
        s = URIRef(iri.span(self.doc.id, start, end))
        g = self.graph
        if (s, RDF.type, KG.SourceSpan) not in g:
            g.add((s, RDF.type, KG.SourceSpan))
            g.add((s, KG.inSource, URIRef(iri.source(self.doc.id))))
            g.add((s, KG.startOffset, Literal(start, datatype=XSD.integer)))
            g.add((s, KG.endOffset, Literal(end, datatype=XSD.integer)))
            g.add((s, KG.quote, Literal(self.raw[start:end])))
        self._put(node, KG.sourceSpan, s)
        return s

    def agent(self, text: str, span: Span) -> URIRef:
        """The body, group or role a mention names, or an UnresolvedMention node."""
        res = self.resolver(text, self.doc.language, self.date, self.glossary) if self.resolver else None
        kind = getattr(res, "kind", "unresolved")
        if kind == "body":
            self._count("resolved")
            return URIRef(iri.org(res.id))
        if kind == "role":
            self._count("resolved")
            return URIRef(iri.role(res.id))
        if kind == "group":
            # One node per group, named as the registry names it; which bodies it covers on a
            # date follows from its members' own validity (kg:validFrom / kg:validUntil).
            self._count("resolved")
            return URIRef(iri.group(res.id))
        start, _ = self.norm.source_span(*span)
        node = URIRef(iri.mention(self.doc.id, start))
        if (node, RDF.type, KG.UnresolvedMention) not in self.graph:
            self._count("unresolved")  # a mention read twice (two records of one span) is one mention
        self.graph.add((node, RDF.type, KG.UnresolvedMention))
        self.graph.add((node, KG.mentionText, Literal(collapse(text), lang=self.doc.language)))
        self.graph.add((node, RDFS.label, Literal(collapse(text), lang=self.doc.language)))
        if res is not None and getattr(res, "reason", None):
            self.graph.add((node, KG.resolutionMethod, Literal(res.reason)))
        self.span(node, span)
        return node

    def indicator(
        self, owner: URIRef, number: str, name: str, unit: str | None, baseline: str | None, values: dict, span: Span
    ) -> URIRef:
        """A target indicator of a plan or concept, with one kg:IndicatorValue
        per year: the printed text, and the number when there is one."""
        lang = self.doc.language
        node = self.part(("ind", number), parent=owner)
        self.add(node, RDF.type, KG.Indicator)
        self.add(owner, KG.hasIndicator, node)
        self.add(node, ELI.number, Literal(str(number)))
        self.label(node, name)
        self.add(node, KG.unit, unit, lang=lang)
        self.add(node, KG.baseline, baseline, lang=lang)
        self.span(node, span)
        for year, text in values.items():
            value = self.part(("y", year), parent=node)
            self.add(node, KG.hasValue, value)
            self.add(value, RDF.type, KG.IndicatorValue)
            self.add(value, KG.year, Literal(int(year), datatype=XSD.integer))
            self.add(value, KG.valueText, text, lang=lang)
            number_found = number_value(text)
            if number_found is not None:
                self.add(value, KG.value, Literal(number_found, datatype=XSD.decimal))
            self.label(value, f"{year}: {text}")
            self.span(value, span)
        return node

    def _count(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1


def act_class(kind: str) -> URIRef:
    """The ontology class of an act of a kind (`kgraph.kinds`)."""
    return KG[kinds.get(kind).cls]


def date_literal(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


__all__ = ["PROV", "Context", "act_class", "date_literal"]
