"""Act references and amendment footnotes -> triples, for every document kind.

One node per distinct act, minted by `kgraph.iri.act`: kind + date + number
when the text gives them (ELI style), otherwise kind + the act's name, so the
same act named in two documents is one node. A national plan, strategy or
concept is named by its designation and linked `kg:approvedBy` to the decree
whose date and number the text gives ("…, утвержденный указом … №611").

Writers call:

* `emit_refs(refs, ctx, citing=None)` -- `citing eli:cites act` for every
  `kgraph.acts.ActRef`, `eli:based_on` as well for a decree's preamble basis;
  `citing` defaults to `ctx.act` (a concept annex passes its own node).
* `emit_amendments(amendments, ctx)` -- for every `kgraph.amendments.Amendment`:
  the amending act node (typed, dated, numbered), `ctx.act eli:amended_by`
  it, `it eli:amends ctx.act`, and the changed subdivision (`<act>/para_2`,
  the annex `<act>/annex_plan` / `annex_concept`) `eli:changed_by` it.
  Wiring for a decree with footnotes: `records += find_amendments(text)` in
  the parser, then `kgraph.rdf.acts.emit(records, ctx)` in its writer (which
  picks out the ActRef and Amendment records and ignores the rest).
* `link_same_acts(dataset)` -- after all documents: `owl:sameAs` between an
  undated reference and the dated node of the same act (same kind and title).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kgraph import iri, kinds
from kgraph.acts import ActRef
from kgraph.amendments import AmendingAct, Amendment
from kgraph.rdf import Context, act_class, date_literal
from kgraph.text import collapse
from kgraph.vocab import ELI, KG

CHANGE_LABELS = {
    "amended": "изменения",
    "revised": "новая редакция",
    "excluded": "исключение",
    "supplemented": "дополнение",
}


def emit(records: Iterable, ctx: Context, citing: URIRef | None = None) -> None:
    """The act references and amendment footnotes among `records`."""
    records = list(records)
    emit_refs([r for r in records if isinstance(r, ActRef)], ctx, citing)
    emit_amendments([r for r in records if isinstance(r, Amendment)], ctx)


def act_node(
    kind: str,
    date=None,
    number: str | None = None,
    name: str | None = None,
    jurisdiction: str = "KZ",
    year: int | None = None,
) -> URIRef:
    """The IRI of an act. Undated acts are named; foreign acts and undated acts
    of a known year carry the jurisdiction and year in the name."""
    if date is not None:
        return URIRef(iri.act(kind, date, number, name=None if number else name))
    label = " ".join(
        p
        for p in (
            jurisdiction if jurisdiction != "KZ" else "",
            str(year or ""),
            name or "",
            f"№ {number}" if number else "",
        )
        if p
    )
    return URIRef(iri.act(kind, name=label or "unnamed"))


def ref_node(r: ActRef) -> URIRef:
    if kinds.get(r.kind).named and (r.name or r.title):
        return act_node(r.kind, name=r.title or r.name, jurisdiction=r.jurisdiction)
    if r.date is None:
        return act_node(r.kind, None, r.number, r.title or r.name or collapse(r.text), r.jurisdiction, r.year)
    return act_node(r.kind, r.date, r.number, r.title or r.name, r.jurisdiction)


def _describe(node: URIRef, kind: str, ctx: Context, date=None, number=None, title=None, label=None) -> None:
    lang = ctx.doc.language
    ctx.add(node, RDF.type, act_class(kind))
    ctx.add(node, RDF.type, ELI.LegalResource)
    if date is not None:
        ctx.add(node, ELI.date_document, date_literal(date))
    if number:
        ctx.add(node, ELI.number, Literal(number))
    if title:
        ctx.add(node, ELI.title, Literal(title, lang=lang))
    if label and (node, RDFS.label, None) not in ctx.graph:
        ctx.label(node, label)


def emit_refs(refs: list[ActRef], ctx: Context, citing: URIRef | None = None) -> None:
    citing = citing or ctx.act
    for r in refs:
        node = ref_node(r)
        if node in {citing, ctx.act}:
            continue  # the document's own act (an approval stamp)
        if kinds.get(r.kind).named and r.approver and (r.date or r.number):
            _describe(node, r.kind, ctx, title=r.title, label=r.title or r.name)
            approver = act_node(r.approver, r.date, r.number)
            _describe(approver, r.approver, ctx, r.date, r.number, label=_fallback_label(r.approver, r.date, r.number))
            ctx.add(node, KG.approvedBy, approver)
        else:
            _describe(node, r.kind, ctx, r.date, r.number, r.title, _label(r))
        for alias in r.aliases:
            ctx.add(node, ELI.title_short, Literal(alias, lang=ctx.doc.language))
        ctx.add(citing, ELI.cites, node)
        if r.basis:
            ctx.add(citing, ELI.based_on, node)
        ctx.span(node, r.span)


def describe_ref(r: ActRef, ctx: Context) -> URIRef:
    """The node of the act a reference names, typed and labelled (not cited: e.g. the draft
    act a plan task makes)."""
    node = ref_node(r)
    _describe(node, r.kind, ctx, r.date, r.number, r.title, _label(r))
    ctx.span(node, r.span)
    return node


def _label(r: ActRef) -> str:
    base = r.name or (f"{kinds.get(r.kind).label.ru} «{r.title}»" if r.title else None)
    if base is None:
        return collapse(r.text)
    extra = " ".join(p for p in (f"от {r.date:%d.%m.%Y}" if r.date else "", f"№ {r.number}" if r.number else "") if p)
    return f"{base} {extra}".strip()


def _fallback_label(kind: str, date, number) -> str:
    parts = [kinds.get(kind).label.ru]
    if date:
        parts.append(f"от {date:%d.%m.%Y}")
    if number:
        parts.append(f"№ {number}")
    return " ".join(parts)


def target_node(a: Amendment, ctx: Context) -> URIRef:
    """The subdivision a footnote changed: <act>/para_N[/item_M], an annex, or the act."""
    if a.scope == "part" and a.target:
        return ctx.part(*a.target)
    if a.scope == "annex":
        words = a.target_text.lower()
        for annex in kinds.annexes():
            if re.search(annex.stem, words):
                return ctx.part(("annex", annex.name))
    return ctx.act


def describe_amending(node: URIRef, act: AmendingAct, ctx: Context) -> None:
    """Type, date, number and label of an amending act's node."""
    _describe(node, act.kind, ctx, act.date, act.number, label=_fallback_label(act.kind, act.date, act.number))


def emit_amendments(amendments: list[Amendment], ctx: Context) -> None:
    for a in amendments:
        target = target_node(a, ctx)
        for act in a.acts:
            node = amending_node(act)
            describe_amending(node, act, ctx)
            ctx.add(ctx.act, ELI.amended_by, node)
            ctx.add(node, ELI.amends, ctx.act)
            if target != ctx.act:
                ctx.add(target, ELI.changed_by, node)
            ctx.span(node, a.span)


def amending_node(act: AmendingAct) -> URIRef:
    if act.date is None:
        return act_node(act.kind, None, act.number, name="amending act")
    return act_node(act.kind, act.date, act.number)


def link_same_acts(ds: Dataset, graph: URIRef | None = None) -> int:
    """`owl:sameAs` from an undated act node to the dated node of the same act
    (same class and eli:title; the year in the undated node's name, if any,
    must be the dated node's year), across all documents. The links go into
    `graph` (default: the undated node's own document graph). Returns their number."""
    titled: dict[tuple, list[tuple[URIRef, object, object]]] = {}
    for g in ds.graphs():
        for node, title in g.subject_objects(ELI.title):
            for cls in g.objects(node, RDF.type):
                if cls != ELI.LegalResource:
                    titled.setdefault((cls, str(title).casefold()), []).append(
                        (node, g.value(node, ELI.date_document), g)
                    )
    added = 0
    for entries in titled.values():
        dated = sorted({(n, str(d)) for n, d, _ in entries if d is not None})
        for node, date, g in entries:
            if date is not None:
                continue
            year = _year_of(node)
            matches = [n for n, d in dated if year is None or d.startswith(str(year))]
            if len(matches) == 1:
                (ds.graph(graph) if graph else g).add((node, OWL.sameAs, matches[0]))
                added += 1
    return added


def _year_of(node: URIRef) -> int | None:
    head = str(node).rsplit("/", 1)[-1].split("-", 1)[0]
    return int(head) if head.isdigit() and len(head) == 4 else None


__all__ = ["act_node", "describe_amending", "emit", "emit_amendments", "emit_refs", "link_same_acts", "ref_node"]
