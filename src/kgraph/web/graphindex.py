"""The graph view's adjacency, read once per build from the store.

A neighbourhood three levels deep touches hundreds of nodes; asking the store
one query per level with all of them in a VALUES block cost 20-50 ms a level
here, walking an in-memory adjacency costs microseconds. The build is
immutable, so the index (kept in the Site's memo) never goes stale: a new
build comes with a new Site (kgraph.web.reload). Memory is
a few tuples per IRI-to-IRI triple (about 100 MB at a million triples).

N-ary plumbing is folded into edges here: task -[lead executor]-> body
instead of task -> assignment -> body; role -[held by]-> body instead of
role <- tenure -> body. Each edge remembers the named graphs (documents)
stating it, for the graph view's document filter.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from kgraph import iri, queries

# Which triples become edges (and which the view does not draw) is said by the graph_* queries
# of queries/internal/.
LEAD, CO, HELD = "lead", "co", "held"


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    label: str  # a predicate IRI, or LEAD / CO / HELD
    graphs: frozenset[str]
    period: str = ""  # for HELD: "2012–2014"
    valid: tuple[str | None, str | None] = (None, None)  # for HELD: ISO dates, until exclusive

    @property
    def dashed(self) -> bool:
        return self.label == CO


class Adjacency:
    def __init__(self, site):
        self.edges: list[Edge] = []
        self.by_node: dict[str, list[int]] = {}
        self._load(site)

    def _add(
        self,
        a: str,
        b: str,
        label: str,
        graph: str | None,
        period: str = "",
        valid: tuple[str | None, str | None] = (None, None),
    ) -> None:
        key = (a, b, label, period)
        idx = self._seen.get(key)
        if idx is not None:
            e = self.edges[idx]
            if graph and graph not in e.graphs:
                self.edges[idx] = Edge(a, b, label, e.graphs | {graph}, period, e.valid)
            return
        self._seen[key] = len(self.edges)
        self.edges.append(Edge(a, b, label, frozenset({graph} if graph else ()), period, valid))
        self.by_node.setdefault(a, []).append(len(self.edges) - 1)
        self.by_node.setdefault(b, []).append(len(self.edges) - 1)

    def _load(self, site) -> None:
        self._seen: dict[tuple, int] = {}
        for r in site.select(queries.internal("graph_edges")):
            self._add(r["a"].value, r["b"].value, r["p"].value, r["g"].value)
        for r in site.select(queries.internal("graph_assignments")):
            lead = r["role"] is not None and r["role"].value.endswith("LeadExecutor")
            self._add(r["task"].value, r["who"].value, LEAD if lead else CO, r["g"].value)
        for r in site.select(queries.internal("graph_tenures")):
            period = "–".join(x.value[:4] if x is not None else "" for x in (r["from"], r["until"]))
            valid = tuple(x.value if x is not None else None for x in (r["from"], r["until"]))
            self._add(r["role"].value, r["who"].value, HELD, r["g"].value, period.strip("–"), valid)
        del self._seen
        # For the date filter: when each document was adopted (its graph states nothing before),
        # and when each body existed.
        self.graph_dates = {r["g"].value: r["date"].value for r in site.select(queries.internal("graph_dates"))}
        self.validity = {
            r["x"].value: (r["from"].value if r["from"] else None, r["until"].value if r["until"] else None)
            for r in site.select(queries.internal("validity"))
        }

    def exists_at(self, node: str, day: str) -> bool:
        """Whether a node existed on `day` (ISO date); nodes without validity dates always did."""
        start, end = self.validity.get(node, (None, None))
        return (start is None or start <= day) and (end is None or day < end)

    def stated_by(self, e: Edge, day: str) -> bool:
        """Whether an edge held on `day`: a role tenure covering it, or any edge stated by a
        document adopted by then (or by an undated graph: the registry, the findings)."""
        if e.label == HELD:
            start, end = e.valid
            return (start is None or start <= day) and (end is None or day < end)
        return any(self.graph_dates.get(g, "") <= day for g in e.graphs) if e.graphs else True

    def around(self, nodes, doc: str | None = None, day: str | None = None) -> list[Edge]:
        """Edges touching any of the nodes (only those a document states, if doc is given;
        only those that held on `day`, if given)."""
        graph = iri.graph(doc) if doc else None
        seen: set[int] = set()
        out = []
        for n in nodes:
            for i in self.by_node.get(n, ()):
                if i not in seen:
                    seen.add(i)
                    e = self.edges[i]
                    if (graph is None or graph in e.graphs) and (day is None or self.stated_by(e, day)):
                        out.append(e)
        return out


_lock = threading.Lock()


def adjacency(site) -> Adjacency:
    """The site's adjacency, built on first use (one graph view pays ~0.1 s on five sources)."""
    adj = site.memo.get("adjacency", {}).get("index")
    if adj is None:
        with _lock:
            adj = site.memo.get("adjacency", {}).get("index")
            if adj is None:
                adj = Adjacency(site)
                site.memo["adjacency"] = {"index": adj}
    return adj
