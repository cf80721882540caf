"""The institution registry (reference data) as triples: W3C ORG bodies,
succession events, legal roles with dated tenures, collective groups."""

from __future__ import annotations

import datetime as dt

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS, XSD

from kgraph import iri
from kgraph.registry import Registry
from kgraph.vocab import KG, ontology_graph

CHANGE_KINDS = {
    "renaming": KG.Renaming,
    "merger": KG.Merger,
    "split": KG.Split,
    "transfer": KG.Transfer,
    "establishment": KG.Establishment,
    "abolition": KG.Abolition,
}


def _date(d: dt.date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _names(g: Graph, node: URIRef, names) -> None:
    for lang, name in names.items():
        g.add((node, SKOS.prefLabel, Literal(name, lang=lang)))
        g.add((node, RDFS.label, Literal(name, lang=lang)))


def graph(reg: Registry, today: dt.date | None = None) -> Graph:
    today = today or dt.date.today()
    g = Graph(identifier=URIRef(iri.REGISTRY_GRAPH))  # the build's registry graph, as it is named there
    for b in reg.bodies:
        node = URIRef(iri.org(b.id))
        g.add((node, RDF.type, KG[b.type]))
        g.add((node, DCTERMS.identifier, Literal(b.id)))
        _names(g, node, b.names)
        for a in b.abbreviations:
            g.add((node, SKOS.altLabel, Literal(a.text, lang=a.lang)))
            g.add((node, KG.abbreviation, Literal(a.text)))
        for v in b.variants:
            g.add((node, SKOS.hiddenLabel, Literal(v)))
        if b.parent:
            g.add((node, ORG.subOrganizationOf, URIRef(iri.org(b.parent))))
        if b.valid_from:
            g.add((node, KG.validFrom, _date(b.valid_from)))
        if b.valid_until:
            g.add((node, KG.validUntil, _date(b.valid_until)))
        if b.source_note:
            g.add((node, DCTERMS.source, Literal(b.source_note, lang="en")))
    onto = ontology_graph()  # the labels of the kinds of change
    for e in reg.events:
        node = URIRef(iri.event(e.id))
        g.add((node, RDF.type, ORG.ChangeEvent))
        g.add((node, KG.changeKind, CHANGE_KINDS[e.kind]))
        if e.date:
            g.add((node, DCTERMS.date, _date(e.date)))
        if e.note:
            g.add((node, RDFS.comment, Literal(e.note, lang="en")))
        g.add(
            (
                node,
                RDFS.label,
                Literal(f"{e.kind}: {', '.join(e.from_ids) or '—'} → {', '.join(e.to_ids) or '—'}", lang="en"),
            )
        )
        for lang in ("ru", "kk"):  # "слияние: МИНТ → МИР": the kind's label, the bodies' abbreviations
            word = next((str(x) for x in onto.objects(CHANGE_KINDS[e.kind], RDFS.label) if x.language == lang), e.kind)
            sides = [", ".join(_short(reg, b, lang) for b in ids) or "—" for ids in (e.from_ids, e.to_ids)]
            g.add((node, RDFS.label, Literal(f"{word.lower()}: {sides[0]} → {sides[1]}", lang=lang)))
        for src in e.from_ids:
            g.add((node, ORG.originalOrganization, URIRef(iri.org(src))))
            g.add((URIRef(iri.org(src)), ORG.changedBy, node))
        for dst in e.to_ids:
            g.add((node, ORG.resultingOrganization, URIRef(iri.org(dst))))
            g.add((URIRef(iri.org(dst)), ORG.resultedFrom, node))
    for r in reg.roles:
        node = URIRef(iri.role(r.id))
        g.add((node, RDF.type, KG.LegalRole))
        _names(g, node, r.names)
        for v in r.variants:
            g.add((node, SKOS.hiddenLabel, Literal(v)))
        if r.defined_in:
            g.add((node, DCTERMS.source, Literal(r.defined_in, lang="en")))
        for h in r.holders:
            _tenure(g, node, r.id, _holder(reg, h.body), h.body, h.valid_from, h.valid_until, h.note)
        if r.group and not r.holders:
            # A role the law gives to a whole class of bodies ("local executive
            # bodies") is held by the collective group of those bodies.
            _tenure(g, node, r.id, URIRef(iri.group(r.group)), r.group)
            g.add((node, ORG.heldBy, URIRef(iri.group(r.group))))
        current = reg.holder(r.id, today)
        if current:
            g.add((node, ORG.heldBy, _holder(reg, current)))
    for grp in reg.groups:
        node = URIRef(iri.group(grp.id))
        g.add((node, RDF.type, KG.CollectiveGroup))
        _names(g, node, grp.names)
        for p in grp.patterns:
            g.add((node, SKOS.hiddenLabel, Literal(p)))
        if grp.note:
            g.add((node, RDFS.comment, Literal(grp.note, lang="en")))
        for member in reg.members(grp.id, None):  # every body the group ever covered, dated by its validity
            g.add((node, KG.member, URIRef(iri.org(member))))
    return g


def _short(reg: Registry, body_id: str, lang: str) -> str:
    """A body's abbreviation in `lang` (its name, its id when it has none)."""
    body = next((b for b in reg.bodies if b.id == body_id), None)
    if body is None:
        return body_id
    return next((a.text for a in body.abbreviations if a.lang == lang), None) or body.names.get(lang) or body_id


def _tenure(
    g: Graph,
    role_node: URIRef,
    role_id: str,
    holder: URIRef,
    holder_id: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    note: str = "",
) -> None:
    """One dated holding of a legal role (kg:RoleTenure)."""
    t = URIRef(iri.tenure(role_id, holder_id, start))
    g.add((t, RDF.type, KG.RoleTenure))
    g.add((t, KG.roleOf, role_node))
    g.add((t, KG.holder, holder))
    g.add((t, RDFS.label, Literal(f"{role_id} held by {holder_id}", lang="en")))
    if start:
        g.add((t, KG.validFrom, _date(start)))
    if end:
        g.add((t, KG.validUntil, _date(end)))
    if note:
        g.add((t, RDFS.comment, Literal(note, lang="en")))


def _holder(reg: Registry, ident: str) -> URIRef:
    """A role holder: a collective group or a body of the registry."""
    return URIRef(iri.group(ident)) if _is_group(reg, ident) else URIRef(iri.org(ident))


def _is_group(reg: Registry, ident: str) -> bool:
    try:
        reg.group(ident)
        return True
    except KeyError:
        return False
