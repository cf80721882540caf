"""Decree clauses -> triples: one kg:Instruction per clause (or item).

IRIs: <act>/para_N, or <act>/para_N/item_M for an item of a clause; each
addressee is a kg:Assignment <instruction>/party_K (position K in the order
written; the first is marked kg:LeadExecutor, as for plan tasks). The body a
report goes to is kg:recipient, the printed schedule kg:schedule, and a
schedule naming a frequency ("раз в полугодие", "жылына екі рет") also gives
kg:recurrence. Amendment records found in the same text go to `kgraph.rdf.acts`.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kgraph.deadlines import recurrence_of
from kgraph.rdf import Context, acts
from kgraph.rdf.plan import RECURRENCES, assignment
from kgraph.records import Mention
from kgraph.sources.decree import Clause
from kgraph.vocab import ELI, KG

KINDS = {
    "execute": KG.Execute,
    "report": KG.Report,
    "control": KG.Control,
    "approve": KG.Approve,
    "other": KG.OtherInstruction,
}


def emit(records: list, ctx: Context) -> None:
    clauses = [r for r in records if isinstance(r, Clause)]
    for c in clauses:
        instruction(c, ctx)
    others = [r for r in records if not isinstance(r, Clause)]
    if others:
        acts.emit(others, ctx)


def instruction_iri(ctx: Context, number: int, item: int | None) -> URIRef:
    segments = [("para", number)] + ([("item", item)] if item is not None else [])
    return ctx.part(*segments)


def instruction(c, ctx: Context) -> URIRef:
    lang = ctx.doc.language
    node = instruction_iri(ctx, c.number, c.item)
    ctx.add(node, RDF.type, KG.Instruction)
    ctx.add(node, ELI.is_part_of, ctx.root)
    ctx.add(node, ELI.number, Literal(str(c.number) if c.item is None else f"{c.number}.{c.item}"))
    ctx.label(node, c.text)
    ctx.add(node, KG.instructionKind, KINDS.get(c.kind, KG.OtherInstruction))
    ctx.span(node, c.span)
    spans = list(c.addressee_spans) or [c.span] * len(c.addressees)
    flags = list(c.addressee_by_agreement) or [False] * len(c.addressees)
    for position, (text, span, flag) in enumerate(zip(c.addressees, spans, flags)):
        assignment(node, position, Mention(text, span, flag), ctx)
    if c.recipient:
        ctx.add(node, KG.recipient, ctx.agent(c.recipient, c.recipient_span or c.span))
    if c.schedule:
        ctx.add(node, KG.schedule, c.schedule, lang=lang)
        ctx.add(node, KG.recurrence, RECURRENCES.get(recurrence_of(c.schedule) or ""))
    return node
