"""Graph view: the neighbourhood of a resource, drawn with pyvis' data model and vis-network.

The neighbourhood is a breadth-first walk over the build's adjacency
(kgraph.web.graphindex), where n-ary plumbing is already folded into edges
(task -[lead executor]-> body, role -[held by]-> body); spans, deadlines and
code-list concepts are left out.

pyvis builds the node and edge lists and the vis-network options; its HTML
template is not used (it links CDNs and pastes data into inline scripts).
Our template loads vis-network from /vendor and reads the data from a JSON
<script> element. Past PHYSICS_MAX nodes the layout is computed here with
networkx and physics is off, because the browser's physics stalls on large
graphs; below it, physics runs until the view stabilises and then stops.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

import networkx as nx
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from kgraph import iri, queries
from kgraph import resource_kinds as kinds
from kgraph.web.errors import PageError, day_param
from kgraph.web.graphindex import CO, HELD, LEAD, Edge, adjacency
from kgraph.web.i18n import N_, lang_of, translator
from kgraph.web.render import page, site
from kgraph.web.site import Site, href

router = APIRouter()

DEFAULT_LIMIT = 150
MAX_LIMIT = 2000
PHYSICS_MAX = 300
COUNT_FRONTIER_MAX = 3000
LABEL_INSIDE = {
    "box",
    "ellipse",
    "database",
    "text",
    "circle",
}  # nodes whose further neighbours are counted for "not shown yet"


@dataclass
class Neighbourhood:
    center: str
    nodes: dict[str, int] = field(default_factory=dict)  # iri -> distance
    edges: list[Edge] = field(default_factory=list)
    reached: int = 0  # nodes found before the cap
    hidden: Counter = field(default_factory=Counter)  # kind -> nodes cut by the cap
    beyond: Counter = field(default_factory=Counter)  # kind -> nodes one level further
    per_node: dict[str, Counter] = field(default_factory=dict)  # iri -> kind -> neighbours not shown


def explore(
    s: Site, center: str, depth: int, only: set[str], doc: str | None, limit: int, lang: str, day: str | None = None
) -> Neighbourhood:
    """The neighbourhood of `center`; with `day` (ISO date), as it stood then: bodies that
    existed, role tenures that covered it, and what documents adopted by then state."""
    hood = Neighbourhood(center, {center: 0})
    all_edges: list[Edge] = []
    adj = adjacency(s)

    def admissible(x: str) -> bool:
        k = s.kind(x)
        return (
            k not in kinds.PLUMBING
            and x.startswith(iri.BASE)
            and (not only or k in only)
            and (day is None or adj.exists_at(x, day))
        )

    frontier = [center]
    for d in range(1, depth + 1):
        found = adj.around(frontier, doc, day)
        frontier = []
        for e in found:
            for x in (e.a, e.b):
                if x not in hood.nodes and admissible(x):
                    hood.nodes[x] = d
                    frontier.append(x)
        all_edges.extend(found)
    # one level further, only to count what expanding would add
    further = adj.around(frontier[:COUNT_FRONTIER_MAX], doc, day) if frontier else []
    beyond: dict[str, str] = {
        x: other for e in further for x, other in ((e.a, e.b), (e.b, e.a)) if x not in hood.nodes and admissible(x)
    }
    hood.beyond = Counter(s.kind(x) for x in beyond)
    hood.reached = len(hood.nodes)
    ranked = sorted(
        hood.nodes, key=lambda x: (hood.nodes[x], kinds.ORDER.get(s.kind(x), 99), s.label(x, lang).casefold(), x)
    )
    keep = set(ranked[:limit])
    hood.hidden = Counter(s.kind(x) for x in ranked[limit:])
    hood.nodes = {x: hood.nodes[x] for x in ranked[:limit]}
    seen = set()
    for e in all_edges + further:
        if e.a in keep and e.b in keep:
            key = (min(e.a, e.b), max(e.a, e.b), e.label)
            if key not in seen:
                seen.add(key)
                hood.edges.append(e)
        else:
            for x, other in ((e.a, e.b), (e.b, e.a)):
                if x in keep and other not in keep and admissible(other):
                    hood.per_node.setdefault(x, Counter())[s.kind(other)] += 1
    return hood


def to_vis(s: Site, hood: Neighbourhood, lang: str) -> dict:
    """Nodes, edges and options for vis-network, built with pyvis."""
    # heavy (0.4 s): imported when the first graph view is drawn, not when the app starts
    from pyvis.edge import Edge as PyvisEdge
    from pyvis.network import Network

    net = Network(directed=True, height="100%", width="100%", cdn_resources="local")
    positions = _layout(hood) if len(hood.nodes) > PHYSICS_MAX else {}
    for x in hood.nodes:
        k = kinds.BY_KEY.get(s.kind(x), kinds.OTHER)
        label = s.label(x, lang)
        more = hood.per_node.get(x, Counter())
        hidden = ", ".join(f"{kinds.kind_name(kk, lang)}: {n}" for kk, n in more.most_common())
        title = "\n".join(filter(None, [label, kinds.kind_name(k.key, lang), f"+ {hidden}" if hidden else ""]))
        opts = {
            "title": title,
            "url": href(x),
            "kind": k.key,
            "size": 28 if x == hood.center else 16,
            "font": {"size": 16 if x == hood.center else 12},
            "borderWidth": 3 if x == hood.center else 1,
        }
        shape = k.shape
        if x in positions:
            opts.update(x=positions[x][0], y=positions[x][1], physics=False)
            # big views: labels under small shapes instead of inside wide boxes, which overlap on the rings
            shape = "dot" if shape in LABEL_INSIDE else shape
            opts["font"] = {"size": 10}
        net.add_node(x, label=_short(label, 30 if positions else 40), shape=shape, color=k.color, **opts)
    _ = translator(lang)
    names = {LEAD: _("lead executor"), CO: _("co-executor"), HELD: _("held by")}
    for e in hood.edges:
        label = names[e.label] if e.label in names else s.label(e.label, lang)
        label = f"{label} {e.period}".strip() if e.period else label
        # pyvis' add_edge re-scans the node list for every edge (quadratic); the edge model is the same
        text = {"title": label} if positions else {"label": _short(label, 28)}  # big views: labels on hover
        net.edges.append(
            PyvisEdge(e.a, e.b, True, dashes=e.dashed, font={"size": 9, "color": "#555"}, arrows="to", **text).options
        )
    physics = not positions
    net.options = {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -160, "springLength": 200, "avoidOverlap": 0.6},
            "stabilization": {"enabled": physics, "iterations": 300, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": len(hood.edges) > 800},
        "edges": {"smooth": False, "color": {"color": "#9aa", "highlight": "#333"}},
        "nodes": {"font": {"color": "#222"}},
    }
    nodes, edges, _, _, _, options = net.get_network_data()
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options) if isinstance(options, str) else options,
        "center": hood.center,
    }


def _layout(hood: Neighbourhood) -> dict[str, tuple[float, float]]:
    """Concentric rings by distance from the centre, each node near its BFS parent.

    Linear in the number of nodes: a force layout (networkx's spring_layout
    took 0.6 s for 300 nodes here) is what the browser's physics does below
    PHYSICS_MAX; above it a fixed, readable layout that never moves is better."""
    g = nx.Graph()
    g.add_nodes_from(hood.nodes)
    g.add_edges_from((e.a, e.b) for e in hood.edges)
    parent = dict(nx.bfs_predecessors(g, hood.center))
    angle = {hood.center: 0.0}
    pos = {hood.center: (0.0, 0.0)}
    rings: dict[int, list[str]] = {}
    for n, d in hood.nodes.items():
        if n != hood.center:
            rings.setdefault(d, []).append(n)
    radius = 0.0
    for d in sorted(rings):
        ring = sorted(rings[d], key=lambda n: (angle.get(parent.get(n, ""), 7.0), n))
        radius = max(radius + 260.0, len(ring) * 38.0 / (2 * math.pi))
        for i, n in enumerate(ring):
            a = 2 * math.pi * i / len(ring)
            angle[n] = a
            pos[n] = (round(radius * math.cos(a), 1), round(radius * math.sin(a), 1))
    return pos


def _day(value: str | None) -> str | None:
    """The date filter: an ISO date (YYYY-MM-DD), or None when empty."""
    return day_param(value)


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _resolve(value: str) -> str:
    """Accept a full IRI, a /id/... path or a path under the base."""
    value = value.strip()
    if value.startswith("/id/"):
        return iri.BASE + value[4:]
    if value.startswith(("http://", "https://")):
        return value
    return iri.BASE + value.lstrip("/")


def top_bodies(s: Site, lang: str, n: int = 12) -> list[dict]:
    """Bodies with the most tasks (the named query top_bodies; groups and roles left out): where to
    start exploring."""
    memo = s.memo.setdefault("top_bodies", {})  # a build never changes: counted once
    if "rows" not in memo:
        memo["rows"] = s.select(queries.named("top_bodies"))
    rows = memo["rows"]
    out = [
        {"term": s.term(r["body"], lang), "tasks": int(r["tasks"].value)}
        for r in rows
        if s.kind(r["body"].value) == "body"
    ]
    return out[:n]


@router.get("/graph/export")
def graph_export(
    request: Request,
    iri_: str = Query(..., alias="iri"),
    depth: int = Query(1, ge=1, le=3),
    kinds_: list[str] = Query([], alias="kinds"),
    doc: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    format: str = "graphml",
    at: str | None = None,
):
    """The current view for Gephi/yEd (GraphML) or a spreadsheet (CSV of edges)."""
    s = site(request)
    lang = lang_of(request)
    only = {k for part in kinds_ for k in part.split(",") if k in kinds.BY_KEY}
    hood = explore(s, _resolve(iri_), depth, only, doc if doc in s.source_docs() else None, limit, lang, _day(at))
    _ = translator(lang)
    names = {LEAD: _("lead executor"), CO: _("co-executor"), HELD: _("held by")}
    g = nx.MultiDiGraph()
    for x, d in hood.nodes.items():
        g.add_node(x, label=s.label(x, lang), kind=s.kind(x), distance=d)
    for e in hood.edges:
        g.add_edge(e.a, e.b, label=names.get(e.label) or s.label(e.label, lang), predicate=e.label)
    if format == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["source", "source_label", "relation", "target", "target_label"])
        for a, b, data in g.edges(data=True):
            w.writerow([a, g.nodes[a]["label"], data["label"], b, g.nodes[b]["label"]])
        return Response(
            buf.getvalue(),
            media_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="kgraph-graph.csv"'},
        )
    if format != "graphml":
        raise PageError(400, N_("format must be graphml or csv"))
    return Response(
        "\n".join(nx.generate_graphml(g)),
        media_type="application/graphml+xml",
        headers={"Content-Disposition": 'attachment; filename="kgraph-graph.graphml"'},
    )


@router.get("/graph")
@router.get("/graph.json")
def graph_page(
    request: Request,
    iri_: str | None = Query(None, alias="iri"),
    depth: int = Query(1, ge=1, le=3),
    kinds_: list[str] = Query([], alias="kinds"),
    doc: str | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    at: str | None = None,
):
    s = site(request)
    day = _day(at)
    lang = lang_of(request)
    only = {k for part in kinds_ for k in part.split(",") if k in kinds.BY_KEY}
    docs = sorted(s.source_docs())
    doc = doc if doc in docs else None
    base = {
        "depth": depth,
        "limit": limit,
        "kinds": sorted(only),
        "doc": doc,
        "docs": docs,
        "all_kinds": [k.key for k in kinds.KINDS if k.key not in kinds.PLUMBING],
        "physics_max": PHYSICS_MAX,
        "step": DEFAULT_LIMIT,
        "at": day,
    }
    if not iri_:
        return page(request, "graph.html", base | {"center": None, "suggestions": top_bodies(s, lang)})
    center = _resolve(iri_)
    if (
        not s.types(center)
        and not s.labels(center)
        and not s.select(queries.internal("outgoing"), {"s": center}, limit=1)
    ):
        raise PageError(404, N_("no resource %(iri)s"), iri=center)
    hood = explore(s, center, depth, only, doc, limit, lang, day)
    data = to_vis(s, hood, lang)

    def view(**changes) -> str:
        params = {
            "iri": center,
            "depth": depth,
            "limit": limit,
            "kinds": ",".join(sorted(only)) or None,
            "doc": doc,
            "at": day,
        } | changes
        return "/graph?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})

    nodes = sorted(hood.nodes, key=lambda x: (hood.nodes[x], kinds.ORDER.get(s.kind(x), 99), s.label(x, lang)))
    return page(
        request,
        "graph.html",
        base
        | {
            "center": s.term(center, lang),
            "data": data,
            "shown": len(hood.nodes),
            "reached": hood.reached,
            "hidden": dict(hood.hidden.most_common()),
            "beyond": dict(hood.beyond.most_common()),
            "share": view(),
            "export": view().replace("/graph?", "/graph/export?", 1),
            "expand": view(limit=min(limit + DEFAULT_LIMIT, MAX_LIMIT)),
            "deeper": view(depth=depth + 1) if depth < 3 else None,
            "physics": len(hood.nodes) <= PHYSICS_MAX,
            "node_list": [
                {
                    "term": s.term(x, lang),
                    "distance": hood.nodes[x],
                    "more": sum(hood.per_node.get(x, Counter()).values()),
                    "recenter": view(iri=x, limit=DEFAULT_LIMIT),
                }
                for x in nodes
            ],
            "kind_views": {k: view(kinds=k) for k in hood.hidden},
        },
    )
