"""When acts are in force (kgraph.inforce records) -> triples, and the repeals across the corpus.

* `emit(records, ctx)`, for every document: its act's entry into force
  (`kg:entryIntoForceNote`, the clause as written; `eli:first_date_entry_in_force` when the
  text gives the day: a stated date, or the act's own date for «со дня подписания»); the note
  that it lost force (`kg:endOfForceNote`; `eli:repealed_by` the act that ended it, which
  `eli:repeals` it; `eli:date_no_longer_in_force` when the note gives the day, or the ending
  act's date for «со дня его подписания»); and the acts it declares no longer in force
  (`eli:repeals`, cited as any reference; their `eli:date_no_longer_in_force` is this act's
  entry into force when the day is known).
* `link_repeals(dataset)`, after all documents: a repeal names its act by kind, date and title,
  often without the number («Закон Республики Казахстан от 31 октября 2015 года «О
  коммерциализации …»»), so its node is not the act's own; when exactly one act of the corpus
  (one with a text: `eli:is_realized_by`) has that class and date (and the number or title when
  both say one), the repeal is stated of that act too.
"""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kgraph import iri, kinds
from kgraph.inforce import EndOfForce, EntryIntoForce, RepealOf
from kgraph.lang import fold_words, repair_homoglyphs
from kgraph.rdf import Context, act_class, date_literal
from kgraph.rdf import acts as acts_rdf
from kgraph.vocab import ELI, KG


def emit(records, ctx: Context) -> None:
    act, lang = ctx.act, ctx.doc.language
    for r in records:
        if isinstance(r, EntryIntoForce):
            ctx.add(act, KG.entryIntoForceNote, Literal(repair_homoglyphs(r.text), lang=lang))
            day = r.date or (ctx.meta.date if r.on_signing else None)
            if day is not None:
                ctx.add(act, ELI.first_date_entry_in_force, date_literal(day))
        elif isinstance(r, EndOfForce):
            ctx.add(act, KG.endOfForceNote, Literal(repair_homoglyphs(r.text), lang=lang))
            day = r.date
            if r.act is not None:
                node = acts_rdf.amending_node(r.act)
                _describe(ctx, node, r.act)
                ctx.add(act, ELI.repealed_by, node)
                ctx.add(node, ELI.repeals, act)
                if r.span != (0, 0):
                    ctx.span(node, r.span)
                if day is None and r.on_signing:
                    day = r.act.date
            if day is not None:
                ctx.add(act, ELI.date_no_longer_in_force, date_literal(day))
    entry = next((r for r in records if isinstance(r, EntryIntoForce)), None)
    entry_day = (entry.date or (ctx.meta.date if entry.on_signing else None)) if entry else None
    repealed = [r for r in records if isinstance(r, RepealOf)]
    acts_rdf.emit_refs([r.ref for r in repealed], ctx)
    for r in repealed:
        node = acts_rdf.ref_node(r.ref)
        if node == act:
            continue
        ctx.add(act, ELI.repeals, node)
        ctx.add(node, ELI.repealed_by, act)
        if entry_day is not None:
            ctx.add(node, ELI.date_no_longer_in_force, date_literal(entry_day))


def _describe(ctx: Context, node: URIRef, a) -> None:
    """The ending act: its class, date, number and a label from them (a title may come from
    another document, e.g. meta.yaml's caused_by)."""
    ctx.add(node, RDF.type, act_class(a.kind))
    ctx.add(node, RDF.type, ELI.LegalResource)
    if a.date is not None:
        ctx.add(node, ELI.date_document, date_literal(a.date))
    if a.number:
        ctx.add(node, ELI.number, Literal(a.number))
    if (node, RDFS.label, None) not in ctx.graph:  # meta.yaml's caused_by may have titled it
        lang = ctx.doc.language
        words = [
            kinds.get(a.kind).untitled_label(lang),
            a.date.isoformat() if a.date else "",
            f"№ {a.number}" if a.number else "",
        ]
        ctx.label(node, " ".join(w for w in words if w))


def link_repeals(ds: Dataset) -> int:
    """Repeals of acts named without their number, stated of the corpus act they name (see the
    module docstring). Returns the number of acts linked."""
    corpus: dict[tuple[str, str], list[tuple[URIRef, str | None, set[str]]]] = {}
    for g in ds.graphs():
        for work in set(g.subjects(ELI.is_realized_by, None)):
            for cls in g.objects(work, RDF.type):
                for date in g.objects(work, ELI.date_document):
                    number = g.value(work, ELI.number)
                    titles = {fold_words(str(t)) for t in g.objects(work, ELI.title)}
                    corpus.setdefault((str(cls), str(date)), []).append((work, str(number) if number else None, titles))
    merged: dict[tuple[str, str], dict[URIRef, tuple[str | None, set[str]]]] = {}
    for key, entries in corpus.items():
        for work, number, titles in entries:
            old = merged.setdefault(key, {}).get(work, (None, set()))
            merged[key][work] = (number or old[0], titles | old[1])
    works = {w for entries in merged.values() for w in entries}
    linked = 0
    for g in list(ds.graphs()):
        for repealer, named in list(g.subject_objects(ELI.repeals)):
            if named in works:
                continue
            found = _corpus_act(g, named, merged)
            if found is None or found == repealer:
                continue
            g.add((repealer, ELI.repeals, found))
            g.add((found, ELI.repealed_by, repealer))
            for day in g.objects(named, ELI.date_no_longer_in_force):
                g.add((found, ELI.date_no_longer_in_force, day))
            linked += 1
    return linked


def _corpus_act(g, named: URIRef, corpus: dict) -> URIRef | None:
    date = g.value(named, ELI.date_document)
    if date is None or date.datatype != XSD.date:
        return None
    number = g.value(named, ELI.number)
    titles = {fold_words(str(t)) for t in g.objects(named, ELI.title)}
    candidates = []
    for cls in g.objects(named, RDF.type):
        for work, (num, work_titles) in corpus.get((str(cls), str(date)), {}).items():
            if number is not None and num is not None and str(number) != num:
                continue
            if titles and work_titles and not titles & work_titles:
                continue
            candidates.append(work)
    found = set(candidates)
    return next(iter(found)) if len(found) == 1 and str(next(iter(found))).startswith(iri.BASE) else None


__all__ = ["emit", "link_repeals"]
