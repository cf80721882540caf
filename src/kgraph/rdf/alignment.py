"""Parts shared by the expressions of one redaction, and the alignment report.

When two texts of an act are of the same redaction (a Russian and a Kazakh
text with equal version dates), their parts are one node each
(`kgraph.works`). `Shared` sits between the writers and the graphs of those
texts (`kgraph.rdf.Context.add` asks it) and sorts every triple about the act
or one of its shared parts:

* per expression: language-tagged literals (texts, labels, titles) and
  provenance (`kg:sourceSpan`) go into the graph of the text that states them;
* per work: everything else (types, numbers, the place in the structure, the
  body or role a competence is granted to …) is stated once, in the graph of
  the first text that states it. A later text stating a different value of a
  property that takes one value (a `sh:maxCount 1` path of the SHACL shapes,
  such as `kg:grantedTo` or `eli:is_part_of`) does not add it: the
  disagreement is reported, and the graph stays valid.

`report()` gives, per act, the parts found in one language only and the
disagreements: the build prints it and the coverage page shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kgraph import iri
from kgraph.vocab import KG, shapes_graph

# Predicates whose values are the provenance of one text.
PER_EXPRESSION = frozenset({KG.sourceSpan})


@cache
def single_valued() -> frozenset[URIRef]:
    """Properties the SHACL shapes allow once per node (sh:maxCount 1)."""
    shapes = shapes_graph()
    return frozenset(
        p
        for prop in shapes.subjects(SH.maxCount, None)
        if int(shapes.value(prop, SH.maxCount)) == 1
        for p in shapes.objects(prop, SH.path)
        if isinstance(p, URIRef)
    )


@dataclass
class Conflict:
    node: str
    property: str
    kept: str  # the value stated first (kept)
    kept_in: str  # the document that stated it
    other: str  # the value another document states (not added)
    other_in: str


@dataclass
class Shared:
    """The state of one act's shared redaction while its texts are written."""

    act: str
    root: str
    token: str
    documents: tuple[str, ...]  # the texts sharing the parts, in build order
    languages: dict[str, str] = field(default_factory=dict)  # document -> language
    stated: set = field(default_factory=set)  # work-level triples already in some graph
    values: dict = field(default_factory=dict)  # (s, p) of a single-valued property -> (value, document)
    parts: dict[str, set[str]] = field(default_factory=dict)  # document -> the typed parts it states
    conflicts: list[Conflict] = field(default_factory=list)

    def covers(self, node) -> bool:
        """True for the act itself and the parts of this redaction."""
        s = str(node)
        if s == self.act:
            return True
        if not s.startswith(self.act + "/"):
            return False
        parsed = iri.parse(s)
        return parsed.language is None and (parsed.version or None) == (None if self.root == self.act else self.token)

    def add(self, graph: Graph, doc: str, s, p, o) -> None:
        """Add (s, p, o) as stated by `doc` into its `graph`, stating work-level facts once."""
        if p == RDF.type and str(s) != self.act:
            self.parts.setdefault(doc, set()).add(str(s))
        if (isinstance(o, Literal) and o.language) or p in PER_EXPRESSION:
            graph.add((s, p, o))
            return
        if (s, p, o) in self.stated:
            return
        if p in single_valued():
            first = self.values.get((s, p))
            if first is not None and first[0] != o:
                self.conflicts.append(Conflict(str(s), str(p), str(first[0]), first[1], str(o), doc))
                return
            self.values.setdefault((s, p), (o, doc))
        self.stated.add((s, p, o))
        graph.add((s, p, o))

    def report(self) -> dict:
        """Parts present in one text only, and the values the texts disagree on."""
        every = set().union(*self.parts.values()) if self.parts else set()
        only = {
            doc: sorted(every - set().union(*(v for d, v in self.parts.items() if d != doc)))
            for doc in self.documents
            if doc in self.parts
        }
        return {
            "act": self.act,
            "redaction": self.token,
            "documents": list(self.documents),
            "parts": len(every),
            "only_in": {doc: parts for doc, parts in only.items() if parts},
            "conflicts": [c.__dict__ for c in self.conflicts],
        }


__all__ = ["PER_EXPRESSION", "Conflict", "Shared", "single_valued"]
