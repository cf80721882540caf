"""A small graph in the shape of the data model, built from the hand-checked
golden files (tests/golden/) instead of the extractors.

It lets the analysis (and the web app's /overlaps page) be tested on real
texts and real bodies while the extractors are being written, and keeps those
tests independent of extraction errors. Spans point at the exact raw text of
data/sources/*.txt, found by matching the golden text with whitespace ignored.
Parties are resolved with `kgraph.resolve` against data/registry.yaml.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from kgraph import iri, resolve
from kgraph import registry as registry_mod
from kgraph.rdf import registry as registry_rdf
from kgraph.store import OxigraphStore
from kgraph.vocab import ELI, KG
from kgtest import GOLDEN, ROOT, SOURCES

LAW = "kz-law-industrial-innovative-support-kk"
PLANS = {  # source id -> (golden file, language, decree date, decree number)
    "kz-gov-decree-2013-1331-ru": ("kz-gov-decree-2013-1331-ru.json", "ru", dt.date(2013, 12, 13), "1331"),
    "kz-gov-decree-2013-631-kk": ("kz-gov-decree-2013-631-kk.json", "kk", dt.date(2013, 6, 19), "631"),
    "kz-gov-decree-2025-1134-ru": ("kz-gov-decree-2025-1134-ru.plan.json", "ru", dt.date(2025, 12, 24), "1134"),
}
LAW_DATE, LAW_NUMBER = dt.date(2012, 1, 9), "534-IV"


class _Finder:
    """Find a text in a raw source ignoring whitespace and case, in document order."""

    def __init__(self, raw: str):
        self.raw = raw
        self.index = [i for i, c in enumerate(raw) if not c.isspace()]
        self.flat = "".join(raw[i] for i in self.index).casefold()
        self.cursor = 0

    def find(self, text: str) -> tuple[int, int] | None:
        needle = "".join(text.split()).casefold()
        at = self.flat.find(needle, self.cursor)
        if at < 0:
            at = self.flat.find(needle)
        if at < 0 or not needle:
            return None
        self.cursor = at + len(needle)
        return self.index[at], self.index[at + len(needle) - 1] + 1


def _span(g, node: URIRef, doc: str, finder: _Finder, text: str) -> None:
    found = finder.find(text)
    if not found:
        return
    start, end = found
    s = URIRef(iri.span(doc, start, end))
    g.add((s, RDF.type, KG.SourceSpan))
    g.add((s, KG.inSource, URIRef(iri.source(doc))))
    g.add((s, KG.startOffset, Literal(start, datatype=XSD.integer)))
    g.add((s, KG.endOffset, Literal(end, datatype=XSD.integer)))
    g.add((s, KG.quote, Literal(finder.raw[start:end])))
    g.add((node, KG.sourceSpan, s))


def _source(g, doc: str, lang: str, act: URIRef) -> None:
    src = URIRef(iri.source(doc))
    g.add((src, RDF.type, KG.SourceDocument))
    g.add((src, DCTERMS.identifier, Literal(doc)))
    g.add((src, DCTERMS.language, Literal(lang)))
    g.add((src, KG.sourceOf, act))


def law_graph(ds: Dataset) -> None:
    records = json.loads((GOLDEN / f"{LAW}.json").read_text(encoding="utf-8"))["records"]
    g = ds.graph(URIRef(iri.graph(LAW)))
    law = URIRef(iri.act("law", LAW_DATE, LAW_NUMBER))
    g.add((law, RDF.type, KG.Law))
    g.add((law, RDF.type, ELI.LegalResource))
    g.add((law, ELI.date_document, Literal(LAW_DATE.isoformat(), datatype=XSD.date)))
    g.add((law, ELI.number, Literal(LAW_NUMBER)))
    _source(g, LAW, "kk", law)
    titles = {a["number"]: a["title"] for a in records.get("article", [])}
    finder = _Finder((SOURCES / f"{LAW}.txt").read_text(encoding="utf-8"))
    for c in records["competence"]:
        art = URIRef(iri.part(law, ("art", c["article"])))
        g.add((art, RDF.type, KG.Article))
        g.add((art, ELI.is_part_of, law))
        g.add((art, ELI.number, Literal(c["article"])))
        if c["article"] in titles:
            g.add((art, ELI.title, Literal(titles[c["article"]], lang="kk")))
        parent = art
        if c["paragraph"]:
            parent = URIRef(iri.part(art, ("para", c["paragraph"])))
            g.add((parent, RDF.type, KG.Paragraph))
            g.add((parent, ELI.is_part_of, art))
            g.add((parent, ELI.number, Literal(c["paragraph"])))
        if c["item"] is None:  # a power granted in a sentence: the paragraph (or article) grants it
            item = parent
            comp = URIRef(iri.part(item, ("stmt", f"competence-{c['role']}")))
        else:
            item = URIRef(iri.part(parent, ("item", c["item"])))
            g.add((item, RDF.type, KG.Item))
            g.add((item, ELI.is_part_of, parent))
            g.add((item, ELI.number, Literal(c["item"])))
            comp = URIRef(iri.part(item, ("stmt", "competence")))
        g.add((comp, RDF.type, KG.Competence))
        g.add((comp, RDFS.label, Literal(c["text"], lang="kk")))
        g.add((comp, KG.grantedTo, URIRef(iri.role(c["role"]))))
        g.add((comp, KG.grantedBy, item))
        g.add((comp, KG.residual, Literal(bool(c.get("residual")))))
        _span(g, comp, LAW, finder, c["text"])


def plan_graph(ds: Dataset, doc: str, registry) -> None:
    file, lang, date, number = PLANS[doc]
    records = json.loads((GOLDEN / file).read_text(encoding="utf-8"))["records"]
    g = ds.graph(URIRef(iri.graph(doc)))
    decree = URIRef(iri.act("decree", date, number))
    g.add((decree, RDF.type, KG.GovernmentDecree))
    g.add((decree, RDF.type, ELI.LegalResource))
    g.add((decree, ELI.date_document, Literal(date.isoformat(), datatype=XSD.date)))
    _source(g, doc, lang, decree)
    plan = URIRef(iri.part(decree, ("annex", "plan")))
    g.add((plan, RDF.type, KG.Plan))
    g.add((plan, ELI.is_part_of, decree))
    g.add((plan, RDFS.label, Literal(f"{doc} plan", lang="en")))
    glossary = {e["abbr"]: e["expansion"] for e in records.get("glossary", [])}
    for abbr, expansion in glossary.items():
        entry = URIRef(iri.glossary_entry(doc, abbr))
        g.add((entry, RDF.type, KG.GlossaryEntry))
        g.add((entry, KG.abbreviation, Literal(abbr)))
        g.add((entry, KG.expansion, Literal(expansion, lang=lang)))
        g.add((entry, KG.inGlossary, URIRef(iri.glossary(doc))))
    parties: dict[int, list[dict]] = {}
    for t in records["task"]:  # the parties of each task, the lead first
        parties[int(t["number"])] = [{**p, "position": k} for k, p in enumerate(t["parties"])]
    finder = _Finder((SOURCES / f"{doc}.txt").read_text(encoding="utf-8"))
    for t in records["task"]:
        task = URIRef(iri.part(plan, ("task", t["number"])))
        g.add((task, RDF.type, KG.Task))
        g.add((task, ELI.number, Literal(str(t["number"]))))
        g.add((task, RDFS.label, Literal(t["text"], lang=lang)))
        g.add((task, KG.inPlan, plan))
        _span(g, task, doc, finder, t["text"])
        for p in sorted(parties.get(int(t["number"]), []), key=lambda p: p["position"]):
            res = resolve.resolve(p["text"], lang, date, glossary, registry=registry)
            if res.kind == "body":
                agent = URIRef(iri.org(res.id))
            elif res.kind == "role":
                agent = URIRef(iri.role(res.id))
            elif res.kind == "group":
                agent = URIRef(iri.group(res.id))
                for m in res.members:
                    g.add((agent, KG.member, URIRef(iri.org(m))))
            else:
                agent = URIRef(iri.mention(doc, 10_000 * int(t["number"]) + p["position"]))
                g.add((agent, RDF.type, KG.UnresolvedMention))
                g.add((agent, RDFS.label, Literal(p["text"], lang=lang)))
            a = URIRef(iri.part(task, ("party", p["position"])))
            g.add((task, KG.hasAssignment, a))
            g.add((a, RDF.type, KG.Assignment))
            g.add((a, KG.assignee, agent))
            g.add((a, KG.assignmentRole, KG.LeadExecutor if p["position"] == 0 else KG.CoExecutor))
            g.add((a, KG.byAgreement, Literal(bool(p["by_agreement"]))))
            g.add((a, KG.position, Literal(int(p["position"]), datatype=XSD.integer)))


def registry_graph(ds: Dataset, registry) -> None:
    """The registry's own graph, as the build writes it."""
    ds.graph(URIRef(iri.REGISTRY_GRAPH)).__iadd__(registry_rdf.graph(registry))


def dataset() -> Dataset:
    reg = registry_mod.load(ROOT / "data" / "registry.yaml")
    ds = Dataset()
    registry_graph(ds, reg)
    law_graph(ds)
    for doc in PLANS:
        plan_graph(ds, doc, reg)
    return ds


@lru_cache(maxsize=1)
def nquads() -> bytes:
    return dataset().serialize(format="nquads").encode("utf-8")


def golden_store() -> OxigraphStore:
    """An in-memory store holding the sample graph (a fresh store per call)."""
    store = OxigraphStore()
    store.load_nquads(nquads())
    return store
